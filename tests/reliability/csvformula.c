/*
 * csvformula FILE... — R14: counts the cells of CSV files that a
 * spreadsheet would take for a formula: a cell (after CSV unquoting) that
 * begins with '=', '+', '-', '@', tab or carriage return, unless the whole
 * cell is a plain number ("-12.50" is a number, not a formula). Prints one
 * line per file and a total; exits 1 when any cell starts a formula (each
 * such cell is printed), 2 on a file it cannot read or parse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "util/banned.h"

struct count {
	const char *file;
	unsigned long row, cells, formulas;
};

static int
is_number(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	return digits > 0 && i == n;
}

static void
cb_cell(void *s, size_t n, void *data)
{
	struct count *c = data;
	const char *t = s;

	c->cells++;
	if (n > 0 && strchr("=+-@\t\r", t[0]) != NULL && !is_number(t, n)) {
		c->formulas++;
		printf("%s: row %lu: a cell starts a formula: %.*s\n", c->file, c->row + 1,
		    (int)(n > 60 ? 60 : n), t);
	}
}

static void
cb_row(int ch, void *data)
{
	(void)ch;
	((struct count *)data)->row++;
}

int
main(int argc, char **argv)
{
	unsigned long files = 0, cells = 0, formulas = 0;
	char buf[65536];

	for (int i = 1; i < argc; i++) {
		struct csv_parser p;
		struct count c = { argv[i], 0, 0, 0 };
		FILE *fp = fopen(argv[i], "rb");
		size_t n;

		if (fp == NULL || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
			fprintf(stderr, "csvformula: %s: cannot read\n", argv[i]);
			return 2;
		}
		while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
			if (csv_parse(&p, buf, n, cb_cell, cb_row, &c) != n) {
				fprintf(stderr, "csvformula: %s: %s\n", argv[i], csv_strerror(csv_error(&p)));
				return 2;
			}
		if (csv_fini(&p, cb_cell, cb_row, &c) != 0) {
			fprintf(stderr, "csvformula: %s: %s\n", argv[i], csv_strerror(csv_error(&p)));
			return 2;
		}
		csv_free(&p);
		fclose(fp);
		files++;
		cells += c.cells;
		formulas += c.formulas;
	}
	printf("R14 formulas: %lu CSV files, %lu cells, %lu start a formula\n", files, cells,
	    formulas);
	return formulas > 0;
}
