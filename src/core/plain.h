#ifndef CORE_PLAIN_H
#define CORE_PLAIN_H

#include "base/arena.h"
#include "base/err.h"
#include "store/types.h"

/*
 * Plain language while composing (issue 20, docs/measure.md): the level
 * (B1/B2/C1), the Flesch-Douma score in a band and hints per sentence and
 * word, for the compose form's "Controleer de leesbaarheid".  Advice only:
 * nothing here is ever a reason to refuse a post.
 */
enum { PLAIN_QUOTE_MAX = 60 }; /* bytes of a long sentence quoted in its hint */

/* Measure text (UTF-8, at most CORE_POST_MAX_CHARS is sensible); everything
 * in *out lives in a. */
int core_plain_check(struct arena *a, const char *text, struct plain_check *out) WARN_UNUSED;

#endif
