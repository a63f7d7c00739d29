#!/bin/sh
# The portfolio over time (issue 13 item 2; docs/web.md): each initiative's
# two scores at every quarter's end since its start are exactly the scores
# of `trellis report --as-of QUARTER-END` (the same JSON bytes); the CSV has
# a line per initiative and quarter; the table sorts; a bad period or
# column is refused with a message saying which; evaluators read it,
# members may not.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

# the two scores of a report's or the series' JSON, one pair per line, in order
score_pairs () {
	grep -o '"stepping_back":{"value":[^,]*,"parts":{[^}]*}},"stepping_up":{"value":[^,]*,"parts":{[^}]*}}' "$1"
}

test_expect_success 'the CSV: a line per initiative and quarter since its start' '
	test_status 200 /program/portfolio.csv &&
	test_grep "^Content-Type: text/csv" .head &&
	test_grep "^Content-Disposition: attachment; filename=\"wcc-demo-portfolio-2016-12-31.csv\"" .head &&
	head -n 1 .body >header &&
	echo "initiative,name,quarter_end,stepping_back,stepping_back_n,stepping_up,stepping_up_n,alerts,open_actions,result_progress,awarded,spent,elapsed,assistance_hours" >want &&
	test_cmp want header &&
	grep "^harlow-mills," .body | cut -d, -f3 >quarters &&
	printf "%s\n" 2014-03-31 2014-06-30 2014-09-30 2014-12-31 2015-03-31 2015-06-30 \
	    2015-09-30 2015-12-31 2016-03-31 2016-06-30 2016-09-30 2016-12-31 >want &&
	test_cmp want quarters &&
	test "$(grep -c "^harlow-mills,Harlow Mills Family Prosperity Initiative,2016-12-31,86.9" .body)" = 1 &&
	test_grep "^harlow-mills,.*,2016-12-31,.*,1000000,969989,1,0\$" .body
'

test_expect_success 'every quarter scores exactly as trellis report --as-of at its end' '
	test_status 200 /api/v1/program/portfolio &&
	score_pairs .body >series &&
	test_status 200 /program/portfolio.csv &&
	tail -n +2 .body | cut -d, -f1,3 >keys &&
	test "$(wc -l <keys)" = "$(wc -l <series)" &&
	test "$(wc -l <keys)" -ge 60 &&
	: >reports &&
	while IFS=, read slug q; do
		"$TRELLIS" --db "$TEST_DIR/demo.db" report --initiative "$slug" --as-of "$q" \
		    --format json >r.json &&
		score_pairs r.json >>reports || return 1
	done <keys &&
	test_cmp reports series
'

test_expect_success 'an earlier period ends the series at its own quarter' '
	test_status 200 "/program/portfolio.csv?as_of=2015-08-15&months=6" &&
	grep "^harlow-mills," .body | cut -d, -f3 | tail -n 1 >last &&
	echo 2015-06-30 >want &&
	test_cmp want last &&
	"$TRELLIS" --db "$TEST_DIR/demo.db" report --initiative harlow-mills --as-of 2015-06-30 \
	    --months 6 --format json >r.json &&
	score_pairs r.json >want &&
	test_status 200 "/api/v1/program/portfolio?as_of=2015-08-15&months=6" &&
	score_pairs .body | sed -n 6p >got &&
	test_cmp want got
'

test_expect_success 'the page: a chart per initiative, trails, the CSV link; sorted by a heading' '
	test_status 200 "/program/portfolio?sort=back&dir=desc" &&
	test_security_headers &&
	test "$(grep -o "class=\"chart score-trend\"" .body | wc -l)" = 6 &&
	test "$(grep -o "class=\"trail quarters\"" .body | wc -l)" = 6 &&
	test_grep "href=\"/program/portfolio.csv?as_of=2016-12-31&amp;months=12\"" .body &&
	grep -o "<th scope=\"row\"><a href=\"/i/[a-z-]*\"" .body | sed "s/.*i\///; s/\"//" >order &&
	printf "%s\n" harlow-mills riverton-locks port-ashby wexford-junction calder-springs \
	    quarry-bend >want &&
	test_cmp want order &&
	test_status 200 "/program/portfolio?sort=back&dir=asc" &&
	grep -o "<th scope=\"row\"><a href=\"/i/[a-z-]*\"" .body | head -n 1 >first &&
	test_grep quarry-bend first
'

test_expect_success 'kept: the same bytes again; a write in one initiative reads that one alone' '
	test_status 200 /api/v1/program/portfolio &&
	cp .body first.json &&
	test_status 200 /api/v1/program/portfolio &&
	test_cmp first.json .body &&
	before=$(grep -c "loaded initiative" "$TEST_DIR/serve.log") &&
	printf "%s\n" "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views" \
	    "port-ashby,d-990,Agree the series test,strategy,2016-11-01,2016-11-20,team,,," \
	    >decisions.csv &&
	"$TRELLIS" --db "$TEST_DIR/demo.db" import decisions.csv >/dev/null &&
	test_status 200 /api/v1/program/portfolio &&
	after=$(grep -c "loaded initiative" "$TEST_DIR/serve.log") &&
	test $((after - before)) = 1 &&
	grep -c "loaded initiative port-ashby " "$TEST_DIR/serve.log" >/dev/null &&
	score_pairs .body >now &&
	"$TRELLIS" --db "$TEST_DIR/demo.db" report --initiative port-ashby --as-of 2016-12-31 \
	    --format json >r.json &&
	score_pairs r.json >want &&
	grep -qxF "$(cat want)" now &&
	! cmp -s first.json .body
'

test_expect_success 'a bad column, direction or period is refused, saying which' '
	test_status 400 "/program/portfolio?sort=colour" &&
	test_grep "sort: there is no column" .body &&
	test_status 400 "/program/portfolio.csv?dir=up" &&
	test_grep "dir: &#39;up&#39; is neither asc nor desc" .body &&
	test_status 400 "/program/portfolio?as_of=2016-02-30" &&
	test_status 400 "/api/v1/program/portfolio?months=0"
'

test_done
