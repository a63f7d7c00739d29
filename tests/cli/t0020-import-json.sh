#!/bin/sh
# trellis import of a trellis/1 JSON document, and export back: the bytes
# survive import → export → import → export unchanged.
. "$(dirname "$0")/lib.sh"

test_expect_success 'import a small program' '
	"$TRELLIS" --db small.db import "$TEST_DATA/small.json" >out 2>err &&
	test_line_count err 0 &&
	test_grep "^Imported program p1 (1 initiative, 21 records) into small.db$" out
'

test_expect_success 'export gives back the very bytes imported' '
	"$TRELLIS" --db small.db export >export.json &&
	test_cmp "$TEST_DATA/small.json" export.json
'

test_expect_success 'export --out writes the same bytes to a file' '
	"$TRELLIS" --db small.db export --out out.json &&
	test_cmp export.json out.json &&
	"$TRELLIS" --db small.db export --format json --out - >stdout.json &&
	test_cmp export.json stdout.json
'

test_expect_success 're-import the export into a new database, export again: identical' '
	"$TRELLIS" --db again.db import export.json &&
	"$TRELLIS" --db again.db export >again.json &&
	test_cmp export.json again.json
'

# DESIGN §2: every new initiative starts with the twelve default
# responsibilities, imported as made on the web; one that lists its own
# keeps exactly those (the byte-for-byte tests above).
test_expect_success 'an initiative imported without responsibilities gets the twelve defaults, and round trips' '
	sed "/\"responsibilities\": \[/,/^   \],\$/d" "$TEST_DATA/small.json" >bare.json &&
	! grep -q responsibilities bare.json &&
	"$TRELLIS" --db bare.db import bare.json >out &&
	"$TRELLIS" --db bare.db export >bare1.json &&
	sed -n "/\"responsibilities\": \[/,/^   \],\$/p" bare1.json >resp &&
	cat >want <<-\EOF &&
	   "responsibilities": [
	    {"name": "approve budget", "assignments": {}},
	    {"name": "review budget", "assignments": {}},
	    {"name": "evaluate initiative director", "assignments": {}},
	    {"name": "supervise initiative director", "assignments": {}},
	    {"name": "manage grant funds", "assignments": {}},
	    {"name": "funder check-in", "assignments": {}},
	    {"name": "data analysis", "assignments": {}},
	    {"name": "grant writing", "assignments": {}},
	    {"name": "communications", "assignments": {}},
	    {"name": "community engagement", "assignments": {}},
	    {"name": "evaluation liaison", "assignments": {}},
	    {"name": "convene team meetings", "assignments": {}}
	   ],
	EOF
	test_cmp want resp &&
	"$TRELLIS" --db bare2.db import bare1.json &&
	"$TRELLIS" --db bare2.db export >bare2.json &&
	test_cmp bare1.json bare2.json
'

test_expect_success 'an explicit empty list is the initiative'"'"'s own: none, as a database without any exports' '
	sed "/\"responsibilities\": \[/,/^   \],\$/c\\
   \"responsibilities\": []," "$TEST_DATA/small.json" >empty.json &&
	grep -q "^   \"responsibilities\": \[\],\$" empty.json &&
	"$TRELLIS" --db empty.db import empty.json >out &&
	"$TRELLIS" --db empty.db export >empty1.json &&
	test_cmp empty.json empty1.json
'

test_expect_success 'CSV: a new initiative without responsibilities.csv gets the defaults; with it (even empty) its own' '
	"$TRELLIS" --db empty.db export --format csv --out ecsv &&
	test_line_count ecsv/responsibilities.csv 1 &&
	"$TRELLIS" --db csv1.db import ecsv/*.csv >out &&
	"$TRELLIS" --db csv1.db export >csv1.json &&
	test_cmp empty.json csv1.json &&
	rm ecsv/responsibilities.csv &&
	"$TRELLIS" --db csv2.db import ecsv/*.csv >out &&
	"$TRELLIS" --db csv2.db export >csv2.json &&
	test_cmp bare1.json csv2.json
'

test_expect_success 'the demo program round trips byte for byte' '
	"$TRELLIS" --db demo.db demo >out &&
	"$TRELLIS" --db demo.db export >demo1.json &&
	test -s demo1.json &&
	"$TRELLIS" --db fresh.db import demo1.json &&
	"$TRELLIS" --db fresh.db export >demo2.json &&
	test_cmp demo1.json demo2.json
'

test_expect_success 'the demo is the same for the same seed, different for another' '
	"$TRELLIS" --db seed1.db demo --seed 1 &&
	"$TRELLIS" --db seed1.db export >seed1.json &&
	test_cmp demo1.json seed1.json &&
	"$TRELLIS" --db seed2.db demo --seed 2 &&
	"$TRELLIS" --db seed2.db export >seed2.json &&
	! cmp -s seed1.json seed2.json
'

test_expect_success 'demo refuses to run twice on one database' '
	test_expect_code 1 "$TRELLIS" --db demo.db demo >out 2>err &&
	test_line_count err 1 &&
	test_grep "already there" err &&
	"$TRELLIS" --db demo.db export >after.json &&
	test_cmp demo1.json after.json
'

test_expect_success 'two programs in one database: --program chooses' '
	sed "s/\"slug\": \"p1\"/\"slug\": \"p2\"/; s/\"i1\"/\"i2\"/g" export.json >p2.json &&
	"$TRELLIS" --db two.db import export.json &&
	"$TRELLIS" --db two.db import p2.json &&
	test_expect_code 2 "$TRELLIS" --db two.db export >out 2>err &&
	test_line_count out 0 &&
	test_line_count err 1 &&
	test_grep "several programs (p1, p2)" err &&
	"$TRELLIS" --db two.db --program p1 export >p1.json &&
	test_cmp export.json p1.json &&
	"$TRELLIS" --db two.db export --program p2 >p2-out.json &&
	test_cmp p2.json p2-out.json &&
	test_expect_code 1 "$TRELLIS" --db two.db --program nope export 2>err &&
	test_grep "no program .nope." err
'

test_expect_success 'stats lists every initiative with its counts' '
	"$TRELLIS" --db small.db stats >out &&
	test_grep "^initiative  *city  *backbone  *members  *decisions  *grants  *ledger  *credits  *check-ins  *events  *surveys  *ties$" out &&
	test_grep "^i1  *X  *Backbone Org  *2  *2  *1  *1  *1  *1  *1  *1  *1$" out &&
	test_grep "^1 initiative " out
'

test_expect_success 'stats with two programs: both, or the one --program names' '
	"$TRELLIS" --db two.db stats >out &&
	test_grep "^Prog (p1)$" out &&
	test_grep "^Prog (p2)$" out &&
	"$TRELLIS" --db two.db --program p2 stats >out &&
	! grep -q "(p1)" out &&
	test_grep "^i2  " out &&
	test_expect_code 1 "$TRELLIS" --db two.db --program nope stats >out 2>err &&
	test_line_count err 1 &&
	test_grep "no program .nope." err
'

test_done
