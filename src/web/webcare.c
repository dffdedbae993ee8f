/* Webcare pages: an organisation's inbox, an item with its history, notes
 * and answer form, and the settings (teams, members, opening hours, rules,
 * templates).  Who may see and do what is core's (core/webcare.c): only
 * the organisation's staff; anyone else gets 404. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/err.h"
#include "base/text.h"
#include "core/webcare.h"
#include "core/webcare_source.h"
#include "core/webcare_spike.h"
#include "web/web_int.h"

static const char *const status_keys[] = {"new", "assigned", "answered", "followed_up", "closed", "pending"};

static const char *status_label(struct http_req *r, int s)
{
	switch (s) {
	case WC_NEW: return _r(r, "Nieuw");
	case WC_ASSIGNED: return _r(r, "Toegewezen");
	case WC_ANSWERED: return _r(r, "Beantwoord");
	case WC_FOLLOWED_UP: return _r(r, "Nagebeld");
	case WC_CLOSED: return _r(r, "Afgesloten");
	case WC_PENDING: return _r(r, "Wacht tot later");
	}
	return "";
}

static const char *kind_label(struct http_req *r, const char *k)
{
	if (!strcmp(k, "mention"))
		return _r(r, "Noemt de organisatie");
	if (!strcmp(k, "reply"))
		return _r(r, "Reactie op een bericht");
	if (!strcmp(k, "staff"))
		return _r(r, "Noemt een medewerker");
	if (!strcmp(k, "group"))
		return _r(r, "Bericht in een kring");
	if (!strcmp(k, "dm"))
		return _r(r, "Privébericht");
	if (!strcmp(k, "consult"))
		return _r(r, "Vraag in het spreekuur");
	if (!strcmp(k, "review"))
		return _r(r, "Beoordeling");
	return k;
}

static const char *priority_label(struct http_req *r, int p)
{
	switch (p) {
	case 0: return _r(r, "Gewoon");
	case 1: return _r(r, "Belangrijk");
	case 2: return _r(r, "Hoog");
	default: return _r(r, "Heel hoog");
	}
}

static int parse_status(const char *s)
{
	for (int i = 0; s && i < (int)(sizeof status_keys / sizeof status_keys[0]); i++)
		if (!strcmp(s, status_keys[i]))
			return i;
	return -3;
}

static uint64_t form_id(struct http_req *r, const char *name)
{
	uint64_t v = 0;
	const char *s = http_form(r, name);
	return s && parse_u64(s, &v) ? v : 0;
}

static int form_int(struct http_req *r, const char *name, int dflt)
{
	const char *s = http_form(r, name);
	uint64_t v;
	return s && parse_u64(s, &v) && v < 100000 ? (int)v : dflt;
}

/* The organisation in the address, if the viewer is its staff. */
static int load_org(struct http_req *r, struct account **org)
{
	return core_wc_org(CORE(r), r->a, WREQ(r)->viewer, http_param(r, "org"), org);
}

static const char *person_name(struct http_req *r, uint64_t id)
{
	struct account *acc;
	if (!id)
		return _r(r, "het systeem");
	if (core_account_get(CORE(r), r->a, id, &acc))
		return "?";
	return core_shown_name(acc);
}

static struct tval *org_model(struct http_req *r, const struct account *org)
{
	struct tval *o = tv_obj(r->a);
	tv_set_str(r->a, o, "name", org->username);
	tv_set_str(r->a, o, "display", core_shown_name(org));
	return o;
}

static struct tval *item_model(struct http_req *r, const struct wc_item *it, const struct wc_team *teams, size_t nt)
{
	struct tval *x = tv_obj(r->a);
	tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)it->id);
	tv_set_str(r->a, x, "kind", kind_label(r, it->kind));
	tv_set_str(r->a, x, "author", *it->author_name ? it->author_name : _r(r, "onbekend"));
	tv_set_str(r->a, x, "title", it->title);
	tv_set_str(r->a, x, "text", it->text);
	size_t n = strlen(it->text);
	if (n > 140) {
		size_t k = 140;
		while (k && ((unsigned char)it->text[k] & 0xC0) == 0x80)
			k--;
		tv_set_str(r->a, x, "excerpt", arena_printf(r->a, "%.*s…", (int)k, it->text));
	} else {
		tv_set_str(r->a, x, "excerpt", it->text);
	}
	tv_set_str(r->a, x, "url", it->url);
	tv_set_str(r->a, x, "when", fmt_time(r, it->created_at));
	tv_set_str(r->a, x, "status", status_label(r, it->status));
	tv_set_str(r->a, x, "status_key", status_keys[it->status]);
	if (it->status == WC_PENDING && it->snooze_until)
		tv_set_str(r->a, x, "until", fmt_time(r, it->snooze_until));
	tv_set_str(r->a, x, "topic", it->topic);
	tv_set_str(r->a, x, "priority", priority_label(r, it->priority));
	tv_set_int(r->a, x, "priority_n", it->priority);
	tv_set_bool(r->a, x, "urgent", it->urgent);
	tv_set_str(r->a, x, "sentiment", it->sentiment);
	for (size_t i = 0; i < nt; i++)
		if (teams[i].id == it->team_id)
			tv_set_str(r->a, x, "team", teams[i].name);
	if (it->assignee_id)
		tv_set_str(r->a, x, "assignee", person_name(r, it->assignee_id));
	return x;
}

/* <option>s with the chosen one marked. */
static struct tval *option(struct http_req *r, const char *value, const char *label, bool selected)
{
	struct tval *o = tv_obj(r->a);
	tv_set_str(r->a, o, "value", value);
	tv_set_str(r->a, o, "label", label);
	tv_set_bool(r->a, o, "selected", selected);
	return o;
}

int h_webcare_home(struct http_req *r)
{
	struct account **orgs;
	size_t n;
	int rc = core_wc_orgs(CORE(r), r->a, WREQ(r)->viewer, &orgs, &n);
	if (rc)
		return rc;
	if (n == 1) {
		http_redirect(r, arena_printf(r->a, "/webcare/%s", orgs[0]->username));
		return 0;
	}
	struct tval *m = page_model(r, _r(r, "Webcare"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, org_model(r, orgs[i]));
	tv_set(m, "orgs", l);
	return page_render(r, "webcare_home", m);
}

static const char *when_text(struct http_req *r, int64_t t);

int h_webcare_inbox(struct http_req *r)
{
	struct account *org;
	int rc = load_org(r, &org);
	if (rc)
		return rc;
	const char *st = http_query(r, "status");
	const char *topic = http_query(r, "topic");
	const char *team_s = http_query(r, "team");
	uint64_t team = 0;
	if (team_s && *team_s && !parse_u64(team_s, &team))
		return ERR_INVAL;
	struct wc_filter f = {.status = -1, .topic = topic && *topic ? topic : NULL, .team_id = team, .limit = 100};
	if (st && *st && strcmp(st, "open"))
		f.status = !strcmp(st, "all") ? -2 : parse_status(st);
	if (f.status == -3)
		return ERR_INVAL;
	struct wc_item *v;
	struct wc_team *teams;
	size_t n, nt;
	if ((rc = core_wc_items(CORE(r), r->a, WREQ(r)->viewer, org->id, &f, &v, &n)) ||
	    (rc = core_wc_teams(CORE(r), r->a, WREQ(r)->viewer, org->id, &teams, &nt)))
		return rc;
	struct tval *m = page_model(r, arena_printf(r->a, "%s: %s", _r(r, "Webcare"), org->display_name));
	tv_set(m, "org", org_model(r, org));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, item_model(r, &v[i], teams, nt));
	tv_set(m, "items", l);
	tv_set_int(r->a, m, "count", (int64_t)n);
	struct tval *so = tv_list(r->a);
	tv_push(so, option(r, "open", _r(r, "Alles wat nog open is"), f.status == -1));
	tv_push(so, option(r, "all", _r(r, "Alles"), f.status == -2));
	for (int i = WC_NEW; i <= WC_PENDING; i++)
		tv_push(so, option(r, status_keys[i], status_label(r, i), f.status == i));
	tv_set(m, "statuses", so);
	struct tval *to = tv_list(r->a);
	tv_push(to, option(r, "", _r(r, "Alle teams"), team == 0));
	for (size_t i = 0; i < nt; i++)
		tv_push(to, option(r, arena_printf(r->a, "%llu", (unsigned long long)teams[i].id), teams[i].name,
		                   teams[i].id == team));
	tv_set(m, "teams", to);
	tv_set_str(r->a, m, "topic", f.topic ? f.topic : "");
	struct tval *crisis = webcare_crisis_banner(r, org);
	if (crisis)
		tv_set(m, "crisis", crisis);
	struct wc_alert al;
	if (!core_wc_spike_current(CORE(r), WREQ(r)->viewer, org->id, &al)) {
		struct tval *sx = tv_obj(r->a);
		tv_set_int(r->a, sx, "count", al.count);
		tv_set_strf(r->a, sx, "usual", "%.1f", (double)al.median_milli / 1000.0);
		tv_set_str(r->a, sx, "when", when_text(r, al.window_end));
		tv_set(m, "spike", sx);
	}
	return page_render(r, "webcare_inbox", m);
}

static const char *event_label(struct http_req *r, const struct wc_event *e)
{
	if (!strcmp(e->action, "ingest"))
		return _r(r, "Binnengekomen");
	if (!strcmp(e->action, "assign")) {
		uint64_t p = 0;
		if (parse_u64(e->note, &p) && p)
			return arena_printf(r->a, "%s %s", _r(r, "Toegewezen aan"), person_name(r, p));
		return _r(r, "Terug in de wachtrij");
	}
	if (!strcmp(e->action, "status")) {
		int s = parse_status(e->note);
		if (!strncmp(e->note, "pending ", 8))
			s = WC_PENDING;
		return arena_printf(r->a, "%s: %s", _r(r, "Status"), s >= 0 ? status_label(r, s) : e->note);
	}
	if (!strcmp(e->action, "note"))
		return _r(r, "Notitie");
	if (!strcmp(e->action, "answer"))
		return !strncmp(e->note, "org", 3) ? _r(r, "Beantwoord namens de organisatie")
		                                    : _r(r, "Beantwoord als zichzelf");
	if (!strcmp(e->action, "followup"))
		return _r(r, "Herinnering: laat weten wat er gedaan is");
	if (!strcmp(e->action, "triage"))
		return _r(r, "Onderwerp of voorrang aangepast");
	if (!strcmp(e->action, "consult"))
		return !strcmp(e->note, "merged") ? _r(r, "Spreekuur: vraag samengevoegd met een andere")
		                                  : _r(r, "Spreekuur: vraag afgewezen");
	return e->action;
}

static int item_page(struct http_req *r, const char *error, const char *answer_text, bool warn_same)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = load_org(r, &org);
	if (rc)
		return rc;
	uint64_t id = 0;
	const char *ids = http_param(r, "id");
	if (!ids || !parse_u64(ids, &id))
		return ERR_NOTFOUND;
	struct wc_item *it;
	struct wc_event *ev;
	struct wc_team *teams;
	struct wc_template *tm;
	size_t nev, nt, ntm;
	if ((rc = core_wc_item(CORE(r), r->a, q->viewer, org->id, id, &it, &ev, &nev)) ||
	    (rc = core_wc_teams(CORE(r), r->a, q->viewer, org->id, &teams, &nt)) ||
	    (rc = core_wc_templates(CORE(r), r->a, q->viewer, org->id, &tm, &ntm)))
		return rc;
	struct tval *m = page_model(r, arena_printf(r->a, "%s: %s", _r(r, "Webcare"), it->author_name));
	tv_set(m, "org", org_model(r, org));
	tv_set(m, "item", item_model(r, it, teams, nt));
	struct tval *hl = tv_list(r->a);
	for (size_t i = 0; i < nev; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "who", person_name(r, ev[i].actor_id));
		tv_set_str(r->a, x, "what", event_label(r, &ev[i]));
		if (!strcmp(ev[i].action, "note"))
			tv_set_str(r->a, x, "note", ev[i].note);
		tv_set_str(r->a, x, "when", fmt_time(r, ev[i].created_at));
		tv_push(hl, x);
	}
	tv_set(m, "history", hl);
	struct tval *so = tv_list(r->a);
	for (int i = WC_ANSWERED; i <= WC_PENDING; i++)
		tv_push(so, option(r, status_keys[i], status_label(r, i), it->status == i));
	tv_set(m, "statuses", so);
	/* Who it can go to: the organisation's staff. */
	struct account **staff;
	size_t ns = 0;
	struct tval *po = tv_list(r->a);
	tv_push(po, option(r, "0", _r(r, "Niemand (terug in de wachtrij)"), it->assignee_id == 0));
	if (!core_org_staff(CORE(r), r->a, org->id, &staff, &ns))
		for (size_t i = 0; i < ns; i++)
			tv_push(po, option(r, arena_printf(r->a, "%llu", (unsigned long long)staff[i]->id),
			                   person_name(r, staff[i]->id), staff[i]->id == it->assignee_id));
	tv_set(m, "people", po);
	struct tval *to = tv_list(r->a);
	tv_push(to, option(r, "0", _r(r, "Geen team"), it->team_id == 0));
	for (size_t i = 0; i < nt; i++)
		tv_push(to, option(r, arena_printf(r->a, "%llu", (unsigned long long)teams[i].id), teams[i].name,
		                   teams[i].id == it->team_id));
	tv_set(m, "teams", to);
	struct tval *pr = tv_list(r->a);
	for (int i = 0; i <= 3; i++)
		tv_push(pr, option(r, arena_printf(r->a, "%d", i), priority_label(r, i), it->priority == i));
	tv_set(m, "priorities", pr);
	/* Templates: choosing one fills the answer with the fields known. */
	uint64_t tid = 0;
	const char *ts = http_query(r, "template");
	struct tval *tl = tv_list(r->a);
	tv_push(tl, option(r, "", _r(r, "Geen sjabloon"), false));
	for (size_t i = 0; i < ntm; i++)
		tv_push(tl, option(r, arena_printf(r->a, "%llu", (unsigned long long)tm[i].id), tm[i].name,
		                   ts && parse_u64(ts, &tid) && tid == tm[i].id));
	tv_set(m, "templates", tl);
	tv_set_bool(r->a, m, "has_templates", ntm > 0);
	char *filled = NULL;
	if (!answer_text && ts && parse_u64(ts, &tid) &&
	    core_wc_template_fill(CORE(r), r->a, q->viewer, org->id, id, tid, &filled) == 0)
		answer_text = filled;
	tv_set_str(r->a, m, "answer", answer_text ? answer_text : "");
	tv_set_bool(r->a, m, "inside", it->post_id != 0);
	/* a consultation-hour question or a review: answered on its own page */
	tv_set_bool(r->a, m, "answer_elsewhere", !strcmp(it->kind, "consult") || !strcmp(it->kind, "review"));
	tv_set_bool(r->a, m, "warn_same", warn_same);
	tv_set_bool(r->a, m, "as_self", http_form(r, "as") && !strcmp(http_form(r, "as"), "self"));
	tv_set_int(r->a, m, "max", CORE_WC_TEXT_MAX);
	if (error)
		tv_set_str(r->a, m, "error", error);
	return page_render(r, "webcare_item", m);
}

int h_webcare_item(struct http_req *r)
{
	return item_page(r, NULL, NULL, false);
}

static const char *item_url(struct http_req *r)
{
	return arena_printf(r->a, "/webcare/%s/items/%s", http_param(r, "org"), http_param(r, "id"));
}

/* A refused change: the item page again with why, status 400 (or code). */
static int again(struct http_req *r, int status, const char *why, const char *text, bool warn_same)
{
	int rc = item_page(r, why, text, warn_same);
	if (!rc)
		r->status = status;
	return rc;
}

int h_webcare_item_action(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = load_org(r, &org);
	if (rc)
		return rc;
	uint64_t id = 0;
	const char *ids = http_param(r, "id");
	const char *action = http_param(r, "action");
	if (!ids || !parse_u64(ids, &id) || !action)
		return ERR_NOTFOUND;
	if (!strcmp(action, "status")) {
		int s = parse_status(http_form(r, "status"));
		int64_t until = 0;
		const char *d = http_form(r, "until");
		if (s == WC_PENDING) {
			struct tm tm = {0};
			int y, mo, da;
			if (!d || sscanf(d, "%4d-%2d-%2d", &y, &mo, &da) != 3)
				return again(r, 400, _r(r, "Kies een datum waarop het weer terugkomt."), NULL, false);
			tm.tm_year = y - 1900;
			tm.tm_mon = mo - 1;
			tm.tm_mday = da;
			tm.tm_hour = 9;
			tm.tm_isdst = -1;
			until = (int64_t)mktime(&tm);
		}
		rc = s < 0 ? ERR_INVAL : core_wc_status(CORE(r), q->viewer, org->id, id, s, until);
		if (rc == ERR_INVAL)
			return again(r, 400, _r(r, "Deze status kan nu niet. Kies bij 'Wacht tot later' een datum in de toekomst."),
			             NULL, false);
	} else if (!strcmp(action, "note")) {
		rc = core_wc_note(CORE(r), q->viewer, org->id, id, http_form(r, "note"));
		if (rc == ERR_INVAL || rc == ERR_TOOBIG)
			return again(r, 400, _r(r, "Schrijf een notitie van hoogstens 5000 tekens."), NULL, false);
	} else if (!strcmp(action, "assign")) {
		rc = core_wc_assign(CORE(r), q->viewer, org->id, id, form_id(r, "person"));
		if (rc == ERR_INVAL)
			return again(r, 400, _r(r, "Dit kan alleen aan een medewerker van de organisatie."), NULL, false);
	} else if (!strcmp(action, "triage")) {
		rc = core_wc_triage(CORE(r), q->viewer, org->id, id, http_form(r, "topic"), form_int(r, "priority", -1),
		                    form_id(r, "team"));
		if (rc == ERR_INVAL)
			return again(r, 400, _r(r, "Kies een onderwerp van hoogstens 80 tekens en een voorrang."), NULL, false);
	} else if (!strcmp(action, "answer")) {
		const char *text = http_form(r, "text");
		const char *as = http_form(r, "as");
		struct guard_result g;
		memset(&g, 0, sizeof g);
		int why = 0;
		struct wc_answer ans = {
			.text = text,
			.as_org = !as || strcmp(as, "self"),
			.confirm = http_form(r, "confirm") != NULL,
			.confirm_same = http_form(r, "confirm_same") != NULL,
			.guard = &g,
			.why = &why,
		};
		uint64_t post;
		rc = core_wc_answer(CORE(r), r->a, q->viewer, org->id, id, &ans, &post);
		if (rc == ERR_GUARD || rc == ERR_BLOCKED) {
			struct tval *m = page_model(r, _r(r, "Controleer uw bericht"));
			guard_model(r, m, text, &g);
			tv_set_str(r->a, m, "action", arena_printf(r->a, "%s/answer", item_url(r)));
			tv_set_str(r->a, m, "text", text);
			tv_set_int(r->a, m, "max", CORE_WC_TEXT_MAX);
			static const char *const own[] = {"csrf", "text", "confirm"};
			tv_set(m, "hidden", hidden_fields(r, own, sizeof own / sizeof own[0], NULL));
			int prc = page_render(r, "guard", m);
			r->status = 422;
			return prc;
		}
		if (rc == ERR_INVAL && why == WC_ANSWER_ELSEWHERE)
			return again(r, 400,
			             _r(r, "Beantwoord een vraag uit het spreekuur of een beoordeling op haar eigen pagina "
			                   "(de link bij het bericht)."),
			             text, false);
		if (rc == ERR_INVAL && why == WC_ANSWER_FIELDS)
			return again(r, 400, _r(r, "Vul eerst alle velden in, zoals {naam}. Zo wordt het een persoonlijk antwoord."),
			             text, false);
		if (rc == ERR_CONFLICT && why == WC_ANSWER_SAME)
			return again(r, 409,
			             _r(r, "Precies deze tekst ging al naar iemand anders. Maak het antwoord persoonlijk, "
			                   "of kies 'Toch versturen'."),
			             text, true);
		if (rc == ERR_INVAL || rc == ERR_TOOBIG || rc == ERR_FORBIDDEN || rc == ERR_GUIDELINES ||
		    (rc == ERR_NOTFOUND && why == WC_ANSWER_POST))
			return again(r, 400,
			             _r(r, "Dit antwoord kon niet geplaatst worden. Schrijf een tekst, of antwoord namens de "
			                   "organisatie als u geen lid bent van deze kring."),
			             text, false);
		if (rc)
			return rc;
		redirect_msg(r, item_url(r), "posted");
		return 0;
	} else {
		return ERR_NOTFOUND;
	}
	if (rc)
		return rc;
	redirect_msg(r, item_url(r), "saved");
	return 0;
}

/* ---- settings ---- */

static const char *const day_names[] = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};

/* "2 uur", "30 minuten", "1 dag": an interval for people. */
static const char *interval_text(struct http_req *r, int64_t secs)
{
	if (secs >= 86400 && secs % 86400 == 0)
		return arena_printf(r->a, "%lld %s", (long long)(secs / 86400), secs == 86400 ? _r(r, "dag") : _r(r, "dagen"));
	if (secs >= 3600 && secs % 3600 == 0)
		return arena_printf(r->a, "%lld %s", (long long)(secs / 3600), _r(r, "uur"));
	if (secs >= 60)
		return arena_printf(r->a, "%lld %s", (long long)(secs / 60), secs < 120 ? _r(r, "minuut") : _r(r, "minuten"));
	return arena_printf(r->a, "%lld %s", (long long)secs, _r(r, "seconden"));
}

static const char *when_text(struct http_req *r, int64_t t)
{
	if (!t)
		return _r(r, "nog niet");
	struct tm tm;
	time_t tt = (time_t)t;
	char b[32];
	if (!gmtime_r(&tt, &tm) || !strftime(b, sizeof b, "%Y-%m-%d %H:%M UTC", &tm))
		return "";
	return arena_strdup(r->a, b);
}

/* One outside source for the settings page: what it is, how it goes. */
static struct tval *source_model(struct http_req *r, const struct wsrc *w)
{
	struct tval *x = tv_obj(r->a);
	tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)w->id);
	tv_set_str(r->a, x, "url", w->url);
	if (w->tag && *w->tag)
		tv_set_str(r->a, x, "tag", w->tag);
	tv_set_str(r->a, x, "kind", w->tag && *w->tag ? _r(r, "hashtag op een andere server") : _r(r, "feed"));
	tv_set_str(r->a, x, "interval", interval_text(r, w->interval));
	tv_set_bool(r->a, x, "fixed", w->every > 0);
	tv_set_str(r->a, x, "last_poll", when_text(r, w->last_poll_at));
	tv_set_str(r->a, x, "next", when_text(r, w->next_at));
	tv_set_int(r->a, x, "items", w->items);
	if (w->last_error && *w->last_error)
		tv_set_str(r->a, x, "error", w->last_error);
	tv_set_str(r->a, x, "state",
	           w->last_error && *w->last_error ? _r(r, "fout")
	           : !w->last_poll_at             ? _r(r, "wacht op de eerste keer")
	                                           : _r(r, "in orde"));
	return x;
}

static int settings_page(struct http_req *r, const char *error)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = load_org(r, &org);
	if (rc)
		return rc;
	struct wc_team *teams;
	struct wc_rule *rules;
	struct wc_template *tm;
	size_t nt, nr, ntm;
	if ((rc = core_wc_teams(CORE(r), r->a, q->viewer, org->id, &teams, &nt)) ||
	    (rc = core_wc_rules(CORE(r), r->a, q->viewer, org->id, &rules, &nr)) ||
	    (rc = core_wc_templates(CORE(r), r->a, q->viewer, org->id, &tm, &ntm)))
		return rc;
	struct tval *m = page_model(r, arena_printf(r->a, "%s: %s", _r(r, "Webcare instellen"), org->display_name));
	tv_set(m, "org", org_model(r, org));
	struct account **staff;
	size_t ns = 0;
	if ((rc = core_org_staff(CORE(r), r->a, org->id, &staff, &ns)))
		return rc;
	struct tval *tl = tv_list(r->a);
	for (size_t i = 0; i < nt; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)teams[i].id);
		tv_set_str(r->a, x, "name", teams[i].name);
		tv_set_str(r->a, x, "topics", teams[i].topics);
		tv_set_bool(r->a, x, "rr", teams[i].mode == WC_ROUND_ROBIN);
		tv_set_int(r->a, x, "followup_days", teams[i].followup_days);
		struct wc_member *mv;
		size_t nm = 0;
		struct tval *ml = tv_list(r->a);
		if (!core_wc_members(CORE(r), r->a, q->viewer, org->id, teams[i].id, &mv, &nm))
			for (size_t k = 0; k < nm; k++) {
				struct tval *y = tv_obj(r->a);
				tv_set_strf(r->a, y, "id", "%llu", (unsigned long long)mv[k].account_id);
				tv_set_str(r->a, y, "name", person_name(r, mv[k].account_id));
				tv_set_bool(r->a, y, "available", mv[k].available);
				tv_set_int(r->a, y, "cap", mv[k].cap);
				tv_set_int(r->a, y, "load", mv[k].load);
				tv_set_strf(r->a, y, "team", "%llu", (unsigned long long)teams[i].id);
				tv_push(ml, y);
			}
		tv_set(x, "members", ml);
		struct tval *sl = tv_list(r->a);
		for (size_t k = 0; k < ns; k++)
			tv_push(sl, option(r, arena_printf(r->a, "%llu", (unsigned long long)staff[k]->id),
			                   person_name(r, staff[k]->id), false));
		tv_set(x, "staff", sl);
		/* Opening hours as lines: "maandag 09:00-12:30". */
		struct wc_period *p;
		const char **days;
		size_t np = 0, nd = 0;
		struct buf hb = BUF_INIT(8192), db = BUF_INIT(8192);
		if (!core_wc_hours(CORE(r), r->a, q->viewer, org->id, teams[i].id, &p, &np, &days, &nd)) {
			for (size_t k = 0; k < np; k++) {
				char line[64];
				snprintf(line, sizeof line, "%s %02d:%02d-%02d:%02d\n", day_names[p[k].weekday], p[k].start_min / 60,
				         p[k].start_min % 60, p[k].end_min / 60, p[k].end_min % 60);
				buf_nofail(buf_adds(&hb, line));
			}
			for (size_t k = 0; k < nd; k++) {
				buf_nofail(buf_adds(&db, days[k]));
				buf_nofail(buf_addc(&db, '\n'));
			}
		}
		tv_set_str(r->a, x, "hours", arena_strndup(r->a, hb.ptr ? hb.ptr : "", hb.len));
		tv_set_str(r->a, x, "holidays", arena_strndup(r->a, db.ptr ? db.ptr : "", db.len));
		buf_release(&hb);
		buf_release(&db);
		tv_push(tl, x);
	}
	tv_set(m, "teams", tl);
	struct tval *rl = tv_list(r->a);
	for (size_t i = 0; i < nr; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)rules[i].id);
		tv_set_str(r->a, x, "name", rules[i].name);
		tv_set_str(r->a, x, "expr", rules[i].expr);
		tv_set_str(r->a, x, "topic", rules[i].topic);
		tv_set_str(r->a, x, "priority", priority_label(r, rules[i].priority));
		for (size_t k = 0; k < nt; k++)
			if (teams[k].id == rules[i].team_id)
				tv_set_str(r->a, x, "team", teams[k].name);
		tv_push(rl, x);
	}
	tv_set(m, "rules", rl);
	struct tval *to = tv_list(r->a);
	tv_push(to, option(r, "0", _r(r, "Team volgens onderwerp"), true));
	for (size_t i = 0; i < nt; i++)
		tv_push(to, option(r, arena_printf(r->a, "%llu", (unsigned long long)teams[i].id), teams[i].name, false));
	tv_set(m, "team_options", to);
	struct tval *pr = tv_list(r->a);
	for (int i = 0; i <= 3; i++)
		tv_push(pr, option(r, arena_printf(r->a, "%d", i), priority_label(r, i), i == 0));
	tv_set(m, "priorities", pr);
	struct tval *ml = tv_list(r->a);
	for (size_t i = 0; i < ntm; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)tm[i].id);
		tv_set_str(r->a, x, "name", tm[i].name);
		tv_set_str(r->a, x, "body", tm[i].body);
		tv_push(ml, x);
	}
	tv_set(m, "templates", ml);
	struct wsrc *src;
	size_t nsrc = 0;
	if ((rc = core_wsrc_list(CORE(r), r->a, q->viewer, org->id, &src, &nsrc)))
		return rc;
	struct tval *srl = tv_list(r->a);
	for (size_t i = 0; i < nsrc; i++)
		tv_push(srl, source_model(r, &src[i]));
	tv_set(m, "sources", srl);
	if (error)
		tv_set_str(r->a, m, "error", error);
	return page_render(r, "webcare_settings", m);
}

int h_webcare_settings(struct http_req *r)
{
	return settings_page(r, NULL);
}

/* "maandag 09:00-12:30" lines into periods; false on a line it cannot read. */
static bool parse_hours(const char *s, struct wc_period *p, size_t max, size_t *n)
{
	*n = 0;
	while (s && *s) {
		size_t len = strcspn(s, "\n");
		char line[80];
		if (len >= sizeof line)
			return false;
		memcpy(line, s, len);
		line[len] = '\0';
		s += len + (s[len] == '\n');
		char *t = str_trim(line);
		if (!*t)
			continue;
		char day[16];
		int h1, m1, h2, m2;
		if (*n >= max || sscanf(t, "%15s %d:%d-%d:%d", day, &h1, &m1, &h2, &m2) != 5)
			return false;
		int wd = -1;
		for (int k = 0; k < 7; k++)
			if (!strcasecmp(day, day_names[k]))
				wd = k;
		if (wd < 0 || h1 < 0 || h1 > 24 || h2 < 0 || h2 > 24 || m1 < 0 || m1 > 59 || m2 < 0 || m2 > 59)
			return false;
		p[*n] = (struct wc_period){.weekday = wd, .start_min = h1 * 60 + m1, .end_min = h2 * 60 + m2};
		(*n)++;
	}
	return true;
}

int h_webcare_settings_action(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = load_org(r, &org);
	if (rc)
		return rc;
	const char *action = http_param(r, "action");
	const char *bad = NULL;
	if (!action)
		return ERR_NOTFOUND;
	if (!strcmp(action, "team")) {
		const char *mode = http_form(r, "mode");
		struct wc_team t = {
			.id = form_id(r, "team"),
			.name = http_form(r, "name"),
			.topics = http_form(r, "topics"),
			.mode = mode && !strcmp(mode, "rr") ? WC_ROUND_ROBIN : WC_LEAST_LOADED,
			.followup_days = form_int(r, "followup_days", CORE_WC_FOLLOWUP_DEFAULT),
		};
		rc = core_wc_team_save(CORE(r), q->viewer, org->id, &t);
		if (rc == ERR_INVAL || rc == ERR_CONFLICT)
			bad = _r(r, "Geef het team een naam (hoogstens 80 tekens) die nog niet bestaat.");
	} else if (!strcmp(action, "team-delete")) {
		rc = core_wc_team_delete(CORE(r), q->viewer, org->id, form_id(r, "team"));
	} else if (!strcmp(action, "member")) {
		rc = core_wc_member_set(CORE(r), q->viewer, org->id, form_id(r, "team"), form_id(r, "person"),
		                        http_form(r, "available") != NULL, form_int(r, "cap", -1));
		if (rc == ERR_INVAL)
			bad = _r(r, "Kies een medewerker en een maximum tussen 0 en 100.");
	} else if (!strcmp(action, "member-remove")) {
		rc = core_wc_member_remove(CORE(r), q->viewer, org->id, form_id(r, "team"), form_id(r, "person"));
	} else if (!strcmp(action, "hours")) {
		struct wc_period p[CORE_WC_PERIODS_MAX];
		size_t np = 0, nd = 0;
		const char *days[64];
		char *hol = arena_strdup(r->a, http_form(r, "holidays") ? http_form(r, "holidays") : "");
		bool ok = parse_hours(http_form(r, "hours"), p, CORE_WC_PERIODS_MAX, &np);
		for (char *s = hol; ok && *s;) {
			size_t len = strcspn(s, "\n");
			char *e = s + len;
			bool last = !*e;
			*e = '\0';
			char *d = str_trim(s);
			if (*d) {
				if (nd >= 64)
					ok = false;
				else
					days[nd++] = d;
			}
			s = last ? e : e + 1;
		}
		rc = ok ? core_wc_hours_set(CORE(r), q->viewer, org->id, form_id(r, "team"), p, np, days, nd) : ERR_INVAL;
		if (rc == ERR_INVAL || rc == ERR_TOOBIG)
			bad = _r(r, "Schrijf de openingstijden als 'maandag 09:00-12:30', één periode per regel, en "
			            "feestdagen als 2026-12-25.");
	} else if (!strcmp(action, "rule")) {
		struct wc_rule ru = {
			.name = http_form(r, "name"),
			.expr = http_form(r, "expr"),
			.topic = http_form(r, "topic"),
			.priority = form_int(r, "priority", 0),
			.team_id = form_id(r, "team"),
		};
		rc = core_wc_rule_add(CORE(r), q->viewer, org->id, &ru);
		if (rc == ERR_INVAL || rc == ERR_TOOBIG)
			bad = _r(r, "Deze regel klopt niet. Gebruik woorden, \"zinnen\", #tags en EN, OF, NIET met haakjes.");
	} else if (!strcmp(action, "rule-delete")) {
		rc = core_wc_rule_delete(CORE(r), q->viewer, org->id, form_id(r, "rule"));
	} else if (!strcmp(action, "template")) {
		rc = core_wc_template_add(CORE(r), q->viewer, org->id, http_form(r, "name"), http_form(r, "body"));
		if (rc == ERR_INVAL || rc == ERR_TOOBIG)
			bad = _r(r, "Geef het sjabloon een naam en een tekst.");
	} else if (!strcmp(action, "template-delete")) {
		rc = core_wc_template_delete(CORE(r), q->viewer, org->id, form_id(r, "template"));
	} else if (!strcmp(action, "source")) {
		const char *every_s = http_form(r, "every");
		int64_t every = every_s && *str_trim(arena_strdup(r->a, every_s)) ? core_duration_parse(every_s) : 0;
		const char *tag = http_form(r, "tag");
		uint64_t sid;
		rc = every < 0 ? ERR_INVAL
		               : core_wsrc_add(CORE(r), q->viewer, org->id, http_form(r, "url"), tag, every, &sid);
		if (rc == ERR_INVAL)
			bad = _r(r, "Deze bron klopt niet. Geef een adres dat begint met http:// of https://, een hashtag zonder "
			            "spaties en een interval als 10m, 2h of 1d (tussen 5 minuten en 1 dag).");
		else if (rc == ERR_EXISTS)
			bad = _r(r, "Deze bron staat er al.");
		else if (rc == ERR_TOOBIG)
			bad = _r(r, "Een organisatie heeft hoogstens 50 bronnen.");
	} else if (!strcmp(action, "source-remove")) {
		/* The source must be this organisation's (core checks the viewer may manage it). */
		struct wsrc *src;
		size_t nsrc = 0;
		uint64_t sid = form_id(r, "source");
		bool ours = false;
		if ((rc = core_wsrc_list(CORE(r), r->a, q->viewer, org->id, &src, &nsrc)))
			return rc;
		for (size_t i = 0; i < nsrc; i++)
			ours = ours || src[i].id == sid;
		rc = ours ? core_wsrc_remove(CORE(r), q->viewer, sid) : ERR_NOTFOUND;
	} else {
		return ERR_NOTFOUND;
	}
	if (bad) {
		int prc = settings_page(r, bad);
		r->status = 400;
		return prc;
	}
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/webcare/%s/settings", org->username), "saved");
	return 0;
}
