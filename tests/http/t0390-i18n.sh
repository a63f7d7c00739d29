#!/bin/sh
# Languages (docs/i18n.md): the page's language from ?lang= (remembered in a
# cookie, and as a signed-in person's own setting), the account's setting,
# Accept-Language (q-values; a hostile header costs nothing), the program's
# "lang" setting; <html lang> follows. The pages translated so far read in
# Spanish with no English word from a list left; a survey link made with
# --lang es answers in Spanish, with a switch, and its answers pool with
# those given in English.
. "$(dirname "$0")/t02-accounts.sh"
. "$TEST_TOP/tests/http/i18n.sh"

accounts_setup
http_start --dev-cookie

test_expect_success 'the list of English words finds the English sign-in page (the check can fail)' '
	test_status 200 /login &&
	test_grep "<html lang=\"en\">" .body &&
	english_left .body >english &&
	test_grep "^Password\$" english &&
	test_grep "^Sign\$" english
'

test_expect_success 'Accept-Language es: the sign-in page in Spanish, with the switch' '
	test_status 200 /login -H "Accept-Language: es-MX,es;q=0.9,en;q=0.8" &&
	spanish .body &&
	test_grep "<label for=\"password\">Contraseña</label>" .body &&
	test_grep "<title>Iniciar sesión · Trellis</title>" .body &&
	test_grep "<nav class=\"langs\" aria-label=\"Idioma\">" .body &&
	test_grep "<a href=\"/login?lang=en\" lang=\"en\" hreflang=\"en\">English</a>" .body &&
	test_grep "<a href=\"/login?lang=es\" lang=\"es\" hreflang=\"es\" aria-current=\"true\">Español</a>" .body
'

test_expect_success 'q-values decide: the highest wins, q=0 never, a bad weight is skipped' '
	test_status 200 /login -H "Accept-Language: es;q=0.5, en;q=0.8" &&
	test_grep "<html lang=\"en\">" .body &&
	test_status 200 /login -H "Accept-Language: fr, es;q=0.3" &&
	test_grep "<html lang=\"es\">" .body &&
	test_status 200 /login -H "Accept-Language: es;q=0" &&
	test_grep "<html lang=\"en\">" .body &&
	test_status 200 /login -H "Accept-Language: es;q=2, de" &&
	test_grep "<html lang=\"en\">" .body &&
	test_status 200 /login -H "Accept-Language: ES-us ; q=1.000" &&
	test_grep "<html lang=\"es\">" .body
'

test_expect_success 'a hostile Accept-Language: 200 and bounded (ranges past the first 32 are not read)' '
	long=$(awk "BEGIN { for (i = 0; i < 40; i++) printf \"xx-%d;q=0.1,\", i; printf \"es\" }") &&
	test_status 200 /login -H "Accept-Language: $long" &&
	test_grep "<html lang=\"en\">" .body &&
	junk=$(awk "BEGIN { for (i = 0; i < 2000; i++) printf \";;,,q=\" }") &&
	test_status 200 /login -H "Accept-Language: $junk"
'

test_expect_success '?lang=es: Spanish now, remembered in a cookie; the switch keeps the query' '
	rm -f jar &&
	test_status 200 "/login?next=/account&lang=es" -c jar &&
	spanish .body &&
	test_grep "^Set-Cookie: lang=es; Path=/; Max-Age=31536000; SameSite=Lax\$" .head &&
	test_grep "href=\"/login?next=/account&amp;lang=en\"" .body &&
	test_status 200 /login -b jar &&
	spanish .body &&
	test_status 200 /login?lang=xx -b jar &&
	spanish .body
'

test_expect_success 'the account: its own language, saved from /account, then on every page' '
	test "$(sign_in member@x.org jar.m)" = 303 &&
	test_status 200 /account -b jar.m &&
	test_grep "<html lang=\"en\">" .body &&
	test_grep "id=\"lang-none\" value checked=\"checked\"" .body &&
	csrf=$(csrf_of jar.m /account) &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -b jar.m -H "Origin: $URL" \
		-d csrf=$csrf -d digest=none -d lang=es "$URL/account") &&
	test "$code" = 303 &&
	test_status 200 /account -b jar.m -H "Accept-Language: en" &&
	spanish .body &&
	test_grep "id=\"lang-es\" value=\"es\" checked=\"checked\"" .body &&
	test_grep "Ha iniciado sesión como" .body &&
	test_status 200 /i/harlow-mills -b jar.m &&
	test_grep "<html lang=\"es\">" .body &&
	test_grep ">Equipo y roles</a>" .body &&
	code=$(curl -s -o /dev/null -w "%{http_code}" -b jar.m -H "Origin: $URL" \
		-d csrf=$csrf -d digest=none -d lang=fr "$URL/account") &&
	test "$code" = 422
'

test_expect_success 'the switch saves a signed-in person'"'"'s choice (same site), not a cross-site link' '
	test "$(sign_in viewer@x.org jar.v)" = 303 &&
	test_status 200 "/account?lang=es" -b jar.v -H "Sec-Fetch-Site: cross-site" &&
	spanish .body &&
	test_status 200 /account -b jar.v &&
	test_grep "<html lang=\"en\">" .body &&
	test_status 200 "/account?lang=es" -b jar.v -H "Sec-Fetch-Site: same-origin" &&
	test "$(sign_in viewer@x.org jar.v2)" = 303 &&
	test_status 200 /account -b jar.v2 &&
	spanish .body &&
	test_grep "id=\"lang-es\" value=\"es\" checked=\"checked\"" .body
'

test_expect_success 'the program'"'"'s default: settings lang es, for whoever asks for nothing' '
	"$TRELLIS" --db "$TEST_DIR/demo.db" settings lang es >/dev/null &&
	test_status 200 /login &&
	spanish .body &&
	test_status 200 /login -H "Accept-Language: en" &&
	test_grep "<html lang=\"en\">" .body &&
	test_expect_code 2 "$TRELLIS" --db "$TEST_DIR/demo.db" settings lang fr 2>err &&
	test_grep "give a language: en or es" err &&
	"$TRELLIS" --db "$TEST_DIR/demo.db" settings --reset lang >/dev/null &&
	test_status 200 /login &&
	test_grep "<html lang=\"en\">" .body
'

DB="$TEST_DIR/demo.db"
test_expect_success 'a round with links in Spanish and in English' '
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument director-support \
		--id ds-es --date 2017-03-01 >/dev/null &&
	"$TRELLIS" --db "$DB" survey invite --initiative harlow-mills --survey ds-es --lang es \
		--person carmen-brennan --person colm-pereira --person fatima-mensah --url "$URL" >es.links &&
	"$TRELLIS" --db "$DB" survey invite --initiative harlow-mills --survey ds-es \
		--person kwame-kowalski --person mei-doyle --person patrick-marchetti --url "$URL" >en.links &&
	test_line_count es.links 3 && test_line_count en.links 3 &&
	test_expect_code 2 "$TRELLIS" --db "$DB" survey invite --initiative harlow-mills --survey ds-es \
		--lang fr --all 2>err &&
	test_grep "not a language Trellis speaks" err
'

# path N FILE: the path of the Nth link of FILE
path () { sed -n "$1p" "$2" | grep -o "/s/[A-Za-z0-9_-]*"; }

test_expect_success 'a Spanish link: the answer page in Spanish, whatever the browser asks' '
	p=$(path 1 es.links) &&
	test_status 200 "$p" -H "Accept-Language: en" &&
	spanish .body &&
	test_grep "<legend>1. El equipo confía en que la dirección de la iniciativa lleve adelante el trabajo.</legend>" .body &&
	test_grep "Muy de acuerdo</label>" .body &&
	test_grep "<button type=\"submit\">Enviar mis respuestas</button>" .body &&
	test_grep "<title>Apoyo a la dirección de la iniciativa · Trellis</title>" .body &&
	test_grep "<form method=\"post\" action=\"$p\"" .body
'

test_expect_success 'its switch: in English on asking, and the form keeps the choice' '
	p=$(path 1 es.links) &&
	test_status 200 "$p?lang=en" &&
	test_grep "<html lang=\"en\">" .body &&
	test_grep "The team trusts the initiative director to lead the work." .body &&
	test_grep "<form method=\"post\" action=\"$p?lang=en\"" .body
'

test_expect_success 'an answer missing in Spanish: 422, the message in Spanish beside the question' '
	p=$(path 1 es.links) &&
	test_status 422 "$p" -d trusted=4 &&
	spanish .body &&
	test_grep "<span>Error: </span>Elija una respuesta, de «muy en desacuerdo» a «muy de acuerdo».</p>" .body &&
	test_grep "href=\"#supported\">Pregunta 2" .body
'

# answer_all FILE: answers every link of FILE with 4 to each question
answer_all () {
	for n in 1 2 3; do
		code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d trusted=4 -d supported=4 \
			-d works_for_initiative=4 -d shared_oversight=4 "$URL$(path $n "$1")") || return 1
		echo "$code"
	done
}

test_expect_success 'the answers in Spanish: thanks in Spanish; the used link says so in Spanish' '
	answer_all es.links >codes &&
	test "$(sort -u codes)" = "303 $URL/s/thanks?l=es" &&
	test_status 200 "/s/thanks?l=es" &&
	spanish .body &&
	test_grep "<h1>Gracias</h1>" .body &&
	test_status 410 "$(path 1 es.links)" &&
	spanish .body &&
	test_grep "<h1>Este enlace ya se usó</h1>" .body &&
	test_status 404 /s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA -H "Accept-Language: es" &&
	spanish .body
'

test_expect_success 'answers given in Spanish and in English pool in the same results' '
	answer_all en.links >codes &&
	test "$(sort -u codes)" = "303 $URL/s/thanks" &&
	"$TRELLIS" --db "$DB" survey close --initiative harlow-mills --survey ds-es --date 2017-03-31 &&
	test "$(sign_in admin@x.org jar.a)" = 303 &&
	test_status 200 /i/harlow-mills/surveys/ds-es/results -b jar.a &&
	test_grep "Responses: 6" .body &&
	test_grep "<th scope=\"row\">The team trusts the initiative director to lead the work.</th><td class=\"num\">4.00<span class=\"band strength\"> a strength</span><span class=\"n\"> n = 6</span>" .body
'

test_expect_success 'the rounds page makes links in Spanish too; an unknown language is refused' '
	R=/i/harlow-mills/surveys/rounds &&
	"$TRELLIS" --db "$DB" survey open --initiative harlow-mills --instrument balance \
		--id web-es --date 2017-04-01 >/dev/null &&
	csrf=$(csrf_of jar.a $R) &&
	test_status 422 $R -b jar.a -H "Origin: $URL" -d csrf=$csrf -d action=invite \
		-d survey=web-es -d person=mei-doyle -d lang=fr &&
	test_grep "Choose the links" .body &&
	test_status 200 $R -b jar.a -H "Origin: $URL" -d csrf=$csrf -d action=invite \
		-d survey=web-es -d person=mei-doyle -d lang=es &&
	p=$(grep -o "/s/[A-Za-z0-9_-]\{43\}" .body | head -n 1) &&
	test -n "$p" &&
	test_status 200 "$p" -H "Accept-Language: en" &&
	spanish .body &&
	test_grep "<title>Dar un paso al frente y saber hacerse a un lado: buenas prácticas y trampas · Trellis</title>" .body
'

test_done
