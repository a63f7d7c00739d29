#!/bin/sh
# trellis user: add (roles and their scope, refusals with the right exit
# codes), list as an aligned table, password change, remove. Passwords come
# from --password-file; the hash is argon2id and the password is nowhere in
# the database file.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: the demo database and password files' '
	"$TRELLIS" --db demo.db demo >/dev/null &&
	printf "a long password 1\n" >pw &&
	printf "another password 2\nsecond line ignored\n" >pw2 &&
	printf "too short\n" >short
'

test_expect_success 'add an admin, a member, a viewer and an evaluator' '
	"$TRELLIS" --db demo.db user add Ada@Example.ORG --role admin --password-file pw >out &&
	test_grep "^Added admin user ada@example.org$" out &&
	"$TRELLIS" --db demo.db user add m@example.org --role member --initiative harlow-mills --password-file pw &&
	"$TRELLIS" --db demo.db user add v@example.org --role viewer --initiative port-ashby --password-file pw &&
	"$TRELLIS" --db demo.db user add e@example.org --role evaluator --password-file pw
'

test_expect_success 'user list: an aligned table by email' '
	"$TRELLIS" --db demo.db user list >out &&
	test_line_count out 5 &&
	sed -n 1p out | grep -q "^EMAIL  *ROLE  *SCOPE  *CREATED  *STATUS$" &&
	sed -n 2p out | grep -q "^ada@example.org  admin      -  " &&
	sed -n 3p out | grep -q "^e@example.org    evaluator  wcc-demo  " &&
	sed -n 4p out | grep -q "^m@example.org    member     harlow-mills  " &&
	sed -n 5p out | grep -q "^v@example.org    viewer     port-ashby  .*active$"
'

test_expect_success 'only an argon2id hash is stored' '
	! grep -q "a long password" demo.db &&
	{ ! test -f demo.db-wal || ! grep -q "a long password" demo.db-wal; } &&
	"$TRELLIS" --db demo.db check
'

test_expect_success 'duplicate email (in any case): exit 1' '
	test_expect_code 1 "$TRELLIS" --db demo.db user add ADA@example.org --role admin --password-file pw 2>err &&
	test_grep "exists already" err
'

test_expect_success 'bad role: exit 2' '
	test_expect_code 2 "$TRELLIS" --db demo.db user add x@example.org --role boss --password-file pw 2>err &&
	test_grep "no role .boss." err
'

test_expect_success 'member or viewer without --initiative: exit 2; admin with one: exit 2' '
	test_expect_code 2 "$TRELLIS" --db demo.db user add x@example.org --role member --password-file pw &&
	test_expect_code 2 "$TRELLIS" --db demo.db user add x@example.org --role viewer --password-file pw &&
	test_expect_code 2 "$TRELLIS" --db demo.db user add x@example.org --role admin --initiative harlow-mills --password-file pw &&
	test_expect_code 2 "$TRELLIS" --db demo.db user add x@example.org --password-file pw &&
	test_expect_code 2 "$TRELLIS" --db demo.db user add --role admin --password-file pw
'

test_expect_success 'unknown initiative: exit 1' '
	test_expect_code 1 "$TRELLIS" --db demo.db user add x@example.org --role member --initiative nowhere --password-file pw 2>err &&
	test_grep "no initiative .nowhere." err
'

test_expect_success 'passwords of 12 to 128 characters, never cut short' '
	test_expect_code 1 "$TRELLIS" --db demo.db user add x@example.org --role admin --password-file short 2>err &&
	test_grep "too short" err &&
	awk "BEGIN { for (i = 0; i < 129; i++) printf \"x\"; print \"\" }" >long &&
	test_expect_code 1 "$TRELLIS" --db demo.db user add x@example.org --role admin --password-file long 2>err &&
	test_grep "at most 128" err &&
	test_expect_code 1 "$TRELLIS" --db demo.db user add x@example.org --role admin --password-file missing 2>err &&
	test_grep "missing" err &&
	"$TRELLIS" --db demo.db user list >out && test_line_count out 5
'

test_expect_success 'no terminal and no --password-file: exit 1' '
	test_expect_code 1 "$TRELLIS" --db demo.db user add x@example.org --role admin </dev/null 2>err &&
	test_grep "password-file" err
'

test_expect_success 'bad email: exit 1' '
	test_expect_code 1 "$TRELLIS" --db demo.db user add not-an-email --role admin --password-file pw 2>err &&
	test_grep "not an email" err
'

test_expect_success 'user password: refused when short or for nobody' '
	"$TRELLIS" --db demo.db user password M@example.org --password-file pw2 >out &&
	test_grep "Changed the password of" out &&
	test_expect_code 1 "$TRELLIS" --db demo.db user password m@example.org --password-file short &&
	test_expect_code 1 "$TRELLIS" --db demo.db user password nobody@example.org --password-file pw2 2>err &&
	test_grep "no user" err
'

test_expect_success 'user remove' '
	"$TRELLIS" --db demo.db user remove v@example.org >out &&
	test_grep "Removed user v@example.org" out &&
	"$TRELLIS" --db demo.db user list >out && test_line_count out 4 &&
	! grep -q "^v@example.org" out &&
	test_expect_code 1 "$TRELLIS" --db demo.db user remove v@example.org
'

test_expect_success 'usage errors: exit 2; --help: exit 0' '
	test_expect_code 2 "$TRELLIS" --db demo.db user &&
	test_expect_code 2 "$TRELLIS" --db demo.db user frobnicate &&
	test_expect_code 2 "$TRELLIS" --db demo.db user list extra &&
	test_expect_code 2 "$TRELLIS" --db demo.db user remove &&
	test_expect_code 2 "$TRELLIS" --db demo.db user list --role admin &&
	"$TRELLIS" user --help >out && test_grep "^usage: trellis user add EMAIL" out
'

test_expect_success 'no database: exit 1' '
	test_expect_code 1 "$TRELLIS" --db none.db user list 2>err &&
	test_grep "no database here" err
'

test_done
