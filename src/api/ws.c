/*
 * WebSocket streaming (RFC 6455, the subset Mastodon clients use): text
 * frames from the client carry subscribe/unsubscribe messages, the server
 * sends text frames with events, pings keep the line open.  One thread
 * owns every upgraded socket through epoll; other threads only append to a
 * connection's output buffer under `lock` and wake the thread.
 */
#include "api/ws.h"

#include <errno.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include "api/api_int.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/text.h"

#define WS_MAX_FRAME  (4 * 1024)      /* a client message: a (un)subscribe is under 200 bytes */
#define WS_MAX_OUT    (1024 * 1024)   /* queued events for a slow reader, then close */
#define WS_MAX_CONNS  1000
#define WS_PING_S     30
#define WS_MAX_SUBS   32
#define WS_MAX_PER_ADDR       16   /* sockets one address may hold without a token */
#define WS_MAX_PER_ADDR_TOKEN 64   /* and with one */

struct wsconn {
	struct wsconn *next;
	int fd;
	void *handle;
	uint64_t viewer;
	bool has_token;
	char scopes[OAUTH_MAX_SCOPES + 1]; /* the token's, for stream_allowed */
	char addr[64];      /* the client's, for the limits per address */
	char base[224];
	struct buf in;      /* owned by the thread */
	struct buf out;     /* under lock */
	bool dead;          /* under lock: close at the next turn */
	int64_t last_ping;
	int nsubs;
	bool fresh;         /* bytes that came with the handshake await parsing */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct wsconn *conns;
static int nconns;
static int epfd = -1, wakefd = -1;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static bool stopping;

static void wake(void)
{
	uint64_t one = 1;
	if (wakefd >= 0 && write(wakefd, &one, sizeof one) < 0 && errno != EAGAIN)
		log_warn("ws: cannot wake the stream thread");
}

static void frame(struct buf *b, int opcode, const char *p, size_t n)
{
	unsigned char h[10];
	size_t k = 0;
	h[k++] = (unsigned char)(0x80 | opcode);
	if (n < 126) {
		h[k++] = (unsigned char)n;
	} else if (n < 65536) {
		h[k++] = 126;
		h[k++] = (unsigned char)(n >> 8);
		h[k++] = (unsigned char)n;
	} else {
		h[k++] = 127;
		for (int i = 7; i >= 0; i--)
			h[k++] = (unsigned char)((uint64_t)n >> (8 * i));
	}
	if (buf_add(b, h, k) || buf_add(b, p, n))
		buf_reset(b); /* over the limit: the caller sees dead */
}

/* lock held */
static void send_frame(struct wsconn *w, int opcode, const char *p, size_t n)
{
	if (w->dead)
		return;
	size_t before = w->out.len;
	frame(&w->out, opcode, p, n);
	if (w->out.len < before + n) {
		w->dead = true; /* too slow a reader */
		return;
	}
	wake();
}

void ws_send_event(struct wsconn *w, const char *label, const char *event, const char *payload)
{
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_addf(&b, "{\"stream\":%s,\"event\":\"%s\",\"payload\":\"", label, event));
	json_escape(&b, payload, strlen(payload));
	buf_nofail(buf_adds(&b, "\"}"));
	pthread_mutex_lock(&lock);
	send_frame(w, 1, b.ptr, b.len);
	pthread_mutex_unlock(&lock);
	buf_release(&b);
}

static void send_error(struct wsconn *w, const char *msg)
{
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_adds(&b, "{\"error\":\""));
	json_escape(&b, msg, strlen(msg));
	buf_nofail(buf_adds(&b, "\"}"));
	pthread_mutex_lock(&lock);
	send_frame(w, 1, b.ptr, b.len);
	pthread_mutex_unlock(&lock);
	buf_release(&b);
}

/* A client's text message: subscribe or unsubscribe. */
static void on_message(struct wsconn *w, const char *p, size_t n)
{
	json_error_t e;
	json_t *j = json_loadb(p, n, 0, &e);
	const char *type = j ? json_string_value(json_object_get(j, "type")) : NULL;
	const char *stream = j ? json_string_value(json_object_get(j, "stream")) : NULL;
	const char *tag = j ? json_string_value(json_object_get(j, "tag")) : NULL;
	json_t *jl = j ? json_object_get(j, "list") : NULL;
	uint64_t list = 0;
	if (json_is_string(jl))
		parse_u64(json_string_value(jl), &list);
	else if (json_is_integer(jl) && json_integer_value(jl) > 0)
		list = (uint64_t)json_integer_value(jl);
	int rc;
	if (!type || !stream) {
		send_error(w, "Unknown message");
	} else if (!strcmp(type, "subscribe")) {
		if (w->nsubs >= WS_MAX_SUBS)
			send_error(w, "Too many subscriptions");
		else if ((rc = stream_ws_subscribe(w, w->viewer, w->has_token ? w->scopes : NULL, w->base, w->addr, stream,
		                                   tag, list)))
			send_error(w, rc == ERR_FORBIDDEN                  ? "Access token does not have the required scopes"
			              : rc == ERR_AUTH                     ? "Missing access token"
			              : rc == ERR_BUSY || rc == ERR_RATE ? "Too many streams"
			                                                   : "Unknown stream type");
		else
			w->nsubs++;
	} else if (!strcmp(type, "unsubscribe")) {
		stream_ws_unsubscribe(w, stream, tag, list);
		if (w->nsubs)
			w->nsubs--;
	} else {
		send_error(w, "Unknown message type");
	}
	json_decref(j);
}

/* Parse whole frames from w->in; false when the connection must end. */
static bool on_input(struct wsconn *w)
{
	for (;;) {
		const unsigned char *b = (const unsigned char *)w->in.ptr;
		size_t have = w->in.len;
		if (have < 2)
			return true;
		bool fin = b[0] & 0x80;
		int op = b[0] & 0x0f;
		bool masked = b[1] & 0x80;
		uint64_t len = b[1] & 0x7f;
		size_t k = 2;
		if (len == 126) {
			if (have < 4)
				return true;
			len = (uint64_t)b[2] << 8 | b[3];
			k = 4;
		} else if (len == 127) {
			if (have < 10)
				return true;
			len = 0;
			for (int i = 0; i < 8; i++)
				len = len << 8 | b[2 + i];
			k = 10;
		}
		/* Clients must mask; fragments and huge frames are not for us, and a
		 * control frame (close, ping, pong) carries at most 125 bytes
		 * (RFC 6455 5.5), so a pong never echoes more. */
		if (!masked || !fin || len > WS_MAX_FRAME || (op >= 0x8 && len > 125))
			return false;
		if (have < k + 4 + len)
			return true;
		const unsigned char *mask = b + k;
		char *payload = w->in.ptr + k + 4;
		for (uint64_t i = 0; i < len; i++)
			payload[i] = (char)(payload[i] ^ mask[i % 4]);
		switch (op) {
		case 0x1:
			on_message(w, payload, (size_t)len);
			break;
		case 0x8:
			return false;
		case 0x9:
			pthread_mutex_lock(&lock);
			send_frame(w, 0xA, payload, (size_t)len);
			pthread_mutex_unlock(&lock);
			break;
		case 0xA:
			break;
		default:
			return false;
		}
		size_t used = k + 4 + (size_t)len;
		memmove(w->in.ptr, w->in.ptr + used, w->in.len - used);
		w->in.len -= used;
	}
}

static void end(struct wsconn *w)
{
	pthread_mutex_lock(&lock);
	for (struct wsconn **pp = &conns; *pp; pp = &(*pp)->next)
		if (*pp == w) {
			*pp = w->next;
			nconns--;
			break;
		}
	pthread_mutex_unlock(&lock);
	epoll_ctl(epfd, EPOLL_CTL_DEL, w->fd, NULL);
	/* After this no event can reach w: the bus drops its subscriptions. */
	stream_ws_drop(w);
	http_upgrade_close(w->handle);
	buf_release(&w->in);
	buf_release(&w->out);
	free(w);
}

/* Write what is queued; false when the peer is gone. */
static bool flush(struct wsconn *w)
{
	pthread_mutex_lock(&lock);
	bool ok = !w->dead;
	while (ok && w->out.len) {
		ssize_t n = write(w->fd, w->out.ptr, w->out.len);
		if (n < 0) {
			ok = errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
			break;
		}
		memmove(w->out.ptr, w->out.ptr + n, w->out.len - (size_t)n);
		w->out.len -= (size_t)n;
	}
	struct epoll_event ev = {.events = EPOLLIN | (w->out.len ? EPOLLOUT : 0), .data.ptr = w};
	epoll_ctl(epfd, EPOLL_CTL_MOD, w->fd, &ev);
	pthread_mutex_unlock(&lock);
	return ok;
}

static void *loop(void *arg)
{
	(void)arg;
	struct epoll_event evs[64];
	for (;;) {
		int n = epoll_wait(epfd, evs, 64, 1000);
		int64_t now = time_now();
		for (int i = 0; i < n; i++) {
			if (evs[i].data.ptr == NULL) {
				uint64_t v;
				if (read(wakefd, &v, sizeof v) < 0 && errno != EAGAIN)
					log_warn("ws: wake read failed");
				continue;
			}
			struct wsconn *w = evs[i].data.ptr;
			bool ok = !(evs[i].events & (EPOLLERR | EPOLLHUP));
			while (ok && (evs[i].events & EPOLLIN)) {
				char tmp[4096];
				ssize_t r = read(w->fd, tmp, sizeof tmp);
				if (r > 0) {
					if (buf_add(&w->in, tmp, (size_t)r))
						ok = false;
				} else {
					ok = r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR);
					break;
				}
			}
			if (ok)
				ok = on_input(w);
			if (!ok) {
				pthread_mutex_lock(&lock);
				w->dead = true;
				pthread_mutex_unlock(&lock);
			}
		}
		/* Flush everyone with output, ping the quiet, end the dead. */
		pthread_mutex_lock(&lock);
		struct wsconn *list = conns;
		pthread_mutex_unlock(&lock);
		for (struct wsconn *w = list, *next; w; w = next) {
			pthread_mutex_lock(&lock);
			next = w->next;
			bool fresh = w->fresh;
			w->fresh = false;
			pthread_mutex_unlock(&lock);
			if (fresh && !on_input(w)) {
				pthread_mutex_lock(&lock);
				w->dead = true;
				pthread_mutex_unlock(&lock);
			}
			pthread_mutex_lock(&lock);
			if (!w->dead && now - w->last_ping >= WS_PING_S) {
				w->last_ping = now;
				send_frame(w, 0x9, "", 0);
			}
			bool dead = w->dead || stopping;
			pthread_mutex_unlock(&lock);
			if (dead || !flush(w))
				end(w);
		}
	}
	return NULL;
}

static void start(void)
{
	epfd = epoll_create1(EPOLL_CLOEXEC);
	wakefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	struct epoll_event ev = {.events = EPOLLIN, .data.ptr = NULL};
	pthread_t t;
	if (epfd < 0 || wakefd < 0 || epoll_ctl(epfd, EPOLL_CTL_ADD, wakefd, &ev) ||
	    pthread_create(&t, NULL, loop, NULL)) {
		log_err("ws: cannot start the stream thread");
		return;
	}
	pthread_detach(t);
}

struct pending {
	uint64_t viewer;
	bool has_token;
	char scopes[OAUTH_MAX_SCOPES + 1];
	char addr[64];
	char base[224];
	char stream[64], tag[72];
	uint64_t list;
};

/* In a server thread, right after the 101: the socket is ours now. */
static void on_upgraded(void *cls, int fd, const char *extra, size_t nextra, void *handle)
{
	struct pending *p = cls;
	struct wsconn *w = xcalloc(1, sizeof *w);
	w->fd = fd;
	w->handle = handle;
	w->viewer = p->viewer;
	w->has_token = p->has_token;
	memcpy(w->scopes, p->scopes, sizeof w->scopes);
	memcpy(w->addr, p->addr, sizeof w->addr);
	w->last_ping = time_now();
	memcpy(w->base, p->base, sizeof w->base);
	buf_init(&w->in, 2 * WS_MAX_FRAME);
	buf_init(&w->out, WS_MAX_OUT);
	if (nextra) {
		/* over two frames before the 101: dropped, a client that does that breaks the protocol */
		IGNORE_RESULT(buf_add(&w->in, extra, nextra));
		w->fresh = true;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	/* ?stream=user on the URL subscribes at once, as Mastodon does. */
	if (p->stream[0] && !stream_ws_subscribe(w, w->viewer, w->has_token ? w->scopes : NULL, w->base, w->addr,
	                                         p->stream, p->tag[0] ? p->tag : NULL, p->list))
		w->nsubs++;
	free(p);
	pthread_mutex_lock(&lock);
	w->next = conns;
	conns = w;
	nconns++;
	struct epoll_event ev = {.events = EPOLLIN, .data.ptr = w};
	epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
	pthread_mutex_unlock(&lock);
	wake();
}

/* base64(SHA-1(key + GUID)), as the handshake requires. */
static bool accept_key(const char *key, char out[32])
{
	static const char guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
	char in[128];
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	int n = snprintf(in, sizeof in, "%s%s", key, guid);
	if (n < 0 || (size_t)n >= sizeof in)
		return false;
	if (!EVP_Digest(in, (size_t)n, md, &mdlen, EVP_sha1(), NULL) || mdlen != 20)
		return false;
	EVP_EncodeBlock((unsigned char *)out, md, 20);
	return true;
}

int ws_accept(struct http_req *r, struct actx *x)
{
	const char *key = http_header(r, "Sec-WebSocket-Key");
	const char *ver = http_header(r, "Sec-WebSocket-Version");
	char acc[32];
	if (!key || strlen(key) != 24 || !ver || strcmp(ver, "13") || !accept_key(key, acc))
		return api_fail(x, 400, "Bad WebSocket handshake");
	pthread_once(&once, start);
	const char *addr = http_client_addr(r);
	pthread_mutex_lock(&lock);
	bool full = nconns >= WS_MAX_CONNS || stopping || epfd < 0;
	/* One address cannot hold every socket (see STREAM_MAX_PER_ADDR). */
	int same = 0;
	for (struct wsconn *o = conns; o; o = o->next)
		same += !strcmp(o->addr, addr);
	pthread_mutex_unlock(&lock);
	if (full)
		return ERR_BUSY;
	if (same >= (x->has_token ? WS_MAX_PER_ADDR_TOKEN : WS_MAX_PER_ADDR))
		return ERR_RATE;
	struct pending *p = xcalloc(1, sizeof *p);
	p->viewer = x->viewer;
	p->has_token = x->has_token;
	snprintf(p->addr, sizeof p->addr, "%s", addr);
	if (x->has_token && snprintf(p->scopes, sizeof p->scopes, "%s", x->tok.scopes) >= (int)sizeof p->scopes) {
		free(p);
		return api_fail(x, 400, "Too many scopes");
	}
	snprintf(p->base, sizeof p->base, "%s", x->base);
	const char *stream = arg(x, "stream"), *tag = arg(x, "tag");
	if (stream && strlen(stream) < sizeof p->stream)
		snprintf(p->stream, sizeof p->stream, "%s", stream);
	if (tag && strlen(tag) < sizeof p->tag)
		snprintf(p->tag, sizeof p->tag, "%s", tag);
	arg_id(x, "list", &p->list);
	http_set_header(r, "Upgrade", "websocket");
	http_set_header(r, "Sec-WebSocket-Accept", acc);
	/* The token came as the subprotocol: the answer must name it. */
	const char *proto = http_header(r, "Sec-WebSocket-Protocol");
	if (proto)
		http_set_header(r, "Sec-WebSocket-Protocol", proto);
	http_upgrade(r, on_upgraded, p);
	return 0;
}

void ws_stop(void)
{
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_mutex_unlock(&lock);
	wake();
	for (int i = 0; i < 50; i++) {
		pthread_mutex_lock(&lock);
		int n = nconns;
		pthread_mutex_unlock(&lock);
		if (!n)
			break;
		usleep(20 * 1000);
	}
}
