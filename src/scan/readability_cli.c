/*
 * `kring readability [--json] [FILE...]`: the plain-language check (issue 20,
 * docs/measure.md) on files, or standard input when none.  Each file is one
 * text.  --json writes one JSON object per file, one per line; tests/eval/
 * readability_eval.py depends on its keys.  --bench N measures the first
 * text N times and prints the mean time per text on standard error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/text.h"
#include "scan/readability.h"

static const char *plain_level(int level)
{
	return level == RD_B1 ? "easy to read (B1)" : level == RD_B2 ? "fairly hard (B2)" : "hard (C1)";
}

static int read_file(FILE *f, const char *name, struct buf *b)
{
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if (b->len < RD_MAX_INPUT && buf_add(b, chunk, n) != 0)
			return ERR_NOMEM;
	if (ferror(f)) {
		fprintf(stderr, "readability: cannot read %s: %s\n", name, strerror(errno));
		return ERR_IO;
	}
	return 0;
}

static void hint_label(const struct rd_hint *h)
{
	if (h->kind == RD_LONG_SENTENCE)
		printf("  long sentence (zin van %d woorden): ", h->words);
	else if (h->kind == RD_JARGON)
		printf("  hard word: ");
	else
		printf("  long word: ");
}

static int print_text(const char *name, const char *s, size_t n, const struct rd_result *r)
{
	printf("%s\n  level %s, Flesch-Douma %.0f: %s\n", name, readability_level_name(r->level), r->flesch_douma,
	       plain_level(r->level));
	printf("  %d words, %d sentences, %.1f words per sentence, %.1f per clause, %.0f %% long words, "
	       "%d abstract nouns, %d jargon\n",
	       r->words, r->sentences, r->words_per_sentence, r->words_per_clause, 100 * r->hard_share,
	       r->abstract_nouns, r->jargon);
	for (size_t i = 0; i < r->nhints; i++) {
		const struct rd_hint *h = &r->hints[i];
		size_t len = h->end - h->start;
		hint_label(h);
		if (h->kind == RD_LONG_SENTENCE && len > 60)
			printf("\"%.*s...\"\n", 60, s + h->start);
		else
			printf("\"%.*s\"", (int)len, s + h->start);
		if (h->kind == RD_JARGON)
			printf(" -> \"%s\"", h->alt);
		if (!(h->kind == RD_LONG_SENTENCE && len > 60))
			printf("\n");
	}
	return 0;
}

static int json_text(struct buf *b, const char *name, const char *s, const struct rd_result *r)
{
	int rc = buf_adds(b, "{\"file\": \"");
	rc = rc ? rc : json_escape(b, name, strlen(name));
	rc = rc ? rc
		: buf_addf(b,
			   "\", \"level\": \"%s\", \"flesch_douma\": %.1f, \"words\": %d, \"sentences\": %d, "
			   "\"words_per_sentence\": %.2f, \"words_per_clause\": %.2f, \"hard_share\": %.3f, \"rare_share\": %.3f, "
			   "\"abstract_nouns\": %d, \"jargon\": %d, \"hints\": [",
			   readability_level_name(r->level), r->flesch_douma, r->words, r->sentences,
			   r->words_per_sentence, r->words_per_clause, r->hard_share, r->rare_share, r->abstract_nouns, r->jargon);
	for (size_t i = 0; i < r->nhints && !rc; i++) {
		const struct rd_hint *h = &r->hints[i];
		const char *kind = h->kind == RD_LONG_SENTENCE ? "long_sentence" : h->kind == RD_JARGON ? "jargon" : "hard_word";
		rc = buf_addf(b, "%s{\"kind\": \"%s\", \"start\": %zu, \"end\": %zu, \"text\": \"", i ? ", " : "", kind,
			      h->start, h->end);
		rc = rc ? rc : json_escape(b, s + h->start, h->end - h->start);
		rc = rc ? rc : buf_adds(b, "\"");
		if (!rc && h->kind == RD_LONG_SENTENCE)
			rc = buf_addf(b, ", \"words\": %d", h->words);
		if (!rc && h->kind == RD_JARGON) {
			rc = buf_adds(b, ", \"alt\": \"");
			rc = rc ? rc : json_escape(b, h->alt, strlen(h->alt));
			rc = rc ? rc : buf_adds(b, "\"");
		}
		rc = rc ? rc : buf_adds(b, "}");
	}
	return rc ? rc : buf_adds(b, "]}\n");
}

static int one(const char *name, FILE *f, bool json, long bench)
{
	struct buf text = BUF_INIT(2 * RD_MAX_INPUT);
	struct arena a;
	arena_init(&a);
	int rc = read_file(f, name, &text);
	struct rd_result r;
	if (!rc && bench > 0) {
		/* Wall time and the process's CPU time: on a shared, busy machine
		 * the wall time counts other programs' turns too. */
		struct timespec t0, t1, c0, c1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
		for (long k = 0; k < bench && !rc; k++) {
			rc = readability_text(&a, text.ptr, text.len, &r);
			arena_clear(&a);
		}
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		double us = ((double)(t1.tv_sec - t0.tv_sec) * 1e6 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e3) / (double)bench;
		double cpu = ((double)(c1.tv_sec - c0.tv_sec) * 1e6 + (double)(c1.tv_nsec - c0.tv_nsec) / 1e3) / (double)bench;
		fprintf(stderr, "readability: %ld runs, %.1f us per text (wall), %.1f us CPU\n", bench, us, cpu);
	}
	if (!rc)
		rc = readability_text(&a, text.ptr, text.len, &r);
	if (!rc && json) {
		struct buf out = BUF_INIT(BUF_NOLIMIT);
		rc = json_text(&out, name, text.ptr, &r);
		if (!rc)
			fwrite(out.ptr, 1, out.len, stdout);
		buf_release(&out);
	} else if (!rc) {
		rc = print_text(name, text.ptr, text.len, &r);
	}
	arena_release(&a);
	buf_release(&text);
	return rc;
}

static void usage(void)
{
	fprintf(stderr, "usage: kring readability [--json] [--bench N] [FILE...]\n"
	                "  Plain Dutch (taalniveau B1): the level, the Flesch-Douma score and hints\n"
	                "  (long sentences, hard words with a plain alternative) of each file;\n"
	                "  without FILE reads standard input as one text.\n"
	                "  --json     one JSON object per file, one per line\n"
	                "  --bench N  measure each text N times; the mean time goes to standard error\n");
}

int readability_cli_main(int argc, char **argv)
{
	bool json = false;
	long bench = 0;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			json = true;
		} else if (strcmp(argv[i], "--bench") == 0 && i + 1 < argc) {
			char *end;
			bench = strtol(argv[++i], &end, 10);
			if (*end || bench < 1 || bench > 10000000) {
				usage();
				return 2;
			}
		} else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else {
			usage();
			return strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0 ? 0 : 2;
		}
	}
	int rc = 0;
	if (i == argc)
		rc = one("-", stdin, json, bench);
	for (; i < argc && !rc; i++) {
		FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "rb");
		if (!f) {
			fprintf(stderr, "readability: cannot open %s: %s\n", argv[i], strerror(errno));
			rc = ERR_IO;
			break;
		}
		rc = one(argv[i], f, json, bench);
		if (f != stdin)
			fclose(f);
	}
	fflush(stdout);
	return rc ? 1 : 0;
}
