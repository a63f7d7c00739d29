#!/bin/sh
# The Network tab (issue 5 points 4 and 5): the map and the network.* figures
# of the period, the map as an SVG download (the same bytes for the same
# data), and the rating form: one organization rates the others, one tie per
# organization rated, all kept or none.
. "$(dirname "$0")/lib.sh"

http_demo_db
I=/i/harlow-mills
P="as_of=2016-12-31&months=12"
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role

# ties_count: the initiative's tie records, from the API
ties_count () {
	curl -s "$URL/api/v1/initiatives/harlow-mills/ties" | grep -o '"frequency"' | wc -l
}
# figure NAME: the value cell of figure NAME on the Network page (in .body)
figure () {
	perl -ne "print \"\$1\\n\" if /data-figure=\"\Q$1\E\">.*?<td class=\"num\">([^<]*)</" .body
}

test_expect_success 'the Network tab leads to the page: map, figures with N, readings' '
	test_status 200 "$I" &&
	test_grep "href=\"$I/network\"" .body &&
	test_status 200 "$I/network?$P" &&
	test_security_headers &&
	test_grep "<h1>Network</h1>" .body &&
	test_grep "aria-current=\"page\"[^>]*>Network<\|href=\"$I/network\"[^>]*aria-current" .body &&
	test_grep "<svg[^>]*class=\"chart network\"" .body &&
	for f in density centralization backbone_degree_share backbone_betweenness trust value resilience; do
		test_grep "data-figure=\"network.$f\"" .body || return 1
	done &&
	test_grep "Pairs of organizations working together (density)" .body &&
	test "$(figure network.density)" = "75%" &&
	test_grep "If the backbone stepped away, the largest group still working together would be 8 of the 8 other organizations." .body &&
	test_grep "Trust between organizations (1 to 4): [0-9.]* of 4, that is [0-9]*% of the highest rating." .body &&
	test_grep "<form class=\"download\" method=\"get\" action=\"$I/network/map\"><input type=\"hidden\" name=\"as_of\" value=\"2016-12-31\"/><input type=\"hidden\" name=\"months\" value=\"12\"/>" .body &&
	test_grep "href=\"$I/ties\"" .body
'

test_expect_success 'the list of ratings stays at /ties, under the Network tab' '
	test_status 200 "$I/ties" &&
	test_grep "Network ties" .body
'

test_expect_success 'the map downloads as an SVG file, the same bytes twice' '
	test_status 200 "$I/network/map?$P" &&
	test_grep "^Content-Type: image/svg+xml" .head &&
	test_grep "^Content-Disposition: attachment; filename=\"harlow-mills-network-2016-12-31.svg\"" .head &&
	head -1 .body | grep "^<?xml version=\"1.0\" encoding=\"UTF-8\"?>$" &&
	test_grep "<svg xmlns=\"http://www.w3.org/2000/svg\"" .body &&
	cp .body map1.svg &&
	test_status 200 "$I/network/map?$P" &&
	cmp map1.svg .body &&
	test_status 400 "$I/network/map?as_of=2016-13-45"
'

test_expect_success 'editors get the rating form of the organization they pick' '
	test_status 200 "$I/network" &&
	test_grep "<select id=\"rater\" name=\"rater\">" .body &&
	test_status 200 "$I/network?rater=harlow-neighborhood-builders" &&
	test_grep "name=\"from\" value=\"harlow-neighborhood-builders\"" .body &&
	test_grep "<input type=\"date\" id=\"date\" name=\"date\"" .body &&
	test_grep "name=\"harlow-public-schools.frequency\"" .body &&
	test_grep "<option value=\"4\">4 integrate</option>" .body &&
	test_grep "name=\"harlow-public-schools.resources\"" .body &&
	test_grep "Shared mission" .body &&
	! grep "name=\"harlow-neighborhood-builders.frequency\"" .body &&
	test_status 404 "$I/network?rater=atlantic-reserve"
'

test_expect_success 'a rating of 5: 422 beside the field, what was typed kept, nothing saved' '
	before=$(ties_count) &&
	test_status 422 "$I/network" -d from=harlow-neighborhood-builders -d date=2016-12-01 \
	    -d harlow-public-schools.frequency=3 -d harlow-city-planning.frequency=2 \
	    -d harlow-city-planning.reliability=5 &&
	test_grep "class=\"error-summary\"" .body &&
	test_grep "href=\"#harlow-city-planning.reliability\"" .body &&
	test_grep "id=\"harlow-city-planning.reliability-error\"" .body &&
	test_grep "<option value=\"5\" selected>5</option>" .body &&
	test_grep "<option value=\"3\" selected>3 coordinate</option>" .body &&
	test "$(ties_count)" = "$before" &&
	test_status 422 "$I/network" -d from=harlow-neighborhood-builders -d date=2016-12-01 &&
	test_grep "No organization was rated" .body &&
	test_status 422 "$I/network" -d from=harlow-neighborhood-builders -d date=2016-12-01 \
	    -d harlow-public-schools.reliability=2 &&
	test_grep "id=\"harlow-public-schools.frequency-error\"" .body &&
	test_status 400 "$I/network" -d from=atlantic-reserve -d date=2016-12-01 \
	    -d harlow-public-schools.frequency=3 &&
	test "$(ties_count)" = "$before"
'

test_expect_success 'the form adds one tie per organization rated, audited, and the figures move' '
	test_status 200 "$I/network?$P" &&
	trust0=$(figure network.trust) &&
	before=$(ties_count) &&
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -d from=harlow-neighborhood-builders \
	    -d date=2016-12-01 -d harlow-public-schools.frequency=1 -d harlow-public-schools.reliability=1 \
	    -d harlow-public-schools.mission=1 -d harlow-public-schools.openness=1 \
	    -d harlow-city-planning.frequency=2 -d harlow-city-planning.reliability=1 \
	    -d merrow-valley-health.frequency= "$URL$I/network") &&
	test "$code" = "303 $URL$I/network" &&
	test "$(ties_count)" = $((before + 2)) &&
	curl -s "$URL/api/v1/initiatives/harlow-mills/ties" >ties.json &&
	test_grep "\"date\": \"2016-12-01\", \"from\": \"harlow-neighborhood-builders\", \"to\": \"harlow-public-schools\", \"frequency\": 1, \"reliability\": 1, \"mission\": 1, \"openness\": 1, \"influence\": null" ties.json &&
	test_status 200 "$I/network?$P" &&
	trust1=$(figure network.trust) &&
	test -n "$trust1" && test "$trust1" != "$trust0" &&
	test_status 200 /admin/audit &&
	test "$(grep -o "added network rating" .body | wc -l)" -ge 2
'

# restarted here, not inside a test: a server started in a test's subshell
# would outlive the script (the EXIT trap knows only this shell's PID)
http_kill
TRELLIS_DEV_ROLE=viewer:harlow-mills http_start --dev-insecure-role

test_expect_success 'a viewer sees the page and the map, not the form, and cannot post' '
	test_status 200 "$I/network" &&
	test_grep "<svg" .body &&
	! grep "Rate the other organizations" .body &&
	test_status 200 "$I/network/map" &&
	test_status 403 "$I/network" -d from=harlow-neighborhood-builders -d date=2016-12-01 \
	    -d harlow-public-schools.frequency=3
'

test_done
