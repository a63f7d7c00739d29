# Test library for tests/cli/tNNNN-*.sh, after git's t/test-lib.sh.
#
#	. "$(dirname "$0")/lib.sh"
#	test_expect_success 'title' '
#		"$TRELLIS" init && test -f trellis.db
#	'
#	test_done
#
# Each script runs in a fresh temporary directory, removed at the end; each
# test's commands run in a subshell there (so state passes between tests
# through files, not variables). $TRELLIS is the absolute path of the
# binary (env TRELLIS_BIN, else ./trellis at the top of the tree); with
# TRELLIS_VALGRIND=1 it runs under valgrind. $TEST_DATA is tests/data.
# Output: "ok N - title" / "not ok N - title" (with the failing commands and
# their output), then "# passed N failed N"; the exit status is 1 if any
# test failed. TEST_VERBOSE=1 shows every test's output.

TEST_TOP=$(cd "$(dirname "$0")/../.." && pwd)
TEST_DATA=$TEST_TOP/tests/data
TEST_NAME=$(basename "$0" .sh)

case ${TRELLIS_BIN:-} in
"") TRELLIS=$TEST_TOP/trellis ;;
/*) TRELLIS=$TRELLIS_BIN ;;
*) TRELLIS=$TEST_TOP/$TRELLIS_BIN ;;
esac
if ! test -x "$TRELLIS"; then
	echo "not ok 1 - $TRELLIS is not built (run make)"
	echo "# passed 0 failed 1"
	exit 1
fi

# test_built NAME=PATH...: sets and exports each NAME to PATH in the build
# directory (BUILD, default build): a helper program a script runs (bench/gen,
# tests/reliability/load, a unit binary); `make test` builds them all. When
# one is not there the script stops with one failed test that names it.
test_built () {
	for arg in "$@"; do
		path=$TEST_TOP/${BUILD:-build}/${arg#*=}
		if ! test -x "$path"; then
			echo "not ok 1 - $path is not built (make test builds it)"
			echo "# passed 0 failed 1"
			exit 1
		fi
		eval "${arg%%=*}=\$path"
		export "${arg%%=*}"
	done
}

TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/trellis-$TEST_NAME.XXXXXX") || exit 1
trap 'exit 1' HUP INT TERM

if test "${TRELLIS_VALGRIND:-}" = 1; then
	# A wrapper keeps $TRELLIS a single path that tests can quote. Its
	# error exit code is 126, not 1: the bad-input tests expect exit 1, and
	# a memory error there must not pass for the refusal they look for.
	mkdir "$TEST_DIR/.bin"
	cat >"$TEST_DIR/.bin/trellis" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=126 --leak-check=full --errors-for-leak-kinds=definite "$TRELLIS" "\$@"
WRAP
	chmod +x "$TEST_DIR/.bin/trellis"
	TRELLIS=$TEST_DIR/.bin/trellis
fi

# The PostgreSQL pass of tests/run.sh (TRELLIS_PG_PASS=1, the pass's server
# at PG_SOCK and PG_PORT; docs/testing.md): $TRELLIS becomes tests/pgmap.sh,
# which runs the binary with each database path mapped to a PostgreSQL
# database of this script's own, and sqlite3 in PATH runs psql on such a
# database. test_cleanup drops them at exit.
test_cleanup () {
	if test -s "$TEST_DIR/.pg-dbs"; then
		# one psql for them all (each -c its own statement)
		set --
		for d in $(sort -u "$TEST_DIR/.pg-dbs"); do
			set -- "$@" -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)"
		done
		psql -X -q -h "$PG_SOCK" -p "$PG_PORT" -U trellis -d postgres "$@" >/dev/null 2>&1
	fi
	rm -rf "$TEST_DIR"
}
trap 'test_cleanup' EXIT
if test -n "${TRELLIS_PG_PASS:-}"; then
	mkdir -p "$TEST_DIR/.bin"
	TRELLIS_PG_SQLITE3=$(command -v sqlite3 || echo /usr/bin/sqlite3)
	ln -s "$TEST_TOP/tests/pgmap.sh" "$TEST_DIR/.bin/sqlite3"
	ln -s "$TEST_TOP/tests/pgmap.sh" "$TEST_DIR/.bin/trellis-pg"
	TRELLIS_PG_REAL=$TRELLIS
	TRELLIS=$TEST_DIR/.bin/trellis-pg
	PATH=$TEST_DIR/.bin:$PATH
	export TRELLIS_PG_SQLITE3 TRELLIS_PG_REAL PG_SOCK PG_PORT PATH
fi

# test_pg_pass: true in the PostgreSQL pass (for the rare expectation that
# differs there, e.g. a database that cannot be missing).
test_pg_pass () {
	test -n "${TRELLIS_PG_PASS:-}"
}

# test_db_target PATH: what a program other than trellis (a unit test
# binary given a database) opens for PATH: in the PostgreSQL pass the URL
# of the database PATH's marker names (tests/pgmap.sh), else PATH.
test_db_target () {
	if test_pg_pass && line=$(sed -n 's/^trellis-pg-test-database \(t_[0-9a-f]*\)$/\1/p' "$1" 2>/dev/null) &&
	    test -n "$line"; then
		echo "postgresql://trellis@127.0.0.1:$PG_PORT/$line"
	else
		echo "$1"
	fi
}

# test_sqlite_only WHY: the script is about SQLite itself; the PostgreSQL
# pass skips it, saying WHY (tests/run.sh lists it).
test_sqlite_only () {
	test -n "${TRELLIS_PG_PASS:-}" || return 0
	echo "# skipped[pg]: $1"
	echo "# passed 0 failed 0"
	exit 0
}

# The tests choose their databases themselves.
unset TRELLIS_DB
# ... and their language: the caller's environment never decides it (a
# Spanish test sets LANGUAGE=es or passes --lang es itself; docs/cli.md).
LC_ALL=C.UTF-8
export LC_ALL
unset LANGUAGE LC_MESSAGES LANG
export TRELLIS TEST_DATA TEST_DIR
cd "$TEST_DIR" || exit 1

test_count=0
test_passed=0
test_failed=0

test_expect_success () {
	test "$#" = 2 || { echo "bug in $0: test_expect_success needs 2 arguments" >&2; exit 1; }
	test_count=$((test_count + 1))
	if (cd "$TEST_DIR" && eval "$2") >"$TEST_DIR/.out" 2>&1 </dev/null; then
		test_passed=$((test_passed + 1))
		echo "ok $test_count - $1"
		test "${TEST_VERBOSE:-}" = 1 && sed 's/^/#   /' "$TEST_DIR/.out"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $1"
		echo "$2" | sed 's/^/#   | /'
		sed 's/^/#   /' "$TEST_DIR/.out"
	fi
	return 0
}

test_done () {
	echo "# passed $test_passed failed $test_failed"
	test "$test_failed" = 0
	exit $?
}

# Helpers for use inside tests. Each prints why it failed.

# test_cmp EXPECTED ACTUAL: the files are identical.
test_cmp () {
	cmp -s "$1" "$2" && return 0
	echo "test_cmp: $1 and $2 differ:"
	diff -u "$1" "$2" | head -40
	return 1
}

# test_expect_code CODE COMMAND...: the command exits with CODE.
test_expect_code () {
	want=$1
	shift
	"$@"
	got=$?
	test "$got" = "$want" && return 0
	echo "test_expect_code: '$*' exited $got, expected $want"
	return 1
}

# test_line_count FILE N: FILE has exactly N lines.
test_line_count () {
	n=$(wc -l <"$1")
	test "$n" -eq "$2" && return 0
	echo "test_line_count: $1 has $n lines, expected $2:"
	cat "$1"
	return 1
}

# test_grep PATTERN FILE: a line of FILE matches the basic regex PATTERN.
test_grep () {
	grep -q -e "$1" "$2" && return 0
	echo "test_grep: no line of $2 matches '$1':"
	cat "$2"
	return 1
}

# test_reports_one_by_one DB AS_OF OUT: OUT is the JSON array of each
# initiative of csv/initiatives.csv reported alone (--initiative, in the
# file's order), which `report --all --format json` must equal.
test_reports_one_by_one () {
	for s in $(sed 1d csv/initiatives.csv | cut -d, -f1); do
		"$TRELLIS" --db "$1" report --initiative "$s" --as-of "$2" --format json || return 1
	done >one.txt &&
	printf "[%s]\n" "$(paste -sd, one.txt)" >"$3"
}
