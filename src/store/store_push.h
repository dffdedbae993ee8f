#ifndef STORE_STORE_PUSH_H
#define STORE_STORE_PUSH_H

/*
 * Web Push subscriptions (core/push.c): one per access token.  Same rules
 * as store.h: results in the caller's arena, 0 or ERR_*.  A subscription
 * whose token was revoked is not found (and no longer pushed to).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

/* Replace the subscription of p->token_id by p (p->id is the new id). */
int store_push_put(struct store *s, const struct push_sub *p);
int store_push_get(struct store *s, struct arena *a, uint64_t id, struct push_sub **out);
int store_push_by_token(struct store *s, struct arena *a, uint64_t token_id, struct push_sub **out);
/* Change alerts and policy of the token's subscription; ERR_NOTFOUND without one. */
int store_push_update(struct store *s, uint64_t token_id, int alerts, int policy);
int store_push_delete_token(struct store *s, uint64_t token_id);
int store_push_delete(struct store *s, uint64_t id);
int store_push_for_account(struct store *s, struct arena *a, uint64_t account, struct push_sub **out, size_t *n);
/* Delete finished push jobs that ran before `before` (one row per push
 * would otherwise pile up in the queue); failed ones stay to be looked at. */
int store_push_jobs_forget(struct store *s, int64_t before);
/* The newest notification of account with this kind, actor and post; *org
 * is the organisation it was heard for (0: for the account itself). */
int store_notif_find(struct store *s, uint64_t account, int kind, uint64_t actor, uint64_t post, uint64_t *id,
                     uint64_t *org);

#endif
