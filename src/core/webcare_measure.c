/* Webcare measures (core/webcare_measure.h): what the team did, in business
 * time.  The sums and order statistics live here; the pages draw them. */
#include "core/webcare_measure.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "core/core_int.h"
#include "core/webcare.h"
#include "store/store_webcare.h"

int64_t core_wc_week_start(int64_t t)
{
	/* 1970-01-05 00:00 UTC was a Monday. */
	const int64_t monday = 4 * 86400;
	int64_t r = (t - monday) % CORE_WC_WEEK;
	if (r < 0)
		r += CORE_WC_WEEK;
	return t - r;
}

struct keyed {
	const struct wc_mrow *row;
	int64_t week;
};

static int cmp_week(const void *x, const void *y)
{
	const struct keyed *p = x, *q = y;
	return p->week < q->week ? -1 : p->week > q->week;
}

static int cmp_group(const void *x, const void *y)
{
	const struct keyed *p = x, *q = y;
	int w = cmp_week(x, y);
	if (w)
		return w;
	if (p->row->team_id != q->row->team_id)
		return p->row->team_id < q->row->team_id ? -1 : 1;
	return strcmp(p->row->topic, q->row->topic);
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t p = *(const int64_t *)x, q = *(const int64_t *)y;
	return p < q ? -1 : p > q;
}

static int band(int64_t secs)
{
	return secs < 3600 ? 0 : secs < 4 * 3600 ? 1 : secs < 8 * 3600 ? 2 : secs < 24 * 3600 ? 3 : 4;
}

/* Nearest rank: the smallest value with at least p percent at or below it. */
static int64_t rank(const int64_t *v, size_t n, int p)
{
	if (!n)
		return 0;
	size_t k = ((size_t)p * n + 99) / 100;
	return v[k ? k - 1 : 0];
}

static void times(int64_t *v, size_t n, int64_t *med, int64_t *p90, int64_t *bands)
{
	qsort(v, n, sizeof *v, cmp_i64);
	*med = rank(v, n, 50);
	*p90 = rank(v, n, 90);
	for (size_t i = 0; i < n; i++)
		bands[band(v[i])]++;
}

void wc_measure_compute(struct arena *a, const struct wc_mrow *rows, size_t n, bool totals, wc_dur_fn dur, void *ctx,
                        struct wc_measure **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (!n)
		return;
	struct keyed *k = arena_alloc(a, n * sizeof *k);
	for (size_t i = 0; i < n; i++)
		k[i] = (struct keyed){.row = &rows[i], .week = core_wc_week_start(rows[i].visible_at)};
	int (*cmp)(const void *, const void *) = totals ? cmp_week : cmp_group;
	qsort(k, n, sizeof *k, cmp);
	struct wc_measure *m = arena_alloc(a, n * sizeof *m);
	int64_t *first = arena_alloc(a, n * sizeof *first), *handle = arena_alloc(a, n * sizeof *handle);
	size_t nm = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && !cmp(&k[i], &k[j]))
			j++;
		struct wc_measure *g = &m[nm++];
		g->week = k[i].week;
		g->team_id = totals ? 0 : k[i].row->team_id;
		g->topic = totals ? "" : k[i].row->topic;
		size_t nf = 0, nh = 0;
		for (size_t x = i; x < j; x++) {
			const struct wc_mrow *r = k[x].row;
			g->volume++;
			if (!strcmp(r->sentiment, "neg"))
				g->neg++;
			else if (!strcmp(r->sentiment, "pos"))
				g->pos++;
			else if (!strcmp(r->sentiment, "neu"))
				g->neu++;
			else
				g->unsure++;
			if (r->first_answer_at) {
				g->answered++;
				g->followups_done += r->followed_up;
				first[nf++] = dur(ctx, r->team_id, r->visible_at, r->first_answer_at);
			}
			if (r->closed_at)
				handle[nh++] = dur(ctx, r->team_id, r->visible_at, r->closed_at);
		}
		g->first_n = (int64_t)nf;
		g->handle_n = (int64_t)nh;
		times(first, nf, &g->first_median, &g->first_p90, g->first_bands);
		times(handle, nh, &g->handle_median, &g->handle_p90, g->handle_bands);
		i = j;
	}
	*out = m;
	*nout = nm;
}

/* Business seconds with each team's calendar read once. */
struct cal_cache {
	struct core *c;
	struct arena *a;
	uint64_t team[64];
	struct biz_hours *h[64];
	size_t n;
};

static int64_t cached_dur(void *ctx, uint64_t team, int64_t from, int64_t to)
{
	struct cal_cache *cc = ctx;
	if (to <= from)
		return 0;
	struct biz_hours *h = NULL;
	size_t i = 0;
	while (i < cc->n && cc->team[i] != team)
		i++;
	if (i < cc->n) {
		h = cc->h[i];
	} else {
		IGNORE_RESULT(wc_team_calendar(cc->c, cc->a, team, &h)); /* always 0 */
		if (cc->n < 64) {
			cc->team[cc->n] = team;
			cc->h[cc->n++] = h;
		}
	}
	return h ? biz_seconds(h, from, to) : to - from;
}

int core_wc_measures(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, int64_t from, int64_t to,
                     bool totals, struct wc_measure **out, size_t *n, bool *truncated)
{
	*out = NULL;
	*n = 0;
	*truncated = false;
	struct wc_team *teams;
	size_t nt;
	int rc = core_wc_teams(c, a, viewer, org, &teams, &nt); /* staff only */
	if (rc)
		return rc;
	if (to <= from || to - from > (int64_t)CORE_WC_WEEKS_MAX * CORE_WC_WEEK)
		return ERR_INVAL;
	struct wc_mrow *rows;
	size_t nr;
	if ((rc = store_wc_measure_rows(c->store, a, org, from, to, &rows, &nr)))
		return rc;
	*truncated = nr >= STORE_WC_MEASURE_MAX;
	struct cal_cache cc = {.c = c, .a = a};
	wc_measure_compute(a, rows, nr, totals, cached_dur, &cc, out, n);
	return 0;
}
