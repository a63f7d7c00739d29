/*
 * trellis user: the accounts that sign in to the web application (DESIGN
 * §7): add, list, remove, and set a password. Passwords come from a prompt
 * with echo off on a terminal, or from the first line of a file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "../app/write.h"
#include "../auth/auth.h"
#include "../io/json.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "cli.h"
#include "../util/banned.h"

static const struct cli_cmd user_cmd = {
	"user",
	"add EMAIL --role ROLE [--initiative SLUG] [--organization ORG] [--password-file F] |\n"
	"       list | remove EMAIL | password EMAIL [--password-file F] |\n"
	"       organization EMAIL [--organization ORG]",
	N_("Manages the accounts of the web application. Roles: admin (everything),\n"
	"member (edits one initiative), viewer (reads one initiative), evaluator\n"
	"(reads a program, never single survey answers)."),
	N_("A member or viewer needs --initiative; an admin has none. An evaluator\n"
	"reads the program given with --program, or the only one in the database.\n"
	"The password (12 to 128 characters) is asked for with echo off, or read\n"
	"from the first line of --password-file. Changing a password signs that\n"
	"user out everywhere and revokes the user's API tokens; removing a user\n"
	"does both too. --organization names the organization (its slug in the\n"
	"program) the person answers proposals for; `organization EMAIL` sets it\n"
	"on an existing account, or without --organization takes it away."),
};

/* Reads one line (without its newline) from f into sb; -1 at EOF with nothing read. */
static int
read_line(FILE *f, struct strbuf *sb)
{
	int c, any = 0;

	strbuf_reset(sb);
	while ((c = fgetc(f)) != EOF) {
		any = 1;
		if (c == '\n')
			break;
		strbuf_addch(sb, c);
	}
	if (sb->len && sb->buf[sb->len - 1] == '\r')
		strbuf_setlen(sb, sb->len - 1);
	return any ? 0 : -1;
}

/* Reads a line from the terminal with echo off. */
static int
prompt(const char *what, struct strbuf *sb)
{
	struct termios old, quiet;
	int rc;

	fprintf(stderr, "%s: ", what);
	fflush(stderr);
	if (tcgetattr(STDIN_FILENO, &old) == -1)
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	quiet.c_lflag |= ECHONL;
	if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == -1)
		return -1;
	rc = read_line(stdin, sb);
	(void)tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	return rc;
}

/*
 * The new password: the first line of file, or asked twice on a terminal.
 * Prints why and returns -1 when there is none.
 */
static int
get_password(const char *file, struct strbuf *pw)
{
	struct strbuf again = STRBUF_INIT;
	int ret = -1;

	if (file) {
		FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");

		if (f == NULL) {
			cli_error(_("%s: cannot read: %s"), file, strerror(errno));
			return -1;
		}
		if (read_line(f, pw) == -1)
			cli_error(_("%s: no password in the file"), file);
		else
			ret = 0;
		if (f != stdin)
			fclose(f);
		return ret;
	}
	if (!isatty(STDIN_FILENO)) {
		cli_error(_("no terminal to ask for the password: give --password-file FILE"));
		return -1;
	}
	if (prompt(_("Password"), pw) == -1 || prompt(_("Again"), &again) == -1) {
		cli_error(_("cannot read the password from the terminal"));
		goto out;
	}
	if (strcmp(pw->buf, again.buf) != 0) {
		cli_error(_("the passwords differ"));
		goto out;
	}
	ret = 0;
out:
	explicit_bzero(again.buf, again.len);
	strbuf_release(&again);
	return ret;
}

static int
from_auth(enum auth_result rc, const struct strbuf *err)
{
	if (rc == AUTH_OK)
		return CLI_OK;
	return cli_error("%s", err->len ? err->buf : _("failed"));
}

/*
 * --program with user add (docs/web.md, "Accounts per program"): a
 * member's or viewer's initiative must be one of that program's. Returns
 * CLI_OK, or an error printed.
 */
static int
program_scope_check(struct cli *c, struct store *s, int role, const char *initiative)
{
	struct store_slugs slugs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT;
	char *picked = NULL;
	int rc = CLI_FAIL, found = 0;

	if (c->program == NULL || role == STORE_ROLE_EVALUATOR || role == STORE_ROLE_ADMIN)
		return CLI_OK;
	if (initiative == NULL)
		return CLI_OK;	/* refused below: a member or viewer needs --initiative */
	/* a program that is not there is refused as every command refuses it */
	if ((rc = cli_store_pick(c, s, &picked)) != 0)
		goto out;
	rc = CLI_FAIL;
	if (store_initiative_slugs(s, c->program, &slugs, &err) == -1) {
		cli_error("%s", err.buf);
		goto out;
	}
	for (size_t i = 0; i < slugs.n && !found; i++)
		found = strcmp(slugs.v[i], initiative) == 0;
	if (!found) {
		cli_error(_("--initiative: program %s has no initiative '%s'"), c->program, initiative);
		goto out;
	}
	rc = CLI_OK;
out:
	store_slugs_release(&slugs);
	strbuf_release(&err);
	free(picked);
	return rc;
}

/*
 * An account's change as one write (app_txn_run): read and changed in one
 * transaction, run again on a conflict; after the last, an error naming
 * the command.
 */
enum user_op { USER_ADD, USER_REMOVE, USER_PASSWORD, USER_ORG };
struct user_write {
	enum user_op op;
	const char *email, *initiative, *program, *password, *org;
	enum store_role role;
	const struct store_audit_entry *audit;	/* USER_ADD's */
	/* USER_ADD of a program's admin alone: its role there, in the same write */
	const char *there, *norm;
	const struct store_audit_entry *there_audit;
	enum auth_result r;
	char *done;				/* USER_ORG: the account's email, once changed */
};

static int
user_change(struct store *s, void *arg, struct strbuf *err)
{
	struct user_write *w = arg;
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	struct store_user u;
	struct store_audit_entry a;
	char *old;

	store_user_init(&u);
	free(w->done);
	w->done = NULL;
	w->r = AUTH_ERROR;
	switch (w->op) {
	case USER_ADD:
		w->r = auth_user_add(s, w->email, w->role, w->initiative, w->program, w->password,
		    (int64_t)time(NULL), w->audit, NULL, err);
		if (w->r == AUTH_OK && w->there && (store_user_get(s, w->norm, &u, err) != 0 ||
		    store_user_role_set(s, u.id, w->there, STORE_ROLE_ADMIN, NULL, w->there_audit,
		    err) != 0))
			w->r = AUTH_ERROR;	/* neither the account nor its role */
		break;
	case USER_REMOVE:
		/* the account before, read in the transaction that removes it */
		if (auth_email_normalize(w->email, &before, err) == 0 &&
		    store_user_get(s, before.buf, &u, err) == 0) {
			strbuf_reset(&before);
			auth_user_json(&u, &before);
			a = cli_audit("delete", "users", u.initiative, u.email, before.buf, NULL);
		}
		strbuf_reset(err);
		w->r = auth_user_remove(s, w->email, u.email ? &a : NULL, err);
		break;
	case USER_PASSWORD:
		w->r = auth_user_set_password(s, w->email, w->password, err);
		break;
	case USER_ORG:
		w->r = AUTH_REFUSED;
		if (auth_email_normalize(w->email, &after, err) ||
		    store_user_get(s, after.buf, &u, err)) {
			if (err->len == 0)
				strbuf_addstr(err, "no such user");
			break;
		}
		strbuf_reset(&after);
		auth_user_json(&u, &before);
		old = u.organization;
		u.organization = (char *)(uintptr_t)w->org;
		auth_user_json(&u, &after);
		u.organization = old;
		a = cli_audit("update", "users", u.initiative, u.email, before.buf, after.buf);
		w->r = store_user_set_org(s, u.id, w->org, &a, err) != 0 ? AUTH_ERROR : AUTH_OK;
		if (w->r == AUTH_OK)
			w->done = xstrdup(u.email);
		break;
	}
	store_user_release(&u);
	strbuf_release(&before);
	strbuf_release(&after);
	return w->r == AUTH_OK ? 0 : w->r == AUTH_ERROR ? -1 : 1;
}

/* Runs w (user_change); CLI_OK, or CLI_FAIL said, naming command after the last conflict. */
static int
user_run(struct store *s, struct user_write *w, const char *command)
{
	struct strbuf err = STRBUF_INIT;
	int gave_up = 0, rc;

	w->r = AUTH_ERROR;
	if (app_txn_run(s, user_change, w, &gave_up, &err) == -1 && gave_up)
		rc = cli_error("%s: %s", command, err.buf);
	else
		rc = from_auth(w->r, &err);
	strbuf_release(&err);
	return rc;
}

/*
 * The audit entry of a role in c->program, its JSON written into json:
 * {"program": P, "role": R[, "initiative": I]}.
 */
static struct store_audit_entry
role_audit(struct cli *c, const char *email, const char *role_name, const char *initiative,
    struct strbuf *json)
{
	struct store_audit_entry a;

	strbuf_addstr(json, "{\"program\": ");
	json_write_string(json, c->program);
	strbuf_addstr(json, ", \"role\": ");
	json_write_string(json, role_name);
	if (initiative) {
		strbuf_addstr(json, ", \"initiative\": ");
		json_write_string(json, initiative);
	}
	strbuf_addch(json, '}');
	a = cli_audit("update", "users", initiative, email, NULL, json->buf);
	a.program = c->program;
	return a;
}

/*
 * user add --program P to an account that exists (migration 14): its role
 * in P, which replaces its own there. An admin account is the admin of
 * every program already. Returns CLI_OK, or an error printed.
 */
static int
role_add(struct cli *c, struct store *s, const struct store_user *u, int role,
    const char *initiative, const char *role_name)
{
	struct strbuf err = STRBUF_INIT, json = STRBUF_INIT;
	struct store_audit_entry a;
	int rc = CLI_FAIL;

	if (u->role == STORE_ROLE_ADMIN) {
		cli_error(_("%s is an admin account, the admin of every program already"), u->email);
		goto out;
	}
	a = role_audit(c, u->email, role_name, initiative, &json);
	if (store_user_role_set(s, u->id, c->program, (enum store_role)role, initiative, &a,
	    &err) == 0) {
		/* TRANSLATORS: the role's code, the email, the program's slug */
		printf(_("Added %s user %s in program %s\n"), role_name, u->email, c->program);
		rc = CLI_OK;
	} else
		cli_error("%s", err.buf);
out:
	strbuf_release(&err);
	strbuf_release(&json);
	return rc;
}

static int
user_add(struct cli *c, struct store *s, const char *email, const char *role_name,
    const char *initiative, const char *pwfile)
{
	struct strbuf pw = STRBUF_INIT, err = STRBUF_INIT, norm = STRBUF_INIT, json = STRBUF_INIT;
	struct strbuf rjson = STRBUF_INIT;
	struct store_user u, old;
	struct store_audit_entry a, there = { 0 }, *audit = NULL;
	char *program = NULL;
	int role = store_role_parse(role_name), rc = CLI_FAIL, r;
	enum store_role own = (enum store_role)role;

	store_user_init(&old);
	if (role >= 0 && (rc = program_scope_check(c, s, role, initiative)) != CLI_OK)
		goto out;
	rc = CLI_FAIL;
	if (c->program) {
		/* a role in one program: for an account that exists, its role there */
		if (auth_email_normalize(email, &norm, &err) == 0 &&
		    (r = store_user_get(s, norm.buf, &old, &err)) != 1) {
			if (r == 0)
				rc = role_add(c, s, &old, role, initiative, role_name);
			else
				cli_error("%s", err.buf);
			goto out;
		}
		strbuf_reset(&norm);
		strbuf_reset(&err);
		/*
		 * A new admin of that program alone: its own role reads the
		 * program (an evaluator), its role there is the admin.
		 */
		if (role == STORE_ROLE_ADMIN)
			own = STORE_ROLE_EVALUATOR;
	}
	if (own == STORE_ROLE_EVALUATOR && (rc = cli_store_pick(c, s, &program)) != 0)
		goto out;
	rc = CLI_FAIL;
	if (get_password(pwfile, &pw))
		goto out;
	/* the account as it will be, audited in the transaction that adds it */
	if (auth_email_normalize(email, &norm, &err) == 0) {
		store_user_init(&u);
		u.email = norm.buf;
		u.role = own;
		u.initiative = (char *)(uintptr_t)initiative;
		auth_user_json(&u, &json);
		a = cli_audit("create", "users", initiative, norm.buf, NULL, json.buf);
		a.program = c->program;
		audit = &a;
	}
	/* the admin of --program alone: the account and its role there in one write */
	if (own != (enum store_role)role)
		there = role_audit(c, norm.buf, role_name, NULL, &rjson);
	rc = user_run(s, &(struct user_write){ .op = USER_ADD, .email = email,
	    .initiative = initiative, .program = program, .password = pw.buf,
	    .role = own, .audit = audit, .norm = norm.buf,
	    .there = own != (enum store_role)role ? c->program : NULL, .there_audit = &there },
	    "user add");
	if (rc == CLI_OK && own != (enum store_role)role)
		printf(_("Added %s user %s in program %s\n"), role_name, norm.buf, c->program);
	else if (rc == CLI_OK)
		/* TRANSLATORS: the role's code (admin, member ...), then the email */
		printf(_("Added %s user %s\n"), role_name, norm.buf);
out:
	store_user_release(&old);
	explicit_bzero(pw.buf, pw.len);
	strbuf_release(&pw);
	strbuf_release(&err);
	strbuf_release(&norm);
	strbuf_release(&json);
	strbuf_release(&rjson);
	free(program);
	return rc;
}

/* Removes the account, with its audit log entry (the account before) in the same transaction. */
static int
user_remove(struct store *s, const char *email)
{
	int rc = user_run(s, &(struct user_write){ .op = USER_REMOVE, .email = email },
	    "user remove");

	if (rc == CLI_OK)
		printf(_("Removed user %s\n"), email);
	return rc;
}

/* Whether org is an organization of program (NULL: the one cli_store_pick picks); prints why not. */
static int
org_check(struct cli *c, struct store *s, const char *program, const char *org)
{
	struct program p;
	char *picked = NULL;
	int rc = CLI_FAIL;

	program_init(&p);
	if (program == NULL && cli_store_pick(c, s, &picked) != 0)
		goto out;
	if (program == NULL)
		program = picked;
	if (cli_store_load_catalog(c, s, program, &p) != 0)
		goto out;
	if (program_org(&p, org) == NULL) {
		cli_error(_("--organization: program %s has no organization '%s'"), program, org);
		goto out;
	}
	rc = CLI_OK;
out:
	program_release(&p);
	free(picked);
	return rc;
}

/*
 * Sets (org NULL: takes away) the organization user email answers
 * proposals for, after checking that org is one of the program's
 * organizations; audited with the account before and after.
 */
static int
user_set_org(struct cli *c, struct store *s, const char *email, const char *org)
{
	struct strbuf err = STRBUF_INIT, norm = STRBUF_INIT;
	struct store_user u;
	struct user_write w = { .op = USER_ORG, .email = email, .org = org };
	int rc = CLI_FAIL;

	store_user_init(&u);
	if (auth_email_normalize(email, &norm, &err) || store_user_get(s, norm.buf, &u, &err)) {
		cli_error("%s", err.len ? err.buf : _("no such user"));
		goto out;
	}
	if (org && org_check(c, s, u.program, org) != 0)
		goto out;
	if ((rc = user_run(s, &w, "user organization")) != CLI_OK)
		goto out;
	if (org)
		/* TRANSLATORS: an account's email, an organization's slug */
		printf(_("%s answers for %s\n"), w.done, org);
	else
		printf(_("%s answers for no organization\n"), w.done);
out:
	free(w.done);
	store_user_release(&u);
	strbuf_release(&err);
	strbuf_release(&norm);
	return rc;
}

static void
format_time(int64_t t, char buf[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t == 0 || gmtime_r(&tt, &tm) == NULL)
		snprintf(buf, 32, "-");
	else
		strftime(buf, 32, "%Y-%m-%d %H:%M", &tm);
}

static int
user_list(struct store *s)
{
	struct store_users all = { NULL, 0, 0 };
	struct store_slugs roles = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT, scope = STRBUF_INIT;
	int w = (int)cli_width(_("EMAIL")), rc = CLI_FAIL;

	if (store_user_list(s, &all, &err) || store_user_roles(s, &roles, &err)) {
		cli_error("%s", err.buf);
		goto out;
	}
	for (size_t i = 0; i < all.n; i++)
		if ((int)strlen(all.v[i].email) > w)
			w = (int)strlen(all.v[i].email);
	/* the headings padded to their columns by what they show (cli_pad) */
	cli_pad(_("EMAIL"), (size_t)w);
	cli_pad(_("ROLE"), 9);
	cli_pad(_("SCOPE"), 20);
	cli_pad(C_("list", "CREATED"), 16);
	printf("%s\n", _("STATUS"));
	for (size_t i = 0; i < all.n; i++) {
		const struct store_user *u = &all.v[i];
		char created[32];
		int replaced = 0;

		/* its own role is not shown where its role in that program replaces it */
		for (size_t j = 0; j + 4 <= roles.n; j += 4)
			replaced |= u->program && strcmp(roles.v[j], u->email) == 0 &&
			    strcmp(roles.v[j + 1], u->program) == 0;
		format_time(u->created, created);
		if (!replaced)
			printf("%-*s  %-9s  %-20s  %-16s  %s\n", w, u->email,
			    store_role_names[u->role],
			    u->initiative ? u->initiative : u->program ? u->program : "-", created,
			    u->disabled ? C_("account", "disabled") : C_("account", "active"));
		/* its roles per program (migration 14): scope PROGRAM or PROGRAM/INITIATIVE */
		for (size_t j = 0; j + 4 <= roles.n; j += 4) {
			char **r = &roles.v[j];

			if (strcmp(r[0], u->email) != 0)
				continue;
			strbuf_reset(&scope);
			strbuf_addf(&scope, "%s%s%s", r[1], r[3] ? "/" : "", r[3] ? r[3] : "");
			printf("%-*s  %-9s  %-20s  %-16s  %s\n", w, u->email, r[2], scope.buf,
			    created, u->disabled ? C_("account", "disabled") : C_("account", "active"));
		}
	}
	rc = CLI_OK;
out:
	store_slugs_release(&roles);
	strbuf_release(&scope);
	store_users_release(&all);
	strbuf_release(&err);
	return rc;
}

int
cmd_user(int argc, char **argv, struct cli *c)
{
	const char *role = NULL, *initiative = NULL, *pwfile = NULL, *org = NULL;
	const struct cli_opt opts[] = {
		{ "role", "ROLE", &role, N_("add: admin, member, viewer or evaluator") },
		{ "initiative", "SLUG", &initiative, N_("add: the initiative of a member or viewer") },
		{ "password-file", "F", &pwfile, N_("add, password: read the password from F's first line") },
		{ "organization", "ORG", &org, N_("add, organization: the organization it answers proposals for") },
		{ NULL, NULL, NULL, NULL },
	};
	struct strbuf err = STRBUF_INIT, pw = STRBUF_INIT;
	struct store *s = NULL;
	const char *verb;
	int nargs, rc;

	if ((rc = cli_parse(&user_cmd, opts, c, argc, argv, &nargs)) >= 0)
		return rc;
	if (nargs == 0)
		return cli_usage_error(&user_cmd, _("give a subcommand: add, list, remove or password"));
	verb = argv[0];
	if (strcmp(verb, "add") == 0) {
		int r;

		if (nargs != 2)
			return cli_usage_error(&user_cmd, _("add takes one EMAIL"));
		if (role == NULL)
			return cli_usage_error(&user_cmd, _("add needs --role"));
		if ((r = store_role_parse(role)) < 0)
			return cli_usage_error(&user_cmd, _("no role '%s' (admin, member, viewer, evaluator)"), role);
		if ((r == STORE_ROLE_MEMBER || r == STORE_ROLE_VIEWER) && initiative == NULL)
			return cli_usage_error(&user_cmd, _("a %s needs --initiative SLUG"), role);
		if ((r == STORE_ROLE_ADMIN || r == STORE_ROLE_EVALUATOR) && initiative)
			return cli_usage_error(&user_cmd, _("an %s has no --initiative"), role);
	} else if (strcmp(verb, "organization") == 0) {
		if (nargs != 2)
			return cli_usage_error(&user_cmd, _("organization takes one EMAIL"));
	} else if (strcmp(verb, "list") == 0) {
		if (nargs != 1)
			return cli_usage_error(&user_cmd, _("list takes no arguments"));
	} else if (strcmp(verb, "remove") == 0 || strcmp(verb, "password") == 0) {
		if (nargs != 2)
			return cli_usage_error(&user_cmd, _("%s takes one EMAIL"), verb);
	} else
		return cli_usage_error(&user_cmd, _("no subcommand '%s' (add, list, remove, password, organization)"), verb);
	if (org && strcmp(verb, "add") != 0 && strcmp(verb, "organization") != 0)
		return cli_usage_error(&user_cmd, _("--organization is for add and organization"));
	if ((role || initiative) && strcmp(verb, "add") != 0)
		return cli_usage_error(&user_cmd, _("--role and --initiative are for add"));
	if (pwfile && strcmp(verb, "add") != 0 && strcmp(verb, "password") != 0)
		return cli_usage_error(&user_cmd, _("--password-file is for add and password"));

	if (cli_store_open(c, 0, &s))
		return CLI_FAIL;
	if (strcmp(verb, "add") == 0) {
		rc = org ? org_check(c, s, NULL, org) : CLI_OK;
		if (rc == CLI_OK)
			rc = user_add(c, s, argv[1], role, initiative, pwfile);
		if (rc == CLI_OK && org)
			rc = user_set_org(c, s, argv[1], org);
	} else if (strcmp(verb, "organization") == 0)
		rc = user_set_org(c, s, argv[1], org);
	else if (strcmp(verb, "list") == 0)
		rc = user_list(s);
	else if (strcmp(verb, "remove") == 0)
		rc = user_remove(s, argv[1]);
	else {
		rc = CLI_FAIL;
		if (get_password(pwfile, &pw) == 0) {
			rc = user_run(s, &(struct user_write){ .op = USER_PASSWORD, .email = argv[1],
			    .password = pw.buf }, "user password");
			if (rc == CLI_OK)
				printf(_("Changed the password of %s (signed out everywhere, API "
				    "tokens revoked)\n"), argv[1]);
		}
	}
	explicit_bzero(pw.buf, pw.len);
	strbuf_release(&pw);
	strbuf_release(&err);
	store_close(s);
	return rc;
}
