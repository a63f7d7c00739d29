/*
 * Unit tests for src/view/frame.c, the page frame: the current tab is the
 * one marked aria-current="page" (and only it), the current initiative in
 * the top bar aria-current="true"; someone not signed in gets no places and
 * no sign-out; the sign-out form carries the CSRF token; a notice after a
 * change is a status; title and brand are escaped; the document is whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"
#include "view/frame.h"
#include "view/html.h"
#include "tagcheck.h"

static const struct frame_place places[] = {
	{ .href = "/i/harlow-mills", .label = "Harlow Mills", .title = "Harlow Mills Initiative",
	  .current = 1 },
	{ .href = "/i/port-ashby", .label = "Port Ashby", .title = "Port Ashby Together" },
	{ .href = "/", .label = "Program", .cls = "program" },
};

static void
render(const struct frame *f, struct strbuf *out)
{
	struct html h;

	strbuf_reset(out);
	html_init(&h, out);
	frame_begin(&h, f);
	html_elem(&h, "p", "content");
	frame_end(&h);
	assert_balanced(out->buf);
}

static void
test_current_tab_marked(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "Decisions", .brand = "Atlantic", .user = "m@x.org",
	    .role = "member", .csrf = "tok123", .places = places, .nplaces = 3,
	    .slug = "harlow-mills", .tabs_label = "Harlow Mills Initiative", .tab = TAB_DECISIONS };

	(void)state;
	render(&f, &sb);
	assert_non_null(strstr(sb.buf,
	    "<a href=\"/i/harlow-mills/decisions\" aria-current=\"page\">Decisions</a>"));
	assert_int_equal(count_of(sb.buf, "aria-current=\"page\""), 1);
	/* every tab is there, in order, each to its path */
	for (int t = 0; t < TAB__MAX; t++) {
		char want[128];

		snprintf(want, sizeof(want), "href=\"/i/harlow-mills%s\"", page_tab_paths[t]);
		assert_non_null(strstr(sb.buf, want));
	}
	assert_non_null(strstr(sb.buf, "<nav class=\"tabs\" aria-label=\"Harlow Mills Initiative\">"));
	/* the initiative of the page in the top bar, only it */
	assert_non_null(strstr(sb.buf, "<a href=\"/i/harlow-mills\" title=\"Harlow Mills Initiative\" "
	    "aria-current=\"true\">Harlow Mills</a>"));
	assert_int_equal(count_of(sb.buf, "aria-current=\"true\""), 1);
	assert_non_null(strstr(sb.buf, "<li class=\"program\"><a href=\"/\">Program</a></li>"));
	/* the account, and sign-out with the CSRF field */
	assert_non_null(strstr(sb.buf, "<span><a href=\"/account\" title=\"Your settings\">m@x.org</a> (member)</span>"));
	assert_non_null(strstr(sb.buf, "<form method=\"post\" action=\"/logout\"><input type=\"hidden\" "
	    "name=\"csrf\" value=\"tok123\"/>"));
	assert_non_null(strstr(sb.buf, "<title>Decisions · Trellis</title>"));
	assert_non_null(strstr(sb.buf, "<main id=\"main\"><h1>Decisions</h1><p>content</p></main>"));
	assert_non_null(strstr(sb.buf, "<html lang=\"en\">"));
	strbuf_release(&sb);
}

static void
test_no_tab_current_outside_an_initiative(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "Users", .user = "a@x.org", .role = "admin",
	    .places = places, .nplaces = 3, .tab = TAB_NONE };

	(void)state;
	render(&f, &sb);
	assert_null(strstr(sb.buf, "class=\"tabs\""));
	assert_null(strstr(sb.buf, "aria-current=\"page\""));
	/* no brand given: Trellis */
	assert_non_null(strstr(sb.buf, "<a class=\"brand\" href=\"/\">Trellis</a>"));
	strbuf_release(&sb);
}

static void
test_signed_out(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "Sign in", .brand = "Atlantic", .places = places, .nplaces = 3,
	    .tab = TAB_NONE, .lang = "fr" };

	(void)state;
	render(&f, &sb);
	assert_null(strstr(sb.buf, "class=\"places\""));
	assert_null(strstr(sb.buf, "Sign out"));
	assert_null(strstr(sb.buf, "Harlow Mills"));
	assert_non_null(strstr(sb.buf, "<html lang=\"fr\">"));
	strbuf_release(&sb);
}

static void
test_notice_and_escaping(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "<script>T</script>", .brand = "A & B", .tab = TAB_NONE,
	    .flash = "Saved \"d-1\"." };

	(void)state;
	render(&f, &sb);
	assert_null(strstr(sb.buf, "<script>"));
	assert_non_null(strstr(sb.buf, "<h1>&lt;script&gt;T&lt;/script&gt;</h1>"));
	assert_non_null(strstr(sb.buf, ">A &amp; B</a>"));
	assert_non_null(strstr(sb.buf, "<p class=\"notice\" role=\"status\">Saved &quot;d-1&quot;.</p>"));
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_current_tab_marked),
		cmocka_unit_test(test_no_tab_current_outside_an_initiative),
		cmocka_unit_test(test_signed_out),
		cmocka_unit_test(test_notice_and_escaping),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
