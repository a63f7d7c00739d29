#!/bin/sh
# Survey rounds on the web: open a round, make links and close it (editors);
# the anonymous answer form answers once per link (then 410), a closed round
# takes no answers, a missing or out-of-range answer comes back with the
# message beside its question (422); the stored response has nothing that
# joins it to its invitation; results hide a group of 2 and show one of 3.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

I=/i/harlow-mills
R=$I/surveys/rounds

# answer LINKPATH VALUE: posts VALUE for every item of the form in .form
answer () {
	set -- "$1" "$2" $(grep -o "name=\"[a-z0-9_]*\" value=\"1\"" .form | sed "s/name=\"\([^\"]*\)\".*/\1/")
	link=$1 v=$2
	shift 2
	args=""
	for item in "$@"; do args="$args -d $item=$v"; done
	curl -s -o .answer -D .answer.head -w "%{http_code}" $args "$URL$link"
}

test_expect_success 'the rounds page lists the rounds with their results, and the forms' '
	test_status 200 $R &&
	test_security_headers &&
	test_grep "<h1>Survey rounds</h1>" .body &&
	test_grep "href=\"$I/surveys/s-1/results\"" .body &&
	test_grep "name=\"action\" value=\"open\"" .body &&
	test_grep "type=\"date\" id=\"opened\"" .body
'

test_expect_success 'open a round: 303 back to the rounds, listed as open' '
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d action=open \
		-d instrument=director-support -d id=ds-web -d opened=2017-03-01 "$URL$R") &&
	test "$code" = "303 $URL$R" &&
	test_status 200 $R &&
	test_grep "<td data-label=\"Round\">ds-web</td>" .body &&
	test_grep "name=\"survey\" value=\"ds-web\"" .body
'

test_expect_success 'open a round with a bad date or a taken id: 422 with the form again' '
	test_status 422 $R -d action=open -d instrument=balance -d id=x -d opened=soon &&
	test_grep "error-summary" .body &&
	test_status 422 $R -d action=open -d instrument=balance -d id=ds-web -d opened=2017-03-01
'

test_expect_success 'make links for people of the team: shown once, of the server and 43 characters' '
	test_status 200 $R -d action=invite -d survey=ds-web -d person=carmen-brennan -d person=colm-pereira -d person=fatima-mensah -d person=kwame-kowalski -d person=mei-doyle -d person=patrick-marchetti &&
	grep -o "<code>[^<]*/s/[A-Za-z0-9_-]\{43\}</code>" .body | sed "s|<code>[^<]*\(/s/[^<]*\)</code>|\1|" >links &&
	test_line_count links 6 &&
	test_grep "6 new links for round ds-web" .body &&
	test_grep "Carmen Brennan (partner): <code>" .body &&
	test_status 409 $R -d action=invite -d survey=ds-web -d person=carmen-brennan &&
	test_grep "one link per person per round" .body &&
	test_status 422 $R -d action=invite -d survey=ds-web -d person=nobody &&
	test_status 422 $R -d action=invite -d survey=ds-web &&
	test_status 422 $R -d action=invite -d survey=ds-web -d group=director -d count=3 &&
	test_grep "Links are made for people of the team now" .body &&
	test_status 200 $R &&
	test_grep "Carmen Brennan (partner): has a link" .body
'

test_expect_success 'the answer form: anonymous, words on the five answers, the privacy note' '
	code=$(curl -s -o .form -w "%{http_code}" "$URL$(sed -n 1p links)") &&
	test "$code" = 200 &&
	test_grep "Strongly disagree" .form &&
	test_grep "Neither agree nor disagree" .form &&
	test_grep "Strongly agree" .form &&
	test_grep "anonymous" .form &&
	test_grep "full backup keeps each set of answers with the group" .form &&
	test $(grep -o "type=\"radio\"" .form | wc -l) -ge 20 &&
	test_status 404 /s/not-a-link
'

test_expect_success 'an out-of-range or missing answer: 422, the message beside the question' '
	code=$(answer "$(sed -n 1p links)" 7) &&
	test "$code" = 422 &&
	test_grep "<p class=\"error\" id=\"trusted-error\"><span>Error: </span>That is not one of the five answers" .answer &&
	test_grep "error-summary" .answer &&
	code=$(curl -s -o .answer -w "%{http_code}" -d trusted=4 "$URL$(sed -n 1p links)") &&
	test "$code" = 422 &&
	test_grep "id=\"supported-error\"><span>Error: </span>Choose one answer" .answer &&
	test_grep "value=\"4\" required checked" .answer
'

test_expect_success 'a cross-site post is refused by the origin check' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -H "Origin: https://evil.example" \
		-d trusted=4 "$URL$(sed -n 1p links)") &&
	test "$code" = 403
'

test_expect_success 'an invitation answers once: 303 to thanks, then 410' '
	code=$(answer "$(sed -n 1p links)" 4) &&
	test "$code" = 303 &&
	test_grep "^Location: /s/thanks" .answer.head &&
	code=$(answer "$(sed -n 1p links)" 2) &&
	test "$code" = 410 &&
	test_grep "This link has been used" .answer &&
	test_status 410 "$(sed -n 1p links)"
'

# cols DB TABLE, fks DB TABLE: a table's columns in order; its foreign
# keys as "column|referenced column" (SQLite's pragmas; on PostgreSQL the
# catalog says the same).
if test_pg_pass; then
	cols () {
		sqlite3 "$1" "SELECT column_name FROM information_schema.columns
		    WHERE table_name = '$2' ORDER BY ordinal_position"
	}
	fks () {
		sqlite3 "$1" "SELECT a.attname || '|' || b.attname FROM pg_constraint c
		    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
		    JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = ANY (c.confkey)
		    WHERE c.contype = 'f' AND c.conrelid = '$2'::regclass"
	}
else
	cols () {
		sqlite3 "$1" "SELECT name FROM pragma_table_info('$2')"
	}
	fks () {
		sqlite3 "$1" "SELECT \"from\", \"to\" FROM pragma_foreign_key_list('$2')"
	}
fi

test_expect_success 'the response has no link to its invitation' '
	command -v sqlite3 >/dev/null || exit 0
	db=$TEST_DIR/demo.db
	cols "$db" response >cols &&
	printf "id\nsurvey_id\nrespondent_group\n" >want && test_cmp want cols &&
	cols "$db" survey_invitation >cols &&
	printf "id\nsurvey_id\ntoken_hash\nrespondent_group\nused\nperson_id\nlang\n" >want && test_cmp want cols &&
	fks "$db" response >fk &&
	echo "survey_id|id" >want && test_cmp want fk &&
	sqlite3 "$db" "SELECT r.id, v.id FROM response r JOIN survey s ON s.id = r.survey_id
		JOIN survey_invitation v ON v.survey_id = s.id AND v.used = 1 WHERE s.ident = '"'"'ds-web'"'"'" >pair &&
	test_line_count pair 1 &&
	rid=$(cut -d"|" -f1 pair) vid=$(cut -d"|" -f2 pair) &&
	test "$rid" != "$vid" && test "$rid" -gt 1000000 &&
	test "$(sqlite3 "$db" "SELECT max(id) FROM response WHERE id < $rid")" != "$((rid - 1))"
'

test_expect_success 'while open: no results, no count per group, no live count' '
	code=$(answer "$(sed -n 2p links)" 2) && test "$code" = 303 &&
	code=$(answer "$(sed -n 3p links)" 5) && test "$code" = 303 &&
	test_status 200 $I/surveys/ds-web/results &&
	test_grep "Results and the answers per group appear when the round closes" .body &&
	! grep -q "n = " .body &&
	test_status 200 $R &&
	test_grep "<td class=\"num\" data-label=\"Responses\">0 before today</td>" .body &&
	test_status 200 /api/v1/initiatives/harlow-mills/surveys/ds-web &&
	test_grep "\"results\": null" .body
'

test_expect_success 'results of a demo round: bands, gap and the change against the round before' '
	test_status 200 $I/surveys/s-3/results &&
	test_grep "Change: against round s-1" .body &&
	grep -q "<td class=\"num\">[+-][0-9]\.[0-9][0-9]</td></tr>" .body &&
	test_status 404 $I/surveys/no-such/results
'

test_expect_success 'the close form asks for the closing date, today by default' '
	test_status 200 $R &&
	test_grep "<label for=\"closed-ds-web\">Closed on</label><input type=\"date\" id=\"closed-ds-web\" name=\"closed\" value=\"$(date +%Y-%m-%d)\"/>" .body
'

test_expect_success 'close with a bad date or one before the round opened: 422, the error beside the field, still open' '
	test_status 422 $R -d action=close -d survey=ds-web -d closed=2017-02-30 &&
	test_grep "error-summary" .body &&
	test_grep "href=\"#closed-ds-web\"" .body &&
	test_grep "id=\"closed-ds-web\" name=\"closed\" value=\"2017-02-30\" aria-invalid=\"true\" aria-describedby=\"closed-ds-web-error\"/><p class=\"error\" id=\"closed-ds-web-error\"><span>Error: </span>Give the day the round closed as a date" .body &&
	test_status 422 $R -d action=close -d survey=ds-web -d closed=2017-02-28 &&
	test_grep "<p class=\"error\" id=\"closed-ds-web-error\"><span>Error: </span>The round opened on 1 Mar 2017: it cannot close before that." .body &&
	test_status 200 $R &&
	test_grep "Round ds-web is open" .body
'

test_expect_success 'close the round on its date (an old round keeps its window): then a link takes no answers (a clear page)' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -d action=close -d survey=ds-web -d closed=2017-03-20 "$URL$R") &&
	test "$code" = 303 &&
	"$TRELLIS" --db "$TEST_DIR/demo.db" export --format csv --out csv-closed &&
	grep -q "^harlow-mills,ds-web,director-support,2017-03-01,2017-03-20," csv-closed/surveys.csv &&
	code=$(answer "$(sed -n 4p links)" 3) &&
	test "$code" = 410 &&
	test_grep "This survey has closed" .answer &&
	test_status 410 "$(sed -n 5p links)" &&
	test_status 409 $R -d action=close -d survey=ds-web &&
	test_status 409 $R -d action=invite -d survey=ds-web -d person=rafael-okafor
'

test_expect_success 'results when closed: a group of 3 answers shows, the rest does not' '
	test_status 200 $I/surveys/ds-web/results &&
	test_grep "<td class=\"num\">3.67<span class=\"band discuss\"> worth discussing</span><span class=\"n\"> n = 3</span></td><td class=\"suppressed\">not shown</td><td class=\"suppressed\">not shown</td><td class=\"num\">3.67" .body &&
	! grep -q "n = 2<" .body &&
	! grep -q "n = 1<" .body &&
	test_grep "How the answers spread" .body
'

test_expect_success 'a round opened from the command line answers at once' '
	"$TRELLIS" --db "$TEST_DIR/demo.db" survey open --initiative harlow-mills \
		--instrument director-support --id cli-round >/dev/null &&
	"$TRELLIS" --db "$TEST_DIR/demo.db" survey invite --initiative harlow-mills \
		--survey cli-round --person ana-mensah --url "$URL" | cut -f3 >cli-links &&
	code=$(curl -s -o .form -w "%{http_code}" "$(cat cli-links)") &&
	test "$code" = 200 &&
	code=$(answer "$(sed "s|^$URL||" cli-links)" 3) &&
	test "$code" = 303
'

test_done
