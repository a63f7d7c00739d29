#!/bin/sh
# Cost follows the work (docs/architecture.md): a report of one initiative
# reads that initiative and its catalog only, and gives the same bytes as
# one computed from the whole program. On a bench/gen program of three
# initiatives (its organizations shared between initiatives, unlike the
# demo's), the unit test's check runs against every initiative; then the
# command line's per-initiative reports agree with --all.
. "$(dirname "$0")/lib.sh"

test_built GEN=bench/gen CHECK=tests/unit/store/test_initiative_load

test_expect_success 'a bench/gen program of 3 initiatives imports' '
	"$GEN" --scale 0.003 --seed 7 --format csv --out csv &&
	"$TRELLIS" --db gen.db import csv/*.csv
'

test_expect_success 'each initiative loaded alone reports as the whole program does' '
	db=$(test_db_target gen.db) &&
	"$CHECK" "$db" >out 2>&1 &&
	grep "3 initiatives of $db" out
'

test_expect_success 'report --initiative, one by one, gives --all piece by piece' '
	"$TRELLIS" --db gen.db report --all --as-of 2025-12-31 --format json >all.json &&
	test_reports_one_by_one gen.db 2025-12-31 joined.json &&
	test_cmp all.json joined.json
'

# A report's load (store_report_load) reads the ledger in the window and
# sums the approved entries before it in the store: entries pending and
# rejected before the window, and approvals of entries before and in it,
# change nothing of what the report says against the initiative read whole.
test_expect_success 'a report reads the same with entries not approved and approvals' '
	cat >ledger.sql <<-\EOF &&
	UPDATE ledger_entry SET status = '"'"'pending'"'"' WHERE id % 7 = 0;
	UPDATE ledger_entry SET status = '"'"'rejected'"'"' WHERE id % 11 = 0;
	INSERT INTO ledger_approval (entry_id, org_id, acted_by, on_behalf, date, verdict)
	SELECT id, recipient_id, '"'"'finance@example.org'"'"', 0, date, '"'"'approve'"'"'
	FROM ledger_entry WHERE id % 5 = 0 AND recipient_id IS NOT NULL;
	EOF
	sqlite3 gen.db <ledger.sql &&
	test "$(sqlite3 gen.db "SELECT count(*) FROM ledger_approval")" -gt 0 &&
	test "$(sqlite3 gen.db "SELECT count(*) FROM ledger_entry WHERE status <> '"'"'approved'"'"'")" -gt 0 &&
	db=$(test_db_target gen.db) &&
	"$CHECK" "$db" >out 2>&1 &&
	grep "3 initiatives of $db" out
'

test_expect_success 'an unknown initiative is an error that names it' '
	test_expect_code 1 "$TRELLIS" --db gen.db report --initiative nowhere 2>err &&
	grep "no initiative .nowhere." err
'

test_done
