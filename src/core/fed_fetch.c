/*
 * Signed fetches (authorized fetch) and the instance actor: see
 * fed_fetch.h.  The rule of what may leave stays core_fed_reach's
 * (federation.c); here only who asks is added: a followers-only Note goes
 * to a server the author's followers are on, as a delivery would.
 */
#include "core/fed_fetch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/id.h" /* time_now */
#include "base/log.h"
#include "base/text.h"
#include "core/core_int.h"
#include "core/fed_int.h"
#include "core/fed_note_int.h"
#include "core/fed_sig.h"
#include "store/store_fed.h"

#define INSTANCE_ACCOUNT 0 /* fed_keys row of the instance actor: no account has id 0 */
#define AS_CONTEXT       "https://www.w3.org/ns/activitystreams"
#define SEC_CONTEXT      "https://w3id.org/security/v1"

static char *inst_pub, *inst_priv; /* PEM, set once at start, read by every thread */
static bool authorized_fetch;
static char ca_file[1024];

const char *fed_ca_file(void)
{
	return ca_file[0] ? ca_file : NULL;
}

int fed_instance_open(struct core *c)
{
	const char *af = getenv("KRING_FED_AUTHORIZED_FETCH");
	authorized_fetch = af && !strcmp(af, "1");
	const char *ca = getenv("KRING_FED_CA_FILE");
	ca_file[0] = '\0';
	if (ca && *ca) {
		if (strlen(ca) >= sizeof ca_file || access(ca, R_OK))
			log_warn("KRING_FED_CA_FILE %s cannot be read; only the system's CAs are trusted", ca);
		else
			snprintf(ca_file, sizeof ca_file, "%s", ca);
	}
	if (inst_priv)
		return 0;
	struct arena a;
	arena_init(&a);
	const char *pub, *priv;
	int rc = fed_key_pair(c, &a, INSTANCE_ACCOUNT, &pub, &priv);
	if (!rc) {
		inst_pub = strdup(pub);
		inst_priv = strdup(priv);
		if (!inst_pub || !inst_priv) {
			free(inst_pub);
			free(inst_priv);
			inst_pub = inst_priv = NULL;
			rc = ERR_NOMEM;
		}
	}
	arena_release(&a);
	return rc;
}

static const char *instance_uri(struct arena *a)
{
	return arena_printf(a, "%s/actor", core_fed_base());
}

int core_fed_instance_doc(struct core *c, struct arena *a, json_t **out)
{
	if (!inst_pub || !core_fed_base()[0])
		return ERR_NOTFOUND;
	const char *me = instance_uri(a);
	json_t *o = json_object();
	json_object_set_new(o, "@context", json_pack("[s,s]", AS_CONTEXT, SEC_CONTEXT));
	json_object_set_new(o, "id", json_string(me));
	json_object_set_new(o, "type", json_string("Application"));
	/* Mastodon names its instance actor after the host (here without a
	 * port: a name with ':' is no account elsewhere, and a Flag from an
	 * actor without one is dropped there). */
	json_object_set_new(o, "preferredUsername",
	                    json_string(arena_strndup(a, core_fed_host(), strcspn(core_fed_host(), ":"))));
	json_object_set_new(o, "inbox", json_string(arena_printf(a, "%s/inbox", me)));
	json_object_set_new(o, "outbox", json_string(arena_printf(a, "%s/outbox", me)));
	json_object_set_new(o, "manuallyApprovesFollowers", json_true());
	json_object_set_new(o, "endpoints",
	                    json_pack("{s:s}", "sharedInbox", arena_printf(a, "%s/inbox", core_fed_base())));
	json_object_set_new(o, "publicKey", json_pack("{s:s,s:s,s:s}", "id", arena_printf(a, "%s#main-key", me), "owner",
	                                              me, "publicKeyPem", inst_pub));
	*out = o;
	return 0;
}

struct curl_slist *fed_sign_get(struct arena *a, const char *url, struct curl_slist *hdrs)
{
	const char *host, *target, *sig;
	char date[64];
	if (!inst_priv || !fed_url_ok(a, url, &host, &target))
		return hdrs;
	fed_http_date(time_now(), date, sizeof date);
	if (fed_sign(a, inst_priv, arena_printf(a, "%s#main-key", instance_uri(a)), "GET", target, host, date, NULL,
	             &sig))
		return hdrs;
	hdrs = curl_slist_append(hdrs, arena_printf(a, "Host: %s", host));
	hdrs = curl_slist_append(hdrs, arena_printf(a, "Date: %s", date));
	return curl_slist_append(hdrs, arena_printf(a, "Signature: %s", sig));
}

/* The keyId a request's signature names (not verified), or NULL. */
static const char *claimed_key(struct arena *a, const struct fed_request *r)
{
	const char *in = r->header(r->ctx, "signature-input"), *sig = r->header(r->ctx, "signature");
	struct fed_sig s;
	struct fed_sig9421 n;
	if (in)
		return sig && !fed_sig9421_parse(a, in, sig, &n) ? n.key_id : NULL;
	return sig && !fed_sig_parse(a, sig, &s) ? s.key_id : NULL;
}

int core_fed_fetcher(struct core *c, struct arena *a, const struct fed_request *r, bool objects,
                     const char **signed_by, const char **why)
{
	*signed_by = NULL;
	*why = "";
	if (!core_fed_base()[0])
		return ERR_NOTFOUND;
	if (!objects) {
		/* Actors: no signature is checked (checking one fetches the
		 * signer's actor, whose server would check ours: a loop); a
		 * blocked server's keyId is refused all the same. */
		const char *key_id = claimed_key(a, r);
		if (key_id && fed_host_blocked(c, a, key_id)) {
			*why = "this server is blocked here";
			return ERR_FORBIDDEN;
		}
		return 0;
	}
	if (r->header(r->ctx, "signature") || r->header(r->ctx, "signature-input")) {
		/* A GET has no body: nothing for a digest to cover. */
		struct fed_request g = *r;
		g.body = NULL;
		g.bodylen = 0;
		struct fed_actor *from = NULL;
		int rc = fed_signer(c, a, &g, &from, why);
		if (rc == ERR_FORBIDDEN || rc == ERR_RATE)
			return rc;
		if (!rc)
			*signed_by = from->uri;
	}
	if (objects && authorized_fetch && !*signed_by) {
		*why = "this server answers signed fetches only";
		return ERR_AUTH;
	}
	return 0;
}

/* Is an accepted follower of account on the host of actor (a signer)? */
static bool follower_server(struct core *c, struct arena *a, uint64_t account, const char *actor)
{
	const char **inboxes;
	size_t n;
	if (store_fed_follower_inboxes(c->store, a, account, &inboxes, &n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (fed_same_host(a, inboxes[i], actor))
			return true;
	return false;
}

int core_fed_note_fetch(struct core *c, struct arena *a, const char *name, uint64_t id, const struct fed_request *r,
                        const char **json, const char **why)
{
	const char *by;
	int rc = core_fed_fetcher(c, a, r, true, &by, why);
	if (rc)
		return rc;
	struct post *p;
	struct account *author;
	enum fed_reach reach;
	if (fed_post_to(c, a, id, &p, &author, &reach) || strcmp(author->username, name))
		return ERR_NOTFOUND;
	/* Public and open-group posts to anyone; followers-only as far as a
	 * delivery would go, and no further; a direct message never (it went
	 * to its recipients' inboxes only). */
	if (reach == FED_REACH_NONE || reach == FED_REACH_DIRECT ||
	    (reach == FED_REACH_FOLLOWERS && (!by || !follower_server(c, a, author->id, by))))
		return ERR_NOTFOUND;
	json_t *o = fed_note_json(c, a, p, author);
	json_object_set_new(o, "@context", fed_note_context());
	*json = fed_dump(a, o);
	return *json ? 0 : ERR_IO;
}

int core_fed_get(struct core *c, struct arena *a, const char *url, long *status, const char **body, const char **why)
{
	*status = 0;
	*body = "";
	*why = "";
	if (!fed_url_ok(a, url, NULL, NULL)) {
		*why = "not a URL we may fetch";
		return ERR_INVAL;
	}
	if (fed_host_blocked(c, a, url)) {
		*why = "that server is blocked here";
		return ERR_FORBIDDEN;
	}
	struct curl_slist *h = curl_slist_append(NULL, "Accept: application/activity+json, application/ld+json");
	h = fed_sign_get(a, url, h);
	char ebuf[256] = "";
	size_t n = 0;
	*status = fed_http_call(a, url, h, NULL, 0, body, &n, ebuf, sizeof ebuf);
	curl_slist_free_all(h);
	if (!*status) {
		*why = arena_strdup(a, ebuf);
		return ERR_IO;
	}
	return 0;
}
