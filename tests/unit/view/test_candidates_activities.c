/*
 * The backbone-activities instrument (issue 13 item 9) beside the
 * stepping-up score: the text report and the web overview show each
 * activity's partner and backbone mean when a round of it closed in the
 * period, "—" for a group under 3 answers, and nothing at all without one
 * (the reports of a program that never asks it keep their bytes).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
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
#include "view/html.h"
#include "view/report_html.h"
#include "view/report_text.h"
#include "tagcheck.h"

static const char *const items[6] = {
	"guide_vision", "support_aligned", "shared_measurement", "public_will", "advance_policy",
	"mobilize_funding",
};

/* A closed round of backbone-activities in harlow-mills: nb backbone answers of 5, np partner answers of 3. */
static void
round_of(struct program *p, int nb, int np)
{
	struct initiative *in = program_initiative(p, "harlow-mills");
	struct survey *s = VEC_PUSH(&in->surveys);
	struct model_error e;

	s->id = xstrdup("ba-1");
	ref_set(&s->instrument, BACKBONE_ACTIVITIES_CODE);
	s->opened = date_from_ymd(2016, 10, 1);
	s->closed = date_from_ymd(2016, 10, 31);
	for (int r = 0; r < nb + np; r++) {
		struct response *rs = VEC_PUSH(&s->responses);

		rs->group = r < nb ? GROUP_BACKBONE : GROUP_PARTNER;
		for (int k = 0; k < 6; k++) {
			struct answer *a = VEC_PUSH(&rs->answers);

			a->item = xstrdup(items[k]);
			a->value = r < nb ? 5 : 3;
		}
	}
	assert_int_equal(model_validate(p, &e), 0);
}

/* The text and web overview of harlow-mills at the end of 2016, into text and html. */
static void
render(struct program *p, struct strbuf *text, struct strbuf *html)
{
	struct report r;
	struct html h;
	char err[200];
	size_t nel;

	metrics_report_init(&r);
	assert_int_equal(metrics_report(p, program_initiative(p, "harlow-mills"),
	    date_from_ymd(2016, 12, 31), 12, NULL, &r), 0);
	report_text_write(&r, NULL, text);
	html_init(&h, html);
	report_html_overview(&h, &r, NULL, NULL, NULL, 0);
	assert_int_equal(tagcheck(html->buf, err, sizeof(err), &nel), 0);
	metrics_report_release(&r);
}

static void
test_none(void **state)
{
	struct program p;
	struct strbuf t = STRBUF_INIT, h = STRBUF_INIT;
	struct model_error e;

	(void)state;
	program_init(&p);
	demo_build(&p, DEMO_DEFAULT_SEED);
	assert_int_equal(model_validate(&p, &e), 0);
	render(&p, &t, &h);
	assert_null(strstr(t.buf, "own activities"));
	assert_null(strstr(h.buf, "own activities"));
	/* the instrument is there, built in */
	assert_non_null(program_instrument(&p, BACKBONE_ACTIVITIES_CODE));
	assert_true(program_instrument(&p, BACKBONE_ACTIVITIES_CODE)->builtin);
	program_release(&p);
	strbuf_release(&t);
	strbuf_release(&h);
}

static void
test_shown(void **state)
{
	struct program p;
	struct strbuf t = STRBUF_INIT, h = STRBUF_INIT;
	const char *up, *act;

	(void)state;
	program_init(&p);
	demo_build(&p, DEMO_DEFAULT_SEED);
	round_of(&p, 3, 4);
	render(&p, &t, &h);
	up = strstr(t.buf, "  Stepping up ");
	act = strstr(t.buf, "  The backbone's own activities");
	assert_non_null(up);
	assert_non_null(act);
	assert_true(act > up);
	assert_non_null(strstr(t.buf, "      Guide vision and strategy             3.0      5.0\n"));
	assert_non_null(strstr(t.buf, "      All six                               3.0      5.0\n"));
	assert_non_null(strstr(h.buf, "<div class=\"score activities\"><h3>The backbone&#39;s own activities</h3>"));
	assert_non_null(strstr(h.buf, "<th scope=\"row\">Mobilize funding</th><td class=\"num\">3.0</td><td class=\"num\">5.0</td>"));
	program_release(&p);
	strbuf_release(&t);
	strbuf_release(&h);
}

static void
test_small_group_hidden(void **state)
{
	struct program p;
	struct strbuf t = STRBUF_INIT, h = STRBUF_INIT;

	(void)state;
	program_init(&p);
	demo_build(&p, DEMO_DEFAULT_SEED);
	round_of(&p, 2, 3);
	render(&p, &t, &h);
	assert_non_null(strstr(t.buf, "      Guide vision and strategy             3.0        —\n"));
	assert_null(strstr(t.buf, "5.0\n"));
	assert_non_null(strstr(h.buf, "<th scope=\"row\">Advance policy</th><td class=\"num\">3.0</td><td class=\"num\">—</td>"));
	program_release(&p);
	strbuf_release(&t);
	strbuf_release(&h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_shown),
		cmocka_unit_test(test_small_group_hidden),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
