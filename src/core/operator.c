/*
 * What the command line (`kring user list`, `kring group member add`,
 * `kring migrate`, `kring export`) asks of the store.  The operator of the
 * machine runs these, so no viewer's rule applies; they live here so that
 * main, like the adapters, reaches the store only through core.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/core.h"
#include "core/core_int.h"
#include "job/job.h"
#include "store/export.h"

int core_operator_accounts(struct core *c, struct arena *a, const char *after, int limit, struct account ***out,
                           size_t *n)
{
	*n = 0;
	if (limit < 1 || limit > 500)
		limit = 500;
	return store_account_list(c->store, a, after ? after : "", limit, out, n);
}

int core_operator_member_add(struct core *c, struct arena *a, const char *group, uint64_t account, int role,
                             struct group **g)
{
	if (role != GROLE_MEMBER && role != GROLE_MODERATOR)
		return ERR_INVAL;
	int rc = store_group_by_name(c->store, a, 0, group, g);
	if (rc)
		return rc;
	return store_member_set(c->store, (*g)->id, account, role, GSTATE_MEMBER, NULL);
}

int core_schema_version(struct core *c, int *out)
{
	return store_schema_version(c->store, out);
}

int core_export(struct core *c, const char *path)
{
	return store_export(c->store, path);
}

int core_import(struct core *c, const char *path)
{
	return store_import(c->store, path);
}

int core_jobs_start(struct core *c, const struct job_handler *h, size_t n, struct job_runner **out)
{
	return job_start(c->store, h, n, 0, out);
}

void core_set_events(struct core *c, void (*on_post)(struct core *, uint64_t, bool),
                     void (*on_notify)(struct core *, uint64_t), void (*on_delete)(uint64_t))
{
	c->on_post = on_post;
	c->on_notify = on_notify;
	c->on_delete = on_delete;
}
