/*
 * Lists: a reader's own selections of people they follow, read as a
 * timeline (Mastodon's lists; the pages have none yet).  The rules: a list
 * is its owner's alone (someone else's is not found), only people the owner
 * follows may be added, a hidden (suspended) account is neither added nor
 * shown, and the timeline shows only what core_post_visible lets its owner
 * read.  The limits keep every list whole within what the store reads back.
 */
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"

bool text_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t')
			return false;
	return true;
}

int core_lists(struct core *c, struct arena *a, uint64_t viewer, struct ulist **out, size_t *n)
{
	if (!viewer)
		return ERR_AUTH;
	return store_list_all(c->store, a, viewer, out, n);
}

int core_lists_holding(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, struct ulist **out,
                       size_t *n)
{
	if (!viewer)
		return ERR_AUTH;
	return store_list_holding(c->store, a, viewer, account, out, n);
}

int core_list_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct ulist **out)
{
	if (!viewer)
		return ERR_AUTH;
	if (!id)
		return ERR_NOTFOUND;
	return store_list_get(c->store, a, viewer, id, out);
}

static int list_valid(const struct ulist *l)
{
	if (!l->title || text_blank(l->title) || text_check(l->title, strlen(l->title), CORE_LIST_TITLE_MAX))
		return ERR_INVAL;
	const char *rp = l->replies_policy;
	if (rp && strcmp(rp, "followed") && strcmp(rp, "list") && strcmp(rp, "none"))
		return ERR_INVAL;
	return 0;
}

int core_list_save(struct core *c, uint64_t viewer, const struct ulist *in, uint64_t *id)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = list_valid(in);
	if (rc)
		return rc;
	struct ulist l = *in;
	l.account_id = viewer;
	if (!l.replies_policy)
		l.replies_policy = "list";
	struct arena a;
	arena_init(&a);
	/* Counted (or found as the viewer's) and written in one transaction. */
	if ((rc = store_begin(c->store))) {
		arena_release(&a);
		return rc;
	}
	if (l.id) {
		struct ulist *old;
		rc = store_list_get(c->store, &a, viewer, l.id, &old);
	} else {
		struct ulist *v;
		size_t n;
		rc = store_list_all(c->store, &a, viewer, &v, &n);
		if (!rc && n >= CORE_LISTS_MAX)
			rc = ERR_TOOBIG;
		l.id = id_new();
	}
	if (!rc)
		rc = store_list_save(c->store, &l);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	if (!rc && id)
		*id = l.id;
	return rc;
}

int core_list_delete(struct core *c, uint64_t viewer, uint64_t id)
{
	if (!viewer)
		return ERR_AUTH;
	return store_list_delete(c->store, viewer, id);
}

int core_list_members(struct core *c, struct arena *a, uint64_t viewer, uint64_t list, struct account ***out,
                      size_t *n)
{
	struct ulist *l;
	int rc = core_list_get(c, a, viewer, list, &l);
	if (rc)
		return rc;
	uint64_t *ids;
	size_t k;
	if ((rc = store_list_members(c->store, a, l->id, &ids, &k)))
		return rc;
	struct account **acc = arena_alloc(a, (k + 1) * sizeof *acc);
	if ((rc = core_accounts_get(c, a, ids, k, acc)))
		return rc;
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (acc[i] && !core_account_hidden(c, viewer, acc[i]))
			acc[m++] = acc[i];
	*out = acc;
	*n = m;
	return 0;
}

/* May viewer put acc on a list?  Themselves, or someone they follow
 * (a request that waits is no follow yet), and nobody hidden. */
static int may_add(struct core *c, uint64_t viewer, const struct account *acc)
{
	if (core_account_hidden(c, viewer, acc))
		return ERR_NOTFOUND;
	if (acc->id == viewer)
		return 0;
	struct relation rel;
	int rc = core_relation(c, viewer, acc->id, &rel);
	if (rc)
		return rc;
	return rel.following ? 0 : ERR_NOTFOUND;
}

int core_list_members_set(struct core *c, struct arena *a, uint64_t viewer, uint64_t list, const uint64_t *ids,
                          size_t n, bool on)
{
	struct ulist *l;
	int rc = core_list_get(c, a, viewer, list, &l);
	if (rc)
		return rc;
	if (!n)
		return ERR_INVAL;
	if (n > CORE_LIST_MEMBERS_MAX)
		return ERR_TOOBIG;
	struct account **acc = arena_alloc(a, n * sizeof *acc);
	if ((rc = core_accounts_get(c, a, ids, n, acc)))
		return rc;
	uint64_t *have;
	size_t nhave;
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_list_members(c->store, a, l->id, &have, &nhave);
	size_t added = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		bool member = false;
		for (size_t j = 0; j < nhave && !member; j++)
			member = have[j] == ids[i];
		if (!acc[i]) {
			rc = ERR_NOTFOUND;
		} else if (on && !member) {
			rc = may_add(c, viewer, acc[i]);
			added++;
		} else if (!on && !member && core_account_hidden(c, viewer, acc[i])) {
			rc = ERR_NOTFOUND; /* a hidden member can be taken off, nothing more */
		}
	}
	if (!rc && nhave + added > CORE_LIST_MEMBERS_MAX)
		rc = ERR_TOOBIG;
	for (size_t i = 0; i < n && !rc; i++)
		rc = store_list_member_set(c->store, l->id, ids[i], on);
	return store_finish(c->store, rc);
}

int list_drop(struct core *c, struct arena *a, uint64_t owner, uint64_t account)
{
	struct ulist *v;
	size_t n;
	int rc = store_list_holding(c->store, a, owner, account, &v, &n);
	for (size_t i = 0; i < n && !rc; i++)
		rc = store_list_member_set(c->store, v[i].id, account, false);
	return rc;
}

int core_list_timeline(struct core *c, struct arena *a, uint64_t viewer, uint64_t list, const struct page *pg,
                       struct post ***out, size_t *n, uint64_t *older, uint64_t *newer)
{
	struct ulist *l;
	int rc = core_list_get(c, a, viewer, list, &l);
	if (rc)
		return rc;
	uint64_t *ids;
	size_t k;
	if ((rc = store_list_posts(c->store, a, l->id, pg, &ids, &k)))
		return rc;
	struct post **v = arena_alloc(a, (k + 1) * sizeof *v);
	if ((rc = core_posts_by_id(c, a, viewer, ids, k, v)))
		return rc;
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (v[i])
			v[m++] = v[i];
	/* The cursors are the candidates scanned, so a page of hidden posts
	 * still leads on. */
	*older = k ? ids[k - 1] : 0;
	*newer = k ? ids[0] : 0;
	*out = v;
	*n = m;
	reach_note(c, viewer, v, m);
	return 0;
}
