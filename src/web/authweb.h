#ifndef TRELLIS_AUTHWEB_H
#define TRELLIS_AUTHWEB_H
/*
 * What the sign-in pages share with auth.c (web.h has the server's side:
 * web_authenticate, web_csrf_guard, web_audit).
 */
#include <stddef.h>

#include "../view/html.h"
#include "web.h"

/* The session cookie's value (its name follows --dev-cookie), or NULL. */
const char *web_session_cookie(const struct web_request *req);

/*
 * Whether req may change things as far as its origin tells: no
 * Sec-Fetch-Site of cross-site, and an Origin (when sent) naming this
 * server. 1 yes, 0 no.
 */
int web_origin_ok(const struct web_request *req);

/*
 * The account forms (sign-in, users): a problem with a field, by the
 * field's id; id "" for a problem of the whole form.
 */
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
