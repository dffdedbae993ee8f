#ifndef API_API_INT_H
#define API_API_INT_H

/* Internal to api/: request context, arguments, JSON writing, entities. */

#include <stdbool.h>
#include <stdint.h>

#include "api/api.h"
#include "core/core.h"
#include "core/oauth.h"

extern struct core *api_core;

#define API_MAX_ARGS 128

/* One API request: who is asking (from the bearer token) and its arguments
 * (query, then the form or JSON body, flattened the same way). */
struct actx {
	struct http_req *r;
	struct core *c;
	struct arena *a;
	const char *base;          /* "https://host" without a trailing slash */
	uint64_t viewer;           /* 0: none or an app-only token */
	struct account *me;
	struct oauth_token tok;
	bool has_token;
	struct http_field args[API_MAX_ARGS];
	int nargs;
	int query_from;            /* args[query_from..nargs) came from the query */
};

/*
 * One API route: its method(s), path and handler, and what it asks of the
 * caller's token, which api_begin checks before the handler does anything
 * (the only place it is checked).  scope is one of:
 *   API_PUBLIC          anyone; a token that is sent must be valid, no scope
 *   API_TOKEN           any valid token, also an app's own (no user)
 *   "s1 s2|s3"          a user's token holding s1 and s2, or holding s3
 *   API_OPT("s1|s2")    also without a token (the anonymous view); a token
 *                       that is sent must hold one of them, else 403
 * Every field is required: a route without a valid scope stops api_init.
 */
struct api_route {
	int methods;
	const char *pattern;
	http_handler fn;
	const char *scope;
};
#define API_PUBLIC "public"
#define API_TOKEN  "token"
#define API_OPT(s) "opt:" s
extern const struct api_route api_table[];
extern const size_t api_ntable;
/* 0 if every route of v declares a scope that parses; else ERR_INVAL (logged). */
int api_routes_check(const struct api_route *v, size_t n);
/* Does the granted scope list meet need ("s1 s2|s3", without "opt:")? */
bool api_scope_meets(const char *granted, const char *need);

/*
 * Start a request: parse arguments (ERR_INVAL for a malformed body) and
 * resolve the token against the scope its route declares (ERR_AUTH if a
 * token is needed and missing or invalid, ERR_FORBIDDEN if outside its
 * scopes).
 */
int api_begin(struct http_req *r, struct actx *x);
/* The bearer token the request was made with (after api_begin), or NULL. */
const char *api_bearer(struct actx *x);
/* An argument by name ("status", "poll[options][]"), first occurrence; or NULL. */
const char *arg(struct actx *x, const char *name);
/* All values of an array argument ("types[]" and "types"), at most max. */
size_t arg_all(struct actx *x, const char *name, const char **out, size_t max);
/* Booleans as Mastodon clients send them: true/1/on. */
bool arg_bool(struct actx *x, const char *name, bool dflt);
/* An id argument; false if absent or not a number. */
bool arg_id(struct actx *x, const char *name, uint64_t *out);
/* The path's last segment: the action of routes like /statuses/:id/favourite. */
const char *path_last(struct http_req *r);
/* A path parameter as an id; 0 if malformed (callers answer 404). */
uint64_t param_id(struct http_req *r, const char *name);
/* Paging arguments: max_id, since_id, min_id, limit (default 20, max max). */
void arg_page(struct actx *x, struct page *pg, int max);
/* Set Link with next (max_id=older) and prev (min_id=newer) for this path. */
void set_link(struct actx *x, uint64_t older, uint64_t newer);
/* Start a JSON response (status 200). */
void json_begin(struct actx *x);
/* json_begin and a fixed answer ("{}", "[]"); returns 0 for the handler. */
int json_literal(struct actx *x, const char *json);
/* json_begin and an open array in j, for jw_arr_end to close. */
struct jw;
void json_list(struct actx *x, struct jw *j);
/* An error body {"error": msg} with status (a handled error; return 0 after). */
int api_fail(struct actx *x, int status, const char *msg);
/* The privacy guard's ERR_GUARD / ERR_BLOCKED as a 422 naming what was found where (statuses.c). */
struct guard_result;
int api_guard_fail(struct actx *x, int rc, const struct guard_result *g);

/* ---- JSON writer ---- */
struct jw {
	struct buf *b;
	int depth;
	unsigned char st[32];
};
void jw_init(struct jw *j, struct buf *b);
void jw_obj(struct jw *j);
void jw_end(struct jw *j);          /* closes an object */
void jw_arr(struct jw *j);
void jw_arr_end(struct jw *j);
void jw_key(struct jw *j, const char *k);
void jw_str(struct jw *j, const char *s); /* NULL writes null */
void jw_raw(struct jw *j, const char *s, size_t n); /* one value written before, as it is */
void jw_int(struct jw *j, int64_t v);
void jw_bool(struct jw *j, bool v);
void jw_dec1(struct jw *j, double v); /* a number with one decimal: 7.5 */
void jw_null(struct jw *j);
void jw_id(struct jw *j, uint64_t id); /* "123", or null for 0 */
void jw_time(struct jw *j, int64_t t); /* ISO 8601 with ms, or null for 0 */
void jw_kstr(struct jw *j, const char *k, const char *s);
void jw_kint(struct jw *j, const char *k, int64_t v);
void jw_kbool(struct jw *j, const char *k, bool v);
void jw_knull(struct jw *j, const char *k);
void jw_kid(struct jw *j, const char *k, uint64_t id);
void jw_ktime(struct jw *j, const char *k, int64_t t);
void jw_kempty(struct jw *j, const char *k); /* [] */
void jw_date(struct jw *j, int64_t t);       /* "2026-11-22" */

/* ---- entities ---- */
void ent_account(struct actx *x, struct jw *j, struct account *acc);
void ent_group(struct actx *x, struct jw *j, struct group *g);
void ent_group_relationship(struct jw *j, struct group *g);
/* Full account for its owner: with source and role. */
void ent_credential_account(struct actx *x, struct jw *j, struct account *acc);
void ent_status(struct actx *x, struct jw *j, struct post *p);
/* ent_status with the object left open, for an answer that adds fields. */
void ent_status_open(struct actx *x, struct jw *j, struct post *p);

/*
 * The response cache (api.c): api_begin_cached is api_begin that first
 * answers from the cache when it can (k->hit set, nothing else to do);
 * otherwise the handler renders, then calls api_cache_put with k.
 */
struct api_cache_key {
	const char *key;   /* NULL: not cached */
	uint64_t version;
	bool hit;
};
int api_begin_cached(struct http_req *r, struct actx *x, struct api_cache_key *k);
void api_cache_put(struct actx *x, const struct api_cache_key *k);
void ent_notification(struct actx *x, struct jw *j, struct notification *n);
void ent_relationship(struct actx *x, struct jw *j, uint64_t target);
void ent_poll(struct actx *x, struct jw *j, struct poll *p);
void ent_tag(struct actx *x, struct jw *j, const char *tag, bool with_following);
void ent_list(struct jw *j, const struct ulist *l);
void ent_filter(struct jw *j, const struct filter *f);
void ent_conversation(struct actx *x, struct jw *j, const struct conversation *cv, struct post *last);
/* Fetch a post for the viewer and write it; false (nothing written) if not visible. */
bool ent_status_id(struct actx *x, struct jw *j, uint64_t id);

/* ---- streaming (stream.c) ---- */
/* A new or edited post (event "update"/"status.update"); after commit. */
/* Listen for the other processes' stream events (api_init). */
void stream_start(struct core *c);
void stream_post(struct core *c, uint64_t id, bool edited);
void stream_delete(uint64_t id);
/* New notifications for account since a check. */
void stream_notify(struct core *c, uint64_t account);

/* ---- handlers ---- */
#define H(name) int name(struct http_req *r)
/* oauth.c */
H(a_apps_create); H(a_apps_verify); H(a_oauth_token); H(a_oauth_revoke); H(a_oauth_meta);
/* instance.c */
H(a_instance_v1); H(a_instance_v2); H(a_nodeinfo_links); H(a_nodeinfo); H(a_preferences); H(a_empty_list);
H(a_markers_get); H(a_markers_set); H(a_filters_list); H(a_filter_create); H(a_filter_get);
H(a_filter_update); H(a_filter_delete); H(a_filter_kw_create); H(a_filter_kw_delete); H(a_reports_create);
/* accounts.c */
H(a_verify_credentials); H(a_update_credentials); H(a_account_get); H(a_account_lookup);
H(a_relationships); H(a_account_statuses); H(a_account_followers); H(a_account_following);
H(a_account_action); H(a_account_lists); H(a_follow_requests); H(a_follow_request_answer);
H(a_blocks); H(a_mutes); H(a_account_search);
/* statuses.c */
H(a_status_create); H(a_status_get); H(a_status_edit); H(a_status_delete); H(a_status_context);
H(a_status_action); H(a_status_actors); H(a_status_history); H(a_status_source); H(a_poll_get);
H(a_poll_vote); H(a_statuses_many);
/* timelines.c */
H(a_tl_home); H(a_tl_public); H(a_tl_tag); H(a_tl_list); H(a_bookmarks); H(a_favourites);
H(a_notifications); H(a_notifications_unread); H(a_notification_get); H(a_notifications_clear); H(a_notification_dismiss);
H(a_search); H(a_tag_get); H(a_tag_action); H(a_followed_tags); H(a_conversations);
H(a_conversation_read); H(a_conversation_delete); H(a_lists); H(a_list_get); H(a_list_create);
H(a_list_update); H(a_list_delete); H(a_list_accounts); H(a_list_accounts_add); H(a_list_accounts_remove);
/* stream.c */
H(a_stream); H(a_stream_health);
/* notifications.c */
H(a_notif_groups); H(a_notif_group_get); H(a_notif_group_accounts); H(a_notif_group_dismiss);
H(a_notif_groups_unread); H(a_notif_policy_get); H(a_notif_policy_set);
/* scheduled.c */
H(a_sched_list); H(a_sched_get); H(a_sched_update); H(a_sched_delete);
H(a_ann_list); H(a_ann_dismiss); H(a_ann_react); H(a_ann_unreact);
/* webcare.c */
H(a_wc_items); H(a_wc_item); H(a_wc_item_action);
/* consult.c */
H(a_consult_sessions); H(a_consult_open); H(a_consult_search); H(a_consult_session); H(a_consult_follow);
H(a_consult_questions); H(a_consult_ask); H(a_consult_question); H(a_consult_answer); H(a_consult_act);
H(a_consult_change);
/* review.c: reviews (kring's own) */
H(a_review_list); H(a_review_mine); H(a_review_queue); H(a_review_log); H(a_review_score);
H(a_review_eligibility); H(a_review_create); H(a_review_services); H(a_review_edit); H(a_review_withdraw);
H(a_review_reply); H(a_review_approve); H(a_review_remove);
/* match.c: choosing a care worker (kring's own) */
H(a_match_next); H(a_match_list); H(a_match_likes); H(a_match_requests); H(a_match_profile);
H(a_match_profile_set); H(a_match_undo); H(a_match_like); H(a_match_skip); H(a_match_request);
/* reach.c: reach of a post (kring's own, issue 20) */
H(a_post_reach);
/* vacancy.c: vacancies (kring's own, issue 20) */
H(a_vacancies); H(a_vacancy_create);
/* measure and tell (issue 20, api/measure.c) */
H(a_campaigns); H(a_campaign_create); H(a_campaign); H(a_campaign_update); H(a_campaign_delete);
H(a_ambassador_mine); H(a_ambassador_join); H(a_ambassador_leave); H(a_ambassador_report);
H(a_guidelines_reach); H(a_guidelines_remind); H(a_group_figures); H(a_trend);
/* plan.c: my plan (kring's own) and its FHIR export */
H(a_plan_mine); H(a_plan_of); H(a_plan_shared); H(a_plan_fhir); H(a_plan_goal_add); H(a_plan_step_add);
H(a_plan_goal_act); H(a_plan_step_act); H(a_plan_undo); H(a_plan_share);
/* admin.c */
H(a_admin_accounts); H(a_admin_account_get); H(a_admin_account_action); H(a_admin_account_unsuspend);
H(a_admin_reports); H(a_admin_report_get); H(a_admin_report_action);
/* discover.c */
H(a_directory); H(a_familiar_followers); H(a_translation_languages);
/* push.c */
H(a_push_create); H(a_push_get); H(a_push_update); H(a_push_delete);
/* appointment.c (kring's own, /api/v1/kring/...) */
H(a_kring_providers); H(a_kring_availability); H(a_kring_slots); H(a_kring_appts); H(a_kring_appt);
H(a_kring_provider_appts); H(a_kring_reminders);
/* fhir.c: FHIR R4 read-only */
H(a_fhir_schedules); H(a_fhir_slots); H(a_fhir_appointment);
#undef H
/* POST /api/v1/statuses with scheduled_at: keep in for its time (scheduled.c). */
int api_status_schedule(struct actx *x, struct post_input *in);
/* ISO 8601 date and time as apps send it, to seconds since the epoch. */
bool api_parse_time(const char *s, int64_t *out);

/* thuis.c, appointment.c: informal carers (issue 19, docs/thuis.md). */
int a_kring_carers(struct http_req *r);
int a_kring_carer_end(struct http_req *r);
int a_kring_carer_appts(struct http_req *r);
int a_kring_care_media(struct http_req *r);
int a_kring_care_media_one(struct http_req *r);

#endif
