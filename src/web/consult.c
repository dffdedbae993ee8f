/* Consultation hours' pages: the list and archive search, opening a
 * session, the session with its questions (and the staff's queue), one
 * question with schema.org QAPage data.  Who sees what is core's
 * (core/consult.c): an anonymous asker reaches this file as asker_id 0. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/consult.h"
#include "web/web_int.h"

static uint64_t param_u64(struct http_req *r, const char *name)
{
	uint64_t id = 0;
	const char *s = http_param(r, name);
	return s && parse_u64(s, &id) ? id : 0;
}

static uint64_t form_u64(struct http_req *r, const char *name)
{
	uint64_t id = 0;
	const char *s = http_form(r, name);
	return s && parse_u64(s, &id) ? id : 0;
}

static const char *form_text(struct http_req *r, const char *name)
{
	const char *s = http_form(r, name);
	return s ? str_trim(arena_strdup(r->a, s)) : NULL;
}

static const char *local_value(struct http_req *r, int64_t t);

static struct tval *session_model(struct http_req *r, const struct consult_session *cs)
{
	struct tval *x = tv_obj(r->a);
	int64_t now = time_now();
	tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)cs->id);
	tv_set_strf(r->a, x, "url", "/consult/%llu", (unsigned long long)cs->id);
	tv_set_str(r->a, x, "topic", cs->topic);
	tv_set_str(r->a, x, "disclaimer", cs->disclaimer);
	tv_set_str(r->a, x, "starts", fmt_time(r, cs->starts_at));
	tv_set_str(r->a, x, "ends", fmt_time(r, cs->ends_at));
	tv_set_str(r->a, x, "state",
	           now < cs->starts_at ? _r(r, "Nog niet begonnen. U kunt uw vraag al stellen.")
	           : now < cs->ends_at ? _r(r, "Het spreekuur is nu open.")
	                               : _r(r, "Afgelopen. De openbare vragen en antwoorden blijven hier staan."));
	tv_set_str(r->a, x, "audience",
	           cs->audience == CONSULT_FOLLOWERS ? _r(r, "Wie de zorgverlener volgt, mag een vraag stellen.")
	           : cs->audience == CONSULT_GROUP   ? _r(r, "Leden van de kring mogen een vraag stellen.")
	                                             : _r(r, "Iedereen met een account mag een vraag stellen."));
	tv_set_bool(r->a, x, "answers_private", cs->answers_private);
	tv_set_str(r->a, x, "starts_value", local_value(r, cs->starts_at));
	tv_set_str(r->a, x, "ends_value", local_value(r, cs->ends_at));
	if (cs->owner)
		tv_set(x, "owner", account_model(r, cs->owner));
	if (cs->post_id)
		tv_set_strf(r->a, x, "post_url", "/posts/%llu", (unsigned long long)cs->post_id);
	return x;
}

/* Who asked, as this viewer may know it: core left asker_id 0 for an
 * anonymous asker (and pseudonym 0 for anyone but the staff). */
static const char *asker_label(struct http_req *r, const struct consult_question *q)
{
	if (q->mine)
		return q->anonymous ? _r(r, "U (voor anderen: een cliënt)") : _r(r, "U");
	if (q->anonymous && q->pseudonym)
		return arena_printf(r->a, "%s %d", _r(r, "Cliënt"), q->pseudonym);
	if (q->asker)
		return q->asker->display_name[0] ? q->asker->display_name : q->asker->username;
	return _r(r, "Een cliënt");
}

static struct tval *question_model(struct http_req *r, const struct consult_question *q, bool staff,
                                   const struct consult_question *all, size_t nall)
{
	struct tval *x = tv_obj(r->a);
	tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)q->id);
	tv_set_strf(r->a, x, "url", "/consult/q/%llu", (unsigned long long)q->id);
	tv_set_str(r->a, x, "text", q->text);
	tv_set_str(r->a, x, "asker", asker_label(r, q));
	if (q->asker && !q->anonymous)
		tv_set_strf(r->a, x, "asker_url", "/@%s", q->asker->username);
	tv_set_str(r->a, x, "time", fmt_time(r, q->created_at));
	if (q->private_q)
		tv_set_str(r->a, x, "kind", _r(r, "privé: alleen de vrager en de zorgverlener zien dit"));
	else if (q->anonymous)
		tv_set_str(r->a, x, "kind", _r(r, "anoniem gesteld"));
	tv_set_str(r->a, x, "state",
	           q->state == CQ_ANSWERED   ? _r(r, "beantwoord")
	           : q->state == CQ_DECLINED ? _r(r, "niet beantwoord")
	           : q->state == CQ_MERGED   ? _r(r, "samengevoegd met een andere vraag")
	                                     : _r(r, "wacht op antwoord"));
	if (q->state == CQ_DECLINED && q->reason && *q->reason)
		tv_set_str(r->a, x, "reason", q->reason);
	if (q->state == CQ_MERGED && q->merged_into)
		tv_set_strf(r->a, x, "merged_url", "/consult/q/%llu", (unsigned long long)q->merged_into);
	bool may_accept = staff || q->mine;
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < q->nanswers; i++) {
		struct tval *y = tv_obj(r->a);
		tv_set_strf(r->a, y, "id", "%llu", (unsigned long long)q->answers[i].id);
		tv_set_strf(r->a, y, "qid", "%llu", (unsigned long long)q->id);
		tv_set_str(r->a, y, "text", q->answers[i].text);
		tv_set_str(r->a, y, "time", fmt_time(r, q->answers[i].created_at));
		tv_set_bool(r->a, y, "accepted", q->answers[i].accepted);
		tv_set_bool(r->a, y, "may_accept", may_accept && !q->answers[i].accepted);
		tv_push(l, y);
	}
	tv_set(x, "answers", l);
	bool open = q->state != CQ_MERGED && q->state != CQ_DECLINED;
	if (staff && open) {
		struct tval *act = tv_obj(r->a);
		tv_set_bool(r->a, act, "may_private", !q->private_q);
		struct tval *others = tv_list(r->a);
		for (size_t i = 0; i < nall; i++)
			if (all[i].id != q->id && all[i].state != CQ_MERGED && all[i].state != CQ_DECLINED) {
				struct tval *o = tv_obj(r->a);
				tv_set_strf(r->a, o, "id", "%llu", (unsigned long long)all[i].id);
				size_t n = strlen(all[i].text);
				tv_set_str(r->a, o, "label",
				           n > 60 ? arena_printf(r->a, "%.57s...", all[i].text) : all[i].text);
				tv_push(others, o);
			}
		if (tv_len(others)) {
			tv_set(act, "others", others);
			tv_set_bool(r->a, act, "has_others", true);
		}
		tv_set(x, "queue", act);
	}
	return x;
}

static void stats_model(struct http_req *r, struct tval *m, const struct consult_stats *st)
{
	struct tval *x = tv_obj(r->a);
	tv_set_int(r->a, x, "questions", st->questions);
	tv_set_int(r->a, x, "answered", st->answered);
	tv_set_int(r->a, x, "share", st->questions ? st->answered * 100 / st->questions : 0);
	if (st->median_seconds >= 0) {
		int64_t min = (st->median_seconds + 59) / 60;
		tv_set_str(r->a, x, "median",
		           min < 60 ? arena_printf(r->a, "%lld %s", (long long)min, _r(r, "minuten"))
		                    : arena_printf(r->a, "%lld %s", (long long)((min + 59) / 60), _r(r, "uur")));
	}
	tv_set(m, "stats", x);
}

/* The session page; error (with status) when a form on it was refused. */
static int session_page(struct http_req *r, uint64_t id, const char *error, int status)
{
	struct wreq *q = WREQ(r);
	struct consult_session *cs;
	int rc = core_consult_get(CORE(r), r->a, q->viewer, id, &cs);
	struct consult_question *v;
	size_t n;
	bool staff = false;
	if (rc || (rc = core_consult_questions(CORE(r), r->a, q->viewer, id, &v, &n, &staff)))
		return rc;
	struct consult_stats st;
	if ((rc = core_consult_stats(CORE(r), r->a, q->viewer, id, &st)))
		return rc;
	struct tval *m = page_model(r, arena_printf(r->a, "%s: %s", _r(r, "Spreekuur"), cs->topic));
	tv_set(m, "session", session_model(r, cs));
	stats_model(r, m, &st);
	tv_set_bool(r->a, m, "staff", staff);
	tv_set_bool(r->a, m, "following", cs->v_following);
	int ask = core_consult_may_ask(CORE(r), r->a, q->viewer, cs);
	tv_set_bool(r->a, m, "can_ask", ask == 0);
	if (ask == ERR_FORBIDDEN)
		tv_set_str(r->a, m, "ask_why", _r(r, "U kunt op dit spreekuur geen vraag stellen."));
	else if (ask == ERR_CONFLICT)
		tv_set_str(r->a, m, "ask_why", _r(r, "Het spreekuur is afgelopen. U kunt geen vragen meer stellen."));
	struct tval *l = tv_list(r->a), *mine = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		if (!staff && v[i].state == CQ_MERGED && !v[i].mine)
			continue;
		tv_push(v[i].mine && !staff ? mine : l, question_model(r, &v[i], staff, v, n));
	}
	tv_set(m, "questions", l);
	tv_set(m, "mine", mine);
	tv_set_bool(r->a, m, "has_mine", tv_len(mine) > 0);
	tv_set_bool(r->a, m, "no_questions", tv_len(l) == 0);
	if (error) {
		tv_set_str(r->a, m, "error", error);
		const char *t = http_form(r, "text");
		if (t)
			tv_set_str(r->a, m, "text", t);
		r->status = status;
	}
	tv_set_int(r->a, m, "max", CORE_CONSULT_TEXT_MAX);
	return page_render(r, "consult_session", m);
}

int h_consult(struct http_req *r)
{
	uint64_t id = param_u64(r, "id");
	return id ? session_page(r, id, NULL, 200) : ERR_NOTFOUND;
}

int h_consult_list(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct tval *m = page_model(r, _r(r, "Spreekuren"));
	const char *query = http_query(r, "q");
	if (query && *query) {
		struct consult_question *v;
		size_t n;
		int rc = core_consult_search(CORE(r), r->a, q->viewer, query, &v, &n);
		tv_set_str(r->a, m, "q", query);
		if (rc == ERR_INVAL || rc == ERR_TOOBIG) {
			tv_set_str(r->a, m, "error",
			           _r(r, "Typ een of meer woorden om op te zoeken (hoogstens 200 tekens)."));
			r->status = 400;
		} else if (rc) {
			return rc;
		} else {
			struct tval *l = tv_list(r->a);
			for (size_t i = 0; i < n; i++)
				tv_push(l, question_model(r, &v[i], false, NULL, 0));
			tv_set(m, "results", l);
			tv_set_bool(r->a, m, "searched", true);
			tv_set_bool(r->a, m, "no_results", n == 0);
		}
	}
	struct consult_session *v;
	size_t n;
	int rc = core_consult_list(CORE(r), r->a, q->viewer, 0, &v, &n);
	if (rc)
		return rc;
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, session_model(r, &v[i]));
	tv_set(m, "sessions", l);
	tv_set_bool(r->a, m, "none", n == 0);
	struct account **orgs;
	size_t norgs;
	bool may_open = q->me && ((q->me->kind == ACCOUNT_PERSON && q->me->person_type == PERSON_PROFESSIONAL) ||
	                          (!core_post_as_orgs(CORE(r), r->a, q->viewer, &orgs, &norgs) && norgs));
	tv_set_bool(r->a, m, "may_open", may_open);
	return page_render(r, "consult_list", m);
}

/* The form to open a session: as oneself (a professional) or an
 * organisation one is staff of. */
static int new_page(struct http_req *r, const char *error)
{
	struct wreq *q = WREQ(r);
	struct tval *m = page_model(r, _r(r, "Spreekuur openen"));
	struct tval *as = tv_list(r->a);
	if (core_consult_may_open(CORE(r), r->a, q->viewer, q->viewer)) {
		struct tval *x = account_model(r, q->me);
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)q->viewer);
		tv_push(as, x);
	}
	struct account **orgs;
	size_t n = 0;
	if (!core_post_as_orgs(CORE(r), r->a, q->viewer, &orgs, &n))
		for (size_t i = 0; i < n; i++) {
			struct tval *x = account_model(r, orgs[i]);
			tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)orgs[i]->id);
			tv_push(as, x);
		}
	if (!tv_len(as))
		return ERR_FORBIDDEN;
	tv_set(m, "as", as);
	/* The groups one is a member of, for "members of a group" (core
	 * checks the membership again when the session opens). */
	struct group **gv;
	size_t ng = 0;
	struct tval *gl = tv_list(r->a);
	if (!core_groups(CORE(r), r->a, q->viewer, &gv, &ng))
		for (size_t i = 0; i < ng; i++)
			if (gv[i]->v_state == GSTATE_MEMBER) {
				struct tval *x = tv_obj(r->a);
				tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)gv[i]->id);
				tv_set_str(r->a, x, "display_name", gv[i]->display_name);
				tv_push(gl, x);
			}
	if (tv_len(gl)) {
		tv_set(m, "groups", gl);
		tv_set_bool(r->a, m, "has_groups", true);
	}
	tv_set_str(r->a, m, "disclaimer", CORE_CONSULT_DISCLAIMER);
	if (error) {
		tv_set_str(r->a, m, "error", error);
		const char *t = http_form(r, "topic");
		if (t)
			tv_set_str(r->a, m, "topic", t);
		r->status = 400;
	}
	return page_render(r, "consult_new", m);
}

int h_consult_new(struct http_req *r)
{
	return new_page(r, NULL);
}

static const char *base_url(struct http_req *r)
{
	return WREQ(r)->w->base_url;
}

int h_consult_open(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct consult_open in = {
	        .owner_id = form_u64(r, "as"),
	        .topic = form_text(r, "topic"),
	        .disclaimer = form_text(r, "disclaimer"),
	        .link_base = base_url(r),
	        .confirm = http_form(r, "confirm") != NULL,
	};
	const char *aud = http_form(r, "audience");
	in.audience = aud && !strcmp(aud, "followers") ? CONSULT_FOLLOWERS
	              : aud && !strcmp(aud, "group")   ? CONSULT_GROUP
	                                               : CONSULT_EVERYONE;
	if (in.audience == CONSULT_GROUP)
		in.group_id = form_u64(r, "group_id");
	in.answers_private = http_form(r, "answers_private") != NULL;
	bool times = core_consult_time(http_form(r, "starts_at"), &in.starts_at) &&
	             core_consult_time(http_form(r, "ends_at"), &in.ends_at);
	uint64_t id = 0;
	int rc = times ? core_consult_open(CORE(r), r->a, q->viewer, &in, &id) : ERR_INVAL;
	if (rc == ERR_INVAL)
		return new_page(
		        r, _r(r, "Vul een onderwerp in (hoogstens 200 tekens) en een begin en eind. Het eind ligt na "
		                 "het begin en in de toekomst. Een spreekuur duurt hoogstens een week."));
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return new_page(
		        r, _r(r, "In de aankondiging staan misschien gegevens van een cliënt. Pas het onderwerp of "
		                 "de uitleg aan."));
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/consult/%llu", (unsigned long long)id), "saved");
	return 0;
}

/* The guard found something in a question: change it, ask privately
 * instead, or (public) go on. */
static int guard_page(struct http_req *r, uint64_t session, const char *text, int kind, const struct guard_result *g,
                      bool blocked)
{
	struct tval *m = page_model(r, _r(r, "Controleer uw vraag"));
	guard_model(r, m, text, g);
	tv_set_str(r->a, m, "text", text);
	tv_set_strf(r->a, m, "action", "/consult/%llu/ask", (unsigned long long)session);
	tv_set_bool(r->a, m, "anonymous", kind == CONSULT_Q_ANONYMOUS);
	tv_set_bool(r->a, m, "blocked", blocked);
	tv_set_int(r->a, m, "max", CORE_CONSULT_TEXT_MAX);
	r->status = 422;
	return page_render(r, "consult_guard", m);
}

int h_consult_ask(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	uint64_t id = param_u64(r, "id");
	const char *k = http_form(r, "kind");
	int kind = !k || !strcmp(k, "public") ? CONSULT_Q_PUBLIC
	           : !strcmp(k, "private")    ? CONSULT_Q_PRIVATE
	           : !strcmp(k, "anonymous")  ? CONSULT_Q_ANONYMOUS
	                                      : -1;
	const char *text = form_text(r, "text");
	struct guard_result g;
	memset(&g, 0, sizeof g);
	uint64_t qid;
	int rc = core_consult_ask(CORE(r), r->a, q->viewer, id, kind, text, http_form(r, "confirm") != NULL, &g, &qid);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return guard_page(r, id, text, kind, &g, rc == ERR_BLOCKED);
	if (rc == ERR_INVAL)
		return session_page(r, id, _r(r, "Schrijf uw vraag (hoogstens 2000 tekens) en kies hoe u haar stelt."),
		                    400);
	if (rc == ERR_TOOBIG)
		return session_page(r, id, _r(r, "U hebt op dit spreekuur al 10 vragen gesteld."), 413);
	if (rc == ERR_FORBIDDEN)
		return session_page(r, id, _r(r, "U kunt op dit spreekuur geen vraag stellen."), 403);
	if (rc == ERR_CONFLICT)
		return session_page(r, id, _r(r, "Het spreekuur is afgelopen. U kunt geen vragen meer stellen."), 409);
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/consult/%llu#vraag-%llu", (unsigned long long)id, (unsigned long long)qid),
	             "saved");
	return 0;
}

/* "2026-12-02T10:00" in the server's local time, as the form's
 * datetime-local field and core_consult_time read it. */
static const char *local_value(struct http_req *r, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return "";
	return arena_printf(r->a, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	                    tm.tm_min);
}

/* The staff change the session (POST /consult/ID/edit). */
static int consult_edit(struct http_req *r, uint64_t id)
{
	struct consult_open in = {
	        .topic = form_text(r, "topic"),
	        .disclaimer = form_text(r, "disclaimer"),
	        .link_base = base_url(r),
	        .confirm = http_form(r, "confirm") != NULL,
	};
	bool times = core_consult_time(http_form(r, "starts_at"), &in.starts_at) &&
	             core_consult_time(http_form(r, "ends_at"), &in.ends_at);
	int rc = times ? core_consult_edit(CORE(r), r->a, WREQ(r)->viewer, id, &in) : ERR_INVAL;
	if (rc == ERR_INVAL)
		return session_page(r, id,
		                    _r(r, "Vul een onderwerp in (hoogstens 200 tekens) en een begin en eind. Het eind ligt na "
		                          "het begin en in de toekomst. Een spreekuur duurt hoogstens een week."),
		                    422);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return session_page(r, id,
		                    _r(r, "In de aankondiging staan misschien gegevens van een cliënt. Pas het onderwerp of "
		                          "de uitleg aan."),
		                    422);
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/consult/%llu", (unsigned long long)id), "saved");
	return 0;
}

/* The staff remove the session (POST /consult/ID/delete, with the box ticked). */
static int consult_delete(struct http_req *r, uint64_t id)
{
	if (!http_form(r, "sure"))
		return session_page(r, id, _r(r, "Vink eerst aan dat u het spreekuur echt wilt verwijderen."), 422);
	int rc = core_consult_delete(CORE(r), r->a, WREQ(r)->viewer, id);
	if (rc)
		return rc;
	redirect_msg(r, "/consult", "saved");
	return 0;
}

int h_consult_follow(struct http_req *r)
{
	uint64_t id = param_u64(r, "id");
	const char *action = http_param(r, "action");
	if (action && !strcmp(action, "edit"))
		return consult_edit(r, id);
	if (action && !strcmp(action, "delete"))
		return consult_delete(r, id);
	bool on = action && !strcmp(action, "follow");
	if (!action || (!on && strcmp(action, "unfollow")))
		return ERR_NOTFOUND;
	int rc = core_consult_follow(CORE(r), WREQ(r)->viewer, id, on);
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/consult/%llu", (unsigned long long)id), "saved");
	return 0;
}

/* The question page's schema.org QAPage, as JSON safe inside <script>:
 * no asker is named (an anonymous one is nobody; the others need not be). */
static const char *qapage_json(struct http_req *r, const struct consult_session *cs, const struct consult_question *q)
{
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	struct buf t = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_adds(&b, "{\"@context\":\"https://schema.org\",\"@type\":\"QAPage\",\"mainEntity\":{"
	                        "\"@type\":\"Question\",\"name\":"));
	/* json_escape-like by hand: quotes, backslashes, controls, and < > &
	 * as \u escapes so nothing closes the script element. */
	const char *texts[2] = {cs->topic, q->text};
	for (int k = 0; k < 2; k++) {
		buf_reset(&t);
		for (const unsigned char *s = (const unsigned char *)texts[k]; *s; s++) {
			if (*s == '"' || *s == '\\')
				buf_nofail(buf_addf(&t, "\\%c", *s));
			else if (*s < 0x20 || *s == '<' || *s == '>' || *s == '&')
				buf_nofail(buf_addf(&t, "\\u%04x", *s));
			else
				buf_nofail(buf_add(&t, s, 1));
		}
		buf_nofail(buf_addf(&b, "%s\"%.*s\"", k ? ",\"text\":" : "", (int)t.len, t.ptr));
	}
	size_t accepted = q->nanswers;
	for (size_t i = 0; i < q->nanswers; i++)
		if (q->answers[i].accepted)
			accepted = i;
	buf_nofail(buf_addf(&b, ",\"answerCount\":%zu", q->nanswers));
	for (int pass = 0; pass < 2; pass++) {
		bool any = false;
		for (size_t i = 0; i < q->nanswers; i++) {
			if ((pass == 0) != (i == accepted))
				continue;
			buf_reset(&t);
			for (const unsigned char *s = (const unsigned char *)q->answers[i].text; *s; s++) {
				if (*s == '"' || *s == '\\')
					buf_nofail(buf_addf(&t, "\\%c", *s));
				else if (*s < 0x20 || *s == '<' || *s == '>' || *s == '&')
					buf_nofail(buf_addf(&t, "\\u%04x", *s));
				else
					buf_nofail(buf_add(&t, s, 1));
			}
			buf_nofail(buf_addf(&b,
			                    "%s{\"@type\":\"Answer\",\"text\":\"%.*s\",\"url\":\"%s/consult/q/"
			                    "%llu#antwoord-%llu\"}",
			                    pass == 0 ? ",\"acceptedAnswer\":"
			                    : any     ? ","
			                              : ",\"suggestedAnswer\":[",
			                    (int)t.len, t.ptr, base_url(r), (unsigned long long)q->id,
			                    (unsigned long long)q->answers[i].id));
			any = true;
		}
		if (pass == 1 && any)
			buf_nofail(buf_adds(&b, "]"));
	}
	buf_nofail(buf_adds(&b, "}}"));
	const char *out = arena_strdup(r->a, b.ptr);
	buf_release(&b);
	buf_release(&t);
	return out;
}

int h_consult_question(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct consult_session *cs;
	struct consult_question *qq;
	int rc = core_consult_question(CORE(r), r->a, q->viewer, param_u64(r, "id"), &cs, &qq);
	if (rc)
		return rc;
	struct consult_question *all = NULL;
	size_t nall = 0;
	if (cs->v_staff && (rc = core_consult_questions(CORE(r), r->a, q->viewer, cs->id, &all, &nall, NULL)))
		return rc;
	struct tval *m = page_model(r, arena_printf(r->a, "%s: %s", _r(r, "Vraag"), cs->topic));
	tv_set(m, "session", session_model(r, cs));
	tv_set(m, "question", question_model(r, qq, cs->v_staff, all, nall));
	tv_set_bool(r->a, m, "staff", cs->v_staff);
	tv_set_int(r->a, m, "max", CORE_CONSULT_TEXT_MAX);
	/* Structured data for what everyone may read only. */
	if (!qq->private_q && !cs->answers_private && qq->state != CQ_DECLINED)
		tv_set_str(r->a, m, "qapage", qapage_json(r, cs, qq));
	return page_render(r, "consult_question", m);
}

/* The staff's actions on a question, and accepting an answer. */
int h_consult_act(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	uint64_t id = param_u64(r, "id");
	const char *action = http_param(r, "action");
	int rc;
	if (!action)
		return ERR_NOTFOUND;
	struct consult_session *cs;
	struct consult_question *qq;
	/* Where to go back to: the session of a question the viewer may see. */
	if ((rc = core_consult_question(CORE(r), r->a, q->viewer, id, &cs, &qq)))
		return rc;
	if (!strcmp(action, "answer")) {
		struct guard_result g;
		memset(&g, 0, sizeof g);
		const char *text = form_text(r, "text");
		rc = core_consult_answer(CORE(r), r->a, q->viewer, id, text, http_form(r, "confirm") != NULL, &g, NULL);
		if (rc == ERR_INVAL)
			return session_page(r, cs->id, _r(r, "Schrijf een antwoord van hoogstens 2000 tekens."), 400);
		if (rc == ERR_GUARD || rc == ERR_BLOCKED) {
			struct tval *m = page_model(r, _r(r, "Controleer uw antwoord"));
			guard_model(r, m, text, &g);
			tv_set_str(r->a, m, "text", text);
			tv_set_strf(r->a, m, "action", "/consult/q/%llu/answer", (unsigned long long)id);
			tv_set_bool(r->a, m, "answer", true);
			tv_set_bool(r->a, m, "blocked", rc == ERR_BLOCKED);
			tv_set_int(r->a, m, "max", CORE_CONSULT_TEXT_MAX);
			r->status = 422;
			return page_render(r, "consult_guard", m);
		}
	} else if (!strcmp(action, "decline")) {
		rc = core_consult_decline(CORE(r), q->viewer, id, form_text(r, "reason"));
		if (rc == ERR_INVAL)
			return session_page(r, cs->id, _r(r, "Schrijf kort waarom u de vraag niet beantwoordt."), 400);
	} else if (!strcmp(action, "private")) {
		rc = core_consult_make_private(CORE(r), q->viewer, id);
	} else if (!strcmp(action, "merge")) {
		rc = core_consult_merge(CORE(r), q->viewer, id, form_u64(r, "into"));
		if (rc == ERR_INVAL)
			return session_page(r, cs->id, _r(r, "Kies een andere vraag van dit spreekuur."), 400);
	} else if (!strcmp(action, "accept")) {
		rc = core_consult_accept(CORE(r), q->viewer, id, form_u64(r, "answer"));
	} else if (!strcmp(action, "report")) {
		/* To the instance's moderators, who see the asker; the reporter does not. */
		rc = core_consult_report(CORE(r), r->a, q->viewer, id, form_text(r, "comment"));
		if (rc == ERR_INVAL)
			return session_page(r, cs->id, _r(r, "Schrijf kort wat er mis is met deze vraag."), 400);
	} else {
		return ERR_NOTFOUND;
	}
	if (rc == ERR_CONFLICT)
		return session_page(r, cs->id, _r(r, "Deze vraag is al afgehandeld."), 409);
	if (rc)
		return rc;
	redirect_msg(r,
	             arena_printf(r->a, "/consult/%llu#vraag-%llu", (unsigned long long)cs->id, (unsigned long long)id),
	             "saved");
	return 0;
}

void consult_profile_model(struct http_req *r, struct tval *m, uint64_t owner)
{
	struct consult_session *v;
	size_t n;
	if (core_consult_list(CORE(r), r->a, WREQ(r)->viewer, owner, &v, &n) || !n)
		return; /* the profile shows without them */
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n && i < 10; i++)
		tv_push(l, session_model(r, &v[i]));
	tv_set(m, "consults", l);
	tv_set_bool(r->a, m, "has_consults", true);
}
