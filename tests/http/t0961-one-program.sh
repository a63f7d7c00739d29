#!/bin/sh
# One program on the server (docs/web.md, "Several programs on one
# server"): today's addresses answer as they always did, links in the
# pages stay as they were (no /p/ in them), and the same pages under
# /p/{program}/ and /api/v1/programs/{program}/ give the very same bytes.
# Another program's prefix is no page.
. "$(dirname "$0")/lib.sh"

A=wcc-demo
http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'the server says which program it serves' '
	test_grep "program $A, " "$TEST_DIR/serve.log"
'

test_expect_success 'every page: the same bytes at its address and under /p/{program}/' '
	for p in / /i/harlow-mills /i/harlow-mills/decisions /i/harlow-mills/ledger \
	    /i/harlow-mills/network /program/organizations /program/settings /program/checkins \
	    /admin/users /admin/audit "/i/harlow-mills?as_of=2016-06-30"; do
		test_status 200 "$p" && cp .body plain.html &&
		test_status 200 "/p/$A$p" && cp .body prefixed.html &&
		test_cmp plain.html prefixed.html || { echo "$p"; return 1; }
	done
'

test_expect_success 'links keep their addresses of today' '
	test_status 200 /i/harlow-mills &&
	test_grep "href=\"/i/harlow-mills/decisions\"" .body &&
	! grep -q "href=\"/p/" .body
'

test_expect_success 'the API: the same bytes under /api/v1/programs/{program}/' '
	for p in /initiatives /initiatives/harlow-mills /initiatives/harlow-mills/decisions \
	    /program/settings; do
		test_status 200 "/api/v1$p" && cp .body plain.json &&
		test_status 200 "/api/v1/programs/$A$p" && cp .body prefixed.json &&
		test_cmp plain.json prefixed.json || { echo "$p"; return 1; }
	done &&
	test_status 200 /api/v1/program && cp .body plain.json &&
	test_status 200 /api/v1/programs/$A && test_cmp plain.json .body
'

test_expect_success 'another program'"'"'s prefix, or none, is no page' '
	test_status 404 /p/nope/ &&
	test_status 404 /p/nope/i/harlow-mills &&
	test_status 404 /api/v1/programs/nope/initiatives &&
	test_status 404 /p//i/harlow-mills
'

test_expect_success 'a redirect keeps the address it was asked by' '
	curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d id=d-962 \
	    --data-urlencode "title=One program" -d category=strategy -d proposed=2016-11-03 \
	    -d decided=2016-11-21 -d decider=team "$URL/i/harlow-mills/decisions" >out &&
	test_grep "^303 $URL/i/harlow-mills/decisions" out &&
	curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d id=d-963 \
	    --data-urlencode "title=One program" -d category=strategy -d proposed=2016-11-03 \
	    -d decided=2016-11-21 -d decider=team "$URL/p/$A/i/harlow-mills/decisions" >out &&
	test_grep "^303 $URL/i/harlow-mills/decisions" out
'

test_done
