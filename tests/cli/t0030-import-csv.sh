#!/bin/sh
# trellis export --format csv and import of the CSV set: the program comes
# back the same, down to the bytes of its JSON export.
. "$(dirname "$0")/lib.sh"

csv_names="program organizations people instruments learning initiatives
observations members responsibilities decisions grants ledger applications
credits contributions checkins events surveys ties"

test_expect_success 'export --format csv writes one file per kind' '
	"$TRELLIS" --db small.db import "$TEST_DATA/small.json" &&
	"$TRELLIS" --db small.db export --format csv --out small-csv >out 2>err &&
	test_line_count err 0 &&
	for k in $csv_names; do
		test -s "small-csv/$k.csv" || { echo "no $k.csv"; return 1; }
	done &&
	test "$(ls small-csv | wc -l)" -eq 19 &&
	head -n 1 small-csv/decisions.csv | grep "^initiative,"
'

test_expect_success 'the CSV set imported into a new database exports the same JSON' '
	"$TRELLIS" --db small.db export >small.json &&
	"$TRELLIS" --db from-csv.db import small-csv/*.csv >out &&
	test_grep "into program p1" out &&
	"$TRELLIS" --db from-csv.db export >from-csv.json &&
	test_cmp small.json from-csv.json
'

test_expect_success 'the order of the files on the command line does not matter' '
	(cd small-csv && "$TRELLIS" --db ../reversed.db import $(ls -r)) &&
	"$TRELLIS" --db reversed.db export >reversed.json &&
	test_cmp small.json reversed.json
'

test_expect_success 'CSV files add records to the program already stored' '
	mkdir part1 part2 &&
	for k in $csv_names; do
		case $k in
		decisions|ledger|credits) cp "small-csv/$k.csv" part2/ ;;
		*) cp "small-csv/$k.csv" part1/ ;;
		esac
	done &&
	"$TRELLIS" --db parts.db import part1/*.csv &&
	"$TRELLIS" --db parts.db import part2/*.csv >out &&
	test_grep "^Imported 4 records from 3 CSV files into program p1" out &&
	"$TRELLIS" --db parts.db export >parts.json &&
	test_cmp small.json parts.json
'

test_expect_success 'CSV without program.csv needs a database holding the program' '
	test_expect_code 1 "$TRELLIS" --db none.db import part2/*.csv 2>err &&
	test_line_count err 1 &&
	if test_pg_pass; then
		# a PostgreSQL database is always there: it holds no program
		test_grep "none.db: the database holds no program yet" err
	else
		test_grep "program.csv" err
	fi &&
	! test -e none.db
'

test_expect_success 'the demo program round trips through CSV' '
	"$TRELLIS" --db demo.db demo &&
	"$TRELLIS" --db demo.db export >demo.json &&
	"$TRELLIS" --db demo.db export --format csv --out demo-csv &&
	"$TRELLIS" --db demo2.db import demo-csv/*.csv &&
	"$TRELLIS" --db demo2.db export >demo2.json &&
	test_cmp demo.json demo2.json
'

test_expect_success 'a CSV file named twice is a usage error' '
	cp small-csv/decisions.csv part1/decisions.csv &&
	test_expect_code 2 "$TRELLIS" --db x.db import small-csv/decisions.csv part1/decisions.csv 2>err &&
	test_grep "both decisions.csv" err
'

test_done
