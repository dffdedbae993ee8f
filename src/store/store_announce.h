#ifndef STORE_STORE_ANNOUNCE_H
#define STORE_STORE_ANNOUNCE_H

/* Announcements (announce.c): an administrator's notices, who dismissed
 * them and the reactions on them. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

int store_ann_insert(struct store *s, const struct announcement *an) WARN_UNUSED;
/* Publish or withdraw; ERR_NOTFOUND when there is none. */
int store_ann_set_published(struct store *s, uint64_t id, bool on, int64_t now) WARN_UNUSED;
int store_ann_delete(struct store *s, uint64_t id) WARN_UNUSED;
/* One by id (read and reactions for viewer, 0: nobody). ERR_NOTFOUND when none. */
int store_ann_get(struct store *s, struct arena *a, uint64_t viewer, uint64_t id, struct announcement *out) WARN_UNUSED;
/* live: only published ones shown at now (the rest too otherwise), newest
 * first, at most STORE_ANN_MAX; read and reactions for viewer (0: nobody);
 * with_dismissed false leaves out those viewer dismissed. */
int store_ann_list(struct store *s, struct arena *a, uint64_t viewer, bool live, int64_t now, bool with_dismissed,
                   struct announcement **out, size_t *n) WARN_UNUSED;
/* The pinned posts of the organisations viewer follows, newest pin first,
 * at most STORE_ANN_MAX (the caller checks each post's visibility). */
int store_ann_org_pins(struct store *s, struct arena *a, uint64_t viewer, uint64_t **ids, size_t *n) WARN_UNUSED;
/* Whether viewer dismissed id, and the reactions on it (a notice or a post). */
int store_ann_extras(struct store *s, struct arena *a, uint64_t viewer, struct announcement *an) WARN_UNUSED;
/* Idempotent. */
int store_ann_dismiss(struct store *s, uint64_t account, uint64_t id) WARN_UNUSED;
int store_ann_react(struct store *s, uint64_t account, uint64_t id, const char *name, int64_t now) WARN_UNUSED;
int store_ann_unreact(struct store *s, uint64_t account, uint64_t id, const char *name) WARN_UNUSED;
/* How many distinct reactions account gave announcement id. */
int store_ann_react_count(struct store *s, uint64_t account, uint64_t id, int64_t *n) WARN_UNUSED;

#endif
