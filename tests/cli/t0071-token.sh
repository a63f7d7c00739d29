#!/bin/sh
# trellis token: add prints a new bearer token once (43 base64url
# characters, alone on stdout); list shows ids, users, names, never a
# token; only a hash reaches the database file; remove.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: a database with two users' '
	"$TRELLIS" --db demo.db demo >/dev/null &&
	printf "a long password 1\n" >pw &&
	"$TRELLIS" --db demo.db user add a@example.org --role admin --password-file pw &&
	"$TRELLIS" --db demo.db user add m@example.org --role member --initiative harlow-mills --password-file pw
'

test_expect_success 'token add prints the token once' '
	"$TRELLIS" --db demo.db token add --user A@example.org --name ci >tok 2>msg &&
	test_line_count tok 1 &&
	grep -q "^[A-Za-z0-9_-]\{43\}$" tok &&
	test_grep "shown only now" msg &&
	"$TRELLIS" --db demo.db token add --user m@example.org >tok2 2>/dev/null &&
	! cmp -s tok tok2
'

test_expect_success 'token list shows no secret' '
	"$TRELLIS" --db demo.db token list >out &&
	test_line_count out 3 &&
	sed -n 1p out | grep -q "^ID  *USER  *NAME  *CREATED  *LAST USED$" &&
	sed -n 2p out | grep -q "^1  *a@example.org  *ci  .* -$" &&
	sed -n 3p out | grep -q "^2  *m@example.org  *-  " &&
	! grep -q -F "$(cat tok)" out &&
	! grep -q -F "$(cat tok2)" out &&
	"$TRELLIS" --db demo.db token list --user m@example.org >out &&
	test_line_count out 2
'

test_expect_success 'only a hash of the token is in the database file' '
	! grep -q -F "$(cat tok)" demo.db &&
	{ ! test -f demo.db-wal || ! grep -q -F "$(cat tok)" demo.db-wal; }
'

test_expect_success 'token add for an unknown user: exit 1; without --user: exit 2' '
	test_expect_code 1 "$TRELLIS" --db demo.db token add --user nobody@example.org 2>err &&
	test_grep "no user" err &&
	test_expect_code 2 "$TRELLIS" --db demo.db token add
'

test_expect_success 'token remove' '
	"$TRELLIS" --db demo.db token remove 1 >out &&
	test_grep "Removed token 1" out &&
	"$TRELLIS" --db demo.db token list >out && test_line_count out 2 &&
	test_expect_code 1 "$TRELLIS" --db demo.db token remove 1 &&
	test_expect_code 2 "$TRELLIS" --db demo.db token remove abc &&
	test_expect_code 2 "$TRELLIS" --db demo.db token remove
'

test_expect_success 'removing a user removes its tokens' '
	"$TRELLIS" --db demo.db user remove m@example.org &&
	"$TRELLIS" --db demo.db token list >out && test_line_count out 1
'

test_expect_success 'usage errors: exit 2; --help: exit 0' '
	test_expect_code 2 "$TRELLIS" --db demo.db token &&
	test_expect_code 2 "$TRELLIS" --db demo.db token frobnicate &&
	"$TRELLIS" token --help >out && test_grep "^usage: trellis token add" out
'

test_done
