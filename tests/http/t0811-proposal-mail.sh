#!/bin/sh
# A proposal's mail (docs/mail.md), against a real SMTP server (Debian's
# aiosmtpd, tests/http/smtp.sh), read back with Python's email package:
# opened, closing within two days (from the due-mail scan, once), closed
# (outcome, a link to the decision), each to the accounts of the asked
# organizations that may read the initiative and to no one else; every mail
# multipart text + HTML with its headers, its links working; the digest's
# "proposals awaiting your organization's answer".
. "$(dirname "$0")/t02-accounts.sh"

. "$TEST_TOP/tests/http/smtp.sh"
DB=$TEST_DIR/demo.db
BASE=https://trellis.example.org
TODAY=$(date -u +%F)
SOON=$(date -u -d "+1 day" +%F)
LATER=$(date -u -d "+20 days" +%F)
H=/api/v1/initiatives/harlow-mills/proposals

q () {
	sqlite3 "$DB" "$1"
}

accounts_setup
# who answers for whom: the member (schools, asked), a second member
# (planning, asked), a third (builders, not asked), the viewer and the
# evaluator (merrow, asked), the other initiative's member (schools, but it
# cannot read harlow-mills), the admin (no organization)
for spec in member@x.org:harlow-public-schools viewer@x.org:merrow-valley-health \
    eval@x.org:merrow-valley-health other@x.org:harlow-public-schools; do
	"$TRELLIS" --db "$DB" user organization ${spec%%:*} --organization ${spec#*:} >/dev/null ||
		{ echo "not ok - cannot set the organization of ${spec%%:*}"; exit 1; }
done
for spec in planner@x.org:harlow-city-planning builder@x.org:harlow-neighborhood-builders; do
	"$TRELLIS" --db "$DB" user add ${spec%%:*} --role member --initiative harlow-mills \
		--organization ${spec#*:} --password-file "$TEST_DIR/pw" >/dev/null ||
		{ echo "not ok - cannot add ${spec%%:*}"; exit 1; }
done
"$TRELLIS" --db "$DB" token add --user member@x.org >"$TEST_DIR/member.tok" 2>/dev/null
smtp_start
http_start --dev-cookie --smtp "$SMTP" --mail-from trellis@example.org --url "$BASE"

api () {
	http_get "$2" -X "$1" -H "Authorization: Bearer $(cat member.tok)" \
		-H "Content-Type: application/json" --data "$3"
}
# wait_mails N: until the Maildir holds N mails (the server's sender runs every few seconds)
wait_mails () {
	i=0
	while test "$(mails)" -lt "$1" && test $i -lt 300; do sleep 0.1; i=$((i + 1)); done
	test "$(mails)" = "$1" || { echo "$(mails) mails, expected $1"; return 1; }
}
# read.py KIND: the mails whose X-kind (from the subject) is KIND, one block each
cat >read.py <<'PY'
import email, email.policy, mailbox, re, sys
want = sys.argv[2]
for key, m in sorted(mailbox.Maildir(sys.argv[1], create=False).items(),
                     key=lambda km: km[1]["To"]):
    m = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
    if want not in m["Subject"]:
        continue
    for h in ("Date", "Message-ID", "From", "To", "Subject", "List-Unsubscribe",
              "List-Unsubscribe-Post"):
        assert m[h], "no " + h
    assert m.get_content_type() == "multipart/alternative"
    text = m.get_body(("plain",)).get_content()
    html = m.get_body(("html",)).get_content()
    links = re.findall(r'href="(https://trellis\.example\.org/[^"]+)"', html)
    print("=== " + m["To"].addresses[0].addr_spec + " | " + m["Subject"])
    print(text)
    print("--- html links: " + " ".join(links))
    print("--- html: " + html.replace("\n", " "))
PY

OPEN='{"title": "Share one evaluator", "body": "We **should** share one. <script>alert(1)</script>",
 "category": "personnel", "closes": "'$LATER'", "decider": "committee",
 "asked": ["harlow-public-schools", "harlow-city-planning", "merrow-valley-health"]}'

test_expect_success 'opened: one mail to each account of an asked organization that reads it' '
	test "$(api POST $H "$OPEN")" = 201 &&
	wait_mails 4 &&
	$PY read.py "$TEST_DIR/box" "for your answer" >opened &&
	grep "^=== " opened | sed "s/ |.*//" >to &&
	printf "=== eval@x.org\n=== member@x.org\n=== planner@x.org\n=== viewer@x.org\n" >want &&
	test_cmp want to &&
	test_grep "Harlow Mills Family Prosperity Initiative: a proposal for your answer by .*: Share one evaluator" opened &&
	test_grep "asks your organization about a proposal, \"Share one evaluator\"" opened &&
	test_grep "^$BASE/i/harlow-mills/proposals/P-1\$" opened &&
	test_grep "<strong>should</strong>" opened &&
	! grep -q "^--- html: .*<script>" opened
'

test_expect_success 'the link of the mail opens the proposal for its reader' '
	link=$(sed -n "s|^--- html links: $BASE\([^ ]*\).*|\1|p" opened | head -n 1) &&
	test "$link" = /i/harlow-mills/proposals/P-1 &&
	sign_in viewer@x.org jv >/dev/null &&
	test_status 200 "$link" -b jv &&
	test_grep "Share one evaluator" .body
'

test_expect_success 'an answer mails nobody; closing mails the outcome and the decision' '
	test "$(api POST $H/P-1/answers "{\"org\": \"harlow-public-schools\", \"answer\": \"agree\"}")" = 201 &&
	test "$(api POST $H/P-1/close "{\"outcome\": \"One evaluator, shared by all.\", \"decided\": \"$TODAY\"}")" = 200 &&
	wait_mails 8 &&
	$PY read.py "$TEST_DIR/box" "is decided" >closed &&
	test "$(grep -c "^=== " closed)" = 4 &&
	test_grep "One evaluator, shared by all." closed &&
	test_grep "^$BASE/i/harlow-mills/decisions/P-1\$" closed &&
	test_grep "html links: $BASE/i/harlow-mills/decisions/P-1 $BASE/i/harlow-mills/proposals/P-1" closed &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE kind LIKE '"'"'proposal-%'"'"'")" = 8
'

test_expect_success 'closing within two days: mailed once, by the due-mail scan' '
	test "$(api POST $H "{\"title\": \"Open on Saturdays\", \"category\": \"program\", \"closes\": \"$SOON\", \"decider\": \"team\", \"asked\": [\"harlow-city-planning\"]}")" = 201 &&
	wait_mails 9 &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org \
		--url "$BASE" 2>err &&
	test_grep "1 proposal closing soon queued" err &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org \
		--url "$BASE" 2>err &&
	! grep -q "closing soon" err &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE kind = '"'"'proposal-closing'"'"'")" = 1 &&
	test "$(q "SELECT to_addr FROM mail_outbox WHERE kind = '"'"'proposal-closing'"'"'")" = planner@x.org &&
	wait_mails 10 &&
	$PY read.py "$TEST_DIR/box" "closes on" >closing &&
	test_grep "The proposal \"Open on Saturdays\" of Harlow Mills Family Prosperity Initiative closes on" closing &&
	test_grep "^$BASE/i/harlow-mills/proposals/P-2\$" closing
'

test_expect_success 'the digest lists the proposals awaiting the organization'"'"'s answer' '
	q "UPDATE users SET digest = '"'"'daily'"'"' WHERE email IN ('"'"'planner@x.org'"'"', '"'"'member@x.org'"'"')" &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org \
		--url "$BASE" 2>err &&
	wait_mails 12 &&
	$PY read.py "$TEST_DIR/box" "Trellis: your daily digest" >digest &&
	sed -n "/^=== planner@x.org/,/^=== /p" digest >planner &&
	test_grep "Proposals awaiting your organization.s answer:" planner &&
	test_grep "Open on Saturdays, by .*: $BASE/i/harlow-mills/proposals/P-2" planner &&
	sed -n "/^=== member@x.org/,/^=== planner/p" digest >member &&
	! grep -q "Proposals awaiting" member
'

test_done
