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

/* How a point is marked: the alerts of its initiative, by shape and colour both. */
enum chart_mark {
	MARK_PLAIN,		/* the accent circle (one initiative's own page) */
	MARK_CLEAR,		/* nothing raised: a green circle */
	MARK_ONE,		/* one alert: an amber diamond */
	MARK_SEVERAL,		/* two or more alerts: a dark red square */
	MARK__MAX
};
/* The words of each mark, for a legend and the chart's text equivalent. */
extern const char *const chart_mark_words[MARK__MAX];

struct chart_point {
	const char *label;	/* shown beside the point */
	const char *href;	/* link of the point, or NULL */
	int has_value;		/* 0 when a score is null: the point is not drawn */
	double x, y;		/* stepping back, stepping up: 0..100 */
	int has_before;		/* a faint earlier point (a year before) */
	double bx, by;
	int mark;		/* enum chart_mark */
	/* a trail through earlier quarters (portfolio over time): x, y pairs, oldest first */
	const double *trail;
	size_t ntrail;
};

/*
 * Where the label of a point goes, in the quadrant's SVG units: its box,
 * and whether it sits away from its point (a leader line joins them).
 */
struct chart_label {
	int shown;		/* 0: no label (the point is not drawn, or it is alone) */
	double x0, y0, x1, y1;	/* the box; the text starts at x0 + 2, baseline y1 - 3 */
	int leader;		/* moved away from its point */
};

/*
 * Places the labels of pts[0..n) into out[0..n): each beside its point
 * where there is room, else further away (with a leader line), so that no
 * two label boxes intersect and no box covers another point. Pure; used by
 * chart_quadrant and by the tests.
 */
void chart_quadrant_labels(const struct chart_point *pts, size_t n, struct chart_label *out);

/* Writes the quadrant with n points; id makes the title/desc ids unique on a page. */
void chart_quadrant(struct html *h, const struct chart_point *pts, size_t n, const char *id);

/* One quarter of an initiative's scores for chart_scores. */
struct chart_score_point {
	tdate date;
	int has_back, has_up;	/* 0: that score is null at this date */
	double back, up;	/* 0..100 */
};

/*
 * Writes a small line chart of an initiative's two scores over time (the
 * portfolio over time): stepping back a solid line with round marks,
 * stepping up a dashed line with square marks, 0 to 100 upward, the first
 * and last dates under it; label names the initiative in its title.
 */
void chart_scores(struct html *h, const struct chart_score_point *pts, size_t n,
    const char *label, const char *id);

/*
 * Writes the shared-result chart of in up to as_of (observations dated
 * after as_of are left out). Writes a short sentence instead when the
 * initiative has no shared result.
 */
void chart_result(struct html *h, const struct initiative *in, tdate as_of, const char *id);

#endif
