#ifndef CORE_VACANCY_H
#define CORE_VACANCY_H

/*
 * Vacancies (issue 20, docs/measure.md): a kind of post of an organisation
 * (job, hours, place, how to apply), written by its staff, public, listed
 * on /vacatures, in the Atom and JSON feeds and in the API.  Only public
 * posts of organisations are ever listed.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/core.h"
#include "store/types.h"

#define CORE_VACANCY_FIELD_MAX 200  /* characters of the job, hours and place */
#define CORE_VACANCY_APPLY_MAX 500  /* characters of how to apply */
#define CORE_VACANCY_ABOUT_MAX 3000 /* characters of the free text below */
#define CORE_VACANCIES_MAX 100      /* vacancies in one page, feed or answer */

struct vacancy_input {
	uint64_t org;               /* the organisation; the viewer is its staff */
	struct vacancy_fields f;
	const char *about;          /* more about the job, may be NULL or empty */
	bool confirm;               /* the writer saw the guard's findings and goes on */
	struct guard_result *guard; /* if set, filled with what the guard found */
};

/* The field that is wrong (for the form's message). */
enum vacancy_problem { VACANCY_OK = 0, VACANCY_JOB, VACANCY_HOURS, VACANCY_LOCATION, VACANCY_APPLY, VACANCY_ABOUT };

/* Check in's fields: VACANCY_OK, or the first one that is empty (but
 * about), too long or not text. */
enum vacancy_problem core_vacancy_problem(const struct vacancy_input *in);

/* The post's text made from the fields (what the guard reads, what
 * timelines show). */
const char *core_vacancy_text(struct arena *a, const struct vacancy_fields *f, const char *about);

/* Publish a vacancy as a public post of in->org, written by viewer (its
 * staff: ERR_FORBIDDEN otherwise and for a person's own account), in one
 * transaction with its fields.  ERR_INVAL for a bad field
 * (core_vacancy_problem), ERR_GUIDELINES, ERR_GUARD, ERR_BLOCKED as
 * core_post_create.  *post is the post's id. */
int core_vacancy_create(struct core *c, struct arena *a, uint64_t viewer, const struct vacancy_input *in,
                        uint64_t *post) WARN_UNUSED;

/* At most max (<= CORE_VACANCIES_MAX) listed vacancies, newest first, of
 * org (0: all), older than before (0: from the newest); each with its post
 * as anyone may see it (out[i].post, author filled).  Whatever is not a
 * public post of an organisation, anonymous visitors included, is never
 * in it. */
int core_vacancies(struct core *c, struct arena *a, uint64_t org, uint64_t before, size_t max, struct vacancy **out,
                   size_t *n) WARN_UNUSED;

#endif
