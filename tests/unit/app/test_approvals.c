/*
 * Who may approve a ledger entry (src/app/approvals.c, docs/approvals.md):
 * first an organization holding A for "approve budget", then any other
 * current member organization; never the same organization twice, never
 * an entry that is not pending. tests/data/approvals.json: bb holds A, pa
 * is a member with C, pb no member; l2 is pending with bb's approval.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "app/approvals.h"
#include "util/strbuf.h"
#include "../fixture_json.h"

static void
load(struct program *p)
{
	fixture_json_load("approvals.json", p);
}

static void
test_first_then_second(void **state)
{
	struct program p;
	struct initiative *in;
	struct ledger_entry *l1, *l2;
	struct strbuf why = STRBUF_INIT;

	(void)state;
	load(&p);
	in = &p.initiatives.v[0];
	assert_int_equal(app_ledger_find(in, "l2"), 1);
	assert_int_equal(app_ledger_find(in, "nope"), -1);
	l1 = &in->ledger.v[app_ledger_find(in, "l1")];
	l2 = &in->ledger.v[app_ledger_find(in, "l2")];
	assert_true(app_approval_holds_a(in, "bb"));
	assert_false(app_approval_holds_a(in, "pa"));

	/* l1 approved (imported without a status): nobody acts */
	assert_false(app_approval_may(&p, in, l1, "bb", &why));
	assert_string_equal(why.buf, "ledger entry l1 is approved: it takes no more approvals");
	strbuf_reset(&why);

	/* pending with nothing yet: the A-holder only */
	l1->status = LSTATUS_PENDING;
	assert_true(app_approval_may(&p, in, l1, "bb", NULL));
	assert_false(app_approval_may(&p, in, l1, "pa", &why));
	assert_string_equal(why.buf, "Partner A does not hold A for \"approve budget\" in the RACI "
	    "of Init: the first approval comes from an organization that does");
	strbuf_reset(&why);

	/* bb approved l2: another member next, not bb again, not a non-member */
	assert_true(app_approval_may(&p, in, l2, "pa", NULL));
	assert_false(app_approval_may(&p, in, l2, "bb", &why));
	assert_string_equal(why.buf, "Backbone Org has already approved ledger entry l2: the second "
	    "approval must come from another organization");
	strbuf_reset(&why);
	assert_false(app_approval_may(&p, in, l2, "pb", &why));
	assert_string_equal(why.buf, "Partner B is not a member of Init: the second approval comes "
	    "from another member organization");
	strbuf_release(&why);
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_then_second),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
