/*
 * Filters: words a reader does not want to see in their timelines
 * (Mastodon's filters v2; the pages have none yet).  A filter is its
 * owner's alone; what it holds is checked here, and the limits keep every
 * filter and keyword within what the store reads back (more would be
 * saved and never shown).
 */
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"

static const char *const contexts[] = {"home", "notifications", "public", "thread", "account"};

/* "home,thread": known contexts, comma separated, at least one. */
static bool context_valid(const char *s)
{
	if (!s || !*s || strlen(s) > 100)
		return false;
	while (*s) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		bool ok = false;
		for (size_t k = 0; k < sizeof contexts / sizeof contexts[0] && !ok; k++)
			ok = strlen(contexts[k]) == len && !strncmp(s, contexts[k], len);
		if (!ok)
			return false;
		s += len;
		if (*s == ',' && !*++s)
			return false; /* a trailing comma names nothing */
	}
	return true;
}

static bool keyword_valid(const char *kw)
{
	return kw && !text_blank(kw) && !text_check(kw, strlen(kw), CORE_FILTER_KEYWORD_MAX);
}

static int filter_valid(const struct filter *f)
{
	if (!f->title || text_blank(f->title) || text_check(f->title, strlen(f->title), CORE_FILTER_TITLE_MAX))
		return ERR_INVAL;
	if (!context_valid(f->context))
		return ERR_INVAL;
	const char *act = f->action;
	if (act && strcmp(act, "warn") && strcmp(act, "hide") && strcmp(act, "blur"))
		return ERR_INVAL;
	if (f->expires_at < 0)
		return ERR_INVAL;
	if (f->nkw > CORE_FILTER_KEYWORDS_MAX)
		return ERR_TOOBIG;
	for (size_t i = 0; i < f->nkw; i++)
		if (!keyword_valid(f->kw[i].keyword))
			return ERR_INVAL;
	return 0;
}

int core_filter_expiry(int64_t secs, int64_t *expires_at)
{
	if (secs <= 0 || secs >= CORE_FILTER_EXPIRES_MAX)
		return ERR_INVAL;
	*expires_at = time_now() + secs;
	return 0;
}

int core_filters(struct core *c, struct arena *a, uint64_t viewer, struct filter **out, size_t *n)
{
	if (!viewer)
		return ERR_AUTH;
	return store_filter_all(c->store, a, viewer, out, n);
}

int core_filter_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct filter **out)
{
	struct filter *v;
	size_t n;
	int rc = core_filters(c, a, viewer, &v, &n);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++)
		if (v[i].id == id) {
			*out = &v[i];
			return 0;
		}
	return ERR_NOTFOUND;
}

int core_filter_save(struct core *c, uint64_t viewer, struct filter *f)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = filter_valid(f);
	if (rc)
		return rc;
	f->account_id = viewer;
	if (!f->action)
		f->action = "warn";
	for (size_t i = 0; i < f->nkw; i++)
		f->kw[i].id = id_new();
	struct arena a;
	arena_init(&a);
	/* Found (or counted) and written in one transaction: two saves at once
	 * cannot pass a limit together. */
	if ((rc = store_begin(c->store))) {
		arena_release(&a);
		return rc;
	}
	struct filter *v;
	size_t n;
	rc = store_filter_all(c->store, &a, viewer, &v, &n);
	if (!rc && f->id) {
		struct filter *old = NULL;
		for (size_t i = 0; i < n; i++)
			if (v[i].id == f->id)
				old = &v[i];
		if (!old)
			rc = ERR_NOTFOUND; /* not the viewer's: the store would change it all the same */
		else if (old->nkw + f->nkw > CORE_FILTER_KEYWORDS_MAX)
			rc = ERR_TOOBIG;
	} else if (!rc) {
		if (n >= CORE_FILTERS_MAX)
			rc = ERR_TOOBIG;
		f->id = id_new();
	}
	if (!rc)
		rc = store_filter_save(c->store, f);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_filter_keyword_add(struct core *c, struct arena *a, uint64_t viewer, uint64_t filter, struct filter_kw *k)
{
	struct filter *f;
	int rc = core_filter_get(c, a, viewer, filter, &f);
	if (rc)
		return rc;
	if (!keyword_valid(k->keyword))
		return ERR_INVAL;
	struct filter g = *f;
	g.kw = k;
	g.nkw = 1;
	return core_filter_save(c, viewer, &g);
}

int core_filter_delete(struct core *c, uint64_t viewer, uint64_t id)
{
	if (!viewer)
		return ERR_AUTH;
	return store_filter_delete(c->store, viewer, id);
}

int core_filter_keyword_delete(struct core *c, uint64_t viewer, uint64_t kw_id)
{
	if (!viewer)
		return ERR_AUTH;
	return store_filter_kw_delete(c->store, viewer, kw_id);
}
