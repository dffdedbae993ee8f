/* Plain language while composing: scan/readability for the compose form (plain.h). */
#include "core/plain.h"

#include <string.h>

#include "scan/readability.h"

/* Flesch-Douma bands as Douma gave them: 80+ very easy, 65+ easy, 50+
 * fairly hard, 30+ hard, below that very hard. */
static int band_of(double fd)
{
	return fd >= 80 ? 0 : fd >= 65 ? 1 : fd >= 50 ? 2 : fd >= 30 ? 3 : 4;
}

/* s[0..n) cut to at most max bytes on a UTF-8 boundary and a space, with "...". */
static const char *quote(struct arena *a, const char *s, size_t n, size_t max)
{
	if (n <= max)
		return arena_strndup(a, s, n);
	size_t k = max;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	size_t sp = k;
	while (sp > max / 2 && s[sp] != ' ')
		sp--;
	if (s[sp] == ' ')
		k = sp;
	return arena_printf(a, "%.*s...", (int)k, s);
}

int core_plain_check(struct arena *a, const char *text, struct plain_check *out)
{
	memset(out, 0, sizeof *out);
	if (!text)
		return ERR_INVAL;
	struct rd_result r;
	int rc = readability_text(a, text, strlen(text), &r);
	if (rc)
		return rc;
	out->level = r.level;
	out->level_name = readability_level_name(r.level);
	double fd = r.flesch_douma < 0 ? 0 : r.flesch_douma > 100 ? 100 : r.flesch_douma;
	out->score = (int)(fd + 0.5);
	out->band = band_of(r.flesch_douma);
	out->words = r.words;
	out->sentences = r.sentences;
	out->hints = arena_alloc(a, (r.nhints ? r.nhints : 1) * sizeof *out->hints);
	for (size_t i = 0; i < r.nhints; i++) {
		const struct rd_hint *h = &r.hints[i];
		struct plain_hint *p = &out->hints[out->nhints++];
		p->kind = h->kind == RD_LONG_SENTENCE ? PLAIN_LONG_SENTENCE
		          : h->kind == RD_JARGON     ? PLAIN_JARGON
		                                     : PLAIN_HARD_WORD;
		p->text = quote(a, text + h->start, h->end - h->start, PLAIN_QUOTE_MAX);
		p->words = h->words;
		p->alt = h->alt ? arena_strdup(a, h->alt) : NULL;
	}
	return 0;
}
