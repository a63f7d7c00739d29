/*
 * Unit tests for src/view/form.c's child-list rows (an instrument's items):
 * blank and removed rows left out when parsed, the "more rows" button and
 * blank rows drawn, a model_validate problem in a list element put on the
 * form row that held it; and model_validate's path and item limit.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "io/json.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "view/form.h"
#include "view/html.h"

/* A program with its own fields set and one empty instrument, returned. */
static struct instrument *
program_new(struct program *p)
{
	struct instrument *ins;

	program_init(p);
	p->slug = strdup("p");
	p->name = strdup("P");
	p->funder = strdup("F");
	ins = anyvec_push((struct anyvec *)&p->instruments, &kind_instrument);
	memset(ins, 0, sizeof(*ins));
	return ins;
}

/* Rows 0 (a), 1 blank, 2 (b, ticked for removal), 3 (c), 4 (a again). */
static const struct form_pair rows[] = {
	{ "code", "mine" }, { "title", "Mine" },
	{ "items.0.code", "a" }, { "items.0.text", "A" }, { "items.0.category", "x" },
	{ "items.1.code", "" }, { "items.1.text", "" }, { "items.1.category", "" },
	{ "items.2.code", "b" }, { "items.2.text", "B" }, { "items.2.category", "x" },
	{ "items.2.remove", "yes" },
	{ "items.3.code", "c" }, { "items.3.text", "C" }, { "items.3.category", "y" },
	{ "items.4.code", "a" }, { "items.4.text", "A2" }, { "items.4.category", "y" },
};

static void
test_parse_leaves_out_blank_and_removed_rows(void **state)
{
	struct form_input in = { rows, sizeof(rows) / sizeof(rows[0]) };
	form_errors errs = { NULL, 0, 0 };
	struct instrument ins;

	(void)state;
	memset(&ins, 0, sizeof(ins));
	assert_int_equal(form_parse(&kind_instrument, &ins, &in, &errs), 0);
	assert_int_equal(errs.n, 0);
	assert_string_equal(ins.code, "mine");
	assert_int_equal(ins.items.n, 3);
	assert_string_equal(ins.items.v[0].code, "a");
	assert_string_equal(ins.items.v[1].code, "c");
	assert_string_equal(ins.items.v[1].category, "y");
	assert_string_equal(ins.items.v[2].text, "A2");
	kind_release(&kind_instrument, &ins);
	VEC_FREE(&errs);
}

static void
test_validate_names_the_row_and_form_maps_it_back(void **state)
{
	struct form_input in = { rows, sizeof(rows) / sizeof(rows[0]) };
	form_errors errs = { NULL, 0, 0 };
	struct program p;
	struct model_error e;
	struct instrument *ins;

	(void)state;
	ins = program_new(&p);
	assert_int_equal(form_parse(&kind_instrument, ins, &in, &errs), 0);
	memset(&e, 0, sizeof(e));
	/* (the model's check of the whole program, as app_add makes it) */
	assert_int_equal(model_validate(&p, &e), -1);
	/* the third element repeats the first's code: the field as before, the row in path */
	assert_string_equal(e.field, "code");
	assert_string_equal(e.path, "items.2.code");
	assert_non_null(strstr(e.msg, "'a' is used twice"));
	/* element 2 was typed on row 4: rows 1 (blank) and 2 (removed) made none */
	form_error_model(&errs, &kind_instrument, &in, &e);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.v[0].path, "items.4.code");
	/* without what was typed, and for a field of the record itself, the path as it is */
	form_error_model(&errs, &kind_instrument, NULL, &e);
	assert_string_equal(errs.v[1].path, "items.2.code");
	model_error_set(&e, NULL, "title", "is required");
	form_error_model(&errs, &kind_instrument, &in, &e);
	assert_string_equal(errs.v[2].path, "title");
	program_release(&p);
	VEC_FREE(&errs);
}

static void
test_validate_counts_items(void **state)
{
	struct program p;
	struct model_error e;
	struct instrument *ins;

	(void)state;
	ins = program_new(&p);
	ins->code = strdup("many");
	ins->title = strdup("Many");
	memset(&e, 0, sizeof(e));
	assert_int_equal(model_validate(&p, &e), -1);
	assert_string_equal(e.path, "items");
	assert_non_null(strstr(e.msg, "at least one item"));
	for (int i = 0; i <= INSTRUMENT_ITEMS_MAX; i++) {
		struct instrument_item *it = VEC_PUSH(&ins->items);
		char code[16];

		snprintf(code, sizeof(code), "q%d", i);
		it->code = strdup(code);
		it->text = strdup("Q");
		it->category = strdup("c");
		if (i == INSTRUMENT_ITEMS_MAX - 1)
			assert_int_equal(model_validate(&p, &e), 0);
	}
	assert_int_equal(model_validate(&p, &e), -1);
	assert_string_equal(e.field, "items");
	assert_non_null(strstr(e.msg, "at most 100"));
	program_release(&p);
}

/* The form as HTML, from what was typed (in) or from rec. */
static char *
draw(const void *rec, const struct form_input *in)
{
	struct program p;
	struct form_ctx c = { &p, NULL };
	struct strbuf out = STRBUF_INIT;
	struct html h;

	program_init(&p);
	html_init(&h, &out);
	form_fields(&h, &c, &kind_instrument, rec, in, NULL);
	form_more_buttons(&h, &kind_instrument, "/program/instruments");
	html_close_to(&h, 0);
	program_release(&p);
	return strbuf_detach(&out, NULL);
}

/* The drawn form s has item rows 0..last. */
static void
assert_last_row(const char *s, int last)
{
	char id[64];

	snprintf(id, sizeof(id), "id=\"items.%d.text\"", last);
	assert_non_null(strstr(s, id));
	snprintf(id, sizeof(id), "id=\"items.%d.text\"", last + 1);
	assert_null(strstr(s, id));
}

static void
test_rows_drawn(void **state)
{
	static const struct form_pair more[] = {
		{ "code", "mine" }, { "items.0.code", "a" }, { "items.0.text", "A" },
		{ "items.0.category", "x" }, { "items.0.remove", "yes" },
		{ "items.1.code", "" }, { "items.1.text", "" }, { "items.1.category", "" },
		{ FORM_MORE, "items" },
	};
	static const struct form_pair none[] = { { "code", "suggested" } };
	struct form_input in = { more, sizeof(more) / sizeof(more[0]) };
	struct form_input fresh = { none, 1 };
	char *s;

	(void)state;
	/* a new form (a suggested value only): three blank rows, no remove boxes */
	s = draw(NULL, &fresh);
	assert_last_row(s, 2);
	assert_null(strstr(s, "remove"));
	assert_non_null(strstr(s, "name=\"more_rows\" value=\"items\" "
	    "formaction=\"/program/instruments#items-more\""));
	free(s);
	/* "more rows" asked: the two typed rows kept, three more, the first of them marked */
	s = draw(NULL, &in);
	assert_non_null(strstr(s, "name=\"items.0.text\" value=\"A\""));
	assert_non_null(strstr(s, "name=\"items.0.remove\" value=\"yes\" checked"));
	assert_null(strstr(s, "name=\"items.1.remove\""));
	assert_non_null(strstr(s, "<div class=\"row row-items\" id=\"items-more\"><div class=\"field\">"
	    "<label for=\"items.2.code\">"));
	assert_last_row(s, 4);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_leaves_out_blank_and_removed_rows),
		cmocka_unit_test(test_validate_names_the_row_and_form_maps_it_back),
		cmocka_unit_test(test_validate_counts_items),
		cmocka_unit_test(test_rows_drawn),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
