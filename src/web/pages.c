/* Timelines, threads, profiles, posting, notifications and search pages. */
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/match.h"
#include "web/web_int.h"

static int vis_from(const char *s);

/* Which accounts the viewer may post as, into m's post_as: themselves and
 * their organisations (as_default preselected, or for a draft coming back,
 * whom it was written as); nothing for people who speak for no organisation. */
static void post_as_model(struct http_req *r, struct tval *m, uint64_t as_default)
{
	struct wreq *q = WREQ(r);
	struct account **orgs;
	size_t n = 0;
	if (core_post_as_orgs(q->w->core, r->a, q->viewer, &orgs, &n) || !n)
		return;
	struct tval *as = tv_list(r->a);
	struct tval *self = tv_obj(r->a);
	tv_set_str(r->a, self, "username", q->me->username);
	tv_set_str(r->a, self, "display_name", q->me->display_name);
	tv_set_bool(r->a, self, "selected", false);
	tv_push(as, self);
	const char *was = q->draft ? http_form(r, "as") : NULL;
	for (size_t i = 0; i < n; i++) {
		struct tval *o = account_model(r, orgs[i]);
		tv_set_bool(r->a, o, "selected", was ? !strcmp(was, orgs[i]->username) : orgs[i]->id == as_default);
		tv_push(as, o);
	}
	tv_set(m, "post_as", as);
	tv_set_bool(r->a, m, "has_post_as", true);
}

static void compose_model(struct http_req *r, struct tval *m, uint64_t reply_to, int vis, uint64_t as_default)
{
	struct wreq *q = WREQ(r);
	struct tval *c = tv_obj(r->a);
	post_as_model(r, c, as_default);
	if (reply_to)
		tv_set_strf(r->a, c, "reply_to", "%llu", (unsigned long long)reply_to);
	if (q->draft) {
		int was = vis_from(http_form(r, "visibility"));
		if (was >= 0)
			vis = was;
		draft_model(r, c);
	}
	tv_set_bool(r->a, c, "vis_public", vis == VIS_PUBLIC);
	tv_set_bool(r->a, c, "vis_followers", vis == VIS_FOLLOWERS);
	tv_set_bool(r->a, c, "vis_direct", vis == VIS_DIRECT);
	tv_set_int(r->a, c, "max", CORE_POST_MAX_CHARS);
	tv_set(m, "compose", c);
}

static int timeline_page(struct http_req *r, struct tl_query *tq, const char *title, const char *base,
                         struct tval *m)
{
	struct wreq *q = WREQ(r);
	page_from_query(r, &tq->page);
	struct post **v;
	size_t n;
	uint64_t older, newer;
	int rc = core_timeline(q->w->core, r->a, q->viewer, tq, &v, &n, &older, &newer);
	if (rc)
		return rc;
	if (!m)
		m = page_model(r, title);
	tv_set(m, "posts", posts_model(r, v, n));
	tv_set_bool(r->a, m, "empty", n == 0);
	pager_model(r, m, base, older, newer);
	return page_render(r, "timeline", m);
}

int h_index(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	if (!q->viewer) {
		struct tval *m = page_model(r, _r(r, "Welkom"));
		struct site site;
		core_site_get(q->w->core, r->a, &site);
		tv_set_bool(r->a, m, "open_registration", site.open_registration);
		return page_render(r, "start", m);
	}
	struct tval *m = page_model(r, _r(r, "Start"));
	tv_set_str(r->a, m, "heading", _r(r, "Uw tijdlijn"));
	tv_set_bool(r->a, m, "tab_home", true);
	compose_model(r, m, 0, core_default_visibility(q->me), 0);
	struct tl_query tq = {.kind = TL_HOME};
	return timeline_page(r, &tq, NULL, "/", m);
}

int h_local(struct http_req *r)
{
	struct tval *m = page_model(r, _r(r, "Alle berichten"));
	tv_set_str(r->a, m, "heading", _r(r, "Alle berichten"));
	tv_set_str(r->a, m, "intro", _r(r, "Openbare berichten van alle mensen op deze plek, de nieuwste eerst."));
	tv_set_bool(r->a, m, "tab_local", true);
	struct tl_query tq = {.kind = TL_LOCAL, .filter.origin = TL_ONLY_LOCAL};
	return timeline_page(r, &tq, NULL, "/local", m);
}

int h_tag(struct http_req *r)
{
	/* Core's rule for a tag's name, so the page and the API agree on which exist. */
	const char *tag = core_tag_name(r->a, http_param(r, "tag"));
	if (!tag)
		return ERR_NOTFOUND;
	char *title = arena_printf(r->a, "#%s", tag);
	struct tval *m = page_model(r, title);
	tv_set_str(r->a, m, "heading", title);
	struct buf b = BUF_INIT(512);
	buf_nofail(buf_adds(&b, "/tags/"));
	url_encode(&b, tag, strlen(tag));
	char *base = arena_strdup(r->a, b.ptr);
	buf_release(&b);
	struct tl_query tq = {.kind = TL_TAG, .tag = tag};
	return timeline_page(r, &tq, NULL, base, m);
}

static int load_account(struct http_req *r, struct account **acc)
{
	const char *name = http_param(r, "name");
	if (!name)
		return ERR_NOTFOUND;
	return core_account_by_name(CORE(r), r->a, name, acc);
}

int h_profile(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *acc;
	int rc = load_account(r, &acc);
	if (rc)
		return rc;
	if (core_account_hidden(q->w->core, q->viewer, acc))
		return ERR_NOTFOUND;
	struct tval *m = page_model(r, acc->display_name[0] ? acc->display_name : acc->username);
	IGNORE_RESULT(core_account_counts(q->w->core, acc)); /* counts unread stay 0 */
	tv_set(m, "profile", account_model(r, acc));
	fed_profile_model(r, m, acc); /* another server's account: where it lives */
	struct tval *crisis = webcare_crisis_banner(r, acc); /* an organisation in crisis mode */
	if (crisis)
		tv_set(m, "crisis", crisis);
	amb_badge_model(r, m, acc); /* an ambassador's thank-you (web/ambassador.c) */
	/* A care worker's introduction and way of working, as on the choosing
	 * pages (core/match.c): written to be read by anyone looking for care. */
	struct pro_profile pro;
	if (acc->kind == ACCOUNT_PERSON && acc->person_type == PERSON_PROFESSIONAL &&
	    core_pro_profile_get(q->w->core, r->a, acc->id, &pro) == 0 &&
	    ((pro.intro && pro.intro[0]) || (pro.approach && pro.approach[0]))) {
		struct tval *p = tv_obj(r->a);
		tv_set_str(r->a, p, "intro", pro.intro ? pro.intro : "");
		tv_set_str(r->a, p, "approach", pro.approach ? pro.approach : "");
		tv_set_bool(r->a, p, "taking_new", pro.taking_new);
		tv_set(m, "pro", p);
	}
	struct relation rel;
	if ((rc = core_relation(q->w->core, q->viewer, acc->id, &rel)))
		return rc;
	tv_set_bool(r->a, m, "is_me", q->viewer == acc->id);
	tv_set_bool(r->a, m, "can_follow", q->viewer && q->viewer != acc->id);
	tv_set_bool(r->a, m, "following", rel.following);
	tv_set_bool(r->a, m, "requested", rel.requested);
	tv_set_bool(r->a, m, "followed_by", rel.followed_by);
	tv_set_bool(r->a, m, "blocking", rel.blocking);
	tv_set_bool(r->a, m, "muting", rel.muting);
	if (q->viewer && q->viewer != acc->id && core_reset_may(q->w->core, r->a, q->viewer, acc))
		tv_set_str(r->a, m, "reset_action", arena_printf(r->a, "/@%s/reset", acc->username));
	/* Each action its own confirmation, naming the person. */
	const char *msg = http_query(r, "msg");
	if (msg && !strcmp(msg, "following") && rel.following)
		tv_set_str(r->a, m, "notice",
		           arena_printf(r->a, "%s %s.", _r(r, "U volgt nu"),
		                        acc->display_name[0] ? acc->display_name : acc->username));
	if (acc->kind == ACCOUNT_ORG) {
		struct org_profile op;
		if ((rc = core_org_profile_get(q->w->core, r->a, acc->id, &op)))
			return rc;
		if (*op.address || *op.phone || *op.hours || *op.website) {
			struct tval *d = tv_obj(r->a);
			tv_set_str(r->a, d, "address", op.address);
			tv_set_str(r->a, d, "phone", op.phone);
			/* tel: keeps the + and the digits */
			char *tel = arena_strdup(r->a, op.phone), *t = tel;
			for (const char *p = op.phone; *p; p++)
				if ((*p >= '0' && *p <= '9') || *p == '+')
					*t++ = *p;
			*t = '\0';
			tv_set_str(r->a, d, "tel", tel);
			tv_set_str(r->a, d, "hours", op.hours);
			tv_set_str(r->a, d, "website", op.website);
			tv_set(m, "org_details", d);
		}
		if (*op.privacy)
			tv_set_str(r->a, m, "org_privacy", op.privacy);
		tv_set_bool(r->a, m, "can_manage", core_org_may_manage(q->w->core, q->viewer, acc->id));
		/* Its staff: the measuring pages (issue 20), else reached only by address. */
		tv_set_bool(r->a, m, "org_staff", q->viewer && core_may_post_as(q->w->core, q->viewer, acc->id));
		struct account **staff;
		size_t n;
		if (!core_org_staff(q->w->core, r->a, acc->id, &staff, &n)) {
			struct tval *l = tv_list(r->a);
			for (size_t i = 0; i < n; i++)
				tv_push(l, account_model(r, staff[i]));
			if (n)
				tv_set(m, "staff", l);
		}
	}
	consult_profile_model(r, m, acc->id);
	struct tl_query tq = {.kind = TL_PROFILE, .author = acc->id};
	page_from_query(r, &tq.page);
	struct post **v;
	size_t n;
	uint64_t older, newer;
	if ((rc = core_timeline(q->w->core, r->a, q->viewer, &tq, &v, &n, &older, &newer)))
		return rc;
	tv_set(m, "posts", posts_model(r, v, n));
	tv_set_bool(r->a, m, "empty", n == 0);
	pager_model(r, m, arena_printf(r->a, "/@%s", acc->username), older, newer);
	return page_render(r, "profile", m);
}

int h_people(struct http_req *r)
{
	struct account *acc;
	int rc = load_account(r, &acc);
	if (rc)
		return rc;
	bool following = strstr(r->path, "/following") != NULL;
	struct account **v = NULL;
	size_t n = 0;
	/* A hidden list is shown to its owner only; the API's rule too
	 * (core_followers, which leaves out whom the viewer may not see). */
	bool shown = core_collections_visible(WREQ(r)->viewer, acc);
	/* 40 a page, newest first, as the API's lists. */
	struct page pg;
	page_from_query(r, &pg);
	pg.limit = 40;
	uint64_t older, newer;
	if ((rc = core_followers(CORE(r), r->a, WREQ(r)->viewer, acc->id, following, &pg, &v, &n, &older, &newer)))
		return rc;
	const char *dn = acc->display_name[0] ? acc->display_name : acc->username;
	char *title = arena_printf(r->a, "%s: %s", following ? _r(r, "Volgt") : _r(r, "Volgers"), dn);
	struct tval *m = page_model(r, title);
	tv_set(m, "profile", account_model(r, acc));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, account_model(r, v[i]));
	tv_set(m, "people", l);
	tv_set_bool(r->a, m, "empty", tv_len(l) == 0 && shown);
	tv_set_bool(r->a, m, "hidden", !shown);
	/* "Volgende" when core knows of more (older), "Vorige" once past the
	 * first page: no links to an empty page. */
	bool full = n >= (size_t)pg.limit;
	pager_model(r, m, arena_printf(r->a, "/@%s/%s", acc->username, following ? "following" : "followers"), older,
	            pg.max_id || (pg.min_id && full) ? newer : 0);
	return page_render(r, "people", m);
}

int h_relation(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	struct account *acc;
	if ((rc = load_account(r, &acc)))
		return rc;
	const char *act = http_param(r, "action");
	int state = 0;
	const char *msg = "saved";
	if (!strcmp(act, "follow")) {
		rc = core_follow(q->w->core, q->viewer, acc->id, true, &state);
		msg = state == FOLLOW_REQUESTED ? "requested" : "following";
	} else if (!strcmp(act, "unfollow")) {
		rc = core_follow(q->w->core, q->viewer, acc->id, false, &state);
		msg = "unfollowed";
	} else if (!strcmp(act, "block") || !strcmp(act, "unblock")) {
		rc = core_block(q->w->core, q->viewer, acc->id, act[0] == 'b');
	} else if (!strcmp(act, "mute") || !strcmp(act, "unmute")) {
		rc = core_mute(q->w->core, q->viewer, acc->id, act[0] == 'm');
	} else {
		return ERR_NOTFOUND;
	}
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/@%s", acc->username), msg);
	return 0;
}

static int post_id(struct http_req *r, uint64_t *id)
{
	const char *s = http_param(r, "id");
	return s && parse_u64(s, id) ? 0 : ERR_NOTFOUND;
}

/*
 * While a post's photos are processed the page reloads itself every
 * REFRESH_SECONDS, at most REFRESH_TIMES times (WCAG 2.2.1: it says so, with
 * "Nu verversen" and a way to stop it; ?ververs=uit), and stops once all are
 * processed.  A <meta http-equiv=refresh> works without JavaScript.
 */
#define REFRESH_SECONDS 5
#define REFRESH_TIMES   24
static void refresh_model(struct http_req *r, struct tval *m, uint64_t id)
{
	const char *v = http_query(r, "ververs");
	uint64_t times = 0;
	bool off = v && !strcmp(v, "uit");
	if (v && !off && !parse_u64(v, &times))
		times = 0;
	bool again = !off && times < REFRESH_TIMES;
	struct tval *x = tv_obj(r->a);
	tv_set_strf(r->a, x, "now_url", "/posts/%llu", (unsigned long long)id);
	tv_set_strf(r->a, x, "off_url", "/posts/%llu?ververs=uit", (unsigned long long)id);
	tv_set_bool(r->a, x, "auto", again);
	tv_set_int(r->a, x, "seconds", REFRESH_SECONDS);
	tv_set(m, "processing_note", x);
	if (again) {
		tv_set_bool(r->a, m, "refresh", true);
		tv_set_int(r->a, m, "refresh_seconds", REFRESH_SECONDS);
		tv_set_strf(r->a, m, "refresh_url", "/posts/%llu?ververs=%llu", (unsigned long long)id,
		            (unsigned long long)times + 1);
	}
}

/* A post's poll as template values: the form to vote while it is open and
 * the viewer has not voted, the results after voting, once it closed, or
 * for a visitor. */
static struct tval *poll_model(struct http_req *r, const struct post *p, const struct poll *poll, const char *error)
{
	struct wreq *q = WREQ(r);
	struct tval *m = tv_obj(r->a);
	int64_t now = time_now();
	bool closed = core_poll_closed(poll, now);
	bool results = closed || poll->voted || !q->viewer;
	tv_set_strf(r->a, m, "action", "/posts/%llu/vote", (unsigned long long)p->id);
	tv_set_strf(r->a, m, "pid", "%llu", (unsigned long long)p->id);
	tv_set_str(r->a, m, "csrf", q->csrf);
	tv_set_bool(r->a, m, "multiple", poll->multiple);
	tv_set_bool(r->a, m, "closed", closed);
	tv_set_bool(r->a, m, "voted", poll->voted);
	tv_set_bool(r->a, m, "results", results);
	tv_set_bool(r->a, m, "can_vote", !results);
	tv_set_int(r->a, m, "voters", poll->voters_count);
	tv_set_bool(r->a, m, "one_voter", poll->voters_count == 1);
	if (poll->expires_at)
		tv_set_str(r->a, m, "ends", fmt_time(r, poll->expires_at));
	if (error)
		tv_set_str(r->a, m, "error", error);
	struct tval *opts = tv_list(r->a);
	for (size_t i = 0; i < poll->nopts; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_int(r->a, x, "idx", (int64_t)i);
		tv_set_str(r->a, x, "title", poll->titles[i]);
		tv_set_int(r->a, x, "votes", poll->votes[i]);
		tv_set_bool(r->a, x, "one_vote", poll->votes[i] == 1);
		tv_set_int(r->a, x, "percent", poll->votes_count ? (poll->votes[i] * 100 + poll->votes_count / 2) / poll->votes_count : 0);
		bool own = false;
		for (size_t k = 0; k < poll->nown; k++)
			own |= poll->own[k] == (int)i;
		tv_set_bool(r->a, x, "own", own);
		tv_push(opts, x);
	}
	tv_set(m, "options", opts);
	return m;
}

/* The thread page; poll_error (or NULL) is shown at the focused post's poll. */
static int thread_page(struct http_req *r, uint64_t id, const char *poll_error, int status)
{
	struct wreq *q = WREQ(r);
	struct post **v;
	size_t n, focus;
	int rc;
	if ((rc = core_thread(q->w->core, r->a, q->viewer, id, &v, &n, &focus)))
		return rc;
	/* Reading a conversation marks it read for this participant (on a
	 * public thread too: private answers to it are a conversation). */
	bool direct = false;
	for (size_t i = 0; i < n && !direct; i++)
		direct = v[i]->visibility == VIS_DIRECT;
	if (q->viewer && direct)
		IGNORE_RESULT(core_conversation_mark_read(q->w->core, r->a, q->viewer, v[0]->root_id, NULL)); /* then still unread next time */
	struct tval *m = page_model(r, _r(r, "Gesprek"));
	fed_unfound_notice(r, m, id); /* @user@host names not found when it was written */
	core_posts_extras(q->w->core, r->a, q->viewer, v, n);
	core_posts_avatars(q->w->core, r->a, v, n);
	struct tval *list = tv_list(r->a);
	bool processing = false;
	for (size_t i = 0; i < n; i++) {
		struct tval *pm = post_model(r, v[i]);
		if (i == focus)
			tv_set_bool(r->a, pm, "focus", true);
		struct post *pp = v[i]->boosted ? v[i]->boosted : v[i];
		struct poll *poll;
		if (pp->x && pp->x->has_poll && core_poll_get(q->w->core, r->a, q->viewer, pp->id, &poll) == 0)
			tv_set(pm, "poll", poll_model(r, pp, poll, i == focus ? poll_error : NULL));
		processing |= media_processing(r, pp);
		tv_push(list, pm);
	}
	tv_set(m, "posts", list);
	if (processing)
		refresh_model(r, m, id);
	if (q->viewer && n && !v[focus]->pending) {
		/* In a conversation addressed to an organisation its staff answer
		 * as the organisation, unless they choose otherwise. */
		uint64_t as_default = 0;
		if (v[focus]->visibility == VIS_DIRECT) {
			uint64_t *people;
			size_t np = 0;
			if (!core_conv_people(q->w->core, r->a, q->viewer, v[focus]->root_id, &people, &np))
				for (size_t i = 0; i < np && !as_default; i++)
					if (people[i] != q->viewer && core_may_post_as(q->w->core, q->viewer, people[i]))
						as_default = people[i];
		}
		/* A reply is never wider than what it answers, nor than the
		 * viewer's own default. */
		int vis = core_default_visibility(q->me);
		compose_model(r, m, v[focus]->id, v[focus]->visibility > vis ? v[focus]->visibility : vis, as_default);
		/* Start the reply with the author's name, as people expect; a
		 * private answer goes to the conversation's people without it. */
		if (v[focus]->author_id != q->viewer && v[focus]->visibility != VIS_DIRECT)
			tv_set_strf(r->a, m, "reply_prefix", "@%s ", v[focus]->author->username);
	}
	rc = page_render(r, "thread", m);
	if (status)
		r->status = status;
	return rc;
}

int h_thread(struct http_req *r)
{
	uint64_t id;
	int rc = post_id(r, &id);
	if (rc)
		return rc;
	return thread_page(r, id, NULL, 0);
}

int h_poll_vote(struct http_req *r)
{
	int rc;
	uint64_t id;
	if ((rc = post_id(r, &id)))
		return rc;
	int choices[STORE_POLL_MAX + 1];
	size_t n = 0;
	for (int i = 0; i < r->nfields && n <= STORE_POLL_MAX; i++) {
		if (strcmp(r->fields[i].name, "choice"))
			continue;
		uint64_t c;
		choices[n++] = parse_u64(r->fields[i].value, &c) && c < STORE_POLL_MAX ? (int)c : -1;
	}
	rc = core_poll_vote(CORE(r), r->a, WREQ(r)->viewer, id, choices, n);
	if (rc == ERR_CONFLICT)
		return thread_page(r, id, _r(r, "Deze peiling is gesloten. Stemmen kan niet meer."), 409);
	if (rc == ERR_EXISTS)
		return thread_page(r, id, _r(r, "U hebt al gestemd. U kunt maar één keer stemmen."), 409);
	if (rc == ERR_INVAL)
		return thread_page(r, id, _r(r, "Kies een van de antwoorden."), 400);
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/posts/%llu", (unsigned long long)id), "voted");
	return 0;
}

static int vis_from(const char *s)
{
	if (!s || !strcmp(s, "public"))
		return VIS_PUBLIC;
	if (!strcmp(s, "followers"))
		return VIS_FOLLOWERS;
	if (!strcmp(s, "direct"))
		return VIS_DIRECT;
	return -1;
}

struct tval *hidden_fields(struct http_req *r, const char *const *own, size_t nown, const struct post_input *in)
{
	struct tval *hidden = tv_list(r->a);
	for (int i = 0; i < r->nfields; i++) {
		const char *name = r->fields[i].name;
		/* altN: the alt text of the N-th file went with its upload. */
		bool skip = !strncmp(name, "alt", 3) && name[3] >= '0' && name[3] <= '9';
		for (size_t k = 0; k < nown; k++)
			skip |= !strcmp(name, own[k]);
		if (skip)
			continue;
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", name);
		tv_set_str(r->a, x, "value", r->fields[i].value);
		tv_push(hidden, x);
	}
	for (size_t i = 0; in && i < in->nmedia; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", "media_id");
		tv_set_strf(r->a, x, "value", "%llu", (unsigned long long)in->media_ids[i]);
		tv_push(hidden, x);
	}
	return hidden;
}

const char *post_problem_text(struct http_req *r, enum post_problem why)
{
	switch (why) {
	case POST_EMPTY:
		return _r(r, "Schrijf eerst iets in het tekstvak.");
	case POST_TOO_LONG:
		return _r(r, "Uw tekst is te lang. Er passen hoogstens 5000 tekens in een bericht. Maak hem wat korter.");
	case POST_BAD_TEXT:
		return _r(r, "In uw tekst staan tekens die we niet kunnen gebruiken. Haal ze weg en probeer het opnieuw.");
	case POST_NO_RECIPIENT:
		return _r(r, "Aan wie is dit privébericht? Vul bij 'Aan' een naam in, bijvoorbeeld @naam. Of kies bij "
		             "'Wie mag dit zien?' iets anders.");
	case POST_UNKNOWN_RECIPIENT:
		return _r(r, "Een naam bij 'Aan' kennen we hier niet. Controleer de naam, bijvoorbeeld @naam.");
	case POST_DM_REFUSED:
		return _r(r, "Iemand bij 'Aan' ontvangt geen privéberichten van u. Kies bij 'Wie mag dit zien?' iets "
		             "anders.");
	default:
		return NULL;
	}
}

/* The field a problem belongs beside. */
static const char *problem_field(enum post_problem why)
{
	switch (why) {
	case POST_EMPTY:
	case POST_TOO_LONG:
	case POST_BAD_TEXT:
		return "text";
	case POST_NO_RECIPIENT:
	case POST_UNKNOWN_RECIPIENT:
	case POST_DM_REFUSED:
		return "to";
	default:
		return NULL;
	}
}

/* A refusal without a field of its own, in words. */
static const char *refusal_words(struct http_req *r, int err)
{
	switch (err) {
	case ERR_RATE:
		return _r(r, "U plaatst veel berichten kort na elkaar. Wacht een paar minuten en druk dan nog een keer op "
		             "de knop.");
	case ERR_FORBIDDEN:
		return _r(r, "Dit mag u hier niet plaatsen. Uw tekst staat er nog: u kunt hem aanpassen of bewaren.");
	case ERR_NOTFOUND:
		return _r(r, "Het bericht of de kring waarin u schrijft, is er niet meer. Uw tekst staat er nog.");
	case ERR_TOOBIG:
		return _r(r, "Uw tekst is te lang. Er passen hoogstens 5000 tekens in een bericht. Maak hem wat korter.");
	default:
		return _r(r, "Wat u stuurde kunnen we niet gebruiken. Controleer wat u hebt ingevuld en probeer het "
		             "opnieuw.");
	}
}

void draft_model(struct http_req *r, struct tval *c)
{
	struct wreq *q = WREQ(r);
	const struct draft *d = q->draft;
	if (!d)
		return;
	const char *text = http_form(r, "text"), *to = http_form(r, "to");
	tv_set_bool(r->a, c, "has_draft", true);
	tv_set_str(r->a, c, "draft_text", text ? text : "");
	tv_set_str(r->a, c, "draft_to", to ? to : "");
	for (int i = 1; i <= 4; i++) {
		const char *alt = http_form(r, arena_printf(r->a, "alt%d", i));
		tv_set_str(r->a, c, arena_printf(r->a, "draft_alt%d", i), alt ? alt : "");
	}
	tv_set_str(r->a, c, "error", d->message);
	if (d->field)
		tv_set_bool(r->a, c, arena_printf(r->a, "err_%s", d->field), true);
	/* Uploads kept with the draft go with it again, each with its description. */
	struct tval *kept = tv_list(r->a);
	size_t nkept = 0;
	for (size_t i = 0; i < d->nmedia; i++) {
		struct media *md;
		if (core_media_get(CORE(r), r->a, q->viewer, d->media_ids[i], &md))
			continue;
		struct tval *x = tv_obj(r->a);
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)md->id);
		tv_set_int(r->a, x, "n", (int64_t)++nkept);
		tv_set_str(r->a, x, "alt", md->alt);
		tv_push(kept, x);
	}
	if (nkept) {
		tv_set(c, "kept_media", kept);
		tv_set_bool(r->a, c, "has_kept", true);
	}
	tv_set_bool(r->a, c, "media_lost", d->media_lost);
	tv_set_bool(r->a, c, "attach_open", nkept || d->media_lost || (d->field && !strcmp(d->field, "media")));
	if (d->plain)
		plain_model(r, c);
}

/* A route parameter, as if the page had been asked for. */
static void set_param(struct http_req *r, const char *name, const char *val)
{
	for (int i = 0; i < r->nparams; i++)
		if (!strcmp(r->param_names[i], name)) {
			r->param_vals[i] = val;
			return;
		}
	if (r->nparams < HTTP_MAX_PARAMS) {
		r->param_names[r->nparams] = name;
		r->param_vals[r->nparams++] = val;
	}
}

static int edit_page(struct http_req *r);

int compose_again(struct http_req *r, const struct draft *d, int err)
{
	struct wreq *q = WREQ(r);
	if (!q->viewer)
		return err;
	q->draft = d;
	int rc = ERR_NOTFOUND;
	uint64_t id;
	if (d->edit_id) {
		set_param(r, "id", arena_printf(r->a, "%llu", (unsigned long long)d->edit_id));
		rc = edit_page(r);
	} else {
		const char *reply = http_form(r, "in_reply_to"), *group = http_form(r, "group_id");
		if (reply && *reply && parse_u64(reply, &id)) {
			set_param(r, "id", reply);
			rc = h_thread(r);
		} else if (group && *group && parse_u64(group, &id)) {
			/* Back to the group's page, as far as the viewer may know the group. */
			struct group *g;
			if (core_group_by_id(CORE(r), r->a, WREQ(r)->viewer, id, &g) == 0) {
				set_param(r, "name", g->name);
				rc = h_group(r);
			}
		}
		if (rc) {
			buf_reset(&r->out);
			rc = h_index(r);
		}
	}
	q->draft = NULL;
	if (rc)
		return err;
	r->status = d->status ? d->status : http_status_for(err);
	return 0;
}

/* Show the compose form again after core refused the post (err, why). */
static int refused(struct http_req *r, int err, enum post_problem why, const struct post_input *in)
{
	struct draft *d = arena_alloc(r->a, sizeof *d);
	memset(d, 0, sizeof *d);
	d->field = problem_field(why);
	d->message = post_problem_text(r, why);
	if (!d->message)
		d->message = refusal_words(r, err);
	d->media_ids = in ? in->media_ids : NULL;
	d->nmedia = in ? in->nmedia : 0;
	d->status = http_status_for(err);
	return compose_again(r, d, err);
}

/* What the author calls each text the guard reads (struct guard_part's `what`). */
static const char *part_label(struct http_req *r, const char *what)
{
	static const struct {
		const char *what, *label;
	} labels[] = {
		{"status", N_("Tekst")},
		{"spoiler_text", N_("Inhoudswaarschuwing")},
		{"poll option", N_("Keuze in de peiling")},
		{"media description", N_("Beschrijving van een bestand")},
		{"text in image", N_("In de foto staat")},
		{"description", N_("Beschrijving")},
		{"display_name", N_("Naam")},
		{"note", N_("Over mij")},
		{"profession", N_("Beroep")},
		{"expertise", N_("Deskundig in")},
		{"languages", N_("Talen")},
		{"region", N_("Regio")},
		{"name", N_("Korte naam")},
		{"rules", N_("Huisregels")},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (!strcmp(labels[i].what, what))
			return _r(r, labels[i].label);
	return what;
}

/* A finding's type as a screen reader hears it after the marked words. */
static const char *type_label(struct http_req *r, enum scan_type t)
{
	switch (t) {
	case SCAN_BSN: return _r(r, N_("BSN"));
	case SCAN_PHONE: return _r(r, N_("telefoonnummer"));
	case SCAN_EMAIL: return _r(r, N_("e-mailadres"));
	case SCAN_IBAN: return _r(r, N_("rekeningnummer"));
	case SCAN_ADDRESS: return _r(r, N_("adres"));
	case SCAN_DATE_OF_BIRTH: return _r(r, N_("geboortedatum"));
	case SCAN_PATIENT_NUMBER: return _r(r, N_("patiëntnummer"));
	case SCAN_NAME: return _r(r, N_("naam"));
	case SCAN_HEALTH: return _r(r, N_("gezondheid"));
	case SCAN_ROOM: return _r(r, N_("kamernummer"));
	default: return scan_type_name(t);
	}
}

/*
 * Everything the guard read (g->text, the parts each under its name when
 * there are several) with each finding wrapped in <mark>, and a list
 * explaining them.  text is used when the result carries none.
 */
void guard_model(struct http_req *r, struct tval *m, const char *text, const struct guard_result *g)
{
	bool en = WREQ(r)->lang && !strcmp(WREQ(r)->lang, "en");
	if (g->text)
		text = g->text;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	size_t len = strlen(text);
	struct tval *list = tv_list(r->a);
	bool seen[SCAN_NTYPES] = {0};
	struct guard_part whole = {.what = "status", .text = text, .start = 0, .end = len};
	const struct guard_part *parts = g->nparts ? g->parts : &whole;
	size_t nparts = g->nparts ? g->nparts : 1;
	bool labelled = nparts > 1 || strcmp(parts[0].what, "status");
	for (size_t p = 0; p < nparts; p++) {
		size_t at = parts[p].start, end = parts[p].end;
		if (end > len || at > end || (at == end && labelled))
			continue;
		if (labelled) {
			buf_nofail(buf_adds(&b, b.len ? "\n\n<strong>" : "<strong>"));
			const char *label = part_label(r, parts[p].what);
			html_escape(&b, label, strlen(label));
			buf_nofail(buf_adds(&b, ":</strong> "));
		}
		for (size_t i = 0; i < g->n; i++) {
			const struct scan_finding *f = &g->v[i];
			if (f->start < at || f->end > end || f->start >= f->end)
				continue; /* overlapping findings: mark the first */
			html_escape(&b, text + at, f->start - at);
			buf_nofail(buf_adds(&b, "<mark>"));
			html_escape(&b, text + f->start, f->end - f->start);
			/* The type's own name for tools, its label for people. */
			buf_nofail(buf_addf(&b, "<span class=\"sr\" data-type=\"%s\"> (", scan_type_name(f->type)));
			const char *tl = type_label(r, f->type);
			html_escape(&b, tl, strlen(tl));
			buf_nofail(buf_adds(&b, ")</span></mark>"));
			at = f->end;
			if (!seen[f->type]) {
				seen[f->type] = true;
				struct tval *x = tv_obj(r->a);
				tv_set_str(r->a, x, "found", arena_strndup(r->a, text + f->start, f->end - f->start));
				tv_set_str(r->a, x, "why", en ? scan_type_explain_en(f->type) : scan_type_explain_nl(f->type));
				tv_push(list, x);
			}
		}
		html_escape(&b, text + at, end - at);
	}
	/* Keep line breaks visible in the review. */
	struct buf h = BUF_INIT(BUF_NOLIMIT);
	for (size_t i = 0; i < b.len; i++) {
		if (b.ptr[i] == '\n')
			buf_nofail(buf_adds(&h, "<br>"));
		else if (b.ptr[i] != '\r')
			buf_nofail(buf_addc(&h, b.ptr[i]));
	}
	tv_set_html(r->a, m, "marked", arena_strndup(r->a, h.ptr, h.len));
	buf_release(&b);
	buf_release(&h);
	tv_set(m, "findings", list);
	tv_set_bool(r->a, m, "blocked", !g->overridable);
	tv_set_bool(r->a, m, "block", g->verdict == SCAN_BLOCK);
	tv_set_bool(r->a, m, "client", g->client);
	tv_set_bool(r->a, m, "faces", g->faces > 0);
}

/*
 * "Niet plaatsen" on the review page: nothing is posted (core is not asked);
 * the text, as changed there, comes back in a form that carries everything
 * the compose form sent, so it can be changed and posted later.
 */
static int draft_page(struct http_req *r, const char *action, const char *back, bool edit)
{
	struct tval *m = page_model(r, _r(r, "Uw bericht is niet geplaatst"));
	const char *text = http_form(r, "text");
	tv_set_str(r->a, m, "action", action);
	tv_set_str(r->a, m, "text", text ? text : "");
	tv_set_str(r->a, m, "back", back);
	tv_set_bool(r->a, m, "edit", edit);
	static const char *own[] = {"csrf", "text", "confirm", "draft"};
	struct tval *hidden = tv_list(r->a);
	for (int i = 0; i < r->nfields; i++) {
		bool skip = false;
		for (size_t k = 0; k < sizeof own / sizeof own[0]; k++)
			skip |= !strcmp(r->fields[i].name, own[k]);
		if (skip)
			continue;
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", r->fields[i].name);
		tv_set_str(r->a, x, "value", r->fields[i].value);
		tv_push(hidden, x);
	}
	tv_set(m, "hidden", hidden);
	tv_set_int(r->a, m, "max", CORE_POST_MAX_CHARS);
	return page_render(r, "draft", m);
}

static bool wants_draft(struct http_req *r)
{
	const char *d = http_form(r, "draft");
	return d && !strcmp(d, "1");
}

/* Show the author what the guard found, with "change" and (if allowed) "publish anyway". */
static int guard_page(struct http_req *r, const char *action, const struct guard_result *g,
                      const struct post_input *in)
{
	struct tval *m = page_model(r, _r(r, "Controleer uw bericht"));
	const char *text = http_form(r, "text");
	guard_model(r, m, text, g);
	tv_set_str(r->a, m, "action", action);
	tv_set_str(r->a, m, "text", text);
	/* Everything the compose form sent comes back with the text (group,
	 * visibility, reply, recipients, author, and whatever a form adds
	 * later), except what the review sets itself and the files, which
	 * come back as media_id below. */
	static const char *const own[] = {"csrf", "text", "confirm", "media_id", "audience"};
	struct tval *hidden = hidden_fields(r, own, sizeof own / sizeof own[0], NULL);
	/* The audience core checked: it refuses the post if it comes back wider. */
	if (g->audience[0]) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", "audience");
		tv_set_str(r->a, x, "value", g->audience);
		tv_push(hidden, x);
	}
	/* Files already uploaded stay with the post through the review; their
	 * descriptions, read by the guard with the text, can be changed here. */
	struct tval *alts = tv_list(r->a);
	for (size_t i = 0; in && i < in->nmedia; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", "media_id");
		tv_set_strf(r->a, x, "value", "%llu", (unsigned long long)in->media_ids[i]);
		tv_push(hidden, x);
		struct media *md;
		if (core_media_get(CORE(r), r->a, WREQ(r)->viewer, in->media_ids[i], &md) == 0) {
			struct tval *y = tv_obj(r->a);
			tv_set_strf(r->a, y, "id", "%llu", (unsigned long long)md->id);
			tv_set_int(r->a, y, "n", (int64_t)i + 1);
			tv_set_str(r->a, y, "alt", md->alt);
			/* Faces the guard asks about: offer to blur them. */
			tv_set_bool(r->a, y, "faces", md->faces > 0 && md->blur != 2 && md->state == MEDIA_READY);
			tv_push(alts, y);
		}
	}
	tv_set(m, "hidden", hidden);
	tv_set(m, "alts", alts);
	tv_set_int(r->a, m, "alt_max", CORE_MEDIA_ALT_MAX);
	tv_set_int(r->a, m, "max", CORE_POST_MAX_CHARS);
	int rc = page_render(r, "guard", m);
	r->status = 422;
	return rc;
}

/*
 * The poll the compose form adds: 2 to 4 answers (poll1..poll4; empty ones
 * left out) and how long it runs.  Returns what is wrong, in the viewer's
 * language, or NULL (no poll, or a good one in *in).
 */
#define FORM_POLL_MAX 4
static const char *poll_from_form(struct http_req *r, struct post_input *in)
{
	const char **opts = arena_alloc(r->a, FORM_POLL_MAX * sizeof *opts);
	size_t n = 0;
	for (int i = 1; i <= FORM_POLL_MAX; i++) {
		const char *v = http_form(r, arena_printf(r->a, "poll%d", i));
		char *t = v ? str_trim(arena_strdup(r->a, v)) : NULL;
		if (t && *t)
			opts[n++] = t;
	}
	if (!n)
		return NULL;
	if (n < 2)
		return _r(r, "Een peiling heeft minstens twee antwoorden. Vul er nog een in, of maak de vakjes leeg.");
	if (core_poll_options_check(opts, n))
		return _r(r, "Een antwoord van de peiling is te lang: hoogstens 100 tekens.");
	const char *d = http_form(r, "poll_duration");
	uint64_t secs = 86400;
	if ((d && *d && !parse_u64(d, &secs)) || secs > (uint64_t)CORE_POLL_MAX_SECS ||
	    core_poll_expiry((int64_t)secs, &in->poll_expires_at))
		return _r(r, "Kies hoe lang men kan stemmen.");
	const char *mul = http_form(r, "poll_multiple");
	in->poll_options = opts;
	in->npoll = n;
	in->poll_multiple = mul && !strcmp(mul, "1");
	return NULL;
}

/* The compose form again, with what was typed and what is wrong (400). */
static int compose_error(struct http_req *r, const struct post_input *in, const char *error)
{
	struct tval *m = page_model(r, _r(r, "Uw bericht"));
	tv_set_str(r->a, m, "error", error);
	compose_model(r, m, in->in_reply_to, in->visibility >= 0 ? in->visibility : VIS_PUBLIC, 0);
	tv_set_str(r->a, m, "reply_prefix", in->text ? in->text : "");
	bool any = false;
	for (int i = 1; i <= FORM_POLL_MAX; i++) {
		const char *v = http_form(r, arena_printf(r->a, "poll%d", i));
		tv_set_str(r->a, m, arena_printf(r->a, "poll%d", i), v ? v : "");
		any |= v && *v;
	}
	tv_set_bool(r->a, m, "poll_open", any);
	const char *d = http_form(r, "poll_duration");
	if (d && strcmp(d, "86400")) {
		tv_set_bool(r->a, m, "pd_other", true);
		tv_set_bool(r->a, m, "pd_hour", !strcmp(d, "3600"));
		tv_set_bool(r->a, m, "pd_3days", !strcmp(d, "259200"));
		tv_set_bool(r->a, m, "pd_week", !strcmp(d, "604800"));
	}
	const char *mul = http_form(r, "poll_multiple");
	tv_set_bool(r->a, m, "poll_multiple", mul && !strcmp(mul, "1"));
	int rc = page_render(r, "compose_page", m);
	r->status = 400;
	return rc;
}

/*
 * The private message form: empty or with the recipient from a profile's
 * "Stuur een bericht", or back from /posts with what was typed and the
 * problem with "Aan" (nobody by that name, or a choice between several).
 */
static int message_form(struct http_req *r, const struct post_input *in, const struct rcpt_problem *why)
{
	struct wreq *q = WREQ(r);
	struct tval *m = page_model(r, _r(r, "Bericht schrijven"));
	const char *to = in && in->to ? in->to : "";
	tv_set_str(r->a, m, "to", to);
	tv_set_str(r->a, m, "text", in && in->text ? in->text : "");
	tv_set_str(r->a, m, "visibility",
	           !in || in->visibility == VIS_DIRECT ? "direct" : in->visibility == VIS_FOLLOWERS ? "followers" : "public");
	tv_set_bool(r->a, m, "is_direct", !in || in->visibility == VIS_DIRECT);
	tv_set_int(r->a, m, "max", CORE_POST_MAX_CHARS);
	/* Posting as: for staff, the organisation the message is to or from. */
	post_as_model(r, m, in && in->author_id != q->viewer ? in->author_id : 0);
	/* Whatever else the form carried (a reply, a group, uploaded files). */
	static const char *own[] = {"csrf", "text", "to", "as", "visibility", "media_id", "confirm", "audience"};
	struct tval *hidden = in ? hidden_fields(r, own, sizeof own / sizeof own[0], in) : tv_list(r->a);
	tv_set(m, "hidden", hidden);
	if (why && why->text && why->nchoices > 1) {
		/* Each choice is the whole "Aan" with this piece made exact. */
		const char *at = strstr(to, why->text);
		size_t pre = at ? (size_t)(at - to) : 0, plen = at ? strlen(why->text) : strlen(to);
		struct tval *l = tv_list(r->a);
		for (size_t i = 0; i < why->nchoices && i < 10; i++) {
			struct tval *x = account_model(r, why->choices[i]);
			tv_set_strf(r->a, x, "value", "%.*s@%s%s", (int)pre, to, why->choices[i]->username, to + pre + plen);
			tv_set_int(r->a, x, "n", (int64_t)i + 1);
			tv_push(l, x);
		}
		tv_set(m, "choices", l);
		tv_set_strf(r->a, m, "choose", "%s “%s”. %s", _r(r, "Meer mensen of organisaties passen bij de naam"),
		            why->text, _r(r, "Wie bedoelt u?"));
	} else if (why && why->text) {
		tv_set_strf(r->a, m, "to_error", "%s “%s”. %s", _r(r, "We vinden niemand met de naam"), why->text,
		            _r(r, "Kijk de naam na, of zoek de persoon of organisatie op via Zoeken."));
	}
	int rc = page_render(r, "message_new", m);
	if (why && why->text)
		r->status = 422;
	return rc;
}

int h_message_new(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct post_input in = {.author_id = q->viewer, .visibility = VIS_DIRECT};
	const char *to = http_query(r, "to");
	struct account *acc;
	/* From a profile: "@name"; staff writing to someone from their
	 * organisation's page choose the organisation themselves. */
	if (to && *to && core_account_by_name(q->w->core, r->a, to[0] == '@' ? to + 1 : to, &acc) == 0 &&
	    !core_account_hidden(q->w->core, q->viewer, acc))
		in.to = arena_printf(r->a, "@%s", acc->username);
	else
		in.to = "";
	in.text = "";
	return message_form(r, &in, NULL);
}

int h_post_create(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	if (wants_draft(r)) {
		const char *reply = http_form(r, "in_reply_to");
		uint64_t pid;
		bool to_post = reply && *reply && parse_u64(reply, &pid);
		return draft_page(r, "/posts", to_post ? arena_printf(r->a, "/posts/%llu", (unsigned long long)pid) : "/",
		                  false);
	}
	struct post_input in = {.author_id = q->viewer};
	in.text = http_form(r, "text");
	in.visibility = vis_from(http_form(r, "visibility"));
	in.to = http_form(r, "to");
	const char *reply = http_form(r, "in_reply_to");
	if (reply && *reply && !parse_u64(reply, &in.in_reply_to))
		return ERR_INVAL;
	const char *as = http_form(r, "as");
	if (as && *as && strcmp(as, q->me->username)) {
		struct account *org;
		if ((rc = core_account_by_name(q->w->core, r->a, as, &org)))
			return ERR_FORBIDDEN;
		in.author_id = org->id;
	}
	if (in.visibility < 0 || !in.text)
		return ERR_INVAL;
	const char *confirm = http_form(r, "confirm");
	in.confirm = confirm && !strcmp(confirm, "1");
	const char *group = http_form(r, "group_id");
	if (group && *group && !parse_u64(group, &in.group_id))
		return ERR_INVAL;
	in.audience = http_form(r, "audience");
	const char *poll_error = poll_from_form(r, &in);
	if (poll_error)
		return compose_error(r, &in, poll_error);
	if ((rc = media_from_form(r, &in)))
		return rc < 0 ? 0 : rc;
	/* "Controleer de leesbaarheid": nothing is posted; the form comes back
	 * with the text and the check (advice only, never a block). */
	const char *check = http_form(r, "check");
	if (check && !strcmp(check, "plain"))
		return plain_check_page(r, &in);
	/* "Aan" takes names as people know them; one that fits nobody or
	 * several people brings the form back with the message in it. */
	if (in.to && *in.to) {
		uint64_t ids[CORE_MAX_MENTIONS + 8];
		size_t nids = 0;
		struct rcpt_problem why;
		rc = core_recipients_find(q->w->core, r->a, q->viewer, in.to, ids, &nids, CORE_MAX_MENTIONS + 8, &why);
		/* A choice between several people needs the message form; nobody
		 * by that name in an answer on a thread or in a group brings that
		 * page back (core says which field), as any other problem does. */
		if (rc == ERR_CONFLICT || (rc == ERR_NOTFOUND && !in.in_reply_to && !in.group_id))
			return message_form(r, &in, &why);
	}
	struct guard_result g;
	in.guard = &g;
	enum post_problem why = POST_OK;
	in.why = &why;
	uint64_t id;
	rc = core_post_create(q->w->core, r->a, q->viewer, &in, &id);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return guard_page(r, "/posts", &g, &in);
	if (rc == ERR_GUIDELINES)
		return guidelines_page(r, in.author_id, &in);
	/* What was typed is never lost: the form comes back with the problem. */
	if (rc == ERR_INVAL || rc == ERR_TOOBIG || rc == ERR_NOTFOUND || rc == ERR_FORBIDDEN || rc == ERR_RATE)
		return refused(r, rc, why, &in);
	if (rc)
		return rc;
	struct post *made;
	if (core_post_get(q->w->core, r->a, q->viewer, id, &made) == 0 && made->pending) {
		redirect_msg(r, arena_printf(r->a, "/posts/%llu", (unsigned long long)id), "pending");
		return 0;
	}
	redirect_msg(r, arena_printf(r->a, "/posts/%llu", (unsigned long long)id), "posted");
	return 0;
}

int h_post_edit_form(struct http_req *r)
{
	return edit_page(r);
}

static int edit_page(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	uint64_t id;
	struct post *p;
	if ((rc = post_id(r, &id)) || (rc = core_post_get(q->w->core, r->a, q->viewer, id, &p)))
		return rc;
	if (p->reblog_of || !core_post_own(q->viewer, p))
		return ERR_FORBIDDEN;
	struct tval *m = page_model(r, _r(r, "Bericht aanpassen"));
	tv_set(m, "post", post_model(r, p));
	tv_set_int(r->a, m, "max", CORE_POST_MAX_CHARS);
	draft_model(r, m);
	return page_render(r, "edit", m);
}

int h_post_edit(struct http_req *r)
{
	int rc;
	uint64_t id;
	if ((rc = post_id(r, &id)))
		return rc;
	const char *text = http_form(r, "text");
	if (!text)
		return ERR_INVAL;
	if (wants_draft(r)) {
		/* The post keeps its old text; the new one comes back. */
		const char *url = arena_printf(r->a, "/posts/%llu", (unsigned long long)id);
		return draft_page(r, arena_printf(r->a, "%s/edit", url), url, true);
	}
	const char *confirm = http_form(r, "confirm");
	struct guard_result g;
	rc = core_post_edit_checked(CORE(r), r->a, WREQ(r)->viewer, id, text, confirm && !strcmp(confirm, "1"), &g);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return guard_page(r, arena_printf(r->a, "/posts/%llu/edit", (unsigned long long)id), &g, NULL);
	if (rc == ERR_INVAL || rc == ERR_TOOBIG) {
		enum post_problem why = core_post_text_problem(text);
		struct draft *d = arena_alloc(r->a, sizeof *d);
		memset(d, 0, sizeof *d);
		d->field = problem_field(why);
		d->message = why ? post_problem_text(r, why) : refusal_words(r, rc);
		d->edit_id = id;
		d->status = http_status_for(rc);
		return compose_again(r, d, rc);
	}
	if (rc)
		return rc;
	/* In a pre-moderated group the new text waits for a moderator again. */
	struct post *p;
	bool held = core_post_get(CORE(r), r->a, WREQ(r)->viewer, id, &p) == 0 && p->pending;
	redirect_msg(r, arena_printf(r->a, "/posts/%llu", (unsigned long long)id), held ? "pending" : "saved");
	return 0;
}

int h_post_history(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	uint64_t id;
	struct post *p;
	int rc;
	if ((rc = post_id(r, &id)) || (rc = core_post_get(q->w->core, r->a, q->viewer, id, &p)))
		return rc;
	struct post_edit *e;
	size_t n;
	if ((rc = core_post_history(q->w->core, r->a, q->viewer, id, &e, &n)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Eerdere versies"));
	tv_set(m, "post", post_model(r, p));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "time", fmt_time(r, e[i].edited_at));
		tv_set_html(r->a, x, "html", core_render_text(q->w->core, r->a, e[i].text));
		tv_push(l, x);
	}
	tv_set(m, "edits", l);
	tv_set_bool(r->a, m, "empty", n == 0);
	return page_render(r, "history", m);
}

int h_post_action(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	uint64_t id;
	if ((rc = post_id(r, &id)))
		return rc;
	const char *act = http_param(r, "action");
	if (!strcmp(act, "delete")) {
		/* Withdrawn by its writer, or removed by a moderator: said so. */
		struct post *p;
		bool own = !core_post_get(q->w->core, r->a, q->viewer, id, &p) && core_post_own(q->viewer, p);
		if ((rc = core_post_delete(q->w->core, q->viewer, id)))
			return rc;
		redirect_msg(r, "/", own ? "withdrawn" : "deleted");
		return 0;
	}
	if (!strcmp(act, "fav") || !strcmp(act, "unfav"))
		rc = core_fav(q->w->core, q->viewer, id, act[0] == 'f');
	else if (!strcmp(act, "approve") || !strcmp(act, "reject"))
		rc = core_group_approve(q->w->core, q->viewer, id, act[0] == 'a');
	else if (!strcmp(act, "pin") || !strcmp(act, "unpin"))
		rc = core_group_pin(q->w->core, q->viewer, id, act[0] == 'p');
	else if (!strcmp(act, "boost") || !strcmp(act, "unboost"))
		rc = core_boost(q->w->core, q->viewer, id, act[0] == 'b');
	else
		return ERR_NOTFOUND;
	if (rc)
		return rc;
	/* Back to where the button was pressed, if that was on this site. */
	const char *back = http_form(r, "back");
	http_redirect(r, back ? local_path(back) : arena_printf(r->a, "/posts/%llu", (unsigned long long)id));
	return 0;
}

/* A notification quotes its post by its words and links to it (a boost's:
 * the post boosted), nothing more: post_model's media, addressees and
 * pictures would be read for every notification and never shown. */
static struct tval *notif_post_model(struct http_req *r, const struct post *p)
{
	if (p->boosted)
		p = p->boosted;
	struct tval *m = tv_obj(r->a);
	tv_set_strf(r->a, m, "url", "/posts/%llu", (unsigned long long)p->id);
	tv_set_str(r->a, m, "text", p->text);
	return m;
}

int h_notifications(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	struct page pg;
	page_from_query(r, &pg);
	struct notification *v;
	size_t n;
	if ((rc = core_notifications(q->w->core, r->a, q->viewer, &pg, &v, &n)))
		return rc;
	/* The people's pictures in one query for the page, not one or two each. */
	core_notifs_avatars(q->w->core, r->a, v, n);
	/* Seen now: read, so the count in the menu drops on this very page. */
	IGNORE_RESULT(core_notif_seen(q->w->core, q->viewer, v, n)); /* then the count drops next time */
	struct tval *m = page_model(r, _r(r, "Meldingen"));
	static const char *what[] = {
		N_("noemde u in een bericht"), N_("reageerde op uw bericht"), N_("volgt u nu"),
		N_("wil u volgen"), N_("vond uw bericht fijn"), N_("deelde uw bericht"),
		N_("wil lid worden van een kring die u modereert"), N_("heeft u toegelaten tot een kring"),
		N_("nodigt u uit voor een kring"), N_("geeft u een waarschuwing van de moderatie"),
		N_("heeft uw bericht goedgekeurd"), N_("diende een klacht in"),
		N_("schreef een bericht dat wacht op goedkeuring"), N_("heeft uw bericht verwijderd"),
		N_("kon een ingepland bericht niet plaatsen"),
		N_("vraagt u na te bellen: laat de persoon weten wat er met het bericht gedaan is"),
		N_("over het spreekuur"),
		N_("over uw afspraak"),
		N_("wil uw cliënt worden en stuurde u een verzoek"),
		N_("meldt: er wordt ineens veel meer over de organisatie gezegd dan gewoonlijk"),
		N_("vraagt u de richtlijnen voor sociale media te lezen en te accepteren"),
		N_("heeft u gekozen als mantelzorger"),
	};
	/* The same, naming the group (its name follows as a link). */
	static const char *what_in[] = {
		NULL, NULL, NULL, NULL, NULL, NULL,
		N_("wil lid worden van de kring"), N_("heeft u toegelaten tot de kring"),
		N_("nodigt u uit voor de kring"), N_("geeft u een waarschuwing in de kring"),
		N_("heeft uw bericht goedgekeurd in de kring"), N_("diende een klacht in over een bericht in de kring"),
		N_("schreef een bericht dat wacht op uw goedkeuring in de kring"),
		N_("heeft uw bericht verwijderd uit de kring"),
		N_("kon een ingepland bericht niet plaatsen in de kring"),
		NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	};
	_Static_assert(sizeof what / sizeof what[0] == NOTIF_CARER + 1, "a text for every notification kind");
	_Static_assert(sizeof what_in / sizeof what_in[0] == NOTIF_CARER + 1, "every kind in what_in too");
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		int kind = v[i].kind >= 0 && v[i].kind <= NOTIF_CARER ? v[i].kind : 0;
		const struct group *g = v[i].group;
		tv_set(x, "actor", account_model(r, v[i].actor));
		const char *w = _r(r, g && what_in[kind] ? what_in[kind] : what[kind]);
		/* A private message is sent, not a mention. */
		if ((kind == NOTIF_MENTION || kind == NOTIF_REPLY) && v[i].post && v[i].post->visibility == VIS_DIRECT)
			w = _r(r, "stuurde u een bericht");
		tv_set_str(r->a, x, "what", w);
		if (v[i].org)
			tv_set(x, "for_org", account_model(r, v[i].org));
		if (g && what_in[kind]) {
			struct tval *gx = tv_obj(r->a);
			tv_set_str(r->a, gx, "name", g->display_name);
			tv_set_strf(r->a, gx, "url", "/g/%s", g->name);
			tv_set(x, "group", gx);
		}
		/* Where the work is: the queue, the requests, the instance's page. */
		const char *go = NULL, *go_label = NULL;
		if (kind == NOTIF_GROUP_REQUEST && g) {
			go = arena_printf(r->a, "/g/%s/members", g->name);
			go_label = N_("Bekijk het verzoek");
		} else if (kind == NOTIF_GROUP_HELD && g) {
			go = arena_printf(r->a, "/g/%s/queue", g->name);
			go_label = N_("Naar berichten die wachten");
		} else if (kind == NOTIF_REPORT) {
			go = g ? arena_printf(r->a, "/g/%s/queue", g->name) : "/moderation";
			go_label = N_("Bekijk de klacht");
		} else if (kind == NOTIF_FOLLOW_REQUEST) {
			go = "/follow-requests";
			go_label = N_("Bekijk verzoek");
		} else if (kind == NOTIF_MATCH_REQUEST) {
			go = "/kiezen/verzoeken";
			go_label = N_("Bekijk het verzoek");
		} else if (kind == NOTIF_WEBCARE_FOLLOWUP && v[i].org) {
			go = arena_printf(r->a, "/webcare/%s?status=answered", v[i].org->username);
			go_label = N_("Naar de webcare");
		} else if (kind == NOTIF_WEBCARE_SPIKE && v[i].org) {
			go = arena_printf(r->a, "/webcare/%s", v[i].org->username);
			go_label = N_("Naar de webcare");
		} else if (kind == NOTIF_GUIDELINES && v[i].org) {
			go = arena_printf(r->a, "/richtlijnen/%s", v[i].org->username);
			go_label = N_("Lees de richtlijnen");
		} else if (kind == NOTIF_CARER) {
			go = "/thuis/mantelzorgers";
			go_label = N_("Naar mijn mantelzorg");
		}
		if (go) {
			struct tval *gx = tv_obj(r->a);
			tv_set_str(r->a, gx, "url", go);
			tv_set_str(r->a, gx, "label", _r(r, go_label));
			tv_set(x, "go", gx);
		}
		if (kind == NOTIF_CONSULT && v[i].note) {
			/* What happened to a question, written by core (consult.c). */
			tv_set_str(r->a, x, "consult_note", v[i].note);
			struct tval *gx = tv_obj(r->a);
			tv_set_str(r->a, gx, "url", "/consult");
			tv_set_str(r->a, gx, "label", _r(r, "Naar de spreekuren"));
			tv_set(x, "go", gx);
		} else if (kind == NOTIF_APPOINTMENT) {
			/* What happened, and when the appointment is (core's note). */
			const char *t = appt_notif_text(r, v[i].note);
			if (t)
				tv_set_str(r->a, x, "consult_note", t);
			struct tval *gx = tv_obj(r->a);
			tv_set_str(r->a, gx, "url", "/mijn-afspraken");
			tv_set_str(r->a, gx, "label", _r(r, "Naar mijn afspraken"));
			tv_set(x, "go", gx);
		} else if ((kind == NOTIF_POST_REMOVED || kind == NOTIF_WARNING || kind == NOTIF_SCHEDULED_FAILED) && v[i].note) {
			if (v[i].note[0])
				/* core's reason for a scheduled post is a fixed Dutch sentence. */
				tv_set_str(r->a, x, "note", kind == NOTIF_SCHEDULED_FAILED ? _r(r, v[i].note) : v[i].note);
			else
				tv_set_bool(r->a, x, "no_note", true);
		}
		tv_set_str(r->a, x, "time", fmt_time(r, v[i].created_at));
		tv_set_bool(r->a, x, "unread", !v[i].read);
		if (v[i].post)
			tv_set(x, "post", notif_post_model(r, v[i].post));
		tv_push(l, x);
	}
	tv_set(m, "notifications", l);
	tv_set_bool(r->a, m, "empty", n == 0);
	if (n == (size_t)pg.limit)
		pager_model(r, m, "/notifications", v[n - 1].id, 0);
	return page_render(r, "notifications", m);
}

int h_notifications_read(struct http_req *r)
{
	int rc;
	if ((rc = core_notif_read_all(CORE(r), WREQ(r)->viewer)))
		return rc;
	http_redirect(r, "/notifications");
	return 0;
}

int h_follow_requests(struct http_req *r)
{
	int rc;
	struct account **v;
	size_t n;
	if ((rc = core_follow_requests(CORE(r), r->a, WREQ(r)->viewer, &v, &n)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Volgverzoeken"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, account_model(r, v[i]));
	tv_set(m, "people", l);
	tv_set_bool(r->a, m, "empty", n == 0);
	return page_render(r, "follow_requests", m);
}

int h_follow_answer(struct http_req *r)
{
	int rc;
	struct account *acc;
	if ((rc = load_account(r, &acc)))
		return rc;
	const char *act = http_param(r, "action");
	if (strcmp(act, "accept") && strcmp(act, "reject"))
		return ERR_NOTFOUND;
	if ((rc = core_follow_answer(CORE(r), WREQ(r)->viewer, acc->id, act[0] == 'a')))
		return rc;
	redirect_msg(r, "/follow-requests", "saved");
	return 0;
}

int h_search(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	const char *query = http_query(r, "q");
	struct tval *m = page_model(r, _r(r, "Zoeken"));
	int frc = query && *query ? fed_search_page(r, m, query) : ERR_INVAL; /* @user@host elsewhere (web/fed_page.c) */
	if (frc != ERR_INVAL)
		return frc;
	if (query && *query) {
		struct page pg;
		page_from_query(r, &pg);
		struct search_result sr;
		int rc = core_search(q->w->core, r->a, q->viewer, query, &pg, &sr);
		if (rc)
			return rc;
		tv_set_str(r->a, m, "q", query);
		struct tval *people = tv_list(r->a), *tags = tv_list(r->a);
		for (size_t i = 0; i < sr.npeople; i++)
			tv_push(people, account_model(r, sr.people[i]));
		for (size_t i = 0; i < sr.ntags; i++) {
			struct tval *t = tv_obj(r->a);
			tv_set_str(r->a, t, "name", sr.tags[i]);
			struct buf b = BUF_INIT(512);
			url_encode(&b, sr.tags[i], strlen(sr.tags[i]));
			tv_set_strf(r->a, t, "url", "/tags/%s", b.ptr);
			buf_release(&b);
			tv_set_int(r->a, t, "count", sr.tag_counts[i]);
			tv_push(tags, t);
		}
		if (sr.npeople)
			tv_set(m, "people", people);
		if (sr.ntags)
			tv_set(m, "tags", tags);
		tv_set(m, "posts", posts_model(r, sr.posts, sr.nposts));
		tv_set_bool(r->a, m, "searched", true);
		tv_set_bool(r->a, m, "nothing", !sr.npeople && !sr.ntags && !sr.nposts);
		struct buf b = BUF_INIT(1024);
		buf_nofail(buf_adds(&b, "/search?q="));
		url_encode(&b, query, strlen(query));
		pager_model(r, m, arena_strdup(r->a, b.ptr), sr.older, 0);
		buf_release(&b);
	}
	return page_render(r, "search", m);
}
