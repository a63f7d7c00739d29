# A throwaway PostgreSQL server for the tests (docs/postgresql.md). Source it
# after tests/cli/lib.sh (or tests/http/lib.sh), then:
#
#	pg_start || { echo "# skipped: no PostgreSQL: $PG_WHY"; test_done; }
#	url=$(pg_createdb NAME)		# postgresql://... of a new, empty database
#
# pg_start runs Debian's initdb and pg_ctl (/usr/lib/postgresql/*/bin) in a
# new temporary directory, the server listening only on a Unix socket there
# and on a free port of 127.0.0.1, trust authentication for the one role
# `trellis`. initdb refuses to run as root, and CI runs the tests as root:
# then the server runs as the unprivileged user `nobody` (runuser), and the
# directory is made its own. The server is stopped by its PID (from
# postmaster.pid), and the directory removed, when the script exits.
# On failure pg_start returns 1 with the reason in $PG_WHY (and the server's
# log on stderr); PG_URL is the `postgres` database's URL, PG_PID its PID.
# The server does not make its writes durable (no fsync...) unless
# PG_DURABLE=1 (below).
# PATH then starts with the server's bin directory (its psql, pg_dump), and
# PG_STRATEGY is what a CREATE DATABASE adds to copy its template fastest.

# In the PostgreSQL pass of tests/run.sh a script of its own on PostgreSQL
# has already run, on its own server, in the SQLite pass.
if test -n "${TRELLIS_PG_PASS:-}" && type test_sqlite_only >/dev/null 2>&1; then
	echo "# skipped[pg]: runs on a PostgreSQL server of its own in the first pass"
	echo "# passed 0 failed 0"
	exit 0
fi

PG_DIR=""
PG_PID=""
PG_URL=""
PG_WHY=""

pg_stop () {
	if test -n "$PG_PID" && kill -0 "$PG_PID" 2>/dev/null; then
		kill -INT "$PG_PID" 2>/dev/null	# fast shutdown
		n=0
		while kill -0 "$PG_PID" 2>/dev/null && test "$n" -lt 100; do
			sleep 0.1
			n=$((n + 1))
		done
		kill -0 "$PG_PID" 2>/dev/null && kill -KILL "$PG_PID" 2>/dev/null
	fi
	PG_PID=""
	test -n "$PG_DIR" && rm -rf "$PG_DIR"
	PG_DIR=""
}

# pg_as CMD...: runs CMD as the server's user (nobody when we are root).
pg_as () {
	if test "$(id -u)" = 0; then
		runuser -u nobody -- "$@"
	else
		"$@"
	fi
}

pg_free_port () {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_start () {
	bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	if test -z "$bin" || ! test -x "$bin/initdb"; then
		PG_WHY="no /usr/lib/postgresql/*/bin/initdb (scripts/deps.sh installs postgresql)"
		return 1
	fi
	PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/trellis-pg.XXXXXX") || { PG_WHY="mktemp failed"; return 1; }
	# Stopped and removed at exit, before lib.sh's cleanup of TEST_DIR.
	trap 'pg_stop; type http_kill >/dev/null 2>&1 && http_kill; rm -rf "$TEST_DIR"' EXIT
	if test "$(id -u)" = 0; then
		chown nobody "$PG_DIR" || { PG_WHY="cannot give $PG_DIR to nobody"; return 1; }
	fi
	chmod 700 "$PG_DIR"
	# A throwaway server: what it wrote need not outlive a crash of the
	# server or of the machine, which no test makes (t0164 kills the
	# client). So no fsync, a COMMIT does not wait for its WAL to be
	# written, no full pages in the WAL after a checkpoint (FILE_COPY,
	# below, makes one per new database) and the least WAL. PG_DURABLE=1
	# keeps PostgreSQL's defaults (t0164, R1 on PostgreSQL).
	opts=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0"
	test "${PG_DURABLE:-}" = 1 && opts=""
	if ! pg_as "$bin/initdb" -D "$PG_DIR/data" -U trellis --auth=trust \
	    --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1; then
		PG_WHY="initdb failed: $(tail -n 3 "$PG_DIR/initdb.log" | tr '\n' ' ')"
		return 1
	fi
	tries=0
	while :; do
		port=$(pg_free_port) || { PG_WHY="no free port (python3)"; return 1; }
		if pg_as "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
		    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$PG_DIR -c max_connections=40$opts" \
		    start >/dev/null 2>&1; then
			break
		fi
		tries=$((tries + 1))
		if test "$tries" -ge 3; then
			PG_WHY="the server did not start: $(tail -n 3 "$PG_DIR/server.log" | tr '\n' ' ')"
			cat "$PG_DIR/server.log" >&2
			return 1
		fi
	done
	PG_PID=$(head -n 1 "$PG_DIR/data/postmaster.pid")
	PG_PORT=$port
	# psql and pg_dump from the server's own directory: /usr/bin's are
	# Debian's pg_wrapper, a Perl script that starts before each of them
	# (about 40 ms of a 35 ms psql; the pass runs thousands).
	PATH=$bin:$PATH
	# A new database is a copy of its template: from 15 on, CREATE
	# DATABASE writes every page of it to the WAL (STRATEGY WAL_LOG, about
	# 145 ms of the server's CPU for a 7.5 MB one), where FILE_COPY copies
	# the files after a checkpoint (about 60 ms; cheap with fsync off).
	PG_STRATEGY=""
	v=$("$bin/postgres" --version | sed -n 's/.* \([0-9][0-9]*\)[.0-9]*.*/\1/p' | head -n 1)
	test "${v:-0}" -ge 15 && PG_STRATEGY=" STRATEGY FILE_COPY"
	export PATH PG_STRATEGY
	PG_URL="postgresql://trellis@127.0.0.1:$port/postgres"
	export PG_URL PG_PORT
	return 0
}

# pg_createdb NAME [LOCALE]: creates database NAME (in LOCALE, default the
# server's C.UTF-8), prints its URL.
pg_createdb () {
	opts=$PG_STRATEGY
	test -n "${2:-}" && opts="$opts LOCALE '$2' TEMPLATE template0"
	psql -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U trellis -d postgres \
	    -c "CREATE DATABASE \"$1\"$opts" >/dev/null || return 1
	echo "postgresql://trellis@127.0.0.1:$PG_PORT/$1"
}

# pg_fault_install URL TABLE...: a fault point in database URL for the write
# retry tests (docs/postgresql.md): a trigger on each TABLE raises a
# serialization failure (40001) on the next K inserts once armed with
# pg_fault_arm URL K, counted by a sequence (nextval is not rolled back, so
# every run of a write counts); pg_fault_runs URL prints how many inserts
# it saw since it was armed: the runs of a write that inserts once.
pg_sql () {
	psql -X -q -A -t -v ON_ERROR_STOP=1 "$1" -c "$2"
}
pg_fault_install () {
	u=$1
	shift
	pg_sql "$u" "CREATE SEQUENCE test_conflicts;
CREATE TABLE test_conflict_budget (n BIGINT NOT NULL);
INSERT INTO test_conflict_budget VALUES (0);
CREATE FUNCTION test_conflict() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN
	IF nextval('test_conflicts') <= (SELECT n FROM test_conflict_budget) THEN
		RAISE EXCEPTION 'could not serialize access (forced by the test)'
		    USING ERRCODE = 'serialization_failure';
	END IF;
	RETURN NEW;
END \$\$;" || return 1
	for t in "$@"; do
		pg_sql "$u" "CREATE TRIGGER test_conflict BEFORE INSERT ON $t
		    FOR EACH ROW EXECUTE FUNCTION test_conflict();" || return 1
	done
}
pg_fault_arm () {
	pg_sql "$1" "ALTER SEQUENCE test_conflicts RESTART; UPDATE test_conflict_budget SET n = $2"
}
pg_fault_runs () {
	pg_sql "$1" "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM test_conflicts"
}
