/* The router and the decoders of src/web: matching, captures, access, strict decoding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "web/router.h"

static int
h_dummy(struct web_request *req, struct web_response *res)
{
	(void)req;
	(void)res;
	return 0;
}

static const struct web_route table[] = {
	{ WEB_GET, "/", WEB_READERS, h_dummy, 0 },
	{ WEB_GET, "/i/{slug}", WEB_READERS, h_dummy, 0 },
	{ WEB_GET, "/i/{slug}/{kind}/{id}", WEB_READERS, h_dummy, 0 },
	{ WEB_POST, "/i/{slug}/{kind}/{id}", WEB_EDITORS, h_dummy, 0 },
	{ WEB_GET, "/static/trellis.css", WEB_ANYONE, h_dummy, 0 },
	{ WEB_GET, "/admin/users", WEB_ADMIN, h_dummy, 0 },
};
#define N (sizeof(table) / sizeof(table[0]))

static void
test_match(void **state)
{
	char buf[256];
	struct web_match m;

	(void)state;
	assert_int_equal(web_route_match(table, N, "/", WEB_GET, buf, &m), WEB_MATCH_OK);
	assert_ptr_equal(m.route, &table[0]);
	assert_int_equal(web_route_match(table, N, "/", WEB_HEAD, buf, &m), WEB_MATCH_OK);
	assert_int_equal(web_route_match(table, N, "/i/a-b", WEB_GET, buf, &m), WEB_MATCH_OK);
	assert_ptr_equal(m.route, &table[1]);
	assert_string_equal(m.slug, "a-b");
	assert_null(m.kind);
	assert_int_equal(web_route_match(table, N, "/i/x/decisions/d%2D1", WEB_POST, buf, &m), WEB_MATCH_OK);
	assert_ptr_equal(m.route, &table[3]);
	assert_string_equal(m.slug, "x");
	assert_string_equal(m.kind, "decisions");
	assert_string_equal(m.id, "d-1");
	/* an encoded slash stays in its segment */
	assert_int_equal(web_route_match(table, N, "/i/x%2Fdecisions", WEB_GET, buf, &m), WEB_MATCH_OK);
	assert_string_equal(m.slug, "x/decisions");
	assert_int_equal(web_route_match(table, N, "/nowhere", WEB_GET, buf, &m), WEB_MATCH_NONE);
	assert_int_equal(web_route_match(table, N, "/i/", WEB_GET, buf, &m), WEB_MATCH_NONE);
	assert_int_equal(web_route_match(table, N, "/i/x/", WEB_GET, buf, &m), WEB_MATCH_NONE);
	assert_int_equal(web_route_match(table, N, "/i/x/y", WEB_GET, buf, &m), WEB_MATCH_NONE);
	assert_int_equal(web_route_match(table, N, "/static/trellis.cs", WEB_GET, buf, &m), WEB_MATCH_NONE);
	assert_int_equal(web_route_match(table, N, "/", WEB_POST, buf, &m), WEB_MATCH_METHOD);
	assert_int_equal(m.allow, WEB_GET | WEB_HEAD);
	assert_int_equal(web_route_match(table, N, "/i/a/b/c", WEB_DELETE, buf, &m), WEB_MATCH_METHOD);
	assert_int_equal(m.allow, WEB_GET | WEB_HEAD | WEB_POST);
	assert_int_equal(web_route_match(table, N, "/i/%zz", WEB_GET, buf, &m), -1);
	assert_int_equal(web_route_match(table, N, "/i/%0a", WEB_GET, buf, &m), -1);
	assert_int_equal(web_route_match(table, N, "/i/%00", WEB_GET, buf, &m), -1);
	assert_int_equal(web_route_match(table, N, "/i/%", WEB_GET, buf, &m), -1);
	assert_int_equal(web_route_match(table, N, "noslash", WEB_GET, buf, &m), -1);
}

/* The most literal row wins whatever the order of the rows; captures are those of that row. */
static void
test_literal_first(void **state)
{
	static const struct web_route t2[] = {
		{ WEB_GET, "/i/{slug}/{kind}/{id}", WEB_READERS, h_dummy, 0 },
		{ WEB_GET, "/i/{slug}/{kind}", WEB_READERS, h_dummy, 0 },
		{ WEB_GET, "/i/{slug}/{kind}/new", WEB_EDITORS, h_dummy, 0 },
		{ WEB_GET, "/i/{slug}/export", WEB_READERS, h_dummy, 0 },
		{ WEB_POST, "/i/{slug}/team/raci", WEB_EDITORS, h_dummy, 0 },
		{ WEB_POST, "/i/{slug}/{kind}/{id}", WEB_EDITORS, h_dummy, 0 },
	};
	char buf[256];
	struct web_match m;
	size_t n = sizeof(t2) / sizeof(t2[0]);

	(void)state;
	assert_int_equal(web_route_match(t2, n, "/i/x/decisions/new", WEB_GET, buf, &m), WEB_MATCH_OK);
	assert_ptr_equal(m.route, &t2[2]);
	assert_string_equal(m.kind, "decisions");
	assert_null(m.id);
	assert_int_equal(web_route_match(t2, n, "/i/x/decisions/d-1", WEB_GET, buf, &m), WEB_MATCH_OK);
	assert_ptr_equal(m.route, &t2[0]);
	assert_string_equal(m.id, "d-1");
	assert_int_equal(web_route_match(t2, n, "/i/x/export", WEB_GET, buf, &m), WEB_MATCH_OK);
	assert_ptr_equal(m.route, &t2[3]);
	assert_null(m.kind);
	assert_int_equal(web_route_match(t2, n, "/i/x/grants", WEB_GET, buf, &m), WEB_MATCH_OK);
	assert_ptr_equal(m.route, &t2[1]);
	assert_int_equal(web_route_match(t2, n, "/i/x/team/raci", WEB_POST, buf, &m), WEB_MATCH_OK);
	assert_ptr_equal(m.route, &t2[4]);
	assert_null(m.kind);
	assert_null(m.id);
	/* a literal row of another method does not hide the captured one */
	assert_int_equal(web_route_match(t2, n, "/i/x/team/raci", WEB_GET, buf, &m), WEB_MATCH_OK);
	assert_ptr_equal(m.route, &t2[0]);
	assert_string_equal(m.kind, "team");
}

static void
test_access(void **state)
{
	struct web_user admin = { 1, "a@x", WEB_ADMIN, NULL };
	struct web_user member = { 2, "m@x", WEB_MEMBER, "a" };
	struct web_user viewer = { 3, "v@x", WEB_VIEWER, "a" };
	struct web_user eval = { 4, "e@x", WEB_EVALUATOR, NULL };

	(void)state;
	assert_int_equal(web_access(&table[4], NULL, NULL), WEB_ALLOW);
	assert_int_equal(web_access(&table[0], NULL, NULL), WEB_DENY_LOGIN);
	assert_int_equal(web_access(&table[1], &admin, "b"), WEB_ALLOW);
	assert_int_equal(web_access(&table[1], &member, "a"), WEB_ALLOW);
	assert_int_equal(web_access(&table[1], &member, "b"), WEB_DENY_HIDDEN);
	assert_int_equal(web_access(&table[3], &member, "b"), WEB_DENY_HIDDEN);
	assert_int_equal(web_access(&table[3], &member, "a"), WEB_ALLOW);
	assert_int_equal(web_access(&table[3], &viewer, "a"), WEB_DENY_FORBIDDEN);
	assert_int_equal(web_access(&table[3], &viewer, "b"), WEB_DENY_HIDDEN);
	assert_int_equal(web_access(&table[3], &eval, "a"), WEB_DENY_FORBIDDEN);
	assert_int_equal(web_access(&table[1], &eval, "a"), WEB_ALLOW);
	assert_int_equal(web_access(&table[5], &member, NULL), WEB_DENY_FORBIDDEN);
	assert_int_equal(web_access(&table[5], &admin, NULL), WEB_ALLOW);
}

static void
test_decode(void **state)
{
	char s[64];

	(void)state;
	memcpy(s, "a+b%20c%C3%A9", 14);
	assert_int_equal(web_urldecode(s, 1), 0);
	assert_string_equal(s, "a b c\xc3\xa9");
	memcpy(s, "a+b", 4);
	assert_int_equal(web_urldecode(s, 0), 0);
	assert_string_equal(s, "a+b");
	memcpy(s, "%4", 3);
	assert_int_equal(web_urldecode(s, 1), -1);
	memcpy(s, "%g0", 4);
	assert_int_equal(web_urldecode(s, 1), -1);
	memcpy(s, "%00", 4);
	assert_int_equal(web_urldecode(s, 1), -1);
	memcpy(s, "%C0%80", 7);	/* overlong NUL */
	assert_int_equal(web_urldecode(s, 1), -1);
	memcpy(s, "%ED%A0%80", 10);	/* a surrogate */
	assert_int_equal(web_urldecode(s, 1), -1);
	memcpy(s, "%F4%90%80%80", 13);	/* beyond U+10FFFF */
	assert_int_equal(web_urldecode(s, 1), -1);
	assert_true(web_utf8_valid("\xf0\x9f\x98\x80", 4));
	assert_false(web_utf8_valid("\xf0\x9f\x98", 3));
}

static void
test_parse(void **state)
{
	struct web_request *req = web_request_new();
	const char *q = "a=1&b=&c&&=x&a=2&sp=x+y%21";

	(void)state;
	assert_int_equal(web_parse_urlencoded(req, q, strlen(q), &req->query), 0);
	assert_int_equal(req->query.n, 5);
	req->method = WEB_GET;
	assert_string_equal(web_param(req, "a"), "1");
	assert_string_equal(web_query(req, "b"), "");
	assert_string_equal(web_query(req, "c"), "");
	assert_string_equal(web_query(req, "sp"), "x y!");
	assert_null(web_query(req, "zz"));
	/* POST: web_param reads the form, never the query */
	req->method = WEB_POST;
	assert_null(web_param(req, "a"));
	assert_int_equal(web_parse_urlencoded(req, "a=%zz", 5, &req->form), -1);
	assert_int_equal(web_parse_urlencoded(req, "=%zz", 4, &req->form), -1);
	assert_int_equal(web_parse_cookies(req, " sid=abc ; x=\"q\";bad; =y; z = 1 ", &req->cookies), 0);
	assert_string_equal(web_cookie(req, "sid"), "abc");
	assert_string_equal(web_cookie(req, "x"), "q");
	assert_string_equal(web_cookie(req, "z"), "1");
	assert_null(web_cookie(req, "bad"));
	assert_int_equal(web_role_parse("viewer"), WEB_VIEWER);
	assert_int_equal(web_role_parse("king"), 0);
	assert_string_equal(web_role_name(WEB_EVALUATOR), "evaluator");
	assert_int_equal(web_method_parse("GET"), WEB_GET);
	assert_int_equal(web_method_parse("get"), 0);
	web_request_free(req);
}

static void
test_limits(void **state)
{
	struct web_request *req = web_request_new();
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	for (int i = 0; i <= WEB_PARAMS_MAX; i++)
		strbuf_addf(&sb, "p%d=1&", i);
	assert_int_equal(web_parse_urlencoded(req, sb.buf, sb.len, &req->query), -1);
	/* a big arena allocation and many small ones, all freed with the request */
	memset(web_alloc(req, 100000), 1, 100000);
	for (int i = 0; i < 1000; i++)
		assert_non_null(web_strdup(req, "text"));
	strbuf_release(&sb);
	web_request_free(req);
}

static void
test_response(void **state)
{
	struct web_request *req = web_request_new();
	struct web_response res;

	(void)state;
	memset(&res, 0, sizeof(res));
	strbuf_init(&res.body, 0);
	res.req = req;
	assert_int_equal(web_header_add(&res, "X-A", "ok"), 0);
	assert_int_equal(web_header_add(&res, "X-B", "bad\r\nSet-Cookie: x=1"), -1);
	assert_int_equal(res.headers.n, 1);
	web_redirect(&res, "//evil.example/");
	assert_int_equal(res.status, 303);
	assert_string_equal(res.location, "/");
	web_redirect(&res, "/i/x?y=1");
	assert_string_equal(res.location, "/i/x?y=1");
	req->api = 1;
	web_error(&res, 404, "No \"such\" thing");
	assert_int_equal(res.status, 404);
	assert_string_equal(res.body.buf, "{\"status\": 404, \"message\": \"No \\\"such\\\" thing\"}\n");
	assert_null(res.location);
	req->api = 0;
	web_error(&res, 400, "<script>");
	assert_non_null(strstr(res.body.buf, "&lt;script&gt;"));
	assert_null(strstr(res.body.buf, "<script>"));
	strbuf_release(&res.body);
	VEC_FREE(&res.headers);
	web_request_free(req);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_literal_first),
		cmocka_unit_test(test_access),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_response),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
