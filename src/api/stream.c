/*
 * Streaming: server-sent events at /api/v1/streaming/...  Each open stream
 * is a subscriber with a bounded queue; no thread is held per connection.
 * When the queue is empty the connection is suspended, and a publisher (the
 * handler that just committed a post) queues events and resumes it.  A
 * small thread queues a keep-alive comment every STREAM_KEEPALIVE seconds,
 * which is also how a vanished client is noticed.
 */
#include "api/api_int.h"
#include "api/ws.h"
#include "core/federation.h"

#include <stdio.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/text.h"

#define STREAM_KEEPALIVE 16
#define STREAM_POLL 2          /* seconds between looks for posts made elsewhere */
#define STREAM_SENT 64         /* posts sent as made, remembered per stream for the poll */
#define STREAM_MAX_QUEUE (1024 * 1024)
#define STREAM_MAX_SUBS 1000
/* Open streams one address may hold: without a token, and with one (a
 * household or an office shares an address).  Past them 429, so one address
 * cannot take every stream from everyone else. */
#define STREAM_MAX_PER_ADDR 16
#define STREAM_MAX_PER_ADDR_TOKEN 64

enum kind { K_USER, K_NOTIF, K_PUBLIC, K_TAG, K_LIST, K_DIRECT };

struct sub {
	struct sub *next;
	void *conn;
	enum kind kind;
	enum tl_origin origin;    /* K_PUBLIC, K_TAG: public:local, public:remote, hashtag:local */
	uint64_t viewer, list;
	char tag[72];
	char base[224];
	char scopes[OAUTH_MAX_SCOPES + 1];
	char addr[64];            /* the client's address, for STREAM_MAX_PER_ADDR */
	uint64_t last_notif;
	uint64_t last_post;       /* the poll's cursor: newest post it has looked at (or the start) */
	uint64_t sent[STREAM_SENT]; /* posts sent as they were made, so the poll does not send them again */
	unsigned nsent;
	struct buf q;
	bool suspended, closed;
	struct wsconn *ws;        /* a WebSocket subscription: events go there */
	char label[128];          /* its "stream" array: ["user"], ["hashtag","x"] */
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct sub *subs;
static int nsubs;
static pthread_once_t keepalive_once = PTHREAD_ONCE_INIT;
static bool stopping;

/* May one more stream start for s (not yet in the list)?  Lock held. */
static int sub_room(const struct sub *s, bool token)
{
	if (nsubs >= STREAM_MAX_SUBS || stopping)
		return ERR_BUSY;
	int same = 0;
	for (const struct sub *o = subs; o; o = o->next)
		same += !strcmp(o->addr, s->addr);
	return same >= (token ? STREAM_MAX_PER_ADDR_TOKEN : STREAM_MAX_PER_ADDR) ? ERR_RATE : 0;
}

/* Queue bytes for s and wake its connection; lock held. */
static void queue(struct sub *s, const char *data, size_t n)
{
	/* Raw server-sent-event text (comments, keep-alives) is not for
	 * WebSockets: they have their own pings. */
	if (s->closed || s->ws)
		return;
	if (buf_add(&s->q, data, n))
		s->closed = true; /* too slow a reader: end the stream */
	if (s->suspended) {
		s->suspended = false;
		http_stream_resume(s->conn);
	}
}

static void queue_event(struct sub *s, const char *event, const char *json)
{
	if (s->ws) {
		ws_send_event(s->ws, s->label, event, json);
		return;
	}
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_addf(&b, "event: %s\ndata: %s\n\n", event, json));
	queue(s, b.ptr, b.len);
	buf_release(&b);
}

static void poll_all(struct core *c, bool thump);

/*
 * Every STREAM_POLL seconds: posts and notifications that did not come
 * through an API handler (the web pages, the CLI, another process) are
 * found by asking the timeline for what is newer than the last one sent.
 * Every STREAM_KEEPALIVE seconds a comment keeps proxies from closing the
 * connection and shows a vanished client.
 */
static int poll_seconds = STREAM_POLL;

static void *keepalive(void *arg)
{
	(void)arg;
	int every = STREAM_KEEPALIVE / poll_seconds > 0 ? STREAM_KEEPALIVE / poll_seconds : 1;
	for (int tick = 1;; tick++) {
		sleep((unsigned)poll_seconds);
		bool thump = tick % every == 0;
		if (api_core)
			poll_all(api_core, thump);
	}
	return NULL;
}

static void keepalive_start(void)
{
#ifdef KRING_TEST_BUILD
	/* Tests that prove events arrive without the poll make it slow. */
	const char *e = getenv("KRING_TEST_STREAM_POLL");
	if (e && atoi(e) > 0)
		poll_seconds = atoi(e);
#endif
	pthread_t t;
	if (pthread_create(&t, NULL, keepalive, NULL) == 0)
		pthread_detach(t);
	else
		log_err("cannot start the streaming keep-alive thread");
}

static ssize_t reader(void *cls, uint64_t pos, char *out, size_t max)
{
	(void)pos;
	struct sub *s = cls;
	pthread_mutex_lock(&mu);
	ssize_t n;
	if (s->q.len) {
		size_t k = s->q.len < max ? s->q.len : max;
		memcpy(out, s->q.ptr, k);
		memmove(s->q.ptr, s->q.ptr + k, s->q.len - k);
		s->q.len -= k;
		s->q.ptr[s->q.len] = '\0';
		n = (ssize_t)k;
	} else if (s->closed) {
		n = HTTP_STREAM_END;
	} else {
		s->suspended = true;
		http_stream_suspend(s->conn);
		n = 0;
	}
	pthread_mutex_unlock(&mu);
	return n;
}

static void sub_free(void *cls)
{
	struct sub *s = cls;
	pthread_mutex_lock(&mu);
	for (struct sub **p = &subs; *p; p = &(*p)->next)
		if (*p == s) {
			*p = s->next;
			nsubs--;
			break;
		}
	pthread_mutex_unlock(&mu);
	buf_release(&s->q);
	free(s);
}

/* A throwaway context for rendering entities for one subscriber. */
static void sub_ctx(struct actx *x, struct core *c, struct arena *a, const struct sub *s)
{
	memset(x, 0, sizeof *x);
	x->c = c;
	x->a = a;
	x->base = s->base;
	x->viewer = s->viewer;
}

static uint64_t newest_notif(struct core *c, uint64_t viewer)
{
	uint64_t id;
	return core_notif_newest(c, viewer, &id) ? 0 : id;
}

/* Send s the notifications newer than it has seen; lock held. */
static void notify_sub(struct core *c, struct sub *s)
{
	if ((s->kind != K_USER && s->kind != K_NOTIF) || !core_scope_allows(s->scopes, "read:notifications"))
		return;
	struct arena a;
	arena_init(&a);
	struct page pg = {.min_id = s->last_notif ? s->last_notif : 1, .limit = 20};
	struct notification *v;
	size_t n = 0;
	if (!core_notifications(c, &a, s->viewer, &pg, &v, &n)) {
		struct actx x;
		sub_ctx(&x, c, &a, s);
		/* Oldest first, as they happened. */
		for (size_t i = n; i-- > 0;) {
			if (v[i].id <= s->last_notif)
				continue;
			struct buf b = BUF_INIT(BUF_NOLIMIT);
			struct jw j;
			jw_init(&j, &b);
			ent_notification(&x, &j, &v[i]);
			queue_event(s, "notification", b.ptr);
			buf_release(&b);
			s->last_notif = v[i].id;
		}
	}
	arena_release(&a);
}

static bool in_list(struct core *c, struct arena *a, uint64_t list, uint64_t author)
{
	uint64_t *ids;
	size_t n = 0;
	if (core_list_member_ids(c, a, list, &ids, &n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (ids[i] == author)
			return true;
	return false;
}

/*
 * Does post p (fetched for s's viewer, so visible to it) belong on s's
 * stream?  tagged: p has s's tag; listed: p's author is on s's list.  Group
 * posts stay in their group: never on the public or hashtag streams, as
 * they never reach the local timeline on the pages.
 */
static bool carries(const struct sub *s, const struct post *p, bool tagged, bool listed, bool remote)
{
	if (p->v_muted || !core_scope_allows(s->scopes, "read:statuses"))
		return false;
	bool origin = s->origin == TL_ANY || (s->origin == TL_ONLY_REMOTE) == remote;
	switch (s->kind) {
	case K_USER:
		return core_post_in_home(s->viewer, p);
	case K_PUBLIC:
		return p->visibility == VIS_PUBLIC && !p->reblog_of && !p->group_id && origin;
	case K_TAG:
		return p->visibility == VIS_PUBLIC && !p->reblog_of && !p->group_id && tagged && origin;
	case K_LIST:
		return listed;
	case K_DIRECT:
		return p->visibility == VIS_DIRECT;
	case K_NOTIF:
		break;
	}
	return false;
}

/*
 * A post sent the moment it was made must not move the poll's cursor: a
 * post made just before it elsewhere (a page, the federation inbox,
 * another process) has a smaller id and would never be polled.  The poll
 * skips what is remembered here instead.  Lock held.
 */
static void sent_add(struct sub *s, uint64_t id)
{
	s->sent[s->nsent++ % STREAM_SENT] = id;
}

static bool sent_has(const struct sub *s, uint64_t id)
{
	unsigned n = s->nsent < STREAM_SENT ? s->nsent : STREAM_SENT;
	for (unsigned i = 0; i < n; i++)
		if (s->sent[i] == id)
			return true;
	return false;
}

static void send_post(struct core *c, struct arena *a, struct sub *s, struct post *p, bool edited)
{
	struct actx x;
	sub_ctx(&x, c, a, s);
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	struct jw j;
	jw_init(&j, &b);
	if (s->kind == K_DIRECT) {
		struct conversation cv = {.root_id = p->root_id, .last_id = p->id, .unread = p->author_id != s->viewer};
		ent_conversation(&x, &j, &cv, p);
		queue_event(s, "conversation", b.ptr);
	} else {
		ent_status(&x, &j, p);
		queue_event(s, edited ? "status.update" : "update", b.ptr);
	}
	buf_release(&b);
	if (!edited)
		sent_add(s, p->id);
}

/*
 * The poll, every STREAM_POLL seconds: streams that ask the same question
 * (the same timeline, viewer, site address and tag; the same viewer's
 * notifications) share one query, made without the lock from the oldest
 * point any of them has seen, and rendered once; each stream then takes
 * what is newer than what it was sent.  900 anonymous public streams cost
 * one query, and the lock is held only to queue.
 */
struct poll_q {
	enum kind kind;            /* K_USER, K_PUBLIC, K_TAG; K_NOTIF: notifications */
	enum tl_origin origin;
	uint64_t viewer;
	char base[224];
	char tag[72];
	uint64_t since;            /* the oldest last_post (last_notif) of its streams */
	struct post **v;
	struct notification *nv;
	size_t n;
	const char **json;
};

static struct poll_q *poll_find(struct poll_q *v, size_t n, enum kind k, const struct sub *s)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == k && v[i].viewer == s->viewer && !strcmp(v[i].base, s->base) &&
		    (k != K_TAG || !strcmp(v[i].tag, s->tag)) && (k == K_NOTIF || v[i].origin == s->origin))
			return &v[i];
	return NULL;
}

static void poll_add(struct poll_q *v, size_t *n, size_t cap, enum kind k, const struct sub *s, uint64_t since)
{
	struct poll_q *q = poll_find(v, *n, k, s);
	if (!q) {
		if (*n == cap)
			return;
		q = &v[(*n)++];
		memset(q, 0, sizeof *q);
		q->kind = k;
		q->origin = k == K_NOTIF ? TL_ANY : s->origin;
		q->viewer = s->viewer;
		memcpy(q->base, s->base, sizeof q->base);
		memcpy(q->tag, s->tag, sizeof q->tag);
		q->since = since;
	} else if (since < q->since) {
		q->since = since;
	}
}

static void poll_run(struct core *c, struct arena *a, struct poll_q *q)
{
	struct sub s = {.viewer = q->viewer};
	memcpy(s.base, q->base, sizeof s.base);
	struct actx x;
	sub_ctx(&x, c, a, &s);
	if (q->kind == K_NOTIF) {
		struct page pg = {.min_id = q->since, .limit = 20};
		if (core_notifications(c, a, q->viewer, &pg, &q->nv, &q->n))
			q->n = 0;
	} else {
		struct tl_query tq = {.page = {.min_id = q->since, .limit = 20}};
		tq.kind = q->kind == K_USER ? TL_HOME : q->kind == K_PUBLIC ? TL_LOCAL : TL_TAG;
		tq.filter.origin = q->origin;
		if (q->kind == K_TAG)
			tq.tag = q->tag;
		uint64_t older, newer;
		if (core_timeline(c, a, q->viewer, &tq, &q->v, &q->n, &older, &newer))
			q->n = 0;
	}
	q->json = arena_alloc(a, (q->n + 1) * sizeof *q->json);
	for (size_t i = 0; i < q->n; i++) {
		struct buf b = BUF_INIT(BUF_NOLIMIT);
		struct jw j;
		jw_init(&j, &b);
		if (q->kind == K_NOTIF)
			ent_notification(&x, &j, &q->nv[i]);
		else
			ent_status(&x, &j, q->v[i]);
		q->json[i] = arena_strdup(a, b.ptr);
		buf_release(&b);
	}
}

static void poll_all(struct core *c, bool thump)
{
	struct arena a;
	arena_init(&a);
	pthread_mutex_lock(&mu);
	size_t cap = 2 * (size_t)nsubs + 1, n = 0;
	struct poll_q *v = arena_alloc(&a, cap * sizeof *v);
	for (struct sub *s = subs; s && !stopping; s = s->next) {
		if ((s->kind == K_USER || s->kind == K_NOTIF) && s->viewer &&
		    core_scope_allows(s->scopes, "read:notifications"))
			poll_add(v, &n, cap, K_NOTIF, s, s->last_notif ? s->last_notif : 1);
		/* Lists and direct are sent as they are made through the API. */
		if ((s->kind == K_USER || s->kind == K_PUBLIC || s->kind == K_TAG) && s->last_post &&
		    core_scope_allows(s->scopes, "read:statuses"))
			poll_add(v, &n, cap, s->kind, s, s->last_post);
	}
	pthread_mutex_unlock(&mu);
	for (size_t i = 0; i < n; i++)
		poll_run(c, &a, &v[i]);
	pthread_mutex_lock(&mu);
	for (struct sub *s = subs; s; s = s->next) {
		struct poll_q *q = (s->kind == K_USER || s->kind == K_NOTIF) ? poll_find(v, n, K_NOTIF, s) : NULL;
		/* Oldest first, as they happened; each stream from where it is. */
		for (size_t i = q ? q->n : 0; i-- > 0;)
			if (q->nv[i].id > s->last_notif && core_scope_allows(s->scopes, "read:notifications")) {
				queue_event(s, "notification", q->json[i]);
				s->last_notif = q->nv[i].id;
			}
		q = s->kind != K_NOTIF ? poll_find(v, n, s->kind, s) : NULL;
		for (size_t i = q ? q->n : 0; i-- > 0;)
			/* The query asked for the tag and the origin already. */
			if (s->last_post && q->v[i]->id > s->last_post && !sent_has(s, q->v[i]->id) &&
			    carries(s, q->v[i], true, false, s->origin == TL_ONLY_REMOTE))
				queue_event(s, "update", q->json[i]);
		/* Newest first: what the poll looked at, sent now or before. */
		if (q && q->n && s->last_post && q->v[0]->id > s->last_post)
			s->last_post = q->v[0]->id;
		if (thump)
			queue(s, ":thump\n", 7);
	}
	pthread_mutex_unlock(&mu);
	arena_release(&a);
}

/*
 * Several processes on one PostgreSQL database: what one process streams it
 * also publishes (store_publish: NOTIFY), and every process hands what the
 * others published to its own subscribers (stream_event, from the LISTEN
 * thread).  An event is "INSTANCE KIND ID": p(ost), e(dited), d(eleted),
 * n(otification for an account).  Polling (STREAM_POLL) still finds what no
 * handler streamed: posts from the web pages, the CLI, or while the
 * database was away.
 */
static uint64_t instance;

static void publish(struct core *c, char kind, uint64_t id)
{
	if (!c || !instance)
		return;
	char ev[64];
	snprintf(ev, sizeof ev, "%llu %c %llu", (unsigned long long)instance, kind, (unsigned long long)id);
	if (core_publish(c, ev))
		log_warn("cannot tell the other processes' streams: %s", ev);
}

static void local_post(struct core *c, uint64_t id, bool edited);
static void local_delete(uint64_t id);
static void local_notify(struct core *c, uint64_t account);

static void stream_event(const char *ev, void *ctx)
{
	(void)ctx;
	unsigned long long from, id;
	char kind;
	if (!api_core || stopping || sscanf(ev, "%llu %c %llu", &from, &kind, &id) != 3 || from == instance)
		return;
	switch (kind) {
	case 'p':
	case 'e': local_post(api_core, id, kind == 'e'); break;
	case 'd': local_delete(id); break;
	case 'n': local_notify(api_core, id); break;
	}
}

void stream_start(struct core *c)
{
	instance = id_new();
	if (core_subscribe(c, stream_event, NULL))
		log_warn("cannot listen for other processes' events: streams find them by polling");
}

void stream_post(struct core *c, uint64_t id, bool edited)
{
	local_post(c, id, edited);
	publish(c, edited ? 'e' : 'p', id);
}

void stream_delete(uint64_t id)
{
	local_delete(id);
	publish(api_core, 'd', id);
}

void stream_notify(struct core *c, uint64_t account)
{
	local_notify(c, account);
	publish(c, 'n', account);
}

/*
 * Fan-out of one post or delete.  The subscribers' distinct viewers (with
 * their site address, for the links) are taken under the lock; the post is
 * fetched, judged and rendered once for each of them without it; the events
 * are queued under the lock again.  A thousand anonymous streams cost one
 * look-up, not a thousand, and no stream waits on the lock for the database.
 */
struct fan_view {
	uint64_t viewer;
	char base[224];
	struct post *p;       /* as the viewer sees it; NULL: not visible */
	const char *json;     /* the status (or for direct: the conversation) */
	bool seen;            /* for a delete: could the viewer ever see it */
};

struct fan {
	struct fan_view *v;
	size_t nv;
	uint64_t *lists;      /* the list streams' lists ... */
	bool *listed;         /* ... and whether the post's author is on each */
	size_t nl;
	bool tags;            /* some stream wants the post's tags */
};

static struct fan_view *fan_find(struct fan *f, uint64_t viewer, const char *base)
{
	for (size_t i = 0; i < f->nv; i++)
		if (f->v[i].viewer == viewer && !strcmp(f->v[i].base, base))
			return &f->v[i];
	return NULL;
}

/* The distinct viewers of the streams that carry posts; lock held. */
static void fan_collect(struct fan *f, struct arena *a)
{
	size_t cap = (size_t)nsubs + 1;
	memset(f, 0, sizeof *f);
	f->v = arena_alloc(a, cap * sizeof *f->v);
	f->lists = arena_alloc(a, cap * sizeof *f->lists);
	f->listed = arena_alloc(a, cap * sizeof *f->listed);
	for (struct sub *s = subs; s; s = s->next) {
		if (s->kind == K_NOTIF || s->closed)
			continue;
		if (!fan_find(f, s->viewer, s->base) && f->nv < cap) {
			struct fan_view *v = &f->v[f->nv++];
			memset(v, 0, sizeof *v);
			v->viewer = s->viewer;
			memcpy(v->base, s->base, sizeof v->base);
		}
		if (s->kind == K_TAG)
			f->tags = true;
		if (s->kind == K_LIST && f->nl < cap) {
			bool dup = false;
			for (size_t i = 0; i < f->nl && !dup; i++)
				dup = f->lists[i] == s->list;
			if (!dup)
				f->lists[f->nl++] = s->list;
		}
	}
}

static bool fan_listed(const struct fan *f, uint64_t list)
{
	for (size_t i = 0; i < f->nl; i++)
		if (f->lists[i] == list)
			return f->listed[i];
	return false;
}

static bool in_ids(const uint64_t *ids, size_t n, uint64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

static void local_post(struct core *c, uint64_t id, bool edited)
{
	struct arena a;
	arena_init(&a);
	struct fan f;
	pthread_mutex_lock(&mu);
	fan_collect(&f, &a);
	pthread_mutex_unlock(&mu);
	/* Once per viewer, without the lock. */
	uint64_t author = 0;
	for (size_t i = 0; i < f.nv; i++) {
		struct fan_view *v = &f.v[i];
		if (core_post_get(c, &a, v->viewer, id, &v->p)) {
			v->p = NULL;
			continue;
		}
		author = v->p->author_id;
		struct sub s = {.viewer = v->viewer};
		memcpy(s.base, v->base, sizeof s.base);
		struct actx x;
		sub_ctx(&x, c, &a, &s);
		struct buf b = BUF_INIT(BUF_NOLIMIT);
		struct jw j;
		jw_init(&j, &b);
		ent_status(&x, &j, v->p);
		v->json = arena_strdup(&a, b.ptr);
		buf_release(&b);
	}
	/* Another server's post (public:remote), once for all streams. */
	struct account *au = NULL;
	bool remote = author && !core_account_get(c, &a, author, &au) && core_fed_is_remote(au);
	const char **tags = NULL;
	size_t ntags = 0;
	if (author && f.tags && core_post_tags(c, &a, id, &tags, &ntags))
		ntags = 0;
	for (size_t i = 0; i < f.nl; i++)
		f.listed[i] = author && in_list(c, &a, f.lists[i], author);
	/* Who this post may have notified: its recipients and the author replied to. */
	uint64_t *told = NULL;
	size_t ntold = 0;
	if (author && core_post_recipients(c, &a, id, &told, &ntold))
		ntold = 0;
	uint64_t replied = 0;
	for (size_t i = 0; i < f.nv && !replied; i++)
		if (f.v[i].p)
			replied = (uint64_t)f.v[i].p->reply_author;
	pthread_mutex_lock(&mu);
	for (struct sub *s = subs; s; s = s->next) {
		struct fan_view *v = s->kind == K_NOTIF ? NULL : fan_find(&f, s->viewer, s->base);
		if (v && v->p) {
			bool tagged = false;
			for (size_t i = 0; i < ntags && s->kind == K_TAG && !tagged; i++)
				tagged = !strcmp(tags[i], s->tag);
			if (carries(s, v->p, tagged, s->kind == K_LIST && fan_listed(&f, s->list), remote)) {
				if (s->kind == K_DIRECT)
					send_post(c, &a, s, v->p, edited); /* the conversation is the viewer's */
				else
					queue_event(s, edited ? "status.update" : "update", v->json);
				if (!edited)
					sent_add(s, v->p->id);
			}
		}
		/* Mentions and replies made notifications (the poll finds the rest). */
		if (s->viewer && (s->viewer == replied || in_ids(told, ntold, s->viewer)))
			notify_sub(c, s);
	}
	pthread_mutex_unlock(&mu);
	arena_release(&a);
}

/* A delete goes only to those who could see the post: its id tells when
 * it was written, and that it existed. */
static void local_delete(uint64_t id)
{
	struct core *c = api_core;
	if (!c)
		return;
	char data[32];
	snprintf(data, sizeof data, "%llu", (unsigned long long)id);
	struct arena a;
	arena_init(&a);
	struct fan f;
	pthread_mutex_lock(&mu);
	fan_collect(&f, &a);
	pthread_mutex_unlock(&mu);
	for (size_t i = 0; i < f.nv; i++) {
		bool known = false;
		for (size_t k = 0; k < i && !known; k++)
			if (f.v[k].viewer == f.v[i].viewer) {
				f.v[i].seen = f.v[k].seen;
				known = true;
			}
		if (!known)
			f.v[i].seen = core_post_seen_by(c, f.v[i].viewer, id);
	}
	pthread_mutex_lock(&mu);
	for (struct sub *s = subs; s; s = s->next) {
		struct fan_view *v = s->kind == K_NOTIF ? NULL : fan_find(&f, s->viewer, s->base);
		if (v && v->seen)
			queue_event(s, "delete", data);
	}
	pthread_mutex_unlock(&mu);
	arena_release(&a);
}

static void local_notify(struct core *c, uint64_t account)
{
	pthread_mutex_lock(&mu);
	for (struct sub *s = subs; s; s = s->next)
		if (s->viewer == account)
			notify_sub(c, s);
	pthread_mutex_unlock(&mu);
}

void api_stop(void)
{
	ws_stop();
	/* libmicrohttpd refuses to stop with suspended connections: end every
	 * stream and wake it so its reader reports the end. */
	pthread_mutex_lock(&mu);
	stopping = true;
	for (struct sub *s = subs; s; s = s->next) {
		s->closed = true;
		if (s->suspended) {
			s->suspended = false;
			http_stream_resume(s->conn);
		}
	}
	pthread_mutex_unlock(&mu);
	/* Give the workers a moment to finish the streams they just woke. */
	for (int i = 0; i < 50; i++) {
		pthread_mutex_lock(&mu);
		int n = nsubs;
		pthread_mutex_unlock(&mu);
		if (!n)
			break;
		usleep(20 * 1000);
	}
}

int a_stream_health(struct http_req *r)
{
	r->content_type = "text/plain; charset=utf-8";
	buf_nofail(buf_adds(&r->out, "OK"));
	return 0;
}

static int stream_kind(const char *name, enum kind *k, bool *needs_user, enum tl_origin *origin)
{
	static const struct {
		const char *name;
		enum kind kind;
		bool user;
		enum tl_origin origin;
	} names[] = {
		{"user", K_USER, true, TL_ANY},
		{"user:notification", K_NOTIF, true, TL_ANY},
		{"public", K_PUBLIC, false, TL_ANY},
		{"public:local", K_PUBLIC, false, TL_ONLY_LOCAL},
		{"public:remote", K_PUBLIC, false, TL_ONLY_REMOTE},
		{"hashtag", K_TAG, false, TL_ANY},
		{"hashtag:local", K_TAG, false, TL_ONLY_LOCAL},
		{"list", K_LIST, true, TL_ANY},
		{"direct", K_DIRECT, true, TL_ANY},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(name, names[i].name)) {
			*k = names[i].kind;
			*needs_user = names[i].user;
			*origin = names[i].origin;
			return 0;
		}
	return ERR_NOTFOUND;
}

/*
 * Which stream a caller may open, one rule for server-sent events and
 * WebSockets: the user's own streams need a user; the notification stream
 * read:notifications, every stream of posts read:statuses (as Mastodon);
 * scopes NULL (no token): the public streams, as anyone sees them.
 * Notifications on the user stream also need read:notifications
 * (notify_sub), each event being checked again against the scopes.
 */
static int stream_allowed(enum kind k, bool needs_user, uint64_t viewer, const char *scopes)
{
	if (needs_user && !viewer)
		return ERR_AUTH;
	if (!scopes)
		return 0;
	return core_scope_allows(scopes, k == K_NOTIF ? "read:notifications" : "read:statuses") ? 0 : ERR_FORBIDDEN;
}

/* ---- WebSocket subscriptions (ws.c holds the sockets) ---- */

static bool same_sub(const struct sub *s, enum kind k, enum tl_origin origin, const char *tag, uint64_t list)
{
	return s->kind == k && s->origin == origin && (k != K_TAG || !strcmp(s->tag, tag ? tag : "")) &&
	       (k != K_LIST || s->list == list);
}

int stream_ws_subscribe(struct wsconn *w, uint64_t viewer, const char *scopes, const char *base, const char *addr,
                        const char *name, const char *tag, uint64_t list)
{
	enum kind kind;
	bool needs_user;
	enum tl_origin origin;
	if (stream_kind(name, &kind, &needs_user, &origin) || !api_core)
		return ERR_NOTFOUND;
	int rc = stream_allowed(kind, needs_user, viewer, scopes);
	if (rc)
		return rc;
	struct sub *s = xcalloc(1, sizeof *s);
	s->kind = kind;
	s->origin = origin;
	s->viewer = viewer;
	s->ws = w;
	snprintf(s->base, sizeof s->base, "%s", base);
	snprintf(s->scopes, sizeof s->scopes, "%s", scopes ? scopes : "read");
	if (kind == K_TAG) {
		if (!tag || !*tag || strlen(tag) >= sizeof s->tag || !utf8_valid(tag, strlen(tag))) {
			free(s);
			return ERR_INVAL;
		}
		snprintf(s->tag, sizeof s->tag, "%s", *tag == '#' ? tag + 1 : tag);
		str_lower(s->tag);
	}
	if (kind == K_LIST) {
		struct arena a;
		arena_init(&a);
		struct ulist *l;
		rc = list ? core_list_get(api_core, &a, viewer, list, &l) : ERR_NOTFOUND;
		arena_release(&a);
		if (rc) {
			free(s);
			return ERR_NOTFOUND;
		}
		s->list = list;
	}
	/* The label clients match events on: the stream and its parameter. */
	struct buf b = BUF_INIT(sizeof s->label - 1);
	buf_nofail(buf_addf(&b, "[\"%s\"", name));
	if (kind == K_TAG) {
		/* a tag too long for the label is cut short: it only names the stream to the client */
		IGNORE_RESULT(buf_adds(&b, ",\""));
		json_escape(&b, s->tag, strlen(s->tag));
		IGNORE_RESULT(buf_adds(&b, "\""));
	} else if (kind == K_LIST) {
		buf_nofail(buf_addf(&b, ",\"%llu\"", (unsigned long long)list));
	}
	IGNORE_RESULT(buf_adds(&b, "]"));
	snprintf(s->label, sizeof s->label, "%s", b.ptr);
	buf_release(&b);
	if (viewer)
		s->last_notif = newest_notif(api_core, viewer);
	s->last_post = id_new();
	buf_init(&s->q, 1);
	snprintf(s->addr, sizeof s->addr, "%s", addr ? addr : "-");
	pthread_mutex_lock(&mu);
	if ((rc = sub_room(s, scopes != NULL))) {
		pthread_mutex_unlock(&mu);
		free(s);
		return rc;
	}
	s->next = subs;
	subs = s;
	nsubs++;
	pthread_mutex_unlock(&mu);
	/* Posts made elsewhere (the web pages) reach streams by polling. */
	pthread_once(&keepalive_once, keepalive_start);
	return 0;
}

static void ws_remove(struct wsconn *w, bool all, enum kind k, enum tl_origin origin, const char *tag,
                      uint64_t list)
{
	pthread_mutex_lock(&mu);
	for (struct sub **pp = &subs; *pp;) {
		struct sub *s = *pp;
		if (s->ws == w && (all || same_sub(s, k, origin, tag, list))) {
			*pp = s->next;
			nsubs--;
			buf_release(&s->q);
			free(s);
			if (!all)
				break;
		} else {
			pp = &s->next;
		}
	}
	pthread_mutex_unlock(&mu);
}

void stream_ws_unsubscribe(struct wsconn *w, const char *name, const char *tag, uint64_t list)
{
	enum kind kind;
	bool needs_user;
	enum tl_origin origin;
	char low[72] = "";
	if (tag)
		snprintf(low, sizeof low, "%s", *tag == '#' ? tag + 1 : tag);
	str_lower(low);
	if (!stream_kind(name, &kind, &needs_user, &origin))
		ws_remove(w, false, kind, origin, low, list);
}

void stream_ws_drop(struct wsconn *w)
{
	ws_remove(w, true, K_USER, TL_ANY, NULL, 0);
}

int a_stream(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	/* The token (also as the WebSocket subprotocol) and its scope were
	 * checked by api_begin; each stream asks stream_allowed. */
	const char *up = http_header(r, "Upgrade");
	if (up && !strcasecmp(up, "websocket"))
		return ws_accept(r, &x);
	/* /streaming/user/notification and ?stream=user:notification alike. */
	const char *a1 = http_param(r, "stream"), *a2 = http_param(r, "sub");
	const char *name = a1 ? (a2 ? arena_printf(x.a, "%s:%s", a1, a2) : a1) : arg(&x, "stream");
	if (!name)
		return ERR_NOTFOUND;
	enum kind kind;
	bool needs_user;
	enum tl_origin origin;
	if (stream_kind(name, &kind, &needs_user, &origin))
		return ERR_NOTFOUND;
	if ((rc = stream_allowed(kind, needs_user, x.viewer, x.has_token ? x.tok.scopes : NULL)))
		return rc;
	struct sub *s = xcalloc(1, sizeof *s);
	s->kind = kind;
	s->origin = origin;
	s->viewer = x.viewer;
	snprintf(s->base, sizeof s->base, "%s", x.base);
	snprintf(s->scopes, sizeof s->scopes, "%s", x.has_token ? x.tok.scopes : "read");
	if (kind == K_TAG) {
		const char *tag = arg(&x, "tag");
		if (!tag || !*tag || strlen(tag) >= sizeof s->tag || !utf8_valid(tag, strlen(tag))) {
			free(s);
			return api_fail(&x, 400, "Missing or invalid tag");
		}
		snprintf(s->tag, sizeof s->tag, "%s", *tag == '#' ? tag + 1 : tag);
		str_lower(s->tag);
	}
	if (kind == K_LIST) {
		struct ulist *l;
		if (!arg_id(&x, "list", &s->list) || core_list_get(x.c, x.a, x.viewer, s->list, &l)) {
			free(s);
			return ERR_NOTFOUND;
		}
	}
	if (s->viewer)
		s->last_notif = newest_notif(x.c, s->viewer);
	s->last_post = id_new(); /* only what is new from here on */
	buf_init(&s->q, STREAM_MAX_QUEUE);
	s->conn = r->conn;
	snprintf(s->addr, sizeof s->addr, "%s", http_client_addr(r));
	pthread_mutex_lock(&mu);
	if ((rc = sub_room(s, x.has_token))) {
		pthread_mutex_unlock(&mu);
		buf_release(&s->q);
		free(s);
		return rc;
	}
	s->next = subs;
	subs = s;
	nsubs++;
	/* A comment first, so clients see the stream open at once. */
	queue(s, ":)\n", 3);
	pthread_mutex_unlock(&mu);
	pthread_once(&keepalive_once, keepalive_start);
	r->status = 200;
	r->content_type = "text/event-stream; charset=utf-8";
	http_set_header(r, "Cache-Control", "no-store");
	http_set_header(r, "X-Accel-Buffering", "no");
	http_stream_start(r, reader, sub_free, s);
	return 0;
}
