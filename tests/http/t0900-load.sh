#!/bin/sh
# R10 (RELIABILITY.md), the short run: load and slow clients on loopback.
# tests/reliability/load.sh does the same at length (`make load`), with the
# full 30 s wait. The load client is tests/reliability/load.c.
#
# The server runs with its default limits (64 connections per address). The
# keep-alive load comes from eight loopback source addresses (127.0.0.1-8,
# 25 connections each at a time) so that it measures errors, not the
# per-address limit; the slow clients then take 127.0.0.1's whole limit.
. "$(dirname "$0")/lib.sh"

test_built LOAD=tests/reliability/load
ADDRS=127.0.0.1,127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5,127.0.0.6,127.0.0.7,127.0.0.8
DASH=/i/harlow-mills
CSS=/static/trellis.css
# Under valgrind (make check-valgrind) the server is ~20x slower: the same
# 1,000 connections with one request each, and 5 s for the probe.
REQS=10 PROBE_MS=1000
test "${TRELLIS_VALGRIND:-}" = 1 && REQS=1 PROBE_MS=5000
# The memory bound (KiB) is for the release build; an ASan build (make
# check-asan) carries shadow memory and a quarantine of freed blocks.
RSS_MAX=131072
case $TRELLIS in *asan*) RSS_MAX=1048576 ;; esac

http_demo_db
printf '%s\n' 'a long password 1' >"$TEST_DIR/pw"
"$TRELLIS" --db "$TEST_DIR/demo.db" user add admin@x.org --role admin \
	--password-file "$TEST_DIR/pw" >/dev/null ||
	{ echo "not ok - cannot add the admin"; exit 1; }
http_start --dev-cookie
PORT=${URL##*:}

# rss: the server's resident memory in KiB.
rss () {
	sed -n 's/^VmRSS:[^0-9]*\([0-9]*\) kB$/\1/p' "/proc/$SERVER_PID/status"
}

# field NAME FILE: the value of NAME=value in the load client's output line.
field () {
	sed -n "s/.*\\<$1=\\([^ ]*\\).*/\\1/p" "$2" | tail -n 1
}

test_expect_success 'the admin signs in: a session cookie for the load' '
	curl -s -b jar -c jar -o /dev/null -w "%{http_code}" --data-urlencode email=admin@x.org \
		--data-urlencode "login_token=$(http_login_token jar)" \
		--data-urlencode "password=a long password 1" "$URL/login" >code &&
	test "$(cat code)" = 303 &&
	SID=$(awk "\$6 == \"sid\" { print \$7 }" jar) &&
	test -n "$SID" &&
	echo "Cookie: sid=$SID" >cookie &&
	test_status 200 $DASH -b jar
'

test_expect_success '1,000 keep-alive connections (200 at a time, 10 requests each): 0 errors' '
	"$LOAD" -T 60 -c 200 -k 5 -n $REQS -b $ADDRS -H "$(cat cookie)" -P $SERVER_PID \
		$PORT $DASH $CSS >load.out 2>load.err ||
		{ cat load.out load.err; false; } &&
	echo "# $(cat load.out)" &&
	test "$(field connections load.out)" = 1000 &&
	test "$(field requests load.out)" = $((1000 * REQS)) &&
	test "$(field errors load.out)" = 0
'

test_expect_success 'server memory under that load stays under 128 MiB' '
	kib=$(field rss_max_kib load.out) &&
	echo "# VmRSS at most $kib KiB under load, $(rss) KiB after" &&
	test "$kib" -gt 0 && test "$kib" -lt $RSS_MAX &&
	test "$(rss)" -lt $RSS_MAX
'

# 72 slow-header clients from 127.0.0.1 (limit 64): each sends a header
# byte every second and never finishes. While they hang (4 s), 127.0.0.2 is
# served and a new connection from 127.0.0.1 is refused. Then (-f) they end
# their requests and read the answers. (The 10 s header deadline, and the
# slots of clients that drop mid-headers, are t0901-slowloris.sh's.)
test_expect_success 'slow clients fill 127.0.0.1: 127.0.0.2 is still served fast' '
	"$LOAD" -T 30 -S 72 -i 1 -w 4 -f $PORT >slow.out 2>slow.err &
	spid=$! &&
	i=0 &&
	while ! grep -q "^slow-ready" slow.out && test $i -lt 100; do
		sleep 0.1; i=$((i + 1))
	done &&
	test_grep "^slow-ready open=72\$" slow.out &&
	sleep 1 &&
	"$LOAD" -T 20 -b 127.0.0.2 -n 10 -H "$(cat cookie)" $PORT $DASH >probe.out 2>probe.err ||
		{ cat probe.out probe.err; false; } &&
	echo "# from 127.0.0.2 while 127.0.0.1 hangs: $(cat probe.out)" &&
	test "$(field errors probe.out)" = 0 &&
	awk -v m="$(field max_ms probe.out)" -v l=$PROBE_MS "BEGIN { exit !(m < l) }" &&
	! "$LOAD" -T 20 -b 127.0.0.1 -n 1 -H "$(cat cookie)" $PORT $DASH >full.out 2>&1 &&
	echo "# a new connection from 127.0.0.1 meanwhile: $(head -n 1 full.out)" &&
	test "$(field errors full.out)" = 1 &&
	wait $spid &&
	echo "# $(tail -n 1 slow.out)" &&
	test "$(field opened slow.out)" = 72 &&
	test "$(field closed_within_2s slow.out)" = 8 &&
	test "$(field open_at_end slow.out)" = 64
'

test_expect_success 'after the load: the server still answers, memory bounded' '
	test_status 200 $DASH -b jar &&
	test_status 200 $CSS &&
	echo "# VmRSS $(rss) KiB" &&
	test "$(rss)" -lt $RSS_MAX
'

# The figures, for reading (TEST_VERBOSE=1 shows the tests' own notes too).
for f in load.out probe.out slow.out; do
	test -f "$TEST_DIR/$f" && echo "# $f: $(tail -n 1 "$TEST_DIR/$f")"
done
echo "# server VmRSS after the load: $(rss) KiB"

http_stop
test_expect_success 'SIGTERM after the load: the server exits 0' '
	test "$SERVER_STATUS" = 0
'

test_done
