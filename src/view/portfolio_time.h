#ifndef TRELLIS_PORTFOLIO_TIME_H
#define TRELLIS_PORTFOLIO_TIME_H
/*
 * The portfolio over time (issue 13, item 2; /program/portfolio): each
 * initiative's two scores at the end of every quarter since its start (a
 * small line chart each, and its trail on the quadrant), grant burn (spent
 * against awarded against time elapsed), shared-result progress and open
 * alerts at the period's end; sortable by links (?sort=COL&dir=asc|desc),
 * printable; the same table as CSV (one line per initiative and quarter)
 * and as JSON for the API. The series come from metrics/series.h.
 */
#include "html.h"
#include "../metrics/series.h"

struct strbuf;

/* The table's columns, each sortable; names as in ?sort= */
enum ptime_col {
	PTCOL_NAME,
	PTCOL_BACK,
	PTCOL_UP,
	PTCOL_SPENT,		/* spent as a share of awarded */
	PTCOL_ELAPSED,		/* the grants' time elapsed */
	PTCOL_PROGRESS,		/* result.progress */
	PTCOL_ALERTS,
	PTCOL_ACTIONS,		/* open actions (series_point.actions) */
	PTCOL_ASSISTANCE,	/* hours of technical assistance to date */
	PTCOL__MAX
};
/* ?sort= names of the columns, indexed by enum ptime_col. */
extern const char *const ptime_col_names[PTCOL__MAX];
/* The column called name, or -1. */
int ptime_col_parse(const char *name);

struct ptime_row {
	const char *slug, *name, *city;	/* borrowed; city may be NULL */
	struct series series;		/* owned by the caller */
};

struct ptime_page {
	struct ptime_row *rows;		/* sorted in place by sort/desc */
	size_t n;
	int sort;			/* enum ptime_col, or -1: the program's order */
	int desc;
	int months;			/* each quarter's report window */
	const char *period_query;	/* "as_of=2016-12-31&months=12": kept by the links */
};

/*
 * An initiative's series as one line of text, kept by the server with the
 * initiative's snapshot (so a write recomputes only its own initiative's
 * quarters), and read back: every number as written (%.17g), so what is
 * read renders the same bytes. ptime_series_parse returns 0, or -1 when
 * the line is malformed (s is then released).
 */
void ptime_series_format(const struct series *s, struct strbuf *out);
int ptime_series_parse(struct series *s, const char *line);

/*
 * Sorts rows by their last quarter's value in column col, descending when
 * desc; rows with nothing in that column come last either way, ties in
 * name order.
 */
void ptime_sort(struct ptime_row *rows, size_t n, int col, int desc);

/* Writes the quadrant with trails, and the table with a chart per initiative. */
void ptime_render(struct html *h, const struct ptime_page *pg);

/*
 * Appends the CSV: a header, then one line per initiative and quarter:
 * initiative,name,quarter_end,stepping_back,stepping_back_n,stepping_up,
 * stepping_up_n,alerts,open_actions,result_progress,awarded,spent,elapsed,
 * assistance_hours (empty cells
 * for nulls; money in dollars; no text cell starts a formula).
 */
void ptime_csv(const struct ptime_page *pg, struct strbuf *out);

/*
 * Appends the JSON of the API: {"months": M, "initiatives": [{"slug",
 * "name", "quarters": [{"as_of", "stepping_back", "stepping_up" (each as
 * the report writes a score), "alerts", "result_progress", "grants":
 * {"awarded", "spent", "elapsed"}}]}]}.
 */
void ptime_json(const struct ptime_page *pg, struct strbuf *out);

#endif
