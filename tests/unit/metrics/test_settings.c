/* Settings by name: defaults of DESIGN §3 and §5, set, list, refusals. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/metrics.h"
#include "util/num.h"

static const char *
value_of(const struct metrics_settings *s, const char *name, char *buf)
{
	for (size_t i = 0; i < metrics_settings_count(); i++)
		if (strcmp(metrics_settings_name(i), name) == 0)
			return metrics_settings_value(s, i, buf);
	return NULL;
}

static void
test_defaults(void **state)
{
	struct metrics_settings s;
	char buf[NUM_BUFSZ];

	(void)state;
	metrics_settings_default(&s);
	assert_true(s.dominance_backbone_alone == 0.5);
	assert_true(s.dominance_hhi == 0.5);
	assert_true(s.dominance_rushed == 0.25);
	assert_int_equal(s.dominance_min_decisions, 5);
	assert_int_equal(s.rushed_days, 7);
	assert_true(s.blurred_backbone_own == 0.10);
	assert_int_equal(s.blurred_min_entries, 5);
	assert_true(s.loop_closure == 0.8);
	assert_int_equal(s.loop_min_decisions, 1);
	assert_true(s.contrary_share == 0.2);
	assert_int_equal(s.contrary_min_decisions, 5);
	assert_int_equal(s.leadership_committee, 3);
	assert_true(s.leadership_shared_share == 0.3);
	assert_true(s.director_survey_mean == 4);
	assert_int_equal(s.capacity_staff, 20);
	assert_int_equal(s.capacity_revenue, 300000000);	/* $3M in cents */
	assert_int_equal(s.capacity_traits, 4);
	assert_int_equal(s.capacity_expertise_areas, 2);
	assert_true(s.unspent_tolerance == 0.05);
	assert_string_equal(value_of(&s, "grants.unspent_tolerance", buf), "0.05");
	assert_string_equal(value_of(&s, "dominance.backbone_alone_share", buf), "0.5");
	assert_string_equal(value_of(&s, "blurred_boundaries.backbone_own_share", buf), "0.1");
	assert_string_equal(value_of(&s, "capacity.revenue", buf), "3000000");
	assert_string_equal(value_of(&s, "capacity.staff", buf), "20");
}

static void
test_set(void **state)
{
	struct metrics_settings s;
	char buf[NUM_BUFSZ];

	(void)state;
	metrics_settings_default(&s);
	assert_int_equal(metrics_settings_set(&s, "dominance.backbone_alone_share", "0.6"), 0);
	assert_true(s.dominance_backbone_alone == 0.6);
	assert_int_equal(metrics_settings_set(&s, "capacity.revenue", "2500000.50"), 0);
	assert_int_equal(s.capacity_revenue, 250000050);
	assert_string_equal(value_of(&s, "capacity.revenue", buf), "2500000.50");
	assert_int_equal(metrics_settings_set(&s, "rushed.days", "10"), 0);
	assert_int_equal(s.rushed_days, 10);

	/* refusals leave s unchanged */
	assert_int_equal(metrics_settings_set(&s, "no.such", "1"), -1);
	assert_int_equal(metrics_settings_set(&s, "dominance.hhi", "1.5"), -1);
	assert_int_equal(metrics_settings_set(&s, "dominance.hhi", "abc"), -1);
	assert_int_equal(metrics_settings_set(&s, "dominance.hhi", ""), -1);
	assert_int_equal(metrics_settings_set(&s, "dominance.hhi", "-0.1"), -1);
	assert_int_equal(metrics_settings_set(&s, "rushed.days", "1.5"), -1);
	assert_int_equal(metrics_settings_set(&s, "capacity.revenue", "-1"), -1);
	assert_int_equal(metrics_settings_set(&s, "capacity.traits", "6"), -1);
	assert_int_equal(metrics_settings_set(&s, "dominance.hhi", NULL), -1);
	assert_true(s.dominance_hhi == 0.5);
	assert_int_equal(s.capacity_traits, 4);
}

/* grants.unspent_tolerance: 0 <= t < 1, and its range in words. */
static void
test_tolerance(void **state)
{
	struct metrics_settings s;
	char range[METRICS_RANGE_BUFSZ];
	size_t i;

	(void)state;
	metrics_settings_default(&s);
	assert_int_equal(metrics_settings_set(&s, "grants.unspent_tolerance", "0"), 0);
	assert_true(s.unspent_tolerance == 0);
	assert_int_equal(metrics_settings_set(&s, "grants.unspent_tolerance", "0.99"), 0);
	assert_true(s.unspent_tolerance == 0.99);
	assert_int_equal(metrics_settings_set(&s, "grants.unspent_tolerance", "1"), -1);
	assert_int_equal(metrics_settings_set(&s, "grants.unspent_tolerance", "-0.01"), -1);
	assert_int_equal(metrics_settings_set(&s, "grants.unspent_tolerance", "x"), -1);
	assert_true(s.unspent_tolerance == 0.99);
	for (i = 0; i < metrics_settings_count(); i++)
		if (strcmp(metrics_settings_name(i), "grants.unspent_tolerance") == 0)
			break;
	assert_string_equal(metrics_settings_range(i, range),
	    "a number from 0 up to but not including 1");
	assert_null(metrics_settings_range(metrics_settings_count(), range));
}

static void
test_list(void **state)
{
	struct metrics_settings s;
	char buf[NUM_BUFSZ], range[METRICS_RANGE_BUFSZ];
	size_t n = metrics_settings_count();

	(void)state;
	metrics_settings_default(&s);
	assert_true(n >= 20);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(metrics_settings_name(i));
		assert_non_null(metrics_settings_help(i));
		assert_non_null(metrics_settings_value(&s, i, buf));
		assert_non_null(metrics_settings_range(i, range));
		/* every listed value reads back through set */
		assert_int_equal(metrics_settings_set(&s, metrics_settings_name(i), buf), 0);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(metrics_settings_name(i), metrics_settings_name(j));
	}
	assert_null(metrics_settings_name(n));
	assert_null(metrics_settings_value(&s, n, buf));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_tolerance),
		cmocka_unit_test(test_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
