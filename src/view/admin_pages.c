/*
 * The admin pages (admin_pages.h): the users and the audit log. What they
 * show comes in plain structs; the handler (src/web/h_admin.c) reads the
 * accounts and the log.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "admin_pages.h"
#include "../metrics/metrics.h"
#include "../util/num.h"
#include "../util/date.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

/* What each role may do, in words, for the role pickers. */
static const struct {
	const char *code, *help;
} roles[] = {
	{ "admin", N_("Admin — the program team: everything, and these pages") },
	{ "member", N_("Member — reads and edits one initiative") },
	{ "viewer", N_("Viewer — reads one initiative") },
	{ "evaluator", N_("Evaluator — reads the whole program, never single survey answers") },
};

static const char *
role_help(const char *code)
{
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(roles[i].code, code) == 0)
			return _(roles[i].help);
	return code;
}

/* A role's name as people read it (the code stays in the form's value). */
static const char *
role_label(const char *code)
{
	static const struct {
		const char *code, *label;
	} labels[] = {
		{ "admin", N_("admin") }, { "member", N_("member") },
		{ "viewer", N_("viewer") }, { "evaluator", N_("evaluator") },
	};

	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].code, code) == 0)
			return _(labels[i].label);
	return code;
}

void
admin_time_words(int64_t t, struct strbuf *out)
{
	char d[DATE_WORDS_BUFSZ];
	int64_t day = t >= 0 ? t / 86400 : (t - 86399) / 86400, s = t - day * 86400;

	strbuf_addf(out, "%s %02d:%02d UTC",
	    date_format_words_lang((tdate)day, lang_code(i18n_current()), d), (int)(s / 3600),
	    (int)(s / 60 % 60));
}

/* The admin pages' own row of links, under the top bar. */
static void
admin_nav(struct html *h, int current)
{
	html_open(h, "nav", "class", "admin-nav", "aria-label", _("Administration"), NULL);
	html_open(h, "ul", NULL);
	html_open(h, "li", NULL);
	html_open(h, "a", "href", "/admin/users", "aria-current", current == 0 ? "page" : NULL, NULL);
	html_text(h, _("Users"));
	html_close_to(h, h->depth - 2);
	html_open(h, "li", NULL);
	html_open(h, "a", "href", "/admin/audit", "aria-current", current == 1 ? "page" : NULL, NULL);
	html_text(h, _("Audit log"));
	html_close_to(h, h->depth - 2);
	html_close(h);
	html_close(h);
}

/* A <select> of the roles, sel (may be NULL) chosen. */
static void
role_select(struct html *h, const struct admin_users_page *pg, const char *id, const char *sel)
{
	html_open(h, "select", "id", id, "name", "role", NULL);
	for (size_t r = 0; r < pg->nroles; r++) {
		html_open(h, "option", "value", pg->roles[r],
		    "selected", sel && strcmp(sel, pg->roles[r]) == 0 ? "" : NULL, NULL);
		html_text(h, role_help(pg->roles[r]));
		html_close(h);
	}
	html_close(h);
}

/* A <select> of the initiatives with "none" first, sel (may be NULL) chosen. */
static void
choice_select(struct html *h, const struct admin_choice *v, size_t n, const char *id,
    const char *name, const char *sel, const char *none)
{
	html_open(h, "select", "id", id, "name", name, NULL);
	html_open(h, "option", "value", "", "selected", sel == NULL || *sel == '\0' ? "" : NULL, NULL);
	html_text(h, none);
	html_close(h);
	for (size_t i = 0; i < n; i++) {
		html_open(h, "option", "value", v[i].value,
		    "selected", sel && strcmp(sel, v[i].value) == 0 ? "" : NULL, NULL);
		html_text(h, v[i].label);
		html_close(h);
	}
	html_close(h);
}

static void
initiative_select(struct html *h, const struct admin_choice *v, size_t n, const char *id,
    const char *sel, const char *none)
{
	choice_select(h, v, n, id, "initiative", sel, none);
}

/* A one-button POST form: action on the account email. */
static void
button_form(struct html *h, const char *csrf, const char *action, const char *email,
    const char *label, const char *cls)
{
	html_open(h, "form", "class", "inline", "method", "post", "action", "/admin/users", NULL);
	frame_csrf_field(h, csrf);
	html_void(h, "input", "type", "hidden", "name", "action", "value", action, NULL);
	html_void(h, "input", "type", "hidden", "name", "email", "value", email, NULL);
	html_open(h, "button", "type", "submit", "class", cls, NULL);
	html_text(h, label);
	html_close(h);
	html_close(h);
}

/* The forms of one account's row: change its role, disable or enable, remove. */
static void
user_actions(struct html *h, const struct admin_users_page *pg, const struct admin_user *u,
    size_t row)
{
	const char *csrf = pg->frame->csrf;
	char rid[32], iid[32], oid[32];

	if (u->self) {
		html_open(h, "span", "class", "note", NULL);
		html_text(h, _("your own account (change it with `trellis user`)"));
		html_close(h);
		return;
	}
	snprintf(rid, sizeof(rid), "role-%zu", row);
	snprintf(iid, sizeof(iid), "initiative-%zu", row);
	html_open(h, "details", NULL);
	html_elem(h, "summary", _("Change role"));
	html_open(h, "form", "class", "stack", "method", "post", "action", "/admin/users", NULL);
	frame_csrf_field(h, csrf);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "role", NULL);
	html_void(h, "input", "type", "hidden", "name", "email", "value", u->email, NULL);
	acct_field_open(h, rid, _("New role"), NULL, NULL);
	role_select(h, pg, rid, u->role);
	html_close(h);
	acct_field_open(h, iid, _("Initiative (members and viewers)"), NULL, NULL);
	initiative_select(h, pg->initiatives, pg->ninitiatives, iid, u->initiative, _("none"));
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Change role (signs them out)"));
	html_close(h);
	html_close(h);
	html_close(h);
	/* the organization it answers proposals for (docs/proposals.md) */
	snprintf(oid, sizeof(oid), "organization-%zu", row);
	html_open(h, "details", NULL);
	html_elem(h, "summary", _("Change organization"));
	html_open(h, "form", "class", "stack", "method", "post", "action", "/admin/users", NULL);
	frame_csrf_field(h, csrf);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "organization", NULL);
	html_void(h, "input", "type", "hidden", "name", "email", "value", u->email, NULL);
	acct_field_open(h, oid, _("Answers proposals for"), NULL, NULL);
	choice_select(h, pg->orgs, pg->norgs, oid, "organization", u->organization,
	    _("no organization"));
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Save the organization"));
	html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, "div", "class", "row-actions", NULL);
	if (u->disabled)
		button_form(h, csrf, "enable", u->email, _("Enable"), "secondary");
	else
		button_form(h, csrf, "disable", u->email, _("Disable"), "secondary");
	button_form(h, csrf, "remove", u->email, _("Remove"), "danger");
	html_close(h);
}

static void
add_form_write(struct html *h, const struct admin_users_page *pg)
{
	const struct admin_add_form *f = pg->add;
	const struct acct_error *e = f ? f->errs : NULL;
	size_t ne = f ? f->nerrs : 0;
	char hint[320];

	html_elem(h, "h2", _("Add a user"));
	html_open(h, "form", "class", "stack", "id", "add", "method", "post", "action", "/admin/users",
	    NULL);
	frame_csrf_field(h, pg->frame->csrf);
	html_void(h, "input", "type", "hidden", "name", "action", "value", "add", NULL);
	acct_input(h, "new-email", "email", _("Email address"), "email", "off", f ? f->email : NULL,
	    NULL, acct_error_for(e, ne, "new-email"));
	acct_field_open(h, "new-role", _("Role"), NULL, acct_error_for(e, ne, "new-role"));
	role_select(h, pg, "new-role", f && f->role ? f->role : "member");
	html_close(h);
	acct_field_open(h, "new-initiative", _("Initiative"),
	    _("Members and viewers belong to one initiative; admins and evaluators to none."),
	    acct_error_for(e, ne, "new-initiative"));
	initiative_select(h, pg->initiatives, pg->ninitiatives, "new-initiative",
	    f ? f->initiative : NULL, _("none (admin, evaluator)"));
	html_close(h);
	snprintf(hint, sizeof(hint), _("From %d to %d characters; a few words make a good one. "
	    "Give it to the person in private; they sign in with it."), pg->password_min,
	    pg->password_max);
	acct_input(h, "new-password", "password", _("Initial password"), "password", "new-password",
	    NULL, hint, acct_error_for(e, ne, "new-password"));
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Add the user"));
	html_close(h);
	html_close(h);
}

void
admin_users_write(struct html *h, const struct admin_users_page *pg)
{
	struct strbuf sb = STRBUF_INIT;

	assert(pg->frame);
	frame_begin(h, pg->frame);
	admin_nav(h, 0);
	acct_error_summary(h, pg->errs, pg->nerrs);
	if (pg->add)
		acct_error_summary(h, pg->add->errs, pg->add->nerrs);
	if (pg->notice) {
		html_open(h, "p", "class", "notice", "role", "status", NULL);
		html_text(h, pg->notice);
		html_close(h);
	}
	html_open(h, "p", "class", "meta", NULL);
	if (pg->read_only)
		html_textf(h, P_("%zu account with a role in this program, with its role here. "
		    "Accounts are changed by an admin of every program, or with trellis user.",
		    "%zu accounts with a role in this program, each with its role here. Accounts are "
		    "changed by an admin of every program, or with trellis user.", pg->nusers),
		    pg->nusers);
	else
		html_textf(h, P_("%zu account. A change of role or a disabled account signs that "
		    "person out at once; every change here is in the audit log.", "%zu accounts. A "
		    "change of role or a disabled account signs that person out at once; every "
		    "change here is in the audit log.", pg->nusers), pg->nusers);
	html_close(h);
	html_open(h, "div", "class", "scroll", NULL);
	html_open(h, "table", "class", "users cards", NULL);
	if (pg->read_only)
		html_thead(h, _("Email"), _("Role"), _("Initiative"), _("Created"), _("Status"), NULL);
	else
		html_thead(h, _("Email"), _("Role"), _("Initiative"), _("Created"), _("Status"),
		    _("Change"), NULL);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < pg->nusers; i++) {
		const struct admin_user *u = &pg->users[i];

		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", "data-label", _("Email"), NULL);
		html_text(h, u->email);
		html_close(h);
		html_open(h, "td", "data-label", _("Role"), NULL);
		html_text(h, role_label(u->role));
		html_close(h);
		html_open(h, "td", "data-label", _("Initiative"), NULL);
		if (u->initiative_name)
			html_text(h, u->initiative_name);
		else if (u->initiative)
			html_text(h, u->initiative);
		else {
			html_open(h, "span", "class", "note", NULL);
			html_text(h, strcmp(u->role, "evaluator") == 0 ? _("the whole program") : "—");
			html_close(h);
		}
		if (u->organization) {
			html_void(h, "br", NULL);
			html_open(h, "span", "class", "note", NULL);
			/* TRANSLATORS: the organization the account answers proposals for */
			html_textf(h, _("answers for %s"), u->organization_name ? u->organization_name :
			    u->organization);
			html_close(h);
		}
		html_close(h);
		strbuf_reset(&sb);
		admin_time_words(u->created, &sb);
		html_open(h, "td", "data-label", _("Created"), NULL);
		html_text(h, sb.buf);
		html_close(h);
		html_open(h, "td", "data-label", _("Status"), NULL);
		if (u->disabled) {
			strbuf_reset(&sb);
			admin_time_words(u->disabled, &sb);
			/* TRANSLATORS: when the account was disabled ("31 Dec 2016 09:30 UTC") */
			html_textf(h, _("✗ disabled %s"), sb.buf);
		} else
			html_text(h, _("✓ active"));
		html_close(h);
		if (!pg->read_only) {
			html_open(h, "td", "data-label", _("Change"), NULL);
			user_actions(h, pg, u, i);
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	if (!pg->read_only)
		add_form_write(h, pg);
	frame_end(h);
	strbuf_release(&sb);
}

/* ---------------------------------------------------------------- the audit log */

/*
 * One record of each kind, as a sentence names it: one and many, a number
 * of them (a plural pair for ngettext: the digest's mail counts them), and what, the record named in an audit
 * sentence with its id (%s), translated whole ("decision %s": "la decisión
 * %s") so a language can give the noun its article.
 */
static const struct {
	const char *kind, *one, *many, *what;
} kind_words[] = {
	{ "program",
	    NP_("%lld change to the program's details", "%lld changes to the program's details"),
	    N_("the program's details %s") },
	{ "initiatives", NP_("%lld initiative", "%lld initiatives"), N_("initiative %s") },
	{ "initiative", NP_("%lld initiative", "%lld initiatives"), N_("initiative %s") },
	{ "organizations", NP_("%lld organization", "%lld organizations"), N_("organization %s") },
	{ "people", NP_("%lld person", "%lld people"), N_("person %s") },
	{ "instruments", NP_("%lld questionnaire", "%lld questionnaires"), N_("questionnaire %s") },
	{ "learning", NP_("%lld learning note", "%lld learning notes"), N_("learning note %s") },
	{ "candidates", NP_("%lld candidate", "%lld candidates"), N_("candidate %s") },
	{ "members", NP_("%lld member", "%lld members"), N_("member %s") },
	{ "responsibilities", NP_("%lld responsibility", "%lld responsibilities"),
	    N_("responsibility %s") },
	{ "decisions", NP_("%lld decision", "%lld decisions"), N_("decision %s") },
	{ "grants", NP_("%lld grant", "%lld grants"), N_("grant %s") },
	{ "ledger", NP_("%lld ledger entry", "%lld ledger entries"), N_("ledger entry %s") },
	{ "applications", NP_("%lld application", "%lld applications"), N_("application %s") },
	{ "credits", NP_("%lld credit", "%lld credits"), N_("credit %s") },
	{ "contributions", NP_("%lld contribution", "%lld contributions"), N_("contribution %s") },
	{ "checkins", NP_("%lld check-in", "%lld check-ins"), N_("check-in %s") },
	{ "events", NP_("%lld event", "%lld events"), N_("event %s") },
	{ "surveys", NP_("%lld survey round", "%lld survey rounds"), N_("survey round %s") },
	{ "ties", NP_("%lld network rating", "%lld network ratings"), N_("network rating %s") },
	{ "proposals", NP_("%lld proposal", "%lld proposals"), N_("proposal %s") },
	{ "assistance", NP_("%lld technical assistance record", "%lld technical assistance records"),
	    N_("technical assistance record %s") },
	{ "observations",
	    NP_("%lld measurement of the shared result", "%lld measurements of the shared result"),
	    N_("measurement of the shared result %s") },
	{ "responses", NP_("%lld answer to an alert", "%lld answers to alerts"),
	    N_("answer to an alert %s") },
	{ "actions", NP_("%lld action", "%lld actions"), N_("action %s") },
	{ "users", NP_("%lld account", "%lld accounts"), N_("the account %s") },
	{ "settings", NP_("%lld setting", "%lld settings"), N_("the setting %s") },
};

int
audit_kind_count(const char *kind, int64_t n, struct strbuf *out)
{
	for (size_t i = 0; kind && i < sizeof(kind_words) / sizeof(kind_words[0]); i++)
		if (strcmp(kind_words[i].kind, kind) == 0) {
			if (out)
				strbuf_addf(out, P_(kind_words[i].one, kind_words[i].many, n),
				    (long long)n);
			return 0;
		}
	return -1;
}

/* sb without its trailing spaces */
static void
rtrim(struct strbuf *sb)
{
	while (sb->len && sb->buf[sb->len - 1] == ' ')
		strbuf_setlen(sb, sb->len - 1);
}

/* The audit sentence's name of a record of kind (its id: record), in the language in use. */
static void
record_words(const char *kind, const char *record, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < sizeof(kind_words) / sizeof(kind_words[0]); i++)
		if (strcmp(kind_words[i].kind, kind) == 0)
			break;
	if (i < sizeof(kind_words) / sizeof(kind_words[0])) {
		strbuf_addf(out, _(kind_words[i].what), record ? record : "");
		/* no id: no space left for it */
		if (record == NULL || *record == '\0')
			rtrim(out);
		return;
	}
	/* a kind this page does not know: in words */
	for (const char *s = kind; *s; s++)
		strbuf_addch(out, *s == '_' || *s == '-' ? ' ' : *s);
	if (record && *record)
		strbuf_addf(out, " %s", record);
}

/* "root (command line)" for "cli:root"; the email of a person who signed in. */
static void
actor_words(const char *actor, struct strbuf *out)
{
	if (actor == NULL || *actor == '\0')
		strbuf_addstr(out, _("Someone"));
	else if (strncmp(actor, "cli:", 4) == 0 && actor[4])
		/* TRANSLATORS: the name of the account that ran the command */
		strbuf_addf(out, _("%s (command line)"), actor + 4);
	else if (strcmp(actor, "cli") == 0)
		strbuf_addstr(out, _("Someone at the command line"));
	else if (strcmp(actor, "anonymous") == 0)
		strbuf_addstr(out, _("Someone not signed in"));
	else
		strbuf_addstr(out, actor);
}

/* "an evaluator": a role with its article, as a sentence reads it. */
static void
role_words(const char *role, struct strbuf *out)
{
	static const struct {
		const char *code, *words;
	} with_article[] = {
		{ "admin", N_("an admin") }, { "member", N_("a member") },
		{ "viewer", N_("a viewer") }, { "evaluator", N_("an evaluator") },
	};

	for (size_t i = 0; i < sizeof(with_article) / sizeof(with_article[0]); i++)
		if (strcmp(with_article[i].code, role) == 0) {
			strbuf_addstr(out, _(with_article[i].words));
			return;
		}
	strbuf_addf(out, "%s %s", strchr("aeiou", role[0]) ? "an" : "a", role);
}

/* A string member of a JSON object's text, or NULL (caller frees with json_decref of *root). */
static const char *
json_member(json_t **root, const char *text, const char *name)
{
	json_t *v;

	if (*root == NULL && text) {
		json_error_t je;

		*root = json_loads(text, JSON_DECODE_ANY, &je);
	}
	if (*root == NULL || !json_is_object(*root) || (v = json_object_get(*root, name)) == NULL)
		return NULL;
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/*
 * A setting's change in words: "… changed the dominance threshold (...)
 * from 0.5 to 0.6" (a setting never set before was at its default; one
 * reset goes back to it).
 */
static void
setting_sentence(const struct audit_row *a, const char *who, struct strbuf *out)
{
	struct metrics_settings dflt;
	size_t i = (size_t)metrics_settings_find(a->record);
	json_t *b = NULL, *f = NULL;
	const char *from = json_member(&b, a->before, a->record);
	const char *to = json_member(&f, a->after, a->record);
	struct strbuf v1 = STRBUF_INIT, v2 = STRBUF_INIT;
	char d[NUM_BUFSZ];

	metrics_settings_default(&dflt);
	metrics_settings_value(&dflt, i, d);
	if (from)
		strbuf_addstr(&v1, from);
	else
		/* TRANSLATORS: a setting's default value */
		strbuf_addf(&v1, _("%s (the default)"), d);
	if (to)
		strbuf_addstr(&v2, to);
	else
		strbuf_addf(&v2, _("%s (the default)"), d);
	/* TRANSLATORS: who, the setting's name, its value before, its value after */
	strbuf_addf(out, _("%s changed %s from %s to %s"), who, _(metrics_settings_label(i)), v1.buf,
	    v2.buf);
	strbuf_release(&v1);
	strbuf_release(&v2);
	if (b)
		json_decref(b);
	if (f)
		json_decref(f);
}

/* The verbs of the sentence "WHO added WHAT": the actor, then the record. */
static const struct {
	const char *action, *sentence;
} verb_sentences[] = {
	{ "create", N_("%s added %s") }, { "update", N_("%s changed %s") },
	{ "delete", N_("%s removed %s") }, { "import", N_("%s imported %s") },
	{ "open", N_("%s opened %s") }, { "answer", N_("%s recorded an answer to %s") },
};

/*
 * The approval an update of a ledger entry added (its after has more
 * approvals than its before), or NULL: the last of after's (the roots are
 * the caller's to release).
 */
static json_t *
approval_added(json_t **after, json_t **before, const struct audit_row *a)
{
	json_t *fa, *ba;
	size_t nb;

	json_member(after, a->after, "approvals");
	json_member(before, a->before, "approvals");
	if (*after == NULL || (fa = json_object_get(*after, "approvals")) == NULL ||
	    !json_is_array(fa) || json_array_size(fa) == 0)
		return NULL;
	ba = *before ? json_object_get(*before, "approvals") : NULL;
	nb = ba && json_is_array(ba) ? json_array_size(ba) : 0;
	if (json_array_size(fa) <= nb)
		return NULL;
	return json_array_get(fa, json_array_size(fa) - 1);
}

void
audit_sentence(const struct audit_row *a, struct strbuf *out)
{
	const char *action = a->action ? a->action : "", *kind = a->kind ? a->kind : "";
	const char *title = NULL, *closed, *role, *status, *was;
	const char *lang = lang_code(i18n_current());
	json_t *after = NULL, *before = NULL, *approval;
	struct strbuf who = STRBUF_INIT, what = STRBUF_INIT;
	char d[DATE_WORDS_BUFSZ];
	tdate day;

	actor_words(a->actor, &who);
	if (strcmp(action, "import") == 0) {
		json_t *n = NULL;

		if ((after = a->after ? json_loads(a->after, 0, NULL) : NULL) != NULL)
			n = json_object_get(after, "records");
		if (n && json_is_integer(n))
			/* TRANSLATORS: who, how many records, the file's name */
			strbuf_addf(out, P_("%s imported %lld record from %s",
			    "%s imported %lld records from %s", json_integer_value(n)), who.buf,
			    (long long)json_integer_value(n), *kind ? kind : _("a file"));
		else
			strbuf_addf(out, _("%s imported %s"), who.buf, *kind ? kind : _("a file"));
	} else if (strcmp(kind, "survey-invitations") == 0) {
		json_t *n = NULL;

		if ((after = a->after ? json_loads(a->after, 0, NULL) : NULL) != NULL)
			n = json_object_get(after, "links");
		if (n && json_is_integer(n))
			strbuf_addf(out, P_("%s made %lld survey link", "%s made %lld survey links",
			    json_integer_value(n)), who.buf, (long long)json_integer_value(n));
		else
			strbuf_addf(out, _("%s made survey links"), who.buf);
		if (a->record)
			/* TRANSLATORS: after "… made 3 survey links": the round's id */
			strbuf_addf(out, _(" for round %s"), a->record);
	} else if (strcmp(kind, "users") == 0 && strcmp(action, "update") == 0 && a->after &&
	    a->before) {
		/* an account: what changed of it */
		json_t *b = json_loads(a->before, 0, NULL), *f = json_loads(a->after, 0, NULL);
		json_t *bd = b ? json_object_get(b, "disabled") : NULL;
		json_t *fd = f ? json_object_get(f, "disabled") : NULL;
		const char *br = b ? json_string_value(json_object_get(b, "role")) : NULL;
		const char *fr = f ? json_string_value(json_object_get(f, "role")) : NULL;
		const char *acct = a->record ? a->record : "";

		if (bd && fd && json_is_true(bd) != json_is_true(fd))
			strbuf_addf(out, json_is_true(fd) ? _("%s disabled the account %s") :
			    _("%s enabled the account %s"), who.buf, acct);
		else if (fr && (br == NULL || strcmp(br, fr) != 0 || json_equal(b, f) == 0)) {
			role_words(fr, &what);
			/* TRANSLATORS: who, the account's email, its new role ("an evaluator") */
			strbuf_addf(out, _("%s made the account %s %s"), who.buf, acct, what.buf);
		} else
			strbuf_addf(out, _("%s changed the account %s"), who.buf, acct);
		if (b)
			json_decref(b);
		if (f)
			json_decref(f);
	} else if (strcmp(kind, "users") == 0 && strcmp(action, "create") == 0 &&
	    (role = json_member(&after, a->after, "role")) != NULL) {
		role_words(role, &what);
		/* TRANSLATORS: who, the account's email, its role ("an evaluator") */
		strbuf_addf(out, _("%s added the account %s as %s"), who.buf,
		    a->record ? a->record : "", what.buf);
	} else if (strcmp(kind, "actions") == 0 && strcmp(action, "update") == 0 &&
	    (status = json_member(&after, a->after, "status")) != NULL &&
	    (was = json_member(&before, a->before, "status")) != NULL && strcmp(status, was) != 0) {
		/* an action's status: what became of it */
		title = json_member(&after, a->after, "title");
		if (title)
			/* TRANSLATORS: who, the action's id, its title, its new status (a code) */
			strbuf_addf(out, _("%s marked action %s “%s” %s"), who.buf,
			    a->record ? a->record : "", title, status);
		else
			strbuf_addf(out, _("%s marked action %s %s"), who.buf,
			    a->record ? a->record : "", status);
	} else if (strcmp(kind, "ledger") == 0 && strcmp(action, "update") == 0 &&
	    (approval = approval_added(&after, &before, a)) != NULL) {
		/* an approval (docs/approvals.md): who, for which organization */
		const char *org = json_string_value(json_object_get(approval, "org"));
		const char *verdict = json_string_value(json_object_get(approval, "verdict"));
		const char *reason = json_string_value(json_object_get(approval, "reason"));
		const struct organization *o = a->p && org ? program_org(a->p, org) : NULL;

		/* TRANSLATORS: who, the ledger entry's id, the organization */
		strbuf_addf(out, verdict && strcmp(verdict, "reject") == 0 ?
		    _("%s rejected ledger entry %s for %s") : _("%s approved ledger entry %s for %s"),
		    who.buf, a->record ? a->record : "", o ? o->name : org ? org : "");
		if (reason)
			strbuf_addf(out, " (“%s”)", reason);
	} else if (strcmp(kind, "settings") == 0 && a->record &&
	    metrics_settings_find(a->record) >= 0) {
		setting_sentence(a, who.buf, out);
	} else if (strcmp(kind, "surveys") == 0 && strcmp(action, "update") == 0 &&
	    (closed = json_member(&after, a->after, "closed")) != NULL &&
	    date_parse(closed, &day) == 0) {
		strbuf_addf(out, _("%s closed survey round %s on %s"), who.buf,
		    a->record ? a->record : "", date_format_words_lang(day, lang, d));
	} else if (strcmp(kind, "proposals") == 0 && strcmp(action, "update") == 0 &&
	    (closed = json_member(&after, a->after, "decided")) != NULL &&
	    date_parse(closed, &day) == 0) {
		strbuf_addf(out, _("%s closed proposal %s on %s"), who.buf,
		    a->record ? a->record : "", date_format_words_lang(day, lang, d));
	} else {
		const char *verb = *action ? action : "update";
		size_t v;

		if ((strcmp(kind, "surveys") == 0 || strcmp(kind, "proposals") == 0) &&
		    strcmp(action, "create") == 0)
			verb = "open";
		/* an update of an open proposal is an answer (h_proposals.c changes nothing else) */
		if (strcmp(kind, "proposals") == 0 && strcmp(action, "update") == 0)
			verb = "answer";
		if (*kind)
			record_words(kind, a->record, &what);
		else if (a->record && *a->record)
			strbuf_addstr(&what, a->record);
		title = json_member(&after, a->after, "title");
		if (title == NULL)
			title = json_member(&after, a->after, "name");
		if (title == NULL)
			title = json_member(&before, a->before, "title");
		if (title == NULL)
			title = json_member(&before, a->before, "name");
		if (title && (a->record == NULL || strcmp(title, a->record) != 0))
			strbuf_addf(&what, " “%s”", title);
		for (v = 0; v < sizeof(verb_sentences) / sizeof(verb_sentences[0]); v++)
			if (strcmp(verb_sentences[v].action, verb) == 0)
				break;
		if (v < sizeof(verb_sentences) / sizeof(verb_sentences[0]))
			strbuf_addf(out, _(verb_sentences[v].sentence), who.buf, what.buf);
		else	/* an action this page does not know: its code */
			strbuf_addf(out, "%s %s %s", who.buf, verb, what.buf);
		rtrim(out);
	}
	if (a->initiative_name)
		/* TRANSLATORS: the end of an audit sentence: the initiative's name */
		strbuf_addf(out, _(" in %s"), a->initiative_name);
	strbuf_addch(out, '.');
	if (after)
		json_decref(after);
	if (before)
		json_decref(before);
	strbuf_release(&who);
	strbuf_release(&what);
}

void
audit_recent_write(struct html *h, const struct audit_row *rows, const char *const *links,
    size_t n, int limit)
{
	struct strbuf sb = STRBUF_INIT;

	html_open(h, "section", "class", "recent", "aria-labelledby", "recent", NULL);
	html_open(h, "h2", "id", "recent", NULL);
	html_text(h, _("Recent changes"));
	html_close(h);
	if (n == 0) {
		html_open(h, "p", "class", "empty", NULL);
		html_text(h, _("No changes have been recorded yet. Each record added, changed or "
		    "removed in a form, through the API or by an import is listed here."));
		html_close(h);
		html_close(h);
		return;
	}
	html_open(h, "div", "class", "scroll", "role", "region", "aria-label", _("Recent changes"),
	    "tabindex", "0", NULL);
	html_open(h, "table", "class", "recent", NULL);
	html_thead(h, _("When"), _("What happened"), NULL);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < n; i++) {
		html_open(h, "tr", NULL);
		strbuf_reset(&sb);
		admin_time_words(rows[i].at, &sb);
		html_elem(h, "td", sb.buf);
		strbuf_reset(&sb);
		audit_sentence(&rows[i], &sb);
		html_open(h, "td", NULL);
		html_text(h, sb.buf);
		if (links[i]) {
			html_text(h, " ");
			html_open(h, "a", "href", links[i], NULL);
			html_text(h, _("Open it"));
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	if (limit > 0) {
		html_open(h, "p", "class", "note", NULL);
		html_textf(h, _("The %d latest changes; administrators see them all in the audit log."),
		    limit);
		html_close(h);
	}
	html_close(h);
	strbuf_release(&sb);
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
		html_text(h, _("nothing"));
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

void
admin_audit_write(struct html *h, const struct audit_page *pg)
{
	struct strbuf sb = STRBUF_INIT;

	assert(pg->frame && pg->page >= 1);
	frame_begin(h, pg->frame);
	admin_nav(h, 1);
	html_open(h, "p", "class", "meta", NULL);
	html_text(h, _("Every change, newest first: who made it, when, and the record before and after."));
	html_close(h);

	html_open(h, "form", "class", "period", "method", "get", "action", "/admin/audit", NULL);
	html_open(h, "div", NULL);
	html_open(h, "label", "for", "initiative", NULL);
	html_text(h, _("Initiative"));
	html_close(h);
	initiative_select(h, pg->initiatives, pg->ninitiatives, "initiative", pg->filter,
	    _("all, and the program's own records"));
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Show"));
	html_close(h);
	html_close(h);

	if (pg->nrows == 0) {
		html_open(h, "p", "class", "empty", NULL);
		if (pg->page > 1)
			html_text(h, _("No more changes: this is past the oldest one."));
		else if (pg->filter_name)
			html_textf(h, _("No changes to %s have been recorded yet."), pg->filter_name);
		else
			html_text(h, _("No changes have been recorded yet. Each change made in a form, "
			    "through the API or by an import will be listed here."));
		html_close(h);
	} else {
		html_open(h, "div", "class", "scroll", NULL);
		html_open(h, "table", "class", "audit cards", NULL);
		html_thead(h, _("When"), _("What happened"), _("Change"), NULL);
		html_open(h, "tbody", NULL);
		for (size_t i = 0; i < pg->nrows; i++) {
			const struct audit_row *a = &pg->rows[i];

			html_open(h, "tr", NULL);
			strbuf_reset(&sb);
			admin_time_words(a->at, &sb);
			html_open(h, "td", "class", "when", "data-label", _("When"), NULL);
			html_text(h, sb.buf);
			html_close(h);
			strbuf_reset(&sb);
			audit_sentence(a, &sb);
			html_open(h, "td", "class", "what", "data-label", _("What happened"), NULL);
			html_text(h, sb.buf);
			html_close(h);
			html_open(h, "td", "data-label", _("Change"), NULL);
			html_open(h, "details", NULL);
			html_elem(h, "summary", a->before && a->after ? _("Before and after") :
			    a->after ? _("The new record") : a->before ? _("The record removed") :
			    _("Details"));
			html_open(h, "div", "class", "change", NULL);
			json_pre(h, _("Before"), a->before);
			json_pre(h, _("After"), a->after);
			html_close(h);
			html_close(h);
			html_close(h);
			html_close(h);
		}
		html_close(h);
		html_close(h);
		html_close(h);
	}
	if (pg->page > 1 || pg->more) {
		html_open(h, "nav", "class", "pager", "aria-label", _("Pages of the audit log"), NULL);
		if (pg->page > 1)
			audit_link(h, pg->filter, pg->page - 1, _("← Newer changes"), "prev");
		html_open(h, "span", NULL);
		html_textf(h, _("Page %ld"), pg->page);
		html_close(h);
		if (pg->more)
			audit_link(h, pg->filter, pg->page + 1, _("Older changes →"), "next");
		html_close(h);
	}
	frame_end(h);
	strbuf_release(&sb);
}
