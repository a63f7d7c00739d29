#ifndef TRELLIS_IO_JSON_H
#define TRELLIS_IO_JSON_H
/*
 * trellis/1 JSON (DESIGN §2.2): reading a document into a struct program,
 * and writing one back in a stable layout — one record per line, fields in
 * trellis/1 order, money as dollars ("1234" or "1234.50"), so that import →
 * export → import → export gives identical bytes.
 */
#include <stddef.h>
#include <stdio.h>

#include "../model/model.h"
#include "../model/validate.h"

struct strbuf;
struct kind;

#define JSON_MAX_DEPTH 64

/*
 * Parses the trellis/1 document data[0..len) named name (for errors) into p,
 * which must be empty (program_init). Checks the syntax and type of every
 * field, unknown fields and the format; does not call model_validate.
 * Returns 0, or -1 with e set ("name:line: field: message"); p then holds
 * partial data and must be released.
 */
int json_read_program(const char *name, const char *data, size_t len,
    struct program *p, struct model_error *e);

/*
 * Parses one record of kind k (a trellis/1 record object, its nested lists
 * included: the body of an API create or update) from data[0..len), named
 * name for errors, into rec: zeroed memory of k->size bytes, left holding
 * what was read (release with kind_release either way). The file name is
 * interned in p. Checks the syntax and type of every field and unknown
 * fields, as json_read_program does; does not validate references.
 * Returns 0, or -1 with e set.
 */
int json_read_record(const char *name, const char *data, size_t len, const struct kind *k,
    void *rec, struct program *p, struct model_error *e);

/* json_read_record for data that starts on line line of the file name. */
int json_read_record_at(const char *name, const char *data, size_t len, unsigned line,
    const struct kind *k, void *rec, struct program *p, struct model_error *e);

/*
 * The byte ranges of a trellis/1 document's initiatives (the streaming
 * JSON import, app/import.c): its top-level "initiatives" array spans
 * bytes [open, close] (the brackets, on lines open_line and close_line),
 * each element v[i] bytes [off, off + len) from line line. Reads fp to its
 * end, a chunk at a time, looking only at strings, brackets and braces.
 * Returns 1, or 0 when the document is not such (malformed, no or two
 * "initiatives" arrays, an element that is not an object): the whole
 * read then says why.
 */
struct json_slice {
	size_t off, len;
	unsigned line;
};
struct json_slices {
	size_t open, close;
	unsigned open_line, close_line;
	VEC(struct json_slice) v;
};
int json_scan_initiatives(FILE *fp, struct json_slices *out);

/* Appends p as a trellis/1 document to out. Built-in instruments are left out. */
void json_write_program(const struct program *p, struct strbuf *out);

/*
 * Appends one record rec of kind k (any kind of fields.h, its nested lists
 * included) as a JSON object with its trellis/1 fields to out: the audit
 * log's before and after.
 */
void json_write_record(struct strbuf *out, const struct kind *k, const void *rec);

/*
 * As json_write_record, but without the record arrays beneath rec (an
 * initiative's decisions, grants, ...: records of their own), so that an
 * edit of an initiative's own fields is logged as just those. A record's
 * child lists (budget lines, responses) are kept.
 */
void json_write_record_own(struct strbuf *out, const struct kind *k, const void *rec);

/* Appends s as a JSON string literal (quoted, escaped) to out. */
void json_write_string(struct strbuf *out, const char *s);

#endif
