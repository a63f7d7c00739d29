#!/bin/sh
# Backbone selection (issue 13 item 6; docs/web.md): an admin adds
# candidate backbones (an organization, the round, a note of the evidence
# for each trait) through the program records' form; /program/candidates
# lists them with their assessment and what partners would need to supply;
# /program/candidates/compare puts the ones chosen side by side; the API's
# comparison gives each capacity exactly as `trellis capacity --format
# json` does; trellis/1 carries them (and an export without any has no
# "candidates"); an evaluator reads and cannot change; a member is refused.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

# the capacity object of a JSON text, one per line
capacities () {
	grep -o '{"org":"[a-z-]*","staff":[^{]*{[^}]*},"traits_met":[0-9]*,"high_capacity":[a-z]*}' "$1"
}

test_expect_success 'the demo has no candidate: none listed, none exported' '
	test_status 200 /program/candidates &&
	test_security_headers &&
	test_grep "No candidate yet." .body &&
	test_grep "href=\"/program/candidates/new\"" .body &&
	"$TRELLIS" --db demo.db export >export.json &&
	! grep -q "\"candidates\"" export.json
'

test_expect_success 'an admin adds two candidates through the form' '
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d org=millrace-savings \
	    --data-urlencode "round=Round 2" \
	    --data-urlencode "flexible_grants_evidence=Ran a pooled loan fund, 2012-2015" \
	    "$URL/program/candidates") &&
	test "$code" = "303 $URL/program/candidates/millrace-savings?saved=millrace-savings" &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -d org=harlow-neighborhood-builders \
	    --data-urlencode "round=Round 2" \
	    --data-urlencode "convener_evidence=Chairs the Harlow Mills committee" \
	    "$URL/program/candidates") &&
	test "$code" = 303 &&
	test_status 422 /program/candidates -d org=no-such-org &&
	test_grep "no-such-org" .body &&
	test_status 422 /program/candidates -d org=millrace-savings &&
	test_grep "used twice" .body
'

test_expect_success 'the list: staff, revenue and traits from the organization, what partners would supply' '
	test_status 200 /program/candidates &&
	test_grep "<a href=\"/program/candidates/millrace-savings\">Millrace Savings Bank</a>" .body &&
	test_grep "<input type=\"checkbox\" name=\"c\" value=\"harlow-neighborhood-builders\"" .body &&
	test_grep "Flexible grants: a partner that has managed flexible grants" .body &&
	test_grep "Nothing: it meets every threshold of high capacity." .body &&
	test_grep "<form method=\"get\" action=\"/program/candidates/compare\">" .body
'

test_expect_success 'side by side: each trait with its evidence, printable' '
	test_status 200 "/program/candidates/compare?c=millrace-savings&c=harlow-neighborhood-builders" &&
	test_grep "<th scope=\"row\">Flexible grants</th>" .body &&
	test_grep "Ran a pooled loan fund, 2012-2015" .body &&
	test_grep "Chairs the Harlow Mills committee" .body &&
	test_grep "✓ high capacity" .body &&
	test_grep "✗ not high capacity" .body &&
	test_grep "<th scope=\"row\">What partners would need to supply</th>" .body
'

test_expect_success 'the API comparison: each capacity as trellis capacity --format json, byte for byte' '
	test_status 200 "/api/v1/program/candidates/compare?c=harlow-neighborhood-builders&c=millrace-savings&c=millrace-savings" &&
	capacities .body >api &&
	test_line_count api 2 &&
	"$TRELLIS" --db "$TEST_DIR/demo.db" capacity --compare --format json \
	    harlow-neighborhood-builders millrace-savings >cli.json &&
	capacities cli.json >cli &&
	test_cmp cli api &&
	test_grep "\"supply\":\[\]" .body
'

test_expect_success 'a bad or missing candidate is refused, saying which' '
	test_status 400 "/program/candidates/compare?c=atlantic-reserve" &&
	test_grep "c: &#39;atlantic-reserve&#39; is not a candidate" .body &&
	test_status 400 "/api/v1/program/candidates/compare" &&
	test_grep "choose at least one candidate" .body
'

test_expect_success 'trellis/1 carries them; a candidate organization cannot be deleted' '
	"$TRELLIS" --db "$TEST_DIR/demo.db" export >with.json &&
	test_grep "^ \"candidates\": \[\$" with.json &&
	test_grep "{\"org\": \"millrace-savings\", \"round\": \"Round 2\", \"flexible_grants_evidence\": \"Ran a pooled loan fund, 2012-2015\"" with.json &&
	test_status 422 /program/organizations/millrace-savings -d action=delete -d confirm=yes &&
	test_grep "no organization &#39;millrace-savings&#39;" .body &&
	test_status 200 /program/organizations/millrace-savings
'

test_expect_success 'an admin changes and deletes a candidate' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -d org=millrace-savings \
	    --data-urlencode "round=Round 3" "$URL/program/candidates/millrace-savings") &&
	test "$code" = 303 &&
	test_status 200 /program/candidates &&
	test_grep "Round 3" .body &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -d action=delete -d confirm=yes \
	    "$URL/program/candidates/millrace-savings") &&
	test "$code" = 303 &&
	test_status 404 /program/candidates/millrace-savings
'

http_kill
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an evaluator reads the list and the comparison, and cannot change them' '
	test_status 200 /program/candidates &&
	! grep -q "/program/candidates/new" .body &&
	test_status 200 "/program/candidates/compare?c=harlow-neighborhood-builders" &&
	test_status 403 /program/candidates/new &&
	test_status 403 /program/candidates -d org=harlow-public-schools &&
	test_status 403 /program/candidates/harlow-neighborhood-builders -d action=delete
'

http_kill
TRELLIS_DEV_ROLE=member:harlow-mills http_start --dev-insecure-role

test_expect_success 'a member is refused' '
	test_status 403 /program/candidates &&
	test_status 403 "/program/candidates/compare?c=harlow-neighborhood-builders" &&
	test_status 403 "/api/v1/program/candidates/compare?c=harlow-neighborhood-builders"
'

test_done
