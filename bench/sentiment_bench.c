/*
 * Webcare sentiment throughput: scores the texts of the labelled set
 * (tests/data/sentiment_dev.jsonl, or FILE), each cut or repeated to 280
 * bytes, and reports microseconds per message in thread CPU time (one core).
 * Prints numbers, not labels.   usage: sentiment_bench [seconds] [FILE]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "scan/sentiment.h"

enum { MSGLEN = 280, MAXMSG = 4096 };

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The value of "text" in a JSONL line, unescaped enough for timing (\" and \\ only). */
static size_t text_of(const char *line, char *out, size_t cap)
{
	const char *p = strstr(line, "\"text\": \"");
	if (!p)
		return 0;
	p += 9;
	size_t n = 0;
	while (*p && *p != '"' && n + 1 < cap) {
		if (*p == '\\' && p[1])
			p++;
		out[n++] = *p++;
	}
	out[n] = '\0';
	return n;
}

int main(int argc, char **argv)
{
	double secs = argc > 1 ? atof(argv[1]) : 2.0;
	const char *file = argc > 2 ? argv[2] : "tests/data/sentiment_dev.jsonl";
	if (sentiment_init() != 0) {
		fprintf(stderr, "sentiment_bench: sentiment_init failed\n");
		return 1;
	}
	FILE *f = fopen(file, "r");
	if (!f) {
		perror(file);
		return 1;
	}
	static char msg[MAXMSG][MSGLEN + 1];
	size_t nmsg = 0;
	char line[8192], t[4096];
	while (nmsg < MAXMSG && fgets(line, sizeof line, f)) {
		size_t n = text_of(line, t, sizeof t);
		if (!n)
			continue;
		/* repeat short messages up to 280 bytes, as a full post would be */
		for (size_t k = 0; k < MSGLEN; k++)
			msg[nmsg][k] = k % (n + 1) == n ? ' ' : t[k % (n + 1)];
		msg[nmsg][MSGLEN] = '\0';
		nmsg++;
	}
	fclose(f);
	if (!nmsg) {
		fprintf(stderr, "sentiment_bench: no texts in %s\n", file);
		return 1;
	}
	struct sent_result r;
	size_t n = 0, neg = 0;
	double t0 = now(), el;
	do {
		for (size_t i = 0; i < nmsg; i++) {
			if (sentiment_text(msg[i], MSGLEN, &r) != 0)
				return 1;
			neg += r.label == SENT_NEG;
		}
		n += nmsg;
		el = now() - t0;
	} while (el < secs);
	printf("sentiment: %zu messages of %d bytes in %.2f s: %.2f us per message (%.0f messages/s on one core)\n",
	       n, MSGLEN, el, el / (double)n * 1e6, (double)n / el);
	return neg == (size_t)-1;
}
