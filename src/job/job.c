/*
 * The job workers.  The queue itself is in the store (store_job_*); this file
 * claims, runs, retries and gives up.
 */
#include "job/job.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/store_media.h"

#define MAX_WORKERS 8

struct job_runner {
	struct store *s;
	const struct job_handler *h;
	size_t nh;
	pthread_t threads[MAX_WORKERS];
	int nthreads;
};

static pthread_mutex_t wake_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake_cond = PTHREAD_COND_INITIALIZER;
static atomic_bool stopping;
static unsigned kicks;

void job_kick(void)
{
	pthread_mutex_lock(&wake_lock);
	kicks++;
	pthread_cond_broadcast(&wake_cond);
	pthread_mutex_unlock(&wake_lock);
}

bool job_stopping(void)
{
	return atomic_load(&stopping);
}

static void wait_for_work(unsigned seen)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += JOB_POLL_MS / 1000;
	ts.tv_nsec += (long)(JOB_POLL_MS % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&wake_lock);
	while (kicks == seen && !atomic_load(&stopping))
		if (pthread_cond_timedwait(&wake_cond, &wake_lock, &ts))
			break;
	pthread_mutex_unlock(&wake_lock);
}

int64_t job_backoff(int attempts, int64_t max)
{
	if (max <= 0)
		max = JOB_BACKOFF_MAX;
	int64_t d = JOB_BACKOFF_S;
	for (int i = 1; i < attempts && d < max; i++)
		d *= 2;
	return d < max ? d : max;
}

/* Claim and run one due job: 1 if one ran, 0 if none was due, -1 on a store error. */
static int run_one(struct store *s, const struct job_handler *h, size_t nh, struct arena *a)
{
	struct job *j;
	int rc = store_job_claim(s, a, time_now(), JOB_LEASE_S, &j);
	if (rc == ERR_NOTFOUND)
		return 0;
	if (rc) {
		log_warn("cannot claim a job: %s", err_str(rc));
		return -1;
	}
	const struct job_handler *hd = NULL;
	for (size_t i = 0; i < nh; i++)
		if (!strcmp(h[i].kind, j->kind))
			hd = &h[i];
	char why[256] = "";
	if (!hd) {
		rc = ERR_INVAL;
		snprintf(why, sizeof why, "no handler for job kind %s", j->kind);
	} else {
		rc = hd->run(hd->ctx, j->arg, why, sizeof why);
		if (rc && !why[0])
			snprintf(why, sizeof why, "%s", err_str(rc));
	}
	int src;
	if (!rc) {
		src = store_job_done(s, j->id);
	} else if (rc == ERR_INVAL || j->attempts >= (hd && hd->max_attempts > 0 ? hd->max_attempts : JOB_MAX_ATTEMPTS)) {
		log_warn("job %llu (%s %s) failed for good after %d attempts: %s", (unsigned long long)j->id, j->kind,
		         j->arg, j->attempts, why);
		src = store_job_fail(s, j->id, why, 0);
		if (hd && hd->failed)
			hd->failed(hd->ctx, j->arg, why);
	} else {
		log_info("job %llu (%s %s) attempt %d failed, retrying: %s", (unsigned long long)j->id, j->kind, j->arg,
		         j->attempts, why);
		src = store_job_fail(s, j->id, why, time_now() + job_backoff(j->attempts, hd ? hd->backoff_max : 0));
	}
	if (src)
		log_err("cannot record the end of job %llu: %s", (unsigned long long)j->id, err_str(src));
	return 1;
}

int job_run_due(struct store *s, const struct job_handler *h, size_t n)
{
	struct arena a;
	arena_init(&a);
	int ran = 0, rc;
	while ((rc = run_one(s, h, n, &a)) == 1) {
		ran++;
		arena_clear(&a);
	}
	arena_release(&a);
	return ran;
}

static void *worker(void *arg)
{
	struct job_runner *r = arg;
	struct arena a;
	arena_init(&a);
	while (!atomic_load(&stopping)) {
		pthread_mutex_lock(&wake_lock);
		unsigned seen = kicks;
		pthread_mutex_unlock(&wake_lock);
		int rc = run_one(r->s, r->h, r->nh, &a);
		arena_clear(&a);
		if (rc != 1)
			wait_for_work(seen);
	}
	arena_release(&a);
	store_thread_done(r->s);
	return NULL;
}

int job_start(struct store *s, const struct job_handler *h, size_t n, int nworkers, struct job_runner **out)
{
	struct job_runner *r = xcalloc(1, sizeof *r);
	r->s = s;
	r->h = h;
	r->nh = n;
	atomic_store(&stopping, false);
	if (nworkers <= 0)
		nworkers = JOB_WORKERS;
	if (nworkers > MAX_WORKERS)
		nworkers = MAX_WORKERS;
	for (int i = 0; i < nworkers; i++) {
		if (pthread_create(&r->threads[i], NULL, worker, r)) {
			log_err("cannot start a job worker");
			job_stop(r);
			return ERR_IO;
		}
		r->nthreads++;
	}
	*out = r;
	return 0;
}

void job_stop(struct job_runner *r)
{
	if (!r)
		return;
	atomic_store(&stopping, true);
	job_kick();
	for (int i = 0; i < r->nthreads; i++)
		pthread_join(r->threads[i], NULL);
	free(r);
}
