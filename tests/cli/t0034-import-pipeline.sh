#!/bin/sh
# The CSV import reads initiative i + 1 on a thread of its own while
# initiative i is stored (issue 10, P1): it stores exactly what reading and
# storing by turns stores (the same rows, the same rowids), reports the
# first problem in the files' order, not the first one a thread met, and
# on a problem leaves the database as it was. Under a limit on the address
# space (ulimit -v) the import reads and stores by turns: that is the
# sequential import the threaded one is compared with here.
. "$(dirname "$0")/lib.sh"

test_built GEN=bench/gen

test_expect_success 'setup: a bench/gen CSV set of 20 initiatives, split in two' '
	"$GEN" --scale 0.02 --seed 1 --format csv --out csv &&
	test "$(sed 1d csv/initiatives.csv | wc -l)" -eq 20 &&
	mkdir part1 part2 &&
	for f in csv/*.csv; do
		case $f in
		*/decisions.csv|*/ledger.csv|*/surveys.csv|*/ties.csv) cp "$f" part2/ ;;
		*) cp "$f" part1/ ;;
		esac
	done
'

# turns CMD...: CMD as the sequential import. Under a sanitizer or valgrind
# the address space is the tool's and ulimit -v breaks it: there both runs
# are threaded, which still checks that the threads store the same thing
# every time.
case $TRELLIS_BIN${TRELLIS_VALGRIND:-} in
*asan*|*san*|*1) turns () { "$@"; } ;;
*) turns () { (ulimit -v 8388608 && "$@"); } ;;	# KiB: 8 GiB, finite
esac

# dump DB: the database's rows, its audit log (which has the time) left out.
dump () {
	if test -n "${TRELLIS_PG_PASS:-}"; then
		"$TRELLIS" --db "$1" export
	else
		sqlite3 "$1" .dump | grep -v "^INSERT INTO audit_log"
	fi
}

test_expect_success 'a new program: the same rows and rowids as the sequential import' '
	"$TRELLIS" --db thread.db import csv/*.csv >out &&
	test_grep "^Imported 75702 records from 19 CSV files" out &&
	turns "$TRELLIS" --db turns.db import csv/*.csv >out &&
	test_grep "^Imported 75702 records from 19 CSV files" out &&
	dump thread.db >thread.sql &&
	dump turns.db >turns.sql &&
	test_cmp turns.sql thread.sql &&
	"$TRELLIS" --db thread.db export >thread.json &&
	"$TRELLIS" --db turns.db export >turns.json &&
	test_cmp turns.json thread.json
'

test_expect_success 'records added to stored initiatives: the same as the sequential import' '
	"$TRELLIS" --db add1.db import part1/*.csv >/dev/null &&
	"$TRELLIS" --db add1.db import part2/*.csv >/dev/null &&
	"$TRELLIS" --db add2.db import part1/*.csv >/dev/null &&
	turns "$TRELLIS" --db add2.db import part2/*.csv >/dev/null &&
	dump add1.db >add1.sql &&
	dump add2.db >add2.sql &&
	test_cmp add2.sql add1.sql &&
	"$TRELLIS" --db add1.db export >add.json &&
	test_cmp thread.json add.json
'

# Two problems: the next-to-last initiative's last decision decided before
# it was proposed (decisions.csv), and a ledger amount that is no number in
# the last initiative (ledger.csv, a later file). Read by initiative, the
# decision comes first; the reading thread meets the ledger row while the
# decision's initiative is still being stored (an appended initiative is
# checked with its stored records, by the storing thread).
test_expect_success 'setup: the two problems' '
	mkdir bad &&
	cp part2/*.csv bad/ &&
	ini=$(sed 1d csv/initiatives.csv | cut -d, -f1) &&
	prev=$(echo "$ini" | tail -n 2 | head -n 1) &&
	last=$(echo "$ini" | tail -n 1) &&
	day="[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]" &&
	n=$(grep -n "^$prev,d-.*,$day,$day," part2/decisions.csv | tail -n 1 | cut -d: -f1) &&
	test -n "$n" &&
	sed "${n}s/,$day,$day,/,2030-01-02,2030-01-01,/" part2/decisions.csv >bad/decisions.csv &&
	m=$(grep -n "^$last,l-" part2/ledger.csv | tail -n 1 | cut -d: -f1) &&
	test -n "$m" &&
	sed "${m}s/^\($last,l-[0-9]*,$day,[^,]*,\)[0-9.]*,/\1lots,/" part2/ledger.csv >bad/ledger.csv &&
	test "$(cmp bad/ledger.csv part2/ledger.csv | sed "s/.* line //")" = "$m" &&
	echo "bad/decisions.csv:$n: decided: " >want
'

test_expect_success 'appended: the first problem in file order, the database as it was' '
	"$TRELLIS" --db last.db import part1/*.csv >/dev/null &&
	dump last.db >before.sql &&
	test_expect_code 1 "$TRELLIS" --db last.db import bad/*.csv 2>err &&
	test_grep "^$(cat want)" err &&
	dump last.db >after.sql &&
	test_cmp before.sql after.sql
'

test_expect_success 'the ledger problem alone is reported where it is' '
	mkdir badledger && cp part2/*.csv badledger/ && cp bad/ledger.csv badledger/ &&
	test_expect_code 1 "$TRELLIS" --db last.db import badledger/*.csv 2>err &&
	test_grep "^badledger/ledger.csv:$(cmp bad/ledger.csv part2/ledger.csv | sed "s/.* line //"): amount" err &&
	dump last.db >after.sql &&
	test_cmp before.sql after.sql
'

test_expect_success 'a new program: the first problem in file order, no database' '
	mkdir badnew && cp csv/*.csv badnew/ && cp bad/*.csv badnew/ &&
	test_expect_code 1 "$TRELLIS" --db none.db import badnew/*.csv 2>err &&
	test_grep "^badnew/decisions.csv:$(sed "s/^[^:]*:\([0-9]*\):.*/\1/" want): decided: " err &&
	! test -e none.db
'

test_done
