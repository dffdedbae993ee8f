#ifndef SCAN_SENTIMENT_H
#define SCAN_SENTIMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

/*
 * Dutch sentiment and urgency of one message (webcare, docs/webcare.md).
 *
 * A lexicon scorer, offline and deterministic: pattern's Dutch lexicon
 * (packaged in npm's @nlpjs/lang-nl, MIT; turned into build/sentiment_lexicon.txt
 * at build time and compiled in) looked up by Snowball-Dutch stem, overridden
 * and extended by kring's own care/webcare words (src/scan/lists/sentiment_care.txt:
 * words, phrases, negators, intensifiers, diminishers, urgency words).  Rules:
 * negation scope (niet, geen, nooit, niemand, niets, ...: the next three words
 * in the clause, else the word just before), intensifiers and diminishers,
 * "maar" weighs what follows more, emoji and emoticons, elongation
 * ("superrr"), sarcasm markers (an eye-roll emoji turns praise around).
 *
 * The label is SENT_UNSURE when the evidence is weak or mixed: sentiment sorts
 * and filters, it never routes on its own.  Urgency is separate from the label:
 * danger, death, missing person, fire, data leak, suicide (113), abuse,
 * "niemand komt" mark an item for the within-the-hour queue.
 */

#define SENT_MAX_TEXT (64 * 1024)   /* longer texts: ERR_TOOBIG */

enum sent_label { SENT_NEG, SENT_NEU, SENT_POS, SENT_UNSURE };

struct sent_result {
	enum sent_label label;
	double score;    /* -1 (negative) .. +1 (positive), 0 = nothing found */
	bool urgent;
	double pos, neg; /* evidence mass behind the score (both >= 0) */
	bool urgent_rule; /* the rules (words, pairs, near rules) said urgent */
	double urgent_p;  /* the learned model's probability of urgent (0 without a model) */
};

/* The learned urgency model: a logistic regression over hashed features. */
#define SENT_MODEL_BITS 18

/* Once at start (idempotent, thread-safe); sentiment_text calls it too.  0 or ERR_*. */
int sentiment_init(void) WARN_UNUSED;
/*
 * Score `len` bytes of `text` (need not be NUL-terminated or valid UTF-8).
 * Thread-safe, no allocation for texts up to 2 KiB.  0, ERR_TOOBIG, or the
 * error of sentiment_init.
 */
int sentiment_text(const char *text, size_t len, struct sent_result *out) WARN_UNUSED;
/* The same, and (trace != NULL) what each word added, for `kring sentiment --explain`. */
struct buf;
int sentiment_explain(const char *text, size_t len, struct sent_result *out, struct buf *trace) WARN_UNUSED;
/*
 * For the trainer (tools/sentiment_train.c): the same judgement, and the
 * model's feature indices (< 1 << SENT_MODEL_BITS, at most max) in feats.
 */
int sentiment_features(const char *text, size_t len, struct sent_result *out, uint32_t *feats, size_t max,
                       size_t *n) WARN_UNUSED;
const char *sentiment_label_name(enum sent_label l);   /* "neg" "neu" "pos" "unsure" */
int sentiment_cli_main(int argc, char **argv);         /* `kring sentiment ...`: argv[0] is "sentiment" */

#endif
