#ifndef CORE_FED_SIG_H
#define CORE_FED_SIG_H

/*
 * HTTP Signatures as the fediverse uses them (draft-cavage-http-signatures,
 * the way Mastodon signs: rsa-sha256 over `(request-target) host date
 * digest`, with `Digest: SHA-256=<base64>`), and the RSA keys behind them
 * (OpenSSL).  Pure functions: the key lookup and the clock are the
 * caller's.  The Signature header is untrusted input: every part of it is
 * bounded (FED_SIG_*), and fuzz/fedsig_fuzz.c feeds it garbage.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h" /* WARN_UNUSED */

struct arena;

#define FED_SIG_HEADER_MAX  8192 /* the whole Signature header */
#define FED_SIG_PARAMS_MAX  12   /* key="value" pairs in it */
#define FED_SIG_NAMES_MAX   16   /* names in its headers="..." list */
#define FED_SIG_NAME_MAX    64   /* one such name */
#define FED_SIG_KEYID_MAX   2048 /* the keyId (a URL) */
#define FED_SIG_BYTES_MAX   1024 /* the signature, decoded (RSA up to 8192 bits) */
#define FED_SIG_LINE_MAX    4096 /* one header's value in the signing string */
#define FED_SIG_SKEW_S      3600 /* Mastodon's clock skew margin */
#define FED_SIG_WINDOW_S    43200 /* and how old a Date may be (12 h) */
#define FED_BODY_MAX        (1024 * 1024) /* an incoming activity */
#define FED_KEY_BITS        2048
#define FED_PEM_MAX         16384

struct fed_sig {
	const char *key_id;
	const char *algorithm;     /* "" when absent */
	const char *names[FED_SIG_NAMES_MAX]; /* lower case */
	int nnames;
	uint8_t sig[FED_SIG_BYTES_MAX];
	size_t siglen;
	int64_t created, expires;  /* 0 when absent */
};

/* Parse a Signature header (or the value of `Authorization: Signature ...`).
 * ERR_INVAL for anything malformed, over a limit, or lacking keyId or
 * signature; without headers="..." the list is just "date" (the draft's
 * default). */
int fed_sig_parse(struct arena *a, const char *hdr, struct fed_sig *out) WARN_UNUSED;

/* What a signature covers: the request and a way to read its headers. */
struct fed_sig_req {
	const char *method;        /* "POST" */
	const char *target;        /* path and query: "/users/ann/inbox" */
	const char *(*header)(void *ctx, const char *name); /* NULL when absent */
	void *ctx;
};

/* The signing string for the names, one "name: value" line each.
 * ERR_INVAL when a named header is absent or a line is too long. */
int fed_sig_string(struct arena *a, const struct fed_sig *s, const struct fed_sig_req *r, const char **out) WARN_UNUSED;

/*
 * Check a parsed signature of request r against the key (PEM, SPKI) at
 * time now: the algorithm is rsa-sha256 or hs2019 (or absent); the names
 * cover (request-target) and host, and date or (created); the Date is no
 * older than FED_SIG_WINDOW_S and no newer than FED_SIG_SKEW_S; with a
 * body (not NULL), digest is covered and its SHA-256 matches the body.
 * 0 when all hold, ERR_AUTH when the signature does not verify, ERR_INVAL
 * for the rest; *why says which.
 */
int fed_sig_verify(struct arena *a, const struct fed_sig *s, const struct fed_sig_req *r, const char *body,
                   size_t bodylen, const char *pubkey_pem, int64_t now, const char **why) WARN_UNUSED;

/* "SHA-256=<base64>" of body, into out (at least 64 bytes). */
void fed_digest(const char *body, size_t n, char *out, size_t outlen);
/* Does a Digest header name a SHA-256 that matches the body? */
bool fed_digest_ok(const char *hdr, const char *body, size_t n);
/* An HTTP date (RFC 7231 IMF-fixdate) for t, and back; -1 when unreadable. */
void fed_http_date(int64_t t, char *out, size_t outlen);
int64_t fed_http_date_parse(const char *s);

/*
 * The Signature header for a request: `(request-target) host date` and,
 * with a body, `digest` (the caller sends the same Host, Date and Digest
 * values it passes here).  priv_pem is the PKCS#8 private key.
 */
int fed_sign(struct arena *a, const char *priv_pem, const char *key_id, const char *method, const char *target,
             const char *host, const char *date, const char *digest, const char **out) WARN_UNUSED;

/*
 * RFC 9421 (HTTP Message Signatures), the successor Mastodon and others
 * begin to send: the first signature of Signature-Input and its value in
 * Signature, rsa-v1_5-sha256.  Components may be @method, @target-uri,
 * @authority, @path, @query and header fields (no component parameters).
 */
struct fed_sig9421 {
	const char *label;
	const char *params;        /* the member's serialized value: what @signature-params repeats */
	const char *comps[FED_SIG_NAMES_MAX];
	int ncomps;
	const char *key_id, *alg;  /* alg "" when absent */
	int64_t created, expires;  /* 0 when absent */
	uint8_t sig[FED_SIG_BYTES_MAX];
	size_t siglen;
};
int fed_sig9421_parse(struct arena *a, const char *input, const char *signature, struct fed_sig9421 *out)
        WARN_UNUSED;
/* The signature base for s over request r, whose full URI is target_uri. */
int fed_sig9421_base(struct arena *a, const struct fed_sig9421 *s, const struct fed_sig_req *r, const char *target_uri,
                     const char **out) WARN_UNUSED;
/*
 * As fed_sig_verify: the components cover @method and the target
 * (@target-uri, or @authority and @path); created (or a covered date) is
 * within the window; with a body, content-digest is covered and its
 * sha-256 matches.
 */
int fed_sig9421_verify(struct arena *a, const struct fed_sig9421 *s, const struct fed_sig_req *r,
                       const char *target_uri, const char *body, size_t bodylen, const char *pubkey_pem, int64_t now,
                       const char **why) WARN_UNUSED;
/* Does a Content-Digest header (RFC 9530) name a sha-256 that matches the body? */
bool fed_content_digest_ok(const char *hdr, const char *body, size_t n);

/* A fresh RSA key pair as PEM (SPKI public, PKCS#8 private) in a. */
int fed_key_new(struct arena *a, const char **pub_pem, const char **priv_pem) WARN_UNUSED;

#endif
