/* Free slots from availability: pure, see slots.h. */
#include "core/slots.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/bizhours.h"
#include "base/err.h"

/* ---- calendar ---- */

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/* The calendar and Europe/Amsterdam's offset are base/bizhours.c's (one
 * implementation for webcare's business time and for appointments); these
 * names keep slots.h's 32-bit day numbers. */
int32_t civil_days(int y, int m, int d)
{
	return (int32_t)biz_days_from_civil(y, m, d);
}

void civil_from(int32_t days, int *y, int *m, int *d)
{
	biz_civil_from_days(days, y, m, d);
}

/* 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
static int weekday(int32_t day)
{
	return (int)(((int64_t)day % 7 + 7 + 3) % 7);
}

int ams_offset(int64_t t)
{
	return biz_amsterdam_offset(t);
}

int64_t ams_to_utc(int32_t day, int minute)
{
	int64_t local = (int64_t)day * 86400 + (int64_t)minute * 60;
	if (ams_offset(local - 7200) == 7200)
		return local - 7200; /* summer time; the first of two in October */
	if (ams_offset(local - 3600) == 3600)
		return local - 3600;
	return INT64_MIN; /* skipped in March */
}

void ams_local(int64_t t, int32_t *day, int *minute)
{
	int64_t local = t + ams_offset(t);
	*day = (int32_t)floor_div(local, 86400);
	*minute = (int)((local - (int64_t)*day * 86400) / 60);
}

/* ---- the spec ---- */

static const char *const day_nl[7] = {"ma", "di", "wo", "do", "vr", "za", "zo"};
static const char *const day_en[7] = {"mo", "tu", "we", "th", "fr", "sa", "su"};
static const char *const kind_keys[AVAIL_KINDS] = {"eerste_gesprek", "controle", "videogesprek", "telefonisch"};

const char *avail_kind_key(const char *kind)
{
	for (int i = 0; kind && i < AVAIL_KINDS; i++)
		if (!strcmp(kind, kind_keys[i]))
			return kind_keys[i];
	return NULL;
}

static int fail(char *why, size_t whylen, const char *msg, const char *tok)
{
	snprintf(why, whylen, "%s: \"%.40s\"", msg, tok);
	return ERR_INVAL;
}

/* A whole number in [lo, hi] from s[0..n). */
static bool number(const char *s, size_t n, int lo, int hi, int *out)
{
	if (n == 0 || n > 6)
		return false;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* "HH:MM" at s: minutes, or -1. 24:00 is the end of the day. */
static int clock_at(const char *s, size_t n)
{
	int h, m;
	if (n != 5 || s[2] != ':' || !number(s, 2, 0, 24, &h) || !number(s + 3, 2, 0, 59, &m) || (h == 24 && m))
		return -1;
	return h * 60 + m;
}

static int period_cmp(const void *x, const void *y)
{
	const struct avail_period *a = x, *b = y;
	return (a->from > b->from) - (a->from < b->from);
}

/* "09:00-12:00,13:00-17:00" or "dicht"/"closed" into *d (sorted, not overlapping). */
static int periods(const char *v, size_t n, struct avail_period *p, int *np, char *why, size_t whylen)
{
	/* a day named twice: the last says, nothing of the first is left */
	*np = 0;
	memset(p, 0, AVAIL_PERIODS * sizeof *p);
	if ((n == 5 && !memcmp(v, "dicht", 5)) || (n == 6 && !memcmp(v, "closed", 6)))
		return 0;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && v[j] != ',')
			j++;
		if (*np >= AVAIL_PERIODS)
			return fail(why, whylen, "Te veel tijdvakken op een dag", v);
		int from, to;
		if (j - i != 11 || v[i + 5] != '-' || (from = clock_at(v + i, 5)) < 0 ||
		    (to = clock_at(v + i + 6, 5)) < 0 || from >= to)
			return fail(why, whylen, "Schrijf een tijdvak als 09:00-12:00", v + i);
		p[(*np)++] = (struct avail_period){from, to};
		i = j + 1;
	}
	qsort(p, (size_t)*np, sizeof *p, period_cmp);
	for (int k = 1; k < *np; k++)
		if (p[k].from < p[k - 1].to)
			return fail(why, whylen, "Tijdvakken op een dag overlappen", v);
	return 0;
}

static int ex_cmp(const void *x, const void *y)
{
	const struct avail_exception *a = x, *b = y;
	return (a->day > b->day) - (a->day < b->day);
}

static bool key_is(const char *k, size_t kn, const char *name)
{
	return strlen(name) == kn && !memcmp(k, name, kn);
}

int avail_parse(const char *spec, struct availability *out, char *why, size_t whylen)
{
	memset(out, 0, sizeof *out);
	out->slot_min = 30;
	out->notice_min = 60;
	out->ahead_days = 56;
	if (!spec)
		spec = "";
	size_t len = strlen(spec);
	if (len > AVAIL_SPEC_MAX) {
		snprintf(why, whylen, "De beschikbaarheid is te lang (hoogstens %d tekens).", AVAIL_SPEC_MAX);
		return ERR_TOOBIG;
	}
	size_t i = 0;
	while (i < len) {
		while (i < len && (spec[i] == ' ' || spec[i] == '\n' || spec[i] == '\r' || spec[i] == '\t' || spec[i] == ';'))
			i++;
		if (i >= len)
			break;
		size_t j = i;
		while (j < len && !(spec[j] == ' ' || spec[j] == '\n' || spec[j] == '\r' || spec[j] == '\t' || spec[j] == ';'))
			j++;
		const char *tok = spec + i;
		size_t tn = j - i;
		i = j;
		const char *eq = memchr(tok, '=', tn);
		if (!eq)
			return fail(why, whylen, "Verwacht naam=waarde", tok);
		size_t kn = (size_t)(eq - tok);
		const char *v = eq + 1;
		size_t vn = tn - kn - 1;
		int day = -1;
		for (int d = 0; d < 7; d++)
			if (key_is(tok, kn, day_nl[d]) || key_is(tok, kn, day_en[d]))
				day = d;
		int num;
		if (day >= 0) {
			int rc = periods(v, vn, out->week[day].p, &out->week[day].n, why, whylen);
			if (rc)
				return rc;
		} else if (key_is(tok, kn, "pauze") || key_is(tok, kn, "break")) {
			int rc = periods(v, vn, out->breaks, &out->nbreaks, why, whylen);
			if (rc)
				return rc;
		} else if (kn == 10 && tok[4] == '-' && tok[7] == '-') {
			int y, m, d;
			if (!number(tok, 4, 2000, 2200, &y) || !number(tok + 5, 2, 1, 12, &m) || !number(tok + 8, 2, 1, 31, &d))
				return fail(why, whylen, "Schrijf een datum als 2026-12-24", tok);
			int32_t dd = civil_days(y, m, d);
			int cy, cm, cd;
			civil_from(dd, &cy, &cm, &cd);
			if (cd != d)
				return fail(why, whylen, "Die datum bestaat niet", tok);
			for (int k = 0; k < out->nex; k++)
				if (out->ex[k].day == dd)
					return fail(why, whylen, "Die datum staat er twee keer in", tok);
			if (out->nex >= AVAIL_EXCEPTIONS)
				return fail(why, whylen, "Te veel uitzonderingen", tok);
			struct avail_exception *e = &out->ex[out->nex++];
			e->day = dd;
			int rc = periods(v, vn, e->hours.p, &e->hours.n, why, whylen);
			if (rc)
				return rc;
		} else if (key_is(tok, kn, "slot")) {
			if (!number(v, vn, 5, SLOTS_MAX_MIN, &out->slot_min))
				return fail(why, whylen, "Een slot duurt 5 tot 480 minuten", tok);
		} else if (key_is(tok, kn, "voor") || key_is(tok, kn, "before")) {
			if (!number(v, vn, 0, SLOTS_BUFFER_MAX, &out->before_min))
				return fail(why, whylen, "Een buffer is 0 tot 240 minuten", tok);
		} else if (key_is(tok, kn, "na") || key_is(tok, kn, "after")) {
			if (!number(v, vn, 0, SLOTS_BUFFER_MAX, &out->after_min))
				return fail(why, whylen, "Een buffer is 0 tot 240 minuten", tok);
		} else if (key_is(tok, kn, "notice") || key_is(tok, kn, "vooraf")) {
			if (!number(v, vn, 0, SLOTS_NOTICE_MAX, &out->notice_min))
				return fail(why, whylen, "De minimale tijd vooraf is 0 tot 86400 minuten", tok);
		} else if (key_is(tok, kn, "ahead") || key_is(tok, kn, "vooruit")) {
			if (!number(v, vn, 1, SLOTS_AHEAD_MAX, &out->ahead_days))
				return fail(why, whylen, "Vooruit boeken kan 1 tot 366 dagen", tok);
		} else {
			const char *key = NULL;
			for (int k = 0; k < AVAIL_KINDS; k++)
				if (key_is(tok, kn, kind_keys[k]))
					key = kind_keys[k];
			if (!key)
				return fail(why, whylen, "Onbekende naam", tok);
			if (!number(v, vn, 5, SLOTS_MAX_MIN, &num))
				return fail(why, whylen, "Een soort afspraak duurt 5 tot 480 minuten", tok);
			int k = 0;
			while (k < out->nkinds && out->kinds[k].key != key)
				k++;
			if (k == out->nkinds)
				out->nkinds++;
			out->kinds[k] = (struct avail_kind){key, num};
		}
	}
	qsort(out->ex, (size_t)out->nex, sizeof out->ex[0], ex_cmp);
	return 0;
}

__attribute__((format(printf, 4, 5))) static void add(char *out, size_t cap, size_t *k, const char *fmt, ...)
{
	if (*k + 1 >= cap)
		return;
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(out + *k, cap - *k, fmt, ap);
	va_end(ap);
	if (w > 0)
		*k += (size_t)w;
	if (*k >= cap)
		*k = cap - 1;
}

static void add_periods(char *out, size_t cap, size_t *k, const struct avail_period *p, int n)
{
	if (!n)
		add(out, cap, k, "dicht");
	for (int i = 0; i < n; i++) {
		add(out, cap, k, i ? ",%02d:%02d" : "%02d:%02d", p[i].from / 60, p[i].from % 60);
		add(out, cap, k, "-%02d:%02d", p[i].to / 60, p[i].to % 60);
	}
}

size_t avail_format(const struct availability *a, char *out, size_t cap)
{
	size_t k = 0;
	if (!cap)
		return 0;
	out[0] = 0;
	add(out, cap, &k, "slot=%d voor=%d na=%d", a->slot_min, a->before_min, a->after_min);
	add(out, cap, &k, " vooraf=%d vooruit=%d", a->notice_min, a->ahead_days);
	for (int d = 0; d < 7; d++) {
		if (!a->week[d].n)
			continue;
		add(out, cap, &k, " %c%c=", day_nl[d][0], day_nl[d][1]);
		add_periods(out, cap, &k, a->week[d].p, a->week[d].n);
	}
	if (a->nbreaks) {
		add(out, cap, &k, " pauze=");
		add_periods(out, cap, &k, a->breaks, a->nbreaks);
	}
	for (int i = 0; i < a->nex; i++) {
		int y, m, d;
		civil_from(a->ex[i].day, &y, &m, &d);
		add(out, cap, &k, " %04d-%02d-%02d=", y, m, d);
		add_periods(out, cap, &k, a->ex[i].hours.p, a->ex[i].hours.n);
	}
	for (int i = 0; i < a->nkinds; i++) {
		add(out, cap, &k, " %s=%d", a->kinds[i].key, a->kinds[i].minutes);
	}
	return k;
}

int avail_kind_minutes(const struct availability *a, const char *kind)
{
	if (!kind || !*kind)
		return a->nkinds ? a->kinds[0].minutes : a->slot_min;
	for (int i = 0; i < a->nkinds; i++)
		if (!strcmp(a->kinds[i].key, kind))
			return a->kinds[i].minutes;
	/* a provider without kinds books "afspraak" (core_appt_book): moving
	 * one asks for that kind again */
	if (!a->nkinds && !strcmp(kind, "afspraak"))
		return a->slot_min;
	return 0;
}

/* ---- slots ---- */

struct busy slots_block(const struct availability *a, int64_t start, int len_min)
{
	return (struct busy){start - (int64_t)a->before_min * 60, start + ((int64_t)len_min + a->after_min) * 60};
}

static const struct avail_day *hours_on(const struct availability *a, int32_t day)
{
	int lo = 0, hi = a->nex;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (a->ex[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < a->nex && a->ex[lo].day == day)
		return &a->ex[lo].hours;
	return &a->week[weekday(day)];
}

static bool in_break(const struct availability *a, int from, int to)
{
	for (int i = 0; i < a->nbreaks; i++)
		if (from < a->breaks[i].to && a->breaks[i].from < to)
			return true;
	return false;
}

size_t slots_free(const struct availability *a, int len_min, int64_t now, int64_t from, int64_t to,
                  const struct busy *busy, size_t nbusy, int64_t *out, size_t max)
{
	if (len_min <= 0 || a->slot_min <= 0)
		return 0;
	int64_t lo = now + (int64_t)a->notice_min * 60;
	int64_t hi = now + (int64_t)a->ahead_days * 86400; /* a start at hi itself still counts */
	if (from > lo)
		lo = from;
	if (to - 1 < hi)
		hi = to - 1;
	if (lo > hi)
		return 0;
	int32_t d0, d1;
	int m;
	ams_local(lo, &d0, &m);
	ams_local(hi, &d1, &m);
	size_t count = 0, b = 0;
	for (int32_t day = d0; day <= d1; day++) {
		const struct avail_day *h = hours_on(a, day);
		for (int p = 0; p < h->n; p++) {
			for (int s = h->p[p].from; s + len_min <= h->p[p].to; s += a->slot_min) {
				if (in_break(a, s, s + len_min))
					continue;
				int64_t t = ams_to_utc(day, s);
				if (t == INT64_MIN || t < lo || t > hi)
					continue;
				struct busy blk = slots_block(a, t, len_min);
				while (b < nbusy && busy[b].to <= blk.from)
					b++;
				/* candidates only ascend, but a buffer may reach back past an earlier block */
				bool taken = false;
				for (size_t k = b; k < nbusy && busy[k].from < blk.to; k++)
					if (busy[k].to > blk.from) {
						taken = true;
						break;
					}
				if (taken)
					continue;
				if (count < max)
					out[count] = t;
				count++;
			}
		}
	}
	return count;
}
