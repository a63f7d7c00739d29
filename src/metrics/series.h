#ifndef TRELLIS_SERIES_H
#define TRELLIS_SERIES_H
/*
 * The portfolio over time (issue 13, item 2): an initiative's two scores at
 * the end of every calendar quarter since its start, each the report of
 * metrics_report at that quarter's end (what `trellis report --as-of
 * QUARTER-END --months M` prints: nothing is computed twice), with the
 * figures the funder follows beside them — grant burn (spent against
 * awarded against time elapsed), shared-result progress and the open
 * alerts. Pure functions over a resolved struct program.
 */
#include <stddef.h>
#include <stdint.h>

#include "metrics.h"

/* The most quarters a series holds (60 years). */
#define SERIES_MAX_QUARTERS 240

/*
 * Grant burn at a date: money spent on the initiative's grants against the
 * money awarded, against the time elapsed of those grants.
 */
struct metrics_burn {
	int64_t awarded;	/* cents: Σ amount of the grants started on or before the date */
	int64_t spent;		/* cents: Σ ledger entries on those grants dated on or before it */
	double elapsed;		/* 0..1: the grants' elapsed time, weighted by their amounts */
	size_t grants;		/* the grants counted */
};

/*
 * The burn of in's grants at as_of: a grant counts once it has started; its
 * elapsed share is (as_of − start + 1) / (end − start + 1), clamped to 0..1;
 * every ledger entry on it dated on or before as_of is spent (the same
 * entries as the report's grants.* figures).
 */
void metrics_grant_burn(const struct initiative *in, tdate as_of, struct metrics_burn *out);

/* One quarter of an initiative's series. */
struct series_point {
	tdate as_of;			/* the quarter's last day */
	struct metrics_score back, up;	/* the report's two scores, copied (part names are static) */
	size_t alerts;			/* alerts open at as_of (the report's) */
	struct metrics_figure progress;	/* result.progress of the report */
	struct metrics_burn burn;
	/*
	 * open actions: those agreed for a period ending by as_of that are
	 * open today (Trellis keeps no history of an action's status, so a
	 * quarter counts what is still open of what it had agreed)
	 */
	size_t actions;
	double assistance;	/* hours of technical assistance given by as_of, in all */
};

struct series {
	const struct initiative *initiative;	/* borrowed */
	int months;				/* each report's window */
	VEC(struct series_point) points;	/* in time order */
};

void metrics_series_init(struct series *s);
void metrics_series_release(struct series *s);

/*
 * The ends of the calendar quarters (31 Mar, 30 Jun, 30 Sep, 31 Dec) from
 * the first on or after start to the last on or before until, at most
 * max of them (the latest kept), into ends. Returns how many.
 */
size_t metrics_quarter_ends(tdate start, tdate until, tdate *ends, size_t max);

/*
 * The series of initiative in (an element of p->initiatives): one point per
 * quarter end from in's start to as_of, each the report of the window of
 * `months` months ending there, computed with settings st (NULL: the
 * defaults). out must be initialized or released. Returns 0, or -1 when
 * months < 1 or as_of is DATE_NONE.
 */
int metrics_series(const struct program *p, const struct initiative *in, tdate as_of,
    int months, const struct metrics_settings *st, struct series *out);

#endif
