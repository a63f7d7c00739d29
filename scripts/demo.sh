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
