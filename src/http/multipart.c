/*
 * A bounded multipart/form-data parser (RFC 7578) for media uploads.  It
 * works on the whole body already collected under HTTP_MAX_UPLOAD: file
 * parts point into the body (no copy), text parts are copied and checked
 * like urlencoded fields so the CSRF check and handlers see the same thing.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/err.h"
#include "base/text.h"
#include "http/http.h"

#define BOUNDARY_MAX 70 /* RFC 2046 */

bool http_is_multipart(const char *ct)
{
	if (!ct || strncasecmp(ct, "multipart/form-data", 19))
		return false;
	return ct[19] == '\0' || ct[19] == ';' || ct[19] == ' ' || ct[19] == '\t';
}

/* The boundary parameter of ct into out (NUL-terminated); 0 or ERR_INVAL. */
static int boundary_of(const char *ct, char out[BOUNDARY_MAX + 1])
{
	const char *p = ct;
	for (;;) {
		p = strchr(p, ';');
		if (!p)
			return ERR_INVAL;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!strncasecmp(p, "boundary=", 9))
			break;
	}
	p += 9;
	size_t n = 0;
	if (*p == '"') {
		p++;
		while (p[n] && p[n] != '"')
			n++;
		if (p[n] != '"')
			return ERR_INVAL;
	} else {
		while (p[n] && p[n] != ';' && p[n] != ' ' && p[n] != '\t')
			n++;
	}
	if (n == 0 || n > BOUNDARY_MAX)
		return ERR_INVAL;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] > 0x7e)
			return ERR_INVAL;
	memcpy(out, p, n);
	out[n] = '\0';
	return 0;
}

/*
 * The value of parameter `key` in a Content-Disposition value, copied into
 * a; NULL if absent.  Quoted strings may carry backslash escapes.
 */
static char *disp_param(struct arena *a, const char *v, const char *key)
{
	size_t klen = strlen(key);
	const char *p = v;
	while ((p = strchr(p, ';'))) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, key, klen) || p[klen] != '=')
			continue;
		p += klen + 1;
		char *out = arena_alloc(a, strlen(p) + 1);
		size_t n = 0;
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1])
					p++;
				out[n++] = *p;
			}
			if (*p != '"')
				return NULL;
		} else {
			while (*p && *p != ';' && *p != ' ' && *p != '\t')
				out[n++] = *p++;
		}
		out[n] = '\0';
		return out;
	}
	return NULL;
}

struct part {
	char *name, *filename;
	bool has_filename;
};

/* Parse one part's header block (hdr[0..n), no NUL inside). */
static int part_headers(struct arena *a, const char *hdr, size_t n, struct part *pt)
{
	char *h = arena_strndup(a, hdr, n);
	if (strlen(h) != n)
		return ERR_INVAL;
	memset(pt, 0, sizeof *pt);
	for (char *line = h; line && *line;) {
		char *eol = strstr(line, "\r\n");
		if (eol)
			*eol = '\0';
		if (!strncasecmp(line, "Content-Disposition:", 20)) {
			char *v = line + 20;
			while (*v == ' ' || *v == '\t')
				v++;
			if (strncasecmp(v, "form-data", 9))
				return ERR_INVAL;
			pt->name = disp_param(a, v, "name");
			pt->filename = disp_param(a, v, "filename");
			pt->has_filename = pt->filename != NULL;
		}
		line = eol ? eol + 2 : NULL;
	}
	if (!pt->name || !*pt->name || !utf8_valid(pt->name, strlen(pt->name)))
		return ERR_INVAL;
	if (pt->filename) {
		/* Only the base name: some clients send a whole path. */
		char *base = pt->filename;
		for (char *p = pt->filename; *p; p++)
			if (*p == '/' || *p == '\\')
				base = p + 1;
		pt->filename = base;
		if (!utf8_valid(base, strlen(base)) || text_has_controls(base, strlen(base)))
			return ERR_INVAL;
	}
	return 0;
}

int http_parse_multipart(struct arena *a, const char *ct, const char *body, size_t len, struct http_field *fields,
                         int maxfields, int *nfields, struct http_file *files, int maxfiles, int *nfiles)
{
	*nfields = 0;
	*nfiles = 0;
	char bnd[BOUNDARY_MAX + 1];
	if (!ct || !http_is_multipart(ct) || boundary_of(ct, bnd))
		return ERR_INVAL;
	/* The delimiter as it appears between parts: CRLF "--" boundary. */
	char delim[BOUNDARY_MAX + 5];
	size_t dlen = (size_t)snprintf(delim, sizeof delim, "\r\n--%s", bnd);
	const char *end = body + len, *p;
	if (len >= dlen - 2 && !memcmp(body, delim + 2, dlen - 2)) {
		p = body + dlen - 2;
	} else {
		const char *d = memmem(body, len, delim, dlen); /* skip a preamble */
		if (!d)
			return ERR_INVAL;
		p = d + dlen;
	}
	int parts = 0;
	for (;;) {
		/* After a delimiter: "--" ends the body, else (padding) CRLF and a part. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return 0;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return ERR_INVAL;
		p += 2;
		if (++parts > maxfields + maxfiles)
			return ERR_TOOBIG;
		size_t room = (size_t)(end - p);
		if (room > HTTP_MAX_PART_HDR + 4)
			room = HTTP_MAX_PART_HDR + 4;
		const char *hend = memmem(p, room, "\r\n\r\n", 4);
		if (!hend)
			return room == HTTP_MAX_PART_HDR + 4 ? ERR_TOOBIG : ERR_INVAL;
		struct part pt;
		int rc = part_headers(a, p, (size_t)(hend - p), &pt);
		if (rc)
			return rc;
		const char *data = hend + 4;
		const char *dend = memmem(data, (size_t)(end - data), delim, dlen);
		if (!dend)
			return ERR_INVAL; /* truncated */
		size_t n = (size_t)(dend - data);
		if (pt.has_filename) {
			/* A file input left empty is sent as a part with no name and no bytes. */
			if (*pt.filename || n) {
				if (*nfiles == maxfiles)
					return ERR_TOOBIG;
				struct http_file *f = &files[(*nfiles)++];
				f->name = pt.name;
				f->filename = pt.filename;
				f->data = data;
				f->len = n;
			}
		} else {
			if (n > HTTP_MAX_FIELD)
				return ERR_TOOBIG;
			if (*nfields == maxfields)
				return ERR_TOOBIG;
			char *v = arena_strndup(a, data, n);
			if (strlen(v) != n || !utf8_valid(v, n))
				return ERR_INVAL;
			struct http_field *fl = &fields[(*nfields)++];
			fl->name = pt.name;
			fl->value = v;
			fl->len = n;
		}
		p = dend + dlen;
	}
}
