#!/bin/sh
# The command line's writes are one write each, run again whole when
# PostgreSQL fails them with a serialization failure (40001): the streamed
# imports (CSV and JSON, read again from their files), a setting and an
# account. The conflict is forced by a fault point the test installs in the
# database from its own connection (pg_fault_install, tests/pg.sh): a
# trigger on the audit log raises 40001 on the next K inserts. One
# conflict: stored once, with one audit entry, after two runs. A conflict
# every time: after 4 runs an error naming the command, nothing stored.
# Skipped, saying why, only when the throwaway server cannot start.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/pg.sh"

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi

# fresh NAME: a new database with the schema and the fault point; its URL in $DB
fresh () {
	DB=$(pg_createdb "$1") &&
	"$TRELLIS" --db "$DB" user list >/dev/null &&
	pg_fault_install "$DB" audit_log
}
audits () {
	pg_sql "$DB" "SELECT count(*) FROM audit_log"
}
decisions () {
	pg_sql "$DB" "SELECT count(*) FROM decision"
}

test_expect_success 'the files: the demo as trellis/1 and as CSV' '
	"$TRELLIS" --db demo.db demo >/dev/null &&
	"$TRELLIS" --db demo.db export >demo.json &&
	"$TRELLIS" --db demo.db export --format csv --out csv >/dev/null &&
	test -s csv/decisions.csv
'

test_expect_success 'CSV import: one conflict, run again from the files, stored once' '
	fresh csv1 &&
	pg_fault_arm "$DB" 1 &&
	"$TRELLIS" --db "$DB" import csv/*.csv >out 2>err &&
	test_grep "^Imported 2216 records from 19 CSV files into program wcc-demo" out &&
	test "$(pg_fault_runs "$DB")" = 2 &&
	test "$(audits)" = 1 &&
	pg_sql "$DB" "SELECT action, kind FROM audit_log" >entry &&
	test_grep "^import|csv$" entry &&
	"$TRELLIS" --db "$DB" export >back.json &&
	test_cmp demo.json back.json
'

test_expect_success 'CSV import: a conflict every time, an error naming the command, nothing stored' '
	fresh csv2 &&
	pg_fault_arm "$DB" 100 &&
	test_expect_code 1 "$TRELLIS" --db "$DB" import csv/*.csv >out 2>err &&
	test_grep "^trellis: import: postgresql://.*: the database is busy with other changes (tried 4 times); nothing was written: " err &&
	test "$(pg_fault_runs "$DB")" = 4 &&
	test "$(audits)" = 0 &&
	test "$(decisions)" = 0 &&
	test "$(pg_sql "$DB" "SELECT count(*) FROM program")" = 0
'

test_expect_success 'JSON import (streamed): one conflict, stored once; every time, nothing' '
	fresh json1 &&
	pg_fault_arm "$DB" 1 &&
	"$TRELLIS" --db "$DB" import demo.json >out &&
	test "$(pg_fault_runs "$DB")" = 2 &&
	test "$(audits)" = 1 &&
	"$TRELLIS" --db "$DB" export >back.json &&
	test_cmp demo.json back.json &&
	fresh json2 &&
	pg_fault_arm "$DB" 100 &&
	test_expect_code 1 "$TRELLIS" --db "$DB" import demo.json >out 2>err &&
	test_grep "^trellis: import: .*(tried 4 times); nothing was written" err &&
	test "$(pg_fault_runs "$DB")" = 4 &&
	test "$(pg_sql "$DB" "SELECT count(*) FROM program")" = 0
'

test_expect_success 'a setting: one conflict, stored once; every time, the command named, unchanged' '
	fresh settings &&
	"$TRELLIS" --db "$DB" import demo.json >/dev/null &&
	a=$(audits) &&
	pg_fault_arm "$DB" 1 &&
	"$TRELLIS" --db "$DB" settings capacity.staff 25 >out &&
	test "$(pg_fault_runs "$DB")" = 2 &&
	test "$(audits)" = $((a + 1)) &&
	test "$(pg_sql "$DB" "SELECT value FROM setting WHERE name = '"'"'capacity.staff'"'"'")" = 25 &&
	pg_fault_arm "$DB" 100 &&
	test_expect_code 1 "$TRELLIS" --db "$DB" settings capacity.staff 30 >out 2>err &&
	test_grep "^trellis: settings: the database is busy with other changes (tried 4 times)" err &&
	test "$(pg_fault_runs "$DB")" = 4 &&
	test "$(audits)" = $((a + 1)) &&
	test "$(pg_sql "$DB" "SELECT value FROM setting WHERE name = '"'"'capacity.staff'"'"'")" = 25
'

test_expect_success 'an account: one conflict, added once; every time, the command named, none' '
	fresh accounts &&
	printf "a long password 1\n" >pw &&
	a=$(audits) &&
	pg_fault_arm "$DB" 1 &&
	"$TRELLIS" --db "$DB" user add one@example.org --role admin --password-file pw >out &&
	test_grep "^Added admin user one@example.org" out &&
	test "$(pg_fault_runs "$DB")" = 2 &&
	test "$(audits)" = $((a + 1)) &&
	pg_fault_arm "$DB" 100 &&
	test_expect_code 1 "$TRELLIS" --db "$DB" user add two@example.org --role admin \
	    --password-file pw >out 2>err &&
	test_grep "^trellis: user add: the database is busy with other changes (tried 4 times)" err &&
	test "$(pg_fault_runs "$DB")" = 4 &&
	test "$(audits)" = $((a + 1)) &&
	test "$(pg_sql "$DB" "SELECT email FROM users")" = one@example.org
'

test_expect_success 'an admin of one program: the account and its role there are one write' '
	DB=$(pg_createdb roles) &&
	"$TRELLIS" --db "$DB" import demo.json >/dev/null &&
	pg_fault_install "$DB" account_role &&
	printf "a long password 1\n" >pw &&
	pg_fault_arm "$DB" 1 &&
	"$TRELLIS" --db "$DB" --program wcc-demo user add pa@example.org --role admin \
	    --password-file pw >out &&
	test_grep "^Added admin user pa@example.org in program wcc-demo" out &&
	test "$(pg_fault_runs "$DB")" = 2 &&
	test "$(pg_sql "$DB" "SELECT u.email, r.role FROM users u JOIN account_role r ON r.user_id = u.id")" = \
	    "pa@example.org|admin" &&
	pg_fault_arm "$DB" 100 &&
	test_expect_code 1 "$TRELLIS" --db "$DB" --program wcc-demo user add pb@example.org \
	    --role admin --password-file pw >out 2>err &&
	test_grep "^trellis: user add: the database is busy with other changes (tried 4 times)" err &&
	test "$(pg_sql "$DB" "SELECT email FROM users")" = pa@example.org
'

test_done
