#ifndef TRELLIS_FIELDTEXT_H
#define TRELLIS_FIELDTEXT_H
/*
 * A field's value to and from text: the one place where "2015-02-30",
 * "12.345" or "maybe" is refused, shared by the JSON and CSV readers and
 * the web forms. Errors name the field by the path given (e.g.
 * "director.employer") and say what is wrong with the value.
 */
#include <stddef.h>

#include "fields.h"
#include "validate.h"

struct strbuf;

/* Sets field f of rec to its absent value: NULL, DATE_NONE, INT_NONE, 0. */
void field_set_null(const struct field *f, void *rec);

/*
 * Parses text into the scalar field f of rec (every type but FT_OBJECT,
 * FT_LIST, FT_RACI, FT_ANSWERS; for FT_REFS and FT_ENUMS, text is a
 * ';'-separated list). NULL or "" is absent: allowed for FL_OPTIONAL fields
 * (and empty lists), else "is required". Returns 0, or -1 with e set at loc.
 */
int field_from_text(const struct field *f, void *rec, const char *text,
    const char *path, const struct srcloc *loc, struct model_error *e);

/*
 * Appends one item to the list field f (FT_REFS or FT_ENUMS) of rec,
 * refusing an item listed twice. Returns 0 or -1 with e set.
 */
int field_list_add(const struct field *f, void *rec, const char *item,
    const char *path, const struct srcloc *loc, struct model_error *e);

/* Checks a text value as FT_STR / FT_SLUG / FT_ID would. Returns 0 or -1 with e set. */
int field_check_string(const struct field *f, const char *text,
    const char *path, const struct srcloc *loc, struct model_error *e);

/*
 * Appends the text form of scalar field f of rec: "" when absent, lists
 * joined by ';', booleans "true"/"false", money as dollars. Returns 1 when
 * the value is present, 0 when absent.
 */
int field_to_text(const struct field *f, const void *rec, struct strbuf *out);

/* Returns 1 when s is a valid slug ([a-z0-9-]+, at most LIMIT_SLUG bytes). */
int slug_valid(const char *s);
/* Returns 1 when s is valid UTF-8 without control characters (newline and tab allowed when multiline). */
int text_valid(const char *s, int multiline);
/*
 * The first bidirectional control character in s (U+202A..U+202E,
 * U+2066..U+2069), or 0. One-line fields refuse them (docs/security.md):
 * they reorder what a reader sees of a name or title.
 */
unsigned text_bidi_control(const char *s);

/*
 * The English words of the field tables a person reads, marked for the
 * translators (docs/i18n.md): every field's label as form_label() derives
 * it ("As of"), every enum value's text ("out of the loop").
 */
extern const char *const field_label_texts[];
extern const size_t nfield_label_texts;
extern const char *const enum_value_texts[];
extern const size_t nenum_value_texts;

#endif
