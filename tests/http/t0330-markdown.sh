#!/bin/sh
# Check-in progress and challenges are Markdown (DESIGN §2), rendered safely
# with cmark on the record page: lists become lists, raw HTML never appears.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'a check-in page shows its progress as a rendered list' '
	test_status 200 /i/harlow-mills/checkins/c-001 &&
	test_grep "<div class=\"md\">" .body &&
	test_grep "<li>Published the newsletter; 8 new subscribers</li>" .body &&
	test_security_headers
'

test_done
