#!/bin/sh
# The admin pages: add a user (and its form's errors), change a role (the
# person's sessions end), disable, enable, remove, no change to one's own
# account; the audit log shows each change made through web_audit
# (and the accounts `trellis user add` made, as cli:<unix user>), newest
# first, escaped, filtered by initiative and paged.
. "$(dirname "$0")/t02-accounts.sh"

accounts_setup
http_start --dev-cookie
sign_in admin@x.org ja >/dev/null

# admin_post [CURL OPTIONS...]: POST /admin/users as the admin with the session's token.
admin_post () {
	token=$(csrf_of ja) &&
	http_get /admin/users -b ja --data-urlencode "csrf=$token" "$@"
}

test_expect_success 'the users page lists every account with role, initiative, created and status' '
	test_status 200 /admin/users -b ja &&
	test_security_headers &&
	test_grep "<th scope=\"row\" data-label=\"Email\">member@x.org</th><td data-label=\"Role\">member</td><td data-label=\"Initiative\">Harlow Mills Family Prosperity Initiative</td><td data-label=\"Created\">[0-9]* [A-Z][a-z][a-z] 20[0-9][0-9] [0-9:]* UTC</td><td data-label=\"Status\">✓ active</td>" .body &&
	test_grep "<th scope=\"row\" data-label=\"Email\">eval@x.org</th><td data-label=\"Role\">evaluator</td><td data-label=\"Initiative\"><span class=\"note\">the whole program</span>" .body &&
	test_grep "5 accounts" .body &&
	test_grep "From 12 to 128 characters" .body
'

test_expect_success 'add a viewer: 303 with a notice; they sign in' '
	test "$(admin_post -d action=add -d email=New@x.org -d role=viewer -d initiative=port-ashby \
		--data-urlencode "password=a new long password")" = 303 &&
	test_grep "^Location: /admin/users?done=added&email=new@x.org\$" .head &&
	test_status 200 "/admin/users?done=added&email=new@x.org" -b ja &&
	test_grep "<p class=\"notice\" role=\"status\">Added the account new@x.org.</p>" .body &&
	test "$(sign_in new@x.org jn "a new long password")" = 303 &&
	test_status 303 / -b jn &&
	test_grep "^Location: /i/port-ashby\$" .head
'

test_expect_success 'the add form with errors: 400, each named and linked, what was typed kept but the password' '
	test "$(admin_post -d action=add -d "email=not an email" -d role=member -d initiative= \
		--data-urlencode "password=short pw")" = 400 &&
	test_grep "<a href=\"#new-email\">The email address is not valid" .body &&
	test_grep "<a href=\"#new-initiative\">Choose the initiative of this member or viewer.</a>" .body &&
	test_grep "<a href=\"#new-password\">The password is too short" .body &&
	test_grep "id=\"new-email\" name=\"email\" autocomplete=\"off\" value=\"not an email\"" .body &&
	test_grep "<option value=\"member\" selected>" .body &&
	! grep -q "short pw" .body
'

test_expect_success 'an email already taken, and an admin given an initiative: 400' '
	test "$(admin_post -d action=add -d email=MEMBER@x.org -d role=viewer -d initiative=port-ashby \
		--data-urlencode "password=$PW")" = 400 &&
	test_grep "href=\"#new-email\"" .body &&
	test "$(admin_post -d action=add -d email=boss@x.org -d role=admin -d initiative=port-ashby \
		--data-urlencode "password=$PW")" = 400 &&
	test_grep "An admin or evaluator has no initiative" .body
'

test_expect_success 'change a role: the person is signed out, and signs in to the new scope' '
	test_status 200 /i/port-ashby -b jn &&
	test "$(admin_post -d action=role -d email=new@x.org -d role=member -d initiative=harlow-mills)" = 303 &&
	test_status 303 /i/port-ashby -b jn &&
	test_grep "^Location: /login\$" .head &&
	test "$(sign_in new@x.org jn "a new long password")" = 303 &&
	test_status 303 / -b jn &&
	test_grep "^Location: /i/harlow-mills\$" .head &&
	test_status 404 /i/port-ashby -b jn
'

test_expect_success 'disable: signed out and cannot sign in; enable: can again' '
	test "$(admin_post -d action=disable -d email=new@x.org)" = 303 &&
	test_status 303 / -b jn &&
	test "$(sign_in new@x.org jn "a new long password")" = 401 &&
	test_status 200 /admin/users -b ja &&
	test_grep "✗ disabled" .body &&
	test "$(admin_post -d action=enable -d email=new@x.org)" = 303 &&
	test "$(sign_in new@x.org jn "a new long password")" = 303
'

test_expect_success 'remove: gone from the list, cannot sign in' '
	test "$(admin_post -d action=remove -d email=new@x.org)" = 303 &&
	test_status 200 /admin/users -b ja &&
	! grep -q "new@x.org</th>" .body &&
	test "$(sign_in new@x.org jx "a new long password")" = 401 &&
	test "$(admin_post -d action=remove -d email=new@x.org)" = 400 &&
	test_grep "There is no such account" .body
'

test_expect_success 'an admin cannot change, disable or remove their own account here' '
	test "$(admin_post -d action=disable -d email=admin@x.org)" = 400 &&
	test_grep "You cannot change your own account here" .body &&
	test "$(admin_post -d action=role -d email=admin@x.org -d role=viewer -d initiative=port-ashby)" = 400 &&
	test_status 200 /admin/users -b ja
'

test_expect_success 'an unknown action: 400' '
	test "$(admin_post -d action=explode)" = 400
'

test_expect_success 'the audit log: each change, newest first, who, what, before and after' '
	test_status 200 /admin/audit -b ja &&
	test_security_headers &&
	grep -o "<td class=\"what\" data-label=\"What happened\">[^<]*</td>" .body | sed "s/<[^>]*>//g" >all &&
	grep "^admin@x.org " all >rows &&
	test "$(grep -c "^[^ ]* (command line) added the account [a-z]*@x.org as an* [a-z]*" all)" = 5 &&
	! grep "cli:" all &&
	cat >expect <<-\EOF &&
	admin@x.org removed the account new@x.org in Harlow Mills Family Prosperity Initiative.
	admin@x.org enabled the account new@x.org in Harlow Mills Family Prosperity Initiative.
	admin@x.org disabled the account new@x.org in Harlow Mills Family Prosperity Initiative.
	admin@x.org made the account new@x.org a member in Harlow Mills Family Prosperity Initiative.
	admin@x.org added the account new@x.org as a viewer in Port Ashby Main Streets Together.
	EOF
	test_cmp expect rows &&
	test_grep "&quot;role&quot;: &quot;viewer&quot;" .body &&
	test_grep "&quot;role&quot;: &quot;member&quot;" .body &&
	! grep -q "password" rows
'

test_expect_success 'the audit log by initiative' '
	test_status 200 "/admin/audit?initiative=port-ashby" -b ja &&
	test_grep "<option value=\"port-ashby\" selected>" .body &&
	test "$(grep -o "<td class=\"when\" data-label=\"When\">" .body | wc -l)" = 2 &&
	test_grep "<td class=\"what\" data-label=\"What happened\">admin@x.org added the account new@x.org as a viewer in Port Ashby Main Streets Together.</td>" .body &&
	test_grep "<td class=\"what\" data-label=\"What happened\">[^<]* (command line) added the account other@x.org as a member in Port Ashby Main Streets Together.</td>" .body &&
	test_status 200 "/admin/audit?initiative=calder-springs" -b ja &&
	test_grep "No changes to Calder Springs Home Base have been recorded yet." .body &&
	test_status 400 "/admin/audit?initiative=nowhere" -b ja &&
	test_status 400 "/admin/audit?page=0" -b ja
'

test_expect_success 'a payload in a recorded value is escaped on the audit page' '
	test "$(admin_post -d action=add --data-urlencode "email=<script>x</script>@x.org" -d role=evaluator \
		--data-urlencode "password=$PW")" = 303 &&
	test_status 200 /admin/audit -b ja &&
	! grep -q "<script>" .body &&
	test_grep "&lt;script&gt;x&lt;/script&gt;@x.org" .body &&
	test_status 200 /admin/users -b ja &&
	! grep -q "<script>" .body
'

test_expect_success 'the audit log in pages of 50, newest first' '
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
		admin_post -d action=disable -d email=viewer@x.org >/dev/null &&
		admin_post -d action=enable -d email=viewer@x.org >/dev/null || exit 1
	done &&
	test_status 200 /admin/audit -b ja &&
	test "$(grep -o "<td class=\"when\" data-label=\"When\">" .body | wc -l)" = 50 &&
	test_grep "href=\"/admin/audit?page=2\" rel=\"next\">Older changes" .body &&
	test_status 200 "/admin/audit?page=2" -b ja &&
	test "$(grep -o "<td class=\"when\" data-label=\"When\">" .body | wc -l)" = 11 &&
	test_grep "rel=\"prev\">← Newer changes" .body &&
	! grep -q "rel=\"next\"" .body &&
	test_grep "<td class=\"what\" data-label=\"What happened\">admin@x.org added the account new@x.org as a viewer" .body
'
http_stop

test_done
