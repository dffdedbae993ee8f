/* The admin API's view of accounts, and a moderator's warning, under the
 * instance's hierarchy (core_instance_may_act). */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"

#define CHUNK 500

static bool matches(const struct account *acc, const struct admin_filter *f)
{
	if (f->status == 1 && acc->suspended)
		return false;
	if (f->status == 2 && !acc->suspended)
		return false;
	if (f->status == 3)
		return false;
	if (f->staff && acc->role < ROLE_MODERATOR)
		return false;
	if (f->username && *f->username && strncmp(acc->username, f->username, strlen(f->username)))
		return false;
	if (f->display_name && *f->display_name && !strstr(acc->display_name ? acc->display_name : "", f->display_name))
		return false;
	return true;
}

static int by_id_desc(const void *x, const void *y)
{
	const struct account *p = *(struct account *const *)x, *q = *(struct account *const *)y;
	return p->id < q->id ? 1 : p->id > q->id ? -1 : 0;
}

int core_admin_accounts(struct core *c, struct arena *a, uint64_t viewer, const struct admin_filter *f,
                        const struct page *pg, struct account ***out, size_t *n)
{
	*n = 0;
	int rc = core_need_role(c, a, viewer, ROLE_MODERATOR);
	if (rc)
		return rc;
	/* what a search may be */
	if ((f->username && strlen(f->username) > CORE_ADMIN_NAME_QUERY) ||
	    (f->display_name && strlen(f->display_name) > CORE_ADMIN_DISPLAY_QUERY))
		return ERR_INVAL;
	size_t cap = 256, k = 0;
	struct account **v = arena_alloc(a, cap * sizeof *v);
	const char *after = "";
	for (size_t scanned = 0; scanned < CORE_ADMIN_SCAN;) {
		struct account **chunk;
		size_t nc = 0;
		if ((rc = store_account_list(c->store, a, after, CHUNK, &chunk, &nc)))
			return rc;
		for (size_t i = 0; i < nc; i++) {
			struct account *acc = chunk[i];
			if ((pg->max_id && acc->id >= pg->max_id) || acc->id <= pg->min_id || !matches(acc, f))
				continue;
			if (k == cap) {
				struct account **bigger = arena_alloc(a, 2 * cap * sizeof *v);
				memcpy(bigger, v, cap * sizeof *v);
				v = bigger;
				cap *= 2;
			}
			v[k++] = acc;
		}
		scanned += nc;
		if (nc < CHUNK)
			break;
		after = chunk[nc - 1]->username;
	}
	qsort(v, k, sizeof *v, by_id_desc);
	size_t limit = pg->limit > 0 ? (size_t)pg->limit : CORE_PAGE_DEFAULT;
	/* min_id pages towards the newer: the ones just above it. */
	if (pg->min_id && !pg->max_id && k > limit) {
		memmove(v, v + (k - limit), limit * sizeof *v);
		k = limit;
	}
	*out = v;
	*n = k < limit ? k : limit;
	return 0;
}

int core_admin_account_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct account **out)
{
	int rc = core_need_role(c, a, viewer, ROLE_MODERATOR);
	if (rc)
		return rc;
	return id ? store_account_get(c->store, a, id, out) : ERR_NOTFOUND;
}

int core_account_warn(struct core *c, uint64_t actor, uint64_t account, const char *note)
{
	if (note && text_check(note, strlen(note), 1000))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct account *t;
	int rc = store_begin(c->store);
	if (!rc)
		rc = store_account_get(c->store, &a, account, &t);
	if (!rc)
		rc = core_instance_may_act(c, &a, actor, t, ROLE_MODERATOR);
	if (!rc)
		rc = store_notif_insert_in(c->store, account, NOTIF_WARNING, actor, 0, 0, note ? note : "");
	if (!rc)
		rc = store_mod_log_add(c->store, actor, 0, "warn", account, 0, note);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	if (!rc && c->on_notify)
		c->on_notify(c, account);
	return rc;
}

int core_familiar_followers(struct core *c, struct arena *a, uint64_t viewer, uint64_t target,
                            struct account ***out, size_t *n)
{
	*n = 0;
	*out = NULL;
	if (!viewer)
		return ERR_AUTH;
	struct account *t;
	int rc = store_account_get(c->store, a, target, &t);
	if (rc == ERR_NOTFOUND || (!rc && core_account_hidden(c, viewer, t)))
		return 0; /* nobody known: the same answer as for no one in common */
	if (rc || !core_collections_visible(viewer, t))
		return rc;
	struct account **v;
	size_t nv;
	if ((rc = store_followers(c->store, a, target, false, 80, &v, &nv)))
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < nv && k < CORE_PAGE_MAX; i++) {
		struct relation rel;
		if (v[i]->id == viewer || v[i]->suspended || !core_listed(viewer, target, v[i]) ||
		    core_relation(c, viewer, v[i]->id, &rel) || !rel.following)
			continue;
		v[k++] = v[i];
	}
	*out = v;
	*n = k;
	return 0;
}
