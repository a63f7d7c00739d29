#include <stdio.h>
#include <string.h>

#include "figures.h"
#include "report_text.h"
#include "actions.h"
#include "../util/num.h"
#include "../util/strbuf.h"
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
score_line(struct strbuf *out, const char *name, const struct metrics_score *s)
{
	strbuf_addf(out, "  %-14s", name);
	if (s->type == MV_NULL) {
		strbuf_addstr(out, "   —   not enough records to score\n");
		return;
	}
	strbuf_addf(out, "%4.0f / 100  ", s->value);
	for (int i = 0; i < 20; i++)
		strbuf_addstr(out, i < (int)(s->value / 5 + 0.5) ? "█" : "·");
	/* N: the parts it is the mean of (issue 11, point 13) */
	strbuf_addf(out, "  N = %zu parts%s\n", s->nparts, s->provisional ? ", provisional" : "");
	for (size_t i = 0; i < s->nparts; i++)
		strbuf_addf(out, "      %-40s %5.0f   N = %lld%s\n", s->parts[i].name, s->parts[i].value,
		    (long long)s->parts[i].n, s->parts[i].provisional ? ", provisional" : "");
}

void
capacity_text_write(const struct capacity *c, struct strbuf *out)
{
	const struct organization *o = &c->program->orgs.v[c->org];
	char buf[NUM_BUFSZ];

	strbuf_addf(out, "  %s (%s): ", o->name, o->slug);
	if (c->staff == INT_NONE)
		strbuf_addstr(out, "staff unknown, ");
	else
		strbuf_addf(out, "%lld staff, ", (long long)c->staff);
	if (c->revenue == INT_NONE)
		strbuf_addstr(out, "revenue unknown");
	else
		strbuf_addf(out, "%s a year", money_display(c->revenue, buf));
	strbuf_addf(out, ", %d of 5 traits — %s\n", c->traits_met,
	    c->high_capacity ? "high capacity" : "not high capacity");
	for (int t = 0; t < TRAIT__MAX; t++)
		strbuf_addf(out, "    %s %s\n", c->traits[t] ? "[x]" : "[ ]", metrics_trait_labels[t]);
	if (!c->has_gaps)
		return;
	for (size_t i = 0; i < c->gaps.n; i++) {
		const struct metrics_gap *g = &c->gaps.v[i];

		strbuf_addf(out, "    lacks %s; offered by: ", metrics_trait_labels[g->trait]);
		if (g->offered_by.n == 0)
			strbuf_addstr(out, "no one on the team yet");
		for (size_t j = 0; j < g->offered_by.n; j++)
			strbuf_addf(out, "%s%s", j ? ", " : "",
			    c->program->orgs.v[g->offered_by.v[j]].name);
		strbuf_addch(out, '\n');
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
	pad(out, "staff", 22, 0);
	for (size_t i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "%lld", (long long)cs[i].staff);
		pad(out, cs[i].staff == INT_NONE ? "—" : buf, w, 1);
	}
	strbuf_addch(out, '\n');
	pad(out, "revenue", 22, 0);
	for (size_t i = 0; i < n; i++)
		pad(out, cs[i].revenue == INT_NONE ? "—" : money_display(cs[i].revenue, buf), w, 1);
	strbuf_addch(out, '\n');
	for (int t = 0; t < TRAIT__MAX; t++) {
		pad(out, metrics_trait_labels[t], 22, 0);
		for (size_t i = 0; i < n; i++)
			pad(out, cs[i].traits[t] ? "yes" : "no", w, 1);
		strbuf_addch(out, '\n');
	}
	pad(out, "traits met", 22, 0);
	for (size_t i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "%d of 5", cs[i].traits_met);
		pad(out, buf, w, 1);
	}
	strbuf_addch(out, '\n');
	pad(out, "high capacity", 22, 0);
	for (size_t i = 0; i < n; i++)
		pad(out, cs[i].high_capacity ? "YES" : "no", w, 1);
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

static void
survey_text_row(const struct survey_row *row, const struct survey_row *before, int change_col,
    struct strbuf *out)
{
	const struct survey_agg *all = &row->col[SURVEY_COL_ALL];
	struct strbuf cell = STRBUF_INIT;
	double d;

	strbuf_addstr(out, row->code ? "    " : "  ");
	pad(out, row->code ? row->code : row->category, row->code ? SW_LABEL - 2 : SW_LABEL, 0);
	if (all->shown) {
		strbuf_addf(out, "%*.1f%*lld ", SW_MEAN, all->mean, SW_N, (long long)all->n);
		pad(out, survey_band_names[all->band], SW_BAND - 1, 0);
	} else {
		pad(out, "—", SW_MEAN, 1);
		pad(out, "", SW_N + SW_BAND, 0);
	}
	survey_group(&row->col[SURVEY_COL_BACKBONE], &cell);
	pad(out, cell.buf, SW_GROUP, 1);
	strbuf_reset(&cell);
	survey_group(&row->col[SURVEY_COL_PARTNER], &cell);
	pad(out, cell.buf, SW_GROUP, 1);
	strbuf_reset(&cell);
	if (row->has_gap)
		signed_diff(row->gap, &cell);
	else
		strbuf_addstr(&cell, "—");
	pad(out, cell.buf, SW_GAP, 1);
	strbuf_reset(&cell);
	if (metrics_survey_change(before, row, change_col, &d) == 0)
		signed_diff(d, &cell);
	else
		strbuf_addstr(&cell, "—");
	pad(out, cell.buf, SW_CHANGE, 1);
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
	strbuf_addstr(&line, "The backbone's own activities, rated 1 to 5 by partners and the "
	    "backbone's people: ");
	figure_survey_responses(a, &line);
	strbuf_addch(&line, '.');
	wrap(out, line.buf, 2, 0);
	if (!metrics_survey_any_shown(a))
		goto out;
	strbuf_addf(out, "      %-32s %8s %8s\n", "", "PARTNERS", "BACKBONE");
	for (size_t i = 0; i <= a->items.n; i++) {
		const struct survey_row *row = i < a->items.n ? &a->items.v[i] :
		    a->categories.n == 1 ? &a->categories.v[0] : NULL;

		if (row == NULL)
			break;
		strbuf_reset(&p);
		strbuf_reset(&b);
		figure_survey_mean(&row->col[SURVEY_COL_PARTNER], &p);
		figure_survey_mean(&row->col[SURVEY_COL_BACKBONE], &b);
		strbuf_addf(out, "      %-32s ", i < a->items.n ? figure_activity_label(row->code) :
		    "All six");
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
	struct strbuf line = STRBUF_INIT;

	strbuf_addstr(out, "\nSURVEYS\n");
	if (r->surveys.n == 0) {
		strbuf_addstr(out, "  No survey was closed in this period.\n");
		return;
	}
	wrap(out, "Means from 1 to 5: 4.0 or more a strength, 3.0 to 3.99 worth discussing, "
	    "under 3.0 a concern. A group of fewer than 3 answers is never shown (—), nor one "
	    "whose answers could be worked out from the others. Backbone, partners: mean (n). "
	    "Gap: backbone minus partners. Change: since the round before.", 2, 0);
	for (size_t i = 0; i < r->surveys.n; i++) {
		const struct survey_report *sr = &r->surveys.v[i];
		const struct survey_results *now = &sr->now;
		const struct survey_results *bef = sr->has_before ? &sr->before : NULL;

		strbuf_addch(out, '\n');
		wrap(out, now->instrument->title ? now->instrument->title : now->instrument->code,
		    2, 0);
		strbuf_reset(&line);
		strbuf_addf(&line, "%d survey%s, ", now->surveys, now->surveys == 1 ? "" : "s");
		figure_survey_responses(now, &line);
		if (metrics_survey_any_shown(now))
			strbuf_addstr(&line, !bef ? "; no round before to compare" :
			    metrics_survey_change_col(now) == SURVEY_COL_ALL ?
			    "; change since the round before" :
			    "; change: the partners' since the round before");
		strbuf_addch(&line, '.');
		wrap(out, line.buf, 2, 0);
		if (!metrics_survey_any_shown(now))
			continue;
		pad(out, "", 2 + SW_LABEL, 0);
		pad(out, "MEAN", SW_MEAN, 1);
		pad(out, "N", SW_N, 1);
		strbuf_addch(out, ' ');
		pad(out, "BAND", SW_BAND - 1, 0);
		pad(out, "BACKBONE", SW_GROUP, 1);
		pad(out, "PARTNERS", SW_GROUP, 1);
		pad(out, "GAP", SW_GAP, 1);
		pad(out, "CHANGE", SW_CHANGE, 1);
		strbuf_addch(out, '\n');
		for (size_t c = 0; c < now->categories.n; c++) {
			const struct survey_row *cat = &now->categories.v[c];

			survey_text_row(cat, bef ? metrics_survey_row(bef, NULL, cat->category) : NULL,
			    metrics_survey_change_col(now), out);
			for (size_t k = 0; k < now->items.n; k++) {
				const struct survey_row *it = &now->items.v[k];

				if (strcmp(it->category, cat->category) == 0)
					survey_text_row(it, bef ? metrics_survey_row(bef, it->code,
					    NULL) : NULL, metrics_survey_change_col(now), out);
			}
		}
	}
	strbuf_release(&line);
}

void
report_text_write(const struct report *r, const struct capacity *cap, struct strbuf *out)
{
	const struct initiative *in = r->initiative;
	const struct program *p = r->program;
	struct strbuf v = STRBUF_INIT, line = STRBUF_INIT;
	const char *group = "";
	int provisional = 0;

	strbuf_addf(out, "%s — %s\n", in->name, in->city);
	strbuf_addf(out, "Backbone: %s · fiscal agent: %s · team of %d\n",
	    p->orgs.v[in->backbone.idx].name, p->orgs.v[in->fiscal_agent.idx].name, r->team);
	strbuf_addstr(out, "Period: ");
	figure_date(r->start, out);
	strbuf_addstr(out, " – ");
	figure_date(r->end, out);
	strbuf_addf(out, " (%d month%s to ", r->months, r->months == 1 ? "" : "s");
	figure_date(r->as_of, out);
	strbuf_addstr(out, ")\n\n");

	strbuf_addstr(out, "TO DISCUSS\n");
	if (r->alerts.n == 0)
		strbuf_addstr(out, "  Nothing raised in this period.\n");
	for (size_t i = 0; i < r->alerts.n; i++) {
		const struct metrics_alert *a = &r->alerts.v[i];

		strbuf_addf(out, "  ! %s\n", a->code);
		wrap(out, a->observation, 4, 0);
		wrap(out, a->question, 4, 0);
		if (a->evidence.n) {
			strbuf_reset(&line);
			strbuf_addstr(&line, "Evidence:");
			for (size_t j = 0; j < a->evidence.n; j++)
				strbuf_addf(&line, "%s %s", j ? "," : "", a->evidence.v[j]);
			wrap(out, line.buf, 4, 0);
		}
		answer_text(p, &a->answer, r->period, r->as_of, 4, out);
	}
	strbuf_addstr(out, "\nGOING WELL\n");
	if (r->strengths.n == 0)
		strbuf_addstr(out, "  None of the six practices is showing in the records of this period.\n");
	for (size_t i = 0; i < r->strengths.n; i++) {
		strbuf_addf(out, "  + %s\n", r->strengths.v[i].code);
		wrap(out, r->strengths.v[i].text, 4, 0);
		answer_text(p, &r->strengths.v[i].answer, r->period, r->as_of, 4, out);
	}
	if (r->earlier.n) {
		strbuf_addstr(out, "\nEARLIER ACTIONS\n");
		for (size_t i = 0; i < r->earlier.n; i++) {
			strbuf_reset(&line);
			action_line_text(p, r->earlier.v[i], r->as_of, 1, &line);
			strbuf_addstr(&line, "\n");
			strbuf_addstr(out, "  - ");
			strbuf_addstr(out, line.buf);
		}
	}

	strbuf_addstr(out, "\nBALANCE\n");
	score_line(out, "Stepping back", &r->stepping_back);
	score_line(out, "Stepping up", &r->stepping_up);
	activities_lines(r, out);

	if (cap) {
		strbuf_addstr(out, "\nBACKBONE CAPACITY\n");
		capacity_text_write(cap, out);
	}
	surveys_text(r, out);

	strbuf_addf(out, "\nFIGURES%*s%6s\n", 50, "VALUE", "N");
	for (int f = 0; f < FIG__MAX; f++) {
		if (strcmp(group, figure_groups[f]) != 0) {
			group = figure_groups[f];
			strbuf_addf(out, " %s\n", group);
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
		strbuf_addstr(out, "  * provisional: N is under the figure's minimum "
		    "(docs/metrics.md)\n");
	strbuf_release(&v);
	strbuf_release(&line);
}

void
report_text_summary(const struct report *rs, size_t n, struct strbuf *out)
{
	struct strbuf line = STRBUF_INIT;
	size_t w = 10;

	for (size_t i = 0; i < n; i++)
		if (width(rs[i].initiative->name) > w)
			w = width(rs[i].initiative->name);
	if (n == 0) {
		strbuf_addstr(out, "No initiatives yet.\n");
		return;
	}
	strbuf_addstr(out, "Period: ");
	figure_date(rs[0].start, out);
	strbuf_addstr(out, " – ");
	figure_date(rs[0].end, out);
	strbuf_addstr(out, "\n\n");
	pad(out, "INITIATIVE", w + 2, 0);
	strbuf_addstr(out, "  STEP BACK  STEP UP\n");
	for (size_t i = 0; i < n; i++) {
		const struct report *r = &rs[i];
		char b[16], u[16];

		snprintf(b, sizeof(b), r->stepping_back.type == MV_NULL ? "—" : "%.0f", r->stepping_back.value);
		snprintf(u, sizeof(u), r->stepping_up.type == MV_NULL ? "—" : "%.0f", r->stepping_up.value);
		pad(out, r->initiative->name, w + 2, 0);
		pad(out, b, 11, 1);
		pad(out, u, 9, 1);
		strbuf_addch(out, '\n');
		strbuf_reset(&line);
		strbuf_addstr(out, "    to discuss: ");
		if (r->alerts.n == 0)
			strbuf_addstr(&line, "—");
		for (size_t j = 0; j < r->alerts.n; j++)
			strbuf_addf(&line, "%s%s", j ? ", " : "", r->alerts.v[j].code);
		wrap(out, line.buf, 16, 1);
		strbuf_reset(&line);
		strbuf_addstr(out, "    going well: ");
		if (r->strengths.n == 0)
			strbuf_addstr(&line, "—");
		for (size_t j = 0; j < r->strengths.n; j++)
			strbuf_addf(&line, "%s%s", j ? ", " : "", r->strengths.v[j].code);
		wrap(out, line.buf, 16, 1);
	}
	strbuf_release(&line);
}
