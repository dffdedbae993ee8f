/*
 * RSS and Atom feeds for webcare's outside sources (feed.h says what the
 * reader refuses and why).  libxml2 builds the tree; everything else here is
 * walking it and making HTML plain.
 */
#include "scan/feed.h"

#include <ctype.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "base/bizhours.h"
#include "base/buf.h"
#include "base/text.h"

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	xmlInitParser();
}

/* ---- dates ---------------------------------------------------------------- */

static int64_t civil_seconds(int y, int mo, int d, int h, int mi, int s)
{
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 ||
	    mi > 59 || s < 0 || s > 60)
		return 0;
	return biz_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + (s == 60 ? 59 : s);
}

/* Read up to maxd digits; -1 if none. */
static int digits(const char **p, int maxd)
{
	int v = 0, n = 0;
	while (n < maxd && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n ? v : -1;
}

static void skip_space(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

static int64_t rfc3339(const char *p)
{
	int y = digits(&p, 4);
	if (y < 0 || *p++ != '-')
		return 0;
	int mo = digits(&p, 2);
	if (mo < 0 || *p++ != '-')
		return 0;
	int d = digits(&p, 2);
	int h = 0, mi = 0, s = 0;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		h = digits(&p, 2);
		if (h < 0 || *p++ != ':')
			return 0;
		mi = digits(&p, 2);
		if (*p == ':') {
			p++;
			s = digits(&p, 2);
		}
		if (*p == '.')
			for (p++; isdigit((unsigned char)*p); p++)
				;
	}
	int64_t t = civil_seconds(y, mo, d, h, mi, s < 0 ? 0 : s);
	if (!t)
		return 0;
	if (*p == '+' || *p == '-') {
		int sign = *p++ == '-' ? -1 : 1;
		int zh = digits(&p, 2), zm = 0;
		if (zh < 0 || zh > 23)
			return 0;
		if (*p == ':')
			p++;
		zm = digits(&p, 2);
		t -= sign * (zh * 3600 + (zm < 0 ? 0 : zm) * 60);
	}
	return t;
}

static int64_t rfc822(const char *p)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	skip_space(&p);
	if (isalpha((unsigned char)*p)) { /* day name */
		while (isalpha((unsigned char)*p))
			p++;
		if (*p == ',')
			p++;
		skip_space(&p);
	}
	int d = digits(&p, 2);
	skip_space(&p);
	char mon[4] = {0};
	for (int i = 0; i < 3 && isalpha((unsigned char)*p); i++, p++)
		mon[i] = (char)tolower((unsigned char)*p);
	while (isalpha((unsigned char)*p)) /* "June" */
		p++;
	const char *m = mon[0] ? strstr(months, mon) : NULL;
	if (d < 0 || !m || (m - months) % 3)
		return 0;
	skip_space(&p);
	int y = digits(&p, 4);
	if (y < 0)
		return 0;
	if (y < 100)
		y += y < 70 ? 2000 : 1900;
	skip_space(&p);
	int h = digits(&p, 2), mi = 0, s = 0;
	if (h < 0 || *p++ != ':')
		return 0;
	mi = digits(&p, 2);
	if (*p == ':') {
		p++;
		s = digits(&p, 2);
	}
	int64_t t = civil_seconds(y, (int)((m - months) / 3) + 1, d, h, mi, s < 0 ? 0 : s);
	if (!t)
		return 0;
	skip_space(&p);
	if (*p == '+' || *p == '-') {
		int sign = *p++ == '-' ? -1 : 1;
		int z = digits(&p, 4);
		if (z < 0)
			return 0;
		t -= sign * ((z / 100) * 3600 + (z % 100) * 60);
	} else {
		static const struct { const char *name; int hours; } zones[] = {
			{"EST", -5}, {"EDT", -4}, {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6},
			{"PST", -8}, {"PDT", -7}, {"CET", 1}, {"CEST", 2}, {"MET", 1}, {"MEST", 2},
		};
		for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
			if (!strncmp(p, zones[i].name, strlen(zones[i].name)) &&
			    !isalpha((unsigned char)p[strlen(zones[i].name)]))
				t -= zones[i].hours * 3600;
		/* GMT, UT, UTC, Z and unknown zones: taken as UTC. */
	}
	return t;
}

int64_t feed_date(const char *s)
{
	if (!s)
		return 0;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
	    isdigit((unsigned char)s[3]) && s[4] == '-')
		return rfc3339(s);
	return rfc822(s);
}

/* ---- HTML made plain ------------------------------------------------------ */

static void put_utf8(struct buf *b, uint32_t cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	/* The buffer is bounded: a full one just stops growing (the text is cut). */
	IGNORE_RESULT(buf_add(b, u, n));
}

/* A character reference at s ("&...;", at most len bytes); returns the bytes
 * it takes, 0 if it is none (the '&' is then kept as text). */
static size_t char_ref(const char *s, size_t len, uint32_t *cp)
{
	static const struct { const char *name; uint32_t cp; } named[] = {
		{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '},
		{"euml", 0xEB}, {"eacute", 0xE9}, {"egrave", 0xE8}, {"ecirc", 0xEA}, {"iuml", 0xEF},
		{"ouml", 0xF6}, {"uuml", 0xFC}, {"auml", 0xE4}, {"aacute", 0xE1}, {"agrave", 0xE0},
		{"oacute", 0xF3}, {"ccedil", 0xE7}, {"Euml", 0xCB}, {"Eacute", 0xC9}, {"hellip", 0x2026},
		{"mdash", 0x2014}, {"ndash", 0x2013}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
		{"ldquo", 0x201C}, {"rdquo", 0x201D}, {"laquo", 0xAB}, {"raquo", 0xBB}, {"euro", 0x20AC},
		{"copy", 0xA9}, {"bull", 0x2022}, {"middot", 0xB7},
	};
	size_t end = 1;
	while (end < len && end < 12 && s[end] != ';' && (isalnum((unsigned char)s[end]) || s[end] == '#'))
		end++;
	if (end >= len || s[end] != ';' || end < 2)
		return 0;
	if (s[1] == '#') {
		uint32_t v = 0;
		size_t i = 2;
		bool hex = i < end && (s[i] == 'x' || s[i] == 'X');
		if (hex)
			i++;
		if (i == end)
			return 0;
		for (; i < end; i++) {
			int c = (unsigned char)s[i], dv;
			if (isdigit(c))
				dv = c - '0';
			else if (hex && isxdigit(c))
				dv = tolower(c) - 'a' + 10;
			else
				return 0;
			v = v * (hex ? 16 : 10) + (uint32_t)dv;
			if (v > 0x10FFFF)
				return 0;
		}
		/* No NUL, controls or surrogates into the text. */
		if (v < 0x20 ? v != '\n' && v != '\t' : (v >= 0x7F && v < 0xA0) || (v >= 0xD800 && v < 0xE000))
			v = ' ';
		*cp = v;
		return end + 1;
	}
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (strlen(named[i].name) == end - 1 && !memcmp(s + 1, named[i].name, end - 1)) {
			*cp = named[i].cp;
			return end + 1;
		}
	return 0;
}

/* Does the tag name at s (after '<' or '</') equal name, case-insensitively? */
static bool tag_is(const char *s, size_t len, const char *name)
{
	size_t n = strlen(name);
	return len > n && !strncasecmp(s, name, n) && !isalnum((unsigned char)s[n]);
}

static const char *const block_tags[] = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
					 "h6", "tr", "blockquote", "pre", "table", "hr", "section", "article"};

/* Append text, collapsing white space; a newline stays one newline (at most
 * two in a row), runs of other space become one space. */
static void put_text(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\r' || c == '\t' || c == '\f' || c == '\v')
			c = ' ';
		if (c == ' ' || c == '\n') {
			if (!b->len)
				continue;
			char last = b->ptr[b->len - 1];
			if (c == ' ' && (last == ' ' || last == '\n'))
				continue;
			if (c == '\n') {
				if (last == ' ')
					b->ptr[--b->len] = 0;
				if (b->len >= 2 && b->ptr[b->len - 1] == '\n' && b->ptr[b->len - 2] == '\n')
					continue;
			}
		} else if ((unsigned char)c < 0x20)
			continue;
		IGNORE_RESULT(buf_addc(b, c)); /* bounded: a full buffer cuts the text */
	}
}

/* Cut b to at most max bytes on a UTF-8 boundary, without trailing space. */
static char *finish(struct arena *a, struct buf *b, size_t max)
{
	size_t n = b->len < max ? b->len : max;
	while (n > 0 && n < b->len && ((unsigned char)b->ptr[n] & 0xC0) == 0x80)
		n--;
	while (n > 0 && (b->ptr[n - 1] == ' ' || b->ptr[n - 1] == '\n'))
		n--;
	size_t start = 0;
	while (start < n && (b->ptr[start] == ' ' || b->ptr[start] == '\n'))
		start++;
	char *out = arena_strndup(a, b->ptr + start, n - start);
	buf_release(b);
	return out;
}

char *feed_html_text(struct arena *a, const char *s, size_t len, size_t max)
{
	struct buf b = BUF_INIT(max + 8);
	size_t i = 0;
	while (i < len && b.len < max + 4) {
		char c = s[i];
		if (c == '<') {
			const char *t = s + i + 1;
			size_t rest = len - i - 1;
			if (rest >= 3 && !memcmp(t, "!--", 3)) {
				const char *e = memmem(t + 3, rest - 3, "-->", 3);
				i = e ? (size_t)(e - s) + 3 : len;
				continue;
			}
			bool closing = rest && *t == '/';
			const char *name = closing ? t + 1 : t;
			size_t nrest = closing ? rest - 1 : rest;
			if (!closing && (tag_is(name, nrest, "script") || tag_is(name, nrest, "style"))) {
				const char *close = tag_is(name, nrest, "script") ? "</script" : "</style";
				const char *e = NULL;
				for (size_t k = i + 1; k + strlen(close) <= len; k++)
					if (!strncasecmp(s + k, close, strlen(close))) {
						e = s + k;
						break;
					}
				i = e ? (size_t)(e - s) + 1 : len;
				const char *gt = i < len ? memchr(s + i, '>', len - i) : NULL;
				i = gt ? (size_t)(gt - s) + 1 : len;
				continue;
			}
			if (!(nrest && (isalpha((unsigned char)*name) || *name == '!' || *name == '?'))) {
				put_text(&b, "<", 1); /* a lone '<' in text */
				i++;
				continue;
			}
			/* Blocks break the line, cells and images part words, inline
			 * tags (b, em, a, span) are not there in the text. */
			bool block = false, cell = tag_is(name, nrest, "td") || tag_is(name, nrest, "th") ||
						   tag_is(name, nrest, "img");
			for (size_t k = 0; k < sizeof block_tags / sizeof block_tags[0]; k++)
				block |= tag_is(name, nrest, block_tags[k]);
			const char *gt = memchr(t, '>', rest);
			i = gt ? (size_t)(gt - s) + 1 : len;
			if (block || cell)
				put_text(&b, block ? "\n" : " ", 1);
			continue;
		}
		if (c == '&') {
			uint32_t cp;
			size_t n = char_ref(s + i, len - i, &cp);
			if (n) {
				if (cp < 0x80) {
					char ch = (char)cp;
					put_text(&b, &ch, 1);
				} else {
					put_utf8(&b, cp);
				}
				i += n;
				continue;
			}
		}
		put_text(&b, &c, 1);
		i++;
	}
	return finish(a, &b, max);
}

/* ---- the tree ------------------------------------------------------------- */

static bool named(const xmlNode *n, const char *name, const char *ns)
{
	if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name))
		return false;
	if (!ns) /* RSS elements have no namespace (RSS 1.0's have its own: accepted too) */
		return !n->ns || strcmp((const char *)n->ns->href, NS_ATOM);
	return n->ns && !strcmp((const char *)n->ns->href, ns);
}

static const xmlNode *child(const xmlNode *n, const char *name, const char *ns)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (named(c, name, ns))
			return c;
	return NULL;
}

/* The text under n: text and CDATA nodes, elements walked (Atom's xhtml);
 * entity references are skipped, never expanded. */
static void collect(const xmlNode *n, struct buf *b, int depth)
{
	for (const xmlNode *c = n->children; c && depth < 32; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				IGNORE_RESULT(buf_adds(b, (const char *)c->content)); /* bounded: cut */
		} else if (c->type == XML_ELEMENT_NODE) {
			IGNORE_RESULT(buf_addc(b, ' '));
			collect(c, b, depth + 1);
		}
	}
}

/* The raw text of n, at most limit bytes (before making it plain). */
static char *raw(struct arena *a, const xmlNode *n, size_t limit)
{
	struct buf b = BUF_INIT(limit);
	if (n)
		collect(n, &b, 0);
	char *s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

static char *plain(struct arena *a, const xmlNode *n, size_t max, bool html)
{
	char *r = raw(a, n, max * 4 + 1024);
	if (html)
		return feed_html_text(a, r, strlen(r), max);
	struct buf b = BUF_INIT(max + 8);
	put_text(&b, r, strlen(r));
	return finish(a, &b, max);
}

/* An http(s) URL without spaces or controls, or "". */
static const char *url_ok(struct arena *a, const char *s)
{
	if (!s)
		return "";
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	bool http = (n > 7 && !strncasecmp(s, "http://", 7)) || (n > 8 && !strncasecmp(s, "https://", 8));
	if (n > FEED_MAX_URL || !http)
		return "";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7F)
			return "";
	return arena_strndup(a, s, n);
}

static const char *attr(struct arena *a, const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = arena_strndup(a, (const char *)v, strnlen((const char *)v, FEED_MAX_URL + 1));
	xmlFree(v);
	return s;
}

/* Atom text constructs say how they are written; RSS descriptions are HTML. */
static char *atom_text(struct arena *a, const xmlNode *n, size_t max)
{
	if (!n)
		return "";
	const char *type = attr(a, n, "type");
	return plain(a, n, max, type && !strcmp(type, "html"));
}

uint64_t feed_fnv(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static const char *fallback_guid(struct arena *a, const struct feed_item *it)
{
	/* over title and text, with a byte no UTF-8 text holds between them */
	uint64_t h = (feed_fnv(FEED_FNV_START, it->title) ^ 0xFF) * 1099511628211ULL;
	return arena_printf(a, "hash:%016llx", (unsigned long long)feed_fnv(h, it->text));
}

static void rss_item(struct arena *a, const xmlNode *n, struct feed_item *it)
{
	it->title = plain(a, child(n, "title", NULL), FEED_MAX_TITLE, true);
	const xmlNode *body = child(n, "encoded", NS_CONTENT);
	if (!body)
		body = child(n, "description", NULL);
	it->text = plain(a, body, FEED_MAX_TEXT, true);
	it->link = url_ok(a, raw(a, child(n, "link", NULL), FEED_MAX_URL + 64));
	const xmlNode *g = child(n, "guid", NULL);
	it->guid = g ? plain(a, g, 500, false) : "";
	const xmlNode *au = child(n, "creator", NS_DC);
	if (!au)
		au = child(n, "author", NULL);
	it->author = plain(a, au, 200, false);
	const xmlNode *d = child(n, "pubDate", NULL);
	if (!d)
		d = child(n, "date", NS_DC);
	it->published = d ? feed_date(raw(a, d, 100)) : 0;
}

static void atom_entry(struct arena *a, const xmlNode *n, struct feed_item *it)
{
	it->title = atom_text(a, child(n, "title", NS_ATOM), FEED_MAX_TITLE);
	const xmlNode *body = child(n, "content", NS_ATOM);
	if (!body)
		body = child(n, "summary", NS_ATOM);
	it->text = atom_text(a, body, FEED_MAX_TEXT);
	it->link = "";
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (!named(c, "link", NS_ATOM))
			continue;
		const char *rel = attr(a, c, "rel");
		if (!rel || !strcmp(rel, "alternate")) {
			it->link = url_ok(a, attr(a, c, "href"));
			break;
		}
	}
	const xmlNode *id = child(n, "id", NS_ATOM);
	it->guid = id ? plain(a, id, 500, false) : "";
	const xmlNode *au = child(n, "author", NS_ATOM);
	it->author = au ? plain(a, child(au, "name", NS_ATOM), 200, false) : "";
	const xmlNode *d = child(n, "published", NS_ATOM);
	if (!d)
		d = child(n, "updated", NS_ATOM);
	it->published = d ? feed_date(raw(a, d, 100)) : 0;
}

/* Does the document's prolog declare entities of its own?  Looked at in the
 * bytes, before libxml2 reads them, so a billion laughs is never parsed. */
static bool declares_entities(const char *s, size_t len)
{
	const char *dt = NULL;
	size_t i = 0;
	while (i < len) { /* the prolog: declarations, comments, processing instructions */
		const char *lt = memchr(s + i, '<', len - i);
		if (!lt)
			return false;
		size_t rest = len - (size_t)(lt - s);
		if (rest >= 9 && !memcmp(lt, "<!DOCTYPE", 9)) {
			dt = lt;
			break;
		}
		if (rest >= 4 && !memcmp(lt, "<!--", 4)) {
			const char *e = memmem(lt, rest, "-->", 3);
			if (!e)
				return false;
			i = (size_t)(e - s) + 3;
			continue;
		}
		if (rest >= 2 && lt[1] == '?') {
			const char *e = memmem(lt, rest, "?>", 2);
			if (!e)
				return false;
			i = (size_t)(e - s) + 2;
			continue;
		}
		return false; /* the root element: no DOCTYPE */
	}
	if (!dt)
		return false;
	/* Inside the DOCTYPE, up to the end of its internal subset. */
	const char *end = s + len;
	const char *open = memchr(dt, '[', (size_t)(end - dt));
	const char *gt = memchr(dt, '>', (size_t)(end - dt));
	if (!open || (gt && gt < open))
		return false;
	const char *close = memmem(open, (size_t)(end - open), "]", 1);
	size_t n = (size_t)((close ? close : end) - open);
	return memmem(open, n, "<!ENTITY", 8) != NULL;
}

int feed_parse(struct arena *a, const char *body, size_t len, struct feed *out, const char **why)
{
	*out = (struct feed){0};
	*why = NULL;
	if (len > FEED_MAX_BYTES) {
		*why = "larger than 4 MB";
		return ERR_TOOBIG;
	}
	if (len == 0 || len > INT32_MAX) {
		*why = "empty";
		return ERR_INVAL;
	}
	/* UTF-16 and UTF-32 feeds would slip past the byte check below: a NUL
	 * byte means such a feed, refused (no feed we know of needs it). */
	if (memchr(body, 0, len)) {
		*why = "not UTF-8 or a single-byte encoding";
		return ERR_INVAL;
	}
	if (declares_entities(body, len)) {
		*why = "declares entities of its own";
		return ERR_INVAL;
	}
	pthread_once(&xml_once, xml_init);
	/* No NOENT (entities not substituted), no DTDLOAD/DTDATTR, no HUGE (the
	 * default depth and text limits stay on), no network. */
	xmlDoc *doc = xmlReadMemory(body, (int)len, NULL, NULL,
				    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS);
	if (!doc) {
		*why = "not well-formed XML (or an unknown encoding)";
		return ERR_INVAL;
	}
	int rc = 0;
	if (doc->intSubset && (doc->intSubset->entities || doc->intSubset->pentities)) {
		*why = "declares entities of its own";
		rc = ERR_INVAL;
		goto done;
	}
	const xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *chan = NULL, *items = NULL;
	if (root && named(root, "feed", NS_ATOM)) {
		out->kind = FEED_ATOM;
		chan = items = root;
		out->title = atom_text(a, child(root, "title", NS_ATOM), FEED_MAX_TITLE);
		out->link = "";
		for (const xmlNode *c = root->children; c; c = c->next)
			if (named(c, "link", NS_ATOM)) {
				const char *rel = attr(a, c, "rel");
				if (!rel || !strcmp(rel, "alternate")) {
					out->link = url_ok(a, attr(a, c, "href"));
					break;
				}
			}
	} else if (root && (named(root, "rss", NULL) || !strcmp((const char *)root->name, "RDF"))) {
		out->kind = FEED_RSS;
		chan = child(root, "channel", NULL);
		/* RSS 2.0: items inside the channel; RSS 1.0: beside it. */
		items = chan && child(chan, "item", NULL) ? chan : root;
		out->title = chan ? plain(a, child(chan, "title", NULL), FEED_MAX_TITLE, true) : "";
		out->link = chan ? url_ok(a, raw(a, child(chan, "link", NULL), FEED_MAX_URL + 64)) : "";
	} else {
		*why = "neither RSS nor Atom";
		rc = ERR_INVAL;
		goto done;
	}
	(void)chan;
	size_t cap = 0;
	for (const xmlNode *c = items->children; c; c = c->next) {
		bool entry = out->kind == FEED_ATOM ? named(c, "entry", NS_ATOM) : named(c, "item", NULL);
		if (!entry)
			continue;
		if (out->nitems == FEED_MAX_ITEMS) {
			out->skipped++;
			continue;
		}
		out->items = arena_grow(a, out->items, &cap, out->nitems, sizeof *out->items);
		struct feed_item *it = &out->items[out->nitems++];
		if (out->kind == FEED_ATOM)
			atom_entry(a, c, it);
		else
			rss_item(a, c, it);
		if (!*it->guid)
			it->guid = *it->link ? it->link : fallback_guid(a, it);
	}
done:
	xmlFreeDoc(doc);
	return rc;
}
