/*
 * Dutch sentiment and urgency (see sentiment.h and docs/webcare.md).
 *
 * Two tables, both compiled in: the packaged lexicon (stem -> score) and
 * kring's care file (surface words and phrases, "*" = prefix, by section).
 * One pass over the tokens: a care entry starting at a token wins (longest
 * first), else the token's stem is looked up in the lexicon.
 */
#include <libstemmer.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/embed.h"
#include "base/err.h"
#include "base/mem.h"
#include "scan/sentiment.h"

#define LEXICON_FILE "build/sentiment_lexicon.txt"
/* The learned urgency model (tools/sentiment_train.c, trained at build time on
 * tests/data/sentiment_dev.jsonl); absent in the training tool's own build. */
#define MODEL_FILE "build/sentiment_model.txt"
#define CARE_FILE "src/scan/lists/sentiment_care.txt"

enum kind { K_WORD, K_NEGATOR, K_INTENS, K_DIMIN, K_CONTRAST, K_URGENT, K_NOTURGENT, K_SARCASM, K_GRIPE,
            K_PAIR_A, K_PAIR_B, K_NEAR_A, K_NEAR_B, K_NEAR_C, K_DEFUSE, K_CLASSES };
enum { MAX_PAIRS = 64, MAX_CLASSES = 48, CLASS_DEPTH = 3 };
/* urgent-near rules: both halves within this many tokens (punctuation counts) */
enum { NEAR_WINDOW = 10 };
enum { MAXT = 6, TOKMAX = 48, HASHBITS = 14 };

struct centry {              /* one line of the care file */
	uint32_t tok[MAXT];      /* offsets into pool */
	uint8_t len[MAXT];
	uint8_t ntok, prefix;    /* prefix: bit k = token k matches as a prefix */
	bool suffix;             /* a one-word entry "*mes": any word ending so ("keukenmes") */
	uint8_t kind;
	float val;
	int32_t next;            /* next entry with the same first-token key */
};

struct slot {                /* hash slot: a key string and what hangs off it */
	uint32_t key, klen;      /* offset into pool; klen 0 = empty */
	float lex;               /* lexicon score (0 = none) */
	int32_t exact, prefix;   /* care entries whose first token is / starts with this key */
};

static char *pool;
static size_t pool_len, pool_cap;
static struct slot table[1u << HASHBITS];
static struct centry *ents;
static size_t nents, cap_ents;
static uint32_t prefix_lens;
static uint32_t suffix_lens;  /* bit L set: some entry is a suffix of length L (keyed "*" + suffix) */
static unsigned npairs, nnear; /* pair rules and near rules so far (each at most MAX_PAIRS) */
/* word classes ("@person = vader | moeder | client*"): their alternatives, as text of the embedded file */
static struct { char name[24]; const char *p, *e; } classes[MAX_CLASSES];
static unsigned nclasses;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_rc;
/* logistic regression over hashed features (sentiment_features) */
static float model_w[1u << SENT_MODEL_BITS];
static float model_bias;
static double model_threshold = 2;   /* > 1: no model, the rules alone */
/* the label model: a multinomial logistic regression over the same features,
 * neg/neu/pos; it overrides the lexicon's label when its best class has at
 * least model_sconf (> 1: never) */
static float model_s[3][1u << SENT_MODEL_BITS];
static float model_sbias[3];
static double model_sconf = 2;

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static uint32_t pool_add(const char *s, size_t n)
{
	if (pool_len + n + 1 > pool_cap) {
		pool_cap = pool_cap ? pool_cap * 2 : 65536;
		while (pool_len + n + 1 > pool_cap)
			pool_cap *= 2;
		pool = xrealloc(pool, pool_cap);
	}
	memcpy(pool + pool_len, s, n);
	pool[pool_len + n] = '\0';
	uint32_t off = (uint32_t)pool_len;
	pool_len += n + 1;
	return off;
}

/* The slot for key (found or, with create, made); NULL when absent or full. */
static struct slot *lookup(const char *s, size_t n, bool create)
{
	if (n == 0 || n > 255)
		return NULL;
	uint32_t mask = (1u << HASHBITS) - 1;
	for (uint32_t h = hash(s, n) & mask, k = 0; k <= mask; h = (h + 1) & mask, k++) {
		struct slot *sl = &table[h];
		if (sl->klen == 0) {
			if (!create)
				return NULL;
			sl->key = pool_add(s, n);
			sl->klen = (uint32_t)n;
			sl->exact = sl->prefix = -1;
			return sl;
		}
		if (sl->klen == n && memcmp(pool + sl->key, s, n) == 0)
			return sl;
	}
	return NULL;
}

static int load_lexicon(void)
{
	const struct embed_file *f = embed_get(LEXICON_FILE);
	if (!f)
		return ERR_NOTFOUND;
	const char *p = (const char *)f->data, *end = p + f->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		const char *tab = memchr(p, '\t', (size_t)(e - p));
		if (*p != '#' && tab) {
			struct slot *sl = lookup(p, (size_t)(tab - p), true);
			if (!sl)
				return ERR_TOOBIG;
			sl->lex = strtof(tab + 1, NULL);
		}
		p = e + 1;
	}
	return 0;
}

static const struct {
	const char *name;
	enum kind kind;
} sections[] = {
	{"words", K_WORD}, {"negators", K_NEGATOR}, {"intensifiers", K_INTENS},
	{"diminishers", K_DIMIN}, {"contrast", K_CONTRAST}, {"urgent", K_URGENT},
	{"not-urgent", K_NOTURGENT}, {"sarcasm", K_SARCASM}, {"gripes", K_GRIPE}, {"urgent-pairs", K_PAIR_A},
	{"urgent-near", K_NEAR_A}, {"urgent-defuse", K_DEFUSE}, {"classes", K_CLASSES},
};

/* One care line: tokens separated by spaces, then an optional number (pairs: val is the rule). */
static int care_line(const char *p, const char *e, enum kind kind, float val)
{
	struct centry c = {.kind = (uint8_t)kind, .val = val, .next = -1};
	while (p < e) {
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		const char *s = p;
		while (p < e && *p != ' ' && *p != '\t')
			p++;
		if (p == s)
			break;
		if ((*s >= '0' && *s <= '9') || ((*s == '-' || *s == '+') && p - s > 1 && s[1] >= '0' && s[1] <= '9')) {
			/* a number: the value, unless it is a word-like token such as 113 */
			char num[16];
			size_t k = (size_t)(p - s) < sizeof num - 1 ? (size_t)(p - s) : sizeof num - 1;
			memcpy(num, s, k);
			num[k] = '\0';
			if (strchr(num, '.') || *s == '-' || *s == '+') {
				c.val = strtof(num, NULL);
				continue;
			}
		}
		if (c.ntok == MAXT || p - s > TOKMAX)
			return ERR_INVAL;
		size_t n = (size_t)(p - s);
		if (*s == '*') {
			/* "*mes": a Dutch compound's head ("keukenmes", "badkamervloer");
			 * one word alone, 3..31 letters, keyed "*mes" */
			if (c.ntok || n < 4 || n > 32 || s[n - 1] == '*')
				return ERR_INVAL;
			c.suffix = true;
			c.tok[0] = pool_add(s, n);
			c.len[0] = (uint8_t)n;
			c.ntok = 1;
			continue;
		}
		if (s[n - 1] == '*') {
			c.prefix |= (uint8_t)(1u << c.ntok);
			n--;
		}
		c.tok[c.ntok] = pool_add(s, n);
		c.len[c.ntok] = (uint8_t)n;
		c.ntok++;
	}
	if (c.ntok == 0)
		return 0;
	if (c.suffix && c.ntok != 1)
		return ERR_INVAL;
	bool pre = c.prefix & 1;
	if (pre && (c.len[0] < 3 || c.len[0] > 31))
		return ERR_INVAL;
	char first[TOKMAX + 1];
	memcpy(first, pool + c.tok[0], c.len[0]);
	struct slot *sl = lookup(first, c.len[0], true);
	if (!sl)
		return ERR_TOOBIG;
	if (nents == cap_ents) {
		cap_ents = cap_ents ? cap_ents * 2 : 512;
		ents = xrealloc(ents, cap_ents * sizeof *ents);
	}
	/* longest entries first in each chain, so the first match is the longest */
	int32_t *link = pre ? &sl->prefix : &sl->exact;
	while (*link >= 0 && ents[*link].ntok >= c.ntok)
		link = &ents[*link].next;
	c.next = *link;
	ents[nents] = c;
	*link = (int32_t)nents++;
	if (pre)
		prefix_lens |= 1u << c.len[0];
	if (c.suffix)
		suffix_lens |= 1u << (c.len[0] - 1);
	return 0;
}

/*
 * Alternatives "a | b c | @class" of one half of a rule, each a care entry of
 * kind with val = the rule's number.  A class expands to its own alternatives
 * (classes may name classes, CLASS_DEPTH deep).
 */
static int rule_alts(const char *p, const char *e, enum kind kind, unsigned rule, int depth)
{
	while (p < e) {
		const char *bar = memchr(p, '|', (size_t)(e - p));
		const char *alt_end = bar ? bar : e;
		const char *s = p;
		while (s < alt_end && (*s == ' ' || *s == '\t'))
			s++;
		const char *t = alt_end;
		while (t > s && (t[-1] == ' ' || t[-1] == '\t'))
			t--;
		int rc = 0;
		if (t > s && *s == '@') {
			unsigned k = 0;
			while (k < nclasses && !(strlen(classes[k].name) == (size_t)(t - s) &&
			                         memcmp(classes[k].name, s, (size_t)(t - s)) == 0))
				k++;
			if (k == nclasses || depth >= CLASS_DEPTH)
				return ERR_INVAL;   /* unknown class, or classes naming each other in a circle */
			rc = rule_alts(classes[k].p, classes[k].e, kind, rule, depth + 1);
		} else if (t > s) {
			rc = care_line(s, t, kind, (float)rule);
		}
		if (rc)
			return rc;
		p = alt_end + 1;
	}
	return 0;
}

/*
 * A pair rule "A + B" (one of A and one of B anywhere in the message) or a
 * near rule "A + B [- C]" (one of A and one of B within NEAR_WINDOW tokens,
 * and none of C in the message).
 */
static int rule_line(const char *p, const char *e, bool pair)
{
	unsigned *n = pair ? &npairs : &nnear;
	if (*n == MAX_PAIRS)
		return ERR_TOOBIG;
	const char *plus = memchr(p, '+', (size_t)(e - p));
	if (!plus)
		return ERR_INVAL;
	const char *minus = NULL;
	for (const char *q = plus; q + 2 < e && !minus; q++)
		if (q[0] == ' ' && q[1] == '-' && q[2] == ' ')
			minus = q + 1;
	if (minus && pair)
		return ERR_INVAL;
	const char *b_end = minus ? minus : e;
	int rc = rule_alts(p, plus, pair ? K_PAIR_A : K_NEAR_A, *n, 0);
	if (!rc)
		rc = rule_alts(plus + 1, b_end, pair ? K_PAIR_B : K_NEAR_B, *n, 0);
	if (!rc && minus)
		rc = rule_alts(minus + 1, e, K_NEAR_C, *n, 0);
	if (!rc)
		(*n)++;
	return rc;
}

static int load_care(void)
{
	const struct embed_file *f = embed_get(CARE_FILE);
	if (!f)
		return ERR_NOTFOUND;
	const char *p = (const char *)f->data, *end = p + f->len;
	int kind = -1;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		const char *hash_ = memchr(p, '#', (size_t)(e - p));
		const char *ce = hash_ ? hash_ : e;
		if (*p == '[') {
			kind = -1;
			for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
				size_t k = strlen(sections[i].name);
				if ((size_t)(ce - p) >= k + 2 && memcmp(p + 1, sections[i].name, k) == 0 && p[k + 1] == ']')
					kind = (int)sections[i].kind;
			}
			if (kind < 0)
				return ERR_INVAL;
		} else if (ce > p && kind == K_CLASSES) {
			/* "@name = a | b c | d*": a word class for pair and near rules */
			const char *eq = memchr(p, '=', (size_t)(ce - p));
			const char *n0 = p, *n1 = eq;
			while (n1 && n1 > n0 && (n1[-1] == ' ' || n1[-1] == '\t'))
				n1--;
			if (!eq || *n0 != '@' || n1 - n0 < 2 || (size_t)(n1 - n0) >= sizeof classes[0].name)
				return ERR_INVAL;
			if (nclasses == MAX_CLASSES)
				return ERR_TOOBIG;
			memcpy(classes[nclasses].name, n0, (size_t)(n1 - n0));
			classes[nclasses].name[n1 - n0] = '\0';
			classes[nclasses].p = eq + 1;
			classes[nclasses].e = ce;
			nclasses++;
		} else if (ce > p && (kind == K_PAIR_A || kind == K_NEAR_A)) {
			int rc = rule_line(p, ce, kind == K_PAIR_A);
			if (rc)
				return rc;
		} else if (ce > p) {
			if (kind < 0)
				return ERR_INVAL;
			int rc = care_line(p, ce, (enum kind)kind, 1.0f);
			if (rc)
				return rc;
		}
		p = e + 1;
	}
	return 0;
}

/* "bias B", "threshold T", then "index<TAB>weight" lines; no file: no model. */
static int load_model(void)
{
	const struct embed_file *f = embed_get(MODEL_FILE);
	if (!f)
		return 0;
	const char *p = (const char *)f->data, *end = p + f->len;
	double thr = 2, sconf = 2;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		char line[96];
		size_t n = (size_t)(e - p) < sizeof line - 1 ? (size_t)(e - p) : sizeof line - 1;
		memcpy(line, p, n);
		line[n] = 0;
		char *tab = strchr(line, '\t');
		if (!strncmp(line, "bias\t", 5))
			model_bias = strtof(line + 5, NULL);
		else if (!strncmp(line, "threshold\t", 10))
			thr = strtod(line + 10, NULL);
		else if (!strncmp(line, "sconf\t", 6))
			sconf = strtod(line + 6, NULL);
		else if (!strncmp(line, "sbias\t", 6)) {
			char *q = line + 6;
			for (int c = 0; c < 3; c++)
				model_sbias[c] = strtof(q, &q);
		} else if (!strncmp(line, "s\t", 2)) {
			char *q;
			unsigned long ix = strtoul(line + 2, &q, 10);
			if (ix >= (1u << SENT_MODEL_BITS))
				return ERR_INVAL;
			for (int c = 0; c < 3; c++)
				model_s[c][ix] = strtof(q, &q);
		}
		else if (line[0] >= '0' && line[0] <= '9' && tab) {
			unsigned long ix = strtoul(line, NULL, 10);
			if (ix >= (1u << SENT_MODEL_BITS))
				return ERR_INVAL;
			model_w[ix] = strtof(tab + 1, NULL);
		}
		p = e + 1;
	}
	model_threshold = thr;
	model_sconf = sconf;
	return 0;
}

/* One stemmer per thread (they are not thread-safe), freed when the thread ends. */
static pthread_key_t stemmer_key;

static void stemmer_free(void *p)
{
	sb_stemmer_delete(p);
}

static void init_run(void)
{
	if (pthread_key_create(&stemmer_key, stemmer_free) != 0) {
		init_rc = ERR_INVAL;
		return;
	}
	init_rc = load_lexicon();
	if (!init_rc)
		init_rc = load_care();
	if (!init_rc)
		init_rc = load_model();
}

int sentiment_init(void)
{
	pthread_once(&init_once, init_run);
	return init_rc;
}

const char *sentiment_label_name(enum sent_label l)
{
	switch (l) {
	case SENT_NEG: return "neg";
	case SENT_NEU: return "neu";
	case SENT_POS: return "pos";
	default: return "unsure";
	}
}

/* ------------------------------------------------------------ tokens */

enum ttype { T_WORD, T_NUM, T_EMOJI, T_END, T_EXCL, T_QUEST };

struct tok {
	uint32_t off;        /* into the folded-text buffer */
	uint8_t len, type;
	uint8_t elongated;   /* a letter repeated 3+ times ("superrr") */
	float emo;           /* emoji value */
	bool sarcastic;      /* emoji that turns praise around */
};

static const struct {
	uint32_t cp;
	float val;
	bool sarc;
} emojis[] = {
	{0x2639, -0.6f, 0}, {0x263A, 0.6f, 0}, {0x2764, 0.7f, 0}, {0x2705, 0.3f, 0}, {0x274C, -0.4f, 0},
	{0x2B50, 0.5f, 0},  {0x1F389, 0.6f, 0}, {0x1F37E, 0.5f, 0}, {0x1F44C, 0.5f, 0}, {0x1F44D, 0.6f, 0},
	{0x1F44E, -0.7f, 0}, {0x1F44F, 0.6f, 0}, {0x1F490, 0.6f, 0}, {0x1F493, 0.7f, 0}, {0x1F495, 0.7f, 0},
	{0x1F496, 0.7f, 0}, {0x1F497, 0.7f, 0}, {0x1F499, 0.7f, 0}, {0x1F49A, 0.7f, 0}, {0x1F49B, 0.7f, 0},
	{0x1F49C, 0.7f, 0}, {0x1F494, -0.7f, 0}, {0x1F4AA, 0.5f, 0}, {0x1F525, 0.3f, 0}, {0x1F600, 0.6f, 0},
	{0x1F601, 0.6f, 0}, {0x1F602, 0.2f, 0}, {0x1F603, 0.6f, 0}, {0x1F604, 0.6f, 0}, {0x1F605, 0.1f, 0},
	{0x1F606, 0.5f, 0}, {0x1F609, 0.4f, 0}, {0x1F60A, 0.7f, 0}, {0x1F60D, 0.8f, 0}, {0x1F60E, 0.4f, 0},
	{0x1F60F, 0.0f, 1}, {0x1F610, -0.1f, 0}, {0x1F611, -0.3f, 0}, {0x1F612, -0.5f, 1}, {0x1F613, -0.3f, 0},
	{0x1F614, -0.5f, 0}, {0x1F615, -0.4f, 0}, {0x1F616, -0.6f, 0}, {0x1F618, 0.7f, 0}, {0x1F61E, -0.6f, 0},
	{0x1F61F, -0.5f, 0}, {0x1F620, -0.8f, 0}, {0x1F621, -0.9f, 0}, {0x1F622, -0.6f, 0}, {0x1F623, -0.6f, 0},
	{0x1F624, -0.7f, 0}, {0x1F625, -0.5f, 0}, {0x1F628, -0.6f, 0}, {0x1F629, -0.7f, 0}, {0x1F62B, -0.7f, 0},
	{0x1F62D, -0.7f, 0}, {0x1F630, -0.6f, 0}, {0x1F631, -0.6f, 0}, {0x1F633, -0.2f, 0}, {0x1F637, -0.3f, 0},
	{0x1F641, -0.5f, 0}, {0x1F642, 0.5f, 0}, {0x1F643, 0.0f, 1}, {0x1F644, -0.6f, 1}, {0x1F64F, 0.5f, 0},
	{0x1F917, 0.7f, 0}, {0x1F920, 0.4f, 0}, {0x1F921, -0.5f, 1}, {0x1F922, -0.7f, 0}, {0x1F923, 0.3f, 0},
	{0x1F924, -0.2f, 0}, {0x1F925, -0.4f, 0}, {0x1F92C, -0.9f, 0}, {0x1F92E, -0.8f, 0}, {0x1F970, 0.8f, 0},
	{0x1F972, 0.2f, 0}, {0x1F973, 0.7f, 0}, {0x1F974, -0.3f, 0}, {0x1F97A, -0.2f, 0}, {0x1F9E1, 0.7f, 0},
	{0x1F90D, 0.7f, 0}, {0x1F90E, 0.7f, 0}, {0x1F5A4, 0.3f, 0}, {0x1F339, 0.6f, 0}, {0x1F337, 0.6f, 0},
	{0x1F338, 0.5f, 0}, {0x1F31E, 0.5f, 0}, {0x1F31F, 0.5f, 0}, {0x2728, 0.4f, 0}, {0x1F3C6, 0.6f, 0},
	{0x1F926, -0.6f, 0}, {0x1F937, -0.2f, 0}, {0x1F4A9, -0.7f, 0}, {0x1F480, -0.3f, 0},
};

static bool emoji_find(uint32_t cp, struct tok *t)
{
	for (size_t i = 0; i < sizeof emojis / sizeof emojis[0]; i++)
		if (emojis[i].cp == cp) {
			t->emo = emojis[i].val;
			t->sarcastic = emojis[i].sarc;
			return true;
		}
	return false;
}

/* Decode one UTF-8 sequence at s (n bytes left): code point and length, or length 1 and cp 0xFFFD. */
static uint32_t utf8_cp(const unsigned char *s, size_t n, size_t *len)
{
	unsigned c = s[0];
	size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
	if (need == 0 || need > n) {
		*len = 1;
		return 0xFFFD;
	}
	uint32_t cp = c & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*len = 1;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	*len = need;
	return cp;
}

/* A Latin-1 letter folded to lower-case ASCII (é -> e, Ü -> u), or 0. */
static char fold_latin1(uint32_t cp)
{
	static const char map[] = /* U+00C0 .. U+00FF */
		"aaaaaaaceeeeiiii" "dnooooo\0ouuuuyts" "aaaaaaaceeeeiiii" "dnooooo\0ouuuuyty";
	return cp >= 0xC0 && cp <= 0xFF ? map[cp - 0xC0] : 0;
}

struct toks {
	struct tok *v;
	size_t n, cap;
	char *text;          /* folded words, each NUL-terminated */
	size_t tlen, tcap;
	unsigned excl, quest;
};

static void push_tok(struct toks *T, struct tok t)
{
	if (T->n < T->cap)
		T->v[T->n++] = t;
}

static void tokenize(struct toks *T, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		bool digit = c >= '0' && c <= '9';
		size_t k = 1;
		uint32_t cp = c < 0x80 ? c : utf8_cp(s + i, len - i, &k);
		char f = c >= 0x80 ? fold_latin1(cp) : 0;
		if (alpha || digit || f) {
			/* a word: letters (folded), digits, and an apostrophe inside ("auto's") */
			struct tok t = {.off = (uint32_t)T->tlen, .type = digit ? T_NUM : T_WORD};
			char prev = 0;
			unsigned run = 0;
			size_t w = 0;
			uint64_t dup = 0;   /* second letters of runs of three or more ("superrr") */
			while (i < len) {
				c = s[i];
				k = 1;
				char ch;
				if (c >= 'A' && c <= 'Z')
					ch = (char)(c + 32);
				else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
					ch = (char)c;
				else if (c >= 0x80 && (ch = fold_latin1(utf8_cp(s + i, len - i, &k))) != 0)
					;
				else if ((c == '\'' || c == '-') && i + 1 < len && ((s[i + 1] | 32) >= 'a' && (s[i + 1] | 32) <= 'z') && w)
					ch = c == '-' ? 0 : '\'';
				else
					break;
				i += k;
				if (ch == 0)
					break; /* a hyphen ends the word: "zorg-medewerker" is two */
				if (ch == prev) {
					if (++run >= 2) {
						t.elongated = 1;
						if (w && w - 1 < 64)
							dup |= 1ull << (w - 1);
						continue; /* keep at most two of a letter */
					}
				} else
					run = 0;
				prev = ch;
				if (w < TOKMAX && T->tlen + 1 < T->tcap)
					T->text[T->tlen + w++] = ch;
			}
			if (w && t.elongated && !lookup(T->text + T->tlen, w, false)) {
				/* "heeeel" is "heel", but "superrr" is "super": keep one when two is no word */
				size_t o = 0;
				for (size_t q = 0; q < w; q++)
					if (!(q < 64 && (dup >> q & 1)))
						T->text[T->tlen + o++] = T->text[T->tlen + q];
				w = o;
			}
			if (w && T->tlen + w + 1 <= T->tcap) {
				T->text[T->tlen + w] = '\0';
				t.len = (uint8_t)w;
				T->tlen += w + 1;
				push_tok(T, t);
			}
			continue;
		}
		i += k;
		if (c == '.' || c == ';' || c == ':' || c == ',' || c == '\n' || c == '(' || c == ')') {
			/* emoticons :) :( ;) :D :-) */
			if ((c == ':' || c == ';') && i < len) {
				size_t j = i;
				if (j < len && s[j] == '-')
					j++;
				if (j < len && (s[j] == ')' || s[j] == 'D' || s[j] == '(' || s[j] == '/' || s[j] == 'P' || s[j] == 'p')) {
					struct tok t = {.type = T_EMOJI};
					t.emo = s[j] == '(' ? -0.6f : s[j] == '/' ? -0.3f : c == ';' ? 0.3f : 0.6f;
					push_tok(T, t);
					i = j + 1;
					continue;
				}
			}
			push_tok(T, (struct tok){.type = T_END});
		} else if (c == '<' && i < len && s[i] == '3') {
			push_tok(T, (struct tok){.type = T_EMOJI, .emo = 0.7f});
			i++;
		} else if (c == '!') {
			T->excl++;
			push_tok(T, (struct tok){.type = T_EXCL});
		} else if (c == '?') {
			T->quest++;
			push_tok(T, (struct tok){.type = T_QUEST});
		} else if (cp >= 0x2600) {
			struct tok t = {.type = T_EMOJI};
			if (emoji_find(cp, &t))
				push_tok(T, t);
		}
	}
}

/* ------------------------------------------------------------ scoring */


/* Does care entry e match at token i? */
static bool entry_matches(const struct toks *T, size_t i, const struct centry *e)
{
	if (i + e->ntok > T->n)
		return false;
	for (size_t k = 0; k < e->ntok; k++) {
		const struct tok *t = &T->v[i + k];
		if (t->type > T_NUM)
			return false;
		const char *w = T->text + t->off;
		if (e->suffix) {
			/* the pool holds "*mes": match the word's last letters */
			size_t L = e->len[0] - 1u;
			if (t->len < L || memcmp(w + t->len - L, pool + e->tok[0] + 1, L) != 0)
				return false;
			continue;
		}
		if (e->prefix & (1u << k)) {
			if (t->len < e->len[k] || memcmp(w, pool + e->tok[k], e->len[k]) != 0)
				return false;
		} else if (t->len != e->len[k] || memcmp(w, pool + e->tok[k], e->len[k]) != 0)
			return false;
	}
	return true;
}

/*
 * The longest care entry of a kind in mask that starts at token i.  Exact
 * first-token entries come before prefix ones of the same length.
 */
static const struct centry *care_at(const struct toks *T, size_t i, unsigned mask)
{
	const struct tok *t = &T->v[i];
	const char *w = T->text + t->off;
	const struct centry *best = NULL;
	bool best_exact = false;
	struct slot *sl = lookup(w, t->len, false);
	for (int32_t e = sl ? sl->exact : -1; e >= 0; e = ents[e].next)
		if ((mask >> ents[e].kind & 1) && entry_matches(T, i, &ents[e])) {
			best = &ents[e];
			best_exact = true;
			break;
		}
	/* prefixes from short to long, the whole word last ("klacht*" on "klacht"):
	 * more words win, then an exact first word, then the longer prefix */
	unsigned top = t->len < 31 ? t->len : 31;
	for (unsigned L = 3; L <= top; L++) {
		if (!(prefix_lens >> L & 1))
			continue;
		struct slot *ps = L == t->len ? sl : lookup(w, L, false);
		for (int32_t e = ps ? ps->prefix : -1; e >= 0; e = ents[e].next)
			if ((mask >> ents[e].kind & 1) && entry_matches(T, i, &ents[e])) {
				if (!best || ents[e].ntok > best->ntok || (ents[e].ntok == best->ntok && !best_exact)) {
					best = &ents[e];
					best_exact = false;
				}
				break;
			}
	}
	return best;
}

/*
 * Every pair and near rule (bit = rule) with an entry starting at token i:
 * m[k - K_PAIR_A] for the kinds K_PAIR_A .. K_NEAR_C.
 */
enum { NRULEKINDS = K_NEAR_C - K_PAIR_A + 1 };

static void rule_masks(const struct toks *T, size_t i, uint64_t m[NRULEKINDS])
{
	const struct tok *t = &T->v[i];
	const char *w = T->text + t->off;
	for (int k = 0; k < NRULEKINDS; k++)
		m[k] = 0;
	struct slot *sl = lookup(w, t->len, false);
	for (int32_t e = sl ? sl->exact : -1; e >= 0; e = ents[e].next)
		if (ents[e].kind >= K_PAIR_A && ents[e].kind <= K_NEAR_C && entry_matches(T, i, &ents[e]))
			m[ents[e].kind - K_PAIR_A] |= 1ull << (unsigned)ents[e].val;
	unsigned top = t->len < 31 ? t->len : 31;
	for (unsigned L = 3; L <= top; L++) {
		if (!(prefix_lens >> L & 1))
			continue;
		struct slot *ps = L == t->len ? sl : lookup(w, L, false);
		for (int32_t e = ps ? ps->prefix : -1; e >= 0; e = ents[e].next)
			if (ents[e].kind >= K_PAIR_A && ents[e].kind <= K_NEAR_C && entry_matches(T, i, &ents[e]))
				m[ents[e].kind - K_PAIR_A] |= 1ull << (unsigned)ents[e].val;
	}
	/* compounds: "*mes" on "keukenmes" (the word itself is in the class on its own) */
	for (unsigned L = 3; L < t->len && L <= 31; L++) {
		if (!(suffix_lens >> L & 1))
			continue;
		char key[33];
		key[0] = '*';
		memcpy(key + 1, w + t->len - L, L);
		struct slot *xs = lookup(key, L + 1, false);
		for (int32_t e = xs ? xs->exact : -1; e >= 0; e = ents[e].next)
			if (ents[e].kind >= K_PAIR_A && ents[e].kind <= K_NEAR_C && entry_matches(T, i, &ents[e]))
				m[ents[e].kind - K_PAIR_A] |= 1ull << (unsigned)ents[e].val;
	}
}

/* The Snowball-Dutch stem of word token i (*n bytes), or NULL. */
static const char *stem_of(const struct toks *T, size_t i, size_t *n)
{
	const struct tok *t = &T->v[i];
	const char *w = T->text + t->off;
	struct sb_stemmer *stemmer = pthread_getspecific(stemmer_key);
	if (!stemmer) {
		stemmer = sb_stemmer_new("dutch", "UTF_8");
		if (!stemmer || pthread_setspecific(stemmer_key, stemmer) != 0) {
			if (stemmer)
				sb_stemmer_delete(stemmer);
			return NULL;
		}
	}
	const sb_symbol *st = sb_stemmer_stem(stemmer, (const sb_symbol *)w, t->len);
	if (!st)
		return NULL;
	*n = (size_t)sb_stemmer_length(stemmer);
	return (const char *)st;
}

static float lexicon_score(const struct toks *T, size_t i)
{
	const struct tok *t = &T->v[i];
	if (t->type != T_WORD || t->len < 3)
		return 0;
	size_t n;
	const char *st = stem_of(T, i, &n);
	if (!st)
		return 0;
	struct slot *sl = lookup(st, n, false);
	return sl ? sl->lex : 0;
}

/* The sentiment of the word at j on its own: care entry, else lexicon. */
static double word_value(const struct toks *T, size_t j)
{
	const struct centry *c = care_at(T, j, 1u << K_WORD);
	return c ? c->val : lexicon_score(T, j);
}

/*
 * An intensifier that is also a word of its own ("vreselijk", "super") with no
 * sentiment word right after it: *v = its own value.
 */
static bool own_value(const struct toks *T, size_t i, size_t span, double *v)
{
	const struct centry *wv = care_at(T, i, 1u << K_WORD);
	if (!wv || wv->ntok != span || wv->val == 0)
		return false;
	size_t j = i + span;
	if (j < T->n && T->v[j].type <= T_NUM && word_value(T, j) != 0)
		return false;
	*v = wv->val;
	return true;
}

#define SENT_MASK ((1u << K_WORD) | (1u << K_NEGATOR) | (1u << K_INTENS) | (1u << K_DIMIN) | \
                   (1u << K_CONTRAST) | (1u << K_SARCASM))
#define URG_MASK ((1u << K_URGENT) | (1u << K_NOTURGENT) | (1u << K_DEFUSE))

struct contrib { double v; size_t at; bool negated; };

struct state {
	double pos, neg;
	double clause_lex_pos, clause_lex_neg;   /* the packaged lexicon's share of this clause */
	struct contrib last;
	size_t clause;                           /* index of the clause's first token */
	size_t neg_left, neg_at;                 /* open negation: words left in its scope */
	bool neg_used;
	double neg_pen;                          /* what a negator that turned nothing costs */
	struct buf *trace;
	const struct toks *T;
};

static void trace(struct state *S, size_t i, const char *what, double v)
{
	if (!S->trace)
		return;
	const char *w = i < S->T->n && S->T->v[i].type <= T_NUM ? S->T->text + S->T->v[i].off : "";
	IGNORE_RESULT(buf_addf(S->trace, "%s%s%s(%+.2f) ", w, *w ? ":" : "", what, v));
}

/*
 * A negator whose scope held no sentiment word turns the one just before it
 * ("ze reageren niet", "helpt niet"): Dutch puts "niet" after the verb.  With
 * nothing to turn, a strong negator is a complaint on its own ("niemand
 * heeft ons verteld", "nooit een bevestiging gekregen").
 */
static void negation_ends(struct state *S)
{
	struct contrib *last = &S->last;
	if (S->neg_used)
		return;
	/* only praise is turned back: "kortaf en luisterde niet" stays a complaint */
	if (!last->negated && last->v > 0 && last->at >= S->clause && last->at < S->neg_at &&
	    S->neg_at - last->at <= 2) {
		S->pos -= last->v;
		S->neg += last->v * 0.9;
		last->negated = true;
		trace(S, last->at, "negated-back", -last->v);
	} else if (S->neg_pen < 0) {
		S->neg -= S->neg_pen;
		trace(S, S->neg_at, "unresolved", S->neg_pen);
	}
	S->neg_used = true;
}

#define SENT_MASK ((1u << K_WORD) | (1u << K_NEGATOR) | (1u << K_INTENS) | (1u << K_DIMIN) | \
                   (1u << K_CONTRAST) | (1u << K_SARCASM))
#define URG_MASK ((1u << K_URGENT) | (1u << K_NOTURGENT) | (1u << K_DEFUSE))

/* Label thresholds on the score (tanh of the evidence). */
#define T_NEUTRAL 0.15   /* below: neutral (or unsure when there is a lot on both sides) */
#define T_SURE 0.25      /* between the two: unsure */
#define T_MIXED 0.45     /* both sides weigh >= 0.5 and the score is below this: unsure */

/* What the urgency rules saw, for the learned model's features. */
struct urg_seen {
	uint64_t near_a, near_b, near_c, pair_a, pair_b; /* rule halves that occurred anywhere */
	bool word, defused, rule;                         /* an urgency word; a defuser; the rules' verdict */
	bool denied;                                      /* "niet vermist", "geen gevaar": said not to be */
};

/* Near rule r met at token i: it counts unless its exclusion was within the window. */
static void near_meet(uint64_t *hit, size_t *at, const size_t *excl, unsigned r, size_t i)
{
	at[r] = i;
	if (excl[r] == SIZE_MAX || i - excl[r] > NEAR_WINDOW)
		*hit |= 1ull << r;
}

static void set_label(struct sent_result *r, double pos, double neg, unsigned excl);

static void score_tokens(const struct toks *T, struct sent_result *r, struct buf *tr, struct urg_seen *seen)
{
	struct state S = {.last = {0, 0, true}, .trace = tr, .T = T};
	bool marker = false;              /* an eye-roll or a sarcastic phrase */
	bool opening = false;             /* the message opens with praise and a comma: "Geweldig, ..." */
	bool hoor = false;                /* praise followed by "hoor"/"zeg": "Fijn hoor" */
	double pos_at_hoor = -1;          /* praise so far when the message opens that way */
	bool urgent = false;
	int gripes = 0;                   /* weer, zoveelste, al weken, nog steeds: the stuff of complaints */
	uint64_t pairs_a = 0, pairs_b = 0; /* urgent pair rules whose first / second half occurred */
	uint64_t near_hit = 0;            /* near rules whose halves met, away from their exclusions */
	size_t near_a[MAX_PAIRS], near_b[MAX_PAIRS]; /* where each near rule's halves last occurred */
	size_t near_at[MAX_PAIRS], near_c[MAX_PAIRS]; /* where each met last, and where its exclusion last was */
	bool defused = false;             /* "vorig jaar", "gelukkig ... terecht", "cursus": not now */
	uint64_t near_seen = 0;           /* near rules with their positions set */
	double mult = 1;
	size_t mult_left = 0, urg_block = 0, words = 0;

	for (size_t i = 0; i < T->n; i++) {
		const struct tok *t = &T->v[i];
		if (t->type >= T_EMOJI) {
			if (t->type == T_EMOJI) {
				marker |= t->sarcastic;
				if (t->emo > 0)
					S.pos += t->emo;
				else
					S.neg -= t->emo;
				trace(&S, i, "emoji", t->emo);
				continue;
			}
			if (words == 1 && S.last.at == i - 1 && S.last.v > 0 && t->type == T_END)
				opening = true;   /* "Geweldig, ..." */
			if (S.neg_left)
				negation_ends(&S);
			if (t->type == T_QUEST) {
				/* a question borrows words without judging ("is de kamer geschikt voor ...?") */
				S.pos -= 0.7 * S.clause_lex_pos;
				S.neg -= 0.7 * S.clause_lex_neg;
			}
			S.clause_lex_pos = S.clause_lex_neg = 0;
			S.neg_left = 0;
			mult_left = 0;
			S.clause = i + 1;
			S.last.negated = true;
			continue;
		}
		words++;
		/* urgency and complaint markers, independent of the sentiment */
		const struct centry *u = care_at(T, i, URG_MASK);
		const char *w = T->text + t->off;
		if (u && u->kind == K_NOTURGENT) {
			urg_block = i + u->ntok;
			seen->denied = true;
		}
		else if (u && u->kind == K_DEFUSE) {
			defused = true;
			trace(&S, i, "defused", 0);
		} else if (u && i >= urg_block && i > 0 && T->v[i - 1].type == T_WORD &&
		           (strcmp(T->text + T->v[i - 1].off, "geen") == 0 ||
		            strcmp(T->text + T->v[i - 1].off, "niet") == 0 ||
		            strcmp(T->text + T->v[i - 1].off, "nooit") == 0)) {
			urg_block = i + u->ntok;   /* "geen datalek", "niet vermist": negated */
			seen->denied = true;
			trace(&S, i, "urgent-negated", 0);
		} else if (u && i >= urg_block) {
			urgent = true;
			seen->word = true;
			trace(&S, i, "urgent", 0);
		}
		if (care_at(T, i, 1u << K_GRIPE))
			gripes++;
		if (i >= urg_block) {
			/* a word inside "geen gevaar" or "even kwijt" takes part in no rule */
			uint64_t m[NRULEKINDS];
			rule_masks(T, i, m);
			pairs_a |= m[K_PAIR_A - K_PAIR_A];
			pairs_b |= m[K_PAIR_B - K_PAIR_A];
			seen->near_a |= m[K_NEAR_A - K_PAIR_A];
			seen->near_b |= m[K_NEAR_B - K_PAIR_A];
			seen->near_c |= m[K_NEAR_C - K_PAIR_A];
			for (uint64_t a = m[K_NEAR_A - K_PAIR_A] | m[K_NEAR_B - K_PAIR_A] | m[K_NEAR_C - K_PAIR_A]; a;
			     a &= a - 1) {
				unsigned ru = (unsigned)__builtin_ctzll(a);
				uint64_t bit = 1ull << ru;
				if (!(near_seen & bit)) {
					near_a[ru] = near_b[ru] = near_at[ru] = near_c[ru] = SIZE_MAX;
					near_seen |= bit;
				}
				if (m[K_NEAR_C - K_PAIR_A] & bit) {
					/* "de was van mijn vader is kwijt": an exclusion near the meeting undoes it */
					near_c[ru] = i;
					if (near_at[ru] != SIZE_MAX && i - near_at[ru] <= NEAR_WINDOW)
						near_hit &= ~bit;
				}
				if (m[K_NEAR_A - K_PAIR_A] & bit) {
					if (near_b[ru] != SIZE_MAX && i - near_b[ru] <= NEAR_WINDOW)
						near_meet(&near_hit, near_at, near_c, ru, i);
					near_a[ru] = i;
				}
				if (m[K_NEAR_B - K_PAIR_A] & bit) {
					if (near_a[ru] != SIZE_MAX && i - near_a[ru] <= NEAR_WINDOW && near_a[ru] != i)
						near_meet(&near_hit, near_at, near_c, ru, i);
					near_b[ru] = i;
				}
			}
		}
		if ((strcmp(w, "hoor") == 0 || strcmp(w, "zeg") == 0) && S.last.at + 1 == i && S.last.v > 0 &&
		    !S.last.negated) {
			hoor = true;
			if (words == 2)
				pos_at_hoor = S.pos;   /* "Handig hoor, ...": is the rest praise too? */
		}
		if (words == 2 && strcmp(w, "dat") == 0 && S.last.at + 1 == i && S.last.v > 0 && !S.last.negated)
			opening = true;   /* "Fantastisch dat ..." */
		const struct centry *c = care_at(T, i, SENT_MASK);
		double v = 0;
		bool lex = false;
		size_t span = 1;
		if (c) {
			span = c->ntok;
			switch ((enum kind)c->kind) {
			case K_NEGATOR:
				if (S.neg_left)
					negation_ends(&S);
				S.neg_left = 4;
				S.neg_at = i;
				S.neg_used = false;
				S.neg_pen = c->val < 0 ? c->val : 0;
				i += span - 1;
				continue;
			case K_INTENS:
			case K_DIMIN:
				if (c->kind == K_INTENS && own_value(T, i, span, &v))
					break;   /* "vreselijk eten": nothing to intensify, the word itself counts */
				mult = c->val;
				mult_left = 3;
				i += span - 1;
				continue;
			case K_CONTRAST:
				/* what follows "maar" weighs more than what came before */
				S.pos *= 0.5;
				S.neg *= 0.5;
				trace(&S, i, "contrast", 0.5);
				i += span - 1;
				continue;
			case K_SARCASM:
				marker = true;
				v = c->val == 1.0f ? 0 : c->val;
				break;
			default:
				v = c->val;
				break;
			}
		} else {
			v = lexicon_score(T, i);
			lex = true;
		}
		i += span - 1;
		bool in_scope = S.neg_left > 0;
		if (S.neg_left && --S.neg_left == 0 && v == 0)
			negation_ends(&S);
		if (mult_left)
			mult_left--;
		if (v == 0)
			continue;
		if (mult_left)
			v *= mult;
		mult = 1;
		mult_left = 0;
		if (t->elongated)
			v *= 1.3;
		bool negated = false;
		if (in_scope) {
			v = v > 0 ? -v * 0.9 : -v * 0.5;
			negated = true;
			S.neg_used = true;
		}
		if (v > 0)
			S.pos += v;
		else
			S.neg -= v;
		if (lex || fabs(v) < 0.6) {
			/* weak words: a question may only borrow them */
			double share = lex ? 1.0 : 0.7;
			if (v > 0)
				S.clause_lex_pos += v * share;
			else
				S.clause_lex_neg -= v * share;
		}
		trace(&S, i, negated ? "negated" : lex ? "lexicon" : "care", v);
		S.last = (struct contrib){v, i, negated};
	}
	if (S.neg_left)
		negation_ends(&S);
	if (pairs_a & pairs_b) {
		urgent = true;
		trace(&S, T->n, "urgent-pair", 0);
	}
	if (near_hit) {
		urgent = true;
		trace(&S, T->n, "urgent-near", 0);
	}
	seen->pair_a = pairs_a;
	seen->pair_b = pairs_b;
	seen->defused = defused;
	if (urgent && defused) {
		urgent = false;   /* over, past, practice or a course: not for the within-the-hour queue */
		trace(&S, T->n, "urgent-defused", 0);
	}
	if (words == 1 && S.last.v > 0)
		opening = false;
	bool sarcasm = marker || ((opening || hoor) && (S.neg > 0.2 || gripes > 0)) ||
	               (pos_at_hoor >= 0 && S.pos - pos_at_hoor < 0.5 && words >= 6);
	if (sarcasm && S.pos > 0) {
		trace(&S, T->n, "sarcasm", -S.pos);
		S.neg += S.pos * 0.9;
		S.pos = 0;
	}
	seen->rule = urgent;
	if (urgent)
		S.neg += 0.4;   /* danger, death, abuse: bad news even when told flatly */
	r->urgent = urgent;
	set_label(r, S.pos > 0 ? S.pos : 0, S.neg > 0 ? S.neg : 0, T->excl);
}

/* The score and label from the evidence on each side (and the exclamation marks). */
static void set_label(struct sent_result *r, double pos, double neg, unsigned excl)
{
	double raw = pos - neg;
	if (excl)
		raw *= 1 + 0.1 * (excl > 3 ? 3 : excl);
	r->pos = pos;
	r->neg = neg;
	r->score = tanh(raw);
	double a = fabs(r->score);
	double weaker = pos < neg ? pos : neg;
	if (weaker >= 0.5 && a < T_MIXED)
		r->label = SENT_UNSURE;   /* both sides carry weight: mixed */
	else if (a < T_NEUTRAL)
		r->label = SENT_NEU;
	else if (a < T_SURE)
		r->label = SENT_UNSURE;
	else
		r->label = r->score < 0 ? SENT_NEG : SENT_POS;
}

/* ------------------------------------------------------------ learned urgency */

/*
 * The model's features, hashed into SENT_MODEL_BITS bits: each word's stem
 * ("w"), or "n" when it stands within three words after a negator in its
 * clause, so "niet gevallen" is not "gevallen"; each pair of neighbouring
 * stems in a clause ("b"); the first and last four letters of a long word,
 * the halves of a compound ("<", ">"); the halves of the care file's urgency rules that
 * occurred anywhere ("A", "B", "C" near rules, "P", "Q" pair rules; "M" both
 * halves of a near rule, however far apart), which are word classes (a
 * person, harm, a fall, nobody) and carry to words the set never had; an
 * urgency word ("U"), a defuser ("D"), a denied one ("X": "niet vermist"); and how negative the message is
 * ("S").  The rules' verdict itself is not a feature: the model learns the
 * phrasing, the rules keep the explicit words.
 */
static uint32_t fhash(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static size_t put(uint32_t *f, size_t k, size_t max, uint32_t h)
{
	if (k < max)
		f[k++] = (h ^ (h >> 15)) & ((1u << SENT_MODEL_BITS) - 1);
	return k;
}

static size_t put_bits(uint32_t *f, size_t k, size_t max, char type, uint64_t bits)
{
	for (; bits; bits &= bits - 1) {
		char key[2] = {type, (char)__builtin_ctzll(bits)};
		k = put(f, k, max, fhash(2166136261u, key, 2));
	}
	return k;
}

static size_t model_features(const struct toks *T, const struct urg_seen *seen, const struct sent_result *r,
                             uint32_t *f, size_t max)
{
	size_t k = 0, neg_left = 0;
	uint32_t prev = 0;   /* the previous stem's hash in this clause, 0 at a clause start */
	for (size_t i = 0; i < T->n; i++) {
		const struct tok *t = &T->v[i];
		if (t->type == T_EMOJI)
			continue;
		if (t->type > T_EMOJI) {
			prev = 0;
			neg_left = 0;
			continue;
		}
		const char *w = T->text + t->off;
		size_t n = t->len;
		if (t->type == T_WORD && t->len >= 3) {
			const char *st = stem_of(T, i, &n);
			if (st)
				w = st;
			else
				n = t->len;
		}
		uint32_t h = fhash(2166136261u, w, n);
		if (t->type == T_WORD && t->len >= 7) {
			/* Dutch compounds: "brandlucht", "rookmelder", "medicijnrol" share their
			 * halves with words the set had ("brand", "melder", "medicijn") */
			const char *tw = T->text + t->off;
			k = put(f, k, max, fhash(fhash(2166136261u, tw, 4), "<", 1));
			k = put(f, k, max, fhash(fhash(2166136261u, tw + t->len - 4, 4), ">", 1));
		}
		bool negator = care_at(T, i, 1u << K_NEGATOR) != NULL;
		k = put(f, k, max, fhash(h, neg_left && !negator ? "n" : "w", 1));
		if (prev)
			k = put(f, k, max, fhash(prev * 31u + h, "b", 1));
		prev = h ? h : 1;
		if (negator)
			neg_left = 3;
		else if (neg_left)
			neg_left--;
	}
	k = put_bits(f, k, max, 'A', seen->near_a);
	k = put_bits(f, k, max, 'B', seen->near_b);
	k = put_bits(f, k, max, 'C', seen->near_c);
	k = put_bits(f, k, max, 'M', seen->near_a & seen->near_b);
	k = put_bits(f, k, max, 'P', seen->pair_a);
	k = put_bits(f, k, max, 'Q', seen->pair_b);
	if (seen->word)
		k = put(f, k, max, fhash(2166136261u, "U", 1));
	if (seen->defused)
		k = put(f, k, max, fhash(2166136261u, "D", 1));
	if (seen->denied)
		k = put(f, k, max, fhash(2166136261u, "X", 1));
	double neg = r->neg, pos = r->pos;
	char sb[2] = {'S', (char)(neg < 0.5 ? 0 : neg < 1 ? 1 : neg < 2 ? 2 : 3)};
	k = put(f, k, max, fhash(2166136261u, sb, 2));
	/* what the lexicon made of it, for the label model */
	char pb[2] = {'T', (char)(pos < 0.5 ? 0 : pos < 1 ? 1 : pos < 2 ? 2 : 3)};
	k = put(f, k, max, fhash(2166136261u, pb, 2));
	char lb[2] = {'L', (char)(1 + r->label)};
	k = put(f, k, max, fhash(2166136261u, lb, 2));
	char zb[2] = {'Z', (char)(1 + (int)lround((r->score + 1) * 5))};
	k = put(f, k, max, fhash(2166136261u, zb, 2));
	if (T->quest) {
		char qb[2] = {'?', 1};
		k = put(f, k, max, fhash(2166136261u, qb, 2));
	}
	return k;
}

enum { STACK_TOKS = 512, STACK_TEXT = 4096, MAX_FEATS = 2048 };

static int judge(const char *text, size_t len, struct sent_result *out, struct buf *trace, uint32_t *feats,
                 size_t max, size_t *nfeats);

int sentiment_text(const char *text, size_t len, struct sent_result *out)
{
	return judge(text, len, out, NULL, NULL, 0, NULL);
}

int sentiment_explain(const char *text, size_t len, struct sent_result *out, struct buf *trace)
{
	return judge(text, len, out, trace, NULL, 0, NULL);
}

int sentiment_features(const char *text, size_t len, struct sent_result *out, uint32_t *feats, size_t max,
                       size_t *n)
{
	return judge(text, len, out, NULL, feats, max, n);
}

static int judge(const char *text, size_t len, struct sent_result *out, struct buf *trace, uint32_t *feats,
                 size_t max, size_t *nfeats)
{
	int rc = sentiment_init();
	if (rc)
		return rc;
	if (len > SENT_MAX_TEXT)
		return ERR_TOOBIG;
	struct tok vs[STACK_TOKS];
	char ts[STACK_TEXT];
	struct toks T = {.v = vs, .cap = STACK_TOKS, .text = ts, .tcap = STACK_TEXT};
	if (len + 1 > STACK_TEXT / 2) {
		/* every token takes at least one byte of input, and its text at most twice it plus a NUL */
		T.cap = len + 1;
		T.v = xmalloc(T.cap * sizeof *T.v);
		T.tcap = 2 * len + 2;
		T.text = xmalloc(T.tcap);
	}
	tokenize(&T, text, len);
	*out = (struct sent_result){0};
	struct urg_seen seen = {0};
	score_tokens(&T, out, trace, &seen);
	out->urgent_rule = out->urgent;
	if (model_threshold <= 1 || model_sconf <= 1 || feats) {
		uint32_t fs[MAX_FEATS];
		uint32_t *f = feats ? feats : fs;
		size_t n = model_features(&T, &seen, out, f, feats ? max : MAX_FEATS);
		if (nfeats)
			*nfeats = n;
		double z = model_bias;
		for (size_t i = 0; i < n; i++)
			z += model_w[f[i]];
		out->urgent_p = 1 / (1 + exp(-z));
		/* the model catches what the words do not; a defuser ("vorig jaar") and a
		 * denial with no other urgency word ("hij is niet vermist") hold for it too */
		if (!out->urgent && !seen.defused && !(seen.denied && !seen.word) &&
		    out->urgent_p >= model_threshold) {
			out->urgent = true;
			set_label(out, out->pos, out->neg + 0.4, T.excl);   /* as for the rules' urgency */
			if (trace)
				IGNORE_RESULT(buf_addf(trace, "urgent-model(%.2f) ", out->urgent_p));
		}
		if (model_sconf <= 1) {
			double zs[3], top = -1e300, sum = 0;
			int best = 0;
			for (int c = 0; c < 3; c++) {
				zs[c] = model_sbias[c];
				for (size_t i = 0; i < n; i++)
					zs[c] += model_s[c][f[i]];
				if (zs[c] > top) {
					top = zs[c];
					best = c;
				}
			}
			for (int c = 0; c < 3; c++)
				sum += exp(zs[c] - top);
			double pbest = 1 / sum;
			/* a sure label model decides; an urgent message stays negative, and a
			 * mixed one (both sides weigh) stays unsure: the set's gold labels are
			 * never "unsure", so the model cannot learn to say it */
			bool mixed = out->pos >= 0.5 && out->neg >= 0.5 && fabs(out->score) < T_MIXED;
			/* nor does it read a denial with no other urgency word ("hij is niet
			 * vermist, hij is bij zijn zus"): its alarm words weigh in the model as
			 * they do in the many messages where they are meant, the rules read
			 * the denial */
			bool denial = seen.denied && !seen.word;
			if (pbest >= model_sconf && !(out->urgent && best != SENT_NEG) && !mixed && !denial) {
				if (trace && (int)out->label != best)
					IGNORE_RESULT(buf_addf(trace, "label-model(%s %.2f) ",
					                       sentiment_label_name((enum sent_label)best), pbest));
				out->label = (enum sent_label)best;
			}
		}
	}
	if (T.v != vs) {
		free(T.v);
		free(T.text);
	}
	return 0;
}
