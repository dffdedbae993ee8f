/* Choosing a care worker (issue 19): see core/match.h and docs/matching.md. */
#include "core/match.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core.h"
#include "core/appointment.h"
#include "core/core_int.h"
#include "job/job.h"
#include "store/store_match.h"

static bool is_pro(const struct account *acc)
{
	return acc && acc->kind == ACCOUNT_PERSON && acc->person_type == PERSON_PROFESSIONAL && !acc->suspended;
}

int core_pro_profile_get(struct core *c, struct arena *a, uint64_t id, struct pro_profile *out)
{
	return store_pro_profile_get(c->store, a, id, out);
}

static bool text_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n <= CORE_PRO_TEXT_MAX && (!n || utf8_valid(s, n));
}

int core_pro_profile_set(struct core *c, uint64_t viewer, const struct pro_profile *p, const struct guard_ask *ask)
{
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	struct account *acc;
	int rc = store_account_get(c->store, &a, viewer, &acc);
	if (!rc && !is_pro(acc))
		rc = ERR_FORBIDDEN;
	if (!rc && (!text_ok(p->intro) || !text_ok(p->approach)))
		rc = ERR_INVAL;
	if (!rc) {
		/* Public texts about themselves: the guard reads them as a profile. */
		struct guard_part parts[2] = {{.what = "intro", .text = p->intro ? p->intro : "", .self = true},
		                              {.what = "approach", .text = p->approach ? p->approach : "", .self = true}};
		rc = guard_ask_gate(c, viewer, viewer, parts, 2, ask);
	}
	if (!rc && !(rc = store_begin(c->store))) {
		struct pro_profile q = {
		        .account_id = viewer,
		        .intro = p->intro ? p->intro : "",
		        .approach = p->approach ? p->approach : "",
		        .taking_new = p->taking_new,
		        .updated_at = time_now(),
		};
		rc = store_pro_profile_set(c->store, &q);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

static const char *word(struct arena *a, const char *s, bool *ok)
{
	if (!s)
		return "";
	char *w = str_trim(arena_strdup(a, s));
	size_t n = strlen(w);
	if (n > CORE_MATCH_WORD_MAX || !utf8_valid(w, n) || text_has_controls(w, n))
		*ok = false;
	for (char *p = w; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return w;
}

int core_match_filter(struct arena *a, const struct match_filter *in, struct match_filter *out)
{
	bool ok = true;
	out->expertise = word(a, in->expertise, &ok);
	out->language = word(a, in->language, &ok);
	out->region = word(a, in->region, &ok);
	return ok ? 0 : ERR_INVAL;
}

/* Whether s (any case) contains w (lower case). */
static bool contains(struct arena *a, const char *s, const char *w)
{
	if (!w || !*w || !s)
		return false;
	char *l = arena_strdup(a, s);
	for (char *p = l; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return strstr(l, w) != NULL;
}

/* A card from its parts: the reasons it is suggested, and the viewer's own
 * like (never their skip: skips are shown to nobody). */
static int card_fill(struct core *c, struct arena *a, struct account *acc, const struct pro_profile *profile,
                     int choice, int64_t req, bool has_avail, const struct match_filter *f, struct match_card *out)
{
	memset(out, 0, sizeof *out);
	if (!is_pro(acc))
		return ERR_NOTFOUND;
	out->acc = acc;
	out->profile = *profile;
	out->liked = choice == MATCH_LIKE;
	out->requested = req != 0;
	if (f) {
		if (contains(a, out->acc->expertise, f->expertise))
			out->why |= MWHY_EXPERTISE;
		if (contains(a, out->acc->languages, f->language))
			out->why |= MWHY_LANGUAGE;
		if (contains(a, out->acc->region, f->region))
			out->why |= MWHY_REGION;
	}
	if (out->profile.taking_new)
		out->why |= MWHY_TAKING_NEW;
	/* Availability from appointments: room in the coming week (only asked
	 * of those who published availability at all). */
	bool room = false;
	int rc = has_avail ? core_appt_has_room(c, a, acc->id, CORE_MATCH_ROOM_S, &room) : 0;
	if (rc)
		return rc;
	if (room)
		out->why |= MWHY_AVAILABLE;
	return 0;
}

/* The cards of ids[0..k) in that order (those no longer professionals left
 * out): accounts, profiles, the viewer's choices and who published
 * availability each read for all at once, not per card. */
static int cards_of(struct core *c, struct arena *a, uint64_t viewer, const uint64_t *ids, size_t k,
                    const struct match_filter *f, struct match_card *v, size_t *m)
{
	*m = 0;
	if (!k)
		return 0;
	struct account **accs = arena_alloc(a, k * sizeof *accs);
	struct pro_profile *prof = arena_alloc(a, k * sizeof *prof);
	int *choice = arena_alloc(a, k * sizeof *choice);
	int64_t *req = arena_alloc(a, k * sizeof *req);
	bool *avail = arena_alloc(a, k * sizeof *avail);
	int rc = store_accounts_get(c->store, a, ids, k, accs);
	if (!rc)
		rc = store_match_card_parts(c->store, a, viewer, ids, k, prof, choice, req, avail);
	for (size_t i = 0; !rc && i < k; i++) {
		if (!accs[i])
			continue;
		if ((rc = card_fill(c, a, accs[i], &prof[i], choice[i], req[i], avail[i], f, &v[*m])) == ERR_NOTFOUND)
			rc = 0;
		else if (!rc)
			(*m)++;
	}
	return rc;
}

static int bits(int x)
{
	int n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

/* Best first: more reasons, then taking new clients, then the older account. */
static bool better(const struct match_card *x, const struct match_card *y)
{
	int bx = bits(x->why), by = bits(y->why);
	if (bx != by)
		return bx > by;
	return x->acc->id < y->acc->id;
}

/* The first `limit` matches, ranked: the store already orders them (taking
 * new clients, then the older account), and every one matches every given
 * filter word, so only the cards shown are read. */
static int cards(struct core *c, struct arena *a, uint64_t viewer, const struct match_filter *f, bool unchosen,
                 size_t limit, struct match_card **out, size_t *n)
{
	uint64_t ids[STORE_MATCH_MAX];
	size_t k = 0;
	int rc = store_match_candidates(c->store, viewer, f, unchosen, ids, limit < STORE_MATCH_MAX ? limit : STORE_MATCH_MAX,
	                                &k);
	if (rc)
		return rc;
	struct match_card *v = arena_alloc(a, (k ? k : 1) * sizeof *v);
	size_t m = 0;
	if ((rc = cards_of(c, a, viewer, ids, k, f, v, &m)))
		return rc;
	/* insertion sort, stable: more reasons first, the store's order otherwise */
	for (size_t i = 1; i < m; i++) {
		struct match_card t = v[i];
		size_t j = i;
		for (; j > 0 && better(&t, &v[j - 1]); j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
	*out = v;
	*n = m;
	return 0;
}

int core_match_next(struct core *c, struct arena *a, uint64_t viewer, const struct match_filter *f,
                    struct match_card *out)
{
	if (!viewer)
		return ERR_AUTH;
	struct match_card *v;
	size_t n;
	int rc = cards(c, a, viewer, f, true, 1, &v, &n);
	if (rc)
		return rc;
	if (!n)
		return ERR_NOTFOUND;
	*out = v[0];
	return 0;
}

int core_match_list(struct core *c, struct arena *a, uint64_t viewer, const struct match_filter *f,
                    struct match_card **out, size_t *n)
{
	return cards(c, a, viewer, f, false, CORE_MATCH_LIST_MAX, out, n);
}

int core_match_choose(struct core *c, uint64_t viewer, uint64_t pro, int choice)
{
	if (!viewer)
		return ERR_AUTH;
	if ((choice != MATCH_LIKE && choice != MATCH_SKIP) || pro == viewer)
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct account *acc;
	int rc = store_account_get(c->store, &a, pro, &acc);
	if (!rc && !is_pro(acc))
		rc = ERR_NOTFOUND;
	int old = MATCH_NONE;
	int64_t req = 0;
	if (!rc)
		rc = store_match_choice_get(c->store, viewer, pro, &old, &req);
	if (!rc && req)
		rc = ERR_CONFLICT; /* a request was sent: the like stays */
	if (!rc && !(rc = store_begin(c->store))) {
		rc = store_match_choice_set(c->store, viewer, pro, choice, id_new(), time_now());
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_match_undo(struct core *c, uint64_t viewer, uint64_t *pro)
{
	*pro = 0;
	if (!viewer)
		return ERR_AUTH;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	rc = store_match_undo_last(c->store, viewer, pro);
	return store_finish(c->store, rc);
}

int core_match_likes(struct core *c, struct arena *a, uint64_t viewer, struct match_card **out, size_t *n)
{
	if (!viewer)
		return ERR_AUTH;
	uint64_t ids[STORE_MATCH_MAX];
	size_t k = 0;
	int rc = store_match_likes(c->store, viewer, ids, STORE_MATCH_MAX, &k);
	if (rc)
		return rc;
	struct match_card *v = arena_alloc(a, (k ? k : 1) * sizeof *v);
	size_t m = 0;
	if ((rc = cards_of(c, a, viewer, ids, k, NULL, v, &m)))
		return rc;
	*out = v;
	*n = m;
	return 0;
}

int core_match_request(struct core *c, uint64_t viewer, uint64_t pro, const char *message,
                       const struct guard_ask *ask)
{
	if (!viewer)
		return ERR_AUTH;
	size_t n = message ? strlen(message) : 0;
	if (n > CORE_MATCH_MESSAGE_MAX || (n && !utf8_valid(message, n)))
		return ERR_INVAL;
	/* No request, nor its message, across a block either way. */
	bool blocked = false;
	int rc = core_blocked_between(c, viewer, pro, &blocked);
	if (rc)
		return rc;
	if (blocked)
		return ERR_NOTFOUND;
	if (n) {
		/* Only the professional reads it, but it stays a text about others too. */
		struct guard_part part = {.what = "message", .text = message, .self = true};
		rc = guard_ask_gate(c, viewer, viewer, &part, 1, ask);
	}
	if (!rc && !(rc = store_begin(c->store))) {
		rc = store_match_request(c->store, viewer, pro, n ? message : "", time_now());
		/* The professional learns of the like now, with the request (the
		 * message itself is read on the requests page). */
		if (!rc)
			rc = store_notif_insert_in(c->store, pro, NOTIF_MATCH_REQUEST, viewer, 0, 0, "");
		if (!rc)
			remind_push(c, pro, NOTIF_MATCH_REQUEST, viewer); /* Web Push, core/remind.c */
		rc = store_finish(c->store, rc);
	}
	if (!rc)
		job_kick();
	if (!rc && c->on_notify)
		c->on_notify(c, pro);
	return rc;
}

int core_match_requests(struct core *c, struct arena *a, uint64_t viewer, struct match_request **out, size_t *n)
{
	if (!viewer)
		return ERR_AUTH;
	uint64_t ids[STORE_MATCH_MAX];
	const char *msg[STORE_MATCH_MAX];
	int64_t at[STORE_MATCH_MAX];
	size_t k = 0;
	int rc = store_match_requests(c->store, a, viewer, ids, msg, at, STORE_MATCH_MAX, &k);
	if (rc)
		return rc;
	struct match_request *v = arena_alloc(a, (k ? k : 1) * sizeof *v);
	size_t m = 0;
	for (size_t i = 0; i < k; i++) {
		bool blocked = false;
		if ((rc = core_blocked_between(c, viewer, ids[i], &blocked)))
			return rc;
		if (blocked || store_account_get(c->store, a, ids[i], &v[m].client) || v[m].client->suspended)
			continue;
		v[m].message = msg[i];
		v[m].at = at[i];
		m++;
	}
	*out = v;
	*n = m;
	return 0;
}
