/*
 * `kring scan [--json|--jsonl] [FILE...]`: the privacy guard on the command
 * line.  The JSONL form is an interface that external evaluations depend on;
 * keep its keys and their order.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "scan/scan.h"

/* Length of the valid UTF-8 sequence at s, or 0 if the byte there starts none. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	size_t need;
	unsigned char lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		need = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if (n < need || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < need; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return need;
}

/* A JSON string of s: escapes quotes, backslashes and controls, and writes U+FFFD for bad bytes. */
static int json_str(struct buf *b, const char *s, size_t n)
{
	int rc = buf_addc(b, '"');
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n && !rc;) {
		unsigned char c = u[i];
		if (c == '"' || c == '\\') {
			rc = buf_addc(b, '\\') || buf_addc(b, (char)c);
			i++;
		} else if (c < 0x20 || c == 0x7F) {
			static const char esc[] = "btn\0fr";
			if (c >= 8 && c <= 13 && esc[c - 8])
				rc = buf_addc(b, '\\') || buf_addc(b, esc[c - 8]);
			else
				rc = buf_addf(b, "\\u%04x", c);
			i++;
		} else {
			size_t k = utf8_len(u + i, n - i);
			if (k == 0) {
				rc = buf_add(b, "\xEF\xBF\xBD", 3);
				i++;
			} else {
				rc = buf_add(b, u + i, k);
				i += k;
			}
		}
	}
	return rc ? rc : buf_addc(b, '"');
}

static int format_findings(struct buf *b, const char *text, const struct scan_result *r)
{
	int rc = buf_adds(b, "\"findings\": [");
	for (size_t i = 0; i < r->n && !rc; i++) {
		const struct scan_finding *f = &r->v[i];
		rc = buf_addf(b, "%s{\"type\": \"%s\", \"start\": %zu, \"end\": %zu, \"text\": ",
		              i ? ", " : "", scan_type_name(f->type), f->start, f->end);
		if (!rc)
			rc = json_str(b, text + f->start, f->end - f->start);
		if (!rc)
			rc = buf_addf(b, ", \"confidence\": %.2f}", f->confidence);
	}
	return rc ? rc : buf_addc(b, ']');
}

/*
 * One output line of --jsonl (without the newline).  r == NULL writes the
 * error form for a line that could not be scanned.
 */
static int scan_format_jsonl(struct buf *b, unsigned long line, const char *text,
                             const struct scan_result *r)
{
	int rc = buf_addf(b, "{\"line\": %lu, \"verdict\": \"%s\", ", line,
	                  r ? scan_verdict_name(r->verdict) : "error");
	if (rc)
		return rc;
	if (!r)
		return buf_adds(b, "\"findings\": []}");
	rc = format_findings(b, text, r);
	return rc ? rc : buf_addc(b, '}');
}

static int scan_format_json(struct buf *b, const char *text, const struct scan_result *r)
{
	int rc = buf_addf(b, "{\"verdict\": \"%s\", ", scan_verdict_name(r->verdict));
	if (!rc)
		rc = format_findings(b, text, r);
	return rc ? rc : buf_addc(b, '}');
}

static void print_plain(const char *text, const struct scan_result *r)
{
	printf("verdict: %s\n", scan_verdict_name(r->verdict));
	for (size_t i = 0; i < r->n; i++) {
		const struct scan_finding *f = &r->v[i];
		struct buf b = BUF_INIT(BUF_NOLIMIT);
		json_str(&b, text + f->start, f->end - f->start);
		printf("  %-15s %6zu-%-6zu %s  (%.2f%s)\n    %s\n", scan_type_name(f->type), f->start,
		       f->end, b.ptr, f->confidence, f->confidence < 0.5 ? ", hint" : "",
		       scan_type_explain_en(f->type));
		buf_release(&b);
	}
}

struct lines {
	struct buf line;
	bool over;          /* current line passed SCAN_MAX_TEXT */
	unsigned long n;
	int rc;
};

static void emit_line(struct lines *L)
{
	struct buf out = BUF_INIT(BUF_NOLIMIT);
	L->n++;
	size_t len = L->line.len;
	if (len && L->line.ptr[len - 1] == '\r')
		len--;
	struct scan_result r = {0};
	if (L->over || scan_text(L->line.ptr, len, NULL, &r) != 0) {
		scan_format_jsonl(&out, L->n, NULL, NULL);
		fprintf(stderr, "scan: line %lu: %s\n", L->n,
		        L->over ? "line too long" : "cannot scan");
	} else {
		scan_format_jsonl(&out, L->n, L->line.ptr, &r);
	}
	fwrite(out.ptr, 1, out.len, stdout);
	putchar('\n');
	scan_result_release(&r);
	buf_release(&out);
	buf_reset(&L->line);
	L->over = false;
}

static void feed_lines(struct lines *L, const char *p, size_t n)
{
	while (n) {
		const char *nl = memchr(p, '\n', n);
		size_t k = nl ? (size_t)(nl - p) : n;
		if (!L->over && buf_add(&L->line, p, k) != 0) {
			L->over = true;
			buf_reset(&L->line);
		}
		if (!nl)
			return;
		emit_line(L);
		p += k + 1;
		n -= k + 1;
	}
}

static int read_all(FILE *f, const char *name, struct buf *whole, struct lines *L)
{
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (L)
			feed_lines(L, chunk, n);
		else if (buf_add(whole, chunk, n) != 0) {
			fprintf(stderr, "scan: %s: input over %d bytes\n", name, SCAN_MAX_TEXT);
			return ERR_TOOBIG;
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "scan: cannot read %s: %s\n", name, strerror(errno));
		return ERR_IO;
	}
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: kring scan [--json | --jsonl] [FILE...]\n"
	                "  looks for client data (BSN, phone, e-mail, IBAN, address, date of birth,\n"
	                "  patient number, name, health, room); without FILE reads standard input.\n"
	                "  --json   one JSON object for the whole input\n"
	                "  --jsonl  each input line is one text; one JSON object per line\n");
}

int scan_cli_main(int argc, char **argv)
{
	bool json = false, jsonl = false;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (strcmp(argv[i], "--jsonl") == 0)
			jsonl = true;
		else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else {
			usage();
			return strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0 ? 0 : 2;
		}
	}
	if (scan_init() != 0) {
		fprintf(stderr, "scan: cannot initialise the privacy guard\n");
		return 1;
	}
	struct buf whole = BUF_INIT(SCAN_MAX_TEXT);
	struct lines L = {.line = BUF_INIT(SCAN_MAX_TEXT)};
	int rc = 0;
	if (i == argc) {
		rc = read_all(stdin, "standard input", &whole, jsonl ? &L : NULL);
	}
	for (; i < argc && !rc; i++) {
		FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "rb");
		if (!f) {
			fprintf(stderr, "scan: cannot open %s: %s\n", argv[i], strerror(errno));
			rc = ERR_IO;
			break;
		}
		rc = read_all(f, argv[i], &whole, jsonl ? &L : NULL);
		if (f != stdin)
			fclose(f);
	}
	if (jsonl) {
		if (!rc && (L.line.len || L.over))
			emit_line(&L);
	} else if (!rc) {
		struct scan_result r = {0};
		rc = scan_text(whole.ptr, whole.len, NULL, &r);
		if (!rc && json) {
			struct buf out = BUF_INIT(BUF_NOLIMIT);
			scan_format_json(&out, whole.ptr, &r);
			fwrite(out.ptr, 1, out.len, stdout);
			putchar('\n');
			buf_release(&out);
		} else if (!rc) {
			print_plain(whole.ptr, &r);
		}
		scan_result_release(&r);
	}
	if (rc == ERR_TOOBIG && json && !jsonl)
		puts("{\"verdict\": \"error\", \"findings\": []}");
	buf_release(&whole);
	buf_release(&L.line);
	fflush(stdout);
	return rc ? 1 : 0;
}
