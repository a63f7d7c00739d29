#ifndef TRELLIS_VIEW_SETUP_PAGE_H
#define TRELLIS_VIEW_SETUP_PAGE_H
/*
 * Setting up on the web (issue 13, item 1): the form that creates an
 * initiative (GET /program/initiatives/new), the one that changes an
 * initiative's own fields (GET /program/initiatives/{id}) and the one that
 * changes the program's (GET /program/edit), from plain structs.
 *
 * The order that works: a new initiative is named, dated and given its
 * backbone and fiscal agent (the backbone becomes its first member by
 * itself), and may be given its director and shared result; its committee
 * is chosen on the edit form once its members are on Team & roles, since a
 * committee is made of members.
 */
#include "form.h"
#include "frame.h"
#include "html.h"

/* Which form: a new initiative, an initiative's own fields, the program's. */
enum setup_form { SETUP_NEW, SETUP_INITIATIVE, SETUP_PROGRAM };

/*
 * The fields form (k) shows: an initiative's own fields (no record lists;
 * for SETUP_NEW without the committee, for SETUP_INITIATIVE without the
 * slug, which addresses never change under), or the program's without
 * its slug. fields holds up to SETUP_MAX_FIELDS.
 */
#define SETUP_MAX_FIELDS 16
void setup_form_kind(enum setup_form form, struct kind *k, struct field *fields);

struct setup_page {
	const struct frame *frame;
	enum setup_form form;
	struct form_ctx c;			/* the program; for SETUP_INITIATIVE c.in the initiative:
						 * its members first in the pickers */
	const void *rec;			/* the initiative or program as stored; NULL for SETUP_NEW */
	const char *slug;			/* SETUP_INITIATIVE: the initiative's (its links) */
	const char *action;			/* where the form posts */
	const char *csrf;
	const struct form_input *typed;		/* a form that came back: what was typed, else NULL */
	const form_errors *errs;		/* and its problems, else NULL */
	const char *flash;			/* "Initiative ‘…’ created.", or NULL */
};

void setup_page_write(struct html *h, const struct setup_page *pg);

#endif
