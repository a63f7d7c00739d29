#ifndef TRELLIS_CHECKINS_PAGE_H
#define TRELLIS_CHECKINS_PAGE_H
/*
 * /program/checkins (issue 13, item 3): the program team's monthly
 * check-ins as a calendar, months across and initiatives down; each cell
 * held (linked to the check-in), missing or upcoming (linked to the
 * initiative's add form for those who may add one, else to its check-ins),
 * or blank outside the initiative's start–end.
 */
#include <stddef.h>

#include "frame.h"
#include "html.h"
#include "../metrics/checkins.h"

struct strbuf;

struct checkins_row {
	const char *slug, *name, *city;
	const struct checkin_month *months;	/* the page's nmonths months */
};

struct checkins_page {
	const struct frame *frame;
	const char *period_form;	/* the period form's markup (the server's), or NULL */
	size_t nmonths;
	const struct checkins_row *rows;
	size_t nrows;
	int can_add;			/* 1: missing and upcoming cells link to the add form */
};

void checkins_page_write(struct html *h, const struct checkins_page *pg);

/*
 * The same calendar as JSON (GET /api/v1/program/checkins, docs/api.md):
 * {"months": ["2016-01", …], "initiatives": [{"slug": S, "months": [{"month":
 * "2016-01", "state": "held"|"missing"|"upcoming"|"outside", "checkins": n,
 * "first": ID|null}, …]}, …]}
 */
void checkins_calendar_json(struct strbuf *out, const struct checkins_page *pg);

#endif
