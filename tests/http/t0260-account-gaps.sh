#!/bin/sh
# Issue 16, point 6 (docs/security.md): login CSRF (the sign-in form's
# pre-session token; Origin: null refused), a password change ends the
# account's sessions and revokes its API tokens, bidi control characters
# refused in a one-line form field, and --dev-insecure-role answering only a
# loopback Host (DNS rebinding).
. "$(dirname "$0")/t02-accounts.sh"

accounts_setup
http_start --dev-cookie

test_expect_success 'login CSRF: no token, a wrong token, a token without its cookie: 403, no session' '
	rm -f lj && lt=$(http_login_token lj) && test -n "$lt" &&
	test_status 403 /login -b lj --data-urlencode "email=admin@x.org" --data-urlencode "password=$PW" &&
	test_grep "This sign-in form has expired or did not come from Trellis" .body &&
	! grep -q "^Set-Cookie: sid=" .head &&
	test_status 403 /login -b lj --data-urlencode "login_token=$(echo "$lt" | tr a-z A-Z)" \
		--data-urlencode "email=admin@x.org" --data-urlencode "password=$PW" &&
	! grep -q "^Set-Cookie: sid=" .head &&
	test_status 403 /login --data-urlencode "login_token=$lt" \
		--data-urlencode "email=admin@x.org" --data-urlencode "password=$PW" &&
	! grep -q "^Set-Cookie: sid=" .head &&
	echo "login CSRF: no token 403, wrong token 403, token without cookie 403" >>figure
'

test_expect_success 'login CSRF: Origin: null is refused even with the right token' '
	lt=$(login_cookie_of lj) && test -n "$lt" &&
	test_status 403 /login -b lj -H "Origin: null" --data-urlencode "login_token=$lt" \
		--data-urlencode "email=admin@x.org" --data-urlencode "password=$PW" &&
	test_grep "Origin: null" .body &&
	! grep -q "^Set-Cookie: sid=" .head &&
	test_status 303 /login -b lj -H "Origin: $URL" --data-urlencode "login_token=$lt" \
		--data-urlencode "email=admin@x.org" --data-urlencode "password=$PW" &&
	grep -q "^Set-Cookie: sid=" .head &&
	echo "login CSRF: Origin: null 403; own Origin with the token 303" >>figure
'

test_expect_success 'the sign-in page sends its Origin: Referrer-Policy same-origin there only' '
	test_status 200 /login &&
	test_grep "^Referrer-Policy: same-origin\$" .head &&
	sign_in admin@x.org a1 >/dev/null &&
	test_status 200 / -b a1 &&
	test_grep "^Referrer-Policy: no-referrer\$" .head
'

test_expect_success 'a password change ends every session of the account and revokes its API tokens' '
	sign_in member@x.org m1 >/dev/null && sign_in member@x.org m2 >/dev/null &&
	"$TRELLIS" --db demo.db token add --user member@x.org >m.tok 2>/dev/null &&
	"$TRELLIS" --db demo.db token add --user viewer@x.org >v.tok 2>/dev/null &&
	test_status 200 /i/harlow-mills -b m1 && test_status 200 /i/harlow-mills -b m2 &&
	test_status 200 /api/v1/initiatives/harlow-mills/decisions -H "Authorization: Bearer $(cat m.tok)" &&
	printf "another long password 2\n" >pw2 &&
	"$TRELLIS" --db demo.db user password member@x.org --password-file pw2 >out &&
	test_grep "API tokens revoked" out &&
	test_status 303 /i/harlow-mills -b m1 && test_grep "^Location: /login\$" .head &&
	test_status 303 /i/harlow-mills -b m2 &&
	test_status 401 /api/v1/initiatives/harlow-mills/decisions -H "Authorization: Bearer $(cat m.tok)" &&
	"$TRELLIS" --db demo.db token list >tokens &&
	! grep -q "member@x.org" tokens &&
	test_status 200 /api/v1/initiatives/harlow-mills/decisions -H "Authorization: Bearer $(cat v.tok)" &&
	test "$(sign_in member@x.org m3 "another long password 2")" = 303 &&
	echo "password change: 2 of 2 sessions ended, 1 of 1 API tokens revoked, another account untouched" >>figure
'

test_expect_success 'a bidi control character in a form field: 422 with the message beside it' '
	sign_in member@x.org m4 "another long password 2" >/dev/null &&
	csrf=$(csrf_of m4 /i/harlow-mills/decisions/new) &&
	test_status 422 /i/harlow-mills/decisions -b m4 --data-urlencode "csrf=$csrf" -d id=d-bidi \
		--data-urlencode "title=invoice$(printf "\342\200\256")fdp.exe" -d category=strategy \
		-d proposed=2016-05-01 -d decided=2016-05-02 -d decider=committee &&
	test_grep "id=\"title-error\">.*bidirectional control character U+202E" .body &&
	test_status 404 /i/harlow-mills/decisions/d-bidi -b m4
'

http_kill
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

test_expect_success '--dev-insecure-role answers only a loopback Host' '
	port=${URL##*:} &&
	test_status 200 / && test_status 200 / -H "Host: localhost:$port" &&
	test_status 200 / -H "Host: [::1]:$port" && test_status 200 / -H "Host: 127.0.0.1" &&
	test_status 421 / -H "Host: evil.example:$port" &&
	test_grep "answers only Host: localhost, 127.0.0.1 or \[::1\]" .body &&
	test_status 421 / -H "Host: 127.0.0.1.evil.example:$port" &&
	test_status 421 / -H "Host: localhost:$port.evil" &&
	test_status 421 /admin/users -H "Host: attacker.test" &&
	echo "dev role: Host evil.example, 127.0.0.1.evil.example, localhost:PORT.evil → 421; loopback names 200" >>figure
'

test -f figure && sed "s/^/# /" figure
test_done
