#!/bin/sh
# R3: runs every libFuzzer binary BUILD/tests/fuzz/fuzz_<target> (built by
# `make fuzz`) for SECONDS each, from its seed corpus tests/fuzz/corpus/<target>/
# plus a working corpus in BUILD/fuzz-corpus/<target>/ (kept between runs, not
# committed). Crash inputs are written to tests/fuzz/crashes/<target>/: commit
# them with the fix, and `make test` replays them for good.
#
#	tests/fuzz/run.sh BUILD SECONDS
#
# Prints one line per target and exits 1 when any target crashed.
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build-fuzz}
seconds=${2:-60}
cd "$top" || exit 1
failed=0
for src in tests/fuzz/fuzz_*.c; do
	t=$(basename "$src" .c)
	t=${t#fuzz_}
	bin=$build/tests/fuzz/fuzz_$t
	test -x "$bin" || { echo "fuzz: $bin is not built (make fuzz)"; failed=1; continue; }
	mkdir -p "$build/fuzz-corpus/$t" "tests/fuzz/crashes/$t"
	log=$build/fuzz-$t.log
	"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="tests/fuzz/crashes/$t/" \
	    "$build/fuzz-corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	if test "$rc" = 0; then
		echo "R3 fuzz $t: ${seconds}s, ${runs:-?} runs, ${cov:-cov: ?}, 0 crashes"
	else
		failed=1
		echo "R3 fuzz $t: CRASH (exit $rc) after ${runs:-?} runs; input kept in tests/fuzz/crashes/$t/:"
		grep -E 'ERROR|SUMMARY|property broken|runtime error' "$log" | head -5
		echo "  (whole log: $log)"
	fi
done
exit $failed
