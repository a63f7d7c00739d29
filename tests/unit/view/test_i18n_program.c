/*
 * The program team's pages in Spanish (docs/i18n.md): the portfolio's
 * table and plurals, the open follow-ups (two counts, each its own
 * plural; Spanish dates), the candidates' list with what partners would
 * need to supply, and the candidates' JSON, which stays English byte for
 * byte whatever the language in use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics/metrics.h"
#include "model/demo.h"
#include "model/validate.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "view/candidates_page.h"
#include "view/checkins_page.h"
#include "view/html.h"
#include "view/portfolio.h"
#include "tagcheck.h"

static int
group_setup(void **state)
{
	struct strbuf err = STRBUF_INIT;
	int r = i18n_init(&err);

	if (r)
		fprintf(stderr, "i18n_init: %s\n", err.buf);
	strbuf_release(&err);
	(void)state;
	return r;
}

/* Each test starts in Spanish; English again after. */
static int
setup(void **state)
{
	(void)state;
	return i18n_use(LANG_ES) != LANG_ES;
}

static int
teardown(void **state)
{
	(void)state;
	i18n_use(LANG_EN);
	return 0;
}

/*
 * Asserts that none of words is in the text of the page s: its markup and
 * the quadrant's SVG (view/chart.c, translated with the dashboards) left out.
 */
static void
none_of(const char *s, const char *const *words)
{
	struct strbuf text = STRBUF_INIT;

	while (*s) {
		if (strncmp(s, "<svg", 4) == 0 && strstr(s, "</svg>"))
			s = strstr(s, "</svg>") + 6;
		else if (*s == '<' && strchr(s, '>'))
			s = strchr(s, '>') + 1;
		else
			strbuf_addch(&text, *s++);
	}
	for (size_t i = 0; words[i]; i++)
		if (strstr(text.buf, words[i])) {
			fprintf(stderr, "English left: %s\n", words[i]);
			fail();
		}
	strbuf_release(&text);
}

static void
well_formed(const char *s)
{
	char err[200];

	if (tagcheck(s, err, sizeof(err), NULL) != 0) {
		fprintf(stderr, "%s\n", err);
		fail();
	}
}

static void
test_portfolio(void **state)
{
	static const char *const english[] = { "Stepping back", "Stepping up", "To discuss",
	    "Going well", "Portfolio:", "in all", "mean of", "side by side", "of the way",
	    "nothing raised", "Backbone dominance", "Shared leadership", "On track", NULL };
	struct portfolio_row rows[2];
	struct portfolio_page pg = { rows, 2, -1, 0, "as_of=2016-12-31&months=12" };
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	memset(rows, 0, sizeof(rows));
	rows[0] = (struct portfolio_row){ .slug = "a", .name = "Alpha", .city = "Lawrence",
	    .backbone = "Casa", .back = { 1, 80, 8, 0 }, .up = { 1, 70, 6, 0 },
	    .back_before = { 1, 71, 8, 0 }, .up_before = { 1, 70, 6, 0 },
	    .alerts = { 1 }, .nalerts = 1, .strengths = { 1 }, .nstrengths = 1, .has_result = 1,
	    .progress = { MV_NUMBER, 0.4, 3 }, .on_track = { MV_BOOL, 1, 3 } };
	rows[1] = (struct portfolio_row){ .slug = "b", .name = "Beta", .city = "Chelsea",
	    .backbone = "Nuevo" };
	html_init(&h, &sb);
	portfolio_render(&h, &pg);
	well_formed(sb.buf);
	assert_non_null(strstr(sb.buf, ">El equilibrio de cada iniciativa</h2>"));
	assert_non_null(strstr(sb.buf, "data-sort=\"back\">Hacerse a un lado</a>"));
	assert_non_null(strstr(sb.buf, "data-label=\"Para conversar\""));
	assert_non_null(strstr(sb.buf, ">Predominio de la organización central</a>"));
	assert_non_null(strstr(sb.buf, ">Liderazgo compartido</li>"));
	assert_non_null(strstr(sb.buf, "Lawrence · organización central: Casa"));
	assert_non_null(strstr(sb.buf, "40% del camino"));
	assert_non_null(strstr(sb.buf, "Va según lo previsto: ✓ sí"));
	assert_non_null(strstr(sb.buf, "<span class=\"up\">▲ +9</span> desde 71"));
	assert_non_null(strstr(sb.buf, ">Cartera: 2 iniciativas</th>"));
	assert_non_null(strstr(sb.buf, "1 en total"));
	none_of(sb.buf, english);
	strbuf_release(&sb);
}

static void
test_followups(void **state)
{
	static const char *const english[] = { "Open follow-ups", "follow-up", "past", "Due",
	    "Owner", "Mark done", "overdue", "Dec", NULL };
	const struct followup_item items[2] = {
		{ "a", "Alpha", "c1", date_from_ymd(2016, 11, 3), 1, "Call the funder", "Ana",
		    date_from_ymd(2016, 12, 1) },
		{ "a", "Alpha", "c1", date_from_ymd(2016, 11, 3), 2, "Share the minutes", "Luis",
		    date_from_ymd(2017, 1, 15) },
	};
	struct followups_list l = { items, 2, date_from_ymd(2016, 12, 31), 1, "C9", "/" };
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	followups_list_write(&h, &l);
	well_formed(sb.buf);
	assert_non_null(strstr(sb.buf, ">Compromisos pendientes</h2>"));
	assert_non_null(strstr(sb.buf, "2 compromisos acordados en las reuniones de seguimiento y "
	    "todavía sin cumplir; 1 ya pasó su fecha límite."));
	assert_non_null(strstr(sb.buf, "1 dic 2016<span class=\"late\"> vencido</span>"));
	assert_non_null(strstr(sb.buf, "aria-label=\"Marcar «Call the funder» como cumplido\""));
	none_of(sb.buf, english);
	/* one, none overdue: the singular, and no second sentence */
	strbuf_reset(&sb);
	l.items = &items[1];
	l.nitems = 1;
	html_init(&h, &sb);
	followups_list_write(&h, &l);
	assert_non_null(strstr(sb.buf, ">1 compromiso acordado en las reuniones de seguimiento y "
	    "todavía sin cumplir.</p>"));
	/* and in English, as before */
	i18n_use(LANG_EN);
	strbuf_reset(&sb);
	html_init(&h, &sb);
	followups_list_write(&h, &l);
	assert_non_null(strstr(sb.buf, ">1 follow-up agreed at check-ins and not done yet.</p>"));
	strbuf_release(&sb);
}

struct cfx {
	struct program p;
	struct metrics_settings st;
	struct capacity cap;
	struct candidate_row row;
	struct candidates_page pg;
};

/* The demo with a small savings bank as a candidate: it falls short. */
static void
candidates_fixture(struct cfx *fx)
{
	struct candidate *c;
	struct model_error e;
	const struct organization *o;

	program_init(&fx->p);
	demo_build(&fx->p, DEMO_DEFAULT_SEED);
	c = VEC_PUSH(&fx->p.candidates);
	ref_set(&c->org, "millrace-savings");
	c->round = xstrdup("2");
	assert_int_equal(model_validate(&fx->p, &e), 0);
	metrics_settings_default(&fx->st);
	o = program_org(&fx->p, "millrace-savings");
	assert_non_null(o);
	metrics_capacity_init(&fx->cap);
	assert_int_equal(metrics_capacity(&fx->p, (int)(o - fx->p.orgs.v), NULL,
	    date_from_ymd(2016, 12, 31), &fx->st, &fx->cap), 0);
	fx->row = (struct candidate_row){ &fx->p.candidates.v[0], o, &fx->cap };
	fx->pg = (struct candidates_page){ &fx->row, 1, &fx->st, 1 };
}

static void
test_candidates(void **state)
{
	static const char *const english[] = { "Compare", "Organization", "Staff:", "Revenue",
	    "community engagement", "a partner that",
	    "High capacity", "What partners", "short of", "partners who", "Add a candidate",
	    NULL };
	struct cfx *fx = xcalloc(1, sizeof(*fx));
	struct strbuf sb = STRBUF_INIT, es = STRBUF_INIT, en = STRBUF_INIT;
	struct html h;

	(void)state;
	candidates_fixture(fx);
	html_init(&h, &sb);
	candidates_render(&h, &fx->pg);
	well_formed(sb.buf);
	assert_non_null(strstr(sb.buf, "<th>Lo que tendrían que aportar las aliadas</th>"));
	assert_non_null(strstr(sb.buf, "<ul class=\"supply\"><li>Ingresos: no se conocen; una "
	    "organización central de alta capacidad tiene al menos $3,000,000.00 al año — fondos "
	    "comunes o de las aliadas</li>"));
	assert_non_null(strstr(sb.buf, "participación comunitaria, aprendizaje y evaluación"));
	assert_non_null(strstr(sb.buf, "Añadir una candidata"));
	none_of(sb.buf, english);
	/* the JSON: English, the same bytes whichever language is in use, and Spanish after */
	candidates_json(&fx->pg, &es);
	assert_int_equal(i18n_current(), LANG_ES);
	i18n_use(LANG_EN);
	candidates_json(&fx->pg, &en);
	assert_string_equal(es.buf, en.buf);
	assert_non_null(strstr(en.buf, "\"supply\":[\"Revenue: not known; a high-capacity backbone has at least "));
	metrics_capacity_release(&fx->cap);
	program_release(&fx->p);
	free(fx);
	strbuf_release(&sb);
	strbuf_release(&es);
	strbuf_release(&en);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_portfolio, setup, teardown),
		cmocka_unit_test_setup_teardown(test_followups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_candidates, setup, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
