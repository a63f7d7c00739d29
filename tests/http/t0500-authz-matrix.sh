#!/bin/sh
# RELIABILITY R5, the authorization matrix: every row of the route table
# (src/web/routes.c) × its method × every role (anonymous, admin, member and
# viewer of initiative A, member of B, evaluator) against the expected
# statuses in tests/http/authz-matrix.txt, with real sessions (sign-in, cookie
# jar, the CSRF token of a form) for pages and real bearer tokens for
# /api/v1. A route of routes.c without a row in the matrix (its method, a
# path its template matches) fails the test; a row whose PAGE is not in
# routes.c (a route still on its way) is skipped with a note. B's records carry
# the marker MARKER-B-7f3a (imported from CSV before the server starts):
# no body that A's member or viewer receives may contain it.
#
# AUTHZ_RECORD=1 prints each row with the statuses observed (to write the
# matrix after a new route; check every cell by hand before keeping it).
# AUTHZ_PROGRAMS=2 (tests/http/t0962-authz-programs.sh) adds a second program
# (and an admin of it alone, padm: 404 for every page of the first)
# to the database: every row is then asked under /p/wcc-demo/ (the API under
# /api/v1/programs/wcc-demo/) and must answer as the matrix says, and every
# row of a program's page, under the second program's prefix, answers 404 to
# every role of the first but its admin (docs/web.md).
. "$(dirname "$0")/t02-accounts.sh"

MATRIX=$TEST_TOP/tests/http/authz-matrix.txt
ROUTES=$TEST_TOP/src/web/routes.c
MARKER=MARKER-B-7f3a
A=harlow-mills
B=port-ashby
ROLES="anon admin memA viewA memB eval"

accounts_setup

# B's marker records; spare decisions in A and B for PUT, PATCH and DELETE
# (DELETE gets one record per role, so that an allowed delete cannot turn a
# later role's cell into a 404).
mkdir "$TEST_DIR/csv"
{
	echo 'initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views'
	echo "$B,d-901,$MARKER decision,strategy,2016-01-04,2016-01-20,committee,,,$MARKER contrary view"
	for ini in $A $B; do
		m=""
		test $ini = $B && m="$MARKER "
		for n in 950 951 952 953 954 955 960; do
			echo "$ini,d-$n,${m}Spare $n,strategy,2016-02-01,2016-02-02,committee,,,"
		done
	done
} >"$TEST_DIR/csv/decisions.csv"
{
	echo 'initiative,id,date,attendees,progress,challenges'
	echo "$B,c-901,2016-03-01,,$MARKER progress,$MARKER challenges"
} >"$TEST_DIR/csv/checkins.csv"
{
	echo 'initiative,id,title,body,category,opened,closes,asked,decider,outcome,decided,decision,answers_org,answers_answer,answers_reason,answers_date,answers_recorded_by'
	echo "$A,P-1,Open question,,strategy,2016-03-01,2099-01-01,harlow-public-schools,team,,,,,,,,"
	echo "$B,P-901,$MARKER proposal,$MARKER body,strategy,2016-03-01,2099-01-01,ashby-latino-business-alliance,team,,,,ashby-latino-business-alliance,object,$MARKER reason,2016-03-02,"
} >"$TEST_DIR/csv/proposals.csv"
"$TRELLIS" --db "$HTTP_DB" import "$TEST_DIR/csv/decisions.csv" "$TEST_DIR/csv/checkins.csv" \
	"$TEST_DIR/csv/proposals.csv" \
	>/dev/null || { echo "not ok - cannot import the marker records"; exit 1; }

for spec in admin:admin@x.org memA:member@x.org viewA:viewer@x.org memB:other@x.org eval:eval@x.org; do
	"$TRELLIS" --db "$HTTP_DB" token add --user "${spec#*:}" >"$TEST_DIR/${spec%%:*}.tok" 2>/dev/null ||
		{ echo "not ok - cannot add a token for ${spec#*:}"; exit 1; }
done

PROG="" P2="" P2I=""
if test "${AUTHZ_PROGRAMS:-1}" = 2; then
	PROG=wcc-demo P2=national-bench
	"$TEST_TOP/${BUILD:-build}/bench/gen" --scale 0.001 --format json --out "$TEST_DIR/gen.json" &&
	"$TRELLIS" --db "$HTTP_DB" import "$TEST_DIR/gen.json" >/dev/null ||
		{ echo "not ok - cannot import the second program"; exit 1; }
	P2I=$(sqlite3 "$HTTP_DB" "SELECT i.slug FROM initiative i JOIN program p
		ON p.id = i.program_id WHERE p.slug = '$P2' LIMIT 1")
	# padm: the admin of the second program alone (migration 14)
	"$TRELLIS" --db "$HTTP_DB" --program $P2 user add padm@x.org --role admin \
		--password-file "$TEST_DIR/pw" >/dev/null &&
	"$TRELLIS" --db "$HTTP_DB" token add --user padm@x.org >"$TEST_DIR/padm.tok" 2>/dev/null ||
		{ echo "not ok - cannot add the second program's admin"; exit 1; }
fi
# in_program PROGRAM PATH: PATH inside PROGRAM (src/util/url.c), or as it is without one
in_program () {
	case $1:$2 in
	:*) printf %s "$2" ;;
	*:/api/v1/*) printf %s "/api/v1/programs/$1${2#/api/v1}" ;;
	*:/static/*) printf %s "$2" ;;
	*) printf %s "/p/$1$2" ;;
	esac
}

http_start

test_expect_success 'setup: every role signs in and has a CSRF token' '
	for spec in admin:admin@x.org:/ memA:member@x.org:/i/$A viewA:viewer@x.org:/i/$A \
	    memB:other@x.org:/i/$B eval:eval@x.org:/; do
		r=${spec%%:*} rest=${spec#*:}
		test "$(sign_in ${rest%%:*} $r.jar)" = 303 &&
		csrf_of $r.jar $(in_program "$PROG" ${rest#*:}) >$r.csrf &&
		test -s $r.csrf &&
		echo ${rest%%:*} >$r.email && echo ${rest#*:} >$r.home || { echo "no session or token for $r"; exit 1; }
	done
'

test_expect_success 'every route of routes.c has a matrix row with its method and path' '
	sed -n "s/^[[:space:]]*\[PAGE_\([A-Z_]*\)\] = { WEB_\([A-Z]*\), \"\([^\"]*\)\".*/\1 \2 \3/p" "$ROUTES" >routes &&
	sed -n "s/^[[:space:]]*\[PAGE_\([A-Z_]*\)\] = .*WEB_R_SITE.*/\1/p" "$ROUTES" >site &&
	test $(wc -l <routes) -ge $(grep -c "^[[:space:]]*\[PAGE_" "$ROUTES") &&
	grep -v "^#" "$MATRIX" | awk "NF" >rows &&
	bad=0 &&
	while read page method tmpl; do
		re="^$(printf %s "$tmpl" | sed "s/[.]/[.]/g; s/{[a-z]*}/[^\/]*/g")(\\?.*)?\$" &&
		n=$(awk -v p=$page -v m=$method "\$1 == p && \$2 == m { print \$3 }" rows |
		    sed "s/{A}/$A/g; s/{B}/$B/g; s/{[a-zA-Z]*}/x/g" | grep -Ec "$re" || :) &&
		if test "$n" = 0; then
			echo "route $page ($method $tmpl) has no row in authz-matrix.txt"
			bad=1
		fi
	done <routes &&
	test $bad = 0
'

# request ROLE METHOD PATH BODY: the status; the body in .body.
request () {
	role=$1 method=$2 path=$(in_program "${5-$PROG}" "$3") body=$4
	set --
	case $path in
	/api/*)
		test $role = anon || set -- -H "Authorization: Bearer $(cat $role.tok)"
		;;
	*)
		test $role = anon || set -- -b $role.jar
		;;
	esac
	csrf=""
	test $role = anon || csrf=$(cat $role.csrf)
	case $body in
	form)
		set -- "$@" --data-urlencode "csrf=$csrf" ;;
	logout)
		# its own session: the shared one must outlive this row
		if test $role != anon; then
			sign_in $(cat $role.email) $role.out >/dev/null
			set -- -b $role.out --data-urlencode "csrf=$(csrf_of $role.out \
			    $(in_program "$PROG" $(cat $role.home)))"
		fi
		;;
	login)
		test -z "$csrf" || set -- "$@" --data-urlencode "csrf=$csrf"
		# the sign-in form's pre-session token: the jar's cookie (login CSRF)
		if test $role = anon; then
			set -- "$@" --data-urlencode "login_token=$(http_login_token anon.login)" -b anon.login
		else
			set -- "$@" --data-urlencode "login_token=$(login_cookie_of $role.jar)"
		fi
		set -- "$@" --data-urlencode "email=nobody-$role@x.org" --data-urlencode "password=wrong" ;;
	json-bad)
		set -- "$@" -H "Content-Type: application/json" --data '{"id": "d-999", "colour": 1}' ;;
	json-patch)
		set -- "$@" -H "Content-Type: application/json" --data '{"title": "Spare 960, patched"}' ;;
	json-put)
		set -- "$@" -H "Content-Type: application/json" --data '{"id": "d-960", "title": "Spare 960",
		    "category": "strategy", "proposed": "2016-02-01", "decided": "2016-02-02",
		    "decider": "committee", "consulted": [], "informed": [], "contrary_views": null}' ;;
	-) ;;
	*) echo "unknown body $body" >&2; return 1 ;;
	esac
	http_get "$path" -X "$method" "$@"
}

# column ROLE I: the I-th status column of active.rows for ROLE, in the
# directory r.ROLE (its own .body and .head): the statuses observed go to
# col.ROLE, one a row; what went wrong to msg.ROLE; "mismatches leaks" to cnt.ROLE.
column () {
	role=$1 i=$2
	mkdir r.$role && cp $role.* r.$role/ 2>/dev/null
	cd r.$role || return 1
	del=d-95$((i - 1))
	mis=0 leak=0
	while read page method path body want; do
		set -- $want
		p=$(printf %s "$path" | sed "s/{A}/$A/g; s/{B}/$B/g; s/{del}/$del/g")
		got=$(request $role $method "$p" $body) || return 1
		eval "exp=\${$i}"
		echo "$got" >>../col.$role
		if test "$got" != "$exp"; then
			echo "MISMATCH $page $method $p as $role: got $got, expected $exp"
			mis=$((mis + 1))
		fi
		if test $role = anon && test "$got" = 303 &&
		    ! grep -q "^Location: $(in_program "$PROG" /login)\$" .head; then
			echo "ANON $page $method $p: a 303 that is not to /login"
			mis=$((mis + 1))
		fi
		case $role in
		memA|viewA)
			if grep -q "$MARKER" .body; then
				echo "LEAK $page $method $p as $role: B marker in the body"
				leak=$((leak + 1))
			fi
			;;
		esac
	done <../active.rows >../msg.$role
	echo "$mis $leak" >../cnt.$role
}

# The roles' columns run at once (each role's writes touch its own records).
test_expect_success 'every cell: route x method x role answers as the matrix says; no marker of B leaks to A' '
	: >active.rows &&
	while read page rest; do
		case $page in "#"*|"") continue ;; esac
		# a row ahead of its route (another change not in this tree yet) waits
		if grep -q "^$page " routes; then
			echo "$page $rest" >>active.rows
		else
			echo "note: $page is not in routes.c; its row is skipped" >&3
		fi
	done <"$MATRIX" &&
	i=0 &&
	for role in $ROLES; do
		i=$((i + 1))
		(column $role $i) &
	done &&
	wait &&
	cat msg.* &&
	n=$(wc -l <active.rows) mismatches=0 leaks=0 &&
	for role in $ROLES; do
		test $(wc -l <col.$role) = $n || { echo "the $role column stopped early"; exit 1; }
		read m l <cnt.$role &&
		mismatches=$((mismatches + m)) leaks=$((leaks + l)) || exit 1
	done &&
	if test "${AUTHZ_RECORD:-}" = 1; then
		cut -d " " -f 1-4 active.rows | paste -d " " - col.anon col.admin col.memA col.viewA col.memB col.eval >&3
	fi &&
	echo "R5: $n rows, $((n * 6)) cells checked, $mismatches mismatches, $leaks leaks" >&3 &&
	test $n -gt 0 && test $mismatches = 0 && test $leaks = 0
' 3>&1

# every page of the second program, with every role of the first but the admin (of all)
test -z "$P2" || test_expect_success 'another program: every role of the first gets 404 for each of its pages' '
	bad=0 &&
	while read page method path body want; do
		grep -qx "$page" site && continue
		p=$(printf %s "$path" | sed "s/{A}/$P2I/g; s/{B}/$P2I/g; s/{del}/d-950/g")
		for role in memA viewA memB eval; do
			got=$(request $role $method "$p" $body $P2) || exit 1
			if test "$got" != 404; then
				echo "SEEN $page $method $(in_program $P2 "$p") as $role of $PROG: got $got"
				bad=$((bad + 1))
			fi
		done
	done <active.rows &&
	n=$(cut -d " " -f 1 active.rows | grep -cvxf site || :) &&
	echo "R5, second program: $n rows x 4 roles, $bad answered other than 404" >&3 &&
	test $n -gt 100 && test $bad = 0
' 3>&1

# every page of the first program, with the admin of the second alone
test -z "$P2" || test_expect_success 'the admin of the second program alone gets 404 for each page of the first' '
	test "$(sign_in padm@x.org padm.jar)" = 303 &&
	csrf_of padm.jar $(in_program $P2 /admin/users) >padm.csrf &&
	test -s padm.csrf &&
	test "$(request padm GET /admin/users - $P2)" = 200 &&
	test "$(request padm GET /program/settings - $P2)" = 200 &&
	test "$(request padm GET /api/v1/export - $P2)" = 200 &&
	bad=0 &&
	while read page method path body want; do
		grep -qx "$page" site && continue
		p=$(printf %s "$path" | sed "s/{A}/$A/g; s/{B}/$B/g; s/{del}/d-950/g")
		got=$(request padm $method "$p" $body) || exit 1
		if test "$got" != 404; then
			echo "SEEN $page $method $(in_program $PROG "$p") as the admin of $P2: got $got"
			bad=$((bad + 1))
		fi
	done <active.rows &&
	n=$(cut -d " " -f 1 active.rows | grep -cvxf site || :) &&
	echo "R5, an admin of the second program alone: $n rows of the first, $bad answered other than 404" >&3 &&
	test $n -gt 100 && test $bad = 0
' 3>&1

test_expect_success 'B is readable by its own member and the marker is really there' '
	test_status 200 $(in_program "$PROG" /i/$B/decisions/d-901) -b memB.jar &&
	test_grep "$MARKER" .body
'

test_done
