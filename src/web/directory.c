/* "Wie is er?": the directory of organisations, care professionals and groups. */
#include <string.h>

#include "base/err.h"
#include "web/web_int.h"

static enum directory_kind kind_from(const char *s)
{
	if (s && !strcmp(s, "organisaties"))
		return DIR_ORGS;
	if (s && !strcmp(s, "zorgverleners"))
		return DIR_PROFESSIONALS;
	if (s && !strcmp(s, "kringen"))
		return DIR_GROUPS;
	return DIR_ALL;
}

int h_directory(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	const char *qs = http_query(r, "q");
	const char *soort = http_query(r, "soort");
	enum directory_kind kind = kind_from(soort);
	struct tval *m = page_model(r, _r(r, "Wie is er?"));
	tv_set_str(r->a, m, "q", qs ? qs : "");
	tv_set_bool(r->a, m, "soort_orgs", kind == DIR_ORGS);
	tv_set_bool(r->a, m, "soort_professionals", kind == DIR_PROFESSIONALS);
	tv_set_bool(r->a, m, "soort_groups", kind == DIR_GROUPS);
	tv_set_int(r->a, m, "query_max", CORE_DIRECTORY_QUERY);
	struct directory d;
	int rc = core_directory(q->w->core, r->a, q->viewer, qs, kind, &d);
	if (rc == ERR_TOOBIG || rc == ERR_INVAL) {
		if (rc == ERR_INVAL)
			tv_set_str(r->a, m, "q", "");
		tv_set_str(r->a, m, "error", rc == ERR_TOOBIG ? _r(r, "Uw zoekvraag is te lang. Gebruik minder woorden.")
		                                              : _r(r, "In uw zoekvraag staan tekens die wij niet kunnen lezen. Typ hem opnieuw."));
		rc = page_render(r, "directory", m);
		r->status = 400;
		return rc;
	}
	if (rc)
		return rc;
	struct tval *accs = tv_list(r->a);
	for (size_t i = 0; i < d.naccounts; i++) {
		struct tval *x = account_model(r, d.accounts[i]);
		bool org = d.accounts[i]->kind == ACCOUNT_ORG;
		tv_set_str(r->a, x, "what", org ? _r(r, "Zorgorganisatie") : _r(r, "Zorgverlener"));
		tv_push(accs, x);
	}
	struct tval *groups = tv_list(r->a);
	for (size_t i = 0; i < d.ngroups; i++)
		tv_push(groups, group_model(r, d.groups[i]));
	tv_set(m, "accounts", accs);
	tv_set(m, "groups", groups);
	tv_set_bool(r->a, m, "show_accounts", kind != DIR_GROUPS);
	tv_set_bool(r->a, m, "show_groups", kind == DIR_ALL || kind == DIR_GROUPS);
	tv_set_bool(r->a, m, "has_accounts", d.naccounts > 0);
	tv_set_bool(r->a, m, "has_groups", d.ngroups > 0);
	bool searched = (qs && *qs) || (soort && *soort);
	tv_set_bool(r->a, m, "searched", searched);
	tv_set_int(r->a, m, "found", (int64_t)(d.naccounts + d.ngroups));
	return page_render(r, "directory", m);
}
