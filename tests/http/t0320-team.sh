#!/bin/sh
# Team & roles: members (add, mark left), the committee and director form,
# the responsibilities matrix with its gaps; grants' budget lines.
. "$(dirname "$0")/lib.sh"

http_demo_db
I=/i/harlow-mills
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'the Team & roles tab: members, committee and director, the matrix' '
	test_status 200 $I/members &&
	test_grep "<h1>Team &amp; roles</h1>" .body &&
	test_grep "<h2>Members</h2>" .body &&
	test_grep "Committee and director" .body &&
	test_grep "class=\"matrix\"" .body &&
	test_grep "action=\"$I/team/raci\"" .body &&
	test_grep "action=\"$I/team/initiative\"" .body
'

test_expect_success 'adding a member, then marking it as left' '
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d org=valley-data-cooperative \
	    -d role=partner -d joined=2016-02-01 "$URL$I/members") &&
	test "$code" = "303 $URL$I/members?saved=valley-data-cooperative" &&
	test_status 200 "$I/members?saved=valley-data-cooperative" &&
	test_grep "Member ‘Valley Data Cooperative’ saved." .body &&
	test_status 200 "$I/members?saved=%3Cscript%3E" &&
	! grep -q "saved\.</\|&lt;script" .body &&
	test_grep "href=\"$I/members/valley-data-cooperative\">Valley Data Cooperative" .body &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -d org=valley-data-cooperative \
	    -d role=partner -d joined=2016-02-01 -d left=2016-09-30 "$URL$I/members/valley-data-cooperative") &&
	test "$code" = 303 &&
	test_status 200 $I/members/valley-data-cooperative &&
	test_grep "30 Sep 2016" .body
'

test_expect_success 'a member who left before joining: 422 on the left field' '
	test_status 422 $I/members/valley-data-cooperative -d org=valley-data-cooperative \
	    -d role=partner -d joined=2016-02-01 -d left=2015-01-01 &&
	test_grep "id=\"left-error\"" .body &&
	test_grep "value=\"2015-01-01\"" .body
'

test_expect_success 'the committee form changes the committee (a non-member is refused)' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -d committee=harlow-neighborhood-builders \
	    -d committee=harlow-public-schools "$URL$I/team/initiative") &&
	test "$code" = 303 &&
	test_status 200 "$I/members?saved=oversight" &&
	test_grep "The committee and the director are saved." .body &&
	test_grep "<dt>Committee</dt><dd>Harlow Neighborhood Builders, Harlow Mills Public Schools</dd>" .body &&
	test_status 422 $I/team/initiative -d committee=atlantic-reserve &&
	test_grep "class=\"error-summary\"" .body &&
	test_grep "is not a member" .body
'

test_expect_success 'the matrix: letters saved, a row with no A and with two As marked as a gap' '
	test_status 200 $I/members &&
	name=$(grep -o "name=\"r0\" value=\"[^\"]*\"" .body | sed "s/.*value=\"//; s/\"$//") &&
	test -n "$name" &&
	code=$(curl -s -o /dev/null -w "%{http_code}" --data-urlencode "r0=$name" \
	    -d r0.assignments.harlow-neighborhood-builders=A -d r0.assignments.harlow-public-schools=A \
	    "$URL$I/team/raci") &&
	test "$code" = 303 &&
	test_status 200 $I/members &&
	test_grep "2 accountable" .body &&
	code=$(curl -s -o /dev/null -w "%{http_code}" --data-urlencode "r0=$name" \
	    -d r0.assignments.harlow-neighborhood-builders=R "$URL$I/team/raci") &&
	test "$code" = 303 &&
	test_status 200 $I/members &&
	test_grep "No one accountable" .body
'

test_expect_success 'a grant with a new budget line; budget against actual' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -d id=g-900 -d funder=Someone \
	    --data-urlencode "amount=\$12,345.67" -d start=2016-01-01 -d end=2016-12-31 \
	    -d lines.0.name=Staff -d lines.0.amount=10000 -d lines.1.name= -d lines.1.amount= "$URL$I/grants") &&
	test "$code" = 303 &&
	test_status 200 $I/grants/g-900 &&
	test_grep "\\\$12,345.67" .body &&
	test_grep "Budget against actual" .body &&
	test_grep "<td>Staff</td>" .body &&
	test_status 422 $I/grants -d id=g-901 -d funder=x -d amount=12.345 -d start=2016-01-01 -d end=2016-12-31 &&
	test_grep "id=\"amount-error\"" .body &&
	test_grep "value=\"12.345\"" .body
'

test_done
