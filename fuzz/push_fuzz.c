/* libFuzzer target: what a Web Push subscription says (core/push_crypto.c).
 * The first byte picks the part: the endpoint check, the key decoders and
 * the point check, or encryption for a key and auth secret taken from the
 * input (both encodings).  Whatever the input, nothing crashes, a key that
 * is accepted is a point on the curve, and the output fits its bound. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/push.h"
#include "core/push_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		if (sodium_init() < 0)
			abort();
		ready = 1;
	}
	if (size < 1 || size > 8192)
		return 0;
	char *s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	uint8_t key[65], auth[16];
	switch (data[0] % 3) {
	case 0:
		if (push_endpoint_valid(s) && strlen(s) > CORE_PUSH_ENDPOINT_MAX)
			abort();
		break;
	case 1:
		if (push_unb64(s, key, 65))
			(void)push_point_valid(key);
		(void)push_unb64(s, auth, 16);
		break;
	default:
		if (size >= 1 + 65 + 16 + 1) {
			memcpy(key, data + 1, 65);
			memcpy(auth, data + 66, 16);
			size_t n = size - 82;
			static uint8_t out[CORE_PUSH_PLAIN_MAX + 256];
			uint8_t salt[16], pub[65];
			for (int standard = 0; standard < 2; standard++) {
				size_t outlen = sizeof out;
				int rc = push_encrypt(standard, key, auth, NULL, NULL, data + 82, n, out, &outlen, salt, pub);
				if (!rc && (!push_point_valid(key) || outlen > n + 86 + 17))
					abort();
			}
		}
	}
	free(s);
	return 0;
}
