#!/bin/sh
# The record forms as people use them (issue 11, points 5, 6, 8, 10): every
# problem of a form at once, in words, beside its field, with the value as
# typed; pickers that offer the initiative's own people first; delete that
# asks first and keeps the before-state in the audit log; a saved message
# on the page a save goes to, built from the record, not from the URL; the
# lists linked on titles, with the funder, the vendor and a total.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

I=/i/harlow-mills

test_expect_success 'every problem at once, in words, beside its field, as typed' '
	test_status 422 $I/ledger -d id=l-990 -d date=2016-02-30 -d grant= \
	    --data-urlencode "amount=-12,5x" -d kind= &&
	test_grep "There are 4 problems" .body &&
	test_grep "<a href=\"#date\">Date: " .body &&
	test_grep "<a href=\"#grant\">Grant: Choose one" .body &&
	test_grep "<a href=\"#kind\">Kind: Choose one" .body &&
	test_grep "“-12,5x” is not an amount in dollars" .body &&
	test_grep "id=\"amount\" name=\"amount\" value=\"-12,5x\" aria-invalid=\"true\"" .body &&
	test_grep "<p class=\"error\" id=\"date-error\">" .body &&
	! grep -q -- "-125x" .body &&
	! grep -q "YYYY" .body
'

test_expect_success 'a missing title, an unknown decider and dates out of order: all three' '
	test_status 422 $I/decisions -d id=d-990 -d title= -d category=strategy \
	    -d proposed=2016-05-12 -d decided=2016-05-01 -d decider=no-such-org &&
	test_grep "There are 3 problems" .body &&
	test_grep "<a href=\"#title\">Title: " .body &&
	test_grep "<a href=\"#decider\">Decider: no organization" .body &&
	test_grep "<a href=\"#decided\">Decided: must not be before Proposed (12 May 2016)</a>" .body &&
	! grep -q "2016-05-12 is before" .body
'

test_expect_success 'check-in attendees: the team first, everyone else behind "Someone else…"' '
	test_status 200 $I/checkins/new &&
	test_grep "<p>People of the team</p>" .body &&
	test_grep "<details class=\"pickgroup\"><summary>Someone else…</summary>" .body &&
	sed "s/<details class=\"pickgroup\"><summary>Someone else/\nOTHERS/" .body >split &&
	test $(grep -c "OTHERS" split) = 1
'

test_expect_success 'the ledger budget line is a select of the grants lines' '
	test_status 200 $I/ledger/new &&
	test_grep "<select id=\"line\" name=\"line\">" .body &&
	test_grep "<optgroup label=\"[^\"]* (g-[0-9]*)\">" .body &&
	! grep -q "<input type=\"text\" id=\"line\"" .body
'

test_expect_success 'a line that is not the chosen grants: refused by the server, beside the field' '
	test_status 422 $I/ledger -d id=l-991 -d date=2016-03-01 -d grant=g-1 -d amount=10 \
	    -d kind=expense -d line=no-such-line &&
	test_grep "<a href=\"#line\">Line: grant &#39;g-1&#39; has no budget line &#39;no-such-line&#39;</a>" .body
'

test_expect_success 'a save says so on the page it goes to, from the record, never from the URL' '
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d id=d-991 \
	    --data-urlencode "title=Open a second office" -d category=strategy \
	    -d proposed=2016-05-01 -d decided=2016-05-02 -d decider=committee "$URL$I/decisions") &&
	test "$code" = "303 $URL$I/decisions/d-991?saved=d-991" &&
	test_status 200 "$I/decisions/d-991?saved=d-991" &&
	test_grep "<p class=\"flash\" role=\"status\">Decision ‘Open a second office’ saved.</p>" .body &&
	test_status 200 "$I/decisions/d-991?saved=%3Cb%3Ehacked" &&
	! grep -q "hacked" .body &&
	! grep -q "class=\"flash\"" .body
'

test_expect_success 'delete asks first; Delete deletes, the audit log keeps the before-state' '
	test_status 200 $I/decisions/d-991 -d action=delete &&
	test_grep "Delete the decision ‘Open a second office’? This cannot be undone." .body &&
	test_grep "name=\"confirm\" value=\"yes\"" .body &&
	test_grep "<a class=\"button secondary\" href=\"$I/decisions/d-991\">Cancel</a>" .body &&
	test_status 200 $I/decisions/d-991 &&
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d action=delete -d confirm=yes \
	    "$URL$I/decisions/d-991") &&
	test "$code" = "303 $URL$I/decisions?deleted=1" &&
	test_status 200 "$I/decisions?deleted=1" &&
	test_grep "<p class=\"flash\" role=\"status\">The decision was deleted.</p>" .body &&
	test_status 404 $I/decisions/d-991 &&
	sqlite3 demo.db "SELECT before FROM audit_log WHERE action = '\''delete'\'' AND record = '\''d-991'\''" >before &&
	test_grep "Open a second office" before
'

test_expect_success 'lists: the link on the title, contrary views, the funder, the vendor, a total' '
	test_status 200 $I/decisions &&
	grep -q "<a href=\"$I/decisions/d-[0-9]*\">[A-Z]" .body &&
	! grep -q "<a href=\"$I/decisions/d-[0-9]*\">d-[0-9]" .body &&
	test_grep "<td data-label=\"Contrary views\">⚑ yes</td>" .body &&
	test_status 200 $I/ledger &&
	! grep -q "data-label=\"Grant\">g-[0-9]" .body &&
	test_grep "data-label=\"Recipient\">Outside vendor<" .body &&
	test_grep "<p class=\"total\">Total of the [0-9]* listed: \\$[0-9,]*\.[0-9][0-9]</p>" .body &&
	test_status 200 $I/checkins &&
	test_grep "<th scope=\"col\">Progress</th>" .body
'

test_expect_success 'codes stay out of titles: an organization is titled by its name, no Slug column' '
	test_status 200 /program/organizations/atlantic-reserve &&
	! grep -q "<h1>Organization atlantic-reserve" .body &&
	test_grep "<h1>Atlantic" .body &&
	test_status 200 /program/organizations &&
	! grep -q ">Slug<" .body
'

test_expect_success 'outside an initiative no one is "someone else": the program forms list everyone' '
	test_status 200 /program/people/new &&
	test_grep "<optgroup label=\"Organizations\">" .body &&
	! grep -q "Someone else" .body
'

test_done
