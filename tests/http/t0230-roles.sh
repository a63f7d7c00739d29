#!/bin/sh
# Roles with real sessions (RELIABILITY R5, in part): a member of A gets 404
# for B, the same page as an initiative that does not exist; a viewer may
# not change anything (403); an evaluator reads the portfolio and every
# initiative; the admin pages answer 403 to everyone but an admin, and send
# an anonymous visitor to /login.
. "$(dirname "$0")/t02-accounts.sh"

accounts_setup
http_start --dev-cookie
sign_in admin@x.org ja >/dev/null
sign_in member@x.org jm >/dev/null
sign_in viewer@x.org jv >/dev/null
sign_in other@x.org jo >/dev/null
sign_in eval@x.org je >/dev/null

test_expect_success 'member of harlow-mills: own dashboard 200, port-ashby 404 like no initiative' '
	test_status 200 /i/harlow-mills -b jm &&
	test_status 404 /i/port-ashby -b jm &&
	cp .body other &&
	test_status 404 /i/no-such-place -b jm &&
	test_cmp .body other
'

test_expect_success 'member of port-ashby: harlow-mills is 404' '
	test_status 200 /i/port-ashby -b jo &&
	test_status 404 /i/harlow-mills -b jo
'

test_expect_success 'viewer: reads, may not change (403 even with the CSRF token)' '
	test_status 200 /i/harlow-mills -b jv &&
	token=$(csrf_of jv /i/harlow-mills) &&
	test -n "$token" &&
	test_status 403 /i/harlow-mills/import -b jv --data-urlencode "csrf=$token" -d x=1 &&
	test_grep "Your role does not allow this." .body
'

test_expect_success 'evaluator: the portfolio and every initiative' '
	test_status 200 / -b je &&
	test_grep ">Program</a>" .body &&
	test_status 200 /i/harlow-mills -b je &&
	test_status 200 /i/port-ashby -b je
'

test_expect_success 'admin pages: 200 for the admin, 403 for member, viewer and evaluator' '
	for p in /admin/users /admin/audit; do
		test_status 200 $p -b ja &&
		test_status 403 $p -b jm &&
		test_status 403 $p -b jv &&
		test_status 403 $p -b je || exit 1
	done
'

test_expect_success 'admin POST: 403 for a member, even with their CSRF token; nothing added' '
	token=$(csrf_of jm /i/harlow-mills) &&
	test_status 403 /admin/users -b jm --data-urlencode "csrf=$token" -d action=add \
		-d email=sneaky@x.org -d role=admin --data-urlencode "password=$PW" &&
	test_status 200 /admin/users -b ja &&
	! grep -q sneaky@x.org .body
'

test_expect_success 'anonymous: admin pages go to /login; the sign-in page is open' '
	test_status 303 /admin/users &&
	test_grep "^Location: /login\$" .head &&
	test_status 303 /admin/audit &&
	test_status 200 /login
'
http_stop

test_done
