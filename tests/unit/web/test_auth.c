/* The CSRF and origin guard of src/web/auth.c, without a server. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "web/authweb.h"
#include "web/web.h"
#include "util/vec.h"

#define TOKEN "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"	/* 43 characters */

static struct web_request *
request(int method, const char *origin, const char *site, const char *host)
{
	struct web_request *req = web_request_new();

	req->method = method;
	req->origin = origin;
	req->sec_fetch_site = site;
	req->host = host;
	return req;
}

static void
test_origin(void **state)
{
	static const struct {
		const char *origin, *site;
		int ok;
	} cases[] = {
		{ NULL, NULL, 1 },
		{ "http://127.0.0.1:8080", NULL, 1 },
		{ "https://127.0.0.1:8080", "same-origin", 1 },
		{ "HTTP://127.0.0.1:8080", NULL, 1 },
		{ "null", "same-origin", 1 },		/* Referrer-Policy: no-referrer */
		{ "null", NULL, 1 },
		{ "null", "cross-site", 0 },
		{ NULL, "cross-site", 0 },
		{ "http://127.0.0.1:8080", "cross-site", 0 },
		{ "http://127.0.0.1:8081", NULL, 0 },
		{ "http://127.0.0.1", NULL, 0 },
		{ "http://127.0.0.1:8080.evil.example", NULL, 0 },
		{ "https://evil.example", NULL, 0 },
		{ "127.0.0.1:8080", NULL, 0 },
		{ "", NULL, 0 },
		{ "ftp://127.0.0.1:8080", NULL, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct web_request *req = request(WEB_POST, cases[i].origin, cases[i].site,
		    "127.0.0.1:8080");

		if (web_origin_ok(req) != cases[i].ok)
			fail_msg("origin '%s', site '%s': expected %d", cases[i].origin ? cases[i].origin : "(none)",
			    cases[i].site ? cases[i].site : "(none)", cases[i].ok);
		web_request_free(req);
	}
	/* without a Host nothing matches */
	{
		struct web_request *req = request(WEB_POST, "http://127.0.0.1:8080", NULL, NULL);

		assert_int_equal(web_origin_ok(req), 0);
		web_request_free(req);
	}
}

/* Runs the guard on req; returns the status it answered, 0 when it let the request through. */
static int
guard(struct web_request *req)
{
	struct web_response res;
	int status;

	memset(&res, 0, sizeof(res));
	strbuf_init(&res.body, 0);
	res.req = req;
	status = web_csrf_guard(req, &res) ? res.status : 0;
	strbuf_release(&res.body);
	VEC_FREE(&res.headers);
	return status;
}

static void
form(struct web_request *req, const char *name, const char *value)
{
	struct web_pair *p = VEC_PUSH(&req->form);

	p->name = name;
	p->value = value;
}

static void
test_guard(void **state)
{
	struct web_request *req;

	(void)state;
	/* GET and HEAD: never checked, even cross-site and without a token */
	req = request(WEB_GET, "https://evil.example", "cross-site", "h");
	req->csrf_token = TOKEN;
	assert_int_equal(guard(req), 0);
	web_request_free(req);

	/* a session without the token, with a wrong one, with the right one */
	for (int m = WEB_POST; m <= WEB_DELETE; m <<= 1) {
		req = request(m, NULL, NULL, "h");
		req->csrf_token = TOKEN;
		assert_int_equal(guard(req), 403);
		form(req, "csrf", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPR");
		assert_int_equal(guard(req), 403);
		web_request_free(req);

		req = request(m, "http://h", "same-origin", "h");
		req->csrf_token = TOKEN;
		form(req, "csrf", TOKEN);
		assert_int_equal(guard(req), 0);
		web_request_free(req);
	}

	/* the right token from another site is still refused */
	req = request(WEB_POST, "https://evil.example", NULL, "h");
	req->csrf_token = TOKEN;
	form(req, "csrf", TOKEN);
	assert_int_equal(guard(req), 403);
	web_request_free(req);

	/* a short or long prefix of the token is not the token */
	req = request(WEB_POST, NULL, NULL, "h");
	req->csrf_token = TOKEN;
	form(req, "csrf", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP");
	assert_int_equal(guard(req), 403);
	web_request_free(req);

	/* no session (anonymous, or a bearer token): only the origin counts */
	req = request(WEB_POST, NULL, NULL, "h");
	assert_int_equal(guard(req), 0);
	web_request_free(req);
	req = request(WEB_PUT, "http://other", NULL, "h");
	assert_int_equal(guard(req), 403);
	web_request_free(req);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_origin),
		cmocka_unit_test(test_guard),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
