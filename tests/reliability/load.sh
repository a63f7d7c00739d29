#!/bin/sh
# R10 (RELIABILITY.md) at length (`make load`): load and slow clients on
# loopback. tests/http/t0900-load.sh is the short run inside `make test`.
#
#	tests/reliability/load.sh [CONNECTIONS]
#
# 1. CONNECTIONS keep-alive connections (default 10000; 400 at a time from
#    the sixteen source addresses 127.0.0.1-16, 25 each, under the limit of
#    64 per address), 10 requests each of the dashboard (signed in as an
#    admin) and the stylesheet: 0 errors, server RSS under 128 MiB.
# 2. Slow clients, watched for 36 s: 72 from 127.0.0.1 that send a header
#    byte every second (the per-address limit is 64), and 32 from 127.0.0.3
#    that send the start of a request and then nothing. Meanwhile a client
#    from 127.0.0.2 asks for the dashboard every 4 s and must get it with 200
#    in under 1 s each time. Those over the limit are refused at once; every
#    other one, trickling or idle, must be closed by the 10 s header
#    deadline (9.5-12 s: the idle timeout of 30 s would not cut the
#    trickling ones at all), and 127.0.0.1 is then served again.
# 3. The server still answers, its RSS is printed, SIGTERM → exit 0.
# Prints one line per step; exit 1 when any check failed.
top=$(cd "$(dirname "$0")/../.." && pwd)
conns=${1:-10000}
build=${BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
trellis=${TRELLIS:-$top/trellis}
load=${LOAD:-$build/tests/reliability/load}

for x in "$trellis" "$load"; do
	test -x "$x" || { echo "load.sh: $x is not built (run make)" >&2; exit 1; }
done
dir=$(mktemp -d "${TMPDIR:-/tmp}/trellis-load.XXXXXX") || exit 1
pid=""
trap 'test -n "$pid" && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
trap 'exit 1' HUP INT TERM
cp "$trellis" "$dir/trellis.bin" && cp "$load" "$dir/load.bin" || exit 1
trellis=$dir/trellis.bin
load=$dir/load.bin
cd "$dir" || exit 1
failed=0
fail () {
	echo "R10 FAILED: $*"
	failed=$((failed + 1))
}
field () {
	sed -n "s/.*\\<$1=\\([^ ]*\\).*/\\1/p" "$2" | tail -n 1
}
rss () {
	sed -n 's/^VmRSS:[^0-9]*\([0-9]*\) kB$/\1/p' "/proc/$pid/status"
}

"$trellis" --db demo.db demo >/dev/null 2>&1 || { echo "load.sh: demo failed"; exit 1; }
printf '%s\n' 'a long password 1' >pw
"$trellis" --db demo.db user add admin@x.org --role admin --password-file pw >/dev/null ||
	exit 1
"$trellis" --db demo.db serve --listen 127.0.0.1:0 --dev-cookie >serve.out 2>serve.log &
pid=$!
i=0
while ! grep -q '^listening on ' serve.out && test $i -lt 300; do
	sleep 0.1
	i=$((i + 1))
done
url=$(sed -n 's|^listening on \(http://[^ ]*\)/$|\1|p' serve.out)
test -n "$url" || { echo "load.sh: the server did not start"; cat serve.log; exit 1; }
port=${url##*:}
# the sign-in form's pre-session cookie and token first (login CSRF)
login_token=$(curl -s -c jar "$url/login" | sed -n 's/.*name="login_token" value="\([^"]*\)".*/\1/p')
curl -s -b jar -c jar -o /dev/null --data-urlencode email=admin@x.org \
	--data-urlencode "login_token=$login_token" \
	--data-urlencode "password=a long password 1" "$url/login"
cookie="Cookie: sid=$(awk '$6 == "sid" { print $7 }' jar)"
addrs=$(seq -s, -f '127.0.0.%g' 1 16)

# 1. keep-alive load
per=$(( (conns + 399) / 400 ))
"$load" -T 600 -c 400 -k $per -n 10 -b "$addrs" -H "$cookie" -P $pid \
	$port /i/harlow-mills /static/trellis.css >load.out 2>load.err
echo "R10 load: $(cat load.out)"
head -n 5 load.err
test "$(field errors load.out)" = 0 || fail "errors under load"
test "$(field connections load.out)" = $((per * 400)) || fail "not every connection was made"
kib=$(field rss_max_kib load.out)
test "${kib:-0}" -gt 0 && test "$kib" -lt 131072 || fail "RSS $kib KiB under load"

# 2. slow clients past the idle timeout, with probes from 127.0.0.2
"$load" -T 60 -S 72 -i 1 -w 40 $port >trickle.out 2>&1 &
t1=$!
"$load" -T 60 -S 32 -i 0 -w 40 -b 127.0.0.3 $port >idle.out 2>&1 &
t2=$!
i=0
while ! { grep -q '^slow-ready' trickle.out && grep -q '^slow-ready' idle.out; } && test $i -lt 100; do
	sleep 0.1
	i=$((i + 1))
done
n=0
while test $n -lt 9; do
	sleep 4
	"$load" -T 20 -b 127.0.0.2 -n 5 -H "$cookie" $port /i/harlow-mills >probe.out 2>&1
	echo "R10 probe from 127.0.0.2 at $(( (n + 1) * 4 )) s: $(tail -n 1 probe.out), server VmRSS $(rss) KiB"
	test "$(field errors probe.out)" = 0 || fail "probe $n: errors"
	awk -v m="$(field max_ms probe.out)" 'BEGIN { exit !(m != "" && m < 1000) }' ||
		fail "probe $n: slower than 1 s"
	n=$((n + 1))
done
wait $t1
wait $t2
echo "R10 trickling (a byte a second) from 127.0.0.1: $(tail -n 1 trickle.out)"
echo "R10 idle after the first bytes, from 127.0.0.3: $(tail -n 1 idle.out)"
test "$(field closed idle.out)" = 32 || fail "idle clients not all closed"
awk -v a="$(field first_close_s idle.out)" -v b="$(field last_close_s idle.out)" \
	'BEGIN { exit !(a >= 9.5 && b <= 12) }' || fail "idle clients not closed by the 10 s header deadline"
test "$(field closed_within_2s trickle.out)" = 8 || fail "the per-address limit did not refuse 8"
test "$(field closed trickle.out)" = 72 || fail "trickling clients still open at the end"
awk -v b="$(field last_close_s trickle.out)" 'BEGIN { exit !(b != "" && b <= 12) }' ||
	fail "trickling clients not closed by the 10 s header deadline"
"$load" -T 20 -n 5 -H "$cookie" $port /i/harlow-mills >again.out 2>&1
echo "R10 127.0.0.1 after its slow clients were closed: $(tail -n 1 again.out)"
test "$(field errors again.out)" = 0 || fail "127.0.0.1 not served after the deadline"

# 3. after
code=$(curl -s -o /dev/null -w '%{http_code}' -b jar "$url/i/harlow-mills")
test "$code" = 200 || fail "dashboard after the load: $code"
echo "R10 after: dashboard $code, server VmRSS $(rss) KiB"
test "$(rss)" -lt 131072 || fail "RSS after the load"
kill -TERM $pid
wait $pid
rc=$?
pid=""
echo "R10 SIGTERM: exit $rc"
test $rc = 0 || fail "exit status $rc on SIGTERM"
echo "R10 load and slow clients: $failed failed"
test $failed = 0
