#!/bin/sh
# trellis with no command, an unknown command or option: usage, exit 2;
# --help on trellis and on every command: exit 0 with the usage on stdout.
. "$(dirname "$0")/lib.sh"

test_expect_success 'no command: usage on stderr, exit 2' '
	test_expect_code 2 "$TRELLIS" >out 2>err &&
	test_line_count out 0 &&
	test_grep "^usage: trellis" err
'

test_expect_success 'trellis --help: usage and every command on stdout, exit 0' '
	"$TRELLIS" --help >out 2>err &&
	test_line_count err 0 &&
	test_grep "^usage: trellis" out &&
	for c in init import export demo stats check backup; do
		test_grep "^  $c  *[a-z]" out || return 1
	done
'

test_expect_success 'trellis help is trellis --help' '
	"$TRELLIS" help >out &&
	"$TRELLIS" --help >expect &&
	test_cmp expect out
'

test_expect_success 'unknown command: exit 2, named on stderr' '
	test_expect_code 2 "$TRELLIS" frobnicate >out 2>err &&
	test_grep "frobnicate.*not a trellis command" err
'

test_expect_success 'unknown global option: exit 2' '
	test_expect_code 2 "$TRELLIS" --frob init 2>err &&
	test_grep "unknown option" err
'

test_expect_success '--db without a value: exit 2' '
	test_expect_code 2 "$TRELLIS" --db 2>err &&
	test_grep "needs a value" err
'

for cmd in init import export demo stats check backup; do
	test_expect_success "$cmd --help: usage on stdout, exit 0, no database made" "
		\"\$TRELLIS\" $cmd --help >out 2>err &&
		test_line_count err 0 &&
		test_grep '^usage: trellis $cmd' out &&
		test_grep '^exit status: 0 success, 1 failure, 2 usage error' out &&
		test_grep '--db PATH' out &&
		! test -e trellis.db
	"
	test_expect_success "$cmd with an unknown option: exit 2, usage on stderr" "
		test_expect_code 2 \"\$TRELLIS\" $cmd --no-such-option >out 2>err &&
		test_grep \"unknown option '--no-such-option'\" err &&
		test_grep '^usage: trellis $cmd' err &&
		! test -e trellis.db
	"
done

test_expect_success 'import without a file: exit 2' '
	test_expect_code 2 "$TRELLIS" import 2>err &&
	test_grep "no file to import" err
'

test_expect_success 'backup without a destination: exit 2' '
	test_expect_code 2 "$TRELLIS" backup 2>err &&
	test_grep "DEST is missing" err
'

test_expect_success 'export --format xml: exit 2' '
	test_expect_code 2 "$TRELLIS" export --format xml 2>err &&
	test_grep "unknown format" err
'

test_expect_success 'export --format csv without --out: exit 2' '
	test_expect_code 2 "$TRELLIS" export --format csv 2>err &&
	test_grep "needs --out" err
'

test_expect_success 'demo --seed that is not a number: exit 2' '
	test_expect_code 2 "$TRELLIS" demo --seed abc 2>err &&
	test_grep "seed" err &&
	! test -e trellis.db
'

test_expect_success 'import of a file that is neither JSON nor a known CSV: exit 2' '
	echo x >notes.txt &&
	test_expect_code 2 "$TRELLIS" import notes.txt 2>err &&
	test_grep "notes.txt: not a trellis/1 file" err
'

test_done
