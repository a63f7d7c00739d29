/*
 * The Shared result tab (shared_result.h).
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shared_result.h"
#include "chart.h"
#include "figures.h"
#include "quantity.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define MAX2(a, b) ((a) > (b) ? (a) : (b))
#define MAX3(a, b, c) MAX2(MAX2(a, b), c)

/* Appends the size of a change d in unit, without its sign: "$6,736", "2.1 percentage points". */
static void
change_words(double d, const char *unit, struct strbuf *out)
{
	if (quantity_kind(unit) == QUANTITY_PERCENT) {
		struct strbuf n = STRBUF_INIT;

		quantity_format(fabs(d), NULL, -1, &n);
		/* a change of 1 is singular; 0.5 or 2.1 are plural (n 2) */
		strbuf_addf(out, P_("%s percentage point", "%s percentage points", fabs(d) == 1 ? 1 : 2),
		    n.buf);
		strbuf_release(&n);
	} else
		quantity_format(fabs(d), unit, -1, out);
}

/* The decimals v was recorded with, 0 to 2 ("40755" 0, "12.5" 1). */
static int
recorded_decimals(double v)
{
	for (int d = 0; d < 2; d++, v *= 10)
		if (fabs(v - round(v)) < 1e-6)
			return d;
	return 2;
}

/* One "label: value" pair of the definition list. */
static void
def(struct html *h, const char *term, const char *value)
{
	html_elem(h, "dt", term);
	html_elem(h, "dd", value);
}

/* "12.5% on 3 Mar 2016" (the baseline; by 1 the target's "by"). */
static void
point_def(struct html *h, const char *term, const char *unit, double v, tdate d, int by,
    struct strbuf *sb)
{
	struct strbuf q = STRBUF_INIT, dt = STRBUF_INIT;

	quantity_format(v, unit, -1, &q);
	figure_date(d, &dt);
	strbuf_reset(sb);
	/* TRANSLATORS: a value, then its date: "40,755 on 1 Jan 2015", "45,000 by 31 Dec 2018" */
	strbuf_addf(sb, by ? C_("value and date", "%s by %s") : C_("value and date", "%s on %s"), q.buf, dt.buf);
	def(h, term, sb->buf);
	strbuf_release(&q);
	strbuf_release(&dt);
}

/* The latest measurement and the progress toward the target, in words and as a bar. */
static void
progress_section(struct html *h, const struct shared_result_page *pg, struct strbuf *sb)
{
	const struct shared_result *r = &pg->in->result;
	const struct metrics_result_progress *p = pg->progress;
	struct strbuf q = STRBUF_INIT, dt = STRBUF_INIT;
	double moved, asked;
	char pct[16];

	html_open(h, "section", "class", "result-progress", "aria-labelledby", "progress-h", NULL);
	html_open(h, "h2", "id", "progress-h", NULL);
	html_text(h, _("Progress toward the target"));
	html_close(h);
	if (!pg->has_progress || p->latest == NULL) {
		html_elem(h, "p", _("No measurement recorded yet: progress shows once the first one is added."));
		html_close(h);
		return;
	}
	moved = p->latest->value - r->baseline_value;
	asked = r->target_value - r->baseline_value;
	html_open(h, "p", "class", "lead", NULL);
	strbuf_reset(sb);
	quantity_format(p->latest->value, r->unit, -1, &q);
	figure_date(p->latest->date, &dt);
	strbuf_addf(sb, P_("Latest measurement: %s on %s (%lld measurement in all).",
	    "Latest measurement: %s on %s (%lld measurements in all).", p->n), q.buf, dt.buf,
	    (long long)p->n);
	html_text(h, sb->buf);
	html_close(h);

	strbuf_reset(sb);
	strbuf_reset(&q);
	change_words(moved, r->unit, &q);
	if (!p->has_progress) {
		/* TRANSLATORS: followed by one of "the latest measurement is at the baseline." and the like */
		strbuf_addstr(sb, _("The target equals the baseline, so progress is not a share: "));
		if (moved == 0)
			strbuf_addstr(sb, _("the latest measurement is at the baseline."));
		else
			strbuf_addf(sb, moved > 0 ? _("up %s since the baseline.") :
			    _("down %s since the baseline."), q.buf);
	} else {
		strbuf_reset(&dt);
		change_words(asked, r->unit, &dt);
		snprintf(pct, sizeof(pct), "%.0f%%", p->progress * 100);
		/* TRANSLATORS: each of these three is followed by a sentence such as "up 3 since the baseline, ..." */
		if (p->progress >= 1)
			strbuf_addf(sb, _("Target reached: %s of the way from baseline to target. "), pct);
		else if (p->progress < 0)
			strbuf_addstr(sb, _("Moving away from the target: "));
		else
			strbuf_addf(sb, _("%s of the way from baseline to target: "), pct);
		if (moved == 0)
			strbuf_addf(sb, asked > 0 ?
			    _("no change since the baseline, of the rise of %s the target asks for.") :
			    _("no change since the baseline, of the fall of %s the target asks for."), dt.buf);
		else if (moved > 0)
			strbuf_addf(sb, asked > 0 ?
			    _("up %s since the baseline, of the rise of %s the target asks for.") :
			    _("up %s since the baseline, of the fall of %s the target asks for."), q.buf, dt.buf);
		else
			strbuf_addf(sb, asked > 0 ?
			    _("down %s since the baseline, of the rise of %s the target asks for.") :
			    _("down %s since the baseline, of the fall of %s the target asks for."), q.buf, dt.buf);
	}
	html_elem(h, "p", sb->buf);
	if (p->has_progress) {
		double shown = p->progress < 0 ? 0 : p->progress > 1 ? 1 : p->progress;

		snprintf(pct, sizeof(pct), "%.0f", shown * 100);
		html_open(h, "div", "class", "progress-bar", NULL);
		html_open(h, "span", "class", "end", "aria-hidden", "true", NULL);
		html_text(h, _("baseline"));
		html_close(h);
		html_open(h, "progress", "max", "100", "value", pct, "aria-label",
		    _("Progress from baseline to target, percent"), NULL);
		html_textf(h, "%s%%", pct);
		html_close(h);
		html_open(h, "span", "class", "end", "aria-hidden", "true", NULL);
		html_text(h, _("target"));
		html_close(h);
		html_close(h);
	}
	strbuf_reset(sb);
	html_open(h, "p", "class", p->on_track ? "on-track" : "behind", NULL);
	/* the path's value as precise as the values it runs between */
	strbuf_reset(&q);
	quantity_format(p->line, r->unit, MAX3(recorded_decimals(r->baseline_value),
	    recorded_decimals(r->target_value), recorded_decimals(p->latest->value)), &q);
	strbuf_reset(&dt);
	figure_date(p->latest->date, &dt);
	strbuf_addf(sb, p->on_track ? _("✓ On track: at or beyond the straight path from baseline "
	    "to target, which stood at %s on %s.") : _("✗ Behind the straight path from baseline "
	    "to target, which stood at %s on %s."), q.buf, dt.buf);
	html_text(h, sb->buf);
	html_close(h);
	html_close(h);
	strbuf_release(&q);
	strbuf_release(&dt);
}

static _Thread_local const struct observation *sort_obs;

static int
cmp_date(const void *a, const void *b)
{
	const struct observation *x = &sort_obs[*(const size_t *)a], *y = &sort_obs[*(const size_t *)b];

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* Every measurement, oldest first: date (linked to its record), value, change from baseline. */
static void
measurements(struct html *h, const struct shared_result_page *pg, struct strbuf *sb)
{
	const struct initiative *in = pg->in;
	size_t n = in->observations.n, *order;

	html_open(h, "h2", "id", "measurements-h", NULL);
	html_text(h, _("Measurements"));
	html_close(h);
	if (n == 0) {
		html_open(h, "p", "class", "empty", NULL);
		html_text(h, _("No measurement recorded yet. "));
		if (pg->add_href) {
			html_open(h, "a", "href", pg->add_href, NULL);
			html_text(h, _("Add the first measurement"));
			html_close(h);
			html_text(h, ".");
		}
		html_close(h);
		return;
	}
	order = xcalloc(n, sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	sort_obs = in->observations.v;
	qsort(order, n, sizeof(*order), cmp_date);
	sort_obs = NULL;
	html_open(h, "div", "class", "scroll", "tabindex", "0", "role", "region",
	    "aria-labelledby", "measurements-h", NULL);
	html_open(h, "table", "class", "measurements", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, _("Date"));
	html_close(h);
	/* a long unit is said once, in the headings, not in every cell */
	html_open(h, "th", "scope", "col", "class", "num", NULL);
	html_text(h, _("Value"));
	if (quantity_tight_drops_unit(in->result.unit)) {
		html_open(h, "span", "class", "unit", NULL);
		html_text(h, in->result.unit);
		html_close(h);
	}
	html_close(h);
	html_open(h, "th", "scope", "col", "class", "num", NULL);
	html_text(h, _("Change from baseline"));
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t k = 0; k < n; k++) {
		const struct observation *o = &in->observations.v[order[k]];
		double d = o->value - in->result.baseline_value;

		html_open(h, "tr", NULL);
		html_open(h, "td", "data-label", _("Date"), NULL);
		strbuf_reset(sb);
		figure_date(o->date, sb);
		if (pg->obs_href && pg->obs_href[order[k]]) {
			html_open(h, "a", "href", pg->obs_href[order[k]], NULL);
			html_text(h, sb->buf);
			html_close(h);
		} else
			html_text(h, sb->buf);
		html_close(h);
		html_open(h, "td", "class", "num", "data-label", _("Value"), NULL);
		strbuf_reset(sb);
		quantity_format_tight(o->value, in->result.unit, -1, sb);
		html_text(h, sb->buf);
		html_close(h);
		html_open(h, "td", "class", "num", "data-label", _("Change from baseline"), NULL);
		strbuf_reset(sb);
		if (in->has_result) {
			strbuf_addstr(sb, d > 0 ? "+" : d < 0 ? "−" : "");
			if (quantity_tight_drops_unit(in->result.unit))
				quantity_format(fabs(d), NULL, -1, sb);
			else
				change_words(d, in->result.unit, sb);
		} else
			strbuf_addstr(sb, "—");
		html_text(h, sb->buf);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	free(order);
}

void
shared_result_page(struct html *h, const struct shared_result_page *pg)
{
	const struct initiative *in = pg->in;
	const struct shared_result *r = &in->result;
	struct strbuf sb = STRBUF_INIT;
	int depth = h->depth;

	assert(in != NULL);
	if (!in->has_result) {
		html_open(h, "p", "class", "empty", NULL);
		html_text(h, _("No shared result has been set for this initiative: its statement, "
		    "indicator, baseline and target come with the initiative's import file "
		    "(Import & export)."));
		html_close(h);
	} else {
		html_open(h, "p", "class", "statement lead", NULL);
		html_text(h, r->statement);
		html_close(h);
		html_open(h, "dl", "class", "result-terms", NULL);
		def(h, _("Indicator"), r->indicator);
		strbuf_reset(&sb);
		quantity_unit_words(r->unit, &sb);
		def(h, _("Unit"), sb.buf);
		def(h, _("Good direction"), r->direction == DIR_DOWN ? _("down (lower is better)") :
		    _("up (higher is better)"));
		point_def(h, _("Baseline"), r->unit, r->baseline_value, r->baseline_date, 0, &sb);
		point_def(h, _("Target"), r->unit, r->target_value, r->target_date, 1, &sb);
		html_close(h);
		progress_section(h, pg, &sb);
		html_elem(h, "h2", _("The path so far"));
		/* on a phone the chart keeps a readable size and scrolls in its own box */
		html_open(h, "div", "class", "result-chart chart-scroll", "tabindex", "0", "role",
		    "region", "aria-label", _("Chart of the shared result"), NULL);
		chart_result(h, in, pg->as_of, "result-chart");
		html_close(h);
	}
	html_open(h, "div", "class", "actions", NULL);
	if (pg->add_href) {
		html_open(h, "a", "class", "button", "href", pg->add_href, NULL);
		html_text(h, _("Add a measurement"));
		html_close(h);
	}
	if (pg->csv_href) {
		html_open(h, "a", "href", pg->csv_href, NULL);
		html_text(h, _("Download CSV"));
		html_close(h);
	}
	if (pg->xlsx_href) {
		html_open(h, "a", "href", pg->xlsx_href, NULL);
		html_text(h, _("Download Excel"));
		html_close(h);
	}
	html_close(h);
	measurements(h, pg, &sb);
	assert(h->depth >= depth);	/* nothing of the frame closed */
	html_close_to(h, depth);
	strbuf_release(&sb);
}
