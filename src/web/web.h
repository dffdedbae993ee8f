#ifndef WEB_WEB_H
#define WEB_WEB_H

/*
 * Server-rendered pages and forms.  Works without JavaScript: every action
 * is a form that posts and redirects.  Dutch by default (B1), English from
 * the user's setting or the browser's Accept-Language.
 */

#include <stdio.h>

#include "base/config.h"
#include "core/core.h"
#include "http/http.h"

struct web;

/* Load templates and translations; the pages are then ready to mount. */
int web_open(struct core *c, const struct config *cfg, struct web **out);
/* The pages' part of the server (every path no other adapter owns: mount it last). */
void web_mount(struct web *w, struct http_mount *out);
void web_close(struct web *w);
/* Every page route, one a line: METHOD PATTERN WHO (anyone, login,
 * moderator, admin), for `kring routes pages`. */
int web_routes_print(FILE *f);

#endif
