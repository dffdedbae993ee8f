/*
 * Accounts, passwords (Argon2id), sessions, invitations, reset links and the
 * first administrator's set-up link.  Tokens are random, shown once, and
 * stored only as their SHA-256, so a leaked database opens no session.
 */
#include <arpa/inet.h>
#include <pthread.h>
#include <sodium.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/text.h"
#include "core/core.h"
#include "core/federation.h"
#include "store/store_fed.h"
#include "core/core_int.h"
#include "store/store_api.h"
#include "store/store_appt.h"

/* OWASP's Argon2id minimum: 19 MiB, 2 passes; kind to a small machine. */
#define PW_OPSLIMIT 2
#define PW_MEMLIMIT (19u * 1024 * 1024)

int core_open(const char *db_target, struct core **out)
{
	if (sodium_init() < 0) {
		log_err("cannot initialise libsodium");
		return ERR_IO;
	}
	struct store *st;
	int rc = scan_init();
	if (rc) {
		log_err("cannot start the privacy guard: %s", err_str(rc));
		return rc;
	}
	rc = store_open(db_target, &st);
	if (rc)
		return rc;
	struct core *c = xcalloc(1, sizeof *c);
	/* KRING_POST_RATE: posts per writer per five minutes (0 switches the
	 * limit off, e.g. for load tests). */
	c->post_rate = CORE_POSTS_PER_WINDOW;
	const char *pr = getenv("KRING_POST_RATE");
	uint64_t v;
	if (pr && parse_u64(pr, &v) && v < 1000000)
		c->post_rate = (int)v;
	/* KRING_APP_RATE: app registrations per address per hour (0: no limit,
	 * for a test suite whose every client comes from 127.0.0.1). */
	c->app_rate = CORE_APPS_PER_HOUR;
	const char *ar = getenv("KRING_APP_RATE");
	if (ar && parse_u64(ar, &v) && v < 1000000)
		c->app_rate = (int)v;
	c->store = st;
	/* KRING_REACH=0: count no reach (to measure what counting costs the
	 * timelines; an instance that wants no counts at all). */
	const char *rs = getenv("KRING_REACH");
	c->reach = rs && !strcmp(rs, "0") ? NULL : reach_new();
	const char *bm = getenv("KRING_BADGE_MEMO");
	c->badges = bm && !strcmp(bm, "0") ? NULL : badge_new();
	*out = c;
	return 0;
}

void core_close(struct core *c)
{
	if (!c)
		return;
	reach_free(c);
	badge_free(c->badges);
	store_close(c->store);
	free(c);
}

void core_thread_done(struct core *c)
{
	store_thread_done(c->store);
}

/* ---- site settings ---- */

void core_site_get(struct core *c, struct arena *a, struct site *out)
{
	static const char *const keys[] = {"site.name", "site.description", "site.registration"};
	const char *v[] = {"kring", "Een veilige plek voor zorg en welzijn.", "invite"};
	IGNORE_RESULT(store_meta_get_many(c->store, a, 3, keys, v)); /* the defaults when unknown, as before */
	out->name = v[0];
	out->description = v[1];
	out->open_registration = !strcmp(v[2], "open");
}

int core_site_set(struct core *c, const struct site *s)
{
	if (!s->name || text_check(s->name, strlen(s->name), CORE_DISPLAY_MAX) || !*s->name)
		return ERR_INVAL;
	if (!s->description || text_check(s->description, strlen(s->description), CORE_BIO_MAX))
		return ERR_INVAL;
	int rc = store_meta_set(c->store, "site.name", s->name);
	if (!rc)
		rc = store_meta_set(c->store, "site.description", s->description);
	if (!rc)
		rc = store_meta_set(c->store, "site.registration", s->open_registration ? "open" : "invite");
	return rc;
}

int core_user_count(struct core *c, int64_t *out)
{
	int rc = 0;
	*out = 0;
	for (int role = ROLE_MEMBER; role <= ROLE_ADMIN && !rc; role++) {
		int64_t n = 0;
		if (!(rc = store_account_count_role(c->store, role, &n)))
			*out += n;
	}
	/* Other servers' accounts shown here are not users of this one. */
	int64_t remote = 0;
	if (!rc && !(rc = store_fed_account_count(c->store, &remote)))
		*out -= remote;
	return rc;
}

/* ---- tokens ---- */

void core_token_hash(const char *token, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	sodium_bin2hex(out, 65, h, sizeof h);
}

char *core_token_new(struct arena *a)
{
	unsigned char raw[CORE_TOKEN_BYTES];
	randombytes_buf(raw, sizeof raw);
	char *hex = arena_alloc(a, 2 * CORE_TOKEN_BYTES + 1);
	sodium_bin2hex(hex, 2 * CORE_TOKEN_BYTES + 1, raw, sizeof raw);
	return hex;
}

bool core_token_valid(const char *t)
{
	if (!t || strlen(t) != 2 * CORE_TOKEN_BYTES)
		return false;
	for (; *t; t++)
		if (!((*t >= '0' && *t <= '9') || (*t >= 'a' && *t <= 'f')))
			return false;
	return true;
}

/* ---- accounts ---- */

bool core_username_valid(const char *name)
{
	size_t n = strlen(name);
	if (n < 2 || n > CORE_NAME_MAX)
		return false;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return false;
	return true;
}

static int password_ok(const char *pw)
{
	if (!pw)
		return ERR_INVAL;
	size_t n = strlen(pw);
	if (n > CORE_PASSWORD_MAX || !utf8_valid(pw, n))
		return ERR_INVAL;
	if (utf8_len(pw, n) < CORE_PASSWORD_MIN)
		return ERR_INVAL;
	return 0;
}

/*
 * One Argon2 computation at a time in the process: each holds PW_MEMLIMIT
 * (19 MiB) while it runs, so logins on every request thread at once (a
 * flood of wrong passwords) added 19 MiB per thread to the server's memory;
 * now at most 19 MiB above its steady size.  A login waits for the one
 * before it (tens of milliseconds), as it would have waited for the CPU.
 */
static pthread_mutex_t pw_lock = PTHREAD_MUTEX_INITIALIZER;

static int hash_password(const char *pw, char out[crypto_pwhash_STRBYTES])
{
	pthread_mutex_lock(&pw_lock);
	int r = crypto_pwhash_str(out, pw, strlen(pw), PW_OPSLIMIT, PW_MEMLIMIT);
	pthread_mutex_unlock(&pw_lock);
	if (r != 0) {
		log_err("cannot hash password: out of memory");
		return ERR_IO;
	}
	return 0;
}

int core_account_create(struct core *c, const char *username, const char *password, int kind, int role,
                        uint64_t *id)
{
	char name[CORE_NAME_MAX + 2];
	if (!username || strlen(username) > CORE_NAME_MAX)
		return ERR_INVAL;
	snprintf(name, sizeof name, "%s", username);
	str_lower(name);
	if (!core_username_valid(name))
		return ERR_INVAL;
	char hash[crypto_pwhash_STRBYTES];
	const char *h = NULL;
	if (password) {
		int rc = password_ok(password);
		if (!rc)
			rc = hash_password(password, hash);
		if (rc)
			return rc;
		h = hash;
	}
	struct account acc = {
		.id = id_new(),
		.username = name,
		.display_name = name,
		.kind = kind,
		.role = role,
		.lang = "nl",
		.created_at = time_now(),
	};
	int rc = store_account_insert(c->store, &acc, h);
	if (!rc && id)
		*id = acc.id;
	return rc;
}

const char *core_shown_name(const struct account *acc)
{
	return acc->display_name && acc->display_name[0] ? acc->display_name : acc->username;
}

int core_account_get(struct core *c, struct arena *a, uint64_t id, struct account **out)
{
	return store_account_get(c->store, a, id, out);
}

int core_post_as_orgs(struct core *c, struct arena *a, uint64_t viewer, struct account ***out, size_t *n)
{
	*n = 0;
	return viewer ? store_staff_orgs(c->store, a, viewer, out, n) : 0;
}

int core_follow_requests(struct core *c, struct arena *a, uint64_t viewer, struct account ***out, size_t *n)
{
	*n = 0;
	if (!viewer)
		return ERR_AUTH;
	int rc = store_follow_requests(c->store, a, viewer, out, n);
	if (rc)
		return rc;
	/* A suspended requester is hidden as everywhere (core_account_hidden). */
	size_t k = 0;
	for (size_t i = 0; i < *n; i++)
		if (!core_account_hidden(c, viewer, (*out)[i]))
			(*out)[k++] = (*out)[i];
	*n = k;
	return 0;
}

int core_accounts_get(struct core *c, struct arena *a, const uint64_t *ids, size_t n, struct account **out)
{
	return store_accounts_get(c->store, a, ids, n, out);
}

int core_account_by_name(struct core *c, struct arena *a, const char *username, struct account **out)
{
	char name[CORE_NAME_MAX + 2];
	if (!username || strlen(username) > CORE_NAME_MAX)
		return ERR_NOTFOUND;
	snprintf(name, sizeof name, "%s", username);
	str_lower(name);
	return store_account_by_name(c->store, a, name, out);
}

bool core_account_hidden(struct core *c, uint64_t viewer, const struct account *acc)
{
	if (!acc->suspended)
		return false;
	struct arena a;
	arena_init(&a);
	struct account *v;
	bool mod = viewer && store_account_get(c->store, &a, viewer, &v) == 0 && v->role >= ROLE_MODERATOR;
	arena_release(&a);
	return !mod;
}

static bool field_ok(const char *s, size_t max)
{
	return s && text_check(s, strlen(s), max) == 0;
}

int core_profile_update(struct core *c, const struct account *acc)
{
	return core_profile_update_checked(c, acc, NULL);
}

/* The changed public texts of a profile, for the guard (what it asked about
 * before stays confirmed). */
static size_t profile_parts(const struct account *old, const struct account *acc, struct guard_part *out)
{
	static const struct {
		const char *what;
		size_t off;
	} fields[] = {
		{"display_name", offsetof(struct account, display_name)},
		{"note", offsetof(struct account, bio)},
		{"profession", offsetof(struct account, profession)},
		{"expertise", offsetof(struct account, expertise)},
		{"languages", offsetof(struct account, languages)},
		{"region", offsetof(struct account, region)},
	};
	size_t n = 0;
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const char *now = *(const char *const *)((const char *)acc + fields[i].off);
		const char *was = old ? *(const char *const *)((const char *)old + fields[i].off) : NULL;
		if (*now && (!was || strcmp(now, was)))
			out[n++] = (struct guard_part){.what = fields[i].what, .text = now, .self = true};
	}
	return n;
}

int core_profile_update_checked(struct core *c, const struct account *acc, const struct guard_ask *ask)
{
	if (!field_ok(acc->display_name, CORE_DISPLAY_MAX) || !field_ok(acc->bio, CORE_BIO_MAX) ||
	    !field_ok(acc->profession, CORE_FIELD_MAX) || !field_ok(acc->expertise, CORE_FIELD_MAX) ||
	    !field_ok(acc->languages, CORE_FIELD_MAX) || !field_ok(acc->region, CORE_FIELD_MAX))
		return ERR_INVAL;
	/* Display names are one line. */
	if (strpbrk(acc->display_name, "\r\n"))
		return ERR_INVAL;
	if (!acc->lang || (strcmp(acc->lang, "nl") && strcmp(acc->lang, "en")))
		return ERR_INVAL;
	/* A profile is public: the guard reads what changed in it. */
	struct arena a;
	arena_init(&a);
	struct account *old = NULL;
	int rc = store_account_get(c->store, &a, acc->id, &old);
	if (rc == ERR_NOTFOUND)
		old = NULL;
	else if (rc)
		goto out;
	struct guard_part parts[6];
	size_t n = profile_parts(old, acc, parts);
	if (n && (rc = guard_ask_gate(c, acc->id, acc->id, parts, n, ask)))
		goto out;
	rc = store_account_update(c->store, acc);
	if (!rc)
		core_fed_account_changed(c, acc->id); /* an Update of the actor to remote followers */
out:
	arena_release(&a);
	return rc;
}

/* A new password ends everything the old one opened, as Mastodon does:
 * every web session but keep_session_hash (the one making the change; NULL
 * for none), every app token and unused authorization code, any other reset
 * link and the calendar link (/agenda/SECRET.ics: a client's appointments),
 * so a thief's copy of any of them stops working. */
static int sessions_end(struct core *c, uint64_t id, const char *keep_session_hash)
{
	int rc = store_session_delete_account(c->store, id, keep_session_hash);
	if (!rc)
		rc = store_otoken_revoke_account(c->store, id);
	if (!rc)
		rc = store_token_expire_account(c->store, "reset", id, time_now());
	if (!rc)
		rc = store_calfeed_drop(c->store, id);
	return rc;
}

int core_password_set(struct core *c, uint64_t id, const char *password)
{
	char hash[crypto_pwhash_STRBYTES];
	int rc = password_ok(password);
	if (!rc)
		rc = hash_password(password, hash);
	if (!rc)
		rc = store_account_set_password(c->store, id, hash);
	if (!rc)
		rc = sessions_end(c, id, NULL);
	return rc;
}

static bool verify(struct core *c, uint64_t id, const char *pw)
{
	struct arena a;
	arena_init(&a);
	const char *hash = NULL;
	bool ok = store_account_password(c->store, id, &a, &hash) == 0;
	if (ok) {
		pthread_mutex_lock(&pw_lock);
		ok = crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
		pthread_mutex_unlock(&pw_lock);
	}
	arena_release(&a);
	return ok;
}

int core_password_change(struct core *c, uint64_t id, const char *old_pw, const char *new_pw,
                         const char *keep_session_hash)
{
	if (!old_pw || !verify(c, id, old_pw))
		return ERR_AUTH;
	char hash[crypto_pwhash_STRBYTES];
	int rc = password_ok(new_pw);
	if (!rc)
		rc = hash_password(new_pw, hash);
	if (!rc)
		rc = store_account_set_password(c->store, id, hash);
	if (!rc)
		rc = sessions_end(c, id, keep_session_hash);
	return rc;
}

int core_role_set(struct core *c, uint64_t actor, uint64_t id, int role)
{
	static const char *const logged[] = {"role-member", "role-moderator", "role-admin"};
	if (role < ROLE_MEMBER || role > ROLE_ADMIN)
		return ERR_INVAL;
	/* The site always keeps an administrator: the last one cannot be
	 * demoted, whether from the admin page or the command line. */
	struct arena a;
	arena_init(&a);
	struct account *acc;
	int64_t admins = 0;
	/* Counted and changed in one transaction; a suspended administrator
	 * cannot act, so does not count. */
	int rc = store_begin(c->store);
	if (!rc)
		rc = store_account_get(c->store, &a, id, &acc);
	/* Administrators change roles, not their own. */
	if (!rc)
		rc = core_instance_may_act(c, &a, actor, acc, ROLE_ADMIN);
	if (!rc && acc->role == ROLE_ADMIN && !acc->suspended && role != ROLE_ADMIN &&
	    !(rc = store_account_count_admins_active(c->store, &admins)) && admins <= 1)
		rc = ERR_FORBIDDEN;
	if (!rc)
		rc = store_account_set_role(c->store, id, role);
	if (!rc)
		rc = store_mod_log_add(c->store, actor, 0, logged[role], id, 0, NULL);
	arena_release(&a);
	return store_finish(c->store, rc);
}

/* ---- sessions ---- */

static int session_new(struct core *c, struct arena *a, uint64_t id, char **token)
{
	char *t = core_token_new(a);
	char *csrf = core_token_new(a);
	char h[65];
	core_token_hash(t, h);
	int rc = store_session_insert(c->store, h, id, csrf, time_now() + CORE_SESSION_DAYS * 86400);
	if (!rc)
		*token = t;
	return rc;
}

const char *core_addr_bucket(struct arena *a, const char *addr)
{
	unsigned char v6[16];
	if (!addr)
		return "-";
	/* IPv4, and IPv4-mapped IPv6 ("::ffff:1.2.3.4", with a dot), stay one address. */
	if (!strchr(addr, ':') || strchr(addr, '.') || inet_pton(AF_INET6, addr, v6) != 1)
		return addr;
	memset(v6 + 8, 0, 8);
	char out[INET6_ADDRSTRLEN];
	inet_ntop(AF_INET6, v6, out, sizeof out);
	return arena_printf(a, "%s/64", out);
}

/* The wait a login needs after n failures since the last success. */
static int64_t login_wait(int64_t n)
{
	if (n < CORE_LOGIN_FREE_TRIES)
		return 0;
	int64_t k = n - CORE_LOGIN_FREE_TRIES, w = k < 16 ? (int64_t)1 << k : CORE_LOGIN_WAIT_MAX;
	return w < CORE_LOGIN_WAIT_MAX ? w : CORE_LOGIN_WAIT_MAX;
}

/* How long this address must still wait before a password is checked; 0: go. */
static int login_hold(struct core *c, const char *kacct, const char *kpair, const char *kaddr, int64_t now,
                      int64_t *wait)
{
	int64_t since = now - CORE_LOGIN_WINDOW, n, first, last;
	*wait = 0;
	int rc = store_rate_span(c->store, kaddr, since, &n, &first, &last);
	if (rc)
		return rc;
	if (n >= CORE_LOGIN_MAX_ADDR) {
		/* Until the oldest failure leaves the window. */
		*wait = first + CORE_LOGIN_WINDOW - now;
		return 0;
	}
	/* The account's wait holds only addresses that failed on it: someone
	 * guessing from elsewhere cannot keep the owner out. */
	if ((rc = store_rate_count(c->store, kpair, since, &n)) || !n)
		return rc;
	if ((rc = store_rate_span(c->store, kacct, since, &n, &first, &last)))
		return rc;
	*wait = last + login_wait(n) - now;
	return 0;
}

int core_login(struct core *c, struct arena *a, const char *username, const char *password,
               const char *remote, char **token, uint64_t *id, int *wait)
{
	if (wait)
		*wait = 0;
	if (!username || !password || !*username || strlen(username) > CORE_NAME_MAX ||
	    strlen(password) > CORE_PASSWORD_MAX)
		return ERR_AUTH;
	char name[CORE_NAME_MAX + 2];
	snprintf(name, sizeof name, "%s", username);
	str_lower(name);
	remote = core_addr_bucket(a, remote);
	char *kacct = arena_printf(a, "login:acct:%s", name);
	char *kpair = arena_printf(a, "login:acct:%s:%s", name, remote);
	char *kaddr = arena_printf(a, "login:addr:%s", remote);
	int64_t now = time_now(), since = now - CORE_LOGIN_WINDOW, n = 0, hold = 0;
	if (login_hold(c, kacct, kpair, kaddr, now, &hold))
		return ERR_BUSY;
	if (hold > 0) {
		/* Answer at once (no thread sleeps), with the seconds to wait. */
		if (wait)
			*wait = hold > CORE_LOGIN_WINDOW ? CORE_LOGIN_WINDOW : (int)hold;
		return ERR_RATE;
	}
	struct account *acc = NULL;
	int rc = store_account_by_name(c->store, a, name, &acc);
	if (rc == ERR_NOTFOUND || (!rc && (acc->suspended || !acc->has_password || !verify(c, acc->id, password)))) {
		if (rc == ERR_NOTFOUND) {
			/* Spend the same time as a real check so timing does not tell
			 * which names exist. */
			char dummy[crypto_pwhash_STRBYTES];
			hash_password("timing-equaliser", dummy);
		}
		/* All three counted (|, not ||); a counter that cannot be written
		 * lets the limit through, so it is said in the log. */
		if (store_rate_hit(c->store, kacct, now, since, &n) | store_rate_hit(c->store, kpair, now, since, &n) |
		    store_rate_hit(c->store, kaddr, now, since, &n))
			log_err("cannot count a failed login: the login limit is not counting");
		return ERR_AUTH;
	}
	if (rc)
		return rc;
	/* A counter left standing only slows this person's next wrong password. */
	IGNORE_RESULT(store_rate_clear(c->store, kacct));
	IGNORE_RESULT(store_rate_clear(c->store, kpair));
	*id = acc->id;
	return session_new(c, a, acc->id, token);
}

int core_session(struct core *c, const char *token, struct session *out)
{
	if (!core_token_valid(token))
		return ERR_AUTH;
	char h[65];
	core_token_hash(token, h);
	int rc = store_session_get(c->store, h, time_now(), out);
	return rc == ERR_NOTFOUND ? ERR_AUTH : rc;
}

int core_logout(struct core *c, const char *token)
{
	if (!core_token_valid(token))
		return 0;
	char h[65];
	core_token_hash(token, h);
	return store_session_delete(c->store, h);
}

/* ---- invitations, resets, set-up ---- */

static int token_create(struct core *c, struct arena *a, const char *kind, uint64_t account, int role,
                        int64_t ttl, uint64_t by, char **token)
{
	char *t = core_token_new(a);
	char h[65];
	core_token_hash(t, h);
	int rc = store_token_insert(c->store, kind, h, account, role, time_now() + ttl, by);
	if (!rc)
		*token = t;
	return rc;
}

static int token_check(struct core *c, const char *kind, const char *token)
{
	if (!core_token_valid(token))
		return ERR_NOTFOUND;
	char h[65];
	core_token_hash(token, h);
	return store_token_check(c->store, kind, h, time_now());
}

int core_invite_create(struct core *c, struct arena *a, uint64_t by, int role, char **token)
{
	return token_create(c, a, "invite", 0, role, CORE_INVITE_DAYS * 86400, by, token);
}

int core_invite_check(struct core *c, const char *token)
{
	return token_check(c, "invite", token);
}

static int register_account(struct core *c, struct arena *a, const char *invite, const char *username,
                            const char *password, bool admitted, uint64_t *id)
{
	struct site site;
	core_site_get(c, a, &site);
	bool need_invite = (!site.open_registration && !admitted) || (invite && *invite);
	if (need_invite && token_check(c, "invite", invite))
		return ERR_FORBIDDEN;
	char name[CORE_NAME_MAX + 2];
	if (!username || strlen(username) > CORE_NAME_MAX)
		return ERR_INVAL;
	snprintf(name, sizeof name, "%s", username);
	str_lower(name);
	if (!core_username_valid(name) || password_ok(password))
		return ERR_INVAL;
	struct account *existing;
	if (store_account_by_name(c->store, a, name, &existing) == 0)
		return ERR_EXISTS;
	int role = ROLE_MEMBER;
	uint64_t org = 0; /* an organisation's invitation makes its staff */
	if (need_invite) {
		/* Claim the invitation first: of two people racing for one link,
		 * only one gets an account. */
		char h[65];
		core_token_hash(invite, h);
		int rc = store_token_use(c->store, "invite", h, time_now(), 0, &org, &role);
		if (rc)
			return rc == ERR_NOTFOUND ? ERR_FORBIDDEN : rc;
	}
	int rc = core_account_create(c, name, password, ACCOUNT_PERSON, role, id);
	if (!rc && org)
		rc = core_staff_add(c, org, *id);
	return rc;
}

int core_register(struct core *c, struct arena *a, const char *invite, const char *username,
                  const char *password, uint64_t *id)
{
	return register_account(c, a, invite, username, password, false, id);
}

int core_register_join(struct core *c, struct arena *a, const char *join, const char *username,
                       const char *password, uint64_t *id, uint64_t *group)
{
	*group = 0;
	if (!core_group_link_admits(c, a, join))
		return ERR_FORBIDDEN;
	int rc = register_account(c, a, NULL, username, password, true, id);
	if (!rc && core_group_invite_use(c, *id, join, group))
		*group = 0; /* used up meanwhile: the account stands, without the group */
	return rc;
}

int core_register_problem(const char *username, const char *password)
{
	char name[CORE_NAME_MAX + 2];
	if (!username || strlen(username) > CORE_NAME_MAX)
		return 1;
	snprintf(name, sizeof name, "%s", username);
	str_lower(name);
	if (!core_username_valid(name))
		return 1;
	return password_ok(password) ? 2 : 0;
}

int core_reset_create(struct core *c, struct arena *a, uint64_t by, uint64_t account, char **token)
{
	return token_create(c, a, "reset", account, 0, CORE_RESET_HOURS * 3600, by, token);
}

int core_reset_check(struct core *c, const char *token)
{
	return token_check(c, "reset", token);
}

int core_reset_use(struct core *c, const char *token, const char *password)
{
	if (!core_token_valid(token))
		return ERR_NOTFOUND;
	if (password_ok(password))
		return ERR_INVAL;
	char h[65];
	core_token_hash(token, h);
	uint64_t account = 0;
	int rc = store_token_use(c->store, "reset", h, time_now(), 0, &account, NULL);
	if (rc)
		return rc;
	return core_password_set(c, account, password);
}

int core_setup_token(struct core *c, struct arena *a, char **token)
{
	int64_t admins = 0;
	*token = NULL;
	int rc = store_account_count_role(c->store, ROLE_ADMIN, &admins);
	if (rc || admins > 0)
		return rc;
	return token_create(c, a, "setup", 0, ROLE_ADMIN, 7 * 86400, 0, token);
}

int core_setup_use(struct core *c, const char *token, const char *username, const char *password,
                   uint64_t *id)
{
	int64_t admins = 0;
	int rc = store_account_count_role(c->store, ROLE_ADMIN, &admins);
	if (rc)
		return rc;
	if (admins > 0 || token_check(c, "setup", token))
		return ERR_NOTFOUND;
	if (!username || !core_username_valid(username) || password_ok(password))
		return ERR_INVAL;
	char h[65];
	core_token_hash(token, h);
	if ((rc = store_token_use(c->store, "setup", h, time_now(), 0, NULL, NULL)))
		return rc;
	return core_account_create(c, username, password, ACCOUNT_PERSON, ROLE_ADMIN, id);
}

/* ---- organisations ---- */

int core_org_create(struct core *c, const char *username, const char *display_name, uint64_t *id)
{
	int rc = core_account_create(c, username, NULL, ACCOUNT_ORG, ROLE_MEMBER, id);
	if (rc || !display_name)
		return rc;
	struct arena a;
	arena_init(&a);
	struct account *acc;
	rc = store_account_get(c->store, &a, *id, &acc);
	if (!rc) {
		acc->display_name = display_name;
		/* An administrator names the organisation: a warning does not stop
		 * it (it is logged), a block does. */
		struct guard_ask ask = {.confirm = true};
		rc = core_profile_update_checked(c, acc, &ask);
	}
	arena_release(&a);
	return rc;
}

int core_staff_add(struct core *c, uint64_t org, uint64_t person)
{
	struct arena a;
	arena_init(&a);
	struct account *o, *p;
	int rc = store_account_get(c->store, &a, org, &o);
	if (!rc)
		rc = store_account_get(c->store, &a, person, &p);
	if (!rc && (o->kind != ACCOUNT_ORG || p->kind != ACCOUNT_PERSON))
		rc = ERR_INVAL;
	arena_release(&a);
	return rc ? rc : store_staff_add(c->store, org, person);
}

bool core_may_post_as(struct core *c, uint64_t viewer, uint64_t author)
{
	if (!viewer)
		return false;
	if (viewer == author)
		return true;
	bool staff;
	return store_staff_is(c->store, author, viewer, &staff) == 0 && staff; /* an error is a no here */
}

bool core_post_own(uint64_t viewer, const struct post *p)
{
	return viewer && (viewer == p->author_id || p->v_staff);
}

bool core_org_may_manage(struct core *c, uint64_t viewer, uint64_t org)
{
	if (!viewer)
		return false;
	struct arena a;
	arena_init(&a);
	struct account *v, *o;
	bool ok = !store_account_get(c->store, &a, viewer, &v) && v->role == ROLE_ADMIN && !v->suspended &&
	          !store_account_get(c->store, &a, org, &o) && o->kind == ACCOUNT_ORG;
	arena_release(&a);
	return ok;
}

static const char *const org_keys[] = {"address", "phone", "hours", "website", "privacy"};

static const char **org_field(const struct org_profile *p, size_t i)
{
	const char *const *f[] = {&p->address, &p->phone, &p->hours, &p->website, &p->privacy};
	return (const char **)f[i];
}

int core_org_profile_get(struct core *c, struct arena *a, uint64_t org, struct org_profile *out)
{
	for (size_t i = 0; i < sizeof org_keys / sizeof org_keys[0]; i++) {
		char key[64];
		snprintf(key, sizeof key, "org.%llu.%s", (unsigned long long)org, org_keys[i]);
		*org_field(out, i) = store_meta_get(c->store, a, key, "");
	}
	return 0;
}

/* Digits, spaces and + - ( ) . with at least 6 digits. */
static bool phone_ok(const char *s)
{
	int digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!strchr(" +-().", *p))
			return false;
	}
	return !*s || (digits >= 6 && digits <= 15);
}

/* Empty, or http(s)://host... without spaces, quotes or angle brackets. */
static bool website_ok(const char *s)
{
	if (!*s)
		return true;
	const char *rest = !strncmp(s, "https://", 8) ? s + 8 : !strncmp(s, "http://", 7) ? s + 7 : NULL;
	if (!rest || !*rest || *rest == '/' || *rest == '.')
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || strchr("\"'<>`\\", *p))
			return false;
	return true;
}

int core_org_profile_set(struct core *c, uint64_t viewer, const struct account *acc, const struct org_profile *p,
                         const struct guard_ask *ask)
{
	if (!core_org_may_manage(c, viewer, acc->id))
		return ERR_FORBIDDEN;
	if (!field_ok(acc->display_name, CORE_DISPLAY_MAX) || !field_ok(acc->bio, CORE_BIO_MAX) ||
	    strpbrk(acc->display_name, "\r\n") || !field_ok(p->address, CORE_FIELD_MAX) ||
	    !field_ok(p->phone, CORE_ORG_PHONE_MAX) || !field_ok(p->hours, CORE_FIELD_MAX) ||
	    !field_ok(p->website, CORE_ORG_WEBSITE_MAX) || !field_ok(p->privacy, CORE_PRIVACY_MAX) ||
	    !phone_ok(p->phone) || !website_ok(p->website))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct account *old;
	struct org_profile was;
	int rc = store_account_get(c->store, &a, acc->id, &old);
	if (rc)
		goto out;
	if ((rc = core_org_profile_get(c, &a, acc->id, &was)))
		goto out;
	/* Public texts: the guard reads what changed, as for a profile; the
	 * organisation's own name is not a finding. */
	struct guard_part parts[8];
	size_t n = profile_parts(old, acc, parts);
	if (*p->hours && strcmp(p->hours, was.hours))
		parts[n++] = (struct guard_part){.what = "hours", .text = p->hours, .self = true};
	if (*p->privacy && strcmp(p->privacy, was.privacy))
		parts[n++] = (struct guard_part){.what = "privacy", .text = p->privacy, .self = true};
	if (n && (rc = guard_ask_gate(c, acc->id, viewer, parts, n, ask)))
		goto out;
	struct account upd = *old;
	upd.display_name = acc->display_name;
	upd.bio = acc->bio;
	if ((rc = store_begin(c->store)))
		goto out;
	rc = store_account_update(c->store, &upd);
	for (size_t i = 0; !rc && i < sizeof org_keys / sizeof org_keys[0]; i++) {
		char key[64];
		snprintf(key, sizeof key, "org.%llu.%s", (unsigned long long)acc->id, org_keys[i]);
		rc = store_meta_set(c->store, key, *org_field(p, i));
	}
	rc = store_finish(c->store, rc);
out:
	arena_release(&a);
	return rc;
}

int core_org_staff_add(struct core *c, uint64_t viewer, uint64_t org, uint64_t person)
{
	return core_org_may_manage(c, viewer, org) ? core_staff_add(c, org, person) : ERR_FORBIDDEN;
}

int core_org_staff_remove(struct core *c, uint64_t viewer, uint64_t org, uint64_t person)
{
	if (!core_org_may_manage(c, viewer, org))
		return ERR_FORBIDDEN;
	bool staff;
	int rc = store_staff_is(c->store, org, person, &staff);
	if (rc)
		return rc;
	if (!staff)
		return ERR_NOTFOUND;
	/* Their webcare items go back to the queue with the removal: never lost. */
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_staff_remove(c->store, org, person);
	if (!rc)
		rc = wc_staff_gone(c, org, person);
	return store_finish(c->store, rc);
}

int core_org_staff(struct core *c, struct arena *a, uint64_t org, struct account ***out, size_t *n)
{
	*n = 0;
	return store_staff_list(c->store, a, org, out, n);
}

int core_org_staff_candidates(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, const char *q,
                              struct account ***out, size_t *n)
{
	*n = 0;
	if (!core_org_may_manage(c, viewer, org))
		return ERR_FORBIDDEN;
	char *lq = str_trim(arena_strdup(a, q ? q : ""));
	str_lower(lq);
	if (!*lq || strlen(lq) > CORE_DISPLAY_MAX)
		return ERR_INVAL;
	struct account **found;
	size_t nf = 0;
	int rc = store_account_search(c->store, a, lq, 20, &found, &nf);
	if (rc)
		return rc;
	/* People only, not suspended, not staff yet. */
	struct account **v = arena_alloc(a, (nf + 1) * sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < nf; i++) {
		bool staff = true;
		if (found[i]->kind != ACCOUNT_PERSON || found[i]->suspended)
			continue;
		if ((rc = store_staff_is(c->store, org, found[i]->id, &staff)))
			return rc;
		if (!staff)
			v[k++] = found[i];
	}
	*out = v;
	*n = k;
	return 0;
}

int core_org_invite_create(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, char **token)
{
	if (!core_org_may_manage(c, viewer, org))
		return ERR_FORBIDDEN;
	return token_create(c, a, "invite", org, ROLE_MEMBER, CORE_INVITE_DAYS * 86400, viewer, token);
}

int core_privacy_get(struct core *c, struct arena *a, const char **text)
{
	const char *v = store_meta_get(c->store, a, "site.privacy", "");
	*text = *v ? v : NULL;
	return 0;
}

int core_privacy_set(struct core *c, uint64_t viewer, const char *text)
{
	struct arena a;
	arena_init(&a);
	struct account *v;
	int rc = store_account_get(c->store, &a, viewer, &v);
	if (!rc && (v->role != ROLE_ADMIN || v->suspended))
		rc = ERR_FORBIDDEN;
	arena_release(&a);
	if (!rc && !field_ok(text, CORE_PRIVACY_MAX))
		rc = ERR_INVAL;
	return rc ? rc : store_meta_set(c->store, "site.privacy", text);
}

int core_setup_check(struct core *c, const char *token)
{
	/* Once an administrator exists the set-up link is gone for good. */
	int64_t admins = 0;
	int rc = store_account_count_role(c->store, ROLE_ADMIN, &admins);
	if (rc)
		return rc;
	return admins > 0 ? ERR_NOTFOUND : token_check(c, "setup", token);
}

/* ---- the directory ---- */

bool core_directory_lists_account(const struct account *acc)
{
	if (acc->suspended)
		return false;
	return acc->kind == ACCOUNT_ORG || (acc->kind == ACCOUNT_PERSON && acc->person_type == PERSON_PROFESSIONAL);
}

bool core_directory_lists_group(const struct group *g)
{
	return g->kind == GROUP_OPEN || g->kind == GROUP_CLOSED;
}

int core_directory(struct core *c, struct arena *a, uint64_t viewer, const char *q, enum directory_kind kind,
                   struct directory *out)
{
	memset(out, 0, sizeof *out);
	char *lq = str_trim(arena_strdup(a, q ? q : ""));
	int rc = text_check(lq, strlen(lq), CORE_DIRECTORY_QUERY);
	if (rc)
		return rc;
	str_lower(lq);
	if (kind != DIR_GROUPS) {
		struct account **v;
		size_t n;
		int which = kind == DIR_ORGS ? 1 : kind == DIR_PROFESSIONALS ? 2 : 0;
		if ((rc = store_directory_accounts(c->store, a, lq, which, CORE_DIRECTORY_MAX, &v, &n)))
			return rc;
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (core_directory_lists_account(v[i]))
				v[k++] = v[i];
		out->accounts = v;
		out->naccounts = k;
	}
	if (kind == DIR_ALL || kind == DIR_GROUPS) {
		struct group **v;
		size_t n;
		if ((rc = store_directory_groups(c->store, a, viewer, lq, CORE_DIRECTORY_MAX, &v, &n)))
			return rc;
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (core_directory_lists_group(v[i]))
				v[k++] = v[i];
		out->groups = v;
		out->ngroups = k;
	}
	return 0;
}

/* ---- text size ---- */

bool core_text_size_valid(int size)
{
	return size == TEXT_NORMAL || size == TEXT_LARGE || size == TEXT_XLARGE;
}

int core_text_size_set(struct core *c, uint64_t viewer, int size)
{
	if (!viewer)
		return ERR_AUTH;
	if (!core_text_size_valid(size))
		return ERR_INVAL;
	return store_account_set_text_size(c->store, viewer, size);
}

/* The one check of an instance role (moderator or administrator), not
 * suspended: ERR_AUTH for nobody, ERR_FORBIDDEN for anyone below min_role. */
int core_need_role(struct core *c, struct arena *a, uint64_t viewer, int min_role)
{
	if (!viewer)
		return ERR_AUTH;
	struct account *v;
	int rc = store_account_get(c->store, a, viewer, &v);
	if (rc)
		return rc == ERR_NOTFOUND ? ERR_FORBIDDEN : rc;
	return v->suspended || v->role < min_role ? ERR_FORBIDDEN : 0;
}
