#!/bin/sh
# R1 (RELIABILITY.md): the kill -9 crash loop.
#
#	tests/reliability/crash-loop.sh [CYCLES] [WRITER_FLAGS]
#
# Starts the writer (tests/reliability/writer.c: one decision per
# transaction, its number printed only after COMMIT returned), kills it
# with SIGKILL after a random 2-60 ms, and after every kill checks that
# `trellis check` (SQLite: PRAGMA integrity_check and foreign_key_check;
# PostgreSQL: docs/postgresql.md) is ok and
# that every number the writer ever printed is in the database. Repeats
# CYCLES times (default 200) on one database, and prints one line:
#	R1 crash loop: C cycles, N acknowledged records, L lost, I integrity failures
# Exit status 0 only when L and I are 0 and the writer ran each time.
#
# Environment: TRELLIS (the trellis binary, default ./trellis), WRITER (the
# writer, default $BUILD/tests/reliability/writer), BUILD (default build),
# TMPDIR; CRASH_DB, the database (default a new SQLite file; a
# postgresql:// URL of an empty database: tests/cli/t0164-pg-crash-loop.sh),
# and CRASH_MS, the longest wait before the kill (default 60: ms).
# WRITER_FLAGS=-e makes the writer acknowledge before the commit:
# the loop should then report lost records, which shows it can fail.
top=$(cd "$(dirname "$0")/../.." && pwd)
cycles=${1:-200}
flags=${2:-}
build=${BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
trellis=${TRELLIS:-$top/trellis}
writer=${WRITER:-$build/tests/reliability/writer}

for x in "$trellis" "$writer"; do
	test -x "$x" || { echo "crash-loop: $x is not built (run make)" >&2; exit 1; }
done
dir=$(mktemp -d "${TMPDIR:-/tmp}/trellis-crash.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
trap 'exit 1' HUP INT TERM
# Private copies: a `make` elsewhere relinking ./trellis mid-run must not
# make a check fail (or test a different binary halfway).
cp "$trellis" "$dir/trellis.bin" && cp "$writer" "$dir/writer.bin" || exit 1
trellis=$dir/trellis.bin
writer=$dir/writer.bin
db=${CRASH_DB:-$dir/crash.db}
most=${CRASH_MS:-60}

# rand N: a random integer in 0..N-1.
rand () {
	echo $(( $(od -An -N2 -tu2 /dev/urandom) % $1 ))
}

badcheck=0
dead=0
i=0
# The first run creates the program; its acknowledgements count like any other.
"$writer" -n 1 "$db" >>"$dir/acked" 2>"$dir/err" || { cat "$dir/err" >&2; exit 1; }
while test "$i" -lt "$cycles"; do
	i=$((i + 1))
	# shellcheck disable=SC2086
	"$writer" $flags "$db" >>"$dir/acked" 2>"$dir/err" &
	pid=$!
	ms=$((2 + $(rand $((most - 1)))))
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rc=$?
	# Killed is 137; anything else means the writer stopped by itself: a failure.
	if test "$rc" != 137; then
		dead=$((dead + 1))
		echo "cycle $i: the writer exited $rc before the kill:" >&2
		cat "$dir/err" >&2
	fi
	if ! "$trellis" --db "$db" check >"$dir/check" 2>&1; then
		badcheck=$((badcheck + 1))
		echo "cycle $i: trellis check failed:" >&2
		cat "$dir/check" >&2
	fi
	if ! "$writer" -l "$db" 2>"$dir/err" | sort -u >"$dir/present"; then
		echo "cycle $i: cannot list the stored records:" >&2
		cat "$dir/err" >&2
		badcheck=$((badcheck + 1))
	fi
	# A line cut short by the kill is no acknowledgement: whole lines only.
	grep -x '[0-9][0-9]*' "$dir/acked" | sort -u >"$dir/acked.sorted"
	missing=$(comm -23 "$dir/acked.sorted" "$dir/present" | wc -l)
	if test "$missing" != 0; then
		echo "cycle $i: $missing acknowledged record(s) missing:" \
		    "$(comm -23 "$dir/acked.sorted" "$dir/present" | head -5 | tr '\n' ' ')" >&2
		comm -23 "$dir/acked.sorted" "$dir/present" >>"$dir/lost"
	fi
done
acked=$(wc -l <"$dir/acked.sorted")
: >>"$dir/lost"
lost=$(sort -u "$dir/lost" | wc -l)
echo "R1 crash loop: $cycles cycles, $acked acknowledged records, $lost lost," \
    "$badcheck integrity failures, $dead early exits"
test "$lost" = 0 && test "$badcheck" = 0 && test "$dead" = 0
