/* Consultation hours: portable SQL with numbered parameters, as post.c. */
#include "store/store_consult.h"

#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "store/store_int.h"

#define CS_COLS \
	"id, owner_id, opened_by, topic, disclaimer, starts_at, ends_at, created_at, audience, group_id," \
	" answers_private, post_id"
#define CQ_COLS \
	"id, session_id, asker_id, private_q, anonymous, pseudonym, text, state, reason, merged_into, created_at," \
	" answered_at"
#define CA_MAX (4 * STORE_CONSULT_LIST)

static void cs_row(struct db_stmt *st, struct arena *a, void *row)
{
	struct consult_session *cs = row;
	memset(cs, 0, sizeof *cs);
	cs->id = db_u64(st, 0);
	cs->owner_id = db_u64(st, 1);
	cs->opened_by = db_u64(st, 2);
	cs->topic = arena_strdup(a, db_text(st, 3));
	cs->disclaimer = arena_strdup(a, db_text(st, 4));
	cs->starts_at = db_i64(st, 5);
	cs->ends_at = db_i64(st, 6);
	cs->created_at = db_i64(st, 7);
	cs->audience = (int)db_i64(st, 8);
	cs->group_id = db_u64(st, 9);
	cs->answers_private = db_i64(st, 10) != 0;
	cs->post_id = db_u64(st, 11);
}

static void cq_row(struct db_stmt *st, struct arena *a, void *row)
{
	struct consult_question *q = row;
	memset(q, 0, sizeof *q);
	q->id = db_u64(st, 0);
	q->session_id = db_u64(st, 1);
	q->asker_id = db_u64(st, 2);
	q->private_q = db_i64(st, 3) != 0;
	q->anonymous = db_i64(st, 4) != 0;
	q->pseudonym = (int)db_i64(st, 5);
	q->text = arena_strdup(a, db_text(st, 6));
	q->state = (int)db_i64(st, 7);
	q->reason = arena_strdup(a, db_text(st, 8));
	q->merged_into = db_u64(st, 9);
	q->created_at = db_i64(st, 10);
	q->answered_at = db_i64(st, 11);
}

int store_consult_insert(struct store *s, const struct consult_session *cs)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO consult_sessions (id, owner_id, opened_by, topic, disclaimer, starts_at, ends_at,"
	               " created_at, audience, group_id, answers_private, post_id)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
	               "uuussiiiiuiu", cs->id, cs->owner_id, cs->opened_by, cs->topic, cs->disclaimer, cs->starts_at,
	               cs->ends_at, cs->created_at, (int64_t)cs->audience, cs->group_id, (int64_t)cs->answers_private,
	               cs->post_id);
}

int store_consult_set_post(struct store *s, uint64_t id, uint64_t post)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE consult_sessions SET post_id = ?2 WHERE id = ?1", "uu", id, post);
}

int store_consult_get(struct store *s, struct arena *a, uint64_t id, struct consult_session *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT " CS_COLS " FROM consult_sessions WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc)
		cs_row(st, a, out);
	db_done(st);
	return rc;
}

int store_consult_list(struct store *s, struct arena *a, uint64_t owner, struct consult_session **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT " CS_COLS " FROM consult_sessions"
	                              " WHERE CAST(?1 AS BIGINT) = 0 OR owner_id = ?1 ORDER BY id DESC LIMIT ?2",
	                              "ui", owner, (int64_t)STORE_CONSULT_LIST);
	return DB_ROWS(st, a, STORE_CONSULT_LIST, cs_row, out, n);
}

int store_consult_follow(struct store *s, uint64_t session, uint64_t account, bool on)
{
	DB_OR_FAIL(s);
	if (!on)
		return db_exec(db, "DELETE FROM consult_follows WHERE session_id = ?1 AND account_id = ?2", "uu",
		               session, account);
	return db_exec(db,
	               "INSERT INTO consult_follows (session_id, account_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	               "uu", session, account);
}

int store_consult_following(struct store *s, uint64_t session, uint64_t account, bool *out)
{
	DB_OR_FAIL(s);
	int64_t k = 0;
	int rc = db_scalar(db, &k, 0, "SELECT COUNT(*) FROM consult_follows WHERE session_id = ?1 AND account_id = ?2",
	                   "uu", session, account);
	*out = k > 0;
	return rc;
}

int store_consult_followers(struct store *s, struct arena *a, uint64_t session, uint64_t **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT account_id FROM consult_follows WHERE session_id = ?1 LIMIT ?2", "ui",
	                              session, (int64_t)STORE_CONSULT_LIST);
	return DB_ROWS(st, a, STORE_CONSULT_LIST, db_fill_u64, out, n);
}

int store_cq_insert(struct store *s, const struct consult_question *q, const char *words)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "INSERT INTO consult_questions (id, session_id, asker_id, private_q, anonymous, pseudonym, text,"
	               " state, reason, merged_into, created_at, answered_at, words)"
	               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	               "uuuiiisisuiis", q->id, q->session_id, q->asker_id, (int64_t)q->private_q, (int64_t)q->anonymous,
	               (int64_t)q->pseudonym, q->text, (int64_t)q->state, q->reason ? q->reason : "", q->merged_into,
	               q->created_at, q->answered_at, words);
}

int store_cq_pseudonym(struct store *s, uint64_t session, uint64_t asker, int *out)
{
	DB_OR_FAIL(s);
	int64_t have = 0;
	int rc = db_scalar(db, &have, 0,
	                   "SELECT COALESCE(MAX(pseudonym), 0) FROM consult_questions"
	                   " WHERE session_id = ?1 AND asker_id = ?2 AND anonymous = 1",
	                   "uu", session, asker);
	if (!rc && !have &&
	    !(rc = db_scalar(db, &have, 0,
	                     "SELECT COALESCE(MAX(pseudonym), 0) FROM consult_questions"
	                     " WHERE session_id = ?1",
	                     "u", session)))
		have++;
	*out = (int)have;
	return rc;
}

int store_cq_get(struct store *s, struct arena *a, uint64_t id, struct consult_question *out)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db, "SELECT " CQ_COLS " FROM consult_questions WHERE id = ?1", "u", id);
	int rc = db_one(st);
	if (!rc)
		cq_row(st, a, out);
	db_done(st);
	return rc;
}

int store_cq_list(struct store *s, struct arena *a, uint64_t session, struct consult_question **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT " CQ_COLS " FROM consult_questions WHERE session_id = ?1"
	                              " ORDER BY id LIMIT ?2",
	                              "ui", session, (int64_t)STORE_CONSULT_LIST);
	return DB_ROWS(st, a, STORE_CONSULT_LIST, cq_row, out, n);
}

int store_cq_set_state(struct store *s, uint64_t id, int state, const char *reason, uint64_t merged_into,
                       int64_t answered_at)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "UPDATE consult_questions SET state = ?2, reason = ?3, merged_into = ?4,"
	               " answered_at = CASE WHEN answered_at = 0 THEN ?5 ELSE answered_at END WHERE id = ?1",
	               "uisui", id, (int64_t)state, reason ? reason : "", merged_into, answered_at);
}

int store_cq_set_private(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE consult_questions SET private_q = 1 WHERE id = ?1", "u", id);
}

int store_cq_add_words(struct store *s, uint64_t id, const char *words)
{
	DB_OR_FAIL(s);
	return db_exec(db, "UPDATE consult_questions SET words = words || ?2 || ' ' WHERE id = ?1", "us", id, words);
}

int store_cq_search(struct store *s, struct arena *a, const char *word, uint64_t **ids, char ***words, size_t *n)
{
	DB_OR_FAIL(s);
	char pat[256];
	char w[200];
	size_t len = strlen(word);
	if (len + 2 >= sizeof w)
		return ERR_TOOBIG;
	w[0] = ' ';
	memcpy(w + 1, word, len);
	w[len + 1] = ' ';
	w[len + 2] = 0;
	store_like_pattern(w, pat, sizeof pat);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, words FROM consult_questions WHERE words LIKE ?1 ESCAPE '\\'"
	                              " ORDER BY id DESC LIMIT ?2",
	                              "si", pat, (int64_t)STORE_CONSULT_LIST);
	if (!st)
		return ERR_DB;
	uint64_t *v = arena_alloc(a, STORE_CONSULT_LIST * sizeof *v);
	char **t = arena_alloc(a, STORE_CONSULT_LIST * sizeof *t);
	size_t k = 0;
	int rc = 0;
	while (k < STORE_CONSULT_LIST && (rc = db_step(st)) == DB_ROW) {
		v[k] = db_u64(st, 0);
		t[k++] = arena_strdup(a, db_text(st, 1));
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	*ids = v;
	*words = t;
	*n = k;
	return 0;
}

int store_ca_insert(struct store *s, const struct consult_answer *an)
{
	DB_OR_FAIL(s);
	return db_exec(
	        db,
	        "INSERT INTO consult_answers (id, question_id, session_id, writer_id, text, created_at, accepted)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)",
	        "uuuusi", an->id, an->question_id, an->session_id, an->writer_id, an->text, an->created_at);
}

int store_ca_list(struct store *s, struct arena *a, uint64_t session, struct consult_answer **out, size_t *n)
{
	DB_OR_FAIL(s);
	struct db_stmt *st = db_query(db,
	                              "SELECT id, question_id, session_id, writer_id, text, created_at, accepted"
	                              " FROM consult_answers WHERE session_id = ?1 ORDER BY id LIMIT ?2",
	                              "ui", session, (int64_t)CA_MAX);
	if (!st)
		return ERR_DB;
	struct consult_answer *v = arena_alloc(a, CA_MAX * sizeof *v);
	size_t k = 0;
	int rc = 0;
	while (k < CA_MAX && (rc = db_step(st)) == DB_ROW) {
		struct consult_answer *x = &v[k++];
		x->id = db_u64(st, 0);
		x->question_id = db_u64(st, 1);
		x->session_id = db_u64(st, 2);
		x->writer_id = db_u64(st, 3);
		x->text = arena_strdup(a, db_text(st, 4));
		x->created_at = db_i64(st, 5);
		x->accepted = db_i64(st, 6) != 0;
	}
	db_done(st);
	if (rc < 0)
		return -rc;
	*out = v;
	*n = k;
	return 0;
}

int store_ca_accept(struct store *s, uint64_t question, uint64_t answer)
{
	DB_OR_FAIL(s);
	int64_t k = 0;
	int rc = db_scalar(db, &k, 0, "SELECT COUNT(*) FROM consult_answers WHERE id = ?1 AND question_id = ?2", "uu",
	                   answer, question);
	if (rc)
		return rc;
	if (!k)
		return ERR_NOTFOUND;
	rc = db_exec(db, "UPDATE consult_answers SET accepted = 0 WHERE question_id = ?1", "u", question);
	if (!rc)
		rc = db_exec(db, "UPDATE consult_answers SET accepted = 1 WHERE id = ?1", "u", answer);
	return rc;
}

/* ---- changing and removing a session (the owner's staff, core/consult.c) ---- */

int store_consult_update(struct store *s, uint64_t id, const char *topic, const char *disclaimer, int64_t starts,
                         int64_t ends)
{
	DB_OR_FAIL(s);
	return db_exec(db,
	               "UPDATE consult_sessions SET topic = ?2, disclaimer = ?3, starts_at = ?4, ends_at = ?5"
	               " WHERE id = ?1",
	               "ussii", id, topic, disclaimer, starts, ends);
}

int store_consult_delete(struct store *s, uint64_t id)
{
	DB_OR_FAIL(s);
	int rc = db_exec(db, "DELETE FROM consult_answers WHERE session_id = ?1", "u", id);
	if (!rc)
		rc = db_exec(db, "DELETE FROM consult_questions WHERE session_id = ?1", "u", id);
	if (!rc)
		rc = db_exec(db, "DELETE FROM consult_follows WHERE session_id = ?1", "u", id);
	if (!rc)
		rc = db_exec(db, "DELETE FROM consult_sessions WHERE id = ?1", "u", id);
	return rc;
}
