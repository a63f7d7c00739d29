#!/bin/sh
# The P2 peer (bench/peer/report.py, PERFORMANCE.md): an independent pandas
# implementation of every DESIGN §3 figure (and network.*,
# survey.director_support) over the CSV set, must agree with `trellis report
# --all --format json` on every figure, score, alert (with its evidence) and
# strength: over the demo program's CSV export and over a small bench/gen
# program (3 initiatives), each at two as-of dates, and over
# tests/data/peer-edges.json, corner cases the generated data never meets:
# members who left on the window's first day or joined on its last, a co-lead
# who left, deciders, recipients, applicants and credited organizations
# outside the team, entries with no recipient (an outside vendor), a fiscal
# agent that is not the backbone, a grant ending on as-of, one 96% spent at
# its close, lines over, blank and formula-like contrary views, events with
# nobody expected, a responsibility without assignments, observations on one
# date, an open survey, ties outside the team, rated twice on one date or
# later withdrawn, a team of one and a team of none. bench/peer/compare.py
# does the comparing; it is checked first to see a difference when there is one.
. "$(dirname "$0")/lib.sh"

PY=${PYTHON:-/usr/bin/python3}
PEER=$TEST_TOP/bench/peer/report.py
COMPARE=$TEST_TOP/bench/peer/compare.py
GEN=$TEST_TOP/${BUILD:-build}/bench/gen
export PY PEER COMPARE GEN

test_expect_success 'python3-pandas and bench/gen are there (scripts/deps.sh, make test)' '
	"$PY" -c "import pandas" &&
	test -x "$GEN"
'

test_expect_success 'the demo program and its CSV export' '
	"$TRELLIS" --db demo.db demo >/dev/null &&
	"$TRELLIS" --db demo.db export --format csv --out demo >/dev/null &&
	test -f demo/ties.csv
'

test_expect_success 'compare.py agrees with itself and sees one figure changed' '
	"$TRELLIS" --db demo.db report --all --format json --as-of 2016-12-31 >a.json &&
	"$PY" "$COMPARE" a.json a.json >out &&
	test_grep "^figures: 240 agree, 0 differ$" out &&
	sed "s/\"funds.spent\":{\"value\":343141,/\"funds.spent\":{\"value\":343141.01,/" a.json >b.json &&
	! cmp -s a.json b.json &&
	test_expect_code 1 "$PY" "$COMPARE" a.json b.json >out &&
	test_grep "^figures: 239 agree, 1 differ$" out &&
	test_grep "harlow-mills funds.spent" out &&
	sed "s/\"evidence\":\[\"/\"evidence\":[\"x\",\"/" a.json >c.json &&
	! cmp -s a.json c.json &&
	test_expect_code 1 "$PY" "$COMPARE" a.json c.json >out &&
	test_grep "^figures: 240 agree, 0 differ$" out &&
	test_grep "alerts: [0-9]* agree, [1-9][0-9]* differ" out
'

# agree DB CSVDIR FIGURES OPTIONS...: trellis and the peer, same data, same
# options (--as-of, --months); FIGURES figures compared, all agreeing.
agree () {
	db=$1 dir=$2 nfig=$3
	shift 3
	"$TRELLIS" --db "$db" report --all --format json "$@" >trellis.json &&
	"$PY" "$PEER" "$dir" "$@" >peer.json &&
	"$PY" "$COMPARE" trellis.json peer.json >out
	rc=$?
	cat out
	test "$rc" = 0 && test_grep "^figures: $nfig agree, 0 differ$" out
}

test_expect_success 'the peer agrees with trellis on the demo, as of 2016-12-31' '
	agree demo.db demo 240 --as-of 2016-12-31
'

test_expect_success 'the peer agrees with trellis on the demo, as of 2015-06-30' '
	agree demo.db demo 240 --as-of 2015-06-30
'

test_expect_success 'a bench/gen program of 3 initiatives, imported' '
	"$GEN" --scale 0.003 --seed 1 --format csv --out gen &&
	"$TRELLIS" --db gen.db import gen/*.csv >/dev/null
'

test_expect_success 'the peer agrees with trellis on it, as of 2025-12-31' '
	agree gen.db gen 120 --as-of 2025-12-31
'

test_expect_success 'the peer agrees with trellis on it, as of 2024-06-30' '
	agree gen.db gen 120 --as-of 2024-06-30
'

test_expect_success 'the corner cases of tests/data/peer-edges.json, imported' '
	"$TRELLIS" --db edges.db import "$TEST_DATA/peer-edges.json" >/dev/null &&
	"$TRELLIS" --db edges.db export --format csv --out edges >/dev/null
'

test_expect_success 'the peer agrees with trellis on them, as of 2016-06-30' '
	agree edges.db edges 120 --as-of 2016-06-30
'

test_expect_success 'the peer agrees with trellis on them, 3 months to 2016-01-31' '
	agree edges.db edges 120 --as-of 2016-01-31 --months 3
'

test_expect_success 'the peer refuses bad arguments' '
	test_expect_code 2 "$PY" "$PEER" demo --as-of 2016-02-30 &&
	test_expect_code 2 "$PY" "$PEER" demo --set no.such=1 &&
	test_expect_code 2 "$PY" "$PEER" nowhere
'

test_done
