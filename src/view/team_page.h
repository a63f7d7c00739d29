#ifndef TRELLIS_TEAM_PAGE_H
#define TRELLIS_TEAM_PAGE_H
/*
 * Team & roles (GET /i/{slug}/members): the members, the committee and the
 * director (with their form for editors), and the responsibilities matrix,
 * organizations × responsibilities, one RACI select per cell for editors,
 * gaps in words. Instructions and forms only for those who can use them
 * (issue 11, point 14).
 */
#include "form.h"
#include "frame.h"
#include "html.h"

/* Which of the page's forms came back with problems. */
#define TEAM_FORM_INITIATIVE	1
#define TEAM_FORM_RACI		2

struct team_page {
	const struct frame *frame;	/* title "Team & roles", the TAB_TEAM tab */
	const struct program *p;
	const struct initiative *in;
	int can_edit;			/* 1: the forms and the editors' instructions */
	const form_errors *errs;	/* the problems of form `which`, or NULL */
	const struct form_input *typed;	/* what was typed in it, or NULL */
	int which;			/* TEAM_FORM_*, or 0 */
};

void team_page_write(struct html *h, const struct team_page *tp);

/* The initiative's fields this page edits (committee, director) as a kind of their own. */
void team_page_kind(struct kind *k, struct field f[2]);

/* The RACI letter ("A") org (a slug) has for r, or "". */
const char *team_letter_of(const struct responsibility *r, const char *org);

#endif
