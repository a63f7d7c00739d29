#!/bin/sh
# The audit log (issue 4 point 5): a change from a form, from the API and
# from an import each leaves exactly one entry, with who, when, what and
# the record before and after, shown on the admin's audit page; the entry
# is written in the change's own transaction, so a change the store refuses
# leaves no entry and a change whose entry cannot be written is not made
# (a trigger refusing every insert into the log stands in for a failing
# disk); the CLI's changes are logged as cli:<unix user>; an anonymous
# survey answer leaves nothing in the log (R12).
. "$(dirname "$0")/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "ok 1 # skip sqlite3 (the shell) is not installed"
	echo "# passed 0 failed 0"
	exit 0
fi

http_demo_db

test_expect_success 'setup: an admin and a member with their tokens' '
	printf "a long password 1\n" >pw &&
	"$TRELLIS" --db demo.db user add a@example.org --role admin --password-file pw &&
	"$TRELLIS" --db demo.db user add m@example.org --role member --initiative harlow-mills --password-file pw &&
	for who in a m; do
		"$TRELLIS" --db demo.db token add --user $who@example.org >$who.tok 2>/dev/null || return 1
	done
'

http_start

I=/i/harlow-mills
# as WHO PATH [CURL OPTIONS...]: the status, with WHO's bearer token.
as () {
	who=$1 p=$2
	shift 2
	http_get "$p" -H "Authorization: Bearer $(cat "$who.tok")" "$@"
}
test_as () {
	want=$1
	shift
	got=$(as "$@")
	test "$got" = "$want" && return 0
	echo "test_as: $* answered $got, expected $want"
	head -c 2000 .body
	return 1
}
# q SQL: the audit log (or anything) through the sqlite3 shell.
q () {
	sqlite3 demo.db "$1"
}
entries () {
	q "SELECT count(*) FROM audit_log"
}
# page_rows: the audit page's rows (newest first), each the sentence that says what happened.
page_rows () {
	test_as 200 a /admin/audit >/dev/null &&
	grep -o "<td class=\"what\" data-label=\"What happened\">[^<]*</td>" .body | sed "s/<[^>]*>//g"
}
# refuse TABLE MESSAGE: every insert into TABLE fails with MESSAGE (a
# trigger named refuse_TABLE), until allow TABLE.
refuse () {
	if test_pg_pass; then
		q "CREATE FUNCTION refuse_$1() RETURNS trigger LANGUAGE plpgsql AS \$\$
		    BEGIN RAISE EXCEPTION '$2'; END \$\$;
		    CREATE TRIGGER refuse_$1 BEFORE INSERT ON $1 FOR EACH ROW EXECUTE FUNCTION refuse_$1();"
	else
		q "CREATE TRIGGER refuse_$1 BEFORE INSERT ON $1 BEGIN SELECT RAISE(ABORT, '$2'); END;"
	fi
}
allow () {
	if test_pg_pass; then
		q "DROP TRIGGER refuse_$1 ON $1; DROP FUNCTION refuse_$1();"
	else
		q "DROP TRIGGER refuse_$1;"
	fi
}
refuse_audit () {
	refuse audit_log "the audit log refuses"
}
allow_audit () {
	allow audit_log
}

test_expect_success 'a form change: one entry, who, when, the record after; then before and after' '
	n=$(entries) &&
	test_as 303 m $I/decisions -d id=d-950 --data-urlencode "title=Audited from the form" \
	    -d category=program -d proposed=2016-06-01 -d decided=2016-06-10 -d decider=committee &&
	test "$(entries)" = $((n + 1)) &&
	q "SELECT actor, action, kind, record, initiative, before IS NULL, after LIKE \"%Audited from the form%\",
	    abs(at - strftime(\"%s\", \"now\")) < 300 FROM audit_log ORDER BY id DESC LIMIT 1" >row &&
	echo "m@example.org|create|decisions|d-950|harlow-mills|1|1|1" >expect &&
	test_cmp expect row &&
	test_as 303 m $I/decisions/d-950 -d id=d-950 --data-urlencode "title=Audited, renamed" \
	    -d category=program -d proposed=2016-06-01 -d decided=2016-06-10 -d decider=committee &&
	test "$(entries)" = $((n + 2)) &&
	q "SELECT action, before LIKE \"%Audited from the form%\", after LIKE \"%Audited, renamed%\"
	    FROM audit_log ORDER BY id DESC LIMIT 1" >row &&
	echo "update|1|1" >expect &&
	test_cmp expect row
'

test_expect_success 'an API change: one entry with before and after' '
	n=$(entries) &&
	test_as 200 m /api/v1/initiatives/harlow-mills/decisions/d-950 -X PATCH \
	    -H "Content-Type: application/json" --data "{\"title\": \"Audited through the API\"}" &&
	test "$(entries)" = $((n + 1)) &&
	q "SELECT actor, action, kind, record, before LIKE \"%Audited, renamed%\",
	    after LIKE \"%Audited through the API%\" FROM audit_log ORDER BY id DESC LIMIT 1" >row &&
	echo "m@example.org|update|decisions|d-950|1|1" >expect &&
	test_cmp expect row
'

HEADER=initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views

test_expect_success 'an import: one entry for the file, however many records' '
	n=$(entries) &&
	printf "%s\n%s\n%s\n" "$HEADER" \
	    "harlow-mills,d-951,Imported one,program,2016-02-01,2016-02-20,team,,," \
	    "harlow-mills,d-952,Imported two,program,2016-02-01,2016-02-20,team,,," >decisions.csv &&
	test_as 303 m $I/import -F file=@decisions.csv &&
	test "$(entries)" = $((n + 1)) &&
	q "SELECT actor, action, kind, initiative, record IS NULL, before IS NULL, after
	    FROM audit_log ORDER BY id DESC LIMIT 1" >row &&
	echo "m@example.org|import|decisions.csv|harlow-mills|1|1|{\"file\": \"decisions.csv\", \"records\": 2}" >expect &&
	test_cmp expect row
'

test_expect_success 'the admin audit page shows each, newest first, with before and after' '
	page_rows >rows &&
	head -4 rows >got &&
	cat >expect <<-\EOF &&
	m@example.org imported 2 records from decisions.csv in Harlow Mills Family Prosperity Initiative.
	m@example.org changed decision d-950 “Audited through the API” in Harlow Mills Family Prosperity Initiative.
	m@example.org changed decision d-950 “Audited, renamed” in Harlow Mills Family Prosperity Initiative.
	m@example.org added decision d-950 “Audited from the form” in Harlow Mills Family Prosperity Initiative.
	EOF
	test_cmp expect got &&
	test_grep "<summary>Before and after</summary>" .body &&
	test_grep "&quot;title&quot;: &quot;Audited through the API&quot;" .body &&
	test_grep "&quot;title&quot;: &quot;Audited, renamed&quot;" .body &&
	test_grep "<td class=\"when\" data-label=\"When\">[0-9]* [A-Z][a-z][a-z] 20[0-9][0-9] [0-9:]* UTC</td>" .body
'

test_expect_success 'a change refused (invalid, or by the store) leaves no entry' '
	n=$(entries) &&
	test_as 422 m $I/decisions -d id=d-953 -d title=Backwards -d category=program \
	    -d proposed=2016-06-10 -d decided=2016-06-01 -d decider=committee &&
	test_as 422 m /api/v1/initiatives/harlow-mills/decisions -X POST \
	    -H "Content-Type: application/json" --data "{\"id\": \"d-953\"}" &&
	refuse decision no &&
	as m $I/decisions -d id=d-954 -d title=Refused -d category=program \
	    -d proposed=2016-06-01 -d decided=2016-06-10 -d decider=committee >code &&
	allow decision &&
	test "$(cat code)" != 303 &&
	test_as 404 m $I/decisions/d-954 &&
	test "$(entries)" = $n
'

test_expect_success 'when the entry cannot be written, the change is not made: form, API, import' '
	n=$(entries) &&
	refuse_audit &&
	as m $I/decisions -d id=d-955 --data-urlencode "title=Not without its entry" \
	    -d category=program -d proposed=2016-06-01 -d decided=2016-06-10 -d decider=committee >code1 &&
	as m /api/v1/initiatives/harlow-mills/decisions/d-950 -X PATCH \
	    -H "Content-Type: application/json" --data "{\"title\": \"Not without its entry\"}" >code2 &&
	printf "%s\n%s\n" "$HEADER" "harlow-mills,d-956,Not without its entry,program,2016-02-01,2016-02-20,team,,," >decisions.csv &&
	as m $I/import -F file=@decisions.csv >code3 &&
	allow_audit &&
	echo "$(cat code1) $(cat code2) $(cat code3)" &&
	test "$(cat code1)" != 303 && test "$(cat code2)" = 409 && test "$(cat code3)" = 500 &&
	test_as 404 m $I/decisions/d-955 &&
	test_as 404 m $I/decisions/d-956 &&
	test_as 200 m /api/v1/initiatives/harlow-mills/decisions/d-950 &&
	test_grep "Audited through the API" .body &&
	! grep -q "Not without its entry" .body &&
	test "$(entries)" = $n &&
	test_as 303 m $I/decisions -d id=d-955 --data-urlencode "title=With its entry" \
	    -d category=program -d proposed=2016-06-01 -d decided=2016-06-10 -d decider=committee &&
	test "$(entries)" = $((n + 1))
'

test_expect_success 'the CLI logs its changes as cli:<unix user>' '
	n=$(entries) &&
	"$TRELLIS" --db demo.db settings dominance.hhi 0.6 >/dev/null &&
	"$TRELLIS" --db demo.db survey open --initiative harlow-mills --instrument director-support --id s-audit >/dev/null &&
	test "$(entries)" = $((n + 2)) &&
	q "SELECT actor, action, kind, record FROM audit_log ORDER BY id DESC LIMIT 2" >rows &&
	user=$(id -un 2>/dev/null || id -u) &&
	printf "cli:%s|create|surveys|s-audit\ncli:%s|create|settings|dominance.hhi\n" "$user" "$user" >expect &&
	test_cmp expect rows
'

test_expect_success 'an anonymous survey answer leaves nothing in the log (R12)' '
	"$TRELLIS" --db demo.db survey invite --initiative harlow-mills --survey s-audit \
	    --person carmen-brennan --url "$URL" 2>/dev/null | cut -f3 >links &&
	test "$(q "SELECT after FROM audit_log WHERE kind = \"survey-invitations\" ORDER BY id DESC LIMIT 1")" = "{\"links\":1}" &&
	n=$(entries) &&
	link=$(sed -n 1p links) &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -d trusted=4 -d supported=4 \
	    -d works_for_initiative=4 -d shared_oversight=4 "$link") &&
	test "$code" = 303 &&
	test "$(entries)" = $n &&
	test "$(q "SELECT count(*) FROM audit_log WHERE actor = \"anonymous\"")" = 0
'

test_done
