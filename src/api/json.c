/* A small streaming JSON writer over struct buf: commas are its business. */
#include "api/api_int.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/text.h"

enum { ST_FIRST, ST_MORE, ST_KEY };

void jw_init(struct jw *j, struct buf *b)
{
	/* The writer's appends are buf_nofail: only an unbounded buffer will do. */
	assert(b->max == BUF_NOLIMIT);
	memset(j, 0, sizeof *j);
	j->b = b;
}

/* The writer's own appends: its buffer is unbounded (jw_init), so only
 * the allocation can fail, and that aborts. */
static inline void put(struct jw *j, const char *s, size_t n)
{
	struct buf *b = j->b;
	if (b->cap - b->len < n + 1)
		buf_nofail(buf_grow(b, n));
	memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

static inline void putc_(struct jw *j, char c)
{
	put(j, &c, 1);
}

#define PUTS(j, lit) put((j), (lit), sizeof(lit) - 1)

static void sep(struct jw *j)
{
	if (j->st[j->depth] == ST_MORE)
		putc_(j, ',');
	j->st[j->depth] = ST_MORE;
}

static void open_c(struct jw *j, char ch)
{
	sep(j);
	putc_(j, ch);
	if (j->depth < (int)sizeof j->st - 1)
		j->depth++;
	j->st[j->depth] = ST_FIRST;
}

static void close_c(struct jw *j, char ch)
{
	putc_(j, ch);
	if (j->depth > 0)
		j->depth--;
}

void jw_obj(struct jw *j) { open_c(j, '{'); }
void jw_end(struct jw *j) { close_c(j, '}'); }
void jw_arr(struct jw *j) { open_c(j, '['); }
void jw_arr_end(struct jw *j) { close_c(j, ']'); }

void jw_key(struct jw *j, const char *k)
{
	/* Keys are nearly always the program's own plain words: written in
	 * one piece (a tenth of a timeline's instructions went to escaping
	 * them byte by byte). */
	size_t n = 0;
	bool plain = true;
	for (; k[n]; n++)
		plain &= !json_special((unsigned char)k[n]);
	if (!plain) {
		sep(j);
		putc_(j, '"');
		json_escape(j->b, k, n);
		PUTS(j, "\":");
		j->st[j->depth] = ST_KEY;
		return;
	}
	struct buf *b = j->b;
	if (b->cap - b->len < n + 5)
		buf_nofail(buf_grow(b, n + 4));
	char *o = b->ptr + b->len;
	if (j->st[j->depth] == ST_MORE)
		*o++ = ',';
	*o++ = '"';
	memcpy(o, k, n);
	o += n;
	*o++ = '"';
	*o++ = ':';
	*o = '\0';
	b->len = (size_t)(o - b->ptr);
	j->st[j->depth] = ST_KEY;
}

/* After a key the value takes no comma; then the object has items. */
static void val(struct jw *j)
{
	if (j->st[j->depth] == ST_KEY)
		j->st[j->depth] = ST_MORE;
	else
		sep(j);
}

void jw_raw(struct jw *j, const char *s, size_t n)
{
	val(j);
	put(j, s, n);
}

void jw_str(struct jw *j, const char *s)
{
	val(j);
	if (!s) {
		PUTS(j, "null");
		return;
	}
	putc_(j, '"');
	json_escape(j->b, s, strlen(s));
	putc_(j, '"');
}

void jw_int(struct jw *j, int64_t v)
{
	val(j);
	char s[24];
	size_t n = 0;
	uint64_t u = (uint64_t)v;
	if (v < 0) {
		s[n++] = '-';
		u = 0 - u;
	}
	n += u64_str(s + n, u);
	put(j, s, n);
}

void jw_dec1(struct jw *j, double v)
{
	val(j);
	buf_nofail(buf_addf(j->b, "%.1f", v));
}

void jw_bool(struct jw *j, bool v)
{
	val(j);
	if (v)
		PUTS(j, "true");
	else
		PUTS(j, "false");
}

void jw_null(struct jw *j)
{
	val(j);
	PUTS(j, "null");
}

void jw_id(struct jw *j, uint64_t id)
{
	val(j);
	if (!id) {
		PUTS(j, "null");
		return;
	}
	char s[24];
	s[0] = '"';
	size_t n = 1 + u64_str(s + 1, id);
	s[n++] = '"';
	put(j, s, n);
}

/*
 * Year, month and day of a count of days since 1970-01-01, in the
 * proleptic Gregorian calendar: eras of 400 years (146,097 days) from
 * 0000-03-01, so a leap day is the last day of its year.
 */
static void civil(int64_t days, int *y, int *m, int *d)
{
	days += 719468; /* days from 0000-03-01 to 1970-01-01 */
	int64_t era = (days >= 0 ? days : days - 146096) / 146097;
	int64_t doe = days - era * 146097;                              /* 0..146096 */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0..399 */
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);          /* 0..365, from March */
	int64_t mp = (5 * doy + 2) / 153;                               /* 0 = March */
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static char *two(char *w, int v)
{
	w[0] = (char)('0' + v / 10);
	w[1] = (char)('0' + v % 10);
	return w + 2;
}

/* "YYYY-MM-DD" for t in years 1970..9999 (the rest: strftime's way). */
static char *ymd(char *w, int64_t t)
{
	int y, m, d;
	civil(t / 86400, &y, &m, &d);
	w = two(w, y / 100);
	w = two(w, y % 100);
	*w++ = '-';
	w = two(w, m);
	*w++ = '-';
	return two(w, d);
}

#define T_FAST_MAX INT64_C(253402300799) /* 9999-12-31T23:59:59Z */

void jw_time(struct jw *j, int64_t t)
{
	val(j);
	if (!t) {
		PUTS(j, "null");
		return;
	}
	char s[40];
	if (t > 0 && t <= T_FAST_MAX) {
		char *w = s;
		*w++ = '"';
		w = ymd(w, t);
		int sec = (int)(t % 86400);
		*w++ = 'T';
		w = two(w, sec / 3600);
		*w++ = ':';
		w = two(w, sec / 60 % 60);
		*w++ = ':';
		w = two(w, sec % 60);
		memcpy(w, ".000Z\"", 6);
		put(j, s, (size_t)(w + 6 - s));
		return;
	}
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(s, sizeof s, "\"%Y-%m-%dT%H:%M:%S.000Z\"", &tm);
	put(j, s, strlen(s));
}

void jw_date(struct jw *j, int64_t t)
{
	val(j);
	char s[40];
	if (t >= 0 && t <= T_FAST_MAX) {
		char *w = s;
		*w++ = '"';
		w = ymd(w, t);
		*w++ = '"';
		put(j, s, (size_t)(w - s));
		return;
	}
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(s, sizeof s, "\"%Y-%m-%d\"", &tm);
	put(j, s, strlen(s));
}

void jw_kstr(struct jw *j, const char *k, const char *s) { jw_key(j, k); jw_str(j, s); }
void jw_kint(struct jw *j, const char *k, int64_t v) { jw_key(j, k); jw_int(j, v); }
void jw_kbool(struct jw *j, const char *k, bool v) { jw_key(j, k); jw_bool(j, v); }
void jw_knull(struct jw *j, const char *k) { jw_key(j, k); jw_null(j); }
void jw_kid(struct jw *j, const char *k, uint64_t id) { jw_key(j, k); jw_id(j, id); }
void jw_ktime(struct jw *j, const char *k, int64_t t) { jw_key(j, k); jw_time(j, t); }
void jw_kempty(struct jw *j, const char *k) { jw_key(j, k); jw_arr(j); jw_arr_end(j); }
