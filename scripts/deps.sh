#!/bin/sh
# Installs the Debian packages Trellis needs, skipping those already there.
set -e
PKGS="build-essential pkg-config libsqlite3-dev sqlite3 libjansson-dev libcsv-dev
libsodium-dev libmicrohttpd-dev libigraph-dev libxlsxwriter-dev libcmark-dev
libcmocka-dev valgrind curl"
# `deps.sh fuzz` installs what `make fuzz` needs instead: clang and libFuzzer.
test "${1:-}" = fuzz && PKGS="clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
