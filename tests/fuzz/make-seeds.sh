#!/bin/sh
# Writes the seed corpus of the fuzz harnesses into tests/fuzz/corpus/
# (committed; rerun after a format change): small valid and invalid inputs
# made from tests/data/small.json and its CSV export. Needs ./trellis.
set -e
top=$(cd "$(dirname "$0")/../.." && pwd)
c=$top/tests/fuzz/corpus
tmp=$(mktemp -d "${TMPDIR:-/tmp}/trellis-seeds.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$c/json" "$c/csv" "$c/text" "$c/html"

# json: the document, truncated, and wrong in a few ways.
small=$top/tests/data/small.json
cp "$small" "$c/json/small.json"
head -c 900 "$small" >"$c/json/truncated.json"
printf '' >"$c/json/empty.json"
printf '{}' >"$c/json/empty-object.json"
printf '{"format": "trellis/2"}' >"$c/json/wrong-format.json"
sed 's/"2015-01-10"/"2015-02-30"/' "$small" >"$c/json/bad-date.json"
sed 's/1000.25/1000.255/' "$small" >"$c/json/bad-money.json"
sed 's/"decider": "bb"/"decider": "nobody"/' "$small" >"$c/json/unknown-ref.json"
awk 'BEGIN { for (i = 0; i < 70; i++) printf "["; for (i = 0; i < 70; i++) printf "]" }' \
    >"$c/json/deep.json"

# csv: each file of the export alone (its kind byte first), and all of them
# as one set (sections separated by NUL bytes).
"$top/trellis" --db "$tmp/s.db" import "$small" >/dev/null
"$top/trellis" --db "$tmp/s.db" export --format csv --out "$tmp/csv"
i=0
: >"$c/csv/all"
for f in program organizations people instruments learning initiatives \
    observations members responsibilities decisions grants ledger applications \
    credits contributions checkins events surveys ties; do
	b=$(printf '\\%03o' "$i")
	{ printf "$b"; cat "$tmp/csv/$f.csv"; } >"$c/csv/$f"
	{ printf "$b"; cat "$tmp/csv/$f.csv"; printf '\000'; } >>"$c/csv/all"
	i=$((i + 1))
done
{ printf '\000'; head -c 40 "$tmp/csv/program.csv"; } >"$c/csv/program-truncated"
{ printf '\011'; printf 'initiative,id,title\n"unterminated,quote\n'; } >"$c/csv/bad-quote"
{ printf '\000'; printf '\357\273\277'; cat "$tmp/csv/program.csv"; } >"$c/csv/program-bom"

# text: parser byte, kind byte, field byte, then the text.
t () { printf "$2" >"$c/text/$1"; }
t date-ok '\000\000\0002015-02-28'
t date-leap '\000\000\0002016-02-29'
t date-bad '\000\000\0002015-02-30'
t money-ok '\001\000\0001234.50'
t money-neg '\001\000\000-3.25'
t money-big '\001\000\00099999999999999.99'
t real-ok '\002\000\0000.1'
t real-exp '\002\000\0001e308'
t field-program-start '\003\000\0032014-01-01'
t field-decision-id '\003\012\000d1'
t field-org-sector '\003\001\002nonprofit'
t field-org-expertise '\003\001\006fundraising;policy-advocacy'
t text-utf8 '\004\000\000caf\303\251\n'
t text-bad '\004\000\000\377\376'

# html: text that needs escaping and text that does not.
printf '<script>alert("x")</script>' >"$c/html/script"
printf "it's & \"quoted\"" >"$c/html/quotes"
printf 'plain text, caf\303\251' >"$c/html/plain"
printf '' >"$c/html/empty"
