#!/bin/sh
# The CSV and JSON imports stream (issue 10, docs/formats.md): the catalog
# first, then one initiative at a time, each file read a chunk at a time,
# all in one transaction. So a bench/gen program imports under an address-space
# limit that reading it whole does not fit in (the whole-program importer
# needed about 150 MiB of address space for this set, the streaming one
# about 78); a file whose rows are not grouped by initiative imports the
# same; and a bad record in the last initiative leaves the database
# exactly as it was, after every other initiative has been written inside
# the transaction.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "memory bounds of streaming reads; PostgreSQL reads a result whole (docs/postgresql.md)"

test_built GEN=bench/gen

test_expect_success 'setup: a bench/gen CSV set of 20 initiatives' '
	"$GEN" --scale 0.02 --seed 1 --format csv --out csv &&
	test "$(sed 1d csv/initiatives.csv | wc -l)" -eq 20
'

# Under a sanitizer or valgrind the address space is the tool's, not ours.
case $TRELLIS_BIN${TRELLIS_VALGRIND:-} in
*asan*|*1) limit= ;;
*) limit=102400 ;;	# KiB: 100 MiB
esac

test_expect_success 'a new program from CSV fits in 100 MiB of address space' '
	if test -z "$limit"; then
		"$TRELLIS" --db new.db import csv/*.csv >out
	else
		(ulimit -v $limit && "$TRELLIS" --db new.db import csv/*.csv >out)
	fi &&
	test_grep "^Imported 75702 records from 19 CSV files" out &&
	"$TRELLIS" --db new.db export >new.json
'

test_expect_success 'records added to the stored program fit in the same limit' '
	mkdir part1 part2 &&
	for f in csv/*.csv; do
		case $f in
		*/decisions.csv|*/ledger.csv|*/surveys.csv|*/ties.csv) cp "$f" part2/ ;;
		*) cp "$f" part1/ ;;
		esac
	done &&
	"$TRELLIS" --db add.db import part1/*.csv >/dev/null &&
	if test -z "$limit"; then
		"$TRELLIS" --db add.db import part2/*.csv >out
	else
		(ulimit -v $limit && "$TRELLIS" --db add.db import part2/*.csv >out)
	fi &&
	test_grep "records from 4 CSV files" out &&
	"$TRELLIS" --db add.db export >add.json &&
	test_cmp new.json add.json
'

test_expect_success 'a file whose rows are not grouped by initiative imports the same' '
	mkdir shuffled && cp csv/*.csv shuffled/ &&
	first=$(sed -n 2p csv/members.csv | cut -d, -f1) &&
	{
		sed -n 1p csv/members.csv &&
		sed 1d csv/members.csv | grep -v "^$first," &&
		sed 1d csv/members.csv | grep "^$first,"
	} >shuffled/members.csv &&
	! cmp -s csv/members.csv shuffled/members.csv &&
	"$TRELLIS" --db shuffled.db import shuffled/*.csv >/dev/null &&
	"$TRELLIS" --db shuffled.db export >shuffled.json &&
	test_cmp new.json shuffled.json
'

# The last initiative: its last decision decided before it was proposed.
test_expect_success 'a bad record in the last initiative leaves the database as it was' '
	"$TRELLIS" --db last.db import part1/*.csv >/dev/null &&
	"$TRELLIS" --db last.db export --format csv --out before-csv &&
	sqlite3 last.db .dump >before.sql &&
	mkdir bad && cp part2/*.csv bad/ &&
	last=$(tail -n 1 csv/initiatives.csv | cut -d, -f1) &&
	day="[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]" &&
	n=$(grep -n "^$last,d-.*,$day,$day," part2/decisions.csv | tail -n 1 | cut -d: -f1) &&
	test -n "$n" &&
	sed "${n}s/,$day,$day,/,2030-01-02,2030-01-01,/" part2/decisions.csv >bad/decisions.csv &&
	test "$(cmp bad/decisions.csv part2/decisions.csv | sed "s/.* line //")" = "$n" &&
	test_expect_code 1 "$TRELLIS" --db last.db import bad/*.csv >out 2>err &&
	test_grep "^bad/decisions.csv:$n: decided: 2030-01-01 is before proposed" err &&
	sqlite3 last.db .dump >after.sql &&
	test_cmp before.sql after.sql &&
	"$TRELLIS" --db last.db export --format csv --out after-csv &&
	diff -r before-csv after-csv
'

test_expect_success 'a failed import of a new program leaves no database behind' '
	mkdir badnew && cp csv/*.csv badnew/ && cp bad/decisions.csv badnew/ &&
	test_expect_code 1 "$TRELLIS" --db none.db import badnew/*.csv 2>err &&
	test_grep "^badnew/decisions.csv:$(grep -n "2030-01-02,2030-01-01" badnew/decisions.csv | cut -d: -f1): decided: " err &&
	! test -e none.db
'

test_expect_success 'the same program as a JSON document fits in the same limit' '
	"$GEN" --scale 0.02 --seed 1 --format json --out gen.json &&
	if test -z "$limit"; then
		"$TRELLIS" --db json.db import gen.json >out
	else
		(ulimit -v $limit && "$TRELLIS" --db json.db import gen.json >out)
	fi &&
	test_grep "^Imported program national-bench (20 initiatives, 75702 records)" out &&
	"$TRELLIS" --db json.db export >json.json &&
	test_cmp new.json json.json
'

test_expect_success 'a bad record in the last initiative of a JSON document: its line, no database' '
	n=$(grep -n "\"decided\": \"20" gen.json | tail -n 1 | cut -d: -f1) &&
	sed "${n}s/\"decided\": \"20[0-9-]*\"/\"decided\": \"1999-01-01\"/" gen.json >bad.json &&
	test_expect_code 1 "$TRELLIS" --db badjson.db import bad.json 2>err &&
	test_grep "^bad.json:$n: decided: 1999-01-01 is before proposed" err &&
	! test -e badjson.db
'

test_done
