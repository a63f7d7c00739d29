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

#include "../app/write.h"
#include "../auth/auth.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "authweb.h"
#include "page.h"
#include "router.h"
#include "../util/xalloc.h"
#include "../view/admin_pages.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define AUDIT_PAGE	50

/* The short notice shown after a change (?done=...). */
static const struct {
	const char *done;
	const char *text;
} notices[] = {
	{ "added", N_("Added the account %s.") },
	{ "role", N_("Changed the role of %s.") },
	{ "disabled", N_("Disabled the account (signed out everywhere): %s.") },
	{ "enabled", N_("Enabled the account %s.") },
	{ "removed", N_("Removed the account %s.") },
	{ "organization", N_("Changed the organization of %s.") },
};

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

/* The pickers' initiatives: value the slug, label "Name (City)", in req's arena. */
static const struct admin_choice *
initiative_choices(struct web_request *req, const struct program *p, size_t *n)
{
	struct admin_choice *v;
	struct strbuf sb = STRBUF_INIT;

	*n = p ? p->initiatives.n : 0;
	v = web_alloc(req, (*n + 1) * sizeof(*v));
	for (size_t i = 0; i < *n; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s (%s)", p->initiatives.v[i].name, p->initiatives.v[i].city);
		v[i].value = p->initiatives.v[i].slug;
		v[i].label = web_strdup(req, sb.buf);
	}
	strbuf_release(&sb);
	return v;
}

/* The program's organizations, for the organization picker: value slug, label name. */
static const struct admin_choice *
org_choices(struct web_request *req, const struct program *p, size_t *n)
{
	struct admin_choice *v;

	*n = p ? p->orgs.n : 0;
	v = web_alloc(req, (*n + 1) * sizeof(*v));
	for (size_t i = 0; i < *n; i++) {
		v[i].value = p->orgs.v[i].slug;
		v[i].label = p->orgs.v[i].name;
	}
	return v;
}

/*
 * An admin of the request's program alone (migration 14: docs/web.md,
 * "Accounts per program"), not of every program: sees this program's
 * accounts and audit log only, and changes no account.
 */
static int
program_admin(const struct web_request *req)
{
	return req->user.role == WEB_ADMIN && req->user.program != NULL;
}

/*
 * For an admin of this program alone: keeps in users only the accounts
 * with a role in program, each as it is there (its row of that program
 * replaces its own role). -1 on a store error.
 */
static int
users_of_program(struct store *st, const char *program, struct store_users *users,
    struct strbuf *err)
{
	struct store_slugs roles = { NULL, 0, 0 };
	size_t n = 0;

	if (store_user_roles(st, &roles, err))
		return -1;
	for (size_t i = 0; i < users->n; i++) {
		struct store_user *u = &users->v[i];
		int keep = u->role != STORE_ROLE_ADMIN && u->program &&
		    strcmp(u->program, program) == 0;

		for (size_t j = 0; j + 4 <= roles.n; j += 4) {
			char **r = &roles.v[j];
			int role;

			if (strcmp(r[0], u->email) != 0 || strcmp(r[1], program) != 0 ||
			    (role = store_role_parse(r[2])) < 0)
				continue;
			u->role = (enum store_role)role;
			free(u->initiative);
			u->initiative = r[3] ? xstrdup(r[3]) : NULL;
			keep = 1;
		}
		if (keep) {
			struct store_user t = users->v[n];

			users->v[n++] = *u;
			*u = t;
		}
	}
	for (size_t i = n; i < users->n; i++)
		store_user_release(&users->v[i]);
	users->n = n;
	store_slugs_release(&roles);
	return 0;
}

/*
 * The users page with status; f (may be NULL) the add form as typed, errs
 * (may be NULL) problems of a row's form. fetch (the accounts) → render
 * (src/view/admin_pages.c).
 */
static int
users_page(struct web_request *req, struct web_response *res, int status,
    const struct add_form *f, const struct acct_error *errs, size_t nerrs)
{
	const struct web_program *wp = web_program(req);
	const struct program *p = wp ? &wp->program : NULL;
	struct strbuf err = STRBUF_INIT, notice = STRBUF_INIT;
	struct store_users users = { NULL, 0, 0 };
	struct admin_user *rows = NULL;
	struct admin_add_form add;
	struct admin_users_page pg;
	struct frame fr;
	struct store *st;
	struct html h;
	const char *done = web_query(req, "done"), *who = web_query(req, "email");
	int ret = -1;

	if ((st = web_store(req, &err)) == NULL || store_user_list(st, &users, &err) == -1 ||
	    (program_admin(req) && users_of_program(st, req->user.program, &users, &err) == -1)) {
		fprintf(stderr, "trellis serve: users: %s\n", err.buf);
		goto out;
	}
	rows = xcalloc(users.n + 1, sizeof(*rows));
	for (size_t i = 0; i < users.n; i++) {
		const struct store_user *u = &users.v[i];
		const struct initiative *in = u->initiative && p ? program_initiative(p, u->initiative) : NULL;
		const struct organization *o = u->organization && p ? program_org(p, u->organization) : NULL;

		rows[i] = (struct admin_user){ .email = u->email,
		    .role = (unsigned)u->role < STORE_ROLE__MAX ? store_role_names[u->role] : "?",
		    .initiative = u->initiative, .initiative_name = in ? in->name : NULL,
		    .organization = u->organization, .organization_name = o ? o->name : NULL,
		    .created = u->created, .disabled = u->disabled, .self = req->user.id == u->id };
	}
	for (size_t i = 0; done && who && status == 200 && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (strcmp(done, notices[i].done) == 0)
			strbuf_addf(&notice, _(notices[i].text), who);
	page_frame(&fr, req, p, _("Users"), NULL, TAB_NONE);
	pg = (struct admin_users_page){ .frame = &fr, .users = rows, .nusers = users.n,
	    .roles = store_role_names, .nroles = STORE_ROLE__MAX,
	    .notice = notice.len ? notice.buf : NULL, .errs = errs, .nerrs = nerrs,
	    .password_min = AUTH_PASSWORD_MIN, .password_max = AUTH_PASSWORD_MAX,
	    .read_only = program_admin(req) };
	pg.initiatives = initiative_choices(req, p, &pg.ninitiatives);
	pg.orgs = org_choices(req, p, &pg.norgs);
	if (f) {
		add = (struct admin_add_form){ .email = f->email, .role = f->role,
		    .initiative = f->initiative, .errs = f->errs, .nerrs = f->nerrs };
		pg.add = &add;
	}
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	admin_users_write(&h, &pg);
	page_send(res, status);
	ret = 0;
out:
	free(rows);
	store_users_release(&users);
	strbuf_release(&notice);
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

/* The account added, as a write (app_txn_run): run again on a conflict. */
struct add_write {
	const char *email, *initiative, *program, *password;
	enum store_role role;
	const struct store_audit_entry *audit;
	int64_t id;
	enum auth_result r;
};

static int
add_change(struct store *s, void *arg, struct strbuf *err)
{
	struct add_write *w = arg;

	w->r = auth_user_add(s, w->email, w->role, w->initiative, w->program, w->password,
	    (int64_t)time(NULL), w->audit, &w->id, err);
	return w->r == AUTH_OK ? 0 : w->r == AUTH_ERROR ? -1 : 1;
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
	struct add_write w;
	const char *password = web_form(req, "password");
	int role, gave_up = 0, ret = -1;

	store_user_init(&u);
	memset(&f, 0, sizeof(f));
	f.email = web_form(req, "email");
	f.role = web_form(req, "role");
	f.initiative = web_form(req, "initiative");
	if (f.initiative && *f.initiative == '\0')
		f.initiative = NULL;
	role = f.role ? store_role_parse(f.role) : -1;
	if (f.email == NULL || *f.email == '\0')
		add_error(&f, "new-email", _("Enter the person's email address."));
	else if (auth_email_normalize(f.email, &norm, &err) == -1)
		add_error(&f, "new-email", web_strdup(req, _("The email address is not valid: it needs "
		    "one @, no spaces, at most 254 characters.")));
	if (role < 0)
		add_error(&f, "new-role", _("Choose a role."));
	else if ((role == STORE_ROLE_MEMBER || role == STORE_ROLE_VIEWER) && f.initiative == NULL)
		add_error(&f, "new-initiative", _("Choose the initiative of this member or viewer."));
	else if ((role == STORE_ROLE_ADMIN || role == STORE_ROLE_EVALUATOR) && f.initiative)
		add_error(&f, "new-initiative", _("An admin or evaluator has no initiative: choose “none”."));
	else if (f.initiative && (p == NULL || program_initiative(p, f.initiative) == NULL))
		add_error(&f, "new-initiative", _("There is no such initiative."));
	strbuf_reset(&err);
	if (password == NULL || *password == '\0')
		add_error(&f, "new-password", _("Enter an initial password."));
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
	w = (struct add_write){ .email = f.email, .initiative = f.initiative,
	    .program = role == STORE_ROLE_EVALUATOR ? p->slug : NULL, .password = password,
	    .role = (enum store_role)role, .audit = &a, .r = AUTH_ERROR };
	if (app_txn_run(st, add_change, &w, &gave_up, &err) == -1 && gave_up) {
		fprintf(stderr, "trellis serve: add user: %s\n", err.buf);
		ret = web_busy(res);
		goto out;
	}
	switch (w.r) {
	case AUTH_OK:
		break;
	case AUTH_REFUSED:
		add_error(&f, "new-email", sentence(req, err.buf));
		ret = users_page(req, res, 400, &f, NULL, 0);
		goto out;
	case AUTH_BUSY:
		add_error(&f, "", _("The server is busy signing people in; try again in a few seconds."));
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

/*
 * change_user's write (app_txn_run): the account read and changed in one
 * transaction, run again from the read on a conflict. 0 done; 1 refused
 * (e says why); -1 failed (err).
 */
struct user_write {
	struct web_request *req;
	const struct program *p;
	const char *action, *what;
	struct acct_error *e;
	struct strbuf before, after;
	char *email;			/* the account's, once read */
};

static int
user_change(struct store *st, void *arg, struct strbuf *err)
{
	struct user_write *w = arg;
	struct web_request *req = w->req;
	struct store_user u, v;
	struct store_audit_entry a;
	const char *email = web_form(req, "email"), *ini = web_form(req, "initiative");
	const char *role_name = web_form(req, "role"), *audit = "update";
	int role = role_name ? store_role_parse(role_name) : -1, rc, ret = 1;

	store_user_init(&u);
	store_user_init(&v);
	strbuf_reset(&w->before);
	strbuf_reset(&w->after);
	free(w->email);
	w->email = NULL;
	w->what = NULL;
	if (ini && *ini == '\0')
		ini = NULL;
	if (email == NULL || (rc = store_user_get(st, email, &u, err)) == 1) {
		w->e->msg = _("There is no such account (any more).");
		goto out;
	}
	ret = -1;
	if (rc == -1)
		goto out;
	ret = 1;
	if (u.id == req->user.id) {
		w->e->msg = _("You cannot change your own account here; another admin can, or `trellis user`.");
		goto out;
	}
	auth_user_json(&u, &w->before);
	if (strcmp(w->action, "role") == 0) {
		if (role < 0) {
			w->e->msg = _("Choose a role.");
			goto out;
		}
		if ((role == STORE_ROLE_MEMBER || role == STORE_ROLE_VIEWER) && ini == NULL) {
			w->e->msg = _("A member or viewer needs an initiative: choose one.");
			goto out;
		}
		if (role == STORE_ROLE_ADMIN || role == STORE_ROLE_EVALUATOR)
			ini = NULL;	/* the picker may still show the old one: the role decides */
		v = u;
		v.role = (enum store_role)role;
		v.initiative = (char *)(uintptr_t)ini;
		auth_user_json(&v, &w->after);
		store_user_init(&v);
		a = web_audit(req, audit, "users", ini ? ini : u.initiative, u.email, w->before.buf,
		    w->after.buf);
		switch (auth_user_set_role(st, u.email, (enum store_role)role, ini,
		    role == STORE_ROLE_EVALUATOR ? w->p->slug : NULL, &a, err)) {
		case AUTH_OK:
			break;
		case AUTH_REFUSED:
			w->e->msg = sentence(req, err->buf);
			goto out;
		default:
			ret = -1;
			goto out;
		}
		w->what = "role";
	} else if (strcmp(w->action, "organization") == 0) {
		const char *org = web_form(req, "organization");

		if (org && *org == '\0')
			org = NULL;
		if (org && program_org(w->p, org) == NULL) {
			w->e->msg = _("There is no such organization in the program.");
			goto out;
		}
		v = u;
		v.organization = (char *)(uintptr_t)org;
		auth_user_json(&v, &w->after);
		store_user_init(&v);
		a = web_audit(req, audit, "users", u.initiative, u.email, w->before.buf, w->after.buf);
		ret = -1;
		if (store_user_set_org(st, u.id, org, &a, err) != 0)
			goto out;
		w->what = "organization";
	} else if (strcmp(w->action, "disable") == 0 || strcmp(w->action, "enable") == 0) {
		int off = w->action[0] == 'd';
		int64_t now = (int64_t)time(NULL);

		v = u;
		v.disabled = off ? now : 0;
		auth_user_json(&v, &w->after);
		store_user_init(&v);
		a = web_audit(req, audit, "users", u.initiative, u.email, w->before.buf, w->after.buf);
		ret = -1;
		if (store_user_set_disabled(st, u.id, off ? now : 0, &a, err) != 0)
			goto out;
		w->what = off ? "disabled" : "enabled";
	} else {
		audit = "delete";
		a = web_audit(req, audit, "users", u.initiative, u.email, w->before.buf, NULL);
		switch (auth_user_remove(st, u.email, &a, err)) {
		case AUTH_OK:
			break;
		case AUTH_REFUSED:
			w->e->msg = sentence(req, err->buf);
			goto out;
		default:
			ret = -1;
			goto out;
		}
		w->what = "removed";
	}
	w->email = xstrdup(u.email);
	ret = 0;
out:
	store_user_release(&u);
	store_user_release(&v);
	return ret;
}

/* Changes, disables, enables or removes the account named by the form's email. */
static int
change_user(struct web_request *req, struct web_response *res, struct store *st,
    const struct program *p, const char *action)
{
	struct strbuf err = STRBUF_INIT;
	struct acct_error e = { "", NULL };
	struct user_write w = { .req = req, .p = p, .action = action, .e = &e,
	    .before = STRBUF_INIT, .after = STRBUF_INIT };
	int gave_up = 0, ret = -1;

	switch (app_txn_run(st, user_change, &w, &gave_up, &err)) {
	case 0:
		ret = done(res, w.what, w.email);
		break;
	case 1:
		ret = users_page(req, res, 400, NULL, &e, 1);
		break;
	default:
		fprintf(stderr, "trellis serve: %s user: %s\n", action, err.buf);
		if (gave_up)
			ret = web_busy(res);
		break;
	}
	free(w.email);
	strbuf_release(&w.before);
	strbuf_release(&w.after);
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

	if (program_admin(req))
		return web_error(res, 403, N_("Accounts are changed by an admin of every program "
		    "(or with trellis user); as the admin of this program you see its accounts."));
	if ((wp = web_program(req)) == NULL)
		return -1;
	if ((st = web_store(req, &err)) == NULL) {
		fprintf(stderr, "trellis serve: users: %s\n", err.buf);
		strbuf_release(&err);
		return -1;
	}
	if (action && strcmp(action, "add") == 0)
		return add_user(req, res, st, &wp->program);
	if (action && (strcmp(action, "role") == 0 || strcmp(action, "organization") == 0 ||
	    strcmp(action, "disable") == 0 ||
	    strcmp(action, "enable") == 0 || strcmp(action, "remove") == 0))
		return change_user(req, res, st, &wp->program, action);
	return web_error(res, 400, N_("The form asked for something this page does not do."));
}

/* fetch (a page of the log) → render (src/view/admin_pages.c) */
int
h_admin_audit(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct program *p;
	struct strbuf err = STRBUF_INIT;
	struct store_audits log = { NULL, 0, 0 };
	struct audit_row *rows = NULL;
	struct audit_page pg;
	struct frame fr;
	struct store *st;
	struct html h;
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
		return web_error(res, 400, N_("There is no such initiative to filter by."));
	if (pg_s && *pg_s) {
		char *end;

		page = strtol(pg_s, &end, 10);
		if (*end || page < 1 || page > 1000000)
			return web_error(res, 400, N_("The page number must be a whole number from 1."));
	}
	if ((st = web_store(req, &err)) == NULL ||
	    store_audit_list_in(st, program_admin(req) ? req->user.program : NULL, ini,
	    (int64_t)(page - 1) * AUDIT_PAGE, AUDIT_PAGE, &log, &more, &err) == -1) {
		fprintf(stderr, "trellis serve: audit log: %s\n", err.buf);
		goto out;
	}
	rows = xcalloc(log.n + 1, sizeof(*rows));
	for (size_t i = 0; i < log.n; i++) {
		const struct store_audit *a = &log.v[i];
		const struct initiative *ai = a->initiative ? program_initiative(p, a->initiative) : NULL;

		rows[i] = (struct audit_row){ .at = a->at, .actor = a->actor, .action = a->action,
		    .kind = a->kind, .record = a->record,
		    .initiative_name = ai ? ai->name : a->initiative,
		    .before = a->before, .after = a->after, .p = p };
	}
	page_frame(&fr, req, p, _("Audit log"), NULL, TAB_NONE);
	pg = (struct audit_page){ .frame = &fr, .rows = rows, .nrows = log.n, .filter = ini,
	    .filter_name = in ? in->name : NULL, .page = page, .more = more };
	pg.initiatives = initiative_choices(req, p, &pg.ninitiatives);
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	admin_audit_write(&h, &pg);
	page_send(res, 200);
	ret = 0;
out:
	free(rows);
	store_audits_release(&log);
	strbuf_release(&err);
	return ret;
}
