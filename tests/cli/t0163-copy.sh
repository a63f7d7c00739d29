#!/bin/sh
# trellis copy (docs/cli.md, docs/postgresql.md): programs copied between
# databases, SQLite -> SQLite, SQLite -> PostgreSQL and back, export the
# same bytes (JSON and CSV) as their source; the copy is all or nothing (a
# program the target holds refused, nothing written); bad arguments get a
# usage error. The PostgreSQL steps need the throwaway server (tests/pg.sh)
# and are skipped, saying why, only when it cannot start.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/pg.sh"

test_built GEN=bench/gen

# same_exports A B SLUG: program SLUG exports the same JSON and CSV from databases A and B
same_exports () {
	"$TRELLIS" --db "$1" export --program "$3" >a.json &&
	"$TRELLIS" --db "$2" export --program "$3" >b.json &&
	test -s a.json && test_cmp a.json b.json &&
	rm -rf a-csv b-csv &&
	"$TRELLIS" --db "$1" export --program "$3" --format csv --out a-csv >/dev/null &&
	"$TRELLIS" --db "$2" export --program "$3" --format csv --out b-csv >/dev/null &&
	diff -r a-csv b-csv
}

test_expect_success 'a source with two programs: the demo and a bench/gen one' '
	"$TRELLIS" --db src.db demo >/dev/null &&
	"$GEN" --scale 0.003 --seed 7 --format json --out gen.json &&
	"$TRELLIS" --db src.db import gen.json >/dev/null &&
	"$TRELLIS" --db src.db stats --program wcc-demo >/dev/null &&
	# the program sorts before wcc-demo: a copy to a target holding
	# wcc-demo writes it before being refused (all or nothing, below)
	echo national-bench >gen.slug &&
	grep -q "^ \"program\": {\"slug\": \"national-bench\"" gen.json &&
	"$TRELLIS" --db src.db export --program "$(cat gen.slug)" >/dev/null
'

test_expect_success 'copy SQLite -> SQLite: every program, the same exports' '
	"$TRELLIS" copy --from src.db --to all.db >out &&
	test_line_count out 2 &&
	test_grep "^Copied program wcc-demo (6 initiatives, [0-9]* records) from src.db to all.db$" out &&
	test_grep "^Copied program $(cat gen.slug) (" out &&
	same_exports src.db all.db wcc-demo &&
	same_exports src.db all.db "$(cat gen.slug)"
'

test_expect_success 'copy --program: that one program only' '
	"$TRELLIS" copy --from src.db --to one.db --program wcc-demo >out &&
	test_line_count out 1 &&
	same_exports src.db one.db wcc-demo &&
	test_expect_code 1 "$TRELLIS" --db one.db export --program "$(cat gen.slug)" 2>/dev/null
'

test_expect_success 'a program the target holds: refused, nothing written' '
	"$TRELLIS" --db one.db export --program wcc-demo >before.json &&
	cp one.db one-before.db &&
	test_expect_code 1 "$TRELLIS" copy --from src.db --to one.db 2>err &&
	test_grep "^trellis: one.db: a program .wcc-demo. already exists there; nothing copied$" err &&
	"$TRELLIS" --db one.db export --program wcc-demo >after.json &&
	test_cmp before.json after.json &&
	test_expect_code 1 "$TRELLIS" --db one.db export --program "$(cat gen.slug)" 2>/dev/null &&
	"$TRELLIS" --db one.db check
'

test_expect_success 'bad arguments: a usage error that says what is wrong' '
	test_expect_code 2 "$TRELLIS" copy --to x.db 2>err &&
	test_grep "copy: --from DB is required" err &&
	test_grep "usage: trellis copy --from DB --to DB" err &&
	test_expect_code 2 "$TRELLIS" copy --from src.db 2>err &&
	test_grep "copy: --to DB is required" err &&
	test_expect_code 2 "$TRELLIS" copy --from src.db --to src.db 2>err &&
	test_grep "copy: --from and --to name the same database .src.db." err &&
	test_expect_code 2 "$TRELLIS" copy --from src.db --to x.db extra 2>err &&
	test_grep "unexpected argument .extra." err &&
	test_expect_code 2 "$TRELLIS" copy --from src.db --to x.db --bogus 2>err &&
	test_expect_code 1 "$TRELLIS" copy --from missing.db --to x.db 2>err &&
	test_grep "missing.db: no database here" err &&
	test_expect_code 1 "$TRELLIS" copy --from src.db --to x.db --program nope 2>err &&
	test_grep "^trellis: src.db: no program .nope. there$" err &&
	! test -e x.db
'

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi

test_expect_success 'copy SQLite -> PostgreSQL: the same exports, JSON and CSV' '
	url=$(pg_createdb copy) && echo "$url" >pg.url &&
	"$TRELLIS" copy --from src.db --to "$url" >out &&
	test_line_count out 2 &&
	same_exports src.db "$url" wcc-demo &&
	same_exports src.db "$url" "$(cat gen.slug)"
'

test_expect_success 'copy PostgreSQL -> SQLite: the same exports again' '
	"$TRELLIS" copy --from "$(cat pg.url)" --to back.db >out &&
	test_line_count out 2 &&
	same_exports src.db back.db wcc-demo &&
	same_exports src.db back.db "$(cat gen.slug)"
'

test_expect_success 'PostgreSQL target: a refused copy writes nothing, even after another program' '
	url=$(pg_createdb half) &&
	"$TRELLIS" copy --from src.db --to "$url" --program wcc-demo >/dev/null &&
	"$TRELLIS" --db "$url" export --program wcc-demo >before.json &&
	test_expect_code 1 "$TRELLIS" copy --from src.db --to "$url" 2>err &&
	test_grep "already exists there; nothing copied" err &&
	"$TRELLIS" --db "$url" export --program wcc-demo >after.json &&
	test_cmp before.json after.json &&
	test_expect_code 1 "$TRELLIS" --db "$url" export --program "$(cat gen.slug)" 2>/dev/null &&
	test_expect_code 1 "$TRELLIS" copy --from src.db --to "$(cat pg.url)" 2>err &&
	same_exports src.db "$(cat pg.url)" wcc-demo
'

test_done
