#!/bin/sh
# Bad input to trellis import: each refused with exit 1 and one line on
# stderr naming FILE:LINE: FIELD, and the database left exactly as it was.
. "$(dirname "$0")/lib.sh"

# The database every bad import is tried against holds one program, "base".
test_expect_success 'setup: a database with a program, its export and checksum' '
	sed "s/\"slug\": \"p1\"/\"slug\": \"base\"/" "$TEST_DATA/small.json" >base.json &&
	"$TRELLIS" --db base.db import base.json &&
	"$TRELLIS" --db base.db export >before.json &&
	cksum <base.db >before.sum &&
	"$TRELLIS" --db small.db import "$TEST_DATA/small.json" &&
	"$TRELLIS" --db small.db export --format csv --out csv
'

# refused "FILE:LINE: FIELD" FILE...: import FILE... into base.db fails with
# exit 1 and exactly one line on stderr that starts with the location, and
# base.db is unchanged: the same export, the same bytes.
refused () {
	where=$1
	shift
	test_expect_code 1 "$TRELLIS" --db base.db import "$@" >out 2>err &&
	test_line_count out 0 &&
	test_line_count err 1 || return 1
	case $(cat err) in
	"$where"*) ;;
	*) echo "stderr does not start with '$where':"; cat err; return 1 ;;
	esac
	"$TRELLIS" --db base.db export >after.json &&
	test_cmp before.json after.json &&
	cksum <base.db >after.sum &&
	test_cmp before.sum after.sum
}

test_expect_success 'malformed JSON' '
	sed "s/\"slug\": \"p1\", \"name\"/\"slug\": \"p1\" \"name\"/" "$TEST_DATA/small.json" >bad.json &&
	refused "bad.json:2: json: malformed JSON" bad.json
'

test_expect_success 'format other than trellis/1' '
	sed "s|\"trellis/1\"|\"trellis/2\"|" "$TEST_DATA/small.json" >bad.json &&
	refused "bad.json:1: format: " bad.json &&
	grep -q "trellis/2" err
'

test_expect_success 'an unknown field' '
	sed "s/\"city\": \"X\", \"staff\"/\"city\": \"X\", \"bogus\": 1, \"staff\"/" "$TEST_DATA/small.json" >bad.json &&
	refused "bad.json:4: bogus: unknown field" bad.json
'

test_expect_success 'an unknown organization slug' '
	sed "s/\"consulted\": \[\"pa\"\]/\"consulted\": [\"nobody\"]/" "$TEST_DATA/small.json" >bad.json &&
	refused "bad.json:28: consulted: " bad.json &&
	grep -q "nobody" err
'

test_expect_success 'an impossible date (2015-02-30)' '
	sed "s/\"2015-01-10\"/\"2015-02-30\"/" "$TEST_DATA/small.json" >bad.json &&
	refused "bad.json:28: decided: " bad.json &&
	grep -q "2015-02-30" err
'

test_expect_success 'a negative amount' '
	sed "s/\"amount\": 1000.25/\"amount\": -1000.25/" "$TEST_DATA/small.json" >bad.json &&
	refused "bad.json:35: amount: " bad.json &&
	grep -q "greater than 0" err
'

test_expect_success 'an amount with three decimals' '
	sed "s/\"amount\": 1000.25/\"amount\": 1000.255/" "$TEST_DATA/small.json" >bad.json &&
	refused "bad.json:35: amount: " bad.json &&
	grep -q "two decimals" err
'

test_expect_success 'decided before proposed' '
	sed "s/\"decided\": \"2015-01-10\"/\"decided\": \"2014-12-10\"/" "$TEST_DATA/small.json" >bad.json &&
	refused "bad.json:28: decided: " bad.json &&
	grep -q "before proposed" err
'

test_expect_success 'a duplicate id' '
	sed "s/\"id\": \"7\"/\"id\": \"d1\"/" "$TEST_DATA/small.json" >bad.json &&
	refused "bad.json:29: id: " bad.json &&
	grep -q "d1" err
'

test_expect_success 'a CSV file with an unterminated quote' '
	mkdir q && cp csv/*.csv q/ &&
	sed "3s/,/,\"/" csv/decisions.csv >q/decisions.csv &&
	refused "q/decisions.csv:3: id: unterminated quoted field" q/*.csv
'

test_expect_success 'a CSV file with a wrong column count' '
	mkdir w && cp csv/*.csv w/ &&
	sed "2s/$/,extra/" csv/decisions.csv >w/decisions.csv &&
	refused "w/decisions.csv:2: csv: 11 columns, the header has 10" w/*.csv
'

test_expect_success 'a CSV row with too few columns names the first missing one' '
	mkdir f && cp csv/*.csv f/ &&
	sed "2s/,[^,]*$//" csv/decisions.csv >f/decisions.csv &&
	refused "f/decisions.csv:2: contrary_views: 9 columns, the header has 10" f/*.csv
'

test_expect_success 'a CSV file with a UTF-8 BOM is accepted' '
	mkdir b && cp csv/*.csv b/ &&
	printf "\357\273\277" >b/decisions.csv &&
	cat csv/decisions.csv >>b/decisions.csv &&
	"$TRELLIS" --db bom.db import b/*.csv >out 2>err &&
	test_line_count err 0 &&
	"$TRELLIS" --db bom.db export >bom.json &&
	test_cmp "$TEST_DATA/small.json" bom.json
'

test_expect_success 'a missing file' '
	refused "missing.json: cannot read: No such file or directory" missing.json
'

test_expect_success 'an unwritable database path' '
	echo "a file, not a directory" >notadir &&
	test_expect_code 1 "$TRELLIS" --db notadir/x.db import "$TEST_DATA/small.json" >out 2>err &&
	test_line_count err 1 &&
	test_grep "notadir/x.db" err &&
	test_expect_code 1 "$TRELLIS" --db no/such/dir.db import "$TEST_DATA/small.json" 2>err &&
	test_line_count err 1 &&
	test_grep "no/such/dir.db" err
'

test_expect_success 'importing the same program twice' '
	refused "base.json:2: program.slug: " base.json &&
	grep -q "already exists" err
'

test_expect_success 'importing the same program twice as CSV' '
	mkdir again && cp csv/*.csv again/ &&
	sed "s/^p1,/base,/" csv/program.csv >again/program.csv &&
	refused "again/program.csv:2: program.slug: " again/*.csv
'

test_done
