#!/bin/sh
# The small single-statement writes through the one write loop on
# PostgreSQL (docs/postgresql.md, "The retry"): a sign-in's session, a
# sign-out, the language chosen with ?lang=, a mail opt-out, each with one
# forced serialization failure (stored once, two runs) and with one every
# time (four runs, nothing stored; the web answers 503 web_busy, but the
# language switch, whose page is still shown). The fault is a trigger
# installed from the test's own connection (tests/pg.sh, pg_fault_install);
# skipped, saying why, only when PostgreSQL cannot start.
. "$(dirname "$0")/t02-accounts.sh"
. "$TEST_TOP/tests/pg.sh"

if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi
trap 'http_kill; pg_stop; rm -rf "$TEST_DIR"' EXIT

HTTP_DB=$(pg_createdb small) || { echo "not ok - cannot create the database"; exit 1; }
TRELLIS_MAIL_KEY=$TEST_DIR/mail.key
export TRELLIS_MAIL_KEY
accounts_setup
q () {
	pg_sql "$HTTP_DB" "$1"
}
pg_fault_install "$HTTP_DB" sessions mail_optout &&
q "CREATE TRIGGER test_conflict_update BEFORE UPDATE ON users
	FOR EACH ROW EXECUTE FUNCTION test_conflict()" ||
	{ echo "not ok - cannot install the fault point"; exit 1; }
# a reminder queued for the admin, whose unsubscribe link the opt-out uses
old=$(date -u -d "40 days ago" +%F)
q "UPDATE initiative SET end_date = '2099-12-31' WHERE slug = 'harlow-mills';
   DELETE FROM checkin WHERE initiative_id = (SELECT id FROM initiative WHERE slug = 'harlow-mills');
   UPDATE initiative SET start_date = '$old' WHERE slug = 'harlow-mills'" >/dev/null &&
"$TRELLIS" --db "$HTTP_DB" mail --send-due --smtp smtp://127.0.0.1:1 \
	--mail-from trellis@example.org --url http://trellis.test >/dev/null 2>&1
UNSUB=$(q "SELECT unsubscribe FROM mail_outbox WHERE to_addr = 'admin@x.org' LIMIT 1" |
	sed 's|^http://trellis.test||')
http_start --dev-cookie

sessions () {
	q "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = '$1'"
}
# busy: the last answer (.head, .body) is web_busy's 503
busy () {
	test_grep "Retry-After: 1" .head &&
	test_grep "nothing was written" .body
}

test_expect_success 'setup: a reminder queued with its unsubscribe link' '
	test -n "$UNSUB" &&
	case $UNSUB in /unsubscribe/*) ;; *) false ;; esac
'

test_expect_success 'sign-in, one conflict: signed in, one session, two runs' '
	pg_fault_arm "$HTTP_DB" 1 &&
	test "$(sign_in member@x.org member.jar)" = 303 &&
	test "$(pg_fault_runs "$HTTP_DB")" = 2 &&
	test "$(sessions member@x.org)" = 1 &&
	test "$(curl -s -b member.jar -o /dev/null -w "%{http_code}" "$URL/i/harlow-mills")" = 200
'

test_expect_success 'sign-in, a conflict every time: 503, no session, four runs' '
	pg_fault_arm "$HTTP_DB" 99 &&
	test "$(sign_in viewer@x.org viewer.jar)" = 503 &&
	busy &&
	test "$(pg_fault_runs "$HTTP_DB")" = 4 &&
	test "$(sessions viewer@x.org)" = 0 &&
	pg_fault_arm "$HTTP_DB" 0
'

test_expect_success 'the language chosen, one conflict: stored, two runs' '
	test "$(sign_in admin@x.org admin.jar)" = 303 &&
	pg_fault_arm "$HTTP_DB" 1 &&
	test "$(curl -s -b admin.jar -o .body -w "%{http_code}" "$URL/i/harlow-mills?lang=es")" = 200 &&
	test_grep "lang=\"es\"" .body &&
	test "$(pg_fault_runs "$HTTP_DB")" = 2 &&
	test "$(q "SELECT lang FROM users WHERE email = '"'"'admin@x.org'"'"'")" = es
'

test_expect_success 'the language chosen, a conflict every time: the page shown, four runs, nothing stored' '
	pg_fault_arm "$HTTP_DB" 99 &&
	test "$(curl -s -b admin.jar -o .body -w "%{http_code}" "$URL/i/harlow-mills?lang=en")" = 200 &&
	test_grep "lang=\"en\"" .body &&
	test "$(pg_fault_runs "$HTTP_DB")" = 4 &&
	test "$(q "SELECT lang FROM users WHERE email = '"'"'admin@x.org'"'"'")" = es &&
	grep -q "saving a language: the database is busy with other changes (tried 4 times)" \
		"$TEST_DIR/serve.log" &&
	pg_fault_arm "$HTTP_DB" 0
'

test_expect_success 'an opt-out, a conflict every time: 503, nothing stored, four runs' '
	pg_fault_arm "$HTTP_DB" 99 &&
	code=$(curl -s -D .head.raw -o .body -w "%{http_code}" -d List-Unsubscribe=One-Click "$URL$UNSUB") &&
	tr -d "\r" <.head.raw >.head &&
	test "$code" = 503 && busy &&
	test "$(pg_fault_runs "$HTTP_DB")" = 4 &&
	test "$(q "SELECT count(*) FROM mail_optout")" = 0
'

test_expect_success 'an opt-out, one conflict: stored once, two runs' '
	pg_fault_arm "$HTTP_DB" 1 &&
	test "$(curl -s -o .body -w "%{http_code}" -d List-Unsubscribe=One-Click "$URL$UNSUB")" = 200 &&
	test "$(pg_fault_runs "$HTTP_DB")" = 2 &&
	test "$(q "SELECT address FROM mail_optout")" = admin@x.org
'

test_expect_success 'sign-out, one conflict: the session ends' '
	q "CREATE FUNCTION test_conflict_old() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN
	IF nextval('"'"'test_conflicts'"'"') <= (SELECT n FROM test_conflict_budget) THEN
		RAISE EXCEPTION '"'"'could not serialize access (forced by the test)'"'"'
		    USING ERRCODE = '"'"'serialization_failure'"'"';
	END IF;
	RETURN OLD;
END \$\$;
CREATE TRIGGER test_conflict_delete BEFORE DELETE ON sessions
		FOR EACH ROW EXECUTE FUNCTION test_conflict_old()" &&
	n=$(sessions member@x.org) &&
	pg_fault_arm "$HTTP_DB" 1 &&
	code=$(curl -s -b member.jar -o /dev/null -w "%{http_code}" \
		--data-urlencode "csrf=$(csrf_of member.jar /i/harlow-mills)" "$URL/logout") &&
	test "$code" = 303 &&
	test "$(pg_fault_runs "$HTTP_DB")" = 2 &&
	test "$(sessions member@x.org)" = $((n - 1)) &&
	test "$(curl -s -b member.jar -o /dev/null -w "%{http_code}" "$URL/i/harlow-mills")" = 303
'

test_done
