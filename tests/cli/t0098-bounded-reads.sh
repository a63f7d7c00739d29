#!/bin/sh
# The commands read what they need (issue 10): `trellis settings` reads the
# program's settings only, `trellis capacity` the organizations it assesses
# (with --initiative, that initiative's records; else the catalog), and
# `report --all` one initiative at a time, in every format: `--summary`
# and `--format html`, whose overview shows them all, keep a brief of each
# (name, slug, city, scores, alert and strength codes), not the initiative
# itself. So on a bench/gen program of 20
# initiatives each runs under an address-space limit that loading the
# whole program does not fit in: `trellis export`, which must read it
# whole, fails there (about 140 MiB of address space for this set; these
# commands about 76). `report --all` runs with --jobs 1 here: each further
# thread reserves address space it does not fill (its stack, 8 MiB, and
# its malloc arena, 64 MiB), which this limit would count as memory;
# with N threads the data held is N initiatives' (docs/cli.md).
. "$(dirname "$0")/lib.sh"
test_sqlite_only "memory bounds of streaming reads; PostgreSQL reads a result whole (docs/postgresql.md)"

test_built GEN=bench/gen

# Under a sanitizer or valgrind the address space is the tool's, not ours.
case $TRELLIS_BIN${TRELLIS_VALGRIND:-} in
*asan*|*1) limit= ;;
*) limit=102400 ;;	# KiB: 100 MiB
esac
export limit

# limited CMD...: runs trellis on g.db under the limit (when there is one).
limited () {
	if test -z "$limit"; then
		"$TRELLIS" --db g.db "$@"
	else
		(ulimit -v $limit && "$TRELLIS" --db g.db "$@")
	fi
}

test_expect_success 'setup: a bench/gen program of 20 initiatives' '
	"$GEN" --scale 0.02 --seed 1 --format csv --out csv &&
	"$TRELLIS" --db g.db import csv/*.csv >/dev/null &&
	sed -n 2p csv/initiatives.csv | cut -d, -f1 >ini &&
	sed -n 2p csv/organizations.csv | cut -d, -f1 >org1 &&
	sed -n 30p csv/organizations.csv | cut -d, -f1 >org2 &&
	test "$(cat ini)" = ashbury
'

test_expect_success 'the limit is one the whole program does not fit in' '
	test -z "$limit" || ! limited export >/dev/null 2>&1
'

test_expect_success 'trellis settings, and setting one, within the limit' '
	limited settings >out &&
	test_grep "^Settings of program .national-bench.:" out &&
	limited settings dominance.backbone_alone_share 0.6 >out &&
	test_grep "dominance.backbone_alone_share  *0.6  (changed)" out &&
	limited settings --reset dominance.backbone_alone_share >out &&
	! grep -q "(changed)" out
'

test_expect_success 'trellis capacity with an initiative, within the limit' '
	limited capacity --org "$(cat org1)" --initiative "$(cat ini)" --as-of 2025-12-31 \
		--format json >out &&
	test_grep "^{\"org\":\"$(cat org1)\",\"staff\":" out &&
	test_grep "\"gaps\":\[{\"trait\":" out &&
	limited capacity --org "$(cat org2)" --initiative "$(cat ini)" --as-of 2025-12-31 >out &&
	test_grep "($(cat org2)):" out
'

test_expect_success 'trellis capacity --compare, within the limit' '
	limited capacity --compare "$(cat org1)" "$(cat org2)" --format json >out &&
	test_grep "^\[{\"org\":\"$(cat org1)\"" out &&
	test_grep "{\"org\":\"$(cat org2)\"" out &&
	! limited capacity --org nope --initiative "$(cat ini)" 2>err &&
	test_grep "no organization .nope. in program" err
'

test_expect_success 'report --all within the limit: every initiative, as each alone' '
	limited report --all --jobs 1 --format json --as-of 2025-12-31 >all.json &&
	test "$(grep -o "{\"initiative\":\"[a-z-]*\",\"as_of\"" all.json | wc -l)" -eq 20 &&
	"$TRELLIS" --db g.db report --initiative "$(cat ini)" --format json --as-of 2025-12-31 >one.json &&
	{ printf "[" && head -c $(($(wc -c <one.json) - 1)) one.json; } >want &&
	head -c $(wc -c <want) all.json >got &&
	test_cmp want got
'

# the reports of every initiative unlimited, to compare with
test_expect_success 'setup: the summary and the page without a limit' '
	"$TRELLIS" --db g.db report --all --summary --as-of 2025-12-31 >want.sum &&
	"$TRELLIS" --db g.db report --all --format html --as-of 2025-12-31 >want.html
'

test_expect_success 'report --all --summary within the limit: a block for each initiative' '
	limited report --all --jobs 1 --summary --as-of 2025-12-31 >got.sum &&
	test "$(grep -c "^    to discuss: " got.sum)" -eq 20 &&
	test "$(grep -c "^    going well: " got.sum)" -eq 20 &&
	test_grep "^Ashbury " got.sum &&
	test_cmp want.sum got.sum
'

test_expect_success 'report --all --format html within the limit: the overview and every section' '
	limited report --all --jobs 1 --format html --as-of 2025-12-31 >got.html &&
	test "$(grep -o "<section class=\"initiative\" id=\"[a-z-]*\">" got.html | wc -l)" -eq 20 &&
	test "$(grep -o "<tr><td><a href=\"#[a-z-]*\">" got.html | wc -l)" -eq 20 &&
	test_grep "<section class=\"initiative\" id=\"$(cat ini)\">" got.html &&
	test "$(tail -c 8 got.html)" = "</html>" &&
	test_cmp want.html got.html
'

test_done
