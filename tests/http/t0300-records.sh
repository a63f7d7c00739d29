#!/bin/sh
# The record pages: every kind's list, the add form (303, in the list, the
# dashboard moves), form errors (422, message beside the field, what was
# typed kept), edit and delete, 404s, and a title that is markup shown escaped.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

I=/i/harlow-mills

test_expect_success 'every kind has a list page' '
	for k in decisions ledger grants applications credits contributions checkins events \
	    members observations responsibilities surveys ties; do
		test_status 200 $I/$k || exit 1
		test_security_headers || exit 1
		test $(grep -o "<h1" .body | wc -l) = 1 || exit 1
	done
'

test_expect_success 'an unknown kind, a program-level kind and an unknown record are 404' '
	test_status 404 $I/bogus &&
	test_status 404 $I/organizations &&
	test_status 404 $I/decisions/no-such-decision &&
	test_status 404 /i/no-such-initiative/decisions
'

test_expect_success 'a list: sort links, filters, downloads, money and dates for reading' '
	test_status 200 $I/decisions &&
	test_grep "href=\"$I/decisions/new\"" .body &&
	test_grep "href=\"$I/export?kind=decisions&amp;format=csv\"" .body &&
	test_grep "href=\"$I/export?kind=decisions&amp;format=xlsx\"" .body &&
	test_grep "sort=decided&amp;dir=" .body &&
	test_grep "<select id=\"category\" name=\"category\">" .body &&
	test_grep "<select id=\"decider\" name=\"decider\">" .body &&
	test_status 200 $I/ledger &&
	grep -E "<td class=\"num\" data-label=\"[A-Za-z ]+\">\\\$[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}</td>" .body >/dev/null &&
	grep -E ">[0-9]{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20[0-9]{2}<" .body >/dev/null
'

test_expect_success 'a filter by category keeps only that category' '
	test_status 200 "$I/decisions?category=financial" &&
	test_grep "<option value=\"financial\" selected>" .body &&
	! grep -q "<td data-label=\"Category\">strategy</td>" .body &&
	test_grep "<td data-label=\"Category\">financial</td>" .body
'

test_expect_success 'sorting by title ascending and descending' '
	test_status 200 "$I/decisions?sort=title&dir=asc" &&
	test_grep "aria-sort=\"ascending\"" .body &&
	test_status 200 "$I/decisions?sort=title&dir=desc" &&
	test_grep "aria-sort=\"descending\"" .body
'

figure () {
	http_get $I >/dev/null
	tr ">" "\n" <.body | grep -A8 "data-figure=\"decisions.backbone_alone_share\"" |
		grep "^[0-9]" | head -n 2 | tr "\n" " "
}

test_expect_success 'the add form: labels, date inputs, grouped pickers, contrary views' '
	test_status 200 $I/decisions/new &&
	test_grep "<label for=\"title\">Title</label>" .body &&
	test_grep "<input type=\"date\" id=\"proposed\" name=\"proposed\"" .body &&
	test_grep "<legend>Consulted</legend>" .body &&
	test_grep "<legend>Informed</legend>" .body &&
	test_grep "<p>Backbone</p>" .body &&
	test_grep "<p>Partners</p>" .body &&
	test_grep "<textarea id=\"contrary_views\" name=\"contrary_views\"" .body &&
	test_grep "<optgroup label=\"Bodies\">" .body
'

test_expect_success 'adding a decision: 303 to it, in the list, audited, the dashboard moves' '
	before=$(figure) &&
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" \
	    --data-urlencode "id=d-900" --data-urlencode "title=Hire a data coordinator" \
	    -d category=personnel -d proposed=2016-06-01 -d decided=2016-06-10 \
	    -d decider=harlow-neighborhood-builders "$URL$I/decisions") &&
	test "$code" = "303 $URL$I/decisions/d-900?saved=d-900" &&
	test_status 200 "$I/decisions/d-900?saved=d-900" &&
	test_grep "<p class=\"flash\" role=\"status\">Decision ‘Hire a data coordinator’ saved.</p>" .body &&
	test_grep "10 Jun 2016" .body &&
	test_status 200 "$I/decisions?sort=decided&dir=desc" &&
	test_grep "href=\"$I/decisions/d-900\"" .body &&
	after=$(figure) &&
	echo "before: $before after: $after" &&
	test "$before" != "$after"
'

test_expect_success 'decided before proposed: 422, the message beside the field, values kept' '
	test_status 422 $I/decisions -d id=d-901 --data-urlencode "title=Backwards in time" \
	    -d category=strategy -d proposed=2016-05-12 -d decided=2016-05-01 -d decider=committee \
	    -d consulted=harlow-parents-council --data-urlencode "contrary_views=Some said no" &&
	test_security_headers &&
	test_grep "class=\"error-summary\"" .body &&
	test_grep "<a href=\"#decided\">" .body &&
	test_grep "<p class=\"error\" id=\"decided-error\">" .body &&
	test_grep "must not be before Proposed (12 May 2016)" .body &&
	test_grep "value=\"Backwards in time\"" .body &&
	test_grep "value=\"2016-05-01\" aria-invalid=\"true\"" .body &&
	test_grep "value=\"harlow-parents-council\" checked" .body &&
	test_grep ">Some said no</textarea>" .body &&
	test_grep "<option value=\"committee\" selected>" .body &&
	test_status 404 $I/decisions/d-901
'

test_expect_success 'an impossible date: 422 naming the field, the typed text kept' '
	test_status 422 $I/decisions -d id=d-902 -d title=Feb -d category=strategy \
	    -d proposed=2016-02-30 -d decided=2016-03-01 -d decider=committee &&
	test_grep "<a href=\"#proposed\">" .body &&
	test_grep "<p class=\"error\" id=\"proposed-error\">" .body &&
	test_grep "2016-02-30" .body &&
	test_grep "is not a real date" .body
'

test_expect_success 'editing a decision: 303, the change shown; an error on edit is 422' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -d id=d-900 --data-urlencode "title=Hire two coordinators" \
	    -d category=personnel -d proposed=2016-06-01 -d decided=2016-06-12 \
	    -d decider=committee -d informed=millrace-savings "$URL$I/decisions/d-900") &&
	test "$code" = 303 &&
	test_status 200 $I/decisions/d-900 &&
	test_grep "Hire two coordinators" .body &&
	test_grep "12 Jun 2016" .body &&
	test_grep "Millrace Savings Bank" .body &&
	test_status 422 $I/decisions/d-900 -d id=d-900 -d title=x -d category=personnel \
	    -d proposed=2016-06-01 -d decided=2016-13-01 -d decider=committee &&
	test_grep "id=\"decided-error\"" .body
'

test_expect_success 'the edit form of a grant has its budget lines and budget against actual' '
	http_get $I/grants >/dev/null &&
	g=$(grep -o "href=\"$I/grants/[^\"]*\"" .body | grep -v -e /new -e /rounds | head -1 | sed "s|.*/grants/||; s|\"||") &&
	test -n "$g" &&
	test_status 200 $I/grants/$g &&
	test_grep "Budget against actual" .body &&
	test_grep "name=\"lines.0.name\"" .body &&
	test_grep "class=\"money\"" .body
'

test_expect_success 'deleting a decision: asked first, then 303 to the list, then 404' '
	test_status 200 $I/decisions/d-900 -d action=delete &&
	test_grep "Delete the decision ‘Hire two coordinators’? This cannot be undone." .body &&
	test_status 200 $I/decisions/d-900 &&
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d action=delete -d confirm=yes "$URL$I/decisions/d-900") &&
	test "$code" = "303 $URL$I/decisions?deleted=1" &&
	test_status 404 $I/decisions/d-900
'

test_expect_success 'a record of another initiative is 404 under this one' '
	http_get /i/port-ashby/decisions >/dev/null &&
	d=$(grep -o "href=\"/i/port-ashby/decisions/[^\"]*\"" .body | head -1 | sed "s|.*/decisions/||; s|\"||") &&
	test -n "$d" &&
	test_status 200 /i/port-ashby/decisions/$d &&
	if grep -q "href=\"$I/decisions/$d\"" .body; then :; fi &&
	http_get $I/decisions >/dev/null &&
	if grep -q "href=\"$I/decisions/$d\"" .body; then echo "same id in both"; else test_status 404 $I/decisions/$d; fi
'

test_expect_success 'a title with markup is shown escaped on every page that shows it' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -d id=d-666 \
	    --data-urlencode "title=<script>alert(1)</script>" -d category=strategy \
	    -d proposed=2016-04-01 -d decided=2016-04-02 -d decider=committee "$URL$I/decisions") &&
	test "$code" = 303 &&
	for p in $I/decisions $I/decisions/d-666 "$I/decisions?sort=title&dir=asc"; do
		test_status 200 "$p" || exit 1
		! grep -q "<script>alert" .body || { echo "unescaped on $p"; exit 1; }
		test_grep "&lt;script&gt;alert(1)&lt;/script&gt;" .body || exit 1
	done
'

test_expect_success 'check-ins: the month grid; events: attendance; surveys: counts only' '
	test_status 200 $I/checkins &&
	test_grep "Months with a check-in" .body &&
	test_grep "class=\"month-yes\"" .body &&
	test_status 200 $I/events &&
	test_grep "<h2>Attendance</h2>" .body &&
	test_grep "Expected but absent" .body &&
	http_get $I/surveys >/dev/null &&
	s=$(grep -o "href=\"$I/surveys/[^\"]*\"" .body | grep -v -e /new -e /rounds | head -1 | sed "s|.*/surveys/||; s|\"||") &&
	test_status 200 $I/surveys/$s &&
	test_grep "<h2>Responses</h2>" .body &&
	! grep -q "answers\":" .body
'

test_expect_success 'the access log has the writes' '
	test_grep "POST $I/decisions 303" serve.log &&
	test_grep "POST $I/decisions 422" serve.log
'

test_done
