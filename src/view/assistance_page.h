#ifndef TRELLIS_ASSISTANCE_PAGE_H
#define TRELLIS_ASSISTANCE_PAGE_H
/*
 * /program/assistance (issue 13, item 5): the technical assistance the
 * program arranged, hours per initiative, then every record with its
 * initiative, provider, topic, hours and the capacity gaps and alerts it
 * answers, each linked to its page under the initiative.
 */
#include <stddef.h>

#include "frame.h"
#include "html.h"
#include "../model/model.h"

struct strbuf;

/* What each enum assist_answer reads as: "Gap: credibility as a convener". */
extern const char *const assist_answer_words[ANSWER__MAX];

struct assistance_total {
	const char *slug, *name, *city;
	size_t n;		/* records */
	double hours;
};

struct assistance_item {
	const char *slug, *initiative;		/* its initiative's slug and name */
	const char *provider;			/* the provider's name */
	const struct assistance *a;		/* borrowed */
};

struct assistance_page {
	const struct frame *frame;
	const struct assistance_total *totals;	/* one per initiative, the program's order */
	size_t ntotals;
	const struct assistance_item *items;	/* newest first */
	size_t nitems;
	int can_add;				/* 1: links to each initiative's add form */
};

void assistance_page_write(struct html *h, const struct assistance_page *pg);

/*
 * The same as JSON (GET /api/v1/program/assistance): {"initiatives":
 * [{"slug": S, "records": n, "hours": h}, …], "assistance": [{"initiative":
 * S, …the trellis/1 record…}, …]}
 */
void assistance_json(struct strbuf *out, const struct assistance_page *pg);

#endif
