#!/bin/sh
# Issue 16 point 2, anonymity against whoever makes the links (DESIGN §4).
# The attack: a member opens a round of director-support, makes three links
# for the group "director", hands one to the director and answers the other
# two himself; the director group has n = 3 and subtracting his own two
# answers gives the director's. Now a link is made for a person of the team
# (its group theirs), one per person per round, and the director is never a
# group: the attack's links cannot be made, and with the director's and the
# maker's own answers in, what is shown (after the round closes, never
# while open) is the partners' aggregate alone: nothing from which the
# director's answers can be subtracted out.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

I=/i/harlow-mills
R=$I/surveys/rounds
A=/api/v1/initiatives/harlow-mills/surveys/ds-attack

# answer LINKPATH VALUE: fetches the form and posts VALUE for every item
answer () {
	curl -s -o .form "$URL$1" &&
	set -- "$1" "$2" $(grep -o "name=\"[a-z0-9_]*\" value=\"1\"" .form | sed "s/name=\"\([^\"]*\)\".*/\1/")
	link=$1 v=$2
	shift 2
	args=""
	for item in "$@"; do args="$args -d $item=$v"; done
	curl -s -o .answer -w "%{http_code}" $args "$URL$link"
}

# links_of PERSON: the link made for PERSON on the page in .body
link_of () {
	grep -o "$1 ([a-z]*): <code>[^<]*</code>" .body | sed "s|.*<code>[^<]*\(/s/[^<]*\)</code>|\1|"
}

invitations () {
	sqlite3 "$TEST_DIR/demo.db" "SELECT count(*) FROM survey_invitation v JOIN survey s
		ON s.id = v.survey_id WHERE s.ident = 'ds-attack'"
}

test_expect_success 'the round opens' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -d action=open -d instrument=director-support \
		-d id=ds-attack -d opened=2017-03-01 "$URL$R") &&
	test "$code" = 303
'

test_expect_success 'three links for the group director cannot be made: not by group, not twice for the director' '
	test_status 422 $R -d action=invite -d survey=ds-attack -d group=director -d count=3 &&
	test_status 409 $R -d action=invite -d survey=ds-attack -d person=diego-mensah \
		-d person=diego-mensah -d person=diego-mensah &&
	test_grep "one link per person per round" .body &&
	test "$(invitations)" = 0
'

test_expect_success 'links for people: the director, the maker himself, three partners; a second for the director refused' '
	test_status 200 $R -d action=invite -d survey=ds-attack -d person=diego-mensah \
		-d person=ana-mensah -d person=carmen-brennan -d person=colm-pereira -d person=fatima-mensah &&
	test_grep "Diego Mensah (director): <code>" .body &&
	test_grep "Ana Mensah (backbone): <code>" .body &&
	link_of "Diego Mensah" >director && link_of "Ana Mensah" >maker &&
	for p in "Carmen Brennan" "Colm Pereira" "Fatima Mensah"; do link_of "$p"; done >partners &&
	test_line_count director 1 && test_line_count maker 1 && test_line_count partners 3 &&
	test_status 409 $R -d action=invite -d survey=ds-attack -d person=diego-mensah &&
	test "$(invitations)" = 5
'

test_expect_success 'the director, the maker and the partners answer; while open nothing shows but a count of before today' '
	test "$(answer "$(cat director)" 1)" = 303 &&
	test "$(answer "$(cat maker)" 5)" = 303 &&
	for l in $(cat partners); do test "$(answer "$l" 3)" = 303 || exit 1; done &&
	test_status 200 $R &&
	test_grep "<td data-label=\"Round\">ds-attack</td>" .body &&
	test_grep "<td class=\"num\" data-label=\"Responses\">0 before today</td>" .body &&
	test_status 200 $I/surveys/ds-attack/results &&
	test_grep "appear when the round closes" .body &&
	! grep -q "n = " .body &&
	test_status 200 $I/surveys/ds-attack &&
	test_grep "The round is open" .body &&
	! grep -q "<td>director</td>" .body &&
	test_status 200 $A &&
	test_grep "\"results\": null" .body
'

test_expect_success 'closed: the director is never a group, everyone is hidden, only the partners show' '
	code=$(curl -s -o /dev/null -w "%{http_code}" -d action=close -d survey=ds-attack \
		-d closed=2017-03-20 "$URL$R") &&
	test "$code" = 303 &&
	test_status 200 $A &&
	tr -d "\n" <.body | grep -o "\"responses\": {[^}]*}" >resp &&
	echo "\"responses\": {\"backbone\": null, \"director\": null, \"partner\": 3, \"all\": null}" >want &&
	test_cmp want resp &&
	items=$(grep -o "\"code\": " .body | wc -l) &&
	test "$items" -ge 4 &&
	test "$(grep -o "\"director\": null" .body | wc -l)" = $((items + 1)) &&
	test "$(grep -o "\"all\": null" .body | wc -l)" = $((items + 1)) &&
	test "$(grep -o "\"backbone\": null" .body | wc -l)" = $((items + 1)) &&
	test "$(grep -o "\"n\": " .body | wc -l)" = "$items" &&
	test "$(grep -o "\"partner\": {\"n\": 3, \"mean\": 3[.0]*, \"distribution\": \[0, 0, 3, 0, 0\]}" .body | wc -l)" = "$items" &&
	test_status 200 $I/surveys/ds-attack/results &&
	! grep -q "n = 5<" .body && ! grep -q "n = 2<" .body && ! grep -q "n = 1<" .body &&
	test_status 200 $I/surveys/ds-attack &&
	test_grep "<td>director</td><td class=\"num\">counted only with everyone</td>" .body
'

test_done
