#!/bin/sh
# trellis serve: the pages, the security headers, the limits, the access log.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success 'the server prints its address and warns about the dev role' '
	test_grep "^listening on http://127.0.0.1:[0-9][0-9]*/\$" serve.out &&
	test_grep "WARNING: --dev-insecure-role" serve.log
'

test_expect_success 'the program portfolio lists every initiative with the quadrant' '
	test_status 200 / &&
	test_grep "^Content-Type: text/html; charset=utf-8\$" .head &&
	test_security_headers &&
	test_grep "<h1>Atlantic Working Communities Challenge" .body &&
	for s in harlow-mills port-ashby quarry-bend wexford-junction riverton-locks calder-springs; do
		grep -q "href=\"/i/$s\"" .body || { echo "no link to $s"; exit 1; }
	done &&
	test_grep "<svg" .body &&
	test_grep "Stepping back" .body &&
	test $(grep -o "<h1" .body | wc -l) = 1 &&
	test_grep "class=\"skip\" href=\"#main\"" .body &&
	test_grep "<main id=\"main\">" .body &&
	test_grep "<header" .body &&
	test_grep "<nav" .body
'

test_expect_success 'the portfolio defaults to the end of a program that has ended' '
	http_get / >/dev/null &&
	test_grep "value=\"2016-12-31\"" .body &&
	test_grep "1 Jan 2016 – 31 Dec 2016" .body
'

test_expect_success 'the dashboard of an initiative: header, period form, balance, evidence links' '
	test_status 200 /i/harlow-mills &&
	test_security_headers &&
	test_grep "<h1>Harlow Mills" .body &&
	test_grep "<form class=\"period\" method=\"get\" action=\"/i/harlow-mills\">" .body &&
	test_grep "To discuss" .body &&
	test_grep "Going well" .body &&
	test_grep "href=\"/i/harlow-mills/decisions\"" .body &&
	test_grep "aria-current=\"page\">Overview" .body &&
	test $(grep -o "<h1" .body | wc -l) = 1 &&
	! grep -q "<script" .body &&
	! grep -q " style=" .body
'

test_expect_success 'alerts link to the records behind them' '
	for s in harlow-mills port-ashby quarry-bend wexford-junction riverton-locks calder-springs; do
		http_get /i/$s >/dev/null && cat .body
	done >all.html &&
	grep -q "href=\"/i/[a-z-]*/decisions/[^\"]*\"" all.html
'

test_expect_success 'the period form works without JavaScript' '
	test_status 200 "/i/port-ashby?as_of=2016-06-30&months=6" &&
	test_grep "31 Dec 2015 – 30 Jun 2016" .body &&
	test_grep "value=\"2016-06-30\"" .body &&
	test_grep "name=\"months\"[^>]*value=\"6\"" .body
'

test_expect_success 'a bad period is a 400 that says why' '
	test_status 400 "/i/port-ashby?as_of=2016-02-30" &&
	test_grep "not a real date" .body &&
	test_status 400 "/?months=0" &&
	test_security_headers
'

test_expect_success 'the stylesheet is served as a cacheable file' '
	test_status 200 /static/trellis.css &&
	test_grep "^Content-Type: text/css; charset=utf-8\$" .head &&
	test_grep "^Cache-Control: public, max-age=3600\$" .head &&
	! grep -q "no-store" .head &&
	etag=$(sed -n "s/^ETag: //p" .head) &&
	test -n "$etag" &&
	test_status 304 /static/trellis.css -H "If-None-Match: $etag"
'

test_expect_success 'an unknown address is 404 with the headers' '
	test_status 404 /nowhere &&
	test_security_headers &&
	test_status 404 /i/no-such-initiative &&
	test_status 404 /i/harlow-mills/x/y/z/w &&
	test_status 404 /static/other.css
'

test_expect_success 'a known address with a method it does not answer is 405 with Allow' '
	test_status 405 / -X POST &&
	test_grep "^Allow: GET, HEAD\$" .head &&
	test_security_headers &&
	test_status 405 /i/harlow-mills -X DELETE &&
	test_status 405 / -X BREW &&
	test_status 404 /nowhere -X BREW
'

test_expect_success 'HEAD answers like GET without a body' '
	test_status 200 / -I &&
	test_grep "^Content-Length: [1-9]" .head
'

test_expect_success 'a body over 1 MiB is refused with 413 before it is sent' '
	test_status 413 / -X POST -H "Content-Length: 20000000" &&
	test_grep "^Connection: close\$" .head &&
	test_grep "larger than 1 MiB" .body
'

test_expect_success 'two Content-Length headers are refused with 400' '
	test_status 400 / -H "Content-Length: 3" -H "Content-Length: 3" -d abc &&
	test_grep "more than one Content-Length" .body
'

test_expect_success 'a chunked body is refused with 411' '
	test_status 411 / -H "Transfer-Encoding: chunked" -d abc
'

test_expect_success 'bad percent-encoding is 400, in the path, the query and a form' '
	test_status 400 "/i/%zz" &&
	test_status 400 "/i/%4" &&
	test_status 400 "/i/a%00b" &&
	test_status 400 "/?a=%zz" &&
	test_status 400 "/?a=%C0%80" &&
	test_status 400 "/?a=%ff" &&
	test_status 400 / -d "a=%zz" &&
	test_security_headers
'

test_expect_success 'an encoded slash stays inside one segment' '
	test_status 404 "/i/harlow-mills%2Fdecisions"
'

test_expect_success 'headers over 16 KiB are refused with 431' '
	big=$(head -c 17000 /dev/zero | tr "\\0" a) &&
	test_status 431 / -H "X-Big: $big" &&
	huge=$(head -c 40000 /dev/zero | tr "\\0" a) &&
	test_status 431 / -H "X-Big: $huge" &&
	ok=$(head -c 15000 /dev/zero | tr "\\0" a) &&
	test_status 200 / -H "X-Big: $ok"
'

test_expect_success 'a huge query string does not hurt it' '
	q=$(head -c 20000 /dev/zero | tr "\\0" a) &&
	test_status 200 "/?x=$q" &&
	q=$(head -c 60000 /dev/zero | tr "\\0" a) &&
	code=$(http_get "/?x=$q") &&
	case $code in 4*) ;; *) echo "got $code"; exit 1;; esac &&
	test_status 200 /
'

test_expect_success 'keep-alive: two requests on one connection' '
	curl -s -o /dev/null -o /dev/null -w "%{num_connects}\n" "$URL/" "$URL/static/trellis.css" >n &&
	printf "1\n0\n" >expect &&
	test_cmp expect n
'

test_expect_success 'each request writes one access log line' '
	curl -s -o /dev/null "$URL/i/harlow-mills?as_of=2016-01-31" &&
	sleep 0.2 &&
	grep -E "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z 127\.0\.0\.1 GET /i/harlow-mills 200 [0-9]+ [0-9.]+ms\$" serve.log >lines &&
	test -s lines &&
	! grep -q "as_of" serve.log &&
	grep -q " POST / 413 " serve.log &&
	grep -q " BREW / 405 " serve.log
'

http_stop
test_expect_success 'SIGTERM: the server exited 0' '
	test "$SERVER_STATUS" = 0 &&
	test_grep "stopped (signal 15)" serve.log
'

test_done
