/*
 * Several programs on one server (docs/web.md): the list of programs at /,
 * and every link a program's page writes staying inside that program
 * (html_program_use: the writer puts each href, action and src in it).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"
#include "view/html.h"
#include "view/programs_page.h"
#include "tagcheck.h"

static void
test_list(void **state)
{
	static const struct programs_page_item items[] = {
		{ "national-bench", "National <Bench>" },
		{ "wcc-demo", "Working Communities" },
	};
	struct programs_page pg = { items, 2 };
	struct strbuf sb = STRBUF_INIT;
	struct html h;
	char err[256];

	(void)state;
	html_init(&h, &sb);
	programs_page(&h, &pg);
	assert_int_equal(tagcheck(sb.buf, err, sizeof(err), NULL), 0);
	/* each program a link to its own start page, its name escaped */
	assert_non_null(strstr(sb.buf, "<a href=\"/p/national-bench/\">National &lt;Bench&gt;</a>"));
	assert_non_null(strstr(sb.buf, "<a href=\"/p/wcc-demo/\">Working Communities</a>"));
	assert_true(strstr(sb.buf, "national-bench") < strstr(sb.buf, "wcc-demo"));
	strbuf_release(&sb);
}

static void
test_none(void **state)
{
	struct programs_page pg = { NULL, 0 };
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	programs_page(&h, &pg);
	assert_non_null(strstr(sb.buf, "no role in any program"));
	assert_null(strstr(sb.buf, "<a "));
	strbuf_release(&sb);
}

/* A program's page: every site path it links to is put in the program, nothing else. */
static void
test_links_stay_in_program(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_program_use("nb");
	html_init(&h, &sb);
	html_open(&h, "a", "href", "/i/x/decisions?as_of=2016-01-01", NULL);
	html_close(&h);
	html_open(&h, "form", "method", "post", "action", "/program/settings", NULL);
	html_void(&h, "input", "type", "hidden", "name", "next", "value", "/i/x", NULL);
	html_void(&h, "button", "formaction", "/i/x/ledger/L-1", NULL);
	html_close(&h);
	html_void(&h, "img", "src", "/i/x/network/map", "alt", "/not/a/link", NULL);
	html_void(&h, "link", "rel", "stylesheet", "href", "/static/trellis.css", NULL);
	html_open(&h, "a", "href", "https://example.org/", NULL);
	html_close(&h);
	html_open(&h, "a", "href", "#main", NULL);
	html_close(&h);
	html_open(&h, "a", "href", "/api/v1/initiatives", NULL);
	html_close(&h);
	html_program_use(NULL);
	assert_string_equal(sb.buf,
	    "<a href=\"/p/nb/i/x/decisions?as_of=2016-01-01\"></a>"
	    "<form method=\"post\" action=\"/p/nb/program/settings\">"
	    "<input type=\"hidden\" name=\"next\" value=\"/i/x\"/>"
	    "<button formaction=\"/p/nb/i/x/ledger/L-1\"/></form>"
	    "<img src=\"/p/nb/i/x/network/map\" alt=\"/not/a/link\"/>"
	    "<link rel=\"stylesheet\" href=\"/static/trellis.css\"/>"
	    "<a href=\"https://example.org/\"></a>"
	    "<a href=\"#main\"></a>"
	    "<a href=\"/api/v1/programs/nb/initiatives\"></a>");
	/* and with no program (a server of one) the paths are as given */
	strbuf_reset(&sb);
	html_init(&h, &sb);
	html_open(&h, "a", "href", "/i/x", NULL);
	html_close(&h);
	assert_string_equal(sb.buf, "<a href=\"/i/x\"></a>");
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_links_stay_in_program),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
