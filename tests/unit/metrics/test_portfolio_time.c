/*
 * The portfolio over time (metrics/series.c): the quarter ends between two
 * dates, grant burn at a date, and the demo's series, every point of which
 * is the report at that quarter's end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/metrics.h"
#include "metrics/series.h"
#include "model/demo.h"
#include "model/fields.h"

static tdate
d(int y, int m, int dd)
{
	return date_from_ymd(y, m, dd);
}

static void
test_quarter_ends(void **state)
{
	tdate e[8];
	size_t n;

	(void)state;
	n = metrics_quarter_ends(d(2014, 2, 15), d(2014, 12, 30), e, 8);
	assert_int_equal(n, 3);
	assert_int_equal(e[0], d(2014, 3, 31));
	assert_int_equal(e[1], d(2014, 6, 30));
	assert_int_equal(e[2], d(2014, 9, 30));
	/* a start on a quarter's last day counts that quarter; the end is inclusive */
	n = metrics_quarter_ends(d(2014, 6, 30), d(2014, 12, 31), e, 8);
	assert_int_equal(n, 3);
	assert_int_equal(e[0], d(2014, 6, 30));
	assert_int_equal(e[2], d(2014, 12, 31));
	/* at most max: the latest kept */
	n = metrics_quarter_ends(d(2014, 1, 1), d(2015, 12, 31), e, 3);
	assert_int_equal(n, 3);
	assert_int_equal(e[0], d(2015, 6, 30));
	assert_int_equal(e[2], d(2015, 12, 31));
	/* no quarter has ended yet */
	assert_int_equal(metrics_quarter_ends(d(2014, 4, 1), d(2014, 6, 29), e, 8), 0);
}

static void
test_grant_burn(void **state)
{
	struct initiative in;
	struct grant *g;
	struct ledger_entry *e;
	struct metrics_burn b;

	(void)state;
	memset(&in, 0, sizeof(in));
	g = VEC_PUSH(&in.grants);
	g->amount = 100000;	/* $1,000 over 2015 */
	g->start = d(2015, 1, 1);
	g->end = d(2015, 12, 31);
	g = VEC_PUSH(&in.grants);
	g->amount = 50000;	/* from 2016: not started at mid-2015 */
	g->start = d(2016, 1, 1);
	g->end = d(2016, 12, 31);
	e = VEC_PUSH(&in.ledger);
	e->grant.idx = 0;
	e->date = d(2015, 3, 1);
	e->amount = 30000;
	e = VEC_PUSH(&in.ledger);
	e->grant.idx = 0;
	e->date = d(2015, 9, 1);
	e->amount = 20000;
	e = VEC_PUSH(&in.ledger);
	e->grant.idx = 1;
	e->date = d(2016, 2, 1);
	e->amount = 10000;

	metrics_grant_burn(&in, d(2014, 12, 31), &b);
	assert_int_equal(b.grants, 0);
	assert_int_equal(b.awarded, 0);
	assert_true(b.elapsed == 0);

	metrics_grant_burn(&in, d(2015, 6, 30), &b);
	assert_int_equal(b.grants, 1);
	assert_int_equal(b.awarded, 100000);
	assert_int_equal(b.spent, 30000);
	assert_float_equal(b.elapsed, 181.0 / 365.0, 1e-12);

	/* both grants: elapsed weighted by amount (1 x 100000 + 0.5 x 50000) / 150000 */
	metrics_grant_burn(&in, d(2016, 7, 1), &b);
	assert_int_equal(b.grants, 2);
	assert_int_equal(b.awarded, 150000);
	assert_int_equal(b.spent, 60000);
	assert_float_equal(b.elapsed, (100000.0 + 50000.0 * 183.0 / 366.0) / 150000.0, 1e-12);
	VEC_FREE(&in.grants);
	VEC_FREE(&in.ledger);
}

/* Every point of every demo initiative's series is the report at that quarter's end. */
static void
test_demo_series_is_the_report(void **state)
{
	struct program p;
	tdate as_of = d(2016, 12, 31);

	(void)state;
	program_init(&p);
	demo_build(&p, DEMO_DEFAULT_SEED);
	for (size_t i = 0; i < p.initiatives.n; i++) {
		const struct initiative *in = &p.initiatives.v[i];
		struct series s;

		metrics_series_init(&s);
		assert_int_equal(metrics_series(&p, in, as_of, 12, NULL, &s), 0);
		assert_true(s.points.n >= 8);
		assert_int_equal(s.points.v[s.points.n - 1].as_of, as_of);
		for (size_t k = 0; k < s.points.n; k++) {
			const struct series_point *pt = &s.points.v[k];
			struct report r;

			metrics_report_init(&r);
			assert_int_equal(metrics_report(&p, in, pt->as_of, 12, NULL, &r), 0);
			assert_int_equal(pt->back.type, r.stepping_back.type);
			assert_true(pt->back.value == r.stepping_back.value);
			assert_int_equal(pt->back.nparts, r.stepping_back.nparts);
			assert_true(pt->up.value == r.stepping_up.value);
			assert_int_equal(pt->up.nparts, r.stepping_up.nparts);
			assert_int_equal(pt->alerts, r.alerts.n);
			assert_int_equal(pt->progress.type, r.fig[FIG_RESULT_PROGRESS].type);
			if (k > 0)
				assert_true(pt->as_of > s.points.v[k - 1].as_of);
			metrics_report_release(&r);
		}
		metrics_series_release(&s);
	}
	program_release(&p);
}

/*
 * Open actions at each quarter's end: those agreed for a period ending by
 * then that are open (today): a done one never counts, a later one not yet.
 * The hours of assistance given by then.
 */
static void
test_open_actions(void **state)
{
	struct program p;
	struct initiative *in;
	struct series s;
	struct {
		tdate period;
		int status;
	} acts[] = {
		{ 0, ACTION_OPEN }, { 0, ACTION_DONE }, { 0, ACTION_OPEN },
	};
	size_t want[] = { 0, 1, 1, 2, 2 };

	(void)state;
	acts[0].period = acts[1].period = d(2016, 3, 31);
	acts[2].period = d(2016, 9, 30);
	program_init(&p);
	demo_build(&p, DEMO_DEFAULT_SEED);
	in = &p.initiatives.v[0];
	/* and assistance: 3 hours in February 2016, 1.5 in August */
	for (int i = 0; i < 2; i++) {
		struct assistance *a = anyvec_push((struct anyvec *)&in->assistance, &kind_assistance);

		a->date = i ? d(2016, 8, 1) : d(2016, 2, 1);
		a->hours = i ? 1.5 : 3;
	}
	for (size_t i = 0; i < sizeof(acts) / sizeof(acts[0]); i++) {
		struct action *a = anyvec_push((struct anyvec *)&in->actions, &kind_action);

		a->period = acts[i].period;
		a->status = acts[i].status;
	}
	metrics_series_init(&s);
	assert_int_equal(metrics_series(&p, in, d(2016, 12, 31), 12, NULL, &s), 0);
	assert_true(s.points.n >= 5);
	for (size_t k = 0; k < 5; k++) {
		const struct series_point *pt = &s.points.v[s.points.n - 5 + k];

		assert_int_equal(pt->as_of, k == 0 ? d(2015, 12, 31) : k == 1 ? d(2016, 3, 31) :
		    k == 2 ? d(2016, 6, 30) : k == 3 ? d(2016, 9, 30) : d(2016, 12, 31));
		assert_int_equal(pt->actions, want[k]);
		assert_true(pt->assistance == (k == 0 ? 0 : k < 3 ? 3 : 4.5));
	}
	metrics_series_release(&s);
	program_release(&p);
}

static void
test_bad_window(void **state)
{
	struct program p;
	struct series s;

	(void)state;
	program_init(&p);
	demo_build(&p, DEMO_DEFAULT_SEED);
	metrics_series_init(&s);
	assert_int_equal(metrics_series(&p, &p.initiatives.v[0], d(2016, 12, 31), 0, NULL, &s), -1);
	assert_int_equal(metrics_series(&p, &p.initiatives.v[0], DATE_NONE, 12, NULL, &s), -1);
	assert_int_equal(s.points.n, 0);
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quarter_ends),
		cmocka_unit_test(test_grant_burn),
		cmocka_unit_test(test_demo_series_is_the_report),
		cmocka_unit_test(test_open_actions),
		cmocka_unit_test(test_bad_window),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
