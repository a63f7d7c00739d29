# The cases of tests/http/t0966-programs-live.sh (SQLite) and
# t0967-pg-programs-live.sh (PostgreSQL): a program created, renamed or
# removed while `trellis serve` runs is served, or no longer, on the next
# request (docs/web.md, "Programs added or gone while the server runs").
# Source it after t02-accounts.sh, with HTTP_DB the database, q SQL (one
# value read, or a change made by hand), and add_program: puts the
# bench/gen program B into HTTP_DB from another process.

A=wcc-demo
B=national-bench

accounts_setup
"$TRELLIS" --db "$HTTP_DB" token add --user admin@x.org >"$TEST_DIR/admin.tok" 2>/dev/null ||
	{ echo "not ok - cannot add a token"; exit 1; }
http_start --dev-cookie

# as JAR PATH: GET PATH with JAR's session; prints the status (and the redirect's target)
as () {
	curl -s -b "$1" -o .body -w '%{http_code} %{redirect_url}' "$URL$2" | sed "s| *$||; s|$URL||"
}
# api PATH: GET PATH with the admin's bearer token; prints the status
api () {
	curl -s -H "Authorization: Bearer $(cat admin.tok)" -o .body -w '%{http_code}' "$URL$1"
}
# bump: what every write of trellis does to the data's version (a change by hand must too)
bump () {
	q "UPDATE data_version SET n = n + 1, catalog = n + 1"
}

test_expect_success 'setup: one program served; another'"'"'s prefix is no page' '
	test_grep "program $A, " "$TEST_DIR/serve.log" &&
	test "$(sign_in admin@x.org admin.jar)" = 303 &&
	test "$(as admin.jar /)" = 200 &&
	test "$(as admin.jar /p/$B/)" = 404 &&
	test "$(api /api/v1/programs/$B)" = 404 &&
	test "$(as admin.jar /i/harlow-mills)" = 200 &&
	! grep -q "href=\"/p/$A/" .body
'

test_expect_success 'a program put into the database is served on the next request' '
	add_program &&
	test "$(as admin.jar /p/$B/)" = 200 &&
	test_grep "National Place-Based Collaboratives" .body &&
	BI=$(q "SELECT i.slug FROM initiative i JOIN program p ON p.id = i.program_id WHERE p.slug = '"'"'$B'"'"' ORDER BY i.slug LIMIT 1") &&
	test "$(as admin.jar /p/$B/i/$BI)" = 200 &&
	test "$(api /api/v1/programs/$B)" = 200 &&
	test_grep "\"slug\": \"$B\"" .body &&
	test "$(api /api/v1/programs/$B/initiatives/$BI)" = 200 &&
	test_grep "program $B is in the database now: served under /p/$B/" "$TEST_DIR/serve.log"
'

test_expect_success 'with two, the addresses without a program lead on, as on a server started with two' '
	test "$(as admin.jar /)" = 200 &&
	test_grep "href=\"/p/$A/\"" .body &&
	test_grep "href=\"/p/$B/\"" .body &&
	test "$(as admin.jar /i/harlow-mills)" = "303 /p/$A/i/harlow-mills" &&
	test "$(api /api/v1/program)" = 404 &&
	test "$(as admin.jar /p/$A/i/harlow-mills)" = 200 &&
	test_grep "href=\"/p/$A/i/harlow-mills/" .body &&
	test "$(api /api/v1/programs/$A)" = 200
'

test_expect_success 'a program renamed: served under its new name, no longer under the old' '
	q "UPDATE program SET slug = '"'"'bench-renamed'"'"' WHERE slug = '"'"'$B'"'"'" && bump &&
	test "$(as admin.jar /p/$B/)" = 404 &&
	test "$(api /api/v1/programs/$B)" = 404 &&
	test "$(as admin.jar /p/bench-renamed/)" = 200 &&
	test "$(api /api/v1/programs/bench-renamed)" = 200 &&
	test_grep "program $B is no longer in the database: not served" "$TEST_DIR/serve.log"
'

test_expect_success 'a program removed: no longer served; with one left, the plain addresses serve it again' '
	q "DELETE FROM initiative WHERE program_id = (SELECT id FROM program WHERE slug = '"'"'bench-renamed'"'"')" &&
	q "DELETE FROM program WHERE slug = '"'"'bench-renamed'"'"'" && bump &&
	test "$(as admin.jar /p/bench-renamed/)" = 404 &&
	test "$(api /api/v1/programs/bench-renamed)" = 404 &&
	test "$(as admin.jar /i/harlow-mills)" = 200 &&
	! grep -q "href=\"/p/$A/" .body &&
	test "$(api /api/v1/program)" = 200
'

test_expect_success 'the same program put back is served again' '
	add_program &&
	test "$(as admin.jar /p/$B/)" = 200 &&
	test "$(as admin.jar /i/harlow-mills)" = "303 /p/$A/i/harlow-mills"
'
