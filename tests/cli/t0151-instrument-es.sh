#!/bin/sh
# A program's own survey instruments in Spanish (docs/i18n.md, formats.md):
# trellis/1's optional title_es and text_es are read, stored and written
# back byte for byte in JSON and CSV; written only when present (an item
# without one has no "text_es" key; instruments.csv has the columns only
# when some row uses them), so a program without them exports exactly as
# before and an instruments.csv of the old form still imports.
. "$(dirname "$0")/lib.sh"

# es.json: tests/data/small.json with an instrument whose title and first statement are in Spanish
test_expect_success 'setup: a program with an instrument in both languages' '
	sed "s/\"instruments\": \[\]/\"instruments\": [\n  {\"code\": \"voz\", \"title\": \"Team voice\", \"title_es\": \"La voz del equipo\", \"items\": [{\"code\": \"heard\", \"text\": \"I am heard.\", \"category\": \"voice\", \"text_es\": \"Me escuchan.\"}, {\"code\": \"asked\", \"text\": \"I am asked.\", \"category\": \"voice\"}]}\n ]/" \
		"$TEST_DATA/small.json" >es.json &&
	test_grep "\"title_es\": \"La voz del equipo\"" es.json &&
	"$TRELLIS" --db es.db import es.json >/dev/null
'

test_expect_success 'JSON: exported byte for byte; no text_es key where there is none' '
	"$TRELLIS" --db es.db export >out.json &&
	test_cmp es.json out.json &&
	! grep -q "text_es\": null" out.json &&
	test_grep "{\"code\": \"asked\", \"text\": \"I am asked.\", \"category\": \"voice\"}" out.json
'

test_expect_success 'CSV: the Spanish columns when used, and a round trip to the same bytes' '
	"$TRELLIS" --db es.db export --format csv --out csv &&
	head -n 1 csv/instruments.csv >header &&
	echo "code,title,title_es,items_code,items_text,items_category,items_text_es" >want &&
	test_cmp want header &&
	test_grep "^voz,Team voice,La voz del equipo,heard,I am heard.,voice,Me escuchan.\$" csv/instruments.csv &&
	"$TRELLIS" --db csv.db import csv/*.csv >/dev/null &&
	"$TRELLIS" --db csv.db export --format csv --out csv2 &&
	diff -r csv csv2 &&
	"$TRELLIS" --db csv.db export >back.json &&
	test_cmp es.json back.json
'

test_expect_success 'without Spanish texts: instruments.csv of the old form, written and read' '
	sed "s/, \"title_es\": \"La voz del equipo\"//; s/, \"text_es\": \"Me escuchan.\"//" es.json >en.json &&
	! grep -q _es en.json &&
	"$TRELLIS" --db en.db import en.json >/dev/null &&
	"$TRELLIS" --db en.db export >en-out.json &&
	test_cmp en.json en-out.json &&
	"$TRELLIS" --db en.db export --format csv --out en &&
	echo "code,title,items_code,items_text,items_category" >want &&
	head -n 1 en/instruments.csv >header &&
	test_cmp want header &&
	"$TRELLIS" --db en2.db import en/*.csv >/dev/null &&
	"$TRELLIS" --db en2.db export >en2.json &&
	test_cmp en.json en2.json
'

test_expect_success 'a Spanish column in a file of the old form, or an unknown one: refused where it is' '
	sed "1s/\$/,items_text_fr/; 2,\$s/\$/,x/" en/instruments.csv >bad.csv &&
	mkdir bad && cp en/*.csv bad/ && cp bad.csv bad/instruments.csv &&
	test_expect_code 1 "$TRELLIS" --db bad.db import bad/*.csv 2>err &&
	test_grep "instruments.csv:1: items_text_fr: unknown column" err
'

test_done
