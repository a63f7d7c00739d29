#!/bin/sh
# Programs added, renamed and removed while the server runs, on PostgreSQL
# (docs/web.md, "Programs added or gone while the server runs"): a second
# program copied in by `trellis copy` (from a SQLite file) into the
# database a running server serves answers under /p/{program}/ and the API
# on the next request, the plain addresses then leading on as with two
# programs; one renamed or removed is no longer served. The cases are in
# programs-live.sh; the PostgreSQL server is a throwaway one (tests/pg.sh),
# skipped, saying why, only when it cannot start.
. "$(dirname "$0")/t02-accounts.sh"
. "$TEST_TOP/tests/pg.sh"

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi
trap 'http_kill; pg_stop; rm -rf "$TEST_DIR"' EXIT

HTTP_DB=$(pg_createdb live) || { echo "not ok - cannot create the database"; exit 1; }
q () {
	pg_sql "$HTTP_DB" "$1"
}
add_program () {
	rm -f "$TEST_DIR/gen.db" &&
	"$TEST_TOP/${BUILD:-build}/bench/gen" --scale 0.001 --format json --out "$TEST_DIR/gen.json" &&
	"$TRELLIS" --db "$TEST_DIR/gen.db" import "$TEST_DIR/gen.json" >/dev/null &&
	"$TRELLIS" copy --from "$TEST_DIR/gen.db" --to "$HTTP_DB" >/dev/null
}
. "$TEST_TOP/tests/http/programs-live.sh"

test_done
