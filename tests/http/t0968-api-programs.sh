#!/bin/sh
# GET /api/v1/programs (docs/api.md, "Programs"): the programs the caller
# may see, by slug, each with its name, the caller's role there and its
# addresses. A site admin sees every program served; the admin of one
# program alone that one; an account with a role in two programs (its own
# and a row of account_role) both; a member or evaluator its own; with a
# token or a session alike; anonymous 401. With one program, the list of
# one. The addresses it gives answer.
. "$(dirname "$0")/t02-accounts.sh"

A=wcc-demo
B=national-bench
accounts_setup
# one program first
http_start --dev-cookie

# api WHO PATH: GET PATH with WHO's bearer token; prints the status, the body in .body
api () {
	curl -s -H "Authorization: Bearer $(cat $1.tok)" -o .body -w '%{http_code}' "$URL$2"
}
# slugs: the list's slugs and roles in .body, one "slug role" a line
slugs () {
	python3 -c 'import json, sys
for p in json.load(open(".body")): print(p["slug"], p["role"])'
}

for u in admin member eval; do
	"$TRELLIS" --db "$HTTP_DB" token add --user $u@x.org >"$TEST_DIR/$u.tok" 2>/dev/null ||
		{ echo "not ok - cannot add a token for $u"; exit 1; }
done

test_expect_success 'one program: the list of one, its addresses answering' '
	test "$(api admin /api/v1/programs)" = 200 &&
	python3 -c "import json; d = json.load(open(\".body\")); assert d == [{\"slug\": \"$A\",
	    \"name\": \"Atlantic Working Communities Challenge — Round 1\", \"role\": \"admin\",
	    \"api\": \"/api/v1/programs/$A\", \"pages\": \"/p/$A/\"}], d" &&
	test "$(api admin /api/v1/programs/$A)" = 200 &&
	test_grep "\"slug\": \"$A\"" .body &&
	test "$(api member /api/v1/programs)" = 200 &&
	echo "$A member" >want && slugs >got && test_cmp want got
'

test_expect_success 'anonymous: 401' '
	test "$(curl -s -o .body -w "%{http_code}" "$URL/api/v1/programs")" = 401
'

http_stop
"$TEST_TOP/${BUILD:-build}/bench/gen" --scale 0.001 --format json --out "$TEST_DIR/gen.json" &&
"$TRELLIS" --db "$HTTP_DB" import "$TEST_DIR/gen.json" >/dev/null ||
	{ echo "not ok - cannot import the second program"; exit 1; }
BI=$(sqlite3 "$HTTP_DB" "SELECT i.slug FROM initiative i JOIN program p ON p.id = i.program_id
	WHERE p.slug = '$B' ORDER BY i.slug LIMIT 1")
"$TRELLIS" --db "$HTTP_DB" --program $B user add padmin@x.org --role admin \
	--password-file "$TEST_DIR/pw" >/dev/null &&
"$TRELLIS" --db "$HTTP_DB" --program $B user add member@x.org --role viewer --initiative "$BI" \
	>/dev/null &&
"$TRELLIS" --db "$HTTP_DB" token add --user padmin@x.org >"$TEST_DIR/padmin.tok" 2>/dev/null ||
	{ echo "not ok - cannot add B's accounts"; exit 1; }
http_start --dev-cookie

test_expect_success 'two programs: a site admin sees both, in slug order' '
	test "$(api admin /api/v1/programs)" = 200 &&
	printf "%s\n" "$B admin" "$A admin" >want && slugs >got && test_cmp want got &&
	test_grep "\"api\": \"/api/v1/programs/$B\", \"pages\": \"/p/$B/\"" .body
'

test_expect_success 'the admin of one program alone sees that one' '
	test "$(api padmin /api/v1/programs)" = 200 &&
	echo "$B admin" >want && slugs >got && test_cmp want got
'

test_expect_success 'a member of A and viewer of B by a row sees both, each with its role' '
	test "$(api member /api/v1/programs)" = 200 &&
	printf "%s\n" "$B viewer" "$A member" >want && slugs >got && test_cmp want got
'

test_expect_success 'an evaluator of A sees A alone' '
	test "$(api eval /api/v1/programs)" = 200 &&
	echo "$A evaluator" >want && slugs >got && test_cmp want got
'

test_expect_success 'with a session: the same list' '
	test "$(sign_in padmin@x.org padmin.jar)" = 303 &&
	test "$(curl -s -b padmin.jar -o .body -w "%{http_code}" "$URL/api/v1/programs")" = 200 &&
	echo "$B admin" >want && slugs >got && test_cmp want got
'

test_expect_success 'the addresses it gives answer to the caller' '
	test "$(api padmin /api/v1/programs/$B)" = 200 &&
	test "$(curl -s -H "Authorization: Bearer $(cat padmin.tok)" -o /dev/null -w "%{http_code}" "$URL/api/v1/programs/$A")" = 404 &&
	test "$(sign_in admin@x.org admin.jar)" = 303 &&
	test "$(curl -s -b admin.jar -o /dev/null -w "%{http_code}" "$URL/p/$B/")" = 200
'

test_expect_success 'anonymous, two programs: 401' '
	test "$(curl -s -o .body -w "%{http_code}" "$URL/api/v1/programs")" = 401
'

test_done
