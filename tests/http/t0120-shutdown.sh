#!/bin/sh
# Graceful shutdown: on SIGTERM the server stops accepting, lets the request
# in flight finish, and exits 0.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

# A 300 KB body sent at 100 KB/s: in flight for about three seconds.
head -c 300000 /dev/zero >"$TEST_DIR/body"
curl -s -o "$TEST_DIR/slow.body" -w '%{http_code}\n' --limit-rate 100k \
	-H 'Content-Type: application/octet-stream' --data-binary @"$TEST_DIR/body" \
	"$URL/" >"$TEST_DIR/slow.code" 2>&1 &
CURL_PID=$!
sleep 1
http_stop
wait $CURL_PID

test_expect_success 'SIGTERM while a request is in flight: exit 0' '
	test "$SERVER_STATUS" = 0 &&
	test_grep "stopped (signal 15)" serve.log
'

test_expect_success 'the request in flight got its whole answer' '
	echo 405 >expect &&
	test_cmp expect slow.code &&
	test_grep "</html>" slow.body
'

test_expect_success 'the request in flight is in the access log' '
	grep -E " POST / 405 [0-9]+ [0-9.]+ms\$" serve.log
'

TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role
kill -INT "$SERVER_PID"
wait "$SERVER_PID"
status=$?
SERVER_PID=""

test_expect_success 'SIGINT: exit 0 too' '
	test "'"$status"'" = 0
'

test_done
