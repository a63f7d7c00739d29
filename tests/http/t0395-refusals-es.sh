#!/bin/sh
# The app's refusals beside a form in the page's language (docs/i18n.md):
# a proposal's answer or close once it is closed (its date in words of the
# page's language), a ledger entry's approval when it takes no more or
# lacks its reason — whole Spanish sentences with Accept-Language: es,
# English without; the API's JSON stays English whatever it is asked.
. "$(dirname "$0")/t02-accounts.sh"
. "$TEST_TOP/tests/http/i18n.sh"

ENGLISH="$ENGLISH|proposal|closed|takes|more|answers|cannot|again|ledger|entry|approved"
ENGLISH="$ENGLISH|approvals|required|reject|say|why|should|paid|Status|Reason"

TODAY=$(date -u +%F)
H=/api/v1/initiatives/harlow-mills/proposals
jq_ () {
	python3 -c "import json,sys; d = json.load(open(\".body\")); print($1)"
}
accounts_setup
"$TRELLIS" --db "$HTTP_DB" user organization member@x.org --organization harlow-public-schools \
	>/dev/null &&
"$TRELLIS" --db "$HTTP_DB" token add --user admin@x.org >admin.tok 2>/dev/null ||
	{ echo "not ok - setup"; exit 1; }
http_start --dev-cookie

api () {
	http_get "$2" -X "$1" -H "Authorization: Bearer $(cat admin.tok)" -H "Accept-Language: es" \
		-H "Content-Type: application/json" --data "$3"
}
# post JAR PATH LANG FIELD=VALUE...: the form, with the session's CSRF token
post () {
	jar=$1 p=$2 l=$3
	shift 3
	csrf=$(csrf_of "$jar" "$p") &&
	set -- $(for kv in "$@"; do printf -- "--data-urlencode %s " "$kv"; done) &&
	http_get "$p" -b "$jar" -H "Accept-Language: $l" --data-urlencode "csrf=$csrf" "$@"
}
# the refusal's sentence on the page
error_of () {
	sed -n 's/.*class="error[^"]*"[^>]*>\(.*\)/\1/p' .body | sed 's/<[^>]*>//g' | head -n 3
}

test_expect_success 'setup: a proposal opened and closed today (the API, in English)' '
	test "$(api POST $H "{\"title\": \"Share one evaluator\", \"category\": \"personnel\", \"closes\": \"2099-01-31\", \"decider\": \"committee\", \"asked\": [\"harlow-public-schools\"]}")" = 201 &&
	test "$(api POST $H/P-1/close "{\"outcome\": \"Shared.\", \"decided\": \"$TODAY\"}")" = 200 &&
	sign_in member@x.org jm >/dev/null
'

test_expect_success 'the API: a closed proposal'"'"'s refusal stays English, asked for Spanish' '
	test "$(api POST $H/P-1/answers "{\"org\": \"harlow-public-schools\", \"answer\": \"agree\"}")" = 409 &&
	test "$(jq_ "d[\"message\"]")" = "proposal P-1 was closed on $(date -u "+%-d %b %Y"): it takes no more answers"
'

test_expect_success 'English page: the answer to a closed proposal is refused in English' '
	test "$(post jm /i/harlow-mills/proposals/P-1/answers en org=harlow-public-schools answer=agree)" = 409 &&
	test_grep "proposal P-1 was closed on $(date -u "+%-d %b %Y"): it takes no more answers" .body &&
	english_left .body >left && test $(wc -l <left) -gt 5
'

test_expect_success 'Spanish page: the same refusal a whole Spanish sentence, the date in Spanish' '
	test "$(post jm /i/harlow-mills/proposals/P-1/answers es org=harlow-public-schools answer=agree)" = 409 &&
	test_grep "<html lang=\"es\">" .body &&
	test_grep "la propuesta P-1 se cerró el $(date -u +%-d) [a-z]* $(date -u +%Y): ya no admite respuestas" .body &&
	! grep -q "was closed on" .body &&
	error_of >err && test -s err && english_left err >left && test_line_count left 0
'

test_expect_success 'Spanish page: closing it again' '
	test "$(post jm /i/harlow-mills/proposals/P-1/close es outcome=Again decided=$TODAY)" = 409 &&
	test_grep "la propuesta P-1 se cerró el .*: no se puede volver a cerrar" .body
'

test_expect_success 'Spanish page: an approval of an entry approved already, by its label' '
	test "$(post jm /i/harlow-mills/ledger/l-0001/approvals es org=harlow-public-schools verdict=approve)" = 409 &&
	test_grep "Estado: el pago l-0001 ya está aprobado: no admite más aprobaciones" .body &&
	error_of >err && test -s err && english_left err >left && test_line_count left 0
'

test_expect_success 'English page: the same, in English' '
	test "$(post jm /i/harlow-mills/ledger/l-0001/approvals en org=harlow-public-schools verdict=approve)" = 409 &&
	test_grep "Status: ledger entry l-0001 is approved: it takes no more approvals" .body
'

test_expect_success 'the API: the approval'"'"'s refusal stays English' '
	test "$(api POST /api/v1/initiatives/harlow-mills/ledger/l-0001/approvals "{\"org\": \"harlow-public-schools\", \"verdict\": \"approve\"}")" = 409 &&
	test "$(jq_ "d[\"message\"]")" = "ledger entry l-0001 is approved: it takes no more approvals"
'

test_done
