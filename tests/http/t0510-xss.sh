#!/bin/sh
# RELIABILITY R8, XSS: script payloads in every text field we can reach —
# organization, initiative and program names through the JSON import of a
# program, decision titles and contrary views and check-in Markdown through
# a CSV import (CLI and web), the add forms (with a real session and its
# CSRF token) and the JSON API — then every page crawled as the admin and
# as a member: no payload may appear unescaped in an HTML body, no link may
# start with javascript:, and every HTML response carries the CSP header.
. "$(dirname "$0")/lib.sh"

A=harlow-mills
PW='a long password 1'
S1='<script>alert(1)</script>'
S2='"><img src=x onerror=alert(1)>'
S3='javascript:alert(1)'

# The program: the demo's JSON with payloads in names, imported as a program.
"$TRELLIS" --db "$TEST_DIR/src.db" demo >/dev/null 2>&1 &&
"$TRELLIS" --db "$TEST_DIR/src.db" export >"$TEST_DIR/demo.json" ||
	{ echo "not ok - cannot export the demo"; exit 1; }
sed -e 's|"name": "Harlow Parents Council"|"name": "Harlow <script>alert(1)</script> Council"|' \
    -e 's|"name": "Millrace Savings|"name": "Millrace \\"><img src=x onerror=alert(1)> Savings|' \
    -e 's|"name": "Atlantic Working Communities Challenge|"name": "<script>alert(1)</script> Challenge|' \
    -e 's|"slug": "harlow-mills", "name": "|&<script>alert(1)</script> |' \
    "$TEST_DIR/demo.json" >"$TEST_DIR/xss.json"
grep -q 'Harlow <script>' "$TEST_DIR/xss.json" && grep -q 'Millrace \\">' "$TEST_DIR/xss.json" &&
grep -q '"harlow-mills", "name": "<script>' "$TEST_DIR/xss.json" ||
	{ echo "not ok - the payloads are not in the JSON"; exit 1; }
"$TRELLIS" --db "$TEST_DIR/demo.db" import "$TEST_DIR/xss.json" >/dev/null ||
	{ echo "not ok - cannot import the JSON with payloads"; exit 1; }

# Decisions and check-ins (Markdown) with payloads, through the CLI's CSV import.
csvq () { printf '"%s"' "$(printf %s "$1" | sed 's/"/""/g')"; }
{
	echo 'initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views'
	echo "$A,d-701,$(csvq "$S1"),strategy,2016-01-04,2016-01-20,committee,,,$(csvq "$S2")"
	echo "$A,d-702,$(csvq "$S2"),strategy,2016-01-04,2016-01-20,committee,,,$S3"
} >"$TEST_DIR/decisions.csv"
{
	echo 'initiative,id,date,attendees,progress,challenges'
	echo "$A,c-701,2016-03-01,,$(csvq "- $S1
- [click]($S3)
<img src=x onerror=alert(1)>"),$(csvq "$S2 <a href=\"$S3\">x</a>")"
} >"$TEST_DIR/checkins.csv"
"$TRELLIS" --db "$TEST_DIR/demo.db" import "$TEST_DIR/decisions.csv" "$TEST_DIR/checkins.csv" >/dev/null ||
	{ echo "not ok - cannot import the CSV with payloads"; exit 1; }

printf '%s\n' "$PW" >"$TEST_DIR/pw"
"$TRELLIS" --db "$TEST_DIR/demo.db" user add admin@x.org --role admin --password-file "$TEST_DIR/pw" >/dev/null &&
"$TRELLIS" --db "$TEST_DIR/demo.db" user add member@x.org --role member --initiative $A \
	--password-file "$TEST_DIR/pw" >/dev/null &&
"$TRELLIS" --db "$TEST_DIR/demo.db" token add --user member@x.org >"$TEST_DIR/member.tok" 2>/dev/null ||
	{ echo "not ok - cannot add the users"; exit 1; }

http_start

# sign_in EMAIL JAR: prints the status.
sign_in () {
	rm -f "$2"
	curl -s -b "$2" -c "$2" -o /dev/null -w '%{http_code}' --data-urlencode "email=$1" \
		--data-urlencode "login_token=$(http_login_token "$2")" \
		--data-urlencode "password=$PW" "$URL/login"
}
csrf_of () {
	curl -s -b "$1" "$URL$2" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1
}

test_expect_success 'setup: the admin and a member of A sign in' '
	test "$(sign_in admin@x.org admin.jar)" = 303 &&
	test "$(sign_in member@x.org member.jar)" = 303 &&
	csrf_of member.jar /i/$A >member.csrf && test -s member.csrf &&
	csrf_of admin.jar / >admin.csrf && test -s admin.csrf
'

test_expect_success 'payloads through the add forms (a decision, a check-in)' '
	t=$(cat member.csrf) &&
	test_status 303 /i/$A/decisions -b member.jar --data-urlencode "csrf=$t" -d id=d-703 \
		--data-urlencode "title=$S1 $S2" -d category=strategy -d proposed=2016-01-01 \
		-d decided=2016-01-02 -d decider=committee --data-urlencode "contrary_views=$S3 $S1" &&
	test_status 303 /i/$A/checkins -b member.jar --data-urlencode "csrf=$t" -d id=c-703 \
		-d date=2016-04-01 --data-urlencode "progress=* $S1
* [go]($S3)" --data-urlencode "challenges=$S2"
'

test_expect_success 'payloads through the web import (CSV) and the JSON API' '
	sed "s/d-70\([12]\)/d-71\1/" decisions.csv >web-decisions.csv &&
	code=$(curl -s -o .body -w "%{http_code}" -b admin.jar -F "csrf=$(cat admin.csrf)" \
		-F kind=decisions -F "file=@web-decisions.csv" "$URL/i/$A/import") &&
	test "$code" = 303 &&
	test_status 200 /i/$A/decisions/d-711 -b admin.jar &&
	printf "{\"id\": \"d-721\", \"title\": \"%s\", \"category\": \"strategy\", \"proposed\": \"2016-05-02\", \"decided\": \"2016-05-10\", \"decider\": \"team\", \"consulted\": [], \"informed\": [], \"contrary_views\": \"%s\"}" \
		"$S1" "\\\"><img src=x onerror=alert(1)> $S3" >api.json &&
	test_status 201 /api/v1/initiatives/$A/decisions -H "Authorization: Bearer $(cat member.tok)" \
		-H "Content-Type: application/json" --data-binary @api.json
'

# crawl JAR MAX START...: the same-site pages reachable by links, breadth
# first, each level fetched by one curl; the counts go to crawl.JAR. To stay
# fast it keeps one query-string variant of a path (the period forms), every
# record page of A's decisions and check-ins (the payloads live there) and
# two record pages of every other list.
crawl () {
	jar=$1 max=$2
	shift 2
	rm -rf c && mkdir c && : >seen
	for s in "$@"; do echo "$s"; done >queue
	n=0
	while test -s queue && test $n -lt $max; do
		: >cfg
		while read -r p; do
			n=$((n + 1))
			echo "$p" >>seen
			printf 'url = "%s%s"\noutput = "c/b.%d"\n' "$URL" "$p" $n >>cfg
			echo "$n $p" >>c/index
		done <queue
		curl -s -i -b $jar -K cfg -w "%{http_code} %{url_effective}\n" >>c/codes || return 1
		grep -oh "href=\"/[^\"]*\"" $(sed -n "s|^url = .*||; s|^output = \"\(.*\)\"|\1|p" cfg) |
			sed "s/^href=\"//; s/\"\$//; s/&amp;/\\&/g" | grep -v -e "format=" -e "^/static/" -e "^/logout" |
			sort -u | awk -v A=$A -v seen=seen "
			function key(u,  k) {
				if (u ~ /[?]/) { sub(/[?].*/, \"\", u); return \"q \" u }
				if (u ~ \"^/i/\" A \"/(decisions|checkins)/\") return u
				if (u ~ /^[/]i[/][^/]+[/][a-z_]+[/][^/]+\$/ && u !~ /[/](new|map)\$/) {
					sub(/[/][^/]+\$/, \"\", u); return \"r \" u
				}
				return u
			}
			BEGIN { while ((getline l <seen) > 0) { done[l] = 1; c[key(l)]++ } }
			!(\$0 in done) { k = key(\$0); cap = k ~ /^r / ? 2 : 1; if (c[k] < cap) { c[k]++; print } }
			" >queue
	done
	pages=$(wc -l <c/codes)
	bad=$(grep -vc "^[23]" c/codes)
	grep -v "^[23]" c/codes
	# curl -i: each c/b.N holds the response's headers, then its body
	grep -li "^Content-Type: text/html" c/b.* >htmlfiles
	html=$(wc -l <htmlfiles)
	nocsp=$(grep -Li "^Content-Security-Policy: default-src 'none'; script-src 'self'; " \
		$(cat htmlfiles) | tee nocsp | wc -l)
	for f in $(cat nocsp); do
		echo "NO CSP: $(awk -v n=${f#c/b.} "\$1 == n { print \$2 }" c/index)"
	done
	unesc=$(grep -liF -e "<script>alert(1)" -e "<img src=x onerror" -e "href=\"javascript:" \
		-e "src=\"javascript:" -e "onerror=alert(1)>" $(cat htmlfiles) | tee unesc | wc -l)
	for f in $(cat unesc); do
		echo "UNESCAPED in $(awk -v n=${f#c/b.} "\$1 == n { print \$2 }" c/index):"
		grep -oiF -e "<script>alert(1)" -e "<img src=x onerror" -e "href=\"javascript:" $f | head -3
	done
	cp seen seen.$jar
	echo "$pages $html $((html - nocsp)) $((bad + unesc))" >crawl.$jar
}

test_expect_success 'crawl as the admin and as a member: no payload unescaped, CSP on every HTML page' '
	crawl admin.jar 700 / /i/$A /admin/users /admin/audit /import /i/$A/import /i/$A/decisions/d-701 \
		/i/$A/decisions/d-702 /i/$A/decisions/d-703 /i/$A/decisions/d-711 /i/$A/decisions/d-721 \
		/i/$A/checkins/c-701 /i/$A/checkins/c-703 /i/$A/decisions/new /login &&
	crawl member.jar 120 /i/$A /i/$A/decisions/d-701 /i/$A/checkins/c-701 /i/$A/decisions/new &&
	read p1 h1 c1 b1 <crawl.admin.jar &&
	read p2 h2 c2 b2 <crawl.member.jar &&
	echo "R8: $((p1 + p2)) pages crawled ($((h1 + h2)) HTML), $((b1 + b2)) unescaped payloads or errors, CSP on $((c1 + c2))/$((h1 + h2)) HTML responses" >&3 &&
	test $((b1 + b2)) = 0 && test $((c1 + c2)) = $((h1 + h2)) && test $h1 -gt 100 &&
	grep -E -e "^/admin/audit\$" -e "^/admin/users\$" -e "^/i/$A/decisions/d-721\$" seen.admin.jar >want &&
	test $(wc -l <want) = 3 &&
	shown=$(grep -lF "&lt;script&gt;alert(1)" c/b.* | wc -l) &&
	echo "  (the escaped payload is shown on $shown of the member'"'"'s pages)" >&3 &&
	test $shown -gt 10
' 3>&1

test_expect_success 'the payloads are really shown (escaped) where they were put' '
	test_status 200 /i/$A/decisions/d-701 -b admin.jar &&
	test_grep "&lt;script&gt;alert(1)&lt;/script&gt;" .body &&
	test_status 200 /i/$A/checkins/c-703 -b admin.jar &&
	test_grep "&lt;script&gt;alert(1)" .body &&
	test_status 200 / -b admin.jar &&
	test_grep "&lt;script&gt;alert(1)&lt;/script&gt; Challenge" .body
'

test_done
