/*
 * Unit tests for src/view/setup_page.c on the demo program: the new
 * initiative form has its own fields in an order that works (no committee
 * yet: it is made of members), pickers of the program's organizations and
 * links to add one; the edit form has no slug, the committee, the next
 * steps linking to Team & roles and the dashboard, and the values stored;
 * the program's form its name, funder and dates; problems beside fields.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/demo.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "view/setup_page.h"
#include "tagcheck.h"

static int
setup(void **state)
{
	struct program *p = calloc(1, sizeof(*p));
	struct model_error e;

	program_init(p);
	demo_build(p, DEMO_DEFAULT_SEED);
	if (model_validate(p, &e) != 0)
		return -1;
	*state = p;
	return 0;
}

static int
teardown(void **state)
{
	program_release(*state);
	free(*state);
	return 0;
}

static void
render(struct setup_page *pg, const struct program *p, struct strbuf *sb)
{
	static const struct frame fr = { .title = "Set up", .user = "a@x.org" };
	struct html h;

	pg->frame = &fr;
	pg->c.p = p;
	strbuf_reset(sb);
	html_init(&h, sb);
	setup_page_write(&h, pg);
	assert_balanced(sb->buf);
}

/* Whether a appears before b in s. */
static int
before(const char *s, const char *a, const char *b)
{
	const char *x = strstr(s, a), *y = strstr(s, b);

	return x && y && x < y;
}

static void
test_new(void **state)
{
	const struct program *p = *state;
	struct setup_page pg = { .form = SETUP_NEW, .action = "/program/initiatives", .csrf = "T1" };
	struct strbuf sb = STRBUF_INIT;

	render(&pg, p, &sb);
	assert_non_null(strstr(sb.buf, "<form class=\"record\" method=\"post\" action=\"/program/initiatives\""));
	assert_non_null(strstr(sb.buf, "name=\"csrf\" value=\"T1\""));
	assert_true(before(sb.buf, "name=\"slug\"", "name=\"name\""));
	assert_true(before(sb.buf, "name=\"end\"", "name=\"backbone\""));
	assert_true(before(sb.buf, "name=\"fiscal_agent\"", "name=\"director.person\""));
	assert_true(before(sb.buf, "name=\"director.person\"", "name=\"shared_result.statement\""));
	assert_non_null(strstr(sb.buf, "name=\"shared_result.target.value\""));
	/* the optional shared result's dates start empty, or it would be sent as present */
	assert_non_null(strstr(sb.buf, "name=\"shared_result.baseline.date\" value/>"));
	assert_non_null(strstr(sb.buf, "name=\"shared_result.target.date\" value/>"));
	assert_null(strstr(sb.buf, "name=\"committee\""));
	assert_null(strstr(sb.buf, "name=\"members"));
	assert_non_null(strstr(sb.buf, "<option value=\"harlow-neighborhood-builders\""));
	assert_non_null(strstr(sb.buf, "href=\"/program/organizations/new\""));
	/* no members yet: the program's organizations fold away in the director's lists */
	assert_non_null(strstr(sb.buf, "<details class=\"pickgroup\">"));
	assert_non_null(strstr(sb.buf, "The backbone becomes its first member by itself"));
	assert_non_null(strstr(sb.buf, "Create the initiative</button>"));
	assert_null(strstr(sb.buf, "Next steps"));
	strbuf_release(&sb);
}

static void
test_edit(void **state)
{
	const struct program *p = *state;
	const struct initiative *in = program_initiative(p, "harlow-mills");
	struct setup_page pg = { .form = SETUP_INITIATIVE, .c = { .in = in }, .rec = in, .slug = in->slug,
	    .action = "/program/initiatives/harlow-mills", .flash = "Saved." };
	form_errors errs = { NULL, 0, 0 };
	struct strbuf sb = STRBUF_INIT;

	render(&pg, p, &sb);
	assert_null(strstr(sb.buf, "name=\"slug\""));
	assert_non_null(strstr(sb.buf, "name=\"committee\""));
	assert_non_null(strstr(sb.buf, "value=\"Harlow Mills Family Prosperity Initiative\""));
	assert_non_null(strstr(sb.buf, "<a href=\"/i/harlow-mills/members\">"));
	assert_non_null(strstr(sb.buf, "<a href=\"/i/harlow-mills\">See the initiative&#39;s dashboard</a>"));
	assert_non_null(strstr(sb.buf, "<p class=\"flash\" role=\"status\">Saved.</p>"));
	assert_non_null(strstr(sb.buf, "Save changes</button>"));
	assert_non_null(strstr(sb.buf, "name=\"shared_result.target.value\" value=\"44160\""));

	form_error_add(&errs, "committee", "'acme' is not a member of the initiative");
	pg.errs = &errs;
	pg.flash = NULL;
	render(&pg, p, &sb);
	assert_non_null(strstr(sb.buf, "<div class=\"error-summary\""));
	assert_non_null(strstr(sb.buf, "<p class=\"error\" id=\"committee-error\"><span>Error: </span>&#39;acme&#39; is not a member"));
	VEC_FREE(&errs);
	strbuf_release(&sb);
}

/* An initiative without a shared result: its fields blank, not zeros and 1 Jan 1970. */
static void
test_edit_absent_result(void **state)
{
	const struct program *p = *state;
	struct initiative in = *program_initiative(p, "harlow-mills");
	struct setup_page pg = { .form = SETUP_INITIATIVE, .rec = &in, .slug = in.slug,
	    .action = "/program/initiatives/harlow-mills" };
	struct strbuf sb = STRBUF_INIT;

	in.has_result = 0;
	render(&pg, p, &sb);
	assert_non_null(strstr(sb.buf, "name=\"shared_result.baseline.date\" value/>"));
	assert_non_null(strstr(sb.buf, "name=\"shared_result.target.value\" value/>"));
	assert_non_null(strstr(sb.buf, "name=\"shared_result.statement\" value class"));
	assert_null(strstr(sb.buf, "1970"));
	strbuf_release(&sb);
}

static void
test_program(void **state)
{
	const struct program *p = *state;
	struct setup_page pg = { .form = SETUP_PROGRAM, .rec = p, .action = "/program/edit" };
	struct strbuf sb = STRBUF_INIT;

	render(&pg, p, &sb);
	assert_null(strstr(sb.buf, "name=\"slug\""));
	assert_non_null(strstr(sb.buf, "name=\"funder\" value=\"Atlantic Regional Reserve Bank\""));
	assert_non_null(strstr(sb.buf, "name=\"start\" value=\"2014-01-01\""));
	assert_null(strstr(sb.buf, "/program/organizations/new"));
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new),
		cmocka_unit_test(test_edit),
		cmocka_unit_test(test_edit_absent_result),
		cmocka_unit_test(test_program),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
