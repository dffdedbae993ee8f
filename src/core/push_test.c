/* Unit tests for core/push.c: RFC 8291's worked example (Appendix A), the
 * VAPID signature, and the limits on what a subscription may say. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <sys/socket.h>

#include "base/err.h"
#include "core/push.h"
#include "core/push_int.h"

/* RFC 8291, Appendix A. */
#define PLAIN "V2hlbiBJIGdyb3cgdXAsIEkgd2FudCB0byBiZSBhIHdhdGVybWVsb24"
#define AS_PRIV "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"
#define AS_PUB "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8"
#define UA_PUB "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"
#define SALT "DGv6ra1nlYgDCS1FRnbzlw"
#define AUTH "BTBZMqHH6r4Tts7J_aSIgg"
#define RESULT \
	"DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8" \
	"wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN"

static void test_rfc8291_example(void **state)
{
	uint8_t plain[64], as_priv[32], as_pub[65], ua_pub[65], salt[16], auth[16];
	size_t pn = 0;
	assert_int_equal(sodium_base642bin(plain, sizeof plain, PLAIN, strlen(PLAIN), NULL, &pn, NULL,
	                                   sodium_base64_VARIANT_URLSAFE_NO_PADDING),
	                 0);
	assert_true(push_unb64(AS_PRIV, as_priv, 32));
	assert_true(push_unb64(AS_PUB, as_pub, 65));
	assert_true(push_unb64(UA_PUB, ua_pub, 65));
	assert_true(push_unb64(SALT, salt, 16));
	assert_true(push_unb64(AUTH, auth, 16));
	uint8_t out[512], salt_out[16], pub_out[65];
	size_t n = sizeof out;
	assert_int_equal(push_encrypt(true, ua_pub, auth, as_priv, salt, plain, pn, out, &n, salt_out, pub_out), 0);
	assert_memory_equal(pub_out, as_pub, 65);
	char b64[700];
	assert_true(push_b64(out, n, b64, sizeof b64));
	assert_string_equal(b64, RESULT);
	/* The legacy encoding is as long as Mastodon's: 2 bytes of padding length and the tag. */
	n = sizeof out;
	assert_int_equal(push_encrypt(false, ua_pub, auth, as_priv, salt, plain, pn, out, &n, salt_out, pub_out), 0);
	assert_int_equal(n, pn + 2 + 16);
	/* Fresh keys and salt each time. */
	uint8_t out2[512], s2[16], p2[65];
	size_t n2 = sizeof out2;
	n = sizeof out;
	assert_int_equal(push_encrypt(true, ua_pub, auth, NULL, NULL, plain, pn, out, &n, salt_out, pub_out), 0);
	assert_int_equal(push_encrypt(true, ua_pub, auth, NULL, NULL, plain, pn, out2, &n2, s2, p2), 0);
	assert_int_equal(n, n2);
	assert_memory_not_equal(salt_out, s2, 16);
	assert_memory_not_equal(pub_out, p2, 65);
}

static void test_limits(void **state)
{
	uint8_t k[65], auth[16] = {0}, out[64];
	/* A key is 65 bytes exactly, a point on the curve, uncompressed. */
	assert_true(push_unb64(UA_PUB, k, 65));
	assert_true(push_point_valid(k));
	assert_false(push_unb64(UA_PUB, k, 64));
	assert_false(push_unb64(AUTH, k, 17));
	assert_true(push_unb64("BTBZMqHH6r4Tts7J/aSIgg==", auth, 16)); /* the other alphabet, padded */
	assert_false(push_unb64("not base64 at all!", auth, 16));
	k[64] ^= 1;
	assert_false(push_point_valid(k));
	k[64] ^= 1;
	k[0] = 0x02;
	assert_false(push_point_valid(k));
	/* The payload stays under a push message's 4 KB. */
	static uint8_t big[CORE_PUSH_PLAIN_MAX + 1];
	size_t n = sizeof out;
	uint8_t s[16], p[65];
	assert_true(push_unb64(UA_PUB, k, 65));
	assert_int_equal(push_encrypt(true, k, auth, NULL, NULL, big, sizeof big, out, &n, s, p), ERR_INVAL);
	n = sizeof out; /* too little room */
	assert_int_equal(push_encrypt(true, k, auth, NULL, NULL, big, 100, out, &n, s, p), ERR_TOOBIG);
	/* Endpoints: https, bounded, no blanks. */
	assert_true(push_endpoint_valid("https://push.example.net/wpush/v2/abc"));
	assert_false(push_endpoint_valid("http://push.example.net/wpush/v2/abc"));
	assert_false(push_endpoint_valid("file:///etc/passwd"));
	assert_false(push_endpoint_valid("https://push.example.net/a b"));
	assert_false(push_endpoint_valid("https://"));
	assert_false(push_endpoint_valid("https://user:pw@"));
	assert_false(push_endpoint_valid(""));
	char longurl[CORE_PUSH_ENDPOINT_MAX + 2];
	memset(longurl, 'a', sizeof longurl - 1);
	memcpy(longurl, "https://x.example/", 18);
	longurl[sizeof longurl - 1] = '\0';
	assert_false(push_endpoint_valid(longurl));
	longurl[sizeof longurl - 2] = '\0';
	assert_true(push_endpoint_valid(longurl));
	/* Deliveries go to public addresses only (loopback is the tests' receiver). */
	struct sockaddr_in a4 = {.sin_family = AF_INET};
	inet_pton(AF_INET, "10.1.2.3", &a4.sin_addr);
	assert_false(push_addr_public((struct sockaddr *)&a4));
	inet_pton(AF_INET, "192.168.1.1", &a4.sin_addr);
	assert_false(push_addr_public((struct sockaddr *)&a4));
	inet_pton(AF_INET, "169.254.169.254", &a4.sin_addr);
	assert_false(push_addr_public((struct sockaddr *)&a4));
	inet_pton(AF_INET, "93.184.216.34", &a4.sin_addr);
	assert_true(push_addr_public((struct sockaddr *)&a4));
	struct sockaddr_in6 a6 = {.sin6_family = AF_INET6};
	inet_pton(AF_INET6, "fd00::1", &a6.sin6_addr);
	assert_false(push_addr_public((struct sockaddr *)&a6));
	inet_pton(AF_INET6, "::ffff:10.0.0.1", &a6.sin6_addr);
	assert_false(push_addr_public((struct sockaddr *)&a6));
	inet_pton(AF_INET6, "2001:db8::1", &a6.sin6_addr);
	assert_true(push_addr_public((struct sockaddr *)&a6));
}

static void test_vapid(void **state)
{
	uint8_t vapid_priv[32], vapid_pub[65];
	assert_int_equal(push_key_new(vapid_priv, vapid_pub), 0);
	char jwt[2048];
	assert_int_equal(push_vapid_jwt(vapid_priv, vapid_pub, "https://push.example.net", "mailto:a@example.org",
	                                1800000000, jwt, sizeof jwt),
	                 0);
	assert_int_equal(
	        push_vapid_jwt(vapid_priv, vapid_pub, "https://push\"x", "mailto:a@example.org", 1, jwt, sizeof jwt),
	        ERR_INVAL);
	assert_int_equal(push_vapid_jwt(vapid_priv, vapid_pub, "https://push.example.net", "mailto:a@example.org",
	                                1800000000, jwt, sizeof jwt),
	                 0);
	/* header.claims.signature; the signature checks out with the public key. */
	char *dot2 = strrchr(jwt, '.');
	assert_non_null(dot2);
	uint8_t raw[64];
	assert_true(push_unb64(dot2 + 1, raw, 64));
	ECDSA_SIG *sig = ECDSA_SIG_new();
	ECDSA_SIG_set0(sig, BN_bin2bn(raw, 32, NULL), BN_bin2bn(raw + 32, 32, NULL));
	uint8_t der[128], *dp = der;
	int dl = i2d_ECDSA_SIG(sig, &dp);
	ECDSA_SIG_free(sig);
	EVP_PKEY *pk = push_key_from(NULL, vapid_pub);
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	assert_int_equal(EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, pk), 1);
	assert_int_equal(EVP_DigestVerify(md, der, (size_t)dl, (const uint8_t *)jwt, (size_t)(dot2 - jwt)), 1);
	/* A changed claim does not verify. */
	jwt[40] ^= 1;
	assert_int_equal(EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, pk), 1);
	assert_int_not_equal(EVP_DigestVerify(md, der, (size_t)dl, (const uint8_t *)jwt, (size_t)(dot2 - jwt)), 1);
	EVP_MD_CTX_free(md);
	EVP_PKEY_free(pk);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_rfc8291_example),
	        cmocka_unit_test(test_limits),
	        cmocka_unit_test(test_vapid),
	};
	return cmocka_run_group_tests_name("push", tests, NULL, NULL);
}
