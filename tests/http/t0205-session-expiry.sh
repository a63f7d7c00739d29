#!/bin/sh
# Session expiry over HTTP (RELIABILITY R6): the idle and absolute limits,
# shortened with `serve --session-idle` and `--session-max` (the unit tests
# in tests/unit/auth use a fake clock with the real 30 min and 12 h). An
# expired session is ended on the server: a page then answers 303 to
# /login, the API 401, and the same cookie never works again.
#
# Times on the server are whole seconds (time(NULL)), so the margins below
# are a second wide: a session used every second outlives an idle limit of
# 3 s; one unused for 4 s does not.
. "$(dirname "$0")/t02-accounts.sh"

accounts_setup

# now_ms: the time in milliseconds, for elapsed times.
now_ms () {
	echo $(( $(date +%s%N) / 1000000 ))
}

test_expect_success 'serve --help names both limits with their defaults' '
	"$TRELLIS" serve --help >help &&
	test_grep "\[--session-idle SECONDS\] \[--session-max SECONDS\]" help &&
	test_grep "^  --session-idle SECONDS a session ends unused this long (default 1800)\$" help &&
	test_grep "^  --session-max SECONDS a session ends this long after sign-in (default 43200)\$" help
'

test_expect_success 'bad limits are usage errors (exit 2), before serving' '
	test_expect_code 2 "$TRELLIS" --db demo.db serve --session-idle 0 2>err &&
	test_grep "session-idle: .0. is not a number of seconds from 1 to 2592000" err &&
	test_expect_code 2 "$TRELLIS" --db demo.db serve --session-max 3x 2>err &&
	test_grep "session-max: .3x. is not a number of seconds" err &&
	test_expect_code 2 "$TRELLIS" --db demo.db serve --session-max -5 2>err
'

http_start --dev-cookie --session-idle 3

test_expect_success 'idle 3 s: a session used every second lives on, one left alone 4 s ends' '
	test "$(sign_in admin@x.org jar.busy)" = 303 &&
	test "$(sign_in admin@x.org jar.idle)" = 303 &&
	test_status 200 / -b jar.busy &&
	test_status 200 / -b jar.idle &&
	t0=$(now_ms) &&
	n=0 &&
	while test $n -lt 7; do
		sleep 1 &&
		test_status 200 / -b jar.busy || exit 1
		n=$((n + 1))
	done &&
	elapsed=$(( $(now_ms) - t0 )) &&
	echo "# the busy session: 7 requests a second apart, $elapsed ms, all 200" &&
	test $elapsed -ge 7000 &&
	test_status 303 / -b jar.idle &&
	test_grep "^Location: /login\$" .head &&
	test_status 401 /api/v1/program -b jar.idle &&
	test_status 200 /api/v1/program -b jar.busy &&
	test_status 200 / -b jar.busy &&
	test_grep "admin@x.org</a> (admin)" .body
'

test_expect_success 'an expired session stays ended, and a new sign-in works' '
	test_status 303 /admin/users -b jar.idle &&
	test "$(sign_in admin@x.org jar.idle)" = 303 &&
	test_status 200 /admin/users -b jar.idle
'

test_expect_success 'a state change with an expired session: to sign-in, nothing done' '
	token=$(csrf_of jar.busy) &&
	test -n "$token" &&
	sleep 4 &&
	test_status 303 /admin/users -b jar.busy --data-urlencode "csrf=$token" -d action=add \
		-d email=late@x.org -d role=viewer -d initiative=port-ashby --data-urlencode "password=$PW" &&
	test_grep "^Location: /login\$" .head &&
	test "$(sign_in admin@x.org jar.a)" = 303 &&
	test_status 200 /admin/users -b jar.a &&
	! grep -q late@x.org .body
'
http_stop

http_start --dev-cookie --session-max 4

test_expect_success 'absolute 4 s: a session used every second ends 4 s after sign-in' '
	test "$(sign_in member@x.org jar.m)" = 303 &&
	t0=$(now_ms) &&
	alive=0 dead=0 &&
	while :; do
		sent=$(( $(now_ms) - t0 )) &&
		code=$(http_get /i/harlow-mills -b jar.m) &&
		ms=$(( $(now_ms) - t0 )) &&
		echo "# sent at $sent ms, answered at $ms ms: $code" &&
		case $code in
		200)	test $dead = 0 || { echo "alive again after it ended"; exit 1; }
			test $sent -lt 4000 || { echo "alive when asked at $sent ms"; exit 1; }
			alive=$((alive + 1)) ;;
		303)	test_grep "^Location: /login\$" .head || exit 1
			test $ms -ge 2800 || { echo "ended early, at $ms ms"; exit 1; }
			dead=$((dead + 1)) ;;
		*)	echo "unexpected status $code"; exit 1 ;;
		esac
		test $ms -ge 5500 && break
		sleep 0.5
	done &&
	echo "# $alive answers 200, then $dead to /login" &&
	test $alive -ge 3 && test $dead -ge 1 &&
	test_status 401 /api/v1/program -b jar.m
'
http_stop

test_done
