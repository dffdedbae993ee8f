/*
 * Campaigns (issue 20): which of an organisation's posts belong to one (its
 * tag, or a link to its address, written in its period) and how far it is
 * toward its goal, from the per-post reach and click numbers (core/reach.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/campaign.h"
#include "core/core_int.h"
#include "core/reach.h"
#include "store/store_campaign.h"
#include "store/store_reach.h"

/* "YYYY-MM-DD" as days since 1970 (checked: a real date). */
bool core_parse_day(const char *s, int64_t *days)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	*days = biz_days_from_civil(y, m, d);
	int yy, mm, dd;
	biz_civil_from_days(*days, &yy, &mm, &dd);
	return yy == y && mm == m && dd == d; /* not 31 February */
}

/* The moment Amsterdam's day begins (local midnight, as UTC). */
int64_t core_day_start(int64_t days)
{
	int64_t t = days * 86400;
	/* DST changes at 01:00 UTC, never near local midnight. */
	return t - biz_amsterdam_offset(t - 7200);
}

static bool link_ok(const char *s)
{
	size_t n = strlen(s);
	if (n > CORE_CAMPAIGN_LINK_MAX || (strncmp(s, "https://", 8) && strncmp(s, "http://", 7)))
		return false;
	const char *host = s + (s[4] == 's' ? 8 : 7);
	if (!*host || *host == '/')
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>')
			return false;
	return true;
}

enum campaign_problem core_campaign_check(struct arena *a, const struct campaign_input *in, struct campaign *out)
{
	memset(out, 0, sizeof *out);
	if (!in->name || text_check(in->name, strlen(in->name), CORE_CAMPAIGN_NAME_MAX) || text_blank(in->name) ||
	    strpbrk(in->name, "\r\n"))
		return CAMPAIGN_NAME;
	out->name = in->name;
	const char *by = in->by ? in->by : "";
	while (*by == ' ')
		by++;
	if (!strncmp(by, "http://", 7) || !strncmp(by, "https://", 8)) {
		if (!link_ok(by))
			return CAMPAIGN_BY;
		out->link = by;
		out->tag = "";
	} else {
		/* A tag exactly as posts carry it (text_tags: lower case). */
		const char *tags[2];
		const char *t = *by == '#' ? by : arena_printf(a, "#%s", by);
		if (text_check(t, strlen(t), 101) || text_tags(a, t, tags, 2) != 1 ||
		    strcasecmp(tags[0], t + 1) != 0)
			return CAMPAIGN_BY;
		out->tag = tags[0];
		out->link = "";
	}
	if (in->goal_kind < CAMPAIGN_REACH || in->goal_kind > CAMPAIGN_APPLICATIONS)
		return CAMPAIGN_GOAL;
	out->goal_kind = in->goal_kind;
	char *end = NULL;
	long long g = in->goal ? strtoll(in->goal, &end, 10) : 0;
	if (!in->goal || end == in->goal || *end || g < 1 || g > 100000000)
		return CAMPAIGN_GOAL;
	out->goal = g;
	int64_t d0, d1;
	if (!core_parse_day(in->starts, &d0) || !core_parse_day(in->ends, &d1) || d1 < d0 || d1 - d0 >= CORE_CAMPAIGN_DAYS_MAX)
		return CAMPAIGN_PERIOD;
	out->starts_at = core_day_start(d0);
	out->ends_at = core_day_start(d1 + 1);
	return CAMPAIGN_OK;
}

/* viewer speaks for org (its staff, not the organisation itself). */
static bool staff_of(struct core *c, uint64_t viewer, uint64_t org)
{
	return viewer && viewer != org && core_may_post_as(c, viewer, org);
}

int core_campaign_create(struct core *c, struct arena *a, uint64_t viewer, const struct campaign_input *in,
                         uint64_t *id)
{
	if (!viewer)
		return ERR_AUTH;
	if (!staff_of(c, viewer, in->org))
		return ERR_FORBIDDEN;
	struct campaign cp;
	if (core_campaign_check(a, in, &cp) != CAMPAIGN_OK)
		return ERR_INVAL;
	cp.id = id_new();
	cp.org_id = in->org;
	cp.created_by = viewer;
	cp.created_at = time_now();
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	rc = store_campaign_insert(c->store, &cp);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	*id = cp.id;
	return 0;
}

int core_campaigns(struct core *c, struct arena *a, uint64_t viewer, struct campaign **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!viewer)
		return ERR_AUTH;
	struct account **orgs;
	size_t no = 0;
	int rc = core_post_as_orgs(c, a, viewer, &orgs, &no);
	if (rc || !no)
		return rc;
	uint64_t *ids = arena_alloc(a, no * sizeof *ids);
	for (size_t i = 0; i < no; i++)
		ids[i] = orgs[i]->id;
	return store_campaigns(c->store, a, ids, no, CORE_CAMPAIGNS_MAX, out, n);
}

static bool has_tag(struct arena *a, const struct post *p, const char *tag)
{
	const char *tags[CORE_MAX_TAGS];
	size_t n = text_tags(a, p->text, tags, CORE_MAX_TAGS);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(tags[i], tag))
			return true;
	return false;
}

static bool has_link(struct arena *a, const struct post *p, const char *prefix)
{
	size_t n = strlen(prefix);
	for (int k = 0; k < 100; k++) {
		const char *u = post_link_at(a, p, k);
		if (!u)
			return false;
		if (!strncmp(u, prefix, n))
			return true;
	}
	return false;
}

static int64_t counted(int64_t v)
{
	return v < CORE_COUNT_FLOOR ? 0 : v;
}

int core_campaign_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct campaign **out,
                      struct campaign_progress *pr)
{
	memset(pr, 0, sizeof *pr);
	if (!viewer)
		return ERR_AUTH;
	struct campaign *cp;
	int rc = store_campaign_get(c->store, a, id, &cp);
	if (rc)
		return rc;
	if (!staff_of(c, viewer, cp->org_id))
		return ERR_NOTFOUND; /* to others it does not exist */
	*out = cp;
	uint64_t *ids;
	size_t n;
	if ((rc = store_campaign_post_ids(c->store, a, cp->org_id, cp->starts_at, cp->ends_at, CORE_CAMPAIGN_POSTS,
	                                  &ids, &n, &pr->truncated)))
		return rc;
	if (!n)
		return 0;
	struct post **posts = arena_alloc(a, n * sizeof *posts);
	bool *vac = arena_alloc(a, n);
	if ((rc = core_posts_by_id(c, a, viewer, ids, n, posts)) || (rc = store_vacancy_flags(c->store, ids, n, vac)))
		return rc;
	/* The views noted so far count too. */
	IGNORE_RESULT(core_reach_flush(c)); /* failing, the numbers are a few seconds behind */
	pr->v = arena_alloc(a, n * sizeof *pr->v);
	for (size_t i = 0; i < n; i++) {
		struct post *p = posts[i];
		if (!p || !(*cp->tag ? has_tag(a, p, cp->tag) : has_link(a, p, cp->link)))
			continue;
		struct campaign_post *x = &pr->v[pr->n++];
		x->post = p;
		x->vacancy = vac[i];
		if ((rc = store_reach_count(c->store, p->id, &x->reach)) ||
		    (rc = store_link_clicks(c->store, p->id, &x->clicks)))
			return rc;
		pr->reach += counted(x->reach);
		pr->clicks += counted(x->clicks);
		if (x->vacancy)
			pr->applications += counted(x->clicks);
	}
	pr->value = cp->goal_kind == CAMPAIGN_CLICKS         ? pr->clicks
	            : cp->goal_kind == CAMPAIGN_APPLICATIONS ? pr->applications
	                                                     : pr->reach;
	int64_t pc = cp->goal > 0 ? pr->value * 100 / cp->goal : 0;
	pr->percent = (int)(pc > 100 ? 100 : pc);
	return 0;
}
