#ifndef TRELLIS_SHARED_RESULT_H
#define TRELLIS_SHARED_RESULT_H
/*
 * The Shared result tab of an initiative (/i/{slug}/observations, PAGES.md,
 * issue 11 point 7): the statement; the indicator, its unit and good
 * direction; the baseline and the target, each with its value and date;
 * the latest measurement and the progress toward the target in words and
 * as a bar; the chart (chart.c) and the table of every measurement, values
 * with their unit ("$44,736", "62%") and dates as "31 Dec 2016". Takes
 * plain structs; the handler (web/h_result.c) fills them.
 */
#include "html.h"
#include "../metrics/metrics.h"

struct shared_result_page {
	const struct initiative *in;
	/* where the result stands at as_of (metrics_result_progress); has 0 = none measured */
	const struct metrics_result_progress *progress;
	int has_progress;
	tdate as_of;			/* the chart shows measurements up to it */
	/* link of each in->observations.v[i] (its record page), or NULL for no links */
	const char *const *obs_href;
	const char *add_href;		/* "Add a measurement", or NULL when the person may not */
	const char *csv_href, *xlsx_href;	/* the downloads, or NULL */
};

/* Writes the tab's content (below the frame's <h1>) into h. */
void shared_result_page(struct html *h, const struct shared_result_page *pg);

#endif
