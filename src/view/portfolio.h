#ifndef TRELLIS_PORTFOLIO_H
#define TRELLIS_PORTFOLIO_H
/*
 * The program portfolio (PAGES.md, DESIGN §6; issue 11, point 3): the
 * funder's page for comparing initiatives. A quadrant of every initiative
 * with its trail from a year earlier and a mark for its alerts, and a table
 * sortable by every column (links: ?sort=COL&dir=asc|desc, no script) of
 * the two scores, their change, the alerts, the strengths and key figures,
 * each with its N, with the portfolio's totals and means in a footer row.
 *
 * The page is made of one struct portfolio_row per initiative: the web
 * server keeps each row's computed part (portfolio_row_format) with its
 * initiative's snapshot, so a write recomputes only its own row.
 */
#include "html.h"
#include "../metrics/metrics.h"

struct strbuf;

/* The table's columns, each sortable; names as in ?sort= */
enum portfolio_col {
	PCOL_NAME,
	PCOL_BACK,
	PCOL_UP,
	PCOL_BACK_CHANGE,
	PCOL_UP_CHANGE,
	PCOL_ALERTS,
	PCOL_STRENGTHS,
	PCOL_PARTNER_SHARE,
	PCOL_SHARED,
	PCOL_SPENT,
	PCOL_RESULT,
	PCOL__MAX
};
/* ?sort= names of the columns ("back"), indexed by enum portfolio_col. */
extern const char *const portfolio_col_names[PCOL__MAX];
/* The column called name, or -1. */
int portfolio_col_parse(const char *name);

/* A score as the portfolio shows it: its value, N (its parts) and whether it is provisional. */
struct portfolio_score {
	int has;		/* 0: no parts in the period ("—") */
	double value;		/* 0..100 */
	int64_t n;		/* the parts it is the mean of */
	int provisional;
};

struct portfolio_row {
	/* the initiative, from the catalog (borrowed) */
	const char *slug, *name, *city, *backbone;
	/* computed from its reports: what portfolio_row_format keeps */
	tdate start, end;		/* the period */
	struct portfolio_score back, up;
	struct portfolio_score back_before, up_before;	/* the same period a year earlier */
	int alerts[5];			/* enum metrics_pitfall, in order */
	size_t nalerts;
	int strengths[6];		/* enum metrics_practice, in order */
	size_t nstrengths;
	int has_result;			/* the initiative has a shared result */
	/* key figures, as in the report (value, N); provisional by metrics_fig_provisional */
	struct metrics_figure partner_share;	/* funds.partner_share */
	struct metrics_figure shared;		/* decisions.shared_share */
	struct metrics_figure spent;		/* funds.spent, dollars */
	struct metrics_figure progress;		/* result.progress */
	struct metrics_figure on_track;		/* result.on_track */
};

/* Fills row's computed part from report r and the report a year earlier (before, may be NULL). */
void portfolio_row_from_reports(struct portfolio_row *row, const struct report *r,
    const struct report *before);
/* Appends row's computed part as one line of text (no newline). */
void portfolio_row_format(const struct portfolio_row *row, struct strbuf *out);
/* Reads a line of portfolio_row_format into row's computed part. Returns 0, or -1 when malformed. */
int portfolio_row_parse(struct portfolio_row *row, const char *line);

/*
 * The text of the kept fragments, shared with the portfolio over time
 * (portfolio_time.c): a number (the next of *s, read past) as a double, or
 * an integer in lo..hi; a figure as " TYPE VALUE N". Each parse returns 0,
 * or -1 when the text does not read.
 */
int portfolio_next_num(const char **s, double *v);
int portfolio_next_int(const char **s, long long lo, long long hi, long long *v);
void portfolio_fig_format(const struct metrics_figure *f, struct strbuf *out);
int portfolio_fig_parse(const char **s, struct metrics_figure *f);

/*
 * Sorts rows by column col (enum portfolio_col), descending when desc;
 * rows with nothing to show in that column ("—") come last either way,
 * ties in name order.
 */
void portfolio_sort(struct portfolio_row *rows, size_t n, int col, int desc);

/* The portfolio's footer row: a mean or total per column, each with the count behind it. */
struct portfolio_totals {
	double mean[PCOL__MAX];		/* the mean of the column's values (scores, changes, shares, progress) */
	size_t count[PCOL__MAX];	/* initiatives with a value in the column */
	int64_t alerts, strengths;	/* totals */
	double spent;			/* Σ funds.spent, dollars */
	size_t on_track;		/* initiatives on track */
};
void portfolio_totals(const struct portfolio_row *rows, size_t n, struct portfolio_totals *t);

struct portfolio_page {
	struct portfolio_row *rows;	/* sorted in place by sort/desc */
	size_t n;
	int sort;			/* enum portfolio_col, or -1: the program's order */
	int desc;
	const char *period_query;	/* "as_of=2016-12-31&months=12": kept by the sort links */
};

/* Writes the quadrant, its legend and the table of pg. */
void portfolio_render(struct html *h, const struct portfolio_page *pg);

#endif
