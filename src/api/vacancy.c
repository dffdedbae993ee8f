/* Vacancies: kring's own /api/v1/kring/vacancies (docs/api.md,
 * docs/measure.md).  The rule is core's (core/vacancy.c): only public
 * posts of organisations are listed; an organisation's staff publish. */
#include <string.h>

#include "api/api_int.h"

#include "base/arena.h"
#include "base/err.h"
#include "core/vacancy.h"
#include "http/http.h"

static void ent_vacancy(struct actx *x, struct jw *j, struct vacancy *v)
{
	jw_obj(j);
	jw_kid(j, "id", v->post_id);
	jw_kstr(j, "job", v->f.function);
	jw_kstr(j, "hours", v->f.hours);
	jw_kstr(j, "location", v->f.location);
	jw_kstr(j, "how_to_apply", v->f.apply);
	jw_ktime(j, "created_at", v->post->created_at);
	jw_kstr(j, "url", arena_printf(x->a, "%s/posts/%llu", x->base, (unsigned long long)v->post_id));
	jw_key(j, "account");
	ent_account(x, j, v->post->author);
	jw_key(j, "status");
	ent_status(x, j, v->post);
	jw_end(j);
}

int a_vacancies(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t org = 0;
	if (arg(&x, "account_id") && !arg_id(&x, "account_id", &org))
		return api_fail(&x, 422, "Validation failed: account_id is not an id");
	struct page pg;
	arg_page(&x, &pg, CORE_VACANCIES_MAX);
	struct vacancy *v;
	size_t n;
	if ((rc = core_vacancies(x.c, x.a, org, pg.max_id, (size_t)pg.limit, &v, &n)))
		return rc;
	if (n)
		set_link(&x, v[n - 1].post_id, 0);
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_vacancy(&x, &j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

int a_vacancy_create(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct guard_result g;
	memset(&g, 0, sizeof g);
	struct vacancy_input in = {
	        .f = {.function = arg(&x, "job"),
	              .hours = arg(&x, "hours"),
	              .location = arg(&x, "location"),
	              .apply = arg(&x, "how_to_apply")},
	        .about = arg(&x, "about"),
	        .confirm = arg_bool(&x, "privacy_confirm", false),
	        .guard = &g,
	};
	if (!arg_id(&x, "account_id", &in.org))
		return api_fail(&x, 422, "Validation failed: account_id (the organisation) is missing");
	switch (core_vacancy_problem(&in)) {
	case VACANCY_OK: break;
	case VACANCY_JOB: return api_fail(&x, 422, "Validation failed: job is empty, too long or not one line");
	case VACANCY_HOURS: return api_fail(&x, 422, "Validation failed: hours is empty, too long or not one line");
	case VACANCY_LOCATION:
		return api_fail(&x, 422, "Validation failed: location is empty, too long or not one line");
	case VACANCY_APPLY: return api_fail(&x, 422, "Validation failed: how_to_apply is empty or too long");
	case VACANCY_ABOUT: return api_fail(&x, 422, "Validation failed: about is too long");
	}
	uint64_t id;
	rc = core_vacancy_create(x.c, x.a, x.viewer, &in, &id);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(&x, rc, &g);
	if (rc == ERR_GUIDELINES)
		return api_fail(&x, 422, "Validation failed: accept the organisation's guidelines on the website first");
	if (rc == ERR_FORBIDDEN)
		return api_fail(&x, 403, "Only an organisation's staff may publish its vacancies");
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: a vacancy is a public post, not in a group");
	if (rc)
		return rc;
	/* The one just written, as the writer sees it (listed once it is
	 * shown to everyone: an organisation's posts are not held). */
	struct vacancy v = {.post_id = id, .org_id = in.org, .f = in.f};
	if ((rc = core_post_get(x.c, x.a, x.viewer, id, &v.post)))
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &x.r->out);
	ent_vacancy(&x, &j, &v);
	return 0;
}
