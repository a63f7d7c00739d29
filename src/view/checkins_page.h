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

/* An open follow-up of a check-in, for the program page's list. */
struct followup_item {
	const char *slug, *initiative;	/* the initiative's slug and name */
	const char *checkin_id;
	tdate checkin_date;
	size_t n;			/* its number in the check-in's follow-ups, from 1 */
	const char *text;
	const char *owner;		/* the owner's name */
	tdate due;
};

struct followups_list {
	const struct followup_item *items;	/* the open ones, soonest due first */
	size_t nitems;
	tdate today;			/* before it, a due date is overdue */
	int can_mark;			/* 1: Mark done buttons */
	const char *csrf;		/* the session's CSRF token for them (NULL: none) */
	const char *back;		/* where Mark done returns to ("/") */
};

/*
 * The program page's "Open follow-ups": due date (overdue marked), the
 * follow-up and its owner, its initiative and check-in (linked), and for
 * those who may change them a Mark done button (POST
 * /i/{slug}/checkins/{id}/done with n and back).
 */
void followups_list_write(struct html *h, const struct followups_list *l);

/*
 * The same calendar as JSON (GET /api/v1/program/checkins, docs/api.md):
 * {"months": ["2016-01", …], "initiatives": [{"slug": S, "months": [{"month":
 * "2016-01", "state": "held"|"missing"|"upcoming"|"outside", "checkins": n,
 * "first": ID|null}, …]}, …]}
 */
void checkins_calendar_json(struct strbuf *out, const struct checkins_page *pg);

#endif
