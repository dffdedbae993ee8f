/* libFuzzer target: post text handling — #tags, @mentions, the HTML renderer and
 * the search-word stemmer — on any text that passes the post validation. */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4 * CORE_POST_MAX_CHARS)
		return 0;
	struct arena a;
	arena_init(&a);
	char *s = arena_strndup(&a, (const char *)data, size);
	if (strlen(s) != size || text_check(s, size, CORE_POST_MAX_CHARS)) {
		arena_release(&a);
		return 0;
	}
	const char *v[CORE_MAX_TAGS];
	text_tags(&a, s, v, CORE_MAX_TAGS);
	text_mentions(&a, s, v, CORE_MAX_MENTIONS);
	char *html = core_render_text(NULL, &a, s);
	/* The renderer never lets a raw '<' from the input through: every tag in
	 * the output is one it made itself. */
	for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<'))
		if (strncmp(p, "<p>", 3) && strncmp(p, "</p>", 4) && strncmp(p, "<br>", 4) && strncmp(p, "<a ", 3) &&
		    strncmp(p, "</a>", 4))
			__builtin_trap();
	if (!utf8_valid(html, strlen(html)))
		__builtin_trap();
	core_search_words(&a, s);
	arena_release(&a);
	return 0;
}
