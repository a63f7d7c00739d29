#!/bin/sh
# A program with many initiatives (a national funder's hundreds): the top
# bar names each initiative a user may see only while there are at most 12
# of them; beyond that it names the current one and leads to the portfolio
# ("All N initiatives"), so a page's size does not grow with the other
# initiatives (PERFORMANCE.md P4). The program is bench/gen's at 13
# initiatives; the demo's 6 are all named (t0600 and the others).
. "$(dirname "$0")/lib.sh"

test_built GEN=bench/gen
"$GEN" --scale 0.013 --seed 1 --format csv --out "$TEST_DIR/csv" &&
"$TRELLIS" --db "$TEST_DIR/demo.db" import "$TEST_DIR"/csv/*.csv >/dev/null ||
	{ echo "not ok 1 - cannot make the 13-initiative program"; exit 1; }

# places: the top bar's list of initiatives, one tag a line
places () {
	tr "<" "\n" <.body | sed -n "/^nav class=\"places\"/,/^\\/nav>/p"
}

TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'an admin on an initiative: that one named, then all 13 through the portfolio' '
	test_status 200 /i/ashbury &&
	places >p &&
	test "$(grep -c "^a href=\"/i/" p)" = 1 &&
	test_grep "^a href=\"/i/ashbury\" title=\"[^\"]*\" aria-current=\"true\">Ashbury" p &&
	test_grep "^a href=\"/\">All 13 initiatives" p &&
	test_security_headers
'

test_expect_success 'on the portfolio: no initiative in the bar, every one in the table' '
	test_status 200 / &&
	places >p &&
	test "$(grep -c "^a href=\"/i/" p)" = 0 &&
	test_grep "^a href=\"/\">All 13 initiatives" p &&
	test "$(tr "<" "\n" <.body | sed -n "/^table class=\"portfolio\"/,/^\\/table>/p" |
	    grep -c "^a href=\"/i/[^\"#]*\">")" = 13
'

http_kill
TRELLIS_DEV_ROLE=member:belbury http_start --dev-insecure-role

test_expect_success 'a member still sees their one initiative named' '
	test_status 200 /i/belbury &&
	places >p &&
	test "$(grep -c "^a href=\"/i/" p)" = 1 &&
	test_grep "^a href=\"/i/belbury\"" p &&
	! grep -q "All 13 initiatives" p
'

test_done
