/*
 * GET and POST /login, POST /logout: signing in and out (DESIGN §7,
 * RELIABILITY.md). auth_login does the checking and the throttling; this
 * draws the form, turns its answers into statuses (401 wrong, 429 throttled
 * or busy, with Retry-After) and handles the session cookie: a new session
 * at every sign-in (the one the browser had is ended), the cookie cleared
 * and the session ended on the server at sign-out.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../auth/auth.h"
#include "../util/strbuf.h"
#include "authweb.h"
#include "page.h"
#include "router.h"
#include "../util/banned.h"

/* A next address to go to after signing in: a local path, else NULL. */
static const char *
safe_next(const char *next)
{
	if (next == NULL || next[0] != '/' || next[1] == '/' || next[1] == '\\' ||
	    strpbrk(next, "\r\n\t\\") != NULL || strncmp(next, "/login", 6) == 0 ||
	    strncmp(next, "/logout", 7) == 0)
		return NULL;
	return next;
}

struct login_form {
	const char *email;		/* as typed, kept; the password never is */
	const char *next;
	const char *summary;		/* a message for the whole form, or NULL */
	const char *email_error;	/* messages beside the fields, or NULL */
	const char *password_error;
};

/* One labelled input with its message; value NULL for the password. */
static void
field(struct html *h, const char *id, const char *label, const char *type,
    const char *autocomplete, const char *value, const char *error)
{
	char errid[32];

	snprintf(errid, sizeof(errid), "%s-error", id);
	html_open(h, "div", "class", error ? "field invalid" : "field", NULL);
	html_open(h, "label", "for", id, NULL);
	html_text(h, label);
	html_close(h);
	if (error) {
		html_open(h, "p", "class", "field-error", "id", errid, NULL);
		html_text(h, error);
		html_close(h);
	}
	html_void(h, "input", "type", type, "id", id, "name", id, "autocomplete", autocomplete,
	    "value", value, "required", "", "aria-invalid", error ? "true" : NULL,
	    "aria-describedby", error ? errid : NULL, NULL);
	html_close(h);
}

static int
login_page(struct web_request *req, struct web_response *res, int status,
    const struct login_form *f)
{
	const struct web_program *wp = web_program(req);
	struct page pg;
	struct html *h;

	page_begin(&pg, res, wp ? &wp->program : NULL, "Sign in", NULL, TAB_NONE);
	h = &pg.h;
	if (f->summary || f->email_error || f->password_error) {
		html_open(h, "div", "class", "error-summary", "role", "alert", "tabindex", "-1", NULL);
		html_elem(h, "h2", "There is a problem");
		html_open(h, "ul", NULL);
		if (f->summary) {
			html_open(h, "li", NULL);
			html_open(h, "a", "href", "#email", NULL);
			html_text(h, f->summary);
			html_close_to(h, h->depth - 2);
		}
		if (f->email_error) {
			html_open(h, "li", NULL);
			html_open(h, "a", "href", "#email", NULL);
			html_text(h, f->email_error);
			html_close_to(h, h->depth - 2);
		}
		if (f->password_error) {
			html_open(h, "li", NULL);
			html_open(h, "a", "href", "#password", NULL);
			html_text(h, f->password_error);
			html_close_to(h, h->depth - 2);
		}
		html_close(h);
		html_close(h);
	}
	html_open(h, "form", "class", "stack login", "method", "post", "action", "/login", NULL);
	page_csrf_field(h, req);
	if (f->next)
		html_void(h, "input", "type", "hidden", "name", "next", "value", f->next, NULL);
	field(h, "email", "Email address", "email", "username", f->email ? f->email : "",
	    f->email_error);
	field(h, "password", "Password", "password", "current-password", NULL, f->password_error);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Sign in");
	html_close(h);
	html_close(h);
	html_open(h, "p", "class", "note", NULL);
	html_text(h, "Forgotten your password, or need an account? Ask your program's "
	    "administrator: they can set a new one.");
	html_close(h);
	page_end(&pg);
	res->status = status;
	return 0;
}

int
h_login(struct web_request *req, struct web_response *res)
{
	struct login_form f;

	if (req->authenticated) {
		web_redirect(res, safe_next(web_query(req, "next")) ? web_query(req, "next") : "/");
		return 0;
	}
	memset(&f, 0, sizeof(f));
	f.next = safe_next(web_query(req, "next"));
	return login_page(req, res, 200, &f);
}

int
h_login_post(struct web_request *req, struct web_response *res)
{
	struct strbuf err = STRBUF_INIT, cookie = STRBUF_INIT;
	struct store_user u;
	struct login_form f;
	struct store *st;
	char token[AUTH_TOKEN_CHARS + 1], num[32];
	const char *password = web_form(req, "password"), *old;
	int64_t retry = 0, now = (int64_t)time(NULL);
	int ret = -1;

	store_user_init(&u);
	memset(&f, 0, sizeof(f));
	f.email = web_form(req, "email");
	f.next = safe_next(web_form(req, "next"));
	if (f.email == NULL || *f.email == '\0')
		f.email_error = "Enter your email address.";
	if (password == NULL || *password == '\0')
		f.password_error = "Enter your password.";
	if (f.email_error || f.password_error) {
		ret = login_page(req, res, 400, &f);
		goto out;
	}
	if ((st = web_store(req, &err)) == NULL)
		goto fail;
	switch (auth_login(st, f.email, password, req->addr, now, &u, &retry, &err)) {
	case AUTH_OK:
		break;
	case AUTH_DENIED:
	case AUTH_REFUSED:
	case AUTH_EXPIRED:
		/* one message: it must not tell which of the two was wrong */
		f.summary = "The email address or the password is not right.";
		ret = login_page(req, res, 401, &f);
		goto out;
	case AUTH_THROTTLED:
		f.summary = retry > 90 ?
		    "Too many failed sign-ins. Signing in is paused for a while; try again later." :
		    "Too many failed sign-ins. Wait a minute, then try again.";
		login_page(req, res, 429, &f);
		snprintf(num, sizeof(num), "%lld", (long long)(retry > 0 ? retry : 1));
		web_header_add(res, "Retry-After", num);
		ret = 0;
		goto out;
	case AUTH_BUSY:
		f.summary = "Many people are signing in at once. Try again in a few seconds.";
		login_page(req, res, 429, &f);
		web_header_add(res, "Retry-After", "2");
		ret = 0;
		goto out;
	default:
		goto fail;
	}
	/* a new session at every sign-in: the id the browser had (if any) ends now */
	if ((old = web_session_cookie(req)) != NULL &&
	    auth_session_destroy(st, old, &err) != AUTH_OK)
		goto fail;
	if (auth_session_create(st, u.id, now, token, NULL, &err) != AUTH_OK)
		goto fail;
	auth_cookie_set(&cookie, token, web_dev_cookie());
	memset(token, 0, sizeof(token));
	web_header_add(res, "Set-Cookie", cookie.buf);
	web_redirect(res, f.next ? f.next : "/");
	ret = 0;
	goto out;
fail:
	fprintf(stderr, "trellis serve: sign-in: %s\n", err.buf);
	ret = -1;
out:
	store_user_release(&u);
	strbuf_release(&cookie);
	strbuf_release(&err);
	return ret;
}

int
h_logout(struct web_request *req, struct web_response *res)
{
	struct strbuf err = STRBUF_INIT, cookie = STRBUF_INIT;
	struct store *st;
	const char *token = web_session_cookie(req);
	int ret = -1;

	/* web_csrf_guard has checked the session's token already */
	if (token && *token) {
		if ((st = web_store(req, &err)) == NULL ||
		    auth_session_destroy(st, token, &err) != AUTH_OK) {
			fprintf(stderr, "trellis serve: sign-out: %s\n", err.buf);
			goto out;
		}
	}
	auth_cookie_clear(&cookie, web_dev_cookie());
	web_header_add(res, "Set-Cookie", cookie.buf);
	web_redirect(res, "/login");
	ret = 0;
out:
	strbuf_release(&cookie);
	strbuf_release(&err);
	return ret;
}
