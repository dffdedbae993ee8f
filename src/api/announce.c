/* Announcements: GET /api/v1/announcements, dismissing and reacting.  What
 * is shown to whom, and which names are emoji, is core's (core/announce.c). */
#include "api/api_int.h"

#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/text.h"
#include "http/http.h"

/* The plain text as Mastodon's HTML: a paragraph per blank line, <br> per
 * line break. */
static const char *content_html(struct actx *x, const char *text)
{
	struct buf b = BUF_INIT(16384);
	buf_nofail(buf_adds(&b, "<p>"));
	for (const char *s = text; *s;) {
		size_t n = strcspn(s, "\n");
		size_t len = n && s[n - 1] == '\r' ? n - 1 : n;
		buf_nofail(html_escape(&b, s, len));
		s += n;
		if (!*s)
			break;
		s++;
		if (*s == '\n' || (*s == '\r' && s[1] == '\n')) {
			while (*s == '\n' || *s == '\r')
				s++;
			if (*s)
				buf_nofail(buf_adds(&b, "</p><p>"));
		} else if (*s)
			buf_nofail(buf_adds(&b, "<br>"));
	}
	buf_nofail(buf_adds(&b, "</p>"));
	const char *out = arena_strdup(x->a, b.ptr);
	buf_release(&b);
	return out;
}

/* Announcement, as Mastodon documents it (kring has no custom emoji, and
 * notices name no accounts or tags: those lists are empty; an
 * organisation's pinned post names itself in statuses). */
static void ent_announcement(struct actx *x, struct jw *j, const struct announcement *an)
{
	jw_obj(j);
	jw_kid(j, "id", an->id);
	/* a crisis: its page, as a link the app can follow */
	const char *text = an->link ? arena_printf(x->a, "%s\n\n%s%s", an->text, x->base, an->link) : an->text;
	jw_kstr(j, "content", content_html(x, text));
	jw_ktime(j, "starts_at", an->starts_at);
	jw_ktime(j, "ends_at", an->ends_at);
	jw_kbool(j, "all_day", an->all_day);
	jw_ktime(j, "published_at", an->published_at);
	jw_ktime(j, "updated_at", an->updated_at);
	jw_kbool(j, "read", an->read);
	jw_kempty(j, "mentions");
	jw_key(j, "statuses");
	jw_arr(j);
	if (an->post_id) {
		/* An organisation's pinned post: the app can open it. */
		jw_obj(j);
		jw_kid(j, "id", an->post_id);
		jw_kstr(j, "url", arena_printf(x->a, "%s/posts/%llu", x->base, (unsigned long long)an->post_id));
		jw_end(j);
	}
	jw_arr_end(j);
	jw_kempty(j, "tags");
	jw_kempty(j, "emojis");
	jw_key(j, "reactions");
	jw_arr(j);
	for (size_t i = 0; i < an->nreactions; i++) {
		jw_obj(j);
		jw_kstr(j, "name", an->reactions[i].name);
		jw_kint(j, "count", an->reactions[i].count);
		jw_kbool(j, "me", an->reactions[i].me);
		jw_knull(j, "url");
		jw_knull(j, "static_url");
		jw_end(j);
	}
	jw_arr_end(j);
	jw_end(j);
}

int a_ann_list(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct announcement *v;
	size_t n;
	if ((rc = core_ann_list(x.c, x.a, x.viewer, arg_bool(&x, "with_dismissed", false), &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_announcement(&x, &j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

int a_ann_dismiss(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_ann_dismiss(x.c, x.a, x.viewer, param_id(r, "id"))))
		return rc;
	return json_literal(&x, "{}");
}

static int react(struct http_req *r, bool on)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	const char *name = http_param(r, "name");
	rc = on ? core_ann_react(x.c, x.a, x.viewer, id, name) : core_ann_unreact(x.c, x.a, x.viewer, id, name);
	if (rc == ERR_INVAL)
		return api_fail(&x, 422,
		                "Validation failed: Name is not a recognized emoji (kring knows unicode emoji only)");
	if (rc == ERR_TOOBIG)
		return api_fail(&x, 422,
		                "Validation failed: you have reached the limit of 8 reactions on this announcement");
	if (rc)
		return rc;
	return json_literal(&x, "{}");
}

int a_ann_react(struct http_req *r)
{
	return react(r, true);
}

int a_ann_unreact(struct http_req *r)
{
	return react(r, false);
}
