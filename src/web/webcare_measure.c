/* Webcare measures page (/webcare/:org/cijfers) and its CSV: core computes
 * the figures (core/webcare_measure.c); this draws them as a table and an
 * SVG bar chart with the same numbers beside it.  Staff only (404 else). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/text.h"
#include "core/webcare.h"
#include "core/webcare_measure.h"
#include "web/web_int.h"

static const char *week_label(struct http_req *r, int64_t week)
{
	struct tm tm;
	time_t t = (time_t)week;
	char b[16];
	if (!gmtime_r(&t, &tm) || !strftime(b, sizeof b, "%Y-%m-%d", &tm))
		return "?";
	return arena_strdup(r->a, b);
}

/* "1 u 05 m" for people; "-" when nothing was measured. */
static const char *span_text(struct http_req *r, int64_t n, int64_t secs)
{
	if (!n)
		return "-";
	return arena_printf(r->a, "%lld u %02lld m", (long long)(secs / 3600), (long long)(secs % 3600 / 60));
}

static const char *team_name(const struct wc_team *t, size_t nt, uint64_t id)
{
	for (size_t i = 0; i < nt; i++)
		if (t[i].id == id)
			return t[i].name;
	return "";
}

/* Read ?weeks (1..52, 8 by default) into [from, to): the weeks up to now. */
static int period(struct http_req *r, int64_t *from, int64_t *to, int *weeks)
{
	const char *w = http_query(r, "weeks");
	uint64_t n = 8;
	if (w && *w && (!parse_u64(w, &n) || n < 1 || n > CORE_WC_WEEKS_MAX))
		return ERR_INVAL;
	*weeks = (int)n;
	*to = core_wc_week_start((int64_t)time(NULL)) + CORE_WC_WEEK;
	*from = *to - (int64_t)n * CORE_WC_WEEK;
	return 0;
}

/* Bars of the volume per week, and in each the answered part; the numbers
 * are in the table beside it, so the picture is described, not read out. */
static char *volume_svg(struct http_req *r, const struct wc_measure *m, size_t n)
{
	int64_t max = 1;
	for (size_t i = 0; i < n; i++)
		if (m[i].volume > max)
			max = m[i].volume;
	const int bw = 28, gap = 8, h = 160, w = (int)n * (bw + gap) + gap;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_addf(&b,
	                    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
	                    " role=\"img\" aria-labelledby=\"wc-chart-t\"><title id=\"wc-chart-t\">%s</title>"
	                    "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>",
	                    w, h + 20, w, h + 20, _r(r, "Berichten per week (grijs) en beantwoord (blauw)"), w, h + 20));
	for (size_t i = 0; i < n; i++) {
		int x = gap + (int)i * (bw + gap);
		int vh = (int)(m[i].volume * h / max), ah = (int)(m[i].answered * h / max);
		buf_nofail(buf_addf(&b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#888\"/>", x, h - vh, bw,
		                    vh));
		buf_nofail(buf_addf(&b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#1d4f91\"/>", x + 6,
		                    h - ah, bw - 12, ah));
		buf_nofail(buf_addf(&b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%lld</text>",
		                    x + bw / 2, h + 14, (long long)m[i].volume));
	}
	buf_nofail(buf_adds(&b, "</svg>"));
	char *s = arena_strndup(r->a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

static struct tval *measure_model(struct http_req *r, const struct wc_measure *g, const struct wc_team *t,
                                  size_t nt)
{
	struct tval *x = tv_obj(r->a);
	tv_set_str(r->a, x, "week", week_label(r, g->week));
	tv_set_str(r->a, x, "team", g->team_id ? team_name(t, nt, g->team_id) : _r(r, "geen team"));
	tv_set_str(r->a, x, "topic", *g->topic ? g->topic : "-");
	tv_set_int(r->a, x, "volume", g->volume);
	tv_set_int(r->a, x, "neg", g->neg);
	tv_set_int(r->a, x, "neu", g->neu);
	tv_set_int(r->a, x, "pos", g->pos);
	tv_set_int(r->a, x, "unsure", g->unsure);
	tv_set_strf(r->a, x, "answered", "%lld%%", (long long)(g->volume ? g->answered * 100 / g->volume : 0));
	tv_set_strf(r->a, x, "followups", "%lld / %lld", (long long)g->followups_done, (long long)g->answered);
	tv_set_str(r->a, x, "first_median", span_text(r, g->first_n, g->first_median));
	tv_set_str(r->a, x, "first_p90", span_text(r, g->first_n, g->first_p90));
	tv_set_str(r->a, x, "handle_median", span_text(r, g->handle_n, g->handle_median));
	tv_set_str(r->a, x, "handle_p90", span_text(r, g->handle_n, g->handle_p90));
	tv_set_strf(r->a, x, "first_bands", "%lld / %lld / %lld / %lld / %lld", (long long)g->first_bands[0],
	            (long long)g->first_bands[1], (long long)g->first_bands[2], (long long)g->first_bands[3],
	            (long long)g->first_bands[4]);
	tv_set_strf(r->a, x, "handle_bands", "%lld / %lld / %lld / %lld / %lld", (long long)g->handle_bands[0],
	            (long long)g->handle_bands[1], (long long)g->handle_bands[2], (long long)g->handle_bands[3],
	            (long long)g->handle_bands[4]);
	return x;
}

int h_webcare_measures(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = core_wc_org(CORE(r), r->a, q->viewer, http_param(r, "org"), &org);
	if (rc)
		return rc;
	int64_t from, to;
	int weeks;
	if ((rc = period(r, &from, &to, &weeks)))
		return rc;
	struct wc_team *teams;
	size_t nt;
	struct wc_measure *tot, *rows;
	size_t ntot, nrows;
	bool trunc1, trunc2;
	if ((rc = core_wc_teams(CORE(r), r->a, q->viewer, org->id, &teams, &nt)) ||
	    (rc = core_wc_measures(CORE(r), r->a, q->viewer, org->id, from, to, true, &tot, &ntot, &trunc1)) ||
	    (rc = core_wc_measures(CORE(r), r->a, q->viewer, org->id, from, to, false, &rows, &nrows, &trunc2)))
		return rc;
	const char *name = core_shown_name(org);
	struct tval *m = page_model(r, arena_printf(r->a, "%s: %s", _r(r, "Webcare in cijfers"), name));
	struct tval *o = tv_obj(r->a);
	tv_set_str(r->a, o, "name", org->username);
	tv_set_str(r->a, o, "display", name);
	tv_set(m, "org", o);
	tv_set_int(r->a, m, "weeks", weeks);
	struct tval *tl = tv_list(r->a), *rl = tv_list(r->a);
	for (size_t i = 0; i < ntot; i++)
		tv_push(tl, measure_model(r, &tot[i], teams, nt));
	for (size_t i = 0; i < nrows; i++)
		tv_push(rl, measure_model(r, &rows[i], teams, nt));
	tv_set(m, "totals", tl);
	tv_set(m, "rows", rl);
	tv_set_bool(r->a, m, "empty", ntot == 0);
	tv_set_bool(r->a, m, "truncated", trunc1);
	if (ntot)
		tv_set_html(r->a, m, "chart", volume_svg(r, tot, ntot));
	return page_render(r, "webcare_measures", m);
}

/* A CSV field: quoted, quotes doubled; a leading = + - @ neutralised so a
 * spreadsheet does not run it as a formula. */
static void csv_field(struct buf *b, const char *s)
{
	buf_nofail(buf_addc(b, '"'));
	if (strchr("=+-@", *s) && *s)
		buf_nofail(buf_addc(b, '\''));
	for (; *s; s++) {
		if (*s == '"')
			buf_nofail(buf_addc(b, '"'));
		buf_nofail(buf_addc(b, *s));
	}
	buf_nofail(buf_addc(b, '"'));
}

int h_webcare_measures_csv(struct http_req *r)
{
	struct wreq *q = WREQ(r);
	struct account *org;
	int rc = core_wc_org(CORE(r), r->a, q->viewer, http_param(r, "org"), &org);
	if (rc)
		return rc;
	int64_t from, to;
	int weeks;
	if ((rc = period(r, &from, &to, &weeks)))
		return rc;
	struct wc_team *teams;
	size_t nt, n;
	struct wc_measure *v;
	bool trunc;
	if ((rc = core_wc_teams(CORE(r), r->a, q->viewer, org->id, &teams, &nt)) ||
	    (rc = core_wc_measures(CORE(r), r->a, q->viewer, org->id, from, to, false, &v, &n, &trunc)))
		return rc;
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	buf_nofail(buf_adds(&b, "week,team,topic,volume,neg,neu,pos,unsure,answered,followups_done,"
	                        "first_n,first_median_s,first_p90_s,first_0_1h,first_1_4h,first_4_8h,first_8_24h,"
	                        "first_over_24h,handle_n,handle_median_s,handle_p90_s,handle_0_1h,handle_1_4h,"
	                        "handle_4_8h,handle_8_24h,handle_over_24h\r\n"));
	for (size_t i = 0; i < n; i++) {
		const struct wc_measure *g = &v[i];
		buf_nofail(buf_adds(&b, week_label(r, g->week)));
		buf_nofail(buf_addc(&b, ','));
		csv_field(&b, team_name(teams, nt, g->team_id));
		buf_nofail(buf_addc(&b, ','));
		csv_field(&b, g->topic);
		buf_nofail(buf_addf(&b, ",%lld,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%lld,%lld", (long long)g->volume,
		                    (long long)g->neg, (long long)g->neu, (long long)g->pos, (long long)g->unsure,
		                    (long long)g->answered, (long long)g->followups_done, (long long)g->first_n,
		                    (long long)g->first_median, (long long)g->first_p90));
		for (int k = 0; k < WC_BANDS; k++)
			buf_nofail(buf_addf(&b, ",%lld", (long long)g->first_bands[k]));
		buf_nofail(buf_addf(&b, ",%lld,%lld,%lld", (long long)g->handle_n, (long long)g->handle_median,
		                    (long long)g->handle_p90));
		for (int k = 0; k < WC_BANDS; k++)
			buf_nofail(buf_addf(&b, ",%lld", (long long)g->handle_bands[k]));
		buf_nofail(buf_adds(&b, "\r\n"));
	}
	return csv_send(r, &b, arena_printf(r->a, "webcare-%s.csv", org->username));
}
