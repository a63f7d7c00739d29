#!/bin/sh
# Accents (docs/i18n.md): the program's lists of people and organizations
# sort names as people expect — "Álvarez" with the A's, "ñ" with the n's,
# upper and lower case together — and their search finds "José" for "jose"
# and "Núñez" for "NUNEZ".
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

# add SLUG NAME: a person through the form
add () {
	code=$(curl -s -o /dev/null -w "%{http_code}" -d slug="$1" --data-urlencode "name=$2" \
	    "$URL/program/people") && test "$code" = 303
}

# order FILE SLUG...: the people's links are all in FILE (its first page), in this order
order () {
	f=$1
	shift
	grep -o "href=\"/program/people/[a-z0-9-]*\"" "$f" | sed "s|.*/||; s|\"||" >listed
	printf "%s\n" "$@" >want
	grep -x -F -f want listed >got
	test_cmp want got
}

test_expect_success 'people with accented names, added through the form' '
	add alvarez "Álvarez Ortiz" &&
	add azurdia "Azurdia Peña" &&
	add aaron "aaron Bell" &&
	add nunez "Núñez Rivera" &&
	add noel "Noel Soto" &&
	add jose "José Marín" &&
	add beto "Beto Zúñiga"
'

test_expect_success 'sorted by name: accents and case do not push a name to the end' '
	test_status 200 "/program/people?sort=name&dir=asc" &&
	order .body aaron alvarez azurdia beto jose noel nunez
'

test_expect_success 'the search folds accents and case, both ways' '
	test_status 200 "/program/people?q=jose" &&
	test_grep "href=\"/program/people/jose\"" .body &&
	! grep -q "href=\"/program/people/beto\"" .body &&
	test_status 200 "/program/people?q=NUNEZ" &&
	test_grep "href=\"/program/people/nunez\"" .body &&
	test_status 200 "/program/people?q=Pe%C3%B1a" &&
	test_grep "href=\"/program/people/azurdia\"" .body &&
	test_grep "<input type=\"search\" id=\"q\" name=\"q\" value=\"Peña\"/>" .body &&
	test_status 200 "/program/organizations?q=reserve" &&
	test_grep "href=\"/program/organizations/atlantic-reserve\"" .body
'

test_expect_success 'the search is kept by the sort links' '
	test_status 200 "/program/people?q=n" &&
	test_grep "href=\"/program/people?q=n&amp;sort=" .body
'

test_done
