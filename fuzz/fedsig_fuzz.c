/* libFuzzer target: the Signature header of a request to an inbox
 * (core/fed_sig.c), draft-cavage and RFC 9421 (Signature-Input, newline,
 * Signature), and the Date and Digest headers beside it.  Whatever
 * the input, nothing crashes, and what is accepted stays inside the limits
 * the parser promises. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "base/arena.h"
#include "core/fed_sig.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *one(void *ctx, const char *name)
{
	return ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		if (sodium_init() < 0)
			abort();
		ready = 1;
	}
	if (size > FED_SIG_HEADER_MAX + 16)
		return 0;
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	struct arena a;
	arena_init(&a);
	struct fed_sig sig;
	if (!fed_sig_parse(&a, s, &sig)) {
		if (!sig.key_id || strlen(sig.key_id) > FED_SIG_KEYID_MAX || sig.nnames < 1 ||
		    sig.nnames > FED_SIG_NAMES_MAX || sig.siglen > FED_SIG_BYTES_MAX)
			abort();
		struct fed_sig_req r = {"POST", "/inbox", one, s};
		const char *str;
		if (!fed_sig_string(&a, &sig, &r, &str) && !str)
			abort();
	}
	/* RFC 9421: Signature-Input, a newline, Signature. */
	char *nl = strchr(s, '\n');
	if (nl) {
		*nl = '\0';
		struct fed_sig9421 n;
		if (!fed_sig9421_parse(&a, s, nl + 1, &n)) {
			if (!n.key_id || n.ncomps < 1 || n.ncomps > FED_SIG_NAMES_MAX || n.siglen > FED_SIG_BYTES_MAX ||
			    !n.params)
				abort();
			struct fed_sig_req r = {"POST", "/inbox?x=1", one, nl + 1};
			const char *base;
			if (!fed_sig9421_base(&a, &n, &r, "https://h/inbox?x=1", &base) && !base)
				abort();
		}
		(void)fed_content_digest_ok(nl + 1, s, strlen(s));
		*nl = '\n';
	}
	(void)fed_http_date_parse(s);
	(void)fed_digest_ok(s, s, size);
	arena_release(&a);
	free(s);
	return 0;
}
