/*
 * The program team's pages of issue 13 (items 3–5): /program/checkins,
 * the check-in calendar, and its JSON under /api/v1/program/checkins.
 * Fetch (each initiative's snapshot in turn, held only while used) →
 * compute (metrics/checkins.h) → render (view/checkins_page.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "router.h"
#include "../metrics/checkins.h"
#include "../util/xalloc.h"
#include "../view/checkins_page.h"
#include "../util/banned.h"

/* The calendar's months and rows, each initiative's check-in ids copied out of its snapshot. */
struct calendar {
	struct checkins_row *rows;
	struct checkin_month *cells;	/* nrows × nmonths */
	char **ids;			/* the copies, one per cell (NULL when none) */
	size_t nrows, nmonths;
};

static void
calendar_release(struct calendar *c)
{
	for (size_t i = 0; c->ids && i < c->nrows * c->nmonths; i++)
		free(c->ids[i]);
	free(c->ids);
	free(c->cells);
	free(c->rows);
	memset(c, 0, sizeof(*c));
}

/*
 * The months of the period ending as_of (page_period's), one row per
 * initiative of the catalog p. Returns 0, or -1 when an initiative cannot
 * be read (logged).
 */
static int
calendar_fill(struct web_request *req, const struct program *p, tdate as_of, int months,
    struct calendar *c)
{
	tdate first = month_start(date_add_months(as_of, -months) + 1), last = month_start(as_of);
	size_t nm = 0;

	for (tdate m = first; m <= last; m = date_add_months(m, 1))
		nm++;
	c->nrows = p->initiatives.n;
	c->nmonths = nm;
	c->rows = xcalloc(c->nrows ? c->nrows : 1, sizeof(*c->rows));
	c->cells = xcalloc(c->nrows * nm + 1, sizeof(*c->cells));
	c->ids = xcalloc(c->nrows * nm + 1, sizeof(*c->ids));
	for (size_t r = 0; r < c->nrows; r++) {
		const struct initiative *ci = &p->initiatives.v[r];
		const struct web_program *wp = web_initiative_get(req, ci->slug);
		const struct initiative *in;
		struct checkin_month *cells = &c->cells[r * nm];

		if (wp == NULL)
			return -1;
		in = program_initiative(&wp->program, ci->slug);
		if (in == NULL) {
			web_program_put(wp);
			fprintf(stderr, "trellis serve: initiative '%s' is not in its snapshot\n", ci->slug);
			return -1;
		}
		metrics_checkin_calendar(in, first, nm, date_today(), cells);
		for (size_t m = 0; m < nm; m++)
			if (cells[m].first_id) {
				c->ids[r * nm + m] = xstrdup(cells[m].first_id);
				cells[m].first_id = c->ids[r * nm + m];
			}
		web_program_put(wp);
		c->rows[r] = (struct checkins_row){ .slug = ci->slug, .name = ci->name,
		    .city = ci->city, .months = cells };
	}
	return 0;
}

int
h_program_checkins(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct calendar cal = { 0 };
	struct strbuf form = STRBUF_INIT;
	struct checkins_page pg;
	struct frame fr;
	struct html h;
	const char *msg;
	tdate as_of;
	int months, ret = -1;

	if (wp == NULL)
		return -1;
	if (page_period(req, &wp->program, &as_of, &months, &msg))
		return page_period_refused(res, &wp->program, "Check-ins", NULL, TAB_NONE,
		    "/program/checkins") ? 0 : -1;
	if (calendar_fill(req, &wp->program, as_of, months, &cal))
		goto out;
	html_init(&h, &form);
	page_period_form(&h, "/program/checkins", as_of, months);
	page_frame(&fr, req, &wp->program, "Check-ins", NULL, TAB_NONE);
	pg = (struct checkins_page){ .frame = &fr, .period_form = form.buf, .nmonths = cal.nmonths,
	    .rows = cal.rows, .nrows = cal.nrows, .can_add = req->user.role == WEB_ADMIN };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	checkins_page_write(&h, &pg);
	page_send(res, 200);
	ret = 0;
out:
	calendar_release(&cal);
	strbuf_release(&form);
	return ret;
}

int
h_api_program_checkins(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct calendar cal = { 0 };
	struct checkins_page pg;
	const char *msg;
	tdate as_of;
	int months, ret = -1;

	if (wp == NULL)
		return -1;
	if (page_period(req, &wp->program, &as_of, &months, &msg))
		return web_error(res, 400, msg);
	if (calendar_fill(req, &wp->program, as_of, months, &cal))
		goto out;
	pg = (struct checkins_page){ .nmonths = cal.nmonths, .rows = cal.rows, .nrows = cal.nrows };
	res->status = 200;
	res->content_type = "application/json";
	strbuf_reset(&res->body);
	checkins_calendar_json(&res->body, &pg);
	ret = 0;
out:
	calendar_release(&cal);
	return ret;
}
