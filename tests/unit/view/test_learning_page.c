/*
 * Unit tests for src/view/learning_page.c (issue 13, item 4): every
 * question with its notes, each note's evidence as links (an alert and a
 * figure as of a date, a decision, a check-in); a filter leaves out the
 * notes on other initiatives; a team member (own) reads no other
 * initiative's notes, tags or evidence, and adds notes without choosing
 * initiatives; an evaluator gets no form.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "io/json.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "view/learning_page.h"
#include "tagcheck.h"

static const char doc[] =
"{\"format\": \"trellis/1\",\n"
" \"program\": {\"slug\": \"p1\", \"name\": \"Prog\", \"funder\": \"Fed\", \"start\": \"2014-01-01\", \"end\": \"2016-12-31\"},\n"
" \"organizations\": [{\"slug\": \"bb\", \"name\": \"BB\", \"sector\": \"nonprofit\"}],\n"
" \"people\": [],\n"
" \"instruments\": [],\n"
" \"learning\": [\n"
"  {\"question\": \"Who decides?\", \"notes\": ["
"{\"date\": \"2015-01-01\", \"text\": \"On A <and> B\", \"initiatives\": [\"a\", \"b\"], \"evidence\": ["
"{\"kind\": \"alert\", \"initiative\": \"a\", \"ref\": \"dominance\", \"as_of\": \"2015-12-31\"}, "
"{\"kind\": \"figure\", \"initiative\": \"b\", \"ref\": \"decisions.loop_closure\", \"as_of\": \"2015-12-31\"}, "
"{\"kind\": \"decision\", \"initiative\": \"a\", \"ref\": \"d1\", \"as_of\": null}, "
"{\"kind\": \"checkin\", \"initiative\": \"b\", \"ref\": \"c1\", \"as_of\": null}]}, "
"{\"date\": \"2015-02-01\", \"text\": \"Only B\", \"initiatives\": [\"b\"]}]},\n"
"  {\"question\": \"Empty?\", \"notes\": []}\n"
" ],\n"
" \"initiatives\": [\n"
"  {\"slug\": \"a\", \"name\": \"Alpha\", \"city\": \"X\", \"start\": \"2014-01-01\", \"end\": \"2016-12-31\", \"backbone\": \"bb\", \"fiscal_agent\": \"bb\", \"committee\": [], \"members\": [{\"org\": \"bb\", \"role\": \"backbone\", \"joined\": \"2014-01-01\", \"left\": null}], \"decisions\": [{\"id\": \"d1\", \"title\": \"T\", \"category\": \"strategy\", \"proposed\": \"2015-01-01\", \"decided\": \"2015-01-02\", \"decider\": \"bb\", \"consulted\": [], \"informed\": [], \"contrary_views\": null}]},\n"
"  {\"slug\": \"b\", \"name\": \"Beta\", \"city\": \"Y\", \"start\": \"2014-01-01\", \"end\": \"2016-12-31\", \"backbone\": \"bb\", \"fiscal_agent\": \"bb\", \"committee\": [], \"members\": [{\"org\": \"bb\", \"role\": \"backbone\", \"joined\": \"2014-01-01\", \"left\": null}], \"checkins\": [{\"id\": \"c1\", \"date\": \"2015-03-01\", \"attendees\": [], \"progress\": null, \"challenges\": null}]}\n"
" ]}\n";

static int
setup(void **state)
{
	static struct program p;
	struct model_error e;

	memset(&e, 0, sizeof(e));
	program_init(&p);
	assert_int_equal(json_read_program("doc.json", doc, sizeof(doc) - 1, &p, &e), 0);
	assert_int_equal(model_validate(&p, &e), 0);
	*state = &p;
	return 0;
}

static int
teardown(void **state)
{
	program_release(*state);
	return 0;
}

static void
render(const struct program *p, const char *filter, int own, int can_add, struct strbuf *sb)
{
	struct frame f = { .title = "Learning agenda", .csrf = "C1", .tab = TAB_NONE };
	struct learning_page pg = { .frame = &f, .p = p, .filter = filter, .own = own,
	    .can_add = can_add, .can_edit = !own && can_add };
	struct html h;

	html_init(&h, sb);
	learning_page_write(&h, &pg);
	assert_balanced(sb->buf);
}

static void
test_everything(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	render(*state, NULL, 0, 1, &sb);
	assert_non_null(strstr(sb.buf, "The program&#39;s learning agenda: 2 questions, 2 notes."));
	assert_non_null(strstr(sb.buf, "<h2 id=\"q1\">Who decides?</h2>"));
	assert_non_null(strstr(sb.buf, "<p class=\"meta\"><time>1 Jan 2015</time> · Alpha, Beta</p>"
	    "<p class=\"text\">On A &lt;and&gt; B</p>"));
	/* the evidence, each a link */
	assert_non_null(strstr(sb.buf, "<li><a href=\"/i/a?as_of=2015-12-31#to-discuss\">Alert "
	    "“backbone dominance” in Alpha, as of 31 Dec 2015</a></li>"));
	assert_non_null(strstr(sb.buf, "<li><a href=\"/i/b?as_of=2015-12-31\">Figure “Personnel and "
	    "money decisions with the whole team in the loop” in Beta, as of 31 Dec 2015</a></li>"));
	assert_non_null(strstr(sb.buf, "<li><a href=\"/i/a/decisions/d1\">Decision d1 in Alpha</a></li>"));
	assert_non_null(strstr(sb.buf, "<li><a href=\"/i/b/checkins/c1\">Check-in c1 in Beta</a></li>"));
	assert_non_null(strstr(sb.buf, "<h2 id=\"q2\">Empty?</h2><p class=\"actions noprint\">"));
	assert_non_null(strstr(sb.buf, "<p>No notes yet.</p>"));
	/* the program team: a filter, a question to add, edit links, the note form with initiatives */
	assert_non_null(strstr(sb.buf, "<option value=\"a\">Alpha</option>"));
	assert_non_null(strstr(sb.buf, "<a href=\"/program/learning/Who%20decides%3F\">"));
	assert_non_null(strstr(sb.buf, "<form method=\"post\" action=\"/program/learning/notes\" class=\"record\">"
	    "<input type=\"hidden\" name=\"csrf\" value=\"C1\"/>"));
	assert_non_null(strstr(sb.buf, "name=\"initiatives\""));
	assert_non_null(strstr(sb.buf, "name=\"evidence.0.kind\""));
	strbuf_release(&sb);
}

static void
test_filtered(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	/* filtered by A: its note, tags and evidence of both (the program team reads all) */
	render(*state, "a", 0, 1, &sb);
	assert_non_null(strstr(sb.buf, "2 questions, 1 note on Alpha."));
	assert_null(strstr(sb.buf, "Only B"));
	assert_non_null(strstr(sb.buf, "· Alpha, Beta</p>"));
	assert_non_null(strstr(sb.buf, "<option value=\"a\" selected>Alpha</option>"));
	assert_non_null(strstr(sb.buf, "<p>No notes on this initiative yet.</p>"));
	strbuf_release(&sb);
}

static void
test_own(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	/* a member of A: its note, without Beta's tag or evidence; no filter to choose */
	render(*state, "a", 1, 1, &sb);
	assert_non_null(strstr(sb.buf, "You read the questions of the whole program and the notes on Alpha."));
	assert_non_null(strstr(sb.buf, "· Alpha</p>"));
	assert_null(strstr(sb.buf, "Beta"));
	assert_null(strstr(sb.buf, "/i/b"));
	assert_null(strstr(sb.buf, "Only B"));
	assert_non_null(strstr(sb.buf, "/i/a/decisions/d1"));
	assert_null(strstr(sb.buf, "<select id=\"initiative\""));
	assert_null(strstr(sb.buf, "name=\"initiatives\""));
	assert_null(strstr(sb.buf, "Add a question"));
	assert_non_null(strstr(sb.buf, "The note is on Alpha; its evidence is of Alpha too."));
	strbuf_release(&sb);

	/* a member of B */
	render(*state, "b", 1, 0, &sb);
	assert_non_null(strstr(sb.buf, "Only B"));
	assert_non_null(strstr(sb.buf, "On A &lt;and&gt; B"));
	assert_null(strstr(sb.buf, "/i/a"));
	assert_null(strstr(sb.buf, "Alpha"));
	/* a viewer: no form */
	assert_null(strstr(sb.buf, "Add a note"));
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_everything),
		cmocka_unit_test(test_filtered),
		cmocka_unit_test(test_own),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
