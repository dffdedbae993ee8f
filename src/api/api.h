#ifndef API_API_H
#define API_API_H

/*
 * The Mastodon-compatible client API, OAuth2 and streaming.  An adapter like
 * web/: every rule comes from core/.  main.c hands these routes to the server
 * next to the web pages.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "http/http.h"

struct core;

/*
 * Hand the API its core before the server starts.  cache_bytes: memory for
 * the response cache of timelines (0 = none).  ERR_INVAL (logged) if a route
 * does not declare a valid scope: the server must not start then.
 */
int api_init(struct core *c, size_t cache_bytes);
/* Every route, one a line: METHOD PATTERN SCOPE (`kring routes`); then
 * ERR_INVAL if one declares no valid scope, else 0. */
int api_routes_print(FILE *f);
/* The API's part of the server (after api_init): its paths, routes, JSON
 * errors, CORS and upload limits.  main registers it before the pages. */
void api_mount(struct http_mount *out);
/* End open streams so the server can stop (after quiesce, before stop). */
void api_stop(void);

/* True for paths the API owns (JSON errors, bearer tokens, no CSRF cookie). */
bool api_path(const char *path);
/* The body limit of an API request (http_config.body_limit): an upload to
 * /api/v1|v2/media with a token that may write:media gets HTTP_MAX_UPLOAD,
 * everything else HTTP_MAX_BODY. */
size_t api_body_limit(struct http_req *r);
/* Render an error as Mastodon does: {"error": "..."} with the status already set. */
void api_error(struct http_req *r, int err);

#endif
