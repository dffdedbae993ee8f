/*
 * Search: posts, people and tags.
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

/* ---- search ---- */

int core_search(struct core *c, struct arena *a, uint64_t viewer, const char *q, const struct page *pg,
                struct search_result *out)
{
	memset(out, 0, sizeof *out);
	if (!q)
		return 0;
	char *query = str_trim(arena_strdup(a, q));
	size_t qlen = strlen(query);
	if (qlen == 0)
		return 0;
	if (qlen > 200 || !utf8_valid(query, qlen))
		return ERR_INVAL;
	char *lower = arena_strdup(a, query);
	str_lower(lower);
	int rc = 0;
	if (lower[0] != '#') {
		const char *people_q = lower[0] == '@' ? lower + 1 : lower;
		if (*people_q && (rc = core_account_search(c, a, viewer, people_q, 10, &out->people, &out->npeople)))
			return rc;
	}
	if (lower[0] != '@') {
		const char *tag_q = lower[0] == '#' ? lower + 1 : lower;
		if (*tag_q && !strchr(tag_q, ' ') &&
		    (rc = store_search_tags(c->store, a, tag_q, 10, &out->tags, &out->tag_counts, &out->ntags)))
			return rc;
	}
	if (lower[0] == '@')
		return 0;
	struct tl_query tq = {.kind = TL_SEARCH, .q = lower[0] == '#' ? lower + 1 : lower, .page = *pg};
	uint64_t newer;
	return core_timeline(c, a, viewer, &tq, &out->posts, &out->nposts, &out->older, &newer);
}
