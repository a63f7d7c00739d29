#!/bin/sh
# The same commands on SQLite and on PostgreSQL give the same bytes
# (docs/postgresql.md): demo, export (JSON and CSV), report, imports of
# JSON and CSV (all or nothing), accounts and tokens. PostgreSQL is a
# throwaway server (tests/pg.sh); skipped, saying why, only when it cannot
# start.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/pg.sh"

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi

test_expect_success 'demo, then export: the same bytes on both backends' '
	url=$(pg_createdb demo) && echo "$url" >demo.url &&
	"$TRELLIS" --db "$url" demo >out &&
	test_grep "Created the demo program wcc-demo (6 initiatives) in postgresql://" out &&
	"$TRELLIS" --db demo.db demo >/dev/null &&
	"$TRELLIS" --db demo.db export >sqlite.json &&
	"$TRELLIS" --db "$url" export >pg.json &&
	test -s sqlite.json &&
	test_cmp sqlite.json pg.json
'

test_expect_success 'TRELLIS_DB names the PostgreSQL database as --db does' '
	TRELLIS_DB=$(cat demo.url) "$TRELLIS" export >env.json &&
	test_cmp sqlite.json env.json
'

test_expect_success 'export as CSV: the same files' '
	"$TRELLIS" --db demo.db export --format csv --out sqlite-csv >/dev/null &&
	"$TRELLIS" --db "$(cat demo.url)" export --format csv --out pg-csv >/dev/null &&
	diff -r sqlite-csv pg-csv
'

test_expect_success 'report --all, text and JSON: the same bytes' '
	url=$(cat demo.url) &&
	"$TRELLIS" --db demo.db report --all >sqlite.txt &&
	"$TRELLIS" --db "$url" report --all >pg.txt &&
	test -s sqlite.txt && test_cmp sqlite.txt pg.txt &&
	"$TRELLIS" --db demo.db report --all --format json >sqlite-r.json &&
	"$TRELLIS" --db "$url" report --all --format json >pg-r.json &&
	test_cmp sqlite-r.json pg-r.json
'

test_expect_success 'import JSON, then CSV, into new databases: the same exports' '
	url=$(pg_createdb small) && echo "$url" >small.url &&
	"$TRELLIS" --db small.db import "$TEST_DATA/small.json" >/dev/null &&
	"$TRELLIS" --db "$url" import "$TEST_DATA/small.json" >out &&
	test_grep "Imported program" out &&
	"$TRELLIS" --db small.db export >sqlite.json &&
	"$TRELLIS" --db "$url" export >pg.json &&
	test_cmp sqlite.json pg.json &&
	"$TRELLIS" --db small.db export --format csv --out csv >/dev/null &&
	url2=$(pg_createdb fromcsv) &&
	"$TRELLIS" --db "$url2" import csv/*.csv >/dev/null &&
	"$TRELLIS" --db "$url2" export >pg-csv.json &&
	test_cmp sqlite.json pg-csv.json
'

test_expect_success 'an import the database refuses leaves nothing behind, on both' '
	url=$(cat small.url) &&
	"$TRELLIS" --db small.db export >sqlite-before.json &&
	"$TRELLIS" --db "$url" export >pg-before.json &&
	test_expect_code 1 "$TRELLIS" --db small.db import "$TEST_DATA/small.json" 2>sqlite.err &&
	test_expect_code 1 "$TRELLIS" --db "$url" import "$TEST_DATA/small.json" 2>pg.err &&
	test_grep "already exists" pg.err &&
	# a second program whose initiative slug the database holds already:
	# refused by the store (slugs are unique in the whole database) after
	# the program and its organizations were written, so rolled back
	sed "2s/\"slug\": \"p1\"/\"slug\": \"p2\"/" "$TEST_DATA/small.json" >p2.json &&
	test_expect_code 1 "$TRELLIS" --db small.db import p2.json 2>sqlite.err &&
	test_expect_code 1 "$TRELLIS" --db "$url" import p2.json 2>pg.err &&
	cat sqlite.err pg.err &&
	test_grep "i1" pg.err &&
	"$TRELLIS" --db small.db export --program p1 >sqlite-after.json &&
	"$TRELLIS" --db "$url" export --program p1 >pg-after.json &&
	test_expect_code 1 "$TRELLIS" --db "$url" export --program p2 &&
	test_cmp sqlite-before.json sqlite-after.json &&
	test_cmp pg-before.json pg-after.json
'

test_expect_success 'accounts on PostgreSQL: add, a duplicate refused, list' '
	url=$(cat demo.url) &&
	printf "a long password 1\n" >pw &&
	"$TRELLIS" --db "$url" user add Ada@Example.ORG --role admin --password-file pw &&
	"$TRELLIS" --db "$url" user add m@example.org --role member --initiative harlow-mills --password-file pw &&
	test_expect_code 1 "$TRELLIS" --db "$url" user add ADA@example.org --role admin --password-file pw 2>err &&
	test_grep "exists already" err &&
	"$TRELLIS" --db "$url" user list >out &&
	test_line_count out 3 &&
	sed -n 2p out | grep -q "^ada@example.org  *admin  " &&
	sed -n 3p out | grep -q "^m@example.org  *member  *harlow-mills  "
'

test_expect_success 'tokens on PostgreSQL: add, list without the secret, remove' '
	url=$(cat demo.url) &&
	"$TRELLIS" --db "$url" token add --user ada@example.org --name ci >tok 2>/dev/null &&
	grep -q "^[A-Za-z0-9_-]\{43\}$" tok &&
	"$TRELLIS" --db "$url" token list >out &&
	test_line_count out 2 &&
	sed -n 2p out | grep -q "^1  *ada@example.org  *ci  " &&
	! grep -q -F "$(cat tok)" out &&
	"$TRELLIS" --db "$url" token list --user m@example.org >out &&
	test_line_count out 1 &&
	"$TRELLIS" --db "$url" token remove 1 >out &&
	test_grep "Removed token 1" out &&
	test_expect_code 1 "$TRELLIS" --db "$url" token remove 1
'

test_expect_success 'mail on PostgreSQL: its key in TRELLIS_MAIL_KEY; invitations queued sealed' '
	url=$(cat demo.url) &&
	"$TRELLIS" --db "$url" survey open --initiative harlow-mills --instrument balance \
		--id mail-1 --date 2016-11-01 >/dev/null &&
	test_expect_code 1 "$TRELLIS" --db "$url" survey invite --initiative harlow-mills \
		--survey mail-1 --all --email --url http://127.0.0.1:9 2>err &&
	test_grep "set TRELLIS_MAIL_KEY" err &&
	TRELLIS_MAIL_KEY=$PWD/mail.key "$TRELLIS" --db "$url" survey invite --initiative harlow-mills \
		--survey mail-1 --all --email --url http://127.0.0.1:9 >out 2>err &&
	test_grep "queued to be mailed" err &&
	test -f mail.key &&
	n=$(psql -X -At -h "$PG_DIR" -p "$PG_PORT" -U trellis -d demo \
		-c "SELECT count(*) FROM mail_outbox WHERE kind = '"'"'survey-invitation'"'"'") &&
	test "$n" -gt 3 &&
	test_line_count out "$n" &&
	! grep -q "/s/" out
'

test_expect_success 'check: ok on the demo; a dangling foreign key found, named; backup is SQLite'"'"'s' '
	url=$(cat demo.url) &&
	"$TRELLIS" --db "$url" check >out &&
	test_grep "^postgresql://.*/demo: ok$" out &&
	url=$(pg_createdb broken) &&
	"$TRELLIS" --db "$url" demo >/dev/null 2>&1 &&
	psql -X -q -h "$PG_DIR" -p "$PG_PORT" -U trellis -d broken -c "SET session_replication_role = replica; DELETE FROM person WHERE id = (SELECT min(id) FROM person)" &&
	test_expect_code 1 "$TRELLIS" --db "$url" check >out 2>err &&
	test_grep "^foreign key: [1-9][0-9]* .* rows* refers* to a missing person row (" out &&
	test_grep "the check found [1-9][0-9]* problems*" err &&
	test_expect_code 1 "$TRELLIS" --db "$url" backup b.db 2>err &&
	test_grep "pg_dump" err && ! test -f b.db
'

test_expect_success 'a password in the URL refused without showing it; an unreachable server: one clear line' '
	test_expect_code 1 "$TRELLIS" --db "postgresql://u:secretpw@127.0.0.1:$PG_PORT/demo" export 2>err &&
	test_grep "cannot open database postgresql://127.0.0.1:$PG_PORT/demo: a password in the URL is refused" err &&
	! grep -q secretpw err &&
	test_expect_code 1 "$TRELLIS" --db "postgresql://trellis@127.0.0.1:1/x" export 2>err &&
	test_line_count err 1 &&
	test_grep "^trellis: cannot open database postgresql://127.0.0.1:1/x: connection to server at .* failed: Connection refused" err
'

test_done
