/*
 * Figure labels: one for every figure, and each says what its figure
 * measures in the words of docs/metrics.md (issue 11: the backbone's
 * betweenness was labelled "Partners connected only through the
 * backbone", which is not what it counts).
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
#include "metrics/survey.h"
#include "util/strbuf.h"
#include "view/figures.h"

static void
test_every_figure_labelled(void **state)
{
	(void)state;
	for (int f = 0; f < FIG__MAX; f++) {
		assert_non_null(figure_labels[f]);
		assert_true(strlen(figure_labels[f]) > 5);
		for (int g = 0; g < f; g++)
			assert_string_not_equal(figure_labels[f], figure_labels[g]);
	}
}

static void
test_network_labels(void **state)
{
	(void)state;
	/* betweenness: shortest paths between others through b */
	assert_non_null(strstr(figure_labels[FIG_NET_BACKBONE_BETWEENNESS], "Shortest paths"));
	assert_non_null(strstr(figure_labels[FIG_NET_BACKBONE_BETWEENNESS], "through the backbone"));
	assert_null(strstr(figure_labels[FIG_NET_BACKBONE_BETWEENNESS], "only through"));
	/* resilience: the largest component without b, over n - 1 */
	assert_string_equal(figure_labels[FIG_NET_RESILIENCE],
	    "Largest group still connected without the backbone, share of the other organizations");
	/* degree share: d_b over the sum of all degrees, not "ties through b" */
	assert_string_equal(figure_labels[FIG_NET_BACKBONE_DEGREE],
	    "The backbone's share of all organizations' ties");
}

static void
test_money_labels(void **state)
{
	(void)state;
	/* partner_share is a share of spending; partners_paid a share of partners */
	assert_non_null(strstr(figure_labels[FIG_FUNDS_PARTNER_SHARE], "money spent"));
	assert_non_null(strstr(figure_labels[FIG_FUNDS_PARTNERS_PAID], "received money"));
	assert_non_null(strstr(figure_labels[FIG_FUNDS_BACKBONE_OWN], "programs or overhead"));
}

/* The responses line of a survey result: everyone, the groups shown, or nothing. */
static void
test_survey_responses(void **state)
{
	struct survey_results r;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	metrics_survey_results_init(&r);
	figure_survey_responses(&r, &sb);
	assert_string_equal(sb.buf, "fewer than 3 responses: nothing can be shown");
	/* the director answered: everyone hidden, backbone and partners shown */
	r.shown[SURVEY_COL_BACKBONE] = 1;
	r.responses[SURVEY_COL_BACKBONE] = 3;
	r.shown[SURVEY_COL_PARTNER] = 1;
	r.responses[SURVEY_COL_PARTNER] = 4;
	strbuf_reset(&sb);
	figure_survey_responses(&r, &sb);
	assert_string_equal(sb.buf, "3 from the backbone, 4 from partners; everyone's mean is "
	    "not shown, so that no smaller group's answers can be worked out from it");
	r.shown[SURVEY_COL_ALL] = 1;
	r.responses[SURVEY_COL_ALL] = 7;
	strbuf_reset(&sb);
	figure_survey_responses(&r, &sb);
	assert_string_equal(sb.buf, "7 responses");
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_figure_labelled),
		cmocka_unit_test(test_network_labels),
		cmocka_unit_test(test_money_labels),
		cmocka_unit_test(test_survey_responses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
