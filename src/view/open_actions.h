#ifndef TRELLIS_OPEN_ACTIONS_H
#define TRELLIS_OPEN_ACTIONS_H
/*
 * The portfolio's open actions (GET /program/actions, issue 12): every
 * action still open in the program's initiatives, soonest due first, the
 * overdue ones marked, each linked to its alert's answer page. For the
 * funder (admins) and evaluators.
 */
#include "frame.h"
#include "html.h"
#include "../model/model.h"

/* One open action with what a reader needs of its initiative and owner. */
struct open_action_row {
	const char *initiative;		/* slug */
	const char *initiative_name;
	const char *id, *title, *owner;
	int signal;			/* enum signal */
	tdate period, due;
};

struct open_actions_page {
	const struct frame *frame;
	const struct open_action_row *rows;	/* sorted by due date */
	size_t n;
	tdate today;				/* overdue: due before it */
};

void open_actions_write(struct html *h, const struct open_actions_page *pg);

#endif
