#!/bin/sh
# Refusals made before a request is read, in the request's language
# (docs/i18n.md): a body too large (413), a fifth upload in flight from one
# address (429) and the CSRF check's 403 (no token, or another site's
# Origin) — a page in Spanish for Accept-Language: es or the lang cookie,
# English otherwise; the API's JSON stays English whatever it asks for.
. "$(dirname "$0")/t02-accounts.sh"
. "$TEST_TOP/tests/http/i18n.sh"

ENGLISH="$ENGLISH|request|larger|than|Too|many|uploads|from|address|once|wait|one|finish"
ENGLISH="$ENGLISH|form|has|expired|did|come|Go|back|reload|page|send|again|change|was|sent"
ENGLISH="$ENGLISH|another|site|so|refused|Back|start"

accounts_setup
"$TRELLIS" --db "$HTTP_DB" token add --user admin@x.org >admin.tok 2>/dev/null ||
	{ echo "not ok - setup"; exit 1; }
http_start --dev-cookie
UPLOADERS=""
trap 'for p in $UPLOADERS; do kill "$p" 2>/dev/null; done; http_kill; rm -rf "$TEST_DIR"' EXIT

test_expect_success '413: English without a language' '
	test_status 413 / -X POST -H "Content-Length: 20000000" &&
	test_grep "<html lang=\"en\">" .body &&
	test_grep "The request is larger than 1 MiB." .body
'

test_expect_success '413: Spanish for Accept-Language: es, and for the lang cookie' '
	test_status 413 / -X POST -H "Content-Length: 20000000" -H "Accept-Language: es" &&
	spanish .body &&
	test_grep "La petición ocupa más de 1 MiB." .body &&
	test_status 413 /login -X POST -H "Content-Length: 20000000" -b "lang=es" &&
	spanish .body &&
	test_grep "La petición ocupa más de 1 MiB." .body
'

test_expect_success '413: an upload route says its own limit, in Spanish' '
	test_status 413 /import -X POST -H "Content-Length: 20000000" -H "Accept-Language: es" &&
	spanish .body &&
	test_grep "El archivo ocupa más de 16 MiB." .body
'

test_expect_success '413: the API answers JSON in English, asked for Spanish' '
	test_status 413 /api/v1/program -X POST -H "Content-Length: 20000000" -H "Accept-Language: es" \
	    -H "Authorization: Bearer $(cat admin.tok)" &&
	test_grep "^{\"status\": 413, \"message\": \"The request is larger than 1 MiB.\"}$" .body
'

test_expect_success '429: a fifth upload in flight from one address, refused in Spanish' '
	head -c 200000 /dev/zero | tr "\0" a >slow.body &&
	for i in 1 2 3 4; do
		curl -s -o /dev/null --limit-rate 2K -H "Content-Type: text/plain" \
		    --data-binary @slow.body "$URL/login" &
		UPLOADERS="$UPLOADERS $!"
	done &&
	i=0 &&
	until test "$(http_get /login -H "Accept-Language: es" -H "Content-Type: text/plain" \
	    --data-binary @slow.body)" = 429 || test $i -ge 100; do sleep 0.1; i=$((i + 1)); done &&
	test_grep "^Retry-After: 10$" .head &&
	spanish .body &&
	test_grep "Hay demasiados envíos de archivos desde su dirección a la vez; espere a que termine alguno." .body &&
	test "$(http_get /login -H "Content-Type: text/plain" --data-binary @slow.body)" = 429 &&
	test_grep "Too many uploads from your address at once; wait for one to finish." .body &&
	for p in $UPLOADERS; do kill "$p" 2>/dev/null; done; UPLOADERS=""
'

test_expect_success 'CSRF 403: a form without its token, in Spanish and in English' '
	sign_in admin@x.org jar >/dev/null &&
	test_status 403 /account -b jar -H "Accept-Language: es" -d digest=daily &&
	spanish .body &&
	test_grep "Este formulario ha caducado o no viene de Trellis. Vuelva atrás, recargue la página y envíelo de nuevo." .body &&
	test_status 403 /account -b jar -d digest=daily &&
	test_grep "This form has expired or did not come from Trellis." .body
'

test_expect_success 'CSRF 403: another site'"'"'s Origin, in the lang cookie'"'"'s Spanish' '
	token=$(csrf_of jar /account) &&
	test_status 403 /account -b jar -b "lang=es" -H "Origin: https://evil.example" \
	    --data-urlencode "csrf=$token" -d digest=daily &&
	spanish .body &&
	test_grep "Este cambio se envió desde otro sitio, así que se rechazó." .body
'

test_expect_success 'CSRF 403 of the API: JSON in English, asked for Spanish' '
	test_status 403 /api/v1/program/settings -X PUT -H "Accept-Language: es" \
	    -H "Authorization: Bearer $(cat admin.tok)" -H "Origin: https://evil.example" \
	    -H "Content-Type: application/json" --data "{}" &&
	test_grep "^{\"status\": 403, \"message\": \"This change was sent from another site, so it was refused.\"}$" .body
'

test_done
