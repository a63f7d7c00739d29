#!/bin/sh
# `trellis serve` on PostgreSQL (docs/postgresql.md): the pages and the API
# give the same bytes as on SQLite, and RELIABILITY R5's whole matrix
# (tests/http/t0500-authz-matrix.sh: sign-in, sessions, tokens, every
# route × role, the writes of POST, PUT, PATCH and DELETE) passes with the
# server on a PostgreSQL database (HTTP_DB). The PostgreSQL server is a
# throwaway one (tests/pg.sh); skipped, saying why, only when it cannot start.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/pg.sh"

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi

PAGES="/ /i/harlow-mills /i/port-ashby /api/v1/initiatives /api/v1/initiatives/harlow-mills/report
/i/harlow-mills/export?format=json /export?format=json /i/harlow-mills/export?format=csv&kind=decisions"

# serve_pages DB DIR: the demo in DB served as admin; each page's body into DIR.
serve_pages () {
	HTTP_DB=$1
	http_demo_db &&
	TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role &&
	mkdir "$2" &&
	n=0 &&
	for p in $PAGES; do
		n=$((n + 1))
		code=$(curl -s -o "$2/$n" -w "%{http_code}" "$URL$p") &&
		echo "$p $code" >>"$2/codes" || return 1
	done
	http_kill
}

test_expect_success 'pages and the API: the same bytes from SQLite and PostgreSQL' '
	serve_pages "$TEST_DIR/demo.db" sqlite &&
	serve_pages "$(pg_createdb pages)" pg &&
	! grep -v " 200$" sqlite/codes &&
	diff -r sqlite pg
'

test_expect_success 'R5: the authorization matrix with the server on PostgreSQL' '
	url=$(pg_createdb matrix) &&
	HTTP_DB=$url sh "$TEST_TOP/tests/http/t0500-authz-matrix.sh" >out 2>&1 ||
	{ cat out; false; } &&
	cat out &&
	test_grep "^R5: [0-9]* rows, [0-9]* cells checked, 0 mismatches, 0 leaks" out &&
	test_grep "^# passed [1-9][0-9]* failed 0" out
'

test_done
