#!/bin/sh
# A program's own survey instruments on the web (issue 5, DESIGN §4): an
# admin adds one with its items as rows (more rows without JavaScript, a
# row removed by its checkbox), it is listed, read with its items in a
# table, exported by `trellis export`, and a survey round opens with it;
# every problem comes back on the form (422, the summary linking to the
# field, the message beside it, what was typed kept) with nothing saved;
# items that survey answers use cannot be removed or reworded; the two
# built-in instruments are read only; members, viewers and evaluators may
# not post; a post without the session's CSRF token is refused.
. "$(dirname "$0")/t02-accounts.sh"

accounts_setup
http_start --dev-cookie
sign_in admin@x.org jar >/dev/null
T=$(csrf_of jar /program/instruments/new)

# post PATH [CURL OPTIONS...]: the admin's form POST with the CSRF token; prints the status.
post () {
	p=$1
	shift
	http_get "$p" -b jar --data-urlencode "csrf=$T" "$@"
}

# The three items of the happy path, as a form sends them.
items3="-d items.0.code=heard --data-urlencode items.0.text=Partners_are_heard -d items.0.category=voice
-d items.1.code=informed --data-urlencode items.1.text=We_hear_news_early -d items.1.category=voice
-d items.2.code=paid --data-urlencode items.2.text=Partners_are_paid -d items.2.category=money"

test_expect_success 'the add form: the note, item rows with labels, more rows, the CSRF field' '
	test_status 200 /program/instruments/new -b jar &&
	test_grep "answer from 1 (strongly disagree) to 5 (strongly agree)" .body &&
	test_grep "<label for=\"code\">Code</label>" .body &&
	test_grep "<fieldset id=\"items\" class=\"field\"><legend>Items</legend>" .body &&
	test_grep "<label for=\"items.2.text\">Text</label>" .body &&
	! grep -q "id=\"items.3.code\"" .body &&
	test_grep "name=\"more_rows\" value=\"items\" formaction=\"/program/instruments#items-more\"" .body &&
	test_grep "name=\"csrf\" value=\"$T\"" .body
'

test_expect_success '"Add more rows" gives the form again with what was typed and 3 more rows' '
	test_status 200 /program/instruments -d code=team-voice --data-urlencode "title=Team voice" \
	    -d items.0.code=heard -d items.0.text=Heard -d items.0.category=voice \
	    -d items.1.code= -d items.1.text= -d items.1.category= \
	    -d items.2.code= -d items.2.text= -d items.2.category= \
	    -d more_rows=items -b jar --data-urlencode "csrf=$T" &&
	test_grep "value=\"Team voice\"" .body &&
	test_grep "id=\"items.0.code\" name=\"items.0.code\" value=\"heard\"" .body &&
	test_grep "id=\"items.5.code\"" .body &&
	! grep -q "id=\"items.6.code\"" .body &&
	test_grep "<div class=\"row row-items\" id=\"items-more\">" .body &&
	! grep -q "class=\"error-summary\"" .body &&
	test_status 404 /program/instruments/team-voice -b jar
'

test_expect_success 'no CSRF token: 403, nothing added' '
	test_status 403 /program/instruments -b jar -d code=team-voice -d title=Team $items3 &&
	test_status 404 /program/instruments/team-voice -b jar
'

# bad WANT-PATH WANT-TEXT [FORM...]: the add form comes back 422 with the problem at WANT-PATH.
bad () {
	path=$1 text=$2
	shift 2
	got=$(post /program/instruments "$@")
	if test "$got" != 422; then
		echo "bad: $path answered $got"
		return 1
	fi
	test_grep "class=\"error-summary\"" .body &&
	test_grep "<a href=\"#$path\">" .body &&
	test_grep "<p class=\"error\" id=\"$path-error\"><span>Error: </span>[^<]*$text" .body
}

test_expect_success 'a missing code, a code that is no slug, a missing title: 422 beside the field' '
	bad code "required" -d code= -d title=Team $items3 &&
	test_grep "value=\"Partners_are_paid\"" .body &&
	bad code "not a slug" -d "code=Team Voice" -d title=Team $items3 &&
	bad title "required" -d code=team-voice -d title= $items3 &&
	test_status 404 /program/instruments/team-voice -b jar
'

test_expect_success 'no item at all, and every row blank or removed: 422 at the items' '
	bad items "at least one item" -d code=team-voice -d title=Team \
	    -d items.0.code= -d items.0.text= -d items.0.category= &&
	bad items "at least one item" -d code=team-voice -d title=Team \
	    -d items.0.code=x -d items.0.text=X -d items.0.category=c -d items.0.remove=yes &&
	test_grep "id=\"items.0.remove\" name=\"items.0.remove\" value=\"yes\" checked" .body
'

test_expect_success 'an item row: bad code, missing text, missing category, beside the row' '
	bad items.1.code "not a slug" -d code=team-voice -d title=Team \
	    -d items.0.code=a -d items.0.text=A -d items.0.category=c \
	    -d items.1.code=B_2 -d items.1.text=B -d items.1.category=c &&
	test_grep "Items, row 2, code: " .body &&
	bad items.0.text "required" -d code=team-voice -d title=Team \
	    -d items.0.code=a -d items.0.text= -d items.0.category=c &&
	bad items.0.category "required" -d code=team-voice -d title=Team \
	    -d items.0.code=a -d items.0.text=A -d items.0.category=
'

test_expect_success 'a duplicate item code: 422 on the row that repeats it (blank rows counted)' '
	bad items.3.code "used twice" -d code=team-voice -d title=Team \
	    -d items.0.code=a -d items.0.text=A -d items.0.category=c \
	    -d items.1.code= -d items.1.text= -d items.1.category= \
	    -d items.2.code=b -d items.2.text=B -d items.2.category=c \
	    -d items.3.code=a -d items.3.text=A2 -d items.3.category=c &&
	test_grep "value=\"A2\"" .body
'

test_expect_success 'too many items (over 100): 422 at the items' '
	args="" &&
	i=0 &&
	while test $i -le 100; do
		args="$args -d items.$i.code=q$i -d items.$i.text=Q$i -d items.$i.category=c"
		i=$((i + 1))
	done &&
	bad items "at most 100" -d code=team-voice -d title=Team $args
'

test_expect_success 'an instrument code that is taken, by a built-in one: 422' '
	bad code "used twice" -d code=balance -d title=Team $items3
'

test_expect_success 'adding an instrument with 3 items (a removed row left out): 303 to it' '
	got=$(post /program/instruments -d code=team-voice --data-urlencode "title=Team voice" $items3 \
	    -d items.3.code=gone -d items.3.text=Gone -d items.3.category=c -d items.3.remove=yes) &&
	test "$got" = 303 &&
	grep -i "^Location: /program/instruments/team-voice" .head &&
	test_status 200 /program/instruments -b jar &&
	test_grep "<a href=\"/program/instruments/team-voice\">Team voice</a>" .body &&
	test_status 200 /program/instruments/team-voice -b jar &&
	test_grep "<td data-label=\"Code\">heard</td><td data-label=\"Text\">Partners_are_heard</td><td data-label=\"Category\">voice</td>" .body &&
	test_grep "<td data-label=\"Code\">paid</td><td data-label=\"Text\">Partners_are_paid</td><td data-label=\"Category\">money</td>" .body &&
	! grep -q "gone" .body &&
	test_grep "No survey uses it yet" .body &&
	test_grep "Change this instrument" .body &&
	test_grep "id=\"items.2.remove\"" .body
'

test_expect_success 'trellis export has it, with its items' '
	"$TRELLIS" --db demo.db export >export.json &&
	test_grep "{\"code\": \"team-voice\", \"title\": \"Team voice\", \"items\": \[" export.json &&
	test_grep "{\"code\": \"paid\", \"text\": \"Partners_are_paid\", \"category\": \"money\"}" export.json &&
	! grep -q "\"code\": \"balance\"" export.json
'

test_expect_success 'a survey round opens with it, and an invitation answers it' '
	test "$(post /i/harlow-mills/surveys/rounds -d action=open -d id=s-tv \
	    -d instrument=team-voice -d opened=2016-05-01)" = 303 &&
	test_status 200 /i/harlow-mills/surveys/rounds -b jar &&
	test_grep "s-tv" .body &&
	test_grep "Team voice" .body &&
	test "$(post /i/harlow-mills/surveys/rounds -d action=invite -d survey=s-tv \
	    -d person=carmen-brennan)" = 200 &&
	link=$(grep -o "/s/[A-Za-z0-9_-]\{43\}" .body | head -n 1) &&
	test -n "$link" &&
	test_status 200 "$link" &&
	test_grep "Partners_are_heard" .body &&
	test "$(http_get "$link" -d heard=4 -d informed=3 -d paid=2)" = 303
'

# edit [FORM...]: the edit form of team-voice posted with the items as they are and FORM after.
edit () {
	post /program/instruments/team-voice -d code=team-voice --data-urlencode "title=Team voice" "$@"
}

test_expect_success 'an answered item cannot be reworded or removed: 422, nothing changed' '
	test_status 200 /program/instruments/team-voice -b jar &&
	test_grep "Items that survey answers use, which stay as they are: heard, informed, paid" .body &&
	test_grep "<a href=\"/i/harlow-mills/surveys/s-tv\">s-tv</a>" .body &&
	test "$(edit -d items.0.code=heard --data-urlencode items.0.text=Reworded -d items.0.category=voice \
	    -d items.1.code=informed --data-urlencode items.1.text=We_hear_news_early -d items.1.category=voice \
	    -d items.2.code=paid --data-urlencode items.2.text=Partners_are_paid -d items.2.category=money)" = 422 &&
	test_grep "<p class=\"error\" id=\"items.0.text-error\"><span>Error: </span>item &#39;heard&#39; has 1 survey answer: its text cannot change" .body &&
	test_grep "value=\"Reworded\"" .body &&
	test "$(edit $items3 -d items.2.remove=yes)" = 422 &&
	test_grep "<p class=\"error\" id=\"items-error\"><span>Error: </span>item &#39;paid&#39; cannot be removed" .body &&
	test_status 200 /program/instruments/team-voice -b jar &&
	test_grep "<td data-label=\"Code\">paid</td><td data-label=\"Text\">Partners_are_paid</td><td data-label=\"Category\">money</td>" .body
'

test_expect_success 'a new item can be added to an answered instrument: 303' '
	test "$(edit $items3 -d items.3.code=trusted --data-urlencode items.3.text=We_trust_each_other \
	    -d items.3.category=trust)" = 303 &&
	test_status 200 /program/instruments/team-voice -b jar &&
	test_grep "<td data-label=\"Code\">trusted</td><td data-label=\"Text\">We_trust_each_other</td><td data-label=\"Category\">trust</td>" .body
'

test_expect_success 'the built-in instruments are read only, for an admin too' '
	test_status 200 /program/instruments/balance -b jar &&
	test_grep "one of the two built-in instruments" .body &&
	! grep -q "<form class=\"record\"" .body &&
	! grep -q "value=\"delete\"" .body &&
	test_grep "<td data-label=\"Code\">shared_leadership</td>" .body &&
	test "$(post /program/instruments/balance -d code=balance -d title=Mine \
	    -d items.0.code=a -d items.0.text=A -d items.0.category=c)" = 403 &&
	test_grep "built-in instruments cannot be changed" .body &&
	test "$(post /program/instruments/director-support -d action=delete)" = 403 &&
	test_status 200 /program/instruments/balance -b jar &&
	test_grep "Stepping up and stepping back" .body
'

for who in member:/i/harlow-mills viewer:/i/harlow-mills eval:/; do
	page=${who#*:}
	who=${who%%:*}
	test_expect_success "a $who may not add or change an instrument" '
		sign_in $who@x.org jar.$who >/dev/null &&
		tok=$(csrf_of jar.$who $page) &&
		test -n "$tok" &&
		want=403 &&
		got=$(http_get /program/instruments -b jar.$who --data-urlencode "csrf=$tok" \
		    -d code=mine -d title=Mine -d items.0.code=a -d items.0.text=A -d items.0.category=c) &&
		test "$got" = $want &&
		got=$(http_get /program/instruments/team-voice -b jar.$who --data-urlencode "csrf=$tok" \
		    -d code=team-voice -d title=Mine -d items.0.code=a -d items.0.text=A -d items.0.category=c) &&
		test "$got" = $want &&
		test "$(http_get /program/instruments/new -b jar.$who)" = 403 &&
		test_status 404 /program/instruments/mine -b jar
	'
done

test_expect_success 'an evaluator reads the list and the instrument, without a form' '
	test_status 200 /program/instruments/team-voice -b jar.eval &&
	test_grep "<td data-label=\"Code\">heard</td>" .body &&
	! grep -q "<form class=\"record\"" .body &&
	test_status 200 /program/instruments -b jar.eval &&
	! grep -q "/program/instruments/new" .body
'

test_expect_success 'deleting an instrument a survey uses: refused, nothing deleted' '
	test "$(post /program/instruments/team-voice -d action=delete -d confirm=yes)" = 422 &&
	test_grep "<a href=\"#code\">Code: &#39;team-voice&#39; cannot be deleted: survey &#39;s-tv&#39; of Harlow Mills Family Prosperity Initiative uses it</a>" .body &&
	test_status 200 /program/instruments/team-voice -b jar
'

test_expect_success 'the API: the same checks, the row of a bad item in "field"' '
	"$TRELLIS" --db demo.db token add --user admin@x.org 2>/dev/null |
	    grep -Eo "[A-Za-z0-9_-]{43}" | head -n 1 >bearer &&
	A="Authorization: Bearer $(cat bearer)" &&
	J="Content-Type: application/json" &&
	test "$(http_get /api/v1/program/instruments -H "$A" -H "$J" --data 	    "{\"code\": \"api-one\", \"title\": \"T\", \"items\": [{\"code\": \"a\", \"text\": \"A\", \"category\": \"c\"}, {\"code\": \"a\", \"text\": \"B\", \"category\": \"c\"}]}")" = 422 &&
	test_grep "\"field\": \"items.1.code\"" .body &&
	test "$(http_get /api/v1/program/instruments/team-voice -X PATCH -H "$A" -H "$J" --data 	    "{\"items\": [{\"code\": \"heard\", \"text\": \"Other words\", \"category\": \"voice\"}]}")" = 422 &&
	test_grep "\"item .heard. has 1 survey answer: its text cannot change (add a new item instead)\", \"field\": \"items.0.text\"" .body &&
	test "$(http_get /api/v1/program/instruments/balance -X DELETE -H "$A")" = 422 &&
	test_grep "built-in instrument" .body
'

test_done
