#!/bin/sh
# Installs the Debian packages Trellis needs, skipping those already there.
set -e
PKGS="build-essential pkg-config libsqlite3-dev sqlite3 libjansson-dev libcsv-dev
libsodium-dev libmicrohttpd-dev libigraph-dev libxlsxwriter-dev libcmark-dev
libcmocka-dev valgrind curl"
# Mail (src/mail/, docs/mail.md): libcurl speaks SMTP; the mail tests run
# Debian's aiosmtpd as the SMTP server.
PKGS="$PKGS libcurl4-openssl-dev python3-aiosmtpd"
# The deployment test (tests/http/t0905-deploy.sh, docs/deploy.md): nginx in
# front with a self-signed certificate, systemd-analyze for the units, groff
# for the man page.
PKGS="$PKGS nginx-light openssl systemd groff-base"
# The P2 peer's agreement test (tests/cli/t0096-peer.sh) runs bench/peer/*.py
# with Debian's python3 and pandas.
PKGS="$PKGS python3-pandas"
# PostgreSQL (docs/postgresql.md): the store's second backend links libpq; its
# tests start a throwaway server with Debian's initdb and pg_ctl (tests/pg.sh).
PKGS="$PKGS libpq-dev postgresql"
# Languages (docs/i18n.md): xgettext, msgmerge and msgfmt build po/ into
# build/locale; the server picks a language per request with uselocale(),
# which needs the es_US.UTF-8 locale generated (below).
PKGS="$PKGS gettext locales"
# The browser tests (tests/e2e, docs/testing.md): Debian's chromium, driven by
# playwright-core from npm, and a font so screenshots show text. Node.js and
# npm come from Debian only when the machine has no node of its own.
PKGS="$PKGS chromium fonts-liberation"
command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs"
command -v npm >/dev/null 2>&1 || PKGS="$PKGS npm"
# `deps.sh fuzz` installs what `make fuzz` needs instead: clang and libFuzzer.
test "${1:-}" = fuzz && PKGS="clang libclang-rt-14-dev"
# `deps.sh bench` installs what `make bench` and `make bench-national` need
# besides: the pandas peer (P2), wrk and nginx (P3, PERFORMANCE.md).
test "${1:-}" = bench && PKGS="python3-pandas wrk nginx-light"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
if [ -n "$missing" ]; then
	echo "deps: installing$missing"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
# The Spanish of the United States' residents (es_US: numbers as in en_US),
# for gettext under uselocale(); generated once.
if [ -z "${1:-}" ] && ! locale -a 2>/dev/null | grep -qix 'es_US.utf8'; then
	echo "deps: generating the es_US.UTF-8 locale"
	$SUDO sed -i 's/^# *\(es_US.UTF-8 UTF-8\)/\1/' /etc/locale.gen
	grep -q '^es_US.UTF-8 UTF-8' /etc/locale.gen ||
		echo 'es_US.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
	$SUDO locale-gen >/dev/null
fi
