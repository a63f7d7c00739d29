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
#include "../util/strbuf.h"
#include "../util/banned.h"

#define XLSX_STRING_MAX	32767	/* Excel's longest cell text */
#define XLSX_COL_WIDTH	16

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
		keep(sh, worksheet_write_string(sh->ws, row, (lxw_col_t)col, text, fmt));
		return;
	}
	n = XLSX_STRING_MAX;
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	cut = strndup(text, n);
	if (cut == NULL)
		abort();
	keep(sh, worksheet_write_string(sh->ws, row, (lxw_col_t)col, cut, fmt));
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
			keep(sh, worksheet_write_datetime(sh->ws, row, (lxw_col_t)col, &dt, sh->date));
			return;
		}
		break;
	case FT_MONEY:
		keep(sh, worksheet_write_number(sh->ws, row, (lxw_col_t)col, strtod(text, NULL),
		    sh->money));
		return;
	case FT_INT:
	case FT_SMALL:
	case FT_REAL:
		keep(sh, worksheet_write_number(sh->ws, row, (lxw_col_t)col, strtod(text, NULL), NULL));
		return;
	case FT_BOOL:
		keep(sh, worksheet_write_boolean(sh->ws, row, (lxw_col_t)col,
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
	lxw_workbook *wb = workbook_new(path);
	struct sheet sh;
	lxw_error e;

	if (wb == NULL) {
		strbuf_addf(err, "%s: cannot create the workbook", path);
		return -1;
	}
	memset(&sh, 0, sizeof(sh));
	sh.bold = workbook_add_format(wb);
	format_set_bold(sh.bold);
	sh.date = workbook_add_format(wb);
	format_set_num_format(sh.date, "d mmm yyyy");
	sh.money = workbook_add_format(wb);
	format_set_num_format(sh.money, "\"$\"#,##0.00");
	for (int i = 0; i < CSV__MAX; i++) {
		char name[32];

		if (!csv_file_exported((enum csv_file)i, p))
			continue;
		/* the sheet is named after its table: "decisions" */
		snprintf(name, sizeof(name), "%.*s", (int)(strlen(csv_file_names[i]) - 4),
		    csv_file_names[i]);
		if ((sh.ws = workbook_add_worksheet(wb, name)) == NULL) {
			strbuf_addf(err, "%s: cannot add the sheet %s", path, name);
			workbook_close(wb);
			return -1;
		}
		worksheet_set_column(sh.ws, 0, 40, XLSX_COL_WIDTH, NULL);
		worksheet_freeze_panes(sh.ws, 1, 0);
		csv_walk((enum csv_file)i, p, cell, &sh);
	}
	e = workbook_close(wb);
	if (e == LXW_NO_ERROR)
		e = sh.err;
	if (e != LXW_NO_ERROR) {
		strbuf_addf(err, "%s: %s", path, lxw_strerror(e));
		return -1;
	}
	return 0;
}
