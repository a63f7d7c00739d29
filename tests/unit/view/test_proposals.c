/*
 * Unit tests for src/view/proposals.c on the demo program with a proposal
 * added: its page shows the tally of the standing answers, each asked
 * organization's standing answer, every answer in order with who recorded
 * it on whose behalf, the Markdown body rendered; an editor gets the answer
 * form (only the asked organizations, their own preselected) and the close
 * form, a reader neither; a closed proposal shows its outcome and links its
 * decision, with no forms; a form that came back keeps its problem beside
 * the field, or, the proposal closed meanwhile, says it above the answers; the list puts open proposals first; the open form asks for
 * the six fields.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/demo.h"
#include "model/fields.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "view/proposals.h"
#include "tagcheck.h"

struct fixture {
	struct program p;
	struct initiative *in;
};

static void
answer_add(struct proposal *pr, const char *org, int stance, const char *reason,
    const char *by)
{
	struct proposal_answer *a = VEC_PUSH(&pr->answers);

	ref_set(&a->org, org);
	a->answer = stance;
	a->reason = reason ? xstrdup(reason) : NULL;
	a->date = date_from_ymd(2016, 3, 2);
	a->recorded_by = by ? xstrdup(by) : NULL;
}

static struct proposal *
proposal_add(struct initiative *in, const char *id, const char *title)
{
	struct proposal *pr = VEC_PUSH(&in->proposals);

	pr->id = xstrdup(id);
	pr->title = xstrdup(title);
	pr->category = CAT_PERSONNEL;
	pr->opened = date_from_ymd(2016, 3, 1);
	pr->closes = date_from_ymd(2016, 3, 15);
	pr->decided = DATE_NONE;
	ref_set(&pr->decider, "committee");
	ref_set(VEC_PUSH(&pr->asked), "harlow-public-schools");
	ref_set(VEC_PUSH(&pr->asked), "harlow-city-planning");
	ref_set(VEC_PUSH(&pr->asked), "merrow-valley-health");
	return pr;
}

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct proposal *pr;
	struct model_error e;

	program_init(&f->p);
	demo_build(&f->p, DEMO_DEFAULT_SEED);
	if ((f->in = program_initiative(&f->p, "harlow-mills")) == NULL)
		return -1;
	pr = proposal_add(f->in, "P-1", "Share one evaluator");
	pr->body = xstrdup("We **should** share one.");
	answer_add(pr, "harlow-public-schools", STANCE_AGREE, NULL, NULL);
	answer_add(pr, "merrow-valley-health", STANCE_OBJECT, "Not before the audit", "m@x.org");
	answer_add(pr, "harlow-city-planning", STANCE_CONCERNS, "The cost", NULL);
	answer_add(pr, "harlow-city-planning", STANCE_AGREE, NULL, NULL);
	pr = proposal_add(f->in, "P-2", "Open on Saturdays");
	pr->outcome = xstrdup("Open two Saturdays a month.");
	pr->decided = date_from_ymd(2016, 3, 20);
	pr->decision = xstrdup("P-2");
	if (model_validate(&f->p, &e) != 0) {
		fprintf(stderr, "%s: %s\n", e.field, e.msg);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	program_release(&f->p);
	free(f);
	return 0;
}

static const struct frame fr = { .title = "Share one evaluator", .user = "u@x.org", .csrf = "C7",
	.slug = "harlow-mills", .tab = TAB_DECISIONS };

static void
render(const struct fixture *f, size_t i, int edit, enum proposal_form which,
    const form_errors *errs, const struct form_input *typed, struct strbuf *sb)
{
	struct html h;

	strbuf_reset(sb);
	html_init(&h, sb);
	proposal_page_write(&h, &(struct proposal_page){ .frame = &fr, .p = &f->p, .in = f->in,
	    .pr = &f->in->proposals.v[i], .can_edit = edit, .own_org = "harlow-city-planning",
	    .today = date_from_ymd(2016, 3, 16), .which = which, .errs = errs, .typed = typed });
	assert_balanced(sb->buf);
}

static void
test_open_proposal(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	const char *hist;

	render(f, 0, 1, PROPOSAL_FORM_NONE, NULL, NULL, &sb);
	assert_non_null(strstr(sb.buf, "<h1>Share one evaluator</h1>"));
	assert_non_null(strstr(sb.buf, "<dd>Open until 15 Mar 2016</dd>"));
	assert_non_null(strstr(sb.buf, "We <strong>should</strong> share one."));
	/* the standing answers: planning's agree replaced its concerns */
	assert_non_null(strstr(sb.buf, "<p><strong>2 agree, 0 with concerns, 1 object, "
	    "0 not answered</strong></p>"));
	assert_non_null(strstr(sb.buf, "<th scope=\"row\">Merrow Valley Community Health Center"
	    "</th><td>Object</td><td>Not before the audit</td><td>2 Mar 2016</td>"));
	/* every answer, in order, who recorded it on whose behalf */
	hist = strstr(sb.buf, "Every answer, in order");
	assert_non_null(hist);
	assert_int_equal(count_of(hist, "<li>"), 4);
	assert_non_null(strstr(hist, "Merrow Valley Community Health Center objects — “Not before "
	    "the audit” (recorded by m@x.org on behalf of Merrow Valley Community Health Center)"));
	assert_non_null(strstr(hist, "City of Harlow Mills, Office of Planning agrees with concerns"
	    " — “The cost”</li>"));
	/* the forms: the asked organizations only, the person's own preselected */
	assert_non_null(strstr(sb.buf, "action=\"/i/harlow-mills/proposals/P-1/answers\""));
	assert_non_null(strstr(sb.buf, "action=\"/i/harlow-mills/proposals/P-1/close\""));
	assert_int_equal(count_of(sb.buf, "<option "), 3);
	assert_non_null(strstr(sb.buf, "<option value=\"harlow-city-planning\" selected>"));
	assert_null(strstr(sb.buf, "value=\"harlow-neighborhood-builders\""));
	assert_int_equal(count_of(sb.buf, "name=\"answer\""), 3);
	assert_non_null(strstr(sb.buf, "name=\"decided\" required value=\"2016-03-16\""));
	assert_int_equal(count_of(sb.buf, "name=\"csrf\" value=\"C7\""), 3);

	/* a reader: the same answers, no forms */
	render(f, 0, 0, PROPOSAL_FORM_NONE, NULL, NULL, &sb);
	assert_non_null(strstr(sb.buf, "2 agree, 0 with concerns, 1 object, 0 not answered"));
	assert_null(strstr(sb.buf, "<form class=\"record\""));
	assert_null(strstr(sb.buf, "Close the proposal"));
	strbuf_release(&sb);
}

static void
test_closed_proposal(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;

	render(f, 1, 1, PROPOSAL_FORM_NONE, NULL, NULL, &sb);
	assert_non_null(strstr(sb.buf, "<dd>Closed 20 Mar 2016</dd>"));
	assert_non_null(strstr(sb.buf, "<dt>Outcome</dt><dd>Open two Saturdays a month.</dd>"));
	assert_non_null(strstr(sb.buf, "<a href=\"/i/harlow-mills/decisions/P-2\">Decision P-2</a>"));
	assert_non_null(strstr(sb.buf, "0 agree, 0 with concerns, 0 object, 3 not answered"));
	assert_non_null(strstr(sb.buf, "<td>Not answered yet</td>"));
	/* an editor cannot answer or close it any more */
	assert_null(strstr(sb.buf, "<form class=\"record\""));
	assert_null(strstr(sb.buf, "Every answer, in order"));
	strbuf_release(&sb);
}

static void
test_form_came_back(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	form_errors errs = { NULL, 0, 0 };
	static const struct form_pair typed_pairs[] = {
		{ "org", "merrow-valley-health" }, { "answer", "concerns" }, { "reason", "" },
	};
	struct form_input typed = { typed_pairs, 3 };

	form_error_add(&errs, "reason", "is required for concerns: say what would change your answer");
	render(f, 0, 1, PROPOSAL_FORM_ANSWER, &errs, &typed, &sb);
	assert_non_null(strstr(sb.buf, "<p class=\"error\" id=\"reason-error\"><span>Error: </span>"
	    "is required for concerns"));
	assert_non_null(strstr(sb.buf, "aria-describedby=\"reason-error\""));
	/* what was typed stays: the organization and the answer chosen */
	assert_non_null(strstr(sb.buf, "<option value=\"merrow-valley-health\" selected>"));
	assert_non_null(strstr(sb.buf, "value=\"concerns\" required checked"));
	/* the close form is not the one that came back */
	assert_null(strstr(sb.buf, "id=\"outcome-error\""));
	VEC_FREE(&errs);
	strbuf_release(&sb);
}

/*
 * A change refused because the proposal closed meanwhile: no form to put
 * the problem beside, so the page says it in a summary of its own, unlinked
 * (no field on the page to point at); an open proposal's page does not.
 */
static void
test_closed_meanwhile(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	form_errors errs = { NULL, 0, 0 };

	form_error_add(&errs, "decided", "proposal P-2 was closed on 20 Mar 2016: it takes no more "
	    "answers");
	render(f, 1, 1, PROPOSAL_FORM_ANSWER, &errs, NULL, &sb);
	assert_non_null(strstr(sb.buf, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\">"
	    "<h2>There is a problem</h2><ul><li>proposal P-2 was closed on 20 Mar 2016: it takes no "
	    "more answers</li></ul></div>"));
	assert_null(strstr(sb.buf, "href=\"#decided\""));
	assert_null(strstr(sb.buf, "name=\"answer\""));
	/* nothing came back: no summary */
	render(f, 1, 1, PROPOSAL_FORM_NONE, NULL, NULL, &sb);
	assert_null(strstr(sb.buf, "error-summary"));
	VEC_FREE(&errs);
	strbuf_release(&sb);
}

static void
test_list_and_new(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	struct html h;
	const char *open, *closed;
	size_t saved;

	html_init(&h, &sb);
	proposals_list_write(&h, &(struct proposals_page){ .frame = &fr, .p = &f->p, .in = f->in,
	    .can_edit = 1 });
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "href=\"/i/harlow-mills/proposals/new\">Open a proposal</a>"));
	assert_non_null(strstr(sb.buf, "<nav class=\"subtabs\" aria-label=\"Decisions\"><ul><li><a "
	    "href=\"/i/harlow-mills/decisions\">Decisions</a></li><li><a href=\"/i/harlow-mills/"
	    "proposals\" aria-current=\"page\">Proposals</a></li></ul></nav>"));
	open = strstr(sb.buf, "href=\"/i/harlow-mills/proposals/P-1\">Share one evaluator</a>");
	closed = strstr(sb.buf, "href=\"/i/harlow-mills/proposals/P-2\">Open on Saturdays</a>");
	assert_non_null(open);
	assert_non_null(closed);
	assert_true(open < closed);
	assert_non_null(strstr(sb.buf, "<td>Open until 15 Mar 2016</td><td>2 agree, 0 with concerns,"
	    " 1 object, 0 not answered</td><td></td>"));
	assert_non_null(strstr(sb.buf, "<a href=\"/i/harlow-mills/decisions/P-2\">P-2</a>"));

	strbuf_reset(&sb);
	html_init(&h, &sb);
	saved = f->in->proposals.n;
	f->in->proposals.n = 0;
	proposals_list_write(&h, &(struct proposals_page){ .frame = &fr, .p = &f->p, .in = f->in,
	    .can_edit = 0 });
	f->in->proposals.n = saved;
	assert_non_null(strstr(sb.buf, "<p class=\"empty\">No proposals yet.</p>"));
	assert_null(strstr(sb.buf, "Open a proposal"));

	strbuf_reset(&sb);
	html_init(&h, &sb);
	proposal_new_write(&h, &(struct proposal_new_page){ .frame = &fr, .p = &f->p, .in = f->in });
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "action=\"/i/harlow-mills/proposals\""));
	assert_non_null(strstr(sb.buf, "name=\"title\""));
	assert_non_null(strstr(sb.buf, "name=\"body\""));
	assert_non_null(strstr(sb.buf, "name=\"category\""));
	assert_non_null(strstr(sb.buf, "name=\"closes\""));
	assert_non_null(strstr(sb.buf, "name=\"asked\""));
	assert_non_null(strstr(sb.buf, "name=\"decider\""));
	assert_null(strstr(sb.buf, "name=\"outcome\""));
	assert_null(strstr(sb.buf, "name=\"answers"));
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_proposal),
		cmocka_unit_test(test_closed_proposal),
		cmocka_unit_test(test_form_came_back),
		cmocka_unit_test(test_closed_meanwhile),
		cmocka_unit_test(test_list_and_new),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
