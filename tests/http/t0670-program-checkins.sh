#!/bin/sh
# /program/checkins (issue 13, item 3): the program team's check-in calendar,
# months × initiatives, each cell held (linked to the check-in), missing or
# upcoming (linked to the add form for the program team, to the list for an
# evaluator), and the same as JSON under /api/v1/program/checkins.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

P='/program/checkins?as_of=2016-12-31&months=12'

test_expect_success 'the calendar shows a year of months for every initiative' '
	test_status 200 "$P" &&
	test_security_headers &&
	test_grep "<h1>Check-ins</h1>" .body &&
	test_grep "Jan 2016 – Dec 2016: 66 held, 6 missing, 0 upcoming." .body &&
	test_grep "<th scope=\"col\">Jan 2016</th>" .body &&
	test_grep "<th scope=\"col\">Dec 2016</th>" .body &&
	test "$(grep -o "<th scope=\"row\">" .body | wc -l)" = 6
'

test_expect_success 'a held month links to its check-in, a missing one to the add form' '
	test_status 200 "/program/checkins?as_of=2016-03-31&months=2" &&
	test_grep "<td class=\"month-yes\"><a href=\"/i/harlow-mills/checkins/c-027\" title=\"[^\"]*, Mar 2016: held\">✓ held</a>" .body &&
	test_grep "<td class=\"month-no\"><a href=\"/i/quarry-bend/checkins/new\" title=\"[^\"]*, Mar 2016: missing\">✗ missing</a>" .body
'

test_expect_success 'a check-in recorded for the month turns it held' '
	printf "%s\n" "initiative,id,date,attendees,progress,challenges" \
	    "quarry-bend,c-900,2016-03-22,,Caught up," >checkins.csv &&
	"$TRELLIS" --db demo.db import checkins.csv >/dev/null &&
	test_status 200 "/program/checkins?as_of=2016-03-31&months=2" &&
	test_grep "<a href=\"/i/quarry-bend/checkins/c-900\" title=\"[^\"]*, Mar 2016: held\">" .body &&
	! test_grep "<td class=\"month-no\">" .body
'

test_expect_success 'the API gives the same calendar as JSON' '
	test_status 200 "/api/v1/program/checkins?as_of=2016-03-31&months=2" &&
	test_grep "^Content-Type: application/json" .head &&
	test_grep "^{\"months\": \[\"2016-02\", \"2016-03\"\],\$" .body &&
	test_grep "{\"slug\": \"quarry-bend\", \"months\": \[{\"month\": \"2016-02\", \"state\": \"held\", \"checkins\": 1, \"first\": \"c-022\"}, {\"month\": \"2016-03\", \"state\": \"held\", \"checkins\": 1, \"first\": \"c-900\"}\]}" .body
'

test_expect_success 'a bad period is refused where it was typed' '
	test_status 400 "/program/checkins?as_of=2016-02-30" &&
	test_grep "aria-invalid" .body &&
	test_status 400 "/api/v1/program/checkins?months=x"
'

test_expect_success 'the program page links to the calendar' '
	test_status 200 / &&
	test_grep "<a href=\"/program/checkins\">Check-ins</a>" .body
'

http_stop
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an evaluator reads the calendar; its cells never offer the add form' '
	test_status 200 "/program/checkins?as_of=2016-12-31&months=12" &&
	test_grep "<td class=\"month-no\">" .body &&
	! test_grep "/checkins/new" .body
'

http_stop
TRELLIS_DEV_ROLE=member:harlow-mills http_start --dev-insecure-role

test_expect_success 'a member of one initiative may not see the program calendar' '
	test_status 403 /program/checkins &&
	test_status 403 /api/v1/program/checkins
'

test_done
