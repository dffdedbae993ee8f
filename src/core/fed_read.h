#ifndef CORE_FED_READ_H
#define CORE_FED_READ_H

/*
 * Reading an incoming activity, the pure part (core/fed_read.c; internal to
 * core, and fuzzed by fuzz/fedact_fuzz.c): the JSON with its limits, the
 * fields every activity needs, and how it is addressed.  No store, no
 * network: what the signer may do with it is federation.c's.
 */

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/err.h" /* WARN_UNUSED */

#define FED_READ_BODY_MAX  (1024 * 1024) /* = FED_BODY_MAX */
#define FED_READ_ITEMS_MAX 500           /* = FED_ITEMS_MAX: items in any one list */
#define FED_READ_URI_MAX   2048          /* = FED_URI_MAX */
#define FED_READ_ADDR_MAX  64            /* to/cc entries looked at */

/* The fields of an activity, pointing into its JSON (valid while it is). */
struct fed_head {
	const char *type, *id, *actor;
	const char *object;      /* the object's id (a link or an embedded object's id), or NULL */
	const char *object_type; /* an embedded object's type, or NULL */
	bool is_public;          /* the activity or its embedded object is addressed to the public */
};

/* The public collection, as any peer writes it: in full, or compacted by a
 * JSON-LD processor ("as:Public", as Fedify sends it; "Public"). */
bool fed_is_public(const char *addr);
/* o[k] when it is a string of at most FED_READ_URI_MAX bytes, else NULL. */
const char *fed_read_str(json_t *o, const char *k);
/* The id of member k, a link or an embedded object, else NULL. */
const char *fed_read_ref(json_t *o, const char *k);
/* Does a list in o (or in the objects it holds, two levels down) hold more
 * than FED_READ_ITEMS_MAX items? */
bool fed_read_too_many(json_t *o);
/* Is any to/cc entry of o (first FED_READ_ADDR_MAX each) the public? */
bool fed_read_public(json_t *o);

/*
 * Parse body (n bytes) as an activity: *act (the caller decrefs it) and
 * *h.  ERR_TOOBIG for a body over FED_READ_BODY_MAX or a list over
 * FED_READ_ITEMS_MAX; ERR_INVAL for anything but a JSON object with a
 * type, an id and an actor (duplicate keys refused).  *why says which; on
 * an error *act is NULL.
 */
int fed_read_activity(const char *body, size_t n, json_t **act, struct fed_head *h, const char **why) WARN_UNUSED;

#endif
