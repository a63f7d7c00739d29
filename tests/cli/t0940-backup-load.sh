#!/bin/sh
# R11: backups taken while a writer appends (tests/reliability/backup-load.sh),
# each checked, compared with what was acknowledged, restored and re-imported.
# In the PostgreSQL pass the writer appends to a database of the pass and
# each backup is `trellis copy` of it into a SQLite file (`trellis backup`
# is SQLite's online backup and refuses a URL).
. "$(dirname "$0")/lib.sh"

build=${BUILD:-build}
case $build in /*) ;; *) build=$TEST_TOP/$build ;; esac
export WRITER="$build/tests/reliability/writer"

if test_pg_pass; then
	test_expect_success 'a database of the pass for the writer' '
		$TRELLIS --db live.db init >out 2>&1 &&
		test_db_target live.db >url &&
		grep -q "^postgresql://" url
	'
	BACKUP_DB=$(cat url)
	# the real binary: the copies are SQLite files, checked as they are
	TRELLIS=$TRELLIS_PG_REAL
	export BACKUP_DB TRELLIS
fi

test_expect_success 'backup under write load: each one consistent, checked, restored equal' '
	sh "$TEST_TOP/tests/reliability/backup-load.sh" 5 >out 2>err ||
	{ cat out err; false; } &&
	cat out &&
	test_grep ", 0 failed$" out
'

test_done
