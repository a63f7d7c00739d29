#ifndef TRELLIS_EVIDENCE_H
#define TRELLIS_EVIDENCE_H
/*
 * The records behind an alert or a strength as a person reads them (issue
 * 11, point 1): each record a line with its date, its title (linked on the
 * web), and the fact that put it there. The report keeps only ids (as its
 * JSON does); these lines are made from the program the report borrows.
 */
#include "report_html.h"
#include "../util/vec.h"

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
