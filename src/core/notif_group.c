/* Grouped notifications: the rule that puts likes, shares and follows
 * together, and the pages, single groups and dismissals built on it. */
#include "core/core.h"
#include "core/core_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_api.h"

#define SCAN_BATCH 100

const char *core_notif_type(int kind)
{
	switch (kind) {
	case NOTIF_FOLLOW: return "follow";
	case NOTIF_FOLLOW_REQUEST: return "follow_request";
	case NOTIF_FAVOURITE: return "favourite";
	case NOTIF_BOOST: return "reblog";
	/* kring's own, about no status: apps that do not know them skip them. */
	case NOTIF_CONSULT: return "kring_consult";
	case NOTIF_APPOINTMENT: return "kring_appointment";
	case NOTIF_MATCH_REQUEST: return "kring_match_request";
	case NOTIF_WEBCARE_SPIKE: return "kring_webcare_spike";
	case NOTIF_WEBCARE_FOLLOWUP: return "kring_webcare_followup";
	case NOTIF_GUIDELINES: return "kring_guidelines";
	case NOTIF_CARER: return "kring_carer";
	default: return "mention";
	}
}

static bool name_in(const char *name, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] && !strcmp(v[i], name))
			return true;
	return false;
}

static bool groupable(int kind, const struct notif_filter *f)
{
	if (kind != NOTIF_FAVOURITE && kind != NOTIF_BOOST && kind != NOTIF_FOLLOW)
		return false;
	/* Mastodon's default when a client names no grouped_types. */
	if (!f || !f->grouped_set)
		return true;
	return name_in(core_notif_type(kind), f->grouped, f->ngrouped);
}

const char *core_notif_group_key(struct arena *a, const struct notification *n, const struct notif_filter *f)
{
	if (!groupable(n->kind, f))
		return arena_printf(a, "ungrouped-%llu", (unsigned long long)n->id);
	/* Whole hours since the epoch, in windows of CORE_NOTIF_GROUP_SPAN. */
	long long hour = (long long)(n->created_at / CORE_NOTIF_GROUP_SPAN) * (CORE_NOTIF_GROUP_SPAN / 3600);
	if (n->kind == NOTIF_FOLLOW)
		return n->org_id ? arena_printf(a, "follow-o%llu-%lld", (unsigned long long)n->org_id, hour)
		                 : arena_printf(a, "follow-%lld", hour);
	return arena_printf(a, "%s-%llu-%lld", core_notif_type(n->kind), (unsigned long long)n->post_id, hour);
}

static bool wanted(const struct notification *n, const struct notif_filter *f)
{
	if (!f)
		return true;
	const char *t = core_notif_type(n->kind);
	if (f->ntypes && !name_in(t, f->types, f->ntypes))
		return false;
	if (f->nexclude && name_in(t, f->exclude, f->nexclude))
		return false;
	return !f->account_id || n->actor_id == f->account_id;
}

/* The next batch below cursor (0: from the newest), as the viewer may see
 * it; *next is where the following batch starts (0: no more). */
static int batch(struct core *c, struct arena *a, uint64_t viewer, uint64_t cursor, struct notification **v,
                 size_t *nv, uint64_t *next)
{
	struct page pg = {.max_id = cursor, .limit = SCAN_BATCH};
	struct notification *raw;
	size_t nraw = 0;
	*nv = 0;
	*next = 0;
	int rc = store_notif_list(c->store, a, viewer, &pg, &raw, &nraw);
	if (rc || !nraw)
		return rc;
	if (nraw == SCAN_BATCH)
		*next = raw[nraw - 1].id;
	/* The same rows through the list's visibility rules. */
	struct page same = {.max_id = raw[0].id + 1, .limit = (int)nraw};
	return core_notifications(c, a, viewer, &same, v, nv);
}

static struct notif_group *find(struct notif_group *g, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(g[i].key, key))
			return &g[i];
	return NULL;
}

static void add(struct arena *a, struct notif_group *g, struct notification *n, bool in_page)
{
	if (!g->latest) {
		g->latest = n;
		g->page_latest_at = n->created_at;
		g->page_max_id = n->id;
	}
	g->count++;
	if (in_page)
		g->page_min_id = n->id;
	bool seen = false;
	for (size_t i = 0; i < g->nsample && !seen; i++)
		seen = g->sample[i]->id == n->actor_id;
	if (!seen && g->nsample < CORE_NOTIF_SAMPLE && n->actor)
		g->sample[g->nsample++] = n->actor;
	struct notif_member *m = arena_alloc(a, sizeof *m);
	m->n = n;
	if (g->last)
		g->last->next = m;
	else
		g->members = m;
	g->last = m;
}

/* When a grouped key's window began (0 for an ungrouped one). */
static int64_t window_start(const char *key)
{
	if (!strncmp(key, "ungrouped-", 10))
		return 0;
	const char *dash = strrchr(key, '-');
	return dash ? strtoll(dash + 1, NULL, 10) * 3600 : 0;
}

int core_notif_groups(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg,
                      const struct notif_filter *f, struct notif_group **out, size_t *n, uint64_t *older,
                      uint64_t *newer)
{
	*out = NULL;
	*n = 0;
	*older = *newer = 0;
	if (!viewer)
		return ERR_AUTH;
	size_t limit = pg->limit > 0 ? (size_t)pg->limit : CORE_PAGE_DEFAULT;
	struct notif_group *g = arena_alloc(a, limit * sizeof *g);
	size_t ng = 0, scanned = 0;
	bool full = false;
	/* After the page is full, older members of its groups still count (until
	 * the oldest open window has passed). */
	int64_t open_from = INT64_MAX;
	uint64_t cursor = pg->max_id;
	int rc = 0;
	do {
		struct notification *v;
		size_t nv;
		uint64_t next;
		if ((rc = batch(c, a, viewer, cursor, &v, &nv, &next)))
			return rc;
		for (size_t i = 0; i < nv; i++) {
			struct notification *x = &v[i];
			if (pg->min_id && x->id <= pg->min_id) {
				next = 0;
				break;
			}
			if (full && x->created_at < open_from) {
				next = 0;
				break;
			}
			if (!wanted(x, f))
				continue;
			const char *key = core_notif_group_key(a, x, f);
			struct notif_group *hit = find(g, ng, key);
			if (!hit && !full && ng == limit)
				full = true;
			if (!hit && full)
				continue;
			if (!hit) {
				hit = &g[ng++];
				hit->key = key;
				int64_t ws = window_start(key);
				if (ws && ws < open_from)
					open_from = ws;
			}
			add(a, hit, x, !full);
			if (!full) {
				if (!*newer)
					*newer = x->id;
				*older = x->id;
			}
		}
		scanned += SCAN_BATCH;
		cursor = next;
	} while (cursor && scanned < CORE_NOTIF_SCAN);
	*out = g;
	*n = ng;
	return 0;
}

/* A key as clients send it back: bounded, of the characters keys have. */
static bool key_valid(const char *key)
{
	size_t len = key ? strlen(key) : 0;
	if (!len || len > CORE_NOTIF_KEY_MAX)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= '0' && key[i] <= '9') || key[i] == '-'))
			return false;
	return true;
}

int core_notif_group_get(struct core *c, struct arena *a, uint64_t viewer, const char *key,
                         struct notif_group *out)
{
	memset(out, 0, sizeof *out);
	if (!viewer)
		return ERR_AUTH;
	if (!key_valid(key))
		return ERR_NOTFOUND;
	out->key = arena_strdup(a, key);
	struct notification *v;
	size_t nv;
	uint64_t next;
	int rc;
	if (!strncmp(key, "ungrouped-", 10)) {
		errno = 0;
		char *end;
		unsigned long long id = strtoull(key + 10, &end, 10);
		if (errno || *end || !id || id >= UINT64_MAX >> 1)
			return ERR_NOTFOUND;
		/* Ungrouped keys name their one notification whatever grouped_types said. */
		if ((rc = batch(c, a, viewer, (uint64_t)id + 1, &v, &nv, &next)))
			return rc;
		if (nv && v[0].id == id)
			add(a, out, &v[0], true);
		return out->count ? 0 : ERR_NOTFOUND;
	}
	int64_t from = window_start(key);
	uint64_t cursor = 0;
	size_t scanned = 0;
	do {
		if ((rc = batch(c, a, viewer, cursor, &v, &nv, &next)))
			return rc;
		for (size_t i = 0; i < nv; i++) {
			/* Newest first: once before the window, nothing older belongs. */
			if (v[i].created_at < from) {
				next = 0;
				break;
			}
			if (!strcmp(core_notif_group_key(a, &v[i], NULL), key))
				add(a, out, &v[i], true);
		}
		scanned += SCAN_BATCH;
		cursor = next;
	} while (cursor && scanned < CORE_NOTIF_SCAN);
	return out->count ? 0 : ERR_NOTFOUND;
}

int core_notif_group_dismiss(struct core *c, uint64_t viewer, const char *key)
{
	struct arena a;
	arena_init(&a);
	struct notif_group g;
	int rc = core_notif_group_get(c, &a, viewer, key, &g);
	if (!rc && !(rc = store_begin(c->store))) {
		for (struct notif_member *m = g.members; m && !rc; m = m->next)
			rc = store_notif_dismiss(c->store, viewer, m->n->id);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_notif_groups_unread(struct core *c, uint64_t viewer, const struct notif_filter *f, int limit,
                             int64_t *count)
{
	*count = 0;
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	const char **keys = arena_alloc(&a, (size_t)(limit > 0 ? limit : 1) * sizeof *keys);
	uint64_t cursor = 0;
	size_t scanned = 0;
	int rc;
	do {
		struct notification *v;
		size_t nv;
		uint64_t next;
		if ((rc = batch(c, &a, viewer, cursor, &v, &nv, &next)))
			break;
		for (size_t i = 0; i < nv && *count < limit; i++) {
			if (v[i].read || !wanted(&v[i], f))
				continue;
			const char *k = core_notif_group_key(&a, &v[i], f);
			bool seen = false;
			for (int64_t j = 0; j < *count && !seen; j++)
				seen = !strcmp(keys[j], k);
			if (!seen)
				keys[(*count)++] = k;
		}
		scanned += SCAN_BATCH;
		cursor = *count < limit ? next : 0;
	} while (cursor && scanned < CORE_NOTIF_SCAN);
	arena_release(&a);
	return rc;
}
