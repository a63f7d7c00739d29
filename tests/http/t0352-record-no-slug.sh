#!/bin/sh
# A record's page says what people read (issue 11 point 9): the details of
# an organization or a person list no slug row — the slug is the page's
# address, not something to read — while a decision keeps its id, which
# alerts and lists refer to.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an organization'"'"'s and a person'"'"'s details have no Slug row' '
	test_status 200 /program/organizations/atlantic-reserve &&
	test_grep "<dt>Name</dt>" .body &&
	! grep -q "<dt>Slug</dt>" .body &&
	test_status 200 /program/people/victor-quintero &&
	test_grep "<dt>Name</dt>" .body &&
	! grep -q "<dt>Slug</dt>" .body
'

test_expect_success 'a decision keeps its id' '
	test_status 200 /i/harlow-mills/decisions/d-037 &&
	test_grep "<dt>Id</dt>" .body
'

test_done
