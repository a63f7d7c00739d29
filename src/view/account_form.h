#ifndef TRELLIS_ACCOUNT_FORM_H
#define TRELLIS_ACCOUNT_FORM_H
/*
 * The pieces of the account forms (sign-in, users): a problem with a
 * field, by the field's HTML id; id "" for a problem of the whole form.
 */
#include <stddef.h>

#include "html.h"

struct acct_error {
	const char *id;
	const char *msg;
};

/* The summary at the top of a form: a heading and links to each field. Nothing when n is 0. */
void acct_error_summary(struct html *h, const struct acct_error *errs, size_t n);
/* The message for field id among errs, or NULL. */
const char *acct_error_for(const struct acct_error *errs, size_t n, const char *id);
/*
 * Opens a field's block: its label above, a hint (may be NULL) and its
 * message (may be NULL) below the label; the caller writes the input with
 * acct_input or its own select, then closes it with html_close.
 */
void acct_field_open(struct html *h, const char *id, const char *label, const char *hint,
    const char *error);
/*
 * A labelled input with HTML id and form field name: value NULL leaves it
 * empty (a password is never written back).
 */
void acct_input(struct html *h, const char *id, const char *name, const char *label,
    const char *type, const char *autocomplete, const char *value, const char *hint,
    const char *error);

#endif
