#!/bin/sh
# sh tests/pg-run.sh SCRIPT...: runs CLI/HTTP test scripts as the PostgreSQL
# pass of tests/run.sh does (docs/testing.md): one throwaway server
# (tests/pg.sh) for them all, stopped by its PID at exit; each script's output
# as it is, then the CPU time the server's ended processes (its backends:
# each connection, each CREATE DATABASE) took, which time(1) on this script
# does not see. Exit status 1 when a script failed.
cd "$(dirname "$0")/.." || exit 1
TEST_DIR=""
. tests/pg.sh
trap 'pg_stop' EXIT
trap 'exit 130' HUP INT TERM
pg_start || { echo "no PostgreSQL: $PG_WHY"; exit 1; }
TRELLIS_PG_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/trellis-pgcache.XXXXXX") || exit 1
trap 'pg_stop; rm -rf "$TRELLIS_PG_CACHE"' EXIT
PG_SOCK=$PG_DIR
TRELLIS_PG_PASS=1
export PG_SOCK PG_PORT TRELLIS_PG_PASS TRELLIS_PG_CACHE
st=0
for t in "$@"; do
	echo "== $t"
	sh "$t" || st=1
done
# fields 16 and 17 of /proc/PID/stat: the waited-for children's user and
# system time, in clock ticks
awk -v hz="$(getconf CLK_TCK)" '{ printf "# the server'"'"'s backends: %.2f s user, %.2f s system\n", $16 / hz, $17 / hz }' \
    "/proc/$PG_PID/stat" 2>/dev/null
exit $st
