/*
 * Survey results (DESIGN §4): means, counts and distributions per item,
 * category and group; the bands; the perception gap; the change between two
 * rounds; and above all the anonymity floor — a group of fewer than 3 leaves
 * no number in the result, nor one that subtraction could recover.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/metrics.h"
#include "fixture.h"

#define EPS 1e-9

/* An instrument "inst": items a, b (category "x") and c (category "y"). */
static struct initiative *
build(struct program *p)
{
	struct instrument *ins;
	struct instrument_item *it;
	struct initiative *in;
	const char *items[][2] = { { "a", "x" }, { "b", "x" }, { "c", "y" } };

	program_init(p);
	fx_org(p, "bb", SECTOR_NONPROFIT);
	ins = VEC_PUSH(&p->instruments);
	ins->code = xstrdup("inst");
	ins->title = xstrdup("Test instrument");
	for (size_t i = 0; i < 3; i++) {
		it = VEC_PUSH(&ins->items);
		it->code = xstrdup(items[i][0]);
		it->text = xstrdup(items[i][0]);
		it->category = xstrdup(items[i][1]);
	}
	in = fx_initiative(p, "i", "2014-01-01", NULL, "bb", "bb");
	fx_member(p, in, "bb", ROLE_BACKBONE, "2014-01-01", NULL);
	return in;
}

/* Nothing of a suppressed aggregate is left in the struct. */
static void
assert_suppressed(const struct survey_agg *a)
{
	struct survey_agg zero;

	memset(&zero, 0, sizeof(zero));
	assert_int_equal(a->shown, 0);
	assert_int_equal(a->n, 0);
	assert_true(a->mean == 0);
	assert_memory_equal(a->dist, zero.dist, sizeof(zero.dist));
	assert_memory_equal(a, &zero, sizeof(zero));
}

static void
assert_mean(const struct survey_agg *a, double mean, int64_t n)
{
	assert_int_equal(a->shown, 1);
	assert_int_equal(a->n, n);
	if (fabs(a->mean - mean) > EPS)
		fail_msg("mean %.12f, expected %.12f", a->mean, mean);
}

/*
 * Two backbone responses and four partners: the backbone is never shown;
 * and since "all minus partners" would give the backbone's two answers,
 * the overall column is hidden too (never the partners, DESIGN §4).
 */
static void
test_small_group_suppressed(void **state)
{
	struct program p;
	struct initiative *in = build(&p);
	struct survey *s = fx_survey(&p, in, "s1", "inst", "2016-03-01", "2016-03-31");
	struct survey_results r;
	const struct survey_row *row;

	(void)state;
	fx_response(s, GROUP_BACKBONE, "a=1,b=1,c=1");
	fx_response(s, GROUP_BACKBONE, "a=2,b=1,c=1");
	fx_response(s, GROUP_PARTNER, "a=5,b=4,c=4");
	fx_response(s, GROUP_PARTNER, "a=5,b=4,c=4");
	fx_response(s, GROUP_PARTNER, "a=4,b=4,c=4");
	fx_response(s, GROUP_PARTNER, "a=4,b=4,c=4");
	metrics_survey_results_init(&r);
	assert_int_equal(metrics_survey_results(&p, in, 0, NULL, D("2016-01-01"),
	    D("2016-12-31"), &r), 0);
	assert_int_equal(r.surveys, 1);
	assert_int_equal(r.shown[SURVEY_COL_BACKBONE], 0);
	assert_int_equal(r.responses[SURVEY_COL_BACKBONE], 0);
	assert_int_equal(r.shown[SURVEY_COL_PARTNER], 1);
	assert_int_equal(r.responses[SURVEY_COL_PARTNER], 4);
	assert_int_equal(r.shown[SURVEY_COL_DIRECTOR], 0);
	assert_int_equal(r.shown[SURVEY_COL_ALL], 0);
	assert_int_equal(r.responses[SURVEY_COL_ALL], 0);
	for (size_t i = 0; i < r.items.n; i++) {
		assert_suppressed(&r.items.v[i].col[SURVEY_COL_BACKBONE]);
		assert_suppressed(&r.items.v[i].col[SURVEY_COL_DIRECTOR]);
		assert_suppressed(&r.items.v[i].col[SURVEY_COL_ALL]);
		assert_int_equal(r.items.v[i].has_gap, 0);
		assert_true(r.items.v[i].gap == 0);
	}
	for (size_t i = 0; i < r.categories.n; i++) {
		assert_suppressed(&r.categories.v[i].col[SURVEY_COL_BACKBONE]);
		assert_suppressed(&r.categories.v[i].col[SURVEY_COL_ALL]);
	}
	/* the partners, over four answers: (5+5+4+4)/4 = 4.5 */
	row = metrics_survey_row(&r, "a", NULL);
	assert_non_null(row);
	assert_mean(&row->col[SURVEY_COL_PARTNER], 4.5, 4);
	assert_int_equal(row->col[SURVEY_COL_PARTNER].dist[0], 0);
	assert_int_equal(row->col[SURVEY_COL_PARTNER].dist[3], 2);
	assert_int_equal(row->col[SURVEY_COL_PARTNER].dist[4], 2);
	metrics_survey_results_release(&r);
	program_release(&p);
}

/*
 * Only two groups answered, both too small together: the overall alone
 * is shown (nothing can be subtracted from it).
 */
static void
test_only_overall(void **state)
{
	struct program p;
	struct initiative *in = build(&p);
	struct survey *s = fx_survey(&p, in, "s1", "inst", "2016-03-01", "2016-03-31");
	struct survey_results r;
	const struct survey_row *row;

	(void)state;
	fx_response(s, GROUP_BACKBONE, "a=1,b=1,c=1");
	fx_response(s, GROUP_BACKBONE, "a=2,b=1,c=1");
	fx_response(s, GROUP_DIRECTOR, "a=5,b=4,c=4");
	fx_response(s, GROUP_PARTNER, "a=4,b=4,c=4");
	fx_response(s, GROUP_PARTNER, "a=4,b=4,c=4");
	metrics_survey_results_init(&r);
	assert_int_equal(metrics_survey_results(&p, in, 0, "s1", 0, 0, &r), 0);
	assert_int_equal(r.shown[SURVEY_COL_BACKBONE], 0);
	assert_int_equal(r.shown[SURVEY_COL_DIRECTOR], 0);
	assert_int_equal(r.shown[SURVEY_COL_PARTNER], 0);
	assert_int_equal(r.shown[SURVEY_COL_ALL], 1);
	row = metrics_survey_row(&r, "a", NULL);
	assert_mean(&row->col[SURVEY_COL_ALL], 16.0 / 5, 5);
	assert_int_equal(row->has_gap, 0);
	metrics_survey_results_release(&r);
	program_release(&p);
}

/*
 * One director among three backbone and four partner responses: the
 * director's answer would be "all − backbone − partner", so the overall
 * (everyone) mean is the one hidden; the backbone and the partners are
 * shown, with their perception gap (DESIGN §4).
 */
static void
test_director_not_recoverable(void **state)
{
	struct program p;
	struct initiative *in = build(&p);
	struct survey *s = fx_survey(&p, in, "s1", "inst", "2016-03-01", NULL);
	struct survey_results r;

	(void)state;
	for (int i = 0; i < 3; i++)
		fx_response(s, GROUP_BACKBONE, "a=4,b=4,c=4");
	fx_response(s, GROUP_DIRECTOR, "a=1,b=1,c=1");
	for (int i = 0; i < 4; i++)
		fx_response(s, GROUP_PARTNER, "a=3,b=3,c=3");
	metrics_survey_results_init(&r);
	/* open: nothing is counted until it closes, by id or in a window (DESIGN §4) */
	assert_int_equal(metrics_survey_results(&p, in, 0, "s1", 0, 0, &r), 0);
	assert_int_equal(r.open, 1);
	assert_int_equal(r.surveys, 0);
	assert_int_equal(metrics_survey_any_shown(&r), 0);
	for (int g = 0; g < SURVEY_COL__MAX; g++)
		assert_int_equal(r.responses[g], 0);
	for (size_t i = 0; i < r.items.n; i++)
		assert_suppressed(&r.items.v[i].col[SURVEY_COL_ALL]);
	assert_int_equal(metrics_survey_results(&p, in, 0, NULL, D("2016-01-01"),
	    D("2016-12-31"), &r), 0);
	assert_int_equal(r.surveys, 0);
	assert_int_equal(metrics_survey_any_shown(&r), 0);
	s->closed = D("2016-03-31");
	assert_int_equal(metrics_survey_results(&p, in, 0, NULL, D("2016-01-01"),
	    D("2016-12-31"), &r), 0);
	assert_int_equal(r.open, 0);
	assert_int_equal(r.shown[SURVEY_COL_DIRECTOR], 0);
	assert_int_equal(r.shown[SURVEY_COL_BACKBONE], 1);
	assert_int_equal(r.shown[SURVEY_COL_PARTNER], 1);
	assert_int_equal(r.shown[SURVEY_COL_ALL], 0);
	assert_int_equal(r.responses[SURVEY_COL_BACKBONE], 3);
	assert_int_equal(r.responses[SURVEY_COL_PARTNER], 4);
	assert_int_equal(r.responses[SURVEY_COL_ALL], 0);
	for (size_t i = 0; i < r.items.n; i++) {
		assert_suppressed(&r.items.v[i].col[SURVEY_COL_DIRECTOR]);
		assert_suppressed(&r.items.v[i].col[SURVEY_COL_ALL]);
		assert_mean(&r.items.v[i].col[SURVEY_COL_BACKBONE], 4.0, 3);
		assert_mean(&r.items.v[i].col[SURVEY_COL_PARTNER], 3.0, 4);
		assert_int_equal(r.items.v[i].has_gap, 1);
		assert_true(fabs(r.items.v[i].gap - 1.0) < EPS);
	}
	for (size_t i = 0; i < r.categories.n; i++) {
		assert_suppressed(&r.categories.v[i].col[SURVEY_COL_ALL]);
		assert_int_equal(r.categories.v[i].has_gap, 1);
	}
	/* the change between rounds then reads the partners' */
	assert_int_equal(metrics_survey_change_col(&r), SURVEY_COL_PARTNER);
	metrics_survey_results_release(&r);
	program_release(&p);
}

/*
 * The link maker's attack (issue 16): three answers carry the director's
 * group, the director's own and two the maker gave himself. The director
 * is one person, never a group: the director column is not shown however
 * many answers it holds, and everyone's mean is hidden too, since
 * everyone − backbone − partners would be that group, from which the
 * maker subtracts his own two. What is shown holds none of the director's
 * answers.
 */
static void
test_director_never_a_group(void **state)
{
	struct program p;
	struct initiative *in = build(&p);
	struct survey *s = fx_survey(&p, in, "s1", "inst", "2016-03-01", "2016-03-31");
	struct survey_results r;

	(void)state;
	for (int i = 0; i < 3; i++)
		fx_response(s, GROUP_BACKBONE, "a=4,b=4,c=4");
	for (int i = 0; i < 3; i++)
		fx_response(s, GROUP_PARTNER, "a=2,b=2,c=2");
	metrics_survey_results_init(&r);
	assert_int_equal(metrics_survey_results(&p, in, 0, "s1", 0, 0, &r), 0);
	assert_int_equal(r.shown[SURVEY_COL_ALL], 1);
	assert_int_equal(metrics_survey_change_col(&r), SURVEY_COL_ALL);
	assert_mean(&r.items.v[0].col[SURVEY_COL_ALL], 3.0, 6);
	assert_int_equal(r.items.v[0].has_gap, 1);
	fx_response(s, GROUP_DIRECTOR, "a=1,b=5,c=3");	/* the director */
	fx_response(s, GROUP_DIRECTOR, "a=5,b=5,c=5");	/* the maker, twice */
	fx_response(s, GROUP_DIRECTOR, "a=5,b=5,c=5");
	assert_int_equal(metrics_survey_results(&p, in, 0, "s1", 0, 0, &r), 0);
	assert_int_equal(r.shown[SURVEY_COL_DIRECTOR], 0);
	assert_int_equal(r.shown[SURVEY_COL_ALL], 0);
	assert_int_equal(r.responses[SURVEY_COL_DIRECTOR], 0);
	assert_int_equal(r.responses[SURVEY_COL_ALL], 0);
	for (size_t i = 0; i < r.items.n; i++) {
		assert_suppressed(&r.items.v[i].col[SURVEY_COL_DIRECTOR]);
		assert_suppressed(&r.items.v[i].col[SURVEY_COL_ALL]);
		/* what shows is the backbone's and the partners' own, unchanged */
		assert_mean(&r.items.v[i].col[SURVEY_COL_BACKBONE], 4.0, 3);
		assert_mean(&r.items.v[i].col[SURVEY_COL_PARTNER], 2.0, 3);
	}
	for (size_t i = 0; i < r.categories.n; i++) {
		assert_suppressed(&r.categories.v[i].col[SURVEY_COL_DIRECTOR]);
		assert_suppressed(&r.categories.v[i].col[SURVEY_COL_ALL]);
	}
	metrics_survey_results_release(&r);
	program_release(&p);
}

/* Bands at exactly 3.0 and 4.0, in the function and through the data. */
static void
test_bands(void **state)
{
	struct program p;
	struct initiative *in = build(&p);
	struct survey *s = fx_survey(&p, in, "s1", "inst", "2016-03-01", "2016-03-31");
	struct survey_results r;

	(void)state;
	assert_int_equal(survey_band(4.0), SURVEY_BAND_STRENGTH);
	assert_int_equal(survey_band(3.99), SURVEY_BAND_DISCUSS);
	assert_int_equal(survey_band(3.0), SURVEY_BAND_DISCUSS);
	assert_int_equal(survey_band(2.99), SURVEY_BAND_CONCERN);
	assert_int_equal(survey_band(1.0), SURVEY_BAND_CONCERN);

	/* a: 4,4,4 → 4.0; b: 3,3,3 → 3.0; c: 3,3,2 → 2.67 */
	fx_response(s, GROUP_PARTNER, "a=4,b=3,c=3");
	fx_response(s, GROUP_PARTNER, "a=4,b=3,c=3");
	fx_response(s, GROUP_PARTNER, "a=4,b=3,c=2");
	metrics_survey_results_init(&r);
	assert_int_equal(metrics_survey_results(&p, in, 0, "s1", 0, 0, &r), 0);
	assert_int_equal(r.items.v[0].col[SURVEY_COL_PARTNER].band, SURVEY_BAND_STRENGTH);
	assert_int_equal(r.items.v[1].col[SURVEY_COL_PARTNER].band, SURVEY_BAND_DISCUSS);
	assert_int_equal(r.items.v[2].col[SURVEY_COL_PARTNER].band, SURVEY_BAND_CONCERN);
	/* category x pools a and b: 21 / 6 = 3.5; y is c alone */
	assert_int_equal(r.categories.n, 2);
	assert_string_equal(r.categories.v[0].category, "x");
	assert_null(r.categories.v[0].code);
	assert_mean(&r.categories.v[0].col[SURVEY_COL_PARTNER], 3.5, 6);
	assert_int_equal(r.categories.v[0].col[SURVEY_COL_PARTNER].band, SURVEY_BAND_DISCUSS);
	assert_mean(&r.categories.v[1].col[SURVEY_COL_ALL], 8.0 / 3, 3);
	metrics_survey_results_release(&r);
	program_release(&p);
}

/* The gap is backbone − partner, and only with both groups of 3 or more. */
static void
test_gap(void **state)
{
	struct program p;
	struct initiative *in = build(&p);
	struct survey *s = fx_survey(&p, in, "s1", "inst", "2016-03-01", "2016-03-31");
	struct survey_results r;
	const struct survey_row *row;

	(void)state;
	fx_response(s, GROUP_BACKBONE, "a=5,b=5");
	fx_response(s, GROUP_BACKBONE, "a=5,b=4");
	fx_response(s, GROUP_BACKBONE, "a=4,b=4");
	fx_response(s, GROUP_PARTNER, "a=3,b=2,c=4");
	fx_response(s, GROUP_PARTNER, "a=2,b=2,c=4");
	fx_response(s, GROUP_PARTNER, "a=2,b=2,c=4");
	fx_response(s, GROUP_PARTNER, "a=1");
	metrics_survey_results_init(&r);
	assert_int_equal(metrics_survey_results(&p, in, 0, "s1", 0, 0, &r), 0);
	row = metrics_survey_row(&r, "a", NULL);
	assert_int_equal(row->has_gap, 1);
	/* 14/3 − 8/4 */
	assert_true(fabs(row->gap - (14.0 / 3 - 2.0)) < EPS);
	/* c: no backbone answers, so no gap; the partners' 3 answers are shown */
	row = metrics_survey_row(&r, "c", NULL);
	assert_int_equal(row->has_gap, 0);
	assert_true(row->gap == 0);
	assert_suppressed(&row->col[SURVEY_COL_BACKBONE]);
	assert_mean(&row->col[SURVEY_COL_PARTNER], 4.0, 3);
	/* a survey id of another instrument, or unknown: -1 */
	assert_int_equal(metrics_survey_results(&p, in, 0, "nope", 0, 0, &r), -1);
	assert_int_equal(r.items.n, 0);
	assert_int_equal(metrics_survey_results(&p, in, 7, NULL, 0, 0, &r), -1);
	metrics_survey_results_release(&r);
	program_release(&p);
}

/* A row where only 2 partners answered hides the partners there, and the overall by residual. */
static void
test_row_level_floor(void **state)
{
	struct program p;
	struct initiative *in = build(&p);
	struct survey *s = fx_survey(&p, in, "s1", "inst", "2016-03-01", "2016-03-31");
	struct survey_results r;
	const struct survey_row *row;

	(void)state;
	for (int i = 0; i < 3; i++)
		fx_response(s, GROUP_BACKBONE, "a=4,b=4");
	fx_response(s, GROUP_PARTNER, "a=2,b=1");
	fx_response(s, GROUP_PARTNER, "a=2,b=2");
	fx_response(s, GROUP_PARTNER, "a=2");
	metrics_survey_results_init(&r);
	assert_int_equal(metrics_survey_results(&p, in, 0, "s1", 0, 0, &r), 0);
	row = metrics_survey_row(&r, "a", NULL);
	assert_int_equal(row->has_gap, 1);
	row = metrics_survey_row(&r, "b", NULL);
	assert_suppressed(&row->col[SURVEY_COL_PARTNER]);
	assert_suppressed(&row->col[SURVEY_COL_ALL]);
	assert_mean(&row->col[SURVEY_COL_BACKBONE], 4.0, 3);
	assert_int_equal(row->has_gap, 0);
	metrics_survey_results_release(&r);
	program_release(&p);
}

/* Change between two rounds, and the report's "now" and "before". */
static void
test_change_between_rounds(void **state)
{
	struct program p;
	struct initiative *in = build(&p);
	struct survey *s1 = fx_survey(&p, in, "s1", "inst", "2015-05-01", "2015-05-31");
	struct survey *s2 = fx_survey(&p, in, "s2", "inst", "2016-10-01", "2016-10-31");
	struct survey_results a, b;
	struct report rep;
	double d;

	(void)state;
	for (int i = 0; i < 3; i++) {
		fx_response(s1, GROUP_PARTNER, "a=2,b=3");
		fx_response(s2, GROUP_PARTNER, "a=4,b=3");
	}
	metrics_survey_results_init(&a);
	metrics_survey_results_init(&b);
	assert_int_equal(metrics_survey_results(&p, in, 0, "s1", 0, 0, &a), 0);
	assert_int_equal(metrics_survey_results(&p, in, 0, "s2", 0, 0, &b), 0);
	assert_int_equal(metrics_survey_change(metrics_survey_row(&a, "a", NULL),
	    metrics_survey_row(&b, "a", NULL), SURVEY_COL_PARTNER, &d), 0);
	assert_true(fabs(d - 2.0) < EPS);
	assert_int_equal(metrics_survey_change(metrics_survey_row(&a, "b", NULL),
	    metrics_survey_row(&b, "b", NULL), SURVEY_COL_PARTNER, &d), 0);
	assert_true(fabs(d) < EPS);
	/* no backbone answers in either round: no change to show */
	assert_int_equal(metrics_survey_change(metrics_survey_row(&a, "a", NULL),
	    metrics_survey_row(&b, "a", NULL), SURVEY_COL_BACKBONE, &d), -1);
	/* c was never answered: nothing to compare */
	assert_int_equal(metrics_survey_change(metrics_survey_row(&a, "c", NULL),
	    metrics_survey_row(&b, "c", NULL), SURVEY_COL_ALL, &d), -1);
	assert_int_equal(metrics_survey_change(NULL, &b.items.v[0], SURVEY_COL_ALL, &d), -1);

	/* the report over 2016 has s2 now and s1 before */
	metrics_report_init(&rep);
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, NULL, &rep), 0);
	assert_int_equal(rep.surveys.n, 1);
	assert_int_equal(rep.surveys.v[0].now.surveys, 1);
	assert_int_equal(rep.surveys.v[0].has_before, 1);
	assert_int_equal(rep.surveys.v[0].before.surveys, 1);
	assert_mean(&rep.surveys.v[0].before.items.v[0].col[SURVEY_COL_PARTNER], 2.0, 3);
	assert_mean(&rep.surveys.v[0].now.items.v[0].col[SURVEY_COL_PARTNER], 4.0, 3);
	metrics_report_release(&rep);

	/*
	 * One backbone answer in round 1: hidden, and everyone's mean with it
	 * (else all − partners would give it away); the partners stay, so
	 * their change still shows, and everyone's change does not.
	 */
	fx_response(s1, GROUP_BACKBONE, "a=5");
	assert_int_equal(metrics_survey_results(&p, in, 0, "s1", 0, 0, &a), 0);
	assert_int_equal(a.shown[SURVEY_COL_PARTNER], 1);
	assert_int_equal(a.shown[SURVEY_COL_ALL], 0);
	assert_int_equal(metrics_survey_change(metrics_survey_row(&a, "a", NULL),
	    metrics_survey_row(&b, "a", NULL), SURVEY_COL_PARTNER, &d), 0);
	assert_true(fabs(d - 2.0) < EPS);
	assert_int_equal(metrics_survey_change(metrics_survey_row(&a, "a", NULL),
	    metrics_survey_row(&b, "a", NULL), SURVEY_COL_ALL, &d), -1);
	metrics_survey_results_release(&a);
	metrics_survey_results_release(&b);
	program_release(&p);
}

/* Surveys outside the window, or of another instrument, are not counted. */
static void
test_window(void **state)
{
	struct program p;
	struct initiative *in = build(&p);
	struct survey *s1 = fx_survey(&p, in, "s1", "inst", "2015-05-01", "2016-01-05");
	struct survey *s2 = fx_survey(&p, in, "s2", "inst", "2015-05-01", "2015-12-31");
	struct survey_results r;

	(void)state;
	for (int i = 0; i < 3; i++) {
		fx_response(s1, GROUP_PARTNER, "a=5,zz=1");	/* zz: no item */
		fx_response(s2, GROUP_PARTNER, "a=1");
	}
	metrics_survey_results_init(&r);
	assert_int_equal(metrics_survey_results(&p, in, 0, NULL, D("2016-01-01"),
	    D("2016-12-31"), &r), 0);
	assert_int_equal(r.surveys, 1);
	assert_mean(&r.items.v[0].col[SURVEY_COL_ALL], 5.0, 3);
	metrics_survey_results_release(&r);
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_group_suppressed),
		cmocka_unit_test(test_only_overall),
		cmocka_unit_test(test_director_not_recoverable),
		cmocka_unit_test(test_director_never_a_group),
		cmocka_unit_test(test_bands),
		cmocka_unit_test(test_gap),
		cmocka_unit_test(test_row_level_floor),
		cmocka_unit_test(test_change_between_rounds),
		cmocka_unit_test(test_window),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
