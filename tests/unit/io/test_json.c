/* Unit tests for src/io/json.c and, through it, src/model/validate.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "io/json.h"
#include "model/validate.h"
#include "util/strbuf.h"

#include "fixture_small.h"

/* Reads and validates text; returns 0, or -1 with the error line in err. */
static int
load(const char *text, struct program *p, struct strbuf *err)
{
	struct model_error e;

	program_init(p);
	if (json_read_program("t.json", text, strlen(text), p, &e) == 0 &&
	    model_validate(p, &e) == 0)
		return 0;
	model_error_format(&e, err);
	return -1;
}

static void
test_round_trip_is_byte_identical(void **state)
{
	struct program p;
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;

	(void)state;
	assert_int_equal(load(fixture_small, &p, &err), 0);
	json_write_program(&p, &out);
	assert_string_equal(out.buf, fixture_small);
	program_release(&p);
	strbuf_release(&out);
	strbuf_release(&err);
}

static void
test_values_are_read_exactly(void **state)
{
	struct program p;
	struct strbuf err = STRBUF_INIT;
	struct initiative *in;

	(void)state;
	assert_int_equal(load(fixture_small, &p, &err), 0);
	assert_int_equal(p.orgs.n, 3);
	assert_int_equal(p.orgs.v[1].revenue, 1250);		/* 12.50 dollars */
	assert_true(p.orgs.v[2].revenue == INT_NONE);
	in = &p.initiatives.v[0];
	assert_int_equal(in->grants.v[0].lines.v[0].amount, 30000050);
	assert_int_equal(in->ledger.v[0].amount, 100025);
	assert_int_equal(in->decisions.v[0].decider.idx, REF_COMMITTEE);
	assert_int_equal(in->decisions.v[1].decider.idx, 0);	/* "bb" */
	assert_string_equal(in->decisions.v[1].id, "7");
	assert_null(in->decisions.v[1].contrary_views);
	assert_int_equal(in->ties.v[0].mission, 0);		/* null rating */
	assert_int_equal(in->ties.v[0].reliability, 4);
	assert_true(in->has_director);
	assert_int_equal(in->result.direction, DIR_DOWN);
	assert_int_equal(in->members.v[0].left, DATE_NONE);
	assert_int_equal(in->decisions.v[0].loc.line, 28);
	program_release(&p);
	strbuf_release(&err);
}

/* Each case: a substitution in the fixture, and the exact error it must give. */
static const struct bad_case {
	const char *from, *to, *error;
} bad_cases[] = {
	{ "\"trellis/1\"", "\"trellis/2\"",
	  "t.json:1: format: 'trellis/2' is not supported; expected \"trellis/1\"" },
	{ "\"city\": \"X\", \"staff\"", "\"city\": \"X\", \"bogus\": 1, \"staff\"",
	  "t.json:4: bogus: unknown field" },
	{ "\"consulted\": [\"pa\"]", "\"consulted\": [\"nobody\"]",
	  "t.json:28: consulted: no organization 'nobody'" },
	{ "\"2015-01-10\"", "\"2015-02-30\"",
	  "t.json:28: decided: '2015-02-30' is not a real date (YYYY-MM-DD)" },
	{ "\"amount\": 1000.25", "\"amount\": -1000.25",
	  "t.json:35: amount: '-1000.25' must be greater than 0" },
	{ "\"amount\": 1000.25", "\"amount\": 1000.255",
	  "t.json:35: amount: '1000.255' has more than two decimals" },
	{ "\"decided\": \"2015-01-10\"", "\"decided\": \"2014-12-10\"",
	  "t.json:28: decided: 2014-12-10 is before proposed 2015-01-01" },
	{ "\"id\": \"7\"", "\"id\": \"d1\"",
	  "t.json:29: id: 'd1' is used twice (first on line 28)" },
	{ "\"slug\": \"p1\", \"name\"", "\"slug\": \"p1\" \"name\"",
	  "t.json:2: json: malformed JSON: '}' expected near '\"name\"'" },
	{ "\"committee\": [\"bb\", \"pa\"]", "\"committee\": [\"bb\", \"pb\"]",
	  "t.json:16: committee: 'pb' is not a member of the initiative" },
	{ "\"trusted\": 4", "\"trusted\": 6",
	  "t.json:53: answers.trusted: 6 is out of range 1 to 5" },
	{ "\"trusted\": 4", "\"nope\": 4",
	  "t.json:53: answers.nope: instrument 'director-support' has no item 'nope'" },
	{ "\"role\": \"backbone\"", "\"role\": \"partner\"",
	  "t.json:16: backbone: 'bb' must be a member with role backbone" },
	{ "\"line\": \"staff\"", "\"line\": \"travel\"",
	  "t.json:35: line: grant 'g1' has no budget line 'travel'" },
	{ "\"grant\": \"g1\"", "\"grant\": \"g2\"",
	  "t.json:35: grant: no grant 'g2' in this initiative" },
	{ "\"to\": \"pa\", \"frequency\"", "\"to\": \"bb\", \"frequency\"",
	  "t.json:56: to: an organization cannot rate itself" },
	{ "\"frequency\": 3", "\"frequency\": 5",
	  "t.json:56: frequency: 5 is out of range 0 to 4" },
	{ "\"hours\": 12.5", "\"hours\": \"x\"",
	  "t.json:44: hours: expected a number, found a string" },
	{ "\"title\": \"T2\", ", "",
	  "t.json:29: title: is required" },
	{ "\"consulted\": [\"pa\"]", "\"consulted\": [\"pa\", \"pa\"]",
	  "t.json:28: consulted: 'pa' is listed twice" },
	{ "\"sector\": \"health\"", "\"sector\": \"church\"",
	  "t.json:6: sector: 'church' is not one of: nonprofit, public, private, philanthropy, "
	  "education, health, faith, resident, other" },
	{ "\"slug\": \"pb\"", "\"slug\": \"team\"",
	  "t.json:6: slug: 'team' is reserved" },
	{ "\"slug\": \"pb\"", "\"slug\": \"pa\"",
	  "t.json:6: slug: organization 'pa' is used twice" },
	{ "\"catalytic\": true", "\"catalytic\": 1",
	  "t.json:32: catalytic: expected true or false, found a number" },
	{ "\"decider\": \"committee\"", "\"decider\": \"Committee\"",
	  "t.json:28: decider: 'Committee' is not a slug (lowercase letters, digits and '-')" },
};

static char *
replace_once(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	struct strbuf sb = STRBUF_INIT;

	assert_non_null(at);
	strbuf_add(&sb, s, (size_t)(at - s));
	strbuf_addstr(&sb, to);
	strbuf_addstr(&sb, at + strlen(from));
	return strbuf_detach(&sb, NULL);
}

static void
test_bad_input_names_file_line_field(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		char *text = replace_once(fixture_small, bad_cases[i].from, bad_cases[i].to);
		struct program p;
		struct strbuf err = STRBUF_INIT;

		assert_int_equal(load(text, &p, &err), -1);
		assert_string_equal(err.buf, bad_cases[i].error);
		program_release(&p);
		strbuf_release(&err);
		free(text);
	}
}

static void
test_depth_limit(void **state)
{
	struct strbuf doc = STRBUF_INIT, err = STRBUF_INIT;
	struct program p;

	(void)state;
	for (int i = 0; i < 100; i++)
		strbuf_addch(&doc, '[');
	for (int i = 0; i < 100; i++)
		strbuf_addch(&doc, ']');
	assert_int_equal(load(doc.buf, &p, &err), -1);
	assert_string_equal(err.buf, "t.json:1: json: nested deeper than 64 levels");
	program_release(&p);
	strbuf_release(&doc);
	strbuf_release(&err);
}

static void
test_optional_absent_and_bom(void **state)
{
	static const char doc[] = "\xEF\xBB\xBF{\"format\": \"trellis/1\",\n"
	    "\"program\": {\"slug\": \"p\", \"name\": \"P\", \"funder\": \"F\", "
	    "\"start\": \"2016-02-29\", \"end\": \"2016-12-31\"}}";
	struct program p;
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;

	(void)state;
	assert_int_equal(load(doc, &p, &err), 0);
	assert_int_equal(p.initiatives.n, 0);
	json_write_program(&p, &out);
	assert_string_equal(out.buf, "{\"format\": \"trellis/1\",\n"
	    " \"program\": {\"slug\": \"p\", \"name\": \"P\", \"funder\": \"F\", "
	    "\"start\": \"2016-02-29\", \"end\": \"2016-12-31\"},\n"
	    " \"organizations\": [],\n \"people\": [],\n \"instruments\": [],\n"
	    " \"learning\": [],\n \"initiatives\": []}\n");
	program_release(&p);
	strbuf_release(&out);
	strbuf_release(&err);
}

static void
test_string_escaping(void **state)
{
	struct strbuf out = STRBUF_INIT;

	(void)state;
	json_write_string(&out, "a\"b\\c\nd\x01\xc3\xa9");
	assert_string_equal(out.buf, "\"a\\\"b\\\\c\\nd\\u0001\xc3\xa9\"");
	strbuf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_is_byte_identical),
		cmocka_unit_test(test_values_are_read_exactly),
		cmocka_unit_test(test_bad_input_names_file_line_field),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_optional_absent_and_bom),
		cmocka_unit_test(test_string_escaping),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
