#ifndef STORE_STORE_FED_H
#define STORE_STORE_FED_H

/*
 * Federation's tables (core/federation.c): local actors' keys, remote
 * actors, remote followers, activities already taken in, and activities
 * waiting for delivery.  Same rules as store.h: results in the caller's
 * arena, 0 or ERR_*.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

#define STORE_FED_INBOXES_MAX 5000 /* inboxes one delivery reaches at most */

/* ERR_NOTFOUND before the account has a key. */
int store_fed_key_get(struct store *s, struct arena *a, uint64_t account, const char **pub, const char **priv)
        WARN_UNUSED;
/* Keep the first key made for the account (two makers racing: one wins). */
int store_fed_key_put(struct store *s, uint64_t account, const char *pub, const char *priv) WARN_UNUSED;

int store_fed_actor_by_uri(struct store *s, struct arena *a, const char *uri, struct fed_actor **out) WARN_UNUSED;
int store_fed_actor_by_key(struct store *s, struct arena *a, const char *key_id, struct fed_actor **out)
        WARN_UNUSED;
int store_fed_actor_get(struct store *s, struct arena *a, uint64_t id, struct fed_actor **out) WARN_UNUSED;
/* The actor shown as the local account row account (store_fed_actor_link). */
int store_fed_actor_by_account(struct store *s, struct arena *a, uint64_t account, struct fed_actor **out)
        WARN_UNUSED;
int store_fed_actor_link(struct store *s, uint64_t actor, uint64_t account) WARN_UNUSED;
/* Insert or refresh (by uri); *id is the row's id. */
int store_fed_actor_put(struct store *s, const struct fed_actor *f, uint64_t *id) WARN_UNUSED;

int store_fed_follower_put(struct store *s, uint64_t account, uint64_t actor, int state, const char *follow_uri,
                           int64_t now) WARN_UNUSED;
int store_fed_follower_delete(struct store *s, uint64_t account, uint64_t actor) WARN_UNUSED;
/* The follow's state and the Follow's id; ERR_NOTFOUND without one. */
int store_fed_follower_get(struct store *s, struct arena *a, uint64_t account, uint64_t actor, int *state,
                           const char **follow_uri) WARN_UNUSED;
/* The distinct inboxes (shared when known) of the account's accepted remote followers. */
int store_fed_follower_inboxes(struct store *s, struct arena *a, uint64_t account, const char ***out, size_t *n)
        WARN_UNUSED;
int store_fed_follower_count(struct store *s, uint64_t account, int64_t *n) WARN_UNUSED;
/* account's accepted remote followers above actor id after, in id order, at
 * most limit (STORE_FED_COLL_MAX): each one's id and uri only (the
 * followers collection, core/fed_coll.c). */
#define STORE_FED_COLL_MAX 100
int store_fed_follower_page(struct store *s, struct arena *a, uint64_t account, uint64_t after, int limit,
                            struct fed_actor **out, size_t *n) WARN_UNUSED;

/* Note an incoming activity's id: ERR_EXISTS when it was seen before. */
int store_fed_seen(struct store *s, const char *uri, int64_t now) WARN_UNUSED;

/* An activity to deliver, signed with key_pem when given ("" or NULL: the
 * account's key when it is sent; a key rotation signs its Update with the
 * old key, which the other servers still know). */
int store_fed_out_put(struct store *s, uint64_t account, const char *body, const char *key_pem, int64_t now,
                      uint64_t *id) WARN_UNUSED;
int store_fed_out_get(struct store *s, struct arena *a, uint64_t id, uint64_t *account, const char **body,
                      const char **key_pem) WARN_UNUSED;
/* A new key pair for the account (rotation). */
int store_fed_key_replace(struct store *s, uint64_t account, const char *pub, const char *priv) WARN_UNUSED;
/* An actor deleted at its origin: its follows either way are forgotten. */
int store_fed_actor_forget(struct store *s, uint64_t actor) WARN_UNUSED;
/* A received Note's new text (Update). */
int store_fed_note_text(struct store *s, const char *uri, const char *content) WARN_UNUSED;

/* Whom a local account follows elsewhere: a Follow sent (requested), then accepted. */
int store_fed_following_put(struct store *s, uint64_t account, uint64_t actor, int state, const char *follow_uri,
                            int64_t now) WARN_UNUSED;
/* The Follow follow_uri to actor was accepted (state 1) or refused (-1:
 * removed); ERR_NOTFOUND when there is no such Follow to that actor; *account
 * is the local account that sent it. */
int store_fed_following_answer(struct store *s, uint64_t actor, const char *follow_uri, int state, uint64_t *account)
        WARN_UNUSED;
/* Forget account's follow of actor; *follow_uri is its Follow's id (left as
 * it was when there was none). */
int store_fed_following_drop(struct store *s, struct arena *a, uint64_t account, uint64_t actor,
                             const char **follow_uri) WARN_UNUSED;
/* Does any local account follow actor (accepted)? */
int store_fed_followed(struct store *s, uint64_t actor, bool *yes) WARN_UNUSED;

/* Keep a received Note (once per uri), shown as the local post row post. */
int store_fed_note_put(struct store *s, const char *uri, uint64_t actor, const char *content, const char *published,
                       int64_t now, uint64_t post) WARN_UNUSED;
/* The post a received Note is shown as, and its actor; ERR_NOTFOUND for an unknown uri. */
int store_fed_note_post(struct store *s, const char *uri, uint64_t *post, uint64_t *actor) WARN_UNUSED;
/* The Note's id at its origin, for a post that is a received Note; else ERR_NOTFOUND. */
int store_fed_note_uri(struct store *s, struct arena *a, uint64_t post, const char **uri) WARN_UNUSED;
/* Remove a received note, when it is actor's. */
int store_fed_note_delete(struct store *s, const char *uri, uint64_t actor) WARN_UNUSED;
/* The newest received notes, at most max. */
int store_fed_notes(struct store *s, struct arena *a, size_t max, struct fed_note **out, size_t *n) WARN_UNUSED;

/* Blocked servers (host, or host:port): block, unblock, is it blocked? */
int store_fed_block(struct store *s, const char *host, bool block, int64_t now) WARN_UNUSED;
int store_fed_blocked(struct store *s, const char *host, bool *yes) WARN_UNUSED;
/* Forget the followers (and follows) of the local accounts on host. */
int store_fed_forget_host(struct store *s, const char *host) WARN_UNUSED;

/* Posts kept on this server (the local-only mark). */
int store_fed_local_only_put(struct store *s, uint64_t post) WARN_UNUSED;
int store_fed_local_only(struct store *s, uint64_t post, bool *yes) WARN_UNUSED;

/* The per-host circuit breaker: a failure more in a row (*failures: how
 * many now); when to try the host again; it answered (forget it). */
int store_fed_host_failed(struct store *s, const char *host, int *failures) WARN_UNUSED;
int store_fed_host_retry(struct store *s, const char *host, int64_t at) WARN_UNUSED;
int store_fed_host_ok(struct store *s, const char *host) WARN_UNUSED;
/* May a delivery to host be tried now?  *retry_at 0: yes, and this caller
 * is the one probe (the next probe is put off until until); else the time
 * the host may be tried again (in the future), or 0 when it is not down. */
int store_fed_host_probe(struct store *s, const char *host, int64_t now, int64_t until, int64_t *retry_at)
        WARN_UNUSED;
int store_fed_out_created(struct store *s, uint64_t id, int64_t *at) WARN_UNUSED;
/* How many remote actors are shown as accounts here. */
int store_fed_account_count(struct store *s, int64_t *n) WARN_UNUSED;
/* Forget the activity ids taken in before seen_before and the activities
 * queued before out_before (their deliveries have ended); how many of each. */
/* The blocked hosts and domains, by name (at most 1000). */
int store_fed_block_list(struct store *s, struct arena *a, const char ***out, size_t *n) WARN_UNUSED;
int store_fed_prune(struct store *s, int64_t seen_before, int64_t out_before, int64_t *nseen, int64_t *nout)
        WARN_UNUSED;

#endif
