/*
 * Unit tests for cli_write_pieces (cli/cli.h): the pieces land one after
 * another, a file piece read from its start whatever was read of it
 * before, into the path through a rename; a failed write says so and
 * leaves no file behind.
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

#include "cli/cli.h"
#include "util/banned.h"

/* The whole of path, NUL-terminated, or NULL; *len its length. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static void
test_pieces_in_order(void **state)
{
	char dir[] = "/tmp/trellis-write-XXXXXX", path[64];
	FILE *spool = tmpfile();
	struct cli_piece pieces[3];
	size_t big = 200000, len = 0;
	char *got, *want;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_non_null(spool);
	snprintf(path, sizeof(path), "%s/page.html", dir);
	/* more than one block of the spool, written and left at its end */
	for (size_t i = 0; i < big; i++)
		fputc('a' + (int)(i % 26), spool);
	pieces[0] = (struct cli_piece){ "<head>", 6, NULL };
	pieces[1] = (struct cli_piece){ NULL, 0, spool };
	pieces[2] = (struct cli_piece){ "</html>\n", 8, NULL };
	assert_int_equal(cli_write_pieces(path, pieces, 3), 0);
	got = slurp(path, &len);
	assert_non_null(got);
	assert_int_equal(len, 6 + big + 8);
	want = malloc(len + 1);
	assert_non_null(want);
	memcpy(want, "<head>", 6);
	for (size_t i = 0; i < big; i++)
		want[6 + i] = (char)('a' + (int)(i % 26));
	memcpy(want + 6 + big, "</html>\n", 9);
	assert_memory_equal(got, want, len);
	/* written again: the same, the spool read from its start once more */
	assert_int_equal(cli_write_pieces(path, pieces, 3), 0);
	free(got);
	got = slurp(path, &len);
	assert_int_equal(len, 6 + big + 8);
	assert_memory_equal(got, want, len);
	free(got);
	free(want);
	fclose(spool);
	unlink(path);
	rmdir(dir);
}

/* A directory that is not there: -1, and no file where it was asked for. */
static void
test_failure(void **state)
{
	const struct cli_piece piece = { "x", 1, NULL };

	(void)state;
	assert_int_equal(cli_write_pieces("/nonexistent-dir-of-trellis/out.json", &piece, 1), -1);
	assert_int_equal(access("/nonexistent-dir-of-trellis/out.json", F_OK), -1);
}

/* cli_write_file is the one-piece case. */
static void
test_write_file(void **state)
{
	char dir[] = "/tmp/trellis-write-XXXXXX", path[64];
	size_t len = 0;
	char *got;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a.json", dir);
	assert_int_equal(cli_write_file(path, "[1,2]\n", 6), 0);
	got = slurp(path, &len);
	assert_int_equal(len, 6);
	assert_memory_equal(got, "[1,2]\n", 6);
	free(got);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces_in_order),
		cmocka_unit_test(test_failure),
		cmocka_unit_test(test_write_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
