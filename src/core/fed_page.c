/*
 * People elsewhere from the pages and from what is written (issue 21,
 * docs/federation.md "From the pages"): the search page's `@user@host` or
 * actor address, and the `@user@host` names of a post being written, are
 * looked up on their own server (core_fed_resolve: WebFinger, the actor
 * fetched and kept as an account here).  The rules stay where they are:
 * following goes through core_follow / core_fed_follow_account, and where a
 * direct message may go through core_fed_reach.
 */
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "core/core_int.h"
#include "core/fed_int.h"
#include "core/fed_page.h"
#include "store/store.h"

_Thread_local int64_t fed_deadline_ms;

/* "user@host" (an @ before it allowed), one word, both parts there. */
static bool handle_form(const char *q)
{
	if (*q == '@')
		q++;
	const char *at = strchr(q, '@');
	return at && at > q && at[1] && !strchr(at + 1, '@') && !strpbrk(q, " \t\r\n/?#\\") && strlen(q) <= 300;
}

/* A name of this server itself ("alice@our.host") is no one elsewhere. */
static bool ours(const char *name)
{
	const char *at = strchr(name, '@');
	return at && !strcasecmp(at + 1, core_fed_host());
}

int core_fed_search(struct core *c, struct arena *a, uint64_t viewer, const char *q, struct account **acc,
                    struct post **post)
{
	*acc = NULL;
	*post = NULL;
	while (q && *q == ' ')
		q++;
	bool url = q && (!strncmp(q, "https://", 8) || !strncmp(q, "http://", 7)) && !strpbrk(q, " \t\r\n");
	if (!q || (!url && !handle_form(q)) || (!url && ours(q + (*q == '@'))))
		return ERR_INVAL;
	if (!viewer)
		return ERR_AUTH;
	/* Known here already: no fetch. */
	if (!url && !core_fed_lookup(c, a, q, acc))
		return 0;
	int rc = core_fed_resolve(c, a, viewer, q, acc, post);
	return rc == ERR_RATE ? rc : rc || (!*acc && !*post) ? ERR_NOTFOUND : 0;
}

void core_fed_mentions_find(struct core *c, struct arena *a, uint64_t viewer, const char *const *names, size_t n)
{
	struct account *me, *x;
	/* Only a person here writing: a remote member's Note (fed_group.c)
	 * must not make this server look anyone up. */
	if (!viewer || store_account_get(c->store, a, viewer, &me) || core_fed_is_remote(me))
		return;
	int tried = 0;
	int64_t start = time_ms();
	for (size_t i = 0; i < n && tried < FED_MENTION_LOOKUPS; i++) {
		if (!strchr(names[i], '@') || ours(names[i]) || !store_account_by_name(c->store, a, names[i], &x))
			continue;
		if (time_ms() - start >= FED_MENTION_WAIT_MS)
			break;
		tried++;
		struct post *p;
		fed_deadline_ms = start + FED_MENTION_WAIT_MS;
		int rc = core_fed_resolve(c, a, viewer, names[i], &x, &p);
		fed_deadline_ms = 0;
		if (rc)
			log_info("mention @%s not found elsewhere: %s", names[i], err_str(rc));
	}
}

int core_fed_unfound(struct core *c, struct arena *a, uint64_t viewer, uint64_t post, const char ***names, size_t *n)
{
	*names = NULL;
	*n = 0;
	struct post *p;
	int rc = core_post_get(c, a, viewer, post, &p);
	if (rc || (p->author_id != viewer && p->writer_id != viewer) || !p->text)
		return rc;
	const char **v = arena_alloc(a, CORE_MAX_MENTIONS * sizeof *v);
	size_t nv = text_mentions(a, p->text, v, CORE_MAX_MENTIONS);
	struct account *x;
	for (size_t i = 0; i < nv; i++)
		if (strchr(v[i], '@') && !ours(v[i]) && store_account_by_name(c->store, a, v[i], &x))
			v[(*n)++] = v[i];
	*names = v;
	return 0;
}
