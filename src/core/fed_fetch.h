#ifndef CORE_FED_FETCH_H
#define CORE_FED_FETCH_H

/*
 * Signed fetches (authorized fetch) and the instance actor
 * (core/fed_fetch.c; docs/federation.md "Signed fetches").
 *
 * Every GET kring sends to another server (actors, keys, objects) is
 * signed by the instance actor, an Application at BASE/actor, as
 * Mastodon's.  Incoming GETs of objects may carry such a signature: a
 * followers-only Note is served to a server that has an accepted follower
 * of its author (the signer's host is that follower's host), and 404 to
 * everyone else; a blocked server's signed fetches are refused (403).
 * KRING_FED_AUTHORIZED_FETCH=1 (Mastodon's AUTHORIZED_FETCH) requires a
 * valid signature for every object and collection (401 without); actor
 * documents, the instance actor and WebFinger stay open, since keys must
 * be reachable.
 */

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h" /* WARN_UNUSED */
#include "core/core.h"
#include "core/federation.h"

/* The instance actor's document (the caller owns it). */
int core_fed_instance_doc(struct core *c, struct arena *a, struct json_t **out) WARN_UNUSED;

/*
 * May the GET r be answered at all?  0 (and *signed_by the verified
 * signer's actor URI, or NULL when unsigned); ERR_FORBIDDEN for a
 * signature naming a blocked server's key.  For objects (Notes,
 * collections) the signature is verified: ERR_RATE after too many key
 * fetches from the address, ERR_AUTH when authorized fetch is on and r has
 * no valid signature; one that does not verify counts as none.  For actor
 * documents (objects false) it is not verified: that would fetch the
 * signer's actor, whose server would verify our fetch in turn.
 */
int core_fed_fetcher(struct core *c, struct arena *a, const struct fed_request *r, bool objects,
                     const char **signed_by, const char **why) WARN_UNUSED;

/*
 * name's post id as a Note for the GET r: a public one for anyone, a
 * followers-only one for a signed GET from a server with an accepted
 * follower of name; ERR_NOTFOUND otherwise (or ERR_FORBIDDEN / ERR_AUTH /
 * ERR_RATE as core_fed_fetcher).
 */
int core_fed_note_fetch(struct core *c, struct arena *a, const char *name, uint64_t id, const struct fed_request *r,
                        const char **json, const char **why) WARN_UNUSED;

/* GET url signed as the instance actor (for operators: `kring fed get`):
 * the status (0 when it could not be reached) and the answer. */
int core_fed_get(struct core *c, struct arena *a, const char *url, long *status, const char **body,
                 const char **why) WARN_UNUSED;

#endif
