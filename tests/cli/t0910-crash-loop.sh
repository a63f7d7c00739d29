#!/bin/sh
# R1: the kill -9 crash loop (tests/reliability/crash-loop.sh), the CI
# length: 200 cycles. `make soak` runs a longer one.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "R1 on SQLite's file; on PostgreSQL it is t0164"

build=${BUILD:-build}
case $build in /*) ;; *) build=$TEST_TOP/$build ;; esac
export WRITER="$build/tests/reliability/writer"
cycles=200
# Under valgrind every `trellis check` is slow: fewer cycles.
test "${TRELLIS_VALGRIND:-}" = 1 && cycles=20

test_expect_success "crash loop: $cycles kills, every acknowledged record kept, integrity ok" '
	sh "$TEST_TOP/tests/reliability/crash-loop.sh" $cycles >out 2>err ||
	{ cat out err; false; } &&
	cat out &&
	test_grep " 0 lost, 0 integrity failures, 0 early exits" out
'

test_expect_success 'the loop can fail: acknowledging before COMMIT loses records' '
	! sh "$TEST_TOP/tests/reliability/crash-loop.sh" 60 -e >out 2>err &&
	cat out &&
	! test_grep " 0 lost" out >/dev/null
'

test_done
