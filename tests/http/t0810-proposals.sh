#!/bin/sh
# A proposal's whole life over HTTP (docs/proposals.md), with real bearer
# tokens and a real session: opened by a member through the API; answered
# for the member's own organization and, marked so, on another's behalf;
# a reason required for concerns and objections (422 naming the field); an
# organization not asked refused; the latest answer of an organization
# standing over its earlier one; closed into a decision record that
# `trellis report` counts (consultation breadth, contrary views); answers
# and a second close refused (409); the pages; the audit log in words; a
# viewer's and an evaluator's writes refused (403); another initiative's
# member 404 on every proposal route.
. "$(dirname "$0")/t02-accounts.sh"

accounts_setup
H=/api/v1/initiatives/harlow-mills/proposals
TODAY=$(date -u +%F)

test_expect_success 'setup: the member answers for Harlow Mills Public Schools; tokens' '
	"$TRELLIS" --db demo.db user organization member@x.org --organization harlow-public-schools >out &&
	test_grep "answers for harlow-public-schools" out &&
	test_expect_code 1 "$TRELLIS" --db demo.db user organization viewer@x.org --organization no-such-org 2>err &&
	test_grep "no organization .no-such-org." err &&
	for u in admin member viewer eval other; do
		"$TRELLIS" --db demo.db token add --user $u@x.org >$u.tok 2>/dev/null || return 1
	done &&
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of $TODAY --format json >before.json
'

http_start --dev-cookie

# api WHO METHOD PATH [JSON]: the status; the body in .body
api () {
	if test -n "$4"; then
		http_get "$3" -X "$2" -H "Authorization: Bearer $(cat "$1.tok")" \
			-H "Content-Type: application/json" --data "$4"
	else
		http_get "$3" -X "$2" -H "Authorization: Bearer $(cat "$1.tok")"
	fi
}
# test_api WANT WHO METHOD PATH [JSON]
test_api () {
	want=$1
	shift
	got=$(api "$@")
	test "$got" = "$want" && return 0
	echo "test_api: $* answered $got, expected $want"
	cat .body
	return 1
}
# jq_ PYTHON-EXPRESSION: evaluates it with d = the JSON of .body
jq_ () {
	python3 -c "import json,sys; d = json.load(open(\".body\")); print($1)"
}

OPEN='{"title": "Hire a shared evaluator", "body": "We **should** share one. <script>alert(1)</script>",
 "category": "personnel", "closes": "2099-01-31", "decider": "committee",
 "asked": ["harlow-public-schools", "harlow-city-planning", "merrow-valley-health", "harlow-parents-council"]}'

test_expect_success 'a member opens a proposal: 201, its id, opened today, nothing answered' '
	test_api 201 member POST $H "$OPEN" &&
	test_grep "^Location: $H/P-1" .head &&
	test "$(jq_ "d[\"id\"], d[\"opened\"], d[\"tally\"][\"not_answered\"], d[\"answers\"]")" = "P-1 $TODAY 4 []"
'

test_expect_success 'opening checks every field as an import does' '
	test_api 422 member POST $H "{\"title\": \"x\", \"category\": \"nope\", \"closes\": \"2099-01-31\", \"decider\": \"team\", \"asked\": [\"harlow-city-planning\"]}" &&
	test "$(jq_ "d[\"field\"]")" = category &&
	test_api 422 member POST $H "{\"title\": \"x\", \"category\": \"other\", \"closes\": \"2099-01-31\", \"decider\": \"team\", \"asked\": []}" &&
	test "$(jq_ "d[\"field\"]")" = asked &&
	test_api 422 member POST $H "{\"title\": \"x\", \"category\": \"other\", \"closes\": \"2099-01-31\", \"decider\": \"team\", \"asked\": [\"harlow-city-planning\"], \"answers\": []}" &&
	test "$(jq_ "d[\"field\"]")" = answers &&
	test_api 422 member POST $H "{\"title\": \"x\", \"category\": \"other\", \"closes\": \"2000-01-01\", \"decider\": \"team\", \"asked\": [\"harlow-city-planning\"]}" &&
	test "$(jq_ "d[\"field\"]")" = closes
'

test_expect_success 'the member answers for its own organization: not marked' '
	test_api 201 member POST $H/P-1/answers "{\"org\": \"harlow-public-schools\", \"answer\": \"agree\"}" &&
	test "$(jq_ "d[\"answers\"][0][\"recorded_by\"], d[\"tally\"][\"agree\"]")" = "None 1"
'

test_expect_success 'concerns and objections need a reason (422 naming it); only the asked answer' '
	test_api 422 member POST $H/P-1/answers "{\"org\": \"merrow-valley-health\", \"answer\": \"object\"}" &&
	test "$(jq_ "d[\"field\"]")" = reason &&
	test_api 422 member POST $H/P-1/answers "{\"org\": \"merrow-valley-health\", \"answer\": \"concerns\", \"reason\": \"\"}" &&
	test "$(jq_ "d[\"field\"]")" = reason &&
	test_api 422 member POST $H/P-1/answers "{\"org\": \"harlow-neighborhood-builders\", \"answer\": \"agree\"}" &&
	test "$(jq_ "d[\"field\"]")" = org &&
	test_api 422 member POST $H/P-1/answers "{\"org\": \"merrow-valley-health\", \"answer\": \"maybe\"}" &&
	test "$(jq_ "d[\"field\"]")" = answer &&
	test "$(jq_ "len(d[\"answers\"])" 2>/dev/null || :)" != 2
'

test_expect_success 'an answer for another organization is recorded on its behalf' '
	test_api 201 member POST $H/P-1/answers "{\"org\": \"merrow-valley-health\", \"answer\": \"object\", \"reason\": \"Not before the audit\"}" &&
	test "$(jq_ "d[\"answers\"][1][\"recorded_by\"]")" = member@x.org &&
	test_api 201 admin POST $H/P-1/answers "{\"org\": \"harlow-city-planning\", \"answer\": \"concerns\", \"reason\": \"The cost\"}" &&
	test "$(jq_ "d[\"answers\"][2][\"recorded_by\"]")" = admin@x.org
'

test_expect_success 'the latest answer of an organization stands; the earlier stays in its history' '
	test_api 201 admin POST $H/P-1/answers "{\"org\": \"harlow-city-planning\", \"answer\": \"agree\"}" &&
	test "$(jq_ "len(d[\"answers\"]), d[\"tally\"]")" = "4 {'"'"'agree'"'"': 2, '"'"'concerns'"'"': 0, '"'"'object'"'"': 1, '"'"'not_answered'"'"': 1}" &&
	test_api 200 viewer GET $H/P-1 &&
	test "$(jq_ "[a[\"answer\"] for a in d[\"answers\"] if a[\"org\"] == \"harlow-city-planning\"]")" = "['"'"'concerns'"'"', '"'"'agree'"'"']"
'

test_expect_success 'the page shows the tally, every answer and who recorded it, the body safely' '
	test_status 200 /i/harlow-mills/proposals/P-1 -H "Authorization: Bearer $(cat viewer.tok)" &&
	test_grep "2 agree, 0 with concerns, 1 object, 1 not answered" .body &&
	test_grep "recorded by member@x.org on behalf of Merrow Valley Community Health Center" .body &&
	test_grep "<strong>should</strong>" .body &&
	! grep -q "<script>alert" .body &&
	! grep -q "action=\"/i/harlow-mills/proposals/P-1/answers\"" .body &&
	test_status 200 /i/harlow-mills/proposals -H "Authorization: Bearer $(cat viewer.tok)" &&
	test_grep "Hire a shared evaluator" .body &&
	test_status 200 /i/harlow-mills/decisions -H "Authorization: Bearer $(cat viewer.tok)" &&
	test_grep "<nav class=\"subtabs\" aria-label=\"Decisions\">.*href=\"/i/harlow-mills/proposals\">Proposals</a>" .body
'

test_expect_success 'a viewer and an evaluator read but cannot write (403)' '
	test_api 200 eval GET $H &&
	test "$(jq_ "[r[\"id\"] for r in d[\"records\"]]")" = "['"'"'P-1'"'"']" &&
	test_api 403 viewer POST $H/P-1/answers "{\"org\": \"harlow-parents-council\", \"answer\": \"agree\"}" &&
	test_api 403 eval POST $H/P-1/close "{\"outcome\": \"x\", \"decided\": \"$TODAY\"}" &&
	test_api 403 viewer POST $H "$OPEN"
'

test_expect_success 'a member of another initiative gets 404 on every proposal route' '
	for r in "GET $H" "GET $H/P-1" "POST $H" "POST $H/P-1/answers" "POST $H/P-1/close"; do
		test_api 404 other ${r% *} ${r#* } "{}" || return 1
	done &&
	sign_in other@x.org other.jar >/dev/null &&
	for p in /i/harlow-mills/proposals /i/harlow-mills/proposals/new /i/harlow-mills/proposals/P-1; do
		test "$(curl -s -o /dev/null -w "%{http_code}" -b other.jar "$URL$p")" = 404 || return 1
	done
'

test_expect_success 'a proposal is not replaced, patched or deleted through the generic API (405)' '
	test_api 405 admin DELETE $H/P-1 &&
	test_api 405 admin PATCH $H/P-1 "{\"title\": \"x\"}"
'

test_expect_success 'closing makes the decision record: consulted who answered, their contrary views' '
	test_api 422 member POST $H/P-1/close "{\"decided\": \"$TODAY\"}" &&
	test "$(jq_ "d[\"field\"]")" = outcome &&
	test_api 422 member POST $H/P-1/close "{\"outcome\": \"x\", \"decided\": \"2016-02-30\"}" &&
	test "$(jq_ "d[\"field\"]")" = decided &&
	test_api 200 member POST $H/P-1/close "{\"outcome\": \"We hire one evaluator, shared.\", \"decided\": \"$TODAY\"}" &&
	test "$(jq_ "d[\"decision\"], d[\"decided\"]")" = "P-1 $TODAY" &&
	test_api 200 member GET /api/v1/initiatives/harlow-mills/decisions/P-1 &&
	test "$(jq_ "d[\"proposed\"], d[\"decided\"], d[\"decider\"], d[\"category\"]")" = "$TODAY $TODAY committee personnel" &&
	test "$(jq_ "d[\"consulted\"]")" = "['"'"'harlow-public-schools'"'"', '"'"'harlow-city-planning'"'"', '"'"'merrow-valley-health'"'"']" &&
	test "$(jq_ "d[\"contrary_views\"]")" = "Merrow Valley Community Health Center (objects): Not before the audit" &&
	test "$(jq_ "len(d[\"informed\"])")" = "$(python3 -c "import json; print(json.load(open(\"before.json\"))[\"team\"])")"
'

test_expect_success 'a closed proposal takes no answers and cannot be closed again (409)' '
	test_api 409 admin POST $H/P-1/answers "{\"org\": \"harlow-parents-council\", \"answer\": \"agree\"}" &&
	test_grep "closed on" .body &&
	test_api 409 admin POST $H/P-1/close "{\"outcome\": \"again\", \"decided\": \"$TODAY\"}"
'

test_expect_success 'the report counts the decision: consultation breadth and contrary views' '
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of $TODAY --format json >after.json &&
	python3 - <<-\EOF
	import json
	b = json.load(open("before.json"))["figures"]
	a = json.load(open("after.json"))["figures"]
	assert b["decisions.consultation_breadth"]["n"] == 0, b["decisions.consultation_breadth"]
	# consulted (schools, planning, merrow) and the committee (builders, schools,
	# planning, merrow): 4 of the team (the parents council asked, not answering)
	t = json.load(open("after.json"))["team"]
	assert a["decisions.consultation_breadth"] == {"value": 4 / t, "n": 1}, (t, a["decisions.consultation_breadth"])
	assert a["decisions.contrary_share"] == {"value": 1, "n": 1}, a["decisions.contrary_share"]
	EOF
'

test_expect_success 'the page links the decision; the audit log says it in words' '
	test_status 200 /i/harlow-mills/proposals/P-1 -H "Authorization: Bearer $(cat admin.tok)" &&
	test_grep "href=\"/i/harlow-mills/decisions/P-1\"" .body &&
	! grep -q "action=\"/i/harlow-mills/proposals/P-1/close\"" .body &&
	test_status 200 "/admin/audit?initiative=harlow-mills" -H "Authorization: Bearer $(cat admin.tok)" &&
	test_grep "opened proposal P-1" .body &&
	test_grep "recorded an answer to proposal P-1" .body &&
	test_grep "closed proposal P-1 on" .body &&
	test_grep "added decision P-1" .body
'

test_expect_success 'the forms: an answer without a reason comes back 422 beside the field' '
	sign_in member@x.org member.jar >/dev/null &&
	csrf=$(csrf_of member.jar /i/harlow-mills/proposals/new) &&
	test -n "$csrf" &&
	test "$(curl -s -o .body -w "%{http_code}" -b member.jar --data-urlencode csrf=$csrf \
	    --data-urlencode title="Open on Saturdays" --data-urlencode category=program \
	    --data-urlencode closes=2099-02-01 --data-urlencode asked=harlow-public-schools \
	    --data-urlencode decider=team "$URL/i/harlow-mills/proposals")" = 303 &&
	test "$(curl -s -o .body -w "%{http_code}" -b member.jar --data-urlencode csrf=$csrf \
	    --data-urlencode org=harlow-public-schools --data-urlencode answer=concerns \
	    "$URL/i/harlow-mills/proposals/P-2/answers")" = 422 &&
	test_grep "id=\"reason-error\"" .body &&
	test "$(curl -s -o .body -w "%{http_code}" -b member.jar --data-urlencode csrf=$csrf \
	    --data-urlencode org=harlow-public-schools --data-urlencode answer=agree \
	    "$URL/i/harlow-mills/proposals/P-2/answers")" = 303 &&
	test_api 200 member GET $H/P-2 &&
	test "$(jq_ "d[\"tally\"][\"agree\"], d[\"answers\"][0][\"recorded_by\"]")" = "1 None"
'

test_expect_success 'an admin sets the organization an account answers for on the users page' '
	sign_in admin@x.org admin.jar >/dev/null &&
	csrf=$(csrf_of admin.jar /admin/users) &&
	test_status 200 /admin/users -b admin.jar &&
	test_grep "answers for Harlow Mills Public Schools" .body &&
	test_grep "<option value=\"merrow-valley-health\">Merrow Valley Community Health Center</option>" .body &&
	test "$(curl -s -o .body -w "%{http_code}" -b admin.jar --data-urlencode csrf=$csrf \
	    -d action=organization -d email=viewer@x.org -d organization=no-such-org "$URL/admin/users")" = 400 &&
	test_grep "There is no such organization in the program." .body &&
	test "$(curl -s -o .body -w "%{http_code}" -b admin.jar --data-urlencode csrf=$csrf \
	    -d action=organization -d email=viewer@x.org -d organization=merrow-valley-health "$URL/admin/users")" = 303 &&
	test "$(sqlite3 demo.db "SELECT organization FROM users WHERE email = '"'"'viewer@x.org'"'"'")" = merrow-valley-health &&
	test_status 200 "/admin/users" -b admin.jar &&
	test "$(grep -o "answers for Merrow Valley Community Health Center" .body | wc -l)" = 1 &&
	test "$(curl -s -o .body -w "%{http_code}" -b admin.jar --data-urlencode csrf=$csrf \
	    -d action=organization -d email=viewer@x.org -d organization= "$URL/admin/users")" = 303 &&
	test -z "$(sqlite3 demo.db "SELECT organization FROM users WHERE email = '"'"'viewer@x.org'"'"'")"
'

test_expect_success 'the xlsx export has a proposals sheet with the answers' '
	curl -s -o book.xlsx -H "Authorization: Bearer $(cat admin.tok)" "$URL/i/harlow-mills/export?format=xlsx" &&
	python3 - <<-\EOF
	import re, zipfile
	z = zipfile.ZipFile("book.xlsx")
	names = re.findall("<sheet name=.([a-z_]+).", z.read("xl/workbook.xml").decode())
	assert names[-1] == "proposals", names
	strings = z.read("xl/sharedStrings.xml").decode()
	assert "Not before the audit" in strings and "Hire a shared evaluator" in strings
	EOF
'

test_done
