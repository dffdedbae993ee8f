/* Slot computation for one provider over 8 weeks (issue 18): a practice
 * open 40 hours a week on a 15-minute grid with buffers, a third of its
 * slots booked (with the buffers their neighbours close too), asked for 8 weeks of free slots through core_slots (the
 * busy blocks read from the database, then the computation) and through
 * slots_free alone.  Prints p50 / p99 / max of each; numbers, no verdict. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/id.h"
#include "base/log.h"
#include "core/appointment.h"
#include "core/core.h"

#define RUNS 1000

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this thread: what the work costs, without the waits of a
 * loaded machine (the wall clock's p99 shows those). */
static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void report(const char *what, double *v, double *cpu, size_t n, size_t slots)
{
	qsort(v, n, sizeof *v, cmp);
	qsort(cpu, n, sizeof *cpu, cmp);
	printf("| %s | %zu | %.3f ms | %.3f ms | %.3f ms | %.3f ms |\n", what, slots, v[n / 2], v[n * 99 / 100],
	       v[n - 1], cpu[n * 99 / 100]);
}

int main(void)
{
	log_min = LOG_WARN;
	char path[128];
	snprintf(path, sizeof path, "/tmp/kring-slots-bench-%d.db", (int)getpid());
	struct core *c;
	uint64_t org, staff, client;
	if (core_open(path, &c) || core_org_create(c, "praktijk", "Praktijk", &org) ||
	    core_account_create(c, "balie", "wachtwoord-balie", ACCOUNT_PERSON, ROLE_MEMBER, &staff) ||
	    core_staff_add(c, org, staff) ||
	    core_account_create(c, "client", "wachtwoord-client", ACCOUNT_PERSON, ROLE_MEMBER, &client)) {
		fprintf(stderr, "slots_bench: cannot set up %s\n", path);
		return 1;
	}
	char why[200];
	if (core_avail_set(c, staff, org,
	                   "ma=08:00-12:00,13:00-17:00 di=08:00-12:00,13:00-17:00 wo=08:00-12:00,13:00-17:00"
	                   " do=08:00-12:00,13:00-17:00 vr=08:00-12:00,13:00-17:00 pauze=10:00-10:15"
	                   " slot=15 voor=5 na=5 vooraf=0 vooruit=60 controle=15 eerste_gesprek=45",
	                   why, sizeof why)) {
		fprintf(stderr, "slots_bench: %s\n", why);
		return 1;
	}
	int64_t t0 = time_now(), span = 56 * 86400;
	struct arena a;
	arena_init(&a);
	int64_t *v;
	size_t n;
	int len;
	if (core_slots(c, &a, org, "controle", t0, t0 + span, &v, &n, &len))
		return 1;
	size_t booked = 0;
	for (size_t i = 0; i < n; i += 3) {
		struct appointment ap;
		if (!core_appt_book(c, &a, client, org, 0, "controle", v[i], &ap))
			booked++;
	}
	arena_release(&a);
	static double ms[RUNS], cpu[RUNS];
	size_t free_n = 0;
	for (int r = 0; r < RUNS; r++) {
		arena_init(&a);
		double s = now_ms(), sc = cpu_ms();
		if (core_slots(c, &a, org, "controle", t0, t0 + span, &v, &n, &len))
			return 1;
		ms[r] = now_ms() - s;
		cpu[r] = cpu_ms() - sc;
		free_n = n;
		arena_release(&a);
	}
	printf("slots_bench: %zu booked, %zu slots free over 8 weeks\n\n", booked, free_n);
	printf("| slot computation, one provider, 8 weeks | slots | p50 | p99 | max | p99 CPU |\n"
	       "|---|---:|---:|---:|---:|---:|\n");
	report("core_slots (busy blocks from SQLite + computation)", ms, cpu, RUNS, free_n);
	/* the computation alone */
	struct availability av;
	arena_init(&a);
	if (core_avail_get(c, &a, org, &av, NULL))
		return 1;
	static int64_t out[4096];
	for (int r = 0; r < RUNS; r++) {
		double s = now_ms(), sc = cpu_ms();
		free_n = slots_free(&av, 15, t0, t0, t0 + span, NULL, 0, out, 4096);
		ms[r] = now_ms() - s;
		cpu[r] = cpu_ms() - sc;
	}
	report("slots_free alone, nothing booked", ms, cpu, RUNS, free_n);
	arena_release(&a);
	core_close(c);
	unlink(path);
	char p2[160];
	snprintf(p2, sizeof p2, "%s-wal", path);
	unlink(p2);
	snprintf(p2, sizeof p2, "%s-shm", path);
	unlink(p2);
	return 0;
}
