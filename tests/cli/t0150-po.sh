#!/bin/sh
# The translations (docs/i18n.md): every string marked in the sources
# (_(), N_(), P_() — what `make po` extracts) has its Spanish translation in
# po/es.po, none fuzzy; po/es.po compiles with msgfmt --check; its plural
# rule is Spanish's. The check itself fails on a msgid left untranslated.
. "$(dirname "$0")/lib.sh"

# untranslated PO: the msgids that PO leaves untranslated or fuzzy against
# the strings marked in the sources now, one per line ("" when none).
untranslated () {
	(cd "$TEST_TOP" && xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
		--keyword=P_:1,2 -o "$TEST_DIR/now.pot" $(find src -name "*.c" | sort)) &&
	msgmerge --quiet --no-fuzzy-matching -o "$TEST_DIR/merged.po" "$1" "$TEST_DIR/now.pot" &&
	msgattrib --untranslated --no-obsolete "$TEST_DIR/merged.po" >"$TEST_DIR/un.po" &&
	msgattrib --only-fuzzy --no-obsolete "$TEST_DIR/merged.po" >>"$TEST_DIR/un.po" &&
	sed -n "s/^msgid \"\(..*\)\"\$/\1/p" "$TEST_DIR/un.po"
}

test_expect_success 'po/es.po compiles (msgfmt --check) and has Spanish plural forms' '
	msgfmt --check --statistics -o es.mo "$TEST_TOP/po/es.po" 2>stats &&
	test_grep "^[0-9]* translated messages\.\$" stats &&
	test_grep "Plural-Forms: nplurals=2; plural=(n != 1);" "$TEST_TOP/po/es.po"
'

test_expect_success 'the check finds a msgid left without its translation' '
	sed "/^msgid \"Send my answers\"\$/{n;s/.*/msgstr \"\"/}" "$TEST_TOP/po/es.po" >blank.po &&
	! cmp -s blank.po "$TEST_TOP/po/es.po" &&
	untranslated blank.po >left &&
	test_grep "^Send my answers\$" left
'

test_expect_success 'every string marked in the sources has its Spanish translation' '
	untranslated "$TEST_TOP/po/es.po" >left &&
	test_line_count left 0 || { cat left; false; }
'

test_expect_success 'the catalog the build made is po/es.po compiled' '
	test -f "$TEST_TOP/${BUILD:-build}/locale/es/LC_MESSAGES/trellis.mo" &&
	msgunfmt "$TEST_TOP/${BUILD:-build}/locale/es/LC_MESSAGES/trellis.mo" >built.po &&
	test_grep "^msgstr \"Enviar mis respuestas\"\$" built.po
'

test_done
