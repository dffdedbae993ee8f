/*
 * Build tool: train the privacy guard's name tagger (src/scan/scan_model.h)
 * on the labelled development set and write the model.
 *
 *   scan_train [--folds K] SRC... OUT
 *
 * Two models: the name tagger, and (wave 8) the health model, trained on the
 * candidate words scan_health_features gives with the name model in use.
 * SCAN_TRAIN_DIAG=1 lists labelled health no candidate word covers.
 *
 * SRC is tests/data/privacy_dev.src ("+ text" / "- text" with [[type:text]]
 * marks), and tests/data/privacy_train.src (the same form: texts written only
 * to train the models on, never scored as a batch).  With --folds, first reports K-fold cross-validation: each fold's
 * texts are tagged by a model trained on the others, and the guard is scored
 * on them with and without the tagger (names and post level), so the figures
 * are for texts the model has not seen.  Then trains on everything and
 * writes OUT: "threshold T LOW", then "index weight" for nonzero weights.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan/scan.h"
#include "scan/scan_model.h"

#define EPOCHS    10
#define MAX_SPANS 64

struct span {
	size_t s, e;
	char type[20];
};
struct text {
	char *t;
	size_t len;
	bool client;                    /* post-level label */
	struct span sp[MAX_SPANS];
	size_t nsp;
	struct scan_tokfeat *tok;
	size_t ntok;
	bool *name;                     /* per token: inside a labelled name */
	struct scan_tokfeat *hf;        /* health model: candidate words */
	bool *hrule, *health;           /* per candidate: the rules made it health; labelled health */
	size_t nh;
};

static struct text *texts; /* grown by parse_line */
/* the demotion threshold of the health model: off (INT32_MIN) unless
 * SCAN_HEALTH_DEMOTE is set (it cost more than it saved, see the docs) */
static int32_t hlow(int32_t t)
{
	return getenv("SCAN_HEALTH_DEMOTE") ? -3 * t - 3000 : INT32_MIN;
}
static size_t ntexts;

static void parse_line(const char *line)
{
	static size_t cap;
	if (ntexts == cap) {
		cap = cap ? cap * 2 : 4096;
		texts = realloc(texts, cap * sizeof *texts);
		if (!texts) {
			fprintf(stderr, "scan_train: out of memory at %zu texts\n", ntexts);
			exit(1);
		}
	}
	struct text *x = &texts[ntexts];
	memset(x, 0, sizeof *x);
	size_t n = strlen(line);
	x->t = malloc(n + 1);
	x->client = line[0] == '+';
	size_t o = 0;
	for (size_t i = 2; i < n;) {
		if (line[i] == '[' && line[i + 1] == '[') {
			const char *colon = strchr(line + i + 2, ':');
			const char *close = strstr(line + i + 2, "]]");
			if (!colon || !close || colon > close) {
				fprintf(stderr, "bad mark: %s\n", line);
				exit(1);
			}
			struct span *sp = x->nsp < MAX_SPANS ? &x->sp[x->nsp++] : NULL;
			if (sp) {
				size_t tl = (size_t)(colon - line - i - 2);
				if (tl >= sizeof sp->type)
					tl = sizeof sp->type - 1;
				memcpy(sp->type, line + i + 2, tl);
				sp->type[tl] = '\0';
				sp->s = o;
			}
			for (const char *q = colon + 1; q < close; q++)
				x->t[o++] = *q;
			if (sp)
				sp->e = o;
			i = (size_t)(close - line) + 2;
		} else {
			x->t[o++] = line[i++];
		}
	}
	x->t[o] = '\0';
	x->len = o;
	if (scan_model_features(x->t, x->len, &x->tok, &x->ntok)) {
		fprintf(stderr, "scan_model_features failed\n");
		exit(1);
	}
	x->name = calloc(x->ntok ? x->ntok : 1, sizeof *x->name);
	for (size_t k = 0; k < x->ntok; k++)
		for (size_t j = 0; j < x->nsp; j++)
			if (strcmp(x->sp[j].type, "name") == 0 && x->tok[k].s < x->sp[j].e && x->sp[j].s < x->tok[k].e)
				x->name[k] = true;
	ntexts++;
}

/* The health model's examples, read with the name model in use (its names
 * make sentences about someone, as at run time). */
static void collect_health(void)
{
	for (size_t i = 0; i < ntexts; i++) {
		struct text *x = &texts[i];
		free(x->hf);
		free(x->hrule);
		free(x->health);
		if (scan_health_features(x->t, x->len, &x->hf, &x->hrule, &x->nh)) {
			fprintf(stderr, "scan_health_features failed\n");
			exit(1);
		}
		x->health = calloc(x->nh ? x->nh : 1, sizeof *x->health);
		for (size_t k = 0; k < x->nh; k++)
			for (size_t j = 0; j < x->nsp; j++)
				if (strcmp(x->sp[j].type, "health") == 0 && x->hf[k].s < x->sp[j].e && x->sp[j].s < x->hf[k].e)
					x->health[k] = true;
	}
}

/* Averaged perceptron over the texts with (i % k != fold), or all when fold < 0;
 * health picks the second model's examples (candidate words, health labels). */
static void train(int32_t *out, int fold, int k, bool health)
{
	double *w = calloc(SCAN_MODEL_SIZE, sizeof *w), *u = calloc(SCAN_MODEL_SIZE, sizeof *u);
	double step = 1;
	uint64_t rng = 88172645463325252ULL;
	size_t *order = malloc(ntexts * sizeof *order);
	for (size_t i = 0; i < ntexts; i++)
		order[i] = i;
	for (int ep = 0; ep < EPOCHS; ep++) {
		for (size_t i = ntexts; i > 1; i--) { /* the same shuffle on every run */
			rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
			size_t j = rng % i, t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		for (size_t oi = 0; oi < ntexts; oi++) {
			size_t i = order[oi];
			if (fold >= 0 && (int)(i % (size_t)k) == fold)
				continue;
			const struct text *x = &texts[i];
			size_t nt = health ? x->nh : x->ntok;
			for (size_t t = 0; t < nt; t++) {
				const struct scan_tokfeat *tf = health ? &x->hf[t] : &x->tok[t];
				double s = 0;
				for (size_t f = 0; f < tf->nf; f++)
					s += w[tf->f[f]];
				int y = (health ? x->health[t] : x->name[t]) ? 1 : -1;
				if (y * s <= 0) {
					for (size_t f = 0; f < tf->nf; f++) {
						w[tf->f[f]] += y;
						u[tf->f[f]] += y * step;
					}
				}
				step++;
			}
		}
	}
	for (size_t i = 0; i < SCAN_MODEL_SIZE; i++) {
		double avg = w[i] - u[i] / step;
		out[i] = (int32_t)(avg * 1000.0 + (avg >= 0 ? 0.5 : -0.5));
	}
	free(w);
	free(u);
	free(order);
}

struct score {
	size_t tp_p, n_p, tp_g, n_g;    /* names: predicted correct, predicted, gold found, gold */
	size_t h_tp_p, h_n_p, h_tp_g, h_n_g; /* the same for health (counted findings only) */
	size_t tp, fp, fn, tn;          /* post level */
};

static void score_text(const struct text *x, struct score *sc)
{
	struct scan_result r = {0};
	if (scan_text(x->t, x->len, NULL, &r))
		return;
	for (size_t i = 0; i < r.n; i++) {
		if (r.v[i].type != SCAN_NAME)
			continue;
		sc->n_p++;
		for (size_t j = 0; j < x->nsp; j++)
			if (!strcmp(x->sp[j].type, "name") && r.v[i].start < x->sp[j].e && x->sp[j].s < r.v[i].end) {
				sc->tp_p++;
				break;
			}
	}
	for (size_t j = 0; j < x->nsp; j++) {
		if (strcmp(x->sp[j].type, "name"))
			continue;
		sc->n_g++;
		for (size_t i = 0; i < r.n; i++)
			if (r.v[i].type == SCAN_NAME && r.v[i].start < x->sp[j].e && x->sp[j].s < r.v[i].end) {
				sc->tp_g++;
				break;
			}
	}
	for (size_t i = 0; i < r.n; i++) {
		if (r.v[i].type != SCAN_HEALTH || r.v[i].confidence < 0.5)
			continue;
		sc->h_n_p++;
		for (size_t j = 0; j < x->nsp; j++)
			if (!strcmp(x->sp[j].type, "health") && r.v[i].start < x->sp[j].e && x->sp[j].s < r.v[i].end) {
				sc->h_tp_p++;
				break;
			}
	}
	for (size_t j = 0; j < x->nsp; j++) {
		if (strcmp(x->sp[j].type, "health"))
			continue;
		sc->h_n_g++;
		for (size_t i = 0; i < r.n; i++)
			if (r.v[i].type == SCAN_HEALTH && r.v[i].confidence >= 0.5 && r.v[i].start < x->sp[j].e &&
			    x->sp[j].s < r.v[i].end) {
				sc->h_tp_g++;
				break;
			}
	}
	bool yes = r.verdict != SCAN_OK;
	if (yes && x->client)
		sc->tp++;
	else if (yes)
		sc->fp++;
	else if (x->client)
		sc->fn++;
	else
		sc->tn++;
	scan_result_release(&r);
}

static void print_score(const char *what, const struct score *s)
{
	double p = s->n_p ? (double)s->tp_p / (double)s->n_p : 1, r = s->n_g ? (double)s->tp_g / (double)s->n_g : 1;
	double pp = s->tp + s->fp ? (double)s->tp / (double)(s->tp + s->fp) : 1;
	double pr = s->tp + s->fn ? (double)s->tp / (double)(s->tp + s->fn) : 1;
	double hp = s->h_n_p ? (double)s->h_tp_p / (double)s->h_n_p : 1;
	double hr = s->h_n_g ? (double)s->h_tp_g / (double)s->h_n_g : 1;
	printf("%-28s names P %.3f R %.3f F1 %.3f   health P %.3f R %.3f F1 %.3f   post P %.3f R %.3f "
	       "(tp=%zu fp=%zu fn=%zu tn=%zu)\n",
	       what, p, r, p + r > 0 ? 2 * p * r / (p + r) : 0, hp, hr, hp + hr > 0 ? 2 * hp * hr / (hp + hr) : 0, pp, pr,
	       s->tp, s->fp, s->fn, s->tn);
}

static const int32_t thresholds[] = {0, 1000, 2000, 4000};
#define NTH (sizeof thresholds / sizeof thresholds[0])
static const int32_t hthresholds[] = {0, 1000, 2000, 4000};
#define NHT (sizeof hthresholds / sizeof hthresholds[0])

int main(int argc, char **argv)
{
	int folds = 0, a = 1;
	if (a + 1 < argc && strcmp(argv[a], "--folds") == 0) {
		folds = atoi(argv[a + 1]);
		a += 2;
	}
	if (argc - a < 2 || folds == 1 || folds < 0) {
		fprintf(stderr, "usage: scan_train [--folds K] SRC... OUT\n");
		return 2;
	}
	const char *outp = argv[argc - 1];
	/* every SRC in the same form: the development set, then the texts written only to train on */
	for (; a < argc - 1; a++) {
		FILE *in = fopen(argv[a], "r");
		if (!in) {
			perror(argv[a]);
			return 1;
		}
		char line[8192];
		while (fgets(line, sizeof line, in)) {
			line[strcspn(line, "\r\n")] = '\0';
			if ((line[0] == '+' || line[0] == '-') && line[1] == ' ')
				parse_line(line);
		}
		fclose(in);
	}
	if (getenv("SCAN_TRAIN_DIAG")) {
		collect_health();
		size_t gold = 0, cand = 0, rule = 0;
		for (size_t i = 0; i < ntexts; i++)
			for (size_t j = 0; j < texts[i].nsp; j++) {
				if (strcmp(texts[i].sp[j].type, "health"))
					continue;
				gold++;
				bool c = false, r = false;
				for (size_t k = 0; k < texts[i].nh; k++)
					if (texts[i].hf[k].s < texts[i].sp[j].e && texts[i].sp[j].s < texts[i].hf[k].e)
						c = true, r |= texts[i].hrule[k];
				cand += c;
				rule += r;
				if (!c)
					fprintf(stderr, "not a candidate: %.*s | %s\n", (int)(texts[i].sp[j].e - texts[i].sp[j].s),
					        texts[i].t + texts[i].sp[j].s, texts[i].t);
			}
		fprintf(stderr, "health spans %zu, with a candidate word %zu, found by the rules %zu\n", gold, cand, rule);
	}
	int32_t *w = malloc(SCAN_MODEL_SIZE * sizeof *w);
	int32_t *hw = malloc(SCAN_MODEL_SIZE * sizeof *hw);
	int32_t best_t = 2000, best_ht = 4000;
	if (folds) {
		struct score rules = {0}, tagged[NTH];
		memset(tagged, 0, sizeof tagged);
		for (int f = 0; f < folds; f++) {
			train(w, f, folds, false);
			for (size_t i = (size_t)f; i < ntexts; i += (size_t)folds) {
				scan_model_use(NULL, 0);
				score_text(&texts[i], &rules);
				for (size_t t = 0; t < NTH; t++) {
					scan_model_use(w, thresholds[t]);
					size_t fp0 = tagged[t].fp;
					score_text(&texts[i], &tagged[t]);
					if (getenv("SCAN_TRAIN_SHOW") && t == NTH - 1 && tagged[t].fp > fp0)
						fprintf(stderr, "new false alarm: %s\n", texts[i].t);
				}
			}
		}
		printf("%d-fold cross-validation on %zu texts (each fold scored by a model that did not see it)\n",
		       folds, ntexts);
		print_score("rules only", &rules);
		double best = -1;
		for (size_t t = 0; t < NTH; t++) {
			char what[64];
			snprintf(what, sizeof what, "rules + tagger (t=%d)", (int)thresholds[t]);
			print_score(what, &tagged[t]);
			/* post-level F1 first: what a writer meets; names F1 breaks ties */
			double pp = (double)tagged[t].tp / (double)(tagged[t].tp + tagged[t].fp + 1e-9);
			double pr = (double)tagged[t].tp / (double)(tagged[t].tp + tagged[t].fn + 1e-9);
			double np = (double)tagged[t].tp_p / (double)(tagged[t].n_p + 1e-9);
			double nr = (double)tagged[t].tp_g / (double)(tagged[t].n_g + 1e-9);
			double sc = 2 * pp * pr / (pp + pr + 1e-9) + 0.01 * (2 * np * nr / (np + nr + 1e-9));
			if (sc > best) {
				best = sc;
				best_t = thresholds[t];
			}
		}
		printf("chosen threshold: %d\n", (int)best_t);
		/* the health model, on top of the names at the chosen threshold */
		struct score names = {0}, health[NHT];
		memset(health, 0, sizeof health);
		for (int f = 0; f < folds; f++) {
			train(w, f, folds, false);
			scan_model_use(w, best_t);
			collect_health();
			train(hw, f, folds, true);
			for (size_t i = (size_t)f; i < ntexts; i += (size_t)folds) {
				scan_health_model_use(NULL, 0, 0);
				score_text(&texts[i], &names);
				for (size_t t = 0; t < NHT; t++) {
					scan_health_model_use(hw, hthresholds[t], hlow(hthresholds[t]));
					size_t fp0 = health[t].fp, fn0 = health[t].fn;
					score_text(&texts[i], &health[t]);
					if (getenv("SCAN_TRAIN_SHOW") && t == NHT - 1 && (health[t].fp > fp0 || health[t].fn > fn0))
						fprintf(stderr, "health %s: %s\n", health[t].fp > fp0 ? "fp" : "fn", texts[i].t);
				}
			}
		}
		print_score("rules + names", &names);
		best = -1;
		for (size_t t = 0; t < NHT; t++) {
			char what[64];
			snprintf(what, sizeof what, "+ health model (t=%d)", (int)hthresholds[t]);
			print_score(what, &health[t]);
			/* post-level F1 first; health F1 (the class the rules miss) weighs a tenth */
			double pp = (double)health[t].tp / (double)(health[t].tp + health[t].fp + 1e-9);
			double pr = (double)health[t].tp / (double)(health[t].tp + health[t].fn + 1e-9);
			double hp = (double)health[t].h_tp_p / (double)(health[t].h_n_p + 1e-9);
			double hr = (double)health[t].h_tp_g / (double)(health[t].h_n_g + 1e-9);
			double sc = 2 * pp * pr / (pp + pr + 1e-9) + 0.1 * (2 * hp * hr / (hp + hr + 1e-9));
			if (sc > best) {
				best = sc;
				best_ht = hthresholds[t];
			}
		}
		printf("chosen health threshold: %d\n", (int)best_ht);
		scan_model_use(NULL, 0);
		scan_health_model_use(NULL, 0, 0);
	}
	train(w, -1, 1, false);
	scan_model_use(w, best_t);
	collect_health();
	scan_model_use(NULL, 0);
	train(hw, -1, 1, true);
	FILE *out = fopen(outp, "w");
	if (!out) {
		perror(outp);
		return 1;
	}
	fprintf(out, "threshold %d %d\n", (int)best_t, (int)(-3 * best_t));
	size_t nz = 0;
	for (size_t i = 0; i < SCAN_MODEL_SIZE; i++)
		if (w[i]) {
			fprintf(out, "%zu %d\n", i, (int)w[i]);
			nz++;
		}
	fprintf(out, "health %d %d\n", (int)best_ht, (int)hlow(best_ht));
	size_t hnz = 0;
	for (size_t i = 0; i < SCAN_MODEL_SIZE; i++)
		if (hw[i]) {
			fprintf(out, "%zu %d\n", i, (int)hw[i]);
			hnz++;
		}
	if (fclose(out)) {
		perror(outp);
		return 1;
	}
	fprintf(stderr, "scan_train: %zu texts, %zu + %zu (health) nonzero weights -> %s\n", ntexts, nz, hnz, outp);
	return 0;
}
