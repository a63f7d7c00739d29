#!/bin/sh
# The command line's help in Spanish (docs/cli.md): `trellis --help` and
# every command's --help (but serve's body) follow the environment's
# language; English is checked first to hold the words the Spanish check
# looks for, so it can fail.
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

test_done
