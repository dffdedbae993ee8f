/*
 * People elsewhere on the pages (issue 21, docs/federation.md "From the
 * pages"): the search page finds `@user@host` (or an actor's address) on
 * its own server, a remote account's profile says where it lives, and a
 * post's writer is told which `@user@host` names were not found.  The rules
 * are core's (core/fed_page.c); following is the profile's own form
 * (h_relation, core_follow).
 */
#include <string.h>

#include "base/err.h"
#include "base/text.h"
#include "core/fed_page.h"
#include "core/federation.h"
#include "web/web_int.h"

int fed_search_page(struct http_req *r, struct tval *m, const char *query)
{
	struct wreq *q = WREQ(r);
	struct account *acc;
	struct post *post;
	int rc = core_fed_search(CORE(r), r->a, q->viewer, query, &acc, &post);
	if (rc == ERR_INVAL)
		return rc; /* no name elsewhere: searched here as usual */
	if (rc == ERR_AUTH) {
		tv_set_str(r->a, m, "remote_login", _r(r, "Log in om iemand op een andere server te zoeken."));
		return ERR_INVAL;
	}
	tv_set_str(r->a, m, "q", query);
	if (rc == ERR_NOTFOUND || rc == ERR_RATE) {
		tv_set_str(r->a, m, "error", rc == ERR_RATE ? _r(r, "U hebt veel namen op andere servers gezocht. Wacht "
		                                                 "tien minuten en probeer het dan opnieuw.")
		                                            : _r(r, "Dit account is niet gevonden op die server. "
		                                                    "Controleer de naam, bijvoorbeeld @naam@server.nl."));
		int prc = page_render(r, "search", m);
		r->status = rc == ERR_RATE ? 429 : 404;
		return prc;
	}
	if (rc)
		return rc;
	tv_set_bool(r->a, m, "searched", true);
	if (post) {
		tv_set(m, "posts", posts_model(r, &post, 1));
		return page_render(r, "search", m);
	}
	struct relation rel;
	if ((rc = core_relation(CORE(r), q->viewer, acc->id, &rel)))
		return rc;
	struct tval *x = account_model(r, acc);
	tv_set_bool(r->a, x, "following", rel.following);
	tv_set_bool(r->a, x, "requested", rel.requested);
	tv_set_bool(r->a, x, "blocking", rel.blocking);
	tv_set(m, "remote", x);
	tv_set(m, "posts", tv_list(r->a));
	return page_render(r, "search", m);
}

void fed_profile_model(struct http_req *r, struct tval *m, const struct account *acc)
{
	const char *uri;
	if (!core_fed_is_remote(acc) || core_fed_account_uri(CORE(r), r->a, acc, &uri))
		return;
	const char *at = strchr(acc->username, '@');
	tv_set_str(r->a, m, "remote_host", at ? at + 1 : "");
	tv_set_str(r->a, m, "remote_uri", uri);
}

void fed_unfound_notice(struct http_req *r, struct tval *m, uint64_t post)
{
	const char *msg = http_query(r, "msg");
	const char **names;
	size_t n;
	if (!msg || strcmp(msg, "posted") || core_fed_unfound(CORE(r), r->a, WREQ(r)->viewer, post, &names, &n) || !n)
		return;
	struct buf b = BUF_INIT(256);
	for (size_t i = 0; i < n; i++)
		buf_nofail(buf_addf(&b, "%s@%s", i ? ", " : "", names[i]));
	tv_set_str(r->a, m, "notice",
	           arena_printf(r->a, "%s %s", _r(r, "Uw bericht is geplaatst. Deze namen zijn niet gevonden op hun "
	                                               "server, zij krijgen het niet:"),
	                        b.ptr));
	buf_release(&b);
}
