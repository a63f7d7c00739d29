#!/bin/sh
# A per-initiative load reads the organizations its records name, and an
# organization that only a link row names (a decision's consulted, an
# event's attendees) when the link row comes (src/store/program.c,
# fetch_org): here two such organizations of a bench/gen program, one
# with an older rowid than every other (so it goes to the front of the
# list) and expertise of its own, one with the newest. And belbury's
# decisions are imported last first, so that their rowids run against
# their idents, the order in which a per-initiative load reads them (it
# sorts them back: sql.c, OF_ONE). Each initiative
# loaded alone still reports as the whole program does and holds the same
# organizations, in the same order, as the whole program's slice of it
# (the unit test's check); report --initiative gives --all piece by piece.
. "$(dirname "$0")/lib.sh"

test_built GEN=bench/gen CHECK=tests/unit/store/test_initiative_load

test_expect_success 'setup: two organizations that only link rows of belbury name' '
	"$GEN" --scale 0.003 --seed 7 --format csv --out csv &&
	{
		sed -n 1p csv/organizations.csv &&
		echo "aa-outside,Outside First,nonprofit,Elsewhere,3,,false,fundraising;policy-advocacy,false,false,false" &&
		sed 1d csv/organizations.csv &&
		echo "zz-outside,Outside Last,private,Elsewhere,7,,false,,false,false,false"
	} >orgs.csv && mv orgs.csv csv/organizations.csv &&
	awk -F, -v OFS=, "\$1 == \"belbury\" && \$2 == \"d-0001\" { \$8 = \$8 \";aa-outside;zz-outside\" } { print }" \
	    csv/decisions.csv >d.csv && mv d.csv csv/decisions.csv &&
	awk -F, -v OFS=, "\$1 == \"belbury\" && \$2 == \"e-0001\" { \$7 = \$7 \";zz-outside\" } { print }" \
	    csv/events.csv >e.csv && mv e.csv csv/events.csv &&
	{
		sed -n 1p csv/decisions.csv &&
		grep -v "^belbury," csv/decisions.csv | sed 1d &&
		grep "^belbury," csv/decisions.csv | sort -r -t, -k2,2
	} >d.csv && mv d.csv csv/decisions.csv &&
	grep "^belbury,d-0001,.*;aa-outside;zz-outside," csv/decisions.csv &&
	test "$(grep "^belbury," csv/decisions.csv | head -1 | cut -d, -f2)" = d-1000 &&
	grep "^belbury,e-0001,.*;zz-outside$" csv/events.csv &&
	! grep -l "outside" csv/*.csv | grep -v -e organizations -e decisions -e events &&
	"$TRELLIS" --db gen.db import csv/*.csv >/dev/null
'

test_expect_success 'each initiative loaded alone is the whole program sliced, and reports alike' '
	db=$(test_db_target gen.db) &&
	"$CHECK" "$db" >out 2>&1 &&
	grep "3 initiatives of $db" out
'

test_expect_success 'report --initiative, one by one, gives --all piece by piece' '
	for f in text html; do
		"$TRELLIS" --db gen.db report --initiative belbury --as-of 2025-12-31 \
		    --format $f >one.$f || exit 1
	done &&
	"$TRELLIS" --db gen.db report --all --as-of 2025-12-31 --format json >all.json &&
	for s in ashbury belbury birchbury; do
		"$TRELLIS" --db gen.db report --initiative "$s" --as-of 2025-12-31 --format json || exit 1
	done >each.txt &&
	printf "[%s]\n" "$(paste -sd, each.txt)" >joined.json &&
	test_cmp all.json joined.json
'

test_done
