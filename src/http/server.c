#include "http/http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "base/err.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/text.h"

/*
 * Every open connection, for the deadlines libmicrohttpd's inactivity
 * timeout cannot give: a sweeper thread shuts down the socket of one that
 * has not sent its whole request head (or body) in time, and the connection's
 * own thread then sees the end and closes it.  The entry leaves the list
 * under `lock` before libmicrohttpd closes the socket, so the sweeper never
 * shuts down a descriptor that was reused.
 */
enum track_state {
	T_HEAD,     /* waiting for a request head */
	T_BODY,     /* head done, reading the body */
	T_BUSY,     /* answering (also a long stream): no deadline */
	T_UPGRADED, /* a WebSocket: the API's thread owns it */
};

struct track {
	struct track *prev, *next;
	int fd;
	enum track_state state;
	int64_t deadline_us;
	bool bad_url; /* the URL decoded to a NUL: answer 400 */
};

struct http_server {
	struct MHD_Daemon *d;
	struct http_config cfg;
	struct http_mount mounts[HTTP_MAX_MOUNTS]; /* cfg.mounts points here */
	int port;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct track *tracks;
	pthread_t sweeper;
	bool sweeping, stopping;
};

/* Per-connection request state, made on the first callback. */
struct ctx {
	struct arena arena;
	struct http_req req;
	struct track *t;
	bool refused; /* answered before the body was read (too big) */
};

static int64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static struct track *track_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

static void track_set(struct http_server *srv, struct track *t, enum track_state st, int64_t deadline_us)
{
	if (!t)
		return;
	pthread_mutex_lock(&srv->lock);
	if (t->state != T_UPGRADED) {
		t->state = st;
		t->deadline_us = deadline_us;
	}
	pthread_mutex_unlock(&srv->lock);
}

static void on_conn(void *cls, struct MHD_Connection *c, void **socket_context,
                    enum MHD_ConnectionNotificationCode code)
{
	struct http_server *srv = cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		struct track *t = xcalloc(1, sizeof *t);
		t->fd = ci ? (int)ci->connect_fd : -1;
		t->state = T_HEAD;
		t->deadline_us = now_us() + (int64_t)HTTP_HEAD_DEADLINE_S * 1000000;
		pthread_mutex_lock(&srv->lock);
		t->next = srv->tracks;
		if (t->next)
			t->next->prev = t;
		srv->tracks = t;
		pthread_mutex_unlock(&srv->lock);
		*socket_context = t;
		return;
	}
	struct track *t = *socket_context;
	if (!t)
		return;
	pthread_mutex_lock(&srv->lock);
	if (t->prev)
		t->prev->next = t->next;
	else
		srv->tracks = t->next;
	if (t->next)
		t->next->prev = t->prev;
	pthread_mutex_unlock(&srv->lock);
	free(t);
	*socket_context = NULL;
}

static void *sweep(void *arg)
{
	struct http_server *srv = arg;
	pthread_mutex_lock(&srv->lock);
	while (!srv->stopping) {
		int64_t now = now_us();
		int cut = 0;
		for (struct track *t = srv->tracks; t; t = t->next) {
			if ((t->state == T_HEAD || t->state == T_BODY) && t->deadline_us && now > t->deadline_us &&
			    t->fd >= 0) {
				/* Bytes the client sent are waiting unread: the connection's
				 * thread is busy answering another (a write waiting for
				 * the database), the delay is ours, not a slowloris's.
				 * Looked at again in a second. */
				int unread = 0;
				if (ioctl(t->fd, FIONREAD, &unread) == 0 && unread > 0) {
					t->deadline_us = now + 1000000;
					continue;
				}
				/* The connection's thread reads the end and closes it. */
				shutdown(t->fd, SHUT_RDWR);
				t->deadline_us = 0;
				cut++;
			}
		}
		if (cut)
			log_info("closed %d connections past the request deadline", cut);
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 500 * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&srv->wake, &srv->lock, &ts);
	}
	pthread_mutex_unlock(&srv->lock);
	return NULL;
}

/* libmicrohttpd's percent-decoding of the path and the query, plus a note
 * when a value decodes to a NUL: C strings would end there, and
 * "style.css%00.x" would be served as style.css. */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	size_t n = MHD_http_unescape(s);
	if (strlen(s) != n) {
		struct track *t = track_of(c);
		if (t)
			t->bad_url = true;
	}
	return n;
}

static int method_bit(const char *m)
{
	if (!strcmp(m, "GET")) return HTTP_GET;
	if (!strcmp(m, "HEAD")) return HTTP_HEAD;
	if (!strcmp(m, "POST")) return HTTP_POST;
	if (!strcmp(m, "PUT")) return HTTP_PUT;
	if (!strcmp(m, "DELETE")) return HTTP_DELETE;
	if (!strcmp(m, "PATCH")) return HTTP_PATCH;
	if (!strcmp(m, "OPTIONS")) return HTTP_OPTIONS;
	return 0;
}

int http_status_for(int err)
{
	switch (err) {
	case ERR_OK: return 200;
	case ERR_INVAL: return 400;
	case ERR_AUTH: return 401;
	case ERR_FORBIDDEN:
	case ERR_CSRF: return 403;
	case ERR_NOTFOUND: return 404;
	case ERR_METHOD: return 405;
	case ERR_EXISTS:
	case ERR_CONFLICT: return 409;
	case ERR_TOOBIG: return 413;
	case ERR_GUARD:
	case ERR_BLOCKED:
	case ERR_GUIDELINES: return 422;
	case ERR_RATE: return 429;
	case ERR_BUSY: return 503;
	default: return 500;
	}
}

/* Match pattern against path, filling params; false if it does not fit. */
static bool route_match(const char *pat, const char *path, struct http_req *r)
{
	int np = 0;
	const char *p = pat, *s = path;
	while (*p && *s) {
		if (*p == ':') {
			const char *name_end = strchr(p, '/');
			size_t nlen = name_end ? (size_t)(name_end - p - 1) : strlen(p + 1);
			const char *seg_end = strchr(s, '/');
			size_t slen = seg_end ? (size_t)(seg_end - s) : strlen(s);
			if (slen == 0 || np == HTTP_MAX_PARAMS)
				return false;
			r->param_names[np] = arena_strndup(r->a, p + 1, nlen);
			r->param_vals[np] = arena_strndup(r->a, s, slen);
			np++;
			p += 1 + nlen;
			s += slen;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	if (*p || *s)
		return false;
	r->nparams = np;
	return true;
}

static const char *security_headers[][2] = {
	{"Content-Security-Policy",
	 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
	 " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
	{"Referrer-Policy", "same-origin"},
	{"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
};

struct upgrade {
	struct http_server *srv;
	http_upgrade_fn fn;
	void *cls;
};

static void on_upgrade(void *cls, struct MHD_Connection *c, void *req_cls, const char *extra, size_t nextra,
                       MHD_socket sock, struct MHD_UpgradeResponseHandle *urh)
{
	(void)req_cls;
	struct upgrade *u = cls;
	struct track *t = track_of(c);
	if (t) {
		pthread_mutex_lock(&u->srv->lock);
		t->state = T_UPGRADED;
		pthread_mutex_unlock(&u->srv->lock);
	}
	u->fn(u->cls, (int)sock, extra, nextra, urh);
	free(u);
}

void http_upgrade(struct http_req *r, http_upgrade_fn fn, void *cls)
{
	r->upgrade_fn = fn;
	r->upgrade_cls = cls;
	r->status = 101;
}

void http_upgrade_close(void *handle)
{
	MHD_upgrade_action(handle, MHD_UPGRADE_ACTION_CLOSE);
}

/* The adapter that answers r: the first mount that owns its path (or
 * claims it by its headers). */
static const struct http_mount *mount_of(const struct http_server *srv, struct http_req *r)
{
	static const struct http_mount none = {.name = "-"};
	for (size_t i = 0; i < srv->cfg.nmounts; i++)
		if (!srv->mounts[i].owns || srv->mounts[i].owns(r->path) ||
		    (srv->mounts[i].claims && srv->mounts[i].claims(r)))
			return &srv->mounts[i];
	return &none;
}

static enum MHD_Result send_response(struct http_server *srv, struct MHD_Connection *c, struct http_req *r)
{
	struct MHD_Response *res;
	if (r->upgrade_fn && r->status == 101) {
		struct upgrade *u = xmalloc(sizeof *u);
		u->srv = srv;
		u->fn = r->upgrade_fn;
		u->cls = r->upgrade_cls;
		res = MHD_create_response_for_upgrade(on_upgrade, u);
		if (!res) {
			free(u);
			return MHD_NO;
		}
		for (int i = 0; i < r->nres_hdrs; i++)
			MHD_add_response_header(res, r->res_hdr_names[i], r->res_hdr_vals[i]);
		enum MHD_Result ok = MHD_queue_response(c, 101, res);
		MHD_destroy_response(res);
		return ok;
	}
	if (r->stream_read)
		res = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 16 * 1024, r->stream_read, r->stream_cls,
		                                        r->stream_free);
	else if (r->file_data)
		res = MHD_create_response_from_buffer(r->file_len, (void *)r->file_data, MHD_RESPMEM_PERSISTENT);
	else {
		/* The body is handed over, not copied (a timeline page is 60-70
		 * KB): libmicrohttpd frees it once sent. */
		size_t len;
		char *body = buf_take(&r->out, &len);
		res = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
		if (!res)
			free(body);
	}
	if (!res)
		return MHD_NO;
	MHD_add_response_header(res, "Content-Type", r->content_type ? r->content_type : "text/html; charset=utf-8");
	for (size_t i = 0; i < sizeof security_headers / sizeof security_headers[0]; i++) {
		/* A handler may narrow or widen one (the OAuth consent page's form-action). */
		bool own = false;
		for (int k = 0; k < r->nres_hdrs; k++)
			own |= !strcasecmp(r->res_hdr_names[k], security_headers[i][0]);
		if (!own)
			MHD_add_response_header(res, security_headers[i][0], security_headers[i][1]);
	}
	for (int i = 0; i < r->nres_hdrs; i++)
		MHD_add_response_header(res, r->res_hdr_names[i], r->res_hdr_vals[i]);
	if (srv->cfg.https)
		MHD_add_response_header(res, "Strict-Transport-Security", HTTP_HSTS);
	/* No cookies are honoured on these paths, so any origin may call them. */
	if (mount_of(srv, r)->cors) {
		MHD_add_response_header(res, "Access-Control-Allow-Origin", "*");
		MHD_add_response_header(res, "Access-Control-Expose-Headers", "Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining");
	}
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)r->status, res);
	MHD_destroy_response(res);
	return ok;
}

static void dispatch(struct http_server *srv, struct http_req *r, int early)
{
	const struct http_mount *m = mount_of(srv, r);
	bool called_before = false;
	int err = early;
	if (err)
		goto out;
	if (r->body_too_big) {
		err = ERR_TOOBIG;
		goto out;
	}
	if (!r->method) {
		err = ERR_METHOD;
		goto out;
	}
	if (r->method == HTTP_OPTIONS) {
		if (!m->cors) {
			err = ERR_METHOD;
			goto out;
		}
		r->status = 204;
		http_set_header(r, "Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
		http_set_header(r, "Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
		http_set_header(r, "Access-Control-Max-Age", "86400");
		return;
	}
	/* Behind a proxy that ends TLS (the public address is then https
	 * already, base_url). */
	const char *xf = http_header(r, "X-Forwarded-Proto");
	r->tls = r->tls || (xf && !strcmp(xf, "https"));
	called_before = true;
	if (m->before && (err = m->before(r)))
		goto out;
	const struct http_route *hit = NULL;
	bool path_hit = false;
	for (size_t i = 0; i < m->nroutes; i++) {
		const struct http_route *rt = &m->routes[i];
		if (!route_match(rt->pattern, r->path, r))
			continue;
		path_hit = true;
		int want = r->method == HTTP_HEAD ? HTTP_GET : r->method;
		if (rt->methods & want) {
			hit = rt;
			break;
		}
	}
	if (!hit) {
		err = path_hit ? ERR_METHOD : ERR_NOTFOUND;
		goto out;
	}
	r->status = 200;
	r->route = hit; /* the adapters read what it declared from it */
	if (!m->allow || !(err = m->allow(r)))
		err = hit->fn(r);
out:
	if (err) {
		r->status = http_status_for(err);
		buf_reset(&r->out);
		r->file_data = NULL;
		r->nres_hdrs = 0;
		if (err == ERR_METHOD)
			http_set_header(r, "Allow", "GET, POST");
		if (m->error_page)
			m->error_page(r, err);
		else
			buf_nofail(buf_addf(&r->out, "%d %s\n", r->status, err_str(err)));
	}
	if (called_before && m->done)
		m->done(r);
}

static void access_log(struct http_req *r)
{
	size_t len = r->file_data ? r->file_len : r->out.len;
	log_info("%s %s %s %d %zu %.1fms", r->remote ? r->remote : "-", r->method_str, r->url, r->status, len,
	         (double)(now_us() - r->start_us) / 1000.0);
}

static const char *remote_addr(struct MHD_Connection *c, struct arena *a)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (!ci || !ci->client_addr)
		return "-";
	char tmp[INET6_ADDRSTRLEN] = "-";
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, tmp, sizeof tmp);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, tmp, sizeof tmp);
	return arena_strdup(a, tmp);
}

/* A multipart upload or an ActivityPub activity (only those may be larger
 * than a form) in chunks without a length, or announcing more than a form
 * may send. */
static bool wants_big_body(struct MHD_Connection *c)
{
	const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	if (!http_is_multipart(ct) && !(ct && (!strncasecmp(ct, "application/activity+json", 25) ||
	                                       !strncasecmp(ct, "application/ld+json", 19))))
		return false;
	const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding");
	const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
	uint64_t n;
	return (te && *te) || (cl && parse_u64(cl, &n) && n > HTTP_MAX_BODY);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_size,
                                  void **con_cls)
{
	struct http_server *srv = cls;
	struct ctx *x = *con_cls;
	if (!x) {
		x = xcalloc(1, sizeof *x);
		arena_init(&x->arena);
		struct http_req *r = &x->req;
		r->a = &x->arena;
		r->conn = c;
		r->start_us = now_us();
		r->method = method_bit(method);
		r->method_str = arena_strdup(r->a, method);
		/* libmicrohttpd has split off the query and decoded the path
		 * (decoding it again would turn %2500 into a NUL). */
		r->url = arena_strdup(r->a, url);
		r->path = r->url;
		r->remote = remote_addr(c, r->a);
		r->tls = srv->cfg.https;
		x->t = track_of(c);
		bool bad_url = x->t && x->t->bad_url;
		if (x->t)
			x->t->bad_url = false;
		/* Only an authenticated upload may be larger than a form, and only
		 * once its token or session is known: decided here, before any of
		 * the body is read. */
		size_t limit = HTTP_MAX_BODY;
		const struct http_mount *m = mount_of(srv, r);
		if (!bad_url && m->body_limit && wants_big_body(c)) {
			size_t l = m->body_limit(r);
			if (l > limit)
				limit = l;
		}
		buf_init(&r->body, limit);
		buf_init(&r->out, 0);
		*con_cls = x;
		track_set(srv, x->t, T_BODY,
		          now_us() + ((int64_t)HTTP_BODY_DEADLINE_S + (int64_t)(limit / HTTP_BODY_MIN_RATE)) * 1000000);
		/* Refuse an announced oversized body (or a bad URL) before reading any of it. */
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		uint64_t n;
		if (bad_url || (cl && parse_u64(cl, &n) && n > limit)) {
			r->body_too_big = !bad_url;
			x->refused = true;
			dispatch(srv, r, bad_url ? ERR_INVAL : 0);
			access_log(r);
			return send_response(srv, c, r);
		}
		return MHD_YES;
	}
	struct http_req *r = &x->req;
	if (*upload_size) {
		if (x->refused) {
			*upload_size = 0;
			return MHD_YES;
		}
		if (buf_add(&r->body, upload_data, *upload_size)) {
			/* Chunks past the limit: end the connection here rather than
			 * read (and throw away) whatever else the client sends. */
			log_info("%s %s %s: body past %zu bytes, connection closed", r->remote, r->method_str, r->url,
			         r->body.max);
			return MHD_NO;
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (x->refused)
		return MHD_YES;
	track_set(srv, x->t, T_BUSY, 0);
	dispatch(srv, r, 0);
	access_log(r);
	return send_response(srv, c, r);
}

static void on_done(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	struct http_server *srv = cls;
	struct ctx *x = *con_cls;
	/* Kept alive: the next request head has its own deadline. */
	track_set(srv, track_of(c), T_HEAD, now_us() + (int64_t)HTTP_HEAD_DEADLINE_S * 1000000);
	if (!x)
		return;
	if (srv->cfg.after)
		srv->cfg.after(&x->req);
	buf_release(&x->req.body);
	buf_release(&x->req.out);
	arena_release(&x->arena);
	free(x);
	*con_cls = NULL;
}

int http_parse_listen(const char *listen, char *host, size_t hostlen, int *port)
{
	const char *colon = strrchr(listen, ':');
	if (!colon)
		return ERR_INVAL;
	const char *h = listen;
	size_t hl = (size_t)(colon - listen);
	if (hl >= 2 && h[0] == '[' && h[hl - 1] == ']') {
		h++;
		hl -= 2;
	}
	if (hl == 0 || hl >= hostlen)
		return ERR_INVAL;
	memcpy(host, h, hl);
	host[hl] = '\0';
	uint64_t p;
	if (!parse_u64(colon + 1, &p) || p > 65535)
		return ERR_INVAL;
	*port = (int)p;
	return 0;
}

/* Descriptors for want connections plus the database, files and the image
 * helper: raise the soft limit toward the hard one, or hold fewer. */
static unsigned conn_limit(unsigned want)
{
	const rlim_t spare = 256;
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl))
		return want;
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want + spare) {
		rlim_t up = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want + spare ? want + spare : rl.rlim_max;
		if (up > rl.rlim_cur) {
			rl.rlim_cur = up;
			if (setrlimit(RLIMIT_NOFILE, &rl))
				getrlimit(RLIMIT_NOFILE, &rl);
		}
	}
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want + spare) {
		unsigned n = rl.rlim_cur > spare + 64 ? (unsigned)(rl.rlim_cur - spare) : 64;
		log_warn("only %u connections: the descriptor limit is %llu", n, (unsigned long long)rl.rlim_cur);
		return n;
	}
	return want;
}

/* libmicrohttpd's messages; refused connections (a flood from one address)
 * would write one line each, so at most a few a minute get through. */
__attribute__((format(printf, 2, 0))) static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
	static int64_t window;
	static int n, dropped;
	(void)cls;
	int64_t now = now_us() / 60000000;
	pthread_mutex_lock(&mu);
	if (now != window) {
		if (dropped)
			log_warn("http: %d more messages in the last minute not shown", dropped);
		window = now;
		n = dropped = 0;
	}
	bool show = n++ < 20;
	dropped += !show;
	pthread_mutex_unlock(&mu);
	if (!show)
		return;
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
	size_t len = strlen(msg);
	while (len && (msg[len - 1] == '\n' || msg[len - 1] == '.'))
		msg[--len] = '\0';
	log_warn("http: %s", msg);
}

int http_start(const struct http_config *cfg, struct http_server **out)
{
	char host[128];
	int port;
	if (http_parse_listen(cfg->listen, host, sizeof host, &port)) {
		log_err("cannot parse listen address %s (want HOST:PORT)", cfg->listen);
		return ERR_INVAL;
	}
	struct sockaddr_storage ss;
	memset(&ss, 0, sizeof ss);
	/* poll, not epoll: libmicrohttpd's epoll loop lets the worker that wakes
	 * accept up to eleven new connections in a row, so a burst of them was
	 * served on one core; its poll loop accepts one per wake and the free
	 * workers share the listening socket (docs/performance.md, fourteenth
	 * round: what it costs with many idle connections too). */
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME | MHD_ALLOW_UPGRADE;
	if (strchr(host, ':')) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host, &s6->sin6_addr) != 1)
			return ERR_INVAL;
		flags |= MHD_USE_IPv6;
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		if (!strcmp(host, "localhost"))
			host[0] = '\0', snprintf(host, sizeof host, "127.0.0.1");
		if (inet_pton(AF_INET, host, &s4->sin_addr) != 1) {
			log_err("cannot parse listen host %s", host);
			return ERR_INVAL;
		}
	}
	if (!cfg->nmounts || cfg->nmounts > HTTP_MAX_MOUNTS) {
		log_err("http: %zu route tables, want 1 to %d", cfg->nmounts, HTTP_MAX_MOUNTS);
		return ERR_INVAL;
	}
	struct http_server *s = xcalloc(1, sizeof *s);
	s->cfg = *cfg;
	memcpy(s->mounts, cfg->mounts, cfg->nmounts * sizeof *s->mounts);
	s->cfg.mounts = s->mounts;
	unsigned max_conns = conn_limit(cfg->max_conns ? cfg->max_conns : HTTP_MAX_CONNS);
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->wake, NULL);
	s->d = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, on_request, s,
	                        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, s, /* first, to see every message */
	                        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	                        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads > 0 ? cfg->threads : 4),
	                        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(HTTP_MAX_HEADER + 16 * 1024),
	                        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)HTTP_TIMEOUT_S,
	                        MHD_OPTION_CONNECTION_LIMIT, max_conns,
	                        MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->max_conns_per_addr,
	                        MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)512,
	                        MHD_OPTION_NOTIFY_COMPLETED, on_done, s,
	                        MHD_OPTION_NOTIFY_CONNECTION, on_conn, s,
	                        MHD_OPTION_UNESCAPE_CALLBACK, unescape, s,
	                        MHD_OPTION_END);
	if (!s->d) {
		log_err("cannot listen on %s", cfg->listen);
		pthread_cond_destroy(&s->wake);
		pthread_mutex_destroy(&s->lock);
		free(s);
		return ERR_IO;
	}
	if (pthread_create(&s->sweeper, NULL, sweep, s) == 0)
		s->sweeping = true;
	else
		log_err("cannot start the connection sweeper: request deadlines are off");
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	s->port = di ? di->port : port;
	*out = s;
	return 0;
}

int http_port(struct http_server *s)
{
	return s->port;
}

void http_quiesce(struct http_server *s)
{
	MHD_socket fd = MHD_quiesce_daemon(s->d);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
}

void http_stop(struct http_server *s)
{
	if (!s)
		return;
	if (s->sweeping) {
		pthread_mutex_lock(&s->lock);
		s->stopping = true;
		pthread_cond_signal(&s->wake);
		pthread_mutex_unlock(&s->lock);
		pthread_join(s->sweeper, NULL);
	}
	MHD_stop_daemon(s->d);
	pthread_cond_destroy(&s->wake);
	pthread_mutex_destroy(&s->lock);
	free(s);
}
