#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "report_text.h"
#include "report_brief.h"
#include "actions.h"
#include "../util/i18n.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/* Display width of UTF-8 text: counts code points, which is right for our labels. */
static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static void
pad(struct strbuf *out, const char *s, size_t w, int right)
{
	size_t n = width(s);

	if (right)
		for (; n < w; n++)
			strbuf_addch(out, ' ');
	strbuf_addstr(out, s);
	if (!right)
		for (; n < w; n++)
			strbuf_addch(out, ' ');
}

/* Appends text wrapped at 78 columns, each line starting with indent spaces. */
static void
wrap(struct strbuf *out, const char *text, int indent, int first_done)
{
	int col = first_done ? indent : 0;
	const char *p = text;

	if (!first_done) {
		for (int i = 0; i < indent; i++)
			strbuf_addch(out, ' ');
		col = indent;
	}
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);

		if (col > indent && col + (int)n + 1 > 78) {
			strbuf_addch(out, '\n');
			for (int i = 0; i < indent; i++)
				strbuf_addch(out, ' ');
			col = indent;
		} else if (col > indent) {
			strbuf_addch(out, ' ');
			col++;
		}
		strbuf_add(out, p, n);
		col += (int)n;
		p += n;
		while (*p == ' ')
			p++;
	}
	strbuf_addch(out, '\n');
}

static void
score_line(struct strbuf *out, const char *name, size_t w, const struct metrics_score *s)
{
	strbuf_addstr(out, "  ");
	pad(out, name, w, 0);
	if (s->type == MV_NULL) {
		strbuf_addf(out, "   —   %s\n", _("not enough records to score"));
		return;
	}
	strbuf_addf(out, "%4.0f / 100  ", s->value);
	for (int i = 0; i < 20; i++)
		strbuf_addstr(out, i < (int)(s->value / 5 + 0.5) ? "█" : "·");
	/* N: the parts it is the mean of (issue 11, point 13) */
	strbuf_addstr(out, "  ");
	/* English says "parts" for 1 too: its singular msgid is the plural */
	strbuf_addf(out, s->provisional ? P_("N = %zu parts, provisional",
	    "N = %zu parts, provisional", s->nparts) : P_("N = %zu parts", "N = %zu parts",
	    s->nparts), s->nparts);
	strbuf_addch(out, '\n');
	for (size_t i = 0; i < s->nparts; i++) {
		strbuf_addf(out, "      %-40s %5.0f   ", s->parts[i].name, s->parts[i].value);
		strbuf_addf(out, s->parts[i].provisional ? _("N = %lld, provisional") : "N = %lld",
		    (long long)s->parts[i].n);
		strbuf_addch(out, '\n');
	}
}

void
capacity_text_write(const struct capacity *c, struct strbuf *out)
{
	const struct organization *o = &c->program->orgs.v[c->org];
	char buf[NUM_BUFSZ];

	strbuf_addf(out, "  %s (%s): ", o->name, o->slug);
	/* a list of facts, each translated whole: staff, revenue, traits */
	if (c->staff == INT_NONE)
		strbuf_addstr(out, _("staff unknown"));
	else
		strbuf_addf(out, P_("%lld staff", "%lld staff", c->staff), (long long)c->staff);
	strbuf_addstr(out, ", ");
	if (c->revenue == INT_NONE)
		strbuf_addstr(out, _("revenue unknown"));
	else
		strbuf_addf(out, _("%s a year"), money_display(c->revenue, buf));
	strbuf_addstr(out, ", ");
	strbuf_addf(out, c->high_capacity ? _("%d of 5 traits — high capacity") :
	    _("%d of 5 traits — not high capacity"), c->traits_met);
	strbuf_addch(out, '\n');
	for (int t = 0; t < TRAIT__MAX; t++)
		strbuf_addf(out, "    %s %s\n", c->traits[t] ? "[x]" : "[ ]", _(metrics_trait_labels[t]));
	if (!c->has_gaps)
		return;
	for (size_t i = 0; i < c->gaps.n; i++) {
		const struct metrics_gap *g = &c->gaps.v[i];

		struct strbuf by = STRBUF_INIT;

		if (g->offered_by.n == 0)
			strbuf_addstr(&by, _("no one on the team yet"));
		for (size_t j = 0; j < g->offered_by.n; j++)
			strbuf_addf(&by, "%s%s", j ? ", " : "",
			    c->program->orgs.v[g->offered_by.v[j]].name);
		strbuf_addstr(out, "    ");
		/* TRANSLATORS: a trait the backbone lacks; the organizations that offer it */
		strbuf_addf(out, _("lacks %s; offered by: %s"), _(metrics_trait_labels[g->trait]), by.buf);
		strbuf_addch(out, '\n');
		strbuf_release(&by);
	}
}

void
capacity_text_compare(const struct capacity *cs, size_t n, struct strbuf *out)
{
	char buf[NUM_BUFSZ];
	size_t w = 18;

	for (size_t i = 0; i < n; i++)
		if (strlen(cs[i].program->orgs.v[cs[i].org].slug) + 2 > w)
			w = strlen(cs[i].program->orgs.v[cs[i].org].slug) + 2;
	pad(out, "", 22, 0);
	for (size_t i = 0; i < n; i++)
		pad(out, cs[i].program->orgs.v[cs[i].org].slug, w, 1);
	strbuf_addch(out, '\n');
	pad(out, _("staff"), 22, 0);
	for (size_t i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "%lld", (long long)cs[i].staff);
		pad(out, cs[i].staff == INT_NONE ? "—" : buf, w, 1);
	}
	strbuf_addch(out, '\n');
	pad(out, _("revenue"), 22, 0);
	for (size_t i = 0; i < n; i++)
		pad(out, cs[i].revenue == INT_NONE ? "—" : money_display(cs[i].revenue, buf), w, 1);
	strbuf_addch(out, '\n');
	for (int t = 0; t < TRAIT__MAX; t++) {
		pad(out, _(metrics_trait_labels[t]), 22, 0);
		for (size_t i = 0; i < n; i++)
			pad(out, cs[i].traits[t] ? _("yes") : _("no"), w, 1);
		strbuf_addch(out, '\n');
	}
	pad(out, _("traits met"), 22, 0);
	for (size_t i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), _("%d of 5"), cs[i].traits_met);
		pad(out, buf, w, 1);
	}
	strbuf_addch(out, '\n');
	pad(out, _("high capacity"), 22, 0);
	for (size_t i = 0; i < n; i++)
		pad(out, cs[i].high_capacity ? _("YES") : _("no"), w, 1);
	strbuf_addch(out, '\n');
}

/* A difference of two means, "+0.4", "-1.2", or "0.0" when it rounds to nothing. */
static void
signed_diff(double d, struct strbuf *out)
{
	if (d > -0.05 && d < 0.05)
		strbuf_addstr(out, "0.0");
	else
		strbuf_addf(out, "%+.1f", d);
}

/* A group's mean and its n, "4.4 (42)", or "—" when the group is not shown. */
static void
survey_group(const struct survey_agg *a, struct strbuf *out)
{
	if (a->shown)
		strbuf_addf(out, "%.1f (%lld)", a->mean, (long long)a->n);
	else
		strbuf_addstr(out, "—");
}

/*
 * Widths of the survey table's columns, 79 in all: the question (items
 * indented under their category), everyone's mean, n and band, the
 * backbone's and the partners' mean (n), the gap, the change.
 */
enum { SW_LABEL = 22, SW_MEAN = 4, SW_N = 4, SW_BAND = 17, SW_GROUP = 9, SW_GAP = 5,
	SW_CHANGE = 7 };

/* The columns' widths in the language shown: at least the above, and each heading fits. */
struct survey_widths {
	int mean, band, group, gap, change;
};

static int
at_least_w(int w, const char *s, int space)
{
	return (int)width(s) + space > w ? (int)width(s) + space : w;
}

static void
survey_widths(struct survey_widths *w)
{
	w->mean = at_least_w(SW_MEAN, _("MEAN"), 0);
	w->band = at_least_w(SW_BAND, _("BAND"), 1);
	for (int b = 0; b < SURVEY_BAND__MAX; b++)
		w->band = at_least_w(w->band, _(survey_band_names[b]), 1);
	w->group = at_least_w(at_least_w(SW_GROUP, _("BACKBONE"), 1), _("PARTNERS"), 1);
	w->gap = at_least_w(SW_GAP, _("GAP"), 1);
	w->change = at_least_w(SW_CHANGE, _("CHANGE"), 1);
}

static void
survey_text_row(const struct survey_row *row, const struct survey_row *before, int change_col,
    const struct survey_widths *w, struct strbuf *out)
{
	const struct survey_agg *all = &row->col[SURVEY_COL_ALL];
	struct strbuf cell = STRBUF_INIT;
	double d;

	strbuf_addstr(out, row->code ? "    " : "  ");
	pad(out, row->code ? row->code : figure_survey_category(row->category),
	    row->code ? SW_LABEL - 2 : SW_LABEL, 0);
	if (all->shown) {
		strbuf_addf(out, "%*.1f%*lld ", w->mean, all->mean, SW_N, (long long)all->n);
		pad(out, _(survey_band_names[all->band]), (size_t)w->band - 1, 0);
	} else {
		pad(out, "—", (size_t)w->mean, 1);
		pad(out, "", SW_N + (size_t)w->band, 0);
	}
	survey_group(&row->col[SURVEY_COL_BACKBONE], &cell);
	pad(out, cell.buf, (size_t)w->group, 1);
	strbuf_reset(&cell);
	survey_group(&row->col[SURVEY_COL_PARTNER], &cell);
	pad(out, cell.buf, (size_t)w->group, 1);
	strbuf_reset(&cell);
	if (row->has_gap)
		signed_diff(row->gap, &cell);
	else
		strbuf_addstr(&cell, "—");
	pad(out, cell.buf, (size_t)w->gap, 1);
	strbuf_reset(&cell);
	if (metrics_survey_change(before, row, change_col, &d) == 0)
		signed_diff(d, &cell);
	else
		strbuf_addstr(&cell, "—");
	pad(out, cell.buf, (size_t)w->change, 1);
	strbuf_addch(out, '\n');
	strbuf_release(&cell);
}

/*
 * The survey results of the period, per instrument, as the HTML report
 * shows them: categories, each followed by its items. What is suppressed
 * (n < 3, or worked out by subtraction) was zeroed by metrics/survey.c and
 * reads "—" here.
 */
/*
 * Under the stepping-up score: the backbone's six activities as partners
 * and the backbone's people rate them, when a backbone-activities survey
 * closed in the period (else nothing: a report without one is as it was).
 */
static void
activities_lines(const struct report *r, struct strbuf *out)
{
	const struct survey_results *a = metrics_survey_find(r->surveys.v, r->surveys.n,
	    BACKBONE_ACTIVITIES_CODE);
	struct strbuf line = STRBUF_INIT, p = STRBUF_INIT, b = STRBUF_INIT;

	if (a == NULL)
		return;
	figure_survey_responses(a, &p);
	strbuf_addf(&line, _("The backbone's own activities, rated 1 to 5 by partners and the "
	    "backbone's people: %s."), p.buf);
	wrap(out, line.buf, 2, 0);
	if (!metrics_survey_any_shown(a))
		goto out;
	strbuf_addf(out, "      %-32s ", "");
	pad(out, _("PARTNERS"), 8, 1);
	strbuf_addch(out, ' ');
	pad(out, _("BACKBONE"), 8, 1);
	strbuf_addch(out, '\n');
	for (size_t i = 0; i <= a->items.n; i++) {
		const struct survey_row *row = i < a->items.n ? &a->items.v[i] :
		    a->categories.n == 1 ? &a->categories.v[0] : NULL;

		if (row == NULL)
			break;
		strbuf_reset(&p);
		strbuf_reset(&b);
		figure_survey_mean(&row->col[SURVEY_COL_PARTNER], &p);
		figure_survey_mean(&row->col[SURVEY_COL_BACKBONE], &b);
		strbuf_addstr(out, "      ");
		pad(out, i < a->items.n ? figure_activity_label(row->code) : _("All six"), 32, 0);
		strbuf_addch(out, ' ');
		pad(out, p.buf, 8, 1);
		strbuf_addch(out, ' ');
		pad(out, b.buf, 8, 1);
		strbuf_addch(out, '\n');
	}
out:
	strbuf_release(&line);
	strbuf_release(&p);
	strbuf_release(&b);
}

static void
surveys_text(const struct report *r, struct strbuf *out)
{
	struct strbuf line = STRBUF_INIT, resp = STRBUF_INIT;
	struct survey_widths w;

	survey_widths(&w);
	strbuf_addf(out, "\n%s\n", _("SURVEYS"));
	if (r->surveys.n == 0) {
		strbuf_addf(out, "  %s\n", _("No survey was closed in this period."));
		return;
	}
	wrap(out, _("Means from 1 to 5: 4.0 or more a strength, 3.0 to 3.99 worth discussing, "
	    "under 3.0 a concern. A group of fewer than 3 answers is never shown (—), nor one "
	    "whose answers could be worked out from the others. Backbone, partners: mean (n). "
	    "Gap: backbone minus partners. Change: since the round before."), 2, 0);
	for (size_t i = 0; i < r->surveys.n; i++) {
		const struct survey_report *sr = &r->surveys.v[i];
		const struct survey_results *now = &sr->now;
		const struct survey_results *bef = sr->has_before ? &sr->before : NULL;

		strbuf_addch(out, '\n');
		wrap(out, instrument_title(now->instrument, lang_code(i18n_current())), 2, 0);
		strbuf_reset(&resp);
		figure_survey_responses(now, &resp);
		strbuf_reset(&line);
		strbuf_addf(&line, P_("%d survey, %s", "%d surveys, %s", now->surveys), now->surveys,
		    resp.buf);
		if (metrics_survey_any_shown(now))
			strbuf_addstr(&line, !bef ? _("; no round before to compare") :
			    metrics_survey_change_col(now) == SURVEY_COL_ALL ?
			    _("; change since the round before") :
			    _("; change: the partners' since the round before"));
		strbuf_addch(&line, '.');
		wrap(out, line.buf, 2, 0);
		if (!metrics_survey_any_shown(now))
			continue;
		pad(out, "", 2 + SW_LABEL, 0);
		pad(out, _("MEAN"), (size_t)w.mean, 1);
		pad(out, "N", SW_N, 1);
		strbuf_addch(out, ' ');
		pad(out, _("BAND"), (size_t)w.band - 1, 0);
		pad(out, _("BACKBONE"), (size_t)w.group, 1);
		pad(out, _("PARTNERS"), (size_t)w.group, 1);
		pad(out, _("GAP"), (size_t)w.gap, 1);
		pad(out, _("CHANGE"), (size_t)w.change, 1);
		strbuf_addch(out, '\n');
		for (size_t c = 0; c < now->categories.n; c++) {
			const struct survey_row *cat = &now->categories.v[c];

			survey_text_row(cat, bef ? metrics_survey_row(bef, NULL, cat->category) : NULL,
			    metrics_survey_change_col(now), &w, out);
			for (size_t k = 0; k < now->items.n; k++) {
				const struct survey_row *it = &now->items.v[k];

				if (strcmp(it->category, cat->category) == 0)
					survey_text_row(it, bef ? metrics_survey_row(bef, it->code,
					    NULL) : NULL, metrics_survey_change_col(now), &w, out);
			}
		}
	}
	strbuf_release(&line);
	strbuf_release(&resp);
}

void
report_text_write(const struct report *r, const struct capacity *cap, struct strbuf *out)
{
	const struct initiative *in = r->initiative;
	const struct program *p = r->program;
	struct strbuf v = STRBUF_INIT, line = STRBUF_INIT;
	struct strbuf d1 = STRBUF_INIT, d2 = STRBUF_INIT, d3 = STRBUF_INIT;
	const char *group = "";
	int provisional = 0;
	size_t sw = 14;

	strbuf_addf(out, "%s — %s\n", in->name, in->city);
	strbuf_addf(out, _("Backbone: %s · fiscal agent: %s · team of %d"),
	    p->orgs.v[in->backbone.idx].name, p->orgs.v[in->fiscal_agent.idx].name, r->team);
	strbuf_addch(out, '\n');
	figure_date(r->start, &d1);
	figure_date(r->end, &d2);
	figure_date(r->as_of, &d3);
	strbuf_addf(out, P_("Period: %s – %s (%d month to %s)", "Period: %s – %s (%d months to %s)",
	    r->months), d1.buf, d2.buf, r->months, d3.buf);
	strbuf_addstr(out, "\n\n");

	strbuf_addf(out, "%s\n", _("TO DISCUSS"));
	if (r->alerts.n == 0)
		strbuf_addf(out, "  %s\n", _("Nothing raised in this period."));
	for (size_t i = 0; i < r->alerts.n; i++) {
		const struct metrics_alert *a = &r->alerts.v[i];

		strbuf_addf(out, "  ! %s\n", a->code);
		wrap(out, a->observation, 4, 0);
		wrap(out, a->question, 4, 0);
		if (a->evidence.n) {
			strbuf_reset(&line);
			strbuf_addstr(&line, _("Evidence:"));
			for (size_t j = 0; j < a->evidence.n; j++)
				strbuf_addf(&line, "%s %s", j ? "," : "", a->evidence.v[j]);
			wrap(out, line.buf, 4, 0);
		}
		answer_text(p, &a->answer, r->period, r->as_of, 4, out);
	}
	strbuf_addf(out, "\n%s\n", _("GOING WELL"));
	if (r->strengths.n == 0)
		strbuf_addf(out, "  %s\n",
		    _("None of the six practices is showing in the records of this period."));
	for (size_t i = 0; i < r->strengths.n; i++) {
		strbuf_addf(out, "  + %s\n", r->strengths.v[i].code);
		wrap(out, r->strengths.v[i].text, 4, 0);
		answer_text(p, &r->strengths.v[i].answer, r->period, r->as_of, 4, out);
	}
	if (r->earlier.n) {
		strbuf_addf(out, "\n%s\n", _("EARLIER ACTIONS"));
		for (size_t i = 0; i < r->earlier.n; i++) {
			strbuf_reset(&line);
			action_line_text(p, r->earlier.v[i], r->as_of, 1, &line);
			strbuf_addstr(&line, "\n");
			strbuf_addstr(out, "  - ");
			strbuf_addstr(out, line.buf);
		}
	}

	strbuf_addf(out, "\n%s\n", _("BALANCE"));
	/* the two names padded alike, at least 14 wide */
	sw = width(_("Stepping back")) + 1 > sw ? width(_("Stepping back")) + 1 : sw;
	sw = width(_("Stepping up")) + 1 > sw ? width(_("Stepping up")) + 1 : sw;
	score_line(out, _("Stepping back"), sw, &r->stepping_back);
	score_line(out, _("Stepping up"), sw, &r->stepping_up);
	activities_lines(r, out);

	if (cap) {
		strbuf_addf(out, "\n%s\n", _("BACKBONE CAPACITY"));
		capacity_text_write(cap, out);
	}
	surveys_text(r, out);

	strbuf_addch(out, '\n');
	pad(out, _("FIGURES"), 40, 0);
	pad(out, _("VALUE"), 17, 1);
	strbuf_addf(out, "%6s\n", "N");
	for (int f = 0; f < FIG__MAX; f++) {
		if (strcmp(group, figure_groups[f]) != 0) {
			group = figure_groups[f];
			strbuf_addf(out, " %s\n", _(group));
		}
		strbuf_reset(&v);
		figure_format(r, (enum metrics_fig)f, &v);
		if (metrics_fig_provisional(&r->fig[f], (enum metrics_fig)f)) {
			strbuf_addch(&v, '*');
			provisional++;
		}
		strbuf_addstr(out, "  ");
		pad(out, metrics_fig_names[f], 38, 0);
		pad(out, v.buf, 17, 1);
		strbuf_addf(out, " %6lld\n", (long long)r->fig[f].n);
	}
	if (provisional)
		strbuf_addf(out, "  %s\n", _("* provisional: N is under the figure's minimum "
		    "(docs/metrics.md)"));
	strbuf_release(&v);
	strbuf_release(&line);
	strbuf_release(&d1);
	strbuf_release(&d2);
	strbuf_release(&d3);
}

void
report_text_summary(const struct report *rs, size_t n, struct strbuf *out)
{
	struct report_brief *bs = xcalloc(n ? n : 1, sizeof(*bs));

	for (size_t i = 0; i < n; i++)
		report_brief_take(&bs[i], &rs[i]);
	report_text_summary_briefs(bs, n, out);
	for (size_t i = 0; i < n; i++)
		report_brief_release(&bs[i]);
	free(bs);
}

void
report_text_summary_briefs(const struct report_brief *bs, size_t n, struct strbuf *out)
{
	struct strbuf d1 = STRBUF_INIT, d2 = STRBUF_INIT;
	const char *back = _("STEP BACK"), *up = _("STEP UP");
	const char *discuss = _("to discuss:"), *well = _("going well:");
	size_t w = 10, wb = width(back) + 2, wu = width(up) + 2, wl, indent;

	for (size_t i = 0; i < n; i++)
		if (width(bs[i].name) > w)
			w = width(bs[i].name);
	if (n == 0) {
		strbuf_addf(out, "%s\n", _("No initiatives yet."));
		return;
	}
	/* the columns as wide as their headings, the labels under the name aligned */
	wb = wb < 11 ? 11 : wb;
	wu = wu < 9 ? 9 : wu;
	wl = width(discuss) > width(well) ? width(discuss) : width(well);
	indent = 4 + wl + 1;
	figure_date(bs[0].start, &d1);
	figure_date(bs[0].end, &d2);
	strbuf_addf(out, _("Period: %s – %s"), d1.buf, d2.buf);
	strbuf_addstr(out, "\n\n");
	pad(out, _("INITIATIVE"), w + 2, 0);
	pad(out, back, wb, 1);
	pad(out, up, wu, 1);
	strbuf_addch(out, '\n');
	for (size_t i = 0; i < n; i++) {
		const struct report_brief *b = &bs[i];
		char bv[16], uv[16];

		snprintf(bv, sizeof(bv), b->back_type == MV_NULL ? "—" : "%.0f", b->back);
		snprintf(uv, sizeof(uv), b->up_type == MV_NULL ? "—" : "%.0f", b->up);
		pad(out, b->name, w + 2, 0);
		pad(out, bv, wb, 1);
		pad(out, uv, wu, 1);
		strbuf_addch(out, '\n');
		strbuf_addstr(out, "    ");
		pad(out, discuss, wl + 1, 0);
		wrap(out, *b->alerts ? b->alerts : "—", (int)indent, 1);
		strbuf_addstr(out, "    ");
		pad(out, well, wl + 1, 0);
		wrap(out, *b->strengths ? b->strengths : "—", (int)indent, 1);
	}
	strbuf_release(&d1);
	strbuf_release(&d2);
}
