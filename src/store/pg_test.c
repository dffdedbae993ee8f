/*
 * Unit tests for the PostgreSQL driver's pure parts: renumbering `?N` to
 * `$N`, and reading booleans and integers.  The driver against a real server
 * is tested by the black-box suite (make blackbox-pg).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pg.c"

static void expect_rewrite(const char *in, const char *want, int want_n)
{
	int n = -1;
	char *out = rewrite(in, &n);
	assert_string_equal(out, want);
	assert_int_equal(n, want_n);
	free(out);
}

static void test_rewrite(void **state)
{
	(void)state;
	expect_rewrite("SELECT 1", "SELECT 1", 0);
	expect_rewrite("SELECT a FROM t WHERE x = ?1 AND y = ?2 OR z = ?1", "SELECT a FROM t WHERE x = $1 AND y = $2 OR z = $1",
	               2);
	expect_rewrite("VALUES (?1, ?12, ?3)", "VALUES ($1, $12, $3)", 12);
	/* Bare ? are numbered in order. */
	expect_rewrite("x = ? AND y = ?", "x = $1 AND y = $2", 2);
	/* Quoted text is left alone, including doubled quotes. */
	expect_rewrite("SELECT '?1', 'it''s ?2', \"odd?3\" FROM t WHERE a = ?4", "SELECT '?1', 'it''s ?2', \"odd?3\" FROM t WHERE a = $4",
	               4);
	expect_rewrite("a LIKE ?1 ESCAPE '\\' OR b LIKE ?1 ESCAPE '\\'", "a LIKE $1 ESCAPE '\\' OR b LIKE $1 ESCAPE '\\'", 1);
	/* An unterminated quote does not run past the end. */
	expect_rewrite("SELECT 'abc", "SELECT 'abc", 0);
}

static void test_map_state(void **state)
{
	(void)state;
	assert_int_equal(map_state("23505"), ERR_EXISTS);
	assert_int_equal(map_state("40001"), ERR_BUSY);
	assert_int_equal(map_state("40P01"), ERR_BUSY);
	assert_int_equal(map_state("55P03"), ERR_BUSY);
	assert_int_equal(map_state("08006"), ERR_BUSY);
	assert_int_equal(map_state("57P01"), ERR_BUSY);
	assert_int_equal(map_state(NULL), ERR_BUSY);
	assert_int_equal(map_state("42601"), ERR_DB);
}

static void test_open_unreachable_is_busy(void **state)
{
	(void)state;
	int err = 0;
	/* Port 1 on loopback: nothing listens, the refusal is immediate. */
	struct db *db = db_pg.open("postgresql://kring@127.0.0.1:1/none", &err);
	assert_null(db);
	assert_int_equal(err, ERR_BUSY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rewrite),
		cmocka_unit_test(test_map_state),
		cmocka_unit_test(test_open_unreachable_is_busy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
