#!/bin/sh
# The command line's help in Spanish (docs/cli.md): `trellis --help` and
# every command's --help (but serve's body) follow the environment's
# language, as do settings, capacity and the messages about the database;
# English is checked first to hold the words the Spanish check looks for,
# so it can fail.
. "$(dirname "$0")/lib.sh"

# the help's own English words (the usage line's options and names stay as typed)
WORDS='usage:|options:|exit status|show this help|the database file|commands:|the program to act on'
COMMANDS="init import export demo stats report capacity settings check backup user token survey mail"

test_expect_success 'English: trellis --help and each command'"'"'s have the words' '
	"$TRELLIS" --help >en &&
	test $(grep -cE "$WORDS" en) -ge 4 &&
	for c in $COMMANDS; do
		"$TRELLIS" $c --help >en.$c &&
		test $(grep -cE "$WORDS" en.$c) -ge 4 || { echo "$c"; return 1; }
	done
'

test_expect_success 'LANGUAGE=es: trellis --help in Spanish, every command named' '
	LANGUAGE=es "$TRELLIS" --help >es &&
	test_grep "^uso: trellis \[--db PATH\] \[--program SLUG\] COMMAND \[ARGS\]$" es &&
	test_grep "^  report     el informe de equilibrio de una iniciativa o de todas$" es &&
	test_grep "^estado de salida: 0 éxito, 1 fallo, 2 error de uso$" es &&
	! grep -E "$WORDS" es &&
	test $(grep -c "^  [a-z]* *[a-zé]" es) -ge 15
'

test_expect_success 'LANGUAGE=es: each command'"'"'s --help in Spanish, its options too' '
	for c in $COMMANDS; do
		LANGUAGE=es "$TRELLIS" $c --help >es.$c &&
		test_grep "^uso: trellis $c " es.$c &&
		test_grep "^opciones:$" es.$c &&
		test_grep "^  --help             muestra esta ayuda$" es.$c &&
		! grep -E "$WORDS" es.$c || { echo "$c"; cat es.$c; return 1; }
	done &&
	test_grep "^  --lang CODE        el idioma de text y html: en o es" es.report
'

test_expect_success 'a usage error in Spanish names the usage in Spanish' '
	LANGUAGE=es test_expect_code 2 "$TRELLIS" report --months 0 --all 2>err &&
	test_grep "^trellis report: --months: .0. no es un número del 1 al 240$" err &&
	test_grep "^uso: trellis report " err
'

test_expect_success 'settings, capacity and the database messages in Spanish' '
	"$TRELLIS" --db d.db demo >/dev/null 2>&1 &&
	"$TRELLIS" --db d.db settings >en.settings &&
	test_grep "^      dominance alert when more than this share" en.settings &&
	LANGUAGE=es "$TRELLIS" --db d.db settings >es.settings &&
	test_grep "^Ajustes del programa .wcc-demo.:$" es.settings &&
	test_grep "^      alerta de predominio cuando la organización central toma sola" es.settings &&
	! grep -E " alert | at least this|^Settings" es.settings &&
	LANGUAGE=es test_expect_code 1 "$TRELLIS" --db none.db report --all 2>err &&
	test_grep "^trellis: none.db: aquí no hay ninguna base de datos (cree una con .trellis init.)$" err &&
	LANGUAGE=es test_expect_code 1 "$TRELLIS" --db d.db capacity --org nobody 2>err &&
	test_grep "^trellis: no hay ninguna organización .nobody. en el programa .wcc-demo.$" err &&
	LANGUAGE=es "$TRELLIS" --db d.db capacity --org harlow-neighborhood-builders >cap &&
	test_grep "30 empleados, .* al año, 5 de 5 rasgos — alta capacidad" cap
'

test_expect_success 'survey and mail messages in Spanish (a plural form: N enlaces)' '
	LANGUAGE=es "$TRELLIS" --db d.db survey open --initiative harlow-mills --instrument balance \
	    --id es-1 >id &&
	test "$(cat id)" = es-1 &&
	LANGUAGE=es "$TRELLIS" --db d.db survey invite --initiative harlow-mills --survey es-1 --all \
	    >links 2>err &&
	test $(wc -l <links) -gt 1 &&
	test_grep "^[0-9]* enlaces de la encuesta es-1: entregue cada uno solo a su persona (se muestran solo ahora)$" err &&
	LANGUAGE=es "$TRELLIS" --db d.db survey invite --initiative harlow-mills --survey es-1 --all \
	    >links 2>err &&
	test_grep "^todo el equipo ya tiene un enlace de la encuesta es-1$" err &&
	LANGUAGE=es "$TRELLIS" --db d.db survey close --initiative harlow-mills --survey es-1 >out &&
	test_grep "^Encuesta es-1 cerrada$" out &&
	LANGUAGE=es "$TRELLIS" --db d.db mail --list >out 2>err &&
	test_grep "^la bandeja de salida está vacía$" err &&
	LANGUAGE=es test_expect_code 2 "$TRELLIS" --db d.db mail 2>err &&
	test_grep "^trellis mail: indique --send-due o --list$" err
'

test_done
