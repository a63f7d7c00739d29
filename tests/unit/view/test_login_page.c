/*
 * Unit tests for src/view/login_page.c: the email comes back as typed, the
 * password never; the pre-session token and the next address ride in
 * hidden fields; each problem is in the summary, linked, and beside its
 * field with aria-invalid.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"
#include "view/login_page.h"
#include "tagcheck.h"

static void
test_login_page(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct frame f = { .title = "Sign in", .brand = "Atlantic", .tab = TAB_NONE };
	struct acct_error errs[] = { { "password", "Enter your password." } };
	struct login_page lp = { .frame = &f, .email = "a@x.org", .next = "/i/harlow-mills",
	    .login_token = "LT42", .errs = errs, .nerrs = 1 };
	struct html h;

	(void)state;
	html_init(&h, &sb);
	login_page_write(&h, &lp);
	assert_balanced(sb.buf);
	assert_non_null(strstr(sb.buf, "<h1>Sign in</h1>"));
	assert_non_null(strstr(sb.buf, "name=\"login_token\" value=\"LT42\""));
	assert_non_null(strstr(sb.buf, "name=\"next\" value=\"/i/harlow-mills\""));
	assert_non_null(strstr(sb.buf, "name=\"email\" autocomplete=\"username\" value=\"a@x.org\""));
	/* the password is never written back */
	assert_non_null(strstr(sb.buf, "type=\"password\" id=\"password\" name=\"password\" "
	    "autocomplete=\"current-password\" required aria-invalid=\"true\""));
	assert_non_null(strstr(sb.buf, "<a href=\"#password\">Enter your password.</a>"));
	assert_non_null(strstr(sb.buf, "<p class=\"field-error\" id=\"password-error\">Enter your "
	    "password.</p>"));
	/* no session: no CSRF field, no sign-out */
	assert_null(strstr(sb.buf, "name=\"csrf\""));
	assert_null(strstr(sb.buf, "Sign out"));
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_login_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
