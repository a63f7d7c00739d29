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
	/* the backbone: one ring (r=17) and its label */
	assert_int_equal(count_of(sb.buf, "r=\"17\""), 1);
	assert_non_null(strstr(sb.buf, ">backbone</text>"));
	assert_non_null(strstr(sb.buf, "is ringed."));
	/* a group the keyboard walks through, not one image */
	assert_non_null(strstr(sb.buf, "role=\"group\""));
	assert_null(strstr(sb.buf, "role=\"img\" class=\"chart network\""));
	/* four nodes, each focusable, numbered, named in full for hover, focus and screen readers */
	assert_int_equal(count_of(sb.buf, "class=\"n-mark\""), 4);
	assert_int_equal(count_of(sb.buf, "tabindex=\"0\""), 4);
	assert_non_null(strstr(sb.buf, "<g class=\"node backbone\" id=\"n1-node-1\" tabindex=\"0\" role=\"img\" "
	    "aria-label=\"1. B &amp; Co &lt;1&gt;, the backbone (nonprofit): 2 ties\">"
	    "<title>1. B &amp; Co &lt;1&gt;, the backbone (nonprofit): 2 ties</title>"));
	assert_non_null(strstr(sb.buf, "<title>4. p3 (public): 0 ties</title>"));
	assert_non_null(strstr(sb.buf, "display=\"none\">B &amp; Co &lt;1&gt;</text>"));	/* n-full */
	assert_int_equal(count_of(sb.buf, "class=\"n-full\""), 4);
	assert_int_equal(count_of(sb.buf, "class=\"n-num\""), 4);
	assert_non_null(strstr(sb.buf, "display=\"none\">4</text>"));
	/* each sector its own shape: nonprofit a circle, public a square path, health a cross */
	assert_non_null(strstr(sb.buf, "<circle class=\"n-mark\""));
	assert_int_equal(count_of(sb.buf, "<path class=\"n-mark\""), 3);
	assert_int_equal(count_of(sb.buf, "fill=\"#e69f00\""), 2 + 1);	/* p1, p3 and the legend */
	/* three ties: integrate (4.5 wide, both sides), cooperate (1.5, dashed), coordinate (3.0, dashed) */
	assert_int_equal(count_of(sb.buf, "<line x1="), 3 + 4);	/* and four in the legend */
	assert_non_null(strstr(sb.buf, "stroke-width=\"4.5\"><title>B &amp; Co &lt;1&gt; and p1: integrate</title>"));
	assert_non_null(strstr(sb.buf, "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"><title>B &amp; Co &lt;1&gt; and p2: cooperate</title>"));
	assert_non_null(strstr(sb.buf, "p1 and p2: coordinate, named by p2 only."));
	assert_non_null(strstr(sb.buf, "With no tie: p3."));
	/* the legend names each sector on the team once, with its shape */
	assert_int_equal(count_of(sb.buf, ">nonprofit (circle)</text>"), 1);
	assert_int_equal(count_of(sb.buf, ">public (square)</text>"), 1);
	assert_int_equal(count_of(sb.buf, ">health (cross)</text>"), 1);
	assert_int_equal(count_of(sb.buf, ">faith"), 0);
	/* labels readable: 15 units in a 900-wide drawing */
	assert_non_null(strstr(sb.buf, "viewBox=\"0 0 900 "));
	assert_non_null(strstr(sb.buf, "class=\"n-name\""));
	assert_null(strstr(sb.buf, "font-size=\"11\""));
	strbuf_release(&sb);
	metrics_network_release(&net);
	program_release(&p);
}

/* On a page the key is an HTML list beside the map, not drawn inside it. */
static void
test_page_legend(void **state)
{
	struct program p;
	struct metrics_network net;
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	build(&p, &net);
	html_init(&h, &sb);
	network_svg_map(&h, &p, &net, "n2", 0);
	assert_int_equal(h.depth, 0);
	assert_balanced(sb.buf);
	assert_null(strstr(sb.buf, "(circle)"));
	assert_int_equal(count_of(sb.buf, "<line x1="), 3);
	strbuf_reset(&sb);
	html_init(&h, &sb);
	network_legend(&h, &p, &net);
	assert_int_equal(h.depth, 0);
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "<ul class=\"legend network-legend\" aria-label=\"Key to the map\">"));
	assert_non_null(strstr(sb.buf, "</svg>nonprofit (circle)</li>"));
	assert_non_null(strstr(sb.buf, "</svg>public (square)</li>"));
	assert_non_null(strstr(sb.buf, "</svg>health (cross)</li>"));
	assert_non_null(strstr(sb.buf, "</svg>ringed: the backbone</li>"));
	assert_non_null(strstr(sb.buf, "</svg>dashed: named by one side only</li>"));
	assert_int_equal(count_of(sb.buf, "aria-hidden=\"true\""), count_of(sb.buf, "<svg"));
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
		cmocka_unit_test(test_page_legend),
		cmocka_unit_test(test_no_ratings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
