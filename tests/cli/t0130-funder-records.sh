#!/bin/sh
# trellis/1's additions for the program team (issue 13, items 3–5): a
# check-in's organizations and follow-ups, a learning note's evidence, an
# initiative's technical assistance. They round trip through JSON and CSV
# byte for byte, and a document without them is written exactly as before
# (FL_SPARSE: no key, no column, no file).
. "$(dirname "$0")/lib.sh"

test_expect_success 'the additions import and export back byte for byte' '
	"$TRELLIS" --db f.db import "$TEST_DATA/funder.json" >out &&
	test_grep "^Imported program p1 (1 initiative, 24 records) into f.db$" out &&
	"$TRELLIS" --db f.db export >f.json &&
	test_cmp "$TEST_DATA/funder.json" f.json
'

test_expect_success 'CSV: follow-ups one row each, evidence under a numbered note, assistance.csv' '
	"$TRELLIS" --db f.db export --format csv --out f-csv &&
	test "$(ls f-csv | wc -l)" -eq 20 &&
	test "$(head -n 1 f-csv/checkins.csv)" = "initiative,id,date,attendees,progress,challenges,organizations,follow_ups_text,follow_ups_owner,follow_ups_due,follow_ups_done" &&
	test_grep "^i1,ci1,2015-03-01,dir,\*\*good\*\*,,bb;pa,\"'"'"'=Call, the city\",dir,2015-03-15,true$" f-csv/checkins.csv &&
	test_grep "^i1,ci2,2015-04-02,,,,,,,,$" f-csv/checkins.csv &&
	test "$(head -n 1 f-csv/learning.csv)" = "question,note,notes_date,notes_text,notes_initiatives,evidence_kind,evidence_initiative,evidence_ref,evidence_as_of" &&
	test "$(grep -c "^Q?,2,2016-02-01," f-csv/learning.csv)" = 3 &&
	test "$(cat f-csv/assistance.csv)" = "initiative,id,date,provider,topic,hours,answers
i1,ta1,2015-05-01,pb,Data systems,6.5,expertise;dominance
i1,ta2,2015-06-01,pa,Facilitation,2,"
'

test_expect_success 'the CSV set imports into a new database as the same program' '
	"$TRELLIS" --db from-csv.db import f-csv/*.csv &&
	"$TRELLIS" --db from-csv.db export >from-csv.json &&
	test_cmp f.json from-csv.json
'

test_expect_success 'a program without them is written as before: no key, column or file' '
	"$TRELLIS" --db small.db import "$TEST_DATA/small.json" &&
	"$TRELLIS" --db small.db export >small.json &&
	test_cmp "$TEST_DATA/small.json" small.json &&
	! grep -e "\"assistance\"" -e "\"follow_ups\"" -e "\"organizations\": \[\"" -e "\"evidence\"" small.json &&
	"$TRELLIS" --db small.db export --format csv --out s-csv &&
	test "$(ls s-csv | wc -l)" -eq 19 &&
	! test -e s-csv/assistance.csv &&
	test "$(head -n 1 s-csv/checkins.csv)" = "initiative,id,date,attendees,progress,challenges" &&
	test "$(head -n 1 s-csv/learning.csv)" = "question,notes_date,notes_text,notes_initiatives"
'

test_expect_success 'an alert that is not one is refused where it is' '
	sed "s/\"ref\": \"dominance\"/\"ref\": \"dominant\"/" "$TEST_DATA/funder.json" >bad.json &&
	test_expect_code 1 "$TRELLIS" --db bad.db import bad.json 2>err &&
	test_grep "^bad.json:13: ref: .dominant. is not an alert" err ||
	{ cat err; false; }
'

test_expect_success 'an alert without the date of its report is refused' '
	sed "s/\"ref\": \"dominance\", \"as_of\": \"2015-12-31\"/\"ref\": \"dominance\", \"as_of\": null/" \
	    "$TEST_DATA/funder.json" >bad2.json &&
	test_expect_code 1 "$TRELLIS" --db bad.db import bad2.json 2>err &&
	test_grep "as_of: is required for an alert" err &&
	! test -e bad.db
'

test_expect_success 'evidence naming a check-in that is not there is refused, JSON or CSV' '
	sed "s/\"ref\": \"ci1\"/\"ref\": \"ci9\"/" "$TEST_DATA/funder.json" >bad4.json &&
	test_expect_code 1 "$TRELLIS" --db bad.db import bad4.json 2>err &&
	test_grep "^bad4.json: a learning note.s evidence names check-in .ci9., which initiative .i1. does not have" err &&
	! test -e bad.db &&
	mkdir bad-csv && cp f-csv/*.csv bad-csv/ &&
	sed -i "s/,checkin,i1,ci1,/,checkin,i1,ci7,/" bad-csv/learning.csv &&
	test_expect_code 1 "$TRELLIS" --db bad.db import bad-csv/*.csv 2>err &&
	test_grep "^learning.csv: a learning note.s evidence names check-in .ci7." err &&
	! test -e bad.db
'

test_expect_success 'a follow-up owner who is nobody is refused at its line' '
	sed "s/\"owner\": \"dir\", \"due\": \"2015-04-01\"/\"owner\": \"nobody\", \"due\": \"2015-04-01\"/" \
	    "$TEST_DATA/funder.json" >bad3.json &&
	test_expect_code 1 "$TRELLIS" --db bad.db import bad3.json 2>err &&
	test_grep "nobody" err && test_grep "owner" err
'

test_expect_success 'assistance answers only a capacity trait or an alert' '
	printf "%s\n" "initiative,id,date,provider,topic,hours,answers" \
	    "i1,ta3,2016-01-05,bb,Budgets,3,convener;money" >assistance.csv &&
	test_expect_code 1 "$TRELLIS" --db f.db import assistance.csv 2>err &&
	test_grep "^assistance.csv:2: answers: " err &&
	test_grep "money" err &&
	printf "%s\n" "initiative,id,date,provider,topic,hours,answers" \
	    "i1,ta3,2016-01-05,bb,Budgets,3,convener;out_of_the_loop" >assistance.csv &&
	"$TRELLIS" --db f.db import assistance.csv &&
	"$TRELLIS" --db f.db export | grep "\"id\": \"ta3\".*\"answers\": \[\"convener\", \"out_of_the_loop\"\]"
'

test_done
