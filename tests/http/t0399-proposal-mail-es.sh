#!/bin/sh
# A proposal's mails in each recipient's language (docs/mail.md): made once
# per language, each account reads its own (users.lang), others the
# program's default (English here). The proposal is opened by a Spanish
# request (Accept-Language: es) whose language must not leak into the
# English mails. Through Debian's aiosmtpd, read back with Python's email.
. "$(dirname "$0")/t02-accounts.sh"
. "$TEST_TOP/tests/http/smtp.sh"
. "$TEST_TOP/tests/http/i18n.sh"

ENGLISH="$ENGLISH|Hello|asks|organization|proposal|Answer|here|object|concerns|decided"
ENGLISH="$ENGLISH|outcome|record|every|answer|closed|Get|more|mail|from"

DB=$TEST_DIR/demo.db
BASE=https://trellis.example.org
LATER=$(date -u -d "+20 days" +%F)
TODAY=$(date -u +%F)
H=/api/v1/initiatives/harlow-mills/proposals
q () {
	sqlite3 "$DB" "$1"
}

accounts_setup
"$TRELLIS" --db "$DB" user organization member@x.org --organization harlow-public-schools >/dev/null &&
"$TRELLIS" --db "$DB" user add planner@x.org --role member --initiative harlow-mills \
	--organization harlow-city-planning --password-file "$TEST_DIR/pw" >/dev/null &&
"$TRELLIS" --db "$DB" token add --user member@x.org >"$TEST_DIR/member.tok" 2>/dev/null ||
	{ echo "not ok - setup"; exit 1; }
q "UPDATE users SET lang = 'es' WHERE email = 'member@x.org'"
smtp_start
http_start --dev-cookie --smtp "$SMTP" --mail-from trellis@example.org --url "$BASE"

api () {
	http_get "$2" -X "$1" -H "Authorization: Bearer $(cat member.tok)" -H "Accept-Language: es" \
		-H "Content-Type: application/json" --data "$3"
}
wait_mails () {
	i=0
	while test "$(mails)" -lt "$1" && test $i -lt 300; do sleep 0.1; i=$((i + 1)); done
	test "$(mails)" = "$1" || { echo "$(mails) mails, expected $1"; return 1; }
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
# data: the initiative's name and the proposal's title and outcome
strip () {
	sed -e "s/Harlow Mills Family Prosperity Initiative//g" -e "s/Share one evaluator//g" \
	    -e "s/One evaluator, shared by all.//g" "$1" >"$1.data-less"
}

OPEN='{"title": "Share one evaluator", "category": "personnel", "closes": "'$LATER'",
 "decider": "committee", "asked": ["harlow-public-schools", "harlow-city-planning"]}'

test_expect_success 'opened: the planner reads English, the member (es) Spanish' '
	test "$(api POST $H "$OPEN")" = 201 &&
	wait_mails 2 &&
	$PY read.py "$TEST_DIR/box" "Share one evaluator" &&
	test_grep "a proposal for your answer by" planner@x.org.subject &&
	strip planner@x.org.text && english_left planner@x.org.text.data-less >left &&
	test $(wc -l <left) -gt 5 &&
	test_grep "una propuesta para que responda antes del" member@x.org.subject &&
	test_grep "^Hola:$" member@x.org.text &&
	for f in member@x.org.text member@x.org.html; do
		strip $f && english_left $f.data-less >left && test_line_count left 0 || return 1
	done
'

test_expect_success 'closed: the outcome in each language' '
	test "$(api POST $H/P-1/close "{\"outcome\": \"One evaluator, shared by all.\", \"decided\": \"$TODAY\"}")" = 200 &&
	wait_mails 4 &&
	rm -f ./*.subject ./*.text ./*.html &&
	$PY read.py "$TEST_DIR/box" "decid" &&
	test_grep "is decided" planner@x.org.subject &&
	test_grep "está decidida" member@x.org.subject &&
	test_grep "El registro de la decisión" member@x.org.html &&
	for f in member@x.org.text member@x.org.html; do
		strip $f && english_left $f.data-less >left && test_line_count left 0 || return 1
	done
'

test_done
