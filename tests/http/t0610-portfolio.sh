#!/bin/sh
# The program portfolio (PAGES.md, DESIGN §6): all six demo initiatives with
# both scores, what to discuss, what goes well and the shared result's
# progress with on track yes or no; the quadrant of all of them, each point
# linking to its dashboard; members and viewers sent to their initiative.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

SLUGS="harlow-mills port-ashby quarry-bend wexford-junction riverton-locks calder-springs"

# rows: the portfolio table's rows (its body: the footer holds the totals), one tag a line
rows () {
	tr "<" "\n" <.body | sed -n "/^table class=\"portfolio\"/,/^\\/table>/p" |
	    sed -n "/^tbody>/,/^\\/tbody>/p"
}

test_expect_success 'one <h1>, the program; every initiative in the table' '
	test_status 200 / &&
	test_security_headers &&
	test $(grep -o "<h1" .body | wc -l) = 1 &&
	test_grep "<h1>Atlantic Working Communities Challenge — Round 1</h1>" .body &&
	rows >t &&
	test $(grep -c "^th scope=\"row\">" t) = 6 &&
	for s in $SLUGS; do
		grep -q "^a href=\"/i/$s\">" t || { echo "no row for $s"; exit 1; }
	done
'

test_expect_success 'each row: two scores, alerts, strengths, progress as a percentage, on track yes or no' '
	test_status 200 / &&
	rows >t &&
	test $(grep -c "^td class=\"num\" data-label=\"Stepping \\(back\\|up\\)\">[0-9][0-9]*\$" t) = 12 &&
	test $(grep -c "^td class=\"result\" data-label=\"Shared result\">-\\?[0-9][0-9]*% of the way" t) = 6 &&
	test $(grep -c "^div class=\"note\">On track: \\(✓ yes\\|✗ no, behind the path\\)" t) = 6 &&
	grep -q "^div class=\"note\">On track: ✓ yes" t &&
	grep -q "^div class=\"note\">On track: ✗ no" t &&
	test_grep "^a href=\"/i/quarry-bend#to-discuss\">Backbone dominance" t &&
	test_grep "^li class=\"good\">Shared leadership" t &&
	test_grep "^span class=\"note\">nothing raised" t
'

test_expect_success 'the progress is the report figure result.progress' '
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of 2016-12-31 --months 12 --format json >r.json &&
	p=$(sed -n "s/.*\"result.progress\": *{[^}]*\"value\": *\\([-0-9.]*\\).*/\\1/p" r.json | head -1) &&
	test -n "$p" &&
	pct=$(awk -v p="$p" "BEGIN { printf \"%.0f\", p * 100 }") &&
	test_status 200 / &&
	rows | grep -A2 "^a href=\"/i/harlow-mills\">" >/dev/null &&
	rows >t &&
	grep -q "^td class=\"result\" data-label=\"Shared result\">$pct% of the way" t
'

test_expect_success 'the quadrant of all of them, each point a link to its dashboard' '
	test_status 200 / &&
	tr "<" "\n" <.body | sed -n "/aria-labelledby=\"q-program-title\"/,/^\\/svg>/p" >q &&
	test_grep "role=\"group\"" q &&
	for s in $SLUGS; do
		grep -q "^a href=\"/i/$s\">" q || { echo "no point for $s"; exit 1; }
	done &&
	test $(grep -c " class=\"pt[ \"]" q) = 6 &&
	for s in $SLUGS; do test_status 200 /i/$s || exit 1; done
'

test_expect_success 'the period form moves the portfolio' '
	test_status 200 "/?as_of=2015-06-30&months=6" &&
	test_grep "31 Dec 2014 – 30 Jun 2015" .body &&
	test_status 400 "/?as_of=2015-02-30"
'

test_expect_success 'the portfolio is the same until a write, then shows it at once' '
	printf "a long password 1\n" >pw &&
	"$TRELLIS" --db demo.db user add pa@example.org --role admin --password-file pw &&
	"$TRELLIS" --db demo.db token add --user pa@example.org >admin.tok 2>/dev/null &&
	test_status 200 / && rows >r1 &&
	test_status 200 / && rows >r2 && test_cmp r1 r2 &&
	! grep -q "Quarry Bend Renewed" r1 &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -X PATCH -H "Authorization: Bearer $(cat admin.tok)" \
	    -H "Content-Type: application/json" --data "{\"name\": \"Quarry Bend Renewed\"}" \
	    "$URL/api/v1/program/organizations/quarry-bend-renewal") &&
	test "$code" = 200 &&
	test_status 200 / && rows >r3 &&
	test_grep "Quarry Bend Renewed" r3
'

http_kill
TRELLIS_DEV_ROLE=member:port-ashby http_start --dev-insecure-role

test_expect_success 'a member is sent to their initiative' '
	test_status 303 / &&
	test_grep "^Location: /i/port-ashby\$" .head
'

test_done
