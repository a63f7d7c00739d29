/*
 * Unit tests for src/util/i18n.c and the Spanish dates of src/util/date.c:
 * codes; Accept-Language by q-value, bounded against a hostile header; the
 * catalog found beside the binary; each thread its own language at the
 * same time (uselocale); plurals by ngettext; "31 dic 2016".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/date.h"
#include "util/i18n.h"
#include "util/strbuf.h"

static int
setup(void **state)
{
	struct strbuf err = STRBUF_INIT;
	int r = i18n_init(&err);

	if (r)
		fprintf(stderr, "i18n_init: %s\n", err.buf);
	strbuf_release(&err);
	(void)state;
	return r;
}

static void
test_codes(void **state)
{
	(void)state;
	assert_int_equal(lang_parse("es"), LANG_ES);
	assert_int_equal(lang_parse("ES"), LANG_ES);
	assert_int_equal(lang_parse("es-MX"), LANG_ES);
	assert_int_equal(lang_parse("es_US"), LANG_ES);
	assert_int_equal(lang_parse("en"), LANG_EN);
	assert_int_equal(lang_parse("esp"), -1);
	assert_int_equal(lang_parse("e"), -1);
	assert_int_equal(lang_parse(""), -1);
	assert_int_equal(lang_parse(NULL), -1);
	assert_string_equal(lang_code(LANG_ES), "es");
	assert_string_equal(lang_code(99), "en");
}

static void
test_accept_language(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_int_equal(lang_from_accept("es-MX,es;q=0.9,en;q=0.8"), LANG_ES);
	assert_int_equal(lang_from_accept("en-US,en;q=0.9,es;q=0.8"), LANG_EN);
	assert_int_equal(lang_from_accept("es;q=0.5, en;q=0.8"), LANG_EN);
	assert_int_equal(lang_from_accept("fr, de;q=0.9, es;q=0.1"), LANG_ES);
	assert_int_equal(lang_from_accept("fr, de"), -1);
	assert_int_equal(lang_from_accept("es;q=0"), -1);
	assert_int_equal(lang_from_accept("es;q=0.000"), -1);
	/* malformed weights skip their range: q above 1, four decimals, junk */
	assert_int_equal(lang_from_accept("es;q=1.5"), -1);
	assert_int_equal(lang_from_accept("es;q=0.12345"), -1);
	assert_int_equal(lang_from_accept("es;q=x, en;q=0.2"), LANG_EN);
	/* ties go to the first; spaces and case as sent */
	assert_int_equal(lang_from_accept(" ES ; Q=1 , en"), LANG_ES);
	assert_int_equal(lang_from_accept("en, es"), LANG_EN);
	assert_int_equal(lang_from_accept(""), -1);
	assert_int_equal(lang_from_accept(NULL), -1);
	assert_int_equal(lang_from_accept(",,,;;;q=,;"), -1);
	/* bounded: a range past the first I18N_ACCEPT_RANGES is never read */
	for (int i = 0; i < I18N_ACCEPT_RANGES; i++)
		strbuf_addf(&sb, "x%d,", i);
	strbuf_addstr(&sb, "es");
	assert_int_equal(lang_from_accept(sb.buf), -1);
	/* ... nor a byte past I18N_ACCEPT_MAX */
	strbuf_reset(&sb);
	while (sb.len < I18N_ACCEPT_MAX)
		strbuf_addch(&sb, ' ');
	strbuf_addstr(&sb, "es");
	assert_int_equal(lang_from_accept(sb.buf), -1);
	strbuf_release(&sb);
}

static void
test_catalog(void **state)
{
	(void)state;
	assert_true(i18n_available(LANG_ES));
	assert_int_equal(i18n_use(LANG_ES), LANG_ES);
	assert_int_equal(i18n_current(), LANG_ES);
	assert_string_equal(_("Sign in"), "Iniciar sesión");
	assert_string_equal(_("Strongly agree"), "Muy de acuerdo");
	/* a string with no translation is itself */
	assert_string_equal(_("no such msgid, not marked anywhere"), "no such msgid, not marked anywhere");
	/* plurals by the catalog's rule */
	assert_string_equal(P_("There is %zu problem", "There are %zu problems", 1), "Hay %zu problema");
	assert_string_equal(P_("There is %zu problem", "There are %zu problems", 3), "Hay %zu problemas");
	assert_int_equal(i18n_use(LANG_EN), LANG_EN);
	assert_string_equal(_("Sign in"), "Sign in");
	assert_string_equal(P_("There is %zu problem", "There are %zu problems", 3), "There are %zu problems");
	/* a language out of range is English */
	assert_int_equal(i18n_use(7), LANG_EN);
}

/* One thread: its language, then each translation many times while the other runs. */
struct run {
	int lang;
	const char *want;
	int bad;
};

static void *
worker(void *arg)
{
	struct run *r = arg;

	i18n_use(r->lang);
	for (int i = 0; i < 20000; i++)
		if (strcmp(_("Send my answers"), r->want) != 0)
			r->bad++;
	return NULL;
}

static void
test_threads(void **state)
{
	struct run es = { LANG_ES, "Enviar mis respuestas", 0 };
	struct run en = { LANG_EN, "Send my answers", 0 };
	pthread_t a, b;

	(void)state;
	assert_int_equal(pthread_create(&a, NULL, worker, &es), 0);
	assert_int_equal(pthread_create(&b, NULL, worker, &en), 0);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert_int_equal(es.bad, 0);
	assert_int_equal(en.bad, 0);
	/* this thread's language is untouched by the others' */
	assert_int_equal(i18n_current(), LANG_EN);
	assert_string_equal(_("Send my answers"), "Send my answers");
}

static void
test_dates(void **state)
{
	char buf[DATE_WORDS_BUFSZ];

	(void)state;
	assert_string_equal(date_format_words_lang(date_from_ymd(2016, 12, 31), "es", buf), "31 dic 2016");
	assert_string_equal(date_format_words_lang(date_from_ymd(2015, 1, 4), "es", buf), "4 ene 2015");
	assert_string_equal(date_format_words_lang(date_from_ymd(2015, 9, 30), "es", buf), "30 sept 2015");
	assert_string_equal(date_format_words_lang(date_from_ymd(2016, 12, 31), "en", buf), "31 Dec 2016");
	assert_string_equal(date_format_words_lang(date_from_ymd(2016, 12, 31), NULL, buf), "31 Dec 2016");
	assert_string_equal(date_format_words(date_from_ymd(2016, 12, 31), buf), "31 Dec 2016");
	assert_string_equal(date_format_words_lang(DATE_NONE, "es", buf), "—");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_accept_language),
		cmocka_unit_test(test_catalog),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_dates),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
