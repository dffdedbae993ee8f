/*
 * A new password without the old one, and the ways into an account:
 *
 *  - self-service by e-mail, when the instance has mail (smtp_url): an
 *    account may keep an e-mail address; "Wachtwoord vergeten?" takes an
 *    address and always answers the same, so it tells nobody which addresses
 *    are known.  A job (kind "mail_reset", argument the account id) makes a
 *    one-time link valid CORE_MAIL_RESET_MINUTES and sends it over SMTP with
 *    libcurl, so the request does not wait for the mail server.  Requests are
 *    limited per address, per account and per network address.
 *  - when it has none: an administrator, or the staff of the client's care
 *    organisation, makes a link and hands it over.  "Their clients" are
 *    clients (persons who are not professionals, administrators, moderators
 *    or staff of any organisation) who follow an organisation the staff
 *    member works for: following is the client's own choice of organisation.
 *    Taking over a colleague's or a professional's account this way is not
 *    possible.
 *  - a group's link made by an administrator, or any group's link when
 *    registration is open, lets a newcomer make an account and join.
 */
#include <curl/curl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"
#include "job/job.h"
#include "store/store_media.h"

#define MAIL_JOB "mail_reset"
#define MAIL_SUBJECT_MAX 400

static char smtp_url[512], smtp_from[256], mail_base[256];

/* ---- e-mail addresses ---- */

bool core_email_valid(const char *e)
{
	if (!e)
		return false;
	size_t n = strlen(e);
	const char *at = strchr(e, '@');
	if (n < 3 || n > CORE_EMAIL_MAX || !at || at == e || strchr(at + 1, '@') || !strchr(at + 1, '.'))
		return false;
	for (const char *p = e; p < at; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      strchr(".!#$%&'*+/=?^_`{|}~-", *p)))
			return false;
	const char *d = at + 1;
	if (*d == '.' || d[strlen(d) - 1] == '.' || strstr(d, ".."))
		return false;
	for (const char *p = d; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '.' ||
		      *p == '-'))
			return false;
	return true;
}

static char *email_norm(struct arena *a, const char *e)
{
	char *n = arena_strdup(a, e);
	str_lower(n);
	return n;
}

int core_email_get(struct core *c, struct arena *a, uint64_t account, const char **email)
{
	int rc = store_email_get(c->store, a, account, email);
	if (rc == ERR_NOTFOUND) {
		*email = NULL;
		rc = 0;
	}
	return rc;
}

int core_email_set(struct core *c, uint64_t account, const char *email)
{
	struct arena a;
	arena_init(&a);
	int rc = 0;
	char *e = arena_strdup(&a, email ? email : "");
	e = str_trim(e);
	if (*e && !core_email_valid(e))
		rc = ERR_INVAL;
	if (!rc)
		rc = store_email_set(c->store, account, e, email_norm(&a, e));
	arena_release(&a);
	return rc;
}

/* ---- reset links ---- */

static int reset_token(struct core *c, struct arena *a, uint64_t by, uint64_t account, int64_t ttl, char **token)
{
	char *t = core_token_new(a);
	char h[65];
	core_token_hash(t, h);
	int rc = store_token_insert(c->store, "reset", h, account, 0, time_now() + ttl, by);
	if (!rc)
		*token = t;
	return rc;
}

int core_reset_account(struct core *c, struct arena *a, const char *token, struct account **out)
{
	if (!core_token_valid(token))
		return ERR_NOTFOUND;
	char h[65];
	core_token_hash(token, h);
	uint64_t id = 0;
	int rc = store_token_account(c->store, "reset", h, time_now(), &id);
	if (!rc)
		rc = store_account_get(c->store, a, id, out);
	return rc;
}

bool core_reset_may(struct core *c, struct arena *a, uint64_t viewer, const struct account *target)
{
	if (!viewer || !target || viewer == target->id || target->kind != ACCOUNT_PERSON)
		return false;
	struct account *v;
	if (store_account_get(c->store, a, viewer, &v) || v->suspended)
		return false;
	if (v->role == ROLE_ADMIN)
		return true;
	if (target->person_type != PERSON_CLIENT || target->role != ROLE_MEMBER || target->suspended)
		return false;
	if (store_staff_any(c->store, target->id))
		return false;
	return store_staff_client(c->store, viewer, target->id);
}

int core_reset_for(struct core *c, struct arena *a, uint64_t viewer, const struct account *target, char **token)
{
	if (!core_reset_may(c, a, viewer, target))
		return ERR_FORBIDDEN;
	log_info("reset link for account %llu made by account %llu", (unsigned long long)target->id,
	         (unsigned long long)viewer);
	return reset_token(c, a, viewer, target->id, (int64_t)CORE_RESET_HOURS * 3600, token);
}

/* ---- mail ---- */

bool core_mail_on(void)
{
	return smtp_url[0] != '\0';
}

/* A path on this site to go on to after a reset: no other host, nothing a
 * mail client or a header could split on, and short enough for a link. */
static bool next_ok(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || strlen(next) > CORE_NEXT_MAX)
		return false;
	for (const unsigned char *p = (const unsigned char *)next; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || *p == '\\')
			return false;
	return true;
}

int core_forgot(struct core *c, struct arena *a, const char *email, const char *remote, const char *next)
{
	if (!core_mail_on())
		return ERR_NOTFOUND;
	char *e = str_trim(arena_strdup(a, email ? email : ""));
	if (!core_email_valid(e))
		return ERR_INVAL;
	char *norm = email_norm(a, e);
	int64_t now = time_now(), since = now - 3600, n = 0;
	/* Per network address and per e-mail address, counted whether or not the
	 * address is known: the answer never differs. */
	if (store_rate_hit(c->store, arena_printf(a, "forgot:ip:%s", core_addr_bucket(a, remote)), now, since, &n))
		return ERR_BUSY;
	if (n > CORE_FORGOT_PER_IP)
		return 0;
	if (store_rate_hit(c->store, arena_printf(a, "forgot:mail:%s", norm), now, since, &n))
		return ERR_BUSY;
	if (n > CORE_FORGOT_PER_ADDRESS)
		return 0;
	uint64_t ids[4];
	size_t k = 0;
	if (store_email_accounts(c->store, norm, ids, 4, &k))
		return ERR_BUSY;
	bool queued = false;
	for (size_t i = 0; i < k; i++) {
		/* One mail per account per CORE_FORGOT_ACCOUNT_GAP seconds. */
		if (store_rate_hit(c->store, arena_printf(a, "forgot:acct:%llu", (unsigned long long)ids[i]), now,
		                   now - CORE_FORGOT_ACCOUNT_GAP, &n))
			continue;
		if (n > 1)
			continue;
		uint64_t jid;
		/* "ID" or "ID NEXT": the way back rides along to the mailed link. */
		const char *arg = next_ok(next) && strcmp(next, "/")
		                          ? arena_printf(a, "%llu %s", (unsigned long long)ids[i], next)
		                          : arena_printf(a, "%llu", (unsigned long long)ids[i]);
		if (!store_job_enqueue(c->store, MAIL_JOB, arg, now, &jid))
			queued = true;
	}
	if (queued)
		job_kick();
	return 0;
}

struct upload {
	const char *p;
	size_t left;
};

static size_t read_cb(char *buf, size_t size, size_t nmemb, void *ud)
{
	struct upload *u = ud;
	size_t n = size * nmemb;
	if (n > u->left)
		n = u->left;
	memcpy(buf, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

/* A server stopping does not wait for a slow mail server: the job is retried. */
static int progress_cb(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	return job_stopping() ? 1 : 0;
}

static int smtp_send(const char *to, const char *msg, char *why, size_t whylen)
{
	CURL *h = curl_easy_init();
	if (!h)
		return ERR_NOMEM;
	struct upload u = {msg, strlen(msg)};
	struct curl_slist *rcpt = curl_slist_append(NULL, to);
	char from[300];
	snprintf(from, sizeof from, "<%s>", smtp_from);
	curl_easy_setopt(h, CURLOPT_URL, smtp_url);
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(h, CURLOPT_READDATA, &u);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	/* STARTTLS when the server offers it; smtps:// is TLS from the start. */
	curl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, progress_cb);
	CURLcode cr = curl_easy_perform(h);
	if (cr != CURLE_OK)
		snprintf(why, whylen, "smtp: %s", curl_easy_strerror(cr));
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(h);
	return cr == CURLE_OK ? 0 : ERR_IO;
}

/* A header's text as RFC 2047 encoded words when it is not plain ASCII,
 * each word at most 75 characters and never splitting a character. */
static const char *header_text(struct arena *a, const char *s)
{
	bool ascii = true;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x7f || *p < ' ')
			ascii = false;
	if (ascii)
		return s;
	struct buf b = BUF_INIT(256);
	size_t n = strlen(s), i = 0;
	while (i < n) {
		size_t k = n - i > 45 ? 45 : n - i;
		while (i + k < n && k > 1 && ((unsigned char)s[i + k] & 0xc0) == 0x80)
			k--;
		char enc[sodium_base64_ENCODED_LEN(45, sodium_base64_VARIANT_ORIGINAL)];
		sodium_bin2base64(enc, sizeof enc, (const unsigned char *)s + i, k, sodium_base64_VARIANT_ORIGINAL);
		if ((i && buf_adds(&b, "\r\n ")) || buf_adds(&b, "=?UTF-8?B?") || buf_adds(&b, enc) || buf_adds(&b, "?="))
			break;
		i += k;
	}
	const char *out = arena_strdup(a, b.ptr ? b.ptr : "");
	buf_release(&b);
	return out;
}

int core_mail_send(struct arena *a, const char *to, const char *subject, const char *body, const char *ics,
                   char *why, size_t whylen)
{
	if (!core_mail_on()) {
		snprintf(why, whylen, "this instance has no mail (smtp_url)");
		return ERR_BUSY;
	}
	if (!core_email_valid(to) || strlen(subject) > MAIL_SUBJECT_MAX) {
		snprintf(why, whylen, "not a mail to send");
		return ERR_INVAL;
	}
	char date[64];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	const char *at = strchr(smtp_from, '@');
	const char *head = arena_printf(a, "Date: %s\r\nFrom: <%s>\r\nTo: <%s>\r\nSubject: %s\r\n"
	                                   "Message-ID: <%s@%s>\r\nMIME-Version: 1.0\r\n",
	                                date, smtp_from, to, header_text(a, subject), core_token_new(a),
	                                at ? at + 1 : "kring.invalid");
	const char *msg;
	if (!ics) {
		msg = arena_printf(a, "%sContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s",
		                   head, body);
	} else {
		/* The text, and the appointment for a calendar (RFC 2046 multipart). */
		const char *bd = arena_printf(a, "kring-%.32s", core_token_new(a)); /* at most 70 (RFC 2046) */
		msg = arena_printf(a,
		                   "%sContent-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n"
		                   "--%s\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n%s\r\n"
		                   "--%s\r\nContent-Type: text/calendar; charset=UTF-8; method=PUBLISH\r\n"
		                   "Content-Transfer-Encoding: 8bit\r\n"
		                   "Content-Disposition: attachment; filename=\"afspraak.ics\"\r\n\r\n%s\r\n--%s--\r\n",
		                   head, bd, bd, body, bd, ics, bd);
	}
	return smtp_send(to, msg, why, whylen);
}

const char *core_mail_base(void)
{
	return mail_base;
}

static int mail_run(void *ctx, const char *arg, char *why, size_t whylen)
{
	struct core *c = ctx;
	uint64_t id;
	const char *sp = strchr(arg, ' ');
	const char *next = sp && next_ok(sp + 1) ? sp + 1 : NULL;
	char idbuf[24];
	size_t idlen = sp ? (size_t)(sp - arg) : strlen(arg);
	if (idlen >= sizeof idbuf)
		return ERR_INVAL;
	memcpy(idbuf, arg, idlen);
	idbuf[idlen] = '\0';
	if (!parse_u64(idbuf, &id))
		return ERR_INVAL;
	if (!core_mail_on())
		return 0; /* queued before mail was switched off: nothing to send with */
	struct arena a;
	arena_init(&a);
	struct account *acc;
	const char *to = NULL;
	char *token;
	int rc = store_account_get(c->store, &a, id, &acc);
	if (rc == ERR_NOTFOUND)
		rc = ERR_INVAL;
	if (!rc)
		rc = core_email_get(c, &a, id, &to);
	/* The address was removed or the account suspended since: nothing to send. */
	if (rc || !to || acc->suspended || !core_email_valid(to))
		goto out;
	struct site site;
	core_site_get(c, &a, &site);
	if ((rc = reset_token(c, &a, 0, id, (int64_t)CORE_MAIL_RESET_MINUTES * 60, &token)))
		goto out;
	const char *link = arena_printf(&a, "%s/reset/%s", mail_base, token);
	if (next) {
		struct buf b = BUF_INIT(4 * CORE_NEXT_MAX);
		if (!buf_adds(&b, link) && !buf_adds(&b, "?next=") && !url_encode(&b, next, strlen(next)))
			link = arena_strdup(&a, b.ptr);
		buf_release(&b);
	}
	bool en = acc->lang && !strcmp(acc->lang, "en");
	const char *body =
		en ? arena_printf(&a,
		                  "Hello,\r\n\r\nSomeone asked for a new password for the account \"%s\" on %s.\r\n"
		                  "Was that you? Open this link within an hour and choose a new password:\r\n\r\n%s\r\n\r\n"
		                  "The link works once. Did you not ask for this? Then you need not do anything:\r\n"
		                  "your password stays the same.\r\n",
		                  acc->username, site.name, link)
		   : arena_printf(&a,
		                  "Hallo,\r\n\r\nIemand vroeg om een nieuw wachtwoord voor het account \"%s\" op %s.\r\n"
		                  "Was u dat? Open deze link binnen een uur en kies een nieuw wachtwoord:\r\n\r\n%s\r\n\r\n"
		                  "De link werkt één keer. Hebt u hier niet om gevraagd? Dan hoeft u niets te doen:\r\n"
		                  "uw wachtwoord blijft hetzelfde.\r\n",
		                  acc->username, site.name, link);
	rc = core_mail_send(&a, to, en ? "Choose a new password" : "Nieuw wachtwoord kiezen", body, NULL, why,
	                    whylen);
	if (!rc)
		log_info("password-reset mail sent for account %llu", (unsigned long long)id);
	else
		log_warn("password-reset mail for account %llu: %s", (unsigned long long)id, why);
out:
	arena_release(&a);
	return rc;
}

static struct job_handler mail_handlers[2];

int core_mail_open(struct core *c, const char *url, const char *from, const char *base_url,
                   const struct job_handler **h, size_t *n)
{
	*h = NULL;
	*n = 0;
	mail_handlers[0] = (struct job_handler){.kind = MAIL_JOB, .run = mail_run, .ctx = c};
	/* Appointment reminders by e-mail (core/remind.c) go the same way. */
	mail_handlers[1] = (struct job_handler){.kind = REMIND_MAIL_JOB, .run = remind_mail_run, .ctx = c};
	/* Jobs already queued still run (and send nothing) when mail is off. */
	*h = mail_handlers;
	*n = 2;
	if (!url || !*url)
		return 0;
	if (strncmp(url, "smtp://", 7) && strncmp(url, "smtps://", 8)) {
		log_err("smtp_url must start with smtp:// or smtps://");
		return ERR_INVAL;
	}
	if (!from || !core_email_valid(from)) {
		log_err("smtp_from must be an e-mail address (the sender of password-reset mail)");
		return ERR_INVAL;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT)) {
		log_err("cannot start libcurl for mail");
		return ERR_IO;
	}
	snprintf(smtp_url, sizeof smtp_url, "%s", url);
	snprintf(smtp_from, sizeof smtp_from, "%s", from);
	snprintf(mail_base, sizeof mail_base, "%s", base_url);
	return 0;
}

void core_mail_close(void)
{
	if (core_mail_on())
		curl_global_cleanup();
	smtp_url[0] = '\0';
}

/* ---- registering through a group's link ---- */

bool core_group_link_admits(struct core *c, struct arena *a, const char *token)
{
	struct group *g;
	if (!token || core_group_invite_check(c, a, token, &g))
		return false;
	struct site site;
	core_site_get(c, a, &site);
	if (site.open_registration)
		return true;
	char h[65];
	core_token_hash(token, h);
	uint64_t by = 0;
	struct account *maker;
	return !store_group_invite_creator(c->store, h, &by) && !store_account_get(c->store, a, by, &maker) &&
	       maker->role == ROLE_ADMIN && !maker->suspended;
}
