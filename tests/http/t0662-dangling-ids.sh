#!/bin/sh
# No dangling ids (issue 13's loose end; docs/formats.md): a record that
# other records name by its id as text — the decision a proposal's closing
# made (proposal.decision), a decision or check-in a learning note names as
# evidence — is neither deleted nor given another id: 409 naming what
# refers to it (the proposal, the learning question), on the API and the
# record's form alike. The link is kept, never cleared. Other records are
# deleted as before.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

H=/api/v1/initiatives/harlow-mills
json () {
	test_status "$1" "$2" -X "$3" -H "Content-Type: application/json" --data "$4"
}

test_expect_success 'setup: a note with a decision and a check-in as evidence; a closed proposal' '
	test_status 303 /program/learning/notes --data-urlencode question=1 \
	    --data-urlencode date=2016-12-20 --data-urlencode "text=Evidence" \
	    --data-urlencode initiatives=harlow-mills \
	    --data-urlencode evidence.0.kind=decision --data-urlencode evidence.0.initiative=harlow-mills \
	    --data-urlencode evidence.0.ref=d-001 \
	    --data-urlencode evidence.1.kind=checkin --data-urlencode evidence.1.initiative=harlow-mills \
	    --data-urlencode evidence.1.ref=c-001 &&
	json 201 $H/proposals POST "{\"title\": \"Share an evaluator\", \"category\": \"personnel\", \"closes\": \"2099-01-31\", \"decider\": \"committee\", \"asked\": [\"harlow-public-schools\"]}" &&
	json 200 $H/proposals/P-1/close POST "{\"outcome\": \"Agreed\", \"decided\": \"$(date -u +%F)\"}" &&
	test_status 200 $H/decisions/P-1 &&
	question=$(sqlite3 demo.db "SELECT question FROM learning ORDER BY id LIMIT 1") &&
	echo "$question" >question && test -n "$question"
'

test_expect_success 'the decision a proposal made: not deleted, not renamed (409 naming the proposal)' '
	test_status 409 $H/decisions/P-1 -X DELETE &&
	test_grep "decision P-1 cannot be deleted: proposal P-1 names it as the decision its closing made" .body &&
	test_grep "\"field\": \"id\"" .body &&
	json 409 $H/decisions/P-1 PATCH "{\"id\": \"P-1b\"}" &&
	test_grep "decision P-1 cannot be given another id: proposal P-1 names it" .body &&
	test_status 200 $H/decisions/P-1 &&
	json 200 $H/decisions/P-1 PATCH "{\"title\": \"Share an evaluator, agreed\"}"
'

test_expect_success 'a decision a note names as evidence: 409 naming the question; the form says so too' '
	test_status 409 $H/decisions/d-001 -X DELETE &&
	test_grep "decision d-001 cannot be deleted: a learning note names it as evidence (under the question “$(cat question)”)" .body &&
	json 409 $H/decisions/d-001 PATCH "{\"id\": \"d-001x\"}" &&
	test_grep "cannot be given another id: a learning note names it as evidence" .body &&
	test_status 422 /i/harlow-mills/decisions/d-001 -d action=delete -d confirm=yes &&
	test_grep "decision d-001 cannot be deleted: a learning note names it as evidence" .body
'

test_expect_success 'a check-in a note names as evidence: the same' '
	test_status 409 $H/checkins/c-001 -X DELETE &&
	test_grep "check-in c-001 cannot be deleted: a learning note names it as evidence" .body &&
	json 409 $H/checkins/c-001 PATCH "{\"id\": \"c-001x\"}"
'

test_expect_success 'records nothing names are deleted as before' '
	test_status 204 $H/decisions/d-002 -X DELETE &&
	test_status 404 $H/decisions/d-002
'

test_done
