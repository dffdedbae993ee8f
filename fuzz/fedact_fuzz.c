/* libFuzzer target: an incoming activity's JSON, the pure part of reading
 * it (core/fed_read.c): the parse with its limits (size, duplicate keys,
 * items per list), the fields every activity needs, the object's id and
 * type, whether it is addressed to the public; and an embedded Note's
 * content made plain text as the inbox does (scan/feed.c).  Whatever the
 * input, nothing crashes, and what is accepted keeps the promised limits. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "core/fed_read.h"
#include "scan/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *act;
	struct fed_head h;
	const char *why = NULL;
	int rc = fed_read_activity((const char *)data, size, &act, &h, &why);
	if (rc) {
		if (act || !why || h.type || h.id || h.actor)
			abort();
		return 0;
	}
	if (!act || !h.type || !h.id || !h.actor || strlen(h.type) > FED_READ_URI_MAX ||
	    strlen(h.id) > FED_READ_URI_MAX || strlen(h.actor) > FED_READ_URI_MAX ||
	    (h.object && strlen(h.object) > FED_READ_URI_MAX) || fed_read_too_many(act))
		abort();
	json_t *obj = json_object_get(act, "object");
	if (h.is_public != (fed_read_public(act) || (json_is_object(obj) && fed_read_public(obj))))
		abort();
	const char *content = json_is_object(obj) ? json_string_value(json_object_get(obj, "content")) : NULL;
	if (content && strlen(content) <= 100 * 1024) {
		struct arena a;
		arena_init(&a);
		(void)feed_html_text(&a, content, strlen(content), 900);
		arena_release(&a);
	}
	(void)fed_read_ref(obj, "inReplyTo");
	(void)fed_read_ref(obj, "attributedTo");
	json_decref(act);
	return 0;
}
