#!/bin/sh
# trellis check and trellis backup.
. "$(dirname "$0")/lib.sh"
test_sqlite_only "trellis backup is SQLite's online backup (PostgreSQL: pg_dump); check's damage is a damaged file"

test_expect_success 'check on a database with a program: ok' '
	"$TRELLIS" --db live.db import "$TEST_DATA/small.json" &&
	"$TRELLIS" --db live.db check >out 2>err &&
	test_line_count err 0 &&
	test_grep "live.db: ok" out
'

test_expect_success 'backup, then check the copy: ok, and the same export' '
	"$TRELLIS" --db live.db backup copy.db >out 2>err &&
	test_line_count err 0 &&
	test_grep "Backed up live.db to copy.db" out &&
	"$TRELLIS" --db copy.db check >out &&
	test_grep "copy.db: ok" out &&
	"$TRELLIS" --db live.db export >live.json &&
	"$TRELLIS" --db copy.db export >copy.json &&
	test_cmp live.json copy.json &&
	test_cmp "$TEST_DATA/small.json" copy.json
'

test_expect_success 'backup never overwrites a file' '
	cp copy.db copy-before.db &&
	test_expect_code 1 "$TRELLIS" --db live.db backup copy.db 2>err &&
	test_line_count err 1 &&
	test_grep "already exists" err &&
	test_cmp copy-before.db copy.db
'

test_expect_success 'backup into a directory that does not exist: exit 1, one line' '
	test_expect_code 1 "$TRELLIS" --db live.db backup no/such/dir/copy.db 2>err &&
	test_line_count err 1 &&
	! test -e no
'

test_expect_success 'check finds a damaged database' '
	cp live.db damaged.db &&
	size=$(wc -c <damaged.db) &&
	dd if=/dev/urandom of=damaged.db bs=1 seek=$((size / 2)) count=4096 conv=notrunc 2>/dev/null &&
	test_expect_code 1 "$TRELLIS" --db damaged.db check >out 2>err &&
	test -s err
'

test_expect_success 'the demo database checks clean and backs up' '
	"$TRELLIS" --db demo.db demo &&
	"$TRELLIS" --db demo.db check &&
	"$TRELLIS" --db demo.db backup demo-copy.db &&
	"$TRELLIS" --db demo.db export >a.json &&
	"$TRELLIS" --db demo-copy.db export >b.json &&
	test_cmp a.json b.json
'

test_done
