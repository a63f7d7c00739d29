#!/bin/sh
# trellis report on the demo program: exactly the alerts and strengths of
# tests/data/demo-expected.txt, the JSON shape of DESIGN §3, a
# self-contained HTML page, alerts first in text, and bad options refused.
#
# JSON is read with grep, sed and awk (no jq: it is not part of a fresh
# machine): report JSON is written compactly on one line, with the keys in
# the fixed order of DESIGN §3, so fixed patterns are enough.
. "$(dirname "$0")/lib.sh"

# Every figure name of DESIGN §3 and §4 (survey.director_support, network.*).
FIGURES="team.size team.sectors decisions.backbone_alone_share decisions.hhi
decisions.consultation_breadth decisions.median_days decisions.rushed_share
decisions.loop_closure decisions.contrary_share decisions.shared_share funds.spent
funds.partner_share funds.partners_paid funds.hhi funds.backbone_own_share
grants.overspent grants.unspent_closed grants.lines_over grants.noncatalytic_share
applications.joint_share applications.partner_led_share credit.partner_share
credit.breadth valueadd.hours valueadd.reach checkins.coverage engagement.rate
raci.complete raci.backbone_accountable_share director.shared_oversight
result.progress result.on_track survey.director_support network.density
network.centralization network.backbone_degree_share network.backbone_betweenness
network.trust network.value network.resilience"

# codes_of <FILE: the report JSON (one object or an --all array) as lines
# "SLUG alerts=code,… strengths=code,…", the format of demo-expected.txt.
codes_of () {
	awk '{ gsub(/\{"initiative":/, "\n&"); print }' |
	grep '^{"initiative":' |
	while IFS= read -r obj; do
		slug=$(printf '%s\n' "$obj" | sed 's/^{"initiative":"\([^"]*\)".*/\1/')
		alerts=$(printf '%s\n' "$obj" | sed 's/.*"alerts":\[\(.*\)\],"strengths":\[.*/\1/' |
			grep -o '"code":"[a-z_]*"' | sed 's/"code":"\(.*\)"/\1/' | paste -s -d, -)
		strengths=$(printf '%s\n' "$obj" | sed 's/.*"strengths":\[\(.*\)\]}.*/\1/' |
			grep -o '"code":"[a-z_]*"' | sed 's/"code":"\(.*\)"/\1/' | paste -s -d, -)
		echo "$slug alerts=$alerts strengths=$strengths"
	done
}

# self_contained FILE: an HTML page that needs nothing from outside.
self_contained () {
	head -c 16 "$1" | grep -q '^<!DOCTYPE html>' || { echo "no doctype"; return 1; }
	for bad in '<script' 'src=' '<link' 'https://' 'style=' 'url(' '@import' '<iframe'; do
		if grep -q -i -F "$bad" "$1"; then
			echo "$1 contains $bad"
			return 1
		fi
	done
	# http:// only as the SVG namespace
	all=$(grep -o 'http://[^"]*' "$1" | sort -u)
	test "$all" = "http://www.w3.org/2000/svg" || { echo "addresses: $all"; return 1; }
	h1=$(grep -o '<h1' "$1" | wc -l)
	test "$h1" -eq 1 || { echo "$h1 <h1>"; return 1; }
}

test_expect_success 'setup: the demo database' '
	"$TRELLIS" --db demo.db demo >out 2>err &&
	test -s demo.db
'

test_expect_success 'report --all --format json finds exactly the demo-expected alerts and strengths' '
	"$TRELLIS" --db demo.db report --all --format json --as-of 2016-12-31 >all.json 2>err &&
	test_line_count err 0 &&
	test_line_count all.json 1 &&
	head -c 1 all.json | grep -q "^\[" &&
	codes_of <all.json >actual &&
	test_line_count actual 6 &&
	test_cmp "$TEST_DATA/demo-expected.txt" actual
'

test_expect_success 'each initiative alone gives the same codes as in --all' '
	for slug in $(cut -d" " -f1 "$TEST_DATA/demo-expected.txt"); do
		"$TRELLIS" --db demo.db report --initiative $slug --format json --as-of 2016-12-31 >one.json &&
		head -c 14 one.json | grep -q "^{\"initiative\"" &&
		codes_of <one.json >one.txt &&
		grep "^$slug " "$TEST_DATA/demo-expected.txt" >want.txt &&
		test_cmp want.txt one.txt || return 1
	done
'

test_expect_success 'the alert and strength codes use the numbers of DESIGN §3' '
	grep -q "{\"pitfall\":1,\"code\":\"dominance\",\"evidence\":\[\"" all.json &&
	grep -q "{\"pitfall\":2,\"code\":\"director_as_employee\"," all.json &&
	grep -q "{\"pitfall\":3,\"code\":\"blurred_boundaries\",\"evidence\":\[\"l-" all.json &&
	grep -q "{\"pitfall\":4,\"code\":\"out_of_the_loop\",\"evidence\":\[\"d-" all.json &&
	grep -q "{\"pitfall\":5,\"code\":\"no_contrary_views\",\"evidence\":\[\"d-" all.json &&
	grep -q "{\"practice\":1,\"code\":\"shared_leadership\"}" all.json &&
	grep -q "{\"practice\":2,\"code\":\"credit_given\"}" all.json &&
	grep -q "{\"practice\":3,\"code\":\"capacity_shared\"}" all.json &&
	grep -q "{\"practice\":4,\"code\":\"director_supported\"}" all.json &&
	grep -q "{\"practice\":5,\"code\":\"joint_grant_seeking\"}" all.json &&
	grep -q "{\"practice\":6,\"code\":\"partners_compensated\"}" all.json
'

test_expect_success 'JSON for one initiative: the top-level keys of DESIGN §3 and every figure' '
	"$TRELLIS" --db demo.db report --initiative quarry-bend --format json --as-of 2016-12-31 >q.json &&
	test_line_count q.json 1 &&
	grep -q "^{\"initiative\":\"quarry-bend\",\"as_of\":\"2016-12-31\",\"window\":{\"start\":\"2016-01-01\",\"end\":\"2016-12-31\"},\"team\":[0-9][0-9]*,\"figures\":{\"team.size\":{\"value\":" q.json &&
	grep -q "},\"scores\":{\"stepping_back\":{\"value\":[0-9.]*,\"parts\":{\"decisions.hhi\":[0-9.]*," q.json &&
	grep -q "}},\"stepping_up\":{\"value\":[0-9.]*,\"parts\":{\"checkins.coverage\":" q.json &&
	grep -q "}}},\"alerts\":\[{\"pitfall\":1," q.json &&
	grep -q "\],\"strengths\":\[{\"practice\":6,\"code\":\"partners_compensated\"}\]}$" q.json &&
	for f in $FIGURES; do
		grep -q "[{,]\"$f\":{\"value\":[-0-9.a-z]*,\"n\":[0-9][0-9]*[,}]" q.json ||
		{ echo "figure $f missing or malformed"; return 1; }
	done &&
	nfig=$(grep -o "\":{\"value\":" q.json | wc -l) &&
	test "$nfig" -eq 42	# 40 figures and the two scores
'

test_expect_success 'JSON: booleans, nulls and the extras of DESIGN §3' '
	grep -q "\"director.shared_oversight\":{\"value\":false,\"n\":1}" q.json &&
	grep -q "\"funds.partners_paid\":{\"value\":[0-9.]*,\"n\":7,\"count\":5}" q.json &&
	grep -q "\"grants.overspent\":{\"value\":[0-9]*,\"n\":[0-9]*,\"count\":[0-9]*,\"ids\":\[" q.json &&
	"$TRELLIS" --db demo.db report --initiative quarry-bend --format json --as-of 2012-12-31 >early.json &&
	grep -q "\"decisions.hhi\":{\"value\":null,\"n\":0}" early.json &&
	grep -q "\"funds.spent\":{\"value\":null,\"n\":0}" early.json &&
	grep -q "\"alerts\":\[{\"pitfall\":2,\"code\":\"director_as_employee\",\"evidence\":\[\"[a-z-]*\"\]}\]" early.json
'

test_expect_success '--months and --as-of set the window (a day past a month end becomes its last day)' '
	"$TRELLIS" --db demo.db report --initiative harlow-mills --format json --as-of 2016-03-31 --months 1 >w.json &&
	grep -q "\"as_of\":\"2016-03-31\",\"window\":{\"start\":\"2016-03-01\",\"end\":\"2016-03-31\"}" w.json &&
	"$TRELLIS" --db demo.db report --initiative harlow-mills --format json --as-of 2016-12-31 --months 36 >w.json &&
	grep -q "\"window\":{\"start\":\"2014-01-01\",\"end\":\"2016-12-31\"}" w.json
'

test_expect_success '--format html --out writes one self-contained page' '
	"$TRELLIS" --db demo.db report --all --format html --as-of 2016-12-31 --out report.html >out 2>err &&
	test_line_count out 0 &&
	test_line_count err 0 &&
	self_contained report.html &&
	for slug in $(cut -d" " -f1 "$TEST_DATA/demo-expected.txt"); do
		grep -q "<section class=\"initiative\" id=\"$slug\">" report.html || return 1
	done &&
	for f in $FIGURES; do
		grep -q "data-figure=\"$f\"" report.html || { echo "figure $f missing"; return 1; }
	done &&
	tail -c 8 report.html | grep -q "</html>"
'

test_expect_success 'the HTML page lists the evidence of every alert' '
	"$TRELLIS" --db demo.db report --initiative quarry-bend --format html --as-of 2016-12-31 --out q.html &&
	self_contained q.html &&
	sed "s/.*\"alerts\":\[\(.*\)\],\"strengths\".*/\1/" q.json | grep -o "\"[dl]-[0-9]*\"" | tr -d "\"" | sort -u >ids &&
	test -s ids &&
	while read -r id; do
		grep -q "($id)" q.html || { echo "evidence $id not on the page"; return 1; }
	done <ids &&
	grep -q "<h3>To discuss</h3>" q.html
'

test_expect_success 'text shows TO DISCUSS first, then GOING WELL, the balance and the figures' '
	"$TRELLIS" --db demo.db report --initiative quarry-bend --as-of 2016-12-31 >q.txt &&
	d=$(grep -n "^TO DISCUSS$" q.txt | cut -d: -f1) &&
	w=$(grep -n "^GOING WELL$" q.txt | cut -d: -f1) &&
	b=$(grep -n "^BALANCE$" q.txt | cut -d: -f1) &&
	f=$(grep -n "^FIGURES" q.txt | cut -d: -f1) &&
	test "$d" -lt "$w" && test "$w" -lt "$b" && test "$b" -lt "$f" &&
	test "$(sed -n "$((d + 1))p" q.txt)" = "  ! dominance" &&
	first=$(grep -n "^  [!+] " q.txt | head -n 1 | cut -d: -f2-) &&
	test "$first" = "  ! dominance" &&
	for f in $FIGURES; do
		grep -q "^  $f  *[^ ].* [0-9][0-9]*$" q.txt || { echo "figure $f missing"; return 1; }
	done
'

test_expect_success 'text for --all: one report per initiative' '
	"$TRELLIS" --db demo.db report --all --as-of 2016-12-31 >all.txt &&
	test "$(grep -c "^TO DISCUSS$" all.txt)" -eq 6 &&
	test "$(grep -c "^GOING WELL$" all.txt)" -eq 6
'

test_expect_success '--summary lists all six initiatives with their codes' '
	"$TRELLIS" --db demo.db report --all --summary --as-of 2016-12-31 >wrapped.txt &&
	# long lists wrap under their first code: join them back
	awk "/^                [^ ]/ { sub(/^ +/, \" \"); printf \"%s\", \$0; next }
	     NR > 1 { print \"\" } { printf \"%s\", \$0 } END { print \"\" }" wrapped.txt >sum.txt &&
	for name in "Harlow Mills Family Prosperity Initiative" "Port Ashby Main Streets Together" \
	    "Safe Flats Quarry Bend" "Wexford Junction Pathways Out of Poverty" \
	    "Riverton Locks Canal District Jobs Compact" "Calder Springs Home Base"; do
		grep -q "^$name  *[0-9][0-9]*  *[0-9][0-9]*$" sum.txt || { echo "no line for $name"; return 1; }
	done &&
	test "$(grep -c "^    to discuss: " sum.txt)" -eq 6 &&
	test "$(grep -c "^    going well: " sum.txt)" -eq 6 &&
	grep -q "^    to discuss: dominance, director_as_employee, out_of_the_loop, no_contrary_views$" sum.txt &&
	grep -q "^    to discuss: —$" sum.txt
'

test_expect_success 'an impossible --as-of (2016-02-30) is refused with exit 2' '
	test_expect_code 2 "$TRELLIS" --db demo.db report --all --as-of 2016-02-30 >out 2>err &&
	test_line_count out 0 &&
	grep -q "as-of.*2016-02-30" err &&
	test_expect_code 2 "$TRELLIS" --db demo.db report --all --as-of 2016-1-1 >out 2>err &&
	grep -q "2016-1-1" err
'

test_expect_success 'an unknown initiative: exit 1 and one line' '
	test_expect_code 1 "$TRELLIS" --db demo.db report --initiative nowhere >out 2>err &&
	test_line_count out 0 &&
	test_line_count err 1 &&
	grep -q "nowhere" err
'

test_expect_success '--months 0, a bad --months or --format, and a missing target: exit 2' '
	test_expect_code 2 "$TRELLIS" --db demo.db report --all --months 0 >out 2>err &&
	test_line_count out 0 &&
	grep -q "months" err &&
	test_expect_code 2 "$TRELLIS" --db demo.db report --all --months -3 >out 2>err &&
	test_expect_code 2 "$TRELLIS" --db demo.db report --all --months 12x >out 2>err &&
	test_expect_code 2 "$TRELLIS" --db demo.db report --all --format pdf >out 2>err &&
	grep -q "pdf" err &&
	test_expect_code 2 "$TRELLIS" --db demo.db report >out 2>err &&
	test_expect_code 2 "$TRELLIS" --db demo.db report --all --initiative quarry-bend >out 2>err
'

test_expect_success 'reporting leaves the database unchanged' '
	cksum <demo.db >before &&
	"$TRELLIS" --db demo.db report --all --format json --as-of 2016-12-31 >/dev/null &&
	cksum <demo.db >after &&
	test_cmp before after
'

test_done
