#!/bin/sh
# The store's and the write path's unit tests that build their database
# with tests/unit/fixture_db.h, run on PostgreSQL (TRELLIS_TEST_PG; the
# fixture empties that database for each case): the one write path
# serializes writers (app/test_write), answers queue behind a writer and go
# together (app/test_answers), editing (store/test_edit), the data's
# versions (store/test_versions), an initiative read alone reports the same
# bytes as read with its program (store/test_initiative_load). Skipped,
# saying why, only when the throwaway server (tests/pg.sh) cannot start.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/pg.sh"

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi
URL=$(pg_createdb unit)

for t in app/test_write app/test_answers store/test_edit store/test_versions \
    store/test_initiative_load; do
	test_expect_success "$t on PostgreSQL" '
		bin=$TEST_TOP/${BUILD:-build}/tests/unit/'"$t"' &&
		test -x "$bin" &&
		TRELLIS_TEST_PG=$URL "$bin" >out 2>&1 ||
		{ cat out; false; } &&
		test_grep "^\[  PASSED  \] [1-9][0-9]* test" out &&
		! grep -q "FAILED" out
	'
done

test_done
