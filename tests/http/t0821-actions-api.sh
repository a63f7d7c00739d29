#!/bin/sh
# The team's answers and actions in the JSON API (issue 12, docs/api.md):
# /api/v1/initiatives/{slug}/responses and …/actions like every record
# kind: POST one trellis/1 record (201), GET the list and one, PATCH an
# action's status; readers read, editors write, another initiative is 404.
. "$(dirname "$0")/lib.sh"

http_demo_db

test_expect_success 'setup: users and their tokens' '
	printf "a long password 1\n" >pw &&
	"$TRELLIS" --db demo.db user add m@example.org --role member --initiative harlow-mills --password-file pw &&
	"$TRELLIS" --db demo.db user add v@example.org --role viewer --initiative harlow-mills --password-file pw &&
	"$TRELLIS" --db demo.db user add b@example.org --role member --initiative port-ashby --password-file pw &&
	"$TRELLIS" --db demo.db token add --user m@example.org >member.tok 2>/dev/null &&
	"$TRELLIS" --db demo.db token add --user v@example.org >viewer.tok 2>/dev/null &&
	"$TRELLIS" --db demo.db token add --user b@example.org >other.tok 2>/dev/null
'

http_start

api () {
	who=$1 m=$2 p=$3
	shift 3
	http_get "$p" -X "$m" -H "Authorization: Bearer $(cat "$who.tok")" \
	    -H "Content-Type: application/json" "$@"
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
H=/api/v1/initiatives/harlow-mills

test_expect_success 'a member POSTs the answer and an action: 201 with Location' '
	test_api 201 member POST $H/responses --data "{\"id\": \"r-1\", \"alert\": \"credit_given\", \"period\": \"2016-12-31\", \"answer\": \"We credit **every** partner.\"}" &&
	test_grep "^Location: /api/v1/initiatives/harlow-mills/responses/r-1$" .head &&
	test_api 201 member POST $H/actions --data "{\"id\": \"a-1\", \"alert\": \"credit_given\", \"period\": \"2016-12-31\", \"title\": \"Name partners in the press kit\", \"owner_org\": null, \"owner_person\": \"ana-mensah\", \"due\": \"2017-01-15\", \"status\": \"open\"}" &&
	test_grep "\"owner_person\": \"ana-mensah\"" .body
'

test_expect_success 'a bad action is 422 naming the field' '
	test_api 422 member POST $H/actions --data "{\"id\": \"a-2\", \"alert\": \"credit_given\", \"period\": \"2016-12-15\", \"title\": \"x\", \"owner_org\": \"harlow-public-schools\", \"owner_person\": null, \"due\": \"2017-01-15\", \"status\": \"open\"}" &&
	test_grep "period" .body &&
	test_api 404 member GET $H/actions/a-2
'

test_expect_success 'PATCH changes an action'"'"'s status, and the report shows it' '
	test_api 200 member PATCH $H/actions/a-1 --data "{\"status\": \"done\"}" &&
	test_grep "\"status\": \"done\"" .body &&
	test_api 200 viewer GET "$H/report?as_of=2016-12-31" &&
	test_grep "\"response\":{\"id\": \"r-1\"" .body &&
	test_grep "\"actions\":\[{\"id\": \"a-1\".*\"status\": \"done\"}\]" .body
'

test_expect_success 'a viewer lists them and may not write' '
	test_api 200 viewer GET $H/actions &&
	test_grep "\"ids\": \[\"a-1\"\]" .body &&
	test_api 200 viewer GET $H/responses/r-1 &&
	test_api 403 viewer PATCH $H/actions/a-1 --data "{\"status\": \"open\"}"
'

test_expect_success 'a member of another initiative gets 404' '
	test_api 404 other GET $H/actions &&
	test_api 404 other GET $H/actions/a-1 &&
	test_api 404 other PATCH $H/actions/a-1 --data "{\"status\": \"dropped\"}"
'

test_done
