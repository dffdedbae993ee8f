#ifndef CORE_CORE_H
#define CORE_CORE_H

/*
 * The domain.  Every adapter (web pages, the API, federation) goes through
 * these functions, so each rule — who may see a post, who may post as an
 * organisation, what a valid post is — lives here once.
 *
 * Viewer 0 is anonymous.  Results live in the caller's arena.  Errors:
 * ERR_NOTFOUND also when the viewer may not see the thing (no leak of
 * existence), ERR_FORBIDDEN for a visible thing the viewer may not change,
 * ERR_INVAL / ERR_TOOBIG for bad input, ERR_AUTH, ERR_RATE, ERR_BUSY, ERR_DB.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scan/scan.h"
#include "base/err.h"   /* WARN_UNUSED */
#include "store/types.h" /* the domain's types only: no store function reaches an adapter */

#define CORE_POST_MAX_CHARS   5000
#define CORE_NAME_MAX         30    /* username */
#define CORE_DISPLAY_MAX      80
#define CORE_BIO_MAX          1000
#define CORE_FIELD_MAX        200   /* profession, expertise, languages, region */
#define CORE_PASSWORD_MIN     10
#define CORE_PASSWORD_MAX     256
#define CORE_MAX_MENTIONS     20
#define CORE_MAX_TAGS         20
#define CORE_PAGE_DEFAULT     20
#define CORE_PAGE_MAX         40
#define CORE_SESSION_DAYS     30
#define CORE_INVITE_DAYS      14
#define CORE_RESET_HOURS      24
/* Wrong passwords never lock an account: after CORE_LOGIN_FREE_TRIES failures
 * in a window the next try waits 1 s, then 2, 4, ... up to CORE_LOGIN_WAIT_MAX,
 * counted from the last failure, for addresses that failed on this account
 * (an address without failures here, such as the owner's, is not held up).
 * An address with CORE_LOGIN_MAX_ADDR failures in a window waits it out. */
#define CORE_LOGIN_FREE_TRIES 3
#define CORE_LOGIN_WAIT_MAX   60    /* seconds */
#define CORE_LOGIN_MAX_ADDR   20    /* failed logins per address per window */
#define CORE_LOGIN_WINDOW     (15 * 60)
#define CORE_TOKEN_BYTES      32
/* Each try to create a group counts, a refused (taken) name too, so group
 * names cannot be probed at speed; the command line is held to it too. */
#define CORE_GROUP_CREATES_PER_DAY 10   /* per account */
#define CORE_APPS_PER_HOUR    50    /* OAuth app registrations per address */
#define CORE_HOLD_MAX         600   /* think time, seconds */
#define CORE_ORG_HOLD_DEFAULT 30
#define CORE_CONV_LIST        100   /* the Berichten page shows the newest this many conversations */
#define CORE_CONV_POSTS       200   /* a conversation's people come from its newest direct posts */
#define CORE_CONV_PEOPLE      50
#define CORE_UNREAD_MAX       100   /* the unread notification count stops here (as Mastodon's) */

/* Counts look back STORE_HOLD_WINDOW for posts still held. */
_Static_assert(CORE_HOLD_MAX <= STORE_HOLD_WINDOW, "think time longer than the store's hold window");

struct arena;
struct post_meta;
struct guard_ask;

/* The domain's state, private to core (core_int.h): an adapter holds a
 * pointer and passes it back, and so cannot reach the store. */
struct core;

/* Events after commit, from whichever door the action came through (pages,
 * API, command line): the API's streams subscribe.  on_post: a post was
 * written, edited (edited), boosted, or its poll got a vote (edited: the
 * counts changed); on_notify: a notification for an
 * account; on_delete: a post was deleted.  Set once, before serving. */
void core_set_events(struct core *c, void (*on_post)(struct core *c, uint64_t post, bool edited),
                     void (*on_notify)(struct core *c, uint64_t account), void (*on_delete)(uint64_t post));

/* ---- the operator's command line (core/operator.c): no viewer's rule ---- */
struct job_handler;
struct job_runner;
/* Every account by name after `after` (limit at most 500). */
int core_operator_accounts(struct core *c, struct arena *a, const char *after, int limit, struct account ***out,
                           size_t *n) WARN_UNUSED;
/* Make account a member (GROLE_MEMBER) or moderator of the group named so. */
int core_operator_member_add(struct core *c, struct arena *a, const char *group, uint64_t account, int role,
                             struct group **g) WARN_UNUSED;
int core_schema_version(struct core *c, int *out) WARN_UNUSED;
/* The whole database to a file and back (store/export.h). */
int core_export(struct core *c, const char *path) WARN_UNUSED;
int core_import(struct core *c, const char *path) WARN_UNUSED;
/* The job queue's workers with these handlers. */
int core_jobs_start(struct core *c, const struct job_handler *h, size_t n, struct job_runner **out) WARN_UNUSED;

/* Start: sodium and the store (open and migrate). */
int core_open(const char *db_target, struct core **out) WARN_UNUSED;
void core_close(struct core *c);
void core_thread_done(struct core *c);

/* ---- settings ---- */
struct site {
	const char *name, *description;
	bool open_registration;
};
void core_site_get(struct core *c, struct arena *a, struct site *out);
int core_site_set(struct core *c, const struct site *s) WARN_UNUSED;
/* People with an account (members, moderators, administrators). */
int core_user_count(struct core *c, int64_t *out) WARN_UNUSED;

/* ---- accounts and authentication ---- */
/* Lower-case, check and store a new account; password may be NULL (organisations). */
int core_account_create(struct core *c, const char *username, const char *password, int kind, int role,
                        uint64_t *id) WARN_UNUSED;
int core_account_get(struct core *c, struct arena *a, uint64_t id, struct account **out) WARN_UNUSED;
/* The name to show for acc: its display name, or its username when it has none. */
const char *core_shown_name(const struct account *acc);
/* The organisations viewer may post as (is staff of). */
int core_post_as_orgs(struct core *c, struct arena *a, uint64_t viewer, struct account ***out, size_t *n) WARN_UNUSED;
/* Who asks to follow viewer (ERR_AUTH for nobody logged in). */
int core_follow_requests(struct core *c, struct arena *a, uint64_t viewer, struct account ***out, size_t *n)
	WARN_UNUSED;
/* Many at once, in the order of ids (out[i] NULL for an id not found). */
int core_accounts_get(struct core *c, struct arena *a, const uint64_t *ids, size_t n, struct account **out) WARN_UNUSED;
int core_account_by_name(struct core *c, struct arena *a, const char *username, struct account **out) WARN_UNUSED;
/* A suspended account is hidden from everyone but moderators and administrators. */
bool core_account_hidden(struct core *c, uint64_t viewer, const struct account *acc);
/* Validate and save profile fields of acc (owner's own edit).  The privacy
 * guard reads the changed public texts (display name, bio, professional
 * fields) together: ERR_GUARD / ERR_BLOCKED as for struct guard_ask. */
int core_profile_update(struct core *c, const struct account *acc) WARN_UNUSED;
int core_profile_update_checked(struct core *c, const struct account *acc, const struct guard_ask *ask) WARN_UNUSED;
/* Set a password (command line, reset link): every session and token ends. */
int core_password_set(struct core *c, uint64_t id, const char *password) WARN_UNUSED;
/* Change own password: the old one must match; every other session and
 * every app token ends. */
int core_password_change(struct core *c, uint64_t id, const char *old_pw, const char *new_pw,
                         const char *keep_session_hash) WARN_UNUSED;
/* Set an account's role, as actor (an administrator, not on themselves; 0 =
 * the operator), logged.  ERR_FORBIDDEN for demoting the last administrator
 * who is not suspended. */
int core_role_set(struct core *c, uint64_t actor, uint64_t id, int role) WARN_UNUSED;
bool core_username_valid(const char *name);

/* Log in; on success *token is a new session cookie value (hex).  remote is
 * the client's address (http_client_addr).  ERR_RATE when this address must
 * wait first: *wait (if not NULL) is how many seconds. */
int core_login(struct core *c, struct arena *a, const char *username, const char *password,
               const char *remote, char **token, uint64_t *id, int *wait) WARN_UNUSED;
/* Resolve a cookie value to a session (account id and CSRF token). */
int core_session(struct core *c, const char *token, struct session *out) WARN_UNUSED;
int core_logout(struct core *c, const char *token) WARN_UNUSED;
/* The store key for a token (hex SHA-256), written into out[65]. */
void core_token_hash(const char *token, char out[65]);
/* True if t has the shape of a token (2*CORE_TOKEN_BYTES lower-case hex digits). */
bool core_token_valid(const char *t);
/* A random token as hex (2*CORE_TOKEN_BYTES chars) in a. */
char *core_token_new(struct arena *a);

/* Invitations and password-reset links.  The token is returned once; only its hash is stored. */
int core_invite_create(struct core *c, struct arena *a, uint64_t by, int role, char **token) WARN_UNUSED;
int core_invite_check(struct core *c, const char *token) WARN_UNUSED;
/* Register: with an invitation token unless registration is open. */
int core_register(struct core *c, struct arena *a, const char *invite, const char *username,
                  const char *password, uint64_t *id) WARN_UNUSED;
int core_reset_create(struct core *c, struct arena *a, uint64_t by, uint64_t account, char **token) WARN_UNUSED;
int core_reset_check(struct core *c, const char *token) WARN_UNUSED;
int core_reset_use(struct core *c, const char *token, const char *password) WARN_UNUSED;
/* First start: a one-time link token for creating the first administrator,
 * or NULL in *token if an administrator exists. */
int core_setup_token(struct core *c, struct arena *a, char **token) WARN_UNUSED;
int core_setup_check(struct core *c, const char *token) WARN_UNUSED;
int core_setup_use(struct core *c, const char *token, const char *username, const char *password,
                   uint64_t *id) WARN_UNUSED;

/* Organisations */
int core_org_create(struct core *c, const char *username, const char *display_name, uint64_t *id) WARN_UNUSED;
int core_staff_add(struct core *c, uint64_t org, uint64_t person) WARN_UNUSED;
bool core_may_post_as(struct core *c, uint64_t viewer, uint64_t author);
/* core_may_post_as for a post fetched for viewer, without a query: their
 * own, or their organisation's (the row's v_staff). */
bool core_post_own(uint64_t viewer, const struct post *p);
/* Who may set up an organisation (its profile, staff, invitations,
 * guidelines and policy): the site's administrators. */
bool core_org_may_manage(struct core *c, uint64_t viewer, uint64_t org);
/* An organisation's public details beside its name and introduction. */
#define CORE_ORG_PHONE_MAX    30
#define CORE_ORG_WEBSITE_MAX  200
#define CORE_PRIVACY_MAX      20000   /* a privacy statement */
struct org_profile {
	const char *address, *phone, *hours, *website, *privacy;
};
int core_org_profile_get(struct core *c, struct arena *a, uint64_t org, struct org_profile *out) WARN_UNUSED;
/* Save an organisation's name, introduction (acc->display_name, acc->bio)
 * and details, as viewer (core_org_may_manage).  The privacy guard reads
 * the changed texts (name, introduction, opening hours, privacy statement)
 * as for a profile; address, phone and website are the organisation's own
 * contact data.  ERR_INVAL: a field too long, a phone that is not a phone
 * number, a website that is not an http(s) address. */
int core_org_profile_set(struct core *c, uint64_t viewer, const struct account *acc, const struct org_profile *p,
                         const struct guard_ask *ask) WARN_UNUSED;
/* Staff, as viewer (core_org_may_manage).  Removal takes effect at once:
 * the person can no longer post or act as the organisation. */
int core_org_staff_add(struct core *c, uint64_t viewer, uint64_t org, uint64_t person) WARN_UNUSED;
int core_org_staff_remove(struct core *c, uint64_t viewer, uint64_t org, uint64_t person) WARN_UNUSED;
/* An organisation's staff. */
int core_org_staff(struct core *c, struct arena *a, uint64_t org, struct account ***out, size_t *n) WARN_UNUSED;
/* People found by name (q) whom viewer, who manages org, may add as its
 * staff: not suspended, not staff already.  ERR_INVAL for an empty or too
 * long q. */
int core_org_staff_candidates(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, const char *q,
                              struct account ***out, size_t *n) WARN_UNUSED;
/* An invitation link (CORE_INVITE_DAYS, once) whose new account becomes
 * staff of org on registration (core_register). */
int core_org_invite_create(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, char **token) WARN_UNUSED;
/* The site's privacy statement: NULL in *text when none was written (the
 * view shows its default).  Administrators set it ("" = the default). */
int core_privacy_get(struct core *c, struct arena *a, const char **text) WARN_UNUSED;
int core_privacy_set(struct core *c, uint64_t viewer, const char *text) WARN_UNUSED;

/* ---- posts ---- */
/* What the privacy guard found in a text, for the author to review. */
struct guard_part;
struct guard_result {
	enum scan_verdict verdict;      /* after the author's policy */
	bool overridable;               /* the author may publish anyway */
	bool own_data_to_provider;      /* a client's direct message to their care providers */
	bool client;                    /* the author is a private person, not an organisation or
	                                 * a professional: the review speaks calmly, not of policy */
	struct scan_finding *v;         /* in the caller's arena; offsets into text */
	size_t n;
	/* The audience the author reviews ("<group>.<visibility>"): a view
	 * carries it back as post_input.audience with the confirmed text. */
	char audience[48];
	const char *text;               /* what was scanned: every part, joined by blank lines */
	const struct guard_part *parts; /* where each part lies in text */
	size_t nparts;
	/* Faces in the photos and videos (not blurred), when the policy asks
	 * about them (guard_policy.faces not off); 0 = none or not asked. */
	int faces;
};
/*
 * One text of a publication.  Everything published together (a post's text,
 * content warning, poll options and media descriptions; a profile's fields;
 * a group's name, description and rules) is scanned as one text, so one
 * verdict and one audit entry cover it all.
 */
struct guard_part {
	const char *what;               /* the API's field name: "status", "spoiler_text", "note", ... */
	const char *text;
	bool self;                      /* the author about themselves (a profile): their own
	                                 * name (display name, username) is not a finding */
	int faces;                      /* a photo or video: the faces kring-image saw in it
	                                 * (not blurred); the text is what it read there */
	size_t start, end;              /* set by the guard: its place in guard_result.text */
};
/* The part a finding lies in (its `what`), "" if none. */
const char *core_guard_where(const struct guard_result *g, const struct scan_finding *f);

/*
 * The author's answer to the guard for texts that are not posts (profile,
 * a media description set later, a group): a finding the author may
 * override is refused with ERR_GUARD until they confirm; one they may not
 * override is ERR_BLOCKED.  What was found lands in *result (in arena a,
 * which result needs).  NULL: not confirmed, findings not wanted.
 */
struct guard_ask {
	bool confirm;
	struct arena *a;
	struct guard_result *result;
};

/* Which part of a post was refused, so a form can mark that field. */
enum post_problem {
	POST_OK = 0,
	POST_EMPTY,             /* no text (only spaces) */
	POST_TOO_LONG,          /* more than CORE_POST_MAX_CHARS */
	POST_BAD_TEXT,          /* not UTF-8, or control characters */
	POST_NO_RECIPIENT,      /* private, but addressed to nobody */
	POST_UNKNOWN_RECIPIENT, /* a name in `to` does not exist */
	POST_DM_REFUSED,        /* a recipient does not take private messages from the author */
};
/* The problem with a post's text (the rule core_post_create applies). */
enum post_problem core_post_text_problem(const char *text);
/* The visibility a new post by acc starts with when none is chosen: its
 * followers for a person who is neither professional nor organisation,
 * public for professionals and organisations. */
int core_default_visibility(const struct account *acc) WARN_UNUSED;

struct post_input {
	uint64_t author_id;        /* the viewer, or an organisation they are staff of */
	const char *text;
	int visibility;
	uint64_t in_reply_to;
	const char *to;            /* for direct posts: "@a @b" extra recipients */
	bool confirm;              /* the author saw the guard's findings and goes on */
	uint64_t group_id;         /* post in this group (a reply takes its parent's group) */
	struct guard_result *guard; /* if set, filled with what the guard found */
	const uint64_t *media_ids; /* uploads (core_media_upload) to attach, in order */
	size_t nmedia;
	/* guard_result.audience of the review this post comes back from, or
	 * NULL: the post is refused (ERR_INVAL) if its audience is now wider. */
	const char *audience;
	/* Stored with the post and read by the guard with its text (with the
	 * media's descriptions); NULL / 0 when there are none. */
	const struct post_meta *meta;  /* content warning (spoiler_text), language, sensitive, app */
	const char *const *poll_options;
	size_t npoll;                  /* 0, or 2..STORE_POLL_MAX */
	int64_t poll_expires_at;
	bool poll_multiple;
	/* An app's Idempotency-Key, or NULL: the same key again (even at the
	 * same moment) gives the post the first request made, not a second. */
	const char *idem_key;
	enum post_problem *why;        /* if set, filled when the post is refused */
	/* visibility is the author's default, not chosen: in a group the
	 * group is the audience (as wide as what it answers). */
	bool visibility_default;
	/* A vacancy's fields (core/vacancy.c), kept in the post's transaction:
	 * the post must be public, not a reply and not in a group. */
	const struct vacancy_fields *vacancy;
	/* Kept on this server: never federated (docs/federation.md). */
	bool local_only;
};
/* Write a post: the post, its media, content warning, poll, idempotency
 * key and guard audit are one transaction, committed before it returns. */
int core_post_create(struct core *c, struct arena *a, uint64_t viewer, const struct post_input *in,
                     uint64_t *id) WARN_UNUSED;
/* Edit as core_post_create: the guard asks for confirm (ERR_GUARD) or blocks (ERR_BLOCKED).
 * It reads the new text with the content warning (meta's, or the stored one
 * when meta is NULL), the poll options and the media descriptions; meta, if
 * given, is stored with the text. */
int core_post_edit(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *text) WARN_UNUSED;
int core_post_edit_checked(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *text,
                           bool confirm, struct guard_result *guard) WARN_UNUSED;
int core_post_edit_meta(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *text,
                        const struct post_meta *meta, bool confirm, struct guard_result *guard) WARN_UNUSED;
int core_post_delete(struct core *c, uint64_t viewer, uint64_t id) WARN_UNUSED;
/* The one visibility rule for a post already fetched for viewer. */
bool core_post_visible(uint64_t viewer, const struct post *p);
/* Does viewer's home timeline hold p (fetched for viewer)?  The rule the
 * home timeline is read by; the user stream carries the same posts. */
bool core_post_in_home(uint64_t viewer, const struct post *p);
/* Fetch, check visibility, and fill author/writer/boosted. */
int core_post_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct post **out) WARN_UNUSED;
/* Could viewer see post id, also once it is deleted?  (Who may be told of
 * its deletion: nobody else learns it existed.) */
bool core_post_seen_by(struct core *c, uint64_t viewer, uint64_t id);
/* What posts show beside their rows (media, tags, mentions, polls, the
 * viewer's bookmarks and pins: p->x, see store_api.h), for a page at once;
 * for a boost, of the post it boosts.  A post left without is fetched on
 * its own by whoever shows it. */
void core_posts_extras(struct core *c, struct arena *a, uint64_t viewer, struct post *const *v, size_t n);
int core_post_history(struct core *c, struct arena *a, uint64_t viewer, uint64_t id,
                      struct post_edit **out, size_t *n) WARN_UNUSED;
/* The thread around a post: ancestors and the whole visible thread, oldest first. */
int core_thread(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct post ***out,
                size_t *n, size_t *focus) WARN_UNUSED;
int core_fav(struct core *c, uint64_t viewer, uint64_t id, bool on) WARN_UNUSED;
int core_boost(struct core *c, uint64_t viewer, uint64_t id, bool on) WARN_UNUSED;

enum timeline { TL_HOME, TL_LOCAL, TL_TAG, TL_PROFILE, TL_SEARCH };
struct tl_query {
	enum timeline kind;
	const char *tag;           /* TL_TAG */
	uint64_t author;           /* TL_PROFILE */
	const char *q;             /* TL_SEARCH */
	struct tl_filter filter;   /* TL_LOCAL, TL_TAG: local/remote, only media */
	struct page page;
};
/*
 * A page of visible posts, newest first.  *older / *newer are cursors for
 * the next pages (0 when there is none): pass older as max_id, newer as min_id.
 */
int core_timeline(struct core *c, struct arena *a, uint64_t viewer, const struct tl_query *q,
                  struct post ***out, size_t *n, uint64_t *older, uint64_t *newer) WARN_UNUSED;

/* ---- the social graph ---- */
enum follow_state { FOLLOW_NONE, FOLLOW_REQUESTED, FOLLOW_YES };
int core_follow(struct core *c, uint64_t viewer, uint64_t target, bool on, int *state) WARN_UNUSED;
int core_follow_answer(struct core *c, uint64_t viewer, uint64_t requester, bool accept) WARN_UNUSED;
int core_block(struct core *c, uint64_t viewer, uint64_t target, bool on) WARN_UNUSED;
int core_mute(struct core *c, uint64_t viewer, uint64_t target, bool on) WARN_UNUSED;
struct relation {
	bool following, requested, requested_by, followed_by, blocking, blocked_by, muting;
};
/* How viewer and target stand: all false for an anonymous viewer or oneself.
 * An error leaves the rest false: show it as an error, not as "no". */
int core_relation(struct core *c, uint64_t viewer, uint64_t target, struct relation *out)
	WARN_UNUSED;
/* Does viewer follow #tag (false for an anonymous viewer)? */
int core_tag_followed(struct core *c, uint64_t viewer, const char *tag, bool *out)
	WARN_UNUSED;

/* What an "Aan" field named that could not be used: the piece as typed,
 * and for a name that fits several people, who they are. */
struct rcpt_problem {
	const char *text;
	struct account **choices;
	size_t nchoices;
};
/*
 * The recipients a compose form's "Aan" names, comma separated: each piece
 * an @handle, a display name, or a part of one that fits one person or
 * organisation only; appended to ids[*n..max) without duplicates.
 * ERR_NOTFOUND when a piece names nobody, ERR_CONFLICT when it fits
 * several (why->choices), ERR_TOOBIG for too many.
 */
int core_recipients_find(struct core *c, struct arena *a, uint64_t viewer, const char *to, uint64_t *ids,
                         size_t *n, size_t max, struct rcpt_problem *why) WARN_UNUSED;

/* ---- notifications ---- */
/* The one rule for who hears what is said to an organisation (mentions,
 * replies, messages, likes, shares, follows): its staff who are not
 * suspended.  Empty for an account that is not an organisation. */
int core_org_hearers(struct core *c, struct arena *a, uint64_t org, uint64_t **out, size_t *n) WARN_UNUSED;
int core_notifications(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg,
                       struct notification **out, size_t *n) WARN_UNUSED;
/* How many unread notifications the viewer's list would show (a mention in
 * a group they may not read, or about a post they may no longer see, is not
 * counted), at most CORE_UNREAD_MAX. */
int core_notif_unread(struct core *c, uint64_t viewer, int64_t *count) WARN_UNUSED;
/* Both badges of a page from one read of their state: core_notif_unread's,
 * and how many of the viewer's conversations (their own and those of the
 * organisations they are staff of) someone else wrote in since the viewer
 * last read them, at most CORE_UNREAD_MAX. */
int core_badges(struct core *c, uint64_t viewer, int64_t *notif, int64_t *conv) WARN_UNUSED;
/* The viewer has seen v[0..n) (a page of core_notifications): they are read. */
int core_notif_seen(struct core *c, uint64_t viewer, const struct notification *v, size_t n) WARN_UNUSED;

/*
 * Grouped notifications (Mastodon 4.3's /api/v2/notifications; notif_group.c).
 * The rule: a like or a share of the same post, or a follow (of the viewer,
 * or of one organisation the viewer is staff of), fall in one group when
 * they happen within the same CORE_NOTIF_GROUP_SPAN window (counted in whole
 * hours since the epoch, as Mastodon's hour buckets); every other kind, and
 * a kind the client does not list in grouped_types, is a group of its own
 * ("ungrouped-<id>").  Keys are opaque to clients.
 */
#define CORE_NOTIF_GROUP_SPAN  (12 * 3600)
#define CORE_NOTIF_SAMPLE      8      /* sample accounts per group, as Mastodon */
#define CORE_NOTIF_SCAN        1000   /* notifications read at most for one answer */
#define CORE_NOTIF_KEY_MAX     96
struct notif_filter {
	const char *const *types; size_t ntypes;      /* only these kinds (Mastodon's names); none: all */
	const char *const *exclude; size_t nexclude;
	const char *const *grouped; size_t ngrouped;  /* grouped_types */
	bool grouped_set;                             /* false: favourite, follow, reblog */
	uint64_t account_id;                          /* only from this account (0: anyone) */
};
struct notif_member {
	struct notification *n;
	struct notif_member *next;                    /* older */
};
struct notif_group {
	const char *key;
	struct notification *latest;                  /* the most recent one: its kind and post */
	int64_t count;                                /* all notifications of the group */
	uint64_t page_min_id, page_max_id;            /* of those within the page */
	int64_t page_latest_at;
	struct account *sample[CORE_NOTIF_SAMPLE];    /* the most recent distinct actors */
	size_t nsample;
	struct notif_member *members, *last;          /* newest first */
};
/* Mastodon's name for a kind ("mention", "favourite", ...). */
const char *core_notif_type(int kind);
/* The group key of n under f (NULL f: the default grouped types), in a. */
const char *core_notif_group_key(struct arena *a, const struct notification *n, const struct notif_filter *f);
/* A page of at most pg->limit groups, newest first: pg->max_id and
 * pg->min_id (as since_id) bound the notifications.  *older / *newer are the
 * oldest / newest notification of the page (0 when empty), for Link. */
int core_notif_groups(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg,
                      const struct notif_filter *f, struct notif_group **out, size_t *n, uint64_t *older,
                      uint64_t *newer) WARN_UNUSED;
/* One group by its key, with every member (ERR_NOTFOUND if it has none). */
int core_notif_group_get(struct core *c, struct arena *a, uint64_t viewer, const char *key,
                         struct notif_group *out) WARN_UNUSED;
/* Dismiss every notification of the group, in one transaction. */
int core_notif_group_dismiss(struct core *c, uint64_t viewer, const char *key) WARN_UNUSED;
/* How many groups hold an unread notification, at most limit. */
int core_notif_groups_unread(struct core *c, uint64_t viewer, const struct notif_filter *f, int limit,
                             int64_t *count) WARN_UNUSED;

/* ---- scheduled posts (scheduled.c) ---- */
/* As Mastodon: at least 5 minutes ahead, at most 300 waiting per person. */
#define CORE_SCHED_MIN_AHEAD   300
#define CORE_SCHED_MAX         300
#define CORE_SCHED_MAX_AHEAD   (2 * 366 * 86400)
#define CORE_SCHED_JOB         "scheduled_post"
struct job_handler;
/*
 * Keep in to be written at `at` (what core_post_create would write, by
 * viewer; the poll lasts poll_expires_in from then).  The text and the
 * audience are checked now (the guard too: ERR_GUARD / ERR_BLOCKED as for a
 * post, in->guard filled), and all of it again at publishing, when the
 * rules of that moment decide: a group the author left, a reply whose post
 * is gone, a guard that now blocks.  Then the post is not written; it stays
 * in the list marked failed and the author gets a notification saying why.
 * ERR_INVAL for a time too soon or too far (*why_time set), ERR_TOOBIG past
 * CORE_SCHED_MAX.
 */
int core_sched_create(struct core *c, struct arena *a, uint64_t viewer, const struct post_input *in,
                      int64_t poll_expires_in, int64_t at, bool *why_time, struct sched_post *out) WARN_UNUSED;
int core_sched_list(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg,
                    struct sched_post **out, size_t *n) WARN_UNUSED;
int core_sched_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct sched_post *out) WARN_UNUSED;
/* A new time (the same limits); a failed one waits again. */
int core_sched_move(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, int64_t at,
                    struct sched_post *out) WARN_UNUSED;
int core_sched_delete(struct core *c, uint64_t viewer, uint64_t id) WARN_UNUSED;
/* The job that publishes them (started with the other jobs). */
void core_sched_jobs(struct core *c, const struct job_handler **h, size_t *n);
/* Publish scheduled post id if it is due: one transaction (the post and
 * the end of its schedule); 0 also when there is nothing (left) to do. */
int core_sched_publish(struct core *c, uint64_t id) WARN_UNUSED;

/* ---- announcements (announce.c) ---- */
/*
 * An administrator's notices to everyone on the instance (Mastodon's
 * announcements).  Members see the published ones from starts_at (if set)
 * until ends_at (if set), then the pinned posts of the organisations they
 * follow that they may read (id = the post's); they may dismiss them and
 * react with unicode emoji.
 * Writing, publishing and deleting: administrators only (ERR_FORBIDDEN).
 */
#define CORE_ANN_TEXT_MAX 2000 /* characters */
/* The ones shown now; viewer 0: anonymous (none dismissed, no `me`). */
int core_ann_list(struct core *c, struct arena *a, uint64_t viewer, bool with_dismissed, struct announcement **out,
                  size_t *n) WARN_UNUSED;
/* Each action is one transaction; ERR_NOTFOUND for one not shown now. */
int core_ann_dismiss(struct core *c, struct arena *a, uint64_t viewer, uint64_t id) WARN_UNUSED;
/* ERR_INVAL for a name that is not one unicode emoji (kring has no custom
 * emoji), ERR_TOOBIG past STORE_ANN_REACTIONS_MAX names by one person. */
int core_ann_react(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *name) WARN_UNUSED;
int core_ann_unreact(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *name) WARN_UNUSED;
bool core_ann_emoji_ok(const char *name);
/* The administrator's view: every notice, newest first. */
int core_ann_admin_list(struct core *c, struct arena *a, uint64_t viewer, struct announcement **out,
                        size_t *n) WARN_UNUSED;
/* A new notice (published now if publish); ERR_INVAL for an empty or too
 * long text or an end before the start. */
int core_ann_create(struct core *c, uint64_t viewer, const char *text, int64_t starts_at, int64_t ends_at,
                    bool all_day, bool publish, uint64_t *id) WARN_UNUSED;
int core_ann_publish(struct core *c, uint64_t viewer, uint64_t id, bool on) WARN_UNUSED;
int core_ann_delete(struct core *c, uint64_t viewer, uint64_t id) WARN_UNUSED;

/* ---- search ---- */
struct search_result {
	struct account **people; size_t npeople;
	const char **tags; int64_t *tag_counts; size_t ntags;
	struct post **posts; size_t nposts;
	uint64_t older;
};
int core_search(struct core *c, struct arena *a, uint64_t viewer, const char *q, const struct page *pg,
                struct search_result *out) WARN_UNUSED;

/* ---- privacy guard ---- */
struct guard_policy {
	enum scan_action action[SCAN_NTYPES];
	/* Photos and videos with faces: SCAN_ACT_DEFAULT/WARN ask the author to
	 * confirm, BLOCK refuses them (unless allow_override), OFF does not ask.
	 * Stored in the actions as "faces=...". */
	enum scan_action faces;
	char ignore[2048];          /* one own contact detail per line */
	bool allow_override;
	int hold_seconds;
};
/* The organisation's policy (defaults when none is stored). */
int core_guard_policy_get(struct core *c, uint64_t org, struct guard_policy *out) WARN_UNUSED;
int core_guard_policy_set(struct core *c, uint64_t org, const struct guard_policy *p) WARN_UNUSED;
/*
 * Scan text as `author` would publish it (writer = the person typing).  For a
 * person's direct message whose recipients are all their care providers
 * (organisations and professionals), client data is the point, not a leak:
 * the verdict is ok and own_data_to_provider is set.
 */
int core_guard_check(struct core *c, struct arena *a, uint64_t author, int visibility, const uint64_t *rcpt,
                     size_t nrcpt, const char *text, struct guard_result *out) WARN_UNUSED;
/* Set a person's own think time (0..CORE_HOLD_MAX seconds). */
int core_hold_set(struct core *c, uint64_t id, int seconds) WARN_UNUSED;

/* ---- groups (kringen) ---- */
#define CORE_GROUP_DESC_MAX   2000
#define CORE_GROUP_RULES_MAX  4000
#define CORE_INVITE_USES_MAX  10000
#define CORE_INVITE_DAYS_MAX  365
#define CORE_NEW_MEMBER_POSTS 3     /* pre-moderation of new members: their first posts */
#define CORE_POSTS_PER_WINDOW 60    /* default posts and messages per writer per window */
#define CORE_POST_WINDOW      (5 * 60)
#define CORE_JOINS_PER_HOUR   20
#define CORE_REPORTS_PER_HOUR 10

/*
 * The one rule for reading a group's content: open groups are read by anyone
 * logged in on this instance, closed and secret ones by members only.
 */
bool core_group_readable(int kind, int viewer_role, uint64_t viewer);
/* A group by its name as the viewer may know it: a secret group is not
 * found for someone who is neither member nor invited (404, not 403). */
int core_group_get(struct core *c, struct arena *a, uint64_t viewer, const char *name, struct group **out) WARN_UNUSED;
/* The same by id. */
int core_group_by_id(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct group **out) WARN_UNUSED;
/* Name, description and rules pass the privacy guard (ask: see struct guard_ask). */
int core_group_create(struct core *c, uint64_t viewer, const struct group *g, const struct guard_ask *ask,
                      uint64_t *id) WARN_UNUSED;
int core_group_update(struct core *c, uint64_t viewer, const struct group *g, const struct guard_ask *ask) WARN_UNUSED;
/* Join: open → member; closed → a request (message optional); secret → only when invited. */
int core_group_join(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, const char *message,
                    int *state) WARN_UNUSED;
int core_group_leave(struct core *c, uint64_t viewer, uint64_t group) WARN_UNUSED;
int core_group_answer(struct core *c, uint64_t viewer, uint64_t group, uint64_t account, bool accept) WARN_UNUSED;
int core_group_set_role(struct core *c, uint64_t viewer, uint64_t group, uint64_t account, int role) WARN_UNUSED;
int core_group_remove(struct core *c, uint64_t viewer, uint64_t group, uint64_t account, bool ban) WARN_UNUSED;
int core_group_unban(struct core *c, uint64_t viewer, uint64_t group, uint64_t account) WARN_UNUSED;
int core_group_invite(struct core *c, uint64_t viewer, uint64_t group, uint64_t account) WARN_UNUSED;
int core_group_invite_link(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, int days,
                           int max_uses, char **token) WARN_UNUSED;
int core_group_invite_check(struct core *c, struct arena *a, const char *token, struct group **out) WARN_UNUSED;
int core_group_invite_use(struct core *c, uint64_t viewer, const char *token, uint64_t *group) WARN_UNUSED;
int core_group_mute(struct core *c, uint64_t viewer, uint64_t group, bool on) WARN_UNUSED;
int core_group_members(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, int state,
                       struct group_member **out, size_t *n) WARN_UNUSED;
/* The moderation queue: approve publishes, reject deletes. */
int core_group_pending(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct post ***out,
                       size_t *n) WARN_UNUSED;
int core_group_approve(struct core *c, uint64_t viewer, uint64_t post, bool approve) WARN_UNUSED;
int core_group_pin(struct core *c, uint64_t viewer, uint64_t post, bool on) WARN_UNUSED;
int core_group_timeline(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, const struct page *pg,
                        struct post ***out, size_t *n, uint64_t *older) WARN_UNUSED;

/* ---- reports and moderation ---- */
/* Report a post (post != 0) or an account.  Group content goes to the group's
 * moderators, the rest to the instance's moderators; `escalate` sends group
 * content to the instance's moderators instead (when the group's own
 * moderators are the problem), with a snapshot of the text. */
int core_report(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, uint64_t post,
                const char *reason, bool escalate, uint64_t *id) WARN_UNUSED;
/* Open reports the viewer handles: group != 0 for a group they moderate,
 * 0 for the instance (moderators and administrators). */
int core_reports(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct mod_report **out,
                 size_t *n) WARN_UNUSED;
/* The groups the viewer moderates, with what waits there for them. */
struct mod_group {
	struct group *group;
	size_t reports, pending;
};
int core_mod_groups(struct core *c, struct arena *a, uint64_t viewer, struct mod_group **out, size_t *n) WARN_UNUSED;
/* Act on a report: "remove" (the post), "warn", "suspend" (instance only),
 * "ban" (group only), "dismiss".  Every action but "dismiss" is one on the
 * reported person and follows the hierarchy (core_account_suspend; in a
 * group, moderators act on members only, the owner also on moderators,
 * nobody on the owner).  The action, closing the report and the log entry
 * are one transaction. */
int core_report_act(struct core *c, uint64_t viewer, uint64_t report, const char *action, const char *note) WARN_UNUSED;
/* An instance moderator sends an open report about someone on another
 * server to that server's moderators (a Flag from this instance; the
 * reporter is not named), with note (or the report's reason) as comment;
 * the report stays open here and the log says it was forwarded.
 * ERR_INVAL: the account is local; ERR_CONFLICT: closed, or nothing to
 * send to (a blocked server). */
int core_report_forward(struct core *c, struct arena *a, uint64_t viewer, uint64_t report, const char *note,
                        bool *forwarded) WARN_UNUSED;
/* Suspend an account (on) or lift its suspension, logged with the note.
 * The hierarchy: moderators suspend members only, administrators anyone,
 * nobody themselves; only administrators lift.  actor 0 is the operator
 * (command line), above every role.  Never the last administrator who is
 * not suspended (ERR_FORBIDDEN, also for the operator).  ERR_CONFLICT when
 * the account already is so. */
int core_account_suspend(struct core *c, uint64_t actor, uint64_t account, bool on, const char *note) WARN_UNUSED;
int core_mod_log(struct core *c, struct arena *a, uint64_t viewer, uint64_t group, struct mod_entry **out,
                 size_t *n) WARN_UNUSED;

/* ---- the admin API's moderation (admin.c; reports in group.c) ---- */
#define CORE_ADMIN_SCAN 20000   /* accounts read at most for one admin list */
#define CORE_ADMIN_NAME_QUERY    100   /* bytes of an admin account search by name */
#define CORE_ADMIN_DISPLAY_QUERY 200   /* and by display name */
struct admin_filter {
	int status;              /* 0 any, 1 active (not suspended), 2 suspended, 3 none (pending, silenced...) */
	bool staff;              /* moderators and administrators only */
	const char *username;    /* starts with (lower case), or NULL */
	const char *display_name; /* contains, or NULL */
};
/* Accounts for the instance's moderators and administrators (else
 * ERR_FORBIDDEN), newest first, in the id window of pg; ERR_INVAL for a
 * search longer than CORE_ADMIN_NAME_QUERY / CORE_ADMIN_DISPLAY_QUERY. */
int core_admin_accounts(struct core *c, struct arena *a, uint64_t viewer, const struct admin_filter *f,
                        const struct page *pg, struct account ***out, size_t *n) WARN_UNUSED;
int core_admin_account_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct account **out) WARN_UNUSED;
/* A moderator's warning to account (a notification with the note), under
 * the instance's hierarchy, logged: one transaction. */
int core_account_warn(struct core *c, uint64_t actor, uint64_t account, const char *note) WARN_UNUSED;
/* The instance's reports (resolved: the closed ones) the viewer may act on. */
int core_reports_state(struct core *c, struct arena *a, uint64_t viewer, bool resolved, struct mod_report **out,
                       size_t *n) WARN_UNUSED;
/* One of them; ERR_NOTFOUND for any other (a group's, one about oneself). */
int core_report_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct mod_report **out) WARN_UNUSED;
/* Who took it on (0: nobody); take it on (or let it go), logged. */
uint64_t core_report_assigned(struct core *c, struct arena *a, uint64_t report);
int core_report_assign(struct core *c, uint64_t viewer, uint64_t report, bool to_self) WARN_UNUSED;
/* Open a closed report again, logged (ERR_CONFLICT when it is open). */
int core_report_reopen(struct core *c, uint64_t viewer, uint64_t report) WARN_UNUSED;

/* What was said in an organisation's name, and by whom (administrators). */
int core_org_audit(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct post ***out,
                   size_t *n) WARN_UNUSED;

/* ---- conversations (direct messages) ---- */
/* One model for the pages and the API: the viewer's conversations (their
 * own and those of the organisations they are staff of), newest activity
 * first, paged by the newest post (pg NULL: the newest CORE_CONV_LIST), each
 * with that post (->last) as the viewer may read it. */
int core_conversations(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg,
                       struct conversation **out, size_t *n) WARN_UNUSED;
/* Mark one read up to its newest post; *out (if out) is it afterwards.
 * ERR_NOTFOUND when it is not one of the viewer's (or was left). */
int core_conversation_mark_read(struct core *c, struct arena *a, uint64_t viewer, uint64_t root,
                                struct conversation **out) WARN_UNUSED;
/* Leave one: hidden on both doors until someone writes after it. */
int core_conversation_leave(struct core *c, struct arena *a, uint64_t viewer, uint64_t root) WARN_UNUSED;
/* The people of a conversation as the viewer knows them: authors and
 * recipients of the thread's direct posts the viewer may read (others'
 * private replies on the same thread name nobody), the viewer left out. */
int core_conv_people(struct core *c, struct arena *a, uint64_t viewer, uint64_t root, uint64_t **out, size_t *n)
	WARN_UNUSED;
int core_dm_policy_set(struct core *c, uint64_t viewer, int policy) WARN_UNUSED;
/* May viewer see whom acc follows and who follows acc (the lists and their
 * counts)?  The owner always; others unless acc hides them, which is the
 * default for clients: their list of care providers is nobody's business. */
bool core_collections_visible(uint64_t viewer, const struct account *acc);
bool core_collections_hidden(const struct account *acc); /* the setting as it applies */
/* May x be shown to viewer in owner's list of followers or followed (or
 * as a follower in common)?  The list's owner sees everyone in it; others
 * only those whose own lists viewer may see: a client who keeps whom they
 * follow to themselves is not shown in their care provider's followers
 * either (that is the same fact from the other side).  Accounts elsewhere
 * are listed (their server keeps their lists).  viewer 0: anyone, another
 * server too. */
bool core_listed(uint64_t viewer, uint64_t owner, const struct account *x);
/* The person me chooses to hide their lists or not.  Only a change from
 * what applies is stored, so the default keeps following the kind of
 * account (a professional who becomes a client has them hidden). */
int core_collections_choose(struct core *c, const struct account *me, bool hide) WARN_UNUSED;

/* Who among the people viewer follows also follows target, as far as
 * target's lists are viewer's to see (core_collections_visible); at most
 * CORE_PAGE_MAX, suspended accounts left out (admin.c). */
int core_familiar_followers(struct core *c, struct arena *a, uint64_t viewer, uint64_t target,
                            struct account ***out, size_t *n) WARN_UNUSED;

/* ---- the directory ("Wie is er?") ---- */
#define CORE_DIRECTORY_MAX    50    /* of each kind on one page */
#define CORE_DIRECTORY_QUERY  100   /* characters of a search */
enum directory_kind { DIR_ALL = 0, DIR_ORGS = 1, DIR_PROFESSIONALS = 2, DIR_GROUPS = 3 };
struct directory {
	struct account **accounts; size_t naccounts;  /* organisations and professionals */
	struct group **groups; size_t ngroups;
};
/*
 * The one rule for who is listed, for viewer: organisations and care
 * professionals, never clients and never a suspended account (not even to
 * moderators); open and closed groups (of a closed one only what its page
 * shows outsiders: name and description), never a secret one (not even to
 * its members).  q (any case; NULL or "" = all) is looked for in names,
 * profession and expertise, and in groups' descriptions.  ERR_TOOBIG for
 * a query over CORE_DIRECTORY_QUERY characters, ERR_INVAL for one that is
 * not text (invalid UTF-8, control characters).
 */
int core_directory(struct core *c, struct arena *a, uint64_t viewer, const char *q, enum directory_kind kind,
                   struct directory *out) WARN_UNUSED;
/* Is this account / group ever in the directory? (The rule of core_directory.) */
bool core_directory_lists_account(const struct account *acc);
bool core_directory_lists_group(const struct group *g);

/* ---- text size on the pages ---- */
/* Set viewer's text size (enum text_size); ERR_INVAL for another value. */
int core_text_size_set(struct core *c, uint64_t viewer, int size) WARN_UNUSED;
bool core_text_size_valid(int size);

/* ---- what the client API shows beside the pages (core/door.c) ----
 * Each rule once, for both doors: who is listed (core_account_hidden),
 * which posts (core_post_visible), who may pin (core_post_own). */
#define CORE_ACCOUNT_QUERY    200   /* characters of an account search */
/* Fill acc's follower, following and post counts. */
int core_account_counts(struct core *c, struct account *acc) WARN_UNUSED;
/* People whose name or display name holds q (any case; a leading @ and
 * surrounding spaces ignored), the exact name first; never a suspended
 * account.  Empty for an empty q; ERR_INVAL for one over
 * CORE_ACCOUNT_QUERY characters or not text.  The people part of
 * core_search. */
int core_account_search(struct core *c, struct arena *a, uint64_t viewer, const char *q, int limit,
                        struct account ***out, size_t *n) WARN_UNUSED;
/* Whom account follows (following) or who follows it, as viewer may know
 * them: ERR_NOTFOUND when account is hidden from viewer; empty when its
 * lists are (core_collections_visible); hidden accounts left out.  A page
 * by the follow's id, newest first (Mastodon's order); older/newer: the
 * cursors for the next (max_id) and previous (min_id) page, 0 for none
 * (no older page after one that was not full). */
int core_followers(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, bool following,
                   const struct page *pg, struct account ***out, size_t *n, uint64_t *older,
                   uint64_t *newer) WARN_UNUSED;
/* Who favourited (boosts false) or boosted a post viewer may see, hidden
 * accounts left out; a page by the favourite's (boost's) id, cursors as
 * core_followers. */
int core_post_actors(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, bool boosts,
                     const struct page *pg, struct account ***out, size_t *n, uint64_t *older,
                     uint64_t *newer) WARN_UNUSED;
/* The accounts viewer blocks (mutes: mutes), hidden accounts left out. */
int core_blocked(struct core *c, struct arena *a, uint64_t viewer, bool mutes, struct account ***out, size_t *n) WARN_UNUSED;
/* Bookmark a post viewer may see (a boost: the post it boosts). */
int core_bookmark(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, bool on) WARN_UNUSED;
/* Pin a post to its author's profile: the author's own post (core_post_own:
 * also staff for their organisation), not a boost (ERR_FORBIDDEN), not a
 * direct one (ERR_INVAL). */
int core_pin(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, bool on) WARN_UNUSED;
/* The pinned posts of account that viewer may see, newest pin first. */
int core_pinned(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, struct post ***out, size_t *n) WARN_UNUSED;
/* The id of viewer's boost of post, or 0. */
uint64_t core_boost_of(struct core *c, uint64_t viewer, uint64_t post);
/* A post viewer may see with its stored content warning and language. */
int core_post_source(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct post **p,
                     struct post_meta *meta) WARN_UNUSED;
/* The poll of p, a post fetched for viewer (ERR_NOTFOUND if none or not visible). */
int core_post_poll(struct core *c, struct arena *a, uint64_t viewer, const struct post *p, struct poll **out) WARN_UNUSED;
/* How many posts carry #tag. */
int64_t core_tag_count(struct core *c, const char *tag);
/* The tags and the named recipients of a post the caller found visible. */
int core_post_tags(struct core *c, struct arena *a, uint64_t post, const char ***out, size_t *n) WARN_UNUSED;
int core_post_recipients(struct core *c, struct arena *a, uint64_t post, uint64_t **out, size_t *n) WARN_UNUSED;
/* The ids on a list, for a stream whose owner was checked when it opened. */
int core_list_member_ids(struct core *c, struct arena *a, uint64_t list, uint64_t **out, size_t *n) WARN_UNUSED;
/* The id of viewer's newest notification (0 when none): where a stream starts. */
int core_notif_newest(struct core *c, uint64_t viewer, uint64_t *id) WARN_UNUSED;
/* Events between processes sharing a database (store_publish/subscribe). */
int core_publish(struct core *c, const char *event) WARN_UNUSED;
int core_subscribe(struct core *c, void (*cb)(const char *event, void *ctx), void *ctx) WARN_UNUSED;
/* A number that changes with every commit (store_version): for caches. */
int core_version(struct core *c, uint64_t *out) WARN_UNUSED;
/* A read-only request (GET) reads in one read transaction (store_read_begin):
 * begun before its first read, ended before its answer goes out.  Its writes
 * (marking read, a feed's first build) end it by themselves and still commit
 * at once.  Not for a stream.  A failure to begin only costs speed. */
void core_read_begin(struct core *c);
void core_read_end(struct core *c);

/* ---- what a reader keeps (core/list.c, filter.c, reader.c) ---- */
/* Lists (Mastodon's): the owner's alone; another's is not found. */
#define CORE_LISTS_MAX          50    /* lists of one account (Mastodon's limit) */
#define CORE_LIST_TITLE_MAX     200   /* characters */
#define CORE_LIST_MEMBERS_MAX   200   /* people on one list */
int core_lists(struct core *c, struct arena *a, uint64_t viewer, struct ulist **out, size_t *n) WARN_UNUSED;
int core_list_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct ulist **out) WARN_UNUSED;
/* viewer's lists that hold account (for GET /accounts/:id/lists). */
int core_lists_holding(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, struct ulist **out,
                       size_t *n) WARN_UNUSED;
/* Create (l->id 0) or change one of viewer's lists; *id (if not NULL) is
 * its id.  ERR_INVAL for a blank title, one over CORE_LIST_TITLE_MAX or not
 * text, a replies policy other than "followed", "list", "none" (NULL:
 * "list"); ERR_TOOBIG for a list over CORE_LISTS_MAX. */
int core_list_save(struct core *c, uint64_t viewer, const struct ulist *l, uint64_t *id) WARN_UNUSED;
int core_list_delete(struct core *c, uint64_t viewer, uint64_t id) WARN_UNUSED;
/* The people on a list, a hidden (suspended) account left out. */
int core_list_members(struct core *c, struct arena *a, uint64_t viewer, uint64_t list, struct account ***out,
                      size_t *n) WARN_UNUSED;
/* Add (on) or take off ids[0..n), all or none.  Only viewer and people
 * viewer follows may be added (a pending request is no follow), nobody
 * hidden: ERR_NOTFOUND, also for an account that does not exist (as
 * Mastodon).  ERR_INVAL for none, ERR_TOOBIG past CORE_LIST_MEMBERS_MAX. */
int core_list_members_set(struct core *c, struct arena *a, uint64_t viewer, uint64_t list, const uint64_t *ids,
                          size_t n, bool on) WARN_UNUSED;
/* The posts of a list's people that viewer may see, newest first; the
 * cursors as core_timeline's. */
int core_list_timeline(struct core *c, struct arena *a, uint64_t viewer, uint64_t list, const struct page *pg,
                       struct post ***out, size_t *n, uint64_t *older, uint64_t *newer) WARN_UNUSED;

/* Filters (Mastodon's v2): the owner's alone. */
#define CORE_FILTERS_MAX         100   /* filters of one account */
#define CORE_FILTER_TITLE_MAX    200   /* characters */
#define CORE_FILTER_KEYWORDS_MAX 50    /* keywords of one filter */
#define CORE_FILTER_KEYWORD_MAX  200   /* characters of a keyword */
#define CORE_FILTER_EXPIRES_MAX  (10LL * 365 * 86400)
int core_filters(struct core *c, struct arena *a, uint64_t viewer, struct filter **out, size_t *n) WARN_UNUSED;
int core_filter_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct filter **out) WARN_UNUSED;
/* Create (f->id 0: set to the new id) or change one of viewer's filters;
 * f->kw[0..nkw) are keywords to add (their ids are set).  ERR_INVAL for a
 * blank or too long title or keyword, a context that is not a comma list of
 * home, notifications, public, thread, account, an action other than warn,
 * hide, blur (NULL: warn); ERR_TOOBIG past CORE_FILTERS_MAX or
 * CORE_FILTER_KEYWORDS_MAX; ERR_NOTFOUND for someone else's filter. */
int core_filter_save(struct core *c, uint64_t viewer, struct filter *f) WARN_UNUSED;
/* Add one keyword to viewer's filter (k->id is set), as core_filter_save. */
int core_filter_keyword_add(struct core *c, struct arena *a, uint64_t viewer, uint64_t filter, struct filter_kw *k) WARN_UNUSED;
int core_filter_delete(struct core *c, uint64_t viewer, uint64_t id) WARN_UNUSED;
int core_filter_keyword_delete(struct core *c, uint64_t viewer, uint64_t kw_id) WARN_UNUSED;
/* A filter running secs seconds from now (up to CORE_FILTER_EXPIRES_MAX): *expires_at, or ERR_INVAL. */
int core_filter_expiry(int64_t secs, int64_t *expires_at) WARN_UNUSED;

/* Bookmarks and favourites as pages of the posts viewer may still see,
 * newest first; *older / *newer are the cursors (bookmarks page by
 * bookmark, favourites by post). */
int core_bookmarks(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg, struct post ***out,
                   size_t *n, uint64_t *older, uint64_t *newer) WARN_UNUSED;
int core_favourites(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg, struct post ***out,
                    size_t *n, uint64_t *older, uint64_t *newer) WARN_UNUSED;

/* #tags: what text_tags finds after a # in a post, 1..CORE_TAG_MAX bytes. */
#define CORE_TAG_MAX            64    /* bytes */
#define CORE_TAGS_FOLLOWED_MAX  100   /* tags one account follows */
/* s (a leading # allowed) as a tag's name, lower case, in a; NULL when no
 * post could carry it. */
const char *core_tag_name(struct arena *a, const char *s);
/* Follow or unfollow a tag: ERR_INVAL for a name core_tag_name refuses,
 * ERR_TOOBIG for one more than CORE_TAGS_FOLLOWED_MAX. */
int core_tag_follow(struct core *c, struct arena *a, uint64_t viewer, const char *tag, bool on) WARN_UNUSED;
int core_tags_followed(struct core *c, struct arena *a, uint64_t viewer, const char ***out, size_t *n) WARN_UNUSED;

/* Where viewer stopped reading a timeline ("home" or "notifications", else
 * ERR_INVAL); ERR_NOTFOUND before the first marker. */
struct marker {
	uint64_t last_read_id;
	int64_t version, updated_at;
};
int core_marker_get(struct core *c, uint64_t viewer, const char *timeline, struct marker *out) WARN_UNUSED;
/* Set markers for timelines[0..n) at once. */
int core_markers_set(struct core *c, uint64_t viewer, const char *const *timelines, const uint64_t *last,
                     size_t n) WARN_UNUSED;
/* Put away one of viewer's notifications (someone else's is not found), or all. */
int core_notif_dismiss(struct core *c, uint64_t viewer, uint64_t id) WARN_UNUSED;
int core_notif_clear(struct core *c, uint64_t viewer) WARN_UNUSED;

/* ---- polls ---- */
struct poll;
#define CORE_POLL_OPTION_MAX  100   /* characters of a choice */
#define CORE_POLL_MIN_SECS    300   /* a poll runs 5 minutes at least */
#define CORE_POLL_MAX_SECS    2629746 /* and a month at most */
/* 2..STORE_POLL_MAX choices, each 1..CORE_POLL_OPTION_MAX characters, or ERR_INVAL. */
int core_poll_options_check(const char *const *opts, size_t n) WARN_UNUSED;
/* A poll running `secs` seconds from now: *expires_at, or ERR_INVAL. */
int core_poll_expiry(int64_t secs, int64_t *expires_at) WARN_UNUSED;
/* Has the poll closed (at `now`)? */
bool core_poll_closed(const struct poll *p, int64_t now);
/* The poll of a post viewer may see (ERR_NOTFOUND if none, or not visible). */
int core_poll_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, struct poll **out) WARN_UNUSED;
/*
 * Vote: the post is visible to viewer (a logged-in account) and has a poll;
 * ERR_CONFLICT when it has closed, ERR_INVAL for no choice, an option it
 * does not have, the same option twice or several in a single-choice poll,
 * ERR_EXISTS when viewer has voted already (one vote a person).
 */
int core_poll_vote(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, const int *choices, size_t n)
	WARN_UNUSED;

/* ---- organisations' guidelines ---- */
int core_guidelines_get(struct core *c, struct arena *a, uint64_t org, const char **text) WARN_UNUSED;
int core_guidelines_set(struct core *c, uint64_t org, const char *text) WARN_UNUSED;
int core_guidelines_accept(struct core *c, uint64_t viewer, uint64_t org) WARN_UNUSED;
/* Count of this writer's posts in the rate window; ERR_RATE when over. */
int core_rate(struct core *c, const char *what, uint64_t who, int max, int window) WARN_UNUSED;

/* ---- text ---- */
/* Render post text as safe HTML: escaped, paragraphs, links, #tags, @mentions. */
char *core_render_text(struct core *c, struct arena *a, const char *text);
/* A post's text for the pages: as core_render_text, but the links of an
 * organisation's post go through /l/<post>-<n> so their clicks count
 * (core_link_click, issue 20). */
char *core_render_post_text(struct core *c, struct arena *a, const struct post *p);
/* A private message as its readers read it: the @handles it starts with
 * name its recipients, who are shown apart (core_post_addressees), so the
 * text starts after them (unless it is nothing else). */
const char *core_dm_body(const struct post *p);
/* The people and organisations a private message is addressed to, as the
 * viewer (who may read it) may know them; none for other posts. */
int core_post_addressees(struct core *c, struct arena *a, uint64_t viewer, const struct post *p,
                         struct account ***out, size_t *n) WARN_UNUSED;
/* Lower-case, stemmed (Dutch Snowball) words of text, space separated. */
char *core_search_words(struct arena *a, const char *text);

/* ---- media (images, audio, video): core/media.c ---------------------------
 * Uploads are sniffed from their bytes, checked against the limits, kept
 * raw only in DATA/media/tmp until a job has re-encoded (images) or
 * remuxed (audio/video) them without any metadata; the stored files are
 * named DATA/media/ab/cdef....ext by the SHA-256 of their bytes.
 */
#include "job/job.h"

#define CORE_MEDIA_MAX_PER_POST   4
#define CORE_MEDIA_MAX_IMAGE      (12 * 1024 * 1024)  /* bytes of an image upload */
#define CORE_MEDIA_MAX_AV         (15 * 1024 * 1024)  /* bytes of an audio or video upload */
#define CORE_MEDIA_MAX_PIXELS     (40 * 1000 * 1000)  /* width x height, checked from the header */
/* Over CORE_MEDIA_BOMB_PIXELS, an image whose file has fewer bytes than
 * pixels / CORE_MEDIA_BOMB_RATIO is a decompression bomb, not a photo (a
 * 16 MP camera picture has well over 1 MB; a 154 KB PNG declaring 7000 x 7000
 * is 300 pixels a byte). */
#define CORE_MEDIA_BOMB_PIXELS    (16 * 1000 * 1000)
#define CORE_MEDIA_BOMB_RATIO     100
/* Stored images are scaled down to at most this many pixels (Mastodon's
 * 3840 x 2160), while they are decoded. */
#define CORE_MEDIA_STORE_PIXELS   (3840 * 2160)
#define CORE_MEDIA_IMAGE_CPU      10                  /* CPU seconds for kring-image on one image */
/* Per account: uploads in a sliding window (KRING_MEDIA_RATE overrides, 0 =
 * off, for load tests), and bytes kept (KRING_MEDIA_QUOTA_MB overrides the
 * total; the unattached part is at most the total).  A media item's bytes are
 * its raw upload while it is processed, then every stored file of it. */
#define CORE_MEDIA_UPLOADS        30
#define CORE_MEDIA_UPLOAD_WINDOW  600                 /* seconds */
#define CORE_MEDIA_QUOTA          (4LL << 30)         /* all media of an account */
#define CORE_MEDIA_QUOTA_LOOSE    (256LL << 20)       /* uploads on no post yet */
/* Uploads on no post (nor avatar, nor group picture) are removed after a
 * day, by a job that runs every hour. */
#define CORE_MEDIA_LOOSE_TTL      (24 * 3600)
#define CORE_MEDIA_SWEEP_EVERY    3600
#define CORE_MEDIA_MAX_SIDE       16383               /* WebP's limit */
#define CORE_MEDIA_MAX_SECONDS    300                 /* audio and video length */
#define CORE_MEDIA_ALT_MAX        1500                /* characters of alt text */
#define CORE_MEDIA_FFMPEG_TIMEOUT 60                  /* seconds for ffprobe / ffmpeg */
#define CORE_MEDIA_SEEN_TEXT_MAX  8000                /* bytes of text read in one picture or video */
#define CORE_MEDIA_VIDEO_FRAMES   3                   /* frames of a video the privacy checks look at */
/* Seconds a new post waits for its pictures' privacy checks (a job) before
 * the guard reads it without them (docs/privacy-guard.md). */
#define CORE_MEDIA_LOOK_WAIT      20

/* Why an upload was refused, for a clear message in the adapter's language. */
enum media_refusal {
	MEDIA_OK = 0,
	MEDIA_REFUSE_TYPE,      /* not an accepted image, audio or video format */
	MEDIA_REFUSE_SIZE,      /* too many bytes */
	MEDIA_REFUSE_PIXELS,    /* too many pixels (or a decompression bomb) */
	MEDIA_REFUSE_BROKEN,    /* truncated or unreadable */
	MEDIA_REFUSE_ALT,       /* alt text missing (organisation requires it) or too long */
	MEDIA_REFUSE_COUNT,     /* more than CORE_MEDIA_MAX_PER_POST, or not one's own upload */
	MEDIA_REFUSE_LENGTH,    /* audio or video too long */
	MEDIA_REFUSE_RATE,      /* CORE_MEDIA_UPLOADS in the window already (ERR_RATE) */
	MEDIA_REFUSE_QUOTA,     /* the account's media would pass CORE_MEDIA_QUOTA (ERR_TOOBIG) */
	MEDIA_REFUSE_LOOSE,     /* its unattached uploads would pass CORE_MEDIA_QUOTA_LOOSE (ERR_TOOBIG) */
};

/*
 * Set the data directory and find the kring-image program that processes
 * images (once, before any thread uses media).  Without it uploads fail with ERR_IO.  The job handlers to pass
 * to job_start are in *h[0..*n).
 */
int core_media_open(struct core *c, const char *data_dir, const struct job_handler **h, size_t *n) WARN_UNUSED;
void core_media_close(void);
/*
 * Take an upload of `owner` (bytes d[0..n)): sniff, check limits, keep it
 * for processing and queue the job.  *id is the media id to attach (state
 * processing until the job is done).  On ERR_INVAL / ERR_TOOBIG / ERR_RATE
 * *why says why.  alt may be NULL.  Never waits for the job.
 */
int core_media_upload(struct core *c, uint64_t owner, const void *d, size_t n, const char *alt, uint64_t *id,
                      enum media_refusal *why) WARN_UNUSED;
/* Have the faces in one's own processed, unattached photo blurred (the
 * guard's review offers it): it is processed again from its stored copy
 * with the faces made unrecognisable; the old files are removed.  0 also
 * when there is nothing to blur. */
int core_media_blur(struct core *c, uint64_t viewer, uint64_t id) WARN_UNUSED;
/* core_media_upload, and with blur_faces the faces kring-image finds are made
 * unrecognisable in every stored copy (and the guard then does not ask). */
int core_media_upload_blur(struct core *c, uint64_t owner, const void *d, size_t n, const char *alt, bool blur_faces,
                           uint64_t *id, enum media_refusal *why) WARN_UNUSED;
/* Change the alt text of one's own upload.  On media a post (or the avatar)
 * already shows, the privacy guard reads it now (ask: see struct guard_ask);
 * on an unattached upload it is read with the post it goes with. */
int core_media_set_alt(struct core *c, uint64_t viewer, uint64_t id, const char *alt, const struct guard_ask *ask)
	WARN_UNUSED;
/* A media item if `viewer` may see it (owner, avatar, or a visible post shows it). */
int core_media_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct media **out) WARN_UNUSED;
/*
 * Check that viewer may attach ids[0..n) to a post as author: own uploads,
 * not attached yet, not failed, at most CORE_MEDIA_MAX_PER_POST, alt text
 * on images when the organisation requires it (ERR_INVAL, *why set).
 */
int core_media_check(struct core *c, uint64_t viewer, uint64_t author, const uint64_t *ids, size_t n,
                     enum media_refusal *why) WARN_UNUSED;
/* Attach checked media to a just-created post. */
int core_media_attach(struct core *c, uint64_t post_id, uint64_t viewer, const uint64_t *ids, size_t n) WARN_UNUSED;
/* A post is deleted: detach its media and delete what nothing uses any more. */
int core_media_release_post(struct core *c, uint64_t post_id) WARN_UNUSED;
/* The media of a post the caller has already found visible, in order. */
int core_post_media(struct core *c, struct arena *a, uint64_t post_id, struct media ***out, size_t *n) WARN_UNUSED;
/*
 * A stored file by name ("<sha256>.<ext>") for viewer: ERR_NOTFOUND unless
 * viewer may see a post that shows it, owns the upload, or it is an avatar.
 * *path is the file on disk, *mime its type, *public_ whether anyone may see it.
 */
int core_media_file(struct core *c, struct arena *a, uint64_t viewer, const char *name, const char **path,
                    const char **mime, bool *public_) WARN_UNUSED;
/* Avatars: set one's own (an image upload id; 0 = back to the generated one). */
int core_avatar_set(struct core *c, uint64_t viewer, uint64_t media_id) WARN_UNUSED;
/* The avatar's file name to serve at about CORE_AVATAR_WIDTH px, or NULL for
 * the generated one: acc->avatar_file when core_posts_avatars filled it, else
 * read now. */
#define CORE_AVATAR_WIDTH 96
const char *core_avatar_file(struct core *c, struct arena *a, struct account *acc);
/* The pictures of the people of v[0..n) (authors, writers, what they boost)
 * for the pages, in one query instead of one or two per post. */
void core_posts_avatars(struct core *c, struct arena *a, struct post *const *v, size_t n);
/* The same for a page of notifications: their actors and organisations. */
void core_notifs_avatars(struct core *c, struct arena *a, struct notification *v, size_t n);
/* Organisation setting: images need alt text. */
int core_media_alt_required_set(struct core *c, uint64_t org, bool on) WARN_UNUSED;
bool core_media_alt_required(struct core *c, uint64_t org);
/* Run due media jobs now in this thread (tests, benchmarks); returns how many ran. */
int core_media_run_jobs(struct core *c) WARN_UNUSED;
/* A group's picture: an image upload of the viewer, a moderator of the group (0 = none). */
int core_group_picture_set(struct core *c, uint64_t viewer, uint64_t group, uint64_t media_id) WARN_UNUSED;
/* A processed image's file name at about `width` px, or NULL while processing. */
const char *core_media_image_file(struct core *c, struct arena *a, uint64_t media_id, int width);
/* ---- end of media ---- */

/* ---- password resets and ways in (reset.c) ---- */
#define CORE_EMAIL_MAX            254
#define CORE_MAIL_RESET_MINUTES   60     /* a mailed link works this long, once */
#define CORE_FORGOT_PER_ADDRESS   5      /* "Wachtwoord vergeten?" per e-mail address per hour */
#define CORE_FORGOT_PER_IP        20     /* ... per network address per hour */
#define CORE_NEXT_MAX             4096   /* a way back (next=) carried in a reset mail */
#define CORE_FORGOT_ACCOUNT_GAP   600    /* at most one mail per account per 10 minutes */
struct job_handler;
/* An account's optional e-mail address (NULL when none); "" clears it. */
bool core_email_valid(const char *email);
int core_email_get(struct core *c, struct arena *a, uint64_t account, const char **email) WARN_UNUSED;
int core_email_set(struct core *c, uint64_t account, const char *email) WARN_UNUSED;
/* The account an unused, unexpired reset link is for; ERR_NOTFOUND otherwise. */
int core_reset_account(struct core *c, struct arena *a, const char *token, struct account **out) WARN_UNUSED;
/* May viewer make a reset link for target: an administrator, or staff of an
 * organisation the target (a client, nobody's staff) follows. */
bool core_reset_may(struct core *c, struct arena *a, uint64_t viewer, const struct account *target);
int core_reset_for(struct core *c, struct arena *a, uint64_t viewer, const struct account *target, char **token)
	WARN_UNUSED;
/* Mail: configured at start (url empty = no mail); h/n are the job handlers. */
int core_mail_open(struct core *c, const char *url, const char *from, const char *base_url,
                   const struct job_handler **h, size_t *n) WARN_UNUSED;
void core_mail_close(void);
bool core_mail_on(void);
/* "Wachtwoord vergeten?": queue a mail with a link for each account with
 * this address, within the limits.  0 whether or not the address is known;
 * ERR_INVAL for something that is no address, ERR_NOTFOUND without mail. */
/* next: a local path the mailed link leads back to after the new password
 * (an app's authorize request); NULL or anything else is left out. */
int core_forgot(struct core *c, struct arena *a, const char *email, const char *remote, const char *next) WARN_UNUSED;
/* May this group's link make an account for a newcomer (open registration,
 * or a link an administrator made)? */
bool core_group_link_admits(struct core *c, struct arena *a, const char *token);
/* Register through a group's link (and join it: *group, 0 if that failed). */
int core_register_join(struct core *c, struct arena *a, const char *join, const char *username,
                       const char *password, uint64_t *id, uint64_t *group) WARN_UNUSED;
/* Which of the account's rules is broken: 1 the name, 2 the password, 0 none. */
int core_register_problem(const char *username, const char *password) WARN_UNUSED;

/* ---- what the pages ask that carries a rule (issue 12: no store_ call in
 * an adapter) ---- */
/* The administrator's lists, each ERR_AUTH for nobody, ERR_FORBIDDEN for
 * anyone but an administrator (the shape of core_org_audit): invitations;
 * accounts by name after `after` (limit at most 500); the privacy guard's log
 * of an organisation (ERR_NOTFOUND for an account that is none); every group
 * with its owner and size, secret ones too (abuse handling, never posts). */
int core_admin_invites(struct core *c, struct arena *a, uint64_t viewer, struct invite **out, size_t *n) WARN_UNUSED;
int core_admin_people(struct core *c, struct arena *a, uint64_t viewer, const char *after, int limit,
                      struct account ***out, size_t *n) WARN_UNUSED;
int core_org_guard_log(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct guard_log_row **out,
                       size_t *n) WARN_UNUSED;
int core_admin_groups(struct core *c, struct arena *a, uint64_t viewer, struct group ***out, size_t *n) WARN_UNUSED;
/* Which secret groups viewer may know exist: those they are a member of or
 * invited to (to everyone else one does not exist: 404, not 403). */
bool core_group_known(const struct group *g);
/* May the viewer of g (its v_state) know how many are in it: open groups
 * to anyone, closed and secret ones to members. */
bool core_group_members_shown(const struct group *g);
/* The groups viewer may know exist (core_group_known), by name. */
int core_groups(struct core *c, struct arena *a, uint64_t viewer, struct group ***out, size_t *n) WARN_UNUSED;
/* A group's address name and display name, for a post in it the viewer may read. */
int core_group_names(struct core *c, struct arena *a, uint64_t group, const char **name, const char **display) WARN_UNUSED;
/* Every notification of viewer read. */
int core_notif_read_all(struct core *c, uint64_t viewer) WARN_UNUSED;
/* viewer's own app tokens (settings page); revoke one of them (ERR_NOTFOUND
 * for a token that is not theirs or already revoked). */
int core_own_tokens(struct core *c, struct arena *a, uint64_t viewer, struct oauth_token **out, size_t *n) WARN_UNUSED;
int core_own_token_revoke(struct core *c, uint64_t viewer, uint64_t id) WARN_UNUSED;

#endif
