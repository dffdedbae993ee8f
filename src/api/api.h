#ifndef API_API_H
#define API_API_H

/*
 * The Mastodon-compatible client API, OAuth2 and streaming.  An adapter like
 * web/: every rule comes from core/.  main.c hands these routes to the server
 * next to the web pages.
 */

#include <stdbool.h>
#include <stddef.h>

#include "http/http.h"

struct core;

extern const struct http_route api_routes[];
/* Hand the API its core before the server starts. */
/* cache_bytes: memory for the response cache of timelines (0 = none). */
void api_init(struct core *c, size_t cache_bytes);
/* End open streams so the server can stop (after quiesce, before stop). */
void api_stop(void);
extern const size_t api_nroutes;

/* True for paths the API owns (JSON errors, bearer tokens, no CSRF cookie). */
bool api_path(const char *path);
/* The body limit of an API request (http_config.body_limit): an upload to
 * /api/v1|v2/media with a token that may write:media gets HTTP_MAX_UPLOAD,
 * everything else HTTP_MAX_BODY. */
size_t api_body_limit(struct http_req *r);
/* Render an error as Mastodon does: {"error": "..."} with the status already set. */
void api_error(struct http_req *r, int err);

#endif
