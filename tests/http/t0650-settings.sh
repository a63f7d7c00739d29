#!/bin/sh
# Program settings on the web (issue 13, item 8): /program/settings lists
# every threshold of DESIGN §3 and §5; an admin changes them with the
# rules of `trellis settings` (a bad value 422 beside its field, nothing
# written), each change in the audit log in words; the server's next
# request computes with the new settings (port-ashby's blurred-boundaries
# alert goes when its threshold rises); GET and PUT
# /api/v1/program/settings; an evaluator reads, and may not change.
. "$(dirname "$0")/lib.sh"

http_demo_db
TRELLIS_DEV_ROLE=admin http_start --dev-insecure-role
D="/i/port-ashby?as_of=2016-12-31"

test_expect_success 'an admin: every setting in a form, with its value and default' '
	test_status 200 /program/settings &&
	test_security_headers &&
	test_grep "<form method=\"post\" action=\"/program/settings\"" .body &&
	"$TRELLIS" --db demo.db settings | sed -n "s/^  \([a-z_]*\.[a-z_]*\) .*/\1/p" >names &&
	test $(wc -l <names) -ge 24 &&
	for n in $(cat names); do
		test_grep "name=\"$n\"" .body || exit 1
	done &&
	test_grep "id=\"blurred_boundaries.backbone_own_share\" name=\"blurred_boundaries.backbone_own_share\" value=\"0.1\"" .body &&
	test_grep "the default is 0.1" .body
'

test_expect_success 'a bad value: 422, the message beside its field, nothing stored' '
	test_status 422 /program/settings -d "dominance.hhi=1.5" -d "rushed.days=abc" &&
	test_grep "class=\"error-summary\"" .body &&
	test_grep "<p class=\"error\" id=\"dominance.hhi-error\"><span>Error: </span>‘1.5’ is not a valid value: give a share from 0 to 1.</p>" .body &&
	test_grep "id=\"rushed.days-error\"><span>Error: </span>‘abc’ is not a valid value: give a whole number from 0 to 3650" .body &&
	test_grep "value=\"1.5\"" .body &&
	"$TRELLIS" --db demo.db settings >now &&
	! grep "(changed)" now
'

test_expect_success 'a change: the dashboard computes with it on the next request, audited in words' '
	test_status 200 "$D" &&
	test_grep "went to the backbone&#39;s own programs or overhead" .body &&
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" \
	    -d "blurred_boundaries.backbone_own_share=0.50" -d "dominance.hhi=0.5" "$URL/program/settings") &&
	test "$code" = "303 $URL/program/settings?saved=1" &&
	test_status 200 "$D" &&
	! grep -q "went to the backbone&#39;s own programs or overhead" .body &&
	"$TRELLIS" --db demo.db settings >now &&
	grep "blurred_boundaries.backbone_own_share  *0.5  (changed)" now &&
	test_status 200 /admin/audit &&
	test_grep "changed the blurred-boundaries threshold (the backbone&#39;s own spending) from 0.1 (the default) to 0.5" .body &&
	! grep -q "changed the dominance threshold (concentration" .body &&
	test_status 200 "/program/settings?saved=1" &&
	test_grep "Changed from the default (0.1)" .body
'

test_expect_success 'the API: GET lists them, PUT changes and resets, a bad one is 422 naming it' '
	test_status 200 /api/v1/program/settings &&
	test_grep "{\"name\": \"blurred_boundaries.backbone_own_share\", \"value\": 0.5, \"default\": 0.1," .body &&
	test_status 422 /api/v1/program/settings -X PUT -H "Content-Type: application/json" \
	    -d "{\"capacity.staff\": 25, \"dominance.hhi\": \"x\"}" &&
	test_grep "\"field\": \"dominance.hhi\"" .body &&
	test_status 422 /api/v1/program/settings -X PUT -H "Content-Type: application/json" \
	    -d "{\"no.such\": 1}" &&
	test_grep "there is no setting" .body &&
	"$TRELLIS" --db demo.db settings >now &&
	grep "capacity.staff  *20\$" now &&
	test_status 200 /api/v1/program/settings -X PUT -H "Content-Type: application/json" \
	    -d "{\"capacity.staff\": 25, \"blurred_boundaries.backbone_own_share\": null}" &&
	test_grep "{\"name\": \"capacity.staff\", \"value\": 25, \"default\": 20," .body &&
	test_grep "{\"name\": \"blurred_boundaries.backbone_own_share\", \"value\": 0.1, \"default\": 0.1," .body &&
	test_status 200 "$D" &&
	test_grep "went to the backbone&#39;s own programs or overhead" .body &&
	test_status 200 /admin/audit &&
	test_grep "changed the blurred-boundaries threshold (the backbone&#39;s own spending) from 0.5 to 0.1 (the default)" .body
'

http_kill
TRELLIS_DEV_ROLE=evaluator http_start --dev-insecure-role

test_expect_success 'an evaluator reads the settings, without a form, and may not change them' '
	test_status 200 /program/settings &&
	! grep -q "<form method=\"post\" action=\"/program/settings\"" .body &&
	test_grep "<strong>25</strong> (changed from the default, 20)" .body &&
	test_status 403 /program/settings -d "capacity.staff=30" &&
	test_status 200 /api/v1/program/settings &&
	test_status 403 /api/v1/program/settings -X PUT -H "Content-Type: application/json" \
	    -d "{\"capacity.staff\": 30}" &&
	"$TRELLIS" --db demo.db settings >now &&
	grep "capacity.staff  *25  (changed)" now
'

http_kill
TRELLIS_DEV_ROLE=member:harlow-mills http_start --dev-insecure-role

test_expect_success 'a member may not read them' '
	test_status 403 /program/settings &&
	test_status 403 /api/v1/program/settings
'

test_done
