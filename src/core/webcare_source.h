#ifndef CORE_WEBCARE_SOURCE_H
#define CORE_WEBCARE_SOURCE_H

/*
 * Webcare listens outside kring too (docs/webcare.md): RSS/Atom feeds of
 * news sites, blogs and review sites, and hashtags on other Mastodon-
 * compatible servers (their public /api/v1/timelines/tag/:tag).  A durable
 * job polls each source at its interval with a conditional GET, honours
 * Retry-After, and keeps every item once (by guid, link or status URI).
 * Who may see and change an organisation's sources: its staff and the
 * administrators; viewer 0 is the operator at the command line.
 */

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/types.h"

struct core;
struct arena;
struct job_handler;

#define CORE_WSRC_JOB "webcare-poll"
#define CORE_WSRC_PER_ORG 50         /* sources one organisation may have */
#define CORE_WSRC_MIN_EVERY 300      /* the adaptive interval: 5 minutes .. */
#define CORE_WSRC_MAX_EVERY 86400    /* .. 24 hours */
#define CORE_WSRC_FIRST_EVERY 1800   /* where it starts */
#define CORE_WSRC_TAG_PAGE 40        /* statuses asked per poll of a hashtag */
#define CORE_WSRC_FEED_BYTES (4 << 20)
#define CORE_WSRC_JSON_BYTES (2 << 20)
#define CORE_WSRC_POLLS_PER_RUN 8    /* a job run polls at most this many, then yields */

/*
 * Add a source to org: a feed URL, or (tag not NULL/"") a hashtag on the
 * server at url.  every: a fixed interval in seconds (at least
 * CORE_WSRC_MIN_EVERY), or 0 for the adaptive one.  ERR_INVAL with a bad
 * URL, tag or interval, ERR_EXISTS when org has it, ERR_TOOBIG past
 * CORE_WSRC_PER_ORG, ERR_FORBIDDEN when viewer is neither staff nor admin.
 * The first poll is due at once.
 */
int core_wsrc_add(struct core *c, uint64_t viewer, uint64_t org, const char *url, const char *tag, int64_t every,
                  uint64_t *id) WARN_UNUSED;
/* Remove a source and the items it gave. */
int core_wsrc_remove(struct core *c, uint64_t viewer, uint64_t id) WARN_UNUSED;
/* org's sources (org 0: all, for the operator only). */
int core_wsrc_list(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct wsrc **out,
                   size_t *n) WARN_UNUSED;
/* The newest items of org (source 0) or of one of its sources. */
int core_wsrc_items(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t source, size_t limit,
                    struct wsrc_item **out, size_t *n) WARN_UNUSED;
/*
 * Poll one source now (the job, and `kring webcare source poll`): fetch,
 * read, keep the new items and the source's state in one transaction.
 * *added: how many items were new.  A source that failed (network, HTTP
 * error, not a feed) is not an error here: its last_error says why.
 */
int core_wsrc_poll(struct core *c, uint64_t id, size_t *added) WARN_UNUSED;
/* The job that polls due sources (started with the other jobs). */
void core_wsrc_jobs(struct core *c, const struct job_handler **h, size_t *n);

/* "300", "90s", "5m", "2h", "1d" to seconds; -1 if unreadable. */
int64_t core_duration_parse(const char *s);

#endif
