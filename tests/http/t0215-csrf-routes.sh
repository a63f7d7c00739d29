#!/bin/sh
# CSRF and origin on every state change (RELIABILITY R6): t0210 shows the
# guard on one form in depth; this runs every POST, PUT, PATCH and DELETE
# row of tests/http/authz-matrix.txt (the route table's rows with real
# paths) with the admin's session cookie and (a) no token, (b) a wrong
# token, (c) the right token from a foreign Origin. Each must be refused
# with 403 by the guard itself (its message in the body), before any
# handler — also the API, which needs the token too when called with a
# cookie, and sign-in and sign-out. Rows the admin may not use at all are
# left to the matrix (a 403 there comes from the role, not the guard).
. "$(dirname "$0")/t02-accounts.sh"

MATRIX=$TEST_TOP/tests/http/authz-matrix.txt
ROUTES=$TEST_TOP/src/web/routes.c
A=harlow-mills
B=port-ashby

accounts_setup
http_start --dev-cookie

test_expect_success 'setup: the admin signs in and has a CSRF token' '
	test "$(sign_in admin@x.org jar)" = 303 &&
	csrf_of jar / >csrf &&
	test -s csrf
'

# body_args BODY: curl arguments for a row's body kind (as t0500 sends them, without the token).
body_args () {
	case $1 in
	form|logout) echo "-d x=1" ;;
	login) echo "-d email=nobody@x.org -d password=wrong" ;;
	json-*) echo "-H Content-Type:application/json --data {}" ;;
	*) echo "" ;;
	esac
}

test_expect_success 'every state change with a session: no token, a wrong token, a foreign Origin → 403' '
	token=$(cat csrf) &&
	grep -v "^#" "$MATRIX" | awk "NF && \$2 != \"GET\" && \$2 != \"HEAD\"" >rows &&
	n=0 bad=0 &&
	while read page method path body anon admin rest; do
		grep -q "^[[:space:]]*\[PAGE_$page\]" "$ROUTES" || continue
		case $admin in 401|403|404) continue ;; esac
		p=$(printf %s "$path" | sed "s/{A}/$A/g; s/{B}/$B/g; s/{del}/d-950/g")
		args=$(body_args $body)
		for how in none wrong origin; do
			case $how in
			none)	set -- ;;
			wrong)	set -- -H "X-CSRF-Token: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" ;;
			origin)	set -- -H "X-CSRF-Token: $token" -H "Origin: https://evil.example" ;;
			esac
			got=$(http_get "$p" -X $method -b jar "$@" $args)
			if test "$got" != 403 ||
			    ! grep -q "did not come from Trellis\|sent from another site" .body; then
				echo "$method $p ($how): $got, not the guard'"'"'s 403"
				bad=$((bad + 1))
			fi
			n=$((n + 1))
		done
	done <rows &&
	echo "# $n requests over $((n / 3)) state-changing rows, $bad not refused by the guard" &&
	test $n -ge 60 && test $bad = 0
'

test_expect_success 'the session and the data are as before: still signed in, no user added' '
	test_status 200 /admin/users -b jar &&
	test_grep "admin@x.org</a> (admin)" .body &&
	! grep -q "nobody@x.org" .body
'
http_stop

test_done
