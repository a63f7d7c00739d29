#!/bin/sh
# The team's answer to each alert and its actions on the web (issue 12):
# the dashboard links every alert and strength to its answer page; members
# write the answer (Markdown, rendered safely), agree actions with one
# owner and a due date, change their status; the dashboard, the report and
# the audit log show them; viewers and evaluators read; another
# initiative's member gets 404.
. "$(dirname "$0")/lib.sh"

http_demo_db
B=/i/port-ashby
P="as_of=2016-12-31&months=12"
A="$B/alerts/blurred_boundaries?$P"
# unzip_read ZIP MEMBER: one member of a zip file (an xlsx) on stdout
unzip_read () {
	python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"
}

TRELLIS_DEV_ROLE=member:port-ashby http_start --dev-insecure-role

test_expect_success 'the dashboard links each alert and strength to its answer page' '
	test_status 200 $B &&
	grep -q "href=\"/i/port-ashby/alerts/blurred_boundaries?as_of=2016-12-31&amp;months=12\"" .body &&
	grep -q "href=\"/i/port-ashby/alerts/shared_leadership?as_of=2016-12-31&amp;months=12\"" .body &&
	grep -q "Not answered yet" .body
'

test_expect_success 'the answer page shows the alert as raised, and the forms to a member' '
	test_status 200 "$A" &&
	grep -q "<h1>Blurred boundaries: the team&#39;s answer</h1>" .body &&
	grep -q "own programs or overhead" .body &&
	grep -q "name=\"op\" value=\"answer\"" .body &&
	grep -q "name=\"op\" value=\"action\"" .body
'

test_expect_success 'a member writes the answer: Markdown rendered, raw HTML left out' '
	test_status 303 "$A" -d op=answer \
	    --data-urlencode "answer=We will **separate** the backbone overhead.<script>alert(1)</script>" &&
	test_grep "^Location: /i/port-ashby/alerts/blurred_boundaries?as_of=2016-12-31&months=12&saved=answer$" .head &&
	test_status 200 "$A&saved=answer" &&
	grep -q "The answer is saved." .body &&
	grep -q "We will <strong>separate</strong> the backbone overhead." .body &&
	! grep -q "<script>alert" .body
'

test_expect_success 'writing it again changes the one answer of the period' '
	test_status 303 "$A" -d op=answer --data-urlencode "answer=We **split** the budget lines." &&
	test_status 200 "$A" &&
	grep -q "We <strong>split</strong> the budget lines." .body &&
	! grep -q "separate" .body
'

test_expect_success 'a member agrees an action with an owner and a due date' '
	test_status 303 "$A" -d op=action --data-urlencode "title=Move overhead to its own line" \
	    -d owner_org=ashby-neighborhood-developers -d due=2017-02-15 &&
	test_status 200 "$A" &&
	grep -q "Move overhead to its own line" .body &&
	grep -q "Ashby Harbor Neighborhood Developers, due 15 Feb 2017" .body &&
	grep -q "name=\"status-a-1\"" .body
'

test_expect_success 'an action without an owner, or with a bad date, comes back 422 with where' '
	test_status 422 "$A" -d op=action --data-urlencode "title=Nobody owns this" -d due=2017-02-15 &&
	grep -q "an action has one owner" .body &&
	grep -q "Nobody owns this" .body &&
	test_status 422 "$A" -d op=action --data-urlencode "title=Bad date" \
	    -d owner_org=ashby-neighborhood-developers -d due=2017-02-30 &&
	grep -q "id=\"due-error\"" .body
'

test_expect_success 'a member marks the action done' '
	test_status 303 "$A" -d op=status -d id=a-1 -d status-a-1=done &&
	test_status 200 "$A" &&
	grep -q "<span class=\"status closed\">done</span> Move overhead" .body
'

test_expect_success 'a second action stays open, owned by a person' '
	test_status 303 "$A" -d op=action --data-urlencode "title=Publish the overhead report" \
	    -d owner_person=walter-barros -d due=2017-01-15 &&
	test_status 200 "$A" &&
	grep -q "Publish the overhead report</span>\|Publish the overhead report — Walter Barros, due 15 Jan 2017" .body
'

test_expect_success 'an alert not raised in the period takes no answer; an unknown one is 404' '
	test_status 422 "$B/alerts/dominance?$P" -d op=answer -d answer=x &&
	grep -q "not raised for this period" .body &&
	test_status 404 "$B/alerts/bossiness?$P" &&
	test_status 404 "$B/alerts/bossiness?$P" -d op=answer -d answer=x
'

test_expect_success 'the dashboard shows the answer and the action under the alert' '
	test_status 200 "$B?$P" &&
	grep -q "We <strong>split</strong> the budget lines." .body &&
	grep -q "Move overhead to its own line" .body
'

test_expect_success 'the downloads carry them: actions.csv, and xlsx sheets only where there are some' '
	test_status 200 "$B/export?format=csv&kind=actions" &&
	grep -q "^port-ashby,a-1,blurred_boundaries,2016-12-31,Move overhead to its own line,ashby-neighborhood-developers,,2017-02-15,done\$" .body &&
	test_status 200 "$B/export?format=xlsx" &&
	unzip_read .body xl/workbook.xml >wb &&
	grep -q "name=\"actions\"" wb && grep -q "name=\"responses\"" wb &&
	test_status 200 "/i/port-ashby/actions" &&
	grep -q "Move overhead to its own line" .body
'

test_expect_success 'the next period shows what became of the action' '
	test_status 200 "$B?as_of=2017-01-31&months=12" &&
	grep -q "What became of earlier actions" .body &&
	grep -q "Blurred boundaries, December 2016: " .body
'

http_kill
TRELLIS_DEV_ROLE=viewer:port-ashby http_start --dev-insecure-role

test_expect_success 'a viewer reads the answer and actions, without forms, and may not write' '
	test_status 200 "$B?$P" &&
	grep -q "We <strong>split</strong> the budget lines." .body &&
	! grep -q "Write the team.s answer" .body &&
	grep -q "Not answered yet" .body &&
	test_status 200 "$A" &&
	grep -q "We <strong>split</strong> the budget lines." .body &&
	! grep -q "name=\"op\"" .body &&
	test_status 403 "$A" -d op=answer -d answer=x
'

http_kill
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an evaluator reads, and may not write' '
	test_status 200 "$A" &&
	grep -q "Move overhead to its own line" .body &&
	test_status 403 "$A" -d op=status -d id=a-1 -d status-a-1=open
'

http_kill
TRELLIS_DEV_ROLE=member:harlow-mills http_start --dev-insecure-role

test_expect_success 'a member of another initiative gets 404, reading or writing' '
	test_status 404 "$A" &&
	test_status 404 "$A" -d op=answer -d answer=x &&
	test_status 200 "/i/harlow-mills/alerts/credit_given?$P"
'

http_kill
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'the audit log says in words what was written' '
	test_status 200 "/admin/audit" &&
	grep -q "added answer to an alert r-1" .body &&
	grep -q "added action a-1 “Move overhead to its own line”" .body &&
	grep -q "marked action a-1 “Move overhead to its own line” done" .body
'

test_expect_success 'the funder sees the open actions across the portfolio, overdue marked' '
	test_status 200 "/" &&
	grep -q "href=\"/program/actions\"" .body &&
	test_status 200 "/program/actions" &&
	grep -q "1 open action across the portfolio, 1 overdue." .body &&
	grep -q "<a href=\"/i/port-ashby/alerts/blurred_boundaries?as_of=2016-12-31\">Publish the overhead report</a>" .body &&
	grep -q "15 Jan 2017 <span class=\"status overdue\">overdue</span>" .body &&
	grep -q "Walter Barros" .body &&
	! grep -q "Move overhead to its own line" .body
'

test_expect_success 'an initiative without answers has no such sheet, and its export no such key' '
	test_status 200 "/i/harlow-mills/export?format=xlsx" &&
	unzip_read .body xl/workbook.xml >wb &&
	grep -q "name=\"decisions\"" wb &&
	! grep -q "name=\"actions\"\|name=\"responses\"" wb &&
	test_status 200 "/i/harlow-mills/export?format=json" &&
	! grep -q "^   \"actions\"" .body
'

test_expect_success 'the report of the period carries the answer and the action' '
	"$TRELLIS" --db demo.db report --initiative port-ashby --as-of 2016-12-31 --format json >r.json &&
	grep -q "\"response\":{\"id\": \"r-1\", \"alert\": \"blurred_boundaries\"" r.json &&
	grep -q "\"status\": \"done\"" r.json &&
	"$TRELLIS" --db demo.db report --initiative port-ashby --as-of 2016-12-31 --format html >r.html &&
	grep -q "We <strong>split</strong> the budget lines." r.html &&
	grep -q "Move overhead to its own line" r.html
'

test_done
