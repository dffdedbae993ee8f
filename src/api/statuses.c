/* Statuses: post, read, edit, delete, thread, favourites, boosts, marks, polls. */
#include "api/api_int.h"

#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/id.h"
#include "base/text.h"

static int one_status(struct actx *x, struct post *p)
{
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_status(x, &j, p);
	return 0;
}

static int status_by_id(struct actx *x, uint64_t id)
{
	struct post *p;
	int rc = core_post_get(x->c, x->a, x->viewer, id, &p);
	if (rc)
		return rc;
	return one_status(x, p);
}

static int parse_visibility(const char *v, int *out)
{
	if (!v || !*v || !strcmp(v, "public") || !strcmp(v, "unlisted"))
		*out = VIS_PUBLIC;
	else if (!strcmp(v, "private"))
		*out = VIS_FOLLOWERS;
	else if (!strcmp(v, "direct"))
		*out = VIS_DIRECT;
	else
		return ERR_INVAL;
	return 0;
}

static int meta_from_args(struct actx *x, struct post_meta *m)
{
	const char *sp = arg(x, "spoiler_text"), *lang = arg(x, "language");
	if (sp && text_check(sp, strlen(sp), 500))
		return ERR_INVAL;
	if (lang && (strlen(lang) > 16 || !utf8_valid(lang, strlen(lang))))
		return ERR_INVAL;
	m->spoiler_text = sp ? sp : "";
	m->language = lang ? lang : "";
	m->sensitive = arg_bool(x, "sensitive", false) || (sp && *sp);
	m->app_id = x->tok.app_id;
	return 0;
}

/* Poll arguments; *n 0 if there is no poll. */
static int poll_args(struct actx *x, const char **opts, size_t *n, int64_t *expires, bool *multiple)
{
	*n = arg_all(x, "poll[options]", opts, STORE_POLL_MAX + 1);
	if (!*n)
		return 0;
	if (core_poll_options_check(opts, *n))
		return ERR_INVAL;
	uint64_t secs = 86400;
	const char *e = arg(x, "poll[expires_in]");
	if (e && (!parse_u64(e, &secs) || secs > INT64_MAX))
		return ERR_INVAL;
	if (core_poll_expiry((int64_t)secs, expires)) /* core's range */
		return ERR_INVAL;
	*multiple = arg_bool(x, "poll[multiple]", false);
	return 0;
}

/*
 * The privacy guard over the API: a `block` is refused, a `warn` is refused
 * unless the client sends privacy_confirm=true (after showing its user what
 * was found).  Either way 422 naming the finding types and, beside the text
 * itself, the field they are in, so an app can explain.  The same answer for
 * every text the guard reads (statuses, profile, media descriptions).
 */
int api_guard_fail(struct actx *x, int rc, const struct guard_result *g)
{
	struct buf types = BUF_INIT(1024);
	for (size_t p = 0; p < g->nparts; p++) {
		size_t mark = types.len;
		bool any = false;
		for (size_t i = 0; i < g->n; i++) {
			if (strcmp(core_guard_where(g, &g->v[i]), g->parts[p].what))
				continue;
			const char *t = scan_type_name(g->v[i].type);
			if (strstr(types.ptr + mark, t))
				continue;
			/* a summary in the message: past 1 KB the rest is left out */
			IGNORE_RESULT(buf_addf(&types, "%s%s", types.len == mark ? (mark ? "; " : "") : ", ", t));
			any = true;
		}
		/* Say where, unless it is all in the status text. */
		if (any && (g->nparts > 1 || strcmp(g->parts[p].what, "status")))
			IGNORE_RESULT(buf_addf(&types, " in %s", g->parts[p].what));
	}
	/* Faces in a photo or video are asked about like a finding. */
	if (g->faces)
		IGNORE_RESULT(buf_addf(&types, "%sfaces in image", types.len ? "; " : "")); /* a cut message still says why */
	const char *msg = arena_printf(x->a,
	                               rc == ERR_BLOCKED
	                                       ? "Validation failed: the privacy guard blocks this text (%s)"
	                                       : "Validation failed: the privacy guard found possible client data (%s);"
	                                         " send privacy_confirm=true to publish anyway",
	                               types.ptr);
	buf_release(&types);
	return api_fail(x, 422, msg);
}

static int fail_for(struct actx *x, int rc)
{
	if (rc == ERR_GUIDELINES)
		return api_fail(x, 422, "Validation failed: accept the organisation's guidelines on the website first");
	if (rc == ERR_INVAL)
		return api_fail(x, 422, "Validation failed: Text can't be blank or a value is invalid");
	if (rc == ERR_TOOBIG)
		return api_fail(x, 422, "Validation failed: Text character limit of 5000 exceeded");
	return rc;
}

int a_status_create(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *key = http_header(r, "Idempotency-Key");
	if (key && (strlen(key) > 200 || !*key))
		key = NULL;
	uint64_t id;
	const char *media[CORE_MEDIA_MAX_PER_POST + 1];
	size_t nmedia = arg_all(&x, "media_ids", media, CORE_MEDIA_MAX_PER_POST + 1);
	uint64_t media_ids[CORE_MEDIA_MAX_PER_POST + 1];
	if (nmedia > CORE_MEDIA_MAX_PER_POST)
		return api_fail(&x, 422, "Validation failed: at most 4 media attachments");
	for (size_t i = 0; i < nmedia; i++)
		if (!parse_u64(media[i], &media_ids[i]))
			return api_fail(&x, 422, "Validation failed: unknown media id");
	struct post_input in = {.author_id = x.viewer, .text = arg(&x, "status"), .media_ids = media_ids,
	                        .nmedia = nmedia};
	if (!in.text)
		return fail_for(&x, ERR_INVAL);
	const char *vis = arg(&x, "visibility");
	/* Without a choice, the account's default (core_default_visibility). */
	if (!vis || !*vis) {
		in.visibility = core_default_visibility(x.me);
		in.visibility_default = true;
	}
	else if (parse_visibility(vis, &in.visibility))
		return fail_for(&x, ERR_INVAL);
	const char *reply = arg(&x, "in_reply_to_id");
	if (reply && *reply && (!parse_u64(reply, &in.in_reply_to) || !in.in_reply_to))
		return ERR_NOTFOUND;
	struct post_meta meta;
	if (meta_from_args(&x, &meta))
		return fail_for(&x, ERR_INVAL);
	const char *opts[STORE_POLL_MAX + 1];
	size_t nopts;
	int64_t expires = 0;
	bool multiple = false;
	if (poll_args(&x, opts, &nopts, &expires, &multiple))
		return api_fail(&x, 422, "Validation failed: the poll needs 2 to 8 options and a valid duration");
	struct guard_result g;
	in.guard = &g;
	in.confirm = arg_bool(&x, "privacy_confirm", false);
	/* The content warning and the poll are part of the post: the guard reads them with its text. */
	in.meta = &meta;
	in.poll_options = opts;
	in.npoll = nopts;
	in.poll_expires_at = expires;
	in.poll_multiple = multiple;
	in.idem_key = key;
	in.local_only = arg_bool(&x, "local_only", false); /* glitch-soc's name: kept on this server */
	const char *sched = arg(&x, "scheduled_at");
	if (sched && *sched && in.local_only)
		return api_fail(&x, 422, "Validation failed: a local-only post cannot be scheduled yet");
	if (sched && *sched)
		return api_status_schedule(&x, &in);
	rc = core_post_create(x.c, x.a, x.viewer, &in, &id);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(&x, rc, &g);
	if (rc)
		return fail_for(&x, rc);
	return status_by_id(&x, id);
}

int a_status_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	return status_by_id(&x, param_id(r, "id"));
}

int a_status_edit(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	const char *text = arg(&x, "status");
	if (!text)
		return fail_for(&x, ERR_INVAL);
	struct post_meta meta;
	if (meta_from_args(&x, &meta))
		return fail_for(&x, ERR_INVAL);
	struct guard_result g;
	/* A new content warning is read by the guard with the new text (and stored by core). */
	bool new_meta = arg(&x, "spoiler_text") || arg(&x, "sensitive") || arg(&x, "language");
	rc = core_post_edit_meta(x.c, x.a, x.viewer, id, text, new_meta ? &meta : NULL,
	                         arg_bool(&x, "privacy_confirm", false), &g);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return api_guard_fail(&x, rc, &g);
	if (rc)
		return fail_for(&x, rc);
	return status_by_id(&x, id);
}

int a_status_delete(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	struct post *p;
	if ((rc = core_post_get(x.c, x.a, x.viewer, id, &p)))
		return rc;
	/* Render before deleting: the answer carries the text for "delete and redraft". */
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	ent_status_open(&x, &j, p);
	jw_kstr(&j, "text", p->text);
	jw_end(&j);
	/* core tells the streams (stream_delete, set in api_init). */
	return core_post_delete(x.c, x.viewer, id);
}

int a_status_source(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct post *p;
	struct post_meta meta;
	if ((rc = core_post_source(x.c, x.a, x.viewer, param_id(r, "id"), &p, &meta)))
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_kid(&j, "id", p->id);
	jw_kstr(&j, "text", p->text);
	jw_kstr(&j, "spoiler_text", meta.spoiler_text);
	jw_end(&j);
	return 0;
}

int a_status_context(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct post **v;
	size_t n, focus;
	if ((rc = core_thread(x.c, x.a, x.viewer, param_id(r, "id"), &v, &n, &focus)))
		return rc;
	uint64_t fid = v[focus]->id;
	/* Ancestors: the reply chain up from the focus; descendants: everything
	 * whose chain reaches it (the list is oldest first, so one pass). */
	bool *anc = calloc(n ? n : 1, 1), *desc = calloc(n ? n : 1, 1);
	uint64_t want = v[focus]->in_reply_to;
	for (size_t i = focus; want && i-- > 0;)
		if (v[i]->id == want) {
			anc[i] = true;
			want = v[i]->in_reply_to;
		}
	for (size_t i = focus + 1; i < n; i++) {
		if (v[i]->in_reply_to == fid) {
			desc[i] = true;
			continue;
		}
		for (size_t k = focus + 1; k < i; k++)
			if (desc[k] && v[k]->id == v[i]->in_reply_to) {
				desc[i] = true;
				break;
			}
	}
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_key(&j, "ancestors");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		if (anc[i])
			ent_status(&x, &j, v[i]);
	jw_arr_end(&j);
	jw_key(&j, "descendants");
	jw_arr(&j);
	for (size_t i = 0; i < n; i++)
		if (desc[i])
			ent_status(&x, &j, v[i]);
	jw_arr_end(&j);
	jw_end(&j);
	free(anc);
	free(desc);
	return 0;
}

int a_status_action(struct http_req *r)
{
	/* One route per action, each with its scope (api.c). */
	const char *action = path_last(r);
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	struct post *p;
	if ((rc = core_post_get(x.c, x.a, x.viewer, id, &p)))
		return rc;
	if (p->reblog_of)
		id = p->reblog_of; /* acting on a boost acts on what it boosts */
	bool on = strncmp(action, "un", 2) != 0;
	const char *verb = on ? action : action + 2;
	if (!strcmp(verb, "favourite")) {
		rc = core_fav(x.c, x.viewer, id, on);
	} else if (!strcmp(verb, "reblog")) {
		rc = core_boost(x.c, x.viewer, id, on);
		if (!rc && on) {
			uint64_t b = core_boost_of(x.c, x.viewer, id);
			if (b)
				return status_by_id(&x, b);
		}
	} else if (!strcmp(verb, "bookmark")) {
		rc = core_bookmark(x.c, x.a, x.viewer, id, on);
	} else if (!strcmp(verb, "pin")) {
		/* The rule is core_pin's: own posts (and one's organisation's, as
		 * for editing), not boosts, not direct messages. */
		rc = core_pin(x.c, x.a, x.viewer, param_id(r, "id"), on);
		if (rc == ERR_FORBIDDEN)
			return api_fail(&x, 422, "Validation failed: you can only pin your own posts");
		if (rc == ERR_INVAL)
			return api_fail(&x, 422, "Validation failed: direct posts cannot be pinned");
	}
	if (rc == ERR_INVAL || rc == ERR_FORBIDDEN)
		return api_fail(&x, 422, "Validation failed: this action is not possible on this post");
	if (rc)
		return rc;
	return status_by_id(&x, id);
}

int a_status_actors(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	struct post *p;
	if ((rc = core_post_get(x.c, x.a, x.viewer, id, &p)))
		return rc;
	struct account **v;
	size_t n;
	bool boosts = strstr(r->path, "/reblogged_by") != NULL;
	struct page pg;
	arg_page(&x, &pg, 80);
	uint64_t lim;
	if (!arg_id(&x, "limit", &lim))
		pg.limit = 40; /* Mastodon's default for lists of accounts */
	uint64_t older, newer;
	if ((rc = core_post_actors(x.c, x.a, x.viewer, id, boosts, &pg, &v, &n, &older, &newer)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_account(&x, &j, v[i]);
	jw_arr_end(&j);
	set_link(&x, older, newer);
	return 0;
}

static void edit_json(struct actx *x, struct jw *j, struct post *p, const char *text, int64_t at)
{
	jw_obj(j);
	jw_kstr(j, "content", core_render_text(x->c, x->a, text));
	jw_kstr(j, "spoiler_text", "");
	jw_kbool(j, "sensitive", false);
	jw_ktime(j, "created_at", at);
	jw_key(j, "account");
	ent_account(x, j, p->author);
	jw_kempty(j, "media_attachments");
	jw_kempty(j, "emojis");
	jw_end(j);
}

int a_status_history(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	struct post *p;
	if ((rc = core_post_get(x.c, x.a, x.viewer, id, &p)))
		return rc;
	struct post_edit *v;
	size_t n;
	if ((rc = core_post_history(x.c, x.a, x.viewer, id, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	/* Oldest first, the current text last (as Mastodon lists versions). */
	for (size_t i = n; i-- > 0;)
		edit_json(&x, &j, p, v[i].text, v[i].edited_at);
	edit_json(&x, &j, p, p->text, p->edited_at ? p->edited_at : p->created_at);
	jw_arr_end(&j);
	return 0;
}

static int poll_reply(struct actx *x, uint64_t id)
{
	struct poll *poll;
	int rc = core_poll_get(x->c, x->a, x->viewer, id, &poll);
	if (rc)
		return rc;
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_poll(x, &j, poll);
	return 0;
}

int a_poll_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	struct post *p;
	if ((rc = core_post_get(x.c, x.a, x.viewer, id, &p)))
		return rc;
	return poll_reply(&x, id);
}

int a_poll_vote(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t id = param_id(r, "id");
	const char *ch[STORE_POLL_MAX + 1];
	size_t n = arg_all(&x, "choices", ch, STORE_POLL_MAX + 1);
	int choices[STORE_POLL_MAX + 1];
	for (size_t i = 0; i < n; i++) {
		uint64_t c;
		choices[i] = parse_u64(ch[i], &c) && c < STORE_POLL_MAX ? (int)c : -1;
	}
	/* The rules (visible, open, valid choices, one vote) are core's. */
	rc = core_poll_vote(x.c, x.a, x.viewer, id, choices, n);
	if (rc == ERR_CONFLICT)
		return api_fail(&x, 422, "Validation failed: the poll has already ended");
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: choose one of the options");
	if (rc == ERR_EXISTS)
		return api_fail(&x, 422, "Validation failed: you have already voted on this poll");
	if (rc)
		return rc;
	return poll_reply(&x, id);
}

int a_statuses_many(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *v[40];
	size_t n = arg_all(&x, "id", v, 40);
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++) {
		uint64_t id;
		if (parse_u64(v[i], &id))
			ent_status_id(&x, &j, id);
	}
	jw_arr_end(&j);
	return 0;
}
