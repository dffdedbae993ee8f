/* Reading an incoming activity, the pure part (fed_read.h). */
#include "core/fed_read.h"

#include <string.h>

#define PUBLIC_IRI "https://www.w3.org/ns/activitystreams#Public"

bool fed_is_public(const char *addr)
{
	return addr && (!strcmp(addr, PUBLIC_IRI) || !strcmp(addr, "as:Public") || !strcmp(addr, "Public"));
}

const char *fed_read_str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s && strlen(s) <= FED_READ_URI_MAX ? s : NULL;
}

const char *fed_read_ref(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_object(v) ? fed_read_str(v, "id") : json_is_string(v) ? fed_read_str(o, k) : NULL;
}

static bool too_many(json_t *o, int depth)
{
	const char *k;
	json_t *v;
	if (depth > 2 || !json_is_object(o))
		return false;
	json_object_foreach(o, k, v) {
		if (json_is_array(v) && json_array_size(v) > FED_READ_ITEMS_MAX)
			return true;
		if (too_many(v, depth + 1))
			return true;
	}
	return false;
}

bool fed_read_too_many(json_t *o)
{
	return too_many(o, 0);
}

bool fed_read_public(json_t *o)
{
	static const char *const fields[] = {"to", "cc"};
	for (int f = 0; f < 2; f++) {
		json_t *v = json_object_get(o, fields[f]);
		for (size_t i = 0; i < FED_READ_ADDR_MAX; i++) {
			json_t *e = json_is_array(v) ? json_array_get(v, i) : i ? NULL : v;
			if (!e)
				break;
			if (fed_is_public(json_string_value(e)))
				return true;
		}
	}
	return false;
}

int fed_read_activity(const char *body, size_t n, json_t **act, struct fed_head *h, const char **why)
{
	memset(h, 0, sizeof *h);
	*act = NULL;
	if (n > FED_READ_BODY_MAX) {
		*why = "the activity is larger than 1 MB";
		return ERR_TOOBIG;
	}
	json_error_t e;
	json_t *o = json_loadb(body, n, JSON_REJECT_DUPLICATES, &e);
	h->type = json_is_object(o) ? fed_read_str(o, "type") : NULL;
	h->id = json_is_object(o) ? fed_read_str(o, "id") : NULL;
	h->actor = json_is_object(o) ? fed_read_ref(o, "actor") : NULL;
	if (!h->type || !h->id || !h->actor) {
		json_decref(o);
		memset(h, 0, sizeof *h);
		*why = "an activity needs an id, a type and an actor";
		return ERR_INVAL;
	}
	/* And so many objects, addressees or tags in one activity. */
	if (too_many(o, 0)) {
		json_decref(o);
		memset(h, 0, sizeof *h);
		*why = "the activity holds more than 500 objects, addressees or tags in one list";
		return ERR_TOOBIG;
	}
	h->object = fed_read_ref(o, "object");
	json_t *obj = json_object_get(o, "object");
	h->object_type = json_is_object(obj) ? fed_read_str(obj, "type") : NULL;
	h->is_public = fed_read_public(o) || (json_is_object(obj) && fed_read_public(obj));
	*act = o;
	return 0;
}
