/* The client's home (issue 19, docs/thuis.md): informal carers on the
 * pages.  A client names their informal carers and what they may do on
 * /thuis/mantelzorgers; a carer sees on /thuis whom they care for and, on
 * /thuis/voor/:name, what that client shares with them.  Every rule is
 * core's (core/thuis.c); these are views. */
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/text.h"
#include "core/appointment.h"
#include "core/core.h"
#include "core/plan.h"
#include "core/thuis.h"
#include "web/web_int.h"

/* The next booked appointment among v (NULL: none). */
static const struct appointment *next_of_list(const struct appointment *v, size_t n)
{
	const struct appointment *next = NULL;
	for (size_t i = 0; i < n; i++)
		if (v[i].state == APPT_BOOKED && (!next || v[i].starts_at < next->starts_at))
			next = &v[i];
	return next;
}

static struct tval *next_model(struct http_req *r, const struct appointment *next)
{
	struct tval *x = tv_obj(r->a);
	struct account *prov;
	if (!core_account_get(CORE(r), r->a, next->provider_id, &prov))
		tv_set_str(r->a, x, "with", core_shown_name(prov));
	tv_set_str(r->a, x, "when", fmt_time(r, next->starts_at));
	return x;
}

/* For /thuis: the viewer's carers (a count) and the clients the viewer
 * cares for, each with what that client shares. */
int thuis_carer_model(struct http_req *r, struct tval *m)
{
	uint64_t viewer = WREQ(r)->viewer;
	struct carer *v;
	size_t n;
	int rc = core_carers(CORE(r), r->a, viewer, false, &v, &n);
	if (rc)
		return rc;
	tv_set_int(r->a, m, "ncarers", (int64_t)n);
	if ((rc = core_carers(CORE(r), r->a, viewer, true, &v, &n)))
		return rc;
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", v[i].acc->username);
		tv_set_str(r->a, x, "display_name", core_shown_name(v[i].acc));
		struct appointment *ap;
		size_t na;
		rc = core_carer_appts(CORE(r), r->a, viewer, v[i].acc->id, &ap, &na);
		if (rc && rc != ERR_NOTFOUND)
			return rc;
		tv_set_bool(r->a, x, "sees_appts", !rc);
		const struct appointment *next = rc ? NULL : next_of_list(ap, na);
		if (next)
			tv_set(x, "appointment", next_model(r, next));
		tv_push(l, x);
	}
	tv_set(m, "clients", l);
	tv_set_bool(r->a, m, "is_carer", n > 0);
	return 0;
}

static int carers_page(struct http_req *r, const char *error, int status)
{
	uint64_t viewer = WREQ(r)->viewer;
	struct tval *m = page_model(r, _r(r, "Mijn mantelzorgers"));
	struct carer *v;
	size_t n;
	int rc = core_carers(CORE(r), r->a, viewer, false, &v, &n);
	if (rc)
		return rc;
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", v[i].acc->username);
		tv_set_str(r->a, x, "display_name", core_shown_name(v[i].acc));
		tv_set_bool(r->a, x, "appts", v[i].flags & CARER_APPTS);
		tv_set_bool(r->a, x, "act", v[i].flags & CARER_ACT);
		tv_push(l, x);
	}
	tv_set(m, "carers", l);
	tv_set_bool(r->a, m, "has_carers", n > 0);
	if ((rc = core_carers(CORE(r), r->a, viewer, true, &v, &n)))
		return rc;
	struct tval *cl = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", v[i].acc->username);
		tv_set_str(r->a, x, "display_name", core_shown_name(v[i].acc));
		tv_push(cl, x);
	}
	tv_set(m, "clients", cl);
	tv_set_bool(r->a, m, "has_clients", n > 0);
	if (error)
		tv_set_str(r->a, m, "error", error);
	const char *u = http_form(r, "username");
	if (u && error)
		tv_set_str(r->a, m, "username", u);
	int prc = page_render(r, "carers", m);
	if (status)
		r->status = status;
	return prc;
}

int h_carers(struct http_req *r)
{
	return carers_page(r, NULL, 0);
}

/* Name a carer or change what they may do (the check boxes). */
int h_carers_save(struct http_req *r)
{
	const char *u = http_form(r, "username");
	struct account *acc;
	if (!u || !*u || core_account_by_name(CORE(r), r->a, str_trim(arena_strdup(r->a, u)), &acc))
		return carers_page(r, _r(r, "Die persoon is niet gevonden. Controleer de gebruikersnaam."), 422);
	int flags = (http_form(r, "afspraken") ? CARER_APPTS : 0) | (http_form(r, "regelen") ? CARER_ACT : 0);
	int rc = core_carer_invite(CORE(r), WREQ(r)->viewer, acc->id, flags);
	if (rc == ERR_INVAL)
		return carers_page(r, _r(r, "Deze persoon kan niet uw mantelzorger zijn. Kies een persoon, niet uzelf of een organisatie."), 422);
	if (rc == ERR_NOTFOUND)
		return carers_page(r, _r(r, "Die persoon is niet gevonden. Controleer de gebruikersnaam."), 422);
	if (rc == ERR_TOOBIG)
		return carers_page(r, _r(r, "U heeft al 20 mantelzorgers. Stop eerst met een van hen."), 422);
	if (rc)
		return rc;
	redirect_msg(r, "/thuis/mantelzorgers", "saved");
	return 0;
}

/* End a relation: the client withdraws a carer, or the carer steps back. */
int h_carers_stop(struct http_req *r)
{
	const char *u = http_form(r, "username");
	struct account *acc;
	int rc = core_account_by_name(CORE(r), r->a, u ? u : "", &acc);
	if (!rc)
		rc = core_carer_end(CORE(r), WREQ(r)->viewer, acc->id);
	if (rc)
		return rc;
	redirect_msg(r, "/thuis/mantelzorgers", "carer_stopped");
	return 0;
}

/* What a client shares with the viewer, their informal carer. */
int h_carer_for(struct http_req *r)
{
	uint64_t viewer = WREQ(r)->viewer;
	struct account *cl;
	const char *name = http_param(r, "name");
	int rc = core_account_by_name(CORE(r), r->a, name ? name : "", &cl);
	if (rc)
		return rc;
	/* only for a carer of this client: anyone else finds nothing here */
	struct carer *v;
	size_t n;
	if ((rc = core_carers(CORE(r), r->a, viewer, true, &v, &n)))
		return rc;
	bool mine = false;
	for (size_t i = 0; i < n; i++)
		mine |= v[i].acc->id == cl->id;
	if (!mine)
		return ERR_NOTFOUND;
	struct tval *m = page_model(r, arena_printf(r->a, "%s %s", _r(r, "Mantelzorg voor"), core_shown_name(cl)));
	tv_set_str(r->a, m, "client", core_shown_name(cl));
	tv_set_str(r->a, m, "name", cl->username);
	tv_set_str(r->a, m, "client_name", cl->username);
	bool act = core_carer_may_act(CORE(r), viewer, cl->id) == 0;
	tv_set_bool(r->a, m, "act", act);
	struct appointment *ap;
	size_t na;
	rc = core_carer_appts(CORE(r), r->a, viewer, cl->id, &ap, &na);
	if (rc && rc != ERR_NOTFOUND)
		return rc;
	tv_set_bool(r->a, m, "sees_appts", !rc);
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; !rc && i < na; i++) {
		struct tval *x = appt_item_model(r, &ap[i]);
		tv_set_bool(r->a, x, "act", act);
		tv_push(l, x);
	}
	tv_set(m, "appointments", l);
	tv_set_bool(r->a, m, "has_appointments", !rc && na > 0);
	if (act) {
		struct account **pv;
		size_t np;
		if ((rc = core_avail_providers(CORE(r), r->a, 50, &pv, &np)))
			return rc;
		struct tval *pl = tv_list(r->a);
		for (size_t i = 0; i < np; i++) {
			struct tval *x = tv_obj(r->a);
			tv_set_str(r->a, x, "name", pv[i]->username);
			tv_set_str(r->a, x, "display_name", core_shown_name(pv[i]));
			tv_push(pl, x);
		}
		tv_set(m, "providers", pl);
	}
	/* the plan, only when the client shares it with this person (core/plan.c) */
	struct plan_view pvw;
	rc = core_plan_get(CORE(r), r->a, viewer, cl->id, &pvw);
	if (rc && rc != ERR_NOTFOUND)
		return rc;
	tv_set_bool(r->a, m, "plan", !rc);
	thuis_media_model(r, m, cl->id); /* only what the client lets carers see */
	return page_render(r, "carer_for", m);
}

/* ---- photos and videos the care team shared ---- */

/* The items of client the viewer may see, into m (media_items, has_media). */
void thuis_media_model(struct http_req *r, struct tval *m, uint64_t client)
{
	uint64_t viewer = WREQ(r)->viewer;
	struct care_media *v;
	size_t n = 0;
	if (core_care_media_list(CORE(r), r->a, viewer, client, &v, &n))
		n = 0;
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		const struct media *md = v[i].media;
		struct tval *x = tv_obj(r->a);
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)v[i].id);
		tv_set_str(r->a, x, "caption", v[i].caption);
		tv_set_str(r->a, x, "from", core_shown_name(v[i].sharer));
		tv_set_str(r->a, x, "when", fmt_time(r, v[i].created_at));
		tv_set_bool(r->a, x, "family", v[i].family);
		tv_set_bool(r->a, x, "client_view", viewer == client);
		tv_set_bool(r->a, x, "removable", viewer == client || viewer == v[i].sharer_id);
		tv_set_str(r->a, x, "alt", md->alt ? md->alt : "");
		tv_set_bool(r->a, x, "processing", md->state != MEDIA_READY || !md->nfiles);
		if (md->state == MEDIA_READY && md->nfiles) {
			const struct media_file *f = &md->files[0];
			for (size_t k = 0; k < md->nfiles; k++)
				if (md->files[k].main)
					f = &md->files[k];
			tv_set_strf(r->a, x, "src", "/media/%s.%s", f->sha256, f->ext);
			tv_set_str(r->a, x, "mime", f->mime);
			tv_set_int(r->a, x, "width", f->width);
			tv_set_int(r->a, x, "height", f->height);
			tv_set_bool(r->a, x, "is_image", md->kind == MEDIA_IMAGE);
			tv_set_bool(r->a, x, "is_video", md->kind == MEDIA_VIDEO);
		}
		tv_push(l, x);
	}
	tv_set(m, "media_items", l);
	tv_set_str(r->a, m, "back", r->path); /* the forms come back to this page */
	tv_set_bool(r->a, m, "has_media", n > 0);
}

static int share_page(struct http_req *r, const char *error, int status)
{
	struct account *cl;
	const char *name = http_param(r, "name");
	int rc = core_account_by_name(CORE(r), r->a, name ? name : "", &cl);
	if (!rc)
		rc = core_care_media_may_share(CORE(r), WREQ(r)->viewer, cl->id);
	if (rc)
		return rc;
	struct tval *m = page_model(r, arena_printf(r->a, "%s %s", _r(r, "Foto of video delen met"), core_shown_name(cl)));
	tv_set_str(r->a, m, "name", cl->username);
	tv_set_str(r->a, m, "client", core_shown_name(cl));
	thuis_media_model(r, m, cl->id);
	if (error) {
		tv_set_str(r->a, m, "error", error);
		const char *v;
		if ((v = http_form(r, "alt")))
			tv_set_str(r->a, m, "alt", v);
		if ((v = http_form(r, "caption")))
			tv_set_str(r->a, m, "caption", v);
	}
	int prc = page_render(r, "care_share", m);
	if (status)
		r->status = status;
	return prc;
}

int h_care_share_page(struct http_req *r)
{
	return share_page(r, NULL, 0);
}

int h_care_share(struct http_req *r)
{
	uint64_t viewer = WREQ(r)->viewer;
	struct account *cl;
	const char *name = http_param(r, "name");
	int rc = core_account_by_name(CORE(r), r->a, name ? name : "", &cl);
	if (!rc)
		rc = core_care_media_may_share(CORE(r), viewer, cl->id);
	if (rc)
		return rc;
	const struct http_file *f = NULL;
	for (int i = 0; i < r->nfiles; i++)
		if (!strcmp(r->files[i].name, "media") && r->files[i].len)
			f = &r->files[i];
	if (!f)
		return share_page(r, _r(r, "Kies een foto of video."), 422);
	const char *alt = http_form(r, "alt");
	alt = alt ? str_trim(arena_strdup(r->a, alt)) : "";
	const char *caption = http_form(r, "caption");
	caption = caption ? str_trim(arena_strdup(r->a, caption)) : "";
	uint64_t id;
	enum media_refusal why;
	rc = core_media_upload(CORE(r), viewer, f->data, f->len, alt, &id, &why);
	if (rc == ERR_INVAL || rc == ERR_TOOBIG || rc == ERR_RATE)
		return share_page(r, _r(r, "Dit bestand kunnen we niet gebruiken. Kies een foto of video die niet te groot is."), 422);
	if (rc)
		return rc;
	rc = core_care_media_share(CORE(r), viewer, cl->id, id, caption, NULL);
	if (rc == ERR_INVAL)
		return share_page(r, _r(r, "Beschrijf wat er op de foto staat, en houd de tekst erbij kort (hoogstens 280 tekens)."), 422);
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/thuis/delen/%s", cl->username), "care_shared");
	return 0;
}

/* familie (the client: family=1 shows it to carers, 0 not) or weg (remove). */
int h_care_media_act(struct http_req *r)
{
	uint64_t id = 0;
	const char *s = http_param(r, "id");
	const char *what = http_param(r, "action");
	if (!s || !parse_u64(s, &id) || !what)
		return ERR_NOTFOUND;
	int rc;
	if (!strcmp(what, "familie")) {
		const char *fam = http_form(r, "family");
		rc = core_care_media_family(CORE(r), WREQ(r)->viewer, id, fam && !strcmp(fam, "1"));
	} else if (!strcmp(what, "weg"))
		rc = core_care_media_remove(CORE(r), WREQ(r)->viewer, id);
	else
		rc = ERR_NOTFOUND;
	if (rc)
		return rc;
	const char *back = local_path(http_form(r, "terug"));
	redirect_msg(r, strncmp(back, "/thuis", 6) ? "/thuis" : back, "saved");
	return 0;
}
