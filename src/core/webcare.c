/* Webcare: the organisation's inbox (core/webcare.h).  Every rule of who
 * sees and does what lives here; web/webcare.c and api/webcare.c show it. */
#include "core/webcare.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "core/core_int.h"
#include "base/bizhours.h"
#include "scan/sentiment.h"
#include "job/job.h"
#include "store/store_webcare.h"

/* ---- who may ---- */

/* viewer is staff of org, an organisation, and not suspended. */
static int need_staff(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct account **orgacc)
{
	if (!viewer)
		return ERR_AUTH;
	struct account *me, *o;
	bool staff = false;
	int rc = store_account_get(c->store, a, viewer, &me);
	if (rc)
		return rc == ERR_NOTFOUND ? ERR_AUTH : rc;
	if (me->suspended)
		return ERR_NOTFOUND;
	if ((rc = store_account_get(c->store, a, org, &o)))
		return rc;
	if (o->kind != ACCOUNT_ORG || o->suspended)
		return ERR_NOTFOUND;
	if ((rc = store_staff_is(c->store, org, viewer, &staff)))
		return rc;
	if (!staff)
		return ERR_NOTFOUND; /* no leak that the inbox or its items exist */
	if (orgacc)
		*orgacc = o;
	return 0;
}

int core_wc_orgs(struct core *c, struct arena *a, uint64_t viewer, struct account ***out, size_t *n)
{
	*n = 0;
	if (!viewer)
		return ERR_AUTH;
	struct account **v;
	size_t k = 0, m = 0;
	int rc = store_staff_orgs(c->store, a, viewer, &v, &m);
	if (rc)
		return rc;
	for (size_t i = 0; i < m; i++)
		if (v[i]->kind == ACCOUNT_ORG && !v[i]->suspended)
			v[k++] = v[i];
	*out = v;
	*n = k;
	return 0;
}

int core_wc_org(struct core *c, struct arena *a, uint64_t viewer, const char *name, struct account **out)
{
	if (!viewer)
		return ERR_AUTH;
	struct account *o;
	int rc = name ? store_account_by_name(c->store, a, name, &o) : ERR_NOTFOUND;
	if (rc)
		return rc;
	return need_staff(c, a, viewer, o->id, out);
}

/* ---- the seams the lead wires at merge ---- */

/* Sentiment and urgency of an item's text (scan/sentiment.c): sentiment
 * sorts and filters, it never routes on its own; urgent items go to the
 * within-the-hour queue. */
static void wc_judge(const char *text, struct wc_item *it)
{
	struct sent_result r;
	if (!text || sentiment_text(text, strlen(text), &r)) {
		it->sentiment = "unsure";
		it->score_milli = 0;
		it->urgent = false;
		return;
	}
	it->sentiment = sentiment_label_name(r.label);
	it->score_milli = (int)(r.score * 1000);
	it->urgent = r.urgent;
}

int wc_team_calendar(struct core *c, struct arena *a, uint64_t team, struct biz_hours **out)
{
	/* Business time (base/bizhours.c): the team's opening hours and holidays
	 * in Europe/Amsterdam.  A team without opening hours counts every
	 * hour (*out NULL), as does a failure to read them. */
	*out = NULL;
	struct wc_period *p;
	const char **days;
	size_t np = 0, nd = 0;
	if (!store_wc_hours(c->store, a, team, &p, &np) && np && !store_wc_holidays(c->store, a, team, &days, &nd)) {
		struct biz_hours *h = arena_alloc(a, sizeof *h);
		bool ok = true;
		for (size_t i = 0; ok && i < np; i++)
			ok = biz_add_period(h, p[i].weekday, p[i].start_min, p[i].end_min) == 0;
		for (size_t i = 0; ok && i < nd; i++) {
			int y, m, d;
			if (sscanf(days[i], "%4d-%2d-%2d", &y, &m, &d) == 3)
				ok = biz_add_holiday(h, y, m, d) == 0;
		}
		if (ok)
			*out = h;
	}
	return 0;
}

int64_t core_wc_duration(struct core *c, uint64_t team, int64_t from, int64_t to)
{
	if (to <= from)
		return 0;
	struct arena a;
	arena_init(&a);
	struct biz_hours *h;
	IGNORE_RESULT(wc_team_calendar(c, &a, team, &h)); /* always 0: a calendar or none */
	int64_t secs = h ? biz_seconds(h, from, to) : to - from;
	arena_release(&a);
	return secs;
}

/* ---- triage and assignment ---- */

size_t core_wc_pick(const struct wc_member *m, size_t n, int mode, uint64_t rr_last)
{
	size_t best = n;
	if (mode == WC_ROUND_ROBIN) {
		/* The first with room after rr_last by account id, wrapping round. */
		size_t first = n;
		for (size_t i = 0; i < n; i++) {
			if (!m[i].available || m[i].load >= m[i].cap)
				continue;
			if (m[i].account_id > rr_last && (best == n || m[i].account_id < m[best].account_id))
				best = i;
			if (first == n || m[i].account_id < m[first].account_id)
				first = i;
		}
		return best != n ? best : first;
	}
	for (size_t i = 0; i < n; i++) {
		if (!m[i].available || m[i].load >= m[i].cap)
			continue;
		if (best == n || m[i].load < m[best].load ||
		    (m[i].load == m[best].load &&
		     (m[i].last_assigned < m[best].last_assigned ||
		      (m[i].last_assigned == m[best].last_assigned && m[i].account_id < m[best].account_id))))
			best = i;
	}
	return best;
}

/* Give team's waiting items, oldest first, to its available members while
 * someone has room; stops at the first item nobody can take (first in,
 * first out).  Inside the caller's transaction. */
static int run_queue(struct core *c, struct arena *a, uint64_t org, uint64_t team)
{
	if (!team)
		return 0;
	struct wc_team *t;
	struct wc_member *m;
	size_t nm, nq;
	uint64_t *q;
	int rc = store_wc_team_get(c->store, a, org, team, &t);
	if (rc)
		return rc == ERR_NOTFOUND ? 0 : rc;
	if ((rc = store_wc_members(c->store, a, org, team, &m, &nm)))
		return rc;
	if ((rc = store_wc_queue(c->store, a, org, team, STORE_WC_LIST_MAX, &q, &nq)))
		return rc;
	uint64_t rr = t->rr_last;
	int64_t now = time_now();
	for (size_t i = 0; i < nq; i++) {
		size_t k = core_wc_pick(m, nm, t->mode, rr);
		if (k == nm)
			break;
		struct wc_item *it;
		if ((rc = store_wc_item_get(c->store, a, org, q[i], &it)))
			return rc;
		it->assignee_id = m[k].account_id;
		it->status = WC_ASSIGNED;
		it->updated_at = now;
		m[k].load++;
		m[k].last_assigned = time_ms() * 1000 + (int64_t)i; /* strictly later than anyone's before */
		rr = m[k].account_id;
		if ((rc = store_wc_item_update(c->store, it)) ||
		    (rc = store_wc_member_touch(c->store, team, m[k].account_id, m[k].last_assigned)) ||
		    (rc = store_wc_event_add(c->store, it->id, 0, "assign",
		                             arena_printf(a, "%llu", (unsigned long long)m[k].account_id), now)))
			return rc;
	}
	if (rr != t->rr_last)
		rc = store_wc_team_rr(c->store, team, rr);
	return rc;
}

/* The team whose topics name topic, or 0. */
static uint64_t team_for_topic(const struct wc_team *t, size_t n, const char *topic)
{
	if (!topic || !*topic)
		return 0;
	size_t tl = strlen(topic);
	for (size_t i = 0; i < n; i++)
		for (const char *p = t[i].topics; p && *p;) {
			while (*p == ',' || *p == ' ')
				p++;
			size_t k = strcspn(p, ",");
			size_t e = k;
			while (e && p[e - 1] == ' ')
				e--;
			if (e == tl && !strncasecmp(p, topic, tl))
				return t[i].id;
			p += k;
		}
	return 0;
}

/* Rules in their order: the first that matches sets topic, priority and
 * team; the team comes from the topic when the rule names none. */
static int triage(struct core *c, struct arena *a, struct wc_item *it)
{
	struct wc_rule *r;
	struct wc_team *t;
	size_t nr, nt;
	int rc = store_wc_rules(c->store, a, it->org_id, &r, &nr);
	if (!rc)
		rc = store_wc_teams(c->store, a, it->org_id, &t, &nt);
	if (rc)
		return rc;
	const char *source = arena_printf(a, "%s %s", it->origin, it->kind);
	const char *text = arena_printf(a, "%s\n%s", it->title, it->text);
	for (size_t i = 0; i < nr; i++)
		if (core_wc_rule_match(r[i].expr, text, source)) {
			it->topic = r[i].topic;
			it->priority = r[i].priority;
			it->team_id = r[i].team_id;
			break;
		}
	if (!it->team_id)
		it->team_id = team_for_topic(t, nt, it->topic);
	/* One team: everything is theirs. */
	if (!it->team_id && nt == 1)
		it->team_id = t[0].id;
	return 0;
}

/* Insert, triage, assign: inside the caller's transaction. */
static int ingest(struct core *c, struct arena *a, struct wc_item *it, bool *inserted)
{
	int64_t now = time_now();
	it->id = id_new();
	it->status = WC_NEW;
	it->topic = "";
	it->updated_at = now;
	wc_judge(it->text, it);
	int rc = triage(c, a, it);
	if (!rc)
		rc = store_wc_item_insert(c->store, it, inserted);
	if (!rc && *inserted)
		rc = store_wc_event_add(c->store, it->id, 0, "ingest", it->kind, now);
	if (!rc && *inserted)
		rc = run_queue(c, a, it->org_id, it->team_id);
	return rc;
}

static bool valid_origin(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (!n || n > 20 || !strcmp(s, "kring"))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

static bool field_ok(const char *s, size_t max, bool required)
{
	if (!s)
		return !required;
	size_t n = strlen(s);
	if (required && text_blank(s))
		return false;
	return text_check(s, n, max) == 0;
}

int core_webcare_ingest(struct core *c, uint64_t org, const struct wc_input *in, uint64_t *id, bool *inserted)
{
	*inserted = false;
	if (!valid_origin(in->origin) || !field_ok(in->origin_key, CORE_WC_FIELD_MAX, true) ||
	    !field_ok(in->author_name, CORE_WC_FIELD_MAX, false) || !field_ok(in->url, CORE_WC_FIELD_MAX, false) ||
	    !field_ok(in->title, CORE_WC_FIELD_MAX, false) || !field_ok(in->text, CORE_WC_TEXT_MAX, true))
		return ERR_INVAL;
	if (in->url && *in->url && strncmp(in->url, "https://", 8) && strncmp(in->url, "http://", 7))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct account *o;
	int rc = store_account_get(c->store, &a, org, &o);
	if (!rc && o->kind != ACCOUNT_ORG)
		rc = ERR_NOTFOUND;
	int64_t now = time_now();
	struct wc_item it = {
		.org_id = org,
		.origin = in->origin,
		.origin_key = in->origin_key,
		.kind = in->origin,
		.author_name = in->author_name ? in->author_name : "",
		.url = in->url ? in->url : "",
		.title = in->title ? in->title : "",
		.text = in->text,
		.created_at = in->created_at > 0 && in->created_at <= now ? in->created_at : now,
		.visible_at = now,
	};
	if (!rc && !(rc = store_begin(c->store))) {
		rc = ingest(c, &a, &it, inserted);
		rc = store_finish(c->store, rc);
	}
	if (!rc) {
		struct wc_item *got;
		rc = store_wc_item_by_key(c->store, &a, org, in->origin, in->origin_key, &got);
		if (!rc)
			*id = got->id;
	}
	arena_release(&a);
	return rc;
}

/* ---- from inside kring: called by core_post_create in its transaction ---- */

static bool in_list(const uint64_t *v, size_t n, uint64_t x)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == x)
			return true;
	return false;
}

static int wc_ingest_staff_mentions(struct core *c, struct arena *a, const struct post_new *pn,
                                    const struct group *g, const struct account *author);

/* The inbox item of a post from inside kring: one per post and organisation. */
static struct wc_item post_item(struct arena *a, const struct post_new *pn, const struct account *author,
                                uint64_t org, const char *kind, const char *title)
{
	return (struct wc_item){
		.org_id = org,
		.origin = "kring",
		.origin_key = arena_printf(a, "post:%llu", (unsigned long long)pn->id),
		.kind = kind,
		.post_id = pn->id,
		.author_id = pn->author_id,
		.author_name = core_shown_name(author),
		.url = arena_printf(a, "/posts/%llu", (unsigned long long)pn->id),
		.title = title,
		.text = pn->text,
		.created_at = pn->created_at,
		.visible_at = pn->publish_at > pn->created_at ? pn->publish_at : pn->created_at,
	};
}

int wc_ingest_post(struct core *c, struct arena *a, const struct post_new *pn, const struct post *parent)
{
	if (pn->pending)
		return 0; /* held for a group's moderators: not said yet */
	/* Who it may be about: the recipients (mentioned or addressed), the
	 * author of what it answers, the organisations moderating its group. */
	uint64_t cand[CORE_MAX_MENTIONS + 8 + 100];
	size_t nc = 0;
	for (size_t i = 0; i < pn->nrecipients && nc < CORE_MAX_MENTIONS + 8; i++)
		cand[nc++] = pn->recipients[i];
	if (parent && !in_list(cand, nc, parent->author_id))
		cand[nc++] = parent->author_id;
	struct group *g = NULL;
	uint64_t *mods = NULL;
	size_t nmods = 0;
	if (pn->group_id) {
		int rc = store_group_get(c->store, a, 0, pn->group_id, &g);
		if (rc == ERR_NOTFOUND)
			return 0;
		if (rc || (rc = store_group_moderators(c->store, a, pn->group_id, &mods, &nmods)))
			return rc;
		for (size_t i = 0; i < nmods && nc < sizeof cand / sizeof cand[0]; i++)
			if (!in_list(cand, nc, mods[i]))
				cand[nc++] = mods[i];
	}
	struct account *author;
	int rc = store_account_get(c->store, a, pn->author_id, &author);
	if (rc)
		return rc;
	for (size_t i = 0; i < nc; i++) {
		uint64_t org = cand[i];
		if (org == pn->author_id)
			continue;
		struct account *o;
		if (store_account_get(c->store, a, org, &o) || o->kind != ACCOUNT_ORG)
			continue;
		bool rcpt = in_list(pn->recipients, pn->nrecipients, org);
		const char *kind = NULL;
		/* The inbox holds only what the organisation may read
		 * (core_post_visible): a followers-only post, in a group or not,
		 * only if it names the organisation or the organisation follows
		 * its author; nothing across a block. */
		bool reads = pn->visibility != VIS_FOLLOWERS || rcpt;
		if (!reads && (rc = store_follows(c->store, org, pn->author_id, &reads)))
			return rc;
		bool blocked = false; /* a block either way hides a post, here too */
		if (reads && (rc = core_blocked_between(c, org, pn->author_id, &blocked)))
			return rc;
		reads = reads && !blocked;
		if (!reads) {
			kind = NULL;
		} else if (pn->visibility == VIS_DIRECT) {
			/* A private message reaches only those it is addressed to. */
			if (rcpt)
				kind = "dm";
		} else if (g && in_list(mods, nmods, org)) {
			kind = "group";
		} else if (g && g->kind != GROUP_OPEN) {
			kind = NULL; /* a closed group's post is for its own organisation only */
		} else if (parent && parent->author_id == org) {
			kind = "reply";
		} else if (rcpt) {
			kind = "mention";
		}
		if (!kind)
			continue;
		struct wc_item it = post_item(a, pn, author, org, kind, "");
		bool inserted;
		if ((rc = ingest(c, a, &it, &inserted)))
			return rc;
	}
	return wc_ingest_staff_mentions(c, a, pn, g, author);
}

/* A person named in a post who writes for an organisation (its profile lists
 * its staff publicly) is named in that role: the post is the organisation's
 * business too, where it is said in public: a public post outside a closed
 * group (a followers-only post is for the writer's followers, a private
 * message for its addressees); not a colleague's post (that is talk among
 * staff), nothing across a block.  One
 * post is one item per organisation: a post that already came in as a
 * mention, reply or group post stays that (ingest keeps the first). */
static int wc_ingest_staff_mentions(struct core *c, struct arena *a, const struct post_new *pn,
                                    const struct group *g, const struct account *author)
{
	if (pn->visibility != VIS_PUBLIC || (g && g->kind != GROUP_OPEN))
		return 0;
	int rc = 0;
	for (size_t i = 0; !rc && i < pn->nrecipients && i < CORE_MAX_MENTIONS; i++) {
		uint64_t named = pn->recipients[i];
		if (named == pn->author_id)
			continue;
		struct account **orgs;
		size_t norgs = 0;
		if ((rc = store_staff_orgs(c->store, a, named, &orgs, &norgs)) || norgs == 0)
			continue;
		struct account *staff;
		if ((rc = store_account_get(c->store, a, named, &staff)))
			break;
		for (size_t j = 0; !rc && j < norgs; j++) {
			uint64_t org = orgs[j]->id;
			bool colleague = false, blocked = false;
			if (org == pn->author_id || (rc = store_staff_is(c->store, org, pn->author_id, &colleague)) ||
			    colleague || (rc = core_blocked_between(c, org, pn->author_id, &blocked)) || blocked)
				continue;
			/* titled with whom it names, for the inbox's line */
			struct wc_item it = post_item(a, pn, author, org, "staff", core_shown_name(staff));
			bool inserted;
			rc = ingest(c, a, &it, &inserted);
		}
	}
	return rc;
}

int wc_post_gone(struct core *c, uint64_t post)
{
	return store_wc_post_gone(c->store, post);
}

int wc_post_edited(struct core *c, uint64_t post, const char *text)
{
	return store_wc_post_text(c->store, post, text);
}

int wc_staff_gone(struct core *c, uint64_t org, uint64_t person)
{
	struct arena a;
	arena_init(&a);
	struct wc_team *t;
	size_t nt = 0;
	int rc = store_wc_staff_gone(c->store, org, person);
	/* What they held goes back to its team's queue, each with its history. */
	struct wc_item *v;
	size_t n = 0;
	struct wc_filter f = {.status = WC_ASSIGNED, .assignee_id = person, .limit = STORE_WC_LIST_MAX};
	/* A page at a time: each page handed back leaves the filter. */
	for (int round = 0; !rc && round < 1000; round++) {
		if ((rc = store_wc_items(c->store, &a, org, &f, INT64_MAX, &v, &n)) || n == 0)
			break;
		for (size_t i = 0; !rc && i < n; i++) {
			v[i].assignee_id = 0;
			v[i].status = WC_NEW;
			v[i].updated_at = time_now();
			rc = store_wc_item_update(c->store, &v[i]);
			if (!rc)
				rc = store_wc_event_add(c->store, v[i].id, 0, "assign", "0", time_now());
		}
	}
	if (!rc)
		rc = store_wc_teams(c->store, &a, org, &t, &nt);
	for (size_t i = 0; !rc && i < nt; i++)
		rc = run_queue(c, &a, org, t[i].id);
	arena_release(&a);
	return rc;
}

/* ---- the inbox ---- */

int core_wc_items(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, const struct wc_filter *f,
                  struct wc_item **out, size_t *n)
{
	*n = 0;
	int rc = need_staff(c, a, viewer, org, NULL);
	if (rc)
		return rc;
	if (f->status < -2 || f->status > WC_PENDING)
		return ERR_INVAL;
	/* Crisis mode: everything about the crisis topic at the top. */
	struct wc_filter cf = *f;
	cf.first_topic = wc_crisis_topic(c, a, org);
	return store_wc_items(c->store, a, org, &cf, time_now(), out, n);
}

int core_wc_item(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t id, struct wc_item **out,
                 struct wc_event **ev, size_t *nev)
{
	int rc = need_staff(c, a, viewer, org, NULL);
	if (!rc)
		rc = store_wc_item_get(c->store, a, org, id, out);
	if (!rc && (*out)->visible_at > time_now())
		rc = ERR_NOTFOUND; /* its post is still held (think time) */
	if (!rc && ev)
		rc = store_wc_events(c->store, a, id, ev, nev);
	return rc;
}

/* Load the item for a change, in a transaction the caller finishes. */
static int item_for_change(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t id,
                           struct wc_item **it)
{
	int rc = need_staff(c, a, viewer, org, NULL);
	if (!rc)
		rc = store_wc_item_get(c->store, a, org, id, it);
	if (!rc && (*it)->visible_at > time_now())
		rc = ERR_NOTFOUND;
	return rc;
}

static const char *const status_names[] = {"new", "assigned", "answered", "followed_up", "closed", "pending"};

int core_wc_status(struct core *c, uint64_t viewer, uint64_t org, uint64_t id, int status, int64_t until)
{
	if (status < WC_NEW || status > WC_PENDING)
		return ERR_INVAL;
	int64_t now = time_now();
	if (status == WC_PENDING ? until <= now || until > now + 366LL * 86400 : until != 0)
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct wc_item *it;
	int rc = store_begin(c->store);
	if (!rc)
		rc = item_for_change(c, &a, viewer, org, id, &it);
	uint64_t team = 0;
	if (!rc) {
		team = it->team_id;
		if (status == WC_ASSIGNED && !it->assignee_id)
			rc = ERR_INVAL; /* give it to someone: core_wc_assign */
		else if (status == WC_NEW && it->assignee_id)
			rc = ERR_INVAL; /* take it back to the queue: core_wc_assign(0) */
	}
	if (!rc) {
		it->status = status;
		it->snooze_until = status == WC_PENDING ? until : 0;
		if (status == WC_FOLLOWED_UP || status == WC_CLOSED)
			it->followup_sent = true; /* no reminder any more */
		it->updated_at = now;
		rc = store_wc_item_update(c->store, it);
	}
	if (!rc)
		rc = store_wc_event_add(c->store, id, viewer, "status",
		                        status == WC_PENDING ? arena_printf(&a, "pending %lld", (long long)until)
		                                             : status_names[status],
		                        now);
	/* Someone has room again. */
	if (!rc)
		rc = run_queue(c, &a, org, team);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_wc_note(struct core *c, uint64_t viewer, uint64_t org, uint64_t id, const char *text)
{
	if (!text || text_blank(text) || text_check(text, strlen(text), CORE_WC_TEXT_MAX))
		return text && strlen(text) > CORE_WC_TEXT_MAX ? ERR_TOOBIG : ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct wc_item *it;
	int rc = store_begin(c->store);
	if (!rc)
		rc = item_for_change(c, &a, viewer, org, id, &it);
	if (!rc)
		rc = store_wc_event_add(c->store, id, viewer, "note", text, time_now());
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_wc_assign(struct core *c, uint64_t viewer, uint64_t org, uint64_t id, uint64_t person)
{
	struct arena a;
	arena_init(&a);
	struct wc_item *it;
	int64_t now = time_now();
	int rc = store_begin(c->store);
	if (!rc)
		rc = item_for_change(c, &a, viewer, org, id, &it);
	if (!rc && person) {
		bool staff = false;
		struct account *p;
		rc = store_account_get(c->store, &a, person, &p);
		if (!rc && (rc = store_staff_is(c->store, org, person, &staff)) == 0 && (!staff || p->suspended))
			rc = ERR_INVAL; /* only to the organisation's staff */
		if (rc == ERR_NOTFOUND)
			rc = ERR_INVAL;
	}
	if (!rc && it->status == WC_CLOSED)
		rc = ERR_INVAL;
	if (!rc) {
		/* One row changes hands in one statement: the item is with the old
		 * person, the new one, or in the queue — never with nobody unseen. */
		it->assignee_id = person;
		if (person && (it->status == WC_NEW || it->status == WC_ASSIGNED))
			it->status = WC_ASSIGNED;
		if (!person && it->status == WC_ASSIGNED)
			it->status = WC_NEW;
		it->updated_at = now;
		rc = store_wc_item_update(c->store, it);
	}
	if (!rc)
		rc = store_wc_event_add(c->store, id, viewer, "assign", arena_printf(&a, "%llu", (unsigned long long)person),
		                        now);
	if (!rc)
		rc = run_queue(c, &a, org, it->team_id);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_wc_triage(struct core *c, uint64_t viewer, uint64_t org, uint64_t id, const char *topic, int priority,
                   uint64_t team)
{
	if (priority < 0 || priority > 3 || (topic && text_check(topic, strlen(topic), CORE_WC_NAME_MAX)))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct wc_item *it;
	struct wc_team *t;
	int rc = store_begin(c->store);
	if (!rc)
		rc = item_for_change(c, &a, viewer, org, id, &it);
	if (!rc && team && (rc = store_wc_team_get(c->store, &a, org, team, &t)) == ERR_NOTFOUND)
		rc = ERR_INVAL;
	uint64_t old_team = 0;
	if (!rc) {
		old_team = it->team_id;
		if (topic)
			it->topic = topic;
		it->priority = priority;
		it->team_id = team;
		/* Another team: back in its queue, unless someone holds it. */
		it->updated_at = time_now();
		rc = store_wc_item_update(c->store, it);
	}
	if (!rc)
		rc = store_wc_event_add(c->store, id, viewer, "triage",
		                        arena_printf(&a, "%s %d", it->topic, priority), time_now());
	if (!rc && team != old_team)
		rc = run_queue(c, &a, org, team);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

/* ---- answering ---- */

/* A day, for the follow-up reminder; the test build may shorten it
 * (KRING_TEST_DAY_SECONDS) so a black-box test sees the reminder come. */
static int64_t day_seconds(void)
{
#ifdef KRING_TEST_BUILD
	const char *e = getenv("KRING_TEST_DAY_SECONDS");
	if (e && *e >= '0' && *e <= '9')
		return atoll(e);
#endif
	return 86400;
}

/* A {field} still in the text (letters only between the braces). */
static bool has_field(const char *s)
{
	for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
		const char *q = p + 1;
		while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
			q++;
		if (q > p + 1 && *q == '}')
			return true;
	}
	return false;
}

/* body with {naam}, {medewerker}, {afdeling} replaced where known (a field
 * whose value is empty stays, to be filled in by hand). */
static char *fill(struct arena *a, const char *body, const char *naam, const char *medewerker, const char *afdeling)
{
	struct buf b = BUF_INIT(CORE_WC_TEXT_MAX * 2);
	static const char *const names[] = {"{naam}", "{medewerker}", "{afdeling}"};
	const char *vals[] = {naam, medewerker, afdeling};
	for (const char *p = body; *p;) {
		bool done = false;
		for (int k = 0; k < 3 && !done; k++) {
			size_t n = strlen(names[k]);
			if (!strncmp(p, names[k], n) && vals[k] && *vals[k]) {
				buf_nofail(buf_adds(&b, vals[k]));
				p += n;
				done = true;
			}
		}
		if (!done)
			buf_nofail(buf_addc(&b, *p++));
	}
	char *out = arena_strndup(a, b.ptr ? b.ptr : "", b.len);
	buf_release(&b);
	return out;
}

/* The fields' values for this item and viewer. */
static int fields(struct core *c, struct arena *a, uint64_t viewer, const struct wc_item *it, const char **naam,
                  const char **medewerker, const char **afdeling)
{
	struct account *me;
	int rc = store_account_get(c->store, a, viewer, &me);
	if (rc)
		return rc;
	*medewerker = core_shown_name(me);
	*naam = it->author_name;
	*afdeling = "";
	struct wc_team *t;
	if (it->team_id && store_wc_team_get(c->store, a, it->org_id, it->team_id, &t) == 0)
		*afdeling = t->name;
	return 0;
}

int core_wc_template_fill(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t item,
                          uint64_t tmpl, char **out)
{
	struct wc_item *it;
	struct wc_template *t;
	size_t nt;
	int rc = core_wc_item(c, a, viewer, org, item, &it, NULL, NULL);
	if (!rc)
		rc = store_wc_templates(c->store, a, org, &t, &nt);
	if (rc)
		return rc;
	for (size_t i = 0; i < nt; i++)
		if (t[i].id == tmpl) {
			const char *n, *m, *d;
			if ((rc = fields(c, a, viewer, it, &n, &m, &d)))
				return rc;
			*out = fill(a, t[i].body, n, m, d);
			return 0;
		}
	return ERR_NOTFOUND;
}

/* What the "same sentence to everyone" check compares: an unchanged
 * template by its id, any other text by its hash (lower case, spaces
 * collapsed). */
static const char *sent_key(struct core *c, struct arena *a, uint64_t viewer, const struct wc_item *it,
                            const char *text)
{
	struct wc_template *t;
	size_t nt;
	const char *n, *m, *d;
	if (store_wc_templates(c->store, a, it->org_id, &t, &nt) == 0 && fields(c, a, viewer, it, &n, &m, &d) == 0)
		for (size_t i = 0; i < nt; i++)
			if (!strcmp(fill(a, t[i].body, n, m, d), text) || !strcmp(t[i].body, text))
				return arena_printf(a, "t:%llu", (unsigned long long)t[i].id);
	struct buf b = BUF_INIT(CORE_WC_TEXT_MAX * 2);
	bool space = false;
	for (const char *p = text; *p; p++) {
		char ch = *p;
		if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_nofail(buf_addc(&b, ' '));
		space = false;
		buf_nofail(buf_addc(&b, ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch));
	}
	unsigned char h[16];
	crypto_generichash(h, sizeof h, (const unsigned char *)(b.ptr ? b.ptr : ""), b.len, NULL, 0);
	buf_release(&b);
	char hex[33];
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	return arena_printf(a, "x:%s", hex);
}

int core_wc_answer(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t id,
                   const struct wc_answer *ans, uint64_t *post)
{
	int why_local, *why = ans->why ? ans->why : &why_local;
	*why = WC_ANSWER_OK;
	struct wc_item *it;
	int rc = core_wc_item(c, a, viewer, org, id, &it, NULL, NULL);
	if (rc)
		return rc;
	const char *text = ans->text ? ans->text : "";
	if (!strcmp(it->kind, "consult") || !strcmp(it->kind, "review")) {
		/* answered where it was asked (the question's page, the review's
		 * one reply): a post here could make a private question public */
		*why = WC_ANSWER_ELSEWHERE;
		return ERR_INVAL;
	}
	if (text_blank(text)) {
		*why = WC_ANSWER_EMPTY;
		return ERR_INVAL;
	}
	if (has_field(text)) {
		*why = WC_ANSWER_FIELDS;
		return ERR_INVAL;
	}
	const char *recipient = it->author_id ? arena_printf(a, "a:%llu", (unsigned long long)it->author_id)
	                                      : arena_printf(a, "n:%s", it->author_name);
	const char *key = sent_key(c, a, viewer, it, text);
	bool other = false;
	if ((rc = store_wc_sent_other(c->store, org, key, recipient, &other)))
		return rc;
	if (other && !ans->confirm_same) {
		*why = WC_ANSWER_SAME;
		return ERR_CONFLICT;
	}
	/* Through the one door for posts: the guard, the group's rules, who
	 * may message whom, the organisation's guidelines all apply. */
	struct post_input in = {
		.author_id = ans->as_org ? org : viewer,
		.text = text,
		.visibility = VIS_PUBLIC,
		.confirm = ans->confirm,
		.guard = ans->guard,
	};
	if (it->post_id) {
		in.in_reply_to = it->post_id;
		if (!strcmp(it->kind, "dm"))
			in.visibility = VIS_DIRECT;
	} else {
		in.text = *it->url ? arena_printf(a, "%s\n\n%s", text, it->url) : text;
	}
	uint64_t pid = 0;
	if ((rc = core_post_create(c, a, viewer, &in, &pid))) {
		*why = WC_ANSWER_POST;
		return rc;
	}
	/* The post is committed; the item's state follows in its own
	 * transaction (if this fails the answer stands and the item says
	 * so on the next try: it is logged). */
	int64_t now = time_now();
	struct wc_team *t;
	int days = CORE_WC_FOLLOWUP_DEFAULT;
	if (it->team_id && store_wc_team_get(c->store, a, org, it->team_id, &t) == 0 && t->followup_days > 0)
		days = t->followup_days;
	if (!(rc = store_begin(c->store))) {
		struct wc_item *cur;
		rc = store_wc_item_get(c->store, a, org, id, &cur);
		if (!rc) {
			bool was_assigned = cur->status == WC_ASSIGNED;
			if (!cur->assignee_id)
				cur->assignee_id = viewer; /* who answers, has it */
			cur->status = WC_ANSWERED;
			if (!cur->first_answer_at)
				cur->first_answer_at = now;
			cur->followup_at = now + (int64_t)days * day_seconds();
			cur->followup_sent = false;
			cur->updated_at = now;
			rc = store_wc_item_update(c->store, cur);
			if (!rc)
				rc = store_wc_event_add(c->store, id, viewer, "answer",
				                        arena_printf(a, "%s %llu", ans->as_org ? "org" : "self",
				                                     (unsigned long long)pid),
				                        now);
			if (!rc)
				rc = store_wc_sent_add(c->store, org, key, recipient, id, now);
			if (!rc)
				rc = store_job_enqueue(c->store, CORE_WC_FOLLOWUP_JOB,
				                       arena_printf(a, "%llu %llu", (unsigned long long)org, (unsigned long long)id),
				                       cur->followup_at, &(uint64_t){0});
			if (!rc && was_assigned)
				rc = run_queue(c, a, org, cur->team_id);
		}
		rc = store_finish(c->store, rc);
	}
	if (rc)
		log_warn("webcare: answer %llu posted, item %llu not updated: %s", (unsigned long long)pid,
		         (unsigned long long)id, err_str(rc));
	else
		job_kick();
	*post = pid;
	return 0;
}

/* The follow-up reminder: the item's holder (or, with nobody, every staff
 * member? no: the item waits in the inbox, marked) hears that it is time to
 * tell the person what was done. */
static int followup_run(void *ctx, const char *arg, char *why, size_t whylen)
{
	struct core *c = ctx;
	unsigned long long org = 0, id = 0;
	if (!arg || sscanf(arg, "%llu %llu", &org, &id) != 2) {
		snprintf(why, whylen, "bad argument");
		return ERR_INVAL;
	}
	struct arena a;
	arena_init(&a);
	struct wc_item *it;
	int rc = store_begin(c->store);
	if (!rc && (rc = store_wc_item_get(c->store, &a, org, id, &it)) == ERR_NOTFOUND)
		rc = -1; /* gone: nothing to remind */
	bool tell = false;
	if (!rc && it->status == WC_ANSWERED && !it->followup_sent && it->followup_at && it->followup_at <= time_now()) {
		it->followup_sent = true;
		it->updated_at = time_now();
		rc = store_wc_item_update(c->store, it);
		if (!rc)
			rc = store_wc_event_add(c->store, id, 0, "followup", "", time_now());
		if (!rc && it->assignee_id &&
		    !(rc = store_notif_insert_for(c->store, it->assignee_id, org, NOTIF_WEBCARE_FOLLOWUP, org, 0)))
			remind_push(c, it->assignee_id, NOTIF_WEBCARE_FOLLOWUP, org); /* Web Push, core/remind.c */
		tell = !rc && it->assignee_id;
	}
	if (rc == -1)
		rc = 0;
	rc = store_finish(c->store, rc);
	if (!rc && tell) {
		job_kick(); /* the push */
		if (c->on_notify)
			c->on_notify(c, it->assignee_id);
	}
	arena_release(&a);
	return rc;
}

static struct job_handler wc_handlers[2];

void core_wc_jobs(struct core *c, const struct job_handler **h, size_t *n)
{
	wc_handlers[0] = (struct job_handler){.kind = CORE_WC_FOLLOWUP_JOB, .run = followup_run, .ctx = c};
	/* Spike alerts (core/webcare_spike.c): a periodic job. */
	wc_spike_handler(c, &wc_handlers[1]);
	*h = wc_handlers;
	*n = 2;
}

/* ---- teams, members, hours ---- */

static bool name_ok(const char *s)
{
	return s && !text_blank(s) && text_check(s, strlen(s), CORE_WC_NAME_MAX) == 0;
}

int core_wc_teams(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct wc_team **out, size_t *n)
{
	*n = 0;
	int rc = need_staff(c, a, viewer, org, NULL);
	return rc ? rc : store_wc_teams(c->store, a, org, out, n);
}

int core_wc_team_save(struct core *c, uint64_t viewer, uint64_t org, struct wc_team *t)
{
	if (!name_ok(t->name) || (t->topics && text_check(t->topics, strlen(t->topics), CORE_WC_RULE_MAX)) ||
	    (t->mode != WC_LEAST_LOADED && t->mode != WC_ROUND_ROBIN) || t->followup_days < 0 || t->followup_days > 90)
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	t->org_id = org;
	if (!t->topics)
		t->topics = "";
	int rc = store_begin(c->store);
	if (!rc)
		rc = need_staff(c, &a, viewer, org, NULL);
	if (!rc)
		rc = store_wc_team_save(c->store, t);
	if (!rc)
		rc = run_queue(c, &a, org, t->id);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_wc_team_delete(struct core *c, uint64_t viewer, uint64_t org, uint64_t team)
{
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (!rc)
		rc = need_staff(c, &a, viewer, org, NULL);
	if (!rc)
		rc = store_wc_team_delete(c->store, org, team);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_wc_members(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t team,
                    struct wc_member **out, size_t *n)
{
	*n = 0;
	struct wc_team *t;
	int rc = need_staff(c, a, viewer, org, NULL);
	if (!rc)
		rc = store_wc_team_get(c->store, a, org, team, &t);
	return rc ? rc : store_wc_members(c->store, a, org, team, out, n);
}

int core_wc_member_set(struct core *c, uint64_t viewer, uint64_t org, uint64_t team, uint64_t person, bool available,
                       int cap)
{
	if (cap < 0 || cap > CORE_WC_CAP_MAX)
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct wc_team *t;
	bool staff = false;
	int rc = store_begin(c->store);
	if (!rc)
		rc = need_staff(c, &a, viewer, org, NULL);
	if (!rc)
		rc = store_wc_team_get(c->store, &a, org, team, &t);
	if (!rc && ((rc = store_staff_is(c->store, org, person, &staff)) == 0 && !staff))
		rc = ERR_INVAL;
	if (!rc)
		rc = store_wc_member_set(c->store, team, person, available, cap);
	/* Someone became available, or has more room: the queue moves. */
	if (!rc)
		rc = run_queue(c, &a, org, team);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_wc_member_remove(struct core *c, uint64_t viewer, uint64_t org, uint64_t team, uint64_t person)
{
	struct arena a;
	arena_init(&a);
	struct wc_team *t;
	int rc = store_begin(c->store);
	if (!rc)
		rc = need_staff(c, &a, viewer, org, NULL);
	if (!rc)
		rc = store_wc_team_get(c->store, &a, org, team, &t);
	if (!rc)
		rc = store_wc_member_remove(c->store, team, person);
	/* What they held in this team goes back to its queue: never lost. */
	struct wc_item *v;
	size_t n = 0;
	struct wc_filter f = {.status = WC_ASSIGNED, .team_id = team, .assignee_id = person, .limit = STORE_WC_LIST_MAX};
	if (!rc)
		rc = store_wc_items(c->store, &a, org, &f, INT64_MAX, &v, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		v[i].assignee_id = 0;
		v[i].status = WC_NEW;
		v[i].updated_at = time_now();
		rc = store_wc_item_update(c->store, &v[i]);
		if (!rc)
			rc = store_wc_event_add(c->store, v[i].id, viewer, "assign", "0", time_now());
	}
	if (!rc)
		rc = run_queue(c, &a, org, team);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

static bool day_ok(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int core_wc_hours_set(struct core *c, uint64_t viewer, uint64_t org, uint64_t team, const struct wc_period *p,
                      size_t n, const char *const *days, size_t ndays)
{
	if (n > CORE_WC_PERIODS_MAX || ndays > STORE_WC_SMALL_MAX)
		return ERR_TOOBIG;
	for (size_t i = 0; i < n; i++) {
		if (p[i].weekday < 0 || p[i].weekday > 6 || p[i].start_min < 0 || p[i].end_min > 24 * 60 ||
		    p[i].start_min >= p[i].end_min)
			return ERR_INVAL;
		/* Periods of one day do not overlap. */
		for (size_t j = 0; j < i; j++)
			if (p[j].weekday == p[i].weekday && p[j].start_min < p[i].end_min && p[i].start_min < p[j].end_min)
				return ERR_INVAL;
	}
	for (size_t i = 0; i < ndays; i++)
		if (!day_ok(days[i]))
			return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct wc_team *t;
	int rc = store_begin(c->store);
	if (!rc)
		rc = need_staff(c, &a, viewer, org, NULL);
	if (!rc)
		rc = store_wc_team_get(c->store, &a, org, team, &t);
	if (!rc)
		rc = store_wc_hours_set(c->store, team, p, n);
	if (!rc)
		rc = store_wc_holidays_set(c->store, team, days, ndays);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_wc_hours(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, uint64_t team,
                  struct wc_period **p, size_t *n, const char ***days, size_t *ndays)
{
	struct wc_team *t;
	int rc = need_staff(c, a, viewer, org, NULL);
	if (!rc)
		rc = store_wc_team_get(c->store, a, org, team, &t);
	if (!rc)
		rc = store_wc_hours(c->store, a, team, p, n);
	if (!rc)
		rc = store_wc_holidays(c->store, a, team, days, ndays);
	return rc;
}

/* ---- rules and templates ---- */

int core_wc_rules(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct wc_rule **out, size_t *n)
{
	*n = 0;
	int rc = need_staff(c, a, viewer, org, NULL);
	return rc ? rc : store_wc_rules(c->store, a, org, out, n);
}

int core_wc_rule_add(struct core *c, uint64_t viewer, uint64_t org, const struct wc_rule *r)
{
	if (!name_ok(r->name) || (r->topic && *r->topic && !name_ok(r->topic)) || r->priority < 0 || r->priority > 3)
		return ERR_INVAL;
	int rc = core_wc_rule_check(r->expr);
	if (rc)
		return rc;
	struct arena a;
	arena_init(&a);
	struct wc_team *t;
	struct wc_rule row = *r;
	row.id = id_new();
	row.org_id = org;
	if (!row.topic)
		row.topic = "";
	if (!(rc = store_begin(c->store))) {
		rc = need_staff(c, &a, viewer, org, NULL);
		if (!rc && r->team_id && (rc = store_wc_team_get(c->store, &a, org, r->team_id, &t)) == ERR_NOTFOUND)
			rc = ERR_INVAL;
		struct wc_rule *v;
		size_t n = 0;
		if (!rc)
			rc = store_wc_rules(c->store, &a, org, &v, &n);
		if (!rc && n >= STORE_WC_SMALL_MAX)
			rc = ERR_TOOBIG;
		if (!rc && !r->position)
			row.position = n ? v[n - 1].position + 1 : 1;
		if (!rc)
			rc = store_wc_rule_insert(c->store, &row);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_wc_rule_delete(struct core *c, uint64_t viewer, uint64_t org, uint64_t id)
{
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (!rc)
		rc = need_staff(c, &a, viewer, org, NULL);
	if (!rc)
		rc = store_wc_rule_delete(c->store, org, id);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_wc_templates(struct core *c, struct arena *a, uint64_t viewer, uint64_t org, struct wc_template **out,
                      size_t *n)
{
	*n = 0;
	int rc = need_staff(c, a, viewer, org, NULL);
	return rc ? rc : store_wc_templates(c->store, a, org, out, n);
}

int core_wc_template_add(struct core *c, uint64_t viewer, uint64_t org, const char *name, const char *body)
{
	if (!name_ok(name) || !body || text_blank(body) || text_check(body, strlen(body), CORE_WC_TEXT_MAX))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct wc_template t = {.id = id_new(), .org_id = org, .name = name, .body = body};
	int rc = store_begin(c->store);
	if (!rc)
		rc = need_staff(c, &a, viewer, org, NULL);
	struct wc_template *v;
	size_t n = 0;
	if (!rc)
		rc = store_wc_templates(c->store, &a, org, &v, &n);
	if (!rc && n >= STORE_WC_SMALL_MAX)
		rc = ERR_TOOBIG;
	if (!rc)
		rc = store_wc_template_insert(c->store, &t);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

int core_wc_template_delete(struct core *c, uint64_t viewer, uint64_t org, uint64_t id)
{
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (!rc)
		rc = need_staff(c, &a, viewer, org, NULL);
	if (!rc)
		rc = store_wc_template_delete(c->store, org, id);
	rc = store_finish(c->store, rc);
	arena_release(&a);
	return rc;
}

/* ---- consultation hours and reviews: inside sources that are not posts ---- */

/* An organisation account (not suspended), else false. */
static bool is_org(struct core *c, struct arena *a, uint64_t id, struct account **out)
{
	struct account *o;
	if (store_account_get(c->store, a, id, &o) || o->kind != ACCOUNT_ORG)
		return false;
	if (out)
		*out = o;
	return true;
}

int wc_ingest_consult(struct core *c, struct arena *a, const struct consult_session *cs,
                      const struct consult_question *q)
{
	if (!is_org(c, a, cs->owner_id, NULL))
		return 0; /* a professional's own hour has no inbox */
	/* The inbox is the organisation's staff, the same people who answer its
	 * consultation hour (core_may_post_as), so a private question may be
	 * there.  An anonymous asker stays anonymous: no account, no name. */
	const char *name = "een cliënt";
	uint64_t author = 0;
	if (!q->anonymous) {
		struct account *asker;
		int rc = store_account_get(c->store, a, q->asker_id, &asker);
		if (rc)
			return rc;
		author = q->asker_id;
		name = core_shown_name(asker);
	}
	struct wc_item it = {
		.org_id = cs->owner_id,
		.origin = "kring",
		.origin_key = arena_printf(a, "consult:%llu", (unsigned long long)q->id),
		.kind = "consult",
		.author_id = author,
		.author_name = name,
		.url = arena_printf(a, "/consult/q/%llu", (unsigned long long)q->id),
		.title = cs->topic ? cs->topic : "",
		.text = q->text,
		.created_at = q->created_at,
		.visible_at = q->created_at,
	};
	bool inserted;
	return ingest(c, a, &it, &inserted);
}

/* A declined or merged question is dealt with by the consultation hour:
 * its item closes, in the caller's transaction, and the history says why
 * (`why`: "declined" or "merged").  Closing, not removing: the item keeps
 * its history and counts in the measures.  No item (a professional's own
 * hour): nothing to do. */
int wc_consult_closed(struct core *c, struct arena *a, const struct consult_session *cs, uint64_t question,
                      uint64_t actor, const char *why)
{
	if (!is_org(c, a, cs->owner_id, NULL))
		return 0;
	struct wc_item *it;
	int rc = store_wc_item_by_key(c->store, a, cs->owner_id, "kring",
	                              arena_printf(a, "consult:%llu", (unsigned long long)question), &it);
	if (rc == ERR_NOTFOUND)
		return 0;
	if (rc || it->status == WC_CLOSED)
		return rc;
	int64_t now = time_now();
	uint64_t team = it->team_id;
	it->status = WC_CLOSED;
	it->snooze_until = 0;
	it->followup_sent = true; /* no reminder any more */
	it->updated_at = now;
	rc = store_wc_item_update(c->store, it);
	if (!rc)
		rc = store_wc_event_add(c->store, it->id, actor, "consult", why, now);
	if (!rc)
		rc = store_wc_event_add(c->store, it->id, actor, "status", status_names[WC_CLOSED], now);
	if (!rc)
		rc = run_queue(c, a, cs->owner_id, team); /* its holder has room again */
	return rc;
}

static const char *review_key(struct arena *a, const struct review *rv)
{
	return arena_printf(a, "review:%llu", (unsigned long long)rv->id);
}

int wc_ingest_review(struct core *c, struct arena *a, const struct review *rv)
{
	struct account *o;
	if (!is_org(c, a, rv->provider_id, &o))
		return 0;
	/* Reviews are public without their writer (core/review.c public_view):
	 * the inbox shows no writer either. */
	struct wc_item it = {
		.org_id = rv->provider_id,
		.origin = "kring",
		.origin_key = review_key(a, rv),
		.kind = "review",
		.author_name = "een cliënt",
		.url = arena_printf(a, "/@%s/reviews", o->username),
		.title = rv->service ? rv->service : "",
		.text = rv->text,
		.created_at = rv->created_at,
		.visible_at = time_now(),
	};
	bool inserted;
	return ingest(c, a, &it, &inserted);
}

int wc_review_text(struct core *c, const struct review *rv)
{
	struct arena a;
	arena_init(&a);
	int rc = store_wc_key_text(c->store, rv->provider_id, "kring", review_key(&a, rv), rv->text);
	arena_release(&a);
	return rc;
}

int wc_review_gone(struct core *c, const struct review *rv)
{
	struct arena a;
	arena_init(&a);
	int rc = store_wc_key_gone(c->store, rv->provider_id, "kring", review_key(&a, rv));
	arena_release(&a);
	return rc;
}
