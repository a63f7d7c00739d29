#!/bin/sh
# An import into a database it creates is written with SQLite's rollback
# journal instead of through the WAL (store_new_file, P1 in
# docs/benchmarks.md "P1 (ninth session)"), and stays all or nothing:
#  - killed (SIGKILL) after its pages have started to reach the database
#    file, it leaves a hot journal; the next open rolls it back to the
#    database the migrations made, with no program, and WAL mode;
#  - failing on its last line, the import leaves no database behind;
#  - a success leaves the database in WAL mode, as every other, and the
#    same program as an import into a database made by `trellis init`;
#  - into a database that already existed it goes through the WAL as before;
#  - the database, killed or imported, has every index the migrations make.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "SQLite's journal modes"

test_built GEN=bench/gen

test_expect_success 'setup: a bench/gen CSV set of 100 initiatives' '
	"$GEN" --scale 0.1 --seed 1 --format csv --out csv &&
	test "$(sed 1d csv/initiatives.csv | wc -l)" -eq 100
'

# The import holds 32 MiB of pages (store_bulk); this set's database is
# about 60 MiB, so pages reach the file well before the commit. Through the
# WAL (before store_new_file) the file would not grow before the commit.
test_expect_success 'killed mid-import, a new database has no program and WAL mode' '
	"$TRELLIS" --db k.db import csv/*.csv >out 2>&1 &
	pid=$! &&
	size=0 && n=0 &&
	while test "$size" -lt 8388608 && kill -0 $pid 2>/dev/null; do
		sleep 0.02
		size=$(stat -c %s k.db 2>/dev/null || echo 0)
		n=$((n + 1))
	done &&
	kill -9 $pid && ! wait $pid &&
	test "$size" -ge 8388608 &&
	test -s k.db-journal &&
	test ! -e k.db-wal &&
	"$TRELLIS" --db k.db check >check.out 2>&1 &&
	test "$(sqlite3 k.db "SELECT count(*) FROM program")" = 0 &&
	test "$(sqlite3 k.db "SELECT count(*) FROM initiative")" = 0 &&
	test "$(sqlite3 k.db "PRAGMA integrity_check")" = ok &&
	"$TRELLIS" --db i.db init >/dev/null &&
	q="SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name" &&
	sqlite3 i.db "$q" >i.schema && sqlite3 k.db "$q" >k.schema &&
	test_cmp i.schema k.schema &&
	test "$(sqlite3 k.db "PRAGMA journal_mode")" = wal &&
	test ! -e k.db-journal
'

test_expect_success 'the same file then imports, through the WAL' '
	"$TRELLIS" --db k.db import csv/*.csv >out &&
	test_grep "^Imported 378502 records" out &&
	test "$(sqlite3 k.db "SELECT count(*) FROM program")" = 1 &&
	test "$(sqlite3 k.db "PRAGMA journal_mode")" = wal
'

test_expect_success 'a new database imported is in WAL mode, no journal left' '
	"$GEN" --scale 0.02 --seed 1 --format csv --out small &&
	"$TRELLIS" --db n.db import small/*.csv >out &&
	test_grep "^Imported 75702 records" out &&
	test "$(sqlite3 n.db "PRAGMA journal_mode")" = wal &&
	test ! -e n.db-journal &&
	"$TRELLIS" --db n.db export >n.json &&
	"$TRELLIS" --db w.db init >/dev/null &&
	"$TRELLIS" --db w.db import small/*.csv >out &&
	"$TRELLIS" --db w.db export >w.json &&
	test_cmp w.json n.json
'

# Every index the migrations made is there after a new database's import,
# with the same SQL as after an import into a `trellis init` database
# (docs/benchmarks.md "P1 (tenth session)": an import that dropped the
# secondary indexes and built them again at its end was tried).
test_expect_success 'a new database imported has every index, as after init' '
	q="SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name" &&
	sqlite3 w.db "$q" >w.schema &&
	sqlite3 n.db "$q" >n.schema &&
	test_grep "^index|tie_initiative|tie|CREATE INDEX tie_initiative ON tie(initiative_id)\$" n.schema &&
	test "$(grep -c "^index|" n.schema)" -ge 22 &&
	test_cmp w.schema n.schema &&
	test "$(sqlite3 n.db "PRAGMA integrity_check")" = ok &&
	"$TRELLIS" --db n.db check >check.out 2>&1 &&
	test_grep ": ok\$" check.out
'

# The last line of the last file names an organization that does not exist.
test_expect_success 'a new database whose import fails on its last line is removed' '
	mkdir bad &&
	cp small/*.csv bad/ &&
	sed "\$s/^\([^,]*,[^,]*\),[^,]*,/\1,no-such-org,/" small/ties.csv >bad/ties.csv &&
	! cmp -s small/ties.csv bad/ties.csv &&
	test_expect_code 1 "$TRELLIS" --db b.db import bad/*.csv 2>err &&
	test_grep "ties.csv:$(wc -l <bad/ties.csv): from: " err &&
	test ! -e b.db && test ! -e b.db-journal && test ! -e b.db-wal
'

test_expect_success 'into a database that existed, the failed import leaves it as it was' '
	"$TRELLIS" --db e.db init >/dev/null &&
	sqlite3 e.db .dump >before.sql &&
	test_expect_code 1 "$TRELLIS" --db e.db import bad/*.csv 2>err &&
	test_grep "ties.csv:$(wc -l <bad/ties.csv): from: " err &&
	sqlite3 e.db .dump >after.sql &&
	test_cmp before.sql after.sql &&
	test "$(sqlite3 e.db "PRAGMA journal_mode")" = wal
'

test_done
