#!/bin/sh
# The JSON API (docs/api.md) with real bearer tokens (trellis token add):
# every GET endpoint's shape, 401 without a token, 404 for another
# initiative, a decision created (201, then in GET and in the report),
# refused (422 naming the field), patched, replaced and deleted, a viewer's
# and an evaluator's write refused (403), surveys as aggregates only, and
# the admin's export equal to `trellis export`.
. "$(dirname "$0")/lib.sh"

http_demo_db

test_expect_success 'setup: users and their tokens' '
	printf "a long password 1\n" >pw &&
	"$TRELLIS" --db demo.db user add a@example.org --role admin --password-file pw &&
	"$TRELLIS" --db demo.db user add m@example.org --role member --initiative harlow-mills --password-file pw &&
	"$TRELLIS" --db demo.db user add v@example.org --role viewer --initiative harlow-mills --password-file pw &&
	"$TRELLIS" --db demo.db user add e@example.org --role evaluator --password-file pw &&
	"$TRELLIS" --db demo.db token add --user a@example.org >admin.tok 2>/dev/null &&
	"$TRELLIS" --db demo.db token add --user m@example.org >member.tok 2>/dev/null &&
	"$TRELLIS" --db demo.db token add --user v@example.org >viewer.tok 2>/dev/null &&
	"$TRELLIS" --db demo.db token add --user e@example.org >eval.tok 2>/dev/null
'

http_start

# api WHO METHOD PATH [CURL OPTIONS...]: the status; body in .body, headers in .head.
api () {
	who=$1 m=$2 p=$3
	shift 3
	http_get "$p" -X "$m" -H "Authorization: Bearer $(cat "$who.tok")" "$@"
}
# test_api WANT WHO METHOD PATH [CURL OPTIONS...]
test_api () {
	want=$1
	shift
	got=$(api "$@")
	test "$got" = "$want" && return 0
	echo "test_api: $* answered $got, expected $want"
	cat .body
	return 1
}
H=/api/v1/initiatives/harlow-mills

test_expect_success 'no token, or a bad one: 401 JSON with WWW-Authenticate' '
	test_status 401 /api/v1/program &&
	test_grep "^Content-Type: application/json" .head &&
	test_grep "^WWW-Authenticate: Bearer" .head &&
	test_grep "\"status\": 401" .body &&
	test_grep "\"message\": " .body &&
	test_status 401 $H/decisions -H "Authorization: Bearer nonsense" &&
	test_status 401 $H/decisions -X POST -H "Content-Type: application/json" --data "{}"
'

test_expect_success 'GET /api/v1/program' '
	test_api 200 admin GET /api/v1/program &&
	test_grep "^Content-Type: application/json" .head &&
	test_grep "\"program\": {\"slug\": \"wcc-demo\"" .body &&
	test_grep "\"initiatives\": \\[\"harlow-mills\", \"port-ashby\"" .body &&
	test_api 200 member GET /api/v1/program &&
	test_grep "\"initiatives\": \\[\"harlow-mills\"\\]" .body
'

test_expect_success 'GET /api/v1/initiatives: the ones the caller may read' '
	test_api 200 eval GET /api/v1/initiatives &&
	test $(grep -c "\"slug\": " .body) = 6 &&
	test_grep "\"backbone\": \"harlow-neighborhood-builders\"" .body &&
	test_api 200 viewer GET /api/v1/initiatives &&
	test $(grep -c "\"slug\": " .body) = 1
'

test_expect_success 'GET /api/v1/initiatives/{slug}: own fields, no record arrays' '
	test_api 200 member GET $H &&
	test_grep "^{\"slug\": \"harlow-mills\", \"name\": " .body &&
	test_grep "\"shared_result\": {" .body &&
	! grep -q "\"decisions\"" .body
'

test_expect_success 'GET a kind and one record' '
	test_api 200 viewer GET $H/decisions &&
	test_grep "^{\"initiative\": \"harlow-mills\", \"kind\": \"decisions\"," .body &&
	test_grep "{\"id\": \"d-001\", \"title\": " .body &&
	test_grep "\"ids\": \\[\"d-001\", " .body &&
	test_api 200 viewer GET $H/decisions/d-001 &&
	test_grep "^{\"id\": \"d-001\", \"title\": \"Set 2014 interim targets" .body &&
	test_api 200 viewer GET $H/grants &&
	test_grep "\"lines\": \\[{\"name\": " .body &&
	test_api 200 viewer GET $H/ledger &&
	test_api 200 viewer GET $H/ties &&
	test_grep "\"ids\": \\[\"[0-9]" .body &&
	test_api 404 viewer GET $H/nonsense &&
	test_grep "\"status\": 404" .body &&
	test_api 404 viewer GET $H/decisions/d-999
'

test_expect_success 'surveys: aggregates with n >= 3 per group, never single answers' '
	test_api 200 eval GET $H/surveys &&
	test_grep "\"results\": {\"responses\": {" .body &&
	test_grep "\"responses\": \\[\\]" .body &&
	! grep -q "\"answers\"" .body &&
	! grep -q "\"group\"" .body &&
	! grep -q "\"n\": [12]," .body
'

test_expect_success 'GET the report, with as_of and months checked as the CLI does' '
	test_api 200 member GET "$H/report?as_of=2016-06-30&months=12" &&
	test_grep "^{\"initiative\":\"harlow-mills\",\"as_of\":\"2016-06-30\"" .body &&
	"$TRELLIS" --db demo.db report --initiative harlow-mills --as-of 2016-06-30 --months 12 --format json >cli.json &&
	test_cmp cli.json .body &&
	test_api 400 member GET "$H/report?as_of=2016-02-30" &&
	test_grep "\"status\": 400" .body &&
	test_api 400 member GET "$H/report?months=0"
'

test_expect_success 'another initiative is 404, the same as none' '
	test_api 404 member GET /api/v1/initiatives/port-ashby &&
	cp .body other &&
	test_api 404 member GET /api/v1/initiatives/no-such-one &&
	test_cmp .body other &&
	test_api 404 viewer GET /api/v1/initiatives/port-ashby/decisions &&
	test_api 404 member POST /api/v1/initiatives/port-ashby/decisions \
		-H "Content-Type: application/json" --data "{}"
'

cat >new.json <<'EOF'
{"id": "d-900", "title": "Adopt the API", "category": "strategy",
 "proposed": "2016-05-02", "decided": "2016-05-10", "decider": "team",
 "consulted": [], "informed": [], "contrary_views": null}
EOF

test_expect_success 'POST a decision: 201, Location, then in GET and in the report' '
	test_api 200 member GET "$H/report?as_of=2016-06-30" && cp .body report.before &&
	test_api 201 member POST $H/decisions -H "Content-Type: application/json" --data-binary @new.json &&
	test_grep "^Location: /api/v1/initiatives/harlow-mills/decisions/d-900$" .head &&
	test_grep "^{\"id\": \"d-900\", \"title\": \"Adopt the API\"" .body &&
	test_api 200 viewer GET $H/decisions/d-900 &&
	test_grep "\"decider\": \"team\"" .body &&
	test_api 200 member GET "$H/report?as_of=2016-06-30" &&
	! test_cmp report.before .body >/dev/null
'

# sqlite3 (the shell) reads the audit log where it is installed; the admin's audit page is the accounts tests'.
if command -v sqlite3 >/dev/null 2>&1; then
test_expect_success 'the change is in the audit log, with who and the record after' '
	sqlite3 demo.db "select actor, action, kind, initiative, record, before is null, after like \"%Adopt the API%\" from audit_log" >audit &&
	test_grep "^m@example.org|create|decisions|harlow-mills|d-900|1|1$" audit
'
fi

test_expect_success 'POST invalid: 422 naming the field; nothing written' '
	sed "s/d-900/d-901/; s/2016-05-10/2016-04-01/" new.json >bad.json &&
	test_api 422 member POST $H/decisions -H "Content-Type: application/json" --data-binary @bad.json &&
	test_grep "\"status\": 422" .body &&
	test_grep "\"field\": \"decided\"" .body &&
	test_grep "before proposed" .body &&
	sed "s/d-900/d-901/; s/\"team\"/\"nobody-at-all\"/" new.json >bad.json &&
	test_api 422 member POST $H/decisions -H "Content-Type: application/json" --data-binary @bad.json &&
	test_grep "\"field\": \"decider\"" .body &&
	test_api 422 member POST $H/decisions -H "Content-Type: application/json" --data "{\"id\": \"d-901\", \"colour\": 1}" &&
	test_grep "\"field\": \"colour\"" .body &&
	test_api 422 member POST $H/decisions -H "Content-Type: application/json" --data "{not json" &&
	test_api 404 member GET $H/decisions/d-901 &&
	test_api 415 member POST $H/decisions -H "Content-Type: text/plain" --data-binary @new.json
'

test_expect_success 'PATCH changes the fields named; PUT replaces' '
	test_api 200 member PATCH $H/decisions/d-900 -H "Content-Type: application/json" \
		--data "{\"title\": \"Adopt the API, patched\", \"contrary_views\": \"One partner asked for a pilot first.\"}" &&
	test_grep "\"title\": \"Adopt the API, patched\"" .body &&
	test_grep "\"decided\": \"2016-05-10\"" .body &&
	test_api 200 viewer GET $H/decisions/d-900 &&
	test_grep "One partner asked for a pilot first" .body &&
	test_api 422 member PATCH $H/decisions/d-900 -H "Content-Type: application/json" --data "{\"category\": \"whim\"}" &&
	test_grep "\"field\": \"category\"" .body &&
	test_api 200 member PUT $H/decisions/d-900 -H "Content-Type: application/json" --data-binary @new.json &&
	test_grep "\"title\": \"Adopt the API\"," .body &&
	test_grep "\"contrary_views\": null" .body
'

test_expect_success 'PATCH money keeps cents exact' '
	test_api 200 member GET $H/grants &&
	g=$(sed -n "s/.*\"ids\": \\[\"\\([^\"]*\\)\".*/\\1/p" .body) &&
	test -n "$g" &&
	test_api 200 member PATCH $H/grants/$g -H "Content-Type: application/json" --data "{\"amount\": 2400000.10}" &&
	test_grep "\"amount\": 2400000.10," .body
'

test_expect_success 'a viewer or an evaluator writing: 403' '
	test_api 403 viewer POST $H/decisions -H "Content-Type: application/json" --data-binary @new.json &&
	test_grep "\"status\": 403" .body &&
	test_api 403 eval DELETE $H/decisions/d-900 &&
	test_api 403 viewer PATCH $H/decisions/d-900 -H "Content-Type: application/json" --data "{}"
'

test_expect_success 'DELETE: 204, then 404' '
	test_api 204 member DELETE $H/decisions/d-900 &&
	test_api 404 member GET $H/decisions/d-900 &&
	test_api 404 member DELETE $H/decisions/d-900
'

test_expect_success 'DELETE refused while other records name it: 422' '
	test_api 200 member GET $H/grants &&
	g=$(sed -n "s/.*\"ids\": \\[\"\\([^\"]*\\)\".*/\\1/p" .body) &&
	test_api 422 member DELETE $H/grants/$g &&
	test_api 200 member GET $H/grants/$g
'

test_expect_success 'GET /api/v1/export: admin only, equal to trellis export' '
	test_api 403 member GET /api/v1/export &&
	test_api 403 eval GET /api/v1/export &&
	test_api 200 admin GET /api/v1/export &&
	"$TRELLIS" --db demo.db export >cli-export.json &&
	test_cmp cli-export.json .body
'
http_stop

test_done
