#ifndef BENCH_BENCH_DATA_H
#define BENCH_BENCH_DATA_H

/*
 * A synthetic community for benchmarks (build/release/kring-bench-data,
 * bench/bench_data_main.c): people named person1..personN sharing one password, organisations with staff, a
 * power-law follow graph (person1 follows exactly 200 accounts), posts
 * spread over the past year with time-ordered ids, replies, tags, mentions,
 * direct conversations, favourites, boosts, full-text rows, a sample of
 * notifications, and groups with members and posts (person1 belongs to the
 * first five; the first is the biggest).
 *
 * Not for production data: it writes with synchronous=OFF and large
 * transactions, straight into the tables.
 */

struct arena;
struct store;

struct bench_opts {
	int people;               /* persons, >= 10 */
	int posts;                /* post rows (boosts included), >= 0 */
	const char *password;     /* shared by every person, hashed once */
	/* Stemmed search words of a text (core_search_words); passed in so that
	 * store/ does not include core/.  Returns a string in a. */
	char *(*search_words)(struct arena *a, const char *text);
	unsigned long long seed;  /* 0: a fixed default, so runs are repeatable */
	int quiet;                /* no progress lines */
};

/*
 * Fill an empty, migrated database (open it with store_open first).  Prints
 * progress and the elapsed time on stdout unless quiet.  Returns 0,
 * ERR_EXISTS if the database already has accounts, ERR_INVAL for bad
 * options, ERR_IO if the password cannot be hashed, or a storage error.
 */
int store_bench_data(struct store *s, const struct bench_opts *o);

#endif
