/*
 * The team's answers and actions as people read them (actions.h).
 */
#include <assert.h>
#include <string.h>

#include "actions.h"
#include "figures.h"
#include "markdown.h"
#include "../util/i18n.h"
#include "../util/banned.h"

static const char *const signal_titles[SIGNAL__MAX] = {
	[SIGNAL_DOMINANCE] = N_("Backbone dominance"),
	[SIGNAL_DIRECTOR_AS_EMPLOYEE] = N_("Director as the backbone's employee"),
	[SIGNAL_BLURRED_BOUNDARIES] = N_("Blurred boundaries"),
	[SIGNAL_OUT_OF_THE_LOOP] = N_("Partners out of the loop"),
	[SIGNAL_NO_CONTRARY_VIEWS] = N_("No contrary views"),
	[SIGNAL_SHARED_LEADERSHIP] = N_("Shared leadership"),
	[SIGNAL_CREDIT_GIVEN] = N_("Credit given"),
	[SIGNAL_CAPACITY_SHARED] = N_("Capacity shared"),
	[SIGNAL_DIRECTOR_SUPPORTED] = N_("Director supported"),
	[SIGNAL_JOINT_GRANT_SEEKING] = N_("Joint grant seeking"),
	[SIGNAL_PARTNERS_COMPENSATED] = N_("Partners compensated"),
};

static const char *const month_names[12] = {
	/* "May" is also the abbreviation's msgid ("may"): its full name has a context below */
	N_("January"), N_("February"), N_("March"), N_("April"), "May", N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
};

const char *
action_signal_title(int signal)
{
	assert(signal >= 0 && signal < SIGNAL__MAX);
	return _(signal_titles[signal]);
}

int
action_signal_is_alert(int signal)
{
	return signal < SIGNAL_SHARED_LEADERSHIP;
}

void
action_period_words(tdate period, struct strbuf *out)
{
	int y, m, d;

	date_to_ymd(period, &y, &m, &d);
	/* TRANSLATORS: a month and its year, "March 2016" */
	strbuf_addf(out, C_("month and year", "%s %d"), m == 5 ? C_("month", "May") : _(month_names[m - 1]), y);
}

const char *
action_owner_name(const struct program *p, const struct action *a)
{
	if (a->owner_org.slug)
		return a->owner_org.idx >= 0 && (size_t)a->owner_org.idx < p->orgs.n ?
		    p->orgs.v[a->owner_org.idx].name : a->owner_org.slug;
	if (a->owner_person.slug)
		return a->owner_person.idx >= 0 && (size_t)a->owner_person.idx < p->people.n ?
		    p->people.v[a->owner_person.idx].name : a->owner_person.slug;
	return _("nobody");
}

int
action_overdue(const struct action *a, tdate today)
{
	return a->status == ACTION_OPEN && a->due < today;
}

void
action_line_text(const struct program *p, const struct action *a, tdate today,
    int with_alert, struct strbuf *out)
{
	struct strbuf due = STRBUF_INIT;

	if (with_alert) {
		strbuf_addf(out, "%s, ", action_signal_title(a->signal));
		action_period_words(a->period, out);
		strbuf_addstr(out, ": ");
	}
	figure_date(a->due, &due);
	/* TRANSLATORS: an action, who takes it, its due date and its status ("open") */
	strbuf_addf(out, action_overdue(a, today) ? _("%s — %s, due %s · %s, overdue") :
	    _("%s — %s, due %s · %s"), a->title, action_owner_name(p, a), due.buf,
	    _(action_status_names[a->status]));
	strbuf_release(&due);
}

/* "/i/SLUG/alerts/CODE?as_of=YYYY-MM-DD" of a's alert and period. */
static void
alert_href(const char *base, int signal, tdate period, struct strbuf *out)
{
	char d[DATE_BUFSZ];

	strbuf_addf(out, "%s/alerts/%s?as_of=%s", base, signal_names[signal], date_format(period, d));
}

void
actions_html(struct html *h, const struct program *p, const struct action *const *v,
    size_t n, tdate today, int with_alert, const char *href_base)
{
	struct strbuf sb = STRBUF_INIT;

	html_open(h, "ul", "class", "action-list", NULL);
	for (size_t i = 0; i < n; i++) {
		const struct action *a = v[i];
		int late = action_overdue(a, today);

		html_open(h, "li", NULL);
		html_open(h, "span", "class", late ? "status overdue" : a->status == ACTION_OPEN ?
		    "status open" : "status closed", NULL);
		if (late)
			html_text(h, _("overdue"));
		else
			html_text(h, _(action_status_names[a->status]));
		html_close(h);
		html_text(h, " ");
		if (with_alert) {
			struct strbuf when = STRBUF_INIT;

			action_period_words(a->period, &when);
			strbuf_reset(&sb);
			/* TRANSLATORS: the alert, its month, then the action: "Blurred boundaries, March 2016: " */
			strbuf_addf(&sb, C_("alert and month", "%s, %s: "), action_signal_title(a->signal), when.buf);
			html_text(h, sb.buf);
			strbuf_release(&when);
		}
		if (href_base) {
			strbuf_reset(&sb);
			alert_href(href_base, a->signal, a->period, &sb);
			html_open(h, "a", "href", sb.buf, NULL);
			html_text(h, a->title);
			html_close(h);
		} else
			html_text(h, a->title);
		strbuf_reset(&sb);
		{
			struct strbuf due = STRBUF_INIT;

			figure_date(a->due, &due);
			/* TRANSLATORS: after the action's title: its owner and its date */
			strbuf_addf(&sb, _(" — %s, due %s"), action_owner_name(p, a), due.buf);
			strbuf_release(&due);
		}
		html_text(h, sb.buf);
		html_close(h);
	}
	html_close(h);
	strbuf_release(&sb);
}

void
answer_html(struct html *h, const struct program *p, const struct metrics_answer *a,
    tdate period, tdate today, const char *href)
{
	struct strbuf sb = STRBUF_INIT;

	html_open(h, "div", "class", "answer", NULL);
	{
		struct strbuf when = STRBUF_INIT;

		action_period_words(period, &when);
		strbuf_addf(&sb, _("The team's answer, %s"), when.buf);
		strbuf_release(&when);
	}
	html_open(h, "p", "class", "answer-head", NULL);
	html_text(h, sb.buf);
	html_close(h);
	if (a->response)
		html_markdown(h, a->response->text);
	else if (a->actions.n == 0)
		html_elem(h, "p", _("Not answered yet."));
	if (a->actions.n)
		actions_html(h, p, a->actions.v, a->actions.n, today, 0, NULL);
	if (href) {
		html_open(h, "p", "class", "answer-link", NULL);
		html_open(h, "a", "href", href, NULL);
		html_text(h, a->response || a->actions.n ? _("The answer and its actions") :
		    _("Write the team's answer"));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	strbuf_release(&sb);
}

void
answer_text(const struct program *p, const struct metrics_answer *a, tdate period,
    tdate today, int indent, struct strbuf *out)
{
	struct strbuf sb = STRBUF_INIT;

	if (a->response == NULL && a->actions.n == 0)
		return;
	action_period_words(period, &sb);
	strbuf_addf(out, "%*s", indent, "");
	strbuf_addf(out, _("The team's answer (%s):"), sb.buf);
	strbuf_addch(out, '\n');
	if (a->response) {
		/* the Markdown as written, each line indented */
		const char *s = a->response->text;

		while (*s) {
			const char *nl = strchr(s, '\n');
			size_t len = nl ? (size_t)(nl - s) : strlen(s);

			if (len)
				strbuf_addf(out, "%*s%.*s", indent + 2, "", (int)len, s);
			strbuf_addch(out, '\n');
			s += len + (nl != NULL);
		}
	}
	if (a->actions.n)
		strbuf_addf(out, "%*s%s\n", indent, "", _("Actions agreed:"));
	for (size_t i = 0; i < a->actions.n; i++) {
		strbuf_reset(&sb);
		action_line_text(p, a->actions.v[i], today, 0, &sb);
		strbuf_addf(out, "%*s* %s\n", indent + 2, "", sb.buf);
	}
	strbuf_release(&sb);
}
