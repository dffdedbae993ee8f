/* libFuzzer target: readability_text must accept any bytes without crashing,
 * leaking or hanging, and its hints must lie inside the text. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "scan/readability.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a);
	struct rd_result r;
	if (readability_text(&a, (const char *)data, size, &r) == 0) {
		if (r.nhints > RD_MAX_HINTS || r.level < RD_B1 || r.level > RD_C1 || r.words < 0)
			abort();
		for (size_t i = 0; i < r.nhints; i++)
			if (r.hints[i].start > r.hints[i].end || r.hints[i].end > size ||
			    (r.hints[i].kind == RD_JARGON && !r.hints[i].alt))
				abort();
	}
	arena_release(&a);
	return 0;
}
