"""Mastodon's entities as documented (docs.joinmastodon.org/entities, the
mastodon/documentation repository), for the version kring reports (4.3.0):
fields added later are left out.  Every JSON answer the client-API and
black-box tests see is checked against the entity of its endpoint
(check_answer, called from both conftest.py files), so a required field that
goes missing, or a null where a string is documented, fails the test that saw
it.

A field spec is a type, with "?" in front when the field may be null:
  s string   i integer   n number   b boolean   id string of digits
  dt datetime string     d date string (YYYY-MM-DD)   h any object
  any anything   [T] array of T   Name another entity here
A field name starting with "~" is optional (documented as such, or only in
some answers); all others are required.
"""
import re

ENTITIES = {
    "Field": {"name": "s", "value": "s", "verified_at": "?dt"},
    "CustomEmoji": {"shortcode": "s", "url": "s", "static_url": "s", "visible_in_picker": "b", "~category": "?s"},
    "AccountRole": {"id": "s", "name": "s", "color": "s"},
    "Account": {
        "id": "id", "username": "s", "acct": "s", "url": "?s", "uri": "s", "display_name": "s", "note": "s",
        "avatar": "s", "avatar_static": "s", "header": "s", "header_static": "s", "locked": "b",
        "fields": "[Field]", "emojis": "[CustomEmoji]", "bot": "b", "group": "b", "discoverable": "?b",
        "indexable": "b", "~noindex": "?b", "~moved": "?Account", "~memorial": "b", "~suspended": "b",
        "~limited": "b", "created_at": "dt", "last_status_at": "?d", "statuses_count": "i",
        "followers_count": "i", "following_count": "i", "hide_collections": "?b", "roles": "?[AccountRole]",
        # kring: the organisation a staff member's notification is for, etc.
    },
    "Source": {"note": "s", "fields": "[Field]", "privacy": "s", "sensitive": "b", "language": "s",
               "follow_requests_count": "i", "hide_collections": "?b", "discoverable": "?b", "indexable": "b"},
    "Role": {"id": "s", "name": "s", "color": "s", "permissions": "s", "highlighted": "b"},
    "CredentialAccount": {"@": "Account", "source": "Source", "role": "Role"},
    "Mention": {"id": "id", "username": "s", "url": "s", "acct": "s"},
    "StatusTag": {"name": "s", "url": "s"},
    "StatusApplication": {"name": "s", "website": "?s"},
    "MediaAttachment": {"id": "id", "type": "s", "url": "?s", "preview_url": "?s", "remote_url": "?s",
                        "meta": "?h", "description": "?s", "blurhash": "?s"},
    "PollOption": {"title": "s", "votes_count": "?i"},
    "Poll": {"id": "id", "expires_at": "?dt", "expired": "b", "multiple": "b", "votes_count": "i",
             "voters_count": "?i", "options": "[PollOption]", "emojis": "[CustomEmoji]", "~voted": "b",
             "~own_votes": "[i]"},
    "PreviewCard": {"url": "s", "title": "s", "description": "s", "type": "s"},
    "FilterResult": {"filter": "Filter", "keyword_matches": "?[s]", "status_matches": "?[s]"},
    "Status": {
        "id": "id", "uri": "s", "created_at": "dt", "account": "Account", "content": "s", "visibility": "s",
        "sensitive": "b", "spoiler_text": "s", "media_attachments": "[MediaAttachment]",
        "~application": "StatusApplication", "mentions": "[Mention]", "tags": "[StatusTag]",
        "emojis": "[CustomEmoji]", "reblogs_count": "i", "favourites_count": "i", "replies_count": "i",
        "url": "?s", "in_reply_to_id": "?id", "in_reply_to_account_id": "?id", "reblog": "?Status",
        "poll": "?Poll", "card": "?PreviewCard", "language": "?s", "~text": "?s", "edited_at": "?dt",
        "~favourited": "b", "~reblogged": "b", "~muted": "b", "~bookmarked": "b", "~pinned": "b",
        "~filtered": "[FilterResult]",
    },
    "StatusEditPoll": {"options": "[h]"},
    "StatusEdit": {"content": "s", "spoiler_text": "s", "sensitive": "b", "created_at": "dt", "account": "Account",
                   "~poll": "StatusEditPoll", "media_attachments": "[MediaAttachment]", "emojis": "[CustomEmoji]"},
    "StatusSource": {"id": "id", "text": "s", "spoiler_text": "s"},
    "Context": {"ancestors": "[Status]", "descendants": "[Status]"},
    "Notification": {"id": "id", "type": "s", "group_key": "s", "created_at": "dt", "account": "Account",
                     "~status": "Status", "~report": "Report", "~event": "h", "~moderation_warning": "h"},
    "Relationship": {"id": "id", "following": "b", "showing_reblogs": "b", "notifying": "b", "languages": "?[s]",
                     "followed_by": "b", "blocking": "b", "blocked_by": "b", "muting": "b",
                     "muting_notifications": "b", "requested": "b", "requested_by": "b", "domain_blocking": "b",
                     "endorsed": "b", "note": "s"},
    "TagHistory": {"day": "s", "uses": "s", "accounts": "s"},
    "Tag": {"id": "id", "name": "s", "url": "s", "history": "[TagHistory]", "~following": "b"},
    "List": {"id": "id", "title": "s", "replies_policy": "s", "exclusive": "b"},
    "FilterKeyword": {"id": "id", "keyword": "s", "whole_word": "b"},
    "FilterStatus": {"id": "id", "status_id": "id"},
    "Filter": {"id": "id", "title": "s", "context": "[s]", "expires_at": "?dt", "filter_action": "s",
               "~keywords": "[FilterKeyword]", "~statuses": "[FilterStatus]"},
    "Marker": {"last_read_id": "s", "version": "i", "updated_at": "dt"},
    "Conversation": {"id": "id", "unread": "b", "accounts": "[Account]", "last_status": "?Status"},
    "Application": {"name": "s", "~id": "id", "~website": "?s", "scopes": "[s]", "redirect_uris": "[s]",
                    "~redirect_uri": "s", "~vapid_key": "s"},
    "CredentialApplication": {"@": "Application", "id": "id", "client_id": "s", "client_secret": "s"},
    "Token": {"access_token": "s", "token_type": "s", "scope": "s", "created_at": "n"},
    "Error": {"error": "s", "~error_description": "s"},
    "Report": {"id": "id", "action_taken": "b", "action_taken_at": "?dt", "category": "s", "comment": "s",
               "forwarded": "b", "created_at": "dt", "status_ids": "?[id]", "rule_ids": "?[id]",
               "target_account": "Account"},
    "Search": {"accounts": "[Account]", "statuses": "[Status]", "hashtags": "[Tag]"},
    "Preferences": {"posting:default:visibility": "s", "posting:default:sensitive": "b",
                    "posting:default:language": "?s", "reading:expand:media": "s", "reading:expand:spoilers": "b"},
    "Rule": {"id": "id", "text": "s"},
    "UnreadCount": {"count": "i"},
    # Instance (v2) and its parts.
    "InstanceUsersUsage": {"active_month": "i"},
    "InstanceUsage": {"users": "InstanceUsersUsage"},
    "InstanceThumbnail": {"url": "s", "~blurhash": "s", "~versions": "h"},
    "InstanceIcon": {"src": "s", "size": "s"},
    "InstanceUrls": {"streaming": "s", "status": "?s"},
    "InstanceVapid": {"public_key": "s"},
    "InstanceAccounts": {"max_featured_tags": "i", "max_pinned_statuses": "i"},
    "InstanceStatuses": {"max_characters": "i", "max_media_attachments": "i", "characters_reserved_per_url": "i"},
    "InstanceMedia": {"supported_mime_types": "[s]", "image_size_limit": "i", "image_matrix_limit": "i",
                      "video_size_limit": "i", "video_frame_rate_limit": "i", "video_matrix_limit": "i"},
    "InstancePolls": {"max_options": "i", "max_characters_per_option": "i", "min_expiration": "i",
                      "max_expiration": "i"},
    "InstanceTranslation": {"enabled": "b"},
    "InstanceConfiguration": {"urls": "InstanceUrls", "vapid": "InstanceVapid", "accounts": "InstanceAccounts",
                              "statuses": "InstanceStatuses", "media_attachments": "InstanceMedia",
                              "polls": "InstancePolls", "translation": "InstanceTranslation"},
    "InstanceRegistrations": {"enabled": "b", "approval_required": "b", "message": "?s", "url": "?s"},
    "InstanceApiVersions": {"mastodon": "i"},
    "InstanceContact": {"email": "s", "account": "?Account"},
    "Instance": {"domain": "s", "title": "s", "version": "s", "source_url": "s", "description": "s",
                 "usage": "InstanceUsage", "thumbnail": "InstanceThumbnail", "icon": "[InstanceIcon]",
                 "languages": "[s]", "configuration": "InstanceConfiguration",
                 "registrations": "InstanceRegistrations", "api_versions": "InstanceApiVersions",
                 "contact": "InstanceContact", "rules": "[Rule]"},
    # Instance v1.
    "V1InstanceUrls": {"streaming_api": "s"},
    "V1InstanceStats": {"user_count": "i", "status_count": "i", "domain_count": "i"},
    "V1InstanceConfiguration": {"accounts": "InstanceAccounts", "statuses": "InstanceStatuses",
                                "media_attachments": "InstanceMedia", "polls": "InstancePolls"},
    "V1Instance": {"uri": "s", "title": "s", "short_description": "s", "description": "s", "email": "s",
                   "version": "s", "urls": "V1InstanceUrls", "stats": "V1InstanceStats", "thumbnail": "?s",
                   "languages": "[s]", "registrations": "b", "approval_required": "b", "invites_enabled": "b",
                   "configuration": "V1InstanceConfiguration", "contact_account": "?Account", "rules": "[Rule]"},
    "Announcement": {"id": "id", "content": "s", "starts_at": "?dt", "ends_at": "?dt", "all_day": "b", "published_at": "dt", "updated_at": "dt", "~read": "b", "mentions": "[AnnouncementAccount]",
                     "statuses": "[AnnouncementStatus]", "tags": "[StatusTag]", "emojis": "[CustomEmoji]",
                     "reactions": "[Reaction]"},
    "AnnouncementAccount": {"id": "id", "username": "s", "url": "s", "acct": "s"},
    "AnnouncementStatus": {"id": "id", "url": "s"},
    "Reaction": {"name": "s", "count": "i", "~me": "b", "~url": "?s", "~static_url": "?s"},
    # kring's own: reviews (issue 19, docs/reviews.md)
    "KringReviewMarks": {"informatie": "i", "luisteren": "i", "wachttijd": "i", "resultaat": "i"},
    "KringReview": {"id": "id", "provider_id": "id", "marks": "KringReviewMarks", "text": "s", "service": "s",
                    "experience": "s", "relation": "s", "state": "s", "created_at": "dt", "updated_at": "dt",
                    "reply": "?s", "reply_at": "?dt", "mine": "b", "author": "?Account", "reason": "?s",
                    "signals": "[s]"},
    "KringReviewAspects": {"informatie": "?n", "luisteren": "?n", "wachttijd": "?n", "resultaat": "?n"},
    "KringReviewScore": {"provider_id": "id", "count": "i", "threshold": "i", "shown": "b", "average": "?n",
                         "aspects": "KringReviewAspects", "spread": "[i]", "years": "i"},
    "KringReviewEligibility": {"allowed": "b", "relation": "s", "reason": "?s"},
    "KringPostReach": {"id": "id", "reach": "?i", "reach_below_5": "b", "favourites_count": "i",
                       "reblogs_count": "i", "replies_count": "i", "link_clicks": "?i",
                       "link_clicks_below_5": "b"},
    # kring's own: vacancies (issue 20, docs/measure.md)
    "KringVacancy": {"id": "id", "job": "s", "hours": "s", "location": "s", "how_to_apply": "s",
                     "created_at": "dt", "url": "s", "account": "Account", "status": "Status"},
    # kring's own: measure and tell (issue 20, api/measure.c, docs/measure.md); a count below 5 is null
    # with "<name>_below_5": true beside it
    "KringCampaign": {"id": "id", "account_id": "id", "name": "s", "tag": "s", "link": "s", "goal_kind": "s",
                      "goal": "i", "starts": "d", "ends": "d", "created_at": "dt"},
    "KringCampaignPost": {"status_id": "id", "url": "s", "vacancy": "b", "reach": "?i", "reach_below_5": "b",
                          "link_clicks": "?i", "link_clicks_below_5": "b"},
    "KringCampaignProgress": {"campaign": "KringCampaign", "reach": "i", "link_clicks": "i", "applications": "i",
                              "value": "i", "percent": "i", "truncated": "b", "posts": "[KringCampaignPost]"},
    "KringAmbassadorLink": {"status_id": "id", "url": "s", "reached": "?i", "reached_below_5": "b",
                            "clicks": "?i", "clicks_below_5": "b", "applied": "?i", "applied_below_5": "b"},
    "KringAmbassadorship": {"organisation": "Account", "consent": "b", "joined_at": "dt",
                            "links": "[KringAmbassadorLink]"},
    "KringAmbassadorRow": {"account": "?Account", "others": "b", "campaign_id": "?id", "campaign_name": "?s",
                           "reached": "?i", "reached_below_5": "b", "clicks": "?i", "clicks_below_5": "b",
                           "applied": "?i", "applied_below_5": "b"},
    "KringWeekVisits": {"week": "d", "visits": "?i", "visits_below_5": "b"},
    "KringAmbassadorReport": {"rows": "[KringAmbassadorRow]", "weeks": "[KringWeekVisits]"},
    "KringGuidelinesReach": {"has_guidelines": "b", "staff": "i", "accepted": "i", "percent": "i",
                             "viewer_accepted": "b", "remind_every_days": "i"},
    "KringGuidelinesRemind": {"sent": "i", "waiting": "i", "next_at": "?dt"},
    "KringGroupWeek": {"week": "d", "statuses": "i", "joined": "i", "reach": "?i", "reach_below_5": "b"},
    "KringTrendWeek": {"week": "i", "total": "?i", "total_below_5": "b"},
    "KringTrend": {"measure": "s", "day": "d", "verdict": "s", "relative_percent": "?n",
                   "relative_percent_low": "?n", "relative_percent_high": "?n", "expected_per_week": "?n",
                   "observed_per_week": "?n", "weeks": "[KringTrendWeek]"},
    "KringReviewLogEntry": {"id": "id", "review_id": "id", "actor_id": "?id", "action": "s", "reason": "s",
                            "created_at": "dt"},
    "KringReviewServices": {"org_id": "id", "services_off": "[s]"},
    # kring's own: choosing a care worker (issue 19, docs/matching.md)
    "KringMatchCard": {"account": "Account", "introduction": "s", "approach": "s", "taking_new_clients": "b",
                       "why": "[s]", "liked": "b", "requested": "b"},
    "KringMatchRequest": {"account": "Account", "message": "s", "created_at": "dt"},
    "KringProProfile": {"introduction": "s", "approach": "s", "taking_new_clients": "b"},
    "KringMatchUndo": {"undone_id": "?id"},
    # kring's own: my plan (issue 19, docs/plan.md)
    "KringPlanStep": {"id": "id", "goal_id": "id", "text": "s", "state": "s", "suggested_by": "?id", "done": "b",
                      "done_at": "?dt"},
    "KringPlanGoal": {"id": "id", "area": "s", "pictogram": "s", "pictogram_url": "s", "text": "s", "state": "s",
                      "suggested_by": "?id", "stars": "i", "steps_total": "i", "reached": "b",
                      "photo": "?MediaAttachment",
                      "steps": "[KringPlanStep]"},
    "KringPlanShare": {"account": "Account", "kind": "s"},
    "KringPlan": {"account": "Account", "mine": "b", "share": "?s", "goals": "[KringPlanGoal]",
                  "shares": "[KringPlanShare]"},
    "KringPlanAction": {"id": "?id", "celebrate": "b", "undone": "b"},
    # kring's own: informal carers (issue 19, docs/thuis.md)
    "KringCarer": {"account": "Account", "appointments": "b", "act": "b", "since": "dt"},
    "KringCarers": {"carers": "[KringCarer]", "clients": "[KringCarer]"},
    "KringCareMedia": {"id": "id", "client_id": "id", "account": "Account", "media": "MediaAttachment",
                       "caption": "s", "family": "b", "created_at": "dt"},
    "Suggestion": {"source": "s", "~sources": "[s]", "account": "Account"},
    "FeaturedTag": {"id": "id", "name": "s", "url": "s", "statuses_count": "i", "last_status_at": "?d"},
    "DomainBlock": {"domain": "s", "digest": "s", "severity": "s", "~comment": "s"},
    "FamiliarFollowers": {"id": "id", "accounts": "[Account]"},
    "ScheduledStatus": {"id": "id", "scheduled_at": "dt", "params": "h", "media_attachments": "[MediaAttachment]"},
    "WebPushSubscription": {"id": "id", "endpoint": "s", "~standard": "b", "server_key": "s", "alerts": "h",
                            "~policy": "s"},
    # Grouped notifications (methods/grouped_notifications).
    "PartialAccountWithAvatar": {"id": "id", "acct": "s", "url": "s", "avatar": "s", "avatar_static": "s",
                                 "locked": "b", "bot": "b"},
    # most_recent_notification_id: documented as a String; Mastodon 4.3
    # itself sends a number, so both are taken.
    "NotificationGroup": {"group_key": "s", "notifications_count": "i", "type": "s",
                          "most_recent_notification_id": "id|i", "~page_min_id": "id", "~page_max_id": "id",
                          "~latest_page_notification_at": "dt", "sample_account_ids": "[id]", "~status_id": "id",
                          "~report": "Report", "~event": "h", "~moderation_warning": "h"},
    "GroupedNotificationsResults": {"accounts": "[Account]", "~partial_accounts": "[PartialAccountWithAvatar]",
                                    "statuses": "[Status]", "notification_groups": "[NotificationGroup]"},
    "NotificationPolicySummary": {"pending_requests_count": "i", "pending_notifications_count": "i"},
    "NotificationPolicy": {"for_not_following": "s", "for_not_followers": "s", "for_new_accounts": "s",
                           "for_private_mentions": "s", "for_limited_accounts": "s",
                           "summary": "NotificationPolicySummary"},
    # Admin (entities/Admin_Account, Admin_Report).
    "AdminIp": {"ip": "s", "used_at": "dt"},
    "AdminAccount": {"id": "id", "username": "s", "domain": "?s", "created_at": "dt", "email": "s", "ip": "?s",
                     "ips": "[AdminIp]", "locale": "s", "invite_request": "?s", "role": "Role", "confirmed": "b",
                     "approved": "b", "disabled": "b", "sensitized": "b", "silenced": "b", "suspended": "b",
                     "account": "Account", "~created_by_application_id": "id", "~invited_by_account_id": "id"},
    "AdminReport": {"id": "id", "action_taken": "b", "action_taken_at": "?dt", "category": "s", "comment": "s",
                    "forwarded": "b", "created_at": "dt", "updated_at": "dt", "account": "AdminAccount",
                    "target_account": "AdminAccount", "assigned_account": "?AdminAccount",
                    "action_taken_by_account": "?AdminAccount", "statuses": "[Status]", "rules": "[Rule]"},
    # kring's own: consultation hours (/api/v1/kring/consult/..., docs/consult.md).
    "KringConsultStatistics": {"questions": "i", "answered": "i", "median_seconds_to_answer": "?i"},
    "KringConsultSession": {"id": "id", "account": "Account", "topic": "s", "disclaimer": "s", "starts_at": "dt",
                            "ends_at": "dt", "audience": "s", "group_id": "?id", "answers_private": "b",
                            "announcement_id": "?id", "url": "s", "following": "b", "staff": "b",
                            "~statistics": "KringConsultStatistics"},
    "KringConsultAnswer": {"id": "id", "question_id": "id", "text": "s", "created_at": "dt", "accepted": "b"},
    "KringConsultQuestion": {"id": "id", "session_id": "id", "text": "s", "visibility": "s", "anonymous": "b",
                             "state": "s", "reason": "s", "account": "?Account", "pseudonym": "?i", "mine": "b",
                             "created_at": "dt", "merged_into_id": "?id", "url": "s",
                             "answers": "[KringConsultAnswer]"},
    "Empty": {},
    # kring's own (docs/api.md): webcare, an organisation's inbox.
    "KringWebcareEvent": {"id": "id", "action": "s", "note": "s", "account_id": "?id", "created_at": "dt"},
    "KringWebcareItem": {"id": "id", "kind": "s", "origin": "s", "status_id": "?id", "account_id": "?id",
                         "author_name": "s", "url": "s", "title": "s", "text": "s", "created_at": "dt",
                         "status": "s", "snoozed_until": "?dt", "topic": "s", "priority": "i", "team_id": "?id",
                         "assignee_id": "?id", "sentiment": "s", "score_milli": "i", "urgent": "b",
                         "first_answer_at": "?dt", "follow_up_at": "?dt", "~history": "[KringWebcareEvent]"},
    # kring's own (/api/v1/kring/...): appointments (issue 18, docs/api.md).
    "KringAppointmentKind": {"key": "s", "minutes": "i"},
    "KringProvider": {"id": "id", "username": "s", "display_name": "s", "kind": "s",
                      "kinds": "[KringAppointmentKind]"},
    "KringAvailability": {"provider_id": "id", "spec": "s", "slot_minutes": "i", "buffer_before_minutes": "i",
                          "buffer_after_minutes": "i", "minimum_notice_minutes": "i", "ahead_days": "i",
                          "kinds": "[KringAppointmentKind]", "time_zone": "s"},
    "KringSlot": {"start": "dt", "end": "dt"},
    "KringAppointment": {"id": "id", "provider_id": "id", "client_id": "id", "booked_by_id": "id", "kind": "s",
                         "start": "dt", "end": "dt", "state": "s", "sequence": "i", "created_at": "dt",
                         "updated_at": "dt"},
    "KringReminder": {"id": "id", "appointment_id": "id", "kind": "s", "sequence": "i", "start": "dt",
                      "created_at": "dt"},
}

# Endpoints (method, path pattern) -> the entity of a successful answer:
# "Name" one entity, "[Name]" a list of them, "{Name}" an object of them
# (markers), None for an answer not checked (non-JSON, streams).
ROUTES = [
    ("POST", "/api/v1/apps", "CredentialApplication"),
    ("GET", "/api/v1/apps/verify_credentials", "Application"),
    ("POST", "/oauth/token", "Token"),
    ("POST", "/oauth/revoke", "Empty"),
    ("GET", "/api/v1/instance", "V1Instance"),
    ("GET", "/api/v1/instance/", "V1Instance"),
    ("GET", "/api/v2/instance", "Instance"),
    ("GET", "/api/v1/instance/peers", "[s]"),
    ("GET", "/api/v1/instance/rules", "[Rule]"),
    ("GET", "/api/v1/instance/translation_languages", "h"),
    ("GET", "/api/v1/preferences", "Preferences"),
    ("GET", "/api/v1/custom_emojis", "[CustomEmoji]"),
    ("GET", "/api/v1/kring/match/next", "KringMatchCard"),
    ("GET", "/api/v1/kring/match/list", "[KringMatchCard]"),
    ("GET", "/api/v1/kring/match/likes", "[KringMatchCard]"),
    ("GET", "/api/v1/kring/match/requests", "[KringMatchRequest]"),
    ("GET", "/api/v1/kring/match/profile", "KringProProfile"),
    ("PUT", "/api/v1/kring/match/profile", "KringProProfile"),
    ("POST", "/api/v1/kring/match/undo", "KringMatchUndo"),
    ("POST", "/api/v1/kring/match/:id/like", "Empty"),
    ("POST", "/api/v1/kring/match/:id/skip", "Empty"),
    ("POST", "/api/v1/kring/match/:id/request", "Empty"),
    ("GET", "/api/v1/kring/plan", "KringPlan"),
    ("GET", "/api/v1/kring/plan/shared", "[KringPlanShare]"),
    ("GET", "/api/v1/kring/plan/fhir", None),
    ("POST", "/api/v1/kring/plan/goals", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/goals/:id/steps", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/goals/:id/accept", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/goals/:id/decline", "KringPlanAction"),
    ("DELETE", "/api/v1/kring/plan/goals/:id", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/steps/:id/done", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/steps/:id/undone", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/steps/:id/accept", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/steps/:id/decline", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/goals/:id/withdraw", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/goals/:id/photo", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/steps/:id/withdraw", "KringPlanAction"),
    ("DELETE", "/api/v1/kring/plan/steps/:id", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/undo", "KringPlanAction"),
    ("POST", "/api/v1/kring/plan/shares", "KringPlanAction"),
    ("GET", "/api/v1/kring/plan/:id", "KringPlan"),
    ("GET", "/api/v1/kring/carers", "KringCarers"),
    ("POST", "/api/v1/kring/carers", "KringCarers"),
    ("DELETE", "/api/v1/kring/carers/:id", "KringCarers"),
    ("GET", "/api/v1/kring/carers/:id/appointments", "[KringAppointment]"),
    ("GET", "/api/v1/kring/care_media", "[KringCareMedia]"),
    ("POST", "/api/v1/kring/care_media", "[KringCareMedia]"),
    ("PUT", "/api/v1/kring/care_media/:id", "Empty"),
    ("DELETE", "/api/v1/kring/care_media/:id", "Empty"),
    ("GET", "/api/v1/kring/reviews", "[KringReview]"),
    ("GET", "/api/v1/kring/reviews/mine", "[KringReview]"),
    ("GET", "/api/v1/kring/reviews/queue", "[KringReview]"),
    ("GET", "/api/v1/kring/reviews/log", "[KringReviewLogEntry]"),
    ("GET", "/api/v1/kring/reviews/score/:id", "KringReviewScore"),
    ("GET", "/api/v1/kring/posts/:id/reach", "KringPostReach"),
    ("GET", "/api/v1/kring/vacancies", "[KringVacancy]"),
    ("POST", "/api/v1/kring/vacancies", "KringVacancy"),
    ("GET", "/api/v1/kring/campaigns", "[KringCampaign]"),
    ("POST", "/api/v1/kring/campaigns", "KringCampaign"),
    ("GET", "/api/v1/kring/campaigns/:id", "KringCampaignProgress"),
    ("PUT", "/api/v1/kring/campaigns/:id", "KringCampaign"),
    ("DELETE", "/api/v1/kring/campaigns/:id", "Empty"),
    ("GET", "/api/v1/kring/ambassador", "[KringAmbassadorship]"),
    ("POST", "/api/v1/kring/ambassador/:id", "KringAmbassadorship"),
    ("DELETE", "/api/v1/kring/ambassador/:id", "Empty"),
    ("GET", "/api/v1/kring/ambassadors/:id", "KringAmbassadorReport"),
    ("GET", "/api/v1/kring/guidelines/:id/reach", "KringGuidelinesReach"),
    ("POST", "/api/v1/kring/guidelines/:id/remind", "KringGuidelinesRemind"),
    ("GET", "/api/v1/kring/groups/:id/figures", "[KringGroupWeek]"),
    ("GET", "/api/v1/kring/trend/:id", "KringTrend"),
    ("GET", "/api/v1/kring/reviews/eligibility/:id", "KringReviewEligibility"),
    ("POST", "/api/v1/kring/reviews", "KringReview"),
    ("POST", "/api/v1/kring/reviews/services", "KringReviewServices"),
    ("PUT", "/api/v1/kring/reviews/:id", "KringReview"),
    ("DELETE", "/api/v1/kring/reviews/:id", "Empty"),
    ("POST", "/api/v1/kring/reviews/:id/reply", "KringReview"),
    ("POST", "/api/v1/kring/reviews/:id/approve", "KringReview"),
    ("POST", "/api/v1/kring/reviews/:id/remove", "KringReview"),
    ("GET", "/api/v1/announcements", "[Announcement]"),
    ("GET", "/api/v1/kring/consult/sessions", "[KringConsultSession]"),
    ("POST", "/api/v1/kring/consult/sessions", "KringConsultSession"),
    ("GET", "/api/v1/kring/consult/search", "[KringConsultQuestion]"),
    ("GET", "/api/v1/kring/consult/sessions/:id", "KringConsultSession"),
    ("PUT", "/api/v1/kring/consult/sessions/:id", "KringConsultSession"),
    ("DELETE", "/api/v1/kring/consult/sessions/:id", "Empty"),
    ("POST", "/api/v1/kring/consult/sessions/:id/follow", "KringConsultSession"),
    ("POST", "/api/v1/kring/consult/sessions/:id/unfollow", "KringConsultSession"),
    ("GET", "/api/v1/kring/consult/sessions/:id/questions", "[KringConsultQuestion]"),
    ("POST", "/api/v1/kring/consult/sessions/:id/questions", "KringConsultQuestion"),
    ("GET", "/api/v1/kring/consult/questions/:id", "KringConsultQuestion"),
    ("POST", "/api/v1/kring/consult/questions/:id/answers", "KringConsultQuestion"),
    ("POST", "/api/v1/kring/consult/questions/:id/decline", "KringConsultQuestion"),
    ("POST", "/api/v1/kring/consult/questions/:id/private", "KringConsultQuestion"),
    ("POST", "/api/v1/kring/consult/questions/:id/merge", "KringConsultQuestion"),
    ("POST", "/api/v1/kring/consult/questions/:id/accept", "KringConsultQuestion"),
    ("POST", "/api/v1/kring/consult/questions/:id/report", "KringConsultQuestion"),
    ("POST", "/api/v1/announcements/:id/dismiss", "Empty"),
    ("PUT", "/api/v1/announcements/:id/reactions/:name", "Empty"),
    ("DELETE", "/api/v1/announcements/:id/reactions/:name", "Empty"),
    ("GET", "/api/v1/trends", "[Tag]"),
    ("GET", "/api/v1/trends/tags", "[Tag]"),
    ("GET", "/api/v1/trends/statuses", "[Status]"),
    ("GET", "/api/v1/suggestions", "[Account]"),
    ("GET", "/api/v2/suggestions", "[Suggestion]"),
    ("GET", "/api/v1/endorsements", "[Account]"),
    ("GET", "/api/v1/domain_blocks", "[s]"),
    ("GET", "/api/v1/featured_tags", "[FeaturedTag]"),
    ("GET", "/api/v1/filters", "[h]"),
    ("GET", "/api/v1/scheduled_statuses", "[ScheduledStatus]"),
    ("GET", "/api/v1/scheduled_statuses/:id", "ScheduledStatus"),
    ("PUT", "/api/v1/scheduled_statuses/:id", "ScheduledStatus"),
    ("DELETE", "/api/v1/scheduled_statuses/:id", "Empty"),
    ("GET", "/api/v1/accounts/familiar_followers", "[FamiliarFollowers]"),
    ("GET", "/api/v1/accounts/:id/featured_tags", "[FeaturedTag]"),
    ("GET", "/api/v1/notifications/unread_count", "UnreadCount"),
    ("GET", "/api/v1/statuses", "[Status]"),
    ("GET", "/api/v1/markers", "{Marker}"),
    ("POST", "/api/v1/markers", "{Marker}"),
    ("GET", "/api/v2/filters", "[Filter]"),
    ("POST", "/api/v2/filters", "Filter"),
    ("GET", "/api/v2/filters/:id", "Filter"),
    ("PUT", "/api/v2/filters/:id", "Filter"),
    ("DELETE", "/api/v2/filters/:id", "Empty"),
    ("POST", "/api/v2/filters/:id/keywords", "FilterKeyword"),
    ("DELETE", "/api/v2/filters/keywords/:id", "Empty"),
    ("POST", "/api/v1/reports", "Report"),
    ("POST", "/api/v1/reports/", "Report"),
    ("GET", "/api/v1/accounts/verify_credentials", "CredentialAccount"),
    ("PATCH", "/api/v1/accounts/update_credentials", "CredentialAccount"),
    ("GET", "/api/v1/accounts/lookup", "Account"),
    ("GET", "/api/v1/accounts/relationships", "[Relationship]"),
    ("GET", "/api/v1/accounts/search", "[Account]"),
    ("GET", "/api/v1/accounts/:id", "Account"),
    ("GET", "/api/v1/accounts/:id/statuses", "[Status]"),
    ("GET", "/api/v1/accounts/:id/followers", "[Account]"),
    ("GET", "/api/v1/accounts/:id/following", "[Account]"),
    ("GET", "/api/v1/accounts/:id/lists", "[List]"),
    ("POST", "/api/v1/accounts/:id/follow", "Relationship"),
    ("POST", "/api/v1/accounts/:id/unfollow", "Relationship"),
    ("POST", "/api/v1/accounts/:id/block", "Relationship"),
    ("POST", "/api/v1/accounts/:id/unblock", "Relationship"),
    ("POST", "/api/v1/accounts/:id/mute", "Relationship"),
    ("POST", "/api/v1/accounts/:id/unmute", "Relationship"),
    ("POST", "/api/v1/accounts/:id/note", "Relationship"),
    ("GET", "/api/v1/follow_requests", "[Account]"),
    ("POST", "/api/v1/follow_requests/:id/authorize", "Relationship"),
    ("POST", "/api/v1/follow_requests/:id/reject", "Relationship"),
    ("GET", "/api/v1/blocks", "[Account]"),
    ("GET", "/api/v1/mutes", "[Account]"),
    ("GET", "/api/v1/directory", "[Account]"),
    ("POST", "/api/v1/statuses", "Status|ScheduledStatus"),
    ("GET", "/api/v1/statuses/:id", "Status"),
    ("PUT", "/api/v1/statuses/:id", "Status"),
    ("DELETE", "/api/v1/statuses/:id", "Status"),
    ("GET", "/api/v1/statuses/:id/context", "Context"),
    ("GET", "/api/v1/statuses/:id/history", "[StatusEdit]"),
    ("GET", "/api/v1/statuses/:id/source", "StatusSource"),
    ("GET", "/api/v1/statuses/:id/favourited_by", "[Account]"),
    ("GET", "/api/v1/statuses/:id/reblogged_by", "[Account]"),
    ("POST", "/api/v1/statuses/:id/:action", "Status"),
    ("GET", "/api/v1/polls/:id", "Poll"),
    ("POST", "/api/v1/polls/:id/votes", "Poll"),
    ("GET", "/api/v1/timelines/home", "[Status]"),
    ("GET", "/api/v1/timelines/public", "[Status]"),
    ("GET", "/api/v1/timelines/tag/:tag", "[Status]"),
    ("GET", "/api/v1/timelines/list/:id", "[Status]"),
    ("GET", "/api/v1/bookmarks", "[Status]"),
    ("GET", "/api/v1/favourites", "[Status]"),
    ("GET", "/api/v1/notifications", "[Notification]"),
    ("GET", "/api/v2/notifications", "GroupedNotificationsResults"),
    ("GET", "/api/v2/notifications/unread_count", "UnreadCount"),
    ("GET", "/api/v2/notifications/policy", "NotificationPolicy"),
    ("PATCH", "/api/v2/notifications/policy", "NotificationPolicy"),
    ("GET", "/api/v1/notifications/policy", "h"),
    ("PATCH", "/api/v1/notifications/policy", "h"),
    ("GET", "/api/v2/notifications/:group_key", "GroupedNotificationsResults"),
    ("GET", "/api/v2/notifications/:group_key/accounts", "[Account]"),
    ("POST", "/api/v2/notifications/:group_key/dismiss", "Empty"),
    ("GET", "/api/v1/admin/accounts", "[AdminAccount]"),
    ("GET", "/api/v2/admin/accounts", "[AdminAccount]"),
    ("GET", "/api/v1/admin/accounts/:id", "AdminAccount"),
    ("POST", "/api/v1/admin/accounts/:id/action", "Empty"),
    ("POST", "/api/v1/admin/accounts/:id/:action", "AdminAccount"),
    ("DELETE", "/api/v1/admin/accounts/:id", "AdminAccount"),
    ("GET", "/api/v1/admin/reports", "[AdminReport]"),
    ("GET", "/api/v1/admin/reports/:id", "AdminReport"),
    ("PUT", "/api/v1/admin/reports/:id", "AdminReport"),
    ("POST", "/api/v1/admin/reports/:id/:action", "AdminReport"),
    ("POST", "/api/v1/notifications/clear", "Empty"),
    ("GET", "/api/v1/notifications/:id", "Notification"),
    ("POST", "/api/v1/notifications/:id/dismiss", "Empty"),
    ("GET", "/api/v2/search", "Search"),
    ("GET", "/api/v1/tags/:name", "Tag"),
    ("POST", "/api/v1/tags/:name/follow", "Tag"),
    ("POST", "/api/v1/tags/:name/unfollow", "Tag"),
    ("GET", "/api/v1/followed_tags", "[Tag]"),
    ("GET", "/api/v1/conversations", "[Conversation]"),
    ("GET", "/api/v1/conversations/", "[Conversation]"),
    ("POST", "/api/v1/conversations/:id/read", "Conversation"),
    ("DELETE", "/api/v1/conversations/:id", "Empty"),
    ("GET", "/api/v1/lists", "[List]"),
    ("POST", "/api/v1/lists", "List"),
    ("GET", "/api/v1/lists/:id", "List"),
    ("PUT", "/api/v1/lists/:id", "List"),
    ("DELETE", "/api/v1/lists/:id", "Empty"),
    ("GET", "/api/v1/lists/:id/accounts", "[Account]"),
    ("POST", "/api/v1/lists/:id/accounts", "Empty"),
    ("DELETE", "/api/v1/lists/:id/accounts", "Empty"),
    ("POST", "/api/v1/media", "MediaAttachment"),
    ("POST", "/api/v2/media", "MediaAttachment"),
    ("GET", "/api/v1/media/:id", "MediaAttachment"),
    ("PUT", "/api/v1/media/:id", "MediaAttachment"),
    ("POST", "/api/v1/push/subscription", "WebPushSubscription"),
    ("GET", "/api/v1/push/subscription", "WebPushSubscription"),
    ("PUT", "/api/v1/push/subscription", "WebPushSubscription"),
    ("DELETE", "/api/v1/push/subscription", "Empty"),
    ("GET", "/api/v1/kring/providers", "[KringProvider]"),
    ("GET", "/api/v1/kring/providers/:id/availability", "KringAvailability"),
    ("PUT", "/api/v1/kring/providers/:id/availability", "KringAvailability"),
    ("GET", "/api/v1/kring/providers/:id/slots", "[KringSlot]"),
    ("GET", "/api/v1/kring/providers/:id/appointments", "[KringAppointment]"),
    ("GET", "/api/v1/kring/appointments", "[KringAppointment]"),
    ("GET", "/api/v1/kring/reminders", "[KringReminder]"),
    ("POST", "/api/v1/kring/appointments", "KringAppointment"),
    ("GET", "/api/v1/kring/appointments/:id", "KringAppointment"),
    ("PUT", "/api/v1/kring/appointments/:id", "KringAppointment"),
    ("DELETE", "/api/v1/kring/appointments/:id", "KringAppointment"),
    ("GET", "/api/v1/streaming", None),
    ("GET", "/api/v1/streaming/health", None),
    ("GET", "/api/v1/streaming/:stream", None),
    ("GET", "/api/v1/streaming/:stream/:sub", None),
    ("GET", "/api/v1/kring/webcare/:org/items", "[KringWebcareItem]"),
    ("GET", "/api/v1/kring/webcare/:org/items/:id", "KringWebcareItem"),
    ("POST", "/api/v1/kring/webcare/:org/items/:id/status", "KringWebcareItem"),
    ("POST", "/api/v1/kring/webcare/:org/items/:id/notes", "KringWebcareItem"),
    ("POST", "/api/v1/kring/webcare/:org/items/:id/assign", "KringWebcareItem"),
    ("POST", "/api/v1/kring/webcare/:org/items/:id/answer", "KringWebcareItem"),
]

SIMPLE = {"s", "i", "n", "b", "id", "dt", "d", "h", "any"}
DT_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$")
D_RE = re.compile(r"^\d{4}-\d\d-\d\d$")
ID_RE = re.compile(r"^[0-9A-Za-z_-]{1,64}$")


def _compile(pattern):
    parts = []
    for seg in pattern.split("/"):
        parts.append("[^/]+" if seg.startswith(":") else re.escape(seg))
    return re.compile("^" + "/".join(parts) + "$")


_ROUTES = [(m, _compile(p), p, e) for m, p, e in ROUTES]


def route_of(method, path):
    """(pattern, entity) of the first matching route, or None."""
    for m, rx, p, e in _ROUTES:
        if m == method and rx.match(path):
            return p, e
    return None


def fields_of(name):
    spec = dict(ENTITIES[name])
    base = spec.pop("@", None)
    if base:
        merged = fields_of(base)
        merged.update(spec)
        return merged
    return spec


def check_value(spec, v, where, errs):
    """Check v against a field spec; append problems to errs."""
    if spec.startswith("?"):
        if v is None:
            return
        spec = spec[1:]
    if v is None:
        errs.append("%s: null where %s is documented" % (where, spec))
        return
    if spec.startswith("[") and spec.endswith("]"):
        if not isinstance(v, list):
            errs.append("%s: %s, not a list" % (where, type(v).__name__))
            return
        for i, item in enumerate(v):
            check_value(spec[1:-1], item, "%s[%d]" % (where, i), errs)
        return
    if spec.startswith("{") and spec.endswith("}"):
        if not isinstance(v, dict):
            errs.append("%s: %s, not an object" % (where, type(v).__name__))
            return
        for k, item in v.items():
            check_value(spec[1:-1], item, "%s.%s" % (where, k), errs)
        return
    if "|" in spec:
        alts = spec.split("|")
        for alt in alts:
            sub = []
            check_value(alt, v, where, sub)
            if not sub:
                return
        check_value(alts[0], v, where, errs)
        return
    if spec == "any":
        return
    if spec in ("s", "id", "dt", "d"):
        if not isinstance(v, str):
            errs.append("%s: %s %r where a string is documented" % (where, type(v).__name__, v))
        elif spec == "id" and not ID_RE.match(v):
            errs.append("%s: %r is not an id" % (where, v))
        elif spec == "dt" and not DT_RE.match(v):
            errs.append("%s: %r is not an ISO 8601 datetime" % (where, v))
        elif spec == "d" and not (D_RE.match(v) or DT_RE.match(v)):
            errs.append("%s: %r is not a date" % (where, v))
        return
    if spec == "b":
        if not isinstance(v, bool):
            errs.append("%s: %s %r where a boolean is documented" % (where, type(v).__name__, v))
        return
    if spec == "i":
        if isinstance(v, bool) or not isinstance(v, int):
            errs.append("%s: %s %r where an integer is documented" % (where, type(v).__name__, v))
        return
    if spec == "n":
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            errs.append("%s: %s %r where a number is documented" % (where, type(v).__name__, v))
        return
    if spec == "h":
        if not isinstance(v, dict):
            errs.append("%s: %s where an object is documented" % (where, type(v).__name__))
        return
    if spec not in ENTITIES:
        raise KeyError("entities.py: no entity %r" % spec)
    if not isinstance(v, dict):
        errs.append("%s: %s where a %s object is documented" % (where, type(v).__name__, spec))
        return
    for name, fspec in fields_of(spec).items():
        optional = name.startswith("~")
        key = name.lstrip("~")
        if key not in v:
            if not optional:
                errs.append("%s: %s lacks required field %r" % (where, spec, key))
            continue
        check_value(fspec, v[key], "%s.%s" % (where, key), errs)


def check_answer(method, url, status, content_type, body):
    """Problems (a list of strings) of one HTTP answer of the client API;
    [] when fine or not a JSON answer of the API."""
    from urllib.parse import urlsplit

    path = urlsplit(url).path
    if not (path.startswith("/api/") or path in ("/oauth/token", "/oauth/revoke")):
        return []
    if not content_type.startswith("application/json") or not body:
        return []
    import json

    try:
        v = json.loads(body)
    except ValueError:
        return ["%s %s: answer is not JSON" % (method, path)]
    errs = []
    if status >= 400:
        check_value("Error", v, "%s %s (%d)" % (method, path, status), errs)
        return errs
    if status >= 300:
        return []
    r = route_of(method, path)
    if r is None or r[1] is None:
        return []
    check_value(r[1], v, "%s %s" % (method, r[0]), errs)
    return errs


# ---- the hook both conftest.py files install ----------------------------

PROBLEMS = []


def install():
    """Check every answer requests gives the tests (Mastodon.py, toot and the
    tests' own calls all go through requests.Session.request)."""
    import requests

    if getattr(requests.Session.request, "_kring_entities", False):
        return
    orig = requests.Session.request

    def request(self, method, url, *args, **kwargs):
        r = orig(self, method, url, *args, **kwargs)
        ct = r.headers.get("Content-Type", "")
        # A stream is read by its caller; only whole JSON answers are checked.
        if not kwargs.get("stream") and ct.startswith("application/json"):
            PROBLEMS.extend(check_answer(method.upper(), r.url, r.status_code, ct, r.content))
        return r

    request._kring_entities = True
    requests.Session.request = request


def take_problems():
    out = list(PROBLEMS)
    del PROBLEMS[:]
    return out
