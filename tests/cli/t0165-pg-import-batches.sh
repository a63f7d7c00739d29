#!/bin/sh
# PostgreSQL's import puts a save's new records in up to 64 to a statement,
# with ids drawn first, without waiting for each statement's answer
# (docs/postgresql.md, "How writes are batched"). The same bytes come back
# as from SQLite, lists longer than one statement included; a row the
# database refuses in the middle of a statement is named by its file and
# line, as one record a statement named it, and nothing is stored; a
# serialization failure in a batch runs the whole import again, and never
# the batch one record a statement. Skipped, saying why, only when the
# throwaway server (tests/pg.sh) cannot start.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/pg.sh"

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi
GEN=$TEST_TOP/${BUILD:-build}/bench/gen

count () {
	pg_sql "$DB" "SELECT count(*) FROM $1"
}

test_expect_success 'the files: the demo as CSV, and a bench/gen program' '
	"$TRELLIS" --db demo.db demo >/dev/null &&
	"$TRELLIS" --db demo.db export >demo.json &&
	"$TRELLIS" --db demo.db export --format csv --out csv >/dev/null &&
	test "$(grep -c "^harlow-mills," csv/ledger.csv)" -gt 128 &&
	test -x "$GEN" &&
	"$GEN" --scale 0.002 --seed 3 --format csv --out gen >/dev/null &&
	test "$(wc -l <gen/decisions.csv)" -gt 600
'

test_expect_success 'the demo: the same exports as from SQLite, lists longer than one statement' '
	DB=$(pg_createdb demo) &&
	"$TRELLIS" --db "$DB" import csv/*.csv >out &&
	test_grep "^Imported 2216 records from 19 CSV files" out &&
	"$TRELLIS" --db "$DB" export >pg.json &&
	test_cmp demo.json pg.json &&
	"$TRELLIS" --db "$DB" export --format csv --out pgcsv >/dev/null &&
	for f in csv/*.csv; do test_cmp "$f" "pgcsv/${f#csv/}" || return 1; done &&
	# ids follow the order of the files, one initiative after another
	pg_sql "$DB" "SELECT i.slug || chr(44) || e.ident FROM ledger_entry e
	    JOIN initiative i ON i.id = e.initiative_id ORDER BY e.id" >order &&
	cut -d, -f1,2 csv/ledger.csv | sed 1d >want &&
	test_cmp want order
'

test_expect_success 'a bench/gen program: the same exports as from SQLite' '
	"$TRELLIS" --db gen.db import gen/*.csv >/dev/null &&
	"$TRELLIS" --db gen.db export >gen-sqlite.json &&
	DB=$(pg_createdb gen) &&
	"$TRELLIS" --db "$DB" import gen/*.csv >/dev/null &&
	"$TRELLIS" --db "$DB" export >gen-pg.json &&
	test_cmp gen-sqlite.json gen-pg.json
'

test_expect_success 'a row refused in the middle of a statement is named; nothing is stored' '
	DB=$(pg_createdb refused) &&
	"$TRELLIS" --db "$DB" user list >/dev/null &&
	pg_sql "$DB" "ALTER TABLE decision ADD CONSTRAINT test_forbidden CHECK (title <> '"'forbidden'"')" &&
	mkdir bad && cp csv/*.csv bad/ &&
	sed -n 11p csv/decisions.csv | grep "^harlow-mills,d-010," &&
	sed "11s/^harlow-mills,d-010,[^,]*,/harlow-mills,d-010,forbidden,/" csv/decisions.csv \
	    >bad/decisions.csv &&
	test_expect_code 1 "$TRELLIS" --db "$DB" import bad/*.csv >out 2>err &&
	test_line_count err 1 &&
	test_grep "bad/decisions.csv:11: cannot store decisions '"'d-010'"': new row for relation \"decision\" violates check constraint \"test_forbidden\"" err &&
	test "$(count program)" = 0 &&
	test "$(count decision)" = 0 &&
	test "$(count audit_log)" = 0
'

test_expect_success 'a conflict in a batch runs the whole import again: stored once' '
	DB=$(pg_createdb retry1) &&
	"$TRELLIS" --db "$DB" user list >/dev/null &&
	pg_fault_install "$DB" decision &&
	pg_fault_arm "$DB" 1 &&
	"$TRELLIS" --db "$DB" import csv/*.csv >out &&
	test "$(count audit_log)" = 1 &&
	"$TRELLIS" --db "$DB" export >back.json &&
	test_cmp demo.json back.json
'

test_expect_success 'a conflict every time: four runs of the import, not of the batch' '
	DB=$(pg_createdb retry2) &&
	"$TRELLIS" --db "$DB" user list >/dev/null &&
	pg_fault_install "$DB" decision &&
	pg_fault_arm "$DB" 100 &&
	test_expect_code 1 "$TRELLIS" --db "$DB" import csv/*.csv >out 2>err &&
	test_grep "^trellis: import: .*(tried 4 times); nothing was written: .*could not serialize access (forced by the test)" err &&
	test "$(pg_fault_runs "$DB")" = 4 &&
	test "$(count program)" = 0 &&
	test "$(count decision)" = 0
'

test_done
