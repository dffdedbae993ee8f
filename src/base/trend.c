/* Trend breaks: segmented regression on weekly totals aligned on the change
 * day (trend.h says what and why). */
#include "base/trend.h"

#include <math.h>
#include <string.h>

#define P 4 /* parameters: 1, week, level change, slope change */

/* Solve the symmetric positive definite system m x = b by Cholesky (m and b
 * overwritten; x in b); -1 when m is singular. */
static int chol(double m[P][P], double *b, int nb, double out[][P])
{
	for (int j = 0; j < P; j++) {
		double d = m[j][j];
		for (int k = 0; k < j; k++)
			d -= m[j][k] * m[j][k];
		if (d <= 1e-12)
			return -1;
		m[j][j] = sqrt(d);
		for (int i = j + 1; i < P; i++) {
			double s = m[i][j];
			for (int k = 0; k < j; k++)
				s -= m[i][k] * m[j][k];
			m[i][j] = s / m[j][j];
		}
	}
	for (int r = 0; r < nb; r++) {
		double *x = out[r];
		memcpy(x, b + r * P, P * sizeof *x);
		for (int i = 0; i < P; i++) {
			double s = x[i];
			for (int k = 0; k < i; k++)
				s -= m[i][k] * x[k];
			x[i] = s / m[i][i];
		}
		for (int i = P - 1; i >= 0; i--) {
			double s = x[i];
			for (int k = i + 1; k < P; k++)
				s -= m[k][i] * x[k];
			x[i] = s / m[i][i];
		}
	}
	return 0;
}

/* The regularised incomplete beta function I_x(a, b), by its continued
 * fraction (modified Lentz), with the symmetry that keeps it converging. */
static double betacf(double a, double b, double x)
{
	const double tiny = 1e-300;
	double c = 1, d = 1 - (a + b) * x / (a + 1);
	d = 1 / (fabs(d) < tiny ? tiny : d);
	double h = d;
	for (int m = 1; m <= 300; m++) {
		double m2 = 2.0 * m;
		double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
		d = 1 + num * d;
		d = 1 / (fabs(d) < tiny ? tiny : d);
		c = 1 + num / c;
		c = fabs(c) < tiny ? tiny : c;
		h *= d * c;
		num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
		d = 1 + num * d;
		d = 1 / (fabs(d) < tiny ? tiny : d);
		c = 1 + num / c;
		c = fabs(c) < tiny ? tiny : c;
		double del = d * c;
		h *= del;
		if (fabs(del - 1) < 1e-12)
			break;
	}
	return h;
}

static double ibeta(double a, double b, double x)
{
	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	double front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(1 - x));
	if (x < (a + 1) / (a + b + 2))
		return front * betacf(a, b, x) / a;
	return 1 - front * betacf(b, a, 1 - x) / b;
}

/* Two-sided tail of Student's t: P(|T| > t) with df degrees of freedom. */
static double t_tail(double t, double df)
{
	return ibeta(df / 2, 0.5, df / (df + t * t));
}

/* Student's t quantile for a two-sided 95 % interval (bisection). */
static double t975(double df)
{
	double lo = 0, hi = 100;
	for (int i = 0; i < 100; i++) {
		double mid = (lo + hi) / 2;
		if (t_tail(mid, df) > 0.05)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

static double quad(const double *a, double v[P][P], const double *b)
{
	double s = 0;
	for (int i = 0; i < P; i++)
		for (int j = 0; j < P; j++)
			s += a[i] * v[i][j] * b[j];
	return s;
}

static void design(double *x, int w)
{
	x[0] = 1;
	x[1] = w;
	x[2] = w >= 0;
	x[3] = w >= 0 ? w : 0;
}

int trend_break(const double *y, size_t n, size_t k, struct trend_result *out)
{
	memset(out, 0, sizeof *out);
	out->relative = out->relative_lo = out->relative_hi = NAN;
	if (!y || n > TREND_MAX_DAYS || k > n)
		return -1;
	int before = (int)(k / 7), after = (int)((n - k) / 7);
	out->weeks_before = before;
	out->weeks_after = after;
	if (k < TREND_MIN_BEFORE || n - k < TREND_MIN_AFTER) {
		out->verdict = TREND_TOO_SHORT;
		return 0;
	}
	/* Weekly totals: week w covers days k + 7w .. k + 7w + 6. */
	int nw = before + after;
	double wy[TREND_MAX_DAYS / 7 + 1];
	for (int i = 0; i < nw; i++) {
		int w = i - before;
		double s = 0;
		for (int d = 0; d < 7; d++)
			s += y[(size_t)((long)k + 7L * w + d)];
		wy[i] = s;
	}
	double xtx[P][P] = {{0}}, xty[P] = {0}, x[P];
	for (int i = 0; i < nw; i++) {
		design(x, i - before);
		for (int r = 0; r < P; r++) {
			xty[r] += x[r] * wy[i];
			for (int c = 0; c < P; c++)
				xtx[r][c] += x[r] * x[c];
		}
	}
	double m[P][P], beta[1][P];
	memcpy(m, xtx, sizeof m);
	if (chol(m, xty, 1, beta))
		return -1;
	double ident[P * P] = {0}, inv[P][P];
	for (int i = 0; i < P; i++)
		ident[i * P + i] = 1;
	memcpy(m, xtx, sizeof m);
	if (chol(m, ident, P, inv))
		return -1;
	const double *b = beta[0];
	double rss = 0;
	for (int i = 0; i < nw; i++) {
		design(x, i - before);
		double f = 0;
		for (int r = 0; r < P; r++)
			f += x[r] * b[r];
		rss += (wy[i] - f) * (wy[i] - f);
	}
	double df = nw - P, s2 = rss / df, v[P][P];
	for (int r = 0; r < P; r++)
		for (int c = 0; c < P; c++)
			v[r][c] = inv[r][c] * s2;
	/* F test of c1 = c2 = 0 with (2, df): the upper tail has a closed form
	 * for 2 numerator degrees of freedom. */
	double a = v[2][2], bb = v[2][3], d = v[3][3], det = a * d - bb * bb;
	double c1 = b[2], c2 = b[3];
	double wald = det > 0 ? (d * c1 * c1 - 2 * bb * c1 * c2 + a * c2 * c2) / det : 0;
	if (s2 <= 0) /* a perfect fit: any change is certain, none is none */
		out->p = c1 == 0 && c2 == 0 ? 1 : 0;
	else
		out->p = pow(df / (df + wald), df / 2);
	out->verdict = out->p < 0.01 ? TREND_VERY_PROBABLY : out->p < 0.05 ? TREND_PROBABLY : TREND_CHANCE;
	out->level = c1;
	out->slope = c2;
	/* The effect over the weeks after, and what the old trend expected. */
	double g[P] = {0}, h[P] = {0}, obs = 0;
	for (int w = 0; w < after; w++) {
		design(x, w);
		g[2] += x[2] / after;
		g[3] += x[3] / after;
		h[0] += x[0] / after;
		h[1] += x[1] / after;
		obs += wy[before + w] / after;
	}
	double e = 0, c = 0;
	for (int i = 0; i < P; i++)
		e += g[i] * b[i], c += h[i] * b[i];
	double ve = quad(g, v, g), q = t975(df);
	out->effect = e;
	out->effect_lo = e - q * sqrt(ve);
	out->effect_hi = e + q * sqrt(ve);
	out->expected = c;
	out->observed = obs;
	if (c > 0) {
		/* The ratio's interval by the delta method: the expected level is
		 * an estimate too, and its uncertainty widens the interval. */
		double r = e / c, vc = quad(h, v, h), cov = quad(g, v, h);
		double vr = (ve + r * r * vc - 2 * r * cov) / (c * c);
		out->relative = r;
		out->relative_lo = r - q * sqrt(vr > 0 ? vr : 0);
		out->relative_hi = r + q * sqrt(vr > 0 ? vr : 0);
	}
	return 0;
}
