/* The pure text parts of reviews (core/review.h): the month of an
 * experience, the code of conduct, MinHash signatures.  No store: the
 * fuzz target (fuzz/review_fuzz.c) links this file alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/bizhours.h"
#include "base/arena.h"
#include "core/review.h"

#define DAY 86400
#define YEAR (365 * DAY + DAY / 4)

static char lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* "YYYY-MM" of the last 3 years (not in the future): its first day. */
bool core_review_month(const char *s, int64_t now, int64_t *out)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return false;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = atoi(s), m = atoi(s + 5);
	if (y < 1970 || y > 9999 || m < 1 || m > 12)
		return false;
	int64_t t = biz_days_from_civil(y, m, 1) * DAY;
	/* The month counts if any of it lies in the last 3 years. */
	if (t > now || t + 31 * DAY < now - CORE_REVIEW_EXPERIENCE_YEARS * YEAR)
		return false;
	*out = t;
	return true;
}

static bool word_char(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
}

/* needle (lower case) in hay (lower case) as whole words. */
static bool has_word(const char *hay, const char *needle)
{
	size_t k = strlen(needle);
	if (!k)
		return false;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		if ((p == hay || !word_char((unsigned char)p[-1])) && !word_char((unsigned char)p[k]))
			return true;
	return false;
}

static bool has_any(const char *hay, const char *const *v, bool whole)
{
	for (size_t i = 0; v[i]; i++)
		if (whole ? has_word(hay, v[i]) : strstr(hay, v[i]) != NULL)
			return true;
	return false;
}

static const char *const threats[] = {
        "vermoord", "kapot maken", "kapotmaken", "afmaken", "doodmaken", "dood maken", "weet waar je woont",
        "weet waar u woont", "in elkaar slaan", "in elkaar trappen", "je gaat eraan", "u gaat eraan",
        "ik maak je af", "kill you", "i know where you live", NULL,
};
static const char *const ads_parts[] = {"http://", "https://", "www.", NULL};
static const char *const ads_words[] = {
        "korting", "kortingscode", "aanbieding", "bestel", "bestellen", "promotie", "promo", "sponsored",
        "gesponsord", NULL,
};
static const char *const domain_ends[] = {"nl", "com", "net", "org", "eu", "be", "info", NULL};
static const char *const titles[] = {"meneer ", "mevrouw ", "dhr. ", "dhr ", "mevr. ", "mevr ", "dokter ",
                                     "zuster ", "broeder ", "juf ", "meester ", NULL};

/* A run of 9 or more digits (with spaces or dashes): a phone number. */
static bool has_phone(const char *s)
{
	int run = 0;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (++run >= 9)
				return true;
		} else if (*s != ' ' && *s != '-')
			run = 0;
	}
	return false;
}

/* A domain name such as "example.nl": a word, a dot, a known ending. */
static bool has_domain(const char *low)
{
	for (const char *p = strchr(low, '.'); p; p = strchr(p + 1, '.')) {
		if (p == low || !word_char((unsigned char)p[-1]))
			continue;
		size_t k = 0;
		while (p[1 + k] >= 'a' && p[1 + k] <= 'z')
			k++;
		if (k < 2 || k > 4 || word_char((unsigned char)p[1 + k]))
			continue;
		char end[5] = {0};
		memcpy(end, p + 1, k);
		for (size_t i = 0; domain_ends[i]; i++)
			if (!strcmp(end, domain_ends[i]))
				return true;
	}
	return false;
}

const char *core_review_conduct(const char *text, const int marks[REVIEW_ASPECTS], const char *const *staff)
{
	size_t n = strlen(text);
	char low[CORE_REVIEW_MAX_BYTES + 1];
	if (n > CORE_REVIEW_MAX_BYTES)
		n = CORE_REVIEW_MAX_BYTES;
	for (size_t i = 0; i < n; i++)
		low[i] = lower(text[i]);
	low[n] = '\0';
	if (has_any(low, threats, false))
		return "gedragscode: dreiging";
	if (has_any(low, ads_parts, false) || has_domain(low) || has_phone(low) || has_any(low, ads_words, true))
		return "gedragscode: reclame of een link";
	/* A complaint (a low mark) that names someone of the staff. */
	bool complaint = false;
	for (int k = 0; k < REVIEW_ASPECTS; k++)
		complaint |= marks[k] > 0 && marks[k] <= 5;
	if (!complaint)
		return NULL;
	for (size_t i = 0; staff && staff[i]; i++) {
		char name[128];
		size_t k = strlen(staff[i]);
		if (k < 3 || k >= sizeof name)
			continue;
		for (size_t j = 0; j <= k; j++)
			name[j] = lower(staff[i][j]);
		if (has_word(low, name))
			return "gedragscode: naam van een medewerker in een klacht";
		/* the first name alone */
		char *sp = strchr(name, ' ');
		if (sp && sp - name >= 3) {
			*sp = '\0';
			if (has_word(low, name))
				return "gedragscode: naam van een medewerker in een klacht";
		}
	}
	/* "mevrouw Jansen", "dokter Pietersen": a title and a name in the text as written. */
	for (size_t i = 0; titles[i]; i++) {
		size_t k = strlen(titles[i]);
		for (const char *p = strstr(low, titles[i]); p; p = strstr(p + 1, titles[i])) {
			size_t at = (size_t)(p - low) + k;
			if ((p == low || !word_char((unsigned char)p[-1])) && text[at] >= 'A' && text[at] <= 'Z')
				return "gedragscode: naam van een medewerker in een klacht";
		}
	}
	return NULL;
}

/* ---- near-duplicate texts: MinHash over 3-word shingles ---- */

static uint64_t mix(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ull;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

const char *core_review_minhash(struct arena *a, const char *text)
{
	/* Words, lower case, by their FNV-1a hash. */
	uint64_t w[CORE_REVIEW_MAX_WORDS * 4];
	size_t nw = 0;
	const unsigned char *s = (const unsigned char *)text;
	while (*s && nw < sizeof w / sizeof w[0]) {
		while (*s && !word_char(*s))
			s++;
		if (!*s)
			break;
		uint64_t h = 1469598103934665603ull;
		while (*s && word_char(*s)) {
			h = (h ^ (unsigned char)lower((char)*s)) * 1099511628211ull;
			s++;
		}
		w[nw++] = h;
	}
	uint32_t min[REVIEW_MINHASH];
	for (int i = 0; i < REVIEW_MINHASH; i++)
		min[i] = UINT32_MAX;
	size_t nsh = nw >= 3 ? nw - 2 : nw;
	for (size_t j = 0; j < nsh; j++) {
		uint64_t sh = nw >= 3 ? mix(w[j]) ^ mix(w[j + 1] + 1) * 3 ^ mix(w[j + 2] + 2) * 5 : w[j];
		for (int i = 0; i < REVIEW_MINHASH; i++) {
			uint32_t h = (uint32_t)mix(sh ^ mix((uint64_t)i + 1));
			if (h < min[i])
				min[i] = h;
		}
	}
	char *out = arena_alloc(a, REVIEW_MINHASH * 8 + 1);
	for (int i = 0; i < REVIEW_MINHASH; i++)
		snprintf(out + 8 * i, 9, "%08x", (unsigned)min[i]);
	return out;
}

double core_review_similarity(const char *x, const char *y)
{
	if (!x || !y || strlen(x) != REVIEW_MINHASH * 8 || strlen(y) != REVIEW_MINHASH * 8)
		return 0;
	int same = 0;
	for (int i = 0; i < REVIEW_MINHASH; i++)
		same += !memcmp(x + 8 * i, y + 8 * i, 8);
	return (double)same / REVIEW_MINHASH;
}
