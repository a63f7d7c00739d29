#!/bin/sh
# The candidates compared against an existing team (issue 13, item 6's
# loose end; docs/funder.md): /program/candidates/compare?c=…&initiative=SLUG
# names, for each trait a candidate lacks, the partners of that team that
# offer it — the computation of `trellis capacity --compare --initiative`,
# whose JSON gaps the API's equal, for a candidate on the team and one
# from another initiative alike. An unknown initiative is 400; without
# one the page is as before (no such row).
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'setup: two candidates, one of the team and one from elsewhere' '
	for o in millrace-savings ashby-latino-business-alliance; do
		test "$(curl -s -o /dev/null -w "%{http_code}" -d org=$o "$URL/program/candidates")" = 303 || return 1
	done
'

C="c=millrace-savings&c=ashby-latino-business-alliance"

test_expect_success 'the page names the partners of the team that offer each trait lacked' '
	test_status 200 "/program/candidates/compare?$C&initiative=harlow-mills" &&
	test_grep "<th scope=\"row\">Offered by the team of Harlow Mills Family Prosperity Initiative</th>" .body &&
	test_grep "<li>In-kind staffing: Harlow Neighborhood Builders</li>" .body &&
	test_grep "<option value=\"harlow-mills\" selected>" .body &&
	test_grep "<input type=\"hidden\" name=\"c\" value=\"ashby-latino-business-alliance\"/>" .body
'

test_expect_success 'the same gaps as trellis capacity --compare --initiative, through the API' '
	test_status 200 "/api/v1/program/candidates/compare?$C&initiative=harlow-mills" &&
	python3 -c "import json; print(json.dumps([c[\"capacity\"][\"gaps\"] for c in json.load(open(\".body\"))[\"candidates\"]], sort_keys=True))" >web &&
	"$TRELLIS" --db demo.db capacity --compare millrace-savings ashby-latino-business-alliance \
		--initiative harlow-mills --format json >cli.json &&
	python3 -c "import json; print(json.dumps([c[\"gaps\"] for c in json.load(open(\"cli.json\"))], sort_keys=True))" >cli &&
	test_cmp cli web &&
	test_grep "harlow-neighborhood-builders" web
'

test_expect_success 'an unknown initiative is 400 saying so; none, no such row' '
	test_status 400 "/program/candidates/compare?$C&initiative=nowhere" &&
	test_grep "initiative: .*nowhere.* is not an initiative of the program" .body &&
	test_status 200 "/program/candidates/compare?$C" &&
	! grep -q "Offered by the team" .body &&
	test_grep "<option value selected>no team</option>" .body
'

test_done
