/*
 * "Your settings" (view/account_page.c): the account and its role in words,
 * the three digest choices with the stored one checked and no other, the
 * saved message only after saving, a note while the server sends no mail,
 * the form's CSRF token, everything escaped and closed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"
#include "view/account_page.h"
#include "view/html.h"
#include "tagcheck.h"

static void
render(const struct account_page *ap, struct strbuf *out)
{
	struct html h;

	html_init(&h, out);
	account_page(&h, ap);
	html_close_to(&h, 0);
}

static int
count(const char *s, const char *what)
{
	int n = 0;

	for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
		n++;
	return n;
}

static void
test_choice_checked(void **state)
{
	struct account_page ap = {
		.email = "ana@example.org", .role = "member of Harlow Mills", .digest = "weekly",
		.csrf = "tok<en>", .saved = 0, .mail_on = 1,
	};
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	render(&ap, &sb);
	assert_non_null(strstr(sb.buf, "Signed in as <strong>ana@example.org</strong> "
	    "(member of Harlow Mills)."));
	assert_int_equal(count(sb.buf, "type=\"radio\" name=\"digest\""), 3);
	/* the digest chosen, and the language: none chosen (docs/i18n.md) */
	assert_int_equal(count(sb.buf, "checked=\"checked\""), 2);
	assert_non_null(strstr(sb.buf, "id=\"lang-none\" value checked=\"checked\""));
	assert_non_null(strstr(sb.buf, "value=\"weekly\" checked=\"checked\""));
	assert_non_null(strstr(sb.buf, "name=\"csrf\" value=\"tok&lt;en&gt;\""));
	assert_null(strstr(sb.buf, "Your choice is saved"));
	assert_null(strstr(sb.buf, "sends no mail"));
	{
		char err[128];

		assert_int_equal(tagcheck(sb.buf, err, sizeof(err), NULL), 0);
	}
	strbuf_release(&sb);
}

static void
test_saved_and_no_mail(void **state)
{
	struct account_page ap = {
		.email = "a@b.c", .role = "admin of the program", .digest = "none", .csrf = "t",
		.saved = 1, .mail_on = 0,
	};
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	render(&ap, &sb);
	assert_non_null(strstr(sb.buf, "role=\"status\">Your choice is saved."));
	assert_non_null(strstr(sb.buf, "This server sends no mail yet"));
	assert_non_null(strstr(sb.buf, "value=\"none\" checked=\"checked\""));
	assert_int_equal(count(sb.buf, "checked=\"checked\""), 2);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_choice_checked),
		cmocka_unit_test(test_saved_and_no_mail),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
