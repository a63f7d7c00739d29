#ifndef TRELLIS_VIEW_PROPOSALS_H
#define TRELLIS_VIEW_PROPOSALS_H
/*
 * The proposal pages (docs/proposals.md), under the Decisions tab:
 *
 *   /i/{slug}/proposals        the list, open ones first, each with its tally
 *   /i/{slug}/proposals/new    the form that opens one (editors)
 *   /i/{slug}/proposals/{id}   one proposal: its text (Markdown, rendered
 *                              safely), the tally, each asked organization's
 *                              standing answer, every answer given (the
 *                              history, "recorded by X on behalf of Y"), the
 *                              answer and close forms while open (editors),
 *                              the outcome and a link to its decision once closed
 *
 * Plain structs in, HTML out (the handler is src/web/h_proposals.c).
 */
#include "form.h"
#include "frame.h"
#include "html.h"

struct proposals_page {
	const struct frame *frame;	/* title "Proposals", the TAB_DECISIONS tab */
	const struct program *p;
	const struct initiative *in;
	int can_edit;			/* 1: the link to open one */
};
void proposals_list_write(struct html *h, const struct proposals_page *pp);

/* The fields the open form asks for, as a kind of their own for the generic form. */
#define PROPOSAL_OPEN_FIELDS 6
void proposal_open_kind(struct kind *k, struct field f[PROPOSAL_OPEN_FIELDS]);

struct proposal_new_page {
	const struct frame *frame;	/* title "Open a proposal" */
	const struct program *p;
	const struct initiative *in;
	const form_errors *errs;	/* what came back, or NULL */
	const struct form_input *typed;	/* what was typed, or NULL */
};
void proposal_new_write(struct html *h, const struct proposal_new_page *pp);

/* Which of the proposal page's forms came back with a problem. */
enum proposal_form { PROPOSAL_FORM_NONE, PROPOSAL_FORM_ANSWER, PROPOSAL_FORM_CLOSE };

struct proposal_page {
	const struct frame *frame;	/* title: the proposal's title */
	const struct program *p;
	const struct initiative *in;
	const struct proposal *pr;
	int can_edit;			/* 1: the answer and close forms while it is open */
	const char *own_org;		/* the signed-in person's organization (preselected), or NULL */
	tdate today;			/* the close form's default date */
	enum proposal_form which;	/* the form errs and typed belong to */
	const form_errors *errs;
	const struct form_input *typed;
};
void proposal_page_write(struct html *h, const struct proposal_page *pp);

/* "2 agree, 1 with concerns, 1 objects, 1 not answered": the tally in words. */
void proposal_tally_text(const struct proposal *pr, struct strbuf *out);

#endif
