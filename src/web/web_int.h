#ifndef WEB_WEB_INT_H
#define WEB_WEB_INT_H

/* Internal to web/: the per-request context and helpers shared by pages. */

#include <stdbool.h>
#include <stdint.h>

#include "core/core.h"
#include "http/http.h"
#include "web/i18n.h"
#include "web/tmpl.h"

struct web {
	struct core *core;
	struct http_server *http;
	struct tmpl_set *tmpl;
	struct i18n *en;
	char base_url[256];
	struct http_route *routes; /* for the server, in the order of web_pages */
};

/* Who may call a page route; the router checks it once (web.c, allow). */
enum web_who {
	WEB_ANYONE,                /* visitors too (the handler may still ask core) */
	WEB_LOGIN,                 /* logged in: others go to /login?next=... (GET) or 401 */
	WEB_MOD,                   /* an instance moderator or administrator (403 to others) */
	WEB_ADMIN,                 /* an administrator */
};

struct web_route {
	int methods;
	const char *pattern;
	http_handler fn;
	enum web_who who;
};

extern const struct web_route web_pages[];
extern const size_t web_npages;

extern struct web *web_global;

/*
 * What a person typed in a compose or edit form that was refused, brought
 * back to the same page (home, thread, group, edit) with the problem
 * marked beside its field.  Lives in the request's arena.
 */
struct draft {
	const char *field;         /* "text", "to", "media", or NULL: only the summary */
	const char *message;       /* the problem, in the page's language */
	const uint64_t *media_ids; /* uploads kept with the draft */
	size_t nmedia;
	bool media_lost;           /* a chosen file is not kept: choose it again */
	bool plain;                /* "Controleer de leesbaarheid": show the check (plain.c) */
	uint64_t edit_id;          /* the edit form of this post, not the compose form */
	int status;                /* the answer's status */
};

/* Hung on http_req.user for the request's life. */
struct wreq {
	struct web *w;
	uint64_t viewer;           /* 0 = anonymous */
	struct account *me;
	char csrf[65];             /* the token forms must carry */
	const char *lang;          /* "nl" or "en" */
	const char *session_token; /* cookie value, NULL if none */
	bool want_csrf_cookie;     /* anonymous visitor needs a CSRF cookie set */
	const struct draft *draft; /* set while a refused form is shown again */
	/* The groups' names post_model showed on this page, read once each. */
	struct { uint64_t id; const char *name, *display; } groups[8];
	int ngroups;
};

#define WREQ(r) ((struct wreq *)(r)->user)
#define CORE(r) (WREQ(r)->w->core)

/* Translate a Dutch source string for this request. */
const char *_r(struct http_req *r, const char *msgid);
#define N_(s) (s)

/* The text size for this request (enum text_size): the person's, or a
 * visitor's cookie TEXT_COOKIE. */
#define TEXT_COOKIE "kring_tekst"
int web_text_size(struct http_req *r);
/* A fresh page model with the layout's values (site, me, csrf, title). */
struct tval *page_model(struct http_req *r, const char *title);
/* Render template `name` with model into the response. */
int page_render(struct http_req *r, const char *name, struct tval *model);
/* A refused form shown again: error in the model, field (if any) marked
 * bad_<field>, status 400.  Nothing when error is NULL. */
void form_error(struct http_req *r, struct tval *m, const char *error, const char *field);
/* Answer b (taken: released here) as a CSV download named filename, never
 * kept by a shared cache (the figures are for staff only). */
int csv_send(struct http_req *r, struct buf *b, const char *filename) WARN_UNUSED;
/* Require a logged-in viewer: returns ERR_AUTH (redirects to login). */
/* `path` if it is a path on this site ("/x"), else "/": no scheme, no "//",
 * no backslash, no control characters (browsers drop tabs and newlines, so
 * "/\t/evil" would become "//evil"). */
const char *local_path(const char *path);
/* Redirect with a short notice key shown on the next page. */
void redirect_msg(struct http_req *r, const char *to, const char *msg);
/* A post as template values. */
struct tval *post_model(struct http_req *r, struct post *p);
/* A page of posts, with what they show beside their rows fetched at once. */
struct tval *posts_model(struct http_req *r, struct post **v, size_t n);
/* An account as template values (for lists). */
struct tval *account_model(struct http_req *r, struct account *acc);
/* "2 nov 2026, 14:05" in the request's language, Dutch time. */
/* The sentence of a NOTIF_APPOINTMENT's note (web/appointment.c), NULL if none. */
const char *appt_notif_text(struct http_req *r, const char *note);
const char *fmt_time(struct http_req *r, int64_t t);
/* Page cursor from ?max_id= / ?min_id=. */
void page_from_query(struct http_req *r, struct page *pg);
/* Add "older"/"newer" links for a timeline at base path (which may carry a query). */
void pager_model(struct http_req *r, struct tval *m, const char *base, uint64_t older, uint64_t newer);

/* Mark what the privacy guard found in text, for the review page. */
void guard_model(struct http_req *r, struct tval *m, const char *text, const struct guard_result *g);

/* Groups, reports, conversations (group.c). */
struct tval *group_model(struct http_req *r, const struct group *g);
struct tval *reports_model(struct http_req *r, struct mod_report *v, size_t n);
/* The moderation log's entries, in words. */
struct tval *mod_log_model(struct http_req *r, struct mod_entry *v, size_t n);
/* The guidelines to accept before speaking for org; the post in (if any)
 * goes with the accept form and is placed once they are accepted. */
int guidelines_page(struct http_req *r, uint64_t org, const struct post_input *in);
/* Show the page the compose or edit form came from again with the draft:
 * the text and choices from the request's form, the problem beside its
 * field.  Returns 0 (answered with d->status) or err if it cannot. */
int compose_again(struct http_req *r, const struct draft *d, int err);
/* The draft's values on a form's model (compose, group compose, edit). */
void draft_model(struct http_req *r, struct tval *c);
/* plain.c: the readability check of the form's text on c ("plain"), and
 * h_post_create's answer to "Controleer de leesbaarheid". */
void plain_model(struct http_req *r, struct tval *c);
int plain_check_page(struct http_req *r, const struct post_input *in);
/* The request's form fields as hidden inputs ({name, value}) except those
 * in own[] and altN, then media_id for each of in's uploads. */
struct tval *hidden_fields(struct http_req *r, const char *const *own, size_t nown, const struct post_input *in);
/* Why a post was refused, in words (NULL: nothing specific). */
const char *post_problem_text(struct http_req *r, enum post_problem why);
int h_groups(struct http_req *r);
int h_group_create(struct http_req *r);
int h_group(struct http_req *r);
int h_group_action(struct http_req *r);
int h_group_members(struct http_req *r);
int h_group_member_action(struct http_req *r);
int h_group_link(struct http_req *r);
int h_group_queue(struct http_req *r);
int h_group_figures(struct http_req *r);
int h_join_form(struct http_req *r);
int h_join(struct http_req *r);
int h_report(struct http_req *r);
int h_moderation(struct http_req *r);
int h_moderation_act(struct http_req *r);
int h_messages(struct http_req *r);
int h_message_new(struct http_req *r);
int h_message_leave(struct http_req *r);
int h_guidelines_accept(struct http_req *r);
int h_admin_groups(struct http_req *r);
/* appointment.c: booking, mijn afspraken, availability, the calendar feed. */
int h_appt_book_page(struct http_req *r);
int h_appt_book(struct http_req *r);
int h_appt_mine(struct http_req *r);
int h_appt_cancel(struct http_req *r);
int h_appt_move_page(struct http_req *r);
int h_appt_move(struct http_req *r);
int h_calfeed_new(struct http_req *r);
int h_calfeed_revoke(struct http_req *r);
int h_calfeed(struct http_req *r);
int h_availability_page(struct http_req *r);
int h_availability_save(struct http_req *r);
/* review.c: reviews of organisations and professionals (issue 19). */
int h_reviews(struct http_req *r);
int h_review_form(struct http_req *r);
int h_review_create(struct http_req *r);
int h_review_service(struct http_req *r);
int h_review_reply(struct http_req *r);
int h_review_withdraw(struct http_req *r);
int h_mod_reviews(struct http_req *r);
int h_mod_review_act(struct http_req *r);

/* match.c: choosing a care worker (issue 19). */
int h_match(struct http_req *r);
int h_match_list(struct http_req *r);
int h_match_mine(struct http_req *r);
int h_match_requests(struct http_req *r);
int h_match_undo(struct http_req *r);
int h_match_choose(struct http_req *r);
/* plan.c: my plan (issue 19). */
int h_plan(struct http_req *r);
int h_plan_print(struct http_req *r);
int h_plan_act(struct http_req *r);
int h_plan_other(struct http_req *r);
int h_plan_suggest(struct http_req *r);
int h_home_client(struct http_req *r);
/* thuis.c: the client's home, informal carers (issue 19, docs/thuis.md). */
int thuis_carer_model(struct http_req *r, struct tval *m);
int h_carers(struct http_req *r);
int h_carers_save(struct http_req *r);
int h_carers_stop(struct http_req *r);
int h_carer_for(struct http_req *r);
int h_care_share_page(struct http_req *r);
int h_care_share(struct http_req *r);
int h_care_media_act(struct http_req *r);
void thuis_media_model(struct http_req *r, struct tval *m, uint64_t client);
/* appointment.c: one appointment as the lists show it. */
struct appointment;
struct tval *appt_item_model(struct http_req *r, const struct appointment *ap);
int h_settings_pro(struct http_req *r);
int h_settings_pro_save(struct http_req *r);

/* announce.c: the administrator's announcements. */
int h_admin_announcements(struct http_req *r);
/* Blocking other servers (web/fed_admin.c). */
int h_admin_fed(struct http_req *r);
int h_admin_fed_block(struct http_req *r);
int h_admin_fed_unblock(struct http_req *r);
/* People elsewhere on the pages (web/fed_page.c): the search page for
 * @user@host (ERR_INVAL: not such a query), a remote profile's origin, and
 * the notice naming @user@host not found for a post just written. */
int fed_search_page(struct http_req *r, struct tval *m, const char *query);
void fed_profile_model(struct http_req *r, struct tval *m, const struct account *acc);
void fed_unfound_notice(struct http_req *r, struct tval *m, uint64_t post);
int h_admin_announcement_new(struct http_req *r);
int h_admin_announcement_publish(struct http_req *r);
int h_admin_announcement_unpublish(struct http_req *r);
int h_admin_announcement_delete(struct http_req *r);
/* webcare (web/webcare.c) */
int h_webcare_home(struct http_req *r);
int h_webcare_inbox(struct http_req *r);
int h_webcare_item(struct http_req *r);
int h_webcare_item_action(struct http_req *r);
int h_webcare_settings(struct http_req *r);
int h_webcare_settings_action(struct http_req *r);
/* webcare measures (web/webcare_measure.c) */
int h_webcare_measures(struct http_req *r);
int h_webcare_measures_csv(struct http_req *r);
/* webcare crisis mode (web/webcare_crisis.c); the banner: NULL when org is not in crisis */
int h_crisis(struct http_req *r);
int h_crisis_action(struct http_req *r);
struct tval *webcare_crisis_banner(struct http_req *r, const struct account *org);

/* consult.c: consultation hours. */
int h_consult_list(struct http_req *r);
int h_consult_new(struct http_req *r);
int h_consult_open(struct http_req *r);
int h_consult(struct http_req *r);
int h_consult_ask(struct http_req *r);
int h_consult_follow(struct http_req *r);
int h_consult_question(struct http_req *r);
int h_consult_act(struct http_req *r);
/* The sessions of owner on its profile ("consults"), if any. */
void consult_profile_model(struct http_req *r, struct tval *m, uint64_t owner);

/* Page handlers (pages.c, account.c, admin.c). */
int h_index(struct http_req *r);
int h_local(struct http_req *r);
int h_tag(struct http_req *r);
int h_profile(struct http_req *r);
int h_people(struct http_req *r);
int h_relation(struct http_req *r);
int h_thread(struct http_req *r);
int h_post_create(struct http_req *r);
int h_post_edit_form(struct http_req *r);
int h_post_edit(struct http_req *r);
int h_post_history(struct http_req *r);
/* vacancy.c: vacancies, their form and feeds (issue 20) */
int h_vacancies(struct http_req *r);
int h_vacancies_atom(struct http_req *r);
int h_vacancies_json(struct http_req *r);
int h_vacancy_new(struct http_req *r);
int h_vacancy_create(struct http_req *r);
/* ambassador.c: ambassadors (issue 20); amb_link answers /l/<post>-a<code>,
 * amb_after_click counts an application after a counted click in post. */
int h_ambassador(struct http_req *r);
int h_ambassador_act(struct http_req *r);
int h_ambassadors(struct http_req *r);
int h_ambassadors_csv(struct http_req *r);
int h_trend_csv(struct http_req *r);
int h_group_figures_csv(struct http_req *r);
int amb_link(struct http_req *r, uint64_t post, const char *code);
void amb_after_click(struct http_req *r, uint64_t post);
/* The "ambassador of" badges of acc on a profile page's model m. */
void amb_badge_model(struct http_req *r, struct tval *m, const struct account *acc);
/* guidelines_reach.c: guidelines reach (issue 20) */
int h_guidelines_reach(struct http_req *r);
int h_guidelines_remind(struct http_req *r);
/* trend_page.c: did the trend break? (issue 20) */
int h_trend_page(struct http_req *r);
/* campaign.c: campaigns (issue 20) */
int h_campaigns(struct http_req *r);
int h_campaign_create(struct http_req *r);
int h_campaign(struct http_req *r);
int h_campaign_csv(struct http_req *r);
int h_campaign_update(struct http_req *r);
int h_campaign_delete(struct http_req *r);
/* reach.c: the reach of a post, for its author side (issue 20) */
int h_post_reach(struct http_req *r);
int h_link(struct http_req *r);
int h_post_action(struct http_req *r);
int h_notifications(struct http_req *r);
int h_notifications_read(struct http_req *r);
int h_follow_requests(struct http_req *r);
int h_follow_answer(struct http_req *r);
int h_search(struct http_req *r);
int h_directory(struct http_req *r);
int h_poll_vote(struct http_req *r);
int h_settings_text(struct http_req *r);
int h_login_form(struct http_req *r);
int h_login(struct http_req *r);
int h_logout(struct http_req *r);
int h_register_form(struct http_req *r);
int h_register(struct http_req *r);
int h_setup_form(struct http_req *r);
int h_setup(struct http_req *r);
int h_reset_form(struct http_req *r);
int h_reset(struct http_req *r);
int h_welcome(struct http_req *r);
int h_forgot_form(struct http_req *r);
int h_forgot(struct http_req *r);
int h_staff_reset(struct http_req *r);
int h_settings_email(struct http_req *r);
int h_settings(struct http_req *r);
int h_settings_profile(struct http_req *r);
int h_settings_password_form(struct http_req *r);
int h_settings_password(struct http_req *r);
int h_settings_language(struct http_req *r);
int h_admin(struct http_req *r);
int h_admin_site(struct http_req *r);
int h_admin_users(struct http_req *r);
int h_admin_role(struct http_req *r);
int h_admin_suspend(struct http_req *r);
int h_admin_unsuspend(struct http_req *r);
int h_admin_reset(struct http_req *r);
int h_admin_invite(struct http_req *r);
int h_admin_org(struct http_req *r);
int h_admin_staff(struct http_req *r);
int h_admin_policy_form(struct http_req *r);
int h_admin_policy(struct http_req *r);
int h_admin_org_page(struct http_req *r);
int h_admin_org_profile(struct http_req *r);
int h_admin_staff_remove(struct http_req *r);
int h_admin_org_invite(struct http_req *r);
int h_admin_org_logo(struct http_req *r);
int h_privacy(struct http_req *r);
int h_admin_privacy(struct http_req *r);

/* OAuth pages (oauth.c). */
int h_oauth_authorize(struct http_req *r);
int h_oauth_approve(struct http_req *r);
int h_settings_apps(struct http_req *r);
int h_settings_app_revoke(struct http_req *r);

/* Media (media.c). */
/* Upload the compose form's files ("media", alt texts "alt1".."alt4") into in;
 * a negative return means a refusal page was already rendered (answer 0). */
int media_from_form(struct http_req *r, struct post_input *in);
/* Add the post's media ("media" list, "has_media") to its template model. */
void media_post_model(struct http_req *r, struct tval *m, struct post *p);
/* Is any of a post's media still being processed? */
bool media_processing(struct http_req *r, struct post *p);
/* The avatar URL of an account: the uploaded picture, else the generated SVG. */
const char *media_avatar_url(struct http_req *r, struct account *acc);
int h_media(struct http_req *r);
int h_settings_avatar(struct http_req *r);
int h_admin_org_media(struct http_req *r);

#endif
