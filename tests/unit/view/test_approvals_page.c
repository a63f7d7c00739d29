/*
 * Unit tests for src/view/approvals_page.c (issue 13, item 7): each
 * pending entry with its initiative, grant, amount, who entered it and
 * the approvals so far in words; the form's organization fixed when the
 * account may act for one, chosen when for several, absent for a reader;
 * a refused approval beside its entry; the same as JSON.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"
#include "view/approvals_page.h"
#include "tagcheck.h"

static tdate
date_of(const char *s)
{
	tdate t;

	assert_int_equal(date_parse(s, &t), 0);
	return t;
}

struct fixture {
	struct ledger_entry e;
	struct approval a[1];
	struct approval_org acted[1];
	struct approval_org may[2];
	struct approval_item item;
};

static void
fixture_fill(struct fixture *fx)
{
	memset(fx, 0, sizeof(*fx));
	fx->a[0] = (struct approval){ .by = "root@x.org", .on_behalf = 1,
	    .date = date_of("2026-12-02"), .verdict = VERDICT_APPROVE };
	fx->a[0].org.slug = "harlow-public-schools";
	fx->e = (struct ledger_entry){ .id = "L-12", .date = date_of("2026-12-01"),
	    .amount = 1250000, .kind = LEDGER_DISBURSEMENT, .purpose = "Outreach <spring>",
	    .status = LSTATUS_PENDING };
	fx->e.grant.slug = "g-1";
	fx->e.approvals.v = fx->a;
	fx->e.approvals.n = 1;
	fx->acted[0] = (struct approval_org){ "harlow-public-schools", "Harlow Mills Public Schools" };
	fx->may[0] = (struct approval_org){ "merrow-valley-health", "Merrow Valley Health" };
	fx->may[1] = (struct approval_org){ "harlow-city-planning", "Harlow City Planning" };
	fx->item = (struct approval_item){ .slug = "harlow-mills", .initiative = "Harlow Mills Initiative",
	    .e = &fx->e, .funder = "Atlantic Reserve", .recipient = NULL, .entered_by = "member@x.org", .acted = fx->acted,
	    .may = fx->may, .nmay = 2 };
}

static void
test_page(void **state)
{
	struct fixture fx;
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "Approvals", .tab = TAB_NONE };
	struct approvals_page pg = { .frame = &f, .nitems = 1, .threshold = "$5,000.00",
	    .can_act = 1, .csrf = "tok" };
	struct html h;

	(void)state;
	fixture_fill(&fx);
	pg.items = &fx.item;
	html_init(&h, &sb);
	approvals_page_write(&h, &pg);
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "Ledger entries of $5,000.00 or more entered since the "
	    "threshold was set need two organizations&#39; approval"));
	assert_non_null(strstr(sb.buf, "<p>1 ledger entry awaits approval.</p>"));
	assert_non_null(strstr(sb.buf, "<h2><a href=\"/i/harlow-mills/ledger/L-12\">L-12 · $12,500.00</a></h2>"));
	assert_non_null(strstr(sb.buf, "<dt>Grant</dt><dd><a href=\"/i/harlow-mills/grants/g-1\">g-1</a>"
	    " — Atlantic Reserve</dd>"));
	assert_non_null(strstr(sb.buf, "<dt>Paid to</dt><dd>Outside vendor</dd>"));
	assert_non_null(strstr(sb.buf, "<dd>Outreach &lt;spring&gt;</dd>"));
	assert_non_null(strstr(sb.buf, "<dt>Entered by</dt><dd>member@x.org</dd>"));
	assert_non_null(strstr(sb.buf, "<dt>Approvals so far</dt><dd><ul class=\"approvals\"><li>Approved by "
	    "Harlow Mills Public Schools (root@x.org on its behalf), 2 Dec 2026</li></ul>"));
	/* several organizations: chosen; the form posts to the entry */
	assert_non_null(strstr(sb.buf, "<form method=\"post\" action=\"/i/harlow-mills/ledger/L-12/approvals\""));
	assert_non_null(strstr(sb.buf, "<input type=\"hidden\" name=\"csrf\" value=\"tok\"/>"));
	assert_non_null(strstr(sb.buf, "<select id=\"org-harlow-mills-L-12\" name=\"org\"><option "
	    "value=\"merrow-valley-health\">Merrow Valley Health</option><option "
	    "value=\"harlow-city-planning\">Harlow City Planning</option></select>"));
	assert_non_null(strstr(sb.buf, "<button type=\"submit\" name=\"verdict\" value=\"reject\""));
	strbuf_release(&sb);

	/* one organization: said and sent, no choice; a refused approval beside its entry */
	fx.item.nmay = 1;
	fx.item.error = "reason: is required to reject";
	html_init(&h, &sb);
	approvals_page_write(&h, &pg);
	assert_balanced(sb.buf);
	assert_null(strstr(sb.buf, "<select"));
	assert_non_null(strstr(sb.buf, "<input type=\"hidden\" name=\"org\" value=\"merrow-valley-health\"/>"
	    "<output id=\"org-harlow-mills-L-12\">Merrow Valley Health</output>"));
	assert_non_null(strstr(sb.buf, "<p class=\"error\" role=\"alert\"><span>Error: </span>reason: is "
	    "required to reject</p>"));
	strbuf_release(&sb);

	/* a reader (an evaluator): no form */
	pg.can_act = 0;
	pg.threshold = NULL;
	html_init(&h, &sb);
	approvals_page_write(&h, &pg);
	assert_null(strstr(sb.buf, "<form method=\"post\" action=\"/i/"));
	assert_non_null(strstr(sb.buf, "No approval threshold is set"));
	strbuf_release(&sb);

	/* nothing pending */
	pg.nitems = 0;
	html_init(&h, &sb);
	approvals_page_write(&h, &pg);
	assert_non_null(strstr(sb.buf, "No ledger entry awaits approval."));
	assert_null(strstr(sb.buf, "<article"));
	strbuf_release(&sb);
}

static void
test_json(void **state)
{
	struct fixture fx;
	struct strbuf sb = STRBUF_INIT;
	struct approvals_page pg = { .nitems = 1, .threshold = "5000" };

	(void)state;
	fixture_fill(&fx);
	pg.items = &fx.item;
	approvals_json(&sb, &pg);
	assert_string_equal(sb.buf, "{\"threshold\": 5000,\n \"pending\": [\n"
	    "  {\"initiative\": \"harlow-mills\", \"entered_by\": \"member@x.org\", \"id\": \"L-12\", "
	    "\"date\": \"2026-12-01\", \"grant\": \"g-1\", \"amount\": 12500, \"kind\": \"disbursement\", "
	    "\"recipient\": null, \"line\": null, \"purpose\": \"Outreach <spring>\", \"backbone_own\": false, "
	    "\"status\": \"pending\", \"approvals\": [{\"org\": \"harlow-public-schools\", \"by\": "
	    "\"root@x.org\", \"on_behalf\": true, \"date\": \"2026-12-02\", \"verdict\": \"approve\", "
	    "\"reason\": null}]}]}\n");
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
