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
