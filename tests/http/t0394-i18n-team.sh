#!/bin/sh
# Spanish (issue 15) on the initiative's own pages (docs/i18n.md): the record
# lists, a record's page and its forms, their errors beside the field, the
# team page, the shared result, the proposals, an alert's answer page and
# the program's open actions. Each page read in English first has words of
# the list below (so the check can fail), then in Spanish has none of them.
# The API stays English whatever the request asks for, and the overview
# kept in the cache is kept per language.
. "$(dirname "$0")/t02-accounts.sh"
. "$TEST_TOP/tests/http/i18n.sh"

# English words these pages show. It replaces i18n.sh's list rather than
# extending it: that list's "the", "and", "with" … are in the demo's own
# names and titles (data, shown as typed); none of these words is.
ENGLISH='Save|Delete|Change|Filter|Download|Budget|Actual|Ledger|Grants|Decisions|Members|Responsibilities|Measurements|Progress|Months|Proposals|Proposal|Answer|Reason|Organization|overdue|Owner|Due|records|optional|choose|required|Event|Expected|Attended|Value|Date|Category|Decider|Consulted|Informed|Title|Amount|Recipient|Grant|Kind|Line|Outcome|Proposed|Decided|Contrary|Back|Other|periods|Object|Previous|Next|Page'

accounts_setup
"$TRELLIS" --db demo.db token add --user admin@x.org >admin.tok 2>/dev/null
http_start --dev-cookie
I=/i/harlow-mills
ES='Accept-Language: es'

test_expect_success 'setup: the admin signed in, a proposal opened' '
	test "$(sign_in admin@x.org jar)" = 303 &&
	http_get /api/v1/initiatives/harlow-mills/proposals -X POST \
		-H "Authorization: Bearer $(cat admin.tok)" -H "Content-Type: application/json" \
		--data "{\"title\": \"Hire a shared evaluator\", \"body\": \"One for all.\",
		 \"category\": \"personnel\", \"closes\": \"2099-01-31\", \"decider\": \"committee\",
		 \"asked\": [\"harlow-public-schools\", \"harlow-city-planning\"]}" >status &&
	test "$(cat status)" = 201 &&
	sed -n "s/.*\"id\": *\"\\([^\"]*\\)\".*/\\1/p" .body >pid &&
	test -s pid &&
	http_get "/api/v1/initiatives/harlow-mills/proposals/$(cat pid)/answers" -X POST \
		-H "Authorization: Bearer $(cat admin.tok)" -H "Content-Type: application/json" \
		--data "{\"org\": \"harlow-public-schools\", \"answer\": \"concerns\",
		 \"reason\": \"Too soon\"}" >status &&
	test "$(cat status)" = 201
'

# both PATH NAME: the page in English has words of the list, in Spanish none
both () {
	test_status 200 "$1" -b jar &&
	test_grep "<html lang=\"en\">" .body &&
	english_left .body >"$2.en" &&
	test -s "$2.en" &&
	test_status 200 "$1" -b jar -H "$ES" &&
	cp .body "$2.es.html" &&
	spanish .body
}

test_expect_success 'the record lists: English first, then Spanish' '
	for k in decisions ledger grants applications credits contributions checkins events \
	    responsibilities surveys ties observations actions responses assistance; do
		both "$I/$k" "$k" || { echo "on $k"; exit 1; }
	done
'

test_expect_success 'the program level lists share these pages: in Spanish too' '
	for p in /program/organizations /program/people /program/instruments \
	    /program/learning; do
		both "$p" "$(echo $p | tr / _)" || { echo "on $p"; exit 1; }
	done
'

test_expect_success 'a list in Spanish: its heading, kind words, dates and filters' '
	test_status 200 $I/ledger -b jar -H "$ES" &&
	test_grep "<h1>Dinero: Libro de pagos</h1>" .body &&
	test_grep ">Añadir pago</a>" .body &&
	test_grep ">Descargar CSV</a>" .body &&
	test_grep ">Filtrar</button>" .body &&
	grep -E ">[0-9]{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept|oct|nov|dic) 20[0-9]{2}<" .body >/dev/null &&
	test_grep "Total de los [0-9]* registros de la lista: \\$" .body &&
	test_status 200 $I/checkins -b jar -H "$ES" &&
	test_grep "<h2>Meses con reunión de seguimiento</h2>" .body &&
	test_grep "<th>ene</th>" .body
'

test_expect_success 'a record page, its edit form and the add form in Spanish' '
	both $I/decisions/d-059 decision &&
	test_grep "Modificar decisión" decision.es.html &&
	test_grep "<optgroup label=\"Órganos\"><option value=\"committee\"" decision.es.html &&
	test_grep "<option value=\"strategy\"[^>]*>estrategia</option>" decision.es.html &&
	both $I/decisions/new decision-new &&
	test_grep "<title>Añadir decisión · Trellis</title>" .body &&
	both $I/grants/new grant-new &&
	test_grep "Añadir 2 filas más a «partidas»\\|Añadir [0-9]* filas más" .body
'

test_expect_success 'a form error beside its field: English, then Spanish' '
	csrf=$(csrf_of jar $I/decisions/new) &&
	test -n "$csrf" &&
	http_get $I/decisions -b jar -X POST --data-urlencode "csrf=$csrf" \
		--data-urlencode "title=" --data-urlencode "proposed=2016-02-30" >status &&
	test "$(cat status)" = 422 &&
	test_grep "Fill this in: it is required." .body &&
	test_grep "This is not a real date: give the day, month and year." .body &&
	http_get $I/decisions -b jar -H "$ES" -X POST --data-urlencode "csrf=$csrf" \
		--data-urlencode "title=" --data-urlencode "proposed=2016-02-30" >status &&
	test "$(cat status)" = 422 &&
	test_grep "Complete este dato: es obligatorio." .body &&
	test_grep "Esta no es una fecha real: indique el día, el mes y el año." .body &&
	test_grep "<h2>Hay [0-9]* problemas</h2>" .body &&
	spanish .body
'

test_expect_success 'the team page and the shared result in Spanish' '
	both $I/members team &&
	test_grep "<h2 id=\"oversight\">Comité y dirección</h2>" .body &&
	test_grep "R responsable · A aprueba y rinde cuentas" .body &&
	both $I/observations result &&
	test_grep "Avance hacia la meta" .body &&
	test_grep "Última medición: " .body
'

test_expect_success 'the proposals, a proposal and the answer page of an alert in Spanish' '
	both $I/proposals proposals &&
	test_grep "Abrir una propuesta" .body &&
	both "$I/proposals/$(cat pid)" proposal &&
	test_grep "0 de acuerdo, 1 con reservas, 0 en contra, 1 sin responder" .body &&
	test_grep "Harlow Mills Public Schools está de acuerdo, con reservas — «Too soon» (registrada por admin@x.org en nombre de Harlow Mills Public Schools)" .body &&
	test_grep "<td>De acuerdo, con reservas</td>" .body &&
	test_grep "Abierta hasta el 31 ene 2099" .body &&
	both "$I/alerts/shared_leadership?as_of=2016-12-31&months=12" answer &&
	test_grep "<h2>La respuesta del equipo</h2>" .body &&
	test_grep "diciembre de 2016 · los 12 meses hasta el 31 dic 2016" .body
'

test_expect_success 'an action agreed in Spanish: the saved message, then the open actions' '
	A="$I/alerts/shared_leadership?as_of=2016-12-31&months=12" &&
	csrf=$(csrf_of jar "$A") &&
	http_get "$A" -b jar -H "$ES" -X POST --data-urlencode "csrf=$csrf" -d op=action \
		--data-urlencode "title=Share the minutes" -d owner_org=harlow-public-schools \
		-d due=2017-01-15 >status &&
	test "$(cat status)" = 303 &&
	test_status 200 "$A&saved=action" -b jar -H "$ES" &&
	test_grep "La acción quedó añadida." .body &&
	test_grep "Share the minutes</a>\\|Share the minutes —\\| — Harlow Mills Public Schools, para el 15 ene 2017" .body &&
	spanish .body &&
	test_status 200 /program/actions -b jar &&
	test_grep ">overdue<" .body &&
	test_status 200 /program/actions -b jar -H "$ES" &&
	spanish .body &&
	test_grep "<title>Acciones abiertas · Trellis</title>" .body &&
	test_grep "1 acción abierta en la cartera (vencidas: 1)" .body &&
	test_grep ">vencida<" .body &&
	test_grep "Liderazgo compartido, diciembre de 2016" .body
'

test_expect_success 'the overview is kept per language: Spanish first, then English is English' '
	test_status 200 $I -b jar -H "$ES" &&
	test_grep "<title[^>]*>El equilibrio: hacerse a un lado frente a dar un paso al frente</title>" .body &&
	test_status 200 $I -b jar &&
	test_grep "<html lang=\"en\">" .body &&
	test_grep "<title[^>]*>The balance: stepping back against stepping up</title>" .body &&
	! grep "El equilibrio" .body
'

test_expect_success 'the API stays English when Spanish is asked for' '
	http_get /api/v1/initiatives/harlow-mills/proposals -X POST -H "$ES" \
		-H "Authorization: Bearer $(cat admin.tok)" -H "Content-Type: application/json" \
		--data "{\"title\": \"x\", \"body\": \"y\", \"category\": \"personnel\",
		 \"closes\": \"2099-02-30\", \"decider\": \"committee\", \"asked\": [\"harlow-public-schools\"]}" >status &&
	test "$(cat status)" = 422 &&
	test_grep "is not a real date (YYYY-MM-DD)" .body &&
	! grep "fecha" .body
'

test_done
