#!/bin/sh
# The built-in backbone-activities instrument (issue 13 item 9; DESIGN §4):
# a document may answer it without defining it; its results for partners
# and the backbone sit under the stepping-up score in the text and HTML
# reports, only when a round of it closed in the period (the demo, which
# has none, reports the same bytes as before: no block, no mention), with
# the anonymity rule (a group under 3 answers is "—"). It is never exported:
# an export with such a survey imports back to the same bytes.
. "$(dirname "$0")/lib.sh"

# answers ID CLOSED GROUP...: surveys.csv rows for harlow-mills, one response per GROUP;
# a backbone answers 5 on odd items and 4 on even ones, a partner (N + K) % 3 + 2, the director 3
answers () {
	id=$1 closed=$2
	shift 2
	echo "initiative,id,instrument,opened,closed,response,group,item,answer"
	n=0
	for g in "$@"; do
		n=$((n + 1))
		k=0
		for it in guide_vision support_aligned shared_measurement public_will advance_policy mobilize_funding; do
			k=$((k + 1))
			case $g in
			backbone) v=$((k % 2 + 4)) ;;
			partner) v=$(((n + k) % 3 + 2)) ;;
			*) v=3 ;;
			esac
			echo "harlow-mills,$id,backbone-activities,2016-10-01,$closed,$n,$g,$it,$v"
		done
	done
}

test_expect_success 'the demo has no round of it: no block in any report, nothing exported' '
	"$TRELLIS" --db demo.db demo >/dev/null &&
	"$TRELLIS" --db demo.db report --all --as-of 2016-12-31 >all.txt &&
	! grep -q "own activities" all.txt &&
	"$TRELLIS" --db demo.db export >export.json &&
	! grep -q "backbone-activities" export.json
'

test_expect_success 'a round answered by 3 backbone people and 4 partners: means under stepping up' '
	answers ba-2016 2016-10-31 backbone backbone backbone partner partner partner partner director \
	    >surveys.csv &&
	"$TRELLIS" --db demo.db import surveys.csv >/dev/null &&
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of 2016-12-31 >r.txt &&
	sed -n "/^  Stepping up /,/^\$/p" r.txt >block &&
	test_grep "^  The backbone.s own activities, rated 1 to 5 by partners and the backbone.s\$" block &&
	test_grep "^  people: 3 from the backbone, 4 from partners; everyone.s mean is not shown,\$" block &&
	test_grep "^                                       PARTNERS BACKBONE\$" block &&
	test_grep "^      Guide vision and strategy             3.2      5.0\$" block &&
	test_grep "^      Support aligned activities            2.8      4.0\$" block &&
	test_grep "^      Mobilize funding                      3.0      4.0\$" block &&
	test_grep "^      All six                               3.0      4.5\$" block &&
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of 2016-12-31 --format html >r.html &&
	test_grep "<h3>The backbone&#39;s own activities</h3>" r.html &&
	test_grep "<th scope=\"row\">Establish shared measurement</th><td class=\"num\">3.0</td><td class=\"num\">5.0</td>" r.html
'

test_expect_success 'outside the period, no block; another initiative, no block' '
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of 2016-09-30 >early.txt &&
	! grep -q "own activities" early.txt &&
	"$TRELLIS" --db demo.db report --initiative port-ashby --as-of 2016-12-31 >pa.txt &&
	! grep -q "own activities" pa.txt
'

test_expect_success 'two backbone answers are never shown: the backbone column is a dash' '
	"$TRELLIS" --db small.db demo >/dev/null &&
	answers ba-small 2016-11-30 backbone backbone partner partner partner >surveys.csv &&
	"$TRELLIS" --db small.db import surveys.csv >/dev/null &&
	"$TRELLIS" --db small.db report --initiative harlow-mills --as-of 2016-12-31 >s.txt &&
	test_grep "^      Guide vision and strategy  *[0-9.]*        —\$" s.txt &&
	test_grep "^      All six  *[0-9.]*        —\$" s.txt &&
	! grep -q "^      Guide vision and strategy  *[0-9.]*  *[45]\.0\$" s.txt
'

test_expect_success 'export, import, export: the same bytes, the instrument never written' '
	"$TRELLIS" --db demo.db export >a.json &&
	grep -q "\"instrument\": \"backbone-activities\"" a.json &&
	! grep -q "\"code\": *\"backbone-activities\"" a.json &&
	"$TRELLIS" --db again.db import a.json >/dev/null &&
	"$TRELLIS" --db again.db export >b.json &&
	test_cmp a.json b.json
'

test_done
