#ifndef STORE_STORE_API_H
#define STORE_STORE_API_H

/*
 * Storage for the client API: OAuth apps, codes and tokens, and the things
 * Mastodon clients keep that the web pages do not (bookmarks, pins, lists,
 * markers, polls, filters, idempotency keys, followed tags, conversation
 * read state, per-post API metadata, reports).  Same rules as store.h:
 * results in the caller's arena, 0 or ERR_*.
 *
 * Lists of posts are returned as ids, newest first, for core to fetch and
 * check visibility (core_post_get) one by one.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "store/store.h"

int store_app_insert(struct store *s, const struct oauth_app *app) WARN_UNUSED;
int store_app_get(struct store *s, struct arena *a, const char *client_id, struct oauth_app **out) WARN_UNUSED;
int store_app_by_id(struct store *s, struct arena *a, uint64_t id, struct oauth_app **out) WARN_UNUSED;

int store_code_insert(struct store *s, const char *code_hash, const struct oauth_code *c) WARN_UNUSED;
/* Mark a code used and return it; ERR_NOTFOUND if unknown or used already. */
int store_code_use(struct store *s, struct arena *a, const char *code_hash, struct oauth_code *out) WARN_UNUSED;

int store_otoken_insert(struct store *s, const char *token_hash, const struct oauth_token *t) WARN_UNUSED;
int store_otoken_get(struct store *s, struct arena *a, const char *token_hash, struct oauth_token *out) WARN_UNUSED;
/* The token and its account (*acc NULL when it has none or it is gone). */
int store_otoken_account(struct store *s, struct arena *a, const char *token_hash, struct oauth_token *out,
                         struct account **acc) WARN_UNUSED;
int store_otoken_revoke(struct store *s, const char *token_hash) WARN_UNUSED;
/* Revoke one of account's tokens by id; ERR_NOTFOUND if not theirs. */
int store_otoken_revoke_id(struct store *s, uint64_t account, uint64_t id) WARN_UNUSED;
/* Revoke every token of account and spend its unused codes (its password changed). */
int store_otoken_revoke_account(struct store *s, uint64_t account) WARN_UNUSED;
int store_otoken_list(struct store *s, struct arena *a, uint64_t account, struct oauth_token **out, size_t *n)
	WARN_UNUSED;

int store_mark_set(struct store *s, enum post_mark kind, uint64_t account, uint64_t post, bool on) WARN_UNUSED;
/* Marked post ids, newest mark first, below max_id / above min_id (mark ids). */
int store_mark_list(struct store *s, struct arena *a, enum post_mark kind, uint64_t account,
                    const struct page *pg, uint64_t **posts, uint64_t **marks, size_t *n) WARN_UNUSED;
/* Favourited post ids of account, newest first (paged by post id). */
int store_fav_list(struct store *s, struct arena *a, uint64_t account, const struct page *pg, uint64_t **out,
                   size_t *n) WARN_UNUSED;
/* Who favourited / boosted a post, a page by the favourite's (boost's) id;
 * marks[i]: that id. */
int store_post_actors(struct store *s, struct arena *a, uint64_t post, bool boosts, const struct page *pg,
                      uint64_t **out, uint64_t **marks, size_t *n) WARN_UNUSED;
/* Whom account follows (following) or who follow it, a page by the
 * follow's id, newest first; marks[i]: that id. */
int store_follow_page(struct store *s, struct arena *a, uint64_t account, bool following, const struct page *pg,
                      uint64_t **out, uint64_t **marks, size_t *n) WARN_UNUSED;
int store_post_tags(struct store *s, struct arena *a, uint64_t post, const char ***out, size_t *n) WARN_UNUSED;
/* The id of account's boost of post, or 0. */
uint64_t store_boost_of(struct store *s, uint64_t account, uint64_t post);

int store_list_save(struct store *s, const struct ulist *l); /* insert or update by id */
int store_list_get(struct store *s, struct arena *a, uint64_t account, uint64_t id, struct ulist **out) WARN_UNUSED;
int store_list_all(struct store *s, struct arena *a, uint64_t account, struct ulist **out, size_t *n) WARN_UNUSED;
int store_list_delete(struct store *s, uint64_t account, uint64_t id) WARN_UNUSED;
int store_list_member_set(struct store *s, uint64_t list, uint64_t account, bool on) WARN_UNUSED;
int store_list_members(struct store *s, struct arena *a, uint64_t list, uint64_t **out, size_t *n) WARN_UNUSED;
/* Lists of owner that hold account. */
int store_list_holding(struct store *s, struct arena *a, uint64_t owner, uint64_t account, struct ulist **out,
                       size_t *n) WARN_UNUSED;
/* Candidate post ids by the list's members. */
int store_list_posts(struct store *s, struct arena *a, uint64_t list, const struct page *pg, uint64_t **out,
                     size_t *n) WARN_UNUSED;

/* Markers: timeline is "home" or "notifications". */
int store_marker_get(struct store *s, uint64_t account, const char *timeline, uint64_t *last, int64_t *version,
                     int64_t *updated) WARN_UNUSED;
int store_marker_set(struct store *s, uint64_t account, const char *timeline, uint64_t last, int64_t now) WARN_UNUSED;

int store_poll_insert(struct store *s, uint64_t post, int64_t expires_at, bool multiple, const char *const *opts,
                      size_t n) WARN_UNUSED;
int store_poll_get(struct store *s, struct arena *a, uint64_t post, uint64_t viewer, struct poll **out) WARN_UNUSED;
/* ERR_EXISTS if account voted already. */
int store_poll_vote(struct store *s, uint64_t post, uint64_t account, const int *choices, size_t n) WARN_UNUSED;
/* One choice from another server's voter (federation): *taken when counted. */
int store_poll_vote_one(struct store *s, uint64_t post, uint64_t account, int idx, bool *taken) WARN_UNUSED;
/* A poll's counts at its origin (federation): votes[i] per option, -1 unknown. */
int store_poll_origin_counts(struct store *s, uint64_t post, const int64_t *votes, size_t n, int64_t voters)
	WARN_UNUSED;

int store_filter_save(struct store *s, const struct filter *f); /* insert or update; keywords appended */
int store_filter_all(struct store *s, struct arena *a, uint64_t account, struct filter **out, size_t *n) WARN_UNUSED;
int store_filter_delete(struct store *s, uint64_t account, uint64_t id) WARN_UNUSED;
int store_filter_kw_delete(struct store *s, uint64_t account, uint64_t kw_id) WARN_UNUSED;

/* Idempotency keys for posting: the post made with key, or ERR_NOTFOUND. */
int store_idem_get(struct store *s, uint64_t account, const char *key, uint64_t *post) WARN_UNUSED;
int store_idem_put(struct store *s, uint64_t account, const char *key, uint64_t post, int64_t now) WARN_UNUSED;

/* Followed tags */
int store_tag_follow(struct store *s, uint64_t account, const char *tag, bool on) WARN_UNUSED;
int store_tag_followed(struct store *s, uint64_t account, const char *tag, bool *out) WARN_UNUSED;
int store_tag_followed_list(struct store *s, struct arena *a, uint64_t account, const char ***out, size_t *n)
	WARN_UNUSED;
int64_t store_tag_count(struct store *s, const char *tag);

/* The named recipients of posts[0..nposts), each once (core_conv_people
 * passes only the posts its reader may see). */
int store_conv_members(struct store *s, struct arena *a, const uint64_t *posts, size_t nposts, uint64_t **out,
                       size_t *n) WARN_UNUSED;

int store_post_meta_set(struct store *s, uint64_t post, const struct post_meta *m) WARN_UNUSED;
int store_post_meta_get(struct store *s, struct arena *a, uint64_t post, struct post_meta *out) WARN_UNUSED;

int store_post_extras(struct store *s, struct arena *a, uint64_t viewer, struct post *const *v, size_t n) WARN_UNUSED;

/* Notifications beyond store.h */
int store_notif_dismiss(struct store *s, uint64_t account, uint64_t id) WARN_UNUSED;
int store_notif_clear(struct store *s, uint64_t account) WARN_UNUSED;

/* Accounts that account blocks (mutes true: mutes). */
int store_block_list(struct store *s, struct arena *a, uint64_t account, bool mutes, uint64_t **out, size_t *n)
	WARN_UNUSED;

#endif
