#!/bin/sh
# R13 (RELIABILITY.md), issue 16 point 1: bodies before sign-in.
#  (a) 128 anonymous clients from two addresses (64 each, the per-address
#      limit) announce 16 MiB bodies to the two upload routes (/import,
#      /i/SLUG/import) and 1 MiB to the API: every one is refused from its
#      headers alone (303 to /login for a page, 401 for the API) before it
#      sends a byte of its body; the server's RSS grows by at most 64 MiB;
#  (b) the same crowd on the sign-in form (anyone may post to it): at most
#      4 uploads in flight per address, the rest 429 before their body;
#  (d) an admin's four 16 MiB imports at once are received (into
#      temporary files): the server's RSS grows by less than 16 MiB;
#  (c) --max-body-memory 2 and 1 MiB sign-in bodies from 17 addresses: 2
#      are received, the rest 503 with Retry-After before their body.
# The clients are tests/reliability/hostile.c ("upload"); RSS and the
# high-water mark are read from /proc/PID/status.
. "$(dirname "$0")/lib.sh"

test_built HOSTILE=tests/reliability/hostile
M=1048576
# Under AddressSanitizer one such import adds ~25 MiB of the sanitizer's own
# anonymous memory (14 MiB without its quarantine), which the plain build
# does not have (+2.6 MiB there); under valgrind everything is slower and
# larger. The bound of (d) is the plain build's.
SANITIZED=
case ${TRELLIS_BIN:-} in *asan*) SANITIZED=1 ;; esac
test "${TRELLIS_VALGRIND:-}" = 1 && SANITIZED=1
export SANITIZED

http_demo_db
http_start
PORT=${URL##*:}
export PORT M

# wait_count N PATTERN: waits (5 s at most) until serve.log has N lines
# matching PATTERN, then checks it (a log line follows its answer).
wait_count () {
	i=0
	while test "$(grep -c -e "$2" serve.log)" != "$1" && test $i -lt 50; do
		sleep 0.1
		i=$((i + 1))
	done
	test "$(grep -c -e "$2" serve.log)" = "$1" ||
	{ echo "serve.log: $(grep -c -e "$2" serve.log) lines match '$2', expected $1"; false; }
}

# field NAME FILE: the value of NAME=value in hostile's line.
field () {
	sed -n "s/.*\\<$1=\\([^ ]*\\).*/\\1/p" "$2" | tail -n 1
}

test_expect_success '(a) 128 anonymous 16 MiB uploads and 1 MiB API posts: refused before the body' '
	"$HOSTILE" upload $PORT 128 127.0.0.1,127.0.0.2 $SERVER_PID $((16 * M)) \
		/import /i/harlow-mills/import >up.out || { cat up.out; false; } &&
	cat up.out &&
	test "$(field answered up.out)" = 128 &&
	test "$(field before_body up.out)" = 128 &&
	test "$(field status_303 up.out)" = 128 &&
	test "$(field body_sent_max up.out)" = 0 &&
	test "$(field rss_growth_kib up.out)" -le 65536 &&
	"$HOSTILE" upload $PORT 128 127.0.0.3,127.0.0.4 $SERVER_PID $M \
		/api/v1/initiatives/harlow-mills/decisions /api/v1/initiatives/harlow-mills/ledger >api.out || { cat api.out; false; } &&
	cat api.out &&
	test "$(field before_body api.out)" = 128 &&
	test "$(field status_401 api.out)" = 128 &&
	echo "R13 uploads: $(cat up.out)" >>figure &&
	echo "R13 API: $(cat api.out)" >>figure
'

test_expect_success '(b) the sign-in form: 4 uploads in flight per address, the rest 429 before the body' '
	"$HOSTILE" upload $PORT 128 127.0.0.5,127.0.0.6 $SERVER_PID $M /login >login.out ||
	{ cat login.out; false; } &&
	cat login.out &&
	test "$(field answered login.out)" = 128 &&
	test "$(field status_429 login.out)" = 120 &&
	test "$(field before_body login.out)" -ge 120 &&
	test "$(field rss_growth_kib login.out)" -le 65536 &&
	wait_count 120 " POST /login 429 " &&
	echo "R13 sign-in form: $(cat login.out)" >>figure
'

test_expect_success '(d) an admin'"'"'s four 16 MiB imports at once go to temporary files, not memory' '
	printf "a long password 1\n" >pw &&
	"$TRELLIS" --db demo.db user add a@example.org --role admin --password-file pw &&
	"$TRELLIS" --db demo.db token add --user a@example.org >a.tok 2>/dev/null &&
	HOSTILE_HEADER="Authorization: Bearer $(cat a.tok)" \
	"$HOSTILE" upload $PORT 4 127.0.0.7 $SERVER_PID $((16 * M)) /import >adm.out ||
	{ cat adm.out; false; } &&
	cat adm.out &&
	test "$(field answered adm.out)" = 4 &&
	test "$(field other adm.out)" = 4 &&
	wait_count 4 " POST /import 422 " &&
	test "$(field body_sent_max adm.out)" = $((16 * M)) &&
	{ test -n "$SANITIZED" || test "$(field rss_growth_kib adm.out)" -le 16384; } &&
	echo "R13 an admin'"'"'s imports: $(cat adm.out)" >>figure
'

test_expect_success 'the server still serves' '
	test_status 200 /login
'

http_stop
test_expect_success 'SIGTERM after the crowds: exit 0 (nothing left in flight)' '
	test "$SERVER_STATUS" = 0
'
http_start --max-body-memory 2

test_expect_success '(c) --max-body-memory 2: two 1 MiB bodies in flight, the rest 503 with Retry-After' '
	"$HOSTILE" upload ${URL##*:} 17 "$(seq -s, -f "127.0.0.%g" 11 27)" $SERVER_PID $M /login >mem.out ||
	{ cat mem.out; false; } &&
	cat mem.out &&
	test "$(field answered mem.out)" = 17 &&
	test "$(field status_503 mem.out)" = 15 &&
	wait_count 15 " POST /login 503 " &&
	echo "R13 budget 2 MiB: $(cat mem.out)" >>figure
'

test -f figure && sed "s/^/# /" figure
test_done
