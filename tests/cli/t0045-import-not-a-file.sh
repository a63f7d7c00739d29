#!/bin/sh
# R16: `trellis import` reads regular files only. A device (/dev/zero, here
# through a link named like a document), a FIFO (which would block until a
# writer came) and a directory are refused at once with a line naming the
# path, exit 1, the database unchanged; "-" reads a document from standard
# input. `timeout` only bounds a hang (the old code read /dev/zero up to its
# 2 GiB cap and waited on a FIFO for ever).
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	"$TRELLIS" --db t.db import "$TEST_DATA/small.json" >/dev/null &&
	cksum t.db >before
'

refused () {
	path=$1
	shift
	timeout 10 "$TRELLIS" --db t.db import "$@" >out 2>err
	code=$?
	test "$code" = 1 || { echo "exit $code, expected 1"; cat err; return 1; }
	test_line_count err 1 &&
	test_grep "^$path: cannot read: not a regular file" err &&
	cksum t.db >after && test_cmp before after &&
	cat err >>figure
}

test_expect_success '/dev/zero (through z.json) is refused at once' '
	ln -s /dev/zero z.json &&
	refused z.json z.json &&
	test_grep "(a device)" err
'

test_expect_success 'a FIFO is refused at once, with no writer (would block)' '
	mkfifo decisions.csv fifo.json &&
	refused decisions.csv decisions.csv &&
	test_grep "(a FIFO)" err &&
	refused fifo.json fifo.json
'

test_expect_success 'a directory where a file is expected' '
	mkdir d.json ledger.csv &&
	refused d.json d.json &&
	test_grep "(a directory)" err &&
	refused ledger.csv ledger.csv
'

test_expect_success '"-" reads a trellis/1 document from standard input' '
	"$TRELLIS" --db std.db import - <"$TEST_DATA/small.json" >out &&
	test_grep "Imported program p1" out &&
	"$TRELLIS" --db std.db export >std.json &&
	"$TRELLIS" --db t.db export >t.json &&
	test_cmp t.json std.json &&
	printf "{\"format\": \"trellis/1\", \"program\": 3}" |
	test_expect_code 1 "$TRELLIS" --db bad.db import - 2>err &&
	test_grep "^stdin:" err
'

test -f figure && sed "s/^/# R16: /" figure
test_done
