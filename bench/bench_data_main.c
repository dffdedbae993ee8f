/*
 * kring-bench-data: fill an empty database with a synthetic community for
 * bench/run.sh.  Its own small program (make build/release/kring-bench-data),
 * so the generator, which writes straight into the tables, is neither in
 * the store library nor in the production binary.
 *
 *   kring-bench-data --data DIR [--db URL] --password PW [--people N] [--posts M]
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/config.h"
#include "base/err.h"
#include "base/log.h"
#include "bench_data.h"
#include "core/core.h"
#include "core/core_int.h"

static int count(const char *v, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*end || n < 0 || n > 100000000)
		return ERR_INVAL;
	*out = (int)n;
	return 0;
}

int main(int argc, char **argv)
{
	struct config cfg;
	config_defaults(&cfg);
	config_load_env(&cfg);
	struct bench_opts bo = {.people = 10000, .posts = 1000000, .search_words = core_search_words};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		int bad = 0;
		if (!v)
			bad = 1;
		else if (!strcmp(a, "--data"))
			bad = config_set(&cfg, "data", v);
		else if (!strcmp(a, "--db"))
			bad = config_set(&cfg, "db", v);
		else if (!strcmp(a, "--password"))
			bo.password = v;
		else if (!strcmp(a, "--people"))
			bad = count(v, &bo.people);
		else if (!strcmp(a, "--posts"))
			bad = count(v, &bo.posts);
		else
			bad = 1;
		if (bad) {
			fprintf(stderr, "usage: kring-bench-data --data DIR [--db URL] --password PW [--people N] [--posts M]\n");
			return 2;
		}
		i++;
	}
	log_min = LOG_WARN;
	if (!cfg.db[0] && mkdir(cfg.data, 0700) && errno != EEXIST) {
		fprintf(stderr, "kring-bench-data: cannot create %s: %s\n", cfg.data, strerror(errno));
		return 1;
	}
	char db[600];
	struct core *c;
	int rc = core_open(config_db(&cfg, db, sizeof db), &c);
	if (rc) {
		fprintf(stderr, "kring-bench-data: cannot open database %s: %s\n", db, err_str(rc));
		return 1;
	}
	if ((rc = store_bench_data(c->store, &bo)))
		fprintf(stderr, "kring-bench-data: cannot generate benchmark data (needs an empty database, --password and"
		                " --people >= 10): %s\n",
		        err_str(rc));
	core_close(c);
	return rc ? 1 : 0;
}
