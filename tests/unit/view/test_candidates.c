/*
 * Backbone selection (view/candidates_page.c): what partners would need to
 * supply for a candidate that falls short (and nothing for one that does
 * not), the list with its compare form, the comparison side by side with
 * each trait's evidence, and the JSON whose capacity is the CLI's.
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
#include "model/demo.h"
#include "model/validate.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "view/candidates_page.h"
#include "view/html.h"
#include "view/report_json.h"
#include "tagcheck.h"

struct fx {
	struct program p;
	struct metrics_settings st;
	struct capacity caps[2];
	struct candidate_row rows[2];
	struct candidates_page pg;
};

/* The demo with two candidates: a small savings bank (shortfalls) and a high-capacity backbone. */
static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof(*fx));
	struct candidate *c;
	struct model_error e;
	const char *slugs[2] = { "millrace-savings", "harlow-neighborhood-builders" };

	program_init(&fx->p);
	demo_build(&fx->p, DEMO_DEFAULT_SEED);
	c = VEC_PUSH(&fx->p.candidates);
	ref_set(&c->org, slugs[0]);
	c->round = xstrdup("Round 2");
	c->evidence[0] = xstrdup("Ran a pooled <loan> fund");
	c = VEC_PUSH(&fx->p.candidates);
	ref_set(&c->org, slugs[1]);
	c->evidence[4] = xstrdup("Chairs the committee");
	c->note = xstrdup("Strong **local** ties");
	assert_int_equal(model_validate(&fx->p, &e), 0);
	metrics_settings_default(&fx->st);
	for (int i = 0; i < 2; i++) {
		const struct organization *o = program_org(&fx->p, slugs[i]);

		assert_non_null(o);
		metrics_capacity_init(&fx->caps[i]);
		assert_int_equal(metrics_capacity(&fx->p, (int)(o - fx->p.orgs.v), NULL,
		    date_from_ymd(2016, 12, 31), &fx->st, &fx->caps[i]), 0);
		fx->rows[i] = (struct candidate_row){ &fx->p.candidates.v[i], o, &fx->caps[i] };
	}
	fx->pg = (struct candidates_page){ fx->rows, 2, &fx->st, 1 };
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	for (int i = 0; i < 2; i++)
		metrics_capacity_release(&fx->caps[i]);
	program_release(&fx->p);
	free(fx);
	return 0;
}

static void
test_supply(void **state)
{
	struct fx *fx = *state;
	struct strbuf sb = STRBUF_INIT;

	candidate_supply(&fx->rows[0], &fx->st, &sb);
	/* the bank: 85 staff (enough), revenue not known, no trait but one area of expertise */
	assert_null(strstr(sb.buf, "Staff:"));
	assert_non_null(strstr(sb.buf, "Revenue: not known; a high-capacity backbone has at least $3,000,000.00 a year"));
	assert_non_null(strstr(sb.buf, "Flexible grants: a partner that has managed flexible grants"));
	assert_non_null(strstr(sb.buf, "Expertise: partners with the expertise it lacks: community engagement, learning and evaluation, policy advocacy\n"));
	assert_non_null(strstr(sb.buf, "Convener: a partner the community trusts"));
	strbuf_reset(&sb);
	candidate_supply(&fx->rows[1], &fx->st, &sb);
	assert_int_equal(sb.len, 0);
	/* a stricter threshold: the backbone's 30 staff fall short */
	fx->st.capacity_staff = 40;
	candidate_supply(&fx->rows[1], &fx->st, &sb);
	assert_string_equal(sb.buf, "Staff: 10 short of the 40 a high-capacity backbone has — partners' staff time\n");
	fx->st.capacity_staff = 20;
	strbuf_release(&sb);
}

static void
test_list(void **state)
{
	struct fx *fx = *state;
	struct strbuf sb = STRBUF_INIT;
	struct html h;
	char err[200];
	size_t nel;

	html_init(&h, &sb);
	candidates_render(&h, &fx->pg);
	assert_int_equal(tagcheck(sb.buf, err, sizeof(err), &nel), 0);
	assert_non_null(strstr(sb.buf, "<a href=\"/program/candidates/new\">Add a candidate</a>"));
	assert_non_null(strstr(sb.buf, "<input type=\"checkbox\" name=\"c\" value=\"millrace-savings\""));
	assert_non_null(strstr(sb.buf, "<td class=\"num\" data-label=\"Traits\">5 of 5</td>"));
	assert_non_null(strstr(sb.buf, "<td data-label=\"High capacity\">✓ yes</td>"));
	assert_non_null(strstr(sb.buf, "Nothing: it meets every threshold of high capacity."));
	/* an evaluator: no add link */
	strbuf_reset(&sb);
	fx->pg.can_edit = 0;
	html_init(&h, &sb);
	candidates_render(&h, &fx->pg);
	assert_null(strstr(sb.buf, "/program/candidates/new"));
	fx->pg.can_edit = 1;
	strbuf_release(&sb);
}

static void
test_compare(void **state)
{
	struct fx *fx = *state;
	struct strbuf sb = STRBUF_INIT;
	struct html h;
	char err[200];
	size_t nel;

	html_init(&h, &sb);
	candidates_compare_render(&h, &fx->pg);
	assert_int_equal(tagcheck(sb.buf, err, sizeof(err), &nel), 0);
	assert_non_null(strstr(sb.buf, "High capacity: at least 20 staff, $3,000,000.00 a year and 4 of the 5 traits."));
	/* the flexible grants row: the bank's no with its evidence, escaped; the backbone's yes with none */
	assert_non_null(strstr(sb.buf, "<th scope=\"row\">Flexible grants</th><td data-label=\"Millrace Savings Bank\"><strong>✗ no</strong><div class=\"evidence\">Ran a pooled &lt;loan&gt; fund</div></td>"));
	assert_non_null(strstr(sb.buf, "<strong>✓ yes</strong><div class=\"evidence\"><span class=\"note\">no evidence noted</span></div>"));
	assert_non_null(strstr(sb.buf, "Chairs the committee"));
	assert_non_null(strstr(sb.buf, "<strong>local</strong>"));
	assert_non_null(strstr(sb.buf, "0 of 5 (high capacity needs 4)"));
	strbuf_release(&sb);
}

/*
 * Against an existing team (?initiative=): the row naming, for each trait
 * lacked, the team's organizations that offer it (metrics_capacity's
 * gaps), and the form choosing the team, keeping the candidates.
 */
static void
test_compare_team(void **state)
{
	struct fx *fx = *state;
	struct strbuf sb = STRBUF_INIT;
	const struct initiative *in = program_initiative(&fx->p, "harlow-mills");
	struct candidates_team teams[2] = {
		{ "harlow-mills", "Harlow Mills Family Prosperity Initiative" },
		{ "port-ashby", "Port Ashby Main Streets Together" },
	};
	struct html h;
	char err[200];
	size_t nel;

	assert_non_null(in);
	metrics_capacity_release(&fx->caps[0]);
	metrics_capacity_init(&fx->caps[0]);
	assert_int_equal(metrics_capacity(&fx->p, (int)(fx->rows[0].org - fx->p.orgs.v), in,
	    date_from_ymd(2016, 12, 31), &fx->st, &fx->caps[0]), 0);
	fx->pg.n = 1;
	fx->pg.team = &teams[0];
	fx->pg.teams = teams;
	fx->pg.nteams = 2;
	html_init(&h, &sb);
	candidates_compare_render(&h, &fx->pg);
	assert_int_equal(tagcheck(sb.buf, err, sizeof(err), &nel), 0);
	assert_non_null(strstr(sb.buf, "<th scope=\"row\">Offered by the team of Harlow Mills Family "
	    "Prosperity Initiative</th><td data-label=\"Millrace Savings Bank\"><ul class=\"supply\">"
	    "<li>Flexible grants: "));
	assert_non_null(strstr(sb.buf, "<li>In-kind staffing: Harlow Neighborhood Builders</li>"));
	assert_non_null(strstr(sb.buf, "<input type=\"hidden\" name=\"c\" value=\"millrace-savings\"/>"));
	assert_non_null(strstr(sb.buf, "<option value=\"harlow-mills\" selected>"));
	strbuf_release(&sb);

	/* no team: no such row, "no team" chosen */
	fx->pg.team = NULL;
	html_init(&h, &sb);
	candidates_compare_render(&h, &fx->pg);
	assert_null(strstr(sb.buf, "Offered by the team"));
	assert_non_null(strstr(sb.buf, "<option value selected>no team</option>"));
	strbuf_release(&sb);
}

static void
test_json(void **state)
{
	struct fx *fx = *state;
	struct strbuf sb = STRBUF_INIT, cap = STRBUF_INIT;

	candidates_json(&fx->pg, &sb);
	capacity_json_write(&fx->caps[1], &cap);
	assert_non_null(strstr(sb.buf, cap.buf));
	assert_non_null(strstr(sb.buf, "\"supply\":[]}]}"));
	assert_non_null(strstr(sb.buf, "{\"candidates\":[{\"candidate\":{\"org\": \"millrace-savings\", \"round\": \"Round 2\""));
	assert_non_null(strstr(sb.buf, "\"supply\":[\"Revenue: not known;"));
	strbuf_release(&sb);
	strbuf_release(&cap);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_supply, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compare, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compare_team, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
