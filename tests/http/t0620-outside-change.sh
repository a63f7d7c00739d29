#!/bin/sh
# A change made by another process while the server runs (the CLI: an
# import, a setting) shows on the next request, without a restart: every
# change writes an audit log entry in its transaction, and the server loads
# the program again when the newest entry is newer than the one it loaded
# at (docs/web.md, Data).
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

I=/i/harlow-mills

test_expect_success 'a CSV import by the CLI shows at once: list, record and overview' '
	test_status 404 $I/decisions/d-901 &&
	test_status 200 "$I?as_of=2016-12-31&months=12" && cp .body before.html &&
	printf "%s\n" "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views" \
	    "harlow-mills,d-901,Agree the outside-change test,strategy,2016-11-01,2016-11-20,team,,," \
	    >decisions.csv &&
	"$TRELLIS" --db demo.db import decisions.csv >/dev/null &&
	test_status 200 $I/decisions/d-901 &&
	test_grep "Agree the outside-change test" .body &&
	test_status 200 "$I?as_of=2016-12-31&months=12" &&
	test_grep "17 of the 21 decisions" .body &&
	! grep -q "17 of the 21 decisions" before.html
'

test_expect_success 'a setting changed by the CLI moves the overview at once' '
	test_status 200 "$I?as_of=2016-12-31&months=12" &&
	test_grep "17 of the 21 decisions" .body &&
	"$TRELLIS" --db demo.db settings shared_leadership.shared_share 0.95 >/dev/null &&
	test_status 200 "$I?as_of=2016-12-31&months=12" &&
	! grep -q "17 of the 21 decisions" .body
'

test_done
