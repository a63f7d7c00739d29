#!/bin/sh
# The digest's "actions due" and "new alerts" end to end (issue 12,
# docs/mail.md), through Debian's aiosmtpd, read back with Python's email
# package: a person hears of the open actions they own, or their
# organization owns, that are overdue or due within 7 days (the director
# also of the backbone's), never of done ones or of others'; an alert
# raised since the last digest is told with its observation and question.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/http/smtp.sh"

DB=$TEST_DIR/run.db
q () {
	sqlite3 "$DB" "$1"
}
day () {
	date -u -d "$1" +%F
}
TODAY=$(day today)
smtp_start
send () {
	"$TRELLIS" --db "$DB" mail --send-due --smtp "$SMTP" \
		--mail-from trellis@example.org --url https://trellis.example.org
}
cat >read.py <<'PY'
import email, email.policy, mailbox, sys
for key, m in sorted(mailbox.Maildir(sys.argv[1], create=False).items(), key=lambda x: x[1]["Message-ID"]):
    m = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
    if not m["Subject"].startswith("Trellis: your"):
        continue
    print("=== " + m["To"].addresses[0].addr_spec + " | " + m["Subject"])
    print(m.get_body(("plain",)).get_content())
    html = m.get_body(("html",)).get_content()
    for line in html.splitlines():
        if line.startswith("<li>"):
            print("HTML " + line)
PY

# A program running today, five decisions of the backbone alone decided
# today (the dominance alert: not raised as of yesterday, raised today),
# and actions due soon, overdue, later, done, owned by people and by
# organizations.
action () {
	printf '    {"id": "%s", "alert": "dominance", "period": "2020-01-31", "title": "%s", "owner_org": %s, "owner_person": %s, "due": "%s", "status": "%s"}' \
	    "$1" "$2" "$3" "$4" "$5" "$6"
}
decision () {
	printf '    {"id": "d-%s", "title": "Decision %s", "category": "program", "proposed": "%s", "decided": "%s", "decider": "bb", "consulted": [], "informed": [], "contrary_views": null}' \
	    "$1" "$1" "$TODAY" "$TODAY"
}
{
	cat <<-EOF
	{"format": "trellis/1",
	 "program": {"slug": "run", "name": "Running", "funder": "Fed", "start": "2020-01-01", "end": "2099-12-31"},
	 "organizations": [
	  {"slug": "bb", "name": "Backbone Org", "sector": "nonprofit", "city": null, "staff": null, "revenue": null, "traits": null},
	  {"slug": "pa", "name": "Partner A", "sector": "public", "city": null, "staff": null, "revenue": null, "traits": null},
	  {"slug": "pb", "name": "Partner B", "sector": "health", "city": null, "staff": null, "revenue": null, "traits": null}
	 ],
	 "people": [
	  {"slug": "owen", "name": "Owen Owner", "email": "Owner@X.org", "org": "pa"},
	  {"slug": "dee", "name": "Dee Rector", "email": "dir@x.org", "org": "pb"}
	 ],
	 "instruments": [],
	 "learning": [],
	 "initiatives": [
	  {"slug": "i1", "name": "Init One", "city": "X", "start": "2020-01-01", "end": "2099-12-31", "backbone": "bb", "fiscal_agent": "bb", "committee": [],
	   "director": {"person": "dee", "employer": "bb", "reports_to": ["bb", "pa"], "evaluated_by": ["pa"]},
	   "shared_result": null,
	   "observations": [],
	   "members": [
	    {"org": "bb", "role": "backbone", "joined": "2020-01-01", "left": null},
	    {"org": "pa", "role": "partner", "joined": "2020-01-01", "left": null},
	    {"org": "pb", "role": "partner", "joined": "2020-01-01", "left": null}
	   ],
	   "decisions": [
	EOF
	for n in 1 2 3 4; do decision $n; echo ,; done
	decision 5; echo
	cat <<-EOF
	   ],
	   "grants": [], "ledger": [], "applications": [], "credits": [], "contributions": [],
	   "checkins": [], "events": [], "surveys": [], "ties": [],
	   "actions": [
	EOF
	action a-1 "Call the partners" null '"owen"' "$(day '+3 days')" open; echo ,
	action a-2 "Send the minutes" '"pa"' null "$(day '-10 days')" open; echo ,
	action a-3 "Book the room" '"bb"' null "$(day '+2 days')" open; echo ,
	action a-4 "Plan next year" null '"owen"' "$(day '+30 days')" open; echo ,
	action a-5 "Already done" null '"owen"' "$(day '-1 days')" done; echo
	cat <<-EOF
	   ]}
	 ]}
	EOF
} >run.json

test_expect_success 'setup: the running program, three accounts with a daily digest' '
	"$TRELLIS" --db "$DB" import run.json >/dev/null &&
	printf "a long password 1\n" >pw &&
	"$TRELLIS" --db "$DB" user add admin@x.org --role admin --password-file pw >/dev/null &&
	"$TRELLIS" --db "$DB" user add owner@x.org --role member --initiative i1 --password-file pw >/dev/null &&
	"$TRELLIS" --db "$DB" user add dir@x.org --role member --initiative i1 --password-file pw >/dev/null &&
	q "UPDATE users SET digest = '"'"'daily'"'"'" &&
	"$TRELLIS" --db "$DB" report --initiative i1 --format json >now.json &&
	grep -q "\"code\":\"dominance\"" now.json &&
	"$TRELLIS" --db "$DB" report --initiative i1 --as-of "$(day yesterday)" --format json >then.json &&
	! grep -q "\"code\":\"dominance\"" then.json
'

test_expect_success 'a change today: the admin hears of the change and of the new alert' '
	"$TRELLIS" --db "$DB" survey open --initiative i1 --instrument balance --id s-1 >/dev/null &&
	send >out 2>err &&
	test_grep "mail: 3 digests queued" err &&
	$PY read.py "$TEST_DIR/box" >read &&
	sed -n "/^=== admin@x.org/,/^===/p" read >admin &&
	test_grep "^  1 survey round added.\$" admin &&
	test_grep "^  New alert: 5 of the 5 decisions .* Is that how the team wants to decide?\$" admin &&
	test_grep "^HTML <li>New alert: 5 of the 5 decisions" admin &&
	! grep -q "Action due" admin
'

test_expect_success 'the owner hears of the actions they and their organization own, due or overdue' '
	sed -n "/^=== owner@x.org/,/^===/p" read >owner &&
	test_grep "^  Action due: Backbone dominance, January 2020: Call the partners — Owen Owner, due .* · open\$" owner &&
	test_grep "^  Action due: Backbone dominance, January 2020: Send the minutes — Partner A, due .* · open, overdue\$" owner &&
	test_grep "^HTML <li>Action due: Backbone dominance, January 2020: Call the partners" owner &&
	! grep -q "Book the room\|Plan next year\|Already done" owner
'

test_expect_success 'the director hears of the backbone'"'"'s action, not of the others'"'"'' '
	sed -n "/^=== dir@x.org/,/^===/p" read >dir &&
	test_grep "^  Action due: .*Book the room — Backbone Org, due .* · open\$" dir &&
	! grep -q "Call the partners\|Send the minutes" dir
'

test_expect_success 'a day later, nothing changed: only those with actions due get a digest' '
	n=$(mails) &&
	q "UPDATE audit_log SET at = at - 2 * 86400; UPDATE users SET digest_sent = digest_sent - 86400" &&
	send >out 2>err &&
	test_grep "mail: 2 digests queued" err &&
	test "$(mails)" -eq $((n + 2)) &&
	$PY read.py "$TEST_DIR/box" >read2 &&
	test "$(grep -c "^=== admin@x.org" read2)" -eq 1
'

test_expect_success 'an action marked done is no longer told' '
	q "UPDATE action_item SET status = '"'"'done'"'"' WHERE ident IN ('"'"'a-1'"'"', '"'"'a-2'"'"')" &&
	q "UPDATE users SET digest_sent = digest_sent - 86400" &&
	send >out 2>err &&
	test_grep "mail: 1 digest queued" err
'

# An action of Partner B, whose account below has no person of its own.
cat >a6.sql <<EOF
INSERT INTO action_item (initiative_id, ident, alert, period, title, owner_org_id, due, status)
VALUES ((SELECT id FROM initiative WHERE slug = 'i1'), 'a-6', 'dominance', '2020-01-31',
        'Share the data', (SELECT id FROM organization WHERE slug = 'pb'), '$(day '+1 days')', 'open');
UPDATE users SET digest_sent = digest_sent - 86400;
EOF

test_expect_success 'an account that answers for an organization hears of its actions, with no person of its own' '
	sqlite3 "$DB" <a6.sql &&
	"$TRELLIS" --db "$DB" user add pbx@x.org --role member --initiative i1 --organization pb \
		--password-file pw >/dev/null &&
	q "UPDATE users SET digest = '"'"'daily'"'"' WHERE email = '"'"'pbx@x.org'"'"'" &&
	send >out 2>err &&
	$PY read.py "$TEST_DIR/box" >read3 &&
	sed -n "/^=== pbx@x.org/,/^===/p" read3 >pbx &&
	test_grep "^  Action due: .*Share the data — Partner B, due .* · open\$" pbx &&
	test_grep "^What changed in your initiatives since .*, and what waits for you:\$" pbx &&
	! grep -q "Book the room" pbx
'

test_done
