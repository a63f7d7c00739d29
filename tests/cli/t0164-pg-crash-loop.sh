#!/bin/sh
# R1 on PostgreSQL (docs/reliability.md, docs/postgresql.md): the kill -9
# crash loop (tests/reliability/crash-loop.sh) with the writer on a
# throwaway PostgreSQL server (tests/pg.sh). After every kill, `trellis
# check` on the URL passes and every acknowledged record is stored. The
# CI length is short (PG_CRASH_CYCLES, default 12); `make soak` runs a
# longer one. The -e case (the writer acknowledges before COMMIT) runs
# 20 cycles: fewer may, by chance, lose nothing. Skipped, saying why, only
# when the server cannot start.
. "$(dirname "$0")/lib.sh"
. "$TEST_TOP/tests/pg.sh"

# The server as PostgreSQL is deployed (fsync, synchronous commits, full
# pages in the WAL), not the other tests' throwaway settings (tests/pg.sh):
# it kills the client, yet no shortcut of the server's should help it pass.
PG_DURABLE=1
if ! pg_start; then
	echo "# skipped: no PostgreSQL: $PG_WHY"
	test_done
fi

build=${BUILD:-build}
case $build in /*) ;; *) build=$TEST_TOP/$build ;; esac
export WRITER="$build/tests/reliability/writer"
cycles=${PG_CRASH_CYCLES:-12}
# A writer's start (connect, load) takes longer than on SQLite: kills up to 400 ms in.
export CRASH_MS=400

test_expect_success 'the server is as deployed: fsync, synchronous commits, full pages' '
	psql -X -q -A -t -h "$PG_DIR" -p "$PG_PORT" -U trellis -d postgres -c "SELECT name || '"'"'='"'"' || setting FROM pg_settings
	    WHERE name IN ('"'"'fsync'"'"', '"'"'synchronous_commit'"'"', '"'"'full_page_writes'"'"') ORDER BY name" >settings &&
	printf "fsync=on\nfull_page_writes=on\nsynchronous_commit=on\n" >expect &&
	test_cmp expect settings
'

test_expect_success "crash loop on PostgreSQL: $cycles kills, every acknowledged record kept, check ok" '
	CRASH_DB=$(pg_createdb crash) &&
	CRASH_DB=$CRASH_DB sh "$TEST_TOP/tests/reliability/crash-loop.sh" $cycles >out 2>err ||
	{ cat out err; false; } &&
	cat out &&
	test_grep " 0 lost, 0 integrity failures, 0 early exits" out &&
	! grep -q "^R1 crash loop: [0-9]* cycles, 0 acknowledged" out
'

test_expect_success 'the loop can fail on PostgreSQL: acknowledging before COMMIT loses records' '
	CRASH_DB=$(pg_createdb unsafe) &&
	! CRASH_DB=$CRASH_DB sh "$TEST_TOP/tests/reliability/crash-loop.sh" 20 -e >out 2>err &&
	cat out &&
	test_grep "^R1 crash loop: .*, [1-9][0-9]* lost" out
'

test_done
