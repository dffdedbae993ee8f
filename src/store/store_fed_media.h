#ifndef STORE_STORE_FED_MEDIA_H
#define STORE_STORE_FED_MEDIA_H

/* A received Note's attachments, by their remote URL (federation, issue 21;
 * core/fed_note.c).  Nothing is downloaded. */

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/store.h"
#include "store/types.h"

#define STORE_FED_MEDIA_MAX 320 /* rows read at once: 40 posts x 8 */

int store_fed_media_put(struct store *s, const struct fed_media *m) WARN_UNUSED;
/* A post's received attachments forgotten (an Update brings them again). */
int store_fed_media_clear(struct store *s, uint64_t post) WARN_UNUSED;
/* The attachments of posts ids[0..n) (n <= 40), by post and place. */
int store_fed_media_of(struct store *s, struct arena *a, const uint64_t *ids, size_t n, struct fed_media **out,
                       size_t *nout) WARN_UNUSED;

#endif
