#!/bin/sh
# R11 (RELIABILITY.md): backup under write load, then restore.
#
#	tests/reliability/backup-load.sh [BACKUPS]
#
# The writer (tests/reliability/writer.c) appends one decision per
# transaction, printing each number after COMMIT, while `trellis backup`
# runs BACKUPS times (default 5). For each backup:
#   - `trellis check` on it is ok;
#   - it is a snapshot of one moment: its records are exactly 0..N with no
#     gap, every record acknowledged before the backup started is in it, and
#     every record in it was acknowledged by the writer;
#   - restored (the file copied into place as a new database), its export is
#     byte-for-byte the backup's export, and so is the export of a fresh
#     database the backup's export was imported into.
# Prints: R11 backup under load: B backups, W of them while the writer ran,
# R records in the largest, F failed.
#
# BACKUP_DB=postgresql://... (an existing database): the writer writes
# there, and each backup is `trellis copy --from URL --to bN.db` (a
# PostgreSQL database's copy into a SQLite file, read in one snapshot);
# the checks of the copies are the same.
top=$(cd "$(dirname "$0")/../.." && pwd)
backups=${1:-5}
build=${BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
trellis=${TRELLIS:-$top/trellis}
writer=${WRITER:-$build/tests/reliability/writer}

for x in "$trellis" "$writer"; do
	test -x "$x" || { echo "backup-load: $x is not built (run make)" >&2; exit 1; }
done
dir=$(mktemp -d "${TMPDIR:-/tmp}/trellis-backup.XXXXXX") || exit 1
trap 'test -n "${pid:-}" && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
trap 'exit 1' HUP INT TERM
# Private copies: a `make` elsewhere relinking ./trellis mid-run must not
# make a check fail (or test a different binary halfway).
cp "$trellis" "$dir/trellis.bin" && cp "$writer" "$dir/writer.bin" || exit 1
trellis=$dir/trellis.bin
writer=$dir/writer.bin
cd "$dir" || exit 1

fail () {
	echo "backup $i: $*" >&2
	failed=$((failed + 1))
}

# Enough records to outlast the backups; the writer ends by itself, so that
# every commit it made is also acknowledged.
live=${BACKUP_DB:-live.db}
"$writer" -n 1 "$live" >acked 2>err || { cat err >&2; exit 1; }
"$writer" -n $((backups * 1500)) "$live" >>acked 2>err &
pid=$!
failed=0
during=0
largest=0
i=0
while test "$i" -lt "$backups"; do
	i=$((i + 1))
	sleep 0.1
	grep -x '[0-9][0-9]*' acked | sort -n >"before.$i"
	kill -0 "$pid" 2>/dev/null && running=1 || running=0
	if test -n "${BACKUP_DB:-}"; then
		"$trellis" copy --from "$live" --to "b$i.db" >out 2>&1 || fail "trellis copy failed: $(cat out)"
	else
		"$trellis" --db live.db backup "b$i.db" >out 2>&1 || fail "trellis backup failed: $(cat out)"
	fi
	kill -0 "$pid" 2>/dev/null && test "$running" = 1 && during=$((during + 1))
done
wait "$pid"
rc=$?
pid=
test "$rc" = 0 || { echo "the writer failed (exit $rc): $(cat err)" >&2; failed=$((failed + 1)); }
sort -n acked >acked.all

i=0
while test "$i" -lt "$backups"; do
	i=$((i + 1))
	test -f "b$i.db" || continue
	"$trellis" --db "b$i.db" check >out 2>&1 || fail "check: $(cat out)"
	"$writer" -l "b$i.db" | sort -n >"ids.$i" || fail "cannot list its records"
	n=$(wc -l <"ids.$i")
	test "$n" -gt "$largest" && largest=$n
	# one moment: 0..n-1, no gap
	seq 0 $((n - 1)) | cmp -s - "ids.$i" || fail "its records are not 0..$((n - 1))"
	test -z "$(comm -23 "before.$i" "ids.$i")" ||
		fail "records acknowledged before the backup are missing"
	test -z "$(sort "ids.$i" | comm -23 - "$(sort acked.all >acked.lex; echo acked.lex)")" ||
		fail "it holds records that were never acknowledged"
	# restore: the file copied into place
	cp "b$i.db" "restored$i.db"
	"$trellis" --db "b$i.db" export >"b$i.json" 2>out || fail "export: $(cat out)"
	"$trellis" --db "restored$i.db" export >"r$i.json" 2>out || fail "export of the restored copy: $(cat out)"
	cmp -s "b$i.json" "r$i.json" || fail "the restored copy exports differently"
	"$trellis" --db "fresh$i.db" import "b$i.json" >out 2>&1 || fail "re-import: $(cat out)"
	"$trellis" --db "fresh$i.db" export >"f$i.json" 2>out || fail "export of the re-import: $(cat out)"
	cmp -s "b$i.json" "f$i.json" || fail "its export re-imported exports differently"
done
echo "R11 backup under load: $backups backups, $during of them while the writer ran," \
    "$largest records in the largest, $failed failed"
test "$failed" = 0 && test "$during" -gt 0
