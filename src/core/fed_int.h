#ifndef CORE_FED_INT_H
#define CORE_FED_INT_H

/*
 * Federation's internals shared by core's federation files
 * (federation.c, fed_fetch.c); not for adapters.
 */

#include <curl/curl.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/federation.h"

/* In federation.c. */
int key_for(struct core *c, struct arena *a, uint64_t account, const char **pub, const char **priv);
json_t *note_json(struct core *c, struct arena *a, const struct post *p, const struct account *author);
const char *dump(struct arena *a, json_t *o);
int post_to(struct core *c, struct arena *a, uint64_t id, struct post **p, struct account **author,
            enum fed_reach *r);
bool url_ok(struct arena *a, const char *url, const char **host, const char **target);
long http_call(struct arena *a, const char *url, struct curl_slist *hdrs, const char *body, size_t n,
               const char **out, size_t *outlen, char *why, size_t whylen);
bool same_host(struct arena *a, const char *u1, const char *u2);
bool host_blocked(struct core *c, struct arena *a, const char *url);
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

#endif
