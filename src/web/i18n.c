#include "web/i18n.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/mem.h"
#include "base/text.h"

/* gettext's separator between msgctxt and msgid in a lookup key. */
#define CTXT_SEP '\004'

struct slot {
	const char *key; /* NULL = empty */
	const char *val;
	uint32_t hash;
};

struct i18n {
	/* Strings live as long as the catalogue; one arena frees them at once. */
	struct arena a;
	struct slot *slot;
	size_t cap, n; /* cap is a power of two, n <= cap / 2 */
};

#define FNV_INIT 2166136261u

static uint32_t fnv(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void table_put(struct slot *tab, size_t cap, struct slot s)
{
	size_t i = s.hash & (cap - 1);
	while (tab[i].key)
		i = (i + 1) & (cap - 1);
	tab[i] = s;
}

static void table_grow(struct i18n *t)
{
	size_t cap = t->cap ? t->cap * 2 : 64;
	struct slot *tab = xcalloc(cap, sizeof *tab);
	for (size_t i = 0; i < t->cap; i++)
		if (t->slot[i].key)
			table_put(tab, cap, t->slot[i]);
	free(t->slot);
	t->slot = tab;
	t->cap = cap;
}

/*
 * Find the slot for the key ctxt SEP id (ctxt NULL: just id).  Compares
 * piecewise so i18n_pget need not build the key.
 */
static const struct slot *table_find(const struct i18n *t, const char *ctxt, const char *id)
{
	if (!t || !t->cap)
		return NULL;
	size_t clen = ctxt ? strlen(ctxt) : 0, ilen = strlen(id);
	uint32_t h = FNV_INIT;
	if (ctxt) {
		char sep = CTXT_SEP;
		h = fnv(fnv(h, ctxt, clen), &sep, 1);
	}
	h = fnv(h, id, ilen);
	for (size_t i = h & (t->cap - 1); t->slot[i].key; i = (i + 1) & (t->cap - 1)) {
		const struct slot *s = &t->slot[i];
		if (s->hash != h)
			continue;
		const char *k = s->key;
		if (ctxt) {
			if (strncmp(k, ctxt, clen) != 0 || k[clen] != CTXT_SEP)
				continue;
			k += clen + 1;
		}
		if (strcmp(k, id) == 0)
			return s;
	}
	return NULL;
}

const char *i18n_get(const struct i18n *t, const char *msgid)
{
	const struct slot *s = table_find(t, NULL, msgid);
	return s ? s->val : msgid;
}

const char *i18n_pget(const struct i18n *t, const char *ctxt, const char *msgid)
{
	const struct slot *s = table_find(t, ctxt, msgid);
	return s ? s->val : msgid;
}

size_t i18n_count(const struct i18n *t)
{
	return t ? t->n : 0;
}

void i18n_free(struct i18n *t)
{
	if (!t)
		return;
	arena_release(&t->a);
	free(t->slot);
	free(t);
}

/* ---- .po parser ---- */

enum field { F_NONE, F_CTXT, F_ID, F_PLURAL, F_STR, F_STR_OTHER };

struct entry {
	struct buf ctxt, id, str, ignored;
	bool has_ctxt, has_id, has_plural, has_str;
	bool fuzzy;
	int line;
};

struct po {
	struct i18n *t;
	struct entry e;
	enum field cur;
	bool fuzzy_next; /* "#, fuzzy" seen for the entry about to start */
	int line;
	char *err;
	size_t errlen;
};

static int syntax_err(struct po *po, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int syntax_err(struct po *po, int line, const char *fmt, ...)
{
	if (po->err && po->errlen) {
		int n = snprintf(po->err, po->errlen, "line %d: ", line);
		if (n >= 0 && (size_t)n < po->errlen) {
			va_list ap;
			va_start(ap, fmt);
			vsnprintf(po->err + n, po->errlen - (size_t)n, fmt, ap);
			va_end(ap);
		}
	}
	return ERR_INVAL;
}

static void entry_reset(struct entry *e)
{
	buf_reset(&e->ctxt);
	buf_reset(&e->id);
	buf_reset(&e->str);
	buf_reset(&e->ignored);
	e->has_ctxt = e->has_id = e->has_plural = e->has_str = e->fuzzy = false;
	e->line = 0;
}

static bool entry_started(const struct entry *e)
{
	return e->has_ctxt || e->has_id || e->has_str;
}

static int insert(struct po *po, const struct entry *e)
{
	struct i18n *t = po->t;
	struct buf key = BUF_INIT(BUF_NOLIMIT);
	if (e->has_ctxt) {
		buf_nofail(buf_add(&key, e->ctxt.ptr, e->ctxt.len));
		buf_nofail(buf_addc(&key, CTXT_SEP));
	}
	buf_nofail(buf_add(&key, e->id.ptr, e->id.len));
	int rc = 0;
	if (table_find(t, e->has_ctxt ? e->ctxt.ptr : NULL, e->id.ptr)) {
		rc = syntax_err(po, e->line, "duplicate msgid \"%s\"", e->id.ptr);
		goto out;
	}
	if ((t->n + 1) * 2 > t->cap)
		table_grow(t);
	struct slot s = {
		.key = arena_strndup(&t->a, key.ptr, key.len),
		.val = arena_strndup(&t->a, e->str.ptr, e->str.len),
		.hash = fnv(FNV_INIT, key.ptr, key.len),
	};
	table_put(t->slot, t->cap, s);
	t->n++;
out:
	buf_release(&key);
	return rc;
}

/* Close the entry in progress (at a blank line, a new entry, or the end). */
static int entry_finish(struct po *po)
{
	struct entry *e = &po->e;
	int rc = 0;
	po->cur = F_NONE;
	if (!entry_started(e))
		return 0;
	if (!e->has_id)
		return syntax_err(po, e->line, "msgctxt without msgid");
	if (!e->has_str)
		return syntax_err(po, e->line, "msgid without msgstr");
	/* Skip the header, fuzzy guesses, and untranslated entries. */
	bool header = e->id.len == 0 && !e->has_ctxt;
	if (!header && !e->fuzzy && e->str.len > 0)
		rc = insert(po, e);
	entry_reset(e);
	return rc;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Append the C string literal at s[0..e) (starting at its '"') to b. */
static int parse_string(struct po *po, const char *s, const char *e, struct buf *b)
{
	if (s == e || *s != '"')
		return syntax_err(po, po->line, "expected '\"'");
	for (s++;; s++) {
		if (s == e)
			return syntax_err(po, po->line, "unterminated string");
		if (*s == '"')
			break;
		if (*s != '\\') {
			buf_nofail(buf_addc(b, *s));
			continue;
		}
		if (++s == e)
			return syntax_err(po, po->line, "unterminated string");
		int c;
		switch (*s) {
		case 'n': c = '\n'; break;
		case 't': c = '\t'; break;
		case 'r': c = '\r'; break;
		case 'a': c = '\a'; break;
		case 'b': c = '\b'; break;
		case 'f': c = '\f'; break;
		case 'v': c = '\v'; break;
		case '"':
		case '\\':
		case '\'':
		case '?': c = *s; break;
		case 'x':
			c = 0;
			if (s + 1 == e || hexval(s[1]) < 0)
				return syntax_err(po, po->line, "bad \\x escape");
			while (s + 1 < e && hexval(s[1]) >= 0 && c < 256)
				c = c * 16 + hexval(*++s);
			break;
		default:
			if (*s < '0' || *s > '7')
				return syntax_err(po, po->line, "bad escape '\\%c'", *s);
			c = *s - '0';
			for (int k = 0; k < 2 && s + 1 < e && s[1] >= '0' && s[1] <= '7'; k++)
				c = c * 8 + (*++s - '0');
			break;
		}
		if (c == 0 || c > 255)
			return syntax_err(po, po->line, "escape out of range");
		buf_nofail(buf_addc(b, (char)c));
	}
	for (s++; s < e; s++)
		if (*s != ' ' && *s != '\t')
			return syntax_err(po, po->line, "text after string");
	return 0;
}

static struct buf *field_buf(struct entry *e, enum field f)
{
	switch (f) {
	case F_CTXT: return &e->ctxt;
	case F_ID: return &e->id;
	case F_STR: return &e->str;
	default: return &e->ignored; /* msgid_plural, msgstr[n > 0] */
	}
}

static bool keyword(const char **s, const char *e, const char *kw)
{
	size_t n = strlen(kw);
	if ((size_t)(e - *s) < n || memcmp(*s, kw, n) != 0)
		return false;
	const char *q = *s + n;
	if (q < e && *q != ' ' && *q != '\t' && *q != '[')
		return false;
	*s = q;
	return true;
}

static void skip_blank(const char **s, const char *e)
{
	while (*s < e && (**s == ' ' || **s == '\t'))
		(*s)++;
}

static void comment(struct po *po, const char *s, const char *e)
{
	/* "#, fuzzy, c-format": a flag list; obsolete "#~" lines are comments too. */
	if (e - s < 2 || s[1] != ',')
		return;
	for (s += 2; s < e;) {
		skip_blank(&s, e);
		const char *start = s;
		while (s < e && *s != ',')
			s++;
		const char *end = s;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end - start == 5 && memcmp(start, "fuzzy", 5) == 0)
			po->fuzzy_next = true;
		if (s < e)
			s++;
	}
}

static int keyword_line(struct po *po, const char *s, const char *e)
{
	struct entry *ent = &po->e;
	enum field f;
	int rc;
	if (keyword(&s, e, "msgctxt") || keyword(&s, e, "msgid")) {
		f = s[-1] == 't' ? F_CTXT : F_ID;
		/* A msgctxt/msgid after a msgstr starts the next entry. */
		if (ent->has_str && (rc = entry_finish(po)) != 0)
			return rc;
		if (ent->has_id || (f == F_CTXT && ent->has_ctxt))
			return syntax_err(po, po->line, "%s without msgstr",
					  f == F_ID ? "msgid" : "msgctxt");
		if (!entry_started(ent)) {
			ent->line = po->line;
			ent->fuzzy = po->fuzzy_next;
			po->fuzzy_next = false;
		}
		if (f == F_CTXT)
			ent->has_ctxt = true;
		else
			ent->has_id = true;
	} else if (keyword(&s, e, "msgid_plural")) {
		if (!ent->has_id || ent->has_str || ent->has_plural)
			return syntax_err(po, po->line, "misplaced msgid_plural");
		ent->has_plural = true;
		f = F_PLURAL;
	} else if (keyword(&s, e, "msgstr")) {
		if (!ent->has_id)
			return syntax_err(po, po->line, "msgstr without msgid");
		f = F_STR;
		if (s < e && *s == '[') {
			unsigned long n = 0;
			const char *q = s + 1;
			while (q < e && *q >= '0' && *q <= '9' && n < 1000)
				n = n * 10 + (unsigned long)(*q++ - '0');
			if (q == s + 1 || q == e || *q != ']' || !ent->has_plural)
				return syntax_err(po, po->line, "bad msgstr[n]");
			s = q + 1;
			if (n > 0)
				f = F_STR_OTHER;
		} else if (ent->has_plural) {
			return syntax_err(po, po->line, "plural entry needs msgstr[n]");
		}
		if (f == F_STR && ent->has_str)
			return syntax_err(po, po->line, "second msgstr");
		ent->has_str = true;
	} else {
		return syntax_err(po, po->line, "unexpected text");
	}
	po->cur = f;
	skip_blank(&s, e);
	return parse_string(po, s, e, field_buf(ent, f));
}

static int parse_line(struct po *po, const char *s, const char *e)
{
	skip_blank(&s, e);
	if (e > s && e[-1] == '\r')
		e--;
	if (s == e)
		return entry_finish(po);
	if (*s == '#') {
		int rc = 0;
		/* Comments belong to the next entry, so they end the current one. */
		if (po->e.has_str)
			rc = entry_finish(po);
		comment(po, s, e);
		return rc;
	}
	if (*s == '"') {
		if (po->cur == F_NONE)
			return syntax_err(po, po->line, "string without keyword");
		return parse_string(po, s, e, field_buf(&po->e, po->cur));
	}
	return keyword_line(po, s, e);
}

int i18n_parse(const char *src, size_t len, struct i18n **out, char *err, size_t errlen)
{
	*out = NULL;
	if (err && errlen)
		err[0] = '\0';
	if (len > I18N_MAX_PO) {
		if (err && errlen)
			snprintf(err, errlen, "po file of %zu bytes over the %u byte limit", len,
				 I18N_MAX_PO);
		return ERR_TOOBIG;
	}
	struct po po = { .line = 1, .err = err, .errlen = errlen };
	po.t = xcalloc(1, sizeof *po.t);
	arena_init(&po.t->a);
	buf_init(&po.e.ctxt, 0);
	buf_init(&po.e.id, 0);
	buf_init(&po.e.str, 0);
	buf_init(&po.e.ignored, 0);
	int rc = 0;
	if (memchr(src, '\0', len) || !utf8_valid(src, len)) {
		rc = syntax_err(&po, 1, "not valid UTF-8 text");
		goto out;
	}
	for (const char *p = src, *end = src + len; p < end; po.line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		rc = parse_line(&po, p, eol);
		if (rc)
			goto out;
		p = eol + 1;
	}
	rc = entry_finish(&po);
out:
	buf_release(&po.e.ctxt);
	buf_release(&po.e.id);
	buf_release(&po.e.str);
	buf_release(&po.e.ignored);
	if (rc) {
		i18n_free(po.t);
		return rc;
	}
	*out = po.t;
	return 0;
}

/* ---- Accept-Language ---- */

static bool lang_is(const char *s, size_t n, const char *lang)
{
	size_t l = strlen(lang);
	if (n < l || strncasecmp(s, lang, l) != 0)
		return false;
	return n == l || s[l] == '-';
}

/* Parse a qvalue ("0", "0.5", "1.000") into thousandths; -1 if malformed. */
static int parse_q(const char *s, size_t n)
{
	if (n == 0 || (s[0] != '0' && s[0] != '1'))
		return -1;
	int q = (s[0] - '0') * 1000;
	if (n == 1)
		return q;
	if (s[1] != '.' || n > 5)
		return -1;
	int scale = 100;
	for (size_t i = 2; i < n; i++, scale /= 10) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		q += (s[i] - '0') * scale;
	}
	return q > 1000 ? -1 : q;
}

struct pref {
	int q; /* -1: not named */
	int pos;
};

static void note(struct pref *p, int q, int pos)
{
	if (q > p->q || p->q < 0) {
		p->q = q;
		p->pos = pos;
	}
}

/* One "tag;q=0.5" item of the header: its tag and q (-1 if malformed). */
static int parse_item(const char *s, const char *e, const char **tag, size_t *tag_len)
{
	const char *semi = memchr(s, ';', (size_t)(e - s));
	const char *te = semi ? semi : e;
	while (s < te && (*s == ' ' || *s == '\t'))
		s++;
	while (te > s && (te[-1] == ' ' || te[-1] == '\t'))
		te--;
	*tag = s;
	*tag_len = (size_t)(te - s);
	if (!semi)
		return 1000;
	const char *p = semi + 1;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (e - p < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=')
		return -1;
	p += 2;
	const char *qe = e;
	while (qe > p && (qe[-1] == ' ' || qe[-1] == '\t'))
		qe--;
	return parse_q(p, (size_t)(qe - p));
}

const char *i18n_pick(const char *accept_language)
{
	struct pref nl = { -1, 0 }, en = { -1, 0 }, star = { -1, 0 };
	const char *s = accept_language ? accept_language : "";
	for (int pos = 0; *s; pos++) {
		const char *e = strchr(s, ',');
		if (!e)
			e = s + strlen(s);
		const char *tag;
		size_t n;
		int q = parse_item(s, e, &tag, &n);
		if (q >= 0) {
			if (lang_is(tag, n, "nl"))
				note(&nl, q, pos);
			else if (lang_is(tag, n, "en"))
				note(&en, q, pos);
			else if (n == 1 && tag[0] == '*')
				note(&star, q, pos);
		}
		s = *e ? e + 1 : e;
	}
	/* "*" speaks for a language only when the header does not name it. */
	if (nl.q < 0)
		nl = star;
	if (en.q < 0)
		en = star;
	if (en.q > 0 && (nl.q <= 0 || en.q > nl.q || (en.q == nl.q && en.pos < nl.pos)))
		return "en";
	return "nl";
}
