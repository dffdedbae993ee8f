/* Unit tests for base/: buffers, arenas, text, ids, config. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/config.h"
#include "base/err.h"
#include "base/id.h"
#include "base/lru.h"
#include "base/text.h"

static void test_buf_limit(void **state)
{
	struct buf b = BUF_INIT(8);
	assert_int_equal(buf_adds(&b, "abcd"), 0);
	assert_int_equal(buf_adds(&b, "efgh"), 0);
	assert_int_equal(b.len, 8);
	/* One byte past the limit is refused and leaves the buffer as it was. */
	assert_int_equal(buf_addc(&b, 'x'), ERR_TOOBIG);
	assert_int_equal(b.len, 8);
	assert_string_equal(b.ptr, "abcdefgh");
	buf_release(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.ptr, "");
}

static void test_buf_printf_grows(void **state)
{
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(buf_addf(&b, "%04d,", i), 0);
	assert_int_equal(b.len, 5000);
	assert_memory_equal(b.ptr + 4995, "0999,", 5);
	size_t n;
	char *p = buf_take(&b, &n);
	assert_int_equal(n, 5000);
	assert_int_equal(b.len, 0);
	free(p);
}

static void test_arena(void **state)
{
	struct arena a;
	arena_init(&a);
	char *big = arena_alloc(&a, 100000);
	memset(big, 1, 100000);
	for (int i = 0; i < 10000; i++) {
		char *s = arena_printf(&a, "item %d", i);
		assert_non_null(s);
		assert_int_equal(((uintptr_t)s) % 16, 0);
	}
	assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
	arena_clear(&a);
	assert_int_equal(a.total, 0);
	int *z = arena_alloc(&a, 64);
	assert_int_equal(z[0] | z[15], 0); /* zeroed after reuse */
	arena_release(&a);
}

static void test_utf8(void **state)
{
	assert_true(utf8_valid("héllo wereld €", strlen("héllo wereld €")));
	assert_false(utf8_valid("\xc3\x28", 2));           /* bad continuation */
	assert_false(utf8_valid("\xc0\xaf", 2));           /* overlong '/' */
	assert_false(utf8_valid("\xed\xa0\x80", 3));       /* surrogate */
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4));   /* > U+10FFFF */
	assert_false(utf8_valid("\xe2\x82", 2));           /* truncated */
	assert_int_equal(utf8_len("héllo", 6), 5);
	assert_false(text_has_controls("a\nb\tc\r\n", 7));
	assert_true(text_has_controls("a\x01", 2));
	assert_true(text_has_controls("a\x7f", 2));
	assert_true(text_has_controls("a\xc2\x85", 3));    /* U+0085 NEL */
	assert_int_equal(text_check("abc", 3, 3), 0);
	assert_int_equal(text_check("abcd", 4, 3), ERR_TOOBIG);
	assert_int_equal(text_check("é", 2, 1), 0);       /* counts characters, not bytes */
	assert_int_equal(text_check("\xff", 1, 10), ERR_INVAL);
}

static void test_escape(void **state)
{
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	html_escape(&b, "<a href=\"x\">'&'</a>", 19);
	assert_string_equal(b.ptr, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
	buf_reset(&b);
	json_escape(&b, "a\"b\\c\n\x01<", 8);
	assert_string_equal(b.ptr, "a\\\"b\\\\c\\n\\u0001\\u003c");
	buf_reset(&b);
	url_encode(&b, "a b/é", 6);
	assert_string_equal(b.ptr, "a%20b%2F%C3%A9");
	buf_release(&b);
	char s[] = "a+b%20c%zz%4";
	size_t n = url_decode(s, strlen(s), true);
	assert_int_equal(n, strlen("a b c%zz%4"));
	assert_string_equal(s, "a b c%zz%4");
}

static void test_parse_u64(void **state)
{
	uint64_t v;
	assert_true(parse_u64("0", &v) && v == 0);
	assert_true(parse_u64("18446744073709551615", &v) && v == UINT64_MAX);
	assert_false(parse_u64("18446744073709551616", &v));
	assert_false(parse_u64("", &v));
	assert_false(parse_u64("12a", &v));
	assert_false(parse_u64("-1", &v));
	assert_true(str_eq_ct("abc", "abc"));
	assert_false(str_eq_ct("abc", "abd"));
	assert_false(str_eq_ct("abc", "ab"));
	assert_false(str_eq_ct("", ""));
}

/* u64_str against snprintf: every length, the edges of each, and a
 * pseudo-random spread (it writes two digits a step). */
static void test_u64_str(void **state)
{
	(void)state;
	char got[24], want[24];
	uint64_t x = 0x9e3779b97f4a7c15u;
	for (int i = 0; i < 20000; i++) {
		uint64_t v;
		if (i < 200)
			v = (uint64_t)i;
		else if (i < 240) {
			uint64_t p = 1;
			for (int k = 0; k < (i - 200) / 2; k++)
				p *= 10;
			v = i % 2 ? p : p - 1;
		} else {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			v = x >> (x % 64);
		}
		size_t n = u64_str(got, v);
		snprintf(want, sizeof want, "%" PRIu64, v);
		assert_string_equal(got, want);
		assert_int_equal(n, strlen(want));
	}
	assert_int_equal(u64_str(got, UINT64_MAX), 20);
	assert_string_equal(got, "18446744073709551615");
}

static void test_ids(void **state)
{
	uint64_t prev = id_new();
	for (int i = 0; i < 100000; i++) {
		uint64_t id = id_new();
		assert_true(id > prev);
		prev = id;
	}
	int64_t ms = time_ms();
	assert_true(id_ms(prev) >= ms - 1000 && id_ms(prev) <= ms + 1000);
	assert_true(id_from_ms(ms + 10) > id_new() - 0);
}

static void test_config(void **state)
{
	struct config c;
	config_defaults(&c);
	assert_string_equal(c.listen, "127.0.0.1:8080");
	char path[] = "/tmp/kring-config-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *text = "# comment\nlisten = 127.0.0.1:9999\n\ndata=/tmp/x\nthreads = 8\n";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	assert_int_equal(config_load_file(&c, path), 0);
	assert_string_equal(c.listen, "127.0.0.1:9999");
	assert_string_equal(c.data, "/tmp/x");
	assert_int_equal(c.threads, 8);
	setenv("KRING_LISTEN", "127.0.0.1:7777", 1);
	config_load_env(&c);
	assert_string_equal(c.listen, "127.0.0.1:7777");
	unsetenv("KRING_LISTEN");
	assert_int_equal(config_set(&c, "nonsense", "1"), ERR_INVAL);
	assert_int_equal(config_set(&c, "threads", "0"), ERR_INVAL);
	/* Connection limits: per address 0 turns it off; the total has a floor. */
	assert_int_equal(c.max_connections_per_address, 64);
	assert_int_equal(config_set(&c, "max_connections_per_address", "0"), 0);
	assert_int_equal(c.max_connections_per_address, 0);
	assert_int_equal(config_set(&c, "max_connections", "8"), ERR_INVAL);
	setenv("KRING_MAX_CONNECTIONS", "4096", 1);
	config_load_env(&c);
	unsetenv("KRING_MAX_CONNECTIONS");
	assert_int_equal(c.max_connections, 4096);
	FILE *f = fopen(path, "w");
	fputs("listen 127.0.0.1:1\n", f);
	fclose(f);
	assert_int_equal(config_load_file(&c, path), ERR_INVAL);
	unlink(path);
	char db[64];
	config_defaults(&c);
	assert_string_equal(config_db(&c, db, sizeof db), "./data/kring.db");
}

static bool lru_has(struct lru *c, const char *key, uint64_t version, int64_t now, const char *want)
{
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	bool hit = lru_get(c, key, strlen(key), version, now, &b);
	bool same = hit && want && b.len == strlen(want) && !memcmp(b.ptr, want, b.len);
	buf_release(&b);
	return want ? same : hit;
}

/* Offer a value twice: the first offer of a key only marks it. */
static void put2(struct lru *c, const char *key, uint64_t version, const void *val, size_t vlen)
{
	lru_put(c, key, strlen(key), version, 1000, val, vlen);
	lru_put(c, key, strlen(key), version, 1000, val, vlen);
}

static void test_lru(void **state)
{
	(void)state;
	struct lru *c = lru_new(4096);
	put2(c, "a", 7, "alpha", 5);
	put2(c, "b", 7, "beta", 4);
	assert_true(lru_has(c, "a", 7, 10, "alpha"));
	assert_true(lru_has(c, "b", 7, 10, "beta"));
	assert_false(lru_has(c, "c", 7, 10, NULL));
	/* Made from other data, or expired: never returned, and dropped. */
	assert_false(lru_has(c, "a", 8, 10, NULL));
	assert_false(lru_has(c, "a", 7, 10, NULL));
	assert_false(lru_has(c, "b", 7, 1000, NULL));
	/* Replacing a key keeps one entry. */
	put2(c, "k", 7, "one", 3);
	lru_put(c, "k", 1, 7, 1000, "two", 3);
	assert_true(lru_has(c, "k", 7, 0, "two"));
	uint64_t hits, misses;
	size_t bytes, entries;
	lru_stats(c, &hits, &misses, &bytes, &entries);
	assert_int_equal(entries, 1);
	assert_true(hits >= 3 && misses >= 4);
	/* Values over an eighth of the cache are not kept. */
	char big[600];
	memset(big, 'x', sizeof big);
	put2(c, "big", 7, big, sizeof big);
	assert_false(lru_has(c, "big", 7, 0, NULL));
	/* The memory bound holds; the least recently used go first. */
	char key[16];
	put2(c, "n0", 7, big, 400);
	put2(c, "n1", 7, big, 400);
	for (int i = 2; i < 200; i++) {
		assert_true(lru_has(c, "n0", 7, 0, NULL)); /* used all the time: stays */
		snprintf(key, sizeof key, "n%d", i);
		put2(c, key, 7, big, 400);
	}
	lru_stats(c, &hits, &misses, &bytes, &entries);
	assert_true(bytes <= 4096);
	assert_true(entries > 1 && entries < 10);
	assert_true(lru_has(c, "n0", 7, 0, NULL));
	assert_true(lru_has(c, "n199", 7, 0, NULL));
	assert_false(lru_has(c, "n1", 7, 0, NULL));
	assert_false(lru_has(c, "n100", 7, 0, NULL));
	lru_free(c);
	/* A cache of size 0 keeps nothing. */
	c = lru_new(0);
	put2(c, "a", 1, "x", 1);
	assert_false(lru_has(c, "a", 1, 0, NULL));
	lru_free(c);
}

/* A key offered once is not kept (a request made once pushes nothing
 * out); offered again it is. */
static void test_lru_admits_on_second_offer(void **state)
{
	(void)state;
	struct lru *c = lru_new(4096);
	lru_put(c, "once", 4, 1, 1000, "x", 1);
	assert_false(lru_has(c, "once", 1, 0, NULL));
	lru_put(c, "once", 4, 1, 1000, "x", 1);
	assert_true(lru_has(c, "once", 1, 0, "x"));
	/* Many keys offered once each keep nothing. */
	char key[16];
	for (int i = 0; i < 100; i++) {
		snprintf(key, sizeof key, "u%d", i);
		lru_put(c, key, strlen(key), 1, 1000, "y", 1);
	}
	uint64_t hits, misses;
	size_t bytes, entries;
	lru_stats(c, &hits, &misses, &bytes, &entries);
	assert_int_equal(entries, 1);
	lru_free(c);
}

/* Versions only grow: storing a newer one drops every older entry (their
 * memory is given back at once, not when the LRU reaches them), and an
 * answer made from older data than the newest stored is not kept. */
static void test_lru_newer_version_drops_older(void **state)
{
	(void)state;
	struct lru *c = lru_new(1 << 16);
	char key[16];
	for (int i = 0; i < 20; i++) {
		snprintf(key, sizeof key, "v%d", i);
		put2(c, key, 3, "old", 3);
	}
	uint64_t hits, misses;
	size_t bytes, entries;
	lru_stats(c, &hits, &misses, &bytes, &entries);
	assert_int_equal(entries, 20);
	put2(c, "new", 4, "new", 3);
	lru_stats(c, &hits, &misses, &bytes, &entries);
	assert_int_equal(entries, 1);
	assert_true(lru_has(c, "new", 4, 0, "new"));
	/* A slow request that read version 3 comes back after version 4. */
	put2(c, "late", 3, "old", 3);
	assert_false(lru_has(c, "late", 3, 0, NULL));
	lru_stats(c, &hits, &misses, &bytes, &entries);
	assert_int_equal(entries, 1);
	lru_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_limit), cmocka_unit_test(test_buf_printf_grows),
		cmocka_unit_test(test_arena),     cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_escape),    cmocka_unit_test(test_parse_u64),
		cmocka_unit_test(test_u64_str),
		cmocka_unit_test(test_ids),       cmocka_unit_test(test_config),
		cmocka_unit_test(test_lru),
		cmocka_unit_test(test_lru_admits_on_second_offer),
		cmocka_unit_test(test_lru_newer_version_drops_older),
	};
	return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
