/*
 * The balance report in Spanish (docs/i18n.md): the alerts' and strengths'
 * sentences written in the calling thread's language by metrics_report,
 * the text report and the printed HTML page around them, on the demo
 * program — and the same report in English on the same thread afterwards,
 * so that a language never leaks from one report into the next.
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
#include "util/date.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "view/report_html.h"
#include "view/report_text.h"
#include "tagcheck.h"

struct fixture {
	struct program p;
	tdate as_of;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct strbuf err = STRBUF_INIT;
	struct model_error e;

	if (f == NULL || i18n_init(&err) != 0 || !i18n_available(LANG_ES)) {
		fprintf(stderr, "i18n_init: %s\n", err.buf);
		strbuf_release(&err);
		free(f);
		return -1;
	}
	strbuf_release(&err);
	program_init(&f->p);
	demo_build(&f->p, DEMO_DEFAULT_SEED);
	if (model_validate(&f->p, &e) != 0)
		return -1;
	date_parse("2016-12-31", &f->as_of);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	i18n_use(LANG_EN);
	program_release(&f->p);
	free(f);
	return 0;
}

/* Fails when one of words (NULL-terminated) is in s. */
static void
none_of(const char *s, const char *const *words)
{
	for (size_t i = 0; words[i]; i++)
		if (strstr(s, words[i])) {
			fprintf(stderr, "English left: %s\n", words[i]);
			fail();
		}
}

static const char *const english[] = {
	"TO DISCUSS", "GOING WELL", "BALANCE", "FIGURES", "Backbone:", "Period", "decisions in",
	"the team", "Is that how", "Evidence:", "staff,", "a year", "lacks", "offered by",
	"SURVEYS", "responses", "MEAN", "Stepping", "months to", "Dec 2016", NULL,
};

/* The text report of slug for months months to the fixture's as-of, in the thread's language. */
static void
text_report(const struct fixture *f, const char *slug, int months, struct strbuf *out)
{
	const struct initiative *in = program_initiative(&f->p, slug);
	struct report r;
	struct capacity c;

	assert_non_null(in);
	metrics_report_init(&r);
	metrics_capacity_init(&c);
	assert_int_equal(metrics_report(&f->p, in, f->as_of, months, NULL, &r), 0);
	assert_int_equal(metrics_capacity(&f->p, in->backbone.idx, in, f->as_of, NULL, &c), 0);
	report_text_write(&r, &c, out);
	metrics_capacity_release(&c);
	metrics_report_release(&r);
}

static void
test_text_es_then_en(void **state)
{
	const struct fixture *f = *state;
	struct strbuf es = STRBUF_INIT, en = STRBUF_INIT;

	assert_int_equal(i18n_use(LANG_ES), LANG_ES);
	text_report(f, "quarry-bend", 12, &es);
	assert_non_null(strstr(es.buf, "\nPARA CONVERSAR\n  ! dominance\n    15 de las 18 "
	    "decisiones tomadas en los 12 meses hasta el 31 dic 2016 las\n"));
	assert_non_null(strstr(es.buf, "    ¿Es así como el equipo quiere decidir?\n"));
	assert_non_null(strstr(es.buf, "    Registros: d-037, d-038,"));
	assert_non_null(strstr(es.buf, "Período: 1 ene 2016 – 31 dic 2016 (12 meses hasta el "
	    "31 dic 2016)\n"));
	assert_non_null(strstr(es.buf, ": 7 empleados, $850,000.00 al año, 1 de 5 rasgos — sin "
	    "alta capacidad\n"));
	assert_non_null(strstr(es.buf, "\n  Hacerse a un lado       27 / 100"));
	assert_non_null(strstr(es.buf, "\n  1 encuesta, 3 de la organización central, 6 de las "
	    "aliadas;"));
	/* the headings widened to fit, never glued: "ALIADAS BRECHA" */
	assert_non_null(strstr(es.buf, "CENTRAL  ALIADAS BRECHA CAMBIO\n"));
	none_of(es.buf, english);

	/* the same thread in English: the English report, no Spanish left over */
	assert_int_equal(i18n_use(LANG_EN), LANG_EN);
	text_report(f, "quarry-bend", 12, &en);
	assert_non_null(strstr(en.buf, "\nTO DISCUSS\n  ! dominance\n    15 of the 18 decisions in "
	    "the 12 months to 31 Dec 2016 were made by the\n"));
	assert_non_null(strstr(en.buf, "Period: 1 Jan 2016 – 31 Dec 2016 (12 months to 31 Dec "
	    "2016)\n"));
	assert_null(strstr(en.buf, "dic 2016"));
	assert_null(strstr(en.buf, "organización"));
	strbuf_release(&es);
	strbuf_release(&en);
}

static void
test_text_plurals(void **state)
{
	const struct fixture *f = *state;
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(i18n_use(LANG_ES), LANG_ES);
	text_report(f, "quarry-bend", 1, &sb);
	assert_non_null(strstr(sb.buf, "Período: 1 dic 2016 – 31 dic 2016 (1 mes hasta el 31 dic "
	    "2016)\n"));
	strbuf_reset(&sb);
	text_report(f, "harlow-mills", 12, &sb);
	assert_non_null(strstr(sb.buf, "N = 8 partes\n"));
	assert_non_null(strstr(sb.buf, "16 de las 20 decisiones tomadas en los 12 meses hasta el "
	    "31 dic 2016 las\n    tomó el comité, todo el equipo o un colíder"));
	i18n_use(LANG_EN);
	strbuf_release(&sb);
}

static void
test_html_es(void **state)
{
	const struct fixture *f = *state;
	const struct initiative *in = program_initiative(&f->p, "quarry-bend");
	static const char *const words[] = { ">To discuss", ">Going well", "The balance",
	    "Stepping back", "Key figures", "Backbone:", "Printed", "The partner network",
	    "decided by", "records behind", "Who works with whom", "Dec 2016", NULL };
	struct strbuf sb = STRBUF_INIT;
	struct report r;
	struct capacity c;
	char err[200];

	assert_non_null(in);
	assert_int_equal(i18n_use(LANG_ES), LANG_ES);
	metrics_report_init(&r);
	metrics_capacity_init(&c);
	assert_int_equal(metrics_report(&f->p, in, f->as_of, 12, NULL, &r), 0);
	assert_int_equal(metrics_capacity(&f->p, in->backbone.idx, in, f->as_of, NULL, &c), 0);
	report_html_page(&r, &c, 1, f->as_of, &sb);
	if (tagcheck(sb.buf, err, sizeof(err), NULL) != 0) {
		fprintf(stderr, "%s\n", err);
		fail();
	}
	assert_non_null(strstr(sb.buf, "<html lang=\"es\">"));
	assert_non_null(strstr(sb.buf, "<title>Informe de equilibrio: Safe Flats Quarry Bend</title>"));
	assert_non_null(strstr(sb.buf, "Período 1 ene 2016 – 31 dic 2016. Impreso el 31 dic 2016."));
	assert_non_null(strstr(sb.buf, "<span class=\"tag\">Para conversar: </span>15 de las 18 "
	    "decisiones tomadas en los 12 meses hasta el 31 dic 2016 las tomó la organización "
	    "central por sí sola."));
	assert_non_null(strstr(sb.buf, "<strong>¿Es así como el equipo quiere decidir?</strong>"));
	assert_non_null(strstr(sb.buf, "<h3>Cifras</h3>"));
	assert_non_null(strstr(sb.buf, "la decidió la organización central por sí sola"));
	none_of(sb.buf, words);
	metrics_capacity_release(&c);
	metrics_report_release(&r);
	i18n_use(LANG_EN);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_es_then_en),
		cmocka_unit_test(test_text_plurals),
		cmocka_unit_test(test_html_es),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
