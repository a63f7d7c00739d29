#!/bin/sh
# The browser tests: Debian's chromium driven by playwright-core, axe-core on
# every page, screenshots in test-artifacts/browser/ (docs/testing.md).
#
#	sh tests/e2e/run.sh [FILE.test.js ...]	(default: every tests/e2e/*.test.js)
#
# Installs the npm packages from tests/e2e/package-lock.json when they are
# missing or older than the lock (npm ci), builds a demo database with an
# admin account, starts `trellis serve` on a free loopback port, runs the
# tests with node's test runner (TAP: its closing "# pass N", "# fail N",
# "# skipped N" lines are what tests/run.sh counts), stops the server by its
# PID and checks it exited 0. Until /login exists the server runs with the
# development role aid (TRELLIS_DEV_ROLE=admin, docs/web.md); after, the
# tests sign in. Each test has its own timeout; the whole run is cut at
# E2E_TIMEOUT seconds (default 1800).
#
# Environment: TRELLIS_BIN (the binary, as tests/cli/lib.sh), E2E_TIMEOUT,
# E2E_CHROMIUM (default /usr/bin/chromium), E2E_AUTH=dev|login (instead of
# asking the server whether /login exists).
cd "$(dirname "$0")/../.." || exit 1
top=$(pwd)
e2e=$top/tests/e2e

# fail MESSAGE: one failed test in the form tests/run.sh counts.
fail () {
	echo "not ok 1 - $1"
	echo "# pass 0"
	echo "# fail 1"
	exit 1
}

case ${TRELLIS_BIN:-} in
"") trellis=$top/trellis ;;
/*) trellis=$TRELLIS_BIN ;;
*) trellis=$top/$TRELLIS_BIN ;;
esac
test -x "$trellis" || fail "$trellis is not built (run make)"
chromium=${E2E_CHROMIUM:-/usr/bin/chromium}
test -x "$chromium" || fail "$chromium is missing (run make deps)"
command -v node >/dev/null 2>&1 || fail "node is missing (run make deps)"

# npm ci writes node_modules/.package-lock.json: reinstall when it is missing
# or older than the committed lock.
if ! test -f "$e2e/node_modules/.package-lock.json" ||
	test "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json"; then
	echo "# npm ci --prefix tests/e2e"
	npm ci --prefix "$e2e" --no-audit --no-fund --loglevel=error >&2 ||
		fail "npm ci --prefix tests/e2e failed"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/trellis-e2e.XXXXXX") || exit 1
pid=""
stop () {
	test -n "$pid" || return 0
	kill -TERM "$pid" 2>/dev/null
	i=0
	while kill -0 "$pid" 2>/dev/null && test $i -lt 100; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -KILL "$pid" 2>/dev/null
	pid=""
}
trap 'stop; rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

db=$tmp/demo.db
"$trellis" --db "$db" demo >"$tmp/demo.out" 2>&1 || fail "trellis demo: $(cat "$tmp/demo.out")"
E2E_EMAIL=e2e-admin@example.org
E2E_PASSWORD=e2e-correct-horse-battery
printf '%s\n' "$E2E_PASSWORD" >"$tmp/password"
"$trellis" --db "$db" user add "$E2E_EMAIL" --role admin --password-file "$tmp/password" \
	>"$tmp/user.out" 2>&1 || fail "trellis user add: $(cat "$tmp/user.out")"
# The other roles, for the crawl (a member and a viewer of harlow-mills, an
# evaluator), with the same password: E2E_ROLE_EMAILS "role=email ...".
E2E_ROLE_EMAILS=""
for role in member viewer evaluator; do
	case $role in member|viewer) ini="--initiative harlow-mills" ;; *) ini="" ;; esac
	"$trellis" --db "$db" user add "e2e-$role@example.org" --role $role $ini \
		--password-file "$tmp/password" >"$tmp/user.out" 2>&1 ||
		fail "trellis user add $role: $(cat "$tmp/user.out")"
	E2E_ROLE_EMAILS="$E2E_ROLE_EMAILS $role=e2e-$role@example.org"
done

# start [SERVE OPTIONS...]: serves $db on a free loopback port; sets $url.
start () {
	: >"$tmp/serve.out"
	"$trellis" --db "$db" serve --listen 127.0.0.1:0 "$@" >"$tmp/serve.out" 2>>"$tmp/serve.log" &
	pid=$!
	url=""
	i=0
	while test $i -lt 300; do
		url=$(sed -n 's|^listening on \(http://[^ ]*\)/$|\1|p' "$tmp/serve.out")
		test -n "$url" && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	fail "the server did not start: $(cat "$tmp/serve.log")"
}

auth=${E2E_AUTH:-}
if test -z "$auth"; then
	start
	code=$(curl -s -o /dev/null -w '%{http_code}' "$url/login")
	stop
	auth=login
	test "$code" = 404 && auth=dev
fi
if test "$auth" = dev; then
	TRELLIS_DEV_ROLE=admin start --dev-insecure-role
else
	start --dev-cookie	# as make demo: plain HTTP on loopback (docs/web.md)
fi
echo "# server $url, auth $auth"

artifacts=$top/test-artifacts/browser
rm -rf "$artifacts"
mkdir -p "$artifacts"

if test $# = 0; then
	set -- "$e2e"/*.test.js
fi
E2E_URL=$url E2E_AUTH=$auth E2E_EMAIL=$E2E_EMAIL E2E_PASSWORD=$E2E_PASSWORD E2E_ROLE_EMAILS=$E2E_ROLE_EMAILS \
E2E_ARTIFACTS=$artifacts E2E_DB=$db E2E_TRELLIS=$trellis NODE_PATH=$e2e/node_modules \
	timeout -k 5 "${E2E_TIMEOUT:-1800}" node --test --test-reporter=tap "$@" >"$tmp/tap" 2>&1
rc=$?
cat "$tmp/tap"
if test "$rc" = 124 || test "$rc" = 137; then
	echo "not ok - the browser tests ran over ${E2E_TIMEOUT:-1800} s and were stopped"
	echo "# fail 1"
fi

# The server must still be up, and stop cleanly on SIGTERM (exit 0; under
# ASan a leak or an error report makes it non-zero).
if ! kill -0 "$pid" 2>/dev/null; then
	echo "not ok - the server died during the tests:"
	sed 's/^/#   /' "$tmp/serve.log" | tail -n 40
	echo "# fail 1"
	pid=""
	exit 1
fi
kill -TERM "$pid"
wait "$pid"
st=$?
pid=""
if test "$st" != 0; then
	echo "not ok - the server exited $st on SIGTERM:"
	grep -v '^[0-9-]*T[0-9:]*Z ' "$tmp/serve.log" | sed 's/^/#   /' | tail -n 40
	echo "# fail 1"
	exit 1
fi
cp "$tmp/serve.log" "$artifacts/serve.log"
exit "$rc"
