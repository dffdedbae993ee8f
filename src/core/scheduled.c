/* Scheduled posts: kept until their time, then written by the job queue
 * through core_post_create with the rules of that moment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"
#include "job/job.h"
#include "store/store_media.h"

/* How far ahead a post must be scheduled (a test build may shorten it). */
static int64_t min_ahead(void)
{
#ifdef KRING_TEST_BUILD
	const char *e = getenv("KRING_TEST_SCHEDULE_AHEAD");
	if (e && atoi(e) > 0)
		return atoi(e);
#endif
	return CORE_SCHED_MIN_AHEAD;
}

static bool time_ok(int64_t at)
{
	int64_t now = time_now();
	return at >= now + min_ahead() && at <= now + CORE_SCHED_MAX_AHEAD;
}

static int queue(struct core *c, uint64_t id, int64_t at)
{
	char arg[32];
	snprintf(arg, sizeof arg, "%llu", (unsigned long long)id);
	uint64_t jid;
	return store_job_enqueue(c->store, CORE_SCHED_JOB, arg, at, &jid);
}

int core_sched_create(struct core *c, struct arena *a, uint64_t viewer, const struct post_input *in,
                      int64_t poll_expires_in, int64_t at, bool *why_time, struct sched_post *out)
{
	*why_time = false;
	memset(out, 0, sizeof *out);
	if (!viewer)
		return ERR_AUTH;
	if (!time_ok(at)) {
		*why_time = true;
		return ERR_INVAL;
	}
	/* Speaking for an organisation is decided at publishing; media would
	 * have to outlive the sweep of unattached uploads: neither yet. */
	if (in->author_id != viewer || in->nmedia || in->to)
		return ERR_INVAL;
	enum post_problem pp = core_post_text_problem(in->text);
	if (pp != POST_OK) {
		if (in->why)
			*in->why = pp;
		return ERR_INVAL;
	}
	if (in->visibility < VIS_PUBLIC || in->visibility > VIS_DIRECT)
		return ERR_INVAL;
	struct post *parent = NULL;
	int rc;
	if (in->in_reply_to && (rc = core_post_get(c, a, viewer, in->in_reply_to, &parent)))
		return rc;
	struct buf opts = BUF_INIT(8192);
	for (size_t i = 0; i < in->npoll; i++) {
		if (strchr(in->poll_options[i], '\n')) {
			buf_release(&opts);
			return ERR_INVAL;
		}
		if (buf_addf(&opts, "%s%s", i ? "\n" : "", in->poll_options[i])) {
			buf_release(&opts);
			return ERR_TOOBIG;
		}
	}
	/* The guard reads it now, as it reads a post (text, content warning,
	 * poll), so the author hears of a finding while writing; it reads it
	 * again when it is published. */
	struct guard_result local, *g = in->guard ? in->guard : &local;
	struct guard_part parts[2 + STORE_POLL_MAX];
	size_t np = 0;
	parts[np++] = (struct guard_part){.what = "status", .text = in->text};
	if (in->meta && in->meta->spoiler_text && *in->meta->spoiler_text)
		parts[np++] = (struct guard_part){.what = "spoiler_text", .text = in->meta->spoiler_text};
	for (size_t i = 0; i < in->npoll && np < sizeof parts / sizeof *parts; i++)
		parts[np++] = (struct guard_part){.what = "poll option", .text = in->poll_options[i]};
	rc = guard_gate(c, a, viewer, viewer, in->visibility, NULL, 0, parts, np, in->confirm, g);
	int64_t waiting = 0;
	if (!rc && !(rc = store_sched_count(c->store, viewer, &waiting)) && waiting >= CORE_SCHED_MAX)
		rc = ERR_TOOBIG;
	if (rc) {
		buf_release(&opts);
		return rc;
	}
	const struct post_meta *m = in->meta;
	*out = (struct sched_post){
		.id = id_new(),
		.account_id = viewer,
		.author_id = viewer,
		.scheduled_at = at,
		.text = arena_strdup(a, in->text),
		.visibility = in->visibility,
		.visibility_default = in->visibility_default,
		.in_reply_to = in->in_reply_to,
		/* The group it is written for, named now: if the author is no
		 * longer its member then, it is not published (not widened). */
		.group_id = in->visibility == VIS_DIRECT ? 0
		            : parent                     ? parent->group_id
		                                         : core_group_named(c, a, viewer, in->text),
		.spoiler_text = arena_strdup(a, m && m->spoiler_text ? m->spoiler_text : ""),
		.language = arena_strdup(a, m && m->language ? m->language : ""),
		.sensitive = m && m->sensitive,
		.poll_options = arena_strdup(a, opts.len ? opts.ptr : ""),
		.poll_expires_in = in->npoll ? poll_expires_in : 0,
		.poll_multiple = in->npoll && in->poll_multiple,
		.confirm = in->confirm,
		.created_at = time_now(),
	};
	buf_release(&opts);
	/* The row and its job: both or neither. */
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_sched_insert(c->store, out);
	if (!rc)
		rc = queue(c, out->id, at);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	job_kick();
	return 0;
}

int core_sched_list(struct core *c, struct arena *a, uint64_t viewer, const struct page *pg,
                    struct sched_post **out, size_t *n)
{
	if (!viewer)
		return ERR_AUTH;
	return store_sched_list(c->store, a, viewer, pg, out, n);
}

int core_sched_get(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, struct sched_post *out)
{
	if (!viewer)
		return ERR_AUTH;
	if (!id)
		return ERR_NOTFOUND;
	return store_sched_get(c->store, a, viewer, id, out);
}

int core_sched_move(struct core *c, struct arena *a, uint64_t viewer, uint64_t id, int64_t at,
                    struct sched_post *out)
{
	int rc = core_sched_get(c, a, viewer, id, out);
	if (rc)
		return rc;
	if (!time_ok(at))
		return ERR_INVAL;
	/* The job queued for the old time finds it not yet due and leaves it. */
	if ((rc = store_begin(c->store)))
		return rc;
	rc = store_sched_set_time(c->store, viewer, id, at);
	if (!rc)
		rc = queue(c, id, at);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	job_kick();
	return core_sched_get(c, a, viewer, id, out);
}

int core_sched_delete(struct core *c, uint64_t viewer, uint64_t id)
{
	if (!viewer)
		return ERR_AUTH;
	return store_sched_delete(c->store, viewer, id);
}

/* Mark it failed and tell its author why: the post was not written. */
static int sched_failed(struct core *c, const struct sched_post *p, const char *why)
{
	int rc = store_begin(c->store);
	if (rc)
		return rc;
	rc = store_sched_fail(c->store, p->id, why);
	if (!rc)
		rc = store_notif_insert_in(c->store, p->account_id, NOTIF_SCHEDULED_FAILED, p->account_id, 0, p->group_id,
		                           why);
	if ((rc = store_finish(c->store, rc)))
		return rc;
	log_info("scheduled post %llu not published: %s", (unsigned long long)p->id, why);
	if (c->on_notify)
		c->on_notify(c, p->account_id);
	return 0;
}

static const char *why_not(int rc)
{
	switch (rc) {
	case ERR_GUARD: return "De privacybewaker vond gegevens van een cliënt in het bericht.";
	case ERR_BLOCKED: return "De privacybewaker houdt dit bericht tegen.";
	case ERR_FORBIDDEN: return "U mag hier niet meer schrijven, bijvoorbeeld omdat u geen lid meer bent van de kring.";
	case ERR_NOTFOUND: return "Het bericht of de kring waarvoor u schreef is er niet meer voor u.";
	case ERR_GUIDELINES: return "Lees eerst de richtlijnen van de organisatie.";
	default: return "Het bericht voldoet niet aan de regels.";
	}
}

/* Worth another try later: the database, a limit of the moment. */
static bool transient(int rc)
{
	return rc == ERR_DB || rc == ERR_BUSY || rc == ERR_IO || rc == ERR_RATE;
}

int core_sched_publish(struct core *c, uint64_t id)
{
	struct arena a;
	arena_init(&a);
	struct sched_post p;
	int rc = store_sched_get(c->store, &a, 0, id, &p);
	if (rc == ERR_NOTFOUND) {
		/* Deleted, or published by a job queued for another time. */
		arena_release(&a);
		return 0;
	}
	if (rc || p.state == SCHED_FAILED || p.scheduled_at > time_now()) {
		arena_release(&a);
		return rc;
	}
	/* Nobody posts from a suspended account, by schedule neither. */
	struct account *acc;
	if ((rc = store_account_get(c->store, &a, p.account_id, &acc)) || acc->suspended) {
		if (!rc)
			rc = sched_failed(c, &p, "Uw account is geschorst.");
		arena_release(&a);
		return rc == ERR_NOTFOUND ? 0 : rc;
	}
	const char *opts[STORE_POLL_MAX + 1];
	size_t nopts = 0;
	for (char *s = (char *)p.poll_options; *p.poll_options && s && nopts < STORE_POLL_MAX;) {
		opts[nopts++] = s;
		s = strchr(s, '\n');
		if (s)
			*s++ = '\0';
	}
	int64_t expires = 0;
	if (nopts && core_poll_expiry(p.poll_expires_in, &expires))
		nopts = 0;
	/* The language and the content warning are copied in place. */
	struct post_meta meta = {.spoiler_text = p.spoiler_text, .language = p.language, .sensitive = p.sensitive};
	struct guard_result g;
	enum post_problem pp = POST_OK;
	struct post_input in = {
		.author_id = p.author_id,
		.text = p.text,
		.visibility = p.visibility,
		.visibility_default = p.visibility_default,
		.in_reply_to = p.in_reply_to,
		.group_id = p.group_id,
		.confirm = p.confirm,
		.guard = &g,
		.meta = &meta,
		.poll_options = opts,
		.npoll = nopts,
		.poll_expires_at = expires,
		.poll_multiple = p.poll_multiple,
		.why = &pp,
	};
	/* One transaction: the schedule ends as the post is written.  Ending it
	 * first means a second job for the same post (after a move) finds it
	 * gone, and a refused post leaves it as it was. */
	uint64_t pid = 0;
	if (!(rc = store_begin(c->store))) {
		rc = store_sched_delete(c->store, 0, id);
		if (!rc)
			rc = core_post_create(c, &a, p.account_id, &in, &pid);
		rc = store_finish(c->store, rc);
	}
	if (!rc)
		log_info("scheduled post %llu published as %llu", (unsigned long long)id, (unsigned long long)pid);
	else if (rc == ERR_NOTFOUND && !pid && store_sched_get(c->store, &a, 0, id, &p) == ERR_NOTFOUND)
		rc = 0; /* another job published it just now */
	else if (!transient(rc))
		rc = sched_failed(c, &p, why_not(rc));
	arena_release(&a);
	return rc;
}

static int sched_run(void *ctx, const char *arg, char *why, size_t whylen)
{
	uint64_t id;
	if (!parse_u64(arg, &id))
		return ERR_INVAL;
	int rc = core_sched_publish(ctx, id);
	if (rc)
		snprintf(why, whylen, "%s", err_str(rc));
	return rc;
}

/* Retried to the end (the database was away): it stays, marked failed. */
static void sched_gave_up(void *ctx, const char *arg, const char *why)
{
	(void)why;
	struct core *c = ctx;
	uint64_t id;
	struct arena a;
	arena_init(&a);
	struct sched_post p;
	if (parse_u64(arg, &id) && store_sched_get(c->store, &a, 0, id, &p) == 0 && p.state == SCHED_WAITING)
		sched_failed(c, &p, "Het lukte niet op tijd; probeer het opnieuw.");
	arena_release(&a);
}

static struct job_handler sched_handlers[1];

void core_sched_jobs(struct core *c, const struct job_handler **h, size_t *n)
{
	sched_handlers[0] = (struct job_handler){.kind = CORE_SCHED_JOB, .run = sched_run, .failed = sched_gave_up, .ctx = c};
	*h = sched_handlers;
	*n = 1;
}
