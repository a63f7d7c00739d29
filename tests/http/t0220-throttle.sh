#!/bin/sh
# Sign-in throttling (RELIABILITY R7): after AUTH_THROTTLE_ACCOUNT_LIMIT (5)
# wrong passwords for one account, the next attempt is 429 with
# Retry-After, even with the right password, while another account still
# signs in from the same address. Each hash takes ~50 ms at the default
# limits, so the test needs no cheaper setting.
. "$(dirname "$0")/t02-accounts.sh"

accounts_setup
http_start --dev-cookie

test_expect_success 'five wrong passwords for one account: 401 each' '
	for i in 1 2 3 4 5; do
		test "$(sign_in member@x.org j "wrong password $i!")" = 401 || exit 1
	done
'

test_expect_success 'the sixth, even with the right password: 429 with Retry-After, no cookie' '
	test "$(sign_in member@x.org j)" = 429 &&
	test_security_headers same-origin &&
	grep -E "^Retry-After: [0-9]+\$" .head >ra &&
	secs=$(sed "s/^Retry-After: //" ra) &&
	test "$secs" -ge 1 && test "$secs" -le 60 &&
	test_grep "Too many failed sign-ins" .body &&
	test_grep "value=\"member@x.org\"" .body &&
	! grep -q "^Set-Cookie" .head
'

test_expect_success 'another account still signs in from the same address' '
	test "$(sign_in viewer@x.org jv)" = 303 &&
	test_status 200 /i/harlow-mills -b jv
'

test_expect_success 'the email in another case is the same account: still 429' '
	test "$(sign_in MEMBER@X.ORG j)" = 429
'

test_expect_success 'the log records the refusals; no password in it' '
	test "$(grep -c "POST /login 429" serve.log)" -ge 2 &&
	! grep -q "wrong password" serve.log
'
http_stop

test_done
