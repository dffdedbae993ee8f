#ifndef SCAN_READABILITY_H
#define SCAN_READABILITY_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"

/*
 * Plain language for Dutch (taalniveau B1), issue 20, docs/measure.md.
 * Many clients are elderly, have a disability or read Dutch poorly: an
 * organisation's posts must be easy to read.  This measures a text and
 * gives hints per sentence and per word; it never blocks anything.
 *
 * Measures: Flesch-Douma (206.835 - 0.93 words/sentence - 77 syllables/word),
 * words per sentence and per clause, the share of long words outside the
 * everyday vocabulary (src/scan/lists/common_nl.txt), the share of abstract
 * nouns (-heid, -ing, -atie, -teit, ...), the share of rare words (by a
 * word-frequency list derived at build time from Debian's frogdata,
 * tools/freqlist.py), and care jargon with its plain alternative
 * (src/scan/lists/jargon.txt).  Syllables are vowel groups with
 * Dutch digraphs and trigraphs (aa, ee, ie, oe, eu, ui, ei, ij, ou, au,
 * aai, ooi, oei, eeu, ieu); ë, ï, ö and ü begin a syllable of their own.
 */

enum rd_level { RD_B1 = 1, RD_B2 = 2, RD_C1 = 3 };

enum rd_hint_kind {
	RD_LONG_SENTENCE = 1, /* more than RD_MAX_SENTENCE words */
	RD_JARGON = 2,        /* a word or phrase from the jargon list: alt says what to use */
	RD_HARD_WORD = 3,     /* a long word outside the everyday vocabulary */
};

enum {
	RD_MAX_SENTENCE = 20,
	RD_MAX_HINTS = 40,
	RD_MAX_INPUT = 100000, /* bytes; the rest is not measured */
};

struct rd_hint {
	int kind;              /* enum rd_hint_kind */
	size_t start, end;     /* byte offsets of the sentence or word in the text */
	int words;             /* RD_LONG_SENTENCE: how many words */
	const char *alt;       /* RD_JARGON: the plain alternative */
};

struct rd_result {
	int sentences, words, syllables, clauses;
	int long_words;        /* 3+ syllables, outside the everyday vocabulary */
	int abstract_nouns, jargon;
	int rare_words;        /* 4+ letters, not everyday, not a name, rarer than 1 in a million words of ordinary Dutch */
	double flesch_douma;   /* higher is easier; B1 texts score about 65 and up */
	double words_per_sentence, words_per_clause, syllables_per_word;
	double hard_share;     /* long_words / words */
	double rare_share;     /* rare_words / words */
	int level;             /* enum rd_level: B1 (or easier), B2, C1 (or harder) */
	struct rd_hint *hints;
	size_t nhints;
};

/* Measure s[0..n) (UTF-8).  Hints are in text order, at most RD_MAX_HINTS. */
int readability_text(struct arena *a, const char *s, size_t n, struct rd_result *out) WARN_UNUSED;
/* Syllables of one lowercase word (exposed for tests). */
int readability_syllables(const char *w, size_t n);
/* "B1", "B2", "C1". */
const char *readability_level_name(int level);
/* `kring readability ...`: argv[0] is "readability" (readability_cli.c). */
int readability_cli_main(int argc, char **argv);

#endif
