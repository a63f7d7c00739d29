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
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "authweb.h"
#include "page.h"
#include "router.h"
#include "../view/login_page.h"
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
	struct acct_error errs[3];
	size_t nerrs;
};

/* The sign-in form's pre-session token, as the browser holds it (NULL: none). */
static const char *
login_cookie(const struct web_request *req)
{
	return web_cookie(req, web_dev_cookie() ? AUTH_LOGIN_COOKIE_DEV : AUTH_LOGIN_COOKIE);
}

/*
 * Login CSRF (docs/security.md): the form carries the pre-session token of
 * its cookie, set here when the browser has none that is well formed. The
 * page's Referrer-Policy is same-origin, not no-referrer, so that the
 * browser's own POST carries this site's Origin (under no-referrer it sends
 * Origin: null, which the POST refuses).
 */
static void
login_token(struct web_request *req, struct web_response *res, char token[AUTH_TOKEN_CHARS + 1])
{
	const char *have = login_cookie(req);
	struct strbuf cookie = STRBUF_INIT;

	if (have != NULL && auth_login_token_check(have, have))
		snprintf(token, AUTH_TOKEN_CHARS + 1, "%s", have);
	else {
		auth_login_token_new(token);
		auth_login_cookie_set(&cookie, token, web_dev_cookie());
		web_header_add(res, "Set-Cookie", cookie.buf);
	}
	res->referrer_policy = "same-origin";
	strbuf_release(&cookie);
}

/* fetch (the program's name, the token) → render (src/view/login_page.c) */
static int
login_page(struct web_request *req, struct web_response *res, int status,
    const struct login_form *f)
{
	const struct web_program *wp = web_program(req);
	char token[AUTH_TOKEN_CHARS + 1];
	struct frame fr;
	struct html h;
	struct login_page lp;

	login_token(req, res, token);
	page_frame(&fr, req, wp ? &wp->program : NULL, _("Sign in"), NULL, TAB_NONE);
	lp = (struct login_page){ .frame = &fr, .email = f->email, .next = f->next,
	    .login_token = token, .errs = f->errs, .nerrs = f->nerrs };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	login_page_write(&h, &lp);
	page_send(res, status);
	return 0;
}

/* Adds a problem to f. */
static void
login_error(struct login_form *f, const char *id, const char *msg)
{
	if (f->nerrs < sizeof(f->errs) / sizeof(f->errs[0])) {
		f->errs[f->nerrs].id = id;
		f->errs[f->nerrs].msg = msg;
		f->nerrs++;
	}
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
	enum auth_result r = AUTH_ERROR;
	int ret = -1;

	store_user_init(&u);
	memset(&f, 0, sizeof(f));
	f.email = web_form(req, "email");
	f.next = safe_next(web_form(req, "next"));
	/* login CSRF: no opaque origin, and the form's token is its cookie's */
	if (req->origin != NULL && strcmp(req->origin, "null") == 0) {
		ret = web_error(res, 403, _("This sign-in was sent from a page without an origin "
		    "(Origin: null), so it was refused. Open the sign-in page and sign in there."));
		goto out;
	}
	if (!auth_login_token_check(login_cookie(req), web_form(req, "login_token"))) {
		login_error(&f, "", _("This sign-in form has expired or did not come from Trellis. "
		    "Sign in again on this page."));
		ret = login_page(req, res, 403, &f);
		goto out;
	}
	if (f.email == NULL || *f.email == '\0')
		login_error(&f, "email", _("Enter your email address."));
	if (password == NULL || *password == '\0')
		login_error(&f, "password", _("Enter your password."));
	if (f.nerrs) {
		ret = login_page(req, res, 400, &f);
		goto out;
	}
	if ((st = web_store(req, &err)) == NULL)
		goto fail;
	switch ((r = auth_login(st, f.email, password, req->addr, now, &u, &retry, &err))) {
	case AUTH_OK:
		break;
	case AUTH_CONFLICT:
		goto busy;
	case AUTH_DENIED:
	case AUTH_REFUSED:
	case AUTH_EXPIRED:
		/* one message: it must not tell which of the two was wrong */
		login_error(&f, "email", _("The email address or the password is not right."));
		ret = login_page(req, res, 401, &f);
		goto out;
	case AUTH_THROTTLED:
		login_error(&f, "email", retry > 90 ?
		    _("Too many failed sign-ins. Signing in is paused for a while; try again later.") :
		    _("Too many failed sign-ins. Wait a minute, then try again."));
		login_page(req, res, 429, &f);
		snprintf(num, sizeof(num), "%lld", (long long)(retry > 0 ? retry : 1));
		web_header_add(res, "Retry-After", num);
		ret = 0;
		goto out;
	case AUTH_BUSY:
		login_error(&f, "", _("Many people are signing in at once. Try again in a few seconds."));
		login_page(req, res, 429, &f);
		web_header_add(res, "Retry-After", "2");
		ret = 0;
		goto out;
	default:
		goto fail;
	}
	/* a new session at every sign-in: the id the browser had (if any) ends now */
	if ((old = web_session_cookie(req)) != NULL &&
	    (r = auth_session_destroy(st, old, &err)) != AUTH_OK)
		goto fail;
	if ((r = auth_session_create(st, u.id, now, token, NULL, &err)) != AUTH_OK)
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
	if (r != AUTH_CONFLICT)
		goto out;
busy:
	/* the database kept refusing the write as a conflict: nothing written, try again */
	ret = web_busy(res);
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
	enum auth_result r = AUTH_ERROR;
	int ret = -1;

	/* web_csrf_guard has checked the session's token already */
	if (token && *token) {
		if ((st = web_store(req, &err)) == NULL ||
		    (r = auth_session_destroy(st, token, &err)) != AUTH_OK) {
			fprintf(stderr, "trellis serve: sign-out: %s\n", err.buf);
			if (r == AUTH_CONFLICT)
				ret = web_busy(res);
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
