/*
 * Who is asking, and may they change things: the web side of the accounts
 * (src/auth/ holds the rules, src/store/accounts.c the rows).
 *
 * web_authenticate replaces the weak default of server.c: a bearer token
 * (Authorization: Bearer, the API) or the session cookie names a user, who
 * then fills req->user; a session also gives req->csrf_token for forms.
 * web_csrf_guard is the one CSRF and origin check the server runs before
 * every handler; web_audit makes an audit log entry, as the signed-in
 * user, for the handler to pass to the write of the change it records. The
 * cookie's name, and whether it is Secure, follow --dev-cookie.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../auth/auth.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "authweb.h"
#include "web.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* store_role (accounts.h) to web_role (web.h), indexed by enum store_role. */
static const int role_bits[STORE_ROLE__MAX] = {
	[STORE_ROLE_ADMIN] = WEB_ADMIN,
	[STORE_ROLE_MEMBER] = WEB_MEMBER,
	[STORE_ROLE_VIEWER] = WEB_VIEWER,
	[STORE_ROLE_EVALUATOR] = WEB_EVALUATOR,
};

const char *
web_session_cookie(const struct web_request *req)
{
	return web_cookie(req, web_dev_cookie() ? AUTH_COOKIE_NAME_DEV : AUTH_COOKIE_NAME);
}

/*
 * Copies u, as it is in the request's program, into req->user. Returns 1,
 * 0 when u has no role in the request's program (an evaluator or member
 * of another program is nobody here, and req->elsewhere says so: its
 * pages answer 404), -1 on a store error. u's role there is its row of
 * that program (migration 14: docs/web.md, "Accounts per program") when
 * it has one, else its own (an admin's is every program's). On a page of
 * the site that names no program (several served) u is who it is.
 */
static int
fill_user(struct web_request *req, struct store *st, struct store_user *u, struct strbuf *err)
{
	enum store_role role;
	char *initiative = NULL;
	int r;

	if ((unsigned)u->role >= STORE_ROLE__MAX)
		return 0;
	if (req->program && u->role != STORE_ROLE_ADMIN) {
		if ((r = store_user_role_in(st, u->id, req->program, &role, &initiative, err)) == -1)
			return -1;
		if (r == 0) {
			/* its role here replaces its own */
			free(u->initiative);
			free(u->program);
			u->role = role;
			u->initiative = initiative;
			u->program = xstrdup(req->program);
		}
	}
	if (u->program && req->program && strcmp(req->program, u->program) != 0) {
		req->elsewhere = 1;
		return 0;
	}
	req->user.id = u->id;
	req->user.email = web_strdup(req, u->email);
	req->user.role = role_bits[u->role];
	req->user.initiative = u->initiative ? web_strdup(req, u->initiative) : NULL;
	req->user.organization = u->organization ? web_strdup(req, u->organization) : NULL;
	req->user.program = u->program ? web_strdup(req, u->program) : NULL;
	req->user.lang = u->lang ? web_strdup(req, u->lang) : NULL;
	req->authenticated = 1;
	return 1;
}

int
web_authenticate(struct web_request *req)
{
	struct strbuf err = STRBUF_INIT;
	struct store_user u;
	struct auth_session sess;
	struct store *st;
	const char *token;
	enum auth_result r = AUTH_DENIED;
	int ret = 0;

	store_user_init(&u);
	if (req->authorization && strncasecmp(req->authorization, "Bearer ", 7) == 0) {
		/* the API: a bearer token, never the cookie alongside it (no CSRF to check) */
		token = req->authorization + 7;
		while (*token == ' ')
			token++;
		if ((st = web_store(req, &err)) == NULL) {
			ret = -1;
			goto out;
		}
		r = auth_token_check(st, token, (int64_t)time(NULL), &u, &err);
		if (r == AUTH_ERROR || r == AUTH_CONFLICT)
			ret = -1;
		else if (r == AUTH_OK)
			ret = fill_user(req, st, &u, &err);
		goto out;
	}
	if ((token = web_session_cookie(req)) == NULL || *token == '\0')
		goto out;
	if ((st = web_store(req, &err)) == NULL) {
		ret = -1;
		goto out;
	}
	/*
	 * A GET or HEAD reads the data's version first and its page then uses
	 * it; at the same version the session is answered from memory. A
	 * change (POST, ...) reads the session itself.
	 */
	r = auth_session_check_at(st, token, (int64_t)time(NULL),
	    req->method & (WEB_GET | WEB_HEAD) ? web_data_version(req) : -1, &sess, &u, &err);
	if (r == AUTH_ERROR || r == AUTH_CONFLICT)
		ret = -1;
	else if (r == AUTH_OK && (ret = fill_user(req, st, &u, &err)) == 1)
		req->csrf_token = web_strdup(req, sess.csrf);
out:
	/* a session's touch or end the database kept refusing as a conflict: 503 (web_busy) */
	req->busy = r == AUTH_CONFLICT;
	if (ret == -1)
		fprintf(stderr, "trellis serve: signing in: %s\n", err.buf);
	store_user_release(&u);
	strbuf_release(&err);
	return ret;
}

int
web_origin_ok(const struct web_request *req)
{
	const char *o = req->origin, *rest;

	if (req->sec_fetch_site && strcasecmp(req->sec_fetch_site, "cross-site") == 0)
		return 0;
	/*
	 * "null": every page is served with Referrer-Policy: no-referrer, and
	 * under that policy browsers send Origin: null on their own same-origin
	 * form posts (Fetch, "serializing a request origin"). A sandboxed or
	 * cross-site sender is told apart by Sec-Fetch-Site above; the session's
	 * CSRF token still has to match.
	 */
	if (o == NULL || strcmp(o, "null") == 0)
		return 1;
	/* our own origin is SCHEME://HOST as the client addressed us (https behind a proxy) */
	if (strncasecmp(o, "http://", 7) == 0)
		rest = o + 7;
	else if (strncasecmp(o, "https://", 8) == 0)
		rest = o + 8;
	else
		return 0;	/* junk */
	return req->host != NULL && *req->host != '\0' && strcasecmp(rest, req->host) == 0;
}

int
web_csrf_guard(struct web_request *req, struct web_response *res)
{
	struct auth_session sess;
	const char *presented;

	if (!(req->method & (WEB_POST | WEB_PUT | WEB_PATCH | WEB_DELETE)))
		return 0;
	if (!web_origin_ok(req)) {
		/* the page in the request's language (page.c translates it); the API's JSON English */
		web_lang_choose_early(req, res);
		web_error(res, 403,
		    N_("This change was sent from another site, so it was refused."));
		return 1;
	}
	/* only a session has a CSRF token; a bearer token or no one needs none */
	if (req->csrf_token == NULL)
		return 0;
	presented = web_form(req, "csrf");
	if (presented == NULL)
		presented = web_header(req, "X-CSRF-Token");
	memset(&sess, 0, sizeof(sess));
	snprintf(sess.csrf, sizeof(sess.csrf), "%s", req->csrf_token);
	if (!auth_csrf_check(&sess, presented)) {
		web_lang_choose_early(req, res);
		web_error(res, 403, N_("This form has expired or did not come from Trellis. "
		    "Go back, reload the page and send it again."));
		return 1;
	}
	return 0;
}

const char *
web_actor(const struct web_request *req)
{
	return req->authenticated && req->user.email ? req->user.email : "anonymous";
}

struct store_audit_entry
web_audit(const struct web_request *req, const char *action, const char *kind,
    const char *initiative, const char *record, const char *before, const char *after)
{
	const struct store_audit_entry a = { .actor = web_actor(req), .action = action,
	    .kind = kind, .initiative = initiative, .record = record, .before = before,
	    .after = after, .at = (int64_t)time(NULL), .program = req->program };

	return a;
}
