#!/bin/sh
# `make demo`: a fresh demo database (demo.db) with the demo program, and a
# table of its initiatives. make has already built ./trellis.
set -e
cd "$(dirname "$0")/.."
db=demo.db
rm -f "$db" "$db-wal" "$db-shm"
./trellis --db "$db" demo
echo
./trellis --db "$db" stats
# The first initiative's slug: the first column of the table's first row.
first=$(./trellis --db "$db" stats | awk 'NR == 5 { print $1 }')
cat <<EOT

The demo runs from 2014 to 2016; its reports are as of the end of 2016. Try:
  ./trellis --db $db report --all --summary --as-of 2016-12-31
  ./trellis --db $db report --initiative $first --as-of 2016-12-31
  ./trellis --db $db report --initiative $first --as-of 2016-12-31 --format html --out demo-report.html
  ./trellis --db $db export --out demo.json          (the whole program as trellis/1 JSON)
  ./trellis --help
EOT
