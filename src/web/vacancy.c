/* Vacancies (issue 20, docs/measure.md): /vacatures, the form for an
 * organisation's staff, and the feeds for job sites (Atom and JSON Feed
 * 1.1).  The rules (who may publish, what is listed) are core's
 * (core/vacancy.c); these are views. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core.h"
#include "core/vacancy.h"
#include "web/web_int.h"

#define FEED_ITEMS 50 /* vacancies in a feed: the newest */

static const char *form_text(struct http_req *r, const char *name)
{
	const char *s = http_form(r, name);
	return s ? str_trim(arena_strdup(r->a, s)) : NULL;
}

static struct tval *vacancy_model(struct http_req *r, const struct vacancy *v)
{
	struct tval *x = tv_obj(r->a);
	tv_set_strf(r->a, x, "url", "/posts/%llu", (unsigned long long)v->post_id);
	tv_set_str(r->a, x, "job", v->f.function);
	tv_set_str(r->a, x, "hours", v->f.hours);
	tv_set_str(r->a, x, "location", v->f.location);
	tv_set_str(r->a, x, "apply", v->f.apply);
	tv_set_str(r->a, x, "when", fmt_time(r, v->post->created_at));
	tv_set_str(r->a, x, "org", core_shown_name(v->post->author));
	tv_set_strf(r->a, x, "org_url", "/@%s", v->post->author->username);
	return x;
}

int h_vacancies(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	uint64_t before = 0;
	const char *mx = http_query(r, "max_id");
	if (mx && !parse_u64(mx, &before))
		return ERR_INVAL;
	struct vacancy *v;
	size_t n;
	int rc = core_vacancies(CORE(r), r->a, 0, before, CORE_PAGE_DEFAULT, &v, &n);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Vacatures"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, vacancy_model(r, &v[i]));
	tv_set(m, "vacancies", l);
	tv_set_bool(r->a, m, "none", n == 0);
	if (n == CORE_PAGE_DEFAULT)
		pager_model(r, m, "/vacatures", v[n - 1].post_id, 0);
	/* Staff of an organisation may publish one (core checks again). */
	struct account **orgs;
	size_t no = 0;
	if (q->viewer && !core_post_as_orgs(CORE(r), r->a, q->viewer, &orgs, &no) && no)
		tv_set_bool(r->a, m, "may_publish", true);
	return page_render(r, "vacancies", m);
}

static const char *problem_text(struct http_req *r, enum vacancy_problem p)
{
	switch (p) {
	case VACANCY_JOB: return _r(r, "Vul de functie in (één regel, hoogstens 200 tekens).");
	case VACANCY_HOURS: return _r(r, "Vul de uren in (één regel, hoogstens 200 tekens).");
	case VACANCY_LOCATION: return _r(r, "Vul de plaats in (één regel, hoogstens 200 tekens).");
	case VACANCY_APPLY: return _r(r, "Vul in hoe mensen kunnen solliciteren (hoogstens 500 tekens).");
	case VACANCY_ABOUT: return _r(r, "De uitleg is te lang (hoogstens 3000 tekens).");
	case VACANCY_OK: break;
	}
	return _r(r, "Controleer de vacature.");
}

static int form_page(struct http_req *r, const char *error, const char *field)
{
	struct wreq *q = WREQ(r);
	struct account **orgs;
	size_t n = 0;
	int rc = core_post_as_orgs(CORE(r), r->a, q->viewer, &orgs, &n);
	if (rc)
		return rc;
	if (n == 0)
		return ERR_FORBIDDEN;
	struct tval *m = page_model(r, _r(r, "Vacature plaatsen"));
	uint64_t chosen = 0;
	const char *as = http_form(r, "as");
	if (as && !parse_u64(as, &chosen))
		chosen = 0;
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = account_model(r, orgs[i]);
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)orgs[i]->id);
		tv_set_bool(r->a, x, "selected", orgs[i]->id == chosen);
		tv_push(l, x);
	}
	tv_set(m, "as", l);
	static const char *const keep[] = {"job", "hours", "location", "apply", "about"};
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		const char *s = http_form(r, keep[i]);
		if (s)
			tv_set_str(r->a, m, keep[i], s);
	}
	form_error(r, m, error, field);
	return page_render(r, "vacancy_new", m);
}

int h_vacancy_new(struct http_req *r)
{
	return form_page(r, NULL, NULL);
}

int h_vacancy_create(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct guard_result g;
	memset(&g, 0, sizeof g);
	struct vacancy_input in = {
	        .f = {.function = form_text(r, "job"),
	              .hours = form_text(r, "hours"),
	              .location = form_text(r, "location"),
	              .apply = form_text(r, "apply")},
	        .about = form_text(r, "about"),
	        .guard = &g,
	};
	const char *as = http_form(r, "as");
	if (!as || !parse_u64(as, &in.org))
		return form_page(r, _r(r, "Kies de organisatie."), NULL);
	enum vacancy_problem p = core_vacancy_problem(&in);
	if (p != VACANCY_OK) {
		static const char *const fields[] = {NULL, "job", "hours", "location", "apply", "about"};
		return form_page(r, problem_text(r, p), fields[p]);
	}
	uint64_t id;
	int rc = core_vacancy_create(CORE(r), r->a, q->viewer, &in, &id);
	if (rc == ERR_GUIDELINES)
		return guidelines_page(r, in.org, NULL);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED) {
		rc = form_page(r,
		               _r(r, "In de vacature staan misschien gegevens van een cliënt. Pas de tekst aan en "
		                     "probeer het opnieuw."),
		               NULL);
		r->status = 422;
		return rc;
	}
	if (rc == ERR_INVAL)
		return form_page(r, _r(r, "Controleer de vacature."), NULL);
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/posts/%llu", (unsigned long long)id), "posted");
	return 0;
}

/* ---- feeds ---- */

static void rfc3339(char out[32], int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void xml(struct buf *b, const char *s)
{
	buf_nofail(html_escape(b, s, strlen(s)));
}

static void json_str(struct buf *b, const char *s)
{
	buf_nofail(buf_addc(b, '"'));
	buf_nofail(json_escape(b, s, strlen(s)));
	buf_nofail(buf_addc(b, '"'));
}

static const char *org_name(const struct vacancy *v)
{
	const struct account *o = v->post->author;
	return core_shown_name(o);
}

static const char *site_name(struct http_req *r)
{
	return arena_printf(r->a, "%s %s", _r(r, "Vacatures op"), WREQ(r)->w->base_url);
}

static int feed_items(struct http_req *r, struct vacancy **v, size_t *n)
{
	return core_vacancies(CORE(r), r->a, 0, 0, FEED_ITEMS, v, n);
}

static int send(struct http_req *r, struct buf *b, const char *type)
{
	r->status = 200;
	r->content_type = type;
	http_set_header(r, "Cache-Control", "public, max-age=300");
	int rc = buf_add(&r->out, b->ptr, b->len);
	buf_release(b);
	return rc;
}

int h_vacancies_atom(struct http_req *r)
{
	struct vacancy *v;
	size_t n;
	int rc = feed_items(r, &v, &n);
	if (rc)
		return rc;
	const char *base = WREQ(r)->w->base_url;
	char when[32];
	rfc3339(when, n ? v[0].post->created_at : time_now());
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_adds(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	                        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n<id>"));
	xml(&b, base);
	buf_nofail(buf_adds(&b, "/vacatures</id>\n<title>"));
	xml(&b, site_name(r));
	buf_nofail(buf_addf(&b, "</title>\n<updated>%s</updated>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"",
	                    when));
	xml(&b, base);
	buf_nofail(buf_adds(&b, "/vacatures.atom\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\""));
	xml(&b, base);
	buf_nofail(buf_adds(&b, "/vacatures\"/>\n<generator>kring</generator>\n"));
	for (size_t i = 0; i < n; i++) {
		const struct vacancy *x = &v[i];
		const char *url = arena_printf(r->a, "%s/posts/%llu", base, (unsigned long long)x->post_id);
		rfc3339(when, x->post->created_at);
		char upd[32];
		rfc3339(upd, x->post->edited_at > x->post->created_at ? x->post->edited_at : x->post->created_at);
		buf_nofail(buf_adds(&b, "<entry>\n<id>"));
		xml(&b, url);
		buf_nofail(buf_adds(&b, "</id>\n<title>"));
		xml(&b, arena_printf(r->a, "%s (%s)", x->f.function, org_name(x)));
		buf_nofail(buf_addf(&b, "</title>\n<published>%s</published>\n<updated>%s</updated>\n"
		                        "<link rel=\"alternate\" type=\"text/html\" href=\"",
		                    when, upd));
		xml(&b, url);
		buf_nofail(buf_adds(&b, "\"/>\n<author><name>"));
		xml(&b, org_name(x));
		buf_nofail(buf_adds(&b, "</name><uri>"));
		xml(&b, arena_printf(r->a, "%s/@%s", base, x->post->author->username));
		buf_nofail(buf_adds(&b, "</uri></author>\n<category term=\"vacature\"/>\n<summary type=\"text\">"));
		xml(&b, arena_printf(r->a, "%s: %s. %s: %s. %s: %s", "Uren", x->f.hours, "Plaats", x->f.location,
		                     "Solliciteren", x->f.apply));
		buf_nofail(buf_adds(&b, "</summary>\n<content type=\"text\">"));
		xml(&b, x->post->text);
		buf_nofail(buf_adds(&b, "</content>\n</entry>\n"));
	}
	buf_nofail(buf_adds(&b, "</feed>\n"));
	return send(r, &b, "application/atom+xml; charset=utf-8");
}

int h_vacancies_json(struct http_req *r)
{
	struct vacancy *v;
	size_t n;
	int rc = feed_items(r, &v, &n);
	if (rc)
		return rc;
	const char *base = WREQ(r)->w->base_url;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_adds(&b, "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":"));
	json_str(&b, site_name(r));
	buf_nofail(buf_adds(&b, ",\"home_page_url\":"));
	json_str(&b, arena_printf(r->a, "%s/vacatures", base));
	buf_nofail(buf_adds(&b, ",\"feed_url\":"));
	json_str(&b, arena_printf(r->a, "%s/vacatures.json", base));
	buf_nofail(buf_adds(&b, ",\"language\":\"nl\",\"items\":["));
	for (size_t i = 0; i < n; i++) {
		const struct vacancy *x = &v[i];
		const char *url = arena_printf(r->a, "%s/posts/%llu", base, (unsigned long long)x->post_id);
		char when[32];
		rfc3339(when, x->post->created_at);
		buf_nofail(buf_adds(&b, i ? ",{\"id\":" : "{\"id\":"));
		json_str(&b, url);
		buf_nofail(buf_adds(&b, ",\"url\":"));
		json_str(&b, url);
		buf_nofail(buf_adds(&b, ",\"title\":"));
		json_str(&b, arena_printf(r->a, "%s (%s)", x->f.function, org_name(x)));
		buf_nofail(buf_adds(&b, ",\"content_text\":"));
		json_str(&b, x->post->text);
		buf_nofail(buf_addf(&b, ",\"date_published\":\"%s\"", when));
		if (x->post->edited_at > x->post->created_at) {
			rfc3339(when, x->post->edited_at);
			buf_nofail(buf_addf(&b, ",\"date_modified\":\"%s\"", when));
		}
		buf_nofail(buf_adds(&b, ",\"authors\":[{\"name\":"));
		json_str(&b, org_name(x));
		buf_nofail(buf_adds(&b, ",\"url\":"));
		json_str(&b, arena_printf(r->a, "%s/@%s", base, x->post->author->username));
		buf_nofail(buf_adds(&b, "}],\"tags\":[\"vacature\"],\"_kring\":{\"job\":"));
		json_str(&b, x->f.function);
		buf_nofail(buf_adds(&b, ",\"hours\":"));
		json_str(&b, x->f.hours);
		buf_nofail(buf_adds(&b, ",\"location\":"));
		json_str(&b, x->f.location);
		buf_nofail(buf_adds(&b, ",\"how_to_apply\":"));
		json_str(&b, x->f.apply);
		buf_nofail(buf_adds(&b, "}}"));
	}
	buf_nofail(buf_adds(&b, "]}\n"));
	return send(r, &b, "application/feed+json; charset=utf-8");
}
