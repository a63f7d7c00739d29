# Test library for tests/http/tNNNN-*.sh: tests/cli/lib.sh (test_expect_success,
# test_cmp, test_grep ...) plus a server to talk to.
#
#	. "$(dirname "$0")/lib.sh"
#	http_demo_db				# demo.db in the test directory
#	http_start --dev-insecure-role		# trellis serve on a free loopback port
#	test_expect_success 'title' 'curl -s "$URL/" ...'
#	test_done				# stops the server too
#
# http_start runs `trellis serve --listen 127.0.0.1:0`: the kernel picks a
# free port, so no two tests can collide and no retry loop is needed; the
# address is read from the line the server prints. The server's PID is
# $SERVER_PID; its standard error (the access log) is $TEST_DIR/serve.log.
# It is stopped by its PID (SIGTERM, then SIGKILL) when the script ends.

. "$(dirname "$0")/../cli/lib.sh"

SERVER_PID=""
URL=""
# The database the demo goes into and the server serves: demo.db, or
# HTTP_DB from the environment (a postgresql:// URL: tests/http/t0950-pg-serve.sh).
HTTP_DB=${HTTP_DB:-$TEST_DIR/demo.db}

# Every server http_start starts is listed in $TEST_DIR/.servers until
# http_stop stops it: a server started inside a test body (a subshell, whose
# $SERVER_PID the script never sees) is stopped at exit too.
http_kill_pid () {
	kill -TERM "$1" 2>/dev/null || return 0
	i=0
	while kill -0 "$1" 2>/dev/null && test $i -lt 100; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -KILL "$1" 2>/dev/null
}
http_kill () {
	test -n "$SERVER_PID" && http_kill_pid "$SERVER_PID"
	SERVER_PID=""
	test -f "$TEST_DIR/.servers" || return 0
	for p in $(cat "$TEST_DIR/.servers"); do
		# only a process that is still this script's trellis serve
		grep -q serve "/proc/$p/cmdline" 2>/dev/null && http_kill_pid "$p"
	done
	rm -f "$TEST_DIR/.servers"
}
trap 'http_kill; test_cleanup' EXIT

http_demo_db () {
	"$TRELLIS" --db "$HTTP_DB" demo >/dev/null 2>&1 ||
		{ echo "not ok - cannot create the demo database"; exit 1; }
}

# http_start [SERVE OPTIONS...]: starts the server on demo.db and waits for its address.
http_start () {
	: >"$TEST_DIR/serve.out"
	"$TRELLIS" --db "$HTTP_DB" serve --listen 127.0.0.1:0 "$@" \
		>"$TEST_DIR/serve.out" 2>"$TEST_DIR/serve.log" &
	SERVER_PID=$!
	echo "$SERVER_PID" >>"$TEST_DIR/.servers"
	i=0
	while test $i -lt 300; do
		URL=$(sed -n 's|^listening on \(http://[^ ]*\)/$|\1|p' "$TEST_DIR/serve.out")
		test -n "$URL" && break
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	if test -z "$URL"; then
		echo "not ok - the server did not start:"
		sed 's/^/#   /' "$TEST_DIR/serve.log"
		exit 1
	fi
	export URL SERVER_PID
}

# http_stop: SIGTERM, and waits; the server's exit status is in $SERVER_STATUS.
http_stop () {
	kill -TERM "$SERVER_PID"
	wait "$SERVER_PID"
	SERVER_STATUS=$?
	if test -f "$TEST_DIR/.servers"; then
		grep -vx "$SERVER_PID" "$TEST_DIR/.servers" >"$TEST_DIR/.servers.new"
		mv "$TEST_DIR/.servers.new" "$TEST_DIR/.servers"
	fi
	SERVER_PID=""
}

# http_get PATH [CURL OPTIONS...]: GET into .body, headers into .head (CR removed),
# prints the status code.
http_get () {
	p=$1
	shift
	curl -s -D .head.raw -o .body -w '%{http_code}' "$@" "$URL$p"
	tr -d '\r' <.head.raw >.head
}

# test_status WANT PATH [CURL OPTIONS...]: the response's status is WANT.
test_status () {
	want=$1
	shift
	got=$(http_get "$@")
	test "$got" = "$want" && return 0
	echo "test_status: $* answered $got, expected $want"
	head -20 .head
	return 1
}

# test_security_headers [REFERRER-POLICY]: .head holds the headers every HTML
# response must carry (the sign-in page's Referrer-Policy is same-origin).
test_security_headers () {
	test_grep "^Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'\$" .head &&
	test_grep '^X-Content-Type-Options: nosniff$' .head &&
	test_grep "^Referrer-Policy: ${1:-no-referrer}\$" .head &&
	test_grep '^Cache-Control: no-store$' .head
}

# http_login_token JAR: GETs the sign-in form with the cookie jar JAR (read if
# it exists, written), which then holds the form's pre-session cookie, and
# prints the form's login_token: a POST /login needs both (login CSRF).
http_login_token () {
	test -f "$1" || : >"$1"
	curl -s -b "$1" -c "$1" "$URL/login" |
		sed -n 's/.*name="login_token" value="\([^"]*\)".*/\1/p' | head -n 1
}
