#ifndef STORE_STORE_MEDIA_H
#define STORE_STORE_MEDIA_H

/*
 * Storage of media (images, audio, video) and the durable job queue that
 * processes them.  Files live on disk under the data directory, named by
 * the SHA-256 of their bytes; these rows say what each file is, who owns
 * it and which posts use it.  Errors as in store.h.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

/* Insert a new media row (state processing) and, in the same transaction,
 * a queued job of kind job_kind with the media id as argument. */
int store_media_insert(struct store *s, const struct media *m, const char *job_kind) WARN_UNUSED;
int store_media_get(struct store *s, struct arena *a, uint64_t id, struct media **out) WARN_UNUSED;
/* The pictures of accounts ids[0..n) (account_avatar) that are ready, with
 * their files (as store_media_get orders them), in one query: out[i] is NULL
 * for an account without one (or one still processing); only id, state
 * and files are filled. */
int store_avatars_many(struct store *s, struct arena *a, const uint64_t *ids, size_t n, struct media **out)
	WARN_UNUSED;
/* Processing done: the main file's facts and every file (main and thumbnails). */
int store_media_ready(struct store *s, uint64_t id, const struct media *m, const struct media_file *f, size_t n) WARN_UNUSED;
int store_media_failed(struct store *s, uint64_t id, const char *error) WARN_UNUSED;
int store_media_set_alt(struct store *s, uint64_t id, const char *alt) WARN_UNUSED;
/* Process a ready, unattached media item again with its faces blurred:
 * state processing, blur 1 and a new job of kind job_kind, in one
 * transaction.  ERR_CONFLICT if it is not ready or already on a post. */
int store_media_blur_again(struct store *s, uint64_t id, const char *job_kind) WARN_UNUSED;
/* Media ids that have a file with this hash. */
int store_media_by_sha(struct store *s, struct arena *a, const char *sha256, uint64_t **ids, size_t *n) WARN_UNUSED;
/* Posts (not deleted) that show this media item. */
int store_media_posts(struct store *s, struct arena *a, uint64_t media_id, uint64_t **posts, size_t *n) WARN_UNUSED;
/* Attach media to a post in the given order (unique per post). */
int store_media_attach(struct store *s, uint64_t post_id, const uint64_t *ids, size_t n) WARN_UNUSED;
/* Is the media item on some post (deleted or not)?  On an error *out is
 * true: in doubt, in use. */
int store_media_attached(struct store *s, uint64_t media_id, bool *out) WARN_UNUSED;
/* The media of a post, in order (files filled). */
int store_post_media(struct store *s, struct arena *a, uint64_t post_id, struct media ***out, size_t *n) WARN_UNUSED;
/* Detach all media from a post; *orphans gets the ids no post or avatar uses any more. */
int store_media_release_post(struct store *s, struct arena *a, uint64_t post_id, uint64_t **orphans,
                             size_t *n) WARN_UNUSED;
/* Delete a media row and its file rows; *gone gets the hashes no other media uses.
 * if_unused: only if no post, avatar or group picture uses it (else ERR_CONFLICT). */
int store_media_delete(struct store *s, struct arena *a, uint64_t id, bool if_unused, const char ***gone,
                       size_t *n) WARN_UNUSED;
/* Bytes of an owner's media (size column): all, and those on no post. */
int store_media_bytes(struct store *s, uint64_t owner, int64_t *all, int64_t *loose) WARN_UNUSED;
/* Up to 64 media created before `before` that no post, avatar or group picture uses. */
int store_media_loose(struct store *s, struct arena *a, int64_t before, uint64_t **ids, size_t *n) WARN_UNUSED;
/* Avatars: an account's uploaded picture (0 = none, the generated one). */
int store_avatar_set(struct store *s, uint64_t account, uint64_t media_id, uint64_t *old) WARN_UNUSED;
int store_avatar_get(struct store *s, uint64_t account, uint64_t *media_id) WARN_UNUSED;
int store_media_is_avatar(struct store *s, uint64_t media_id, bool *out) WARN_UNUSED;

int store_job_enqueue(struct store *s, const char *kind, const char *arg, int64_t run_at, uint64_t *id) WARN_UNUSED;
/* Queue a job of `kind` with `arg` at run_at unless one of that kind and
 * argument is queued already (a periodic job re-queues itself this way, and
 * never twice; a poll's counts go out once per while); one queued for later
 * than run_at is brought forward to it. */
int store_job_ensure(struct store *s, const char *kind, const char *arg, int64_t run_at) WARN_UNUSED;
/*
 * Claim the next due job in one statement: a queued job whose time has come,
 * or a running one whose lease ran out (its worker died).  The claim sets
 * state running, counts an attempt and leases it until now + lease.
 * ERR_NOTFOUND when nothing is due.
 */
int store_job_claim(struct store *s, struct arena *a, int64_t now, int64_t lease, struct job **out) WARN_UNUSED;
int store_job_done(struct store *s, uint64_t id) WARN_UNUSED;
/* Back to queued at retry_at, or failed for good when retry_at is 0. */
int store_job_fail(struct store *s, uint64_t id, const char *error, int64_t retry_at) WARN_UNUSED;
int store_job_get(struct store *s, struct arena *a, uint64_t id, struct job **out) WARN_UNUSED;
/* Count jobs in a state. */
int store_job_count(struct store *s, int state, int64_t *out) WARN_UNUSED;

#endif
