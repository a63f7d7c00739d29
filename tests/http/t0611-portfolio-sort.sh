#!/bin/sh
# The portfolio's table sorted without JavaScript (issue 11, point 3):
# ?sort=COL&dir=asc|desc orders the rows by any column, "—" last; every
# heading is a link that keeps the period; the footer holds the portfolio's
# means and totals, computed from the rows; an unknown column or direction
# is a 400 that names the parameter.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

P="as_of=2016-12-31&months=12"

# column LABEL: the first number of each body row's cell labelled LABEL, one a line
column () {
	tr "<" "\n" <.body | sed -n "/^tbody>/,/^\\/tbody>/p" |
	    sed -n "s/^td class=\"num\" data-label=\"$1\">\\([-0-9.\$,]*\\).*/\\1/p" | tr -d '$,'
}

test_expect_success 'sorted by stepping back, highest first, then lowest first' '
	test_status 200 "/?$P&sort=back&dir=desc" &&
	column "Stepping back" >got && test $(wc -l <got) = 6 &&
	sort -rn got >want && test_cmp want got &&
	test_status 200 "/?$P&sort=back&dir=asc" &&
	column "Stepping back" >got &&
	sort -n got >want && test_cmp want got
'

test_expect_success 'sorted by money spent and by the initiative'"'"'s name' '
	test_status 200 "/?$P&sort=spent&dir=desc" &&
	column "Spent" >got && test $(wc -l <got) = 6 &&
	sort -rn got >want && test_cmp want got &&
	test_status 200 "/?$P&sort=name&dir=asc" &&
	tr "<" "\n" <.body | sed -n "/^tbody>/,/^\\/tbody>/p" |
	    sed -n "s/^th scope=\"row\">//p;/^a href=\"\\/i\\/[a-z-]*\">/{s/^a href=\"[^\"]*\">//p}" |
	    grep -v "^\$" >names &&
	LC_ALL=C sort names >want && test_cmp want names
'

test_expect_success 'each heading is a link that keeps the period; the active one turns the order' '
	test_status 200 "/?$P&sort=up&dir=desc" &&
	for c in name back back_change up up_change alerts strengths partner_share shared spent result; do
		grep -q "href=\"?as_of=2016-12-31&amp;months=12&amp;sort=$c&amp;dir=" .body ||
		    { echo "no link for $c"; exit 1; }
	done &&
	test_grep "aria-sort=\"descending\"><a href=\"?as_of=2016-12-31&amp;months=12&amp;sort=up&amp;dir=asc\"" .body
'

test_expect_success 'the footer: means and totals of the rows' '
	test_status 200 "/?$P" &&
	column "Stepping back" >b &&
	mean=$(awk "{ s += \$1 } END { printf \"%.0f\", s / NR }" b) &&
	column "Spent" >s &&
	total=$(awk "{ s += \$1 } END { printf \"%.2f\", s }" s) &&
	tr "<" "\n" <.body | sed -n "/^tfoot>/,/^\\/tfoot>/p" >foot &&
	test_grep "^th scope=\"row\">Portfolio: 6 initiatives" foot &&
	test_grep "^td class=\"num total\" data-label=\"Stepping back\">$mean\$" foot &&
	test_grep "mean of 6" foot &&
	money=$(printf "%s" "$total" | sed -e ":a" -e "s/\\([0-9]\\)\\([0-9]\\{3\\}\\)\\([,.]\\)/\\1,\\2\\3/;ta") &&
	test_grep "\\\$$money" foot
'

test_expect_success 'N beside every score; alerts linked to their dashboard' '
	test_status 200 "/?$P" &&
	test $(tr "<" "\n" <.body | sed -n "/^tbody>/,/^\\/tbody>/p" | grep -c "^span class=\"fig-n\">N = [0-9]* parts") = 12 &&
	test_grep "<a href=\"/i/quarry-bend#to-discuss\">Backbone dominance</a>" .body &&
	test_status 200 /i/quarry-bend &&
	test_grep "<h2 id=\"to-discuss\">To discuss</h2>" .body
'

test_expect_success 'a bad column or direction is a 400 that names it' '
	test_status 400 "/?$P&sort=colour" &&
	test_grep "sort: there is no column" .body &&
	test_status 400 "/?$P&sort=back&dir=up" &&
	test_grep "dir: " .body
'

test_done
