#include "web/tmpl.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/mem.h"
#include "base/text.h"

/* ---- values ---- */

struct tv_member {
	const char *key;
	uint32_t h; /* key_hash(key): most members are passed by without a strcmp */
	struct tval *val;
	struct tv_member *next;
};

struct tv_item {
	struct tval *val;
	struct tv_item *next;
};

struct tval {
	enum tval_kind kind;
	union {
		const char *s; /* TV_STR, TV_HTML */
		bool b;
		int64_t i;
		struct {
			/* Kept so tv_set/tv_push can allocate without an arena argument. */
			struct arena *a;
			struct tv_member *head, *tail;
			size_t n;
		} obj;
		struct {
			struct arena *a;
			struct tv_item *head, *tail;
			size_t n;
		} list;
	} u;
};

static struct tval tv_null_value = { .kind = TV_NULL };

static struct tval *tv_new(struct arena *a, enum tval_kind kind)
{
	struct tval *v = arena_alloc(a, sizeof *v);
	v->kind = kind;
	return v;
}

struct tval *tv_obj(struct arena *a)
{
	struct tval *v = tv_new(a, TV_OBJ);
	v->u.obj.a = a;
	return v;
}

struct tval *tv_list(struct arena *a)
{
	struct tval *v = tv_new(a, TV_LIST);
	v->u.list.a = a;
	return v;
}

struct tval *tv_str(struct arena *a, const char *s)
{
	if (!s)
		return tv_new(a, TV_NULL);
	struct tval *v = tv_new(a, TV_STR);
	v->u.s = s;
	return v;
}

struct tval *tv_html(struct arena *a, const char *html)
{
	struct tval *v = tv_str(a, html);
	if (html)
		v->kind = TV_HTML;
	return v;
}

struct tval *tv_bool(struct arena *a, bool b)
{
	struct tval *v = tv_new(a, TV_BOOL);
	v->u.b = b;
	return v;
}

struct tval *tv_int(struct arena *a, int64_t i)
{
	struct tval *v = tv_new(a, TV_INT);
	v->u.i = i;
	return v;
}

/* A page sets and looks up thousands of keys in objects of tens of members
 * (a post's model has about forty): comparing every key with strcmp was a
 * tenth of the home page's CPU (docs/performance.md). */
static uint32_t key_hash(const char *k)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *k; k++)
		h = (h ^ (unsigned char)*k) * 16777619u;
	return h;
}

static struct tv_member *member(const struct tval *obj, const char *key, uint32_t h)
{
	for (struct tv_member *m = obj->u.obj.head; m; m = m->next)
		if (m->h == h && strcmp(m->key, key) == 0)
			return m;
	return NULL;
}

void tv_set(struct tval *obj, const char *key, struct tval *v)
{
	if (!obj || obj->kind != TV_OBJ)
		return;
	if (!v)
		v = &tv_null_value;
	uint32_t h = key_hash(key);
	struct tv_member *m = member(obj, key, h);
	if (m) {
		m->val = v;
		return;
	}
	m = arena_alloc(obj->u.obj.a, sizeof *m);
	m->key = key;
	m->h = h;
	m->val = v;
	if (obj->u.obj.tail)
		obj->u.obj.tail->next = m;
	else
		obj->u.obj.head = m;
	obj->u.obj.tail = m;
	obj->u.obj.n++;
}

void tv_set_str(struct arena *a, struct tval *obj, const char *key, const char *s)
{
	tv_set(obj, key, tv_str(a, s));
}

void tv_set_strf(struct arena *a, struct tval *obj, const char *key, const char *fmt, ...)
{
	va_list ap, cp;
	va_start(ap, fmt);
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	char *s = arena_alloc(a, n > 0 ? (size_t)n + 1 : 1);
	if (n > 0)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	tv_set(obj, key, tv_str(a, s));
}

void tv_set_html(struct arena *a, struct tval *obj, const char *key, const char *html)
{
	tv_set(obj, key, tv_html(a, html));
}

void tv_set_bool(struct arena *a, struct tval *obj, const char *key, bool b)
{
	tv_set(obj, key, tv_bool(a, b));
}

void tv_set_int(struct arena *a, struct tval *obj, const char *key, int64_t v)
{
	tv_set(obj, key, tv_int(a, v));
}

void tv_push(struct tval *list, struct tval *item)
{
	if (!list || list->kind != TV_LIST)
		return;
	struct tv_item *it = arena_alloc(list->u.list.a, sizeof *it);
	it->val = item ? item : &tv_null_value;
	if (list->u.list.tail)
		list->u.list.tail->next = it;
	else
		list->u.list.head = it;
	list->u.list.tail = it;
	list->u.list.n++;
}

static struct tval *tv_get_h(const struct tval *obj, const char *key, uint32_t h)
{
	if (!obj || obj->kind != TV_OBJ)
		return NULL;
	const struct tv_member *m = member(obj, key, h);
	return m ? m->val : NULL;
}

struct tval *tv_get(const struct tval *obj, const char *key)
{
	return tv_get_h(obj, key, key_hash(key));
}

enum tval_kind tv_kind(const struct tval *v)
{
	return v ? v->kind : TV_NULL;
}

size_t tv_len(const struct tval *v)
{
	if (!v)
		return 0;
	if (v->kind == TV_LIST)
		return v->u.list.n;
	if (v->kind == TV_OBJ)
		return v->u.obj.n;
	return 0;
}

/* ---- compiled form ---- */

#define TRANS_MAX_ARGS 2
#define MAX_NESTING 64
#define SET_BUCKETS 128

enum node_kind { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED, N_PARTIAL, N_TRANS };

/* A dotted name split at compile time; n == 0 is "." (the current item). */
struct name {
	const char **part;
	uint32_t *h; /* key_hash of each part, worked out once at parse time */
	size_t n;
};

struct tmpl;

struct node {
	enum node_kind kind;
	int line;
	struct node *next;
	const char *text; /* N_TEXT literal, N_TRANS msgid, N_PARTIAL and section name */
	size_t len;
	struct name name; /* N_VAR, N_RAW, sections */
	struct node *body; /* sections */
	struct name arg[TRANS_MAX_ARGS];
	int nargs;
	const struct tmpl *target; /* N_PARTIAL, once linked by tmpl_set_check */
};

struct tmpl {
	const char *name;
	struct node *body;
	struct tmpl *next;
};

struct tmpl_set {
	/* Compiled trees live as long as the set, so one arena holds them all. */
	struct arena a;
	struct tmpl *bucket[SET_BUCKETS];
};

static size_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static const struct tmpl *set_find(const struct tmpl_set *set, const char *name)
{
	for (const struct tmpl *t = set->bucket[hash_str(name) % SET_BUCKETS]; t; t = t->next)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

struct tmpl_set *tmpl_set_new(void)
{
	struct tmpl_set *set = xcalloc(1, sizeof *set);
	arena_init(&set->a);
	return set;
}

void tmpl_set_free(struct tmpl_set *set)
{
	if (!set)
		return;
	arena_release(&set->a);
	free(set);
}

/* ---- parser ---- */

struct parser {
	struct arena *a;
	const char *p, *end;
	int line;
	int depth;
	char *err;
	size_t errlen;
};

static int syntax_err(struct parser *ps, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int syntax_err(struct parser *ps, int line, const char *fmt, ...)
{
	if (ps->err && ps->errlen) {
		int n = snprintf(ps->err, ps->errlen, "line %d: ", line);
		if (n >= 0 && (size_t)n < ps->errlen) {
			va_list ap;
			va_start(ap, fmt);
			vsnprintf(ps->err + n, ps->errlen - (size_t)n, fmt, ap);
			va_end(ap);
		}
	}
	return ERR_INVAL;
}

static int count_lines(const char *s, size_t n)
{
	int lines = 0;
	const char *e = s + n;
	while ((s = memchr(s, '\n', (size_t)(e - s))) != NULL) {
		lines++;
		s++;
	}
	return lines;
}

static const char *find2(const char *p, const char *end, char c)
{
	for (; p + 1 < end; p++)
		if (p[0] == c && p[1] == c)
			return p;
	return NULL;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-';
}

static void trim(const char **s, const char **e)
{
	while (*s < *e && is_space(**s))
		(*s)++;
	while (*e > *s && is_space((*e)[-1]))
		(*e)--;
}

/* Parse s[0..e) (already trimmed) as "." or a dotted name. */
static int parse_name(struct parser *ps, int line, const char *s, const char *e, struct name *out)
{
	if (e - s == 1 && *s == '.') {
		out->n = 0;
		return 0;
	}
	size_t n = 1;
	for (const char *q = s; q < e; q++) {
		if (*q == '.')
			n++;
		else if (!is_name_char(*q))
			return syntax_err(ps, line, "bad name '%.*s'", (int)(e - s), s);
	}
	out->part = arena_alloc(ps->a, n * sizeof *out->part);
	out->h = arena_alloc(ps->a, n * sizeof *out->h);
	out->n = n;
	size_t i = 0;
	const char *start = s;
	for (const char *q = s;; q++) {
		if (q == e || *q == '.') {
			if (q == start)
				return syntax_err(ps, line, "bad name '%.*s'", (int)(e - s), s);
			out->part[i] = arena_strndup(ps->a, start, (size_t)(q - start));
			out->h[i] = key_hash(out->part[i]);
			i++;
			if (q == e)
				break;
			start = q + 1;
		}
	}
	return 0;
}

static size_t count_placeholders(const char *s)
{
	size_t n = 0;
	for (; (s = strstr(s, "%s")) != NULL; s += 2)
		n++;
	return n;
}

/* {{_ "msgid" arg...}}: s points after the '_'. */
static int parse_trans(struct parser *ps, int line, const char *s, const char *e, struct node *nd)
{
	while (s < e && is_space(*s))
		s++;
	if (s == e || *s != '"')
		return syntax_err(ps, line, "expected \"text\" after {{_");
	s++;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	int rc = 0;
	for (;; s++) {
		if (s == e) {
			rc = syntax_err(ps, line, "unterminated string in {{_");
			goto out;
		}
		if (*s == '"')
			break;
		char c = *s;
		if (c == '\\') {
			if (++s == e) {
				rc = syntax_err(ps, line, "unterminated string in {{_");
				goto out;
			}
			switch (*s) {
			case '"': c = '"'; break;
			case '\\': c = '\\'; break;
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			default:
				rc = syntax_err(ps, line, "bad escape '\\%c' in {{_", *s);
				goto out;
			}
		}
		buf_nofail(buf_addc(&b, c));
	}
	s++;
	nd->text = arena_strndup(ps->a, b.ptr, b.len);
	nd->len = b.len;
	for (;;) {
		while (s < e && is_space(*s))
			s++;
		if (s == e)
			break;
		const char *start = s;
		while (s < e && !is_space(*s))
			s++;
		if (nd->nargs == TRANS_MAX_ARGS) {
			rc = syntax_err(ps, line, "more than %d arguments in {{_", TRANS_MAX_ARGS);
			goto out;
		}
		rc = parse_name(ps, line, start, s, &nd->arg[nd->nargs]);
		if (rc)
			goto out;
		nd->nargs++;
	}
	if (count_placeholders(nd->text) != (size_t)nd->nargs)
		rc = syntax_err(ps, line, "\"%s\" has %zu %%s but %d arguments", nd->text,
			  count_placeholders(nd->text), nd->nargs);
out:
	buf_release(&b);
	return rc;
}

static int parse_block(struct parser *ps, const struct node *open, struct node **first);

/*
 * Parse one tag's content s[0..e) into *nd.  Returns 1 when it is the close
 * tag of `open`, 0 for a node, 2 for a comment (no node), or an error.
 */
static int parse_tag(struct parser *ps, int line, const char *s, const char *e, bool triple,
		     const struct node *open, struct node *nd)
{
	trim(&s, &e);
	if (s == e)
		return syntax_err(ps, line, "empty tag");
	nd->line = line;
	if (triple) {
		nd->kind = N_RAW;
		return parse_name(ps, line, s, e, &nd->name);
	}
	char sigil = *s;
	const char *rest = s + 1;
	if (sigil == '_' && (rest == e || is_space(*rest) || *rest == '"')) {
		nd->kind = N_TRANS;
		return parse_trans(ps, line, rest, e, nd);
	}
	if (sigil == '!')
		return 2;
	if (sigil != '#' && sigil != '^' && sigil != '/' && sigil != '>' && sigil != '&') {
		nd->kind = N_VAR;
		return parse_name(ps, line, s, e, &nd->name);
	}
	trim(&rest, &e);
	if (rest == e)
		return syntax_err(ps, line, "missing name after '%c'", sigil);
	size_t n = (size_t)(e - rest);
	switch (sigil) {
	case '&':
		nd->kind = N_RAW;
		return parse_name(ps, line, rest, e, &nd->name);
	case '>':
		for (const char *q = rest; q < e; q++)
			if (is_space(*q))
				return syntax_err(ps, line, "bad partial name '%.*s'", (int)n, rest);
		nd->kind = N_PARTIAL;
		nd->text = arena_strndup(ps->a, rest, n);
		nd->len = n;
		return 0;
	case '/':
		if (!open)
			return syntax_err(ps, line, "'{{/%.*s}}' without an open section", (int)n, rest);
		if (open->len != n || memcmp(open->text, rest, n) != 0)
			return syntax_err(ps, line, "'{{/%.*s}}' closes '%s' opened on line %d", (int)n, rest,
				    open->text, open->line);
		return 1;
	default: /* '#' or '^' */
		nd->kind = sigil == '#' ? N_SECTION : N_INVERTED;
		nd->text = arena_strndup(ps->a, rest, n);
		nd->len = n;
		int rc = parse_name(ps, line, rest, e, &nd->name);
		if (rc)
			return rc;
		if (++ps->depth > MAX_NESTING)
			return syntax_err(ps, line, "sections nested deeper than %d", MAX_NESTING);
		rc = parse_block(ps, nd, &nd->body);
		ps->depth--;
		return rc;
	}
}

/* Parse nodes until the close tag of `open` (or the end when open is NULL). */
static int parse_block(struct parser *ps, const struct node *open, struct node **first)
{
	struct node **tail = first;
	for (;;) {
		const char *tag = find2(ps->p, ps->end, '{');
		const char *text_end = tag ? tag : ps->end;
		if (text_end > ps->p) {
			struct node *nd = arena_alloc(ps->a, sizeof *nd);
			nd->kind = N_TEXT;
			nd->line = ps->line;
			nd->len = (size_t)(text_end - ps->p);
			nd->text = arena_strndup(ps->a, ps->p, nd->len);
			ps->line += count_lines(ps->p, nd->len);
			*tail = nd;
			tail = &nd->next;
			ps->p = text_end;
		}
		if (!tag) {
			if (open)
				return syntax_err(ps, open->line, "unclosed section '%s'", open->text);
			return 0;
		}
		int line = ps->line;
		bool triple = tag + 2 < ps->end && tag[2] == '{';
		const char *s = tag + (triple ? 3 : 2);
		const char *e = find2(s, ps->end, '}');
		if (!e)
			return syntax_err(ps, line, "unterminated tag");
		if (triple) {
			if (e + 2 >= ps->end || e[2] != '}')
				return syntax_err(ps, line, "'{{{' closed by '}}' instead of '}}}'");
		}
		ps->p = e + (triple ? 3 : 2);
		ps->line += count_lines(tag, (size_t)(ps->p - tag));
		struct node *nd = arena_alloc(ps->a, sizeof *nd);
		int rc = parse_tag(ps, line, s, e, triple, open, nd);
		if (rc == 1)
			return 0;
		if (rc == 2)
			continue;
		if (rc)
			return rc;
		*tail = nd;
		tail = &nd->next;
	}
}

int tmpl_add(struct tmpl_set *set, const char *name, const char *src, size_t len, char *err,
	     size_t errlen)
{
	if (err && errlen)
		err[0] = '\0';
	if (set_find(set, name)) {
		if (err && errlen)
			snprintf(err, errlen, "template '%s' already exists", name);
		return ERR_EXISTS;
	}
	struct parser ps = {
		.a = &set->a, .p = src, .end = src + len, .line = 1, .err = err, .errlen = errlen,
	};
	struct node *body = NULL;
	int rc = parse_block(&ps, NULL, &body);
	if (rc)
		return rc; /* the half-built tree stays in the arena until tmpl_set_free */
	struct tmpl *t = arena_alloc(&set->a, sizeof *t);
	t->name = arena_strdup(&set->a, name);
	t->body = body;
	size_t h = hash_str(name) % SET_BUCKETS;
	t->next = set->bucket[h];
	set->bucket[h] = t;
	return 0;
}

static int link_nodes(struct tmpl_set *set, const struct tmpl *owner, struct node *nd, char *err,
		      size_t errlen)
{
	for (; nd; nd = nd->next) {
		if (nd->kind == N_PARTIAL) {
			nd->target = set_find(set, nd->text);
			if (!nd->target) {
				if (err && errlen)
					snprintf(err, errlen, "%s: line %d: no template '%s' for {{> %s}}",
						 owner->name, nd->line, nd->text, nd->text);
				return ERR_NOTFOUND;
			}
		}
		int rc = link_nodes(set, owner, nd->body, err, errlen);
		if (rc)
			return rc;
	}
	return 0;
}

int tmpl_set_check(struct tmpl_set *set, char *err, size_t errlen)
{
	for (size_t i = 0; i < SET_BUCKETS; i++) {
		for (const struct tmpl *t = set->bucket[i]; t; t = t->next) {
			int rc = link_nodes(set, t, t->body, err, errlen);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* ---- render ---- */

/* The context stack lives on the C stack: rendering allocates nothing. */
struct ctx {
	const struct tval *v;
	const struct ctx *up;
};

struct render {
	const struct tmpl_set *set;
	tmpl_translate tr;
	void *tr_ctx;
	struct buf *out;
	int depth;
};

static const struct tval *lookup(const struct ctx *c, const struct name *nm)
{
	if (nm->n == 0)
		return c->v;
	const struct tval *v = NULL;
	for (; c && !v; c = c->up)
		v = tv_get_h(c->v, nm->part[0], nm->h[0]);
	/* Like Mustache: once the first part is found, the rest must be under it. */
	for (size_t i = 1; v && i < nm->n; i++)
		v = tv_get_h(v, nm->part[i], nm->h[i]);
	return v;
}

static int emit_value(struct render *r, const struct tval *v, bool escape)
{
	if (!v)
		return 0;
	switch (v->kind) {
	case TV_STR:
		if (escape)
			return html_escape(r->out, v->u.s, strlen(v->u.s));
		return buf_adds(r->out, v->u.s);
	case TV_HTML:
		return buf_adds(r->out, v->u.s);
	case TV_INT:
		return buf_addf(r->out, "%" PRId64, v->u.i);
	default:
		return 0;
	}
}

/* Would {{#v}} render its body (ignoring lists and objects)? */
static bool truthy(const struct tval *v)
{
	if (!v)
		return false;
	switch (v->kind) {
	case TV_BOOL: return v->u.b;
	case TV_STR:
	case TV_HTML: return v->u.s[0] != '\0';
	case TV_INT: return v->u.i != 0;
	case TV_LIST: return v->u.list.n > 0;
	case TV_OBJ: return true;
	default: return false;
	}
}

static int render_nodes(struct render *r, const struct node *nd, const struct ctx *c);

static int render_section(struct render *r, const struct node *nd, const struct ctx *c)
{
	const struct tval *v = lookup(c, &nd->name);
	if (nd->kind == N_INVERTED)
		return truthy(v) ? 0 : render_nodes(r, nd->body, c);
	if (!truthy(v))
		return 0;
	if (v->kind == TV_LIST) {
		for (const struct tv_item *it = v->u.list.head; it; it = it->next) {
			struct ctx inner = { it->val, c };
			int rc = render_nodes(r, nd->body, &inner);
			if (rc)
				return rc;
		}
		return 0;
	}
	if (v->kind == TV_OBJ) {
		struct ctx inner = { v, c };
		return render_nodes(r, nd->body, &inner);
	}
	return render_nodes(r, nd->body, c);
}

static int render_trans(struct render *r, const struct node *nd, const struct ctx *c)
{
	const char *s = r->tr ? r->tr(r->tr_ctx, nd->text) : nd->text;
	if (!s)
		s = nd->text;
	int argi = 0;
	for (;;) {
		const char *ph = strstr(s, "%s");
		size_t n = ph ? (size_t)(ph - s) : strlen(s);
		int rc = html_escape(r->out, s, n);
		if (rc || !ph)
			return rc;
		/* A translation with more %s than the msgid gets nothing for the extras. */
		if (argi < nd->nargs) {
			rc = emit_value(r, lookup(c, &nd->arg[argi]), true);
			if (rc)
				return rc;
		}
		argi++;
		s = ph + 2;
	}
}

static int render_partial(struct render *r, const struct node *nd, const struct ctx *c)
{
	const struct tmpl *t = nd->target ? nd->target : set_find(r->set, nd->text);
	if (!t)
		return ERR_NOTFOUND;
	if (r->depth >= TMPL_MAX_DEPTH)
		return ERR_INVAL;
	r->depth++;
	int rc = render_nodes(r, t->body, c);
	r->depth--;
	return rc;
}

static int render_nodes(struct render *r, const struct node *nd, const struct ctx *c)
{
	for (; nd; nd = nd->next) {
		int rc;
		switch (nd->kind) {
		case N_TEXT: rc = buf_add(r->out, nd->text, nd->len); break;
		case N_VAR: rc = emit_value(r, lookup(c, &nd->name), true); break;
		case N_RAW: rc = emit_value(r, lookup(c, &nd->name), false); break;
		case N_SECTION:
		case N_INVERTED: rc = render_section(r, nd, c); break;
		case N_PARTIAL: rc = render_partial(r, nd, c); break;
		case N_TRANS: rc = render_trans(r, nd, c); break;
		default: rc = ERR_INVAL; break;
		}
		if (rc)
			return rc;
	}
	return 0;
}

int tmpl_render(const struct tmpl_set *set, const char *name, const struct tval *data,
		tmpl_translate tr, void *tr_ctx, struct buf *out)
{
	const struct tmpl *t = set_find(set, name);
	if (!t)
		return ERR_NOTFOUND;
	struct render r = { .set = set, .tr = tr, .tr_ctx = tr_ctx, .out = out };
	struct ctx root = { data, NULL };
	return render_nodes(&r, t->body, &root);
}
