/*
 * ActivityPub federation: the rule of what leaves (core_fed_reach), local
 * actors' keys, remote actors and followers, the inbox, and deliveries
 * through the job queue (see federation.h and docs/federation.md).
 */
#include "core/federation.h"

#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "core/core_int.h"
#include "core/fed_int.h"
#include "core/fed_note_int.h"
#include "core/fed_sig.h"
#include "core/push_int.h" /* push_addr_public: the same rule for every address we reach */
#include "job/job.h"
#include "scan/feed.h" /* feed_html_text: remote HTML to plain text */
#include "store/store_fed.h"

#define JOB_POST    "fed_post"
#define JOB_DELIVER "fed_deliver"
#define JOB_PRUNE   "fed_prune"
#define JOB_POLL    "fed_poll" /* a poll of ours got votes: its counts out, once per while */
#define AS_CONTEXT  "https://www.w3.org/ns/activitystreams"
#define SEC_CONTEXT "https://w3id.org/security/v1"
#define USER_AGENT  "kring (ActivityPub)"

static bool fed_on, fed_loopback;
static int fed_host_rate = FED_HOST_RATE;
static char fed_base[256], fed_host[256];

const char *core_fed_base(void)
{
	return fed_base;
}

const char *core_fed_host(void)
{
	return fed_host;
}

/* ---- the rule ---- */

enum fed_reach core_fed_reach(const struct post *p, bool local_only, int64_t now)
{
	if (!p || local_only || p->pending || p->reblog_of || p->author_suspended || p->deleted || p->publish_at > now)
		return FED_REACH_NONE;
	/* A group post leaves only through its group's Announce, and only an
	 * open group's (fed_group.c); closed and secret groups never, nor a
	 * direct message in any group. */
	if (p->group_id || p->group_kind >= 0)
		return p->group_id && p->group_kind == GROUP_OPEN && p->visibility != VIS_DIRECT ? FED_REACH_GROUP
		                                                                                 : FED_REACH_NONE;
	return p->visibility == VIS_PUBLIC      ? FED_REACH_PUBLIC
	       : p->visibility == VIS_FOLLOWERS ? FED_REACH_FOLLOWERS
	       : p->visibility == VIS_DIRECT    ? FED_REACH_DIRECT
	                                        : FED_REACH_NONE;
}

/* The rule for a stored post: its local-only mark read from the store (a
 * store failure keeps it home). */
static enum fed_reach reach(struct core *c, const struct post *p, int64_t now)
{
	bool local = true;
	if (!p || store_fed_local_only(c->store, p->id, &local))
		return FED_REACH_NONE;
	return core_fed_reach(p, local, now);
}

int core_fed_mark_local(struct core *c, uint64_t post, uint64_t parent, bool want)
{
	bool up = false;
	int rc = parent ? store_fed_local_only(c->store, parent, &up) : 0;
	return rc ? rc : want || up ? store_fed_local_only_put(c->store, post) : 0;
}

/* ---- keys ---- */

int fed_key_pair(struct core *c, struct arena *a, uint64_t account, const char **pub, const char **priv)
{
	int rc = store_fed_key_get(c->store, a, account, pub, priv);
	if (rc != ERR_NOTFOUND)
		return rc;
	const char *np, *ns;
	if ((rc = fed_key_new(a, &np, &ns)))
		return rc;
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_fed_key_put(c->store, account, np, ns);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	return store_fed_key_get(c->store, a, account, pub, priv);
}

int core_fed_local(struct core *c, struct arena *a, const char *name, struct fed_local *out)
{
	memset(out, 0, sizeof *out);
	struct account *acc;
	int rc = core_account_by_name(c, a, name, &acc);
	if (rc || acc->suspended || core_fed_is_remote(acc))
		return ERR_NOTFOUND; /* another server's actor is not ours to serve */
	const char *priv;
	if ((rc = fed_key_pair(c, a, acc->id, &out->public_pem, &priv)))
		return rc;
	out->acc = acc;
	out->lists_shown = !core_collections_hidden(acc);
	int64_t remote = 0;
	if (!store_account_counts(c->store, acc) && !store_fed_follower_count(c->store, acc->id, &remote)) {
		out->followers = acc->followers + remote;
		out->following = acc->following;
	}
	return 0;
}

/* ---- objects ---- */

static const char *actor_uri(struct arena *a, const char *name)
{
	return arena_printf(a, "%s/users/%s", fed_base, name);
}

static const char *iso_time(struct arena *a, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char b[32];
	strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return arena_strdup(a, b);
}

/* A direct message's remote recipients (their actors, on servers not
 * blocked here): the only ones it is addressed and delivered to. */
static int dm_rcpts(struct core *c, struct arena *a, uint64_t post, struct fed_actor ***out, size_t *n)
{
	uint64_t *ids;
	size_t nids;
	*n = 0;
	int rc = store_post_recipients(c->store, a, post, &ids, &nids);
	if (rc)
		return rc;
	*out = arena_alloc(a, (nids + 1) * sizeof **out);
	for (size_t i = 0; i < nids; i++) {
		struct fed_actor *f;
		if (!store_fed_actor_by_account(c->store, a, ids[i], &f) && !fed_host_blocked(c, a, f->uri))
			(*out)[(*n)++] = f;
	}
	return 0;
}

/* The Note for p, whose reach the caller has checked. */
json_t *fed_note_json(struct core *c, struct arena *a, const struct post *p, const struct account *author)
{
	const char *actor = actor_uri(a, author->username);
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(arena_printf(a, "%s/statuses/%llu", actor, (unsigned long long)p->id)));
	json_object_set_new(o, "type", json_string("Note"));
	json_object_set_new(o, "attributedTo", json_string(actor));
	json_object_set_new(o, "content", json_string(core_render_text(c, a, p->text ? p->text : "")));
	json_object_set_new(o, "published", json_string(iso_time(a, p->publish_at > p->created_at ? p->publish_at
	                                                                                           : p->created_at)));
	json_object_set_new(o, "url", json_string(arena_printf(a, "%s/posts/%llu", fed_base, (unsigned long long)p->id)));
	/* Followers-only: addressed to the followers alone (and delivered to
	 * their servers alone); never to the public collection. */
	json_t *to = json_array(), *cc = json_array();
	const char *followers = arena_printf(a, "%s/followers", actor);
	if (p->visibility == VIS_DIRECT) {
		/* A direct message: to its remote recipients alone, each named
		 * as a Mention (how Mastodon tells a DM from a limited post). */
		struct fed_actor **rc;
		size_t nr = 0;
		json_t *tag = json_array();
		if (dm_rcpts(c, a, p->id, &rc, &nr))
			nr = 0;
		for (size_t i = 0; i < nr; i++) {
			json_array_append_new(to, json_string(rc[i]->uri));
			json_array_append_new(tag, json_pack("{s:s,s:s,s:s}", "type", "Mention", "href", rc[i]->uri, "name",
			                                     arena_printf(a, "@%s@%s", rc[i]->username, rc[i]->host)));
		}
		json_object_set_new(o, "tag", tag);
	} else {
		json_array_append_new(to, json_string(p->visibility == VIS_PUBLIC ? FED_PUBLIC : followers));
		if (p->visibility == VIS_PUBLIC)
			json_array_append_new(cc, json_string(followers));
	}
	json_object_set_new(o, "to", to);
	json_object_set_new(o, "cc", cc);
	if (p->group_id)
		fed_group_address(c, a, p, o); /* to the group, with audience (FEP-1b12) */
	/* A reply names its parent only when the parent may be known out there
	 * (a direct reply: also a direct parent, which its recipients had). */
	struct post *parent;
	enum fed_reach pr;
	if (p->in_reply_to && !store_post_get(c->store, a, 0, p->in_reply_to, &parent) &&
	    ((pr = reach(c, parent, time_now())) == FED_REACH_PUBLIC || pr == FED_REACH_GROUP ||
	     (pr == FED_REACH_DIRECT && p->visibility == VIS_DIRECT))) {
		struct account *pa;
		const char *origin;
		if (!store_fed_note_uri(c->store, a, parent->id, &origin))
			json_object_set_new(o, "inReplyTo", json_string(origin));
		else if (!core_account_get(c, a, parent->author_id, &pa) && !core_fed_is_remote(pa))
			json_object_set_new(o, "inReplyTo",
			                    json_string(arena_printf(a, "%s/statuses/%llu", actor_uri(a, pa->username),
			                                             (unsigned long long)parent->id)));
	}
	fed_note_out(c, a, p, o, fed_base); /* mentions, tags, warning, media, poll */
	return o;
}

const char *fed_dump(struct arena *a, json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!s)
		return NULL;
	const char *r = arena_strdup(a, s);
	free(s);
	return r;
}

/* The post id, when it may leave and is name's; else ERR_NOTFOUND. */
int fed_post_to(struct core *c, struct arena *a, uint64_t id, struct post **p, struct account **author,
                   enum fed_reach *r)
{
	if (store_post_get(c->store, a, 0, id, p) || (*r = reach(c, *p, time_now())) == FED_REACH_NONE ||
	    core_account_get(c, a, (*p)->author_id, author) || (*author)->suspended || core_fed_is_remote(*author))
		return ERR_NOTFOUND;
	return 0;
}

/* The same, for anyone: public posts and open groups' posts (a fetch, a parent, a boost). */
static int post_out(struct core *c, struct arena *a, uint64_t id, struct post **p, struct account **author)
{
	enum fed_reach r;
	return fed_post_to(c, a, id, p, author, &r) || (r != FED_REACH_PUBLIC && r != FED_REACH_GROUP) ? ERR_NOTFOUND : 0;
}

/* ---- reaching other servers ---- */

struct sink {
	struct buf *b;
	bool over;
};

static size_t collect(char *p, size_t size, size_t nmemb, void *ud)
{
	struct sink *k = ud;
	if (buf_add(k->b, p, size * nmemb)) {
		k->over = true;
		return 0;
	}
	return size * nmemb;
}

static int stop_cb(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	return job_stopping() ? 1 : 0;
}

static curl_socket_t open_sock(void *ud, curlsocktype purpose, struct curl_sockaddr *addr)
{
	if (purpose != CURLSOCKTYPE_IPCXN || (!fed_loopback && !push_addr_public(&addr->addr)))
		return CURL_SOCKET_BAD;
	return socket(addr->family, addr->socktype, addr->protocol);
}

/* A URL we may reach: https (http too under KRING_FED_LOOPBACK), a host,
 * no user part, bounded; *host and *target (path and query) filled. */
bool fed_url_ok(struct arena *a, const char *url, const char **host, const char **target)
{
	if (!url || strlen(url) > FED_URI_MAX)
		return false;
	bool ok = false;
	CURLU *u = curl_url();
	char *scheme = NULL, *h = NULL, *port = NULL, *path = NULL, *query = NULL, *user = NULL;
	if (u && !curl_url_set(u, CURLUPART_URL, url, 0) && !curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) &&
	    !curl_url_get(u, CURLUPART_HOST, &h, 0) && !curl_url_get(u, CURLUPART_PATH, &path, 0) &&
	    curl_url_get(u, CURLUPART_USER, &user, 0) && h[0] &&
	    (!strcmp(scheme, "https") || (fed_loopback && !strcmp(scheme, "http")))) {
		curl_url_get(u, CURLUPART_QUERY, &query, 0);
		if (host)
			*host = curl_url_get(u, CURLUPART_PORT, &port, 0) ? arena_strdup(a, h)
			                                                   : arena_printf(a, "%s:%s", h, port);
		if (target)
			*target = query ? arena_printf(a, "%s?%s", path, query) : arena_strdup(a, path);
		ok = true;
	}
	curl_free(scheme);
	curl_free(h);
	curl_free(port);
	curl_free(path);
	curl_free(query);
	curl_free(user);
	curl_url_cleanup(u);
	return ok;
}

/* The URL without its #fragment. */
static const char *defrag(struct arena *a, const char *url)
{
	return arena_strndup(a, url, strcspn(url, "#"));
}

/* One request: GET (body NULL) or POST; the status, or 0 on a network
 * failure (why says which); the answer (GET) in *out. */
long fed_http_call(struct arena *a, const char *url, struct curl_slist *hdrs, const char *body, size_t n,
                      const char **out, size_t *outlen, char *why, size_t whylen)
{
	CURL *h = curl_easy_init();
	if (!h)
		return 0;
	struct buf b = BUF_INIT(FED_FETCH_MAX);
	struct sink k = {&b, false};
	curl_easy_setopt(h, CURLOPT_URL, url);
	if (body) {
		curl_easy_setopt(h, CURLOPT_POST, 1L);
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)n);
	}
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, fed_loopback ? "http,https" : "https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L); /* no redirects: a key stays with its host */
	curl_easy_setopt(h, CURLOPT_PROXY, "");
	curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, open_sock);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &k);
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)FED_FETCH_MAX);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, (long)FED_CONNECT_TIMEOUT);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)FED_FETCH_TIMEOUT);
	/* A writer waiting for a post's lookups (fed_page.c): what is left of their time. */
	int64_t left = fed_deadline_ms ? fed_deadline_ms - time_ms() : FED_FETCH_TIMEOUT * 1000;
	if (left < FED_FETCH_TIMEOUT * 1000)
		curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)(left > 1 ? left : 1));
	curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, stop_cb);
	curl_easy_setopt(h, CURLOPT_USERAGENT, USER_AGENT);
	if (fed_ca_file()) /* KRING_FED_CA_FILE: a private CA (tests); the system's stay trusted (CAPATH) */
		curl_easy_setopt(h, CURLOPT_CAINFO, fed_ca_file());
	long status = 0;
	CURLcode cr = curl_easy_perform(h);
	if (cr != CURLE_OK)
		snprintf(why, whylen, "%s%s", k.over ? "answer too large: " : "", curl_easy_strerror(cr));
	else
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(h);
	if (out && status) {
		*out = arena_strndup(a, b.ptr ? b.ptr : "", b.len);
		*outlen = b.len;
	}
	buf_release(&b);
	return status;
}

/* GET a JSON document from another server. */
json_t *fed_fetch(struct arena *a, const char *url, char *why, size_t whylen)
{
	if (!fed_url_ok(a, url, NULL, NULL)) {
		snprintf(why, whylen, "not a URL we may fetch");
		return NULL;
	}
	struct curl_slist *hdrs = curl_slist_append(NULL, "Accept: application/activity+json, application/ld+json");
	hdrs = fed_sign_get(a, url, hdrs); /* as the instance actor (authorized fetch) */
	const char *body = NULL;
	size_t n = 0;
	long st = fed_http_call(a, url, hdrs, NULL, 0, &body, &n, why, whylen);
	curl_slist_free_all(hdrs);
	if (st != 200) {
		if (st)
			snprintf(why, whylen, "fetching %s: HTTP %ld", url, st);
		return NULL;
	}
	json_error_t e;
	json_t *j = json_loadb(body, n, JSON_REJECT_DUPLICATES, &e);
	if (!json_is_object(j)) {
		json_decref(j);
		snprintf(why, whylen, "fetching %s: not a JSON object", url);
		return NULL;
	}
	return j;
}

const char *fed_jstr(json_t *o, const char *k)
{
	return fed_read_str(o, k);
}

/* The id of a member that may be a link or an embedded object. */
const char *fed_jref(json_t *o, const char *k)
{
	return fed_read_ref(o, k);
}
/* fed_read.c's limits are these (it includes no core header). */
_Static_assert(FED_READ_BODY_MAX == FED_BODY_MAX && FED_READ_ITEMS_MAX == FED_ITEMS_MAX &&
                       FED_READ_URI_MAX == FED_URI_MAX,
               "fed_read.h and federation.h disagree on a limit");

bool fed_same_host(struct arena *a, const char *u1, const char *u2)
{
	const char *h1, *h2;
	return fed_url_ok(a, u1, &h1, NULL) && fed_url_ok(a, u2, &h2, NULL) && !strcasecmp(h1, h2);
}

/* Is the host of url (or a domain above it) blocked by an administrator?
 * (A URL without an http(s) host is not; no fetch will take it anyway.) */
bool fed_host_blocked(struct core *c, struct arena *a, const char *url)
{
	const char *h;
	bool save = fed_loopback, ok;
	fed_loopback = true; /* read http URLs too: the scheme is checked elsewhere */
	ok = fed_url_ok(a, url, &h, NULL);
	fed_loopback = save;
	if (!ok)
		return false;
	char *lo = arena_strdup(a, h);
	for (char *x = lo; *x; x++)
		if (*x >= 'A' && *x <= 'Z')
			*x = (char)(*x - 'A' + 'a');
	bool yes = false;
	if (store_fed_blocked(c->store, lo, &yes) || yes)
		return true;
	/* without the port, then each domain above it */
	lo[strcspn(lo, ":")] = '\0';
	for (const char *d = lo; d; d = strchr(d + 1, '.') ? strchr(d + 1, '.') + 1 : NULL)
		if (store_fed_blocked(c->store, d, &yes) || yes)
			return true;
	return false;
}

int core_fed_block(struct core *c, const char *host, bool block)
{
	if (!host || !*host || strlen(host) > 253 || strpbrk(host, "/@?# "))
		return ERR_INVAL;
	char lo[256];
	snprintf(lo, sizeof lo, "%s", host);
	for (char *x = lo; *x; x++)
		if (*x >= 'A' && *x <= 'Z')
			*x = (char)(*x - 'A' + 'a');
	int rc = store_begin(c->store);
	if (!rc)
		rc = store_fed_block(c->store, lo, block, time_now());
	if (!rc && block)
		rc = store_fed_forget_host(c->store, lo);
	return store_finish(c->store, rc);
}

int core_fed_blocks(struct core *c, struct arena *a, const char ***hosts, size_t *n)
{
	return store_fed_block_list(c->store, a, hosts, n);
}

/* A name made of a remote actor's: letters, digits and . _ - only. */
static bool remote_name_ok(const char *s)
{
	if (!*s || strlen(s) > 100)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr("._-", *s)))
			return false;
	return true;
}

/*
 * The account row a remote actor is shown as (in the caller's transaction):
 * username "user@host" (which no local name can be: '@' is not allowed
 * there), no password (it cannot log in), its display name kept fresh.
 * Local rules then treat it as any account: follows, timelines, threads.
 */
static int remote_account(struct core *c, struct arena *a, uint64_t actor, const struct fed_actor *f,
                          const char *display)
{
	char dn[201] = "";
	if (display && utf8_valid(display, strlen(display))) {
		const char *t = feed_html_text(a, display, strlen(display), 190);
		snprintf(dn, sizeof dn, "%s", t ? t : "");
	}
	struct fed_actor *old;
	struct account *have;
	if (!store_fed_actor_get(c->store, a, actor, &old) && old->account_id) {
		if (store_account_get(c->store, a, old->account_id, &have) || !strcmp(have->display_name, dn))
			return 0;
		have->display_name = dn;
		return store_account_update(c->store, have);
	}
	char *user = arena_strdup(a, f->username), *host = arena_strdup(a, f->host);
	str_lower(user);
	str_lower(host);
	if (!remote_name_ok(user) || strpbrk(host, "@/ "))
		return 0; /* kept as an actor, not shown as an account */
	struct account acc = {.id = id_new(), .username = arena_printf(a, "%s@%s", user, host), .display_name = dn,
	                      .kind = ACCOUNT_PERSON, .lang = "nl", .created_at = time_now()};
	int rc = store_account_insert(c->store, &acc, NULL);
	return rc ? rc : store_fed_actor_link(c->store, actor, acc.id);
}

bool core_fed_is_remote(const struct account *acc)
{
	return acc && acc->username && strchr(acc->username, '@');
}

int core_fed_account_uri(struct core *c, struct arena *a, const struct account *acc, const char **uri)
{
	struct fed_actor *f;
	int rc = store_fed_actor_by_account(c->store, a, acc->id, &f);
	if (!rc)
		*uri = f->uri;
	return rc;
}

int core_fed_post_uri(struct core *c, struct arena *a, uint64_t post, const char **uri)
{
	return store_fed_note_uri(c->store, a, post, uri);
}

/*
 * Keep the actor document j (fetched from its own address): its id, inbox
 * and key must hold together and live on one host; key_id, when given,
 * must be its key.
 */
static int actor_keep(struct core *c, struct arena *a, json_t *j, const char *key_id, struct fed_actor **out,
                      char *why, size_t whylen)
{
	json_t *pk = json_object_get(j, "publicKey");
	if (json_is_array(pk))
		pk = json_array_get(pk, 0);
	struct fed_actor f = {0};
	f.uri = fed_jstr(j, "id");
	f.inbox = fed_jstr(j, "inbox");
	json_t *ep = json_object_get(j, "endpoints");
	f.shared_inbox = json_is_object(ep) && fed_jstr(ep, "sharedInbox") ? fed_jstr(ep, "sharedInbox") : "";
	f.key_id = json_is_object(pk) ? fed_jstr(pk, "id") : NULL;
	f.public_pem = json_is_object(pk) ? json_string_value(json_object_get(pk, "publicKeyPem")) : NULL;
	const char *owner = json_is_object(pk) ? fed_jstr(pk, "owner") : NULL;
	f.username = fed_jstr(j, "preferredUsername") ? fed_jstr(j, "preferredUsername") : "";
	f.fetched_at = time_now();
	const char *host = NULL;
	if (!f.uri || !f.inbox || !f.key_id || !f.public_pem || strlen(f.public_pem) > FED_PEM_MAX ||
	    (key_id && strcmp(f.key_id, key_id)) || (owner && strcmp(owner, f.uri)) || !fed_url_ok(a, f.uri, &host, NULL) ||
	    !fed_same_host(a, f.uri, f.key_id) || !fed_same_host(a, f.uri, f.inbox) ||
	    (f.shared_inbox[0] && !fed_same_host(a, f.uri, f.shared_inbox)) || strlen(f.username) > 256) {
		snprintf(why, whylen, "the actor document does not hold together with its key");
		return ERR_AUTH;
	}
	f.host = host;
	/* copy out of the JSON before it goes */
	f.uri = arena_strdup(a, f.uri);
	f.inbox = arena_strdup(a, f.inbox);
	f.shared_inbox = arena_strdup(a, f.shared_inbox);
	f.key_id = arena_strdup(a, f.key_id);
	f.public_pem = arena_strdup(a, f.public_pem);
	f.username = arena_strdup(a, f.username);
	const char *name = json_string_value(json_object_get(j, "name"));
	uint64_t id;
	int rc = store_begin(c->store);
	if (!rc)
		rc = store_fed_actor_put(c->store, &f, &id);
	if (!rc)
		rc = remote_account(c, a, id, &f, name);
	rc = store_finish(c->store, rc);
	if (!rc)
		rc = store_fed_actor_get(c->store, a, id, out);
	return rc;
}

/* Fetch the actor at uri (its document must say it is that uri) and keep it. */
static int actor_by_uri(struct core *c, struct arena *a, const char *uri, struct fed_actor **out, char *why,
                        size_t whylen)
{
	json_t *j = fed_fetch(a, uri, why, whylen);
	if (!j)
		return ERR_NOTFOUND;
	int rc = ERR_AUTH;
	if (fed_jstr(j, "id") && !strcmp(fed_jstr(j, "id"), uri))
		rc = actor_keep(c, a, j, NULL, out, why, whylen);
	else
		snprintf(why, whylen, "the document at %s is another's", uri);
	json_decref(j);
	return rc;
}

/*
 * Fetch the actor that owns key_id (the key's URL without its fragment is
 * the actor, as Mastodon has it; or a key document whose owner is on the
 * same host) and keep it.
 */
static int actor_fetch(struct core *c, struct arena *a, const char *key_id, struct fed_actor **out, char *why,
                       size_t whylen)
{
	json_t *j = fed_fetch(a, defrag(a, key_id), why, whylen);
	if (!j)
		return ERR_AUTH;
	if (!json_object_get(j, "inbox")) {
		/* A key document: its owner is the actor. */
		const char *owner = fed_jstr(j, "owner");
		const char *o = owner && fed_same_host(a, owner, key_id) ? arena_strdup(a, owner) : NULL;
		json_decref(j);
		j = o ? fed_fetch(a, o, why, whylen) : NULL;
		if (!j)
			return ERR_AUTH;
	}
	int rc = actor_keep(c, a, j, key_id, out, why, whylen);
	json_decref(j);
	return rc;
}

/* ---- deliveries ---- */

static int queue(struct core *c, const char *kind, const char *arg, int64_t run_at)
{
	uint64_t jid;
	int rc = store_job_enqueue(c->store, kind, arg, run_at, &jid);
	if (rc)
		log_warn("cannot queue %s %s", kind, arg);
	return rc;
}

/* Keep body for delivery by account to each inbox (in the caller's transaction). */
static int deliver_key(struct core *c, struct arena *a, uint64_t account, const char *body, const char *key,
                       const char *const *inboxes, size_t n)
{
	uint64_t oid;
	int rc = store_fed_out_put(c->store, account, body, key, time_now(), &oid);
	for (size_t i = 0; !rc && i < n; i++)
		rc = queue(c, JOB_DELIVER, arena_printf(a, "%llu %s", (unsigned long long)oid, inboxes[i]), time_now());
	return rc;
}

static int deliver_to(struct core *c, struct arena *a, uint64_t account, const char *body, const char *const *inboxes,
                      size_t n)
{
	return deliver_key(c, a, account, body, NULL, inboxes, n);
}

void core_fed_post_written(struct core *c, uint64_t post)
{
	if (!fed_on)
		return;
	struct arena a;
	arena_init(&a);
	struct post *p;
	/* Only what may leave, by an author followed from elsewhere, is queued
	 * at all (no job per post otherwise); the job asks again when it runs
	 * (the post may have been deleted or edited by then). */
	int64_t remote = 0;
	enum fed_reach r = FED_REACH_NONE;
	struct fed_actor **rc_;
	size_t nr = 0;
	if (!store_post_get(c->store, &a, 0, post, &p) &&
	    (r = reach(c, p, p->publish_at > time_now() ? p->publish_at : time_now())) != FED_REACH_NONE &&
	    (r == FED_REACH_GROUP ||
	     (r == FED_REACH_DIRECT ? !dm_rcpts(c, &a, p->id, &rc_, &nr) && nr > 0
	                            : !store_fed_follower_count(c->store, p->author_id, &remote) && remote > 0))) {
		int rc = store_begin(c->store);
		if (!rc)
			rc = queue(c, JOB_POST, arena_printf(&a, "%llu", (unsigned long long)post),
			           p->publish_at > time_now() ? p->publish_at : time_now());
		if (!store_finish(c->store, rc))
			job_kick();
	}
	arena_release(&a);
}

/* The author's accepted remote followers' inboxes get body, and extra when
 * given (a transaction of its own); signed with key when given. */
static int deliver_all(struct core *c, struct arena *a, uint64_t author, const char *body, const char *key,
                       const char *extra)
{
	const char **inboxes;
	size_t n;
	int rc = store_fed_follower_inboxes(c->store, a, author, &inboxes, &n);
	if (rc)
		return rc;
	bool have = false;
	for (size_t i = 0; extra && i < n; i++)
		have = have || !strcmp(inboxes[i], extra);
	if (extra && !have) {
		const char **v = arena_alloc(a, (n + 1) * sizeof *v);
		if (n)
			memcpy(v, inboxes, n * sizeof *v);
		v[n++] = extra;
		inboxes = v;
	}
	if (!n)
		return 0;
	if (!(rc = store_begin(c->store)))
		rc = store_finish(c->store, deliver_key(c, a, author, body, key, inboxes, n));
	if (!rc)
		job_kick();
	return rc;
}

static int deliver_followers(struct core *c, struct arena *a, uint64_t author, const char *body)
{
	return deliver_all(c, a, author, body, NULL, NULL);
}

/* An activity o about the post p (its reach checked) is addressed as p is:
 * a direct message to its remote recipients alone, not to everyone. */
static void dm_address(struct core *c, struct arena *a, const struct post *p, json_t *o)
{
	struct fed_actor **r;
	size_t n = 0;
	if (p->visibility != VIS_DIRECT)
		return;
	json_t *to = json_array();
	for (size_t i = 0; !dm_rcpts(c, a, p->id, &r, &n) && i < n; i++)
		json_array_append_new(to, json_string(r[i]->uri));
	json_object_set_new(o, "to", to);
	json_object_set_new(o, "cc", json_array());
}

/* body, about the post p, goes where p may go: a direct message to its
 * remote recipients' own inboxes (never a shared inbox, never followers),
 * anything else to the author's followers' servers. */
static int deliver_post(struct core *c, struct arena *a, const struct post *p, uint64_t author, const char *body)
{
	if (p->visibility != VIS_DIRECT)
		return deliver_followers(c, a, author, body);
	struct fed_actor **r;
	size_t n;
	int rc = dm_rcpts(c, a, p->id, &r, &n);
	if (rc || !n)
		return rc;
	const char **inboxes = arena_alloc(a, n * sizeof *inboxes);
	for (size_t i = 0; i < n; i++)
		inboxes[i] = r[i]->inbox;
	if (!(rc = store_begin(c->store)))
		rc = store_finish(c->store, deliver_to(c, a, author, body, inboxes, n));
	if (!rc)
		job_kick();
	return rc;
}

void core_fed_post_deleted(struct core *c, uint64_t post)
{
	if (!fed_on)
		return;
	struct arena a;
	arena_init(&a);
	struct post *p;
	struct account *author;
	/* Only what could have gone out is taken back: the rule as it stood
	 * just before the deletion. */
	bool found = !store_post_get_any(c->store, &a, 0, post, &p);
	if (found)
		p->deleted = false;
	if (found && reach(c, p, time_now()) == FED_REACH_GROUP) {
		if (fed_group_announce(c, &a, p, "Delete")) /* through its group */
			log_warn("cannot queue the Delete of group post %llu", (unsigned long long)post);
	} else if (found && reach(c, p, time_now()) != FED_REACH_NONE &&
	           !core_account_get(c, &a, p->author_id, &author)) {
		const char *actor = actor_uri(&a, author->username);
		const char *nid = arena_printf(&a, "%s/statuses/%llu", actor, (unsigned long long)p->id);
		json_t *o = json_object();
		json_object_set_new(o, "@context", json_string(AS_CONTEXT));
		json_object_set_new(o, "id", json_string(arena_printf(&a, "%s#delete", nid)));
		json_object_set_new(o, "type", json_string("Delete"));
		json_object_set_new(o, "actor", json_string(actor));
		json_t *to = json_array();
		json_array_append_new(to, json_string(FED_PUBLIC));
		json_object_set_new(o, "to", to);
		json_object_set_new(o, "object", json_pack("{s:s,s:s}", "id", nid, "type", "Tombstone"));
		dm_address(c, &a, p, o);
		const char *body = fed_dump(&a, o);
		if (!body || deliver_post(c, &a, p, author->id, body))
			log_warn("cannot queue the Delete of post %llu", (unsigned long long)post);
	}
	arena_release(&a);
}

static int job_post(void *ctx, const char *arg, char *why, size_t whylen)
{
	struct core *c = ctx;
	uint64_t id;
	if (!parse_u64(arg, &id))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct post *p;
	struct account *author;
	int rc = 0;
	if (!store_post_get(c->store, &a, 0, id, &p) && p->publish_at > time_now()) {
		/* Still held (think time was lengthened): look again then. */
		rc = store_begin(c->store);
		if (!rc)
			rc = store_finish(c->store, queue(c, JOB_POST, arg, p->publish_at));
		goto out;
	}
	enum fed_reach r;
	if (!store_post_get(c->store, &a, 0, id, &p) && reach(c, p, time_now()) == FED_REACH_GROUP) {
		rc = fed_group_post_job(c, &a, p, arg); /* only through its group (fed_group.c) */
		goto out;
	}
	if (fed_post_to(c, &a, id, &p, &author, &r))
		goto out; /* deleted, or it may not leave: nothing goes out */
	const char *body = fed_dump(&a, fed_create(&a, actor_uri(&a, author->username), fed_note_json(c, &a, p, author)));
	if (!body) {
		rc = ERR_IO;
		goto out;
	}
	rc = deliver_post(c, &a, p, author->id, body);
out:
	if (rc)
		snprintf(why, whylen, "fed_post: %s", err_str(rc));
	arena_release(&a);
	return rc;
}

/* A delivery to host answered (ok: it is up, whatever it said) or not. */
static void host_result(struct core *c, const char *host, bool ok)
{
	int n = 0, rc = store_begin(c->store);
	if (!rc && ok)
		rc = store_fed_host_ok(c->store, host);
	else if (!rc && !(rc = store_fed_host_failed(c->store, host, &n)) && n >= FED_BREAKER_AFTER)
		rc = store_fed_host_retry(c->store, host,
		                          time_now() + job_backoff(n - FED_BREAKER_AFTER + 1, FED_BACKOFF_MAX));
	if (store_finish(c->store, rc))
		log_warn("cannot keep the state of host %s", host);
}

static int job_deliver(void *ctx, const char *arg, char *why, size_t whylen)
{
	struct core *c = ctx;
	char num[24];
	size_t nl = strcspn(arg, " ");
	if (!nl || nl >= sizeof num || !arg[nl])
		return ERR_INVAL;
	memcpy(num, arg, nl);
	num[nl] = '\0';
	uint64_t oid, account;
	const char *inbox = arg + nl + 1, *body, *pub, *priv, *host, *target, *sig, *key;
	if (!parse_u64(num, &oid))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	int rc = ERR_INVAL;
	struct account *acc = NULL;
	const char *key_id = NULL; /* a group's (fed_group.c) when the signer is no account */
	if (store_fed_out_get(c->store, &a, oid, &account, &body, &key) || !fed_url_ok(&a, inbox, &host, &target) ||
	    fed_host_blocked(c, &a, inbox) ||
	    (account != FED_INSTANCE_SIGNER && store_account_get(c->store, &a, account, &acc) &&
	     fed_group_key_id(c, &a, account, &key_id)) ||
	    fed_key_pair(c, &a, account, &pub, &priv)) {
		snprintf(why, whylen, "fed_deliver: nothing to deliver to %s", inbox);
		goto out;
	}
	/* The per-host circuit breaker: a host that failed FED_BREAKER_AFTER
	 * times in a row is left alone until its next try, when one delivery
	 * probes it; the others waiting for it are put off until then, not
	 * tried (and not counted as tries), for FED_GIVE_UP_S at most. */
	int64_t retry_at = 0, made = 0;
	if ((rc = store_fed_host_probe(c->store, host, time_now(), time_now() + FED_PROBE_S, &retry_at)))
		goto out;
	if (retry_at > time_now()) {
		if (!store_fed_out_created(c->store, oid, &made) && time_now() - made > FED_GIVE_UP_S) {
			snprintf(why, whylen, "fed_deliver: %s has been down too long; given up", host);
			rc = ERR_INVAL;
		} else if (!(rc = store_begin(c->store)))
			rc = store_finish(c->store, queue(c, JOB_DELIVER, arg, retry_at));
		goto out;
	}
	char date[64], digest[80];
	fed_http_date(time_now(), date, sizeof date);
	fed_digest(body, strlen(body), digest, sizeof digest);
	if (key[0])
		priv = key; /* an Update after a key rotation: signed with the key they know */
	if (!key_id)
		key_id = acc ? arena_printf(&a, "%s#main-key", actor_uri(&a, acc->username)) : fed_instance_key_id(&a);
	if ((rc = fed_sign(&a, priv, key_id, "POST", target, host, date, digest, &sig)))
		goto out;
	struct curl_slist *h = NULL;
	h = curl_slist_append(h, "Content-Type: application/activity+json");
	h = curl_slist_append(h, arena_printf(&a, "Host: %s", host));
	h = curl_slist_append(h, arena_printf(&a, "Date: %s", date));
	h = curl_slist_append(h, arena_printf(&a, "Digest: %s", digest));
	h = curl_slist_append(h, arena_printf(&a, "Signature: %s", sig));
	h = curl_slist_append(h, "Expect:");
	long st = fed_http_call(&a, inbox, h, body, strlen(body), NULL, NULL, why, whylen);
	curl_slist_free_all(h);
	if (st >= 200 && st < 300)
		rc = 0;
	else if (st >= 400 && st < 500 && st != 401 && st != 408 && st != 429) {
		/* (401 is tried again, as Mastodon does: the other side may not have
		 * our new key yet after a rotation.) */
		snprintf(why, whylen, "fed_deliver: %s refused it (HTTP %ld)", inbox, st);
		rc = ERR_INVAL; /* it will not take it later either */
	} else {
		if (st)
			snprintf(why, whylen, "fed_deliver: %s answered HTTP %ld", inbox, st);
		rc = ERR_IO; /* retried with back-off */
	}
	host_result(c, host, rc != ERR_IO);
out:
	arena_release(&a);
	return rc;
}

/* ---- the inbox ---- */

/* The local account an actor URI of ours names, or NULL. */
static struct account *local_of(struct core *c, struct arena *a, const char *uri)
{
	size_t bl = strlen(fed_base);
	struct account *acc;
	if (!uri || strncmp(uri, fed_base, bl) || strncmp(uri + bl, "/users/", 7) || strpbrk(uri + bl + 7, "/@") ||
	    core_account_by_name(c, a, uri + bl + 7, &acc) || acc->suspended)
		return NULL;
	return acc;
}

/* Deliver Accept (or Reject) of from's Follow id to its inbox. */
static int answer_follow(struct core *c, struct arena *a, const struct fed_actor *from, const char *id,
                         const struct account *to, bool accept)
{
	json_t *o = json_object();
	json_object_set_new(o, "@context", json_string(AS_CONTEXT));
	json_object_set_new(o, "id", json_string(arena_printf(a, "%s#%s/follows/%llu", actor_uri(a, to->username),
	                                                      accept ? "accepts" : "rejects", (unsigned long long)id_new())));
	json_object_set_new(o, "type", json_string(accept ? "Accept" : "Reject"));
	json_object_set_new(o, "actor", json_string(actor_uri(a, to->username)));
	json_t *f = json_object();
	json_object_set_new(f, "id", json_string(id));
	json_object_set_new(f, "type", json_string("Follow"));
	json_object_set_new(f, "actor", json_string(from->uri));
	json_object_set_new(f, "object", json_string(actor_uri(a, to->username)));
	json_object_set_new(o, "object", f);
	const char *body = fed_dump(a, o);
	return body ? deliver_to(c, a, to->id, body, &from->inbox, 1) : ERR_IO;
}

static int on_follow(struct core *c, struct arena *a, const struct fed_actor *from, json_t *act, const char *id,
                     struct account *to, bool *asked)
{
	int state = to->locked ? FED_FOLLOW_REQUESTED : FED_FOLLOW_ACCEPTED;
	int rc = store_fed_follower_put(c->store, to->id, from->id, state, id, time_now());
	/* A request is also one of the account's follow requests here, so the
	 * pages and the API list it and answer it as any other. */
	if (!rc && state == FED_FOLLOW_REQUESTED && from->account_id)
		rc = store_follow_request_set(c->store, from->account_id, to->id, true, asked);
	if (rc || state != FED_FOLLOW_ACCEPTED)
		return rc;
	return answer_follow(c, a, from, id, to, true);
}

int core_fed_request_answer(struct core *c, struct arena *a, const char *name, const char *actor, bool accept)
{
	struct account *to;
	struct fed_actor *from;
	int state;
	const char *fid;
	if (core_account_by_name(c, a, name, &to) || to->suspended || store_fed_actor_by_uri(c->store, a, actor, &from))
		return ERR_NOTFOUND;
	int rc = store_begin(c->store);
	if (!rc && (rc = store_fed_follower_get(c->store, a, to->id, from->id, &state, &fid)) == 0 &&
	    state != FED_FOLLOW_REQUESTED)
		rc = ERR_NOTFOUND; /* no request waiting */
	if (!rc)
		rc = accept ? store_fed_follower_put(c->store, to->id, from->id, FED_FOLLOW_ACCEPTED, fid, time_now())
		            : store_fed_follower_delete(c->store, to->id, from->id);
	if (!rc)
		rc = answer_follow(c, a, from, fid, to, accept);
	if (!rc && from->account_id)
		rc = store_follow_request_set(c->store, from->account_id, to->id, false, NULL);
	rc = store_finish(c->store, rc);
	if (!rc)
		job_kick();
	return rc;
}

int core_fed_request_answer_account(struct core *c, struct arena *a, uint64_t account, uint64_t requester, bool accept)
{
	struct account *to;
	struct fed_actor *from;
	if (store_account_get(c->store, a, account, &to) || store_fed_actor_by_account(c->store, a, requester, &from))
		return ERR_NOTFOUND;
	return core_fed_request_answer(c, a, to->username, from->uri, accept);
}

/* The post a Note's inReplyTo names, when a reply may hang under it here: a
 * post of ours that may leave (its address names its author), or a Note
 * received before; 0 otherwise. */
static uint64_t known_post(struct core *c, struct arena *a, const char *uri)
{
	uint64_t id = 0, actor;
	size_t bl = strlen(fed_base);
	const char *st = uri && !strncmp(uri, fed_base, bl) && !strncmp(uri + bl, "/users/", 7) ? strstr(uri + bl + 7, "/statuses/") : NULL;
	if (st) {
		struct post *p;
		struct account *author;
		const char *name = arena_strndup(a, uri + bl + 7, (size_t)(st - uri - bl - 7));
		if (!parse_u64(st + 10, &id) || post_out(c, a, id, &p, &author) || strcmp(author->username, name))
			return 0;
		return id;
	}
	return uri && !store_fed_note_post(c->store, uri, &id, &actor) ? id : 0;
}

/* A direct message that came in, whose recipients are told after the
 * transaction. */
#define DM_IN_MAX 16
struct dm_in {
	int kind; /* 0: a direct message (NOTIF_MENTION), or what the recipients are told */
	uint64_t post, from;
	uint64_t to[DM_IN_MAX];
	size_t n;
	uint64_t voted; /* a poll here that got a vote: its counts changed */
};

/* The post our address uri names when it is a direct message sender (an
 * account here) was sent: a direct reply may hang under it; else 0. */
static uint64_t dm_parent(struct core *c, struct arena *a, const char *uri, uint64_t sender)
{
	size_t bl = strlen(fed_base);
	const char *st = uri && !strncmp(uri, fed_base, bl) && !strncmp(uri + bl, "/users/", 7)
	                         ? strstr(uri + bl + 7, "/statuses/")
	                         : NULL;
	uint64_t id;
	struct post *p;
	struct account *author;
	if (!st || !parse_u64(st + 10, &id) || store_post_get(c->store, a, sender, id, &p) ||
	    reach(c, p, time_now()) != FED_REACH_DIRECT || !p->v_recipient ||
	    core_account_get(c, a, p->author_id, &author) ||
	    strncmp(author->username, uri + bl + 7, (size_t)(st - uri - bl - 7)) ||
	    author->username[st - uri - bl - 7])
		return 0;
	return id;
}

/* May the remote account sender send the local account to a direct
 * message (to's rule for who may message them; within a conversation
 * to started, always)? */
static bool dm_in_allowed(struct core *c, struct arena *a, uint64_t sender, const struct account *to,
                          const struct post *parent)
{
	bool yes = false;
	if (core_blocked_between(c, to->id, sender, &yes) || yes)
		return false;
	if (parent && parent->author_id == to->id)
		return true;
	if (to->dm_policy == DM_EVERYONE)
		return true;
	/* Someone elsewhere is never known here as a care provider. */
	return to->dm_policy == DM_FOLLOWED && !store_follows(c->store, to->id, sender, &yes) && yes;
}

/*
 * A public Note from an actor someone here follows, or a public reply to a
 * post here, becomes a post of the actor's account (its HTML made plain
 * text on the way in: nothing is stored raw); a Note addressed to accounts
 * here alone (no Public, no followers) a direct message to them;
 * anything else is not taken in.
 */
/*
 * A vote from another server: Mastodon sends each choice as a Note with the
 * option's title as `name`, no content, in reply to the Question, to its
 * author alone.  Counted for a poll here that may go out, still open, by
 * the sender's account; anything else is dropped with the reason.
 */
static int vote_take(struct core *c, struct arena *a, const struct fed_actor *from, json_t *o, uint64_t *voted,
                     const char **why)
{
	const char *id = fed_jstr(o, "id"), *by = fed_jref(o, "attributedTo"), *name = fed_jstr(o, "name");
	uint64_t post = known_post(c, a, fed_jref(o, "inReplyTo"));
	struct poll *poll;
	struct post *p;
	struct account *author;
	*why = "not a vote on an open poll here";
	if (!id || !by || strcmp(by, from->uri) || !fed_same_host(a, id, from->uri) || !from->account_id || !post ||
	    post_out(c, a, post, &p, &author) || core_fed_is_remote(author) ||
	    store_poll_get(c->store, a, post, from->account_id, &poll) || core_poll_closed(poll, time_now()))
		return 0;
	for (size_t i = 0; i < poll->nopts; i++)
		if (!strcmp(poll->titles[i], name)) {
			bool taken;
			int rc = store_poll_vote_one(c->store, post, from->account_id, (int)i, &taken);
			if (!rc && taken) {
				*voted = post;
				*why = NULL;
				fed_poll_changed(c, p);
			}
			return rc;
		}
	return 0;
}

static int note_take(struct core *c, struct arena *a, const struct fed_actor *from, json_t *o, bool want,
                     const char **why, struct dm_in *dm)
{
	const char *type = json_is_object(o) ? fed_jstr(o, "type") : NULL;
	const char *id = json_is_object(o) ? fed_jstr(o, "id") : NULL;
	const char *by = json_is_object(o) ? fed_jref(o, "attributedTo") : NULL;
	const char *content = json_is_object(o) ? json_string_value(json_object_get(o, "content")) : NULL;
	const char *published = json_is_object(o) ? fed_jstr(o, "published") : NULL;
	if (type && !strcmp(type, "Note") && !content && fed_jstr(o, "name") && !want && dm)
		return vote_take(c, a, from, o, &dm->voted, why);
	if (!type || (strcmp(type, "Note") && strcmp(type, "Question")) || !id || !by || strcmp(by, from->uri) ||
	    !fed_same_host(a, id, from->uri) ||
	    !content || strlen(content) > FED_NOTE_MAX || !utf8_valid(content, strlen(content))) {
		*why = "not a Note of the sender's own";
		return 0;
	}
	/* Public, or to the sender's followers (its "followers" collection:
	 * Mastodon's and ours are the actor's address + /followers). */
	bool pub = false, fol = false;
	struct account *loc[DM_IN_MAX];
	size_t nloc = 0;
	const char *fields[] = {"to", "cc"}, *followers = arena_printf(a, "%s/followers", from->uri);
	for (int f = 0; f < 2; f++) {
		json_t *v = json_object_get(o, fields[f]);
		for (size_t i = 0; i < 64; i++) {
			json_t *e = json_is_array(v) ? json_array_get(v, i) : i ? NULL : v;
			const char *t = json_string_value(e);
			if (!e)
				break;
			pub = pub || fed_is_public(t);
			fol = fol || (t && !strcmp(t, followers));
			struct account *la = nloc < DM_IN_MAX ? local_of(c, a, t) : NULL;
			for (size_t k = 0; la && k < nloc; k++)
				la = loc[k]->id == la->id ? NULL : la;
			if (la)
				loc[nloc++] = la;
		}
	}
	/* A direct message: to accounts here alone, never through an Announce. */
	bool direct = !pub && !fol && nloc > 0 && !want && dm && from->account_id;
	const char *irt = fed_jref(o, "inReplyTo");
	uint64_t parent = direct ? dm_parent(c, a, irt, from->account_id) : 0, have, actor;
	if (!parent)
		parent = known_post(c, a, irt);
	struct post *pp = NULL;
	if (parent && store_post_get(c->store, a, 0, parent, &pp))
		parent = 0;
	uint64_t rcpt[DM_IN_MAX];
	size_t nrcpt = 0;
	for (size_t k = 0; direct && k < nloc; k++)
		if (dm_in_allowed(c, a, from->account_id, loc[k], pp))
			rcpt[nrcpt++] = loc[k]->id;
	if (direct && !nrcpt) {
		*why = "no account here takes direct messages from the sender";
		return 0;
	}
	bool followed = false;
	int rc = store_fed_followed(c->store, from->id, &followed);
	/* Followers-only: only from someone followed here, who then sees it;
	 * never through an Announce. */
	if (!direct && (rc || !(pub || (fol && followed && !want)) || (!followed && !parent && !want) ||
	                !from->account_id)) {
		*why = "not a public Note of someone followed here, nor a reply to a post here";
		return rc;
	}
	if (!store_fed_note_post(c->store, id, &have, &actor))
		return 0; /* taken in before (another activity carrying it) */
	const char *text = feed_html_text(a, content, strlen(content), FED_TEXT_MAX);
	struct post_new pn = {.id = id_new(), .author_id = from->account_id, .writer_id = from->account_id,
	                      .in_reply_to = parent,
	                      .visibility = direct ? VIS_DIRECT : pub ? VIS_PUBLIC : VIS_FOLLOWERS,
	                      .text = text ? text : "",
	                      .created_at = time_now()};
	pn.root_id = pp ? pp->root_id : pn.id;
	pn.search_text = core_search_words(a, pn.text);
	fed_note_in_tags(c, a, o, &pn);
	/* A direct message is for the accounts it is addressed to here, and
	 * nobody else it happens to mention. */
	if (direct) {
		pn.recipients = rcpt;
		pn.nrecipients = nrcpt;
	}
	if ((rc = store_post_insert(c->store, &pn)) || (rc = fed_note_in_extras(c, a, o, pn.id)))
		return rc;
	if (direct) {
		dm->post = pn.id;
		dm->from = from->account_id;
		memcpy(dm->to, rcpt, nrcpt * sizeof *rcpt);
		dm->n = nrcpt;
	}
	return store_fed_note_put(c->store, id, from->id, pn.text, published ? published : "", time_now(), pn.id);
}

static int on_create(struct core *c, struct arena *a, const struct fed_actor *from, json_t *act, const char **why,
                     struct dm_in *dm)
{
	return note_take(c, a, from, json_object_get(act, "object"), false, why, dm);
}

/* A Note someone followed here announces, not known yet: fetched from its
 * origin (never taken from the Announce: another server's copy may be
 * tampered with), with its author; NULL when it cannot be had. */
static json_t *announced(struct core *c, struct arena *a, const struct fed_actor *from, json_t *act,
                         struct fed_actor **by)
{
	const char *itype = NULL, *obj = fed_group_inner(act, &itype);
	bool followed = false;
	char ebuf[256];
	if (!obj || itype || known_post(c, a, obj) || store_fed_followed(c->store, from->id, &followed) || !followed ||
	    fed_host_blocked(c, a, obj))
		return NULL;
	json_t *j = fed_fetch(a, obj, ebuf, sizeof ebuf);
	const char *au = j ? fed_jref(j, "attributedTo") : NULL;
	if (!au || !fed_jstr(j, "id") || strcmp(fed_jstr(j, "id"), obj) || !fed_same_host(a, obj, au) || fed_host_blocked(c, a, au) ||
	    (store_fed_actor_by_uri(c->store, a, au, by) && actor_by_uri(c, a, arena_strdup(a, au), by, ebuf, sizeof ebuf))) {
		json_decref(j);
		return NULL;
	}
	return j;
}

/* ---- likes, boosts and updates, incoming ---- */

/* Like / Announce (or their Undo) of a post here by from. */
static int on_react(struct core *c, struct arena *a, const struct fed_actor *from, const char *type, const char *obj,
                    bool on)
{
	uint64_t pid = known_post(c, a, obj);
	if (!pid || !from->account_id)
		return 0;
	int rc = type[0] == 'L' ? core_fav(c, from->account_id, pid, on) : core_boost(c, from->account_id, pid, on);
	return rc == ERR_NOTFOUND || rc == ERR_FORBIDDEN || rc == ERR_INVAL ? 0 : rc;
}

/* Update of a Note of from's, or of from itself (*refetch: fetch its
 * document again, after the transaction: its key may be new). */
static int on_update(struct core *c, struct arena *a, const struct fed_actor *from, json_t *act, bool *refetch)
{
	json_t *o = json_object_get(act, "object");
	const char *oid = fed_jref(act, "object"), *type = json_is_object(o) ? fed_jstr(o, "type") : NULL;
	if (oid && !strcmp(oid, from->uri)) {
		*refetch = true;
		return 0;
	}
	uint64_t pid, by;
	bool note = type && (!strcmp(type, "Note") || !strcmp(type, "Question"));
	const char *content = note ? json_string_value(json_object_get(o, "content")) : NULL;
	if (!content || strlen(content) > FED_NOTE_MAX || !utf8_valid(content, strlen(content)) ||
	    store_fed_note_post(c->store, oid, &pid, &by) || by != from->id || !pid)
		return 0;
	/* Its content warning, attachments and a Question's counts come
	 * along.  A Question's Update mostly brings new counts (Mastodon sends
	 * one after votes): the post is "edited" only when its text or its
	 * warning changed. */
	bool cw_changed;
	int rc = fed_note_in_update(c, a, o, pid, &cw_changed);
	const char *text = feed_html_text(a, content, strlen(content), FED_TEXT_MAX);
	if (!text)
		text = "";
	struct post *p;
	if (rc || (!cw_changed && !store_post_get(c->store, a, 0, pid, &p) && p->text && !strcmp(p->text, text)))
		return rc;
	rc = store_post_update(c->store, pid, text, core_search_words(a, text), NULL, 0, NULL, 0, time_now());
	return rc ? rc : store_fed_note_text(c->store, oid, text);
}

/* from deleted itself at its origin: its account is suspended here and its
 * follows either way are forgotten. */
static int on_actor_gone(struct core *c, const struct fed_actor *from)
{
	int rc = store_fed_actor_forget(c->store, from->id);
	if (!rc && from->account_id)
		rc = store_account_set_suspended(c->store, from->account_id, true);
	return rc;
}

/* from blocks (on) the local account to, or takes it back: follows end both
 * ways (here and as remote follows), and to no longer sees from's posts
 * (a block of to by from's account here). */
static int on_block(struct core *c, struct arena *a, const struct fed_actor *from, const struct account *to, bool on)
{
	if (!from->account_id)
		return 0;
	if (!on)
		return store_block_set(c->store, from->account_id, to->id, false);
	const char *fid = NULL;
	int rc = store_fed_follower_delete(c->store, to->id, from->id);
	if (!rc)
		rc = store_fed_following_drop(c->store, a, to->id, from->id, &fid);
	return rc ? rc : store_block_set(c->store, from->account_id, to->id, true);
}

/* A report from another server (Flag) about accounts or posts of ours: a
 * report for the moderators here, by the sender's account, about each post
 * of ours it names (or the account, when it names no post); the rest of
 * what it names is not ours to judge. */
static int on_flag(struct core *c, struct arena *a, const struct fed_actor *from, json_t *act)
{
	if (!from->account_id)
		return 0;
	const char *content = json_string_value(json_object_get(act, "content"));
	const char *text = content && strlen(content) <= FED_NOTE_MAX && utf8_valid(content, strlen(content))
	                           ? feed_html_text(a, content, strlen(content), 900)
	                           : NULL;
	const char *reason = text && *text ? text : arena_printf(a, "Melding van %s", from->host);
	json_t *v = json_object_get(act, "object");
	struct account *who = NULL;
	uint64_t id;
	int rc = 0, made = 0;
	for (size_t i = 0; i < 20 && !rc; i++) {
		json_t *e = json_is_array(v) ? json_array_get(v, i) : i ? NULL : v;
		if (!e)
			break;
		const char *uri = json_is_object(e) ? fed_jstr(e, "id") : json_string_value(e);
		struct account *acc = uri ? local_of(c, a, uri) : NULL;
		uint64_t pid = uri && !acc ? known_post(c, a, uri) : 0, actor;
		if (acc)
			who = acc;
		else if (pid && store_fed_note_post(c->store, uri, &id, &actor)) { /* ours, not a received Note */
			rc = core_report(c, a, from->account_id, 0, pid, reason, true, &id);
			made++;
		}
	}
	if (!rc && !made && who)
		rc = core_report(c, a, from->account_id, who->id, 0, reason, true, &id);
	/* A refused report (too many, about itself) is not the sender's error to retry. */
	return rc == ERR_INVAL || rc == ERR_RATE || rc == ERR_NOTFOUND || rc == ERR_FORBIDDEN ? 0 : rc;
}

/* An incoming request's signature, of either kind. */
struct in_sig {
	bool rfc9421;
	struct fed_sig c;
	struct fed_sig9421 n;
};

static int sig_check(struct arena *a, const struct in_sig *s, const struct fed_request *r, const char *pem,
                     const char **why)
{
	struct fed_sig_req sr = {r->method, r->target, r->header, r->ctx};
	if (!s->rfc9421) {
		int rc = fed_sig_verify(a, &s->c, &sr, r->body, r->bodylen, pem, time_now(), why);
		/* Mastodon signs a GET's (request-target) with its query, Fedify
		 * (1.x) without: a collection's page is read either way. */
		if (rc == ERR_AUTH && !strcmp(r->method, "GET") && strchr(r->target, '?')) {
			sr.target = arena_strndup(a, r->target, strcspn(r->target, "?"));
			rc = fed_sig_verify(a, &s->c, &sr, r->body, r->bodylen, pem, time_now(), why);
		}
		return rc;
	}
	/* @target-uri: our own scheme (base_url), the Host the request was sent to, its target. */
	const char *host = r->header(r->ctx, "host");
	const char *uri = arena_printf(a, "%.*s://%s%s", (int)strcspn(fed_base, ":"), fed_base, host ? host : fed_host,
	                               r->target);
	return fed_sig9421_verify(a, &s->n, &sr, uri, r->body, r->bodylen, pem, time_now(), why);
}

/* The actor whose signature r carries (see fed_int.h). */
int fed_signer(struct core *c, struct arena *a, const struct fed_request *r, struct fed_actor **out, const char **why)
{
	/* RFC 9421 when Signature-Input is there, else draft-cavage. */
	struct in_sig s = {.rfc9421 = r->header(r->ctx, "signature-input") != NULL};
	if (s.rfc9421 ? fed_sig9421_parse(a, r->header(r->ctx, "signature-input"), r->header(r->ctx, "signature"), &s.n)
	              : fed_sig_parse(a, r->header(r->ctx, "signature"), &s.c)) {
		*why = "a valid Signature (or Signature-Input) header is required";
		return ERR_AUTH;
	}
	const char *key_id = s.rfc9421 ? s.n.key_id : s.c.key_id;
	if (fed_host_blocked(c, a, key_id)) {
		*why = "this server is blocked here";
		return ERR_FORBIDDEN;
	}
	/* The key we know, or (unknown, or it fails: rotated) the key fetched anew. */
	struct fed_actor *from = NULL;
	int rc = ERR_AUTH;
	char fwhy[256] = "";
	if (!store_fed_actor_by_key(c->store, a, key_id, &from)) {
		rc = sig_check(a, &s, r, from->public_pem, why);
		if (rc == ERR_AUTH && from->fetched_at > time_now() - FED_KEY_REFETCH_S)
			return rc;
	}
	if (rc == ERR_AUTH) {
		int64_t nf = 0;
		const char *rk = arena_printf(a, "fedkey:%s", core_addr_bucket(a, r->remote));
		if (store_rate_hit(c->store, rk, time_now(), time_now() - FED_KEY_FETCH_WINDOW, &nf) ||
		    nf > FED_KEY_FETCH_MAX) {
			*why = "too many unknown keys from this address";
			return ERR_RATE;
		}
		if (actor_fetch(c, a, key_id, &from, fwhy, sizeof fwhy)) {
			*why = arena_printf(a, "the signer's key cannot be had: %s", fwhy);
			return ERR_AUTH;
		}
		rc = sig_check(a, &s, r, from->public_pem, why);
	}
	if (!rc)
		*out = from;
	return rc;
}

int core_fed_inbox(struct core *c, struct arena *a, const char *name, const struct fed_request *r, const char **why)
{
	*why = "";
	if (!fed_on)
		return ERR_NOTFOUND;
	if (r->bodylen > FED_BODY_MAX) {
		*why = "the activity is larger than 1 MB";
		return ERR_TOOBIG;
	}
	struct account *owner = NULL;
	if (name && (core_account_by_name(c, a, name, &owner) || owner->suspended))
		return ERR_NOTFOUND;
	struct fed_actor *from = NULL;
	int rc = fed_signer(c, a, r, &from, why);
	if (rc)
		return rc;
	/* What one server may send: so many activities a minute (counted once
	 * its signature holds, so nobody spends another server's share). */
	int64_t nh = 0;
	if (store_rate_hit(c->store, arena_printf(a, "fedhost:%s", from->host), time_now(), time_now() - 60, &nh) ||
	    nh > fed_host_rate) {
		*why = arena_printf(a, "too many activities from %s: at most %d a minute", from->host, fed_host_rate);
		return ERR_RATE;
	}
	/* The JSON, its limits and the fields every activity needs: the pure
	 * part, fuzzed (fed_read.c). */
	json_t *act;
	struct fed_head head;
	if ((rc = fed_read_activity(r->body, r->bodylen, &act, &head, why)))
		return rc;
	const char *type = head.type, *id = head.id, *actor = head.actor;
	if (strcmp(actor, from->uri) || !fed_same_host(a, id, from->uri)) {
		json_decref(act);
		*why = "the activity is not the signer's own";
		return ERR_AUTH;
	}
	struct fed_actor *pre_by = NULL;
	json_t *pre = !strcmp(type, "Announce") ? announced(c, a, from, act, &pre_by) : NULL;
	/* A group's Announce of an Update or Delete: the Note is fetched from
	 * its origin, never taken from the Announce (fed_group.c). */
	const char *itype = NULL, *inner = fed_group_inner(act, &itype);
	if (!strcmp(type, "Announce") && itype && (rc = fed_group_change_in(c, a, from, itype, inner, why))) {
		json_decref(act);
		return rc;
	}
	struct group *fg = NULL, *gto = NULL;
	uint64_t relay = 0; /* a remote member's group post it changed: Announced on (fed_group.c) */
	uint64_t rby = 0;
	struct dm_in dm = {0};
	bool refetch = false;
	if ((rc = store_begin(c->store))) {
		json_decref(act);
		json_decref(pre);
		return rc;
	}
	rc = store_fed_seen(c->store, id, time_now());
	if (rc == ERR_EXISTS) {
		rc = 0; /* taken in before: once is enough */
		goto done;
	}
	if (rc)
		goto done;
	if (!strcmp(type, "Follow") && (fg = fed_group_of(c, a, fed_jref(act, "object")))) {
		rc = fed_group_follow(c, a, from, id, fg, true); /* an open group: a remote member */
	} else if (!strcmp(type, "Follow")) {
		struct account *to = local_of(c, a, fed_jref(act, "object"));
		if (!to || (owner && owner->id != to->id)) {
			*why = "the Follow names no account of this inbox";
			rc = ERR_NOTFOUND;
		} else {
			bool asked = false;
			rc = on_follow(c, a, from, act, id, to, &asked);
			if (asked && from->account_id) {
				dm.kind = NOTIF_FOLLOW_REQUEST;
				dm.from = from->account_id;
				dm.to[0] = to->id;
				dm.n = 1;
			}
		}
	} else if (!strcmp(type, "Undo")) {
		json_t *obj = json_object_get(act, "object");
		const char *otype = json_is_object(obj) ? fed_jstr(obj, "type") : NULL;
		const char *oid = fed_jref(act, "object");
		if (otype && (!strcmp(otype, "Like") || !strcmp(otype, "Announce"))) {
			if (!fed_jref(obj, "actor") || !strcmp(fed_jref(obj, "actor"), from->uri))
				rc = on_react(c, a, from, otype, fed_jref(obj, "object"), false);
		} else if (otype && !strcmp(otype, "Follow") && (fg = fed_group_of(c, a, fed_jref(obj, "object")))) {
			if (!fed_jref(obj, "actor") || !strcmp(fed_jref(obj, "actor"), from->uri))
				rc = fed_group_follow(c, a, from, NULL, fg, false);
		} else if (otype && !strcmp(otype, "Block")) {
			struct account *to = local_of(c, a, fed_jref(obj, "object"));
			if (to && (!fed_jref(obj, "actor") || !strcmp(fed_jref(obj, "actor"), from->uri)))
				rc = on_block(c, a, from, to, false);
		} else if (otype && !strcmp(otype, "Follow")) {
			struct account *to = local_of(c, a, fed_jref(obj, "object"));
			if (to && (!fed_jref(obj, "actor") || !strcmp(fed_jref(obj, "actor"), from->uri)))
				rc = store_fed_follower_delete(c->store, to->id, from->id);
			if (!rc && to && from->account_id) /* a request taken back */
				rc = store_follow_request_set(c->store, from->account_id, to->id, false, NULL);
		} else if (oid && owner) {
			int st;
			const char *fu;
			if (!store_fed_follower_get(c->store, a, owner->id, from->id, &st, &fu) && !strcmp(fu, oid))
				rc = store_fed_follower_delete(c->store, owner->id, from->id);
		}
	} else if (!strcmp(type, "Accept") || !strcmp(type, "Reject")) {
		/* An answer to a Follow of ours: only from the one it was sent to. */
		const char *fid = fed_jref(act, "object");
		uint64_t who = 0;
		if (fid && store_fed_following_answer(c->store, from->id, fid, type[0] == 'A' ? FED_FOLLOW_ACCEPTED : -1,
		                                      &who))
			*why = "no such Follow of ours to that actor";
		else if (fid && from->account_id) {
			/* The follow counts here as any other: the home timeline, relationships. */
			rc = store_follow_request_set(c->store, who, from->account_id, false, NULL);
			if (!rc && type[0] == 'A')
				rc = store_follow_set(c->store, who, from->account_id, true, NULL);
		}
	} else if (!strcmp(type, "Flag")) {
		rc = on_flag(c, a, from, act);
	} else if (!strcmp(type, "Block")) {
		struct account *to = local_of(c, a, fed_jref(act, "object"));
		if (to)
			rc = on_block(c, a, from, to, true);
	} else if (!strcmp(type, "Create")) {
		/* A Note to an open group here: a post in it, after this transaction. */
		if (!(gto = fed_group_addressed(c, a, json_object_get(act, "object"))))
			rc = on_create(c, a, from, act, why, &dm);
	} else if (!strcmp(type, "Like") || !strcmp(type, "Announce")) {
		if (pre)
			rc = note_take(c, a, pre_by, pre, true, why, NULL);
		if (!rc && !itype)
			rc = on_react(c, a, from, type, inner, true);
	} else if (!strcmp(type, "Update")) {
		rc = on_update(c, a, from, act, &refetch);
		if (!rc && fed_jref(act, "object") && !store_fed_note_post(c->store, fed_jref(act, "object"), &relay, &rby) &&
		    rby != from->id)
			relay = 0;
	} else if (!strcmp(type, "Delete") && fed_jref(act, "object") && !strcmp(fed_jref(act, "object"), from->uri)) {
		rc = on_actor_gone(c, from);
	} else if (!strcmp(type, "Delete")) {
		/* Only the sender's own note goes. */
		const char *oid = fed_jref(act, "object");
		uint64_t pid = 0, by = 0;
		struct post *p;
		if (oid && !store_fed_note_post(c->store, oid, &pid, &by) && by == from->id) {
			relay = pid;
			rc = store_fed_note_delete(c->store, oid, from->id);
			if (!rc && pid && !store_post_get(c->store, a, 0, pid, &p))
				rc = store_post_delete(c->store, pid);
		}
	}
	/* Everything else is not taken in yet (docs/federation.md). */
done:
	rc = store_finish(c->store, rc);
	if (!rc && gto)
		rc = fed_group_take(c, a, from, json_object_get(act, "object"), gto, why);
	if (!rc && relay && fed_group_relay(c, a, type, relay, fed_jref(act, "object")))
		log_warn("cannot queue the %s of group post %llu", type, (unsigned long long)relay);
	json_decref(act);
	json_decref(pre);
	if (!rc)
		job_kick();
	for (size_t i = 0; !rc && i < dm.n; i++)
		core_notify(c, dm.to[i], dm.kind ? dm.kind : NOTIF_MENTION, dm.from, dm.post); /* a DM or a follow request came in */
	/* A vote from elsewhere changed a poll's counts: open streams hear it
	 * as they hear a vote from here (core_poll_vote). */
	if (!rc && dm.voted && c->on_post)
		c->on_post(c, dm.voted, true);
	/* An actor's Update: its document (and key) fetched again from its origin. */
	char ebuf[256];
	struct fed_actor *fresh;
	if (!rc && refetch && actor_by_uri(c, a, from->uri, &fresh, ebuf, sizeof ebuf))
		log_warn("cannot fetch the updated actor %s: %s", from->uri, ebuf);
	return rc;
}

/* ---- following someone elsewhere ---- */

/* The actor user@host names (WebFinger), fetched and kept. */
static int webfinger_actor(struct core *c, struct arena *a, const char *handle, struct fed_actor **out,
                           const char **why)
{
	if (handle[0] == '@')
		handle++;
	const char *at = strchr(handle, '@');
	size_t hl = strlen(handle);
	if (!at || at == handle || hl > 256 || strchr(at + 1, '@') || strpbrk(handle, "/?#\\ ") || !at[1]) {
		*why = "give the account as user@host";
		return ERR_INVAL;
	}
	char ebuf[256] = "";
	const char *wf = arena_printf(a, "https://%s/.well-known/webfinger?resource=acct:%s", at + 1, handle);
	if (fed_host_blocked(c, a, wf)) {
		*why = "that server is blocked here";
		return ERR_FORBIDDEN;
	}
	json_t *j = fed_fetch(a, wf, ebuf, sizeof ebuf);
	if (!j && fed_loopback) /* tests: instances on plain http too (docs/federation.md) */
		j = fed_fetch(a, arena_printf(a, "http://%s", wf + 8), ebuf, sizeof ebuf);
	const char *href = NULL;
	json_t *links = j ? json_object_get(j, "links") : NULL;
	for (size_t i = 0; json_is_array(links) && i < json_array_size(links) && i < 32; i++) {
		json_t *l = json_array_get(links, i);
		const char *rel = json_is_object(l) ? fed_jstr(l, "rel") : NULL;
		const char *ty = json_is_object(l) ? fed_jstr(l, "type") : NULL;
		if (rel && ty && !strcmp(rel, "self") && (strstr(ty, "activity+json") || strstr(ty, "ld+json")) &&
		    fed_jstr(l, "href")) {
			href = arena_strdup(a, fed_jstr(l, "href"));
			break;
		}
	}
	json_decref(j);
	if (!href) {
		*why = arena_printf(a, "WebFinger found no actor: %s", ebuf);
		return ERR_NOTFOUND;
	}
	if (fed_host_blocked(c, a, href)) {
		*why = "that server is blocked here";
		return ERR_FORBIDDEN;
	}
	int rc = actor_by_uri(c, a, href, out, ebuf, sizeof ebuf);
	if (rc)
		*why = arena_printf(a, "the actor cannot be had: %s", ebuf);
	return rc;
}

/* Deliver acc's Follow of to (in the caller's transaction); the follow is a
 * request here until the other server accepts it. */
static int follow_actor(struct core *c, struct arena *a, const struct account *acc, const struct fed_actor *to)
{
	const char *me = actor_uri(a, acc->username);
	const char *fid = arena_printf(a, "%s#follows/%llu", me, (unsigned long long)id_new());
	json_t *o = json_object();
	json_object_set_new(o, "@context", json_string(AS_CONTEXT));
	json_object_set_new(o, "id", json_string(fid));
	json_object_set_new(o, "type", json_string("Follow"));
	json_object_set_new(o, "actor", json_string(me));
	json_object_set_new(o, "object", json_string(to->uri));
	const char *body = fed_dump(a, o);
	if (!body)
		return ERR_IO;
	int rc = store_fed_following_put(c->store, acc->id, to->id, FED_FOLLOW_REQUESTED, fid, time_now());
	if (!rc && to->account_id)
		rc = store_follow_request_set(c->store, acc->id, to->account_id, true, NULL);
	return rc ? rc : deliver_to(c, a, acc->id, body, &to->inbox, 1);
}

int core_fed_follow(struct core *c, struct arena *a, const char *name, const char *handle, const char **why)
{
	*why = "";
	if (!fed_on)
		return ERR_BUSY;
	struct account *acc;
	if (core_account_by_name(c, a, name, &acc) || acc->suspended || core_fed_is_remote(acc)) {
		*why = "no such account here";
		return ERR_NOTFOUND;
	}
	struct fed_actor *to;
	int rc = webfinger_actor(c, a, handle, &to, why);
	if (rc || (rc = store_begin(c->store)))
		return rc;
	rc = store_finish(c->store, follow_actor(c, a, acc, to));
	if (!rc)
		job_kick();
	return rc;
}

int core_fed_follow_account(struct core *c, struct arena *a, uint64_t viewer, const struct account *target, bool on)
{
	struct fed_actor *to;
	struct account *me;
	if (!fed_on || store_fed_actor_by_account(c->store, a, target->id, &to) || fed_host_blocked(c, a, to->uri))
		return ERR_NOTFOUND;
	if (store_account_get(c->store, a, viewer, &me) || core_fed_is_remote(me))
		return ERR_AUTH;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	if (on)
		rc = follow_actor(c, a, me, to);
	else {
		/* Undo the Follow we sent, and the follow here. */
		const char *fid = NULL;
		rc = store_fed_following_drop(c->store, a, viewer, to->id, &fid);
		if (!rc)
			rc = store_follow_set(c->store, viewer, target->id, false, NULL);
		if (!rc)
			rc = store_follow_request_set(c->store, viewer, target->id, false, NULL);
		if (!rc && fid) {
			const char *actor = actor_uri(a, me->username);
			json_t *o = json_object();
			json_object_set_new(o, "@context", json_string(AS_CONTEXT));
			json_object_set_new(o, "id", json_string(arena_printf(a, "%s#undo", fid)));
			json_object_set_new(o, "type", json_string("Undo"));
			json_object_set_new(o, "actor", json_string(actor));
			json_object_set_new(o, "object", json_pack("{s:s,s:s,s:s,s:s}", "id", fid, "type", "Follow", "actor",
			                                           actor, "object", to->uri));
			const char *body = fed_dump(a, o);
			rc = body ? deliver_to(c, a, viewer, body, &to->inbox, 1) : ERR_IO;
		}
	}
	rc = store_finish(c->store, rc);
	if (!rc)
		job_kick();
	return rc;
}

int core_fed_resolve(struct core *c, struct arena *a, uint64_t viewer, const char *q, struct account **acc,
                     struct post **post)
{
	*acc = NULL;
	*post = NULL;
	if (!fed_on || !viewer || !q)
		return ERR_NOTFOUND;
	while (*q == ' ')
		q++;
	bool url = !strncmp(q, "https://", 8) || !strncmp(q, "http://", 7);
	uint64_t pid, actor;
	if (url && !store_fed_note_post(c->store, q, &pid, &actor))
		return core_post_get(c, a, viewer, pid, post);
	struct fed_actor *f;
	const char *why;
	if (url && !store_fed_actor_by_uri(c->store, a, q, &f))
		goto found;
	if (!url && !strchr(q + (q[0] == '@'), '@'))
		return ERR_NOTFOUND;
	/* Each unknown name or address costs a fetch elsewhere: a limit per person. */
	int64_t n = 0;
	if (store_rate_hit(c->store, arena_printf(a, "fedresolve:%llu", (unsigned long long)viewer), time_now(),
	                   time_now() - FED_KEY_FETCH_WINDOW, &n) || n > FED_KEY_FETCH_MAX)
		return ERR_RATE;
	char ebuf[256];
	int rc = url ? (fed_host_blocked(c, a, q) ? ERR_FORBIDDEN : actor_by_uri(c, a, q, &f, ebuf, sizeof ebuf))
	             : webfinger_actor(c, a, q, &f, &why);
	if (rc)
		return ERR_NOTFOUND;
found:
	return f->account_id ? store_account_get(c->store, a, f->account_id, acc) : ERR_NOTFOUND;
}

int core_fed_lookup(struct core *c, struct arena *a, const char *acct, struct account **out)
{
	if (!acct || strlen(acct) > 300 || !strchr(acct, '@'))
		return ERR_NOTFOUND;
	char *n = arena_strdup(a, acct[0] == '@' ? acct + 1 : acct);
	str_lower(n);
	return store_account_by_name(c->store, a, n, out);
}

int core_fed_notes(struct core *c, struct arena *a, size_t max, struct fed_note **out, size_t *n)
{
	return store_fed_notes(c->store, a, max, out, n);
}

/* ---- likes, boosts, edits, profiles, keys and accounts, outgoing ---- */

int core_fed_actor_doc(struct core *c, struct arena *a, const char *name, json_t **out)
{
	struct fed_local l;
	if (core_fed_local(c, a, name, &l))
		return ERR_NOTFOUND;
	const char *actor = actor_uri(a, l.acc->username);
	json_t *o = json_object();
	json_object_set_new(o, "@context", fed_actor_context());
	json_object_set_new(o, "id", json_string(actor));
	json_object_set_new(o, "type", json_string(l.acc->kind == ACCOUNT_ORG ? "Organization" : "Person"));
	json_object_set_new(o, "preferredUsername", json_string(l.acc->username));
	json_object_set_new(o, "name", json_string(core_shown_name(l.acc)));
	if (l.acc->bio && l.acc->bio[0])
		json_object_set_new(o, "summary", json_string(core_render_text(c, a, l.acc->bio)));
	json_object_set_new(o, "url", json_string(arena_printf(a, "%s/@%s", fed_base, l.acc->username)));
	const char *sub[] = {"inbox", "outbox", "followers", "following", "featured"};
	for (size_t i = 0; i < 5; i++)
		json_object_set_new(o, sub[i], json_string(arena_printf(a, "%s/%s", actor, sub[i])));
	json_object_set_new(o, "manuallyApprovesFollowers", json_boolean(l.acc->locked));
	json_object_set_new(o, "endpoints", json_pack("{s:s}", "sharedInbox", arena_printf(a, "%s/inbox", fed_base)));
	json_object_set_new(o, "publicKey", json_pack("{s:s,s:s,s:s}", "id", arena_printf(a, "%s#main-key", actor),
	                                              "owner", actor, "publicKeyPem", l.public_pem));
	*out = o;
	return 0;
}

/* An activity of the local account acc: id under its actor, to everyone. */
static json_t *activity(struct arena *a, const struct account *acc, const char *type, const char *id, json_t *object)
{
	const char *me = actor_uri(a, acc->username);
	json_t *o = json_object();
	json_object_set_new(o, "@context", fed_note_context());
	json_object_set_new(o, "id", json_string(arena_printf(a, "%s#%s", me, id)));
	json_object_set_new(o, "type", json_string(type));
	json_object_set_new(o, "actor", json_string(me));
	json_object_set_new(o, "to", json_pack("[s]", FED_PUBLIC));
	json_object_set_new(o, "cc", json_pack("[s]", arena_printf(a, "%s/followers", me)));
	json_object_set_new(o, "object", object);
	return o;
}

static json_t *undo(struct arena *a, const struct account *acc, json_t *act)
{
	return activity(a, acc, "Undo", arena_printf(a, "undo/%llu", (unsigned long long)id_new()), act);
}

/* A post as other servers know it: a received Note's id at its origin, or
 * our own Note's when it may leave; NULL otherwise.  *inbox: the remote
 * author's inbox (NULL for ours). */
static const char *post_ref(struct core *c, struct arena *a, uint64_t id, const char **inbox)
{
	const char *uri;
	struct post *p;
	struct account *author;
	struct fed_actor *f;
	*inbox = NULL;
	if (!store_post_get(c->store, a, 0, id, &p) && !store_fed_note_uri(c->store, a, id, &uri) &&
	    !store_fed_actor_by_account(c->store, a, p->author_id, &f) && !fed_host_blocked(c, a, f->uri)) {
		*inbox = f->inbox;
		return uri;
	}
	if (post_out(c, a, id, &p, &author))
		return NULL;
	return arena_printf(a, "%s/statuses/%llu", actor_uri(a, author->username), (unsigned long long)id);
}

/* The local account id, when it may act out there. */
static struct account *local_acc(struct core *c, struct arena *a, uint64_t id)
{
	struct account *acc;
	return fed_on && !store_account_get(c->store, a, id, &acc) && !acc->suspended && !core_fed_is_remote(acc) ? acc
	                                                                                                         : NULL;
}

void core_fed_post_faved(struct core *c, uint64_t viewer, uint64_t post, bool on)
{
	struct arena a;
	arena_init(&a);
	const char *inbox, *ref;
	struct account *me = local_acc(c, &a, viewer);
	/* A Like goes to the remote author only (Mastodon does the same). */
	if (me && (ref = post_ref(c, &a, post, &inbox)) && inbox) {
		json_t *like = activity(&a, me, "Like", arena_printf(&a, "likes/%llu", (unsigned long long)post),
		                        json_string(ref));
		const char *body = fed_dump(&a, on ? like : undo(&a, me, like));
		int rc = body ? store_begin(c->store) : ERR_IO;
		if (!rc && !(rc = store_finish(c->store, deliver_to(c, &a, me->id, body, &inbox, 1))))
			job_kick();
	}
	arena_release(&a);
}

void core_fed_poll_voted(struct core *c, uint64_t viewer, uint64_t post, const struct poll *poll, const int *choices,
                         size_t n)
{
	struct arena a;
	arena_init(&a);
	const char *inbox, *ref;
	struct account *me = local_acc(c, &a, viewer), *owner;
	struct post *p;
	struct fed_actor *author;
	if (!me || store_post_get(c->store, &a, 0, post, &p) || store_account_get(c->store, &a, p->author_id, &owner))
		goto out;
	int rc;
	if (!core_fed_is_remote(owner)) {
		/* A vote on a poll of ours: its new counts go out in a while. */
		fed_poll_changed(c, p);
	} else if ((ref = post_ref(c, &a, post, &inbox)) && inbox &&
	           !store_fed_actor_by_account(c->store, &a, owner->id, &author) && !(rc = store_begin(c->store))) {
		/* A vote on a poll from elsewhere goes to its author alone, a
		 * Note per choice with the option's title as name (as Mastodon
		 * votes); the origin counts it and sends the poll's new counts to
		 * its followers. */
		const char *uri = actor_uri(&a, me->username);
		for (size_t i = 0; i < n && !rc; i++) {
			const char *vid = arena_printf(&a, "votes/%llu-%d", (unsigned long long)post, choices[i]);
			json_t *note = json_pack("{s:s, s:s, s:s, s:s, s:s, s:[s]}", "id", arena_printf(&a, "%s#%s", uri, vid),
			                         "type", "Note", "name", poll->titles[choices[i]], "inReplyTo", ref,
			                         "attributedTo", uri, "to", author->uri);
			json_t *act = activity(&a, me, "Create", arena_printf(&a, "%s/activity", vid), note);
			json_object_set_new(act, "to", json_pack("[s]", author->uri));
			json_object_del(act, "cc");
			const char *body = fed_dump(&a, act);
			rc = body ? deliver_to(c, &a, me->id, body, &inbox, 1) : ERR_IO;
		}
		if ((rc = store_finish(c->store, rc)))
			log_warn("cannot queue the vote on post %llu", (unsigned long long)post);
		else
			job_kick();
	}
out:
	arena_release(&a);
}

void core_fed_post_boosted(struct core *c, uint64_t viewer, uint64_t post, bool on)
{
	struct arena a;
	arena_init(&a);
	const char *inbox, *ref;
	struct account *me = local_acc(c, &a, viewer);
	/* To the booster's followers, and to the author when remote. */
	if (me && (ref = post_ref(c, &a, post, &inbox))) {
		json_t *ann = activity(&a, me, "Announce", arena_printf(&a, "announces/%llu", (unsigned long long)post),
		                       json_string(ref));
		const char *body = fed_dump(&a, on ? ann : undo(&a, me, ann));
		if (!body || deliver_all(c, &a, me->id, body, NULL, inbox))
			log_warn("cannot queue the Announce of post %llu", (unsigned long long)post);
	}
	arena_release(&a);
}

void core_fed_account_blocked(struct core *c, uint64_t viewer, uint64_t target, bool on)
{
	struct arena a;
	arena_init(&a);
	struct fed_actor *to;
	struct account *me = local_acc(c, &a, viewer);
	/* Block (or its Undo) to the blocked account's own inbox, addressed to
	 * it alone; a block also ends the remote follows either way. */
	if (me && !store_fed_actor_by_account(c->store, &a, target, &to) && !fed_host_blocked(c, &a, to->uri)) {
		json_t *blk = activity(&a, me, "Block", arena_printf(&a, "blocks/%llu", (unsigned long long)id_new()),
		                       json_string(to->uri));
		json_object_set_new(blk, "to", json_pack("[s]", to->uri));
		json_object_set_new(blk, "cc", json_array());
		json_t *o = blk;
		if (!on) {
			o = undo(&a, me, blk);
			json_object_set_new(o, "to", json_pack("[s]", to->uri));
			json_object_set_new(o, "cc", json_array());
		}
		const char *body = fed_dump(&a, o), *fid = NULL;
		int rc = body ? store_begin(c->store) : ERR_IO;
		if (!rc) {
			if (on)
				rc = store_fed_follower_delete(c->store, me->id, to->id);
			if (!rc && on)
				rc = store_fed_following_drop(c->store, &a, me->id, to->id, &fid);
			if (!rc)
				rc = deliver_to(c, &a, me->id, body, &to->inbox, 1);
			rc = store_finish(c->store, rc);
		}
		if (rc)
			log_warn("cannot queue the Block of account %llu", (unsigned long long)target);
		else
			job_kick();
	}
	arena_release(&a);
}

/* The Update of post (edited: its text changed, else only its poll's
 * counts: no "updated", so no server shows an edit). */
static void post_update(struct core *c, uint64_t post, bool edited)
{
	struct arena a;
	arena_init(&a);
	struct post *p;
	struct account *author;
	enum fed_reach r;
	if (fed_on && !store_post_get(c->store, &a, 0, post, &p) && reach(c, p, time_now()) == FED_REACH_GROUP) {
		if (fed_group_announce(c, &a, p, "Update")) /* through its group */
			log_warn("cannot queue the Update of group post %llu", (unsigned long long)post);
	} else if (fed_on && !fed_post_to(c, &a, post, &p, &author, &r)) {
		json_t *note = fed_note_json(c, &a, p, author);
		if (edited || p->edited_at)
			json_object_set_new(note, "updated",
			                    json_string(iso_time(&a, p->edited_at ? p->edited_at : time_now())));
		json_t *up = activity(&a, author, "Update", arena_printf(&a, "updates/%llu", (unsigned long long)id_new()), note);
		dm_address(c, &a, p, up);
		const char *body = fed_dump(&a, up);
		if (!body || deliver_post(c, &a, p, author->id, body))
			log_warn("cannot queue the Update of post %llu", (unsigned long long)post);
	}
	arena_release(&a);
}

void core_fed_post_edited(struct core *c, uint64_t post)
{
	post_update(c, post, true);
}

/* Votes on a poll of ours (p): its counts go out once the votes settle,
 * a fed_poll_delay after the first (Mastodon waits too), as an Update of
 * the Question to the servers it went to: one queued job per poll
 * (store_job_ensure), in the caller's transaction when there is one. */
static int64_t fed_poll_delay = 60;

void fed_poll_changed(struct core *c, const struct post *p)
{
	int64_t now = time_now();
	char arg[24];
	snprintf(arg, sizeof arg, "%llu", (unsigned long long)p->id);
	if (fed_on && reach(c, p, now) != FED_REACH_NONE && store_job_ensure(c->store, JOB_POLL, arg, now + fed_poll_delay))
		log_warn("cannot queue the counts of poll %llu", (unsigned long long)p->id);
}

static int job_poll(void *ctx, const char *arg, char *why, size_t whylen)
{
	(void)why;
	(void)whylen;
	uint64_t id;
	if (!parse_u64(arg, &id))
		return ERR_INVAL;
	post_update(ctx, id, false);
	return 0;
}

/* Update of the actor document, signed with key (NULL: the current one). */
static int actor_update(struct core *c, struct arena *a, const struct account *acc, const char *key)
{
	json_t *doc;
	int rc = core_fed_actor_doc(c, a, acc->username, &doc);
	if (rc)
		return rc;
	json_object_del(doc, "@context");
	const char *body = fed_dump(a, activity(a, acc, "Update", arena_printf(a, "updates/%llu", (unsigned long long)id_new()), doc));
	return body ? deliver_all(c, a, acc->id, body, key, NULL) : ERR_IO;
}

void core_fed_account_changed(struct core *c, uint64_t account)
{
	struct arena a;
	arena_init(&a);
	struct account *acc;
	if (fed_on && !store_account_get(c->store, &a, account, &acc) && !core_fed_is_remote(acc)) {
		if (!acc->suspended) {
			if (actor_update(c, &a, acc, NULL))
				log_warn("cannot queue the Update of account %llu", (unsigned long long)account);
		} else {
			/* Suspended: gone for other servers (Mastodon sends the same). */
			const char *me = actor_uri(&a, acc->username);
			json_t *o = activity(&a, acc, "Delete", "delete", json_string(me));
			const char *body = fed_dump(&a, o);
			if (!body || deliver_followers(c, &a, acc->id, body))
				log_warn("cannot queue the Delete of account %llu", (unsigned long long)account);
		}
	}
	arena_release(&a);
}

int core_fed_rotate_key(struct core *c, struct arena *a, const char *name)
{
	struct account *acc;
	const char *pub, *priv, *np, *ns;
	if (!fed_on)
		return ERR_BUSY;
	if (core_account_by_name(c, a, name, &acc) || acc->suspended || core_fed_is_remote(acc))
		return ERR_NOTFOUND;
	int rc = fed_key_pair(c, a, acc->id, &pub, &priv);
	if (!rc)
		rc = fed_key_new(a, &np, &ns);
	if (rc || (rc = store_begin(c->store)))
		return rc;
	if ((rc = store_finish(c->store, store_fed_key_replace(c->store, acc->id, np, ns))))
		return rc;
	/* The Update is signed with the old key, which the others still hold;
	 * they fetch the actor again and find the new one. */
	rc = actor_update(c, a, acc, priv);
	if (!rc)
		job_kick();
	return rc;
}

/* ---- pruning ---- */

/* Daily: the activity ids taken in and the activities queued, once old
 * enough (FED_SEEN_KEEP, FED_OUT_KEEP), are forgotten; then again a day on. */
static int job_prune(void *ctx, const char *arg, char *why, size_t whylen)
{
	struct core *c = ctx;
	int64_t ns = 0, no = 0, now = time_now();
	int rc = store_begin(c->store);
	if (!rc)
		rc = store_fed_prune(c->store, now - FED_SEEN_KEEP, now - FED_OUT_KEEP, &ns, &no);
	if (!rc)
		rc = store_job_ensure(c->store, JOB_PRUNE, "", now + FED_PRUNE_EVERY);
	if ((rc = store_finish(c->store, rc)))
		snprintf(why, whylen, "fed_prune: %s", err_str(rc));
	else if (ns || no)
		log_info("federation: forgot %lld activity ids and %lld sent activities", (long long)ns, (long long)no);
	return rc;
}

/* ---- start and stop ---- */

static struct job_handler fed_handlers[4];

int core_fed_open(struct core *c, const char *base_url, const struct job_handler **h, size_t *n)
{
	fed_handlers[0] = (struct job_handler){.kind = JOB_POST, .run = job_post, .ctx = c};
	fed_handlers[1] = (struct job_handler){.kind = JOB_DELIVER, .run = job_deliver, .ctx = c,
	                                       .max_attempts = FED_DELIVER_ATTEMPTS, .backoff_max = FED_BACKOFF_MAX};
	fed_handlers[2] = (struct job_handler){.kind = JOB_PRUNE, .run = job_prune, .ctx = c};
	fed_handlers[3] = (struct job_handler){.kind = JOB_POLL, .run = job_poll, .ctx = c};
	*h = fed_handlers;
	*n = 4;
	if (store_job_ensure(c->store, JOB_PRUNE, "", time_now() + FED_PRUNE_EVERY))
		log_warn("cannot queue the pruning of federation's tables");
	if (curl_global_init(CURL_GLOBAL_DEFAULT))
		return ERR_IO;
	const char *pd = getenv("KRING_FED_POLL_DELAY"); /* tests: seconds before a poll's counts go out */
	if (pd && atoi(pd) > 0)
		fed_poll_delay = atoi(pd);
	const char *hr = getenv("KRING_FED_HOST_RATE"); /* tests: a small limit */
	if (hr && atoi(hr) > 0)
		fed_host_rate = atoi(hr);
	const char *lb = getenv("KRING_FED_LOOPBACK");
	if (lb && !strcmp(lb, "1")) {
		fed_loopback = true;
		log_warn("KRING_FED_LOOPBACK=1: federation may reach http:// and loopback addresses (for tests only)");
	}
	size_t bl = strlen(base_url);
	while (bl && base_url[bl - 1] == '/')
		bl--;
	if (bl >= sizeof fed_base) {
		curl_global_cleanup();
		return ERR_INVAL;
	}
	memcpy(fed_base, base_url, bl);
	fed_base[bl] = '\0';
	struct arena a;
	arena_init(&a);
	bool save = fed_loopback;
	fed_loopback = true; /* our own address may be http://127.0.0.1: read it as it is */
	const char *host;
	bool ok = fed_url_ok(&a, fed_base, &host, NULL);
	fed_loopback = save;
	if (ok)
		snprintf(fed_host, sizeof fed_host, "%s", host);
	arena_release(&a);
	if (!ok) {
		curl_global_cleanup();
		return ERR_INVAL;
	}
	fed_on = true;
	if (fed_instance_open(c)) /* the instance actor's key, which signs our GETs */
		log_warn("federation: no instance key; fetches go out unsigned");
	return 0;
}

void core_fed_close(void)
{
	if (!fed_on)
		return;
	fed_on = false;
	curl_global_cleanup();
}

int core_fed_run_jobs(struct core *c)
{
	return job_run_due(c->store, fed_handlers, 3);
}

/* ---- lent to fed_group.c (fed_int.h) ---- */

int fed_deliver(struct core *c, struct arena *a, uint64_t signer, const char *body, const char *const *inboxes,
                size_t n)
{
	return deliver_key(c, a, signer, body, NULL, inboxes, n);
}

int fed_post_again(struct core *c, const char *arg, int64_t run_at)
{
	int rc = store_begin(c->store);
	return rc ? rc : store_finish(c->store, queue(c, JOB_POST, arg, run_at));
}

const char *fed_actor_uri(struct arena *a, const char *name)
{
	return actor_uri(a, name);
}

uint64_t fed_known_post(struct core *c, struct arena *a, const char *uri)
{
	return known_post(c, a, uri);
}

enum fed_reach fed_reach_of(struct core *c, const struct post *p, int64_t now)
{
	return reach(c, p, now);
}

struct account *fed_local_acc(struct core *c, struct arena *a, uint64_t id)
{
	return local_acc(c, a, id);
}
