#ifndef API_API_MEDIA_H
#define API_API_MEDIA_H

/* Internal to api/: Mastodon media endpoints (media.c). */

#include "api/api_int.h"

/* POST /api/v1/media (200 when ready), POST /api/v2/media (202 while processing). */
int a_media_create(struct http_req *r);
/* GET /api/v1/media/:id: 206 while processing, 200 when ready. */
int a_media_get(struct http_req *r);
/* PUT /api/v1/media/:id: change the description. */
int a_media_update(struct http_req *r);
/* A MediaAttachment entity. */
void ent_media(struct actx *x, struct jw *j, const struct media *m);

#endif
