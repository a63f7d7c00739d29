#ifndef TRELLIS_ADMIN_PAGES_H
#define TRELLIS_ADMIN_PAGES_H
/*
 * The admin pages (GET /admin/users, GET /admin/audit; h_admin.c fetches
 * the accounts and the log and fills these structs): the accounts with a
 * form each to change, disable or remove them and the form that adds one;
 * the audit log, each change as a sentence ("root (command line) opened
 * survey round s-5 in Harlow Mills") with the record before and after.
 */
#include <stddef.h>
#include <stdint.h>

#include "account_form.h"
#include "frame.h"
#include "../model/model.h"
#include "html.h"

struct strbuf;

/* One choice of a picker: its value and what it says. */
struct admin_choice {
	const char *value;
	const char *label;
};

/* One account as the users page shows it. */
struct admin_user {
	const char *email;
	const char *role;		/* its code: "admin", "member", "viewer", "evaluator" */
	const char *initiative;		/* its initiative's slug, or NULL */
	const char *initiative_name;	/* that initiative's name, or NULL when unknown */
	const char *organization;	/* the organization it answers proposals for (a slug), or NULL */
	const char *organization_name;	/* its name, or NULL when unknown */
	int64_t created;		/* Unix time */
	int64_t disabled;		/* Unix time it was disabled, or 0 */
	int self;			/* 1: the admin looking at the page */
};

/* The add form as it was typed (a form that came back). */
struct admin_add_form {
	const char *email, *role, *initiative;
	const struct acct_error *errs;
	size_t nerrs;
};

struct admin_users_page {
	const struct frame *frame;
	const struct admin_user *users;
	size_t nusers;
	const char *const *roles;	/* the role codes, in the pickers' order */
	size_t nroles;
	const struct admin_choice *initiatives;	/* value: slug; label: "Name (City)" */
	size_t ninitiatives;
	const struct admin_choice *orgs;	/* the program's organizations: value slug, label name */
	size_t norgs;
	const char *notice;		/* after a change ("Added the account a@b.org."), or NULL */
	const struct acct_error *errs;	/* problems of a row's form */
	size_t nerrs;
	const struct admin_add_form *add;	/* may be NULL */
	int password_min, password_max;	/* the password policy, for the add form's hint */
	/*
	 * 1 for an admin of this program alone (docs/web.md, "Accounts per
	 * program"): the accounts with a role in it, without a form (accounts
	 * are changed by an admin of every program)
	 */
	int read_only;
};

void admin_users_write(struct html *h, const struct admin_users_page *pg);

/* One entry of the audit log (store_audit's fields, the initiative's name added). */
struct audit_row {
	int64_t at;			/* Unix time */
	const char *actor;		/* an email, "cli:<unix user>", "cli", "anonymous" */
	const char *action;		/* "create", "update", "delete", "import" */
	const char *kind;		/* "decisions", "surveys", "survey-invitations", "users", a file name */
	const char *record;		/* the record's key, or NULL */
	const char *initiative_name;	/* its initiative's name, or NULL */
	const char *before, *after;	/* JSON text, or NULL */
	const struct program *p;	/* for organizations' names (a ledger entry's approvals), or NULL */
};

struct audit_page {
	const struct frame *frame;
	const struct audit_row *rows;
	size_t nrows;
	const struct admin_choice *initiatives;	/* the filter's choices */
	size_t ninitiatives;
	const char *filter;		/* the slug filtered by, or NULL */
	const char *filter_name;	/* its name */
	long page;			/* from 1 */
	int more;			/* 1: there are older entries */
};

void admin_audit_write(struct html *h, const struct audit_page *pg);

/*
 * One entry in words, appended to out: who ("root (command line)"), what
 * ("opened survey round s-5", "changed decision d-950 “Audited”",
 * "made 3 survey links for round s-5") and where ("in Harlow Mills").
 */
void audit_sentence(const struct audit_row *a, struct strbuf *out);

/*
 * The overview's "Recent changes": rows[0..n), newest first, each a time
 * and a sentence (audit_sentence), with "Open it" to links[i] when it is
 * not NULL; with none, a sentence that says what will appear. limit > 0
 * says the list stops at that many (administrators see all in the log).
 */
void audit_recent_write(struct html *h, const struct audit_row *rows, const char *const *links,
    size_t n, int limit);

/*
 * Appends to out (when not NULL) n records of an audit log kind, in the
 * language in use (ngettext): "1 decision", "3 ledger entries". Returns 0,
 * or -1 (nothing appended) for a kind this page does not know.
 */
int audit_kind_count(const char *kind, int64_t n, struct strbuf *out);

/* Appends "12 Mar 2016 14:05 UTC" for Unix time t. */
void admin_time_words(int64_t t, struct strbuf *out);

#endif
