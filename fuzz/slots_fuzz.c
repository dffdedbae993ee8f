/* libFuzzer target: the availability spec (core/slots.c), which comes from
 * providers through pages, the API and the command line.  Whatever the
 * input: nothing crashes, an accepted spec formats to a text that parses
 * again to the same hours, and its free slots over two weeks ascend. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/slots.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > AVAIL_SPEC_MAX + 64)
		return 0;
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	static struct availability a, b;
	char why[200];
	if (avail_parse(s, &a, why, sizeof why) == 0) {
		static char text[AVAIL_SPEC_MAX * 4];
		avail_format(&a, text, sizeof text);
		if (avail_parse(text, &b, why, sizeof why) != 0 || memcmp(a.week, b.week, sizeof a.week) ||
		    a.nex != b.nex || a.nkinds != b.nkinds || a.slot_min != b.slot_min)
			abort();
		static int64_t out[4096];
		int64_t now = 1790000000; /* 2026-09-21, with the October change ahead */
		int len = avail_kind_minutes(&a, NULL);
		size_t n = slots_free(&a, len, now, now, now + 14 * 86400, NULL, 0, out, 4096);
		for (size_t i = 1; i < n && i < 4096; i++)
			if (out[i - 1] >= out[i])
				abort();
	}
	free(s);
	return 0;
}
