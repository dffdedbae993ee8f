/*
 * Versioned schema migrations, applied at open in one transaction each.
 * Append only: a released migration is never edited; a change is a new step.
 * The PostgreSQL driver keeps its own list in step with this one.
 */
#include "store/store_int.h"

#include "base/err.h"
#include "base/log.h"

static const char *const sqlite_steps[] = {
	/* 1: foundation */
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE accounts ("
	" id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL DEFAULT '',"
	" kind INTEGER NOT NULL DEFAULT 0, person_type INTEGER NOT NULL DEFAULT 0,"
	" role INTEGER NOT NULL DEFAULT 0, password_hash TEXT, bio TEXT NOT NULL DEFAULT '',"
	" profession TEXT NOT NULL DEFAULT '', expertise TEXT NOT NULL DEFAULT '',"
	" languages TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',"
	" locked INTEGER NOT NULL DEFAULT 0, suspended INTEGER NOT NULL DEFAULT 0,"
	" lang TEXT NOT NULL DEFAULT 'nl', created_at INTEGER NOT NULL);"
	"CREATE TABLE org_staff (org_id INTEGER NOT NULL REFERENCES accounts(id),"
	" person_id INTEGER NOT NULL REFERENCES accounts(id), PRIMARY KEY (org_id, person_id));"
	"CREATE INDEX org_staff_person ON org_staff(person_id);"
	"CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id),"
	" csrf TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);"
	"CREATE INDEX sessions_account ON sessions(account_id);"
	"CREATE TABLE tokens (token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, account_id INTEGER NOT NULL DEFAULT 0,"
	" role INTEGER NOT NULL DEFAULT 0, created_by INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,"
	" expires_at INTEGER NOT NULL, used_at INTEGER NOT NULL DEFAULT 0, used_by INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE rate_events (key TEXT NOT NULL, at INTEGER NOT NULL);"
	"CREATE INDEX rate_events_key ON rate_events(key, at);"
	"CREATE TABLE posts ("
	" id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES accounts(id),"
	" writer_id INTEGER NOT NULL REFERENCES accounts(id), in_reply_to INTEGER NOT NULL DEFAULT 0,"
	" root_id INTEGER NOT NULL, reblog_of INTEGER NOT NULL DEFAULT 0, visibility INTEGER NOT NULL,"
	" text TEXT NOT NULL, created_at INTEGER NOT NULL, edited_at INTEGER NOT NULL DEFAULT 0,"
	" deleted INTEGER NOT NULL DEFAULT 0, favs INTEGER NOT NULL DEFAULT 0,"
	" boosts INTEGER NOT NULL DEFAULT 0, replies INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX posts_author ON posts(author_id, id);"
	"CREATE INDEX posts_root ON posts(root_id, id);"
	"CREATE INDEX posts_public ON posts(visibility, id) WHERE deleted = 0 AND reblog_of = 0;"
	"CREATE UNIQUE INDEX posts_boost ON posts(author_id, reblog_of) WHERE reblog_of <> 0;"
	"CREATE TABLE post_edits (post_id INTEGER NOT NULL, edited_at INTEGER NOT NULL, text TEXT NOT NULL);"
	"CREATE INDEX post_edits_post ON post_edits(post_id, edited_at);"
	"CREATE TABLE post_recipients (post_id INTEGER NOT NULL, account_id INTEGER NOT NULL,"
	" PRIMARY KEY (account_id, post_id));"
	"CREATE INDEX post_recipients_post ON post_recipients(post_id);"
	"CREATE TABLE post_tags (tag TEXT NOT NULL, post_id INTEGER NOT NULL, PRIMARY KEY (tag, post_id));"
	"CREATE INDEX post_tags_post ON post_tags(post_id);"
	"CREATE VIRTUAL TABLE post_fts USING fts5(body, tokenize='unicode61 remove_diacritics 2');"
	"CREATE TABLE favourites (account_id INTEGER NOT NULL, post_id INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL, PRIMARY KEY (account_id, post_id));"
	"CREATE INDEX favourites_post ON favourites(post_id);"
	"CREATE TABLE follows (follower_id INTEGER NOT NULL, followee_id INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL, PRIMARY KEY (follower_id, followee_id));"
	"CREATE INDEX follows_followee ON follows(followee_id, follower_id);"
	"CREATE TABLE follow_requests (requester_id INTEGER NOT NULL, target_id INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL, PRIMARY KEY (requester_id, target_id));"
	"CREATE INDEX follow_requests_target ON follow_requests(target_id);"
	"CREATE TABLE blocks (account_id INTEGER NOT NULL, target_id INTEGER NOT NULL,"
	" PRIMARY KEY (account_id, target_id));"
	"CREATE TABLE mutes (account_id INTEGER NOT NULL, target_id INTEGER NOT NULL,"
	" PRIMARY KEY (account_id, target_id));"
	"CREATE TABLE notifications (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, kind INTEGER NOT NULL,"
	" actor_id INTEGER NOT NULL, post_id INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,"
	" read INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX notifications_account ON notifications(account_id, id);",

	/* 2: privacy guard and think time */
	"ALTER TABLE posts ADD COLUMN publish_at INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE accounts ADD COLUMN hold_seconds INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE guard_policy (account_id INTEGER PRIMARY KEY, actions TEXT NOT NULL DEFAULT '',"
	" ignore TEXT NOT NULL DEFAULT '', allow_override INTEGER NOT NULL DEFAULT 0,"
	" hold_seconds INTEGER NOT NULL DEFAULT 30);"
	"CREATE TABLE guard_log (id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, writer_id INTEGER NOT NULL,"
	" post_id INTEGER NOT NULL DEFAULT 0, verdict TEXT NOT NULL, types TEXT NOT NULL, created_at INTEGER"
	" NOT NULL);"
	"CREATE INDEX guard_log_org ON guard_log(org_id, id);",

	/* 3: client API (OAuth apps and tokens, bookmarks, pins, lists, markers,
	 * polls, filters, idempotency keys, followed tags, conversations) */
	"CREATE TABLE oauth_apps (id INTEGER PRIMARY KEY, client_id TEXT NOT NULL UNIQUE,"
	" secret_hash TEXT NOT NULL, name TEXT NOT NULL, website TEXT NOT NULL DEFAULT '',"
	" redirect_uris TEXT NOT NULL, scopes TEXT NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE TABLE oauth_codes (code_hash TEXT PRIMARY KEY, app_id INTEGER NOT NULL,"
	" account_id INTEGER NOT NULL, redirect_uri TEXT NOT NULL, scopes TEXT NOT NULL,"
	" challenge TEXT NOT NULL DEFAULT '', expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE oauth_tokens (id INTEGER PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,"
	" app_id INTEGER NOT NULL, account_id INTEGER NOT NULL, scopes TEXT NOT NULL,"
	" created_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX oauth_tokens_account ON oauth_tokens(account_id);"
	"CREATE TABLE bookmarks (account_id INTEGER NOT NULL, post_id INTEGER NOT NULL,"
	" id INTEGER NOT NULL, PRIMARY KEY (account_id, post_id));"
	"CREATE TABLE pins (account_id INTEGER NOT NULL, post_id INTEGER NOT NULL,"
	" id INTEGER NOT NULL, PRIMARY KEY (account_id, post_id));"
	"CREATE TABLE lists (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, title TEXT NOT NULL,"
	" replies_policy TEXT NOT NULL DEFAULT 'list', exclusive INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX lists_account ON lists(account_id);"
	"CREATE TABLE list_accounts (list_id INTEGER NOT NULL, account_id INTEGER NOT NULL,"
	" PRIMARY KEY (list_id, account_id));"
	"CREATE TABLE markers (account_id INTEGER NOT NULL, timeline TEXT NOT NULL,"
	" last_read_id INTEGER NOT NULL, version INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
	" PRIMARY KEY (account_id, timeline));"
	"CREATE TABLE polls (post_id INTEGER PRIMARY KEY, expires_at INTEGER NOT NULL,"
	" multiple INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE poll_options (post_id INTEGER NOT NULL, idx INTEGER NOT NULL, title TEXT NOT NULL,"
	" PRIMARY KEY (post_id, idx));"
	"CREATE TABLE poll_votes (post_id INTEGER NOT NULL, account_id INTEGER NOT NULL, idx INTEGER NOT NULL,"
	" PRIMARY KEY (post_id, account_id, idx));"
	"CREATE TABLE filters (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, title TEXT NOT NULL,"
	" context TEXT NOT NULL, action TEXT NOT NULL, expires_at INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX filters_account ON filters(account_id);"
	"CREATE TABLE filter_keywords (id INTEGER PRIMARY KEY, filter_id INTEGER NOT NULL,"
	" keyword TEXT NOT NULL, whole_word INTEGER NOT NULL DEFAULT 1);"
	"CREATE INDEX filter_keywords_filter ON filter_keywords(filter_id);"
	"CREATE TABLE idempotency_keys (account_id INTEGER NOT NULL, key TEXT NOT NULL,"
	" post_id INTEGER NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (account_id, key));"
	"CREATE TABLE followed_tags (account_id INTEGER NOT NULL, tag TEXT NOT NULL,"
	" PRIMARY KEY (account_id, tag));"
	"CREATE TABLE conversation_state (account_id INTEGER NOT NULL, root_id INTEGER NOT NULL,"
	" read_id INTEGER NOT NULL DEFAULT 0, hidden_id INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY (account_id, root_id));"
	"CREATE TABLE post_meta (post_id INTEGER PRIMARY KEY, spoiler_text TEXT NOT NULL DEFAULT '',"
	" sensitive INTEGER NOT NULL DEFAULT 0, language TEXT NOT NULL DEFAULT '', app_id INTEGER NOT NULL"
	" DEFAULT 0);"
	"CREATE TABLE reports (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, target_id INTEGER NOT NULL,"
	" comment TEXT NOT NULL, post_ids TEXT NOT NULL, category TEXT NOT NULL, created_at INTEGER NOT NULL);",

	/* 4: groups (kringen), conversations, moderation, organisation guidelines */
	"CREATE TABLE groups (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,"
	" description TEXT NOT NULL DEFAULT '', rules TEXT NOT NULL DEFAULT '', kind INTEGER NOT NULL,"
	" premod INTEGER NOT NULL DEFAULT 0, owner_id INTEGER NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE TABLE group_members (group_id INTEGER NOT NULL, account_id INTEGER NOT NULL,"
	" role INTEGER NOT NULL DEFAULT 0, state INTEGER NOT NULL DEFAULT 0, message TEXT NOT NULL DEFAULT '',"
	" muted INTEGER NOT NULL DEFAULT 0, since INTEGER NOT NULL, PRIMARY KEY (group_id, account_id));"
	"CREATE INDEX group_members_account ON group_members(account_id, state);"
	"CREATE TABLE group_invites (token_hash TEXT PRIMARY KEY, group_id INTEGER NOT NULL,"
	" created_by INTEGER NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,"
	" max_uses INTEGER NOT NULL, uses INTEGER NOT NULL DEFAULT 0);"
	"ALTER TABLE posts ADD COLUMN group_id INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE posts ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE posts ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX posts_group ON posts(group_id, id) WHERE group_id <> 0;"
	"CREATE TABLE mod_reports (id INTEGER PRIMARY KEY, reporter_id INTEGER NOT NULL, account_id INTEGER NOT NULL,"
	" post_id INTEGER NOT NULL DEFAULT 0, group_id INTEGER NOT NULL DEFAULT 0, reason TEXT NOT NULL,"
	" snapshot TEXT NOT NULL DEFAULT '', state INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);"
	"CREATE INDEX mod_reports_open ON mod_reports(state, group_id, id);"
	"CREATE TABLE mod_log (id INTEGER PRIMARY KEY, actor_id INTEGER NOT NULL, group_id INTEGER NOT NULL"
	" DEFAULT 0,"
	" action TEXT NOT NULL, account_id INTEGER NOT NULL DEFAULT 0, post_id INTEGER NOT NULL DEFAULT 0,"
	" note TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL);"
	"CREATE INDEX mod_log_group ON mod_log(group_id, id);"
	"CREATE TABLE conv_state (account_id INTEGER NOT NULL, root_id INTEGER NOT NULL,"
	" last_read INTEGER NOT NULL DEFAULT 0, left_at INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (account_id,"
	" root_id));"
	"ALTER TABLE accounts ADD COLUMN dm_policy INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE org_guidelines (org_id INTEGER PRIMARY KEY, text TEXT NOT NULL, updated_at INTEGER NOT NULL);"
	"CREATE TABLE guideline_accepts (org_id INTEGER NOT NULL, person_id INTEGER NOT NULL,"
	" accepted_at INTEGER NOT NULL, PRIMARY KEY (org_id, person_id));",

	/* 5: media (images, audio, video), avatars, the job queue */
	"CREATE TABLE media (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL, kind INTEGER NOT NULL,"
	" state INTEGER NOT NULL DEFAULT 0, sha256 TEXT NOT NULL DEFAULT '', mime TEXT NOT NULL DEFAULT '',"
	" width INTEGER NOT NULL DEFAULT 0, height INTEGER NOT NULL DEFAULT 0, size INTEGER NOT NULL DEFAULT 0,"
	" alt TEXT NOT NULL DEFAULT '', colour TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',"
	" created_at INTEGER NOT NULL);"
	"CREATE INDEX media_owner ON media(owner_id, id);"
	"CREATE TABLE media_files (media_id INTEGER NOT NULL, sha256 TEXT NOT NULL, ext TEXT NOT NULL,"
	" mime TEXT NOT NULL, width INTEGER NOT NULL DEFAULT 0, height INTEGER NOT NULL DEFAULT 0,"
	" size INTEGER NOT NULL DEFAULT 0, main INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (media_id, sha256));"
	"CREATE INDEX media_files_sha ON media_files(sha256);"
	"CREATE TABLE post_media (post_id INTEGER NOT NULL, media_id INTEGER NOT NULL, position INTEGER NOT NULL,"
	" PRIMARY KEY (post_id, media_id));"
	"CREATE INDEX post_media_media ON post_media(media_id);"
	"CREATE TABLE account_avatar (account_id INTEGER PRIMARY KEY, media_id INTEGER NOT NULL);"
	"CREATE INDEX account_avatar_media ON account_avatar(media_id);"
	"CREATE TABLE jobs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, arg TEXT NOT NULL,"
	" state INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, run_at INTEGER NOT NULL,"
	" locked_until INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL);"
	"CREATE INDEX jobs_due ON jobs(state, run_at);",

	/* 6: a picture for each group */
	"ALTER TABLE groups ADD COLUMN picture_id INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX groups_picture ON groups(picture_id) WHERE picture_id <> 0;",

	/* 7: account counts kept by triggers, so showing an account does not
	 * count its posts.  "posts" and "last_post_at" cover what everyone may
	 * see (public, not a boost, not in a group, not held for moderation). */
	"CREATE TABLE account_stats (account_id INTEGER PRIMARY KEY, posts INTEGER NOT NULL DEFAULT 0,"
	" followers INTEGER NOT NULL DEFAULT 0, following INTEGER NOT NULL DEFAULT 0,"
	" last_post_at INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO account_stats (account_id, posts, followers, following, last_post_at) SELECT a.id,"
	" (SELECT COUNT(*) FROM posts p WHERE p.author_id = a.id AND p.deleted = 0 AND p.reblog_of = 0 AND"
	" +p.visibility = 0 AND p.group_id = 0 AND p.pending = 0),"
	" (SELECT COUNT(*) FROM follows f WHERE f.followee_id = a.id),"
	" (SELECT COUNT(*) FROM follows f WHERE f.follower_id = a.id),"
	" COALESCE((SELECT l.created_at FROM posts l WHERE l.author_id = a.id AND l.deleted = 0 AND"
	" l.reblog_of = 0 AND +l.visibility = 0 AND l.group_id = 0 AND l.pending = 0 ORDER BY l.id DESC LIMIT"
	" 1), 0) FROM accounts a;"
	"CREATE TRIGGER accounts_stats_ins AFTER INSERT ON accounts BEGIN"
	" INSERT INTO account_stats (account_id) VALUES (NEW.id) ON CONFLICT DO NOTHING; END;"
	"CREATE TRIGGER accounts_stats_del AFTER DELETE ON accounts BEGIN"
	" DELETE FROM account_stats WHERE account_id = OLD.id; END;"
	"CREATE TRIGGER posts_stats_ins AFTER INSERT ON posts WHEN NEW.deleted = 0 AND NEW.reblog_of = 0 AND"
	" NEW.visibility = 0 AND NEW.group_id = 0 AND NEW.pending = 0 BEGIN"
	" UPDATE account_stats SET posts = posts + 1, last_post_at = COALESCE((SELECT l.created_at FROM posts"
	" l WHERE l.author_id = NEW.author_id AND l.deleted = 0 AND l.reblog_of = 0 AND +l.visibility = 0 AND"
	" l.group_id = 0 AND l.pending = 0 ORDER BY l.id DESC LIMIT 1), 0) WHERE account_id = NEW.author_id;"
	" END;"
	"CREATE TRIGGER posts_stats_upd AFTER UPDATE OF deleted, reblog_of, visibility, group_id, pending ON posts"
	" WHEN (OLD.deleted = 0 AND OLD.reblog_of = 0 AND OLD.visibility = 0 AND OLD.group_id = 0 AND"
	" OLD.pending = 0) <> (NEW.deleted = 0 AND NEW.reblog_of = 0 AND NEW.visibility = 0 AND NEW.group_id"
	" = 0 AND NEW.pending = 0) BEGIN"
	" UPDATE account_stats SET posts = posts + (NEW.deleted = 0 AND NEW.reblog_of = 0 AND NEW.visibility"
	" = 0 AND NEW.group_id = 0 AND NEW.pending = 0) - (OLD.deleted = 0 AND OLD.reblog_of = 0 AND"
	" OLD.visibility = 0 AND OLD.group_id = 0 AND OLD.pending = 0), last_post_at = COALESCE((SELECT"
	" l.created_at FROM posts l WHERE l.author_id = NEW.author_id AND l.deleted = 0 AND l.reblog_of = 0"
	" AND +l.visibility = 0 AND l.group_id = 0 AND l.pending = 0 ORDER BY l.id DESC LIMIT 1), 0)"
	" WHERE account_id = NEW.author_id; END;"
	"CREATE TRIGGER posts_stats_del AFTER DELETE ON posts WHEN OLD.deleted = 0 AND OLD.reblog_of = 0 AND"
	" OLD.visibility = 0 AND OLD.group_id = 0 AND OLD.pending = 0 BEGIN"
	" UPDATE account_stats SET posts = posts - 1, last_post_at = COALESCE((SELECT l.created_at FROM posts"
	" l WHERE l.author_id = OLD.author_id AND l.deleted = 0 AND l.reblog_of = 0 AND +l.visibility = 0 AND"
	" l.group_id = 0 AND l.pending = 0 ORDER BY l.id DESC LIMIT 1), 0) WHERE account_id = OLD.author_id;"
	" END;"
	"CREATE TRIGGER follows_stats_ins AFTER INSERT ON follows BEGIN"
	" UPDATE account_stats SET followers = followers + 1 WHERE account_id = NEW.followee_id;"
	" UPDATE account_stats SET following = following + 1 WHERE account_id = NEW.follower_id; END;"
	"CREATE TRIGGER follows_stats_del AFTER DELETE ON follows BEGIN"
	" UPDATE account_stats SET followers = followers - 1 WHERE account_id = OLD.followee_id;"
	" UPDATE account_stats SET following = following - 1 WHERE account_id = OLD.follower_id; END;",

	/* 8: how many posts everyone may see carry each tag, kept by triggers
	 * (the search page's tag suggestions); a tag without such posts has no
	 * row. */
	"CREATE TABLE tag_stats (tag TEXT PRIMARY KEY, posts INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO tag_stats (tag, posts) SELECT t.tag, COUNT(*) FROM post_tags t JOIN posts p ON p.id = t.post_id"
	" WHERE p.deleted = 0 AND p.reblog_of = 0 AND p.visibility = 0 AND p.group_id = 0 AND p.pending = 0"
	" GROUP BY t.tag;"
	"CREATE TRIGGER post_tags_stats_ins AFTER INSERT ON post_tags"
	" WHEN EXISTS (SELECT 1 FROM posts p WHERE p.id = NEW.post_id AND p.deleted = 0 AND p.reblog_of = 0"
	" AND p.visibility = 0 AND p.group_id = 0 AND p.pending = 0) BEGIN"
	" INSERT INTO tag_stats (tag, posts) VALUES (NEW.tag, 1) ON CONFLICT (tag) DO UPDATE SET posts = posts + 1;"
	" END;"
	/* A post's tags are written after the post, but an import may bring
	 * them first. */
	"CREATE TRIGGER posts_tag_stats_ins AFTER INSERT ON posts WHEN NEW.deleted = 0 AND NEW.reblog_of = 0"
	" AND NEW.visibility = 0 AND NEW.group_id = 0 AND NEW.pending = 0 BEGIN"
	" INSERT INTO tag_stats (tag, posts) SELECT tag, 0 FROM post_tags WHERE post_id = NEW.id AND true"
	" ON CONFLICT (tag) DO NOTHING;"
	" UPDATE tag_stats SET posts = posts + 1 WHERE tag IN (SELECT tag FROM post_tags WHERE post_id = NEW.id);"
	" END;"
	"CREATE TRIGGER post_tags_stats_del AFTER DELETE ON post_tags"
	" WHEN EXISTS (SELECT 1 FROM posts p WHERE p.id = OLD.post_id AND p.deleted = 0 AND p.reblog_of = 0"
	" AND p.visibility = 0 AND p.group_id = 0 AND p.pending = 0) BEGIN"
	" UPDATE tag_stats SET posts = posts - 1 WHERE tag = OLD.tag;"
	" DELETE FROM tag_stats WHERE tag = OLD.tag AND posts <= 0; END;"
	"CREATE TRIGGER posts_tag_stats_upd AFTER UPDATE OF deleted, reblog_of, visibility, group_id, pending"
	" ON posts"
	" WHEN (OLD.deleted = 0 AND OLD.reblog_of = 0 AND OLD.visibility = 0 AND OLD.group_id = 0 AND"
	" OLD.pending = 0) <> (NEW.deleted = 0 AND NEW.reblog_of = 0 AND NEW.visibility = 0 AND NEW.group_id"
	" = 0 AND NEW.pending = 0) BEGIN"
	" INSERT INTO tag_stats (tag, posts) SELECT tag, 0 FROM post_tags WHERE post_id = NEW.id AND true"
	" ON CONFLICT (tag) DO NOTHING;"
	" UPDATE tag_stats SET posts = posts + (NEW.deleted = 0 AND NEW.reblog_of = 0 AND NEW.visibility = 0"
	" AND NEW.group_id = 0 AND NEW.pending = 0) - (OLD.deleted = 0 AND OLD.reblog_of = 0 AND"
	" OLD.visibility = 0 AND OLD.group_id = 0 AND OLD.pending = 0)"
	" WHERE tag IN (SELECT tag FROM post_tags WHERE post_id = NEW.id);"
	" DELETE FROM tag_stats WHERE posts <= 0 AND tag IN (SELECT tag FROM post_tags WHERE post_id = NEW.id); END;",

	/* 9: a group page found its pinned threads by reading every post of the
	 * group, and counted members row by row. */
	"CREATE INDEX posts_group_pinned ON posts(group_id, id) WHERE pinned = 1;"
	"CREATE INDEX group_members_state ON group_members(group_id, state);",

	/* 10: counts and lists show only what their reader may see.  A post's
	 * replies count only public replies in its own group (or none), not
	 * waiting for approval; who follows whom may be hidden (collections:
	 * 0 = as the kind of account suggests, 1 = hidden, 2 = shown). */
	"UPDATE posts SET replies = (SELECT COUNT(*) FROM posts r WHERE r.root_id = posts.root_id"
	" AND r.in_reply_to = posts.id AND r.deleted = 0 AND r.reblog_of = 0 AND r.visibility = 0"
	" AND r.pending = 0 AND r.group_id = posts.group_id) WHERE replies <> 0;"
	"ALTER TABLE accounts ADD COLUMN collections INTEGER NOT NULL DEFAULT 0;",

	/* 11: a person's text size on the pages (0 normal, 1 large, 2 extra large). */
	"ALTER TABLE accounts ADD COLUMN text_size INTEGER NOT NULL DEFAULT 0;",

	/* 12: an optional e-mail address for a password reset by mail; email_norm
	 * (lower case) finds it.  Two accounts may share one (a carer's and her
	 * mother's). */
	"CREATE TABLE account_emails (account_id INTEGER PRIMARY KEY, email TEXT NOT NULL,"
	" email_norm TEXT NOT NULL);"
	"CREATE INDEX account_emails_norm ON account_emails(email_norm);",

	/* 13: staff hear their organisation: a notification for the organisation
	 * is also stored for each staff member, marked with the organisation
	 * it is for (org_id; 0 = for the account itself). */
	"ALTER TABLE notifications ADD COLUMN org_id INTEGER NOT NULL DEFAULT 0;",

	/* 14: a notification names its group and carries a moderator's note. */
	"ALTER TABLE notifications ADD COLUMN group_id INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE notifications ADD COLUMN note TEXT NOT NULL DEFAULT '';",

	/* 15: one conversation model for the pages and the API (issue 12): the
	 * API's read and hidden marks (conversation_state) fold into conv_state
	 * (last_read, left_at; the same post ids), the later mark winning. */
	"INSERT INTO conv_state (account_id, root_id, last_read, left_at)"
	" SELECT account_id, root_id, read_id, hidden_id FROM conversation_state WHERE true"
	" ON CONFLICT (account_id, root_id) DO UPDATE SET"
	" last_read = MAX(conv_state.last_read, excluded.last_read),"
	" left_at = MAX(conv_state.left_at, excluded.left_at);"
	"DROP TABLE conversation_state;",

	/* 16: scheduled posts (the API's scheduled_at): what the post will be,
	 * published by the job queue at scheduled_at through core_post_create;
	 * state 1 = could not be published (error says why). */
	"CREATE TABLE scheduled_posts (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL,"
	" author_id INTEGER NOT NULL, scheduled_at INTEGER NOT NULL, text TEXT NOT NULL,"
	" visibility INTEGER NOT NULL, visibility_default INTEGER NOT NULL DEFAULT 0,"
	" in_reply_to INTEGER NOT NULL DEFAULT 0, group_id INTEGER NOT NULL DEFAULT 0, spoiler_text TEXT NOT NULL DEFAULT '',"
	" sensitive INTEGER NOT NULL DEFAULT 0, language TEXT NOT NULL DEFAULT '',"
	" poll_options TEXT NOT NULL DEFAULT '', poll_expires_in INTEGER NOT NULL DEFAULT 0,"
	" poll_multiple INTEGER NOT NULL DEFAULT 0, confirm INTEGER NOT NULL DEFAULT 0,"
	" state INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL);"
	"CREATE INDEX scheduled_posts_account ON scheduled_posts(account_id, id);",

	/* 17: Web Push subscriptions, one per access token (as Mastodon's).
	 * token_box is the token sealed with a key kept outside the database
	 * (core/push.c): the payload names it, the database holds only hashes. */
	"CREATE TABLE push_subscriptions (id INTEGER PRIMARY KEY, token_id INTEGER NOT NULL UNIQUE,"
	" account_id INTEGER NOT NULL, endpoint TEXT NOT NULL, p256dh TEXT NOT NULL, auth TEXT NOT NULL,"
	" alerts INTEGER NOT NULL, policy INTEGER NOT NULL, standard INTEGER NOT NULL DEFAULT 0,"
	" token_box TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL);"
	"CREATE INDEX push_subscriptions_account ON push_subscriptions(account_id);",

	/* 18: what kring-image saw in a picture (or a video's frames): faces
	 * (-1 = the job could not look; 0 also for media from before), the text it read, a note when a check was
	 * skipped; blur: 1 = the poster asked to blur faces, 2 = done. */
	"ALTER TABLE media ADD COLUMN faces INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE media ADD COLUMN blur INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE media ADD COLUMN seen_text TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE media ADD COLUMN look_note TEXT NOT NULL DEFAULT '';",

	/* 19: announcements: an administrator's notices to everyone (Mastodon's
	 * /api/v1/announcements), who dismissed which, and the reactions
	 * (unicode emoji) on them.  0 in starts_at/ends_at/published_at: none. */
	"CREATE TABLE announcements (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL, text TEXT NOT NULL,"
	" starts_at INTEGER NOT NULL DEFAULT 0, ends_at INTEGER NOT NULL DEFAULT 0, all_day INTEGER NOT NULL DEFAULT 0,"
	" published INTEGER NOT NULL DEFAULT 0, published_at INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL);"
	"CREATE TABLE announcement_reads (account_id INTEGER NOT NULL, announcement_id INTEGER NOT NULL,"
	" PRIMARY KEY (account_id, announcement_id));"
	"CREATE TABLE announcement_reactions (announcement_id INTEGER NOT NULL, account_id INTEGER NOT NULL,"
	" name TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (announcement_id, account_id, name));",

	/* 20: followers, following, favourited_by and reblogged_by are paged
	 * by the relation's id (as Mastodon): follows and favourites get one,
	 * time-ordered like every id (base/id.h), the old rows from created_at;
	 * an index range for each list. */
	"ALTER TABLE follows ADD COLUMN id INTEGER NOT NULL DEFAULT 0;"
	"UPDATE follows SET id = ((created_at * 1000) << 16) | (rowid & 65535);"
	"CREATE INDEX follows_followee_rel ON follows(followee_id, id);"
	"CREATE INDEX follows_follower_rel ON follows(follower_id, id);"
	"ALTER TABLE favourites ADD COLUMN id INTEGER NOT NULL DEFAULT 0;"
	"UPDATE favourites SET id = ((created_at * 1000) << 16) | (rowid & 65535);"
	"CREATE INDEX favourites_post_rel ON favourites(post_id, id);"
	"CREATE INDEX posts_reblogs ON posts(reblog_of, id) WHERE reblog_of <> 0;",

	/* 21: webcare's outside sources (core/webcare_source.c): RSS/Atom feeds
	 * and other servers' hashtags an organisation listens to, polled by a
	 * durable job with a conditional GET and an adaptive interval; each item
	 * is kept once per source (its key: guid, link or status URI). */
	"CREATE TABLE webcare_sources (id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, kind INTEGER NOT NULL,"
	" url TEXT NOT NULL, tag TEXT NOT NULL DEFAULT '', fixed_every INTEGER NOT NULL DEFAULT 0,"
	" poll_every INTEGER NOT NULL, etag TEXT NOT NULL DEFAULT '', last_modified TEXT NOT NULL DEFAULT '',"
	" min_id TEXT NOT NULL DEFAULT '', next_at INTEGER NOT NULL DEFAULT 0, last_poll_at INTEGER NOT NULL DEFAULT 0,"
	" last_ok_at INTEGER NOT NULL DEFAULT 0, last_status INTEGER NOT NULL DEFAULT 0,"
	" last_error TEXT NOT NULL DEFAULT '', created_by INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,"
	" UNIQUE (org_id, url, tag));"
	"CREATE TABLE webcare_source_items (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL,"
	" org_id INTEGER NOT NULL, key TEXT NOT NULL, link TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,"
	" author TEXT NOT NULL, published INTEGER NOT NULL, seen_at INTEGER NOT NULL, UNIQUE (source_id, key));"
	"CREATE INDEX webcare_source_items_org ON webcare_source_items(org_id, id);",

	/* 22: webcare, an organisation's inbox (core/webcare.c): items unique per
	 * organisation and origin key, their history, teams and members,
	 * opening hours, triage rules, answer templates, what was sent. */
	"CREATE TABLE webcare_items (id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, origin TEXT NOT NULL,"
	" origin_key TEXT NOT NULL, kind TEXT NOT NULL, post_id INTEGER NOT NULL DEFAULT 0,"
	" author_id INTEGER NOT NULL DEFAULT 0, author_name TEXT NOT NULL, url TEXT NOT NULL, title TEXT NOT NULL,"
	" text TEXT NOT NULL, created_at INTEGER NOT NULL, visible_at INTEGER NOT NULL, status INTEGER NOT NULL DEFAULT 0,"
	" snooze_until INTEGER NOT NULL DEFAULT 0, topic TEXT NOT NULL DEFAULT '', priority INTEGER NOT NULL DEFAULT 0,"
	" team_id INTEGER NOT NULL DEFAULT 0, assignee_id INTEGER NOT NULL DEFAULT 0,"
	" sentiment TEXT NOT NULL DEFAULT 'unsure', score_milli INTEGER NOT NULL DEFAULT 0,"
	" urgent INTEGER NOT NULL DEFAULT 0, first_answer_at INTEGER NOT NULL DEFAULT 0,"
	" followup_at INTEGER NOT NULL DEFAULT 0, followup_sent INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL,"
	" UNIQUE (org_id, origin, origin_key));"
	"CREATE INDEX webcare_items_org ON webcare_items(org_id, status, id);"
	"CREATE INDEX webcare_items_post ON webcare_items(post_id) WHERE post_id <> 0;"
	"CREATE INDEX webcare_items_queue ON webcare_items(team_id, assignee_id, status, id);"
	"CREATE INDEX webcare_items_followup ON webcare_items(followup_at) WHERE followup_at <> 0;"
	"CREATE TABLE webcare_events (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, actor_id INTEGER NOT NULL,"
	" action TEXT NOT NULL, note TEXT NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE INDEX webcare_events_item ON webcare_events(item_id, id);"
	"CREATE TABLE webcare_teams (id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, name TEXT NOT NULL,"
	" topics TEXT NOT NULL DEFAULT '', mode INTEGER NOT NULL DEFAULT 0, followup_days INTEGER NOT NULL DEFAULT 3,"
	" rr_last INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, UNIQUE (org_id, name));"
	"CREATE TABLE webcare_members (team_id INTEGER NOT NULL, account_id INTEGER NOT NULL,"
	" available INTEGER NOT NULL DEFAULT 1, cap INTEGER NOT NULL DEFAULT 10, last_assigned INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY (team_id, account_id));"
	"CREATE TABLE webcare_hours (team_id INTEGER NOT NULL, weekday INTEGER NOT NULL, start_min INTEGER NOT NULL,"
	" end_min INTEGER NOT NULL, PRIMARY KEY (team_id, weekday, start_min));"
	"CREATE TABLE webcare_holidays (team_id INTEGER NOT NULL, day TEXT NOT NULL, PRIMARY KEY (team_id, day));"
	"CREATE TABLE webcare_rules (id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, name TEXT NOT NULL,"
	" expr TEXT NOT NULL, topic TEXT NOT NULL, priority INTEGER NOT NULL, team_id INTEGER NOT NULL,"
	" position INTEGER NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE INDEX webcare_rules_org ON webcare_rules(org_id, position);"
	"CREATE TABLE webcare_templates (id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, name TEXT NOT NULL,"
	" body TEXT NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE INDEX webcare_templates_org ON webcare_templates(org_id, id);"
	"CREATE TABLE webcare_sent (org_id INTEGER NOT NULL, sent_key TEXT NOT NULL, recipient TEXT NOT NULL,"
	" item_id INTEGER NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE INDEX webcare_sent_key ON webcare_sent(org_id, sent_key);",
	/* 23: consultation hours (issue 18): sessions, questions (asker_id is
	 * the server's to know, also for anonymous ones), answers, followers. */
	"CREATE TABLE consult_sessions (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL, opened_by INTEGER NOT NULL,"
	" topic TEXT NOT NULL, disclaimer TEXT NOT NULL, starts_at INTEGER NOT NULL, ends_at INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL, audience INTEGER NOT NULL DEFAULT 0, group_id INTEGER NOT NULL DEFAULT 0,"
	" answers_private INTEGER NOT NULL DEFAULT 0, post_id INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX consult_sessions_owner ON consult_sessions(owner_id, id);"
	"CREATE TABLE consult_questions (id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL, asker_id INTEGER NOT NULL,"
	" private_q INTEGER NOT NULL DEFAULT 0, anonymous INTEGER NOT NULL DEFAULT 0, pseudonym INTEGER NOT NULL DEFAULT 0,"
	" text TEXT NOT NULL, state INTEGER NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '',"
	" merged_into INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, answered_at INTEGER NOT NULL DEFAULT 0,"
	" words TEXT NOT NULL DEFAULT ' ');"
	"CREATE INDEX consult_questions_session ON consult_questions(session_id, id);"
	"CREATE TABLE consult_answers (id INTEGER PRIMARY KEY, question_id INTEGER NOT NULL, session_id INTEGER NOT NULL,"
	" writer_id INTEGER NOT NULL, text TEXT NOT NULL, created_at INTEGER NOT NULL, accepted INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX consult_answers_session ON consult_answers(session_id, id);"
	"CREATE TABLE consult_follows (session_id INTEGER NOT NULL, account_id INTEGER NOT NULL,"
	" PRIMARY KEY (session_id, account_id));",
	/* 24: appointments (issue 18, core/appointment.c): a provider's
	 * availability as its spec text (core/slots.c), the appointments with
	 * the block they take (buffers included), and no two booked blocks of
	 * one provider may overlap: core checks in its write transaction, and
	 * these triggers refuse it too (PostgreSQL: an exclusion constraint).
	 * Reminders that reached a client, and calendar-feed keys (hashes). */
	"CREATE TABLE availability (provider_id INTEGER PRIMARY KEY, spec TEXT NOT NULL, updated_at INTEGER NOT NULL);"
	"CREATE TABLE appointments (id INTEGER PRIMARY KEY, provider_id INTEGER NOT NULL, client_id INTEGER NOT NULL,"
	" booked_by INTEGER NOT NULL, kind TEXT NOT NULL, starts_at INTEGER NOT NULL, ends_at INTEGER NOT NULL,"
	" block_from INTEGER NOT NULL, block_to INTEGER NOT NULL, state INTEGER NOT NULL DEFAULT 0,"
	" seq INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
	" CHECK (block_from < block_to));"
	"CREATE INDEX appointments_provider ON appointments(provider_id, block_from) WHERE state = 0;"
	"CREATE INDEX appointments_client ON appointments(client_id, starts_at);"
	"CREATE TRIGGER appointments_no_overlap BEFORE INSERT ON appointments WHEN NEW.state = 0 AND EXISTS"
	" (SELECT 1 FROM appointments o WHERE o.provider_id = NEW.provider_id AND o.state = 0"
	" AND o.block_from < NEW.block_to AND o.block_to > NEW.block_from)"
	" BEGIN SELECT RAISE(ABORT, 'appointment overlaps another'); END;"
	"CREATE TRIGGER appointments_no_overlap_move BEFORE UPDATE ON appointments WHEN NEW.state = 0 AND EXISTS"
	" (SELECT 1 FROM appointments o WHERE o.provider_id = NEW.provider_id AND o.state = 0 AND o.id <> NEW.id"
	" AND o.block_from < NEW.block_to AND o.block_to > NEW.block_from)"
	" BEGIN SELECT RAISE(ABORT, 'appointment overlaps another'); END;"
	"CREATE TABLE appt_notices (id INTEGER PRIMARY KEY, appointment_id INTEGER NOT NULL, account_id INTEGER NOT NULL,"
	" kind INTEGER NOT NULL, seq INTEGER NOT NULL, starts_at INTEGER NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE INDEX appt_notices_account ON appt_notices(account_id, id);"
	"CREATE TABLE calendar_feeds (account_id INTEGER PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,"
	" created_at INTEGER NOT NULL);",
	/* 25 (reviews, issue 19): reviews of organisations and professionals,
	 * one per relation period (relation_key) per author and provider; the
	 * moderators' log; services an organisation switched reviews off for. */
	"CREATE TABLE reviews (id INTEGER PRIMARY KEY, provider_id INTEGER NOT NULL, author_id INTEGER NOT NULL,"
	" relation INTEGER NOT NULL, relation_key TEXT NOT NULL, relation_since INTEGER NOT NULL,"
	" mark_info INTEGER NOT NULL, mark_listen INTEGER NOT NULL, mark_wait INTEGER NOT NULL,"
	" mark_result INTEGER NOT NULL, text TEXT NOT NULL, service TEXT NOT NULL DEFAULT '',"
	" experience_at INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
	" state INTEGER NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '', signals INTEGER NOT NULL DEFAULT 0,"
	" minhash TEXT NOT NULL DEFAULT '', reply TEXT NOT NULL DEFAULT '', reply_at INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX reviews_provider ON reviews(provider_id, id);"
	"CREATE INDEX reviews_author ON reviews(author_id, provider_id);"
	"CREATE TABLE review_log (id INTEGER PRIMARY KEY, review_id INTEGER NOT NULL, actor_id INTEGER NOT NULL,"
	" action TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL);"
	"CREATE TABLE review_services_off (org_id INTEGER NOT NULL, service TEXT NOT NULL,"
	" created_at INTEGER NOT NULL, PRIMARY KEY (org_id, service));",

	/* 26 (choosing a care worker, issue 19): a professional's introduction,
	 * way of working and "taking new clients"; a client's likes and skips
	 * (their own: a like reaches the professional only as a request). */
	"CREATE TABLE pro_profiles (account_id INTEGER PRIMARY KEY, intro TEXT NOT NULL DEFAULT '',"
	" approach TEXT NOT NULL DEFAULT '', taking_new INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL);"
	"CREATE TABLE match_choices (client_id INTEGER NOT NULL, pro_id INTEGER NOT NULL, choice INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL, seq INTEGER NOT NULL, message TEXT NOT NULL DEFAULT '',"
	" requested_at INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (client_id, pro_id));"
	"CREATE INDEX match_choices_pro ON match_choices(pro_id, requested_at);",
	/* 27: federation (issue 21): each local actor's RSA key pair, other
	 * servers' actors, who follows a local account from elsewhere and whom a
	 * local account follows there, the ids of activities already taken in,
	 * activities waiting for delivery, the notes received, and the other
	 * servers an administrator blocked. */
	"CREATE TABLE fed_keys (account_id INTEGER PRIMARY KEY, public_pem TEXT NOT NULL,"
	" private_pem TEXT NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE TABLE fed_actors (id INTEGER PRIMARY KEY, uri TEXT NOT NULL UNIQUE, inbox TEXT NOT NULL,"
	" shared_inbox TEXT NOT NULL DEFAULT '', key_id TEXT NOT NULL, public_pem TEXT NOT NULL,"
	" username TEXT NOT NULL DEFAULT '', host TEXT NOT NULL, fetched_at INTEGER NOT NULL);"
	"CREATE INDEX fed_actors_key ON fed_actors(key_id);"
	"CREATE TABLE fed_followers (account_id INTEGER NOT NULL, actor_id INTEGER NOT NULL,"
	" state INTEGER NOT NULL, follow_uri TEXT NOT NULL, created_at INTEGER NOT NULL,"
	" PRIMARY KEY (account_id, actor_id));"
	"CREATE TABLE fed_seen (uri TEXT PRIMARY KEY, seen_at INTEGER NOT NULL);"
	"CREATE TABLE fed_out (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, body TEXT NOT NULL,"
	" created_at INTEGER NOT NULL);"
	"CREATE TABLE fed_following (account_id INTEGER NOT NULL, actor_id INTEGER NOT NULL,"
	" state INTEGER NOT NULL, follow_uri TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL,"
	" PRIMARY KEY (account_id, actor_id));"
	"CREATE TABLE fed_notes (id INTEGER PRIMARY KEY, uri TEXT NOT NULL UNIQUE, actor_id INTEGER NOT NULL,"
	" content TEXT NOT NULL, published TEXT NOT NULL, received_at INTEGER NOT NULL);"
	"CREATE TABLE fed_blocks (host TEXT PRIMARY KEY, created_at INTEGER NOT NULL);",
	/* 28: home feeds kept at write time (issue 15).  feeds holds a superset
	 * of each reader's home timeline from feed_floor.floor up (post ids);
	 * below the floor the timeline is read the old way.  A reader without a
	 * feed_floor row has no feed yet: it is built on the first read. */
	"CREATE TABLE feeds (account_id INTEGER NOT NULL, post_id INTEGER NOT NULL,"
	" PRIMARY KEY (account_id, post_id)) WITHOUT ROWID;"
	"CREATE TABLE feed_floor (account_id INTEGER PRIMARY KEY, floor INTEGER NOT NULL,"
	" built_at INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE feed_pending (post_id INTEGER PRIMARY KEY);",

	/* 29: the reads every page makes stay small however much is written:
	 * held_fix (store.c) looks only at posts that were ever held, the
	 * menu badges count only unread notifications and walk only a person's
	 * direct posts (not all their posts). */
	"CREATE INDEX posts_held ON posts(author_id, id) WHERE publish_at > 0;"
	"CREATE INDEX notifications_unread ON notifications(account_id, id) WHERE read = 0;"
	"CREATE INDEX posts_direct ON posts(author_id, id) WHERE visibility = 2;",

	/* 30 (reach, issue 20, docs/measure.md): who was shown a post, one row
	 * per (post, viewer), written in batches off the request path.  Only
	 * ever counted; no query reads the viewers out (store/reach.c). */
	"CREATE TABLE post_reach (post_id INTEGER NOT NULL, viewer_id INTEGER NOT NULL,"
	" PRIMARY KEY (post_id, viewer_id)) WITHOUT ROWID;"
	/* Clicks on the links of an organisation's post (the /l/ redirect):
	 * a number per link, nobody's identity. */
	"CREATE TABLE link_clicks (post_id INTEGER NOT NULL, link INTEGER NOT NULL, clicks INTEGER NOT NULL,"
	" PRIMARY KEY (post_id, link));",

	/* 31: my plan (issue 19, docs/plan.md): a client's goals and small
	 * steps, who they share the plan with, and their undo log (each action's
	 * previous state).  Private: read only through core/plan.c. */
	"CREATE TABLE plan_goals (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL, area INTEGER NOT NULL,"
	" picto TEXT NOT NULL, text TEXT NOT NULL, state INTEGER NOT NULL DEFAULT 0,"
	" suggested_by INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);"
	"CREATE INDEX plan_goals_owner ON plan_goals(owner_id, id);"
	"CREATE TABLE plan_steps (id INTEGER PRIMARY KEY, goal_id INTEGER NOT NULL, owner_id INTEGER NOT NULL,"
	" text TEXT NOT NULL, state INTEGER NOT NULL DEFAULT 0, suggested_by INTEGER NOT NULL DEFAULT 0,"
	" done_at INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);"
	"CREATE INDEX plan_steps_goal ON plan_steps(goal_id, id);"
	"CREATE TABLE plan_shares (owner_id INTEGER NOT NULL, viewer_id INTEGER NOT NULL, kind INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL, PRIMARY KEY (owner_id, viewer_id));"
	"CREATE INDEX plan_shares_viewer ON plan_shares(viewer_id);"
	"CREATE TABLE plan_undo (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL, what INTEGER NOT NULL,"
	" row_id INTEGER NOT NULL, old_state INTEGER NOT NULL, old_done_at INTEGER NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE INDEX plan_undo_owner ON plan_undo(owner_id, id);",

	/* 32 (webcare spike alerts, issue 17): items counted per quarter hour
	 * by when they were written; an alert once, with its figures. */
	"CREATE INDEX webcare_items_created ON webcare_items(org_id, created_at);"
	"CREATE TABLE webcare_alerts (id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, window_end INTEGER NOT NULL,"
	" count INTEGER NOT NULL, median_milli INTEGER NOT NULL, z_milli INTEGER NOT NULL, crisis INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL);"
	"CREATE INDEX webcare_alerts_org ON webcare_alerts(org_id, created_at);"
	/* Crisis mode: one row per organisation (on or off), and its updates. */
	"CREATE TABLE webcare_crisis (org_id INTEGER PRIMARY KEY, topic TEXT NOT NULL, active INTEGER NOT NULL,"
	" started_at INTEGER NOT NULL, started_by INTEGER NOT NULL, ended_at INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE webcare_crisis_updates (id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, author_id INTEGER NOT NULL,"
	" text TEXT NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE INDEX webcare_crisis_updates_org ON webcare_crisis_updates(org_id, created_at);",

	/* 33 (reminders by e-mail, issue 18, docs/appointments.md): what a person
	 * wants by e-mail; no row is nothing (the default: off). */
	"CREATE TABLE mail_prefs (account_id INTEGER PRIMARY KEY, appointments INTEGER NOT NULL DEFAULT 0);",
	/* 34 (vacancies, issue 20, docs/measure.md): the fields of an
	 * organisation's vacancy, beside its public post. */
	"CREATE TABLE vacancies (post_id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, job TEXT NOT NULL,"
	" hours TEXT NOT NULL, location TEXT NOT NULL, apply TEXT NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE INDEX vacancies_org ON vacancies(org_id, post_id);",

	/* 35 (campaigns, issue 20, docs/measure.md): an organisation's posts
	 * grouped by a tag or a link over a period, with a goal. */
	"CREATE TABLE campaigns (id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, created_by INTEGER NOT NULL,"
	" name TEXT NOT NULL, tag TEXT NOT NULL, link TEXT NOT NULL, goal_kind INTEGER NOT NULL, goal INTEGER NOT NULL,"
	" starts_at INTEGER NOT NULL, ends_at INTEGER NOT NULL, created_at INTEGER NOT NULL);"
	"CREATE INDEX campaigns_org ON campaigns(org_id, id);",

	/* 36 (ambassadors, issue 20, docs/measure.md): staff who share the
	 * organisation's posts with a personal link, with or without consent
	 * to be shown by name; visits and applications through the links are
	 * counted, and who came is kept only to count them once. */
	"CREATE TABLE ambassadors (org_id INTEGER NOT NULL, person_id INTEGER NOT NULL, code INTEGER NOT NULL UNIQUE,"
	" consent INTEGER NOT NULL, joined_at INTEGER NOT NULL, PRIMARY KEY (org_id, person_id));"
	"CREATE INDEX ambassadors_person ON ambassadors(person_id);"
	"CREATE TABLE amb_clicks (code INTEGER NOT NULL, post_id INTEGER NOT NULL, clicks INTEGER NOT NULL,"
	" applied INTEGER NOT NULL, PRIMARY KEY (code, post_id));"
	"CREATE TABLE amb_reach (code INTEGER NOT NULL, post_id INTEGER NOT NULL, viewer_id INTEGER NOT NULL,"
	" PRIMARY KEY (code, post_id, viewer_id)) WITHOUT ROWID;",

	/* 37 (issue 15): the unread conversations, one row per reader and
	 * conversation that store_conversations lists as unread, with its newest
	 * post; kept by every write that changes it (group.c), so the menu's
	 * Berichten badge reads a few rows on every page instead of every direct
	 * post the reader wrote or received.  Filled here from the rule. */
	"CREATE TABLE conv_unread (account_id INTEGER NOT NULL, root_id INTEGER NOT NULL, last_id INTEGER NOT NULL,"
	" PRIMARY KEY (account_id, root_id)) WITHOUT ROWID;"
	"CREATE INDEX conv_unread_last ON conv_unread(account_id, last_id);"
	"INSERT INTO conv_unread (account_id, root_id, last_id) SELECT s.account_id, p.root_id, MAX(p.id) FROM ("
	"  SELECT author_id AS account_id, id AS post_id FROM posts WHERE visibility = 2"
	"  UNION SELECT o.person_id, q.id FROM posts q JOIN org_staff o ON o.org_id = q.author_id"
	"   WHERE q.visibility = 2"
	"  UNION SELECT account_id, post_id FROM post_recipients"
	"  UNION SELECT o.person_id, r.post_id FROM post_recipients r JOIN org_staff o ON o.org_id = r.account_id"
	" ) s JOIN posts p ON p.id = s.post_id"
	" LEFT JOIN conv_state c ON c.account_id = s.account_id AND c.root_id = p.root_id"
	" WHERE p.visibility = 2 AND p.deleted = 0 GROUP BY s.account_id, p.root_id"
	" HAVING MAX(p.id) > COALESCE(MAX(c.left_at), 0)"
	" AND MAX(CASE WHEN p.author_id = s.account_id OR p.writer_id = s.account_id THEN 0 ELSE p.id END)"
	" > COALESCE(MAX(c.last_read), 0);",

	/* 38: PostgreSQL's follow counters take their rows in key order (see
	 * migrate_pg.c); SQLite has one writer at a time: nothing to change. */
	"SELECT 1;",

	/* 39 (the client's home, issue 19, docs/thuis.md): informal carers a
	 * client named, with what the client allows them (enum carer_flag).
	 * Private: read only through core/thuis.c. */
	"CREATE TABLE carers (client_id INTEGER NOT NULL, carer_id INTEGER NOT NULL, flags INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL, PRIMARY KEY (client_id, carer_id));"
	"CREATE INDEX carers_carer ON carers(carer_id);"
	/* photos and videos a care worker shared with a client */
	"CREATE TABLE care_media (id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL, sharer_id INTEGER NOT NULL,"
	" media_id INTEGER NOT NULL UNIQUE, caption TEXT NOT NULL, family INTEGER NOT NULL DEFAULT 0,"
	" created_at INTEGER NOT NULL);"
	"CREATE INDEX care_media_client ON care_media(client_id, id);"
	/* a goal's own photo in my plan (read through core/plan.c's access rule) */
	"CREATE TABLE plan_photos (goal_id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL, media_id INTEGER NOT NULL UNIQUE);",

	/* 40 (federation, issue 21): a remote actor is shown as an account
	 * ("user@host", no password) and a received Note as a post of it; the
	 * key an Update after a key rotation is signed with; local-only posts;
	 * the per-host circuit breaker (failures in a row, when to try again). */
	"ALTER TABLE fed_actors ADD COLUMN account_id INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE fed_notes ADD COLUMN post_id INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX fed_actors_account ON fed_actors(account_id);"
	"CREATE INDEX fed_notes_post ON fed_notes(post_id);"
	"ALTER TABLE fed_out ADD COLUMN key_pem TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE fed_local_only (post_id INTEGER PRIMARY KEY);"
	"CREATE TABLE fed_hosts (host TEXT PRIMARY KEY, failures INTEGER NOT NULL, retry_at INTEGER NOT NULL);",

	/* 41 (trend page, issue 20, docs/measure.md): reach and clicks per
	 * Amsterdam day, per author (the organisation), so they can feed the
	 * trend detector: post_reach and link_clicks keep no dates.  kind:
	 * enum measure_day_kind.  Numbers only, nobody's identity. */
	"CREATE TABLE measure_daily (account_id INTEGER NOT NULL, kind INTEGER NOT NULL, day INTEGER NOT NULL,"
	" n INTEGER NOT NULL, PRIMARY KEY (account_id, kind, day)) WITHOUT ROWID;",
	/* 42 (federation, issue 21): a received Note's attachments, kept as
	 * their origin gave them (remote URL, media type, alt text): nothing is
	 * downloaded.  Shown through the API as media with remote_url. */
	"CREATE TABLE fed_media (post_id INTEGER NOT NULL, idx INTEGER NOT NULL, url TEXT NOT NULL,"
	" mime TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (post_id, idx)) WITHOUT ROWID;",
	/* 43 (menu badges, issue 15, docs/badges.md): per person the number of
	 * unread notifications and a version that every write which could change
	 * either menu badge raises, all kept by triggers in the writing
	 * transaction: the person's notifications and unread conversations,
	 * what decides whether they may read a post (follows, blocks, recipients,
	 * staff, group membership).  vis_epoch is raised by what changes it for
	 * many people at once (a post deleted, hidden, moved; a suspension; a
	 * group's kind).  core remembers each badge under (version, epoch). */
	"CREATE TABLE notif_count (account_id INTEGER PRIMARY KEY, unread INTEGER NOT NULL DEFAULT 0,"
	" ver INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO notif_count (account_id, unread) SELECT a.id, (SELECT COUNT(*) FROM notifications n"
	" WHERE n.account_id = a.id AND n.read = 0) FROM accounts a;"
	"CREATE TRIGGER notif_count_acc AFTER INSERT ON accounts BEGIN"
	" INSERT INTO notif_count (account_id) VALUES (NEW.id) ON CONFLICT (account_id) DO NOTHING; END;"
	"CREATE TABLE vis_epoch (id INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
	"INSERT INTO vis_epoch (id, n) VALUES (1, 0);"
	"CREATE TRIGGER notif_count_ins AFTER INSERT ON notifications BEGIN"
	" INSERT INTO notif_count (account_id, unread, ver) VALUES (NEW.account_id, NEW.read = 0, 1)"
	" ON CONFLICT (account_id) DO UPDATE SET unread = unread + excluded.unread, ver = ver + 1; END;"
	"CREATE TRIGGER notif_count_del AFTER DELETE ON notifications BEGIN"
	" UPDATE notif_count SET unread = unread - (OLD.read = 0), ver = ver + 1 WHERE account_id = OLD.account_id; END;"
	"CREATE TRIGGER notif_count_upd AFTER UPDATE OF read, account_id, post_id, actor_id, org_id ON notifications BEGIN"
	" UPDATE notif_count SET unread = unread - (OLD.read = 0), ver = ver + 1 WHERE account_id = OLD.account_id;"
	" INSERT INTO notif_count (account_id, unread, ver) VALUES (NEW.account_id, NEW.read = 0, 1)"
	" ON CONFLICT (account_id) DO UPDATE SET unread = unread + excluded.unread, ver = ver + 1; END;"
	"CREATE TRIGGER badge_conv_ins AFTER INSERT ON conv_unread BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = NEW.account_id; END;"
	"CREATE TRIGGER badge_conv_upd AFTER UPDATE ON conv_unread BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id IN (OLD.account_id, NEW.account_id); END;"
	"CREATE TRIGGER badge_conv_del AFTER DELETE ON conv_unread BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = OLD.account_id; END;"
	"CREATE TRIGGER badge_follows_ins AFTER INSERT ON follows BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = NEW.follower_id; END;"
	"CREATE TRIGGER badge_follows_del AFTER DELETE ON follows BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = OLD.follower_id; END;"
	"CREATE TRIGGER badge_blocks_ins AFTER INSERT ON blocks BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id IN (NEW.account_id, NEW.target_id); END;"
	"CREATE TRIGGER badge_blocks_del AFTER DELETE ON blocks BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id IN (OLD.account_id, OLD.target_id); END;"
	"CREATE TRIGGER badge_mutes_ins AFTER INSERT ON mutes BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = NEW.account_id; END;"
	"CREATE TRIGGER badge_mutes_del AFTER DELETE ON mutes BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = OLD.account_id; END;"
	"CREATE TRIGGER badge_recipients_ins AFTER INSERT ON post_recipients BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = NEW.account_id"
	" OR account_id IN (SELECT person_id FROM org_staff WHERE org_id = NEW.account_id); END;"
	"CREATE TRIGGER badge_recipients_del AFTER DELETE ON post_recipients BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = OLD.account_id"
	" OR account_id IN (SELECT person_id FROM org_staff WHERE org_id = OLD.account_id); END;"
	"CREATE TRIGGER badge_staff_ins AFTER INSERT ON org_staff BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = NEW.person_id; END;"
	"CREATE TRIGGER badge_staff_del AFTER DELETE ON org_staff BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = OLD.person_id; END;"
	"CREATE TRIGGER badge_members_ins AFTER INSERT ON group_members BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = NEW.account_id; END;"
	"CREATE TRIGGER badge_members_upd AFTER UPDATE ON group_members BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id IN (OLD.account_id, NEW.account_id); END;"
	"CREATE TRIGGER badge_members_del AFTER DELETE ON group_members BEGIN"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = OLD.account_id; END;"
	"CREATE TRIGGER badge_posts_upd AFTER UPDATE OF deleted, visibility, pending, group_id, publish_at, author_id,"
	" writer_id, reblog_of ON posts WHEN OLD.deleted IS NOT NEW.deleted OR OLD.visibility IS NOT NEW.visibility"
	" OR OLD.pending IS NOT NEW.pending OR OLD.group_id IS NOT NEW.group_id OR OLD.publish_at IS NOT NEW.publish_at"
	" OR OLD.author_id IS NOT NEW.author_id OR OLD.writer_id IS NOT NEW.writer_id OR OLD.reblog_of IS NOT NEW.reblog_of"
	" BEGIN UPDATE vis_epoch SET n = n + 1 WHERE id = 1; END;"
	"CREATE TRIGGER badge_posts_del AFTER DELETE ON posts BEGIN UPDATE vis_epoch SET n = n + 1 WHERE id = 1; END;"
	"CREATE TRIGGER badge_accounts_upd AFTER UPDATE OF suspended ON accounts WHEN OLD.suspended IS NOT NEW.suspended"
	" BEGIN UPDATE vis_epoch SET n = n + 1 WHERE id = 1; END;"
	"CREATE TRIGGER badge_accounts_del AFTER DELETE ON accounts BEGIN UPDATE vis_epoch SET n = n + 1 WHERE id = 1; END;"
	"CREATE TRIGGER badge_groups_upd AFTER UPDATE OF kind ON groups WHEN OLD.kind IS NOT NEW.kind"
	" BEGIN UPDATE vis_epoch SET n = n + 1 WHERE id = 1; END;"
	"CREATE TRIGGER badge_groups_del AFTER DELETE ON groups BEGIN UPDATE vis_epoch SET n = n + 1 WHERE id = 1; END;",

	/* 44 (guidelines reminder limit, issue 20, docs/measure.md): when an
	 * organisation last reminded a staff member of its guidelines, so
	 * nobody is reminded more than once per CORE_REMIND_DAYS. */
	"CREATE TABLE guidelines_reminders (org_id INTEGER NOT NULL, person_id INTEGER NOT NULL,"
	" sent_at INTEGER NOT NULL, PRIMARY KEY (org_id, person_id)) WITHOUT ROWID;",

	/* 45 (federation, issue 21, docs/federation.md): a poll from another
	 * server shows its origin's counts (its Question's replies.totalItems
	 * and votersCount, as the origin last sent them); -1: none sent. */
	"ALTER TABLE poll_options ADD COLUMN origin_votes INTEGER NOT NULL DEFAULT -1;"
	"ALTER TABLE polls ADD COLUMN origin_voters INTEGER NOT NULL DEFAULT -1;",

	/* 46 (search, issue 15, docs/performance.md): people are found by any
	 * part of their username or display name.  A LIKE '%q%' read every
	 * account (30 ms at 50,000); this trigram index answers a query of
	 * three or more characters from the trigrams it holds.  Kept by
	 * triggers, so every way an account is made or renamed keeps it; not
	 * exported (import rebuilds it through the triggers). */
	"CREATE VIRTUAL TABLE account_names USING fts5(username, display_name, tokenize='trigram');"
	"INSERT INTO account_names (rowid, username, display_name) SELECT id, username, display_name FROM accounts;"
	"CREATE TRIGGER account_names_ins AFTER INSERT ON accounts BEGIN"
	" INSERT INTO account_names (rowid, username, display_name) VALUES (NEW.id, NEW.username, NEW.display_name);"
	" END;"
	"CREATE TRIGGER account_names_upd AFTER UPDATE OF id, username, display_name ON accounts BEGIN"
	" DELETE FROM account_names WHERE rowid = OLD.id;"
	" INSERT INTO account_names (rowid, username, display_name) VALUES (NEW.id, NEW.username, NEW.display_name);"
	" END;"
	"CREATE TRIGGER account_names_del AFTER DELETE ON accounts BEGIN"
	" DELETE FROM account_names WHERE rowid = OLD.id; END;",

	/* 47 (group timeline, issue 15, docs/performance.md): a group's member
	 * count, kept by triggers like account_stats (migration 7).  Every
	 * group page counted the members (state 0) afresh: 9,024 rows for the
	 * benchmark's largest group at 5,000,000 posts, a quarter of the page. */
	"CREATE TABLE group_stats (group_id INTEGER PRIMARY KEY, members INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO group_stats (group_id, members) SELECT g.id,"
	" (SELECT COUNT(*) FROM group_members c WHERE c.group_id = g.id AND c.state = 0) FROM groups g;"
	"CREATE TRIGGER group_stats_ins AFTER INSERT ON groups BEGIN"
	" INSERT INTO group_stats (group_id) VALUES (NEW.id) ON CONFLICT DO NOTHING; END;"
	"CREATE TRIGGER group_stats_del AFTER DELETE ON groups BEGIN"
	" DELETE FROM group_stats WHERE group_id = OLD.id; END;"
	/* an import brings group_members before groups (by name): the count
	 * row may come first, and the group's own insert leaves it be */
	"CREATE TRIGGER group_stats_join AFTER INSERT ON group_members WHEN NEW.state = 0 BEGIN"
	" INSERT INTO group_stats (group_id, members) VALUES (NEW.group_id, 1)"
	" ON CONFLICT (group_id) DO UPDATE SET members = members + 1; END;"
	"CREATE TRIGGER group_stats_leave AFTER DELETE ON group_members WHEN OLD.state = 0 BEGIN"
	" UPDATE group_stats SET members = members - 1 WHERE group_id = OLD.group_id; END;"
	"CREATE TRIGGER group_stats_state AFTER UPDATE OF state, group_id ON group_members"
	" WHEN (OLD.state = 0) IS NOT (NEW.state = 0) OR OLD.group_id IS NOT NEW.group_id BEGIN"
	" UPDATE group_stats SET members = members - 1 WHERE group_id = OLD.group_id AND OLD.state = 0;"
	" INSERT INTO group_stats (group_id, members) SELECT NEW.group_id, 1 WHERE NEW.state = 0"
	" ON CONFLICT (group_id) DO UPDATE SET members = members + 1; END;",
	/* who blocks a reader, read with the reader's other lists for a page (post.c) */
	"CREATE INDEX blocks_target ON blocks(target_id, account_id);",
	/* the posts in think time at this moment, read as one range for a page
	 * (held_fix in store.c, store_posts_replies_held in post.c) */
	"CREATE INDEX posts_held_until ON posts(publish_at) WHERE publish_at > 0;",
	/* the suspended accounts, read as one list for a page (post.c) */
	"CREATE INDEX accounts_suspended ON accounts(id) WHERE suspended <> 0;",
};

#define NSTEPS ((int)(sizeof sqlite_steps / sizeof sqlite_steps[0]))

/* PostgreSQL has no write lock of its own any more (pg.c): migrations take
 * this one ("kring" in ASCII) so that two processes starting on one
 * database migrate one after the other. */
static int migrate_lock(struct db *db)
{
	return db->drv == &db_pg ? db->drv->exec(db, "SELECT pg_advisory_xact_lock(461845162343)") : 0;
}

int store_migrate(struct db *db)
{
	const char *const *steps = sqlite_steps;
	if (db->drv == &db_pg) {
		if (store_pg_nsteps != NSTEPS) {
			log_err("migrate_pg.c has %d steps, migrate.c %d", store_pg_nsteps, NSTEPS);
			return ERR_DB;
		}
		steps = store_pg_steps;
	}
	/* Under the write lock: two processes may start on a new database. */
	int rc = db_begin(db);
	if (!rc && (rc = migrate_lock(db)))
		db_rollback(db);
	if (!rc && (rc = db->drv->exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")))
		db_rollback(db);
	if (rc || (rc = db_commit(db)))
		return rc;
	for (;;) {
		/* Re-read the version inside the write lock: another process (the
		 * CLI next to a running server) may be migrating too. */
		if ((rc = db_begin(db)))
			return rc;
		if ((rc = migrate_lock(db)))
			goto fail;
		int64_t v = 0;
		rc = db_scalar(db, &v, 0, "SELECT MAX(version) FROM schema_version", "");
		if (rc)
			goto fail;
		if (v >= NSTEPS) {
			db_rollback(db);
			return 0;
		}
		if (v < 0)
			v = 0;
		log_info("migrating database to version %d", (int)v + 1);
		if ((rc = db->drv->exec(db, steps[v])))
			goto fail;
		if ((rc = db_exec(db, "INSERT INTO schema_version (version) VALUES (?1)", "i", v + 1)))
			goto fail;
		if ((rc = db_commit(db)))
			return rc;
	}
fail:
	db_rollback(db);
	log_err("migration failed: %s", err_str(rc));
	return rc;
}

int store_migrations_known(void)
{
	return NSTEPS;
}
