#!/bin/sh
# The CSV import streams every file as if its rows were grouped by
# initiative, and runs again the careful way (a parse of each file to see
# whether it is grouped; one that is not read whole first) when that
# fails (app_import_csv, docs/benchmarks.md "P1 again"). What it reports and
# leaves must be what the careful way alone would: the first problem of a
# file read whole comes before a problem of any initiative, and a failed
# import, twice rolled back, leaves the database as it was.
. "$(dirname "$0")/lib.sh"

test_built GEN=bench/gen

day="[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]"

test_expect_success 'setup: a bench/gen CSV set of 3 initiatives' '
	"$GEN" --scale 0.003 --seed 1 --format csv --out csv &&
	test "$(sed 1d csv/initiatives.csv | wc -l)" -eq 3 &&
	first=$(sed -n 2p csv/initiatives.csv | cut -d, -f1) &&
	echo "$first" >first &&
	"$TRELLIS" --db new.db import csv/*.csv >/dev/null &&
	"$TRELLIS" --db new.db export >new.json
'

# decisions.csv: the first initiative first decision decided before proposed
bad_decision () {
	sed "2s/,$day,$day,/,2030-01-02,2030-01-01,/" csv/decisions.csv >"$1/decisions.csv" &&
	! cmp -s csv/decisions.csv "$1/decisions.csv"
}

test_expect_success 'a file not grouped by initiative: its own problem is the one reported' '
	mkdir shuffled && cp csv/*.csv shuffled/ &&
	first=$(cat first) &&
	{
		sed -n 1p csv/ledger.csv &&
		sed 1d csv/ledger.csv | grep -v "^$first," &&
		sed 1d csv/ledger.csv | grep "^$first," | sed "1s/^\([^,]*,[^,]*,[^,]*,[^,]*\),[0-9.]*,/\1,-5.00,/"
	} >shuffled/ledger.csv &&
	n=$(grep -n ",-5.00," shuffled/ledger.csv | cut -d: -f1) &&
	test "$n" -gt 2 &&
	bad_decision shuffled &&
	test_expect_code 1 "$TRELLIS" --db shuffled.db import shuffled/*.csv >out 2>err &&
	test_grep "^shuffled/ledger.csv:$n: amount: " err &&
	! test -e shuffled.db
'

test_expect_success 'a grouped file with a CSV error at its end: that error, not an initiative problem' '
	mkdir quote && cp csv/*.csv quote/ &&
	n=$(wc -l <csv/ledger.csv) &&
	sed "${n}s/\"\([^\"]*\)\"/\"\1\"x/" csv/ledger.csv >quote/ledger.csv &&
	! cmp -s csv/ledger.csv quote/ledger.csv &&
	bad_decision quote &&
	test_expect_code 1 "$TRELLIS" --db quote.db import quote/*.csv >out 2>err &&
	test_grep "^quote/ledger.csv:$n: purpose: a quote inside an unquoted field" err &&
	! test -e quote.db
'

test_expect_success 'the same files without the problems import the same as the grouped set' '
	cp csv/decisions.csv shuffled/ &&
	sed "s/,-5.00,/,$(grep "^$(cat first)," csv/ledger.csv | sed -n 1p | cut -d, -f5),/" \
	    shuffled/ledger.csv >ledger.csv && mv ledger.csv shuffled/ledger.csv &&
	"$TRELLIS" --db shuffled.db import shuffled/*.csv >/dev/null &&
	"$TRELLIS" --db shuffled.db export >shuffled.json &&
	test_cmp new.json shuffled.json
'

test_expect_success 'records added to a stored program: a failure leaves it as it was' '
	mkdir part1 part2 &&
	for f in csv/*.csv; do
		case $f in
		*/decisions.csv|*/ledger.csv) ;;
		*) cp "$f" part1/ ;;
		esac
	done &&
	"$TRELLIS" --db add.db import part1/*.csv >/dev/null &&
	sqlite3 add.db .dump >before.sql &&
	cp shuffled/ledger.csv part2/ &&
	last=$(tail -n 1 csv/initiatives.csv | cut -d, -f1) &&
	n=$(grep -n "^$last,d-.*,$day,$day," csv/decisions.csv | tail -n 1 | cut -d: -f1) &&
	sed "${n}s/,$day,$day,/,2030-01-02,2030-01-01,/" csv/decisions.csv >part2/decisions.csv &&
	test_expect_code 1 "$TRELLIS" --db add.db import part2/*.csv >out 2>err &&
	test_grep "^part2/decisions.csv:$n: decided: 2030-01-01 is before proposed" err &&
	sqlite3 add.db .dump >after.sql &&
	test_cmp before.sql after.sql
'

test_done
