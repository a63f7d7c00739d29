#!/bin/sh
# The digest (docs/mail.md): each person chooses on "Your settings"
# (/account) no digest, daily or weekly; `trellis mail --send-due --url`
# (and the server's sender) then mails each what changed in the
# initiatives they may read since their last digest, in words and counts,
# never who changed it; a member hears of their own initiative only; an
# account not due, or with nothing new, gets nothing. Through Debian's
# aiosmtpd, read back with Python's email package.
. "$(dirname "$0")/t02-accounts.sh"

. "$TEST_TOP/tests/http/smtp.sh"
DB=$TEST_DIR/demo.db

q () {
	sqlite3 "$DB" "$1"
}

accounts_setup
http_start --dev-cookie
smtp_start
send () {
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" \
		--mail-from trellis@example.org --url https://trellis.example.org
}
cat >read.py <<'PY'
import email, email.policy, mailbox, sys
for key, m in mailbox.Maildir(sys.argv[1], create=False).items():
    m = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
    if not m["Subject"].startswith("Trellis: your"):
        continue
    print("=== " + m["To"].addresses[0].addr_spec + " | " + m["Subject"])
    print(m.get_body(("plain",)).get_content())
    assert m.get_body(("html",)) is not None
PY

test_expect_success 'Your settings: no digest at first; a member chooses weekly' '
	sign_in member@x.org jm >/dev/null &&
	test_status 200 /account -b jm &&
	test_grep "Signed in as <strong>member@x.org</strong> (member of Harlow Mills" .body &&
	test_grep "value=\"none\" checked" .body &&
	test_grep "This server sends no mail yet" .body &&
	csrf=$(sed -n "s/.*name=\"csrf\" value=\"\([^\"]*\)\".*/\1/p" .body | head -n 1) &&
	code=$(curl -s -o /dev/null -b jm -w "%{http_code} %{redirect_url}" \
		-d csrf="$csrf" -d digest=weekly "$URL/account") &&
	test "$code" = "303 $URL/account?saved=1" &&
	test_status 200 "/account?saved=1" -b jm &&
	test_grep "Your choice is saved" .body &&
	test_grep "value=\"weekly\" checked" .body
'

test_expect_success 'a bad choice is refused and changes nothing; an admin chooses daily' '
	csrf=$(curl -s -b jm "$URL/account" | sed -n "s/.*name=\"csrf\" value=\"\([^\"]*\)\".*/\1/p" | head -n 1) &&
	code=$(curl -s -o .body -b jm -w "%{http_code}" -d csrf="$csrf" -d digest=hourly "$URL/account") &&
	test "$code" = 422 &&
	test_grep "Choose one of: no digest, daily or weekly" .body &&
	test "$(q "SELECT digest FROM users WHERE email = '"'"'member@x.org'"'"'")" = weekly &&
	sign_in admin@x.org ja >/dev/null &&
	csrf=$(curl -s -b ja "$URL/account" | sed -n "s/.*name=\"csrf\" value=\"\([^\"]*\)\".*/\1/p" | head -n 1) &&
	code=$(curl -s -o /dev/null -b ja -w "%{http_code}" -d csrf="$csrf" -d digest=daily "$URL/account") &&
	test "$code" = 303 &&
	test "$(q "SELECT digest FROM users WHERE email = '"'"'admin@x.org'"'"'")" = daily
'

test_expect_success 'changes in two initiatives: the admin hears of both, the member of theirs' '
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance --id dg-1 &&
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance --id dg-2 &&
	"$TRELLIS" --db "$DB" survey open --initiative port-ashby --instrument balance --id dg-3 &&
	send >out 2>err &&
	test_grep "mail: 2 digests queued" err &&
	$PY read.py "$TEST_DIR/box" >read &&
	sed -n "/^=== admin@x.org/,/^===/p" read >admin &&
	sed -n "/^=== member@x.org/,/^===/p" read >member &&
	test_grep "| Trellis: your daily digest" admin &&
	test_grep "^Harlow Mills Family Prosperity Initiative\$" admin &&
	test_grep "^  2 survey rounds added.\$" admin &&
	test_grep "^Port Ashby" admin &&
	test_grep "^  1 survey round added.\$" admin &&
	test_grep "https://trellis.example.org/i/port-ashby" admin &&
	test_grep "| Trellis: your weekly digest" member &&
	test_grep "^Harlow Mills Family Prosperity Initiative\$" member &&
	! grep -q "Port Ashby" member &&
	! grep -q "cli:" read &&
	test_grep "change that at https://trellis.example.org/account" member
'

test_expect_success 'run again at once: nobody is due' '
	n=$(ls "$TEST_DIR/box/new" | wc -l) &&
	send >out 2>err &&
	! grep -q digest err &&
	test "$(ls "$TEST_DIR/box/new" | wc -l)" = "$n"
'

test_expect_success 'a day later with nothing new: the admin is due but gets no mail' '
	n=$(ls "$TEST_DIR/box/new" | wc -l) &&
	q "UPDATE audit_log SET at = at - 2 * 86400;
	   UPDATE users SET digest_sent = digest_sent - 86400 WHERE email = '"'"'admin@x.org'"'"'" &&
	before=$(q "SELECT digest_sent FROM users WHERE email = '"'"'admin@x.org'"'"'") &&
	send >out 2>err &&
	! grep -q digest err &&
	test "$(ls "$TEST_DIR/box/new" | wc -l)" = "$n" &&
	test "$(q "SELECT digest_sent FROM users WHERE email = '"'"'admin@x.org'"'"'")" -gt "$before"
'

test_expect_success 'no digest chosen: none, whatever changes' '
	q "UPDATE users SET digest = '"'"'none'"'"', digest_sent = 0" &&
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance --id dg-4 &&
	send >out 2>err &&
	! grep -q digest err
'

test_done
