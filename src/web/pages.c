/* Timelines, threads, profiles, posting, notifications and search pages. */
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/text.h"
#include "web/web_int.h"

static int vis_from(const char *s);

/* Which accounts the viewer may post as: themselves and their organisations. */
static void compose_model(struct http_req *r, struct tval *m, uint64_t reply_to, int vis)
{
	struct wreq *q = WREQ(r);
	struct tval *c = tv_obj(r->a);
	struct account **orgs;
	size_t n = 0;
	struct tval *as = tv_list(r->a);
	if (!store_staff_orgs(q->w->core->store, r->a, q->viewer, &orgs, &n) && n) {
		struct tval *self = tv_obj(r->a);
		tv_set_str(r->a, self, "username", q->me->username);
		tv_set_str(r->a, self, "display_name", q->me->display_name);
		tv_push(as, self);
		/* A draft comes back as whom it was written. */
		const char *was = q->draft ? http_form(r, "as") : NULL;
		for (size_t i = 0; i < n; i++) {
			struct tval *o = account_model(r, orgs[i]);
			tv_set_bool(r->a, o, "selected", was && !strcmp(was, orgs[i]->username));
			tv_push(as, o);
		}
		tv_set(c, "post_as", as);
		tv_set_bool(r->a, c, "has_post_as", true);
	}
	if (reply_to)
		tv_set_strf(r->a, c, "reply_to", "%llu", (unsigned long long)reply_to);
	if (q->draft) {
		int was = vis_from(http_form(r, "visibility"));
		if (was >= 0)
			vis = was;
		draft_model(r, c);
	}
	tv_set_bool(r->a, c, "vis_public", vis == VIS_PUBLIC);
	tv_set_bool(r->a, c, "vis_followers", vis == VIS_FOLLOWERS);
	tv_set_bool(r->a, c, "vis_direct", vis == VIS_DIRECT);
	tv_set_int(r->a, c, "max", CORE_POST_MAX_CHARS);
	tv_set(m, "compose", c);
}

static int timeline_page(struct http_req *r, struct tl_query *tq, const char *title, const char *base,
                         struct tval *m)
{
	struct wreq *q = WREQ(r);
	page_from_query(r, &tq->page);
	struct post **v;
	size_t n;
	uint64_t older, newer;
	int rc = core_timeline(q->w->core, r->a, q->viewer, tq, &v, &n, &older, &newer);
	if (rc)
		return rc;
	if (!m)
		m = page_model(r, title);
	tv_set(m, "posts", posts_model(r, v, n));
	tv_set_bool(r->a, m, "empty", n == 0);
	pager_model(r, m, base, older, newer);
	return page_render(r, "timeline", m);
}

int h_index(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	if (!q->viewer) {
		struct tval *m = page_model(r, _r(r, "Welkom"));
		return page_render(r, "start", m);
	}
	struct tval *m = page_model(r, _r(r, "Start"));
	tv_set_str(r->a, m, "heading", _r(r, "Uw tijdlijn"));
	tv_set_bool(r->a, m, "tab_home", true);
	compose_model(r, m, 0, core_default_visibility(q->me));
	struct tl_query tq = {.kind = TL_HOME};
	return timeline_page(r, &tq, NULL, "/", m);
}

int h_local(struct http_req *r)
{
	struct tval *m = page_model(r, _r(r, "Iedereen hier"));
	tv_set_str(r->a, m, "heading", _r(r, "Iedereen hier"));
	tv_set_str(r->a, m, "intro", _r(r, "Openbare berichten van alle mensen op deze plek, de nieuwste eerst."));
	tv_set_bool(r->a, m, "tab_local", true);
	struct tl_query tq = {.kind = TL_LOCAL};
	return timeline_page(r, &tq, NULL, "/local", m);
}

int h_tag(struct http_req *r)
{
	char *tag = arena_strdup(r->a, http_param(r, "tag"));
	str_lower(tag);
	if (!utf8_valid(tag, strlen(tag)) || strlen(tag) > 64)
		return ERR_NOTFOUND;
	char *title = arena_printf(r->a, "#%s", tag);
	struct tval *m = page_model(r, title);
	tv_set_str(r->a, m, "heading", title);
	struct buf b = BUF_INIT(512);
	buf_adds(&b, "/tags/");
	url_encode(&b, tag, strlen(tag));
	char *base = arena_strdup(r->a, b.ptr);
	buf_release(&b);
	struct tl_query tq = {.kind = TL_TAG, .tag = tag};
	return timeline_page(r, &tq, NULL, base, m);
}

static int load_account(struct http_req *r, struct account **acc)
{
	const char *name = http_param(r, "name");
	if (!name)
		return ERR_NOTFOUND;
	return core_account_by_name(CORE(r), r->a, name, acc);
}

int h_profile(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *acc;
	int rc = load_account(r, &acc);
	if (rc)
		return rc;
	if (core_account_hidden(q->w->core, q->viewer, acc))
		return ERR_NOTFOUND;
	struct tval *m = page_model(r, acc->display_name[0] ? acc->display_name : acc->username);
	store_account_counts(q->w->core->store, acc);
	tv_set(m, "profile", account_model(r, acc));
	struct relation rel;
	core_relation(q->w->core, q->viewer, acc->id, &rel);
	tv_set_bool(r->a, m, "is_me", q->viewer == acc->id);
	tv_set_bool(r->a, m, "can_follow", q->viewer && q->viewer != acc->id);
	tv_set_bool(r->a, m, "following", rel.following);
	tv_set_bool(r->a, m, "requested", rel.requested);
	tv_set_bool(r->a, m, "followed_by", rel.followed_by);
	tv_set_bool(r->a, m, "blocking", rel.blocking);
	tv_set_bool(r->a, m, "muting", rel.muting);
	if (acc->kind == ACCOUNT_ORG) {
		struct account **staff;
		size_t n;
		if (!store_staff_list(q->w->core->store, r->a, acc->id, &staff, &n)) {
			struct tval *l = tv_list(r->a);
			for (size_t i = 0; i < n; i++)
				tv_push(l, account_model(r, staff[i]));
			if (n)
				tv_set(m, "staff", l);
		}
	}
	struct tl_query tq = {.kind = TL_PROFILE, .author = acc->id};
	page_from_query(r, &tq.page);
	struct post **v;
	size_t n;
	uint64_t older, newer;
	if ((rc = core_timeline(q->w->core, r->a, q->viewer, &tq, &v, &n, &older, &newer)))
		return rc;
	tv_set(m, "posts", posts_model(r, v, n));
	tv_set_bool(r->a, m, "empty", n == 0);
	pager_model(r, m, arena_printf(r->a, "/@%s", acc->username), older, newer);
	return page_render(r, "profile", m);
}

int h_people(struct http_req *r)
{
	struct account *acc;
	int rc = load_account(r, &acc);
	if (rc)
		return rc;
	bool following = strstr(r->path, "/following") != NULL;
	struct account **v = NULL;
	size_t n = 0;
	/* A hidden list is shown to its owner only. */
	bool shown = core_collections_visible(WREQ(r)->viewer, acc);
	if (shown && (rc = store_followers(CORE(r)->store, r->a, acc->id, following, 200, &v, &n)))
		return rc;
	const char *dn = acc->display_name[0] ? acc->display_name : acc->username;
	char *title = arena_printf(r->a, "%s: %s", following ? _r(r, "Volgt") : _r(r, "Volgers"), dn);
	struct tval *m = page_model(r, title);
	tv_set(m, "profile", account_model(r, acc));
	struct tval *l = tv_list(r->a);
	/* A suspended account is gone from lists too (core_account_hidden). */
	for (size_t i = 0; i < n; i++)
		if (!core_account_hidden(CORE(r), WREQ(r)->viewer, v[i]))
			tv_push(l, account_model(r, v[i]));
	tv_set(m, "people", l);
	tv_set_bool(r->a, m, "empty", tv_len(l) == 0 && shown);
	tv_set_bool(r->a, m, "hidden", !shown);
	return page_render(r, "people", m);
}

int h_relation(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
	struct wreq *q = WREQ(r);
	struct account *acc;
	if ((rc = load_account(r, &acc)))
		return rc;
	const char *act = http_param(r, "action");
	int state = 0;
	const char *msg = "saved";
	if (!strcmp(act, "follow")) {
		rc = core_follow(q->w->core, q->viewer, acc->id, true, &state);
		if (state == FOLLOW_REQUESTED)
			msg = "requested";
	} else if (!strcmp(act, "unfollow")) {
		rc = core_follow(q->w->core, q->viewer, acc->id, false, &state);
	} else if (!strcmp(act, "block") || !strcmp(act, "unblock")) {
		rc = core_block(q->w->core, q->viewer, acc->id, act[0] == 'b');
	} else if (!strcmp(act, "mute") || !strcmp(act, "unmute")) {
		rc = core_mute(q->w->core, q->viewer, acc->id, act[0] == 'm');
	} else {
		return ERR_NOTFOUND;
	}
	if (rc)
		return rc;
	redirect_msg(r, arena_printf(r->a, "/@%s", acc->username), msg);
	return 0;
}

static int post_id(struct http_req *r, uint64_t *id)
{
	const char *s = http_param(r, "id");
	return s && parse_u64(s, id) ? 0 : ERR_NOTFOUND;
}

int h_thread(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	uint64_t id;
	int rc = post_id(r, &id);
	if (rc)
		return rc;
	struct post **v;
	size_t n, focus;
	if ((rc = core_thread(q->w->core, r->a, q->viewer, id, &v, &n, &focus)))
		return rc;
	/* Reading a conversation marks it read for this participant. */
	if (q->viewer && n && v[0]->visibility == VIS_DIRECT)
		core_conv_read(q->w->core, q->viewer, v[0]->root_id);
	struct tval *m = page_model(r, _r(r, "Gesprek"));
	struct tval *list = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *pm = post_model(r, v[i]);
		if (i == focus)
			tv_set_bool(r->a, pm, "focus", true);
		tv_push(list, pm);
	}
	tv_set(m, "posts", list);
	if (q->viewer && n && !v[focus]->pending) {
		/* A reply is never wider than what it answers, nor than the
		 * viewer's own default. */
		int vis = core_default_visibility(q->me);
		compose_model(r, m, v[focus]->id, v[focus]->visibility > vis ? v[focus]->visibility : vis);
		/* Start the reply with the author's name, as people expect. */
		if (v[focus]->author_id != q->viewer)
			tv_set_strf(r->a, m, "reply_prefix", "@%s ", v[focus]->author->username);
	}
	return page_render(r, "thread", m);
}

static int vis_from(const char *s)
{
	if (!s || !strcmp(s, "public"))
		return VIS_PUBLIC;
	if (!strcmp(s, "followers"))
		return VIS_FOLLOWERS;
	if (!strcmp(s, "direct"))
		return VIS_DIRECT;
	return -1;
}

struct tval *hidden_fields(struct http_req *r, const char *const *own, size_t nown, const struct post_input *in)
{
	struct tval *hidden = tv_list(r->a);
	for (int i = 0; i < r->nfields; i++) {
		const char *name = r->fields[i].name;
		/* altN: the alt text of the N-th file went with its upload. */
		bool skip = !strncmp(name, "alt", 3) && name[3] >= '0' && name[3] <= '9';
		for (size_t k = 0; k < nown; k++)
			skip |= !strcmp(name, own[k]);
		if (skip)
			continue;
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", name);
		tv_set_str(r->a, x, "value", r->fields[i].value);
		tv_push(hidden, x);
	}
	for (size_t i = 0; in && i < in->nmedia; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", "media_id");
		tv_set_strf(r->a, x, "value", "%llu", (unsigned long long)in->media_ids[i]);
		tv_push(hidden, x);
	}
	return hidden;
}

const char *post_problem_text(struct http_req *r, enum post_problem why)
{
	switch (why) {
	case POST_EMPTY:
		return _r(r, "Schrijf eerst iets in het tekstvak.");
	case POST_TOO_LONG:
		return _r(r, "Uw tekst is te lang. Er passen hoogstens 5000 tekens in een bericht. Maak hem wat korter.");
	case POST_BAD_TEXT:
		return _r(r, "In uw tekst staan tekens die we niet kunnen gebruiken. Haal ze weg en probeer het opnieuw.");
	case POST_NO_RECIPIENT:
		return _r(r, "Aan wie is dit privébericht? Vul bij 'Aan' een naam in, bijvoorbeeld @naam. Of kies bij "
		             "'Wie mag dit zien?' iets anders.");
	case POST_UNKNOWN_RECIPIENT:
		return _r(r, "Een naam bij 'Aan' kennen we hier niet. Controleer de naam, bijvoorbeeld @naam.");
	case POST_DM_REFUSED:
		return _r(r, "Iemand bij 'Aan' ontvangt geen privéberichten van u. Kies bij 'Wie mag dit zien?' iets "
		             "anders.");
	default:
		return NULL;
	}
}

/* The field a problem belongs beside. */
static const char *problem_field(enum post_problem why)
{
	switch (why) {
	case POST_EMPTY:
	case POST_TOO_LONG:
	case POST_BAD_TEXT:
		return "text";
	case POST_NO_RECIPIENT:
	case POST_UNKNOWN_RECIPIENT:
	case POST_DM_REFUSED:
		return "to";
	default:
		return NULL;
	}
}

/* A refusal without a field of its own, in words. */
static const char *refusal_words(struct http_req *r, int err)
{
	switch (err) {
	case ERR_RATE:
		return _r(r, "U plaatst veel berichten kort na elkaar. Wacht een paar minuten en druk dan nog een keer op "
		             "de knop.");
	case ERR_FORBIDDEN:
		return _r(r, "Dit mag u hier niet plaatsen. Uw tekst staat er nog: u kunt hem aanpassen of bewaren.");
	case ERR_NOTFOUND:
		return _r(r, "Het bericht of de kring waarin u schrijft, is er niet meer. Uw tekst staat er nog.");
	case ERR_TOOBIG:
		return _r(r, "Uw tekst is te lang. Er passen hoogstens 5000 tekens in een bericht. Maak hem wat korter.");
	default:
		return _r(r, "Wat u stuurde kunnen we niet gebruiken. Controleer wat u hebt ingevuld en probeer het "
		             "opnieuw.");
	}
}

void draft_model(struct http_req *r, struct tval *c)
{
	struct wreq *q = WREQ(r);
	const struct draft *d = q->draft;
	if (!d)
		return;
	const char *text = http_form(r, "text"), *to = http_form(r, "to");
	tv_set_bool(r->a, c, "has_draft", true);
	tv_set_str(r->a, c, "draft_text", text ? text : "");
	tv_set_str(r->a, c, "draft_to", to ? to : "");
	for (int i = 1; i <= 4; i++) {
		const char *alt = http_form(r, arena_printf(r->a, "alt%d", i));
		tv_set_str(r->a, c, arena_printf(r->a, "draft_alt%d", i), alt ? alt : "");
	}
	tv_set_str(r->a, c, "error", d->message);
	if (d->field)
		tv_set_bool(r->a, c, arena_printf(r->a, "err_%s", d->field), true);
	/* Uploads kept with the draft go with it again, each with its description. */
	struct tval *kept = tv_list(r->a);
	size_t nkept = 0;
	for (size_t i = 0; i < d->nmedia; i++) {
		struct media *md;
		if (core_media_get(CORE(r), r->a, q->viewer, d->media_ids[i], &md))
			continue;
		struct tval *x = tv_obj(r->a);
		tv_set_strf(r->a, x, "id", "%llu", (unsigned long long)md->id);
		tv_set_int(r->a, x, "n", (int64_t)++nkept);
		tv_set_str(r->a, x, "alt", md->alt);
		tv_push(kept, x);
	}
	if (nkept) {
		tv_set(c, "kept_media", kept);
		tv_set_bool(r->a, c, "has_kept", true);
	}
	tv_set_bool(r->a, c, "media_lost", d->media_lost);
	tv_set_bool(r->a, c, "attach_open", nkept || d->media_lost || (d->field && !strcmp(d->field, "media")));
}

/* A route parameter, as if the page had been asked for. */
static void set_param(struct http_req *r, const char *name, const char *val)
{
	for (int i = 0; i < r->nparams; i++)
		if (!strcmp(r->param_names[i], name)) {
			r->param_vals[i] = val;
			return;
		}
	if (r->nparams < HTTP_MAX_PARAMS) {
		r->param_names[r->nparams] = name;
		r->param_vals[r->nparams++] = val;
	}
}

static int edit_page(struct http_req *r);

int compose_again(struct http_req *r, const struct draft *d, int err)
{
	struct wreq *q = WREQ(r);
	if (!q->viewer)
		return err;
	q->draft = d;
	int rc = ERR_NOTFOUND;
	uint64_t id;
	if (d->edit_id) {
		set_param(r, "id", arena_printf(r->a, "%llu", (unsigned long long)d->edit_id));
		rc = edit_page(r);
	} else {
		const char *reply = http_form(r, "in_reply_to"), *group = http_form(r, "group_id");
		if (reply && *reply && parse_u64(reply, &id)) {
			set_param(r, "id", reply);
			rc = h_thread(r);
		} else if (group && *group && parse_u64(group, &id)) {
			const char *gname, *gdisplay;
			if (store_group_names(CORE(r)->store, r->a, id, &gname, &gdisplay) == 0) {
				set_param(r, "name", gname);
				rc = h_group(r);
			}
		}
		if (rc) {
			buf_reset(&r->out);
			rc = h_index(r);
		}
	}
	q->draft = NULL;
	if (rc)
		return err;
	r->status = d->status ? d->status : http_status_for(err);
	return 0;
}

/* Show the compose form again after core refused the post (err, why). */
static int refused(struct http_req *r, int err, enum post_problem why, const struct post_input *in)
{
	struct draft *d = arena_alloc(r->a, sizeof *d);
	memset(d, 0, sizeof *d);
	d->field = problem_field(why);
	d->message = post_problem_text(r, why);
	if (!d->message)
		d->message = refusal_words(r, err);
	d->media_ids = in ? in->media_ids : NULL;
	d->nmedia = in ? in->nmedia : 0;
	d->status = http_status_for(err);
	return compose_again(r, d, err);
}

/* What the author calls each text the guard reads (struct guard_part's `what`). */
static const char *part_label(struct http_req *r, const char *what)
{
	static const struct {
		const char *what, *label;
	} labels[] = {
		{"status", N_("Tekst")},
		{"spoiler_text", N_("Inhoudswaarschuwing")},
		{"poll option", N_("Keuze in de peiling")},
		{"media description", N_("Beschrijving van een bestand")},
		{"description", N_("Beschrijving")},
		{"display_name", N_("Naam")},
		{"note", N_("Over mij")},
		{"profession", N_("Beroep")},
		{"expertise", N_("Deskundig in")},
		{"languages", N_("Talen")},
		{"region", N_("Regio")},
		{"name", N_("Korte naam")},
		{"rules", N_("Huisregels")},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (!strcmp(labels[i].what, what))
			return _r(r, labels[i].label);
	return what;
}

/*
 * Everything the guard read (g->text, the parts each under its name when
 * there are several) with each finding wrapped in <mark>, and a list
 * explaining them.  text is used when the result carries none.
 */
void guard_model(struct http_req *r, struct tval *m, const char *text, const struct guard_result *g)
{
	bool en = WREQ(r)->lang && !strcmp(WREQ(r)->lang, "en");
	if (g->text)
		text = g->text;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	size_t len = strlen(text);
	struct tval *list = tv_list(r->a);
	bool seen[SCAN_NTYPES] = {0};
	struct guard_part whole = {.what = "status", .text = text, .start = 0, .end = len};
	const struct guard_part *parts = g->nparts ? g->parts : &whole;
	size_t nparts = g->nparts ? g->nparts : 1;
	bool labelled = nparts > 1 || strcmp(parts[0].what, "status");
	for (size_t p = 0; p < nparts; p++) {
		size_t at = parts[p].start, end = parts[p].end;
		if (end > len || at > end || (at == end && labelled))
			continue;
		if (labelled) {
			buf_adds(&b, b.len ? "\n\n<strong>" : "<strong>");
			const char *label = part_label(r, parts[p].what);
			html_escape(&b, label, strlen(label));
			buf_adds(&b, ":</strong> ");
		}
		for (size_t i = 0; i < g->n; i++) {
			const struct scan_finding *f = &g->v[i];
			if (f->start < at || f->end > end || f->start >= f->end)
				continue; /* overlapping findings: mark the first */
			html_escape(&b, text + at, f->start - at);
			buf_adds(&b, "<mark>");
			html_escape(&b, text + f->start, f->end - f->start);
			buf_addf(&b, "<span class=\"sr\"> (%s)</span></mark>", scan_type_name(f->type));
			at = f->end;
			if (!seen[f->type]) {
				seen[f->type] = true;
				struct tval *x = tv_obj(r->a);
				tv_set_str(r->a, x, "found", arena_strndup(r->a, text + f->start, f->end - f->start));
				tv_set_str(r->a, x, "why", en ? scan_type_explain_en(f->type) : scan_type_explain_nl(f->type));
				tv_push(list, x);
			}
		}
		html_escape(&b, text + at, end - at);
	}
	/* Keep line breaks visible in the review. */
	struct buf h = BUF_INIT(BUF_NOLIMIT);
	for (size_t i = 0; i < b.len; i++) {
		if (b.ptr[i] == '\n')
			buf_adds(&h, "<br>");
		else if (b.ptr[i] != '\r')
			buf_addc(&h, b.ptr[i]);
	}
	tv_set_html(r->a, m, "marked", arena_strndup(r->a, h.ptr, h.len));
	buf_release(&b);
	buf_release(&h);
	tv_set(m, "findings", list);
	tv_set_bool(r->a, m, "blocked", !g->overridable);
	tv_set_bool(r->a, m, "block", g->verdict == SCAN_BLOCK);
}

/* Show the author what the guard found, with "change" and (if allowed) "publish anyway". */
static int guard_page(struct http_req *r, const char *action, const struct guard_result *g,
                      const struct post_input *in)
{
	struct tval *m = page_model(r, _r(r, "Controleer uw bericht"));
	const char *text = http_form(r, "text");
	guard_model(r, m, text, g);
	tv_set_str(r->a, m, "action", action);
	tv_set_str(r->a, m, "text", text);
	/* Everything the compose form sent comes back with the text (group,
	 * visibility, reply, recipients, author, and whatever a form adds
	 * later), except what the review sets itself and the files, which
	 * come back as media_id below. */
	static const char *const own[] = {"csrf", "text", "confirm", "media_id", "audience"};
	struct tval *hidden = hidden_fields(r, own, sizeof own / sizeof own[0], NULL);
	/* The audience core checked: it refuses the post if it comes back wider. */
	if (g->audience[0]) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", "audience");
		tv_set_str(r->a, x, "value", g->audience);
		tv_push(hidden, x);
	}
	/* Files already uploaded stay with the post through the review; their
	 * descriptions, read by the guard with the text, can be changed here. */
	struct tval *alts = tv_list(r->a);
	for (size_t i = 0; in && i < in->nmedia; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "name", "media_id");
		tv_set_strf(r->a, x, "value", "%llu", (unsigned long long)in->media_ids[i]);
		tv_push(hidden, x);
		struct media *md;
		if (core_media_get(CORE(r), r->a, WREQ(r)->viewer, in->media_ids[i], &md) == 0) {
			struct tval *y = tv_obj(r->a);
			tv_set_strf(r->a, y, "id", "%llu", (unsigned long long)md->id);
			tv_set_int(r->a, y, "n", (int64_t)i + 1);
			tv_set_str(r->a, y, "alt", md->alt);
			tv_push(alts, y);
		}
	}
	tv_set(m, "hidden", hidden);
	tv_set(m, "alts", alts);
	tv_set_int(r->a, m, "alt_max", CORE_MEDIA_ALT_MAX);
	tv_set_int(r->a, m, "max", CORE_POST_MAX_CHARS);
	int rc = page_render(r, "guard", m);
	r->status = 422;
	return rc;
}

int h_post_create(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
	struct wreq *q = WREQ(r);
	struct post_input in = {.author_id = q->viewer};
	in.text = http_form(r, "text");
	in.visibility = vis_from(http_form(r, "visibility"));
	in.to = http_form(r, "to");
	const char *reply = http_form(r, "in_reply_to");
	if (reply && *reply && !parse_u64(reply, &in.in_reply_to))
		return ERR_INVAL;
	const char *as = http_form(r, "as");
	if (as && *as && strcmp(as, q->me->username)) {
		struct account *org;
		if ((rc = core_account_by_name(q->w->core, r->a, as, &org)))
			return ERR_FORBIDDEN;
		in.author_id = org->id;
	}
	if (in.visibility < 0 || !in.text)
		return ERR_INVAL;
	const char *confirm = http_form(r, "confirm");
	in.confirm = confirm && !strcmp(confirm, "1");
	const char *group = http_form(r, "group_id");
	if (group && *group && !parse_u64(group, &in.group_id))
		return ERR_INVAL;
	in.audience = http_form(r, "audience");
	if ((rc = media_from_form(r, &in)))
		return rc < 0 ? 0 : rc;
	struct guard_result g;
	in.guard = &g;
	enum post_problem why = POST_OK;
	in.why = &why;
	uint64_t id;
	rc = core_post_create(q->w->core, r->a, q->viewer, &in, &id);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return guard_page(r, "/posts", &g, &in);
	if (rc == ERR_GUIDELINES)
		return guidelines_page(r, in.author_id, &in);
	/* What was typed is never lost: the form comes back with the problem. */
	if (rc == ERR_INVAL || rc == ERR_TOOBIG || rc == ERR_NOTFOUND || rc == ERR_FORBIDDEN || rc == ERR_RATE)
		return refused(r, rc, why, &in);
	if (rc)
		return rc;
	struct post *made;
	if (core_post_get(q->w->core, r->a, q->viewer, id, &made) == 0 && made->pending) {
		redirect_msg(r, arena_printf(r->a, "/posts/%llu", (unsigned long long)id), "pending");
		return 0;
	}
	redirect_msg(r, arena_printf(r->a, "/posts/%llu", (unsigned long long)id), "posted");
	return 0;
}

int h_post_edit_form(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
	return edit_page(r);
}

static int edit_page(struct http_req *r)
{
	int rc;
	struct wreq *q = WREQ(r);
	uint64_t id;
	struct post *p;
	if ((rc = post_id(r, &id)) || (rc = core_post_get(q->w->core, r->a, q->viewer, id, &p)))
		return rc;
	if (p->reblog_of || !core_post_own(q->viewer, p))
		return ERR_FORBIDDEN;
	struct tval *m = page_model(r, _r(r, "Bericht aanpassen"));
	tv_set(m, "post", post_model(r, p));
	tv_set_int(r->a, m, "max", CORE_POST_MAX_CHARS);
	draft_model(r, m);
	return page_render(r, "edit", m);
}

int h_post_edit(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
	uint64_t id;
	if ((rc = post_id(r, &id)))
		return rc;
	const char *text = http_form(r, "text");
	if (!text)
		return ERR_INVAL;
	const char *confirm = http_form(r, "confirm");
	struct guard_result g;
	rc = core_post_edit_checked(CORE(r), r->a, WREQ(r)->viewer, id, text, confirm && !strcmp(confirm, "1"), &g);
	if (rc == ERR_GUARD || rc == ERR_BLOCKED)
		return guard_page(r, arena_printf(r->a, "/posts/%llu/edit", (unsigned long long)id), &g, NULL);
	if (rc == ERR_INVAL || rc == ERR_TOOBIG) {
		enum post_problem why = core_post_text_problem(text);
		struct draft *d = arena_alloc(r->a, sizeof *d);
		memset(d, 0, sizeof *d);
		d->field = problem_field(why);
		d->message = why ? post_problem_text(r, why) : refusal_words(r, rc);
		d->edit_id = id;
		d->status = http_status_for(rc);
		return compose_again(r, d, rc);
	}
	if (rc)
		return rc;
	/* In a pre-moderated group the new text waits for a moderator again. */
	struct post *p;
	bool held = core_post_get(CORE(r), r->a, WREQ(r)->viewer, id, &p) == 0 && p->pending;
	redirect_msg(r, arena_printf(r->a, "/posts/%llu", (unsigned long long)id), held ? "pending" : "saved");
	return 0;
}

int h_post_history(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	uint64_t id;
	struct post *p;
	int rc;
	if ((rc = post_id(r, &id)) || (rc = core_post_get(q->w->core, r->a, q->viewer, id, &p)))
		return rc;
	struct post_edit *e;
	size_t n;
	if ((rc = core_post_history(q->w->core, r->a, q->viewer, id, &e, &n)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Eerdere versies"));
	tv_set(m, "post", post_model(r, p));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set_str(r->a, x, "time", fmt_time(r, e[i].edited_at));
		tv_set_html(r->a, x, "html", core_render_text(q->w->core, r->a, e[i].text));
		tv_push(l, x);
	}
	tv_set(m, "edits", l);
	tv_set_bool(r->a, m, "empty", n == 0);
	return page_render(r, "history", m);
}

int h_post_action(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
	struct wreq *q = WREQ(r);
	uint64_t id;
	if ((rc = post_id(r, &id)))
		return rc;
	const char *act = http_param(r, "action");
	if (!strcmp(act, "delete")) {
		if ((rc = core_post_delete(q->w->core, q->viewer, id)))
			return rc;
		redirect_msg(r, "/", "deleted");
		return 0;
	}
	if (!strcmp(act, "fav") || !strcmp(act, "unfav"))
		rc = core_fav(q->w->core, q->viewer, id, act[0] == 'f');
	else if (!strcmp(act, "approve") || !strcmp(act, "reject"))
		rc = core_group_approve(q->w->core, q->viewer, id, act[0] == 'a');
	else if (!strcmp(act, "pin") || !strcmp(act, "unpin"))
		rc = core_group_pin(q->w->core, q->viewer, id, act[0] == 'p');
	else if (!strcmp(act, "boost") || !strcmp(act, "unboost"))
		rc = core_boost(q->w->core, q->viewer, id, act[0] == 'b');
	else
		return ERR_NOTFOUND;
	if (rc)
		return rc;
	/* Back to where the button was pressed, if that was on this site. */
	const char *back = http_form(r, "back");
	http_redirect(r, back ? local_path(back) : arena_printf(r->a, "/posts/%llu", (unsigned long long)id));
	return 0;
}

int h_notifications(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
	struct wreq *q = WREQ(r);
	struct page pg;
	page_from_query(r, &pg);
	struct notification *v;
	size_t n;
	if ((rc = core_notifications(q->w->core, r->a, q->viewer, &pg, &v, &n)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Meldingen"));
	static const char *what[] = {
		N_("noemde u in een bericht"), N_("reageerde op uw bericht"), N_("volgt u nu"),
		N_("wil u volgen"), N_("vond uw bericht fijn"), N_("deelde uw bericht"),
		N_("wil lid worden van een kring die u modereert"), N_("heeft u toegelaten tot een kring"),
		N_("nodigt u uit voor een kring"), N_("geeft u een waarschuwing van de moderatie"),
		N_("heeft uw bericht goedgekeurd"), N_("meldde iets voor de moderatie"),
	};
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++) {
		struct tval *x = tv_obj(r->a);
		tv_set(x, "actor", account_model(r, v[i].actor));
		tv_set_str(r->a, x, "what", _r(r, what[v[i].kind >= 0 && v[i].kind <= 11 ? v[i].kind : 0]));
		tv_set_bool(r->a, x, "is_group", v[i].kind >= NOTIF_GROUP_REQUEST && v[i].kind <= NOTIF_GROUP_INVITE);
		tv_set_bool(r->a, x, "is_report", v[i].kind == NOTIF_REPORT);
		tv_set_str(r->a, x, "time", fmt_time(r, v[i].created_at));
		tv_set_bool(r->a, x, "unread", !v[i].read);
		tv_set_bool(r->a, x, "is_request", v[i].kind == NOTIF_FOLLOW_REQUEST);
		if (v[i].post)
			tv_set(x, "post", post_model(r, v[i].post));
		tv_push(l, x);
	}
	tv_set(m, "notifications", l);
	tv_set_bool(r->a, m, "empty", n == 0);
	if (n == (size_t)pg.limit)
		pager_model(r, m, "/notifications", v[n - 1].id, 0);
	return page_render(r, "notifications", m);
}

int h_notifications_read(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
	if ((rc = store_notif_mark_read(CORE(r)->store, WREQ(r)->viewer)))
		return rc;
	http_redirect(r, "/notifications");
	return 0;
}

int h_follow_requests(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
	struct account **v;
	size_t n;
	if ((rc = store_follow_requests(CORE(r)->store, r->a, WREQ(r)->viewer, &v, &n)))
		return rc;
	struct tval *m = page_model(r, _r(r, "Volgverzoeken"));
	struct tval *l = tv_list(r->a);
	for (size_t i = 0; i < n; i++)
		tv_push(l, account_model(r, v[i]));
	tv_set(m, "people", l);
	tv_set_bool(r->a, m, "empty", n == 0);
	return page_render(r, "follow_requests", m);
}

int h_follow_answer(struct http_req *r)
{
	int rc = need_login(r);
	if (rc)
		return rc;
	struct account *acc;
	if ((rc = load_account(r, &acc)))
		return rc;
	const char *act = http_param(r, "action");
	if (strcmp(act, "accept") && strcmp(act, "reject"))
		return ERR_NOTFOUND;
	if ((rc = core_follow_answer(CORE(r), WREQ(r)->viewer, acc->id, act[0] == 'a')))
		return rc;
	redirect_msg(r, "/follow-requests", "saved");
	return 0;
}

int h_search(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	const char *query = http_query(r, "q");
	struct tval *m = page_model(r, _r(r, "Zoeken"));
	if (query && *query) {
		struct page pg;
		page_from_query(r, &pg);
		struct search_result sr;
		int rc = core_search(q->w->core, r->a, q->viewer, query, &pg, &sr);
		if (rc)
			return rc;
		tv_set_str(r->a, m, "q", query);
		struct tval *people = tv_list(r->a), *tags = tv_list(r->a);
		for (size_t i = 0; i < sr.npeople; i++)
			tv_push(people, account_model(r, sr.people[i]));
		for (size_t i = 0; i < sr.ntags; i++) {
			struct tval *t = tv_obj(r->a);
			tv_set_str(r->a, t, "name", sr.tags[i]);
			struct buf b = BUF_INIT(512);
			url_encode(&b, sr.tags[i], strlen(sr.tags[i]));
			tv_set_strf(r->a, t, "url", "/tags/%s", b.ptr);
			buf_release(&b);
			tv_set_int(r->a, t, "count", sr.tag_counts[i]);
			tv_push(tags, t);
		}
		if (sr.npeople)
			tv_set(m, "people", people);
		if (sr.ntags)
			tv_set(m, "tags", tags);
		tv_set(m, "posts", posts_model(r, sr.posts, sr.nposts));
		tv_set_bool(r->a, m, "searched", true);
		tv_set_bool(r->a, m, "nothing", !sr.npeople && !sr.ntags && !sr.nposts);
		struct buf b = BUF_INIT(1024);
		buf_adds(&b, "/search?q=");
		url_encode(&b, query, strlen(query));
		pager_model(r, m, arena_strdup(r->a, b.ptr), sr.older, 0);
		buf_release(&b);
	}
	return page_render(r, "search", m);
}
