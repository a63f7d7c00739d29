#!/bin/sh
# Proposals in trellis/1 (docs/formats.md): a document with proposals
# imports and exports back byte for byte, as JSON and through CSV
# (proposals.csv, one row per answer); the list is optional, so a program
# without proposals exports no "proposals" key and no proposals.csv; a
# proposal that breaks a rule is refused with its file, line and field, and
# nothing is stored.
. "$(dirname "$0")/lib.sh"

test_expect_success 'JSON: import → export gives the very bytes, proposals and their answers' '
	"$TRELLIS" --db p.db import "$TEST_DATA/proposals.json" >out &&
	test_grep "23 records" out &&
	"$TRELLIS" --db p.db export >p.json &&
	test_cmp "$TEST_DATA/proposals.json" p.json
'

test_expect_success 'CSV: proposals.csv has one row per answer; CSV → database → JSON the same bytes' '
	"$TRELLIS" --db p.db export --format csv --out pcsv &&
	test "$(ls pcsv | wc -l)" -eq 20 &&
	head -n 1 pcsv/proposals.csv >head &&
	echo "initiative,id,title,body,category,opened,closes,asked,decider,outcome,decided,decision,answers_org,answers_answer,answers_reason,answers_date,answers_recorded_by" >want &&
	test_cmp want head &&
	test "$(grep -c "^i1,P-1," pcsv/proposals.csv)" = 3 &&
	test_grep "^i1,P-2,Open on Saturdays,,program,2016-04-01,2016-04-15,bb,team,,,,,,,,\$" pcsv/proposals.csv &&
	"$TRELLIS" --db q.db import pcsv/*.csv >out &&
	"$TRELLIS" --db q.db export >q.json &&
	test_cmp "$TEST_DATA/proposals.json" q.json
'

test_expect_success 'a program without proposals: no "proposals" key, no proposals.csv' '
	"$TRELLIS" --db s.db import "$TEST_DATA/small.json" &&
	"$TRELLIS" --db s.db export >s.json &&
	! grep -q "\"proposals\"" s.json &&
	"$TRELLIS" --db s.db export --format csv --out scsv &&
	test "$(ls scsv | wc -l)" -eq 19 &&
	test ! -e scsv/proposals.csv
'

# refused DOCUMENT-EDIT MESSAGE: the edited document is refused with MESSAGE, nothing stored
refused () {
	sed "$1" "$TEST_DATA/proposals.json" >bad.json &&
	test_expect_code 1 "$TRELLIS" --db bad.db import bad.json 2>err &&
	test_grep "$2" err &&
	test_expect_code 1 "$TRELLIS" --db bad.db export >/dev/null 2>&1
}

test_expect_success 'an organization that was not asked cannot answer' '
	refused "s/{\"org\": \"pb\", \"answer\": \"object\"/{\"org\": \"bb\", \"answer\": \"object\"/" \
		"^bad.json:[0-9]*: .*answers.*org: .bb. was not asked: only the asked organizations answer"
'

test_expect_success 'concerns and objections need a reason' '
	refused "s/\"reason\": \"Not now\"/\"reason\": null/" \
		"^bad.json:[0-9]*: .*reason: a reason is required for object"
'

test_expect_success 'an answer must be agree, concerns or object' '
	refused "s/\"answer\": \"object\"/\"answer\": \"maybe\"/" \
		"answer: .maybe. is not one of: agree, concerns, object"
'

test_expect_success 'a closed proposal has both its outcome and its date; none before it opened' '
	refused "s/\"outcome\": \"One, shared.\"/\"outcome\": null/" \
		"outcome: a closed proposal has both an outcome and a decided date" &&
	refused "s/\"closes\": \"2016-03-15\"/\"closes\": \"2016-02-15\"/" \
		"closes: 2016-02-15 is before opened 2016-03-01"
'

test_expect_success 'CSV: a bad answer is refused at its line' '
	mkdir badcsv &&
	cp pcsv/*.csv badcsv/ &&
	sed "s/,pb,object,Not now,/,pb,object,,/" pcsv/proposals.csv >badcsv/proposals.csv &&
	test_expect_code 1 "$TRELLIS" --db r.db import badcsv/*.csv 2>err &&
	test_grep "proposals.csv:[0-9]*: .*reason: a reason is required for object" err &&
	test_expect_code 1 "$TRELLIS" --db r.db export >/dev/null 2>&1
'

test_done
