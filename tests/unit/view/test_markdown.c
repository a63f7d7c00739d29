/* Unit tests for src/view/markdown.c: Markdown rendered, never raw HTML or script links. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"
#include "view/markdown.h"

static void
render(const char *md, struct strbuf *out)
{
	struct html h;

	html_init(&h, out);
	html_markdown(&h, md);
}

static void
test_markdown_is_rendered(void **state)
{
	struct strbuf out = STRBUF_INIT;

	(void)state;
	render("**Good** month:\n\n- hired a director\n- [plan](https://example.org/plan)", &out);
	assert_non_null(strstr(out.buf, "<div class=\"md\">"));
	assert_non_null(strstr(out.buf, "<strong>Good</strong>"));
	assert_non_null(strstr(out.buf, "<li>hired a director</li>"));
	assert_non_null(strstr(out.buf, "<a href=\"https://example.org/plan\">plan</a>"));
	assert_string_equal(out.buf + out.len - 6, "</div>");
	strbuf_release(&out);
}

static void
test_raw_html_and_script_links_are_dropped(void **state)
{
	struct strbuf out = STRBUF_INIT;

	(void)state;
	render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> and "
	    "[click](javascript:alert(1)) and [x](data:text/html,hi)", &out);
	assert_null(strstr(out.buf, "<script"));
	assert_null(strstr(out.buf, "<img"));
	assert_null(strstr(out.buf, "javascript:"));
	assert_null(strstr(out.buf, "data:text"));
	assert_non_null(strstr(out.buf, "raw HTML omitted"));
	strbuf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markdown_is_rendered),
		cmocka_unit_test(test_raw_html_and_script_links_are_dropped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
