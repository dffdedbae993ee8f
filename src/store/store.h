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

#include "base/err.h"

struct arena;

enum account_kind { ACCOUNT_PERSON = 0, ACCOUNT_ORG = 1 };
enum person_type { PERSON_CLIENT = 0, PERSON_PROFESSIONAL = 1 };
enum text_size { TEXT_NORMAL = 0, TEXT_LARGE = 1, TEXT_XLARGE = 2 };
enum role { ROLE_MEMBER = 0, ROLE_MODERATOR = 1, ROLE_ADMIN = 2 };
enum visibility { VIS_PUBLIC = 0, VIS_FOLLOWERS = 1, VIS_DIRECT = 2 };
enum dm_policy { DM_EVERYONE = 0, DM_FOLLOWED = 1, DM_PROVIDERS = 2 };
/* Who follows whom: COLL_DEFAULT = hidden for clients, shown for
 * professionals and organisations (core_collections_visible). */
enum collections { COLL_DEFAULT = 0, COLL_HIDDEN = 1, COLL_SHOWN = 2 };
enum notif_kind {
	NOTIF_MENTION = 0, NOTIF_REPLY = 1, NOTIF_FOLLOW = 2, NOTIF_FOLLOW_REQUEST = 3,
	NOTIF_FAVOURITE = 4, NOTIF_BOOST = 5,
	NOTIF_GROUP_REQUEST = 6,  /* someone asks to join a group you moderate */
	NOTIF_GROUP_ACCEPTED = 7, /* your request to join was accepted */
	NOTIF_GROUP_INVITE = 8,   /* you are invited to a group */
	NOTIF_WARNING = 9,        /* a moderator warns you */
	NOTIF_POST_APPROVED = 10, /* your group post was approved */
	NOTIF_REPORT = 11,        /* a new report for moderators */
	NOTIF_GROUP_HELD = 12,    /* a post waits for approval in a group you moderate */
	NOTIF_POST_REMOVED = 13,  /* a moderator removed your post (note: why) */
	NOTIF_SCHEDULED_FAILED = 14, /* your scheduled post could not be published (note: why) */
};

/* Think time never holds a post longer than this (core's CORE_HOLD_MAX
 * stays below it): counts look this far back for posts still held. */
#define STORE_HOLD_WINDOW 3600

struct account {
	uint64_t id;
	const char *username;     /* lower case, [a-z0-9_], unique */
	const char *display_name;
	int kind;                 /* enum account_kind */
	int person_type;          /* enum person_type, for persons */
	int role;                 /* enum role */
	const char *bio;
	const char *profession, *expertise, *languages, *region; /* professionals */
	bool locked;              /* follow requests need approval */
	bool suspended;
	const char *lang;         /* "nl" or "en" */
	int64_t created_at;
	bool has_password;
	int hold_seconds;         /* think time for this person's posts */
	int dm_policy;            /* enum dm_policy: who may send direct messages */
	int collections;          /* enum collections: who sees whom they follow */
	int text_size;            /* enum text_size: how large the pages' text is */
	/* counts, filled only by store_account_counts (kept by triggers, see
	 * migration 7); posts and last_post_at cover public posts only, not
	 * those still held (think time) */
	int64_t posts, followers, following, last_post_at;
	bool has_counts;          /* the counts above are filled */
};

struct post {
	uint64_t id;
	uint64_t author_id;       /* the account it appears under (person or organisation) */
	uint64_t writer_id;       /* the person who wrote it; == author_id for persons */
	uint64_t in_reply_to;     /* 0 if none */
	uint64_t root_id;         /* thread root; == id for a root */
	uint64_t reblog_of;       /* a boost: the boosted post's id; text empty */
	int visibility;           /* enum visibility */
	const char *text;
	int64_t created_at, edited_at;
	int64_t publish_at;       /* think time: hidden from others until then (0 = at once) */
	int64_t favs, boosts, replies;
	struct account *author, *writer;   /* filled by core when rendering */
	struct post *boosted;              /* filled by core for a boost */
	/* relation to the viewer, filled by the store for the viewer given */
	bool v_follows_author;    /* viewer follows author */
	bool v_recipient;         /* viewer is a named recipient (direct, mention) */
	bool v_blocked;           /* a block between viewer and author, either way */
	bool v_muted;             /* viewer mutes author */
	bool v_staff;             /* viewer is staff of the author organisation */
	bool v_faved, v_boosted;
	int64_t reply_author;     /* author id of the parent, 0 if none */
	/* groups */
	uint64_t group_id;        /* 0 = not a group post */
	bool pending;             /* waiting for a moderator's approval */
	bool pinned;              /* pinned in its group */
	int group_kind;           /* enum group_kind, -1 if none */
	int v_group_role;         /* viewer's role in the post's group, -1 if not a member */
	bool v_staff_recipient;   /* viewer is staff of an organisation the post is addressed to */
	bool author_suspended;    /* the account it appears under is suspended */
	bool deleted;             /* only filled by store_org_audit */
	struct post_extra *x;     /* filled by store_post_extras (store_api.h) */
};

enum group_kind { GROUP_OPEN = 0, GROUP_CLOSED = 1, GROUP_SECRET = 2 };
enum group_role { GROLE_MEMBER = 0, GROLE_MODERATOR = 1, GROLE_OWNER = 2 };
enum group_state { GSTATE_MEMBER = 0, GSTATE_REQUESTED = 1, GSTATE_INVITED = 2, GSTATE_BANNED = 3 };
enum group_premod { PREMOD_NONE = 0, PREMOD_NEW = 1, PREMOD_ALL = 2 };

struct group {
	uint64_t id;
	const char *name;          /* lower case, unique, for the address */
	const char *display_name, *description, *rules;
	int kind, premod;
	uint64_t owner_id;
	int64_t created_at;
	int64_t members;           /* members with state member */
	uint64_t picture_id;       /* media id of its picture, 0 = none */
	/* the viewer's relation, filled for the viewer given */
	int v_role;                /* -1 if not a member */
	int v_state;               /* -1 if no row */
	bool v_muted;
	int64_t v_since;
};

struct group_member {
	struct account *account;
	int role, state;
	const char *message;
	int64_t since;
};

struct post_edit {
	int64_t edited_at;
	const char *text;
};

struct notification {
	uint64_t id;
	int kind;                 /* enum notif_kind */
	uint64_t actor_id;
	uint64_t post_id;
	int64_t created_at;
	bool read;
	uint64_t org_id;          /* for an organisation the reader is staff of (0: for the reader) */
	uint64_t group_id;        /* the group it is about, or 0 */
	const char *note;         /* a moderator's words, or "" */
	struct account *actor;    /* filled by core */
	struct account *org;      /* filled by core when org_id */
	struct post *post;        /* filled by core */
	struct group *group;      /* filled by core: group_id's, or NULL */
};

struct session {
	uint64_t account_id;
	char csrf[65];
	int64_t expires_at;
};

struct invite {
	const char *token_hash;
	uint64_t created_by;
	int64_t created_at, expires_at, used_at;
	uint64_t used_by;
	int role;
};

/* A page request: posts with ids strictly below max_id (0 = newest) or,
 * when min_id is set, strictly above min_id (the page nearest to it). */
struct page {
	uint64_t max_id, min_id;
	int limit;
};

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
/* A transaction around several calls, which join it: what a moderation
 * action and its log entry need, both or neither.  store_begin takes the
 * write lock; store_finish commits when rc is 0, else rolls back, and
 * returns rc (or the commit's error).  A call inside that fails may end
 * the transaction early: stop at the first error. */
int store_begin(struct store *s) WARN_UNUSED;
int store_finish(struct store *s, int rc) WARN_UNUSED;

/* Site settings (key/value). Returns the value copied into a, or dflt. */
const char *store_meta_get(struct store *s, struct arena *a, const char *key, const char *dflt);
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

/* Posts.  recipients: direct recipients and mentioned accounts; tags: lower case. */
struct post_new {
	uint64_t id, author_id, writer_id, in_reply_to, root_id;
	int visibility;
	const char *text;
	const char *search_text;        /* stemmed words for full-text search */
	const uint64_t *recipients; size_t nrecipients;
	const char *const *tags; size_t ntags;
	int64_t created_at;
	int64_t publish_at;             /* 0 = at once */
	uint64_t group_id;
	bool pending;
};
int store_post_insert(struct store *s, const struct post_new *p) WARN_UNUSED;
int store_post_get(struct store *s, struct arena *a, uint64_t viewer, uint64_t id, struct post **out) WARN_UNUSED;
/* store_post_get, also for a deleted post (its audience stays known). */
int store_post_get_any(struct store *s, struct arena *a, uint64_t viewer, uint64_t id, struct post **out) WARN_UNUSED;
/* Many posts in one query per DB_IDS: out[i] is ids[i]'s post for viewer,
 * NULL if it does not exist or was deleted. */
int store_posts_get(struct store *s, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t n,
                    struct post **out) WARN_UNUSED;
int store_post_update(struct store *s, uint64_t id, const char *text, const char *search_text,
                      const char *const *tags, size_t ntags, const uint64_t *recipients,
                      size_t nrecipients, int64_t now) WARN_UNUSED;
int store_post_edits(struct store *s, struct arena *a, uint64_t id, struct post_edit **out, size_t *n) WARN_UNUSED;
int store_post_delete(struct store *s, uint64_t id) WARN_UNUSED;
int store_post_recipients(struct store *s, struct arena *a, uint64_t id, uint64_t **out, size_t *n) WARN_UNUSED;

/* Timelines: candidate posts, newest first; core filters for visibility. */
int store_tl_home(struct store *s, struct arena *a, uint64_t viewer, const struct page *pg,
                  struct post ***out, size_t *n) WARN_UNUSED;
int store_tl_local(struct store *s, struct arena *a, uint64_t viewer, const struct page *pg,
                   struct post ***out, size_t *n) WARN_UNUSED;
int store_tl_tag(struct store *s, struct arena *a, uint64_t viewer, const char *tag,
                 const struct page *pg, struct post ***out, size_t *n) WARN_UNUSED;
int store_tl_profile(struct store *s, struct arena *a, uint64_t viewer, uint64_t author,
                     const struct page *pg, struct post ***out, size_t *n) WARN_UNUSED;
/* All posts of a thread, oldest first (bounded by limit). */
int store_thread(struct store *s, struct arena *a, uint64_t viewer, uint64_t root, int limit,
                 struct post ***out, size_t *n) WARN_UNUSED;
/* Take replies still in think time out of v[i]->replies (each post in v
 * once). */
int store_posts_replies_held(struct store *s, struct arena *a, struct post *const *v, size_t n) WARN_UNUSED;
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

/* Privacy guard: an organisation's policy and the log of overrides. */
struct guard_policy_row {
	const char *actions;      /* "bsn=block,phone=off,..." */
	const char *ignore;       /* one own contact detail per line */
	bool allow_override;      /* staff may publish a "block" anyway */
	int hold_seconds;         /* think time for posts as the organisation */
};
struct guard_log_row {
	uint64_t id, writer_id, post_id;
	const char *verdict, *types;
	int64_t created_at;
};
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

/* Conversations (direct posts), per participant: one model for the pages
 * and the API (issue 12).  The id is the thread's root. */
#define STORE_CONV_MAX 200
struct conversation {
	uint64_t root_id, last_id;  /* last_id: the newest direct post of it the reader is part of */
	int64_t last_at;
	bool unread;                /* someone else wrote after the reader last read it */
	struct post *last;          /* that post, as core_post_get gives it (core fills it in) */
};
/* The viewer's conversations, paged by last_id (pg->max_id older, pg->min_id
 * newer, at most STORE_CONV_MAX); root != 0: only that one, if the viewer's. */
int store_conversations(struct store *s, struct arena *a, uint64_t viewer, uint64_t root, const struct page *pg,
                        struct conversation **out, size_t *n) WARN_UNUSED;
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

/* Reports and the moderation log. */
struct mod_report {
	uint64_t id, reporter_id, account_id, post_id, group_id;
	const char *reason, *snapshot;
	int state;
	int64_t created_at;
};
struct mod_entry {
	uint64_t id, actor_id, group_id, account_id, post_id;
	const char *action, *note;
	int64_t created_at;
};
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
