/* The sign-in page (login_page.h). */
#include <assert.h>

#include "login_page.h"
#include "../util/i18n.h"
#include "../util/banned.h"

void
login_page_write(struct html *h, const struct login_page *lp)
{
	assert(lp->frame && lp->login_token);
	frame_begin(h, lp->frame);
	acct_error_summary(h, lp->errs, lp->nerrs);
	html_open(h, "form", "class", "stack login", "method", "post", "action", "/login", NULL);
	frame_csrf_field(h, lp->frame->csrf);
	html_void(h, "input", "type", "hidden", "name", "login_token", "value", lp->login_token, NULL);
	if (lp->next)
		html_void(h, "input", "type", "hidden", "name", "next", "value", lp->next, NULL);
	acct_input(h, "email", "email", _("Email address"), "email", "username", lp->email, NULL,
	    acct_error_for(lp->errs, lp->nerrs, "email"));
	acct_input(h, "password", "password", _("Password"), "password", "current-password", NULL, NULL,
	    acct_error_for(lp->errs, lp->nerrs, "password"));
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Sign in"));
	html_close(h);
	html_close(h);
	html_open(h, "p", "class", "note", NULL);
	html_text(h, _("Forgotten your password, or need an account? Ask your program's "
	    "administrator: they can set a new one."));
	html_close(h);
	frame_end(h);
}
