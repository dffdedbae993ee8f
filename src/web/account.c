/* Logging in and out, registration, first set-up, password reset, settings. */
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/text.h"
#include "web/web_int.h"

#define SESSION_COOKIE "kring_session"

/* A local path to go back to after login, never another site. */
static const char *safe_next(const char *next)
{
	return local_path(next);
}

static int form_page(struct http_req *r, const char *tmpl, const char *title, const char *error, int status)
{
	struct tval *m = page_model(r, title);
	if (error)
		tv_set_str(r->a, m, "error", error);
	const char *v;
	if ((v = http_form(r, "username")) || (v = http_query(r, "username")))
		tv_set_str(r->a, m, "username", v);
	const char *next = http_query(r, "next");
	if (!next)
		next = http_form(r, "next");
	tv_set_str(r->a, m, "next", safe_next(next));
	const char *token = http_param(r, "token");
	if (token)
		tv_set_str(r->a, m, "token", token);
	const char *invite = http_query(r, "invite");
	if (!invite)
		invite = http_form(r, "invite");
	if (invite)
		tv_set_str(r->a, m, "invite", invite);
	int rc = page_render(r, tmpl, m);
	r->status = status;
	return rc;
}

int h_login_form(struct http_req *r)
{
	if (WREQ(r)->viewer) {
		http_redirect(r, "/");
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
	redirect_msg(r, next, strcmp(next, "/") ? NULL : "welcome");
	return 0;
}

int h_logout(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	if (q->session_token)
		core_logout(q->w->core, q->session_token);
	http_set_cookie(r, SESSION_COOKIE, "", 0);
	redirect_msg(r, "/", "loggedout");
	return 0;
}

int h_register_form(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct site site;
	core_site_get(q->w->core, r->a, &site);
	const char *invite = http_query(r, "invite");
	if (!site.open_registration && (!invite || core_invite_check(q->w->core, invite)))
		return form_page(r, "register_closed", _r(r, "Aanmelden"), NULL, invite ? 404 : 200);
	return form_page(r, "register", _r(r, "Aanmelden"), NULL, 200);
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
	uint64_t id;
	int rc = core_register(q->w->core, r->a, http_form(r, "invite"), http_form(r, "username"), pw, &id);
	if (rc && account_error(r, rc))
		return form_page(r, "register", _r(r, "Aanmelden"), account_error(r, rc), http_status_for(rc));
	if (rc)
		return rc;
	char *token;
	if ((rc = core_login(q->w->core, r->a, http_form(r, "username"), pw, http_client_addr(r), &token, &id, NULL)))
		return rc;
	http_set_cookie(r, SESSION_COOKIE, token, CORE_SESSION_DAYS * 86400);
	redirect_msg(r, "/settings", "welcome");
	return 0;
}

int h_setup_form(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	const char *token = http_param(r, "token");
	int64_t admins = 0;
	store_account_count_role(q->w->core->store, ROLE_ADMIN, &admins);
	/* Once an administrator exists the set-up link is gone for good. */
	if (admins > 0 || !token || core_setup_check(q->w->core, token))
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
	char *token;
	if ((rc = core_login(q->w->core, r->a, name, pw, http_client_addr(r), &token, &id, NULL)))
		return rc;
	http_set_cookie(r, SESSION_COOKIE, token, CORE_SESSION_DAYS * 86400);
	redirect_msg(r, "/admin", "welcome");
	return 0;
}

int h_reset_form(struct http_req *r)
{
	if (core_reset_check(CORE(r), http_param(r, "token")))
		return ERR_NOTFOUND;
	return form_page(r, "reset", _r(r, "Nieuw wachtwoord"), NULL, 200);
}

int h_reset(struct http_req *r)
{
	const char *pw = http_form(r, "password"), *pw2 = http_form(r, "password2");
	if (!pw || !pw2 || strcmp(pw, pw2))
		return form_page(r, "reset", _r(r, "Nieuw wachtwoord"), _r(r, "De twee wachtwoorden zijn niet gelijk."), 400);
	int rc = core_reset_use(CORE(r), http_param(r, "token"), pw);
	if (rc && account_error(r, rc))
		return form_page(r, "reset", _r(r, "Nieuw wachtwoord"), account_error(r, rc), http_status_for(rc));
	if (rc)
		return rc;
	redirect_msg(r, "/login", "reset");
	return 0;
}

static void text_size_model(struct http_req *r, struct tval *m)
{
	int ts = web_text_size(r);
	tv_set_bool(r->a, m, "ts_normal", ts == TEXT_NORMAL);
	tv_set_bool(r->a, m, "ts_large", ts == TEXT_LARGE);
	tv_set_bool(r->a, m, "ts_xlarge", ts == TEXT_XLARGE);
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
	return page_render(r, "settings", m);
}

int h_settings_profile(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
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

int h_settings_password_form(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
	return form_page(r, "password", _r(r, "Wachtwoord wijzigen"), NULL, 200);
}

int h_settings_password(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
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
