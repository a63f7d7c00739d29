#!/bin/sh
# The balance report in Spanish (docs/i18n.md, docs/cli.md): `trellis report`
# writes text and HTML in the environment's language (LANGUAGE, LC_ALL,
# LC_MESSAGES, LANG, read as gettext reads them) or --lang's; JSON is the
# same bytes in every language. Each Spanish check first finds the English
# words in the English report, so it can fail.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/http/i18n.sh"

# words of the English reports (none of them a word of the Spanish ones)
ENGLISH="$ENGLISH|Backbone|Period|Nothing|raised|discuss|Going|well|Evidence|Stepping|stepping"
ENGLISH="$ENGLISH|Figures|Value|Surveys|Mean|Gap|Change|Partners|staff|revenue|year|traits"
ENGLISH="$ENGLISH|lacks|offered|responses|partners|backbone|months|decisions|made|alone|were"
ENGLISH="$ENGLISH|team|answer|Actions|agreed|due|overdue|minimum|parts|Team|Money|Oversight"
ENGLISH="$ENGLISH|yes|Printed|Trust|Chart|Question|Everyone|more|record|behind|ties|trust"
ENGLISH="$ENGLISH|value|organizations|hours|share|Share|Decisions|tie|named|ring|dashed|target"
ENGLISH="$ENGLISH|baseline|measured|decided|committee|paid|crediting|led|Marked|open|done"
ENGLISH="$ENGLISH|December|October|BALANCE|FIGURES|VALUE|SURVEYS|MEAN|GAP|CHANGE|DISCUSS|GOING|WELL"

# report_words FILE: the English words left in a report, leaving out what is
# data or code: the CSS, figure and item codes (decisions.hhi, shared_leadership),
# and the names and titles of the test's records.
report_words () {
	tr '\n' '\a' <"$1" | sed -e 's|<style>[^<]*</style>||' | tr '\a' '\n' |
	sed -e 's/[A-Za-z]*[._][A-Za-z_.]*//g' -e 's/Backbone Org//g' \
	    -e 's/Invite the partner to the review//g' -e 's/Take the budget to the team//g' \
	    -e 's/We keep the //g' >"$1.clean" &&
	english_left "$1.clean"
}

test_expect_success 'setup: the demo and a small program with answers and actions' '
	"$TRELLIS" --db demo.db demo >/dev/null 2>&1 &&
	"$TRELLIS" --db a.db import "$TEST_DATA/small-actions.json" >/dev/null
'

test_expect_success 'text, English: the words the Spanish check looks for are there' '
	"$TRELLIS" --db demo.db report --initiative quarry-bend --as-of 2016-12-31 >en.txt &&
	test_grep "^TO DISCUSS$" en.txt &&
	report_words en.txt >left &&
	test $(wc -l <left) -gt 20
'

test_expect_success 'text, LANGUAGE=es: in Spanish, no English word left' '
	LANGUAGE=es "$TRELLIS" --db demo.db report --initiative quarry-bend --as-of 2016-12-31 >es.txt &&
	test_grep "^PARA CONVERSAR$" es.txt &&
	test_grep "15 de las 18 decisiones tomadas en los 12 meses hasta el 31 dic 2016 las" es.txt &&
	test_grep "¿Es así como el equipo quiere decidir?" es.txt &&
	test_grep "^  Dar un paso al frente   53 / 100" es.txt &&
	report_words es.txt >left &&
	test_line_count left 0
'

test_expect_success 'text: --lang es is the same as LANGUAGE=es; --lang en overrides it' '
	"$TRELLIS" --db demo.db report --initiative quarry-bend --as-of 2016-12-31 --lang es >lang.txt &&
	test_cmp es.txt lang.txt &&
	LANGUAGE=es "$TRELLIS" --db demo.db report --initiative quarry-bend --as-of 2016-12-31 \
	    --lang en >back.txt &&
	test_cmp en.txt back.txt
'

test_expect_success 'the environment as gettext reads it: LANG, and LANGUAGE ignored under C' '
	env -u LC_ALL LANG=es_US.UTF-8 "$TRELLIS" --db demo.db report --initiative quarry-bend \
	    --as-of 2016-12-31 >lang.txt &&
	test_cmp es.txt lang.txt &&
	LC_ALL=C LANGUAGE=es "$TRELLIS" --db demo.db report --initiative quarry-bend \
	    --as-of 2016-12-31 >c.txt &&
	test_cmp en.txt c.txt &&
	LANGUAGE=fr:es "$TRELLIS" --db demo.db report --initiative quarry-bend \
	    --as-of 2016-12-31 >fr.txt &&
	test_cmp es.txt fr.txt
'

test_expect_success 'text: plural forms (1 mes, 12 meses; 1 encuesta)' '
	test_grep "^Período: 1 ene 2016 – 31 dic 2016 (12 meses hasta el 31 dic 2016)$" es.txt &&
	test_grep "^  1 encuesta, 3 de la organización central, 6 de las aliadas" es.txt &&
	"$TRELLIS" --db demo.db report --initiative quarry-bend --as-of 2016-12-31 --months 1 \
	    --lang es >m1.txt &&
	test_grep "^Período: 1 dic 2016 – 31 dic 2016 (1 mes hasta el 31 dic 2016)$" m1.txt
'

test_expect_success 'text: the team'"'"'s answers and actions, and the summary, in Spanish' '
	"$TRELLIS" --db a.db report --initiative i1 --as-of 2016-12-31 >a-en.txt &&
	report_words a-en.txt >left && test $(wc -l <left) -gt 10 &&
	"$TRELLIS" --db a.db report --initiative i1 --as-of 2016-12-31 --lang es >a-es.txt &&
	test_grep "^    La respuesta del equipo (diciembre de 2016):$" a-es.txt &&
	test_grep "Invite the partner to the review — Partner A, vence el 31 ene 2017 · abierta$" a-es.txt &&
	test_grep "^  - Predominio de la organización central, octubre de 2016: " a-es.txt &&
	report_words a-es.txt >left &&
	test_line_count left 0 &&
	"$TRELLIS" --db demo.db report --all --summary --as-of 2016-12-31 --lang es >sum.txt &&
	test_grep "^INICIATIVA  *A UN LADO  AL FRENTE$" sum.txt &&
	test_grep "^    para conversar: blurred_boundaries$" sum.txt &&
	report_words sum.txt >left &&
	test_line_count left 0
'

test_expect_success 'JSON: the same bytes in Spanish (observations and questions stay English)' '
	"$TRELLIS" --db demo.db report --all --as-of 2016-12-31 --format json >en.json &&
	LANGUAGE=es "$TRELLIS" --db demo.db report --all --as-of 2016-12-31 --format json >es.json &&
	test_cmp en.json es.json &&
	"$TRELLIS" --db a.db report --initiative i1 --as-of 2016-12-31 --format json >en.json &&
	"$TRELLIS" --db a.db report --initiative i1 --as-of 2016-12-31 --format json --lang es >es.json &&
	test_cmp en.json es.json
'

test_expect_success 'HTML: <html lang="es">, no English word left (the charts and map included)' '
	"$TRELLIS" --db a.db report --initiative i1 --as-of 2016-12-31 --format html >en.html &&
	report_words en.html >left && test $(wc -l <left) -gt 30 &&
	"$TRELLIS" --db a.db report --initiative i1 --as-of 2016-12-31 --format html --lang es >es.html &&
	test_grep "<html lang=\"es\">" es.html &&
	test_grep "<title>Informe de equilibrio: Init</title>" es.html &&
	report_words es.html >left &&
	test_line_count left 0 &&
	LANGUAGE=es "$TRELLIS" --db demo.db report --initiative quarry-bend --as-of 2016-12-31 \
	    --format html >demo.html &&
	test_grep "Nadie respondió\|Quién trabaja con quién: la red de aliadas" demo.html &&
	test_grep "La persona que dirige la iniciativa, Walter Kim, rinde cuentas solo a su" demo.html
'

test_expect_success 'a bad --lang is a usage error, in the language of the messages' '
	test_expect_code 2 "$TRELLIS" --db a.db report --all --lang fr 2>err &&
	test_grep "^trellis report: --lang: .fr. is not en or es$" err &&
	LANGUAGE=es test_expect_code 2 "$TRELLIS" --db a.db report --all --lang fr 2>err &&
	test_grep "^trellis report: --lang: .fr. no es en ni es$" err
'

test_done
