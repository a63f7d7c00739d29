/*
 * The admin pages (DESIGN §6, §7; admins only, by the route table):
 *
 *  GET  /admin/users	every account (email, role, initiative, created,
 *			status), a small form per account to change its role,
 *			disable or enable it, or remove it, and the form that
 *			adds one;
 *  POST /admin/users	action=add|role|disable|enable|remove, answered with
 *			303 back to the list (?done=...) or the page again with
 *			the problems named;
 *  GET  /admin/audit	the audit log, newest first, 50 a page, filtered by
 *			initiative, each change's record before and after.
 *
 * Every change of an account is itself written to the audit log (kind
 * "users", the record the email; web_audit's entry passed to the write)
 * in the transaction of the change. An admin cannot
 * disable, demote or remove their own account here, so a program never
 * loses its last way in by a slip of the mouse (the CLI still can).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "../auth/auth.h"
#include "../io/json.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "authweb.h"
#include "page.h"
#include "router.h"
#include "../util/banned.h"

#define AUDIT_PAGE	50

/* What each role may do, in words, for the role pickers. */
static const char *const role_help[STORE_ROLE__MAX] = {
	[STORE_ROLE_ADMIN] = "Admin — the program team: everything, and these pages",
	[STORE_ROLE_MEMBER] = "Member — reads and edits one initiative",
	[STORE_ROLE_VIEWER] = "Viewer — reads one initiative",
	[STORE_ROLE_EVALUATOR] = "Evaluator — reads the whole program, never single survey answers",
};

/* The short notice shown after a change (?done=...). */
static const struct {
	const char *done;
	const char *text;
} notices[] = {
	{ "added", "Added the account" },
	{ "role", "Changed the role of" },
	{ "disabled", "Disabled the account (signed out everywhere):" },
	{ "enabled", "Enabled the account" },
	{ "removed", "Removed the account" },
};

/* Writes "12 Mar 2016 14:05 UTC" for Unix time t. */
static void
format_time(int64_t t, struct strbuf *out)
{
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL) {
		strbuf_addstr(out, "—");
		return;
	}
	strbuf_addf(out, "%d %s %d %02d:%02d UTC", tm.tm_mday, mon[tm.tm_mon], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min);
}

/* The admin pages' own row of links, under the top bar. */
static void
admin_nav(struct html *h, int current)
{
	html_open(h, "nav", "class", "admin-nav", "aria-label", "Administration", NULL);
	html_open(h, "ul", NULL);
	html_open(h, "li", NULL);
	html_open(h, "a", "href", "/admin/users", "aria-current", current == 0 ? "page" : NULL, NULL);
	html_text(h, "Users");
	html_close_to(h, h->depth - 2);
	html_open(h, "li", NULL);
	html_open(h, "a", "href", "/admin/audit", "aria-current", current == 1 ? "page" : NULL, NULL);
	html_text(h, "Audit log");
	html_close_to(h, h->depth - 2);
	html_close(h);
	html_close(h);
}

/* A <select> of the roles, sel (-1: none) chosen. */
static void
role_select(struct html *h, const char *id, const char *name, int sel)
{
	html_open(h, "select", "id", id, "name", name, NULL);
	for (int r = 0; r < STORE_ROLE__MAX; r++) {
		html_open(h, "option", "value", store_role_names[r], "selected", r == sel ? "" : NULL,
		    NULL);
		html_text(h, role_help[r]);
		html_close(h);
	}
	html_close(h);
}

/* A <select> of the program's initiatives with "none" first, sel (may be NULL) chosen. */
static void
initiative_select(struct html *h, const struct program *p, const char *id, const char *name,
    const char *sel, const char *none)
{
	html_open(h, "select", "id", id, "name", name, NULL);
	html_open(h, "option", "value", "", "selected", sel == NULL || *sel == '\0' ? "" : NULL, NULL);
	html_text(h, none);
	html_close(h);
	for (size_t i = 0; p && i < p->initiatives.n; i++) {
		const struct initiative *in = &p->initiatives.v[i];

		html_open(h, "option", "value", in->slug,
		    "selected", sel && strcmp(sel, in->slug) == 0 ? "" : NULL, NULL);
		html_textf(h, "%s (%s)", in->name, in->city);
		html_close(h);
	}
	html_close(h);
}

/* A one-button POST form: action on the account email. */
static void
button_form(struct html *h, const struct web_request *req, const char *action,
    const char *email, const char *label, const char *cls)
{
	html_open(h, "form", "class", "inline", "method", "post", "action", "/admin/users", NULL);
	page_csrf_field(h, req);
	html_void(h, "input", "type", "hidden", "name", "action", "value", action, NULL);
	html_void(h, "input", "type", "hidden", "name", "email", "value", email, NULL);
	html_open(h, "button", "type", "submit", "class", cls, NULL);
	html_text(h, label);
	html_close(h);
	html_close(h);
}

/* The forms of one account's row: change its role, disable or enable, remove. */
static void
user_actions(struct html *h, const struct web_request *req, const struct program *p,
    const struct store_user *u, size_t row)
{
	char rid[32], iid[32];

	if (req->user.id == u->id) {
		html_open(h, "span", "class", "note", NULL);
		html_text(h, "your own account (change it with `trellis user`)");
		html_close(h);
		return;
	}
	snprintf(rid, sizeof(rid), "role-%zu", row);
	snprintf(iid, sizeof(iid), "initiative-%zu", row);
	html_open(h, "details", NULL);
	html_elem(h, "summary", "Change role");
	html_open(h, "form", "class", "stack", "method", "post", "action", "/admin/users", NULL);
	page_csrf_field(h, req);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "role", NULL);
	html_void(h, "input", "type", "hidden", "name", "email", "value", u->email, NULL);
	acct_field_open(h, rid, "New role", NULL, NULL);
	role_select(h, rid, "role", (int)u->role);
	html_close(h);
	acct_field_open(h, iid, "Initiative (members and viewers)", NULL, NULL);
	initiative_select(h, p, iid, "initiative", u->initiative, "none");
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Change role (signs them out)");
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, "div", "class", "row-actions", NULL);
	if (u->disabled)
		button_form(h, req, "enable", u->email, "Enable", "secondary");
	else
		button_form(h, req, "disable", u->email, "Disable", "secondary");
	button_form(h, req, "remove", u->email, "Remove", "danger");
	html_close(h);
}

/* What was typed into the add form, kept when it comes back. */
struct add_form {
	const char *email, *role, *initiative;
	struct acct_error errs[6];
	size_t nerrs;
};

static void
add_error(struct add_form *f, const char *id, const char *msg)
{
	if (f->nerrs < sizeof(f->errs) / sizeof(f->errs[0])) {
		f->errs[f->nerrs].id = id;
		f->errs[f->nerrs].msg = msg;
		f->nerrs++;
	}
}

static void
add_form_write(struct html *h, const struct web_request *req, const struct program *p,
    const struct add_form *f)
{
	char hint[160];

	html_elem(h, "h2", "Add a user");
	html_open(h, "form", "class", "stack", "id", "add", "method", "post", "action", "/admin/users",
	    NULL);
	page_csrf_field(h, req);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "add", NULL);
	acct_input(h, "new-email", "email", "Email address", "email", "off", f ? f->email : NULL,
	    NULL, f ? acct_error_for(f->errs, f->nerrs, "new-email") : NULL);
	acct_field_open(h, "new-role", "Role", NULL,
	    f ? acct_error_for(f->errs, f->nerrs, "new-role") : NULL);
	role_select(h, "new-role", "role", f && f->role ? store_role_parse(f->role) : STORE_ROLE_MEMBER);
	html_close(h);
	acct_field_open(h, "new-initiative", "Initiative",
	    "Members and viewers belong to one initiative; admins and evaluators to none.",
	    f ? acct_error_for(f->errs, f->nerrs, "new-initiative") : NULL);
	initiative_select(h, p, "new-initiative", "initiative", f ? f->initiative : NULL,
	    "none (admin, evaluator)");
	html_close(h);
	snprintf(hint, sizeof(hint), "From %d to %d characters; a few words make a good one. "
	    "Give it to the person in private; they sign in with it.", AUTH_PASSWORD_MIN,
	    AUTH_PASSWORD_MAX);
	acct_input(h, "new-password", "password", "Initial password", "password", "new-password",
	    NULL, hint, f ? acct_error_for(f->errs, f->nerrs, "new-password") : NULL);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Add the user");
	html_close(h);
	html_close(h);
}

/*
 * The users page with status; f (may be NULL) the add form as typed, errs
 * (may be NULL) problems of a row's form.
 */
static int
users_page(struct web_request *req, struct web_response *res, int status,
    const struct add_form *f, const struct acct_error *errs, size_t nerrs)
{
	const struct web_program *wp = web_program(req);
	const struct program *p = wp ? &wp->program : NULL;
	struct strbuf err = STRBUF_INIT, sb = STRBUF_INIT;
	struct store_users users = { NULL, 0, 0 };
	struct store *st;
	struct page pg;
	struct html *h;
	const char *done = web_query(req, "done"), *who = web_query(req, "email");
	int ret = -1;

	if ((st = web_store(req, &err)) == NULL || store_user_list(st, &users, &err) == -1) {
		fprintf(stderr, "trellis serve: users: %s\n", err.buf);
		goto out;
	}
	page_begin(&pg, res, p, "Users", NULL, TAB_NONE);
	h = &pg.h;
	admin_nav(h, 0);
	acct_error_summary(h, errs, nerrs);
	if (f)
		acct_error_summary(h, f->errs, f->nerrs);
	for (size_t i = 0; done && who && status == 200 && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (strcmp(done, notices[i].done) == 0) {
			html_open(h, "p", "class", "notice", "role", "status", NULL);
			html_textf(h, "%s %s.", notices[i].text, who);
			html_close(h);
		}
	html_open(h, "p", "class", "meta", NULL);
	html_textf(h, "%zu account%s. A change of role or a disabled account signs that person "
	    "out at once; every change here is in the audit log.", users.n, users.n == 1 ? "" : "s");
	html_close(h);
	html_open(h, "div", "class", "scroll", NULL);
	html_open(h, "table", "class", "users", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Email");
	html_elem(h, "th", "Role");
	html_elem(h, "th", "Initiative");
	html_elem(h, "th", "Created");
	html_elem(h, "th", "Status");
	html_elem(h, "th", "Change");
	html_close_to(h, h->depth - 2);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < users.n; i++) {
		const struct store_user *u = &users.v[i];
		const struct initiative *in = u->initiative && p ? program_initiative(p, u->initiative) : NULL;

		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_text(h, u->email);
		html_close(h);
		html_elem(h, "td", (unsigned)u->role < STORE_ROLE__MAX ? store_role_names[u->role] : "?");
		html_open(h, "td", NULL);
		if (in)
			html_text(h, in->name);
		else if (u->initiative)
			html_text(h, u->initiative);
		else {
			html_open(h, "span", "class", "note", NULL);
			html_text(h, u->role == STORE_ROLE_EVALUATOR ? "the whole program" : "—");
			html_close(h);
		}
		html_close(h);
		strbuf_reset(&sb);
		format_time(u->created, &sb);
		html_elem(h, "td", sb.buf);
		html_open(h, "td", NULL);
		if (u->disabled) {
			strbuf_reset(&sb);
			format_time(u->disabled, &sb);
			html_textf(h, "✗ disabled %s", sb.buf);
		} else
			html_text(h, "✓ active");
		html_close(h);
		html_open(h, "td", NULL);
		user_actions(h, req, p, u, i);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	add_form_write(h, req, p, f);
	page_end(&pg);
	res->status = status;
	ret = 0;
out:
	store_users_release(&users);
	strbuf_release(&sb);
	strbuf_release(&err);
	return ret;
}

int
h_admin_users(struct web_request *req, struct web_response *res)
{
	return users_page(req, res, 200, NULL, NULL, 0);
}

/* Answers 303 to the list with a notice. */
static int
done(struct web_response *res, const char *what, const char *email)
{
	struct strbuf url = STRBUF_INIT;
	const char *s;

	strbuf_addf(&url, "/admin/users?done=%s&email=", what);
	for (s = email; *s; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || strchr("@.-_", *s))
			strbuf_addch(&url, *s);
		else
			strbuf_addf(&url, "%%%02X", (unsigned char)*s);
	web_redirect(res, url.buf);
	strbuf_release(&url);
	return 0;
}

/* The auth code's one-line reason as a sentence: a capital first, a full stop last. */
static const char *
sentence(struct web_request *req, const char *msg)
{
	size_t n = strlen(msg);
	char *s = web_alloc(req, n + 2);

	memcpy(s, msg, n + 1);
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	if (n && s[n - 1] != '.') {
		s[n] = '.';
		s[n + 1] = '\0';
	}
	return s;
}

/* Adds a user from the add form. */
static int
add_user(struct web_request *req, struct web_response *res, struct store *st,
    const struct program *p)
{
	struct strbuf err = STRBUF_INIT, norm = STRBUF_INIT, json = STRBUF_INIT;
	struct store_user u;
	struct store_audit_entry a;
	struct add_form f;
	const char *password = web_form(req, "password");
	int role, ret = -1;
	int64_t id;

	store_user_init(&u);
	memset(&f, 0, sizeof(f));
	f.email = web_form(req, "email");
	f.role = web_form(req, "role");
	f.initiative = web_form(req, "initiative");
	if (f.initiative && *f.initiative == '\0')
		f.initiative = NULL;
	role = f.role ? store_role_parse(f.role) : -1;
	if (f.email == NULL || *f.email == '\0')
		add_error(&f, "new-email", "Enter the person's email address.");
	else if (auth_email_normalize(f.email, &norm, &err) == -1)
		add_error(&f, "new-email", web_strdup(req, "The email address is not valid: it needs "
		    "one @, no spaces, at most 254 characters."));
	if (role < 0)
		add_error(&f, "new-role", "Choose a role.");
	else if ((role == STORE_ROLE_MEMBER || role == STORE_ROLE_VIEWER) && f.initiative == NULL)
		add_error(&f, "new-initiative", "Choose the initiative of this member or viewer.");
	else if ((role == STORE_ROLE_ADMIN || role == STORE_ROLE_EVALUATOR) && f.initiative)
		add_error(&f, "new-initiative", "An admin or evaluator has no initiative: choose “none”.");
	else if (f.initiative && (p == NULL || program_initiative(p, f.initiative) == NULL))
		add_error(&f, "new-initiative", "There is no such initiative.");
	strbuf_reset(&err);
	if (password == NULL || *password == '\0')
		add_error(&f, "new-password", "Enter an initial password.");
	else if (auth_password_policy(password, &err) == -1)
		add_error(&f, "new-password", sentence(req, err.buf));
	if (f.nerrs) {
		ret = users_page(req, res, 400, &f, NULL, 0);
		goto out;
	}
	strbuf_reset(&err);
	/* the account as it will be, audited in the transaction that adds it */
	u.email = norm.buf;
	u.role = (enum store_role)role;
	u.initiative = (char *)(uintptr_t)f.initiative;
	auth_user_json(&u, &json);
	store_user_init(&u);
	a = web_audit(req, "create", "users", f.initiative, norm.buf, NULL, json.buf);
	switch (auth_user_add(st, f.email, (enum store_role)role, f.initiative,
	    role == STORE_ROLE_EVALUATOR ? p->slug : NULL, password, (int64_t)time(NULL), &a, &id,
	    &err)) {
	case AUTH_OK:
		break;
	case AUTH_REFUSED:
		add_error(&f, "new-email", sentence(req, err.buf));
		ret = users_page(req, res, 400, &f, NULL, 0);
		goto out;
	case AUTH_BUSY:
		add_error(&f, "", "The server is busy signing people in; try again in a few seconds.");
		ret = users_page(req, res, 429, &f, NULL, 0);
		web_header_add(res, "Retry-After", "2");
		goto out;
	default:
		fprintf(stderr, "trellis serve: add user: %s\n", err.buf);
		goto out;
	}
	ret = done(res, "added", norm.buf);
out:
	store_user_release(&u);
	strbuf_release(&json);
	strbuf_release(&norm);
	strbuf_release(&err);
	return ret;
}

/* Changes, disables, enables or removes the account named by the form's email. */
static int
change_user(struct web_request *req, struct web_response *res, struct store *st,
    const struct program *p, const char *action)
{
	struct strbuf err = STRBUF_INIT, before = STRBUF_INIT, after = STRBUF_INIT;
	struct store_user u, v;
	struct store_audit_entry a;
	struct acct_error e = { "", NULL };
	const char *email = web_form(req, "email"), *ini = web_form(req, "initiative");
	const char *role_name = web_form(req, "role"), *what = NULL, *audit = "update";
	int role = role_name ? store_role_parse(role_name) : -1, rc, ret = -1;

	store_user_init(&u);
	store_user_init(&v);
	if (ini && *ini == '\0')
		ini = NULL;
	if (email == NULL || (rc = store_user_get(st, email, &u, &err)) == 1) {
		e.msg = "There is no such account (any more).";
		goto refuse;
	}
	if (rc == -1)
		goto fail;
	if (u.id == req->user.id) {
		e.msg = "You cannot change your own account here; another admin can, or `trellis user`.";
		goto refuse;
	}
	auth_user_json(&u, &before);
	if (strcmp(action, "role") == 0) {
		if (role < 0) {
			e.msg = "Choose a role.";
			goto refuse;
		}
		if ((role == STORE_ROLE_MEMBER || role == STORE_ROLE_VIEWER) && ini == NULL) {
			e.msg = "A member or viewer needs an initiative: choose one.";
			goto refuse;
		}
		if (role == STORE_ROLE_ADMIN || role == STORE_ROLE_EVALUATOR)
			ini = NULL;	/* the picker may still show the old one: the role decides */
		v = u;
		v.role = (enum store_role)role;
		v.initiative = (char *)(uintptr_t)ini;
		auth_user_json(&v, &after);
		store_user_init(&v);
		a = web_audit(req, audit, "users", ini ? ini : u.initiative, u.email, before.buf,
		    after.buf);
		switch (auth_user_set_role(st, u.email, (enum store_role)role, ini,
		    role == STORE_ROLE_EVALUATOR ? p->slug : NULL, &a, &err)) {
		case AUTH_OK:
			break;
		case AUTH_REFUSED:
			e.msg = sentence(req, err.buf);
			goto refuse;
		default:
			goto fail;
		}
		what = "role";
	} else if (strcmp(action, "disable") == 0 || strcmp(action, "enable") == 0) {
		int off = action[0] == 'd';
		int64_t now = (int64_t)time(NULL);

		v = u;
		v.disabled = off ? now : 0;
		auth_user_json(&v, &after);
		store_user_init(&v);
		a = web_audit(req, audit, "users", u.initiative, u.email, before.buf, after.buf);
		if (store_user_set_disabled(st, u.id, off ? now : 0, &a, &err) != 0)
			goto fail;
		what = off ? "disabled" : "enabled";
	} else {
		audit = "delete";
		a = web_audit(req, audit, "users", u.initiative, u.email, before.buf, NULL);
		switch (auth_user_remove(st, u.email, &a, &err)) {
		case AUTH_OK:
			break;
		case AUTH_REFUSED:
			e.msg = sentence(req, err.buf);
			goto refuse;
		default:
			goto fail;
		}
		what = "removed";
	}
	ret = done(res, what, u.email);
	goto out;
refuse:
	ret = users_page(req, res, 400, NULL, &e, 1);
	goto out;
fail:
	fprintf(stderr, "trellis serve: %s user: %s\n", action, err.buf);
out:
	store_user_release(&u);
	store_user_release(&v);
	strbuf_release(&before);
	strbuf_release(&after);
	strbuf_release(&err);
	return ret;
}

int
h_admin_users_post(struct web_request *req, struct web_response *res)
{
	struct strbuf err = STRBUF_INIT;
	const struct web_program *wp;
	const char *action = web_form(req, "action");
	struct store *st;

	if ((wp = web_program(req)) == NULL)
		return -1;
	if ((st = web_store(req, &err)) == NULL) {
		fprintf(stderr, "trellis serve: users: %s\n", err.buf);
		strbuf_release(&err);
		return -1;
	}
	if (action && strcmp(action, "add") == 0)
		return add_user(req, res, st, &wp->program);
	if (action && (strcmp(action, "role") == 0 || strcmp(action, "disable") == 0 ||
	    strcmp(action, "enable") == 0 || strcmp(action, "remove") == 0))
		return change_user(req, res, st, &wp->program, action);
	return web_error(res, 400, "The form asked for something this page does not do.");
}

/* Writes JSON text pretty-printed (two-space indents) in a <pre>; as it is when not JSON. */
static void
json_pre(struct html *h, const char *label, const char *text)
{
	json_error_t je;
	json_t *j;
	char *pretty = NULL;

	html_open(h, "div", "class", "change-side", NULL);
	html_elem(h, "h3", label);
	if (text == NULL) {
		html_open(h, "p", "class", "note", NULL);
		html_text(h, "nothing");
		html_close(h);
		html_close(h);
		return;
	}
	if ((j = json_loads(text, JSON_DECODE_ANY, &je)) != NULL) {
		pretty = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
		json_decref(j);
	}
	html_open(h, "pre", NULL);
	html_text(h, pretty ? pretty : text);
	html_close(h);
	html_close(h);
	free(pretty);
}

/* A link to another page of the audit log. */
static void
audit_link(struct html *h, const char *ini, long page, const char *label, const char *rel)
{
	struct strbuf href = STRBUF_INIT;

	strbuf_addf(&href, "/admin/audit?page=%ld", page);
	if (ini) {
		strbuf_addstr(&href, "&initiative=");
		strbuf_addstr(&href, ini);	/* a slug of the program: [a-z0-9-] */
	}
	html_open(h, "a", "href", href.buf, "rel", rel, NULL);
	html_text(h, label);
	html_close(h);
	strbuf_release(&href);
}

int
h_admin_audit(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct program *p;
	struct strbuf err = STRBUF_INIT, sb = STRBUF_INIT;
	struct store_audits log = { NULL, 0, 0 };
	struct store *st;
	struct page pg;
	struct html *h;
	const char *ini = web_query(req, "initiative"), *pg_s = web_query(req, "page");
	const struct initiative *in = NULL;
	long page = 1;
	int more = 0, ret = -1;

	if (wp == NULL)
		return -1;
	p = &wp->program;
	if (ini && *ini == '\0')
		ini = NULL;
	if (ini && (in = program_initiative(p, ini)) == NULL)
		return web_error(res, 400, "There is no such initiative to filter by.");
	if (pg_s && *pg_s) {
		char *end;

		page = strtol(pg_s, &end, 10);
		if (*end || page < 1 || page > 1000000)
			return web_error(res, 400, "The page number must be a whole number from 1.");
	}
	if ((st = web_store(req, &err)) == NULL ||
	    store_audit_list(st, ini, (int64_t)(page - 1) * AUDIT_PAGE, AUDIT_PAGE, &log, &more,
	    &err) == -1) {
		fprintf(stderr, "trellis serve: audit log: %s\n", err.buf);
		goto out;
	}
	page_begin(&pg, res, p, "Audit log", NULL, TAB_NONE);
	h = &pg.h;
	admin_nav(h, 1);
	html_open(h, "p", "class", "meta", NULL);
	html_text(h, "Every change, newest first: who made it, when, and the record before and after.");
	html_close(h);

	html_open(h, "form", "class", "period", "method", "get", "action", "/admin/audit", NULL);
	html_open(h, "div", NULL);
	html_open(h, "label", "for", "initiative", NULL);
	html_text(h, "Initiative");
	html_close(h);
	initiative_select(h, p, "initiative", "initiative", ini, "all, and the program's own records");
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Show");
	html_close(h);
	html_close(h);

	if (log.n == 0) {
		html_open(h, "p", "class", "empty", NULL);
		if (page > 1)
			html_text(h, "No more changes: this is past the oldest one.");
		else if (in)
			html_textf(h, "No changes to %s have been recorded yet.", in->name);
		else
			html_text(h, "No changes have been recorded yet. Each change made in a form, "
			    "through the API or by an import will be listed here.");
		html_close(h);
	} else {
		html_open(h, "div", "class", "scroll", NULL);
		html_open(h, "table", "class", "audit", NULL);
		html_open(h, "thead", NULL);
		html_open(h, "tr", NULL);
		html_elem(h, "th", "When");
		html_elem(h, "th", "Who");
		html_elem(h, "th", "Action");
		html_elem(h, "th", "Kind");
		html_elem(h, "th", "Record");
		html_elem(h, "th", "Initiative");
		html_elem(h, "th", "Change");
		html_close_to(h, h->depth - 2);
		html_open(h, "tbody", NULL);
		for (size_t i = 0; i < log.n; i++) {
			const struct store_audit *a = &log.v[i];

			html_open(h, "tr", NULL);
			strbuf_reset(&sb);
			format_time(a->at, &sb);
			html_open(h, "td", "class", "when", NULL);
			html_text(h, sb.buf);
			html_close(h);
			html_elem(h, "td", a->actor ? a->actor : "—");
			html_elem(h, "td", a->action ? a->action : "—");
			html_elem(h, "td", a->kind ? a->kind : "—");
			html_elem(h, "td", a->record ? a->record : "—");
			html_elem(h, "td", a->initiative ? a->initiative : "—");
			html_open(h, "td", NULL);
			html_open(h, "details", NULL);
			html_elem(h, "summary", a->before && a->after ? "Before and after" :
			    a->after ? "The new record" : a->before ? "The record removed" : "Details");
			html_open(h, "div", "class", "change", NULL);
			json_pre(h, "Before", a->before);
			json_pre(h, "After", a->after);
			html_close(h);
			html_close(h);
			html_close(h);
			html_close(h);
		}
		html_close(h);
		html_close(h);
		html_close(h);
	}
	if (page > 1 || more) {
		html_open(h, "nav", "class", "pager", "aria-label", "Pages of the audit log", NULL);
		if (page > 1)
			audit_link(h, ini, page - 1, "← Newer changes", "prev");
		html_open(h, "span", NULL);
		html_textf(h, "Page %ld", page);
		html_close(h);
		if (more)
			audit_link(h, ini, page + 1, "Older changes →", "next");
		html_close(h);
	}
	page_end(&pg);
	ret = 0;
out:
	store_audits_release(&log);
	strbuf_release(&sb);
	strbuf_release(&err);
	return ret;
}
