#!/bin/sh
# Accounts per program (migration 14) on PostgreSQL: the same `trellis
# user add --program` as t0091 on SQLite — a new admin of one program, the
# same account a member in another, a role replaced in place (the upsert
# of account_role), a refusal — and `user list` prints the same lines on
# both backends.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/pg.sh"

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi

# roles DB: the accounts' roles in DB, as user list prints them, without the times
roles () {
	"$TRELLIS" --db "$1" user list | sed 's/ [0-9]\{4\}-[0-9-]* [0-9:]* / TIME /'
}

test_expect_success 'setup: two programs on each backend' '
	url=$(pg_createdb roles) && echo "$url" >pg.url &&
	"$TEST_TOP/${BUILD:-build}/bench/gen" --scale 0.001 --format json --out gen.json &&
	printf "a long password 1\n" >pw &&
	for db in two.db "$url"; do
		"$TRELLIS" --db "$db" demo >/dev/null &&
		"$TRELLIS" --db "$db" import gen.json >/dev/null || return 1
	done
'

test_expect_success 'the same roles per program on both' '
	bi=$(sqlite3 two.db "SELECT i.slug FROM initiative i JOIN program p ON p.id = i.program_id
		WHERE p.slug = '"'"'national-bench'"'"'") &&
	for db in two.db "$(cat pg.url)"; do
		"$TRELLIS" --db "$db" --program wcc-demo user add boss@x.org --role admin \
			--password-file pw >/dev/null &&
		"$TRELLIS" --db "$db" --program national-bench user add boss@x.org --role member \
			--initiative "$bi" >/dev/null &&
		"$TRELLIS" --db "$db" --program national-bench user add boss@x.org \
			--role viewer --initiative "$bi" >/dev/null &&
		test_expect_code 1 "$TRELLIS" --db "$db" --program national-bench user add boss@x.org \
			--role viewer --initiative harlow-mills 2>err &&
		test_grep "program national-bench has no initiative .harlow-mills." err || return 1
	done &&
	roles two.db >sqlite.txt &&
	roles "$(cat pg.url)" >pg.txt &&
	test_cmp sqlite.txt pg.txt &&
	grep -q "^boss@x.org  *viewer  *national-bench/$bi " pg.txt &&
	grep -q "^boss@x.org  *admin  *wcc-demo " pg.txt
'

test_done
