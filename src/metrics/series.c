/*
 * The portfolio over time (series.h): every quarter's scores are the
 * report's own (metrics_report at the quarter's end), so a quarter of the
 * series and `trellis report --as-of` at that date cannot disagree.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "series.h"
#include "../util/banned.h"

void
metrics_grant_burn(const struct initiative *in, tdate as_of, struct metrics_burn *out)
{
	double weighted = 0;

	memset(out, 0, sizeof(*out));
	for (size_t g = 0; g < in->grants.n; g++) {
		const struct grant *gr = &in->grants.v[g];
		double share;

		if (gr->start == DATE_NONE || gr->start > as_of)
			continue;
		out->grants++;
		out->awarded += gr->amount;
		if (gr->end == DATE_NONE || gr->end < gr->start || as_of >= gr->end)
			share = 1.0;
		else
			share = (double)(as_of - gr->start + 1) / (double)(gr->end - gr->start + 1);
		weighted += share * (double)gr->amount;
	}
	for (size_t i = 0; i < in->ledger.n; i++) {
		const struct ledger_entry *e = &in->ledger.v[i];
		int g = e->grant.idx;

		if (g < 0 || (size_t)g >= in->grants.n || e->date == DATE_NONE || e->date > as_of ||
		    !ledger_counts(e))
			continue;
		if (in->grants.v[g].start == DATE_NONE || in->grants.v[g].start > as_of)
			continue;
		out->spent += e->amount;
	}
	out->elapsed = out->awarded > 0 ? weighted / (double)out->awarded : 0.0;
}

void
metrics_series_init(struct series *s)
{
	memset(s, 0, sizeof(*s));
}

void
metrics_series_release(struct series *s)
{
	VEC_FREE(&s->points);
	metrics_series_init(s);
}

/* The last day of the quarter holding t. */
static tdate
quarter_end_of(tdate t)
{
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	m = ((m - 1) / 3 + 1) * 3;
	return date_from_ymd(y, m, date_days_in_month(y, m));
}

size_t
metrics_quarter_ends(tdate start, tdate until, tdate *ends, size_t max)
{
	size_t n = 0;

	if (start == DATE_NONE || until == DATE_NONE || max == 0)
		return 0;
	for (tdate q = quarter_end_of(start); q <= until; q = quarter_end_of(q + 1)) {
		if (n == max) {
			memmove(ends, ends + 1, (max - 1) * sizeof(*ends));
			n--;
		}
		ends[n++] = q;
	}
	return n;
}

int
metrics_series(const struct program *p, const struct initiative *in, tdate as_of,
    int months, const struct metrics_settings *st, struct series *out)
{
	tdate ends[SERIES_MAX_QUARTERS];
	size_t n;
	struct report r;
	int ret = -1;

	metrics_series_release(out);
	if (months < 1 || as_of == DATE_NONE)
		return -1;
	out->initiative = in;
	out->months = months;
	n = metrics_quarter_ends(in->start, as_of, ends, SERIES_MAX_QUARTERS);
	metrics_report_init(&r);
	for (size_t i = 0; i < n; i++) {
		struct series_point *pt;

		if (metrics_report(p, in, ends[i], months, st, &r))
			goto out;
		pt = VEC_PUSH(&out->points);
		pt->as_of = ends[i];
		pt->back = r.stepping_back;
		pt->up = r.stepping_up;
		pt->alerts = r.alerts.n;
		for (size_t j = 0; j < in->actions.n; j++)
			pt->actions += in->actions.v[j].period <= ends[i] &&
			    in->actions.v[j].status == ACTION_OPEN;
		for (size_t j = 0; j < in->assistance.n; j++)
			if (in->assistance.v[j].date <= ends[i])
				pt->assistance += in->assistance.v[j].hours;
		pt->progress = r.fig[FIG_RESULT_PROGRESS];
		metrics_grant_burn(in, ends[i], &pt->burn);
	}
	assert(out->points.n == n);
	ret = 0;
out:
	metrics_report_release(&r);
	return ret;
}
