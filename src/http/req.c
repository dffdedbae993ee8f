#include <arpa/inet.h>
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/text.h"
#include "http/http.h"

const char *http_param(struct http_req *r, const char *name)
{
	for (int i = 0; i < r->nparams; i++)
		if (!strcmp(r->param_names[i], name))
			return r->param_vals[i];
	return NULL;
}

const char *http_query(struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *http_header(struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *http_cookie(struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

int http_parse_urlencoded(struct arena *a, const char *body, size_t len, struct http_field *fields, int max,
                          int *nfields)
{
	char *s = arena_strndup(a, body, len);
	char *end = s + len;
	int n = 0;
	*nfields = 0;
	for (char *p = s; p < end;) {
		char *amp = memchr(p, '&', (size_t)(end - p));
		char *stop = amp ? amp : end;
		*stop = '\0';
		if (stop > p) {
			if (n == max)
				return ERR_TOOBIG;
			char *eq = strchr(p, '=');
			char *val = eq ? eq + 1 : stop;
			if (eq)
				*eq = '\0';
			size_t nlen = url_decode(p, strlen(p), true);
			size_t vlen = url_decode(val, strlen(val), true);
			if (vlen > HTTP_MAX_FIELD)
				return ERR_TOOBIG;
			/* Every name and value must be well-formed UTF-8 without a NUL inside. */
			if (!utf8_valid(val, vlen) || strlen(val) != vlen || !utf8_valid(p, nlen) || strlen(p) != nlen)
				return ERR_INVAL;
			fields[n].name = p;
			fields[n].value = val;
			fields[n].len = vlen;
			*nfields = ++n;
		}
		p = stop + 1;
	}
	return 0;
}

int http_form_parse(struct http_req *r)
{
	if (r->form_parsed)
		return r->form_err;
	r->form_parsed = true;
	const char *ct = http_header(r, "Content-Type");
	if (http_is_multipart(ct)) {
		r->files = arena_alloc(r->a, HTTP_MAX_FILES * sizeof *r->files);
		return r->form_err = http_parse_multipart(r->a, ct, r->body.ptr, r->body.len, r->fields, HTTP_MAX_FIELDS,
		                                          &r->nfields, r->files, HTTP_MAX_FILES, &r->nfiles);
	}
	if (r->body.len && (!ct || strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0))
		return r->form_err = ERR_INVAL;
	return r->form_err = http_parse_urlencoded(r->a, r->body.ptr, r->body.len, r->fields, HTTP_MAX_FIELDS,
	                                           &r->nfields);
}

const char *http_form(struct http_req *r, const char *name)
{
	if (http_form_parse(r))
		return NULL;
	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->fields[i].name, name))
			return r->fields[i].value;
	return NULL;
}

void http_set_header(struct http_req *r, const char *name, const char *value)
{
	if (r->nres_hdrs == HTTP_MAX_RES_HDRS)
		return;
	r->res_hdr_names[r->nres_hdrs] = name;
	r->res_hdr_vals[r->nres_hdrs] = arena_strdup(r->a, value);
	r->nres_hdrs++;
}

void http_redirect(struct http_req *r, const char *location)
{
	r->status = 303;
	http_set_header(r, "Location", location);
	buf_reset(&r->out);
}

void http_set_cookie(struct http_req *r, const char *name, const char *value, int max_age)
{
	char *v = arena_printf(r->a, "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d%s", name, value, max_age,
	                       r->tls ? "; Secure" : "");
	http_set_header(r, "Set-Cookie", v);
}

/* ---- the client's address behind trusted reverse proxies ---- */

#define HTTP_MAX_PROXIES 32

/* An address or network, IPv4 kept as IPv4-mapped IPv6 so one compare serves both. */
struct net {
	unsigned char addr[16];
	int bits;
};

/* Set once at start, before the server threads run; read-only after. */
static struct net proxies[HTTP_MAX_PROXIES];
static int nproxies;

static bool addr_parse(const char *s, unsigned char out[16])
{
	struct in_addr v4;
	if (inet_pton(AF_INET, s, &v4) == 1) {
		memset(out, 0, 10);
		out[10] = out[11] = 0xff;
		memcpy(out + 12, &v4, 4);
		return true;
	}
	return inet_pton(AF_INET6, s, out) == 1;
}

static bool is_v4(const unsigned char a[16])
{
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	return !memcmp(a, mapped, sizeof mapped);
}

static bool net_has(const struct net *n, const unsigned char a[16])
{
	int full = n->bits / 8, rest = n->bits % 8;
	if (memcmp(n->addr, a, (size_t)full))
		return false;
	return !rest || ((n->addr[full] ^ a[full]) & (0xff << (8 - rest))) == 0;
}

static bool trusted(const unsigned char a[16])
{
	for (int i = 0; i < nproxies; i++)
		if (net_has(&proxies[i], a))
			return true;
	return false;
}

static int proxies_parse(const char *list)
{
	nproxies = 0;
	char item[128];
	while (list && *list) {
		size_t skip = strspn(list, ", \t");
		list += skip;
		size_t n = strcspn(list, ", \t");
		if (!n)
			break;
		if (n >= sizeof item || nproxies == HTTP_MAX_PROXIES)
			return ERR_INVAL;
		memcpy(item, list, n);
		item[n] = '\0';
		list += n;
		struct net *p = &proxies[nproxies];
		char *slash = strchr(item, '/');
		uint64_t bits = 0;
		if (slash)
			*slash = '\0';
		if (!addr_parse(item, p->addr))
			return ERR_INVAL;
		int max = is_v4(p->addr) && !strchr(item, ':') ? 32 : 128;
		if (slash && (!parse_u64(slash + 1, &bits) || bits > (uint64_t)max))
			return ERR_INVAL;
		p->bits = (int)(slash ? bits : (uint64_t)max) + (max == 32 ? 96 : 0);
		/* Clear host bits so "10.1.2.3/8" means 10.0.0.0/8. */
		for (int b = p->bits; b < 128; b++)
			p->addr[b / 8] &= (unsigned char)~(0x80 >> (b % 8));
		nproxies++;
	}
	return 0;
}

int http_trusted_proxies_set(const char *list)
{
	int rc = proxies_parse(list);
	if (rc)
		nproxies = 0;
	return rc;
}

static const char *addr_str(struct arena *a, const unsigned char addr[16])
{
	char tmp[INET6_ADDRSTRLEN];
	if (is_v4(addr))
		inet_ntop(AF_INET, addr + 12, tmp, sizeof tmp);
	else
		inet_ntop(AF_INET6, addr, tmp, sizeof tmp);
	return arena_strdup(a, tmp);
}

const char *http_client_addr(struct http_req *r)
{
	unsigned char cur[16];
	const char *peer = r->remote ? r->remote : "-";
	if (!nproxies || !addr_parse(peer, cur) || !trusted(cur))
		return peer;
	const char *xff = http_header(r, "X-Forwarded-For");
	if (!xff)
		return peer;
	/* Right to left: each trusted hop vouches for the one before it; the
	 * first address not a trusted proxy is the client.  What a client
	 * wrote further left itself is never reached. */
	char *s = arena_strdup(r->a, xff);
	for (char *end = s + strlen(s); end > s;) {
		char *start = end;
		while (start > s && start[-1] != ',')
			start--;
		char *next = start > s ? start - 1 : s;
		*end = '\0';
		while (*start == ' ' || *start == '\t')
			start++;
		for (char *t = end; t > start && (t[-1] == ' ' || t[-1] == '\t');)
			*--t = '\0';
		unsigned char hop[16];
		if (!addr_parse(start, hop))
			break;
		memcpy(cur, hop, sizeof cur);
		if (!trusted(cur))
			break;
		end = next;
	}
	return addr_str(r->a, cur);
}
