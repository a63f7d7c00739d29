/*
 * The initiative's own pages in Spanish (docs/i18n.md): every field label
 * and enum value the field tables show has its msgid marked
 * (model/fieldtext.h), so none is left untranslated by a new field; a
 * record list, a form's problems, the team page and the shared result
 * rendered in Spanish, with their English left nowhere; and the same views
 * in English unchanged.
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
#include "model/fieldtext.h"
#include "model/validate.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "view/form.h"
#include "view/records.h"
#include "view/shared_result.h"
#include "view/team_page.h"
#include "tagcheck.h"

static struct program P;
static struct initiative *IN;

static const struct records_kind decisions_rk = { "decisions", "Decisions", "decision",
	"Decisions taken for the initiative: who decided, who was consulted and informed, and any "
	"contrary views." };

static int
setup(void **state)
{
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	int r = i18n_init(&err);

	(void)state;
	if (r)
		fprintf(stderr, "i18n_init: %s\n", err.buf);
	strbuf_release(&err);
	program_init(&P);
	demo_build(&P, DEMO_DEFAULT_SEED);
	if (r || model_validate(&P, &e) != 0 || (IN = program_initiative(&P, "harlow-mills")) == NULL)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	program_release(&P);
	i18n_use(LANG_EN);
	return 0;
}

static int
listed(const char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

/* Every field of k and of the kinds it holds: its label and its enum values are marked. */
static void
walk(const struct kind *k, int *missing)
{
	struct strbuf sb = STRBUF_INIT;

	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const char *es = " in Spanish";

		strbuf_reset(&sb);
		form_label(f, &sb);
		if (sb.len > strlen(es) && strcmp(sb.buf + sb.len - strlen(es), es) == 0)
			sb.buf[sb.len - strlen(es)] = '\0';
		if (!listed(field_label_texts, nfield_label_texts, sb.buf)) {
			fprintf(stderr, "field %s.%s: label \"%s\" not in field_label_texts\n",
			    k->name, f->name, sb.buf);
			++*missing;
		}
		for (int j = 0; (f->type == FT_ENUM || f->type == FT_ENUMS) && j < f->nnames; j++) {
			strbuf_reset(&sb);
			for (const char *s = f->names[j]; *s; s++)
				strbuf_addch(&sb, *s == '_' ? ' ' : *s);
			if (!listed(enum_value_texts, nenum_value_texts, sb.buf)) {
				fprintf(stderr, "field %s.%s: value \"%s\" not in enum_value_texts\n",
				    k->name, f->name, sb.buf);
				++*missing;
			}
		}
		if ((f->type == FT_OBJECT || f->type == FT_LIST) && f->sub)
			walk(f->sub, missing);
	}
	strbuf_release(&sb);
}

static void
test_every_label_and_value_marked(void **state)
{
	int missing = 0;

	(void)state;
	i18n_use(LANG_EN);
	walk(&kind_document, &missing);
	assert_int_equal(missing, 0);
	/* and each is translated: a label the Spanish catalog knows */
	i18n_use(LANG_ES);
	assert_string_equal(_("Contrary views"), "Opiniones contrarias");
	assert_string_equal(_("peer-exchange"), "intercambio entre pares");
}

/* The markup is well formed; returns it (free it). */
static char *
checked(struct strbuf *out)
{
	char err[256];
	size_t n;

	if (tagcheck(out->buf, err, sizeof(err), &n) != 0)
		fail_msg("bad markup: %s", err);
	return strbuf_detach(out, NULL);
}

/* The decisions of Harlow Mills as a list, in the thread's language. */
static char *
decisions_list(void)
{
	struct strbuf out = STRBUF_INIT;
	struct html h;
	size_t n = IN->decisions.n;
	const void **recs = calloc(n + 1, sizeof(*recs));
	const char **hrefs = calloc(n + 1, sizeof(*hrefs));

	for (size_t i = 0; i < n; i++) {
		recs[i] = &IN->decisions.v[i];
		hrefs[i] = "/x";
	}
	html_init(&h, &out);
	records_list(&h, &(struct records_list_page){
		.c = { &P, IN }, .k = &kind_decision, .rk = &decisions_rk, .all = recs, .nall = n,
		.recs = recs, .hrefs = hrefs, .n = n, .first = 0, .last = n, .page_size = n + 1,
		.pageno = 1, .base = "/i/x/decisions", .query = "/i/x/decisions?",
		.export_base = "/i/x/export", .today = date_from_ymd(2017, 1, 1), .can_edit = 1,
	});
	html_close_to(&h, 0);
	free(recs);
	free(hrefs);
	return checked(&out);
}

/* None of words is in s. */
static void
none_of(const char *s, const char *const *words)
{
	for (size_t i = 0; words[i]; i++)
		if (strstr(s, words[i])) {
			fprintf(stderr, "English left: %s\n", words[i]);
			fail();
		}
}

static void
test_list_in_spanish(void **state)
{
	static const char *const english[] = { "Add a decision", "Download", "Filter<", ">any<",
	    "Contrary views", "⚑ yes", ">Category<", ">Decider<", ">Proposed<", ">Decided<",
	    "Decisions taken", ">strategy<", " Dec 20", NULL };
	char *s;

	(void)state;
	i18n_use(LANG_EN);
	s = decisions_list();
	assert_non_null(strstr(s, ">Add a decision</a>"));
	assert_non_null(strstr(s, "<th scope=\"col\">Contrary views</th>"));
	free(s);

	i18n_use(LANG_ES);
	s = decisions_list();
	assert_non_null(strstr(s, ">Añadir decisión</a>"));
	assert_non_null(strstr(s, ">Descargar CSV</a>"));
	assert_non_null(strstr(s, "<th scope=\"col\">Opiniones contrarias</th>"));
	assert_non_null(strstr(s, "<td data-label=\"Opiniones contrarias\">⚑ sí</td>"));
	assert_non_null(strstr(s, "<label for=\"category\">Categoría</label>"));
	assert_non_null(strstr(s, ">estrategia<"));
	assert_non_null(strstr(s, "Las decisiones tomadas para la iniciativa"));
	none_of(s, english);
	free(s);
}

static void
test_form_problems_in_spanish(void **state)
{
	static const struct form_pair v[] = { { "title", "" }, { "proposed", "2016-02-30" },
	    { "decided", "2016-03-01" }, { "category", "strategy" }, { "decider", "committee" } };
	static const struct form_pair order[] = { { "id", "d-999" }, { "title", "T" },
	    { "category", "strategy" }, { "proposed", "2016-05-01" }, { "decided", "2016-04-01" },
	    { "decider", "committee" } };
	struct form_input in = { v, sizeof(v) / sizeof(v[0]) };
	struct form_input oin = { order, sizeof(order) / sizeof(order[0]) };
	struct strbuf out = STRBUF_INIT;
	struct html h;
	form_errors errs = { NULL, 0, 0 };
	model_errors me = { NULL, 0, 0 };
	struct decision d;
	char *s;

	(void)state;
	i18n_use(LANG_ES);
	memset(&d, 0, sizeof(d));
	assert_int_not_equal(form_parse(&kind_decision, &d, &in, &errs), 0);
	assert_non_null(form_error_for(&errs, "title"));
	assert_string_equal(form_error_for(&errs, "title"), "Complete este dato: es obligatorio.");
	assert_string_equal(form_error_for(&errs, "proposed"),
	    "Esta no es una fecha real: indique el día, el mes y el año.");
	html_init(&h, &out);
	records_new(&h, &(struct records_form_page){ .c = { &P, IN }, .k = &kind_decision,
	    .rk = &decisions_rk, .action = "/i/x/decisions", .csrf = "C", .typed = &in, .errs = &errs });
	html_close_to(&h, 0);
	s = checked(&out);
	assert_non_null(strstr(s, "<h2>Hay 3 problemas</h2>"));
	assert_non_null(strstr(s, "<span>Error: </span>Complete este dato: es obligatorio."));
	assert_non_null(strstr(s, "<label for=\"title\">Título</label>"));
	assert_non_null(strstr(s, ">Añadir decisión</button>"));
	assert_null(strstr(s, "Fill this in"));
	assert_null(strstr(s, "(optional)"));
	free(s);
	kind_release(&kind_decision, &d);
	VEC_FREE(&errs);

	/* dates out of order: beside the later, the earlier named by its label, the date in words */
	memset(&d, 0, sizeof(d));
	assert_int_equal(form_parse(&kind_decision, &d, &oin, &errs), 0);
	assert_int_equal(model_check_record(&P, IN, &kind_decision, &d, &me), 1);
	assert_string_equal(me.v[0].path, "decided");
	assert_string_equal(me.v[0].msg, "no puede ser anterior a «Fecha de propuesta» (1 may 2016)");
	kind_release(&kind_decision, &d);
	VEC_FREE(&me);

	/* the same in English, as it always was */
	i18n_use(LANG_EN);
	memset(&d, 0, sizeof(d));
	assert_int_not_equal(form_parse(&kind_decision, &d, &in, &errs), 0);
	assert_string_equal(form_error_for(&errs, "title"), "Fill this in: it is required.");
	kind_release(&kind_decision, &d);
	VEC_FREE(&errs);
	memset(&d, 0, sizeof(d));
	assert_int_equal(form_parse(&kind_decision, &d, &oin, &errs), 0);
	assert_int_equal(model_check_record(&P, IN, &kind_decision, &d, &me), 1);
	assert_string_equal(me.v[0].msg, "must not be before Proposed (1 May 2016)");
	kind_release(&kind_decision, &d);
	VEC_FREE(&me);
}

static void
test_team_page_in_spanish(void **state)
{
	static const struct frame fr = { .title = "Equipo y roles", .lang = "es", .user = "u@x.org",
		.csrf = "C7", .slug = "harlow-mills", .tab = TAB_TEAM };
	static const char *const english[] = { "Members<", "Add a member", "Committee and director",
	    "Save the matrix", "accountable", "Responsibilities<", ">Joined<", ">Role<", "co-lead",
	    NULL };
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	i18n_use(LANG_ES);
	html_init(&h, &sb);
	team_page_write(&h, &(struct team_page){ .frame = &fr, .p = &P, .in = IN, .can_edit = 1 });
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "<h2>Miembros</h2>"));
	assert_non_null(strstr(sb.buf, ">Añadir un miembro</a>"));
	assert_non_null(strstr(sb.buf, "<h2 id=\"oversight\">Comité y dirección</h2>"));
	assert_non_null(strstr(sb.buf, "Guardar la matriz"));
	assert_non_null(strstr(sb.buf, ">colíder<"));
	none_of(sb.buf, english);
	strbuf_release(&sb);
}

static void
test_shared_result_in_spanish(void **state)
{
	static const char *const english[] = { "Progress toward", "Latest measurement", "baseline",
	    "target", "Measurements", "Good direction", "US dollars", " Dec 20", " on ", NULL };
	struct metrics_result_progress rp;
	struct shared_result_page pg = { 0 };
	struct strbuf sb = STRBUF_INIT;
	tdate as_of = date_from_ymd(2016, 12, 31);
	struct html h;

	(void)state;
	i18n_use(LANG_ES);
	pg.in = IN;
	pg.has_progress = metrics_result_progress(IN, as_of, &rp) == 0;
	pg.progress = &rp;
	pg.as_of = as_of;
	assert_true(pg.has_progress);
	html_init(&h, &sb);
	html_open(&h, "main", NULL);
	shared_result_page(&h, &pg);
	html_close(&h);
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "Avance hacia la meta"));
	assert_non_null(strstr(sb.buf, "<dt>Unidad</dt><dd>dólares estadounidenses</dd>"));
	assert_non_null(strstr(sb.buf, " dic 2013</dd>"));
	assert_non_null(strstr(sb.buf, "</dt><dd>$44,160 para el 31 dic 2023</dd>"));
	assert_non_null(strstr(sb.buf, "Última medición: "));
	assert_non_null(strstr(sb.buf, " del camino del valor inicial a la meta"));
	none_of(sb.buf, english);
	strbuf_release(&sb);
}

/*
 * A built-in instrument's title and statements, and a survey's instrument,
 * in the page's language where the generic record views show them (the
 * lists, a record's page and heading, a reference); a program's own
 * instrument as typed, even with a built-in one's English words.
 */
static void
test_builtin_instrument_in_spanish(void **state)
{
	const struct instrument *ins = program_instrument(&P, "balance");
	const struct field *title = kind_field(&kind_instrument, "title");
	const struct field *text = kind_field(&kind_instrument_item, "text");
	const struct form_ctx c = { &P, IN };
	struct instrument own = { .code = "own", .title = "Support for the initiative director" };
	struct instrument_item item = { .code = "x", .text = ins->items.v[0].text };
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_non_null(ins);
	assert_true(ins->builtin);
	i18n_use(LANG_EN);
	form_value_text(&c, title, ins, &sb);
	assert_string_equal(sb.buf, "Stepping up and stepping back: practices and pitfalls");
	strbuf_reset(&sb);
	i18n_use(LANG_ES);
	form_value_text(&c, title, ins, &sb);
	assert_string_equal(sb.buf,
	    "Dar un paso al frente y saber hacerse a un lado: buenas prácticas y trampas");
	strbuf_reset(&sb);
	records_label(&c, &kind_instrument, ins, &sb);
	assert_string_equal(sb.buf,
	    "Dar un paso al frente y saber hacerse a un lado: buenas prácticas y trampas");
	strbuf_reset(&sb);
	form_value_text(&c, text, &ins->items.v[0], &sb);
	assert_non_null(strstr(sb.buf, "Un colíder o un comité ejecutivo comparte de verdad"));
	strbuf_reset(&sb);
	/* a survey names its instrument in Spanish too */
	assert_true(IN->surveys.n > 0);
	for (size_t i = 0; i < IN->surveys.n; i++)
		if (strcmp(IN->surveys.v[i].instrument.slug, "balance") == 0) {
			form_value_text(&c, kind_field(&kind_survey, "instrument"),
			    &IN->surveys.v[i], &sb);
			break;
		}
	assert_string_equal(sb.buf,
	    "Dar un paso al frente y saber hacerse a un lado: buenas prácticas y trampas");
	strbuf_reset(&sb);
	/* a program's own: as typed */
	form_value_text(&c, title, &own, &sb);
	assert_string_equal(sb.buf, "Support for the initiative director");
	strbuf_reset(&sb);
	form_value_text(&c, text, &item, &sb);
	assert_string_equal(sb.buf, ins->items.v[0].text);
	strbuf_release(&sb);
	i18n_use(LANG_EN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_label_and_value_marked),
		cmocka_unit_test(test_list_in_spanish),
		cmocka_unit_test(test_form_problems_in_spanish),
		cmocka_unit_test(test_team_page_in_spanish),
		cmocka_unit_test(test_shared_result_in_spanish),
		cmocka_unit_test(test_builtin_instrument_in_spanish),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
