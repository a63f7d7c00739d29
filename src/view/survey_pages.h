#ifndef TRELLIS_SURVEY_PAGES_H
#define TRELLIS_SURVEY_PAGES_H
/*
 * The survey pages (DESIGN §4; h_survey.c fetches, these render):
 *
 *	survey_answer_write	/s/{token}: the answer form, one question a fieldset
 *	survey_message_write	a link that cannot answer, and the thanks page
 *	survey_rounds_write	/i/{slug}/surveys/rounds: the rounds, and for
 *				editors the forms to open, make links, close
 *	survey_results_write	/i/{slug}/surveys/{id}/results: aggregates only;
 *				a group metrics_survey_results did not show is
 *				"not shown", never a number
 *
 * Problems name the field as the person sees it ("Question 3", "Closed
 * on"), never a code; dates read "31 Dec 2016" except in a date input.
 */
#include <stddef.h>
#include <stdint.h>

#include "form.h"
#include "frame.h"
#include "html.h"
#include "../metrics/survey.h"
#include "../model/model.h"

/* The page of a link that does not work, or of thanks: the frame and one paragraph. */
void survey_message_write(struct html *h, const struct frame *f, const char *text);

struct survey_answer_page {
	const struct frame *frame;	/* titled by the questionnaire; no tabs, no session needed */
	const char *initiative;		/* the initiative's name */
	const struct instrument *ins;
	int group;			/* enum group the link was made for */
	const char *action;		/* "/s/{token}", "/s/{token}?lang=es" after the switch */
	const form_errors *errs;	/* by item code, or NULL */
	const char *const *typed;	/* what was chosen per item ("1".."5"), or NULL */
};

void survey_answer_write(struct html *h, const struct survey_answer_page *pg);

/* A person of a round's team, for the link maker's checkboxes. */
struct survey_person {
	const char *person;		/* slug: the form's value */
	const char *name;
	int group;			/* enum group */
	int has_link;
};

/* A link just made, shown once. */
struct survey_new_link {
	const char *name;
	int group;
	const char *url;
};

/* One round as the rounds page lists it. */
struct survey_round_row {
	const struct survey *sv;
	const char *questionnaire;	/* the instrument's title */
	int64_t links_made;
	int64_t answers_before_today;	/* open rounds: the only count shown */
	const struct survey_person *team;	/* open rounds, editors: the team */
	size_t nteam;
};

struct survey_rounds_page {
	const struct frame *frame;
	const struct program *p;	/* its instruments, for the open form */
	const char *action;		/* "/i/{slug}/surveys/rounds" */
	const char *slug;
	const struct survey_round_row *rounds;
	size_t nrounds;
	int can_edit;
	const struct survey_new_link *links;	/* just made, or NULL */
	size_t nlinks;
	const char *links_survey;
	const char *const *mailed;	/* the names of the people whose new link was mailed */
	size_t nmailed;
	int can_mail;			/* the server mails: the invite form offers it */
	const form_errors *errs;	/* a form that came back, or NULL */
	const char *today;		/* "YYYY-MM-DD": the date inputs' default */
	const char *default_id;		/* the open form's round id */
	/* the forms as typed (NULL: defaults) */
	const char *typed_id, *typed_instrument, *typed_opened, *typed_closed;
};

void survey_rounds_write(struct html *h, const struct survey_rounds_page *pg);

struct survey_results_page {
	const struct frame *frame;
	const char *slug;
	const struct survey *sv;
	const struct survey *prev;		/* the round compared with, or NULL */
	const struct survey_results *now;
	const struct survey_results *before;	/* prev's results, or NULL */
};

void survey_results_write(struct html *h, const struct survey_results_page *pg);

#endif
