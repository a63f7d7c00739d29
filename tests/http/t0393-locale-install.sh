#!/bin/sh
# `make install` puts the Spanish catalog under PREFIX/share/locale, and the
# installed binary finds it there by itself (docs/i18n.md): its pages are in
# Spanish for a browser that asks, with no TRELLIS_LOCALEDIR and nothing
# of the build tree.
. "$(dirname "$0")/lib.sh"

make -s -C "$TEST_TOP" install-files DESTDIR="$TEST_DIR/root" PREFIX=/opt/t >/dev/null 2>&1
# moved away from where it was installed: it looks beside itself, not at a path built in
mv "$TEST_DIR/root/opt/t" "$TEST_DIR/inst" 2>/dev/null
if test_pg_pass; then
	# the PostgreSQL pass's $TRELLIS runs the installed binary (tests/pgmap.sh)
	test -x "$TEST_DIR/inst/bin/trellis" && http_demo_db &&
		TRELLIS_PG_REAL="$TEST_DIR/inst/bin/trellis" http_start
else
	test -x "$TEST_DIR/inst/bin/trellis" && http_demo_db && TRELLIS="$TEST_DIR/inst/bin/trellis" http_start
fi

test_expect_success 'make install-files: the binary and the catalog under PREFIX' '
	test -x "$TEST_DIR/inst/bin/trellis" &&
	test -f "$TEST_DIR/inst/share/locale/es/LC_MESSAGES/trellis.mo"
'

test_expect_success 'the installed binary serves Spanish from its own share/locale' '
	test -n "$URL" &&
	! grep -q "no translations found" "$TEST_DIR/serve.log" &&
	test_status 200 /login -H "Accept-Language: es" &&
	test_grep "<html lang=\"es\">" .body &&
	test_grep "<h1>Iniciar sesión</h1>" .body
'

test_done
