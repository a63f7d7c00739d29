#!/bin/sh
# The Surveys tab's list leads to the survey rounds (invitation links and results).
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'the surveys list links to the rounds page, which answers' '
	test_status 200 /i/harlow-mills/surveys &&
	test_grep "href=\"/i/harlow-mills/surveys/rounds\"" .body &&
	test_status 200 /i/harlow-mills/surveys/rounds
'

test_done
