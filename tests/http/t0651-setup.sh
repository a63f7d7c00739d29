#!/bin/sh
# Setting up on the web (issue 13, item 1): an admin creates an initiative
# from a form (its backbone a member by itself, the 12 default
# responsibilities, its dashboard at once), with errors beside their
# fields; edits its own fields (the committee from its members, the
# director, the shared result) and the program's; the API's POST
# /api/v1/initiatives (201) and PATCH/PUT /api/v1/initiatives/{slug};
# every change in the audit log; an evaluator and a member may not.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role
HNB=harlow-neighborhood-builders

test_expect_success 'the new initiative form: its fields in order, links to add an organization or person' '
	test_status 200 /program/initiatives/new &&
	test_security_headers &&
	test_grep "<form class=\"record\" method=\"post\" action=\"/program/initiatives\"" .body &&
	for f in slug name city start end backbone fiscal_agent director.person shared_result.statement \
	    shared_result.unit shared_result.baseline.value shared_result.target.value; do
		test_grep "name=\"$f\"" .body || exit 1
	done &&
	! grep -q "name=\"committee\"" .body &&
	test_grep "href=\"/program/organizations/new\"" .body &&
	test_grep "href=\"/program/people/new\"" .body &&
	test_grep "Create the initiative" .body &&
	test_status 200 / &&
	test_grep "href=\"/program/initiatives/new\">New initiative<" .body &&
	test_grep "href=\"/program/settings\">Settings<" .body &&
	test_grep "href=\"/program/edit\">Program details<" .body
'

test_expect_success 'bad input: 422 with each message beside its field, nothing created' '
	test_status 422 /program/initiatives -d slug=Bad_Slug -d name=X -d city=Y \
	    -d start=2017-02-30 -d end=2019-12-31 -d backbone=$HNB -d fiscal_agent=$HNB &&
	test_grep "class=\"error-summary\"" .body &&
	test_grep "<p class=\"error\" id=\"slug-error\">" .body &&
	test_grep "<p class=\"error\" id=\"start-error\">" .body &&
	test_status 422 /program/initiatives -d slug=late -d name=Late -d city=Y \
	    -d start=2019-01-01 -d end=2017-12-31 -d backbone=$HNB -d fiscal_agent=$HNB &&
	test_grep "<p class=\"error\" id=\"end-error\">" .body &&
	test_status 422 /program/initiatives -d slug=nobody -d name=Nobody -d city=Y \
	    -d start=2017-01-01 -d end=2017-12-31 -d backbone=no-such-org -d fiscal_agent=$HNB &&
	test_grep "<p class=\"error\" id=\"backbone-error\">" .body &&
	test_status 404 /i/late && test_status 404 /i/nobody
'

test_expect_success 'a new initiative: 303 to its details; the backbone a member, 12 responsibilities, its dashboard' '
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d slug=new-town \
	    --data-urlencode "name=New Town Initiative" -d city=Newtown -d start=2017-01-01 \
	    -d end=2019-12-31 -d backbone=$HNB -d fiscal_agent=$HNB \
	    --data-urlencode "shared_result.statement=More jobs" \
	    --data-urlencode "shared_result.indicator=Employment rate" --data-urlencode "shared_result.unit=%" \
	    -d shared_result.direction=up -d shared_result.baseline.date=2016-12-31 \
	    -d shared_result.baseline.value=60 -d shared_result.target.date=2026-12-31 \
	    -d shared_result.target.value=70 "$URL/program/initiatives") &&
	test "$code" = "303 $URL/program/initiatives/new-town?saved=new" &&
	test_status 200 "/program/initiatives/new-town?saved=new" &&
	test_grep "The initiative is created, with its backbone as its first member" .body &&
	test_grep "href=\"/i/new-town/members\"" .body &&
	test_grep "href=\"/i/new-town\"" .body &&
	test_status 200 /i/new-town &&
	test_grep "New Town Initiative" .body &&
	test_status 200 /api/v1/initiatives/new-town/members &&
	test_grep "\"org\": \"$HNB\", \"role\": \"backbone\", \"joined\": \"2017-01-01\"" .body &&
	test_status 200 /api/v1/initiatives/new-town/responsibilities &&
	test $(grep -c "\"name\": " .body) = 12 &&
	test_status 200 /api/v1/initiatives/new-town &&
	test_grep "\"statement\": \"More jobs\"" .body
'

test_expect_success 'its committee: a non-member refused beside the field; after adding the member, saved' '
	test_status 422 /program/initiatives/new-town --data-urlencode "name=New Town Initiative" \
	    -d city=Newtown -d start=2017-01-01 -d end=2019-12-31 -d backbone=$HNB \
	    -d fiscal_agent=$HNB -d committee=$HNB -d committee=harlow-public-schools &&
	test_grep "<p class=\"error\" id=\"committee-error\">.*harlow-public-schools.* is not a member" .body &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -d org=harlow-public-schools -d role=partner \
	    -d joined=2017-01-01 "$URL/i/new-town/members") &&
	test "$code" = 303 &&
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" \
	    --data-urlencode "name=New Town Initiative" -d city=Newtown -d start=2017-01-01 \
	    -d end=2019-12-31 -d backbone=$HNB -d fiscal_agent=$HNB -d committee=$HNB \
	    -d committee=harlow-public-schools -d director.person=diego-mensah \
	    -d director.employer=$HNB -d director.reports_to=harlow-public-schools \
	    -d director.evaluated_by=harlow-public-schools "$URL/program/initiatives/new-town") &&
	test "$code" = "303 $URL/program/initiatives/new-town?saved=1" &&
	test_status 200 /api/v1/initiatives/new-town &&
	test_grep "\"committee\": \[\"$HNB\", \"harlow-public-schools\"\]" .body &&
	test_grep "\"director\": {\"person\": \"diego-mensah\"" .body &&
	test_status 200 /api/v1/initiatives/new-town/members &&
	test $(grep -c "\"org\": " .body) = 2
'

test_expect_success 'the program: its details changed; audited' '
	test_status 200 /program/edit &&
	test_grep "name=\"funder\"" .body &&
	! grep -q "name=\"slug\"" .body &&
	code=$(curl -s -o /dev/null -w "%{http_code}" --data-urlencode "name=Working Cities Challenge" \
	    --data-urlencode "funder=The Reserve Fund" -d start=2014-01-01 -d end=2016-12-31 \
	    "$URL/program/edit") &&
	test "$code" = 303 &&
	test_status 200 /api/v1/program &&
	test_grep "\"funder\": \"The Reserve Fund\"" .body &&
	test_status 422 /program/edit --data-urlencode "name=X" --data-urlencode "funder=Y" \
	    -d start=2016-01-01 -d end=2014-12-31 &&
	test_grep "<p class=\"error\" id=\"end-error\">" .body
'

test_expect_success 'the API: POST /api/v1/initiatives 201; PATCH and PUT its own fields, its records stay' '
	test_status 201 /api/v1/initiatives -X POST -H "Content-Type: application/json" \
	    -d "{\"slug\": \"api-town\", \"name\": \"API Town\", \"city\": \"Apiville\", \"start\": \"2017-01-01\", \"end\": \"2018-12-31\", \"backbone\": \"$HNB\", \"fiscal_agent\": \"$HNB\"}" &&
	test_grep "^Location: /api/v1/initiatives/api-town" .head &&
	test_grep "\"slug\": \"api-town\"" .body &&
	test_status 200 /api/v1/initiatives/api-town/members &&
	test_grep "\"role\": \"backbone\"" .body &&
	test_status 422 /api/v1/initiatives -X POST -H "Content-Type: application/json" \
	    -d "{\"slug\": \"api-town\", \"name\": \"Again\", \"city\": \"A\", \"start\": \"2017-01-01\", \"end\": \"2018-12-31\", \"backbone\": \"$HNB\", \"fiscal_agent\": \"$HNB\"}" &&
	test_grep "\"field\": \"slug\"" .body &&
	test_status 200 /api/v1/initiatives/harlow-mills -X PATCH -H "Content-Type: application/json" \
	    -d "{\"city\": \"Harlow Mills East\"}" &&
	test_grep "\"city\": \"Harlow Mills East\"" .body &&
	test_status 200 /api/v1/initiatives/harlow-mills/decisions/d-001 &&
	test_status 422 /api/v1/initiatives/api-town -X PUT -H "Content-Type: application/json" \
	    -d "{\"slug\": \"api-town\", \"name\": \"API Town\", \"city\": \"Apiville\", \"start\": \"2019-01-01\", \"end\": \"2018-12-31\", \"backbone\": \"$HNB\", \"fiscal_agent\": \"$HNB\"}" &&
	test_grep "\"field\": \"end\"" .body &&
	test_status 404 /api/v1/initiatives/no-such -X PATCH -H "Content-Type: application/json" -d "{}"
'

test_expect_success 'every change is in the audit log' '
	test_status 200 /admin/audit &&
	test_grep "added initiative new-town" .body &&
	test_grep "added initiative api-town" .body &&
	test_grep "changed initiative new-town" .body &&
	test_grep "changed the program&#39;s details" .body
'

http_kill
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an evaluator may not create or change an initiative or the program' '
	test_status 200 / &&
	test_grep "href=\"/program/settings\">Settings<" .body &&
	! grep -q "/program/initiatives/new" .body &&
	test_status 403 /program/initiatives/new &&
	test_status 403 /program/initiatives -d slug=e -d name=E &&
	test_status 403 /program/initiatives/harlow-mills &&
	test_status 403 /program/edit &&
	test_status 403 /api/v1/initiatives -X POST -H "Content-Type: application/json" -d "{}" &&
	test_status 404 /i/e
'

test_done
