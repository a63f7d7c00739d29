#!/bin/sh
# The store's driver on PostgreSQL (docs/postgresql.md): the driver's unit
# test (tests/unit/store/test_db.c: binding, NULL, 64-bit integers, a bad
# statement's error, transactions, a serialization failure, the schema's
# migrations and every statement of store_sql[]) run against a throwaway
# server (tests/pg.sh). Skipped, saying why, only when the server cannot start.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/pg.sh"

UNIT=$TEST_TOP/${BUILD:-build}/tests/unit/store/test_db

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi

test_expect_success 'the throwaway server runs unprivileged, on its socket and 127.0.0.1' '
	ps -o user= -p "$PG_PID" >user &&
	if test "$(id -u)" = 0; then test_grep "^nobody" user; fi &&
	test -S "$PG_DIR/.s.PGSQL.$PG_PORT"
'

# A database whose locale sorts "ab" before "a-c" (glibc ignores the
# hyphen), unlike SQLite: the schema's text columns sort by bytes anyway.
LOCALE=C.UTF-8
locale -a 2>/dev/null | grep -qix "es_US.utf8" && LOCALE=es_US.UTF-8

test_expect_success "the driver passes its unit test on PostgreSQL (a database in $LOCALE)" '
	test -x "$UNIT" &&
	url=$(pg_createdb driver "$LOCALE") &&
	TRELLIS_TEST_PG=$url "$UNIT" >out 2>&1 ||
	{ cat out; false; } &&
	test_grep "PASSED.*8 test" out &&
	! grep "skipped" out
'

test_done
