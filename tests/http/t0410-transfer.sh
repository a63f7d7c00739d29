#!/bin/sh
# The import and export pages: the page for each role, a good CSV added, a
# bad one refused with its line and field and nothing written, a file for
# another initiative refused, a trellis/1 document imported into a program
# (the round trip gives `trellis export` back), exports as CSV, JSON (equal
# to `trellis export`) and an Excel workbook (a ZIP: "PK"), survey answers
# only in the admin's program export.
. "$(dirname "$0")/lib.sh"

http_demo_db

test_expect_success 'setup: users and their tokens' '
	printf "a long password 1\n" >pw &&
	"$TRELLIS" --db demo.db user add a@example.org --role admin --password-file pw &&
	"$TRELLIS" --db demo.db user add m@example.org --role member --initiative harlow-mills --password-file pw &&
	"$TRELLIS" --db demo.db user add v@example.org --role viewer --initiative harlow-mills --password-file pw &&
	"$TRELLIS" --db demo.db user add e@example.org --role evaluator --password-file pw &&
	for who in a m v e; do
		"$TRELLIS" --db demo.db token add --user $who@example.org >$who.tok 2>/dev/null || return 1
	done
'

http_start

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
I=/i/harlow-mills

test_expect_success 'the page: a member gets the upload form and the downloads' '
	test_as 200 m $I/import &&
	test_security_headers &&
	test_grep "<h1>Import &amp; export</h1>" .body &&
	test_grep "enctype=\"multipart/form-data\"" .body &&
	test_grep "<input type=\"file\" id=\"file\" name=\"file\"" .body &&
	test_grep "<label for=\"file\">" .body &&
	test_grep "href=\"/i/harlow-mills/export?format=xlsx\"" .body &&
	test_grep "aria-current=\"page\"" .body
'

test_expect_success 'the page: a viewer downloads only; posting is 403' '
	test_as 200 v $I/import &&
	! grep -q "type=\"file\"" .body &&
	test_grep "href=\"/i/harlow-mills/export?format=json\"" .body &&
	printf "x\n" >decisions.csv &&
	test_as 403 v $I/import -F file=@decisions.csv
'

test_expect_success 'another initiative: 404; the program page: admin and evaluator' '
	test_as 404 m /i/port-ashby/import &&
	test_as 404 m /i/port-ashby/export?format=json &&
	test_as 403 m /import &&
	test_as 200 e /import &&
	! grep -q "type=\"file\"" .body &&
	test_as 200 a /import &&
	test_grep "type=\"file\"" .body
'

HEADER=initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views

test_expect_success 'a good CSV: 303 to the page, the records added and shown' '
	test_as 200 m "$I/export?format=json" && cp .body before.json &&
	printf "%s\n%s\n%s\n" "$HEADER" \
		"harlow-mills,d-801,Imported from a spreadsheet,program,2016-02-01,2016-02-20,team,millrace-savings,," \
		"harlow-mills,d-802,\"Second, with a comma\",other,2016-02-03,2016-02-21,committee,,," >decisions.csv &&
	test_as 303 m $I/import -F file=@decisions.csv &&
	test_grep "^Location: /i/harlow-mills/import?imported=2$" .head &&
	test_as 200 m "$I/import?imported=2" &&
	test_grep "Imported: 2 records added." .body &&
	test_as 200 v /api/v1/initiatives/harlow-mills/decisions/d-802 &&
	test_grep "\"title\": \"Second, with a comma\"" .body &&
	test_as 200 m "$I/export?format=json" && cp .body after-good.json &&
	! test_cmp before.json after-good.json >/dev/null
'

test_expect_success 'a bad CSV: 422, the error with its line and field, nothing written' '
	printf "%s\n%s\n%s\n" "$HEADER" \
		"harlow-mills,d-803,Fine,program,2016-02-01,2016-02-20,team,,," \
		"harlow-mills,d-804,Backwards,program,2016-03-01,2016-02-20,team,,," >decisions.csv &&
	test_as 422 m $I/import -F file=@decisions.csv &&
	test_security_headers &&
	test_grep "Nothing was imported" .body &&
	test_grep "decisions.csv:3: decided: 2016-02-20 is before proposed 2016-03-01" .body &&
	test_grep "href=\"#file\"" .body &&
	test_as 200 m "$I/export?format=json" &&
	test_cmp after-good.json .body &&
	test_as 404 v /api/v1/initiatives/harlow-mills/decisions/d-803
'

test_expect_success 'a CSV for another initiative, or a file of no known table: refused' '
	printf "%s\n%s\n" "$HEADER" "port-ashby,d-805,Elsewhere,program,2016-02-01,2016-02-20,team,,," >decisions.csv &&
	test_as 422 m $I/import -F file=@decisions.csv &&
	test_grep "decisions.csv:2: initiative: .*port-ashby.* is another initiative" .body &&
	cp decisions.csv notes.txt &&
	test_as 422 m $I/import -F file=@notes.txt &&
	test_grep "notes.txt: not a trellis/1 file" .body &&
	test_as 422 m $I/import -F kind= &&
	test_grep "Choose a file to import." .body &&
	test_as 200 m "$I/export?format=json" &&
	test_cmp after-good.json .body
'

test_expect_success 'the table chosen instead of the name' '
	printf "%s\n%s\n" "$HEADER" "harlow-mills,d-806,Chosen,program,2016-02-01,2016-02-20,team,,," >upload.csv &&
	test_as 303 m $I/import -F file=@upload.csv -F kind=decisions &&
	test_as 200 v /api/v1/initiatives/harlow-mills/decisions/d-806
'

test_expect_success 'the import is in the audit log' '
	! command -v sqlite3 >/dev/null 2>&1 ||
	{ sqlite3 demo.db "select actor, action, kind, initiative, after from audit_log where action = \"import\"" >audit &&
	  test_grep "^m@example.org|import|decisions.csv|harlow-mills|{\"file\": \"decisions.csv\", \"records\": 2}$" audit; }
'

test_expect_success 'export: JSON of the program equals trellis export' '
	test_as 200 a "/export?format=json" &&
	test_grep "^Content-Type: application/json" .head &&
	test_grep "^Content-Disposition: attachment; filename=\"wcc-demo.json\"$" .head &&
	"$TRELLIS" --db demo.db export >cli.json &&
	test_cmp cli.json .body &&
	test_grep "\"group\": \"partner\"" .body
'

test_expect_success 'export: survey answers only in the admin program export' '
	test_as 200 e "/export?format=json" &&
	! grep -q "\"group\"" .body &&
	test_grep "\"surveys\": \\[" .body &&
	test_as 200 a "$I/export?format=json" &&
	! grep -q "\"group\"" .body &&
	test_grep "^Content-Disposition: attachment; filename=\"wcc-demo-harlow-mills.json\"$" .head &&
	test_as 200 m "$I/export?format=csv&kind=surveys" &&
	! grep -q ",partner," .body
'

test_expect_success 'export: an initiative document holds that initiative and imports on its own' '
	test_as 200 m "$I/export?format=json" &&
	cp .body hm.json &&
	test $(grep -c "^  {\"slug\": \"[^\"]*\", \"name\": \"[^\"]*\", \"city\": " hm.json) = 1 &&
	"$TRELLIS" --db one.db import hm.json >/dev/null
'

test_expect_success 'export: CSV of one table' '
	test_as 200 v "$I/export?format=csv&kind=decisions" &&
	test_grep "^Content-Type: text/csv; charset=utf-8" .head &&
	test_grep "^Content-Disposition: attachment; filename=\"wcc-demo-harlow-mills-decisions.csv\"$" .head &&
	head -n 1 .body >first &&
	echo "$HEADER" >want &&
	test_cmp want first &&
	test_grep "^harlow-mills,d-801,Imported from a spreadsheet," .body &&
	! grep -q "^port-ashby," .body &&
	test_as 400 v "$I/export?format=csv" &&
	test_as 400 v "$I/export?format=csv&kind=nonsense" &&
	test_as 400 v "$I/export?format=pdf"
'

test_expect_success 'export: the Excel workbook is a ZIP file' '
	test_as 200 v "$I/export?format=xlsx" &&
	test_grep "^Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" .head &&
	test_grep "^Content-Disposition: attachment; filename=\"wcc-demo-harlow-mills.xlsx\"$" .head &&
	test "$(head -c 2 .body)" = PK &&
	test_as 200 a "/export?format=xlsx" &&
	test "$(head -c 2 .body)" = PK
'
http_stop

# A trellis/1 document into a program that holds nothing yet: every record
# is added, and the program's export is the document again.
test_expect_success 'setup: a database with the program alone' '
	"$TRELLIS" --db demo.db export >full.json &&
	"$TRELLIS" --db demo.db export --format csv --out csv >/dev/null &&
	mv demo.db full.db && rm -f demo.db-wal demo.db-shm &&
	"$TRELLIS" --db demo.db import csv/program.csv >/dev/null &&
	"$TRELLIS" --db demo.db user add a@example.org --role admin --password-file pw &&
	"$TRELLIS" --db demo.db token add --user a@example.org >a.tok 2>/dev/null
'
http_start

test_expect_success 'a trellis/1 document into the program: the round trip' '
	test_as 303 a /import -F file=@full.json &&
	test_as 200 a "/export?format=json" &&
	test_cmp full.json .body
'

test_expect_success 'the same document again: 422 at its line, nothing written' '
	test_as 422 a /import -F file=@full.json &&
	test_grep "full.json:[0-9][0-9]*: [a-z_.]*: " .body &&
	test_as 200 a "/export?format=json" &&
	test_cmp full.json .body
'

test_expect_success 'a document of another program: 422 naming program.slug' '
	sed "s/\"slug\": \"wcc-demo\"/\"slug\": \"another\"/" full.json >other.json &&
	test_as 422 a /import -F file=@other.json &&
	test_grep "other.json:2: program.slug: the document is program" .body
'
http_stop

test_done
