/* Consultation hours (issue 18): sessions, questions of three kinds,
 * answers, the professional's queue, the archive and its numbers.  Who sees
 * a question, and who asked it, is decided here once (visible, mask). */
#include "core/consult.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "base/when.h"
#include "core/core.h"
#include "core/core_int.h"
#include "job/job.h"
#include "store/store_consult.h"

static bool staff_of(struct core *c, uint64_t viewer, uint64_t owner)
{
	return viewer && core_may_post_as(c, viewer, owner);
}

bool core_consult_may_open(struct core *c, struct arena *a, uint64_t viewer, uint64_t owner)
{
	struct account *acc;
	if (!staff_of(c, viewer, owner) || core_account_get(c, a, owner, &acc) || acc->suspended)
		return false;
	return acc->kind == ACCOUNT_ORG || acc->person_type == PERSON_PROFESSIONAL;
}

/* A text a person typed: not empty, valid, within max characters. */
static bool text_ok(const char *s, size_t max)
{
	return s && !text_blank(s) && !text_check(s, strlen(s), max);
}

bool core_consult_time(const char *s, int64_t *out)
{
	return when_parse(s, out);
}

/* "2 dec 2026, 10:00" in the server's time zone (the announcement is
 * Dutch; digits with dashes would read as a phone number to the guard). */
static const char *day_time(struct arena *a, int64_t t)
{
	static const char *mon[] = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return "?";
	return arena_printf(a, "%d %s %d, %02d:%02d", tm.tm_mday, mon[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
	                    tm.tm_min);
}

int core_consult_open(struct core *c, struct arena *a, uint64_t viewer, const struct consult_open *in, uint64_t *id)
{
	uint64_t by = viewer ? viewer : in->owner_id; /* the operator acts as the owner */
	if (!core_consult_may_open(c, a, by, in->owner_id))
		return ERR_FORBIDDEN;
	const char *disclaimer = in->disclaimer && *in->disclaimer ? in->disclaimer : CORE_CONSULT_DISCLAIMER;
	int64_t now = time_now();
	if (!text_ok(in->topic, CORE_CONSULT_TOPIC_MAX) || strpbrk(in->topic, "\r\n") ||
	    !text_ok(disclaimer, CORE_CONSULT_DISCLAIMER_MAX) || in->starts_at <= 0 || in->ends_at <= in->starts_at ||
	    in->ends_at - in->starts_at > CORE_CONSULT_SPAN_MAX || in->ends_at <= now ||
	    in->starts_at > now + CORE_CONSULT_AHEAD_MAX || in->audience < CONSULT_EVERYONE ||
	    in->audience > CONSULT_GROUP || (in->audience == CONSULT_GROUP) != (in->group_id != 0))
		return ERR_INVAL;
	if (in->audience == CONSULT_GROUP) {
		struct group *g;
		if (core_group_by_id(c, a, by, in->group_id, &g) || g->v_state != GSTATE_MEMBER)
			return ERR_INVAL;
	}
	struct consult_session cs = {
	        .id = id_new(),
	        .owner_id = in->owner_id,
	        .opened_by = by,
	        .topic = in->topic,
	        .disclaimer = disclaimer,
	        .starts_at = in->starts_at,
	        .ends_at = in->ends_at,
	        .created_at = now,
	        .audience = in->audience,
	        .group_id = in->group_id,
	        .answers_private = in->answers_private,
	};
	/* The announcement first, in its own transaction (its events go out
	 * after its commit); a refusal by the guard leaves nothing behind. */
	const char *text = arena_printf(a, "Spreekuur: %s\n%s tot %s.\n%s\nStel uw vraag: %s/consult/%llu", in->topic,
	                                day_time(a, in->starts_at), day_time(a, in->ends_at), disclaimer,
	                                in->link_base ? in->link_base : "", (unsigned long long)cs.id);
	struct post_input pin = {
	        .author_id = in->owner_id,
	        .text = text,
	        .visibility = VIS_PUBLIC,
	        .confirm = in->confirm,
	        .guard = in->guard,
	};
	int rc = core_post_create(c, a, by, &pin, &cs.post_id);
	if (rc)
		return rc;
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_consult_insert(c->store, &cs);
	if (!rc)
		rc = store_consult_follow(c->store, cs.id, by, true);
	/* Those who follow it hear when it opens (a session open at once has
	 * nothing to wait for). */
	uint64_t jid;
	if (!rc && cs.starts_at > now)
		rc = store_job_enqueue(c->store, CORE_CONSULT_JOB, arena_printf(a, "%llu", (unsigned long long)cs.id),
		                       cs.starts_at, &jid);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	if (cs.starts_at > now)
		job_kick();
	if (id)
		*id = cs.id;
	return 0;
}

/* Is cs for the members of a group that is not open?  Then its questions
 * and answers are the group's, as its posts are (security review, 2026-12). */
static bool group_closed(struct core *c, struct arena *a, const struct consult_session *cs)
{
	struct group *g;
	if (cs->audience != CONSULT_GROUP)
		return false;
	return core_group_by_id(c, a, 0, cs->group_id, &g) || g->kind != GROUP_OPEN;
}

/* A closed group's session is read by its members and staff only: for
 * anyone else its questions are shut, and a secret group's id is not
 * handed to them either (cs->group_id becomes 0). */
static bool shut_for(struct core *c, struct arena *a, uint64_t viewer, struct consult_session *cs)
{
	if (cs->v_staff || !group_closed(c, a, cs))
		return false;
	struct group *g;
	if (viewer && !core_group_by_id(c, a, viewer, cs->group_id, &g) && g->v_state == GSTATE_MEMBER)
		return false;
	if (core_group_by_id(c, a, viewer, cs->group_id, &g))
		cs->group_id = 0; /* not theirs to know of */
	return true;
}

static int load_session(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct consult_session **out)
{
	struct consult_session *cs = arena_alloc(a, sizeof *cs);
	int rc = store_consult_get(c->store, a, id, cs);
	if (rc)
		return rc;
	if ((rc = core_account_get(c, a, cs->owner_id, &cs->owner)))
		return rc == ERR_NOTFOUND ? ERR_NOTFOUND : rc;
	if (core_account_hidden(c, viewer, cs->owner))
		return ERR_NOTFOUND;
	cs->v_staff = staff_of(c, viewer, cs->owner_id);
	if (viewer && (rc = store_consult_following(c->store, cs->id, viewer, &cs->v_following)))
		return rc;
	*out = cs;
	return 0;
}

int core_consult_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct consult_session **out)
{
	int rc = load_session(c, a, viewer, id, out);
	if (!rc)
		(void)shut_for(c, a, viewer, *out); /* for its group id */
	return rc;
}

int core_consult_list(struct core *c, struct arena *a, uint64_t viewer, uint64_t owner, struct consult_session **out,
                      size_t *n)
{
	struct consult_session *v;
	size_t k;
	int rc = store_consult_list(c->store, a, owner, &v, &k);
	if (rc)
		return rc;
	size_t m = 0;
	for (size_t i = 0; i < k; i++) {
		if ((rc = core_account_get(c, a, v[i].owner_id, &v[i].owner)) ||
		    core_account_hidden(c, viewer, v[i].owner))
			continue;
		v[i].v_staff = staff_of(c, viewer, v[i].owner_id);
		(void)shut_for(c, a, viewer, &v[i]); /* for its group id */
		v[m++] = v[i];
	}
	*out = v;
	*n = m;
	return 0;
}

int core_consult_follow(struct core *c, uint64_t viewer, uint64_t id, bool on)
{
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	struct consult_session *cs;
	int rc = store_begin(c->store);
	if (!rc) {
		rc = load_session(c, &a, viewer, id, &cs);
		if (!rc)
			rc = store_consult_follow(c->store, id, viewer, on);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

/* ---- who sees what ---- */

/* The one rule: the session's staff see every question (their queue), the
 * asker their own; others the public and anonymous ones that were neither
 * declined nor merged, unless the session answers privately or is shut to
 * them (a closed or secret group's session, shut_for). */
static bool visible(uint64_t viewer, const struct consult_session *cs, bool shut, const struct consult_question *q)
{
	if (cs->v_staff || (viewer && q->asker_id == viewer))
		return true;
	return !shut && !cs->answers_private && !q->private_q && q->state != CQ_DECLINED && q->state != CQ_MERGED;
}

/* What of a visible question viewer may know of its asker: an anonymous
 * asker is nobody to anyone but themselves (the staff keep a pseudonym);
 * a declined question's reason is the asker's and the staff's. */
static void mask(struct core *c, struct arena *a, uint64_t viewer, const struct consult_session *cs,
                 struct consult_question *q)
{
	q->mine = viewer && q->asker_id == viewer;
	if (q->anonymous && !q->mine)
		q->asker_id = 0;
	if (!cs->v_staff)
		q->pseudonym = 0;
	if (!cs->v_staff && !q->mine)
		q->reason = "";
	q->asker = NULL;
	if (q->asker_id && (core_account_get(c, a, q->asker_id, &q->asker) || core_account_hidden(c, viewer, q->asker)))
		q->asker = NULL;
}

/* Hang the answers v[0..n) under the questions q[0..nq). */
static void thread_answers(struct arena *a, struct consult_question *q, size_t nq, struct consult_answer *v, size_t n)
{
	for (size_t i = 0; i < nq; i++) {
		size_t k = 0;
		for (size_t j = 0; j < n; j++)
			k += v[j].question_id == q[i].id;
		q[i].answers = arena_alloc(a, (k + 1) * sizeof *q[i].answers);
		q[i].nanswers = 0;
		for (size_t j = 0; j < n; j++)
			if (v[j].question_id == q[i].id)
				q[i].answers[q[i].nanswers++] = v[j];
	}
}

int core_consult_questions(struct core *c, struct arena *a, uint64_t viewer, uint64_t session,
                           struct consult_question **out, size_t *n, bool *staff)
{
	struct consult_session *cs;
	int rc = load_session(c, a, viewer, session, &cs);
	struct consult_question *v;
	size_t k;
	if (rc || (rc = store_cq_list(c->store, a, session, &v, &k)))
		return rc;
	struct consult_answer *an;
	size_t nan;
	if ((rc = store_ca_list(c->store, a, session, &an, &nan)))
		return rc;
	bool shut = shut_for(c, a, viewer, cs);
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (visible(viewer, cs, shut, &v[i])) {
			mask(c, a, viewer, cs, &v[i]);
			v[m++] = v[i];
		}
	thread_answers(a, v, m, an, nan);
	*out = v;
	*n = m;
	if (staff)
		*staff = cs->v_staff;
	return 0;
}

int core_consult_question(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct consult_session **cs,
                          struct consult_question **out)
{
	struct consult_question *q = arena_alloc(a, sizeof *q);
	int rc = store_cq_get(c->store, a, id, q);
	if (rc || (rc = load_session(c, a, viewer, q->session_id, cs)))
		return rc;
	if (!visible(viewer, *cs, shut_for(c, a, viewer, *cs), q))
		return ERR_NOTFOUND;
	mask(c, a, viewer, *cs, q);
	struct consult_answer *an;
	size_t nan;
	if ((rc = store_ca_list(c->store, a, q->session_id, &an, &nan)))
		return rc;
	thread_answers(a, q, 1, an, nan);
	*out = q;
	return 0;
}

/* ---- asking ---- */

int core_consult_may_ask(struct core *c, struct arena *a, uint64_t viewer, const struct consult_session *cs)
{
	if (!viewer)
		return ERR_AUTH;
	if (time_now() >= cs->ends_at)
		return ERR_CONFLICT;
	if (cs->v_staff)
		return 0;
	bool no = false;
	int rc;
	if ((rc = store_blocks(c->store, cs->owner_id, viewer, &no)))
		return rc;
	if (no)
		return ERR_FORBIDDEN;
	if (cs->audience == CONSULT_FOLLOWERS) {
		bool yes = false;
		if ((rc = store_follows(c->store, viewer, cs->owner_id, &yes)))
			return rc;
		return yes ? 0 : ERR_FORBIDDEN;
	}
	if (cs->audience == CONSULT_GROUP) {
		struct group *g;
		if (core_group_by_id(c, a, viewer, cs->group_id, &g) || g->v_state != GSTATE_MEMBER)
			return ERR_FORBIDDEN;
	}
	return 0;
}

/* " w1 w2 " of text: what the archive's search finds it by. */
static const char *words_of(struct arena *a, const char *text)
{
	char *w = core_search_words(a, text);
	return arena_printf(a, " %s ", w ? w : "");
}

int core_consult_ask(struct core *c, struct arena *a, uint64_t viewer, uint64_t session, int kind, const char *text,
                     bool confirm, struct guard_result *g, uint64_t *id)
{
	if (!viewer)
		return ERR_AUTH;
	if (kind < CONSULT_Q_PUBLIC || kind > CONSULT_Q_ANONYMOUS || !text_ok(text, CORE_CONSULT_TEXT_MAX))
		return ERR_INVAL;
	struct consult_session *cs;
	int rc = load_session(c, a, viewer, session, &cs);
	if (rc || (rc = core_consult_may_ask(c, a, viewer, cs)))
		return rc;
	/* A private question goes to the owner as a message to a care
	 * provider: the asker's own data is the point there. */
	struct guard_result local;
	struct guard_part part = {.what = "question", .text = text};
	bool priv = kind == CONSULT_Q_PRIVATE || cs->answers_private;
	rc = guard_gate(c, a, viewer, viewer, priv ? VIS_DIRECT : VIS_PUBLIC, &cs->owner_id, priv ? 1 : 0, &part, 1,
	                confirm, g ? g : &local);
	if (rc)
		return rc;
	if ((rc = store_begin(c->store)))
		return rc;
	struct consult_question *v;
	size_t k;
	rc = store_cq_list(c->store, a, session, &v, &k);
	size_t mine = 0;
	for (size_t i = 0; !rc && i < k; i++)
		mine += v[i].asker_id == viewer;
	if (!rc && (mine >= CORE_CONSULT_PER_ASKER || k >= STORE_CONSULT_LIST))
		rc = ERR_TOOBIG;
	struct consult_question q = {
	        .id = id_new(),
	        .session_id = session,
	        .asker_id = viewer,
	        .private_q = kind == CONSULT_Q_PRIVATE,
	        .anonymous = kind == CONSULT_Q_ANONYMOUS,
	        .text = text,
	        .state = CQ_OPEN,
	        .created_at = time_now(),
	};
	if (!rc && q.anonymous)
		rc = store_cq_pseudonym(c->store, session, viewer, &q.pseudonym);
	if (!rc)
		rc = store_cq_insert(c->store, &q, words_of(a, text));
	if (!rc)
		rc = wc_ingest_consult(c, a, cs, &q); /* the organisation's webcare inbox, same transaction */
	if (!rc)
		rc = guard_audit(c, viewer, viewer, 0, g ? g : &local);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	if (id)
		*id = q.id;
	return 0;
}

/* ---- the staff's queue ---- */

/* Tell account (inside the caller's transaction); told[] collects who, for
 * the events after commit.  The actor is always the session's owner: an
 * asker is never named in anyone's notification. */
static int tell(struct core *c, const struct consult_session *cs, uint64_t to, const char *note, uint64_t *told,
                size_t *ntold, size_t max)
{
	if (!to || to == cs->owner_id)
		return 0;
	for (size_t i = 0; i < *ntold; i++)
		if (told[i] == to)
			return 0;
	int rc = store_notif_insert_in(c->store, to, NOTIF_CONSULT, cs->owner_id, 0, 0, note);
	if (!rc)
		remind_push(c, to, NOTIF_CONSULT, cs->owner_id); /* Web Push, core/remind.c */
	if (!rc && *ntold < max)
		told[(*ntold)++] = to;
	return rc;
}

static void told_events(struct core *c, const uint64_t *told, size_t n)
{
	if (n)
		job_kick(); /* their pushes */
	for (size_t i = 0; i < n && c->on_notify; i++)
		c->on_notify(c, told[i]);
}

/* The question (raw, asker known) and its session, for staff only. */
static int staff_question(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct consult_session **cs,
                          struct consult_question *q)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = store_cq_get(c->store, a, id, q);
	if (rc || (rc = load_session(c, a, viewer, q->session_id, cs)))
		return rc;
	return (*cs)->v_staff ? 0 : ERR_NOTFOUND; /* others do not learn it exists */
}

int core_consult_answer(struct core *c, struct arena *a, uint64_t viewer, uint64_t question, const char *text,
                        bool confirm, struct guard_result *g, uint64_t *id)
{
	if (!text_ok(text, CORE_CONSULT_TEXT_MAX))
		return ERR_INVAL;
	struct consult_session *cs;
	struct consult_question q;
	int rc = staff_question(c, a, viewer, question, &cs, &q);
	if (rc)
		return rc;
	if (q.state == CQ_MERGED || q.state == CQ_DECLINED)
		return ERR_CONFLICT;
	bool priv = q.private_q || cs->answers_private;
	struct guard_result local;
	struct guard_part part = {.what = "answer", .text = text};
	/* Written as the owner, to the public or to the asker alone. */
	rc = guard_gate(c, a, cs->owner_id, viewer, priv ? VIS_DIRECT : VIS_PUBLIC, &q.asker_id, priv ? 1 : 0, &part, 1,
	                confirm, g ? g : &local);
	if (rc)
		return rc;
	struct consult_answer an = {
	        .id = id_new(),
	        .question_id = question,
	        .session_id = cs->id,
	        .writer_id = viewer,
	        .text = text,
	        .created_at = time_now(),
	};
	uint64_t told[STORE_CONSULT_LIST + 1];
	size_t ntold = 0;
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_ca_insert(c->store, &an);
	if (!rc)
		rc = store_cq_set_state(c->store, question, CQ_ANSWERED, "", 0, an.created_at);
	if (!rc)
		rc = store_cq_add_words(c->store, question, words_of(a, text));
	if (!rc)
		rc = guard_audit(c, cs->owner_id, viewer, 0, g ? g : &local);
	const char *note = arena_printf(a, "Uw vraag op het spreekuur \"%s\" is beantwoord.", cs->topic);
	if (!rc)
		rc = tell(c, cs, q.asker_id, note, told, &ntold, STORE_CONSULT_LIST + 1);
	/* Those who follow the session hear of public answers. */
	uint64_t *fol;
	size_t nf = 0;
	if (!rc && !priv)
		rc = store_consult_followers(c->store, a, cs->id, &fol, &nf);
	const char *fnote = arena_printf(a, "Nieuw antwoord op het spreekuur \"%s\".", cs->topic);
	for (size_t i = 0; !rc && i < nf; i++) {
		/* Not those the session is shut to (a closed group's outsiders). */
		struct consult_session as_f = *cs;
		as_f.v_staff = false;
		if (!staff_of(c, fol[i], cs->owner_id) && !shut_for(c, a, fol[i], &as_f))
			rc = tell(c, cs, fol[i], fnote, told, &ntold, STORE_CONSULT_LIST + 1);
	}
	if ((rc = store_finish(c->store, rc)))
		return rc;
	told_events(c, told, ntold);
	if (id)
		*id = an.id;
	/* A public answer also goes out as the owner's reply to the
	 * announcement, so timelines and the Mastodon streams carry it as a
	 * normal post.  The answer only: the question's text is the asker's
	 * (its @names would reach people), and nothing of the asker is in it.
	 * Best effort: the answer stands whatever becomes of the post. */
	if (!priv && cs->post_id && !group_closed(c, a, cs)) {
		struct post_input pin = {
		        .author_id = cs->owner_id,
		        .text = arena_printf(a, "Antwoord op een vraag van het spreekuur \"%s\":\n\n%s", cs->topic,
		                             text),
		        .visibility = VIS_PUBLIC,
		        .in_reply_to = cs->post_id,
		        .confirm = true,
		};
		uint64_t pid;
		if (core_post_create(c, a, viewer, &pin, &pid))
			log_info("consultation answer %llu not posted", (unsigned long long)an.id);
	}
	return 0;
}

int core_consult_decline(struct core *c, uint64_t viewer, uint64_t question, const char *reason)
{
	if (!text_ok(reason, CORE_CONSULT_REASON_MAX))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct consult_session *cs;
	struct consult_question q;
	uint64_t told[1];
	size_t ntold = 0;
	int rc = store_begin(c->store);
	if (!rc) {
		rc = staff_question(c, &a, viewer, question, &cs, &q);
		if (!rc && q.state == CQ_MERGED)
			rc = ERR_CONFLICT;
		if (!rc)
			rc = store_cq_set_state(c->store, question, CQ_DECLINED, reason, 0, 0);
		if (!rc) /* the webcare inbox: dealt with, same transaction */
			rc = wc_consult_closed(c, &a, cs, question, viewer, "declined");
		if (!rc)
			rc = tell(c, cs, q.asker_id,
			          arena_printf(&a, "Uw vraag op het spreekuur \"%s\" is niet beantwoord. Reden: %s",
			                       cs->topic, reason),
			          told, &ntold, 1);
		rc = store_finish(c->store, rc);
	}
	if (!rc)
		told_events(c, told, ntold);
	arena_release(&a);
	return rc;
}

int core_consult_make_private(struct core *c, uint64_t viewer, uint64_t question)
{
	struct arena a;
	arena_init(&a);
	struct consult_session *cs;
	struct consult_question q;
	int rc = store_begin(c->store);
	if (!rc) {
		rc = staff_question(c, &a, viewer, question, &cs, &q);
		if (!rc)
			rc = store_cq_set_private(c->store, question);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_consult_merge(struct core *c, uint64_t viewer, uint64_t question, uint64_t into)
{
	struct arena a;
	arena_init(&a);
	struct consult_session *cs, *cs2;
	struct consult_question q, t;
	uint64_t told[1];
	size_t ntold = 0;
	int rc = question == into ? ERR_INVAL : store_begin(c->store);
	if (!rc) {
		rc = staff_question(c, &a, viewer, question, &cs, &q);
		if (!rc)
			rc = staff_question(c, &a, viewer, into, &cs2, &t);
		/* Into a question of the same session that stands on its own. */
		if (!rc && (cs2->id != cs->id || t.state == CQ_MERGED || t.state == CQ_DECLINED))
			rc = ERR_INVAL;
		if (!rc)
			rc = store_cq_set_state(c->store, question, CQ_MERGED, "", into, 0);
		if (!rc) /* the webcare inbox: dealt with, same transaction */
			rc = wc_consult_closed(c, &a, cs, question, viewer, "merged");
		if (!rc)
			rc = tell(
			        c, cs, q.asker_id,
			        arena_printf(
			                &a,
			                "Uw vraag op het spreekuur \"%s\" is samengevoegd met een vraag die hetzelfde "
			                "vraagt. Het antwoord staat bij die vraag.",
			                cs->topic),
			        told, &ntold, 1);
		rc = store_finish(c->store, rc);
	}
	if (!rc)
		told_events(c, told, ntold);
	arena_release(&a);
	return rc;
}

int core_consult_accept(struct core *c, uint64_t viewer, uint64_t question, uint64_t answer)
{
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	struct consult_question q;
	struct consult_session *cs;
	int rc = store_begin(c->store);
	if (!rc) {
		rc = store_cq_get(c->store, &a, question, &q);
		if (!rc)
			rc = load_session(c, &a, viewer, q.session_id, &cs);
		if (!rc && !visible(viewer, cs, shut_for(c, &a, viewer, cs), &q))
			rc = ERR_NOTFOUND;
		if (!rc && !cs->v_staff && q.asker_id != viewer)
			rc = ERR_FORBIDDEN;
		if (!rc)
			rc = store_ca_accept(c->store, question, answer);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_consult_report(struct core *c, struct arena *a, uint64_t viewer, uint64_t question, const char *reason)
{
	if (!viewer)
		return ERR_AUTH;
	struct consult_question *q = arena_alloc(a, sizeof *q);
	struct consult_session *cs;
	int rc = store_cq_get(c->store, a, question, q);
	if (rc || (rc = load_session(c, a, viewer, q->session_id, &cs)))
		return rc;
	if (!visible(viewer, cs, shut_for(c, a, viewer, cs), q))
		return ERR_NOTFOUND;
	if (q->asker_id == viewer)
		return ERR_INVAL;
	/* What the moderators read: the session and the question as asked. */
	const char *snap = arena_printf(a, "Spreekuur \"%s\", vraag %llu%s: %s", cs->topic, (unsigned long long)q->id,
	                                q->anonymous ? " (anoniem gesteld)" : "", q->text);
	uint64_t id;
	return core_report_snapshot(c, a, viewer, q->asker_id, snap, reason, &id);
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return a < b ? -1 : a > b;
}

int core_consult_stats(struct core *c, struct arena *a, uint64_t viewer, uint64_t session, struct consult_stats *out)
{
	struct consult_session *cs;
	struct consult_question *v;
	size_t k;
	int rc = load_session(c, a, viewer, session, &cs);
	if (rc || (rc = store_cq_list(c->store, a, session, &v, &k)))
		return rc;
	/* Counts say nothing of any one question: every question counts, the
	 * private ones too, as the numbers of a consultation hour should. */
	int64_t *t = arena_alloc(a, (k + 1) * sizeof *t);
	memset(out, 0, sizeof *out);
	size_t nt = 0;
	for (size_t i = 0; i < k; i++) {
		if (v[i].state == CQ_MERGED)
			continue;
		out->questions++;
		if (v[i].state == CQ_ANSWERED && v[i].answered_at) {
			out->answered++;
			t[nt++] = v[i].answered_at - v[i].created_at;
		}
	}
	qsort(t, nt, sizeof *t, cmp_i64);
	out->median_seconds = !nt ? -1 : nt % 2 ? t[nt / 2] : (t[nt / 2 - 1] + t[nt / 2]) / 2;
	return 0;
}

/* Does words (" w1 w2 ") hold each of q's words? */
static bool holds_all(struct arena *a, const char *words, const char *q)
{
	char *copy = arena_strdup(a, q);
	for (char *s = copy; *s;) {
		size_t n = strcspn(s, " ");
		if (n) {
			const char *w = arena_printf(a, " %.*s ", (int)n, s);
			if (!strstr(words, w))
				return false;
		}
		s += n;
		while (*s == ' ')
			s++;
	}
	return true;
}

int core_consult_search(struct core *c, struct arena *a, uint64_t viewer, const char *q, struct consult_question **out,
                        size_t *n)
{
	*n = 0;
	if (!q || text_check(q, strlen(q), CORE_CONSULT_QUERY_MAX))
		return q && utf8_len(q, strlen(q)) > CORE_CONSULT_QUERY_MAX ? ERR_TOOBIG : ERR_INVAL;
	char *w = core_search_words(a, q);
	if (!w || !*w)
		return ERR_INVAL;
	size_t first = strcspn(w, " ");
	char *one = arena_strndup(a, w, first);
	uint64_t *ids;
	char **words;
	size_t k;
	int rc = store_cq_search(c->store, a, one, &ids, &words, &k);
	if (rc)
		return rc;
	struct consult_question *v = arena_alloc(a, (k + 1) * sizeof *v);
	size_t m = 0;
	for (size_t i = 0; i < k; i++) {
		if (!holds_all(a, words[i], w))
			continue;
		struct consult_session *cs;
		struct consult_question *qq;
		if (core_consult_question(c, a, viewer, ids[i], &cs, &qq))
			continue; /* not the viewer's to see */
		v[m++] = *qq;
	}
	*out = v;
	*n = m;
	return 0;
}

/* ---- the session opens: its followers are told (a job at starts_at) ---- */

static int opens_run(void *ctx, const char *arg, char *why, size_t whylen)
{
	(void)why;
	(void)whylen;
	struct core *c = ctx;
	uint64_t id;
	if (!parse_u64(arg, &id))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct consult_session cs;
	uint64_t *fol;
	size_t nf = 0;
	uint64_t told[STORE_CONSULT_LIST + 1];
	size_t ntold = 0;
	int rc = store_begin(c->store);
	if (!rc) {
		rc = store_consult_get(c->store, &a, id, &cs);
		if (rc == ERR_NOTFOUND) {
			rc = 0; /* gone: nothing to tell */
		} else if (!rc && !(rc = store_consult_followers(c->store, &a, id, &fol, &nf))) {
			const char *note =
			        arena_printf(&a, "Het spreekuur \"%s\" is nu open. U kunt uw vraag stellen.", cs.topic);
			for (size_t i = 0; !rc && i < nf; i++)
				if (!staff_of(c, fol[i], cs.owner_id))
					rc = tell(c, &cs, fol[i], note, told, &ntold, STORE_CONSULT_LIST + 1);
		}
		rc = store_finish(c->store, rc);
	}
	if (!rc)
		told_events(c, told, ntold);
	arena_release(&a);
	return rc;
}

static struct job_handler consult_handlers[1];

void core_consult_jobs(struct core *c, const struct job_handler **h, size_t *n)
{
	consult_handlers[0] = (struct job_handler){.kind = CORE_CONSULT_JOB, .run = opens_run, .ctx = c};
	*h = consult_handlers;
	*n = 1;
}

/* ---- changing and removing a session ---- */

int core_consult_edit(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const struct consult_open *in)
{
	struct consult_session *cs;
	int rc = load_session(c, a, viewer, id, &cs);
	if (rc)
		return rc;
	if (!viewer || !cs->v_staff)
		return ERR_FORBIDDEN;
	const char *disclaimer = in->disclaimer && *in->disclaimer ? in->disclaimer : CORE_CONSULT_DISCLAIMER;
	int64_t now = time_now();
	/* The same rules as opening it. */
	if (!text_ok(in->topic, CORE_CONSULT_TOPIC_MAX) || strpbrk(in->topic, "\r\n") ||
	    !text_ok(disclaimer, CORE_CONSULT_DISCLAIMER_MAX) || in->starts_at <= 0 || in->ends_at <= in->starts_at ||
	    in->ends_at - in->starts_at > CORE_CONSULT_SPAN_MAX || in->ends_at <= now ||
	    in->starts_at > now + CORE_CONSULT_AHEAD_MAX)
		return ERR_INVAL;
	/* The announcement says the new topic and time too (the guard reads it
	 * as an edit of the post); one that was deleted stays deleted. */
	if (cs->post_id) {
		const char *text =
		        arena_printf(a, "Spreekuur: %s\n%s tot %s.\n%s\nStel uw vraag: %s/consult/%llu", in->topic,
		                     day_time(a, in->starts_at), day_time(a, in->ends_at), disclaimer,
		                     in->link_base ? in->link_base : "", (unsigned long long)cs->id);
		rc = core_post_edit_checked(c, a, viewer, cs->post_id, text, in->confirm, in->guard);
		if (rc && rc != ERR_NOTFOUND)
			return rc;
	}
	char arg[32];
	snprintf(arg, sizeof arg, "%llu", (unsigned long long)cs->id);
	uint64_t jid;
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_consult_update(c->store, cs->id, in->topic, disclaimer, in->starts_at, in->ends_at);
	/* Followers hear of the opening at the new start. */
	if (!rc && in->starts_at != cs->starts_at) {
		rc = store_job_drop(c->store, CORE_CONSULT_JOB, arg);
		if (!rc && in->starts_at > now)
			rc = store_job_enqueue(c->store, CORE_CONSULT_JOB, arg, in->starts_at, &jid);
	}
	rc = store_finish(c->store, rc);
	if (!rc)
		job_kick();
	return rc;
}

int core_consult_delete(struct core *c, struct arena *a, uint64_t viewer, uint64_t id)
{
	struct consult_session *cs;
	int rc = load_session(c, a, viewer, id, &cs);
	if (rc)
		return rc;
	if (!viewer || !cs->v_staff)
		return ERR_FORBIDDEN;
	char arg[32];
	snprintf(arg, sizeof arg, "%llu", (unsigned long long)cs->id);
	/* The session with its questions, answers and followers, in one go
	 * (an anonymous asker's account goes with the question). */
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_job_drop(c->store, CORE_CONSULT_JOB, arg);
	if (!rc)
		rc = store_consult_delete(c->store, cs->id);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	/* Then its announcement (already gone: nothing to do). */
	if (cs->post_id && (rc = core_post_delete(c, viewer, cs->post_id)) && rc != ERR_NOTFOUND)
		log_warn("consult %llu deleted; its announcement %llu stays: %s", (unsigned long long)cs->id,
		         (unsigned long long)cs->post_id, err_str(rc));
	return 0;
}
