/* libFuzzer target: scan_text must accept any bytes without crashing, leaking or hanging. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "scan/scan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const ignore[] = {"030-1234567", "Zorgweg 12", NULL};
	struct scan_policy pol = {.ignore = ignore};
	struct scan_result r = {0};
	if (scan_text((const char *)data, size, (size & 1) ? &pol : NULL, &r) == 0) {
		for (size_t i = 0; i < r.n; i++)
			if (r.v[i].start >= r.v[i].end || r.v[i].end > size ||
			    (i && r.v[i - 1].start > r.v[i].start))
				abort();
	}
	scan_result_release(&r);
	return 0;
}
