/*
 * The Network tab (view/network_page.c): the period in words; the map with
 * focusable nodes and its key; a table of every organization with its
 * number on the map, sector, ties and whether it stays tied to others
 * without the backbone (metrics_network_groups); the figures in words; the
 * rating form only for editors, with the CSRF field and the problems of a
 * form that came back beside their fields.
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
#include "view/network_page.h"
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
	t->reliability = 3;
}

/*
 * b (the backbone, "B & Co <1>"), p1 and p2 tied to each other and to b, p3
 * tied to b only, p4 (gone since 2015) not on the team.
 */
static struct initiative *
build(struct program *p)
{
	struct initiative *in;

	program_init(p);
	fx_org(p, "b", SECTOR_NONPROFIT);
	free(p->orgs.v[0].name);
	p->orgs.v[0].name = xstrdup("B & Co <1>");
	fx_org(p, "p1", SECTOR_PUBLIC);
	fx_org(p, "p2", SECTOR_HEALTH);
	fx_org(p, "p3", SECTOR_EDUCATION);
	fx_org(p, "p4", SECTOR_FAITH);
	in = fx_initiative(p, "i", "2014-01-01", NULL, "b", "b");
	fx_member(p, in, "b", ROLE_BACKBONE, "2014-01-01", NULL);
	fx_member(p, in, "p1", ROLE_PARTNER, "2014-01-01", NULL);
	fx_member(p, in, "p2", ROLE_PARTNER, "2014-01-01", NULL);
	fx_member(p, in, "p3", ROLE_PARTNER, "2014-01-01", NULL);
	fx_member(p, in, "p4", ROLE_PARTNER, "2014-01-01", "2015-01-01");
	tie(p, in, "b", "p1", 4);
	tie(p, in, "b", "p2", 3);
	tie(p, in, "p1", "p2", 2);
	tie(p, in, "p3", "b", 2);
	return in;
}

/* Renders the page of in (2016) into sb with the given rating state. */
static void
render(const struct program *p, const struct initiative *in, int can_rate, const char *rater,
    const struct form_input *typed, const form_errors *errs, struct strbuf *sb)
{
	struct network_page np = { 0 };
	struct report r;
	struct html h;
	int groups[8];

	metrics_report_init(&r);
	assert_int_equal(metrics_report(p, in, D("2016-12-31"), 12, NULL, &r), 0);
	assert_true(r.network.n <= 8);
	np.largest = metrics_network_groups(&r.network, groups);
	np.p = p;
	np.in = in;
	np.r = &r;
	np.groups = groups;
	np.can_rate = can_rate;
	np.rater = rater;
	np.csrf = "tok<en>";
	np.typed = typed;
	np.errs = errs;
	strbuf_reset(sb);
	html_init(&h, sb);
	html_open(&h, "main", NULL);
	network_page_intro(&h);
	network_page(&h, &np);
	assert_int_equal(h.depth, 1);
	html_close(&h);
	assert_balanced(sb->buf);
	assert_null(strstr(sb->buf, "style="));
	metrics_report_release(&r);
}

/* The row of the table whose "No." is no: from its <tr to its </tr>, copied into out. */
static const char *
row(const char *page, int no, struct strbuf *out)
{
	char key[64];
	const char *s, *e;

	snprintf(key, sizeof(key), "data-label=\"No.\">%d</td>", no);
	s = strstr(page, key);
	assert_non_null(s);
	e = strstr(s, "</tr>");
	assert_non_null(e);
	strbuf_reset(out);
	strbuf_add(out, s, (size_t)(e - s));
	return out->buf;
}

static void
test_map_table_legend(void **state)
{
	struct strbuf sb = STRBUF_INIT, r = STRBUF_INIT;
	struct program p;
	struct initiative *in = build(&p);

	(void)state;
	render(&p, in, 0, NULL, NULL, NULL, &sb);
	assert_non_null(strstr(sb.buf, "Who works with whom"));
	assert_non_null(strstr(sb.buf, "Period 1 Jan 2016 – 31 Dec 2016: 4 ratings among 4 organizations."));
	/* the map: a group of four focusable nodes, scaled to the page, the key as a list */
	assert_non_null(strstr(sb.buf, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 900 460\" width=\"100%\" role=\"group\""));
	assert_int_equal(count_of(sb.buf, "<g class=\"node"), 4);
	assert_non_null(strstr(sb.buf, "id=\"net-i-node-4\" tabindex=\"0\""));
	assert_non_null(strstr(sb.buf, "Hover over an organization, or move to it with the Tab key, to see its full name."));
	assert_non_null(strstr(sb.buf, "<ul class=\"legend network-legend\""));
	assert_non_null(strstr(sb.buf, "</svg>education (triangle pointing down)</li>"));
	assert_null(strstr(sb.buf, "faith"));	/* p4 left: not on the map, not in the key */
	/* the table: every organization by its number, the backbone marked, the groups without it */
	assert_non_null(strstr(sb.buf, "<th scope=\"col\">Still tied to others without the backbone</th>"));
	assert_int_equal(count_of(sb.buf, "data-label=\"No.\">"), 4);
	row(sb.buf, 1, &r);
	assert_non_null(strstr(r.buf, "B &amp; Co &lt;1&gt;<span> (backbone)</span></th>"));
	assert_non_null(strstr(r.buf, "<td class=\"num\" data-label=\"Ties\">3</td>"));
	assert_non_null(strstr(r.buf, "— (the backbone)"));
	row(sb.buf, 2, &r);
	assert_non_null(strstr(r.buf, "</svg>p1</th><td data-label=\"Sector\">public</td>"));
	assert_non_null(strstr(r.buf, "✓ Yes: in the largest group (2 organizations)"));
	row(sb.buf, 4, &r);
	assert_non_null(strstr(r.buf, "</svg>p3</th><td data-label=\"Sector\">education</td>"));
	assert_non_null(strstr(r.buf, "<td class=\"num\" data-label=\"Ties\">1</td>"));
	assert_non_null(strstr(r.buf, "✗ No: left alone"));
	/* the figures in words; the download; no rating form for a viewer */
	assert_non_null(strstr(sb.buf, "If the backbone stepped away, the largest group still working "
	    "together would be 2 of the 3 other organizations."));
	assert_non_null(strstr(sb.buf, "<form class=\"download\" method=\"get\" action=\"/i/i/network/map\">"));
	assert_null(strstr(sb.buf, "Rate the other organizations"));
	assert_null(strstr(sb.buf, "name=\"csrf\""));
	strbuf_release(&sb);
	strbuf_release(&r);
	program_release(&p);
}

static void
test_rating_form(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct program p;
	struct initiative *in = build(&p);
	struct form_pair pairs[] = { { "date", "2016-06-01" }, { "p2.frequency", "5" } };
	struct form_input typed = { pairs, 2 };
	form_errors errs = { NULL, 0, 0 };

	(void)state;
	/* an editor before choosing: the picker of current members only */
	render(&p, in, 1, NULL, NULL, NULL, &sb);
	assert_non_null(strstr(sb.buf, "<h2 id=\"rate\">Rate the other organizations</h2>"));
	assert_non_null(strstr(sb.buf, "<option value=\"p3\">p3</option>"));
	assert_null(strstr(sb.buf, "value=\"p4\""));
	assert_null(strstr(sb.buf, "ratings-form"));
	/* the form of b: one row per other current member, the CSRF field escaped */
	render(&p, in, 1, "b", NULL, NULL, &sb);
	assert_non_null(strstr(sb.buf, "<input type=\"hidden\" name=\"csrf\" value=\"tok&lt;en&gt;\"/>"));
	assert_non_null(strstr(sb.buf, "<input type=\"hidden\" name=\"from\" value=\"b\"/>"));
	assert_non_null(strstr(sb.buf, "B &amp; Co &lt;1&gt; rates how it works with each other organization"));
	assert_non_null(strstr(sb.buf, "name=\"p1.frequency\""));
	assert_non_null(strstr(sb.buf, "name=\"p3.resources\""));
	assert_null(strstr(sb.buf, "name=\"b.frequency\""));
	assert_null(strstr(sb.buf, "name=\"p4.frequency\""));
	/* a form that came back: what was typed, the message beside its field */
	form_error_add(&errs, "p2.frequency", "Choose 0 to 4.");
	render(&p, in, 1, "b", &typed, &errs, &sb);
	assert_non_null(strstr(sb.buf, "<p class=\"error\" id=\"p2.frequency-error\"><span>Error: </span>Choose 0 to 4.</p>"));
	assert_non_null(strstr(sb.buf, "<option value=\"5\" selected>5</option>"));
	assert_non_null(strstr(sb.buf, "value=\"2016-06-01\""));
	VEC_FREE(&errs);
	strbuf_release(&sb);
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_table_legend),
		cmocka_unit_test(test_rating_form),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
