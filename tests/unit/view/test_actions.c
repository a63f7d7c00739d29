/*
 * Unit tests for src/view/actions.c, answer_page.c and open_actions.c (the
 * team's answer to an alert and its actions, issue 12), on the demo's
 * Quarry Bend with an answer and two actions: the answer under its alert
 * in the text and HTML, rendered safely; an open action past due marked
 * overdue, a done one not; the answer page's forms for an editor and none
 * for a reader, a form that came back with its problem beside its field;
 * an alert not raised takes no form; the portfolio's open actions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/metrics.h"
#include "model/demo.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "view/actions.h"
#include "view/answer_page.h"
#include "view/open_actions.h"
#include "tagcheck.h"

struct fixture {
	struct program p;
	struct initiative *in;
	struct report r;
};

static tdate
day(const char *s)
{
	tdate t;

	assert_int_equal(date_parse(s, &t), 0);
	return t;
}

static void
add_action(struct initiative *in, const char *id, int signal, const char *period,
    const char *title, const char *org, const char *person, const char *due, int status)
{
	struct action *a = VEC_PUSH(&in->actions);

	memset(a, 0, sizeof(*a));
	a->id = xstrdup(id);
	a->signal = signal;
	a->period = day(period);
	a->title = xstrdup(title);
	if (org)
		ref_set(&a->owner_org, org);
	if (person)
		ref_set(&a->owner_person, person);
	a->due = day(due);
	a->status = status;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct alert_response *r;
	struct model_error e;

	program_init(&f->p);
	demo_build(&f->p, DEMO_DEFAULT_SEED);
	if ((f->in = program_initiative(&f->p, "quarry-bend")) == NULL)
		return -1;
	r = VEC_PUSH(&f->in->responses);
	memset(r, 0, sizeof(*r));
	r->id = xstrdup("r-1");
	r->signal = SIGNAL_DOMINANCE;
	r->period = day("2016-12-31");
	r->text = xstrdup("We take the **budget** to the committee.\n\n<script>alert(1)</script>");
	add_action(f->in, "a-1", SIGNAL_DOMINANCE, "2016-12-31", "Budget to the committee",
	    f->in->backbone.slug, NULL, "2016-12-20", ACTION_OPEN);
	add_action(f->in, "a-2", SIGNAL_DOMINANCE, "2016-11-30", "Count who decides",
	    NULL, f->p.people.v[0].slug, "2016-12-15", ACTION_DONE);
	if (model_validate(&f->p, &e) != 0) {
		fprintf(stderr, "%s: %s\n", e.field, e.msg);
		return -1;
	}
	metrics_report_init(&f->r);
	if (metrics_report(&f->p, f->in, day("2016-12-31"), 12, NULL, &f->r))
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	metrics_report_release(&f->r);
	program_release(&f->p);
	free(f);
	return 0;
}

static const struct metrics_alert *
dominance(const struct fixture *f)
{
	for (size_t i = 0; i < f->r.alerts.n; i++)
		if (f->r.alerts.v[i].pitfall == PITFALL_DOMINANCE)
			return &f->r.alerts.v[i];
	fail_msg("quarry-bend raises no dominance alert");
	return NULL;
}

static void
test_report_attaches(void **state)
{
	struct fixture *f = *state;
	const struct metrics_alert *a = dominance(f);

	assert_int_equal(f->r.period, day("2016-12-31"));
	assert_non_null(a->answer.response);
	assert_string_equal(a->answer.response->id, "r-1");
	assert_int_equal(a->answer.actions.n, 1);
	assert_string_equal(a->answer.actions.v[0]->id, "a-1");
	assert_int_equal(f->r.earlier.n, 1);
	assert_string_equal(f->r.earlier.v[0]->id, "a-2");
}

static void
test_text(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	const struct metrics_alert *a = dominance(f);

	action_period_words(day("2016-02-29"), &sb);
	assert_string_equal(sb.buf, "February 2016");
	strbuf_reset(&sb);
	/* as of 31 Dec 2016, due 20 Dec: open and overdue */
	action_line_text(&f->p, a->answer.actions.v[0], day("2016-12-31"), 0, &sb);
	assert_non_null(strstr(sb.buf, "Budget to the committee — Quarry Bend Community Renewal "
	    "Corporation, due 20 Dec 2016 · open, overdue"));
	strbuf_reset(&sb);
	action_line_text(&f->p, a->answer.actions.v[0], day("2016-12-20"), 1, &sb);
	assert_string_equal(sb.buf, "Backbone dominance, December 2016: Budget to the committee — "
	    "Quarry Bend Community Renewal Corporation, due 20 Dec 2016 · open");
	strbuf_reset(&sb);
	answer_text(&f->p, &a->answer, f->r.period, f->r.as_of, 4, &sb);
	assert_non_null(strstr(sb.buf, "    The team's answer (December 2016):\n"
	    "      We take the **budget** to the committee.\n\n"));
	assert_non_null(strstr(sb.buf, "    Actions agreed:\n      * Budget to the committee"));
	strbuf_release(&sb);
}

static void
test_answer_html(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	const struct metrics_alert *a = dominance(f);
	static const struct metrics_answer none;
	struct html h;

	html_init(&h, &sb);
	answer_html(&h, &f->p, &a->answer, f->r.period, f->r.as_of, "/i/quarry-bend/alerts/dominance");
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "<p class=\"answer-head\">The team&#39;s answer, December 2016</p>"));
	assert_non_null(strstr(sb.buf, "We take the <strong>budget</strong> to the committee."));
	assert_null(strstr(sb.buf, "<script>"));
	assert_non_null(strstr(sb.buf, "<span class=\"status overdue\">overdue</span> Budget to the committee"));
	assert_non_null(strstr(sb.buf, "href=\"/i/quarry-bend/alerts/dominance\">The answer and its actions</a>"));
	strbuf_reset(&sb);
	html_init(&h, &sb);
	answer_html(&h, &f->p, &none, f->r.period, f->r.as_of, NULL);
	assert_non_null(strstr(sb.buf, "Not answered yet."));
	assert_null(strstr(sb.buf, "<a "));
	strbuf_reset(&sb);
	html_init(&h, &sb);
	actions_html(&h, &f->p, f->r.earlier.v, f->r.earlier.n, f->r.as_of, 1, "/i/quarry-bend");
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "<span class=\"status closed\">done</span> Backbone dominance, "
	    "November 2016: <a href=\"/i/quarry-bend/alerts/dominance?as_of=2016-11-30\">Count who decides</a>"));
	strbuf_release(&sb);
}

static void
page(const struct fixture *f, int edit, const char *obs, const form_errors *errs, int which,
    const struct form_input *typed, struct strbuf *sb)
{
	static const struct frame fr = { .title = "Backbone dominance: the team's answer",
		.user = "u@x.org", .csrf = "C7", .slug = "quarry-bend", .tab = TAB_OVERVIEW };
	const struct metrics_alert *a = dominance(f);
	struct html h;

	strbuf_reset(sb);
	html_init(&h, sb);
	answer_page_write(&h, &(struct answer_page){ .frame = &fr, .p = &f->p, .in = f->in,
	    .signal = SIGNAL_DOMINANCE, .as_of = f->r.as_of, .period = f->r.period, .months = 12,
	    .observation = obs, .question = a->question, .answer = &a->answer,
	    .actions = (const struct action *const *)f->r.earlier.v, .nactions = f->r.earlier.n,
	    .self = "/i/quarry-bend/alerts/dominance?as_of=2016-12-31&months=12",
	    .back = "/i/quarry-bend", .can_edit = edit, .errs = errs, .typed = typed,
	    .which = which });
	assert_balanced(sb->buf);
}

static void
test_answer_page(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	const struct metrics_alert *a = dominance(f);
	form_errors errs = { NULL, 0, 0 };
	struct form_pair typed_v[] = { { "title", "Half done" }, { "due", "2017-01-10" } };
	struct form_input typed = { typed_v, 2 };

	page(f, 1, a->observation, NULL, 0, NULL, &sb);
	assert_non_null(strstr(sb.buf, "<h1>Backbone dominance: the team&#39;s answer</h1>"));
	assert_non_null(strstr(sb.buf, "December 2016 · the 12 months to 31 Dec 2016"));
	assert_non_null(strstr(sb.buf, "<input type=\"hidden\" name=\"csrf\" value=\"C7\"/>"));
	assert_non_null(strstr(sb.buf, "name=\"op\" value=\"answer\""));
	assert_non_null(strstr(sb.buf, "name=\"op\" value=\"action\""));
	assert_non_null(strstr(sb.buf, "name=\"id\" value=\"a-1\""));
	assert_non_null(strstr(sb.buf, "name=\"status-a-1\""));
	assert_non_null(strstr(sb.buf, "<h2>Other periods</h2><h3>November 2016</h3>"));
	assert_non_null(strstr(sb.buf, "Count who decides"));
	/* a reader: the same answer, no form */
	page(f, 0, a->observation, NULL, 0, NULL, &sb);
	assert_non_null(strstr(sb.buf, "We take the <strong>budget</strong> to the committee."));
	assert_null(strstr(sb.buf, "<form method=\"post\" action=\"/i/quarry-bend/alerts"));
	/* not raised in the period: said, and no form even for an editor */
	page(f, 1, NULL, NULL, 0, NULL, &sb);
	assert_non_null(strstr(sb.buf, "This alert is not raised for this period"));
	assert_null(strstr(sb.buf, "name=\"op\" value=\"answer\""));
	/* a form that came back: its problem beside its field, what was typed kept */
	form_error_add(&errs, "owner_org", "an action has one owner: give owner_org or owner_person, not neither");
	page(f, 1, a->observation, &errs, ANSWER_FORM_ACTION, &typed, &sb);
	assert_non_null(strstr(sb.buf, "id=\"owner_org-error\""));
	assert_non_null(strstr(sb.buf, "value=\"Half done\""));
	assert_non_null(strstr(sb.buf, "value=\"2017-01-10\""));
	VEC_FREE(&errs);
	strbuf_release(&sb);
}

static void
test_open_actions(void **state)
{
	static const struct frame fr = { .title = "Open actions", .user = "a@x.org" };
	const struct open_action_row rows[] = {
		{ "quarry-bend", "Safe Flats Quarry Bend", "a-1", "Budget <to> the committee",
		  "Quarry Bend Community Renewal Corporation", SIGNAL_DOMINANCE, 0, 0 },
		{ "port-ashby", "Port Ashby", "a-3", "Split overhead", "Walter Barros",
		  SIGNAL_BLURRED_BOUNDARIES, 0, 0 },
	};
	struct open_action_row v[2];
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	memcpy(v, rows, sizeof(v));
	v[0].period = day("2016-12-31");
	v[0].due = day("2017-01-10");
	v[1].period = day("2016-12-31");
	v[1].due = day("2017-03-01");
	html_init(&h, &sb);
	open_actions_write(&h, &(struct open_actions_page){ .frame = &fr, .rows = v, .n = 2,
	    .today = day("2017-02-01") });
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "2 open actions across the portfolio, 1 overdue."));
	assert_non_null(strstr(sb.buf, "<tr class=\"overdue\"><td data-label=\"Due\"><span>10 Jan 2017 "
	    "<span class=\"status overdue\">overdue</span></span></td>"));
	assert_non_null(strstr(sb.buf, "<a href=\"/i/quarry-bend/alerts/dominance?as_of=2016-12-31\">"
	    "Budget &lt;to&gt; the committee</a>"));
	assert_non_null(strstr(sb.buf, "<td data-label=\"In answer to\">Blurred boundaries, December 2016</td>"));
	assert_null(strstr(sb.buf, "1 Mar 2017 <span"));
	strbuf_reset(&sb);
	html_init(&h, &sb);
	open_actions_write(&h, &(struct open_actions_page){ .frame = &fr, .rows = v, .n = 0,
	    .today = day("2017-02-01") });
	assert_non_null(strstr(sb.buf, "No initiative has an open action"));
	assert_null(strstr(sb.buf, "<table"));
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_attaches),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_answer_html),
		cmocka_unit_test(test_answer_page),
		cmocka_unit_test(test_open_actions),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
