#ifndef TRELLIS_REPORT_HTML_H
#define TRELLIS_REPORT_HTML_H
/*
 * The balance report as HTML: one section per initiative (the web
 * dashboard reuses it), and a self-contained printable page (inline SVG and
 * style, no script, no external file) for `trellis report --format html`.
 */
#include "html.h"
#include "../metrics/metrics.h"

struct strbuf;

/*
 * Writes the section of report r: scores with parts, alerts with evidence,
 * strengths, quadrant, shared-result chart, capacity (cap may be NULL) and
 * every figure with its N. evidence_base, when not NULL, links each
 * evidence id as evidence_base/KIND/ID (the web); NULL writes plain ids.
 */
void report_html_section(struct html *h, const struct report *r, const struct capacity *cap,
    const char *evidence_base);

/*
 * The web overview's body (its page's <h1> names the initiative): the same
 * parts as report_html_section, without the section's heading, with h2 per
 * part, the figures as one small table per group, and the earlier report
 * before (may be NULL: a year earlier) drawn faintly in the quadrant. The
 * records behind each alert and strength are lines (evidence.h), linked
 * under evidence_base, past five folded. Under each alert and strength the
 * team's answer; can_edit adds the link to write one where there is none.
 */
void report_html_overview(struct html *h, const struct report *r, const struct report *before,
    const struct capacity *cap, const char *evidence_base, int can_edit);

/*
 * Writes N beside a value ("N = 7" in a span.fig-n, unit after it when not
 * NULL: "N = 7 parts") and, when provisional, the word "provisional"
 * (issue 11, point 13: computed from fewer than the figure's minimum,
 * docs/metrics.md). The spans are set apart by the stylesheet.
 */
void report_html_n(struct html *h, int64_t n, const char *unit, int provisional);

/*
 * Writes one figure's table row: its label and name (with why it is null),
 * its value and N. sb is scratch space.
 */
void report_html_figure_row(struct html *h, const struct report *r, int f, struct strbuf *sb);
/* Writes the header row of a figures table: first ("Figure", a group) with scope, Value, N. */
void report_html_figure_head(struct html *h, const char *first, const char *scope);

/*
 * Writes a whole page for n reports (caps: NULL or n capacities), with the
 * program's quadrant first when n > 1. printed is the date it was made.
 */
void report_html_page(const struct report *rs, const struct capacity *caps, size_t n,
    tdate printed, struct strbuf *out);

/*
 * The same page in parts, for reports taken one at a time (`report --all`,
 * issue 10): report_html_page_open writes the head, the title (program,
 * the program's name, is used when n > 1) and, when n > 1, the program's
 * quadrant and table from the n briefs, leaving <main> open for the
 * sections (report_html_section, one per brief, in order);
 * report_html_page_close ends the page.
 */
struct report_brief;
void report_html_page_open(struct html *h, const struct report_brief *bs, size_t n,
    const char *program, tdate printed);
void report_html_page_close(struct html *h);

#endif
