#!/bin/sh
# What people read on the survey, admin and overview pages (issue 11,
# point 9): no codes where people read. The audit log reads in sentences
# ("root (command line) opened survey round s-v in …"), a survey answer
# missing is named by its question and a bad closing date by its label,
# dates read "4 May 2015" outside date inputs, the capacity table says
# "Flexible grants" and alerts "the 12 months to 31 Dec 2016".
. "$(dirname "$0")/lib.sh"

http_demo_db
I=/i/harlow-mills
user=$(id -un 2>/dev/null || id -u)
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

# text_of: the words of .body a person reads: tags (and the attribute values
# in them) and the audit log's collapsed record JSON left out, one run a line.
text_of () {
	sed 's/<details>.*<\/details>//g; s/<[^>]*>/\n/g' .body | sed '/^[[:space:]]*$/d'
}

test_expect_success 'setup: a round opened and a link made from the command line' '
	"$TRELLIS" --db demo.db survey open --initiative harlow-mills --instrument director-support \
	    --id s-v --date 2016-11-01 >/dev/null &&
	"$TRELLIS" --db demo.db survey invite --initiative harlow-mills --survey s-v \
	    --person carmen-brennan --url "$URL" 2>/dev/null | cut -f3 >links &&
	test -s links
'

test_expect_success 'the audit log reads in words: who, what, where; no cli: nor survey-invitations' '
	test_status 200 /admin/audit &&
	text_of >text &&
	test_grep "^$user (command line) made 1 survey link for round s-v in Harlow Mills Family Prosperity Initiative.\$" text &&
	test_grep "^$user (command line) opened survey round s-v in Harlow Mills Family Prosperity Initiative.\$" text &&
	! grep "cli:" text &&
	! grep "survey-invitations" text &&
	! grep "^create\$\|^surveys\$" text &&
	test_grep "[0-9] [A-Z][a-z][a-z] 20[0-9][0-9] [0-9][0-9]:[0-9][0-9] UTC" text
'

test_expect_success 'a missing survey answer is named by its question, never its code' '
	link=$(sed -n 1p links) &&
	code=$(curl -s -o .body -w "%{http_code}" -d trusted=4 -d supported=4 \
	    -d shared_oversight=4 "$link") &&
	test "$code" = 422 &&
	text_of >text &&
	test_grep "^Question 3: Choose one answer, from strongly disagree to strongly agree.\$" text &&
	! grep "works_for_initiative" text &&
	test_grep "<a href=\"#works_for_initiative\">" .body
'

test_expect_success 'a bad closing date is named by its label, kept as typed beside it' '
	test_status 422 $I/surveys/rounds -d action=close -d survey=s-v -d closed=2016-10-01 &&
	text_of >text &&
	test_grep "^Closed on (round s-v): The round opened on 1 Nov 2016: it cannot close before that.\$" text &&
	! grep "closed-s-v" text &&
	test_grep "name=\"closed\" value=\"2016-10-01\" aria-invalid=\"true\"" .body
'

test_expect_success 'the rounds and results pages give dates in words, ISO only in date inputs' '
	test_status 200 $I/surveys/rounds &&
	text_of >text &&
	test_grep "^1 Nov 2016\$" text &&
	! grep "[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]" text &&
	test_status 200 $I/surveys/s-1/results &&
	test_grep "<h1>Results of survey round s-1</h1>" .body &&
	text_of >text &&
	test_grep "Opened [0-9]* [A-Z][a-z][a-z] 20[0-9][0-9], closed [0-9]* [A-Z][a-z][a-z] 20[0-9][0-9]" text &&
	! grep "[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]" text
'

test_expect_success 'the overview: traits in words, alerts to a date in words' '
	test_status 200 "$I?as_of=2016-12-31" &&
	text_of >text &&
	test_grep "^Flexible grants\$" text &&
	! grep "flexible_grants\|in_kind_staffing" text &&
	test_grep "12 months to 31 Dec 2016" text &&
	! grep "months to [12][0-9][0-9][0-9]-" text
'

test_expect_success 'the users page: roles in words in the pickers, dates in words' '
	test_status 200 /admin/users &&
	test_grep "Viewer — reads one initiative" .body &&
	text_of >text &&
	! grep "[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]" text
'

http_stop
test_done
