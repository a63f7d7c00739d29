/*
 * The portfolio over time (portfolio_time.h): a quadrant with each
 * initiative's trail through its quarters, and a table with a small chart
 * of its two scores per initiative, its grant burn, shared-result progress
 * and open alerts; the same as CSV and JSON.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "figures.h"
#include "portfolio.h"
#include "portfolio_time.h"
#include "report_html.h"
#include "report_json.h"
#include "../io/csv.h"
#include "../io/json.h"
#include "../util/i18n.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

const char *const ptime_col_names[PTCOL__MAX] = {
	[PTCOL_NAME] = "name",
	[PTCOL_BACK] = "back",
	[PTCOL_UP] = "up",
	[PTCOL_SPENT] = "spent",
	[PTCOL_ELAPSED] = "elapsed",
	[PTCOL_PROGRESS] = "progress",
	[PTCOL_ALERTS] = "alerts",
	[PTCOL_ACTIONS] = "actions",
	[PTCOL_ASSISTANCE] = "assistance",
};

static const char *const col_titles[PTCOL__MAX] = {
	[PTCOL_NAME] = N_("Initiative"),
	[PTCOL_BACK] = N_("Stepping back"),
	[PTCOL_UP] = N_("Stepping up"),
	[PTCOL_SPENT] = N_("Grants spent"),
	[PTCOL_ELAPSED] = N_("Grant time elapsed"),
	[PTCOL_PROGRESS] = N_("Shared result"),
	[PTCOL_ALERTS] = N_("Open alerts"),
	[PTCOL_ACTIONS] = N_("Open actions"),
	[PTCOL_ASSISTANCE] = N_("Assistance"),
};

int
ptime_col_parse(const char *name)
{
	for (int c = 0; c < PTCOL__MAX; c++)
		if (strcmp(name, ptime_col_names[c]) == 0)
			return c;
	return -1;
}

/* The row's last quarter, or NULL when no quarter has ended. */
static const struct series_point *
last_point(const struct ptime_row *r)
{
	return r->series.points.n ? &r->series.points.v[r->series.points.n - 1] : NULL;
}

/* The value of column col (not the name) at the row's last quarter: 1, or 0 when it has none. */
static int
col_value(const struct ptime_row *r, int col, double *v)
{
	const struct series_point *pt = last_point(r);

	if (pt == NULL)
		return 0;
	switch (col) {
	case PTCOL_BACK:
		*v = pt->back.value;
		return pt->back.type == MV_NUMBER;
	case PTCOL_UP:
		*v = pt->up.value;
		return pt->up.type == MV_NUMBER;
	case PTCOL_SPENT:
		*v = pt->burn.awarded ? (double)pt->burn.spent / (double)pt->burn.awarded : 0;
		return pt->burn.awarded > 0;
	case PTCOL_ELAPSED:
		*v = pt->burn.elapsed;
		return pt->burn.awarded > 0;
	case PTCOL_PROGRESS:
		*v = pt->progress.value;
		return pt->progress.type == MV_NUMBER;
	case PTCOL_ALERTS:
		*v = (double)pt->alerts;
		return 1;
	case PTCOL_ACTIONS:
		*v = (double)pt->actions;
		return 1;
	case PTCOL_ASSISTANCE:
		*v = pt->assistance;
		return 1;
	default:
		return 0;
	}
}

/* qsort has no context argument: set by ptime_sort, per thread (the server sorts in several) */
static _Thread_local int sort_col, sort_desc;

static int
row_cmp(const void *pa, const void *pb)
{
	const struct ptime_row *a = pa, *b = pb;
	double va = 0, vb = 0;
	int ha, hb;

	if (sort_col == PTCOL_NAME) {
		int c = strcmp(a->name, b->name);

		return sort_desc ? -c : c;
	}
	ha = col_value(a, sort_col, &va);
	hb = col_value(b, sort_col, &vb);
	if (ha != hb)
		return ha ? -1 : 1;	/* nothing to show: last either way */
	if (ha && va != vb)
		return (va < vb) == !sort_desc ? -1 : 1;
	return strcmp(a->name, b->name);
}

void
ptime_sort(struct ptime_row *rows, size_t n, int col, int desc)
{
	assert(col >= 0 && col < PTCOL__MAX);
	sort_col = col;
	sort_desc = desc;
	qsort(rows, n, sizeof(*rows), row_cmp);
}

/* ---------------------------------------------------------------- HTML */

static void
quadrant(struct html *h, const struct ptime_page *pg)
{
	size_t n = pg->n ? pg->n : 1;
	struct chart_point *pts = xcalloc(n, sizeof(*pts));
	double **trails = xcalloc(n, sizeof(*trails));
	char **hrefs = xcalloc(n, sizeof(*hrefs));
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < pg->n; i++) {
		const struct ptime_row *r = &pg->rows[i];
		const struct series_point *last = last_point(r);
		size_t np = r->series.points.n;

		strbuf_addf(&sb, "/i/%s", r->slug);
		hrefs[i] = strbuf_detach(&sb, NULL);
		pts[i].label = r->city && *r->city ? r->city : r->name;
		pts[i].href = hrefs[i];
		pts[i].mark = last == NULL || last->alerts == 0 ? MARK_CLEAR :
		    last->alerts == 1 ? MARK_ONE : MARK_SEVERAL;
		if (last == NULL || last->back.type != MV_NUMBER || last->up.type != MV_NUMBER)
			continue;
		pts[i].has_value = 1;
		pts[i].x = last->back.value;
		pts[i].y = last->up.value;
		trails[i] = xcalloc(2 * np, sizeof(double));
		for (size_t k = 0; k + 1 < np; k++) {
			const struct series_point *q = &r->series.points.v[k];

			if (q->back.type != MV_NUMBER || q->up.type != MV_NUMBER)
				continue;
			trails[i][2 * pts[i].ntrail] = q->back.value;
			trails[i][2 * pts[i].ntrail + 1] = q->up.value;
			pts[i].ntrail++;
		}
		pts[i].trail = trails[i];
	}
	html_open(h, "div", "class", "chart-wrap wide", NULL);
	chart_quadrant(h, pts, pg->n, "q-time");
	html_open(h, "ul", "class", "legend", "aria-label", _("How the points are marked"), NULL);
	for (int m = MARK_CLEAR; m < MARK__MAX; m++) {
		html_open(h, "li", NULL);
		html_textf(h, "%s %s", m == MARK_CLEAR ? "●" : m == MARK_ONE ? "◆" : "■",
		    _(chart_mark_words[m]));
		html_close(h);
	}
	html_elem(h, "li", _("○— its trail through the quarters before, the first one the larger circle"));
	html_close(h);
	html_close(h);
	for (size_t i = 0; i < pg->n; i++) {
		free(hrefs[i]);
		free(trails[i]);
	}
	free(hrefs);
	free(trails);
	free(pts);
	strbuf_release(&sb);
}

static void
sort_link(struct html *h, const struct ptime_page *pg, int col)
{
	struct strbuf href = STRBUF_INIT;
	int active = pg->sort == col;
	int desc = active ? !pg->desc : col != PTCOL_NAME;

	strbuf_addf(&href, "?%s%ssort=%s&dir=%s", pg->period_query ? pg->period_query : "",
	    pg->period_query && *pg->period_query ? "&" : "", ptime_col_names[col],
	    desc ? "desc" : "asc");
	html_open(h, "th", "scope", "col", "class", col == PTCOL_NAME ? "sort" : "sort num",
	    "aria-sort", active ? (pg->desc ? "descending" : "ascending") : "none", NULL);
	html_open(h, "a", "href", href.buf, "data-sort", ptime_col_names[col], NULL);
	html_text(h, _(col_titles[col]));
	if (active)
		html_text(h, pg->desc ? " ▼" : " ▲");
	html_close(h);
	html_close(h);
	strbuf_release(&href);
}

static void
score_cell(struct html *h, const struct metrics_score *s, const char *label)
{
	html_open(h, "td", "class", "num", "data-label", label, NULL);
	if (s->type != MV_NUMBER)
		html_text(h, "—");
	else {
		html_textf(h, "%.0f", s->value);
		report_html_n(h, (int64_t)s->nparts, P_("parts", "parts", s->nparts), s->provisional);
	}
	html_close(h);
}

/* Whole dollars for a page ("$969,989"): the cents are in the CSV. */
static const char *
dollars(int64_t cents, char buf[NUM_BUFSZ])
{
	char *dot;

	money_display((cents + 50) / 100 * 100, buf);
	if ((dot = strchr(buf, '.')) != NULL)
		*dot = '\0';
	return buf;
}

static void
row_html(struct html *h, const struct ptime_row *r, size_t i)
{
	const struct series_point *pt = last_point(r);
	struct chart_score_point *cp = xcalloc(r->series.points.n + 1, sizeof(*cp));
	struct strbuf sb = STRBUF_INIT;
	char m1[NUM_BUFSZ], m2[NUM_BUFSZ];

	for (size_t k = 0; k < r->series.points.n; k++) {
		const struct series_point *q = &r->series.points.v[k];

		cp[k].date = q->as_of;
		cp[k].has_back = q->back.type == MV_NUMBER;
		cp[k].back = q->back.value;
		cp[k].has_up = q->up.type == MV_NUMBER;
		cp[k].up = q->up.value;
	}
	html_open(h, "tr", NULL);
	strbuf_addf(&sb, "/i/%s", r->slug);
	html_open(h, "th", "scope", "row", NULL);
	html_open(h, "a", "href", sb.buf, NULL);
	html_text(h, r->name);
	html_close(h);
	html_close(h);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "spark-%zu", i);
	html_open(h, "td", "class", "spark", "data-label", _("Scores by quarter"), NULL);
	chart_scores(h, cp, r->series.points.n, r->name, sb.buf);
	html_open(h, "div", "class", "note", NULL);
	html_textf(h, P_("%zu quarter", "%zu quarters", r->series.points.n), r->series.points.n);
	html_close(h);
	html_close(h);
	if (pt == NULL) {
		html_open(h, "td", "colspan", "6", NULL);
		html_text(h, _("No quarter has ended since the initiative started."));
		html_close(h);
		goto out;
	}
	score_cell(h, &pt->back, _(col_titles[PTCOL_BACK]));
	score_cell(h, &pt->up, _(col_titles[PTCOL_UP]));
	html_open(h, "td", "class", "num", "data-label", _(col_titles[PTCOL_SPENT]), NULL);
	if (pt->burn.awarded == 0)
		html_text(h, _("— no grant yet"));
	else {
		html_textf(h, "%.0f%%", 100.0 * (double)pt->burn.spent / (double)pt->burn.awarded);
		html_open(h, "div", "class", "note", NULL);
		/* TRANSLATORS: dollars spent of dollars awarded, "$12,000 of $40,000" */
		html_textf(h, _("%s of %s"), dollars(pt->burn.spent, m1), dollars(pt->burn.awarded, m2));
		html_close(h);
	}
	html_close(h);
	html_open(h, "td", "class", "num", "data-label", _(col_titles[PTCOL_ELAPSED]), NULL);
	if (pt->burn.awarded == 0)
		html_text(h, "—");
	else {
		double gap = (double)pt->burn.spent / (double)pt->burn.awarded - pt->burn.elapsed;

		html_textf(h, "%.0f%%", 100.0 * pt->burn.elapsed);
		html_open(h, "div", "class", "note", NULL);
		/* the comparison in words: spending ahead of or behind the time */
		if (fabs(gap) < 0.05)
			html_text(h, _("spending keeps pace"));
		else
			html_textf(h, gap > 0 ? _("spending %.0f points ahead of time") :
			    _("spending %.0f points behind time"), fabs(gap) * 100);
		html_close(h);
	}
	html_close(h);
	html_open(h, "td", "class", "num", "data-label", _(col_titles[PTCOL_PROGRESS]), NULL);
	if (pt->progress.type != MV_NUMBER)
		html_text(h, _("— no observation yet"));
	else {
		html_textf(h, _("%.0f%% of the way"), pt->progress.value * 100);
		report_html_n(h, pt->progress.n, _("observations"),
		    metrics_fig_provisional(&pt->progress, FIG_RESULT_PROGRESS));
	}
	html_close(h);
	html_open(h, "td", "class", "num", "data-label", _(col_titles[PTCOL_ALERTS]), NULL);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s#to-discuss", r->slug);
	if (pt->alerts == 0)
		html_text(h, _("none"));
	else {
		html_open(h, "a", "href", sb.buf, NULL);
		html_textf(h, "%zu", pt->alerts);
		html_close(h);
	}
	html_close(h);
	/* the open actions of every initiative are listed on /program/actions */
	html_open(h, "td", "class", "num", "data-label", _(col_titles[PTCOL_ACTIONS]), NULL);
	if (pt->actions == 0)
		html_text(h, _("none"));
	else {
		html_open(h, "a", "href", "/program/actions", NULL);
		html_textf(h, "%zu", pt->actions);
		html_close(h);
	}
	html_close(h);
	/* the hours of technical assistance to date, each record on /program/assistance */
	html_open(h, "td", "class", "num", "data-label", _(col_titles[PTCOL_ASSISTANCE]), NULL);
	if (pt->assistance <= 0)
		html_text(h, _("none"));
	else {
		char hb[NUM_BUFSZ];

		html_open(h, "a", "href", "/program/assistance", NULL);
		/* hours are a real number: the singular for exactly 1 only */
		html_textf(h, P_("%s hour", "%s hours", pt->assistance == 1 ? 1 : 2),
		    real_format(pt->assistance, hb));
		html_close(h);
	}
	html_close(h);
out:
	html_close(h);
	free(cp);
	strbuf_release(&sb);
}

void
ptime_render(struct html *h, const struct ptime_page *pg)
{
	int depth = h->depth;

	if (pg->sort >= 0)
		ptime_sort(pg->rows, pg->n, pg->sort, pg->desc);
	html_open(h, "section", "class", "portfolio", "aria-labelledby", "trails", NULL);
	html_open(h, "h2", "id", "trails", NULL);
	html_text(h, _("Where each initiative has been"));
	html_close(h);
	html_open(h, "p", NULL);
	html_textf(h, P_("Each point is an initiative at the end of the period; the faint line behind "
	    "it runs through where it stood at the end of every quarter since it started. Each "
	    "quarter is the balance report of the %d month to that day.", "Each point is an "
	    "initiative at the end of the period; the faint line behind it runs through where it "
	    "stood at the end of every quarter since it started. Each quarter is the balance report "
	    "of the %d months to that day.", pg->months), pg->months);
	html_close(h);
	quadrant(h, pg);
	html_close(h);

	html_open(h, "section", "aria-labelledby", "over-time", NULL);
	html_open(h, "h2", "id", "over-time", NULL);
	html_text(h, _("Initiatives over time"));
	html_close(h);
	html_elem(h, "p", _("Select a column's heading to sort by it. In each small chart, stepping "
	    "back is the solid line with round marks and stepping up the dashed line with square "
	    "marks, 0 to 100. The figures beside it are those at the end of the last quarter. "
	    "Grants spent is the money spent on the grants started so far as a share of what they "
	    "award; grant time elapsed is how much of those grants' time has passed, weighted by "
	    "their amounts. Open actions are those the team agreed by then that are still open; "
	    "assistance is the hours of technical assistance given so far."));
	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", _("Initiatives over time"),
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "portfolio over-time", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	sort_link(h, pg, PTCOL_NAME);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, _("Scores by quarter"));
	html_close(h);
	for (int c = PTCOL_BACK; c < PTCOL__MAX; c++)
		sort_link(h, pg, c);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < pg->n; i++)
		row_html(h, &pg->rows[i], i);
	html_close_to(h, depth);
}

/* ---------------------------------------------------------------- kept as text */

static void
score_format(const struct metrics_score *sc, struct strbuf *out)
{
	strbuf_addf(out, " %d %.17g %zu %zu %d", sc->type, sc->value, sc->nparts, sc->firm,
	    sc->provisional);
	for (size_t i = 0; i < sc->nparts; i++)
		strbuf_addf(out, " %s %.17g %lld %d", sc->parts[i].name, sc->parts[i].value,
		    (long long)sc->parts[i].n, sc->parts[i].provisional);
}

void
ptime_series_format(const struct series *s, struct strbuf *out)
{
	strbuf_addf(out, "%d %zu", s->months, s->points.n);
	for (size_t k = 0; k < s->points.n; k++) {
		const struct series_point *pt = &s->points.v[k];

		strbuf_addf(out, " %d", (int)pt->as_of);
		score_format(&pt->back, out);
		score_format(&pt->up, out);
		strbuf_addf(out, " %zu %zu %.17g", pt->alerts, pt->actions, pt->assistance);
		portfolio_fig_format(&pt->progress, out);
		strbuf_addf(out, " %lld %lld %.17g %zu", (long long)pt->burn.awarded,
		    (long long)pt->burn.spent, pt->burn.elapsed, pt->burn.grants);
	}
}

/* The next word of *s (up to a blank) into buf; 0, or -1 when there is none or it is too long. */
static int
next_word(const char **s, char *buf, size_t size)
{
	size_t n = 0;

	while (**s == ' ')
		(*s)++;
	while ((*s)[n] && (*s)[n] != ' ' && n + 1 < size)
		n++;
	if (n == 0 || ((*s)[n] && (*s)[n] != ' '))
		return -1;
	memcpy(buf, *s, n);
	buf[n] = '\0';
	*s += n;
	return 0;
}

static int
score_parse(const char **s, struct metrics_score *sc)
{
	long long type, n, firm, prov, pn, pprov;
	char name[64];

	memset(sc, 0, sizeof(*sc));
	if (portfolio_next_int(s, MV_NULL, MV_BOOL, &type) || portfolio_next_num(s, &sc->value) ||
	    portfolio_next_int(s, 0, METRICS_MAX_PARTS, &n) ||
	    portfolio_next_int(s, 0, METRICS_MAX_PARTS, &firm) || portfolio_next_int(s, 0, 1, &prov))
		return -1;
	sc->type = (int)type;
	sc->nparts = (size_t)n;
	sc->firm = (size_t)firm;
	sc->provisional = (int)prov;
	for (size_t i = 0; i < sc->nparts; i++) {
		struct metrics_part *pa = &sc->parts[i];

		if (next_word(s, name, sizeof(name)) || (pa->name = metrics_part_name(name)) == NULL ||
		    portfolio_next_num(s, &pa->value) || portfolio_next_int(s, 0, INT64_MAX / 2, &pn) ||
		    portfolio_next_int(s, 0, 1, &pprov))
			return -1;
		pa->n = pn;
		pa->provisional = (int)pprov;
	}
	return 0;
}

int
ptime_series_parse(struct series *s, const char *line)
{
	const char *p = line;
	long long months, n, v, actions, awarded, spent, grants;

	metrics_series_release(s);
	if (portfolio_next_int(&p, 1, 240, &months) ||
	    portfolio_next_int(&p, 0, SERIES_MAX_QUARTERS, &n))
		goto bad;
	s->months = (int)months;
	for (long long k = 0; k < n; k++) {
		struct series_point *pt = VEC_PUSH(&s->points);

		if (portfolio_next_int(&p, INT32_MIN, INT32_MAX, &v))
			goto bad;
		pt->as_of = (tdate)v;
		if (score_parse(&p, &pt->back) || score_parse(&p, &pt->up) ||
		    portfolio_next_int(&p, 0, 5, &v) ||
		    portfolio_next_int(&p, 0, INT32_MAX, &actions) ||
		    portfolio_next_num(&p, &pt->assistance) ||
		    portfolio_fig_parse(&p, &pt->progress) ||
		    portfolio_next_int(&p, 0, INT64_MAX / 2, &awarded) ||
		    portfolio_next_int(&p, 0, INT64_MAX / 2, &spent) ||
		    portfolio_next_num(&p, &pt->burn.elapsed) ||
		    portfolio_next_int(&p, 0, INT32_MAX, &grants))
			goto bad;
		pt->alerts = (size_t)v;
		pt->actions = (size_t)actions;
		pt->burn.awarded = awarded;
		pt->burn.spent = spent;
		pt->burn.grants = (size_t)grants;
	}
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return 0;
bad:
	metrics_series_release(s);
	return -1;
}

/* ---------------------------------------------------------------- CSV and JSON */

static void
csv_score(struct strbuf *out, const struct metrics_score *s)
{
	char b[NUM_BUFSZ];

	if (s->type == MV_NUMBER)
		strbuf_addf(out, ",%s,%zu", real_format(s->value, b), s->nparts);
	else
		strbuf_addf(out, ",,%zu", s->nparts);
}

void
ptime_csv(const struct ptime_page *pg, struct strbuf *out)
{
	char b[NUM_BUFSZ], d[DATE_BUFSZ];

	strbuf_addstr(out, "initiative,name,quarter_end,stepping_back,stepping_back_n,stepping_up,"
	    "stepping_up_n,alerts,open_actions,result_progress,awarded,spent,elapsed,assistance_hours\n");
	for (size_t i = 0; i < pg->n; i++) {
		const struct ptime_row *r = &pg->rows[i];

		for (size_t k = 0; k < r->series.points.n; k++) {
			const struct series_point *q = &r->series.points.v[k];

			csv_cell(out, r->slug, 1);
			strbuf_addch(out, ',');
			csv_cell(out, r->name, 1);
			strbuf_addf(out, ",%s", date_format(q->as_of, d));
			csv_score(out, &q->back);
			csv_score(out, &q->up);
			strbuf_addf(out, ",%zu,%zu,", q->alerts, q->actions);
			if (q->progress.type == MV_NUMBER)
				strbuf_addstr(out, real_format(q->progress.value, b));
			strbuf_addf(out, ",%s", money_format(q->burn.awarded, b));
			strbuf_addf(out, ",%s,", money_format(q->burn.spent, b));
			if (q->burn.awarded > 0)
				strbuf_addstr(out, real_format(q->burn.elapsed, b));
			strbuf_addf(out, ",%s\n", real_format(q->assistance, b));
		}
	}
}

void
ptime_json(const struct ptime_page *pg, struct strbuf *out)
{
	char b[NUM_BUFSZ], d[DATE_BUFSZ];

	strbuf_addf(out, "{\"months\":%d,\"initiatives\":[", pg->months);
	for (size_t i = 0; i < pg->n; i++) {
		const struct ptime_row *r = &pg->rows[i];

		strbuf_addstr(out, i ? ",{\"slug\":" : "{\"slug\":");
		json_write_string(out, r->slug);
		strbuf_addstr(out, ",\"name\":");
		json_write_string(out, r->name);
		strbuf_addstr(out, ",\"quarters\":[");
		for (size_t k = 0; k < r->series.points.n; k++) {
			const struct series_point *q = &r->series.points.v[k];

			strbuf_addf(out, "%s{\"as_of\":\"%s\",\"stepping_back\":", k ? "," : "",
			    date_format(q->as_of, d));
			report_json_score(out, &q->back);
			strbuf_addstr(out, ",\"stepping_up\":");
			report_json_score(out, &q->up);
			strbuf_addf(out, ",\"alerts\":%zu,\"open_actions\":%zu,\"result_progress\":",
			    q->alerts, q->actions);
			strbuf_addstr(out, q->progress.type == MV_NUMBER ?
			    real_format(q->progress.value, b) : "null");
			strbuf_addf(out, ",\"grants\":{\"awarded\":%s", money_format(q->burn.awarded, b));
			strbuf_addf(out, ",\"spent\":%s,\"elapsed\":", money_format(q->burn.spent, b));
			strbuf_addstr(out, q->burn.awarded > 0 ? real_format(q->burn.elapsed, b) : "null");
			strbuf_addf(out, "},\"assistance_hours\":%s}", real_format(q->assistance, b));
		}
		strbuf_addstr(out, "]}");
	}
	strbuf_addstr(out, "]}");
}
