#ifndef TRELLIS_FIGURES_H
#define TRELLIS_FIGURES_H
/*
 * How figures read for people: a plain label for each figure of the
 * report, and its value formatted for a page or a terminal ("62%",
 * "$12,345.67", "yes", "—"). Shared by the text and HTML reports and the
 * web pages, so a figure reads the same everywhere.
 */
#include "../metrics/metrics.h"

struct strbuf;

/* A plain-language label ("Decisions made by the backbone alone"). */
extern const char *const figure_labels[FIG__MAX];
/* The group a figure is shown in: "Team", "Decisions", "Money", "Credit and help", "Oversight", "Network". */
extern const char *const figure_groups[FIG__MAX];

/* Appends the value of figure f of r for display; "—" when null. */
void figure_format(const struct report *r, enum metrics_fig f, struct strbuf *out);
/* A short note saying why a null figure is null ("no decisions in this period"). */
const char *figure_null_note(enum metrics_fig f);
/*
 * A plain label for a part of a score ("Decisions not made by the backbone
 * alone" for 1 − decisions.backbone_alone_share), by the part's name.
 */
const char *figure_part_label(const char *part);
struct survey_results;
struct survey_agg;
/*
 * Appends how many responses a survey result shows, without a final stop:
 * "8 responses"; when everyone's mean is hidden so that a small group
 * cannot be worked out (DESIGN §4), the groups shown ("3 from the
 * backbone, 4 from partners; everyone's mean is not shown, so that no
 * smaller group's answers can be worked out from it"); or "fewer than 3
 * responses: nothing can be shown".
 */
void figure_survey_responses(const struct survey_results *r, struct strbuf *out);
/*
 * A short name for an item of the built-in backbone-activities instrument
 * ("Guide vision and strategy"), by its code; the code itself for another.
 */
const char *figure_activity_label(const char *code);
/* A survey category as people read it: the built-in ones translated, others as written. */
const char *figure_survey_category(const char *category);
/* Appends a survey mean as "3.8", or "—" when the aggregate is not shown. */
void figure_survey_mean(const struct survey_agg *a, struct strbuf *out);
/* Appends a date as "12 Mar 2016" ("12 mar 2016": the calling thread's language). */
void figure_date(tdate d, struct strbuf *out);

#endif
