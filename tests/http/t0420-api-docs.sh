#!/bin/sh
# The API's documentation in the application (issue 11, point 15): /api and
# /api/v1 answer with docs/api.md as the binary was built with it, rendered
# in the page frame (safely: cmark, no raw HTML), for anyone.
. "$(dirname "$0")/lib.sh"

http_demo_db
http_start

test_expect_success '/api renders docs/api.md in the page frame' '
	test_status 200 /api &&
	test_grep "^Content-Type: text/html; charset=utf-8" .head &&
	test_security_headers &&
	test_grep "<h1>The JSON API</h1>" .body &&
	test_grep "<h2>Authentication</h2>" .body &&
	test_grep "/api/v1/initiatives/{slug}/report" .body &&
	test "$(grep -c "<h1>" .body)" = 1
'

test_expect_success 'every heading of docs/api.md is on the page' '
	test_status 200 /api/v1 &&
	grep "^## " "$TEST_TOP/docs/api.md" | sed "s/^## //" | while read -r h; do
		plain=$(printf "%s" "$h" | sed "s/\`//g") &&
		sed "s/<[^>]*>//g" .body | grep -F -q "$plain" || { echo "missing: $h"; exit 1; }
	done
'

test_done
