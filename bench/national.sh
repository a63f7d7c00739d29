#!/bin/sh
# The national-scale benchmarks (`make bench-national`; PERFORMANCE.md P1 and
# P6): prints one line per figure, each followed by the command that produced
# it, as bench/run.sh does. Never part of `make test`: at national scale it
# writes about 2.5 GB and runs for minutes, and asserts nothing.
#
#   gen.csv             bench/gen --scale SCALE --seed 1 --format csv: wall
#                       time and peak RSS (streamed: RSS stays a few MiB)
#   p1.trellis-import   `trellis import` of that CSV set into a new database
#                       (parsed, validated, all or nothing): wall time, peak RSS
#   p1.sqlite3-import   the reference: the sqlite3 shell's `.import --csv` of
#                       the same files into bare tables (TEXT columns made from
#                       the headers, no checks, no indexes), same run
#   p1.ratio, p1.peak   trellis / sqlite3 time (target ≤ 2.0×) and trellis's
#                       peak RSS (target ≤ 256 MiB)
#   p6.report-json.S    `trellis report --all --format json` on the database
#                       of scale S (whole process: open, load, report, write)
#   p6.load-only.S      `trellis settings` on it: open and load, no report
#   p6.import.S         the import of scale S (P1's import, at each scale)
#   p6.ratio.B/A        the report time at scale B over the one at scale A,
#                       for each scale and the one before it, to read against
#                       B/A (P6: 2×/1× ≤ 2.2)
#   p2.trellis          `trellis report --all --format json` on the database
#                       of scale BENCH_P2_SCALE (default 0.1): wall, peak RSS
#   p2.peer             bench/peer/report.py, the pandas peer, over the CSV
#                       set of the same data, same as-of, same run
#   p2.ratio, p2.peak   peer / trellis time (target ≥ 20×) and trellis's peak
#                       RSS (target ≤ 256 MiB)
#   p2.agree            bench/peer/compare.py of the two JSON outputs:
#                       "figures: N agree, M differ" and the same for scores,
#                       alerts and strengths (the first differences in
#                       $dir/p2-compare.txt)
#   p4.*                the signed-in dashboard of the first initiative on
#                       P1's database (BENCH_SCALE) and on the demo, one after
#                       the other, each under 64 keep-alive connections for
#                       BENCH_WEB_SECONDS (default 10), as bench/run.sh's P3;
#                       p4.ratio = national / demo req/s (target ≥ 0.8), and
#                       the national server's load time and RSS
#
# Environment: BENCH_SCALE (P1's scale, default national), BENCH_P2_SCALE
# (default 0.1; PERFORMANCE.md's P2 is national, where the peer needs
# minutes and gigabytes), BENCH_P6_SCALES
# (default "0.1 0.2"; PERFORMANCE.md's full set is "0.1 1 2"), BENCH_P1=0,
# BENCH_P2=0, BENCH_P4=0 or BENCH_P6=0 to skip one part (P4 needs P1's database), BENCH_DIR (default $BUILD/bench/national, kept
# so that each printed command can be run again by hand), BUILD (default
# build), TRELLIS_BIN (default ./trellis), PYTHON (default /usr/bin/python3, the one
# with Debian's pandas). Jobs run under nice -n 10, one at
# a time.
cd "$(dirname "$0")/.." || exit 1
set -e
build=${BUILD:-build}
trellis=${TRELLIS_BIN:-./trellis}
gen=$build/bench/gen
scale=${BENCH_SCALE:-national}
p6scales=${BENCH_P6_SCALES:-0.1 0.2}
dir=${BENCH_DIR:-$build/bench/national}
p2scale=${BENCH_P2_SCALE:-0.1}
python=${PYTHON:-/usr/bin/python3}
asof=2025-12-31

make -s BUILD="$build" all "$gen" >/dev/null
command -v sqlite3 >/dev/null 2>&1 || {
	echo "bench/national.sh: the sqlite3 shell is missing (make deps installs it)" >&2
	exit 1
}
mkdir -p "$dir"
made=" "	# the scales whose CSV set and database this run has made

# measure OUT COMMAND...: runs COMMAND under nice (standard output to
# $dir/last.out), sets $secs (wall) and $kib (peak RSS; "" when
# /usr/bin/time is not there).
measure () {
	out=$1
	shift
	if test -x /usr/bin/time; then
		nice -n 10 /usr/bin/time -f '%e %M' -o "$dir/time.txt" "$@" >"$out"
		read -r secs kib <"$dir/time.txt"
	else
		t0=$(date +%s%N)
		nice -n 10 "$@" >"$out"
		t1=$(date +%s%N)
		secs=$(awk -v t="$((t1 - t0))" 'BEGIN { printf "%.2f", t / 1e9 }')
		kib=""
	fi
}

# line NAME COMMAND: the time and peak RSS of the last measure.
line () {
	awk -v n="$1" -v s="$secs" -v k="$kib" -v c="$2" 'BEGIN {
		if (k == "") printf "%-34s %9.2f s\n    $ %s\n", n, s, c
		else printf "%-34s %9.2f s, peak RSS %.1f MiB\n    $ %s\n", n, s, k / 1024, c }'
}

# import_db CSVDIR DB: a new database of the CSV set, its time measured.
import_db () {
	rm -f "$2" "$2-wal" "$2-shm" "$2-journal"
	measure "$dir/import.out" "$trellis" --db "$2" import "$1"/*.csv
}

echo "# trellis national benchmarks, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(uname -m), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"

if test "${BENCH_P1:-1}" != 0; then
	csv=$dir/csv-$scale
	rm -rf "$csv"
	measure /dev/null "$gen" --scale "$scale" --seed 1 --format csv --out "$csv"
	line "gen.csv ($scale)" "$gen --scale $scale --seed 1 --format csv --out $csv"
	echo "    ($(du -sm "$csv" | cut -f1) MiB, $(cat "$csv"/*.csv | wc -l) lines)"

	db=$dir/trellis-$scale.db
	import_db "$csv" "$db"
	t_secs=$secs t_kib=$kib
	made="$made$scale "
	line p1.trellis-import "$trellis --db $db import $csv/*.csv"

	ref=$dir/sqlite3-$scale.db
	rm -f "$ref"
	for f in "$csv"/*.csv; do
		echo ".import --csv $f $(basename "$f" .csv)"
	done >"$dir/sqlite3-import.sql"
	measure /dev/null sqlite3 "$ref" <"$dir/sqlite3-import.sql"
	line p1.sqlite3-import "sqlite3 $ref < $dir/sqlite3-import.sql  (.import --csv FILE TABLE, one per file)"

	awk -v a="$t_secs" -v b="$secs" -v c="$t_kib" 'BEGIN {
		printf "%-34s %9.2f × the sqlite3 shell (target ≤ 2.0)\n", "p1.ratio", a / b
		printf "    = p1.trellis-import / p1.sqlite3-import\n"
		if (c != "") printf "%-34s %9.1f MiB peak RSS of trellis import (target ≤ 256)\n    = p1.trellis-import\n", "p1.peak", c / 1024 }'
fi

if test "${BENCH_P6:-1}" != 0; then
	prev="" ratios=""
	for s in $p6scales; do
		csv=$dir/csv-$s
		db=$dir/trellis-$s.db
		rm -rf "$csv"
		nice -n 10 "$gen" --scale "$s" --seed 1 --format csv --out "$csv"
		import_db "$csv" "$db"
		made="$made$s "
		line "p6.import.$s" "$trellis --db $db import $csv/*.csv"
		measure /dev/null "$trellis" --db "$db" report --all --format json --as-of $asof
		line "p6.report-json.$s" "$trellis --db $db report --all --format json --as-of $asof"
		test -z "$prev" || ratios="$ratios $prev:$prev_secs:$s:$secs"
		prev=$s prev_secs=$secs
		measure /dev/null "$trellis" --db "$db" settings
		line "p6.load-only.$s" "$trellis --db $db settings"
	done
	# each scale's report time over the one before it
	for r in $ratios; do
		echo "$r" | awk -F: '{
			printf "%-34s %9.2f × the time for %.3g × the data (P6: ≤ 2.2 for 2×)\n",
			    "p6.ratio." $3 "/" $1, $4 / $2, $3 / $1
			printf "    = p6.report-json.%s / p6.report-json.%s\n", $3, $1 }'
	done
fi

if test "${BENCH_P2:-1}" != 0; then
	"$python" -c 'import pandas' 2>/dev/null || {
		echo "bench/national.sh: $python has no pandas (scripts/deps.sh bench installs python3-pandas)" >&2
		exit 1
	}
	csv=$dir/csv-$p2scale
	db=$dir/trellis-$p2scale.db
	# Unless P1 or P6 made this scale's CSV set and database in this run.
	case "$made" in
	*" $p2scale "*) ;;
	*)
		rm -rf "$csv"
		nice -n 10 "$gen" --scale "$p2scale" --seed 1 --format csv --out "$csv"
		import_db "$csv" "$db"
		line "p2.import.$p2scale" "$trellis --db $db import $csv/*.csv"
		;;
	esac
	measure "$dir/p2-trellis.json" "$trellis" --db "$db" report --all --format json --as-of $asof
	t_secs=$secs t_kib=$kib
	line "p2.trellis.$p2scale" "$trellis --db $db report --all --format json --as-of $asof"
	measure "$dir/p2-peer.json" "$python" bench/peer/report.py "$csv" --as-of $asof
	line "p2.peer.$p2scale" "$python bench/peer/report.py $csv --as-of $asof"
	awk -v a="$secs" -v b="$t_secs" -v c="$t_kib" -v k="$kib" 'BEGIN {
		printf "%-34s %9.2f × faster than the pandas peer (target ≥ 20)\n", "p2.ratio", a / b
		printf "    = p2.peer / p2.trellis\n"
		if (c != "") printf "%-34s %9.1f MiB peak RSS of trellis report (target ≤ 256; the peer: %.1f MiB)\n    = p2.trellis\n", "p2.peak", c / 1024, k / 1024 }'
	"$python" bench/peer/compare.py "$dir/p2-trellis.json" "$dir/p2-peer.json" >"$dir/p2-compare.txt" || true
	head -n 2 "$dir/p2-compare.txt" | awk '{ printf "%-34s %s\n", (NR == 1 ? "p2.agree" : ""), $0 }'
	echo "    $ $python bench/peer/compare.py $dir/p2-trellis.json $dir/p2-peer.json  (all of it in $dir/p2-compare.txt)"
fi

if test "${BENCH_P4:-1}" != 0; then
	websecs=${BENCH_WEB_SECONDS:-10}
	make -s BUILD="$build" "$build/tests/reliability/load" >/dev/null
	. bench/web.sh
	natdb=$dir/trellis-$scale.db
	demodb=$dir/demo.db
	test -f "$natdb" || {
		echo "p4                                 (no $natdb: run with BENCH_P1=1 first)"
		exit 0
	}
	rm -f "$demodb" "$demodb-wal" "$demodb-shm"
	"$trellis" --db "$demodb" demo >/dev/null
	trap 'web_stop' EXIT
	web_serve "$demodb" "$dir/web-demo"
	web_fig p4.demo-dashboard "$port" /i/harlow-mills -H "$cookie" -P "$spid"
	demo_rps=$rps
	web_stop
	slug=$(sqlite3 "$natdb" "SELECT slug FROM initiative ORDER BY id LIMIT 1")
	t0=$(date +%s%N)
	web_serve "$natdb" "$dir/web-national"
	t1=$(date +%s%N)
	awk -v t="$((t1 - t0))" -v c="$trellis --db $natdb serve --listen 127.0.0.1:0 --dev-cookie" 'BEGIN {
		printf "%-34s %9.2f s to load the program and listen\n    $ %s\n", "p4.national-start", t / 1e9, c }'
	curl -s -H "$cookie" -o "$dir/web-national/first.html" "$url/i/$slug"
	web_fig p4.national-dashboard "$port" "/i/$slug" -H "$cookie" -P "$spid"
	web_stop
	awk -v a="$rps" -v b="$demo_rps" 'BEGIN {
		if (a > 0 && b > 0) printf "%-34s %9.2f × the demo dashboard (target ≥ 0.8)\n", "p4.ratio", a / b
		else printf "%-34s %9s (a run failed)\n", "p4.ratio", "-"
		printf "    = p4.national-dashboard.rps / p4.demo-dashboard.rps\n" }'
fi
