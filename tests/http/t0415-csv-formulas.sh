#!/bin/sh
# R14 on the web: every CSV download an admin can make (the program's 19
# tables at /export and every initiative's at /i/SLUG/export, plus every
# format=csv link found on the import pages and record lists) of a program
# whose text begins with '=', '+', '-', '@', "'", tab or CR — imported from
# trellis/1, added through the API and uploaded as CSV — has 0 cells that
# start a formula (tests/reliability/csvformula).
. "$(dirname "$0")/lib.sh"

build=${BUILD:-build}
case $build in /*) ;; *) build=$TEST_TOP/$build ;; esac
export build

"$TRELLIS" --db "$TEST_DIR/demo.db" import "$TEST_DATA/formulas.json" >/dev/null 2>&1 ||
	{ echo "not ok - cannot import formulas.json"; exit 1; }

test_expect_success 'setup: an admin and its token' '
	printf "a long password 1\n" >pw &&
	"$TRELLIS" --db demo.db user add a@example.org --role admin --password-file pw &&
	"$TRELLIS" --db demo.db token add --user a@example.org >a.tok 2>/dev/null
'

http_start

auth () { printf "Authorization: Bearer %s" "$(cat a.tok)"; }

test_expect_success 'a title through the API and one through the CSV upload' '
	test_status 201 /api/v1/initiatives/i1/decisions -H "$(auth)" \
		-H "Content-Type: application/json" --data "{\"id\": \"api1\", \"title\": \"@cmd|calc\", \"category\": \"strategy\", \"proposed\": \"2015-05-02\", \"decided\": \"2015-05-10\", \"decider\": \"team\", \"consulted\": [], \"informed\": []}" &&
	printf "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views\ni1,up1,+SUM(1;2),strategy,2015-06-01,2015-06-02,team,,,=2*3\n" >decisions.csv &&
	test_status 303 /i/i1/import -H "$(auth)" -F file=@decisions.csv
'

test_expect_success 'every CSV download: 0 cells start a formula' '
	tables="program organizations people instruments learning initiatives observations members responsibilities decisions grants ledger applications credits contributions checkins events surveys ties" &&
	for t in $tables; do
		echo "/export?format=csv&kind=$t" &&
		echo "/i/i1/export?format=csv&kind=$t" || return 1
	done >routes &&
	for p in /import /i/i1/import /i/i1/decisions /i/i1/ledger /i/i1/events /program/people; do
		http_get "$p" -H "$(auth)" >/dev/null &&
		grep -o "href=\"[^\"]*format=csv[^\"]*\"" .body | sed "s/^href=\"//; s/\"$//; s/&amp;/\\&/g" >>routes || return 1
	done &&
	sort -u routes >all-routes &&
	mkdir csv && n=0 &&
	while read -r p; do
		n=$((n + 1)) &&
		code=$(curl -s -o "csv/$n.csv" -w "%{http_code}" -H "$(auth)" "$URL$p") &&
		{ test "$code" = 200 || { echo "$p answered $code"; return 1; }; } || return 1
	done <all-routes &&
	cat csv/*.csv | grep -c "HYPERLINK\|@cmd|calc\|+SUM(1;2)" >found &&
	test "$(cat found)" -ge 3 &&
	"$build/tests/reliability/csvformula" csv/*.csv >out || { cat out; false; } &&
	sed "s/R14 formulas: /R14 web: $(wc -l <all-routes) CSV routes downloaded as an admin, /" out | grep "^R14" >figure &&
	test_grep " 0 start a formula" out
'

test -f figure && sed "s/^/# /" figure
test_done
