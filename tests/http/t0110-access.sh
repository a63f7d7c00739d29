#!/bin/sh
# Access by role: anonymous requests go to /login, a member or viewer sees
# their own initiative only (another one is 404, like one that does not
# exist), --dev-insecure-role is refused without its variable or off loopback.
. "$(dirname "$0")/lib.sh"

http_demo_db

test_expect_success '--dev-insecure-role needs TRELLIS_DEV_ROLE' '
	test_expect_code 2 env -u TRELLIS_DEV_ROLE "$TRELLIS" --db demo.db serve --dev-insecure-role 2>err &&
	test_grep "needs TRELLIS_DEV_ROLE" err
'

test_expect_success '--dev-insecure-role refuses a bad role and a non-loopback address' '
	TRELLIS_DEV_ROLE=king test_expect_code 1 "$TRELLIS" --db demo.db serve --dev-insecure-role --listen 127.0.0.1:0 2>err &&
	test_grep "is not admin, evaluator" err &&
	TRELLIS_DEV_ROLE=member test_expect_code 1 "$TRELLIS" --db demo.db serve --dev-insecure-role --listen 127.0.0.1:0 2>err &&
	TRELLIS_DEV_ROLE=admin test_expect_code 1 "$TRELLIS" --db demo.db serve --dev-insecure-role --listen 0.0.0.0:0 2>err &&
	test_grep "loopback address only" err
'

test_expect_success 'serve without a database says so' '
	test_expect_code 1 "$TRELLIS" --db nothing.db serve 2>err &&
	test_grep "no database here" err &&
	test_expect_code 2 "$TRELLIS" --db demo.db serve --listen nonsense 2>err ||
	test_expect_code 1 "$TRELLIS" --db demo.db serve --listen nonsense 2>err
'

# TRELLIS_DEV_ROLE is ignored without the flag: everyone is anonymous.
TRELLIS_DEV_ROLE=admin http_start

test_expect_success 'anonymous: pages answer 303 to /login' '
	test_status 303 / &&
	test_grep "^Location: /login\$" .head &&
	test_status 303 /i/harlow-mills &&
	test_grep "^Location: /login\$" .head &&
	test_security_headers
'

test_expect_success 'anonymous: the stylesheet is public' '
	test_status 200 /static/trellis.css
'

test_expect_success 'anonymous: no user appears in the log as the dev role' '
	! grep -q WARNING serve.log
'
http_stop

TRELLIS_DEV_ROLE=member:harlow-mills http_start --dev-insecure-role

test_expect_success 'member: / sends them to their initiative' '
	test_status 303 / &&
	test_grep "^Location: /i/harlow-mills\$" .head
'

test_expect_success 'member: their own dashboard, with only their initiative in the top bar' '
	test_status 200 /i/harlow-mills &&
	test_grep "href=\"/i/harlow-mills\"" .body &&
	! grep -q "href=\"/i/port-ashby\"" .body &&
	! grep -q ">Program</a>" .body
'

test_expect_success 'member: another initiative is 404, the same as none' '
	test_status 404 /i/port-ashby &&
	cp .body other &&
	test_status 404 /i/no-such-one &&
	test_cmp .body other
'
http_stop

TRELLIS_DEV_ROLE=viewer:port-ashby http_start --dev-insecure-role

test_expect_success 'viewer: own initiative 200, another 404' '
	test_status 200 /i/port-ashby &&
	test_status 404 /i/harlow-mills
'
http_stop

TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'evaluator: the portfolio and every dashboard' '
	test_status 200 / &&
	test_grep ">Program</a>" .body &&
	test_status 200 /i/harlow-mills &&
	test_status 200 /i/calder-springs
'
http_stop

test_done
