#!/bin/sh
# Signing in and out (RELIABILITY R6): the form, each role landing where it
# should, a wrong password answered with one message (401), the session
# cookie's exact attributes with and without --dev-cookie, a new session id
# at each sign-in, sign-out ending the session on the server.
. "$(dirname "$0")/t02-accounts.sh"

accounts_setup
http_start --dev-cookie

test_expect_success 'the sign-in form: labels, security headers, no session' '
	test_status 200 /login &&
	test_security_headers same-origin &&
	test_grep "<label for=\"email\">Email address</label>" .body &&
	test_grep "<label for=\"password\">Password</label>" .body &&
	test_grep "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required/>" .body &&
	grep "^Set-Cookie" .head >cookies &&
	test_line_count cookies 1 &&
	test_grep "^Set-Cookie: login=[A-Za-z0-9_-]\{43\}; Path=/; HttpOnly; SameSite=Lax\$" cookies &&
	test_grep "<input type=\"hidden\" name=\"login_token\" value=\"$(sed -n "s/^Set-Cookie: login=\([^;]*\);.*/\1/p" cookies)\"/>" .body &&
	! grep -q "name=\"csrf\"" .body
'

test_expect_success 'admin signs in: 303 to /, the cookie exact (development variant), the portfolio' '
	test "$(sign_in admin@x.org jar.admin)" = 303 &&
	test_grep "^Location: /\$" .head &&
	grep "^Set-Cookie: " .head >cookie &&
	test_line_count cookie 1 &&
	grep -E "^Set-Cookie: sid=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax\$" cookie &&
	test_status 200 / -b jar.admin &&
	test_grep ">Program</a>" .body &&
	test_grep "admin@x.org</a> (admin)" .body
'

test_expect_success 'a member lands on their initiative, a viewer too, an evaluator on the portfolio' '
	test "$(sign_in member@x.org jar.m)" = 303 &&
	test_status 303 / -b jar.m &&
	test_grep "^Location: /i/harlow-mills\$" .head &&
	test_status 200 /i/harlow-mills -b jar.m &&
	test "$(sign_in viewer@x.org jar.v)" = 303 &&
	test_status 303 / -b jar.v &&
	test_grep "^Location: /i/harlow-mills\$" .head &&
	test "$(sign_in eval@x.org jar.e)" = 303 &&
	test_status 200 / -b jar.e &&
	test_grep ">Program</a>" .body
'

test_expect_success 'the email is case-insensitive; next= takes a local path only' '
	rm -f j j0 &&
	curl -s -b j -c j -o /dev/null -w "%{http_code} %{redirect_url}\n" --data-urlencode "email=ADMIN@X.org" \
		--data-urlencode "login_token=$(http_login_token j)" \
		--data-urlencode "password=$PW" --data-urlencode "next=/i/port-ashby" "$URL/login" >out &&
	test_grep "^303 .*/i/port-ashby\$" out &&
	curl -s -b j0 -o /dev/null -w "%{redirect_url}\n" --data-urlencode "email=admin@x.org" \
		--data-urlencode "login_token=$(http_login_token j0)" \
		--data-urlencode "password=$PW" --data-urlencode "next=//evil.example/" "$URL/login" >out &&
	test_grep "^http://127.0.0.1:[0-9]*/\$" out
'

test_expect_success 'wrong password: 401, the form again, one message, the email kept, never the password' '
	test "$(sign_in admin@x.org j "a wrong password 1")" = 401 &&
	test_security_headers same-origin &&
	cp .body wrong &&
	test_grep "The email address or the password is not right." wrong &&
	test_grep "value=\"admin@x.org\"" wrong &&
	! grep -q "a wrong password" wrong &&
	! grep -q "^Set-Cookie" .head &&
	test "$(sign_in nobody@x.org j "a wrong password 1")" = 401 &&
	sed "s/nobody@x.org/admin@x.org/; s/name=\"login_token\" value=\"[^\"]*\"//" .body >unknown &&
	sed -i "s/name=\"login_token\" value=\"[^\"]*\"//" wrong &&
	test_cmp wrong unknown
'

test_expect_success 'empty fields: 400 with a message beside each and a summary linking to them' '
	test "$(sign_in "" j "")" = 400 &&
	test_grep "<a href=\"#email\">Enter your email address.</a>" .body &&
	test_grep "<a href=\"#password\">Enter your password.</a>" .body &&
	test_grep "id=\"email-error\"" .body
'

test_expect_success 'the session id changes at every sign-in, and the old one ends' '
	sign_in admin@x.org j1 >/dev/null &&
	cp j1 j2 &&
	old=$(sid_of j1) &&
	token=$(csrf_of j1 /) &&
	curl -s -b j1 -c j2 -o /dev/null --data-urlencode "csrf=$token" \
		--data-urlencode "login_token=$(login_cookie_of j1)" \
		--data-urlencode "email=admin@x.org" --data-urlencode "password=$PW" "$URL/login" &&
	new=$(sid_of j2) &&
	test -n "$old" && test -n "$new" && test "$old" != "$new" &&
	test_status 303 / -b j1 &&
	test_grep "^Location: /login\$" .head &&
	test_status 200 / -b j2
'

test_expect_success 'signed in, a sign-in POST needs the session'"'"'s CSRF token like any other' '
	sign_in admin@x.org j3 >/dev/null &&
	test_status 403 /login -b j3 --data-urlencode "email=member@x.org" --data-urlencode "password=$PW" &&
	test_status 200 / -b j3 &&
	test_grep "admin@x.org</a> (admin)" .body
'

test_expect_success 'signed in, /login goes to /' '
	test_status 303 /login -b jar.admin &&
	test_grep "^Location: /\$" .head
'

test_expect_success 'sign-out without the CSRF token: 403, still signed in' '
	test_status 403 /logout -b jar.admin -X POST -d "" &&
	test_status 200 / -b jar.admin
'

test_expect_success 'sign-out: the cookie cleared, 303 to /login, the old cookie refused afterwards' '
	token=$(csrf_of jar.admin /) &&
	test -n "$token" &&
	test_status 303 /logout -b jar.admin --data-urlencode "csrf=$token" &&
	test_grep "^Location: /login\$" .head &&
	test_grep "^Set-Cookie: sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax\$" .head &&
	test_status 303 / -b jar.admin &&
	test_grep "^Location: /login\$" .head &&
	test_status 303 /admin/users -b jar.admin &&
	test_status 401 /api/v1/program -b jar.admin
'

test_expect_success 'the development cookie is refused off loopback' '
	test_expect_code 1 "$TRELLIS" --db demo.db serve --dev-cookie --listen 0.0.0.0:0 2>err &&
	test_grep "dev-cookie serves on a loopback address only" err
'
http_stop

# Without --dev-cookie: the production cookie (curl does not send a Secure
# cookie back over plain HTTP, so only its text is checked here).
http_start

test_expect_success 'production cookie: __Host-sid, Path=/, Secure, HttpOnly, SameSite=Lax' '
	test "$(sign_in member@x.org jp)" = 303 &&
	grep "^Set-Cookie: " .head >cookie &&
	test_line_count cookie 1 &&
	grep -E "^Set-Cookie: __Host-sid=[A-Za-z0-9_-]{43}; Path=/; Secure; HttpOnly; SameSite=Lax\$" cookie
'

test_expect_success 'production: the cookie works when sent back, the dev name does not' '
	sid=$(sed -n "s/^Set-Cookie: __Host-sid=\([^;]*\);.*/\1/p" cookie) &&
	test_status 200 /i/harlow-mills -H "Cookie: __Host-sid=$sid" &&
	test_status 303 /i/harlow-mills -H "Cookie: sid=$sid" &&
	test_status 403 /logout -H "Cookie: __Host-sid=$sid" -H "X-CSRF-Token: wrong" -X POST -d ""
'

test_expect_success 'production sign-out clears __Host-sid' '
	sid=$(sed -n "s/^Set-Cookie: __Host-sid=\([^;]*\);.*/\1/p" cookie) &&
	token=$(curl -s -H "Cookie: __Host-sid=$sid" "$URL/i/harlow-mills" | sed -n "s/.*name=\"csrf\" value=\"\([^\"]*\)\".*/\1/p" | head -n 1) &&
	test -n "$token" &&
	test_status 303 /logout -H "Cookie: __Host-sid=$sid" --data-urlencode "csrf=$token" &&
	test_grep "^Set-Cookie: __Host-sid=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax\$" .head &&
	test_status 303 /i/harlow-mills -H "Cookie: __Host-sid=$sid"
'
http_stop

test_done
