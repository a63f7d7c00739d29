#!/bin/sh
# A program's own instrument in Spanish on its answer page (docs/i18n.md):
# a link made with --lang es shows the instrument's title_es and each
# statement's text_es, and the English statement where no Spanish one was
# given; the switch shows the English ones.
. "$(dirname "$0")/lib.sh"

sed "s/\"instruments\": \[\]/\"instruments\": [\n  {\"code\": \"voz\", \"title\": \"Team voice\", \"title_es\": \"La voz del equipo\", \"items\": [{\"code\": \"heard\", \"text\": \"I am heard.\", \"category\": \"voice\", \"text_es\": \"Me escuchan.\"}, {\"code\": \"asked\", \"text\": \"I am asked.\", \"category\": \"voice\"}]}\n ]/" \
	"$TEST_DATA/small.json" >"$TEST_DIR/es.json"
"$TRELLIS" --db "$TEST_DIR/demo.db" import "$TEST_DIR/es.json" >/dev/null || exit 1
http_start

test_expect_success 'a Spanish link to the program'"'"'s own instrument' '
	"$TRELLIS" --db "$TEST_DIR/demo.db" survey open --initiative i1 --instrument voz --id v1 \
		--date 2016-01-01 >/dev/null &&
	"$TRELLIS" --db "$TEST_DIR/demo.db" survey invite --initiative i1 --survey v1 --all \
		--lang es --url "$URL" >links &&
	test -s links
'

test_expect_success 'its page: the Spanish title and statement, the English one where none is given' '
	p=$(grep -o "/s/[A-Za-z0-9_-]*" links | head -n 1) &&
	test_status 200 "$p" &&
	test_grep "<html lang=\"es\">" .body &&
	test_grep "<h1>La voz del equipo</h1>" .body &&
	test_grep "<legend>1. Me escuchan.</legend>" .body &&
	test_grep "<legend>2. I am asked.</legend>" .body &&
	test_status 200 "$p?lang=en" &&
	test_grep "<h1>Team voice</h1>" .body &&
	test_grep "<legend>1. I am heard.</legend>" .body
'

test_done
