#ifndef WEB_WEB_H
#define WEB_WEB_H

/*
 * Server-rendered pages and forms.  Works without JavaScript: every action
 * is a form that posts and redirects.  Dutch by default (B1), English from
 * the user's setting or the browser's Accept-Language.
 */

#include "base/config.h"
#include "core/core.h"
#include "http/http.h"

struct web;

/* Start serving the pages plus `extra` routes of other adapters (the API). */
int web_start(struct core *c, const struct config *cfg, const struct http_route *extra, size_t nextra,
              struct web **out);
void web_quiesce(struct web *w);
void web_stop(struct web *w);
int web_port(struct web *w);

#endif
