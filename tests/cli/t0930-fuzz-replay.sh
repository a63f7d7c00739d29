#!/bin/sh
# R3: every fuzz harness (tests/fuzz/fuzz_*.c, built with replay.c's main)
# runs over its whole seed corpus and every crash input ever kept, so a
# regression fails the suite. `make fuzz` does the fuzzing itself.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "no database: the fuzz harnesses' replays, the same in both passes"

build=${BUILD:-build}
case $build in /*) ;; *) build=$TEST_TOP/$build ;; esac
# Under `make check-valgrind` the harnesses run under valgrind too.
VG=
test "${TRELLIS_VALGRIND:-}" = 1 &&
	VG="valgrind -q --error-exitcode=126 --leak-check=full --errors-for-leak-kinds=definite"
export VG

for src in "$TEST_TOP"/tests/fuzz/fuzz_*.c; do
	t=$(basename "$src" .c)
	t=${t#fuzz_}
	test_expect_success "fuzz replay $t: seed corpus and kept crash inputs" '
		t='"$t"' &&
		set -- "$TEST_TOP/tests/fuzz/corpus/$t" &&
		if test -d "$TEST_TOP/tests/fuzz/crashes/$t"; then
			set -- "$@" "$TEST_TOP/tests/fuzz/crashes/$t"
		fi &&
		$VG "$build/tests/fuzz/replay_$t" "$@" >out 2>err ||
		{ tail -5 err; false; } &&
		cat out &&
		test_grep "^replayed [1-9][0-9]* inputs, 0 unreadable$" out
	'
done

test_expect_success 'the replay fails on an input it cannot read' '
	! "$build/tests/fuzz/replay_html" ./no-such-input >out 2>&1 &&
	test_grep "no ./no-such-input" out
'

test_done
