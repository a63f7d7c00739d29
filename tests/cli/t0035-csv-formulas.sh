#!/bin/sh
# R14 (DESIGN §2.2): no CSV cell that Trellis writes starts a spreadsheet
# formula. tests/data/formulas.json has text beginning with '=', '+', '-',
# '@', "'", tab and CR in every kind of text column (names, titles, ids,
# slugs' lists, long text), and a negative number; every file of
# `trellis export --format csv` is counted by tests/reliability/csvformula,
# and the CSV set imported again exports the same JSON, byte for byte.
. "$(dirname "$0")/lib.sh"

build=${BUILD:-build}
case $build in /*) ;; *) build=$TEST_TOP/$build ;; esac
export build

test_expect_success 'export --format csv: 0 cells start a formula' '
	"$TRELLIS" --db f.db import "$TEST_DATA/formulas.json" &&
	"$TRELLIS" --db f.db export --format csv --out f-csv &&
	"$build/tests/reliability/csvformula" f-csv/*.csv >out || { cat out; false; } &&
	grep "^R14" out >figure &&
	test_grep "19 CSV files, .* cells, 0 start a formula" out
'

test_expect_success 'text is marked with one quote, numbers stay numbers' '
	test_grep "^i1,'"'"'-5,'"'"'-x," f-csv/decisions.csv &&
	test_grep "^i1,d1,\"'"'"'=HYPERLINK(\"\"http://x\"\",\"\"open\"\")\"" f-csv/decisions.csv &&
	test_grep "^i1,2015-01-01,-29.1$" f-csv/observations.csv &&
	test_grep "^dir,'"'"''"'"'quoted," f-csv/people.csv &&
	test_grep "'"'"'-staff,'"'"'-1000," f-csv/ledger.csv
'

test_expect_success 'the CSV set imported again exports the same JSON, byte for byte' '
	"$TRELLIS" --db f.db export >f.json &&
	"$TRELLIS" --db back.db import f-csv/*.csv &&
	"$TRELLIS" --db back.db export >back.json &&
	test_cmp f.json back.json &&
	"$TRELLIS" --db back.db export --format csv --out back-csv &&
	for f in f-csv/*.csv; do
		test_cmp "$f" "back-csv/${f#f-csv/}" || return 1
	done &&
	echo "R14 round trip: JSON -> CSV -> import -> export, $(wc -c <f.json) bytes identical" >>figure
'

test -f figure && sed "s/^/# /" figure
test_done
