#ifndef HTTP_HTTP_H
#define HTTP_HTTP_H

/*
 * HTTP on libmicrohttpd: a thread pool, a router with path parameters, one
 * arena per request, and bounded input.  Handlers fill `res_*` and return 0
 * or an ERR_*; the router maps errors to status codes in one place and asks
 * the error hook (the web layer) for a page.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "base/arena.h"
#include "base/buf.h"

#define HTTP_MAX_HEADER   (16 * 1024)        /* all request headers together */
#define HTTP_MAX_BODY     (64 * 1024)        /* a urlencoded form body */
#define HTTP_MAX_UPLOAD   (16 * 1024 * 1024) /* a multipart upload (media) */
#define HTTP_MAX_FIELDS   64                 /* form fields per request */
#define HTTP_MAX_FIELD    (32 * 1024)        /* one form field's value */
#define HTTP_MAX_PARAMS   8                  /* path parameters per route */
#define HTTP_MAX_RES_HDRS 16
#define HTTP_TIMEOUT_S    30                /* a connection with nothing moving */
/* Deadlines the inactivity timeout cannot give (a slowloris sends a byte just
 * before it runs out): the whole request head must arrive within
 * HTTP_HEAD_DEADLINE_S of the connection opening or the previous answer (an
 * idle keep-alive connection is closed then too), and a body within
 * HTTP_BODY_DEADLINE_S plus one second per HTTP_BODY_MIN_RATE bytes allowed. */
#define HTTP_HEAD_DEADLINE_S 10
#define HTTP_BODY_DEADLINE_S 30
#define HTTP_BODY_MIN_RATE   (16 * 1024)
/* Connections the server holds at most when the config names no number
 * (max_connections; max_connections_per_address has its default there). */
#define HTTP_MAX_CONNS          2048
#define HTTP_HSTS               "max-age=31536000"

enum http_method {
	HTTP_GET = 1, HTTP_HEAD = 2, HTTP_POST = 4, HTTP_PUT = 8, HTTP_DELETE = 16, HTTP_PATCH = 32, HTTP_OPTIONS = 64,
};

/* See http_upgrade below. */
typedef void (*http_upgrade_fn)(void *cls, int fd, const char *extra, size_t nextra, void *handle);

struct http_field {
	const char *name, *value;
	size_t len;
};

/* Fill buf with up to max bytes of a streamed body; 0 after
 * http_stream_suspend (no data yet), HTTP_STREAM_END at the end. */
typedef ssize_t (*http_stream_read)(void *cls, uint64_t pos, char *buf, size_t max);
#define HTTP_STREAM_END ((ssize_t)-1)

struct http_route;

struct http_req {
	struct arena *a;
	void *conn;                /* the MHD connection */
	int method;
	const char *method_str;
	const char *path;          /* decoded path without query */
	const char *url;           /* raw url as received */
	const char *remote;        /* client address */
	bool tls;
	const struct http_route *route; /* the route that matched, set before its handler runs */
	const char *param_names[HTTP_MAX_PARAMS];
	const char *param_vals[HTTP_MAX_PARAMS];
	int nparams;
	struct http_field fields[HTTP_MAX_FIELDS];
	int nfields;
	bool form_parsed;
	int form_err;
	struct buf body;           /* raw request body (bounded) */
	bool body_too_big;
	/* response */
	int status;
	const char *content_type;
	struct buf out;
	const char *res_hdr_names[HTTP_MAX_RES_HDRS];
	const char *res_hdr_vals[HTTP_MAX_RES_HDRS];
	int nres_hdrs;
	const char *file_data;     /* alternative body: static bytes, not copied */
	size_t file_len;
	void *user;                /* for the layer above (session, viewer) */
	http_upgrade_fn upgrade_fn; /* set by http_upgrade */
	void *upgrade_cls;
	/* alternative body: a stream read by callback until it ends (SSE) */
	http_stream_read stream_read;
	void (*stream_free)(void *cls);
	void *stream_cls;
	int64_t start_us;
	struct http_file *files;   /* multipart file parts (after http_form_parse) */
	int nfiles;
};

typedef int (*http_handler)(struct http_req *r);

struct http_route {
	int methods;               /* bit set of enum http_method */
	const char *pattern;       /* "/posts/:id/edit"; ":name" matches one segment */
	http_handler fn;
};

struct http_server;

/*
 * One adapter's part of the server (the pages, the API): the paths it owns,
 * its routes and its hooks.  main registers every adapter's mount in the one
 * table of http_config; a request goes to the first mount that owns its path,
 * so no adapter needs to know another.
 */
struct http_mount {
	const char *name;          /* "web", "api": for the log */
	/* The paths this adapter answers; NULL: every path (the last mount). */
	bool (*owns)(const char *path);
	/* Besides those, a request it claims by its headers (may be NULL):
	 * ActivityPub's content negotiation on a profile's address. */
	bool (*claims)(struct http_req *r);
	const struct http_route *routes;
	size_t nroutes;
	/* Called before routing (sessions); may return an error to stop. */
	int (*before)(struct http_req *r);
	/* Called once a route matched (r->route set), before its handler: who
	 * may call it, checked in one place; an error stops. */
	int (*allow)(struct http_req *r);
	/* Renders the response for a handler's error (status already set). */
	void (*error_page)(struct http_req *r, int err);
	/* Called once the answer is made (handler and error page) and before
	 * it is sent, whenever before was called (may be NULL): ends what must
	 * not outlast the request (its read transaction). */
	void (*done)(struct http_req *r);
	/* The largest body this request may send, decided when its head is
	 * complete and before any of the body is read (a valid token or session
	 * for an upload).  Asked only of multipart requests that announce more
	 * than HTTP_MAX_BODY or send chunks (and of ActivityPub JSON bodies:
	 * application/activity+json, application/ld+json); NULL or less:
	 * HTTP_MAX_BODY. */
	size_t (*body_limit)(struct http_req *r);
	/* Other sites' scripts may call these paths (token-authenticated APIs):
	 * they get CORS headers and an answer to the OPTIONS preflight. */
	bool cors;
};
#define HTTP_MAX_MOUNTS 4

struct http_config {
	const char *listen;        /* "127.0.0.1:8080" or "[::1]:8080" */
	int threads;
	const struct http_mount *mounts; /* copied by http_start */
	size_t nmounts;            /* 1..HTTP_MAX_MOUNTS */
	/* Called after each response is queued (release per-request state). */
	void (*after)(struct http_req *r);
	unsigned max_conns;          /* 0: HTTP_MAX_CONNS */
	unsigned max_conns_per_addr; /* 0: none (behind a reverse proxy all clients share its address) */
	bool https;                  /* the public address is https: HSTS, Secure cookies */
};

int http_start(const struct http_config *cfg, struct http_server **out);
/* Stop accepting new connections (in-flight requests continue). */
void http_quiesce(struct http_server *s);
/* Finish in-flight requests and stop. */
void http_stop(struct http_server *s);
int http_port(struct http_server *s);

/* Request access. */
const char *http_param(struct http_req *r, const char *name);
const char *http_query(struct http_req *r, const char *name);
const char *http_header(struct http_req *r, const char *name);
const char *http_cookie(struct http_req *r, const char *name);
/*
 * The client's address: the connection's peer (r->remote), or, when that
 * peer is a trusted reverse proxy, the address the proxies name in
 * X-Forwarded-For (read right to left, skipping trusted proxies).  Limits
 * per address use this; with no trusted proxies the header is ignored.
 */
const char *http_client_addr(struct http_req *r);
/* Trusted proxies: addresses or CIDR networks separated by commas or
 * spaces ("127.0.0.1, 10.0.0.0/8, ::1"); call once before http_start.
 * ERR_INVAL for a bad list (then none is trusted). */
int http_trusted_proxies_set(const char *list);
/* Parse the urlencoded body once; returns 0, ERR_INVAL or ERR_TOOBIG. */
int http_form_parse(struct http_req *r);
/* The pure parser behind it: split and percent-decode body into at most max
 * fields allocated in a; ERR_TOOBIG past max fields or HTTP_MAX_FIELD, ERR_INVAL
 * for invalid UTF-8 or an embedded NUL. */
int http_parse_urlencoded(struct arena *a, const char *body, size_t len, struct http_field *fields, int max,
                          int *nfields);
/* A form field (after http_form_parse), or NULL. */
const char *http_form(struct http_req *r, const char *name);

/* Response building. */
void http_set_header(struct http_req *r, const char *name, const char *value);
void http_redirect(struct http_req *r, const char *location); /* 303 See Other */
void http_set_cookie(struct http_req *r, const char *name, const char *value, int max_age);
/*
 * Answer with a long-lived streamed body (server-sent events): read is
 * called whenever the connection can take data; it may suspend the
 * connection (http_stream_suspend, from inside read only) and another thread
 * resumes it when data is queued.  free is called once the connection ends.
 * The connection's idle timeout is switched off.
 */
void http_stream_start(struct http_req *r, http_stream_read read, void (*free_cb)(void *cls), void *cls);
void http_stream_suspend(void *conn);
void http_stream_resume(void *conn);
/* All query arguments in order (repeated names kept: "types[]"), decoded,
 * copied into the request arena; at most max.  Returns how many. */
int http_query_fields(struct http_req *r, struct http_field *out, int max);
/* Map an ERR_* to an HTTP status (the one place this happens). */
int http_status_for(int err);
/* Parse "HOST:PORT" into its parts. */
int http_parse_listen(const char *listen, char *host, size_t hostlen, int *port);

/* ---- multipart/form-data (media uploads) ---- */
#define HTTP_MAX_FILES     8                 /* file parts per request */
#define HTTP_MAX_PART_HDR  (4 * 1024)        /* one part's header block */

/* A file part: data points into the request body (not NUL-terminated). */
struct http_file {
	const char *name;          /* the form field name */
	const char *filename;      /* as sent by the client, base name only; never trusted */
	const char *data;
	size_t len;
};

/*
 * Parse a multipart/form-data body whose boundary is given in the
 * Content-Type value ct.  Parts without a filename become fields (copied
 * into a, valid UTF-8, no NUL, at most HTTP_MAX_FIELD bytes); parts with a
 * filename become files pointing into body.  ERR_INVAL for a malformed body
 * or a missing/bad boundary, ERR_TOOBIG past maxfields / maxfiles or a limit.
 */
int http_parse_multipart(struct arena *a, const char *ct, const char *body, size_t len, struct http_field *fields,
                         int maxfields, int *nfields, struct http_file *files, int maxfiles, int *nfiles);
/* True if the Content-Type value names multipart/form-data. */
bool http_is_multipart(const char *ct);

/*
 * Protocol upgrade (WebSocket): answer 101 with the headers the handler set,
 * then hand the connection's socket to fn in a server thread.  fn owns the
 * socket from then on and must end it with http_upgrade_close(handle);
 * `extra` holds bytes the client already sent after its request.
 */
void http_upgrade(struct http_req *r, http_upgrade_fn fn, void *cls);
void http_upgrade_close(void *handle);

#endif
