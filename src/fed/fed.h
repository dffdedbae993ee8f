#ifndef FED_FED_H
#define FED_FED_H

/*
 * ActivityPub's HTTP side (an adapter, like web/ and api/: every rule is
 * core's, core/federation.h): WebFinger, host-meta, actors, their
 * collections, fetching a post as a Note, and the inboxes.  Its paths:
 * /.well-known/webfinger, /.well-known/host-meta, /users/..., /inbox, and
 * a profile's address (/@name) when asked for activity+json.
 */

#include "core/core.h"
#include "http/http.h"

void fed_init(struct core *c);
void fed_mount(struct http_mount *out);

#endif
