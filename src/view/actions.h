#ifndef TRELLIS_VIEW_ACTIONS_H
#define TRELLIS_VIEW_ACTIONS_H
/*
 * The team's answer to an alert or strength and the actions it agreed
 * (model.h struct alert_response, struct action; docs/metrics.md "The
 * team's answer"), as people read them: in the text and HTML reports, on
 * the dashboard, on an alert's answer page, in the portfolio's open
 * actions and in the mail digest. One writer of each, shared by all.
 */
#include "html.h"
#include "../metrics/metrics.h"
#include "../model/model.h"
#include "../util/strbuf.h"

/* "Backbone dominance", "Credit given": what signal s is called. */
const char *action_signal_title(int signal);
/* Whether signal s is a pitfall alert (else a practice strength). */
int action_signal_is_alert(int signal);
/* "December 2016": the period (a month's last day) in words. */
void action_period_words(tdate period, struct strbuf *out);
/* The owner's name (an organization's or a person's), or its slug when the program lacks it. */
const char *action_owner_name(const struct program *p, const struct action *a);
/* Open and due before today. */
int action_overdue(const struct action *a, tdate today);
/*
 * One action as a line of text: "Put the budget to the committee — Quarry
 * Bend Renewal, due 28 Feb 2017 · open, overdue"; with_alert puts "Backbone
 * dominance, December 2016: " before it.
 */
void action_line_text(const struct program *p, const struct action *a, tdate today,
    int with_alert, struct strbuf *out);
/*
 * n actions as a ul.actions: title, owner, due date, the status as a tag
 * (overdue marked against today); with_alert names the alert and period
 * of each; href_base, when not NULL, links each title to the alert's
 * answer page (href_base/alerts/CODE?as_of=PERIOD).
 */
void actions_html(struct html *h, const struct program *p, const struct action *const *v,
    size_t n, tdate today, int with_alert, const char *href_base);
/*
 * Under an alert or a strength: the team's answer for the period
 * (Markdown, rendered safely) and its actions, or a line saying there is
 * none yet; href, when not NULL, links to the page where it is written.
 */
void answer_html(struct html *h, const struct program *p, const struct metrics_answer *a,
    tdate period, tdate today, const char *href);
/* The same as text, indented by indent spaces (nothing when there is no answer or action). */
void answer_text(const struct program *p, const struct metrics_answer *a, tdate period,
    tdate today, int indent, struct strbuf *out);

#endif
