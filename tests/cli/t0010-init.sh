#!/bin/sh
# trellis init, and where the database is: --db, $TRELLIS_DB, ./trellis.db.
. "$(dirname "$0")/lib.sh"

test_expect_success 'init creates ./trellis.db by default' '
	"$TRELLIS" init >out 2>err &&
	test -s trellis.db &&
	test_line_count err 0 &&
	test_grep "Created empty Trellis database trellis.db" out
'

test_expect_success 'init again keeps the database and says so' '
	cp trellis.db before.db &&
	"$TRELLIS" init >out &&
	test_grep "Checked existing" out &&
	"$TRELLIS" check >out &&
	test_grep "ok" out
'

test_expect_success 'a fresh database holds no program' '
	test_expect_code 1 "$TRELLIS" export >out 2>err &&
	test_line_count out 0 &&
	test_line_count err 1 &&
	test_grep "holds no program" err
'

test_expect_success '--db PATH, before or after the command' '
	"$TRELLIS" --db a.db init &&
	"$TRELLIS" init --db b.db &&
	"$TRELLIS" init --db=c.db &&
	test -s a.db && test -s b.db && test -s c.db
'

test_expect_success '$TRELLIS_DB names the database; --db wins over it' '
	TRELLIS_DB=env.db "$TRELLIS" init &&
	test -s env.db &&
	TRELLIS_DB=env.db "$TRELLIS" --db flag.db init &&
	test -s flag.db
'

test_expect_success 'init where the database cannot be made: one line, exit 1' '
	echo "a file" >notadir &&
	test_expect_code 1 "$TRELLIS" --db notadir/x.db init >out 2>err &&
	test_line_count err 1 &&
	test_grep "notadir/x.db" err &&
	test_expect_code 1 "$TRELLIS" --db no/such/dir/x.db init 2>err &&
	test_line_count err 1 &&
	test_grep "no/such/dir/x.db" err
'

test_expect_success 'commands that read a database never create one' '
	for cmd in export stats check "backup copy.db"; do
		test_expect_code 1 "$TRELLIS" --db missing.db $cmd 2>err &&
		test_line_count err 1 &&
		test_grep "missing.db: no database here" err &&
		! test -e missing.db &&
		! test -e copy.db || return 1
	done
'

test_done
