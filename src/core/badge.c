/*
 * The menu badges remembered per person (issue 15).
 *
 * Every page shows two badges: unread notifications and unread
 * conversations.  Their rows are kept at write time (notif_count,
 * conv_unread), but what the lists leave out (a post the reader may no
 * longer see, a suspended writer, think time) is decided by core's rule,
 * which reads up to CORE_UNREAD_MAX posts.  Migration 42's triggers raise
 * the person's version in notif_count (or vis_epoch, for a write that
 * changes many people's) in the transaction of every write that could
 * change that answer, so an answer worked out under (version, epoch) holds
 * until either moves, or until a think time it saw runs out.  A page
 * whose badges nothing changed reads one row per badge.
 *
 * Bounded: BADGE_SLOTS per badge, one slot per person by hash; a collision
 * only makes the other person's badge be worked out again.
 */
#include <pthread.h>
#include <stdlib.h>

#include "base/id.h"
#include "base/mem.h"
#include "core/core_int.h"

#define BADGE_SLOTS 4096 /* per badge: 2 x 4096 x 40 bytes = 320 KiB */

struct badge_slot {
	uint64_t viewer; /* 0: empty */
	int64_t ver, epoch, until, count;
};

struct badge_memo {
	pthread_mutex_t mu;
	struct badge_slot slot[BADGE_KINDS][BADGE_SLOTS];
};

struct badge_memo *badge_new(void)
{
	struct badge_memo *m = xcalloc(1, sizeof *m);
	pthread_mutex_init(&m->mu, NULL);
	return m;
}

void badge_free(struct badge_memo *m)
{
	if (!m)
		return;
	pthread_mutex_destroy(&m->mu);
	free(m);
}

static struct badge_slot *slot_of(struct badge_memo *m, int kind, uint64_t viewer)
{
	/* Account ids are time-ordered: mix the bits before taking the slot. */
	uint64_t h = viewer * 0x9E3779B97F4A7C15u;
	return &m->slot[kind][(h >> 32) % BADGE_SLOTS];
}

bool badge_get(struct badge_memo *m, int kind, uint64_t viewer, int64_t ver, int64_t epoch, int64_t *count)
{
	if (!m || ver < 0 || kind < 0 || kind >= BADGE_KINDS)
		return false;
	bool hit = false;
	pthread_mutex_lock(&m->mu);
	struct badge_slot *s = slot_of(m, kind, viewer);
	if (s->viewer == viewer && s->ver == ver && s->epoch == epoch && (!s->until || time_now() < s->until)) {
		*count = s->count;
		hit = true;
	}
	pthread_mutex_unlock(&m->mu);
	return hit;
}

void badge_put(struct badge_memo *m, int kind, uint64_t viewer, int64_t ver, int64_t epoch, int64_t until,
               int64_t count)
{
	if (!m || ver < 0 || kind < 0 || kind >= BADGE_KINDS)
		return;
	pthread_mutex_lock(&m->mu);
	*slot_of(m, kind, viewer) = (struct badge_slot){viewer, ver, epoch, until, count};
	pthread_mutex_unlock(&m->mu);
}
