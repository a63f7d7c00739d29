#!/bin/sh
# Accounts per program (migration 14; docs/web.md, "Accounts per
# program"): one login with a role in each of two programs. boss@x.org is
# the admin of wcc-demo (A) alone and a member of an initiative of
# national-bench (B); padmin@x.org is the admin of A alone. In A boss
# has A's admin pages; in B boss is a member (its initiative, not another;
# B's admin pages answer a member's 403); padmin gets 404 for everything
# of B. /admin/users and /admin/audit under A list A's accounts and
# entries only, and change no account; the API with a token likewise. The
# admin of every program (admin@x.org) still sees everything.
. "$(dirname "$0")/t02-accounts.sh"

A=wcc-demo
B=national-bench
accounts_setup
"$TEST_TOP/${BUILD:-build}/bench/gen" --scale 0.002 --format json --out "$TEST_DIR/gen.json" &&
"$TRELLIS" --db "$HTTP_DB" import "$TEST_DIR/gen.json" >/dev/null ||
	{ echo "not ok - cannot import the second program"; exit 1; }
BI=$(sqlite3 "$HTTP_DB" "SELECT i.slug FROM initiative i JOIN program p ON p.id = i.program_id
	WHERE p.slug = '$B' ORDER BY i.slug LIMIT 1")
BJ=$(sqlite3 "$HTTP_DB" "SELECT i.slug FROM initiative i JOIN program p ON p.id = i.program_id
	WHERE p.slug = '$B' ORDER BY i.slug LIMIT 1 OFFSET 1")
"$TRELLIS" --db "$HTTP_DB" --program $A user add boss@x.org --role admin \
	--password-file "$TEST_DIR/pw" >"$TEST_DIR/add.out" &&
"$TRELLIS" --db "$HTTP_DB" --program $B user add boss@x.org --role member --initiative "$BI" \
	>>"$TEST_DIR/add.out" &&
"$TRELLIS" --db "$HTTP_DB" --program $A user add padmin@x.org --role admin \
	--password-file "$TEST_DIR/pw" >>"$TEST_DIR/add.out" &&
"$TRELLIS" --db "$HTTP_DB" --program $B user add memberb@x.org --role member --initiative "$BJ" \
	--password-file "$TEST_DIR/pw" >>"$TEST_DIR/add.out" ||
	{ echo "not ok - cannot add the accounts"; exit 1; }
for u in boss padmin admin; do
	"$TRELLIS" --db "$HTTP_DB" token add --user $u@x.org >"$TEST_DIR/$u.tok" 2>/dev/null ||
		{ echo "not ok - cannot add a token for $u"; exit 1; }
done
http_start --dev-cookie

# as JAR PATH: GET PATH with JAR's session; prints the status
as () {
	curl -s -b "$1" -o .body -w '%{http_code}' "$URL$2"
}
# api WHO PATH [CURL ARGS]: PATH with WHO's bearer token; prints the status
api () {
	who=$1 path=$2
	shift 2
	curl -s -H "Authorization: Bearer $(cat $who.tok)" -o .body -w '%{http_code}' "$@" "$URL$path"
}

test_expect_success 'setup: boss and padmin sign in; trellis user lists the roles per program' '
	test_grep "^Added admin user boss@x.org in program $A$" add.out &&
	test_grep "^Added member user boss@x.org in program $B$" add.out &&
	"$TRELLIS" --db "$HTTP_DB" user list >list &&
	grep -q "^boss@x.org  *admin  *$A " list &&
	grep -q "^boss@x.org  *member  *$B/$BI " list &&
	test "$(grep -c "^boss@x.org " list)" = 2 &&
	for u in boss padmin admin; do
		test "$(sign_in $u@x.org $u.jar)" = 303 || return 1
	done
'

test_expect_success 'in A, boss is its admin: settings, users, audit, an initiative, the export' '
	for p in /program/settings /admin/users /admin/audit /i/harlow-mills /import \
	    "/export?format=json"; do
		test "$(as boss.jar /p/$A$p)" = 200 || { echo "$p"; return 1; }
	done
'

test_expect_success 'in B, boss is a member of its initiative: 200 there, 404 for another, 403 for admin pages' '
	test "$(as boss.jar /p/$B/i/$BI)" = 200 &&
	test "$(as boss.jar /p/$B/i/$BJ)" = 404 &&
	for p in /admin/users /admin/audit /import "/export?format=json"; do
		test "$(as boss.jar /p/$B$p)" = 403 || { echo "$p"; return 1; }
	done
'

test_expect_success 'padmin, the admin of A alone, gets 404 for every page of B' '
	test "$(as padmin.jar /p/$A/admin/users)" = 200 &&
	for p in /program/settings /admin/users /admin/audit /i/$BI /import "/export?format=json" \
	    /program/approvals /; do
		test "$(as padmin.jar /p/$B$p)" = 404 || { echo "$p"; return 1; }
	done
'

test_expect_success 'a write in each program: A'"'"'s as its admin, B'"'"'s as its member' '
	test "$(api boss /api/v1/programs/$A/initiatives/harlow-mills/decisions -X POST \
		-H "Content-Type: application/json" --data "{\"id\": \"D-ZZA\", \"title\": \"Marker of A\", \"category\": \"strategy\", \"proposed\": \"2016-02-01\", \"decided\": \"2016-02-02\", \"decider\": \"committee\"}")" = 201 &&
	test "$(api boss /api/v1/programs/$A/program/settings -X PUT -H "Content-Type: application/json" \
		--data "{\"approval_threshold\": 7777}")" = 200 &&
	test "$(api boss /api/v1/programs/$B/initiatives/$BI/decisions -X POST \
		-H "Content-Type: application/json" --data "{\"id\": \"D-ZZB\", \"title\": \"Marker of B\", \"category\": \"strategy\", \"proposed\": \"2016-02-01\", \"decided\": \"2016-02-02\", \"decider\": \"committee\"}")" = 201 ||
	{ cat .body; false; }
'

test_expect_success '/admin/users under A lists A'"'"'s accounts with their role there, nothing of B' '
	test "$(as boss.jar /p/$A/admin/users)" = 200 &&
	test_grep "member@x.org" .body &&
	test_grep "padmin@x.org" .body &&
	test_grep "boss@x.org" .body &&
	! grep -q "memberb@x.org" .body &&
	! grep -q ">admin@x.org<" .body &&
	test "$(as admin.jar /p/$A/admin/users)" = 200 &&
	test_grep "memberb@x.org" .body &&
	test_grep ">admin@x.org<" .body
'

test_expect_success '/admin/audit under A shows A'"'"'s entries, not B'"'"'s; the admin of every program sees both' '
	test "$(as boss.jar /p/$A/admin/audit)" = 200 &&
	test_grep "padmin@x.org" .body &&
	test_grep "D-ZZA" .body &&
	test_grep "approval_threshold" .body &&
	! grep -q "D-ZZB" .body &&
	! grep -q "memberb@x.org" .body &&
	test "$(as admin.jar /p/$A/admin/audit)" = 200 &&
	test_grep "D-ZZB" .body
'

test_expect_success 'an admin of A alone changes no account (403), nothing written' '
	csrf=$(csrf_of boss.jar /p/$A/admin/users) &&
	test -n "$csrf" &&
	test "$(curl -s -b boss.jar -o .body -w "%{http_code}" --data-urlencode "csrf=$csrf" \
		--data "action=role&email=memberb@x.org&role=admin" "$URL/p/$A/admin/users")" = 403 &&
	test_grep "admin of every program" .body &&
	test "$(sqlite3 "$HTTP_DB" "SELECT role FROM users WHERE email = '"'"'memberb@x.org'"'"'")" = member
'

test_expect_success 'the API with a token: A as its admin, B as a member, padmin 404 in B' '
	test "$(api boss /api/v1/programs/$A/export)" = 200 &&
	test "$(api boss /api/v1/programs/$A/initiatives/harlow-mills)" = 200 &&
	test "$(api boss /api/v1/programs/$B/initiatives/$BI)" = 200 &&
	test "$(api boss /api/v1/programs/$B/initiatives/$BJ)" = 404 &&
	test "$(api boss /api/v1/programs/$B/export)" = 403 &&
	test "$(api padmin /api/v1/programs/$B/export)" = 404 &&
	test "$(api padmin /api/v1/programs/$B/initiatives/$BI)" = 404 &&
	test "$(api padmin /api/v1/programs/$B/program)" = 404 &&
	test "$(api admin /api/v1/programs/$B/export)" = 200
'

test_done
