/* The client's home and informal carers (issue 19): see core/thuis.h and
 * docs/thuis.md. */
#include "core/thuis.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"
#include "store/store_api.h"
#include "store/store_appt.h"
#include "store/store_media.h"
#include "store/store_carer.h"
#include "store/store_match.h"
#include "store/store_plan.h"

bool core_thuis_is_client(const struct account *acc)
{
	return acc && acc->kind == ACCOUNT_PERSON && acc->person_type == PERSON_CLIENT && acc->role == ROLE_MEMBER;
}

/* The providers of client's appointments of the last CORE_CARE_YEARS
 * years and coming ones (booked or taken place; cancelled ones are not). */
static int appt_providers(struct core *c, struct arena *a, uint64_t client, uint64_t **out, size_t *n)
{
	struct appointment *v;
	size_t nv;
	int rc = store_appt_list(c->store, a, client, 0, time_now() - (int64_t)CORE_CARE_YEARS * 365 * 86400, &v, &nv);
	if (rc)
		return rc;
	*out = arena_alloc(a, (nv ? nv : 1) * sizeof **out);
	*n = 0;
	for (size_t i = 0; i < nv; i++)
		if (v[i].state == APPT_BOOKED)
			(*out)[(*n)++] = v[i].provider_id;
	return 0;
}

static int provider_is(struct core *c, struct arena *a, uint64_t client, uint64_t who, const uint64_t *appt,
                       size_t nappt, bool *out)
{
	*out = false;
	if (!who || who == client)
		return 0;
	for (size_t i = 0; i < nappt; i++)
		if (appt[i] == who)
			return *out = true, 0;
	int choice = MATCH_NONE;
	int64_t requested = 0;
	int rc = store_match_choice_get(c->store, client, who, &choice, &requested);
	if (rc)
		return rc;
	if (requested)
		return *out = true, 0;
	int kind = PLAN_SHARE_NONE;
	if ((rc = store_plan_share_get(c->store, client, who, &kind)))
		return rc;
	if (kind == PLAN_SHARE_CARE)
		return *out = true, 0;
	struct account *acc;
	if ((rc = store_account_get(c->store, a, who, &acc)))
		return rc == ERR_NOTFOUND ? 0 : rc;
	if (acc->kind == ACCOUNT_ORG)
		return store_follows(c->store, client, who, out);
	return 0;
}

int core_care_provider_is(struct core *c, uint64_t client, uint64_t who, bool *out)
{
	*out = false;
	if (!client)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	uint64_t *appt;
	size_t nappt;
	int rc = appt_providers(c, &a, client, &appt, &nappt);
	if (!rc)
		rc = provider_is(c, &a, client, who, appt, nappt, out);
	arena_release(&a);
	return rc;
}

int core_thuis_unread(struct core *c, uint64_t viewer, int64_t *count)
{
	*count = 0;
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	uint64_t *appt;
	size_t nappt;
	struct conversation *v;
	size_t n = 0;
	struct page pg = {.limit = CORE_UNREAD_MAX};
	int rc = appt_providers(c, &a, viewer, &appt, &nappt);
	if (!rc)
		rc = store_conversations(c->store, &a, viewer, 0, &pg, &v, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		if (!v[i].unread)
			continue;
		/* the newest message as the viewer may read it now */
		struct post *p;
		int prc = core_post_get(c, &a, viewer, v[i].last_id, &p);
		if (prc == ERR_NOTFOUND)
			continue;
		if ((rc = prc))
			break;
		bool is = false;
		rc = provider_is(c, &a, viewer, p->author_id, appt, nappt, &is);
		if (!rc && !is && p->writer_id != p->author_id)
			rc = provider_is(c, &a, viewer, p->writer_id, appt, nappt, &is);
		*count += is;
	}
	arena_release(&a);
	return rc;
}

/* ---- informal carers ---- */

int core_carer_invite(struct core *c, uint64_t viewer, uint64_t carer, int flags)
{
	if (!viewer)
		return ERR_AUTH;
	if (carer == viewer || (flags & ~(CARER_APPTS | CARER_ACT)))
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	struct account *acc;
	int rc = store_account_get(c->store, &a, carer, &acc);
	if (!rc && acc->kind != ACCOUNT_PERSON)
		rc = ERR_INVAL;
	else if (!rc && acc->suspended)
		rc = ERR_NOTFOUND;
	arena_release(&a);
	if (rc)
		return rc;
	/* The person named learns of it (a new relation only, not a change of
	 * what they may); nobody is told across a block. */
	bool blocked = false;
	if ((rc = core_blocked_between(c, viewer, carer, &blocked)))
		return rc;
	if ((rc = store_begin(c->store)))
		return rc;
	int old;
	bool fresh = false;
	rc = store_carer_get(c->store, viewer, carer, &old);
	if (rc == ERR_NOTFOUND) {
		fresh = true;
		/* a new relation: both sides stay within the limit */
		uint64_t ids[STORE_CARERS_MAX];
		int fl[STORE_CARERS_MAX];
		int64_t since[STORE_CARERS_MAX];
		size_t n = 0, m = 0;
		rc = store_carer_list(c->store, viewer, false, ids, fl, since, STORE_CARERS_MAX, &n);
		if (!rc)
			rc = store_carer_list(c->store, carer, true, ids, fl, since, STORE_CARERS_MAX, &m);
		if (!rc && (n >= CORE_CARERS_MAX || m >= CORE_CARERS_MAX))
			rc = ERR_TOOBIG;
	}
	if (!rc)
		rc = store_carer_set(c->store, viewer, carer, flags, time_now());
	if (!rc && fresh && !blocked)
		rc = store_notif_insert_in(c->store, carer, NOTIF_CARER, viewer, 0, 0, "");
	rc = store_finish(c->store, rc);
	if (!rc && fresh && !blocked && c->on_notify)
		c->on_notify(c, carer);
	return rc;
}

int core_carer_end(struct core *c, uint64_t viewer, uint64_t other)
{
	if (!viewer)
		return ERR_AUTH;
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	rc = store_carer_drop(c->store, viewer, other); /* the client withdraws */
	if (rc == ERR_NOTFOUND)
		rc = store_carer_drop(c->store, other, viewer); /* the carer steps back */
	return store_finish(c->store, rc);
}

int core_carers(struct core *c, struct arena *a, uint64_t viewer, bool as_carer, struct carer **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!viewer)
		return ERR_AUTH;
	uint64_t ids[STORE_CARERS_MAX];
	int fl[STORE_CARERS_MAX];
	int64_t since[STORE_CARERS_MAX];
	size_t m = 0;
	int rc = store_carer_list(c->store, viewer, as_carer, ids, fl, since, STORE_CARERS_MAX, &m);
	if (rc)
		return rc;
	*out = arena_alloc(a, (m ? m : 1) * sizeof **out);
	for (size_t i = 0; i < m; i++) {
		struct account *acc;
		if ((rc = store_account_get(c->store, a, ids[i], &acc)) == ERR_NOTFOUND)
			continue;
		if (rc)
			return rc;
		(*out)[(*n)++] = (struct carer){.acc = acc, .flags = fl[i], .since = since[i]};
	}
	return 0;
}

/* The one rule: viewer is the client, or a carer with one of `need`. */
static int carer_may(struct core *c, uint64_t viewer, uint64_t client, int need)
{
	if (!viewer)
		return ERR_AUTH;
	if (!client)
		return ERR_NOTFOUND;
	if (viewer == client)
		return 0;
	int flags = 0;
	int rc = store_carer_get(c->store, client, viewer, &flags);
	if (rc)
		return rc;
	return flags & need ? 0 : ERR_NOTFOUND;
}

int core_carer_may_act(struct core *c, uint64_t viewer, uint64_t client)
{
	return carer_may(c, viewer, client, CARER_ACT);
}

int core_carer_may_see(struct core *c, uint64_t viewer, uint64_t client)
{
	return carer_may(c, viewer, client, CARER_APPTS | CARER_ACT);
}

int core_carer_appts(struct core *c, struct arena *a, uint64_t viewer, uint64_t client, struct appointment **out,
                     size_t *n)
{
	*out = NULL;
	*n = 0;
	int rc = core_carer_may_see(c, viewer, client);
	if (rc)
		return rc;
	return store_appt_list(c->store, a, client, 0, time_now() - 3600, out, n);
}

/* ---- photos and videos the care team shared ---- */

/* Has viewer a care relation with client: a plan share as care worker, or
 * (staff of) the provider of one of client's appointments. */
static int care_relation(struct core *c, struct arena *a, uint64_t viewer, uint64_t client, bool *out)
{
	*out = false;
	int kind = PLAN_SHARE_NONE;
	int rc = store_plan_share_get(c->store, client, viewer, &kind);
	if (rc || kind == PLAN_SHARE_CARE)
		return *out = !rc, rc;
	uint64_t *appt;
	size_t n;
	if ((rc = appt_providers(c, a, client, &appt, &n)))
		return rc;
	for (size_t i = 0; i < n && !*out; i++) {
		if (appt[i] == viewer)
			*out = true;
		else if ((rc = store_staff_is(c->store, appt[i], viewer, out)))
			return rc;
	}
	return 0;
}

int core_care_media_may_share(struct core *c, uint64_t viewer, uint64_t client)
{
	if (!viewer)
		return ERR_AUTH;
	if (viewer == client)
		return ERR_NOTFOUND;
	struct arena a;
	arena_init(&a);
	bool rel = false;
	int rc = care_relation(c, &a, viewer, client, &rel);
	arena_release(&a);
	return rc ? rc : rel ? 0 : ERR_NOTFOUND;
}

int core_care_media_share(struct core *c, uint64_t viewer, uint64_t client, uint64_t media_id, const char *caption,
                          uint64_t *id)
{
	if (!viewer)
		return ERR_AUTH;
	if (!caption)
		caption = "";
	size_t len = strlen(caption);
	if (len > 4 * CARE_MEDIA_CAPTION_MAX || !utf8_valid(caption, len) || text_has_controls(caption, len) ||
	    utf8_len(caption, len) > CARE_MEDIA_CAPTION_MAX)
		return ERR_INVAL;
	if (client == viewer)
		return ERR_INVAL;
	struct arena a;
	arena_init(&a);
	int rc = store_begin(c->store);
	if (rc) {
		arena_release(&a);
		return rc;
	}
	bool rel = false, attached = true;
	struct media *m = NULL;
	rc = care_relation(c, &a, viewer, client, &rel);
	if (!rc && !rel)
		rc = ERR_NOTFOUND;
	if (!rc && ((rc = store_media_get(c->store, &a, media_id, &m)) == ERR_NOTFOUND || (!rc && m->owner_id != viewer)))
		rc = ERR_NOTFOUND;
	if (!rc && m->kind != MEDIA_IMAGE && m->kind != MEDIA_VIDEO)
		rc = ERR_INVAL;
	if (!rc && m->kind == MEDIA_IMAGE && !(m->alt && m->alt[0]))
		rc = ERR_INVAL; /* a picture without words says nothing to a screen reader */
	if (!rc && m->state == MEDIA_FAILED)
		rc = ERR_CONFLICT; /* still processing is fine: it shows when ready */
	if (!rc && !(rc = store_media_attached(c->store, media_id, &attached)) && attached)
		rc = ERR_CONFLICT;
	bool avatar = false;
	if (!rc && !(rc = store_media_is_avatar(c->store, media_id, &avatar)) && avatar)
		rc = ERR_CONFLICT;
	struct care_media cm = {.id = id_new(), .client_id = client, .sharer_id = viewer, .media_id = media_id,
	                        .caption = caption, .family = false, .created_at = time_now()};
	if (!rc)
		rc = store_care_media_insert(c->store, &cm);
	if (rc == ERR_EXISTS)
		rc = ERR_CONFLICT;
	rc = store_finish(c->store, rc);
	arena_release(&a);
	if (!rc && id)
		*id = cm.id;
	return rc;
}

int core_care_media_list(struct core *c, struct arena *a, uint64_t viewer, uint64_t client, struct care_media **out,
                         size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!viewer)
		return ERR_AUTH;
	bool family_only = false, sharer_only = false;
	if (viewer != client) {
		int flags;
		int rc = store_carer_get(c->store, client, viewer, &flags);
		if (rc && rc != ERR_NOTFOUND)
			return rc;
		family_only = !rc;
		sharer_only = !family_only;
	}
	struct care_media *v;
	size_t nv;
	int rc = store_care_media_list(c->store, a, client, family_only, &v, &nv);
	if (rc)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < nv; i++) {
		if (sharer_only && v[i].sharer_id != viewer)
			continue;
		if ((rc = store_media_get(c->store, a, v[i].media_id, &v[i].media)) == ERR_NOTFOUND)
			continue;
		if (rc)
			return rc;
		if ((rc = store_account_get(c->store, a, v[i].sharer_id, &v[i].sharer)) == ERR_NOTFOUND)
			continue;
		if (rc)
			return rc;
		v[k++] = v[i];
	}
	if (sharer_only && !k)
		return ERR_NOTFOUND; /* nothing of theirs: as if there were nothing at all */
	*out = v;
	*n = k;
	return 0;
}

int core_care_media_family(struct core *c, uint64_t viewer, uint64_t id, bool family)
{
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	struct care_media cm;
	int rc = store_begin(c->store);
	if (!rc) {
		rc = store_care_media_get(c->store, &a, id, &cm);
		if (!rc && cm.client_id != viewer)
			rc = ERR_NOTFOUND; /* only the client decides */
		if (!rc)
			rc = store_care_media_family(c->store, id, family);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

int core_care_media_remove(struct core *c, uint64_t viewer, uint64_t id)
{
	if (!viewer)
		return ERR_AUTH;
	struct arena a;
	arena_init(&a);
	struct care_media cm;
	int rc = store_begin(c->store);
	if (!rc) {
		rc = store_care_media_get(c->store, &a, id, &cm);
		if (!rc && cm.client_id != viewer && cm.sharer_id != viewer)
			rc = ERR_NOTFOUND;
		if (!rc)
			rc = store_care_media_delete(c->store, id);
		rc = store_finish(c->store, rc);
	}
	arena_release(&a);
	return rc;
}

bool core_care_media_sees(struct core *c, uint64_t viewer, uint64_t media_id, bool *shared)
{
	*shared = false;
	struct arena a;
	arena_init(&a);
	struct care_media cm;
	int rc = store_care_media_by_media(c->store, &a, media_id, &cm);
	arena_release(&a);
	if (rc == ERR_NOTFOUND)
		return false;
	*shared = true; /* in doubt (an error), shared: nobody else sees it */
	if (rc || !viewer)
		return false;
	if (viewer == cm.client_id || viewer == cm.sharer_id)
		return true;
	int flags;
	return cm.family && store_carer_get(c->store, cm.client_id, viewer, &flags) == 0;
}
