#ifndef CORE_FED_INT_H
#define CORE_FED_INT_H

/*
 * Federation's internals shared by core's federation files
 * (federation.c, fed_fetch.c, fed_group.c); not for adapters.
 */

#include <curl/curl.h>
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/federation.h"

/* In federation.c. */
int fed_key_pair(struct core *c, struct arena *a, uint64_t owner, const char **pub, const char **priv) WARN_UNUSED;
json_t *fed_note_json(struct core *c, struct arena *a, const struct post *p, const struct account *author);
const char *fed_dump(struct arena *a, json_t *o); /* takes o */
int fed_post_to(struct core *c, struct arena *a, uint64_t id, struct post **p, struct account **author,
                enum fed_reach *r);
bool fed_url_ok(struct arena *a, const char *url, const char **host, const char **target);
long fed_http_call(struct arena *a, const char *url, struct curl_slist *hdrs, const char *body, size_t n,
                   const char **out, size_t *outlen, char *why, size_t whylen);
bool fed_same_host(struct arena *a, const char *u1, const char *u2);
bool fed_host_blocked(struct core *c, struct arena *a, const char *url);
/* 0, or when (time_ms) every call to another server must have ended in
 * this thread: the lookups of a post being written (fed_page.c). */
extern _Thread_local int64_t fed_deadline_ms;
/*
 * The actor whose HTTP signature r carries (draft-cavage or RFC 9421; a
 * body is checked against its digest when r->body is not NULL): its key
 * as known here, or fetched (again, when it no longer verifies: a
 * rotation).  ERR_AUTH when there is no valid signature, ERR_FORBIDDEN
 * for a blocked server, ERR_RATE when the address made us fetch too many
 * keys lately.
 */
int fed_signer(struct core *c, struct arena *a, const struct fed_request *r, struct fed_actor **out,
               const char **why);

/* In fed_fetch.c. */
/* Load (or make) the instance actor's key; at start. */
int fed_instance_open(struct core *c);
/* hdrs with Host, Date and a Signature of a GET of url by the instance
 * actor (unchanged when there is no key or url is not one we may fetch). */
struct curl_slist *fed_sign_get(struct arena *a, const char *url, struct curl_slist *hdrs);
/* KRING_FED_CA_FILE, or NULL. */
const char *fed_ca_file(void);
/* ---- federation.c, for fed_group.c (groups per FEP-1b12) ---- */
json_t *fed_fetch(struct arena *a, const char *url, char *why, size_t whylen);
const char *fed_jstr(json_t *o, const char *k);
const char *fed_jref(json_t *o, const char *k);
/* Keep body for delivery, signed by signer (an account or an open group),
 * to each inbox; in the caller's transaction. */
int fed_deliver(struct core *c, struct arena *a, uint64_t signer, const char *body, const char *const *inboxes,
                size_t n) WARN_UNUSED;
/* Queue the fed_post job for arg again at run_at (its own transaction). */
int fed_post_again(struct core *c, const char *arg, int64_t run_at) WARN_UNUSED;
const char *fed_actor_uri(struct arena *a, const char *name);
uint64_t fed_known_post(struct core *c, struct arena *a, const char *uri);
enum fed_reach fed_reach_of(struct core *c, const struct post *p, int64_t now);
/* The account the local author id is, when it may act out there. */
struct account *fed_local_acc(struct core *c, struct arena *a, uint64_t id);

/* ---- fed_group.c ---- */
struct fed_actor;
/* Address the Note o of the open group post p to its group (audience). */
void fed_group_address(struct core *c, struct arena *a, const struct post *p, json_t *o);
/* The fed_post job for a post that leaves through its group: Announce. */
int fed_group_post_job(struct core *c, struct arena *a, const struct post *p, const char *arg) WARN_UNUSED;
/* The group's Announce of type (Create, Update, Delete) of p to its remote
 * members' servers (its own transaction). */
int fed_group_announce(struct core *c, struct arena *a, const struct post *p, const char *type) WARN_UNUSED;
/* A remote member changed (Update) or deleted (Delete) its Note origin,
 * the post here: Announced on to the other members when it is a post of an
 * open group that went out.  Its own transaction. */
int fed_group_relay(struct core *c, struct arena *a, const char *type, uint64_t post, const char *origin) WARN_UNUSED;
/* *key_id of the open group id (a signer of deliveries); else ERR_NOTFOUND. */
int fed_group_key_id(struct core *c, struct arena *a, uint64_t id, const char **key_id) WARN_UNUSED;
/* The object an Announce names: an announced activity's object (*itype
 * "Update" or "Delete" then; NULL for Create and for a plain object). */
const char *fed_group_inner(json_t *act, const char **itype);
/* A group followed here announced an Update or Delete of a Note: the Note
 * is fetched from its origin and changed or deleted here accordingly. */
int fed_group_change_in(struct core *c, struct arena *a, const struct fed_actor *from, const char *itype,
                        const char *obj, const char **why) WARN_UNUSED;
/* The open group of ours uri names, or NULL (closed and secret are no actors). */
struct group *fed_group_of(struct core *c, struct arena *a, const char *uri);
/* from follows (on) or leaves the open group g; Accept (or Reject) sent.
 * In the caller's transaction. */
int fed_group_follow(struct core *c, struct arena *a, const struct fed_actor *from, const char *id,
                     const struct group *g, bool on) WARN_UNUSED;
/* The open group of ours a Note is addressed to (to, cc, audience), or NULL. */
struct group *fed_group_addressed(struct core *c, struct arena *a, json_t *note);
/* A remote member's Note to g: a post in g here (its rules apply), then
 * Announced to the other remote members.  Its own transactions. */
int fed_group_take(struct core *c, struct arena *a, const struct fed_actor *from, json_t *note,
                   const struct group *g, const char **why) WARN_UNUSED;

/* ---- fed_coll.c ---- */
/* The Create of note (takes it) by actor, as delivered and in the outbox. */
json_t *fed_create(struct arena *a, const char *actor, json_t *note);
/* An actor's @context: with Mastodon's term for featured (without it a
 * JSON-LD reader drops the property). */
json_t *fed_actor_context(void);
/* The open group g's pinned posts, as Notes, into items. */
int fed_group_featured(struct core *c, struct arena *a, const struct group *g, json_t *items) WARN_UNUSED;

/* ---- fed_flag.c ---- */
/* The signer of a delivery that is the instance actor (no account is 0). */
#define FED_INSTANCE_SIGNER 0
const char *fed_instance_key_id(struct arena *a);

/* Our poll post p got a vote (federation.c): its counts go out in a while
 * (one job per poll, queued in the caller's transaction when there is one). */
void fed_poll_changed(struct core *c, const struct post *p);

#endif
