#ifndef STORE_STORE_VACANCY_H
#define STORE_STORE_VACANCY_H

/* Vacancies (issue 20, vacancy.c): the fields beside an organisation's post. */

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* Keep the fields of post (written by org).  Call inside
 * store_begin/store_finish, in the post's own transaction. */
int store_vacancy_insert(struct store *s, uint64_t post, uint64_t org, const struct vacancy_fields *f,
                         int64_t created_at) WARN_UNUSED;
/* At most max vacancies, newest first, of org (0: of all organisations),
 * older than before (0: from the newest), whose post is public, not
 * deleted, not held, not in a group and not waiting for approval, and
 * whose organisation is not suspended. */
int store_vacancies(struct store *s, struct arena *a, uint64_t org, uint64_t before, int64_t now, size_t max,
                    struct vacancy **out, size_t *n) WARN_UNUSED;

#endif
