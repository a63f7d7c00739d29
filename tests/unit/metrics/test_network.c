/*
 * The partner network (DESIGN §4) on small graphs whose figures are worked
 * out by hand in the comments: a star, a ring, a complete graph, two
 * components, one-sided ratings, repeated ratings, ratings outside the
 * window, trust and value, and the layout's reproducibility.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/metrics.h"
#include "fixture.h"

#define EPS 1e-9

/* A program with one initiative "i" whose team is orgs (comma-separated, the first the backbone). */
static struct initiative *
team(struct program *p, const char *orgs)
{
	char buf[256], *s, *comma;
	struct initiative *in;
	const char *first = NULL;

	program_init(p);
	snprintf(buf, sizeof(buf), "%s", orgs);
	for (s = buf; s && *s; s = comma) {
		comma = strchr(s, ',');
		if (comma)
			*comma++ = '\0';
		fx_org(p, s, p->orgs.n % 2 ? SECTOR_PUBLIC : SECTOR_NONPROFIT);
	}
	first = p->orgs.v[0].slug;
	in = fx_initiative(p, "i", "2014-01-01", NULL, first, first);
	for (size_t i = 0; i < p->orgs.n; i++)
		fx_member(p, in, p->orgs.v[i].slug, i == 0 ? ROLE_BACKBONE : ROLE_PARTNER,
		    "2014-01-01", NULL);
	/* an organization outside the team, rated and rating: never a node */
	fx_org(p, "outsider", SECTOR_OTHER);
	return in;
}

static struct tie *
tie(struct program *p, struct initiative *in, const char *date, const char *from,
    const char *to, int freq)
{
	struct tie *t = VEC_PUSH(&in->ties);

	t->date = D(date);
	t->from = fx_ref(p, from);
	t->to = fx_ref(p, to);
	t->frequency = freq;
	return t;
}

/* Computes the network of "i" over 2016 (as metrics_report does) into net and fig. */
static void
compute(struct program *p, struct metrics_network *net, struct metrics_figure *fig)
{
	struct report r;

	metrics_report_init(&r);
	assert_int_equal(metrics_report(p, &p->initiatives.v[0], D("2016-12-31"), 12,
	    NULL, &r), 0);
	memcpy(fig, r.fig, sizeof(r.fig));
	metrics_network_init(net);
	assert_int_equal(metrics_network_build(p, &p->initiatives.v[0], r.network.org,
	    r.network.n, r.start, r.end, net), 0);
	/* the report's own network is the same one */
	assert_int_equal(net->n, r.network.n);
	assert_int_equal(net->ties.n, r.network.ties.n);
	metrics_report_release(&r);
}

/* The group size without the backbone (metrics_network_groups) of organization slug. */
static int
group_of(const struct program *p, const struct metrics_network *net, const int *group,
    const char *slug)
{
	int org = fx_org_idx(p, slug);

	for (int i = 0; i < net->n; i++)
		if (net->org[i] == org)
			return group[i];
	fail_msg("%s is not a node", slug);
	return -1;
}

static void
assert_fig(const struct metrics_figure *f, double v, int64_t n)
{
	assert_int_equal(f->type, MV_NUMBER);
	if (fabs(f->value - v) > EPS)
		fail_msg("value %.12f, expected %.12f", f->value, v);
	assert_int_equal(f->n, n);
}

static void
assert_fig_null(const struct metrics_figure *f)
{
	assert_int_equal(f->type, MV_NULL);
}

/* Star: b rates each of four partners "cooperate"; the partners rate no one. */
static void
test_star(void **state)
{
	struct program p;
	struct initiative *in = team(&p, "b,p1,p2,p3,p4");
	struct metrics_network net;
	struct metrics_figure fig[FIG__MAX];

	(void)state;
	tie(&p, in, "2016-05-01", "b", "p1", 2);
	tie(&p, in, "2016-05-01", "b", "p2", 3);
	tie(&p, in, "2016-05-01", "b", "p3", 4);
	tie(&p, in, "2016-05-01", "b", "p4", 2);
	compute(&p, &net, fig);
	assert_int_equal(net.n, 5);
	assert_int_equal(net.ties.n, 4);
	assert_int_equal(net.backbone, 0);
	/* m = 4: 2·4 / (5·4) */
	assert_fig(&fig[FIG_NET_DENSITY], 0.4, 4);
	/* d = 4,1,1,1,1: Σ(4 − d_i) = 12 = (n−1)(n−2) */
	assert_fig(&fig[FIG_NET_CENTRALIZATION], 1.0, 4);
	/* 4 / 8 */
	assert_fig(&fig[FIG_NET_BACKBONE_DEGREE], 0.5, 4);
	/* every one of the 6 partner pairs goes through b: 6 / (4·3/2) */
	assert_fig(&fig[FIG_NET_BACKBONE_BETWEENNESS], 1.0, 4);
	/* without b, four partners alone: no component with a tie */
	assert_fig(&fig[FIG_NET_RESILIENCE], 0.0, 4);
	{
		int group[5];

		assert_int_equal(metrics_network_groups(&net, group), 0);
		assert_int_equal(group_of(&p, &net, group, "b"), 0);
		assert_int_equal(group_of(&p, &net, group, "p1"), 1);
		assert_int_equal(group_of(&p, &net, group, "p4"), 1);
	}
	/* no trust or value ratings given */
	assert_fig_null(&fig[FIG_NET_TRUST]);
	assert_fig_null(&fig[FIG_NET_VALUE]);
	assert_int_equal(fig[FIG_NET_TRUST].n, 0);
	metrics_network_release(&net);
	program_release(&p);
}

/* Ring b–p1–p2–p3–p4–b. */
static void
test_ring(void **state)
{
	struct program p;
	struct initiative *in = team(&p, "b,p1,p2,p3,p4");
	struct metrics_network net;
	struct metrics_figure fig[FIG__MAX];

	(void)state;
	tie(&p, in, "2016-05-01", "b", "p1", 2);
	tie(&p, in, "2016-05-01", "p1", "p2", 2);
	tie(&p, in, "2016-05-01", "p3", "p2", 3);	/* rated the other way round */
	tie(&p, in, "2016-05-01", "p3", "p4", 2);
	tie(&p, in, "2016-05-01", "p4", "b", 4);
	compute(&p, &net, fig);
	assert_int_equal(net.ties.n, 5);
	assert_fig(&fig[FIG_NET_DENSITY], 0.5, 5);		/* 10 / 20 */
	assert_fig(&fig[FIG_NET_CENTRALIZATION], 0.0, 5);	/* every degree 2 */
	assert_fig(&fig[FIG_NET_BACKBONE_DEGREE], 0.2, 5);	/* 2 / 10 */
	/* only the pair p1–p4 has its one shortest path through b: 1 / 6 */
	assert_fig(&fig[FIG_NET_BACKBONE_BETWEENNESS], 1.0 / 6, 5);
	/* without b, the path p1–p2–p3–p4 holds all four: 4 / 4 */
	assert_fig(&fig[FIG_NET_RESILIENCE], 1.0, 5);
	metrics_network_release(&net);
	program_release(&p);
}

/* Complete graph on four, every pair rated from both sides. */
static void
test_complete(void **state)
{
	struct program p;
	struct initiative *in = team(&p, "b,p1,p2,p3");
	const char *o[] = { "b", "p1", "p2", "p3" };
	struct metrics_network net;
	struct metrics_figure fig[FIG__MAX];

	(void)state;
	for (int i = 0; i < 4; i++)
		for (int j = 0; j < 4; j++)
			if (i != j)
				tie(&p, in, "2016-05-01", o[i], o[j], 3);
	compute(&p, &net, fig);
	assert_int_equal(net.ties.n, 6);
	for (size_t i = 0; i < net.ties.n; i++)
		assert_int_equal(net.ties.v[i].rated_by, 3);
	assert_fig(&fig[FIG_NET_DENSITY], 1.0, 12);
	assert_fig(&fig[FIG_NET_CENTRALIZATION], 0.0, 12);
	assert_fig(&fig[FIG_NET_BACKBONE_DEGREE], 0.25, 12);
	assert_fig(&fig[FIG_NET_BACKBONE_BETWEENNESS], 0.0, 12);
	assert_fig(&fig[FIG_NET_RESILIENCE], 1.0, 12);
	metrics_network_release(&net);
	program_release(&p);
}

/* Two triangles, b–x–y and p–q–r, nothing between them. */
static void
test_two_components(void **state)
{
	struct program p;
	struct initiative *in = team(&p, "b,x,y,p,q,r");
	struct metrics_network net;
	struct metrics_figure fig[FIG__MAX];

	(void)state;
	tie(&p, in, "2016-05-01", "b", "x", 2);
	tie(&p, in, "2016-05-01", "x", "y", 2);
	tie(&p, in, "2016-05-01", "y", "b", 2);
	tie(&p, in, "2016-05-01", "p", "q", 2);
	tie(&p, in, "2016-05-01", "q", "r", 2);
	tie(&p, in, "2016-05-01", "r", "p", 2);
	compute(&p, &net, fig);
	assert_fig(&fig[FIG_NET_DENSITY], 12.0 / 30, 6);
	assert_fig(&fig[FIG_NET_CENTRALIZATION], 0.0, 6);
	assert_fig(&fig[FIG_NET_BACKBONE_DEGREE], 2.0 / 12, 6);
	assert_fig(&fig[FIG_NET_BACKBONE_BETWEENNESS], 0.0, 6);
	/* without b: {x, y} and {p, q, r}; the larger holds 3 of 5 */
	assert_fig(&fig[FIG_NET_RESILIENCE], 3.0 / 5, 6);
	/* node by node, the same groups; the largest is resilience's numerator */
	{
		int group[6];

		assert_int_equal(metrics_network_groups(&net, group), 3);
		assert_int_equal(group_of(&p, &net, group, "b"), 0);
		assert_int_equal(group_of(&p, &net, group, "x"), 2);
		assert_int_equal(group_of(&p, &net, group, "y"), 2);
		assert_int_equal(group_of(&p, &net, group, "p"), 3);
		assert_int_equal(group_of(&p, &net, group, "r"), 3);
	}
	metrics_network_release(&net);
	program_release(&p);
}

/*
 * One-sided ratings: a tie when either side rates >= 2; none when both
 * sides rate below 2. Self-ratings and organizations outside the team are
 * no part of the network.
 */
static void
test_one_sided(void **state)
{
	struct program p;
	struct initiative *in = team(&p, "b,p1,p2,p3");
	struct metrics_network net;
	struct metrics_figure fig[FIG__MAX];

	(void)state;
	tie(&p, in, "2016-05-01", "p1", "p2", 3);	/* p2 never rates p1: a tie */
	tie(&p, in, "2016-05-01", "b", "p3", 1);	/* aware ... */
	tie(&p, in, "2016-05-01", "p3", "b", 2);	/* ... but p3 cooperates: a tie */
	tie(&p, in, "2016-05-01", "b", "p1", 1);
	tie(&p, in, "2016-05-01", "p1", "b", 0);	/* both below 2: no tie */
	tie(&p, in, "2016-05-01", "p2", "p2", 4);	/* self: ignored */
	tie(&p, in, "2016-05-01", "p2", "outsider", 4);	/* outside T: ignored */
	tie(&p, in, "2016-05-01", "outsider", "b", 4);
	compute(&p, &net, fig);
	assert_int_equal(net.ratings, 5);
	assert_int_equal(net.ties.n, 2);
	/* nodes: b 0, p1 1, p2 2, p3 3 */
	assert_int_equal(net.ties.v[0].a, 0);
	assert_int_equal(net.ties.v[0].b, 3);
	assert_int_equal(net.ties.v[0].frequency, 2);
	assert_int_equal(net.ties.v[0].rated_by, 2);	/* rated by p3 only */
	assert_int_equal(net.ties.v[1].a, 1);
	assert_int_equal(net.ties.v[1].b, 2);
	assert_int_equal(net.ties.v[1].frequency, 3);
	assert_int_equal(net.ties.v[1].rated_by, 1);
	assert_fig(&fig[FIG_NET_DENSITY], 4.0 / 12, 5);
	/* d = 1,1,1,1: Σ(1 − d_i) = 0 */
	assert_fig(&fig[FIG_NET_CENTRALIZATION], 0.0, 5);
	assert_fig(&fig[FIG_NET_BACKBONE_DEGREE], 0.25, 5);
	/* without b: p1–p2 holds 2 of 3 */
	assert_fig(&fig[FIG_NET_RESILIENCE], 2.0 / 3, 5);
	metrics_network_release(&net);
	program_release(&p);
}

/*
 * Repeated ratings: the latest stands (on the same date, the later in the
 * list); a rating outside the window is ignored even when it is the latest.
 */
static void
test_latest_and_window(void **state)
{
	struct program p;
	struct initiative *in = team(&p, "b,p1,p2");
	struct metrics_network net;
	struct metrics_figure fig[FIG__MAX];
	struct tie *t;

	(void)state;
	t = tie(&p, in, "2016-09-01", "p1", "p2", 0);	/* the latest: no tie */
	t->reliability = 1;
	t = tie(&p, in, "2016-03-01", "p1", "p2", 4);	/* earlier, listed after */
	t->reliability = 4;
	tie(&p, in, "2016-04-01", "b", "p1", 3);
	tie(&p, in, "2016-04-01", "b", "p1", 1);	/* same date, later in the list: stands */
	tie(&p, in, "2015-12-31", "b", "p2", 4);	/* before the window */
	tie(&p, in, "2017-01-01", "p2", "b", 4);	/* after as-of */
	compute(&p, &net, fig);
	assert_int_equal(net.ratings, 2);
	assert_int_equal(net.ties.n, 0);
	assert_fig(&fig[FIG_NET_DENSITY], 0.0, 2);
	assert_fig(&fig[FIG_NET_CENTRALIZATION], 0.0, 2);
	assert_fig_null(&fig[FIG_NET_BACKBONE_DEGREE]);	/* no ties */
	assert_fig(&fig[FIG_NET_BACKBONE_BETWEENNESS], 0.0, 2);
	assert_fig(&fig[FIG_NET_RESILIENCE], 0.0, 2);
	/* trust from the latest p1→p2 rating only: reliability 1 */
	assert_fig(&fig[FIG_NET_TRUST], 1.0, 1);
	metrics_network_release(&net);
	program_release(&p);
}

/* Nothing rated in the window: every network figure is null, never 0. */
static void
test_no_ratings(void **state)
{
	struct program p;
	struct initiative *in = team(&p, "b,p1,p2");
	struct metrics_network net;
	struct metrics_figure fig[FIG__MAX];

	(void)state;
	tie(&p, in, "2015-06-01", "b", "p1", 4);
	compute(&p, &net, fig);
	for (int f = FIG_NET_DENSITY; f <= FIG_NET_RESILIENCE; f++) {
		assert_fig_null(&fig[f]);
		assert_int_equal(fig[f].n, 0);
	}
	metrics_network_release(&net);
	program_release(&p);
}

/* n < 3: centralization and betweenness null; a pair without b leaves one alone. */
static void
test_small_team(void **state)
{
	struct program p;
	struct initiative *in = team(&p, "b,p1");
	struct metrics_network net;
	struct metrics_figure fig[FIG__MAX];

	(void)state;
	tie(&p, in, "2016-05-01", "b", "p1", 2);
	compute(&p, &net, fig);
	assert_fig(&fig[FIG_NET_DENSITY], 1.0, 1);
	assert_fig_null(&fig[FIG_NET_CENTRALIZATION]);
	assert_fig_null(&fig[FIG_NET_BACKBONE_BETWEENNESS]);
	assert_fig(&fig[FIG_NET_BACKBONE_DEGREE], 0.5, 1);
	assert_fig(&fig[FIG_NET_RESILIENCE], 0.0, 1);
	metrics_network_release(&net);
	program_release(&p);
}

/*
 * Trust and value: each item's mean over the ratings that give it, then
 * the three averaged. Ratings: (4, 2, —) and (2, 4, 3): items 3, 3, 3 → 3.
 * Value: only involvement, 1 and 4 → 2.5.
 */
static void
test_trust_value(void **state)
{
	struct program p;
	struct initiative *in = team(&p, "b,p1,p2");
	struct metrics_network net;
	struct metrics_figure fig[FIG__MAX];
	struct tie *t;

	(void)state;
	t = tie(&p, in, "2016-05-01", "b", "p1", 2);
	t->reliability = 4;
	t->mission = 2;
	t->involvement = 1;
	t = tie(&p, in, "2016-05-01", "p1", "p2", 3);
	t->reliability = 2;
	t->mission = 4;
	t->openness = 3;
	t->involvement = 4;
	tie(&p, in, "2016-05-01", "p2", "b", 1);	/* no ratings given */
	compute(&p, &net, fig);
	assert_fig(&fig[FIG_NET_TRUST], 3.0, 2);
	assert_fig(&fig[FIG_NET_VALUE], 2.5, 2);
	assert_int_equal(net.trust_n[2], 1);
	metrics_network_release(&net);
	program_release(&p);
}

/* The same network gives the same layout, inside 0..1. */
static void
test_layout_reproducible(void **state)
{
	struct program p;
	struct initiative *in = team(&p, "b,p1,p2,p3,p4,p5");
	struct metrics_network net;
	struct metrics_figure fig[FIG__MAX];
	double a[12], b[12];

	(void)state;
	tie(&p, in, "2016-05-01", "b", "p1", 2);
	tie(&p, in, "2016-05-01", "b", "p2", 3);
	tie(&p, in, "2016-05-01", "p2", "p3", 4);
	tie(&p, in, "2016-05-01", "p3", "p4", 2);
	tie(&p, in, "2016-05-01", "p1", "p3", 2);
	compute(&p, &net, fig);
	assert_int_equal(metrics_network_layout(&net, a), 0);
	assert_int_equal(metrics_network_layout(&net, b), 0);
	assert_memory_equal(a, b, sizeof(a));
	for (int i = 0; i < 12; i++) {
		assert_true(a[i] >= -EPS);
		assert_true(a[i] <= 1 + EPS);
	}
	/* p5 has no tie and still gets a place of its own */
	assert_true(fabs(a[10] - a[0]) > 1e-6 || fabs(a[11] - a[1]) > 1e-6);
	metrics_network_release(&net);
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_star),
		cmocka_unit_test(test_ring),
		cmocka_unit_test(test_complete),
		cmocka_unit_test(test_two_components),
		cmocka_unit_test(test_one_sided),
		cmocka_unit_test(test_latest_and_window),
		cmocka_unit_test(test_no_ratings),
		cmocka_unit_test(test_small_team),
		cmocka_unit_test(test_trust_value),
		cmocka_unit_test(test_layout_reproducible),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
