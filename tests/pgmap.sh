#!/bin/sh
# $TRELLIS in the PostgreSQL pass of tests/run.sh (docs/testing.md), set up
# by tests/cli/lib.sh as $TEST_DIR/.bin/trellis-pg; as $TEST_DIR/.bin/sqlite3
# it is the sqlite3 shell of that pass (below).
#
# Runs the real binary ($TRELLIS_PG_REAL) with every database *path* it is
# given (--db, $TRELLIS_DB, the default ./trellis.db, copy's --from/--to)
# replaced by the URL of a PostgreSQL database of that path alone on the
# pass's server ($PG_SOCK, $PG_PORT):
#
# - a path without a file, given to a command that creates its database
#   (init, demo, import; copy --to), gets a new, empty database named after
#   the path's absolute name (the script's directory is its own, so no two
#   scripts share a database); once the command succeeded the file becomes
#   a marker naming that database, so `test -f trellis.db` still holds and
#   later commands find it. Removing the file forgets the database (the next
#   create drops it first);
# - a path whose file is a marker runs on the marker's database;
# - any other path (no file, for a command that only reads; a directory
#   missing; a file that is not a marker: a SQLite file or bytes the test
#   wrote) is given as it is, so the test sees the same refusal; it is
#   logged in $TEST_DIR/.pg-unmapped.
#
# The URLs in what the command prints are turned back into the paths, so
# the messages the tests expect hold. `serve` is exec'd (its PID is the
# server's, which the tests stop by PID). Every database made is listed in
# $TEST_DIR/.pg-dbs; lib.sh's test_cleanup drops them.
MARK=trellis-pg-test-database

# pg_admin SQL...: each SQL (one statement, not in a transaction: CREATE and
# DROP DATABASE) on the server's postgres database, in one psql.
pg_admin () {
	for q in "$@"; do
		set -- "$@" -c "$q"
		shift
	done
	PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 \
	    -h "$PG_SOCK" -p "$PG_PORT" -U trellis -d postgres "$@" >/dev/null
}

# marker_name FILE: prints the database FILE names, if it is a marker.
marker_name () {
	test -f "$1" && test -r "$1" || return 1
	IFS= read -r line <"$1" || return 1
	case $line in
	"$MARK t_"*) echo "${line#"$MARK "}" ;;
	*) return 1 ;;
	esac
}

if test "${0##*/}" = sqlite3; then
	# sqlite3 DB [SQL]: psql on a marker's database (the same '|'-separated
	# rows; .dump is pg_dump's), anything else the real sqlite3.
	db=""
	sql=""
	for a in "$@"; do
		case $a in
		-*) ;;
		*) if test -z "$db"; then db=$a; elif test -z "$sql"; then sql=$a; fi ;;
		esac
	done
	name=$(marker_name "$db") || exec "$TRELLIS_PG_SQLITE3" "$@"
	if test "$sql" = .dump; then
		# the rows; not the dump's random \restrict key, nor the
		# sequences' positions (a rolled back insert moves them)
		pg_dump -h "$PG_SOCK" -p "$PG_PORT" -U trellis --no-owner --inserts "$name" |
			sed '/^\\restrict /d; /^\\unrestrict /d; /^SELECT pg_catalog.setval(/d'
		exit 0
	fi
	set -- psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" \
	    -U trellis -d "$name"
	# The tests' SQL is SQLite's: a "double-quoted" string is a literal
	# there, LIKE ignores the case of ASCII letters, strftime('%s', 'now')
	# is the time in seconds, and a truth value prints as 1 or 0.
	case $sql in
	*\"*|*" LIKE "*|*strftime*)
		sql=$(printf '%s' "$sql" | sed -e "s/\"\([^\"']*\)\"/'\1'/g" -e 's/ LIKE / ILIKE /g' \
		    -e "s/strftime('%s', *'now')/extract(epoch from now())::bigint/g") ;;
	esac
	test -n "$sql" && set -- "$@" -c "$sql"
	"$@" >"$TEST_DIR/.pg-sql.$$"
	rc=$?
	awk -F'|' -v OFS='|' '{ for (i = 1; i <= NF; i++) { if ($i == "t") $i = 1; else if ($i == "f") $i = 0 } print }' \
	    "$TEST_DIR/.pg-sql.$$"
	rm -f "$TEST_DIR/.pg-sql.$$"
	exit "$rc"
fi

real=$TRELLIS_PG_REAL

# The command: the first argument that is not a global option or its value.
cmd=""
skip=0
for a in "$@"; do
	if test "$skip" = 1; then
		skip=0
		continue
	fi
	case $a in
	--db|--program) skip=1 ;;
	-*) ;;
	*) cmd=$a; break ;;
	esac
done
for a in "$@"; do
	case $a in --help|-h) exec "$real" "$@" ;; esac
done
case $cmd in
""|help) exec "$real" "$@" ;;
init|demo|import) create=1 ;;
*) create=0 ;;
esac

subst=""	# sed: each URL back to its path
pending=""	# "name path" lines: markers to write once the command succeeded

# url NAME: the URL of database NAME.
url () {
	echo "postgresql://trellis@127.0.0.1:$PG_PORT/$1"
}
# shown_as URL PATH: sed's substitution of URL (with or without its user) by
# PATH. (The shell's own patterns where they do: a process started costs
# a few ms, and the pass runs this thousands of times.)
shown_as () {
	case $2 in
	*[\\\|\&]*) p=$(printf '%s' "$2" | sed 's/[\\|&]/\\&/g') ;;
	*) p=$2 ;;
	esac
	u=${1#postgresql://trellis@}
	case $u in
	127.0.0.1:*) r=${u#127.0.0.1} ;;
	*) r=. ;;
	esac
	case $r in
	*.*) u=$(printf '%s' "$u" | sed 's/\./\\./g') ;;
	*) u="127\\.0\\.0\\.1$r" ;;
	esac
	printf 's|postgresql://\\(trellis@\\)\\{0,1\\}%s|%s|g;' "$u" "$p"
}
# dir_of PATH, base_of PATH: as dirname and basename (for a database path:
# no trailing slash), without a process.
dir_of () {
	case $1 in
	*/*) d=${1%/*}; echo "${d:-/}" ;;
	*) echo . ;;
	esac
}
base_of () {
	echo "${1##*/}"
}

unmapped () {
	echo "$1: $2" >>"$TEST_DIR/.pg-unmapped"
}

# map PATH CREATE: sets M to the URL PATH runs on, or PATH itself (above).
map () {
	M=$1
	case $1 in
	""|postgresql://*|postgres://*|:memory:) return 0 ;;
	esac
	if test -e "$1"; then
		if ! name=$(marker_name "$1"); then
			unmapped "$1" "not a marker (a file the test made)"
			return 0
		fi
	elif test "$2" = 1; then
		dir=$(dir_of "$1")
		if ! test -d "$dir" || ! test -w "$dir"; then
			unmapped "$1" "its directory is missing or read-only"
			return 0
		fi
		abs=$(cd "$dir" && pwd)/$(base_of "$1")
		name=t_$(printf '%s' "$abs" | md5sum | cut -c1-24)
		pending="$pending$name $1
"
	else
		unmapped "$1" "no such file"
		return 0
	fi
	M=postgresql://trellis@127.0.0.1:$PG_PORT/$name
	subst="$subst$(shown_as "$M" "$1")"
	mapped=$1
}

# Every argument again, the databases' mapped (the loop turns "$@" round once).
n=$#
i=0
want=""
hasdb=0
while test "$i" -lt "$n"; do
	a=$1
	shift
	i=$((i + 1))
	if test -n "$want"; then
		map "$a" "$want"
		set -- "$@" "$M"
		want=""
		continue
	fi
	case $cmd:$a in
	*:--db) want=$create; hasdb=1; set -- "$@" "$a" ;;
	*:--db=*) map "${a#--db=}" "$create"; hasdb=1; set -- "$@" "--db=$M" ;;
	copy:--from) want=0; set -- "$@" "$a" ;;
	copy:--to) want=1; set -- "$@" "$a" ;;
	copy:--from=*) map "${a#--from=}" 0; set -- "$@" "--from=$M" ;;
	copy:--to=*) map "${a#--to=}" 1; set -- "$@" "--to=$M" ;;
	*) set -- "$@" "$a" ;;
	esac
done
if test "$hasdb" = 0 && test "$cmd" != copy; then
	if test -n "${TRELLIS_DB:-}"; then
		map "$TRELLIS_DB" "$create"
		TRELLIS_DB=$M
		export TRELLIS_DB
	else
		map trellis.db "$create"
		test "$M" != trellis.db && set -- --db "$M" "$@"
	fi
fi

# newdb NAME [TEMPLATE]: database NAME, new (dropped first if it was there),
# a copy of TEMPLATE if given.
newdb () {
	tpl=""
	test -n "${2:-}" && tpl=" TEMPLATE \"$2\""
	pg_admin "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" \
	    "CREATE DATABASE \"$1\"$tpl${PG_STRATEGY:-}" ||
		{ echo "pgmap: cannot create database $1" >&2; exit 125; }
	case $1 in tpl_*) ;; *) echo "$1" >>"$TEST_DIR/.pg-dbs" ;; esac
}
# run_swapped FROM TO ARGS...: the real binary on ARGS, the URL FROM (also
# as --db=FROM or $TRELLIS_DB) replaced by TO.
run_swapped () {
	from=$1
	to=$2
	shift 2
	k=$#
	j=0
	while test "$j" -lt "$k"; do
		a=$1
		shift
		j=$((j + 1))
		case $a in
		"$from") a=$to ;;
		"--db=$from") a=--db=$to ;;
		esac
		set -- "$@" "$a"
	done
	if test "${TRELLIS_DB:-}" = "$from"; then
		TRELLIS_DB=$to "$real" "$@"
	else
		"$real" "$@"
	fi
}
# template NAME FROM ARGS...: database NAME, kept for the whole pass, made
# by run_swapped FROM NAME's URL ARGS on a new database, its output kept in
# $TRELLIS_PG_CACHE/NAME.out and .err. Fails when that run failed or wrote
# to standard error.
template () {
	t=$1
	c=$TRELLIS_PG_CACHE/$1
	shift
	if ! test -f "$c.ok" && ! test -f "$c.no"; then
		newdb "$t"
		if run_swapped "$1" "$(url "$t")" "$@" >"$c.out" 2>"$c.err" </dev/null &&
		    ! test -s "$c.err"; then
			: >"$c.ok"
		else
			: >"$c.no"
		fi
	fi
	test -f "$c.ok"
}
# A pass's time goes mostly to new databases: the schema's migrations and
# the demo are many round trips each. So with $TRELLIS_PG_CACHE (run.sh
# sets it) a new database is a copy of a template that the real command
# made once in the pass: `init` and `demo` on a new path (with the same
# arguments, language and binary) copy the database their first run made and
# print what it printed, for the new path; the new database of an import or
# a copy --to is a copy of an init'ed one.
if test -n "$pending"; then
	if test -n "${TRELLIS_PG_CACHE:-}" && { test "$cmd" = init || test "$cmd" = demo; } &&
	    test "$(printf '%s' "$pending" | wc -l)" = 1; then
		read -r name path <<EOF
$pending
EOF
		from=$(url "$name")
		key=$({ echo "$cmd ${LANGUAGE:-} ${LC_ALL:-} ${LANG:-} $real ${TRELLIS_DB:-}";
		    printf '%s\n' "$@"; } | sed "s|$from|DB|g" | md5sum | cut -c1-24)
		if template "tpl_$key" "$from" "$@"; then
			newdb "$name" "tpl_$key"
			e=$(shown_as "$(url "tpl_$key")" "$path")
			LC_ALL=C sed "$e" "$TRELLIS_PG_CACHE/tpl_$key.out"
			echo "$MARK $name" >"$path"
			exit 0
		fi
	fi
	schema=""
	if test -n "${TRELLIS_PG_CACHE:-}" && test "$cmd" != init; then
		read -r name path <<EOF
$pending
EOF
		template tpl_schema "$(url "$name")" --db "$(url "$name")" init >/dev/null 2>&1 &&
			schema=tpl_schema
	fi
	while read -r name path; do
		test -n "$name" && newdb "$name" $schema
	done <<EOF
$pending
EOF
fi

# The mail key of a SQLite database is the file beside it (DB.mailkey); on
# PostgreSQL it is the file TRELLIS_MAIL_KEY names (docs/postgresql.md):
# the same file, so the mail tests find it where they look.
if test "$cmd" != copy && test -n "${mapped:-}" && test -z "${TRELLIS_MAIL_KEY:-}"; then
	TRELLIS_MAIL_KEY=$(cd "$(dir_of "$mapped")" && pwd)/$(base_of "$mapped").mailkey
	export TRELLIS_MAIL_KEY
fi

if test "$cmd" = serve || test -z "$subst"; then
	exec "$real" "$@"
fi
if test -t 1 || test -t 2; then
	# on a terminal (the progress tests): the output as it is
	"$real" "$@"
	rc=$?
else
	# each stream into a file, then through sed if it is not empty: no
	# pipe, no subshell, no sed for an empty stream (most of them)
	o=$TEST_DIR/.pg-out.$$
	"$real" "$@" >"$o.1" 2>"$o.2"
	rc=$?
	test -s "$o.1" && LC_ALL=C sed "$subst" "$o.1"
	test -s "$o.2" && LC_ALL=C sed "$subst" "$o.2" >&2
	rm -f "$o.1" "$o.2"
fi
if test "$rc" = 0; then
	while read -r name path; do
		test -n "$name" && ! test -e "$path" && echo "$MARK $name" >"$path"
	done <<EOF
$pending
EOF
fi
exit "$rc"
