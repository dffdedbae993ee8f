/*
 * Timelines: home, local, profile, tag, group and list, through one query
 * builder and the one visibility rule (core_post_visible).
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "base/testhook.h"
#include "core/core.h"
#include "core/core_int.h"
#include "core/push.h"
#include "store/store_api.h"

/* ---- timelines ---- */

#define TL_ROUNDS 5

/* Visible (prepared), and not from someone the viewer muted (as author or
 * as booster). */
static bool shown(const struct post *p, bool prepared, bool filter_mutes)
{
	if (!prepared || (filter_mutes && p->v_muted))
		return false;
	return !(filter_mutes && p->boosted && p->boosted->v_muted);
}

bool core_post_in_home(uint64_t viewer, const struct post *p)
{
	return store_post_in_home(viewer, p);
}

static int fetch(struct core *c, struct arena *a, uint64_t viewer, const struct tl_query *q,
                 const struct page *pg, const char *const *words, size_t nwords, struct post ***out, size_t *n)
{
	switch (q->kind) {
	case TL_HOME: return store_tl_home(c->store, a, viewer, pg, out, n);
	case TL_LOCAL: return store_tl_local(c->store, a, viewer, &q->filter, pg, out, n);
	case TL_TAG: return store_tl_tag(c->store, a, viewer, q->tag, &q->filter, pg, out, n);
	case TL_PROFILE: return store_tl_profile(c->store, a, viewer, q->author, pg, out, n);
	case TL_SEARCH: return store_search_posts(c->store, a, viewer, words, nwords, pg, out, n);
	}
	return ERR_INVAL;
}

int core_timeline(struct core *c, struct arena *a, uint64_t viewer, const struct tl_query *q, struct post ***out,
                  size_t *n, uint64_t *older, uint64_t *newer)
{
	int limit = q->page.limit > 0 ? q->page.limit : CORE_PAGE_DEFAULT;
	if (limit > CORE_PAGE_MAX)
		limit = CORE_PAGE_MAX;
	if (q->kind == TL_HOME && !viewer)
		return ERR_AUTH;
	const char *words[16];
	size_t nwords = 0;
	if (q->kind == TL_SEARCH) {
		char *w = core_search_words(a, q->q ? q->q : "");
		char *save = NULL;
		for (char *p = strtok_r(w, " ", &save); p && nwords < 16; p = strtok_r(NULL, " ", &save))
			words[nwords++] = p;
	}
	bool filter_mutes = q->kind != TL_PROFILE;
	struct post **res = arena_alloc(a, (size_t)limit * sizeof *res);
	size_t k = 0;
	*older = *newer = 0;
	struct page pg = q->page;
	pg.limit = limit + 1;
	bool up = pg.min_id != 0;
	for (int round = 0; round < TL_ROUNDS && k < (size_t)limit; round++) {
		struct post **cand;
		size_t nc;
		int rc = fetch(c, a, viewer, q, &pg, words, nwords, &cand, &nc);
		if (rc)
			return rc;
		bool *ok = arena_alloc(a, nc + 1);
		core_prepare_many(c, a, viewer, cand, nc, ok);
		if (up) {
			/* Newest-first list just above min_id: keep the oldest ones,
			 * nearest the page the reader came from. */
			size_t m = 0;
			for (size_t i = 0; i < nc; i++)
				if (shown(cand[i], ok[i], filter_mutes))
					cand[m++] = cand[i];
			size_t from = m > (size_t)limit ? m - (size_t)limit : 0;
			for (size_t i = from; i < m; i++)
				res[k++] = cand[i];
			if (m > (size_t)limit || nc == (size_t)pg.limit)
				*newer = k ? res[0]->id : 0;
			if (k)
				*older = res[k - 1]->id;
			break;
		}
		for (size_t i = 0; i < nc && k < (size_t)limit; i++) {
			pg.max_id = cand[i]->id;
			if (shown(cand[i], ok[i], filter_mutes))
				res[k++] = cand[i];
		}
		if (nc < (size_t)pg.limit) {
			pg.max_id = 0; /* reached the end */
			break;
		}
	}
	if (!up) {
		*older = pg.max_id;
		if (k && (q->page.max_id || q->page.min_id))
			*newer = res[0]->id;
	}
	*out = res;
	*n = k;
	reach_note(c, viewer, res, k);
	return 0;
}
