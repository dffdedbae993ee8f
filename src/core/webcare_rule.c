/* Webcare's triage rules (core/webcare.h): a small expression language over
 * a text's Dutch stems, its #tags and its source.  Pure: the fuzz target
 * (fuzz/rule_fuzz.c) runs it on its own.
 *
 *   expr   := and ( (OR | OF) and )*
 *   and    := unary ( [AND | EN] unary )*        adjacent terms mean AND
 *   unary  := (NOT | NIET) unary | '(' expr ')' | term
 *   term   := word | "a phrase" | #tag | source:name
 *
 * Operators are upper case, so "niet" and "of" in lower case stay words. */
#include <stdbool.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/text.h"
#include "core/core_int.h"
#include "core/webcare.h"

enum { R_WORD, R_TAG, R_SOURCE, R_AND, R_OR, R_NOT };

struct rnode {
	int op;
	int l, r;            /* children (AND, OR: both; NOT: l) */
	const char *s;       /* R_WORD: stems, space separated; R_TAG, R_SOURCE: lower case */
};

enum { T_END, T_LP, T_RP, T_AND, T_OR, T_NOT, T_WORD, T_PHRASE, T_TAG, T_SOURCE, T_BAD };

struct rparser {
	struct arena *a;
	const char *p;
	int tok;
	const char *tv;      /* the token's text (words, phrases, tags, sources) */
	struct rnode v[CORE_WC_RULE_TERMS];
	int n;
	int depth;
	int err;
};

static bool op_word(const char *s, size_t n, const char *w)
{
	return n == strlen(w) && !memcmp(s, w, n);
}

static void next(struct rparser *P)
{
	const char *p = P->p;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	P->tv = NULL;
	if (!*p) {
		P->tok = T_END;
	} else if (*p == '(' || *p == ')') {
		P->tok = *p == '(' ? T_LP : T_RP;
		p++;
	} else if (*p == '"') {
		const char *e = strchr(p + 1, '"');
		if (!e) {
			P->tok = T_BAD;
			P->p = p + strlen(p);
			return;
		}
		P->tv = arena_strndup(P->a, p + 1, (size_t)(e - p - 1));
		P->tok = T_PHRASE;
		p = e + 1;
	} else {
		size_t n = 0;
		while (p[n] && p[n] != ' ' && p[n] != '\t' && p[n] != '\n' && p[n] != '\r' && p[n] != '(' && p[n] != ')' &&
		       p[n] != '"')
			n++;
		if (op_word(p, n, "AND") || op_word(p, n, "EN"))
			P->tok = T_AND;
		else if (op_word(p, n, "OR") || op_word(p, n, "OF"))
			P->tok = T_OR;
		else if (op_word(p, n, "NOT") || op_word(p, n, "NIET"))
			P->tok = T_NOT;
		else if (*p == '#') {
			P->tok = n > 1 ? T_TAG : T_BAD;
			P->tv = arena_strndup(P->a, p + 1, n - 1);
		} else if (n > 7 && !strncmp(p, "source:", 7)) {
			P->tok = T_SOURCE;
			P->tv = arena_strndup(P->a, p + 7, n - 7);
		} else {
			P->tok = T_WORD;
			P->tv = arena_strndup(P->a, p, n);
		}
		p += n;
	}
	P->p = p;
}

static int add(struct rparser *P, int op, int l, int r, const char *s)
{
	if (P->n >= CORE_WC_RULE_TERMS) {
		P->err = ERR_TOOBIG;
		return -1;
	}
	P->v[P->n] = (struct rnode){.op = op, .l = l, .r = r, .s = s};
	return P->n++;
}

static int parse_or(struct rparser *P);

static int parse_unary(struct rparser *P)
{
	if (P->err)
		return -1;
	if (P->tok == T_NOT) {
		next(P);
		int x = parse_unary(P);
		return x < 0 ? -1 : add(P, R_NOT, x, -1, NULL);
	}
	if (P->tok == T_LP) {
		if (++P->depth > CORE_WC_RULE_DEPTH) {
			P->err = ERR_TOOBIG;
			return -1;
		}
		next(P);
		int x = parse_or(P);
		if (x < 0)
			return -1;
		if (P->tok != T_RP) {
			P->err = ERR_INVAL;
			return -1;
		}
		P->depth--;
		next(P);
		return x;
	}
	const char *s = P->tv;
	int op;
	switch (P->tok) {
	case T_WORD:
	case T_PHRASE:
		op = R_WORD;
		s = core_search_words(P->a, s);
		if (!*s) { /* no word in it: nothing it could match */
			P->err = ERR_INVAL;
			return -1;
		}
		break;
	case T_TAG: {
		const char *t = core_tag_name(P->a, s);
		if (!t) {
			P->err = ERR_INVAL;
			return -1;
		}
		op = R_TAG;
		s = t;
		break;
	}
	case T_SOURCE: {
		char *t = arena_strdup(P->a, s);
		str_lower(t);
		op = R_SOURCE;
		s = t;
		break;
	}
	default:
		P->err = ERR_INVAL;
		return -1;
	}
	next(P);
	return add(P, op, -1, -1, s);
}

static bool starts_unary(int tok)
{
	return tok == T_NOT || tok == T_LP || tok == T_WORD || tok == T_PHRASE || tok == T_TAG || tok == T_SOURCE;
}

static int parse_and(struct rparser *P)
{
	int x = parse_unary(P);
	while (x >= 0 && !P->err && (P->tok == T_AND || starts_unary(P->tok))) {
		if (P->tok == T_AND)
			next(P);
		int y = parse_unary(P);
		x = y < 0 ? -1 : add(P, R_AND, x, y, NULL);
	}
	return x;
}

static int parse_or(struct rparser *P)
{
	int x = parse_and(P);
	while (x >= 0 && !P->err && P->tok == T_OR) {
		next(P);
		int y = parse_and(P);
		x = y < 0 ? -1 : add(P, R_OR, x, y, NULL);
	}
	return x;
}

/* Parse expr into P; the root's index, or -1 with P->err set. */
static int parse(struct rparser *P, struct arena *a, const char *expr)
{
	memset(P, 0, sizeof *P);
	P->a = a;
	size_t len = expr ? strlen(expr) : 0;
	if (!len || strspn(expr, " \t\r\n") == len) {
		P->err = ERR_INVAL;
		return -1;
	}
	if (len > CORE_WC_RULE_MAX) {
		P->err = ERR_TOOBIG;
		return -1;
	}
	/* Tabs and line ends are spaces to the tokenizer; other controls are refused. */
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)expr[i] < 0x20 && expr[i] != '\t' && expr[i] != '\n' && expr[i] != '\r') {
			P->err = ERR_INVAL;
			return -1;
		}
	if (!utf8_valid(expr, len)) {
		P->err = ERR_INVAL;
		return -1;
	}
	P->p = expr;
	next(P);
	int root = parse_or(P);
	if (!P->err && P->tok != T_END)
		P->err = ERR_INVAL;
	return P->err ? -1 : root;
}

int core_wc_rule_check(const char *expr)
{
	struct arena a;
	arena_init(&a);
	struct rparser P;
	parse(&P, &a, expr);
	int rc = P.err;
	arena_release(&a);
	return rc;
}

/* Does the stem sequence `want` occur in `have` (both space separated), on
 * word boundaries? */
static bool has_words(const char *have, const char *want)
{
	size_t wl = strlen(want);
	for (const char *p = have; (p = strstr(p, want)); p++)
		if ((p == have || p[-1] == ' ') && (p[wl] == '\0' || p[wl] == ' '))
			return true;
	return false;
}

struct rctx {
	const char *stems;
	const char **tags;
	size_t ntags;
	const char *source;
};

static bool eval(const struct rparser *P, int i, const struct rctx *x)
{
	const struct rnode *nd = &P->v[i];
	switch (nd->op) {
	case R_WORD: return has_words(x->stems, nd->s);
	case R_TAG:
		for (size_t k = 0; k < x->ntags; k++)
			if (!strcmp(x->tags[k], nd->s))
				return true;
		return false;
	case R_SOURCE: return has_words(x->source, nd->s);
	case R_AND: return eval(P, nd->l, x) && eval(P, nd->r, x);
	case R_OR: return eval(P, nd->l, x) || eval(P, nd->r, x);
	case R_NOT: return !eval(P, nd->l, x);
	}
	return false;
}

bool core_wc_rule_match(const char *expr, const char *text, const char *source)
{
	struct arena a;
	arena_init(&a);
	struct rparser P;
	int root = parse(&P, &a, expr);
	bool hit = false;
	if (root >= 0) {
		const char *tags[CORE_MAX_TAGS * 2];
		char *src = arena_strdup(&a, source ? source : "");
		str_lower(src);
		struct rctx x = {
			.stems = core_search_words(&a, text ? text : ""),
			.tags = tags,
			.ntags = text_tags(&a, text ? text : "", tags, CORE_MAX_TAGS * 2),
			.source = src,
		};
		hit = eval(&P, root, &x);
	}
	arena_release(&a);
	return hit;
}
