#!/bin/sh
# Spanish for the program team's pages (issue 15, docs/i18n.md): the program
# page and its portfolio, the check-in calendar with the open follow-ups,
# technical assistance, the learning agenda, and the error pages (their
# titles and messages; the API's JSON errors stay English). Each page is
# first fetched in English and found to hold words of the list, so the
# Spanish check can fail.
. "$(dirname "$0")/t02-accounts.sh"
. "$TEST_TOP/tests/http/i18n.sh"

# words a person reads on these pages in English
ENGLISH="$ENGLISH|Funded|initiatives|Stepping|back|up|discuss|Going|well|Funds|Spent|Portfolio|side|balance|mean|Organizations|People|Settings|held|missing|upcoming|month|follow-ups|Hours|Records|Assistance|given|Topic|Provider|Answers|learning|notes|Show|Months|Period|ending|Not|found|allowed|page|address|role|Grants|spent|elapsed|Open|alerts|actions|Scores|quarter|quarters|Candidate|backbones|Compare|Organization|Staff|Revenue|Traits|High|supply|threshold|Next|steps|Create|details|changes|Users|Audit|log|Role|Created|Status|Change|Enable|Disable|Remove|account|accounts|When|What|happened|added|changed|removed|Before|After|Page|Ties|map|ratings|Rate|nonprofit|Import|Export|Download|file|records|Opened|Closed|Results|Responses|rounds"

# mine FILE: the page less what other parts write: the quadrant's SVG and its
# marks' words (view/chart.c), the table of a report's figures (figures.c,
# report_html.c), and the demo's data in English (the learning
# agenda's questions and notes, the names in a picker, the audit log's
# records as JSON)
mine () {
	perl -0pe 's|<svg.*?</svg>||gs; s|<li class="sev-[^"]*">.*?</li>||g;
		s|<p class="text">[^<]*</p>||g; s|<h2 id="q[0-9]+">[^<]*</h2>||g;
		s|<option value="[^"]+"[^>]*>[^<]*</option>||g; s/<li>(?:●|◆|■) [^<]*<\/li>//g;
		s|<input type="checkbox"[^>]*/><label for="[^"]*">[^<]*</label>||g;
		s|<pre>.*?</pre>||gs; s|<table class="figures">.*?</table>||gs' "$1" >"$1.mine"
}

accounts_setup
http_start --dev-cookie

test_expect_success 'sign in (admin, evaluator, member)' '
	test "$(sign_in admin@x.org jar.a)" = 303 &&
	test "$(sign_in eval@x.org jar.e)" = 303 &&
	test "$(sign_in member@x.org jar.m)" = 303
'

# en_then_es PATH JAR WORD...: PATH in English holds each WORD of the list
# (the check can fail), and in Spanish no word of the list
en_then_es () {
	path=$1 jar=$2
	shift 2
	test_status 200 "$path" -b "$jar" -H "Accept-Language: en" &&
	test_grep "<html lang=\"en\">" .body &&
	mine .body && english_left .body.mine >english.en &&
	for w in "$@"; do test_grep "^$w\$" english.en || return 1; done &&
	test_status 200 "$path" -b "$jar" -H "Accept-Language: es" &&
	mine .body && spanish .body.mine
}

test_expect_success 'the program page and its portfolio in Spanish' '
	en_then_es / jar.a Funded Stepping Portfolio Organizations Settings &&
	test_grep "<h2 id=\"glance\">El equilibrio de cada iniciativa</h2>" .body &&
	test_grep "data-sort=\"back\">Hacerse a un lado</a>" .body &&
	test_grep "Cartera: 6 iniciativas" .body &&
	test_grep "aria-label=\"Registros del programa\"" .body
'

test_expect_success 'the portfolio is kept per language: English again after Spanish' '
	test_status 200 / -b jar.a -H "Accept-Language: en" &&
	test_grep "<h2 id=\"glance\">The balance of every initiative</h2>" .body &&
	test_status 200 "/?sort=back&dir=desc" -b jar.a -H "Accept-Language: es" &&
	mine .body && spanish .body.mine &&
	test_status 200 "/?sort=back&dir=desc" -b jar.a -H "Accept-Language: en" &&
	test_grep "Portfolio: 6 initiatives" .body
'

test_expect_success 'the check-in calendar and the open follow-ups in Spanish' '
	en_then_es /program/checkins jar.e held missing month &&
	test_grep "<title>Seguimiento · Trellis</title>" .body &&
	test_grep "aria-label=\"Reuniones de seguimiento por mes\"" .body
'

test_expect_success 'technical assistance in Spanish' '
	en_then_es /program/assistance jar.e Hours Records Assistance given &&
	test_grep "<h2 id=\"hours-h\">Horas por iniciativa</h2>" .body
'

test_expect_success 'the learning agenda in Spanish, for the program and for a team' '
	en_then_es /program/learning jar.e learning notes Show &&
	test_grep "La agenda de aprendizaje del programa" .body &&
	test_status 200 /program/learning -b jar.m -H "Accept-Language: es" &&
	mine .body && spanish .body.mine &&
	test_grep "Usted ve las preguntas de todo el programa" .body
'

test_expect_success 'the portfolio over time in Spanish (the CSV stays English)' '
	en_then_es /program/portfolio jar.e Grants spent Scores quarters &&
	test_grep "<h2 id=\"over-time\">Las iniciativas en el tiempo</h2>" .body &&
	test_grep ">Fondos gastados</a>" .body &&
	test_status 200 /program/portfolio.csv -b jar.e -H "Accept-Language: en" &&
	cp .body en.csv &&
	test_status 200 /program/portfolio.csv -b jar.e -H "Accept-Language: es" &&
	test_cmp en.csv .body
'

test_expect_success 'candidate backbones and their comparison in Spanish' '
	csrf=$(csrf_of jar.a /program/candidates/new) &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -b jar.a -H "Origin: $URL" -d csrf=$csrf \
		-d org=millrace-savings --data-urlencode "round=2" "$URL/program/candidates") &&
	test "$code" = 303 &&
	en_then_es /program/candidates jar.a Candidate Compare Staff Revenue &&
	test_grep "<title>Candidatas a organización central · Trellis</title>" .body &&
	c=$(sed -n "s/.*name=\"c\" value=\"\([^\"]*\)\".*/\1/p" .body | head -n 1) &&
	test -n "$c" &&
	en_then_es "/program/candidates/compare?c=$c" jar.a Staff Traits &&
	test_grep "<th scope=\"row\">Ingresos anuales</th>" .body &&
	test_status 400 "/program/candidates/compare?c=nobody" -b jar.a -H "Accept-Language: es" &&
	test_grep "c: «nobody» no es una candidata" .body
'

test_expect_success 'program settings: the page'"'"'s own words in Spanish' '
	test_status 200 /program/settings -b jar.a -H "Accept-Language: en" &&
	test_grep "Save the settings" .body &&
	test_status 200 /program/settings -b jar.a -H "Accept-Language: es" &&
	test_grep "<html lang=\"es\">" .body &&
	test_grep "Los umbrales que usan el informe de equilibrio" .body &&
	test_grep "Alertas de riesgos</legend>" .body &&
	test_grep "Guardar los ajustes" .body &&
	! grep -E "Save the settings|The thresholds|Pitfall alerts|The default is|the default is" .body
'

test_expect_success 'the set-up pages in Spanish: a new initiative, its details, the program' '
	en_then_es /program/initiatives/new jar.a Create &&
	test_grep "Crear la iniciativa" .body &&
	en_then_es /program/initiatives/harlow-mills jar.a Next steps &&
	test_grep "Próximos pasos" .body &&
	en_then_es /program/edit jar.a details &&
	test_grep "El nombre del programa, quién lo financia y sus fechas." .body
'

test_expect_success 'the admin pages in Spanish: users, the audit log and its sentences' '
	en_then_es /admin/users jar.a Users Role Created Status &&
	test_grep "<h2>Añadir un usuario</h2>" .body &&
	test_grep ">Evaluador — lee todo el programa, nunca las respuestas individuales de las encuestas</option>" .body &&
	en_then_es /admin/audit jar.a When happened Before &&
	test_grep "admin@x.org añadió la candidata millrace-savings." .body &&
	test_grep "root (línea de comandos) añadió la cuenta eval@x.org como evaluador." .body &&
	test_status 200 /admin/audit -b jar.a -H "Accept-Language: en" &&
	test_grep "admin@x.org added candidate millrace-savings." .body
'

test_expect_success 'the network page, its map and its rating form in Spanish' '
	en_then_es /i/harlow-mills/network jar.a Ties map nonprofit &&
	test_grep "<h2>El mapa</h2>" .body &&
	test_grep "data-label=\"Sector\">sin fines de lucro</td>" .body &&
	test_grep "Todas las valoraciones, una por una" .body &&
	en_then_es "/i/harlow-mills/network?rater=harlow-neighborhood-builders" jar.a Rate ratings &&
	test_grep "<th scope=\"col\">Qué tan de cerca trabajan</th>" .body &&
	test_status 200 "/i/harlow-mills/network/map" -b jar.a -H "Accept-Language: es" &&
	test_grep "<title[^>]*>Quién trabaja con quién: la red de aliadas</title>" .body
'

test_expect_success 'import and export in Spanish, for the program and an initiative; an import refused' '
	en_then_es /import jar.a Import Export &&
	test_grep "<title>Importar y exportar: el programa · Trellis</title>" .body &&
	test_grep "Esta exportación es la copia de seguridad del programa" .body &&
	en_then_es /i/harlow-mills/import jar.m Import Export &&
	test_grep "Añada registros a esta iniciativa" .body &&
	csrf=$(csrf_of jar.m /i/harlow-mills/import) &&
	printf "x\n" >datos.txt &&
	code=$(curl -s -o .body -w "%{http_code}" -b jar.m -H "Origin: $URL" -H "Accept-Language: es" \
		-F csrf=$csrf -F file=@datos.txt "$URL/i/harlow-mills/import") &&
	test "$code" = 422 &&
	mine .body && spanish .body.mine &&
	test_grep "<h2>No se importó nada</h2>" .body &&
	test_grep "datos.txt: no es un archivo trellis/1" .body
'

test_expect_success 'survey rounds and their results in Spanish, statements and titles too' '
	en_then_es /i/harlow-mills/surveys/rounds jar.a rounds Opened Results &&
	test_grep "<th class=\"num\">Enlaces creados</th>" .body &&
	test_grep "Dar un paso al frente y saber hacerse a un lado: buenas prácticas y trampas" .body &&
	test_grep "<h2>Abrir una ronda</h2>" .body &&
	test_status 200 /i/harlow-mills/surveys/s-1/results -b jar.a -H "Accept-Language: en" &&
	test_grep "<caption>By statement</caption>" .body &&
	test_status 200 /i/harlow-mills/surveys/s-1/results -b jar.a -H "Accept-Language: es" &&
	test_grep "<html lang=\"es\">" .body &&
	test_grep "<caption>Por afirmación</caption>" .body &&
	test_grep "Se abrió el 4 may 2015 y se cerró el 29 may 2015" .body &&
	test_grep "Un colíder o un comité ejecutivo comparte de verdad" .body &&
	! grep -E "By statement|Everyone|>not shown<|Opened|A co-lead or an executive" .body
'

test_expect_success 'a period that does not read: the form and its messages in Spanish' '
	test_status 400 "/?months=999" -b jar.a -H "Accept-Language: en" &&
	test_grep "There is a problem with the period" .body &&
	test_status 400 "/?months=999" -b jar.a -H "Accept-Language: es" &&
	mine .body && spanish .body.mine &&
	test_grep "Hay un problema con el período" .body &&
	test_grep "El número de meses debe ser un número entero del 1 al 240." .body
'

test_expect_success 'error pages in Spanish: 404, 403; a 404 of another initiative is the same bytes as of none' '
	test_status 404 /no/such/page -b jar.m -H "Accept-Language: en" &&
	test_grep "<title>Not found · Trellis</title>" .body &&
	test_status 404 /no/such/page -b jar.m -H "Accept-Language: es" &&
	mine .body && spanish .body.mine &&
	test_grep "<title>No encontrada · Trellis</title>" .body &&
	test_grep "No hay ninguna página en esta dirección." .body &&
	test_status 404 /i/port-ashby -b jar.m -H "Accept-Language: es" &&
	cp .body other.html &&
	test_status 404 /i/no-such-initiative -b jar.m -H "Accept-Language: es" &&
	test_cmp other.html .body &&
	test_status 403 /admin/users -b jar.e -H "Accept-Language: en" &&
	test_grep "Your role does not allow this." .body &&
	test_status 403 /admin/users -b jar.e -H "Accept-Language: es" &&
	mine .body && spanish .body.mine &&
	test_grep "Su función no le permite hacer esto." .body &&
	test_status 404 /no/such/page -H "Accept-Language: es" &&
	mine .body && spanish .body.mine
'

test_expect_success 'the API answers errors in English whatever the language asked' '
	test_status 404 /api/v1/no-such -H "Accept-Language: es" &&
	test_grep "There is no page at this address." .body
'

test_done
