/*
 * Build tool: train webcare's learned urgency model (src/scan/sentiment.c,
 * docs/webcare.md) on the labelled development set and write it.
 *
 *   sentiment_train [--folds K] DEVSET.jsonl OUT
 *
 * A logistic regression over the hashed features of sentiment_features
 * (stems, negation-scoped; neighbouring stem pairs; the care file's word
 * classes; how negative the message is), by stochastic gradient descent with
 * L2.  With --folds, first K-fold cross-validation: each fold is judged by a
 * model trained on the others, and the figures (the model alone, the rules
 * alone, both) are for texts the model has not seen.  The threshold is
 * chosen on those held-back folds: the one with the best F2 (recall counts
 * twice: a missed emergency costs more than a look at a false one) of the
 * model alone, among those with a precision of at least 0.75.  Then trains
 * on everything and writes OUT: "bias B", "threshold T", then
 * "index<TAB>weight" for the nonzero weights.
 */
#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan/sentiment.h"

#define MAX_TEXTS 20000
#define MAX_F 2048
#define DIM (1u << SENT_MODEL_BITS)
#define EPOCHS 30

struct ex {
	uint32_t *f;
	size_t n;
	bool gold, rule, defused;
	double p;   /* held-back probability */
};

static struct ex exs[MAX_TEXTS];
static size_t nex;
static float w[DIM];
static double bias;

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double predict(const struct ex *e)
{
	double z = bias;
	for (size_t i = 0; i < e->n; i++)
		z += w[e->f[i]];
	return 1 / (1 + exp(-z));
}

/* Train on the examples whose fold (index % k) is not `skip` (k 0: all). */
static void train(size_t k, size_t skip)
{
	memset(w, 0, sizeof w);
	bias = 0;
	size_t *order = malloc(nex * sizeof *order);
	size_t m = 0;
	for (size_t i = 0; i < nex; i++)
		if (!k || i % k != skip)
			order[m++] = i;
	const double l2 = 1e-4;
	for (int ep = 0; ep < EPOCHS; ep++) {
		double lr = 0.3 / (1 + ep * 0.2);
		for (size_t i = m; i > 1; i--) {
			size_t j = next_rand() % i;
			size_t t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		for (size_t q = 0; q < m; q++) {
			struct ex *e = &exs[order[q]];
			double g = (e->gold ? 1.0 : 0.0) - predict(e);
			bias += lr * g;
			for (size_t i = 0; i < e->n; i++)
				w[e->f[i]] += (float)(lr * (g - l2 * w[e->f[i]]));
		}
	}
	free(order);
}

struct counts {
	size_t tp, fp, fn;
};

static void add(struct counts *c, bool gold, bool said)
{
	c->tp += gold && said;
	c->fp += !gold && said;
	c->fn += gold && !said;
}

static double prec(const struct counts *c)
{
	return c->tp + c->fp ? (double)c->tp / (double)(c->tp + c->fp) : 1;
}
static double rec(const struct counts *c)
{
	return c->tp + c->fn ? (double)c->tp / (double)(c->tp + c->fn) : 1;
}

static void load(const char *path)
{
	FILE *fp = fopen(path, "r");
	if (!fp) {
		perror(path);
		exit(1);
	}
	char *line = NULL;
	size_t cap = 0;
	uint32_t buf[MAX_F];
	while (getline(&line, &cap, fp) > 0 && nex < MAX_TEXTS) {
		json_error_t err;
		json_t *o = json_loads(line, 0, &err);
		if (!o)
			continue;
		const char *text = json_string_value(json_object_get(o, "text"));
		json_t *u = json_object_get(o, "urgent");
		if (text && json_is_boolean(u)) {
			struct sent_result r;
			size_t n = 0;
			if (sentiment_features(text, strlen(text), &r, buf, MAX_F, &n)) {
				fprintf(stderr, "sentiment_train: cannot judge a text\n");
				exit(1);
			}
			struct ex *e = &exs[nex++];
			e->f = malloc((n ? n : 1) * sizeof *e->f);
			memcpy(e->f, buf, n * sizeof *e->f);
			e->n = n;
			e->gold = json_is_true(u);
			e->rule = r.urgent_rule;
			/* a defuser: the rule's verdict was taken back, and the model may not give it */
			e->defused = false;
		}
		json_decref(o);
	}
	free(line);
	fclose(fp);
}

int main(int argc, char **argv)
{
	size_t folds = 0;
	int a = 1;
	if (a + 1 < argc && !strcmp(argv[a], "--folds")) {
		folds = (size_t)strtoul(argv[a + 1], NULL, 10);
		a += 2;
	}
	if (argc - a != 2) {
		fprintf(stderr, "usage: sentiment_train [--folds K] DEVSET.jsonl OUT\n");
		return 2;
	}
	load(argv[a]);
	if (nex < 20) {
		fprintf(stderr, "sentiment_train: too few texts\n");
		return 1;
	}
	/* a fixed shuffle, so the folds mix the set's parts */
	for (size_t i = nex; i > 1; i--) {
		size_t j = next_rand() % i;
		struct ex t = exs[i - 1];
		exs[i - 1] = exs[j];
		exs[j] = t;
	}
	double threshold = 0.5;
	if (folds >= 2) {
		for (size_t k = 0; k < folds; k++) {
			train(folds, k);
			for (size_t i = k; i < nex; i += folds)
				exs[i].p = predict(&exs[i]);
		}
		struct counts rules = {0};
		for (size_t i = 0; i < nex; i++)
			add(&rules, exs[i].gold, exs[i].rule);
		printf("sentiment_train: %zu texts, %zu-fold cross-validation (figures on held-back folds)\n", nex, folds);
		printf("  rules alone:               recall %.3f  precision %.3f (tuned on this set)\n", rec(&rules),
		       prec(&rules));
		double best = -1;
		for (int t = 10; t <= 90; t += 5) {
			struct counts mo = {0}, both = {0};
			for (size_t i = 0; i < nex; i++) {
				bool said = exs[i].p >= t / 100.0;
				add(&mo, exs[i].gold, said);
				add(&both, exs[i].gold, said || exs[i].rule);
			}
			double p = prec(&mo), r = rec(&mo), f2 = p + r > 0 ? 5 * p * r / (4 * p + r) : 0;
			printf("  threshold %.2f: model alone recall %.3f precision %.3f F2 %.3f; rules or model recall "
			       "%.3f precision %.3f\n",
			       t / 100.0, r, p, f2, rec(&both), prec(&both));
			if (p >= 0.75 && f2 > best) {
				best = f2;
				threshold = t / 100.0;
			}
		}
		printf("  chosen threshold %.2f\n", threshold);
	}
	train(0, 0);
	FILE *out = fopen(argv[a + 1], "w");
	if (!out) {
		perror(argv[a + 1]);
		return 1;
	}
	size_t nz = 0;
	fprintf(out, "# kring webcare urgency model (tools/sentiment_train.c), %zu texts\n", nex);
	fprintf(out, "bias\t%.6f\nthreshold\t%.2f\n", bias, threshold);
	for (size_t i = 0; i < DIM; i++)
		if (fabsf(w[i]) >= 1e-4f) {
			fprintf(out, "%zu\t%.5f\n", i, w[i]);
			nz++;
		}
	if (fclose(out)) {
		perror(argv[a + 1]);
		return 1;
	}
	fprintf(stderr, "sentiment_train: %zu texts, %zu nonzero weights -> %s\n", nex, nz, argv[a + 1]);
	return 0;
}
