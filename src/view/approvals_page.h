#ifndef TRELLIS_APPROVALS_PAGE_H
#define TRELLIS_APPROVALS_PAGE_H
/*
 * /program/approvals (issue 13, item 7; docs/approvals.md): the ledger
 * entries awaiting approval across the portfolio, each with its
 * initiative, grant, amount, who entered it and the approvals so far, and
 * (for an account that may act) the approve / reject form, its
 * organization chosen among those the account may act for.
 */
#include <stddef.h>

#include "frame.h"
#include "html.h"
#include "../model/model.h"

struct strbuf;

/* An organization by slug and name. */
struct approval_org {
	const char *slug, *name;
};

struct approval_item {
	const char *slug, *initiative;		/* its initiative's slug and name */
	const struct ledger_entry *e;		/* borrowed */
	const char *funder;			/* its grant's funder, or NULL */
	const char *recipient;			/* the recipient's name, or NULL: an outside vendor */
	const char *entered_by;			/* who entered it (the audit log), or NULL */
	const struct approval_org *acted;	/* the name of each e->approvals[k].org */
	const struct approval_org *may;		/* the organizations the account may act for now */
	size_t nmay;
	const char *error;			/* a refused approval of this entry, or NULL */
};

struct approvals_page {
	const struct frame *frame;
	const struct approval_item *items;	/* oldest entry first */
	size_t nitems;
	const char *threshold;			/* the approval threshold in dollars, or NULL: none */
	int can_act;				/* 1: an admin or member (forms where may is not empty) */
	const char *error;			/* a refused approval of an entry not listed (decided), or NULL */
	const char *csrf;
};

void approvals_page_write(struct html *h, const struct approvals_page *pg);

/*
 * The same as JSON (GET /api/v1/program/approvals): {"threshold": D|null,
 * "pending": [{"initiative": S, …the trellis/1 entry…, "entered_by": E|null},
 * …]}.
 */
void approvals_json(struct strbuf *out, const struct approvals_page *pg);

#endif
