/* The administrator's page for other servers: block (defederate) a host or
 * a domain, or connect it again.  The rule is core's (core_fed_block, the
 * same function as `kring fed block`); docs/federation.md. */
#include <string.h>

#include "base/err.h"
#include "base/text.h"
#include "core/federation.h"
#include "web/web_int.h"

static int fed_page(struct http_req *r, const char *error)
{
	const char **hosts;
	size_t n;
	int rc = core_fed_blocks(CORE(r), r->a, &hosts, &n);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Andere servers"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "host", hosts[i]);
		tv_push(l, x);
	}
	tv_set(m, "blocked", l);
	if (error) {
		tv_set_str(r->a, m, "error", error);
		const char *h = http_form(r, "host");
		if (h)
			tv_set_str(r->a, m, "host", h);
		r->status = 400;
	}
	return page_render(r, "admin_fed", m);
}

int h_admin_fed(struct http_req *r)
{
	return fed_page(r, NULL);
}

static int fed_set(struct http_req *r, bool block)
{
	const char *h = http_form(r, "host");
	char *host = h ? str_trim(arena_strdup(r->a, h)) : NULL;
	int rc = core_fed_block(CORE(r), host, block);
	if (rc == ERR_INVAL)
		return fed_page(r, _r(r, "Vul een servernaam in, zoals zorg.example of zorg.example:8443. Zonder https:// en zonder /."));
	if (rc)
		return rc;
	redirect_msg(r, "/admin/federatie", "saved");
	return 0;
}

int h_admin_fed_block(struct http_req *r)
{
	return fed_set(r, true);
}

int h_admin_fed_unblock(struct http_req *r)
{
	return fed_set(r, false);
}
