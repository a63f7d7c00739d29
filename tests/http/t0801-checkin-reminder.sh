#!/bin/sh
# The check-in reminder (docs/mail.md): an initiative running today with no
# check-in for 30 days reminds its director and each admin by mail, once,
# and again 30 days later while none comes; a check-in stops it; an
# initiative that has ended, and an address that unsubscribed, get none.
# Sent through Debian's aiosmtpd and read back with Python's email package.
. "$(dirname "$0")/lib.sh"

. "$TEST_TOP/tests/http/smtp.sh"
http_demo_db
DB=$TEST_DIR/demo.db

q () {
	sqlite3 "$DB" "$1"
}

smtp_start
send () {
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" \
		--mail-from trellis@example.org --url https://trellis.example.org "$@"
}

cat >read.py <<'PY'
import email, email.policy, mailbox, sys
for key, m in sorted(mailbox.Maildir(sys.argv[1], create=False).items(), key=lambda kv: kv[1]["To"]):
    m = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
    text = m.get_body(("plain",)).get_content()
    link = [w for w in text.split() if "/checkins/new" in w]
    print("|".join([m["To"].addresses[0].addr_spec, m["Subject"], link[0] if link else "-"]))
PY

# Harlow Mills runs until 2099 and its last check-in is 40 days old; the others ended in 2016.
today=$(date -u +%F)
old=$(date -u -d "40 days ago" +%F)
printf '%s\n' 'a long password 1' >pw
"$TRELLIS" --db "$DB" user add boss@x.org --role admin --password-file pw >/dev/null
q "UPDATE initiative SET end_date = '2099-12-31' WHERE slug = 'harlow-mills';
   UPDATE checkin SET date = '$old' WHERE id = (SELECT max(c.id) FROM checkin c
	JOIN initiative i ON i.id = c.initiative_id WHERE i.slug = 'harlow-mills');
   DELETE FROM checkin WHERE date > '$old' AND initiative_id =
	(SELECT id FROM initiative WHERE slug = 'harlow-mills')"
director=$(q "SELECT p.email FROM initiative i JOIN person p ON p.id = i.director_person_id
	WHERE i.slug = 'harlow-mills'")

test_expect_success 'no check-in for 40 days: the director and the admin are reminded' '
	send >out 2>err &&
	test_grep "mail: 2 check-in reminders queued" err &&
	echo "2 sent, 0 to try again later" >want && test_cmp want out &&
	$PY read.py "$TEST_DIR/box" >read &&
	test_line_count read 2 &&
	printf "%s\n" boss@x.org "$director" | sort >want && cut -d"|" -f1 read | sort >got &&
	test_cmp want got &&
	test_grep "|Harlow Mills Family Prosperity Initiative: no check-in for 40 days|https://trellis.example.org/i/harlow-mills/checkins/new\$" read
'

test_expect_success 'the mail says when the last check-in was, in words' '
	python3 -c "
import email, email.policy, mailbox, sys
for k, m in mailbox.Maildir(\"$TEST_DIR/box\", create=False).items():
    m = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
    print(m.get_body((\"plain\",)).get_content())" >texts &&
	test_grep "was on $(date -u -d "40 days ago" "+%-d %b %Y"), 40 days ago" texts
'

test_expect_success 'run again at once: no second reminder' '
	send >out 2>err &&
	! grep -q "reminder" err &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE kind = '"'"'checkin-reminder'"'"'")" = 2
'

test_expect_success 'thirty days later, still no check-in: reminded again' '
	q "UPDATE mail_outbox SET queued = queued - 31 * 86400" &&
	send >out 2>err &&
	test_grep "mail: 2 check-in reminders queued" err &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE kind = '"'"'checkin-reminder'"'"'")" = 4
'

test_expect_success 'a check-in stops it; an unsubscribed admin gets none' '
	q "UPDATE mail_outbox SET queued = queued - 31 * 86400;
	   INSERT INTO mail_optout (address, since) VALUES ('"'"'boss@x.org'"'"', 0)" &&
	send >out 2>err &&
	test_grep "mail: 1 check-in reminder queued" err &&
	test "$(q "SELECT to_addr FROM mail_outbox ORDER BY id DESC LIMIT 1")" = "$director" &&
	q "UPDATE mail_outbox SET queued = queued - 31 * 86400;
	   UPDATE checkin SET date = '"'"'$today'"'"' WHERE date = '"'"'$old'"'"'" &&
	send >out 2>err &&
	! grep -q "reminder" err
'

test_expect_success 'without --url no reminder is queued' '
	q "UPDATE checkin SET date = '"'"'$old'"'"' WHERE date = '"'"'$today'"'"';
	   UPDATE mail_outbox SET queued = queued - 31 * 86400" &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" \
		--mail-from trellis@example.org >out 2>err &&
	! grep -q "reminder" err &&
	test_expect_code 2 "$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" \
		--mail-from trellis@example.org --url trellis.example.org 2>err &&
	test_grep "url: .trellis.example.org. is not an http:// or https:// address" err
'

test_done
