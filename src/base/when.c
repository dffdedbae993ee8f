/* Reading a moment (see when.h). */
#include "base/when.h"

#include <string.h>
#include <time.h>

bool when_parse(const char *s, int64_t *out)
{
	size_t n = s ? strnlen(s, 21) : 0;
	bool utc = n && s[n - 1] == 'Z';
	if (utc)
		n--;
	if (n != 16 && n != 19)
		return false;
	for (size_t i = 0; i < n; i++) {
		bool sep = i == 4 || i == 7 || i == 10 || i == 13 || i == 16;
		char want = i == 10 ? 'T' : i == 13 || i == 16 ? ':' : '-';
		if (sep ? s[i] != want && !(i == 10 && s[i] == ' ') : (s[i] < '0' || s[i] > '9'))
			return false;
	}
	int v[6] = {0};
	static const int off[6] = {0, 5, 8, 11, 14, 17}, len[6] = {4, 2, 2, 2, 2, 2};
	for (int k = 0; k < (n == 19 ? 6 : 5); k++)
		for (int i = 0; i < len[k]; i++)
			v[k] = v[k] * 10 + (s[off[k] + i] - '0');
	if (v[0] < 1970 || v[0] > 9999 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 ||
	    v[5] > 59)
		return false;
	struct tm tm = {.tm_year = v[0] - 1900,
	                .tm_mon = v[1] - 1,
	                .tm_mday = v[2],
	                .tm_hour = v[3],
	                .tm_min = v[4],
	                .tm_sec = v[5],
	                .tm_isdst = -1};
	time_t t = utc ? timegm(&tm) : mktime(&tm);
	if (t == (time_t)-1)
		return false;
	*out = (int64_t)t;
	return true;
}
