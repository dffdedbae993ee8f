/*
 * Web Push (see push.h): subscriptions, the payload, its encryption (RFC
 * 8291 / Mastodon's legacy aesgcm), VAPID (RFC 8292) and delivery.
 *
 * Privacy: the payload is the recipient's own notification and says no more
 * than their notification list does: the post's text only when the post is
 * theirs to see at delivery time (a post deleted during its think time is
 * never pushed; one still held waits), its content warning instead of the
 * text when it has one, and nothing at all when a block or mute is in place
 * by then.  The access token the payload names (Mastodon's clients match
 * it) is stored sealed with a key kept in the data folder, not in the
 * database, which keeps only hashes of tokens.
 */
#include "core/push.h"
#include "core/push_int.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <netinet/in.h>
#include <openssl/crypto.h>
#include <stdatomic.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "core/core_int.h"
#include "job/job.h"
#include "store/store_api.h"
#include "store/store_media.h"

#define PUSH_JOB "push"
#define RESPONSE_MAX 65536

const char *const core_push_alert_names[PUSH_NALERTS] = {
        "mention",   "status", "reblog", "follow",        "follow_request",
        "favourite", "poll",   "update", "admin.sign_up", "admin.report",
};

static const char *const policy_names[] = {"all", "followed", "follower", "none"};

static bool push_on;
static uint8_t vapid_priv[32], vapid_pub[65];
static char vapid_pub_b64[96];
static uint8_t seal_key[crypto_secretbox_KEYBYTES];
static char push_base[256];

const char *core_push_policy_name(int policy)
{
	return policy >= 0 && policy <= PUSH_POLICY_NONE ? policy_names[policy] : "all";
}

int core_push_policy_parse(const char *name, int *out)
{
	for (int i = 0; i <= PUSH_POLICY_NONE; i++)
		if (!strcmp(name, policy_names[i])) {
			*out = i;
			return 0;
		}
	return ERR_INVAL;
}

const char *core_push_server_key(void)
{
	return vapid_pub_b64;
}

/* ---- sealed tokens ---- */

static const char *seal(struct arena *a, const char *token)
{
	size_t n = strlen(token);
	if (n > 512)
		return "";
	uint8_t box[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + 512];
	randombytes_buf(box, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES, (const uint8_t *)token, n, box, seal_key);
	size_t bl = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + n;
	size_t el = sodium_base64_ENCODED_LEN(bl, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *out = arena_alloc(a, el);
	push_b64(box, bl, out, el);
	return out;
}

static const char *unseal(struct arena *a, const char *boxed)
{
	uint8_t box[crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + 512];
	size_t bl = 0;
	if (sodium_base642bin(box, sizeof box, boxed, strlen(boxed), NULL, &bl, NULL,
	                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) ||
	    bl < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
		return "";
	size_t n = bl - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
	char *out = arena_alloc(a, n + 1);
	if (crypto_secretbox_open_easy((uint8_t *)out, box + crypto_secretbox_NONCEBYTES,
	                               bl - crypto_secretbox_NONCEBYTES, box, seal_key))
		return ""; /* another data folder's key: the token is not named */
	out[n] = '\0';
	return out;
}

/* The sealing key: DATA/push.key, made once (linked into place, so two
 * processes starting together agree on one). */
static int seal_key_load(const char *data_dir)
{
	char path[1024], tmp[1100];
	snprintf(path, sizeof path, "%s/push.key", data_dir);
	for (int tries = 0; tries < 2; tries++) {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			ssize_t r = read(fd, seal_key, sizeof seal_key);
			close(fd);
			if (r == (ssize_t)sizeof seal_key)
				return 0;
			log_err("%s is not a push key (%zd bytes)", path, r);
			return ERR_IO;
		}
		if (errno != ENOENT)
			break;
		snprintf(tmp, sizeof tmp, "%s.%d.tmp", path, (int)getpid());
		fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (fd < 0)
			break;
		uint8_t k[sizeof seal_key];
		randombytes_buf(k, sizeof k);
		bool ok = write(fd, k, sizeof k) == (ssize_t)sizeof k && fsync(fd) == 0;
		close(fd);
		if (ok && link(tmp, path) && errno != EEXIST)
			ok = false;
		unlink(tmp);
		if (!ok)
			break;
	}
	log_err("cannot make or read %s: %s", path, strerror(errno));
	return ERR_IO;
}

/* The VAPID key pair: made at first start, kept in the database's meta
 * table (under the write lock, so two processes make one pair). */
static int vapid_load(struct core *c)
{
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	const char *priv = rc ? NULL : store_meta_get(c->store, &a, "vapid_private_key", NULL);
	if (!rc && !priv) {
		uint8_t k[32], p[65];
		char b[64];
		if (!(rc = push_key_new(k, p))) {
			push_b64(k, 32, b, sizeof b);
			rc = store_meta_set(c->store, "vapid_private_key", b);
			priv = arena_strdup(&a, b);
			log_info("made the Web Push (VAPID) key pair");
		}
		OPENSSL_cleanse(k, sizeof k);
	}
	rc = store_finish(c->store, rc);
	if (!rc && (!priv || !push_unb64(priv, vapid_priv, 32) || push_pub_from_priv(vapid_priv, vapid_pub)))
		rc = ERR_INVAL;
	if (!rc)
		push_b64(vapid_pub, 65, vapid_pub_b64, sizeof vapid_pub_b64);
	arena_release(&a);
	return rc;
}

/* ---- subscriptions ---- */

int core_push_subscribe(struct core *c, struct arena *a, uint64_t viewer, uint64_t token_id, const char *token,
                        const struct push_input *in, struct push_sub **out, const char **why)
{
	*why = NULL;
	if (!viewer || !token_id)
		return ERR_AUTH;
	if (!push_on)
		return ERR_BUSY;
	uint8_t pub[65], auth[16];
	if (!in->endpoint || !push_endpoint_valid(in->endpoint)) {
		*why = "subscription[endpoint] must be an https URL of at most 2048 characters";
		return ERR_INVAL;
	}
	if (!in->p256dh || !push_unb64(in->p256dh, pub, 65) || !push_point_valid(pub)) {
		*why = "subscription[keys][p256dh] must be an uncompressed P-256 public key (65 bytes, base64url)";
		return ERR_INVAL;
	}
	if (!in->auth || !push_unb64(in->auth, auth, 16)) {
		*why = "subscription[keys][auth] must be 16 bytes, base64url";
		return ERR_INVAL;
	}
	struct push_sub *p = arena_alloc(a, sizeof *p);
	char pb[96], ab[32];
	push_b64(pub, 65, pb, sizeof pb);
	push_b64(auth, 16, ab, sizeof ab);
	*p = (struct push_sub){.id = id_new(),
	                       .token_id = token_id,
	                       .account_id = viewer,
	                       .endpoint = arena_strdup(a, in->endpoint),
	                       .p256dh = arena_strdup(a, pb),
	                       .auth = arena_strdup(a, ab),
	                       .token_box = seal(a, token),
	                       .alerts = in->alerts,
	                       .policy = in->policy,
	                       .standard = in->standard,
	                       .created_at = time_now()};
	int rc = store_push_put(c->store, p);
	if (!rc)
		*out = p;
	return rc;
}

int core_push_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t token_id, struct push_sub **out)
{
	int rc = store_push_by_token(c->store, a, token_id, out);
	if (!rc && (*out)->account_id != viewer)
		rc = ERR_NOTFOUND;
	return rc;
}

int core_push_update(struct core *c, struct arena *a, uint64_t viewer, uint64_t token_id, int alerts, int policy,
                     struct push_sub **out)
{
	int rc = core_push_get(c, a, viewer, token_id, out);
	if (!rc && !(rc = store_push_update(c->store, token_id, alerts, policy))) {
		(*out)->alerts = alerts;
		(*out)->policy = policy;
	}
	return rc;
}

int core_push_unsubscribe(struct core *c, uint64_t viewer, uint64_t token_id)
{
	return store_push_delete_token(c->store, token_id);
}

/* ---- from a notification to queued jobs ---- */

static int alert_of(int kind, const char **type)
{
	switch (kind) {
	case NOTIF_MENTION:
	case NOTIF_REPLY:
		*type = "mention";
		return PUSH_MENTION;
	case NOTIF_FOLLOW:
		*type = "follow";
		return PUSH_FOLLOW;
	case NOTIF_FOLLOW_REQUEST:
		*type = "follow_request";
		return PUSH_FOLLOW_REQUEST;
	case NOTIF_FAVOURITE:
		*type = "favourite";
		return PUSH_FAVOURITE;
	case NOTIF_BOOST:
		*type = "reblog";
		return PUSH_REBLOG;
	}
	*type = NULL;
	return 0; /* kring's own kinds (groups, moderation) are not Mastodon's to push */
}

static bool policy_allows(struct core *c, int policy, uint64_t to, uint64_t actor)
{
	bool b = false;
	switch (policy) {
	case PUSH_POLICY_ALL:
		return true;
	case PUSH_POLICY_FOLLOWED:
		return !store_follows(c->store, to, actor, &b) && b;
	case PUSH_POLICY_FOLLOWER:
		return !store_follows(c->store, actor, to, &b) && b;
	}
	return false;
}

void core_push_notify(struct core *c, uint64_t to, int kind, uint64_t actor, uint64_t post)
{
	const char *type;
	int alert = alert_of(kind, &type);
	if (!push_on || !alert)
		return;
	struct arena a;
	arena_init(&a);
	struct push_sub *v;
	size_t n = 0;
	int64_t run_at = time_now();
	bool queued = false;
	if (store_push_for_account(c->store, &a, to, &v, &n) || !n)
		goto out;
	struct post *p;
	/* A post in its think time is pushed when it is published. */
	if (post && !store_post_get_any(c->store, &a, to, post, &p) && p->publish_at > run_at)
		run_at = p->publish_at;
	for (size_t i = 0; i < n; i++) {
		if (!(v[i].alerts & alert) || !policy_allows(c, v[i].policy, to, actor))
			continue;
		uint64_t jid;
		const char *arg = arena_printf(&a, "%llu %d %llu %llu", (unsigned long long)v[i].id, kind,
		                               (unsigned long long)actor, (unsigned long long)post);
		if (store_job_enqueue(c->store, PUSH_JOB, arg, run_at, &jid))
			log_warn("cannot queue a push for subscription %llu", (unsigned long long)v[i].id);
		else
			queued = true;
	}
	if (queued)
		job_kick();
out:
	arena_release(&a);
}

/* kring's own kinds (core/remind.c): the job names the notification, whose
 * text is read when it is sent.  The policy (from whom) holds for
 * consultation hours and match requests; an appointment reminder is about
 * the person's own booking, and a webcare alert or follow-up about their own
 * work, so only "none" stops those. */
void core_push_notif(struct core *c, uint64_t to, uint64_t nid, int kind, uint64_t actor, const char *note)
{
	const char *type;
	int alert = remind_alert(kind, note, &type);
	if (!push_on || !alert || !nid)
		return;
	struct arena a;
	arena_init(&a);
	struct push_sub *v;
	size_t n = 0;
	if (store_push_for_account(c->store, &a, to, &v, &n))
		n = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(v[i].alerts & alert) || v[i].policy == PUSH_POLICY_NONE ||
		    (!remind_own_work(kind) && !policy_allows(c, v[i].policy, to, actor)))
			continue;
		uint64_t jid;
		const char *arg = arena_printf(&a, "%llu %d %llu 0 %llu", (unsigned long long)v[i].id, kind,
		                               (unsigned long long)actor, (unsigned long long)nid);
		if (store_job_enqueue(c->store, PUSH_JOB, arg, time_now(), &jid))
			log_warn("cannot queue a push for subscription %llu", (unsigned long long)v[i].id);
	}
	arena_release(&a);
}

/* ---- the payload ---- */

/* At most max characters of s, on a character boundary, "…" when cut. */
static const char *clip(struct arena *a, const char *s, size_t max)
{
	size_t chars = 0, i = 0;
	for (; s[i]; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && ++chars > max)
			break;
	if (!s[i])
		return s;
	return arena_printf(a, "%.*s…", (int)i, s);
}

/* The title as the reader's notification list says it; staff hear their
 * organisation's notifications, and the title names the organisation. */
static const char *title_of(struct arena *a, int kind, const char *name, const char *org, bool en)
{
	if (org) {
		switch (kind) {
		case NOTIF_FOLLOW:
			return arena_printf(a, en ? "%s followed %s" : "%s volgt %s nu", name, org);
		case NOTIF_FOLLOW_REQUEST:
			return arena_printf(a, en ? "%s has requested to follow %s" : "%s wil %s volgen", name, org);
		case NOTIF_FAVOURITE:
			return arena_printf(a, en ? "%s favourited a post of %s" : "%s vindt een bericht van %s fijn",
			                    name, org);
		case NOTIF_BOOST:
			return arena_printf(a, en ? "%s boosted a post of %s" : "%s heeft een bericht van %s gedeeld",
			                    name, org);
		}
		return arena_printf(a, en ? "%s mentioned %s" : "%s noemde %s", name, org);
	}
	switch (kind) {
	case NOTIF_FOLLOW:
		return arena_printf(a, en ? "%s followed you" : "%s volgt u nu", name);
	case NOTIF_FOLLOW_REQUEST:
		return arena_printf(a, en ? "%s has requested to follow you" : "%s wil u volgen", name);
	case NOTIF_FAVOURITE:
		return arena_printf(a, en ? "%s favourited your post" : "%s vindt uw bericht fijn", name);
	case NOTIF_BOOST:
		return arena_printf(a, en ? "%s boosted your post" : "%s heeft uw bericht gedeeld", name);
	}
	return arena_printf(a, en ? "%s mentioned you" : "%s noemde u", name);
}

/* The JSON Mastodon sends, or NULL when nothing is to be pushed (any more). */
static char *payload(struct core *c, struct arena *a, const struct push_sub *s, int kind, uint64_t actor, uint64_t post,
                     bool *later)
{
	*later = false;
	const char *type;
	uint64_t nid, org_id = 0;
	bool b = true, m = true;
	struct account *me, *who;
	if (!alert_of(kind, &type) || store_notif_find(c->store, s->account_id, kind, actor, post, &nid, &org_id) ||
	    store_blocks(c->store, s->account_id, actor, &b) || b || store_mutes(c->store, s->account_id, actor, &m) ||
	    m || core_account_get(c, a, s->account_id, &me) || core_account_get(c, a, actor, &who) || me->suspended ||
	    core_account_hidden(c, s->account_id, who))
		return NULL;
	const char *body = who->bio ? who->bio : "";
	if (post) {
		struct post *p;
		if (core_post_get(c, a, s->account_id, post, &p)) {
			struct post *q;
			/* Still in its think time: wait for it; gone: nothing to tell. */
			if (!store_post_get(c->store, a, s->account_id, post, &q) && q->publish_at > time_now())
				*later = true;
			return NULL;
		}
		body = p->text ? p->text : "";
		if (!store_post_extras(c->store, a, s->account_id, &p, 1) && p->x && p->x->meta.spoiler_text &&
		    p->x->meta.spoiler_text[0])
			body = p->x->meta.spoiler_text;
	}
	bool en = me->lang && !strcmp(me->lang, "en");
	const char *name = core_shown_name(who);
	json_t *o = json_object();
	json_object_set_new(o, "access_token", json_string(unseal(a, s->token_box)));
	json_object_set_new(o, "preferred_locale", json_string(en ? "en" : "nl"));
	json_object_set_new(o, "notification_id", json_integer((json_int_t)nid));
	json_object_set_new(o, "notification_type", json_string(type));
	json_object_set_new(o, "icon", json_string(arena_printf(a, "%s/avatar/%s.svg", push_base, who->username)));
	const char *org_name = NULL;
	struct account *org;
	if (org_id && !core_account_get(c, a, org_id, &org))
		org_name = clip(a, core_shown_name(org), 80);
	json_object_set_new(o, "title", json_string(title_of(a, kind, clip(a, name, 80), org_name, en)));
	json_object_set_new(o, "body", json_string(clip(a, body, CORE_PUSH_BODY_CHARS)));
	char *j = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!j)
		return NULL;
	char *r = arena_strdup(a, j);
	free(j);
	return r;
}

/* The payload of kring's own notification nid, or NULL when nothing is to
 * be pushed (any more): gone, a block or mute since, or an appointment that
 * moved or was cancelled since it was written. */
static char *payload_kring(struct core *c, struct arena *a, const struct push_sub *s, uint64_t nid)
{
	struct account *me, *who;
	if (core_account_get(c, a, s->account_id, &me) || me->suspended)
		return NULL;
	bool en = me->lang && !strcmp(me->lang, "en");
	uint64_t actor = 0;
	const char *type, *title, *body;
	bool b = true, m = true;
	if (remind_push_text(c, a, s->account_id, nid, en, &actor, &type, &title, &body) ||
	    core_account_get(c, a, actor, &who) || store_blocks(c->store, s->account_id, actor, &b) || b ||
	    store_mutes(c->store, s->account_id, actor, &m) || m)
		return NULL;
	json_t *o = json_object();
	json_object_set_new(o, "access_token", json_string(unseal(a, s->token_box)));
	json_object_set_new(o, "preferred_locale", json_string(en ? "en" : "nl"));
	json_object_set_new(o, "notification_id", json_integer((json_int_t)nid));
	json_object_set_new(o, "notification_type", json_string(type));
	json_object_set_new(o, "icon", json_string(arena_printf(a, "%s/avatar/%s.svg", push_base, who->username)));
	json_object_set_new(o, "title", json_string(clip(a, title, 120)));
	json_object_set_new(o, "body", json_string(clip(a, body, CORE_PUSH_BODY_CHARS)));
	char *j = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!j)
		return NULL;
	char *r = arena_strdup(a, j);
	free(j);
	return r;
}

/* ---- delivery ---- */

static size_t discard(char *p, size_t size, size_t nmemb, void *ud)
{
	size_t *seen = ud;
	*seen += size * nmemb;
	return *seen > RESPONSE_MAX ? 0 : size * nmemb;
}

static int stop_cb(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	return job_stopping() ? 1 : 0;
}

static curl_socket_t open_sock(void *ud, curlsocktype purpose, struct curl_sockaddr *addr)
{
	if (purpose != CURLSOCKTYPE_IPCXN || !push_addr_public(&addr->addr))
		return CURL_SOCKET_BAD;
	return socket(addr->family, addr->socktype, addr->protocol);
}

/* POST body to the subscription's endpoint: its HTTP status, or 0 on a
 * network failure (why says which). */
static long post_push(struct arena *a, const struct push_sub *s, const struct curl_slist *hdrs, const uint8_t *body,
                      size_t n, char *why, size_t whylen)
{
	CURL *h = curl_easy_init();
	if (!h)
		return 0;
	size_t seen = 0;
	curl_easy_setopt(h, CURLOPT_URL, s->endpoint);
	curl_easy_setopt(h, CURLOPT_POST, 1L);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, (const char *)body);
	curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)n);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, push_loopback_ok ? "http,https" : "https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_PROXY, ""); /* push services are reached directly */
	curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, open_sock);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &seen);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, stop_cb);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "kring (Web Push)");
	long status = 0;
	CURLcode cr = curl_easy_perform(h);
	if (cr != CURLE_OK)
		snprintf(why, whylen, "push: %s", curl_easy_strerror(cr));
	else
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(h);
	return status;
}

/* Finished pushes leave the queue a day later, swept at most hourly. */
static void sweep(struct core *c)
{
	static _Atomic int64_t last;
	int64_t now = time_now(), was = atomic_load(&last);
	if (now - was < 3600 || !atomic_compare_exchange_strong(&last, &was, now))
		return;
	if (store_push_jobs_forget(c->store, now - 86400))
		log_warn("cannot sweep finished push jobs");
}

static int push_run(void *ctx, const char *arg, char *why, size_t whylen)
{
	struct core *c = ctx;
	sweep(c);
	unsigned long long sid, actor, post, nid = 0;
	int kind;
	/* "SUB KIND ACTOR POST", and " NID" for kring's own kinds. */
	int got = sscanf(arg, "%llu %d %llu %llu %llu", &sid, &kind, &actor, &post, &nid);
	if (got != 4 && got != 5)
		return ERR_INVAL;
	if (!push_on)
		return ERR_BUSY;
	struct arena a;
	arena_init(&a);
	struct push_sub *s;
	struct curl_slist *hdrs = NULL;
	bool later = false;
	int rc = store_push_get(c->store, &a, sid, &s);
	if (rc == ERR_NOTFOUND) { /* unsubscribed or its token revoked since */
		rc = 0;
		goto out;
	}
	char *json = rc ? NULL : nid ? payload_kring(c, &a, s, nid) : payload(c, &a, s, kind, actor, post, &later);
	if (rc || !json) {
		if (!rc && later) {
			snprintf(why, whylen, "the post is still in its think time");
			rc = ERR_BUSY;
		}
		goto out;
	}
	uint8_t ua[65], auth[16], salt[16], as_pub[65];
	uint8_t *body = arena_alloc(&a, CORE_PUSH_PLAIN_MAX + 256);
	size_t blen = CORE_PUSH_PLAIN_MAX + 256;
	if (!push_unb64(s->p256dh, ua, 65) || !push_unb64(s->auth, auth, 16) ||
	    push_encrypt(s->standard, ua, auth, NULL, NULL, (const uint8_t *)json, strlen(json), body, &blen, salt,
	                 as_pub)) {
		snprintf(why, whylen, "cannot encrypt the push (payload %zu bytes)", strlen(json));
		rc = ERR_INVAL;
		goto out;
	}
	/* VAPID: the audience is the endpoint's origin. */
	CURLU *u = curl_url();
	char *origin = NULL;
	if (u && !curl_url_set(u, CURLUPART_URL, s->endpoint, 0))
		curl_url_get(u, CURLUPART_URL, &origin, 0);
	char *scheme = NULL, *host = NULL, *port = NULL;
	const char *aud = NULL;
	if (origin && !curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) && !curl_url_get(u, CURLUPART_HOST, &host, 0))
		aud = curl_url_get(u, CURLUPART_PORT, &port, 0) ? arena_printf(&a, "%s://%s", scheme, host)
		                                                : arena_printf(&a, "%s://%s:%s", scheme, host, port);
	curl_free(origin);
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	char jwt[2048], p64[128], s64[64];
	const char *sub = !strncmp(push_base, "https://", 8) ? push_base : "mailto:push@kring.invalid";
	if (!aud || push_vapid_jwt(vapid_priv, vapid_pub, aud, sub, time_now() + 12 * 3600, jwt, sizeof jwt)) {
		snprintf(why, whylen, "cannot sign the push for %s", s->endpoint);
		rc = ERR_INVAL;
		goto out;
	}
	push_b64(as_pub, 65, p64, sizeof p64);
	push_b64(salt, 16, s64, sizeof s64);
	hdrs = curl_slist_append(hdrs, "Content-Type: application/octet-stream");
	hdrs = curl_slist_append(hdrs, arena_printf(&a, "TTL: %d", CORE_PUSH_TTL));
	hdrs = curl_slist_append(hdrs, "Urgency: normal");
	if (s->standard) {
		hdrs = curl_slist_append(hdrs, "Content-Encoding: aes128gcm");
		hdrs = curl_slist_append(hdrs, arena_printf(&a, "Authorization: vapid t=%s, k=%s", jwt, vapid_pub_b64));
	} else {
		hdrs = curl_slist_append(hdrs, "Content-Encoding: aesgcm");
		hdrs = curl_slist_append(hdrs, arena_printf(&a, "Encryption: salt=%s", s64));
		hdrs = curl_slist_append(hdrs, arena_printf(&a, "Crypto-Key: dh=%s;p256ecdsa=%s", p64, vapid_pub_b64));
		hdrs = curl_slist_append(hdrs, arena_printf(&a, "Authorization: WebPush %s", jwt));
	}
	hdrs = curl_slist_append(hdrs, "Expect:");
	long status = post_push(&a, s, hdrs, body, blen, why, whylen);
	if (status >= 200 && status < 300) {
		rc = 0;
	} else if (status == 404 || status == 410) {
		/* The push service forgot this subscription: so do we. */
		log_info("push subscription %llu is gone (%ld): removed", sid, status);
		rc = store_push_delete(c->store, sid);
	} else if (status == 0 || status == 429 || status >= 500) {
		if (status)
			snprintf(why, whylen, "push service answered %ld", status);
		rc = ERR_IO; /* retried with backoff */
	} else {
		snprintf(why, whylen, "push service refused the message: %ld", status);
		rc = ERR_INVAL;
	}
out:
	curl_slist_free_all(hdrs);
	arena_release(&a);
	return rc;
}

static struct job_handler push_handlers[1];

int core_push_open(struct core *c, const char *data_dir, const char *base_url, const struct job_handler **h, size_t *n)
{
	push_handlers[0] = (struct job_handler){.kind = PUSH_JOB, .run = push_run, .ctx = c};
	*h = push_handlers;
	*n = 1;
	if (curl_global_init(CURL_GLOBAL_DEFAULT)) {
		log_err("cannot start libcurl for Web Push");
		return ERR_IO;
	}
	/* KRING_PUSH_LOOPBACK=1: for tests of a release build, whose receiver
	 * listens on http://127.0.0.1 (test builds always allow it). */
	const char *lb = getenv("KRING_PUSH_LOOPBACK");
	if (lb && !strcmp(lb, "1")) {
		push_loopback_ok = true;
		log_warn("KRING_PUSH_LOOPBACK=1: Web Push may go to http://127.0.0.1 (for tests only)");
	}
	int rc = seal_key_load(data_dir);
	if (!rc)
		rc = vapid_load(c);
	if (rc) {
		curl_global_cleanup();
		return rc;
	}
	snprintf(push_base, sizeof push_base, "%s", base_url);
	push_on = true;
	return 0;
}

void core_push_close(void)
{
	if (!push_on)
		return;
	push_on = false;
	OPENSSL_cleanse(vapid_priv, sizeof vapid_priv);
	sodium_memzero(seal_key, sizeof seal_key);
	curl_global_cleanup();
}

int core_push_run_jobs(struct core *c)
{
	return job_run_due(c->store, push_handlers, 1);
}
