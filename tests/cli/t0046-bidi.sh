#!/bin/sh
# Bidirectional control characters (U+202A..U+202E, U+2066..U+2069) reorder
# what a reader sees of a name ("pay<U+202E>fdp.exe" shows as "payexe.pdf"):
# one-line fields refuse them, from trellis/1 and from CSV (the web forms
# parse with the same field_from_text; t0260 sends one), naming the file,
# line and field, the database unchanged; long text keeps them.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	"$TRELLIS" --db t.db import "$TEST_DATA/small.json" >/dev/null &&
	cksum t.db >before
'

# CP OCTAL-UTF-8
refused () {
	ch=$(printf "$2")
	sed "s/\"title\": \"T\"/\"title\": \"pay${ch}fdp.exe\"/" "$TEST_DATA/small.json" >b.json &&
	test_expect_code 1 "$TRELLIS" --db new.db import b.json 2>err &&
	test_grep "^b.json:28: title: contains the bidirectional control character U+$1," err &&
	! test -e new.db &&
	printf "slug,name,sector,city,staff,revenue,traits_flexible_grants,traits_expertise,traits_in_kind_staffing,traits_experiment,traits_convener\nzz,a${ch}b,public,,,,false,,false,false,false\n" >organizations.csv &&
	test_expect_code 1 "$TRELLIS" --db t.db import organizations.csv 2>err &&
	test_grep "^organizations.csv:2: name: contains the bidirectional control character U+$1," err &&
	cksum t.db >after && test_cmp before after
}

test_expect_success 'each of the nine is refused in a title (JSON) and a name (CSV)' '
	refused 202A "\342\200\252" && refused 202B "\342\200\253" &&
	refused 202C "\342\200\254" && refused 202D "\342\200\255" &&
	refused 202E "\342\200\256" && refused 2066 "\342\201\246" &&
	refused 2067 "\342\201\247" && refused 2068 "\342\201\250" &&
	refused 2069 "\342\201\251"
'

test_expect_success 'neighbours (U+2029, U+202F, U+2065, U+206A) and long text are kept' '
	sed "s/\"title\": \"T\"/\"title\": \"a$(printf "\342\200\251\342\200\257\342\201\245\342\201\252")b\"/; s/\"contrary_views\": \"some\"/\"contrary_views\": \"a$(printf "\342\200\256")b\"/" \
		"$TEST_DATA/small.json" >ok.json &&
	"$TRELLIS" --db ok.db import ok.json >/dev/null
'

test_done
