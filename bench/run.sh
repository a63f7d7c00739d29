#!/bin/sh
# Benchmarks (`make bench`; PERFORMANCE.md): prints one line per figure,
# each followed by the command that produced it. Never part of `make test`,
# and asserts nothing: figures on a shared machine are for reading.
#
#   demo.report-json    `trellis report --all --format json` on the demo
#                       database, whole process (start, open, load, report,
#                       write), mean over BENCH_RUNS runs
#   demo.report-html    the same with --format html
#   demo.load-only      `trellis settings` on the same database: start, open,
#                       load the whole program, no report — the reference the
#                       two figures above are read against
#   metrics.*           bench/report_bench.c: metrics_report and
#                       metrics_capacity for every demo initiative, in memory,
#                       ms per full pass (and with the JSON written); and
#                       loading the demo program from the database
#   web.*, nginx.*      P3/P5: the signed-in dashboard and the stylesheet under
#                       64 keep-alive connections for BENCH_WEB_SECONDS (default
#                       10) from wrk (Debian's package; the in-tree
#                       tests/reliability/load.c when wrk is missing or
#                       BENCH_CLIENT=load) — req/s, p99, server RSS — and
#                       nginx serving the dashboard's bytes when installed
#
# Environment: BENCH_RUNS (default 50), BENCH_SECONDS (per C figure, default 2),
# BUILD (default build), TRELLIS_BIN (default ./trellis).
# The national-scale workload (bench/gen.c) with P1 and P6 is bench/national.sh
# (`make bench-national`: minutes and gigabytes; P2 and P4 there too;
# docs/benchmarks.md).
cd "$(dirname "$0")/.." || exit 1
set -e
build=${BUILD:-build}
runs=${BENCH_RUNS:-50}
seconds=${BENCH_SECONDS:-2}
trellis=${TRELLIS_BIN:-./trellis}
pkgs="sqlite3 jansson libsodium libmicrohttpd igraph xlsxwriter libcmark"

make -s BUILD="$build" all "$build/libtrellis.a" >/dev/null
mkdir -p "$build/bench"
# Built like the unit tests: the library's own strict flags and -O2.
${CC:-cc} -std=c11 -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wstrict-prototypes \
	-O2 -g -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(pkg-config --cflags $pkgs) -Isrc \
	-o "$build/bench/report_bench" bench/report_bench.c "$build/libtrellis.a" \
	$(pkg-config --libs $pkgs) -lcsv -lm -lpthread

# Kept after the run so that each printed command can be run again by hand.
db=$build/bench/demo.db
rm -f "$db" "$db-wal" "$db-shm"
"$trellis" --db "$db" demo >/dev/null

now_ns () {
	date +%s%N
}

# time_cmd NAME COMMAND...: runs COMMAND $runs times (output discarded) after
# one warm-up run, prints the mean wall time per run.
time_cmd () {
	name=$1
	shift
	"$@" >/dev/null
	t0=$(now_ns)
	i=0
	while test "$i" -lt "$runs"; do
		"$@" >/dev/null
		i=$((i + 1))
	done
	t1=$(now_ns)
	awk -v n="$name" -v t="$((t1 - t0))" -v r="$runs" -v c="$*" 'BEGIN {
		printf "%-34s %9.3f ms per run (mean of %d runs)\n    $ %s\n", n, t / r / 1e6, r, c }'
}

echo "# trellis benchmarks, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(uname -m)"
time_cmd demo.report-json "$trellis" --db "$db" report --all --format json --as-of 2016-12-31
time_cmd demo.report-html "$trellis" --db "$db" report --all --format html --as-of 2016-12-31
time_cmd demo.load-only "$trellis" --db "$db" settings
"$build/bench/report_bench" "$seconds" 2016-12-31 12 "$db" | while IFS= read -r line; do
	echo "$line"
	echo "    $ $build/bench/report_bench $seconds 2016-12-31 12 $db"
done

# P3/P5 (PERFORMANCE.md): the dashboard of one initiative, signed in as an
# admin, under 64 keep-alive connections for BENCH_WEB_SECONDS (default 10)
# from wrk (bench/web.sh; the client shares the machine's cores with the
# server). Same-run references: the stylesheet
# served by the same server, and nginx serving a file of the dashboard's
# bytes when nginx is installed (`apt-get install nginx-light`).
websecs=${BENCH_WEB_SECONDS:-10}
make -s BUILD="$build" "$build/tests/reliability/load" >/dev/null
. bench/web.sh
webdir=$build/bench/web
rm -rf "$webdir"
web_serve "$db" "$webdir"
trap 'web_stop; test -z "${npid:-}" || kill $npid 2>/dev/null || true' EXIT
web_fig web.dashboard "$port" /i/harlow-mills -H "$cookie" -P "$spid"
dash_rps=$rps
web_fig web.static-css "$port" /static/trellis.css -P "$spid"
curl -s -b "$webdir/jar" -o "$webdir/dashboard.html" "$url/i/harlow-mills"
if command -v nginx >/dev/null 2>&1; then
	mkdir -p "$webdir/nginx/logs"
	# A port below the ephemeral range (the client's own connections use
	# those); another one if it is taken.
	try=0
	npid=""
	while test -z "$npid" && test $try -lt 10; do
		nport=$((20000 + (port + try * 997) % 10000))
		try=$((try + 1))
		cat >"$webdir/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $PWD/$webdir/nginx/nginx.pid;
error_log $PWD/$webdir/nginx/logs/error.log;
daemon off;
events { worker_connections 1024; }
http {
	access_log off;
	keepalive_requests 100000000;
	client_body_temp_path $PWD/$webdir/nginx;
	server {
		listen 127.0.0.1:$nport;
		root $PWD/$webdir;
		location / { default_type text/html; }
	}
}
CONF
		nginx -p "$PWD/$webdir/nginx" -c "$PWD/$webdir/nginx/nginx.conf" 2>/dev/null &
		npid=$!
		i=0
		until curl -s -o /dev/null "http://127.0.0.1:$nport/dashboard.html" || test $i -ge 50; do
			kill -0 $npid 2>/dev/null || break
			sleep 0.1
			i=$((i + 1))
		done
		kill -0 $npid 2>/dev/null || npid=""
	done
	if test -n "$npid"; then
		web_fig nginx.same-bytes "$nport" /dashboard.html
		kill $npid 2>/dev/null || true
		awk -v a="$dash_rps" -v b="$rps" 'BEGIN {
			if (a > 0 && b > 0) printf "%-34s %9.2f × nginx serving the same bytes (P3: ≥ 0.6)\n", "web.ratio", a / b
			else printf "%-34s %9s (a run failed)\n", "web.ratio", "-"
			printf "    = web.dashboard.rps / nginx.same-bytes.rps\n" }'
	else
		echo "nginx.same-bytes                   (nginx did not start: $webdir/nginx/logs/error.log)"
	fi
else
	echo "nginx.same-bytes                   (nginx not installed: apt-get install nginx-light for this reference)"
fi
web_stop
