#ifndef TRELLIS_VIEW_SETTINGS_PAGE_H
#define TRELLIS_VIEW_SETTINGS_PAGE_H
/*
 * The program's settings (GET /program/settings): every threshold of
 * DESIGN §3 and §5 (metrics_settings), grouped as the report uses them,
 * each with what it does, its value and its default. An admin gets one
 * form that changes them; an evaluator reads them.
 */
#include "form.h"
#include "frame.h"
#include "html.h"

struct metrics_settings;

struct settings_page {
	const struct frame *frame;
	const struct metrics_settings *set;	/* the values in force */
	int can_edit;				/* the form (admins) */
	const char *csrf;
	const struct form_input *typed;		/* a form that came back: what was typed, else NULL */
	const form_errors *errs;		/* and its problems (by setting name), else NULL */
};

void settings_page_write(struct html *h, const struct settings_page *pg);

#endif
