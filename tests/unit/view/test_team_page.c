/*
 * Unit tests for src/view/team_page.c on the demo program: an editor sees
 * the instruction for marking a member as left, the add button, the
 * committee form and a RACI select per cell; a viewer sees the same team
 * and letters with none of them (issue 11, point 14: viewers see no
 * instructions meant for editors); a responsibility with no one
 * Accountable is marked in words; a form that came back keeps its
 * problems beside it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/demo.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "view/team_page.h"
#include "tagcheck.h"

struct fixture {
	struct program p;
	struct initiative *in;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct model_error e;

	program_init(&f->p);
	demo_build(&f->p, DEMO_DEFAULT_SEED);
	if (model_validate(&f->p, &e) != 0)
		return -1;
	if ((f->in = program_initiative(&f->p, "harlow-mills")) == NULL ||
	    f->in->responsibilities.n == 0 || f->in->members.n == 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	program_release(&f->p);
	free(f);
	return 0;
}

static void
render(const struct fixture *f, int edit, const form_errors *errs, int which, struct strbuf *sb)
{
	static const struct frame fr = { .title = "Team & roles", .user = "u@x.org", .csrf = "C7",
		.slug = "harlow-mills", .tab = TAB_TEAM };
	struct html h;

	strbuf_reset(sb);
	html_init(&h, sb);
	team_page_write(&h, &(struct team_page){ .frame = &fr, .p = &f->p, .in = f->in,
	    .can_edit = edit, .errs = errs, .which = which });
	assert_balanced(sb->buf);
}

static void
test_editor_and_viewer(void **state)
{
	struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;
	size_t cells = 0;

	render(f, 1, NULL, 0, &sb);
	assert_non_null(strstr(sb.buf, "To mark that one has left, open it and give the date it left."));
	assert_non_null(strstr(sb.buf, "href=\"/i/harlow-mills/members/new\">Add a member</a>"));
	assert_non_null(strstr(sb.buf, "<summary>Change the committee or the director</summary>"));
	assert_non_null(strstr(sb.buf, "Save the matrix"));
	assert_non_null(strstr(sb.buf, "<a href=\"/i/harlow-mills/members\" aria-current=\"page\">"
	    "Team &amp; roles</a>"));
	cells = count_of(sb.buf, "<td class=\"letter\"><select");
	assert_true(cells >= f->in->responsibilities.n);
	assert_int_equal(count_of(sb.buf, "name=\"csrf\" value=\"C7\""), 3);
	/* every member listed, by name */
	for (size_t i = 0; i < f->in->members.n; i++) {
		const struct organization *o = program_org(&f->p, f->in->members.v[i].org.slug);

		assert_non_null(o);
		assert_non_null(strstr(sb.buf, o->name));
	}

	render(f, 0, NULL, 0, &sb);
	assert_null(strstr(sb.buf, "To mark that one has left"));
	assert_null(strstr(sb.buf, "Add a member"));
	assert_null(strstr(sb.buf, "Change the committee"));
	assert_null(strstr(sb.buf, "Save the matrix"));
	assert_null(strstr(sb.buf, "<select"));
	assert_null(strstr(sb.buf, "Add the first responsibility"));
	/* the same cells, as letters */
	assert_int_equal(count_of(sb.buf, "<td class=\"letter\">"), cells);
	assert_non_null(strstr(sb.buf, "The organizations on the team."));
	strbuf_release(&sb);
}

static void
test_gap_in_words_and_errors(void **state)
{
	struct fixture *f = *state;
	struct responsibility *r = &f->in->responsibilities.v[0];
	struct strbuf sb = STRBUF_INIT;
	form_errors errs = { NULL, 0, 0 };
	size_t saved = r->assignments.n;

	r->assignments.n = 0;	/* no one accountable */
	form_error_add(&errs, NULL, "The change could not be saved.");
	render(f, 1, &errs, TEAM_FORM_RACI, &sb);
	r->assignments.n = saved;
	assert_non_null(strstr(sb.buf, "⚠ No one accountable"));
	assert_non_null(strstr(sb.buf, "<tr class=\"gap\">"));
	assert_non_null(strstr(sb.buf, "The change could not be saved."));
	/* the summary sits with the matrix, after its heading */
	assert_true(strstr(sb.buf, "The change could not be saved.") >
	    strstr(sb.buf, "<h2 id=\"raci\">Responsibilities</h2>"));
	VEC_FREE(&errs);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_editor_and_viewer),
		cmocka_unit_test(test_gap_in_words_and_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
