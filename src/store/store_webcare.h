#ifndef STORE_STORE_WEBCARE_H
#define STORE_STORE_WEBCARE_H

/* Webcare (webcare.c): an organisation's inbox items, their history, teams
 * and their members, opening hours, triage rules, templates and what was
 * sent.  Rules about who may see or do what are core's (core/webcare.c). */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "store/types.h"

#define STORE_WC_LIST_MAX 200   /* an inbox page holds at most this many items */
#define STORE_WC_SMALL_MAX 100  /* teams, members, rules, templates, periods, history */

/* Insert unless the organisation has an item with this origin and key:
 * *inserted says which (an item seen twice is one item). */
int store_wc_item_insert(struct store *s, const struct wc_item *it, bool *inserted) WARN_UNUSED;
/* One of org's items; ERR_NOTFOUND for another organisation's. */
int store_wc_item_get(struct store *s, struct arena *a, uint64_t org, uint64_t id, struct wc_item **out) WARN_UNUSED;
int store_wc_item_by_key(struct store *s, struct arena *a, uint64_t org, const char *origin, const char *key,
                         struct wc_item **out) WARN_UNUSED;
/* org's items visible at now, urgent first, then by priority, oldest first;
 * those still snoozed (pending until after now) last. */
int store_wc_items(struct store *s, struct arena *a, uint64_t org, const struct wc_filter *f, int64_t now,
                   struct wc_item **out, size_t *n) WARN_UNUSED;
/* Save what triage and handling change (status .. followup_sent, updated_at). */
int store_wc_item_update(struct store *s, const struct wc_item *it) WARN_UNUSED;
/* A post was deleted / edited: its items go / show the new text. */
int store_wc_post_gone(struct store *s, uint64_t post) WARN_UNUSED;
int store_wc_post_text(struct store *s, uint64_t post, const char *text) WARN_UNUSED;
/* The waiting items of a team (no one assigned, status new), oldest first. */
int store_wc_queue(struct store *s, struct arena *a, uint64_t org, uint64_t team, int limit, uint64_t **ids,
                   size_t *n) WARN_UNUSED;
/* Answered items whose follow-up reminder is due at now and not sent yet. */
int store_wc_followups_due(struct store *s, struct arena *a, int64_t now, int limit, struct wc_item **out,
                           size_t *n) WARN_UNUSED;

int store_wc_event_add(struct store *s, uint64_t item, uint64_t actor, const char *action, const char *note,
                       int64_t now) WARN_UNUSED;
int store_wc_events(struct store *s, struct arena *a, uint64_t item, struct wc_event **out, size_t *n) WARN_UNUSED;

/* Teams: insert when t->id is 0 (a new id is given), else update. ERR_CONFLICT: name taken. */
int store_wc_team_save(struct store *s, struct wc_team *t) WARN_UNUSED;
int store_wc_team_delete(struct store *s, uint64_t org, uint64_t id) WARN_UNUSED;
int store_wc_teams(struct store *s, struct arena *a, uint64_t org, struct wc_team **out, size_t *n) WARN_UNUSED;
int store_wc_team_get(struct store *s, struct arena *a, uint64_t org, uint64_t id, struct wc_team **out) WARN_UNUSED;
int store_wc_team_rr(struct store *s, uint64_t team, uint64_t account) WARN_UNUSED;

/* Members, with their load: open (assigned) items in org. */
int store_wc_member_set(struct store *s, uint64_t team, uint64_t account, bool available, int cap) WARN_UNUSED;
int store_wc_member_remove(struct store *s, uint64_t team, uint64_t account) WARN_UNUSED;
int store_wc_members(struct store *s, struct arena *a, uint64_t org, uint64_t team, struct wc_member **out,
                     size_t *n) WARN_UNUSED;
int store_wc_member_touch(struct store *s, uint64_t team, uint64_t account, int64_t ms) WARN_UNUSED;
/* The teams account is in (within org). */
int store_wc_member_teams(struct store *s, struct arena *a, uint64_t org, uint64_t account, uint64_t **out,
                          size_t *n) WARN_UNUSED;

/* person left org's staff: out of its teams. */
int store_wc_staff_gone(struct store *s, uint64_t org, uint64_t person) WARN_UNUSED;

/* Opening hours: replace a team's periods and holidays ("YYYY-MM-DD"). */
int store_wc_hours_set(struct store *s, uint64_t team, const struct wc_period *p, size_t n) WARN_UNUSED;
int store_wc_hours(struct store *s, struct arena *a, uint64_t team, struct wc_period **out, size_t *n) WARN_UNUSED;
int store_wc_holidays_set(struct store *s, uint64_t team, const char *const *days, size_t n) WARN_UNUSED;
int store_wc_holidays(struct store *s, struct arena *a, uint64_t team, const char ***out, size_t *n) WARN_UNUSED;

int store_wc_rule_insert(struct store *s, const struct wc_rule *r) WARN_UNUSED;
int store_wc_rule_delete(struct store *s, uint64_t org, uint64_t id) WARN_UNUSED;
int store_wc_rules(struct store *s, struct arena *a, uint64_t org, struct wc_rule **out, size_t *n) WARN_UNUSED;

int store_wc_template_insert(struct store *s, const struct wc_template *t) WARN_UNUSED;
int store_wc_template_delete(struct store *s, uint64_t org, uint64_t id) WARN_UNUSED;
int store_wc_templates(struct store *s, struct arena *a, uint64_t org, struct wc_template **out, size_t *n)
	WARN_UNUSED;

/* Was key (an unchanged template, or a text) sent by org to someone other
 * than recipient? */
int store_wc_sent_other(struct store *s, uint64_t org, const char *key, const char *recipient, bool *out) WARN_UNUSED;
int store_wc_sent_add(struct store *s, uint64_t org, const char *key, const char *recipient, uint64_t item,
                      int64_t now) WARN_UNUSED;

/* Items of org that became visible in [from, to), for the measures: at most
 * max (*n says how many; more were there when *n == max). */
#define STORE_WC_MEASURE_MAX 50000
int store_wc_measure_rows(struct store *s, struct arena *a, uint64_t org, int64_t from, int64_t to,
                          struct wc_mrow **out, size_t *n) WARN_UNUSED;

/* Spike alerts: organisations with items written since `since`; counts
 * per bucket of items written in [from, from + n * bucket); alerts. */
int store_wc_active_orgs(struct store *s, struct arena *a, int64_t since, size_t max, uint64_t **out, size_t *n)
    WARN_UNUSED;
int store_wc_bucket_counts(struct store *s, uint64_t org, int64_t from, int bucket, size_t n, uint32_t *counts)
    WARN_UNUSED;
int store_wc_alert_add(struct store *s, struct wc_alert *al) WARN_UNUSED;
/* org's newest alert made at or after since; ERR_NOTFOUND if none. */
int store_wc_alert_last(struct store *s, uint64_t org, int64_t since, struct wc_alert *out) WARN_UNUSED;

/* Crisis mode: org's crisis row (ERR_NOTFOUND: never), set it, its updates
 * since `since`, newest first (at most STORE_WC_LIST_MAX). */
int store_wc_crisis_get(struct store *s, struct arena *a, uint64_t org, struct wc_crisis *out) WARN_UNUSED;
int store_wc_crisis_set(struct store *s, const struct wc_crisis *c) WARN_UNUSED;
int store_wc_crisis_update_add(struct store *s, uint64_t org, uint64_t author, const char *text, int64_t now)
    WARN_UNUSED;
int store_wc_crisis_updates(struct store *s, struct arena *a, uint64_t org, int64_t since,
                            struct wc_crisis_update **out, size_t *n) WARN_UNUSED;

/* Crisis mode in apps: the active crises of organisations viewer follows or
 * whose groups (the organisation moderates them) viewer is a member of,
 * newest first; one of them, by organisation (ERR_NOTFOUND when not so). */
int store_wc_crises_for(struct store *s, struct arena *a, uint64_t viewer, size_t max, struct wc_crisis **out,
                        size_t *n) WARN_UNUSED;
int store_wc_crisis_for(struct store *s, struct arena *a, uint64_t viewer, uint64_t org, struct wc_crisis *out)
    WARN_UNUSED;
/* A crisis (re)starts: its announcement (id = the organisation's) is unread
 * and without reactions again. */
int store_wc_crisis_ann_reset(struct store *s, uint64_t org) WARN_UNUSED;

/* Inside items that are not posts (consultation-hour questions, reviews), by
 * their key: gone (with their history), or their text changed. */
int store_wc_key_gone(struct store *s, uint64_t org, const char *origin, const char *key) WARN_UNUSED;
int store_wc_key_text(struct store *s, uint64_t org, const char *origin, const char *key, const char *text)
    WARN_UNUSED;

#endif
