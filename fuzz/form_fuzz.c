/* libFuzzer target: the urlencoded form parser (every POST body goes through it). */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/text.h"
#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > HTTP_MAX_BODY)
		return 0;
	struct arena a;
	arena_init(&a);
	struct http_field f[HTTP_MAX_FIELDS];
	int n = 0;
	int rc = http_parse_urlencoded(&a, (const char *)data, size, f, HTTP_MAX_FIELDS, &n);
	/* What the parser hands out is always valid, bounded UTF-8. */
	for (int i = 0; !rc && i < n; i++) {
		if (!utf8_valid(f[i].value, f[i].len) || strlen(f[i].value) != f[i].len || f[i].len > HTTP_MAX_FIELD)
			__builtin_trap();
	}
	arena_release(&a);
	return 0;
}
