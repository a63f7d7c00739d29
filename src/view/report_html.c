#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "evidence.h"
#include "figures.h"
#include "network_svg.h"
#include "report_brief.h"
#include "report_html.h"
#include "actions.h"
#include "style.h"
#include "../metrics/survey.h"
#include "../util/i18n.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

void
report_html_n(struct html *h, int64_t n, const char *unit, int provisional)
{
	html_open(h, "span", "class", "fig-n", NULL);
	if (unit)
		html_textf(h, "N = %lld %s", (long long)n, unit);
	else
		html_textf(h, "N = %lld", (long long)n);
	html_close(h);
	if (provisional) {
		html_text(h, " ");
		html_open(h, "span", "class", "prov", "title", _("computed from fewer than its minimum "
		    "count: read it with care"), NULL);
		html_text(h, _("provisional"));
		html_close(h);
	}
}

static void
score_block(struct html *h, const char *title, const struct metrics_score *s)
{
	char w[32];

	html_open(h, "div", "class", "score", NULL);
	html_open(h, "h3", NULL);
	html_text(h, title);
	html_close(h);
	html_open(h, "div", "class", "big", NULL);
	if (s->type == MV_NULL)
		html_text(h, "—");
	else
		html_textf(h, "%.0f / 100", s->value);
	html_close(h);
	if (s->type == MV_NULL)
		html_elem(h, "p", _("Not enough records in this period to score."));
	else {
		html_open(h, "p", "class", "note", NULL);
		html_textf(h, P_("The mean of %zu part, %zu of them from enough records: ",
		    "The mean of %zu parts, %zu of them from enough records: ", s->nparts), s->nparts,
		    s->firm);
		/* TRANSLATORS: after "N = 3": the score's parts (English says "parts" for 1 too) */
		report_html_n(h, (int64_t)s->nparts, P_("parts", "parts", s->nparts), s->provisional);
		html_close(h);
	}
	for (size_t i = 0; i < s->nparts; i++) {
		html_open(h, "div", "class", "part", NULL);
		html_open(h, "span", "title", s->parts[i].name, NULL);
		html_text(h, figure_part_label(s->parts[i].name));
		report_html_n(h, s->parts[i].n, NULL, s->parts[i].provisional);
		html_close(h);
		/* the bar's length is carried by an SVG, so no style attribute is needed */
		html_open(h, "svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 100 6",
		    "preserveAspectRatio", "none", "width", "100%", "height", "8", "aria-hidden", "true",
		    "class", "partbar", NULL);
		html_void(h, "rect", "x", "0", "y", "0", "width", "100", "height", "6", "fill", "#d9e2ec", NULL);
		snprintf(w, sizeof(w), "%.1f", s->parts[i].value);
		html_void(h, "rect", "x", "0", "y", "0", "width", w, "height", "6", "fill", "#1d4ed8", NULL);
		html_close(h);
		html_open(h, "span", "class", "v", NULL);
		html_textf(h, "%.0f", s->parts[i].value);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

static void
capacity_block(struct html *h, const struct capacity *c)
{
	const struct program *p = c->program;
	const struct organization *o = &p->orgs.v[c->org];
	char buf[NUM_BUFSZ];

	html_open(h, "p", NULL);
	html_open(h, "strong", NULL);
	html_text(h, o->name);
	html_close(h);
	html_text(h, ": ");
	/* a list of facts, each translated whole: staff, revenue, traits */
	if (c->staff == INT_NONE)
		html_text(h, _("staff unknown"));
	else
		html_textf(h, P_("%lld staff", "%lld staff", c->staff), (long long)c->staff);
	html_text(h, ", ");
	if (c->revenue == INT_NONE)
		html_text(h, _("revenue unknown"));
	else
		html_textf(h, _("%s a year"), money_display(c->revenue, buf));
	html_text(h, ", ");
	html_textf(h, c->high_capacity ? _("%d of 5 traits: a high-capacity backbone.") :
	    _("%d of 5 traits: not a high-capacity backbone."), c->traits_met);
	html_close(h);
	html_open(h, "table", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", _("Trait"));
	html_elem(h, "th", _("Backbone"));
	html_elem(h, "th", _("Offered on the team by"));
	html_close(h);
	for (int t = 0; t < TRAIT__MAX; t++) {
		const struct metrics_gap *gap = NULL;

		for (size_t i = 0; i < c->gaps.n; i++)
			if (c->gaps.v[i].trait == t)
				gap = &c->gaps.v[i];
		html_open(h, "tr", NULL);
		html_elem(h, "td", _(metrics_trait_labels[t]));
		html_elem(h, "td", c->traits[t] ? _("✓ has it") : _("✗ lacks it"));
		html_open(h, "td", NULL);
		if (gap && gap->offered_by.n == 0)
			html_text(h, _("no one on the team yet"));
		for (size_t j = 0; gap && j < gap->offered_by.n; j++)
			html_textf(h, "%s%s", j ? ", " : "", p->orgs.v[gap->offered_by.v[j]].name);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

/* A signed difference with one decimal; never "-0.0". */
static void
signed_diff(struct html *h, double d)
{
	if (d > -0.05 && d < 0.05)
		html_text(h, "0.0");
	else
		html_textf(h, "%+.1f", d);
}

/* One cell of a survey table: the mean and its band, or a dash when hidden. */
static void
survey_cell(struct html *h, const struct survey_agg *a)
{
	html_open(h, "td", "class", "num", NULL);
	if (a->shown)
		html_textf(h, "%.1f · %s (n %lld)", a->mean, _(survey_band_names[a->band]),
		    (long long)a->n);
	else
		html_text(h, "—");
	html_close(h);
}

/* An item's statement in the page's language (a program's own: text_es, else as written). */
static const char *
row_text(const struct instrument *ins, const struct survey_row *row)
{
	for (size_t i = 0; ins && i < ins->items.n; i++)
		if (strcmp(ins->items.v[i].code, row->code) == 0)
			return instrument_item_text(ins, &ins->items.v[i], lang_code(i18n_current()));
	return row->text;
}

static void
survey_row_html(struct html *h, const struct instrument *ins, const struct survey_row *row,
    const struct survey_row *before, int change_col)
{
	const struct survey_agg *all = &row->col[SURVEY_COL_ALL];
	double d;

	html_open(h, "tr", NULL);
	html_open(h, row->code ? "td" : "th", "scope", row->code ? NULL : "row", NULL);
	html_text(h, row->code ? row_text(ins, row) : figure_survey_category(row->category));
	html_close(h);
	survey_cell(h, all);
	survey_cell(h, &row->col[SURVEY_COL_BACKBONE]);
	survey_cell(h, &row->col[SURVEY_COL_PARTNER]);
	html_open(h, "td", "class", "num", NULL);
	if (row->has_gap)
		signed_diff(h, row->gap);
	else
		html_text(h, "—");
	html_close(h);
	html_open(h, "td", "class", "num", NULL);
	if (metrics_survey_change(before, row, change_col, &d) == 0)
		signed_diff(h, d);
	else
		html_text(h, "—");
	html_close(h);
	html_open(h, "td", "class", "num", NULL);
	if (all->shown)
		html_textf(h, "%lld / %lld / %lld / %lld / %lld", (long long)all->dist[0],
		    (long long)all->dist[1], (long long)all->dist[2], (long long)all->dist[3],
		    (long long)all->dist[4]);
	else
		html_text(h, "—");
	html_close(h);
	html_close(h);
}

/* The number columns of a survey table, after the question. */
static const char *const survey_cols[] = {
	N_("Everyone"), N_("Backbone"), N_("Partners"), N_("Gap"), N_("Change"),
	N_("Answers 1 / 2 / 3 / 4 / 5"),
};

/* The survey results of the period, per instrument: categories, then their items. */
static void
surveys_block(struct html *h, const struct report *r, const char *hx)
{
	struct strbuf sb = STRBUF_INIT;

	html_elem(h, hx, _("Surveys"));
	if (r->surveys.n == 0) {
		html_elem(h, "p", _("No survey was closed in this period."));
		return;
	}
	html_elem(h, "p", _("Means on the scale of 1 to 5: 4.0 or more a strength, 3.0 to 3.99 "
	    "worth discussing, under 3.0 a concern. Answers are anonymous: a group with fewer "
	    "than 3 answers is never shown (—), nor one whose answers could be worked out "
	    "from the others. Gap: backbone minus partners. Change: since the round before."));
	for (size_t i = 0; i < r->surveys.n; i++) {
		const struct survey_report *sr = &r->surveys.v[i];
		const struct survey_results *now = &sr->now;
		const struct survey_results *bef = sr->has_before ? &sr->before : NULL;

		html_open(h, "p", NULL);
		html_open(h, "strong", NULL);
		html_text(h, instrument_title(now->instrument, lang_code(i18n_current())));
		html_close(h);
		strbuf_reset(&sb);
		figure_survey_responses(now, &sb);
		/* TRANSLATORS: after the instrument's title: the rounds, then the responses */
		html_textf(h, P_(": %d survey, %s.", ": %d surveys, %s.", now->surveys), now->surveys,
		    sb.buf);
		html_close(h);
		if (!metrics_survey_any_shown(now))
			continue;
		/* a wide table scrolls on its own on a phone; focusable so keyboards can scroll it */
		html_open(h, "div", "class", "scroll", "role", "region", "aria-label",
		    _("Survey results"), "tabindex", "0", NULL);
		html_open(h, "table", "class", "survey", NULL);
		html_open(h, "tr", NULL);
		html_elem(h, "th", _("Question"));
		for (size_t c = 0; c < sizeof(survey_cols) / sizeof(survey_cols[0]); c++) {
			html_open(h, "th", "class", "num", "scope", "col", NULL);
			html_text(h, c == 4 && metrics_survey_change_col(now) != SURVEY_COL_ALL ?
			    _("Change (partners)") : _(survey_cols[c]));
			html_close(h);
		}
		html_close(h);
		for (size_t c = 0; c < now->categories.n; c++) {
			const struct survey_row *cat = &now->categories.v[c];

			survey_row_html(h, now->instrument, cat, bef ?
			    metrics_survey_row(bef, NULL, cat->category) : NULL,
			    metrics_survey_change_col(now));
			for (size_t k = 0; k < now->items.n; k++) {
				const struct survey_row *it = &now->items.v[k];

				if (strcmp(it->category, cat->category) != 0)
					continue;
				survey_row_html(h, now->instrument, it, bef ?
				    metrics_survey_row(bef, it->code, NULL) : NULL,
				    metrics_survey_change_col(now));
			}
		}
		html_close(h);
		html_close(h);
	}
	strbuf_release(&sb);
}

void
report_html_figure_head(struct html *h, const char *first, const char *scope)
{
	static const char *const cols[] = { N_("Value"), "N" };

	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", scope, NULL);
	html_text(h, first);
	html_close(h);
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		html_open(h, "th", "class", "num", "scope", "col", NULL);
		html_text(h, i == 0 ? _(cols[i]) : cols[i]);
		html_close(h);
	}
	html_close(h);
}

void
report_html_figure_row(struct html *h, const struct report *r, int f, struct strbuf *sb)
{
	/* the figure's code for scripts and tests, never in the text people read */
	html_open(h, "tr", "data-figure", metrics_fig_names[f], NULL);
	html_open(h, "td", "class", "name", NULL);
	html_text(h, _(figure_labels[f]));
	if (r->fig[f].type == MV_NULL) {
		html_open(h, "div", "class", "note", NULL);
		html_text(h, figure_null_note((enum metrics_fig)f));
		html_close(h);
	} else if (metrics_fig_provisional(&r->fig[f], (enum metrics_fig)f)) {
		html_text(h, " ");
		html_open(h, "span", "class", "prov", NULL);
		html_textf(h, _("provisional: N under %lld"),
		    (long long)metrics_fig_min_n((enum metrics_fig)f));
		html_close(h);
	}
	html_close(h);
	strbuf_reset(sb);
	figure_format(r, (enum metrics_fig)f, sb);
	html_open(h, "td", "class", "num", NULL);
	html_text(h, sb->buf);
	html_close(h);
	html_open(h, "td", "class", "num", NULL);
	html_textf(h, "%lld", (long long)r->fig[f].n);
	html_close(h);
	html_close(h);
}

/* One line of an alert's evidence: the title (linked), the date, the fact. */
static void
evidence_line(struct html *h, const struct report_evidence *e)
{
	html_open(h, "li", NULL);
	if (e->href)
		html_open(h, "a", "href", e->href, NULL);
	html_text(h, e->title ? e->title : "");
	if (e->href)
		html_close(h);
	else if (e->id && e->title != e->id)
		html_textf(h, " (%s)", e->id);
	if (e->date)
		html_textf(h, " · %s", e->date);
	if (e->fact)
		html_textf(h, " — %s", e->fact);
	html_close(h);
}

/*
 * The n records behind an alert as lines, the first EVIDENCE_SHOWN in
 * sight and the rest in a <details> (printed open: style.c).
 */
#define EVIDENCE_SHOWN 5
static void
evidence_lines(struct html *h, const struct report_evidence *ev, size_t n)
{
	if (n == 0)
		return;
	html_open(h, "p", NULL);
	html_textf(h, P_("The %zu record behind this:", "The %zu records behind this:", n), n);
	html_close(h);
	html_open(h, "ul", NULL);
	for (size_t j = 0; j < n && j < EVIDENCE_SHOWN; j++)
		evidence_line(h, &ev[j]);
	html_close(h);
	if (n <= EVIDENCE_SHOWN)
		return;
	html_open(h, "details", "class", "more", NULL);
	html_open(h, "summary", NULL);
	html_textf(h, P_("%zu more", "%zu more", n - EVIDENCE_SHOWN), n - EVIDENCE_SHOWN);
	html_close(h);
	html_open(h, "ul", NULL);
	for (size_t j = EVIDENCE_SHOWN; j < n; j++)
		evidence_line(h, &ev[j]);
	html_close(h);
	html_close(h);
}

/*
 * The body of a report's section. web: the overview page, whose <h1> names
 * the initiative: its parts are h2 (h3 in the printed report, under the
 * section's h2), and the figures come as one small table per group. ev: as
 * report_html_overview (NULL: the ids).
 */
/* The records behind alert a (or, a NULL, strength s) as lines in a div.evidence. */
static void
evidence_block(struct html *h, const struct report *r, const struct metrics_alert *a,
    const struct metrics_strength *s, const char *evidence_base)
{
	evidence_strings own = { NULL, 0, 0 };
	struct report_evidence *ev;
	size_t n = a ? a->evidence.n : s->evidence.n;

	if (n == 0)
		return;
	ev = evidence_lines_of(r, a, s, evidence_base, &own);
	html_open(h, "div", "class", "evidence", NULL);
	evidence_lines(h, ev, n);
	html_close(h);
	free(ev);
	evidence_strings_release(&own);
}

/*
 * The team's answer under an alert or a strength: on the web always, with
 * the link to its page (evidence_base/alerts/CODE with the period's as-of
 * and months) for an editor, or for a reader when there is something to
 * see there; in the printed report only when there is one, so a report
 * without answers keeps its bytes.
 */
static void
answer_block(struct html *h, const struct report *r, const struct metrics_answer *a,
    int signal, const char *evidence_base, int web, int can_edit)
{
	struct strbuf href = STRBUF_INIT;
	char d[DATE_BUFSZ];

	if (web && evidence_base && !can_edit && a->response == NULL && a->actions.n == 0)
		answer_html(h, r->program, a, r->period, r->as_of, NULL);
	else if (web && evidence_base) {
		strbuf_addf(&href, "%s/alerts/%s?as_of=%s&months=%d", evidence_base,
		    signal_names[signal], date_format(r->as_of, d), r->months);
		answer_html(h, r->program, a, r->period, r->as_of, href.buf);
	} else if (a->response || a->actions.n)
		answer_html(h, r->program, a, r->period, r->as_of, NULL);
	strbuf_release(&href);
}

/*
 * Beside the stepping-up score: how partners and the backbone's own people
 * rate the backbone's six activities, when a backbone-activities survey
 * closed in the period (else nothing, so a report without one is as it
 * was). Groups under 3 answers show "—" (DESIGN §4).
 */
/* The groups beside the backbone's activities, in the table's order. */
static const int activity_cols[2] = { SURVEY_COL_PARTNER, SURVEY_COL_BACKBONE };

static void
activities_block(struct html *h, const struct report *r)
{
	const struct survey_results *a = metrics_survey_find(r->surveys.v, r->surveys.n,
	    BACKBONE_ACTIVITIES_CODE);
	struct strbuf sb = STRBUF_INIT;

	if (a == NULL)
		return;
	html_open(h, "div", "class", "score activities", NULL);
	html_elem(h, "h3", _("The backbone's own activities"));
	html_open(h, "p", "class", "note", NULL);
	figure_survey_responses(a, &sb);
	html_textf(h, _("Partners and the backbone's people rate the backbone on the six activities, "
	    "1 to 5: %s."), sb.buf);
	html_close(h);
	if (metrics_survey_any_shown(a)) {
		html_open(h, "table", "class", "activities", NULL);
		html_thead(h, _("Activity"), _("Partners"), _("Backbone"), NULL);
		html_open(h, "tbody", NULL);
		for (size_t i = 0; i <= a->items.n; i++) {
			const struct survey_row *row = i < a->items.n ? &a->items.v[i] :
			    a->categories.n == 1 ? &a->categories.v[0] : NULL;

			if (row == NULL)
				break;
			html_open(h, "tr", "class", i == a->items.n ? "total" : NULL, NULL);
			html_open(h, "th", "scope", "row", NULL);
			html_text(h, i < a->items.n ? figure_activity_label(row->code) : _("All six"));
			html_close(h);
			for (size_t c = 0; c < 2; c++) {
				strbuf_reset(&sb);
				figure_survey_mean(&row->col[activity_cols[c]], &sb);
				html_open(h, "td", "class", "num", NULL);
				html_text(h, sb.buf);
				html_close(h);
			}
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	html_close(h);
	strbuf_release(&sb);
}

static void
section_body(struct html *h, const struct report *r, const struct report *before,
    const struct capacity *cap, const char *evidence_base, int web, int can_edit)
{
	const struct initiative *in = r->initiative;
	const struct program *p = r->program;
	const char *hx = web ? "h2" : "h3";
	struct strbuf sb = STRBUF_INIT, id = STRBUF_INIT;
	struct chart_point pt = { NULL, NULL, 0, 0, 0, 0, 0, 0 };
	const char *group = "";
	int depth = h->depth;

	if (web)
		html_elem(h, "h2", _("The balance"));
	html_open(h, "div", "class", "balance", NULL);
	pt.label = in->name;
	pt.has_value = r->stepping_back.type != MV_NULL && r->stepping_up.type != MV_NULL;
	pt.x = r->stepping_back.value;
	pt.y = r->stepping_up.value;
	if (before && before->stepping_back.type != MV_NULL && before->stepping_up.type != MV_NULL) {
		pt.has_before = 1;
		pt.bx = before->stepping_back.value;
		pt.by = before->stepping_up.value;
	}
	strbuf_addf(&id, "q-%s", in->slug);
	html_open(h, "div", "class", "quadrant", NULL);
	chart_quadrant(h, &pt, 1, id.buf);
	if (pt.has_before) {
		html_open(h, "p", "class", "note", NULL);
		strbuf_reset(&sb);
		figure_date(before->end, &sb);
		html_textf(h, _("● this period · ○ the same period a year earlier, ending %s."), sb.buf);
		html_close(h);
	}
	html_close(h);
	html_open(h, "div", "class", "scores", NULL);
	score_block(h, _("Stepping back"), &r->stepping_back);
	score_block(h, _("Stepping up"), &r->stepping_up);
	activities_block(h, r);
	html_close(h);
	html_close(h);

	html_open(h, hx, "id", web ? "to-discuss" : NULL, NULL);
	html_text(h, _("To discuss"));
	html_close(h);
	if (r->alerts.n == 0)
		html_elem(h, "p", _("Nothing raised in this period."));
	html_open(h, "ul", "class", "alerts", NULL);
	for (size_t i = 0; i < r->alerts.n; i++) {
		const struct metrics_alert *a = &r->alerts.v[i];

		html_open(h, "li", NULL);
		html_open(h, "span", "class", "tag", NULL);
		html_text(h, _("To discuss: "));
		html_close(h);
		html_text(h, a->observation);
		html_text(h, " ");
		html_open(h, "strong", NULL);
		html_text(h, a->question);
		html_close(h);
		evidence_block(h, r, a, NULL, evidence_base);
		answer_block(h, r, &a->answer, metrics_signal_of_pitfall(a->pitfall), evidence_base, web,
		    can_edit);
		html_close(h);
	}
	html_close(h);

	html_elem(h, hx, _("Going well"));
	if (r->strengths.n == 0)
		html_elem(h, "p", _("None of the six practices shows in the records of this period yet."));
	html_open(h, "ul", "class", "strengths", NULL);
	for (size_t i = 0; i < r->strengths.n; i++) {
		html_open(h, "li", NULL);
		html_open(h, "span", "class", "tag", NULL);
		html_text(h, _("Going well: "));
		html_close(h);
		html_text(h, r->strengths.v[i].text);
		evidence_block(h, r, NULL, &r->strengths.v[i], evidence_base);
		answer_block(h, r, &r->strengths.v[i].answer,
		    metrics_signal_of_practice(r->strengths.v[i].practice), evidence_base, web, can_edit);
		html_close(h);
	}
	html_close(h);
	if (r->earlier.n) {
		html_open(h, hx, "id", web ? "earlier-actions" : NULL, NULL);
		html_text(h, _("What became of earlier actions"));
		html_close(h);
		actions_html(h, p, r->earlier.v, r->earlier.n, r->as_of, 1, web ? evidence_base : NULL);
	}

	/* one block, so that print keeps the heading with its chart */
	html_open(h, "div", "class", "keep", NULL);
	html_elem(h, hx, _("The shared result"));
	if (in->has_result) {
		html_open(h, "p", NULL);
		html_text(h, in->result.statement);
		html_close(h);
	}
	strbuf_reset(&id);
	strbuf_addf(&id, "r-%s", in->slug);
	/* on a phone the chart keeps a readable size and scrolls in its own box */
	html_open(h, "div", "class", "chart-scroll", "tabindex", "0", "role", "region",
	    "aria-label", _("Chart of the shared result"), NULL);
	chart_result(h, in, r->as_of, id.buf);
	html_close(h);
	html_close(h);

	if (cap) {
		html_elem(h, hx, _("Backbone capacity"));
		capacity_block(h, cap);
	}

	html_elem(h, hx, _("Network: who works with whom"));
	strbuf_reset(&id);
	strbuf_addf(&id, "n-%s", in->slug);
	network_svg(h, p, &r->network, id.buf);
	surveys_block(h, r, hx);

	if (!web) {
		html_elem(h, "h3", _("Figures"));
		html_open(h, "table", "class", "figures", NULL);
		for (int f = 0; f < FIG__MAX; f++) {
			if (strcmp(group, figure_groups[f]) != 0) {
				group = figure_groups[f];
				report_html_figure_head(h, _(group), "colgroup");
			}
			report_html_figure_row(h, r, f, &sb);
		}
		html_close_to(h, depth);
	} else {
		/* small groups side by side, each with its own heading, so they read apart */
		html_open(h, "h2", "class", "figures", NULL);
		html_text(h, _("Key figures"));
		html_close(h);
		html_elem(h, "p", _("Each figure with N, the number of records it was computed from; "
		    "a dash when there was nothing to count, with the reason."));
		html_open(h, "div", "class", "figs", NULL);
		for (int f = 0; f < FIG__MAX; f++) {
			if (strcmp(group, figure_groups[f]) != 0) {
				if (*group)
					html_close_to(h, depth + 1);
				group = figure_groups[f];
				html_open(h, "div", "class", "figgroup", NULL);
				html_elem(h, "h3", _(group));
				html_open(h, "table", "class", "figures", NULL);
				report_html_figure_head(h, _("Figure"), "col");
			}
			report_html_figure_row(h, r, f, &sb);
		}
	}
	html_close_to(h, depth);
	strbuf_release(&sb);
	strbuf_release(&id);
}

void
report_html_section(struct html *h, const struct report *r, const struct capacity *cap,
    const char *evidence_base)
{
	const struct initiative *in = r->initiative;
	const struct program *p = r->program;
	struct strbuf sb = STRBUF_INIT, sb2 = STRBUF_INIT;
	int depth = h->depth;

	html_open(h, "section", "class", "initiative", "id", in->slug, NULL);
	html_open(h, "h2", NULL);
	html_textf(h, "%s — %s", in->name, in->city);
	html_close(h);
	html_open(h, "p", "class", "meta", NULL);
	figure_date(r->start, &sb);
	figure_date(r->end, &sb2);
	html_textf(h, _("Backbone: %s · fiscal agent: %s · team of %d · period %s – %s"),
	    p->orgs.v[in->backbone.idx].name, p->orgs.v[in->fiscal_agent.idx].name, r->team,
	    sb.buf, sb2.buf);
	html_close(h);
	section_body(h, r, NULL, cap, evidence_base, 0, 0);
	html_close_to(h, depth);
	strbuf_release(&sb);
	strbuf_release(&sb2);
}

void
report_html_overview(struct html *h, const struct report *r, const struct report *before,
    const struct capacity *cap, const char *evidence_base, int can_edit)
{
	int depth = h->depth;

	html_open(h, "div", "class", "initiative overview", NULL);
	section_body(h, r, before, cap, evidence_base, 1, can_edit);
	html_close_to(h, depth);
}

void
report_html_page(const struct report *rs, const struct capacity *caps, size_t n,
    tdate printed, struct strbuf *out)
{
	struct html h;
	struct report_brief *bs = xcalloc(n ? n : 1, sizeof(*bs));

	for (size_t i = 0; i < n; i++)
		report_brief_take(&bs[i], &rs[i]);
	html_init(&h, out);
	report_html_page_open(&h, bs, n, n ? rs[0].program->name : NULL, printed);
	for (size_t i = 0; i < n; i++)
		report_html_section(&h, &rs[i], caps ? &caps[i] : NULL, NULL);
	report_html_page_close(&h);
	for (size_t i = 0; i < n; i++)
		report_brief_release(&bs[i]);
	free(bs);
}

void
report_html_page_close(struct html *h)
{
	html_close_to(h, 0);
	strbuf_addch(h->out, '\n');
}

void
report_html_page_open(struct html *h, const struct report_brief *bs, size_t n,
    const char *program, tdate printed)
{
	struct strbuf sb = STRBUF_INIT;

	assert(n == 0 || program);
	html_raw(h, "<!DOCTYPE html>\n");
	html_open(h, "html", "lang", lang_code(i18n_current()), NULL);
	html_open(h, "head", NULL);
	html_void(h, "meta", "charset", "utf-8", NULL);
	html_void(h, "meta", "name", "viewport", "content", "width=device-width, initial-scale=1", NULL);
	html_open(h, "title", NULL);
	html_textf(h, _("Balance report: %s"), n == 1 ? bs[0].name :
	    n ? program : _("no initiatives"));
	html_close(h);
	html_open(h, "style", NULL);
	html_raw(h, view_css);
	html_close(h);
	html_close(h);
	html_open(h, "body", NULL);
	html_open(h, "main", NULL);
	html_open(h, "h1", NULL);
	html_textf(h, _("Stepping up and stepping back: %s"), n == 1 ? bs[0].name :
	    n ? program : "");
	html_close(h);
	html_open(h, "p", "class", "meta", NULL);
	if (n) {
		struct strbuf end = STRBUF_INIT, on = STRBUF_INIT;

		figure_date(bs[0].start, &sb);
		figure_date(bs[0].end, &end);
		figure_date(printed, &on);
		html_textf(h, _("Period %s – %s. Printed %s. A learning tool for the team: each point "
		    "to discuss is an observation and a question, with the records behind it."),
		    sb.buf, end.buf, on.buf);
		strbuf_release(&end);
		strbuf_release(&on);
	} else
		html_text(h, _("There are no initiatives to report on."));
	html_close(h);

	if (n > 1) {
		struct chart_point *pts = xcalloc(n, sizeof(*pts));
		struct strbuf *hrefs = xcalloc(n, sizeof(*hrefs));

		html_elem(h, "h2", _("The program at a glance"));
		for (size_t i = 0; i < n; i++) {
			strbuf_init(&hrefs[i], 0);
			strbuf_addf(&hrefs[i], "#%s", bs[i].slug);
			pts[i].label = bs[i].city;
			pts[i].href = hrefs[i].buf;
			pts[i].has_value = bs[i].back_type != MV_NULL &&
			    bs[i].up_type != MV_NULL;
			pts[i].x = bs[i].back;
			pts[i].y = bs[i].up;
		}
		chart_quadrant(h, pts, n, "q-program");
		html_open(h, "div", "class", "scroll", "role", "region", "aria-label", _("Initiatives"),
		    "tabindex", "0", NULL);
		html_open(h, "table", NULL);
		html_open(h, "tr", NULL);
		html_elem(h, "th", _("Initiative"));
		html_open(h, "th", "class", "num", NULL);
		html_text(h, _("Stepping back"));
		html_close(h);
		html_open(h, "th", "class", "num", NULL);
		html_text(h, _("Stepping up"));
		html_close(h);
		html_elem(h, "th", _("To discuss"));
		html_elem(h, "th", _("Going well"));
		html_close(h);
		for (size_t i = 0; i < n; i++) {
			html_open(h, "tr", NULL);
			html_open(h, "td", NULL);
			html_open(h, "a", "href", hrefs[i].buf, NULL);
			html_text(h, bs[i].name);
			html_close(h);
			html_close(h);
			html_open(h, "td", "class", "num", NULL);
			if (bs[i].back_type == MV_NULL)
				html_text(h, "—");
			else
				html_textf(h, "%.0f", bs[i].back);
			html_close(h);
			html_open(h, "td", "class", "num", NULL);
			if (bs[i].up_type == MV_NULL)
				html_text(h, "—");
			else
				html_textf(h, "%.0f", bs[i].up);
			html_close(h);
			html_open(h, "td", NULL);
			html_text(h, bs[i].alerts);
			html_close(h);
			html_open(h, "td", NULL);
			html_text(h, bs[i].strengths);
			html_close(h);
			html_close(h);
		}
		html_close(h);
		html_close(h);
		for (size_t i = 0; i < n; i++)
			strbuf_release(&hrefs[i]);
		free(hrefs);
		free(pts);
	}
	strbuf_release(&sb);
}
