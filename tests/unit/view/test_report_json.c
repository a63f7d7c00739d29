/* The report JSON: DESIGN §3's shape, parsed back with jansson. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "metrics/metrics.h"
#include "util/strbuf.h"
#include "view/report_json.h"
#include "../metrics/fixture.h"

static void
build(struct program *p)
{
	struct initiative *in;
	struct grant *g;

	program_init(p);
	fx_org(p, "bb", SECTOR_NONPROFIT);
	fx_org(p, "pa", SECTOR_PUBLIC);
	fx_org(p, "pb", SECTOR_PRIVATE);
	{
		struct person *pe = VEC_PUSH(&p->people);

		pe->slug = xstrdup("dee");
		pe->name = xstrdup("Dee \"Quoted\"");
	}
	in = fx_initiative(p, "west-\"end\"", "2015-01-01", "2017-12-31", "bb", "bb");
	fx_member(p, in, "bb", ROLE_BACKBONE, "2015-01-01", NULL);
	fx_member(p, in, "pa", ROLE_PARTNER, "2015-01-01", NULL);
	fx_member(p, in, "pb", ROLE_PARTNER, "2015-01-01", NULL);
	for (int i = 0; i < 5; i++) {
		char id[8];

		snprintf(id, sizeof(id), "d%d", i);
		fx_decision(p, in, id, CAT_STRATEGY, "2016-01-01", "2016-03-01",
		    "bb", "pa", NULL, NULL);
	}
	g = fx_grant(in, "g", 100, "2016-01-01", "2016-12-31", 1);
	fx_line(g, "staff", 50);
	fx_ledger(p, in, "l1", "2016-02-01", "g", 80, "pa", "staff", 0);
	fx_ledger(p, in, "l2", "2016-03-01", "g", 40, NULL, NULL, 0);
	fx_contribution(p, in, "c1", "2016-02-01", "bb", "pa", CONTRIB_DATA, 2.5);
	fx_event(p, in, "e1", "2016-02-01", "pa,pb", "pa");
	in->has_director = 1;
	in->director.person.slug = xstrdup("dee");
	in->director.person.idx = 0;
	in->director.employer = fx_ref(p, "bb");
}

static json_t *
figure(json_t *root, const char *name)
{
	json_t *f = json_object_get(json_object_get(root, "figures"), name);

	if (f == NULL)
		fail_msg("figure %s missing", name);
	return f;
}

static double
fval(json_t *root, const char *name)
{
	json_t *v = json_object_get(figure(root, name), "value");

	assert_true(json_is_number(v));
	return json_number_value(v);
}

static void
test_shape(void **state)
{
	struct program p;
	struct report r;
	struct strbuf sb = STRBUF_INIT;
	json_error_t err;
	json_t *root, *v, *a;
	const char *prev = NULL;

	(void)state;
	build(&p);
	metrics_report_init(&r);
	assert_int_equal(metrics_report(&p, &p.initiatives.v[0], D("2016-12-31"),
	    12, NULL, &r), 0);
	report_json_write(&r, &sb);
	root = json_loads(sb.buf, 0, &err);
	if (root == NULL)
		fail_msg("bad JSON: %s: %s", err.text, sb.buf);

	assert_string_equal(json_string_value(json_object_get(root, "initiative")),
	    "west-\"end\"");
	assert_string_equal(json_string_value(json_object_get(root, "as_of")), "2016-12-31");
	v = json_object_get(root, "window");
	assert_string_equal(json_string_value(json_object_get(v, "start")), "2016-01-01");
	assert_string_equal(json_string_value(json_object_get(v, "end")), "2016-12-31");
	assert_int_equal(json_integer_value(json_object_get(root, "team")), 3);

	/* every figure, in DESIGN order, each with value and n */
	assert_int_equal(json_object_size(json_object_get(root, "figures")), FIG__MAX);
	for (int f = 0; f < FIG__MAX; f++) {
		char key[80];
		const char *at;

		snprintf(key, sizeof(key), "\"%s\":{\"value\":", metrics_fig_names[f]);
		at = strstr(sb.buf, key);
		assert_non_null(at);
		assert_true(prev == NULL || at > prev);
		prev = at;
		assert_non_null(json_object_get(figure(root, metrics_fig_names[f]), "n"));
	}
	assert_true(json_is_null(json_object_get(figure(root, "decisions.median_days"), "value")) == 0);
	assert_true(fval(root, "decisions.median_days") == 60);
	assert_true(json_is_null(json_object_get(figure(root, "result.progress"), "value")));
	assert_true(json_is_false(json_object_get(figure(root, "director.shared_oversight"), "value")));
	assert_true(fval(root, "funds.spent") == 120);
	assert_int_equal(json_integer_value(json_object_get(figure(root, "funds.spent"), "n")), 2);
	/* pa paid, pb not */
	assert_true(fval(root, "funds.partners_paid") == 0.5);
	assert_int_equal(json_integer_value(json_object_get(figure(root, "funds.partners_paid"), "count")), 1);
	/* g: 120 of 100 → overspent; staff 80 of 50 */
	assert_true(fval(root, "grants.overspent") == 1);
	a = json_object_get(figure(root, "grants.overspent"), "ids");
	assert_string_equal(json_string_value(json_array_get(a, 0)), "g");
	a = json_object_get(figure(root, "grants.lines_over"), "ids");
	assert_string_equal(json_string_value(json_array_get(a, 0)), "g/staff");
	a = json_object_get(figure(root, "grants.unspent_closed"), "ids");
	assert_int_equal(json_array_size(a), 0);
	v = json_object_get(figure(root, "valueadd.hours"), "by_type");
	assert_int_equal(json_object_size(v), 1);
	assert_true(json_number_value(json_object_get(v, "data")) == 2.5);
	v = json_object_get(figure(root, "engagement.rate"), "by_org");
	assert_true(json_number_value(json_object_get(v, "pa")) == 1);
	assert_true(json_number_value(json_object_get(v, "pb")) == 0);
	assert_true(fval(root, "engagement.rate") == 0.5);

	/* scores */
	v = json_object_get(json_object_get(root, "scores"), "stepping_back");
	assert_true(json_is_number(json_object_get(v, "value")));
	assert_true(json_number_value(json_object_get(json_object_get(v, "parts"),
	    "decisions.backbone_alone_share")) == 0);
	v = json_object_get(json_object_get(root, "scores"), "stepping_up");
	assert_non_null(json_object_get(json_object_get(v, "parts"), "grants.in_order"));

	/* alerts: dominance (5 of 5 alone), director_as_employee, no_contrary_views (0 of 5) */
	a = json_object_get(root, "alerts");
	assert_int_equal(json_array_size(a), 3);
	assert_string_equal(json_string_value(json_object_get(json_array_get(a, 2), "code")),
	    "no_contrary_views");
	v = json_array_get(a, 0);
	assert_int_equal(json_integer_value(json_object_get(v, "pitfall")), 1);
	assert_string_equal(json_string_value(json_object_get(v, "code")), "dominance");
	assert_int_equal(json_array_size(json_object_get(v, "evidence")), 5);
	assert_int_equal(json_object_size(v), 3);
	v = json_array_get(a, 1);
	assert_string_equal(json_string_value(json_array_get(json_object_get(v, "evidence"), 0)), "dee");
	/* strengths: capacity_shared (1/2 reached), partners_compensated (1/2) */
	a = json_object_get(root, "strengths");
	if (json_array_size(a) != 2)
		fail_msg("%s", sb.buf);
	assert_int_equal(json_array_size(a), 2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(a, 0), "practice")), 3);
	assert_string_equal(json_string_value(json_object_get(json_array_get(a, 1), "code")),
	    "partners_compensated");
	json_decref(root);

	/* --all: an array */
	strbuf_reset(&sb);
	report_json_write_array(&r, 1, &sb);
	root = json_loads(sb.buf, 0, &err);
	assert_non_null(root);
	assert_true(json_is_array(root));
	assert_int_equal(json_array_size(root), 1);
	json_decref(root);

	strbuf_release(&sb);
	metrics_report_release(&r);
	program_release(&p);
}

/* An empty window: figures are null, with n 0. */
static void
test_nulls(void **state)
{
	struct program p;
	struct report r;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	build(&p);
	metrics_report_init(&r);
	assert_int_equal(metrics_report(&p, &p.initiatives.v[0], D("2010-12-31"),
	    12, NULL, &r), 0);
	report_json_write(&r, &sb);
	assert_non_null(strstr(sb.buf, "\"team\":0,\"figures\":{\"team.size\":{\"value\":0,\"n\":0},"
	    "\"team.sectors\":{\"value\":null,\"n\":0},"));
	assert_non_null(strstr(sb.buf, "\"funds.partners_paid\":{\"value\":null,\"n\":0,\"count\":0}"));
	assert_non_null(strstr(sb.buf, "\"grants.overspent\":{\"value\":null,\"n\":0,\"count\":0,\"ids\":[]}"));
	assert_non_null(strstr(sb.buf, "\"scores\":{\"stepping_back\":{\"value\":null,\"parts\":{}},"
	    "\"stepping_up\":{\"value\":0,\"parts\":{\"director.shared_oversight\":0}}}"));
	strbuf_release(&sb);
	metrics_report_release(&r);
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape),
		cmocka_unit_test(test_nulls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
