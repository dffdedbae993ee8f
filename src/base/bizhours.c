/*
 * Business time in Europe/Amsterdam (see bizhours.h).  Both directions walk
 * local days and turn each opening period into a UTC interval, so DST, lunch
 * gaps and holidays all come down to intervals on one line.
 */
#include <stdbool.h>

#include "base/bizhours.h"

/* Howard Hinnant's days_from_civil / civil_from_days. */
int64_t biz_days_from_civil(int year, int month, int day)
{
	int64_t y = (int64_t)year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void biz_civil_from_days(int64_t z, int *year, int *month, int *day)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = yoe + era * 400;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = (int)(y + (m <= 2));
	*month = m;
	*day = d;
}

static int64_t floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* 0 = Monday; 1970-01-01 was a Thursday. */
static int weekday(int64_t days)
{
	return (int)(((days + 3) % 7 + 7) % 7);
}

/* The last Sunday of a month at 01:00 UTC, in UTC seconds. */
static int64_t last_sunday_0100(int year, int month)
{
	int64_t last = biz_days_from_civil(year, month + 1, 1) - 1;  /* month is 3 or 10 */
	last -= weekday(last) == 6 ? 0 : weekday(last) + 1;
	return last * 86400 + 3600;
}

int biz_amsterdam_offset(int64_t utc)
{
	int y, m, d;
	biz_civil_from_days(floor_div(utc, 86400), &y, &m, &d);
	if (m < 3 || m > 10)
		return 3600;
	if (m > 3 && m < 10)
		return 7200;
	int64_t t = last_sunday_0100(y, m);
	return m == 3 ? (utc >= t ? 7200 : 3600) : (utc >= t ? 3600 : 7200);
}

/* Local (days, minute) to UTC: the summer offset if it holds then, else winter. */
static int64_t local_to_utc(int64_t days, int minute)
{
	int64_t local = days * 86400 + (int64_t)minute * 60;
	if (biz_amsterdam_offset(local - 7200) == 7200)
		return local - 7200;
	return local - 3600;
}

int64_t biz_amsterdam_day(int64_t utc)
{
	return floor_div(utc + biz_amsterdam_offset(utc), 86400);
}

static int add_one(struct biz_hours *h, int wd, int start, int end)
{
	int n = h->nper[wd];
	for (int i = 0; i < n; i++)
		if (start < h->day[wd][i].end && h->day[wd][i].start < end)
			return ERR_INVAL;
	if (n == BIZ_MAX_PERIODS)
		return ERR_TOOBIG;
	int i = n;
	while (i > 0 && h->day[wd][i - 1].start > start) {
		h->day[wd][i] = h->day[wd][i - 1];
		i--;
	}
	h->day[wd][i] = (struct biz_period){(int16_t)start, (int16_t)end};
	h->nper[wd] = n + 1;
	return 0;
}

int biz_add_period(struct biz_hours *h, int wd, int start, int end)
{
	if (wd < 0 || wd > 6 || start < 0 || start >= 1440 || end < 0 || end > 1440 || start == end)
		return ERR_INVAL;
	if (end > start)
		return add_one(h, wd, start, end);
	/* past midnight: today until 24:00, tomorrow from 00:00 */
	int nx = (wd + 1) % 7;
	if (end > 0) {
		for (int i = 0; i < h->nper[nx]; i++)
			if (h->day[nx][i].start < end)
				return ERR_INVAL;
		if (h->nper[nx] == BIZ_MAX_PERIODS)
			return ERR_TOOBIG;
	}
	int rc = add_one(h, wd, start, 1440);
	if (!rc && end > 0)
		rc = add_one(h, nx, 0, end);
	return rc;
}

int biz_add_holiday(struct biz_hours *h, int y, int m, int d)
{
	if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1970 || y > 9999)
		return ERR_INVAL;
	int64_t days = biz_days_from_civil(y, m, d);
	int yy, mm, dd;
	biz_civil_from_days(days, &yy, &mm, &dd);
	if (mm != m || dd != d)
		return ERR_INVAL;  /* 31 April */
	int i = h->nholiday;
	for (int k = 0; k < i; k++)
		if (h->holiday[k] == days)
			return 0;
	if (i == BIZ_MAX_HOLIDAYS)
		return ERR_TOOBIG;
	while (i > 0 && h->holiday[i - 1] > days) {
		h->holiday[i] = h->holiday[i - 1];
		i--;
	}
	h->holiday[i] = (int32_t)days;
	h->nholiday++;
	return 0;
}

static int is_holiday(const struct biz_hours *h, int64_t days)
{
	int lo = 0, hi = h->nholiday;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (h->holiday[mid] < days)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < h->nholiday && h->holiday[lo] == days;
}

int64_t biz_seconds(const struct biz_hours *h, int64_t from, int64_t to)
{
	if (to <= from)
		return 0;
	int64_t total = 0;
	for (int64_t d = biz_amsterdam_day(from) - 1, last = biz_amsterdam_day(to) + 1; d <= last; d++) {
		if (is_holiday(h, d))
			continue;
		int wd = weekday(d);
		for (int i = 0; i < h->nper[wd]; i++) {
			int64_t ps = local_to_utc(d, h->day[wd][i].start);
			int64_t pe = local_to_utc(d, h->day[wd][i].end);
			if (ps < from)
				ps = from;
			if (pe > to)
				pe = to;
			if (pe > ps)
				total += pe - ps;
		}
	}
	return total;
}

int64_t biz_seconds_except(const struct biz_hours *h, int64_t from, int64_t to,
                           const struct biz_span *skip, int nskip)
{
	/* walk the open stretches between the (unsorted, maybe overlapping) skips */
	int64_t total = 0, at = from;
	while (at < to) {
		int64_t next_skip = to, skip_end = at;
		bool inside = false;
		for (int i = 0; i < nskip; i++) {
			if (skip[i].from <= at && skip[i].to > at) {
				inside = true;
				if (skip[i].to > skip_end)
					skip_end = skip[i].to;
			} else if (skip[i].from > at && skip[i].from < next_skip)
				next_skip = skip[i].from;
		}
		if (inside) {
			at = skip_end;
			continue;
		}
		total += biz_seconds(h, at, next_skip);
		at = next_skip;
	}
	return total;
}

int biz_deadline(const struct biz_hours *h, int64_t from, int64_t secs, int64_t *out)
{
	if (secs <= 0) {
		*out = from;
		return 0;
	}
	int64_t left = secs;
	for (int64_t d = biz_amsterdam_day(from) - 1, end = d + 3653; d < end; d++) {
		if (is_holiday(h, d))
			continue;
		int wd = weekday(d);
		for (int i = 0; i < h->nper[wd]; i++) {
			int64_t ps = local_to_utc(d, h->day[wd][i].start);
			int64_t pe = local_to_utc(d, h->day[wd][i].end);
			if (ps < from)
				ps = from;
			if (pe <= ps)
				continue;
			if (left <= pe - ps) {
				*out = ps + left;
				return 0;
			}
			left -= pe - ps;
		}
	}
	return ERR_NOTFOUND;
}
