/*
 * Organisations' guidelines: what a writer must have read first.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/testhook.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"
#include "store/store_api.h"

/* ---- guidelines ---- */

int core_guidelines_get(struct core *c, struct arena *a, uint64_t org, const char **text)
{
	return store_guidelines_get(c->store, a, org, text);
}

int core_guidelines_set(struct core *c, uint64_t org, const char *text)
{
	if (!text || text_check(text, strlen(text), 10000))
		return ERR_INVAL;
	return store_guidelines_set(c->store, org, text);
}

int core_guidelines_accept(struct core *c, uint64_t viewer, uint64_t org)
{
	if (!viewer)
		return ERR_AUTH;
	if (!core_may_post_as(c, viewer, org) || viewer == org)
		return ERR_FORBIDDEN;
	return store_guidelines_accept(c->store, org, viewer);
}
