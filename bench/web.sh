# Shell functions for the web figures of bench/run.sh (P3/P5) and
# bench/national.sh (P4): sourced, not run. The caller sets $trellis,
# $build and $websecs (seconds of load per figure), and makes
# $build/tests/reliability/load, the load client (wrk is not installed; the
# client shares the machine's cores with the server).
load=$build/tests/reliability/load

# web_serve DB DIR: adds the admin bench@x.org to DB when missing, starts
# `trellis serve --dev-cookie` on a free loopback port (its output in DIR)
# and signs in. Sets $spid, $url, $port and $cookie (the session's header).
web_serve () {
	mkdir -p "$2"
	printf '%s\n' 'a long password 1' >"$2/pw"
	"$trellis" --db "$1" user list 2>/dev/null | grep -q 'bench@x\.org' ||
		"$trellis" --db "$1" user add bench@x.org --role admin --password-file "$2/pw" >/dev/null
	: >"$2/serve.out"
	"$trellis" --db "$1" serve --listen 127.0.0.1:0 --dev-cookie >"$2/serve.out" 2>/dev/null &
	spid=$!
	# a national program takes seconds to load before the server listens
	i=0
	while ! grep -q '^listening on ' "$2/serve.out" && test $i -lt 1200; do
		kill -0 $spid 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	url=$(sed -n 's|^listening on \(http://[^ ]*\)/$|\1|p' "$2/serve.out")
	port=${url##*:}
	login_token=$(curl -s -c "$2/jar" "$url/login" |
		sed -n 's/.*name="login_token" value="\([^"]*\)".*/\1/p')
	curl -s -b "$2/jar" -c "$2/jar" -o /dev/null --data-urlencode email=bench@x.org \
		--data-urlencode "login_token=$login_token" \
		--data-urlencode "password=a long password 1" "$url/login"
	cookie="Cookie: sid=$(awk '$6 == "sid" { print $7 }' "$2/jar")"
}

# web_stop: stops the server web_serve started, and waits for it.
web_stop () {
	kill $spid 2>/dev/null || true
	wait $spid 2>/dev/null || true
}

# web_fig NAME PORT PATH [LOAD OPTIONS]: one run of 64 keep-alive
# connections for $websecs, three lines (req/s, p99, RSS), each with the
# command (a session cookie printed as sid=SESSION). Sets $rps.
web_fig () {
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
