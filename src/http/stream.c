/* Streamed responses (server-sent events) on libmicrohttpd's suspend/resume. */
#include <microhttpd.h>

#include "http/http.h"

#include <string.h>

#include "base/text.h"

struct qctx {
	struct http_req *r;
	struct http_field *out;
	int max, n;
	bool bad;
};

static enum MHD_Result each_query(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct qctx *q = cls;
	if (q->n == q->max)
		return MHD_NO;
	if (!value)
		value = "";
	size_t vl = strlen(value);
	if (vl > HTTP_MAX_FIELD || !utf8_valid(key, strlen(key)) || !utf8_valid(value, vl)) {
		q->bad = true;
		return MHD_YES;
	}
	q->out[q->n].name = arena_strdup(q->r->a, key);
	q->out[q->n].value = arena_strdup(q->r->a, value);
	q->out[q->n].len = vl;
	q->n++;
	return MHD_YES;
}

int http_query_fields(struct http_req *r, struct http_field *out, int max)
{
	struct qctx q = {.r = r, .out = out, .max = max};
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, each_query, &q);
	return q.n;
}

void http_stream_start(struct http_req *r, http_stream_read read, void (*free_cb)(void *cls), void *cls)
{
	r->stream_read = read;
	r->stream_free = free_cb;
	r->stream_cls = cls;
	MHD_set_connection_option(r->conn, MHD_CONNECTION_OPTION_TIMEOUT, (unsigned int)0);
}

void http_stream_suspend(void *conn)
{
	MHD_suspend_connection(conn);
}

void http_stream_resume(void *conn)
{
	MHD_resume_connection(conn);
}
