#!/bin/sh
# The mail of a ledger entry awaiting approval (docs/approvals.md), read
# from the outbox: entered pending, it goes to the accounts that act for
# the organization holding A for "approve budget" and may approve in the
# initiative (its members, admins) — not to a viewer, nor to a member of
# another initiative acting for the same organization; after the first
# approval, to the other member organizations' accounts; an entry below
# the threshold, or approved, mails no one.
. "$(dirname "$0")/t02-accounts.sh"

. "$TEST_TOP/tests/http/smtp.sh"

DB=$TEST_DIR/demo.db
BASE=https://trellis.example.org
TODAY=$(date -u +%F)
L=/api/v1/initiatives/harlow-mills/ledger

q () {
	sqlite3 "$DB" "$1"
}

accounts_setup
for spec in member@x.org:harlow-public-schools viewer@x.org:harlow-city-planning \
    other@x.org:harlow-public-schools; do
	"$TRELLIS" --db "$DB" user organization ${spec%%:*} --organization ${spec#*:} >/dev/null ||
		{ echo "not ok - cannot set the organization of ${spec%%:*}"; exit 1; }
done
"$TRELLIS" --db "$DB" user add planner@x.org --role member --initiative harlow-mills \
	--organization harlow-city-planning --password-file "$TEST_DIR/pw" >/dev/null
"$TRELLIS" --db "$DB" token add --user member@x.org >"$TEST_DIR/member.tok" 2>/dev/null
"$TRELLIS" --db "$DB" settings approval_threshold 5000 >/dev/null
smtp_start
http_start --dev-cookie --smtp "$SMTP" --mail-from trellis@example.org --url "$BASE"

api () {
	http_get "$2" -X POST -H "Authorization: Bearer $(cat "$1.tok")" \
		-H "Content-Type: application/json" --data "$3"
}
entry () {
	echo "{\"id\": \"$1\", \"date\": \"$TODAY\", \"grant\": \"g-1\", \"amount\": $2, \"kind\": \"disbursement\", \"recipient\": \"merrow-valley-health\", \"purpose\": \"Outreach\", \"backbone_own\": false}"
}

test_expect_success 'an entry below the threshold mails no one' '
	test "$(api member $L "$(entry M-1 100)")" = 201 &&
	test "$(q "SELECT count(*) FROM mail_outbox WHERE kind = '"'"'approval-awaited'"'"'")" = 0
'

test_expect_success 'entered pending: to the A-holder organization'"'"'s accounts that may approve there' '
	test "$(api member $L "$(entry M-2 8000)")" = 201 &&
	test "$(q "SELECT to_addr, topic FROM mail_outbox WHERE kind = '"'"'approval-awaited'"'"' ORDER BY id")" = \
		"member@x.org|harlow-mills/M-2" &&
	q "SELECT subject, text_body FROM mail_outbox WHERE kind = '"'"'approval-awaited'"'"'" >mail &&
	test_grep "Harlow Mills Family Prosperity Initiative: ledger entry M-2 (\$8,000.00) awaits your organization" mail &&
	test_grep "$BASE/program/approvals" mail
'

test_expect_success 'after the first approval: to the other member organizations, not again to the first' '
	test "$(api member $L/M-2/approvals "{\"org\": \"harlow-public-schools\", \"verdict\": \"approve\"}")" = 201 &&
	test "$(q "SELECT to_addr FROM mail_outbox WHERE kind = '"'"'approval-awaited'"'"' ORDER BY id" | paste -sd, -)" = \
		"member@x.org,planner@x.org" &&
	test_grep "needs a second organization" "$(q "SELECT text_body FROM mail_outbox ORDER BY id DESC LIMIT 1" >last; echo last)"
'

test_done
