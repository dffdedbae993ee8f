/* Unit tests for core/fed_sig.c: requests signed the way Mastodon,
 * GoToSocial and snac sign (made by python3-cryptography, which we did not
 * write), our own
 * signatures round-tripping, and the parser's limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cmocka.h>
#include <sodium.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/fed_sig.h"

struct hdrs {
	const char *names[8], *vals[8];
	int n;
};

static const char *lookup(void *ctx, const char *name)
{
	struct hdrs *h = ctx;
	for (int i = 0; i < h->n; i++)
		if (!strcasecmp(h->names[i], name))
			return h->vals[i];
	return NULL;
}

/* Mastodon's Request#sign!: keyId = the actor's #main-key, rsa-sha256, and
 * the headers it sends lower-cased in order: (request-target) host date
 * digest content-type. */
static const char *const PY =
        "import base64, email.utils, hashlib, sys\n"
        "from cryptography.hazmat.primitives import hashes, serialization\n"
        "from cryptography.hazmat.primitives.asymmetric import rsa, padding\n"
        "k = rsa.generate_private_key(public_exponent=65537, key_size=2048)\n"
        "body = b'{\"type\":\"Follow\",\"id\":\"https://mastodon.example/1\"}'\n"
        "date = email.utils.formatdate(usegmt=True)\n"
        "digest = 'SHA-256=' + base64.b64encode(hashlib.sha256(body).digest()).decode()\n"
        "ct = 'application/activity+json'\n"
        "s = '(request-target): post /users/ann/inbox\\nhost: kring.example\\ndate: %s\\ndigest: %s\\n"
        "content-type: %s' % (date, digest, ct)\n"
        "sig = base64.b64encode(k.sign(s.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()\n"
        "pub = k.public_key().public_bytes(serialization.Encoding.PEM,"
        " serialization.PublicFormat.SubjectPublicKeyInfo).decode()\n"
        "print(date); print(digest); print(body.decode())\n"
        "print('keyId=\"https://mastodon.example/users/bob#main-key\",algorithm=\"rsa-sha256\",headers=\""
        "(request-target) host date digest content-type\",signature=\"%s\"' % sig)\n"
        "sys.stdout.write(pub)\n";

static void test_mastodon_fixture(void **state)
{
	char path[] = "/tmp/kring-fedsig-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(PY, f);
	fclose(f);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s", path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	static char out[16384];
	size_t n = fread(out, 1, sizeof out - 1, p);
	out[n] = '\0';
	assert_int_equal(pclose(p), 0);
	remove(path);
	char *date = out, *digest = strchr(date, '\n');
	*digest++ = '\0';
	char *body = strchr(digest, '\n');
	*body++ = '\0';
	char *sig = strchr(body, '\n');
	*sig++ = '\0';
	char *pem = strchr(sig, '\n');
	*pem++ = '\0';

	struct arena a;
	arena_init(&a);
	struct fed_sig s;
	assert_int_equal(fed_sig_parse(&a, sig, &s), 0);
	assert_string_equal(s.key_id, "https://mastodon.example/users/bob#main-key");
	assert_int_equal(s.nnames, 5);
	struct hdrs h = {{"host", "date", "digest", "content-type"},
	                 {"kring.example", date, digest, "application/activity+json"}, 4};
	struct fed_sig_req r = {"POST", "/users/ann/inbox", lookup, &h};
	const char *why;
	int64_t now = time(NULL);
	assert_int_equal(fed_sig_verify(&a, &s, &r, body, strlen(body), pem, now, &why), 0);
	/* Another body: the digest no longer matches. */
	assert_int_equal(fed_sig_verify(&a, &s, &r, "{}", 2, pem, now, &why), ERR_INVAL);
	/* Another inbox: the signature no longer verifies. */
	struct fed_sig_req r2 = {"POST", "/users/eve/inbox", lookup, &h};
	assert_int_equal(fed_sig_verify(&a, &s, &r2, body, strlen(body), pem, now, &why), ERR_AUTH);
	/* Too late, too early (past Mastodon's margins). */
	assert_int_equal(fed_sig_verify(&a, &s, &r, body, strlen(body), pem, now + 14 * 3600, &why), ERR_INVAL);
	assert_int_equal(fed_sig_verify(&a, &s, &r, body, strlen(body), pem, now - 2 * 3600, &why), ERR_INVAL);
	/* A flipped bit in the signature. */
	s.sig[10] ^= 1;
	assert_int_equal(fed_sig_verify(&a, &s, &r, body, strlen(body), pem, now, &why), ERR_AUTH);
	arena_release(&a);
}

/* The same request signed per RFC 9421 (rsa-v1_5-sha256 over @method,
 * @target-uri and content-digest, created now), as newer servers sign. */
static const char *const PY9421 =
        "import base64, hashlib, sys, time\n"
        "from cryptography.hazmat.primitives import hashes, serialization\n"
        "from cryptography.hazmat.primitives.asymmetric import rsa, padding\n"
        "k = rsa.generate_private_key(public_exponent=65537, key_size=2048)\n"
        "body = b'{\"type\":\"Follow\",\"id\":\"https://mastodon.example/2\"}'\n"
        "cd = 'sha-256=:' + base64.b64encode(hashlib.sha256(body).digest()).decode() + ':'\n"
        "params = '(\"@method\" \"@target-uri\" \"content-digest\");created=%d;"
        "keyid=\"https://mastodon.example/users/bob#main-key\";alg=\"rsa-v1_5-sha256\"' % int(time.time())\n"
        "base = '\"@method\": POST\\n\"@target-uri\": https://kring.example/users/ann/inbox\\n"
        "\"content-digest\": %s\\n\"@signature-params\": %s' % (cd, params)\n"
        "sig = base64.b64encode(k.sign(base.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()\n"
        "pub = k.public_key().public_bytes(serialization.Encoding.PEM,"
        " serialization.PublicFormat.SubjectPublicKeyInfo).decode()\n"
        "print(cd); print(body.decode()); print('sig1=' + params); print('sig1=:%s:' % sig)\n"
        "sys.stdout.write(pub)\n";

static void test_rfc9421_fixture(void **state)
{
	char path[] = "/tmp/kring-fedsig-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(PY9421, f);
	fclose(f);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s", path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	static char out[16384];
	size_t n = fread(out, 1, sizeof out - 1, p);
	out[n] = '\0';
	assert_int_equal(pclose(p), 0);
	remove(path);
	char *cd = out, *body = strchr(cd, '\n');
	*body++ = '\0';
	char *input = strchr(body, '\n');
	*input++ = '\0';
	char *sig = strchr(input, '\n');
	*sig++ = '\0';
	char *pem = strchr(sig, '\n');
	*pem++ = '\0';

	struct arena a;
	arena_init(&a);
	struct fed_sig9421 s;
	assert_int_equal(fed_sig9421_parse(&a, input, sig, &s), 0);
	assert_string_equal(s.key_id, "https://mastodon.example/users/bob#main-key");
	assert_int_equal(s.ncomps, 3);
	struct hdrs h = {{"host", "content-digest"}, {"kring.example", cd}, 2};
	struct fed_sig_req r = {"POST", "/users/ann/inbox", lookup, &h};
	const char *why, *uri = "https://kring.example/users/ann/inbox";
	int64_t now = time(NULL);
	assert_int_equal(fed_sig9421_verify(&a, &s, &r, uri, body, strlen(body), pem, now, &why), 0);
	/* Another body, another target, a flipped bit, too late: refused. */
	assert_int_equal(fed_sig9421_verify(&a, &s, &r, uri, "{}", 2, pem, now, &why), ERR_INVAL);
	assert_int_equal(fed_sig9421_verify(&a, &s, &r, "https://kring.example/users/eve/inbox", body, strlen(body), pem,
	                                    now, &why),
	                 ERR_AUTH);
	assert_int_equal(fed_sig9421_verify(&a, &s, &r, uri, body, strlen(body), pem, now + 14 * 3600, &why), ERR_INVAL);
	s.sig[3] ^= 1;
	assert_int_equal(fed_sig9421_verify(&a, &s, &r, uri, body, strlen(body), pem, now, &why), ERR_AUTH);
	/* A label that is not in Signature, component parameters, no keyid. */
	assert_int_equal(fed_sig9421_parse(&a, input, "sig2=:AAAA:", &s), ERR_INVAL);
	assert_int_equal(fed_sig9421_parse(&a, "sig1=(\"@method\";req);keyid=\"k\"", "sig1=:AAAA:", &s), ERR_INVAL);
	assert_int_equal(fed_sig9421_parse(&a, "sig1=(\"@method\");created=1", "sig1=:AAAA:", &s), ERR_INVAL);
	assert_int_equal(fed_sig9421_parse(&a, "sig1=(\"@method\" \"Host\");keyid=\"k\"", "sig1=:AAAA:", &s), ERR_INVAL);
	assert_int_equal(fed_sig9421_parse(&a, "sig1=(\"@method\");keyid=\"k\"", "x=:AAAA:, sig1=:AAAA:", &s), 0);
	assert_true(fed_content_digest_ok(cd, body, strlen(body)));
	assert_false(fed_content_digest_ok("sha-512=:AAAA:", body, strlen(body)));
	arena_release(&a);
}

static void test_roundtrip(void **state)
{
	struct arena a;
	arena_init(&a);
	const char *pub, *priv, *pub2, *priv2, *hdr;
	assert_int_equal(fed_key_new(&a, &pub, &priv), 0);
	assert_int_equal(fed_key_new(&a, &pub2, &priv2), 0);
	assert_non_null(strstr(pub, "BEGIN PUBLIC KEY"));
	const char *body = "{\"type\":\"Create\"}";
	char date[64], digest[80];
	int64_t now = time(NULL);
	fed_http_date(now, date, sizeof date);
	assert_int_equal(fed_http_date_parse(date), now);
	fed_digest(body, strlen(body), digest, sizeof digest);
	assert_int_equal(fed_sign(&a, priv, "http://a.example/users/ann#main-key", "POST", "/inbox", "b.example", date,
	                          digest, &hdr),
	                 0);
	struct fed_sig s;
	assert_int_equal(fed_sig_parse(&a, hdr, &s), 0);
	struct hdrs h = {{"host", "date", "digest"}, {"b.example", date, digest}, 3};
	struct fed_sig_req r = {"POST", "/inbox", lookup, &h};
	const char *why;
	assert_int_equal(fed_sig_verify(&a, &s, &r, body, strlen(body), pub, now, &why), 0);
	/* Another key does not verify it. */
	assert_int_equal(fed_sig_verify(&a, &s, &r, body, strlen(body), pub2, now, &why), ERR_AUTH);
	/* Another Host does not either. */
	h.vals[0] = "c.example";
	assert_int_equal(fed_sig_verify(&a, &s, &r, body, strlen(body), pub, now, &why), ERR_AUTH);
	/* A signature that leaves out host, or the digest while there is a body, is refused. */
	struct fed_sig s2 = s;
	s2.nnames = 1;
	assert_int_equal(fed_sig_verify(&a, &s2, &r, body, strlen(body), pub, now, &why), ERR_INVAL);
	const char *getsig;
	assert_int_equal(fed_sign(&a, priv, "k", "GET", "/x", "b.example", date, NULL, &getsig), 0);
	assert_int_equal(fed_sig_parse(&a, getsig, &s2), 0);
	h.vals[0] = "b.example";
	struct fed_sig_req g = {"GET", "/x", lookup, &h};
	assert_int_equal(fed_sig_verify(&a, &s2, &g, NULL, 0, pub, now, &why), 0);
	assert_int_equal(fed_sig_verify(&a, &s2, &g, body, strlen(body), pub, now, &why), ERR_INVAL);
	arena_release(&a);
}

static void test_parse_limits(void **state)
{
	struct arena a;
	arena_init(&a);
	struct fed_sig s;
	assert_int_equal(fed_sig_parse(&a, "keyId=\"k\",signature=\"AAAA\"", &s), 0);
	assert_int_equal(s.nnames, 1); /* the draft's default: date */
	assert_int_equal(fed_sig_parse(&a, "Signature keyId=\"k\",signature=\"AAAA\",created=12", &s), 0);
	assert_int_equal(s.created, 12);
	const char *bad[] = {
	        "",
	        "keyId=\"k\"",                               /* no signature */
	        "signature=\"AAAA\"",                        /* no keyId */
	        "keyId=\"k,signature=\"AAAA\"",              /* unterminated */
	        "keyId=\"k\",signature=\"!!!!\"",            /* not base64 */
	        "keyId=\"k\",signature=\"AAAA\",headers=\"\"", /* no names */
	        "keyId=\"k\",signature=\"AAAA\",created=1x",
	        "keyId=\"a\\\"b\",signature=\"AAAA\"",        /* escapes are refused */
	        "keyId=\"k\" junk=",
	        "=\"k\"",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(fed_sig_parse(&a, bad[i], &s), ERR_INVAL);
	/* Too many names, parameters, too long a header. */
	char big[FED_SIG_HEADER_MAX + 64];
	int k = snprintf(big, sizeof big, "keyId=\"k\",signature=\"AAAA\",headers=\"");
	for (int i = 0; i < FED_SIG_NAMES_MAX + 1; i++)
		k += snprintf(big + k, sizeof big - (size_t)k, "h%d ", i);
	snprintf(big + k, sizeof big - (size_t)k, "\"");
	assert_int_equal(fed_sig_parse(&a, big, &s), ERR_INVAL);
	k = snprintf(big, sizeof big, "keyId=\"k\",signature=\"AAAA\"");
	for (int i = 0; i < FED_SIG_PARAMS_MAX; i++)
		k += snprintf(big + k, sizeof big - (size_t)k, ",x%d=\"1\"", i);
	assert_int_equal(fed_sig_parse(&a, big, &s), ERR_INVAL);
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memcpy(big, "keyId=\"", 7);
	assert_int_equal(fed_sig_parse(&a, big, &s), ERR_INVAL);
	/* Dates and digests. */
	assert_int_equal(fed_http_date_parse("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
	assert_int_equal(fed_http_date_parse("Sun, 06 Nov 1994 08:49:37 CET"), -1);
	assert_int_equal(fed_http_date_parse("yesterday"), -1);
	assert_true(fed_digest_ok("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "", 0));
	assert_true(fed_digest_ok("MD5=x, SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "", 0));
	assert_false(fed_digest_ok("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "x", 1));
	assert_false(fed_digest_ok("SHA-512=abc", "", 0));
	arena_release(&a);
}

/* Requests signed the way GoToSocial and snac sign them (their docs and
 * sources, re-made here with python3-cryptography): argv[1] is the kind.
 * GoToSocial (internal/transport): algorithm hs2019 (RSA-SHA256 behind it),
 * keyId .../users/x/main-key (no '#'), GET over (request-target) host date,
 * POST over (request-target) host date digest.  snac (http.c): rsa-sha256,
 * keyId the actor's #main-key, over (request-target) host digest date, also
 * on a GET (the digest of an empty body). */
static const char *const PY_OTHER =
        "import base64, email.utils, hashlib, sys\n"
        "from cryptography.hazmat.primitives import hashes, serialization\n"
        "from cryptography.hazmat.primitives.asymmetric import rsa, padding\n"
        "kind = sys.argv[1]\n"
        "k = rsa.generate_private_key(public_exponent=65537, key_size=2048)\n"
        "post = kind.endswith('post')\n"
        "body = b'{\"type\":\"Create\",\"id\":\"https://other.example/2\"}' if post else b''\n"
        "date = email.utils.formatdate(usegmt=True)\n"
        "digest = 'SHA-256=' + base64.b64encode(hashlib.sha256(body).digest()).decode()\n"
        "rt = 'post /users/ann/inbox' if post else 'get /users/ann/statuses/1'\n"
        "if kind.startswith('gts'):\n"
        "    names = ['(request-target)', 'host', 'date'] + (['digest'] if post else [])\n"
        "    kid, alg = 'https://gts.example/users/bob/main-key', 'hs2019'\n"
        "else:\n"
        "    names = ['(request-target)', 'host', 'digest', 'date']\n"
        "    kid, alg = 'https://snac.example/bob#main-key', 'rsa-sha256'\n"
        "val = {'(request-target)': rt, 'host': 'kring.example', 'date': date, 'digest': digest}\n"
        "s = '\\n'.join('%s: %s' % (n, val[n]) for n in names)\n"
        "sig = base64.b64encode(k.sign(s.encode(), padding.PKCS1v15(), hashes.SHA256())).decode()\n"
        "pub = k.public_key().public_bytes(serialization.Encoding.PEM,"
        " serialization.PublicFormat.SubjectPublicKeyInfo).decode()\n"
        "print(date); print(digest); print(body.decode())\n"
        "print('keyId=\"%s\",algorithm=\"%s\",headers=\"%s\",signature=\"%s\"' % (kid, alg, ' '.join(names), sig))\n"
        "sys.stdout.write(pub)\n";

/* Run PY_OTHER for kind and check what it signed verifies here, and that a
 * changed header (or body) does not. */
static void other_fixture(const char *kind, const char *key_id, bool post)
{
	char path[] = "/tmp/kring-fedsig-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(PY_OTHER, f);
	fclose(f);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "/usr/bin/python3 %s %s", path, kind);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	static char out[16384];
	size_t n = fread(out, 1, sizeof out - 1, p);
	out[n] = '\0';
	assert_int_equal(pclose(p), 0);
	remove(path);
	char *date = out, *digest = strchr(date, '\n');
	assert_non_null(digest);
	*digest++ = '\0';
	char *body = strchr(digest, '\n');
	assert_non_null(body);
	*body++ = '\0';
	char *sig = strchr(body, '\n');
	assert_non_null(sig);
	*sig++ = '\0';
	char *pem = strchr(sig, '\n');
	assert_non_null(pem);
	*pem++ = '\0';

	struct arena a;
	arena_init(&a);
	struct fed_sig s;
	assert_int_equal(fed_sig_parse(&a, sig, &s), 0);
	assert_string_equal(s.key_id, key_id);
	struct hdrs h = {{"host", "date", "digest"}, {"kring.example", date, digest}, 3};
	const char *target = post ? "/users/ann/inbox" : "/users/ann/statuses/1";
	struct fed_sig_req r = {post ? "POST" : "GET", target, lookup, &h};
	const char *b = post ? body : NULL;
	size_t bl = post ? strlen(body) : 0;
	const char *why = NULL;
	int64_t now = time(NULL);
	assert_int_equal(fed_sig_verify(&a, &s, &r, b, bl, pem, now, &why), 0);
	/* Another host, another date (still in the window), another target:
	 * each breaks it. */
	h.vals[0] = "evil.example";
	assert_int_equal(fed_sig_verify(&a, &s, &r, b, bl, pem, now, &why), ERR_AUTH);
	h.vals[0] = "kring.example";
	char other[64];
	fed_http_date(fed_http_date_parse(date) - 1, other, sizeof other);
	h.vals[1] = other;
	assert_int_equal(fed_sig_verify(&a, &s, &r, b, bl, pem, now, &why), ERR_AUTH);
	h.vals[1] = date;
	struct fed_sig_req r2 = {r.method, "/users/eve/inbox", lookup, &h};
	assert_int_equal(fed_sig_verify(&a, &s, &r2, b, bl, pem, now, &why), ERR_AUTH);
	if (post) /* another body: the digest no longer matches */
		assert_int_equal(fed_sig_verify(&a, &s, &r, "{}", 2, pem, now, &why), ERR_INVAL);
	/* and it still verifies as it came */
	assert_int_equal(fed_sig_verify(&a, &s, &r, b, bl, pem, now, &why), 0);
	arena_release(&a);
}

static void test_gotosocial_fixtures(void **state)
{
	(void)state;
	other_fixture("gts-get", "https://gts.example/users/bob/main-key", false);
	other_fixture("gts-post", "https://gts.example/users/bob/main-key", true);
}

static void test_snac_fixtures(void **state)
{
	(void)state;
	other_fixture("snac-post", "https://snac.example/bob#main-key", true);
	other_fixture("snac-get", "https://snac.example/bob#main-key", false);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_mastodon_fixture),
	        cmocka_unit_test(test_rfc9421_fixture),
	        cmocka_unit_test(test_roundtrip),
	        cmocka_unit_test(test_parse_limits),
	        cmocka_unit_test(test_gotosocial_fixtures),
	        cmocka_unit_test(test_snac_fixtures),
	};
	return cmocka_run_group_tests_name("fed_sig", tests, NULL, NULL);
}
