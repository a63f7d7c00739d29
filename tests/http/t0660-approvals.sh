#!/bin/sh
# Disbursement approval over HTTP (docs/approvals.md), with real bearer
# tokens and a real session: the threshold set with `trellis settings`;
# an entry below it counts at once; one at or above it is pending and
# left out of `trellis report` until two organizations approve it — first
# the A-holder of "approve budget", then another member organization; the
# same organization twice is 409, a decided entry 409, a rejection needs a
# reason (422 on reason); a member acts for its own organization only;
# an evaluator and a viewer read but cannot act; another initiative's
# member 404; the entry's status in the ledger list, in trellis/1 and in
# the audit log in words.
. "$(dirname "$0")/t02-accounts.sh"

accounts_setup
L=/api/v1/initiatives/harlow-mills/ledger
TODAY=$(date -u +%F)

test_expect_success 'setup: tokens; the member acts for Harlow Public Schools; a threshold of $5,000' '
	"$TRELLIS" --db demo.db user organization member@x.org --organization harlow-public-schools >/dev/null &&
	for u in admin member viewer eval other; do
		"$TRELLIS" --db demo.db token add --user $u@x.org >$u.tok 2>/dev/null || return 1
	done &&
	"$TRELLIS" --db demo.db settings approval_threshold 5000 >/dev/null &&
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of $TODAY --format json >before.json
'

http_start --dev-cookie

api () {
	if test -n "$4"; then
		http_get "$3" -X "$2" -H "Authorization: Bearer $(cat "$1.tok")" \
			-H "Content-Type: application/json" --data "$4"
	else
		http_get "$3" -X "$2" -H "Authorization: Bearer $(cat "$1.tok")"
	fi
}
test_api () {
	want=$1
	shift
	got=$(api "$@")
	test "$got" = "$want" && return 0
	echo "test_api: $* answered $got, expected $want"
	cat .body
	return 1
}
jq_ () {
	python3 -c "import json,sys; d = json.load(open(\".body\")); print($1)"
}
# spent: funds.spent of harlow-mills today, by `trellis report`
spent () {
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of $TODAY --format json |
		python3 -c "import json,sys; print(json.load(sys.stdin)[\"figures\"][\"funds.spent\"][\"value\"] or 0)"
}

entry () {
	echo "{\"id\": \"$1\", \"date\": \"$TODAY\", \"grant\": \"g-1\", \"amount\": $2, \"kind\": \"disbursement\", \"recipient\": \"merrow-valley-health\", \"purpose\": \"Outreach\", \"backbone_own\": false}"
}

test_expect_success 'the threshold on the settings page and in the API (JSON: a number, or null for none)' '
	test_status 200 /program/settings -H "Authorization: Bearer $(cat admin.tok)" &&
	test_grep "<legend[^>]*>Disbursement approval</legend>" .body &&
	test_grep "name=\"approval_threshold\"" .body &&
	test_api 200 eval GET /api/v1/program/settings &&
	test "$(jq_ "json.dumps([[s[\"value\"], s[\"default\"]] for s in d[\"settings\"] if s[\"name\"] in (\"approval_threshold\", \"lang\")])")" = \
		"[[5000, null], [\"en\", \"en\"]]" &&
	test_status 200 / -H "Authorization: Bearer $(cat admin.tok)" &&
	test_grep "<a href=\"/program/approvals\">Approvals</a>" .body &&
	test_api 422 admin PUT /api/v1/program/settings "{\"approval_threshold\": \"-1\"}" &&
	test "$(jq_ "d[\"field\"]")" = approval_threshold
'

test_expect_success 'an entry below the threshold needs nothing: approved, counted at once' '
	s0=$(spent) &&
	test_api 201 member POST $L "$(entry A-1 4999.99)" &&
	test "$(jq_ "d.get(\"status\"), d.get(\"approvals\")")" = "None None" &&
	s1=$(spent) &&
	python3 -c "assert abs($s1 - $s0 - 4999.99) < 0.001, ($s0, $s1)"
'

test_expect_success 'an entry at the threshold is pending, whatever status it is sent with, and not counted' '
	s0=$(spent) &&
	test_api 201 member POST $L "$(entry A-2 5000 | sed "s/}\$/, \"status\": \"approved\"}/")" &&
	test "$(jq_ "d[\"status\"]")" = pending &&
	test "$(spent)" = "$s0" &&
	test_api 200 viewer GET /api/v1/program/approvals &&
	test "$(jq_ "d[\"threshold\"], [(e[\"initiative\"], e[\"id\"], e[\"entered_by\"]) for e in d[\"pending\"]]")" = \
		"5000 [('"'"'harlow-mills'"'"', '"'"'A-2'"'"', '"'"'member@x.org'"'"')]"
'

test_expect_success 'a member reads on the ledger that a payment awaits approval, linked to where it is approved' '
	test_status 200 /i/harlow-mills/ledger -H "Authorization: Bearer $(cat member.tok)" &&
	test_grep "<a href=\"/program/approvals\">1 payment awaits approval</a>" .body &&
	test_status 200 /i/harlow-mills/ledger -H "Authorization: Bearer $(cat member.tok)" -H "Accept-Language: es" &&
	test_grep "<a href=\"/program/approvals\">1 pago espera aprobación</a>" .body &&
	test_status 200 /program/approvals -H "Authorization: Bearer $(cat member.tok)" &&
	test_grep "A-2" .body
'

test_expect_success 'the first approval comes from the A-holder of approve budget (422 naming org otherwise)' '
	test_api 422 admin POST $L/A-2/approvals "{\"org\": \"merrow-valley-health\", \"verdict\": \"approve\"}" &&
	test "$(jq_ "d[\"field\"]")" = org &&
	test_grep "does not hold A for .*approve budget" .body
'

test_expect_success 'a member approves for its own organization only (403)' '
	test_api 403 member POST $L/A-2/approvals "{\"org\": \"merrow-valley-health\", \"verdict\": \"approve\"}" &&
	test_grep "own organization" .body
'

test_expect_success 'the A-holder approves: still pending, not counted; the same organization twice is 409' '
	s0=$(spent) &&
	test_api 201 member POST $L/A-2/approvals "{\"org\": \"harlow-public-schools\", \"verdict\": \"approve\"}" &&
	test "$(jq_ "d[\"status\"], len(d[\"approvals\"]), d[\"approvals\"][0][\"by\"], d[\"approvals\"][0][\"on_behalf\"]")" = \
		"pending 1 member@x.org False" &&
	test "$(spent)" = "$s0" &&
	test_api 409 admin POST $L/A-2/approvals "{\"org\": \"harlow-public-schools\", \"verdict\": \"approve\"}" &&
	test_grep "Harlow Mills Public Schools has already approved ledger entry A-2" .body
'

test_expect_success 'an evaluator and a viewer read but cannot approve (403); another initiative member 404' '
	test_api 403 eval POST $L/A-2/approvals "{\"org\": \"merrow-valley-health\", \"verdict\": \"approve\"}" &&
	test_api 403 viewer POST $L/A-2/approvals "{\"org\": \"merrow-valley-health\", \"verdict\": \"approve\"}" &&
	test_api 404 other POST $L/A-2/approvals "{\"org\": \"merrow-valley-health\", \"verdict\": \"approve\"}" &&
	test_api 200 eval GET /api/v1/program/approvals &&
	test_api 200 other GET /api/v1/program/approvals &&
	test "$(jq_ "d[\"pending\"]")" = "[]"
'

test_expect_success 'a second organization approves (on behalf, by the admin): approved, and trellis report counts it' '
	s0=$(spent) &&
	test_api 201 admin POST $L/A-2/approvals "{\"org\": \"merrow-valley-health\", \"verdict\": \"approve\"}" &&
	test "$(jq_ "d.get(\"status\"), len(d[\"approvals\"]), d[\"approvals\"][1][\"on_behalf\"]")" = "None 2 True" &&
	s1=$(spent) &&
	python3 -c "assert abs($s1 - $s0 - 5000) < 0.001, ($s0, $s1)" &&
	test_api 409 admin POST $L/A-2/approvals "{\"org\": \"harlow-city-planning\", \"verdict\": \"approve\"}" &&
	test_grep "ledger entry A-2 is approved: it takes no more approvals" .body &&
	test_status 200 /i/harlow-mills/ledger -H "Authorization: Bearer $(cat member.tok)" &&
	! grep -q "awaits approval" .body
'

test_expect_success 'a rejection needs a reason (422 on reason); rejected, never counted' '
	s0=$(spent) &&
	test_api 201 member POST $L "$(entry A-3 12000)" &&
	test_api 422 member POST $L/A-3/approvals "{\"org\": \"harlow-public-schools\", \"verdict\": \"reject\"}" &&
	test "$(jq_ "d[\"field\"]")" = reason &&
	test_api 201 member POST $L/A-3/approvals "{\"org\": \"harlow-public-schools\", \"verdict\": \"reject\", \"reason\": \"No invoice\"}" &&
	test "$(jq_ "d[\"status\"], d[\"approvals\"][0][\"reason\"]")" = "rejected No invoice" &&
	test "$(spent)" = "$s0" &&
	test_api 409 admin POST $L/A-3/approvals "{\"org\": \"merrow-valley-health\", \"verdict\": \"approve\"}"
'

test_expect_success 'an entry with approvals keeps its amount and is not deleted (409); its approvals stay' '
	test_api 409 admin PATCH $L/A-2 "{\"amount\": 1}" &&
	test_grep "enter a correcting entry" .body &&
	test_api 409 admin DELETE $L/A-2 &&
	test_api 200 admin PATCH $L/A-2 "{\"purpose\": \"Outreach, spring\"}" &&
	test "$(jq_ "d.get(\"status\"), len(d[\"approvals\"]), d[\"purpose\"]")" = "None 2 Outreach, spring" &&
	test "$(sqlite3 demo.db "SELECT count(*) FROM ledger_approval")" = 3
'

test_expect_success 'trellis/1: status only when not approved, approvals when any' '
	"$TRELLIS" --db demo.db export >out.json &&
	grep "\"id\": \"A-1\"" out.json >a1 && ! grep -q "status\|approvals" a1 &&
	grep "\"id\": \"A-2\"" out.json >a2 && ! grep -q status a2 && grep -q "\"approvals\": \[" a2 &&
	grep "\"id\": \"A-3\"" out.json >a3 && grep -q "\"status\": \"rejected\"" a3
'

test_expect_success 'the ledger list shows each entry status; the audit log says it in words' '
	test_status 200 /i/harlow-mills/ledger -H "Authorization: Bearer $(cat admin.tok)" &&
	test_grep ">Status<" .body &&
	test_grep "data-label=\"Status\">rejected<" .body &&
	test_status 200 "/admin/audit?initiative=harlow-mills" -H "Authorization: Bearer $(cat admin.tok)" &&
	test_grep "member@x.org approved ledger entry A-2 for Harlow Mills Public Schools" .body &&
	test_grep "admin@x.org approved ledger entry A-2 for Merrow Valley" .body &&
	test_grep "member@x.org rejected ledger entry A-3 for Harlow Mills Public Schools (“No invoice”)" .body &&
	test_status 200 /i/harlow-mills -H "Authorization: Bearer $(cat admin.tok)" &&
	test_grep "admin@x.org approved ledger entry A-2 for Merrow Valley Community Health Center" .body
'

test_expect_success 'the approvals page: the form, for the member its own organization only' '
	test_api 201 member POST $L "$(entry A-4 7000)" &&
	sign_in member@x.org member.jar >/dev/null &&
	test "$(curl -s -o .body -w "%{http_code}" -b member.jar "$URL/program/approvals")" = 200 &&
	test_grep "A-4 · \$7,000" .body &&
	test_grep "name=\"org\" value=\"harlow-public-schools\"" .body &&
	! grep -q "<select id=\"org-harlow-mills-A-4\"" .body &&
	csrf=$(csrf_of member.jar /program/approvals) &&
	test "$(curl -s -o .body -w "%{http_code}" -b member.jar --data-urlencode csrf=$csrf \
		--data-urlencode org=harlow-public-schools --data-urlencode verdict=reject \
		"$URL/i/harlow-mills/ledger/A-4/approvals")" = 422 &&
	test_grep "Reason: is required to reject" .body &&
	test "$(curl -s -o .body -w "%{http_code}" -b member.jar --data-urlencode csrf=$csrf \
		--data-urlencode org=harlow-public-schools --data-urlencode verdict=approve \
		"$URL/i/harlow-mills/ledger/A-4/approvals")" = 303 &&
	test "$(curl -s -o .body -w "%{http_code}" -b member.jar --data-urlencode csrf=$csrf \
		--data-urlencode org=harlow-public-schools --data-urlencode verdict=approve \
		"$URL/i/harlow-mills/ledger/A-2/approvals")" = 409 &&
	test_grep "Error: </span>Status: ledger entry A-2 is approved: it takes no more approvals" .body &&
	test_api 200 admin GET $L/A-4 &&
	test "$(jq_ "d[\"status\"], d[\"approvals\"][0][\"org\"]")" = "pending harlow-public-schools" &&
	test_status 200 /i/harlow-mills/ledger -H "Authorization: Bearer $(cat admin.tok)" &&
	test_grep "data-label=\"Status\">pending<" .body
'

test_done
