/*
 * A server without the catalogs (i18n_init not run, or failed): English
 * only, so the frame offers no language switch to choose a language it
 * cannot show, and <html lang> stays "en".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "view/frame.h"

static void
test_no_switch_without_catalog(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "T", .lang = "en", .tab = TAB_NONE, .self = "/login" };
	struct html h;

	(void)state;
	assert_false(i18n_available(LANG_ES));
	assert_int_equal(i18n_use(LANG_ES), LANG_EN);
	html_init(&h, &sb);
	frame_begin(&h, &f);
	frame_end(&h);
	assert_non_null(strstr(sb.buf, "<html lang=\"en\">"));
	assert_null(strstr(sb.buf, "class=\"langs\""));
	assert_null(strstr(sb.buf, "Español"));
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_switch_without_catalog),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
