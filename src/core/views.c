/*
 * What the pages (and the API) ask that carries a rule: follower lists,
 * the administrator's lists, which groups a viewer may know and their sizes,
 * one's own app tokens.  Each rule here once, so no adapter reads the store
 * itself (issue 12; tools/check-layers keeps it so).
 */
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/core.h"
#include "core/core_int.h"
#include "store/store_api.h"

int core_admin_invites(struct core *c, struct arena *a, uint64_t viewer, struct invite **out, size_t *n)
{
	*n = 0;
	int rc = core_need_role(c, a, viewer, ROLE_ADMIN);
	return rc ? rc : store_invite_list(c->store, a, out, n);
}

int core_admin_people(struct core *c, struct arena *a, uint64_t viewer, const char *after, int limit,
                      struct account ***out, size_t *n)
{
	*n = 0;
	int rc = core_need_role(c, a, viewer, ROLE_ADMIN);
	if (limit < 1 || limit > 500)
		limit = 500;
	return rc ? rc : store_account_list(c->store, a, after, limit, out, n);
}

int core_org_guard_log(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct guard_log_row **out,
                       size_t *n)
{
	*n = 0;
	int rc = core_need_role(c, a, viewer, ROLE_ADMIN);
	if (rc)
		return rc;
	struct account *o;
	if ((rc = store_account_get(c->store, a, org, &o)))
		return rc;
	if (o->kind != ACCOUNT_ORG)
		return ERR_NOTFOUND;
	return store_guard_log_list(c->store, a, org, 100, out, n);
}

int core_admin_groups(struct core *c, struct arena *a, uint64_t viewer, struct group ***out, size_t *n)
{
	*n = 0;
	int rc = core_need_role(c, a, viewer, ROLE_ADMIN);
	return rc ? rc : store_group_list(c->store, a, viewer, true, out, n);
}

bool core_group_known(const struct group *g)
{
	return g->kind != GROUP_SECRET || g->v_state == GSTATE_MEMBER || g->v_state == GSTATE_INVITED;
}

bool core_group_members_shown(const struct group *g)
{
	return g->kind == GROUP_OPEN || g->v_state == GSTATE_MEMBER;
}

int core_groups(struct core *c, struct arena *a, uint64_t viewer, struct group ***out, size_t *n)
{
	*n = 0;
	struct group **v;
	size_t nv;
	/* The store leaves out secret groups the viewer has no tie to;
	 * core_group_known decides. */
	int rc = store_group_list(c->store, a, viewer, false, &v, &nv);
	if (rc)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < nv; i++)
		if (core_group_known(v[i]))
			v[k++] = v[i];
	*out = v;
	*n = k;
	return 0;
}

int core_group_names(struct core *c, struct arena *a, uint64_t group, const char **name, const char **display)
{
	return store_group_names(c->store, a, group, name, display);
}

int core_notif_read_all(struct core *c, uint64_t viewer)
{
	return viewer ? store_notif_mark_read(c->store, viewer) : ERR_AUTH;
}

int core_own_tokens(struct core *c, struct arena *a, uint64_t viewer, struct oauth_token **out, size_t *n)
{
	*n = 0;
	return viewer ? store_otoken_list(c->store, a, viewer, out, n) : ERR_AUTH;
}

int core_own_token_revoke(struct core *c, uint64_t viewer, uint64_t id)
{
	/* The store matches the token's account: only one's own. */
	return viewer ? store_otoken_revoke_id(c->store, viewer, id) : ERR_AUTH;
}
