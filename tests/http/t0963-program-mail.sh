#!/bin/sh
# Links in mail with several programs in the database (docs/mail.md, "Links
# and programs"): an approval's /program/approvals, a proposal's and its
# decision's pages, a digest's initiative and a check-in reminder's form
# are written under /p/{program}/, where the server serves them (an
# admin's /program/approvals without its program is a 404 there). With one
# program the links stay as they were (t0663, t0811, t0802).
. "$(dirname "$0")/t02-accounts.sh"

. "$TEST_TOP/tests/http/smtp.sh"

DB=$TEST_DIR/demo.db
BASE=https://trellis.example.org
TODAY=$(date -u +%F)
LATER=$(date -u -d "+20 days" +%F)
A=wcc-demo
P=/api/v1/programs/$A/initiatives/harlow-mills

q () {
	sqlite3 "$DB" "$1"
}
# body KIND: the text and HTML of the latest mail of KIND in the outbox
body () {
	q "SELECT text_body || html_body FROM mail_outbox WHERE kind = '$1' ORDER BY id DESC LIMIT 1"
}

accounts_setup
"$TEST_TOP/${BUILD:-build}/bench/gen" --scale 0.001 --format json --out "$TEST_DIR/gen.json" &&
"$TRELLIS" --db "$DB" import "$TEST_DIR/gen.json" >/dev/null &&
"$TRELLIS" --db "$DB" --program $A user organization member@x.org --organization harlow-public-schools >/dev/null &&
"$TRELLIS" --db "$DB" --program $A user add planner@x.org --role member --initiative harlow-mills \
	--organization harlow-city-planning --password-file "$TEST_DIR/pw" >/dev/null &&
"$TRELLIS" --db "$DB" token add --user member@x.org >"$TEST_DIR/member.tok" 2>/dev/null &&
"$TRELLIS" --db "$DB" --program $A settings approval_threshold 5000 >/dev/null ||
	{ echo "not ok - setup"; exit 1; }
smtp_start
http_start --dev-cookie --smtp "$SMTP" --mail-from trellis@example.org --url "$BASE"

api () {
	http_get "$1" -X POST -H "Authorization: Bearer $(cat member.tok)" \
		-H "Content-Type: application/json" --data "$2"
}

test_expect_success 'setup: two programs in the database' '
	test "$(q "SELECT count(*) FROM program")" = 2
'

test_expect_success 'an approval mail links to the approvals of its program' '
	test "$(api $P/ledger "{\"id\": \"M-2\", \"date\": \"$TODAY\", \"grant\": \"g-1\", \"amount\": 8000, \"kind\": \"disbursement\", \"recipient\": \"merrow-valley-health\", \"purpose\": \"Outreach\", \"backbone_own\": false}")" = 201 &&
	body approval-awaited >mail &&
	test_grep "$BASE/p/$A/program/approvals$" mail &&
	test_grep "href=\"$BASE/p/$A/program/approvals\"" mail &&
	! grep -q "$BASE/program/approvals" mail
'

test_expect_success 'the link answers: the approvals page under the program, 404 without it' '
	test "$(sign_in admin@x.org admin.jar)" = 303 &&
	test "$(curl -s -b admin.jar -o /dev/null -w "%{http_code}" "$URL/p/$A/program/approvals")" = 200 &&
	test "$(curl -s -b admin.jar -o /dev/null -w "%{http_code}" "$URL/program/approvals")" = 404
'

test_expect_success 'a proposal mail, and its decision'"'"'s, link under the program' '
	test "$(api $P/proposals "{\"title\": \"Share one evaluator\", \"category\": \"personnel\", \"closes\": \"$LATER\", \"decider\": \"committee\", \"asked\": [\"harlow-public-schools\", \"harlow-city-planning\"]}")" = 201 &&
	body proposal-opened >mail &&
	test_grep "$BASE/p/$A/i/harlow-mills/proposals/P-1" mail &&
	! grep -q "$BASE/i/" mail &&
	test "$(api $P/proposals/P-1/close "{\"outcome\": \"One evaluator.\", \"decided\": \"$TODAY\"}")" = 200 &&
	body proposal-closed >mail &&
	test_grep "$BASE/p/$A/i/harlow-mills/decisions/" mail &&
	test_grep "$BASE/p/$A/i/harlow-mills/proposals/P-1" mail &&
	! grep -q "$BASE/i/" mail
'

test_expect_success 'a digest links to the initiative under its program' '
	q "UPDATE users SET digest = '"'"'daily'"'"' WHERE email = '"'"'planner@x.org'"'"'" &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org \
		--url "$BASE" >out 2>err &&
	q "SELECT text_body || html_body FROM mail_outbox WHERE kind = '"'"'digest'"'"' AND to_addr = '"'"'planner@x.org'"'"'" >mail &&
	test_grep "$BASE/p/$A/i/harlow-mills$" mail &&
	test_grep "href=\"$BASE/p/$A/i/harlow-mills\"" mail &&
	! grep -q "$BASE/i/" mail
'

test_expect_success 'a check-in reminder links to the form under its program' '
	old=$(date -u -d "40 days ago" +%F) &&
	q "UPDATE initiative SET end_date = '"'"'2099-12-31'"'"' WHERE slug = '"'"'harlow-mills'"'"';
	   DELETE FROM checkin WHERE initiative_id = (SELECT id FROM initiative WHERE slug = '"'"'harlow-mills'"'"');
	   UPDATE initiative SET start_date = '"'"'$old'"'"' WHERE slug = '"'"'harlow-mills'"'"'" &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org \
		--url "$BASE" >out 2>err &&
	q "SELECT text_body || html_body FROM mail_outbox WHERE kind = '"'"'checkin-reminder'"'"' AND topic = '"'"'harlow-mills'"'"' LIMIT 1" >mail &&
	test_grep "$BASE/p/$A/i/harlow-mills/checkins/new" mail &&
	! grep -q "$BASE/i/" mail
'

test_expect_success 'a role in the other program (account_role) brings its initiative into the digest' '
	B=$(q "SELECT slug FROM program WHERE slug <> '"'"'$A'"'"'") &&
	BI=$(q "SELECT i.slug FROM initiative i JOIN program p ON p.id = i.program_id WHERE p.slug = '"'"'$B'"'"' ORDER BY i.slug LIMIT 1") &&
	test -n "$BI" &&
	"$TRELLIS" --db "$DB" --program "$B" user add planner@x.org --role member --initiative "$BI" >out &&
	test_grep "^Added member user planner@x.org in program $B" out &&
	now=$(date -u +%s) &&
	q "INSERT INTO audit_log (at, actor, action, kind, initiative, record, program)
	   VALUES ($now, '"'"'admin@x.org'"'"', '"'"'create'"'"', '"'"'decisions'"'"', '"'"'$BI'"'"', '"'"'d-x'"'"', '"'"'$B'"'"');
	   UPDATE users SET digest_sent = $now - 90000 WHERE email = '"'"'planner@x.org'"'"'" &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org \
		--url "$BASE" >out 2>err &&
	q "SELECT text_body FROM mail_outbox WHERE kind = '"'"'digest'"'"' AND to_addr = '"'"'planner@x.org'"'"' ORDER BY id DESC LIMIT 1" >mail &&
	test_grep "$BASE/p/$B/i/$BI$" mail &&
	test_grep "1 decision added" mail
'

test_done
