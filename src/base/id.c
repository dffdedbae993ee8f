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

int64_t time_now(void)
{
	return (int64_t)time(NULL);
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
