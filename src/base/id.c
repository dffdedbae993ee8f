#include "base/id.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t last;

int64_t time_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

#ifdef KRING_TEST_BUILD
#include <stdatomic.h>
#include <stdio.h>
/* Test build only: KRING_TEST_CLOCK names a file holding seconds to add to
 * the wall clock (a simulated clock for long outages; read at most once a
 * second). */
static int64_t clock_offset(void)
{
	static _Atomic int64_t off, seen = -1;
	const char *f = getenv("KRING_TEST_CLOCK");
	if (!f)
		return 0;
	int64_t t = (int64_t)time(NULL);
	if (atomic_exchange(&seen, t) != t) {
		FILE *fp = fopen(f, "r");
		long long v = 0;
		if (fp) {
			if (fscanf(fp, "%lld", &v) == 1)
				atomic_store(&off, (int64_t)v);
			fclose(fp);
		}
	}
	return atomic_load(&off);
}
#else
#define clock_offset() 0
#endif

int64_t time_now(void)
{
	return (int64_t)time(NULL) + clock_offset();
}

uint64_t id_from_ms(int64_t ms)
{
	return (uint64_t)ms << 16;
}

int64_t id_ms(uint64_t id)
{
	return (int64_t)(id >> 16);
}

uint64_t id_new(void)
{
	pthread_mutex_lock(&lock);
	uint64_t id = (uint64_t)time_ms() << 16;
	if (last == 0)
		last = id | ((uint64_t)getpid() & 0x0fff) << 4;
	/* Ids never go backwards, even if the clock does. */
	if (id <= last)
		id = last + 1;
	else
		id |= ((uint64_t)getpid() & 0x0fff) << 4;
	last = id;
	pthread_mutex_unlock(&lock);
	return id;
}
