#ifndef TRELLIS_REPORT_BRIEF_H
#define TRELLIS_REPORT_BRIEF_H
/*
 * What the portfolio overview of several initiatives needs of each one's
 * report: its names, its two scores, the codes of its alerts and strengths
 * and its period (issue 10). A brief owns its strings, so the report, and
 * the initiative loaded for it, can be released once it is taken:
 * `report --all --summary` and `--format html` then hold one initiative at
 * a time plus a brief of each.
 */
#include "../metrics/metrics.h"

struct report_brief {
	char *name, *slug, *city;
	int back_type, up_type;		/* MV_NULL: no score */
	double back, up;		/* stepping back and stepping up, 0..100 */
	char *alerts, *strengths;	/* the codes joined by ", "; "" for none */
	tdate start, end;		/* the report's window */
};

/* Takes into b (owned) what the overview needs of report r. */
void report_brief_take(struct report_brief *b, const struct report *r);
void report_brief_release(struct report_brief *b);

#endif
