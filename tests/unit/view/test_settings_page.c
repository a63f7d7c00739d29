/*
 * Unit tests for src/view/settings_page.c: an admin gets one form with an
 * input per setting (its value in force, its range and default in words),
 * a changed setting marked; a form that came back keeps what was typed and
 * says what is wrong beside the field and in the summary; an evaluator
 * reads the same values with no form and no input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/metrics.h"
#include "util/strbuf.h"
#include "view/settings_page.h"
#include "tagcheck.h"

static int
count(const char *s, const char *what)
{
	int n = 0;

	for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
		n++;
	return n;
}

static void
render(const struct settings_page *pg, struct strbuf *sb)
{
	struct html h;

	strbuf_reset(sb);
	html_init(&h, sb);
	settings_page_write(&h, pg);
	assert_balanced(sb->buf);
}

static void
test_admin_form(void **state)
{
	static const struct frame fr = { .title = "Program settings", .user = "a@x.org", .csrf = "C7" };
	struct metrics_settings set;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	metrics_settings_default(&set);
	assert_int_equal(metrics_settings_set(&set, "dominance.hhi", "0.6"), 0);
	render(&(struct settings_page){ .frame = &fr, .set = &set, .can_edit = 1, .csrf = "C7" }, &sb);
	assert_non_null(strstr(sb.buf, "<form method=\"post\" action=\"/program/settings\""));
	assert_non_null(strstr(sb.buf, "name=\"csrf\" value=\"C7\""));
	assert_int_equal(count(sb.buf, "<input type=\"text\""), (int)metrics_settings_count());
	assert_non_null(strstr(sb.buf, "id=\"dominance.hhi\" name=\"dominance.hhi\" value=\"0.6\""));
	assert_non_null(strstr(sb.buf, "<label for=\"dominance.hhi\">The dominance threshold "
	    "(concentration of decisions)</label>"));
	assert_non_null(strstr(sb.buf, "Give a share from 0 to 1; the default is 0.5."));
	assert_int_equal(count(sb.buf, "Changed from the default"), 1);
	assert_non_null(strstr(sb.buf, "Changed from the default (0.5)."));
	assert_non_null(strstr(sb.buf, "id=\"capacity.revenue\" name=\"capacity.revenue\" value=\"3000000\""));
	assert_non_null(strstr(sb.buf, "<legend id=\"settings-0\">Pitfall alerts</legend>"));
	assert_non_null(strstr(sb.buf, "<legend id=\"settings-3\">Backbone capacity</legend>"));
	assert_null(strstr(sb.buf, "error-summary"));
	strbuf_release(&sb);
}

static void
test_came_back(void **state)
{
	static const struct frame fr = { .title = "Program settings", .user = "a@x.org" };
	static const struct form_pair typed[] = { { "rushed.days", "ten" } };
	struct form_input in = { typed, 1 };
	form_errors errs = { NULL, 0, 0 };
	struct metrics_settings set;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	metrics_settings_default(&set);
	form_error_add(&errs, "rushed.days", "‘ten’ is not a valid value: give a whole number from 0 to 3650.");
	render(&(struct settings_page){ .frame = &fr, .set = &set, .can_edit = 1, .typed = &in,
	    .errs = &errs }, &sb);
	assert_non_null(strstr(sb.buf, "<div class=\"error-summary\""));
	assert_non_null(strstr(sb.buf, "<a href=\"#rushed.days\">The days under which a decision is "
	    "rushed: ‘ten’ is not a valid value"));
	assert_non_null(strstr(sb.buf, "<p class=\"error\" id=\"rushed.days-error\">"));
	assert_non_null(strstr(sb.buf, "id=\"rushed.days\" name=\"rushed.days\" value=\"ten\" "
	    "aria-invalid=\"true\" aria-describedby=\"rushed.days-hint rushed.days-error\""));
	/* the others keep their value in force */
	assert_non_null(strstr(sb.buf, "name=\"rushed.breadth\" value=\"0.5\""));
	VEC_FREE(&errs);
	strbuf_release(&sb);
}

static void
test_evaluator_reads(void **state)
{
	static const struct frame fr = { .title = "Program settings", .user = "e@x.org" };
	struct metrics_settings set;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	metrics_settings_default(&set);
	assert_int_equal(metrics_settings_set(&set, "capacity.staff", "25"), 0);
	render(&(struct settings_page){ .frame = &fr, .set = &set, .can_edit = 0 }, &sb);
	assert_null(strstr(sb.buf, "action=\"/program/settings\""));
	assert_null(strstr(sb.buf, "<input"));
	assert_non_null(strstr(sb.buf, "<strong>25</strong> (changed from the default, 20)"));
	assert_non_null(strstr(sb.buf, "<h2 id=\"settings-1\">Practice strengths</h2>"));
	assert_null(strstr(sb.buf, "recorded in the audit log"));
	/* no instructions meant for editors */
	assert_null(strstr(sb.buf, "Give "));
	assert_non_null(strstr(sb.buf, "The default is 0.5."));
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admin_form),
		cmocka_unit_test(test_came_back),
		cmocka_unit_test(test_evaluator_reads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
