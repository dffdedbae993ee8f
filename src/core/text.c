/*
 * Post text: finding #tags and @mentions, rendering to safe HTML, and the
 * stemmed words kept for full-text search.  Everything user-written is
 * escaped; only the markup made here is raw.
 */
#include <libstemmer.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/text.h"
#include "core/core.h"
#include "core/core_int.h"

static bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

static bool name_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* A # or @ starts a token only at the start or after a non-word byte
 * (so "a@b.nl" and "C#" are left alone). */
static bool token_start(const char *s, size_t i)
{
	return i == 0 || !word_byte((unsigned char)s[i - 1]);
}

size_t text_tags(struct arena *a, const char *s, const char **out, size_t max)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len && n < max; i++) {
		if (s[i] != '#' || !token_start(s, i))
			continue;
		size_t j = i + 1;
		while (j < len && word_byte((unsigned char)s[j]) && j - i <= CORE_TAG_MAX)
			j++;
		if (j == i + 1)
			continue;
		char *t = arena_strndup(a, s + i + 1, j - i - 1);
		str_lower(t);
		if (!utf8_valid(t, strlen(t)))
			continue;
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			dup |= !strcmp(out[k], t);
		if (!dup)
			out[n++] = t;
		i = j - 1;
	}
	return n;
}

size_t text_mentions(struct arena *a, const char *s, const char **out, size_t max)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len && n < max; i++) {
		if (s[i] != '@' || !token_start(s, i))
			continue;
		size_t j = i + 1;
		while (j < len && name_byte((unsigned char)s[j]) && j - i <= CORE_NAME_MAX)
			j++;
		if (j - i < 3)
			continue;
		/* "@user@host": an account on another server (its name here). */
		if (j + 1 < len && s[j] == '@') {
			size_t h = j + 1;
			while (h < len && h - j <= 253 &&
			       ((s[h] >= 'a' && s[h] <= 'z') || (s[h] >= 'A' && s[h] <= 'Z') || (s[h] >= '0' && s[h] <= '9') ||
			        s[h] == '.' || s[h] == '-' || s[h] == ':'))
				h++;
			while (h > j + 1 && strchr(".:-", s[h - 1]))
				h--; /* the sentence's, not the host's */
			if (h > j + 1)
				j = h;
		}
		char *t = arena_strndup(a, s + i + 1, j - i - 1);
		str_lower(t);
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			dup |= !strcmp(out[k], t);
		if (!dup)
			out[n++] = t;
		i = j - 1;
	}
	return n;
}

static size_t link_end(const char *s, size_t i, size_t len)
{
	size_t j = i;
	while (j < len && !strchr(" \t\r\n<>\"'", s[j]))
		j++;
	/* Trailing punctuation belongs to the sentence, not the link. */
	while (j > i && strchr(".,;:!?)", s[j - 1]))
		j--;
	return j;
}

/* Links of an organisation's post go through kring's own redirect
 * (/l/<post>-<n>, the n-th link of the text) so their clicks count; want
 * finds the n-th link's address.  post 0: links go straight out. */
struct links {
	uint64_t post;
	int n;          /* links seen so far */
	int want;       /* -1: none */
	const char *found;
};

static char *render(struct arena *a, const char *s, struct links *lk)
{
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	size_t len = strlen(s);
	buf_nofail(buf_adds(&b, "<p>"));
	for (size_t i = 0; i < len;) {
		if (s[i] == '\r') {
			i++;
			continue;
		}
		if (s[i] == '\n') {
			if (i + 1 < len && (s[i + 1] == '\n' || (s[i + 1] == '\r' && i + 2 < len && s[i + 2] == '\n'))) {
				buf_nofail(buf_adds(&b, "</p><p>"));
				while (i < len && (s[i] == '\n' || s[i] == '\r'))
					i++;
			} else {
				buf_nofail(buf_adds(&b, "<br>"));
				i++;
			}
			continue;
		}
		if ((!strncmp(s + i, "https://", 8) || !strncmp(s + i, "http://", 7)) && token_start(s, i)) {
			size_t j = link_end(s, i, len);
			size_t pre = s[i + 4] == 's' ? 8 : 7;
			if (j > i + pre) {
				int n = lk->n++;
				if (n == lk->want)
					lk->found = arena_strndup(a, s + i, j - i);
				buf_nofail(buf_adds(&b, "<a href=\""));
				if (lk->post)
					buf_nofail(buf_addf(&b, "/l/%llu-%d", (unsigned long long)lk->post, n));
				else
					html_escape(&b, s + i, j - i);
				buf_nofail(buf_adds(&b, "\" rel=\"nofollow ugc noopener\" target=\"_blank\">"));
				html_escape(&b, s + i + pre, j - i - pre);
				buf_nofail(buf_adds(&b, "</a>"));
				i = j;
				continue;
			}
		}
		if ((s[i] == '#' || s[i] == '@') && token_start(s, i)) {
			bool tag = s[i] == '#';
			size_t j = i + 1;
			while (j < len && (tag ? word_byte((unsigned char)s[j]) : name_byte((unsigned char)s[j])) &&
			       j - i <= 64)
				j++;
			if (j - i >= (tag ? 2u : 3u) && utf8_valid(s + i + 1, j - i - 1)) {
				char *name = arena_strndup(a, s + i + 1, j - i - 1);
				str_lower(name);
				struct buf href = BUF_INIT(BUF_NOLIMIT);
				url_encode(&href, name, strlen(name));
				buf_nofail(buf_addf(&b, tag ? "<a href=\"/tags/%s\" class=\"tag\">#" : "<a href=\"/@%s\" class=\"mention\">@",
				                    href.ptr));
				buf_release(&href);
				html_escape(&b, s + i + 1, j - i - 1);
				buf_nofail(buf_adds(&b, "</a>"));
				i = j;
				continue;
			}
		}
		size_t j = i;
		while (j < len && s[j] != '\n' && s[j] != '\r' && s[j] != '#' && s[j] != '@' && s[j] != 'h')
			j++;
		if (j == i)
			j = i + 1;
		html_escape(&b, s + i, j - i);
		i = j;
	}
	buf_nofail(buf_adds(&b, "</p>"));
	char *out = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return out;
}

char *core_render_text(struct core *c, struct arena *a, const char *s)
{
	(void)c;
	struct links lk = {.want = -1};
	return render(a, s, &lk);
}

/* An organisation's post that is not a private message: its links count. */
static bool tracked(const struct post *p)
{
	return p->author && p->author->kind == ACCOUNT_ORG && p->visibility != VIS_DIRECT;
}

char *core_render_post_text(struct core *c, struct arena *a, const struct post *p)
{
	if (!tracked(p))
		return core_render_text(c, a, core_dm_body(p));
	struct links lk = {.post = p->id, .want = -1};
	return render(a, p->text, &lk);
}

const char *post_link_at(struct arena *a, const struct post *p, int n)
{
	if (!tracked(p) || n < 0)
		return NULL;
	struct links lk = {.want = n};
	(void)render(a, p->text, &lk);
	return lk.found;
}

static _Thread_local struct sb_stemmer *stemmer;

char *core_search_words(struct arena *a, const char *text)
{
	if (!stemmer)
		stemmer = sb_stemmer_new("dutch", "UTF_8");
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		/* '_' joins words in #tags but separates them for search. */
		while (i < len && (!word_byte((unsigned char)text[i]) || text[i] == '_'))
			i++;
		size_t j = i;
		while (j < len && word_byte((unsigned char)text[j]) && text[j] != '_')
			j++;
		if (j > i && j - i <= 64) {
			char w[72];
			memcpy(w, text + i, j - i);
			w[j - i] = '\0';
			str_lower(w);
			if (utf8_valid(w, strlen(w))) {
				const sb_symbol *st = stemmer ? sb_stemmer_stem(stemmer, (const sb_symbol *)w, (int)strlen(w)) : NULL;
				if (b.len)
					buf_nofail(buf_addc(&b, ' '));
				if (st)
					buf_nofail(buf_add(&b, st, (size_t)sb_stemmer_length(stemmer)));
				else
					buf_nofail(buf_adds(&b, w));
			}
		}
		i = j;
	}
	char *out = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return out;
}

const char *core_tag_name(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	if (*s == '#')
		s++;
	size_t len = strlen(s);
	if (!len || len > CORE_TAG_MAX || !utf8_valid(s, len))
		return NULL;
	/* What text_tags would find after a # in a post, and nothing else. */
	for (size_t i = 0; i < len; i++)
		if (!word_byte((unsigned char)s[i]))
			return NULL;
	char *t = arena_strdup(a, s);
	str_lower(t);
	return t;
}
