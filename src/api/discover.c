/* What apps show to find people: the profile directory, familiar
 * followers, and the (empty) list of translation languages. */
#include "api/api_int.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/text.h"
#include "http/http.h"

static int by_created_desc(const void *x, const void *y)
{
	const struct account *p = *(struct account *const *)x, *q = *(struct account *const *)y;
	return p->created_at < q->created_at ? 1 : p->created_at > q->created_at ? -1 : 0;
}

/* /api/v1/directory: the directory's rule is core's (core_directory):
 * organisations and care professionals, never clients. */
int a_directory(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t offset = 0, limit = 40;
	arg_id(&x, "offset", &offset);
	if (arg_id(&x, "limit", &limit) && limit > 80)
		limit = 80;
	if (!limit)
		limit = 40;
	struct directory d;
	if ((rc = core_directory(x.c, x.a, x.viewer, NULL, DIR_ALL, &d)))
		return rc;
	const char *order = arg(&x, "order");
	if (order && !strcmp(order, "new") && d.naccounts > 1)
		qsort(d.accounts, d.naccounts, sizeof *d.accounts, by_created_desc);
	struct jw j;
	json_list(&x, &j);
	for (size_t i = (size_t)(offset < d.naccounts ? offset : d.naccounts); i < d.naccounts && limit; i++, limit--)
		ent_account(&x, &j, d.accounts[i]);
	jw_arr_end(&j);
	return 0;
}

#define FAMILIAR_IDS 40

int a_familiar_followers(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *ids[FAMILIAR_IDS + 1];
	size_t n = arg_all(&x, "id", ids, FAMILIAR_IDS + 1);
	if (n > FAMILIAR_IDS)
		return api_fail(&x, 422, "Validation failed: at most 40 ids");
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++) {
		uint64_t id;
		if (!parse_u64(ids[i], &id))
			continue;
		struct account **v;
		size_t nv;
		if ((rc = core_familiar_followers(x.c, x.a, x.viewer, id, &v, &nv)))
			return rc;
		jw_obj(&j);
		jw_kid(&j, "id", id);
		jw_key(&j, "accounts");
		jw_arr(&j);
		for (size_t k = 0; k < nv; k++)
			ent_account(&x, &j, v[k]);
		jw_arr_end(&j);
		jw_end(&j);
	}
	jw_arr_end(&j);
	return 0;
}

/* kring translates nothing: no pairs of languages (as Mastodon without a translator). */
int a_translation_languages(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	return json_literal(&x, "{}");
}
