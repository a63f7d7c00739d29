/*
 * SVG charts: the balance quadrant and the shared-result chart. Each is an
 * <svg> with a <title> and <desc>, points where the scores and observations
 * put them, nothing dated after as-of, and balanced, escaped markup.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/model.h"
#include "util/date.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "view/chart.h"
#include "view/html.h"
#include "tagcheck.h"

static tdate
D(const char *s)
{
	tdate t = DATE_NONE;

	assert_int_equal(date_parse(s, &t), 0);
	return t;
}

/* The quadrant's plot area is 60..420 across and 20..380 down for 0..100. */
static void
test_quadrant_points(void **state)
{
	struct chart_point pts[] = {
		{ "Origin", NULL, 1, 0, 0, 0, 0, 0 },
		{ "Top & right", NULL, 1, 100, 100, 0, 0, 0 },
		{ "Middle", "#middle", 1, 50, 25, 1, 25, 75 },
		{ "Nowhere", NULL, 0, 40, 40, 0, 0, 0 },
	};
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	chart_quadrant(&h, pts, 4, "q1");
	assert_int_equal(h.depth, 0);
	assert_balanced(sb.buf);
	assert_true(strncmp(sb.buf, "<svg ", 5) == 0);
	assert_non_null(strstr(sb.buf, "xmlns=\"http://www.w3.org/2000/svg\""));
	assert_non_null(strstr(sb.buf, "aria-labelledby=\"q1-title\""));
	assert_non_null(strstr(sb.buf, "aria-describedby=\"q1-desc\""));
	assert_non_null(strstr(sb.buf, "<title id=\"q1-title\">"));
	assert_non_null(strstr(sb.buf, "<desc id=\"q1-desc\">"));
	assert_int_equal(count_of(sb.buf, "<title"), 1);
	assert_int_equal(count_of(sb.buf, "<desc"), 1);

	/* three points drawn (r=6), the null one left out */
	assert_int_equal(count_of(sb.buf, "r=\"6\""), 3);
	assert_non_null(strstr(sb.buf, "<circle cx=\"60.0\" cy=\"380.0\" r=\"6\""));
	assert_non_null(strstr(sb.buf, "<circle cx=\"420.0\" cy=\"20.0\" r=\"6\""));
	assert_non_null(strstr(sb.buf, "<circle cx=\"240.0\" cy=\"290.0\" r=\"6\""));
	/* the faint earlier point of "Middle" at (25, 75), joined to the current one */
	assert_int_equal(count_of(sb.buf, "r=\"4\""), 1);
	assert_non_null(strstr(sb.buf, "<circle cx=\"150.0\" cy=\"110.0\" r=\"4\""));
	assert_non_null(strstr(sb.buf, "<line x1=\"150.0\" y1=\"110.0\" x2=\"240.0\" y2=\"290.0\""));
	/* the point with an href is a link */
	assert_non_null(strstr(sb.buf, "<a href=\"#middle\">"));
	assert_int_equal(count_of(sb.buf, "<a "), 1);

	/* labels escaped, and the null point explained in the description only */
	assert_non_null(strstr(sb.buf, ">Top &amp; right</text>"));
	assert_null(strstr(sb.buf, "Top & right"));
	assert_non_null(strstr(sb.buf, "Nowhere: not enough records to place."));
	assert_null(strstr(sb.buf, ">Nowhere</text>"));
	assert_non_null(strstr(sb.buf, "Middle: stepping back 50, stepping up 25."));
	/* presentation attributes only: a strict CSP allows no style attribute */
	assert_null(strstr(sb.buf, "style="));
	strbuf_release(&sb);
}

/* A lone point has no label drawn: its link is named by aria-label instead (axe link-name). */
static void
test_quadrant_lone_link_named(void **state)
{
	struct chart_point pts[] = {
		{ "Ashbury", "/i/ashbury", 1, 40, 60, 0, 0, 0 },
	};
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	chart_quadrant(&h, pts, 1, "q1");
	assert_null(strstr(sb.buf, ">Ashbury</text>"));
	assert_non_null(strstr(sb.buf,
	    "<a href=\"/i/ashbury\" aria-label=\"Ashbury: stepping back 40, stepping up 60\">"));
	strbuf_release(&sb);
}

/* Written inside an open element, the chart closes only what it opened. */
static void
test_quadrant_nested_empty(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	html_open(&h, "div", NULL);
	chart_quadrant(&h, NULL, 0, "q0");
	assert_int_equal(h.depth, 1);
	html_close(&h);
	assert_balanced(sb.buf);
	assert_int_equal(count_of(sb.buf, "<circle"), 0);
	assert_non_null(strstr(sb.buf, "<title id=\"q0-title\">"));
	strbuf_release(&sb);
}

static void
add_obs(struct initiative *in, const char *date, double v)
{
	struct observation *o = VEC_PUSH(&in->observations);

	o->date = D(date);
	o->value = v;
}

/*
 * A result from 100 (2014-01-01) to 200 (2016-01-01): round ticks of 50,
 * a step more under the baseline and over the target for their names, so
 * the value axis runs 50..250 over 250..40 down; the widest tick label
 * ("250 jobs") puts the date axis baseline..target over 72..620 across.
 */
static void
result_initiative(struct initiative *in)
{
	memset(in, 0, sizeof(*in));
	in->slug = "r";
	in->name = "R";
	in->has_result = 1;
	in->result.statement = "More <jobs> & \"income\"";
	in->result.indicator = "Jobs <per> 1,000 & more";
	in->result.unit = "jobs";
	in->result.direction = DIR_UP;
	in->result.baseline_date = D("2014-01-01");
	in->result.baseline_value = 100;
	in->result.target_date = D("2016-01-01");
	in->result.target_value = 200;
	add_obs(in, "2014-01-01", 100);
	add_obs(in, "2015-01-01", 150);
	add_obs(in, "2016-01-01", 200);
	add_obs(in, "2017-03-01", 999);	/* after as-of */
}

static void
test_result_points(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct initiative in;
	struct html h;

	(void)state;
	result_initiative(&in);
	html_init(&h, &sb);
	chart_result(&h, &in, D("2016-12-31"), "r1");
	assert_int_equal(h.depth, 0);
	assert_balanced(sb.buf);
	assert_true(strncmp(sb.buf, "<svg ", 5) == 0);
	assert_non_null(strstr(sb.buf, "<title id=\"r1-title\">Shared result: Jobs &lt;per&gt; 1,000 &amp; more</title>"));
	assert_non_null(strstr(sb.buf, "<desc id=\"r1-desc\">"));
	assert_non_null(strstr(sb.buf, "good direction up"));

	/* three observations up to as-of; 999 (2017) left out everywhere */
	assert_int_equal(count_of(sb.buf, "r=\"3.5\""), 3);
	assert_non_null(strstr(sb.buf, "<circle cx=\"72.0\" cy=\"197.5\" r=\"3.5\""));
	assert_non_null(strstr(sb.buf, "<circle cx=\"346.0\" cy=\"145.0\" r=\"3.5\""));
	assert_non_null(strstr(sb.buf, "<circle cx=\"620.0\" cy=\"92.5\" r=\"3.5\""));
	assert_non_null(strstr(sb.buf, "points=\"72.0,197.5 346.0,145.0 620.0,92.5\""));
	assert_null(strstr(sb.buf, "999"));
	assert_null(strstr(sb.buf, "2017"));
	/* the straight target path from baseline to target, its ends named with the unit */
	assert_non_null(strstr(sb.buf, "<line x1=\"72.0\" y1=\"197.5\" x2=\"620.0\" y2=\"92.5\""));
	assert_non_null(strstr(sb.buf, ">target 200 jobs</text>"));
	assert_non_null(strstr(sb.buf, ">baseline 100 jobs</text>"));
	assert_null(strstr(sb.buf, "style="));
	/* the value axis: round ticks with the unit, its title the indicator and the unit */
	assert_non_null(strstr(sb.buf, ">50 jobs</text>"));
	assert_non_null(strstr(sb.buf, ">150 jobs</text>"));
	assert_non_null(strstr(sb.buf, ">250 jobs</text>"));
	assert_non_null(strstr(sb.buf, ">Jobs &lt;per&gt; 1,000 &amp; more (jobs)</text>"));
	/* the date axis: every year, and no unit under it */
	assert_non_null(strstr(sb.buf, ">2014</text>"));
	assert_non_null(strstr(sb.buf, ">2015</text>"));
	assert_non_null(strstr(sb.buf, ">2016</text>"));
	assert_null(strstr(sb.buf, ">jobs</text>"));
	assert_non_null(strstr(sb.buf, "Baseline 100 jobs on 1 Jan 2014, target 200 jobs by 1 Jan 2016."));

	/* an earlier as-of keeps only what was known then: the axes do not move */
	strbuf_reset(&sb);
	html_init(&h, &sb);
	chart_result(&h, &in, D("2015-06-30"), "r2");
	assert_balanced(sb.buf);
	assert_int_equal(count_of(sb.buf, "r=\"3.5\""), 2);
	assert_non_null(strstr(sb.buf, "points=\"72.0,197.5 346.0,145.0\""));
	assert_null(strstr(sb.buf, "cx=\"620.0\" cy=\"92.5\" r=\"3.5\""));

	/* good direction down is said so */
	in.result.direction = DIR_DOWN;
	strbuf_reset(&sb);
	html_init(&h, &sb);
	chart_result(&h, &in, D("2016-12-31"), "r3");
	assert_non_null(strstr(sb.buf, "good direction down"));
	VEC_FREE(&in.observations);
	strbuf_release(&sb);
}

/* Dollars and percent on the value axis: "$44,000", "62%"; never the bare unit code. */
static void
test_result_units(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct initiative in;
	struct html h;

	(void)state;
	result_initiative(&in);
	in.result.unit = "USD";
	in.result.baseline_value = 38400;
	in.result.target_value = 44160;
	in.observations.v[0].value = 39314;
	in.observations.v[1].value = 40007;
	in.observations.v[2].value = 40755;
	html_init(&h, &sb);
	chart_result(&h, &in, D("2016-12-31"), "u1");
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, ">$40,000</text>"));
	assert_non_null(strstr(sb.buf, ">$44,000</text>"));
	assert_non_null(strstr(sb.buf, ">target $44,160</text>"));
	assert_non_null(strstr(sb.buf, "(US dollars)</text>"));
	assert_non_null(strstr(sb.buf, "$40,755 on 1 Jan 2016."));
	assert_null(strstr(sb.buf, "USD"));
	assert_null(strstr(sb.buf, "40755"));

	in.result.unit = "%";
	in.result.baseline_value = 30.5;
	in.result.target_value = 20;
	in.result.direction = DIR_DOWN;
	in.observations.v[0].value = 28;
	in.observations.v[1].value = 26.25;
	in.observations.v[2].value = 24;
	strbuf_reset(&sb);
	html_init(&h, &sb);
	chart_result(&h, &in, D("2016-12-31"), "u2");
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, ">20%</text>"));
	assert_non_null(strstr(sb.buf, ">30%</text>"));
	assert_non_null(strstr(sb.buf, ">baseline 30.5%</text>"));
	assert_non_null(strstr(sb.buf, "(percent)</text>"));
	assert_non_null(strstr(sb.buf, "26.25% on 1 Jan 2015."));
	VEC_FREE(&in.observations);
	strbuf_release(&sb);
}

static void
test_result_no_observations(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct initiative in;
	struct html h;

	(void)state;
	result_initiative(&in);
	html_init(&h, &sb);
	/* as-of before every observation */
	chart_result(&h, &in, D("2013-06-30"), "r4");
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "<title id=\"r4-title\">"));
	assert_int_equal(count_of(sb.buf, "r=\"3.5\""), 0);	/* the key's own dot is r="3" */
	assert_null(strstr(sb.buf, "<polyline"));
	assert_non_null(strstr(sb.buf, "no observations recorded yet"));
	VEC_FREE(&in.observations);
	strbuf_release(&sb);
}

static void
test_result_none(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct initiative in;
	struct html h;

	(void)state;
	memset(&in, 0, sizeof(in));
	in.slug = "none";
	in.name = "None";
	html_init(&h, &sb);
	html_open(&h, "section", NULL);
	chart_result(&h, &in, D("2016-12-31"), "r5");
	assert_int_equal(h.depth, 1);
	html_close(&h);
	assert_balanced(sb.buf);
	assert_null(strstr(sb.buf, "<svg"));
	assert_string_equal(sb.buf,
	    "<section><p>No shared result has been recorded for this initiative.</p></section>");
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quadrant_points),
		cmocka_unit_test(test_quadrant_lone_link_named),
		cmocka_unit_test(test_quadrant_nested_empty),
		cmocka_unit_test(test_result_points),
		cmocka_unit_test(test_result_units),
		cmocka_unit_test(test_result_no_observations),
		cmocka_unit_test(test_result_none),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
