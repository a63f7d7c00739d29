#!/bin/sh
# Technical assistance (issue 13, item 5): recorded under an initiative
# (/i/{slug}/assistance, its form), listed per initiative there and across
# the program with hours per initiative (/program/assistance, and as JSON
# under /api/v1/program/assistance); trellis/1 CSV and JSON downloads carry
# it. An evaluator reads but cannot record; a team reads its own only.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'no assistance yet: every initiative at no hours' '
	test_status 200 /program/assistance &&
	test_security_headers &&
	test_grep "<h1>Technical assistance</h1>" .body &&
	test_grep "0 records, 0 h, for 0 of 6 initiatives." .body &&
	test_grep "No technical assistance is recorded yet." .body
'

test_expect_success 'assistance is recorded through the initiative'"'"'s form' '
	test_status 200 /i/harlow-mills/assistance/new &&
	test_grep "name=\"answers\" value=\"convener\"" .body &&
	test_status 303 /i/harlow-mills/assistance \
	    --data-urlencode id=ta-1 --data-urlencode date=2016-04-12 \
	    --data-urlencode provider=atlantic-reserve --data-urlencode "topic=Shared measurement plan" \
	    --data-urlencode hours=12.5 --data-urlencode answers=expertise \
	    --data-urlencode answers=out_of_the_loop &&
	test_status 303 /i/port-ashby/assistance \
	    --data-urlencode id=ta-1 --data-urlencode date=2016-05-02 \
	    --data-urlencode provider=atlantic-reserve --data-urlencode "topic=Facilitating the committee" \
	    --data-urlencode hours=4 &&
	test_status 200 /i/harlow-mills/assistance &&
	test_grep "Shared measurement plan" .body
'

test_expect_success 'a bad record is refused at its field' '
	test_status 422 /i/harlow-mills/assistance \
	    --data-urlencode id=ta-2 --data-urlencode date=2016-04-12 \
	    --data-urlencode provider=atlantic-reserve --data-urlencode "topic=Nothing" \
	    --data-urlencode hours=0 &&
	test_grep "id=\"hours-error\"" .body
'

test_expect_success 'the program page of assistance: hours per initiative, every record' '
	test_status 200 /program/assistance &&
	test_grep "2 records, 16.5 h, for 2 of 6 initiatives." .body &&
	test_grep "<a href=\"/i/harlow-mills/assistance\">Harlow Mills Family Prosperity Initiative</a></th><td class=\"num\" data-label=\"Records\">1</td><td class=\"num\" data-label=\"Hours\">12.5 h</td>" .body &&
	test_grep "<a href=\"/i/port-ashby/assistance/ta-1\">Facilitating the committee</a>" .body &&
	test_grep "<li>Gap: expertise</li><li>Alert: out of the loop</li>" .body &&
	test_grep "<a href=\"/i/quarry-bend/assistance/new\">Record assistance for Quarry Bend</a>" .body
'

test_expect_success 'the same as JSON, and in the trellis/1 downloads' '
	test_status 200 /api/v1/program/assistance &&
	test_grep "{\"slug\": \"harlow-mills\", \"records\": 1, \"hours\": 12.5}" .body &&
	test_grep "{\"initiative\": \"harlow-mills\", \"id\": \"ta-1\", \"date\": \"2016-04-12\", \"provider\": \"atlantic-reserve\", \"topic\": \"Shared measurement plan\", \"hours\": 12.5, \"answers\": \[\"expertise\", \"out_of_the_loop\"\]}" .body &&
	test_status 200 /api/v1/initiatives/port-ashby/assistance &&
	test_grep "\"topic\": \"Facilitating the committee\"" .body &&
	test_status 200 "/i/harlow-mills/export?format=csv&kind=assistance" &&
	test_grep "^harlow-mills,ta-1,2016-04-12,atlantic-reserve,Shared measurement plan,12.5,expertise;out_of_the_loop" .body &&
	test_status 200 "/i/harlow-mills/export?format=json" &&
	test_grep "\"assistance\": \[" .body
'

test_expect_success 'the audit log says it in words' '
	test_status 200 /admin/audit &&
	test_grep "added technical assistance record ta-1" .body
'

http_stop
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an evaluator reads it but cannot record any' '
	test_status 200 /program/assistance &&
	! test_grep "/assistance/new" .body &&
	test_status 200 /i/harlow-mills/assistance/ta-1 &&
	test_status 403 /i/harlow-mills/assistance --data-urlencode id=ta-9
'

http_stop
TRELLIS_DEV_ROLE=member:port-ashby http_start --dev-insecure-role

test_expect_success 'a team reads its own initiative'"'"'s assistance only' '
	test_status 200 /i/port-ashby/assistance &&
	test_grep "Facilitating the committee" .body &&
	test_status 404 /i/harlow-mills/assistance &&
	test_status 403 /program/assistance &&
	test_status 403 /api/v1/program/assistance
'

test_done
