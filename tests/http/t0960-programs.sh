#!/bin/sh
# Several programs on one server (issue 14 item 3; docs/web.md, "Several
# programs on one server"): the demo program (wcc-demo) and a bench/gen
# program (national-bench) in one database, served by one `trellis serve`.
# Each program's pages are under /p/{program}/ and its API under
# /api/v1/programs/{program}/, with every link inside them; / lists the
# programs (an admin) or sends a person to their own; an evaluator or
# member of one program gets 404 for every page of the other; a write in
# one program leaves the other's cached initiatives in place. With one
# program (t0961) today's addresses are unchanged.
. "$(dirname "$0")/t02-accounts.sh"

A=wcc-demo
B=national-bench
accounts_setup
"$TEST_TOP/${BUILD:-build}/bench/gen" --scale 0.001 --format json --out "$TEST_DIR/gen.json" &&
"$TRELLIS" --db "$HTTP_DB" import "$TEST_DIR/gen.json" >/dev/null ||
	{ echo "not ok - cannot import the second program"; exit 1; }
BI=$(sqlite3 "$HTTP_DB" "SELECT i.slug FROM initiative i JOIN program p ON p.id = i.program_id
	WHERE p.slug = '$B' LIMIT 1")
"$TRELLIS" --db "$HTTP_DB" --program $B user add evalb@x.org --role evaluator \
	--password-file "$TEST_DIR/pw" >/dev/null &&
"$TRELLIS" --db "$HTTP_DB" user add memberb@x.org --role member --initiative "$BI" \
	--password-file "$TEST_DIR/pw" >/dev/null ||
	{ echo "not ok - cannot add B's accounts"; exit 1; }
for u in admin eval evalb memberb; do
	"$TRELLIS" --db "$HTTP_DB" token add --user $u@x.org >"$TEST_DIR/$u.tok" 2>/dev/null ||
		{ echo "not ok - cannot add a token for $u"; exit 1; }
done
http_start --dev-cookie

# as JAR PATH: GET PATH with JAR's session; prints the status (and the redirect's target)
as () {
	curl -s -b "$1" -o .body -w '%{http_code} %{redirect_url}' "$URL$2" | sed "s| *$||; s|$URL||"
}
# api WHO PATH: GET PATH with WHO's bearer token; prints the status
api () {
	curl -s -H "Authorization: Bearer $(cat $1.tok)" -o .body -w '%{http_code}' "$URL$2"
}
# links: every site path the page in .body links to or posts to (not the stylesheet)
links () {
	grep -o '\(href\|action\|src\)="/[^"]*"' .body | sed 's/^[a-z]*="//; s/"$//' |
		grep -v '^/static/' | sort -u
}

test_expect_success 'setup: the server serves both programs and everyone signs in' '
	test_grep "2 programs (under /p/PROGRAM/)" "$TEST_DIR/serve.log" &&
	test -n "$BI" &&
	for u in admin eval evalb memberb member; do
		test "$(sign_in $u@x.org $u.jar)" = 303 || return 1
	done
'

test_expect_success '/ lists the programs for an admin, each a link to its own pages' '
	test "$(as admin.jar /)" = 200 &&
	test_grep "href=\"/p/$A/\"" .body &&
	test_grep "href=\"/p/$B/\"" .body &&
	test_grep "Atlantic Working Communities" .body
'

test_expect_success '/ sends anyone else to the program they have' '
	test "$(as eval.jar /)" = "303 /p/$A/" &&
	test "$(as evalb.jar /)" = "303 /p/$B/" &&
	test "$(as member.jar /)" = "303 /p/$A/i/harlow-mills" &&
	test "$(as memberb.jar /)" = "303 /p/$B/i/$BI"
'

test_expect_success 'each program has its pages under /p/{program}/, and every link stays in it' '
	for p in / /i/harlow-mills /i/harlow-mills/decisions /program/organizations /program/settings \
	    /admin/users /i/harlow-mills/network; do
		test "$(as admin.jar /p/$A$p)" = 200 || { echo "$p"; return 1; }
		links >l &&
		test -s l &&
		! grep -v "^/p/$A/" l || { echo "$p links out of $A"; return 1; }
	done &&
	test "$(as admin.jar /p/$B/i/$BI)" = 200 &&
	links >l && ! grep -v "^/p/$B/" l &&
	test_grep "/p/$B/i/$BI/decisions" l
'

test_expect_success 'with several programs a path that names none is no program page' '
	test "$(as admin.jar /program/settings)" = 404 &&
	test "$(api admin /api/v1/initiatives)" = 404 &&
	test "$(api eval /api/v1/initiatives)" = 404 &&
	test "$(as admin.jar /p/nope/)" = 404 &&
	test "$(as admin.jar /p/nope/i/harlow-mills)" = 404 &&
	test "$(as admin.jar /i/no-such-initiative)" = 404
'

test_expect_success 'an address of the days of one program leads to its program (a GET)' '
	test "$(as admin.jar "/i/harlow-mills/decisions?as_of=2016-06-30")" = \
	    "303 /p/$A/i/harlow-mills/decisions?as_of=2016-06-30" &&
	test "$(as admin.jar /i/$BI)" = "303 /p/$B/i/$BI" &&
	test "$(as eval.jar /program/settings)" = "303 /p/$A/program/settings" &&
	test "$(as member.jar /i/harlow-mills)" = "303 /p/$A/i/harlow-mills" &&
	test "$(as nobody.jar /i/harlow-mills)" = "303 /login" &&
	test "$(as memberb.jar /i/harlow-mills)" = "303 /p/$B/i/harlow-mills" &&
	test "$(as memberb.jar /p/$B/i/harlow-mills)" = 404 &&
	csrf=$(curl -s -b admin.jar "$URL/p/$A/i/harlow-mills/decisions/new" |
	    sed -n "s/.*name=\"csrf\" value=\"\([^\"]*\)\".*/\1/p" | head -n 1) &&
	test "$(curl -s -b admin.jar -o /dev/null -w "%{http_code}" -d csrf=$csrf \
	    "$URL/i/harlow-mills/decisions")" = 404
'

test_expect_success 'one program never shows an initiative of the other' '
	test "$(as admin.jar /p/$B/i/harlow-mills)" = 404 &&
	test "$(as admin.jar /p/$A/i/$BI)" = 404 &&
	test "$(api admin /api/v1/programs/$B/initiatives/harlow-mills)" = 404 &&
	test "$(api admin /api/v1/programs/$A/initiatives)" = 200 &&
	test_grep "harlow-mills" .body && ! grep -q "\"$BI\"" .body
'

test_expect_success 'an evaluator or member of one program gets 404 for every page of the other' '
	for p in / /i/$BI /i/$BI/decisions /program/organizations /program/settings /export; do
		test "$(as eval.jar /p/$B$p)" = 404 || { echo "eval $p"; return 1; }
		test "$(as member.jar /p/$B$p)" = 404 || { echo "member $p"; return 1; }
	done &&
	for p in / /i/harlow-mills /program/organizations /export; do
		test "$(as evalb.jar /p/$A$p)" = 404 || { echo "evalb $p"; return 1; }
		test "$(as memberb.jar /p/$A$p)" = 404 || { echo "memberb $p"; return 1; }
	done &&
	test "$(api eval /api/v1/programs/$B)" = 404 &&
	test "$(api eval /api/v1/programs/$B/initiatives)" = 404 &&
	test "$(api evalb /api/v1/programs/$A/initiatives/harlow-mills/decisions)" = 404 &&
	test "$(api memberb /api/v1/programs/$A/initiatives)" = 404 &&
	test "$(api evalb /api/v1/programs/$B/initiatives)" = 200 &&
	test_grep "\"$BI\"" .body
'

test_expect_success 'the API answers under /api/v1/programs/{program}/, and its Location stays there' '
	test "$(api evalb /api/v1/programs/$B)" = 200 &&
	test_grep "\"slug\": *\"$B\"" .body &&
	curl -s -H "Authorization: Bearer $(cat admin.tok)" -H "Content-Type: application/json" \
	    -D h -o .body -w "%{http_code}" \
	    -d "{\"id\": \"d-960\", \"title\": \"Through the programs API\", \"category\": \"strategy\", \"proposed\": \"2016-11-01\", \"decided\": \"2016-11-20\", \"decider\": \"team\"}" \
	    "$URL/api/v1/programs/$A/initiatives/harlow-mills/decisions" >code &&
	test "$(cat code)" = 201 &&
	tr -d "\015" <h >h2 &&
	test_grep "^Location: /api/v1/programs/$A/initiatives/harlow-mills/decisions/d-960$" h2
'

test_expect_success 'a form posted in a program redirects inside it' '
	csrf=$(curl -s -b admin.jar "$URL/p/$A/i/harlow-mills/decisions/new" |
	    sed -n "s/.*name=\"csrf\" value=\"\([^\"]*\)\".*/\1/p" | head -n 1) &&
	test -n "$csrf" &&
	curl -s -b admin.jar -o /dev/null -w "%{http_code} %{redirect_url}" -d csrf=$csrf -d id=d-961 \
	    --data-urlencode "title=Through the program page" -d category=strategy \
	    -d proposed=2016-11-03 -d decided=2016-11-21 -d decider=team \
	    "$URL/p/$A/i/harlow-mills/decisions" >out &&
	test_grep "^303 $URL/p/$A/i/harlow-mills/decisions" out
'

loads () {
	grep -c "loaded initiative $1 " "$TEST_DIR/serve.log"
}

test_expect_success 'a write in one program leaves the other program'"'"'s cached pages in place' '
	test "$(as admin.jar /p/$B/i/$BI)" = 200 &&
	cp .body before.html &&
	n=$(loads $BI) &&
	test "$n" -ge 1 &&
	test "$(api admin /api/v1/programs/$A/initiatives/harlow-mills/decisions/d-961)" = 200 &&
	curl -s -H "Authorization: Bearer $(cat admin.tok)" -H "Content-Type: application/json" \
	    -X PATCH -o /dev/null -w "%{http_code}" -d "{\"title\": \"Changed in A\"}" \
	    "$URL/api/v1/programs/$A/initiatives/harlow-mills/decisions/d-961" >code &&
	test "$(cat code)" = 200 &&
	test "$(as admin.jar /p/$B/i/$BI)" = 200 &&
	test "$(loads $BI)" = "$n" &&
	test "$(as admin.jar /p/$A/i/harlow-mills/decisions/d-961)" = 200 &&
	test_grep "Changed in A" .body
'

test_expect_success 'a survey link answers at /s/, in its own program, and not in the other' '
	"$TRELLIS" --db "$HTTP_DB" --program $B survey open --initiative $BI --instrument balance \
		--id s-960 >/dev/null &&
	"$TRELLIS" --db "$HTTP_DB" --program $B survey invite --initiative $BI --survey s-960 --all \
		--url "$URL" | cut -f3 | head -n 1 | sed "s|^$URL||" >link &&
	grep -q "^/s/" link &&
	test_status 200 "$(cat link)" &&
	test_grep "survey" .body &&
	test_status 200 "/p/$B$(cat link)" &&
	test_status 404 "/p/$A$(cat link)"
'

test_expect_success 'the access log names the address as sent' '
	test_grep "GET /p/$B/i/$BI " "$TEST_DIR/serve.log"
'

test_done
