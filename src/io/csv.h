#ifndef TRELLIS_IO_CSV_H
#define TRELLIS_IO_CSV_H
/*
 * trellis/1 CSV (DESIGN §2.2): one file per record kind, named after the
 * kind ("decisions.csv"), with the trellis/1 field names as headers, the
 * initiative's slug as the first column of every initiative-level kind,
 * lists joined by ';', nested objects flattened with '_'. See docs/formats.md.
 */
#include <stddef.h>

#include "../model/model.h"
#include "../model/validate.h"

struct strbuf;

/* The CSV files, in the order they are written and read. */
enum csv_file {
	CSV_PROGRAM, CSV_ORGANIZATIONS, CSV_PEOPLE, CSV_INSTRUMENTS, CSV_LEARNING,
	CSV_INITIATIVES, CSV_OBSERVATIONS, CSV_MEMBERS, CSV_RESPONSIBILITIES,
	CSV_DECISIONS, CSV_GRANTS, CSV_LEDGER, CSV_APPLICATIONS, CSV_CREDITS,
	CSV_CONTRIBUTIONS, CSV_CHECKINS, CSV_EVENTS, CSV_SURVEYS, CSV_TIES,
	CSV_PROPOSALS, CSV__MAX
};

/* "decisions.csv" and so on, indexed by enum csv_file. */
extern const char *const csv_file_names[CSV__MAX];

/*
 * Whether file which is part of p's export: every file is, except the one
 * of an optional list (proposals.csv) when no initiative of p has any, so
 * that an export without them stays as it was.
 */
int csv_file_exported(enum csv_file which, const struct program *p);
/* Whether file which holds an optional list (proposals.csv): one a writer may leave out. */
int csv_file_optional(enum csv_file which);

/* Returns the csv_file whose name is the base name of path, or -1. */
int csv_file_for_path(const char *path);

/*
 * Reads the CSV file data[0..len) of kind which, named name (for errors),
 * and appends its records to p (which may already hold a program loaded
 * from the store). A UTF-8 BOM is skipped. Returns 0, or -1 with e set
 * ("name:line: field: message"); p may then hold part of the file.
 */
int csv_read(enum csv_file which, const char *name, const char *data, size_t len,
    struct program *p, struct model_error *e);

/*
 * csv_read of the file at path (named so in errors), read a chunk at a
 * time: never held whole in memory.
 */
int csv_read_path(enum csv_file which, const char *path, struct program *p,
    struct model_error *e);

/*
 * A file whose list has a "given" flag (responsibilities.csv) gives that
 * list for every initiative of p: sets the flag on them all (csv_read does
 * this itself; a streaming import, before it reads the rows).
 */
void csv_lists_given(enum csv_file which, struct program *p);

/*
 * Reading an initiative-level file (observations.csv … ties.csv) one
 * initiative at a time, a chunk at a time (app/import.c's streaming
 * import). csv_stream_read reads the file's next rows while their
 * initiative column is slug into that initiative of p (whose records
 * their references are looked up in), and stops at the first row of
 * another initiative, which it keeps for a later call. Errors as
 * csv_read's ("path:line: field: message"). csv_stream_end checks that
 * no row is left (-1 with e set at the first one left: its initiative
 * came before). Rows grouped in another order than the calls' are never
 * read: check with csv_file_grouped first. With data set the input is
 * data[0..len), read in place (an upload), and path only names it.
 */
struct csv_stream;
struct csv_stream *csv_stream_open(enum csv_file which, const char *path, const char *data,
    size_t len, struct program *p, struct model_error *e);
int csv_stream_read(struct csv_stream *cs, struct program *p, const char *slug,
    struct model_error *e);
int csv_stream_end(struct csv_stream *cs, struct model_error *e);
void csv_stream_close(struct csv_stream *cs);

/*
 * Whether the rows of the initiative-level file at path are grouped by
 * initiative in the order of p's initiatives (p's initiative index built:
 * model_validate): each initiative's rows together, every initiative one
 * of p's. A full parse that keeps nothing. Returns 1, 0 (also when the
 * file has a problem, which reading it whole then reports where it is),
 * or -1 with e set when it cannot be opened. data, len as for
 * csv_stream_open.
 */
int csv_file_grouped(enum csv_file which, const char *path, const char *data, size_t len,
    struct program *p, struct model_error *e);

/* Appends the CSV file which of p (header line included) to out. */
void csv_write(enum csv_file which, const struct program *p, struct strbuf *out);

/*
 * Walks file which of p as csv_write writes it, cell by cell: row 0 is the
 * header (names), then one row per CSV line. f is the field behind the
 * cell (its type says how to read text), NULL for the header, the
 * initiative column and a response's number. text is the CSV cell's text,
 * "" when absent. For the Excel export, whose sheets are these tables.
 */
struct field;
typedef void (*csv_cell_fn)(void *arg, unsigned row, unsigned col, const struct field *f,
    const char *text);
void csv_walk(enum csv_file which, const struct program *p, csv_cell_fn fn, void *arg);

#endif
