/*
 * store_initiative_load: one initiative and its catalog, read by the
 * initiative's indexes, gives the same report, byte for byte, as the whole
 * program — for every initiative of the demo and, when a database path is
 * given as the first argument (tests/cli/t0097-initiative-load.sh passes a
 * bench/gen program), for every initiative of that database too. And the
 * copy a write makes of a cached initiative (program_slice_copy) is that
 * same slice. A report's load (store_report_load) of each initiative, for
 * windows of 1, 12 and 36 months ending at each date, reports the same as
 * the per-initiative load, holding only the window's dated records.
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
#include "view/html.h"
#include "view/report_html.h"
#include "view/report_json.h"
#include "view/report_text.h"
#include "util/banned.h"

static const char *given_db;	/* argv[1], or NULL */

/* Appends the JSON, text and HTML reports of initiative in of p, as of as_of over months, to out. */
static void
render(const struct program *p, const struct initiative *in, tdate as_of, int months,
    struct strbuf *out)
{
	struct metrics_settings set;
	struct report r;
	struct capacity cap;

	metrics_settings_default(&set);
	metrics_report_init(&r);
	metrics_capacity_init(&cap);
	assert_int_equal(metrics_report(p, in, as_of, months, &set, &r), 0);
	assert_int_equal(metrics_capacity(p, in->backbone.idx, in, as_of, &set, &cap), 0);
	report_json_write(&r, out);
	strbuf_addch(out, '\n');
	report_text_write(&r, &cap, out);
	{
		struct html h;

		html_init(&h, out);
		report_html_section(&h, &r, &cap, NULL);
	}
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

/* How many records the list field list of initiative in holds. */
#define RECORDS(in, list) ((in)->list.n)

/*
 * A report's load of the initiative of one (a per-initiative load) for the
 * window of months ending at as_of (store_report_load): its report is one's,
 * byte for byte; it holds no decision, application, credit, event, tie or
 * ledger entry dated outside the window (nor check-in before its first
 * month), and every one of one's dated in it, with
 * their lists; each grant and budget line carries the cents of one's
 * approved entries on it dated before the window; it holds no approval,
 * proposal, follow-up or assistance, which no report reads. Returns 1
 * when it left some record out.
 */
static int
check_window(struct store *s, const char *slug, const struct program *one, tdate as_of,
    int months)
{
	const struct initiative *in = &one->initiatives.v[0], *wi;
	tdate from = metrics_window_start(as_of, months);
	struct program win;
	struct model_error e;
	struct strbuf err = STRBUF_INIT, a = STRBUF_INIT, b = STRBUF_INIT;
	size_t n = 0, k = 0;
	int left_out;

	program_init(&win);
	program_use_arena(&win);
	assert_int_equal(store_report_load(s, slug, in->slug, from, as_of, &win, &err), 0);
	assert_int_equal(model_resolve(&win, &e), 0);
	assert_int_equal(win.initiatives.n, 1);
	wi = &win.initiatives.v[0];
	render(one, in, as_of, months, &a);
	render(&win, wi, as_of, months, &b);
	assert_string_equal(b.buf, a.buf);
	/* the decisions: those of one in the window, in order, lists alike */
	for (size_t i = 0; i < in->decisions.n; i++) {
		const struct decision *d = &in->decisions.v[i];

		if (d->decided < from || d->decided > as_of)
			continue;
		assert_true(k < wi->decisions.n);
		assert_string_equal(wi->decisions.v[k].id, d->id);
		assert_int_equal(wi->decisions.v[k].consulted.n, d->consulted.n);
		assert_int_equal(wi->decisions.v[k].informed.n, d->informed.n);
		k++;
	}
	assert_int_equal(k, wi->decisions.n);
	for (size_t i = 0; i < wi->credits.n; i++)
		assert_true(wi->credits.v[i].date >= from && wi->credits.v[i].date <= as_of);
	for (size_t i = 0; i < wi->events.n; i++)
		assert_true(wi->events.v[i].date >= from && wi->events.v[i].date <= as_of);
	for (size_t i = 0; i < wi->applications.n; i++)
		assert_true(wi->applications.v[i].date >= from && wi->applications.v[i].date <= as_of);
	k = 0;
	for (size_t i = 0; i < in->ties.n; i++)
		if (in->ties.v[i].date >= from && in->ties.v[i].date <= as_of) {
			assert_true(k < wi->ties.n);
			assert_int_equal(wi->ties.v[k++].rowid, in->ties.v[i].rowid);
		}
	assert_int_equal(k, wi->ties.n);
	n = RECORDS(wi, decisions) + RECORDS(wi, credits) + RECORDS(wi, events) +
	    RECORDS(wi, applications) + RECORDS(wi, ties);
	left_out = n < RECORDS(in, decisions) + RECORDS(in, credits) + RECORDS(in, events) +
	    RECORDS(in, applications) + RECORDS(in, ties) + RECORDS(in, ledger) - wi->ledger.n;
	/*
	 * the ledger: the entries dated in the window; each grant and budget
	 * line carries the approved entries' cents before it
	 */
	k = 0;
	for (size_t i = 0; i < in->ledger.n; i++)
		if (in->ledger.v[i].date >= from && in->ledger.v[i].date <= as_of) {
			assert_true(k < wi->ledger.n);
			assert_string_equal(wi->ledger.v[k++].id, in->ledger.v[i].id);
		}
	assert_int_equal(k, wi->ledger.n);
	assert_int_equal(wi->grants.n, in->grants.n);
	for (size_t g = 0; g < in->grants.n; g++) {
		const struct grant *gr = &in->grants.v[g];
		int64_t before = 0;

		assert_int_equal(gr->carried, 0);
		for (size_t l = 0; l < gr->lines.n; l++) {
			int64_t line = 0;

			for (size_t i = 0; i < in->ledger.n; i++) {
				const struct ledger_entry *le = &in->ledger.v[i];

				if (le->grant.idx == (int)g && le->date < from && ledger_counts(le) &&
				    le->line && strcmp(le->line, gr->lines.v[l].name) == 0)
					line += le->amount;
			}
			assert_int_equal(wi->grants.v[g].lines.v[l].carried, line);
			left_out += line != 0;
		}
		for (size_t i = 0; i < in->ledger.n; i++)
			if (in->ledger.v[i].grant.idx == (int)g && in->ledger.v[i].date < from &&
			    ledger_counts(&in->ledger.v[i]))
				before += in->ledger.v[i].amount;
		assert_int_equal(wi->grants.v[g].carried, before);
	}
	/* nothing of what no report reads: approvals, proposals, follow-ups, assistance */
	for (size_t i = 0; i < wi->ledger.n; i++)
		assert_int_equal(wi->ledger.v[i].approvals.n, 0);
	for (size_t i = 0; i < wi->checkins.n; i++)
		assert_int_equal(wi->checkins.v[i].follow_ups.n, 0);
	assert_int_equal(wi->proposals.n, 0);
	assert_int_equal(wi->assistance.n, 0);
	left_out += in->proposals.n + in->assistance.n > 0;
	/* the check-ins from the first day of the window's first month, with their attendees */
	{
		int y, m, d;

		date_to_ymd(from, &y, &m, &d);
		k = 0;
		for (size_t i = 0; i < in->checkins.n; i++)
			if (in->checkins.v[i].date >= date_from_ymd(y, m, 1) &&
			    in->checkins.v[i].date <= as_of) {
				assert_true(k < wi->checkins.n);
				assert_string_equal(wi->checkins.v[k].id, in->checkins.v[i].id);
				assert_int_equal(wi->checkins.v[k].attendees.n,
				    in->checkins.v[i].attendees.n);
				k++;
			}
		assert_int_equal(k, wi->checkins.n);
	}
	/* the rest whole */
	assert_int_equal(wi->contributions.n, in->contributions.n);
	program_release(&win);
	strbuf_release(&err);
	strbuf_release(&a);
	strbuf_release(&b);
	return left_out;
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
	static const int months[] = { 1, 12, 36 };
	size_t checked = 0, windows = 0;

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
			render(&whole, in, as_of[d], 12, &a);
			render(&one, &one.initiatives.v[0], as_of[d], 12, &b);
			assert_string_equal(b.buf, a.buf);
			for (size_t m = 0; m < sizeof(months) / sizeof(months[0]); m++)
				windows += check_window(s, slug, &one, as_of[d], months[m]);
		}
		program_release(&one);
		checked++;
	}
	/* some window of the dates left records out */
	assert_true(slugs.n == 0 || windows > 0);
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
	tdate dates[4];

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
	/* mid-month: the window begins inside a month */
	assert_int_equal(date_parse("2016-09-15", &dates[3]), 0);
	assert_int_equal(check_all(s, p.slug, dates, 4), p.initiatives.n);
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

/*
 * A report's load of a window that is not a range of real days of years 1
 * to 9999 (no first day, reversed, a year outside) reads the initiative's
 * slice whole, as store_initiative_load does; an unknown initiative is 1.
 */
static void
test_report_window_whole(void **state)
{
	struct program p, one, win;
	struct model_error e;
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;
	tdate as_of = date_from_ymd(2016, 12, 31);
	const tdate windows[][2] = {
		{ DATE_NONE, as_of },
		{ as_of, date_from_ymd(2016, 1, 1) },
		{ date_from_ymd(0, 6, 1), as_of },
		{ date_from_ymd(2016, 1, 1), date_from_ymd(10000, 1, 1) },
	};

	(void)state;
	program_init(&p);
	demo_build(&p, 1);
	assert_int_equal(model_validate(&p, &e), 0);
	assert_int_equal(fixture_db_create(&p, &s), 0);
	program_init(&one);
	assert_int_equal(store_initiative_load(s, p.slug, p.initiatives.v[0].slug, &one, &err), 0);
	for (size_t w = 0; w < sizeof(windows) / sizeof(windows[0]); w++) {
		const struct initiative *a = &one.initiatives.v[0], *b;

		program_init(&win);
		assert_int_equal(store_report_load(s, p.slug, a->slug, windows[w][0], windows[w][1],
		    &win, &err), 0);
		assert_int_equal(win.initiatives.n, 1);
		b = &win.initiatives.v[0];
		assert_int_equal(b->decisions.n, a->decisions.n);
		assert_int_equal(b->ledger.n, a->ledger.n);
		assert_int_equal(b->checkins.n, a->checkins.n);
		assert_int_equal(b->ties.n, a->ties.n);
		for (size_t g = 0; g < b->grants.n; g++)
			assert_int_equal(b->grants.v[g].carried, 0);
		program_release(&win);
	}
	/* a real window of the same initiative does leave records out */
	program_init(&win);
	assert_int_equal(store_report_load(s, p.slug, one.initiatives.v[0].slug,
	    date_from_ymd(2016, 12, 1), as_of, &win, &err), 0);
	assert_true(win.initiatives.v[0].decisions.n < one.initiatives.v[0].decisions.n);
	program_release(&win);
	program_init(&win);
	assert_int_equal(store_report_load(s, p.slug, "no-such-initiative", date_from_ymd(2016, 1, 1),
	    as_of, &win, &err), 1);
	assert_int_equal(win.initiatives.n, 0);
	program_release(&win);
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
	/* the demo's years, and bench/gen's (2023 to 2025) */
	static const char *const days[] = { "2016-12-31", "2018-06-30", "2024-06-30", "2025-12-31" };
	tdate dates[4];
	size_t checked = 0;

	(void)state;
	assert_non_null(given_db);
	assert_int_equal(store_open(given_db, 0, &s, &err), 0);
	assert_int_equal(store_program_slugs(s, &programs, &err), 0);
	for (size_t i = 0; i < 4; i++)
		assert_int_equal(date_parse(days[i], &dates[i]), 0);
	for (size_t i = 0; i < programs.n; i++)
		checked += check_all(s, programs.v[i], dates, 4);
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
		cmocka_unit_test(test_report_window_whole),
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
