#!/bin/sh
# The PostgreSQL pass's mapping itself (tests/pgmap.sh, docs/testing.md):
# a database path given to trellis runs on a PostgreSQL database of its
# own, never on a SQLite file, so the pass cannot silently test SQLite. In
# the PostgreSQL pass it checks the mapping the other scripts get; in the
# first pass it starts a throwaway server (tests/pg.sh) and sets the same
# mapping up itself.
. "$(dirname "$0")/lib.sh"
if test -z "${TRELLIS_PG_PASS:-}"; then
	. "$TEST_TOP/tests/pg.sh"
	if ! pg_start; then
		echo "# skipped: no PostgreSQL: $PG_WHY"
		test_done
	fi
	mkdir -p "$TEST_DIR/.bin"
	ln -s "$TEST_TOP/tests/pgmap.sh" "$TEST_DIR/.bin/trellis-pg"
	ln -s "$TEST_TOP/tests/pgmap.sh" "$TEST_DIR/.bin/sqlite3"
	TRELLIS_PG_SQLITE3=$(command -v sqlite3 || echo /usr/bin/sqlite3)
	TRELLIS_PG_REAL=$TRELLIS
	TRELLIS=$TEST_DIR/.bin/trellis-pg
	PG_SOCK=$PG_DIR
	PATH=$TEST_DIR/.bin:$PATH
	TRELLIS_PG_PASS=1
	export TRELLIS TRELLIS_PG_REAL TRELLIS_PG_SQLITE3 PG_SOCK PG_PORT PATH TRELLIS_PG_PASS
fi

# dbname FILE: the database the marker FILE names (fails when it is none).
dbname () {
	sed -n 's/^trellis-pg-test-database \(t_[0-9a-f]*\)$/\1/p' "$1" | grep .
}
# onpg NAME SQL: SQL's result in database NAME, straight from the server.
onpg () {
	psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U trellis -d "$1" -c "$2"
}

test_expect_success 'init: the path is a marker; the schema is on the server' '
	"$TRELLIS" --db x.db init >out &&
	test_grep "^Created empty Trellis database x.db$" out &&
	! grep -q "SQLite format" x.db &&
	name=$(dbname x.db) &&
	test "$(onpg "$name" "SELECT count(*) FROM program")" = 0
'

test_expect_success 'import and export run on that database, messages name the path' '
	"$TRELLIS" --db x.db import "$TEST_DATA/small.json" >out &&
	test_grep "into x.db$" out &&
	test "$(onpg "$(dbname x.db)" "SELECT slug FROM program")" = p1 &&
	"$TRELLIS" --db x.db export >x.json &&
	test_cmp "$TEST_DATA/small.json" x.json
'

test_expect_success 'the default ./trellis.db and TRELLIS_DB are mapped too' '
	"$TRELLIS" demo >/dev/null &&
	test "$(onpg "$(dbname trellis.db)" "SELECT slug FROM program")" = wcc-demo &&
	TRELLIS_DB=x.db "$TRELLIS" stats >out &&
	test_grep "(p1)" out
'

test_expect_success 'copy: --from and --to each their own database' '
	"$TRELLIS" copy --from x.db --to y.db >/dev/null &&
	test "$(dbname x.db)" != "$(dbname y.db)" &&
	test "$(onpg "$(dbname y.db)" "SELECT slug FROM program")" = p1
'

test_expect_success 'sqlite3 on a marker asks the server' '
	test "$(sqlite3 y.db "SELECT count(*) FROM program")" = 1
'

test_expect_success 'test_db_target gives the URL a marker names' '
	test "$(test_db_target y.db)" = "postgresql://trellis@127.0.0.1:$PG_PORT/$(dbname y.db)" &&
	test "$(test_db_target none.db)" = none.db
'

test_expect_success 'a path with no file, for a command that reads: the same refusal' '
	test_expect_code 1 "$TRELLIS" --db none.db export 2>err &&
	test_grep "none.db: no database here" err &&
	! test -e none.db
'

test_expect_success 'a removed path is a new database; the old one is dropped first' '
	old=$(dbname x.db) && rm x.db &&
	"$TRELLIS" --db x.db init >out &&
	test_grep "^Created empty" out &&
	test "$(onpg "$(dbname x.db)" "SELECT count(*) FROM program")" = 0
'

# A script of the pass, in a tree of its own (lib.sh finds the top from $0).
mkdir -p fake/tests/cli
ln -s "$TEST_TOP/tests/cli/lib.sh" fake/tests/cli/lib.sh
ln -s "$TEST_TOP/tests/pgmap.sh" fake/tests/pgmap.sh
cat >fake/tests/cli/t9999-sub.sh <<'EOF'
. "$(dirname "$0")/lib.sh"
test_expect_success one '"$TRELLIS" --db s.db init && cat s.db >"$MARK"'
test_done
EOF

test_expect_success 'a script'"'"'s databases are dropped when it ends' '
	TRELLIS_PG_PASS=1 TRELLIS_BIN=$TRELLIS_PG_REAL MARK=$TEST_DIR/marker \
	    sh fake/tests/cli/t9999-sub.sh >out 2>&1 &&
	test_grep "^ok 1" out &&
	name=$(dbname marker) &&
	test "$(onpg postgres "SELECT count(*) FROM pg_database WHERE datname = '"'"'$name'"'"'")" = 0
'

test_done
	EOF
	TRELLIS_PG_PASS=1 TRELLIS_BIN=$TRELLIS_PG_REAL TEST_TOP=$TEST_TOP sh sub/t9999-sub.sh >out 2>&1 &&
	test_grep "^ok 1" out &&
	name=$(dbname sub/marker) &&
	test "$(onpg postgres "SELECT count(*) FROM pg_database WHERE datname = '"'"'$name'"'"'")" = 0
'

test_done
