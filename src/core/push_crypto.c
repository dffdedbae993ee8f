/*
 * The cryptography and the checks of Web Push (see push.h): base64url,
 * P-256 with OpenSSL, RFC 8291 / legacy aesgcm encryption, the VAPID JWT
 * (RFC 8292), and what a subscription's endpoint may be.  Nothing here
 * touches the store, so the fuzz target and the unit test link it alone.
 */
#include "core/push.h"
#include "core/push_int.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "base/err.h"
#include "base/text.h"

#define RECORD_SIZE 4096

#ifdef KRING_TEST_BUILD
bool push_loopback_ok = true;
#else
bool push_loopback_ok = false;
#endif

/* ---- encodings ---- */

bool push_b64(const uint8_t *p, size_t n, char *out, size_t outlen)
{
	if (outlen < sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING))
		return false;
	sodium_bin2base64(out, outlen, p, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return true;
}

bool push_unb64(const char *s, uint8_t *out, size_t want)
{
	char tmp[256];
	size_t n = strlen(s);
	if (n >= sizeof tmp)
		return false;
	/* Apps send either alphabet, with or without padding. */
	for (size_t i = 0; i <= n; i++)
		tmp[i] = s[i] == '+' ? '-' : s[i] == '/' ? '_' : s[i];
	size_t got = 0;
	if (sodium_base642bin(out, want, tmp, n, "=", &got, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING))
		return false;
	return got == want;
}

/* ---- P-256 with OpenSSL ---- */

bool push_point_valid(const uint8_t pub[65])
{
	if (pub[0] != 0x04)
		return false;
	EC_GROUP *g = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
	EC_POINT *pt = g ? EC_POINT_new(g) : NULL;
	bool ok = pt && EC_POINT_oct2point(g, pt, pub, 65, NULL) == 1 && EC_POINT_is_on_curve(g, pt, NULL) == 1 &&
	          !EC_POINT_is_at_infinity(g, pt);
	EC_POINT_free(pt);
	EC_GROUP_free(g);
	return ok;
}

/* pub = G * priv, uncompressed. */
int push_pub_from_priv(const uint8_t priv[32], uint8_t pub[65])
{
	int rc = ERR_INVAL;
	EC_GROUP *g = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
	EC_POINT *pt = g ? EC_POINT_new(g) : NULL;
	BIGNUM *bn = BN_bin2bn(priv, 32, NULL);
	if (pt && bn && !BN_is_zero(bn) && EC_POINT_mul(g, pt, bn, NULL, NULL, NULL) == 1 &&
	    EC_POINT_point2oct(g, pt, POINT_CONVERSION_UNCOMPRESSED, pub, 65, NULL) == 65)
		rc = 0;
	BN_clear_free(bn);
	EC_POINT_free(pt);
	EC_GROUP_free(g);
	return rc;
}

/* An EVP key from a public point and, when priv is not NULL, its private scalar. */
EVP_PKEY *push_key_from(const uint8_t *priv, const uint8_t pub[65])
{
	EVP_PKEY *k = NULL;
	OSSL_PARAM_BLD *b = OSSL_PARAM_BLD_new();
	BIGNUM *bn = priv ? BN_bin2bn(priv, 32, NULL) : NULL;
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	if (!b || !ctx || (priv && !bn) ||
	    !OSSL_PARAM_BLD_push_utf8_string(b, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) ||
	    !OSSL_PARAM_BLD_push_octet_string(b, OSSL_PKEY_PARAM_PUB_KEY, pub, 65) ||
	    (bn && !OSSL_PARAM_BLD_push_BN(b, OSSL_PKEY_PARAM_PRIV_KEY, bn)) ||
	    !(params = OSSL_PARAM_BLD_to_param(b)) || EVP_PKEY_fromdata_init(ctx) <= 0 ||
	    EVP_PKEY_fromdata(ctx, &k, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY, params) <= 0)
		k = NULL;
	OSSL_PARAM_free(params);
	EVP_PKEY_CTX_free(ctx);
	BN_clear_free(bn);
	OSSL_PARAM_BLD_free(b);
	return k;
}

int push_key_new(uint8_t priv[32], uint8_t pub[65])
{
	for (int tries = 0; tries < 8; tries++) {
		randombytes_buf(priv, 32);
		if (!push_pub_from_priv(priv, pub))
			return 0;
	}
	return ERR_INVAL;
}

static int ecdh(const uint8_t priv[32], const uint8_t my_pub[65], const uint8_t peer_pub[65], uint8_t out[32])
{
	int rc = ERR_INVAL;
	EVP_PKEY *me = push_key_from(priv, my_pub), *peer = push_key_from(NULL, peer_pub);
	EVP_PKEY_CTX *ctx = me ? EVP_PKEY_CTX_new_from_pkey(NULL, me, NULL) : NULL;
	size_t len = 32;
	if (ctx && peer && EVP_PKEY_derive_init(ctx) > 0 && EVP_PKEY_derive_set_peer(ctx, peer) > 0 &&
	    EVP_PKEY_derive(ctx, out, &len) > 0 && len == 32)
		rc = 0;
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(me);
	EVP_PKEY_free(peer);
	return rc;
}

/* HKDF-SHA-256 (RFC 5869) for at most 32 bytes of output. */
static void hkdf(const uint8_t *salt, size_t saltlen, const uint8_t *ikm, size_t ikmlen, const uint8_t *info,
                 size_t infolen, uint8_t *out, size_t len)
{
	uint8_t prk[32], t[32], msg[256];
	unsigned int l = 32;
	HMAC(EVP_sha256(), salt, (int)saltlen, ikm, ikmlen, prk, &l);
	memcpy(msg, info, infolen);
	msg[infolen] = 0x01;
	HMAC(EVP_sha256(), prk, 32, msg, infolen + 1, t, &l);
	memcpy(out, t, len);
	OPENSSL_cleanse(prk, sizeof prk);
	OPENSSL_cleanse(t, sizeof t);
}

static int aes128gcm(const uint8_t key[16], const uint8_t nonce[12], const uint8_t *in, size_t n, uint8_t *out)
{
	EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
	int l = 0, l2 = 0, rc = ERR_INVAL;
	if (x && EVP_EncryptInit_ex(x, EVP_aes_128_gcm(), NULL, NULL, NULL) == 1 &&
	    EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) == 1 &&
	    EVP_EncryptInit_ex(x, NULL, NULL, key, nonce) == 1 && EVP_EncryptUpdate(x, out, &l, in, (int)n) == 1 &&
	    EVP_EncryptFinal_ex(x, out + l, &l2) == 1 && (size_t)(l + l2) == n &&
	    EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_GCM_GET_TAG, 16, out + n) == 1)
		rc = 0;
	EVP_CIPHER_CTX_free(x);
	return rc;
}

int push_encrypt(bool standard, const uint8_t ua_pub[65], const uint8_t auth[16], const uint8_t *as_priv,
                 const uint8_t *salt, const uint8_t *plain, size_t n, uint8_t *out, size_t *outlen,
                 uint8_t salt_out[16], uint8_t as_pub_out[65])
{
	if (n > CORE_PUSH_PLAIN_MAX || !push_point_valid(ua_pub))
		return ERR_INVAL;
	size_t need = standard ? 16 + 4 + 1 + 65 + n + 1 + 16 : 2 + n + 16;
	if (*outlen < need)
		return ERR_TOOBIG;
	uint8_t priv[32], pub[65], sec[32], ikm[32], cek[16], nonce[12], info[256], rec[CORE_PUSH_PLAIN_MAX + 2];
	int rc;
	if (as_priv) {
		memcpy(priv, as_priv, 32);
		rc = push_pub_from_priv(priv, pub);
	} else {
		rc = push_key_new(priv, pub);
	}
	if (rc)
		return rc;
	if (salt)
		memcpy(salt_out, salt, 16);
	else
		randombytes_buf(salt_out, 16);
	memcpy(as_pub_out, pub, 65);
	if ((rc = ecdh(priv, pub, ua_pub, sec)))
		goto out;
	if (standard) {
		/* RFC 8291 section 3.4: key_info binds both public keys. */
		static const char ki[] = "WebPush: info";
		memcpy(info, ki, sizeof ki); /* with its NUL */
		memcpy(info + sizeof ki, ua_pub, 65);
		memcpy(info + sizeof ki + 65, pub, 65);
		hkdf(auth, 16, sec, 32, info, sizeof ki + 130, ikm, 32);
		static const char ci[] = "Content-Encoding: aes128gcm", ni[] = "Content-Encoding: nonce";
		hkdf(salt_out, 16, ikm, 32, (const uint8_t *)ci, sizeof ci, cek, 16);
		hkdf(salt_out, 16, ikm, 32, (const uint8_t *)ni, sizeof ni, nonce, 12);
		/* RFC 8188 header: salt, record size, key id (our public key). */
		memcpy(out, salt_out, 16);
		out[16] = 0;
		out[17] = 0;
		out[18] = RECORD_SIZE >> 8;
		out[19] = RECORD_SIZE & 0xff;
		out[20] = 65;
		memcpy(out + 21, pub, 65);
		memcpy(rec, plain, n);
		rec[n] = 0x02; /* the last record's delimiter, no padding */
		rc = aes128gcm(cek, nonce, rec, n + 1, out + 86);
	} else {
		/* draft-ietf-webpush-encryption-04, what Mastodon sends without `standard`. */
		static const char ai[] = "Content-Encoding: auth";
		hkdf(auth, 16, sec, 32, (const uint8_t *)ai, sizeof ai, ikm, 32);
		uint8_t ctx[6 + 2 + 65 + 2 + 65];
		memcpy(ctx, "P-256", 6);
		ctx[6] = 0;
		ctx[7] = 65;
		memcpy(ctx + 8, ua_pub, 65);
		ctx[73] = 0;
		ctx[74] = 65;
		memcpy(ctx + 75, pub, 65);
		static const char ci[] = "Content-Encoding: aesgcm", ni[] = "Content-Encoding: nonce";
		memcpy(info, ci, sizeof ci);
		memcpy(info + sizeof ci, ctx, sizeof ctx);
		hkdf(salt_out, 16, ikm, 32, info, sizeof ci + sizeof ctx, cek, 16);
		memcpy(info, ni, sizeof ni);
		memcpy(info + sizeof ni, ctx, sizeof ctx);
		hkdf(salt_out, 16, ikm, 32, info, sizeof ni + sizeof ctx, nonce, 12);
		rec[0] = 0; /* two bytes of padding length: none */
		rec[1] = 0;
		memcpy(rec + 2, plain, n);
		rc = aes128gcm(cek, nonce, rec, n + 2, out);
	}
	if (!rc)
		*outlen = need;
out:
	OPENSSL_cleanse(priv, sizeof priv);
	OPENSSL_cleanse(sec, sizeof sec);
	OPENSSL_cleanse(ikm, sizeof ikm);
	OPENSSL_cleanse(cek, sizeof cek);
	OPENSSL_cleanse(rec, sizeof rec);
	return rc;
}

int push_vapid_jwt(const uint8_t priv[32], const uint8_t pub[65], const char *aud, const char *sub, int64_t exp,
                   char *out, size_t outlen)
{
	for (const char *p = aud; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:/[]", *p))
			return ERR_INVAL;
	for (const char *p = sub; *p; p++)
		if (*p == '"' || *p == '\\' || (unsigned char)*p < 0x20)
			return ERR_INVAL;
	char claims[1024], input[2048];
	static const char header[] = "{\"typ\":\"JWT\",\"alg\":\"ES256\"}";
	int cn = snprintf(claims, sizeof claims, "{\"aud\":\"%s\",\"exp\":%lld,\"sub\":\"%s\"}", aud, (long long)exp,
	                  sub);
	if (cn < 0 || (size_t)cn >= sizeof claims)
		return ERR_TOOBIG;
	char h64[64], c64[1400];
	if (!push_b64((const uint8_t *)header, sizeof header - 1, h64, sizeof h64) ||
	    !push_b64((const uint8_t *)claims, (size_t)cn, c64, sizeof c64))
		return ERR_TOOBIG;
	int in = snprintf(input, sizeof input, "%s.%s", h64, c64);
	if (in < 0 || (size_t)in >= sizeof input)
		return ERR_TOOBIG;
	int rc = ERR_INVAL;
	EVP_PKEY *k = push_key_from(priv, pub);
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	uint8_t der[128], raw[64];
	size_t dlen = sizeof der;
	ECDSA_SIG *sig = NULL;
	if (k && md && EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, k) == 1 &&
	    EVP_DigestSign(md, der, &dlen, (const uint8_t *)input, (size_t)in) == 1) {
		const uint8_t *p = der;
		sig = d2i_ECDSA_SIG(NULL, &p, (long)dlen);
	}
	if (sig) {
		/* JWS wants r || s, 32 bytes each, not DER. */
		const BIGNUM *r, *s;
		ECDSA_SIG_get0(sig, &r, &s);
		char s64[100];
		if (BN_bn2binpad(r, raw, 32) == 32 && BN_bn2binpad(s, raw + 32, 32) == 32 &&
		    push_b64(raw, 64, s64, sizeof s64)) {
			int n = snprintf(out, outlen, "%s.%s", input, s64);
			rc = n > 0 && (size_t)n < outlen ? 0 : ERR_TOOBIG;
		}
	}
	ECDSA_SIG_free(sig);
	EVP_MD_CTX_free(md);
	EVP_PKEY_free(k);
	return rc;
}

/* ---- what a subscription may say ---- */

bool push_endpoint_valid(const char *e)
{
	size_t n = strlen(e);
	if (n < 10 || n > CORE_PUSH_ENDPOINT_MAX || !utf8_valid(e, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)e[i] <= 0x20 || e[i] == 0x7f)
			return false;
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL;
	bool ok = u && !curl_url_set(u, CURLUPART_URL, e, 0) && !curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) &&
	          !curl_url_get(u, CURLUPART_HOST, &host, 0) && host[0];
	if (ok && strcmp(scheme, "https")) {
		ok = false;
		/* The tests' receiver listens on loopback without TLS. */
		if (push_loopback_ok)
			ok = !strcmp(scheme, "http") && (!strcmp(host, "127.0.0.1") || !strcmp(host, "[::1]"));
	}
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return ok;
}

/* No push to this machine or the local network (a subscription is anyone's
 * input); test builds reach their receiver on loopback. */
bool push_addr_public(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET) {
		uint32_t v = ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr);
		if (push_loopback_ok && v == 0x7f000001)
			return true;
		return !((v >> 24) == 0 || (v >> 24) == 10 || (v >> 24) == 127 || (v >> 16) == 0xa9fe ||
		         (v >> 20) == 0xac1 || (v >> 16) == 0xc0a8 || (v >> 22) == (0x64400000 >> 22) ||
		         (v >> 28) >= 0xe);
	}
	if (sa->sa_family == AF_INET6) {
		const uint8_t *b = ((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr;
		static const uint8_t lo[16] = {[15] = 1}, any[16] = {0}, mapped[12] = {[10] = 0xff, [11] = 0xff};
		if (push_loopback_ok && !memcmp(b, lo, 16))
			return true;
		if (!memcmp(b, lo, 16) || !memcmp(b, any, 16) || !memcmp(b, mapped, 12) || (b[0] & 0xfe) == 0xfc ||
		    (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) || b[0] == 0xff)
			return false;
		return true;
	}
	return false;
}
