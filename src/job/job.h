#ifndef JOB_JOB_H
#define JOB_JOB_H

/*
 * A durable job queue kept in the store, and the worker threads that run it.
 * A job is a row (kind, argument); it survives a restart.  A worker claims
 * one due job in a single UPDATE ... RETURNING under the write lock, so two
 * workers never run the same job, and holds it under a lease: if the process
 * dies, the job becomes due again when the lease runs out.  A failing job is
 * retried with exponential backoff and ends in the visible failed state after
 * JOB_MAX_ATTEMPTS (or at once when its handler says the input is bad).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define JOB_MAX_ATTEMPTS 5
#define JOB_LEASE_S      300  /* longer than any handler may take */
#define JOB_BACKOFF_S    2    /* first retry after 2 s, then 4, 8, ... */
#define JOB_BACKOFF_MAX  600
#define JOB_POLL_MS      1000 /* look for due jobs at least this often */
#define JOB_WORKERS      2    /* two images at once: each helper decodes shrunk, ~120 MB at most */

struct job_handler {
	const char *kind;
	/*
	 * Run one job.  0: done.  ERR_INVAL: the input is bad, fail for good now.
	 * Anything else: retry later.  A reason may be written into why.
	 */
	int (*run)(void *ctx, const char *arg, char *why, size_t whylen);
	/* The job failed for good (may be NULL): mark what it was working on. */
	void (*failed)(void *ctx, const char *arg, const char *why);
	void *ctx;
	/* Retries of this kind (0: JOB_MAX_ATTEMPTS, JOB_BACKOFF_MAX): a
	 * delivery to another server keeps trying for two days. */
	int max_attempts;
	int64_t backoff_max;
};

struct job_runner;

/* Start nworkers threads (JOB_WORKERS if 0) running jobs of the kinds in h[0..n). */
int job_start(struct store *s, const struct job_handler *h, size_t n, int nworkers, struct job_runner **out);
/* Let the running job finish (handlers watch job_stopping()), then join. */
void job_stop(struct job_runner *r);
/* Wake the workers: a job was just queued. */
void job_kick(void);
/* True while job_stop is waiting: long handlers should give up (and be retried). */
bool job_stopping(void);
/* Seconds to wait after failed attempt number attempts (1, 2, ...):
 * JOB_BACKOFF_S doubling, at most max (0: JOB_BACKOFF_MAX). */
int64_t job_backoff(int attempts, int64_t max);
/* Run due jobs in the calling thread until none is due; returns how many ran. */
int job_run_due(struct store *s, const struct job_handler *h, size_t n);

#endif
