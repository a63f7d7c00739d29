#ifndef TRELLIS_EVIDENCE_H
#define TRELLIS_EVIDENCE_H
/*
 * The records behind an alert or a strength as a person reads them (issue
 * 11, point 1): each record a line with its date, its title (linked on the
 * web), and the fact that put it there. The report keeps only ids (as its
 * JSON does); these lines are made from the program the report borrows.
 */
#include "../metrics/metrics.h"
#include "../util/vec.h"

/*
 * One record behind an alert or a strength as a person reads it, made by
 * evidence_lines_of (evidence.h) from the records it names (its evidence
 * ids stay as they are in the report and its JSON): "Approve the budget ·
 * 12 Mar 2016 — decided by the backbone alone, 3 days after it was proposed".
 */
struct report_evidence {
	const char *id;		/* the record's id, shown when not linked (print) */
	const char *kind;	/* its list on the web ("decisions"); NULL: none */
	const char *href;	/* the record's page; NULL: not linked */
	const char *date;	/* "12 Mar 2016"; NULL: none */
	const char *title;	/* what the record is called */
	const char *fact;	/* what put it there; NULL: nothing to add */
};

/* The strings a set of evidence lines owns, freed together by evidence_strings_release. */
typedef VEC(char *) evidence_strings;
void evidence_strings_release(evidence_strings *own);

/*
 * Lines for the n records of alert a (or, with a NULL, strength s) of
 * report r: an array of its evidence's length (free it), strings kept in
 * own. base ("/i/SLUG"), when not NULL, links each record to its page;
 * NULL (print) shows each record's id instead.
 */
struct report_evidence *evidence_lines_of(const struct report *r, const struct metrics_alert *a,
    const struct metrics_strength *s, const char *base, evidence_strings *own);

#endif
