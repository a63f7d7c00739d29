/*
 * util/dynlib: libraries opened on first use (P8, docs/benchmarks.md).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/db.h"
#include "util/dynlib.h"
#include "util/strbuf.h"
#include "web/mhd.h"

/* 1 when a library whose path holds name is mapped into this process */
static int
mapped(const char *name)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[4096];
	int found = 0;

	assert_non_null(f);
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, name) != NULL;
	fclose(f);
	return found;
}

static struct {
	double (*cos)(double);
	double (*floor)(double);
} m;

static void
test_opens_and_fills(void **state)
{
	static const struct dynlib_sym syms[] = {
		DYNLIB_SYM(m, cos, "cos"),
		DYNLIB_SYM(m, floor, "floor"),
	};
	struct dynlib lib = { "libm.so.6", syms, 2, 0, 0, "" };
	struct strbuf err = STRBUF_INIT;

	(void)state;
	assert_int_equal(dynlib_need(&lib, &err), 0);
	assert_int_equal(dynlib_need(&lib, &err), 0);
	assert_string_equal(err.buf, "");
	assert_true(m.cos(0.0) == 1.0);
	assert_true(m.floor(2.5) == 2.0);
	strbuf_release(&err);
}

static void
test_missing_library(void **state)
{
	static void *slot;
	static const struct dynlib_sym syms[] = { { "anything", &slot } };
	struct dynlib lib = { "libtrellis-no-such.so.0", syms, 1, 0, 0, "" };
	struct strbuf err = STRBUF_INIT;

	(void)state;
	assert_int_equal(dynlib_need(&lib, &err), -1);
	assert_non_null(strstr(err.buf, "cannot load libtrellis-no-such.so.0: "));
	/* asked again: the same answer, not a second attempt */
	strbuf_reset(&err);
	assert_int_equal(dynlib_need(&lib, &err), -1);
	assert_non_null(strstr(err.buf, "cannot load libtrellis-no-such.so.0: "));
	strbuf_release(&err);
}

static void
test_missing_symbol(void **state)
{
	static void *slot;
	static const struct dynlib_sym syms[] = { { "trellis_no_such_function", &slot } };
	struct dynlib lib = { "libm.so.6", syms, 1, 0, 0, "" };
	struct strbuf err = STRBUF_INIT;

	(void)state;
	assert_int_equal(dynlib_need(&lib, &err), -1);
	assert_non_null(strstr(err.buf, "cannot load libm.so.6: no symbol trellis_no_such_function"));
	strbuf_release(&err);
}

/* libmicrohttpd and its 20-odd dependencies are mapped by serve, not by every command */
static void
test_mhd_mapped_when_loaded(void **state)
{
	struct strbuf err = STRBUF_INIT;

	(void)state;
	assert_false(mapped("libmicrohttpd"));
	assert_false(mapped("libcurl"));
	assert_false(mapped("libxlsxwriter"));
	assert_int_equal(mhd_load(&err), 0);
	assert_true(mapped("libmicrohttpd"));
	assert_non_null(mhd.start_daemon);
	assert_non_null(mhd.lookup_connection_value);
	strbuf_release(&err);
}

/*
 * libpq and its gssapi, krb5, ldap, ssl ... are mapped by the first
 * postgresql:// target, not by a SQLite command (a database that cannot be
 * reached still loads the library first).
 */
static void
test_pq_mapped_when_pg_opened(void **state)
{
	char path[] = "/tmp/trellis-dynlib-XXXXXX";
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;
	int fd;

	(void)state;
	assert_false(mapped("libpq"));
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	assert_int_equal(db_open(path, 1, &db, &err), 0);
	db_close(db);
	unlink(path);
	assert_false(mapped("libpq"));

	assert_int_equal(db_open("postgresql:///trellis?host=/nonexistent-trellis-dir", 0, &db, &err), -1);
	assert_non_null(strstr(err.buf, "cannot open database postgresql:///trellis"));
	assert_null(strstr(err.buf, "cannot load"));
	assert_true(mapped("libpq"));
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opens_and_fills),
		cmocka_unit_test(test_missing_library),
		cmocka_unit_test(test_missing_symbol),
		cmocka_unit_test(test_mhd_mapped_when_loaded),
		cmocka_unit_test(test_pq_mapped_when_pg_opened),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
