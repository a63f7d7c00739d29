#!/bin/sh
# report --all over several threads (--jobs N, docs/cli.md): the same bytes
# as one thread in every format and language, the initiatives in their
# order however the threads finish (many more threads than cores, and than
# initiatives), and the first failing initiative's error alone, as one
# thread meets it.
. "$(dirname "$0")/lib.sh"

test_built GEN=bench/gen

# same DB AS_OF ARGS...: report --all ARGS with --jobs 1, 2 and 16 and the
# default give one output; fails saying which differs.
same () {
	db=$1 as_of=$2
	shift 2
	"$TRELLIS" --db "$db" report --all --as-of "$as_of" --jobs 1 "$@" >one.out || return 1
	test -s one.out || return 1
	for j in 2 16 default; do
		if test $j = default; then
			"$TRELLIS" --db "$db" report --all --as-of "$as_of" "$@" >many.out
		else
			"$TRELLIS" --db "$db" report --all --as-of "$as_of" --jobs $j "$@" >many.out
		fi || return 1
		test_cmp one.out many.out || { echo "--jobs $j $*: differs"; return 1; }
	done
}

# each_format DB AS_OF: same in every format and language.
each_format () {
	same "$1" "$2" --format json &&
	same "$1" "$2" --format text &&
	same "$1" "$2" --format text --summary &&
	same "$1" "$2" --format html &&
	same "$1" "$2" --format text --lang es &&
	same "$1" "$2" --format text --summary --lang es &&
	same "$1" "$2" --format html --lang es
}

test_expect_success 'setup: the demo database and a bench/gen program of 10 initiatives' '
	"$TRELLIS" --db demo.db demo >out 2>err &&
	"$GEN" --scale 0.01 --seed 1 --format csv --out csv >out &&
	"$TRELLIS" --db gen.db import csv/*.csv >out &&
	test "$(sed 1d csv/initiatives.csv | wc -l)" = 10
'

test_expect_success 'demo: every format and language is the same with 1, 2 and 16 threads' '
	each_format demo.db 2016-12-31
'

test_expect_success 'bench/gen: every format and language is the same with 1, 2 and 16 threads' '
	each_format gen.db 2025-06-30
'

test_expect_success 'the initiatives come in their order, as --initiative gives them one by one' '
	"$TRELLIS" --db gen.db report --all --as-of 2025-06-30 --format json --jobs 16 >all.json &&
	test_reports_one_by_one gen.db 2025-06-30 joined.json &&
	test_cmp joined.json all.json
'

test_expect_success 'the first failing initiative (in order) is the error, whatever the threads' '
	"$TRELLIS" --db bad.db import csv/*.csv >out &&
	sqlite3 bad.db "UPDATE initiative SET start_date = '"'"'nonsense'"'"' WHERE slug = '"'"'cedarbury'"'"'" &&
	sqlite3 bad.db "UPDATE initiative SET end_date = '"'"'garbage'"'"' WHERE slug = '"'"'elmbury'"'"'" &&
	for j in 1 2 16; do
		test_expect_code 1 "$TRELLIS" --db bad.db report --all --as-of 2025-06-30 \
		    --format json --jobs $j >out 2>err &&
		test_line_count err 1 &&
		grep "nonsense" err &&
		! test -s out || exit 1
	done &&
	sqlite3 bad.db "UPDATE initiative SET start_date = '"'"'2023-01-01'"'"' WHERE slug = '"'"'cedarbury'"'"'" &&
	for j in 1 16; do
		test_expect_code 1 "$TRELLIS" --db bad.db report --all --as-of 2025-06-30 \
		    --format html --jobs $j >out 2>err &&
		test_line_count err 1 &&
		grep "garbage" err || exit 1
	done
'

test_expect_success 'the page written to --out is the one on standard output; a failed write says where' '
	"$TRELLIS" --db gen.db report --all --as-of 2025-06-30 --format html >want.html &&
	"$TRELLIS" --db gen.db report --all --as-of 2025-06-30 --format html --out got.html &&
	test_cmp want.html got.html &&
	test_expect_code 1 "$TRELLIS" --db gen.db report --all --as-of 2025-06-30 \
	    --format html --out nowhere/page.html 2>err &&
	test_grep "nowhere/page.html: cannot write" err &&
	! test -e nowhere/page.html &&
	# (in the PostgreSQL pass tests/pgmap.sh takes standard output into a file first)
	if test -c /dev/full && ! test_pg_pass; then
		test_expect_code 1 "$TRELLIS" --db gen.db report --all --as-of 2025-06-30 \
		    --format html >/dev/full 2>err &&
		test_grep "standard output: cannot write" err
	fi
'

test_expect_success '--jobs takes a number from 1 to 64' '
	for bad in 0 65 x 2x ""; do
		test_expect_code 2 "$TRELLIS" --db gen.db report --all --jobs "$bad" 2>err &&
		grep -- "--jobs" err || exit 1
	done
'

test_done
