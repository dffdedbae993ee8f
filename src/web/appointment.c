/* Appointment pages: a provider's booking page with the free slots per
 * day, "mijn afspraken" with moving and cancelling, the provider's
 * availability settings, and the personal calendar feed (webcal://).  Each
 * slot is a form with one large button: no JavaScript needed.  The rules
 * are core's (core/appointment.c). */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/appointment.h"
#include "core/thuis.h"
#include "web/ical.h"
#include "web/web_int.h"

#define BOOK_DAYS 7 /* a page shows one week */

static bool english(struct http_req *r)
{
	return WREQ(r)->lang && !strcmp(WREQ(r)->lang, "en");
}

static const char *day_title(struct http_req *r, int32_t day)
{
	static const char *const nl_d[7] = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
	static const char *const en_d[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
	static const char *const nl_m[12] = {"januari", "februari", "maart", "april", "mei", "juni",
	                                     "juli", "augustus", "september", "oktober", "november", "december"};
	static const char *const en_m[12] = {"January", "February", "March", "April", "May", "June",
	                                     "July", "August", "September", "October", "November", "December"};
	int y, m, d;
	civil_from(day, &y, &m, &d);
	int wd = (int)(((int64_t)day % 7 + 7 + 3) % 7);
	return english(r) ? arena_printf(r->a, "%s %d %s", en_d[wd], d, en_m[m - 1])
	                  : arena_printf(r->a, "%s %d %s", nl_d[wd], d, nl_m[m - 1]);
}

static const char *clock(struct http_req *r, int64_t t)
{
	int32_t day;
	int minute;
	ams_local(t, &day, &minute);
	return arena_printf(r->a, "%02d:%02d", minute / 60, minute % 60);
}

static const char *when(struct http_req *r, int64_t t)
{
	int32_t day;
	int minute;
	ams_local(t, &day, &minute);
	return arena_printf(r->a, "%s, %02d:%02d", day_title(r, day), minute / 60, minute % 60);
}

const char *appt_notif_text(struct http_req *r, const char *note)
{
	uint64_t id;
	int what;
	int64_t starts;
	if (!core_appt_notif_of(note, &id, &what, &starts))
		return NULL;
	const char *w = what == APPT_NOTIF_DAY_BEFORE ? _r(r, "Morgen heeft u een afspraak:")
	                : what == APPT_NOTIF_CANCELLED ? _r(r, "Afgezegd:")
	                : what == APPT_NOTIF_MOVED     ? _r(r, "Uw afspraak is verzet naar:")
	                                               : _r(r, "Uw afspraak staat vast:");
	return arena_printf(r->a, "%s %s", w, when(r, starts));
}

static const char *kind_label(struct http_req *r, const char *key)
{
	if (!strcmp(key, "eerste_gesprek"))
		return _r(r, "Eerste gesprek");
	if (!strcmp(key, "controle"))
		return _r(r, "Controle");
	if (!strcmp(key, "videogesprek"))
		return _r(r, "Videogesprek");
	if (!strcmp(key, "telefonisch"))
		return _r(r, "Telefonisch gesprek");
	return _r(r, "Afspraak");
}

static uint64_t form_u64(struct http_req *r, const char *name)
{
	uint64_t v = 0;
	const char *s = http_form(r, name);
	return s && parse_u64(s, &v) ? v : 0;
}

/* ---- the booking page ---- */

static int book_page(struct http_req *r, const char *error, int status)
{
	struct wreq *q = WREQ(r);
	struct account *p;
	const char *name = http_param(r, "name");
	int rc = name ? core_account_by_name(CORE(r), r->a, name, &p) : ERR_NOTFOUND;
	struct availability av;
	if (!rc && !core_appt_is_provider(p))
		rc = ERR_NOTFOUND;
	if (!rc)
		rc = core_avail_get(CORE(r), r->a, p->id, &av, NULL);
	if (rc)
		return rc;
	const char *kind = http_query(r, "soort");
	if (!kind || !avail_kind_key(kind) || !avail_kind_minutes(&av, kind))
		kind = av.nkinds ? av.kinds[0].key : "";
	uint64_t week = 0;
	const char *w = http_query(r, "week");
	if (w && (!parse_u64(w, &week) || week > 52))
		week = 0;
	/* staff book for a client: ?voor=username */
	uint64_t client = 0;
	const char *voor = http_query(r, "voor");
	bool manage = q->viewer && core_appt_may_manage(CORE(r), q->viewer, p->id) == 0;
	struct tval *m = page_model(r, arena_printf(r->a, "%s %s", _r(r, "Afspraak maken bij"),
	                                            p->display_name[0] ? p->display_name : p->username));
	tv_set_str(r->a, m, "provider", p->display_name[0] ? p->display_name : p->username);
	tv_set_str(r->a, m, "username", p->username);
	tv_set_bool(r->a, m, "manage", manage);
	if (manage && voor && *voor) {
		struct account *cl;
		if (core_account_by_name(CORE(r), r->a, voor, &cl) == 0 && cl->kind == ACCOUNT_PERSON) {
			client = cl->id;
			tv_set_str(r->a, m, "voor", cl->username);
		} else
			error = _r(r, "Die cliënt is niet gevonden. Controleer de gebruikersnaam.");
	} else if (voor && *voor) {
		/* an informal carer the client allowed to act (core/thuis.c) */
		struct account *cl;
		if (core_account_by_name(CORE(r), r->a, voor, &cl) == 0 && core_carer_may_act(CORE(r), q->viewer, cl->id) == 0 &&
		    cl->id != q->viewer) {
			client = cl->id;
			tv_set_str(r->a, m, "voor", cl->username);
			tv_set_str(r->a, m, "carer_for", cl->display_name[0] ? cl->display_name : cl->username);
		} else
			error = _r(r, "Die cliënt is niet gevonden. Controleer de gebruikersnaam.");
	}
	struct tval *kinds = tv_list(r->a);
	for (int i = 0; i < av.nkinds; i++) {
		struct tval *k = tv_obj(r->a);
		tv_set_str(r->a, k, "key", av.kinds[i].key);
		tv_set_str(r->a, k, "label", kind_label(r, av.kinds[i].key));
		tv_set_int(r->a, k, "minutes", av.kinds[i].minutes);
		tv_set_bool(r->a, k, "current", !strcmp(av.kinds[i].key, kind));
		tv_push(kinds, k);
	}
	tv_set(m, "kinds", kinds);
	tv_set_bool(r->a, m, "has_kinds", av.nkinds > 0);
	tv_set_str(r->a, m, "kind", kind);
	if (error)
		tv_set_str(r->a, m, "error", error);
	/* the week: from today (local) + 7 * week days */
	int32_t today;
	int minute;
	ams_local(time_now(), &today, &minute);
	int32_t first = today + (int32_t)week * BOOK_DAYS;
	int64_t from = ams_to_utc(first, 0), to = ams_to_utc(first + BOOK_DAYS, 0);
	int64_t *v;
	size_t n;
	int len;
	if ((rc = core_slots(CORE(r), r->a, p->id, kind, from, to, &v, &n, &len)))
		return rc;
	tv_set_int(r->a, m, "minutes", len);
	struct tval *days = tv_list(r->a);
	size_t i = 0;
	for (int32_t d = first; d < first + BOOK_DAYS; d++) {
		struct tval *day = tv_obj(r->a);
		tv_set_str(r->a, day, "title", day_title(r, d));
		tv_set_strf(r->a, day, "id", "dag-%d", (int)(d - first));
		struct tval *sl = tv_list(r->a);
		int32_t sd;
		int sm;
		while (i < n && (ams_local(v[i], &sd, &sm), sd == d)) {
			struct tval *s = tv_obj(r->a);
			tv_set_str(r->a, s, "time", clock(r, v[i]));
			tv_set_strf(r->a, s, "start", "%lld", (long long)v[i]);
			tv_set_str(r->a, s, "label", arena_printf(r->a, "%s %s", day_title(r, d), clock(r, v[i])));
			tv_push(sl, s);
			i++;
		}
		tv_set(day, "slots", sl);
		tv_set_bool(r->a, day, "free", tv_len(sl) > 0);
		tv_push(days, day);
	}
	tv_set(m, "days", days);
	if (client)
		tv_set_strf(r->a, m, "client_id", "%llu", (unsigned long long)client);
	if (week > 0)
		tv_set_strf(r->a, m, "prev", "/afspraken/%s?soort=%s&week=%llu%s%s", p->username, kind,
		            (unsigned long long)(week - 1), client ? "&voor=" : "", client ? voor : "");
	int64_t ahead_end = time_now() + (int64_t)av.ahead_days * 86400;
	if (to < ahead_end && week < 52)
		tv_set_strf(r->a, m, "next", "/afspraken/%s?soort=%s&week=%llu%s%s", p->username, kind,
		            (unsigned long long)(week + 1), client ? "&voor=" : "", client ? voor : "");
	int prc = page_render(r, "appointments_book", m);
	if (status)
		r->status = status;
	return prc;
}

int h_appt_book_page(struct http_req *r)
{
	return book_page(r, NULL, 0);
}

/* Where an informal carer goes back to after acting for the client: the
 * client's page on the carer's home; NULL when the viewer is no such carer. */
static const char *carer_back(struct http_req *r, const struct appointment *ap)
{
	struct account *cl;
	if (ap->client_id == WREQ(r)->viewer || core_carer_may_act(CORE(r), WREQ(r)->viewer, ap->client_id) ||
	    core_account_get(CORE(r), r->a, ap->client_id, &cl))
		return NULL;
	return arena_printf(r->a, "/thuis/voor/%s", cl->username);
}

int h_appt_book(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *p;
	const char *name = http_param(r, "name");
	int rc = name ? core_account_by_name(CORE(r), r->a, name, &p) : ERR_NOTFOUND;
	if (rc)
		return rc;
	struct appointment ap;
	rc = core_appt_book(CORE(r), r->a, q->viewer, p->id, form_u64(r, "client"), http_form(r, "soort"),
	                    (int64_t)form_u64(r, "start"), &ap);
	if (rc == ERR_CONFLICT)
		return book_page(r, _r(r, "Dit tijdstip is net door iemand anders gekozen. Kies een ander tijdstip."), 409);
	if (rc == ERR_INVAL)
		return book_page(r, _r(r, "Op dit tijdstip kunt u geen afspraak maken. Kies een tijdstip uit de lijst."), 422);
	if (rc == ERR_RATE)
		return book_page(r, _r(r, "U hebt al veel afspraken bij deze zorgverlener staan. Zeg er eerst een af."), 429);
	if (rc)
		return rc;
	if (ap.client_id != q->viewer) {
		const char *back = carer_back(r, &ap);
		redirect_msg(r, back ? back : arena_printf(r->a, "/afspraken/%s", p->username), "saved");
		return 0;
	}
	redirect_msg(r, "/mijn-afspraken", "saved");
	return 0;
}

/* ---- mijn afspraken ---- */

static struct tval *appt_model(struct http_req *r, const struct appointment *ap, int64_t now)
{
	struct tval *x = tv_obj(r->a);
	struct account *p;
	const char *pname = "?";
	if (core_account_get(CORE(r), r->a, ap->provider_id, &p) == 0)
		pname = p->display_name[0] ? p->display_name : p->username;
	tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)ap->id);
	tv_set_str(r->a, x, "provider", pname);
	tv_set_str(r->a, x, "kind", kind_label(r, ap->kind));
	tv_set_str(r->a, x, "when", when(r, ap->starts_at));
	tv_set_str(r->a, x, "until", clock(r, ap->ends_at));
	tv_set_bool(r->a, x, "cancelled", ap->state == APPT_CANCELLED);
	tv_set_bool(r->a, x, "changeable", ap->state == APPT_BOOKED && ap->starts_at > now);
	return x;
}

struct tval *appt_item_model(struct http_req *r, const struct appointment *ap)
{
	return appt_model(r, ap, time_now());
}

static int mine_page(struct http_req *r, const char *feed_url)
{
	struct wreq *q = WREQ(r);
	struct appointment *v;
	size_t n;
	int rc = core_appt_mine(CORE(r), r->a, q->viewer, &v, &n);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Mijn afspraken"));
	struct tval *l = tv_list(r->a);
	int64_t now = time_now();
	for (size_t i = 0; i < n; i++)
		tv_push(l, appt_model(r, &v[i], now));
	tv_set(m, "appointments", l);
	struct appt_notice *nv;
	size_t nn;
	if ((rc = core_appt_notices(CORE(r), r->a, q->viewer, &nv, &nn)))
		return rc;
	struct tval *nl = tv_list(r->a);
	for (size_t i = 0; i < nn && i < 10; i++) {
		struct tval *x = tv_obj(r->a);
		const char *what = nv[i].kind == APPT_NOTICE_DAY_BEFORE ? _r(r, "Morgen heeft u een afspraak:")
		                   : nv[i].kind == APPT_NOTICE_CANCELLED ? _r(r, "Afgezegd:")
		                                                         : _r(r, "Uw afspraak staat vast:");
		tv_set_str(r->a, x, "text", arena_printf(r->a, "%s %s", what, when(r, nv[i].starts_at)));
		tv_push(nl, x);
	}
	tv_set(m, "notices", nl);
	tv_set_bool(r->a, m, "has_notices", nn > 0);
	bool has = false;
	if ((rc = core_calfeed_has(CORE(r), q->viewer, &has)))
		return rc;
	tv_set_bool(r->a, m, "has_feed", has);
	if (feed_url) {
		tv_set_str(r->a, m, "feed_url", feed_url);
		tv_set_str(r->a, m, "webcal_url",
		           !strncmp(feed_url, "https://", 8)  ? arena_printf(r->a, "webcal://%s", feed_url + 8)
		           : !strncmp(feed_url, "http://", 7) ? arena_printf(r->a, "webcal://%s", feed_url + 7)
		                                              : feed_url);
	}
	return page_render(r, "appointments_mine", m);
}

int h_appt_mine(struct http_req *r)
{
	return mine_page(r, NULL);
}

static uint64_t appt_id(struct http_req *r)
{
	uint64_t id = 0;
	const char *s = http_param(r, "id");
	return s && parse_u64(s, &id) ? id : 0;
}

int h_appt_cancel(struct http_req *r)
{
	struct appointment ap;
	int rc = core_appt_cancel(CORE(r), r->a, WREQ(r)->viewer, appt_id(r), &ap);
	if (rc && rc != ERR_CONFLICT)
		return rc;
	const char *back = rc ? NULL : carer_back(r, &ap);
	redirect_msg(r, back ? back : "/mijn-afspraken", "saved");
	return 0;
}

static int move_page(struct http_req *r, const char *error, int status)
{
	struct wreq *q = WREQ(r);
	struct appointment ap;
	int rc = core_appt_get(CORE(r), r->a, q->viewer, appt_id(r), &ap);
	if (rc)
		return rc;
	if (ap.state != APPT_BOOKED)
		return ERR_NOTFOUND;
	struct tval *m = page_model(r, _r(r, "Afspraak verzetten"));
	tv_set(m, "appointment", appt_model(r, &ap, time_now()));
	if (error)
		tv_set_str(r->a, m, "error", error);
	int32_t today;
	int minute;
	ams_local(time_now(), &today, &minute);
	int64_t *v;
	size_t n;
	int len;
	if ((rc = core_slots(CORE(r), r->a, ap.provider_id, ap.kind, ams_to_utc(today, 0),
	                     ams_to_utc(today + 2 * BOOK_DAYS, 0), &v, &n, &len)))
		return rc == ERR_INVAL ? ERR_NOTFOUND : rc;
	struct tval *days = tv_list(r->a);
	struct tval *day = NULL, *sl = NULL;
	int32_t cur = -1;
	for (size_t i = 0; i < n; i++) {
		int32_t d;
		int mm;
		ams_local(v[i], &d, &mm);
		if (d != cur) {
			day = tv_obj(r->a);
			sl = tv_list(r->a);
			tv_set_str(r->a, day, "title", day_title(r, d));
			tv_set_strf(r->a, day, "id", "dag-%d", (int)(d - today));
			tv_set(day, "slots", sl);
			tv_push(days, day);
			cur = d;
		}
		struct tval *s = tv_obj(r->a);
		tv_set_str(r->a, s, "time", clock(r, v[i]));
		tv_set_strf(r->a, s, "start", "%lld", (long long)v[i]);
		tv_set_str(r->a, s, "label", arena_printf(r->a, "%s %s", day_title(r, d), clock(r, v[i])));
		tv_push(sl, s);
	}
	tv_set(m, "days", days);
	tv_set_strf(r->a, m, "appt_id", "%llu", (unsigned long long)ap.id);
	int prc = page_render(r, "appointments_move", m);
	if (status)
		r->status = status;
	return prc;
}

int h_appt_move_page(struct http_req *r)
{
	return move_page(r, NULL, 0);
}

int h_appt_move(struct http_req *r)
{
	struct appointment ap;
	int rc = core_appt_move(CORE(r), r->a, WREQ(r)->viewer, appt_id(r), (int64_t)form_u64(r, "start"), &ap);
	if (rc == ERR_CONFLICT)
		return move_page(r, _r(r, "Dit tijdstip is net door iemand anders gekozen. Kies een ander tijdstip."), 409);
	if (rc == ERR_INVAL)
		return move_page(r, _r(r, "Op dit tijdstip kunt u geen afspraak maken. Kies een tijdstip uit de lijst."), 422);
	if (rc)
		return rc;
	const char *back = carer_back(r, &ap);
	redirect_msg(r, back ? back : "/mijn-afspraken", "saved");
	return 0;
}

int h_calfeed_new(struct http_req *r)
{
	const char *secret;
	int rc = core_calfeed_new(CORE(r), r->a, WREQ(r)->viewer, &secret);
	if (rc)
		return rc;
	/* shown once, now: the database keeps only its hash */
	return mine_page(r, arena_printf(r->a, "%s/agenda/%s.ics", WREQ(r)->w->base_url, secret));
}

int h_calfeed_revoke(struct http_req *r)
{
	int rc = core_calfeed_revoke(CORE(r), WREQ(r)->viewer);
	if (rc)
		return rc;
	redirect_msg(r, "/mijn-afspraken", "saved");
	return 0;
}

/* ---- availability settings ---- */

static const char *const day_keys[7] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
static const char *const day_names[7] = {N_("Maandag"), N_("Dinsdag"), N_("Woensdag"), N_("Donderdag"),
                                         N_("Vrijdag"), N_("Zaterdag"), N_("Zondag")};
static const char *const kind_keys[4] = {"eerste_gesprek", "controle", "videogesprek", "telefonisch"};

/* The provider the page is for: ?voor=org (staff), else the viewer. */
static int avail_provider(struct http_req *r, struct account **p)
{
	struct wreq *q = WREQ(r);
	const char *voor = r->method == HTTP_POST ? http_form(r, "voor") : http_query(r, "voor");
	int rc = voor && *voor ? core_account_by_name(CORE(r), r->a, voor, p) : core_account_get(CORE(r), r->a, q->viewer, p);
	if (!rc)
		rc = core_appt_may_manage(CORE(r), q->viewer, (*p)->id);
	return rc == ERR_FORBIDDEN ? ERR_NOTFOUND : rc;
}

static const char *periods_text(struct http_req *r, const struct avail_period *p, int n)
{
	struct buf b = BUF_INIT(512);
	for (int i = 0; i < n; i++)
		buf_nofail(buf_addf(&b, "%s%02d:%02d-%02d:%02d", i ? ", " : "", p[i].from / 60, p[i].from % 60, p[i].to / 60,
		                    p[i].to % 60));
	const char *s = arena_strndup(r->a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

static int avail_page(struct http_req *r, const char *error, int status)
{
	struct account *p;
	int rc = avail_provider(r, &p);
	if (rc == ERR_NOTFOUND && !(http_query(r, "voor") || http_form(r, "voor"))) {
		/* not a provider (yet): say how to become one */
		struct tval *m = page_model(r, _r(r, "Beschikbaarheid voor afspraken"));
		tv_set_bool(r->a, m, "not_provider", true);
		return page_render(r, "availability", m);
	}
	if (rc)
		return rc;
	struct availability av;
	const char *spec = "";
	rc = core_avail_get(CORE(r), r->a, p->id, &av, &spec);
	if (rc == ERR_NOTFOUND) {
		char why[8];
		IGNORE_RESULT(avail_parse("", &av, why, sizeof why)); /* the defaults */
		rc = 0;
	}
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Beschikbaarheid voor afspraken"));
	tv_set_str(r->a, m, "provider", p->display_name[0] ? p->display_name : p->username);
	tv_set_str(r->a, m, "username", p->username);
	if (p->id != WREQ(r)->viewer)
		tv_set_str(r->a, m, "voor", p->username);
	struct tval *days = tv_list(r->a);
	for (int d = 0; d < 7; d++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "key", day_keys[d]);
		tv_set_str(r->a, x, "name", _r(r, day_names[d]));
		tv_set_str(r->a, x, "value", periods_text(r, av.week[d].p, av.week[d].n));
		tv_push(days, x);
	}
	tv_set(m, "days", days);
	tv_set_str(r->a, m, "breaks", periods_text(r, av.breaks, av.nbreaks));
	struct buf ex = BUF_INIT(8192);
	for (int i = 0; i < av.nex; i++) {
		int y, mo, d;
		civil_from(av.ex[i].day, &y, &mo, &d);
		buf_nofail(buf_addf(&ex, "%04d-%02d-%02d=%s\n", y, mo, d,
		                    av.ex[i].hours.n ? periods_text(r, av.ex[i].hours.p, av.ex[i].hours.n) : "dicht"));
	}
	tv_set_str(r->a, m, "exceptions", arena_strndup(r->a, ex.ptr, ex.len));
	buf_release(&ex);
	tv_set_int(r->a, m, "slot", av.slot_min);
	tv_set_int(r->a, m, "before", av.before_min);
	tv_set_int(r->a, m, "after", av.after_min);
	tv_set_int(r->a, m, "notice", av.notice_min);
	tv_set_int(r->a, m, "ahead", av.ahead_days);
	struct tval *kinds = tv_list(r->a);
	for (int k = 0; k < 4; k++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "key", kind_keys[k]);
		tv_set_str(r->a, x, "label", kind_label(r, kind_keys[k]));
		int mins = avail_kind_minutes(&av, kind_keys[k]);
		if (mins)
			tv_set_int(r->a, x, "minutes", mins);
		tv_push(kinds, x);
	}
	tv_set(m, "kinds", kinds);
	if (error)
		tv_set_str(r->a, m, "error", error);
	struct appointment *v;
	size_t n;
	if ((rc = core_appt_of_provider(CORE(r), r->a, WREQ(r)->viewer, p->id, &v, &n)))
		return rc;
	struct tval *l = tv_list(r->a);
	int64_t now = time_now();
	for (size_t i = 0; i < n; i++)
		if (v[i].state == APPT_BOOKED)
			tv_push(l, appt_model(r, &v[i], now));
	tv_set(m, "appointments", l);
	int prc = page_render(r, "availability", m);
	if (status)
		r->status = status;
	return prc;
}

int h_availability_page(struct http_req *r)
{
	return avail_page(r, NULL, 0);
}

/* A form field as spec text: spaces out, at most 512 bytes. */
static int add_field(struct buf *b, const char *key, const char *val)
{
	if (!val || !*val)
		return 0;
	if (strlen(val) > 512)
		return ERR_TOOBIG;
	int rc = buf_addf(b, " %s=", key);
	for (const char *s = val; !rc && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			rc = buf_addc(b, *s);
	return rc;
}

int h_availability_save(struct http_req *r)
{
	struct account *p;
	int rc = avail_provider(r, &p);
	if (rc)
		return rc;
	struct buf b = BUF_INIT(AVAIL_SPEC_MAX * 2);
	for (int d = 0; !rc && d < 7; d++)
		rc = add_field(&b, day_keys[d], http_form(r, day_keys[d]));
	if (!rc)
		rc = add_field(&b, "pauze", http_form(r, "pauze"));
	/* the buffer before is "voor_min" on the form: "voor" names the organisation */
	static const char *const nums[5][2] = {
		{"slot", "slot"}, {"voor_min", "voor"}, {"na", "na"}, {"vooraf", "vooraf"}, {"vooruit", "vooruit"}};
	for (int i = 0; !rc && i < 5; i++)
		rc = add_field(&b, nums[i][1], http_form(r, nums[i][0]));
	for (int k = 0; !rc && k < 4; k++) {
		const char *v = http_form(r, kind_keys[k]);
		if (v && *v && strcmp(v, "0"))
			rc = add_field(&b, kind_keys[k], v);
	}
	/* exceptions: one a line, "2026-12-24=09:00-12:00" or "2026-12-25=dicht" */
	const char *ex = http_form(r, "uitzonderingen");
	if (!rc && ex && strlen(ex) > AVAIL_SPEC_MAX)
		rc = ERR_TOOBIG;
	if (!rc && ex && *ex) {
		rc = buf_addc(&b, ' ');
		for (const char *s = ex; !rc && *s; s++)
			rc = buf_addc(&b, *s == '\r' ? ' ' : *s == ' ' ? '\n' : *s);
	}
	if (!rc)
		rc = buf_addc(&b, 0);
	char why[200] = "";
	if (!rc)
		rc = core_avail_set(CORE(r), WREQ(r)->viewer, p->id, b.ptr, why, sizeof why);
	buf_release(&b);
	if (rc == ERR_INVAL || rc == ERR_TOOBIG)
		return avail_page(r, why[0] ? why : _r(r, "De beschikbaarheid is te lang."), 400);
	if (rc)
		return rc;
	redirect_msg(r, p->id == WREQ(r)->viewer ? "/beschikbaarheid"
	                                         : arena_printf(r->a, "/beschikbaarheid?voor=%s", p->username),
	             "saved");
	return 0;
}

/* ---- the calendar feed: /agenda/SECRET.ics ---- */

int h_calfeed(struct http_req *r)
{
	const char *file = http_param(r, "file");
	size_t n = file ? strlen(file) : 0;
	if (n < 5 || n > 200 || strcmp(file + n - 4, ".ics"))
		return ERR_NOTFOUND;
	const char *secret = arena_strndup(r->a, file, n - 4);
	uint64_t account;
	int rc = core_calfeed_account(CORE(r), secret, &account);
	if (rc)
		return rc;
	struct appointment *v;
	size_t k;
	if ((rc = core_appt_feed(CORE(r), r->a, account, &v, &k)))
		return rc;
	const char **names = arena_alloc(r->a, (k + 1) * sizeof *names);
	for (size_t i = 0; i < k; i++) {
		struct account *p;
		names[i] = core_account_get(CORE(r), r->a, v[i].provider_id, &p) == 0
		                   ? (p->display_name[0] ? p->display_name : p->username)
		                   : NULL;
	}
	const char *base = WREQ(r)->w->base_url;
	const char *host = strstr(base, "://") ? strstr(base, "://") + 3 : base;
	char *text = ical_feed(r->a, v, names, k, host, base);
	if (!text)
		return ERR_IO;
	r->status = 200;
	r->content_type = "text/calendar; charset=utf-8";
	http_set_header(r, "Cache-Control", "private, max-age=300");
	return buf_adds(&r->out, text);
}
