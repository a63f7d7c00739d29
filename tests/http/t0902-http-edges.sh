#!/bin/sh
# R15 and the crowd of R13 (RELIABILITY.md), issue 16 point 4:
#  (a) a header with whitespace before its colon ("Transfer-Encoding :
#      chunked", with a Content-Length framing a request smuggled behind
#      it) answers 400, once, and the request behind is never served;
#  (b) a query of 480 or 1,000 parameters is answered 414 with a message
#      (libmicrohttpd 0.9.75 ran out of its 32 KiB pool and said nothing
#      for 10 s); 100 parameters are still served;
#  (c) 1,088 connections that send nothing, from 17 addresses (64 each, the
#      per-address limit), against the 1,024 limit: a new client from an
#      18th address is served at once, not after the 10 s header deadline.
# Raw requests and the crowd come from tests/reliability/hostile.c.
. "$(dirname "$0")/lib.sh"

test_built HOSTILE=tests/reliability/hostile
# Under valgrind (make check-valgrind) the server is ~20x slower.
PROBE_MS=1000
test "${TRELLIS_VALGRIND:-}" = 1 && PROBE_MS=5000
export PROBE_MS

# the crowd needs 1,088 sockets here and 1,024 in the server
test "$(ulimit -n)" -ge 4096 2>/dev/null || ulimit -n 4096 2>/dev/null ||
	{ echo "not ok - cannot raise the open file limit to 4096 (ulimit -n is $(ulimit -n))"; exit 1; }

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role
PORT=${URL##*:}
export PORT

# wait_log PATTERN: waits (5 s at most) for a line of serve.log matching PATTERN
# (the access log line is written just after the answer is sent).
wait_log () {
	i=0
	while ! grep -q -e "$1" serve.log && test $i -lt 50; do
		sleep 0.1
		i=$((i + 1))
	done
	test_grep "$1" serve.log
}

# smuggle NAME: a POST whose header NAME is "Transfer-Encoding :" and whose
# Content-Length covers a chunked end and a second request.
smuggle () {
	inner="0\r\n\r\nGET /static/trellis.css?smuggled=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
	len=$(printf "$inner" | wc -c)
	printf "POST /logout HTTP/1.1\r\nHost: 127.0.0.1\r\n$1: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: $len\r\n\r\n$inner"
}

test_expect_success '(a) whitespace before a colon: 400, one answer, nothing smuggled served' '
	smuggle "Transfer-Encoding " | "$HOSTILE" raw $PORT >out &&
	test "$(grep -ac "^HTTP/1.1 " out)" = 1 &&
	test_grep "^HTTP/1.1 400 " out &&
	test_grep "A header has whitespace before its colon." out &&
	smuggle "Transfer-Encoding	" | "$HOSTILE" raw $PORT >out2 &&
	test "$(grep -ac "^HTTP/1.1 " out2)" = 1 && test_grep "^HTTP/1.1 400 " out2 &&
	printf "GET /static/trellis.css HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Other : 1\r\n\r\n" |
		"$HOSTILE" raw $PORT >out3 &&
	test_grep "^HTTP/1.1 400 " out3 &&
	wait_log " GET /static/trellis.css 400 " &&
	! grep -q "smuggled" serve.log &&
	echo "R15 whitespace before a colon: 400, 1 response, the request behind it never served" >>figure
'

test_expect_success '(a) the same request without the blank: Transfer-Encoding with Content-Length is 400 too' '
	smuggle "Transfer-Encoding" | "$HOSTILE" raw $PORT >out &&
	test "$(grep -ac "^HTTP/1.1 " out)" = 1 &&
	test_grep "^HTTP/1.1 400 " out
'

query () {
	perl -e "print join(\"&\", map { \"p\$_=1\" } 1..$1)"
}

test_expect_success '(b) 480 and 1,000 parameters: 414 with a message; 100 are served' '
	for n in 480 1000; do
		code=$(curl -s -o body.$n -w "%{http_code}" --max-time 8 "$URL/static/trellis.css?$(query $n)") &&
		test "$code" = 414 &&
		test_grep "too many parameters" body.$n || return 1
	done &&
	code=$(curl -s -o /dev/null -w "%{http_code}" --max-time 8 "$URL/static/trellis.css?$(query 100)") &&
	test "$code" = 200 &&
	code=$(curl -s -o /dev/null -w "%{http_code}" --max-time 8 "$URL/static/trellis.css?$(query 5000)") &&
	test "$code" = 414 &&
	wait_log " - /static/trellis.css 414 " &&
	echo "R15 parameters: 100 served 200; 480, 1000 and 5000 answered 414" >>figure
'

test_expect_success '(c) 1,088 idle connections from 17 addresses: a new client is served at once' '
	"$HOSTILE" crowd $PORT 1088 "$(seq -s, -f "127.0.0.%g" 1 17)" 127.0.0.18 /static/trellis.css >out ||
	{ cat out; false; } &&
	cat out &&
	test "$(sed -n "s/.* new_status=\([0-9]*\).*/\1/p" out)" = 200 &&
	ms=$(sed -n "s/.* new_ms=\([0-9]*\).*/\1/p" out) &&
	test "$ms" -le $PROBE_MS &&
	test_grep "connections open: closed the [0-9]* that waited longest for a request" serve.log &&
	wait_log "^[^ ]* 127.0.0.18 GET /static/trellis.css 200 " &&
	echo "R13 crowd: $(cat out), served within ${ms} ms (limit 1024, margin 64)" >>figure
'

test -f figure && sed "s/^/# /" figure
test_done
