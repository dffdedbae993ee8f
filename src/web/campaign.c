/* Campaigns (issue 20, docs/measure.md): the organisation's staff start one
 * (name, tag or link, goal, period) and follow its progress: an SVG bar
 * with the numbers beside it, the posts with their numbers, a CSV.  The
 * rules are core's (core/campaign.c). */
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/bizhours.h"
#include "base/err.h"
#include "base/text.h"
#include "core/campaign.h"
#include "core/core.h"
#include "core/measure.h"
#include "web/web_int.h"

static const char *form_text(struct http_req *r, const char *name)
{
	const char *s = http_form(r, name);
	return s ? str_trim(arena_strdup(r->a, s)) : NULL;
}

static const char *goal_word(struct http_req *r, int kind)
{
	switch (kind) {
	case CAMPAIGN_CLICKS: return _r(r, "klikken");
	case CAMPAIGN_APPLICATIONS: return _r(r, "sollicitaties");
	default: return _r(r, "bereik");
	}
}

/* A count as shown: below 5 not as a number. */
static const char *shown(struct http_req *r, int64_t v)
{
	return v < CORE_COUNT_FLOOR ? _r(r, "minder dan 5") : arena_printf(r->a, "%lld", (long long)v);
}

/* The Amsterdam day t falls on, as "1-12-2026". */
static const char *day_of(struct http_req *r, int64_t t)
{
	int y, m, d;
	biz_civil_from_days(biz_amsterdam_day(t), &y, &m, &d);
	return arena_printf(r->a, "%d-%d-%d", d, m, y);
}

/* The same, as a date field's value "2026-12-01". */
static const char *iso_day(struct http_req *r, int64_t t)
{
	int y, m, d;
	biz_civil_from_days(biz_amsterdam_day(t), &y, &m, &d);
	return arena_printf(r->a, "%04d-%02d-%02d", y, m, d);
}

/* The goal kind as the form sends it; -1 when it is none of them. */
static int goal_kind_of(const char *gk)
{
	return gk && !strcmp(gk, "clicks")         ? CAMPAIGN_CLICKS
	       : gk && !strcmp(gk, "applications") ? CAMPAIGN_APPLICATIONS
	       : gk && !strcmp(gk, "reach")        ? CAMPAIGN_REACH
	                                           : -1;
}

/* The fields of the new and the change form as typed (a refused form
 * comes back with them, templates/campaign_fields.html); the goal kind. */
static int typed_fields(struct http_req *r, struct tval *m)
{
	static const char *const keep[] = {"name", "by", "goal", "starts", "ends"};
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		const char *s = http_form(r, keep[i]);
		tv_set_str(r->a, m, arena_printf(r->a, "f_%s", keep[i]), s ? s : "");
	}
	return goal_kind_of(http_form(r, "goal_kind"));
}

/* The goal kind chosen on the form (reach when none is). */
static void kind_model(struct http_req *r, struct tval *m, int kind)
{
	tv_set_bool(r->a, m, kind == CAMPAIGN_CLICKS         ? "kind_clicks"
	                     : kind == CAMPAIGN_APPLICATIONS ? "kind_applications"
	                                                     : "kind_reach",
	            true);
}

static int list_page(struct http_req *r, const char *error, const char *field)
{
	struct wreq *q = WREQ(r);
	struct account **orgs;
	size_t no = 0;
	int rc = core_post_as_orgs(CORE(r), r->a, q->viewer, &orgs, &no);
	if (rc)
		return rc;
	if (!no)
		return ERR_FORBIDDEN;
	struct campaign *v;
	size_t n;
	if ((rc = core_campaigns(CORE(r), r->a, q->viewer, &v, &n)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Campagnes"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_strf(r->a, x, "url", "/campagnes/%llu", (unsigned long long)v[i].id);
		tv_set_str(r->a, x, "name", v[i].name);
		tv_set_str(r->a, x, "by", *v[i].tag ? arena_printf(r->a, "#%s", v[i].tag) : v[i].link);
		tv_set_strf(r->a, x, "goal", "%lld %s", (long long)v[i].goal, goal_word(r, v[i].goal_kind));
		tv_push(l, x);
	}
	tv_set(m, "campaigns", l);
	tv_set_bool(r->a, m, "none", n == 0);
	struct tval *as = tv_list(r->a);
	uint64_t chosen = 0;
	const char *cs = http_form(r, "as");
	if (cs && !parse_u64(cs, &chosen))
		chosen = 0;
	for (size_t i = 0; i < no; i++) {
		struct tval *x = account_model(r, orgs[i]);
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)orgs[i]->id);
		tv_set_bool(r->a, x, "selected", orgs[i]->id == chosen);
		tv_push(as, x);
	}
	tv_set(m, "as", as);
	kind_model(r, m, typed_fields(r, m));
	tv_set_str(r->a, m, "err_id", "campaign-new-error");
	form_error(r, m, error, field);
	return page_render(r, "campaigns", m);
}

int h_campaigns(struct http_req *r)
{
	return list_page(r, NULL, NULL);
}

/* The fields of the new-campaign and the change form (the same names). */
static void form_input(struct http_req *r, struct campaign_input *in)
{
	*in = (struct campaign_input){
	        .name = form_text(r, "name"),
	        .by = form_text(r, "by"),
	        .goal = form_text(r, "goal"),
	        .starts = form_text(r, "starts"),
	        .ends = form_text(r, "ends"),
	        .goal_kind = goal_kind_of(http_form(r, "goal_kind")),
	};
}

/* What is wrong, in words, and the field to mark (NULL when nothing is). */
static const char *problem_text(struct http_req *r, enum campaign_problem p, const char **field)
{
	switch (p) {
	case CAMPAIGN_OK: break;
	case CAMPAIGN_NAME:
		*field = "name";
		return _r(r, "Geef de campagne een naam (één regel, hoogstens 100 tekens).");
	case CAMPAIGN_BY:
		*field = "by";
		return _r(r, "Vul een hashtag in (zoals #werkenbijons) of een link die begint met https://.");
	case CAMPAIGN_GOAL: *field = "goal"; return _r(r, "Vul als doel een heel getal in, groter dan 0.");
	case CAMPAIGN_PERIOD:
		*field = "period";
		return _r(r, "Vul een begin- en einddatum in. De einddatum ligt niet voor het begin. Een campagne duurt hoogstens een jaar.");
	}
	return NULL;
}

int h_campaign_create(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct campaign_input in;
	form_input(r, &in);
	const char *as = http_form(r, "as");
	if (!as || !parse_u64(as, &in.org))
		return list_page(r, _r(r, "Kies de organisatie."), NULL);
	struct campaign cp;
	const char *field = NULL;
	const char *problem = problem_text(r, core_campaign_check(r->a, &in, &cp), &field);
	if (problem)
		return list_page(r, problem, field);
	uint64_t id;
	int rc = core_campaign_create(CORE(r), r->a, q->viewer, &in, &id);
	if (rc == ERR_INVAL)
		return list_page(r, _r(r, "Controleer de campagne."), NULL);
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/campagnes/%llu", (unsigned long long)id), "saved");
	return 0;
}

static int load(struct http_req *r, struct campaign **cp, struct campaign_progress *pr)
{
	uint64_t id;
	const char *s = http_param(r, "id");
	if (!s || !parse_u64(s, &id))
		return ERR_NOTFOUND;
	return core_campaign_get(CORE(r), r->a, WREQ(r)->viewer, id, cp, pr);
}

/* The first words of a post, for a table row. */
static const char *excerpt(struct http_req *r, const char *text)
{
	size_t n = strlen(text), k = 0, chars = 0;
	while (k < n && chars < 60) {
		if (text[k] == '\n')
			break;
		k++;
		while (k < n && ((unsigned char)text[k] & 0xC0) == 0x80)
			k++;
		chars++;
	}
	const char *s = arena_strndup(r->a, text, k);
	return k < n ? arena_printf(r->a, "%s…", s) : s;
}

/* The change form: the campaign's values, or after a refused change what
 * was typed (typed). */
static void edit_model(struct http_req *r, struct tval *m, const struct campaign *cp, bool typed)
{
	tv_set_strf(r->a, m, "edit_url", "/campagnes/%llu", (unsigned long long)cp->id);
	tv_set_strf(r->a, m, "delete_url", "/campagnes/%llu/verwijderen", (unsigned long long)cp->id);
	tv_set_str(r->a, m, "err_id", "campaign-edit-error");
	int kind = cp->goal_kind;
	if (typed) {
		kind = typed_fields(r, m);
	} else {
		tv_set_str(r->a, m, "f_name", cp->name);
		tv_set_str(r->a, m, "f_by", *cp->tag ? arena_printf(r->a, "#%s", cp->tag) : cp->link);
		tv_set_strf(r->a, m, "f_goal", "%lld", (long long)cp->goal);
		tv_set_str(r->a, m, "f_starts", iso_day(r, cp->starts_at));
		tv_set_str(r->a, m, "f_ends", iso_day(r, cp->ends_at - 1)); /* the last day, included */
	}
	kind_model(r, m, kind);
}

/* The campaign's page; with error (a refused change or delete, field
 * marked) the forms keep what was typed. */
static int campaign_page(struct http_req *r, const char *error, const char *field)
{
	struct campaign *cp;
	struct campaign_progress pr;
	int rc = load(r, &cp, &pr);
	if (rc)
		return rc;
	struct tval *m = page_model(r, cp->name);
	tv_set_str(r->a, m, "name", cp->name);
	tv_set_str(r->a, m, "by", *cp->tag ? arena_printf(r->a, "#%s", cp->tag) : cp->link);
	tv_set_bool(r->a, m, "by_tag", *cp->tag != '\0');
	tv_set_str(r->a, m, "starts", day_of(r, cp->starts_at));
	tv_set_str(r->a, m, "ends", day_of(r, cp->ends_at - 1)); /* the last day, included */
	tv_set_str(r->a, m, "goal_word", goal_word(r, cp->goal_kind));
	tv_set_strf(r->a, m, "goal", "%lld", (long long)cp->goal);
	tv_set_str(r->a, m, "value", shown(r, pr.value));
	tv_set_int(r->a, m, "percent", pr.percent);
	tv_set_str(r->a, m, "progress_text",
	           arena_printf(r->a, "%s %s %lld %s (%d %%)", shown(r, pr.value), _r(r, "van het doel van"),
	                        (long long)cp->goal, goal_word(r, cp->goal_kind), pr.percent));
	tv_set_str(r->a, m, "reach", shown(r, pr.reach));
	tv_set_str(r->a, m, "clicks", shown(r, pr.clicks));
	tv_set_str(r->a, m, "applications", shown(r, pr.applications));
	tv_set_strf(r->a, m, "csv_url", "/campagnes/%llu/cijfers.csv", (unsigned long long)cp->id);
	tv_set_bool(r->a, m, "truncated", pr.truncated);
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < pr.n; i++) {
		const struct campaign_post *x = &pr.v[i];
		struct tval *o = tv_obj(r->a);
		tv_set_strf(r->a, o, "url", "/posts/%llu", (unsigned long long)x->post->id);
		tv_set_str(r->a, o, "text", excerpt(r, x->post->text));
		tv_set_str(r->a, o, "when", fmt_time(r, x->post->created_at));
		tv_set_str(r->a, o, "reach", shown(r, x->reach));
		tv_set_str(r->a, o, "clicks", shown(r, x->clicks));
		tv_set_str(r->a, o, "applications", x->vacancy ? shown(r, x->clicks) : "–");
		tv_push(l, o);
	}
	tv_set(m, "posts", l);
	tv_set_bool(r->a, m, "no_posts", pr.n == 0);
	edit_model(r, m, cp, error != NULL);
	form_error(r, m, error, field);
	return page_render(r, "campaign", m);
}

int h_campaign(struct http_req *r)
{
	return campaign_page(r, NULL, NULL);
}

/* The staff change it (POST /campagnes/ID).  core decides who may: to
 * anyone else it does not exist (404), before any field is looked at. */
int h_campaign_update(struct http_req *r)
{
	uint64_t id;
	const char *s = http_param(r, "id");
	if (!s || !parse_u64(s, &id))
		return ERR_NOTFOUND;
	struct campaign_input in;
	form_input(r, &in);
	int rc = core_campaign_update(CORE(r), r->a, WREQ(r)->viewer, id, &in);
	if (rc == ERR_INVAL) {
		struct campaign cp;
		const char *field = NULL;
		const char *problem = problem_text(r, core_campaign_check(r->a, &in, &cp), &field);
		return campaign_page(r, problem ? problem : _r(r, "Controleer de campagne."), field);
	}
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/campagnes/%llu", (unsigned long long)id), "saved");
	return 0;
}

/* The staff delete it (POST /campagnes/ID/verwijderen, with the box
 * ticked); the posts stay. */
int h_campaign_delete(struct http_req *r)
{
	if (!http_form(r, "sure"))
		return campaign_page(r, _r(r, "Vink eerst aan dat u de campagne echt wilt verwijderen."), "sure");
	uint64_t id;
	const char *s = http_param(r, "id");
	if (!s || !parse_u64(s, &id))
		return ERR_NOTFOUND;
	int rc = core_campaign_delete(CORE(r), r->a, WREQ(r)->viewer, id);
	if (rc)
		return rc;
	redirect_msg(r, "/campagnes", "campaign_deleted");
	return 0;
}

/* A CSV field: quoted, quotes doubled; a leading = + - @ neutralised so a
 * spreadsheet does not run it as a formula. */
static void csv_field(struct buf *b, const char *s)
{
	buf_nofail(buf_addc(b, '"'));
	if (*s && strchr("=+-@", *s))
		buf_nofail(buf_addc(b, '\''));
	for (; *s; s++) {
		if (*s == '"')
			buf_nofail(buf_addc(b, '"'));
		buf_nofail(buf_addc(b, *s));
	}
	buf_nofail(buf_addc(b, '"'));
}

/* A count for the CSV: the number, or "<5". */
static void csv_count(struct buf *b, int64_t v)
{
	if (v < CORE_COUNT_FLOOR)
		buf_nofail(buf_adds(b, "<5"));
	else
		buf_nofail(buf_addf(b, "%lld", (long long)v));
}

int h_campaign_csv(struct http_req *r)
{
	struct campaign *cp;
	struct campaign_progress pr;
	int rc = load(r, &cp, &pr);
	if (rc)
		return rc;
	const char *base = WREQ(r)->w->base_url;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_adds(&b, "post,url,created_at,reach,clicks,applications\r\n"));
	for (size_t i = 0; i < pr.n; i++) {
		const struct campaign_post *x = &pr.v[i];
		buf_nofail(buf_addf(&b, "%llu,", (unsigned long long)x->post->id));
		csv_field(&b, arena_printf(r->a, "%s/posts/%llu", base, (unsigned long long)x->post->id));
		buf_nofail(buf_addf(&b, ",%lld,", (long long)x->post->created_at));
		csv_count(&b, x->reach);
		buf_nofail(buf_addc(&b, ','));
		csv_count(&b, x->clicks);
		buf_nofail(buf_addc(&b, ','));
		if (x->vacancy)
			csv_count(&b, x->clicks);
		buf_nofail(buf_adds(&b, "\r\n"));
	}
	buf_nofail(buf_adds(&b, "total,,,"));
	csv_count(&b, pr.reach);
	buf_nofail(buf_addc(&b, ','));
	csv_count(&b, pr.clicks);
	buf_nofail(buf_addc(&b, ','));
	csv_count(&b, pr.applications);
	buf_nofail(buf_adds(&b, "\r\n"));
	return csv_send(r, &b, arena_printf(r->a, "campagne-%llu.csv", (unsigned long long)cp->id));
}
