/* Reviews of organisations and professionals (issue 19): who may review
 * (the relation check), the code of conduct, the honest score, the
 * manipulation signals and the moderators' queue.  See docs/reviews.md. */
#include "core/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"
#include "store/store_review.h"

#define DAY 86400
#define YEAR (365 * DAY + DAY / 4)
#define SIGNAL_WINDOW (90 * DAY)     /* duplicates are looked for this far back */
#define BURST_WINDOW (7 * DAY)       /* a burst: this many days ... */
#define BURST_MIN 5                  /* ... with at least this many 1s or 10s */
#define NEW_ACCOUNT_WINDOW (30 * DAY) /* an account made this shortly before its relation */
#define DUPLICATE_SIMILARITY 0.5
#define QUEUE_MAX 500

const char *const core_review_aspects[REVIEW_ASPECTS] = {"informatie", "luisteren", "wachttijd", "resultaat"};

bool core_review_provider(const struct account *acc)
{
	return acc && !acc->suspended &&
	       (acc->kind == ACCOUNT_ORG || (acc->kind == ACCOUNT_PERSON && acc->person_type == PERSON_PROFESSIONAL));
}

bool core_review_speaks_for(struct core *c, uint64_t viewer, uint64_t provider)
{
	if (!viewer)
		return false;
	if (viewer == provider)
		return true;
	bool staff = false;
	return !store_staff_is(c->store, provider, viewer, &staff) && staff;
}

/* Weeks of group membership that make a relation (a test build may set
 * seconds instead, so a test need not wait weeks). */
static int64_t member_min(void)
{
#ifdef KRING_TEST_BUILD
	const char *e = getenv("KRING_TEST_REVIEW_MEMBER_SECONDS");
	if (e && *e)
		return atoll(e);
#endif
	return (int64_t)CORE_REVIEW_MEMBER_WEEKS * 7 * DAY;
}

/* ---- the relation check: one table of kinds ---- */

struct rel_found {
	int kind;            /* enum review_relation */
	char key[64];        /* the relation period */
	int64_t since;
	bool too_soon;       /* a relation that does not count yet */
};

#define REL_MAX 16

typedef int (*rel_find_fn)(struct core *c, uint64_t author, uint64_t provider, int64_t now, struct rel_found *v,
                           size_t max, size_t *n);

/* Membership of a group the provider (or its staff) owns, for some weeks;
 * each membership is one period.  Following alone is no relation. */
static int rel_groups(struct core *c, uint64_t author, uint64_t provider, int64_t now, struct rel_found *v,
                      size_t max, size_t *n)
{
	uint64_t g[REL_MAX];
	int64_t since[REL_MAX];
	size_t k = 0;
	int rc = store_review_rel_groups(c->store, author, provider, now, g, since, max < REL_MAX ? max : REL_MAX, &k);
	for (size_t i = 0; !rc && i < k; i++) {
		v[i].kind = REL_GROUP;
		snprintf(v[i].key, sizeof v[i].key, "g:%llu:%lld", (unsigned long long)g[i], (long long)since[i]);
		v[i].since = since[i];
		v[i].too_soon = since[i] > now - member_min();
	}
	*n = rc ? 0 : k;
	return rc;
}

/* A private conversation the provider answered, in the last 3 years; each
 * conversation is one period. */
static int rel_convs(struct core *c, uint64_t author, uint64_t provider, int64_t now, struct rel_found *v,
                     size_t max, size_t *n)
{
	uint64_t roots[REL_MAX];
	int64_t at[REL_MAX];
	size_t k = 0;
	int rc = store_review_rel_convs(c->store, author, provider, now - CORE_REVIEW_EXPERIENCE_YEARS * YEAR, roots,
	                                at, max < REL_MAX ? max : REL_MAX, &k);
	for (size_t i = 0; !rc && i < k; i++) {
		v[i].kind = REL_CONVERSATION;
		snprintf(v[i].key, sizeof v[i].key, "c:%llu", (unsigned long long)roots[i]);
		v[i].since = at[i];
		v[i].too_soon = false;
	}
	*n = rc ? 0 : k;
	return rc;
}

/* A completed appointment with the provider (booked, not cancelled, ended)
 * in the last 3 years; each appointment is one period. */
static int rel_appts(struct core *c, uint64_t author, uint64_t provider, int64_t now, struct rel_found *v,
                     size_t max, size_t *n)
{
	uint64_t ids[REL_MAX];
	int64_t at[REL_MAX];
	size_t k = 0;
	int rc = store_review_rel_appts(c->store, author, provider, now - CORE_REVIEW_EXPERIENCE_YEARS * YEAR, now, ids,
	                                at, max < REL_MAX ? max : REL_MAX, &k);
	for (size_t i = 0; !rc && i < k; i++) {
		v[i].kind = REL_APPOINTMENT;
		snprintf(v[i].key, sizeof v[i].key, "a:%llu", (unsigned long long)ids[i]);
		v[i].since = at[i];
		v[i].too_soon = false;
	}
	*n = rc ? 0 : k;
	return rc;
}

/* A consultation question the provider answered in the last 3 years; each
 * question is one period.  An anonymous asker has the relation too: the
 * server knows the asker, and a review never shows its author to the
 * provider, so reviewing reveals no one. */
static int rel_consults(struct core *c, uint64_t author, uint64_t provider, int64_t now, struct rel_found *v,
                        size_t max, size_t *n)
{
	uint64_t ids[REL_MAX];
	int64_t at[REL_MAX];
	size_t k = 0;
	int rc = store_review_rel_consults(c->store, author, provider, now - CORE_REVIEW_EXPERIENCE_YEARS * YEAR, ids,
	                                   at, max < REL_MAX ? max : REL_MAX, &k);
	for (size_t i = 0; !rc && i < k; i++) {
		v[i].kind = REL_CONSULT;
		snprintf(v[i].key, sizeof v[i].key, "q:%llu", (unsigned long long)ids[i]);
		v[i].since = at[i];
		v[i].too_soon = false;
	}
	*n = rc ? 0 : k;
	return rc;
}

static const struct rel_kind {
	int kind;
	rel_find_fn find;
} rel_kinds[] = {
        {REL_GROUP, rel_groups},
        {REL_CONVERSATION, rel_convs},
        {REL_APPOINTMENT, rel_appts},
        {REL_CONSULT, rel_consults},
};

/* The relation viewer may review provider for now: the newest period not
 * reviewed yet.  RP_NO_RELATION / RP_TOO_SOON / RP_TAKEN otherwise. */
static int relation_pick(struct core *c, uint64_t author, uint64_t provider, int64_t now, struct rel_found *out,
                         enum review_problem *why)
{
	struct rel_found all[REL_MAX * (sizeof rel_kinds / sizeof rel_kinds[0])];
	size_t n = 0;
	for (size_t i = 0; i < sizeof rel_kinds / sizeof rel_kinds[0]; i++) {
		size_t k = 0;
		int rc = rel_kinds[i].find(c, author, provider, now, all + n, REL_MAX, &k);
		if (rc)
			return rc;
		n += k;
	}
	bool soon = false, taken = false;
	const struct rel_found *best = NULL;
	for (size_t i = 0; i < n; i++) {
		if (all[i].too_soon) {
			soon = true;
			continue;
		}
		bool t;
		int rc = store_review_taken(c->store, author, provider, all[i].key, &t);
		if (rc)
			return rc;
		if (t) {
			taken = true;
			continue;
		}
		if (!best || all[i].since > best->since)
			best = &all[i];
	}
	if (!best) {
		*why = taken ? RP_TAKEN : soon ? RP_TOO_SOON : RP_NO_RELATION;
		return ERR_FORBIDDEN;
	}
	*out = *best;
	return 0;
}

static int provider_of(struct core *c, struct arena *a, uint64_t viewer, uint64_t provider, struct account **acc,
                       enum review_problem *why)
{
	int rc = store_account_get(c->store, a, provider, acc);
	if (rc)
		return rc;
	if (!core_review_provider(*acc)) {
		*why = RP_NOT_PROVIDER;
		return ERR_FORBIDDEN;
	}
	if (core_review_speaks_for(c, viewer, provider)) {
		*why = RP_SELF;
		return ERR_FORBIDDEN;
	}
	return 0;
}

int core_review_can(struct core *c, struct arena *a, uint64_t viewer, uint64_t provider, enum review_problem *why,
                    int *relation)
{
	*why = RP_OK;
	if (!viewer)
		return ERR_AUTH;
	struct account *acc;
	int rc = provider_of(c, a, viewer, provider, &acc, why);
	struct rel_found rel;
	if (!rc)
		rc = relation_pick(c, viewer, provider, time_now(), &rel, why);
	if (!rc && relation)
		*relation = rel.kind;
	return rc;
}

/* ---- checks of the text ---- */

static size_t words(const char *s)
{
	size_t n = 0;
	bool in = false;
	for (; *s; s++) {
		bool sp = *s == ' ' || *s == '\n' || *s == '\r' || *s == '\t';
		if (!sp && !in)
			n++;
		in = !sp;
	}
	return n;
}

static char lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* ---- the score ---- */

static double overall(const struct review *r)
{
	int sum = 0;
	for (int k = 0; k < REVIEW_ASPECTS; k++)
		sum += r->marks[k];
	return (double)sum / REVIEW_ASPECTS;
}

void core_review_score_of(const struct review *v, size_t n, int64_t now, bool org, struct review_score *out)
{
	memset(out, 0, sizeof *out);
	out->threshold = org ? CORE_REVIEW_MIN_ORG : CORE_REVIEW_MIN_PRO;
	double sum = 0, aspects[REVIEW_ASPECTS] = {0};
	for (size_t i = 0; i < n; i++) {
		if (v[i].state != REVIEW_PUBLISHED || v[i].created_at < now - CORE_REVIEW_SCORE_YEARS * YEAR)
			continue; /* older reviews drop out */
		double o = overall(&v[i]);
		int m = (int)(o + 0.5);
		out->spread[m < 1 ? 1 : m > 10 ? 10 : m]++;
		out->count++;
		sum += o;
		for (int k = 0; k < REVIEW_ASPECTS; k++)
			aspects[k] += v[i].marks[k];
	}
	out->shown = out->count >= out->threshold;
	if (!out->shown)
		return;
	out->average = sum / (double)out->count;
	for (int k = 0; k < REVIEW_ASPECTS; k++)
		out->aspects[k] = aspects[k] / (double)out->count;
}

int core_review_score(struct core *c, struct arena *a, uint64_t provider, struct review_score *out)
{
	struct account *acc;
	int rc = store_account_get(c->store, a, provider, &acc);
	if (rc)
		return rc;
	if (!core_review_provider(acc))
		return ERR_NOTFOUND;
	int64_t now = time_now();
	struct review *v;
	size_t n;
	if ((rc = store_review_list(c->store, a, provider, 0, REVIEW_PUBLISHED, now - CORE_REVIEW_SCORE_YEARS * YEAR,
	                            STORE_REVIEW_LIST_MAX, &v, &n)))
		return rc;
	core_review_score_of(v, n, now, acc->kind == ACCOUNT_ORG, out);
	return 0;
}

/* ---- manipulation signals ---- */

/* -1: all 1s-ish (overall rounds to 1), 1: all 10s-ish, 0: neither. */
static int extreme(const struct review *r)
{
	double o = overall(r);
	return o >= 9.5 ? 1 : o < 1.5 ? -1 : 0;
}

/* The signals of rv among recent reviews (all providers, SIGNAL_WINDOW) and
 * the provider's own of the last year; author is rv's.  related (may be
 * NULL) gets the ids of the reviews that make the signal, at most max. */
static int signals_of(const struct review *rv, const struct account *author, const struct review *recent,
                      size_t nrecent, const struct review *own, size_t nown, uint64_t *related, size_t max,
                      size_t *nrel)
{
	int sig = 0;
	size_t k = 0;
	if (author && author->created_at >= rv->relation_since - NEW_ACCOUNT_WINDOW)
		sig |= RSIG_NEW_ACCOUNT;
	for (size_t i = 0; i < nrecent; i++) {
		const struct review *r = &recent[i];
		if (r->id == rv->id || r->author_id == rv->author_id || r->state == REVIEW_WITHDRAWN)
			continue;
		if (core_review_similarity(rv->minhash, r->minhash) >= DUPLICATE_SIMILARITY) {
			sig |= RSIG_DUPLICATE;
			if (related && k < max)
				related[k++] = r->id;
		}
	}
	int ex = extreme(rv);
	if (ex) {
		int64_t at = rv->created_at;
		size_t in_window = 1, before = 0;
		size_t first = k;
		for (size_t i = 0; i < nown; i++) {
			const struct review *r = &own[i];
			if (r->id == rv->id || r->provider_id != rv->provider_id || r->state == REVIEW_WITHDRAWN ||
			    extreme(r) != ex || r->created_at > at)
				continue;
			if (r->created_at > at - BURST_WINDOW) {
				in_window++;
				if (related && k < max)
					related[k++] = r->id;
			} else if (r->created_at > at - YEAR - BURST_WINDOW)
				before++;
		}
		/* the provider's usual rate of such marks per week over the year before */
		double usual = (double)before / 52.0;
		if (in_window >= BURST_MIN && (double)in_window > 3.0 * usual + 2.0)
			sig |= RSIG_BURST;
		else
			k = first;
	}
	if (nrel)
		*nrel = k;
	return sig;
}

static int popcount(int x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

static const char *signal_reason(struct arena *a, int sig)
{
	return arena_printf(a, "signalen:%s%s%s", sig & RSIG_DUPLICATE ? " bijna gelijke tekst" : "",
	                    sig & RSIG_BURST ? " piek van 1'en of 10'en" : "",
	                    sig & RSIG_NEW_ACCOUNT ? " account vlak voor de relatie gemaakt" : "");
}

static int log_add(struct core *c, uint64_t review, uint64_t actor, const char *action, const char *reason)
{
	struct review_log_entry e = {
	        .id = id_new(),
	        .review_id = review,
	        .actor_id = actor,
	        .action = action,
	        .reason = reason ? reason : "",
	        .created_at = time_now(),
	};
	return store_review_log_add(c->store, &e);
}

/* ---- writing ---- */

static int check_input(const struct review_input *in, int64_t now, int64_t *exp, enum review_problem *why)
{
	for (int k = 0; k < REVIEW_ASPECTS; k++)
		if (in->marks[k] < 1 || in->marks[k] > 10) {
			*why = RP_MARKS;
			return ERR_INVAL;
		}
	size_t len = in->text ? strlen(in->text) : 0;
	if (!len || text_blank(in->text) || len > CORE_REVIEW_MAX_BYTES || !utf8_valid(in->text, len) ||
	    words(in->text) > CORE_REVIEW_MAX_WORDS) {
		*why = RP_TEXT;
		return ERR_INVAL;
	}
	if (!core_review_month(in->experience, now, exp)) {
		*why = RP_EXPERIENCE;
		return ERR_INVAL;
	}
	size_t sl = in->service ? strlen(in->service) : 0;
	if (sl > CORE_REVIEW_SERVICE_MAX || (sl && !utf8_valid(in->service, sl))) {
		*why = RP_SERVICE;
		return ERR_INVAL;
	}
	return 0;
}

static bool same_service(const char *x, const char *y)
{
	size_t n = strlen(x);
	if (n != strlen(y))
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(x[i]) != lower(y[i]))
			return false;
	return true;
}

/* Everything a new or edited text goes through: the service switch, the
 * privacy guard, the code of conduct, the signals.  Sets rv's state,
 * reason, signals and signature; related: reviews to hold with it. */
static int review_checks(struct core *c, struct arena *a, uint64_t viewer, const struct account *prov,
                         const struct account *author, struct review *rv, const struct guard_ask *ask,
                         enum review_problem *why, uint64_t *related, size_t max, size_t *nrel)
{
	*nrel = 0;
	if (prov->kind == ACCOUNT_ORG && rv->service[0]) {
		const char **off;
		size_t n;
		int rc = store_review_off_list(c->store, a, prov->id, &off, &n);
		if (rc)
			return rc;
		for (size_t i = 0; i < n; i++)
			if (same_service(off[i], rv->service)) {
				*why = RP_SERVICE;
				return ERR_FORBIDDEN;
			}
	}
	/* The privacy guard, as for a public text (names, BSN, room numbers of others). */
	struct guard_result res;
	memset(&res, 0, sizeof res);
	struct guard_ask mine = {.confirm = ask && ask->confirm, .a = ask && ask->a ? ask->a : a, .result = &res};
	struct guard_part part = {.what = "text", .text = rv->text};
	int rc = guard_ask_gate(c, viewer, viewer, &part, 1, &mine);
	if (ask && ask->result)
		*ask->result = res;
	if (rc)
		return rc;
	const char *reason = NULL;
	if (res.verdict != SCAN_OK)
		reason = "privacygids: de schrijver bevestigde wat de gids vond";
	/* The code of conduct: the staff's names for an organisation. */
	const char *names[66] = {0};
	if (prov->kind == ACCOUNT_ORG) {
		struct account **st;
		size_t ns;
		if (!store_staff_list(c->store, a, prov->id, &st, &ns)) {
			size_t k = 0;
			for (size_t i = 0; i < ns && k + 2 < 64; i++) {
				if (st[i]->display_name && st[i]->display_name[0])
					names[k++] = st[i]->display_name;
				names[k++] = st[i]->username;
			}
		}
	}
	const char *conduct = core_review_conduct(rv->text, rv->marks, names);
	if (conduct)
		reason = reason ? arena_printf(a, "%s; %s", reason, conduct) : conduct;
	/* Manipulation signals. */
	rv->minhash = core_review_minhash(a, rv->text);
	int64_t now = rv->updated_at;
	struct review *recent, *own;
	size_t nrecent, nown;
	if ((rc = store_review_list(c->store, a, 0, 0, -1, now - SIGNAL_WINDOW, 2000, &recent, &nrecent)) ||
	    (rc = store_review_list(c->store, a, prov->id, 0, -1, now - YEAR - BURST_WINDOW, STORE_REVIEW_LIST_MAX,
	                            &own, &nown)))
		return rc;
	rv->signals = signals_of(rv, author, recent, nrecent, own, nown, related, max, nrel);
	if (popcount(rv->signals) >= 2) {
		const char *s = signal_reason(a, rv->signals);
		reason = reason ? arena_printf(a, "%s; %s", reason, s) : s;
	} else
		*nrel = 0;
	rv->state = reason ? REVIEW_QUEUED : REVIEW_PUBLISHED;
	rv->reason = reason ? reason : "";
	return 0;
}

/* Hold the published reviews that make rv's signals together with it. */
static int hold_related(struct core *c, struct arena *a, const struct review *rv, const uint64_t *ids, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct review r;
		int rc = store_review_get(c->store, a, ids[i], &r);
		if (rc == ERR_NOTFOUND || (!rc && r.state != REVIEW_PUBLISHED))
			continue;
		const char *why = arena_printf(a, "%s (samen met beoordeling %llu)", signal_reason(a, rv->signals),
		                               (unsigned long long)rv->id);
		if (rc || (rc = store_review_set_state(c->store, r.id, REVIEW_QUEUED, why, rv->updated_at)) ||
		    (rc = log_add(c, r.id, 0, "hold", why)))
			return rc;
	}
	return 0;
}

int core_review_create(struct core *c, struct arena *a, uint64_t viewer, const struct review_input *in,
                       const struct guard_ask *ask, enum review_problem *why, struct review *out)
{
	*why = RP_OK;
	if (!viewer)
		return ERR_AUTH;
	int64_t now = time_now();
	struct account *prov, *author;
	int rc = store_account_get(c->store, a, viewer, &author);
	if (rc)
		return rc == ERR_NOTFOUND ? ERR_AUTH : rc;
	if (author->suspended)
		return ERR_FORBIDDEN;
	if ((rc = provider_of(c, a, viewer, in->provider, &prov, why)))
		return rc;
	int64_t exp;
	if ((rc = check_input(in, now, &exp, why)))
		return rc;
	if ((rc = store_begin(c->store)))
		return rc;
	struct rel_found rel;
	uint64_t related[64];
	size_t nrel = 0;
	struct review rv = {
	        .id = id_new(),
	        .provider_id = prov->id,
	        .author_id = viewer,
	        .text = in->text,
	        .service = in->service ? in->service : "",
	        .experience_at = exp,
	        .created_at = now,
	        .updated_at = now,
	        .reply = "",
	};
	memcpy(rv.marks, in->marks, sizeof rv.marks);
	rc = relation_pick(c, viewer, prov->id, now, &rel, why);
	if (!rc) {
		rv.relation = rel.kind;
		rv.relation_key = arena_strdup(a, rel.key);
		rv.relation_since = rel.since;
		rc = review_checks(c, a, viewer, prov, author, &rv, ask, why, related, 64, &nrel);
	}
	if (!rc)
		rc = store_review_insert(c->store, &rv);
	if (!rc && rv.state == REVIEW_QUEUED)
		rc = log_add(c, rv.id, 0, "hold", rv.reason);
	if (!rc && rv.state == REVIEW_PUBLISHED)
		rc = wc_ingest_review(c, a, &rv); /* the organisation's webcare inbox, same transaction */
	if (!rc)
		rc = hold_related(c, a, &rv, related, nrel);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	*out = rv;
	out->author = author;
	out->provider = prov;
	return 0;
}

static int own_review(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct review *out)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = store_review_get(c->store, a, id, out);
	if (rc)
		return rc;
	if (out->author_id != viewer)
		return out->state == REVIEW_PUBLISHED ? ERR_FORBIDDEN : ERR_NOTFOUND;
	return out->state == REVIEW_WITHDRAWN || out->state == REVIEW_REMOVED ? ERR_NOTFOUND : 0;
}

int core_review_edit(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const struct review_input *in,
                     const struct guard_ask *ask, enum review_problem *why, struct review *out)
{
	*why = RP_OK;
	struct review rv;
	int rc = own_review(c, a, viewer, id, &rv);
	if (rc)
		return rc;
	int64_t now = time_now(), exp;
	struct account *prov, *author;
	if ((rc = check_input(in, now, &exp, why)) || (rc = store_account_get(c->store, a, viewer, &author)) ||
	    (rc = store_account_get(c->store, a, rv.provider_id, &prov)))
		return rc;
	if ((rc = store_begin(c->store)))
		return rc;
	bool was_queued = rv.state == REVIEW_QUEUED;
	memcpy(rv.marks, in->marks, sizeof rv.marks);
	rv.text = in->text;
	rv.service = in->service ? in->service : "";
	rv.experience_at = exp;
	rv.updated_at = now;
	uint64_t related[64];
	size_t nrel = 0;
	rc = review_checks(c, a, viewer, prov, author, &rv, ask, why, related, 64, &nrel);
	/* A review a moderator holds stays held until a moderator looks again. */
	if (!rc && was_queued && rv.state == REVIEW_PUBLISHED) {
		rv.state = REVIEW_QUEUED;
		rv.reason = "aangepast terwijl een moderator nog moest kijken";
	}
	if (!rc)
		rc = store_review_update(c->store, &rv);
	if (!rc)
		rc = log_add(c, rv.id, viewer, "edit", rv.state == REVIEW_QUEUED ? rv.reason : "");
	/* the inbox follows: new text, or gone while a moderator looks again */
	if (!rc)
		rc = rv.state == REVIEW_PUBLISHED ? wc_review_text(c, &rv) : wc_review_gone(c, &rv);
	if (!rc)
		rc = hold_related(c, a, &rv, related, nrel);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	*out = rv;
	out->author = author;
	out->provider = prov;
	return 0;
}

int core_review_withdraw(struct core *c, uint64_t viewer, uint64_t id)
{
	struct arena a;
	arena_init(&a);
	struct review rv;
	int rc = own_review(c, &a, viewer, id, &rv);
	if (!rc && !(rc = store_begin(c->store))) {
		rc = store_review_set_state(c->store, id, REVIEW_WITHDRAWN, "", time_now());
		if (!rc)
			rc = log_add(c, id, viewer, "withdraw", "ingetrokken door de schrijver");
		if (!rc)
			rc = wc_review_gone(c, &rv);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_review_reply(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, const char *text,
                      const struct guard_ask *ask)
{
	if (!viewer)
		return ERR_AUTH;
	struct review rv;
	int rc = store_review_get(c->store, a, id, &rv);
	if (rc)
		return rc;
	if (rv.state != REVIEW_PUBLISHED)
		return ERR_NOTFOUND;
	if (!core_review_speaks_for(c, viewer, rv.provider_id))
		return ERR_FORBIDDEN;
	if (rv.reply_at)
		return ERR_EXISTS;
	size_t len = text ? strlen(text) : 0;
	if (!len || text_blank(text) || len > CORE_REVIEW_MAX_BYTES || !utf8_valid(text, len) ||
	    words(text) > CORE_REVIEW_MAX_WORDS)
		return ERR_INVAL;
	struct guard_part part = {.what = "reply", .text = text};
	if ((rc = guard_ask_gate(c, rv.provider_id, viewer, &part, 1, ask)))
		return rc;
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_review_set_reply(c->store, id, text, time_now());
	return store_finish(c->store, rc);
}

bool core_review_moderator(struct core *c, uint64_t viewer)
{
	struct arena a;
	arena_init(&a);
	bool ok = viewer && !core_need_role(c, &a, viewer, ROLE_MODERATOR);
	arena_release(&a);
	return ok;
}

/* What a reader who is neither author nor moderator does not see. */
static void public_view(struct review *r)
{
	r->author = NULL;
	r->reason = "";
	r->signals = 0;
	r->relation_key = "";
	r->minhash = "";
}

int core_review_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct review *out)
{
	int rc = store_review_get(c->store, a, id, out);
	if (rc)
		return rc;
	bool mod = core_review_moderator(c, viewer);
	bool mine = viewer && out->author_id == viewer;
	if (!mine && !mod && out->state != REVIEW_PUBLISHED)
		return ERR_NOTFOUND;
	if (mine && out->state == REVIEW_WITHDRAWN && !mod)
		return ERR_NOTFOUND;
	if ((rc = store_account_get(c->store, a, out->provider_id, &out->provider)))
		return rc;
	if (mine || mod) {
		if ((rc = store_account_get(c->store, a, out->author_id, &out->author)))
			return rc;
		if (!mod) {
			out->signals = 0;
			out->minhash = "";
		}
	} else
		public_view(out);
	return 0;
}

int core_review_list(struct core *c, struct arena *a, uint64_t viewer, uint64_t provider, struct review **out,
                     size_t *n)
{
	(void)viewer; /* the same for everyone: published reviews, no authors */
	struct account *acc;
	int rc = store_account_get(c->store, a, provider, &acc);
	if (rc)
		return rc;
	if (!core_review_provider(acc))
		return ERR_NOTFOUND;
	if ((rc = store_review_list(c->store, a, provider, 0, REVIEW_PUBLISHED,
	                            time_now() - CORE_REVIEW_SCORE_YEARS * YEAR, 500, out, n)))
		return rc;
	for (size_t i = 0; i < *n; i++) {
		public_view(&(*out)[i]);
		(*out)[i].provider = acc;
	}
	return 0;
}

int core_review_mine(struct core *c, struct arena *a, uint64_t viewer, struct review **out, size_t *n)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = store_review_list(c->store, a, 0, viewer, -1, 0, 500, out, n);
	size_t k = 0;
	for (size_t i = 0; !rc && i < *n; i++) {
		struct review *r = &(*out)[i];
		if (r->state == REVIEW_WITHDRAWN)
			continue;
		if (store_account_get(c->store, a, r->provider_id, &r->provider))
			continue;
		r->signals = 0;
		r->minhash = "";
		(*out)[k++] = *r;
	}
	if (!rc)
		*n = k;
	return rc;
}

int core_review_queue(struct core *c, struct arena *a, uint64_t viewer, struct review **out, size_t *n)
{
	if (!core_review_moderator(c, viewer))
		return viewer ? ERR_FORBIDDEN : ERR_AUTH;
	int64_t now = time_now();
	struct review *recent;
	size_t nrecent;
	int rc = store_review_list(c->store, a, 0, 0, -1, now - YEAR - BURST_WINDOW, STORE_REVIEW_LIST_MAX, &recent,
	                           &nrecent);
	if (rc)
		return rc;
	struct review *v = arena_alloc(a, QUEUE_MAX * sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < nrecent && k < QUEUE_MAX; i++) {
		struct review r = recent[i];
		if (r.state != REVIEW_QUEUED && (r.state != REVIEW_PUBLISHED || r.created_at < now - SIGNAL_WINDOW))
			continue;
		if (store_account_get(c->store, a, r.author_id, &r.author) ||
		    store_account_get(c->store, a, r.provider_id, &r.provider))
			continue;
		/* The signals anew: later reviews show what an early one was part
		 * of.  A burst is judged at its window's end: the newest review of
		 * the provider with the same extreme mark within the window. */
		struct review at = r;
		int ex = extreme(&r);
		for (size_t j = 0; ex && j < nrecent; j++)
			if (recent[j].provider_id == r.provider_id && extreme(&recent[j]) == ex &&
			    recent[j].created_at > at.created_at && recent[j].created_at < r.created_at + BURST_WINDOW)
				at.created_at = recent[j].created_at;
		r.signals = signals_of(&r, r.author, recent, nrecent, NULL, 0, NULL, 0, NULL) |
		            (signals_of(&at, NULL, NULL, 0, recent, nrecent, NULL, 0, NULL) & RSIG_BURST);
		if (r.state == REVIEW_PUBLISHED && !r.signals)
			continue;
		v[k++] = r;
	}
	*out = v;
	*n = k;
	return 0;
}

int core_review_moderate(struct core *c, uint64_t viewer, uint64_t id, bool publish, const char *reason)
{
	if (!core_review_moderator(c, viewer))
		return viewer ? ERR_FORBIDDEN : ERR_AUTH;
	size_t rl = reason ? strlen(reason) : 0;
	if (rl > CORE_REVIEW_REASON_MAX || (rl && !utf8_valid(reason, rl)) || (!publish && (!rl || text_blank(reason))))
		return ERR_INVAL; /* every removal says why */
	struct arena a;
	arena_init(&a);
	struct review rv;
	int rc = store_review_get(c->store, &a, id, &rv);
	if (!rc && (rv.state == REVIEW_WITHDRAWN || rv.state == REVIEW_REMOVED))
		rc = ERR_NOTFOUND;
	if (!rc && publish && rv.state != REVIEW_QUEUED)
		rc = ERR_CONFLICT;
	if (!rc && !(rc = store_begin(c->store))) {
		rc = store_review_set_state(c->store, id, publish ? REVIEW_PUBLISHED : REVIEW_REMOVED,
		                            publish ? "" : reason, time_now());
		if (!rc)
			rc = log_add(c, id, viewer, publish ? "approve" : "remove", reason);
		if (!rc)
			rc = publish ? wc_ingest_review(c, &a, &rv) : wc_review_gone(c, &rv);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_review_log(struct core *c, struct arena *a, uint64_t viewer, struct review_log_entry **out, size_t *n)
{
	if (!core_review_moderator(c, viewer))
		return viewer ? ERR_FORBIDDEN : ERR_AUTH;
	return store_review_log_list(c->store, a, 200, out, n);
}

int core_review_service_set(struct core *c, uint64_t viewer, uint64_t org, const char *service, bool off)
{
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	struct account *acc;
	int rc = store_account_get(c->store, &a, org, &acc);
	if (!rc && acc->kind != ACCOUNT_ORG)
		rc = ERR_NOTFOUND;
	if (!rc && !core_review_speaks_for(c, viewer, org) && !core_org_may_manage(c, viewer, org))
		rc = ERR_FORBIDDEN;
	char *s = service ? str_trim(arena_strdup(&a, service)) : NULL;
	size_t sl = s ? strlen(s) : 0;
	if (!rc && (!sl || sl > CORE_REVIEW_SERVICE_MAX || !utf8_valid(s, sl) || text_has_controls(s, sl)))
		rc = ERR_INVAL;
	if (!rc && !(rc = store_begin(c->store))) {
		rc = store_review_off_set(c->store, org, s, off, time_now());
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_review_services_off(struct core *c, struct arena *a, uint64_t org, const char ***out, size_t *n)
{
	return store_review_off_list(c->store, a, org, out, n);
}
