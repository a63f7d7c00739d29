#!/bin/sh
# trellis capacity on the demo program (DESIGN §5): the seed's two
# exemplar backbones are high capacity, a small one is not and its gaps name
# organizations of its team; --compare sets backbones side by side.
# JSON is read with grep and sed (no jq on a fresh machine): it is compact,
# one line, keys in the fixed order of DESIGN §5.
. "$(dirname "$0")/lib.sh"

TRAITS='"traits":{"flexible_grants":\(true\|false\),"expertise":\(true\|false\),"in_kind_staffing":\(true\|false\),"experiment":\(true\|false\),"convener":\(true\|false\)}'

test_expect_success 'setup: the demo database and its members' '
	"$TRELLIS" --db demo.db demo >/dev/null &&
	"$TRELLIS" --db demo.db export --format csv --out csv &&
	test -s csv/members.csv
'

test_expect_success 'the first exemplar (30 staff, $6M, five traits) is high capacity' '
	"$TRELLIS" --db demo.db capacity --org harlow-neighborhood-builders --format json >h.json 2>err &&
	test_line_count err 0 &&
	echo "{\"org\":\"harlow-neighborhood-builders\",\"staff\":30,\"revenue\":6000000,\"traits\":{\"flexible_grants\":true,\"expertise\":true,\"in_kind_staffing\":true,\"experiment\":true,\"convener\":true},\"traits_met\":5,\"high_capacity\":true}" >want &&
	test_cmp want h.json
'

test_expect_success 'the second exemplar (25 staff, ~$4M, four traits) is high capacity' '
	"$TRELLIS" --db demo.db capacity --org ashby-neighborhood-developers --format json >a.json &&
	grep -q "^{\"org\":\"ashby-neighborhood-developers\",\"staff\":25,\"revenue\":[0-9.]*,$TRAITS,\"traits_met\":4,\"high_capacity\":true}$" a.json &&
	grep -q "\"revenue\":39[0-9][0-9][0-9][0-9][0-9]," a.json &&
	! grep -q "\"gaps\"" a.json
'

test_expect_success 'with --initiative, gaps are added: none for a backbone that has every trait' '
	"$TRELLIS" --db demo.db capacity --org harlow-neighborhood-builders --initiative harlow-mills --as-of 2016-12-31 --format json >hg.json &&
	grep -q "^{\"org\":\"harlow-neighborhood-builders\",\"staff\":30,\"revenue\":6000000,$TRAITS,\"traits_met\":5,\"high_capacity\":true,\"gaps\":\[\]}$" hg.json &&
	"$TRELLIS" --db demo.db capacity --org ashby-neighborhood-developers --initiative port-ashby --as-of 2016-12-31 --format json >ag.json &&
	grep -q ",\"high_capacity\":true,\"gaps\":\[{\"trait\":\"experiment\",\"offered_by\":\[\"[a-z0-9-]*\"" ag.json
'

test_expect_success 'a small backbone is not high capacity; its gaps list organizations of its team' '
	"$TRELLIS" --db demo.db capacity --org quarry-bend-renewal --initiative quarry-bend --as-of 2016-12-31 --format json >q.json &&
	grep -q "^{\"org\":\"quarry-bend-renewal\",\"staff\":7,\"revenue\":850000,$TRAITS,\"traits_met\":1,\"high_capacity\":false,\"gaps\":\[{\"trait\":" q.json &&
	test "$(grep -o "{\"trait\":\"[a-z_]*\"" q.json | wc -l)" -eq 4 &&
	grep -o "\"offered_by\":\[[^]]*\]" q.json | grep -o "\"[a-z0-9-]*\"" | tr -d "\"" | sort -u >offered &&
	test -s offered &&
	grep "^quarry-bend," csv/members.csv | cut -d, -f2 | grep -v "^quarry-bend-renewal$" | sort -u >team &&
	comm -23 offered team >outside &&
	test_line_count outside 0
'

test_expect_success 'the text form names what is lacking and who offers it' '
	"$TRELLIS" --db demo.db capacity --org quarry-bend-renewal --initiative quarry-bend --as-of 2016-12-31 >q.txt &&
	grep -q "7 staff, \$850,000.00 a year, 1 of 5 traits — not high capacity" q.txt &&
	test "$(grep -c "^    lacks [A-Z][a-z -]*; offered by: " q.txt)" -eq 4 &&
	grep -q "^    lacks Expertise; offered by: Quarry Bend Police Department, " q.txt &&
	grep -q "^    \[x\] Willing to experiment$" q.txt
'

test_expect_success '--compare prints a column per organization' '
	"$TRELLIS" --db demo.db capacity --compare harlow-neighborhood-builders ashby-neighborhood-developers quarry-bend-renewal >cmp.txt &&
	head -n 1 cmp.txt >header &&
	grep -q "^ *harlow-neighborhood-builders  *ashby-neighborhood-developers  *quarry-bend-renewal$" header &&
	grep -q "^staff  *30  *25  *7$" cmp.txt &&
	grep -q "^traits met  *5 of 5  *4 of 5  *1 of 5$" cmp.txt &&
	grep -q "^high capacity  *YES  *YES  *no$" cmp.txt &&
	for t in "Flexible grants" Expertise "In-kind staffing" "Willing to experiment" Convener; do
		grep -q "^$t  *\(yes\|no\)  *\(yes\|no\)  *\(yes\|no\)$" cmp.txt || return 1
	done &&
	! grep -q "_" cmp.txt
'

test_expect_success '--compare --format json gives an array, in order' '
	"$TRELLIS" --db demo.db capacity --compare harlow-neighborhood-builders quarry-bend-renewal --format json >cmp.json &&
	test_line_count cmp.json 1 &&
	grep -q "^\[{\"org\":\"harlow-neighborhood-builders\",.*\"high_capacity\":true}, {\"org\":\"quarry-bend-renewal\",.*\"high_capacity\":false}\]$" cmp.json
'

test_expect_success 'an unknown organization: exit 1 and one line' '
	test_expect_code 1 "$TRELLIS" --db demo.db capacity --org nobody >out 2>err &&
	test_line_count out 0 &&
	test_line_count err 1 &&
	grep -q "nobody" err &&
	test_expect_code 1 "$TRELLIS" --db demo.db capacity --compare harlow-neighborhood-builders nobody >out 2>err &&
	test_line_count out 0 &&
	test_line_count err 1 &&
	test_expect_code 1 "$TRELLIS" --db demo.db capacity --org quarry-bend-renewal --initiative nowhere >out 2>err &&
	test_line_count err 1
'

test_expect_success 'a bad command line: exit 2' '
	test_expect_code 2 "$TRELLIS" --db demo.db capacity >out 2>err &&
	test_expect_code 2 "$TRELLIS" --db demo.db capacity --org a --compare b c >out 2>err &&
	test_expect_code 2 "$TRELLIS" --db demo.db capacity --org quarry-bend-renewal --format html >out 2>err &&
	test_expect_code 2 "$TRELLIS" --db demo.db capacity --org quarry-bend-renewal --as-of 2016-02-30 >out 2>err &&
	test_line_count out 0
'

test_done
