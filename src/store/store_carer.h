#ifndef STORE_STORE_CARER_H
#define STORE_STORE_CARER_H

/* Informal carers (carer.c): which persons a client named as informal
 * carer, with what they may do.  Private rows: only core/thuis.c reads
 * them, and decides with them who may see or act for a client. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

#define STORE_CARERS_MAX 20 /* carers of one client; clients of one carer */

/* Add or change (flags) the relation. */
int store_carer_set(struct store *s, uint64_t client, uint64_t carer, int flags, int64_t now) WARN_UNUSED;
/* ERR_NOTFOUND when there was none. */
int store_carer_drop(struct store *s, uint64_t client, uint64_t carer) WARN_UNUSED;
/* ERR_NOTFOUND when carer is not client's informal carer. */
int store_carer_get(struct store *s, uint64_t client, uint64_t carer, int *flags) WARN_UNUSED;
/* client's carers (as_carer false) or whose carer `who` is (true): the
 * other side's ids, flags and since, oldest first, at most max. */
int store_carer_list(struct store *s, uint64_t who, bool as_carer, uint64_t *ids, int *flags, int64_t *since,
                     size_t max, size_t *n) WARN_UNUSED;

/* Photos and videos shared with a client (care_media). */
#define STORE_CARE_MEDIA_MAX 200 /* listed at most, newest first */
int store_care_media_insert(struct store *s, const struct care_media *m) WARN_UNUSED;
int store_care_media_get(struct store *s, struct arena *a, uint64_t id, struct care_media *out) WARN_UNUSED;
/* The row that shares media_id (ERR_NOTFOUND: none). */
int store_care_media_by_media(struct store *s, struct arena *a, uint64_t media_id, struct care_media *out) WARN_UNUSED;
/* client's items, newest first; family_only: those the client lets carers see. */
int store_care_media_list(struct store *s, struct arena *a, uint64_t client, bool family_only, struct care_media **out,
                          size_t *n) WARN_UNUSED;
int store_care_media_family(struct store *s, uint64_t id, bool family) WARN_UNUSED;
int store_care_media_delete(struct store *s, uint64_t id) WARN_UNUSED;

#endif
