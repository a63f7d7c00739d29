#!/bin/sh
# trellis survey: open a round, make one-time links for people of the team
# (one per person per round, the group theirs), close it; the database
# keeps each link's hash, survey, group and person, never the token.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: the demo database' '
	"$TRELLIS" --db demo.db demo >/dev/null
'

test_expect_success 'open: a new round gets the next id and no responses' '
	"$TRELLIS" --db demo.db survey open --initiative harlow-mills --instrument balance \
		--date 2017-01-10 >id 2>err &&
	echo s-5 >want && test_cmp want id &&
	"$TRELLIS" --db demo.db export --format csv --out csv &&
	grep -q "^harlow-mills,s-5,balance,2017-01-10,,,,,$" csv/surveys.csv
'

test_expect_success 'open with --id, and an unknown instrument or a taken id is refused' '
	"$TRELLIS" --db demo.db survey open --initiative harlow-mills --instrument director-support \
		--id ds-2017 >id &&
	echo ds-2017 >want && test_cmp want id &&
	test_expect_code 1 "$TRELLIS" --db demo.db survey open --initiative harlow-mills \
		--instrument no-such 2>err &&
	test_grep "no instrument" err &&
	test_expect_code 1 "$TRELLIS" --db demo.db survey open --initiative harlow-mills \
		--instrument balance --id ds-2017 2>err
'

test_expect_success 'invite: one link per person, 43 random base64url characters, only hashes kept' '
	"$TRELLIS" --db demo.db survey invite --initiative harlow-mills --survey s-5 \
		--person ana-mensah --person rafael-okafor --person mei-doyle --person kwame-kowalski \
		--url https://trellis.example/ >links 2>err &&
	test_line_count links 4 &&
	test $(grep -c "	https://trellis.example/s/[A-Za-z0-9_-]\{43\}$" links) = 4 &&
	grep -q "^rafael-okafor	partner	" links &&
	test $(cut -f3 links | sort -u | wc -l) = 4 &&
	test_grep "4 links for survey s-5" err &&
	if command -v sqlite3 >/dev/null; then
		sqlite3 demo.db "SELECT count(*), min(length(token_hash)), max(used) FROM survey_invitation" >got &&
		echo "4|32|0" >want && test_cmp want got &&
		for t in $(sed "s|.*/s/||" links); do
			! sqlite3 demo.db .dump | grep -q "$t" || exit 1
		done
	fi
'

test_expect_success 'invite: a second link for a person, someone not of the team, the old flags' '
	test_expect_code 1 "$TRELLIS" --db demo.db survey invite --initiative harlow-mills \
		--survey s-5 --person rafael-okafor >out 2>err &&
	test_line_count out 0 &&
	test_grep "has a link of survey s-5 already: one link per person per round" err &&
	test_expect_code 1 "$TRELLIS" --db demo.db survey invite --initiative harlow-mills \
		--survey s-5 --person nobody-at-all 2>err &&
	test_grep "is not a person of the team of harlow-mills" err &&
	test_expect_code 2 "$TRELLIS" --db demo.db survey invite --initiative harlow-mills \
		--survey s-5 --group partner --count 1 2>err &&
	test_grep "group and --count are gone" err &&
	test_grep "person SLUG" err &&
	test_expect_code 2 "$TRELLIS" --db demo.db survey invite --initiative harlow-mills \
		--survey s-5 2>err &&
	test_expect_code 1 "$TRELLIS" --db demo.db survey invite --initiative harlow-mills \
		--survey s-99 --person ana-mensah 2>err &&
	test_grep "no survey" err
'

test_expect_success 'invite --all: everyone of the team without a link, once' '
	"$TRELLIS" --db demo.db survey invite --initiative harlow-mills --survey s-5 --all >all 2>err &&
	! grep -q "^rafael-okafor	" all &&
	test $(cut -f1 all | sort -u | wc -l) = $(wc -l <all) &&
	"$TRELLIS" --db demo.db survey invite --initiative harlow-mills --survey s-5 --all >again 2>err &&
	test_line_count again 0 &&
	test_grep "has a link of survey s-5 already" err
'

test_expect_success 'close: not before the round opened; the round stays open' '
	test_expect_code 1 "$TRELLIS" --db demo.db survey close --initiative harlow-mills \
		--survey s-5 --date 2017-01-09 >out 2>err &&
	test_line_count out 0 &&
	test_grep "date 2017-01-09: survey s-5 opened on 2017-01-10; it cannot close before that" err &&
	"$TRELLIS" --db demo.db export --format csv --out csv1 &&
	grep -q "^harlow-mills,s-5,balance,2017-01-10,,,,,$" csv1/surveys.csv &&
	test_expect_code 2 "$TRELLIS" --db demo.db survey close --initiative harlow-mills \
		--survey s-5 --date 2017-02-30 2>err &&
	test_grep "not a date" err
'

test_expect_success 'close: the round closes once, and then makes no more links' '
	"$TRELLIS" --db demo.db survey close --initiative harlow-mills --survey s-5 \
		--date 2017-02-01 >out &&
	test_grep "Closed survey s-5" out &&
	"$TRELLIS" --db demo.db export --format csv --out csv2 &&
	grep -q "^harlow-mills,s-5,balance,2017-01-10,2017-02-01,,,,$" csv2/surveys.csv &&
	test_expect_code 1 "$TRELLIS" --db demo.db survey close --initiative harlow-mills \
		--survey s-5 2>err &&
	test_grep "closed already" err &&
	test_expect_code 1 "$TRELLIS" --db demo.db survey invite --initiative harlow-mills \
		--survey s-5 --person ana-mensah 2>err &&
	test_grep "closed" err
'

test_expect_success 'usage: no subcommand, no initiative' '
	test_expect_code 2 "$TRELLIS" --db demo.db survey 2>err &&
	test_expect_code 2 "$TRELLIS" --db demo.db survey open --instrument balance 2>err &&
	"$TRELLIS" survey --help >out &&
	test_grep "one-time" out
'

test_done
