#!/bin/sh
# Progress of imports and exports: a line rewritten with \r on a terminal,
# nothing at all when stderr is a file or a pipe. TRELLIS_PROGRESS_DELAY=0
# shows it at once instead of after a second, so small files will do.
. "$(dirname "$0")/lib.sh"

if ! script -qec true /dev/null >/dev/null 2>&1; then
	echo "# skipped: no script(1) to give the command a terminal"
	test_done
fi

test_expect_success 'on a terminal: import shows its stages on one line' '
	TRELLIS_PROGRESS_DELAY=0 script -qec "\"$TRELLIS\" --db t.db import \"$TEST_DATA/small.json\"" typescript >/dev/null &&
	tr "\r" "\n" <typescript >lines &&
	test_grep "\[Kimport: reading .*small.json" lines &&
	test_grep "\[Kimport: validating" lines &&
	test_grep "\[Kimport: saving initiative 1 of 1" lines &&
	test_grep "\[KImported program p1" lines
'

test_expect_success 'on a terminal: export too' '
	TRELLIS_PROGRESS_DELAY=0 script -qec "\"$TRELLIS\" --db t.db export --format csv --out csv" typescript >/dev/null &&
	tr "\r" "\n" <typescript >lines &&
	test_grep "\[Kexport: loading" lines &&
	test_grep "\[Kexport: writing decisions.csv" lines
'

# Under valgrind even quick work takes more than a second.
test "${TRELLIS_VALGRIND:-}" = 1 ||
test_expect_success 'on a terminal, quick work shows nothing' '
	script -qec "\"$TRELLIS\" --db t.db export --out x.json" typescript >/dev/null &&
	! grep -q "export:" typescript
'

test_expect_success 'not on a terminal: no progress, whatever the delay' '
	TRELLIS_PROGRESS_DELAY=0 "$TRELLIS" --db u.db import "$TEST_DATA/small.json" >out 2>err &&
	test_line_count err 0 &&
	TRELLIS_PROGRESS_DELAY=0 "$TRELLIS" --db u.db export >x.json 2>err &&
	test_line_count err 0
'

test_done
