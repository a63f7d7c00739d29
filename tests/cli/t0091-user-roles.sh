#!/bin/sh
# Accounts per program (migration 14; docs/cli.md, "trellis user"): `user
# add EMAIL --role R --program P` gives an existing account a role in P
# (without asking for a password), or makes a new account whose role in P
# is R (an admin of P alone); `user list` shows each account's role per
# program. Refused, with nothing written: a role for an admin of every
# program, an initiative of another program, a program that is not there.
# The audit log names each entry's program.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: the demo program and a bench/gen one in one database' '
	"$TRELLIS" --db two.db demo >/dev/null &&
	"$TEST_TOP/${BUILD:-build}/bench/gen" --scale 0.001 --format json --out gen.json &&
	"$TRELLIS" --db two.db import gen.json >/dev/null &&
	printf "a long password 1\n" >pw &&
	BI=$(sqlite3 two.db "SELECT i.slug FROM initiative i JOIN program p ON p.id = i.program_id
		WHERE p.slug = '"'"'national-bench'"'"'") &&
	test -n "$BI" && echo "$BI" >bi
'

test_expect_success 'a new admin of one program, then a member in the other: one account' '
	"$TRELLIS" --db two.db --program wcc-demo user add Boss@x.org --role admin \
		--password-file pw >out &&
	test_grep "^Added admin user boss@x.org in program wcc-demo$" out &&
	"$TRELLIS" --db two.db --program national-bench user add boss@x.org --role member \
		--initiative "$(cat bi)" </dev/null >out &&
	test_grep "^Added member user boss@x.org in program national-bench$" out &&
	test "$(sqlite3 two.db "SELECT count(*) FROM users WHERE email = '"'"'boss@x.org'"'"'")" = 1 &&
	"$TRELLIS" --db two.db user list >list &&
	grep -q "^boss@x.org  *admin  *wcc-demo  " list &&
	grep -q "^boss@x.org  *member  *national-bench/$(cat bi)  " list &&
	test "$(grep -c "^boss@x.org " list)" = 2
'

test_expect_success 'a role again in the same program replaces the one there' '
	"$TRELLIS" --db two.db --program national-bench user add boss@x.org --role evaluator >out &&
	"$TRELLIS" --db two.db user list >list &&
	grep -q "^boss@x.org  *evaluator  *national-bench  " list &&
	! grep -q "^boss@x.org  *member" list
'

test_expect_success 'refused: an admin of every program, another program'"'"'s initiative, no program' '
	"$TRELLIS" --db two.db user add site@x.org --role admin --password-file pw >/dev/null &&
	test_expect_code 1 "$TRELLIS" --db two.db --program wcc-demo user add site@x.org \
		--role viewer --initiative harlow-mills 2>err &&
	test_grep "site@x.org is an admin account, the admin of every program already" err &&
	test_expect_code 1 "$TRELLIS" --db two.db --program national-bench user add boss@x.org \
		--role viewer --initiative harlow-mills 2>err &&
	test_grep "program national-bench has no initiative .harlow-mills." err &&
	test_expect_code 1 "$TRELLIS" --db two.db --program nope user add boss@x.org \
		--role evaluator 2>err &&
	test_grep "no program .nope." err &&
	test "$(sqlite3 two.db "SELECT count(*) FROM account_role")" = 2
'

test_expect_success 'the audit log names the program of each account change' '
	test "$(sqlite3 two.db "SELECT program FROM audit_log WHERE kind = '"'"'users'"'"'
		AND record = '"'"'boss@x.org'"'"' ORDER BY id")" = "wcc-demo
wcc-demo
national-bench
national-bench" &&
	test "$(sqlite3 two.db "SELECT count(*) FROM audit_log WHERE record = '"'"'site@x.org'"'"'
		AND program IS NULL")" = 1
'

test_done
