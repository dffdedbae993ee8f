#ifndef STORE_TYPES_H
#define STORE_TYPES_H

/*
 * The domain's types: the rows the store fills and core hands to the
 * adapters (web/, api/).  Types only: no function is declared here, so an
 * adapter, which sees the store only through this header (core/core.h
 * includes it), cannot reach past core.  tools/check-layers keeps it so.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- from store.h ---- */

struct arena;
enum account_kind { ACCOUNT_PERSON = 0, ACCOUNT_ORG = 1 };

enum person_type { PERSON_CLIENT = 0, PERSON_PROFESSIONAL = 1 };

enum text_size { TEXT_NORMAL = 0, TEXT_LARGE = 1, TEXT_XLARGE = 2 };

enum role { ROLE_MEMBER = 0, ROLE_MODERATOR = 1, ROLE_ADMIN = 2 };

enum visibility { VIS_PUBLIC = 0, VIS_FOLLOWERS = 1, VIS_DIRECT = 2 };

enum dm_policy { DM_EVERYONE = 0, DM_FOLLOWED = 1, DM_PROVIDERS = 2 };

/* Who follows whom: COLL_DEFAULT = hidden for clients, shown for
 * professionals and organisations (core_collections_visible). */
enum collections { COLL_DEFAULT = 0, COLL_HIDDEN = 1, COLL_SHOWN = 2 };

enum notif_kind {
	NOTIF_MENTION = 0, NOTIF_REPLY = 1, NOTIF_FOLLOW = 2, NOTIF_FOLLOW_REQUEST = 3,
	NOTIF_FAVOURITE = 4, NOTIF_BOOST = 5,
	NOTIF_GROUP_REQUEST = 6,  /* someone asks to join a group you moderate */
	NOTIF_GROUP_ACCEPTED = 7, /* your request to join was accepted */
	NOTIF_GROUP_INVITE = 8,   /* you are invited to a group */
	NOTIF_WARNING = 9,        /* a moderator warns you */
	NOTIF_POST_APPROVED = 10, /* your group post was approved */
	NOTIF_REPORT = 11,        /* a new report for moderators */
	NOTIF_GROUP_HELD = 12,    /* a post waits for approval in a group you moderate */
	NOTIF_POST_REMOVED = 13,  /* a moderator removed your post (note: why) */
	NOTIF_SCHEDULED_FAILED = 14, /* your scheduled post could not be published (note: why) */
	NOTIF_WEBCARE_FOLLOWUP = 15, /* webcare: time to tell someone what was done (org_id: whose inbox) */
	NOTIF_CONSULT = 16,       /* a consultation hour: your question was answered or declined, or a
	                           * session you follow has a new answer (note: what; actor: the session's
	                           * professional or organisation, never an asker) */
	NOTIF_APPOINTMENT = 17,   /* appointments: booked, moved, the day before, cancelled (note: see
	                           * core_appt_notif_of; actor: the provider) */
	NOTIF_MATCH_REQUEST = 18, /* choosing a care worker: a client sent you a request (actor: the
	                           * client; never on a like alone) */
	NOTIF_WEBCARE_SPIKE = 19, /* webcare: mentions rise sharply (org_id: whose inbox) */
	NOTIF_GUIDELINES = 20,    /* please accept the organisation's current guidelines (org_id: whose) */
	NOTIF_CARER = 21,         /* a client named you as informal carer (actor: the client) */
};

/* Think time never holds a post longer than this (core's CORE_HOLD_MAX
 * stays below it): counts look this far back for posts still held. */
#define STORE_HOLD_WINDOW 3600
struct account {
	uint64_t id;
	const char *username;     /* lower case, [a-z0-9_], unique */
	const char *display_name;
	int kind;                 /* enum account_kind */
	int person_type;          /* enum person_type, for persons */
	int role;                 /* enum role */
	const char *bio;
	const char *profession, *expertise, *languages, *region; /* professionals */
	bool locked;              /* follow requests need approval */
	bool suspended;
	const char *lang;         /* "nl" or "en" */
	int64_t created_at;
	bool has_password;
	int hold_seconds;         /* think time for this person's posts */
	int dm_policy;            /* enum dm_policy: who may send direct messages */
	int collections;          /* enum collections: who sees whom they follow */
	int text_size;            /* enum text_size: how large the pages' text is */
	/* counts, filled only by store_account_counts (kept by triggers, see
	 * migration 7); posts and last_post_at cover public posts only, not
	 * those still held (think time) */
	int64_t posts, followers, following, last_post_at;
	bool has_counts;          /* the counts above are filled */
	/* its picture's file to show ("sha256.ext"), filled for a page's
	 * people at once by core_posts_avatars; NULL = not looked up, "" = none */
	const char *avatar_file;
};

struct post {
	uint64_t id;
	uint64_t author_id;       /* the account it appears under (person or organisation) */
	uint64_t writer_id;       /* the person who wrote it; == author_id for persons */
	uint64_t in_reply_to;     /* 0 if none */
	uint64_t root_id;         /* thread root; == id for a root */
	uint64_t reblog_of;       /* a boost: the boosted post's id; text empty */
	int visibility;           /* enum visibility */
	const char *text;
	int64_t created_at, edited_at;
	int64_t publish_at;       /* think time: hidden from others until then (0 = at once) */
	int64_t favs, boosts, replies;
	struct account *author, *writer;   /* filled by core when rendering */
	struct post *boosted;              /* filled by core for a boost */
	/* relation to the viewer, filled by the store for the viewer given */
	bool v_follows_author;    /* viewer follows author */
	bool v_recipient;         /* viewer is a named recipient (direct, mention) */
	bool v_blocked;           /* a block between viewer and author, either way */
	bool v_muted;             /* viewer mutes author */
	bool v_staff;             /* viewer is staff of the author organisation */
	bool v_faved, v_boosted;
	int64_t reply_author;     /* author id of the parent, 0 if none */
	/* groups */
	uint64_t group_id;        /* 0 = not a group post */
	bool pending;             /* waiting for a moderator's approval */
	bool pinned;              /* pinned in its group */
	int group_kind;           /* enum group_kind, -1 if none */
	int v_group_role;         /* viewer's role in the post's group, -1 if not a member */
	bool v_group_muted;       /* viewer muted the post's group (kept out of their home) */
	bool v_staff_recipient;   /* viewer is staff of an organisation the post is addressed to
	                             (not asked of public posts: false there) */
	bool author_suspended;    /* the account it appears under is suspended */
	bool deleted;             /* only filled by store_org_audit */
	struct post_extra *x;     /* filled by store_post_extras (store_api.h) */
};

enum group_kind { GROUP_OPEN = 0, GROUP_CLOSED = 1, GROUP_SECRET = 2 };

enum group_role { GROLE_MEMBER = 0, GROLE_MODERATOR = 1, GROLE_OWNER = 2 };

enum group_state { GSTATE_MEMBER = 0, GSTATE_REQUESTED = 1, GSTATE_INVITED = 2, GSTATE_BANNED = 3 };

enum group_premod { PREMOD_NONE = 0, PREMOD_NEW = 1, PREMOD_ALL = 2 };

struct group {
	uint64_t id;
	const char *name;          /* lower case, unique, for the address */
	const char *display_name, *description, *rules;
	int kind, premod;
	uint64_t owner_id;
	int64_t created_at;
	int64_t members;           /* members with state member */
	uint64_t picture_id;       /* media id of its picture, 0 = none */
	/* the viewer's relation, filled for the viewer given */
	int v_role;                /* -1 if not a member */
	int v_state;               /* -1 if no row */
	bool v_muted;
	int64_t v_since;
};

struct group_member {
	struct account *account;
	int role, state;
	const char *message;
	int64_t since;
};

struct post_edit {
	int64_t edited_at;
	const char *text;
};

struct notification {
	uint64_t id;
	int kind;                 /* enum notif_kind */
	uint64_t actor_id;
	uint64_t post_id;
	int64_t created_at;
	bool read;
	uint64_t org_id;          /* for an organisation the reader is staff of (0: for the reader) */
	uint64_t group_id;        /* the group it is about, or 0 */
	const char *note;         /* a moderator's words, or "" */
	struct account *actor;    /* filled by core */
	struct account *org;      /* filled by core when org_id */
	struct post *post;        /* filled by core */
	struct group *group;      /* filled by core: group_id's, or NULL */
};

struct session {
	uint64_t account_id;
	char csrf[65];
	int64_t expires_at;
};

struct invite {
	const char *token_hash;
	uint64_t created_by;
	int64_t created_at, expires_at, used_at;
	uint64_t used_by;
	int role;
};

/* A page request: posts with ids strictly below max_id (0 = newest) or,
 * when min_id is set, strictly above min_id (the page nearest to it). */
struct page {
	uint64_t max_id, min_id;
	int limit;
};

/* Posts.  recipients: direct recipients and mentioned accounts; tags: lower case. */
struct post_new {
	uint64_t id, author_id, writer_id, in_reply_to, root_id;
	int visibility;
	const char *text;
	const char *search_text;        /* stemmed words for full-text search */
	const uint64_t *recipients; size_t nrecipients;
	const char *const *tags; size_t ntags;
	int64_t created_at;
	int64_t publish_at;             /* 0 = at once */
	uint64_t group_id;
	bool pending;
};

/* Privacy guard: an organisation's policy and the log of overrides. */
struct guard_policy_row {
	const char *actions;      /* "bsn=block,phone=off,..." */
	const char *ignore;       /* one own contact detail per line */
	bool allow_override;      /* staff may publish a "block" anyway */
	int hold_seconds;         /* think time for posts as the organisation */
};

struct guard_log_row {
	uint64_t id, writer_id, post_id;
	const char *verdict, *types;
	int64_t created_at;
};

/* Conversations (direct posts), per participant: one model for the pages
 * and the API (issue 12).  The id is the thread's root. */
#define STORE_CONV_MAX 200
struct conversation {
	uint64_t root_id, last_id;  /* last_id: the newest direct post of it the reader is part of */
	int64_t last_at;
	bool unread;                /* someone else wrote after the reader last read it */
	struct post *last;          /* that post, as core_post_get gives it (core fills it in) */
};

/* Reports and the moderation log. */
struct mod_report {
	uint64_t id, reporter_id, account_id, post_id, group_id;
	const char *reason, *snapshot;
	int state;
	int64_t created_at;
};

struct mod_entry {
	uint64_t id, actor_id, group_id, account_id, post_id;
	const char *action, *note;
	int64_t created_at;
};

/* ---- from store_api.h ---- */

struct oauth_app {
	uint64_t id;
	const char *client_id, *secret_hash, *name, *website, *redirect_uris, *scopes;
	int64_t created_at;
};

struct oauth_code {
	uint64_t app_id, account_id;
	const char *redirect_uri, *scopes, *challenge;
	int64_t expires_at;
};

struct oauth_token {
	uint64_t id, app_id, account_id;  /* account 0: client credentials */
	const char *scopes;
	const char *app_name;             /* filled by store_otoken_list */
	int64_t created_at;
};

/* Per-account marks on posts. */
enum post_mark { MARK_BOOKMARK, MARK_PIN };

/* Lists */
struct ulist {
	uint64_t id, account_id;
	const char *title, *replies_policy;
	bool exclusive;
};

/* Polls: the poll of a post. */
struct poll {
	uint64_t id;
	int64_t expires_at;
	bool multiple, voted;
	size_t nopts;
	const char *titles[8];
	int64_t votes[8];
	int own[8]; size_t nown;
	int64_t votes_count, voters_count;
};

#define STORE_POLL_MAX 8
/* Filters v2 */
struct filter_kw {
	uint64_t id;
	const char *keyword;
	bool whole_word;
};

struct filter {
	uint64_t id, account_id;
	const char *title, *context, *action; /* context: comma separated */
	int64_t expires_at;
	struct filter_kw *kw; size_t nkw;
};

/* API metadata of a post. */
struct post_meta {
	const char *spoiler_text, *language;
	bool sensitive;
	uint64_t app_id;
};

/*
 * What the client API shows with a status besides the post row, for a page
 * of posts at once (one query per kind): v[i]->x is filled for every i.
 */
struct mention {
	uint64_t id;
	const char *username;
};

struct post_extra {
	struct post_meta meta;        /* zeroes and "" without a row */
	const char **tags;
	size_t ntags;
	struct mention *mentions;     /* the post's recipients */
	size_t nmentions;
	struct media **media;         /* in their order */
	size_t nmedia;
	bool has_poll;
	bool bookmarked, pinned;      /* by the viewer */
};

/* ---- from store_media.h ---- */

enum media_kind { MEDIA_IMAGE = 0, MEDIA_AUDIO = 1, MEDIA_VIDEO = 2 };

enum media_state { MEDIA_PROCESSING = 0, MEDIA_READY = 1, MEDIA_FAILED = 2 };

/* One stored file of a media item: the stripped original or a thumbnail. */
struct media_file {
	const char *sha256;        /* hex, names the file on disk */
	const char *ext;           /* "webp", "ogg", ... */
	const char *mime;
	int width, height;         /* 0 for audio */
	int64_t size;
	bool main;                 /* the full-size stripped original */
};

struct media {
	uint64_t id, owner_id;
	int kind;                  /* enum media_kind */
	int state;                 /* enum media_state */
	const char *sha256;        /* of the main file; "" while processing */
	const char *mime;          /* of the main file (what the sniffer found while processing) */
	int width, height;
	int64_t size;
	const char *alt;
	const char *colour;        /* "#rrggbb" dominant colour, "" if none */
	const char *error;         /* why processing failed, for logs */
	int64_t created_at;
	/* What kring-image saw (images; a video's sampled frames). */
	int faces;                 /* faces found; -1 = not looked at */
	int blur;                  /* 0; 1 = the poster asked to blur faces; 2 = they are blurred */
	const char *seen_text;     /* text read in the picture, lines apart by '\n' */
	const char *look_note;     /* a check skipped or cut short, "" if none */
	struct media_file *files;  /* filled by store_media_get */
	size_t nfiles;
	const char *remote_url;    /* a received Note's attachment at its origin (core/fed_note.c), else NULL */
};

/* ---- the job queue ---- */
enum job_state { JOB_QUEUED = 0, JOB_RUNNING = 1, JOB_DONE = 2, JOB_FAILED = 3 };

struct job {
	uint64_t id;
	const char *kind, *arg;
	int state;                 /* enum job_state */
	int attempts;
	int64_t run_at;
	const char *error;
};

/* ---- from store_sched.h ---- */

enum sched_state { SCHED_WAITING = 0, SCHED_FAILED = 1 };

struct sched_post {
	uint64_t id;
	uint64_t account_id;        /* who scheduled it (the writer) */
	uint64_t author_id;         /* the writer, or an organisation they speak for */
	int64_t scheduled_at;
	const char *text;
	int visibility;
	bool visibility_default;
	uint64_t in_reply_to;
	uint64_t group_id;          /* the group it was written for (named in it), or 0 */
	const char *spoiler_text, *language;
	bool sensitive;
	const char *poll_options;   /* one option a line, "" for none */
	int64_t poll_expires_in;
	bool poll_multiple;
	bool confirm;               /* the author went on past the guard's warning */
	int state;                  /* enum sched_state */
	const char *error;          /* why it could not be published, or "" */
	int64_t created_at;
};

/* ---- from store_push.h ---- */

#define STORE_PUSH_PER_ACCOUNT 20 /* store_push_for_account returns at most this many */
struct push_sub {
	uint64_t id, token_id, account_id;
	const char *endpoint;
	const char *p256dh, *auth; /* base64url, as the client sent them (checked by core) */
	const char *token_box;     /* the access token, sealed (core/push.c) */
	int alerts;                /* bit set of enum push_alert (core/push.h) */
	int policy;                /* enum push_policy */
	bool standard;             /* RFC 8291 aes128gcm; else Mastodon's legacy aesgcm */
	int64_t created_at;
};


/* ---- from store_announce.h ---- */

#define STORE_ANN_MAX 50          /* announcements listed at most */
#define STORE_ANN_REACTIONS_MAX 8 /* distinct reactions one account gives one announcement */

struct ann_reaction {
	const char *name; /* a unicode emoji */
	int64_t count;
	bool me;          /* the viewer gave it */
};

/* An instance-wide notice by an administrator, or a pinned post of an
 * organisation the viewer follows (Mastodon's Announcement). */
struct announcement {
	uint64_t id;                  /* the notice's, or the pinned post's */
	uint64_t post_id;             /* the pinned post it shows, 0 for a notice */
	uint64_t author_id;
	const char *text;             /* plain text; the API writes it as HTML */
	int64_t starts_at, ends_at;   /* 0: none; shown from starts_at until ends_at */
	bool all_day;
	bool published;
	int64_t published_at, updated_at;
	bool read;                    /* the viewer dismissed it */
	struct ann_reaction *reactions;
	size_t nreactions;
	const char *link;             /* a page on this server for it ("/@org/crisis"), NULL none */
};

/* ---- appointments (issue 18: store/appointment.c, core/appointment.c, core/slots.c) ---- */

#define AVAIL_PERIODS    8   /* opening periods in one day, and breaks */
#define AVAIL_EXCEPTIONS 64  /* dates with other hours (or closed) */
#define AVAIL_KINDS      4   /* kinds of appointment */
#define AVAIL_SPEC_MAX   4096

struct avail_period {
	int from, to; /* minutes after local midnight, from < to <= 1440 */
};
struct avail_day {
	struct avail_period p[AVAIL_PERIODS];
	int n;        /* 0: closed that day */
};
struct avail_exception {
	int32_t day;  /* the local date, as days since 1970-01-01 */
	struct avail_day hours;
};
struct avail_kind {
	const char *key;  /* eerste_gesprek, controle, videogesprek, telefonisch */
	int minutes;
};
/* A provider's availability (Europe/Amsterdam local time). */
struct availability {
	struct avail_day week[7];                      /* 0 = Monday */
	struct avail_period breaks[AVAIL_PERIODS];     /* every day */
	int nbreaks;
	struct avail_exception ex[AVAIL_EXCEPTIONS];   /* sorted by day */
	int nex;
	struct avail_kind kinds[AVAIL_KINDS];
	int nkinds;
	int slot_min;     /* the grid slots start on, and the length of a kind not listed */
	int before_min, after_min; /* buffers around each appointment (they stack) */
	int notice_min;   /* a slot starts at least this long from now */
	int ahead_days;   /* and at most this many days from now */
};

enum appt_state { APPT_BOOKED = 0, APPT_CANCELLED = 1 };

struct appointment {
	uint64_t id, provider_id, client_id, booked_by;
	const char *kind;
	int64_t starts_at, ends_at;      /* the appointment itself, UTC seconds */
	int64_t block_from, block_to;    /* with the provider's buffers: what may not overlap */
	int state;                       /* enum appt_state */
	int64_t seq;                     /* bumped on every move (iCalendar SEQUENCE) */
	int64_t created_at, updated_at;
};

/* A reminder that reached a client (the job queue writes it). */
struct appt_notice {
	uint64_t id, appointment_id, account_id;
	int kind;          /* 0: booked/moved, 1: the day before */
	int64_t seq, starts_at, created_at;
};

/* ---- webcare's outside sources (store_webcare_src.h, core/webcare_source.c) ---- */

enum wsrc_kind { WSRC_FEED = 0, WSRC_TAG = 1 };

/* An RSS/Atom feed, or a hashtag on another Mastodon-compatible server,
 * that an organisation's webcare listens to. */
struct wsrc {
	uint64_t id, org_id, created_by;
	int kind;                   /* enum wsrc_kind */
	const char *url;            /* the feed, or the other server's base URL */
	const char *tag;            /* WSRC_TAG: the hashtag without '#' ("" otherwise) */
	int64_t every;              /* seconds fixed by whoever added it; 0: adaptive */
	int64_t interval;           /* the interval now (adaptive: 300 .. 86400) */
	const char *etag, *last_modified; /* for a conditional GET ("" if none) */
	const char *min_id;         /* WSRC_TAG: the newest status id seen ("" before the first poll) */
	int64_t next_at, last_poll_at, last_ok_at, created_at;
	int last_status;            /* HTTP status of the last poll, 0: no answer */
	const char *last_error;     /* "" when the last poll went well */
	int64_t items;              /* items kept from it */
};

/* One item a source gave, once (by key: guid, link or status URI). */
struct wsrc_item {
	uint64_t id, source_id, org_id;
	const char *key, *link, *title, *text, *author;
	int64_t published, seen_at;
};

/* ---- webcare: an organisation's inbox (core/webcare.c, store/store_webcare.h) ---- */

enum wc_status { WC_NEW = 0, WC_ASSIGNED = 1, WC_ANSWERED = 2, WC_FOLLOWED_UP = 3, WC_CLOSED = 4, WC_PENDING = 5 };
enum wc_mode { WC_LEAST_LOADED = 0, WC_ROUND_ROBIN = 1 };

struct wc_item {
	uint64_t id, org_id;
	const char *origin;        /* "kring", "rss", "tag", ... */
	const char *origin_key;    /* unique per org and origin ("post:123", a feed's GUID) */
	const char *kind;          /* inside kring: "mention", "reply", "group", "dm"; outside: the origin */
	uint64_t post_id;          /* the kring post it is, 0 for outside items */
	uint64_t author_id;        /* the kring account that wrote it, 0 outside */
	const char *author_name, *url, *title, *text;
	int64_t created_at;        /* when it was written */
	int64_t visible_at;        /* shown in the inbox from then (a post's think time) */
	int status;                /* enum wc_status */
	int64_t snooze_until;      /* for WC_PENDING */
	const char *topic;
	int priority;              /* 0 normal .. 3 highest */
	uint64_t team_id, assignee_id;
	const char *sentiment;     /* "neg", "neu", "pos", "unsure" */
	int score_milli;           /* sentiment score * 1000 */
	bool urgent;
	int64_t first_answer_at, followup_at, updated_at;
	bool followup_sent;
};

struct wc_event {
	uint64_t id, item_id, actor_id;
	const char *action;        /* "ingest", "assign", "status", "note", "answer", "followup" */
	const char *note;
	int64_t created_at;
};

struct wc_team {
	uint64_t id, org_id;
	const char *name;
	const char *topics;        /* comma separated */
	int mode;                  /* enum wc_mode */
	int followup_days;
	uint64_t rr_last;          /* round robin: who had the last item */
};

struct wc_member {
	uint64_t team_id, account_id;
	bool available;
	int cap;
	int64_t load;              /* open items assigned to them in the organisation (filled by the store) */
	int64_t last_assigned;     /* ms of their last assignment */
};

struct wc_period {             /* opening hours: minutes since midnight, local time */
	int weekday;               /* 0 Monday .. 6 Sunday */
	int start_min, end_min;
};

struct wc_rule {
	uint64_t id, org_id;
	const char *name, *expr, *topic;
	int priority;
	uint64_t team_id;
	int position;
};

struct wc_template {
	uint64_t id, org_id;
	const char *name, *body;
};

/* A page of the inbox: filters (NULL / -1 / 0: any), newest limit. */
struct wc_filter {
	int status;                /* -1 any open (not closed), -2 all */
	const char *topic;
	uint64_t team_id, assignee_id;
	int limit;
	const char *first_topic;   /* crisis mode: items on this topic first (NULL/"": none) */
};

/* ---- consultation hours (store_consult.h, core/consult.h; issue 18) ---- */

enum consult_audience { CONSULT_EVERYONE = 0, CONSULT_FOLLOWERS = 1, CONSULT_GROUP = 2 };
enum consult_state { CQ_OPEN = 0, CQ_ANSWERED = 1, CQ_DECLINED = 2, CQ_MERGED = 3 };
#define STORE_CONSULT_LIST 200    /* sessions or questions listed at most */

/* A session: a professional or organisation (owner) answers questions on a
 * topic between starts_at and ends_at. */
struct consult_session {
	uint64_t id;
	uint64_t owner_id;            /* the professional or organisation it appears under */
	uint64_t opened_by;           /* the person who opened it */
	const char *topic, *disclaimer;
	int64_t starts_at, ends_at, created_at;
	int audience;                 /* enum consult_audience */
	uint64_t group_id;            /* CONSULT_GROUP: whose members may ask */
	bool answers_private;         /* every question is answered to its asker only */
	uint64_t post_id;             /* the announcement */
	struct account *owner;        /* filled by core */
	bool v_staff;                 /* filled by core: the viewer answers for it */
	bool v_following;             /* filled by core: the viewer follows it */
};

/* A question.  asker_id is the server's to know: core hands it on only to
 * the asker themselves and, for a question that is not anonymous, to the
 * session's staff; for everyone else it is 0. */
struct consult_question {
	uint64_t id, session_id;
	uint64_t asker_id;
	bool private_q;               /* only the asker and the answering staff see it */
	bool anonymous;               /* shown as "een cliënt"; staff see the pseudonym */
	int pseudonym;                /* stable per session and asker, from 1 */
	const char *text;
	int state;                    /* enum consult_state */
	const char *reason;           /* why it was declined, or "" */
	uint64_t merged_into;
	int64_t created_at, answered_at;
	struct account *asker;        /* filled by core when it may be shown */
	bool mine;                    /* filled by core: the viewer asked it */
	struct consult_answer *answers; /* filled by core, oldest first */
	size_t nanswers;
};

struct consult_answer {
	uint64_t id, question_id, session_id;
	uint64_t writer_id;           /* the staff member who wrote it */
	const char *text;
	int64_t created_at;
	bool accepted;
};

struct consult_stats {
	int64_t questions, answered;
	int64_t median_seconds;       /* to the first answer; -1 when none answered */
};

/* ---- reviews (issue 19): core/review.c, store/review.c ---- */

enum review_state { REVIEW_PUBLISHED = 0, REVIEW_QUEUED = 1, REVIEW_REMOVED = 2, REVIEW_WITHDRAWN = 3 };
/* The relations that let a person review a provider (core/review.c's table). */
enum review_relation {
	REL_NONE = 0,
	REL_GROUP = 1,        /* member of the provider's group for some weeks */
	REL_CONVERSATION = 2, /* a private conversation the provider answered */
	REL_APPOINTMENT = 3,  /* a completed appointment */
	REL_CONSULT = 4,      /* an answered consultation question */
};
/* Manipulation signals for moderators (bits). */
enum review_signal { RSIG_DUPLICATE = 1, RSIG_BURST = 2, RSIG_NEW_ACCOUNT = 4 };
#define REVIEW_ASPECTS 4          /* informatie, luisteren, wachttijd, resultaat */
#define REVIEW_MINHASH 32         /* hashes in a text's signature */

struct review {
	uint64_t id, provider_id, author_id;
	int relation;                 /* enum review_relation */
	const char *relation_key;     /* which relation period ("g:<group>:<since>", "c:<root>") */
	int64_t relation_since;
	int marks[REVIEW_ASPECTS];    /* 1..10 */
	const char *text;             /* at most 200 words */
	const char *service;          /* the organisation's service it is about ("" none) */
	int64_t experience_at;        /* the first day of the month it happened */
	int64_t created_at, updated_at;
	int state;                    /* enum review_state */
	const char *reason;           /* why queued or removed (moderators) */
	int signals;                  /* enum review_signal bits */
	const char *minhash;          /* hex signature of the text's shingles */
	const char *reply;            /* the provider's one public answer ("" none) */
	int64_t reply_at;
	struct account *author, *provider; /* filled by core */
};

/* The score shown for a provider: an average only from threshold reviews. */
struct review_score {
	int64_t count;                /* published reviews of the last 4 years */
	int64_t threshold;            /* 9 for a professional, 30 for an organisation */
	bool shown;                   /* count >= threshold */
	double average;               /* of the overall marks, when shown */
	double aspects[REVIEW_ASPECTS];
	int64_t spread[11];           /* spread[m]: reviews whose overall mark rounds to m (1..10) */
};

struct review_log_entry {
	uint64_t id, review_id, actor_id;
	const char *action;           /* "approve", "remove", "withdraw", "edit", "hold" */
	const char *reason;
	int64_t created_at;
};


/* ---- choosing a care worker (issue 19): core/match.c, store/match.c ---- */

enum match_choice { MATCH_NONE = 0, MATCH_LIKE = 1, MATCH_SKIP = 2 };
/* Why a profile is suggested (bits). */
enum match_why { MWHY_EXPERTISE = 1, MWHY_LANGUAGE = 2, MWHY_REGION = 4, MWHY_TAKING_NEW = 8,
                 MWHY_AVAILABLE = 16 /* free slots in the next 7 days (appointments) */ };

/* A professional's profile beside struct account's profession, expertise,
 * languages and region (the photo is the account's picture). */
struct pro_profile {
	uint64_t account_id;
	const char *intro;            /* a short introduction in plain words */
	const char *approach;         /* how they work */
	bool taking_new;              /* taking new clients */
	int64_t updated_at;
};

/* What a client looks for: words matched in expertise, languages, region ("" or NULL: any). */
struct match_filter {
	const char *expertise, *language, *region;
};

struct match_card {
	struct account *acc;
	struct pro_profile profile;
	int why;                      /* enum match_why bits */
	bool liked;                   /* the viewer liked it (the viewer's own; never shown to others) */
	bool requested;               /* the viewer sent a request */
};

/* A client's request to a professional they liked. */
struct match_request {
	struct account *client;
	const char *message;
	int64_t at;
};

/* ---- federation (issue 21, core/federation.c) ---- */

/* Another server's actor, as its document said when last fetched. */
struct fed_actor {
	uint64_t id;
	const char *uri;              /* its id: https://host/users/bob */
	const char *inbox, *shared_inbox; /* shared_inbox "" when it has none */
	const char *key_id, *public_pem;
	const char *username, *host;  /* preferredUsername and the id's host */
	int64_t fetched_at;
	uint64_t account_id;          /* the account row it is shown as ("user@host"), 0 before */
};

enum fed_follow_state { FED_FOLLOW_REQUESTED = 0, FED_FOLLOW_ACCEPTED = 1 };

/* A Note another server delivered (from an actor someone here follows). */
struct fed_note {
	uint64_t id;
	const char *uri, *actor_uri;
	const char *content;          /* plain text made from the received HTML (never stored raw) */
	const char *published;
	int64_t received_at;
};


/* Plain language (issue 20, docs/measure.md): the readability check of a
 * text being written, for the compose form (core/plain.h). */
enum plain_hint_kind { PLAIN_LONG_SENTENCE = 1, PLAIN_JARGON = 2, PLAIN_HARD_WORD = 3 };

struct plain_hint {
	int kind;                     /* enum plain_hint_kind */
	const char *text;             /* the word, or the sentence's start ("..." when cut) */
	int words;                    /* PLAIN_LONG_SENTENCE: words in the sentence */
	const char *alt;              /* PLAIN_JARGON: the plain word to use instead */
};

struct plain_check {
	int level;                    /* 1 B1 (or easier), 2 B2, 3 C1 (or harder) */
	const char *level_name;       /* "B1", "B2", "C1" */
	int score;                    /* Flesch-Douma, 0..100 (higher is easier) */
	int band;                     /* 0 very easy .. 4 very hard, from the score */
	int words, sentences;
	struct plain_hint *hints;
	size_t nhints;
};

/* ---- reach (issue 20, docs/measure.md) ---- */

/* What an author (or their organisation's staff) may know of a post: how
 * many distinct people were shown it, never who.  reach is 0 and
 * reach_below_5 true when fewer than 5 were. */
#define REACH_MIN_SHOWN 5
struct post_reach {
	uint64_t post;
	int64_t reach;
	bool reach_below_5;
	int64_t favs, boosts, replies;
	/* clicks on the post's links (an organisation's post: links_counted),
	 * 0 and clicks_below_5 when fewer than 5 */
	bool links_counted;
	int64_t clicks;
	bool clicks_below_5;
};

/* ---- my plan (issue 19): core/plan.c, store/plan.c ---- */

enum plan_area { PLAN_LEARNING = 0, PLAN_WORK, PLAN_EATING, PLAN_CARE, PLAN_LIVING, PLAN_CONTACTS,
	         PLAN_FREETIME, PLAN_NAREAS };
/* A goal's or a step's state: the client's own, a care worker's suggestion
 * not answered yet, declined, or removed (kept for undo). */
enum plan_state { PLAN_ACTIVE = 0, PLAN_SUGGESTED = 1, PLAN_DECLINED = 2, PLAN_REMOVED = 3 };
/* Who a client shares the plan with. */
enum plan_share_kind { PLAN_SHARE_NONE = 0, PLAN_SHARE_CARE = 1, PLAN_SHARE_FAMILY = 2 };

struct plan_step {
	uint64_t id, goal_id;
	const char *text;
	int state;                    /* enum plan_state */
	uint64_t suggested_by;        /* 0: the client's own */
	int64_t done_at;              /* 0: not done yet (done: a star) */
	int64_t created_at;
};

struct plan_goal {
	uint64_t id, owner_id;
	int area;                     /* enum plan_area */
	const char *picto;            /* a built-in pictogram's key */
	const char *text;             /* at most 140 characters */
	int state;                    /* enum plan_state */
	uint64_t suggested_by;
	int64_t created_at;
	struct plan_step *steps;
	size_t nsteps;
	int stars, total;             /* steps done, active steps */
	struct media *photo;          /* the client's own photo for it, or NULL (core fills it in) */
};

struct plan_share {
	struct account *acc;
	int kind;                     /* enum plan_share_kind */
};


/* ---- webcare measures (core/webcare_measure.c; issue 17) ---- */

#define WC_BANDS 5 /* business time: 0-1 h, 1-4 h, 4-8 h, 8-24 h, > 24 h */

/* One item as the measures see it (store_wc_measure_rows). */
struct wc_mrow {
	uint64_t id, team_id;
	const char *topic, *sentiment;
	int status;
	int64_t visible_at, first_answer_at;
	int64_t closed_at;           /* the last time it was closed, 0: not closed */
	bool followed_up;            /* someone set it to followed_up */
};

/* The figures of one week, team and topic (team 0 / topic "": none). */
struct wc_measure {
	int64_t week;                /* Monday 00:00 UTC that starts it */
	uint64_t team_id;
	const char *topic;
	int64_t volume, neg, neu, pos, unsure;
	int64_t answered;            /* items with a first answer */
	int64_t followups_done;      /* of the answered: followed up */
	int64_t first_n, first_median, first_p90, first_bands[WC_BANDS];   /* business seconds */
	int64_t handle_n, handle_median, handle_p90, handle_bands[WC_BANDS];
};

/* A spike alert (core/webcare_spike.c): the count of the 15 minutes up to
 * window_end against the usual level for that time of the week. */
struct wc_alert {
	uint64_t id, org_id;
	int64_t window_end, count, median_milli, z_milli;
	bool crisis;
	int64_t created_at;
};

/* Crisis mode (core/webcare_crisis.c): an organisation's crisis, on or off. */
struct wc_crisis {
	uint64_t org_id, started_by;
	const char *topic;
	bool active;
	int64_t started_at, ended_at;
};

struct wc_crisis_update {
	uint64_t id, org_id, author_id;
	const char *text;
	int64_t created_at;
};

/* Vacancies (issue 20, core/vacancy.c, docs/measure.md): a kind of post
 * of an organisation, public only; the post's text is made from the fields. */
struct vacancy_fields {
	const char *function;     /* the job ("Verzorgende IG") */
	const char *hours;        /* "24 tot 32 uur per week" */
	const char *location;     /* where */
	const char *apply;        /* how to apply: an address, a link, a name */
};

struct vacancy {
	uint64_t post_id, org_id;
	struct vacancy_fields f;
	int64_t created_at;
	struct post *post;        /* filled by core: the post, its author the organisation */
};

/* Campaigns (issue 20, core/campaign.c): an organisation's posts grouped by
 * a hashtag or a link over a period, with a goal. */
enum campaign_goal { CAMPAIGN_REACH = 0, CAMPAIGN_CLICKS = 1, CAMPAIGN_APPLICATIONS = 2 };

struct campaign {
	uint64_t id, org_id, created_by;
	const char *name;
	const char *tag;          /* lower case, without '#'; "" when by link */
	const char *link;         /* an address its posts link to (a prefix); "" when by tag */
	int goal_kind;            /* enum campaign_goal */
	int64_t goal;             /* the number to reach, > 0 */
	int64_t starts_at, ends_at; /* the period [starts_at, ends_at) */
	int64_t created_at;
};

/* One post of a campaign with its numbers (counts below 5 are the view's
 * "fewer than 5"; they count 0 toward the goal). */
struct campaign_post {
	struct post *post;
	int64_t reach, clicks;
	bool vacancy;             /* its clicks are clicks on how to apply */
};

struct campaign_progress {
	struct campaign_post *v;
	size_t n;
	bool truncated;           /* more posts than one page of figures holds */
	int64_t reach, clicks, applications; /* sums of the per-post numbers of 5 or more */
	int64_t value;            /* the goal's measure */
	int percent;              /* of the goal, 0..100 */
};

/* Ambassadors (issue 20, core/ambassador.c): staff who share the
 * organisation's posts with a personal link (/l/<post>-a<code>). */
struct ambassador {
	uint64_t org_id, person_id;
	uint64_t code;            /* in the personal links */
	bool consent;             /* the organisation may see their numbers by name */
	int64_t joined_at;
	struct account *person, *org; /* filled by core where said */
};

/* Numbers through personal links: visits (clicks on the link), distinct
 * people in kring who came that way (reached), and clicks on how to apply
 * in a vacancy after coming that way (applied). */
struct amb_figures {
	int64_t reached, clicks, applied;
};

/* One row of an organisation's ambassador report: an ambassador who gave
 * consent (person set) or the others together (person NULL), for one
 * campaign (campaign set) or for all shared posts (campaign NULL). */
struct amb_row {
	struct account *person;
	const struct campaign *campaign;
	struct amb_figures f;
};

/* Guidelines reach (issue 20, core/guidelines.c): how many of an
 * organisation's staff accepted its current social-media guidelines. */
struct guidelines_reach {
	bool has_guidelines;
	int64_t staff, accepted;
	int percent;              /* 0..100 */
	bool viewer_accepted;
};

/* The trend-break page (issue 20, core/trend_page.c): a measure counted per
 * Amsterdam day around the day an organisation started something. */
enum trend_measure {
	TREND_MENTIONS = 0,  /* items in its webcare inbox */
	TREND_FOLLOWERS = 1, /* new followers */
	TREND_MEMBERS = 2,   /* new members of the groups it moderates */
	TREND_ANSWERED = 3,  /* consultation-hour questions answered within a day, by the day asked */
	TREND_NEGATIVE = 4,  /* negative items in its webcare inbox */
	TREND_REACH = 5,     /* people newly shown one of its posts (measure_daily) */
	TREND_CLICKS = 6,    /* clicks on the links in its posts (measure_daily) */
	TREND_VACANCY = 7,   /* people newly shown one of its vacancies (measure_daily) */
	TREND_MEASURES = 8
};
/* The day counters behind the last three (table measure_daily). */
enum measure_day_kind { MDAY_REACH = 0, MDAY_CLICKS = 1, MDAY_VACANCY = 2, MDAY_AMB_VISITS = 3 };
struct trend_day {
	int64_t day; /* Amsterdam day number (days since 1970-01-01) */
	int64_t n;
};

/* ---- the client's home and informal carers (issue 19, docs/thuis.md): core/thuis.c ---- */

/* What a client allows an informal carer (mantelzorger), bits. */
enum carer_flag {
	CARER_APPTS = 1,  /* sees the client's appointments */
	CARER_ACT = 2,    /* books, moves and cancels appointments for the client */
};

/* One informal-carer relation, seen from one side: acc is the carer (in
 * the client's list) or the client (in the carer's list). */
struct carer {
	struct account *acc;
	int flags;                    /* enum carer_flag bits */
	int64_t since;
};

/* A photo or video a care worker shared with a client: private to the
 * client (and the care worker who shared it); the client chooses per item
 * whether their informal carers may see it (family). */
#define CARE_MEDIA_CAPTION_MAX 280
struct care_media {
	uint64_t id, client_id, sharer_id, media_id;
	const char *caption;
	bool family;                  /* the client's informal carers may see it */
	int64_t created_at;
	struct media *media;          /* filled by core */
	struct account *sharer;       /* filled by core */
};

/* ---- a group's figures per week (issue 20, docs/measure.md): core/reach.c ---- */
#define GROUP_WEEKS 12
struct group_week {
	int64_t start;                /* Monday 00:00 UTC of the week */
	int64_t posts;                /* posts and replies written in the group (not held, not deleted) */
	int64_t joined;               /* people who became members */
	int64_t reach;                /* distinct people shown the group's posts of that week; -1: fewer than
	                               * REACH_MIN_SHOWN (core hides the number) */
};

/* Public timelines (local, tag): where the posts were written, as
 * Mastodon's local/remote arguments and the public:local/public:remote
 * streams ask, and only posts with media. */
enum tl_origin { TL_ANY, TL_ONLY_LOCAL, TL_ONLY_REMOTE };
struct tl_filter {
	enum tl_origin origin;
	bool only_media;
};

/* ---- federation: a received Note's attachments (store_fed_media.h) ---- */
/* Kept as their origin gave them: the remote URL and its description,
 * nothing downloaded (docs/federation.md, "Notes"). */
struct fed_media {
	uint64_t post_id;
	int idx;                   /* its place in the Note's attachments */
	const char *url, *mime, *name; /* name: the alt text, "" if none */
};

/* Measure and tell, the rest (issue 20, core/measure.c): the result of a
 * guidelines reminder and ambassador-link visits per week. */
struct guidelines_remind {
	size_t sent;              /* reminded now */
	size_t waiting;           /* not accepted, but reminded less than CORE_REMIND_DAYS ago */
	int64_t next_at;          /* when the first of those may be reminded again (0: none waiting) */
};
struct amb_week {
	int64_t day;              /* the Monday, Amsterdam day number */
	int64_t visits;           /* visits through the organisation's ambassador links; -1: fewer than 5 */
};

#endif
