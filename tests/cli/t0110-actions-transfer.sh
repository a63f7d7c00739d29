#!/bin/sh
# The team's answers to alerts and their actions (issue 12) in trellis/1:
# JSON and CSV round trips byte for byte, bad records refused with where,
# absent when empty, and shown by the text and JSON reports.
. "$(dirname "$0")/lib.sh"

DOC="$TEST_DATA/small-actions.json"

test_expect_success 'responses and actions import and export back byte for byte' '
	"$TRELLIS" --db a.db import "$DOC" >out &&
	test_grep "24 records" out &&
	"$TRELLIS" --db a.db export >a.json &&
	test_cmp "$DOC" a.json
'

test_expect_success 'the CSV set carries them (responses.csv, actions.csv) and imports back the same' '
	"$TRELLIS" --db a.db export --format csv --out csv &&
	test "$(ls csv | wc -l)" -eq 21 &&
	cat >want <<-\EOF &&
	initiative,id,alert,period,title,owner_org,owner_person,due,status
	i1,a-1,director_supported,2016-12-31,Invite the partner to the review,pa,,2017-01-31,open
	i1,a-2,dominance,2016-10-31,Take the budget to the team,,dir,2016-11-30,done
	EOF
	test_cmp want csv/actions.csv &&
	test_grep "^i1,r-1,director_supported,2016-12-31," csv/responses.csv &&
	"$TRELLIS" --db b.db import csv/*.csv >/dev/null &&
	"$TRELLIS" --db b.db export >b.json &&
	test_cmp "$DOC" b.json
'

test_expect_success 'without any, no key, no CSV file and no sheet is written' '
	"$TRELLIS" --db s.db import "$TEST_DATA/small.json" >/dev/null &&
	"$TRELLIS" --db s.db export >s.json &&
	test_cmp "$TEST_DATA/small.json" s.json &&
	! grep -q "^   \"actions\"\|^   \"responses\"" s.json &&
	"$TRELLIS" --db s.db export --format csv --out scsv &&
	test "$(ls scsv | wc -l)" -eq 19 &&
	! test -e scsv/actions.csv
'

# Each bad record: exit 1, FILE:LINE: FIELD: why, and the database as it was.
bad () {
	sed "$1" "$DOC" >bad.json &&
	test_expect_code 1 "$TRELLIS" --db bad.db import bad.json 2>err &&
	test_grep "$2" err &&
	! test -e bad.db || test "$("$TRELLIS" --db bad.db stats 2>/dev/null | grep -c i1)" -eq 0
}

test_expect_success 'a period that is not a month written as its last day is refused' '
	bad "s/\"period\": \"2016-10-31\"/\"period\": \"2016-10-15\"/" \
	    "^bad.json:[0-9]*: period: a period is a month, written as its last day (2016-10-31)$"
'

test_expect_success 'an action with two owners, or none, is refused' '
	bad "s/\"owner_org\": null, \"owner_person\": \"dir\"/\"owner_org\": \"bb\", \"owner_person\": \"dir\"/" \
	    "owner_org: an action has one owner: give owner_org or owner_person, not both" &&
	bad "s/\"owner_org\": null, \"owner_person\": \"dir\"/\"owner_org\": null, \"owner_person\": null/" \
	    "owner_org: an action has one owner: give owner_org or owner_person, not neither"
'

test_expect_success 'an unknown alert code, status or owner is refused' '
	bad "s/\"alert\": \"dominance\"/\"alert\": \"bossiness\"/" "alert:" &&
	bad "s/\"status\": \"done\"/\"status\": \"finished\"/" "status:" &&
	bad "s/\"owner_person\": \"dir\"/\"owner_person\": \"nobody\"/" "owner_person:"
'

test_expect_success 'a second answer to the same alert and period is refused' '
	sed "s|^    {\"id\": \"r-1\".*|&,\n    {\"id\": \"r-2\", \"alert\": \"director_supported\", \"period\": \"2016-12-31\", \"answer\": \"again\"}|" \
	    "$DOC" >two.json &&
	grep -c "\"r-2\"" two.json &&
	test_expect_code 1 "$TRELLIS" --db two.db import two.json 2>err &&
	test_grep "period: the team has already answered .director_supported. for the period 2016-12-31 (response .r-1.)" err
'

test_expect_success 'the text report shows the answer under its strength and what became of earlier actions' '
	"$TRELLIS" --db a.db report --initiative i1 --as-of 2016-12-31 --format text >r.txt &&
	sed -n "/^GOING WELL/,/^BALANCE/p" r.txt >part &&
	test_grep "^    The team.s answer (December 2016):$" part &&
	test_grep "^      We keep the \*\*joint review\*\*.$" part &&
	test_grep "^      \* Invite the partner to the review — Partner A, due 31 Jan 2017 · open$" part &&
	test_grep "^EARLIER ACTIONS$" part &&
	test_grep "^  - Backbone dominance, October 2016: Take the budget to the team — .*, due 30 Nov 2016 · done$" part
'

test_expect_success 'an open action past its due date is marked overdue in a later period' '
	"$TRELLIS" --db a.db report --initiative i1 --as-of 2017-02-28 --format text >r2.txt &&
	test_grep "Invite the partner to the review — Partner A, due 31 Jan 2017 · open, overdue$" r2.txt
'

test_expect_success 'the JSON report adds response and actions only where there are some' '
	"$TRELLIS" --db a.db report --initiative i1 --as-of 2016-12-31 --format json >r.json &&
	python3 - r.json <<-\EOF &&
	import json, sys
	d = json.load(open(sys.argv[1]))
	s = d["strengths"][0]
	assert s["code"] == "director_supported", s
	assert s["response"]["id"] == "r-1" and "joint review" in s["response"]["answer"], s
	assert [a["id"] for a in s["actions"]] == ["a-1"], s
	assert [a["id"] for a in d["earlier_actions"]] == ["a-2"], d
	assert all("response" not in a and "actions" not in a for a in d["alerts"]), d
	EOF
	"$TRELLIS" --db s.db report --initiative i1 --as-of 2016-12-31 --format json >s.json &&
	! grep -q "response\|actions" s.json
'

test_done
