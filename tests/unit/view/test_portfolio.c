/*
 * The portfolio (view/portfolio.c): rows read back as written, sorting by
 * every column with "—" last, the footer's totals and means, the quadrant's
 * labels apart (the demo's six and a program of thirteen), each
 * initiative's trail from a year earlier, and N and "provisional" beside
 * the figures.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/metrics.h"
#include "model/demo.h"
#include "util/strbuf.h"
#include "view/chart.h"
#include "view/html.h"
#include "view/portfolio.h"
#include "tagcheck.h"

static struct portfolio_row
row(const char *slug, int has, double back, double up, double bback, double bup, size_t nalerts)
{
	struct portfolio_row r;

	memset(&r, 0, sizeof(r));
	r.slug = slug;
	r.name = slug;
	r.city = slug;
	r.backbone = "Backbone";
	r.back = (struct portfolio_score){ has, back, 8, 0 };
	r.up = (struct portfolio_score){ has, up, 6, 0 };
	r.back_before = (struct portfolio_score){ 1, bback, 8, 0 };
	r.up_before = (struct portfolio_score){ 1, bup, 6, 0 };
	r.nalerts = nalerts;
	for (size_t i = 0; i < nalerts; i++)
		r.alerts[i] = (int)i + 1;
	r.partner_share = (struct metrics_figure){ MV_NUMBER, back / 100, 12 };
	r.shared = (struct metrics_figure){ MV_NUMBER, up / 100, 2 };	/* provisional: N < 5 */
	r.spent = (struct metrics_figure){ MV_NUMBER, 1000 * back, 12 };
	r.progress = (struct metrics_figure){ MV_NULL, 0, 0 };
	r.on_track = (struct metrics_figure){ MV_NULL, 0, 0 };
	return r;
}

static void
test_row_round_trip(void **state)
{
	struct portfolio_row a = row("a", 1, 61.5, 80.25, 50, 70, 3), b;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	a.start = 100;
	a.end = 465;
	a.back.provisional = 1;
	a.nstrengths = 2;
	a.strengths[0] = 2;
	a.strengths[1] = 6;
	a.has_result = 1;
	portfolio_row_format(&a, &sb);
	assert_null(strchr(sb.buf, '\n'));
	memset(&b, 0, sizeof(b));
	assert_int_equal(portfolio_row_parse(&b, sb.buf), 0);
	assert_int_equal(b.start, 100);
	assert_int_equal(b.end, 465);
	assert_true(b.back.has && b.back.value == 61.5 && b.back.n == 8 && b.back.provisional);
	assert_true(b.up.value == 80.25 && !b.up.provisional);
	assert_int_equal(b.nalerts, 3);
	assert_int_equal(b.alerts[2], 3);
	assert_int_equal(b.nstrengths, 2);
	assert_int_equal(b.strengths[1], 6);
	assert_int_equal(b.shared.n, 2);
	assert_int_equal(b.progress.type, MV_NULL);
	/* malformed lines are refused, not half read */
	assert_int_equal(portfolio_row_parse(&b, "1 2 3"), -1);
	strbuf_addstr(&sb, " 7");
	assert_int_equal(portfolio_row_parse(&b, sb.buf), -1);
	strbuf_release(&sb);
}

static void
test_sort(void **state)
{
	struct portfolio_row rows[4];
	const char *names[4];

	(void)state;
	rows[0] = row("b", 1, 40, 90, 50, 80, 1);
	rows[1] = row("a", 1, 70, 50, 60, 55, 0);
	rows[2] = row("d", 0, 0, 0, 0, 0, 2);	/* no scores: last either way */
	rows[3] = row("c", 1, 55, 60, 20, 70, 2);
	assert_int_equal(portfolio_col_parse("back_change"), PCOL_BACK_CHANGE);
	assert_int_equal(portfolio_col_parse("nope"), -1);

	portfolio_sort(rows, 4, PCOL_BACK, 1);
	for (int i = 0; i < 4; i++)
		names[i] = rows[i].slug;
	assert_string_equal(names[0], "a");
	assert_string_equal(names[1], "c");
	assert_string_equal(names[2], "b");
	assert_string_equal(names[3], "d");
	portfolio_sort(rows, 4, PCOL_BACK, 0);
	assert_string_equal(rows[0].slug, "b");
	assert_string_equal(rows[3].slug, "d");
	/* change: c +35, a +10, b -10 */
	portfolio_sort(rows, 4, PCOL_BACK_CHANGE, 1);
	assert_string_equal(rows[0].slug, "c");
	assert_string_equal(rows[1].slug, "a");
	assert_string_equal(rows[2].slug, "b");
	assert_string_equal(rows[3].slug, "d");
	portfolio_sort(rows, 4, PCOL_UP_CHANGE, 0);
	assert_string_equal(rows[0].slug, "c");		/* -10 */
	/* alerts: ties in name order */
	portfolio_sort(rows, 4, PCOL_ALERTS, 1);
	assert_string_equal(rows[0].slug, "c");
	assert_string_equal(rows[1].slug, "d");
	assert_string_equal(rows[3].slug, "a");
	portfolio_sort(rows, 4, PCOL_NAME, 1);
	assert_string_equal(rows[0].slug, "d");
	assert_string_equal(rows[3].slug, "a");
}

#define RACE_ROWS	64
#define RACE_ROUNDS	2000

/* One thread's sorting: RACE_ROUNDS sorts by name in its direction, counting the wrong orders. */
struct race {
	int desc;
	int wrong;
	char names[RACE_ROWS][8];
	struct portfolio_row rows[RACE_ROWS];
};

static void *
race_run(void *arg)
{
	struct race *r = arg;

	for (int k = 0; k < RACE_ROUNDS; k++) {
		for (int i = 0; i < RACE_ROWS; i++)	/* a fresh order each round */
			r->rows[i] = row(r->names[(i * 37 + k) % RACE_ROWS], 1, i, i, 0, 0, 0);
		portfolio_sort(r->rows, RACE_ROWS, PCOL_NAME, r->desc);
		for (int i = 1; i < RACE_ROWS; i++) {
			int c = strcmp(r->rows[i - 1].name, r->rows[i].name);

			if (r->desc ? c < 0 : c > 0) {
				r->wrong++;
				break;
			}
		}
	}
	return NULL;
}

/*
 * The web server sorts in several threads at once (its pool): one's
 * column and direction are not another's (they were one static pair).
 * Two threads sort by name, one ascending and one descending, 2,000 times
 * each; every result is in its own order.
 */
static void
test_sort_threads(void **state)
{
	static struct race up, down;
	pthread_t t;

	(void)state;
	for (int i = 0; i < RACE_ROWS; i++) {
		snprintf(up.names[i], sizeof(up.names[i]), "r%03d", i);
		memcpy(down.names[i], up.names[i], sizeof(up.names[i]));
	}
	down.desc = 1;
	assert_int_equal(pthread_create(&t, NULL, race_run, &down), 0);
	race_run(&up);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(up.wrong, 0);
	assert_int_equal(down.wrong, 0);
}

static void
test_totals(void **state)
{
	struct portfolio_row rows[3];
	struct portfolio_totals t;

	(void)state;
	rows[0] = row("a", 1, 40, 90, 50, 80, 1);
	rows[1] = row("b", 1, 70, 50, 60, 55, 2);
	rows[2] = row("c", 0, 0, 0, 0, 0, 0);
	rows[2].spent.type = MV_NULL;
	rows[1].on_track = (struct metrics_figure){ MV_BOOL, 1, 3 };
	portfolio_totals(rows, 3, &t);
	assert_int_equal(t.count[PCOL_BACK], 2);
	assert_true(t.mean[PCOL_BACK] == 55);
	assert_true(t.mean[PCOL_UP] == 70);
	assert_true(t.mean[PCOL_BACK_CHANGE] == 0);	/* (-10 + 10) / 2 */
	assert_int_equal(t.alerts, 3);
	assert_true(t.spent == 40000 + 70000);
	assert_int_equal(t.count[PCOL_SPENT], 2);
	assert_int_equal(t.on_track, 1);
}

/* The page: links to sort, the footer, N and provisional, trails and marks. */
static void
test_render(void **state)
{
	struct portfolio_row rows[3];
	struct portfolio_page pg = { rows, 3, PCOL_BACK, 1, "as_of=2016-12-31&months=12" };
	struct strbuf sb = STRBUF_INIT;
	struct html h;
	const char *a, *b;

	(void)state;
	rows[0] = row("low", 1, 30, 40, 20, 30, 2);
	rows[1] = row("high", 1, 80, 90, 70, 85, 0);
	rows[2] = row("mid", 1, 50, 60, 50, 60, 1);
	html_init(&h, &sb);
	portfolio_render(&h, &pg);
	assert_int_equal(h.depth, 0);
	assert_balanced(sb.buf);
	/* sorted by stepping back, highest first */
	a = strstr(sb.buf, "<a href=\"/i/high\">");
	b = strstr(sb.buf, "<a href=\"/i/low\">high");
	assert_null(b);
	b = strstr(sb.buf, "<th scope=\"row\"><a href=\"/i/low\">");
	assert_non_null(a);
	assert_non_null(b);
	assert_true(strstr(sb.buf, "<th scope=\"row\"><a href=\"/i/high\">") < b);
	/* the active heading says so, and its link turns the order */
	assert_non_null(strstr(sb.buf, "aria-sort=\"descending\""));
	assert_non_null(strstr(sb.buf,
	    "href=\"?as_of=2016-12-31&amp;months=12&amp;sort=back&amp;dir=asc\""));
	assert_non_null(strstr(sb.buf,
	    "href=\"?as_of=2016-12-31&amp;months=12&amp;sort=spent&amp;dir=desc\""));
	/* every column a link */
	for (int c = 0; c < PCOL__MAX; c++) {
		struct strbuf want = STRBUF_INIT;

		strbuf_addf(&want, "data-sort=\"%s\"", portfolio_col_names[c]);
		assert_non_null(strstr(sb.buf, want.buf));
		strbuf_release(&want);
	}
	/* N beside the scores, provisional beside decisions.shared (N 2 < 5) */
	assert_int_equal(count_of(sb.buf, "N = 8 parts"), 3);
	assert_int_equal(count_of(sb.buf, ">provisional<"), 3);
	/* the change in a year */
	assert_non_null(strstr(sb.buf, "▲ +10</span> from 70"));
	/* the footer */
	assert_non_null(strstr(sb.buf, "<tfoot>"));
	assert_non_null(strstr(sb.buf, "Portfolio: 3 initiatives"));
	assert_non_null(strstr(sb.buf, "3 in all"));
	assert_non_null(strstr(sb.buf, "$160,000.00"));
	/* alerts linked to the dashboard's "To discuss", coloured by how many */
	assert_non_null(strstr(sb.buf, "<li class=\"sev-several\"><a href=\"/i/low#to-discuss\">"));
	assert_non_null(strstr(sb.buf, "<li class=\"sev-one\"><a href=\"/i/mid#to-discuss\">"));
	/* a trail for each initiative; marks by alerts */
	assert_int_equal(count_of(sb.buf, "<g class=\"trail\">"), 3);
	assert_int_equal(count_of(sb.buf, "class=\"pt mark-clear\""), 1);
	assert_int_equal(count_of(sb.buf, "class=\"pt mark-one\""), 1);
	assert_int_equal(count_of(sb.buf, "class=\"pt mark-several\""), 1);
	assert_null(strstr(sb.buf, "style="));
	strbuf_release(&sb);
}

static void
assert_labels_apart(const struct chart_point *pts, size_t n, size_t want_shown)
{
	struct chart_label *l = calloc(n, sizeof(*l));
	size_t shown = 0;

	assert_non_null(l);
	chart_quadrant_labels(pts, n, l);
	for (size_t i = 0; i < n; i++) {
		if (!l[i].shown)
			continue;
		shown++;
		assert_true(l[i].x1 > l[i].x0 && l[i].y1 > l[i].y0);
		for (size_t j = i + 1; j < n; j++)
			if (l[j].shown && l[i].x0 < l[j].x1 && l[j].x0 < l[i].x1 &&
			    l[i].y0 < l[j].y1 && l[j].y0 < l[i].y1)
				fail_msg("the labels of %s and %s overlap", pts[i].label, pts[j].label);
	}
	assert_int_equal(shown, want_shown);
	free(l);
}

/* The demo's six initiatives, from their reports: labels apart, each with a trail. */
static void
test_demo_labels(void **state)
{
	struct program p;
	struct chart_point pts[16];
	struct portfolio_row rows[16];
	struct portfolio_page pg;
	struct strbuf sb = STRBUF_INIT;
	struct html h;
	tdate as_of = date_from_ymd(2016, 12, 31);
	size_t n;

	(void)state;
	program_init(&p);
	demo_build(&p, DEMO_DEFAULT_SEED);
	n = p.initiatives.n;
	assert_true(n >= 6 && n <= 16);
	for (size_t i = 0; i < n; i++) {
		struct report r, before;
		const struct initiative *in = &p.initiatives.v[i];

		metrics_report_init(&r);
		metrics_report_init(&before);
		assert_int_equal(metrics_report(&p, in, as_of, 12, NULL, &r), 0);
		assert_int_equal(metrics_report(&p, in, date_add_months(as_of, -12), 12, NULL, &before), 0);
		memset(&rows[i], 0, sizeof(rows[i]));
		rows[i].slug = in->slug;
		rows[i].name = in->name;
		rows[i].city = in->city;
		rows[i].backbone = "b";
		portfolio_row_from_reports(&rows[i], &r, &before);
		pts[i] = (struct chart_point){ in->city, NULL, 1, rows[i].back.value, rows[i].up.value,
		    1, rows[i].back_before.value, rows[i].up_before.value, MARK_CLEAR };
		assert_true(rows[i].back.has && rows[i].back_before.has);
		metrics_report_release(&r);
		metrics_report_release(&before);
	}
	assert_labels_apart(pts, n, n);
	pg = (struct portfolio_page){ rows, n, -1, 0, NULL };
	html_init(&h, &sb);
	portfolio_render(&h, &pg);
	assert_int_equal(count_of(sb.buf, "<g class=\"trail\">"), (int)n);
	assert_int_equal(count_of(sb.buf, "<text class=\"label\""), (int)n);
	strbuf_release(&sb);
	program_release(&p);
}

/* Thirteen initiatives, several on the same spot and crowded in a corner. */
static void
test_thirteen_labels(void **state)
{
	static const char *const names[13] = {
		"Harlow Mills", "Port Ashby", "Quarry Bend", "Wexford Junction", "Riverton Locks",
		"Calder Springs", "North Fenwick", "Ellery Crossing", "Marlow Heights", "Oak Hollow",
		"St. Brennan", "Lower Tillbury", "Ashcombe Vale",
	};
	struct chart_point pts[13];

	(void)state;
	for (int i = 0; i < 13; i++)
		pts[i] = (struct chart_point){ names[i], NULL, 1, 60 + (i % 4) * 2.0,
		    85 + (i % 3) * 1.5, 0, 0, 0, MARK_CLEAR };
	pts[5].x = pts[6].x = 62;	/* two on the same spot */
	pts[5].y = pts[6].y = 86.5;
	pts[12].x = 99;
	pts[12].y = 99;			/* in the corner */
	assert_labels_apart(pts, 13, 13);
	/* some had to move: leader lines join them to their points */
	{
		struct chart_label l[13];
		int leaders = 0;

		chart_quadrant_labels(pts, 13, l);
		for (int i = 0; i < 13; i++)
			leaders += l[i].leader;
		assert_true(leaders > 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_row_round_trip),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_sort_threads),
		cmocka_unit_test(test_totals),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_demo_labels),
		cmocka_unit_test(test_thirteen_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
