#!/bin/sh
# R10 (RELIABILITY.md): slow and vanishing clients. libmicrohttpd's 30 s
# connection timeout is an idle timeout, which a client trickling a header
# byte a second resets for ever; the server's reaper (src/web/server.c,
# "slow clients") closes a connection whose request headers are not all in
# 10 s after it was opened (or after its last answer), and one whose client
# went away mid-headers at once. The client is tests/reliability/load.c
# (-S: slow-header clients; -w 0: open, send half a request, close).
#
#  (a) one client trickling a byte every half second is cut at 10 s, and
#      so are three that send a POST's headers and then trickle its body
#      (10 s and a second for each 64 KiB announced);
#  (b) 72 trickling clients from 127.0.0.1 (limit 64) do not slow down
#      127.0.0.2, and after the deadline 127.0.0.1 is served again;
#  (c) 100 clients in a row that drop mid-headers, then 64 at once, give
#      back their per-address slots: a request right after succeeds, and
#      64 new connections from the same address are all accepted.
#  (d) a kept-alive connection's next request, whose line comes near the
#      idle deadline and its headers after it, is answered.
# About 30 s.
. "$(dirname "$0")/lib.sh"

test_built LOAD=tests/reliability/load
CSS=/static/trellis.css
# Under valgrind (make check-valgrind) the server is ~20x slower.
PROBE_MS=1000
test "${TRELLIS_VALGRIND:-}" = 1 && PROBE_MS=5000

http_demo_db
http_start
PORT=${URL##*:}

# field NAME FILE: the value of NAME=value in the load client's output line.
field () {
	sed -n "s/.*\\<$1=\\([^ ]*\\).*/\\1/p" "$2" | tail -n 1
}

# between LOW HIGH VALUE: LOW <= VALUE <= HIGH (decimals).
between () {
	awk -v l="$1" -v h="$2" -v v="$3" 'BEGIN { exit !(v != "" && v + 0 >= l && v + 0 <= h) }'
}

test_expect_success 'a normal request from 127.0.0.1 before: served' '
	"$LOAD" -T 10 -n 3 $PORT $CSS >before.out 2>&1 &&
	test "$(field errors before.out)" = 0
'

test_expect_success 'trickling clients are cut at the 10 s header deadline; 127.0.0.2 is served meanwhile' '
	"$LOAD" -T 30 -S 72 -i 1 -w 14 $PORT >slow.out 2>slow.err &
	spid=$! &&
	"$LOAD" -T 30 -S 1 -i 0.5 -w 14 -b 127.0.0.3 $PORT >one.out 2>one.err &
	opid=$! &&
	"$LOAD" -T 30 -S 3 -y -i 0.5 -w 14 -b 127.0.0.5 $PORT >body.out 2>body.err &
	bpid=$! &&
	i=0 &&
	while ! { grep -q "^slow-ready" slow.out && grep -q "^slow-ready" one.out &&
	    grep -q "^slow-ready" body.out; } && test $i -lt 100; do
		sleep 0.1; i=$((i + 1))
	done &&
	test_grep "^slow-ready open=72\$" slow.out &&
	test_grep "^slow-ready open=1\$" one.out &&
	sleep 1 &&
	"$LOAD" -T 20 -b 127.0.0.2 -n 10 $PORT $CSS >probe.out 2>probe.err ||
		{ cat probe.out probe.err; false; } &&
	echo "# from 127.0.0.2 while 127.0.0.1 trickles: $(cat probe.out)" &&
	test "$(field errors probe.out)" = 0 &&
	between 0 $PROBE_MS "$(field max_ms probe.out)" &&
	! "$LOAD" -T 20 -n 1 $PORT $CSS >full.out 2>&1 &&
	echo "# a new connection from 127.0.0.1 meanwhile: $(head -n 1 full.out)" &&
	wait $spid && wait $opid && wait $bpid &&
	echo "# 127.0.0.1: $(tail -n 1 slow.out)" &&
	echo "# 127.0.0.3: $(tail -n 1 one.out)" &&
	echo "# 127.0.0.5 (slow bodies): $(tail -n 1 body.out)" &&
	test "$(field opened body.out)" = 3 &&
	test "$(field closed body.out)" = 3 &&
	test "$(field closed_within_2s body.out)" = 0 &&
	between 9.5 12 "$(field last_close_s body.out)" &&
	test_grep "127.0.0.5: connection closed: the request.s body did not arrive in time" serve.log &&
	test "$(field opened slow.out)" = 72 &&
	test "$(field closed_within_2s slow.out)" = 8 &&
	test "$(field closed slow.out)" = 72 &&
	test "$(field open_at_end slow.out)" = 0 &&
	between 9.5 12 "$(field last_close_s slow.out)" &&
	test "$(field closed one.out)" = 1 &&
	between 9.5 12 "$(field first_close_s one.out)" &&
	test_grep "127.0.0.1: connection closed: no complete request headers within 10 s" serve.log
'

test_expect_success 'after the deadline, 127.0.0.1 is served again' '
	"$LOAD" -T 10 -n 3 $PORT $CSS >after.out 2>&1 ||
		{ cat after.out; false; } &&
	test "$(field errors after.out)" = 0
'

test_expect_success '100 clients in a row drop mid-headers: a request half a second after is served' '
	i=0 &&
	while test $i -lt 100; do
		"$LOAD" -T 5 -S 1 -i 0 -w 0 $PORT >drop.out 2>&1 &&
		test_grep "^slow opened=1 " drop.out >/dev/null || break
		i=$((i + 1))
	done &&
	test $i = 100 &&
	# the reaper gives a slot back within two rounds (0.2 s): the last
	# drops may still hold theirs for that long
	sleep 0.5 &&
	"$LOAD" -T 10 -n 1 $PORT $CSS >drop-after.out 2>&1 ||
		{ cat drop-after.out; grep -v " 200 " serve.log | tail -n 8; false; } &&
	test "$(field errors drop-after.out)" = 0
'

test_expect_success '64 drop mid-headers at once: all 64 slots come back' '
	"$LOAD" -T 5 -S 64 -i 0 -w 0 $PORT >burst.out 2>&1 &&
	test "$(field opened burst.out)" = 64 &&
	sleep 0.6 &&
	"$LOAD" -T 5 -S 64 -i 0 -w 0.5 $PORT >refill.out 2>&1 &&
	echo "# 64 new slow connections from 127.0.0.1: $(tail -n 1 refill.out)" &&
	test "$(field open_at_end refill.out)" = 64 &&
	test "$(field closed refill.out)" = 0 &&
	sleep 0.6 &&
	"$LOAD" -T 10 -n 1 $PORT $CSS >burst-after.out 2>&1 ||
		{ cat burst-after.out; false; } &&
	test "$(field errors burst-after.out)" = 0
'

test_expect_success 'a keep-alive connection still answers many requests (the deadline is per request)' '
	"$LOAD" -T 20 -c 4 -k 2 -n 50 $PORT $CSS /login >ka.out 2>&1 ||
		{ cat ka.out; false; } &&
	test "$(field errors ka.out)" = 0 &&
	test "$(field requests ka.out)" = 400
'

# A kept-alive connection idle for most of its 10 s whose next request
# then arrives slowly (its line at 8 s, its headers 3 s later) is not cut
# under that request: the headers' 10 s count from its line.
test_expect_success 'a kept-alive connection: the next request begun near the idle deadline is answered' '
	python3 - "$PORT" "$CSS" >late.out 2>&1 <<-\PY || { cat late.out; false; }
	import socket, sys, time
	port, path = int(sys.argv[1]), sys.argv[2]
	s = socket.create_connection(("127.0.0.1", port), timeout=20)
	def answer():
	    data = b""
	    while b"\r\n\r\n" not in data:
	        chunk = s.recv(65536)
	        if not chunk:
	            sys.exit("connection closed before an answer: %r" % data[:80])
	        data += chunk
	    head, body = data.split(b"\r\n\r\n", 1)
	    n = [int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")][0]
	    while len(body) < n:
	        body += s.recv(65536)
	    return head.split(b"\r\n")[0].decode()
	s.sendall(("GET %s HTTP/1.1\r\nHost: x\r\n\r\n" % path).encode())
	print("first:", answer())
	time.sleep(8)
	s.sendall(("GET %s HTTP/1.1\r\n" % path).encode())
	time.sleep(3)
	s.sendall(b"Host: x\r\n\r\n")
	print("second:", answer())
	PY
	test_grep "^first: HTTP/1.1 200" late.out &&
	test_grep "^second: HTTP/1.1 200" late.out
'

http_stop
test_expect_success 'SIGTERM: exit 0, the reaper counted what it closed' '
	test "$SERVER_STATUS" = 0 &&
	grep "connections closed by the reaper" serve.log >reaped &&
	echo "# $(cat reaped)" &&
	n=$(sed -n "s/.*reaper: \([0-9]*\) past.*/\1/p" reaped) &&
	test "$n" -ge 65
'

test_done
