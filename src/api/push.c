/*
 * /api/v1/push/subscription: Mastodon's Web Push subscription, one per
 * access token (the rules and the delivery are core/push.c's).
 */
#include "api/api_int.h"

#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "core/push.h"

static void ent_push(struct jw *j, const struct push_sub *s)
{
	jw_obj(j);
	jw_kid(j, "id", s->id);
	jw_kstr(j, "endpoint", s->endpoint);
	jw_kbool(j, "standard", s->standard);
	jw_key(j, "alerts");
	jw_obj(j);
	for (int i = 0; i < PUSH_NALERTS; i++)
		jw_kbool(j, core_push_alert_names[i], (s->alerts >> i) & 1);
	jw_end(j);
	jw_kstr(j, "policy", core_push_policy_name(s->policy));
	jw_kstr(j, "server_key", core_push_server_key());
	jw_end(j);
}

static int answer(struct actx *x, const struct push_sub *s)
{
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_push(&j, s);
	return 0;
}

/* data[alerts][...] and data[policy], as Mastodon reads them: an alert not
 * sent is off, the policy defaults to all. */
static int read_data(struct actx *x, int *alerts, int *policy)
{
	*alerts = 0;
	for (int i = 0; i < PUSH_NALERTS; i++) {
		char name[64];
		snprintf(name, sizeof name, "data[alerts][%s]", core_push_alert_names[i]);
		if (arg_bool(x, name, false))
			*alerts |= 1 << i;
	}
	const char *p = arg(x, "data[policy]");
	if (!p)
		p = arg(x, "policy"); /* Mastodon.py sends it without data[] */
	*policy = PUSH_POLICY_ALL;
	if (p && core_push_policy_parse(p, policy))
		return api_fail(x, 422, "data[policy] must be all, followed, follower or none") + 1;
	return 0;
}

int a_push_create(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct push_input in = {
	        .endpoint = arg(&x, "subscription[endpoint]"),
	        .p256dh = arg(&x, "subscription[keys][p256dh]"),
	        .auth = arg(&x, "subscription[keys][auth]"),
	        .standard = arg_bool(&x, "subscription[standard]", false),
	};
	if (read_data(&x, &in.alerts, &in.policy))
		return 0;
	struct push_sub *s;
	const char *why;
	rc = core_push_subscribe(x.c, x.a, x.viewer, x.tok.id, api_bearer(&x), &in, &s, &why);
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, why ? why : "invalid subscription");
	if (rc)
		return rc;
	return answer(&x, s);
}

int a_push_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct push_sub *s;
	rc = core_push_get(x.c, x.a, x.viewer, x.tok.id, &s);
	if (rc == ERR_NOTFOUND)
		return api_fail(&x, 404, "Record not found");
	if (rc)
		return rc;
	return answer(&x, s);
}

int a_push_update(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	int alerts, policy;
	if (read_data(&x, &alerts, &policy))
		return 0;
	struct push_sub *s;
	rc = core_push_update(x.c, x.a, x.viewer, x.tok.id, alerts, policy, &s);
	if (rc == ERR_NOTFOUND)
		return api_fail(&x, 404, "Record not found");
	if (rc)
		return rc;
	return answer(&x, s);
}

int a_push_delete(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_push_unsubscribe(x.c, x.viewer, x.tok.id)))
		return rc;
	return json_literal(&x, "{}");
}
