/* Logging in and out, registration, first set-up, password reset, settings. */
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/text.h"
#include "core/remind.h"
#include "core/thuis.h"
#include "web/web_int.h"

#define SESSION_COOKIE "kring_session"

/* A local path to go back to after login, never another site. */
static const char *safe_next(const char *next)
{
	return local_path(next);
}

/* Where to go after logging in, from the query (links) or the form (posts). */
static const char *next_of(struct http_req *r)
{
	const char *next = http_query(r, "next");
	if (!next)
		next = http_form(r, "next");
	return safe_next(next);
}

/* The first page after logging in when no other was asked for: a
 * client's home (/thuis), "/" for everyone else (core_thuis_is_client). */
static const char *home_of(struct http_req *r, uint64_t id)
{
	struct account *acc;
	return !core_account_get(CORE(r), r->a, id, &acc) && core_thuis_is_client(acc) ? "/thuis" : "/";
}

/* "&next=..." for a link that keeps the way back (an app's authorize
 * request), or "" when there is nowhere in particular to go. */
static const char *next_arg(struct http_req *r, const char *next)
{
	if (!strcmp(next, "/"))
		return "";
	struct buf b = BUF_INIT(24576);
	const char *out = "";
	if (!buf_adds(&b, "next=") && !url_encode(&b, next, strlen(next)))
		out = arena_strdup(r->a, b.ptr);
	buf_release(&b);
	return out;
}

/* An invitation as typed or pasted: the code, or the whole link with it. */
static const char *invite_code(struct http_req *r, const char *in)
{
	if (!in)
		return NULL;
	const char *p = strstr(in, "invite=");
	p = p ? p + 7 : in;
	while (*p == ' ' || *p == '\t')
		p++;
	size_t n = strcspn(p, "& \t\r\n#");
	return arena_strndup(r->a, p, n);
}

/* field_error: a problem with the name, shown beside its field. */
static int form_page_f(struct http_req *r, const char *tmpl, const char *title, const char *error,
                       const char *field_error, int status)
{
	struct tval *m = page_model(r, title);
	if (error)
		tv_set_str(r->a, m, "error", error);
	const char *v;
	if ((v = http_form(r, "username")) || (v = http_query(r, "username")))
		tv_set_str(r->a, m, "username", v);
	const char *next = next_of(r);
	tv_set_str(r->a, m, "next", next);
	tv_set_str(r->a, m, "next_arg", next_arg(r, next));
	const char *token = http_param(r, "token");
	if (token)
		tv_set_str(r->a, m, "token", token);
	const char *invite = invite_code(r, http_query(r, "invite"));
	if (!invite)
		invite = http_form(r, "invite");
	if (invite)
		tv_set_str(r->a, m, "invite", invite);
	const char *join = http_query(r, "join");
	if (!join)
		join = http_form(r, "join");
	if (join && core_token_valid(join))
		tv_set_str(r->a, m, "join", join);
	if (field_error)
		tv_set_str(r->a, m, "username_error", field_error);
	int rc = page_render(r, tmpl, m);
	r->status = status;
	return rc;
}

static int form_page(struct http_req *r, const char *tmpl, const char *title, const char *error, int status)
{
	return form_page_f(r, tmpl, title, error, NULL, status);
}

int h_login_form(struct http_req *r)
{
	if (WREQ(r)->viewer) {
		/* Already logged in (another tab): go on to where the login was for. */
		const char *next = next_of(r);
		http_redirect(r, strcmp(next, "/") ? next : home_of(r, WREQ(r)->viewer));
		return 0;
	}
	return form_page(r, "login", _r(r, "Inloggen"), NULL, 200);
}

int h_login(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	char *token;
	uint64_t id;
	int wait = 0;
	int rc = core_login(q->w->core, r->a, http_form(r, "username"), http_form(r, "password"), http_client_addr(r),
	                    &token, &id, &wait);
	if (rc == ERR_AUTH)
		return form_page(r, "login", _r(r, "Inloggen"),
		                 _r(r, "Deze naam en dit wachtwoord horen niet bij elkaar. Probeer het opnieuw."), 401);
	if (rc == ERR_RATE) {
		/* Say how long; the page answers at once, nothing sleeps. */
		if (wait < 1)
			wait = 1;
		http_set_header(r, "Retry-After", arena_printf(r->a, "%d", wait));
		const char *unit = wait == 1 ? _r(r, "seconde opnieuw.") : _r(r, "seconden opnieuw.");
		int n = wait;
		if (wait >= 120) /* an address over its limit waits minutes */
			n = (wait + 59) / 60, unit = _r(r, "minuten opnieuw.");
		const char *msg =
			arena_printf(r->a, "%s %d %s", _r(r, "Te veel pogingen achter elkaar. Probeer het over"), n, unit);
		return form_page(r, "login", _r(r, "Inloggen"), msg, 429);
	}
	if (rc)
		return rc;
	http_set_cookie(r, SESSION_COOKIE, token, CORE_SESSION_DAYS * 86400);
	const char *next = safe_next(http_form(r, "next"));
	bool plain = !strcmp(next, "/");
	redirect_msg(r, plain ? home_of(r, id) : next, plain ? "welcome" : NULL);
	return 0;
}

int h_logout(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	if (q->session_token)
		IGNORE_RESULT(core_logout(q->w->core, q->session_token)); /* the cookie goes; a session left expires */
	http_set_cookie(r, SESSION_COOKIE, "", 0);
	redirect_msg(r, "/", "loggedout");
	return 0;
}

int h_register_form(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct site site;
	core_site_get(q->w->core, r->a, &site);
	const char *invite = invite_code(r, http_query(r, "invite")), *join = http_query(r, "join");
	if (join && !core_group_link_admits(q->w->core, r->a, join))
		return form_page(r, "register_closed", _r(r, "Aanmelden"), NULL, 200);
	if (!join && !site.open_registration && (!invite || core_invite_check(q->w->core, invite)))
		return form_page(r, "register_closed", _r(r, "Aanmelden"), NULL, invite ? 404 : 200);
	return form_page(r, "register", _r(r, "Aanmelden"), NULL, 200);
}

static const char *name_rule(struct http_req *r)
{
	return _r(r, "Deze naam kan niet. Kies een naam van 2 tot 30 tekens, zonder spaties: kleine letters, "
	             "cijfers of _ (bijvoorbeeld anna_de_vries).");
}

static const char *password_rule(struct http_req *r)
{
	return _r(r, "Dit wachtwoord is te kort. Kies een wachtwoord van minstens 10 tekens.");
}

static const char *account_error(struct http_req *r, int rc)
{
	switch (rc) {
	case ERR_EXISTS: return _r(r, "Deze naam is al in gebruik. Kies een andere naam.");
	case ERR_INVAL:
		return _r(r, "Kies een naam van 2 tot 30 tekens: kleine letters, cijfers of _. "
		             "Kies een wachtwoord van minstens 10 tekens.");
	case ERR_FORBIDDEN: return _r(r, "Deze uitnodiging is niet (meer) geldig. Vraag om een nieuwe uitnodiging.");
	case ERR_NOTFOUND: return _r(r, "Deze link is niet (meer) geldig. Vraag om een nieuwe link.");
	}
	return NULL;
}

int h_register(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	const char *pw = http_form(r, "password"), *pw2 = http_form(r, "password2");
	if (!pw || !pw2 || strcmp(pw, pw2))
		return form_page(r, "register", _r(r, "Aanmelden"), _r(r, "De twee wachtwoorden zijn niet gelijk."), 400);
	uint64_t id, gid = 0;
	const char *name = http_form(r, "username"), *join = http_form(r, "join"), *invite = http_form(r, "invite");
	int problem = core_register_problem(name, pw);
	if (problem == 1)
		return form_page_f(r, "register", _r(r, "Aanmelden"), NULL, name_rule(r), 400);
	if (problem == 2)
		return form_page(r, "register", _r(r, "Aanmelden"), password_rule(r), 400);
	int rc;
	if (join && *join && !(invite && *invite))
		rc = core_register_join(q->w->core, r->a, join, name, pw, &id, &gid);
	else
		rc = core_register(q->w->core, r->a, invite, name, pw, &id);
	if (rc == ERR_EXISTS)
		return form_page_f(r, "register", _r(r, "Aanmelden"), NULL, account_error(r, rc), 409);
	if (rc && account_error(r, rc))
		return form_page(r, "register", _r(r, "Aanmelden"), account_error(r, rc), http_status_for(rc));
	if (rc)
		return rc;
	/* The new account keeps the language its maker read the form in. */
	struct account *na;
	if (q->lang && strcmp(q->lang, "nl") && !core_account_get(q->w->core, r->a, id, &na)) {
		na->lang = q->lang;
		IGNORE_RESULT(core_profile_update(q->w->core, na)); /* only the language: Dutch if not kept */
	}
	char *token;
	if ((rc = core_login(q->w->core, r->a, name, pw, http_client_addr(r), &token, &id, NULL)))
		return rc;
	http_set_cookie(r, SESSION_COOKIE, token, CORE_SESSION_DAYS * 86400);
	struct group *g;
	if (gid && !core_group_by_id(q->w->core, r->a, id, gid, &g)) {
		redirect_msg(r, arena_printf(r->a, "/g/%s", g->name), "joined");
		return 0;
	}
	/* Registered on the way to somewhere (an app asking for access): go on there. */
	const char *next = safe_next(http_form(r, "next"));
	http_redirect(r, strcmp(next, "/") ? next : "/welcome");
	return 0;
}

/* After registering: three next steps, nothing to fill in. */
int h_welcome(struct http_req *r)
{
	return page_render(r, "welcome", page_model(r, _r(r, "Welkom")));
}

int h_setup_form(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	const char *token = http_param(r, "token");
	/* core_setup_check: gone for good once an administrator exists. */
	if (!token || core_setup_check(q->w->core, token))
		return ERR_NOTFOUND;
	return form_page(r, "setup", _r(r, "Eerste beheerder instellen"), NULL, 200);
}

int h_setup(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	const char *pw = http_form(r, "password"), *pw2 = http_form(r, "password2");
	if (!pw || !pw2 || strcmp(pw, pw2))
		return form_page(r, "setup", _r(r, "Eerste beheerder instellen"),
		                 _r(r, "De twee wachtwoorden zijn niet gelijk."), 400);
	uint64_t id;
	char *name = arena_strdup(r->a, http_form(r, "username") ? http_form(r, "username") : "");
	str_lower(name);
	int rc = core_setup_use(q->w->core, http_param(r, "token"), name, pw, &id);
	if (rc && account_error(r, rc))
		return form_page(r, "setup", _r(r, "Eerste beheerder instellen"), account_error(r, rc),
		                 http_status_for(rc));
	if (rc)
		return rc;
	/* The new account keeps the language its maker read the form in. */
	struct account *na;
	if (q->lang && strcmp(q->lang, "nl") && !core_account_get(q->w->core, r->a, id, &na)) {
		na->lang = q->lang;
		IGNORE_RESULT(core_profile_update(q->w->core, na)); /* only the language: Dutch if not kept */
	}
	char *token;
	if ((rc = core_login(q->w->core, r->a, name, pw, http_client_addr(r), &token, &id, NULL)))
		return rc;
	http_set_cookie(r, SESSION_COOKIE, token, CORE_SESSION_DAYS * 86400);
	redirect_msg(r, "/admin", "welcome");
	return 0;
}

/* A reset link that was used, has expired or never was: say so, and how to
 * get a new one. */
static int reset_gone(struct http_req *r)
{
	struct tval *m = page_model(r, _r(r, "Deze link werkt niet meer"));
	tv_set_bool(r->a, m, "mail", core_mail_on());
	int rc = page_render(r, "reset_gone", m);
	r->status = 404;
	return rc;
}

static int reset_page(struct http_req *r, const struct account *acc, const char *error, int status)
{
	struct tval *m = page_model(r, _r(r, "Nieuw wachtwoord"));
	if (error)
		tv_set_str(r->a, m, "error", error);
	tv_set_str(r->a, m, "token", http_param(r, "token"));
	tv_set_str(r->a, m, "account", acc->username);
	tv_set_str(r->a, m, "next", next_of(r));
	int rc = page_render(r, "reset", m);
	r->status = status;
	return rc;
}

int h_reset_form(struct http_req *r)
{
	struct account *acc;
	if (core_reset_account(CORE(r), r->a, http_param(r, "token"), &acc))
		return reset_gone(r);
	return reset_page(r, acc, NULL, 200);
}

int h_reset(struct http_req *r)
{
	struct account *acc;
	if (core_reset_account(CORE(r), r->a, http_param(r, "token"), &acc))
		return reset_gone(r);
	const char *pw = http_form(r, "password"), *pw2 = http_form(r, "password2");
	if (!pw || !pw2 || strcmp(pw, pw2))
		return reset_page(r, acc, _r(r, "De twee wachtwoorden zijn niet gelijk."), 400);
	int rc = core_reset_use(CORE(r), http_param(r, "token"), pw);
	if (rc == ERR_INVAL)
		return reset_page(r, acc, password_rule(r), 400);
	if (rc == ERR_NOTFOUND)
		return reset_gone(r);
	if (rc)
		return rc;
	const char *next = next_arg(r, next_of(r));
	http_redirect(r, arena_printf(r->a, "/login?msg=reset&username=%s%s%s", acc->username, *next ? "&" : "", next));
	return 0;
}

static void text_size_model(struct http_req *r, struct tval *m)
{
	int ts = web_text_size(r);
	tv_set_bool(r->a, m, "ts_normal", ts == TEXT_NORMAL);
	tv_set_bool(r->a, m, "ts_large", ts == TEXT_LARGE);
	tv_set_bool(r->a, m, "ts_xlarge", ts == TEXT_XLARGE);
}

/* "Wachtwoord vergeten?": with mail, an address and always the same answer;
 * without, whom to ask. */
static int forgot_page(struct http_req *r, const char *error, bool sent, int status)
{
	struct tval *m = page_model(r, _r(r, "Wachtwoord vergeten"));
	tv_set_bool(r->a, m, "mail", core_mail_on());
	tv_set_bool(r->a, m, "sent", sent);
	if (error)
		tv_set_str(r->a, m, "error", error);
	const char *e = http_form(r, "email");
	if (e && !sent)
		tv_set_str(r->a, m, "email", e);
	const char *next = next_of(r);
	tv_set_str(r->a, m, "next", next);
	tv_set_str(r->a, m, "next_arg", next_arg(r, next));
	int rc = page_render(r, "forgot", m);
	r->status = status;
	return rc;
}

int h_forgot_form(struct http_req *r)
{
	return forgot_page(r, NULL, false, 200);
}

int h_forgot(struct http_req *r)
{
	int rc = core_forgot(CORE(r), r->a, http_form(r, "email"), http_client_addr(r), next_of(r));
	if (rc == ERR_NOTFOUND)
		return forgot_page(r, NULL, false, 200);
	if (rc == ERR_INVAL)
		return forgot_page(r, _r(r, "Dit is geen e-mailadres. Kijk of u het goed hebt getypt, bijvoorbeeld "
		                            "naam@voorbeeld.nl."), false, 400);
	if (rc)
		return rc;
	return forgot_page(r, NULL, true, 200);
}

/* Staff of a client's care organisation (or an administrator) make a reset
 * link for the client, to hand over in person. */
int h_staff_reset(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	struct account *acc;
	const char *name = http_param(r, "name");
	if (!name || (rc = core_account_by_name(q->w->core, r->a, name, &acc)))
		return ERR_NOTFOUND;
	char *token;
	if ((rc = core_reset_for(q->w->core, r->a, q->viewer, acc, &token)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Link voor een nieuw wachtwoord"));
	tv_set(m, "profile", account_model(r, acc));
	tv_set_str(r->a, m, "link", arena_printf(r->a, "%s/reset/%s", q->w->base_url, token));
	tv_set_int(r->a, m, "hours", CORE_RESET_HOURS);
	return page_render(r, "reset_link", m);
}

/* The e-mail part of the settings page (typed: what was typed, kept on an error). */
static void email_model(struct http_req *r, struct tval *m, const char *typed)
{
	struct wreq *q = WREQ(r);
	const char *e = typed;
	if (!e)
		IGNORE_RESULT(core_email_get(q->w->core, r->a, q->viewer, &e)); /* unread: the field shows empty */
	tv_set_str(r->a, m, "email", e ? e : "");
	tv_set_bool(r->a, m, "mail", core_mail_on());
	bool on = false;
	IGNORE_RESULT(core_appt_mail_get(q->w->core, q->viewer, &on)); /* unread: the box shows off */
	tv_set_bool(r->a, m, "appt_mail", on);
}

int h_settings(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	if (!q->viewer) {
		/* A visitor chooses language and text size too (kept in cookies). */
		struct tval *m = page_model(r, _r(r, "Instellingen"));
		text_size_model(r, m);
		return page_render(r, "settings", m);
	}
	struct tval *m = page_model(r, _r(r, "Instellingen"));
	text_size_model(r, m);
	tv_set(m, "profile", account_model(r, q->me));
	tv_set_bool(r->a, m, "is_client", q->me->kind == ACCOUNT_PERSON && q->me->person_type == PERSON_CLIENT);
	tv_set_bool(r->a, m, "is_person", q->me->kind == ACCOUNT_PERSON);
	email_model(r, m, NULL);
	return page_render(r, "settings", m);
}

int h_settings_profile(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	struct account acc = *q->me;
	const char *v;
	if ((v = http_form(r, "display_name")))
		acc.display_name = str_trim(arena_strdup(r->a, v));
	if ((v = http_form(r, "bio")))
		acc.bio = v;
	if ((v = http_form(r, "profession")))
		acc.profession = v;
	if ((v = http_form(r, "expertise")))
		acc.expertise = v;
	if ((v = http_form(r, "languages")))
		acc.languages = v;
	if ((v = http_form(r, "region")))
		acc.region = v;
	if ((v = http_form(r, "person_type")))
		acc.person_type = !strcmp(v, "professional") ? PERSON_PROFESSIONAL : PERSON_CLIENT;
	acc.locked = http_form(r, "locked") != NULL;
	/* The privacy guard reads the profile in core: what it finds is shown
	 * here, to change or to confirm. */
	const char *confirm = http_form(r, "confirm");
	struct guard_result g;
	struct guard_ask ask = {.confirm = confirm && !strcmp(confirm, "1"), .a = r->a, .result = &g};
	rc = core_profile_update_checked(q->w->core, &acc, &ask);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED) {
		struct tval *m = page_model(r, _r(r, "Instellingen"));
		tv_set(m, "profile", account_model(r, &acc));
		tv_set_bool(r->a, m, "is_person", q->me->kind == ACCOUNT_PERSON);
		guard_model(r, m, acc.bio, &g);
		tv_set_bool(r->a, m, "guard", true);
		page_render(r, "settings", m);
		r->status = 422;
		return 0;
	}
	if (rc) {
		struct tval *m = page_model(r, _r(r, "Instellingen"));
		tv_set(m, "profile", account_model(r, &acc));
		tv_set_bool(r->a, m, "is_person", q->me->kind == ACCOUNT_PERSON);
		tv_set_str(r->a, m, "error",
		           _r(r, "Dit kunnen we niet opslaan. Gebruik gewone tekst en houd het kort (naam tot 80 tekens, "
		                 "over mij tot 1000 tekens)."));
		page_render(r, "settings", m);
		r->status = 400;
		return 0;
	}
	const char *hold = http_form(r, "hold_seconds");
	uint64_t hv = 0;
	if (hold && (!parse_u64(hold, &hv) || hv > CORE_HOLD_MAX))
		return ERR_INVAL;
	if (hold && (int)hv != q->me->hold_seconds && (rc = core_hold_set(q->w->core, q->viewer, (int)hv)))
		return rc;
	const char *coll = http_form(r, "collections");
	if (coll && strcmp(coll, "hidden") && strcmp(coll, "shown"))
		return ERR_INVAL;
	if (coll && (rc = core_collections_choose(q->w->core, q->me, !strcmp(coll, "hidden"))))
		return rc;
	const char *dm = http_form(r, "dm_policy");
	if (dm) {
		int pol = !strcmp(dm, "everyone") ? DM_EVERYONE : !strcmp(dm, "followed") ? DM_FOLLOWED
		          : !strcmp(dm, "providers") ? DM_PROVIDERS : -1;
		if (pol < 0)
			return ERR_INVAL;
		if (pol != q->me->dm_policy && (rc = core_dm_policy_set(q->w->core, q->viewer, pol)))
			return rc;
	}
	redirect_msg(r, "/settings", "saved");
	return 0;
}

int h_settings_email(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	const char *e = http_form(r, "email");
	rc = core_email_set(q->w->core, q->viewer, e ? e : "");
	if (rc == ERR_INVAL) {
		struct tval *m = page_model(r, _r(r, "Instellingen"));
		tv_set(m, "profile", account_model(r, q->me));
		tv_set_bool(r->a, m, "is_client", q->me->kind == ACCOUNT_PERSON && q->me->person_type == PERSON_CLIENT);
		tv_set_bool(r->a, m, "is_person", q->me->kind == ACCOUNT_PERSON);
		email_model(r, m, e);
		tv_set_str(r->a, m, "email_error",
		           _r(r, "Dit is geen e-mailadres. Kijk of u het goed hebt getypt, bijvoorbeeld naam@voorbeeld.nl."));
		page_render(r, "settings", m);
		r->status = 400;
		return 0;
	}
	if (rc)
		return rc;
	/* Appointment reminders by e-mail: the box is there only with mail. */
	if (core_mail_on() && (rc = core_appt_mail_set(q->w->core, q->viewer, http_form(r, "appt_mail") != NULL)))
		return rc;
	redirect_msg(r, "/settings", "saved");
	return 0;
}

int h_settings_password_form(struct http_req *r)
{
	return form_page(r, "password", _r(r, "Wachtwoord wijzigen"), NULL, 200);
}

int h_settings_password(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	const char *pw = http_form(r, "password"), *pw2 = http_form(r, "password2");
	if (!pw || !pw2 || strcmp(pw, pw2))
		return form_page(r, "password", _r(r, "Wachtwoord wijzigen"), _r(r, "De twee nieuwe wachtwoorden zijn niet gelijk."),
		                 400);
	char keep[65];
	core_token_hash(q->session_token, keep);
	rc = core_password_change(q->w->core, q->viewer, http_form(r, "old_password"), pw, keep);
	if (rc == ERR_AUTH)
		return form_page(r, "password", _r(r, "Wachtwoord wijzigen"), _r(r, "Uw huidige wachtwoord klopt niet."), 400);
	if (rc == ERR_INVAL)
		return form_page(r, "password", _r(r, "Wachtwoord wijzigen"),
		                 _r(r, "Kies een nieuw wachtwoord van minstens 10 tekens."), 400);
	if (rc)
		return rc;
	redirect_msg(r, "/settings", "password");
	return 0;
}

int h_settings_language(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	const char *lang = http_form(r, "lang");
	if (!lang || (strcmp(lang, "nl") && strcmp(lang, "en")))
		return ERR_INVAL;
	if (q->viewer) {
		struct account acc = *q->me;
		acc.lang = lang;
		int rc = core_profile_update(q->w->core, &acc);
		if (rc)
			return rc;
	} else {
		http_set_header(r, "Set-Cookie", arena_printf(r->a, "kring_lang=%s; Path=/; SameSite=Lax; Max-Age=31536000%s",
		                                              lang, r->tls ? "; Secure" : ""));
	}
	const char *back = http_form(r, "back");
	http_redirect(r, safe_next(back));
	return 0;
}

int h_settings_text(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	const char *v = http_form(r, "text_size");
	int size = !v ? -1 : !strcmp(v, "normaal") ? TEXT_NORMAL : !strcmp(v, "groot") ? TEXT_LARGE
	                                            : !strcmp(v, "extra-groot") ? TEXT_XLARGE : -1;
	if (!core_text_size_valid(size))
		return ERR_INVAL;
	if (q->viewer) {
		int rc = core_text_size_set(q->w->core, q->viewer, size);
		if (rc)
			return rc;
	} else {
		http_set_cookie(r, TEXT_COOKIE, arena_printf(r->a, "%d", size), 86400 * 365);
	}
	redirect_msg(r, "/settings", "saved");
	return 0;
}
