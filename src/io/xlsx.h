#ifndef TRELLIS_IO_XLSX_H
#define TRELLIS_IO_XLSX_H
/*
 * The Excel workbook of a program (DESIGN §6: "CSV, JSON and Excel download
 * of every table"): one sheet per trellis/1 CSV table, program to ties, with
 * the same columns and rows as the CSV files (csv_walk), the header row
 * bold and frozen, dates as Excel dates, money as numbers in a currency
 * format, counts and ratings as numbers, booleans as booleans.
 */
#include "../model/model.h"

struct strbuf;

/*
 * Writes p as a workbook to the file path (libxlsxwriter writes a file, not
 * a buffer). Returns 0, or -1 with a message in err.
 */
int xlsx_write(const struct program *p, const char *path, struct strbuf *err);

#endif
