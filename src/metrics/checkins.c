/*
 * The check-in calendar (checkins.h).
 */
#include <assert.h>

#include "checkins.h"
#include "../util/banned.h"

const char *const checkin_state_names[CAL__MAX] = {
	[CAL_OUTSIDE] = "outside",
	[CAL_HELD] = "held",
	[CAL_MISSING] = "missing",
	[CAL_UPCOMING] = "upcoming",
};

tdate
month_start(tdate t)
{
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	return date_from_ymd(y, m, 1);
}

void
metrics_checkin_calendar(const struct initiative *in, tdate first, size_t nmonths,
    tdate today, struct checkin_month *out)
{
	tdate ms = month_start(first);

	assert(in != NULL && out != NULL);
	for (size_t i = 0; i < nmonths; i++) {
		tdate next = date_add_months(ms, 1), me = next - 1;
		struct checkin_month *c = &out[i];
		tdate first_date = DATE_NONE;

		c->month = ms;
		c->first_id = NULL;
		c->count = 0;
		for (size_t k = 0; k < in->checkins.n; k++) {
			const struct checkin *ck = &in->checkins.v[k];

			if (ck->date < ms || ck->date > me)
				continue;
			c->count++;
			if (first_date == DATE_NONE || ck->date < first_date) {
				first_date = ck->date;
				c->first_id = ck->id;
			}
		}
		if (c->count > 0)
			c->state = CAL_HELD;
		else if (me < in->start || ms > in->end)
			c->state = CAL_OUTSIDE;
		else if (me >= today)
			c->state = CAL_UPCOMING;
		else
			c->state = CAL_MISSING;
		ms = next;
	}
}
