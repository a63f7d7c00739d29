#!/bin/sh
# A per-initiative load reads the decisions', applications', ledger's,
# contributions' and ties' references to organizations as rowids
# (src/store/sql.c, *_SEL_IDS; a decider as its rowid in text, or
# committee or team) and looks each up among the organizations already
# read; one that no other record of the initiative names is read by its
# rowid then (src/store/program.c, ref_by_rowid and fetch_org). Here five
# such organizations of a bench/gen program: a ledger entry's recipient
# with an older rowid than every other (it goes to the front of the list),
# a decider, an application's lead, a contribution's giver and a tie's
# end, the newest. Each initiative loaded
# alone still reports as the whole program does and holds the same
# organizations, in the same order, as the whole program's slice of it
# (the unit test's check); report --initiative gives --all piece by piece.
# And every other decision of belbury is given a rowid past every other
# initiative's (as records added after an import are; with the sqlite3
# shell, so not in the PostgreSQL pass): its decisions' link rows are then
# read through the decisions' index (sql.c, LINK_SEL_ONE), the other
# tables' by their owners' rowid range (program.c, load_table's dense).
# Last, an organization that only a ledger entry's approval names, and one
# that only a proposal's asked list and an answer name (tests/data's
# approvals.json and proposals.json).
. "$(dirname "$0")/lib.sh"

test_built GEN=bench/gen CHECK=tests/unit/store/test_initiative_load

test_expect_success 'setup: five organizations that only one record of belbury names' '
	"$GEN" --scale 0.003 --seed 7 --format csv --out csv &&
	{
		sed -n 1p csv/organizations.csv &&
		echo "aa-payee,Payee First,nonprofit,Elsewhere,3,,false,fundraising;policy-advocacy,false,false,false" &&
		sed 1d csv/organizations.csv &&
		echo "zw-decider,Decider Late,public,Elsewhere,4,,false,,false,false,false" &&
		echo "zx-lead,Lead Late,nonprofit,Elsewhere,5,,false,,false,false,false" &&
		echo "zy-giver,Giver Late,private,Elsewhere,7,,false,,false,false,false" &&
		echo "zz-tied,Tied Last,public,Elsewhere,2,,false,,false,false,false"
	} >orgs.csv && mv orgs.csv csv/organizations.csv &&
	l=$(grep -m1 "^belbury,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[a-z]" csv/ledger.csv | cut -d, -f2) &&
	awk -F, -v OFS=, -v l="$l" "\$1 == \"belbury\" && \$2 == l { \$7 = \"aa-payee\" } { print }" \
	    csv/ledger.csv >x.csv && mv x.csv csv/ledger.csv &&
	awk -F, -v OFS=, "\$1 == \"belbury\" && \$2 == \"d-0002\" { \$7 = \"zw-decider\" } { print }" \
	    csv/decisions.csv >x.csv && mv x.csv csv/decisions.csv &&
	awk -F, -v OFS=, "\$1 == \"belbury\" && !done { \$6 = \"zx-lead\"; done = 1 } { print }" \
	    csv/applications.csv >x.csv && mv x.csv csv/applications.csv &&
	grep "^belbury,d-0002,[^,]*,[^,]*,[^,]*,[^,]*,zw-decider," csv/decisions.csv &&
	grep "^belbury,[^,]*,[^,]*,[^,]*,[^,]*,zx-lead," csv/applications.csv &&
	grep -q "^belbury,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,committee," csv/decisions.csv &&
	grep -q "^belbury,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,team," csv/decisions.csv &&
	awk -F, -v OFS=, "\$1 == \"belbury\" && !done { \$4 = \"zy-giver\"; done = 1 } { print }" \
	    csv/contributions.csv >x.csv && mv x.csv csv/contributions.csv &&
	awk -F, -v OFS=, "\$1 == \"belbury\" && !done { \$4 = \"zz-tied\"; done = 1 } { print }" \
	    csv/ties.csv >x.csv && mv x.csv csv/ties.csv &&
	grep "^belbury,$l,.*,aa-payee," csv/ledger.csv &&
	grep "^belbury,[^,]*,[^,]*,zy-giver," csv/contributions.csv &&
	grep "^belbury,[^,]*,[^,]*,zz-tied," csv/ties.csv &&
	test "$(grep -l -e aa-payee -e zw-decider -e zx-lead -e zy-giver -e zz-tied csv/*.csv |
	    sort | paste -sd" ")" = "csv/applications.csv csv/contributions.csv csv/decisions.csv \
csv/ledger.csv csv/organizations.csv csv/ties.csv" &&
	"$TRELLIS" --db gen.db import csv/*.csv >/dev/null &&
	if ! test_pg_pass; then
		sqlite3 gen.db "
		    CREATE TEMP TABLE moved AS SELECT d.id AS old, d.id + 100000 AS new
		    FROM decision d JOIN initiative i ON i.id = d.initiative_id
		    WHERE i.slug = '"'belbury'"' AND d.id % 2 = 1;
		    UPDATE decision_consulted SET decision_id = decision_id + 100000
		    WHERE decision_id IN (SELECT old FROM moved);
		    UPDATE decision_informed SET decision_id = decision_id + 100000
		    WHERE decision_id IN (SELECT old FROM moved);
		    UPDATE decision SET id = id + 100000 WHERE id IN (SELECT old FROM moved);" &&
		test "$(sqlite3 gen.db "SELECT count(*), max(id) - min(id) > 2 * count(*)
		    FROM decision WHERE initiative_id = (SELECT id FROM initiative
		    WHERE slug = '"'belbury'"')")" = "1000|1" &&
		test "$(sqlite3 gen.db "PRAGMA foreign_key_check")" = "" &&
		test "$(sqlite3 gen.db "SELECT count(*) FROM decision_consulted WHERE decision_id > 100000")" -gt 0
	fi
'

test_expect_success 'each initiative loaded alone is the whole program sliced, and reports alike' '
	db=$(test_db_target gen.db) &&
	"$CHECK" "$db" >out 2>&1 &&
	grep "3 initiatives of $db" out
'

test_expect_success 'report --initiative, one by one, gives --all piece by piece' '
	"$TRELLIS" --db gen.db report --initiative belbury --as-of 2025-12-31 --format text >one.txt &&
	"$TRELLIS" --db gen.db report --all --as-of 2025-12-31 --format json >all.json &&
	for s in ashbury belbury birchbury; do
		"$TRELLIS" --db gen.db report --initiative "$s" --as-of 2025-12-31 --format json || exit 1
	done >each.txt &&
	printf "[%s]\n" "$(paste -sd, each.txt)" >joined.json &&
	test_cmp all.json joined.json
'

test_expect_success 'an approval, and an answer to a proposal, read their organization by rowid too' '
	db=$(test_db_target gen.db) &&
	for f in approvals proposals; do
		sed -e "4a\\
  {\"slug\": \"zq\", \"name\": \"Named Once\", \"sector\": \"public\", \"city\": null, \"staff\": null, \"revenue\": null, \"traits\": {\"flexible_grants\": false, \"expertise\": [], \"in_kind_staffing\": false, \"experiment\": false, \"convener\": false}}," \
		    -e "0,/\"approvals\": \[{\"org\": \"bb\"/s//\"approvals\": [{\"org\": \"zq\"/" \
		    -e "0,/\"answers\": \[{\"org\": \"pa\"/s//\"answers\": [{\"org\": \"zq\"/" \
		    -e "s/\"asked\": \[\"pa\", \"pb\"\]/\"asked\": [\"pa\", \"pb\", \"zq\"]/" \
		    "$TEST_TOP/tests/data/$f.json" >$f.json || exit 1
	done &&
	grep "\"approvals\": \[{\"org\": \"zq\"" approvals.json &&
	grep "\"answers\": \[{\"org\": \"zq\"" proposals.json &&
	for f in approvals proposals; do
		"$TRELLIS" --db $f.db import $f.json >/dev/null &&
		"$CHECK" "$(test_db_target $f.db)" >out 2>&1 &&
		grep "1 initiatives of" out || exit 1
	done
'

test_done
