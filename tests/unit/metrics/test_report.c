/*
 * The balance report over small hand-computed fixtures. Every expected
 * value below is worked out by hand in the comment beside it.
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
#include "fixture.h"

#define EPS 1e-9

static void
fig_is_num(const struct report *r, int f, double v, int64_t n)
{
	if (r->fig[f].type != MV_NUMBER)
		fail_msg("%s: expected a number, got type %d", metrics_fig_names[f],
		    r->fig[f].type);
	if (r->fig[f].value < v - EPS || r->fig[f].value > v + EPS)
		fail_msg("%s: expected %.12g, got %.12g", metrics_fig_names[f], v,
		    r->fig[f].value);
	if (r->fig[f].n != n)
		fail_msg("%s: expected n %lld, got %lld", metrics_fig_names[f],
		    (long long)n, (long long)r->fig[f].n);
}

static void
fig_is_null(const struct report *r, int f, int64_t n)
{
	if (r->fig[f].type != MV_NULL)
		fail_msg("%s: expected null, got %.12g", metrics_fig_names[f],
		    r->fig[f].value);
	if (r->fig[f].n != n)
		fail_msg("%s: expected n %lld, got %lld", metrics_fig_names[f],
		    (long long)n, (long long)r->fig[f].n);
}

static void
fig_is_bool(const struct report *r, int f, int v, int64_t n)
{
	if (r->fig[f].type != MV_BOOL || (r->fig[f].value != 0) != v)
		fail_msg("%s: expected %s", metrics_fig_names[f], v ? "true" : "false");
	assert_int_equal(r->fig[f].n, n);
}

static const struct metrics_alert *
find_alert(const struct report *r, const char *code)
{
	for (size_t i = 0; i < r->alerts.n; i++)
		if (strcmp(r->alerts.v[i].code, code) == 0)
			return &r->alerts.v[i];
	return NULL;
}

static int
has_strength(const struct report *r, const char *code)
{
	for (size_t i = 0; i < r->strengths.n; i++)
		if (strcmp(r->strengths.v[i].code, code) == 0)
			return 1;
	return 0;
}

/* The evidence v[0..n) of code is exactly the ids listed (comma-separated). */
static void
assert_ids(const char *code, const char *const *v, size_t n, const char *ids)
{
	char buf[256], *s, *comma;
	size_t i = 0;

	snprintf(buf, sizeof(buf), "%s", ids);
	for (s = buf; s && *s; s = comma) {
		comma = strchr(s, ',');
		if (comma)
			*comma++ = '\0';
		if (i >= n)
			fail_msg("%s: evidence too short, missing %s", code, s);
		assert_string_equal(v[i], s);
		i++;
	}
	assert_int_equal(n, i);
}

/* Evidence of alert a is exactly the ids listed (comma-separated). */
static void
assert_evidence(const struct metrics_alert *a, const char *ids)
{
	assert_non_null(a);
	assert_ids(a->code, a->evidence.v, a->evidence.n, ids);
}

/* Evidence of the strength called code in r is exactly the ids listed. */
static void
assert_strength_evidence(const struct report *r, const char *code, const char *ids)
{
	for (size_t i = 0; i < r->strengths.n; i++)
		if (strcmp(r->strengths.v[i].code, code) == 0) {
			assert_ids(code, r->strengths.v[i].evidence.v, r->strengths.v[i].evidence.n, ids);
			return;
		}
	fail_msg("no strength %s", code);
}

/*
 * The main fixture. Window: as-of 2016-12-31, 12 months → 2016-01-01 …
 * 2016-12-31. T = {bb, co, pa, pb} (pb left on the window's first day;
 * gone left the day before; late joins after), O = {co, pa, pb}.
 */
static void
build_main(struct program *p)
{
	struct initiative *in;
	struct grant *g;
	struct survey *s;

	program_init(p);
	program_add_builtin_instruments(p);
	fx_org(p, "bb", SECTOR_NONPROFIT);
	fx_org(p, "co", SECTOR_PUBLIC);
	fx_org(p, "pa", SECTOR_PRIVATE);
	fx_org(p, "pb", SECTOR_NONPROFIT);
	fx_org(p, "gone", SECTOR_EDUCATION);
	fx_org(p, "late", SECTOR_HEALTH);
	fx_org(p, "out", SECTOR_OTHER);
	{
		struct person *pe = VEC_PUSH(&p->people);

		pe->slug = xstrdup("dir");
		pe->name = xstrdup("Dana Director");
		pe->org = fx_ref(p, "bb");
	}

	in = fx_initiative(p, "main", "2014-06-15", "2016-09-20", "bb", "bb");
	fx_refs(p, &in->committee, "bb,co,gone");
	fx_member(p, in, "bb", ROLE_BACKBONE, "2014-01-01", NULL);
	fx_member(p, in, "co", ROLE_COLEAD, "2014-01-01", NULL);
	fx_member(p, in, "pa", ROLE_PARTNER, "2016-06-01", NULL);
	fx_member(p, in, "pb", ROLE_PARTNER, "2014-01-01", "2016-01-01");
	fx_member(p, in, "gone", ROLE_PARTNER, "2014-01-01", "2015-12-31");
	fx_member(p, in, "late", ROLE_PARTNER, "2017-01-01", NULL);

	/* Decisions: see test_decisions for the arithmetic. */
	fx_decision(p, in, "d1", CAT_STRATEGY, "2016-01-01", "2016-01-03", "bb",
	    NULL, NULL, "");
	fx_decision(p, in, "d2", CAT_FINANCIAL, "2016-02-01", "2016-02-11", "bb",
	    "co", "pa,pb", "We weighed a loan instead.");
	fx_decision(p, in, "d3", CAT_PERSONNEL, "2016-03-01", "2016-03-04",
	    "committee", "pa", NULL, "   ");
	fx_decision(p, in, "d4", CAT_PROGRAM, "2016-04-01", "2016-04-21", "team",
	    NULL, NULL, NULL);
	fx_decision(p, in, "d5", CAT_STRATEGY, "2016-05-01", "2016-05-06", "gone",
	    "gone,out", NULL, NULL);
	fx_decision(p, in, "d6", CAT_FINANCIAL, "2016-06-01", "2016-06-30", "co",
	    "bb,pa,pb", NULL, "A partner objected.");
	fx_decision(p, in, "d7", CAT_STRATEGY, "2015-12-01", "2015-12-31", "bb",
	    NULL, NULL, NULL);
	fx_decision(p, in, "d8", CAT_STRATEGY, "2016-12-01", "2017-01-01", "bb",
	    NULL, NULL, NULL);

	/* Grants and ledger. */
	g = fx_grant(in, "g1", 100000, "2015-01-01", "2017-12-31", 1);
	fx_line(g, "staff", 50000);
	fx_line(g, "events", 20000);
	fx_grant(in, "g2", 20000, "2015-01-01", "2016-06-30", 0);
	fx_grant(in, "g3", 5000, "2017-02-01", "2018-01-31", 0);
	fx_grant(in, "g4", 1000, "2016-01-01", "2016-12-31", 0);
	fx_ledger(p, in, "l1", "2016-02-01", "g1", 30000, "co", "staff", 0);
	fx_ledger(p, in, "l2", "2016-03-01", "g1", 10000, NULL, "events", 1);
	fx_ledger(p, in, "l3", "2016-04-01", "g1", 25000, "pa", "staff", 0);
	fx_ledger(p, in, "l4", "2016-05-01", "g2", 5000, "out", NULL, 0);
	fx_ledger(p, in, "l5", "2016-07-01", "g2", 5000, "gone", NULL, 0);
	fx_ledger(p, in, "l6", "2015-06-01", "g1", 8000, "bb", "events", 0);
	fx_ledger(p, in, "l7", "2017-01-05", "g2", 50000, "pa", NULL, 0);
	fx_ledger(p, in, "l8", "2016-08-01", "g4", 1500, "pb", NULL, 0);

	fx_application(p, in, "a1", "2016-03-01", "bb", "co");
	fx_application(p, in, "a2", "2016-04-01", "pa", "out");
	fx_application(p, in, "a3", "2016-05-01", "out", "bb,pb");
	fx_application(p, in, "a4", "2015-01-01", "co", "pa");

	fx_credit(p, in, "k1", "2016-02-01", "bb,co");
	fx_credit(p, in, "k2", "2016-03-01", "bb");
	fx_credit(p, in, "k3", "2016-04-01", "pa,out,gone");
	fx_credit(p, in, "k4", "2015-04-01", "pa,pb");

	fx_contribution(p, in, "c1", "2016-02-01", "bb", "co", CONTRIB_DATA, 10);
	fx_contribution(p, in, "c2", "2016-03-01", "bb", "co", CONTRIB_STAFFING, 5);
	fx_contribution(p, in, "c3", "2016-04-01", "bb", "out", CONTRIB_DATA, 7);
	fx_contribution(p, in, "c4", "2016-05-01", "co", "pa", CONTRIB_DATA, 3);
	fx_contribution(p, in, "c5", "2015-05-01", "bb", "pa", CONTRIB_DATA, 2);

	fx_checkin(in, "ch1", "2016-01-20");
	fx_checkin(in, "ch2", "2016-03-02");
	fx_checkin(in, "ch3", "2016-03-28");
	fx_checkin(in, "ch4", "2016-09-25");
	fx_checkin(in, "ch5", "2015-12-31");

	fx_event(p, in, "e1", "2016-02-01", "bb,co,pa", "bb,co,out");
	fx_event(p, in, "e2", "2016-03-01", "co,pb", "co,pb");
	fx_event(p, in, "e3", "2015-01-01", "bb", "");
	fx_event(p, in, "e4", "2016-04-01", "", "bb");

	fx_responsibility(p, in, "approve budget", "bb=A,co=R");
	fx_responsibility(p, in, "grant writing", "co=A,pa=A");
	fx_responsibility(p, in, "convene team meetings", "bb=R");
	fx_responsibility(p, in, "data analysis", "pa=A");

	in->has_director = 1;
	in->director.person.slug = xstrdup("dir");
	in->director.person.idx = 0;
	in->director.employer = fx_ref(p, "bb");
	fx_refs(p, &in->director.reports_to, "bb");

	in->has_result = 1;
	in->result.statement = xstrdup("cut crime 30%");
	in->result.indicator = xstrdup("crimes");
	in->result.unit = xstrdup("per 1,000");
	in->result.direction = DIR_DOWN;
	in->result.baseline_date = D("2014-01-01");
	in->result.baseline_value = 100;
	in->result.target_date = D("2024-01-01");
	in->result.target_value = 70;
	fx_observation(in, "2015-01-01", 97);
	fx_observation(in, "2016-06-30", 90);
	fx_observation(in, "2017-01-01", 50);

	s = fx_survey(p, in, "s1", "director-support", "2016-05-01", "2016-05-31");
	fx_response(s, GROUP_BACKBONE, "trusted=5,supported=4");
	fx_response(s, GROUP_PARTNER, "trusted=4");
	fx_response(s, GROUP_DIRECTOR, "supported=3,bogus=1");
	s = fx_survey(p, in, "s2", "director-support", "2015-11-01", NULL);
	fx_response(s, GROUP_PARTNER, "trusted=1");
	fx_response(s, GROUP_PARTNER, "trusted=1");
	fx_response(s, GROUP_PARTNER, "trusted=1");
	s = fx_survey(p, in, "s3", "balance", "2016-05-01", "2016-05-31");
	fx_response(s, GROUP_PARTNER, "dominance=1");
}

struct fx {
	struct program p;
	struct report r;
};

static int
setup_main(void **state)
{
	struct fx *f = xcalloc(1, sizeof(*f));

	build_main(&f->p);
	metrics_report_init(&f->r);
	assert_int_equal(metrics_report(&f->p, &f->p.initiatives.v[0],
	    D("2016-12-31"), 12, NULL, &f->r), 0);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	metrics_report_release(&f->r);
	program_release(&f->p);
	free(f);
	return 0;
}

static void
test_window(void **state)
{
	char b[DATE_BUFSZ];

	(void)state;
	assert_string_equal(date_format(metrics_window_start(D("2016-12-31"), 12), b),
	    "2016-01-01");
	assert_string_equal(date_format(metrics_window_start(D("2016-03-31"), 1), b),
	    "2016-03-01");
	assert_string_equal(date_format(metrics_window_start(D("2016-03-15"), 1), b),
	    "2016-02-16");
	assert_string_equal(date_format(metrics_window_start(D("2017-02-28"), 12), b),
	    "2016-02-29");
}

static void
test_team(void **state)
{
	struct fx *f = *state;

	assert_int_equal(f->r.team, 4);
	fig_is_num(&f->r, FIG_TEAM_SIZE, 4, 4);
	/* nonprofit (bb, pb), public, private */
	fig_is_num(&f->r, FIG_TEAM_SECTORS, 3, 4);
	assert_int_equal(f->r.start, D("2016-01-01"));
	assert_int_equal(f->r.end, D("2016-12-31"));
}

static void
test_decisions(void **state)
{
	struct fx *f = *state;
	double s2;

	/* D = d1..d6; alone: d1, d2. */
	fig_is_num(&f->r, FIG_DEC_BACKBONE_ALONE, 2.0 / 6, 6);
	/*
	 * Weights: bb 1 (d1) + 1 (d2) + .5 (d3 committee ∩ T = bb, co)
	 * + .25 (d4 team) = 2.75; co .5 + .25 + 1 (d6) = 1.75; pa .25;
	 * pb .25; d5 (gone, not in T) gives nothing. Total 5.
	 */
	s2 = (2.75 * 2.75 + 1.75 * 1.75 + .25 * .25 * 2) / 25;
	fig_is_num(&f->r, FIG_DEC_HHI, (s2 - .25) / .75, 6);
	fig_is_num(&f->r, FIG_DEC_HHI, 0.24, 6);
	/* Breadths: d1 1/4, d2 2/4, d3 3/4, d4 1, d5 0, d6 1. */
	fig_is_num(&f->r, FIG_DEC_BREADTH, 3.5 / 6, 6);
	/* Days 2, 10, 3, 20, 5, 29 → 2 3 5 10 20 29 → (5 + 10) / 2. */
	fig_is_num(&f->r, FIG_DEC_MEDIAN_DAYS, 7.5, 6);
	/* Rushed: d1 (2 days, .25), d5 (5 days, 0); d3 is 3 days but .75. */
	fig_is_num(&f->r, FIG_DEC_RUSHED, 2.0 / 6, 6);
	/* D_pf = d2 (closes via informed), d3 (pb left out), d6 (closes). */
	fig_is_num(&f->r, FIG_DEC_LOOP, 2.0 / 3, 3);
	/* D_key = d1 "", d2 text, d3 blanks, d5 NULL, d6 text. */
	fig_is_num(&f->r, FIG_DEC_CONTRARY, 2.0 / 5, 5);
	/* d3 committee, d4 team, d6 co-lead. */
	fig_is_num(&f->r, FIG_DEC_SHARED, 3.0 / 6, 6);
}

static void
test_money(void **state)
{
	struct fx *f = *state;
	double r2, tot = 56500;

	/* L = l1 l2 l3 l4 l5 l8 = 30000+10000+25000+5000+5000+1500. */
	fig_is_num(&f->r, FIG_FUNDS_SPENT, 76500, 6);
	/*
	 * O received co 30000, pa 25000, pb 1500; l2 (no recipient) paid an
	 * outside vendor: spent, but received by no one (not the fiscal
	 * agent bb). T received 56500 in all.
	 */
	fig_is_num(&f->r, FIG_FUNDS_PARTNER_SHARE, 56500.0 / 76500, 6);
	fig_is_num(&f->r, FIG_FUNDS_PARTNERS_PAID, 1, 3);
	assert_int_equal(f->r.partners_paid_count, 3);
	r2 = (30000.0 * 30000 + 25000.0 * 25000 + 1500.0 * 1500) / (tot * tot);
	fig_is_num(&f->r, FIG_FUNDS_HHI, (r2 - .25) / .75, 6);
	fig_is_num(&f->r, FIG_FUNDS_BACKBONE_OWN, 10000.0 / 76500, 6);
}

static void
test_grants(void **state)
{
	struct fx *f = *state;
	const struct initiative *in = &f->p.initiatives.v[0];

	/*
	 * Started ≤ as-of: g1, g2, g4. g1 73000 of 100000 (still open);
	 * g2 10000 of 20000, ended 2016-06-30 → unspent; g4 1500 of 1000 →
	 * overspent. l7 (after as-of) never counts.
	 */
	fig_is_num(&f->r, FIG_GRANTS_OVERSPENT, 1, 3);
	assert_int_equal(f->r.overspent.n, 1);
	assert_string_equal(in->grants.v[f->r.overspent.v[0]].id, "g4");
	fig_is_num(&f->r, FIG_GRANTS_UNSPENT_CLOSED, 1, 3);
	assert_string_equal(in->grants.v[f->r.unspent_closed.v[0]].id, "g2");
	/* g1 staff 55000 > 50000; events 18000 (l6 before the window counts) ≤ 20000. */
	fig_is_num(&f->r, FIG_GRANTS_LINES_OVER, 1, 2);
	assert_int_equal(f->r.lines_over.v[0].grant, 0);
	assert_int_equal(f->r.lines_over.v[0].line, 0);
	/* non-catalytic g2 + g4 = 21000 of 121000. */
	fig_is_num(&f->r, FIG_GRANTS_NONCATALYTIC, 21000.0 / 121000, 3);
	assert_true(f->r.grants_in_order > 1.0 / 3 - EPS &&
	    f->r.grants_in_order < 1.0 / 3 + EPS);
}

static void
test_applications_credit_valueadd(void **state)
{
	struct fx *f = *state;

	/* a1 bb+co joint; a2 pa (+out) not joint, partner-led; a3 out+bb+pb joint. */
	fig_is_num(&f->r, FIG_APPS_JOINT, 2.0 / 3, 3);
	fig_is_num(&f->r, FIG_APPS_PARTNER_LED, 1.0 / 3, 3);
	/* K = k1 (T 2, O 1), k2 (T 1, O 0), k3 (T 1: pa, O 1). */
	fig_is_num(&f->r, FIG_CREDIT_PARTNER_SHARE, 0.5, 4);
	/* co, pa of 3 partners */
	fig_is_num(&f->r, FIG_CREDIT_BREADTH, 2.0 / 3, 3);
	/* C = c1 (data 10), c2 (staffing 5). */
	fig_is_num(&f->r, FIG_VALUEADD_HOURS, 15, 2);
	assert_true(f->r.hours_by_type[CONTRIB_DATA] == 10);
	assert_true(f->r.hours_by_type[CONTRIB_STAFFING] == 5);
	assert_int_equal(f->r.count_by_type[CONTRIB_FACILITATION], 0);
	fig_is_num(&f->r, FIG_VALUEADD_REACH, 1.0 / 3, 3);
}

static void
test_oversight(void **state)
{
	struct fx *f = *state;
	const struct metrics_org_rate *o;

	/*
	 * Months touching the window and 2014-06-15 … 2016-09-20: Jan … Sep
	 * 2016 = 9. With a check-in: Jan, Mar (twice), Sep (the 25th, after
	 * the initiative's end but in a month that touches it).
	 */
	fig_is_num(&f->r, FIG_CHECKINS_COVERAGE, 3.0 / 9, 9);
	/* e1: 2 of 3 (out attended, not expected); e2: 2 of 2; e4: 0 of 0. */
	fig_is_num(&f->r, FIG_ENGAGEMENT_RATE, 4.0 / 5, 3);
	assert_int_equal(f->r.engagement_by_org.n, 4);
	o = &f->r.engagement_by_org.v[2];	/* pa */
	assert_int_equal(o->org, 2);
	assert_int_equal(o->attended, 0);
	assert_int_equal(o->expected, 1);
	o = &f->r.engagement_by_org.v[1];	/* co */
	assert_int_equal(o->attended, 2);
	assert_int_equal(o->expected, 2);
	/* exactly one A: approve budget, data analysis. */
	fig_is_num(&f->r, FIG_RACI_COMPLETE, 0.5, 4);
	/* with an A: approve budget (bb), grant writing, data analysis. */
	fig_is_num(&f->r, FIG_RACI_BACKBONE_ACC, 1.0 / 3, 3);
	fig_is_bool(&f->r, FIG_DIRECTOR_SHARED, 0, 1);
	/* latest ≤ as-of: 90 on 2016-06-30; (90 - 100) / (70 - 100). */
	fig_is_num(&f->r, FIG_RESULT_PROGRESS, 1.0 / 3, 2);
	/* line at 2016-06-30 = 100 - 30 * 911 / 3652 ≈ 92.5; 90 is below: good, as down is good. */
	fig_is_bool(&f->r, FIG_RESULT_ON_TRACK, 1, 2);
	/* s1: 5 4 4 3 (bogus is no item) over 3 responses; s2 outside; s3 another instrument. */
	fig_is_num(&f->r, FIG_SURVEY_DIRECTOR_SUPPORT, 4, 3);
}

static void
test_scores(void **state)
{
	struct fx *f = *state;
	const struct metrics_score *bk = &f->r.stepping_back, *up = &f->r.stepping_up;
	double fh, mean;

	fh = f->r.fig[FIG_FUNDS_HHI].value;
	mean = ((1 - .24) + (1 - 2.0 / 6) + 3.5 / 6 + 2.0 / 3 + .4 + (1 - fh) +
	    .5 + 2.0 / 3) / 8 * 100;
	assert_int_equal(bk->type, MV_NUMBER);
	assert_int_equal(bk->nparts, 8);
	assert_string_equal(bk->parts[0].name, "decisions.hhi");
	assert_true(bk->parts[0].value > 76 - 1e-6 && bk->parts[0].value < 76 + 1e-6);
	assert_true(bk->value > mean - 1e-9 && bk->value < mean + 1e-9);

	/* coverage 1/3, engagement .8, raci .5, director 0, grants 1/3, on track 1 */
	mean = (1.0 / 3 + .8 + .5 + 0 + 1.0 / 3 + 1) / 6 * 100;
	assert_int_equal(up->nparts, 6);
	assert_string_equal(up->parts[4].name, "grants.in_order");
	assert_true(up->value > mean - 1e-9 && up->value < mean + 1e-9);
}

static void
test_alerts_strengths(void **state)
{
	struct fx *f = *state;
	const struct metrics_alert *a;

	/* dominance by rushed_share 2/6 > .25 (alone 1/3 and hhi .24 are under). */
	a = find_alert(&f->r, "dominance");
	assert_evidence(a, "d1,d5");
	assert_int_equal(a->pitfall, 1);
	assert_non_null(strstr(a->observation, "2 of the 6 decisions"));
	assert_string_equal(a->question, "Is that how the team wants to decide?");
	assert_evidence(find_alert(&f->r, "director_as_employee"), "dir");
	assert_non_null(strstr(find_alert(&f->r, "director_as_employee")->observation,
	    "Dana Director"));
	/* 10000 / 76500 = 13% > 10%, |L| = 6 */
	assert_evidence(find_alert(&f->r, "blurred_boundaries"), "l2");
	assert_string_equal(find_alert(&f->r, "blurred_boundaries")->observation,
	    "13% of the money spent in the 12 months to 31 Dec 2016 ($10,000.00 of "
	    "$76,500.00, 1 entry) went to the backbone's own programs or overhead.");
	assert_evidence(find_alert(&f->r, "out_of_the_loop"), "d3");
	/* 2/5 = .4 ≥ .2 */
	assert_null(find_alert(&f->r, "no_contrary_views"));
	assert_int_equal(f->r.alerts.n, 4);
	/* alerts in pitfall order */
	assert_int_equal(f->r.alerts.v[0].pitfall, 1);
	assert_int_equal(f->r.alerts.v[3].pitfall, 4);

	assert_true(has_strength(&f->r, "shared_leadership"));	/* co-lead, .5 */
	assert_true(has_strength(&f->r, "credit_given"));	/* exactly .5 */
	assert_false(has_strength(&f->r, "capacity_shared"));	/* 1/3 */
	assert_false(has_strength(&f->r, "director_supported"));	/* oversight false */
	assert_true(has_strength(&f->r, "joint_grant_seeking"));	/* 2/3 */
	assert_true(has_strength(&f->r, "partners_compensated"));	/* 1 */
	assert_int_equal(f->r.strengths.n, 4);

	/* each strength's records (issue 11, point 1), in record order */
	assert_strength_evidence(&f->r, "shared_leadership", "d3,d4,d6");	/* committee, team, co-lead */
	assert_strength_evidence(&f->r, "credit_given", "k1,k3");	/* name co, pa; k2 the backbone only */
	assert_strength_evidence(&f->r, "joint_grant_seeking", "a1,a3");	/* a2: pa with an outsider */
	assert_strength_evidence(&f->r, "partners_compensated", "l1,l3,l8");	/* co, pa, pb */
}

/* N under a figure's minimum is provisional; a score with fewer than half its parts firm too. */
static void
test_provisional(void **state)
{
	struct fx *f = *state;
	const struct metrics_score *bk = &f->r.stepping_back, *up = &f->r.stepping_up;
	struct metrics_figure g = { MV_NUMBER, 0.5, 4 };
	size_t firm = 0;

	assert_int_equal(metrics_fig_min_n(FIG_DEC_BACKBONE_ALONE), 5);
	assert_true(metrics_fig_provisional(&g, FIG_DEC_BACKBONE_ALONE));
	g.n = 5;
	assert_false(metrics_fig_provisional(&g, FIG_DEC_BACKBONE_ALONE));
	g.type = MV_NULL;
	g.n = 0;
	assert_false(metrics_fig_provisional(&g, FIG_DEC_BACKBONE_ALONE));	/* "—", not provisional */
	g = (struct metrics_figure){ MV_NUMBER, 1, 1 };
	assert_false(metrics_fig_provisional(&g, FIG_FUNDS_SPENT));	/* a sum: never */
	/* the fixture: |D| = 6 (firm), |D_pf| = 3, credits 3 of T, applications 3 */
	assert_int_equal(bk->parts[0].n, 6);
	assert_false(bk->parts[0].provisional);
	for (size_t i = 0; i < bk->nparts; i++)
		firm += !bk->parts[i].provisional;
	assert_int_equal(bk->firm, firm);
	assert_int_equal(bk->provisional, firm * 2 < bk->nparts);
	/* grants.in_order carries the grants' N and is a count: firm */
	assert_string_equal(up->parts[4].name, "grants.in_order");
	assert_int_equal(up->parts[4].n, f->r.fig[FIG_GRANTS_OVERSPENT].n);
	assert_false(up->parts[4].provisional);
}

/* Runs the main fixture with one setting changed. */
static void
rerun(struct fx *f, const char *name, const char *value)
{
	struct metrics_settings s;

	metrics_settings_default(&s);
	assert_int_equal(metrics_settings_set(&s, name, value), 0);
	assert_int_equal(metrics_report(&f->p, &f->p.initiatives.v[0],
	    D("2016-12-31"), 12, &s, &f->r), 0);
}

static void
test_thresholds(void **state)
{
	struct fx *f = *state;

	/* rushed_share = 1/3 exactly at the threshold: not above → no alert. */
	rerun(f, "dominance.rushed_share", "0.3333333333333333");
	assert_null(find_alert(&f->r, "dominance"));
	rerun(f, "dominance.rushed_share", "0.33");
	assert_non_null(find_alert(&f->r, "dominance"));
	/* |D| = 6: min 7 silences it. */
	rerun(f, "dominance.min_decisions", "7");
	assert_null(find_alert(&f->r, "dominance"));
	/* backbone alone 1/3 > .3 → evidence gains d2 (alone), keeps d1, d5. */
	rerun(f, "dominance.backbone_alone_share", "0.3");
	assert_evidence(find_alert(&f->r, "dominance"), "d1,d2,d5");
	assert_non_null(strstr(find_alert(&f->r, "dominance")->observation,
	    "2 of the 6 decisions in the 12 months to 31 Dec 2016 were made by the backbone alone."));

	/* loop closure 2/3: threshold at 2/3 → not below. */
	rerun(f, "out_of_the_loop.loop_closure", "0.6666666666666666");
	assert_null(find_alert(&f->r, "out_of_the_loop"));
	rerun(f, "out_of_the_loop.min_decisions", "4");
	assert_null(find_alert(&f->r, "out_of_the_loop"));

	/* contrary 0.4: below .41 → raised with d1 d3 d5; at .4 → not. */
	rerun(f, "no_contrary_views.contrary_share", "0.41");
	assert_evidence(find_alert(&f->r, "no_contrary_views"), "d1,d3,d5");
	rerun(f, "no_contrary_views.contrary_share", "0.4");
	assert_null(find_alert(&f->r, "no_contrary_views"));

	/* backbone_own 10000/76500 ≈ .1307 */
	rerun(f, "blurred_boundaries.backbone_own_share", "0.14");
	assert_null(find_alert(&f->r, "blurred_boundaries"));
	rerun(f, "blurred_boundaries.min_entries", "7");
	assert_null(find_alert(&f->r, "blurred_boundaries"));
	rerun(f, "blurred_boundaries.min_entries", "6");
	assert_non_null(find_alert(&f->r, "blurred_boundaries"));

	/* credit .5: at .5 met (default); .51 not. */
	rerun(f, "credit_given.partner_share", "0.51");
	assert_false(has_strength(&f->r, "credit_given"));
	/* shared .5 */
	rerun(f, "shared_leadership.shared_share", "0.5");
	assert_true(has_strength(&f->r, "shared_leadership"));
	rerun(f, "shared_leadership.shared_share", "0.51");
	assert_false(has_strength(&f->r, "shared_leadership"));
	/* reach 1/3 */
	rerun(f, "capacity_shared.reach", "0.3333333333333333");
	assert_true(has_strength(&f->r, "capacity_shared"));
	/* joint 2/3 */
	rerun(f, "joint_grant_seeking.joint_share", "0.67");
	assert_false(has_strength(&f->r, "joint_grant_seeking"));
	/* partners paid 1 */
	rerun(f, "partners_compensated.partners_paid", "1");
	assert_true(has_strength(&f->r, "partners_compensated"));
}

/* A director whose oversight is shared, and the survey mean at its threshold. */
static void
test_director_supported(void **state)
{
	struct fx *f = *state;
	struct initiative *in = &f->p.initiatives.v[0];

	fx_refs(&f->p, &in->director.evaluated_by, "co");
	rerun(f, "director_supported.survey_mean", "4");
	fig_is_bool(&f->r, FIG_DIRECTOR_SHARED, 1, 1);
	assert_null(find_alert(&f->r, "director_as_employee"));
	assert_true(has_strength(&f->r, "director_supported"));
	rerun(f, "director_supported.survey_mean", "4.01");
	assert_false(has_strength(&f->r, "director_supported"));
	/*
	 * 2015: s2 opened, 3 responses of 1s, still open: an open round counts
	 * nothing until it closes (DESIGN §4), so oversight alone decides.
	 */
	assert_int_equal(metrics_report(&f->p, in, D("2015-12-31"), 12, NULL, &f->r), 0);
	fig_is_null(&f->r, FIG_SURVEY_DIRECTOR_SUPPORT, 0);
	assert_true(has_strength(&f->r, "director_supported"));
	/* Window with no survey at all: oversight alone decides. */
	assert_int_equal(metrics_report(&f->p, in, D("2014-12-31"), 12, NULL, &f->r), 0);
	fig_is_null(&f->r, FIG_SURVEY_DIRECTOR_SUPPORT, 0);
	assert_true(has_strength(&f->r, "director_supported"));
	/* No director at all. */
	in->has_director = 0;
	assert_int_equal(metrics_report(&f->p, in, D("2016-12-31"), 12, NULL, &f->r), 0);
	fig_is_null(&f->r, FIG_DIRECTOR_SHARED, 0);
	assert_null(find_alert(&f->r, "director_as_employee"));
	assert_false(has_strength(&f->r, "director_supported"));
}

/* A window with nothing in it: nulls, never zeros. */
static void
test_empty_window(void **state)
{
	struct fx *f = *state;
	static const int nulls[] = {
		FIG_TEAM_SECTORS, FIG_DEC_BACKBONE_ALONE, FIG_DEC_HHI,
		FIG_DEC_BREADTH, FIG_DEC_MEDIAN_DAYS, FIG_DEC_RUSHED, FIG_DEC_LOOP,
		FIG_DEC_CONTRARY, FIG_DEC_SHARED, FIG_FUNDS_SPENT,
		FIG_FUNDS_PARTNER_SHARE, FIG_FUNDS_PARTNERS_PAID, FIG_FUNDS_HHI,
		FIG_FUNDS_BACKBONE_OWN, FIG_GRANTS_OVERSPENT,
		FIG_GRANTS_UNSPENT_CLOSED, FIG_GRANTS_LINES_OVER,
		FIG_GRANTS_NONCATALYTIC, FIG_APPS_JOINT, FIG_APPS_PARTNER_LED,
		FIG_CREDIT_PARTNER_SHARE, FIG_CREDIT_BREADTH, FIG_VALUEADD_HOURS,
		FIG_VALUEADD_REACH, FIG_CHECKINS_COVERAGE, FIG_ENGAGEMENT_RATE,
		FIG_RESULT_PROGRESS, FIG_RESULT_ON_TRACK,
		FIG_SURVEY_DIRECTOR_SUPPORT,
	};

	assert_int_equal(metrics_report(&f->p, &f->p.initiatives.v[0],
	    D("2010-06-30"), 12, NULL, &f->r), 0);
	fig_is_num(&f->r, FIG_TEAM_SIZE, 0, 0);
	for (size_t i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++)
		fig_is_null(&f->r, nulls[i], 0);
	/* Not window-bound: the responsibilities and the director. */
	fig_is_num(&f->r, FIG_RACI_COMPLETE, 0.5, 4);
	fig_is_bool(&f->r, FIG_DIRECTOR_SHARED, 0, 1);
	/* stepping back: every part null; stepping up: raci, director. */
	assert_int_equal(f->r.stepping_back.type, MV_NULL);
	assert_int_equal(f->r.stepping_back.nparts, 0);
	assert_int_equal(f->r.stepping_up.nparts, 2);
	assert_true(f->r.stepping_up.value == 25);
	assert_null(find_alert(&f->r, "dominance"));
	assert_non_null(find_alert(&f->r, "director_as_employee"));
	assert_int_equal(f->r.alerts.n, 1);
	assert_int_equal(f->r.strengths.n, 0);
	assert_int_equal(metrics_report(&f->p, &f->p.initiatives.v[0],
	    D("2010-06-30"), 0, NULL, &f->r), -1);
}

/* Check-in months at the partial edges of a window. */
static void
test_checkin_edges(void **state)
{
	struct fx *f = *state;
	struct initiative *in = &f->p.initiatives.v[0];

	/*
	 * Window 2016-02-16 … 2016-03-15: Feb and Mar touch it. ch2 on
	 * 2016-03-02 covers March; February has none (ch1 is January).
	 */
	assert_int_equal(metrics_report(&f->p, in, D("2016-03-15"), 1, NULL, &f->r), 0);
	fig_is_num(&f->r, FIG_CHECKINS_COVERAGE, 0.5, 2);
	/* A check-in on 2016-02-03, before the window's first day, still covers February. */
	fx_checkin(in, "ch6", "2016-02-03");
	assert_int_equal(metrics_report(&f->p, in, D("2016-03-15"), 1, NULL, &f->r), 0);
	fig_is_num(&f->r, FIG_CHECKINS_COVERAGE, 1, 2);
	/* One after as-of in as-of's month does not count. */
	assert_int_equal(metrics_report(&f->p, in, D("2016-01-10"), 1, NULL, &f->r), 0);
	/* window 2015-12-11 … 2016-01-10: Dec (ch5 12-31), Jan (ch1 on 01-20 is after as-of) */
	fig_is_num(&f->r, FIG_CHECKINS_COVERAGE, 0.5, 2);
	/* Initiative edge: started 2014-06-15; window 2014-05-01 … 2014-07-31 → Jun, Jul. */
	assert_int_equal(metrics_report(&f->p, in, D("2014-07-31"), 3, NULL, &f->r), 0);
	fig_is_num(&f->r, FIG_CHECKINS_COVERAGE, 0, 2);
	assert_int_equal(f->r.fig[FIG_CHECKINS_COVERAGE].n, 2);
}

/* n = 1: HHI null; the backbone deciding alone. */
static void
test_single_org(void **state)
{
	struct program p;
	struct report r;
	struct initiative *in;

	(void)state;
	program_init(&p);
	fx_org(&p, "bb", SECTOR_NONPROFIT);
	fx_org(&p, "x", SECTOR_PUBLIC);
	in = fx_initiative(&p, "solo", "2015-01-01", "2017-12-31", "bb", "bb");
	fx_member(&p, in, "bb", ROLE_BACKBONE, "2015-01-01", NULL);
	for (int i = 0; i < 5; i++) {
		char id[8];

		snprintf(id, sizeof(id), "s%d", i);
		fx_decision(&p, in, id, CAT_PROGRAM, "2016-01-01", "2016-02-01",
		    "bb", "x", NULL, NULL);
	}
	fx_grant(in, "g", 100, "2016-01-01", "2016-12-31", 1);
	fx_ledger(&p, in, "l", "2016-05-05", "g", 100, NULL, NULL, 0);
	metrics_report_init(&r);
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, NULL, &r), 0);
	fig_is_num(&r, FIG_TEAM_SIZE, 1, 1);
	fig_is_num(&r, FIG_DEC_BACKBONE_ALONE, 1, 5);
	fig_is_null(&r, FIG_DEC_HHI, 5);
	fig_is_null(&r, FIG_FUNDS_HHI, 1);
	/* O is empty: partner figures over |O| are null. */
	fig_is_null(&r, FIG_FUNDS_PARTNERS_PAID, 0);
	fig_is_num(&r, FIG_FUNDS_PARTNER_SHARE, 0, 1);
	fig_is_null(&r, FIG_CREDIT_BREADTH, 0);
	fig_is_null(&r, FIG_VALUEADD_REACH, 0);
	/* consulted x is not in T: breadth 1/1 from the decider alone. */
	fig_is_num(&r, FIG_DEC_BREADTH, 1, 5);
	/* the grant: exactly spent → neither over nor unspent */
	fig_is_num(&r, FIG_GRANTS_OVERSPENT, 0, 1);
	fig_is_num(&r, FIG_GRANTS_UNSPENT_CLOSED, 0, 1);
	fig_is_null(&r, FIG_GRANTS_LINES_OVER, 0);
	/* dominance: alone 5/5 */
	assert_evidence(find_alert(&r, "dominance"), "s0,s1,s2,s3,s4");
	assert_false(has_strength(&r, "shared_leadership"));
	metrics_report_release(&r);
	program_release(&p);
}

/* Dominance by concentration: a partner decides everything, not the backbone. */
static void
test_dominance_hhi(void **state)
{
	struct program p;
	struct report r;
	struct initiative *in;

	(void)state;
	program_init(&p);
	fx_org(&p, "bb", SECTOR_NONPROFIT);
	fx_org(&p, "pa", SECTOR_PUBLIC);
	fx_org(&p, "pb", SECTOR_PRIVATE);
	in = fx_initiative(&p, "conc", "2015-01-01", "2017-12-31", "bb", "bb");
	fx_member(&p, in, "bb", ROLE_BACKBONE, "2015-01-01", NULL);
	fx_member(&p, in, "pa", ROLE_PARTNER, "2015-01-01", NULL);
	fx_member(&p, in, "pb", ROLE_PARTNER, "2015-01-01", NULL);
	fx_decision(&p, in, "x1", CAT_PROGRAM, "2016-01-01", "2016-02-01", "pa", "bb,pb", NULL, NULL);
	fx_decision(&p, in, "x2", CAT_PROGRAM, "2016-01-01", "2016-02-01", "pa", "bb,pb", NULL, NULL);
	fx_decision(&p, in, "x3", CAT_PROGRAM, "2016-01-01", "2016-02-01", "pa", "bb,pb", NULL, NULL);
	fx_decision(&p, in, "x4", CAT_PROGRAM, "2016-01-01", "2016-02-01", "team", NULL, NULL, NULL);
	metrics_report_init(&r);
	/* 4 decisions: below the minimum of 5 */
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, NULL, &r), 0);
	assert_null(find_alert(&r, "dominance"));
	fx_decision(&p, in, "x5", CAT_PROGRAM, "2016-01-01", "2016-02-01", "pa", "bb,pb", NULL, NULL);
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, NULL, &r), 0);
	/* weights pa 4 + 1/3, bb 1/3, pb 1/3 of 5: Σs² = (169 + 1 + 1) / 225 */
	fig_is_num(&r, FIG_DEC_HHI, (171.0 / 225 - 1.0 / 3) / (2.0 / 3), 5);
	fig_is_num(&r, FIG_DEC_BACKBONE_ALONE, 0, 5);
	fig_is_num(&r, FIG_DEC_SHARED, 0.2, 5);
	assert_evidence(find_alert(&r, "dominance"), "x1,x2,x3,x5");
	assert_non_null(strstr(find_alert(&r, "dominance")->observation, "pa decided the most"));
	metrics_report_release(&r);
	program_release(&p);
}

/* The fiscal agent is a partner, not the backbone. */
static void
test_fiscal_agent(void **state)
{
	struct program p;
	struct report r;
	struct initiative *in;

	(void)state;
	program_init(&p);
	fx_org(&p, "bb", SECTOR_NONPROFIT);
	fx_org(&p, "fa", SECTOR_PHILANTHROPY);
	fx_org(&p, "pa", SECTOR_PUBLIC);
	in = fx_initiative(&p, "fisc", "2015-01-01", "2017-12-31", "bb", "fa");
	fx_member(&p, in, "bb", ROLE_BACKBONE, "2015-01-01", NULL);
	fx_member(&p, in, "fa", ROLE_PARTNER, "2015-01-01", NULL);
	fx_member(&p, in, "pa", ROLE_PARTNER, "2015-01-01", NULL);
	fx_grant(in, "g", 1000, "2016-01-01", "2016-12-31", 1);
	fx_ledger(&p, in, "l1", "2016-05-05", "g", 300, NULL, NULL, 0);
	fx_ledger(&p, in, "l2", "2016-05-06", "g", 100, "bb", NULL, 1);
	metrics_report_init(&r);
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, NULL, &r), 0);
	/*
	 * l1 has no recipient: the fiscal agent fa paid an outside vendor.
	 * It is spent, but fa did not receive it.
	 */
	fig_is_num(&r, FIG_FUNDS_SPENT, 400, 2);
	fig_is_num(&r, FIG_FUNDS_PARTNER_SHARE, 0, 2);
	fig_is_num(&r, FIG_FUNDS_PARTNERS_PAID, 0, 2);
	assert_int_equal(r.partners_paid_count, 0);
	/* received bb 100, fa 0, pa 0: one organization has it all */
	fig_is_num(&r, FIG_FUNDS_HHI, 1, 2);
	fig_is_num(&r, FIG_FUNDS_BACKBONE_OWN, 0.25, 2);
	/* |L| = 2 < 5 → no blurred-boundaries alert even at 25%. */
	assert_null(find_alert(&r, "blurred_boundaries"));
	/* ended 2016-12-31, not before as-of: not unspent_closed */
	fig_is_num(&r, FIG_GRANTS_UNSPENT_CLOSED, 0, 1);
	assert_int_equal(metrics_report(&p, in, D("2017-01-01"), 12, NULL, &r), 0);
	fig_is_num(&r, FIG_GRANTS_UNSPENT_CLOSED, 1, 1);
	metrics_report_release(&r);
	program_release(&p);
}

/* Only outside vendors were paid: spent, but no one received anything. */
static void
test_vendor_only(void **state)
{
	struct program p;
	struct report r;
	struct initiative *in;

	(void)state;
	program_init(&p);
	fx_org(&p, "bb", SECTOR_NONPROFIT);
	fx_org(&p, "pa", SECTOR_PUBLIC);
	in = fx_initiative(&p, "vend", "2015-01-01", "2017-12-31", "bb", "bb");
	fx_member(&p, in, "bb", ROLE_BACKBONE, "2015-01-01", NULL);
	fx_member(&p, in, "pa", ROLE_PARTNER, "2015-01-01", NULL);
	fx_grant(in, "g", 1000, "2016-01-01", "2016-12-31", 1);
	fx_ledger(&p, in, "v1", "2016-05-05", "g", 300, NULL, NULL, 0);
	fx_ledger(&p, in, "v2", "2016-06-05", "g", 200, NULL, NULL, 0);
	metrics_report_init(&r);
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, NULL, &r), 0);
	fig_is_num(&r, FIG_FUNDS_SPENT, 500, 2);
	fig_is_num(&r, FIG_FUNDS_PARTNER_SHARE, 0, 2);
	fig_is_num(&r, FIG_FUNDS_PARTNERS_PAID, 0, 1);
	/* Σ received by T is 0 (the backbone, fiscal agent, received none) */
	fig_is_null(&r, FIG_FUNDS_HHI, 2);
	fig_is_num(&r, FIG_FUNDS_BACKBONE_OWN, 0, 2);
	metrics_report_release(&r);
	program_release(&p);
}

/*
 * grants.unspent_tolerance: a grant ended before as-of is unspent only
 * below (1 - t) x its amount.
 */
static void
test_unspent_tolerance(void **state)
{
	struct metrics_settings set;
	struct program p;
	struct report r;
	struct initiative *in;

	(void)state;
	program_init(&p);
	fx_org(&p, "bb", SECTOR_NONPROFIT);
	in = fx_initiative(&p, "tol", "2015-01-01", "2017-12-31", "bb", "bb");
	fx_member(&p, in, "bb", ROLE_BACKBONE, "2015-01-01", NULL);
	fx_grant(in, "g97", 100000, "2016-01-01", "2016-06-30", 1);
	fx_ledger(&p, in, "a", "2016-05-05", "g97", 97000, "bb", NULL, 0);
	fx_grant(in, "g95", 100000, "2016-01-01", "2016-06-30", 1);
	fx_ledger(&p, in, "b", "2016-05-05", "g95", 95000, "bb", NULL, 0);
	fx_grant(in, "g94", 100000, "2016-01-01", "2016-06-30", 1);
	fx_ledger(&p, in, "c", "2016-05-05", "g94", 94999, "bb", NULL, 0);
	/* spent after as-of does not count toward the close */
	fx_ledger(&p, in, "d", "2017-01-05", "g94", 5000, "bb", NULL, 0);
	metrics_report_init(&r);
	/* default t = 0.05: 97% and exactly 95% are in order, 94.999% is not */
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, NULL, &r), 0);
	fig_is_num(&r, FIG_GRANTS_UNSPENT_CLOSED, 1, 3);
	assert_string_equal(in->grants.v[r.unspent_closed.v[0]].id, "g94");
	metrics_settings_default(&set);
	assert_int_equal(metrics_settings_set(&set, "grants.unspent_tolerance", "0"), 0);
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, &set, &r), 0);
	fig_is_num(&r, FIG_GRANTS_UNSPENT_CLOSED, 3, 3);
	assert_int_equal(metrics_settings_set(&set, "grants.unspent_tolerance", "0.06"), 0);
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, &set, &r), 0);
	fig_is_num(&r, FIG_GRANTS_UNSPENT_CLOSED, 0, 3);
	metrics_report_release(&r);
	program_release(&p);
}

/*
 * The director answered among 3 backbone and 3 partner responses: the
 * survey results hide everyone's mean (DESIGN §4), and so the
 * director-support figure, an everyone mean, counts the groups shown only.
 */
static void
test_director_support_hidden(void **state)
{
	struct program p;
	struct report r;
	struct initiative *in;
	struct survey *s;

	(void)state;
	program_init(&p);
	program_add_builtin_instruments(&p);
	fx_org(&p, "bb", SECTOR_NONPROFIT);
	in = fx_initiative(&p, "ds", "2015-01-01", "2017-12-31", "bb", "bb");
	fx_member(&p, in, "bb", ROLE_BACKBONE, "2015-01-01", NULL);
	s = fx_survey(&p, in, "s1", "director-support", "2016-05-01", "2016-05-31");
	for (int i = 0; i < 3; i++) {
		fx_response(s, GROUP_BACKBONE, "trusted=5,supported=5");
		fx_response(s, GROUP_PARTNER, "trusted=4,supported=4");
	}
	metrics_report_init(&r);
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, NULL, &r), 0);
	fig_is_num(&r, FIG_SURVEY_DIRECTOR_SUPPORT, 4.5, 6);
	fx_response(s, GROUP_DIRECTOR, "trusted=1,supported=1");
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, NULL, &r), 0);
	/* not (30 + 24 + 2) / 14: the director's answers would be all − the rest */
	fig_is_num(&r, FIG_SURVEY_DIRECTOR_SUPPORT, 4.5, 6);
	fx_response(s, GROUP_DIRECTOR, "trusted=1,supported=1");
	fx_response(s, GROUP_DIRECTOR, "trusted=1,supported=1");
	/*
	 * Three answers of the director's group (links made for the group, the
	 * link maker's attack of issue 16): the director is one person, never
	 * a group, so everyone's mean stays hidden and the figure counts the
	 * backbone and the partners only.
	 */
	assert_int_equal(metrics_report(&p, in, D("2016-12-31"), 12, NULL, &r), 0);
	fig_is_num(&r, FIG_SURVEY_DIRECTOR_SUPPORT, 4.5, 6);
	metrics_report_release(&r);
	program_release(&p);
}

/* A result whose good direction is up, behind its line; target = baseline. */
static void
test_result_up(void **state)
{
	struct program p;
	struct report r;
	struct initiative *in;

	(void)state;
	program_init(&p);
	fx_org(&p, "bb", SECTOR_NONPROFIT);
	in = fx_initiative(&p, "up", "2015-01-01", "2025-12-31", "bb", "bb");
	in->has_result = 1;
	in->result.direction = DIR_UP;
	in->result.baseline_date = D("2015-01-01");
	in->result.baseline_value = 10;
	in->result.target_date = D("2025-01-01");
	in->result.target_value = 20;
	/* 2020-01-01 is 1826 of 3653 days: line ≈ 14.999; 14.5 is behind. */
	fx_observation(in, "2020-01-01", 14.5);
	fx_observation(in, "2014-01-01", 30);
	metrics_report_init(&r);
	assert_int_equal(metrics_report(&p, in, D("2020-06-30"), 12, NULL, &r), 0);
	fig_is_num(&r, FIG_RESULT_PROGRESS, 0.45, 2);
	fig_is_bool(&r, FIG_RESULT_ON_TRACK, 0, 2);
	/* before the baseline date the line is held at the baseline: 30 ≥ 10 */
	assert_int_equal(metrics_report(&p, in, D("2014-06-30"), 12, NULL, &r), 0);
	fig_is_num(&r, FIG_RESULT_PROGRESS, 2, 1);
	fig_is_bool(&r, FIG_RESULT_ON_TRACK, 1, 1);
	/* target = baseline: progress null, on track by direction */
	in->result.target_value = 10;
	assert_int_equal(metrics_report(&p, in, D("2020-06-30"), 12, NULL, &r), 0);
	fig_is_null(&r, FIG_RESULT_PROGRESS, 2);
	fig_is_bool(&r, FIG_RESULT_ON_TRACK, 1, 2);
	metrics_report_release(&r);
	program_release(&p);
}

/* 1,000 initiatives × 1,000 decisions: well under a second (not a timed assertion; a smoke run). */
static void
test_scale(void **state)
{
	struct program p;
	struct report r;

	(void)state;
	program_init(&p);
	for (int i = 0; i < 20; i++) {
		char s[8];

		snprintf(s, sizeof(s), "o%d", i);
		fx_org(&p, s, i % SECTOR__MAX);
	}
	for (int k = 0; k < 50; k++) {
		struct initiative *in = fx_initiative(&p, "big", "2015-01-01",
		    "2017-12-31", "o0", "o0");

		for (int i = 0; i < 20; i++)
			fx_member(&p, in, p.orgs.v[i].slug, i ? ROLE_PARTNER :
			    ROLE_BACKBONE, "2015-01-01", NULL);
		for (int i = 0; i < 1000; i++) {
			char id[16];

			snprintf(id, sizeof(id), "d%d", i);
			fx_decision(&p, in, id, i % CAT__MAX, "2016-01-01",
			    i % 2 ? "2016-03-01" : "2016-01-02",
			    i % 3 ? "o0" : "team", "o1,o2,o3", "o4", NULL);
		}
	}
	metrics_report_init(&r);
	for (size_t k = 0; k < p.initiatives.n; k++)
		assert_int_equal(metrics_report(&p, &p.initiatives.v[k],
		    D("2016-12-31"), 12, NULL, &r), 0);
	/* i % 3 != 0: 666 of 1000 by o0 alone */
	fig_is_num(&r, FIG_DEC_BACKBONE_ALONE, 666.0 / 1000, 1000);
	metrics_report_release(&r);
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_window),
		cmocka_unit_test_setup_teardown(test_team, setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_decisions, setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_money, setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_grants, setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_applications_credit_valueadd,
		    setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_oversight, setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_scores, setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_alerts_strengths, setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_thresholds, setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_director_supported, setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_empty_window, setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_checkin_edges, setup_main, teardown),
		cmocka_unit_test(test_single_org),
		cmocka_unit_test(test_dominance_hhi),
		cmocka_unit_test(test_fiscal_agent),
		cmocka_unit_test(test_vendor_only),
		cmocka_unit_test(test_unspent_tolerance),
		cmocka_unit_test(test_director_support_hidden),
		cmocka_unit_test_setup_teardown(test_provisional, setup_main, teardown),
		cmocka_unit_test(test_result_up),
		cmocka_unit_test(test_scale),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
