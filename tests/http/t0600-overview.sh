#!/bin/sh
# The initiative overview (PAGES.md): one <h1> and h2 parts under it, the
# quadrant with the point of a year earlier (a second circle, told in its
# <desc>), evidence links that answer 200, the key figures in groups, the
# printed line, and recent changes listing a change made in the record form.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

I=/i/quarry-bend

# quadrant: the quadrant's SVG of .body, one tag a line
quadrant () {
	tr "<" "\n" <.body | sed -n "/aria-labelledby=\"q-quarry-bend-title\"/,/^\\/svg>/p"
}

test_expect_success 'exactly one <h1>, the name; the parts are h2, not the name again' '
	test_status 200 $I &&
	test_security_headers &&
	test $(grep -o "<h1" .body | wc -l) = 1 &&
	test_grep "<h1>Safe Flats Quarry Bend</h1>" .body &&
	! grep -q "<h2>Safe Flats Quarry Bend" .body &&
	for t in "The balance" "To discuss" "Going well" "The shared result" "Key figures" "Recent changes"; do
		grep -q "<h2[^>]*>$t</h2>" .body || { echo "no h2 $t"; exit 1; }
	done &&
	test_grep "<h3>Stepping back</h3>" .body &&
	test_grep "<h3>Stepping up</h3>" .body
'

test_expect_success 'the quadrant shows this period and, faintly, a year earlier' '
	test_status 200 $I &&
	quadrant >q &&
	test $(grep -c "^circle " q) = 2 &&
	test_grep "A year earlier (the faint open circle): stepping back [0-9]*, stepping up [0-9]*\\." q &&
	test_grep "this period · ○ the same period a year earlier, ending 31 Dec 2015" .body
'

test_expect_success 'the quadrant of a period with nothing a year before still draws' '
	test_status 200 "$I?as_of=2014-03-31&months=3" &&
	test $(grep -o "<h1" .body | wc -l) = 1 &&
	quadrant >q &&
	test $(grep -c "^circle " q) = 1 &&
	! grep -q "year earlier" q &&
	test_grep "Safe Flats Quarry Bend: stepping back [0-9]*, stepping up [0-9]*\.</desc>" .body
'

test_expect_success 'every evidence link of the alerts answers 200' '
	test_status 200 $I &&
	test_grep "class=\"tag\">To discuss: " .body &&
	grep -o "href=\"$I/\\(decisions\\|ledger\\)/[^\"]*\"" .body | sed "s/href=\"//; s/\"\$//" | sort -u >links &&
	test $(wc -l <links) -gt 3 &&
	while read l; do
		test_status 200 "$l" || exit 1
	done <links
'

test_expect_success 'the key figures come in groups, each figure with its N and why it is null' '
	test_status 200 $I &&
	for g in Decisions Money "Credit and help" Oversight; do
		grep -q "<h3>$g</h3><table class=\"figures\">" .body || { echo "no group $g"; exit 1; }
	done &&
	test $(grep -o "<th class=\"num\" scope=\"col\">N</th>" .body | wc -l) -ge 4 &&
	test_status 200 "$I?as_of=2014-03-31&months=3" &&
	test_grep "class=\"note\">no grant applications in this period<" .body
'

test_expect_success 'the period and the printed date, for print only' '
	test_status 200 $I &&
	test_grep "<p class=\"printed\">Printed [0-9]* [A-Z][a-z][a-z] 20[0-9][0-9] · period 1 Jan 2016 – 31 Dec 2016 (12 months)</p>" .body &&
	test_status 200 /static/trellis.css &&
	test_grep "^\\.printed{display:none}" .body &&
	test_grep "@media print{.*\\.printed{display:block" .body &&
	test_grep "@media print{.*nav,form" .body
'

test_expect_success 'recent changes: none yet, then a decision added and changed in the form' '
	test_status 200 $I &&
	test_grep "No changes have been recorded yet" .body &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -d id=d-960 --data-urlencode "title=Share the agenda" \
	    -d category=strategy -d proposed=2016-11-01 -d decided=2016-11-20 -d decider=team \
	    "$URL$I/decisions") &&
	test "$code" = 303 &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -d id=d-960 --data-urlencode "title=Share the agenda early" \
	    -d category=strategy -d proposed=2016-11-01 -d decided=2016-11-21 -d decider=team \
	    "$URL$I/decisions/d-960") &&
	test "$code" = 303 &&
	test_status 200 $I &&
	! grep -q "No changes have been recorded yet" .body &&
	tr "<" "\n" <.body | sed -n "/^table class=\"recent\"/,/^\\/table>/p" >recent &&
	test $(grep -c "^tr>" recent) = 3 &&
	grep "^td>.* \\(changed\\|added\\) decision d-960 “Share the agenda" recent >what &&
	sed -n 1p what | grep -q " changed decision d-960 “Share the agenda early”\\. *$" &&
	sed -n 2p what | grep -q " added decision d-960 “Share the agenda”\\. *$" &&
	! grep -q "cli:\\|decisions d-960" recent &&
	test $(grep -c "^a href=\"$I/decisions/d-960\">Open it" recent) = 2 &&
	test_grep "^td>[0-9]* [A-Z][a-z][a-z] 20[0-9][0-9] [0-9][0-9]:[0-9][0-9] UTC" recent &&
	test_status 200 $I/decisions/d-960
'

test_expect_success 'another initiative does not list that change' '
	test_status 200 /i/harlow-mills &&
	test_grep "No changes have been recorded yet" .body
'

test_expect_success 'the balance is rendered once per change: the same until a write, then new' '
	P="$I?as_of=2016-12-31&months=12" &&
	decisions () {
		tr "<" "\n" <.body | sed -n "/^h3>Decisions/,/^\/table>/p"
	} &&
	test_status 200 "$P" && decisions >d1 && test -s d1 &&
	test_status 200 "$P" && decisions >d2 && test_cmp d1 d2 &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -d id=d-961 --data-urlencode "title=Pick the next site" \
	    -d category=strategy -d proposed=2016-11-01 -d decided=2016-12-01 -d decider=team \
	    "$URL$I/decisions") &&
	test "$code" = 303 &&
	test_status 200 "$P" && decisions >d3 &&
	! cmp -s d1 d3
'

test_done
