/*
 * "Controleer de leesbaarheid" on the compose forms (issue 20, docs/
 * measure.md): the form comes back with the text, the level, the score in
 * plain words and hints.  A normal form submit; advice only: posting is
 * never blocked by it.  The measuring is core_plain_check's.
 */
#include <string.h>

#include "core/plain.h"
#include "web/web_int.h"

static const char *level_words(struct http_req *r, int level)
{
	if (level == 1)
		return _r(r, "Goed te lezen voor de meeste mensen.");
	if (level == 2)
		return _r(r, "Voor veel mensen moeilijk. Maak de tekst eenvoudiger als het kan.");
	return _r(r, "Moeilijk. Veel mensen begrijpen deze tekst niet.");
}

static const char *band_words(struct http_req *r, int band)
{
	static const char *const words[] = {N_("heel makkelijk"), N_("makkelijk"), N_("een beetje moeilijk"),
	                                    N_("moeilijk"), N_("heel moeilijk")};
	return _r(r, words[band >= 0 && band <= 4 ? band : 4]);
}

void plain_model(struct http_req *r, struct tval *c)
{
	const char *text = http_form(r, "text");
	struct plain_check pc;
	if (!text || core_plain_check(r->a, text, &pc) != 0)
		return;
	struct tval *o = tv_obj(r->a);
	tv_set_str(r->a, o, "level", pc.level_name);
	tv_set_bool(r->a, o, "is_b1", pc.level == 1);
	tv_set_str(r->a, o, "level_words", level_words(r, pc.level));
	tv_set_strf(r->a, o, "score_words", "%s %s (%d %s 100).", _r(r, "Leesgemak:"), band_words(r, pc.band),
	            pc.score, _r(r, "van de"));
	struct tval *hints = tv_list(r->a);
	for (size_t i = 0; i < pc.nhints; i++) {
		const struct plain_hint *h = &pc.hints[i];
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "text", h->text);
		if (h->kind == PLAIN_LONG_SENTENCE) {
			tv_set_bool(r->a, x, "long", true);
			tv_set_strf(r->a, x, "what", "%s %d %s", _r(r, "zin van"), h->words, _r(r, "woorden"));
		} else if (h->kind == PLAIN_JARGON) {
			tv_set_bool(r->a, x, "jargon", true);
			tv_set_str(r->a, x, "alt", h->alt);
		} else {
			tv_set_bool(r->a, x, "hard", true);
		}
		tv_push(hints, x);
	}
	tv_set(o, "hints", hints);
	tv_set_bool(r->a, o, "has_hints", pc.nhints > 0);
	tv_set(c, "plain", o);
	/* The poll typed so far comes back too (the compose form's fields). */
	bool any = false;
	for (int i = 1; i <= 4; i++) {
		const char *v = http_form(r, arena_printf(r->a, "poll%d", i));
		tv_set_str(r->a, c, arena_printf(r->a, "poll%d", i), v ? v : "");
		any |= v && *v;
	}
	tv_set_bool(r->a, c, "poll_open", any);
}

int plain_check_page(struct http_req *r, const struct post_input *in)
{
	struct draft *d = arena_alloc(r->a, sizeof *d);
	memset(d, 0, sizeof *d);
	d->plain = true;
	d->media_ids = in->media_ids;
	d->nmedia = in->nmedia;
	d->status = 200;
	return compose_again(r, d, ERR_INVAL);
}
