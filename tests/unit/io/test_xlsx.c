/*
 * Unit tests for src/io/xlsx.c: the workbook is a ZIP with one sheet per
 * CSV table; the header is bold, dates are numbers with a date format,
 * money numbers with the currency format, texts shared strings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "io/csv.h"
#include "io/json.h"
#include "io/xlsx.h"
#include "model/validate.h"
#include "util/strbuf.h"

#include "fixture_small.h"

/* The output of cmd (a shell command), in out. */
static void
run(const char *cmd, struct strbuf *out)
{
	FILE *f = popen(cmd, "r");
	char buf[4096];
	size_t n;

	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(out, buf, n);
	assert_int_equal(pclose(f), 0);
}

static void
test_workbook(void **state)
{
	char dir[] = "/tmp/trellis-xlsx-XXXXXX", path[128], cmd[512];
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;
	struct model_error e;
	struct program p;
	FILE *f;
	char magic[2];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/p.xlsx", dir);
	program_init(&p);
	assert_int_equal(json_read_program("small.json", fixture_small, sizeof(fixture_small) - 1, &p, &e), 0);
	assert_int_equal(model_validate(&p, &e), 0);
	assert_int_equal(xlsx_write(&p, path, &err), 0);

	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(magic, 1, 2, f), 2);
	fclose(f);
	assert_memory_equal(magic, "PK", 2);

	/* a place that cannot be written: -1 and a message */
	assert_int_equal(xlsx_write(&p, "/nonexistent-dir/p.xlsx", &err), -1);
	assert_true(err.len > 0);
	if (system("command -v unzip >/dev/null 2>&1") != 0) {
		unlink(path);
		rmdir(dir);
		program_release(&p);
		strbuf_release(&err);
		skip();		/* the contents need unzip to be read */
	}

	/*
	 * one sheet per table, named after it, in the CSV files' order; the
	 * optional ones (the team's answers, actions) only when they have rows
	 */
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' xl/workbook.xml", path);
	run(cmd, &out);
	for (int i = 0; i < CSV__MAX; i++) {
		char name[64];

		snprintf(name, sizeof(name), "<sheet name=\"%.*s\"", (int)(strlen(csv_file_names[i]) - 4),
		    csv_file_names[i]);
		if (csv_file_sparse((enum csv_file)i))
			assert_null(strstr(out.buf, name));
		else
			assert_non_null(strstr(out.buf, name));
	}
	/* the currency and date formats are declared */
	strbuf_reset(&out);
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' xl/styles.xml", path);
	run(cmd, &out);
	assert_non_null(strstr(out.buf, "formatCode=\"&quot;$&quot;#,##0.00\""));
	assert_non_null(strstr(out.buf, "formatCode=\"d mmm yyyy\""));
	assert_non_null(strstr(out.buf, "<b/>"));
	/* decisions (sheet 10): proposed 2015-01-01 is the Excel serial 42005, with a style */
	strbuf_reset(&out);
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' xl/worksheets/sheet10.xml", path);
	run(cmd, &out);
	assert_non_null(strstr(out.buf, "<c r=\"A1\" s=\"1\" t=\"s\">"));
	assert_non_null(strstr(out.buf, "<c r=\"E2\" s=\"2\"><v>42005</v></c>"));
	/* organizations (sheet 2): revenue 6000000 as a number in the currency style */
	strbuf_reset(&out);
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' xl/worksheets/sheet2.xml", path);
	run(cmd, &out);
	assert_non_null(strstr(out.buf, "s=\"3\"><v>6000000</v></c>"));
	assert_non_null(strstr(out.buf, "s=\"3\"><v>12.5</v></c>"));

	unlink(path);
	rmdir(dir);
	program_release(&p);
	strbuf_release(&err);
	strbuf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_workbook),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
