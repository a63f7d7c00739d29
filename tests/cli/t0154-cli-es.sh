#!/bin/sh
# The command line's messages in Spanish (docs/i18n.md, docs/cli.md): each
# command's success and error paths — init, check, stats, demo, export,
# import (with errors that say FILE:LINE: FIELD: where, the message part
# translated), backup, user, token, serve and serve --help — with
# LANGUAGE=es leave no English word a person reads; with LANGUAGE unset
# they print what they printed before, byte for byte
# (tests/data/cli-messages-en.txt). The English run first shows the words
# the Spanish check looks for, so that check can fail.
. "$(dirname "$0")/lib.sh"

# English words of the messages (codes stay codes: field names, options, roles,
# subcommands; file names are data)
WORDS='Created|Checked|existing|database|holds|program|yet|already|there|wants|whole'
WORDS="$WORDS|number|funded|city|backbone|members|decisions|grants|ledger|credits|events"
WORDS="$WORDS|surveys|ties|initiatives|unknown|format|needs|directory|Imported|records|into"
WORDS="$WORDS|exists|document|time|named|cannot|read|such|expected|object|found|array"
WORDS="$WORDS|supported|required|among|files|make|new|where|destination|please"
WORDS="$WORDS|overwrites|Backed|give|subcommand|takes|short|characters|least"
WORDS="$WORDS|needed|Added|USER|NAME|CREATED|LAST|USED|ROLE|SCOPE|STATUS|active"
WORDS="$WORDS|Removed|shown|only|now|keep|secret|Changed|signed"
WORDS="$WORDS|everywhere|revoked|unexpected|argument|Serves|application|listen|address"
WORDS="$WORDS|default|threads|connections|session|request|requests|options|exit|status"
WORDS="$WORDS|success|failure|usage|the|and|with|not|is|of|to|in|an"

# run TRELLIS: the messages of each command's paths, stdout and stderr
# together, the minute of a clock masked
run () {
	T=$1
	t () {
		"$T" "$@" 2>&1 | sed 's/20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]/DATE TIME/'
	}
	rm -rf ./*.db ./*.db-* csv e.json
	printf 'a long password 1\n' >pw
	printf 'short\n' >short
	: >empty
	printf '{"format": "trellis/1", "program": []}\n' >array.json
	printf '{"format": "x"}\n' >format.json
	printf '{"format": "trellis/1", "program": {"slug": "x"}}\n' >noname.json
	printf 'id,title\n' >decisions.csv
	t --db none.db check
	t --db none.db stats
	t --db d.db init
	t --db d.db init
	t --db d.db init extra
	t --db d.db stats
	t --db d.db check
	t --db demo.db demo
	t --db demo.db demo
	t --db demo.db demo --seed x
	t --db demo.db stats
	t --db demo.db export --format xml
	t --db demo.db export --format csv
	t --db demo.db export --out e.json
	t --db demo.db export --format csv --out csv
	t --db demo.db export --format csv --out e.json
	t --db i.db import e.json
	t --db i.db import e.json
	t --db i.db import
	t --db i.db import a.json b.json
	t --db i.db import notes.txt
	t --db i.db import missing.json
	t --db i.db import array.json
	t --db i.db import format.json
	t --db i.db import noname.json
	t --db c.db import decisions.csv
	t --db c.db import csv/program.csv csv/organizations.csv
	t --db demo.db backup
	t --db demo.db backup a.db b.db
	t --db demo.db backup demo.db
	t --db demo.db backup copy.db
	t --db demo.db user
	t --db demo.db user add
	t --db demo.db user add a@x.org
	t --db demo.db user add a@x.org --role boss --password-file pw
	t --db demo.db user add a@x.org --role member --password-file pw
	t --db demo.db user add nobody --role admin --password-file pw
	t --db demo.db user add a@x.org --role admin --password-file empty
	t --db demo.db user add a@x.org --role admin --password-file short
	t --db demo.db user add a@x.org --role admin --password-file missing
	t --db demo.db user add a@x.org --role admin --password-file pw
	t --db demo.db user add a@x.org --role admin --password-file pw
	t --db demo.db user list
	t --db demo.db user organization a@x.org --organization nowhere
	t --db demo.db user organization b@x.org
	t --db demo.db user password b@x.org --password-file pw
	t --db demo.db user remove b@x.org
	t --db demo.db user frob
	t --db demo.db token
	t --db demo.db token add
	t --db demo.db token add --user b@x.org
	"$T" --db demo.db token add --user a@x.org 2>&1 >/dev/null
	t --db demo.db token list
	t --db demo.db token remove x
	t --db demo.db token remove 99
	t --db demo.db token remove 1
	t --db demo.db token frob
	t --db demo.db user password a@x.org --password-file pw
	t --db demo.db user remove a@x.org
	t --db demo.db serve --threads 0
	t --db demo.db serve --listen nowhere
	t --db demo.db serve extra
	t serve --help
}

# left FILE: the English words a person reads in the messages in FILE, leaving
# out what stays as typed: the usage lines, FILE:LINE: FIELD: locations,
# options and their values, file names and addresses, quoted codes and the
# demo's data (its program, funder and initiatives)
left () {
	grep -vE '^(uso:|usage:|       )' "$1" |
	grep -vE '^(harlow-mills|port-ashby|quarry-bend|wexford-junction|riverton-locks|calder-springs) ' |
	sed -e 's/^[^ ]*:[0-9]*: [a-z._]*: //' -e 's/Atlantic Working Communities Challenge — Round 1//' \
	    -e 's/Atlantic Regional Reserve Bank//' -e 's/`[^`]*`//g' -e "s/'[^']*'//g" \
	    -e 's/--[a-z-]*\( [A-Z][A-Z:|_]*\)\{0,1\}//g' -e 's/[^ ]*[./@][^ ]*//g' |
	grep -owE "$WORDS" | sort -u
}

test_expect_success 'English (LANGUAGE unset): the same bytes as before' '
	run "$TRELLIS" >en &&
	cp "$TEST_DATA/cli-messages-en.txt" want &&
	if test_pg_pass; then
		# a PostgreSQL database is never missing: it holds no program
		# (t0030); trellis backup is SQLite'"'"'s (docs/postgresql.md)
		sed -e "s/^trellis: c.db: no database here, and program.csv is not among the files to make a new program\$/trellis: c.db: the database holds no program yet (\`trellis import\` or \`trellis demo\`)/" \
		    -e "s|^Backed up demo.db to copy.db\$|trellis: copy.db: cannot back up: trellis backup copies a SQLite database; back up PostgreSQL with pg_dump (docs/postgresql.md)|" \
		    "$TEST_DATA/cli-messages-en.txt" >want
	fi &&
	test_cmp want en
'

test_expect_success 'English: the words the Spanish check looks for are there' '
	left en >words &&
	test $(wc -l <words) -gt 60
'

test_expect_success 'LANGUAGE=es: no English word left, locations kept' '
	LANGUAGE=es run "$TRELLIS" >es &&
	left es >words &&
	test_line_count words 0 || { cat words; return 1; }
'

test_expect_success 'LANGUAGE=es: whole sentences, and FILE:LINE: FIELD: where' '
	test_grep "^Se creó una base de datos de Trellis vacía: d.db$" es &&
	test_grep "^Se importó el programa wcc-demo (6 iniciativas, 2216 registros) en i.db$" es &&
	test_grep "^e.json:2: program.slug: ya hay un programa .wcc-demo. en la base de datos$" es &&
	test_grep "^array.json:1: program: se esperaba un objeto y hay una lista$" es &&
	test_grep "^noname.json:1: program.name: es obligatorio$" es &&
	test_grep "^missing.json: no se puede leer: " es &&
	test_grep "^Se importaron 58 registros de 2 archivos CSV en el programa wcc-demo de c.db$" es &&
	test_grep "^trellis: la contraseña es demasiado corta: tiene 5 caracteres y hacen falta al menos 12$" es &&
	test_grep "^Se añadió la cuenta a@x.org con el rol admin$" es &&
	test_grep "^CORREO   ROL        ÁMBITO                CREADO            ESTADO$" es &&
	test_grep "^ID      CUENTA   NOMBRE                CREADO            ÚLTIMO USO$" es &&
	test_grep "^6 iniciativas  " es &&
	test_grep "^Sirve el programa como aplicación web" es &&
	test_grep "(por omisión 64 MiB;$" es
'

test_done
