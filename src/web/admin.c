/* The administrator's pages: site settings, people and roles, invitations,
 * password-reset links and organisations with their staff. */
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/id.h"
#include "base/mem.h"
#include "base/text.h"
#include "web/web_int.h"

/* Who may open these pages is declared in web_pages (web.c): WEB_ADMIN for
 * the administrator's, WEB_LOGIN where core decides (an organisation's
 * managers); core checks again. */

static const char *privacy_default(struct http_req *r);

static int admin_page(struct http_req *r, const char *link_label, const char *link, const char *error)
{
	struct wreq *q = WREQ(r);
	struct tval *m = page_model(r, _r(r, "Beheer"));
	struct site site;
	core_site_get(q->w->core, r->a, &site);
	tv_set_bool(r->a, m, "open_registration", site.open_registration);
	const char *privacy = NULL;
	if (core_privacy_get(q->w->core, r->a, &privacy))
		return ERR_DB; /* not the default in its place: saving the form would overwrite the text */
	tv_set_str(r->a, m, "privacy", privacy ? privacy : privacy_default(r));
	if (link) {
		tv_set_str(r->a, m, "link_label", link_label);
		tv_set_str(r->a, m, "link", link);
	}
	if (error)
		tv_set_str(r->a, m, "error", error);
	struct invite *inv;
	size_t n;
	if (!core_admin_invites(q->w->core, r->a, q->viewer, &inv, &n)) {
		struct tval *l = tv_list(r->a);
		int64_t now = time_now();
		for (size_t i = 0; i < n; i++) {
			struct tval *x = tv_obj(r->a);
			tv_set_str(r->a, x, "created", fmt_time(r, inv[i].created_at));
			tv_set_str(r->a, x, "expires", fmt_time(r, inv[i].expires_at));
			tv_set_str(r->a, x, "state", inv[i].used_at ? _r(r, "gebruikt")
			                             : inv[i].expires_at <= now ? _r(r, "verlopen") : _r(r, "open"));
			tv_push(l, x);
		}
		tv_set(m, "invites", l);
	}
	return page_render(r, "admin", m);
}

int h_admin(struct http_req *r)
{
	return admin_page(r, NULL, NULL, NULL);
}

int h_admin_site(struct http_req *r)
{
	int rc;
	struct site s = {
		.name = http_form(r, "site_name"),
		.description = http_form(r, "site_description"),
		.open_registration = http_form(r, "registration") && !strcmp(http_form(r, "registration"), "open"),
	};
	if (s.name)
		s.name = str_trim(arena_strdup(r->a, s.name));
	rc = core_site_set(CORE(r), &s);
	if (rc == ERR_INVAL) {
		admin_page(r, NULL, NULL, _r(r, "Vul een naam in (tot 80 tekens) en een korte beschrijving."));
		r->status = 400;
		return 0;
	}
	if (rc)
		return rc;
	redirect_msg(r, "/admin", "saved");
	return 0;
}

int h_admin_users(struct http_req *r)
{
	int rc;
	const char *after = http_query(r, "after");
	struct account **v;
	size_t n;
	if ((rc = core_admin_people(CORE(r), r->a, WREQ(r)->viewer, after, 100, &v, &n)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Mensen en rollen"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, account_model(r, v[i]));
	tv_set(m, "people", l);
	if (n == 100) {
		struct buf b = BUF_INIT(256);
		buf_nofail(buf_adds(&b, "/admin/users?after="));
		url_encode(&b, v[n - 1]->username, strlen(v[n - 1]->username));
		tv_set_str(r->a, m, "next_url", arena_strdup(r->a, b.ptr));
		buf_release(&b);
	}
	const char *link = http_query(r, "link");
	(void)link;
	return page_render(r, "admin_users", m);
}

static int target(struct http_req *r, struct account **acc)
{
	const char *name = http_param(r, "name");
	return name ? core_account_by_name(CORE(r), r->a, name, acc) : ERR_NOTFOUND;
}

int h_admin_role(struct http_req *r)
{
	int rc;
	struct account *acc;
	if ((rc = target(r, &acc)))
		return rc;
	const char *role = http_form(r, "role");
	int rv = !role ? -1 : !strcmp(role, "admin") ? ROLE_ADMIN : !strcmp(role, "moderator") ? ROLE_MODERATOR
	                    : !strcmp(role, "member") ? ROLE_MEMBER : -1;
	if (rv < 0)
		return ERR_INVAL;
	if ((rc = core_role_set(CORE(r), WREQ(r)->viewer, acc->id, rv)))
		return rc;
	redirect_msg(r, "/admin/users", "saved");
	return 0;
}

/* Suspend an account or lift its suspension; core keeps the hierarchy and
 * the last administrator. */
static int suspend(struct http_req *r, bool on)
{
	int rc;
	struct account *acc;
	if ((rc = target(r, &acc)))
		return rc;
	if ((rc = core_account_suspend(CORE(r), WREQ(r)->viewer, acc->id, on, NULL)))
		return rc;
	redirect_msg(r, "/admin/users", "saved");
	return 0;
}

int h_admin_suspend(struct http_req *r)
{
	return suspend(r, true);
}

int h_admin_unsuspend(struct http_req *r)
{
	return suspend(r, false);
}

int h_admin_reset(struct http_req *r)
{
	int rc;
	struct account *acc;
	if ((rc = target(r, &acc)))
		return rc;
	if (acc->kind != ACCOUNT_PERSON)
		return ERR_INVAL;
	char *token;
	if ((rc = core_reset_create(CORE(r), r->a, WREQ(r)->viewer, acc->id, &token)))
		return rc;
	char *link = arena_printf(r->a, "%s/reset/%s", WREQ(r)->w->base_url, token);
	char *label = arena_printf(r->a, "%s %s", _r(r, "Link om een nieuw wachtwoord te kiezen voor"), acc->username);
	return admin_page(r, label, link, NULL);
}

int h_admin_invite(struct http_req *r)
{
	int rc;
	const char *role = http_form(r, "role");
	int rv = role && !strcmp(role, "moderator") ? ROLE_MODERATOR : ROLE_MEMBER;
	char *token;
	if ((rc = core_invite_create(CORE(r), r->a, WREQ(r)->viewer, rv, &token)))
		return rc;
	char *link = arena_printf(r->a, "%s/register?invite=%s", WREQ(r)->w->base_url, token);
	return admin_page(r, _r(r, "Nieuwe uitnodiging (14 dagen geldig, één keer te gebruiken)"), link, NULL);
}

int h_admin_org(struct http_req *r)
{
	int rc;
	const char *name = http_form(r, "username"), *dn = http_form(r, "display_name");
	char *lower = arena_strdup(r->a, name ? name : "");
	str_lower(lower);
	uint64_t id;
	rc = core_org_create(CORE(r), lower, dn && *dn ? dn : NULL, &id);
	if (rc == ERR_INVAL || rc == ERR_EXISTS) {
		admin_page(r, NULL, NULL,
		           rc == ERR_EXISTS ? _r(r, "Deze naam is al in gebruik. Kies een andere naam.")
		                            : _r(r, "Kies een naam van 2 tot 30 tekens: kleine letters, cijfers of _."));
		r->status = rc == ERR_EXISTS ? 409 : 400;
		return 0;
	}
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/admin/orgs/%s", lower), "saved");
	return 0;
}

/* An organisation's own page for administrators: its profile, staff,
 * invitations, and the way to its guidelines and privacy guard.  ed: the
 * profile as typed (after a refusal), else the stored one. */
static int org_page(struct http_req *r, struct account *org, const struct account *ed, const struct org_profile *edp,
                    const char *link, const char *error, int status)
{
	struct tval *m = page_model(r, arena_printf(r->a, "%s: %s", _r(r, "Organisatie beheren"),
	                                            org->display_name[0] ? org->display_name : org->username));
	tv_set(m, "org", account_model(r, org));
	const struct account *a = ed ? ed : org;
	struct org_profile op;
	if (!edp) {
		if (core_org_profile_get(CORE(r), r->a, org->id, &op))
			return ERR_DB; /* an empty form, saved, would wipe the profile */
		edp = &op;
	}
	struct tval *f = tv_obj(r->a);
	tv_set_str(r->a, f, "display_name", a->display_name);
	tv_set_str(r->a, f, "bio", a->bio ? a->bio : "");
	tv_set_str(r->a, f, "address", edp->address);
	tv_set_str(r->a, f, "phone", edp->phone);
	tv_set_str(r->a, f, "hours", edp->hours);
	tv_set_str(r->a, f, "website", edp->website);
	tv_set_str(r->a, f, "privacy", edp->privacy);
	tv_set(m, "form", f);
	if (link)
		tv_set_str(r->a, m, "link", link);
	if (error)
		tv_set_str(r->a, m, "error", error);
	struct account **staff;
	size_t n = 0;
	struct tval *l = tv_list(r->a);
	if (!core_org_staff(CORE(r), r->a, org->id, &staff, &n))
		for (size_t i = 0; i < n; i++)
			tv_push(l, account_model(r, staff[i]));
	tv_set(m, "staff", l);
	tv_set_bool(r->a, m, "staff_empty", tv_len(l) == 0);
	/* Adding staff: people found by name who are not staff yet. */
	const char *qs = http_query(r, "q");
	if (qs && *qs) {
		tv_set_str(r->a, m, "q", qs);
		struct account **found;
		size_t nf = 0;
		struct tval *fl = tv_list(r->a);
		if (!core_org_staff_candidates(CORE(r), r->a, WREQ(r)->viewer, org->id, qs, &found, &nf))
			for (size_t i = 0; i < nf; i++)
				tv_push(fl, account_model(r, found[i]));
		tv_set(m, "found", fl);
		tv_set_bool(r->a, m, "searched", true);
		tv_set_bool(r->a, m, "found_none", tv_len(fl) == 0);
	}
	int rc = page_render(r, "admin_org", m);
	if (status)
		r->status = status;
	return rc;
}

/* An organisation that viewer may set up (core_org_may_manage). */
static int managed_org(struct http_req *r, struct account **org)
{
	struct wreq *q = WREQ(r);
	const char *name = http_param(r, "name");
	int rc = name ? core_account_by_name(CORE(r), r->a, name, org) : ERR_NOTFOUND;
	if (rc)
		return rc;
	if ((*org)->kind != ACCOUNT_ORG)
		return ERR_NOTFOUND;
	return core_org_may_manage(CORE(r), q->viewer, (*org)->id) ? 0 : ERR_FORBIDDEN;
}

int h_admin_org_page(struct http_req *r)
{
	struct account *org;
	int rc = managed_org(r, &org);
	return rc ? rc : org_page(r, org, NULL, NULL, NULL, NULL, 0);
}

static const char *form_or(struct http_req *r, const char *name, const char *dflt)
{
	const char *v = http_form(r, name);
	return v ? str_trim(arena_strdup(r->a, v)) : dflt;
}

int h_admin_org_profile(struct http_req *r)
{
	struct account *org;
	int rc = managed_org(r, &org);
	if (rc)
		return rc;
	struct org_profile was, p;
	if ((rc = core_org_profile_get(CORE(r), r->a, org->id, &was)))
		return rc;
	struct account acc = *org;
	acc.display_name = form_or(r, "display_name", org->display_name);
	acc.bio = form_or(r, "bio", org->bio ? org->bio : "");
	p.address = form_or(r, "address", was.address);
	p.phone = form_or(r, "phone", was.phone);
	p.hours = form_or(r, "hours", was.hours);
	p.website = form_or(r, "website", was.website);
	p.privacy = form_or(r, "privacy", was.privacy);
	const char *confirm = http_form(r, "confirm");
	struct guard_result g;
	struct guard_ask ask = {.confirm = confirm && !strcmp(confirm, "1"), .a = r->a, .result = &g};
	rc = core_org_profile_set(CORE(r), WREQ(r)->viewer, &acc, &p, &ask);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED) {
		struct tval *m = page_model(r, _r(r, "Controleer de tekst"));
		guard_model(r, m, "", &g);
		char *action = arena_printf(r->a, "/admin/orgs/%s/profile", org->username);
		tv_set_str(r->a, m, "action", action);
		tv_set_str(r->a, m, "back", arena_printf(r->a, "/admin/orgs/%s", org->username));
		static const struct {
			const char *name, *label;
			int max;
			bool multiline;
		} fields[] = {
			{"display_name", N_("Naam van de organisatie"), CORE_DISPLAY_MAX, false},
			{"bio", N_("Over de organisatie"), CORE_BIO_MAX, true},
			{"address", N_("Adres"), CORE_FIELD_MAX, false},
			{"phone", N_("Telefoonnummer"), CORE_ORG_PHONE_MAX, false},
			{"hours", N_("Openingstijden"), CORE_FIELD_MAX, true},
			{"website", N_("Website"), CORE_ORG_WEBSITE_MAX, false},
			{"privacy", N_("Privacyverklaring van de organisatie"), CORE_PRIVACY_MAX, true},
		};
		const char *values[] = {acc.display_name, acc.bio, p.address, p.phone, p.hours, p.website, p.privacy};
		struct tval *list = tv_list(r->a);
		for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
			struct tval *x = tv_obj(r->a);
			tv_set_str(r->a, x, "name", fields[i].name);
			tv_set_str(r->a, x, "label", _r(r, fields[i].label));
			tv_set_str(r->a, x, "value", values[i]);
			tv_set_int(r->a, x, "max", fields[i].max);
			tv_set_bool(r->a, x, "multiline", fields[i].multiline);
			tv_push(list, x);
		}
		tv_set(m, "fields", list);
		tv_set(m, "hidden", tv_list(r->a));
		rc = page_render(r, "guard_form", m);
		r->status = 422;
		return rc;
	}
	if (rc == ERR_INVAL)
		return org_page(r, org, &acc, &p, NULL,
		                _r(r, "Dit kunnen we niet opslaan. Controleer de velden: een naam tot 80 tekens, een "
		                      "telefoonnummer met alleen cijfers, en een website die begint met https://."),
		                400);
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/admin/orgs/%s", org->username), "saved");
	return 0;
}

int h_admin_staff(struct http_req *r)
{
	struct account *org, *person;
	int rc = managed_org(r, &org);
	if (rc)
		return rc;
	const char *who = http_form(r, "person");
	if (who && *who == '@')
		who++;
	if (!who || core_account_by_name(CORE(r), r->a, who, &person) || person->kind != ACCOUNT_PERSON ||
	    core_account_hidden(CORE(r), WREQ(r)->viewer, person))
		return org_page(r, org, NULL, NULL, NULL, _r(r, "Deze persoon bestaat niet. Controleer de naam."), 400);
	if ((rc = core_org_staff_add(CORE(r), WREQ(r)->viewer, org->id, person->id)))
		return rc;
	redirect_msg(r, arena_printf(r->a, "/admin/orgs/%s", org->username), "saved");
	return 0;
}

int h_admin_staff_remove(struct http_req *r)
{
	struct account *org, *person;
	int rc = managed_org(r, &org);
	if (rc)
		return rc;
	const char *who = http_param(r, "user");
	if (!who || (rc = core_account_by_name(CORE(r), r->a, who, &person)))
		return ERR_NOTFOUND;
	if ((rc = core_org_staff_remove(CORE(r), WREQ(r)->viewer, org->id, person->id)))
		return rc;
	redirect_msg(r, arena_printf(r->a, "/admin/orgs/%s", org->username), "saved");
	return 0;
}

int h_admin_org_invite(struct http_req *r)
{
	struct account *org;
	int rc = managed_org(r, &org);
	if (rc)
		return rc;
	char *token;
	if ((rc = core_org_invite_create(CORE(r), r->a, WREQ(r)->viewer, org->id, &token)))
		return rc;
	char *link = arena_printf(r->a, "%s/register?invite=%s", WREQ(r)->w->base_url, token);
	return org_page(r, org, NULL, NULL, link, NULL, 0);
}

/* The site's privacy statement, and the default when none was written. */
static const char *privacy_default(struct http_req *r)
{
	return _r(r, "Op deze plek praten cliënten, naasten en zorgverleners met elkaar. Wij gaan zorgvuldig om met "
	             "uw gegevens.\n\n"
	             "Welke gegevens bewaren we? Uw gebruikersnaam, uw naam, wat u over uzelf schrijft, uw berichten "
	             "en foto's, wie u volgt, en uw instellingen. Uw wachtwoord bewaren we alleen versleuteld.\n\n"
	             "Waarom? Alleen om deze plek te laten werken: zodat u berichten kunt lezen en schrijven en "
	             "contact kunt houden met de mensen en organisaties die u kiest. We verkopen niets en tonen geen "
	             "reclame.\n\n"
	             "Wie ziet wat? U kiest per bericht wie het mag lezen: iedereen, uw volgers, of alleen de mensen "
	             "die u noemt. Berichten in een besloten kring lezen alleen de leden. Beheerders kunnen gegevens "
	             "inzien als dat nodig is om misbruik te stoppen.\n\n"
	             "De privacybewaker leest uw tekst voordat die geplaatst wordt. Hij zoekt naar gegevens van "
	             "cliënten, zoals een burgerservicenummer of een geboortedatum, en waarschuwt u. Zo blijft "
	             "privé ook privé.\n\n"
	             "Uw rechten: u mag uw gegevens inzien, laten verbeteren en laten verwijderen. Vraag het aan de "
	             "beheerder van deze plek. Een organisatie op deze plek heeft haar eigen privacyverklaring op "
	             "haar pagina.");
}

int h_privacy(struct http_req *r)
{
	const char *text = NULL;
	if (core_privacy_get(CORE(r), r->a, &text))
		return ERR_DB; /* not the default text as if it were this site's */
	struct tval *m = page_model(r, _r(r, "Privacyverklaring"));
	tv_set_str(r->a, m, "text", text ? text : privacy_default(r));
	return page_render(r, "privacy", m);
}

int h_admin_privacy(struct http_req *r)
{
	int rc;
	const char *text = http_form(r, "privacy");
	rc = core_privacy_set(CORE(r), WREQ(r)->viewer, text ? text : "");
	if (rc == ERR_INVAL) {
		admin_page(r, NULL, NULL, _r(r, "De privacyverklaring is te lang of bevat tekens die we niet kunnen opslaan."));
		r->status = 400;
		return 0;
	}
	if (rc)
		return rc;
	redirect_msg(r, "/privacy", "saved");
	return 0;
}

/* The guard's types and verdicts in words (the policy page and its log). */
static const char *const type_labels[SCAN_NTYPES] = {
	[SCAN_BSN] = N_("Burgerservicenummer (BSN)"),
	[SCAN_PHONE] = N_("Telefoonnummer"),
	[SCAN_EMAIL] = N_("E-mailadres"),
	[SCAN_IBAN] = N_("Bankrekeningnummer (IBAN)"),
	[SCAN_ADDRESS] = N_("Adres"),
	[SCAN_DATE_OF_BIRTH] = N_("Geboortedatum"),
	[SCAN_PATIENT_NUMBER] = N_("Patiëntnummer of cliëntnummer"),
	[SCAN_NAME] = N_("Naam van een persoon"),
	[SCAN_HEALTH] = N_("Gegevens over gezondheid"),
	[SCAN_ROOM] = N_("Kamernummer"),
};

static const char *type_label(struct http_req *r, const char *name)
{
	for (int t = 0; t < SCAN_NTYPES; t++)
		if (!strcmp(name, scan_type_name((enum scan_type)t)))
			return type_labels[t] ? _r(r, type_labels[t]) : name;
	return name;
}

/* "warn" + "name,phone (note)" → "Waarschuwing: Naam van een persoon, Telefoonnummer (note)". */
static const char *log_found(struct http_req *r, const char *verdict, const char *types)
{
	struct buf b = BUF_INIT(256);
	buf_nofail(buf_adds(&b, !strcmp(verdict, "block") ? _r(r, "Tegengehouden") : !strcmp(verdict, "warn") ? _r(r, "Waarschuwing")
	                                                                                                       : verdict));
	buf_nofail(buf_adds(&b, ": "));
	char *t = arena_strdup(r->a, types ? types : "");
	char *rest = strchr(t, ' ');
	if (rest)
		*rest++ = '\0';
	bool first = true;
	for (char *save = NULL, *w = strtok_r(t, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		/* a line on the guard log page: past 256 bytes the rest is left out */
		IGNORE_RESULT(buf_addf(&b, "%s%s", first ? "" : ", ", type_label(r, w)));
		first = false;
	}
	/* Where, beside a post's text: " (note) (media description)". */
	static const char *const parts[][2] = {
		{"display_name", N_("naam")},
		{"note", N_("over mij")},
		{"profession", N_("beroep")},
		{"expertise", N_("deskundig in")},
		{"languages", N_("talen")},
		{"region", N_("regio")},
		{"hours", N_("openingstijden")},
		{"privacy", N_("privacyverklaring")},
		{"spoiler_text", N_("waarschuwing vooraf")},
		{"media description", N_("beschrijving van een foto")},
		{"poll option", N_("keuze in een peiling")},
		{"description", N_("beschrijving")},
		{"rules", N_("huisregels")},
		{"name", N_("naam")},
	};
	while (rest && *rest == '(') {
		char *end = strchr(rest, ')');
		if (!end)
			break;
		*end = '\0';
		const char *w = rest + 1;
		for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
			if (!strcmp(w, parts[i][0]))
				w = _r(r, parts[i][1]);
		IGNORE_RESULT(buf_addf(&b, " (%s)", w));
		rest = end + 1;
		while (*rest == ' ')
			rest++;
	}
	if (rest && *rest)
		IGNORE_RESULT(buf_addf(&b, " %s", rest));
	const char *out = arena_strdup(r->a, b.ptr);
	buf_release(&b);
	return out;
}

/* An organisation's privacy-guard policy, think time and the log of overrides. */
static int policy_page(struct http_req *r, struct account *org, const char *error)
{
	struct guard_policy gp;
	int rc = core_guard_policy_get(CORE(r), org->id, &gp);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Richtlijnen en privacybewaker"));
	tv_set(m, "org", account_model(r, org));
	tv_set_bool(r->a, m, "alt_required", core_media_alt_required(CORE(r), org->id));
	if (error)
		tv_set_str(r->a, m, "error", error);
	bool en = WREQ(r)->lang && !strcmp(WREQ(r)->lang, "en");
	struct tval *types = tv_list(r->a);
	for (int t = 0; t < SCAN_NTYPES; t++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", scan_type_name((enum scan_type)t));
		tv_set_str(r->a, x, "label", _r(r, type_labels[t]));
		tv_set_str(r->a, x, "default_label",
		           t == SCAN_HEALTH ? _r(r, "standaard: waarschuwen, tegenhouden als het over een bepaalde persoon gaat")
		           : scan_type_default((enum scan_type)t) == SCAN_BLOCK ? _r(r, "standaard: tegenhouden")
		                                                                : _r(r, "standaard: waarschuwen"));
		tv_set_str(r->a, x, "why", en ? scan_type_explain_en((enum scan_type)t) : scan_type_explain_nl((enum scan_type)t));
		tv_set_bool(r->a, x, "act_default", gp.action[t] == SCAN_ACT_DEFAULT);
		tv_set_bool(r->a, x, "act_off", gp.action[t] == SCAN_ACT_OFF);
		tv_set_bool(r->a, x, "act_warn", gp.action[t] == SCAN_ACT_WARN);
		tv_set_bool(r->a, x, "act_block", gp.action[t] == SCAN_ACT_BLOCK);
		tv_push(types, x);
	}
	/* Faces in photos and videos: a row of the same table (core: guard_policy.faces). */
	struct tval *fx = tv_obj(r->a);
	tv_set_str(r->a, fx, "name", "faces");
	tv_set_str(r->a, fx, "label", _r(r, "Gezichten op foto's en video's"));
	tv_set_str(r->a, fx, "default_label", _r(r, "standaard: waarschuwen"));
	tv_set_str(r->a, fx, "why", _r(r, "Staat er iemand herkenbaar op een foto of video? Dan vragen we of iedereen het goed vindt. Gezichten die de schrijver onherkenbaar liet maken, tellen niet."));
	tv_set_bool(r->a, fx, "act_default", gp.faces == SCAN_ACT_DEFAULT);
	tv_set_bool(r->a, fx, "act_off", gp.faces == SCAN_ACT_OFF);
	tv_set_bool(r->a, fx, "act_warn", gp.faces == SCAN_ACT_WARN);
	tv_set_bool(r->a, fx, "act_block", gp.faces == SCAN_ACT_BLOCK);
	tv_push(types, fx);
	tv_set(m, "types", types);
	tv_set_str(r->a, m, "ignore", arena_strdup(r->a, gp.ignore));
	tv_set_bool(r->a, m, "allow_override", gp.allow_override);
	tv_set_int(r->a, m, "hold_seconds", gp.hold_seconds);
	const char *gl = "";
	if ((rc = core_guidelines_get(CORE(r), r->a, org->id, &gl)))
		return rc;
	tv_set_str(r->a, m, "guidelines", gl);
	struct guard_log_row *log;
	size_t n;
	if (!core_org_guard_log(CORE(r), r->a, WREQ(r)->viewer, org->id, &log, &n)) {
		struct tval *l = tv_list(r->a);
		for (size_t i = 0; i < n; i++) {
			struct tval *x = tv_obj(r->a);
			struct account *w;
			tv_set_str(r->a, x, "time", fmt_time(r, log[i].created_at));
			if (!core_account_get(CORE(r), r->a, log[i].writer_id, &w))
				tv_set(x, "writer", account_model(r, w));
			tv_set_str(r->a, x, "found", log_found(r, log[i].verdict, log[i].types));
			if (log[i].post_id) /* 0: a profile, group or avatar text, not a post */
				tv_set_strf(r->a, x, "post_url", "/posts/%llu", (unsigned long long)log[i].post_id);
			tv_push(l, x);
		}
		tv_set(m, "log", l);
		tv_set_bool(r->a, m, "log_empty", n == 0);
	}
	struct post **said;
	size_t ns;
	if (!core_org_audit(CORE(r), r->a, WREQ(r)->viewer, org->id, &said, &ns)) {
		static const char *kinds[] = {N_("openbaar"), N_("alleen volgers"), N_("privébericht")};
		struct tval *l = tv_list(r->a);
		for (size_t i = 0; i < ns; i++) {
			struct tval *x = tv_obj(r->a);
			struct account *w;
			tv_set_str(r->a, x, "time", fmt_time(r, said[i]->created_at));
			if (!core_account_get(CORE(r), r->a, said[i]->writer_id, &w))
				tv_set(x, "writer", account_model(r, w));
			int k = said[i]->visibility >= 0 && said[i]->visibility <= 2 ? said[i]->visibility : 0;
			tv_set_str(r->a, x, "kind", said[i]->group_id ? _r(r, "in een kring") : _r(r, kinds[k]));
			tv_set_bool(r->a, x, "reply", said[i]->in_reply_to != 0);
			tv_set_bool(r->a, x, "deleted", said[i]->deleted);
			tv_set_strf(r->a, x, "url", "/posts/%llu", (unsigned long long)said[i]->id);
			tv_push(l, x);
		}
		tv_set(m, "said", l);
		tv_set_bool(r->a, m, "said_empty", ns == 0);
	}
	rc = page_render(r, "admin_policy", m);
	if (error)
		r->status = 400;
	return rc;
}

static int load_org(struct http_req *r, struct account **org)
{
	int rc = target(r, org);
	if (rc)
		return rc;
	return (*org)->kind == ACCOUNT_ORG ? 0 : ERR_NOTFOUND;
}

int h_admin_policy_form(struct http_req *r)
{
	struct account *org;
	int rc = load_org(r, &org);
	return rc ? rc : policy_page(r, org, NULL);
}

int h_admin_policy(struct http_req *r)
{
	struct account *org;
	int rc = load_org(r, &org);
	if (rc)
		return rc;
	struct guard_policy gp;
	memset(&gp, 0, sizeof gp);
	for (int t = 0; t < SCAN_NTYPES; t++) {
		const char *v = http_form(r, scan_type_name((enum scan_type)t));
		if (!v || !strcmp(v, "default"))
			gp.action[t] = SCAN_ACT_DEFAULT;
		else if (!strcmp(v, "off"))
			gp.action[t] = SCAN_ACT_OFF;
		else if (!strcmp(v, "warn"))
			gp.action[t] = SCAN_ACT_WARN;
		else if (!strcmp(v, "block"))
			gp.action[t] = SCAN_ACT_BLOCK;
		else
			return ERR_INVAL;
	}
	const char *fv = http_form(r, "faces");
	gp.faces = !fv || !strcmp(fv, "default") ? SCAN_ACT_DEFAULT
	         : !strcmp(fv, "off")            ? SCAN_ACT_OFF
	         : !strcmp(fv, "warn")           ? SCAN_ACT_WARN
	         : !strcmp(fv, "block")          ? SCAN_ACT_BLOCK
	                                         : (enum scan_action)-1;
	if ((int)gp.faces == -1)
		return ERR_INVAL;
	const char *ignore = http_form(r, "ignore");
	if (ignore && strlen(ignore) >= sizeof gp.ignore)
		return policy_page(r, org, _r(r, "De lijst met eigen gegevens is te lang."));
	snprintf(gp.ignore, sizeof gp.ignore, "%s", ignore ? ignore : "");
	gp.allow_override = http_form(r, "allow_override") != NULL;
	const char *hold = http_form(r, "hold_seconds");
	uint64_t hv = CORE_ORG_HOLD_DEFAULT;
	if (hold && (!parse_u64(hold, &hv) || hv > CORE_HOLD_MAX))
		return policy_page(r, org, _r(r, "Kies een bedenktijd van 0 tot 600 seconden."));
	gp.hold_seconds = (int)hv;
	const char *gl = http_form(r, "guidelines"), *old = "";
	if (core_guidelines_get(CORE(r), r->a, org->id, &old))
		return ERR_DB; /* read as empty, every staff member would have to accept them again */
	/* Changing the guidelines asks every staff member to accept them again. */
	if (gl && strcmp(gl, old) && core_guidelines_set(CORE(r), org->id, gl))
		return policy_page(r, org, _r(r, "Dit kunnen we niet opslaan. Gebruik gewone tekst."));
	if ((rc = core_guard_policy_set(CORE(r), org->id, &gp)) == ERR_INVAL)
		return policy_page(r, org, _r(r, "Dit kunnen we niet opslaan. Gebruik gewone tekst."));
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/admin/orgs/%s/policy", org->username), "saved");
	return 0;
}
