#!/bin/sh
# R2: I/O error injection (tests/reliability/iofault.c through the fault VFS
# of src/store/vfs_fault.c): every write and every sync of a save failed in
# turn, once and forever.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "I/O faults through SQLite's VFS"

build=${BUILD:-build}
case $build in /*) ;; *) build=$TEST_TOP/$build ;; esac
VG=
test "${TRELLIS_VALGRIND:-}" = 1 &&
	VG="valgrind -q --error-exitcode=126 --leak-check=full --errors-for-leak-kinds=definite"
export VG

test_expect_success 'every failed write or sync: a clean error, all or nothing, integrity ok' '
	mkdir scratch &&
	$VG "$build/tests/reliability/iofault" scratch "$TEST_DATA/small.json" >out 2>&1 ||
	{ cat out; false; } &&
	cat out &&
	test_grep "^R2 io faults: [1-9][0-9]* trials, 0 failed$" out &&
	test_grep "^R2 write fault once, .*; ok$" out &&
	test_grep "^R2 sync fault forever, .*; ok$" out
'

test_done
