#!/bin/sh
# Disbursement approval in trellis/1 (docs/approvals.md, docs/formats.md):
# a ledger entry's optional status (written only when not approved) and
# its approvals (written only when any) round trip through JSON and CSV
# byte for byte; an imported entry without a status is approved; only
# approved entries count in `trellis report`, so approving one changes
# it; a rejection without a reason, the same organization twice or an
# unknown status are refused, saying where.
. "$(dirname "$0")/lib.sh"

# spent DB: funds.spent of i1 at the end of 2015, value and N
spent () {
	"$TRELLIS" --db "$1" report --initiative i1 --as-of 2015-12-31 --format json |
		python3 -c "import json,sys; f = json.load(sys.stdin)[\"figures\"][\"funds.spent\"]; print(f[\"value\"], f[\"n\"])"
}

test_expect_success 'status and approvals import and export back byte for byte' '
	"$TRELLIS" --db a.db import "$TEST_DATA/approvals.json" >out &&
	"$TRELLIS" --db a.db export >a.json &&
	test_cmp "$TEST_DATA/approvals.json" a.json &&
	test "$(grep -c "\"status\"" a.json)" = 3 &&
	grep "\"id\": \"l1\"" a.json >l1 && ! grep -q "status\|approvals" l1
'

test_expect_success 'CSV: a status column and one row per approval; the set imports as the same program' '
	"$TRELLIS" --db a.db export --format csv --out a-csv &&
	test "$(head -n 1 a-csv/ledger.csv)" = "initiative,id,date,grant,amount,kind,recipient,line,purpose,backbone_own,status,approvals_org,approvals_by,approvals_on_behalf,approvals_date,approvals_verdict,approvals_reason" &&
	test_grep "^i1,l1,2015-02-01,g1,1000.25,disbursement,pa,staff,x,false,,,,,,,$" a-csv/ledger.csv &&
	test_grep "^i1,l3,2015-03-05,g1,30000,expense,,,,false,rejected,bb,ann@example.org,true,2015-03-06,reject,\"No invoice, yet\"$" a-csv/ledger.csv &&
	test "$(grep -c "^i1,l4," a-csv/ledger.csv)" = 2 &&
	"$TRELLIS" --db c.db import a-csv/*.csv >/dev/null &&
	"$TRELLIS" --db c.db export >c.json &&
	test_cmp a.json c.json
'

test_expect_success 'only approved entries count: pending l2 and rejected l3 are left out' '
	test "$(spent a.db)" = "26000.25 2"
'

test_expect_success 'trellis report changes when the pending entry is approved' '
	sed "s/\"status\": \"pending\", //" "$TEST_DATA/approvals.json" >approved.json &&
	"$TRELLIS" --db b.db import approved.json >/dev/null &&
	test "$(spent b.db)" = "46000.25 3"
'

test_expect_success 'a rejection without a reason is refused, saying where; nothing is stored' '
	sed "s/\"reason\": \"No invoice, yet\"/\"reason\": null/" "$TEST_DATA/approvals.json" >bad.json &&
	test_expect_code 1 "$TRELLIS" --db d.db import bad.json 2>err &&
	test_grep "bad.json:3[0-9]: .*approvals.1.reason: a reason is required to reject" err &&
	! "$TRELLIS" --db d.db export >/dev/null 2>&1
'

test_expect_success 'the same organization twice on one entry is refused' '
	sed "s/\"org\": \"pa\", \"by\": \"cli:root\"/\"org\": \"bb\", \"by\": \"cli:root\"/" "$TEST_DATA/approvals.json" >twice.json &&
	test_expect_code 1 "$TRELLIS" --db e.db import twice.json 2>err &&
	test_grep "approvals.2.org: .bb. has already acted on this entry" err
'

test_expect_success 'an unknown status is refused, naming the field and the names it takes' '
	sed "s/\"status\": \"pending\"/\"status\": \"maybe\"/" "$TEST_DATA/approvals.json" >maybe.json &&
	test_expect_code 1 "$TRELLIS" --db f.db import maybe.json 2>err &&
	test_grep "status" err && test_grep "approved" err
'

test_done
