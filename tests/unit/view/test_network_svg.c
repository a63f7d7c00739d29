/*
 * The partner network map: the same network gives the same bytes; the
 * backbone is ringed and labelled; ties are as wide as they are close and
 * dashed when named by one side; each sector is named in the legend, each
 * node has a <title>, the <desc> lists the ties in words; names are
 * escaped; with no ratings, a sentence instead of a map.
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
#include "util/strbuf.h"
#include "view/html.h"
#include "view/network_svg.h"
#include "../metrics/fixture.h"
#include "tagcheck.h"

static void
tie(struct program *p, struct initiative *in, const char *from, const char *to, int f)
{
	struct tie *t = VEC_PUSH(&in->ties);

	t->date = D("2016-05-01");
	t->from = fx_ref(p, from);
	t->to = fx_ref(p, to);
	t->frequency = f;
}

/* b (nonprofit, "B & Co <1>"), p1 (public), p2 (health), p3 (public, alone). */
static void
build(struct program *p, struct metrics_network *net)
{
	struct initiative *in;
	int team[4];

	program_init(p);
	team[0] = fx_org(p, "b", SECTOR_NONPROFIT);
	free(p->orgs.v[0].name);
	p->orgs.v[0].name = xstrdup("B & Co <1>");
	team[1] = fx_org(p, "p1", SECTOR_PUBLIC);
	team[2] = fx_org(p, "p2", SECTOR_HEALTH);
	team[3] = fx_org(p, "p3", SECTOR_PUBLIC);
	in = fx_initiative(p, "i", "2014-01-01", NULL, "b", "b");
	tie(p, in, "b", "p1", 4);
	tie(p, in, "p1", "b", 4);
	tie(p, in, "b", "p2", 2);
	tie(p, in, "p2", "p1", 3);
	tie(p, in, "p3", "p1", 1);
	metrics_network_init(net);
	assert_int_equal(metrics_network_build(p, in, team, 4, D("2016-01-01"),
	    D("2016-12-31"), net), 0);
}

static void
draw(const struct program *p, const struct metrics_network *net, struct strbuf *sb)
{
	struct html h;

	html_init(&h, sb);
	network_svg(&h, p, net, "n1");
	assert_int_equal(h.depth, 0);
	assert_balanced(sb->buf);
}

static void
test_same_bytes(void **state)
{
	struct program p;
	struct metrics_network net;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

	(void)state;
	build(&p, &net);
	draw(&p, &net, &a);
	draw(&p, &net, &b);
	assert_int_equal(a.len, b.len);
	assert_string_equal(a.buf, b.buf);
	strbuf_release(&a);
	strbuf_release(&b);
	metrics_network_release(&net);
	program_release(&p);
}

static void
test_content(void **state)
{
	struct program p;
	struct metrics_network net;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	build(&p, &net);
	draw(&p, &net, &sb);
	assert_true(strncmp(sb.buf, "<svg ", 5) == 0);
	assert_non_null(strstr(sb.buf, "aria-labelledby=\"n1-title\""));
	assert_non_null(strstr(sb.buf, "<desc id=\"n1-desc\">"));
	assert_null(strstr(sb.buf, "style="));
	/* names escaped everywhere, never raw */
	assert_null(strstr(sb.buf, "B & Co <1>"));
	assert_non_null(strstr(sb.buf, "B &amp; Co &lt;1&gt;"));
	/* the backbone: one ring (r=14) and its label */
	assert_int_equal(count_of(sb.buf, "r=\"14\""), 1);
	assert_non_null(strstr(sb.buf, ">backbone</text>"));
	assert_non_null(strstr(sb.buf, "is ringed."));
	/* four nodes (r=8), each with a title naming it and its sector */
	assert_int_equal(count_of(sb.buf, "r=\"8\" fill=\"#"), 4);
	assert_non_null(strstr(sb.buf, "<title>B &amp; Co &lt;1&gt;, the backbone (nonprofit): 2 ties</title>"));
	assert_non_null(strstr(sb.buf, "<title>p3 (public): 0 ties</title>"));
	/* three ties: integrate (4.5 wide, both sides), cooperate (1.5, dashed), coordinate (3.0, dashed) */
	assert_int_equal(count_of(sb.buf, "<line x1="), 3 + 4);	/* and four in the legend */
	assert_non_null(strstr(sb.buf, "stroke-width=\"4.5\"><title>B &amp; Co &lt;1&gt; and p1: integrate</title>"));
	assert_non_null(strstr(sb.buf, "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"><title>B &amp; Co &lt;1&gt; and p2: cooperate</title>"));
	assert_non_null(strstr(sb.buf, "p1 and p2: coordinate, named by p2 only."));
	assert_non_null(strstr(sb.buf, "With no tie: p3."));
	/* the legend names each sector on the team once: nonprofit, public, health */
	assert_int_equal(count_of(sb.buf, ">nonprofit</text>"), 1);
	assert_int_equal(count_of(sb.buf, ">public</text>"), 1);
	assert_int_equal(count_of(sb.buf, ">health</text>"), 1);
	assert_int_equal(count_of(sb.buf, ">faith</text>"), 0);
	strbuf_release(&sb);
	metrics_network_release(&net);
	program_release(&p);
}

static void
test_no_ratings(void **state)
{
	struct program p;
	struct metrics_network net;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	build(&p, &net);
	net.ratings = 0;
	draw(&p, &net, &sb);
	assert_null(strstr(sb.buf, "<svg"));
	assert_non_null(strstr(sb.buf, "No partner network survey"));
	strbuf_release(&sb);
	metrics_network_release(&net);
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_bytes),
		cmocka_unit_test(test_content),
		cmocka_unit_test(test_no_ratings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
