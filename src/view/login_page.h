#ifndef TRELLIS_LOGIN_PAGE_H
#define TRELLIS_LOGIN_PAGE_H
/*
 * The sign-in page (GET and POST /login): the form with the email as typed
 * (never the password), the pre-session token against login CSRF, where to
 * go next, and the problems named beside their fields.
 */
#include <stddef.h>

#include "account_form.h"
#include "frame.h"
#include "html.h"

struct login_page {
	const struct frame *frame;	/* title "Sign in", no tabs */
	const char *email;		/* as typed, or NULL */
	const char *next;		/* a local path to go to after, or NULL */
	const char *login_token;	/* the form's pre-session token (its cookie's) */
	const struct acct_error *errs;
	size_t nerrs;
};

void login_page_write(struct html *h, const struct login_page *lp);

#endif
