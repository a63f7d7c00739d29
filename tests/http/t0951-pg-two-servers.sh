#!/bin/sh
# Two `trellis serve` processes on one PostgreSQL database (issue 14, item
# 2; docs/postgresql.md, "Several servers"): a write through A (a form, the
# API) shows on the next request to B, page and API; B hears each write as
# it commits (LISTEN/NOTIFY) and drops the changed initiative's copy before
# any request asks; a session made on A works on B, and a sign-out or an
# account disabled on A is refused on B at once; an API token likewise;
# the sign-in throttle counts failures through A and B together. The
# PostgreSQL server is a throwaway one (tests/pg.sh); skipped, saying why,
# only when it cannot start.
. "$(dirname "$0")/t02-accounts.sh"
. "$TEST_TOP/tests/pg.sh"

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi

A_PID=""
B_PID=""
trap 'for p in $A_PID $B_PID; do kill -TERM $p 2>/dev/null; done;
	for p in $A_PID $B_PID; do wait $p 2>/dev/null; done;
	pg_stop; rm -rf "$TEST_DIR"' EXIT

HTTP_DB=$(pg_createdb multi) || { echo "not ok - cannot create the database"; exit 1; }
accounts_setup
"$TRELLIS" --db "$HTTP_DB" token add --user member@x.org >member.tok 2>/dev/null ||
	{ echo "not ok - cannot make a token"; exit 1; }

# serve NAME: starts a server on the database; its address in NAME.url,
# its log in NAME.log, its PID in $pid (a child of this shell, to wait for).
serve () {
	"$TRELLIS" --db "$HTTP_DB" serve --listen 127.0.0.1:0 --dev-cookie \
		>"$1.out" 2>"$1.log" &
	pid=$!
	i=0
	while test $i -lt 300; do
		sed -n 's|^listening on \(http://[^ ]*\)/$|\1|p' "$1.out" >"$1.url"
		test -s "$1.url" && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	test -s "$1.url" || { echo "not ok - server $1 did not start:" >&2; cat "$1.log" >&2; exit 1; }
}
serve a
A_PID=$pid
serve b
B_PID=$pid
A=$(cat a.url)
B=$(cat b.url)

I=/i/harlow-mills
H=/api/v1/initiatives/harlow-mills

# psql_value SQL: one value read from the database.
psql_value () {
	psql -X -q -t -A -h "$PG_DIR" -p "$PG_PORT" -U trellis -d multi -c "$1"
}

# heard SERVER VERSION: waits (at most 10 s) for SERVER's listener to log that
# harlow-mills changed at data version VERSION.
heard () {
	i=0
	while test $i -lt 100; do
		grep -q "initiative harlow-mills changed (data version $2): its copy dropped" "$1.log" &&
			return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "heard: $1 did not hear harlow-mills change at version $2:"
	cat "$1.log"
	return 1
}

test_expect_success 'a session made on A works on B' '
	URL=$A &&
	test "$(sign_in member@x.org jm)" = 303 &&
	URL=$B &&
	test_status 200 $I/decisions -b jm &&
	test_grep "member@x.org" .body &&
	! grep -q "Decided across two servers" .body
'

test_expect_success 'a form write through A shows on the next GET through B: page and API' '
	URL=$A &&
	csrf=$(csrf_of jm $I/decisions/new) &&
	test -n "$csrf" &&
	test_status 303 $I/decisions -b jm --data-urlencode "csrf=$csrf" \
	    -d id=d-951 --data-urlencode "title=Decided across two servers" \
	    -d category=personnel -d proposed=2016-06-01 -d decided=2016-06-10 \
	    -d decider=harlow-neighborhood-builders &&
	URL=$B &&
	test_status 200 $I/decisions -b jm &&
	test_grep "Decided across two servers" .body &&
	test_status 200 $H/decisions/d-951 -H "Authorization: Bearer $(cat member.tok)" &&
	test_grep "\"title\": \"Decided across two servers\"" .body
'

test_expect_success 'an API write through A: B hears it and drops its copy before any request' '
	URL=$A &&
	test_status 200 $H/decisions/d-951 -X PATCH -H "Authorization: Bearer $(cat member.tok)" \
	    -H "Content-Type: application/json" --data "{\"title\": \"Patched through A\"}" &&
	v=$(psql_value "SELECT v FROM initiative_version iv JOIN initiative i ON i.id = iv.initiative_id WHERE i.slug = '"'"'harlow-mills'"'"'") &&
	test -n "$v" &&
	heard b "$v" &&
	URL=$B &&
	test_status 200 $H/decisions/d-951 -H "Authorization: Bearer $(cat member.tok)" &&
	test_grep "\"title\": \"Patched through A\"" .body &&
	test_status 200 $I/decisions/d-951 -b jm &&
	test_grep "Patched through A" .body
'

test_expect_success 'a change to the catalog by another process: B drops its initiative copies' '
	URL=$B &&
	test_status 200 $I -b jm &&
	"$TRELLIS" --db "$HTTP_DB" settings shared_leadership.shared_share 0.95 >/dev/null &&
	i=0 &&
	while ! grep -q "the catalog changed (data version [0-9]*): [1-9][0-9]* initiative cop[a-z]* dropped" b.log &&
	    test $i -lt 100; do sleep 0.1; i=$((i + 1)); done &&
	test_grep "the catalog changed" b.log
'

test_expect_success 'the listening connection cut: a write still shows on B; B listens again' '
	n=$(psql_value "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query = '"'"'LISTEN trellis_changes'"'"'") &&
	test "$n" = 2 &&
	i=0 &&
	while ! grep -q "lost the connection that listens for changes" b.log && test $i -lt 100; do
		sleep 0.1; i=$((i + 1)); done &&
	test_grep "lost the connection that listens for changes: .*; opening it again (each request still checks the data.s version)" b.log &&
	URL=$A &&
	test_status 200 $H/decisions/d-951 -X PATCH -H "Authorization: Bearer $(cat member.tok)" \
	    -H "Content-Type: application/json" --data "{\"title\": \"Patched while B was deaf\"}" &&
	URL=$B &&
	test_status 200 $I/decisions/d-951 -b jm &&
	test_grep "Patched while B was deaf" .body &&
	i=0 &&
	while ! grep -q "listening for other servers. changes again" b.log && test $i -lt 100; do
		sleep 0.1; i=$((i + 1)); done &&
	test_grep "listening for other servers. changes again" b.log &&
	test_status 200 $H/decisions/d-951 -X PATCH -H "Authorization: Bearer $(cat member.tok)" \
	    -H "Content-Type: application/json" --data "{\"title\": \"Patched through B\"}" &&
	URL=$A &&
	test_status 200 $I/decisions/d-951 -b jm &&
	test_grep "Patched through B" .body
'

test_expect_success 'an API token works on A and B; removed, it is refused on B at once' '
	URL=$B &&
	test_status 200 $H/decisions -H "Authorization: Bearer $(cat member.tok)" &&
	URL=$A &&
	test_status 200 $H/decisions -H "Authorization: Bearer $(cat member.tok)" &&
	id=$("$TRELLIS" --db "$HTTP_DB" token list | awk "/member@x.org/ { print \$1; exit }") &&
	test -n "$id" &&
	"$TRELLIS" --db "$HTTP_DB" token remove "$id" >/dev/null &&
	URL=$B &&
	test_status 401 $H/decisions -H "Authorization: Bearer $(cat member.tok)"
'

test_expect_success 'signing out on A: B refuses that cookie at once' '
	URL=$B &&
	test_status 200 $I -b jm &&
	test_status 200 $I -b jm &&
	URL=$A &&
	csrf=$(csrf_of jm $I/decisions/new) &&
	test_status 303 /logout -b jm --data-urlencode "csrf=$csrf" &&
	URL=$B &&
	test_status 303 $I -b jm &&
	test_grep "^Location: /login" .head
'

test_expect_success 'an account disabled on A: its session is refused on B at once' '
	URL=$A &&
	test "$(sign_in admin@x.org ja)" = 303 &&
	test "$(sign_in viewer@x.org jv)" = 303 &&
	URL=$B &&
	test_status 200 $I -b jv &&
	test_status 200 $I -b jv &&
	URL=$A &&
	csrf=$(csrf_of ja /admin/users) &&
	test_status 303 /admin/users -b ja --data-urlencode "csrf=$csrf" \
	    -d action=disable -d email=viewer@x.org &&
	URL=$B &&
	test_status 303 $I -b jv &&
	test_grep "^Location: /login" .head
'

test_expect_success 'the sign-in throttle counts failures through A and B together' '
	URL=$A &&
	for i in 1 2 3; do
		test "$(sign_in other@x.org jo "wrong password $i!")" = 401 || exit 1
	done &&
	URL=$B &&
	for i in 4 5; do
		test "$(sign_in other@x.org jo "wrong password $i!")" = 401 || exit 1
	done &&
	test "$(sign_in other@x.org jo)" = 429 &&
	URL=$A &&
	test "$(sign_in other@x.org jo)" = 429
'

# (stopped here, not in a test: a test runs in a subshell, which cannot wait for them)
kill -TERM $A_PID $B_PID
wait $A_PID
echo $? >a.status
wait $B_PID
echo $? >b.status
A_PID=""
B_PID=""
test_expect_success 'both servers stop cleanly on SIGTERM, the listener with them' '
	test "$(cat a.status)" = 0 && test "$(cat b.status)" = 0 &&
	! grep -E "Sanitizer|runtime error" a.log b.log
'

test_done
