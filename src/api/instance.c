/* The instance, NodeInfo, preferences, markers, filters and reports. */
#include "api/api_int.h"

#include <string.h>

#include "base/err.h"
#include "base/id.h"
#include "base/text.h"
#include "core/federation.h"
#include "core/push.h"

#ifndef KRING_VERSION
#define KRING_VERSION "0.0.0"
#endif
#define MASTODON_VERSION "4.3.0 (compatible; kring " KRING_VERSION ")"

static const char *host_of(const char *base)
{
	const char *p = strstr(base, "://");
	return p ? p + 3 : base;
}

static int64_t user_count(struct actx *x)
{
	int64_t n = 0;
	if (core_user_count(x->c, &n))
		n = 0; /* the figure is a courtesy: none rather than no answer */
	return n;
}

static void limits(struct jw *j)
{
	jw_key(j, "statuses");
	jw_obj(j);
	jw_kint(j, "max_characters", CORE_POST_MAX_CHARS);
	jw_kint(j, "max_media_attachments", CORE_MEDIA_MAX_PER_POST);
	jw_kint(j, "characters_reserved_per_url", 23);
	jw_end(j);
	jw_key(j, "media_attachments");
	jw_obj(j);
	/* What core/media_sniff.c takes; apps shrink uploads to these limits
	 * (0 makes some refuse every upload).  Video frame rate and size are
	 * not limited here: generous values keep apps from re-encoding. */
	static const char *const mime[] = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/heif",
	                                   "image/heic", "video/mp4", "video/quicktime", "video/webm",
	                                   "audio/mp4", "audio/mpeg", "audio/ogg"};
	jw_key(j, "supported_mime_types");
	jw_arr(j);
	for (size_t i = 0; i < sizeof mime / sizeof mime[0]; i++)
		jw_str(j, mime[i]);
	jw_arr_end(j);
	jw_kint(j, "image_size_limit", CORE_MEDIA_MAX_IMAGE);
	jw_kint(j, "image_matrix_limit", CORE_MEDIA_MAX_PIXELS);
	jw_kint(j, "video_size_limit", CORE_MEDIA_MAX_AV);
	jw_kint(j, "video_frame_rate_limit", 120);
	jw_kint(j, "video_matrix_limit", 8192 * 4320);
	jw_end(j);
	jw_key(j, "polls");
	jw_obj(j);
	jw_kint(j, "max_options", STORE_POLL_MAX);
	jw_kint(j, "max_characters_per_option", 100);
	jw_kint(j, "min_expiration", 300);
	jw_kint(j, "max_expiration", 2629746);
	jw_end(j);
}

int a_instance_v1(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct site site;
	core_site_get(x.c, x.a, &site);
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_kstr(&j, "uri", host_of(x.base));
	jw_kstr(&j, "title", site.name);
	jw_kstr(&j, "short_description", site.description);
	jw_kstr(&j, "description", site.description);
	jw_kstr(&j, "email", "");
	jw_kstr(&j, "version", MASTODON_VERSION);
	jw_key(&j, "urls");
	jw_obj(&j);
	jw_kstr(&j, "streaming_api", arena_printf(x.a, "%s%s", r->tls ? "wss://" : "ws://", host_of(x.base)));
	jw_end(&j);
	jw_key(&j, "stats");
	jw_obj(&j);
	jw_kint(&j, "user_count", user_count(&x));
	jw_kint(&j, "status_count", 0);
	jw_kint(&j, "domain_count", 0);
	jw_end(&j);
	jw_kstr(&j, "thumbnail", arena_printf(x.a, "%s/static/icon.svg", x.base));
	jw_key(&j, "languages");
	jw_arr(&j);
	jw_str(&j, "nl");
	jw_str(&j, "en");
	jw_arr_end(&j);
	jw_kbool(&j, "registrations", site.open_registration);
	jw_kbool(&j, "approval_required", false);
	jw_kbool(&j, "invites_enabled", true);
	jw_key(&j, "configuration");
	jw_obj(&j);
	jw_key(&j, "accounts");
	jw_obj(&j);
	jw_kint(&j, "max_featured_tags", 0);
	jw_kint(&j, "max_pinned_statuses", 5);
	jw_end(&j);
	limits(&j);
	jw_end(&j);
	jw_knull(&j, "contact_account");
	jw_kempty(&j, "rules");
	jw_end(&j);
	return 0;
}

int a_instance_v2(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct site site;
	core_site_get(x.c, x.a, &site);
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_kstr(&j, "domain", host_of(x.base));
	jw_kstr(&j, "title", site.name);
	jw_kstr(&j, "version", MASTODON_VERSION);
	jw_kstr(&j, "source_url", "https://example.invalid/kring");
	jw_kstr(&j, "description", site.description);
	jw_key(&j, "usage");
	jw_obj(&j);
	jw_key(&j, "users");
	jw_obj(&j);
	jw_kint(&j, "active_month", user_count(&x));
	jw_end(&j);
	jw_end(&j);
	jw_key(&j, "thumbnail");
	jw_obj(&j);
	jw_kstr(&j, "url", arena_printf(x.a, "%s/static/icon.svg", x.base));
	jw_end(&j);
	/* One icon: the SVG scales to any size an app asks for. */
	jw_key(&j, "icon");
	jw_arr(&j);
	jw_obj(&j);
	jw_kstr(&j, "src", arena_printf(x.a, "%s/static/icon.svg", x.base));
	jw_kstr(&j, "size", "32x32");
	jw_end(&j);
	jw_arr_end(&j);
	jw_key(&j, "languages");
	jw_arr(&j);
	jw_str(&j, "nl");
	jw_str(&j, "en");
	jw_arr_end(&j);
	jw_key(&j, "configuration");
	jw_obj(&j);
	jw_key(&j, "urls");
	jw_obj(&j);
	jw_kstr(&j, "streaming", arena_printf(x.a, "%s%s", r->tls ? "wss://" : "ws://", host_of(x.base)));
	jw_knull(&j, "status");
	jw_end(&j);
	jw_key(&j, "vapid");
	jw_obj(&j);
	jw_kstr(&j, "public_key", core_push_server_key());
	jw_end(&j);
	jw_key(&j, "accounts");
	jw_obj(&j);
	jw_kint(&j, "max_featured_tags", 0);
	jw_kint(&j, "max_pinned_statuses", 5);
	jw_end(&j);
	limits(&j);
	jw_key(&j, "translation");
	jw_obj(&j);
	jw_kbool(&j, "enabled", false);
	jw_end(&j);
	jw_end(&j);
	jw_key(&j, "registrations");
	jw_obj(&j);
	jw_kbool(&j, "enabled", site.open_registration);
	jw_kbool(&j, "approval_required", false);
	jw_knull(&j, "message");
	jw_knull(&j, "url");
	jw_end(&j);
	jw_key(&j, "api_versions");
	jw_obj(&j);
	jw_kint(&j, "mastodon", 2);
	jw_end(&j);
	jw_key(&j, "contact");
	jw_obj(&j);
	jw_kstr(&j, "email", "");
	jw_knull(&j, "account");
	jw_end(&j);
	jw_kempty(&j, "rules");
	jw_end(&j);
	return 0;
}

int a_nodeinfo_links(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	json_begin(&x);
	buf_nofail(buf_addf(&r->out,
	                    "{\"links\":[{\"rel\":\"http://nodeinfo.diaspora.software/ns/schema/2.0\","
	                    "\"href\":\"%s/nodeinfo/2.0\"}]}",
	                    x.base));
	return 0;
}

int a_nodeinfo(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct site site;
	core_site_get(x.c, x.a, &site);
	json_begin(&x);
	r->content_type = "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.0#\"";
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_kstr(&j, "version", "2.0");
	jw_key(&j, "software");
	jw_obj(&j);
	jw_kstr(&j, "name", "kring");
	jw_kstr(&j, "version", KRING_VERSION);
	jw_end(&j);
	jw_key(&j, "protocols");
	jw_arr(&j);
	jw_str(&j, "activitypub");
	jw_arr_end(&j);
	jw_key(&j, "services");
	jw_obj(&j);
	jw_kempty(&j, "inbound");
	jw_kempty(&j, "outbound");
	jw_end(&j);
	jw_kbool(&j, "openRegistrations", site.open_registration);
	jw_key(&j, "usage");
	jw_obj(&j);
	jw_key(&j, "users");
	jw_obj(&j);
	jw_kint(&j, "total", user_count(&x));
	jw_end(&j);
	jw_end(&j);
	jw_key(&j, "metadata");
	jw_obj(&j);
	jw_kstr(&j, "nodeName", site.name);
	jw_end(&j);
	jw_end(&j);
	return 0;
}

int a_preferences(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_kstr(&j, "posting:default:visibility",
	        core_default_visibility(x.me) == VIS_FOLLOWERS ? "private" : "public");
	jw_kbool(&j, "posting:default:sensitive", false);
	jw_kstr(&j, "posting:default:language", x.me->lang);
	jw_kstr(&j, "reading:expand:media", "default");
	jw_kbool(&j, "reading:expand:spoilers", false);
	jw_end(&j);
	return 0;
}

int a_empty_list(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	return json_literal(&x, "[]");
}

/* ---- markers ---- */

static void marker_json(struct actx *x, struct jw *j, const char *tl)
{
	struct marker m;
	if (core_marker_get(x->c, x->viewer, tl, &m))
		return;
	jw_key(j, tl);
	jw_obj(j);
	jw_key(j, "last_read_id");
	jw_str(j, arena_printf(x->a, "%llu", (unsigned long long)m.last_read_id));
	jw_kint(j, "version", m.version);
	jw_ktime(j, "updated_at", m.updated_at);
	jw_end(j);
}

int a_markers_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	const char *tls[4];
	size_t n = arg_all(&x, "timeline", tls, 4);
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	bool home = n == 0, notif = n == 0;
	for (size_t i = 0; i < n; i++) {
		home |= !strcmp(tls[i], "home");
		notif |= !strcmp(tls[i], "notifications");
	}
	if (home)
		marker_json(&x, &j, "home");
	if (notif)
		marker_json(&x, &j, "notifications");
	jw_end(&j);
	return 0;
}

int a_markers_set(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	static const char *names[] = {"home", "notifications"};
	const char *set[2];
	uint64_t ids[2] = {0, 0};
	size_t n = 0;
	const char *vals[2] = {arg(&x, "home[last_read_id]"), arg(&x, "notifications[last_read_id]")};
	if (!vals[0] && !vals[1])
		return api_fail(&x, 422, "Validation failed: no timeline given");
	for (int i = 0; i < 2; i++) {
		if (!vals[i])
			continue;
		if (!parse_u64(vals[i], &ids[n]))
			return api_fail(&x, 422, "Validation failed: last_read_id is not an id");
		set[n++] = names[i];
	}
	if ((rc = core_markers_set(x.c, x.viewer, set, ids, n)))
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	for (int i = 0; i < 2; i++)
		if (vals[i])
			marker_json(&x, &j, names[i]);
	jw_end(&j);
	return 0;
}

/* ---- filters v2 ---- */

/* The fields the request gives (partial: only those it names); core
 * checks them. */
static void filter_fields(struct actx *x, struct filter *f, bool partial)
{
	const char *title = arg(x, "title");
	if (title)
		f->title = title;
	const char *ctx[8];
	size_t n = arg_all(x, "context", ctx, 8);
	if (n) {
		struct buf b = BUF_INIT(256);
		for (size_t i = 0; i < n; i++)
			buf_nofail(buf_addf(&b, "%s%s", i ? "," : "", ctx[i]));
		f->context = arena_strdup(x->a, b.ptr);
		buf_release(&b);
	} else if (!partial) {
		f->context = NULL;
	}
	const char *action = arg(x, "filter_action");
	if (action)
		f->action = action;
	uint64_t exp;
	if (arg_id(x, "expires_in", &exp) && exp <= INT64_MAX)
		IGNORE_RESULT(core_filter_expiry((int64_t)exp, &f->expires_at)); /* out of range: no end, as before */
	const char *kws[20], *whole[20];
	size_t nk = arg_all(x, "keywords_attributes[][keyword]", kws, 20);
	size_t nw = arg_all(x, "keywords_attributes[][whole_word]", whole, 20);
	f->kw = arena_alloc(x->a, (nk + 1) * sizeof *f->kw);
	for (size_t i = 0; i < nk; i++) {
		f->kw[i].keyword = kws[i];
		f->kw[i].whole_word = i < nw ? (!strcmp(whole[i], "true") || !strcmp(whole[i], "1")) : true;
	}
	f->nkw = nk;
}

static int find_filter(struct actx *x, uint64_t id, struct filter **out)
{
	return core_filter_get(x->c, x->a, x->viewer, id, out);
}

/* core_filter_save's refusals as Mastodon words them. */
static int filter_refused(struct actx *x, int rc)
{
	if (rc == ERR_INVAL)
		return api_fail(x, 422, "Validation failed: title, context or keywords are invalid");
	if (rc == ERR_TOOBIG)
		return api_fail(x, 422, "Validation failed: too many filters or keywords");
	return rc;
}

static int filter_reply(struct actx *x, uint64_t id)
{
	struct filter *f;
	int rc = find_filter(x, id, &f);
	if (rc)
		return rc;
	json_begin(x);
	struct jw j;
	jw_init(&j, &x->r->out);
	ent_filter(&j, f);
	return 0;
}

int a_filters_list(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct filter *v;
	size_t n;
	if ((rc = core_filters(x.c, x.a, x.viewer, &v, &n)))
		return rc;
	struct jw j;
	json_list(&x, &j);
	for (size_t i = 0; i < n; i++)
		ent_filter(&j, &v[i]);
	jw_arr_end(&j);
	return 0;
}

int a_filter_create(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct filter f = {0};
	filter_fields(&x, &f, false);
	if ((rc = core_filter_save(x.c, x.viewer, &f)))
		return filter_refused(&x, rc);
	return filter_reply(&x, f.id);
}

int a_filter_get(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	return filter_reply(&x, param_id(r, "id"));
}

int a_filter_update(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct filter *f;
	if ((rc = find_filter(&x, param_id(r, "id"), &f)))
		return rc;
	struct filter g = *f;
	filter_fields(&x, &g, true);
	if ((rc = core_filter_save(x.c, x.viewer, &g)))
		return filter_refused(&x, rc);
	return filter_reply(&x, g.id);
}

int a_filter_delete(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_filter_delete(x.c, x.viewer, param_id(r, "id"))))
		return rc;
	return json_literal(&x, "{}");
}

int a_filter_kw_create(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	struct filter_kw k = {.keyword = arg(&x, "keyword"), .whole_word = arg_bool(&x, "whole_word", true)};
	rc = core_filter_keyword_add(x.c, x.a, x.viewer, param_id(r, "id"), &k);
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: keyword is invalid");
	if (rc)
		return filter_refused(&x, rc);
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_kid(&j, "id", k.id);
	jw_kstr(&j, "keyword", k.keyword);
	jw_kbool(&j, "whole_word", k.whole_word);
	jw_end(&j);
	return 0;
}

int a_filter_kw_delete(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	if ((rc = core_filter_keyword_delete(x.c, x.viewer, param_id(r, "id"))))
		return rc;
	return json_literal(&x, "{}");
}

/* ---- reports ---- */

int a_reports_create(struct http_req *r)
{
	struct actx x;
	int rc = api_begin(r, &x);
	if (rc)
		return rc;
	uint64_t target;
	struct account *acc;
	if (!arg_id(&x, "account_id", &target) || core_account_get(x.c, x.a, target, &acc))
		return ERR_NOTFOUND;
	const char *comment = arg(&x, "comment");
	if (!comment)
		comment = "";
	if (text_check(comment, strlen(comment), 1000))
		return api_fail(&x, 422, "Validation failed: comment is too long");
	const char *category = arg(&x, "category");
	if (!category || (strcmp(category, "spam") && strcmp(category, "legal") && strcmp(category, "violation")))
		category = "other";
	const char *sids[20];
	size_t ns = arg_all(&x, "status_ids", sids, 20);
	uint64_t ids[20];
	for (size_t i = 0; i < ns; i++) {
		struct post *p;
		if (!parse_u64(sids[i], &ids[i]) || core_post_get(x.c, x.a, x.viewer, ids[i], &p) || p->author_id != target)
			return api_fail(&x, 422, "Validation failed: a status does not belong to the account");
	}
	/* Reports from apps reach the same moderators as reports from the web:
	 * one report per status (group content goes to the group's moderators),
	 * or one about the account. */
	const char *reason = *comment ? comment : category;
	uint64_t id = 0;
	for (size_t i = 0; i < ns && !rc; i++)
		rc = core_report(x.c, x.a, x.viewer, target, ids[i], reason, false, &id);
	if (!ns)
		rc = core_report(x.c, x.a, x.viewer, target, 0, reason, false, &id);
	if (rc == ERR_INVAL)
		return api_fail(&x, 422, "Validation failed: you cannot report yourself");
	if (rc)
		return rc;
	/* forward=true: another server's account is reported to its server too
	 * (a Flag from this instance, the reporter not named). */
	bool forwarded = false;
	if (arg_bool(&x, "forward", false) && (rc = core_fed_flag(x.c, x.a, x.viewer, target, ids, ns, comment,
	                                                          &forwarded)))
		return rc;
	json_begin(&x);
	struct jw j;
	jw_init(&j, &r->out);
	jw_obj(&j);
	jw_kid(&j, "id", id);
	jw_kbool(&j, "action_taken", false);
	jw_knull(&j, "action_taken_at");
	jw_kstr(&j, "category", category);
	jw_kstr(&j, "comment", comment);
	jw_kbool(&j, "forwarded", forwarded);
	jw_ktime(&j, "created_at", time_now());
	jw_key(&j, "status_ids");
	jw_arr(&j);
	for (size_t i = 0; i < ns; i++)
		jw_str(&j, sids[i]);
	jw_arr_end(&j);
	jw_kempty(&j, "rule_ids");
	jw_key(&j, "target_account");
	ent_account(&x, &j, acc);
	jw_end(&j);
	return 0;
}
