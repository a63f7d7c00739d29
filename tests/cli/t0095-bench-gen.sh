#!/bin/sh
# bench/gen, the national-scale workload generator (PERFORMANCE.md), at a
# tiny scale (2 initiatives): its CSV set and its JSON document are valid
# trellis/1 that import accepts, they hold the same program, the CSV set is
# what `trellis export --format csv` writes for it, the output depends only
# on the seed, and the report finds something to say about every figure.
. "$(dirname "$0")/lib.sh"

test_built GEN=bench/gen

test_expect_success 'gen writes the 19 CSV files and a JSON document' '
	"$GEN" --scale 0.002 --seed 1 --check --format csv --out csv1 &&
	"$GEN" --scale 0.002 --seed 1 --check --format json --out gen.json &&
	test "$(ls csv1 | wc -l)" -eq 19 &&
	test "$(sed 1d csv1/initiatives.csv | wc -l)" -eq 2 &&
	test "$(sed 1d csv1/organizations.csv | wc -l)" -eq 40 &&
	test "$(sed 1d csv1/people.csv | wc -l)" -eq 200 &&
	test "$(grep -c "^[a-z0-9-]*,d-[0-9]*," csv1/decisions.csv)" -eq 2000 &&
	test "$(sed 1d csv1/ledger.csv | wc -l)" -eq 4000 &&
	test "$(sed 1d csv1/credits.csv | wc -l)" -eq 400 &&
	test "$(sed 1d csv1/surveys.csv | wc -l)" -eq 1000 &&
	test "$(sed 1d csv1/ties.csv | wc -l)" -eq 600 &&
	test "$(grep -c "^[a-z0-9-]*,c-[0-9]*," csv1/checkins.csv)" -eq 72
'

test_expect_success 'both import into new databases, which pass check' '
	"$TRELLIS" --db csv.db import csv1/*.csv &&
	"$TRELLIS" --db json.db import gen.json &&
	"$TRELLIS" --db csv.db check &&
	"$TRELLIS" --db json.db check
'

test_expect_success 'the two databases export the same JSON' '
	"$TRELLIS" --db csv.db export >csv.json &&
	"$TRELLIS" --db json.db export >json.json &&
	test_cmp csv.json json.json
'

test_expect_success 'the CSV set is exactly what trellis export --format csv writes' '
	"$TRELLIS" --db csv.db export --format csv --out exported >out &&
	for f in csv1/*.csv; do
		test_cmp "$f" "exported/${f#csv1/}" || return 1
	done
'

test_expect_success 'the same seed gives the same bytes, another seed others' '
	"$GEN" --scale 0.002 --seed 1 --out csv2 &&
	"$GEN" --scale 0.002 --seed 1 --format json --out gen2.json &&
	"$GEN" --scale 0.002 --seed 2 --out csv3 &&
	"$GEN" --scale 0.002 --seed 2 --format json --out gen3.json &&
	for f in csv1/*.csv; do
		test_cmp "$f" "csv2/${f#csv1/}" || return 1
	done &&
	test_cmp gen.json gen2.json &&
	! cmp -s csv1/decisions.csv csv3/decisions.csv &&
	! cmp -s csv1/people.csv csv3/people.csv &&
	! cmp -s gen.json gen3.json
'

test_expect_success 'counts scale linearly, with at least one initiative' '
	"$GEN" --scale 0.0001 --format json --out one.json &&
	"$TRELLIS" --db one.db import one.json >out &&
	test_grep "(1 initiative," out &&
	"$GEN" --scale 0.003 --out csv4 &&
	test "$(sed 1d csv4/initiatives.csv | wc -l)" -eq 3 &&
	test "$(sed 1d csv4/ledger.csv | wc -l)" -eq 6000
'

test_expect_success 'bad arguments are refused with exit 2' '
	test_expect_code 2 "$GEN" --scale 0 --out x &&
	test_expect_code 2 "$GEN" --scale lots --out x &&
	test_expect_code 2 "$GEN" --format xml --out x &&
	test_expect_code 2 "$GEN" --seed 1
'

test_expect_success 'the report has a value for every figure' '
	"$TRELLIS" --db csv.db report --all --format json --as-of 2025-12-31 >report.json &&
	test "$(grep -o "\"initiative\":\"[a-z0-9-]*\"" report.json | wc -l)" -eq 2 &&
	test "$(grep -o "\"value\":" report.json | wc -l)" -gt 80 &&
	! grep -o ".\{40\}\"value\": *null" report.json
'

test_done
