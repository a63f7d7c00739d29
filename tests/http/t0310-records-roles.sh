#!/bin/sh
# Record pages by role: a viewer reads but may not change (403, no forms),
# an evaluator reads survey counts only, a member is confined to their
# initiative (another's records are 404) and may change their own.
. "$(dirname "$0")/lib.sh"

http_demo_db
I=/i/harlow-mills

TRELLIS_DEV_ROLE=viewer:harlow-mills http_start --dev-insecure-role

test_expect_success 'a viewer reads lists and records, without add or edit forms' '
	test_status 200 $I/decisions &&
	! grep -q "decisions/new" .body &&
	test_status 200 $I/decisions/d-001 &&
	! grep -q "<form class=\"record\"" .body &&
	! grep -q "name=\"action\" value=\"delete\"" .body &&
	test_status 200 $I/members &&
	! grep -q "/team/raci" .body &&
	test_status 403 $I/decisions/new
'

test_expect_success 'a viewer POSTing is refused with 403 and nothing changes' '
	test_status 403 $I/decisions -d id=d-950 -d title=x -d category=strategy \
	    -d proposed=2016-01-01 -d decided=2016-01-02 -d decider=committee &&
	test_status 403 $I/decisions/d-001 -d action=delete &&
	test_status 403 $I/team/raci -d r0=x &&
	test_status 403 $I/team/initiative -d committee=x &&
	test_status 404 $I/decisions/d-950 &&
	test_status 200 $I/decisions/d-001
'

test_expect_success 'a viewer of one initiative gets 404 for another one'"'"'s records' '
	test_status 404 /i/port-ashby/decisions &&
	test_status 404 /i/port-ashby/decisions/d-001
'

http_kill
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an evaluator reads every initiative, surveys as counts, and may not POST' '
	test_status 200 /i/port-ashby/decisions &&
	http_get $I/surveys >/dev/null &&
	s=$(grep -o "href=\"$I/surveys/[^\"]*\"" .body | grep -v -e /new -e /rounds | head -1 | sed "s|.*/surveys/||; s|\"||") &&
	test_status 200 $I/surveys/$s &&
	test_grep "Single answers are never shown" .body &&
	! grep -q "<form class=\"record\"" .body &&
	test_status 403 $I/surveys/$s -d id=$s
'

http_kill
TRELLIS_DEV_ROLE=member:harlow-mills http_start --dev-insecure-role

test_expect_success 'a member adds to their own initiative and not to another' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -d id=c-900 -d date=2016-05-01 -d channel=press \
	    --data-urlencode "title=Article in the Gazette" -d credited=harlow-parents-council "$URL$I/credits") &&
	test "$code" = 303 &&
	test_status 200 $I/credits/c-900 &&
	test_grep "Harlow Parents Council" .body &&
	test_status 404 /i/port-ashby/credits -d id=c-901 -d date=2016-05-01 -d channel=press -d title=x
'

test_done
