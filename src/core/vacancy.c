/*
 * Vacancies (issue 20): an organisation's public post with its fields.  The
 * post is written by core_post_create (guard, guidelines, rate, idempotency
 * as for any post); the fields go in its transaction (post_input.vacancy).
 */
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core_int.h"
#include "core/vacancy.h"
#include "store/store_vacancy.h"

static bool field_ok(const char *s, size_t max, bool may_be_empty)
{
	if (!s || text_check(s, strlen(s), max))
		return false;
	return may_be_empty || !text_blank(s);
}

enum vacancy_problem core_vacancy_problem(const struct vacancy_input *in)
{
	if (!field_ok(in->f.function, CORE_VACANCY_FIELD_MAX, false))
		return VACANCY_JOB;
	if (!field_ok(in->f.hours, CORE_VACANCY_FIELD_MAX, false))
		return VACANCY_HOURS;
	if (!field_ok(in->f.location, CORE_VACANCY_FIELD_MAX, false))
		return VACANCY_LOCATION;
	if (!field_ok(in->f.apply, CORE_VACANCY_APPLY_MAX, false))
		return VACANCY_APPLY;
	if (in->about && !field_ok(in->about, CORE_VACANCY_ABOUT_MAX, true))
		return VACANCY_ABOUT;
	/* One line each: the text's lines are the fields. */
	const char *one_line[] = {in->f.function, in->f.hours, in->f.location};
	for (size_t i = 0; i < 3; i++)
		if (strpbrk(one_line[i], "\r\n"))
			return (enum vacancy_problem)(VACANCY_JOB + i);
	return VACANCY_OK;
}

const char *core_vacancy_text(struct arena *a, const struct vacancy_fields *f, const char *about)
{
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_addf(&b, "Vacature: %s\nUren: %s\nPlaats: %s\nSolliciteren: %s", f->function, f->hours,
	                    f->location, f->apply));
	if (about && !text_blank(about))
		buf_nofail(buf_addf(&b, "\n\n%s", about));
	buf_nofail(buf_adds(&b, "\n\n#vacature"));
	const char *s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

int vacancy_insert(struct core *c, uint64_t post, uint64_t org, const struct vacancy_fields *f)
{
	return store_vacancy_insert(c->store, post, org, f, time_now());
}

int core_vacancy_create(struct core *c, struct arena *a, uint64_t viewer, const struct vacancy_input *in,
                        uint64_t *post)
{
	if (!viewer)
		return ERR_AUTH;
	if (in->org == viewer || !core_may_post_as(c, viewer, in->org))
		return ERR_FORBIDDEN;
	struct account *org;
	int rc = store_account_get(c->store, a, in->org, &org);
	if (rc)
		return rc;
	if (org->kind != ACCOUNT_ORG)
		return ERR_FORBIDDEN;
	if (core_vacancy_problem(in) != VACANCY_OK)
		return ERR_INVAL;
	struct post_input pi = {
	        .author_id = in->org,
	        .text = core_vacancy_text(a, &in->f, in->about),
	        .visibility = VIS_PUBLIC,
	        .confirm = in->confirm,
	        .guard = in->guard,
	        .vacancy = &in->f,
	};
	return core_post_create(c, a, viewer, &pi, post);
}

int core_vacancies(struct core *c, struct arena *a, uint64_t org, uint64_t before, size_t max, struct vacancy **out,
                   size_t *n)
{
	*out = NULL;
	*n = 0;
	if (max > CORE_VACANCIES_MAX)
		max = CORE_VACANCIES_MAX;
	struct vacancy *v;
	size_t k;
	int rc = store_vacancies(c->store, a, org, before, time_now(), max, &v, &k);
	if (rc || k == 0)
		return rc;
	uint64_t *ids = arena_alloc(a, k * sizeof *ids);
	for (size_t i = 0; i < k; i++)
		ids[i] = v[i].post_id;
	struct post **posts = arena_alloc(a, k * sizeof *posts);
	/* The one visibility rule again, for anyone (viewer 0): what a
	 * visitor without an account may not see is not listed. */
	if ((rc = core_posts_by_id(c, a, 0, ids, k, posts)))
		return rc;
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (posts[i] && posts[i]->visibility == VIS_PUBLIC && posts[i]->author &&
		    posts[i]->author->kind == ACCOUNT_ORG && !posts[i]->author_suspended) {
			v[m] = v[i];
			v[m++].post = posts[i];
		}
	*out = v;
	*n = m;
	return 0;
}
