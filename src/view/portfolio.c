/*
 * The program portfolio (portfolio.h): rows → quadrant, legend, sortable
 * table with a footer of totals and means.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "figures.h"
#include "portfolio.h"
#include "report_html.h"
#include "../util/i18n.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

const char *const portfolio_col_names[PCOL__MAX] = {
	[PCOL_NAME] = "name",
	[PCOL_BACK] = "back",
	[PCOL_UP] = "up",
	[PCOL_BACK_CHANGE] = "back_change",
	[PCOL_UP_CHANGE] = "up_change",
	[PCOL_ALERTS] = "alerts",
	[PCOL_STRENGTHS] = "strengths",
	[PCOL_PARTNER_SHARE] = "partner_share",
	[PCOL_SHARED] = "shared",
	[PCOL_SPENT] = "spent",
	[PCOL_RESULT] = "result",
};

/* The column headings people read, and the label a phone's stacked row shows. */
static const char *const col_titles[PCOL__MAX] = {
	[PCOL_NAME] = N_("Initiative"),
	[PCOL_BACK] = N_("Stepping back"),
	[PCOL_UP] = N_("Stepping up"),
	[PCOL_BACK_CHANGE] = N_("Stepping back, change in a year"),
	[PCOL_UP_CHANGE] = N_("Stepping up, change in a year"),
	[PCOL_ALERTS] = N_("To discuss"),
	[PCOL_STRENGTHS] = N_("Going well"),
	[PCOL_PARTNER_SHARE] = N_("Funds to partners"),
	[PCOL_SHARED] = N_("Decisions shared"),
	[PCOL_SPENT] = N_("Spent"),
	[PCOL_RESULT] = N_("Shared result"),
};

/* Plain names of the pitfalls (1..5) and practices (1..6), for a table cell. */
static const char *const pitfall_names[6] = {
	NULL, N_("Backbone dominance"), N_("Director as employee"), N_("Blurred boundaries"),
	N_("Out of the loop"), N_("No contrary views"),
};
static const char *const practice_names[7] = {
	NULL, N_("Shared leadership"), N_("Credit given"), N_("Capacity shared"),
	N_("Director supported"), N_("Joint grant seeking"), N_("Partners compensated"),
};

int
portfolio_col_parse(const char *name)
{
	for (int c = 0; c < PCOL__MAX; c++)
		if (name && strcmp(name, portfolio_col_names[c]) == 0)
			return c;
	return -1;
}

/* ---------------------------------------------------------------- rows */

static void
score_of(struct portfolio_score *ps, const struct metrics_score *s)
{
	ps->has = s->type != MV_NULL;
	ps->value = ps->has ? s->value : 0;
	ps->n = (int64_t)s->nparts;
	ps->provisional = ps->has && s->provisional;
}

void
portfolio_row_from_reports(struct portfolio_row *row, const struct report *r,
    const struct report *before)
{
	row->start = r->start;
	row->end = r->end;
	score_of(&row->back, &r->stepping_back);
	score_of(&row->up, &r->stepping_up);
	memset(&row->back_before, 0, sizeof(row->back_before));
	memset(&row->up_before, 0, sizeof(row->up_before));
	if (before) {
		score_of(&row->back_before, &before->stepping_back);
		score_of(&row->up_before, &before->stepping_up);
	}
	row->nalerts = 0;
	for (size_t k = 0; k < r->alerts.n && k < 5; k++)
		row->alerts[row->nalerts++] = r->alerts.v[k].pitfall;
	row->nstrengths = 0;
	for (size_t k = 0; k < r->strengths.n && k < 6; k++)
		row->strengths[row->nstrengths++] = r->strengths.v[k].practice;
	row->has_result = r->initiative->has_result;
	row->partner_share = r->fig[FIG_FUNDS_PARTNER_SHARE];
	row->shared = r->fig[FIG_DEC_SHARED];
	row->spent = r->fig[FIG_FUNDS_SPENT];
	row->progress = r->fig[FIG_RESULT_PROGRESS];
	row->on_track = r->fig[FIG_RESULT_ON_TRACK];
}

static void
score_format(const struct portfolio_score *s, struct strbuf *out)
{
	strbuf_addf(out, " %d %.17g %lld %d", s->has, s->value, (long long)s->n, s->provisional);
}

void
portfolio_fig_format(const struct metrics_figure *f, struct strbuf *out)
{
	strbuf_addf(out, " %d %.17g %lld", f->type, f->value, (long long)f->n);
}

void
portfolio_row_format(const struct portfolio_row *row, struct strbuf *out)
{
	strbuf_addf(out, "%d %d", (int)row->start, (int)row->end);
	score_format(&row->back, out);
	score_format(&row->up, out);
	score_format(&row->back_before, out);
	score_format(&row->up_before, out);
	strbuf_addf(out, " %zu", row->nalerts);
	for (size_t i = 0; i < row->nalerts; i++)
		strbuf_addf(out, " %d", row->alerts[i]);
	strbuf_addf(out, " %zu", row->nstrengths);
	for (size_t i = 0; i < row->nstrengths; i++)
		strbuf_addf(out, " %d", row->strengths[i]);
	strbuf_addf(out, " %d", row->has_result);
	portfolio_fig_format(&row->partner_share, out);
	portfolio_fig_format(&row->shared, out);
	portfolio_fig_format(&row->spent, out);
	portfolio_fig_format(&row->progress, out);
	portfolio_fig_format(&row->on_track, out);
}

int
portfolio_next_num(const char **s, double *v)
{
	char *end;

	*v = strtod(*s, &end);
	if (end == *s)
		return -1;
	*s = end;
	return 0;
}

int
portfolio_next_int(const char **s, long long lo, long long hi, long long *v)
{
	double d;

	if (portfolio_next_num(s, &d) || d != floor(d) || d < (double)lo || d > (double)hi)
		return -1;
	*v = (long long)d;
	return 0;
}

static int
score_parse(const char **s, struct portfolio_score *ps)
{
	long long has, n, prov;

	if (portfolio_next_int(s, 0, 1, &has) || portfolio_next_num(s, &ps->value) ||
	    portfolio_next_int(s, 0, METRICS_MAX_PARTS, &n) || portfolio_next_int(s, 0, 1, &prov))
		return -1;
	ps->has = (int)has;
	ps->n = n;
	ps->provisional = (int)prov;
	return 0;
}

int
portfolio_fig_parse(const char **s, struct metrics_figure *f)
{
	long long type, n;

	if (portfolio_next_int(s, MV_NULL, MV_BOOL, &type) || portfolio_next_num(s, &f->value) ||
	    portfolio_next_int(s, 0, INT64_MAX / 2, &n))
		return -1;
	f->type = (int)type;
	f->n = n;
	return 0;
}

int
portfolio_row_parse(struct portfolio_row *row, const char *line)
{
	const char *s = line;
	long long a, b, k, v;

	if (portfolio_next_int(&s, INT32_MIN, INT32_MAX, &a) || portfolio_next_int(&s, INT32_MIN, INT32_MAX, &b) ||
	    score_parse(&s, &row->back) || score_parse(&s, &row->up) ||
	    score_parse(&s, &row->back_before) || score_parse(&s, &row->up_before))
		return -1;
	row->start = (tdate)a;
	row->end = (tdate)b;
	if (portfolio_next_int(&s, 0, 5, &k))
		return -1;
	row->nalerts = (size_t)k;
	for (size_t i = 0; i < row->nalerts; i++) {
		if (portfolio_next_int(&s, 1, 5, &v))
			return -1;
		row->alerts[i] = (int)v;
	}
	if (portfolio_next_int(&s, 0, 6, &k))
		return -1;
	row->nstrengths = (size_t)k;
	for (size_t i = 0; i < row->nstrengths; i++) {
		if (portfolio_next_int(&s, 1, 6, &v))
			return -1;
		row->strengths[i] = (int)v;
	}
	if (portfolio_next_int(&s, 0, 1, &k))
		return -1;
	row->has_result = (int)k;
	if (portfolio_fig_parse(&s, &row->partner_share) || portfolio_fig_parse(&s, &row->shared) ||
	    portfolio_fig_parse(&s, &row->spent) || portfolio_fig_parse(&s, &row->progress) ||
	    portfolio_fig_parse(&s, &row->on_track))
		return -1;
	while (*s == ' ')
		s++;
	return *s == '\0' || *s == '\n' ? 0 : -1;
}

/* ---------------------------------------------------------------- sorting, totals */

/* Row r's value in column col into v; 0 when it has none ("—"). */
static int
col_value(const struct portfolio_row *r, int col, double *v)
{
	switch (col) {
	case PCOL_BACK:
		*v = r->back.value;
		return r->back.has;
	case PCOL_UP:
		*v = r->up.value;
		return r->up.has;
	case PCOL_BACK_CHANGE:
		*v = r->back.value - r->back_before.value;
		return r->back.has && r->back_before.has;
	case PCOL_UP_CHANGE:
		*v = r->up.value - r->up_before.value;
		return r->up.has && r->up_before.has;
	case PCOL_ALERTS:
		*v = (double)r->nalerts;
		return 1;
	case PCOL_STRENGTHS:
		*v = (double)r->nstrengths;
		return 1;
	case PCOL_PARTNER_SHARE:
		*v = r->partner_share.value;
		return r->partner_share.type != MV_NULL;
	case PCOL_SHARED:
		*v = r->shared.value;
		return r->shared.type != MV_NULL;
	case PCOL_SPENT:
		*v = r->spent.value;
		return r->spent.type != MV_NULL;
	case PCOL_RESULT:
		*v = r->progress.value;
		return r->progress.type != MV_NULL;
	default:
		*v = 0;
		return 0;
	}
}

/* qsort has no context argument: set by portfolio_sort, per thread (the server sorts in several) */
static _Thread_local int sort_col, sort_desc;

static int
row_cmp(const void *pa, const void *pb)
{
	const struct portfolio_row *a = pa, *b = pb;
	double va, vb;
	int ha, hb, c;

	if (sort_col != PCOL_NAME) {
		ha = col_value(a, sort_col, &va);
		hb = col_value(b, sort_col, &vb);
		if (ha != hb)
			return hb - ha;		/* nothing to show: last, either way */
		if (ha && va != vb)
			return (va < vb ? -1 : 1) * (sort_desc ? -1 : 1);
	}
	c = strcmp(a->name ? a->name : "", b->name ? b->name : "");
	if (sort_col == PCOL_NAME && sort_desc)
		c = -c;
	return c;
}

void
portfolio_sort(struct portfolio_row *rows, size_t n, int col, int desc)
{
	assert(col >= 0 && col < PCOL__MAX);
	sort_col = col;
	sort_desc = desc;
	if (n > 1)
		qsort(rows, n, sizeof(*rows), row_cmp);
}

void
portfolio_totals(const struct portfolio_row *rows, size_t n, struct portfolio_totals *t)
{
	memset(t, 0, sizeof(*t));
	for (size_t i = 0; i < n; i++) {
		const struct portfolio_row *r = &rows[i];

		for (int c = PCOL_BACK; c < PCOL__MAX; c++) {
			double v;

			if (col_value(r, c, &v)) {
				t->mean[c] += v;
				t->count[c]++;
			}
		}
		t->alerts += (int64_t)r->nalerts;
		t->strengths += (int64_t)r->nstrengths;
		if (r->spent.type != MV_NULL)
			t->spent += r->spent.value;
		t->on_track += r->on_track.type == MV_BOOL && r->on_track.value != 0;
	}
	for (int c = 0; c < PCOL__MAX; c++)
		if (t->count[c])
			t->mean[c] /= (double)t->count[c];
}

/* ---------------------------------------------------------------- rendering */

/* The mark of a row in the quadrant, by its alerts. */
static int
row_mark(const struct portfolio_row *r)
{
	return r->nalerts == 0 ? MARK_CLEAR : r->nalerts == 1 ? MARK_ONE : MARK_SEVERAL;
}

/* The class of a row's alerts (their colour), by the same measure. */
static const char *const mark_class[MARK__MAX] = {
	[MARK_PLAIN] = "", [MARK_CLEAR] = "sev-clear", [MARK_ONE] = "sev-one",
	[MARK_SEVERAL] = "sev-several",
};
/* The symbols of the marks, as the chart draws them. */
static const char *const mark_symbol[MARK__MAX] = {
	[MARK_PLAIN] = "●", [MARK_CLEAR] = "●", [MARK_ONE] = "◆", [MARK_SEVERAL] = "■",
};

/* Points in the order of their labels, so that where labels go does not follow the table's order. */
static int
point_cmp(const void *pa, const void *pb)
{
	const struct chart_point *a = pa, *b = pb;

	return strcmp(a->label, b->label);
}

static void
quadrant(struct html *h, const struct portfolio_page *pg)
{
	struct chart_point *pts = xcalloc(pg->n ? pg->n : 1, sizeof(*pts));
	char **hrefs = xcalloc(pg->n ? pg->n : 1, sizeof(*hrefs));
	struct strbuf sb = STRBUF_INIT;
	int any_before = 0;

	for (size_t i = 0; i < pg->n; i++) {
		const struct portfolio_row *r = &pg->rows[i];

		strbuf_addf(&sb, "/i/%s", r->slug);
		hrefs[i] = strbuf_detach(&sb, NULL);
		pts[i].label = r->city && *r->city ? r->city : r->name;
		pts[i].href = hrefs[i];
		pts[i].has_value = r->back.has && r->up.has;
		pts[i].x = r->back.value;
		pts[i].y = r->up.value;
		pts[i].has_before = r->back_before.has && r->up_before.has;
		pts[i].bx = r->back_before.value;
		pts[i].by = r->up_before.value;
		pts[i].mark = row_mark(r);
		any_before |= pts[i].has_value && pts[i].has_before;
	}
	qsort(pts, pg->n, sizeof(*pts), point_cmp);
	html_open(h, "div", "class", "chart-wrap wide", NULL);
	chart_quadrant(h, pts, pg->n, "q-program");
	html_open(h, "ul", "class", "legend", "aria-label", _("How the points are marked"), NULL);
	for (int m = MARK_CLEAR; m < MARK__MAX; m++) {
		html_open(h, "li", "class", mark_class[m], NULL);
		html_open(h, "span", "class", "sym", "aria-hidden", "true", NULL);
		html_text(h, mark_symbol[m]);
		html_close(h);
		html_textf(h, " %s", _(chart_mark_words[m]));
		html_close(h);
	}
	if (any_before) {
		html_open(h, "li", NULL);
		html_open(h, "span", "class", "sym", "aria-hidden", "true", NULL);
		html_text(h, "○┄");
		html_close(h);
		html_text(h, _(" where it stood a year earlier (the same months, a year before)"));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	for (size_t i = 0; i < pg->n; i++)
		free(hrefs[i]);
	free(hrefs);
	free(pts);
	strbuf_release(&sb);
}

static void change_line(struct html *h, const struct portfolio_score *now,
    const struct portfolio_score *was);

/* A score, N (its parts) and "provisional" when it is (report_html_n), its change in a year. */
static void
score_cell(struct html *h, const struct portfolio_score *s, const struct portfolio_score *was,
    const char *label)
{
	html_open(h, "td", "class", "num", "data-label", label, NULL);
	if (!s->has) {
		html_text(h, "—");
		html_open(h, "div", "class", "note", NULL);
		html_text(h, _("no records to score in the period"));
		html_close(h);
	} else {
		html_textf(h, "%.0f", s->value);
		report_html_n(h, s->n, P_("parts", "parts", s->n), s->provisional);
		change_line(h, s, was);
	}
	html_close(h);
}

/* The change of a score in a year, under it: "▲ +9 from 78". */
static void
change_line(struct html *h, const struct portfolio_score *now, const struct portfolio_score *was)
{
	html_open(h, "div", "class", "trend", NULL);
	if (!now->has)
		;
	else if (!was->has)
		html_text(h, _("no score a year earlier"));
	else {
		long d = lround(now->value) - lround(was->value);

		/* the word with the arrow: colour never carries it alone */
		html_open(h, "span", "class", d > 0 ? "up" : d < 0 ? "down" : "same", NULL);
		html_textf(h, "%s%ld", d > 0 ? "▲ +" : d < 0 ? "▼ −" : "= ", d < 0 ? -d : d);
		html_close(h);
		/* TRANSLATORS: after "▲ +9": the score a year earlier */
		html_textf(h, _(" from %.0f"), was->value);
	}
	html_close(h);
}

/* A key figure's cell: its value as the report shows it, N and provisional, or "—" and why. */
static void
figure_cell(struct html *h, const struct metrics_figure *g, enum metrics_fig f, const char *label)
{
	struct report one;
	struct strbuf sb = STRBUF_INIT;

	/* figure_format reads the figure from a report: one holding only this figure */
	metrics_report_init(&one);
	one.fig[f] = *g;
	figure_format(&one, f, &sb);
	html_open(h, "td", "class", "num", "data-label", label, NULL);
	html_text(h, sb.buf);
	if (g->type == MV_NULL) {
		html_open(h, "div", "class", "note", NULL);
		html_text(h, figure_null_note(f));
		html_close(h);
	} else
		report_html_n(h, g->n, NULL, metrics_fig_provisional(g, f));
	html_close(h);
	strbuf_release(&sb);
}

static void
alerts_cell(struct html *h, const struct portfolio_row *r)
{
	struct strbuf href = STRBUF_INIT;

	html_open(h, "td", "class", "alerts-cell", "data-label", _(col_titles[PCOL_ALERTS]), NULL);
	if (r->nalerts == 0) {
		html_open(h, "span", "class", "note", NULL);
		html_text(h, _("nothing raised"));
		html_close(h);
	} else {
		strbuf_addf(&href, "/i/%s#to-discuss", r->slug);
		html_open(h, "ul", "class", "plain tags", NULL);
		for (size_t i = 0; i < r->nalerts; i++) {
			html_open(h, "li", "class", mark_class[row_mark(r)], NULL);
			html_open(h, "a", "href", href.buf, NULL);
			html_text(h, _(pitfall_names[r->alerts[i]]));
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	strbuf_release(&href);
}

static void
strengths_cell(struct html *h, const struct portfolio_row *r)
{
	html_open(h, "td", "data-label", _(col_titles[PCOL_STRENGTHS]), NULL);
	if (r->nstrengths == 0) {
		html_open(h, "span", "class", "note", NULL);
		html_text(h, _("none yet"));
		html_close(h);
	} else {
		html_open(h, "ul", "class", "plain tags", NULL);
		for (size_t i = 0; i < r->nstrengths; i++) {
			html_open(h, "li", "class", "good", NULL);
			html_text(h, _(practice_names[r->strengths[i]]));
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
}

static void
result_cell(struct html *h, const struct portfolio_row *r)
{
	html_open(h, "td", "class", "result", "data-label", _(col_titles[PCOL_RESULT]), NULL);
	if (!r->has_result)
		html_text(h, _("no shared result set"));
	else if (r->progress.type == MV_NULL)
		html_text(h, _("— no observation yet"));
	else {
		html_textf(h, _("%.0f%% of the way"), r->progress.value * 100);
		report_html_n(h, r->progress.n, _("observations"),
		    metrics_fig_provisional(&r->progress, FIG_RESULT_PROGRESS));
		/* yes or no in words: the symbol and the colour never carry it alone */
		if (r->on_track.type == MV_BOOL) {
			html_open(h, "div", "class", "note", NULL);
			html_text(h, r->on_track.value != 0 ? _("On track: ✓ yes") :
			    _("On track: ✗ no, behind the path"));
			html_close(h);
		}
	}
	html_close(h);
}

static void
row_html(struct html *h, const struct portfolio_row *r)
{
	struct strbuf href = STRBUF_INIT;

	strbuf_addf(&href, "/i/%s", r->slug);
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "row", NULL);
	html_open(h, "a", "href", href.buf, NULL);
	html_text(h, r->name);
	html_close(h);
	html_open(h, "div", "class", "note", NULL);
	/* TRANSLATORS: the initiative's city, then its backbone organization */
	html_textf(h, _("%s · backbone %s"), r->city, r->backbone);
	html_close(h);
	html_close(h);
	score_cell(h, &r->back, &r->back_before, _(col_titles[PCOL_BACK]));
	score_cell(h, &r->up, &r->up_before, _(col_titles[PCOL_UP]));
	alerts_cell(h, r);
	strengths_cell(h, r);
	figure_cell(h, &r->partner_share, FIG_FUNDS_PARTNER_SHARE, _(col_titles[PCOL_PARTNER_SHARE]));
	figure_cell(h, &r->shared, FIG_DEC_SHARED, _(col_titles[PCOL_SHARED]));
	figure_cell(h, &r->spent, FIG_FUNDS_SPENT, _(col_titles[PCOL_SPENT]));
	result_cell(h, r);
	html_close(h);
	strbuf_release(&href);
}

/* A footer cell: a mean over the initiatives that have a value, with how many. */
static void
mean_cell(struct html *h, const struct portfolio_totals *t, int col, int pct, int change)
{
	html_open(h, "td", "class", "num total", "data-label", _(col_titles[col]), NULL);
	if (t->count[col] == 0)
		html_text(h, "—");
	else {
		html_textf(h, "%ld%s", lround(pct ? t->mean[col] * 100 : t->mean[col]), pct ? "%" : "");
		html_open(h, "div", "class", "note", NULL);
		html_textf(h, _("mean of %zu"), t->count[col]);
		html_close(h);
	}
	if (change >= 0 && t->count[change]) {
		long d = lround(t->mean[change]);

		/* the mean change, over the initiatives scored both years */
		html_open(h, "div", "class", "note", NULL);
		/* TRANSLATORS: the mean change in a year (a sign, a number), then over how many initiatives */
		html_textf(h, _("change %s%ld, of %zu"), d > 0 ? "+" : d < 0 ? "−" : "", d < 0 ? -d : d,
		    t->count[change]);
		html_close(h);
	}
	html_close(h);
}

static void
footer(struct html *h, const struct portfolio_page *pg)
{
	struct portfolio_totals t;
	char money[NUM_BUFSZ];

	portfolio_totals(pg->rows, pg->n, &t);
	html_open(h, "tfoot", NULL);
	html_open(h, "tr", "class", "total", NULL);
	html_open(h, "th", "scope", "row", NULL);
	html_textf(h, P_("Portfolio: %zu initiative", "Portfolio: %zu initiatives", pg->n), pg->n);
	html_close(h);
	mean_cell(h, &t, PCOL_BACK, 0, PCOL_BACK_CHANGE);
	mean_cell(h, &t, PCOL_UP, 0, PCOL_UP_CHANGE);
	html_open(h, "td", "class", "num", "data-label", _(col_titles[PCOL_ALERTS]), NULL);
	html_textf(h, _("%lld in all"), (long long)t.alerts);
	html_close(h);
	html_open(h, "td", "class", "num", "data-label", _(col_titles[PCOL_STRENGTHS]), NULL);
	html_textf(h, _("%lld in all"), (long long)t.strengths);
	html_close(h);
	mean_cell(h, &t, PCOL_PARTNER_SHARE, 1, -1);
	mean_cell(h, &t, PCOL_SHARED, 1, -1);
	html_open(h, "td", "class", "num", "data-label", _(col_titles[PCOL_SPENT]), NULL);
	html_text(h, money_display(llround(t.spent * 100), money));
	html_open(h, "div", "class", "note", NULL);
	html_textf(h, _("total of %zu"), t.count[PCOL_SPENT]);
	html_close(h);
	html_close(h);
	html_open(h, "td", "class", "result", "data-label", _(col_titles[PCOL_RESULT]), NULL);
	if (t.count[PCOL_RESULT]) {
		html_textf(h, _("%.0f%% of the way"), t.mean[PCOL_RESULT] * 100);
		html_open(h, "div", "class", "note", NULL);
		html_textf(h, _("mean of %zu; %zu on track"), t.count[PCOL_RESULT], t.on_track);
		html_close(h);
	} else
		html_text(h, "—");
	html_close(h);
	html_close(h);
	html_close(h);
}

/* A link that sorts by col (the other way when it already does), with text. */
static void
sort_link(struct html *h, const struct portfolio_page *pg, int col, const char *text)
{
	struct strbuf href = STRBUF_INIT;
	int active = pg->sort == col;
	/* names read best A to Z, figures highest first */
	int desc = active ? !pg->desc : col != PCOL_NAME;

	strbuf_addf(&href, "?%s%ssort=%s&dir=%s", pg->period_query ? pg->period_query : "",
	    pg->period_query && *pg->period_query ? "&" : "", portfolio_col_names[col],
	    desc ? "desc" : "asc");
	html_open(h, "a", "href", href.buf, "data-sort", portfolio_col_names[col], NULL);
	html_text(h, text);
	if (active) {
		html_open(h, "span", "class", "dir", NULL);
		html_text(h, pg->desc ? " ▼" : " ▲");
		html_close(h);
	}
	html_close(h);
	strbuf_release(&href);
}

/*
 * A column heading: a link that sorts by it. A score's column holds its
 * change in a year too (the change is a second link), so the table keeps
 * to a page's width.
 */
static void
head_cell(struct html *h, const struct portfolio_page *pg, int col)
{
	int change = col == PCOL_BACK ? PCOL_BACK_CHANGE : col == PCOL_UP ? PCOL_UP_CHANGE : -1;
	int active = pg->sort == col || (change >= 0 && pg->sort == change);

	html_open(h, "th", "scope", "col", "class", col == PCOL_NAME || col == PCOL_ALERTS ||
	    col == PCOL_STRENGTHS || col == PCOL_RESULT ? "sort" : "sort num",
	    "aria-sort", active ? (pg->desc ? "descending" : "ascending") : "none", NULL);
	sort_link(h, pg, col, _(col_titles[col]));
	if (change >= 0) {
		html_open(h, "div", "class", "sub", NULL);
		sort_link(h, pg, change, _("change in a year"));
		html_close(h);
	}
	html_close(h);
}

void
portfolio_render(struct html *h, const struct portfolio_page *pg)
{
	int depth = h->depth;

	if (pg->sort >= 0)
		portfolio_sort(pg->rows, pg->n, pg->sort, pg->desc);
	html_open(h, "section", "class", "portfolio", "aria-labelledby", "glance", NULL);
	html_open(h, "h2", "id", "glance", NULL);
	html_text(h, _("The balance of every initiative"));
	html_close(h);
	html_elem(h, "p", _("Each initiative is a point: stepping back (sharing decisions, money and "
	    "credit with the team) across, stepping up (oversight, check-ins, accountability) upward. "
	    "The upper right is the balance the program hopes for. A dashed line leads from where "
	    "an initiative stood a year earlier."));
	quadrant(h, pg);
	html_close(h);

	html_open(h, "section", "aria-labelledby", "list", NULL);
	html_open(h, "h2", "id", "list", NULL);
	html_text(h, _("Initiatives side by side"));
	html_close(h);
	html_elem(h, "p", _("Select a column's heading to sort by it. Each figure shows N, the count "
	    "it is computed from (a score: the parts it is the mean of); \"provisional\" marks one "
	    "computed from fewer than its minimum (docs/metrics.md). A dash means there was "
	    "nothing to count."));
	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", _("Initiatives"),
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "portfolio", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	for (int c = 0; c < PCOL__MAX; c++)
		if (c != PCOL_BACK_CHANGE && c != PCOL_UP_CHANGE)
			head_cell(h, pg, c);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < pg->n; i++)
		row_html(h, &pg->rows[i]);
	html_close(h);
	footer(h, pg);
	html_close_to(h, depth);
}
