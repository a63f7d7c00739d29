/*
 * An alert's answer page (answer_page.h).
 */
#include <string.h>

#include "actions.h"
#include "answer_page.h"
#include "figures.h"
#include "markdown.h"
#include "../model/fields.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* The form's problems, when this is the form that came back. */
static const form_errors *
errs_of(const struct answer_page *ap, int which)
{
	return ap->which == which ? ap->errs : NULL;
}

static const struct form_input *
typed_of(const struct answer_page *ap, int which)
{
	return ap->which == which ? ap->typed : NULL;
}

static void
form_open(struct html *h, const struct answer_page *ap, const char *op, const char *id)
{
	html_open(h, "form", "method", "post", "action", ap->self, "class", "answer-form", NULL);
	frame_csrf_field(h, ap->frame->csrf);
	html_void(h, "input", "type", "hidden", "name", "op", "value", op, NULL);
	if (id)
		html_void(h, "input", "type", "hidden", "name", "id", "value", id, NULL);
}

static void
submit(struct html *h, const char *label)
{
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, label);
	html_close(h);
}

/* This period's actions, each with its status form for editors. */
static void
actions_now(struct html *h, const struct answer_page *ap, const struct form_ctx *c)
{
	const struct metrics_answer *a = ap->answer;
	const struct field *fs = kind_field(&kind_action, "status");
	struct strbuf path = STRBUF_INIT;

	if (a->actions.n == 0) {
		html_elem(h, "p", _("No action agreed for this period yet."));
		return;
	}
	if (!ap->can_edit) {
		actions_html(h, ap->p, a->actions.v, a->actions.n, ap->as_of, 0, NULL);
		return;
	}
	html_open(h, "ul", "class", "action-list editable", NULL);
	for (size_t i = 0; i < a->actions.n; i++) {
		const struct action *x = a->actions.v[i];

		html_open(h, "li", NULL);
		actions_html(h, ap->p, &x, 1, ap->as_of, 0, NULL);
		strbuf_reset(&path);
		strbuf_addf(&path, "status-%s", x->id);
		form_open(h, ap, "status", x->id);
		form_field(h, c, fs, x, typed_of(ap, ANSWER_FORM_STATUS),
		    errs_of(ap, ANSWER_FORM_STATUS), path.buf);
		submit(h, _("Change the status"));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	strbuf_release(&path);
}

/* The other periods: each answer and the actions of its period. */
static void
other_periods(struct html *h, const struct answer_page *ap)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0, j = 0;

	if (ap->nresponses == 0 && ap->nactions == 0)
		return;
	html_elem(h, "h2", _("Other periods"));
	/* both lists are in period order: walk them together, one heading per period */
	while (i < ap->nresponses || j < ap->nactions) {
		tdate period = i < ap->nresponses && (j == ap->nactions ||
		    ap->responses[i]->period <= ap->actions[j]->period) ?
		    ap->responses[i]->period : ap->actions[j]->period;
		size_t k = j;

		strbuf_reset(&sb);
		action_period_words(period, &sb);
		html_elem(h, "h3", sb.buf);
		if (i < ap->nresponses && ap->responses[i]->period == period)
			html_markdown(h, ap->responses[i++]->text);
		while (j < ap->nactions && ap->actions[j]->period == period)
			j++;
		if (j > k)
			actions_html(h, ap->p, ap->actions + k, j - k, ap->as_of, 0, NULL);
	}
	strbuf_release(&sb);
}

void
answer_page_write(struct html *h, const struct answer_page *ap)
{
	const struct form_ctx c = { ap->p, ap->in };
	struct strbuf sb = STRBUF_INIT;

	frame_begin(h, ap->frame);
	html_open(h, "p", "class", "meta", NULL);
	{
		struct strbuf when = STRBUF_INIT, to = STRBUF_INIT;

		action_period_words(ap->period, &when);
		figure_date(ap->as_of, &to);
		/*
		 * TRANSLATORS: the period's month, then the months the figures
		 * cover: "March 2016 · the 12 months to 31 Mar 2016 · "
		 */
		strbuf_addf(&sb, _("%s · the %d months to %s · "), when.buf, ap->months, to.buf);
		strbuf_release(&when);
		strbuf_release(&to);
	}
	html_text(h, sb.buf);
	html_open(h, "a", "href", ap->back, NULL);
	html_text(h, _("Back to the overview"));
	html_close(h);
	html_close(h);

	html_open(h, "div", "class", action_signal_is_alert(ap->signal) ? "raised alert" : "raised strength",
	    NULL);
	if (ap->observation) {
		html_text(h, ap->observation);
		if (ap->question) {
			html_text(h, " ");
			html_open(h, "strong", NULL);
			html_text(h, ap->question);
			html_close(h);
		}
	} else
		html_text(h, action_signal_is_alert(ap->signal) ?
		    _("This alert is not raised for this period: there is nothing to answer "
		    "here now. Its answers and actions of other periods are below.") :
		    _("This strength is not raised for this period: there is nothing to answer "
		    "here now. Its answers and actions of other periods are below."));
	html_close(h);

	html_elem(h, "h2", _("The team's answer"));
	if (ap->answer->response)
		html_markdown(h, ap->answer->response->text);
	else
		html_elem(h, "p", _("Not answered yet."));
	if (ap->can_edit && ap->observation) {
		form_open(h, ap, "answer", NULL);
		form_error_summary(h, errs_of(ap, ANSWER_FORM_TEXT));
		form_field(h, &c, kind_field(&kind_alert_response, "answer"), ap->answer->response,
		    typed_of(ap, ANSWER_FORM_TEXT), errs_of(ap, ANSWER_FORM_TEXT), "answer");
		submit(h, ap->answer->response ? _("Save the answer") : _("Write the answer"));
		html_close(h);
	}

	html_elem(h, "h2", _("Actions"));
	actions_now(h, ap, &c);
	if (ap->can_edit && ap->observation) {
		static const char *const fields[] = { "title", "owner_org", "owner_person", "due" };

		html_elem(h, "h3", _("Agree an action"));
		html_elem(h, "p", _("Give it one owner: an organization or a person."));
		form_open(h, ap, "action", NULL);
		form_error_summary(h, errs_of(ap, ANSWER_FORM_ACTION));
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			form_field(h, &c, kind_field(&kind_action, fields[i]), NULL,
			    typed_of(ap, ANSWER_FORM_ACTION), errs_of(ap, ANSWER_FORM_ACTION), fields[i]);
		submit(h, _("Add the action"));
		html_close(h);
	}
	other_periods(h, ap);
	frame_end(h);
	strbuf_release(&sb);
}
