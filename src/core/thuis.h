#ifndef CORE_THUIS_H
#define CORE_THUIS_H

/*
 * The client's home (issue 19, core/thuis.c, docs/thuis.md): the first
 * page a client sees, messages from their care providers, and informal
 * carers (mantelzorgers).  A client names a person as informal carer and
 * chooses what that person may do: see the client's appointments
 * (CARER_APPTS), and book, move and cancel them for the client
 * (CARER_ACT, a separate permission).  The client or the carer ends the
 * relation.  core_carer_may_act is the one rule for "may act for this
 * client", used by appointments (core/appointment.c) and so by every page
 * and API route that books, moves or cancels.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"   /* WARN_UNUSED */
#include "store/types.h"

struct arena;
struct core;

#define CORE_CARERS_MAX 20         /* informal carers of one client (and clients of one carer) */
#define CORE_CARE_YEARS 3          /* an appointment this long ago still makes a care provider */

/* Does acc land on the client's home after logging in: a person who is a
 * client (not a professional) and not a moderator or administrator. */
bool core_thuis_is_client(const struct account *acc);

/* Is who one of client's care providers?  A professional or organisation
 * the client had or has an appointment with (booked or taken place, the
 * last CORE_CARE_YEARS years), a care worker the client chose (a request
 * sent after a like), a care worker the client shares the plan with, or an
 * organisation the client follows.  A message written by staff of such an
 * organisation under the organisation's name counts as the organisation's. */
int core_care_provider_is(struct core *c, uint64_t client, uint64_t who, bool *out) WARN_UNUSED;
/* Conversations of the viewer with something unread whose newest message
 * is from one of the viewer's care providers. */
int core_thuis_unread(struct core *c, uint64_t viewer, int64_t *count) WARN_UNUSED;

/* The viewer (the client) names carer as informal carer with flags (enum
 * carer_flag bits), or changes the flags.  ERR_INVAL: oneself, an
 * organisation, unknown bits; ERR_NOTFOUND: no such person (or suspended);
 * ERR_TOOBIG: CORE_CARERS_MAX already. */
int core_carer_invite(struct core *c, uint64_t viewer, uint64_t carer, int flags) WARN_UNUSED;
/* End the relation between the viewer and other, from either side (the
 * client withdraws, or the carer steps back).  ERR_NOTFOUND when none. */
int core_carer_end(struct core *c, uint64_t viewer, uint64_t other) WARN_UNUSED;
/* The viewer's informal carers (as_carer false), or the clients the viewer
 * is informal carer of (true). */
int core_carers(struct core *c, struct arena *a, uint64_t viewer, bool as_carer, struct carer **out, size_t *n)
	WARN_UNUSED;
/* May viewer act for client (book, move, cancel): client themself, or an
 * informal carer with CARER_ACT.  0 yes, ERR_AUTH nobody logged in,
 * ERR_NOTFOUND no. */
int core_carer_may_act(struct core *c, uint64_t viewer, uint64_t client) WARN_UNUSED;
/* May viewer see client's appointments: client, or a carer with
 * CARER_APPTS or CARER_ACT.  Same answers. */
int core_carer_may_see(struct core *c, uint64_t viewer, uint64_t client) WARN_UNUSED;
/* client's appointments that have not ended (with cancelled ones), for one
 * who may see them (else ERR_NOTFOUND). */
int core_carer_appts(struct core *c, struct arena *a, uint64_t viewer, uint64_t client, struct appointment **out,
                     size_t *n) WARN_UNUSED;

/*
 * Photos and videos the care team shared with a client.  A care worker
 * with a real relation to the client — the client shares the plan with
 * them as care worker, or they are (staff of) the provider of an
 * appointment of the client (booked, last CORE_CARE_YEARS years or coming)
 * — shares one of their own uploads (processed, on no post, an image with
 * alt text) with the client.  It is private to the client and the sharer;
 * the client chooses per item whether their informal carers may see it.
 * The same rule decides for the file itself (core_care_media_sees, used by
 * core/media.c for /media/...), so no other door shows it: it is on no
 * post, so in no search, timeline, feed, count or export for others.
 */
/* Share: ERR_NOTFOUND no relation (or not the viewer's upload); ERR_INVAL
 * a caption over CARE_MEDIA_CAPTION_MAX, an image without alt text, not an
 * image or video; ERR_CONFLICT processing failed, on a post, an avatar, or
 * shared already. */
int core_care_media_share(struct core *c, uint64_t viewer, uint64_t client, uint64_t media_id, const char *caption,
                          uint64_t *id) WARN_UNUSED;
/* May viewer share with client (the relation above)?  0 yes, ERR_NOTFOUND no. */
int core_care_media_may_share(struct core *c, uint64_t viewer, uint64_t client) WARN_UNUSED;
/* client's items as viewer may see them: the client all, a carer those
 * marked for family, the sharer their own; else ERR_NOTFOUND. */
int core_care_media_list(struct core *c, struct arena *a, uint64_t viewer, uint64_t client, struct care_media **out,
                         size_t *n) WARN_UNUSED;
/* The client lets their informal carers see an item, or not. */
int core_care_media_family(struct core *c, uint64_t viewer, uint64_t id, bool family) WARN_UNUSED;
/* The client or the sharer removes an item (the upload is then unused). */
int core_care_media_remove(struct core *c, uint64_t viewer, uint64_t id) WARN_UNUSED;
/* May viewer see the media row media_id as a shared item?  *shared false
 * when it is not shared with anyone (other rules decide then). */
bool core_care_media_sees(struct core *c, uint64_t viewer, uint64_t media_id, bool *shared);

#endif
