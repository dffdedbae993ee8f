/* Reviews on the pages: a provider's reviews with its score and how they
 * are checked, the form to write one, the provider's reply, withdrawing,
 * and the moderators' queue.  The rules are core's (core/review.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/err.h"
#include "base/text.h"
#include "core/review.h"
#include "web/web_int.h"

static const char *const aspect_labels[REVIEW_ASPECTS] = {N_("Informatie"), N_("Luisteren"), N_("Wachttijd"),
                                                          N_("Resultaat")};

static const char *problem_text(struct http_req *r, enum review_problem p)
{
	switch (p) {
	case RP_NOT_PROVIDER: return _r(r, "Alleen organisaties en zorgverleners kunnen een beoordeling krijgen.");
	case RP_SELF: return _r(r, "U kunt uzelf of uw eigen organisatie niet beoordelen.");
	case RP_NO_RELATION:
		return _r(r, "U kunt alleen een zorgverlener beoordelen met wie u een relatie heeft in kring: u bent een"
		             " paar weken lid van een kring van deze zorgverlener, u had een gesprek en de zorgverlener"
		             " gaf antwoord, u had een afspraak die voorbij is, of de zorgverlener beantwoordde uw vraag op"
		             " het spreekuur. Volgen is niet genoeg.");
	case RP_TOO_SOON:
		return _r(r, "U bent nog maar kort lid van de kring van deze zorgverlener. Na vier weken kunt u een"
		             " beoordeling schrijven.");
	case RP_TAKEN: return _r(r, "U heeft deze zorgverlener voor deze relatie al beoordeeld.");
	case RP_MARKS: return _r(r, "Geef elk onderdeel een cijfer van 1 tot en met 10.");
	case RP_TEXT: return _r(r, "Schrijf een uitleg van hoogstens 200 woorden.");
	case RP_EXPERIENCE: return _r(r, "Kies een maand uit de laatste 3 jaar.");
	case RP_SERVICE: return _r(r, "Voor deze dienst staan beoordelingen uit.");
	default: return _r(r, "Dit mag niet.");
	}
}

static int load_provider(struct http_req *r, struct account **acc)
{
	const char *name = http_param(r, "name");
	int rc = core_account_by_name(CORE(r), r->a, name ? name : "", acc);
	if (rc)
		return rc;
	return core_review_provider(*acc) ? 0 : ERR_NOTFOUND;
}

static const char *month_of(struct http_req *r, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	return arena_printf(r->a, "%02d-%04d", tm.tm_mon + 1, tm.tm_year + 1900);
}

static struct tval *marks_model(struct http_req *r, const int *marks)
{
	struct tval *l = tv_list(r->a);
	for (int k = 0; k < REVIEW_ASPECTS; k++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "label", _r(r, aspect_labels[k]));
		tv_set_int(r->a, x, "mark", marks[k]);
		tv_push(l, x);
	}
	return l;
}

static const char *relation_text(struct http_req *r, int rel)
{
	switch (rel) {
	case REL_GROUP: return _r(r, "lid van een kring van deze zorgverlener");
	case REL_CONVERSATION: return _r(r, "had een gesprek met deze zorgverlener");
	case REL_APPOINTMENT: return _r(r, "had een afspraak");
	case REL_CONSULT: return _r(r, "stelde een vraag op het spreekuur");
	default: return "";
	}
}

static struct tval *review_model(struct http_req *r, const struct review *rv, bool may_reply)
{
	struct tval *x = tv_obj(r->a);
	tv_set_str(r->a, x, "id", arena_printf(r->a, "%llu", (unsigned long long)rv->id));
	tv_set(x, "marks", marks_model(r, rv->marks));
	tv_set_str(r->a, x, "text", rv->text);
	if (rv->service && rv->service[0])
		tv_set_str(r->a, x, "service", rv->service);
	tv_set_str(r->a, x, "experience", month_of(r, rv->experience_at));
	tv_set_str(r->a, x, "relation", relation_text(r, rv->relation));
	tv_set_str(r->a, x, "written", fmt_time(r, rv->created_at));
	if (rv->reply_at)
		tv_set_str(r->a, x, "reply", rv->reply);
	tv_set_bool(r->a, x, "may_reply", may_reply && !rv->reply_at);
	tv_set_bool(r->a, x, "mine", WREQ(r)->viewer && rv->author_id == WREQ(r)->viewer);
	return x;
}

int h_reviews(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *acc;
	int rc = load_provider(r, &acc);
	if (rc)
		return rc;
	struct review_score s;
	struct review *v;
	size_t n;
	if ((rc = core_review_score(q->w->core, r->a, acc->id, &s)) ||
	    (rc = core_review_list(q->w->core, r->a, q->viewer, acc->id, &v, &n)))
		return rc;
	const char *who = core_shown_name(acc);
	struct tval *m = page_model(r, arena_printf(r->a, "%s %s", _r(r, "Beoordelingen van"), who));
	tv_set_str(r->a, m, "who", who);
	tv_set_str(r->a, m, "name", acc->username);
	tv_set_int(r->a, m, "count", s.count);
	tv_set_int(r->a, m, "threshold", s.threshold);
	tv_set_bool(r->a, m, "shown", s.shown);
	tv_set_bool(r->a, m, "org", acc->kind == ACCOUNT_ORG);
	if (s.shown) {
		tv_set_str(r->a, m, "average", arena_printf(r->a, "%.1f", s.average));
		struct tval *al = tv_list(r->a);
		for (int k = 0; k < REVIEW_ASPECTS; k++) {
			struct tval *x = tv_obj(r->a);
			tv_set_str(r->a, x, "label", _r(r, aspect_labels[k]));
			tv_set_str(r->a, x, "average", arena_printf(r->a, "%.1f", s.aspects[k]));
			tv_push(al, x);
		}
		tv_set(m, "aspects", al);
	}
	struct tval *sp = tv_list(r->a);
	for (int k = 10; k >= 1; k--) {
		struct tval *x = tv_obj(r->a);
		tv_set_int(r->a, x, "mark", k);
		tv_set_int(r->a, x, "n", s.spread[k]);
		tv_push(sp, x);
	}
	tv_set(m, "spread", sp);
	bool speaks = core_review_speaks_for(q->w->core, q->viewer, acc->id);
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, review_model(r, &v[i], speaks));
	tv_set(m, "reviews", l);
	tv_set_bool(r->a, m, "speaks", speaks);
	if (speaks && acc->kind == ACCOUNT_ORG) {
		const char **off;
		size_t no;
		if (!core_review_services_off(q->w->core, r->a, acc->id, &off, &no)) {
			struct tval *ol = tv_list(r->a);
			for (size_t i = 0; i < no; i++) {
				struct tval *x = tv_obj(r->a);
				tv_set_str(r->a, x, "service", off[i]);
				tv_push(ol, x);
			}
			tv_set(m, "services_off", ol);
			tv_set_bool(r->a, m, "manage_services", true);
		}
	}
	return page_render(r, "reviews", m);
}

static struct tval *form_model(struct http_req *r, struct account *acc, const char *error)
{
	const char *who = core_shown_name(acc);
	struct tval *m = page_model(r, arena_printf(r->a, "%s %s", _r(r, "Beoordeel"), who));
	tv_set_str(r->a, m, "who", who);
	tv_set_str(r->a, m, "name", acc->username);
	if (error)
		tv_set_str(r->a, m, "error", error);
	struct tval *l = tv_list(r->a);
	for (int k = 0; k < REVIEW_ASPECTS; k++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "label", _r(r, aspect_labels[k]));
		tv_set_str(r->a, x, "field", core_review_aspects[k]);
		const char *v = http_form(r, core_review_aspects[k]);
		struct tval *opts = tv_list(r->a);
		for (int mk = 1; mk <= 10; mk++) {
			struct tval *o = tv_obj(r->a);
			tv_set_int(r->a, o, "v", mk);
			tv_set_bool(r->a, o, "sel", v && atoi(v) == mk);
			tv_push(opts, o);
		}
		tv_set(x, "options", opts);
		tv_push(l, x);
	}
	tv_set(m, "aspects", l);
	const char *t = http_form(r, "text"), *e = http_form(r, "experience"), *s = http_form(r, "service");
	if (t)
		tv_set_str(r->a, m, "text", t);
	tv_set_str(r->a, m, "experience", e ? e : "");
	if (s)
		tv_set_str(r->a, m, "service", s);
	tv_set_bool(r->a, m, "org", acc->kind == ACCOUNT_ORG);
	return m;
}

int h_review_form(struct http_req *r)
{
	struct account *acc;
	int rc = load_provider(r, &acc);
	if (rc)
		return rc;
	enum review_problem why;
	int rel = REL_NONE;
	rc = core_review_can(CORE(r), r->a, WREQ(r)->viewer, acc->id, &why, &rel);
	if (rc && rc != ERR_FORBIDDEN)
		return rc;
	struct tval *m = form_model(r, acc, rc ? problem_text(r, why) : NULL);
	tv_set_bool(r->a, m, "refused", rc != 0);
	if (!rc)
		tv_set_str(r->a, m, "relation", relation_text(r, rel));
	int prc = page_render(r, "review_form", m);
	if (rc)
		r->status = 403;
	return prc;
}

int h_review_create(struct http_req *r)
{
	struct account *acc;
	int rc = load_provider(r, &acc);
	if (rc)
		return rc;
	struct review_input in = {.provider = acc->id};
	for (int k = 0; k < REVIEW_ASPECTS; k++) {
		const char *v = http_form(r, core_review_aspects[k]);
		in.marks[k] = v ? atoi(v) : 0;
	}
	in.text = http_form(r, "text");
	in.experience = http_form(r, "experience");
	in.service = http_form(r, "service");
	if (in.service)
		in.service = str_trim(arena_strdup(r->a, in.service));
	struct guard_result g;
	const char *c = http_form(r, "confirm");
	struct guard_ask ask = {.confirm = c && !strcmp(c, "1"), .a = r->a, .result = &g};
	enum review_problem why = RP_OK;
	struct review rv;
	rc = core_review_create(CORE(r), r->a, WREQ(r)->viewer, &in, &ask, &why, &rv);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED || rc == ERR_INVAL || (rc == ERR_FORBIDDEN && why != RP_OK)) {
		const char *msg = rc == ERR_GUARD
		                          ? _r(r, "De privacygids vond misschien gegevens van een ander (een naam, een"
		                                  " BSN, een kamernummer). Haal ze weg, of vink aan dat u het zo wilt"
		                                  " plaatsen: dan kijkt eerst een moderator.")
		                  : rc == ERR_BLOCKED ? _r(r, "De privacygids houdt deze tekst tegen. Haal de gegevens van"
		                                              " anderen weg.")
		                                      : problem_text(r, why);
		struct tval *m = form_model(r, acc, msg);
		tv_set_bool(r->a, m, "ask_confirm", rc == ERR_GUARD);
		int prc = page_render(r, "review_form", m);
		r->status = rc == ERR_FORBIDDEN ? 403 : 422;
		return prc;
	}
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/@%s/reviews", acc->username),
	             rv.state == REVIEW_PUBLISHED ? "review_published" : "review_held");
	return 0;
}

static uint64_t review_id(struct http_req *r)
{
	uint64_t id = 0;
	const char *s = http_param(r, "id");
	return s && parse_u64(s, &id) ? id : 0;
}

static int back_to_provider(struct http_req *r, uint64_t id, const char *msg)
{
	struct review rv;
	int rc = core_review_get(CORE(r), r->a, WREQ(r)->viewer, id, &rv);
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/@%s/reviews", rv.provider->username), msg);
	return 0;
}

int h_review_reply(struct http_req *r)
{
	uint64_t id = review_id(r);
	int rc = core_review_reply(CORE(r), r->a, WREQ(r)->viewer, id, http_form(r, "text"), NULL);
	if (rc == ERR_INVAL || rc == ERR_EXISTS || rc == ERR_GUARD || rc == ERR_BLOCKED) {
		struct tval *m = page_model(r, _r(r, "Reactie niet geplaatst"));
		tv_set_str(r->a, m, "error",
		           rc == ERR_EXISTS ? _r(r, "Er staat al een reactie onder deze beoordeling. U kunt één keer reageren.")
		           : rc == ERR_INVAL ? _r(r, "Schrijf een reactie van hoogstens 200 woorden.")
		                             : _r(r, "De privacygids vond gegevens van een cliënt in uw reactie. Haal ze weg."));
		int prc = page_render(r, "review_done", m);
		r->status = 422;
		return prc;
	}
	if (rc)
		return rc;
	return back_to_provider(r, id, "saved");
}

int h_review_withdraw(struct http_req *r)
{
	uint64_t id = review_id(r);
	struct review rv;
	int rc = core_review_get(CORE(r), r->a, WREQ(r)->viewer, id, &rv);
	if (!rc)
		rc = core_review_withdraw(CORE(r), WREQ(r)->viewer, id);
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/@%s/reviews", rv.provider->username), "saved");
	return 0;
}

static const char *signal_words(struct http_req *r, int sig)
{
	return arena_printf(r->a, "%s%s%s", sig & RSIG_DUPLICATE ? _r(r, "bijna gelijke tekst; ") : "",
	                    sig & RSIG_BURST ? _r(r, "piek van 1'en of 10'en; ") : "",
	                    sig & RSIG_NEW_ACCOUNT ? _r(r, "account vlak voor de relatie gemaakt; ") : "");
}

int h_mod_reviews(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct review *v;
	size_t n;
	int rc = core_review_queue(q->w->core, r->a, q->viewer, &v, &n);
	if (rc)
		return rc;
	struct review_log_entry *lg;
	size_t nl;
	if ((rc = core_review_log(q->w->core, r->a, q->viewer, &lg, &nl)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Beoordelingen nakijken"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = review_model(r, &v[i], false);
		tv_set_str(r->a, x, "provider", v[i].provider->username);
		tv_set_str(r->a, x, "author", v[i].author->username);
		tv_set_bool(r->a, x, "held", v[i].state == REVIEW_QUEUED);
		if (v[i].reason && v[i].reason[0])
			tv_set_str(r->a, x, "reason", v[i].reason);
		if (v[i].signals)
			tv_set_str(r->a, x, "signals", signal_words(r, v[i].signals));
		tv_push(l, x);
	}
	tv_set(m, "reviews", l);
	struct tval *ll = tv_list(r->a);
	for (size_t i = 0; i < nl; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "when", fmt_time(r, lg[i].created_at));
		tv_set_str(r->a, x, "review", arena_printf(r->a, "%llu", (unsigned long long)lg[i].review_id));
		tv_set_str(r->a, x, "action", lg[i].action);
		tv_set_str(r->a, x, "reason", lg[i].reason);
		tv_push(ll, x);
	}
	tv_set(m, "log", ll);
	return page_render(r, "mod_reviews", m);
}

int h_mod_review_act(struct http_req *r)
{
	const char *action = http_param(r, "action");
	bool publish = action && !strcmp(action, "approve");
	if (!publish && (!action || strcmp(action, "remove")))
		return ERR_NOTFOUND;
	const char *reason = http_form(r, "reason");
	if (reason)
		reason = str_trim(arena_strdup(r->a, reason));
	int rc = core_review_moderate(CORE(r), WREQ(r)->viewer, review_id(r), publish, reason);
	if (rc == ERR_INVAL || rc == ERR_CONFLICT) {
		struct tval *m = page_model(r, _r(r, "Beoordelingen nakijken"));
		tv_set_str(r->a, m, "error", _r(r, "Schrijf waarom u de beoordeling weghaalt (hoogstens 500 tekens)."));
		int prc = page_render(r, "review_done", m);
		r->status = 422;
		return prc;
	}
	if (rc)
		return rc;
	redirect_msg(r, "/moderation/reviews", "saved");
	return 0;
}

int h_review_service(struct http_req *r)
{
	struct account *acc;
	int rc = load_provider(r, &acc);
	if (rc)
		return rc;
	const char *on = http_form(r, "on");
	rc = core_review_service_set(CORE(r), WREQ(r)->viewer, acc->id, http_form(r, "service"), !(on && !strcmp(on, "1")));
	if (rc == ERR_INVAL) {
		struct tval *m = page_model(r, _r(r, "Beoordelingen"));
		tv_set_str(r->a, m, "error", _r(r, "Vul de naam van de dienst in (hoogstens 80 tekens)."));
		int prc = page_render(r, "review_done", m);
		r->status = 422;
		return prc;
	}
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/@%s/reviews", acc->username), "saved");
	return 0;
}
