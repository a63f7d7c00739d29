/*
 * The portfolio's open actions (open_actions.h).
 */
#include "actions.h"
#include "figures.h"
#include "open_actions.h"
#include "../util/i18n.h"
#include "../util/banned.h"

static void
cell(struct html *h, const char *label, const char *text)
{
	html_open(h, "td", "data-label", label, NULL);
	html_text(h, text);
	html_close(h);
}

void
open_actions_write(struct html *h, const struct open_actions_page *pg)
{
	struct strbuf sb = STRBUF_INIT;
	size_t late = 0;
	char d[DATE_BUFSZ];

	for (size_t i = 0; i < pg->n; i++)
		late += pg->rows[i].due < pg->today;
	frame_begin(h, pg->frame);
	html_open(h, "p", "class", "meta", NULL);
	if (pg->n == 0)
		html_text(h, _("No initiative has an open action: every action the teams agreed is "
		    "done or dropped, or none was agreed yet."));
	else
		html_textf(h, P_("%zu open action across the portfolio, %zu overdue. Each team agreed "
		    "them in answer to an alert or a strength of its dashboard.",
		    "%zu open actions across the portfolio, %zu overdue. Each team agreed "
		    "them in answer to an alert or a strength of its dashboard.", pg->n), pg->n, late);
	html_close(h);
	if (pg->n == 0)
		goto out;
	html_open(h, "div", "class", "scroll", NULL);
	html_open(h, "table", "class", "open-actions cards", NULL);
	html_thead(h, _("Due"), _("Action"), _("Initiative"), _("Owner"), _("In answer to"), NULL);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < pg->n; i++) {
		const struct open_action_row *r = &pg->rows[i];
		int overdue = r->due < pg->today;

		html_open(h, "tr", "class", overdue ? "overdue" : NULL, NULL);
		html_open(h, "td", "data-label", _("Due"), NULL);
		/* one cell's content in one box: the phone's card lays it out as one value */
		html_open(h, "span", NULL);
		strbuf_reset(&sb);
		figure_date(r->due, &sb);
		html_text(h, sb.buf);
		if (overdue) {
			html_text(h, " ");
			html_open(h, "span", "class", "status overdue", NULL);
			html_text(h, _("overdue"));
			html_close(h);
		}
		html_close(h);
		html_close(h);
		html_open(h, "th", "scope", "row", "data-label", _("Action"), NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/alerts/%s?as_of=%s", r->initiative, signal_names[r->signal],
		    date_format(r->period, d));
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, r->title);
		html_close(h);
		html_close(h);
		cell(h, _("Initiative"), r->initiative_name);
		cell(h, _("Owner"), r->owner);
		strbuf_reset(&sb);
		{
			struct strbuf when = STRBUF_INIT;

			action_period_words(r->period, &when);
			/* TRANSLATORS: an alert and its month: "Blurred boundaries, March 2016" */
			strbuf_addf(&sb, C_("alert and month", "%s, %s"), action_signal_title(r->signal), when.buf);
			strbuf_release(&when);
		}
		cell(h, _("In answer to"), sb.buf);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
out:
	frame_end(h);
	strbuf_release(&sb);
}
