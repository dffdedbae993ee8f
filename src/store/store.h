#ifndef STORE_STORE_H
#define STORE_STORE_H

/*
 * The storage interface.  core/ calls these and never sees SQL; a driver
 * (SQLite now, PostgreSQL next) sits behind them.  Each thread uses its own
 * connection, opened on first use.  Results are allocated in the caller's
 * arena.  Every write returns only after it is committed durably.
 *
 * Errors: 0 on success, ERR_NOTFOUND, ERR_EXISTS (unique constraint),
 * ERR_BUSY (database locked or down), ERR_DB.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/types.h"

#include "base/err.h"

struct store;

/* Open (creating if needed) and migrate.  target is a file path for SQLite. */
int store_open(const char *target, struct store **out) WARN_UNUSED;
void store_close(struct store *s);
/* Close this thread's connection (a worker thread ending). */
void store_thread_done(struct store *s);
int store_schema_version(struct store *s, int *out) WARN_UNUSED;
/*
 * Events between the processes that share a PostgreSQL database (NOTIFY and
 * LISTEN on the channel "kring"): store_publish sends one (at most 8000
 * bytes), store_subscribe starts a thread that hands cb every event sent by
 * any process, itself included, until store_close.  With SQLite (one
 * process) both do nothing.
 */
int store_publish(struct store *s, const char *event) WARN_UNUSED;
int store_subscribe(struct store *s, void (*cb)(const char *event, void *ctx), void *ctx) WARN_UNUSED;
/* A number that changes whenever anything was committed to the database
 * (by any process) since it was last read: what a cache of rendered data
 * checks before it answers.  Read it before reading the data. */
int store_version(struct store *s, uint64_t *out) WARN_UNUSED;
/* A read-only request's reads in one read transaction of this thread's
 * connection, on SQLite (a shared lock once instead of per statement;
 * nothing on PostgreSQL).  Writes need not know: a write transaction or
 * statement ends it first and the request reads on without one.  End it
 * before the answer goes out; never around a long-lived answer (a stream),
 * which would keep the WAL from being checkpointed. */
int store_read_begin(struct store *s) WARN_UNUSED;
void store_read_end(struct store *s);
/* A transaction around several calls, which join it: what a moderation
 * action and its log entry need, both or neither.  store_begin takes the
 * write lock on SQLite (PostgreSQL has none: docs/pg-scale.md); store_finish commits when rc is 0, else rolls back, and
 * returns rc (or the commit's error).  A call inside that fails may end
 * the transaction early: stop at the first error. */
int store_begin(struct store *s) WARN_UNUSED;
int store_finish(struct store *s, int rc) WARN_UNUSED;
/* After store_begin .. store_finish returned rc: true when the whole
 * transaction should run again from store_begin (PostgreSQL aborted it on a
 * serialization failure or deadlock; a bounded number of tries, with a short
 * random wait).  Core's transactions on contended rows loop:
 *   int tries = 0;
 *   do { rc = store_begin(s); ...; rc = store_finish(s, rc); } while (store_again(s, rc, &tries));
 * Store functions that own their transaction retry by themselves. */
bool store_again(struct store *s, int rc, int *tries);

/* Site settings (key/value). Returns the value copied into a, or dflt. */
const char *store_meta_get(struct store *s, struct arena *a, const char *key, const char *dflt);
/* The values of up to four keys in one statement: vals[i] is left as it
 * was (a default) where keys[i] is not set. */
int store_meta_get_many(struct store *s, struct arena *a, size_t n, const char *const *keys, const char **vals);
int store_meta_set(struct store *s, const char *key, const char *value) WARN_UNUSED;

/* Accounts */
int store_account_insert(struct store *s, const struct account *acc, const char *pw_hash) WARN_UNUSED;
int store_account_get(struct store *s, struct arena *a, uint64_t id, struct account **out) WARN_UNUSED;
/* Fill acc's public post count and follower/following counts. */
int store_account_counts(struct store *s, struct account *acc) WARN_UNUSED;
/* Many accounts in one query per DB_IDS, with their counts: out[i] is
 * ids[i]'s account, NULL if there is none. */
int store_accounts_get(struct store *s, struct arena *a, const uint64_t *ids, size_t n, struct account **out)
	WARN_UNUSED;
/* Which of ids name an account (have[i]), without reading them. */
int store_accounts_exist(struct store *s, const uint64_t *ids, size_t n, bool *have) WARN_UNUSED;
int store_account_by_name(struct store *s, struct arena *a, const char *username, struct account **out) WARN_UNUSED;
int store_account_password(struct store *s, uint64_t id, struct arena *a, const char **hash) WARN_UNUSED;
int store_account_set_password(struct store *s, uint64_t id, const char *pw_hash) WARN_UNUSED;
int store_account_set_role(struct store *s, uint64_t id, int role) WARN_UNUSED;
int store_account_update(struct store *s, const struct account *acc); /* profile fields, lang, locked */
int store_account_set_suspended(struct store *s, uint64_t id, bool on) WARN_UNUSED;
int store_account_count_role(struct store *s, int role, int64_t *out) WARN_UNUSED;
/* Administrators who are not suspended. */
int store_account_count_admins_active(struct store *s, int64_t *out) WARN_UNUSED;
/* Accounts ordered by username after `after` (""), at most limit. */
int store_account_list(struct store *s, struct arena *a, const char *after, int limit,
                       struct account ***out, size_t *n) WARN_UNUSED;
/* People whose username or display name starts with / contains q (lower case). */
int store_account_search(struct store *s, struct arena *a, const char *q, int limit,
                         struct account ***out, size_t *n) WARN_UNUSED;

/* Organisation staff */
int store_staff_add(struct store *s, uint64_t org, uint64_t person) WARN_UNUSED;
int store_staff_remove(struct store *s, uint64_t org, uint64_t person) WARN_UNUSED;
/* Yes-or-no questions answer in *out and return 0, or an error (then *out is
 * the cautious answer, never to be read as "no"). */
int store_staff_is(struct store *s, uint64_t org, uint64_t person, bool *out) WARN_UNUSED;
/* Organisations this person may post as. */
int store_staff_orgs(struct store *s, struct arena *a, uint64_t person, struct account ***out, size_t *n) WARN_UNUSED;
int store_staff_list(struct store *s, struct arena *a, uint64_t org, struct account ***out, size_t *n) WARN_UNUSED;

/* Sessions: token_hash is a hex digest of the cookie value. */
int store_session_insert(struct store *s, const char *token_hash, uint64_t account, const char *csrf,
                         int64_t expires_at) WARN_UNUSED;
int store_session_get(struct store *s, const char *token_hash, int64_t now, struct session *out) WARN_UNUSED;
int store_session_delete(struct store *s, const char *token_hash) WARN_UNUSED;
int store_session_delete_account(struct store *s, uint64_t account, const char *except_hash) WARN_UNUSED;

/* One-time tokens: kind is "invite" or "reset" (or later kinds). */
int store_token_insert(struct store *s, const char *kind, const char *token_hash, uint64_t account,
                       int role, int64_t expires_at, uint64_t created_by) WARN_UNUSED;
/* Atomically use a token: ERR_NOTFOUND if unknown, used or expired. */
int store_token_use(struct store *s, const char *kind, const char *token_hash, int64_t now,
                    uint64_t used_by, uint64_t *account, int *role) WARN_UNUSED;
int store_token_check(struct store *s, const char *kind, const char *token_hash, int64_t now) WARN_UNUSED;
/* Spend every unused token of this kind for account (e.g. its reset links). */
int store_token_expire_account(struct store *s, const char *kind, uint64_t account, int64_t now) WARN_UNUSED;
int store_invite_list(struct store *s, struct arena *a, struct invite **out, size_t *n) WARN_UNUSED;

/* Rate limiting: count of events for key since `since`, and record one. */
int store_rate_hit(struct store *s, const char *key, int64_t now, int64_t since, int64_t *count) WARN_UNUSED;
int store_rate_clear(struct store *s, const char *key) WARN_UNUSED;
int store_rate_count(struct store *s, const char *key, int64_t since, int64_t *count) WARN_UNUSED;
/* Count, first and last time of key's events since `since` (0, 0, 0 if none). */
int store_rate_span(struct store *s, const char *key, int64_t since, int64_t *count, int64_t *first,
                    int64_t *last) WARN_UNUSED;

int store_post_insert(struct store *s, const struct post_new *p) WARN_UNUSED;
int store_post_get(struct store *s, struct arena *a, uint64_t viewer, uint64_t id, struct post **out) WARN_UNUSED;
/* store_post_get, also for a deleted post (its audience stays known). */
int store_post_get_any(struct store *s, struct arena *a, uint64_t viewer, uint64_t id, struct post **out) WARN_UNUSED;
/* Many posts in one query per DB_IDS: out[i] is ids[i]'s post for viewer,
 * NULL if it does not exist or was deleted. */
int store_posts_get(struct store *s, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                    struct post **out) WARN_UNUSED;
/* store_posts_get with only what core_post_visible reads (and reblog_of):
 * for the counts (menu badges) that ask whether up to 100 posts are shown. */
int store_posts_vis(struct store *s, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                    struct post **out) WARN_UNUSED;
int store_post_update(struct store *s, uint64_t id, const char *text, const char *search_text,
                      const char *const *tags, size_t ntags, const uint64_t *recipients,
                      size_t nrecipients, int64_t now) WARN_UNUSED;
int store_post_edits(struct store *s, struct arena *a, uint64_t id, struct post_edit **out, size_t *n) WARN_UNUSED;
int store_post_delete(struct store *s, uint64_t id) WARN_UNUSED;
int store_post_recipients(struct store *s, struct arena *a, uint64_t id, uint64_t **out, size_t *n) WARN_UNUSED;

/* After a post's commit: the posts waiting in feed_pending go into their
 * readers' home feeds soon, off the caller's path (feed.c's flusher). */
void store_feed_kick(struct store *s);
/* Timelines: candidate posts, newest first; core filters for visibility. */
/* Does the home timeline of viewer take p in (own posts, followees', the
 * groups' not muted, those addressed to viewer)?  p read for viewer. */
bool store_post_in_home(uint64_t viewer, const struct post *p);
int store_tl_home(struct store *s, struct arena *a, uint64_t viewer, const struct page *pg,
                  struct post ***out, size_t *n) WARN_UNUSED;
int store_tl_local(struct store *s, struct arena *a, uint64_t viewer, const struct tl_filter *f,
                   const struct page *pg, struct post ***out, size_t *n) WARN_UNUSED;
int store_tl_tag(struct store *s, struct arena *a, uint64_t viewer, const char *tag, const struct tl_filter *f,
                 const struct page *pg, struct post ***out, size_t *n) WARN_UNUSED;
int store_tl_profile(struct store *s, struct arena *a, uint64_t viewer, uint64_t author,
                     const struct page *pg, struct post ***out, size_t *n) WARN_UNUSED;
/* All posts of a thread, oldest first (bounded by limit). */
int store_thread(struct store *s, struct arena *a, uint64_t viewer, uint64_t root, int limit,
                 struct post ***out, size_t *n) WARN_UNUSED;
/* Take replies still in think time out of v[i]->replies (each post in v
 * once). */
int store_posts_replies_held(struct store *s, struct post *const *v, size_t n) WARN_UNUSED;
/* The newest direct posts of a thread (bounded by limit), for the viewer. */
int store_thread_direct(struct store *s, struct arena *a, uint64_t viewer, uint64_t root, int limit,
                        struct post ***out, size_t *n) WARN_UNUSED;
/* Full-text search over search_text; `match` is a driver-neutral list of
 * stemmed words, all of which must occur. */
int store_search_posts(struct store *s, struct arena *a, uint64_t viewer, const char *const *words,
                       size_t nwords, const struct page *pg, struct post ***out, size_t *n) WARN_UNUSED;
int store_search_tags(struct store *s, struct arena *a, const char *prefix, int limit,
                      const char ***out, int64_t **counts, size_t *n) WARN_UNUSED;

/* Favourites and boosts. */
int store_fav_set(struct store *s, uint64_t account, uint64_t post, bool on, bool *changed) WARN_UNUSED;
/* A boost is a post row with reblog_of; on creates it with boost_id. */
int store_boost_set(struct store *s, uint64_t account, uint64_t post, bool on, uint64_t boost_id,
                    int64_t now, bool *changed) WARN_UNUSED;

/* The social graph. */
int store_follow_set(struct store *s, uint64_t follower, uint64_t followee, bool on, bool *changed) WARN_UNUSED;
int store_follows(struct store *s, uint64_t follower, uint64_t followee, bool *out) WARN_UNUSED;
int store_follow_request_set(struct store *s, uint64_t requester, uint64_t target, bool on, bool *changed) WARN_UNUSED;
int store_follow_requested(struct store *s, uint64_t requester, uint64_t target, bool *out) WARN_UNUSED;
int store_follow_requests(struct store *s, struct arena *a, uint64_t target, struct account ***out, size_t *n)
	WARN_UNUSED;
int store_followers(struct store *s, struct arena *a, uint64_t id, bool following, int limit,
                    struct account ***out, size_t *n) WARN_UNUSED;
int store_block_set(struct store *s, uint64_t account, uint64_t target, bool on) WARN_UNUSED;
int store_mute_set(struct store *s, uint64_t account, uint64_t target, bool on) WARN_UNUSED;
/* Does account block (mute) target? */
int store_blocks(struct store *s, uint64_t account, uint64_t target, bool *out) WARN_UNUSED;
int store_mutes(struct store *s, uint64_t account, uint64_t target, bool *out) WARN_UNUSED;

int store_guard_policy_get(struct store *s, struct arena *a, uint64_t org, struct guard_policy_row *out) WARN_UNUSED;
int store_guard_policy_set(struct store *s, uint64_t org, const struct guard_policy_row *p) WARN_UNUSED;
int store_guard_log_add(struct store *s, uint64_t org, uint64_t writer, uint64_t post, const char *verdict,
                        const char *types) WARN_UNUSED;
int store_guard_log_list(struct store *s, struct arena *a, uint64_t org, int limit, struct guard_log_row **out,
                         size_t *n) WARN_UNUSED;
int store_account_set_hold(struct store *s, uint64_t id, int seconds) WARN_UNUSED;

/* Groups. */
int store_group_insert(struct store *s, const struct group *g) WARN_UNUSED;
int store_group_update(struct store *s, const struct group *g) WARN_UNUSED;
int store_group_get(struct store *s, struct arena *a, uint64_t viewer, uint64_t id, struct group **out) WARN_UNUSED;
int store_group_by_name(struct store *s, struct arena *a, uint64_t viewer, const char *name, struct group **out)
	WARN_UNUSED;
/* Set a group's picture (0 = none); *old is the one it had. */
int store_group_set_picture(struct store *s, uint64_t group, uint64_t media_id, uint64_t *old) WARN_UNUSED;
/* The group whose picture media_id is, or 0. */
uint64_t store_media_group(struct store *s, uint64_t media_id);
/* Only the group's address name and display name (cheap: no counts, no viewer). */
int store_group_names(struct store *s, struct arena *a, uint64_t id, const char **name, const char **display)
	WARN_UNUSED;
/* Groups for the directory: open and closed ones, secret ones the viewer has
 * any tie to (core_groups decides which they may know); all of them when
 * `all` (an administrator's view). */
int store_group_list(struct store *s, struct arena *a, uint64_t viewer, bool all, struct group ***out,
                     size_t *n) WARN_UNUSED;
/* The groups the account is a member of. */
int store_group_mine(struct store *s, struct arena *a, uint64_t account, struct group ***out, size_t *n) WARN_UNUSED;
int store_member_set(struct store *s, uint64_t group, uint64_t account, int role, int state,
                     const char *message) WARN_UNUSED;
int store_member_delete(struct store *s, uint64_t group, uint64_t account) WARN_UNUSED;
int store_member_mute(struct store *s, uint64_t group, uint64_t account, bool on) WARN_UNUSED;
/* Members (state given, or -1 for all) ordered by role then name. */
int store_member_list(struct store *s, struct arena *a, uint64_t group, int state, struct group_member **out,
                      size_t *n) WARN_UNUSED;
int store_group_moderators(struct store *s, struct arena *a, uint64_t group, uint64_t **out, size_t *n) WARN_UNUSED;
int store_group_invite_insert(struct store *s, const char *token_hash, uint64_t group, uint64_t by,
                              int64_t expires_at, int max_uses) WARN_UNUSED;
/* Use one of an invitation link's uses; ERR_NOTFOUND if unknown, expired or used up. */
int store_group_invite_use(struct store *s, const char *token_hash, int64_t now, uint64_t *group) WARN_UNUSED;
int store_group_invite_check(struct store *s, const char *token_hash, int64_t now, uint64_t *group) WARN_UNUSED;
int store_tl_group(struct store *s, struct arena *a, uint64_t viewer, uint64_t group, const struct page *pg,
                   struct post ***out, size_t *n) WARN_UNUSED;
int store_group_pending(struct store *s, struct arena *a, uint64_t viewer, uint64_t group, struct post ***out,
                        size_t *n) WARN_UNUSED;
int store_post_set_pending(struct store *s, uint64_t id, bool pending) WARN_UNUSED;
int store_post_set_pinned(struct store *s, uint64_t id, bool pinned) WARN_UNUSED;
int store_group_post_count(struct store *s, uint64_t group, uint64_t author, int64_t *n) WARN_UNUSED;

/* The viewer's conversations, paged by last_id (pg->max_id older, pg->min_id
 * newer, at most STORE_CONV_MAX); root != 0: only that one, if the viewer's. */
int store_conversations(struct store *s, struct arena *a, uint64_t viewer, uint64_t root, const struct page *pg,
                        struct conversation **out, size_t *n) WARN_UNUSED;
/* The newest posts of the viewer's unread conversations, newest first, at
 * most limit (kept at write time; core checks each is still readable). */
int store_conv_unread(struct store *s, struct arena *a, uint64_t viewer, int limit, uint64_t **last,
                      size_t *n) WARN_UNUSED;
int store_conv_read(struct store *s, uint64_t account, uint64_t root, uint64_t last) WARN_UNUSED;
/* Hidden until someone writes after last. */
int store_conv_leave(struct store *s, uint64_t account, uint64_t root, uint64_t last) WARN_UNUSED;
int store_account_set_dm_policy(struct store *s, uint64_t id, int policy) WARN_UNUSED;
int store_account_set_collections(struct store *s, uint64_t id, int collections) WARN_UNUSED;
int store_account_set_text_size(struct store *s, uint64_t id, int size) WARN_UNUSED;
/* The directory's candidates (core_directory applies the rule): organisations
 * (which 0 or 1) and professionals (which 0 or 2), not suspended, whose
 * username, display name, profession or expertise contain q (lower case;
 * "" = all); groups that are not secret whose name or description contain q. */
int store_directory_accounts(struct store *s, struct arena *a, const char *q, int which, int limit,
                             struct account ***out, size_t *n) WARN_UNUSED;
int store_directory_groups(struct store *s, struct arena *a, uint64_t viewer, const char *q, int limit,
                           struct group ***out, size_t *n) WARN_UNUSED;

int store_modreport_insert(struct store *s, const struct mod_report *r) WARN_UNUSED;
int store_modreport_get(struct store *s, struct arena *a, uint64_t id, struct mod_report **out) WARN_UNUSED;
/* Open reports for one group, or (group 0) for the instance: non-group content. */
int store_modreport_list(struct store *s, struct arena *a, uint64_t group, int state, struct mod_report **out, size_t *n) WARN_UNUSED;
int store_modreport_close(struct store *s, uint64_t id) WARN_UNUSED;
int store_modreport_reopen(struct store *s, uint64_t id) WARN_UNUSED;
int store_mod_log_add(struct store *s, uint64_t actor, uint64_t group, const char *action, uint64_t account,
                      uint64_t post, const char *note) WARN_UNUSED;
int store_mod_log_list(struct store *s, struct arena *a, uint64_t group, int limit, struct mod_entry **out,
                       size_t *n) WARN_UNUSED;

/* Posts made as an organisation (newest first), without their text: who
 * wrote what kind of post when, including deleted ones. */
int store_org_audit(struct store *s, struct arena *a, uint64_t org, int limit, struct post ***out, size_t *n)
	WARN_UNUSED;

/* Organisation guidelines. */
int store_guidelines_get(struct store *s, struct arena *a, uint64_t org, const char **text) WARN_UNUSED;
int store_guidelines_set(struct store *s, uint64_t org, const char *text) WARN_UNUSED;
int store_guidelines_accepted(struct store *s, uint64_t org, uint64_t person, bool *out) WARN_UNUSED;
int store_guidelines_accept(struct store *s, uint64_t org, uint64_t person) WARN_UNUSED;

/* Notifications. */
int store_notif_insert(struct store *s, uint64_t account, int kind, uint64_t actor, uint64_t post) WARN_UNUSED;
/* The same for a staff member of organisation `org`, marked as for it. */
int store_notif_insert_for(struct store *s, uint64_t account, uint64_t org, int kind, uint64_t actor,
                           uint64_t post) WARN_UNUSED;
int store_notif_list(struct store *s, struct arena *a, uint64_t account, const struct page *pg,
                     struct notification **out, size_t *n) WARN_UNUSED;
int store_notif_unread(struct store *s, uint64_t account, int64_t *count) WARN_UNUSED;
/* The menu badges' state (migration 42): the unread notifications kept at
 * write time, the version every write that could change either badge
 * raises (-1: no row) and the epoch of writes that change many people's. */
int store_badge_state(struct store *s, uint64_t account, int64_t *unread, int64_t *ver, int64_t *epoch) WARN_UNUSED;
int store_notif_mark_read(struct store *s, uint64_t account) WARN_UNUSED;
/* Notifications about a group (group_id) and with a moderator's note. */
int store_notif_insert_in(struct store *s, uint64_t account, int kind, uint64_t actor, uint64_t post,
                          uint64_t group, const char *note) WARN_UNUSED;
/* Mark read the viewer's notifications with min_id <= id <= max_id (those shown). */
int store_notif_mark_read_range(struct store *s, uint64_t account, uint64_t min_id, uint64_t max_id) WARN_UNUSED;

/* Password resets (reset.c): an account's optional e-mail address (NULL
 * when none; norm is its lower-case form to find it by), the accounts with
 * an address (not suspended, at most max), the account of an unused reset
 * link, who made a group's link, and whether person follows an organisation
 * staff is staff of (staff_any: is staff of any). */
int store_email_get(struct store *s, struct arena *a, uint64_t account, const char **email) WARN_UNUSED;
int store_email_set(struct store *s, uint64_t account, const char *email, const char *norm) WARN_UNUSED;
int store_email_accounts(struct store *s, const char *norm, uint64_t *ids, size_t max, size_t *n) WARN_UNUSED;
int store_token_account(struct store *s, const char *kind, const char *token_hash, int64_t now, uint64_t *account)
	WARN_UNUSED;
int store_group_invite_creator(struct store *s, const char *token_hash, uint64_t *by) WARN_UNUSED;
bool store_staff_client(struct store *s, uint64_t staff, uint64_t person);
bool store_staff_any(struct store *s, uint64_t person);

#endif
