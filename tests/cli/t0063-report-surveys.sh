#!/bin/sh
# trellis report --format text: the SURVEYS block. On the demo, for the
# rounds closed in 2016, each item's and category's backbone and partners'
# mean (n), their gap and the partners' change since the 2015 round are the
# ones worked out here with awk from the exported answers (surveys.csv); no
# group of fewer than 3 answers is shown: the director's single answer
# never, nor everyone's mean, which with the backbone's and the partners'
# would give the director's away (DESIGN §4: everyone's is the one hidden,
# so the perception gap shows); every line fits an 80-column terminal (the
# dash, one character of three bytes, counted as one).
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: the demo, its answers as CSV, the report as text' '
	"$TRELLIS" --db demo.db demo >/dev/null &&
	"$TRELLIS" --db demo.db export --format csv --out csv &&
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of 2016-12-31 >report &&
	sed -n "/^SURVEYS\$/,/^FIGURES/p" report >surveys &&
	test -s surveys
'

test_expect_success 'the block sits between BALANCE and FIGURES, one table per instrument' '
	awk "/^BALANCE\$/ { b = NR } /^SURVEYS\$/ { s = NR } /^FIGURES/ { f = NR }
		END { exit !(b && s > b && f > s) }" report &&
	test_grep "^  Stepping up and stepping back: practices and pitfalls\$" surveys &&
	test_grep "^  Support for the initiative director\$" surveys &&
	tr "\n" " " <surveys | sed "s/  */ /g" >joined &&
	test "$(grep -o "1 survey, 3 from the backbone, 7 from partners; everyone.s mean is not shown, so that no smaller group.s answers can be worked out from it; change: the partners. since the round before\." joined | wc -l)" = 2 &&
	test "$(grep -c "MEAN   N BAND  *BACKBONE PARTNERS  GAP CHANGE\$" surveys)" = 2
'

# expected SURVEY BEFORE [CATEGORY]: one line per item of harlow-mills'
# survey SURVEY (and, with CATEGORY, a line for all its items under that
# name), as the text report should read, spaces squeezed: code, everyone
# (—, hidden), backbone mean (n), partners mean (n), gap, the partners'
# change against BEFORE.
expected () {
	awk -F, -v now="$1" -v before="$2" -v cat="$3" '
	function diff(d) { return (d > -0.05 && d < 0.05) ? "0.0" : sprintf("%+.1f", d) }
	function line(k) {
		b = bs[now, k] / bn[now, k]; p = ps[now, k] / pn[now, k]
		printf "%s — %.1f (%d) %.1f (%d) %s %s\n", k, b, bn[now, k], p, pn[now, k],
			diff(b - p), diff(p - ps[before, k] / pn[before, k])
	}
	$1 == "harlow-mills" && ($2 == now || $2 == before) {
		if (!(($2, $8) in seen) && $2 == now) order[++items] = $8
		seen[$2, $8] = 1
		for (i = 0; i < 2; i++) {
			k = i ? cat : $8
			if (k == "") continue
			if ($7 == "partner") { ps[$2, k] += $9; pn[$2, k]++ }
			if ($7 == "backbone") { bs[$2, k] += $9; bn[$2, k]++ }
		}
	}
	END {
		if (cat != "") line(cat)
		for (j = 1; j <= items; j++) line(order[j])
	}' csv/surveys.csv
}

# table_of TITLE: the rows of that instrument's table, spaces squeezed.
table_of () {
	awk -v t="  $1" '$0 == t { on = 1; next } on && /^$/ { exit }
		on == 1 && /MEAN/ { on = 2; next } on == 2 { print }' surveys | sed "s/^ *//; s/  */ /g"
}

test_expect_success 'director support: the category and every item, figures from the answers' '
	expected s-4 s-2 director >want &&
	test_line_count want 5 &&
	table_of "Support for the initiative director" >got &&
	test_cmp want got
'

test_expect_success 'practices and pitfalls: every item, figures from the answers' '
	expected s-3 s-1 >want &&
	test_line_count want 11 &&
	table_of "Stepping up and stepping back: practices and pitfalls" | grep -v "^practice \|^pitfall " >got &&
	test_cmp want got &&
	table_of "Stepping up and stepping back: practices and pitfalls" >all &&
	test_grep "^practice — 4\.[0-9] (18) 4\.[0-9] (42) " all &&
	test_grep "^pitfall — 4\.[0-9] (15) 4\.[0-9] (35) " all
'

test_expect_success 'no group of fewer than 3 answers, no director column, a gap on every item, nothing wider than 80' '
	! grep -E "\((1|2)\)" surveys &&
	! grep -i "director " surveys | grep -v "^  Support for the initiative director\$" | grep -v "^    director_" | grep -v "^  director " &&
	test "$(grep -c "^    [a-z_]*  *— *[0-9.]* (3) *[0-9.]* ([0-9]*) *[-+0][0-9.]* " surveys)" = 15 &&
	sed "s/—/-/g" surveys | awk "length(\$0) > 80 { bad = 1; print } END { exit bad }"
'

test_expect_success 'a period with no closed round says so' '
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of 2014-12-31 >early &&
	test_grep "^SURVEYS\$" early &&
	test_grep "^  No survey was closed in this period\.\$" early
'

test_expect_success 'the first round has no change to show' '
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of 2015-12-31 >first &&
	sed -n "/^SURVEYS\$/,/^FIGURES/p" first | tr "\n" " " | sed "s/  */ /g" >joined &&
	test_grep "1 survey, 3 from the backbone, 8 from partners; everyone.s mean is not shown, so that no smaller group.s answers can be worked out from it; no round before to compare\." joined &&
	sed -n "/^SURVEYS\$/,/^FIGURES/p" first | grep "^    trusted " | grep -q "[0-9] *—\$"
'

test_done
