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
#
# Environment: BENCH_RUNS (default 50), BENCH_SECONDS (per C figure, default 2),
# BUILD (default build), TRELLIS_BIN (default ./trellis).
# The national-scale workload and P1–P6 are not here yet (docs/benchmarks.md).
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
