#ifndef TRELLIS_CANDIDATES_PAGE_H
#define TRELLIS_CANDIDATES_PAGE_H
/*
 * Backbone selection (issue 13, item 6; DESIGN §5): the candidate backbones
 * of a new round (/program/candidates), each with its staff, revenue and
 * traits as `trellis capacity` assesses it, a note of the evidence for each
 * trait, and what partners would need to supply where it falls short; and
 * the same side by side for the candidates chosen (/program/candidates/
 * compare?c=SLUG&c=SLUG), printable. The handler computes each candidate's
 * struct capacity (metrics_capacity, the computation of `trellis capacity
 * --compare`); this file only writes.
 */
#include "html.h"
#include "../metrics/metrics.h"

struct strbuf;

struct candidate_row {
	const struct candidate *c;		/* borrowed */
	const struct organization *org;		/* its organization (borrowed) */
	const struct capacity *cap;		/* its assessment (borrowed) */
};

/* An initiative whose team the comparison may look in, by slug and name. */
struct candidates_team {
	const char *slug, *name;
};

struct candidates_page {
	const struct candidate_row *rows;
	size_t n;
	const struct metrics_settings *st;	/* the thresholds of high capacity */
	int can_edit;				/* admins: the add and edit links */
	/*
	 * The comparison against an existing team (?initiative=SLUG, as
	 * `trellis capacity --compare --initiative`): the team's initiative
	 * (NULL: none; then each cap has no gaps) and the initiatives to
	 * choose from.
	 */
	const struct candidates_team *team;
	const struct candidates_team *teams;
	size_t nteams;
};

/*
 * Appends what partners would need to supply for candidate row r, one
 * plain line per shortfall ("Flexible grants: a partner that has managed
 * flexible grants to hold or co-manage the funds"); nothing when it meets
 * every threshold. Each line ends with '\n'.
 */
void candidate_supply(const struct candidate_row *r, const struct metrics_settings *st,
    struct strbuf *out);

/* Writes the list of candidates, with the form that picks some to compare. */
void candidates_render(struct html *h, const struct candidates_page *pg);

/* Writes the candidates of pg side by side, one column each. */
void candidates_compare_render(struct html *h, const struct candidates_page *pg);

/*
 * Appends the comparison as JSON: {"candidates": [{"candidate": RECORD,
 * "capacity": CAPACITY (as `trellis capacity --format json`), "supply":
 * [LINE...]}]}.
 */
void candidates_json(const struct candidates_page *pg, struct strbuf *out);

#endif
