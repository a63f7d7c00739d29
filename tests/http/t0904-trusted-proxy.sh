#!/bin/sh
# Behind a reverse proxy (docs/deploy.md): with --trusted-proxy ADDR a
# request from ADDR counts as coming from the right-most address of its
# X-Forwarded-For, for the access log and the per-address limits (here the
# bad survey link limit: 20 in 10 minutes, then 429); the entries before
# it, or an entry that is no address, are never believed; without the
# option the header is ignored altogether.
. "$(dirname "$0")/lib.sh"

http_demo_db

# bad_links XFF N: N unknown survey links with that X-Forwarded-For; the last status
bad_links () {
	i=0
	while test $i -lt "$2"; do
		code=$(curl -s -o /dev/null -w "%{http_code}" -H "X-Forwarded-For: $1" "$URL/s/no-such-$i")
		i=$((i + 1))
	done
	echo "$code"
}

test_expect_success 'a bad --trusted-proxy is refused with the option named' '
	test_expect_code 2 "$TRELLIS" --db "$TEST_DIR/demo.db" serve --trusted-proxy proxy.local 2>err &&
	test_grep "trusted-proxy: .proxy.local. is not an IP address" err
'

http_start --trusted-proxy 127.0.0.1
test_expect_success 'the access log shows the client the proxy names, the right-most entry' '
	curl -s -o /dev/null -H "X-Forwarded-For: 203.0.113.7" "$URL/login" &&
	curl -s -o /dev/null -H "X-Forwarded-For: 198.51.100.1, 203.0.113.9" "$URL/api" &&
	curl -s -o /dev/null -H "X-Forwarded-For: 2001:DB8::0:1" "$URL/static/trellis.css" &&
	curl -s -o /dev/null -H "X-Forwarded-For: not-an-address" "$URL/api/v1" &&
	sleep 0.2 &&
	test_grep " 203.0.113.7 GET /login " "$TEST_DIR/serve.log" &&
	test_grep " 203.0.113.9 GET /api " "$TEST_DIR/serve.log" &&
	! grep -q "198.51.100.1" "$TEST_DIR/serve.log" &&
	test_grep " 2001:db8::1 GET /static/trellis.css " "$TEST_DIR/serve.log" &&
	test_grep " 127.0.0.1 GET /api/v1 " "$TEST_DIR/serve.log"
'

test_expect_success 'limits count per client: one locked out, another not' '
	test "$(bad_links 192.0.2.1 21)" = 429 &&
	test "$(bad_links 192.0.2.2 1)" = 404 &&
	test "$(bad_links "192.0.2.1, 192.0.2.3" 1)" = 404
'
http_kill

http_start
test_expect_success 'without --trusted-proxy the header is ignored: one address, one limit' '
	test "$(bad_links 192.0.2.1 21)" = 429 &&
	test "$(bad_links 192.0.2.2 1)" = 429 &&
	sleep 0.2 &&
	! grep -q "192.0.2" "$TEST_DIR/serve.log"
'

test_done
