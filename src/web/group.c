/*
 * Pages for groups (kringen), invitations with QR codes, the moderation
 * queue, reports and the moderators' page, conversations (direct messages)
 * and organisations' guidelines.  Every decision is core's; these handlers
 * only read forms and render.
 */
#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "base/bizhours.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/federation.h"
#include "core/reach.h"
#include "web/web_int.h"

static const char *kind_label(struct http_req *r, int kind)
{
	static const char *k[] = {N_("open"), N_("besloten"), N_("geheim")};
	return _r(r, k[kind >= 0 && kind <= 2 ? kind : 0]);
}

struct tval *group_model(struct http_req *r, const struct group *g)
{
	struct tval *m = tv_obj(r->a);
	tv_set_str(r->a, m, "name", g->name);
	tv_set_str(r->a, m, "display_name", g->display_name);
	tv_set_str(r->a, m, "description", g->description);
	tv_set_str(r->a, m, "rules", g->rules);
	tv_set_strf(r->a, m, "url", "/g/%s", g->name);
	tv_set_str(r->a, m, "kind", kind_label(r, g->kind));
	tv_set_bool(r->a, m, "kind_open", g->kind == GROUP_OPEN);
	tv_set_bool(r->a, m, "kind_closed", g->kind == GROUP_CLOSED);
	tv_set_bool(r->a, m, "kind_secret", g->kind == GROUP_SECRET);
	tv_set_bool(r->a, m, "premod_none", g->premod == PREMOD_NONE);
	tv_set_bool(r->a, m, "premod_new", g->premod == PREMOD_NEW);
	tv_set_bool(r->a, m, "premod_all", g->premod == PREMOD_ALL);
	bool member = g->v_state == GSTATE_MEMBER;
	tv_set_bool(r->a, m, "member", member);
	tv_set_bool(r->a, m, "requested", g->v_state == GSTATE_REQUESTED);
	tv_set_bool(r->a, m, "invited", g->v_state == GSTATE_INVITED);
	tv_set_bool(r->a, m, "banned", g->v_state == GSTATE_BANNED);
	tv_set_bool(r->a, m, "moderator", member && g->v_role >= GROLE_MODERATOR);
	tv_set_bool(r->a, m, "owner", member && g->v_role == GROLE_OWNER);
	tv_set_bool(r->a, m, "muted", g->v_muted);
	const char *pic = core_media_image_file(CORE(r), r->a, g->picture_id, 320);
	if (pic)
		tv_set_strf(r->a, m, "picture", "/media/%s", pic);
	/* How many are in a closed or secret group is for members to know. */
	if (core_group_members_shown(g)) {
		tv_set_int(r->a, m, "members", g->members);
		tv_set_bool(r->a, m, "members_one", g->members == 1);
	}
	return m;
}

static int load_group(struct http_req *r, struct group **g)
{
	return core_group_get(CORE(r), r->a, WREQ(r)->viewer, http_param(r, "name"), g);
}

int h_groups(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct group **v;
	size_t n;
	int rc = core_groups(q->w->core, r->a, q->viewer, &v, &n);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Kringen"));
	struct tval *mine = tv_list(r->a), *other = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(v[i]->v_state == GSTATE_MEMBER ? mine : other, group_model(r, v[i]));
	tv_set(m, "mine", mine);
	tv_set(m, "other", other);
	tv_set_bool(r->a, m, "has_mine", tv_len(mine) > 0);
	tv_set_bool(r->a, m, "has_other", tv_len(other) > 0);
	return page_render(r, "groups", m);
}

static int group_kind_from(const char *s)
{
	if (!s || !strcmp(s, "open"))
		return GROUP_OPEN;
	if (!strcmp(s, "closed"))
		return GROUP_CLOSED;
	if (!strcmp(s, "secret"))
		return GROUP_SECRET;
	return -1;
}

static int premod_from(const char *s)
{
	if (!s || !strcmp(s, "none"))
		return PREMOD_NONE;
	if (!strcmp(s, "new"))
		return PREMOD_NEW;
	if (!strcmp(s, "all"))
		return PREMOD_ALL;
	return -1;
}

/*
 * The privacy guard found something in a group's texts: the same fields
 * again to change, what was found, and (unless blocked) "Toch opslaan".
 * Other fields of the form ride along unchanged.
 */
static int group_guard_page(struct http_req *r, const char *action, const char *back, const struct group *g,
                            const struct guard_result *res)
{
	struct tval *m = page_model(r, _r(r, "Controleer de tekst"));
	guard_model(r, m, "", res);
	tv_set_str(r->a, m, "action", action);
	tv_set_str(r->a, m, "back", back);
	static const struct {
		const char *name, *label;
		int max;
		bool multiline;
	} fields[] = {
		{"display_name", N_("Naam van de kring"), CORE_DISPLAY_MAX, false},
		{"description", N_("Waar gaat de kring over?"), CORE_GROUP_DESC_MAX, true},
		{"rules", N_("Huisregels"), CORE_GROUP_RULES_MAX, true},
	};
	const char *values[] = {g->display_name, g->description, g->rules};
	struct tval *list = tv_list(r->a);
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", fields[i].name);
		tv_set_str(r->a, x, "label", _r(r, fields[i].label));
		tv_set_str(r->a, x, "value", values[i] ? values[i] : "");
		tv_set_int(r->a, x, "max", fields[i].max);
		tv_set_bool(r->a, x, "multiline", fields[i].multiline);
		tv_push(list, x);
	}
	tv_set(m, "fields", list);
	static const char *keep[] = {"name", "kind", "premod"};
	struct tval *hidden = tv_list(r->a);
	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		const char *v = http_form(r, keep[i]);
		if (!v)
			continue;
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", keep[i]);
		tv_set_str(r->a, x, "value", v);
		tv_push(hidden, x);
	}
	tv_set(m, "hidden", hidden);
	int rc = page_render(r, "guard_form", m);
	r->status = 422;
	return rc;
}

static bool form_confirmed(struct http_req *r)
{
	const char *v = http_form(r, "confirm");
	return v && !strcmp(v, "1");
}

int h_group_create(struct http_req *r)
{
	int rc;
	struct group g = {
		.name = http_form(r, "name"),
		.display_name = http_form(r, "display_name"),
		.description = http_form(r, "description") ? http_form(r, "description") : "",
		.rules = http_form(r, "rules") ? http_form(r, "rules") : "",
		.kind = group_kind_from(http_form(r, "kind")),
		.premod = premod_from(http_form(r, "premod")),
	};
	if (g.display_name)
		g.display_name = str_trim(arena_strdup(r->a, g.display_name));
	uint64_t id;
	struct guard_result res;
	struct guard_ask ask = {.confirm = form_confirmed(r), .a = r->a, .result = &res};
	rc = core_group_create(CORE(r), WREQ(r)->viewer, &g, &ask, &id);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return group_guard_page(r, "/groups", "/groups", &g, &res);
	if (rc == ERR_INVAL || rc == ERR_EXISTS || rc == ERR_RATE) {
		struct tval *m = page_model(r, _r(r, "Kringen"));
		tv_set_str(r->a, m, "error",
		           rc == ERR_EXISTS ? _r(r, "Deze naam is niet beschikbaar. Kies een andere naam.")
		           : rc == ERR_RATE ? _r(r, "U heeft vandaag al vaak geprobeerd een kring te maken. Probeer het morgen opnieuw.")
		                            : _r(r, "Vul een korte naam in (2 tot 30 tekens: kleine letters, cijfers of _) en een naam voor de kring."));
		tv_set(m, "mine", tv_list(r->a));
		tv_set(m, "other", tv_list(r->a));
		page_render(r, "groups", m);
		r->status = rc == ERR_EXISTS ? 409 : rc == ERR_RATE ? 429 : 400;
		if (rc == ERR_RATE)
			http_set_header(r, "Retry-After", "86400");
		return 0;
	}
	if (rc)
		return rc;
	char *name = arena_strdup(r->a, g.name);
	str_lower(name);
	redirect_msg(r, arena_printf(r->a, "/g/%s", name), "group_created");
	return 0;
}

int h_group(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct group *g;
	int rc = load_group(r, &g);
	if (rc)
		return rc;
	struct tval *m = page_model(r, g->display_name);
	struct tval *gm = group_model(r, g);
	tv_set(m, "group", gm);
	if (core_group_readable(g->kind, g->v_state == GSTATE_MEMBER ? g->v_role : -1, q->viewer)) {
		struct page pg;
		page_from_query(r, &pg);
		struct post **v;
		size_t n;
		uint64_t older;
		if ((rc = core_group_timeline(q->w->core, r->a, q->viewer, g->id, &pg, &v, &n, &older)))
			return rc;
		tv_set(m, "posts", posts_model(r, v, n));
		tv_set_bool(r->a, m, "readable", true);
		tv_set_bool(r->a, m, "empty", n == 0);
		pager_model(r, m, arena_printf(r->a, "/g/%s", g->name), older, 0);
	}
	if (g->v_state == GSTATE_MEMBER) {
		struct tval *c = tv_obj(r->a);
		tv_set_strf(r->a, c, "group_id", "%llu", (unsigned long long)g->id);
		tv_set_int(r->a, c, "max", CORE_POST_MAX_CHARS);
		tv_set_bool(r->a, c, "premod", g->premod != PREMOD_NONE && g->v_role < GROLE_MODERATOR);
		draft_model(r, c);
		tv_set(m, "group_compose", c);
	}
	return page_render(r, "group", m);
}

int h_group_action(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	struct group *g;
	if ((rc = load_group(r, &g)))
		return rc;
	const char *act = http_param(r, "action");
	const char *back = arena_printf(r->a, "/g/%s", g->name);
	int state = 0;
	const char *msg = "saved";
	if (!strcmp(act, "join")) {
		rc = core_group_join(q->w->core, r->a, q->viewer, g->id, http_form(r, "message"), &state);
		msg = state == GSTATE_REQUESTED ? "requested_group" : "joined";
	} else if (!strcmp(act, "leave")) {
		rc = core_group_leave(q->w->core, q->viewer, g->id);
		back = "/groups";
	} else if (!strcmp(act, "mute") || !strcmp(act, "unmute")) {
		rc = core_group_mute(q->w->core, q->viewer, g->id, act[0] == 'm');
	} else if (!strcmp(act, "invite")) {
		struct account *acc;
		const char *who = http_form(r, "person");
		if (!who || core_account_by_name(q->w->core, r->a, who[0] == '@' ? who + 1 : who, &acc))
			return ERR_NOTFOUND;
		rc = core_group_invite(q->w->core, q->viewer, g->id, acc->id);
		back = arena_printf(r->a, "/g/%s/members", g->name);
	} else if (!strcmp(act, "settings")) {
		struct group up = *g;
		up.display_name = http_form(r, "display_name");
		up.description = http_form(r, "description");
		up.rules = http_form(r, "rules");
		up.kind = group_kind_from(http_form(r, "kind"));
		up.premod = premod_from(http_form(r, "premod"));
		if (!up.display_name || !up.description || !up.rules)
			return ERR_INVAL;
		struct guard_result res;
		struct guard_ask ask = {.confirm = form_confirmed(r), .a = r->a, .result = &res};
		rc = core_group_update(q->w->core, q->viewer, &up, &ask);
		if (rc == ERR_GUARD || rc == ERR_BLOCKED)
			return group_guard_page(r, arena_printf(r->a, "/g/%s/settings", g->name),
			                        arena_printf(r->a, "/g/%s/members", g->name), &up, &res);
		/* A new picture goes through the same checks as any upload. */
		for (int i = 0; !rc && i < r->nfiles; i++) {
			if (strcmp(r->files[i].name, "picture") || !r->files[i].len)
				continue;
			uint64_t mid;
			enum media_refusal why;
			rc = core_media_upload(q->w->core, q->viewer, r->files[i].data, r->files[i].len, g->display_name, &mid,
			                       &why);
			if (!rc)
				rc = core_group_picture_set(q->w->core, q->viewer, g->id, mid);
		}
	} else {
		return ERR_NOTFOUND;
	}
	if (rc)
		return rc;
	redirect_msg(r, back, msg);
	return 0;
}

int h_group_members(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct group *g;
	int rc = load_group(r, &g);
	if (rc)
		return rc;
	bool mod = g->v_state == GSTATE_MEMBER && g->v_role >= GROLE_MODERATOR;
	struct group_member *v;
	size_t n;
	if ((rc = core_group_members(q->w->core, r->a, q->viewer, g->id, mod ? -1 : GSTATE_MEMBER, &v, &n)))
		return rc;
	struct tval *m = page_model(r, arena_printf(r->a, "%s: %s", _r(r, "Leden"), g->display_name));
	tv_set(m, "group", group_model(r, g));
	struct tval *members = tv_list(r->a), *requests = tv_list(r->a), *other = tv_list(r->a);
	static const char *roles[] = {N_("lid"), N_("moderator"), N_("eigenaar")};
	static const char *states[] = {N_("lid"), N_("wil lid worden"), N_("uitgenodigd"), N_("geweerd")};
	for (size_t i = 0; i < n; i++) {
		/* A suspended account is gone from lists too (core_account_hidden). */
		if (core_account_hidden(q->w->core, q->viewer, v[i].account))
			continue;
		struct tval *x = account_model(r, v[i].account);
		tv_set_str(r->a, x, "group_role", _r(r, roles[v[i].role >= 0 && v[i].role <= 2 ? v[i].role : 0]));
		tv_set_str(r->a, x, "group_state", _r(r, states[v[i].state >= 0 && v[i].state <= 3 ? v[i].state : 0]));
		tv_set_str(r->a, x, "message", v[i].message);
		tv_set_bool(r->a, x, "is_mod", v[i].role == GROLE_MODERATOR);
		tv_set_bool(r->a, x, "is_owner", v[i].role == GROLE_OWNER);
		tv_set_bool(r->a, x, "is_banned", v[i].state == GSTATE_BANNED);
		tv_set_bool(r->a, x, "can_manage", mod && v[i].role != GROLE_OWNER && v[i].account->id != q->viewer &&
		                                       (v[i].role < GROLE_MODERATOR || g->v_role == GROLE_OWNER));
		tv_set_bool(r->a, x, "can_appoint", g->v_role == GROLE_OWNER && v[i].role != GROLE_OWNER &&
		                                        v[i].state == GSTATE_MEMBER);
		tv_set_strf(r->a, x, "manage_url", "/g/%s/members/%s", g->name, v[i].account->username);
		tv_push(v[i].state == GSTATE_MEMBER ? members : v[i].state == GSTATE_REQUESTED ? requests : other, x);
	}
	tv_set(m, "members", members);
	if (tv_len(requests))
		tv_set(m, "requests", requests);
	if (tv_len(other))
		tv_set(m, "others", other);
	tv_set_bool(r->a, m, "moderator", mod);
	const char *link = http_query(r, "link");
	(void)link;
	return page_render(r, "group_members", m);
}

int h_group_member_action(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	struct group *g;
	struct account *acc;
	if ((rc = load_group(r, &g)))
		return rc;
	if ((rc = core_account_by_name(q->w->core, r->a, http_param(r, "user"), &acc)))
		return rc;
	const char *act = http_param(r, "action");
	if (!strcmp(act, "accept") || !strcmp(act, "reject"))
		rc = core_group_answer(q->w->core, q->viewer, g->id, acc->id, act[0] == 'a');
	else if (!strcmp(act, "remove") || !strcmp(act, "ban"))
		rc = core_group_remove(q->w->core, q->viewer, g->id, acc->id, act[0] == 'b');
	else if (!strcmp(act, "unban"))
		rc = core_group_unban(q->w->core, q->viewer, g->id, acc->id);
	else if (!strcmp(act, "moderator") || !strcmp(act, "member"))
		rc = core_group_set_role(q->w->core, q->viewer, g->id, acc->id,
		                         act[1] == 'o' ? GROLE_MODERATOR : GROLE_MEMBER);
	else
		return ERR_NOTFOUND;
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/g/%s/members", g->name), "saved");
	return 0;
}

/* A QR code as inline SVG: squares on a white field with a quiet zone. */
static char *qr_svg(struct arena *a, const char *text)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr)
		return NULL;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	int w = qr->width, size = w + 8;
	buf_nofail(buf_addf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
	                        " role=\"img\" aria-label=\"QR-code\" shape-rendering=\"crispEdges\">"
	                        "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
	                    size, size, size * 6, size * 6, size, size));
	for (int y = 0; y < w; y++)
		for (int x = 0; x < w; x++)
			if (qr->data[y * w + x] & 1)
				buf_nofail(buf_addf(&b, "M%d %dh1v1h-1z", x + 4, y + 4));
	buf_nofail(buf_adds(&b, "\"/></svg>"));
	QRcode_free(qr);
	char *s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

int h_group_link(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	struct group *g;
	if ((rc = load_group(r, &g)))
		return rc;
	uint64_t days = 30, uses = 100;
	const char *d = http_form(r, "days"), *u = http_form(r, "uses");
	if ((d && !parse_u64(d, &days)) || (u && !parse_u64(u, &uses)) || days > CORE_INVITE_DAYS_MAX ||
	    uses > CORE_INVITE_USES_MAX)
		return ERR_INVAL;
	char *token;
	if ((rc = core_group_invite_link(q->w->core, r->a, q->viewer, g->id, (int)days, (int)uses, &token)))
		return rc;
	char *link = arena_printf(r->a, "%s/join/%s", q->w->base_url, token);
	struct tval *m = page_model(r, _r(r, "Uitnodigingslink"));
	tv_set(m, "group", group_model(r, g));
	tv_set_str(r->a, m, "link", link);
	tv_set_int(r->a, m, "days", (int64_t)days);
	tv_set_int(r->a, m, "uses", (int64_t)uses);
	char *svg = qr_svg(r->a, link);
	if (svg) {
		tv_set_html(r->a, m, "qr", svg);
		struct buf b = BUF_INIT(BUF_NOLIMIT);
		url_encode(&b, svg, strlen(svg));
		tv_set_strf(r->a, m, "qr_download", "data:image/svg+xml,%s", b.ptr);
		buf_release(&b);
	}
	return page_render(r, "group_link", m);
}

int h_join_form(struct http_req *r)
{
	struct group *g;
	int rc = core_group_invite_check(CORE(r), r->a, http_param(r, "token"), &g);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Uitnodiging"));
	tv_set_str(r->a, m, "group_name", g->display_name);
	tv_set_str(r->a, m, "group_description", g->description);
	tv_set_str(r->a, m, "token", http_param(r, "token"));
	/* Without an account: through registration into the group, when the link allows it. */
	if (!WREQ(r)->viewer && core_group_link_admits(CORE(r), r->a, http_param(r, "token")))
		tv_set_bool(r->a, m, "may_register", true);
	return page_render(r, "join", m);
}

int h_join(struct http_req *r)
{
	int rc;
	uint64_t gid;
	if ((rc = core_group_invite_use(CORE(r), WREQ(r)->viewer, http_param(r, "token"), &gid)))
		return rc;
	struct group *g;
	if ((rc = core_group_by_id(CORE(r), r->a, WREQ(r)->viewer, gid, &g)))
		return rc;
	redirect_msg(r, arena_printf(r->a, "/g/%s", g->name), "joined");
	return 0;
}

int h_group_queue(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct group *g;
	int rc = load_group(r, &g);
	if (rc)
		return rc;
	struct post **v;
	size_t n;
	if ((rc = core_group_pending(q->w->core, r->a, q->viewer, g->id, &v, &n)))
		return rc;
	struct tval *m = page_model(r, arena_printf(r->a, "%s: %s", _r(r, "Wacht op goedkeuring"), g->display_name));
	tv_set(m, "group", group_model(r, g));
	tv_set(m, "posts", posts_model(r, v, n));
	tv_set_bool(r->a, m, "empty", n == 0);
	struct mod_report *reps;
	size_t nr;
	if (!core_reports(q->w->core, r->a, q->viewer, g->id, &reps, &nr))
		tv_set(m, "reports", reports_model(r, reps, nr));
	/* What the group's moderators did: bans, removals, roles, posts. */
	struct mod_entry *log;
	size_t nl;
	if (!core_mod_log(q->w->core, r->a, q->viewer, g->id, &log, &nl))
		tv_set(m, "log", mod_log_model(r, log, nl));
	return page_render(r, "group_queue", m);
}

/* ---- reports ---- */

struct tval *reports_model(struct http_req *r, struct mod_report *v, size_t n)
{
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		struct account *acc, *rep;
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)v[i].id);
		if (!core_account_get(CORE(r), r->a, v[i].account_id, &acc)) {
			tv_set(x, "account", account_model(r, acc));
			/* Someone elsewhere: the instance may send the report on. */
			const char *at = core_fed_is_remote(acc) ? strchr(acc->username, '@') : NULL;
			if (at && !v[i].group_id)
				tv_set_str(r->a, x, "remote_host", at + 1);
		}
		if (!core_account_get(CORE(r), r->a, v[i].reporter_id, &rep))
			tv_set(x, "reporter", account_model(r, rep));
		tv_set_str(r->a, x, "reason", v[i].reason);
		tv_set_str(r->a, x, "snapshot", v[i].snapshot);
		tv_set_bool(r->a, x, "has_post", v[i].post_id != 0);
		tv_set_bool(r->a, x, "in_group", v[i].group_id != 0);
		tv_set_str(r->a, x, "time", fmt_time(r, v[i].created_at));
		tv_push(l, x);
	}
	return l;
}

/* What a log entry's action means, in words (the action is stored as a key). */
static const char *mod_action_label(const struct mod_entry *e)
{
	static const struct {
		const char *key, *label;
	} labels[] = {
		{"warn", N_("Gewaarschuwd")},
		{"suspend", N_("Account geschorst")},
		{"unsuspend", N_("Schorsing opgeheven")},
		{"ban", N_("Uitgesloten uit de kring")},
		{"unban", N_("Uitsluiting opgeheven")},
		{"dismiss", N_("Klacht gesloten zonder actie")},
		{"forward", N_("Klacht doorgestuurd naar de andere server")},
		{"accept", N_("Verzoek om lid te worden aangenomen")},
		{"approve", N_("Bericht goedgekeurd")},
		{"make-moderator", N_("Moderator gemaakt")},
		{"make-member", N_("Geen moderator meer")},
		{"role-member", N_("Rol: lid")},
		{"role-moderator", N_("Rol: moderator")},
		{"role-admin", N_("Rol: beheerder")},
		{"pin", N_("Bericht vastgezet")},
		{"unpin", N_("Bericht losgemaakt")},
	};
	/* "remove" and "reject" are about a post when the entry names one. */
	if (!strcmp(e->action, "remove"))
		return e->post_id ? N_("Bericht verwijderd") : N_("Uit de kring gehaald");
	if (!strcmp(e->action, "reject"))
		return e->post_id ? N_("Bericht afgewezen") : N_("Verzoek om lid te worden afgewezen");
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (!strcmp(e->action, labels[i].key))
			return labels[i].label;
	return N_("Andere actie");
}

struct tval *mod_log_model(struct http_req *r, struct mod_entry *v, size_t n)
{
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		struct account *actor, *target;
		tv_set_str(r->a, x, "time", fmt_time(r, v[i].created_at));
		/* Actor 0 is the server's operator on the command line. */
		if (!v[i].actor_id)
			tv_set_str(r->a, x, "operator", _r(r, "Beheerder van de server"));
		else if (!core_account_get(CORE(r), r->a, v[i].actor_id, &actor))
			tv_set(x, "actor", account_model(r, actor));
		if (v[i].account_id && !core_account_get(CORE(r), r->a, v[i].account_id, &target))
			tv_set(x, "target", account_model(r, target));
		tv_set_str(r->a, x, "action", _r(r, mod_action_label(&v[i])));
		tv_set_str(r->a, x, "note", v[i].note);
		tv_push(l, x);
	}
	return l;
}

int h_report(struct http_req *r)
{
	int rc;
	uint64_t post = 0, id;
	struct account *acc = NULL;
	const char *pid = http_param(r, "id");
	if (pid && !parse_u64(pid, &post))
		return ERR_NOTFOUND;
	if (!pid && core_account_by_name(CORE(r), r->a, http_param(r, "name"), &acc))
		return ERR_NOTFOUND;
	rc = core_report(CORE(r), r->a, WREQ(r)->viewer, acc ? acc->id : 0, post, http_form(r, "reason"),
	                 http_form(r, "escalate") != NULL, &id);
	if (rc)
		return rc;
	redirect_msg(r, pid ? arena_printf(r->a, "/posts/%s", pid) : arena_printf(r->a, "/@%s", acc->username),
	             "reported");
	return 0;
}

int h_moderation(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	int rc;
	struct mod_report *v = NULL;
	size_t n = 0;
	/* Instance moderators handle the instance's reports; group moderators
	 * find here the groups where theirs wait. */
	int irc = core_reports(q->w->core, r->a, q->viewer, 0, &v, &n);
	if (irc && irc != ERR_FORBIDDEN)
		return irc;
	struct mod_group *mg;
	size_t nmg;
	if ((rc = core_mod_groups(q->w->core, r->a, q->viewer, &mg, &nmg)))
		return rc;
	if (irc && !nmg)
		return irc;
	struct tval *m = page_model(r, _r(r, "Moderatie"));
	struct tval *gl = tv_list(r->a);
	for (size_t i = 0; i < nmg; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", mg[i].group->display_name);
		tv_set_strf(r->a, x, "url", "/g/%s/queue", mg[i].group->name);
		tv_set_int(r->a, x, "reports", (int64_t)mg[i].reports);
		tv_set_bool(r->a, x, "reports_one", mg[i].reports == 1);
		tv_set_int(r->a, x, "pending", (int64_t)mg[i].pending);
		tv_set_bool(r->a, x, "pending_one", mg[i].pending == 1);
		tv_push(gl, x);
	}
	tv_set(m, "mod_groups", gl);
	tv_set_bool(r->a, m, "has_groups", nmg > 0);
	if (!irc) {
		tv_set(m, "reports", reports_model(r, v, n));
		tv_set_bool(r->a, m, "empty", n == 0);
		tv_set_bool(r->a, m, "instance", true);
		struct mod_entry *log;
		size_t nl;
		if (!core_mod_log(q->w->core, r->a, q->viewer, 0, &log, &nl))
			tv_set(m, "log", mod_log_model(r, log, nl));
	}
	return page_render(r, "moderation", m);
}

int h_moderation_act(struct http_req *r)
{
	int rc;
	uint64_t id;
	if (!parse_u64(http_param(r, "id"), &id))
		return ERR_NOTFOUND;
	const char *note = http_form(r, "note");
	if (note && text_check(note, strlen(note), 1000))
		return ERR_INVAL;
	const char *back = http_form(r, "back");
	if (!strcmp(http_param(r, "action"), "forward")) {
		bool forwarded;
		if ((rc = core_report_forward(CORE(r), r->a, WREQ(r)->viewer, id, note, &forwarded)))
			return rc;
		redirect_msg(r, back ? local_path(back) : "/moderation", "report_forwarded");
		return 0;
	}
	if ((rc = core_report_act(CORE(r), WREQ(r)->viewer, id, http_param(r, "action"), note)))
		return rc;
	http_redirect(r, back ? local_path(back) : "/moderation");
	return 0;
}

/* ---- conversations ---- */

int h_messages(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	struct conversation *v;
	size_t n;
	if ((rc = core_conversations(q->w->core, r->a, q->viewer, NULL, &v, &n)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Berichten aan u"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		/* The thread's first post may be one the reader cannot see (a
		 * private answer to someone's public question). */
		struct post *root = NULL, *last = v[i].last;
		if (core_post_get(q->w->core, r->a, q->viewer, v[i].root_id, &root))
			root = NULL;
		struct tval *x = tv_obj(r->a);
		tv_set_strf(r->a, x, "url", "/posts/%llu", (unsigned long long)v[i].root_id);
		tv_set_strf(r->a, x, "leave_url", "/messages/%llu/leave", (unsigned long long)v[i].root_id);
		/* The partner: the conversation's people but the reader and the
		 * organisations the reader answers for (named apart). */
		uint64_t *people;
		size_t np = 0;
		struct tval *with = tv_list(r->a);
		if (!core_conv_people(q->w->core, r->a, q->viewer, v[i].root_id, &people, &np) && np) {
			struct account **accs = arena_alloc(r->a, np * sizeof *accs);
			if (!core_accounts_get(q->w->core, r->a, people, np, accs))
				for (size_t k = 0; k < np; k++) {
					if (!accs[k] || core_account_hidden(q->w->core, q->viewer, accs[k]))
						continue;
					if (accs[k]->kind == ACCOUNT_ORG && core_may_post_as(q->w->core, q->viewer, accs[k]->id)) {
						tv_set(x, "for_org", account_model(r, accs[k]));
						continue;
					}
					struct tval *am = account_model(r, accs[k]);
					tv_set_bool(r->a, am, "more", tv_len(with) > 0);
					tv_push(with, am);
				}
		}
		if (tv_len(with) == 0 && root && root->author_id != q->viewer)
			tv_push(with, account_model(r, root->author));
		tv_set(x, "with", with);
		tv_set(x, "last_by", account_model(r, last->author));
		tv_set_str(r->a, x, "last", core_dm_body(last));
		tv_set_str(r->a, x, "time", fmt_time(r, v[i].last_at));
		tv_set_bool(r->a, x, "unread", v[i].unread);
		tv_push(l, x);
	}
	tv_set(m, "conversations", l);
	tv_set_bool(r->a, m, "empty", tv_len(l) == 0);
	struct tval *c = tv_obj(r->a);
	tv_set_int(r->a, c, "max", CORE_POST_MAX_CHARS);
	tv_set(m, "message_compose", c);
	return page_render(r, "messages", m);
}

int h_message_leave(struct http_req *r)
{
	int rc;
	uint64_t id;
	if (!parse_u64(http_param(r, "id"), &id))
		return ERR_NOTFOUND;
	if ((rc = core_conversation_leave(CORE(r), r->a, WREQ(r)->viewer, id)))
		return rc;
	redirect_msg(r, "/messages", "saved");
	return 0;
}

/* ---- guidelines ---- */

int guidelines_page(struct http_req *r, uint64_t org, const struct post_input *in)
{
	struct account *acc;
	const char *text;
	int rc = core_account_get(CORE(r), r->a, org, &acc);
	if (!rc)
		rc = core_guidelines_get(CORE(r), r->a, org, &text);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Richtlijnen"));
	tv_set(m, "org", account_model(r, acc));
	tv_set_str(r->a, m, "text", text);
	/* The post waits in the accept form and is placed once they are accepted. */
	if (in) {
		static const char *const own[] = {"csrf", "confirm", "media_id"};
		tv_set(m, "hidden", hidden_fields(r, own, sizeof own / sizeof own[0], in));
		tv_set_bool(r->a, m, "has_draft", true);
	}
	rc = page_render(r, "guidelines", m);
	r->status = 422;
	return rc;
}

int h_guidelines_accept(struct http_req *r)
{
	int rc;
	struct account *org;
	if ((rc = core_account_by_name(CORE(r), r->a, http_param(r, "name"), &org)))
		return rc;
	if ((rc = core_guidelines_accept(CORE(r), WREQ(r)->viewer, org->id)))
		return rc;
	/* The post that was waiting for this goes on. */
	if (http_form(r, "text"))
		return h_post_create(r);
	redirect_msg(r, "/", "guidelines");
	return 0;
}

int h_admin_groups(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct group **v;
	size_t n;
	/* Administrators see that every group exists, with its owner and size,
	 * for abuse handling; never its posts (core_admin_groups). */
	int rc = core_admin_groups(q->w->core, r->a, q->viewer, &v, &n);
	if (rc)
		return rc;
	struct tval *m = page_model(r, _r(r, "Alle kringen"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		struct account *owner;
		tv_set_str(r->a, x, "name", v[i]->display_name);
		tv_set_str(r->a, x, "kind", kind_label(r, v[i]->kind));
		tv_set_int(r->a, x, "members", v[i]->members);
		tv_set_bool(r->a, x, "members_one", v[i]->members == 1);
		if (!core_account_get(q->w->core, r->a, v[i]->owner_id, &owner))
			tv_set_str(r->a, x, "owner", owner->username);
		tv_push(l, x);
	}
	tv_set(m, "groups", l);
	return page_render(r, "admin_groups", m);
}

/* A group's figures for its moderators (issue 20): per week the posts
 * (activity), the people who joined (growth) and the people its posts
 * reached, a number under 5 shown as "fewer than 5"; a bar picture of the
 * posts with the numbers in the table beside it. */
int h_group_figures(struct http_req *r)
{
	struct group *g;
	int rc = load_group(r, &g);
	if (rc)
		return rc;
	struct group_week *w;
	if ((rc = core_group_figures(CORE(r), r->a, WREQ(r)->viewer, g->id, &w)))
		return rc;
	struct tval *m = page_model(r, arena_printf(r->a, "%s: %s", _r(r, "Cijfers"), g->display_name));
	tv_set(m, "group", group_model(r, g));
	int64_t max = 1;
	for (int i = 0; i < GROUP_WEEKS; i++)
		if (w[i].posts > max)
			max = w[i].posts;
	const int bw = 24, gap = 6, h = 120;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_addf(&b,
	                    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
	                    " role=\"img\" aria-labelledby=\"gf-chart-t\" focusable=\"false\"><title id=\"gf-chart-t\">%s</title>",
	                    GROUP_WEEKS * (bw + gap) + gap, h + 18, GROUP_WEEKS * (bw + gap) + gap, h + 18,
	                    _r(r, "Berichten per week; de getallen staan in de tabel")));
	struct tval *rows = tv_list(r->a);
	for (int i = 0; i < GROUP_WEEKS; i++) {
		int x = gap + i * (bw + gap), bh = (int)(w[i].posts * h / max);
		buf_nofail(buf_addf(&b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#1d4f91\"/>", x, h - bh, bw, bh));
		buf_nofail(buf_addf(&b, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%lld</text>",
		                    x + bw / 2, h + 13, (long long)w[i].posts));
		int y, mo, d;
		biz_civil_from_days(w[i].start / 86400, &y, &mo, &d);
		struct tval *x2 = tv_obj(r->a);
		tv_set_strf(r->a, x2, "week", "%02d-%02d-%04d", d, mo, y);
		tv_set_strf(r->a, x2, "posts", "%lld", (long long)w[i].posts);
		tv_set_strf(r->a, x2, "joined", "%lld", (long long)w[i].joined);
		if (w[i].reach < 0) /* fewer than 5: core hides the number */
			tv_set_str(r->a, x2, "reach", _r(r, "minder dan 5"));
		else
			tv_set_strf(r->a, x2, "reach", "%lld", (long long)w[i].reach);
		tv_push(rows, x2);
	}
	buf_nofail(buf_adds(&b, "</svg>"));
	tv_set_html(r->a, m, "chart", arena_strndup(r->a, b.ptr, b.len));
	buf_release(&b);
	tv_set(m, "weeks", rows);
	tv_set_strf(r->a, m, "csv_url", "/g/%s/cijfers.csv", g->name);
	return page_render(r, "group_figures", m);
}

/* The same weeks as CSV (fewer than 5 reached: "<5"). */
int h_group_figures_csv(struct http_req *r)
{
	struct group *g;
	int rc = load_group(r, &g);
	if (rc)
		return rc;
	struct group_week *w;
	if ((rc = core_group_figures(CORE(r), r->a, WREQ(r)->viewer, g->id, &w)))
		return rc;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_adds(&b, "week_starting,posts,joined,reach\r\n"));
	for (int i = 0; i < GROUP_WEEKS; i++) {
		int y, mo, d;
		biz_civil_from_days(w[i].start / 86400, &y, &mo, &d);
		buf_nofail(buf_addf(&b, "%04d-%02d-%02d,%lld,%lld,", y, mo, d, (long long)w[i].posts, (long long)w[i].joined));
		if (w[i].reach < 0) /* fewer than 5: core hides the number */
			buf_nofail(buf_adds(&b, "<5\r\n"));
		else
			buf_nofail(buf_addf(&b, "%lld\r\n", (long long)w[i].reach));
	}
	return csv_send(r, &b, arena_printf(r->a, "groep-%s.csv", g->name));
}
