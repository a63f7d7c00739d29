#!/bin/sh
# The program-level records (organizations, people, instruments, learning
# notes) at /program/{kind}: admins read and change them, evaluators read
# them, members and viewers are refused (403); an organization added
# through the form (303, in the list), an invalid sector and a slug that
# other records name refused (422, the message beside the field); the
# portfolio links them; the API's /api/v1/program/{kind} GET, POST, PATCH
# and DELETE of a person.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'an admin: the lists, the records, the add form; the portfolio links them' '
	for k in organizations people instruments learning; do
		test_status 200 /program/$k || exit 1
		test_security_headers || exit 1
		test_grep "href=\"/program/$k/new\"" .body || exit 1
	done &&
	test_status 200 /program/organizations &&
	test_grep "href=\"/program/organizations/atlantic-reserve\"" .body &&
	test_status 200 /program/organizations/atlantic-reserve &&
	test_grep "<form class=\"record\"" .body &&
	test_grep "name=\"action\" value=\"delete\"" .body &&
	test_status 200 /program/people/victor-quintero &&
	test_grep "Victor Quintero" .body &&
	test_status 200 /program/organizations/new &&
	test_grep "<label for=\"sector\">" .body &&
	test_status 200 / &&
	test_grep "href=\"/program/organizations\">Organizations<" .body &&
	test_grep "href=\"/program/people\">People<" .body
'

test_expect_success 'unknown kinds and records, and initiative kinds, are 404 under /program' '
	test_status 404 /program/bogus &&
	test_status 404 /program/decisions &&
	test_status 404 /program/initiatives &&
	test_status 404 /program/organizations/no-such-org &&
	test_status 404 /i/harlow-mills/people
'

test_expect_success 'adding an organization through the form: 303 to it, in the list' '
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d slug=acme-fund \
	    --data-urlencode "name=Acme Community Fund" -d sector=nonprofit -d staff=4 \
	    "$URL/program/organizations") &&
	test "$code" = "303 $URL/program/organizations/acme-fund?saved=acme-fund" &&
	test_status 200 /program/organizations/acme-fund &&
	test_grep "Acme Community Fund" .body &&
	test_status 200 "/program/organizations?sort=slug&dir=asc" &&
	test_grep "href=\"/program/organizations/acme-fund\"" .body &&
	test_grep "Add an organization" .body
'

test_expect_success 'an invalid sector: 422, the message beside the field, what was typed kept' '
	test_status 422 /program/organizations -d slug=bad-sector \
	    --data-urlencode "name=Bad Sector Org" -d sector=martian &&
	test_grep "class=\"error-summary\"" .body &&
	test_grep "<a href=\"#sector\">" .body &&
	test_grep "<p class=\"error\" id=\"sector-error\">" .body &&
	test_grep "value=\"Bad Sector Org\"" .body &&
	test_status 404 /program/organizations/bad-sector
'

test_expect_success 'renaming the slug of an organization that records name: 422 with the message' '
	test_status 422 /program/organizations/atlantic-reserve -d slug=atlantic-reserve-2 \
	    --data-urlencode "name=Atlantic Regional Reserve Bank" -d sector=public &&
	test_grep "<p class=\"error\" id=\"slug-error\">" .body &&
	test_grep "other records name it" .body &&
	test_status 200 /program/organizations/atlantic-reserve &&
	test_status 404 /program/organizations/atlantic-reserve-2
'

test_expect_success 'editing and deleting the new organization: 303, then 404' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -d slug=acme-fund \
	    --data-urlencode "name=Acme Fund for Communities" -d sector=philanthropy \
	    "$URL/program/organizations/acme-fund") &&
	test "$code" = 303 &&
	test_status 200 /program/organizations/acme-fund &&
	test_grep "Acme Fund for Communities" .body &&
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d action=delete \
	    -d confirm=yes "$URL/program/organizations/acme-fund") &&
	test "$code" = "303 $URL/program/organizations?deleted=1" &&
	test_status 404 /program/organizations/acme-fund
'

http_kill
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an evaluator reads the lists and records, without forms, and may not POST' '
	test_status 200 /program/organizations &&
	! grep -q "/program/organizations/new" .body &&
	test_status 200 /program/people/victor-quintero &&
	! grep -q "<form class=\"record\"" .body &&
	test_status 403 /program/organizations/new &&
	test_status 403 /program/organizations -d slug=x-org -d name=X -d sector=public &&
	test_status 403 /program/people/victor-quintero -d action=delete &&
	test_status 200 / &&
	test_grep "href=\"/program/people\"" .body
'

for role in member:harlow-mills viewer:harlow-mills; do
	http_kill
	TRELLIS_DEV_ROLE=$role http_start --dev-insecure-role
	test_expect_success "a $role may not read or change them (403)" '
		test_status 403 /program/organizations &&
		test_status 403 /program/people/victor-quintero &&
		test_status 403 /program/organizations/new &&
		test_status 403 /program/organizations -d slug=x-org -d name=X -d sector=public
	'
done
http_kill

test_expect_success 'setup: API users and tokens' '
	printf "a long password 1\n" >pw &&
	"$TRELLIS" --db demo.db user add pa@example.org --role admin --password-file pw &&
	"$TRELLIS" --db demo.db user add pe@example.org --role evaluator --password-file pw &&
	"$TRELLIS" --db demo.db user add pm@example.org --role member --initiative harlow-mills --password-file pw &&
	"$TRELLIS" --db demo.db token add --user pa@example.org >admin.tok 2>/dev/null &&
	"$TRELLIS" --db demo.db token add --user pe@example.org >eval.tok 2>/dev/null &&
	"$TRELLIS" --db demo.db token add --user pm@example.org >member.tok 2>/dev/null
'

http_start

# test_api WANT WHO METHOD PATH [CURL OPTIONS...]: body in .body
test_api () {
	want=$1 who=$2 m=$3 p=$4
	shift 4
	got=$(http_get "$p" -X "$m" -H "Authorization: Bearer $(cat "$who.tok")" "$@")
	test "$got" = "$want" && return 0
	echo "test_api: $who $m $p answered $got, expected $want"
	cat .body
	return 1
}
P=/api/v1/program

test_expect_success 'API: GET the people and one person (admin, evaluator); a member 403' '
	test_api 200 admin GET $P/people &&
	test_grep "\"kind\": \"people\"" .body &&
	test_grep "\"victor-quintero\"" .body &&
	test_api 200 eval GET $P/people/victor-quintero &&
	test_grep "\"name\": \"Victor Quintero\"" .body &&
	test_api 200 eval GET $P/organizations &&
	test_api 403 member GET $P/people &&
	test_api 404 admin GET $P/people/no-such-person &&
	test_api 404 admin GET $P/decisions &&
	test_status 401 $P/people
'

test_expect_success 'API: POST, PATCH, DELETE a person (admin); an evaluator 403' '
	J="Content-Type: application/json" &&
	test_api 201 admin POST $P/people -H "$J" \
	    --data "{\"slug\": \"ada-lane\", \"name\": \"Ada Lane\", \"org\": \"atlantic-reserve\"}" &&
	test_grep "\"Ada Lane\"" .body &&
	grep -i "^Location: /api/v1/program/people/ada-lane" .head &&
	test_api 200 admin GET $P/people/ada-lane &&
	test_api 422 admin POST $P/people -H "$J" \
	    --data "{\"slug\": \"bo-lane\", \"name\": \"Bo Lane\", \"org\": \"no-such-org\"}" &&
	test_grep "\"field\"" .body &&
	test_api 200 admin PATCH $P/people/ada-lane -H "$J" --data "{\"name\": \"Ada Lane-Ortiz\"}" &&
	test_grep "\"Ada Lane-Ortiz\"" .body &&
	test_api 403 eval PATCH $P/people/ada-lane -H "$J" --data "{\"name\": \"x\"}" &&
	test_api 403 eval DELETE $P/people/ada-lane &&
	test_api 204 admin DELETE $P/people/ada-lane &&
	test_api 404 admin GET $P/people/ada-lane
'

http_kill
test_done
