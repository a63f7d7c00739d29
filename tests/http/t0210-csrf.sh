#!/bin/sh
# CSRF and origin (RELIABILITY R6): a change made with the session cookie
# needs the session's token (form field or X-CSRF-Token); a foreign Origin
# or Sec-Fetch-Site: cross-site is refused even with it; the sign-in POST
# (no session yet) is guarded by the origin check; a bearer token needs no
# CSRF token. The check runs before the handler: nothing changes on a 403.
. "$(dirname "$0")/t02-accounts.sh"

accounts_setup
"$TRELLIS" --db demo.db token add --user admin@x.org 2>/dev/null | grep -Eo '[A-Za-z0-9_-]{43}' | head -n 1 >"$TEST_DIR/bearer"
http_start --dev-cookie
sign_in admin@x.org jar >/dev/null

# add_user EMAIL [CURL OPTIONS...]: the admin form's POST adding a viewer; prints the status.
add_user () {
	e=$1
	shift
	http_get /admin/users -b jar --data-urlencode "email=$e" -d action=add -d role=viewer \
		-d initiative=port-ashby --data-urlencode "password=$PW" "$@"
}

test_expect_success 'every form of a signed-in page carries the session token' '
	test_status 200 /admin/users -b jar &&
	forms=$(grep -o "<form[^>]*method=\"post\"" .body | wc -l) &&
	fields=$(grep -o "name=\"csrf\" value=\"[A-Za-z0-9_-]\{43\}\"" .body | wc -l) &&
	test "$forms" -gt 3 && test "$forms" = "$fields"
'

test_expect_success 'POST without the CSRF token: 403, nothing changed' '
	test "$(add_user a1@x.org)" = 403 &&
	test_grep "did not come from Trellis" .body &&
	test_status 200 /admin/users -b jar &&
	! grep -q a1@x.org .body
'

test_expect_success 'POST with a wrong token, or the token of another session: 403' '
	test "$(add_user a2@x.org --data-urlencode "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")" = 403 &&
	sign_in admin@x.org jar2 >/dev/null &&
	other=$(csrf_of jar2) &&
	test -n "$other" &&
	test "$(add_user a2@x.org --data-urlencode "csrf=$other")" = 403
'

test_expect_success 'the token in the query string does not count' '
	token=$(csrf_of jar) &&
	test "$(curl -s -o /dev/null -w "%{http_code}" -b jar -d action=add -d email=a3@x.org \
		-d role=viewer -d initiative=port-ashby --data-urlencode "password=$PW" \
		"$URL/admin/users?csrf=$token")" = 403
'

test_expect_success 'with the token and a foreign Origin: 403' '
	token=$(csrf_of jar) &&
	test "$(add_user a4@x.org --data-urlencode "csrf=$token" -H "Origin: https://evil.example")" = 403 &&
	test_grep "sent from another site" .body &&
	test "$(add_user a4@x.org --data-urlencode "csrf=$token" -H "Origin: null" -H "Sec-Fetch-Site: cross-site")" = 403 &&
	test "$(add_user a4@x.org --data-urlencode "csrf=$token" -H "Origin: http://127.0.0.1:1")" = 403 &&
	test "$(add_user a4@x.org --data-urlencode "csrf=$token" -H "Origin: javascript:")" = 403
'

test_expect_success 'with the token and Sec-Fetch-Site: cross-site: 403' '
	token=$(csrf_of jar) &&
	test "$(add_user a5@x.org --data-urlencode "csrf=$token" -H "Sec-Fetch-Site: cross-site")" = 403
'

test_expect_success 'with the token (field or header), our Origin and same-origin: the change is made' '
	token=$(csrf_of jar) &&
	test "$(add_user ok1@x.org --data-urlencode "csrf=$token" -H "Origin: $URL" -H "Sec-Fetch-Site: same-origin")" = 303 &&
	test "$(add_user ok2@x.org -H "X-CSRF-Token: $token")" = 303 &&
	test_status 200 /admin/users -b jar &&
	test_grep ok1@x.org .body &&
	test_grep ok2@x.org .body &&
	! grep -q "a[1-5]@x.org" .body
'

test_expect_success 'Origin: null from our own page (Referrer-Policy: no-referrer makes browsers send it) passes with the token' '
	token=$(csrf_of jar) &&
	test "$(add_user null1@x.org --data-urlencode "csrf=$token" -H "Origin: null" -H "Sec-Fetch-Site: same-origin")" = 303 &&
	test "$(add_user null2@x.org -H "Origin: null" -H "Sec-Fetch-Site: same-origin")" = 403
'

test_expect_success 'sign-in POST from another site: 403, no cookie' '
	test_status 403 /login -H "Origin: https://evil.example" --data-urlencode "email=admin@x.org" --data-urlencode "password=$PW" &&
	! grep -q "^Set-Cookie" .head &&
	test_status 403 /login -H "Sec-Fetch-Site: cross-site" --data-urlencode "email=admin@x.org" --data-urlencode "password=$PW" &&
	rm -f lj && lt=$(http_login_token lj) &&
	test_status 303 /login -b lj -H "Origin: $URL" -H "Sec-Fetch-Site: same-origin" --data-urlencode "login_token=$lt" --data-urlencode "email=admin@x.org" --data-urlencode "password=$PW"
'

test_expect_success 'a bearer token needs no CSRF token; a foreign Origin is still refused' '
	bearer=$(cat bearer) &&
	test -n "$bearer" &&
	test_status 303 /admin/users -H "Authorization: Bearer $bearer" -d action=add -d email=api@x.org \
		-d role=viewer -d initiative=port-ashby --data-urlencode "password=$PW" &&
	test_status 403 /admin/users -H "Authorization: Bearer $bearer" -H "Origin: https://evil.example" \
		-d action=add -d email=api2@x.org -d role=viewer -d initiative=port-ashby --data-urlencode "password=$PW" &&
	test_status 401 /api/v1/program -H "Authorization: Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
'

test_expect_success 'GET needs no token, even from another site (it changes nothing)' '
	test_status 200 /admin/users -b jar -H "Sec-Fetch-Site: cross-site"
'
http_stop

test_done
