/*
 * Unit tests for src/view/assistance_page.c (issue 13, item 5): hours per
 * initiative (a "—" for none, an add link for the program team only),
 * every record newest first as given, with what it answers in words, and
 * the same as JSON with each record as in trellis/1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"
#include "view/assistance_page.h"
#include "tagcheck.h"

static tdate
date_of(const char *s)
{
	tdate t;

	assert_int_equal(date_parse(s, &t), 0);
	return t;
}

struct fixture {
	struct assistance a[2];
	int answers[2];
	struct assistance_total totals[2];
	struct assistance_item items[2];
};

static void
fixture_fill(struct fixture *fx)
{
	memset(fx, 0, sizeof(*fx));
	fx->answers[0] = ANSWER_CONVENER;
	fx->answers[1] = ANSWER_NO_CONTRARY_VIEWS;
	fx->a[0] = (struct assistance){ .id = "ta-2", .date = date_of("2016-05-02"),
	    .topic = "Facilitating <the> committee", .hours = 4.5 };
	fx->a[0].provider.slug = "reserve";
	fx->a[0].answers.v = fx->answers;
	fx->a[0].answers.n = 2;
	fx->a[1] = (struct assistance){ .id = "ta-1", .date = date_of("2016-04-12"),
	    .topic = "Data", .hours = 12 };
	fx->a[1].provider.slug = "reserve";
	fx->totals[0] = (struct assistance_total){ .slug = "harlow-mills", .name = "Harlow Mills Initiative",
	    .city = "Harlow Mills", .n = 2, .hours = 16.5 };
	fx->totals[1] = (struct assistance_total){ .slug = "port-ashby", .name = "Port Ashby Together",
	    .city = "Port Ashby" };
	fx->items[0] = (struct assistance_item){ .slug = "harlow-mills", .initiative = "Harlow Mills Initiative",
	    .provider = "Atlantic Reserve", .a = &fx->a[0] };
	fx->items[1] = (struct assistance_item){ .slug = "harlow-mills", .initiative = "Harlow Mills Initiative",
	    .provider = "Atlantic Reserve", .a = &fx->a[1] };
}

static void
test_page(void **state)
{
	struct fixture fx;
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "Technical assistance", .tab = TAB_NONE };
	struct assistance_page pg = { .frame = &f, .ntotals = 2, .nitems = 2, .can_add = 1 };
	struct html h;

	(void)state;
	fixture_fill(&fx);
	pg.totals = fx.totals;
	pg.items = fx.items;
	html_init(&h, &sb);
	assistance_page_write(&h, &pg);
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "2 records, 16.5 h, for 1 of 2 initiatives."));
	assert_non_null(strstr(sb.buf, "<a href=\"/i/harlow-mills/assistance\">Harlow Mills Initiative</a>"
	    "</th><td class=\"num\" data-label=\"Records\">2</td><td class=\"num\" data-label=\"Hours\">"
	    "16.5 h</td><td data-label=\"Record more\"><a href=\"/i/harlow-mills/assistance/new\">"
	    "Record assistance for Harlow Mills</a></td>"));
	/* none: a dash, not "0 h" */
	assert_non_null(strstr(sb.buf, "data-label=\"Records\">0</td><td class=\"num\" data-label=\"Hours\">—</td>"));
	/* each record: its page, escaped topic, provider's name, what it answers in words */
	assert_non_null(strstr(sb.buf, "<td class=\"when\" data-label=\"Date\">2 May 2016</td>"
	    "<th scope=\"row\" data-label=\"Topic\"><a href=\"/i/harlow-mills/assistance/ta-2\">"
	    "Facilitating &lt;the&gt; committee</a></th>"));
	assert_non_null(strstr(sb.buf, "<td data-label=\"Provider\">Atlantic Reserve</td>"));
	assert_non_null(strstr(sb.buf, "<li>Gap: credibility as a convener</li><li>Alert: no contrary views</li>"));
	assert_non_null(strstr(sb.buf, "<td data-label=\"Answers\">—</td>"));
	strbuf_release(&sb);

	/* an evaluator: no add links */
	pg.can_add = 0;
	html_init(&h, &sb);
	assistance_page_write(&h, &pg);
	assert_null(strstr(sb.buf, "/assistance/new"));
	assert_null(strstr(sb.buf, "Record more"));
	strbuf_release(&sb);
}

static void
test_json(void **state)
{
	struct fixture fx;
	struct strbuf sb = STRBUF_INIT;
	struct assistance_page pg = { .ntotals = 2, .nitems = 1 };

	(void)state;
	fixture_fill(&fx);
	pg.totals = fx.totals;
	pg.items = fx.items;
	assistance_json(&sb, &pg);
	assert_string_equal(sb.buf, "{\"initiatives\": [\n"
	    "  {\"slug\": \"harlow-mills\", \"records\": 2, \"hours\": 16.5},\n"
	    "  {\"slug\": \"port-ashby\", \"records\": 0, \"hours\": 0}],\n"
	    " \"assistance\": [\n"
	    "  {\"initiative\": \"harlow-mills\", \"id\": \"ta-2\", \"date\": \"2016-05-02\", "
	    "\"provider\": \"reserve\", \"topic\": \"Facilitating <the> committee\", \"hours\": 4.5, "
	    "\"answers\": [\"convener\", \"no_contrary_views\"]}]}\n");
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
