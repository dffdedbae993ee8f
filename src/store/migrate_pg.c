/*
 * The PostgreSQL schema: the same migrations as sqlite_steps in migrate.c,
 * step for step, with the same tables, columns, defaults and indexes.
 * SQLite's INTEGER (64-bit) is BIGINT here; 0/1 flags stay integers so the
 * same SQL works on both.  The one difference is full-text search (post_fts).
 * Append only, and always together with migrate.c.
 * tests/blackbox/test_pg_schema.py checks that both schemas agree.
 */
#include "store/store_int.h"

const char *const store_pg_steps[] = {
	/* 1: foundation */
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE accounts ("
	" id BIGINT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL DEFAULT '',"
	" kind BIGINT NOT NULL DEFAULT 0, person_type BIGINT NOT NULL DEFAULT 0,"
	" role BIGINT NOT NULL DEFAULT 0, password_hash TEXT, bio TEXT NOT NULL DEFAULT '',"
	" profession TEXT NOT NULL DEFAULT '', expertise TEXT NOT NULL DEFAULT '',"
	" languages TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '',"
	" locked BIGINT NOT NULL DEFAULT 0, suspended BIGINT NOT NULL DEFAULT 0,"
	" lang TEXT NOT NULL DEFAULT 'nl', created_at BIGINT NOT NULL);"
	"CREATE TABLE org_staff (org_id BIGINT NOT NULL REFERENCES accounts(id),"
	" person_id BIGINT NOT NULL REFERENCES accounts(id), PRIMARY KEY (org_id, person_id));"
	"CREATE INDEX org_staff_person ON org_staff(person_id);"
	"CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, account_id BIGINT NOT NULL REFERENCES accounts(id),"
	" csrf TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL);"
	"CREATE INDEX sessions_account ON sessions(account_id);"
	"CREATE TABLE tokens (token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, account_id BIGINT NOT NULL DEFAULT 0,"
	" role BIGINT NOT NULL DEFAULT 0, created_by BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL,"
	" expires_at BIGINT NOT NULL, used_at BIGINT NOT NULL DEFAULT 0, used_by BIGINT NOT NULL DEFAULT 0);"
	"CREATE TABLE rate_events (key TEXT NOT NULL, at BIGINT NOT NULL);"
	"CREATE INDEX rate_events_key ON rate_events(key, at);"
	"CREATE TABLE posts ("
	" id BIGINT PRIMARY KEY, author_id BIGINT NOT NULL REFERENCES accounts(id),"
	" writer_id BIGINT NOT NULL REFERENCES accounts(id), in_reply_to BIGINT NOT NULL DEFAULT 0,"
	" root_id BIGINT NOT NULL, reblog_of BIGINT NOT NULL DEFAULT 0, visibility BIGINT NOT NULL,"
	" text TEXT NOT NULL, created_at BIGINT NOT NULL, edited_at BIGINT NOT NULL DEFAULT 0,"
	" deleted BIGINT NOT NULL DEFAULT 0, favs BIGINT NOT NULL DEFAULT 0,"
	" boosts BIGINT NOT NULL DEFAULT 0, replies BIGINT NOT NULL DEFAULT 0);"
	"CREATE INDEX posts_author ON posts(author_id, id);"
	"CREATE INDEX posts_root ON posts(root_id, id);"
	"CREATE INDEX posts_public ON posts(visibility, id) WHERE deleted = 0 AND reblog_of = 0;"
	"CREATE UNIQUE INDEX posts_boost ON posts(author_id, reblog_of) WHERE reblog_of <> 0;"
	"CREATE TABLE post_edits (post_id BIGINT NOT NULL, edited_at BIGINT NOT NULL, text TEXT NOT NULL);"
	"CREATE INDEX post_edits_post ON post_edits(post_id, edited_at);"
	"CREATE TABLE post_recipients (post_id BIGINT NOT NULL, account_id BIGINT NOT NULL,"
	" PRIMARY KEY (account_id, post_id));"
	"CREATE INDEX post_recipients_post ON post_recipients(post_id);"
	"CREATE TABLE post_tags (tag TEXT NOT NULL, post_id BIGINT NOT NULL, PRIMARY KEY (tag, post_id));"
	"CREATE INDEX post_tags_post ON post_tags(post_id);"
	/* Full-text search: SQLite has FTS5, PostgreSQL a tsvector over the
	 * stemmed words (already stemmed by core, so the simple configuration). */
	"CREATE TABLE post_fts (rowid BIGINT PRIMARY KEY, body TEXT NOT NULL,"
	" tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED);"
	"CREATE INDEX post_fts_tsv ON post_fts USING GIN (tsv);"
	"CREATE TABLE favourites (account_id BIGINT NOT NULL, post_id BIGINT NOT NULL,"
	" created_at BIGINT NOT NULL, PRIMARY KEY (account_id, post_id));"
	"CREATE INDEX favourites_post ON favourites(post_id);"
	"CREATE TABLE follows (follower_id BIGINT NOT NULL, followee_id BIGINT NOT NULL,"
	" created_at BIGINT NOT NULL, PRIMARY KEY (follower_id, followee_id));"
	"CREATE INDEX follows_followee ON follows(followee_id, follower_id);"
	"CREATE TABLE follow_requests (requester_id BIGINT NOT NULL, target_id BIGINT NOT NULL,"
	" created_at BIGINT NOT NULL, PRIMARY KEY (requester_id, target_id));"
	"CREATE INDEX follow_requests_target ON follow_requests(target_id);"
	"CREATE TABLE blocks (account_id BIGINT NOT NULL, target_id BIGINT NOT NULL,"
	" PRIMARY KEY (account_id, target_id));"
	"CREATE TABLE mutes (account_id BIGINT NOT NULL, target_id BIGINT NOT NULL,"
	" PRIMARY KEY (account_id, target_id));"
	"CREATE TABLE notifications (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL, kind BIGINT NOT NULL,"
	" actor_id BIGINT NOT NULL, post_id BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL,"
	" read BIGINT NOT NULL DEFAULT 0);"
	"CREATE INDEX notifications_account ON notifications(account_id, id);",

	/* 2: privacy guard and think time */
	"ALTER TABLE posts ADD COLUMN publish_at BIGINT NOT NULL DEFAULT 0;"
	"ALTER TABLE accounts ADD COLUMN hold_seconds BIGINT NOT NULL DEFAULT 0;"
	"CREATE TABLE guard_policy (account_id BIGINT PRIMARY KEY, actions TEXT NOT NULL DEFAULT '',"
	" ignore TEXT NOT NULL DEFAULT '', allow_override BIGINT NOT NULL DEFAULT 0,"
	" hold_seconds BIGINT NOT NULL DEFAULT 30);"
	"CREATE TABLE guard_log (id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, writer_id BIGINT NOT NULL,"
	" post_id BIGINT NOT NULL DEFAULT 0, verdict TEXT NOT NULL, types TEXT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE INDEX guard_log_org ON guard_log(org_id, id);",

	/* 3: client API (OAuth apps and tokens, bookmarks, pins, lists, markers,
	 * polls, filters, idempotency keys, followed tags, conversations) */
	"CREATE TABLE oauth_apps (id BIGINT PRIMARY KEY, client_id TEXT NOT NULL UNIQUE,"
	" secret_hash TEXT NOT NULL, name TEXT NOT NULL, website TEXT NOT NULL DEFAULT '',"
	" redirect_uris TEXT NOT NULL, scopes TEXT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE TABLE oauth_codes (code_hash TEXT PRIMARY KEY, app_id BIGINT NOT NULL,"
	" account_id BIGINT NOT NULL, redirect_uri TEXT NOT NULL, scopes TEXT NOT NULL,"
	" challenge TEXT NOT NULL DEFAULT '', expires_at BIGINT NOT NULL, used BIGINT NOT NULL DEFAULT 0);"
	"CREATE TABLE oauth_tokens (id BIGINT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,"
	" app_id BIGINT NOT NULL, account_id BIGINT NOT NULL, scopes TEXT NOT NULL,"
	" created_at BIGINT NOT NULL, revoked BIGINT NOT NULL DEFAULT 0);"
	"CREATE INDEX oauth_tokens_account ON oauth_tokens(account_id);"
	"CREATE TABLE bookmarks (account_id BIGINT NOT NULL, post_id BIGINT NOT NULL,"
	" id BIGINT NOT NULL, PRIMARY KEY (account_id, post_id));"
	"CREATE TABLE pins (account_id BIGINT NOT NULL, post_id BIGINT NOT NULL,"
	" id BIGINT NOT NULL, PRIMARY KEY (account_id, post_id));"
	"CREATE TABLE lists (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL, title TEXT NOT NULL,"
	" replies_policy TEXT NOT NULL DEFAULT 'list', exclusive BIGINT NOT NULL DEFAULT 0);"
	"CREATE INDEX lists_account ON lists(account_id);"
	"CREATE TABLE list_accounts (list_id BIGINT NOT NULL, account_id BIGINT NOT NULL,"
	" PRIMARY KEY (list_id, account_id));"
	"CREATE TABLE markers (account_id BIGINT NOT NULL, timeline TEXT NOT NULL,"
	" last_read_id BIGINT NOT NULL, version BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
	" PRIMARY KEY (account_id, timeline));"
	"CREATE TABLE polls (post_id BIGINT PRIMARY KEY, expires_at BIGINT NOT NULL,"
	" multiple BIGINT NOT NULL DEFAULT 0);"
	"CREATE TABLE poll_options (post_id BIGINT NOT NULL, idx BIGINT NOT NULL, title TEXT NOT NULL,"
	" PRIMARY KEY (post_id, idx));"
	"CREATE TABLE poll_votes (post_id BIGINT NOT NULL, account_id BIGINT NOT NULL, idx BIGINT NOT NULL,"
	" PRIMARY KEY (post_id, account_id, idx));"
	"CREATE TABLE filters (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL, title TEXT NOT NULL,"
	" context TEXT NOT NULL, action TEXT NOT NULL, expires_at BIGINT NOT NULL DEFAULT 0);"
	"CREATE INDEX filters_account ON filters(account_id);"
	"CREATE TABLE filter_keywords (id BIGINT PRIMARY KEY, filter_id BIGINT NOT NULL,"
	" keyword TEXT NOT NULL, whole_word BIGINT NOT NULL DEFAULT 1);"
	"CREATE INDEX filter_keywords_filter ON filter_keywords(filter_id);"
	"CREATE TABLE idempotency_keys (account_id BIGINT NOT NULL, key TEXT NOT NULL,"
	" post_id BIGINT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (account_id, key));"
	"CREATE TABLE followed_tags (account_id BIGINT NOT NULL, tag TEXT NOT NULL,"
	" PRIMARY KEY (account_id, tag));"
	"CREATE TABLE conversation_state (account_id BIGINT NOT NULL, root_id BIGINT NOT NULL,"
	" read_id BIGINT NOT NULL DEFAULT 0, hidden_id BIGINT NOT NULL DEFAULT 0,"
	" PRIMARY KEY (account_id, root_id));"
	"CREATE TABLE post_meta (post_id BIGINT PRIMARY KEY, spoiler_text TEXT NOT NULL DEFAULT '',"
	" sensitive BIGINT NOT NULL DEFAULT 0, language TEXT NOT NULL DEFAULT '', app_id BIGINT NOT NULL DEFAULT 0);"
	"CREATE TABLE reports (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL, target_id BIGINT NOT NULL,"
	" comment TEXT NOT NULL, post_ids TEXT NOT NULL, category TEXT NOT NULL, created_at BIGINT NOT NULL);",

	/* 4: groups (kringen), conversations, moderation, organisation guidelines */
	"CREATE TABLE groups (id BIGINT PRIMARY KEY, name TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,"
	" description TEXT NOT NULL DEFAULT '', rules TEXT NOT NULL DEFAULT '', kind BIGINT NOT NULL,"
	" premod BIGINT NOT NULL DEFAULT 0, owner_id BIGINT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE TABLE group_members (group_id BIGINT NOT NULL, account_id BIGINT NOT NULL,"
	" role BIGINT NOT NULL DEFAULT 0, state BIGINT NOT NULL DEFAULT 0, message TEXT NOT NULL DEFAULT '',"
	" muted BIGINT NOT NULL DEFAULT 0, since BIGINT NOT NULL, PRIMARY KEY (group_id, account_id));"
	"CREATE INDEX group_members_account ON group_members(account_id, state);"
	"CREATE TABLE group_invites (token_hash TEXT PRIMARY KEY, group_id BIGINT NOT NULL,"
	" created_by BIGINT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,"
	" max_uses BIGINT NOT NULL, uses BIGINT NOT NULL DEFAULT 0);"
	"ALTER TABLE posts ADD COLUMN group_id BIGINT NOT NULL DEFAULT 0;"
	"ALTER TABLE posts ADD COLUMN pending BIGINT NOT NULL DEFAULT 0;"
	"ALTER TABLE posts ADD COLUMN pinned BIGINT NOT NULL DEFAULT 0;"
	"CREATE INDEX posts_group ON posts(group_id, id) WHERE group_id <> 0;"
	"CREATE TABLE mod_reports (id BIGINT PRIMARY KEY, reporter_id BIGINT NOT NULL, account_id BIGINT NOT NULL,"
	" post_id BIGINT NOT NULL DEFAULT 0, group_id BIGINT NOT NULL DEFAULT 0, reason TEXT NOT NULL,"
	" snapshot TEXT NOT NULL DEFAULT '', state BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL);"
	"CREATE INDEX mod_reports_open ON mod_reports(state, group_id, id);"
	"CREATE TABLE mod_log (id BIGINT PRIMARY KEY, actor_id BIGINT NOT NULL, group_id BIGINT NOT NULL DEFAULT 0,"
	" action TEXT NOT NULL, account_id BIGINT NOT NULL DEFAULT 0, post_id BIGINT NOT NULL DEFAULT 0,"
	" note TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL);"
	"CREATE INDEX mod_log_group ON mod_log(group_id, id);"
	"CREATE TABLE conv_state (account_id BIGINT NOT NULL, root_id BIGINT NOT NULL,"
	" last_read BIGINT NOT NULL DEFAULT 0, left_at BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (account_id, root_id));"
	"ALTER TABLE accounts ADD COLUMN dm_policy BIGINT NOT NULL DEFAULT 0;"
	"CREATE TABLE org_guidelines (org_id BIGINT PRIMARY KEY, text TEXT NOT NULL, updated_at BIGINT NOT NULL);"
	"CREATE TABLE guideline_accepts (org_id BIGINT NOT NULL, person_id BIGINT NOT NULL,"
	" accepted_at BIGINT NOT NULL, PRIMARY KEY (org_id, person_id));",

	/* 5: media (images, audio, video), avatars, the job queue */
	"CREATE TABLE media (id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL, kind BIGINT NOT NULL,"
	" state BIGINT NOT NULL DEFAULT 0, sha256 TEXT NOT NULL DEFAULT '', mime TEXT NOT NULL DEFAULT '',"
	" width BIGINT NOT NULL DEFAULT 0, height BIGINT NOT NULL DEFAULT 0, size BIGINT NOT NULL DEFAULT 0,"
	" alt TEXT NOT NULL DEFAULT '', colour TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',"
	" created_at BIGINT NOT NULL);"
	"CREATE INDEX media_owner ON media(owner_id, id);"
	"CREATE TABLE media_files (media_id BIGINT NOT NULL, sha256 TEXT NOT NULL, ext TEXT NOT NULL,"
	" mime TEXT NOT NULL, width BIGINT NOT NULL DEFAULT 0, height BIGINT NOT NULL DEFAULT 0,"
	" size BIGINT NOT NULL DEFAULT 0, main BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (media_id, sha256));"
	"CREATE INDEX media_files_sha ON media_files(sha256);"
	"CREATE TABLE post_media (post_id BIGINT NOT NULL, media_id BIGINT NOT NULL, position BIGINT NOT NULL,"
	" PRIMARY KEY (post_id, media_id));"
	"CREATE INDEX post_media_media ON post_media(media_id);"
	"CREATE TABLE account_avatar (account_id BIGINT PRIMARY KEY, media_id BIGINT NOT NULL);"
	"CREATE INDEX account_avatar_media ON account_avatar(media_id);"
	"CREATE TABLE jobs (id BIGINT PRIMARY KEY, kind TEXT NOT NULL, arg TEXT NOT NULL,"
	" state BIGINT NOT NULL DEFAULT 0, attempts BIGINT NOT NULL DEFAULT 0, run_at BIGINT NOT NULL,"
	" locked_until BIGINT NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL);"
	"CREATE INDEX jobs_due ON jobs(state, run_at);",

	/* 6: a picture for each group */
	"ALTER TABLE groups ADD COLUMN picture_id BIGINT NOT NULL DEFAULT 0;"
	"CREATE INDEX groups_picture ON groups(picture_id) WHERE picture_id <> 0;",

	/* 7: account counts kept by triggers (see migrate.c). */
	"CREATE TABLE account_stats (account_id BIGINT PRIMARY KEY, posts BIGINT NOT NULL DEFAULT 0,"
	" followers BIGINT NOT NULL DEFAULT 0, following BIGINT NOT NULL DEFAULT 0,"
	" last_post_at BIGINT NOT NULL DEFAULT 0);"
	"INSERT INTO account_stats (account_id, posts, followers, following, last_post_at) SELECT a.id,"
	" (SELECT COUNT(*) FROM posts p WHERE p.author_id = a.id AND p.deleted = 0 AND p.reblog_of = 0 AND"
	" p.visibility = 0 AND p.group_id = 0 AND p.pending = 0),"
	" (SELECT COUNT(*) FROM follows f WHERE f.followee_id = a.id),"
	" (SELECT COUNT(*) FROM follows f WHERE f.follower_id = a.id),"
	" COALESCE((SELECT l.created_at FROM posts l WHERE l.author_id = a.id AND l.deleted = 0 AND"
	" l.reblog_of = 0 AND l.visibility = 0 AND l.group_id = 0 AND l.pending = 0 ORDER BY l.id DESC LIMIT"
	" 1), 0) FROM accounts a;"
	"CREATE FUNCTION kring_accounts_stats() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP = 'INSERT' THEN INSERT INTO account_stats (account_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;"
	" ELSE DELETE FROM account_stats WHERE account_id = OLD.id; END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER accounts_stats AFTER INSERT OR DELETE ON accounts"
	" FOR EACH ROW EXECUTE FUNCTION kring_accounts_stats();"
	"CREATE FUNCTION kring_posts_stats() RETURNS trigger LANGUAGE plpgsql AS $$"
	" DECLARE o BIGINT := 0; n BIGINT := 0; who BIGINT; BEGIN"
	" IF TG_OP <> 'INSERT' AND OLD.deleted = 0 AND OLD.reblog_of = 0 AND OLD.visibility = 0 AND"
	" OLD.group_id = 0 AND OLD.pending = 0 THEN o := 1; END IF;"
	" IF TG_OP <> 'DELETE' AND NEW.deleted = 0 AND NEW.reblog_of = 0 AND NEW.visibility = 0 AND"
	" NEW.group_id = 0 AND NEW.pending = 0 THEN n := 1; END IF;"
	" IF n = o THEN RETURN NULL; END IF;"
	" IF TG_OP = 'DELETE' THEN who := OLD.author_id; ELSE who := NEW.author_id; END IF;"
	" UPDATE account_stats SET posts = posts + n - o, last_post_at = COALESCE((SELECT l.created_at FROM"
	" posts l WHERE l.author_id = who AND l.deleted = 0 AND l.reblog_of = 0 AND l.visibility = 0 AND"
	" l.group_id = 0 AND l.pending = 0 ORDER BY l.id DESC LIMIT 1), 0) WHERE account_id = who;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER posts_stats AFTER INSERT OR DELETE OR UPDATE OF deleted, reblog_of, visibility, group_id,"
	" pending ON posts FOR EACH ROW EXECUTE FUNCTION kring_posts_stats();"
	"CREATE FUNCTION kring_follows_stats() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP = 'INSERT' THEN"
	"  UPDATE account_stats SET followers = followers + 1 WHERE account_id = NEW.followee_id;"
	"  UPDATE account_stats SET following = following + 1 WHERE account_id = NEW.follower_id;"
	" ELSE"
	"  UPDATE account_stats SET followers = followers - 1 WHERE account_id = OLD.followee_id;"
	"  UPDATE account_stats SET following = following - 1 WHERE account_id = OLD.follower_id;"
	" END IF; RETURN NULL; END $$;"
	"CREATE TRIGGER follows_stats AFTER INSERT OR DELETE ON follows"
	" FOR EACH ROW EXECUTE FUNCTION kring_follows_stats();",

	/* 8: posts everyone may see per tag, kept by triggers (see migrate.c). */
	"CREATE TABLE tag_stats (tag TEXT PRIMARY KEY, posts BIGINT NOT NULL DEFAULT 0);"
	"INSERT INTO tag_stats (tag, posts) SELECT t.tag, COUNT(*) FROM post_tags t JOIN posts p ON p.id = t.post_id"
	" WHERE p.deleted = 0 AND p.reblog_of = 0 AND p.visibility = 0 AND p.group_id = 0 AND p.pending = 0"
	" GROUP BY t.tag;"
	"CREATE FUNCTION kring_post_tags_stats() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP = 'INSERT' THEN"
	"  IF EXISTS (SELECT 1 FROM posts p WHERE p.id = NEW.post_id AND p.deleted = 0 AND p.reblog_of = 0"
	" AND p.visibility = 0 AND p.group_id = 0 AND p.pending = 0) THEN"
	"   INSERT INTO tag_stats (tag, posts) VALUES (NEW.tag, 1) ON CONFLICT (tag) DO UPDATE"
	"   SET posts = tag_stats.posts + 1;"
	"  END IF;"
	" ELSIF EXISTS (SELECT 1 FROM posts p WHERE p.id = OLD.post_id AND p.deleted = 0 AND p.reblog_of = 0"
	" AND p.visibility = 0 AND p.group_id = 0 AND p.pending = 0) THEN"
	"  UPDATE tag_stats SET posts = posts - 1 WHERE tag = OLD.tag;"
	"  DELETE FROM tag_stats WHERE tag = OLD.tag AND posts <= 0;"
	" END IF; RETURN NULL; END $$;"
	"CREATE TRIGGER post_tags_stats AFTER INSERT OR DELETE ON post_tags"
	" FOR EACH ROW EXECUTE FUNCTION kring_post_tags_stats();"
	"CREATE FUNCTION kring_posts_tag_stats() RETURNS trigger LANGUAGE plpgsql AS $$"
	" DECLARE o BIGINT := 0; n BIGINT := 0; BEGIN"
	" IF TG_OP = 'UPDATE' AND OLD.deleted = 0 AND OLD.reblog_of = 0 AND OLD.visibility = 0"
	" AND OLD.group_id = 0 AND OLD.pending = 0 THEN o := 1; END IF;"
	" IF NEW.deleted = 0 AND NEW.reblog_of = 0 AND NEW.visibility = 0 AND NEW.group_id = 0 AND"
	" NEW.pending = 0 THEN n := 1; END IF;"
	" IF n = o THEN RETURN NULL; END IF;"
	/* On insert: a post's tags are written after it, but an import may
	 * bring them first. */
	" INSERT INTO tag_stats (tag, posts) SELECT tag, 0 FROM post_tags WHERE post_id = NEW.id"
	" ON CONFLICT (tag) DO NOTHING;"
	" UPDATE tag_stats SET posts = posts + n - o WHERE tag IN (SELECT tag FROM post_tags WHERE post_id = NEW.id);"
	" DELETE FROM tag_stats WHERE posts <= 0 AND tag IN (SELECT tag FROM post_tags WHERE post_id = NEW.id);"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER posts_tag_stats AFTER INSERT OR UPDATE OF deleted, reblog_of, visibility, group_id, pending"
	" ON posts"
	" FOR EACH ROW EXECUTE FUNCTION kring_posts_tag_stats();",

	/* 9: a group page found its pinned threads by reading every post of the
	 * group, and counted members row by row. */
	"CREATE INDEX posts_group_pinned ON posts(group_id, id) WHERE pinned = 1;"
	"CREATE INDEX group_members_state ON group_members(group_id, state);",

	/* 10: replies counted again, hidden follower lists (see migrate.c). */
	"UPDATE posts SET replies = (SELECT COUNT(*) FROM posts r WHERE r.root_id = posts.root_id"
	" AND r.in_reply_to = posts.id AND r.deleted = 0 AND r.reblog_of = 0 AND r.visibility = 0"
	" AND r.pending = 0 AND r.group_id = posts.group_id) WHERE replies <> 0;"
	"ALTER TABLE accounts ADD COLUMN collections BIGINT NOT NULL DEFAULT 0;",

	/* 11: a person's text size on the pages (see migrate.c). */
	"ALTER TABLE accounts ADD COLUMN text_size BIGINT NOT NULL DEFAULT 0;",

	/* 12: an optional e-mail address for a password reset by mail; email_norm
	 * (lower case) finds it.  Two accounts may share one (a carer's and her
	 * mother's). */
	"CREATE TABLE account_emails (account_id BIGINT PRIMARY KEY, email TEXT NOT NULL,"
	" email_norm TEXT NOT NULL);"
	"CREATE INDEX account_emails_norm ON account_emails(email_norm);",

	/* 13: staff hear their organisation (see migrate.c). */
	"ALTER TABLE notifications ADD COLUMN org_id BIGINT NOT NULL DEFAULT 0;",

	/* 14: a notification names its group and carries a moderator's note. */
	"ALTER TABLE notifications ADD COLUMN group_id BIGINT NOT NULL DEFAULT 0;"
	"ALTER TABLE notifications ADD COLUMN note TEXT NOT NULL DEFAULT '';",

	/* 15: one conversation model (see migrate.c). */
	"INSERT INTO conv_state (account_id, root_id, last_read, left_at)"
	" SELECT account_id, root_id, read_id, hidden_id FROM conversation_state"
	" ON CONFLICT (account_id, root_id) DO UPDATE SET"
	" last_read = GREATEST(conv_state.last_read, excluded.last_read),"
	" left_at = GREATEST(conv_state.left_at, excluded.left_at);"
	"DROP TABLE conversation_state;",

	/* 16: scheduled posts (the API's scheduled_at): what the post will be,
	 * published by the job queue at scheduled_at through core_post_create;
	 * state 1 = could not be published (error says why). */
	"CREATE TABLE scheduled_posts (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL,"
	" author_id BIGINT NOT NULL, scheduled_at BIGINT NOT NULL, text TEXT NOT NULL,"
	" visibility BIGINT NOT NULL, visibility_default BIGINT NOT NULL DEFAULT 0,"
	" in_reply_to BIGINT NOT NULL DEFAULT 0, group_id BIGINT NOT NULL DEFAULT 0, spoiler_text TEXT NOT NULL DEFAULT '',"
	" sensitive BIGINT NOT NULL DEFAULT 0, language TEXT NOT NULL DEFAULT '',"
	" poll_options TEXT NOT NULL DEFAULT '', poll_expires_in BIGINT NOT NULL DEFAULT 0,"
	" poll_multiple BIGINT NOT NULL DEFAULT 0, confirm BIGINT NOT NULL DEFAULT 0,"
	" state BIGINT NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL);"
	"CREATE INDEX scheduled_posts_account ON scheduled_posts(account_id, id);",

	/* 17: Web Push subscriptions (see migrate.c). */
	"CREATE TABLE push_subscriptions (id BIGINT PRIMARY KEY, token_id BIGINT NOT NULL UNIQUE,"
	" account_id BIGINT NOT NULL, endpoint TEXT NOT NULL, p256dh TEXT NOT NULL, auth TEXT NOT NULL,"
	" alerts BIGINT NOT NULL, policy BIGINT NOT NULL, standard BIGINT NOT NULL DEFAULT 0,"
	" token_box TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL);"
	"CREATE INDEX push_subscriptions_account ON push_subscriptions(account_id);",

	/* 18: what kring-image saw in a picture (see migrate.c). */
	"ALTER TABLE media ADD COLUMN faces BIGINT NOT NULL DEFAULT 0;"
	"ALTER TABLE media ADD COLUMN blur BIGINT NOT NULL DEFAULT 0;"
	"ALTER TABLE media ADD COLUMN seen_text TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE media ADD COLUMN look_note TEXT NOT NULL DEFAULT '';",

	/* 19: announcements (see migrate.c). */
	"CREATE TABLE announcements (id BIGINT PRIMARY KEY, author_id BIGINT NOT NULL, text TEXT NOT NULL,"
	" starts_at BIGINT NOT NULL DEFAULT 0, ends_at BIGINT NOT NULL DEFAULT 0, all_day BIGINT NOT NULL DEFAULT 0,"
	" published BIGINT NOT NULL DEFAULT 0, published_at BIGINT NOT NULL DEFAULT 0, updated_at BIGINT NOT NULL);"
	"CREATE TABLE announcement_reads (account_id BIGINT NOT NULL, announcement_id BIGINT NOT NULL,"
	" PRIMARY KEY (account_id, announcement_id));"
	"CREATE TABLE announcement_reactions (announcement_id BIGINT NOT NULL, account_id BIGINT NOT NULL,"
	" name TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (announcement_id, account_id, name));",

	/* 20: relation ids for paging (see migrate.c). */
	"ALTER TABLE follows ADD COLUMN id BIGINT NOT NULL DEFAULT 0;"
	"UPDATE follows f SET id = ((f.created_at * 1000) << 16) | (x.rn & 65535)"
	" FROM (SELECT follower_id, followee_id, row_number() OVER () AS rn FROM follows) x"
	" WHERE x.follower_id = f.follower_id AND x.followee_id = f.followee_id;"
	"CREATE INDEX follows_followee_rel ON follows(followee_id, id);"
	"CREATE INDEX follows_follower_rel ON follows(follower_id, id);"
	"ALTER TABLE favourites ADD COLUMN id BIGINT NOT NULL DEFAULT 0;"
	"UPDATE favourites f SET id = ((f.created_at * 1000) << 16) | (x.rn & 65535)"
	" FROM (SELECT account_id, post_id, row_number() OVER () AS rn FROM favourites) x"
	" WHERE x.account_id = f.account_id AND x.post_id = f.post_id;"
	"CREATE INDEX favourites_post_rel ON favourites(post_id, id);"
	"CREATE INDEX posts_reblogs ON posts(reblog_of, id) WHERE reblog_of <> 0;",

	/* 21: webcare's outside sources (see migrate.c). */
	"CREATE TABLE webcare_sources (id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, kind BIGINT NOT NULL,"
	" url TEXT NOT NULL, tag TEXT NOT NULL DEFAULT '', fixed_every BIGINT NOT NULL DEFAULT 0,"
	" poll_every BIGINT NOT NULL, etag TEXT NOT NULL DEFAULT '', last_modified TEXT NOT NULL DEFAULT '',"
	" min_id TEXT NOT NULL DEFAULT '', next_at BIGINT NOT NULL DEFAULT 0, last_poll_at BIGINT NOT NULL DEFAULT 0,"
	" last_ok_at BIGINT NOT NULL DEFAULT 0, last_status BIGINT NOT NULL DEFAULT 0,"
	" last_error TEXT NOT NULL DEFAULT '', created_by BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL,"
	" UNIQUE (org_id, url, tag));"
	"CREATE TABLE webcare_source_items (id BIGINT PRIMARY KEY, source_id BIGINT NOT NULL,"
	" org_id BIGINT NOT NULL, key TEXT NOT NULL, link TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,"
	" author TEXT NOT NULL, published BIGINT NOT NULL, seen_at BIGINT NOT NULL, UNIQUE (source_id, key));"
	"CREATE INDEX webcare_source_items_org ON webcare_source_items(org_id, id);",

	/* 22: webcare, an organisation's inbox (core/webcare.c): items unique per
	 * organisation and origin key, their history, teams and members,
	 * opening hours, triage rules, answer templates, what was sent. */
	"CREATE TABLE webcare_items (id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, origin TEXT NOT NULL,"
	" origin_key TEXT NOT NULL, kind TEXT NOT NULL, post_id BIGINT NOT NULL DEFAULT 0,"
	" author_id BIGINT NOT NULL DEFAULT 0, author_name TEXT NOT NULL, url TEXT NOT NULL, title TEXT NOT NULL,"
	" text TEXT NOT NULL, created_at BIGINT NOT NULL, visible_at BIGINT NOT NULL, status BIGINT NOT NULL DEFAULT 0,"
	" snooze_until BIGINT NOT NULL DEFAULT 0, topic TEXT NOT NULL DEFAULT '', priority BIGINT NOT NULL DEFAULT 0,"
	" team_id BIGINT NOT NULL DEFAULT 0, assignee_id BIGINT NOT NULL DEFAULT 0,"
	" sentiment TEXT NOT NULL DEFAULT 'unsure', score_milli BIGINT NOT NULL DEFAULT 0,"
	" urgent BIGINT NOT NULL DEFAULT 0, first_answer_at BIGINT NOT NULL DEFAULT 0,"
	" followup_at BIGINT NOT NULL DEFAULT 0, followup_sent BIGINT NOT NULL DEFAULT 0, updated_at BIGINT NOT NULL,"
	" UNIQUE (org_id, origin, origin_key));"
	"CREATE INDEX webcare_items_org ON webcare_items(org_id, status, id);"
	"CREATE INDEX webcare_items_post ON webcare_items(post_id) WHERE post_id <> 0;"
	"CREATE INDEX webcare_items_queue ON webcare_items(team_id, assignee_id, status, id);"
	"CREATE INDEX webcare_items_followup ON webcare_items(followup_at) WHERE followup_at <> 0;"
	"CREATE TABLE webcare_events (id BIGINT PRIMARY KEY, item_id BIGINT NOT NULL, actor_id BIGINT NOT NULL,"
	" action TEXT NOT NULL, note TEXT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE INDEX webcare_events_item ON webcare_events(item_id, id);"
	"CREATE TABLE webcare_teams (id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, name TEXT NOT NULL,"
	" topics TEXT NOT NULL DEFAULT '', mode BIGINT NOT NULL DEFAULT 0, followup_days BIGINT NOT NULL DEFAULT 3,"
	" rr_last BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, UNIQUE (org_id, name));"
	"CREATE TABLE webcare_members (team_id BIGINT NOT NULL, account_id BIGINT NOT NULL,"
	" available BIGINT NOT NULL DEFAULT 1, cap BIGINT NOT NULL DEFAULT 10, last_assigned BIGINT NOT NULL DEFAULT 0,"
	" PRIMARY KEY (team_id, account_id));"
	"CREATE TABLE webcare_hours (team_id BIGINT NOT NULL, weekday BIGINT NOT NULL, start_min BIGINT NOT NULL,"
	" end_min BIGINT NOT NULL, PRIMARY KEY (team_id, weekday, start_min));"
	"CREATE TABLE webcare_holidays (team_id BIGINT NOT NULL, day TEXT NOT NULL, PRIMARY KEY (team_id, day));"
	"CREATE TABLE webcare_rules (id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, name TEXT NOT NULL,"
	" expr TEXT NOT NULL, topic TEXT NOT NULL, priority BIGINT NOT NULL, team_id BIGINT NOT NULL,"
	" position BIGINT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE INDEX webcare_rules_org ON webcare_rules(org_id, position);"
	"CREATE TABLE webcare_templates (id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, name TEXT NOT NULL,"
	" body TEXT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE INDEX webcare_templates_org ON webcare_templates(org_id, id);"
	"CREATE TABLE webcare_sent (org_id BIGINT NOT NULL, sent_key TEXT NOT NULL, recipient TEXT NOT NULL,"
	" item_id BIGINT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE INDEX webcare_sent_key ON webcare_sent(org_id, sent_key);",
	/* 23: consultation hours (issue 18): sessions, questions (asker_id is
	 * the server's to know, also for anonymous ones), answers, followers. */
	"CREATE TABLE consult_sessions (id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL, opened_by BIGINT NOT NULL,"
	" topic TEXT NOT NULL, disclaimer TEXT NOT NULL, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,"
	" created_at BIGINT NOT NULL, audience BIGINT NOT NULL DEFAULT 0, group_id BIGINT NOT NULL DEFAULT 0,"
	" answers_private BIGINT NOT NULL DEFAULT 0, post_id BIGINT NOT NULL DEFAULT 0);"
	"CREATE INDEX consult_sessions_owner ON consult_sessions(owner_id, id);"
	"CREATE TABLE consult_questions (id BIGINT PRIMARY KEY, session_id BIGINT NOT NULL, asker_id BIGINT NOT NULL,"
	" private_q BIGINT NOT NULL DEFAULT 0, anonymous BIGINT NOT NULL DEFAULT 0, pseudonym BIGINT NOT NULL DEFAULT 0,"
	" text TEXT NOT NULL, state BIGINT NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '',"
	" merged_into BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, answered_at BIGINT NOT NULL DEFAULT 0,"
	" words TEXT NOT NULL DEFAULT ' ');"
	"CREATE INDEX consult_questions_session ON consult_questions(session_id, id);"
	"CREATE TABLE consult_answers (id BIGINT PRIMARY KEY, question_id BIGINT NOT NULL, session_id BIGINT NOT NULL,"
	" writer_id BIGINT NOT NULL, text TEXT NOT NULL, created_at BIGINT NOT NULL, accepted BIGINT NOT NULL DEFAULT 0);"
	"CREATE INDEX consult_answers_session ON consult_answers(session_id, id);"
	"CREATE TABLE consult_follows (session_id BIGINT NOT NULL, account_id BIGINT NOT NULL,"
	" PRIMARY KEY (session_id, account_id));",
	/* 24: appointments (see migrate.c); the overlap guard is an exclusion
	 * constraint on the provider and the block as a tstzrange (btree_gist
	 * gives the equality on provider_id a GiST operator class). */
	"CREATE EXTENSION IF NOT EXISTS btree_gist;"
	"CREATE TABLE availability (provider_id BIGINT PRIMARY KEY, spec TEXT NOT NULL, updated_at BIGINT NOT NULL);"
	"CREATE TABLE appointments (id BIGINT PRIMARY KEY, provider_id BIGINT NOT NULL, client_id BIGINT NOT NULL,"
	" booked_by BIGINT NOT NULL, kind TEXT NOT NULL, starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL,"
	" block_from BIGINT NOT NULL, block_to BIGINT NOT NULL, state BIGINT NOT NULL DEFAULT 0,"
	" seq BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
	" CHECK (block_from < block_to),"
	" CONSTRAINT appointments_no_overlap EXCLUDE USING gist (provider_id WITH =,"
	" tstzrange(to_timestamp(block_from), to_timestamp(block_to)) WITH &&) WHERE (state = 0));"
	"CREATE INDEX appointments_provider ON appointments(provider_id, block_from) WHERE state = 0;"
	"CREATE INDEX appointments_client ON appointments(client_id, starts_at);"
	"CREATE TABLE appt_notices (id BIGINT PRIMARY KEY, appointment_id BIGINT NOT NULL, account_id BIGINT NOT NULL,"
	" kind BIGINT NOT NULL, seq BIGINT NOT NULL, starts_at BIGINT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE INDEX appt_notices_account ON appt_notices(account_id, id);"
	"CREATE TABLE calendar_feeds (account_id BIGINT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,"
	" created_at BIGINT NOT NULL);",
	/* 25: reviews (see migrate.c). */
	"CREATE TABLE reviews (id BIGINT PRIMARY KEY, provider_id BIGINT NOT NULL, author_id BIGINT NOT NULL,"
	" relation BIGINT NOT NULL, relation_key TEXT NOT NULL, relation_since BIGINT NOT NULL,"
	" mark_info BIGINT NOT NULL, mark_listen BIGINT NOT NULL, mark_wait BIGINT NOT NULL,"
	" mark_result BIGINT NOT NULL, text TEXT NOT NULL, service TEXT NOT NULL DEFAULT '',"
	" experience_at BIGINT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,"
	" state BIGINT NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '', signals BIGINT NOT NULL DEFAULT 0,"
	" minhash TEXT NOT NULL DEFAULT '', reply TEXT NOT NULL DEFAULT '', reply_at BIGINT NOT NULL DEFAULT 0);"
	"CREATE INDEX reviews_provider ON reviews(provider_id, id);"
	"CREATE INDEX reviews_author ON reviews(author_id, provider_id);"
	"CREATE TABLE review_log (id BIGINT PRIMARY KEY, review_id BIGINT NOT NULL, actor_id BIGINT NOT NULL,"
	" action TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL);"
	"CREATE TABLE review_services_off (org_id BIGINT NOT NULL, service TEXT NOT NULL,"
	" created_at BIGINT NOT NULL, PRIMARY KEY (org_id, service));",

	/* 26: choosing a care worker (see migrate.c). */
	"CREATE TABLE pro_profiles (account_id BIGINT PRIMARY KEY, intro TEXT NOT NULL DEFAULT '',"
	" approach TEXT NOT NULL DEFAULT '', taking_new BIGINT NOT NULL DEFAULT 1, updated_at BIGINT NOT NULL);"
	"CREATE TABLE match_choices (client_id BIGINT NOT NULL, pro_id BIGINT NOT NULL, choice BIGINT NOT NULL,"
	" created_at BIGINT NOT NULL, seq BIGINT NOT NULL, message TEXT NOT NULL DEFAULT '',"
	" requested_at BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (client_id, pro_id));"
	"CREATE INDEX match_choices_pro ON match_choices(pro_id, requested_at);",
	/* 27: federation (see migrate.c). */
	"CREATE TABLE fed_keys (account_id BIGINT PRIMARY KEY, public_pem TEXT NOT NULL,"
	" private_pem TEXT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE TABLE fed_actors (id BIGINT PRIMARY KEY, uri TEXT NOT NULL UNIQUE, inbox TEXT NOT NULL,"
	" shared_inbox TEXT NOT NULL DEFAULT '', key_id TEXT NOT NULL, public_pem TEXT NOT NULL,"
	" username TEXT NOT NULL DEFAULT '', host TEXT NOT NULL, fetched_at BIGINT NOT NULL);"
	"CREATE INDEX fed_actors_key ON fed_actors(key_id);"
	"CREATE TABLE fed_followers (account_id BIGINT NOT NULL, actor_id BIGINT NOT NULL,"
	" state BIGINT NOT NULL, follow_uri TEXT NOT NULL, created_at BIGINT NOT NULL,"
	" PRIMARY KEY (account_id, actor_id));"
	"CREATE TABLE fed_seen (uri TEXT PRIMARY KEY, seen_at BIGINT NOT NULL);"
	"CREATE TABLE fed_out (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL, body TEXT NOT NULL,"
	" created_at BIGINT NOT NULL);"
	"CREATE TABLE fed_following (account_id BIGINT NOT NULL, actor_id BIGINT NOT NULL,"
	" state BIGINT NOT NULL, follow_uri TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL,"
	" PRIMARY KEY (account_id, actor_id));"
	"CREATE TABLE fed_notes (id BIGINT PRIMARY KEY, uri TEXT NOT NULL UNIQUE, actor_id BIGINT NOT NULL,"
	" content TEXT NOT NULL, published TEXT NOT NULL, received_at BIGINT NOT NULL);"
	"CREATE TABLE fed_blocks (host TEXT PRIMARY KEY, created_at BIGINT NOT NULL);",
	/* 28: home feeds kept at write time (see migrate.c). */
	"CREATE TABLE feeds (account_id BIGINT NOT NULL, post_id BIGINT NOT NULL,"
	" PRIMARY KEY (account_id, post_id));"
	"CREATE TABLE feed_floor (account_id BIGINT PRIMARY KEY, floor BIGINT NOT NULL,"
	" built_at BIGINT NOT NULL DEFAULT 0);"
	"CREATE TABLE feed_pending (post_id BIGINT PRIMARY KEY);",

	/* 29: small indexes for held_fix and the unread badge (see migrate.c). */
	"CREATE INDEX posts_held ON posts(author_id, id) WHERE publish_at > 0;"
	"CREATE INDEX notifications_unread ON notifications(account_id, id) WHERE read = 0;"
	"CREATE INDEX posts_direct ON posts(author_id, id) WHERE visibility = 2;",

	/* 30: reach (see migrate.c). */
	"CREATE TABLE post_reach (post_id BIGINT NOT NULL, viewer_id BIGINT NOT NULL,"
	" PRIMARY KEY (post_id, viewer_id));"
	"CREATE TABLE link_clicks (post_id BIGINT NOT NULL, link BIGINT NOT NULL, clicks BIGINT NOT NULL,"
	" PRIMARY KEY (post_id, link));",

	/* 31: my plan (see migrate.c). */
	"CREATE TABLE plan_goals (id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL, area BIGINT NOT NULL,"
	" picto TEXT NOT NULL, text TEXT NOT NULL, state BIGINT NOT NULL DEFAULT 0,"
	" suggested_by BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL);"
	"CREATE INDEX plan_goals_owner ON plan_goals(owner_id, id);"
	"CREATE TABLE plan_steps (id BIGINT PRIMARY KEY, goal_id BIGINT NOT NULL, owner_id BIGINT NOT NULL,"
	" text TEXT NOT NULL, state BIGINT NOT NULL DEFAULT 0, suggested_by BIGINT NOT NULL DEFAULT 0,"
	" done_at BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL);"
	"CREATE INDEX plan_steps_goal ON plan_steps(goal_id, id);"
	"CREATE TABLE plan_shares (owner_id BIGINT NOT NULL, viewer_id BIGINT NOT NULL, kind BIGINT NOT NULL,"
	" created_at BIGINT NOT NULL, PRIMARY KEY (owner_id, viewer_id));"
	"CREATE INDEX plan_shares_viewer ON plan_shares(viewer_id);"
	"CREATE TABLE plan_undo (id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL, what BIGINT NOT NULL,"
	" row_id BIGINT NOT NULL, old_state BIGINT NOT NULL, old_done_at BIGINT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE INDEX plan_undo_owner ON plan_undo(owner_id, id);",

	/* 32: webcare spike alerts (see migrate.c). */
	"CREATE INDEX webcare_items_created ON webcare_items(org_id, created_at);"
	"CREATE TABLE webcare_alerts (id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, window_end BIGINT NOT NULL,"
	" count BIGINT NOT NULL, median_milli BIGINT NOT NULL, z_milli BIGINT NOT NULL, crisis BIGINT NOT NULL,"
	" created_at BIGINT NOT NULL);"
	"CREATE INDEX webcare_alerts_org ON webcare_alerts(org_id, created_at);"
	/* Crisis mode: one row per organisation (on or off), and its updates. */
	"CREATE TABLE webcare_crisis (org_id BIGINT PRIMARY KEY, topic TEXT NOT NULL, active BIGINT NOT NULL,"
	" started_at BIGINT NOT NULL, started_by BIGINT NOT NULL, ended_at BIGINT NOT NULL DEFAULT 0);"
	"CREATE TABLE webcare_crisis_updates (id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, author_id BIGINT NOT NULL,"
	" text TEXT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE INDEX webcare_crisis_updates_org ON webcare_crisis_updates(org_id, created_at);",

	/* 33: reminders by e-mail (see migrate.c). */
	"CREATE TABLE mail_prefs (account_id BIGINT PRIMARY KEY, appointments BIGINT NOT NULL DEFAULT 0);",
	/* 34: vacancies (see migrate.c). */
	"CREATE TABLE vacancies (post_id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, job TEXT NOT NULL,"
	" hours TEXT NOT NULL, location TEXT NOT NULL, apply TEXT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE INDEX vacancies_org ON vacancies(org_id, post_id);",

	/* 35: campaigns (see migrate.c). */
	"CREATE TABLE campaigns (id BIGINT PRIMARY KEY, org_id BIGINT NOT NULL, created_by BIGINT NOT NULL,"
	" name TEXT NOT NULL, tag TEXT NOT NULL, link TEXT NOT NULL, goal_kind BIGINT NOT NULL, goal BIGINT NOT NULL,"
	" starts_at BIGINT NOT NULL, ends_at BIGINT NOT NULL, created_at BIGINT NOT NULL);"
	"CREATE INDEX campaigns_org ON campaigns(org_id, id);",

	/* 36: ambassadors (see migrate.c). */
	"CREATE TABLE ambassadors (org_id BIGINT NOT NULL, person_id BIGINT NOT NULL, code BIGINT NOT NULL UNIQUE,"
	" consent BIGINT NOT NULL, joined_at BIGINT NOT NULL, PRIMARY KEY (org_id, person_id));"
	"CREATE INDEX ambassadors_person ON ambassadors(person_id);"
	"CREATE TABLE amb_clicks (code BIGINT NOT NULL, post_id BIGINT NOT NULL, clicks BIGINT NOT NULL,"
	" applied BIGINT NOT NULL, PRIMARY KEY (code, post_id));"
	"CREATE TABLE amb_reach (code BIGINT NOT NULL, post_id BIGINT NOT NULL, viewer_id BIGINT NOT NULL,"
	" PRIMARY KEY (code, post_id, viewer_id));",
	/* 37: the unread conversations (see migrate.c). */
	"CREATE TABLE conv_unread (account_id BIGINT NOT NULL, root_id BIGINT NOT NULL, last_id BIGINT NOT NULL,"
	" PRIMARY KEY (account_id, root_id));"
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
	/* 38: without the database-wide write lock (issue 15) two people who
	 * follow each other at the same moment locked their two account_stats
	 * rows in opposite orders (followee first) and deadlocked: one UPDATE
	 * over both rows takes them in key order. */
	"CREATE OR REPLACE FUNCTION kring_follows_stats() RETURNS trigger LANGUAGE plpgsql AS $$"
	" DECLARE d BIGINT := 1; r follows; BEGIN"
	" IF TG_OP = 'INSERT' THEN r := NEW; ELSE r := OLD; d := -1; END IF;"
	" UPDATE account_stats SET"
	"  followers = followers + CASE WHEN account_id = r.followee_id THEN d ELSE 0 END,"
	"  following = following + CASE WHEN account_id = r.follower_id THEN d ELSE 0 END"
	"  WHERE account_id IN (r.followee_id, r.follower_id);"
	" RETURN NULL; END $$;",
	/* 39: informal carers (see migrate.c). */
	"CREATE TABLE carers (client_id BIGINT NOT NULL, carer_id BIGINT NOT NULL, flags BIGINT NOT NULL,"
	" created_at BIGINT NOT NULL, PRIMARY KEY (client_id, carer_id));"
	"CREATE INDEX carers_carer ON carers(carer_id);"
	/* photos and videos a care worker shared with a client */
	"CREATE TABLE care_media (id BIGINT PRIMARY KEY, client_id BIGINT NOT NULL, sharer_id BIGINT NOT NULL,"
	" media_id BIGINT NOT NULL UNIQUE, caption TEXT NOT NULL, family BIGINT NOT NULL DEFAULT 0,"
	" created_at BIGINT NOT NULL);"
	"CREATE INDEX care_media_client ON care_media(client_id, id);"
	/* a goal's own photo in my plan (read through core/plan.c's access rule) */
	"CREATE TABLE plan_photos (goal_id BIGINT PRIMARY KEY, owner_id BIGINT NOT NULL, media_id BIGINT NOT NULL UNIQUE);",
	/* 40 (federation, issue 21): a remote actor is shown as an account
	 * ("user@host", no password) and a received Note as a post of it; the
	 * key an Update after a key rotation is signed with; local-only posts;
	 * the per-host circuit breaker (failures in a row, when to try again). */
	"ALTER TABLE fed_actors ADD COLUMN account_id BIGINT NOT NULL DEFAULT 0;"
	"ALTER TABLE fed_notes ADD COLUMN post_id BIGINT NOT NULL DEFAULT 0;"
	"CREATE INDEX fed_actors_account ON fed_actors(account_id);"
	"CREATE INDEX fed_notes_post ON fed_notes(post_id);"
	"ALTER TABLE fed_out ADD COLUMN key_pem TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE fed_local_only (post_id BIGINT PRIMARY KEY);"
	"CREATE TABLE fed_hosts (host TEXT PRIMARY KEY, failures BIGINT NOT NULL, retry_at BIGINT NOT NULL);",
	/* 41: reach and clicks per day (see migrate.c). */
	"CREATE TABLE measure_daily (account_id BIGINT NOT NULL, kind BIGINT NOT NULL, day BIGINT NOT NULL,"
	" n BIGINT NOT NULL, PRIMARY KEY (account_id, kind, day));",
	/* 42 (federation, issue 21): a received Note's attachments (see migrate.c). */
	"CREATE TABLE fed_media (post_id BIGINT NOT NULL, idx BIGINT NOT NULL, url TEXT NOT NULL,"
	" mime TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (post_id, idx));",
	/* 43: the menu badges' counter and versions, kept by triggers (see
	 * migrate.c).  kring_badge_ver raises the version of the people in the
	 * columns its arguments name, in one UPDATE (rows in key order). */
	"CREATE TABLE notif_count (account_id BIGINT PRIMARY KEY, unread BIGINT NOT NULL DEFAULT 0,"
	" ver BIGINT NOT NULL DEFAULT 0);"
	"INSERT INTO notif_count (account_id, unread) SELECT a.id, (SELECT COUNT(*) FROM notifications n"
	" WHERE n.account_id = a.id AND n.read = 0) FROM accounts a;"
	"CREATE TABLE vis_epoch (id BIGINT PRIMARY KEY, n BIGINT NOT NULL);"
	"INSERT INTO vis_epoch (id, n) VALUES (1, 0);"
	"CREATE FUNCTION kring_notif_count_acc() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" INSERT INTO notif_count (account_id) VALUES (NEW.id) ON CONFLICT (account_id) DO NOTHING;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER notif_count_acc AFTER INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION kring_notif_count_acc();"
	"CREATE FUNCTION kring_notif_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' THEN UPDATE notif_count SET unread = unread - CASE WHEN OLD.read = 0 THEN 1 ELSE 0 END,"
	"  ver = ver + 1 WHERE account_id = OLD.account_id; END IF;"
	" IF TG_OP <> 'DELETE' THEN INSERT INTO notif_count (account_id, unread, ver) VALUES (NEW.account_id,"
	"  CASE WHEN NEW.read = 0 THEN 1 ELSE 0 END, 1) ON CONFLICT (account_id) DO UPDATE SET"
	"  unread = notif_count.unread + excluded.unread, ver = notif_count.ver + 1; END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER notif_count AFTER INSERT OR DELETE OR UPDATE OF read, account_id, post_id, actor_id, org_id"
	" ON notifications FOR EACH ROW EXECUTE FUNCTION kring_notif_count();"
	"CREATE FUNCTION kring_badge_ver() RETURNS trigger LANGUAGE plpgsql AS $$"
	" DECLARE o JSONB := NULL; n JSONB := NULL; ids BIGINT[] := '{}'; i INT; BEGIN"
	" IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;"
	" IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;"
	" FOR i IN 0 .. TG_NARGS - 1 LOOP"
	"  IF o IS NOT NULL THEN ids := ids || CAST(o->>TG_ARGV[i] AS BIGINT); END IF;"
	"  IF n IS NOT NULL THEN ids := ids || CAST(n->>TG_ARGV[i] AS BIGINT); END IF;"
	" END LOOP;"
	" IF TG_TABLE_NAME = 'post_recipients' THEN"
	"  ids := ids || ARRAY(SELECT person_id FROM org_staff WHERE org_id = ANY(ids)); END IF;"
	" UPDATE notif_count SET ver = ver + 1 WHERE account_id = ANY(ids);"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER badge_conv AFTER INSERT OR UPDATE OR DELETE ON conv_unread"
	" FOR EACH ROW EXECUTE FUNCTION kring_badge_ver('account_id');"
	"CREATE TRIGGER badge_follows AFTER INSERT OR DELETE ON follows"
	" FOR EACH ROW EXECUTE FUNCTION kring_badge_ver('follower_id');"
	"CREATE TRIGGER badge_blocks AFTER INSERT OR DELETE ON blocks"
	" FOR EACH ROW EXECUTE FUNCTION kring_badge_ver('account_id', 'target_id');"
	"CREATE TRIGGER badge_mutes AFTER INSERT OR DELETE ON mutes"
	" FOR EACH ROW EXECUTE FUNCTION kring_badge_ver('account_id');"
	"CREATE TRIGGER badge_recipients AFTER INSERT OR DELETE ON post_recipients"
	" FOR EACH ROW EXECUTE FUNCTION kring_badge_ver('account_id');"
	"CREATE TRIGGER badge_staff AFTER INSERT OR DELETE ON org_staff"
	" FOR EACH ROW EXECUTE FUNCTION kring_badge_ver('person_id');"
	"CREATE TRIGGER badge_members AFTER INSERT OR UPDATE OR DELETE ON group_members"
	" FOR EACH ROW EXECUTE FUNCTION kring_badge_ver('account_id');"
	"CREATE FUNCTION kring_badge_epoch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" UPDATE vis_epoch SET n = n + 1 WHERE id = 1; RETURN NULL; END $$;"
	"CREATE TRIGGER badge_posts_upd AFTER UPDATE OF deleted, visibility, pending, group_id, publish_at, author_id,"
	" writer_id, reblog_of ON posts FOR EACH ROW WHEN (OLD.deleted IS DISTINCT FROM NEW.deleted"
	" OR OLD.visibility IS DISTINCT FROM NEW.visibility OR OLD.pending IS DISTINCT FROM NEW.pending"
	" OR OLD.group_id IS DISTINCT FROM NEW.group_id OR OLD.publish_at IS DISTINCT FROM NEW.publish_at"
	" OR OLD.author_id IS DISTINCT FROM NEW.author_id OR OLD.writer_id IS DISTINCT FROM NEW.writer_id"
	" OR OLD.reblog_of IS DISTINCT FROM NEW.reblog_of) EXECUTE FUNCTION kring_badge_epoch();"
	"CREATE TRIGGER badge_posts_del AFTER DELETE ON posts FOR EACH ROW EXECUTE FUNCTION kring_badge_epoch();"
	"CREATE TRIGGER badge_accounts_upd AFTER UPDATE OF suspended ON accounts FOR EACH ROW"
	" WHEN (OLD.suspended IS DISTINCT FROM NEW.suspended) EXECUTE FUNCTION kring_badge_epoch();"
	"CREATE TRIGGER badge_accounts_del AFTER DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION kring_badge_epoch();"
	"CREATE TRIGGER badge_groups_upd AFTER UPDATE OF kind ON groups FOR EACH ROW"
	" WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION kring_badge_epoch();"
	"CREATE TRIGGER badge_groups_del AFTER DELETE ON groups FOR EACH ROW EXECUTE FUNCTION kring_badge_epoch();",
	/* 44: the guidelines reminder limit (see migrate.c). */
	"CREATE TABLE guidelines_reminders (org_id BIGINT NOT NULL, person_id BIGINT NOT NULL,"
	" sent_at BIGINT NOT NULL, PRIMARY KEY (org_id, person_id));",
	/* 45: a poll's counts at its origin (see migrate.c). */
	"ALTER TABLE poll_options ADD COLUMN origin_votes BIGINT NOT NULL DEFAULT -1;"
	"ALTER TABLE polls ADD COLUMN origin_voters BIGINT NOT NULL DEFAULT -1;",
	/* 46: finding people by part of a name (see migrate.c).  pg_trgm ships
	 * with PostgreSQL and is a trusted extension (the database's owner may
	 * add it); its GIN index answers the same LIKE '%q%' the query asks. */
	"CREATE EXTENSION IF NOT EXISTS pg_trgm;"
	"CREATE INDEX account_names_trgm ON accounts USING GIN (username gin_trgm_ops, LOWER(display_name) gin_trgm_ops);",
	/* 47: a group's member count, kept by triggers (see migrate.c). */
	"CREATE TABLE group_stats (group_id BIGINT PRIMARY KEY, members BIGINT NOT NULL DEFAULT 0);"
	"INSERT INTO group_stats (group_id, members) SELECT g.id,"
	" (SELECT COUNT(*) FROM group_members c WHERE c.group_id = g.id AND c.state = 0) FROM groups g;"
	"CREATE FUNCTION kring_groups_stats() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP = 'INSERT' THEN INSERT INTO group_stats (group_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;"
	" ELSE DELETE FROM group_stats WHERE group_id = OLD.id; END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER groups_stats AFTER INSERT OR DELETE ON groups"
	" FOR EACH ROW EXECUTE FUNCTION kring_groups_stats();"
	"CREATE FUNCTION kring_members_stats() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
	" IF TG_OP <> 'INSERT' AND OLD.state = 0 THEN"
	"  UPDATE group_stats SET members = members - 1 WHERE group_id = OLD.group_id; END IF;"
	" IF TG_OP <> 'DELETE' AND NEW.state = 0 THEN"
	"  INSERT INTO group_stats (group_id, members) VALUES (NEW.group_id, 1)"
	"  ON CONFLICT (group_id) DO UPDATE SET members = group_stats.members + 1; END IF;"
	" RETURN NULL; END $$;"
	"CREATE TRIGGER members_stats AFTER INSERT OR DELETE OR UPDATE OF state, group_id ON group_members"
	" FOR EACH ROW EXECUTE FUNCTION kring_members_stats();",
	/* who blocks a reader, read with the reader's other lists for a page (post.c) */
	"CREATE INDEX blocks_target ON blocks(target_id, account_id);",
	/* the posts in think time at this moment, read as one range for a page
	 * (held_fix in store.c, store_posts_replies_held in post.c) */
	"CREATE INDEX posts_held_until ON posts(publish_at) WHERE publish_at > 0;",
	/* the suspended accounts, read as one list for a page (post.c) */
	"CREATE INDEX accounts_suspended ON accounts(id) WHERE suspended <> 0;",
};

const int store_pg_nsteps = (int)(sizeof store_pg_steps / sizeof store_pg_steps[0]);
