#ifndef TRELLIS_SURVEY_H
#define TRELLIS_SURVEY_H
/*
 * Survey results (DESIGN §4): per item and per category, the mean, the
 * count and the distribution of the answers, for each respondent group and
 * overall, read in the bands practitioners use; the perception gap of the
 * backbone against the partners; the change between two rounds. Pure
 * functions over a resolved struct program.
 *
 * Anonymity: an aggregate over fewer than SURVEY_MIN_GROUP answers is never
 * kept. A suppressed aggregate has shown = 0 and every number zeroed, so no
 * view, export or API built on these structs can leak it. A group whose
 * numbers could be worked out by subtraction (overall minus the groups
 * shown) is suppressed too; docs/metrics.md says how.
 *
 * Memory: a struct survey_results owns its arrays and borrows the
 * instrument's codes and texts from the program.
 */
#include <stdint.h>

#include "../model/model.h"
#include "../util/date.h"
#include "../util/vec.h"

/* Fewer answers than this and an aggregate is never kept (not a setting). */
#define SURVEY_MIN_GROUP 3

/* Columns of the results: the three respondent groups (enum group), then all. */
enum survey_col {
	SURVEY_COL_BACKBONE = GROUP_BACKBONE,
	SURVEY_COL_DIRECTOR = GROUP_DIRECTOR,
	SURVEY_COL_PARTNER = GROUP_PARTNER,
	SURVEY_COL_ALL,
	SURVEY_COL__MAX
};
/* "backbone", "director", "partner", "all", indexed by enum survey_col. */
extern const char *const survey_col_names[SURVEY_COL__MAX];

/* The bands of a mean (1..5): < 3.0, 3.0–3.99, >= 4.0. */
enum survey_band {
	SURVEY_BAND_CONCERN,
	SURVEY_BAND_DISCUSS,
	SURVEY_BAND_STRENGTH,
	SURVEY_BAND__MAX
};
/* "a concern", "worth discussing", "a strength", indexed by enum survey_band. */
extern const char *const survey_band_names[SURVEY_BAND__MAX];

/* Returns the band of a mean. */
int survey_band(double mean);

/* One aggregate: a group's answers to one item, or to one category's items. */
struct survey_agg {
	int shown;		/* 0: suppressed; then n, mean, dist and band are 0 */
	int64_t n;		/* answers */
	double mean;		/* 1..5 */
	int64_t dist[5];	/* answers of 1, 2, 3, 4, 5 */
	int band;		/* enum survey_band */
};

struct survey_row {
	const char *code;	/* the item's code; NULL on a category row (borrowed) */
	const char *text;	/* the item's text; NULL on a category row (borrowed) */
	const char *category;	/* borrowed; "" when the item has none */
	struct survey_agg col[SURVEY_COL__MAX];
	int has_gap;		/* both backbone and partner shown */
	double gap;		/* backbone mean − partner mean */
};

struct survey_results {
	const struct instrument *instrument;	/* borrowed */
	int surveys;				/* surveys counted */
	int open;				/* the survey asked for is open: nothing counted */
	int shown[SURVEY_COL__MAX];		/* groups shown at all */
	int64_t responses[SURVEY_COL__MAX];	/* responses per column; 0 when not shown */
	VEC(struct survey_row) items;		/* in the instrument's order */
	VEC(struct survey_row) categories;	/* in order of first appearance */
};

/* The results of an instrument in a report: this window, and the round before. */
struct survey_report {
	struct survey_results now;	/* every survey of the instrument in the window */
	int has_before;
	struct survey_results before;	/* the latest survey of it dated before the window */
};

void metrics_survey_results_init(struct survey_results *r);
/* Frees what r owns; r is left empty. */
void metrics_survey_results_release(struct survey_results *r);

/*
 * Results of initiative in's surveys of instrument inst (index into
 * p->instruments). With survey_id, that survey alone (start and end are
 * ignored; an open one counts nothing and sets out->open: results appear
 * when a round closes); without (NULL), every closed survey of the
 * instrument whose closing date is in [start, end]. out must be
 * initialized or released; it borrows from p. Returns 0, or -1 when inst is
 * out of range or survey_id names no survey of that instrument.
 */
int metrics_survey_results(const struct program *p, const struct initiative *in,
    int inst, const char *survey_id, tdate start, tdate end,
    struct survey_results *out);

/*
 * The column whose change between rounds a table shows: everyone
 * (SURVEY_COL_ALL) when everyone's mean is shown, else the partners (it is
 * then hidden so that the director cannot be worked out, DESIGN §4).
 */
int metrics_survey_change_col(const struct survey_results *now);
/* Whether any column of r is shown (else r has nothing to show at all). */
int metrics_survey_any_shown(const struct survey_results *r);
/* The row of item code (or, with code NULL, of category) in r, or NULL. */
const struct survey_row *metrics_survey_row(const struct survey_results *r,
    const char *code, const char *category);

/*
 * The change of column col from round `before` to round `after` of the same
 * row: sets *delta = after mean − before mean and returns 0, or returns -1
 * when either aggregate is suppressed or a row is NULL.
 */
int metrics_survey_change(const struct survey_row *before,
    const struct survey_row *after, int col, double *delta);

/*
 * For the report: the results of every instrument answered in the window
 * [start, end] by in's surveys, each with the latest earlier survey of that
 * instrument (dated before start) as the round before. Appends to out
 * (a report's surveys vector); released by metrics_survey_reports_release.
 */
void metrics_survey_reports(const struct program *p, const struct initiative *in,
    tdate start, tdate end, struct survey_report **v, size_t *n, size_t *alloc);
void metrics_survey_reports_release(struct survey_report *v, size_t n);

/*
 * The window's results of the instrument with that code among a report's
 * surveys v[0..n) (metrics_survey_reports), or NULL when none of its
 * surveys closed in the window.
 */
const struct survey_results *metrics_survey_find(const struct survey_report *v, size_t n,
    const char *code);

#endif
