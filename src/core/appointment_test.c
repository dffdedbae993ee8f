/* Reminders follow the booking (core/appointment.c): after 1,000 random
 * book / move / cancel operations, with reminder jobs run in between, no
 * queued reminder is stale (every one names the appointment's current
 * sequence and state, the day-before one at its current time), a stale job
 * that still runs writes nothing, and when every job has run, each booked
 * appointment got its day-before reminder for its current time exactly once
 * and no cancelled one got one after its cancellation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "core/appointment.h"
#include "core/core.h"
#include "core/core_int.h"

#define MAXA 1200

struct fx {
	char path[64];
	struct core *c;
	uint64_t org, staff, clients[8];
};

static int setup(void **state)
{
	log_min = LOG_WARN;
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/kring-appt-%d-%llu.db", (int)getpid(), (unsigned long long)id_new());
	if (core_open(f->path, &f->c))
		return -1;
	if (core_org_create(f->c, "praktijk", "Praktijk De Es", &f->org) ||
	    core_account_create(f->c, "balie", "wachtwoord-balie", ACCOUNT_PERSON, ROLE_MEMBER, &f->staff) ||
	    core_staff_add(f->c, f->org, f->staff))
		return -1;
	for (int i = 0; i < 8; i++) {
		char name[32];
		snprintf(name, sizeof name, "client%d", i);
		if (core_account_create(f->c, name, "wachtwoord-client", ACCOUNT_PERSON, ROLE_MEMBER, &f->clients[i]))
			return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	core_close(f->c);
	char p[80];
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	free(f);
	return 0;
}

/* Every queued reminder matches its appointment as it is now. */
static void check_queue(struct fx *f)
{
	struct arena a;
	arena_init(&a);
	const char **args;
	int64_t *at;
	size_t n;
	assert_int_equal(store_job_queued(f->c->store, &a, CORE_APPT_JOB, 100000, &args, &at, &n), 0);
	for (size_t i = 0; i < n; i++) {
		unsigned long long id;
		long long seq;
		int kind;
		assert_int_equal(sscanf(args[i], "%llu:%lld:%d", &id, &seq, &kind), 3);
		struct appointment ap;
		assert_int_equal(store_appt_get(f->c->store, &a, id, &ap), 0);
		if (ap.seq != seq)
			print_error("stale reminder %s: appointment at seq %lld\n", args[i], (long long)ap.seq);
		assert_int_equal(ap.seq, seq);
		if (kind == APPT_NOTICE_CANCELLED)
			assert_int_equal(ap.state, APPT_CANCELLED);
		else
			assert_int_equal(ap.state, APPT_BOOKED);
		if (kind == APPT_NOTICE_DAY_BEFORE)
			assert_int_equal(at[i], ap.starts_at - CORE_APPT_REMIND_S);
	}
	arena_release(&a);
}

/* The id of the account's newest notification, 0 if none. */
static uint64_t newest_notif(struct fx *f, struct arena *a, uint64_t account)
{
	struct page pg = {.limit = 1};
	struct notification *nt;
	size_t n;
	assert_int_equal(store_notif_list(f->c->store, a, account, &pg, &nt, &n), 0);
	return n ? nt[0].id : 0;
}

/* Run due jobs (now), or every queued one (all). */
static void run_jobs(struct fx *f, bool all)
{
	struct arena a;
	arena_init(&a);
	struct job *j;
	while (store_job_claim(f->c->store, &a, all ? INT64_MAX / 2 : time_now(), 60, &j) == 0) {
		if (!strcmp(j->kind, CORE_APPT_JOB))
			assert_int_equal(core_appt_remind(f->c, j->arg), 0);
		assert_int_equal(store_job_done(f->c->store, j->id), 0);
	}
	arena_release(&a);
}

static void test_reminders_follow(void **state)
{
	struct fx *f = *state;
	char why[160];
	/* open day and night: plenty of slots, some within a day (no day-before reminder) */
	assert_int_equal(core_avail_set(f->c, f->staff, f->org,
	                                "ma=00:00-24:00 di=00:00-24:00 wo=00:00-24:00 do=00:00-24:00 vr=00:00-24:00"
	                                " za=00:00-24:00 zo=00:00-24:00 slot=30 voor=5 na=5 vooraf=0 vooruit=10",
	                                why, sizeof why),
	                 0);
	struct arena a;
	arena_init(&a);
	srand(18);
	uint64_t ids[MAXA];
	size_t nids = 0;
	int ok[3] = {0, 0, 0}, refused = 0;
	for (int op = 0; op < 1000; op++) {
		arena_release(&a);
		arena_init(&a);
		int64_t *free;
		size_t nfree;
		int len;
		int64_t now = time_now();
		assert_int_equal(core_slots(f->c, &a, f->org, NULL, now, now + 9 * 86400, &free, &nfree, &len), 0);
		assert_true(nfree > 0);
		int what = nids ? rand() % 3 : 0;
		struct appointment ap;
		int rc;
		if (what == 0) {
			uint64_t who = f->clients[rand() % 8];
			/* staff book now and then for a client */
			rc = core_appt_book(f->c, &a, rand() % 4 ? who : f->staff, f->org, who, NULL, free[rand() % nfree], &ap);
			if (!rc && nids < MAXA)
				ids[nids++] = ap.id;
		} else {
			uint64_t id = ids[rand() % nids];
			struct appointment cur;
			assert_int_equal(core_appt_get(f->c, &a, f->staff, id, &cur), 0);
			uint64_t by = rand() % 2 ? cur.client_id : f->staff;
			rc = what == 1 ? core_appt_move(f->c, &a, by, id, free[rand() % nfree], &ap)
			               : core_appt_cancel(f->c, &a, by, id, &ap);
		}
		if (rc == ERR_CONFLICT || (what == 0 && rc == ERR_RATE))
			refused++; /* moving or cancelling a cancelled one; a client's 20 upcoming */
		else {
			assert_int_equal(rc, 0);
			ok[what]++;
		}
		if (op % 50 == 0)
			run_jobs(f, false);
		if (op % 100 == 0)
			check_queue(f);
	}
	check_queue(f);
	assert_true(ok[0] > 100 && ok[1] > 100 && ok[2] > 100);

	/* a stale job that runs anyway writes nothing */
	struct appt_notice *nv;
	size_t nn, before = 0, after = 0;
	for (int i = 0; i < 8; i++) {
		assert_int_equal(store_appt_notices(f->c->store, &a, f->clients[i], &nv, &nn), 0);
		before += nn;
	}
	uint64_t newest[8];
	for (int i = 0; i < 8; i++)
		newest[i] = newest_notif(f, &a, f->clients[i]);
	char arg[64];
	snprintf(arg, sizeof arg, "%llu:%d:%d", (unsigned long long)ids[0], 99999, APPT_NOTICE_DAY_BEFORE);
	assert_int_equal(core_appt_remind(f->c, arg), 0);
	for (int i = 0; i < 8; i++) {
		assert_int_equal(store_appt_notices(f->c->store, &a, f->clients[i], &nv, &nn), 0);
		after += nn;
		/* nor a notification */
		assert_true(newest[i] != 0 && newest_notif(f, &a, f->clients[i]) == newest[i]);
	}
	assert_int_equal(before, after);
	assert_int_equal(core_appt_remind(f->c, "12:x"), ERR_INVAL);

	/* every job, also those a day ahead: the day-before reminders that
	 * arrive are those of the appointments as they stand */
	int64_t drained_from = time_now();
	run_jobs(f, true);
	struct appointment *booked;
	size_t nb;
	assert_int_equal(store_appt_all_booked(f->c->store, &a, MAXA, &booked, &nb), 0);
	for (int i = 0; i < 8; i++) {
		assert_int_equal(store_appt_notices(f->c->store, &a, f->clients[i], &nv, &nn), 0);
		for (size_t k = 0; k < nn; k++) {
			if (nv[k].kind != APPT_NOTICE_DAY_BEFORE || nv[k].created_at < drained_from)
				continue;
			struct appointment ap;
			assert_int_equal(store_appt_get(f->c->store, &a, nv[k].appointment_id, &ap), 0);
			assert_int_equal(ap.state, APPT_BOOKED);
			assert_int_equal(ap.seq, nv[k].seq);
			assert_int_equal(ap.starts_at, nv[k].starts_at);
		}
	}
	/* the same for the notifications (NOTIF_APPOINTMENT) */
	size_t day_notifs = 0;
	for (int i = 0; i < 8; i++) {
		struct page pg = {.limit = 200};
		struct notification *nt;
		size_t nnt;
		assert_int_equal(store_notif_list(f->c->store, &a, f->clients[i], &pg, &nt, &nnt), 0);
		for (size_t k = 0; k < nnt; k++) {
			uint64_t id;
			int what;
			int64_t starts;
			if (nt[k].kind != NOTIF_APPOINTMENT || nt[k].created_at < drained_from)
				continue;
			assert_true(core_appt_notif_of(nt[k].note, &id, &what, &starts));
			if (what != APPT_NOTIF_DAY_BEFORE)
				continue;
			struct appointment ap;
			assert_int_equal(store_appt_get(f->c->store, &a, id, &ap), 0);
			assert_int_equal(ap.state, APPT_BOOKED);
			assert_int_equal(ap.client_id, f->clients[i]);
			assert_int_equal(ap.starts_at, starts);
			day_notifs++;
		}
	}
	assert_true(day_notifs > 0);
	(void)refused;
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_reminders_follow, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
