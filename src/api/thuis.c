/* Informal carers: kring's own /api/v1/kring/carers... (docs/api.md,
 * docs/thuis.md).  The rules are core's (core/thuis.c); this is a view. */
#include "api/api_int.h"
#include "api/api_media.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "core/thuis.h"
#include "http/http.h"

/* KringCarer: the other side of the relation and what the client allows. */
static void ent_carer(struct actx *x, struct jw *j, const struct carer *c)
{
	jw_obj(j);
	jw_key(j, "account");
	ent_account(x, j, c->acc);
	jw_kbool(j, "appointments", (c->flags & CARER_APPTS) != 0);
	jw_kbool(j, "act", (c->flags & CARER_ACT) != 0);
	jw_ktime(j, "since", c->since);
	jw_end(j);
}

static void carer_list(struct actx *x, struct jw *j, const char *key, const struct carer *v, size_t n)
{
	jw_key(j, key);
	jw_arr(j);
	for (size_t i = 0; i < n; i++)
		ent_carer(x, j, &v[i]);
	jw_arr_end(j);
}

/* KringCarers: the viewer's carers, and the clients the viewer cares for. */
static int carers_answer(struct actx *x)
{
	struct carer *mine, *clients;
	size_t nm, nc;
	int rc = core_carers(x->c, x->a, x->viewer, false, &mine, &nm);
	if (!rc)
		rc = core_carers(x->c, x->a, x->viewer, true, &clients, &nc);
	if (rc)
		return rc;
	struct jw j;
	json_begin(x);
	jw_init(&j, &x->r->out);
	jw_obj(&j);
	carer_list(x, &j, "carers", mine, nm);
	carer_list(x, &j, "clients", clients, nc);
	jw_end(&j);
	return 0;
}

/* GET: the lists; POST account_id, appointments, act: name a carer or
 * change what they may do. */
int a_kring_carers(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if (r->method == HTTP_POST) {
		uint64_t who;
		if (!arg_id(&x, "account_id", &who))
			return api_fail(&x, 422, "Validation failed: account_id is required");
		int flags = (arg_bool(&x, "appointments", false) ? CARER_APPTS : 0) | (arg_bool(&x, "act", false) ? CARER_ACT : 0);
		rc = core_carer_invite(x.c, x.viewer, who, flags);
		if (rc == ERR_INVAL)
			return api_fail(&x, 422, "Validation failed: an informal carer is a person, not yourself or an organisation");
		if (rc == ERR_TOOBIG)
			return api_fail(&x, 422, "Validation failed: at most 20 informal carers");
		if (rc == ERR_NOTFOUND)
			return api_fail(&x, 404, "Record not found");
		if (rc)
			return rc;
	}
	return carers_answer(&x);
}

/* DELETE /carers/:id: the client withdraws the carer :id, or the carer
 * steps back from the client :id. */
int a_kring_carer_end(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	rc = core_carer_end(x.c, x.viewer, param_id(r, "id"));
	if (rc == ERR_NOTFOUND)
		return api_fail(&x, 404, "Record not found");
	if (rc)
		return rc;
	return carers_answer(&x);
}

/* ---- photos and videos the care team shared (KringCareMedia) ---- */

static void ent_care_media(struct actx *x, struct jw *j, const struct care_media *m)
{
	jw_obj(j);
	jw_kid(j, "id", m->id);
	jw_kid(j, "client_id", m->client_id);
	jw_key(j, "account");
	ent_account(x, j, m->sharer);
	jw_key(j, "media");
	ent_media(x, j, m->media);
	jw_kstr(j, "caption", m->caption);
	jw_kbool(j, "family", m->family);
	jw_ktime(j, "created_at", m->created_at);
	jw_end(j);
}

static int care_media_fail(struct actx *x, int rc)
{
	if (rc == ERR_NOTFOUND)
		return api_fail(x, 404, "Record not found");
	if (rc == ERR_INVAL)
		return api_fail(x, 422, "Validation failed: your own image (with a description) or video, and a caption of at most 280 characters");
	if (rc == ERR_CONFLICT)
		return api_fail(x, 409, "This media is still processing, on a post, or shared already");
	return rc;
}

/* GET ?client_id= (default: the caller): the items the caller may see;
 * POST client_id, media_id, caption: a care worker shares. */
int a_kring_care_media(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t client = x.viewer;
	if (arg(&x, "client_id") && !arg_id(&x, "client_id", &client))
		return api_fail(&x, 422, "Validation failed: client_id is not an id");
	if (r->method == HTTP_POST) {
		uint64_t media;
		if (!arg(&x, "client_id") || !arg_id(&x, "media_id", &media))
			return api_fail(&x, 422, "Validation failed: client_id and media_id are required");
		uint64_t id;
		if ((rc = core_care_media_share(x.c, x.viewer, client, media, arg(&x, "caption"), &id)))
			return care_media_fail(&x, rc);
	}
	struct care_media *v;
	size_t n;
	if ((rc = core_care_media_list(x.c, x.a, x.viewer, client, &v, &n)))
		return care_media_fail(&x, rc);
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_care_media(&x, &j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

/* PUT /care_media/:id family=true|false (the client); DELETE (the client
 * or the sharer). */
int a_kring_care_media_one(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	if (r->method == HTTP_DELETE)
		rc = core_care_media_remove(x.c, x.viewer, id);
	else {
		if (!arg(&x, "family"))
			return api_fail(&x, 422, "Validation failed: family is required");
		rc = core_care_media_family(x.c, x.viewer, id, arg_bool(&x, "family", false));
	}
	if (rc)
		return care_media_fail(&x, rc);
	return json_literal(&x, "{}");
}
