/* Backbone capacity (DESIGN §5): traits, high capacity, gaps from the team. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/metrics.h"
#include "util/strbuf.h"
#include "view/report_json.h"
#include "fixture.h"

static void
build(struct program *p)
{
	struct organization *o;
	struct initiative *in;
	int i;

	program_init(p);
	/* The seed's first exemplar: 30 staff, $6M, 4 traits. */
	i = fx_org(p, "big", SECTOR_NONPROFIT);
	o = &p->orgs.v[i];
	o->staff = 30;
	o->revenue = 600000000;
	o->flexible_grants = 1;
	*VEC_PUSH(&o->expertise) = EXPERTISE_COMMUNITY_ENGAGEMENT;
	*VEC_PUSH(&o->expertise) = EXPERTISE_FUNDRAISING;
	o->in_kind_staffing = 1;
	o->convener = 1;
	/* 25 staff, $4M, but one expertise area: 3 traits. */
	i = fx_org(p, "mid", SECTOR_NONPROFIT);
	o = &p->orgs.v[i];
	o->staff = 25;
	o->revenue = 400000000;
	o->flexible_grants = 1;
	*VEC_PUSH(&o->expertise) = EXPERTISE_COMMUNITY_ENGAGEMENT;
	o->in_kind_staffing = 1;
	o->convener = 1;
	fx_org(p, "p1", SECTOR_PUBLIC);
	fx_org(p, "p2", SECTOR_PRIVATE);
	fx_org(p, "p3", SECTOR_HEALTH);
	fx_org(p, "p4", SECTOR_FAITH);
	fx_org(p, "x", SECTOR_OTHER);

	in = fx_initiative(p, "cap", "2015-01-01", "2017-12-31", "mid", "mid");
	fx_member(p, in, "mid", ROLE_BACKBONE, "2015-01-01", NULL);
	fx_member(p, in, "p1", ROLE_PARTNER, "2015-01-01", NULL);
	fx_member(p, in, "p2", ROLE_PARTNER, "2015-01-01", NULL);
	fx_member(p, in, "p3", ROLE_PARTNER, "2015-01-01", "2015-12-31");
	fx_member(p, in, "p4", ROLE_PARTNER, "2020-01-01", NULL);
	fx_contribution(p, in, "c1", "2016-01-01", "p1", "mid", CONTRIB_DATA, 4);
	fx_contribution(p, in, "c2", "2016-02-01", "p2", "x", CONTRIB_FACILITATION, 4);
	fx_contribution(p, in, "c3", "2015-02-01", "p3", "mid", CONTRIB_STAFFING, 4);
	fx_contribution(p, in, "c4", "2018-02-01", "p1", "mid", CONTRIB_FUNDRAISING, 4);
	fx_contribution(p, in, "c5", "2016-02-01", "p4", "mid", CONTRIB_DATA, 4);
	fx_responsibility(p, in, "Grant Writing", "p2=R");
	fx_responsibility(p, in, "community engagement", "p1=C");
	fx_responsibility(p, in, "convene team meetings", "mid=A");
	fx_responsibility(p, in, "manage grant funds", "p3=A");
}

static void
test_profile(void **state)
{
	struct program p;
	struct capacity c;
	struct metrics_settings s;

	(void)state;
	build(&p);
	metrics_capacity_init(&c);
	assert_int_equal(metrics_capacity(&p, 0, NULL, DATE_NONE, NULL, &c), 0);
	assert_int_equal(c.staff, 30);
	assert_int_equal(c.revenue, 600000000);
	assert_int_equal(c.traits_met, 4);
	assert_true(c.traits[TRAIT_EXPERTISE]);
	assert_false(c.traits[TRAIT_EXPERIMENT]);
	assert_true(c.high_capacity);
	assert_false(c.has_gaps);

	assert_int_equal(metrics_capacity(&p, 1, NULL, DATE_NONE, NULL, &c), 0);
	assert_false(c.traits[TRAIT_EXPERTISE]);	/* one area */
	assert_int_equal(c.traits_met, 3);
	assert_false(c.high_capacity);
	/* with 3 traits enough, the seed's second exemplar qualifies */
	metrics_settings_default(&s);
	assert_int_equal(metrics_settings_set(&s, "capacity.traits", "3"), 0);
	assert_int_equal(metrics_capacity(&p, 1, NULL, DATE_NONE, &s, &c), 0);
	assert_true(c.high_capacity);
	/* $4M < $4.5M */
	assert_int_equal(metrics_settings_set(&s, "capacity.revenue", "4500000"), 0);
	assert_int_equal(metrics_capacity(&p, 1, NULL, DATE_NONE, &s, &c), 0);
	assert_false(c.high_capacity);

	/* unknown staff and revenue: not high capacity */
	assert_int_equal(metrics_capacity(&p, 2, NULL, DATE_NONE, NULL, &c), 0);
	assert_int_equal(c.staff, INT_NONE);
	assert_int_equal(c.traits_met, 0);
	assert_false(c.high_capacity);
	assert_int_equal(metrics_capacity(&p, 99, NULL, DATE_NONE, NULL, &c), -1);
	metrics_capacity_release(&c);
	program_release(&p);
}

static void
test_gaps(void **state)
{
	struct program p;
	struct capacity c;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	build(&p);
	metrics_capacity_init(&c);
	assert_int_equal(metrics_capacity(&p, 1, &p.initiatives.v[0],
	    D("2016-12-31"), NULL, &c), 0);
	assert_true(c.has_gaps);
	/*
	 * mid lacks expertise and experiment. expertise: p1 (data c1), p2
	 * (R on grant writing); experiment: p1 (data). Not offered: p3 (left),
	 * p4 (not yet joined), p1's fundraising (after as-of), p1's C.
	 */
	assert_int_equal(c.gaps.n, 2);
	assert_int_equal(c.gaps.v[0].trait, TRAIT_EXPERTISE);
	assert_int_equal(c.gaps.v[0].offered_by.n, 2);
	assert_int_equal(c.gaps.v[0].offered_by.v[0], 2);
	assert_int_equal(c.gaps.v[0].offered_by.v[1], 3);
	assert_int_equal(c.gaps.v[1].trait, TRAIT_EXPERIMENT);
	assert_int_equal(c.gaps.v[1].offered_by.n, 1);
	assert_int_equal(c.gaps.v[1].offered_by.v[0], 2);

	capacity_json_write(&c, &sb);
	assert_string_equal(sb.buf,
	    "{\"org\":\"mid\",\"staff\":25,\"revenue\":4000000,\"traits\":"
	    "{\"flexible_grants\":true,\"expertise\":false,\"in_kind_staffing\":true,"
	    "\"experiment\":false,\"convener\":true},\"traits_met\":3,"
	    "\"high_capacity\":false,\"gaps\":[{\"trait\":\"expertise\","
	    "\"offered_by\":[\"p1\",\"p2\"]},{\"trait\":\"experiment\","
	    "\"offered_by\":[\"p1\"]}]}");

	/* big lacks only experiment */
	assert_int_equal(metrics_capacity(&p, 0, &p.initiatives.v[0],
	    D("2018-06-30"), NULL, &c), 0);
	assert_int_equal(c.gaps.n, 1);
	assert_int_equal(c.gaps.v[0].trait, TRAIT_EXPERIMENT);
	/* mid (on the team, big is not) offers only convener: p1 alone */
	assert_int_equal(c.gaps.v[0].offered_by.n, 1);
	assert_int_equal(c.gaps.v[0].offered_by.v[0], 2);

	strbuf_reset(&sb);
	assert_int_equal(metrics_capacity(&p, 2, NULL, DATE_NONE, NULL, &c), 0);
	capacity_json_write(&c, &sb);
	assert_string_equal(sb.buf,
	    "{\"org\":\"p1\",\"staff\":null,\"revenue\":null,\"traits\":"
	    "{\"flexible_grants\":false,\"expertise\":false,\"in_kind_staffing\":false,"
	    "\"experiment\":false,\"convener\":false},\"traits_met\":0,"
	    "\"high_capacity\":false}");
	strbuf_release(&sb);
	metrics_capacity_release(&c);
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profile),
		cmocka_unit_test(test_gaps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
