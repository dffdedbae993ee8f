#ifndef CORE_PUSH_H
#define CORE_PUSH_H

/*
 * Web Push, as Mastodon does it (core/push.c).  An app subscribes one
 * endpoint per access token with the types of notification it wants
 * (alerts) and from whom (policy).  When a notification is made for the
 * account, core queues a job per matching subscription; the job encrypts
 * Mastodon's payload for the subscription's keys (RFC 8291 aes128gcm when
 * the app asked for `standard`, else Mastodon's legacy aesgcm), signs a
 * VAPID JWT (RFC 8292, ES256) with the server's key pair (made at first
 * start, kept in the database) and posts it to the endpoint with libcurl:
 * retried with backoff, and the subscription removed when the push service
 * answers 404 or 410.
 *
 * Endpoints are https only (test builds, and a server started with
 * KRING_PUSH_LOOPBACK=1, also take http://127.0.0.1 and http://[::1], for
 * the receiver in the tests), at most CORE_PUSH_ENDPOINT_MAX bytes, and are
 * never sent to a loopback, private or link-local address otherwise.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"
#include "base/err.h"   /* WARN_UNUSED */
#include "store/types.h"

#define CORE_PUSH_ENDPOINT_MAX 2048
#define CORE_PUSH_PLAIN_MAX 3072 /* payload JSON before encryption (a push message carries 4 KB) */
#define CORE_PUSH_BODY_CHARS 140 /* the text shown, as Mastodon's */
#define CORE_PUSH_TTL 172800     /* seconds a push service may hold a message (48 h) */

enum push_alert {
	PUSH_MENTION = 1 << 0,
	PUSH_STATUS = 1 << 1,
	PUSH_REBLOG = 1 << 2,
	PUSH_FOLLOW = 1 << 3,
	PUSH_FOLLOW_REQUEST = 1 << 4,
	PUSH_FAVOURITE = 1 << 5,
	PUSH_POLL = 1 << 6,
	PUSH_UPDATE = 1 << 7,
	PUSH_ADMIN_SIGN_UP = 1 << 8,
	PUSH_ADMIN_REPORT = 1 << 9,
};
#define PUSH_NALERTS 10
/* The alerts' names as Mastodon's API has them, bit i is names[i]. */
extern const char *const core_push_alert_names[PUSH_NALERTS];

enum push_policy { PUSH_POLICY_ALL = 0, PUSH_POLICY_FOLLOWED = 1, PUSH_POLICY_FOLLOWER = 2, PUSH_POLICY_NONE = 3 };
const char *core_push_policy_name(int policy);
/* ERR_INVAL for a name that is none of all/followed/follower/none. */
int core_push_policy_parse(const char *name, int *out);

struct job_handler;
/* Start: load (or make, the first time) the VAPID key pair and the key that
 * seals tokens (DATA/push.key); h/n are the job handlers to run. */
int core_push_open(struct core *c, const char *data_dir, const char *base_url, const struct job_handler **h, size_t *n);
void core_push_close(void);
/* The VAPID public key, base64url (the apps' `server_key`/`vapid_key`); "" before core_push_open. */
const char *core_push_server_key(void);

struct push_input {
	const char *endpoint, *p256dh, *auth;
	bool standard;
	int alerts, policy;
};
/* Subscribe the token (replacing its subscription).  ERR_INVAL with *why for
 * a bad endpoint or keys; ERR_BUSY before core_push_open. */
int core_push_subscribe(struct core *c, struct arena *a, uint64_t viewer, uint64_t token_id, const char *token,
                        const struct push_input *in, struct push_sub **out, const char **why);
/* The token's subscription; ERR_NOTFOUND without one. */
int core_push_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t token_id, struct push_sub **out);
int core_push_update(struct core *c, struct arena *a, uint64_t viewer, uint64_t token_id, int alerts, int policy,
                     struct push_sub **out);
int core_push_unsubscribe(struct core *c, uint64_t viewer, uint64_t token_id);
/* Internal to core: a notification was stored for `to`: queue its pushes. */
void core_push_notify(struct core *c, uint64_t to, int kind, uint64_t actor, uint64_t post);
/* Run due push jobs in this thread (tests); how many ran. */
int core_push_run_jobs(struct core *c);

/* ---- the cryptography, exposed for its unit test ---- */
/* Base64url without padding into out (NUL-terminated); false if it does not fit. */
bool push_b64(const uint8_t *p, size_t n, char *out, size_t outlen);
/* Decode base64url or base64, padding optional; false unless exactly want bytes. */
bool push_unb64(const char *s, uint8_t *out, size_t want);
/*
 * Encrypt plain for a user agent's key ua_pub (65 bytes, uncompressed P-256)
 * and auth secret (16 bytes).  as_priv (32 bytes) and salt (16) are the
 * sender's ephemeral key and salt: NULL for fresh random ones (tests pass
 * RFC 8291's).  standard: RFC 8291 aes128gcm, out = the whole body with its
 * header; else legacy aesgcm (draft 04), out = the ciphertext and
 * salt_out/as_pub_out what the Encryption and Crypto-Key headers carry.
 * *outlen is in: the room in out, and out: the bytes written.
 */
int push_encrypt(bool standard, const uint8_t ua_pub[65], const uint8_t auth[16], const uint8_t *as_priv,
                 const uint8_t *salt, const uint8_t *plain, size_t n, uint8_t *out, size_t *outlen,
                 uint8_t salt_out[16], uint8_t as_pub_out[65]);
/* A VAPID JWT (ES256) for audience aud ("https://push.example"), signed with priv/pub, into out. */
int push_vapid_jwt(const uint8_t priv[32], const uint8_t pub[65], const char *aud, const char *sub, int64_t exp,
                   char *out, size_t outlen);

#endif
