/*
 * The pages translated so far, rendered in Spanish (docs/i18n.md): the
 * frame with its language switch and <html lang="es">, the sign-in page,
 * "Your settings" with its choice of language, the survey answer form
 * of a built-in instrument (its statements, the five answers, a missing
 * answer named "Pregunta 2") — each with none of its English left.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model/demo.h"
#include "model/validate.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "view/account_page.h"
#include "view/login_page.h"
#include "view/survey_pages.h"
#include "tagcheck.h"

static int
setup(void **state)
{
	struct strbuf err = STRBUF_INIT;
	int r = i18n_init(&err);

	if (r)
		fprintf(stderr, "i18n_init: %s\n", err.buf);
	strbuf_release(&err);
	(void)state;
	return r || i18n_use(LANG_ES) != LANG_ES;
}

/* Asserts that none of the English words of the pages is in s. */
static void
no_english(const char *s)
{
	static const char *const words[] = { "Sign in", "Sign out", "Password", "Email address",
	    "Skip to content", "Your settings", "Question", "Strongly", "Send my answers",
	    "There is a problem", "Save", "A digest by mail", "Weekly", "Language<", "The team trusts", "anonymous",
	    "Overview", "Decisions<", NULL };

	for (size_t i = 0; words[i]; i++)
		if (strstr(s, words[i])) {
			fprintf(stderr, "English left: %s\n", words[i]);
			fail();
		}
}

/* The page's markup is balanced and escaped (tagcheck.h). */
static void
well_formed(const char *s)
{
	char err[200];

	if (tagcheck(s, err, sizeof(err), NULL) != 0) {
		fprintf(stderr, "%s\n", err);
		fail();
	}
}

static const struct frame frame = { .title = "T", .lang = "es", .user = "m@x.org",
	.role = "miembro", .csrf = "C9", .slug = "harlow-mills", .tab = TAB_DECISIONS,
	.self = "/i/harlow-mills/decisions?as_of=2016-12-31" };

static void
test_frame(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct html h;

	(void)state;
	html_init(&h, &sb);
	frame_begin(&h, &frame);
	frame_end(&h);
	well_formed(sb.buf);
	assert_non_null(strstr(sb.buf, "<html lang=\"es\">"));
	assert_non_null(strstr(sb.buf, "<a class=\"skip\" href=\"#main\">Ir al contenido</a>"));
	assert_non_null(strstr(sb.buf, "<title>T · Trellis</title>"));
	assert_non_null(strstr(sb.buf, "aria-current=\"page\">Decisiones</a>"));
	assert_non_null(strstr(sb.buf, ">Equipo y roles</a>"));
	assert_non_null(strstr(sb.buf, "<button type=\"submit\">Cerrar sesión</button>"));
	/* the switch: each language in its own name, the current one marked, the query kept */
	assert_non_null(strstr(sb.buf, "<nav class=\"langs\" aria-label=\"Idioma\"><ul>"
	    "<li><a href=\"/i/harlow-mills/decisions?as_of=2016-12-31&amp;lang=en\" lang=\"en\" "
	    "hreflang=\"en\">English</a></li>"
	    "<li><a href=\"/i/harlow-mills/decisions?as_of=2016-12-31&amp;lang=es\" lang=\"es\" "
	    "hreflang=\"es\" aria-current=\"true\">Español</a></li></ul></nav>"));
	no_english(sb.buf);
	strbuf_release(&sb);
}

static void
test_login(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = _("Sign in"), .lang = "es", .tab = TAB_NONE, .self = "/login" };
	struct acct_error errs[] = { { "password", _("Enter your password.") } };
	struct login_page lp = { .frame = &f, .email = "ana@x.org", .login_token = "T",
	    .errs = errs, .nerrs = 1 };
	struct html h;

	(void)state;
	html_init(&h, &sb);
	login_page_write(&h, &lp);
	well_formed(sb.buf);
	assert_non_null(strstr(sb.buf, "<h1>Iniciar sesión</h1>"));
	assert_non_null(strstr(sb.buf, "<h2>Hay un problema</h2>"));
	assert_non_null(strstr(sb.buf, "<label for=\"password\">Contraseña</label>"));
	assert_non_null(strstr(sb.buf, "Escriba su contraseña."));
	assert_non_null(strstr(sb.buf, "<a href=\"/login?lang=en\" lang=\"en\" hreflang=\"en\">English</a>"));
	no_english(sb.buf);
	strbuf_release(&sb);
}

static void
test_account(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct account_page ap = { .email = "ana@x.org", .role = "miembro de Harlow Mills",
	    .digest = "weekly", .csrf = "C", .lang = "es", .saved = 1 };
	struct html h;

	(void)state;
	html_init(&h, &sb);
	account_page(&h, &ap);
	well_formed(sb.buf);
	assert_non_null(strstr(sb.buf, "Ha iniciado sesión como <strong>ana@x.org</strong> "
	    "(miembro de Harlow Mills)."));
	assert_non_null(strstr(sb.buf, "<legend>Idioma</legend>"));
	assert_non_null(strstr(sb.buf, "id=\"lang-es\" value=\"es\" checked=\"checked\"/>"
	    "<label for=\"lang-es\" lang=\"es\">Español</label>"));
	assert_non_null(strstr(sb.buf, "<label for=\"lang-none\">El que pida mi navegador</label>"));
	assert_non_null(strstr(sb.buf, "<strong>Semanal</strong> — Lo mismo, una vez por semana."));
	no_english(sb.buf);
	strbuf_release(&sb);
}

static void
test_answer_form(void **state)
{
	struct program p;
	struct model_error e;
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "Apoyo", .lang = "es", .tab = TAB_NONE, .self = "/s/tok" };
	form_errors errs = { NULL, 0, 0 };
	const struct instrument *ins;
	struct html h;

	(void)state;
	program_init(&p);
	demo_build(&p, DEMO_DEFAULT_SEED);
	assert_int_equal(model_validate(&p, &e), 0);
	ins = program_instrument(&p, "director-support");
	assert_non_null(ins);
	assert_string_equal(instrument_title(ins, "es"), "Apoyo a la dirección de la iniciativa");
	assert_string_equal(instrument_title(ins, "en"), "Support for the initiative director");
	form_error_add(&errs, "supported", _("Choose one answer, from strongly disagree to strongly agree."));
	html_init(&h, &sb);
	survey_answer_write(&h, &(struct survey_answer_page){ .frame = &f,
	    .initiative = "Harlow Mills", .ins = ins, .group = GROUP_PARTNER, .action = "/s/tok",
	    .errs = &errs });
	well_formed(sb.buf);
	assert_non_null(strstr(sb.buf, "<legend>1. El equipo confía en que la dirección de la "
	    "iniciativa lleve adelante el trabajo.</legend>"));
	assert_non_null(strstr(sb.buf, "trabajan juntas las organizaciones que forman "
	    "<strong>Harlow Mills</strong>. Le invitamos como organización aliada."));
	assert_non_null(strstr(sb.buf, "Ni de acuerdo ni en desacuerdo</label>"));
	assert_non_null(strstr(sb.buf, "<a href=\"#supported\">Pregunta 2: Elija una respuesta"));
	assert_non_null(strstr(sb.buf, "<button type=\"submit\">Enviar mis respuestas</button>"));
	no_english(sb.buf);
	VEC_FREE(&errs);
	strbuf_release(&sb);
	program_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_frame),
		cmocka_unit_test(test_login),
		cmocka_unit_test(test_account),
		cmocka_unit_test(test_answer_form),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
