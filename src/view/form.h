#ifndef TRELLIS_FORM_H
#define TRELLIS_FORM_H
/*
 * Forms and lists of any record kind, built from the field tables
 * (fields.h) so that every kind gets the same labels, inputs, error
 * messages and columns without a line of its own (PAGES.md "Lists and
 * forms").
 *
 * A form field's name and HTML id are the field's path: "title",
 * "director.person" (a nested object), "lines.0.amount" (a row of a child
 * list), "assignments.ORG" (a RACI letter). Lists of references and enum
 * values are repeated fields of the same name (checkboxes).
 *
 * Forms are shown either from a record (values as stored) or from what was
 * typed (form_input): a form that comes back with errors keeps every value
 * as the person typed it.
 */
#include <stddef.h>

#include "html.h"
#include "../model/fields.h"
#include "../model/model.h"
#include "../model/validate.h"
#include "../util/vec.h"

struct strbuf;

/* A typed name and value (the request's form fields, copied). */
struct form_pair {
	const char *name;
	const char *value;
};
struct form_input {
	const struct form_pair *v;
	size_t n;
};

/* One problem with a field: its path ("" or a path no field has: summary only). */
struct form_error {
	char path[128];
	char msg[512];
};
typedef VEC(struct form_error) form_errors;
/* Adds a problem to errs (path may be NULL). */
void form_error_add(form_errors *errs, const char *path, const char *msg);

/* What the pickers draw from: the program and the record's initiative (may be NULL). */
struct form_ctx {
	const struct program *p;
	const struct initiative *in;
};

/* The first value typed for name, or NULL. */
const char *form_get(const struct form_input *in, const char *name);

/* Whether a field is edited by form_fields (lists of answers and survey responses are not). */
int form_field_editable(const struct field *f);

/*
 * Builds rec (zeroed, of kind k) from what was typed, field by field with
 * field_from_text, adding each field's problem to errs. Fields that are
 * not editable are left empty. Returns the number of problems found.
 */
int form_parse(const struct kind *k, void *rec, const struct form_input *in, form_errors *errs);

/*
 * Writes the summary of errs at the top of a form (nothing when empty):
 * a heading and a list of links to each field (#path).
 */
void form_error_summary(struct html *h, const form_errors *errs);
/* The same, each field named by label(ctx, path) (nothing: the message unlinked). */
void form_error_summary_named(struct html *h, const form_errors *errs,
    void (*label)(const void *ctx, const char *path, struct strbuf *out), const void *ctx);
/* The message of errs for path, or NULL. */
const char *form_error_for(const form_errors *errs, const char *path);

/*
 * Writes every editable field of k with its label above it and, when errs
 * holds one for it, the message beside it. Values come from in (what was
 * typed) when it has them, else from rec (NULL: an empty form, today's
 * date in required date fields); checkboxes from in alone when given.
 */
void form_fields(struct html *h, const struct form_ctx *c, const struct kind *k,
    const void *rec, const struct form_input *in, const form_errors *errs);

/* One field of form_fields, at path (the committee and director of an initiative). */
void form_field(struct html *h, const struct form_ctx *c, const struct field *f, const void *rec,
    const struct form_input *in, const form_errors *errs, const char *path);
/* One field of form_parse, at path. Returns 1 with a problem added, or 0. */
int form_parse_field(const struct field *f, void *rec, const struct form_input *in,
    form_errors *errs, const char *path);

/*
 * Child lists (an instrument's items, a grant's budget lines) are drawn as
 * rows, each with a "Remove this row" checkbox (PATH.N.remove: the row is
 * left out when parsed), and blank rows to fill. A submit button named
 * FORM_MORE with the list's path as value asks for the form again with
 * what was typed and FORM_MORE_ROWS more blank rows (no JavaScript):
 * form_fields draws them when the input holds FORM_MORE.
 */
#define FORM_MORE	"more_rows"
#define FORM_MORE_ROWS	3
/*
 * Writes the "Add more rows" submit button of every child list of k, for
 * a form posted to action (the form comes back at its first new row).
 */
void form_more_buttons(struct html *h, const struct kind *k, const char *action);

/*
 * Adds a model_error (app/edit.h) to errs at its path; a problem in row N
 * of a child list ("items.2.code") is put on the form row that held the
 * N-th record of what was typed (in; NULL: as it is).
 */
void form_error_model(form_errors *errs, const struct kind *k, const struct form_input *in,
    const struct model_error *e);

/* A GET filter's select for an enum or reference field f ("any" first), cur selected. */
void form_filter(struct html *h, const struct form_ctx *c, const struct field *f, const char *cur);

/* A field's label: "contrary_views" → "Contrary views". */
void form_label(const struct field *f, struct strbuf *out);

/* Whether field f is shown as a column of a list of its kind. */
int form_field_is_column(const struct field *f);

/*
 * The text of string field f of rec as a person reads it: as typed, but a
 * built-in instrument's title and statements in the calling thread's
 * language (instrument_title, instrument_item_text). NULL when absent.
 */
const char *form_text_shown(const struct form_ctx *c, const struct field *f, const void *rec);

/*
 * Appends field f of rec for reading: names instead of slugs, dates as
 * "12 Mar 2016", money as "$12,345.67", "yes"/"no", lists joined with ", ",
 * child lists counted. Appends nothing for an absent value.
 */
void form_value_text(const struct form_ctx *c, const struct field *f, const void *rec,
    struct strbuf *out);

/* Compares field f of records a and b for sorting (absent values first). */
int form_field_cmp(const struct field *f, const void *a, const void *b);

/*
 * Writes the table of records recs[0..n) of kind k: one column per
 * form_field_is_column field, headers linking to sort_base + "sort=NAME&
 * dir=asc|desc" (the current sort marked with aria-sort), the title (or
 * name, else the first) cell linking to hrefs[i]. Money and numbers right-aligned.
 */
void form_list(struct html *h, const struct form_ctx *c, const struct kind *k,
    const void *const *recs, const char *const *hrefs, size_t n,
    const char *sort_base, const char *sort, int desc);

/* A column of a list that no field is: its header and how a record fills its cell. */
struct form_column {
	const char *label;
	void (*cell)(const struct form_ctx *c, const void *rec, struct strbuf *out);
};
/*
 * form_list with the columns extra[0..nextra) after the fields' (a
 * decision's contrary-views mark, a check-in's progress). The link sits on
 * the record's title or name when it has one; slugs are no column.
 */
void form_list_cols(struct html *h, const struct form_ctx *c, const struct kind *k,
    const void *const *recs, const char *const *hrefs, size_t n,
    const char *sort_base, const char *sort, int desc,
    const struct form_column *extra, size_t nextra);

/*
 * Writes the fields of rec as a description list (a record's page), with
 * nested objects and child lists of scalar fields as small tables.
 */
void form_record(struct html *h, const struct form_ctx *c, const struct kind *k, const void *rec);

#endif
