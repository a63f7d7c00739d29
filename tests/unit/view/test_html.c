/*
 * The escaping HTML writer (kcgi's kcgihtml): every byte of text and every
 * attribute value has & < > " ' escaped, and what is opened is closed, in
 * order.
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
#include "tagcheck.h"

static void
test_escape_all_five(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	html_escape(&sb, "a&b<c>d\"e'f");
	assert_string_equal(sb.buf, "a&amp;b&lt;c&gt;d&quot;e&#39;f");
	strbuf_reset(&sb);
	/* already-escaped text is escaped again: the writer never trusts its input */
	html_escape(&sb, "&amp;");
	assert_string_equal(sb.buf, "&amp;amp;");
	strbuf_reset(&sb);
	/* UTF-8 and everything else passes through untouched */
	html_escape(&sb, "café — 12 % ü\t\n");
	assert_string_equal(sb.buf, "café — 12 % ü\t\n");
	strbuf_reset(&sb);
	html_escape(&sb, "");
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

static void
test_text_escaped(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	html_open(&h, "p", NULL);
	html_text(&h, "<script>alert('x')</script> & \"q\"");
	html_text(&h, NULL);	/* nothing */
	html_close(&h);
	assert_string_equal(sb.buf,
	    "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>");

	strbuf_reset(&sb);
	html_textf(&h, "%s=%d <%s>", "a&b", 5, "'");
	assert_string_equal(sb.buf, "a&amp;b=5 &lt;&#39;&gt;");

	strbuf_reset(&sb);
	html_elem(&h, "td", "x<y");
	assert_string_equal(sb.buf, "<td>x&lt;y</td>");
	assert_int_equal(h.depth, 0);
	strbuf_release(&sb);
}

static void
test_attributes_escaped(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	html_open(&h, "a", "href", "/x?a=1&b=\"><script>", "title", "it's <b>", NULL);
	html_close(&h);
	assert_string_equal(sb.buf,
	    "<a href=\"/x?a=1&amp;b=&quot;&gt;&lt;script&gt;\" title=\"it&#39;s &lt;b&gt;\"></a>");

	/* a NULL value leaves the attribute out, "" writes it bare */
	strbuf_reset(&sb);
	html_void(&h, "input", "type", "checkbox", "name", NULL, "checked", "", "value", "<&>", NULL);
	assert_string_equal(sb.buf, "<input type=\"checkbox\" checked value=\"&lt;&amp;&gt;\"/>");
	assert_int_equal(h.depth, 0);	/* void elements are not pushed */
	strbuf_release(&sb);
}

static void
test_close_in_order(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	html_open(&h, "div", "class", "a", NULL);
	html_open(&h, "ul", NULL);
	html_open(&h, "li", NULL);
	html_open(&h, "em", NULL);
	assert_int_equal(h.depth, 4);
	html_close_to(&h, 1);
	assert_int_equal(h.depth, 1);
	assert_string_equal(sb.buf, "<div class=\"a\"><ul><li><em></em></li></ul>");
	/* closing to a deeper level than open is a no-op */
	html_close_to(&h, 3);
	assert_int_equal(h.depth, 1);
	html_close_to(&h, 0);
	assert_int_equal(h.depth, 0);
	assert_string_equal(sb.buf, "<div class=\"a\"><ul><li><em></em></li></ul></div>");
	/* closing with nothing open writes nothing */
	html_close(&h);
	html_close_to(&h, 0);
	html_close_to(&h, -5);
	assert_string_equal(sb.buf, "<div class=\"a\"><ul><li><em></em></li></ul></div>");
	assert_int_equal(h.overflow, 0);
	strbuf_release(&sb);
}

/* Elements beyond HTML_DEPTH are not tracked; the writer says so with a sticky flag. */
static void
test_overflow_sticky(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	for (int i = 0; i < HTML_DEPTH; i++)
		html_open(&h, "div", NULL);
	assert_int_equal(h.overflow, 0);
	assert_int_equal(h.depth, HTML_DEPTH);
	html_open(&h, "span", NULL);
	assert_int_equal(h.overflow, 1);
	assert_int_equal(h.depth, HTML_DEPTH);
	html_close_to(&h, 0);
	assert_int_equal(h.depth, 0);
	assert_int_equal(h.overflow, 1);
	assert_non_null(strstr(sb.buf, "</div></div>"));
	strbuf_release(&sb);
}

/* Raw markup is written as is: for the program's own constants only. */
static void
test_raw(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	html_raw(&h, "<!DOCTYPE html>\n");
	html_open(&h, "style", NULL);
	html_raw(&h, "a > b { color: red }");
	html_close(&h);
	assert_string_equal(sb.buf, "<!DOCTYPE html>\n<style>a > b { color: red }</style>");
	strbuf_release(&sb);
}

/* The checker the other view tests rely on must itself catch bad markup. */
static void
test_tagcheck_catches(void **state)
{
	static const char *const bad[] = {
		"<p><b></p></b>",		/* crossed */
		"<div><p></p>",			/* left open */
		"</p>",				/* closes nothing */
		"<p>a > b</p>",			/* raw > in text */
		"<p>it's</p>",			/* raw ' in text */
		"<p>a & b</p>",			/* bare & */
		"<p>a <3 b</p>",		/* < that starts no tag */
		"<a href=\"x'y\"></a>",	/* raw ' in an attribute */
		"<a href=x></a>",		/* unquoted */
		"<style>p{}",			/* unterminated style */
		NULL
	};
	char err[256];
	size_t n = 0;

	(void)state;
	for (size_t i = 0; bad[i]; i++)
		if (tagcheck(bad[i], err, sizeof(err), NULL) == 0)
			fail_msg("tagcheck accepted %s", bad[i]);
	assert_int_equal(tagcheck("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
	    "<style>a > b {}</style></head><body><p>&amp;&lt;&gt;&quot;&#39;</p>"
	    "<svg><circle r=\"1\"/></svg><input checked></body></html>\n", err, sizeof(err), &n), 0);
	assert_int_equal(n, 9);
}

static void
test_thead(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	html_open(&h, "table", NULL);
	html_thead(&h, "When", "A & B", NULL);
	html_close(&h);
	assert_string_equal(sb.buf, "<table><thead><tr><th>When</th><th>A &amp; B</th></tr>"
	    "</thead></table>");
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thead),
		cmocka_unit_test(test_escape_all_five),
		cmocka_unit_test(test_text_escaped),
		cmocka_unit_test(test_attributes_escaped),
		cmocka_unit_test(test_close_in_order),
		cmocka_unit_test(test_overflow_sticky),
		cmocka_unit_test(test_raw),
		cmocka_unit_test(test_tagcheck_catches),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
