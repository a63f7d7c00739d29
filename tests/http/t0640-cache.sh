#!/bin/sh
# The server's cache (docs/web.md, Data): one catalog and a snapshot per
# initiative asked for. An initiative is read once and then served from
# memory; a change in one initiative reads that initiative again and
# leaves every other one (and its rendered pages) in place (a change made
# through the server itself is kept as it wrote it, read from nowhere, and
# is byte for byte what reading it again gives); a change
# beyond one initiative (a setting) reads the catalog and so every
# initiative again; past --cache-mb the least recently used initiative
# goes. The server says each read on its standard error ("loaded
# initiative SLUG"), which is what this test counts.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

loads () {
	grep -c "loaded initiative $1 " "$TEST_DIR/serve.log"
}

# loads_are SLUG N: the server has said N reads of SLUG. Its line follows
# the answer, so a slow machine (the PostgreSQL pass beside other work) is
# given up to 5 s for the count to reach N; then it must be N exactly.
loads_are () {
	i=0
	while test "$(loads "$1")" -lt "$2" && test $i -lt 50; do
		sleep 0.1
		i=$((i + 1))
	done
	test "$(loads "$1")" = "$2"
}

test_expect_success 'an initiative is read once, then served from memory' '
	test_status 200 /i/harlow-mills &&
	test_status 200 /i/harlow-mills/decisions &&
	test_status 200 /i/harlow-mills/ledger &&
	loads_are harlow-mills 1
'

test_expect_success 'a change in one initiative reads it again, and no other' '
	test_status 200 /i/quarry-bend &&
	loads_are quarry-bend 1 &&
	printf "%s\n" "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views" \
	    "harlow-mills,d-902,Agree the cache test,strategy,2016-11-01,2016-11-20,team,,," \
	    >decisions.csv &&
	"$TRELLIS" --db demo.db import decisions.csv >/dev/null &&
	test_status 200 /i/harlow-mills/decisions/d-902 &&
	test_grep "Agree the cache test" .body &&
	loads_are harlow-mills 2 &&
	test_status 200 /i/quarry-bend &&
	loads_are quarry-bend 1
'

test_expect_success 'the portfolio shows the change, and reads only what changed' '
	test_status 200 / &&
	before=$(grep -c "loaded initiative" "$TEST_DIR/serve.log") &&
	printf "%s\n" "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views" \
	    "harlow-mills,d-903,Agree the portfolio test,strategy,2016-11-01,2016-11-20,team,,," \
	    >decisions.csv &&
	"$TRELLIS" --db demo.db import decisions.csv >/dev/null &&
	test_status 200 / &&
	after=$(grep -c "loaded initiative" "$TEST_DIR/serve.log") &&
	test $((after - before)) = 1
'

test_expect_success 'a change made through the server is kept as written: no read again' '
	test_status 200 /i/harlow-mills/decisions &&
	before=$(loads harlow-mills) &&
	test "$(curl -s -o /dev/null -w "%{http_code}" -d id=d-904 \
	    --data-urlencode "title=Kept as written" -d category=strategy -d proposed=2016-11-03 \
	    -d decided=2016-11-21 -d decider=team -d consulted=millrace-savings \
	    "$URL/i/harlow-mills/decisions")" = 303 &&
	test_status 200 /i/harlow-mills/decisions/d-904 &&
	test_grep "Kept as written" .body &&
	test_status 200 "/i/harlow-mills/export?format=json" && cp .body kept.json &&
	test "$(loads harlow-mills)" = "$before" &&
	test_status 200 /i/quarry-bend &&
	loads_are quarry-bend 1
'

test_expect_success 'a setting is beyond one initiative: every initiative is read again' '
	"$TRELLIS" --db demo.db settings shared_leadership.shared_share 0.95 >/dev/null &&
	test_status 200 /i/quarry-bend &&
	loads_are quarry-bend 2 &&
	# what the write kept is what the store holds: read again, the same bytes
	test_status 200 "/i/harlow-mills/export?format=json" &&
	test_cmp kept.json .body
'

test_expect_success 'a round opened by the CLI, an anonymous answer and the close show at once' '
	"$TRELLIS" --db demo.db survey open --initiative harlow-mills --instrument balance \
	    --id s-cache --date 2016-12-01 >/dev/null &&
	"$TRELLIS" --db demo.db survey invite --initiative harlow-mills --survey s-cache \
	    --all >links.txt &&
	link=$(grep -o "/s/[A-Za-z0-9_-]\{43\}" links.txt | sed -n 1p) &&
	link2=$(grep -o "/s/[A-Za-z0-9_-]\{43\}" links.txt | sed -n 2p) &&
	test -n "$link" && test -n "$link2" &&
	test_status 200 /i/harlow-mills/surveys/s-cache &&
	test_grep "The round is open" .body &&
	before=$(loads harlow-mills) &&
	test_status 200 "$link" && cp .body .form &&
	set -- $(grep -o "name=\"[a-z0-9_]*\" value=\"1\"" .form | sed "s/name=\"\([^\"]*\)\".*/\1/") &&
	args="" && for item in "$@"; do args="$args -d $item=4"; done &&
	test "$(curl -s -o /dev/null -w "%{http_code}" $args "$URL$link")" = 303 &&
	test_status 410 "$link" &&
	# answering reads no initiative, even after an answer moved its version: the
	# link names its instrument and the catalog has it
	test_status 200 "$link2" &&
	test "$(loads harlow-mills)" = "$before" &&
	"$TRELLIS" --db demo.db survey close --initiative harlow-mills --survey s-cache \
	    --date 2016-12-31 >/dev/null &&
	test_status 200 /i/harlow-mills/surveys/s-cache &&
	test_grep "<td class=\"num\">fewer than 3</td>" .body
'

GEN=$TEST_TOP/${BUILD:-build}/bench/gen
test_expect_success 'past --cache-mb the least recently used initiative goes' '
	http_stop &&
	rm -f demo.db demo.db-wal demo.db-shm &&
	"$GEN" --scale 0.003 --seed 3 --format csv --out gen &&
	"$TRELLIS" --db demo.db import gen/*.csv >/dev/null &&
	set -- $(sed 1d gen/initiatives.csv | cut -d, -f1) &&
	a=$1 b=$2 &&
	TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role --cache-mb 1 &&
	test_status 200 "/i/$a/decisions" &&
	test_status 200 "/i/$b/decisions" &&
	test_status 200 "/i/$a/decisions" &&
	loads_are "$a" 2 &&
	grep "loaded initiative $a " serve.log | tail -n 1 | grep "1 kept" &&
	http_stop &&
	TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role &&
	test_status 200 "/i/$a/decisions" &&
	test_status 200 "/i/$b/decisions" &&
	test_status 200 "/i/$a/decisions" &&
	test "$(loads "$a")" = 1
'

test_done
