#ifndef STORE_STORE_CAMPAIGN_H
#define STORE_STORE_CAMPAIGN_H

/* Campaigns (issue 20, campaign.c). */

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

int store_campaign_insert(struct store *s, const struct campaign *cp) WARN_UNUSED;
/* ERR_NOTFOUND when there is none. */
int store_campaign_get(struct store *s, struct arena *a, uint64_t id, struct campaign **out) WARN_UNUSED;
/* The campaigns of orgs[0..norg), newest first, at most max. */
int store_campaigns(struct store *s, struct arena *a, const uint64_t *orgs, size_t norg, size_t max,
                    struct campaign **out, size_t *n) WARN_UNUSED;
/* Ids of org's own posts (not boosts, not deleted, not private messages)
 * written in [from, to), oldest first, at most max (*more: there were more). */
int store_campaign_post_ids(struct store *s, struct arena *a, uint64_t org, int64_t from, int64_t to, size_t max,
                            uint64_t **out, size_t *n, bool *more) WARN_UNUSED;
/* Which of ids[0..n) are vacancies: out[i]. */
int store_vacancy_flags(struct store *s, const uint64_t *ids, size_t n, bool *out) WARN_UNUSED;

#endif
