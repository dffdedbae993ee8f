#ifndef CORE_FED_PAGE_H
#define CORE_FED_PAGE_H

/*
 * Reaching people elsewhere from the pages and from what is written
 * (core/fed_page.c, docs/federation.md "From the pages"): the search page
 * finds `@user@host` or an actor's address on its own server (WebFinger),
 * and a post naming `@user@host` not known here looks it up when written,
 * so a direct message reaches that one server.
 */

#include <stddef.h>
#include <stdint.h>

#include "base/err.h" /* WARN_UNUSED */
#include "core/core.h"
#include "store/types.h"

/* Lookups elsewhere for the names in one text (or one `to` field), and
 * the time a writer waits for them all. */
#define FED_MENTION_LOOKUPS 5
#define FED_MENTION_WAIT_MS 8000

/*
 * The search page's query when it names someone elsewhere: "@user@host",
 * "user@host" or an http(s) address (one word).  ERR_INVAL when q is no
 * such query (search here as usual); else as core_fed_resolve (fetched and
 * kept when new, for a signed-in viewer only: ERR_AUTH without one),
 * ERR_NOTFOUND when the other server does not know it, ERR_RATE after too
 * many lookups.
 */
int core_fed_search(struct core *c, struct arena *a, uint64_t viewer, const char *q, struct account **acc,
                    struct post **post) WARN_UNUSED;

/* Internal to core: look up (WebFinger) the names of other servers among
 * names[0..n) that are not known here yet, at most FED_MENTION_LOOKUPS and
 * FED_MENTION_WAIT_MS in all, before the post is written: found ones are
 * accounts here afterwards; the others stay unknown (not mentioned). */
void core_fed_mentions_find(struct core *c, struct arena *a, uint64_t viewer, const char *const *names, size_t n);

/* The names of other servers ("user@host") in the text of post that are
 * no account here (they were not found when it was written): for its
 * writer's notice.  Only the post's author or writer is told (else 0). */
int core_fed_unfound(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, const char ***names,
                     size_t *n) WARN_UNUSED;

#endif
