/* core/text.c's core_render_post_text (not fuzzed) calls core_dm_body, which
 * lives in core/post.c with the store around it.  The targets that link
 * text.c alone (text_fuzz, rule_fuzz) get the plain body from here. */
#include "core/core.h"

const char *core_dm_body(const struct post *p)
{
	return p->text ? p->text : "";
}
