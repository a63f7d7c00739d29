#!/bin/sh
# trellis settings: every threshold listed; a change moves the report's
# alerts, strengths and capacity as docs/demo.md's figures say it must;
# --reset restores the default; a bad value or name changes nothing.
. "$(dirname "$0")/lib.sh"

SETTINGS="dominance.backbone_alone_share dominance.hhi dominance.rushed_share
dominance.min_decisions rushed.days rushed.breadth blurred_boundaries.backbone_own_share
blurred_boundaries.min_entries out_of_the_loop.loop_closure out_of_the_loop.min_decisions
no_contrary_views.contrary_share no_contrary_views.min_decisions
shared_leadership.committee_size shared_leadership.shared_share credit_given.partner_share
capacity_shared.reach director_supported.survey_mean joint_grant_seeking.joint_share
partners_compensated.partners_paid grants.unspent_tolerance capacity.staff capacity.revenue
capacity.traits capacity.expertise_areas"

# codes: the report's alert and strength codes per initiative, as lines
# "SLUG alerts=code,… strengths=code,…" (demo-expected.txt's format).
# Reads the compact JSON with awk, grep and sed (no jq on a fresh machine).
codes () {
	"$TRELLIS" --db demo.db report --all --format json --as-of 2016-12-31 |
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

# unchanged: the database is byte for byte what it was at setup.
unchanged () {
	cksum <demo.db >now.sum &&
	test_cmp orig.sum now.sum &&
	"$TRELLIS" --db demo.db settings >now.txt &&
	test_cmp orig.txt now.txt
}

test_expect_success 'setup: the demo database' '
	"$TRELLIS" --db demo.db demo >/dev/null &&
	codes >orig.codes &&
	test_cmp "$TEST_DATA/demo-expected.txt" orig.codes
'

test_expect_success 'the list shows every setting with its default' '
	"$TRELLIS" --db demo.db settings >orig.txt 2>err &&
	test_line_count err 0 &&
	cksum <demo.db >orig.sum &&
	for s in $SETTINGS; do
		grep -q "^  $s  *[0-9.][0-9.]*$" orig.txt || { echo "setting $s missing"; return 1; }
	done &&
	test "$(grep -c "^  [a-z_]*\.[a-z_]*  *[0-9.]*" orig.txt)" -eq 24 &&
	grep -q "^  grants.unspent_tolerance  *0.05$" orig.txt &&
	grep -q "^  dominance.backbone_alone_share  *0.5$" orig.txt &&
	grep -q "^  capacity.revenue  *3000000$" orig.txt &&
	! grep -q "(changed)" orig.txt
'

# docs/demo.md: quarry-bend backbone_alone_share 0.83, decisions.hhi 0.67,
# rushed_share 0.67 — dominance stays while any part is above its threshold.
test_expect_success 'dominance.backbone_alone_share 0.95: quarry-bend still dominated (hhi and rushed)' '
	"$TRELLIS" --db demo.db settings dominance.backbone_alone_share 0.95 >out &&
	grep -q "^  dominance.backbone_alone_share  *0.95  (changed)$" out &&
	codes >now &&
	test_cmp orig.codes now
'

test_expect_success 'with the hhi and rushed thresholds raised too, dominance is gone from quarry-bend and calder-springs' '
	"$TRELLIS" --db demo.db settings dominance.hhi 0.95 >/dev/null &&
	"$TRELLIS" --db demo.db settings dominance.rushed_share 0.95 >/dev/null &&
	codes >now &&
	sed -e "s/alerts=dominance,/alerts=/" orig.codes >want &&
	test_cmp want now &&
	grep -q "^quarry-bend alerts=director_as_employee,out_of_the_loop,no_contrary_views " now &&
	grep -q "^calder-springs alerts=blurred_boundaries " now
'

test_expect_success '--reset restores the defaults and the alerts' '
	"$TRELLIS" --db demo.db settings --reset dominance.backbone_alone_share >/dev/null &&
	"$TRELLIS" --db demo.db settings --reset dominance.hhi >/dev/null &&
	"$TRELLIS" --db demo.db settings --reset dominance.rushed_share >out &&
	test_cmp orig.txt out &&
	codes >now &&
	test_cmp orig.codes now
'

# docs/demo.md: contrary_share is 0.10 in quarry-bend, 0.00 in riverton-locks.
test_expect_success 'no_contrary_views.contrary_share 0.05: only riverton-locks keeps that alert' '
	"$TRELLIS" --db demo.db settings no_contrary_views.contrary_share 0.05 >/dev/null &&
	codes >now &&
	sed -e "/^quarry-bend /s/,no_contrary_views//" orig.codes >want &&
	test_cmp want now &&
	grep -q "^riverton-locks alerts=no_contrary_views " now &&
	"$TRELLIS" --db demo.db settings --reset no_contrary_views.contrary_share >/dev/null
'

test_expect_success 'a setting belongs to the program: the report JSON and text follow it' '
	"$TRELLIS" --db demo.db settings blurred_boundaries.backbone_own_share 0.5 >/dev/null &&
	"$TRELLIS" --db demo.db report --initiative calder-springs --as-of 2016-12-31 >c.txt &&
	! grep -q "! blurred_boundaries" c.txt &&
	codes >now &&
	! grep -q "blurred_boundaries" now &&
	"$TRELLIS" --db demo.db settings --reset blurred_boundaries.backbone_own_share >/dev/null &&
	codes >now &&
	test_cmp orig.codes now
'

test_expect_success 'capacity.revenue is in dollars: $7M makes the first exemplar not high capacity' '
	"$TRELLIS" --db demo.db settings capacity.revenue 7000000 >out &&
	grep -q "^  capacity.revenue  *7000000  (changed)$" out &&
	"$TRELLIS" --db demo.db capacity --org harlow-neighborhood-builders --format json >h.json &&
	grep -q "\"traits_met\":5,\"high_capacity\":false}$" h.json &&
	"$TRELLIS" --db demo.db settings --reset capacity.revenue >/dev/null &&
	"$TRELLIS" --db demo.db capacity --org harlow-neighborhood-builders --format json >h.json &&
	grep -q "\"high_capacity\":true}$" h.json
'

# docs/demo.md: harlow-mills g-3 and wexford-junction g-2 closed a little
# under their amount, inside the 5% tolerance.
test_expect_success 'grants.unspent_tolerance 0: the grants closed a little under their amount are unspent' '
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of 2016-12-31 --format json >h.json &&
	grep -q "\"grants.unspent_closed\":{\"value\":0,\"n\":3,\"count\":0,\"ids\":\[\]}" h.json &&
	"$TRELLIS" --db demo.db settings grants.unspent_tolerance 0 >out &&
	grep -q "^  grants.unspent_tolerance  *0  (changed)$" out &&
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of 2016-12-31 --format json >h.json &&
	grep -q "\"grants.unspent_closed\":{\"value\":1,\"n\":3,\"count\":1,\"ids\":\[\"g-3\"\]}" h.json &&
	"$TRELLIS" --db demo.db report --initiative wexford-junction --as-of 2016-12-31 --format json >w.json &&
	grep -q "\"ids\":\[\"g-2\"\]" w.json &&
	"$TRELLIS" --db demo.db settings --reset grants.unspent_tolerance >/dev/null &&
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of 2016-12-31 --format json >h.json &&
	grep -q "\"grants.unspent_closed\":{\"value\":0," h.json
'

test_expect_success 'grants.unspent_tolerance must be at least 0 and below 1' '
	for v in 1 1.5 -0.01 x; do
		test_expect_code 2 "$TRELLIS" --db demo.db settings grants.unspent_tolerance -- "$v" >out 2>err &&
		test_line_count out 0 &&
		grep -q "grants.unspent_tolerance: .$v. is not a valid value (give a number from 0 up to but not including 1)" err || return 1
	done &&
	"$TRELLIS" --db demo.db settings grants.unspent_tolerance 0.99 >/dev/null &&
	"$TRELLIS" --db demo.db settings --reset grants.unspent_tolerance >/dev/null
'

test_expect_success 'everything reset: the database reads as at the start' '
	"$TRELLIS" --db demo.db settings >now.txt &&
	test_cmp orig.txt now.txt &&
	cksum <demo.db >orig.sum
'

test_expect_success 'a bad value: exit 2, and the database unchanged' '
	for v in 1.5 -0.1 abc "" 0.5x nan; do
		test_expect_code 2 "$TRELLIS" --db demo.db settings dominance.hhi -- "$v" >out 2>err &&
		test_line_count out 0 &&
		grep -q "dominance.hhi" err || return 1
	done &&
	for v in 2.5 -1 x; do
		test_expect_code 2 "$TRELLIS" --db demo.db settings rushed.days -- "$v" >out 2>err || return 1
	done &&
	test_expect_code 2 "$TRELLIS" --db demo.db settings capacity.revenue 12.345 >out 2>err &&
	unchanged
'

test_expect_success 'an unknown name: exit 2, and the database unchanged' '
	test_expect_code 2 "$TRELLIS" --db demo.db settings dominance.nothing 0.5 >out 2>err &&
	test_line_count out 0 &&
	grep -q "dominance.nothing" err &&
	test_expect_code 2 "$TRELLIS" --db demo.db settings --reset nothing >out 2>err &&
	grep -q "nothing" err &&
	test_expect_code 2 "$TRELLIS" --db demo.db settings dominance.hhi >out 2>err &&
	test_expect_code 2 "$TRELLIS" --db demo.db settings --reset dominance.hhi 0.4 >out 2>err &&
	unchanged
'

test_done
