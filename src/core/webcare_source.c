/*
 * Webcare's outside sources (webcare_source.h): who may add them, and the
 * job that polls them.  The reading of a feed is scan/feed.c; a hashtag
 * timeline is Mastodon's JSON, read here with jansson.
 *
 * One periodic job ("webcare-poll") polls the sources that are due, at most
 * CORE_WSRC_POLLS_PER_RUN per run, and queues itself again for the next
 * due time (at the latest a minute on): a restart loses nothing, since the
 * job and every source's next_at are rows.
 */
#include "core/webcare_source.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>
#include <jansson.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "core/core_int.h"
#include "core/push_int.h"
#include "core/webcare.h"
#include "job/job.h"
#include "scan/feed.h"
#include "store/store_media.h"
#include "store/store_webcare_src.h"

int64_t core_duration_parse(const char *s)
{
	if (!s || !isdigit((unsigned char)*s))
		return -1;
	char *end;
	long long v = strtoll(s, &end, 10);
	int64_t mul = 1;
	if (*end == 's')
		end++;
	else if (*end == 'm')
		mul = 60, end++;
	else if (*end == 'h')
		mul = 3600, end++;
	else if (*end == 'd')
		mul = 86400, end++;
	if (*end || v < 0 || v > 366LL * 86400)
		return -1;
	return v * mul;
}

/* Staff of org, an administrator, or the operator (viewer 0). */
static int may_manage(struct core *c, struct arena *a, uint64_t viewer, uint64_t org)
{
	if (!viewer)
		return 0;
	bool staff = false;
	int rc = store_staff_is(c->store, org, viewer, &staff);
	if (rc || staff)
		return rc;
	rc = core_need_role(c, a, viewer, ROLE_ADMIN);
	return rc == ERR_FORBIDDEN || rc == ERR_NOTFOUND ? ERR_FORBIDDEN : rc;
}

/* An http(s) URL with a host, at most FEED_MAX_URL bytes; for a hashtag
 * source only scheme://host[:port] is kept (base). */
static int check_url(struct arena *a, const char *url, bool base, const char **out)
{
	if (!url || !*url || strlen(url) > FEED_MAX_URL || text_has_controls(url, strlen(url)) || strchr(url, ' '))
		return ERR_INVAL;
	CURLU *u = curl_url();
	if (!u)
		return ERR_NOMEM;
	int rc = ERR_INVAL;
	char *scheme = NULL, *host = NULL, *port = NULL;
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && *host &&
	    (!strcmp(scheme, "http") || !strcmp(scheme, "https"))) {
		rc = 0;
		if (base) {
			bool has_port = curl_url_get(u, CURLUPART_PORT, &port, 0) == CURLUE_OK;
			*out = has_port ? arena_printf(a, "%s://%s:%s", scheme, host, port)
			                : arena_printf(a, "%s://%s", scheme, host);
		} else {
			*out = arena_strdup(a, url);
		}
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return rc;
}

static bool tag_ok(const char *t)
{
	size_t n = strlen(t);
	if (!n || n > 100)
		return false;
	for (const unsigned char *p = (const unsigned char *)t; *p; p++)
		if (!(isalnum(*p) || *p == '_' || *p >= 0x80))
			return false;
	return utf8_valid(t, n);
}

int core_wsrc_add(struct core *c, uint64_t viewer, uint64_t org, const char *url, const char *tag, int64_t every,
                  uint64_t *id)
{
	struct arena a;
	arena_init(&a);
	struct account *o;
	int rc = core_account_get(c, &a, org, &o);
	if (!rc && o->kind != ACCOUNT_ORG)
		rc = ERR_NOTFOUND;
	if (!rc)
		rc = may_manage(c, &a, viewer, org);
	bool is_tag = tag && *tag;
	if (is_tag && *tag == '#')
		tag++;
	const char *clean = NULL;
	if (!rc && (check_url(&a, url, is_tag, &clean) || (is_tag && !tag_ok(tag)) ||
	            (every && (every < CORE_WSRC_MIN_EVERY || every > CORE_WSRC_MAX_EVERY))))
		rc = ERR_INVAL;
	int64_t have = 0;
	if (!rc)
		rc = store_wsrc_count(c->store, org, &have);
	if (!rc && have >= CORE_WSRC_PER_ORG)
		rc = ERR_TOOBIG;
	if (!rc) {
		int64_t now = time_now();
		struct wsrc w = {
			.id = id_new(), .org_id = org, .created_by = viewer, .kind = is_tag ? WSRC_TAG : WSRC_FEED,
			.url = clean, .tag = is_tag ? tag : "", .every = every,
			.interval = every ? every : CORE_WSRC_FIRST_EVERY, .next_at = now, .created_at = now,
		};
		if (!(rc = store_begin(c->store))) {
			rc = store_wsrc_insert(c->store, &w);
			if (!rc)
				rc = store_job_ensure(c->store, CORE_WSRC_JOB, "", now);
			rc = store_finish(c->store, rc);
		}
		if (!rc) {
			*id = w.id;
			job_kick();
		}
	}
	arena_release(&a);
	return rc;
}

int core_wsrc_remove(struct core *c, uint64_t viewer, uint64_t id)
{
	struct arena a;
	arena_init(&a);
	struct wsrc w;
	int rc = store_wsrc_get(c->store, &a, id, &w);
	if (!rc && (rc = may_manage(c, &a, viewer, w.org_id)) == ERR_FORBIDDEN)
		rc = ERR_NOTFOUND; /* another organisation's source is not there for you */
	if (!rc && !(rc = store_begin(c->store)))
		rc = store_finish(c->store, store_wsrc_delete(c->store, id));
	arena_release(&a);
	return rc;
}

int core_wsrc_list(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct wsrc **out, size_t *n)
{
	int rc = org || !viewer ? may_manage(c, a, viewer, org) : core_need_role(c, a, viewer, ROLE_ADMIN);
	return rc ? rc : store_wsrc_list(c->store, a, org, out, n);
}

int core_wsrc_items(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t source, size_t limit,
                    struct wsrc_item **out, size_t *n)
{
	int rc = may_manage(c, a, viewer, org);
	if (!rc && source) {
		struct wsrc w;
		rc = store_wsrc_get(c->store, a, source, &w);
		if (!rc && w.org_id != org)
			rc = ERR_NOTFOUND;
	}
	return rc ? rc : store_wsrc_items(c->store, a, org, source, limit > 200 ? 200 : limit, out, n);
}

/* ---- fetching ---- */

struct fetch {
	struct buf body;
	char etag[256], last_modified[128];
	int64_t retry_after;     /* seconds; 0 if none */
	bool too_big;
};

static size_t on_body(char *p, size_t size, size_t nmemb, void *ud)
{
	struct fetch *f = ud;
	if (buf_add(&f->body, p, size * nmemb)) {
		f->too_big = true;
		return 0; /* stops the transfer: no more than the limit is ever read */
	}
	return size * nmemb;
}

/* Copy a header's value (trimmed) into out if the line is that header. */
static bool header_value(const char *line, size_t n, const char *name, char *out, size_t cap)
{
	size_t k = strlen(name);
	if (n <= k + 1 || strncasecmp(line, name, k) || line[k] != ':')
		return false;
	const char *v = line + k + 1;
	size_t len = n - k - 1;
	while (len && (*v == ' ' || *v == '\t'))
		v++, len--;
	while (len && (v[len - 1] == '\r' || v[len - 1] == '\n' || v[len - 1] == ' '))
		len--;
	if (len >= cap)
		return true; /* too long to send back: left out */
	memcpy(out, v, len);
	out[len] = 0;
	return true;
}

static size_t on_header(char *p, size_t size, size_t nmemb, void *ud)
{
	struct fetch *f = ud;
	size_t n = size * nmemb;
	char ra[64] = "";
	if (n >= 5 && !strncmp(p, "HTTP/", 5)) { /* a new response (after a redirect): forget the last */
		f->etag[0] = f->last_modified[0] = 0;
		f->retry_after = 0;
	}
	header_value(p, n, "ETag", f->etag, sizeof f->etag);
	header_value(p, n, "Last-Modified", f->last_modified, sizeof f->last_modified);
	if (header_value(p, n, "Retry-After", ra, sizeof ra) && ra[0]) {
		if (isdigit((unsigned char)ra[0])) {
			f->retry_after = strtoll(ra, NULL, 10);
		} else {
			int64_t t = feed_date(ra);
			f->retry_after = t ? t - time_now() : 0;
		}
		if (f->retry_after < 0)
			f->retry_after = 0;
		if (f->retry_after > CORE_WSRC_MAX_EVERY)
			f->retry_after = CORE_WSRC_MAX_EVERY;
	}
	return n;
}

static curl_socket_t open_sock(void *ud, curlsocktype purpose, struct curl_sockaddr *addr)
{
	/* Never a private, link-local or loopback address (the test build
	 * allows 127.0.0.1 and ::1 for its own servers). */
	if (purpose != CURLSOCKTYPE_IPCXN || !push_addr_public(&addr->addr))
		return CURL_SOCKET_BAD;
	return socket(addr->family, addr->socktype, addr->protocol);
}

static int stop_cb(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	return job_stopping() ? 1 : 0;
}

/* GET url with the source's validators; the HTTP status, 0 when there was
 * no answer (why says what went wrong). */
static long fetch(const struct wsrc *w, const char *url, bool json, size_t limit, struct fetch *f, char *why,
                  size_t whylen)
{
	CURL *h = curl_easy_init();
	if (!h) {
		snprintf(why, whylen, "cannot start a download");
		return 0;
	}
	buf_init(&f->body, limit);
	struct curl_slist *hdrs = NULL;
	char line[512];
	hdrs = curl_slist_append(hdrs, json ? "Accept: application/json"
	                                    : "Accept: application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8");
	if (!json && w->etag[0] && snprintf(line, sizeof line, "If-None-Match: %s", w->etag) < (int)sizeof line)
		hdrs = curl_slist_append(hdrs, line);
	if (!json && w->last_modified[0] &&
	    snprintf(line, sizeof line, "If-Modified-Since: %s", w->last_modified) < (int)sizeof line)
		hdrs = curl_slist_append(hdrs, line);
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(h, CURLOPT_MAXREDIRS, 3L);
	curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, open_sock);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, f);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, f);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""); /* gzip: the limit counts decoded bytes */
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, stop_cb);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "kring webcare (feed reader)");
	CURLcode cc = curl_easy_perform(h);
	long status = 0;
	if (f->too_big)
		snprintf(why, whylen, "larger than %zu MB", limit >> 20);
	else if (cc != CURLE_OK)
		snprintf(why, whylen, "%s", curl_easy_strerror(cc));
	else
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(hdrs);
	curl_easy_cleanup(h);
	return f->too_big ? 0 : status;
}

/* ---- reading a hashtag timeline ---- */

/* Is status id a newer than b?  Mastodon's ids are digit strings, longer
 * ones newer; otherwise compared as text. */
static bool id_newer(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	return na != nb ? na > nb : strcmp(a, b) > 0;
}

static const char *jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s && utf8_valid(s, strlen(s)) ? s : "";
}

static int read_statuses(struct arena *a, const char *body, size_t len, struct feed_item **out, size_t *n,
                         const char **newest, const char **why)
{
	json_error_t e;
	json_t *v = json_loadb(body, len, JSON_REJECT_DUPLICATES, &e);
	*out = NULL;
	*n = 0;
	if (!v || !json_is_array(v)) {
		json_decref(v);
		*why = "not a list of statuses";
		return ERR_INVAL;
	}
	size_t cap = 0, i;
	json_t *st;
	json_array_foreach(v, i, st)
	{
		if (i >= CORE_WSRC_TAG_PAGE * 2)
			break;
		const char *id = jstr(st, "id"), *uri = jstr(st, "uri"), *vis = jstr(st, "visibility");
		if (!*id || strlen(id) > 64 || !*uri)
			continue;
		if (!*newest || id_newer(id, *newest))
			*newest = arena_strdup(a, id);
		/* Only what its server shows everyone (a tag timeline should hold nothing else). */
		if (*vis && strcmp(vis, "public") && strcmp(vis, "unlisted"))
			continue;
		*out = arena_grow(a, *out, &cap, *n, sizeof **out);
		struct feed_item *it = &(*out)[(*n)++];
		it->guid = arena_strndup(a, uri, strnlen(uri, 500));
		const char *url = jstr(st, "url");
		it->link = !strncmp(url, "https://", 8) || !strncmp(url, "http://", 7) ? arena_strndup(a, url, strnlen(url, FEED_MAX_URL)) : "";
		const char *cw = jstr(st, "spoiler_text");
		it->title = feed_html_text(a, cw, strlen(cw), FEED_MAX_TITLE);
		const char *content = jstr(st, "content");
		it->text = feed_html_text(a, content, strlen(content), FEED_MAX_TEXT);
		json_t *acc = json_object_get(st, "account");
		const char *name = jstr(acc, "display_name"), *acct = jstr(acc, "acct");
		it->author = *name ? arena_printf(a, "%.100s (@%.100s)", name, acct) : arena_printf(a, "@%.100s", acct);
		it->published = feed_date(jstr(st, "created_at"));
	}
	json_decref(v);
	return 0;
}

/* ---- one poll ---- */

/* s cut to at most max bytes on a character boundary. */
static const char *cut(struct arena *a, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return s;
	while (n > 0 && (n > max || ((unsigned char)s[n] & 0xC0) == 0x80))
		n--;
	return arena_strndup(a, s, n);
}

/* A new item into the organisation's webcare inbox, in the poll's
 * transaction: the inbox's limits are smaller than a feed's, so long keys
 * become a hash and long fields are cut.  An item the inbox cannot take
 * (nothing to read) is skipped, not an error of the poll. */
static int to_inbox(struct core *c, struct arena *a, const struct wsrc *w, const struct feed_item *it)
{
	const char *key = it->guid;
	if (strlen(key) > CORE_WC_FIELD_MAX)
		key = arena_printf(a, "hash:%016llx", (unsigned long long)feed_fnv(FEED_FNV_START, key));
	const char *text = *it->text ? it->text : it->title;
	struct wc_input in = {
		.origin = w->kind == WSRC_TAG ? "tag" : "rss",
		.origin_key = key,
		.author_name = cut(a, it->author, CORE_WC_FIELD_MAX),
		.url = strlen(it->link) <= CORE_WC_FIELD_MAX ? it->link : "",
		.title = cut(a, it->title, CORE_WC_FIELD_MAX),
		.text = cut(a, text, CORE_WC_TEXT_MAX),
		.created_at = it->published,
	};
	uint64_t id;
	bool inserted;
	int rc = core_webcare_ingest(c, w->org_id, &in, &id, &inserted);
	if (rc == ERR_INVAL) {
		log_info("webcare source %llu: item %s not taken into the inbox", (unsigned long long)w->id, key);
		rc = 0;
	}
	return rc;
}

static int64_t clamp_every(int64_t v)
{
	return v < CORE_WSRC_MIN_EVERY ? CORE_WSRC_MIN_EVERY : v > CORE_WSRC_MAX_EVERY ? CORE_WSRC_MAX_EVERY : v;
}

int core_wsrc_poll(struct core *c, uint64_t id, size_t *added)
{
	*added = 0;
	struct arena a;
	arena_init(&a);
	struct wsrc w;
	int rc = store_wsrc_get(c->store, &a, id, &w);
	if (rc) {
		arena_release(&a);
		return rc;
	}
	bool tag = w.kind == WSRC_TAG;
	const char *url = w.url;
	if (tag) {
		struct buf u = BUF_INIT(BUF_NOLIMIT);
		buf_nofail(buf_addf(&u, "%s/api/v1/timelines/tag/", w.url));
		buf_nofail(url_encode(&u, w.tag, strlen(w.tag)));
		buf_nofail(buf_addf(&u, "?limit=%d", CORE_WSRC_TAG_PAGE));
		if (w.min_id[0]) {
			buf_nofail(buf_adds(&u, "&min_id="));
			buf_nofail(url_encode(&u, w.min_id, strlen(w.min_id)));
		}
		url = arena_strdup(&a, u.ptr);
		buf_release(&u);
	}
	struct fetch f = {0};
	char why[200] = "";
	long status = fetch(&w, url, tag, tag ? CORE_WSRC_JSON_BYTES : CORE_WSRC_FEED_BYTES, &f, why, sizeof why);
	int64_t now = time_now();
	struct feed_item *items = NULL;
	size_t nitems = 0;
	bool ok = false, full = false;
	const char *newest = w.min_id;
	if (status == 304) {
		ok = true;
	} else if (status >= 200 && status < 300) {
		const char *reason = NULL;
		if (tag) {
			if (!read_statuses(&a, f.body.ptr, f.body.len, &items, &nitems, &newest, &reason))
				ok = true, full = nitems >= CORE_WSRC_TAG_PAGE;
		} else {
			struct feed fd;
			if (!feed_parse(&a, f.body.ptr, f.body.len, &fd, &reason))
				ok = true, items = fd.items, nitems = fd.nitems;
		}
		if (!ok)
			snprintf(why, sizeof why, "%s", reason ? reason : "unreadable");
	} else if (status) {
		snprintf(why, sizeof why, "HTTP %ld", status);
	}
	w.last_poll_at = now;
	w.last_status = (int)status;
	w.last_error = ok ? "" : arena_strdup(&a, why[0] ? why : "no answer");
	if (ok) {
		w.last_ok_at = now;
		if (status != 304 && !tag) { /* keep the validators of a full answer */
			w.etag = arena_strdup(&a, f.etag);
			w.last_modified = arena_strdup(&a, f.last_modified);
		}
		w.min_id = newest;
	}
	buf_release(&f.body);

	if (!(rc = store_begin(c->store))) {
		for (size_t i = 0; !rc && i < nitems; i++) {
			const struct feed_item *it = &items[i];
			struct wsrc_item wi = {
				.id = id_new(), .source_id = w.id, .org_id = w.org_id, .key = it->guid, .link = it->link,
				.title = it->title, .text = it->text, .author = it->author,
				.published = it->published, .seen_at = now,
			};
			bool fresh = false;
			rc = store_wsrc_item_add(c->store, &wi, &fresh);
			if (!rc && fresh)
				rc = to_inbox(c, &a, &w, it);
			*added += fresh;
		}
		/* Busy sources are polled more often, quiet ones less, failing
		 * ones back off; a fixed interval stays fixed, except to back off. */
		int64_t every = w.interval;
		if (!ok)
			every = clamp_every(every * 2);
		else if (w.every)
			every = w.every;
		else if (*added >= 5)
			every = clamp_every(every / 2);
		else if (*added == 0)
			every = clamp_every(every * 3 / 2);
		w.interval = every;
		w.next_at = now + (full ? CORE_WSRC_MIN_EVERY : every);
		if (f.retry_after && (status == 429 || status == 503 || status == 301 || ok))
			w.next_at = now + (f.retry_after > every ? f.retry_after : every);
		if (!rc)
			rc = store_wsrc_polled(c->store, &w);
		rc = store_finish(c->store, rc);
	}
	if (!rc && !ok)
		log_info("webcare source %llu (%s): %s", (unsigned long long)w.id, w.url, w.last_error);
	arena_release(&a);
	return rc;
}

/* ---- the job ---- */

static int poll_run(void *ctx, const char *arg, char *why, size_t whylen)
{
	struct core *c = ctx;
	struct arena a;
	arena_init(&a);
	struct wsrc *v;
	size_t n;
	int rc = store_wsrc_list(c->store, &a, 0, &v, &n);
	int64_t now = time_now(), next = now + 60;
	size_t polled = 0;
	for (size_t i = 0; !rc && i < n && !job_stopping(); i++) {
		if (v[i].next_at > now) {
			if (v[i].next_at < next)
				next = v[i].next_at;
			continue;
		}
		if (polled == CORE_WSRC_POLLS_PER_RUN) { /* more are due: the next run takes them */
			next = now;
			break;
		}
		size_t added;
		int prc = core_wsrc_poll(c, v[i].id, &added);
		if (prc && prc != ERR_NOTFOUND) /* removed meanwhile: fine */
			rc = prc;
		polled++;
	}
	/* Queued again while this run still holds its row: ensure sees none
	 * queued (this one is running) and adds the next. */
	if (n && !rc)
		rc = store_job_ensure(c->store, CORE_WSRC_JOB, "", next);
	if (rc)
		snprintf(why, whylen, "%s", err_str(rc));
	arena_release(&a);
	return rc;
}

static struct job_handler wsrc_handlers[1];

void core_wsrc_jobs(struct core *c, const struct job_handler **h, size_t *n)
{
	wsrc_handlers[0] = (struct job_handler){.kind = CORE_WSRC_JOB, .run = poll_run, .ctx = c};
	*h = wsrc_handlers;
	*n = 1;
	/* After a restart the job row is there already; for sources added by
	 * an older kring, make sure one is queued. */
	IGNORE_RESULT(store_job_ensure(c->store, CORE_WSRC_JOB, "", time_now())); /* retried at the next add */
}
