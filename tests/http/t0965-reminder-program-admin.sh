#!/bin/sh
# The check-in reminder reaches a program's own admins (docs/mail.md, "The
# check-in reminder"): who is reminded about an initiative follows the
# account's role in that initiative's program (account_role), as the
# digest, proposals and approvals do. With two programs, the admin of B
# alone is reminded of B's silent initiative and not of A's; the admin of A
# alone of A's and not of B's; a site admin of both; a member of B of none.
# Sent through Debian's aiosmtpd and read back with Python's email package.
. "$(dirname "$0")/t02-accounts.sh"

. "$TEST_TOP/tests/http/smtp.sh"

A=wcc-demo
B=national-bench
DB=$TEST_DIR/demo.db

q () {
	sqlite3 "$DB" "$1"
}

accounts_setup
"$TEST_TOP/${BUILD:-build}/bench/gen" --scale 0.001 --format json --out "$TEST_DIR/gen.json" &&
"$TRELLIS" --db "$DB" import "$TEST_DIR/gen.json" >/dev/null ||
	{ echo "not ok - cannot import the second program"; exit 1; }
BI=$(q "SELECT i.slug FROM initiative i JOIN program p ON p.id = i.program_id
	WHERE p.slug = '$B' ORDER BY i.slug LIMIT 1")
"$TRELLIS" --db "$DB" --program $B user add padminb@x.org --role admin \
	--password-file "$TEST_DIR/pw" >/dev/null &&
"$TRELLIS" --db "$DB" --program $A user add padmina@x.org --role admin \
	--password-file "$TEST_DIR/pw" >/dev/null &&
"$TRELLIS" --db "$DB" --program $B user add memberb@x.org --role member --initiative "$BI" \
	--password-file "$TEST_DIR/pw" >/dev/null ||
	{ echo "not ok - cannot add the accounts"; exit 1; }

# harlow-mills (A) and BI (B) run until 2099 with no check-in for 40 days;
# every other initiative has ended.
old=$(date -u -d "40 days ago" +%F)
q "UPDATE initiative SET end_date = '2000-01-31';
   UPDATE initiative SET end_date = '2099-12-31', start_date = '$old' WHERE slug IN ('harlow-mills', '$BI');
   DELETE FROM checkin WHERE initiative_id IN (SELECT id FROM initiative WHERE slug IN ('harlow-mills', '$BI'))"
smtp_start

cat >read.py <<'PY'
import email, email.policy, mailbox, sys
for key, m in mailbox.Maildir(sys.argv[1], create=False).items():
    m = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
    text = m.get_body(("plain",)).get_content()
    link = [w for w in text.split() if "/checkins/new" in w]
    print(m["To"].addresses[0].addr_spec + "|" + (link[0] if link else "-"))
PY

test_expect_success 'setup: two programs, two silent initiatives' '
	test "$(q "SELECT count(*) FROM program")" = 2 &&
	test -n "$BI"
'

test_expect_success 'the reminders are sent through SMTP' '
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org \
		--url https://trellis.example.org >out 2>err &&
	test_grep "check-in reminders queued" err &&
	$PY read.py "$TEST_DIR/box" | sort >read &&
	cat read
'

test_expect_success 'the admin of B alone is reminded of B'"'"'s initiative, not of A'"'"'s' '
	grep -q "^padminb@x.org|https://trellis.example.org/p/$B/i/$BI/checkins/new$" read &&
	! grep -q "^padminb@x.org|.*harlow-mills" read
'

test_expect_success 'the admin of A alone is reminded of A'"'"'s initiative, not of B'"'"'s' '
	grep -q "^padmina@x.org|https://trellis.example.org/p/$A/i/harlow-mills/checkins/new$" read &&
	! grep -q "^padmina@x.org|.*/$BI/" read
'

test_expect_success 'a site admin is reminded of both; a member of B, an evaluator, of neither' '
	grep -q "^admin@x.org|.*/p/$B/i/$BI/checkins/new$" read &&
	grep -q "^admin@x.org|.*/p/$A/i/harlow-mills/checkins/new$" read &&
	! grep -q "^memberb@x.org|" read &&
	! grep -q "^member@x.org|" read &&
	! grep -q "^eval@x.org|" read
'

test_expect_success 'a disabled admin of B alone gets none' '
	last=$(q "SELECT max(id) FROM mail_outbox") &&
	q "UPDATE mail_outbox SET queued = queued - 31 * 86400" &&
	"$TRELLIS" --db "$DB" user remove padminb@x.org >/dev/null &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org \
		--url https://trellis.example.org >out 2>err &&
	q "SELECT to_addr || '"'"'|'"'"'|| topic FROM mail_outbox WHERE id > $last AND kind = '"'"'checkin-reminder'"'"'" >queued &&
	grep -q "^admin@x.org|$BI$" queued &&
	grep -q "^padmina@x.org|harlow-mills$" queued &&
	! grep -q "^padminb@x.org|" queued
'

test_done
