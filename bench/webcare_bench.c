/*
 * kring-webcare-bench (issue 17, make bench): two rows.
 *
 * 1. Ingest: items/s through core_webcare_ingest on one thread, each item
 *    its own durable transaction: the triage rules, Dutch sentiment and
 *    urgency, the insert, its history row and the team's queue.
 * 2. The inbox at 100,000 stored items: an organisation with (stored - 50)
 *    closed items and 50 open ones; core_wc_items (what the inbox page
 *    asks) p50 / p99 / max.  bench/webcare.sh then serves the same
 *    database and times the page itself over HTTP.
 *
 *   kring-webcare-bench --data DIR [--stored N] [--ingest M]
 *
 * The bulk of closed items is written straight into the table in batches
 * (as kring-bench-data does), so the run takes seconds; the 50 open ones and
 * the ingest row go through core.  Numbers, no verdict.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/arena.h"
#include "base/config.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "core/core.h"
#include "core/core_int.h"
#include "core/webcare.h"
#include "store/store_webcare.h"

#define PASSWORD "bench-password-123"
#define OPEN_ITEMS 50
#define RUNS 1000

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Realistic messages (about 100 to 280 bytes), combined so no two are the same. */
static const char *const heads[] = {
	"Al drie weken wacht ik op een terugbelverzoek van de thuiszorg.",
	"Wat een lieve verpleegkundigen op afdeling 4, dank jullie wel!",
	"Is er een wachtlijst voor dagbesteding in Zwolle-Zuid?",
	"Mijn moeder krijgt haar medicijnen steeds te laat omdat de zorg pas om 11 uur komt.",
	"Geweldig hoor, weer een andere invalkracht die de weg niet kent 🙄",
	"Mijn vader is vermist sinds vanochtend, hij is weggelopen uit de Hoeve.",
	"Top geholpen door de wijkverpleging, alles is snel geregeld.",
	"De rekening voor de eigen bijdrage klopt niet, wie kan mij helpen?",
	"Niemand komt! Mijn moeder roept al een uur om hulp vanuit haar kamer.",
	"Bewoners en familie zijn blij met de nieuwe tuin bij De Linde.",
};
static const char *const tails[] = {
	" Graag een reactie.", " Dit kan zo niet langer.", " Bedankt voor jullie inzet.",
	" Kunnen jullie mij bellen?", " Ik heb al twee keer gemaild.", "",
	" #thuiszorg", " Het duurde veel te lang.", " Wat fijn!", " Wie weet meer?",
};

static const char *message(struct arena *a, int i)
{
	return arena_printf(a, "%s%s (%d)", heads[i % 10], tails[(i / 10) % 10], i);
}

static int count(const char *v, int *out)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (*end || n < 0 || n > 10000000)
		return ERR_INVAL;
	*out = (int)n;
	return 0;
}

static int setup_org(struct core *c, const char *name, uint64_t staff, uint64_t *org)
{
	int rc = core_org_create(c, name, "Zorggroep Bench", org);
	if (!rc)
		rc = core_staff_add(c, *org, staff);
	static const char *const rules[][3] = {
		{"klacht OR wachten OR \"te laat\"", "klacht", "2"},
		{"rekening OR factuur OR bijdrage", "financien", "1"},
		{"#thuiszorg OR wijkverpleging", "thuiszorg", "1"},
		{"dank OR bedankt OR fijn", "compliment", "0"},
		{"wachtlijst AND NOT klacht", "vraag", "0"},
	};
	for (size_t i = 0; !rc && i < sizeof rules / sizeof rules[0]; i++) {
		struct wc_rule r = {.name = rules[i][1], .expr = rules[i][0], .topic = rules[i][1],
		                    .priority = atoi(rules[i][2])};
		rc = core_wc_rule_add(c, staff, *org, &r);
	}
	return rc;
}

/* The closed bulk, straight into the table in transactions of 1,000. */
static int bulk_closed(struct core *c, uint64_t org, int n)
{
	int64_t now = time_now();
	int rc = 0;
	for (int i = 0; !rc && i < n; i += 1000) {
		struct arena a;
		arena_init(&a);
		if ((rc = store_begin(c->store))) {
			arena_release(&a);
			break;
		}
		for (int k = i; !rc && k < n && k < i + 1000; k++) {
			int64_t t = now - 365 * 86400 + (int64_t)k * (365 * 86400 - 86400) / (n ? n : 1);
			struct wc_item it = {
				.id = id_new(), .org_id = org, .origin = "rss",
				.origin_key = arena_printf(&a, "bulk-%d", k), .kind = "rss", .author_name = "Lezer",
				.url = "", .title = "", .text = message(&a, k), .created_at = t, .visible_at = t,
				.status = WC_CLOSED, .topic = k % 3 ? "klacht" : "", .sentiment = "neu", .updated_at = t,
			};
			bool ins;
			rc = store_wc_item_insert(c->store, &it, &ins);
		}
		rc = store_finish(c->store, rc);
		arena_release(&a);
	}
	return rc;
}

int main(int argc, char **argv)
{
	struct config cfg;
	config_defaults(&cfg);
	config_load_env(&cfg);
	int stored = 100000, ingest = 3000;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		int bad = !v;
		if (!bad && !strcmp(a, "--data"))
			bad = config_set(&cfg, "data", v);
		else if (!bad && !strcmp(a, "--stored"))
			bad = count(v, &stored) || stored < OPEN_ITEMS;
		else if (!bad && !strcmp(a, "--ingest"))
			bad = count(v, &ingest);
		else
			bad = 1;
		if (bad) {
			fprintf(stderr, "usage: kring-webcare-bench --data DIR [--stored N>=50] [--ingest M]\n");
			return 2;
		}
		i++;
	}
	log_min = LOG_WARN;
	if (mkdir(cfg.data, 0700) && errno != EEXIST) {
		fprintf(stderr, "kring-webcare-bench: cannot create %s: %s\n", cfg.data, strerror(errno));
		return 1;
	}
	char db[600];
	struct core *c;
	uint64_t staff, org, org2;
	if (core_open(config_db(&cfg, db, sizeof db), &c) ||
	    core_account_create(c, "webcare1", PASSWORD, ACCOUNT_PERSON, ROLE_MEMBER, &staff) ||
	    setup_org(c, "zorggroep", staff, &org) || setup_org(c, "zorggroep_ingest", staff, &org2)) {
		fprintf(stderr, "kring-webcare-bench: cannot set up %s (needs an empty data directory)\n", db);
		return 1;
	}

	/* Row 1: ingest through rules + sentiment + storage, one thread. */
	double t0 = now_ms(), c0 = cpu_ms();
	for (int i = 0; i < ingest; i++) {
		struct arena a;
		arena_init(&a);
		struct wc_input in = {.origin = "rss", .origin_key = arena_printf(&a, "ingest-%d", i),
		                      .author_name = "Lezer", .url = "https://nieuws.example/item", .title = "",
		                      .text = message(&a, i * 7 + 3)};
		uint64_t id;
		bool ins;
		int rc = core_webcare_ingest(c, org2, &in, &id, &ins);
		arena_release(&a);
		if (rc || !ins) {
			fprintf(stderr, "kring-webcare-bench: ingest %d: %s\n", i, err_str(rc));
			return 1;
		}
	}
	double wall = now_ms() - t0, cpu = cpu_ms() - c0;
	printf("| webcare ingest (rules + sentiment + storage, durable, one thread) | %d items | %.0f items/s | "
	       "%.3f ms each | cpu %.3f ms each |\n",
	       ingest, ingest / (wall / 1e3), wall / ingest, cpu / (ingest ? ingest : 1));

	/* Row 2: the inbox with 50 open items among `stored`. */
	if (bulk_closed(c, org, stored - OPEN_ITEMS)) {
		fprintf(stderr, "kring-webcare-bench: cannot write the closed items\n");
		return 1;
	}
	for (int i = 0; i < OPEN_ITEMS; i++) {
		struct arena a;
		arena_init(&a);
		struct wc_input in = {.origin = "rss", .origin_key = arena_printf(&a, "open-%d", i),
		                      .author_name = "Lezer", .text = message(&a, i)};
		uint64_t id;
		bool ins;
		int rc = core_webcare_ingest(c, org, &in, &id, &ins);
		arena_release(&a);
		if (rc)
			return 1;
	}
	static double v[RUNS], cv[RUNS];
	size_t shown = 0;
	for (int i = 0; i < RUNS; i++) {
		struct arena a;
		arena_init(&a);
		struct wc_filter f = {.status = -1, .limit = 100};
		struct wc_item *items;
		size_t n;
		double w0 = now_ms(), k0 = cpu_ms();
		int rc = core_wc_items(c, &a, staff, org, &f, &items, &n);
		v[i] = now_ms() - w0;
		cv[i] = cpu_ms() - k0;
		arena_release(&a);
		if (rc)
			return 1;
		shown = n;
	}
	qsort(v, RUNS, sizeof v[0], cmp);
	qsort(cv, RUNS, sizeof cv[0], cmp);
	printf("| webcare inbox query (core_wc_items), %d stored, %zu open | p50 %.3f ms | p99 %.3f ms | max %.3f ms | "
	       "cpu p99 %.3f ms |\n",
	       stored, shown, v[RUNS / 2], v[RUNS * 99 / 100], v[RUNS - 1], cv[RUNS * 99 / 100]);
	core_close(c);
	return 0;
}
