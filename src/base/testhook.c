/* Test-build stopping points (see testhook.h). */
#include "base/testhook.h"

#ifdef KRING_TEST_BUILD
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void testhook_pause(const char *name)
{
	const char *e = getenv("KRING_TEST_PAUSE");
	size_t n = strlen(name);
	if (!e || strncmp(e, name, n) || e[n] != ':')
		return;
	long ms = strtol(e + n + 1, NULL, 10);
	if (ms <= 0 || ms > 60000)
		return;
	/* Unbuffered, so the test sees the line before the sleep starts. */
	fprintf(stderr, "testhook: paused at %s\n", name);
	fflush(stderr);
	struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) != 0) {
	}
}
#else
/* ISO C wants a translation unit to declare something. */
extern int testhook_unused;
#endif
