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
#include "store/store.h"

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
#define CORE_LOGIN_MAX_ACCOUNT 5    /* failed logins per account per window */
#define CORE_LOGIN_MAX_ADDR   20    /* failed logins per address per window */
#define CORE_LOGIN_WINDOW     (15 * 60)
#define CORE_TOKEN_BYTES      32
#define CORE_HOLD_MAX         600   /* think time, seconds */
#define CORE_ORG_HOLD_DEFAULT 30

struct arena;

struct core {
	struct store *store;
};

/* Start: sodium and the store (open and migrate). */
int core_open(const char *db_target, struct core **out);
void core_close(struct core *c);
void core_thread_done(struct core *c);

/* ---- settings ---- */
struct site {
	const char *name, *description;
	bool open_registration;
};
void core_site_get(struct core *c, struct arena *a, struct site *out);
int core_site_set(struct core *c, const struct site *s);

/* ---- accounts and authentication ---- */
/* Lower-case, check and store a new account; password may be NULL (organisations). */
int core_account_create(struct core *c, const char *username, const char *password, int kind, int role,
                        uint64_t *id);
int core_account_get(struct core *c, struct arena *a, uint64_t id, struct account **out);
int core_account_by_name(struct core *c, struct arena *a, const char *username, struct account **out);
/* Validate and save profile fields of acc (owner's own edit). */
int core_profile_update(struct core *c, const struct account *acc);
int core_password_set(struct core *c, uint64_t id, const char *password);
/* Change own password: the old one must match; other sessions end. */
int core_password_change(struct core *c, uint64_t id, const char *old_pw, const char *new_pw,
                         const char *keep_session_hash);
int core_role_set(struct core *c, uint64_t id, int role);
bool core_username_valid(const char *name);

/* Log in; on success *token is a new session cookie value (hex). */
int core_login(struct core *c, struct arena *a, const char *username, const char *password,
               const char *remote, char **token, uint64_t *id);
/* Resolve a cookie value to a session (account id and CSRF token). */
int core_session(struct core *c, const char *token, struct session *out);
int core_logout(struct core *c, const char *token);
/* The store key for a token (hex SHA-256), written into out[65]. */
void core_token_hash(const char *token, char out[65]);
/* A random token as hex (2*CORE_TOKEN_BYTES chars) in a. */
char *core_token_new(struct arena *a);

/* Invitations and password-reset links.  The token is returned once; only its hash is stored. */
int core_invite_create(struct core *c, struct arena *a, uint64_t by, int role, char **token);
int core_invite_check(struct core *c, const char *token);
/* Register: with an invitation token unless registration is open. */
int core_register(struct core *c, struct arena *a, const char *invite, const char *username,
                  const char *password, uint64_t *id);
int core_reset_create(struct core *c, struct arena *a, uint64_t by, uint64_t account, char **token);
int core_reset_check(struct core *c, const char *token);
int core_reset_use(struct core *c, const char *token, const char *password);
/* First start: a one-time link token for creating the first administrator,
 * or NULL in *token if an administrator exists. */
int core_setup_token(struct core *c, struct arena *a, char **token);
int core_setup_check(struct core *c, const char *token);
int core_setup_use(struct core *c, const char *token, const char *username, const char *password,
                   uint64_t *id);

/* Organisations */
int core_org_create(struct core *c, const char *username, const char *display_name, uint64_t *id);
int core_staff_add(struct core *c, uint64_t org, uint64_t person);
bool core_may_post_as(struct core *c, uint64_t viewer, uint64_t author);

/* ---- posts ---- */
/* What the privacy guard found in a text, for the author to review. */
struct guard_result {
	enum scan_verdict verdict;      /* after the author's policy */
	bool overridable;               /* the author may publish anyway */
	bool own_data_to_provider;      /* a client's direct message to their care providers */
	struct scan_finding *v;         /* in the caller's arena */
	size_t n;
};

struct post_input {
	uint64_t author_id;        /* the viewer, or an organisation they are staff of */
	const char *text;
	int visibility;
	uint64_t in_reply_to;
	const char *to;            /* for direct posts: "@a @b" extra recipients */
	bool confirm;              /* the author saw the guard's findings and goes on */
	struct guard_result *guard; /* if set, filled with what the guard found */
};
int core_post_create(struct core *c, struct arena *a, uint64_t viewer, const struct post_input *in,
                     uint64_t *id);
/* Edit as core_post_create: the guard asks for confirm (ERR_GUARD) or blocks (ERR_BLOCKED). */
int core_post_edit(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *text);
int core_post_edit_checked(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *text,
                           bool confirm, struct guard_result *guard);
int core_post_delete(struct core *c, uint64_t viewer, uint64_t id);
/* The one visibility rule for a post already fetched for viewer. */
bool core_post_visible(uint64_t viewer, const struct post *p);
/* Fetch, check visibility, and fill author/writer/boosted. */
int core_post_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct post **out);
int core_post_history(struct core *c, struct arena *a, uint64_t viewer, uint64_t id,
                      struct post_edit **out, size_t *n);
/* The thread around a post: ancestors and the whole visible thread, oldest first. */
int core_thread(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct post ***out,
                size_t *n, size_t *focus);
int core_fav(struct core *c, uint64_t viewer, uint64_t id, bool on);
int core_boost(struct core *c, uint64_t viewer, uint64_t id, bool on);

enum timeline { TL_HOME, TL_LOCAL, TL_TAG, TL_PROFILE, TL_SEARCH };
struct tl_query {
	enum timeline kind;
	const char *tag;           /* TL_TAG */
	uint64_t author;           /* TL_PROFILE */
	const char *q;             /* TL_SEARCH */
	struct page page;
};
/*
 * A page of visible posts, newest first.  *older / *newer are cursors for
 * the next pages (0 when there is none): pass older as max_id, newer as min_id.
 */
int core_timeline(struct core *c, struct arena *a, uint64_t viewer, const struct tl_query *q,
                  struct post ***out, size_t *n, uint64_t *older, uint64_t *newer);

/* ---- the social graph ---- */
enum follow_state { FOLLOW_NONE, FOLLOW_REQUESTED, FOLLOW_YES };
int core_follow(struct core *c, uint64_t viewer, uint64_t target, bool on, int *state);
int core_follow_answer(struct core *c, uint64_t viewer, uint64_t requester, bool accept);
int core_block(struct core *c, uint64_t viewer, uint64_t target, bool on);
int core_mute(struct core *c, uint64_t viewer, uint64_t target, bool on);
struct relation {
	bool following, requested, followed_by, blocking, blocked_by, muting;
};
void core_relation(struct core *c, uint64_t viewer, uint64_t target, struct relation *out);

/* ---- notifications ---- */
int core_notifications(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg,
                       struct notification **out, size_t *n);

/* ---- search ---- */
struct search_result {
	struct account **people; size_t npeople;
	const char **tags; int64_t *tag_counts; size_t ntags;
	struct post **posts; size_t nposts;
	uint64_t older;
};
int core_search(struct core *c, struct arena *a, uint64_t viewer, const char *q, const struct page *pg,
                struct search_result *out);

/* ---- privacy guard ---- */
struct guard_policy {
	enum scan_action action[SCAN_NTYPES];
	char ignore[2048];          /* one own contact detail per line */
	bool allow_override;
	int hold_seconds;
};
/* The organisation's policy (defaults when none is stored). */
int core_guard_policy_get(struct core *c, uint64_t org, struct guard_policy *out);
int core_guard_policy_set(struct core *c, uint64_t org, const struct guard_policy *p);
/*
 * Scan text as `author` would publish it (writer = the person typing).  For a
 * person's direct message whose recipients are all their care providers
 * (organisations and professionals), client data is the point, not a leak:
 * the verdict is ok and own_data_to_provider is set.
 */
int core_guard_check(struct core *c, struct arena *a, uint64_t author, int visibility, const uint64_t *rcpt,
                     size_t nrcpt, const char *text, struct guard_result *out);
/* Set a person's own think time (0..CORE_HOLD_MAX seconds). */
int core_hold_set(struct core *c, uint64_t id, int seconds);

/* ---- text ---- */
/* Render post text as safe HTML: escaped, paragraphs, links, #tags, @mentions. */
char *core_render_text(struct core *c, struct arena *a, const char *text);
/* Lower-case, stemmed (Dutch Snowball) words of text, space separated. */
char *core_search_words(struct arena *a, const char *text);

#endif
