/*
 * Outgoing Flag (issue 21): a report here about another server's account
 * (and its posts), forwarded to that server's moderators.  It goes from the
 * instance actor, not the reporter, as Mastodon does: the reporter is not
 * named out there.  Content: the comment, the account's actor URI and the
 * Note URIs at their origin; delivered through the durable queue to the
 * account's server (its shared inbox when known).
 */
#include <jansson.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "core/core_int.h"
#include "core/fed_int.h"
#include "store/store.h"
#include "store/store_fed.h"

#define AS_CONTEXT "https://www.w3.org/ns/activitystreams"

const char *fed_instance_key_id(struct arena *a)
{
	return arena_printf(a, "%s/actor#main-key", core_fed_base());
}

int core_fed_flag(struct core *c, struct arena *a, uint64_t viewer, uint64_t account, const uint64_t *posts,
                  size_t n, const char *comment, bool *forwarded)
{
	*forwarded = false;
	if (!viewer)
		return ERR_AUTH;
	if (!core_fed_base()[0] || n > FED_FLAG_POSTS)
		return ERR_INVAL;
	struct account *acc;
	struct fed_actor *f;
	int rc = core_account_get(c, a, account, &acc);
	if (rc)
		return rc;
	/* Only another server's account is theirs to judge. */
	if (!core_fed_is_remote(acc) || store_fed_actor_by_account(c->store, a, account, &f))
		return 0;
	json_t *obj = json_array();
	json_array_append_new(obj, json_string(f->uri));
	for (size_t i = 0; i < n; i++) {
		struct post *p;
		const char *uri;
		/* What the reporter may see, of that account, received from its
		 * server (its URI there); anything else is not sent. */
		if (core_post_get(c, a, viewer, posts[i], &p) || p->author_id != account ||
		    store_fed_note_uri(c->store, a, posts[i], &uri) || !fed_same_host(a, uri, f->uri))
			continue;
		json_array_append_new(obj, json_string(uri));
	}
	json_t *o = json_object();
	json_object_set_new(o, "@context", json_string(AS_CONTEXT));
	json_object_set_new(o, "id", json_string(arena_printf(a, "%s/actor#flags/%llu", core_fed_base(),
	                                                      (unsigned long long)id_new())));
	json_object_set_new(o, "type", json_string("Flag"));
	json_object_set_new(o, "actor", json_string(arena_printf(a, "%s/actor", core_fed_base())));
	json_object_set_new(o, "content", json_string(comment ? comment : ""));
	json_object_set_new(o, "object", obj);
	const char *body = fed_dump(a, o);
	if (!body)
		return ERR_NOMEM;
	const char *inbox = f->shared_inbox && f->shared_inbox[0] ? f->shared_inbox : f->inbox;
	if (fed_host_blocked(c, a, inbox))
		return 0;
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_finish(c->store, fed_deliver(c, a, FED_INSTANCE_SIGNER, body, &inbox, 1));
	*forwarded = !rc;
	return rc;
}
