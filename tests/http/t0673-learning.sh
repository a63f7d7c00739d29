#!/bin/sh
# The learning agenda (issue 13, item 4): questions and dated notes, each
# note's evidence linked (an alert or a figure as of a date, a decision, a
# check-in); filtered by initiative; one printable page. A team member reads
# the questions and only their own initiative's notes, and adds notes on it;
# an evaluator reads everything and changes nothing.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

# note STATUS TEXT [CURL OPTIONS...]: adds a note under question 1 (the options come later, so win)
note () {
	st=$1 txt=$2
	shift 2
	test_status "$st" /program/learning/notes --data-urlencode question=1 \
	    --data-urlencode date=2016-12-20 --data-urlencode "text=$txt" "$@"
}

test_expect_success 'the agenda: the demo question and its notes, with a filter' '
	test_status 200 /program/learning &&
	test_grep "<h1>Learning agenda</h1>" .body &&
	test_grep "1 question, 5 notes. Printed, this page is the agenda as one document." .body &&
	test_grep "<select id=\"initiative\" name=\"initiative\">" .body &&
	test_grep "<a href=\"/program/learning/new\">Add a question</a>" .body
'

test_expect_success 'the program team adds a note on Harlow Mills with its evidence' '
	test_status 303 /program/learning/notes --data-urlencode question=1 \
	    --data-urlencode date=2016-12-20 --data-urlencode "text=MARKER-HM decides alone." \
	    --data-urlencode initiatives=harlow-mills \
	    --data-urlencode evidence.0.kind=alert --data-urlencode evidence.0.initiative=harlow-mills \
	    --data-urlencode evidence.0.ref=dominance --data-urlencode evidence.0.as_of=2016-12-31 \
	    --data-urlencode evidence.1.kind=decision --data-urlencode evidence.1.initiative=harlow-mills \
	    --data-urlencode evidence.1.ref=d-001 \
	    --data-urlencode evidence.2.kind=figure --data-urlencode evidence.2.initiative=harlow-mills \
	    --data-urlencode evidence.2.ref=decisions.loop_closure --data-urlencode evidence.2.as_of=2016-12-31 &&
	test_grep "^Location: /program/learning\$" .head &&
	test_status 200 "/program/learning?initiative=harlow-mills" &&
	test_grep "MARKER-HM decides alone." .body &&
	test_grep "<a href=\"/i/harlow-mills?as_of=2016-12-31#to-discuss\">Alert “backbone dominance” in Harlow Mills Family Prosperity Initiative, as of 31 Dec 2016</a>" .body &&
	test_grep "<a href=\"/i/harlow-mills/decisions/d-001\">Decision d-001 in Harlow Mills Family Prosperity Initiative</a>" .body &&
	test_grep "<a href=\"/i/harlow-mills?as_of=2016-12-31\">Figure “Personnel and money decisions with the whole team in the loop” in" .body &&
	"$TRELLIS" --db demo.db export | grep "\"text\": \"MARKER-HM decides alone.\", \"initiatives\": \[\"harlow-mills\"\], \"evidence\": \[{\"kind\": \"alert\", \"initiative\": \"harlow-mills\", \"ref\": \"dominance\", \"as_of\": \"2016-12-31\"}"
'

test_expect_success 'filtered by another initiative, the note is not there' '
	test_status 200 "/program/learning?initiative=riverton-locks" &&
	! test_grep "MARKER-HM" .body &&
	test_status 400 "/program/learning?initiative=nowhere"
'

test_expect_success 'evidence that is not there is refused at its field' '
	note 422 "x" --data-urlencode initiatives=harlow-mills \
	    --data-urlencode evidence.0.kind=decision --data-urlencode evidence.0.initiative=harlow-mills \
	    --data-urlencode evidence.0.ref=d-999 &&
	test_grep "initiative &#39;harlow-mills&#39; has no decision &#39;d-999&#39;" .body &&
	note 422 "x" --data-urlencode initiatives=harlow-mills \
	    --data-urlencode evidence.0.kind=alert --data-urlencode evidence.0.initiative=harlow-mills \
	    --data-urlencode evidence.0.ref=dominance &&
	test_grep "is required for an alert" .body &&
	test_status 422 /program/learning/notes --data-urlencode question=9 \
	    --data-urlencode date=2016-12-20 --data-urlencode text=x &&
	test_grep "Choose a question of the agenda." .body
'

test_expect_success 'a decision a note names as evidence cannot be deleted' '
	test_status 409 /api/v1/initiatives/harlow-mills/decisions/d-001 -X DELETE &&
	test_grep "a learning note names it as evidence" .body &&
	test_status 204 /api/v1/initiatives/harlow-mills/decisions/d-002 -X DELETE
'

http_stop
TRELLIS_DEV_ROLE=member:port-ashby http_start --dev-insecure-role

test_expect_success 'a member of another initiative reads the questions, not that note' '
	test_status 200 /program/learning &&
	test_grep "You read the questions of the whole program and the notes on Port Ashby Main Streets Together." .body &&
	test_grep "What would it take to help backbone organizations" .body &&
	! test_grep "MARKER-HM" .body &&
	! test_grep "/i/harlow-mills" .body &&
	test_status 200 "/program/learning?initiative=harlow-mills" &&
	! test_grep "MARKER-HM" .body
'

test_expect_success 'their note is on their own initiative, whatever the form says' '
	note 303 "MARKER-PA partners come late." --data-urlencode initiatives=harlow-mills &&
	"$TRELLIS" --db demo.db export | grep "\"text\": \"MARKER-PA partners come late.\", \"initiatives\": \[\"port-ashby\"\]" &&
	test_status 200 /program/learning &&
	test_grep "MARKER-PA partners come late." .body &&
	note 422 "x" --data-urlencode evidence.0.kind=checkin \
	    --data-urlencode evidence.0.initiative=harlow-mills --data-urlencode evidence.0.ref=c-001 &&
	test_grep "A team links evidence of its own initiative only." .body
'

http_stop
TRELLIS_DEV_ROLE=member:harlow-mills http_start --dev-insecure-role

test_expect_success 'a member of Harlow Mills reads its note, not Port Ashby'"'"'s' '
	test_status 200 /program/learning &&
	test_grep "MARKER-HM decides alone." .body &&
	! test_grep "MARKER-PA" .body
'

http_stop
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an evaluator reads every note and adds none' '
	test_status 200 /program/learning &&
	test_grep "MARKER-HM" .body && test_grep "MARKER-PA" .body &&
	! test_grep "Add a note" .body &&
	note 403 "x"
'

http_stop
TRELLIS_DEV_ROLE=viewer:harlow-mills http_start --dev-insecure-role

test_expect_success 'a viewer reads their initiative'"'"'s notes and adds none' '
	test_status 200 /program/learning &&
	test_grep "MARKER-HM" .body && ! test_grep "MARKER-PA" .body &&
	! test_grep "Add a note" .body &&
	note 403 "x"
'

test_done
