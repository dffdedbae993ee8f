/* libFuzzer target: sentiment_text must accept any bytes without crashing, leaking or hanging. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "scan/sentiment.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sent_result r;
	if (sentiment_text((const char *)data, size, &r) == 0) {
		if (!(r.score >= -1 && r.score <= 1) || r.pos < 0 || r.neg < 0 || r.label > SENT_UNSURE)
			abort();
	}
	return 0;
}
