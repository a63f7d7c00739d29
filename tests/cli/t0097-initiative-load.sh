#!/bin/sh
# Cost follows the work (docs/architecture.md): a report of one initiative
# reads that initiative and its catalog only, and gives the same bytes as
# one computed from the whole program. On a bench/gen program of three
# initiatives (its organizations shared between initiatives, unlike the
# demo's), the unit test's check runs against every initiative; then the
# command line's per-initiative reports agree with --all.
. "$(dirname "$0")/lib.sh"

test_built GEN=bench/gen CHECK=tests/unit/store/test_initiative_load

test_expect_success 'a bench/gen program of 3 initiatives imports' '
	"$GEN" --scale 0.003 --seed 7 --format csv --out csv &&
	"$TRELLIS" --db gen.db import csv/*.csv
'

test_expect_success 'each initiative loaded alone reports as the whole program does' '
	db=$(test_db_target gen.db) &&
	"$CHECK" "$db" >out 2>&1 &&
	grep "3 initiatives of $db" out
'

test_expect_success 'report --initiative, one by one, gives --all piece by piece' '
	"$TRELLIS" --db gen.db report --all --as-of 2017-12-31 --format json >all.json &&
	test_reports_one_by_one gen.db 2017-12-31 joined.json &&
	test_cmp all.json joined.json
'

test_expect_success 'an unknown initiative is an error that names it' '
	test_expect_code 1 "$TRELLIS" --db gen.db report --initiative nowhere 2>err &&
	grep "no initiative .nowhere." err
'

test_done
