/* The administrator's page for announcements: write a notice, publish or
 * withdraw it, delete it.  Who may is core's (core/announce.c). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "base/when.h"
#include "web/web_int.h"

/* "2026-12-02T10:00" (a datetime-local field, base/when.h); empty: 0 (none). */
static bool local_time(const char *s, int64_t *out)
{
	*out = 0;
	return !s || !*s || when_parse(s, out);
}

static int ann_page(struct http_req *r, const char *error)
{
	struct wreq *q = WREQ(r);
	struct announcement *v;
	size_t n;
	int rc = core_ann_admin_list(q->w->core, r->a, q->viewer, &v, &n);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Mededelingen"));
	struct tval *l = tv_list(r->a);
	int64_t now = time_now();
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "id", arena_printf(r->a, "%llu", (unsigned long long)v[i].id));
		tv_set_str(r->a, x, "text", v[i].text);
		tv_set_bool(r->a, x, "published", v[i].published);
		bool ended = v[i].ends_at && v[i].ends_at <= now;
		bool waiting = v[i].starts_at && v[i].starts_at > now;
		tv_set_str(r->a, x, "state",
		           !v[i].published ? _r(r, "niet gepubliceerd")
		           : ended         ? _r(r, "afgelopen")
		           : waiting       ? _r(r, "gepubliceerd, nog niet begonnen")
		                           : _r(r, "zichtbaar voor iedereen"));
		if (v[i].starts_at)
			tv_set_str(r->a, x, "starts", fmt_time(r, v[i].starts_at));
		if (v[i].ends_at)
			tv_set_str(r->a, x, "ends", fmt_time(r, v[i].ends_at));
		int64_t reactions = 0;
		for (size_t k = 0; k < v[i].nreactions; k++)
			reactions += v[i].reactions[k].count;
		tv_set_int(r->a, x, "reactions", reactions);
		tv_push(l, x);
	}
	tv_set(m, "announcements", l);
	if (error) {
		tv_set_str(r->a, m, "error", error);
		const char *text = http_form(r, "text");
		if (text)
			tv_set_str(r->a, m, "text", text);
	}
	return page_render(r, "admin_announcements", m);
}

int h_admin_announcements(struct http_req *r)
{
	return ann_page(r, NULL);
}

int h_admin_announcement_new(struct http_req *r)
{
	int64_t from, until;
	bool times = local_time(http_form(r, "starts_at"), &from) && local_time(http_form(r, "ends_at"), &until);
	const char *text = http_form(r, "text");
	if (text)
		text = str_trim(arena_strdup(r->a, text));
	int rc = times ? core_ann_create(CORE(r), WREQ(r)->viewer, text, from, until, http_form(r, "all_day") != NULL,
	                                 http_form(r, "publish") != NULL, NULL)
	               : ERR_INVAL;
	if (rc == ERR_INVAL) {
		int prc = ann_page(
		        r, _r(r, "Schrijf een tekst van hoogstens 2000 tekens. Kies een eind dat na het begin ligt."));
		r->status = 400;
		return prc;
	}
	if (rc)
		return rc;
	redirect_msg(r, "/admin/announcements", "saved");
	return 0;
}

static uint64_t ann_id(struct http_req *r)
{
	uint64_t id = 0;
	const char *s = http_param(r, "id");
	return s && parse_u64(s, &id) ? id : 0;
}

static int publish(struct http_req *r, bool on)
{
	int rc = core_ann_publish(CORE(r), WREQ(r)->viewer, ann_id(r), on);
	if (rc)
		return rc;
	redirect_msg(r, "/admin/announcements", "saved");
	return 0;
}

int h_admin_announcement_publish(struct http_req *r)
{
	return publish(r, true);
}

int h_admin_announcement_unpublish(struct http_req *r)
{
	return publish(r, false);
}

int h_admin_announcement_delete(struct http_req *r)
{
	int rc = core_ann_delete(CORE(r), WREQ(r)->viewer, ann_id(r));
	if (rc)
		return rc;
	redirect_msg(r, "/admin/announcements", "saved");
	return 0;
}
