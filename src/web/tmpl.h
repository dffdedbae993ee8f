#ifndef WEB_TMPL_H
#define WEB_TMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"

/*
 * Mustache-like HTML templates, escaping by default.
 *
 * Templates are compiled once at start into a node tree (tmpl_add) and then
 * rendered many times, from many threads at once, against a small value tree
 * that a handler builds per request in its arena (tv_*).  Rendering never
 * parses and allocates only through the output buffer.
 *
 * Syntax:
 *   {{name}} {{a.b.c}} {{.}}   value, HTML-escaped (ints in decimal, bools
 *                              and null print nothing, TV_HTML as is)
 *   {{{name}}} {{& name}}      raw, unescaped (should be rare)
 *   {{#name}}...{{/name}}      list: once per item, item pushed on the
 *                              context stack; object: once, pushed; true,
 *                              non-empty string, non-zero int: once, no push;
 *                              anything else: nothing
 *   {{^name}}...{{/name}}      inverted: when the section would render nothing
 *   {{> partial}}              another template of the set, same context
 *   {{_ "Tekst"}}              msgid through the translator, then escaped
 *   {{_ "Hallo %s" name}}      each %s in the translation replaced by the next
 *                              argument's escaped value (at most 2 arguments)
 *   {{! comment }}             ignored
 * Whitespace inside tags is allowed.  A name's first part is looked up from
 * the innermost section context outwards to the root; later parts only inside
 * what the first part found.
 */

/* ---- values ---- */

/* Append only, like enum err. */
enum tval_kind { TV_NULL, TV_STR, TV_BOOL, TV_INT, TV_OBJ, TV_LIST, TV_HTML };

/*
 * A value node; lives in the arena it was made from.  Objects and lists
 * remember their arena so tv_set and tv_push need not be given one.
 */
struct tval;

struct tval *tv_obj(struct arena *a);
struct tval *tv_list(struct arena *a);
/* Scalars, for list items (a list of strings) and for tv_set.  s not copied. */
struct tval *tv_str(struct arena *a, const char *s);   /* NULL gives TV_NULL */
struct tval *tv_html(struct arena *a, const char *html); /* NULL gives TV_NULL */
struct tval *tv_bool(struct arena *a, bool b);
struct tval *tv_int(struct arena *a, int64_t v);

/*
 * Set obj[key] = v, replacing an earlier value of the same key.  key is not
 * copied: pass a literal or an arena string.  v NULL stores TV_NULL.
 */
void tv_set(struct tval *obj, const char *key, struct tval *v);
/* s is not copied; NULL stores TV_NULL. */
void tv_set_str(struct arena *a, struct tval *obj, const char *key, const char *s);
/* Formats into the arena. */
void tv_set_strf(struct arena *a, struct tval *obj, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/*
 * Pre-rendered HTML that the caller vouches is safe; {{key}} emits it
 * unescaped.  Not copied; NULL stores TV_NULL.
 */
void tv_set_html(struct arena *a, struct tval *obj, const char *key, const char *html);
void tv_set_bool(struct arena *a, struct tval *obj, const char *key, bool b);
void tv_set_int(struct arena *a, struct tval *obj, const char *key, int64_t v);
/* Append item to list (in order). */
void tv_push(struct tval *list, struct tval *item);
/* obj[key], or NULL if absent or obj is not an object. */
struct tval *tv_get(const struct tval *obj, const char *key);
/* Kind of v; TV_NULL for NULL. */
enum tval_kind tv_kind(const struct tval *v);
/* Number of items of a list or members of an object; 0 otherwise. */
size_t tv_len(const struct tval *v);

/* ---- templates ---- */

/* All templates of the program, by name.  Read-only once compiled. */
struct tmpl_set;

struct tmpl_set *tmpl_set_new(void);
/*
 * Compile src[0..len) as template `name` (copied).  On a syntax error
 * (unterminated or empty tag, bad name, unclosed or mismatched section, %s
 * count not matching a translation's arguments) returns ERR_INVAL and writes
 * "line N: ..." to err if err is not NULL.  ERR_EXISTS if the name is taken.
 * Not thread-safe: add every template before the first render.
 */
int tmpl_add(struct tmpl_set *set, const char *name, const char *src, size_t len, char *err,
	     size_t errlen);
/*
 * Check that every {{> partial}} names a template of the set and link it, so
 * renders skip the name lookup; call once after the last tmpl_add.
 * ERR_NOTFOUND with a message naming the culprit.  Optional: unlinked
 * partials are looked up by name at render time.
 */
int tmpl_set_check(struct tmpl_set *set, char *err, size_t errlen);
/* NULL is a no-op. */
void tmpl_set_free(struct tmpl_set *set);

/*
 * Called for {{_ "text"}}: the translation of msgid, or msgid itself.  Must
 * be safe to call from several threads.
 */
typedef const char *(*tmpl_translate)(void *ctx, const char *msgid);

/*
 * Render template `name` with `data` (the root context, may be NULL),
 * appending to out.  tr NULL means no translation.  Thread-safe.
 * Returns ERR_NOTFOUND for an unknown template or partial, ERR_TOOBIG when
 * out reaches its limit, ERR_INVAL when partials nest deeper than
 * TMPL_MAX_DEPTH.  On error out holds a partial page; discard it.
 */
#define TMPL_MAX_DEPTH 16
int tmpl_render(const struct tmpl_set *set, const char *name, const struct tval *data,
		tmpl_translate tr, void *tr_ctx, struct buf *out);

#endif
