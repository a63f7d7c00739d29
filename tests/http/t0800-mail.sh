#!/bin/sh
# Mail (docs/mail.md), against a real SMTP server: Debian's aiosmtpd, started
# here on a free port, writing every mail it takes into a Maildir; the mails
# are read back with Python's email package. Survey links mailed with
# `trellis survey invite --email` are queued with the invitations (the link
# sealed, never in clear), sent by `trellis mail --send-due` and by the
# server's own sender, tried again with backoff while the SMTP server is
# away, each sent once across a server killed and started again, the same
# Message-ID when a crash made it go twice; each link answers once; the
# List-Unsubscribe link (RFC 8058) stops the mail.
. "$(dirname "$0")/lib.sh"

. "$TEST_TOP/tests/http/smtp.sh"
http_demo_db
DB=$TEST_DIR/demo.db

q () {
	sqlite3 "$DB" "$1"
}

# the mails read back: one line each, "to|message-id|link in text|link in html|unsubscribe"
cat >read.py <<'PY'
import email, email.policy, mailbox, re, sys
for key, m in sorted(mailbox.Maildir(sys.argv[1], create=False).items()):
    m = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
    for h in ("Date", "Message-ID", "From", "To", "Subject", "List-Unsubscribe",
              "List-Unsubscribe-Post"):
        assert m[h], "no " + h
    assert m.get_content_type() == "multipart/alternative"
    text = m.get_body(("plain",)).get_content()
    html = m.get_body(("html",)).get_content()
    lt = re.findall(r"https?://[^\s]+/s/[A-Za-z0-9_-]+", text)
    lh = re.findall(r'href="(https?://[^"]+/s/[A-Za-z0-9_-]+)"', html)
    print("|".join([m["To"].addresses[0].addr_spec, m["Message-ID"],
                    lt[0] if lt else "-", lh[0] if lh else "-",
                    re.search(r"<([^>]+)>", str(m["List-Unsubscribe"])).group(1)]))
PY

test_expect_success 'survey invite --email queues a mail to each person, shows no link' '
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance \
		--id mail-1 --date 2016-11-01 &&
	"$TRELLIS" --db "$DB" survey invite --initiative harlow-mills --survey mail-1 --all \
		--email --url http://127.0.0.1:9 >out 2>err &&
	n=$(q "SELECT count(*) FROM survey_invitation v JOIN survey s ON s.id = v.survey_id
		WHERE s.ident = '"'"'mail-1'"'"'") &&
	test "$n" -gt 3 &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE kind = '"'"'survey-invitation'"'"'")" = "$n" &&
	test_line_count out "$n" &&
	test_grep "mailed to .*@example.org" out &&
	! grep -q "/s/" out &&
	test_grep "queued to be mailed" err &&
	test "$(q "SELECT count(*) FROM audit_log WHERE kind = '"'"'survey-invitations'"'"'
		AND record = '"'"'mail-1'"'"'")" = 1
'

test_expect_success 'no link is in the database in clear; the mail key is the owner'"'"'s alone' '
	! sqlite3 "$DB" .dump | grep -q "/s/" &&
	test "$(stat -c %a "$DB.mailkey")" = 600
'

test_expect_success 'a person without a mail address: refused by name, nothing made or queued' '
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance \
		--id mail-2 --date 2016-11-02 &&
	p=$(q "SELECT p.slug FROM survey_invitation v JOIN survey s ON s.id = v.survey_id
		JOIN person p ON p.id = v.person_id WHERE s.ident = '"'"'mail-1'"'"'
		ORDER BY p.slug DESC LIMIT 1") &&
	q "UPDATE person SET email = NULL WHERE slug = '"'"'$p'"'"'" &&
	before=$(q "SELECT count(*) FROM mail_outbox") &&
	test_expect_code 1 "$TRELLIS" --db "$DB" survey invite --initiative harlow-mills \
		--survey mail-2 --all --email 2>err &&
	test_grep "($p) has no mail address" err &&
	test "$(q "SELECT count(*) FROM mail_outbox")" = "$before" &&
	test "$(q "SELECT count(*) FROM survey_invitation v JOIN survey s ON s.id = v.survey_id
		WHERE s.ident = '"'"'mail-2'"'"'")" = 0
'

test_expect_success 'bad SMTP options are refused with the option named' '
	test_expect_code 2 "$TRELLIS" --db "$DB" mail --send-due --smtp http://x --mail-from a@b.c 2>err &&
	test_grep "^trellis mail: --smtp: .http://x. is not an smtp:// or smtps:// address" err &&
	test_expect_code 2 "$TRELLIS" --db "$DB" mail --send-due --smtp smtp://x --mail-from nobody 2>err &&
	test_grep "mail-from: .nobody. is not a mail address" err &&
	printf "user\n" >auth && chmod 600 auth &&
	test_expect_code 1 "$TRELLIS" --db "$DB" mail --send-due --smtp smtp://x --mail-from a@b.c \
		--smtp-auth-file auth 2>err &&
	test_grep "auth:2: no password" err
'

test_expect_success 'an unreachable SMTP server: nothing lost, each tried again later' '
	n=$(q "SELECT count(*) FROM mail_outbox") &&
	dead=$(free_port) &&
	test_expect_code 1 "$TRELLIS" --db "$DB" mail --send-due --smtp smtp://127.0.0.1:$dead \
		--mail-from trellis@example.org >out &&
	echo "0 sent, $n to try again later" >want && test_cmp want out &&
	now=$(date +%s) &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE attempts = 1 AND sent IS NULL
		AND next_try >= $now + 50 AND last_error LIKE '"'"'%connect%'"'"'")" = "$n" &&
	"$TRELLIS" --db "$DB" mail --list >list &&
	test_grep "retry at .* (1 try: " list
'

smtp_start
test_expect_success 'the backoff holds: a second run at once sends nothing' '
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org >out &&
	echo "0 sent, 0 to try again later" >want && test_cmp want out &&
	test "$(mails)" = 0
'

test_expect_success 'once due: every mail sent, once, multipart, the link in both parts' '
	q "UPDATE mail_outbox SET next_try = 0" &&
	n=$(q "SELECT count(*) FROM mail_outbox") &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org >out &&
	echo "$n sent, 0 to try again later" >want && test_cmp want out &&
	test "$(mails)" = "$n" &&
	$PY read.py "$TEST_DIR/box" >read &&
	test_line_count read "$n" &&
	cut -d"|" -f2 read | sort -u | wc -l >ids && echo "$n" >want && test_cmp want ids &&
	awk -F"|" "\$3 == \"-\" || \$3 != \$4 { exit 1 }" read &&
	cut -d"|" -f1 read | sort >to &&
	q "SELECT to_addr FROM mail_outbox" | sort >want &&
	test_cmp want to &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org >out &&
	echo "0 sent, 0 to try again later" >want && test_cmp want out &&
	test "$(mails)" = "$n" &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE sealed IS NOT NULL")" = 0
'

test_expect_success 'a mail sent again after a crash before it was marked keeps its Message-ID' '
	id=$(q "SELECT min(id) FROM mail_outbox") &&
	mid=$(q "SELECT message_id FROM mail_outbox WHERE id = $id") &&
	q "UPDATE mail_outbox SET sent = NULL WHERE id = $id" &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org >out &&
	echo "1 sent, 0 to try again later" >want && test_cmp want out &&
	$PY read.py "$TEST_DIR/box" >read &&
	test "$(grep -c -F "|$mid|" read)" = 2
'

http_start --dev-cookie
test_expect_success 'the mailed link answers once' '
	link=$(sed -n 1p read | cut -d"|" -f3 | sed "s|^http://127.0.0.1:9||") &&
	code=$(curl -s -o form -w "%{http_code}" "$URL$link") && test "$code" = 200 &&
	set -- $(grep -o "name=\"[a-z0-9_]*\" value=\"1\"" form | sed "s/name=\"\([^\"]*\)\".*/-d \1=1/") &&
	test $# -gt 2 &&
	code=$(curl -s -o /dev/null -w "%{http_code}" "$@" "$URL$link") &&
	test "$code" = 303 &&
	code=$(curl -s -o /dev/null -w "%{http_code}" "$URL$link") &&
	test "$code" = 410
'

test_expect_success 'List-Unsubscribe: a forged link is 404, the one-click POST stops the mail' '
	unsub=$(sed -n 2p read | cut -d"|" -f5 | sed "s|^http://127.0.0.1:9||") &&
	addr=$(sed -n 2p read | cut -d"|" -f1) &&
	test_status 404 "${unsub}x" &&
	test_status 200 "$unsub" &&
	test_grep "Stop mail" .body &&
	code=$(curl -s -o .body -w "%{http_code}" -d List-Unsubscribe=One-Click "$URL$unsub") &&
	test "$code" = 200 &&
	test_grep "no more mail to <strong>$addr</strong>" .body &&
	test "$(q "SELECT count(*) FROM mail_optout WHERE address = '"'"'$addr'"'"'")" = 1 &&
	! grep -q "$addr" "$TEST_DIR/serve.log" &&
	p=$(q "SELECT slug FROM person WHERE email = '"'"'$addr'"'"'") &&
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance \
		--id mail-3 --date 2016-11-03 &&
	test_expect_code 1 "$TRELLIS" --db "$DB" survey invite --initiative harlow-mills \
		--survey mail-3 --person "$p" --email 2>err &&
	test_grep "asked for no more mail; no link was made" err
'

http_kill
before=$(mails)
test_expect_success 'queued while the server is down' '
	p=$(q "SELECT p.slug FROM person p JOIN initiative i ON i.slug = '"'"'harlow-mills'"'"'
		WHERE p.org_id = i.backbone_id AND p.email IS NOT NULL ORDER BY p.slug LIMIT 1") &&
	"$TRELLIS" --db "$DB" survey invite --initiative harlow-mills --survey mail-3 \
		--person "$p" --email --url http://127.0.0.1:9 &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE sent IS NULL")" = 1
'
http_start --dev-cookie --smtp "$SMTP" --mail-from trellis@example.org
test_expect_success 'the server'"'"'s sender sends it when it starts' '
	i=0 && while test "$(mails)" = "$before" && test $i -lt 300; do sleep 0.1; i=$((i + 1)); done &&
	test "$(mails)" = $((before + 1)) &&
	test_grep "mail: 1 sent" "$TEST_DIR/serve.log"
'
kill -KILL "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null
SERVER_PID=""
http_start --dev-cookie --smtp "$SMTP" --mail-from trellis@example.org
test_expect_success 'killed with -9 and started again, it sends nothing twice' '
	sleep 4 &&
	test "$(mails)" = $((before + 1)) &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE sent IS NULL")" = 0
'

test_done
