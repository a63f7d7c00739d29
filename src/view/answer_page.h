#ifndef TRELLIS_ANSWER_PAGE_H
#define TRELLIS_ANSWER_PAGE_H
/*
 * An alert's (or strength's) answer page, GET /i/{slug}/alerts/{code}
 * (issue 12): the alert as raised for the period, the team's answer
 * (Markdown, rendered safely) and its actions; for editors the answer's
 * form, a status form per action and the form that agrees a new one; then
 * the answers and actions of other periods: what became of them.
 */
#include "form.h"
#include "frame.h"
#include "html.h"
#include "../metrics/metrics.h"

/* Which of the page's forms came back with problems. */
#define ANSWER_FORM_TEXT	1
#define ANSWER_FORM_ACTION	2
#define ANSWER_FORM_STATUS	3

struct answer_page {
	const struct frame *frame;
	const struct program *p;
	const struct initiative *in;
	int signal;				/* enum signal */
	tdate as_of, period;			/* the report's as-of; its month's last day */
	int months;
	const char *observation;		/* as raised in the period; NULL: not raised */
	const char *question;			/* an alert's question; NULL for a strength */
	const struct metrics_answer *answer;	/* this period's */
	/* the other periods' answers and actions of this signal, by period */
	const struct alert_response *const *responses;
	size_t nresponses;
	const struct action *const *actions;
	size_t nactions;
	const char *self;			/* the page with its period: the forms' action */
	const char *back;			/* the dashboard with the same period */
	int can_edit;
	const form_errors *errs;		/* problems of form `which`, or NULL */
	const struct form_input *typed;		/* what was typed in it */
	int which;				/* ANSWER_FORM_*, or 0 */
};

void answer_page_write(struct html *h, const struct answer_page *ap);

#endif
