#!/bin/sh
# The national-scale benchmarks (`make bench-national`; PERFORMANCE.md P1,
# P2, P4-P9): prints one line per figure, each followed by the command that produced
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
#                       B/A (P6: 2×/1× ≤ 2.1, PERFORMANCE.md)
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
#                       the national server's load time and RSS; with wrk
#                       when installed (bench/web.sh)
#   p8.report-initiative `trellis report --initiative X --format json` on
#                       P1's database, whole process, for BENCH_P8_RUNS
#                       (default 20) initiatives spread over it: median,
#                       fastest, slowest (target ≤ 50 ms), and p8.peak
#   all.report-json.S   `trellis report --all --format json` on P1's
#                       database: time and peak RSS (target ≤ 256 MiB)
#   p7.api-write        BENCH_P7_WRITES (default 200) JSON API writes in a
#                       row to one initiative (POST a decision, PATCH it, ...;
#                       a bearer token from `trellis token add`), each timed
#                       by curl: p99 (target ≤ 50 ms), p50, max, errors
#   p5.national.cache-M the server's VmRSS and VmHWM after 10,000 signed-in
#                       dashboard requests over 100 initiatives (the in-tree
#                       client: 4 connections × 2,500, cycling), for each
#                       --cache-mb M of BENCH_P5_CACHE_MB (default "64 16
#                       256"); target ≤ 256 MiB
#   p9.survey-answers   BENCH_P9_CLIENTS (default 64) clients at once, each
#                       GETs its survey link and POSTs its answers (links
#                       from `trellis survey invite --all`, a link for each
#                       person of the team): p99, errors (target 0
#                       errors, p99 ≤ 100 ms)
#
# P2 and P6 reuse P1's CSV set and database (this run's or an earlier one's)
# for P1's scale (and P6's scale 1 when P1's is national). P7 and P9 delete
# what they add (through the API) so that the report's figures stay those
# of the CSV set.
#
# Environment: BENCH_SCALE (P1's scale, default national), BENCH_P2_SCALE
# (default 0.1; PERFORMANCE.md's P2 is national, where the peer needs
# minutes and gigabytes), BENCH_P6_SCALES
# (default "0.1 0.2"; PERFORMANCE.md's full set is "0.1 1 2"), BENCH_P1=0,
# BENCH_P2=0, BENCH_P4=0, BENCH_P6=0, BENCH_P8=0, BENCH_ALL=0, BENCH_P7=0,
# BENCH_P5=0 or BENCH_P9=0 to skip one part (P4, P8, ALL, P7, P5 and P9
# need P1's database), BENCH_CLIENT=load (P3/P4 with the in-tree client
# instead of wrk), BENCH_DIR (default $BUILD/bench/national, kept
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
		# P1's database (this run's or an earlier one's) serves for its scale
		if test "$s" = "$scale" || { test "$s" = 1 && test "$scale" = national; }; then
			db=$dir/trellis-$scale.db
		fi
		if test "$db" = "$dir/trellis-$scale.db" && test -f "$db"; then
			echo "p6.import.$s                       (reusing $db)"
		else
			rm -rf "$csv"
			nice -n 10 "$gen" --scale "$s" --seed 1 --format csv --out "$csv"
			import_db "$csv" "$db"
			made="$made$s "
			line "p6.import.$s" "$trellis --db $db import $csv/*.csv"
		fi
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
			printf "%-34s %9.2f × the time for %.3g × the data (P6: ≤ 2.1 for 2×)\n",
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
		# P1's CSV set and database from an earlier run serve for its scale
		if test "$p2scale" = "$scale" && test -f "$db" && test -f "$csv/initiatives.csv"; then
			echo "p2.import.$p2scale                  (reusing $db and $csv)"
		else
		rm -rf "$csv"
		nice -n 10 "$gen" --scale "$p2scale" --seed 1 --format csv --out "$csv"
		import_db "$csv" "$db"
		line "p2.import.$p2scale" "$trellis --db $db import $csv/*.csv"
		fi
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
	if ! test -f "$natdb"; then
		echo "p4                                 (no $natdb: run with BENCH_P1=1 first)"
	else
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
	trap - EXIT
	fi
fi

# The figures below (issue 10: P8, report --all, P7, P5, P9) use P1's
# database ($dir/trellis-$scale.db, made by this run or an earlier one) and
# leave it as they found it for the report's figures: P7's decisions and
# P9's survey round are deleted afterwards through the API (bench@x.org, its
# API tokens and the data's versions stay).
natdb=$dir/trellis-$scale.db
natok=1
test -f "$natdb" || natok=0

# cpu_ms PID: the CPU time (user + system) process PID has used, in ms.
cpu_ms () {
	awk -v tk="$(getconf CLK_TCK)" '{ printf "%d\n", ($14 + $15) * 1000 / tk }' "/proc/$1/stat"
}

# pct FILE P: the P-th percentile (nearest rank) of the numbers in FILE, one
# a line.
pct () {
	sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 } END {
		if (NR == 0) { print "-"; exit }
		r = int(NR * p / 100); if (r < NR * p / 100) r++; if (r < 1) r = 1
		print v[r] }'
}

if test "${BENCH_P8:-1}" != 0 && test $natok = 0; then
	echo "p8                                 (no $natdb: run with BENCH_P1=1 first)"
elif test "${BENCH_P8:-1}" != 0; then
	# P8: `trellis report --initiative X`, whole process, on BENCH_P8_RUNS
	# (default 20) initiatives spread over the database, one run each
	# after one warm-up run: wall time (date +%s%N around the process),
	# peak RSS and CPU time, user + system (/usr/bin/time: its 10 ms
	# steps average out over the runs, so p8.cpu is the mean).
	p8runs=${BENCH_P8_RUNS:-20}
	n=$(sqlite3 "$natdb" "SELECT count(*) FROM initiative")
	step=$((n / p8runs))
	test $step -ge 1 || step=1
	sqlite3 "$natdb" "SELECT slug FROM initiative ORDER BY id" |
		awk -v s=$step -v r="$p8runs" '(NR - 1) % s == 0 && ++k <= r' >"$dir/p8-slugs.txt"
	first=$(head -n 1 "$dir/p8-slugs.txt")
	nice -n 10 "$trellis" --db "$natdb" report --initiative "$first" --format json --as-of $asof >/dev/null
	: >"$dir/p8-ms.txt"
	: >"$dir/p8-kib.txt"
	: >"$dir/p8-cpu.txt"
	while read -r slug; do
		t0=$(date +%s%N)
		if test -x /usr/bin/time; then
			nice -n 10 /usr/bin/time -f '%M %U %S' -o "$dir/time.txt" "$trellis" --db "$natdb" report \
				--initiative "$slug" --format json --as-of $asof >"$dir/p8-last.json"
		else
			nice -n 10 "$trellis" --db "$natdb" report --initiative "$slug" --format json \
				--as-of $asof >"$dir/p8-last.json"
		fi
		t1=$(date +%s%N)
		echo "$(((t1 - t0) / 1000))" >>"$dir/p8-ms.txt"
		if test -x /usr/bin/time; then
			awk '{ print $1 }' "$dir/time.txt" >>"$dir/p8-kib.txt"
			awk '{ print ($2 + $3) * 1000 }' "$dir/time.txt" >>"$dir/p8-cpu.txt"
		fi
	done <"$dir/p8-slugs.txt"
	runs_done=$(wc -l <"$dir/p8-ms.txt")
	awk -v m="$(pct "$dir/p8-ms.txt" 50)" -v x="$(pct "$dir/p8-ms.txt" 100)" \
	    -v lo="$(pct "$dir/p8-ms.txt" 1)" -v k="$(pct "$dir/p8-kib.txt" 100)" -v r="$runs_done" \
	    -v c="$trellis --db $natdb report --initiative SLUG --format json --as-of $asof  (SLUG: each of $dir/p8-slugs.txt)" 'BEGIN {
		printf "%-34s %9.1f ms median of %d initiatives (fastest %.1f, slowest %.1f; target ≤ 50)\n    $ %s\n", "p8.report-initiative", m / 1000, r, lo / 1000, x / 1000, c
		if (k != "-") printf "%-34s %9.1f MiB peak RSS, largest of the %d runs\n    $ /usr/bin/time -f %%M %s\n", "p8.peak", k / 1024, r, c }'
	test ! -s "$dir/p8-cpu.txt" || awk -v r="$runs_done" '{ s += $1 } END {
		printf "%-34s %9.1f ms CPU (user + system), mean of %d runs\n    $ /usr/bin/time -f \"%%U %%S\" (the same commands)\n", "p8.cpu", s / NR, r }' "$dir/p8-cpu.txt"
fi

if test "${BENCH_ALL:-1}" != 0 && test $natok = 1; then
	# `trellis report --all` on P1's database: time and peak RSS (P2's
	# memory bound: ≤ 256 MiB), each format the CLI has for it.
	measure /dev/null "$trellis" --db "$natdb" report --all --format json --as-of $asof
	line "all.report-json.$scale" "$trellis --db $natdb report --all --format json --as-of $asof"
	test -z "$kib" || awk -v k="$kib" 'BEGIN { printf "%-34s %9.1f MiB peak RSS (target ≤ 256)\n    = all.report-json\n", "all.peak", k / 1024 }'
fi

# api_token: an API token of bench@x.org on $natdb (web_serve added the
# account), in $token.
api_token () {
	token=$("$trellis" --db "$natdb" token add --user bench@x.org --name "bench $1" 2>/dev/null | tail -n 1)
}

if test "${BENCH_P7:-1}" != 0 && test $natok = 1; then
	# P7: BENCH_P7_WRITES (default 200) API writes in a row to one
	# initiative: a new decision (POST), then a change to it (PATCH), and
	# so on, each request timed by curl (time_total), p99 over all of them.
	# The decisions are deleted afterwards (not timed).
	websecs=${BENCH_WEB_SECONDS:-10}
	. bench/web.sh
	trap 'web_stop' EXIT
	web_serve "$natdb" "$dir/web-p7"
	api_token p7
	n=$(sqlite3 "$natdb" "SELECT count(*) FROM initiative")
	slug=$(sqlite3 "$natdb" "SELECT slug FROM initiative ORDER BY id LIMIT 1 OFFSET $((n / 2))")
	api=$url/api/v1/initiatives/$slug/decisions
	stamp=$(date +%s)
	curl -s -o /dev/null -H "Authorization: Bearer $token" "$url/api/v1/initiatives/$slug"
	: >"$dir/p7-times.txt"
	writes=${BENCH_P7_WRITES:-200}
	cpu0=$(cpu_ms $spid)
	i=0
	while test $i -lt $((writes / 2)); do
		id=bench-p7-$stamp-$i
		curl -s -o "$dir/p7-last.json" -w '%{http_code} %{time_total} POST\n' -X POST \
			-H "Authorization: Bearer $token" -H "Content-Type: application/json" \
			--data "{\"id\": \"$id\", \"title\": \"Bench write $i\", \"category\": \"program\", \"proposed\": \"2025-06-01\", \"decided\": \"2025-06-10\", \"decider\": \"team\", \"consulted\": [], \"informed\": []}" \
			"$api" >>"$dir/p7-times.txt"
		curl -s -o "$dir/p7-last.json" -w '%{http_code} %{time_total} PATCH\n' -X PATCH \
			-H "Authorization: Bearer $token" -H "Content-Type: application/json" \
			--data '{"contrary_views": "One partner asked for a pilot first."}' \
			"$api/$id" >>"$dir/p7-times.txt"
		i=$((i + 1))
	done
	cpu1=$(cpu_ms $spid)
	i=0
	while test $i -lt $((writes / 2)); do
		curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $token" "$api/bench-p7-$stamp-$i"
		i=$((i + 1))
	done
	awk '{ print $2 * 1000 }' "$dir/p7-times.txt" >"$dir/p7-ms.txt"
	awk -v p50="$(pct "$dir/p7-ms.txt" 50)" -v p99="$(pct "$dir/p7-ms.txt" 99)" -v mx="$(pct "$dir/p7-ms.txt" 100)" \
	    -v c="curl -X POST|PATCH -H 'Authorization: Bearer TOKEN' -H 'Content-Type: application/json' --data BODY $api[/ID]  ($writes in a row; every time in $dir/p7-times.txt)" '
		($1 == 201 && $3 == "POST") || ($1 == 200 && $3 == "PATCH") { ok++; next }
		{ bad++; if (!first) first = $0 }
		END {
			printf "%-34s %9.1f ms p99 of %d API writes, %d errors (p50 %.1f ms, max %.1f ms; target p99 ≤ 50)\n    $ %s\n", "p7.api-write", p99, ok + bad, bad, p50, mx, c
			if (bad) printf "    first error: %s\n", first }' "$dir/p7-times.txt"
	awk -v c=$((cpu1 - cpu0)) -v w="$writes" 'BEGIN { printf "%-34s %9.1f ms of server CPU (user + system) per write, %d ms for %d\n    = /proc/PID/stat of the server before and after the writes\n", "p7.server-cpu", c / w, c, w }'
	web_stop
	trap - EXIT
fi

if test "${BENCH_P5:-1}" != 0 && test $natok = 1; then
	# P5: the server's memory after 10,000 signed-in dashboard requests over
	# 100 initiatives (4 keep-alive connections of 2,500 requests, each
	# cycling through the 100 dashboards, from the in-tree client: it sends
	# an exact number of requests), once for each --cache-mb of
	# BENCH_P5_CACHE_MB (default "64 16 256"; 64 is serve's default), a new
	# server each time. VmRSS and VmHWM from /proc/PID/status after the
	# last request; the initiative loads counted in the server's log.
	websecs=${BENCH_WEB_SECONDS:-10}
	make -s BUILD="$build" "$build/tests/reliability/load" >/dev/null
	. bench/web.sh
	trap 'web_stop' EXIT
	sqlite3 "$natdb" "SELECT '/i/' || slug FROM initiative ORDER BY id LIMIT 100" >"$dir/p5-paths.txt"
	np=$(wc -l <"$dir/p5-paths.txt")
	for mb in ${BENCH_P5_CACHE_MB:-64 16 256}; do
		web_log=$dir/p5-serve-$mb.log
		web_serve "$natdb" "$dir/web-p5" --cache-mb "$mb"
		web_log=""
		rss0=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$spid/status")
		t0=$(date +%s%N)
		out=$($load -T 3600 -c 4 -k 1 -n 2500 -H "$cookie" -P "$spid" "$port" $(cat "$dir/p5-paths.txt") 2>"$dir/p5-load-$mb.err") || true
		t1=$(date +%s%N)
		awk '$1 == "VmRSS:" || $1 == "VmHWM:" { print $1, $2 }' "/proc/$spid/status" >"$dir/p5-status.txt"
		loads=$(grep -c 'loaded initiative' "$dir/p5-serve-$mb.log" || true)
		web_stop
		echo "$out" | awk -v mb="$mb" -v np="$np" -v l="$loads" -v r0="$rss0" -v t="$((t1 - t0))" \
		    -v st="$(tr '\n' ' ' <"$dir/p5-status.txt")" \
		    -v c="$load -T 3600 -c 4 -k 1 -n 2500 -H 'Cookie: sid=SESSION' -P PID PORT /i/SLUG...  ($np dashboards: $dir/p5-paths.txt; server: $trellis --db $natdb serve --listen 127.0.0.1:0 --dev-cookie --cache-mb $mb)" '{
			for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
			split(st, s, " ")
			printf "%-34s %9.1f MiB VmRSS after %s requests over %d initiatives (VmHWM %.1f MiB, sampled max %.1f MiB, at start %.1f MiB; target ≤ 256)\n", "p5.national.cache-" mb, s[2] / 1024, f["requests"], np, s[4] / 1024, f["rss_max_kib"] / 1024, r0 / 1024
			printf "    %s errors, %.1f s, %s req/s, p99 %s ms, %d initiative loads (the server log)\n    $ %s\n", f["errors"], t / 1e9, f["rps"], f["p99_ms"], l, c }'
	done
	trap - EXIT
fi

if test "${BENCH_P9:-1}" != 0 && test $natok = 1; then
	# P9: BENCH_P9_CLIENTS (default 64) clients answering one survey round
	# at once. `trellis survey open` a round of the balance instrument on
	# one initiative, `trellis survey invite --all` (a link for each person
	# of the team; the first N are used); then each
	# client, all released at the same moment, GETs its link and POSTs an
	# answer (4) to every item the form names (as tests/http/t0700's
	# answer). Each request timed by the client (bench/answers.py, threads
	# of one process; BENCH_P9_CLIENT=shell: a shell and two curls each, as
	# before, whose start-up on the same cores set the p99); an error is a
	# GET not 200 or a POST not 303. The round is deleted afterwards through
	# the API.
	websecs=${BENCH_WEB_SECONDS:-10}
	. bench/web.sh
	trap 'web_stop' EXIT
	web_serve "$natdb" "$dir/web-p9"
	api_token p9
	clients=${BENCH_P9_CLIENTS:-64}
	n=$(sqlite3 "$natdb" "SELECT count(*) FROM initiative")
	slug=$(sqlite3 "$natdb" "SELECT slug FROM initiative ORDER BY id LIMIT 1 OFFSET $((n / 3))")
	sid=bench-p9-$(date +%s)
	"$trellis" --db "$natdb" survey open --initiative "$slug" --instrument balance --id "$sid" --date 2025-12-01 >/dev/null
	"$trellis" --db "$natdb" survey invite --initiative "$slug" --survey "$sid" --all \
		--url "$url" 2>/dev/null | grep -o "http[^[:space:]]*/s/[A-Za-z0-9_-]*" | head -n "$clients" \
		>"$dir/p9-links.txt"
	clients=$(wc -l <"$dir/p9-links.txt")
	rm -rf "$dir/p9" && mkdir -p "$dir/p9"
	if test "${BENCH_P9_CLIENT:-threads}" = shell; then
		p9client="$clients × (curl LINK; curl -d ITEM=4 ... LINK) at once, a shell each"
		i=0 cpids=""
		while read -r link; do
			i=$((i + 1))
			(while ! test -f "$dir/p9/go"; do sleep 0.01; done
			g=$(curl -s -o "$dir/p9/form-$i" -w '%{http_code} %{time_total}' "$link")
			args=""
			for item in $(grep -o 'name="[a-z0-9_]*" value="1"' "$dir/p9/form-$i" | sed 's/name="\([^"]*\)".*/\1/'); do
				args="$args -d $item=4"
			done
			p=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' $args "$link")
			echo "$g GET" >"$dir/p9/t-$i"
			echo "$p POST" >>"$dir/p9/t-$i") &
			cpids="$cpids $!"
		done <"$dir/p9-links.txt"
		sleep 1
		cpu0=$(cpu_ms $spid)
		t0=$(date +%s%N)
		: >"$dir/p9/go"
		wait $cpids
		t1=$(date +%s%N)
		cpu1=$(cpu_ms $spid)
		cat "$dir"/p9/t-* >"$dir/p9-times.txt"
	else
		p9client="$python bench/answers.py $dir/p9-links.txt $dir/p9-times.txt: $clients threads of one process, each its own connection, released together, GET LINK then POST ITEM=4 ..."
		cpu0=$(cpu_ms $spid)
		t0=$(date +%s%N)
		"$python" bench/answers.py "$dir/p9-links.txt" "$dir/p9-times.txt"
		t1=$(date +%s%N)
		cpu1=$(cpu_ms $spid)
	fi
	awk '{ print $2 * 1000 }' "$dir/p9-times.txt" >"$dir/p9-ms.txt"
	awk '$3 == "POST" { print $2 * 1000 }' "$dir/p9-times.txt" >"$dir/p9-post-ms.txt"
	answered=$(sqlite3 "$natdb" "SELECT count(*) FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.ident = '$sid'")
	curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $token" "$url/api/v1/initiatives/$slug/surveys/$sid"
	awk -v p99="$(pct "$dir/p9-ms.txt" 99)" -v p50="$(pct "$dir/p9-ms.txt" 50)" -v mx="$(pct "$dir/p9-ms.txt" 100)" \
	    -v pp99="$(pct "$dir/p9-post-ms.txt" 99)" -v t="$((t1 - t0))" -v k="$clients" -v a="$answered" \
	    -v cpu="$((cpu1 - cpu0))" \
	    -v c="$p9client  (links: $trellis --db $natdb survey invite --initiative $slug --survey $sid --all --url $url, the first $clients links; every time in $dir/p9-times.txt)" '
		($3 == "GET" && $1 == 200) || ($3 == "POST" && $1 == 303) { ok++; next }
		{ bad++; if (!first) first = $0 }
		END {
			printf "%-34s %9.1f ms p99 of %d requests, %d errors (p50 %.1f ms, max %.1f ms; the POSTs alone p99 %.1f ms; target 0 errors, p99 ≤ 100)\n", "p9.survey-answers", p99, ok + bad, bad, p50, mx, pp99
			printf "    %d clients done in %.2f s, %d ms of server CPU; the round then counted %s answers\n    $ %s\n", k, t / 1e9, cpu, a, c
			if (bad) printf "    first error: %s\n", first }' "$dir/p9-times.txt"
	web_stop
	trap - EXIT
fi
