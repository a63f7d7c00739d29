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
cat <<EOT

Try next:
  ./trellis --db $db export --out demo.json        the whole program as trellis/1 JSON
  ./trellis --db $db export --format csv --out demo-csv
  ./trellis --help                                  every command
EOT
