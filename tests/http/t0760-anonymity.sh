#!/bin/sh
# R12, anonymity (DESIGN §4, §7; issue 5 "Anonymity"): a survey where the
# backbone group has 2 responses and the partners 4. Every page of the
# initiative and the portfolio (crawled), every export (CSV of each kind,
# JSON, xlsx as text) and every API response is searched for
#   - the backbone group's aggregate: its mean 1.5 (both answers to every
#     item are 1 and 2; nothing else in this program can print 1.5), the
#     perception gap it makes with the partners (1.5 - 5 = -3.5), and its
#     distribution as JSON; and everyone's mean (23/6 = 3.83), from which
#     the partners' shown 5.00 would give the backbone's away (DESIGN §4:
#     that everyone mean is the figure hidden, the partners' stays);
#   - any link between an answer and a person: the only person's slug,
#     name and email never appear in what is shown of a survey.
# Both must be absent. The exception is the admin's full trellis/1 export
# (DESIGN §7, the program's backup): it carries each response's group and
# answers, and still no name.
. "$(dirname "$0")/lib.sh"

cat >"$TEST_DIR/anon.json" <<'EOF'
{"format": "trellis/1",
 "program": {"slug": "anon", "name": "Anonymity Program", "funder": "Fund", "start": "2014-01-01", "end": "2016-12-31"},
 "organizations": [
  {"slug": "bb", "name": "Backbone Org", "sector": "nonprofit", "city": "X", "staff": 30, "revenue": 6000000, "traits": {"flexible_grants": true, "expertise": ["fundraising"], "in_kind_staffing": true, "experiment": false, "convener": true}},
  {"slug": "pa", "name": "Partner A", "sector": "public", "city": null, "staff": null, "revenue": null, "traits": {"flexible_grants": false, "expertise": [], "in_kind_staffing": false, "experiment": false, "convener": false}},
  {"slug": "pb", "name": "Partner B", "sector": "health", "city": null, "staff": null, "revenue": null, "traits": {"flexible_grants": false, "expertise": [], "in_kind_staffing": false, "experiment": false, "convener": false}}
 ],
 "people": [
  {"slug": "rita-respondent", "name": "Rita Respondent", "email": "rita@example.org", "org": "bb"}
 ],
 "instruments": [],
 "learning": [],
 "initiatives": [
  {"slug": "i1", "name": "Init One", "city": "X", "start": "2014-01-01", "end": "2016-12-31", "backbone": "bb", "fiscal_agent": "bb", "committee": ["bb", "pa"],
   "director": {"person": "rita-respondent", "employer": "bb", "reports_to": ["bb"], "evaluated_by": ["bb", "pa"]},
   "members": [
    {"org": "bb", "role": "backbone", "joined": "2014-01-01", "left": null},
    {"org": "pa", "role": "co-lead", "joined": "2014-01-01", "left": null},
    {"org": "pb", "role": "partner", "joined": "2014-01-01", "left": null}
   ],
   "checkins": [
    {"id": "ci1", "date": "2015-03-01", "attendees": ["rita-respondent"], "progress": "fine", "challenges": null}
   ],
   "surveys": [
    {"id": "s1", "instrument": "director-support", "opened": "2016-05-02", "closed": "2016-05-30", "responses": [
     {"group": "backbone", "answers": {"trusted": 1, "supported": 1, "works_for_initiative": 1, "shared_oversight": 1}},
     {"group": "backbone", "answers": {"trusted": 2, "supported": 2, "works_for_initiative": 2, "shared_oversight": 2}},
     {"group": "partner", "answers": {"trusted": 5, "supported": 5, "works_for_initiative": 5, "shared_oversight": 5}},
     {"group": "partner", "answers": {"trusted": 5, "supported": 5, "works_for_initiative": 5, "shared_oversight": 5}},
     {"group": "partner", "answers": {"trusted": 5, "supported": 5, "works_for_initiative": 5, "shared_oversight": 5}},
     {"group": "partner", "answers": {"trusted": 5, "supported": 5, "works_for_initiative": 5, "shared_oversight": 5}}
    ]}
   ]}
 ]}
EOF

"$TRELLIS" --db "$TEST_DIR/demo.db" init >/dev/null 2>&1 &&
"$TRELLIS" --db "$TEST_DIR/demo.db" import "$TEST_DIR/anon.json" >/dev/null 2>&1 ||
	{ echo "not ok - cannot import the survey"; exit 1; }
mkdir -p "$TEST_DIR/got"
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

# empty FILE: FILE is empty, else it is shown
empty () {
	test ! -s "$1" && return 0
	cat "$1"
	return 1
}
# fetch NAME PATH: the body of PATH into got/NAME; fails unless 200 (or 404: a page some build lacks).
fetch () {
	code=$(curl -s -o "got/$1" -w "%{http_code}" "$URL$2")
	case $code in
	200) return 0 ;;
	404) rm -f "got/$1"; return 0 ;;
	esac
	echo "fetch: $2 answered $code"
	return 1
}

# leaks FILE...: prints the lines of each file (SVG drawings and tags
# taken out of HTML) that show the backbone group's aggregate.
leaks () {
	for f in "$@"; do
		perl -0777 -pe 's{<svg\b.*?</svg>}{}gs; s{<style\b.*?</style>}{}gs; s{<[^>]*>}{\n}g' "$f" |
		grep -E -e '(^|[^0-9.])1\.50*([^0-9]|$)' -e '(-|−)3\.50*([^0-9]|$)' \
		    -e '(^|[^0-9.])3\.83' \
		    -e '"backbone": *\{' -e '\[1, *1, *0, *0, *0\]' |
		sed "s|^|$f: |"
	done
}
# named FILE...: prints the lines naming the person.
named () {
	grep -H -i -e 'rita' -e 'respondent' "$@"
}
# surveys_of FILE: the "surveys" array of a trellis/1 document, to its "ties" or its end.
surveys_of () {
	sed -n '/"surveys"/,/"ties"/p' "$1"
}

test_expect_success 'every page of the portfolio and the initiative (crawled as admin)' '
	echo / >queue && echo /i/i1 >>queue &&
	echo /i/i1/surveys/s1/results >>queue && : >seen && n=0 &&
	while test -s queue && test $n -lt 400; do
		p=$(head -n 1 queue) && sed -i 1d queue &&
		if grep -qxF "$p" seen; then continue; fi &&
		echo "$p" >>seen && n=$((n + 1)) &&
		fetch "page$n.html" "$p" || return 1
		test -f "got/page$n.html" || continue
		grep -o "href=\"/[^\"]*\"" "got/page$n.html" | sed "s/^href=\"//; s/\"$//; s/&amp;/\\&/g" |
		grep -v -e "^/static/" -e "^/logout" -e "/export" -e "/network/map" -e "lang=" >>queue
	done &&
	{ test $n -gt 20 || { echo "only $n pages"; false; }; } &&
	grep -qx "/i/i1/surveys" seen && grep -qx "/i/i1/surveys/s1" seen &&
	leaks got/page*.html >leaks.out &&
	empty leaks.out &&
	# the partners (n = 4, mean 5) are shown: the search sees the aggregates that are there
	grep -l "5\\.00<span class=\"band strength\"> a strength</span><span class=\"n\"> n = 4</span>" got/page*.html >/dev/null
'

test_expect_success 'no page of a survey names a person' '
	for p in $(grep "/surveys" seen); do
		f=$(grep -nxF "$p" seen | cut -d: -f1) &&
		test ! -f "got/page$f.html" ||
		perl -0777 -pe "s{<header\\b.*?</header>}{}gs; s{<nav\\b.*?</nav>}{}gs" "got/page$f.html" >page.txt &&
		{ ! named page.txt || { echo "$p names a person"; return 1; }; }
	done
'

test_expect_success 'every export of the initiative: JSON, CSV of each kind, xlsx' '
	fetch exp.json "/i/i1/export?format=json" && test -s got/exp.json &&
	for k in members responsibilities decisions grants ledger applications credits contributions \
	    checkins events surveys ties observations organizations people instruments learning; do
		fetch "exp-$k.csv" "/i/i1/export?format=csv&kind=$k" || return 1
	done &&
	test -s got/exp-surveys.csv &&
	fetch exp.xlsx "/i/i1/export?format=xlsx" &&
	if command -v unzip >/dev/null && test -f got/exp.xlsx; then
		unzip -p got/exp.xlsx >got/exp-xlsx.txt
	fi &&
	leaks got/exp* >leaks.out &&
	empty leaks.out &&
	! named got/exp-surveys.csv &&
	surveys_of got/exp.json >s.txt && ! named s.txt &&
	! grep "\"group\"" got/exp.json
'

test_expect_success 'every API response' '
	for p in /api/v1/program /api/v1/initiatives /api/v1/initiatives/i1 \
	    "/api/v1/initiatives/i1/report?as_of=2016-12-31&months=12" /api/v1/initiatives/i1/report \
	    /api/v1/initiatives/i1/surveys/s1; do
		fetch "api$(echo "$p" | tr -c "a-z0-9\n" _).json" "$p" || return 1
	done &&
	for k in members responsibilities decisions grants ledger applications credits contributions \
	    checkins events surveys ties observations; do
		fetch "api-$k.json" "/api/v1/initiatives/i1/$k" || return 1
	done &&
	test -s got/api-surveys.json &&
	leaks got/api* >leaks.out &&
	empty leaks.out &&
	! named got/api-surveys.json got/api_api_v1_initiatives_i1_surveys_s1.json &&
	! grep "\"group\"" got/api-surveys.json
'

test_expect_success 'the admin full export carries groups and answers, never a name in them' '
	fetch full.json "/export?format=json" && test -s got/full.json &&
	surveys_of got/full.json >s.txt &&
	test "$(grep -o "\"group\": \"backbone\"" s.txt | wc -l)" = 2 &&
	test "$(grep -o "\"group\": \"partner\"" s.txt | wc -l)" = 4 &&
	! named s.txt &&
	fetch api-full.json /api/v1/export && test -s got/api-full.json &&
	surveys_of got/api-full.json >s.txt &&
	test "$(grep -o "\"group\": \"backbone\"" s.txt | wc -l)" = 2 &&
	! named s.txt
'

http_kill
rm -f "$TEST_DIR"/got/*
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an evaluator: pages, exports and the program export without answers' '
	fetch ev-s.html /i/i1/surveys && fetch ev-s1.html /i/i1/surveys/s1 &&
	fetch ev-res.html /i/i1/surveys/s1/results &&
	fetch ev-full.json "/export?format=json" && test -s got/ev-full.json &&
	fetch ev-api.json /api/v1/initiatives/i1/surveys &&
	leaks got/* >leaks.out &&
	empty leaks.out &&
	! grep "\"group\"" got/ev-full.json &&
	surveys_of got/ev-full.json >s.txt && ! named s.txt
'

test_done
