#!/bin/sh
# The web's survey rounds form mails each one-time link to its person
# (issue 12, docs/mail.md): the links are queued with their mails in one
# transaction, never shown and never stored in clear; through Debian's
# aiosmtpd each person gets one mail (text and HTML) with their link,
# which answers once. A person without an address stops it all, by name;
# a server that sends no mail offers no such choice and refuses it.
. "$(dirname "$0")/t02-accounts.sh"
. "$TEST_TOP/tests/http/smtp.sh"

DB=$TEST_DIR/demo.db
q () {
	sqlite3 "$DB" "$1"
}
R=/i/harlow-mills/surveys/rounds

accounts_setup
smtp_start
http_start --dev-cookie --smtp "$SMTP" --mail-from trellis@example.org --url https://trellis.example.org
cat >read.py <<'PY'
import email, email.policy, mailbox, re, sys
for key, m in mailbox.Maildir(sys.argv[1], create=False).items():
    m = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
    text = m.get_body(("plain",)).get_content()
    html = m.get_body(("html",)).get_content()
    t = re.findall(r"https://trellis\.example\.org/s/([A-Za-z0-9_-]+)", text)
    h = re.findall(r"https://trellis\.example\.org/s/([A-Za-z0-9_-]+)", html)
    assert len(t) == 1 and t == h[:1], (t, h)
    print(m["To"].addresses[0].addr_spec, t[0])
PY

test_expect_success 'setup: a round open, a member signed in' '
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance --id sm-1 >/dev/null &&
	test "$(sign_in member@x.org jm)" = 303
'

test_expect_success 'the invite form offers to mail the links' '
	test_status 200 $R -b jm &&
	grep -q "name=\"email\" value=\"1\"" .body &&
	grep -q "Mail each link to its person" .body &&
	grep -o "name=\"person\" value=\"[^\"]*\"" .body | sed "s/.*value=\"//; s/\"//" | head -n 2 >people &&
	test_line_count people 2
'

test_expect_success 'mailing two links: 200, the links never shown, the mails queued sealed' '
	csrf=$(csrf_of jm $R) &&
	p1=$(sed -n 1p people) && p2=$(sed -n 2p people) &&
	test_status 200 $R -b jm -d csrf="$csrf" -d action=invite -d survey=sm-1 \
	    -d person="$p1" -d person="$p2" -d email=1 &&
	grep -q "2 links of round sm-1 mailed" .body &&
	! grep -q "/s/" .body &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE kind = '"'"'survey-invitation'"'"'")" = 2 &&
	# sealed until sent: the server'"'"'s sender looks every 3 s, and on a
	# crowded machine it may have sent them (sealed then NULL) by now
	test "$(q "SELECT count(*) FROM mail_outbox WHERE sealed IS NOT NULL OR sent IS NOT NULL")" = 2 &&
	! q ".dump" | grep -q "trellis.example.org/s/"
'

test_expect_success 'each person gets one mail with their link, which answers once' '
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org \
	    --url https://trellis.example.org >/dev/null 2>&1 &&
	i=0 && while test "$(mails)" -lt 2 && test $i -lt 100; do sleep 0.1; i=$((i + 1)); done &&
	test "$(mails)" = 2 &&
	$PY read.py "$TEST_DIR/box" >got &&
	test_line_count got 2 &&
	for p in $(cat people); do
		addr=$(q "SELECT email FROM person WHERE slug = '"'"'$p'"'"'") &&
		grep -q "^$addr " got || return 1
	done &&
	token=$(sed -n "1s/.* //p" got) &&
	test_status 200 "/s/$token" &&
	! q ".dump" | grep -q "$token" &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE sealed IS NOT NULL")" = 0
'

test_expect_success 'a person without a mail address stops it all, by name; nothing is made' '
	p3=$(curl -s -b jm "$URL$R" | grep -o "name=\"person\" value=\"[^\"]*\"/>" |
	    sed "s/.*value=\"//; s/\".*//" | head -n 1) &&
	! grep -q "^$p3\$" people &&
	test -n "$p3" &&
	q "UPDATE person SET email = NULL WHERE slug = '"'"'$p3'"'"'" &&
	before=$(q "SELECT count(*) FROM survey_invitation") &&
	csrf=$(csrf_of jm $R) &&
	test_status 422 $R -b jm -d csrf="$csrf" -d action=invite -d survey=sm-1 \
	    -d person="$p3" -d email=1 &&
	grep -q "has no mail address" .body &&
	test "$(q "SELECT count(*) FROM survey_invitation")" = "$before" &&
	test "$(q "SELECT count(*) FROM mail_outbox")" = 2
'

http_kill
http_start --dev-cookie

test_expect_success 'a server that sends no mail does not offer it, and refuses it' '
	test "$(sign_in member@x.org jm)" = 303 &&
	test_status 200 $R -b jm &&
	! grep -q "name=\"email\"" .body &&
	csrf=$(csrf_of jm $R) &&
	p4=$(grep -o "name=\"person\" value=\"[^\"]*\"" .body | sed "s/.*value=\"//; s/\"//" | tail -n 1) &&
	test_status 409 $R -b jm -d csrf="$csrf" -d action=invite -d survey=sm-1 \
	    -d person="$p4" -d email=1 &&
	grep -q "This server sends no mail" .body
'

test_done
