#!/bin/sh
# The deployment of docs/deploy.md, checked here rather than trusted:
# `make install` puts the binary and the man page under DESTDIR/PREFIX; the
# man page renders without a warning and names every command; the systemd
# units in contrib/ pass `systemd-analyze verify` and the service's sandbox
# rates "OK" or better in `systemd-analyze security`; and the nginx example,
# with a self-signed certificate, serves Trellis over HTTPS: plain HTTP is
# sent to HTTPS, a person signs in with the Secure __Host- cookie, and
# Trellis (--trusted-proxy 127.0.0.1) sees the client's own address, not
# the proxy's nor one the client made up.
. "$(dirname "$0")/lib.sh"

NGINX_PID=""
trap 'http_kill; test -n "$NGINX_PID" && kill "$NGINX_PID" 2>/dev/null; rm -rf "$TEST_DIR"' EXIT
ROOT=$TEST_DIR/root

free_port () {
	/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

test_expect_success 'make install puts the binary and the man page under DESTDIR and PREFIX' '
	make -s -C "$TEST_TOP" --no-print-directory install-files DESTDIR="$ROOT" PREFIX=/usr \
		INSTALL_BIN="$TRELLIS" >out 2>&1 &&
	test -x "$ROOT/usr/bin/trellis" &&
	test "$(stat -c %a "$ROOT/usr/share/man/man1/trellis.1")" = 644 &&
	"$ROOT/usr/bin/trellis" --help >help && test_grep "^commands:" help
'

test_expect_success 'the man page renders without a warning and names every command' '
	groff -man -Tutf8 -ww -z "$ROOT/usr/share/man/man1/trellis.1" 2>warn &&
	test_line_count warn 0 &&
	sed -n "/^commands:/,/^\$/p" help | awk "NF > 1 { print \$1 }" >commands &&
	test "$(wc -l <commands)" -ge 15 &&
	while read c; do
		grep -q "^.fB$c.fR" "$ROOT/usr/share/man/man1/trellis.1" ||
			{ echo "no entry for $c"; exit 1; }
	done <commands
'

test_expect_success 'the systemd units verify; the service'"'"'s sandbox rates OK' '
	mkdir units &&
	for u in trellis.service trellis-backup.service trellis-backup.timer; do
		sed "s|/usr/local/bin/trellis|$ROOT/usr/bin/trellis|g" \
			"$TEST_TOP/contrib/systemd/$u" >units/$u || exit 1
	done &&
	(cd units && systemd-analyze verify --man=no ./trellis.service \
		./trellis-backup.service ./trellis-backup.timer) >verify 2>&1 &&
	test_line_count verify 0 &&
	(cd units && systemd-analyze security --offline=yes --threshold=20 ./trellis.service) >sec 2>&1 &&
	test_grep "Overall exposure level for trellis.service: [01]\.[0-9] OK" sec
'

# Trellis behind the contrib nginx config on free ports, with a self-signed certificate.
http_demo_db
printf '%s\n' 'a long password 1' >"$TEST_DIR/pw"
"$TRELLIS" --db "$TEST_DIR/demo.db" user add admin@x.org --role admin \
	--password-file "$TEST_DIR/pw" >/dev/null
http_start --trusted-proxy 127.0.0.1
UPSTREAM=${URL#http://}
# the second server, on the same database, its output in b.out and b.log
"$TRELLIS" --db "$HTTP_DB" serve --listen 127.0.0.1:0 --trusted-proxy 127.0.0.1 \
	>"$TEST_DIR/b.out" 2>"$TEST_DIR/b.log" &
echo $! >>"$TEST_DIR/.servers"
i=0
until grep -q "^listening on " "$TEST_DIR/b.out" || test $i -ge 300; do
	sleep 0.1
	i=$((i + 1))
done
UPSTREAM_B=$(sed -n 's|^listening on http://\([^ ]*\)/$|\1|p' "$TEST_DIR/b.out")
test -n "$UPSTREAM_B" || { echo "not ok - the second server did not start:"; cat "$TEST_DIR/b.log"; exit 1; }
HTTPS_PORT=$(free_port)
HTTP_PORT=$(free_port)
mkdir -p "$TEST_DIR/nginx/logs"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
	-keyout "$TEST_DIR/nginx/key.pem" -out "$TEST_DIR/nginx/cert.pem" 2>/dev/null
sed -e "s|server 127.0.0.1:8080;|server $UPSTREAM; server $UPSTREAM_B;|" \
	-e "s|listen 443 ssl http2;|listen 127.0.0.1:$HTTPS_PORT ssl http2;|" \
	-e "s|listen 80;|listen 127.0.0.1:$HTTP_PORT;|" -e "/listen \[::\]/d" \
	-e "s|/etc/letsencrypt/live/trellis.example.org/fullchain.pem|$TEST_DIR/nginx/cert.pem|" \
	-e "s|/etc/letsencrypt/live/trellis.example.org/privkey.pem|$TEST_DIR/nginx/key.pem|" \
	-e "s|https://\$host\$request_uri|https://\$host:$HTTPS_PORT\$request_uri|" \
	"$TEST_TOP/contrib/nginx/trellis.conf" >"$TEST_DIR/nginx/site.conf"
cat >"$TEST_DIR/nginx/nginx.conf" <<NGINX
daemon off;
pid $TEST_DIR/nginx/nginx.pid;
error_log $TEST_DIR/nginx/logs/error.log;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path $TEST_DIR/nginx/body;
	proxy_temp_path $TEST_DIR/nginx/proxy;
	include $TEST_DIR/nginx/site.conf;
}
NGINX
/usr/sbin/nginx -p "$TEST_DIR/nginx" -c "$TEST_DIR/nginx/nginx.conf" 2>"$TEST_DIR/nginx/stderr" &
NGINX_PID=$!
i=0
until curl -sk -o /dev/null "https://127.0.0.1:$HTTPS_PORT/static/trellis.css" || test $i -ge 50; do
	sleep 0.1
	i=$((i + 1))
done
URL=https://127.0.0.1:$HTTPS_PORT

test_expect_success 'plain HTTP is sent to HTTPS' '
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" "http://127.0.0.1:$HTTP_PORT/i/harlow-mills") &&
	test "$code" = "301 https://127.0.0.1:$HTTPS_PORT/i/harlow-mills"
'

test_expect_success 'over HTTPS a person signs in with the Secure __Host- cookie' '
	: >jar &&
	token=$(curl -sk -b jar -c jar "$URL/login" |
		sed -n "s/.*name=\"login_token\" value=\"\([^\"]*\)\".*/\1/p" | head -n 1) &&
	test -n "$token" &&
	code=$(curl -sk -b jar -c jar -D head -o /dev/null -w "%{http_code}" \
		--data-urlencode "login_token=$token" --data-urlencode email=admin@x.org \
		--data-urlencode "password=a long password 1" "$URL/login") &&
	test "$code" = 303 &&
	grep -qi "^Set-Cookie: __Host-sid=.*; Secure" head &&
	code=$(curl -sk -b jar -o /dev/null -w "%{http_code}" "$URL/i/harlow-mills") &&
	test "$code" = 200
'

test_expect_success 'Trellis sees the client'"'"'s address, not the proxy'"'"'s nor a made-up one' '
	curl -sk --interface 127.0.0.2 -H "X-Forwarded-For: 198.51.100.1" -o /dev/null "$URL/api" &&
	sleep 0.2 &&
	cat "$TEST_DIR/serve.log" "$TEST_DIR/b.log" >both.log &&
	test_grep " 127.0.0.2 GET /api " both.log &&
	! grep -q "198.51.100.1" both.log
'

# a well-formed survey link token that is no invitation's
BAD=/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA

test_expect_success 'both servers answer: sixteen addresses are spread over them' '
	for n in 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
		curl -sk --interface 127.0.0.$n -o /dev/null "$URL/api" || exit 1
	done &&
	sleep 0.2 &&
	grep -c " 127\.0\.0\.[12][0-9] GET /api " "$TEST_DIR/serve.log" >na &&
	grep -c " 127\.0\.0\.[12][0-9] GET /api " "$TEST_DIR/b.log" >nb &&
	test "$(cat na)" -ge 1 && test "$(cat nb)" -ge 1 &&
	test $(($(cat na) + $(cat nb))) = 16
'

test_expect_success 'twenty failed survey links from one address lock it out, whichever server answers' '
	i=0 &&
	while test $i -lt 20; do
		code=$(curl -sk --interface 127.0.0.3 -o /dev/null -w "%{http_code}" "$URL$BAD") &&
		test "$code" = 404 || { echo "try $i: $code"; exit 1; }
		i=$((i + 1))
	done &&
	for i in 1 2 3 4; do
		code=$(curl -sk --interface 127.0.0.3 -o /dev/null -w "%{http_code}" "$URL$BAD") &&
		test "$code" = 429 || { echo "after 20: $code"; exit 1; }
	done &&
	code=$(curl -sk --interface 127.0.0.4 -o /dev/null -w "%{http_code}" "$URL$BAD") &&
	test "$code" = 404
'

test_done
