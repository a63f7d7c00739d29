#ifndef TRELLIS_METRICS_CHECKINS_H
#define TRELLIS_METRICS_CHECKINS_H
/*
 * The check-in calendar of the program team (issue 13, item 3): for each
 * calendar month, whether the initiative had its check-in. Pure function
 * of the model, like the rest of metrics/; the months are those of
 * checkins.coverage (DESIGN §3): a month counts when it touches the
 * initiative's start–end.
 */
#include <stddef.h>

#include "../model/model.h"
#include "../util/date.h"

enum checkin_state {
	CAL_OUTSIDE,	/* the month does not touch the initiative's start–end */
	CAL_HELD,	/* at least one check-in dated in the month */
	CAL_MISSING,	/* none, and the month is over */
	CAL_UPCOMING,	/* none yet, and the month is not over (today or later) */
	CAL__MAX
};
/* The states' names in the API ("held"), indexed by enum checkin_state. */
extern const char *const checkin_state_names[CAL__MAX];

struct checkin_month {
	tdate month;		/* its first day */
	int state;		/* enum checkin_state */
	const char *first_id;	/* the month's first check-in (by date) when held; borrowed */
	size_t count;		/* check-ins dated in the month */
};

/*
 * Fills out[0..nmonths) for the nmonths calendar months from the one that
 * holds first, for initiative in, with today deciding missing from upcoming.
 */
void metrics_checkin_calendar(const struct initiative *in, tdate first, size_t nmonths,
    tdate today, struct checkin_month *out);

/* The first day of the month that holds t. */
tdate month_start(tdate t);

#endif
