#!/bin/sh
# After a form write the server gives later requests the request's own copy
# of the program (records_write_end: no second load from the store) when
# nothing else was written meanwhile, and loads it again when something was.
# Either way the program it serves must be exactly what the store holds:
# /api/v1/export (the served program as trellis/1) equals `trellis export`
# (loaded from the database) after an add, an edit and a delete in forms,
# and after a change the CLI made between two form writes.
. "$(dirname "$0")/lib.sh"

http_demo_db
printf "a long password 1\n" >pw
"$TRELLIS" --db demo.db user add pa@example.org --role admin --password-file pw >/dev/null &&
"$TRELLIS" --db demo.db token add --user pa@example.org >admin.tok 2>/dev/null ||
	{ echo "not ok 1 - cannot make the API token"; exit 1; }
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

I=/i/harlow-mills

# same_as_store: the served program equals the database's, byte for byte
same_as_store () {
	curl -s -H "Authorization: Bearer $(cat admin.tok)" "$URL/api/v1/export" >served.json &&
	"$TRELLIS" --db demo.db export >stored.json &&
	test -s stored.json &&
	test_cmp stored.json served.json
}

post () {
	curl -s -o /dev/null -w "%{http_code}" "$@"
}

test_expect_success 'add, edit and delete in forms: the served program is the stored one' '
	same_as_store &&
	test "$(post -d id=d-970 --data-urlencode "title=Publish the copy" -d category=strategy \
	    -d proposed=2016-10-01 -d decided=2016-10-20 -d decider=team "$URL$I/decisions")" = 303 &&
	same_as_store &&
	test "$(post -d id=d-970 --data-urlencode "title=Publish the copy, edited" -d category=strategy \
	    -d proposed=2016-10-01 -d decided=2016-10-21 -d decider=committee \
	    -d consulted=millrace-savings "$URL$I/decisions/d-970")" = 303 &&
	same_as_store &&
	test_status 200 $I/decisions/d-970 &&
	test_grep "Publish the copy, edited" .body &&
	test "$(post -d action=delete -d confirm=yes "$URL$I/decisions/d-970")" = 303 &&
	same_as_store &&
	test_status 404 $I/decisions/d-970
'

test_expect_success 'a change by the CLI between two form writes is kept in the served program' '
	printf "%s\n" "initiative,id,title,category,proposed,decided,decider,consulted,informed,contrary_views" \
	    "harlow-mills,d-971,Made from the command line,strategy,2016-11-01,2016-11-20,team,,," \
	    >decisions.csv &&
	"$TRELLIS" --db demo.db import decisions.csv >/dev/null &&
	test "$(post -d id=d-972 --data-urlencode "title=Made in the form" -d category=strategy \
	    -d proposed=2016-11-02 -d decided=2016-11-22 -d decider=team "$URL$I/decisions")" = 303 &&
	test_status 200 $I/decisions/d-971 &&
	test_status 200 $I/decisions/d-972 &&
	same_as_store
'

test_done
