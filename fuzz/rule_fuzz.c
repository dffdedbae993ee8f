/* libFuzzer target: webcare's triage-rule language (core/webcare_rule.c).
 * The input's first line is a rule, the rest a message: checking never
 * crashes, and a rule that checks can be matched against any text. */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "core/webcare.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4 * CORE_WC_TEXT_MAX)
		return 0;
	struct arena a;
	arena_init(&a);
	char *s = arena_strndup(&a, (const char *)data, size);
	char *nl = strchr(s, '\n');
	const char *text = "";
	if (nl) {
		*nl = '\0';
		text = nl + 1;
	}
	if (core_wc_rule_check(s) == 0)
		(void)core_wc_rule_match(s, text, "kring mention");
	arena_release(&a);
	return 0;
}
