#!/bin/sh
# trellis user add with --program when a database holds several programs
# (docs/web.md, "Several programs on one server"): an evaluator reads the
# program --program names; a member's or viewer's initiative must be one of
# that program's; --role admin with --program makes the admin of that
# program alone (t0091), without it the admin of every program. Nothing is
# added by a refusal.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: the demo program and a bench/gen one in one database' '
	"$TRELLIS" --db two.db demo >/dev/null &&
	"$TEST_TOP/${BUILD:-build}/bench/gen" --scale 0.001 --format json --out gen.json &&
	"$TRELLIS" --db two.db import gen.json >/dev/null &&
	printf "a long password 1\n" >pw
'

test_expect_success 'an evaluator of the program --program names' '
	"$TRELLIS" --db two.db --program national-bench user add e@x.org --role evaluator \
		--password-file pw >out &&
	"$TRELLIS" --db two.db user list >list &&
	grep -q "^e@x.org  *evaluator  *national-bench " list
'

test_expect_success 'a member of an initiative of that program; another program'"'"'s is refused' '
	"$TRELLIS" --db two.db --program wcc-demo user add m@x.org --role member \
		--initiative harlow-mills --password-file pw >out &&
	test_grep "^Added member user m@x.org$" out &&
	test_expect_code 1 "$TRELLIS" --db two.db --program national-bench user add v@x.org \
		--role viewer --initiative harlow-mills --password-file pw 2>err &&
	test_line_count err 1 &&
	test_grep "program national-bench has no initiative .harlow-mills." err &&
	test_expect_code 1 "$TRELLIS" --db two.db --program nope user add v@x.org \
		--role viewer --initiative harlow-mills --password-file pw 2>err &&
	test_grep "no program .nope." err
'

test_expect_success 'an admin with --program is the admin of that program alone (t0091)' '
	"$TRELLIS" --db two.db --program national-bench user add a@x.org \
		--role admin --password-file pw >out &&
	test_grep "^Added admin user a@x.org in program national-bench$" out &&
	"$TRELLIS" --db two.db user add s@x.org --role admin --password-file pw >out &&
	test_grep "^Added admin user s@x.org$" out
'

test_expect_success 'the refusals added nobody' '
	"$TRELLIS" --db two.db user list >list &&
	test_line_count list 5 &&
	! grep -q "^v@x.org" list
'

test_done
