#!/bin/sh
# Mail in its recipient's language (docs/mail.md, docs/i18n.md): the
# check-in reminder in the account's own language (users.lang), else the
# program's default (the setting lang); a survey invitation in its link's
# language. Sent through Debian's aiosmtpd and read back with Python's
# email package; each Spanish mail is checked for English words, and the
# English one first shows those words (so the check can fail).
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/http/smtp.sh"
. "$TEST_TOP/tests/http/i18n.sh"

ENGLISH="$ENGLISH|Hello|check-in|days|ago|monthly|funder|team|moved|stuck|Record|reminder|comes"
ENGLISH="$ENGLISH|once|month|recorded|asks|everyone|short|takes|minutes|anonymous|groups"
ENGLISH="$ENGLISH|three|Answer|here|alone|results|shown|keep|trace|Get|more|mail|from"

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

# read.py BOX KIND: one file per mail of KIND, named after its address
# (ADDR.subject, ADDR.text, ADDR.html), the older ones removed first
cat >read.py <<'PY'
import email, email.policy, mailbox, os, sys
box = mailbox.Maildir(sys.argv[1], create=False)
for key in box.keys():
    m = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
    to = m["To"].addresses[0].addr_spec
    open(to + ".subject", "w").write(m["Subject"] + "\n")
    open(to + ".text", "w").write(m.get_body(("plain",)).get_content())
    open(to + ".html", "w").write(m.get_body(("html",)).get_content())
PY
readbox () {
	rm -f ./*.subject ./*.text ./*.html &&
	$PY read.py "$TEST_DIR/box" &&
	rm -rf "$TEST_DIR/box/new"/* "$TEST_DIR/box/cur"/*
}

# Harlow Mills runs until 2099 and its last check-in is 40 days old.
old=$(date -u -d "40 days ago" +%F)
printf '%s\n' 'a long password 1' >pw
"$TRELLIS" --db "$DB" user add boss@x.org --role admin --password-file pw >/dev/null
q "UPDATE users SET lang = 'es' WHERE email = 'boss@x.org';
   UPDATE initiative SET end_date = '2099-12-31' WHERE slug = 'harlow-mills';
   UPDATE checkin SET date = '$old' WHERE id = (SELECT max(c.id) FROM checkin c
	JOIN initiative i ON i.id = c.initiative_id WHERE i.slug = 'harlow-mills');
   DELETE FROM checkin WHERE date > '$old' AND initiative_id =
	(SELECT id FROM initiative WHERE slug = 'harlow-mills')"
director=$(q "SELECT p.email FROM initiative i JOIN person p ON p.id = i.director_person_id
	WHERE i.slug = 'harlow-mills'")

test_expect_success 'reminders: the director (no account, program in English) reads English' '
	send >out 2>err &&
	test_grep "mail: 2 check-in reminders queued" err &&
	readbox &&
	test_grep "^Harlow Mills Family Prosperity Initiative: no check-in for 40 days$" "$director.subject" &&
	english_left "$director.text" >left &&
	test $(wc -l <left) -gt 10
'

test_expect_success 'reminders: the admin whose account says es reads Spanish, text and HTML' '
	test_grep "^Harlow Mills Family Prosperity Initiative: sin seguimiento desde hace 40 días$" \
	    boss@x.org.subject &&
	test_grep "^Hola:$" boss@x.org.text &&
	test_grep "fue el $(date -u -d "40 days ago" "+%-d") .* hace 40 días" boss@x.org.text &&
	test_grep "Registre la próxima</a>" boss@x.org.html &&
	sed "s/Harlow Mills Family Prosperity Initiative//g" boss@x.org.text >t &&
	english_left t >left && test_line_count left 0 &&
	sed "s/Harlow Mills Family Prosperity Initiative//g" boss@x.org.html >h &&
	english_left h >left && test_line_count left 0
'

test_expect_success 'the program'"'"'s default language: the director too reads Spanish' '
	"$TRELLIS" --db "$DB" settings lang es >/dev/null &&
	q "UPDATE mail_outbox SET queued = queued - 31 * 86400" &&
	send >out 2>err &&
	test_grep "mail: 2 check-in reminders queued" err &&
	readbox &&
	test_grep "sin seguimiento desde hace" "$director.subject" &&
	test_grep "^Hola, .*:$" "$director.text" &&
	"$TRELLIS" --db "$DB" settings lang en >/dev/null
'

test_expect_success 'a survey invitation in its link'"'"'s language (--lang es), the title too' '
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument director-support \
	    --id sm-es >/dev/null &&
	"$TRELLIS" --db "$DB" survey invite --initiative harlow-mills --survey sm-es --all \
	    --email --lang es --url https://trellis.example.org >out 2>err &&
	send >out 2>err &&
	readbox &&
	ls ./*.text >texts && test $(wc -l <texts) -gt 3 &&
	for f in $(cat texts); do
		a=${f%.text} &&
		test_grep "^Harlow Mills Family Prosperity Initiative: una breve encuesta para el equipo$" \
		    "$a.subject" &&
		test_grep "«Apoyo a la dirección de la iniciativa», abierta desde el" "$f" &&
		test_grep "<b>Apoyo a la dirección de la iniciativa</b>" "$a.html" &&
		sed "s/Harlow Mills Family Prosperity Initiative//g" "$f" >t &&
		english_left t >left && test_line_count left 0 &&
		sed "s/Harlow Mills Family Prosperity Initiative//g" "$a.html" >h &&
		english_left h >left && test_line_count left 0 || return 1
	done
'

test_expect_success 'an invitation without a language follows the program (English here)' '
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance \
	    --id sm-en >/dev/null &&
	"$TRELLIS" --db "$DB" survey invite --initiative harlow-mills --survey sm-en --all \
	    --email --url https://trellis.example.org >out 2>err &&
	send >out 2>err &&
	readbox &&
	f=$(ls ./*.text | head -n 1) &&
	test_grep "asks everyone on its team to answer a short survey, \"Stepping up and stepping back: practices and pitfalls\", open since" "$f"
'

test_done
