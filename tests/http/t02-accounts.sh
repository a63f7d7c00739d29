# Helpers for the account tests (tests/http/t02NN-*.sh), on top of lib.sh:
#
#	. "$(dirname "$0")/t02-accounts.sh"
#	accounts_setup			# demo.db with the users below, password in ./pw
#	http_start --dev-cookie
#	sign_in admin@x.org jar.admin	# the session cookie in the curl jar file
#	csrf_of jar.admin /admin/users	# prints the CSRF token of that session's forms
#
# Every user has the password "a long password 1".

. "$(dirname "$0")/lib.sh"

PW='a long password 1'

# accounts_setup: the demo database with an admin, a member and a viewer of
# harlow-mills, a member of port-ashby, and an evaluator.
accounts_setup () {
	http_demo_db
	printf '%s\n' "$PW" >"$TEST_DIR/pw"
	for spec in admin:admin@x.org: member:member@x.org:harlow-mills \
	    viewer:viewer@x.org:harlow-mills member:other@x.org:port-ashby \
	    evaluator:eval@x.org:; do
		role=${spec%%:*}
		rest=${spec#*:}
		email=${rest%%:*}
		ini=${rest#*:}
		"$TRELLIS" --db "$HTTP_DB" user add "$email" --role "$role" \
			${ini:+--initiative "$ini"} --password-file "$TEST_DIR/pw" >/dev/null ||
			{ echo "not ok - cannot add $email"; exit 1; }
	done
}

# sign_in EMAIL JAR [PASSWORD]: POST /login; the cookie goes to JAR. Prints the status.
sign_in () {
	rm -f "$2"
	curl -s -b "$2" -c "$2" -D .head.raw -o .body -w '%{http_code}' \
		--data-urlencode "login_token=$(http_login_token "$2")" \
		--data-urlencode "email=$1" --data-urlencode "password=${3-$PW}" "$URL/login"
	tr -d '\r' <.head.raw >.head
}

# csrf_of JAR [PATH]: the CSRF token in the forms of PATH (default /) for JAR's session.
csrf_of () {
	curl -s -b "$1" "$URL${2:-/admin/users}" |
		sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1
}

# login_cookie_of JAR: the sign-in form's pre-session cookie in JAR.
login_cookie_of () {
	awk '$6 == "login" || $6 == "__Host-login" { print $7 }' "$1"
}

# sid_of JAR: the session cookie's value in JAR.
sid_of () {
	awk '$6 == "sid" { print $7 }' "$1"
}
