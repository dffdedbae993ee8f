/* The trend-break page (issue 20, docs/measure.md): /trend/:org, for the
 * organisation's staff.  A form (a GET: the page is its own link) picks the
 * measure and the day; the answer is a sentence in plain words, an SVG
 * chart of the weekly totals and the numbers in a table beside it.  The
 * rule is core's (core/trend_page.c, base/trend.c). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/bizhours.h"
#include "base/buf.h"
#include "base/err.h"
#include "core/core.h"
#include "core/trend_page.h"
#include "web/web_int.h"

static const char *verdict_text(struct http_req *r, int v)
{
	switch (v) {
	case TREND_VERY_PROBABLY: return _r(r, "dit is zeer waarschijnlijk geen toeval");
	case TREND_PROBABLY: return _r(r, "dit is waarschijnlijk geen toeval");
	default: return _r(r, "dit kan goed toeval zijn");
	}
}

static long pct(double x)
{
	return lround(fabs(x) * 100);
}

/* "Na 1-3-2026 ongeveer 35 % meer vermeldingen per week (tussen 20 % en 50 %); dit is ..." */
static const char *sentence(struct http_req *r, const struct trend_page *t, const char *day, const char *what)
{
	const struct trend_result *x = &t->r;
	if (x->verdict == TREND_TOO_SHORT)
		return _r(r, "Er zijn te weinig gegevens. Kies een datum met minstens 6 weken ervoor en 3 weken erna.");
	if (isnan(x->relative))
		return arena_printf(r->a, "%s %s %s %.0f %s %s, %s %.0f; %s.", _r(r, "Na"), day, _r(r, "gemiddeld"),
		                    x->observed, what, _r(r, "per week"), _r(r, "verwacht was"), x->expected,
		                    verdict_text(r, x->verdict));
	const char *dir = x->relative >= 0 ? _r(r, "meer") : _r(r, "minder");
	/* The interval in the same direction words: "between 20 % and 50 %"
	 * more, or from fewer to more when it crosses zero. */
	if (x->relative_lo < 0 && x->relative_hi > 0)
		return arena_printf(r->a, "%s %s %s %ld %% %s %s %s (%s %ld %% %s %s %ld %% %s); %s.", _r(r, "Na"), day,
		                    _r(r, "ongeveer"), pct(x->relative), dir, what, _r(r, "per week"), _r(r, "tussen"),
		                    pct(x->relative_lo), _r(r, "minder"), _r(r, "en"), pct(x->relative_hi), _r(r, "meer"),
		                    verdict_text(r, x->verdict));
	double lo = x->relative >= 0 ? x->relative_lo : x->relative_hi;
	double hi = x->relative >= 0 ? x->relative_hi : x->relative_lo;
	return arena_printf(r->a, "%s %s %s %ld %% %s %s %s (%s %ld %% %s %ld %%); %s.", _r(r, "Na"), day,
	                    _r(r, "ongeveer"), pct(x->relative), dir, what, _r(r, "per week"), _r(r, "tussen"), pct(lo),
	                    _r(r, "en"), pct(hi), verdict_text(r, x->verdict));
}

/* The weeks of t as CSV: week (0 = the first week from the day), its
 * first day, the total ("<5" where core hides a number below 5). */
static int trend_csv(struct http_req *r, const struct trend_page *t, const char *org, const char *ms)
{
	int64_t first = biz_amsterdam_day(t->change_at) - 7 * (int64_t)t->weeks_before;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_adds(&b, "week,week_starting,total\r\n"));
	for (int w = 0; w < t->nweeks; w++) {
		int y, mo, d;
		biz_civil_from_days(first + 7 * w, &y, &mo, &d);
		buf_nofail(buf_addf(&b, "%d,%04d-%02d-%02d,", w - t->weeks_before, y, mo, d));
		if (t->week_totals[w] < 0)
			buf_nofail(buf_adds(&b, "<5\r\n"));
		else
			buf_nofail(buf_addf(&b, "%lld\r\n", (long long)t->week_totals[w]));
	}
	return csv_send(r, &b, arena_printf(r->a, "trend-%s-%s.csv", org, ms));
}

static int trend_page(struct http_req *r, bool csv);

int h_trend_page(struct http_req *r)
{
	return trend_page(r, false);
}

int h_trend_csv(struct http_req *r)
{
	return trend_page(r, true);
}

static int trend_page(struct http_req *r, bool csv)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = core_account_by_name(CORE(r), r->a, http_param(r, "org"), &org);
	if (rc)
		return rc;
	/* Staff only (core says so again with the numbers). */
	if (q->viewer == org->id || !core_may_post_as(CORE(r), q->viewer, org->id))
		return ERR_NOTFOUND;
	/* The measures by their name in the link, with the words of the sentence. */
	static const struct {
		const char *name, *what, *flag;
	} ms_of[TREND_MEASURES] = {
		[TREND_MENTIONS] = {"vermeldingen", N_("vermeldingen"), "m_mentions"},
		[TREND_FOLLOWERS] = {"volgers", N_("nieuwe volgers"), "m_followers"},
		[TREND_MEMBERS] = {"leden", N_("nieuwe groepsleden"), "m_members"},
		[TREND_ANSWERED] = {"op-tijd", N_("binnen een dag beantwoorde vragen"), "m_answered"},
		[TREND_NEGATIVE] = {"negatief", N_("negatieve vermeldingen"), "m_negative"},
		[TREND_REACH] = {"bereik", N_("nieuw bereikte mensen"), "m_reach"},
		[TREND_CLICKS] = {"klikken", N_("klikken op links"), "m_clicks"},
		[TREND_VACANCY] = {"vacatures", N_("nieuwe bezoekers van vacatures"), "m_vacancy"},
	};
	const char *ms = http_query(r, "meting");
	int measure = TREND_MENTIONS;
	for (int i = 0; ms && i < TREND_MEASURES; i++)
		if (!strcmp(ms, ms_of[i].name))
			measure = i;
	const char *what = _r(r, ms_of[measure].what);
	const char *day = http_query(r, "datum");
	struct tval *m = page_model(r, _r(r, "Is de trend gebroken?"));
	tv_set(m, "org", account_model(r, org));
	tv_set_bool(r->a, m, ms_of[measure].flag, true);
	if (day && strlen(day) <= 10)
		tv_set_str(r->a, m, "day", day);
	if (day && *day) {
		struct trend_page *t = arena_alloc(r->a, sizeof *t);
		rc = core_trend_page(CORE(r), r->a, q->viewer, org->id, measure, day, t);
		if (csv)
			return rc ? rc : trend_csv(r, t, org->username, ms_of[measure].name);
		if (rc == ERR_INVAL) {
			tv_set_str(r->a, m, "error", _r(r, "Kies een datum in het verleden, zoals 2026-03-01."));
			r->status = 400;
		} else if (rc) {
			return rc;
		} else {
			int yy = 0, mm = 0, dd = 0;
			if (sscanf(day, "%d-%d-%d", &yy, &mm, &dd) != 3) /* core took it: it is a date */
				return ERR_INVAL;
			const char *shown_day = arena_printf(r->a, "%d-%d-%d", dd, mm, yy);
			tv_set_str(r->a, m, "sentence", sentence(r, t, shown_day, what));
			if (t->r.verdict != TREND_TOO_SHORT) {
				int64_t max = 1;
				for (int w = 0; w < t->nweeks; w++)
					if ((t->week_totals[w] < 0 ? 5 : t->week_totals[w]) > max)
						max = t->week_totals[w] < 0 ? 5 : t->week_totals[w];
				tv_set_int(r->a, m, "chart_w", t->nweeks * 10);
				tv_set_int(r->a, m, "change_x", t->weeks_before * 10);
				struct tval *bars = tv_list(r->a);
				for (int w = 0; w < t->nweeks; w++) {
					struct tval *b = tv_obj(r->a);
					/* Fewer than 5 (core hides it): a light bar as high as 5. */
					bool few = t->week_totals[w] < 0;
					int64_t h = (few ? 5 : t->week_totals[w]) * 90 / max;
					if (h > 90)
						h = 90;
					tv_set_int(r->a, b, "x", w * 10 + 1);
					tv_set_int(r->a, b, "y", 100 - h);
					tv_set_int(r->a, b, "h", h);
					tv_set_bool(r->a, b, "after", w >= t->weeks_before);
					tv_set_int(r->a, b, "week", w - t->weeks_before);
					if (few) {
						tv_set_str(r->a, b, "total", _r(r, "minder dan 5"));
						tv_set_bool(r->a, b, "few", true);
						tv_set_bool(r->a, m, "any_few", true);
					} else {
						tv_set_int(r->a, b, "total", t->week_totals[w]);
					}
					tv_push(bars, b);
				}
				tv_set(m, "bars", bars);
				tv_set_str(r->a, m, "what", what);
				tv_set_strf(r->a, m, "csv_url", "/trend/%s/cijfers.csv?meting=%s&datum=%s", org->username,
				            ms_of[measure].name, day);
			}
		}
	}
	if (csv)
		return ERR_INVAL; /* no day: nothing to count */
	return page_render(r, "trend", m);
}
