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
	struct http_route *routes;
};

extern struct web *web_global;

/* Hung on http_req.user for the request's life. */
struct wreq {
	struct web *w;
	uint64_t viewer;           /* 0 = anonymous */
	struct account *me;
	char csrf[65];             /* the token forms must carry */
	const char *lang;          /* "nl" or "en" */
	const char *session_token; /* cookie value, NULL if none */
	bool want_csrf_cookie;     /* anonymous visitor needs a CSRF cookie set */
};

#define WREQ(r) ((struct wreq *)(r)->user)
#define CORE(r) (WREQ(r)->w->core)

/* Translate a Dutch source string for this request. */
const char *_r(struct http_req *r, const char *msgid);
#define N_(s) (s)

/* A fresh page model with the layout's values (site, me, csrf, title). */
struct tval *page_model(struct http_req *r, const char *title);
/* Render template `name` with model into the response. */
int page_render(struct http_req *r, const char *name, struct tval *model);
/* Require a logged-in viewer: returns ERR_AUTH (redirects to login). */
int need_login(struct http_req *r);
/* Redirect with a short notice key shown on the next page. */
void redirect_msg(struct http_req *r, const char *to, const char *msg);
/* A post as template values. */
struct tval *post_model(struct http_req *r, struct post *p);
/* An account as template values (for lists). */
struct tval *account_model(struct http_req *r, struct account *acc);
/* "2 nov 2026, 14:05" in the request's language, Dutch time. */
const char *fmt_time(struct http_req *r, int64_t t);
/* Page cursor from ?max_id= / ?min_id=. */
void page_from_query(struct http_req *r, struct page *pg);
/* Add "older"/"newer" links for a timeline at base path (which may carry a query). */
void pager_model(struct http_req *r, struct tval *m, const char *base, uint64_t older, uint64_t newer);

/* Mark what the privacy guard found in text, for the review page. */
void guard_model(struct http_req *r, struct tval *m, const char *text, const struct guard_result *g);

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
int h_post_action(struct http_req *r);
int h_notifications(struct http_req *r);
int h_notifications_read(struct http_req *r);
int h_follow_requests(struct http_req *r);
int h_follow_answer(struct http_req *r);
int h_search(struct http_req *r);
int h_login_form(struct http_req *r);
int h_login(struct http_req *r);
int h_logout(struct http_req *r);
int h_register_form(struct http_req *r);
int h_register(struct http_req *r);
int h_setup_form(struct http_req *r);
int h_setup(struct http_req *r);
int h_reset_form(struct http_req *r);
int h_reset(struct http_req *r);
int h_settings(struct http_req *r);
int h_settings_profile(struct http_req *r);
int h_settings_password_form(struct http_req *r);
int h_settings_password(struct http_req *r);
int h_settings_language(struct http_req *r);
int h_admin(struct http_req *r);
int h_admin_site(struct http_req *r);
int h_admin_users(struct http_req *r);
int h_admin_role(struct http_req *r);
int h_admin_reset(struct http_req *r);
int h_admin_invite(struct http_req *r);
int h_admin_org(struct http_req *r);
int h_admin_staff(struct http_req *r);
int h_admin_policy_form(struct http_req *r);
int h_admin_policy(struct http_req *r);

#endif
