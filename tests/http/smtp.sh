# Test library for the mail tests (tests/http/t080N-*.sh, docs/mail.md):
# Debian's aiosmtpd as the SMTP server on a free port, taking every mail
# into the Maildir $TEST_DIR/box, where Python's email package reads them
# back. Source it after lib.sh (or t02-accounts.sh), as "$TEST_TOP/tests/http/smtp.sh"
# (lib.sh has moved into the test directory), then at the top level
# (not inside a test, so that the exit trap knows its PID):
#
#	smtp_start		# sets SMTP (smtp://127.0.0.1:PORT) and SMTP_PID
#	mails			# how many mails it has taken
#
# It is stopped by its PID when the script ends, with the server.

PY=/usr/bin/python3
SMTP_PID=""
trap 'http_kill; test -n "$SMTP_PID" && kill "$SMTP_PID" 2>/dev/null; rm -rf "$TEST_DIR"' EXIT

# free_port: a loopback port nobody listens on now.
free_port () {
	$PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

smtp_start () {
	SMTP_PORT=$(free_port)
	$PY -m aiosmtpd -n -l 127.0.0.1:$SMTP_PORT -c aiosmtpd.handlers.Mailbox \
		"$TEST_DIR/box" 2>"$TEST_DIR/smtp.log" &
	SMTP_PID=$!
	i=0
	until $PY -c "import socket; socket.create_connection(('127.0.0.1', $SMTP_PORT), 1)" \
		2>/dev/null; do
		i=$((i + 1))
		test $i -lt 100 || { echo "not ok - aiosmtpd did not start"; cat "$TEST_DIR/smtp.log"; exit 1; }
		sleep 0.1
	done
	SMTP=smtp://127.0.0.1:$SMTP_PORT
}

mails () {
	ls "$TEST_DIR/box/new" 2>/dev/null | wc -l
}
