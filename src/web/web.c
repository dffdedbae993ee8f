/*
 * The web adapter: routes, the per-request context (session, language,
 * CSRF), error pages, static assets and generated avatars.
 */
#include "web/web.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/embed.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/text.h"
#include "web/web_int.h"

#define SESSION_COOKIE "kring_session"
#define CSRF_COOKIE "kring_csrf"
#define LANG_COOKIE "kring_lang"

struct web *web_global;

const char *_r(struct http_req *r, const char *msgid)
{
	struct wreq *q = WREQ(r);
	if (q && q->lang && !strcmp(q->lang, "en"))
		return i18n_get(q->w->en, msgid);
	return msgid;
}

static const char *tr_cb(void *ctx, const char *msgid)
{
	return _r(ctx, msgid);
}

/* ---- static files and avatars ---- */

static int h_static(struct http_req *r)
{
	const char *name = http_param(r, "file");
	if (!name || strchr(name, '/') || name[0] == '.')
		return ERR_NOTFOUND;
	char path[128];
	snprintf(path, sizeof path, "static/%s", name);
	const struct embed_file *f = embed_get(path);
	if (!f)
		return ERR_NOTFOUND;
	const char *ext = strrchr(name, '.');
	const char *type = "application/octet-stream";
	if (ext && !strcmp(ext, ".css"))
		type = "text/css; charset=utf-8";
	else if (ext && !strcmp(ext, ".js"))
		type = "text/javascript; charset=utf-8";
	else if (ext && !strcmp(ext, ".svg"))
		type = "image/svg+xml";
	else if (ext && !strcmp(ext, ".png"))
		type = "image/png";
	else if (ext && !strcmp(ext, ".ico"))
		type = "image/x-icon";
	/* The embedded file changes only with the binary: its length and a
	 * cheap hash make a stable validator. */
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < f->len; i++)
		h = (h ^ f->data[i]) * 16777619u;
	char etag[32];
	snprintf(etag, sizeof etag, "\"%zx-%08x\"", f->len, h);
	http_set_header(r, "Cache-Control", "public, max-age=86400");
	http_set_header(r, "ETag", etag);
	const char *inm = http_header(r, "If-None-Match");
	r->content_type = type;
	if (inm && !strcmp(inm, etag)) {
		r->status = 304;
		return 0;
	}
	r->file_data = (const char *)f->data;
	r->file_len = f->len;
	return 0;
}

/* A generated initials avatar until uploads exist: SVG, colour from the name. */
static int h_avatar(struct http_req *r)
{
	const char *file = http_param(r, "file");
	size_t n = file ? strlen(file) : 0;
	if (n < 5 || strcmp(file + n - 4, ".svg"))
		return ERR_NOTFOUND;
	char *name = arena_strndup(r->a, file, n - 4);
	struct account *acc;
	if (core_account_by_name(CORE(r), r->a, name, &acc))
		return ERR_NOTFOUND;
	static const char *colours[] = {"#1d5c8c", "#7a3b8f", "#2f6b3a", "#9a4a12", "#8c1d40", "#3d4f9a", "#006b6b"};
	uint32_t h = 5381;
	for (const char *p = acc->username; *p; p++)
		h = h * 33 + (unsigned char)*p;
	const char *dn = acc->display_name[0] ? acc->display_name : acc->username;
	char initials[16] = {0};
	size_t k = 0;
	/* First letter of the first two words (whole UTF-8 sequences). */
	for (const char *p = dn; *p && k < 8;) {
		size_t len = 1;
		while (((unsigned char)p[len] & 0xc0) == 0x80)
			len++;
		if (k + len < sizeof initials - 1) {
			memcpy(initials + k, p, len);
			k += len;
		}
		const char *sp = strchr(p, ' ');
		if (!sp || k >= 4)
			break;
		p = sp + 1;
		while (*p == ' ')
			p++;
	}
	for (size_t i = 0; i < k; i++)
		if (initials[i] >= 'a' && initials[i] <= 'z')
			initials[i] = (char)(initials[i] - 32);
	struct buf *b = &r->out;
	buf_nofail(buf_addf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" width=\"64\" height=\"64\">"
	                       "<rect width=\"64\" height=\"64\" rx=\"12\" fill=\"%s\"/>"
	                       "<text x=\"32\" y=\"41\" font-family=\"sans-serif\" font-size=\"26\" font-weight=\"bold\""
	                       " fill=\"#fff\" text-anchor=\"middle\">",
	                    colours[h % 7]));
	html_escape(b, initials, k);
	buf_nofail(buf_adds(b, "</text></svg>"));
	r->content_type = "image/svg+xml";
	http_set_header(r, "Cache-Control", "public, max-age=3600");
	return 0;
}

static int h_health(struct http_req *r)
{
	r->content_type = "text/plain; charset=utf-8";
	buf_nofail(buf_adds(&r->out, "ok\n"));
	return 0;
}

/* ---- the request context ---- */

static bool same_origin(struct http_req *r)
{
	/* Browsers send Origin on form posts; a foreign one is a forgery. */
	const char *origin = http_header(r, "Origin");
	const char *host = http_header(r, "Host");
	if (!origin || !strcmp(origin, "null"))
		return true;
	if (!host)
		return false;
	const char *p = strstr(origin, "://");
	return p && !strcmp(p + 3, host);
}

static int before(struct http_req *r)
{
	struct wreq *q = arena_alloc(r->a, sizeof *q);
	q->w = web_global;
	r->user = q;
	/* A page's reads in one read transaction, ended by done() before it
	 * is sent; what a GET writes ends it by itself (core_read_begin). */
	if (r->method == HTTP_GET || r->method == HTTP_HEAD)
		core_read_begin(q->w->core);
	const char *tok = http_cookie(r, SESSION_COOKIE);
	struct session s;
	int src = tok ? core_session(q->w->core, tok, &s) : ERR_AUTH;
	/* The database is down: say so (503), rather than treating a logged-in
	 * person as a stranger whose forms then fail the CSRF check. */
	if (src == ERR_BUSY || src == ERR_DB)
		return ERR_BUSY;
	if (src == 0 && core_account_get(q->w->core, r->a, s.account_id, &q->me) == 0) {
		q->viewer = s.account_id;
		q->session_token = tok;
		snprintf(q->csrf, sizeof q->csrf, "%s", s.csrf);
		q->lang = q->me->lang;
	} else {
		const char *c = http_cookie(r, CSRF_COOKIE);
		if (c && strlen(c) == 64) {
			snprintf(q->csrf, sizeof q->csrf, "%s", c);
		} else {
			snprintf(q->csrf, sizeof q->csrf, "%s", core_token_new(r->a));
			q->want_csrf_cookie = true;
		}
		const char *lc = http_cookie(r, LANG_COOKIE);
		q->lang = lc && (!strcmp(lc, "en") || !strcmp(lc, "nl")) ? (!strcmp(lc, "en") ? "en" : "nl")
		                                                         : i18n_pick(http_header(r, "Accept-Language"));
	}
	if (q->want_csrf_cookie && r->method == HTTP_GET)
		http_set_cookie(r, CSRF_COOKIE, q->csrf, 86400 * 7);
	if (r->method == HTTP_POST) {
		int rc = http_form_parse(r);
		if (rc)
			return rc;
		const char *sent = http_form(r, "csrf");
		if (!same_origin(r) || !sent || q->want_csrf_cookie || !str_eq_ct(sent, q->csrf))
			return ERR_CSRF;
	}
	return 0;
}

static void done(struct http_req *r)
{
	(void)r;
	core_read_end(web_global->core);
}

/* path is prefix, one segment, then suffix ("/g/" NAME "/settings"). */
static bool one_segment(const char *path, const char *prefix, const char *suffix)
{
	size_t pl = strlen(prefix), sl = strlen(suffix), n = strlen(path);
	if (n <= pl + sl || strncmp(path, prefix, pl) || strcmp(path + n - sl, suffix))
		return false;
	const char *slash = strchr(path + pl, '/');
	return slash == path + n - sl;
}

/* The forms that take photos may send HTTP_MAX_UPLOAD, and only from someone
 * logged in: known by the session cookie before any of the body is read. */
static size_t body_limit(struct http_req *r)
{
	const char *p = r->path;
	if (r->method != HTTP_POST ||
	    (strcmp(p, "/posts") && strcmp(p, "/settings/avatar") && !one_segment(p, "/g/", "/settings") &&
	     !one_segment(p, "/admin/orgs/", "/media") && !one_segment(p, "/thuis/delen/", "/foto") &&
	     strcmp(p, "/mijn-plan/foto")))
		return HTTP_MAX_BODY;
	const char *tok = http_cookie(r, SESSION_COOKIE);
	struct session s;
	if (!tok || core_session(web_global->core, tok, &s))
		return HTTP_MAX_BODY;
	return HTTP_MAX_UPLOAD;
}

static void error_page(struct http_req *r, int err)
{
	if (!r->user) {
		/* Failed before the context existed (e.g. body too big): a
		 * minimal context so the page can still be rendered. */
		struct wreq *q = arena_alloc(r->a, sizeof *q);
		q->w = web_global;
		q->lang = i18n_pick(http_header(r, "Accept-Language"));
		r->user = q;
	}
	if (err == ERR_AUTH && (r->method == HTTP_GET || r->method == HTTP_HEAD)) {
		struct buf b = BUF_INIT(4096);
		buf_nofail(buf_adds(&b, "/login?next="));
		url_encode(&b, r->path, strlen(r->path));
		http_redirect(r, b.ptr);
		buf_release(&b);
		return;
	}
	/* A stale compose or edit form: the same form again, with the text and
	 * a fresh token, asking to press once more.  Nothing it sent is used. */
	const char *stale_text =
		(err == ERR_CSRF || err == ERR_AUTH) && r->method == HTTP_POST ? http_form(r, "text") : NULL;
	unsigned long long edit_id = 0;
	int used = 0;
	bool compose_path = !strcmp(r->path, "/posts") ||
	                    (sscanf(r->path, "/posts/%llu/edit%n", &edit_id, &used) == 1 && r->path[used] == '\0');
	if (stale_text && compose_path && err == ERR_CSRF && WREQ(r)->viewer) {
		struct draft *d = arena_alloc(r->a, sizeof *d);
		memset(d, 0, sizeof *d);
		d->message = _r(r, "Het formulier was verlopen. Uw tekst staat er nog: druk nog een keer op de knop.");
		d->edit_id = edit_id;
		d->status = r->status;
		uint64_t *ids = arena_alloc(r->a, CORE_MEDIA_MAX_PER_POST * sizeof *ids);
		for (int i = 0; i < r->nfields && d->nmedia < CORE_MEDIA_MAX_PER_POST; i++)
			if (!strcmp(r->fields[i].name, "media_id") && parse_u64(r->fields[i].value, &ids[d->nmedia]))
				d->nmedia++;
		d->media_ids = ids;
		for (int i = 0; i < r->nfiles; i++)
			d->media_lost |= !strcmp(r->files[i].name, "media") && r->files[i].len > 0;
		if (d->media_lost)
			d->field = "media";
		if (compose_again(r, d, err) == 0)
			return;
	}
	const char *title, *msg;
	switch (err) {
	case ERR_NOTFOUND:
		title = N_("Niet gevonden");
		msg = N_("Deze pagina bestaat niet, of u mag hem niet zien. Controleer het adres.");
		break;
	case ERR_METHOD:
		title = N_("Dit kan hier niet");
		msg = N_("Deze actie past niet bij deze pagina. Ga terug en probeer het opnieuw.");
		break;
	case ERR_CSRF:
		title = N_("Formulier verlopen");
		msg = N_("Het formulier was verlopen of kwam niet van deze site. Ga terug, laad de pagina opnieuw en probeer het nog een keer.");
		break;
	case ERR_FORBIDDEN:
		title = N_("Geen toegang");
		msg = N_("U mag dit niet doen.");
		break;
	case ERR_AUTH:
		title = N_("Log eerst in");
		msg = N_("U moet ingelogd zijn om dit te doen.");
		break;
	case ERR_TOOBIG:
		title = N_("Te groot");
		msg = N_("Wat u stuurde is te groot. Maak de tekst korter of kies een kleiner bestand, en probeer het opnieuw.");
		break;
	case ERR_INVAL:
		title = N_("Dat klopt niet helemaal");
		msg = N_("Wat u stuurde kunnen we niet gebruiken. Controleer wat u hebt ingevuld en probeer het opnieuw.");
		break;
	case ERR_RATE:
		title = N_("Even wachten");
		msg = N_("Te veel pogingen achter elkaar. Wacht een kwartier en probeer het dan opnieuw.");
		break;
	case ERR_EXISTS:
		title = N_("Bestaat al");
		msg = N_("Dit bestaat al. Kies iets anders.");
		break;
	case ERR_BUSY:
		title = N_("Even niet beschikbaar");
		msg = N_("Het is nu te druk of er is onderhoud. Probeer het over een minuut opnieuw.");
		http_set_header(r, "Retry-After", "30");
		break;
	default:
		title = N_("Er ging iets mis");
		msg = N_("Er ging bij ons iets mis. Probeer het later opnieuw.");
		break;
	}
	/* The page's language switch is a form: a first-time visitor needs
	 * the CSRF cookie here too. */
	if (WREQ(r)->want_csrf_cookie && r->method == HTTP_GET)
		http_set_cookie(r, "kring_csrf", WREQ(r)->csrf, 86400 * 7);
	struct tval *m = page_model(r, _r(r, title));
	tv_set_str(r->a, m, "message", _r(r, msg));
	tv_set_int(r->a, m, "status", r->status);
	/* Logged out meanwhile: the text stays on the page to copy. */
	if (stale_text && compose_path && *stale_text) {
		tv_set_str(r->a, m, "draft_text", stale_text);
		tv_set_bool(r->a, m, "has_draft", true);
	}
	int status = r->status;
	if (page_render(r, "error", m)) {
		buf_reset(&r->out);
		buf_nofail(buf_addf(&r->out, "<!doctype html><html lang=\"nl\"><title>%d</title><p>%d</p></html>", status, status));
	}
	r->status = status;
}

/*
 * The pages, each with who may call it (enum web_who): the router checks that
 * once (allow), before the handler; finer rules (whose post, which group) are
 * core's.  `kring routes pages` lists them; a test walks the list.
 */
const struct web_route web_pages[] = {
	{HTTP_GET, "/", h_index, WEB_ANYONE},
	{HTTP_GET, "/healthz", h_health, WEB_ANYONE},
	{HTTP_GET, "/static/:file", h_static, WEB_ANYONE},
	{HTTP_GET, "/avatar/:file", h_avatar, WEB_ANYONE},
	{HTTP_GET, "/local", h_local, WEB_ANYONE},
	{HTTP_GET, "/tags/:tag", h_tag, WEB_ANYONE},
	{HTTP_GET, "/search", h_search, WEB_ANYONE},
	{HTTP_GET, "/wie", h_directory, WEB_ANYONE},
	/* vacancies (issue 20, web/vacancy.c): listed and fed to anyone; published by an organisation's staff */
	{HTTP_GET, "/vacatures", h_vacancies, WEB_ANYONE},
	{HTTP_GET, "/vacatures.atom", h_vacancies_atom, WEB_ANYONE},
	{HTTP_GET, "/vacatures.json", h_vacancies_json, WEB_ANYONE},
	{HTTP_GET, "/vacatures/nieuw", h_vacancy_new, WEB_LOGIN},
	{HTTP_POST, "/vacatures", h_vacancy_create, WEB_LOGIN},
	/* campaigns (issue 20, web/campaign.c): the organisation's staff only (core decides) */
	{HTTP_GET, "/campagnes", h_campaigns, WEB_LOGIN},
	{HTTP_POST, "/campagnes", h_campaign_create, WEB_LOGIN},
	{HTTP_GET, "/campagnes/:id", h_campaign, WEB_LOGIN},
	{HTTP_GET, "/campagnes/:id/cijfers.csv", h_campaign_csv, WEB_LOGIN},
	{HTTP_POST, "/campagnes/:id", h_campaign_update, WEB_LOGIN},
	{HTTP_POST, "/campagnes/:id/verwijderen", h_campaign_delete, WEB_LOGIN},
	/* ambassadors (issue 20, web/ambassador.c): staff share with a personal link */
	{HTTP_GET, "/ambassadeur", h_ambassador, WEB_LOGIN},
	{HTTP_POST, "/ambassadeur/:org/:action", h_ambassador_act, WEB_LOGIN},
	{HTTP_GET, "/ambassadeurs/:org", h_ambassadors, WEB_LOGIN},
	{HTTP_GET, "/ambassadeurs/:org/bezoeken.csv", h_ambassadors_csv, WEB_LOGIN},
	/* guidelines reach (issue 20, web/guidelines_reach.c): the organisation's staff */
	{HTTP_GET, "/richtlijnen/:org", h_guidelines_reach, WEB_LOGIN},
	{HTTP_POST, "/richtlijnen/:org/herinnering", h_guidelines_remind, WEB_LOGIN},
	/* the trend-break page (issue 20, web/trend_page.c): the organisation's staff */
	{HTTP_GET, "/trend/:org", h_trend_page, WEB_LOGIN},
	{HTTP_GET, "/trend/:org/cijfers.csv", h_trend_csv, WEB_LOGIN},
	/* consultation hours (consult.c) */
	{HTTP_GET, "/consult", h_consult_list, WEB_ANYONE},
	{HTTP_GET, "/consult/new", h_consult_new, WEB_LOGIN},
	{HTTP_POST, "/consult", h_consult_open, WEB_LOGIN},
	{HTTP_GET, "/consult/q/:id", h_consult_question, WEB_ANYONE},
	{HTTP_POST, "/consult/q/:id/:action", h_consult_act, WEB_LOGIN},
	{HTTP_GET, "/consult/:id", h_consult, WEB_ANYONE},
	{HTTP_POST, "/consult/:id/ask", h_consult_ask, WEB_LOGIN},
	{HTTP_POST, "/consult/:id/:action", h_consult_follow, WEB_LOGIN},
	{HTTP_GET, "/@:name", h_profile, WEB_ANYONE},
	{HTTP_GET, "/@:name/followers", h_people, WEB_ANYONE},
	{HTTP_GET, "/@:name/following", h_people, WEB_ANYONE},
	{HTTP_GET, "/@:name/crisis", h_crisis, WEB_ANYONE}, /* webcare crisis mode (web/webcare_crisis.c) */
	{HTTP_GET, "/@:name/reviews", h_reviews, WEB_ANYONE},
	{HTTP_GET, "/@:name/reviews/new", h_review_form, WEB_LOGIN},
	{HTTP_POST, "/@:name/reviews", h_review_create, WEB_LOGIN},
	{HTTP_POST, "/@:name/reviews/services", h_review_service, WEB_LOGIN},
	{HTTP_POST, "/reviews/:id/reply", h_review_reply, WEB_LOGIN},
	{HTTP_POST, "/reviews/:id/withdraw", h_review_withdraw, WEB_LOGIN},
	{HTTP_GET, "/kiezen", h_match, WEB_LOGIN},
	{HTTP_GET, "/kiezen/lijst", h_match_list, WEB_LOGIN},
	{HTTP_GET, "/kiezen/mijn", h_match_mine, WEB_LOGIN},
	{HTTP_GET, "/kiezen/verzoeken", h_match_requests, WEB_LOGIN},
	{HTTP_POST, "/kiezen/undo", h_match_undo, WEB_LOGIN},
	{HTTP_POST, "/kiezen/:name/:action", h_match_choose, WEB_LOGIN},
	/* my plan (issue 19, docs/plan.md): the owner's, and whom they share it with (core decides) */
	{HTTP_GET, "/mijn-plan", h_plan, WEB_LOGIN},
	{HTTP_GET, "/mijn-plan/print", h_plan_print, WEB_LOGIN},
	{HTTP_POST, "/mijn-plan/:action", h_plan_act, WEB_LOGIN},
	{HTTP_GET, "/plan/:name", h_plan_other, WEB_LOGIN},
	{HTTP_POST, "/plan/:name/:action", h_plan_suggest, WEB_LOGIN},
	{HTTP_GET, "/thuis", h_home_client, WEB_LOGIN},
	{HTTP_GET, "/thuis/mantelzorgers", h_carers, WEB_LOGIN},
	{HTTP_POST, "/thuis/mantelzorgers", h_carers_save, WEB_LOGIN},
	{HTTP_POST, "/thuis/mantelzorgers/stop", h_carers_stop, WEB_LOGIN},
	{HTTP_GET, "/thuis/voor/:name", h_carer_for, WEB_LOGIN},
	{HTTP_GET, "/thuis/delen/:name", h_care_share_page, WEB_LOGIN},
	{HTTP_POST, "/thuis/delen/:name/foto", h_care_share, WEB_LOGIN},
	{HTTP_POST, "/thuis/media/:id/:action", h_care_media_act, WEB_LOGIN},
	{HTTP_GET, "/settings/pro", h_settings_pro, WEB_LOGIN},
	{HTTP_POST, "/settings/pro", h_settings_pro_save, WEB_LOGIN},
	{HTTP_GET, "/moderation/reviews", h_mod_reviews, WEB_MOD},
	{HTTP_POST, "/moderation/reviews/:id/:action", h_mod_review_act, WEB_MOD},
	{HTTP_POST, "/@:name/report", h_report, WEB_LOGIN},
	{HTTP_POST, "/@:name/reset", h_staff_reset, WEB_LOGIN},
	{HTTP_POST, "/@:name/:action", h_relation, WEB_LOGIN},
	{HTTP_POST, "/posts", h_post_create, WEB_LOGIN},
	{HTTP_GET, "/posts/:id", h_thread, WEB_ANYONE},
	{HTTP_GET, "/posts/:id/edit", h_post_edit_form, WEB_LOGIN},
	{HTTP_POST, "/posts/:id/edit", h_post_edit, WEB_LOGIN},
	{HTTP_GET, "/posts/:id/history", h_post_history, WEB_ANYONE},
	{HTTP_GET, "/posts/:id/bereik", h_post_reach, WEB_LOGIN},
	{HTTP_GET, "/l/:token", h_link, WEB_ANYONE},
	{HTTP_POST, "/posts/:id/report", h_report, WEB_LOGIN},
	{HTTP_POST, "/posts/:id/vote", h_poll_vote, WEB_LOGIN},
	{HTTP_POST, "/posts/:id/:action", h_post_action, WEB_LOGIN},
	{HTTP_GET, "/groups", h_groups, WEB_ANYONE},
	{HTTP_POST, "/groups", h_group_create, WEB_LOGIN},
	{HTTP_GET, "/g/:name", h_group, WEB_ANYONE},
	{HTTP_GET, "/g/:name/members", h_group_members, WEB_ANYONE},
	{HTTP_POST, "/g/:name/members/:user/:action", h_group_member_action, WEB_LOGIN},
	{HTTP_GET, "/g/:name/queue", h_group_queue, WEB_ANYONE},
	{HTTP_GET, "/g/:name/cijfers", h_group_figures, WEB_LOGIN},
	{HTTP_GET, "/g/:name/cijfers.csv", h_group_figures_csv, WEB_LOGIN},
	{HTTP_POST, "/g/:name/links", h_group_link, WEB_LOGIN},
	{HTTP_POST, "/g/:name/:action", h_group_action, WEB_LOGIN},
	{HTTP_GET, "/join/:token", h_join_form, WEB_ANYONE},
	{HTTP_POST, "/join/:token", h_join, WEB_LOGIN},
	{HTTP_GET, "/moderation", h_moderation, WEB_LOGIN},
	{HTTP_POST, "/moderation/:id/:action", h_moderation_act, WEB_LOGIN},
	{HTTP_GET, "/messages", h_messages, WEB_LOGIN},
	{HTTP_GET, "/messages/new", h_message_new, WEB_LOGIN},
	{HTTP_POST, "/messages/:id/leave", h_message_leave, WEB_LOGIN},
	{HTTP_POST, "/guidelines/:name/accept", h_guidelines_accept, WEB_LOGIN},
	{HTTP_GET, "/admin/groups", h_admin_groups, WEB_ADMIN},
	{HTTP_GET, "/afspraken/:name", h_appt_book_page, WEB_ANYONE},
	{HTTP_POST, "/afspraken/:name", h_appt_book, WEB_LOGIN},
	{HTTP_GET, "/mijn-afspraken", h_appt_mine, WEB_LOGIN},
	{HTTP_POST, "/mijn-afspraken/agenda", h_calfeed_new, WEB_LOGIN},
	{HTTP_POST, "/mijn-afspraken/agenda/intrekken", h_calfeed_revoke, WEB_LOGIN},
	{HTTP_GET, "/mijn-afspraken/:id/verzetten", h_appt_move_page, WEB_LOGIN},
	{HTTP_POST, "/mijn-afspraken/:id/verzetten", h_appt_move, WEB_LOGIN},
	{HTTP_POST, "/mijn-afspraken/:id/afzeggen", h_appt_cancel, WEB_LOGIN},
	{HTTP_GET, "/agenda/:file", h_calfeed, WEB_ANYONE},
	{HTTP_GET, "/beschikbaarheid", h_availability_page, WEB_LOGIN},
	{HTTP_POST, "/beschikbaarheid", h_availability_save, WEB_LOGIN},
	{HTTP_GET, "/admin/announcements", h_admin_announcements, WEB_ADMIN},
	{HTTP_GET, "/admin/federatie", h_admin_fed, WEB_ADMIN},
	{HTTP_POST, "/admin/federatie/block", h_admin_fed_block, WEB_ADMIN},
	{HTTP_POST, "/admin/federatie/unblock", h_admin_fed_unblock, WEB_ADMIN},
	{HTTP_POST, "/admin/announcements", h_admin_announcement_new, WEB_ADMIN},
	{HTTP_POST, "/admin/announcements/:id/publish", h_admin_announcement_publish, WEB_ADMIN},
	{HTTP_POST, "/admin/announcements/:id/unpublish", h_admin_announcement_unpublish, WEB_ADMIN},
	{HTTP_POST, "/admin/announcements/:id/delete", h_admin_announcement_delete, WEB_ADMIN},
	/* webcare: the organisation's staff only (core/webcare.c; 404 for anyone else) */
	{HTTP_GET, "/webcare", h_webcare_home, WEB_LOGIN},
	{HTTP_GET, "/webcare/:org", h_webcare_inbox, WEB_LOGIN},
	{HTTP_GET, "/webcare/:org/items/:id", h_webcare_item, WEB_LOGIN},
	{HTTP_POST, "/webcare/:org/items/:id/:action", h_webcare_item_action, WEB_LOGIN},
	{HTTP_GET, "/webcare/:org/settings", h_webcare_settings, WEB_LOGIN},
	{HTTP_POST, "/webcare/:org/settings/:action", h_webcare_settings_action, WEB_LOGIN},
	{HTTP_GET, "/webcare/:org/cijfers", h_webcare_measures, WEB_LOGIN},
	{HTTP_GET, "/webcare/:org/cijfers.csv", h_webcare_measures_csv, WEB_LOGIN},
	{HTTP_POST, "/webcare/:org/crisis/:action", h_crisis_action, WEB_LOGIN},
	{HTTP_GET, "/notifications", h_notifications, WEB_LOGIN},
	{HTTP_POST, "/notifications/read", h_notifications_read, WEB_LOGIN},
	{HTTP_GET, "/follow-requests", h_follow_requests, WEB_LOGIN},
	{HTTP_POST, "/follow-requests/:name/:action", h_follow_answer, WEB_LOGIN},
	{HTTP_GET, "/login", h_login_form, WEB_ANYONE},
	{HTTP_POST, "/login", h_login, WEB_ANYONE},
	{HTTP_POST, "/logout", h_logout, WEB_ANYONE},
	{HTTP_GET, "/register", h_register_form, WEB_ANYONE},
	{HTTP_POST, "/register", h_register, WEB_ANYONE},
	{HTTP_GET, "/setup/:token", h_setup_form, WEB_ANYONE},
	{HTTP_POST, "/setup/:token", h_setup, WEB_ANYONE},
	{HTTP_GET, "/reset/:token", h_reset_form, WEB_ANYONE},
	{HTTP_POST, "/reset/:token", h_reset, WEB_ANYONE},
	{HTTP_GET, "/forgot", h_forgot_form, WEB_ANYONE},
	{HTTP_POST, "/forgot", h_forgot, WEB_ANYONE},
	{HTTP_GET, "/welcome", h_welcome, WEB_LOGIN},
	{HTTP_POST, "/settings/email", h_settings_email, WEB_LOGIN},
	{HTTP_GET, "/settings", h_settings, WEB_ANYONE},
	{HTTP_POST, "/settings/profile", h_settings_profile, WEB_LOGIN},
	{HTTP_GET, "/settings/password", h_settings_password_form, WEB_LOGIN},
	{HTTP_POST, "/settings/password", h_settings_password, WEB_LOGIN},
	{HTTP_POST, "/settings/language", h_settings_language, WEB_ANYONE},
	{HTTP_POST, "/settings/text", h_settings_text, WEB_ANYONE},
	{HTTP_GET, "/admin", h_admin, WEB_ADMIN},
	{HTTP_POST, "/admin/site", h_admin_site, WEB_ADMIN},
	{HTTP_GET, "/admin/users", h_admin_users, WEB_ADMIN},
	{HTTP_POST, "/admin/users/:name/role", h_admin_role, WEB_ADMIN},
	{HTTP_POST, "/admin/users/:name/reset", h_admin_reset, WEB_ADMIN},
	{HTTP_POST, "/admin/users/:name/suspend", h_admin_suspend, WEB_ADMIN},
	{HTTP_POST, "/admin/users/:name/unsuspend", h_admin_unsuspend, WEB_ADMIN},
	{HTTP_POST, "/admin/invites", h_admin_invite, WEB_ADMIN},
	{HTTP_POST, "/admin/orgs", h_admin_org, WEB_ADMIN},
	{HTTP_POST, "/admin/orgs/:name/staff", h_admin_staff, WEB_LOGIN},
	{HTTP_GET, "/admin/orgs/:name", h_admin_org_page, WEB_LOGIN},
	{HTTP_POST, "/admin/orgs/:name/profile", h_admin_org_profile, WEB_LOGIN},
	{HTTP_POST, "/admin/orgs/:name/staff/:user/remove", h_admin_staff_remove, WEB_LOGIN},
	{HTTP_POST, "/admin/orgs/:name/invite", h_admin_org_invite, WEB_LOGIN},
	{HTTP_POST, "/admin/orgs/:name/logo", h_admin_org_logo, WEB_LOGIN},
	{HTTP_GET, "/privacy", h_privacy, WEB_ANYONE},
	{HTTP_POST, "/admin/privacy", h_admin_privacy, WEB_ADMIN},
	{HTTP_GET, "/admin/orgs/:name/policy", h_admin_policy_form, WEB_ADMIN},
	{HTTP_POST, "/admin/orgs/:name/policy", h_admin_policy, WEB_ADMIN},
	{HTTP_GET, "/oauth/authorize", h_oauth_authorize, WEB_ANYONE},
	{HTTP_POST, "/oauth/authorize", h_oauth_approve, WEB_LOGIN},
	{HTTP_GET, "/settings/apps", h_settings_apps, WEB_LOGIN},
	{HTTP_POST, "/settings/apps/:id/revoke", h_settings_app_revoke, WEB_LOGIN},
	{HTTP_GET, "/media/:file", h_media, WEB_ANYONE},
	{HTTP_POST, "/settings/avatar", h_settings_avatar, WEB_LOGIN},
	{HTTP_POST, "/admin/orgs/:name/media", h_admin_org_media, WEB_LOGIN},
};

const size_t web_npages = sizeof web_pages / sizeof web_pages[0];

static int load_templates(struct web *w)
{
	w->tmpl = tmpl_set_new();
	for (size_t i = 0; i < embed_nfiles; i++) {
		const struct embed_file *f = &embed_files[i];
		if (strncmp(f->name, "templates/", 10))
			continue;
		char name[128];
		snprintf(name, sizeof name, "%s", f->name + 10);
		char *dot = strrchr(name, '.');
		if (dot)
			*dot = '\0';
		char err[256] = "";
		if (tmpl_add(w->tmpl, name, (const char *)f->data, f->len, err, sizeof err)) {
			log_err("template %s: %s", f->name, err);
			return ERR_INVAL;
		}
	}
	char err[256] = "";
	if (tmpl_set_check(w->tmpl, err, sizeof err)) {
		log_err("templates: %s", err);
		return ERR_INVAL;
	}
	const struct embed_file *po = embed_get("po/en.po");
	if (po) {
		if (i18n_parse((const char *)po->data, po->len, &w->en, err, sizeof err)) {
			log_err("po/en.po: %s", err);
			return ERR_INVAL;
		}
	}
	return 0;
}

int web_open(struct core *c, const struct config *cfg, struct web **out)
{
	struct web *w = xcalloc(1, sizeof *w);
	w->core = c;
	if (cfg->base_url[0])
		snprintf(w->base_url, sizeof w->base_url, "%s", cfg->base_url);
	else
		snprintf(w->base_url, sizeof w->base_url, "http://%s", cfg->listen);
	int rc = load_templates(w);
	if (rc) {
		web_close(w);
		return rc;
	}
	/* The server's routes, in the order of web_pages: allow finds a
	 * route's declaration by its place. */
	w->routes = xcalloc(web_npages, sizeof *w->routes);
	for (size_t i = 0; i < web_npages; i++)
		w->routes[i] = (struct http_route){web_pages[i].methods, web_pages[i].pattern, web_pages[i].fn};
	web_global = w;
	*out = w;
	return 0;
}

/* Who may call the route that matched: checked here once for every page. */
static int allow(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	size_t i = (size_t)(r->route - q->w->routes);
	if (r->route < q->w->routes || i >= web_npages)
		return ERR_NOTFOUND;
	enum web_who who = web_pages[i].who;
	if (who == WEB_ANYONE)
		return 0;
	if (!q->viewer || !q->me)
		return ERR_AUTH;
	if (who == WEB_ADMIN)
		return q->me->role == ROLE_ADMIN ? 0 : ERR_FORBIDDEN;
	if (who == WEB_MOD)
		return q->me->role >= ROLE_MODERATOR ? 0 : ERR_FORBIDDEN;
	return 0;
}

void web_mount(struct web *w, struct http_mount *out)
{
	*out = (struct http_mount){
		.name = "web",
		.owns = NULL, /* every path another adapter does not own */
		.routes = w->routes,
		.nroutes = web_npages,
		.before = before,
		.allow = allow,
		.error_page = error_page,
		.done = done,
		.body_limit = body_limit,
	};
}

void web_close(struct web *w)
{
	if (!w)
		return;
	tmpl_set_free(w->tmpl);
	free(w->routes);
	i18n_free(w->en);
	if (web_global == w)
		web_global = NULL;
	free(w);
}

int web_routes_print(FILE *f)
{
	static const struct {
		int m;
		const char *name;
	} names[] = {{HTTP_GET, "GET"}, {HTTP_POST, "POST"}};
	static const char *who[] = {"anyone", "login", "moderator", "admin"};
	for (size_t i = 0; i < web_npages; i++)
		for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
			if (web_pages[i].methods & names[k].m)
				fprintf(f, "%s %s %s\n", names[k].name, web_pages[i].pattern, who[web_pages[i].who]);
	return 0;
}

/* ---- helpers for pages ---- */

int web_text_size(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	if (q->me)
		return core_text_size_valid(q->me->text_size) ? q->me->text_size : TEXT_NORMAL;
	const char *c = http_cookie(r, TEXT_COOKIE);
	uint64_t v;
	return c && parse_u64(c, &v) && core_text_size_valid((int)v) && v <= 2 ? (int)v : TEXT_NORMAL;
}

struct tval *page_model(struct http_req *r, const char *title)
{
	struct wreq *q = WREQ(r);
	struct tval *m = tv_obj(r->a);
	struct site site;
	core_site_get(q->w->core, r->a, &site);
	tv_set_str(r->a, m, "site_name", site.name);
	tv_set_str(r->a, m, "site_description", site.description);
	tv_set_str(r->a, m, "title", title);
	tv_set_str(r->a, m, "lang", q->lang ? q->lang : "nl");
	tv_set_bool(r->a, m, "lang_en", q->lang && !strcmp(q->lang, "en"));
	tv_set_str(r->a, m, "csrf", q->csrf);
	tv_set_str(r->a, m, "path", r->path);
	/* Larger text: the person's setting, or a visitor's cookie (a class on <html>). */
	int ts = web_text_size(r);
	static const char *ts_class[] = {"", "tekst-groot", "tekst-extra-groot"};
	tv_set_str(r->a, m, "text_class", ts_class[ts]);
	if (q->me) {
		struct tval *me = account_model(r, q->me);
		tv_set(m, "me", me);
		/* Templates test this, not {{#me}}: a section on the object would
		 * make every name inside it (url, display_name…) the viewer's. */
		tv_set_bool(r->a, m, "signed_in", true);
		tv_set_bool(r->a, m, "is_admin", q->me->role == ROLE_ADMIN);
		tv_set_bool(r->a, m, "is_mod", q->me->role >= ROLE_MODERATOR);
		int64_t unread = 0, conv_unread = 0;
		if (core_badges(q->w->core, q->viewer, &unread, &conv_unread))
			unread = conv_unread = 0; /* no badge when unknown */
		tv_set_int(r->a, m, "unread", unread);
		tv_set_int(r->a, m, "messages_unread", conv_unread);
	}
	const char *msg = http_query(r, "msg");
	static const char *msgs[][2] = {
		{"posted", N_("Uw bericht is geplaatst.")},
		{"saved", N_("De wijzigingen zijn opgeslagen.")},
		{"deleted", N_("Het bericht is verwijderd.")},
		{"withdrawn", N_("Uw bericht is ingetrokken.")},
		{"group_created", N_("De kring is gemaakt.")},
		{"unfollowed", N_("U volgt deze persoon niet meer.")},
		{"welcome", N_("Welkom! U bent ingelogd.")},
		{"loggedout", N_("U bent uitgelogd.")},
		{"requested", N_("Uw verzoek om te volgen is verstuurd.")},
		{"password", N_("Uw wachtwoord is gewijzigd.")},
		{"reset", N_("Uw wachtwoord is ingesteld. U kunt nu inloggen.")},
		{"requested_group", N_("Uw verzoek is verstuurd. Een moderator kijkt ernaar.")},
		{"joined", N_("Welkom in de kring!")},
		{"reported", N_("Dank u. Een moderator kijkt ernaar.")},
		{"report_forwarded", N_("De klacht is doorgestuurd naar de moderatoren van de andere server. Hier staat ze nog open.")},
		{"guidelines", N_("U hebt de richtlijnen geaccepteerd. Plaats uw bericht nu opnieuw.")},
		{"pending", N_("Uw bericht wacht op goedkeuring door een moderator.")},
		{"voted", N_("Uw stem is geteld.")},
		{"review_published", N_("Dank u. Uw beoordeling staat online.")},
		{"review_held", N_("Dank u. Een moderator kijkt eerst naar uw beoordeling.")},
		{"match_requested", N_("Uw verzoek is verstuurd. De zorgverlener ziet het nu.")},
		{"match_undone", N_("Uw laatste keuze is ongedaan gemaakt.")},
		{"match_nothing", N_("Er was niets om ongedaan te maken.")},
		{"plan_saved", N_("Opgeslagen.")},
		{"plan_star", N_("Goed zo! U krijgt een ster.")},
		{"plan_celebrate", N_("Hoera! U heeft alle stappen van dit doel gedaan. Uw doel is gehaald!")},
		{"plan_undone", N_("Ongedaan gemaakt.")},
		{"plan_nothing", N_("Er is niets meer om ongedaan te maken.")},
		{"plan_shared", N_("Uw plan is nu gedeeld.")},
		{"plan_unshared", N_("Deze persoon ziet uw plan niet meer.")},
		{"plan_suggested", N_("Uw voorstel is verstuurd. De cliënt kiest zelf of het in het plan komt.")},
		{"carer_stopped", N_("De mantelzorg is gestopt.")},
		{"plan_withdrawn", N_("Uw voorstel is ingetrokken.")},
		{"campaign_deleted", N_("De campagne is verwijderd. De berichten blijven staan.")},
		{"care_shared", N_("Gedeeld. Alleen de cliënt ziet het; de cliënt kiest of mantelzorgers het ook zien.")},
	};
	for (size_t i = 0; msg && i < sizeof msgs / sizeof msgs[0]; i++)
		if (!strcmp(msg, msgs[i][0]))
			tv_set_str(r->a, m, "notice", _r(r, msgs[i][1]));
	return m;
}

int page_render(struct http_req *r, const char *name, struct tval *model)
{
	buf_reset(&r->out);
	int rc = tmpl_render(WREQ(r)->w->tmpl, name, model, tr_cb, r, &r->out);
	if (rc)
		log_err("cannot render %s: %s", name, err_str(rc));
	r->content_type = "text/html; charset=utf-8";
	/* Pages with a person's data are not for shared caches. */
	http_set_header(r, "Cache-Control", "private, no-cache");
	return rc ? ERR_IO : 0;
}

void form_error(struct http_req *r, struct tval *m, const char *error, const char *field)
{
	if (!error)
		return;
	tv_set_str(r->a, m, "error", error);
	if (field)
		tv_set_bool(r->a, m, arena_printf(r->a, "bad_%s", field), true);
	r->status = 400;
}

int csv_send(struct http_req *r, struct buf *b, const char *filename)
{
	r->status = 200;
	r->content_type = "text/csv; charset=utf-8";
	http_set_header(r, "Content-Disposition", arena_printf(r->a, "attachment; filename=\"%s\"", filename));
	http_set_header(r, "Cache-Control", "private, no-store");
	int rc = buf_add(&r->out, b->ptr, b->len);
	buf_release(b);
	return rc;
}

const char *local_path(const char *path)
{
	if (!path || path[0] != '/')
		return "/";
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			return "/";
	/* After dropping what browsers ignore, "//" would leave this site. */
	return path[1] == '/' ? "/" : path;
}

void redirect_msg(struct http_req *r, const char *to, const char *msg)
{
	http_redirect(r, msg ? arena_printf(r->a, "%s%smsg=%s", to, strchr(to, '?') ? "&" : "?", msg) : to);
}

const char *fmt_time(struct http_req *r, int64_t t)
{
	static const char *nl[] = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
	static const char *en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	bool english = WREQ(r)->lang && !strcmp(WREQ(r)->lang, "en");
	return arena_printf(r->a, "%d %s %d, %02d:%02d", tm.tm_mday, (english ? en : nl)[tm.tm_mon], tm.tm_year + 1900,
	                    tm.tm_hour, tm.tm_min);
}

static const char *iso_time(struct http_req *r, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char s[32];
	strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return arena_strdup(r->a, s);
}

struct tval *account_model(struct http_req *r, struct account *acc)
{
	struct tval *m = tv_obj(r->a);
	tv_set_str(r->a, m, "username", acc->username);
	tv_set_str(r->a, m, "display_name", acc->display_name[0] ? acc->display_name : acc->username);
	tv_set_strf(r->a, m, "url", "/@%s", acc->username);
	tv_set_str(r->a, m, "avatar", media_avatar_url(r, acc));
	tv_set_bool(r->a, m, "is_org", acc->kind == ACCOUNT_ORG);
	tv_set_bool(r->a, m, "is_professional", acc->kind == ACCOUNT_PERSON && acc->person_type == PERSON_PROFESSIONAL);
	tv_set_bool(r->a, m, "locked", acc->locked);
	tv_set_str(r->a, m, "bio", acc->bio);
	tv_set_str(r->a, m, "profession", acc->profession);
	tv_set_str(r->a, m, "expertise", acc->expertise);
	tv_set_str(r->a, m, "languages", acc->languages);
	tv_set_str(r->a, m, "region", acc->region);
	static const char *roles[] = {N_("lid"), N_("moderator"), N_("beheerder")};
	tv_set_str(r->a, m, "role", _r(r, roles[acc->role >= 0 && acc->role <= 2 ? acc->role : 0]));
	tv_set_bool(r->a, m, "role_admin", acc->role == ROLE_ADMIN);
	tv_set_bool(r->a, m, "role_moderator", acc->role == ROLE_MODERATOR);
	tv_set_bool(r->a, m, "role_member", acc->role == ROLE_MEMBER);
	tv_set_bool(r->a, m, "suspended", acc->suspended);
	tv_set_int(r->a, m, "posts_count", acc->posts);
	/* Hidden follower lists hide their sizes too (core_collections_visible). */
	bool lists = core_collections_visible(WREQ(r)->viewer, acc);
	tv_set_bool(r->a, m, "lists_shown", lists);
	tv_set_int(r->a, m, "followers_count", lists ? acc->followers : 0);
	tv_set_int(r->a, m, "following_count", lists ? acc->following : 0);
	tv_set_bool(r->a, m, "collections_hidden", core_collections_hidden(acc));
	tv_set_int(r->a, m, "hold_seconds", acc->hold_seconds);
	static const int holds[] = {0, 10, 30, 60, 120};
	struct tval *hl = tv_list(r->a);
	for (size_t i = 0; i < sizeof holds / sizeof holds[0]; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_int(r->a, x, "value", holds[i]);
		tv_set_bool(r->a, x, "selected", holds[i] == acc->hold_seconds);
		tv_push(hl, x);
	}
	tv_set(m, "holds", hl);
	tv_set_bool(r->a, m, "dm_everyone", acc->dm_policy == DM_EVERYONE);
	tv_set_bool(r->a, m, "dm_followed", acc->dm_policy == DM_FOLLOWED);
	tv_set_bool(r->a, m, "dm_providers", acc->dm_policy == DM_PROVIDERS);
	return m;
}

/* A group's names for post_model: read once a page (a page of a group's
 * posts asked them once a post). */
static int group_names(struct http_req *r, uint64_t id, const char **name, const char **display)
{
	struct wreq *q = WREQ(r);
	for (int i = 0; i < q->ngroups; i++)
		if (q->groups[i].id == id) {
			*name = q->groups[i].name;
			*display = q->groups[i].display;
			return 0;
		}
	int rc = core_group_names(q->w->core, r->a, id, name, display);
	if (!rc && q->ngroups < (int)(sizeof q->groups / sizeof q->groups[0])) {
		q->groups[q->ngroups].id = id;
		q->groups[q->ngroups].name = *name;
		q->groups[q->ngroups++].display = *display;
	}
	return rc;
}

struct tval *post_model(struct http_req *r, struct post *p)
{
	struct wreq *q = WREQ(r);
	struct tval *m = tv_obj(r->a);
	if (p->boosted) {
		struct tval *inner = post_model(r, p->boosted);
		tv_set(inner, "booster", account_model(r, p->author));
		tv_set_bool(r->a, inner, "is_boost", true);
		return inner;
	}
	tv_set_strf(r->a, m, "id", "%llu", (unsigned long long)p->id);
	tv_set_strf(r->a, m, "url", "/posts/%llu", (unsigned long long)p->id);
	tv_set(m, "author", account_model(r, p->author));
	if (p->writer && p->writer_id != p->author_id)
		tv_set(m, "writer", account_model(r, p->writer));
	tv_set_html(r->a, m, "html", core_render_post_text(q->w->core, r->a, p));
	tv_set_str(r->a, m, "text", p->text);
	/* A private message names its recipients apart from its text. */
	struct account **to;
	size_t nto = 0;
	if (p->visibility == VIS_DIRECT && !core_post_addressees(q->w->core, r->a, q->viewer, p, &to, &nto) && nto) {
		struct tval *l = tv_list(r->a);
		for (size_t i = 0; i < nto; i++) {
			/* A name and a link: account_model would read their pictures too. */
			struct tval *x = tv_obj(r->a);
			tv_set_str(r->a, x, "display_name", to[i]->display_name[0] ? to[i]->display_name : to[i]->username);
			tv_set_strf(r->a, x, "url", "/@%s", to[i]->username);
			tv_set_bool(r->a, x, "more", i > 0);
			tv_push(l, x);
		}
		tv_set(m, "addressees", l);
		tv_set_bool(r->a, m, "has_addressees", true);
	}
	media_post_model(r, m, p);
	/* Timelines lead to the post page, where the poll is. */
	tv_set_bool(r->a, m, "has_poll", p->x && p->x->has_poll);
	tv_set_str(r->a, m, "time", fmt_time(r, p->created_at));
	tv_set_str(r->a, m, "iso", iso_time(r, p->created_at));
	if (p->edited_at)
		tv_set_str(r->a, m, "edited", fmt_time(r, p->edited_at));
	static const char *vis[] = {N_("Openbaar"), N_("Alleen volgers"), N_("Privé")};
	tv_set_str(r->a, m, "visibility", _r(r, vis[p->visibility >= 0 && p->visibility <= 2 ? p->visibility : 0]));
	tv_set_bool(r->a, m, "is_public", p->visibility == VIS_PUBLIC);
	tv_set_bool(r->a, m, "is_direct", p->visibility == VIS_DIRECT);
	tv_set_int(r->a, m, "favs", p->favs);
	tv_set_int(r->a, m, "boosts", p->boosts);
	tv_set_int(r->a, m, "replies", p->replies);
	tv_set_bool(r->a, m, "faved", p->v_faved);
	tv_set_bool(r->a, m, "boosted", p->v_boosted);
	if (p->in_reply_to)
		tv_set_strf(r->a, m, "reply_url", "/posts/%llu", (unsigned long long)p->in_reply_to);
	if (p->group_id) {
		const char *gname, *gdisplay;
		if (group_names(r, p->group_id, &gname, &gdisplay) == 0) {
			tv_set_str(r->a, m, "group_name", gdisplay);
			tv_set_strf(r->a, m, "group_url", "/g/%s", gname);
			/* Who reads it is the group, not "everyone". */
			if (p->visibility != VIS_DIRECT)
				tv_set_strf(r->a, m, "visibility", "%s %s", _r(r, "In kring"), gdisplay);
		}
		tv_set_bool(r->a, m, "pending", p->pending);
		tv_set_bool(r->a, m, "pinned", p->pinned);
		bool gmod = p->v_group_role >= GROLE_MODERATOR;
		tv_set_bool(r->a, m, "group_mod", gmod);
		tv_set_bool(r->a, m, "can_pin", gmod && !p->pending && !p->in_reply_to);
	}
	bool mine = core_post_own(q->viewer, p);
	tv_set_bool(r->a, m, "can_edit", mine);
	/* Its reach: the author side only (core_post_reach says so again). */
	tv_set_bool(r->a, m, "can_reach", q->viewer && !p->reblog_of && (mine || p->v_staff));
	tv_set_bool(r->a, m, "can_delete", mine || (q->me && q->me->role >= ROLE_MODERATOR));
	tv_set_bool(r->a, m, "logged_in", q->viewer != 0);
	/* Think time: the author sees when it goes out, and can still withdraw. */
	int64_t now = time_now();
	if (p->publish_at > now && mine) {
		tv_set_bool(r->a, m, "held", true);
		tv_set_int(r->a, m, "held_seconds", p->publish_at - now);
		tv_set_str(r->a, m, "held_until", fmt_time(r, p->publish_at));
	}
	tv_set_str(r->a, m, "csrf", q->csrf);
	return m;
}

struct tval *posts_model(struct http_req *r, struct post **v, size_t n)
{
	core_posts_extras(CORE(r), r->a, WREQ(r)->viewer, v, n);
	core_posts_avatars(CORE(r), r->a, v, n);
	struct tval *list = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(list, post_model(r, v[i]));
	return list;
}

void page_from_query(struct http_req *r, struct page *pg)
{
	memset(pg, 0, sizeof *pg);
	pg->limit = CORE_PAGE_DEFAULT;
	const char *mx = http_query(r, "max_id"), *mn = http_query(r, "min_id");
	uint64_t v;
	if (mx && parse_u64(mx, &v))
		pg->max_id = v;
	if (mn && parse_u64(mn, &v))
		pg->min_id = v;
}

void pager_model(struct http_req *r, struct tval *m, const char *base, uint64_t older, uint64_t newer)
{
	const char *sep = strchr(base, '?') ? "&" : "?";
	if (older)
		tv_set_strf(r->a, m, "older_url", "%s%smax_id=%llu", base, sep, (unsigned long long)older);
	if (newer)
		tv_set_strf(r->a, m, "newer_url", "%s%smin_id=%llu", base, sep, (unsigned long long)newer);
}
