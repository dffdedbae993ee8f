/*
 * HTTP Signatures (draft-cavage) and RSA keys for federation: see fed_sig.h.
 */
#include "core/fed_sig.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

/* ---- the Signature header ---- */

static bool tok_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
	       ch == '_';
}

/* Split the headers="..." list into lower-case names. */
static int names_parse(struct arena *a, const char *v, size_t n, struct fed_sig *out)
{
	size_t i = 0;
	out->nnames = 0;
	while (i < n) {
		while (i < n && v[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && v[j] != ' ')
			j++;
		if (j == i)
			break;
		if (out->nnames >= FED_SIG_NAMES_MAX || j - i > FED_SIG_NAME_MAX)
			return ERR_INVAL;
		char *name = arena_strndup(a, v + i, j - i);
		for (char *p = name; *p; p++) {
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
			else if (!tok_char(*p) && *p != '(' && *p != ')' && *p != '.')
				return ERR_INVAL;
		}
		out->names[out->nnames++] = name;
		i = j;
	}
	return out->nnames ? 0 : ERR_INVAL;
}

static bool num_parse(const char *v, size_t n, int64_t *out)
{
	if (!n || n > 15)
		return false;
	int64_t x = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return false;
		x = x * 10 + (v[i] - '0');
	}
	*out = x;
	return true;
}

int fed_sig_parse(struct arena *a, const char *hdr, struct fed_sig *out)
{
	memset(out, 0, sizeof *out);
	out->algorithm = "";
	if (!hdr)
		return ERR_INVAL;
	size_t n = strnlen(hdr, FED_SIG_HEADER_MAX + 1);
	if (n > FED_SIG_HEADER_MAX)
		return ERR_INVAL;
	size_t i = 0;
	if (n >= 10 && !strncasecmp(hdr, "Signature ", 10))
		i = 10;
	bool have_names = false, have_sig = false;
	int params = 0;
	while (i < n) {
		while (i < n && (hdr[i] == ' ' || hdr[i] == ',' || hdr[i] == '\t'))
			i++;
		if (i >= n)
			break;
		if (++params > FED_SIG_PARAMS_MAX)
			return ERR_INVAL;
		size_t k = i;
		while (i < n && tok_char(hdr[i]))
			i++;
		size_t klen = i - k;
		if (!klen || klen > 32 || i >= n || hdr[i] != '=')
			return ERR_INVAL;
		i++;
		const char *v;
		size_t vlen;
		if (i < n && hdr[i] == '"') {
			v = hdr + ++i;
			while (i < n && hdr[i] != '"') {
				if (hdr[i] == '\\' || (unsigned char)hdr[i] < 0x20)
					return ERR_INVAL;
				i++;
			}
			if (i >= n)
				return ERR_INVAL; /* unterminated */
			vlen = (size_t)(hdr + i - v);
			i++;
		} else {
			v = hdr + i;
			while (i < n && tok_char(hdr[i]))
				i++;
			vlen = (size_t)(hdr + i - v);
		}
		if (i < n && hdr[i] != ',' && hdr[i] != ' ')
			return ERR_INVAL;
		const char *key = hdr + k;
#define IS(name) (klen == sizeof name - 1 && !strncasecmp(key, name, klen))
		if (IS("keyId")) {
			if (!vlen || vlen > FED_SIG_KEYID_MAX || out->key_id)
				return ERR_INVAL;
			out->key_id = arena_strndup(a, v, vlen);
		} else if (IS("algorithm")) {
			if (vlen > 32)
				return ERR_INVAL;
			out->algorithm = arena_strndup(a, v, vlen);
		} else if (IS("headers")) {
			if (have_names || names_parse(a, v, vlen, out))
				return ERR_INVAL;
			have_names = true;
		} else if (IS("signature")) {
			size_t bl = 0;
			if (have_sig || !vlen || vlen > FED_SIG_BYTES_MAX * 4 / 3 + 4 ||
			    sodium_base642bin(out->sig, sizeof out->sig, v, vlen, NULL, &bl, NULL,
			                      sodium_base64_VARIANT_ORIGINAL) ||
			    !bl)
				return ERR_INVAL;
			out->siglen = bl;
			have_sig = true;
		} else if (IS("created")) {
			if (!num_parse(v, vlen, &out->created))
				return ERR_INVAL;
		} else if (IS("expires")) {
			if (!num_parse(v, vlen, &out->expires))
				return ERR_INVAL;
		}
		/* other parameters are ignored, as the draft says */
#undef IS
	}
	if (!out->key_id || !have_sig)
		return ERR_INVAL;
	if (!have_names) {
		out->names[0] = "date";
		out->nnames = 1;
	}
	return 0;
}

/* ---- the signing string ---- */

int fed_sig_string(struct arena *a, const struct fed_sig *s, const struct fed_sig_req *r, const char **out)
{
	struct buf b = BUF_INIT(FED_SIG_NAMES_MAX * (FED_SIG_LINE_MAX + FED_SIG_NAME_MAX + 4));
	int rc = 0;
	for (int i = 0; !rc && i < s->nnames; i++) {
		const char *name = s->names[i];
		char line[FED_SIG_LINE_MAX + 1];
		if (!strcmp(name, "(request-target)")) {
			char m[16];
			size_t ml = strnlen(r->method, sizeof m - 1);
			for (size_t j = 0; j < ml; j++)
				m[j] = (char)((r->method[j] >= 'A' && r->method[j] <= 'Z') ? r->method[j] - 'A' + 'a'
				                                                             : r->method[j]);
			m[ml] = '\0';
			if ((size_t)snprintf(line, sizeof line, "%s %s", m, r->target) >= sizeof line)
				rc = ERR_INVAL;
		} else if (!strcmp(name, "(created)") || !strcmp(name, "(expires)")) {
			int64_t t = name[1] == 'c' ? s->created : s->expires;
			if (!t)
				rc = ERR_INVAL;
			else
				snprintf(line, sizeof line, "%lld", (long long)t);
		} else {
			const char *v = r->header(r->ctx, name);
			if (!v || strlen(v) > FED_SIG_LINE_MAX)
				rc = ERR_INVAL;
			else
				snprintf(line, sizeof line, "%s", v);
		}
		if (!rc)
			rc = buf_addf(&b, "%s%s: %s", i ? "\n" : "", name, line);
	}
	if (!rc)
		*out = arena_strndup(a, b.ptr ? b.ptr : "", b.len);
	buf_release(&b);
	return rc;
}

/* ---- dates and digests ---- */

void fed_http_date(int64_t t, char *out, size_t outlen)
{
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	snprintf(out, outlen, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	         tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int64_t fed_http_date_parse(const char *s)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	char wd[4], mon[4], zone[4];
	int d, y, hh, mm, ss;
	if (!s || strlen(s) > 64 ||
	    sscanf(s, "%3s, %d %3s %d %d:%d:%d %3s", wd, &d, mon, &y, &hh, &mm, &ss, zone) != 8 || strcmp(zone, "GMT"))
		return -1;
	const char *m = strstr(months, mon);
	if (!m || (m - months) % 3 || d < 1 || d > 31 || y < 1970 || y > 9999 || hh > 23 || mm > 59 || ss > 60 ||
	    hh < 0 || mm < 0 || ss < 0)
		return -1;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = (int)((m - months) / 3), .tm_mday = d,
	                .tm_hour = hh, .tm_min = mm, .tm_sec = ss};
	return (int64_t)timegm(&tm);
}

void fed_digest(const char *body, size_t n, char *out, size_t outlen)
{
	uint8_t h[32];
	unsigned hl = 0;
	EVP_Digest(body, n, h, &hl, EVP_sha256(), NULL);
	char b[64];
	sodium_bin2base64(b, sizeof b, h, sizeof h, sodium_base64_VARIANT_ORIGINAL);
	snprintf(out, outlen, "SHA-256=%s", b);
}

bool fed_digest_ok(const char *hdr, const char *body, size_t n)
{
	if (!hdr || strlen(hdr) > 1024)
		return false;
	char want[80];
	fed_digest(body, n, want, sizeof want);
	/* A list of algorithm=value pairs; the SHA-256 one must match. */
	const char *p = hdr;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t l = strcspn(p, ",");
		while (l && p[l - 1] == ' ')
			l--;
		if (l > 8 && !strncasecmp(p, "SHA-256=", 8))
			return l == strlen(want) && !memcmp(p + 8, want + 8, l - 8);
		p += strcspn(p, ",");
	}
	return false;
}

/* ---- keys ---- */

static EVP_PKEY *pem_pub(const char *pem)
{
	BIO *b = BIO_new_mem_buf(pem, -1);
	if (!b)
		return NULL;
	EVP_PKEY *k = PEM_read_bio_PUBKEY(b, NULL, NULL, NULL);
	BIO_free(b);
	return k;
}

static EVP_PKEY *pem_priv(const char *pem)
{
	BIO *b = BIO_new_mem_buf(pem, -1);
	if (!b)
		return NULL;
	EVP_PKEY *k = PEM_read_bio_PrivateKey(b, NULL, NULL, NULL);
	BIO_free(b);
	return k;
}

static const char *bio_text(struct arena *a, BIO *b)
{
	char *p;
	long n = BIO_get_mem_data(b, &p);
	return n > 0 && n < FED_PEM_MAX ? arena_strndup(a, p, (size_t)n) : NULL;
}

int fed_key_new(struct arena *a, const char **pub_pem, const char **priv_pem)
{
	EVP_PKEY *k = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)FED_KEY_BITS);
	if (!k)
		return ERR_IO;
	BIO *pb = BIO_new(BIO_s_mem()), *sb = BIO_new(BIO_s_mem());
	int rc = ERR_IO;
	if (pb && sb && PEM_write_bio_PUBKEY(pb, k) == 1 &&
	    PEM_write_bio_PrivateKey(sb, k, NULL, NULL, 0, NULL, NULL) == 1) {
		*pub_pem = bio_text(a, pb);
		*priv_pem = bio_text(a, sb);
		if (*pub_pem && *priv_pem)
			rc = 0;
	}
	BIO_free(pb);
	BIO_free(sb);
	EVP_PKEY_free(k);
	return rc;
}

/* ---- signing and verifying ---- */

int fed_sign(struct arena *a, const char *priv_pem, const char *key_id, const char *method, const char *target,
             const char *host, const char *date, const char *digest, const char **out)
{
	char m[16];
	size_t ml = strnlen(method, sizeof m - 1);
	for (size_t j = 0; j < ml; j++)
		m[j] = (char)((method[j] >= 'A' && method[j] <= 'Z') ? method[j] - 'A' + 'a' : method[j]);
	m[ml] = '\0';
	const char *str = digest ? arena_printf(a, "(request-target): %s %s\nhost: %s\ndate: %s\ndigest: %s", m, target,
	                                        host, date, digest)
	                         : arena_printf(a, "(request-target): %s %s\nhost: %s\ndate: %s", m, target, host, date);
	EVP_PKEY *k = pem_priv(priv_pem);
	if (!k)
		return ERR_INVAL;
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	uint8_t sig[FED_SIG_BYTES_MAX];
	size_t sl = sizeof sig;
	int rc = ERR_IO;
	if (md && EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, k) == 1 &&
	    EVP_DigestSign(md, sig, &sl, (const uint8_t *)str, strlen(str)) == 1) {
		char b64[FED_SIG_BYTES_MAX * 2];
		sodium_bin2base64(b64, sizeof b64, sig, sl, sodium_base64_VARIANT_ORIGINAL);
		*out = arena_printf(a, "keyId=\"%s\",algorithm=\"rsa-sha256\",headers=\"%s\",signature=\"%s\"", key_id,
		                    digest ? "(request-target) host date digest" : "(request-target) host date", b64);
		rc = 0;
	}
	EVP_MD_CTX_free(md);
	EVP_PKEY_free(k);
	return rc;
}

static bool named(const struct fed_sig *s, const char *name)
{
	for (int i = 0; i < s->nnames; i++)
		if (!strcmp(s->names[i], name))
			return true;
	return false;
}

int fed_sig_verify(struct arena *a, const struct fed_sig *s, const struct fed_sig_req *r, const char *body,
                   size_t bodylen, const char *pubkey_pem, int64_t now, const char **why)
{
	*why = "";
	if (s->algorithm[0] && strcmp(s->algorithm, "rsa-sha256") && strcmp(s->algorithm, "hs2019")) {
		*why = "unsupported signature algorithm";
		return ERR_INVAL;
	}
	if (!named(s, "(request-target)") || !named(s, "host")) {
		*why = "the signature must cover (request-target) and host";
		return ERR_INVAL;
	}
	int64_t t = -1;
	if (named(s, "date"))
		t = fed_http_date_parse(r->header(r->ctx, "date"));
	else if (named(s, "(created)"))
		t = s->created ? s->created : -1;
	if (t < 0) {
		*why = "the signature must cover a readable date";
		return ERR_INVAL;
	}
	if (t > now + FED_SIG_SKEW_S || t < now - FED_SIG_WINDOW_S - FED_SIG_SKEW_S ||
	    (s->expires && s->expires < now - FED_SIG_SKEW_S)) {
		*why = "the signed date is too far from now";
		return ERR_INVAL;
	}
	if (body) {
		if (bodylen > FED_BODY_MAX) {
			*why = "the body is too large";
			return ERR_INVAL;
		}
		if (!named(s, "digest") || !fed_digest_ok(r->header(r->ctx, "digest"), body, bodylen)) {
			*why = "the body's SHA-256 digest is not signed or does not match";
			return ERR_INVAL;
		}
	}
	const char *str;
	if (fed_sig_string(a, s, r, &str)) {
		*why = "a signed header is missing";
		return ERR_INVAL;
	}
	EVP_PKEY *k = pem_pub(pubkey_pem);
	if (!k) {
		*why = "the key cannot be read";
		return ERR_INVAL;
	}
	int rc = ERR_AUTH;
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	if (EVP_PKEY_get_base_id(k) == EVP_PKEY_RSA && md &&
	    EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, k) == 1 &&
	    EVP_DigestVerify(md, s->sig, s->siglen, (const uint8_t *)str, strlen(str)) == 1)
		rc = 0;
	EVP_MD_CTX_free(md);
	EVP_PKEY_free(k);
	if (rc)
		*why = "the signature does not verify";
	return rc;
}

/* ---- RFC 9421 ---- */

/* The end of the dictionary member starting at p: the first ',' outside a
 * quoted string or a byte sequence. */
static const char *member_end(const char *p)
{
	bool q = false, colon = false;
	for (; *p; p++) {
		if (*p == '"' && !colon)
			q = !q;
		else if (*p == ':' && !q)
			colon = !colon;
		else if (*p == ',' && !q && !colon)
			break;
	}
	return p;
}

static bool label_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == '.' || ch == '*';
}

int fed_sig9421_parse(struct arena *a, const char *input, const char *signature, struct fed_sig9421 *out)
{
	memset(out, 0, sizeof *out);
	out->alg = "";
	if (!input || !signature || strnlen(input, FED_SIG_HEADER_MAX + 1) > FED_SIG_HEADER_MAX ||
	    strnlen(signature, FED_SIG_HEADER_MAX + 1) > FED_SIG_HEADER_MAX)
		return ERR_INVAL;
	const char *p = input;
	while (*p == ' ')
		p++;
	const char *l = p;
	while (label_char(*p))
		p++;
	if (p == l || p - l > 64 || *p != '=')
		return ERR_INVAL;
	out->label = arena_strndup(a, l, (size_t)(p - l));
	size_t ll = (size_t)(p - l);
	p++;
	const char *end = member_end(p);
	out->params = arena_strndup(a, p, (size_t)(end - p));
	/* The inner list of component names. */
	if (*p++ != '(')
		return ERR_INVAL;
	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == ')') {
			p++;
			break;
		}
		if (*p != '"' || out->ncomps >= FED_SIG_NAMES_MAX)
			return ERR_INVAL;
		const char *s = ++p;
		while (*p && *p != '"') {
			if (*p == '\\' || (unsigned char)*p < 0x20 || (*p >= 'A' && *p <= 'Z'))
				return ERR_INVAL;
			p++;
		}
		if (*p != '"' || p == s || p - s > FED_SIG_NAME_MAX)
			return ERR_INVAL;
		out->comps[out->ncomps++] = arena_strndup(a, s, (size_t)(p - s));
		p++;
		if (*p == ';')
			return ERR_INVAL; /* component parameters (sf, req, ...) are not taken */
	}
	/* Its parameters. */
	int nparams = 0;
	while (p < end && *p == ';') {
		if (++nparams > FED_SIG_PARAMS_MAX)
			return ERR_INVAL;
		const char *k = ++p;
		while (p < end && ((*p >= 'a' && *p <= 'z') || *p == '-'))
			p++;
		size_t kl = (size_t)(p - k);
		if (!kl || p >= end || *p != '=')
			return ERR_INVAL;
		p++;
		const char *v;
		size_t vl;
		bool str = *p == '"';
		if (str) {
			v = ++p;
			while (p < end && *p != '"') {
				if (*p == '\\' || (unsigned char)*p < 0x20)
					return ERR_INVAL;
				p++;
			}
			if (p >= end)
				return ERR_INVAL;
			vl = (size_t)(p - v);
			p++;
		} else {
			v = p;
			while (p < end && *p != ';')
				p++;
			vl = (size_t)(p - v);
		}
		if (kl == 5 && !strncmp(k, "keyid", 5) && str && vl && vl <= FED_SIG_KEYID_MAX)
			out->key_id = arena_strndup(a, v, vl);
		else if (kl == 3 && !strncmp(k, "alg", 3) && str && vl <= 32)
			out->alg = arena_strndup(a, v, vl);
		else if (kl == 7 && !strncmp(k, "created", 7) && !str) {
			if (!num_parse(v, vl, &out->created))
				return ERR_INVAL;
		} else if (kl == 7 && !strncmp(k, "expires", 7) && !str) {
			if (!num_parse(v, vl, &out->expires))
				return ERR_INVAL;
		}
	}
	if (p != end || !out->key_id || !out->ncomps)
		return ERR_INVAL;
	/* The signature with the same label: label=:base64: */
	const char *q = signature;
	for (;;) {
		while (*q == ' ' || *q == ',')
			q++;
		if (!*q)
			return ERR_INVAL;
		const char *qe = member_end(q);
		if ((size_t)(qe - q) > ll + 3 && !strncmp(q, out->label, ll) && q[ll] == '=' && q[ll + 1] == ':' &&
		    qe[-1] == ':') {
			const char *b = q + ll + 2;
			size_t bl = (size_t)(qe - 1 - b), n = 0;
			if (!bl || bl > FED_SIG_BYTES_MAX * 4 / 3 + 4 ||
			    sodium_base642bin(out->sig, sizeof out->sig, b, bl, NULL, &n, NULL, sodium_base64_VARIANT_ORIGINAL) ||
			    !n)
				return ERR_INVAL;
			out->siglen = n;
			return 0;
		}
		q = qe;
	}
}

static bool covers(const struct fed_sig9421 *s, const char *name)
{
	for (int i = 0; i < s->ncomps; i++)
		if (!strcmp(s->comps[i], name))
			return true;
	return false;
}

int fed_sig9421_base(struct arena *a, const struct fed_sig9421 *s, const struct fed_sig_req *r, const char *target_uri,
                     const char **out)
{
	struct buf b = BUF_INIT(FED_SIG_NAMES_MAX * (FED_SIG_LINE_MAX + FED_SIG_NAME_MAX + 8) + FED_SIG_HEADER_MAX);
	int rc = 0;
	size_t tl = strcspn(r->target, "?");
	for (int i = 0; !rc && i < s->ncomps; i++) {
		const char *c = s->comps[i], *v = NULL;
		if (!strcmp(c, "@method"))
			v = r->method;
		else if (!strcmp(c, "@target-uri"))
			v = target_uri;
		else if (!strcmp(c, "@authority")) {
			const char *h = r->header(r->ctx, "host");
			if (h) {
				char *lo = arena_strdup(a, h);
				for (char *x = lo; *x; x++)
					if (*x >= 'A' && *x <= 'Z')
						*x = (char)(*x - 'A' + 'a');
				v = lo;
			}
		} else if (!strcmp(c, "@path"))
			v = arena_strndup(a, r->target, tl);
		else if (!strcmp(c, "@query"))
			v = r->target[tl] ? r->target + tl : "?";
		else if (c[0] != '@')
			v = r->header(r->ctx, c);
		if (!v || strlen(v) > FED_SIG_LINE_MAX)
			rc = ERR_INVAL;
		else
			rc = buf_addf(&b, "\"%s\": %s\n", c, v);
	}
	if (!rc)
		rc = buf_addf(&b, "\"@signature-params\": %s", s->params);
	if (!rc)
		*out = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return rc;
}

bool fed_content_digest_ok(const char *hdr, const char *body, size_t n)
{
	if (!hdr || strlen(hdr) > 1024)
		return false;
	char want[80];
	fed_digest(body, n, want, sizeof want); /* "SHA-256=<b64>" */
	const char *w = want + 8;
	size_t wl = strlen(w);
	const char *p = hdr;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t l = strcspn(p, ",");
		while (l && p[l - 1] == ' ')
			l--;
		if (l > 9 && !strncmp(p, "sha-256=:", 9))
			return l == 9 + wl + 1 && !memcmp(p + 9, w, wl) && p[l - 1] == ':';
		p += strcspn(p, ",");
	}
	return false;
}

int fed_sig9421_verify(struct arena *a, const struct fed_sig9421 *s, const struct fed_sig_req *r,
                       const char *target_uri, const char *body, size_t bodylen, const char *pubkey_pem, int64_t now,
                       const char **why)
{
	*why = "";
	if (s->alg[0] && strcmp(s->alg, "rsa-v1_5-sha256")) {
		*why = "unsupported signature algorithm";
		return ERR_INVAL;
	}
	if (!covers(s, "@method") || !(covers(s, "@target-uri") || (covers(s, "@authority") && covers(s, "@path")))) {
		*why = "the signature must cover @method and the target";
		return ERR_INVAL;
	}
	int64_t t = s->created ? s->created : covers(s, "date") ? fed_http_date_parse(r->header(r->ctx, "date")) : -1;
	if (t <= 0) {
		*why = "the signature must say when it was made";
		return ERR_INVAL;
	}
	if (t > now + FED_SIG_SKEW_S || t < now - FED_SIG_WINDOW_S - FED_SIG_SKEW_S ||
	    (s->expires && s->expires < now - FED_SIG_SKEW_S)) {
		*why = "the signed date is too far from now";
		return ERR_INVAL;
	}
	if (body) {
		if (bodylen > FED_BODY_MAX) {
			*why = "the body is too large";
			return ERR_INVAL;
		}
		if (!covers(s, "content-digest") ||
		    !fed_content_digest_ok(r->header(r->ctx, "content-digest"), body, bodylen)) {
			*why = "the body's sha-256 Content-Digest is not signed or does not match";
			return ERR_INVAL;
		}
	}
	const char *base;
	if (fed_sig9421_base(a, s, r, target_uri, &base)) {
		*why = "a signed component is missing";
		return ERR_INVAL;
	}
	EVP_PKEY *k = pem_pub(pubkey_pem);
	if (!k) {
		*why = "the key cannot be read";
		return ERR_INVAL;
	}
	int rc = ERR_AUTH;
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	if (EVP_PKEY_get_base_id(k) == EVP_PKEY_RSA && md &&
	    EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, k) == 1 &&
	    EVP_DigestVerify(md, s->sig, s->siglen, (const uint8_t *)base, strlen(base)) == 1)
		rc = 0;
	EVP_MD_CTX_free(md);
	EVP_PKEY_free(k);
	if (rc)
		*why = "the signature does not verify";
	return rc;
}
