/* Scheduled statuses: POST /api/v1/statuses with scheduled_at, and
 * /api/v1/scheduled_statuses.  The rules (how far ahead, what is checked
 * now and at publishing) are core's (core/scheduled.c). */
#include "api/api_int.h"

#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/text.h"
#include "http/http.h"

static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* ISO 8601 as apps send it: 2026-12-02T10:00[:00[.000…]](Z|±HH[:]MM), or
 * no zone (UTC).  Bounded: at most 64 bytes. */
bool api_parse_time(const char *s, int64_t *out)
{
	size_t len = s ? strlen(s) : 0;
	if (len < 16 || len > 64)
		return false;
	struct tm tm = {0};
	int y, mo, d, h, mi, sec = 0;
	if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' || !digits(s + 8, 2, &d) ||
	    (s[10] != 'T' && s[10] != ' ') || !digits(s + 11, 2, &h) || s[13] != ':' || !digits(s + 14, 2, &mi))
		return false;
	const char *p = s + 16;
	if (*p == ':') {
		if (!digits(p + 1, 2, &sec))
			return false;
		p += 3;
		if (*p == '.' || *p == ',') {
			p++;
			if (*p < '0' || *p > '9')
				return false;
			while (*p >= '0' && *p <= '9')
				p++;
		}
	}
	int off = 0;
	if (*p == 'Z' || *p == 'z')
		p++;
	else if (*p == '+' || *p == '-') {
		int oh, om;
		int sign = *p == '-' ? -1 : 1;
		if (!digits(p + 1, 2, &oh))
			return false;
		p += 3;
		if (*p == ':')
			p++;
		if (!digits(p, 2, &om))
			return false;
		p += 2;
		if (oh > 23 || om > 59)
			return false;
		off = sign * (oh * 3600 + om * 60);
	}
	if (*p || y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
		return false;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	time_t t = timegm(&tm);
	if (t == (time_t)-1)
		return false;
	*out = (int64_t)t - off;
	return true;
}

static const char *vis_name(int v)
{
	return v == VIS_DIRECT ? "direct" : v == VIS_FOLLOWERS ? "private" : "public";
}

/* ScheduledStatus, as Mastodon writes it (kring_state / kring_error: a post
 * that could not be published at its time, and why). */
static void ent_scheduled(struct actx *x, struct jw *j, const struct sched_post *p)
{
	jw_obj(j);
	jw_kid(j, "id", p->id);
	jw_ktime(j, "scheduled_at", p->scheduled_at);
	jw_key(j, "params");
	jw_obj(j);
	jw_kstr(j, "text", p->text);
	if (*p->poll_options) {
		jw_key(j, "poll");
		jw_obj(j);
		jw_key(j, "options");
		jw_arr(j);
		const char *s = p->poll_options;
		for (;;) {
			const char *nl = strchr(s, '\n');
			jw_str(j, nl ? arena_strndup(x->a, s, (size_t)(nl - s)) : s);
			if (!nl)
				break;
			s = nl + 1;
		}
		jw_arr_end(j);
		jw_kstr(j, "expires_in", arena_printf(x->a, "%lld", (long long)p->poll_expires_in));
		jw_kbool(j, "multiple", p->poll_multiple);
		jw_kbool(j, "hide_totals", false);
		jw_end(j);
	} else
		jw_knull(j, "poll");
	jw_knull(j, "media_ids");
	jw_kbool(j, "sensitive", p->sensitive);
	jw_kstr(j, "spoiler_text", *p->spoiler_text ? p->spoiler_text : NULL);
	jw_kstr(j, "visibility", vis_name(p->visibility));
	jw_kid(j, "in_reply_to_id", p->in_reply_to);
	jw_kstr(j, "language", *p->language ? p->language : NULL);
	jw_knull(j, "application_id");
	jw_knull(j, "scheduled_at");
	jw_knull(j, "idempotency");
	jw_kbool(j, "with_rate_limit", false);
	jw_end(j);
	jw_kempty(j, "media_attachments");
	jw_kstr(j, "kring_state", p->state == SCHED_FAILED ? "failed" : "scheduled");
	if (p->state == SCHED_FAILED)
		jw_kstr(j, "kring_error", p->error);
	jw_end(j);
}

int api_status_schedule(struct actx *x, struct post_input *in)
{
	int64_t at;
	if (!api_parse_time(arg(x, "scheduled_at"), &at))
		return api_fail(x, 422, "Validation failed: scheduled_at is not a valid date and time");
	if (in->nmedia)
		return api_fail(x, 422, "Validation failed: kring does not schedule posts with media yet");
	uint64_t secs = 86400;
	const char *e = arg(x, "poll[expires_in]");
	if (e && !parse_u64(e, &secs))
		return api_fail(x, 422, "Validation failed: the poll needs a valid duration");
	bool why_time;
	struct sched_post p;
	int rc = core_sched_create(x->c, x->a, x->viewer, in, (int64_t)secs, at, &why_time, &p);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(x, rc, in->guard);
	if (rc == ERR_INVAL && why_time)
		return api_fail(x, 422, "Validation failed: scheduled_at must be at least 5 minutes in the future");
	if (rc == ERR_INVAL)
		return api_fail(x, 422, "Validation failed: Text can't be blank or a value is invalid");
	if (rc == ERR_TOOBIG)
		return api_fail(x, 422, "Validation failed: you have reached the limit of 300 scheduled posts");
	if (rc)
		return rc;
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_scheduled(x, &j, &p);
	return 0;
}

int a_sched_list(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct page pg;
	arg_page(&x, &pg, CORE_PAGE_MAX);
	struct sched_post *v;
	size_t n;
	if ((rc = core_sched_list(x.c, x.a, x.viewer, &pg, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_scheduled(&x, &j, &v[i]);
	jw_arr_end(&j);
	set_link(&x, n ? v[n - 1].id : 0, n ? v[0].id : 0);
	return 0;
}

int a_sched_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct sched_post p;
	if ((rc = core_sched_get(x.c, x.a, x.viewer, param_id(r, "id"), &p)))
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	ent_scheduled(&x, &j, &p);
	return 0;
}

int a_sched_update(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	int64_t at;
	if (!api_parse_time(arg(&x, "scheduled_at"), &at))
		return api_fail(&x, 422, "Validation failed: scheduled_at is not a valid date and time");
	struct sched_post p;
	rc = core_sched_move(x.c, x.a, x.viewer, param_id(r, "id"), at, &p);
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: scheduled_at must be at least 5 minutes in the future");
	if (rc)
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	ent_scheduled(&x, &j, &p);
	return 0;
}

int a_sched_delete(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_sched_delete(x.c, x.viewer, param_id(r, "id"))))
		return rc;
	return json_literal(&x, "{}");
}
