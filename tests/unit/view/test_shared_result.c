/*
 * The Shared result tab (view/shared_result.c) and the values of its
 * indicator with their unit (view/quantity.c): "$44,736", "62%", "1,240
 * people"; the statement, baseline and target with dates in words; the
 * latest measurement and the progress in words and as a bar; the chart;
 * the measurements oldest first, linked, with the change from the
 * baseline; what shows with no result or no measurement.
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
#include "model/model.h"
#include "util/date.h"
#include "util/strbuf.h"
#include "view/html.h"
#include "view/quantity.h"
#include "view/shared_result.h"
#include "tagcheck.h"

static tdate
D(const char *s)
{
	tdate t = DATE_NONE;

	assert_int_equal(date_parse(s, &t), 0);
	return t;
}

static const char *
q(double v, const char *unit, int decimals, struct strbuf *sb)
{
	strbuf_reset(sb);
	quantity_format(v, unit, decimals, sb);
	return sb->buf;
}

static void
test_quantity(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_string_equal(q(44736, "USD", -1, &sb), "$44,736");
	assert_string_equal(q(44736, "$", -1, &sb), "$44,736");
	assert_string_equal(q(1234567.5, "usd", -1, &sb), "$1,234,567.5");
	assert_string_equal(q(-1200, "USD", -1, &sb), "−$1,200");
	assert_string_equal(q(62, "%", -1, &sb), "62%");
	assert_string_equal(q(12.25, "percent", -1, &sb), "12.25%");
	assert_string_equal(q(1240, "people", -1, &sb), "1,240 people");
	assert_string_equal(q(999, "people", -1, &sb), "999 people");
	assert_string_equal(q(1240, NULL, -1, &sb), "1,240");
	assert_string_equal(q(1240, "", -1, &sb), "1,240");
	/* as recorded: two decimals at most, no trailing zeros, no "−0" */
	assert_string_equal(q(40128.6349, "USD", -1, &sb), "$40,128.63");
	assert_string_equal(q(-0.001, "%", -1, &sb), "0%");
	/* axis ticks: the decimals asked for */
	assert_string_equal(q(40000, "USD", 0, &sb), "$40,000");
	assert_string_equal(q(2.5, "%", 1, &sb), "2.5%");
	assert_string_equal(q(100000, "jobs", 0, &sb), "100,000 jobs");
	/* tight places (ticks, cells) leave a long word unit to the heading */
	strbuf_reset(&sb);
	quantity_format_tight(81.5, "crimes per 1,000 residents", -1, &sb);
	assert_string_equal(sb.buf, "81.5");
	strbuf_reset(&sb);
	quantity_format_tight(1240, "people", -1, &sb);
	assert_string_equal(sb.buf, "1,240 people");
	strbuf_reset(&sb);
	quantity_format_tight(62, "%", -1, &sb);
	assert_string_equal(sb.buf, "62%");
	strbuf_reset(&sb);
	quantity_unit_words("USD", &sb);
	assert_string_equal(sb.buf, "US dollars");
	strbuf_reset(&sb);
	quantity_unit_words("%", &sb);
	assert_string_equal(sb.buf, "percent");
	strbuf_reset(&sb);
	quantity_unit_words("people", &sb);
	assert_string_equal(sb.buf, "people");
	strbuf_release(&sb);
}

static void
add_obs(struct initiative *in, const char *date, double v)
{
	struct observation *o = VEC_PUSH(&in->observations);

	o->date = D(date);
	o->value = v;
}

/* Harlow Mills' result of the demo: income from $38,400 (2013) to $44,160 (2023). */
static void
income(struct initiative *in)
{
	memset(in, 0, sizeof(*in));
	in->slug = "harlow";
	in->name = "Harlow";
	in->has_result = 1;
	in->result.statement = "Raise <the> income & more";
	in->result.indicator = "Median household income";
	in->result.unit = "USD";
	in->result.direction = DIR_UP;
	in->result.baseline_date = D("2013-12-31");
	in->result.baseline_value = 38400;
	in->result.target_date = D("2023-12-31");
	in->result.target_value = 44160;
	/* out of order on purpose: the table sorts them */
	add_obs(in, "2016-12-31", 40755);
	add_obs(in, "2014-12-31", 39314);
	add_obs(in, "2015-12-31", 40007);
}

/* Renders the tab of in at as_of into sb, hrefs for links, add_href for an editor. */
static void
render(const struct initiative *in, tdate as_of, const char *const *hrefs, const char *add,
    struct strbuf *sb)
{
	struct metrics_result_progress rp;
	struct shared_result_page pg = { 0 };
	struct html h;

	pg.in = in;
	pg.has_progress = metrics_result_progress(in, as_of, &rp) == 0;
	pg.progress = &rp;
	pg.as_of = as_of;
	pg.obs_href = hrefs;
	pg.add_href = add;
	pg.csv_href = "/i/harlow/export?kind=observations&format=csv";
	strbuf_reset(sb);
	html_init(&h, sb);
	html_open(&h, "main", NULL);
	shared_result_page(&h, &pg);
	assert_int_equal(h.depth, 1);
	html_close(&h);
	assert_balanced(sb->buf);
	assert_null(strstr(sb->buf, "style="));
}

static void
test_page(void **state)
{
	static const char *const hrefs[] = { "/i/harlow/observations/3", "/i/harlow/observations/1",
	    "/i/harlow/observations/2" };
	struct strbuf sb = STRBUF_INIT;
	struct initiative in;
	const char *a, *b, *c;

	(void)state;
	income(&in);
	render(&in, D("2016-12-31"), hrefs, "/i/harlow/observations/new", &sb);
	/* the statement, escaped; the terms with dates in words */
	assert_non_null(strstr(sb.buf, "<p class=\"statement lead\">Raise &lt;the&gt; income &amp; more</p>"));
	assert_non_null(strstr(sb.buf, "<dt>Indicator</dt><dd>Median household income</dd>"));
	/* on a phone the chart scrolls in its own box, which the keyboard reaches */
	assert_non_null(strstr(sb.buf, "<div class=\"result-chart chart-scroll\" tabindex=\"0\" "
	    "role=\"region\" aria-label=\"Chart of the shared result\">"));
	assert_non_null(strstr(sb.buf, "<dt>Unit</dt><dd>US dollars</dd>"));
	assert_non_null(strstr(sb.buf, "<dt>Good direction</dt><dd>up (higher is better)</dd>"));
	assert_non_null(strstr(sb.buf, "<dt>Baseline</dt><dd>$38,400 on 31 Dec 2013</dd>"));
	assert_non_null(strstr(sb.buf, "<dt>Target</dt><dd>$44,160 by 31 Dec 2023</dd>"));
	/* the latest and the progress: (40755 − 38400) / 5760 = 40.9% */
	assert_non_null(strstr(sb.buf, "Latest measurement: $40,755 on 31 Dec 2016 (3 measurements in all)."));
	assert_non_null(strstr(sb.buf, "41% of the way from baseline to target: up $2,355 since the "
	    "baseline, of the rise of $5,760 the target asks for."));
	assert_non_null(strstr(sb.buf, "<progress max=\"100\" value=\"41\""));
	/* the straight line on 31 Dec 2016: 38400 + 5760 · 1096/3652 = 40128.6 */
	assert_non_null(strstr(sb.buf, "✓ On track: at or beyond the straight path from baseline to "
	    "target, which stood at $40,129 on 31 Dec 2016."));
	/* the chart, in dollars */
	assert_non_null(strstr(sb.buf, "<svg "));
	assert_non_null(strstr(sb.buf, ">$40,000</text>"));
	/* the measurements: oldest first, each linked to its record, never "40755" */
	a = strstr(sb.buf, "<a href=\"/i/harlow/observations/1\">31 Dec 2014</a>");
	b = strstr(sb.buf, "<a href=\"/i/harlow/observations/2\">31 Dec 2015</a>");
	c = strstr(sb.buf, "<a href=\"/i/harlow/observations/3\">31 Dec 2016</a>");
	assert_true(a && b && c && a < b && b < c);
	assert_non_null(strstr(sb.buf, "<td class=\"num\" data-label=\"Value\">$39,314</td>"
	    "<td class=\"num\" data-label=\"Change from baseline\">+$914</td>"));
	assert_null(strstr(sb.buf, "40755"));
	assert_null(strstr(sb.buf, "USD"));
	/* the editor's way to add one; the downloads */
	assert_non_null(strstr(sb.buf, "<a class=\"button\" href=\"/i/harlow/observations/new\">Add a measurement</a>"));
	assert_non_null(strstr(sb.buf, ">Download CSV</a>"));
	assert_null(strstr(sb.buf, "Download Excel"));

	/* a viewer: no add button; no links when none are given */
	render(&in, D("2016-12-31"), NULL, NULL, &sb);
	assert_null(strstr(sb.buf, "Add a measurement"));
	assert_non_null(strstr(sb.buf, "<td data-label=\"Date\">31 Dec 2014</td>"));

	/* behind the path: a lower latest value */
	in.observations.v[0].value = 39000;
	render(&in, D("2016-12-31"), NULL, NULL, &sb);
	assert_non_null(strstr(sb.buf, "10% of the way from baseline to target: up $600 since the baseline"));
	assert_non_null(strstr(sb.buf, "✗ Behind the straight path from baseline to target, which "
	    "stood at $40,129 on 31 Dec 2016."));
	/* below the baseline: moving away, the bar at its start */
	in.observations.v[0].value = 38000;
	render(&in, D("2016-12-31"), NULL, NULL, &sb);
	assert_non_null(strstr(sb.buf, "Moving away from the target: down $400 since the baseline"));
	assert_non_null(strstr(sb.buf, "<progress max=\"100\" value=\"0\""));
	VEC_FREE(&in.observations);
	strbuf_release(&sb);
}

/* A percent going down: changes in percentage points, the good direction said. */
static void
test_percent_down(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct initiative in;

	(void)state;
	income(&in);
	in.result.unit = "%";
	in.result.direction = DIR_DOWN;
	in.result.baseline_value = 30.5;
	in.result.target_value = 20;
	VEC_FREE(&in.observations);
	add_obs(&in, "2015-12-31", 27);
	render(&in, D("2016-12-31"), NULL, NULL, &sb);
	assert_non_null(strstr(sb.buf, "<dt>Good direction</dt><dd>down (lower is better)</dd>"));
	assert_non_null(strstr(sb.buf, "<dt>Baseline</dt><dd>30.5% on 31 Dec 2013</dd>"));
	assert_non_null(strstr(sb.buf, "33% of the way from baseline to target: down 3.5 percentage "
	    "points since the baseline, of the fall of 10.5 percentage points the target asks for."));
	assert_non_null(strstr(sb.buf, "<td class=\"num\" data-label=\"Value\">27%</td>"
	    "<td class=\"num\" data-label=\"Change from baseline\">−3.5 percentage points</td>"));
	/* a long unit: said once in the heading, the cells numbers */
	in.result.unit = "crimes per 1,000 residents";
	render(&in, D("2016-12-31"), NULL, NULL, &sb);
	assert_non_null(strstr(sb.buf, ">Value<span class=\"unit\">crimes per 1,000 residents</span></th>"));
	assert_non_null(strstr(sb.buf, "<td class=\"num\" data-label=\"Value\">27</td>"
	    "<td class=\"num\" data-label=\"Change from baseline\">−3.5</td>"));
	assert_non_null(strstr(sb.buf, "Latest measurement: 27 crimes per 1,000 residents on 31 Dec 2015"));
	VEC_FREE(&in.observations);
	strbuf_release(&sb);
}

static void
test_empty(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct initiative in;

	(void)state;
	/* a result, nothing measured (or nothing up to as-of) */
	income(&in);
	render(&in, D("2014-06-30"), NULL, "/i/harlow/observations/new", &sb);
	assert_non_null(strstr(sb.buf, "No measurement recorded yet: progress shows once the first one is added."));
	assert_null(strstr(sb.buf, "<progress"));
	VEC_FREE(&in.observations);
	render(&in, D("2016-12-31"), NULL, "/i/harlow/observations/new", &sb);
	assert_non_null(strstr(sb.buf, "No measurement recorded yet. <a href=\"/i/harlow/observations/new\">Add the first measurement</a>."));
	assert_null(strstr(sb.buf, "<table"));
	/* no result at all: said so, and where it comes from */
	memset(&in, 0, sizeof(in));
	in.slug = "none";
	render(&in, D("2016-12-31"), NULL, NULL, &sb);
	assert_non_null(strstr(sb.buf, "No shared result has been set for this initiative"));
	assert_null(strstr(sb.buf, "<svg"));
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quantity),
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_percent_down),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
