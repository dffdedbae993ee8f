/*
 * Reach without surveillance (issue 20, docs/measure.md).
 *
 * A timeline or thread shown to a signed-in person notes (post, viewer)
 * pairs in memory: a lock and a copy of at most a page of ids, nothing that
 * waits for the database.  A background thread writes the pairs every
 * interval in one transaction per chunk (sorted, duplicates dropped, a pair
 * already stored stays one row).  When notes come faster than the thread
 * writes, the batch is full and further notes are dropped and counted in
 * the log: reach may then count a little low, a timeline never waits.
 * The pairs are only ever counted (store/reach.c has no query that reads
 * viewers out), and only the author side sees the count.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/mem.h"
#include "core/core.h"
#include "core/core_int.h"
#include "core/reach.h"
#include "store/store_reach.h"

#define REACH_BATCH_MAX  65536 /* pairs waiting at most (1 MB) */
#define REACH_CHUNK      1000  /* pairs per transaction: the write lock is held briefly */
#define REACH_DEFAULT_MS 2000

struct reach_batch {
	pthread_mutex_t mu;
	/* Held by a flush from taking the pairs until they are committed: a
	 * page that flushes before counting waits for a write the thread has
	 * already begun, instead of finding the batch empty and counting
	 * before that write lands. */
	pthread_mutex_t writing;
	pthread_cond_t wake;
	uint64_t *pairs; /* post, viewer, post, viewer, ... */
	size_t n;        /* pairs */
	uint64_t dropped;
	bool running, stop;
	int interval_ms;
	pthread_t th;
};

struct reach_batch *reach_new(void)
{
	struct reach_batch *b = xcalloc(1, sizeof *b);
	pthread_mutex_init(&b->mu, NULL);
	pthread_mutex_init(&b->writing, NULL);
	pthread_cond_init(&b->wake, NULL);
	b->pairs = xmalloc(2 * REACH_BATCH_MAX * sizeof *b->pairs);
	return b;
}

void reach_free(struct core *c)
{
	struct reach_batch *b = c->reach;
	if (!b)
		return;
	core_reach_stop(c);
	if (core_reach_flush(c))
		log_err("reach: the last counts could not be written");
	pthread_cond_destroy(&b->wake);
	pthread_mutex_destroy(&b->writing);
	pthread_mutex_destroy(&b->mu);
	free(b->pairs);
	free(b);
	c->reach = NULL;
}

void reach_note(struct core *c, uint64_t viewer, struct post *const *v, size_t n)
{
	struct reach_batch *b = c->reach;
	if (!viewer || !b || !n)
		return;
	pthread_mutex_lock(&b->mu);
	for (size_t i = 0; i < n; i++) {
		/* A boost shows the boosted post: that one reached the viewer. */
		const struct post *p = v[i] && v[i]->boosted ? v[i]->boosted : v[i];
		if (!p || p->author_id == viewer || p->writer_id == viewer)
			continue;
		if (b->n >= REACH_BATCH_MAX) {
			b->dropped++;
			continue;
		}
		b->pairs[2 * b->n] = p->id;
		b->pairs[2 * b->n + 1] = viewer;
		b->n++;
	}
	if (b->n >= REACH_BATCH_MAX / 2)
		pthread_cond_signal(&b->wake);
	pthread_mutex_unlock(&b->mu);
}

static int pair_cmp(const void *x, const void *y)
{
	const uint64_t *p = x, *q = y;
	if (p[0] != q[0])
		return p[0] < q[0] ? -1 : 1;
	return p[1] < q[1] ? -1 : p[1] > q[1];
}

int core_reach_flush(struct core *c)
{
	struct reach_batch *b = c->reach;
	if (!b)
		return 0;
	pthread_mutex_lock(&b->writing);
	pthread_mutex_lock(&b->mu);
	size_t n = b->n;
	uint64_t dropped = b->dropped;
	uint64_t *mine = n ? xmalloc(2 * n * sizeof *mine) : NULL;
	if (n)
		memcpy(mine, b->pairs, 2 * n * sizeof *mine);
	b->n = 0;
	b->dropped = 0;
	pthread_mutex_unlock(&b->mu);
	if (dropped)
		log_warn("reach: %llu views not counted (the batch was full)", (unsigned long long)dropped);
	if (!n) {
		pthread_mutex_unlock(&b->writing);
		return 0;
	}
	qsort(mine, n, 2 * sizeof *mine, pair_cmp);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!m || mine[2 * i] != mine[2 * (m - 1)] || mine[2 * i + 1] != mine[2 * (m - 1) + 1]) {
			mine[2 * m] = mine[2 * i];
			mine[2 * m + 1] = mine[2 * i + 1];
			m++;
		}
	/* The day the views are written counts as the day they happened: the
	 * batch is at most a few seconds old. */
	int64_t now = time_now();
	int64_t day = biz_amsterdam_day(now);
	int rc = 0;
	for (size_t i = 0; i < m && !rc; i += REACH_CHUNK) {
		size_t k = m - i < REACH_CHUNK ? m - i : REACH_CHUNK;
		rc = store_begin(c->store);
		if (!rc)
			rc = store_finish(c->store, store_reach_add(c->store, mine + 2 * i, k, day));
	}
	pthread_mutex_unlock(&b->writing);
	if (rc)
		log_err("reach: %zu views not written: %s", m, err_str(rc));
	free(mine);
	return rc;
}

static void *reach_main(void *arg)
{
	struct core *c = arg;
	struct reach_batch *b = c->reach;
	/* Named, so bench/reach_cpu.sh can read this thread's CPU time apart. */
	IGNORE_RESULT(prctl(PR_SET_NAME, "kring-reach", 0, 0, 0));
	pthread_mutex_lock(&b->mu);
	while (!b->stop) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += b->interval_ms / 1000;
		ts.tv_nsec += (long)(b->interval_ms % 1000) * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		if (b->n < REACH_BATCH_MAX / 2)
			pthread_cond_timedwait(&b->wake, &b->mu, &ts);
		pthread_mutex_unlock(&b->mu);
		/* Logged; the next round tries the new notes. */
		IGNORE_RESULT(core_reach_flush(c));
		pthread_mutex_lock(&b->mu);
	}
	pthread_mutex_unlock(&b->mu);
	core_thread_done(c);
	return NULL;
}

int core_reach_start(struct core *c, int interval_ms)
{
	struct reach_batch *b = c->reach;
	if (!b || b->running)
		return 0;
	b->interval_ms = interval_ms > 0 ? interval_ms : REACH_DEFAULT_MS;
	b->stop = false;
	if (pthread_create(&b->th, NULL, reach_main, c))
		return ERR_IO;
	b->running = true;
	return 0;
}

void core_reach_stop(struct core *c)
{
	struct reach_batch *b = c->reach;
	if (!b || !b->running)
		return;
	pthread_mutex_lock(&b->mu);
	b->stop = true;
	pthread_cond_signal(&b->wake);
	pthread_mutex_unlock(&b->mu);
	pthread_join(b->th, NULL);
	b->running = false;
}

int core_post_reach(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, struct post_reach *out)
{
	memset(out, 0, sizeof *out);
	if (!viewer)
		return ERR_AUTH;
	struct post *p;
	int rc = core_post_get(c, a, viewer, post, &p);
	if (rc)
		return rc;
	/* A boost has no reach of its own; to anyone but the author side the
	 * numbers do not exist (not "forbidden": that would say there are some). */
	if (p->reblog_of || !(p->author_id == viewer || p->writer_id == viewer || p->v_staff))
		return ERR_NOTFOUND;
	/* What was noted so far counts too. */
	if ((rc = core_reach_flush(c)))
		return rc;
	int64_t shown = 0;
	if ((rc = store_reach_count(c->store, post, &shown)))
		return rc;
	out->post = post;
	out->reach_below_5 = shown < REACH_MIN_SHOWN;
	out->reach = out->reach_below_5 ? 0 : shown;
	out->links_counted = p->author && p->author->kind == ACCOUNT_ORG && p->visibility != VIS_DIRECT;
	int64_t clicks = 0;
	if (out->links_counted && (rc = store_link_clicks(c->store, post, &clicks)))
		return rc;
	out->clicks_below_5 = clicks < REACH_MIN_SHOWN;
	out->clicks = out->clicks_below_5 ? 0 : clicks;
	out->favs = p->favs;
	out->boosts = p->boosts;
	out->replies = p->replies;
	return 0;
}

int core_link_click(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, int n, const char **url)
{
	*url = NULL;
	struct post *p;
	int rc = core_post_get(c, a, viewer, post, &p);
	if (rc)
		return rc;
	const char *to = post_link_at(a, p, n);
	if (!to)
		return ERR_NOTFOUND;
	/* A header value: no control bytes (the text stops links at white
	 * space already). */
	for (const unsigned char *u = (const unsigned char *)to; *u; u++)
		if (*u < 0x21 || *u == 0x7f)
			return ERR_NOTFOUND;
	if ((rc = store_begin(c->store)))
		return rc;
	int64_t now = time_now();
	if ((rc = store_finish(c->store, store_link_click(c->store, post, n, biz_amsterdam_day(now)))))
		return rc;
	*url = to;
	return 0;
}

int core_group_figures(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct group_week **out)
{
	struct group *g;
	int rc = group_need_mod(c, a, viewer, group, &g);
	if (rc)
		return rc;
	/* What was noted so far counts too. */
	if ((rc = core_reach_flush(c)))
		return rc;
	/* Whole weeks from Monday 00:00 UTC (1970-01-01 was a Thursday), this one last. */
	int64_t day = time_now() / 86400;
	int64_t monday = (day - (day + 3) % 7) * 86400;
	struct group_week *w = arena_alloc(a, GROUP_WEEKS * sizeof *w);
	if ((rc = store_group_weeks(c->store, group, monday - (int64_t)(GROUP_WEEKS - 1) * 7 * 86400, GROUP_WEEKS, w)))
		return rc;
	/* A handful of people is nearly a name: below the floor no number
	 * leaves core, for the page, the CSV and the API alike. */
	for (int i = 0; i < GROUP_WEEKS; i++)
		if (w[i].reach < REACH_MIN_SHOWN)
			w[i].reach = -1;
	*out = w;
	return 0;
}
