#ifndef CORE_FEDERATION_H
#define CORE_FEDERATION_H

/*
 * ActivityPub federation, the rules (core/federation.c; the HTTP side is
 * src/fed/, docs/federation.md says what is built).
 *
 * What is closed stays closed: core_fed_reach is the one place that says
 * whether a post may leave this server.  Every outgoing activity and every
 * fetch of an object asks it; a post it keeps home is never rendered for
 * another server, and a fetch of it is 404.
 *
 * Remote servers are reached with libcurl: https only, no loopback,
 * private or link-local address, no redirects, timeouts and a size limit on
 * every answer.  KRING_FED_LOOPBACK=1 (tests only) also allows plain http
 * to 127.0.0.1 and ::1, for two servers on one machine.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h" /* WARN_UNUSED */
#include "core/core.h"
#include "store/types.h"

#define FED_FETCH_MAX      (1024 * 1024) /* an answer from another server */
#define FED_FETCH_TIMEOUT  20            /* seconds for a whole fetch */
#define FED_CONNECT_TIMEOUT 10
#define FED_URI_MAX        2048
#define FED_KEY_REFETCH_S  60            /* a key that fails is fetched again at most this often */
/* Keys an address may make us fetch (unknown or failing ones), per window:
 * every signed request with an unknown key costs a fetch elsewhere. */
#define FED_KEY_FETCH_MAX    120
#define FED_KEY_FETCH_WINDOW 600
/* Limits on what one server may send: activities a minute (then 429;
 * KRING_FED_HOST_RATE sets another), and items in any one list of an
 * activity (to, cc, tag, ...; then 413). */
/* Kept so long: the ids of activities taken in (a server retries for about
 * two days: a repeat within this time is still known) and the activities
 * queued (every delivery has ended after FED_GIVE_UP_S); pruned daily. */
#define FED_SEEN_KEEP      (14 * 86400)
#define FED_OUT_KEEP       (7 * 86400)
#define FED_PRUNE_EVERY    86400
#define FED_HOST_RATE      600
#define FED_ITEMS_MAX      500
#define FED_PUBLIC         "https://www.w3.org/ns/activitystreams#Public"
#define FED_NOTE_MAX       (100 * 1024) /* a received Note's content (HTML) */
#define FED_TEXT_MAX       (CORE_POST_MAX_CHARS * 2) /* bytes of plain text kept of it */
/* A delivery is tried this often, waiting 2 s doubling up to 12 h between
 * tries: about 54 hours in all (Mastodon tries for about two days). */
#define FED_DELIVER_ATTEMPTS 19
#define FED_BACKOFF_MAX      43200
/* The per-host circuit breaker: after this many failures in a row a host is
 * tried again only after a back-off (2 s doubling up to 12 h), by one
 * delivery (a probe, which puts the next one off FED_PROBE_S); the others
 * wait; a delivery waiting longer than FED_GIVE_UP_S is given up. */
#define FED_BREAKER_AFTER    3
#define FED_PROBE_S          60
#define FED_GIVE_UP_S        (54 * 3600)

/* How far a post may travel from this server. */
enum fed_reach {
	FED_REACH_NONE = 0,      /* stays on this server */
	FED_REACH_PUBLIC = 1,    /* to followers' servers, and anyone may fetch it */
	FED_REACH_FOLLOWERS = 2, /* to followers' servers only; a fetch of it is 404 */
	FED_REACH_GROUP = 3,     /* an open group's post: Announced by the group to its remote members'
	                          * servers only (fed_group.c), and anyone may fetch it */
	FED_REACH_DIRECT = 4,    /* a direct message: to its remote recipients' inboxes only, addressed to
	                          * them alone; a fetch of it is 404 */
};

/*
 * The one rule: a post reaches other servers only when it is not marked
 * local-only (an organisation keeps it on its own instance), in no group
 * (closed and secret groups never; an open group's post only through the
 * group: FED_REACH_GROUP; a direct message in a group never), not
 * waiting for a moderator, not
 * held by think time or the privacy guard (publish_at after now), not a
 * boost (its Announce is sent instead), and its author is not suspended.
 * Public posts reach every follower's server and may be fetched;
 * followers-only posts are delivered to followers' servers only and a fetch
 * of them is 404; a direct message goes to its remote recipients' inboxes
 * only (never a shared inbox, never followers) and a fetch of it is 404.
 * Pure, for the property test.
 */
enum fed_reach core_fed_reach(const struct post *p, bool local_only, int64_t now);
/* Internal to core: mark a new post local-only when want, or when its
 * parent is (a reply stays with it); in the caller's transaction. */
int core_fed_mark_local(struct core *c, uint64_t post, uint64_t parent, bool want) WARN_UNUSED;

struct job_handler;
/* Start: base_url is this server's address (actor ids hang under it); h/n
 * are the delivery jobs to run. */
int core_fed_open(struct core *c, const char *base_url, const struct job_handler **h, size_t *n) WARN_UNUSED;
void core_fed_close(void);
/* "https://kring.example" (no trailing slash); "" before core_fed_open. */
const char *core_fed_base(void);
/* The host (and port) of base: "kring.example". */
const char *core_fed_host(void);

/* A local account as an actor. */
struct fed_local {
	struct account *acc;
	const char *public_pem;
	bool lists_shown;          /* followers/following may be listed (the "hide my lists" choice) */
	int64_t followers, following; /* local and remote followers; whom it follows */
};
/* ERR_NOTFOUND for no such (or a suspended) account.  The key pair is made
 * the first time it is needed. */
int core_fed_local(struct core *c, struct arena *a, const char *name, struct fed_local *out) WARN_UNUSED;


/* An incoming POST to an inbox. */
struct fed_request {
	const char *method, *target; /* target: path and query as received */
	const char *body;
	size_t bodylen;
	const char *(*header)(void *ctx, const char *name);
	void *ctx;
	const char *remote;          /* the client's address, for the limit on key fetches */
};
/*
 * Take in an activity posted to name's inbox (NULL: the shared inbox):
 * the signature is checked against the sender's key (fetched and kept),
 * the activity must be the signer's own, and an activity already taken in
 * (by id) is ignored.  Follow stores a remote follower (a request for a
 * locked account) and delivers Accept; Undo of a Follow removes it;
 * Accept/Reject answer a Follow of ours; Create keeps a public Note of
 * someone followed here, Delete removes the sender's own note.
 * 0 when taken in (or ignored), ERR_AUTH for a signature that does not
 * verify, ERR_INVAL / ERR_TOOBIG for a bad request, ERR_RATE when the
 * address made us fetch FED_KEY_FETCH_MAX keys lately; *why says which.
 */
int core_fed_inbox(struct core *c, struct arena *a, const char *name, const struct fed_request *r, const char **why)
        WARN_UNUSED;

/*
 * Let the local account name follow handle (user@host) on another server:
 * WebFinger finds its actor, the actor is fetched and kept, and a Follow is
 * delivered; the follow counts once the other server sends Accept.  Public
 * Notes the followed actor delivers afterwards are kept (core_fed_notes).
 */
int core_fed_follow(struct core *c, struct arena *a, const char *name, const char *handle, const char **why)
        WARN_UNUSED;
/*
 * An administrator blocks (or unblocks) another server: host, host:port,
 * or a domain (which covers the hosts under it).  Blocked: its requests
 * are refused (403) before any key is fetched, nothing is delivered to it,
 * nobody here follows it, and its followers here are forgotten.
 */
int core_fed_block(struct core *c, const char *host, bool block) WARN_UNUSED;
/* The blocked hosts and domains, by name (the administrator's page). */
int core_fed_blocks(struct core *c, struct arena *a, const char ***hosts, size_t *n) WARN_UNUSED;
/* Accept (or refuse) the waiting follow request of the remote actor (its
 * URI) to the locked account name, and tell its server.  ERR_NOTFOUND
 * when no such request waits. */
int core_fed_request_answer(struct core *c, struct arena *a, const char *name, const char *actor, bool accept)
        WARN_UNUSED;
/* The same for the follow request of the remote account requester to the
 * local account (the pages and GET/POST /api/v1/follow_requests). */
int core_fed_request_answer_account(struct core *c, struct arena *a, uint64_t account, uint64_t requester, bool accept)
        WARN_UNUSED;
/*
 * Remote accounts and posts (docs/federation.md): a remote actor is shown
 * as an account named "user@host" without a password, a received Note as
 * a public post of it; local rules (visibility, blocks, timelines) apply
 * to them as to any other.
 */
bool core_fed_is_remote(const struct account *acc);
/* The actor's id at its origin, for a remote account; else ERR_NOTFOUND. */
int core_fed_account_uri(struct core *c, struct arena *a, const struct account *acc, const char **uri) WARN_UNUSED;
/* The Note's id at its origin, for a received post; else ERR_NOTFOUND. */
int core_fed_post_uri(struct core *c, struct arena *a, uint64_t post, const char **uri) WARN_UNUSED;
/* viewer follows (on) or unfollows the remote account target: a Follow
 * (a request until the other server accepts) or an Undo is delivered. */
int core_fed_follow_account(struct core *c, struct arena *a, uint64_t viewer, const struct account *target, bool on)
        WARN_UNUSED;
/* Search's resolve: "@user@host" (WebFinger) or an actor's or a received
 * Note's URL; the account (or post) it is here, fetched and kept when new.
 * ERR_NOTFOUND when it cannot be had, ERR_RATE after too many lookups. */
int core_fed_resolve(struct core *c, struct arena *a, uint64_t viewer, const char *q, struct account **acc,
                     struct post **post) WARN_UNUSED;
/* A remote account already known here by "user@host" (no fetch). */
int core_fed_lookup(struct core *c, struct arena *a, const char *acct, struct account **out) WARN_UNUSED;
/* The actor document of the local account name (JSON, the caller owns it). */
struct json_t;
int core_fed_actor_doc(struct core *c, struct arena *a, const char *name, struct json_t **out) WARN_UNUSED;
/* Internal to core, after the change is stored: viewer liked (boosted) post
 * or took it back: Like (Announce) or Undo to the remote author (and the
 * booster's followers); a post was edited: Update to the author's
 * followers; an account's profile changed or it was suspended: Update of
 * the actor, or Delete of it. */
void core_fed_post_faved(struct core *c, uint64_t viewer, uint64_t post, bool on);
void core_fed_post_boosted(struct core *c, uint64_t viewer, uint64_t post, bool on);
/* A vote from here on a poll from elsewhere: sent to the poll's origin. */
void core_fed_poll_voted(struct core *c, uint64_t viewer, uint64_t post, const struct poll *poll, const int *choices,
                         size_t n);
void core_fed_post_edited(struct core *c, uint64_t post);
/* Internal to core, after a block is stored: viewer blocked (unblocked) the
 * remote account target: Block (Undo) to its inbox, follows either way end. */
void core_fed_account_blocked(struct core *c, uint64_t viewer, uint64_t target, bool on);
void core_fed_account_changed(struct core *c, uint64_t account);
/* A new key pair for name; the Update telling other servers is signed with
 * the old key (they fetch the actor again and find the new one). */
int core_fed_rotate_key(struct core *c, struct arena *a, const char *name) WARN_UNUSED;
/* The newest Notes received, at most max (for the operator: `kring fed notes`). */
int core_fed_notes(struct core *c, struct arena *a, size_t max, struct fed_note **out, size_t *n) WARN_UNUSED;

/* Internal to core: a post was written (post.c): queue its delivery. */
void core_fed_post_written(struct core *c, uint64_t post);
/* Internal to core: a post was deleted (post.c, report.c): when it could
 * have gone out, deliver Delete to the author's remote followers. */
void core_fed_post_deleted(struct core *c, uint64_t post);
/* Run due federation jobs in this thread (tests); how many ran. */
int core_fed_run_jobs(struct core *c);

/* Outgoing Flag (fed_flag.c): forward a report about another server's
 * account (and at most FED_FLAG_POSTS of its posts the viewer may see) to
 * that server, as a Flag from the instance actor (the reporter is not
 * named), through the delivery queue.  *forwarded is true when queued;
 * nothing is sent (and 0 returned) for a local account.  Its own
 * transaction. */
#define FED_FLAG_POSTS 20
int core_fed_flag(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, const uint64_t *posts,
                  size_t n, const char *comment, bool *forwarded) WARN_UNUSED;

#endif

/*
 * Groups per FEP-1b12 (core/fed_group.c): an open group is a Group actor
 * at /groups/NAME; closed and secret groups are no actors (ERR_NOTFOUND).
 * what NULL: the actor document; "followers" or "outbox": that collection
 * (counts only).  The caller owns *out.
 */
int core_fed_group_doc(struct core *c, struct arena *a, const char *name, const char *what, struct json_t **out)
        WARN_UNUSED;
/* WebFinger's acct:NAME@host for a group: the open group's name when no
 * account is called NAME (an account wins: the two names may clash);
 * ERR_NOTFOUND otherwise. */
int core_fed_group_name(struct core *c, struct arena *a, const char *name, const char **canon) WARN_UNUSED;
