/*
 * A program's addresses (util/url.h, docs/web.md): a path on the site put
 * into a program, and a path split into its program and the path inside.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/strbuf.h"
#include "util/url.h"

static void
in(const char *program, const char *path, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	url_in_program(&sb, program, path);
	assert_string_equal(sb.buf, want);
	strbuf_release(&sb);
}

static void
test_in_program(void **state)
{
	(void)state;
	in("nb", "/", "/p/nb/");
	in("nb", "/i/x/decisions?as_of=2016-01-01", "/p/nb/i/x/decisions?as_of=2016-01-01");
	in("nb", "/program/settings", "/p/nb/program/settings");
	in("nb", "/api/v1/initiatives/x", "/api/v1/programs/nb/initiatives/x");
	/* the API's root is its documentation, a page */
	in("nb", "/api/v1", "/p/nb/api/v1");
	in("nb", "/api", "/p/nb/api");
	/* not the program's: the stylesheet, other sites, fragments, relative or empty */
	in("nb", "/static/trellis.css", "/static/trellis.css");
	in("nb", "//evil.example/x", "//evil.example/x");
	in("nb", "https://example.org/", "https://example.org/");
	in("nb", "#top", "#top");
	in("nb", "", "");
	/* "/statics" is not the stylesheet's folder, "/api/v10" not the API */
	in("nb", "/statics", "/p/nb/statics");
	in("nb", "/api/v10/x", "/p/nb/api/v10/x");
	/* no program (a server of one): unchanged */
	in(NULL, "/i/x", "/i/x");
}

static int
split(const char *path, const char *program, const char *rest)
{
	struct strbuf p = STRBUF_INIT, r = STRBUF_INIT;
	int ret = url_program_split(path, &p, &r);

	if (ret == 1) {
		assert_string_equal(p.buf, program);
		assert_string_equal(r.buf, rest);
	} else {
		assert_int_equal(p.len, 0);
		assert_int_equal(r.len, 0);
	}
	strbuf_release(&p);
	strbuf_release(&r);
	return ret;
}

static void
test_split(void **state)
{
	(void)state;
	assert_int_equal(split("/p/nb/i/x", "nb", "/i/x"), 1);
	assert_int_equal(split("/p/nb", "nb", "/"), 1);
	assert_int_equal(split("/p/nb/", "nb", "/"), 1);
	assert_int_equal(split("/p/nb/program/edit", "nb", "/program/edit"), 1);
	assert_int_equal(split("/api/v1/programs/nb/initiatives", "nb", "/api/v1/initiatives"), 1);
	assert_int_equal(split("/api/v1/programs/nb", "nb", "/api/v1/program"), 1);
	assert_int_equal(split("/api/v1/programs/nb/program/settings", "nb",
	    "/api/v1/program/settings"), 1);
	/* still encoded: the server decodes the program's name */
	assert_int_equal(split("/p/n%62/i/x", "n%62", "/i/x"), 1);
	/* an empty program's name is no program's page */
	assert_int_equal(split("/p//i/x", NULL, NULL), -1);
	assert_int_equal(split("/api/v1/programs//x", NULL, NULL), -1);
	/* paths that name none */
	assert_int_equal(split("/i/x", NULL, NULL), 0);
	assert_int_equal(split("/", NULL, NULL), 0);
	assert_int_equal(split("/program/x", NULL, NULL), 0);
	assert_int_equal(split("/pp/x", NULL, NULL), 0);
	assert_int_equal(split("/api/v1/programsx/nb", NULL, NULL), 0);
}

/* What one puts in, the other takes out. */
static void
test_round_trip(void **state)
{
	static const char *const paths[] = { "/", "/i/x", "/program/settings", "/api/v1/initiatives",
	    "/api/v1", "/api",
	    "/api/v1/program/settings", "/admin/audit" };

	(void)state;
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct strbuf url = STRBUF_INIT;

		url_in_program(&url, "nb", paths[i]);
		assert_int_equal(split(url.buf, "nb", paths[i]), 1);
		strbuf_release(&url);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_program),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
