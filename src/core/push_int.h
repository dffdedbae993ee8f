#ifndef CORE_PUSH_INT_H
#define CORE_PUSH_INT_H

/* Internal to core/push*.c (and their tests): P-256 helpers and the checks. */

#include <stdbool.h>
#include <stdint.h>

#include <openssl/evp.h>

struct sockaddr;

/* Endpoints and deliveries on loopback (http://127.0.0.1, [::1]): on in test
 * builds, else only with KRING_PUSH_LOOPBACK=1 (core_push_open), for tests. */
extern bool push_loopback_ok;

/* An uncompressed point (0x04 || x || y) on P-256, not the point at infinity. */
bool push_point_valid(const uint8_t pub[65]);
/* pub = G * priv, uncompressed; ERR_INVAL for a scalar out of range. */
int push_pub_from_priv(const uint8_t priv[32], uint8_t pub[65]);
/* A fresh key pair. */
int push_key_new(uint8_t priv[32], uint8_t pub[65]);
/* An EVP key from pub and, when priv is not NULL, its private scalar; NULL on error. */
EVP_PKEY *push_key_from(const uint8_t *priv, const uint8_t pub[65]);
/* An endpoint a subscription may name: https (test builds: also http to
 * 127.0.0.1 / [::1]), a host, at most CORE_PUSH_ENDPOINT_MAX bytes, no blanks. */
bool push_endpoint_valid(const char *e);
/* May a push be sent to this resolved address (not loopback, private, link-local)? */
bool push_addr_public(const struct sockaddr *sa);

#endif
