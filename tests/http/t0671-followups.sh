#!/bin/sh
# Follow-ups of check-ins (issue 13, item 3): agreed at a check-in (the
# check-in form's follow-up rows), listed on the program page while open,
# soonest due first, overdue marked; marked done from the list (POST
# /i/{slug}/checkins/{id}/done), which the audit log says in words, and then
# gone from the list. An evaluator reads the list without the buttons.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'the program page says no follow-up is open' '
	test_status 200 / &&
	test_grep "<h2 id=\"followups-h\">Open follow-ups</h2>" .body &&
	test_grep "No follow-up of a check-in is open." .body
'

test_expect_success 'a check-in with two follow-ups is recorded through its form' '
	test_status 303 /i/harlow-mills/checkins \
	    --data-urlencode id=c-900 --data-urlencode date=2016-12-05 \
	    --data-urlencode attendees=diego-mensah --data-urlencode "progress=Budget agreed" \
	    --data-urlencode organizations=harlow-neighborhood-builders \
	    --data-urlencode "follow_ups.0.text=Send the revised budget" \
	    --data-urlencode follow_ups.0.owner=diego-mensah --data-urlencode follow_ups.0.due=2016-12-20 \
	    --data-urlencode "follow_ups.1.text=Book the spring convening" \
	    --data-urlencode follow_ups.1.owner=diego-mensah --data-urlencode follow_ups.1.due=2099-03-01 &&
	"$TRELLIS" --db demo.db export | grep "\"id\": \"c-900\".*\"organizations\": \[\"harlow-neighborhood-builders\"\], \"follow_ups\": \[{\"text\": \"Send the revised budget\", \"owner\": \"diego-mensah\", \"due\": \"2016-12-20\", \"done\": false}, {\"text\": \"Book the spring convening\", \"owner\": \"diego-mensah\", \"due\": \"2099-03-01\", \"done\": false}\]"
'

test_expect_success 'both are open on the program page, the overdue one first and marked' '
	test_status 200 / &&
	test_grep "2 follow-ups agreed at check-ins and not done yet, 1 past its due date." .body &&
	sed -n "s/.*<section class=\"followups\"\(.*\)<\/section>.*/\1/p" .body >list &&
	test_grep "<tr class=\"overdue\"><td class=\"when\" data-label=\"Due\"><span>20 Dec 2016<span class=\"late\"> overdue</span></span></td><th scope=\"row\" data-label=\"Follow-up\">Send the revised budget</th><td data-label=\"Owner\">Diego Mensah</td>" list &&
	test_grep "<a href=\"/i/harlow-mills/checkins/c-900\">5 Dec 2016</a>" list &&
	test "$(grep -o "Send the revised budget</th>.*Book the spring convening</th>" list | wc -l)" = 1 &&
	test_grep "<form method=\"post\" action=\"/i/harlow-mills/checkins/c-900/done\" class=\"inline\"><input type=\"hidden\" name=\"n\" value=\"1\"/>" list
'

test_expect_success 'Mark done takes it off the list and is in the audit log' '
	test_status 303 /i/harlow-mills/checkins/c-900/done --data-urlencode n=1 --data-urlencode back=/ &&
	test_grep "^Location: /\$" .head &&
	test_status 200 / &&
	test_grep "1 follow-up agreed at check-ins and not done yet." .body &&
	! test_grep "Send the revised budget" .body &&
	"$TRELLIS" --db demo.db export | grep "{\"text\": \"Send the revised budget\", \"owner\": \"diego-mensah\", \"due\": \"2016-12-20\", \"done\": true}" &&
	test_status 200 "/admin/audit?initiative=harlow-mills" &&
	test_grep "changed check-in c-900" .body
'

test_expect_success 'a follow-up done already, or none such, is refused and says why' '
	test_status 422 /i/harlow-mills/checkins/c-900/done --data-urlencode n=1 &&
	test_grep "Follow-up 1 of check-in &#39;c-900&#39; is done already." .body &&
	test_status 422 /i/harlow-mills/checkins/c-900/done --data-urlencode n=7 &&
	test_grep "Check-in &#39;c-900&#39; has no follow-up 7." .body &&
	test_status 400 /i/harlow-mills/checkins/c-900/done --data-urlencode n=x &&
	test_status 422 /i/harlow-mills/checkins/c-999/done --data-urlencode n=1 &&
	test_status 404 /i/nowhere/checkins/c-900/done --data-urlencode n=1
'

http_stop
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an evaluator reads the open follow-ups but may not mark them done' '
	test_status 200 / &&
	test_grep "Book the spring convening" .body &&
	! test_grep "/checkins/c-900/done" .body &&
	test_status 403 /i/harlow-mills/checkins/c-900/done --data-urlencode n=2
'

http_stop
TRELLIS_DEV_ROLE=member:harlow-mills http_start --dev-insecure-role

test_expect_success 'a member marks their own initiative'"'"'s follow-up done, no other'"'"'s' '
	test_status 404 /i/port-ashby/checkins/c-001/done --data-urlencode n=1 &&
	test_status 303 /i/harlow-mills/checkins/c-900/done --data-urlencode n=2 &&
	test_grep "^Location: /i/harlow-mills/checkins/c-900\$" .head &&
	"$TRELLIS" --db demo.db export | grep -c "\"done\": true" >n && test "$(cat n)" = 1 &&
	"$TRELLIS" --db demo.db export | grep "Book the spring convening\", \"owner\": \"diego-mensah\", \"due\": \"2099-03-01\", \"done\": true"
'

test_done
