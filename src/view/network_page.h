#ifndef TRELLIS_NETWORK_PAGE_H
#define TRELLIS_NETWORK_PAGE_H
/*
 * The Network tab of an initiative (DESIGN §4, issue 11 point 11): the map
 * of the period scaled to the page (network_svg.c), its key, a table of
 * every organization (number on the map, name, sector, ties, and whether
 * it stays tied to others without the backbone), the network.* figures in
 * words, and for editors the rating form of one organization. Takes plain
 * structs; the handler (web/h_network.c) fetches, computes the report and
 * the groups without the backbone, and puts the page in its frame.
 */
#include "form.h"
#include "html.h"
#include "../metrics/metrics.h"

/* The six 1–4 ratings of a tie, in the order of DESIGN §4: the tie's field and its plain label. */
struct network_rating {
	const char *field;
	const char *label;
};
#define NETWORK_NRATINGS 6
extern const struct network_rating network_ratings[NETWORK_NRATINGS];

struct network_page {
	const struct program *p;
	const struct initiative *in;
	const struct report *r;		/* the period's report: r->network, the figures */
	const int *groups;		/* metrics_network_groups of r->network (n entries) */
	int largest;			/* its return value */
	int can_rate;			/* the person may add ratings */
	const char *rater;		/* the organization rating now, or NULL: the picker only */
	const char *csrf;		/* the session's CSRF token for the POST form, or NULL */
	const struct form_input *typed;	/* a form that came back, or NULL */
	const form_errors *errs;	/* its problems, or NULL */
};

/* Whether member m is on the team now (it has not left): who rates and is rated. */
int network_member_current(const struct member *m);

/* The sentence under the heading, before the period form. */
void network_page_intro(struct html *h);

/* Everything after the period form. */
void network_page(struct html *h, const struct network_page *pg);

#endif
