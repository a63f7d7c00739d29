/*
 * The portfolio over time (view/portfolio_time.c): the page's charts,
 * trails and sorting, and the CSV and JSON of the same table (a formula
 * never starts a text cell; a null score is an empty cell, null in JSON).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/series.h"
#include "util/strbuf.h"
#include "view/html.h"
#include "view/portfolio_time.h"
#include "tagcheck.h"

static void
point(struct series *s, tdate as_of, double back, double up, size_t alerts)
{
	struct series_point *pt = VEC_PUSH(&s->points);

	pt->as_of = as_of;
	pt->back.type = back < 0 ? MV_NULL : MV_NUMBER;
	pt->back.value = back < 0 ? 0 : back;
	pt->back.nparts = back < 0 ? 0 : 1;
	pt->back.parts[0] = (struct metrics_part){ "decisions.hhi", back, 8, 0 };
	pt->up.type = MV_NUMBER;
	pt->up.value = up;
	pt->up.nparts = 1;
	pt->up.parts[0] = (struct metrics_part){ "checkins.coverage", up, 6, 0 };
	pt->alerts = alerts;
	pt->actions = alerts ? alerts + 1 : 0;	/* an action more than alerts, when any */
	pt->assistance = alerts ? 2.5 * (double)alerts : 0;
	pt->progress.type = MV_NULL;
	pt->burn.awarded = 100000000;
	pt->burn.spent = 25000000;
	pt->burn.elapsed = 0.5;
	pt->burn.grants = 1;
}

/* Two initiatives: "a" over three quarters, a named formula over two, the first without a back score. */
static void
page(struct ptime_row rows[2], struct ptime_page *pg)
{
	memset(rows, 0, 2 * sizeof(*rows));
	rows[0].series.months = rows[1].series.months = 12;
	rows[0].slug = "alpha";
	rows[0].name = "Alpha Works";
	rows[0].city = "Alphaville";
	point(&rows[0].series, date_from_ymd(2015, 3, 31), 40, 60, 0);
	point(&rows[0].series, date_from_ymd(2015, 6, 30), 45, 62, 1);
	point(&rows[0].series, date_from_ymd(2015, 9, 30), 50, 70, 2);
	rows[1].slug = "beta";
	rows[1].name = "=HYPERLINK(\"x\")";
	rows[1].city = NULL;
	point(&rows[1].series, date_from_ymd(2015, 6, 30), -1, 80, 0);
	point(&rows[1].series, date_from_ymd(2015, 9, 30), 90, 85, 0);
	memset(pg, 0, sizeof(*pg));
	pg->rows = rows;
	pg->n = 2;
	pg->sort = -1;
	pg->months = 12;
	pg->period_query = "as_of=2015-09-30&months=12";
}

static void
release(struct ptime_row rows[2])
{
	metrics_series_release(&rows[0].series);
	metrics_series_release(&rows[1].series);
}

static void
test_render(void **state)
{
	struct ptime_row rows[2];
	struct ptime_page pg;
	struct strbuf sb = STRBUF_INIT;
	struct html h;
	char err[200];
	size_t nel;
	const char *a, *b;

	(void)state;
	page(rows, &pg);
	pg.sort = PTCOL_BACK;
	pg.desc = 1;
	html_init(&h, &sb);
	ptime_render(&h, &pg);
	assert_int_equal(tagcheck(sb.buf, err, sizeof(err), &nel), 0);
	/* sorted by the last quarter's stepping back, highest first: beta (90) before alpha (50) */
	a = strstr(sb.buf, "<th scope=\"row\"><a href=\"/i/alpha\">");
	b = strstr(sb.buf, "<th scope=\"row\"><a href=\"/i/beta\">");
	assert_non_null(a);
	assert_non_null(b);
	assert_true(b < a);
	assert_non_null(strstr(sb.buf, "aria-sort=\"descending\""));
	/* a chart per initiative, its title naming it; the quadrant labelled by city, else name */
	assert_non_null(strstr(sb.buf, "<title id=\"spark-0-title\">=HYPERLINK(&quot;x&quot;): the two scores by quarter</title>"));
	assert_non_null(strstr(sb.buf, "<title id=\"spark-1-title\">Alpha Works: the two scores by quarter</title>"));
	assert_non_null(strstr(sb.buf, ">Alphaville</text>"));
	/* alpha's trail runs through its two earlier quarters; beta has none (its one earlier quarter is unscored) */
	assert_non_null(strstr(sb.buf, "Alphaville: stepping back 50, stepping up 70; its trail (the faint line) runs through the 2 quarters before, from stepping back 40, stepping up 60."));
	assert_null(strstr(sb.buf, "quarter before"));
	a = strstr(sb.buf, "class=\"trail quarters\"");
	assert_non_null(a);
	assert_null(strstr(a + 1, "class=\"trail quarters\""));
	/* the null quarter breaks beta's line: described as a dash */
	assert_non_null(strstr(sb.buf, "30 Jun 2015 back —, up 80;"));
	/* burn at the last quarter, whole dollars, and in words against the time */
	assert_non_null(strstr(sb.buf, "$250,000 of $1,000,000"));
	assert_non_null(strstr(sb.buf, "spending 25 points behind time"));
	/* alerts link to the initiative's points to discuss */
	assert_non_null(strstr(sb.buf, "<a href=\"/i/alpha#to-discuss\">2</a>"));
	/* open actions link to the program's list of them */
	assert_non_null(strstr(sb.buf, "<td class=\"num\" data-label=\"Open actions\"><a href=\"/program/actions\">3</a></td>"));
	/* hours of assistance to date link to the program's records of it */
	assert_non_null(strstr(sb.buf, "<td class=\"num\" data-label=\"Assistance\"><a href=\"/program/assistance\">5 hours</a></td>"));
	/* the sort links keep the period */
	assert_non_null(strstr(sb.buf, "href=\"?as_of=2015-09-30&amp;months=12&amp;sort=up&amp;dir=desc\""));
	strbuf_release(&sb);
	release(rows);
}

static void
test_sort(void **state)
{
	struct ptime_row rows[2];
	struct ptime_page pg;

	(void)state;
	page(rows, &pg);
	ptime_sort(rows, 2, PTCOL_ALERTS, 1);
	assert_string_equal(rows[0].slug, "alpha");
	ptime_sort(rows, 2, PTCOL_ALERTS, 0);
	assert_string_equal(rows[0].slug, "beta");
	ptime_sort(rows, 2, PTCOL_NAME, 0);	/* '=' sorts before 'A' */
	assert_string_equal(rows[0].slug, "beta");
	assert_int_equal(ptime_col_parse("elapsed"), PTCOL_ELAPSED);
	assert_int_equal(ptime_col_parse("colour"), -1);
	release(rows);
}

static void
test_csv(void **state)
{
	struct ptime_row rows[2];
	struct ptime_page pg;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	page(rows, &pg);
	ptime_csv(&pg, &sb);
	assert_string_equal(sb.buf,
	    "initiative,name,quarter_end,stepping_back,stepping_back_n,stepping_up,stepping_up_n,"
	    "alerts,open_actions,result_progress,awarded,spent,elapsed,assistance_hours\n"
	    "alpha,Alpha Works,2015-03-31,40,1,60,1,0,0,,1000000,250000,0.5,0\n"
	    "alpha,Alpha Works,2015-06-30,45,1,62,1,1,2,,1000000,250000,0.5,2.5\n"
	    "alpha,Alpha Works,2015-09-30,50,1,70,1,2,3,,1000000,250000,0.5,5\n"
	    "beta,\"'=HYPERLINK(\"\"x\"\")\",2015-06-30,,0,80,1,0,0,,1000000,250000,0.5,0\n"
	    "beta,\"'=HYPERLINK(\"\"x\"\")\",2015-09-30,90,1,85,1,0,0,,1000000,250000,0.5,0\n");
	strbuf_release(&sb);
	release(rows);
}

static void
test_json(void **state)
{
	struct ptime_row rows[2];
	struct ptime_page pg;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	page(rows, &pg);
	ptime_json(&pg, &sb);
	assert_non_null(strstr(sb.buf, "{\"months\":12,\"initiatives\":[{\"slug\":\"alpha\",\"name\":\"Alpha Works\",\"quarters\":[{\"as_of\":\"2015-03-31\",\"stepping_back\":{\"value\":40,\"parts\":{\"decisions.hhi\":40}},\"stepping_up\":{\"value\":60,\"parts\":{\"checkins.coverage\":60}},\"alerts\":0,\"open_actions\":0,\"result_progress\":null,\"grants\":{\"awarded\":1000000,\"spent\":250000,\"elapsed\":0.5},\"assistance_hours\":0}"));
	assert_non_null(strstr(sb.buf, "\"name\":\"=HYPERLINK(\\\"x\\\")\""));
	assert_non_null(strstr(sb.buf, "{\"as_of\":\"2015-06-30\",\"stepping_back\":{\"value\":null,\"parts\":{}}"));
	assert_int_equal(sb.buf[sb.len - 1], '}');
	strbuf_release(&sb);
	release(rows);
}

/* Kept as text and read back: the same series, so the same CSV and JSON bytes; junk refused. */
static void
test_series_text(void **state)
{
	struct ptime_row rows[2], back[2];
	struct ptime_page pg, pb;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, line = STRBUF_INIT;

	(void)state;
	page(rows, &pg);
	rows[0].series.points.v[1].back.value = 1.0 / 3.0;	/* every digit kept */
	page(back, &pb);
	for (int i = 0; i < 2; i++) {
		strbuf_reset(&line);
		ptime_series_format(&rows[i].series, &line);
		assert_int_equal(ptime_series_parse(&back[i].series, line.buf), 0);
	}
	ptime_json(&pg, &a);
	ptime_json(&pb, &b);
	assert_string_equal(a.buf, b.buf);
	strbuf_reset(&a);
	strbuf_reset(&b);
	ptime_csv(&pg, &a);
	ptime_csv(&pb, &b);
	assert_string_equal(a.buf, b.buf);
	/* a part with no such name, a line cut short, junk after it */
	assert_int_equal(ptime_series_parse(&back[0].series, "12 1 16436 1 40 1 1 0 no.such 40 8 0 1 60 0 0 0 0 0 0 0 0 0 0"), -1);
	assert_int_equal(back[0].series.points.n, 0);
	strbuf_reset(&line);
	ptime_series_format(&rows[0].series, &line);
	line.buf[line.len / 2] = '\0';
	assert_int_equal(ptime_series_parse(&back[0].series, line.buf), -1);
	strbuf_reset(&line);
	ptime_series_format(&rows[0].series, &line);
	strbuf_addstr(&line, " 7");
	assert_int_equal(ptime_series_parse(&back[0].series, line.buf), -1);
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&line);
	release(rows);
	release(back);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_series_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
