#!/bin/sh
# Every web write is one write through app_write_run / app_txn_run
# (docs/postgresql.md, "Retry on serialization failure"): when PostgreSQL
# fails it with a serialization failure (40001) it is run again whole, and
# the answer is given only once it is committed. The conflict is forced by
# a fault point the test installs in the database from its own connection
# (pg_fault_install, tests/pg.sh): a trigger on the table the write inserts
# into (the audit log, or a survey's responses) raises 40001 for the next K
# inserts, counted by a sequence, so each run of the write counts.
#
# For a record form, an API write, a streamed CSV import, a settings
# change, an account and a survey answer:
# one conflict, then the write is stored once, with exactly one audit
# entry (none for an anonymous answer), after two runs; a conflict every
# time: 503 with Retry-After and a message after 4 runs, nothing stored.
# Skipped, saying why, only when the throwaway server cannot start.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/pg.sh"

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi
HTTP_DB=$(pg_createdb retry)
http_demo_db

sql () {
	pg_sql "$HTTP_DB" "$1"
}
conflicts () {
	pg_fault_arm "$HTTP_DB" "$1"
}
runs () {
	pg_fault_runs "$HTTP_DB"
}
audits () {
	sql "SELECT count(*) FROM audit_log"
}
pg_fault_install "$HTTP_DB" audit_log response ||
	{ echo "not ok 1 - cannot install the fault point"; exit 1; }

TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role
I=/i/harlow-mills

post () {
	curl -s -o .body -D .head.raw -w "%{http_code}" "$@"
	tr -d '\r' <.head.raw >.head
}

# busy: the answer after the last conflict
busy () {
	test "$1" = 503 &&
	test_grep "^Retry-After: 1$" .head &&
	test_grep "could not be saved: nothing was written. Try again in a moment." .body
}

test_expect_success 'a record form: one conflict, run again, stored once with one audit entry' '
	a=$(audits) &&
	conflicts 1 &&
	code=$(post -d id=d-980 --data-urlencode "title=Kept after a conflict" -d category=strategy \
	    -d proposed=2016-10-01 -d decided=2016-10-20 -d decider=team "$URL$I/decisions") &&
	test "$code" = 303 &&
	test "$(runs)" = 2 &&
	test "$(audits)" = $((a + 1)) &&
	test "$(sql "SELECT count(*) FROM decision WHERE ident = '"'"'d-980'"'"'")" = 1 &&
	test_status 200 $I/decisions/d-980 &&
	test_grep "Kept after a conflict" .body
'

test_expect_success 'a record form: a conflict every time, 503 after 4 runs, nothing stored' '
	a=$(audits) &&
	conflicts 100 &&
	code=$(post -d id=d-981 --data-urlencode "title=Never kept" -d category=strategy \
	    -d proposed=2016-10-01 -d decided=2016-10-20 -d decider=team "$URL$I/decisions") &&
	busy "$code" &&
	test "$(runs)" = 4 &&
	test "$(audits)" = "$a" &&
	test "$(sql "SELECT count(*) FROM decision WHERE ident = '"'"'d-981'"'"'")" = 0 &&
	test_status 404 $I/decisions/d-981 &&
	test_grep "busy with other changes (tried 4 times); nothing was written" serve.log
'

test_expect_success 'an API write: one conflict, 201 once, one audit entry' '
	a=$(audits) &&
	conflicts 1 &&
	code=$(post -X POST -H "Content-Type: application/json" \
	    --data "{\"id\": \"d-982\", \"title\": \"From the API\", \"category\": \"strategy\", \"proposed\": \"2016-10-02\", \"decided\": \"2016-10-21\", \"decider\": \"team\"}" \
	    "$URL/api/v1/initiatives/harlow-mills/decisions") &&
	test "$code" = 201 &&
	test_grep "\"id\": \"d-982\"" .body &&
	test "$(runs)" = 2 &&
	test "$(audits)" = $((a + 1)) &&
	test "$(sql "SELECT count(*) FROM decision WHERE ident = '"'"'d-982'"'"'")" = 1
'

test_expect_success 'an API write: a conflict every time, 503 with a JSON message' '
	a=$(audits) &&
	conflicts 100 &&
	code=$(post -X POST -H "Content-Type: application/json" \
	    --data "{\"id\": \"d-983\", \"title\": \"Never\", \"category\": \"strategy\", \"proposed\": \"2016-10-02\", \"decided\": \"2016-10-21\", \"decider\": \"team\"}" \
	    "$URL/api/v1/initiatives/harlow-mills/decisions") &&
	busy "$code" &&
	test_grep "^{\"status\": 503, \"message\": " .body &&
	test "$(runs)" = 4 &&
	test "$(audits)" = "$a" &&
	test "$(sql "SELECT count(*) FROM decision WHERE ident = '"'"'d-983'"'"'")" = 0
'

test_expect_success 'a CSV import (streamed): one conflict, the rows once, one audit entry' '
	printf "%s\n%s\n%s\n" \
	    "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views" \
	    "harlow-mills,d-990,Imported after a conflict,program,2016-02-01,2016-02-20,team,,," \
	    "harlow-mills,d-991,Imported with it,other,2016-02-03,2016-02-21,committee,,," \
	    >decisions.csv &&
	a=$(audits) &&
	conflicts 1 &&
	code=$(post -F file=@decisions.csv "$URL$I/import") &&
	test "$code" = 303 &&
	test_grep "^Location: /i/harlow-mills/import?imported=2$" .head &&
	test "$(runs)" = 2 &&
	test "$(audits)" = $((a + 1)) &&
	test "$(sql "SELECT count(*) FROM decision WHERE ident IN ('"'"'d-990'"'"', '"'"'d-991'"'"')")" = 2
'

test_expect_success 'a CSV import: a conflict every time, 503, no row' '
	mkdir again &&
	sed "s/d-99/d-96/" decisions.csv >again/decisions.csv &&
	a=$(audits) &&
	conflicts 100 &&
	code=$(post -F file=@again/decisions.csv "$URL$I/import") &&
	busy "$code" &&
	test "$(runs)" = 4 &&
	test "$(audits)" = "$a" &&
	test "$(sql "SELECT count(*) FROM decision WHERE ident IN ('"'"'d-960'"'"', '"'"'d-961'"'"')")" = 0
'

test_expect_success 'a settings change: one conflict, stored once with one audit entry' '
	a=$(audits) &&
	conflicts 1 &&
	code=$(post -d "capacity.staff=25" "$URL/program/settings") &&
	test "$code" = 303 &&
	test "$(runs)" = 2 &&
	test "$(audits)" = $((a + 1)) &&
	test "$(sql "SELECT value FROM setting WHERE name = '"'"'capacity.staff'"'"'")" = 25
'

test_expect_success 'a settings change: a conflict every time, 503, the setting as it was' '
	a=$(audits) &&
	conflicts 100 &&
	code=$(post -d "capacity.staff=30" "$URL/program/settings") &&
	busy "$code" &&
	test "$(runs)" = 4 &&
	test "$(audits)" = "$a" &&
	test "$(sql "SELECT value FROM setting WHERE name = '"'"'capacity.staff'"'"'")" = 25
'

test_expect_success 'an account added by an admin: one conflict, one account, one audit entry' '
	a=$(audits) &&
	conflicts 1 &&
	code=$(post -d action=add -d email=retry@example.org -d role=admin \
	    -d "password=a long password 1" "$URL/admin/users") &&
	test "$code" = 303 &&
	test "$(runs)" = 2 &&
	test "$(audits)" = $((a + 1)) &&
	test "$(sql "SELECT count(*) FROM users WHERE email = '"'"'retry@example.org'"'"'")" = 1
'

test_expect_success 'an account changed by an admin: a conflict every time, 503, unchanged' '
	a=$(audits) &&
	conflicts 100 &&
	code=$(post -d action=disable -d email=retry@example.org "$URL/admin/users") &&
	busy "$code" &&
	test "$(runs)" = 4 &&
	test "$(audits)" = "$a" &&
	test "$(sql "SELECT count(*) FROM users WHERE email = '"'"'retry@example.org'"'"' AND disabled IS NULL")" = 1
'

R=$I/surveys/rounds
answer () {
	curl -s -o .form "$URL$1" &&
	set -- "$1" $(grep -o "name=\"[a-z0-9_]*\" value=\"1\"" .form | sed "s/name=\"\([^\"]*\)\".*/\1/") &&
	link=$1 &&
	shift &&
	args="" &&
	for item in "$@"; do args="$args -d $item=4"; done &&
	post $args "$URL$link"
}

test_expect_success 'a survey answer: one conflict, one response, the link used' '
	conflicts 0 &&
	test_status 303 $R -d action=open -d instrument=director-support -d id=ds-retry \
	    -d opened=2017-03-01 &&
	test_status 200 $R -d action=invite -d survey=ds-retry -d person=carmen-brennan \
	    -d person=colm-pereira &&
	grep -o "<code>[^<]*/s/[A-Za-z0-9_-]\{43\}</code>" .body |
	    sed "s|<code>[^<]*\(/s/[^<]*\)</code>|\1|" >links &&
	test_line_count links 2 &&
	n=$(sql "SELECT count(*) FROM response") &&
	conflicts 1 &&
	code=$(answer "$(sed -n 1p links)") &&
	test "$code" = 303 &&
	test_grep "^Location: /s/thanks" .head &&
	test "$(runs)" = 2 &&
	test "$(sql "SELECT count(*) FROM response")" = $((n + 1)) &&
	test_status 410 "$(sed -n 1p links)"
'

test_expect_success 'a survey answer: a conflict every time, 503, the link still unused' '
	n=$(sql "SELECT count(*) FROM response") &&
	conflicts 100 &&
	code=$(answer "$(sed -n 2p links)") &&
	busy "$code" &&
	test "$(runs)" = 4 &&
	test "$(sql "SELECT count(*) FROM response")" = "$n" &&
	conflicts 0 &&
	test_status 200 "$(sed -n 2p links)"
'

test_done
