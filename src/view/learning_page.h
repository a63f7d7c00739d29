#ifndef TRELLIS_LEARNING_PAGE_H
#define TRELLIS_LEARNING_PAGE_H
/*
 * /program/learning (issue 13, item 4): the program's learning agenda as
 * one document — each question, its dated notes (newest last), each
 * note's initiatives and the evidence it rests on, linked (an alert or a
 * figure of an initiative's report as of a date, a decision, a check-in).
 * The program team and evaluators read every note and may filter by
 * initiative; a team member or viewer reads the questions and only the
 * notes on their own initiative (of a note, only that initiative's tag and
 * evidence). The program team and members add notes (a member's are on
 * their own initiative). It prints as one A4 document (PAGES.md).
 */
#include <stddef.h>

#include "form.h"
#include "frame.h"
#include "html.h"
#include "../model/model.h"

struct learning_page {
	const struct frame *frame;
	const struct program *p;	/* the agenda (p->learning) and the initiatives' names */
	const char *filter;		/* only notes on this initiative (slug); NULL: every note */
	int own;			/* 1: filter is the reader's own initiative, not a choice */
	int can_add;			/* 1: the form that adds a note */
	int can_edit;			/* 1: links to edit each question and add one (the program team) */
	const struct form_input *typed;	/* the add form as it came back, or NULL */
	const form_errors *errs;	/* its problems, or NULL */
};

void learning_page_write(struct html *h, const struct learning_page *pg);

/* Whether note is shown to a reader limited to initiative filter (NULL: everyone's). */
int learning_note_shown(const struct learning_note *note, const char *filter);

#endif
