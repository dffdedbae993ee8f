/*
 * Mastodon media endpoints over core_media_*: an upload becomes a media id
 * to pass as media_ids[] when posting.  Processing is asynchronous and no
 * request thread waits for it: v2 answers 202 and v1 200 at once, both with
 * url null until the job is done (GET /api/v1/media/:id answers 206 until
 * then).  A status may carry media still being processed, as on the web
 * form; its attachments get their URLs when the job is done.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "api/api_media.h"
#include "base/err.h"
#include "base/text.h"

size_t api_body_limit(struct http_req *r)
{
	if (r->method != HTTP_POST || (strcmp(r->path, "/api/v1/media") && strcmp(r->path, "/api/v2/media")))
		return HTTP_MAX_BODY;
	/* The token as api_auth takes it (the body is not read yet). */
	const char *h = http_header(r, "Authorization");
	const char *t = h && !strncasecmp(h, "Bearer ", 7) ? h + 7 : http_query(r, "access_token");
	struct oauth_token tok;
	if (!t || core_token_resolve(api_core, r->a, t, &tok, NULL) || !tok.account_id ||
	    !core_scope_allows(tok.scopes, "write:media"))
		return HTTP_MAX_BODY;
	return HTTP_MAX_UPLOAD;
}

static const char *type_name(const struct media *m)
{
	return m->kind == MEDIA_IMAGE ? "image" : m->kind == MEDIA_AUDIO ? "audio" : "video";
}

static void meta_size(struct jw *j, const char *key, const struct media_file *f)
{
	jw_key(j, key);
	jw_obj(j);
	jw_kint(j, "width", f->width);
	jw_kint(j, "height", f->height);
	jw_key(j, "size");
	char s[32];
	snprintf(s, sizeof s, "%dx%d", f->width, f->height);
	jw_str(j, s);
	jw_key(j, "aspect");
	jw_null(j);
	jw_end(j);
}

void ent_media(struct actx *x, struct jw *j, const struct media *m)
{
	const struct media_file *main = NULL, *small = NULL;
	for (size_t i = 0; i < m->nfiles; i++) {
		if (m->files[i].main)
			main = &m->files[i];
		else if (!small || (m->files[i].width >= 400 && m->files[i].width < small->width))
			small = &m->files[i];
	}
	if (!small)
		small = main;
	jw_obj(j);
	jw_kid(j, "id", m->id);
	jw_kstr(j, "type", type_name(m));
	if (m->remote_url) { /* a received Note's: only its origin has it */
		jw_kstr(j, "url", m->remote_url);
		jw_kstr(j, "preview_url", m->remote_url);
	} else if (m->state == MEDIA_READY && main) {
		jw_kstr(j, "url", arena_printf(x->a, "%s/media/%s.%s", x->base, main->sha256, main->ext));
		jw_kstr(j, "preview_url", arena_printf(x->a, "%s/media/%s.%s", x->base, small->sha256, small->ext));
	} else {
		jw_knull(j, "url");
		jw_knull(j, "preview_url");
	}
	jw_kstr(j, "remote_url", m->remote_url);
	jw_knull(j, "text_url");
	jw_key(j, "meta");
	jw_obj(j);
	if (main && m->kind != MEDIA_AUDIO) {
		meta_size(j, "original", main);
		meta_size(j, "small", small);
	}
	if (m->colour[0]) {
		jw_key(j, "colors");
		jw_obj(j);
		jw_kstr(j, "background", m->colour);
		jw_end(j);
	}
	jw_end(j);
	jw_kstr(j, "description", m->alt[0] ? m->alt : NULL);
	jw_knull(j, "blurhash");
	jw_end(j);
}

static int answer(struct actx *x, const struct media *m, int status)
{
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_media(x, &j, m);
	x->r->status = status;
	return 0;
}

static const char *refusal(enum media_refusal why)
{
	switch (why) {
	case MEDIA_REFUSE_TYPE: return "Validation failed: File type is not supported";
	case MEDIA_REFUSE_SIZE: return "Validation failed: File is too large";
	case MEDIA_REFUSE_PIXELS: return "Validation failed: Image has too many pixels";
	case MEDIA_REFUSE_BROKEN: return "Validation failed: File is damaged or incomplete";
	case MEDIA_REFUSE_ALT: return "Validation failed: Description is too long";
	case MEDIA_REFUSE_RATE: return "Too many uploads: at most 30 in 10 minutes, try again later";
	case MEDIA_REFUSE_QUOTA: return "Validation failed: Media storage quota reached, delete older media first";
	case MEDIA_REFUSE_LOOSE:
		return "Validation failed: Quota for media not attached to a status reached, post or wait a day";
	default: return "Validation failed: File could not be used";
	}
}

int a_media_create(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = http_form_parse(r)))
		return rc;
	struct http_file *f = NULL;
	for (int i = 0; i < r->nfiles; i++)
		if (!strcmp(r->files[i].name, "file"))
			f = &r->files[i];
	if (!f)
		return api_fail(&x, 422, "Validation failed: File can't be blank");
	uint64_t id;
	enum media_refusal why;
	/* kring's own field: faces in the photo are blurred in what is stored. */
	const char *blur = arg(&x, "blur_faces");
	rc = core_media_upload_blur(x.c, x.viewer, f->data, f->len, arg(&x, "description"),
	                            blur && (!strcmp(blur, "true") || !strcmp(blur, "1")), &id, &why);
	if (rc == ERR_RATE && why == MEDIA_REFUSE_RATE)
		return api_fail(&x, 429, refusal(why));
	if (rc == ERR_INVAL || rc == ERR_TOOBIG)
		return api_fail(&x, rc == ERR_TOOBIG && why != MEDIA_REFUSE_QUOTA && why != MEDIA_REFUSE_LOOSE ? 413 : 422,
		                refusal(why));
	struct media *m;
	if (rc || (rc = core_media_get(x.c, x.a, x.viewer, id, &m)))
		return rc;
	/*
	 * Never wait for the job (it may queue behind others for long, and a
	 * waiting request holds one of the server's few threads).  v2 says
	 * 202 while processing; v1 (deprecated since Mastodon 3.1.3) keeps its
	 * 200, with url null until done like v2: its clients pass the id to
	 * statuses, which accepts media still processing.
	 */
	bool v2 = !strncmp(r->path, "/api/v2/", 8);
	return answer(&x, m, m->state == MEDIA_READY || !v2 ? 200 : 202);
}

int a_media_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct media *m;
	if ((rc = core_media_get(x.c, x.a, x.viewer, param_id(r, "id"), &m)))
		return rc;
	if (m->state == MEDIA_FAILED)
		return api_fail(&x, 422, "Validation failed: File could not be processed");
	return answer(&x, m, m->state == MEDIA_READY ? 200 : 206);
}

int a_media_update(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	const char *d = arg(&x, "description");
	/* A description on a post already out passes the guard now, as a status would. */
	struct guard_result g;
	struct guard_ask ask = {.confirm = arg_bool(&x, "privacy_confirm", false), .a = x.a, .result = &g};
	if (d && (rc = core_media_set_alt(x.c, x.viewer, id, d, &ask))) {
		if (rc == ERR_GUARD || rc == ERR_BLOCKED)
			return api_guard_fail(&x, rc, &g);
		return rc == ERR_INVAL ? api_fail(&x, 422, refusal(MEDIA_REFUSE_ALT)) : rc;
	}
	struct media *m;
	if ((rc = core_media_get(x.c, x.a, x.viewer, id, &m)))
		return rc;
	return answer(&x, m, m->state == MEDIA_READY ? 200 : 206);
}
