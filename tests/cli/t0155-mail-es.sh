#!/bin/sh
# The digest and the mail of a ledger entry awaiting approval in their
# recipient's language (docs/mail.md, docs/i18n.md): the account's own
# (users.lang), else the program's default (English here); the mail's
# unsubscribe page in the language its reader's browser asks for. Through
# Debian's aiosmtpd, read back with Python's email package; each Spanish
# mail is checked for English words, and its English twin first shows
# them (so the check can fail).
. "$(dirname "$0")/../http/lib.sh"
. "$TEST_TOP/tests/http/smtp.sh"
. "$TEST_TOP/tests/http/i18n.sh"

ENGLISH="$ENGLISH|Hello|What|changed|waits|added|removed|survey|rounds|round|get|weekly|daily"
ENGLISH="$ENGLISH|change|that|Open|its|dashboard|New|alert|Action|due|Ledger|entry|ledger"
ENGLISH="$ENGLISH|needs|approval|approve|before|counts|figures|organization|may|give|it"
ENGLISH="$ENGLISH|Approve|reject|awaits|second|holding|then|Get|more|mail|from|here"

DB=$TEST_DIR/demo.db
BASE=https://trellis.example.org
TODAY=$(date -u +%F)
L=/api/v1/initiatives/harlow-mills/ledger
q () {
	sqlite3 "$DB" "$1"
}
# read.py BOX WORD: per mail whose subject has WORD, ADDR.subject, ADDR.text, ADDR.html
cat >read.py <<'PY'
import email, email.policy, mailbox, sys
box = mailbox.Maildir(sys.argv[1], create=False)
for key in box.keys():
    m = email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
    if sys.argv[2] not in m["Subject"]:
        continue
    to = m["To"].addresses[0].addr_spec
    open(to + ".subject", "w").write(m["Subject"] + "\n")
    open(to + ".text", "w").write(m.get_body(("plain",)).get_content())
    open(to + ".html", "w").write(m.get_body(("html",)).get_content())
PY
readbox () {
	rm -f ./*.subject ./*.text ./*.html &&
	$PY read.py "$TEST_DIR/box" "$1"
}
# data_less FILE: FILE's English words but the data's (the initiatives' names, a purpose)
data_less () {
	sed -e "s/Harlow Mills Family Prosperity Initiative//g" -e "s/Port Ashby[A-Za-z ]*//g" \
	    -e "s/Outreach//g" "$1" >"$1.data-less" &&
	english_left "$1.data-less"
}
# no_english FILE...: no English word left in each file
no_english () {
	for f in "$@"; do
		data_less "$f" >left &&
		test_line_count left 0 || { cat left; return 1; }
	done
}

http_demo_db
printf '%s\n' 'a long password 1' >pw
"$TRELLIS" --db "$DB" user add jefa@x.org --role admin --password-file pw >/dev/null &&
"$TRELLIS" --db "$DB" user add boss@x.org --role admin --password-file pw >/dev/null &&
"$TRELLIS" --db "$DB" user add member@x.org --role member --initiative harlow-mills \
	--organization harlow-public-schools --password-file pw >/dev/null &&
"$TRELLIS" --db "$DB" user add planner@x.org --role member --initiative harlow-mills \
	--organization harlow-city-planning --password-file pw >/dev/null &&
"$TRELLIS" --db "$DB" token add --user member@x.org >member.tok 2>/dev/null &&
"$TRELLIS" --db "$DB" settings approval_threshold 5000 >/dev/null ||
	{ echo "not ok - setup"; exit 1; }
q "UPDATE users SET lang = 'es' WHERE email IN ('jefa@x.org', 'member@x.org');
   UPDATE users SET digest = 'daily' WHERE email IN ('jefa@x.org', 'boss@x.org')"
smtp_start

test_expect_success 'the digest: the admin whose account says es reads Spanish, the other English' '
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance --id dg-1 &&
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance --id dg-2 &&
	"$TRELLIS" --db "$DB" survey open --initiative port-ashby --instrument balance --id dg-3 &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org \
	    --url "$BASE" >out 2>err &&
	test_grep "mail: 2 digests queued" err &&
	readbox "Trellis" &&
	test_grep "^Trellis: your daily digest, " boss@x.org.subject &&
	test_grep "^  2 survey rounds added.$" boss@x.org.text &&
	test_grep "^You get this digest daily; change that at $BASE/account$" boss@x.org.text &&
	data_less boss@x.org.text >left &&
	test $(wc -l <left) -gt 10 &&
	test_grep "^Trellis: su resumen diario, " jefa@x.org.subject &&
	test_grep "^Hola:$" jefa@x.org.text &&
	test_grep "^Lo que ha cambiado en sus iniciativas desde el .*, y lo que le espera:$" jefa@x.org.text &&
	test_grep "^  Se añadieron 2 rondas de encuesta.$" jefa@x.org.text &&
	test_grep "^  Se añadió 1 ronda de encuesta.$" jefa@x.org.text &&
	test_grep "^Recibe este resumen cada día; puede cambiarlo en $BASE/account$" jefa@x.org.text &&
	test_grep ">Abrir su panel</a>" jefa@x.org.html &&
	test_grep "<a href=\"$BASE/account\">puede cambiarlo</a>" jefa@x.org.html &&
	no_english jefa@x.org.text jefa@x.org.html jefa@x.org.subject
'

test_expect_success 'the program'"'"'s default language: the other admin reads Spanish too' '
	"$TRELLIS" --db "$DB" settings lang es >/dev/null &&
	q "UPDATE users SET digest_sent = digest_sent - 86400; UPDATE audit_log SET at = at - 3600" &&
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance --id dg-4 &&
	rm -rf "$TEST_DIR/box/new"/* &&
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" --mail-from trellis@example.org \
	    --url "$BASE" >out 2>err &&
	readbox "Trellis" &&
	test_grep "^Trellis: su resumen diario, " boss@x.org.subject &&
	no_english boss@x.org.text &&
	"$TRELLIS" --db "$DB" settings lang en >/dev/null
'

http_start --dev-cookie --smtp "$SMTP" --mail-from trellis@example.org --url "$BASE"
api () {
	http_get "$1" -X POST -H "Authorization: Bearer $(cat member.tok)" -H "Accept-Language: es" \
		-H "Content-Type: application/json" --data "$2"
}
wait_mails () {
	i=0
	while test "$(mails)" -lt "$1" && test $i -lt 300; do sleep 0.1; i=$((i + 1)); done
	test "$(mails)" = "$1" || { echo "$(mails) mails, expected $1"; return 1; }
}

test_expect_success 'a ledger entry awaiting approval: the member (es) reads Spanish' '
	rm -rf "$TEST_DIR/box/new"/* &&
	test "$(api $L "{\"id\": \"M-2\", \"date\": \"$TODAY\", \"grant\": \"g-1\", \"amount\": 8000, \"kind\": \"disbursement\", \"recipient\": \"merrow-valley-health\", \"purpose\": \"Outreach\", \"backbone_own\": false}")" = 201 &&
	wait_mails 1 &&
	readbox "M-2" &&
	test_grep "^Harlow Mills Family Prosperity Initiative: el pago M-2 (\$8,000.00) espera la aprobación de su organización$" member@x.org.subject &&
	test_grep "^El pago M-2 de Harlow Mills Family Prosperity Initiative, \$8,000.00, Outreach, necesita la aprobación de una organización que tenga la A de «approve budget»" member@x.org.text &&
	test_grep ">Apruébelo o recházelo</a>" member@x.org.html &&
	sed -i "s/«approve budget»//" member@x.org.text member@x.org.html &&
	no_english member@x.org.subject member@x.org.text member@x.org.html
'

test_expect_success 'after the first approval: the planner (no language: the program'"'"'s, English) reads English' '
	rm -rf "$TEST_DIR/box/new"/* &&
	test "$(api $L/M-2/approvals "{\"org\": \"harlow-public-schools\", \"verdict\": \"approve\"}")" = 201 &&
	wait_mails 1 &&
	readbox "M-2" &&
	test_grep "^Harlow Mills Family Prosperity Initiative: ledger entry M-2 (\$8,000.00) awaits your organization.s approval$" planner@x.org.subject &&
	test_grep "needs a second organization.s approval before it counts in the figures" planner@x.org.text &&
	data_less planner@x.org.text >left &&
	test $(wc -l <left) -gt 10
'

test_expect_success 'the mail'"'"'s unsubscribe page, opened in Spanish, is in Spanish' '
	link=$(sed -n "s|.*$BASE\(/unsubscribe/[^ ]*\).*|\1|p" planner@x.org.text | head -n 1) &&
	test -n "$link" &&
	test_status 200 "$link" -H "Accept-Language: es" &&
	spanish .body &&
	test_grep "<title>Dejar de recibir correo de Trellis" .body &&
	test_grep "Trellis no enviará más correo a <strong>planner@x.org</strong>: ni enlaces de encuesta ni avisos." .body &&
	test_status 200 "$link" &&
	test_grep "Trellis will send no more mail to <strong>planner@x.org</strong>" .body
'

test_done
