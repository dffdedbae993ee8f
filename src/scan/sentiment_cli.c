/*
 * `kring sentiment [--jsonl] [FILE...]`: sentiment and urgency per input
 * line.  The JSONL form is an interface evaluations depend on (tests/eval/
 * sentiment_eval.py); keep its keys and their order.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "scan/sentiment.h"

struct lines {
	struct buf line;
	bool over;       /* the current line passed SENT_MAX_TEXT */
	bool jsonl;
	bool explain;
	unsigned long n;
};

static void emit_line(struct lines *L)
{
	L->n++;
	size_t len = L->line.len;
	if (len && L->line.ptr[len - 1] == '\r')
		len--;
	struct sent_result r;
	struct buf tr = BUF_INIT(BUF_NOLIMIT);
	if (L->over || sentiment_explain(len ? L->line.ptr : "", len, &r, L->explain ? &tr : NULL) != 0) {
		fprintf(stderr, "sentiment: line %lu: %s\n", L->n, L->over ? "line too long" : "cannot score");
		if (L->jsonl)
			printf("{\"line\": %lu, \"label\": \"error\", \"score\": 0.00, \"urgent\": false}\n", L->n);
		else
			printf("%lu\terror\n", L->n);
	} else if (L->jsonl) {
		printf("{\"line\": %lu, \"label\": \"%s\", \"score\": %.2f, \"urgent\": %s}\n", L->n,
		       sentiment_label_name(r.label), r.score, r.urgent ? "true" : "false");
	} else {
		printf("%lu\t%-6s\t%+.2f\t%s\n", L->n, sentiment_label_name(r.label), r.score,
		       r.urgent ? "urgent" : "-");
		if (L->explain)
			printf("\t%s(pos %.2f, neg %.2f)\n", tr.ptr, r.pos, r.neg);
	}
	buf_release(&tr);
	buf_reset(&L->line);
	L->over = false;
}

static int read_lines(FILE *f, const char *name, struct lines *L)
{
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		const char *p = chunk;
		while (n) {
			const char *nl = memchr(p, '\n', n);
			size_t k = nl ? (size_t)(nl - p) : n;
			if (!L->over && buf_add(&L->line, p, k) != 0) {
				L->over = true;
				buf_reset(&L->line);
			}
			if (!nl)
				break;
			emit_line(L);
			p += k + 1;
			n -= k + 1;
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "sentiment: cannot read %s: %s\n", name, strerror(errno));
		return ERR_IO;
	}
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: kring sentiment [--jsonl | --explain] [FILE...]\n"
	                "  Dutch sentiment (neg, neu, pos or unsure) and urgency of each input line;\n"
	                "  without FILE reads standard input.\n"
	                "  --jsonl    one JSON object per line: line, label, score, urgent\n"
	                "  --explain  also what each word added\n");
}

int sentiment_cli_main(int argc, char **argv)
{
	struct lines L = {.line = BUF_INIT(SENT_MAX_TEXT)};
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--jsonl") == 0)
			L.jsonl = true;
		else if (strcmp(argv[i], "--explain") == 0)
			L.explain = true;
		else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else {
			usage();
			return strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0 ? 0 : 2;
		}
	}
	if (sentiment_init() != 0) {
		fprintf(stderr, "sentiment: cannot load the lexicon\n");
		return 1;
	}
	int rc = 0;
	if (i == argc)
		rc = read_lines(stdin, "standard input", &L);
	for (; i < argc && !rc; i++) {
		FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "rb");
		if (!f) {
			fprintf(stderr, "sentiment: cannot open %s: %s\n", argv[i], strerror(errno));
			rc = ERR_IO;
			break;
		}
		rc = read_lines(f, argv[i], &L);
		if (f != stdin)
			fclose(f);
	}
	if (!rc && (L.line.len || L.over))
		emit_line(&L);
	buf_release(&L.line);
	fflush(stdout);
	return rc ? 1 : 0;
}
