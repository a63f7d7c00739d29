#!/bin/sh
# A CSV file of a new initiative alone (issue 13: "backbone must be a
# member" refused it): the backbone becomes its member by itself, role
# backbone, joined at the initiative's start, and it gets the 12 default
# responsibilities; a members.csv that names the backbone is kept exactly.
. "$(dirname "$0")/lib.sh"

HEAD=slug,name,city,start,end,backbone,fiscal_agent,committee,director_person,director_employer,director_reports_to,director_evaluated_by,shared_result_statement,shared_result_indicator,shared_result_unit,shared_result_direction,shared_result_baseline_date,shared_result_baseline_value,shared_result_target_date,shared_result_target_value
HNB=harlow-neighborhood-builders

test_expect_success 'initiatives.csv alone: imported, its backbone a member, 12 responsibilities' '
	"$TRELLIS" --db demo.db demo >/dev/null 2>&1 &&
	mkdir up &&
	{ echo "$HEAD"; echo "new-town,New Town Initiative,New Town,2017-01-01,2019-12-31,$HNB,$HNB,,,,,,,,,,,,,"; } >up/initiatives.csv &&
	"$TRELLIS" --db demo.db import up/initiatives.csv >out 2>err &&
	test_grep "Imported 14 records" out &&
	"$TRELLIS" --db demo.db export --format csv --out ex >/dev/null &&
	grep "^new-town," ex/members.csv >members &&
	echo "new-town,$HNB,backbone,2017-01-01," >expect &&
	test_cmp expect members &&
	test $(grep -c "^new-town," ex/responsibilities.csv) = 12 &&
	"$TRELLIS" --db demo.db report --initiative new-town --as-of 2017-06-30 >report &&
	test_grep "team of 1" report
'

test_expect_success 'with a members.csv naming the backbone: its row kept as given, no second one' '
	"$TRELLIS" --db demo2.db demo >/dev/null 2>&1 &&
	mkdir up2 &&
	{ echo "$HEAD"; echo "old-town,Old Town,Old Town,2017-01-01,2019-12-31,$HNB,$HNB,,,,,,,,,,,,,"; } >up2/initiatives.csv &&
	{ echo "initiative,org,role,joined,left"; echo "old-town,$HNB,backbone,2017-03-01,"; } >up2/members.csv &&
	"$TRELLIS" --db demo2.db import up2/initiatives.csv up2/members.csv >out &&
	"$TRELLIS" --db demo2.db export --format csv --out ex2 >/dev/null &&
	grep "^old-town," ex2/members.csv >members &&
	echo "old-town,$HNB,backbone,2017-03-01," >expect &&
	test_cmp expect members
'

test_expect_success 'a backbone that does not exist is still refused at its line, nothing written' '
	"$TRELLIS" --db demo.db export >before.json &&
	{ echo "$HEAD"; echo "ghost-town,Ghost,G,2017-01-01,2019-12-31,no-such-org,$HNB,,,,,,,,,,,,,"; } >up/initiatives.csv &&
	test_expect_code 1 "$TRELLIS" --db demo.db import up/initiatives.csv >out 2>err &&
	test_grep "initiatives.csv:2: backbone" err &&
	"$TRELLIS" --db demo.db export >after.json &&
	test_cmp before.json after.json
'

test_done
