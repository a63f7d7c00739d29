#!/bin/sh
# Issue 11 points 7 and 11 over HTTP: the Shared result tab shows the
# statement, baseline, target, progress and a chart and table in the
# indicator's unit ("$40,755", "31 Dec 2016"), follows a measurement added
# on its form, and offers editors only the add button; the Network tab's
# map scales to the page (viewBox, width 100%), its nodes take the focus and
# carry their full names, a key and a table of every organization sit under
# it, and the downloaded file keeps its key inside.
. "$(dirname "$0")/lib.sh"

http_demo_db
I=/i/harlow-mills
P="as_of=2016-12-31&months=12"
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'the Shared result tab: statement, baseline, target, progress, in dollars' '
	test_status 200 "$I/observations" &&
	test_security_headers &&
	test_grep "<h1>Shared result</h1>" .body &&
	test_grep "<p class=\"statement lead\">Raise the income of Harlow Mills parents 15% by 2024</p>" .body &&
	test_grep "<dt>Baseline</dt><dd>\$38,400 on 31 Dec 2013</dd>" .body &&
	test_grep "<dt>Target</dt><dd>\$44,160 by 31 Dec 2023</dd>" .body &&
	test_grep "<dt>Unit</dt><dd>US dollars</dd>" .body &&
	test_grep "Latest measurement: \$40,755 on 31 Dec 2016 (3 measurements in all)." .body &&
	test_grep "41% of the way from baseline to target: up \$2,355 since the baseline" .body &&
	test_grep "<progress max=\"100\" value=\"41\"" .body
'

test_expect_success 'its chart: the y axis in dollars with its title, no "USD" under the x axis' '
	test_grep "<svg[^>]*class=\"chart result\"" .body &&
	test_grep ">\$40,000</text>" .body &&
	test_grep ">Median household income of families with children under 18 (US dollars)</text>" .body &&
	! grep ">USD</text>" .body
'

test_expect_success 'its measurements: dates in words, values in dollars, linked to their records' '
	test_grep "<a href=\"$I/observations/3\">31 Dec 2016</a></td><td class=\"num\" data-label=\"Value\">\$40,755</td>" .body &&
	! grep "40755" .body &&
	test_grep "<a class=\"button\" href=\"$I/observations/new\">Add a measurement</a>" .body &&
	test_status 200 "$I/observations/3" &&
	test_status 200 "$I/observations/new"
'

test_expect_success 'a measurement added on its form shows on the tab as the latest' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -d date=2017-06-30 -d value=41200 "$URL$I/observations") &&
	test "$code" = 303 &&
	test_status 200 "$I/observations" &&
	test_grep "Latest measurement: \$41,200 on 30 Jun 2017 (4 measurements in all)." .body &&
	test_grep ">30 Jun 2017</a></td><td class=\"num\" data-label=\"Value\">\$41,200</td>" .body
'

test_expect_success 'the map scales to the page; each node focusable, named in full' '
	test_status 200 "$I/network?$P" &&
	test_grep "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 460\" width=\"100%\" role=\"group\" class=\"chart network\"" .body &&
	test "$(grep -o "<g class=\"node[^>]*tabindex=\"0\"" .body | wc -l)" = 9 &&
	test_grep "aria-label=\"2. Harlow Mills Public Schools (education): 5 ties\"" .body &&
	test_grep "class=\"n-full\"[^>]*>Merrow Valley Community Health Center</text>" .body &&
	test_grep "class=\"n-name\"[^>]*>Merrow Valley Communi…</text>" .body
'

test_expect_success 'a key and a table of every organization sit under the map' '
	test_grep "<ul class=\"legend network-legend\" aria-label=\"Key to the map\">" .body &&
	test_grep "</svg>education (triangle pointing down)</li>" .body &&
	test "$(grep -o "data-label=\"No.\">" .body | wc -l)" = 9 &&
	test_grep "</svg>Merrow Valley Community Health Center</th><td data-label=\"Sector\">health</td><td class=\"num\" data-label=\"Ties\">4</td><td data-label=\"Without the backbone\">✓ Yes: in the largest group (8 organizations)</td>" .body &&
	test_grep "— (the backbone)" .body
'

test_expect_success 'the downloaded map keeps its key inside' '
	test_status 200 "$I/network/map?$P" &&
	test_grep ">education (triangle pointing down)</text>" .body &&
	test_grep ">ring: the backbone</text>" .body
'

http_kill
TRELLIS_DEV_ROLE=viewer:harlow-mills http_start --dev-insecure-role

test_expect_success 'a viewer reads the Shared result tab without the add button' '
	test_status 200 "$I/observations" &&
	test_grep "Latest measurement:" .body &&
	! grep "Add a measurement" .body
'

test_done
