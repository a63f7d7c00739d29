/*
 * store_initiative_load: one initiative and its catalog, read by the
 * initiative's indexes, gives the same report, byte for byte, as the whole
 * program — for every initiative of the demo and, when a database path is
 * given as the first argument (tests/cli/t0097-initiative-load.sh passes a
 * bench/gen program), for every initiative of that database too. And the
 * copy a write makes of a cached initiative (program_slice_copy) is that
 * same slice.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../fixture_db.h"
#include "io/json.h"
#include "metrics/metrics.h"
#include "model/demo.h"
#include "model/fields.h"
#include "model/validate.h"
#include "store/store.h"
#include "util/strbuf.h"
#include "view/report_json.h"
#include "view/report_text.h"
#include "util/banned.h"

static const char *given_db;	/* argv[1], or NULL */

/* Appends the JSON and text reports of initiative in of p, as of as_of, to out. */
static void
render(const struct program *p, const struct initiative *in, tdate as_of, struct strbuf *out)
{
	struct metrics_settings set;
	struct report r;
	struct capacity cap;

	metrics_settings_default(&set);
	metrics_report_init(&r);
	metrics_capacity_init(&cap);
	assert_int_equal(metrics_report(p, in, as_of, 12, &set, &r), 0);
	assert_int_equal(metrics_capacity(p, in->backbone.idx, in, as_of, &set, &cap), 0);
	report_json_write(&r, out);
	strbuf_addch(out, '\n');
	report_text_write(&r, &cap, out);
	metrics_report_release(&r);
	metrics_capacity_release(&cap);
}

/* Every record of a and b (of kind k) has the same store row id, lists alike. */
static void
same_rowids(const struct kind *k, const void *a, const void *b)
{
	assert_int_equal(((const struct rec_head *)a)->rowid, ((const struct rec_head *)b)->rowid);
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const struct anyvec *va = FIELD_VEC(a, f), *vb = FIELD_VEC(b, f);

		if (f->type != FT_LIST)
			continue;
		assert_int_equal(va->n, vb->n);
		for (size_t j = 0; j < va->n; j++)
			same_rowids(f->sub, (const char *)va->v + j * f->sub->size,
			    (const char *)vb->v + j * f->sub->size);
	}
}

/*
 * The copy of initiative ini of whole that a write starts from
 * (program_slice_copy) is what store_initiative_load read (one): the same
 * trellis/1 bytes and the same row ids.
 */
static void
check_copy(const struct program *whole, size_t ini, const struct program *one)
{
	struct program copy;
	struct model_error e;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

	program_slice_copy(whole, ini, &copy);
	assert_int_equal(model_resolve(&copy, &e), 0);
	assert_int_equal(copy.partial, PROGRAM_SLICE);
	json_write_program(one, &a);
	json_write_program(&copy, &b);
	assert_string_equal(b.buf, a.buf);
	same_rowids(&kind_document, one, &copy);
	program_release(&copy);
	strbuf_release(&a);
	strbuf_release(&b);
}

/*
 * For every initiative of the program slug in s: the per-initiative load
 * resolves, is partial, holds that initiative alone and no more
 * organizations than the whole, and reports exactly as the whole does at
 * each date of as_of[]. Returns the number of initiatives checked.
 */
static size_t
check_all(struct store *s, const char *slug, const tdate *as_of, size_t ndates)
{
	struct program whole, one;
	struct model_error e;
	struct strbuf err = STRBUF_INIT, a = STRBUF_INIT, b = STRBUF_INIT;
	struct store_slugs slugs = { NULL, 0, 0 };
	size_t checked = 0;

	program_init(&whole);
	assert_int_equal(store_program_load(s, slug, &whole, &err), 0);
	assert_int_equal(model_resolve(&whole, &e), 0);
	assert_int_equal(store_initiative_slugs(s, slug, &slugs, &err), 0);
	assert_int_equal(slugs.n, whole.initiatives.n);
	for (size_t i = 0; i < slugs.n; i++) {
		const struct initiative *in = &whole.initiatives.v[i];

		assert_string_equal(slugs.v[i], in->slug);
		program_init(&one);
		assert_int_equal(store_initiative_load(s, slug, in->slug, &one, &err), 0);
		assert_int_equal(model_resolve(&one, &e), 0);
		assert_true(one.partial);
		assert_false(whole.partial);
		assert_int_equal(one.initiatives.n, 1);
		assert_string_equal(one.initiatives.v[0].slug, in->slug);
		assert_true(one.orgs.n <= whole.orgs.n);
		assert_true(one.people.n <= whole.people.n);
		assert_int_equal(one.learning.n, 0);
		check_copy(&whole, i, &one);
		for (size_t d = 0; d < ndates; d++) {
			strbuf_reset(&a);
			strbuf_reset(&b);
			render(&whole, in, as_of[d], &a);
			render(&one, &one.initiatives.v[0], as_of[d], &b);
			assert_string_equal(b.buf, a.buf);
		}
		program_release(&one);
		checked++;
	}
	store_slugs_release(&slugs);
	program_release(&whole);
	strbuf_release(&err);
	strbuf_release(&a);
	strbuf_release(&b);
	return checked;
}

static void
test_demo_initiatives(void **state)
{
	struct program p;
	struct model_error e;
	struct store *s = NULL;
	tdate dates[3];

	(void)state;
	program_init(&p);
	demo_build(&p, 1);
	/* a program-level list a slice does not hold: a candidate backbone */
	ref_set(&((struct candidate *)anyvec_push((struct anyvec *)&p.candidates,
	    &kind_candidate))->org, p.orgs.v[0].slug);
	assert_int_equal(model_validate(&p, &e), 0);
	assert_int_equal(fixture_db_create(&p, &s), 0);
	assert_int_equal(date_parse("2015-12-31", &dates[0]), 0);
	assert_int_equal(date_parse("2016-12-31", &dates[1]), 0);
	assert_int_equal(date_parse("2017-06-30", &dates[2]), 0);
	assert_int_equal(check_all(s, p.slug, dates, 3), p.initiatives.n);
	assert_true(p.initiatives.n >= 6);
	store_close(s);
	program_release(&p);
	assert_int_equal(fixture_db_remove(), 0);
}

/* A slice names only what its initiative uses: fewer organizations than the whole demo. */
static void
test_catalog_is_a_slice(void **state)
{
	struct program p, one;
	struct model_error e;
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;

	(void)state;
	program_init(&p);
	demo_build(&p, 1);
	assert_int_equal(model_validate(&p, &e), 0);
	assert_int_equal(fixture_db_create(&p, &s), 0);
	program_init(&one);
	assert_int_equal(store_initiative_load(s, p.slug, p.initiatives.v[0].slug, &one, &err), 0);
	assert_true(one.orgs.n < p.orgs.n);
	assert_true(one.people.n < p.people.n);
	program_release(&one);
	/* no such initiative, no such program: 1, p left empty */
	program_init(&one);
	assert_int_equal(store_initiative_load(s, p.slug, "no-such-initiative", &one, &err), 1);
	assert_int_equal(one.initiatives.n, 0);
	assert_int_equal(store_initiative_load(s, "no-such-program", p.initiatives.v[0].slug,
	    &one, &err), 1);
	program_release(&one);
	strbuf_release(&err);
	store_close(s);
	program_release(&p);
	assert_int_equal(fixture_db_remove(), 0);
}

/* The database given on the command line (a bench/gen program), every initiative. */
static void
test_given_database(void **state)
{
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;
	struct store_slugs programs = { NULL, 0, 0 };
	tdate dates[2];
	size_t checked = 0;

	(void)state;
	assert_non_null(given_db);
	assert_int_equal(store_open(given_db, 0, &s, &err), 0);
	assert_int_equal(store_program_slugs(s, &programs, &err), 0);
	assert_int_equal(date_parse("2016-12-31", &dates[0]), 0);
	assert_int_equal(date_parse("2018-06-30", &dates[1]), 0);
	for (size_t i = 0; i < programs.n; i++)
		checked += check_all(s, programs.v[i], dates, 2);
	print_message("%zu initiatives of %s: per-initiative reports equal the whole program's\n",
	    checked, given_db);
	assert_true(checked > 0);
	store_slugs_release(&programs);
	strbuf_release(&err);
	store_close(s);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_initiatives),
		cmocka_unit_test(test_catalog_is_a_slice),
	};
	const struct CMUnitTest given[] = {
		cmocka_unit_test(test_given_database),
	};

	if (argc > 1) {
		given_db = argv[1];
		return cmocka_run_group_tests(given, NULL, NULL);
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
