/* Choosing a care worker on the pages: one profile at a time (like, skip,
 * undo), the same as a filtered list (no swiping needed), the client's
 * likes with a request form, a professional's incoming requests, and the
 * professional's profile parts.  The rules are core's (core/match.c). */
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/text.h"
#include "core/match.h"
#include "web/web_int.h"

/* The filter from the query (GET) or the form (POST), checked. */
static bool filter_of(struct http_req *r, bool form, struct match_filter *f)
{
	struct match_filter in = {
	        form ? http_form(r, "expertise") : http_query(r, "expertise"),
	        form ? http_form(r, "language") : http_query(r, "language"),
	        form ? http_form(r, "region") : http_query(r, "region"),
	};
	return core_match_filter(r->a, &in, f) == 0;
}

/* "?expertise=..&language=..&region=.." for links back. */
static const char *filter_query(struct http_req *r, const struct match_filter *f)
{
	struct buf b = BUF_INIT(1024);
	const char *k[3] = {"expertise", "language", "region"}, *v[3] = {f->expertise, f->language, f->region};
	for (int i = 0; i < 3; i++) {
		if (!v[i] || !*v[i])
			continue;
		IGNORE_RESULT(buf_addf(&b, "%c%s=", b.len ? '&' : '?', k[i])); /* words are at most 60 bytes */
		IGNORE_RESULT(url_encode(&b, v[i], strlen(v[i])));
	}
	const char *out = arena_strdup(r->a, b.len ? b.ptr : "");
	buf_release(&b);
	return out;
}

static void filter_model(struct http_req *r, struct tval *m, const struct match_filter *f, bool list)
{
	tv_set_str(r->a, m, "f_expertise", f->expertise);
	tv_set_str(r->a, m, "f_language", f->language);
	tv_set_str(r->a, m, "f_region", f->region);
	tv_set_str(r->a, m, "fq", filter_query(r, f));
	tv_set_str(r->a, m, "filter_action", list ? "/kiezen/lijst" : "/kiezen");
}

static struct tval *card_model(struct http_req *r, struct match_card *c)
{
	struct tval *x = account_model(r, c->acc);
	tv_set_str(r->a, x, "profession", c->acc->profession);
	tv_set_str(r->a, x, "expertise", c->acc->expertise);
	tv_set_str(r->a, x, "languages", c->acc->languages);
	tv_set_str(r->a, x, "region", c->acc->region);
	if (c->profile.intro[0])
		tv_set_str(r->a, x, "intro", c->profile.intro);
	if (c->profile.approach[0])
		tv_set_str(r->a, x, "approach", c->profile.approach);
	tv_set_bool(r->a, x, "taking_new", c->profile.taking_new);
	struct tval *why = tv_list(r->a);
	static const struct {
		int bit;
		const char *text;
	} reasons[] = {
	        {MWHY_EXPERTISE, N_("deskundig in wat u zoekt")},
	        {MWHY_LANGUAGE, N_("spreekt uw taal")},
	        {MWHY_REGION, N_("werkt in uw regio")},
	        {MWHY_TAKING_NEW, N_("neemt nieuwe cliënten aan")},
	        {MWHY_AVAILABLE, N_("heeft deze week nog plek")},
	};
	for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
		if (c->why & reasons[i].bit) {
			struct tval *w = tv_obj(r->a);
			tv_set_str(r->a, w, "text", _r(r, reasons[i].text));
			tv_push(why, w);
		}
	tv_set(x, "why", why);
	tv_set_bool(r->a, x, "has_why", c->why != 0);
	tv_set_bool(r->a, x, "liked", c->liked);
	tv_set_bool(r->a, x, "requested", c->requested);
	return x;
}

static int bad_filter(struct http_req *r)
{
	struct tval *m = page_model(r, _r(r, "Een zorgverlener kiezen"));
	tv_set_str(r->a, m, "error", _r(r, "Een zoekwoord is hoogstens 60 tekens."));
	int prc = page_render(r, "match_message", m);
	r->status = 422;
	return prc;
}

int h_match(struct http_req *r)
{
	struct match_filter f;
	if (!filter_of(r, false, &f))
		return bad_filter(r);
	struct match_card card;
	int rc = core_match_next(CORE(r), r->a, WREQ(r)->viewer, &f, &card);
	if (rc && rc != ERR_NOTFOUND)
		return rc;
	struct tval *m = page_model(r, _r(r, "Een zorgverlener kiezen"));
	filter_model(r, m, &f, false);
	if (!rc)
		tv_set(m, "card", card_model(r, &card));
	return page_render(r, "match", m);
}

int h_match_list(struct http_req *r)
{
	struct match_filter f;
	if (!filter_of(r, false, &f))
		return bad_filter(r);
	struct match_card *v;
	size_t n;
	int rc = core_match_list(CORE(r), r->a, WREQ(r)->viewer, &f, &v, &n);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Zorgverleners in een lijst"));
	filter_model(r, m, &f, true);
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, card_model(r, &v[i]));
	tv_set(m, "cards", l);
	return page_render(r, "match_list", m);
}

int h_match_mine(struct http_req *r)
{
	struct match_card *v;
	size_t n;
	int rc = core_match_likes(CORE(r), r->a, WREQ(r)->viewer, &v, &n);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Mijn keuzes"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, card_model(r, &v[i]));
	tv_set(m, "cards", l);
	return page_render(r, "match_mine", m);
}

int h_match_requests(struct http_req *r)
{
	struct match_request *v;
	size_t n;
	int rc = core_match_requests(CORE(r), r->a, WREQ(r)->viewer, &v, &n);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Verzoeken van cliënten"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = account_model(r, v[i].client);
		tv_set_str(r->a, x, "message", v[i].message);
		tv_set_str(r->a, x, "when", fmt_time(r, v[i].at));
		tv_push(l, x);
	}
	tv_set(m, "requests", l);
	return page_render(r, "match_requests", m);
}

int h_match_choose(struct http_req *r)
{
	const char *action = http_param(r, "action"), *name = http_param(r, "name");
	struct match_filter f;
	if (!filter_of(r, true, &f))
		return bad_filter(r);
	struct account *acc;
	int rc = core_account_by_name(CORE(r), r->a, name ? name : "", &acc);
	if (rc)
		return rc;
	const char *back = local_path(http_form(r, "back"));
	if (action && !strcmp(action, "verzoek")) {
		rc = core_match_request(CORE(r), WREQ(r)->viewer, acc->id, http_form(r, "message"), NULL);
		if (rc == ERR_NOTFOUND || rc == ERR_EXISTS || rc == ERR_INVAL || rc == ERR_GUARD || rc == ERR_BLOCKED) {
			struct tval *m = page_model(r, _r(r, "Verzoek niet verstuurd"));
			tv_set_str(r->a, m, "error",
			           rc == ERR_NOTFOUND ? _r(r, "Kies eerst 'Past bij mij' bij deze zorgverlener.")
			           : rc == ERR_EXISTS ? _r(r, "U heeft deze zorgverlener al een verzoek gestuurd.")
			           : rc == ERR_INVAL  ? _r(r, "Uw bericht is hoogstens 1000 tekens.")
			                              : _r(r, "De privacygids vond gegevens van een ander in uw bericht. Haal ze weg."));
			int prc = page_render(r, "match_message", m);
			r->status = 422;
			return prc;
		}
		if (rc)
			return rc;
		redirect_msg(r, "/kiezen/mijn", "match_requested");
		return 0;
	}
	int choice = action && !strcmp(action, "like") ? MATCH_LIKE : action && !strcmp(action, "skip") ? MATCH_SKIP : 0;
	if (!choice)
		return ERR_NOTFOUND;
	rc = core_match_choose(CORE(r), WREQ(r)->viewer, acc->id, choice);
	if (rc == ERR_CONFLICT || rc == ERR_INVAL) {
		struct tval *m = page_model(r, _r(r, "Een zorgverlener kiezen"));
		tv_set_str(r->a, m, "error", _r(r, "U heeft deze zorgverlener al een verzoek gestuurd."));
		int prc = page_render(r, "match_message", m);
		r->status = 422;
		return prc;
	}
	if (rc)
		return rc;
	redirect_msg(r, strcmp(back, "/") ? back : arena_printf(r->a, "/kiezen%s", filter_query(r, &f)), "saved");
	return 0;
}

int h_match_undo(struct http_req *r)
{
	uint64_t pro;
	int rc = core_match_undo(CORE(r), WREQ(r)->viewer, &pro);
	if (rc)
		return rc;
	struct match_filter f;
	if (!filter_of(r, true, &f))
		return bad_filter(r);
	redirect_msg(r, arena_printf(r->a, "/kiezen%s", filter_query(r, &f)), pro ? "match_undone" : "match_nothing");
	return 0;
}

static int pro_form(struct http_req *r, const char *error)
{
	struct pro_profile p;
	int rc = core_pro_profile_get(CORE(r), r->a, WREQ(r)->viewer, &p);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Mijn profiel als zorgverlener"));
	tv_set_str(r->a, m, "intro", error && http_form(r, "intro") ? http_form(r, "intro") : p.intro);
	tv_set_str(r->a, m, "approach", error && http_form(r, "approach") ? http_form(r, "approach") : p.approach);
	tv_set_bool(r->a, m, "taking_new", p.taking_new);
	if (error)
		tv_set_str(r->a, m, "error", error);
	return page_render(r, "settings_pro", m);
}

int h_settings_pro(struct http_req *r)
{
	return pro_form(r, NULL);
}

int h_settings_pro_save(struct http_req *r)
{
	const char *c = http_form(r, "confirm");
	struct guard_result g;
	struct guard_ask ask = {.confirm = c && !strcmp(c, "1"), .a = r->a, .result = &g};
	struct pro_profile p = {
	        .intro = http_form(r, "intro") ? http_form(r, "intro") : "",
	        .approach = http_form(r, "approach") ? http_form(r, "approach") : "",
	        .taking_new = http_form(r, "taking_new") != NULL,
	};
	int rc = core_pro_profile_set(CORE(r), WREQ(r)->viewer, &p, &ask);
	if (rc == ERR_INVAL || rc == ERR_FORBIDDEN || rc == ERR_GUARD || rc == ERR_BLOCKED) {
		int prc = pro_form(r, rc == ERR_INVAL       ? _r(r, "Schrijf hoogstens 1000 tekens per vak.")
		                      : rc == ERR_FORBIDDEN ? _r(r, "Dit deel van het profiel is er alleen voor zorgverleners.")
		                                            : _r(r, "De privacygids vond misschien gegevens van een cliënt. Haal ze weg."));
		r->status = rc == ERR_FORBIDDEN ? 403 : 422;
		return prc;
	}
	if (rc)
		return rc;
	redirect_msg(r, "/settings/pro", "saved");
	return 0;
}
