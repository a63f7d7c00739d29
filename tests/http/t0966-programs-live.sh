#!/bin/sh
# Programs added, renamed and removed while the server runs, on SQLite
# (docs/web.md, "Programs added or gone while the server runs"): a second
# program imported by `trellis import` into the database a running server
# serves answers under /p/{program}/ and the API on the next request, and
# the plain addresses then lead on as with two programs; one renamed or
# removed is no longer served. The cases are in programs-live.sh.
. "$(dirname "$0")/t02-accounts.sh"
test_sqlite_only "the same cases run on PostgreSQL in t0967 (its own server, trellis copy)"

q () {
	sqlite3 "$HTTP_DB" "PRAGMA foreign_keys = ON; $1"
}
add_program () {
	"$TEST_TOP/${BUILD:-build}/bench/gen" --scale 0.001 --format json --out "$TEST_DIR/gen.json" &&
	"$TRELLIS" --db "$HTTP_DB" import "$TEST_DIR/gen.json" >/dev/null
}
. "$TEST_TOP/tests/http/programs-live.sh"

test_done
