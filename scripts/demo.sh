#!/bin/sh
# `make demo`: a fresh demo database (demo.db) with the demo program, the
# table of its initiatives, the portfolio overview of the balance report for
# the program's last year, and that report as one page, demo-report.html.
# make has already built ./trellis.
set -e
cd "$(dirname "$0")/.."
db=demo.db
asof=2016-12-31
rm -f "$db" "$db-wal" "$db-shm"
./trellis --db "$db" demo
# Demo accounts (docs/web.md "Accounts"): an admin, a member and a viewer of
# harlow-mills, and an evaluator, each with a fresh readable password.
pwdir=$(mktemp -d)
trap 'rm -rf "$pwdir"' EXIT
demo_password () {
	# three short random words-ish: 4 hex groups, 19 characters
	od -An -N8 -tx2 /dev/urandom | awk '{ printf "%s-%s-%s-%s\n", $1, $2, $3, $4 }'
}
accounts=""
for spec in admin:admin@demo.example: member:member@demo.example:harlow-mills \
    viewer:viewer@demo.example:harlow-mills evaluator:evaluator@demo.example:; do
	role=${spec%%:*}
	rest=${spec#*:}
	email=${rest%%:*}
	ini=${rest#*:}
	pw=$(demo_password)
	printf '%s\n' "$pw" >"$pwdir/pw"
	./trellis --db "$db" user add "$email" --role "$role" ${ini:+--initiative "$ini"} \
		--password-file "$pwdir/pw" >/dev/null
	accounts="$accounts$(printf '  %-10s %-26s %s%s' "$role" "$email" "$pw" "${ini:+   ($ini)}")
"
done
rm -rf "$pwdir"
echo
./trellis --db "$db" stats
echo
echo "The balance in the program's last year (report as of $asof, 12 months):"
echo
./trellis --db "$db" report --all --summary --as-of "$asof"
./trellis --db "$db" report --all --as-of "$asof" --format html --out demo-report.html
# The first initiative's slug: the first column of the table's first row.
first=$(./trellis --db "$db" stats | awk 'NR == 5 { print $1 }')
cat <<EOT

The whole report, with figures, charts and the records behind each point to
discuss, is in demo-report.html (open it in a browser; it prints cleanly).
Try also:
  ./trellis --db $db report --initiative $first --as-of $asof
  ./trellis --db $db capacity --compare harlow-neighborhood-builders calder-springs-alliance
  ./trellis --db $db export --out demo.json          (the whole program as trellis/1 JSON)
  ./trellis --help
EOT

cat <<EOT

Demo accounts (email and password; made afresh by each \`make demo\`):
$accounts
Now serving the demo at http://127.0.0.1:8080/ — open it and sign in with one
of the accounts above. Ctrl-C stops the server.
EOT
# plain HTTP on loopback: --dev-cookie names the cookie sid without Secure (docs/web.md)
exec ./trellis --db "$db" serve --listen 127.0.0.1:8080 --dev-cookie
