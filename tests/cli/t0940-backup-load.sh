#!/bin/sh
# R11: backups taken while a writer appends (tests/reliability/backup-load.sh),
# each checked, compared with what was acknowledged, restored and re-imported.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "trellis backup is SQLite's online backup"

build=${BUILD:-build}
case $build in /*) ;; *) build=$TEST_TOP/$build ;; esac
export WRITER="$build/tests/reliability/writer"

test_expect_success 'backup under write load: each one consistent, checked, restored equal' '
	sh "$TEST_TOP/tests/reliability/backup-load.sh" 5 >out 2>err ||
	{ cat out err; false; } &&
	cat out &&
	test_grep ", 0 failed$" out
'

test_done
