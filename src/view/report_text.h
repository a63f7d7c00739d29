#ifndef TRELLIS_REPORT_TEXT_H
#define TRELLIS_REPORT_TEXT_H
/*
 * The balance report for a terminal: one screen per initiative, alerts
 * first, then strengths, the two scores with their parts, backbone
 * capacity, the survey results (groups not shown read "—"), and every
 * figure aligned with its N; at most 79 columns but for long names.
 */
#include "../metrics/metrics.h"

struct strbuf;

/* Appends the report r; cap (may be NULL) is its backbone's capacity against the team. */
void report_text_write(const struct report *r, const struct capacity *cap, struct strbuf *out);

/*
 * Appends the portfolio overview: one block per report with the two scores,
 * the alerts and the strengths, aligned for a terminal.
 */
void report_text_summary(const struct report *rs, size_t n, struct strbuf *out);
/* The same from briefs, taken one initiative at a time (report_brief.h). */
struct report_brief;
void report_text_summary_briefs(const struct report_brief *bs, size_t n, struct strbuf *out);

/* Appends a capacity assessment (trellis capacity). */
void capacity_text_write(const struct capacity *c, struct strbuf *out);

/* Appends capacities side by side, one column per organization (trellis capacity --compare). */
void capacity_text_compare(const struct capacity *cs, size_t n, struct strbuf *out);

#endif
