/* libFuzzer target: the RSS/Atom reader (src/scan/feed.c) on any bytes, as a
 * feed server could send them.  Every string it returns is valid UTF-8 within
 * its limit, and a link is http(s) or empty. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/text.h"
#include "scan/feed.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n > max || !utf8_valid(s, n))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a);
	struct feed f;
	const char *why;
	if (feed_parse(&a, (const char *)data, size, &f, &why) == 0) {
		if (f.nitems > FEED_MAX_ITEMS)
			abort();
		for (size_t i = 0; i < f.nitems; i++) {
			const struct feed_item *it = &f.items[i];
			check(it->title, FEED_MAX_TITLE);
			check(it->text, FEED_MAX_TEXT);
			check(it->link, FEED_MAX_URL);
			if (*it->link && strncasecmp(it->link, "http", 4))
				abort();
			if (!*it->guid)
				abort();
		}
	}
	/* The HTML-to-text part alone, on the raw bytes (valid UTF-8 in, valid
	 * UTF-8 out: its callers give it libxml2's or jansson's strings). */
	char *t = feed_html_text(&a, (const char *)data, size, 1000);
	if (strlen(t) > 1000 || (utf8_valid((const char *)data, size) && !utf8_valid(t, strlen(t))))
		abort();
	arena_release(&a);
	return 0;
}
