#ifndef SCAN_SCAN_MODEL_H
#define SCAN_SCAN_MODEL_H

/*
 * The learned part of the privacy guard: an averaged perceptron that tags
 * tokens as (part of) a person's name, from hashed features of the token and
 * its neighbours (spelling, capitals, suffixes, list membership, words
 * around it).  Trained at build time by tools/scan_train.c on the labelled
 * development set; the weights are embedded as build/scan_model.txt and
 * loaded by scan_init.  The rules stay for everything with a pattern or a
 * checksum; the tagger only adds names the rules did not find and demotes
 * weak rule names it is sure are not names.  See docs/privacy-guard.md.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCAN_MODEL_BITS 18
#define SCAN_MODEL_SIZE (1u << SCAN_MODEL_BITS)
#define SCAN_FEAT_MAX   48          /* features per token */

struct scan_tokfeat {
	size_t s, e;                    /* byte span of the token */
	uint32_t f[SCAN_FEAT_MAX];      /* feature indexes, < SCAN_MODEL_SIZE */
	size_t nf;
};

/* Tokens of text with their features (for the trainer); *out is malloc'ed. */
int scan_model_features(const char *text, size_t len, struct scan_tokfeat **out, size_t *n);
/* Use these weights (SCAN_MODEL_SIZE of them, scaled by 1000) and threshold
 * from now on; NULL turns the tagger off.  Not thread-safe: for the trainer. */
void scan_model_use(const int32_t *w, int32_t threshold);

/*
 * The second model: health about a person.  An averaged perceptron that
 * scores each word of a sentence that speaks of someone (a name, room,
 * title, family word, possessive or pronoun in it or in the sentence before)
 * as "part of a health finding", from the word, its endings (-pril, -olol,
 * -azepam, -statine), the numbers and units around it (mg, 2dd1, "sat 88"),
 * list flags, its neighbours and the person context.  Same file, same
 * trainer; see docs/privacy-guard.md.
 */
/* Candidate words of text with their health features (the health model is
 * not applied while collecting); *out is malloc'ed.  rule[k] (malloc'ed)
 * tells whether the rules already made word k health. */
int scan_health_features(const char *text, size_t len, struct scan_tokfeat **out, bool **rule, size_t *n);
/* Use these health weights from now on (NULL turns the model off): a word
 * scoring above threshold is health; a rule health finding whose words all
 * score below low becomes a hint. */
void scan_health_model_use(const int32_t *w, int32_t threshold, int32_t low);

#endif
