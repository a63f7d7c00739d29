/*
 * The figure rule of disbursement approval (docs/approvals.md): only
 * approved ledger entries count — in funds.spent and every money figure
 * of the report, in the grants' overspent check and in metrics_grant_burn
 * (the portfolio's grant burn). tests/data/approvals.json has l1
 * (approved, no status), l2 pending, l3 rejected, l4 approved by two.
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
#include "metrics/series.h"
#include "util/strbuf.h"
#include "../fixture_json.h"

static void
load(struct program *p)
{
	fixture_json_load("approvals.json", p);
}

static struct ledger_entry *
entry(struct initiative *in, const char *id)
{
	for (size_t i = 0; i < in->ledger.n; i++)
		if (strcmp(in->ledger.v[i].id, id) == 0)
			return &in->ledger.v[i];
	fail_msg("no ledger entry %s", id);
	return NULL;
}

static void
test_rule(void **state)
{
	struct ledger_entry e = { .status = LSTATUS_APPROVED };

	(void)state;
	assert_true(ledger_counts(&e));
	e.status = LSTATUS_PENDING;
	assert_false(ledger_counts(&e));
	e.status = LSTATUS_REJECTED;
	assert_false(ledger_counts(&e));
}

static void
test_report(void **state)
{
	struct program p;
	struct report r;
	struct initiative *in;
	tdate as_of;

	(void)state;
	load(&p);
	in = &p.initiatives.v[0];
	assert_int_equal(entry(in, "l2")->status, LSTATUS_PENDING);
	assert_int_equal(entry(in, "l3")->status, LSTATUS_REJECTED);
	assert_int_equal(entry(in, "l4")->status, LSTATUS_APPROVED);
	date_parse("2015-12-31", &as_of);
	metrics_report_init(&r);
	assert_int_equal(metrics_report(&p, in, as_of, 12, NULL, &r), 0);
	/* l1 1000.25 + l4 25000: pending l2 (20000) and rejected l3 (30000) left out */
	assert_float_equal(r.fig[FIG_FUNDS_SPENT].value, 26000.25, 1e-9);
	assert_int_equal(r.fig[FIG_FUNDS_SPENT].n, 2);
	/* partners' share: pa got 26000.25 of 26000.25 (pb's pending 20000 not paid yet) */
	assert_float_equal(r.fig[FIG_FUNDS_PARTNER_SHARE].value, 1.0, 1e-9);
	metrics_report_release(&r);

	/* approving l2 changes them */
	entry(in, "l2")->status = LSTATUS_APPROVED;
	metrics_report_init(&r);
	assert_int_equal(metrics_report(&p, in, as_of, 12, NULL, &r), 0);
	assert_float_equal(r.fig[FIG_FUNDS_SPENT].value, 46000.25, 1e-9);
	assert_int_equal(r.fig[FIG_FUNDS_SPENT].n, 3);
	metrics_report_release(&r);
	program_release(&p);
}

static void
test_burn(void **state)
{
	struct program p;
	struct metrics_burn b;
	tdate as_of;

	(void)state;
	load(&p);
	date_parse("2016-12-31", &as_of);
	metrics_grant_burn(&p.initiatives.v[0], as_of, &b);
	assert_int_equal(b.awarded, 40000000);
	assert_int_equal(b.spent, 2600025);
	entry(&p.initiatives.v[0], "l3")->status = LSTATUS_APPROVED;
	metrics_grant_burn(&p.initiatives.v[0], as_of, &b);
	assert_int_equal(b.spent, 5600025);
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule),
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_burn),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
