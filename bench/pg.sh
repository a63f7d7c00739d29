#!/bin/sh
# PostgreSQL beside SQLite (`make bench-pg`; issue 14; docs/benchmarks.md):
# the same bench/gen program on both backends in one run, one line per
# figure, each followed by the command that produced it, as bench/run.sh
# does. Never part of `make test`, and asserts nothing: figures on a shared
# machine are for reading, as same-run ratios.
#
#   import.{sqlite,pg}        `trellis import` of the CSV set (P1's command)
#                             into a new database: wall time, trellis's CPU
#                             (user + system), and on PostgreSQL the
#                             server's CPU too (its backends', read from the
#                             postmaster's cutime + cstime once they exit)
#   report.{sqlite,pg}        `trellis report --initiative X --format json`
#                             (P8), whole process: median of BENCH_PG_RUNS
#                             (default 10) runs over the initiatives in turn
#   web.{sqlite,pg}.*         the signed-in dashboard of the first initiative
#                             under wrk -t2 -c64 for BENCH_WEB_SECONDS
#                             (default 10), as P3 (bench/web.sh)
#   web.pg.two-servers.rps    two `trellis serve` on the one PostgreSQL
#                             database, the same wrk against each at once:
#                             the two req/s summed, beside one server alone
#   report.agree              whether the last run's JSON is the same bytes
#                             on both backends (a check, not a figure)
#   *.ratio                   pg / sqlite (time and req/s alike)
#
# The PostgreSQL server is a throwaway one started by tests/pg.sh (as
# `nobody` when run as root). Environment: PG_BENCH_SCALE (default 0.01:
# 10 initiatives), BENCH_PG_RUNS, BENCH_WEB_SECONDS, BENCH_DIR (default
# $BUILD/bench/pg, kept), BUILD (default build), TRELLIS_BIN (default
# ./trellis).
cd "$(dirname "$0")/.." || exit 1
set -e
build=${BUILD:-build}
trellis=${TRELLIS_BIN:-./trellis}
gen=$build/bench/gen
scale=${PG_BENCH_SCALE:-0.01}
runs=${BENCH_PG_RUNS:-10}
websecs=${BENCH_WEB_SECONDS:-10}
dir=${BENCH_DIR:-$build/bench/pg}
asof=2025-12-31

make -s BUILD="$build" all "$gen" "$build/tests/reliability/load" >/dev/null
rm -rf "$dir"
mkdir -p "$dir"
TEST_DIR=""	# tests/pg.sh's exit trap removes it: nothing of ours
. tests/pg.sh
. bench/web.sh
pg_start || { echo "bench/pg.sh: no PostgreSQL: $PG_WHY" >&2; exit 1; }
spids=""
trap 'for p in $spids; do kill $p 2>/dev/null; done; for p in $spids; do wait $p 2>/dev/null; done; pg_stop' EXIT

echo "# trellis on PostgreSQL beside SQLite, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(uname -m), scale $scale, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(psql -X -A -t -d "$PG_URL" -c 'SHOW server_version' | cut -d' ' -f1 | sed 's/^/PostgreSQL /'), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"

csv=$dir/csv
"$gen" --scale "$scale" --seed 1 --format csv --out "$csv" >/dev/null
sqdb=$dir/bench.db
pgdb=$(pg_createdb bench)

# server_ticks: the clock ticks (user + system) of the PostgreSQL server's
# exited children (its backends, one per trellis connection).
server_ticks () {
	awk '{ print $16 + $17 }' "/proc/$PG_PID/stat"
}

# import NAME DB: P1's import into DB, wall and CPU.
import () {
	t0=$(server_ticks)
	/usr/bin/time -f '%e %U %S' -o "$dir/time.txt" "$trellis" --db "$2" import "$csv"/*.csv >"$dir/import-$1.out"
	sleep 0.2	# the backend has exited: its ticks are the postmaster's
	t1=$(server_ticks)
	read -r wall usr sys <"$dir/time.txt"
	awk -v n="$1" -v w="$wall" -v u="$usr" -v s="$sys" -v t="$((t1 - t0))" -v hz="$(getconf CLK_TCK)" \
	    -v pg="$3" -v c="$trellis --db $4 import $csv/*.csv" 'BEGIN {
		printf "%-34s %9.2f s wall, %.2f s CPU of trellis", "import." n, w, u + s
		if (pg) printf ", %.2f s CPU of the PostgreSQL server", t / hz
		printf "\n    $ %s\n", c }'
	eval "import_$1=$wall"
}
import sqlite "$sqdb" 0 "$sqdb"
import pg "$pgdb" 1 "$pgdb"
awk -v a="$import_pg" -v b="$import_sqlite" 'BEGIN {
	printf "%-34s %9.2f × SQLite'\''s wall time\n    = import.pg / import.sqlite\n", "import.ratio", a / b }'
sqlite3 "$sqdb" "SELECT slug FROM initiative ORDER BY id" >"$dir/slugs.txt"
rows=$(sqlite3 "$sqdb" "SELECT (SELECT count(*) FROM initiative) || ' initiatives, ' ||
	(SELECT count(*) FROM decision) || ' decisions, ' || (SELECT count(*) FROM ledger_entry) || ' payments, ' || (SELECT count(*) FROM observation) || ' observations'" 2>/dev/null || echo "?")
echo "# the program: $rows"

median () {
	sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# report NAME DB: P8's one-initiative report, $runs runs over the slugs in
# turn after one warm-up run; the median wall time.
report () {
	first=$(head -n 1 "$dir/slugs.txt")
	nslugs=$(wc -l <"$dir/slugs.txt")
	"$trellis" --db "$2" report --initiative "$first" --format json --as-of $asof >/dev/null
	: >"$dir/report-$1.ms"
	i=0
	while test $i -lt "$runs"; do
		slug=$(sed -n "$((i % nslugs + 1))p" "$dir/slugs.txt")
		t0=$(date +%s%N)
		"$trellis" --db "$2" report --initiative "$slug" --format json --as-of $asof >"$dir/report-$1.json"
		t1=$(date +%s%N)
		echo "$(((t1 - t0) / 1000))" >>"$dir/report-$1.ms"
		i=$((i + 1))
	done
	m=$(median "$dir/report-$1.ms")
	awk -v n="$1" -v m="$m" -v r="$runs" -v c="$trellis --db $2 report --initiative SLUG --format json --as-of $asof" 'BEGIN {
		printf "%-34s %9.1f ms median of %d runs\n    $ %s  (SLUG: each initiative in turn)\n", "report." n, m / 1000, r, c }'
	eval "report_$1=$m"
}
report sqlite "$sqdb"
report pg "$pgdb"
# the last run's two reports (the same initiative): the same bytes
if cmp -s "$dir/report-sqlite.json" "$dir/report-pg.json"; then agree="the same bytes"; else agree="DIFFER"; fi
printf "%-34s %9s (%s)\n    $ cmp %s %s\n" report.agree "$agree" "the last run's JSON on each backend" \
	"$dir/report-sqlite.json" "$dir/report-pg.json"
awk -v a="$report_pg" -v b="$report_sqlite" 'BEGIN {
	printf "%-34s %9.2f × SQLite'\''s median\n    = report.pg / report.sqlite\n", "report.ratio", a / b }'

# P3's dashboard, one server on each backend, one after the other.
dash=/i/$(head -n 1 "$dir/slugs.txt")
web_serve "$sqdb" "$dir/web-sqlite"
spids="$spid"
web_fig web.sqlite.dashboard "$port" "$dash" -H "$cookie" -P "$spid"
web_sqlite=$rps
web_stop
spids=""
web_serve "$pgdb" "$dir/web-pg-a"
a_pid=$spid a_port=$port a_cookie=$cookie
spids="$a_pid"
web_fig web.pg.dashboard "$a_port" "$dash" -H "$a_cookie" -P "$a_pid"
web_pg=$rps
awk -v a="$web_sqlite" -v b="$web_pg" 'BEGIN {
	if (a > 0 && b > 0) printf "%-34s %9.2f × SQLite'\''s req/s\n", "web.ratio", b / a
	else printf "%-34s %9s (a run failed)\n", "web.ratio", "-"
	printf "    = web.pg.dashboard.rps / web.sqlite.dashboard.rps\n" }'

# Two servers on the one PostgreSQL database: the same wrk against each at
# once (each server gets the load one server alone got), requests summed.
web_serve "$pgdb" "$dir/web-pg-b"
b_pid=$spid b_port=$port b_cookie=$cookie
spids="$a_pid $b_pid"
# warm B's copy of the program as A's is
curl -s -o /dev/null -H "$b_cookie" "http://127.0.0.1:$b_port$dash"
wrk -t2 -c64 -d"${websecs}s" -H "$a_cookie" "http://127.0.0.1:$a_port$dash" >"$dir/two-a.wrk" 2>&1 &
wa=$!
wrk -t2 -c64 -d"${websecs}s" -H "$b_cookie" "http://127.0.0.1:$b_port$dash" >"$dir/two-b.wrk" 2>&1 &
wb=$!
wait $wa || true
wait $wb || true
cat "$dir/two-a.wrk" "$dir/two-b.wrk" | awk -v one="$web_pg" \
    -v c="wrk -t2 -c64 -d${websecs}s -H 'Cookie: sid=SESSION' http://127.0.0.1:PORT$dash, for PORT each server's, at once" '
	$1 == "Requests/sec:" { s += $2; n++ }
	/Non-2xx or 3xx responses:/ { err += $NF }
	/Socket errors:/ { for (i = 3; i <= NF; i++) { v = $i; sub(",", "", v); if (v ~ /^[0-9]+$/) err += v } }
	END {
		printf "%-34s %9.2f req/s summed over %d servers, %d errors (wrk)\n    $ %s\n", "web.pg.two-servers.rps", s, n, err, c
		if (one > 0) printf "%-34s %9.2f × one server alone\n    = web.pg.two-servers.rps / web.pg.dashboard.rps\n", "web.pg.two-servers.ratio", s / one }'
