#ifndef API_WS_H
#define API_WS_H

/*
 * Internal to api/: WebSocket streaming as Mastodon clients use it
 * (GET /api/v1/streaming with Upgrade: websocket; the token as the
 * subprotocol, in access_token or in Authorization; JSON messages
 * {"type":"subscribe","stream":"user"} and events
 * {"stream":["user"],"event":"update","payload":"<json>"}).
 * All upgraded sockets live in one epoll thread: none holds a thread.
 */

#include <stdint.h>

struct http_req;
struct actx;
struct wsconn;

/* Answer the upgrade (101) or an error for a bad handshake. */
int ws_accept(struct http_req *r, struct actx *x);
/* Send one event to a connection (called with the stream bus locked). */
void ws_send_event(struct wsconn *w, const char *label, const char *event, const char *payload);
/* Close every WebSocket (shutdown). */
void ws_stop(void);

/* The stream bus (stream.c) for WebSocket subscriptions. */
/* scopes: the token's, NULL without one; addr: the client's address.
 * ERR_NOTFOUND for an unknown stream, ERR_AUTH / ERR_FORBIDDEN as
 * stream_allowed decides, ERR_RATE past the address's streams, ERR_BUSY. */
int stream_ws_subscribe(struct wsconn *w, uint64_t viewer, const char *scopes, const char *base, const char *addr,
                        const char *name, const char *tag, uint64_t list);
void stream_ws_unsubscribe(struct wsconn *w, const char *name, const char *tag, uint64_t list);
void stream_ws_drop(struct wsconn *w);

#endif
