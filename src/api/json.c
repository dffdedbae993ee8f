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

static void sep(struct jw *j)
{
	if (j->st[j->depth] == ST_MORE)
		buf_nofail(buf_addc(j->b, ','));
	j->st[j->depth] = ST_MORE;
}

static void open_c(struct jw *j, char ch)
{
	sep(j);
	buf_nofail(buf_addc(j->b, ch));
	if (j->depth < (int)sizeof j->st - 1)
		j->depth++;
	j->st[j->depth] = ST_FIRST;
}

static void close_c(struct jw *j, char ch)
{
	buf_nofail(buf_addc(j->b, ch));
	if (j->depth > 0)
		j->depth--;
}

void jw_obj(struct jw *j) { open_c(j, '{'); }
void jw_end(struct jw *j) { close_c(j, '}'); }
void jw_arr(struct jw *j) { open_c(j, '['); }
void jw_arr_end(struct jw *j) { close_c(j, ']'); }

void jw_key(struct jw *j, const char *k)
{
	sep(j);
	buf_nofail(buf_addc(j->b, '"'));
	json_escape(j->b, k, strlen(k));
	buf_nofail(buf_adds(j->b, "\":"));
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

void jw_str(struct jw *j, const char *s)
{
	val(j);
	if (!s) {
		buf_nofail(buf_adds(j->b, "null"));
		return;
	}
	buf_nofail(buf_addc(j->b, '"'));
	json_escape(j->b, s, strlen(s));
	buf_nofail(buf_addc(j->b, '"'));
}

void jw_int(struct jw *j, int64_t v)
{
	val(j);
	buf_nofail(buf_addf(j->b, "%lld", (long long)v));
}

void jw_dec1(struct jw *j, double v)
{
	val(j);
	buf_nofail(buf_addf(j->b, "%.1f", v));
}

void jw_bool(struct jw *j, bool v)
{
	val(j);
	buf_nofail(buf_adds(j->b, v ? "true" : "false"));
}

void jw_null(struct jw *j)
{
	val(j);
	buf_nofail(buf_adds(j->b, "null"));
}

void jw_id(struct jw *j, uint64_t id)
{
	val(j);
	if (id)
		buf_nofail(buf_addf(j->b, "\"%llu\"", (unsigned long long)id));
	else
		buf_nofail(buf_adds(j->b, "null"));
}

void jw_time(struct jw *j, int64_t t)
{
	val(j);
	if (!t) {
		buf_nofail(buf_adds(j->b, "null"));
		return;
	}
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char s[40];
	strftime(s, sizeof s, "\"%Y-%m-%dT%H:%M:%S.000Z\"", &tm);
	buf_nofail(buf_adds(j->b, s));
}

void jw_date(struct jw *j, int64_t t)
{
	val(j);
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char s[40];
	strftime(s, sizeof s, "\"%Y-%m-%d\"", &tm);
	buf_nofail(buf_adds(j->b, s));
}

void jw_kstr(struct jw *j, const char *k, const char *s) { jw_key(j, k); jw_str(j, s); }
void jw_kint(struct jw *j, const char *k, int64_t v) { jw_key(j, k); jw_int(j, v); }
void jw_kbool(struct jw *j, const char *k, bool v) { jw_key(j, k); jw_bool(j, v); }
void jw_knull(struct jw *j, const char *k) { jw_key(j, k); jw_null(j); }
void jw_kid(struct jw *j, const char *k, uint64_t id) { jw_key(j, k); jw_id(j, id); }
void jw_ktime(struct jw *j, const char *k, int64_t t) { jw_key(j, k); jw_time(j, t); }
void jw_kempty(struct jw *j, const char *k) { jw_key(j, k); jw_arr(j); jw_arr_end(j); }
