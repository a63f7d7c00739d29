#ifndef TRELLIS_CHART_H
#define TRELLIS_CHART_H
/*
 * SVG charts drawn by the server, shared by the HTML report and the web
 * pages: the balance quadrant (stepping back across, stepping up upward)
 * and the shared-result chart (observations against the straight path from
 * baseline to target). Each has a <title> and <desc>; colour is never the
 * only carrier of meaning (points are labelled). Presentation attributes
 * only, no style attributes, so the pages keep a strict CSP.
 */
#include "html.h"
#include "../model/model.h"

struct chart_point {
	const char *label;	/* shown beside the point */
	const char *href;	/* link of the point, or NULL */
	int has_value;		/* 0 when a score is null: the point is not drawn */
	double x, y;		/* stepping back, stepping up: 0..100 */
	int has_before;		/* a faint earlier point (a year before) */
	double bx, by;
};

/* Writes the quadrant with n points; id makes the title/desc ids unique on a page. */
void chart_quadrant(struct html *h, const struct chart_point *pts, size_t n, const char *id);

/*
 * Writes the shared-result chart of in up to as_of (observations dated
 * after as_of are left out). Writes a short sentence instead when the
 * initiative has no shared result.
 */
void chart_result(struct html *h, const struct initiative *in, tdate as_of, const char *id);

#endif
