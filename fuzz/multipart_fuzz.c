/* libFuzzer target: the multipart/form-data parser (every upload goes through it).
 * The first line of the input is the Content-Type value, the rest the body. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/text.h"
#include "http/http.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1024 * 1024)
		return 0;
	const uint8_t *nl = memchr(data, '\n', size < 200 ? size : 200);
	char ct[256] = "multipart/form-data; boundary=XyZ";
	const uint8_t *body = data;
	if (nl) {
		size_t n = (size_t)(nl - data);
		memcpy(ct, data, n);
		ct[n] = '\0';
		body = nl + 1;
	}
	/* The body as its own heap block, so ASan sees every overread. */
	size_t len = size - (size_t)(body - data);
	uint8_t *copy = malloc(len ? len : 1);
	memcpy(copy, body, len);
	struct arena a;
	arena_init(&a);
	struct http_field f[HTTP_MAX_FIELDS];
	struct http_file files[HTTP_MAX_FILES];
	int n = 0, nf = 0;
	int rc = http_parse_multipart(&a, ct, (const char *)copy, len, f, HTTP_MAX_FIELDS, &n, files, HTTP_MAX_FILES,
	                              &nf);
	for (int i = 0; !rc && i < n; i++)
		if (!utf8_valid(f[i].value, f[i].len) || strlen(f[i].value) != f[i].len || f[i].len > HTTP_MAX_FIELD ||
		    !*f[i].name)
			__builtin_trap();
	for (int i = 0; !rc && i < nf; i++)
		if ((const uint8_t *)files[i].data < copy || (const uint8_t *)files[i].data + files[i].len > copy + len ||
		    strchr(files[i].filename, '/') || strchr(files[i].filename, '\\'))
			__builtin_trap();
	arena_release(&a);
	free(copy);
	return 0;
}
