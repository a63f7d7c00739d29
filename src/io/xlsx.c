/*
 * The Excel workbook (xlsx.h) with libxlsxwriter: the CSV tables, cell by
 * cell from csv_walk, so the sheets and the CSV files can never disagree
 * on columns or rows. Only the cell types are this file's own.
 */
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "csv.h"
#include "xlsx.h"
#include "../model/fields.h"
#include "../util/date.h"
#include "../util/dynlib.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define XLSX_STRING_MAX	32767	/* Excel's longest cell text */
#define XLSX_COL_WIDTH	16

/* libxlsxwriter, opened by the first xlsx export (util/dynlib.h says why) */
static struct {
	__typeof__(workbook_new) *workbook_new;
	__typeof__(workbook_add_format) *workbook_add_format;
	__typeof__(workbook_add_worksheet) *workbook_add_worksheet;
	__typeof__(workbook_close) *workbook_close;
	__typeof__(format_set_bold) *format_set_bold;
	__typeof__(format_set_num_format) *format_set_num_format;
	__typeof__(worksheet_set_column) *worksheet_set_column;
	__typeof__(worksheet_freeze_panes) *worksheet_freeze_panes;
	__typeof__(worksheet_write_string) *worksheet_write_string;
	__typeof__(worksheet_write_datetime) *worksheet_write_datetime;
	__typeof__(worksheet_write_number) *worksheet_write_number;
	__typeof__(worksheet_write_boolean) *worksheet_write_boolean;
	__typeof__(lxw_strerror) *error_text;
} lxw;

static const struct dynlib_sym lxw_syms[] = {
	DYNLIB_SYM(lxw, workbook_new, "workbook_new"),
	DYNLIB_SYM(lxw, workbook_add_format, "workbook_add_format"),
	DYNLIB_SYM(lxw, workbook_add_worksheet, "workbook_add_worksheet"),
	DYNLIB_SYM(lxw, workbook_close, "workbook_close"),
	DYNLIB_SYM(lxw, format_set_bold, "format_set_bold"),
	DYNLIB_SYM(lxw, format_set_num_format, "format_set_num_format"),
	DYNLIB_SYM(lxw, worksheet_set_column, "worksheet_set_column"),
	DYNLIB_SYM(lxw, worksheet_freeze_panes, "worksheet_freeze_panes"),
	DYNLIB_SYM(lxw, worksheet_write_string, "worksheet_write_string"),
	DYNLIB_SYM(lxw, worksheet_write_datetime, "worksheet_write_datetime"),
	DYNLIB_SYM(lxw, worksheet_write_number, "worksheet_write_number"),
	DYNLIB_SYM(lxw, worksheet_write_boolean, "worksheet_write_boolean"),
	DYNLIB_SYM(lxw, error_text, "lxw_strerror"),
};

_Static_assert(sizeof(TRELLIS_SONAME_XLSXWRITER) > 1, "the Makefile passes the SONAME");
static struct dynlib lxw_lib = {
	TRELLIS_SONAME_XLSXWRITER, lxw_syms, sizeof(lxw_syms) / sizeof(lxw_syms[0]), 0, 0, ""
};

struct sheet {
	lxw_worksheet *ws;
	lxw_format *bold, *date, *money;
	lxw_error err;		/* the first error of a write */
};

static void
keep(struct sheet *sh, lxw_error e)
{
	if (sh->err == LXW_NO_ERROR && e != LXW_NO_ERROR)
		sh->err = e;
}

/* Writes text, cut at a UTF-8 character boundary when it is longer than Excel allows. */
static void
write_text(struct sheet *sh, unsigned row, unsigned col, const char *text, lxw_format *fmt)
{
	size_t n = strlen(text);
	char *cut;

	if (n <= XLSX_STRING_MAX) {
		keep(sh, lxw.worksheet_write_string(sh->ws, row, (lxw_col_t)col, text, fmt));
		return;
	}
	n = XLSX_STRING_MAX;
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	cut = strndup(text, n);
	if (cut == NULL)
		abort();
	keep(sh, lxw.worksheet_write_string(sh->ws, row, (lxw_col_t)col, cut, fmt));
	free(cut);
}

static void
cell(void *arg, unsigned row, unsigned col, const struct field *f, const char *text)
{
	struct sheet *sh = arg;
	tdate d;

	if (row == 0) {
		write_text(sh, row, col, text, sh->bold);
		return;
	}
	if (*text == '\0')
		return;
	switch (f ? f->type : FT_STR) {
	case FT_DATE:
		if (date_parse(text, &d) == 0) {
			lxw_datetime dt = { 0, 0, 0, 0, 0, 0 };

			date_to_ymd(d, &dt.year, &dt.month, &dt.day);
			keep(sh, lxw.worksheet_write_datetime(sh->ws, row, (lxw_col_t)col, &dt, sh->date));
			return;
		}
		break;
	case FT_MONEY:
		keep(sh, lxw.worksheet_write_number(sh->ws, row, (lxw_col_t)col, strtod(text, NULL),
		    sh->money));
		return;
	case FT_INT:
	case FT_SMALL:
	case FT_REAL:
		keep(sh, lxw.worksheet_write_number(sh->ws, row, (lxw_col_t)col, strtod(text, NULL), NULL));
		return;
	case FT_BOOL:
		keep(sh, lxw.worksheet_write_boolean(sh->ws, row, (lxw_col_t)col,
		    strcmp(text, "true") == 0, NULL));
		return;
	default:
		break;
	}
	write_text(sh, row, col, text, NULL);
}

int
xlsx_write(const struct program *p, const char *path, struct strbuf *err)
{
	lxw_workbook *wb;
	struct sheet sh;
	lxw_error e;

	struct strbuf why = STRBUF_INIT;

	if (dynlib_need(&lxw_lib, &why)) {
		strbuf_addf(err, "%s: %s", path, why.buf);
		strbuf_release(&why);
		return -1;
	}
	if ((wb = lxw.workbook_new(path)) == NULL) {
		strbuf_addf(err, _("%s: cannot create the workbook"), path);
		return -1;
	}
	memset(&sh, 0, sizeof(sh));
	sh.bold = lxw.workbook_add_format(wb);
	lxw.format_set_bold(sh.bold);
	sh.date = lxw.workbook_add_format(wb);
	lxw.format_set_num_format(sh.date, "d mmm yyyy");
	sh.money = lxw.workbook_add_format(wb);
	lxw.format_set_num_format(sh.money, "\"$\"#,##0.00");
	for (int i = 0; i < CSV__MAX; i++) {
		char name[32];

		if (csv_file_omitted((enum csv_file)i, p))
			continue;
		/* the sheet is named after its table: "decisions" */
		snprintf(name, sizeof(name), "%.*s", (int)(strlen(csv_file_names[i]) - 4),
		    csv_file_names[i]);
		if ((sh.ws = lxw.workbook_add_worksheet(wb, name)) == NULL) {
			strbuf_addf(err, _("%s: cannot add the sheet %s"), path, name);
			lxw.workbook_close(wb);
			return -1;
		}
		lxw.worksheet_set_column(sh.ws, 0, 40, XLSX_COL_WIDTH, NULL);
		lxw.worksheet_freeze_panes(sh.ws, 1, 0);
		csv_walk((enum csv_file)i, p, cell, &sh);
	}
	e = lxw.workbook_close(wb);
	if (e == LXW_NO_ERROR)
		e = sh.err;
	if (e != LXW_NO_ERROR) {
		strbuf_addf(err, "%s: %s", path, lxw.error_text(e));
		return -1;
	}
	return 0;
}
