#!/bin/sh
# The public survey links are rate limited per client address (h_survey.c,
# web/ratelimit.c): 20 links that do not work (unknown, or used already)
# from one address within 10 minutes, and that address gets 429 with
# Retry-After on every link for 15 minutes, before the link is even looked
# up. Another address (127.0.0.2: curl --interface, the loopback answers
# for all of 127/8) still gets 404 and 410 as before, and its valid link
# still answers. The counts are kept in memory, by address only: the
# database holds no address, and the access log no token.
. "$(dirname "$0")/lib.sh"

http_demo_db
"$TRELLIS" --db "$TEST_DIR/demo.db" survey open --initiative harlow-mills \
	--instrument director-support --id ds-throttle --date 2017-03-01 >/dev/null &&
"$TRELLIS" --db "$TEST_DIR/demo.db" survey invite --initiative harlow-mills \
	--survey ds-throttle --person carmen-brennan --person colm-pereira --person fatima-mensah \
	--person kwame-kowalski --url http://x 2>/dev/null | cut -f3 >"$TEST_DIR/links" ||
	{ echo "not ok - cannot make the links"; exit 1; }
sed -i "s|^http://x||" "$TEST_DIR/links"
http_start

# link N: the path of the Nth link
link () {
	sed -n "$1p" links
}

# answer PATH [CURL OPTIONS...]: GETs the form, then posts 4 for every
# question on it; prints the POST's status.
answer () {
	p=$1
	shift
	curl -s -o .form "$@" "$URL$p" || return 1
	args=""
	for item in $(grep -o "name=\"[a-z0-9_]*\" value=\"1\"" .form | sed "s/name=\"\([^\"]*\)\".*/\1/"); do
		args="$args -d $item=4"
	done
	test -n "$args" || { echo "no questions on the form"; return 1; }
	curl -s -o .answer -D .answer.head -w "%{http_code}" $args "$@" "$URL$p"
}

# a well-formed token that is no invitation's
BAD=/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA

test_expect_success 'from 127.0.0.1 before any failure: a link answers (200, then 303)' '
	test_status 200 "$(link 1)" &&
	test_grep "Strongly agree" .body &&
	code=$(answer "$(link 2)") &&
	test "$code" = 303
'

test_expect_success 'twenty links that do not work: each its own 404 or 410' '
	test_status 410 "$(link 2)" &&
	test_grep "This link has been used" .body &&
	i=1 &&
	while test $i -lt 19; do
		test_status 404 "$BAD" || exit 1
		i=$((i + 1))
	done &&
	test_status 404 /s/not-a-link -X POST -d trusted=4
'

test_expect_success 'the next, from the same address: 429 with Retry-After and a one-line message' '
	test_status 429 "$BAD" &&
	test_security_headers &&
	grep -E "^Retry-After: [0-9]+\$" .head >ra &&
	secs=$(sed "s/^Retry-After: //" ra) &&
	test "$secs" -ge 850 && test "$secs" -le 900 &&
	test_grep "Too many survey links that do not work came from your network" .body &&
	test_grep "<h1>Too many tries</h1>" .body
'

test_expect_success 'while locked out, every link of that address is refused: used, and valid (GET and POST)' '
	test_status 429 "$(link 2)" &&
	test_status 429 "$(link 3)" &&
	! test_grep "Strongly agree" .body >/dev/null &&
	test_status 429 "$(link 3)" -X POST -d trusted=4 -d supported=4 \
		-d works_for_initiative=4 -d shared_oversight=4 &&
	test_status 429 /s/not-a-link
'

test_expect_success 'another address is not affected: 404, 410, and its valid link answers' '
	test_status 404 "$BAD" --interface 127.0.0.2 &&
	test_grep "This link does not work" .body &&
	test_status 410 "$(link 2)" --interface 127.0.0.2 &&
	test_status 200 "$(link 3)" --interface 127.0.0.2 &&
	code=$(answer "$(link 3)" --interface 127.0.0.2) &&
	test "$code" = 303 &&
	test_grep "^Location: /s/thanks" .answer.head &&
	test_status 410 "$(link 3)" --interface 127.0.0.2
'

test_expect_success 'the refused POST stored nothing: two answers in all, link 4 unused' '
	command -v sqlite3 >/dev/null || exit 0
	sqlite3 "$TEST_DIR/demo.db" "SELECT count(*) FROM response r JOIN survey s
		ON s.id = r.survey_id WHERE s.ident = '"'"'ds-throttle'"'"'" >got &&
	echo 2 >want && test_cmp want got &&
	test_status 200 "$(link 4)" --interface 127.0.0.3
'

test_expect_success 'a link sent with another method, or with headers too large, is not logged either' '
	t=$(sed -n "4s|^/s/||p" links) && test -n "$t" &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -X PUT --interface 127.0.0.4 "$URL/s/$t") &&
	test "$code" = 405 &&
	big=$(head -c 17000 /dev/zero | tr "\\0" x) &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -H "X-Big: $big" --interface 127.0.0.4 "$URL/s/$t") &&
	test "$code" = 431 &&
	test_status 200 /s/thanks --interface 127.0.0.4 &&
	sleep 0.2 &&
	grep -q " 127\.0\.0\.4 PUT /s/{id} 405 " serve.log &&
	grep -q " 127\.0\.0\.4 GET /s/{id} 431 " serve.log &&
	grep -q " 127\.0\.0\.4 GET /s/thanks 200 " serve.log &&
	! grep -q "$t" serve.log
'

test_expect_success 'no address in the database; the log shows the refusals but no token' '
	! grep -a -q "127\.0\.0\." "$TEST_DIR"/demo.db* &&
	test "$(grep -c " 127\.0\.0\.1 GET /s/.* 429 " serve.log)" -ge 4 &&
	for t in $(sed "s|^/s/||" links); do
		! grep -q "$t" serve.log || { echo "token $t in the log"; exit 1; }
	done
'

test_done
