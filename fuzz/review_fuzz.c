/* libFuzzer target: the pure text parts of reviews (core/review_text.c) —
 * the experience month, the code of conduct, MinHash signatures — on any
 * bytes, as the API hands them over (a NUL ends the text). */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "core/review.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 2 * CORE_REVIEW_MAX_BYTES)
		return 0;
	struct arena a;
	arena_init(&a);
	char *s = arena_strndup(&a, (const char *)data, size);
	int64_t t;
	if (core_review_month(s, 1800000000, &t) && (t > 1800000000 || t < 0))
		__builtin_trap();
	int marks[REVIEW_ASPECTS] = {size % 10 + 1, 5, 5, 5};
	const char *staff[] = {s[0] ? s + 1 : "", "Annemarie Bakker", NULL};
	(void)core_review_conduct(s, marks, staff);
	const char *x = core_review_minhash(&a, s);
	if (strlen(x) != REVIEW_MINHASH * 8 || core_review_similarity(x, x) != 1.0)
		__builtin_trap();
	arena_release(&a);
	return 0;
}
