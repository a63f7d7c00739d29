# Shell functions for the web figures of bench/run.sh (P3/P5) and
# bench/national.sh (P4): sourced, not run. The caller sets $trellis,
# $build and $websecs (seconds of load per figure), and makes
# $build/tests/reliability/load, the in-tree load client. The figures are
# measured with wrk (Debian's package, PERFORMANCE.md) when it is installed
# (`scripts/deps.sh bench`), else with the in-tree client; BENCH_CLIENT=load
# asks for the in-tree client anyway. Either shares the machine's cores with
# the server.
load=$build/tests/reliability/load
client=${BENCH_CLIENT:-wrk}
webtmp=$build/bench/web-client
command -v wrk >/dev/null 2>&1 || client=load

# web_serve DB DIR [SERVE OPTION...]: adds the admin bench@x.org to DB when
# missing, starts `trellis serve --dev-cookie [SERVE OPTION...]` on a free
# loopback port (its output in DIR, its access log in $web_log, default
# /dev/null) and signs in. Sets $spid, $url, $port and $cookie (the
# session's header).
web_serve () {
	sdb=$1 sdir=$2
	shift 2
	mkdir -p "$sdir"
	printf '%s\n' 'a long password 1' >"$sdir/pw"
	"$trellis" --db "$sdb" user list 2>/dev/null | grep -q 'bench@x\.org' ||
		"$trellis" --db "$sdb" user add bench@x.org --role admin --password-file "$sdir/pw" >/dev/null
	: >"$sdir/serve.out"
	"$trellis" --db "$sdb" serve --listen 127.0.0.1:0 --dev-cookie "$@" >"$sdir/serve.out" 2>"${web_log:-/dev/null}" &
	spid=$!
	# a national program takes seconds to load before the server listens
	i=0
	while ! grep -q '^listening on ' "$sdir/serve.out" && test $i -lt 1200; do
		kill -0 $spid 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	url=$(sed -n 's|^listening on \(http://[^ ]*\)/$|\1|p' "$sdir/serve.out")
	port=${url##*:}
	login_token=$(curl -s -c "$sdir/jar" "$url/login" |
		sed -n 's/.*name="login_token" value="\([^"]*\)".*/\1/p')
	curl -s -b "$sdir/jar" -c "$sdir/jar" -o /dev/null --data-urlencode email=bench@x.org \
		--data-urlencode "login_token=$login_token" \
		--data-urlencode "password=a long password 1" "$url/login"
	cookie="Cookie: sid=$(awk '$6 == "sid" { print $7 }' "$sdir/jar")"
}

# web_stop: stops the server web_serve started, and waits for it.
web_stop () {
	kill $spid 2>/dev/null || true
	wait $spid 2>/dev/null || true
}

# rss_watch PID FILE: samples VmRSS of PID every 50 ms in the background
# until rss_stop, keeping the largest (KiB) in FILE. Sets $wpid.
rss_watch () {
	: >"$2"
	(max=0
	while test -r "/proc/$1/status"; do
		k=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$1/status" 2>/dev/null) || break
		test -n "$k" || break
		if test "$k" -gt "$max"; then max=$k; echo "$max" >"$2"; fi
		sleep 0.05
	done) &
	wpid=$!
}

# rss_stop: stops the sampler rss_watch started.
rss_stop () {
	kill $wpid 2>/dev/null || true
	wait $wpid 2>/dev/null || true
}

# web_fig NAME PORT PATH [-H HEADER] [-P PID]: one run of 64 keep-alive
# connections for $websecs, three lines (req/s, p99, RSS), each with the
# command (a session cookie printed as sid=SESSION). With wrk:
# `wrk -t2 -c64 -d${websecs}s --latency`, errors are non-2xx/3xx answers
# plus socket errors, and the RSS is sampled every 50 ms by rss_watch. With
# the in-tree client: 64 threads from 127.0.0.1 and 127.0.0.2, which checks
# every answer itself and samples the RSS (-P). Sets $rps.
web_fig () {
	if test "$client" = wrk; then
		web_fig_wrk "$@"
		return
	fi
	name=$1 p=$2 path=$3
	shift 3
	cmd="$load -c 64 -d $websecs -b 127.0.0.1,127.0.0.2"
	for a in "$@"; do
		case $a in *" "*) cmd="$cmd '$a'" ;; *) cmd="$cmd $a" ;; esac
	done
	cmd="$cmd $p $path"
	# errors are counted in the line, not fatal (set -e)
	out=$($load -T $((websecs + 60)) -c 64 -d "$websecs" -b 127.0.0.1,127.0.0.2 "$@" "$p" "$path" 2>/dev/null) || true
	rps=$(echo "$out" | sed -n 's/.* rps=\([0-9.]*\) .*/\1/p')
	echo "$out" | awk -v n="$name" -v c="$cmd" '{
		for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
		printf "%-34s %9s req/s, %s errors in %s requests\n    $ %s\n", n ".rps", f["rps"], f["errors"], f["requests"], c
		printf "%-34s %9s ms p99 (p50 %s ms, max %s ms)\n    $ %s\n", n ".p99", f["p99_ms"], f["p50_ms"], f["max_ms"], c
		if (f["rss_max_kib"] > 0)
			printf "%-34s %9.1f MiB server VmRSS, most during the run\n    $ %s\n", n ".rss", f["rss_max_kib"] / 1024, c
	}' | sed "s/sid=[^ ']*/sid=SESSION/"
}

# web_fig_wrk NAME PORT PATH [-H HEADER] [-P PID]: web_fig with wrk.
web_fig_wrk () {
	name=$1 p=$2 path=$3
	shift 3
	hdr="" wpid_of=""
	while test $# -gt 0; do
		case $1 in
		-H) hdr=$2; shift 2 ;;
		-P) wpid_of=$2; shift 2 ;;
		*) echo "web_fig_wrk: unknown option $1" >&2; return 1 ;;
		esac
	done
	cmd="wrk -t2 -c64 -d${websecs}s --latency"
	test -z "$hdr" || cmd="$cmd -H '$hdr'"
	cmd="$cmd http://127.0.0.1:$p$path"
	test -z "$wpid_of" || rss_watch "$wpid_of" "$webtmp.rss"
	# the server's CPU (user + system clock ticks, /proc/PID/stat) over the
	# run: per request, the figure a crowded machine does not inflate
	cpu0=""
	test -z "$wpid_of" || cpu0=$(awk '{ print $14 + $15 }' "/proc/$wpid_of/stat" 2>/dev/null)
	if test -n "$hdr"; then
		wrk -t2 -c64 -d"${websecs}s" --latency -H "$hdr" "http://127.0.0.1:$p$path" >"$webtmp.wrk" 2>&1 || true
	else
		wrk -t2 -c64 -d"${websecs}s" --latency "http://127.0.0.1:$p$path" >"$webtmp.wrk" 2>&1 || true
	fi
	kib="" ticks=""
	if test -n "$wpid_of"; then
		rss_stop
		kib=$(cat "$webtmp.rss")
		test -z "$cpu0" || ticks=$(awk -v a="$cpu0" '{ print $14 + $15 - a }' "/proc/$wpid_of/stat" 2>/dev/null)
	fi
	rps=$(awk '$1 == "Requests/sec:" { print $2 }' "$webtmp.wrk")
	awk -v n="$name" -v c="$cmd" -v k="$kib" -v t="$ticks" -v hz="$(getconf CLK_TCK)" '
		function ms(v) {
			if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
			if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
			if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000
			if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
			return v
		}
		$1 == "Latency" && NF >= 5 { mx = ms($4) }
		$1 == "50%" { p50 = ms($2) }
		$1 == "99%" { p99 = ms($2) }
		$2 == "requests" && $3 == "in" { reqs = $1 }
		/Non-2xx or 3xx responses:/ { err += $NF }
		/Socket errors:/ { for (i = 3; i <= NF; i++) { v = $i; sub(",", "", v); if (v ~ /^[0-9]+$/) err += v } }
		$1 == "Requests/sec:" { rps = $2 }
		END {
			printf "%-34s %9s req/s, %d errors in %s requests (wrk)\n    $ %s\n", n ".rps", rps, err, reqs, c
			printf "%-34s %9.2f ms p99 (p50 %.2f ms, max %.2f ms)\n    $ %s\n", n ".p99", p99, p50, mx, c
			if (k > 0)
				printf "%-34s %9.1f MiB server VmRSS, most during the run (sampled every 50 ms)\n    $ %s\n", n ".rss", k / 1024, c
			if (t != "" && reqs > 0)
				printf "%-34s %9.1f µs server CPU (user + system) per request\n    $ %s\n", n ".cpu", t / hz * 1e6 / reqs, c
		}' "$webtmp.wrk" | sed "s/sid=[^ ']*/sid=SESSION/"
}
