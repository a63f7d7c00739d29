/*
 * Generic forms and lists (see form.h): one walk over a kind's field table
 * writes its form, parses what was typed, draws its list and its record
 * page. Pickers name organizations by name, grouped by their role in the
 * record's initiative (backbone, co-leads, partners, then the others).
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "markdown.h"
#include "figures.h"
#include "../model/fieldtext.h"
#include "../util/date.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/fold.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define BLANK_ROWS	2	/* empty rows offered under a child list */
#define PATH_MAX_LEN	128
#define MAX_ROWS	1000	/* rows of a child list read from a form */

void
form_error_add(form_errors *errs, const char *path, const char *msg)
{
	struct form_error *fe = VEC_PUSH(errs);

	snprintf(fe->path, sizeof(fe->path), "%s", path ? path : "");
	snprintf(fe->msg, sizeof(fe->msg), "%s", msg);
}

const char *
form_get(const struct form_input *in, const char *name)
{
	for (size_t i = 0; in && i < in->n; i++)
		if (strcmp(in->v[i].name, name) == 0)
			return in->v[i].value;
	return NULL;
}

const char *
form_error_for(const form_errors *errs, const char *path)
{
	for (size_t i = 0; errs && i < errs->n; i++)
		if (strcmp(errs->v[i].path, path) == 0)
			return errs->v[i].msg;
	return NULL;
}

/* A child list whose elements hold scalar fields only (a grant's budget lines). */
static int
flat_list(const struct field *f)
{
	if (f->type != FT_LIST)
		return 0;
	for (int i = 0; i < f->sub->nfields; i++) {
		enum ftype t = f->sub->fields[i].type;

		if (t == FT_LIST || t == FT_OBJECT || t == FT_RACI || t == FT_ANSWERS)
			return 0;
	}
	return 1;
}

int
form_field_editable(const struct field *f)
{
	if (f->type == FT_ANSWERS || (f->flags & FL_WORKFLOW))
		return 0;
	if (f->type == FT_LIST)
		return flat_list(f);
	return 1;
}

void
form_label(const struct field *f, struct strbuf *out)
{
	const char *s = f->name;
	size_t n = strlen(s);
	/* a text in Spanish (title_es, text_es; docs/i18n.md): "Title in Spanish" */
	int es = n > 3 && strcmp(s + n - 3, "_es") == 0;
	struct strbuf en = STRBUF_INIT;

	if (es)
		n -= 3;
	if (n)
		strbuf_addch(&en, *s >= 'a' && *s <= 'z' ? *s - 'a' + 'A' : *s);
	for (size_t i = 1; i < n; i++)
		strbuf_addch(&en, s[i] == '_' ? ' ' : s[i]);
	/* the English label is the msgid (model/fieldtext.h: field_label_texts) */
	if (es)
		strbuf_addf(out, _("%s in Spanish"), _(en.buf));
	else
		strbuf_addstr(out, _(en.buf));
	strbuf_release(&en);
}

/*
 * "co-lead" → "co-lead", "peer_exchange" → "peer exchange": enum names for
 * reading, in the page's language (model/fieldtext.h: enum_value_texts).
 */
static void
enum_text(const char *name, struct strbuf *out)
{
	struct strbuf en = STRBUF_INIT;

	for (; *name; name++)
		strbuf_addch(&en, *name == '_' ? ' ' : *name);
	strbuf_addstr(out, _(en.buf));
	strbuf_release(&en);
}

/* ---------------------------------------------------------------- names of references */

static const char *
ref_display(const struct form_ctx *c, enum reftype rt, const char *slug)
{
	const struct organization *o;
	const struct person *pe;
	const struct instrument *ins;
	const struct initiative *in;

	if (slug == NULL)
		return NULL;
	switch (rt) {
	case RT_DECIDER:
		if (strcmp(slug, "committee") == 0)
			return _("the committee");
		if (strcmp(slug, "team") == 0)
			return _("the whole team");
		/* FALLTHROUGH */
	case RT_ORG:
		o = program_org(c->p, slug);
		return o ? o->name : slug;
	case RT_PERSON:
		pe = program_person(c->p, slug);
		return pe ? pe->name : slug;
	case RT_INSTRUMENT:
		/* a built-in instrument's title in the page's language */
		ins = program_instrument(c->p, slug);
		return ins ? instrument_title(ins, lang_code(i18n_current())) : slug;
	case RT_INITIATIVE:
		in = program_initiative(c->p, slug);
		return in ? in->name : slug;
	case RT_GRANT:
		/* a grant is known by who gave it: "Harlow Community Trust" */
		for (size_t i = 0; c->in && i < c->in->grants.n; i++)
			if (c->in->grants.v[i].id && strcmp(c->in->grants.v[i].id, slug) == 0 &&
			    c->in->grants.v[i].funder)
				return c->in->grants.v[i].funder;
		return slug;
	default:
		return slug;
	}
}

/* ---------------------------------------------------------------- values from a record or from what was typed */

/* Whether item is among the values of list field f (from in, else rec). */
static int
list_has(const struct field *f, const void *rec, const struct form_input *in,
    const char *path, const char *item)
{
	if (in) {
		for (size_t i = 0; i < in->n; i++)
			if (strcmp(in->v[i].name, path) == 0 && strcmp(in->v[i].value, item) == 0)
				return 1;
		return 0;
	}
	if (rec == NULL)
		return 0;
	if (f->type == FT_REFS) {
		const struct refs *r = FIELD_PTR(rec, f);

		for (size_t i = 0; i < r->n; i++)
			if (r->v[i].slug && strcmp(r->v[i].slug, item) == 0)
				return 1;
	} else if (f->type == FT_ENUMS) {
		const struct anyvec *v = FIELD_PTR(rec, f);
		int k = enum_lookup(f->names, f->nnames, item);

		for (size_t i = 0; i < v->n; i++)
			if (((const int *)v->v)[i] == k)
				return 1;
	}
	return 0;
}

/*
 * Set while the fields of an optional object that is absent are drawn:
 * they show blank, with no date of today (which would send it as present).
 */
static _Thread_local int absent_object;

/* The text of scalar field f to show in its input. */
static void
value_of(const struct field *f, const void *rec, const struct form_input *in,
    const char *path, struct strbuf *out)
{
	const char *v = form_get(in, path);

	/* what was typed; a field not sent at all falls back to the record */
	if (v)
		strbuf_addstr(out, v);
	else if (rec)
		field_to_text(f, rec, out);
	else if (f->type == FT_DATE && !(f->flags & FL_OPTIONAL) && !absent_object &&
	    strchr(path, '.') == NULL) {
		/* today in a record's own date; a child list's blank row (a follow-up's due) stays blank */
		char buf[DATE_BUFSZ];

		strbuf_addstr(out, date_format(date_today(), buf));
	}
}

/* ---------------------------------------------------------------- organization pickers */

/* What a picker offers behind its team's people and organizations. */
#define SOMEONE_ELSE	N_("Someone else…")
static const char *const group_labels[] = { N_("Backbone"), N_("Co-leads"), N_("Partners"), SOMEONE_ELSE };
#define NGROUPS 4

/* A group's name; outside an initiative (a program-level form) every organization is just one. */
static const char *
group_label(const struct form_ctx *c, int g)
{
	return c->in == NULL && g == NGROUPS - 1 ? _("Organizations") : _(group_labels[g]);
}

/* The group of organization index o in c's initiative: a role, or 3 (not a member). */
static int
org_group(const struct form_ctx *c, size_t o)
{
	const struct organization *org = &c->p->orgs.v[o];

	for (size_t i = 0; c->in && i < c->in->members.n; i++) {
		const struct member *m = &c->in->members.v[i];

		if (m->org.slug && strcmp(m->org.slug, org->slug) == 0)
			return m->role >= 0 && m->role < ROLE__MAX ? m->role : 2;
	}
	return 3;
}

/*
 * Whether person pe works for a member of c's initiative (the people a
 * picker offers first); outside an initiative, everyone.
 */
static int
person_of_team(const struct form_ctx *c, const struct person *pe)
{
	if (c->in == NULL)
		return 1;
	for (size_t i = 0; c->in && pe->org.slug && i < c->in->members.n; i++)
		if (c->in->members.v[i].org.slug && strcmp(c->in->members.v[i].org.slug, pe->org.slug) == 0)
			return 1;
	return 0;
}

/* "Ana Ruiz (Harlow Works)": a person with the organization they work for. */
static void
person_label(const struct form_ctx *c, const struct person *pe, struct strbuf *out)
{
	const struct organization *o = pe->org.slug ? program_org(c->p, pe->org.slug) : NULL;

	strbuf_addstr(out, pe->name);
	if (o)
		strbuf_addf(out, " (%s)", o->name);
}

static void
option(struct html *h, const char *value, const char *label, int selected)
{
	html_open(h, "option", "value", value, "selected", selected ? "" : NULL, NULL);
	html_text(h, label);
	html_close(h);
}

/* The <option>s of a single reference (a select). */
static void
ref_options(struct html *h, const struct form_ctx *c, const struct field *f, const char *cur,
    const char *empty)
{
	const struct program *p = c->p;

	if (empty == NULL && (f->flags & FL_OPTIONAL || cur == NULL || *cur == '\0'))
		empty = (f->flags & FL_OPTIONAL) ? _("— none —") : _("— choose —");
	if (empty)
		option(h, "", empty, cur == NULL || *cur == '\0');
	switch (f->ref) {
	case RT_DECIDER:
		html_open(h, "optgroup", "label", _("Bodies"), NULL);
		option(h, "committee", _("The committee"), cur && strcmp(cur, "committee") == 0);
		option(h, "team", _("The whole team"), cur && strcmp(cur, "team") == 0);
		html_close(h);
		/* FALLTHROUGH */
	case RT_ORG:
		for (int g = 0; g < NGROUPS; g++) {
			int open = 0;

			for (size_t i = 0; i < p->orgs.n; i++) {
				if (org_group(c, i) != g)
					continue;
				if (!open++)
					html_open(h, "optgroup", "label", group_label(c, g), NULL);
				option(h, p->orgs.v[i].slug, p->orgs.v[i].name,
				    cur && strcmp(cur, p->orgs.v[i].slug) == 0);
			}
			if (open)
				html_close(h);
		}
		break;
	case RT_PERSON:
		/* the team's people first; everyone else in a group of their own */
		for (int g = 0; g < 2; g++) {
			int open = 0;

			for (size_t i = 0; i < p->people.n; i++) {
				const struct person *pe = &p->people.v[i];
				struct strbuf sb = STRBUF_INIT;

				if (person_of_team(c, pe) != !g)
					continue;
				if (!open++ && c->in)
					html_open(h, "optgroup", "label", g ? _(SOMEONE_ELSE) :
					    _("People of the team"), NULL);
				person_label(c, pe, &sb);
				option(h, pe->slug, sb.buf, cur && strcmp(cur, pe->slug) == 0);
				strbuf_release(&sb);
			}
			if (open && c->in)
				html_close(h);
		}
		break;
	case RT_INSTRUMENT:
		for (size_t i = 0; i < p->instruments.n; i++)
			option(h, p->instruments.v[i].code,
			    instrument_title(&p->instruments.v[i], lang_code(i18n_current())),
			    cur && strcmp(cur, p->instruments.v[i].code) == 0);
		break;
	case RT_GRANT:
		for (size_t i = 0; c->in && i < c->in->grants.n; i++) {
			const struct grant *gr = &c->in->grants.v[i];
			struct strbuf sb = STRBUF_INIT;

			strbuf_addf(&sb, "%s (%s)", gr->funder ? gr->funder : gr->id, gr->id);
			option(h, gr->id, sb.buf, cur && strcmp(cur, gr->id) == 0);
			strbuf_release(&sb);
		}
		break;
	case RT_INITIATIVE:
		for (size_t i = 0; i < p->initiatives.n; i++)
			option(h, p->initiatives.v[i].slug, p->initiatives.v[i].name,
			    cur && strcmp(cur, p->initiatives.v[i].slug) == 0);
		break;
	}
}

static void
checkbox(struct html *h, const char *path, const char *value, const char *label, int checked)
{
	struct strbuf id = STRBUF_INIT;

	strbuf_addf(&id, "%s.%s", path, value);
	html_open(h, "div", "class", "check", NULL);
	html_void(h, "input", "type", "checkbox", "id", id.buf, "name", path, "value", value,
	    "checked", checked ? "" : NULL, NULL);
	html_open(h, "label", "for", id.buf, NULL);
	html_text(h, label);
	html_close(h);
	html_close(h);
	strbuf_release(&id);
}

/* The checkboxes of a list of references or enum values. */
static void
list_boxes(struct html *h, const struct form_ctx *c, const struct field *f, const void *rec,
    const struct form_input *in, const char *path)
{
	const struct program *p = c->p;

	if (f->type == FT_ENUMS) {
		for (int i = 0; i < f->nnames; i++) {
			struct strbuf sb = STRBUF_INIT;

			enum_text(f->names[i], &sb);
			checkbox(h, path, f->names[i], sb.buf, list_has(f, rec, in, path, f->names[i]));
			strbuf_release(&sb);
		}
		return;
	}
	switch (f->ref) {
	case RT_ORG:
	case RT_DECIDER:
		for (int g = 0; g < NGROUPS; g++) {
			int open = 0, checked = 0;

			/* the organizations outside the initiative fold away unless one is picked */
			for (size_t i = 0; g == NGROUPS - 1 && i < p->orgs.n; i++)
				checked += org_group(c, i) == g &&
				    list_has(f, rec, in, path, p->orgs.v[i].slug);
			for (size_t i = 0; i < p->orgs.n; i++) {
				if (org_group(c, i) != g)
					continue;
				if (!open++ && g == NGROUPS - 1 && c->in) {
					html_open(h, "details", "class", "pickgroup", "open", checked ? "" : NULL, NULL);
					html_elem(h, "summary", _(group_labels[g]));
				} else if (open == 1) {
					html_open(h, "div", "class", "pickgroup", NULL);
					html_elem(h, "p", group_label(c, g));
				}
				checkbox(h, path, p->orgs.v[i].slug, p->orgs.v[i].name,
				    list_has(f, rec, in, path, p->orgs.v[i].slug));
			}
			if (open)
				html_close(h);
		}
		break;
	case RT_PERSON:
		/* the team's people; everyone else folds away unless one is picked */
		for (int g = 0; g < 2; g++) {
			int open = 0, checked = 0;

			for (size_t i = 0; g == 1 && i < p->people.n; i++)
				checked += !person_of_team(c, &p->people.v[i]) &&
				    list_has(f, rec, in, path, p->people.v[i].slug);
			for (size_t i = 0; i < p->people.n; i++) {
				const struct person *pe = &p->people.v[i];
				struct strbuf sb = STRBUF_INIT;

				if (person_of_team(c, pe) != !g)
					continue;
				if (!open++ && g == 1) {
					html_open(h, "details", "class", "pickgroup", "open", checked ? "" : NULL, NULL);
					html_elem(h, "summary", _(SOMEONE_ELSE));
				} else if (open == 1) {
					html_open(h, "div", "class", "pickgroup", NULL);
					html_elem(h, "p", c->in ? _("People of the team") : _("People"));
				}
				person_label(c, pe, &sb);
				checkbox(h, path, pe->slug, sb.buf, list_has(f, rec, in, path, pe->slug));
				strbuf_release(&sb);
			}
			if (open)
				html_close(h);
		}
		break;
	case RT_INITIATIVE:
		for (size_t i = 0; i < p->initiatives.n; i++)
			checkbox(h, path, p->initiatives.v[i].slug, p->initiatives.v[i].name,
			    list_has(f, rec, in, path, p->initiatives.v[i].slug));
		break;
	default:
		for (size_t i = 0; c->in && f->ref == RT_GRANT && i < c->in->grants.n; i++)
			checkbox(h, path, c->in->grants.v[i].id, c->in->grants.v[i].id,
			    list_has(f, rec, in, path, c->in->grants.v[i].id));
		break;
	}
}

/* ---------------------------------------------------------------- writing a form */

/*
 * A ledger entry's budget line: a select of the lines of the initiative's
 * grants, grouped by grant (the server still checks the line is the chosen
 * grant's); a value that is no grant's line stays offered as it was.
 */
static void
budget_line_select(struct html *h, const struct form_ctx *c, const char *path, const char *cur,
    const char *msg, const char *described)
{
	struct strbuf sb = STRBUF_INIT;
	int found = 0;

	html_open(h, "select", "id", path, "name", path, "aria-invalid", msg ? "true" : NULL,
	    "aria-describedby", described, NULL);
	option(h, "", _("— none —"), *cur == '\0');
	for (size_t i = 0; i < c->in->grants.n; i++) {
		const struct grant *g = &c->in->grants.v[i];

		if (g->lines.n == 0)
			continue;
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s (%s)", g->funder ? g->funder : g->id, g->id);
		html_open(h, "optgroup", "label", sb.buf, NULL);
		for (size_t l = 0; l < g->lines.n; l++) {
			int sel = !found && *cur && strcmp(cur, g->lines.v[l].name) == 0;

			found += sel;
			option(h, g->lines.v[l].name, g->lines.v[l].name, sel);
		}
		html_close(h);
	}
	if (*cur && !found) {
		html_open(h, "optgroup", "label", _("No grant has this line"), NULL);
		option(h, cur, cur, 1);
		html_close(h);
	}
	html_close(h);
	strbuf_release(&sb);
}

static void fields_at(struct html *h, const struct form_ctx *c, const struct kind *k,
    const void *rec, const struct form_input *in, const form_errors *errs, const char *prefix);

/* The label (or legend), and the message when the field has one. */
static void
field_head(struct html *h, const struct field *f, const char *path, const char *tag,
    const char *msg)
{
	struct strbuf label = STRBUF_INIT, eid = STRBUF_INIT;

	form_label(f, &label);
	if (f->type == FT_MONEY)
		strbuf_addstr(&label, " ($)");
	html_open(h, tag, "for", strcmp(tag, "label") == 0 ? path : NULL, NULL);
	html_text(h, label.buf);
	if (f->flags & FL_OPTIONAL)
		html_elem(h, "span", _(" (optional)"));
	html_close(h);
	if (msg) {
		strbuf_addf(&eid, "%s-error", path);
		html_open(h, "p", "class", "error", "id", eid.buf, NULL);
		html_elem(h, "span", _("Error: "));
		html_text(h, msg);
		html_close(h);
	}
	strbuf_release(&label);
	strbuf_release(&eid);
}

static void
raci_selects(struct html *h, const struct form_ctx *c, const struct field *f, const void *rec,
    const struct form_input *in, const char *path)
{
	const struct program *p = c->p;

	html_open(h, "div", "class", "raci", NULL);
	for (size_t i = 0; i < p->orgs.n; i++) {
		const char *slug = p->orgs.v[i].slug;
		struct strbuf name = STRBUF_INIT;
		const char *cur = NULL;

		strbuf_addf(&name, "%s.%s", path, slug);
		if (in)
			cur = form_get(in, name.buf);
		else if (rec) {
			const VEC(struct assignment) *v = FIELD_PTR(rec, f);

			for (size_t j = 0; j < v->n; j++)
				if (v->v[j].org.slug && strcmp(v->v[j].org.slug, slug) == 0 &&
				    v->v[j].letter >= 0 && v->v[j].letter < RACI__MAX)
					cur = raci_names[v->v[j].letter];
		}
		/* members of the initiative, and anyone already assigned */
		if (org_group(c, i) == 3 && (cur == NULL || *cur == '\0')) {
			strbuf_release(&name);
			continue;
		}
		html_open(h, "div", NULL);
		html_open(h, "label", "for", name.buf, NULL);
		html_text(h, p->orgs.v[i].name);
		html_close(h);
		html_open(h, "select", "id", name.buf, "name", name.buf, NULL);
		option(h, "", "—", cur == NULL || *cur == '\0');
		for (int l = 0; l < RACI__MAX; l++)
			option(h, raci_names[l], raci_names[l], cur && strcmp(cur, raci_names[l]) == 0);
		html_close(h);
		html_close(h);
		strbuf_release(&name);
	}
	html_close(h);
}

/* ---------------------------------------------------------------- rows of a child list */

static int typed_under(const struct form_input *in, const char *prefix);

/* What row r of child list f (at path) holds in what was typed. */
enum row_state { ROW_END, ROW_SKIPPED, ROW_USED };

static enum row_state
row_state(const struct field *f, const struct form_input *in, const char *path, size_t r)
{
	char pre[PATH_MAX_LEN], sp[PATH_MAX_LEN];
	int any = 0;

	snprintf(pre, sizeof(pre), "%s.%zu.", path, r);
	for (int i = 0; i < f->sub->nfields && !any; i++) {
		snprintf(sp, sizeof(sp), "%s%s", pre, f->sub->fields[i].name);
		any = form_get(in, sp) != NULL;
	}
	if (!any || r >= MAX_ROWS)
		return ROW_END;
	/* a blank row, or one ticked for removal, is no record */
	snprintf(sp, sizeof(sp), "%sremove", pre);
	if (!typed_under(in, pre) || form_get(in, sp))
		return ROW_SKIPPED;
	return ROW_USED;
}

/* The rows of a child list of scalar fields: the rows there are, then blank ones. */
static void
list_rows(struct html *h, const struct form_ctx *c, const struct field *f, const void *rec,
    const struct form_input *in, const form_errors *errs, const char *path)
{
	static const struct form_input none = { NULL, 0 };
	size_t rows = 0, more = SIZE_MAX;
	int from_rec = 0;
	const char *want = form_get(in, FORM_MORE);

	if (in) {
		size_t plen = strlen(path);

		for (size_t i = 0; i < in->n; i++)
			if (strncmp(in->v[i].name, path, plen) == 0 && in->v[i].name[plen] == '.') {
				size_t r = strtoul(in->v[i].name + plen + 1, NULL, 10);

				if (r + 1 > rows && r < MAX_ROWS)
					rows = r + 1;
			}
		/* "Add more rows" pressed for this list: the form again, longer */
		if (want && strcmp(want, path) == 0 && rows + FORM_MORE_ROWS <= MAX_ROWS) {
			more = rows;
			rows += FORM_MORE_ROWS;
		}
	}
	/* nothing typed for the list (a new form with a suggested id): the record's rows */
	if (rows == 0 && rec) {
		rows = FIELD_VEC(rec, f)->n + BLANK_ROWS;
		from_rec = 1;
	} else if (rows == 0)
		rows = BLANK_ROWS + 1;
	for (size_t r = 0; r < rows; r++) {
		const void *child = NULL;
		struct strbuf pre = STRBUF_INIT, id = STRBUF_INIT, rm = STRBUF_INIT, cls = STRBUF_INIT;
		int filled;

		if (from_rec && r < FIELD_VEC(rec, f)->n)
			child = (const char *)FIELD_VEC(rec, f)->v + r * f->sub->size;
		strbuf_addf(&pre, "%s.%zu.", path, r);
		strbuf_addf(&rm, "%sremove", pre.buf);
		if (r == more)
			strbuf_addf(&id, "%s-more", path);
		filled = child || (in && typed_under(in, pre.buf));
		/* "row row-items": the stylesheet lays out each list's columns */
		strbuf_addf(&cls, "row row-%s", f->name);
		html_open(h, "div", "class", cls.buf, "id", id.len ? id.buf : NULL, NULL);
		/* a blank row is drawn empty, not with today's date */
		fields_at(h, c, f->sub, child, child || (in && !from_rec) ? in : &none, errs, pre.buf);
		if (filled) {
			html_open(h, "div", "class", "check remove", NULL);
			html_void(h, "input", "type", "checkbox", "id", rm.buf, "name", rm.buf,
			    "value", "yes", "checked", form_get(in, rm.buf) ? "" : NULL, NULL);
			html_open(h, "label", "for", rm.buf, NULL);
			html_text(h, _("Remove this row when saving"));
			html_close(h);
			html_close(h);
		}
		html_close(h);
		strbuf_release(&pre);
		strbuf_release(&id);
		strbuf_release(&rm);
		strbuf_release(&cls);
	}
}

void
form_more_buttons(struct html *h, const struct kind *k, const char *action)
{
	struct strbuf label = STRBUF_INIT, to = STRBUF_INIT;

	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (!flat_list(f))
			continue;
		strbuf_reset(&label);
		form_label(f, &label);
		if (label.buf[0] >= 'A' && label.buf[0] <= 'Z')
			label.buf[0] = (char)(label.buf[0] - 'A' + 'a');
		/* the page that comes back opens at the first new row */
		strbuf_reset(&to);
		strbuf_addf(&to, "%s#%s-more", action, f->name);
		html_open(h, "button", "type", "submit", "name", FORM_MORE, "value", f->name,
		    "formaction", to.buf, "class", "secondary", NULL);
		html_textf(h, P_("Add %d more row for %s", "Add %d more rows for %s", FORM_MORE_ROWS),
		    FORM_MORE_ROWS, label.buf);
		html_close(h);
	}
	strbuf_release(&label);
	strbuf_release(&to);
}

void
form_error_model(form_errors *errs, const struct kind *k, const struct form_input *in,
    const struct model_error *e)
{
	const char *path = e->path[0] ? e->path : e->field;
	const char *dot = strchr(path, '.');
	char name[PATH_MAX_LEN], mapped[PATH_MAX_LEN];
	const struct field *f;
	char *end;
	size_t want, r, used = 0;

	/* "items.2.code": the third item of the record, which is on the form row that held it */
	if (in == NULL || dot == NULL || (size_t)(dot - path) >= sizeof(name))
		goto plain;
	memcpy(name, path, (size_t)(dot - path));
	name[dot - path] = '\0';
	if ((f = kind_field(k, name)) == NULL || !flat_list(f))
		goto plain;
	want = strtoul(dot + 1, &end, 10);
	if (end == dot + 1 || *end != '.')
		goto plain;
	for (r = 0; r < MAX_ROWS; r++) {
		enum row_state st = row_state(f, in, name, r);

		if (st == ROW_END)
			goto plain;
		if (st == ROW_USED && used++ == want)
			break;
	}
	snprintf(mapped, sizeof(mapped), "%s.%zu%s", name, r, end);
	form_error_add(errs, mapped, e->msg);
	return;
plain:
	form_error_add(errs, path, e->msg);
}

void
form_field(struct html *h, const struct form_ctx *c, const struct field *f, const void *rec,
    const struct form_input *in, const form_errors *errs, const char *path)
{
	const char *msg = form_error_for(errs, path);
	struct strbuf val = STRBUF_INIT, eid = STRBUF_INIT;
	int group = f->type == FT_REFS || f->type == FT_ENUMS || f->type == FT_OBJECT ||
	    f->type == FT_LIST || f->type == FT_RACI;
	const char *described = NULL;

	if (msg) {
		strbuf_addf(&eid, "%s-error", path);
		described = eid.buf;
	}
	if (group) {
		struct strbuf label = STRBUF_INIT;

		html_open(h, "fieldset", "id", path, "class", msg ? "field invalid" : "field",
		    "aria-describedby", described, NULL);
		form_label(f, &label);
		html_open(h, "legend", NULL);
		html_text(h, label.buf);
		if (f->flags & FL_OPTIONAL)
			html_elem(h, "span", _(" (optional)"));
		html_close(h);
		strbuf_release(&label);
		if (msg) {
			html_open(h, "p", "class", "error", "id", eid.buf, NULL);
			html_elem(h, "span", _("Error: "));
			html_text(h, msg);
			html_close(h);
		}
		if (f->type == FT_OBJECT) {
			struct strbuf pre = STRBUF_INIT;
			/* an optional object the record does not have: its fields blank */
			int absent = (f->flags & FL_OPTIONAL) && f->has_off &&
			    (rec == NULL || !*(const int *)((const char *)rec + f->has_off));

			strbuf_addf(&pre, "%s.", path);
			absent_object += absent;
			fields_at(h, c, f->sub, absent ? NULL : rec, in, errs, pre.buf);
			absent_object -= absent;
			strbuf_release(&pre);
		} else if (f->type == FT_LIST)
			list_rows(h, c, f, rec, in, errs, path);
		else if (f->type == FT_RACI)
			raci_selects(h, c, f, rec, in, path);
		else
			list_boxes(h, c, f, rec, in, path);
		html_close(h);
		goto out;
	}
	html_open(h, "div", "class", msg ? "field invalid" : "field", NULL);
	field_head(h, f, path, "label", msg);
	value_of(f, rec, in, path, &val);
	if (f == kind_field(&kind_ledger_entry, "line") && c->in) {
		budget_line_select(h, c, path, val.buf, msg, described);
		goto done;
	}
	switch (f->type) {
	case FT_STR:
		if (f->flags & FL_LONG) {
			html_open(h, "textarea", "id", path, "name", path, "rows", "5",
			    "aria-invalid", msg ? "true" : NULL, "aria-describedby", described, NULL);
			html_text(h, val.buf);
			html_close(h);
			break;
		}
		/* FALLTHROUGH */
	case FT_SLUG:
	case FT_ID:
		html_void(h, "input", "type", "text", "id", path, "name", path, "value", val.buf,
		    "class", f->type == FT_STR ? "wide" : NULL,
		    "aria-invalid", msg ? "true" : NULL, "aria-describedby", described, NULL);
		break;
	case FT_DATE:
		/* the browser shows the date its own way: no format written beside it */
		html_void(h, "input", "type", "date", "id", path, "name", path, "value", val.buf,
		    "aria-invalid", msg ? "true" : NULL, "aria-describedby", described, NULL);
		break;
	case FT_MONEY:
		html_void(h, "input", "type", "text", "inputmode", "decimal", "class", "money",
		    "id", path, "name", path, "value", val.buf,
		    "aria-invalid", msg ? "true" : NULL, "aria-describedby", described, NULL);
		break;
	case FT_INT:
	case FT_SMALL:
	case FT_REAL:
		html_void(h, "input", "type", "text", "inputmode", f->type == FT_REAL ? "decimal" : "numeric",
		    "class", "number", "id", path, "name", path, "value", val.buf,
		    "aria-invalid", msg ? "true" : NULL, "aria-describedby", described, NULL);
		break;
	case FT_BOOL:
		html_open(h, "div", "class", "check", NULL);
		html_void(h, "input", "type", "checkbox", "id", path, "name", path, "value", "true",
		    "checked", strcmp(val.buf, "true") == 0 ? "" : NULL, NULL);
		html_open(h, "label", "for", path, NULL);
		html_text(h, _("yes"));
		html_close(h);
		html_close(h);
		break;
	case FT_ENUM:
		html_open(h, "select", "id", path, "name", path, "aria-invalid", msg ? "true" : NULL,
		    "aria-describedby", described, NULL);
		if (val.len == 0)
			option(h, "", _("— choose —"), 1);
		for (int i = 0; i < f->nnames; i++) {
			struct strbuf sb = STRBUF_INIT;

			enum_text(f->names[i], &sb);
			option(h, f->names[i], sb.buf, strcmp(val.buf, f->names[i]) == 0);
			strbuf_release(&sb);
		}
		html_close(h);
		break;
	case FT_REF:
		html_open(h, "select", "id", path, "name", path, "aria-invalid", msg ? "true" : NULL,
		    "aria-describedby", described, NULL);
		ref_options(h, c, f, val.buf, NULL);
		html_close(h);
		break;
	default:
		break;
	}
done:
	html_close(h);
out:
	strbuf_release(&val);
	strbuf_release(&eid);
}

static void
fields_at(struct html *h, const struct form_ctx *c, const struct kind *k, const void *rec,
    const struct form_input *in, const form_errors *errs, const char *prefix)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		char path[PATH_MAX_LEN];

		if (!form_field_editable(f))
			continue;
		snprintf(path, sizeof(path), "%s%s", prefix, f->name);
		form_field(h, c, f, rec, in, errs, path);
	}
}

void
form_fields(struct html *h, const struct form_ctx *c, const struct kind *k,
    const void *rec, const struct form_input *in, const form_errors *errs)
{
	fields_at(h, c, k, rec, in, errs, "");
}

/*
 * "items.2.code" → "Items, row 3, code", "works_for_initiative" → "Works
 * for initiative": a field named as its label, a row counted as people count.
 */
static void
path_text(const char *path, struct strbuf *out)
{
	size_t start = out->len;

	for (const char *s = path; *s;) {
		size_t n = strcspn(s, ".");
		char *end;
		unsigned long row = strtoul(s, &end, 10);

		if (s != path)
			strbuf_addstr(out, ", ");
		if (end == s + n && n > 0 && *s >= '0' && *s <= '9')
			strbuf_addf(out, _("row %lu"), row + 1);
		else {
			/* the field's label in the page's language (form_label), lower case after the first */
			struct strbuf en = STRBUF_INIT;
			size_t at = out->len;

			for (size_t i = 0; i < n; i++)
				strbuf_addch(&en, s[i] == '_' ? ' ' : s[i]);
			if (en.buf[0] >= 'a' && en.buf[0] <= 'z')
				en.buf[0] = (char)(en.buf[0] - 'a' + 'A');
			strbuf_addstr(out, _(en.buf));
			if (at > start && out->buf[at] >= 'A' && out->buf[at] <= 'Z')
				out->buf[at] = (char)(out->buf[at] - 'A' + 'a');
			strbuf_release(&en);
		}
		s += n;
		if (*s == '.')
			s++;
	}
	if (out->len > start && out->buf[start] >= 'a' && out->buf[start] <= 'z')
		out->buf[start] = (char)(out->buf[start] - 'a' + 'A');
}

/* path_text as a form_error_summary_named label. */
static void
path_label(const void *ctx, const char *path, struct strbuf *out)
{
	(void)ctx;
	path_text(path, out);
}

void
form_error_summary_named(struct html *h, const form_errors *errs,
    void (*label)(const void *ctx, const char *path, struct strbuf *out), const void *ctx)
{
	struct strbuf href = STRBUF_INIT, name = STRBUF_INIT;

	if (errs == NULL || errs->n == 0)
		return;
	html_open(h, "div", "class", "error-summary", "role", "alert", "tabindex", "-1", NULL);
	html_open(h, "h2", NULL);
	if (errs->n == 1)
		html_text(h, _("There is a problem"));
	else
		html_textf(h, P_("There is %zu problem", "There are %zu problems", errs->n), errs->n);
	html_close(h);
	html_open(h, "ul", NULL);
	for (size_t i = 0; i < errs->n; i++) {
		const struct form_error *fe = &errs->v[i];

		html_open(h, "li", NULL);
		strbuf_reset(&name);
		if (fe->path[0])
			label(ctx, fe->path, &name);
		if (name.len) {
			strbuf_reset(&href);
			strbuf_addf(&href, "#%s", fe->path);
			html_open(h, "a", "href", href.buf, NULL);
			html_textf(h, "%s: %s", name.buf, fe->msg);
			html_close(h);
		} else
			html_text(h, fe->msg);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	strbuf_release(&href);
	strbuf_release(&name);
}

void
form_error_summary(struct html *h, const form_errors *errs)
{
	form_error_summary_named(h, errs, path_label, NULL);
}

void
form_filter(struct html *h, const struct form_ctx *c, const struct field *f, const char *cur)
{
	struct strbuf label = STRBUF_INIT;

	form_label(f, &label);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", f->name, NULL);
	html_text(h, label.buf);
	html_close(h);
	html_open(h, "select", "id", f->name, "name", f->name, NULL);
	if (f->type == FT_ENUM) {
		option(h, "", _("any"), cur == NULL || *cur == '\0');
		for (int i = 0; i < f->nnames; i++) {
			strbuf_reset(&label);
			enum_text(f->names[i], &label);
			option(h, f->names[i], label.buf, cur && strcmp(cur, f->names[i]) == 0);
		}
	} else
		ref_options(h, c, f, cur, _("any"));
	html_close(h);
	html_close(h);
	strbuf_release(&label);
}

/* ---------------------------------------------------------------- parsing what was typed */

/*
 * Adds the problem e found in what was typed (v) for f, in words a person
 * reads: no format codes, the value as it was typed.
 */
static void
parse_error(form_errors *errs, const struct field *f, const struct model_error *e,
    const char *path, const char *v)
{
	struct strbuf msg = STRBUF_INIT;
	int chosen = f->type == FT_ENUM || f->type == FT_REF || f->type == FT_REFS ||
	    f->type == FT_ENUMS;

	if ((v == NULL || *v == '\0') && !chosen && f->type != FT_BOOL)
		strbuf_addstr(&msg, _("Fill this in: it is required."));
	else if ((v == NULL || *v == '\0') && chosen)
		strbuf_addstr(&msg, _("Choose one: it is required."));
	else if (f->type == FT_DATE)
		strbuf_addstr(&msg, _("This is not a real date: give the day, month and year."));
	else if (f->type == FT_MONEY)
		strbuf_addf(&msg, _("“%s” is not an amount in dollars (write it like 1,250.00)."), v);
	else if (f->type == FT_INT || f->type == FT_SMALL)
		strbuf_addf(&msg, _("“%s” is not a whole number."), v);
	else if (f->type == FT_REAL)
		strbuf_addf(&msg, _("“%s” is not a number."), v);
	else
		strbuf_addstr(&msg, e->msg);
	form_error_add(errs, e->field[0] && strchr(e->field, '.') ? e->field : path, msg.buf);
	strbuf_release(&msg);
}

/* Whether anything was typed under prefix ("director."). */
static int
typed_under(const struct form_input *in, const char *prefix)
{
	size_t n = strlen(prefix);

	for (size_t i = 0; i < in->n; i++)
		if (strncmp(in->v[i].name, prefix, n) == 0 && in->v[i].value[0])
			return 1;
	return 0;
}

/* "$12,345.67" → "12345.67": people type money as they read it. */
static char *
money_clean(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *w = out;

	for (; *s; s++)
		if (*s != '$' && *s != ',' && *s != ' ')
			*w++ = *s;
	*w = '\0';
	return out;
}

static int parse_at(const struct kind *k, void *rec, const struct form_input *in,
    form_errors *errs, const char *prefix);

static int
parse_field(const struct field *f, void *rec, const struct form_input *in, form_errors *errs,
    const char *path)
{
	struct model_error e;
	const char *v;
	int bad = 0;

	memset(&e, 0, sizeof(e));
	switch (f->type) {
	case FT_OBJECT: {
		char pre[PATH_MAX_LEN];

		snprintf(pre, sizeof(pre), "%s.", path);
		if ((f->flags & FL_OPTIONAL) && !typed_under(in, pre))
			return 0;
		if (f->has_off)
			*(int *)((char *)rec + f->has_off) = 1;
		return parse_at(f->sub, rec, in, errs, pre);
	}
	case FT_LIST: {
		char pre[PATH_MAX_LEN];

		for (size_t r = 0; r < MAX_ROWS; r++) {
			enum row_state st = row_state(f, in, path, r);
			void *child;

			if (st == ROW_END)
				break;
			if (st == ROW_SKIPPED)
				continue;
			snprintf(pre, sizeof(pre), "%s.%zu.", path, r);
			child = anyvec_push(FIELD_VEC(rec, f), f->sub);
			memset(child, 0, f->sub->size);
			bad += parse_at(f->sub, child, in, errs, pre);
		}
		return bad;
	}
	case FT_RACI: {
		VEC(struct assignment) *av = FIELD_PTR(rec, f);
		size_t plen = strlen(path);

		for (size_t i = 0; i < in->n; i++) {
			const char *name = in->v[i].name;
			int l;

			if (strncmp(name, path, plen) != 0 || name[plen] != '.' || in->v[i].value[0] == '\0')
				continue;
			if ((l = enum_lookup(raci_names, RACI__MAX, in->v[i].value)) < 0) {
				form_error_add(errs, name, _("is not one of R, A, C, I"));
				bad++;
				continue;
			}
			struct assignment *a = VEC_PUSH(av);
			a->org.slug = xstrdup(name + plen + 1);
			a->org.idx = REF_UNRESOLVED;
			a->letter = l;
		}
		return bad;
	}
	case FT_REFS:
	case FT_ENUMS:
		if (field_from_text(f, rec, "", path, NULL, &e))
			bad = 1;
		for (size_t i = 0; !bad && i < in->n; i++) {
			if (strcmp(in->v[i].name, path) != 0 || in->v[i].value[0] == '\0')
				continue;
			if (field_list_add(f, rec, in->v[i].value, path, NULL, &e))
				bad = 1;
		}
		break;
	case FT_BOOL:
		v = form_get(in, path);
		bad = field_from_text(f, rec, v && *v ? v : "false", path, NULL, &e) != 0;
		break;
	case FT_MONEY: {
		char *clean;

		v = form_get(in, path);
		clean = money_clean(v ? v : "");
		bad = field_from_text(f, rec, clean, path, NULL, &e) != 0;
		free(clean);
		break;
	}
	case FT_ANSWERS:
		return 0;
	default:
		v = form_get(in, path);
		if (v && f->type != FT_STR) {
			/* stray spaces around a date or a number are not worth an error */
			while (*v == ' ')
				v++;
		}
		bad = field_from_text(f, rec, v, path, NULL, &e) != 0;
		break;
	}
	if (bad) {
		/* the error names the field by its path as given, with what was typed */
		parse_error(errs, f, &e, path, f->type == FT_REFS || f->type == FT_ENUMS ? "?" :
		    form_get(in, path));
		return 1;
	}
	return 0;
}

static int
parse_at(const struct kind *k, void *rec, const struct form_input *in, form_errors *errs,
    const char *prefix)
{
	int bad = 0;

	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		char path[PATH_MAX_LEN];

		if (f->type != FT_OBJECT && f->type != FT_LIST && f->type != FT_RACI &&
		    f->type != FT_ANSWERS)
			field_set_null(f, rec);
		if (!form_field_editable(f))
			continue;
		snprintf(path, sizeof(path), "%s%s", prefix, f->name);
		bad += parse_field(f, rec, in, errs, path);
	}
	return bad;
}

int
form_parse_field(const struct field *f, void *rec, const struct form_input *in,
    form_errors *errs, const char *path)
{
	if (f->type != FT_OBJECT && f->type != FT_LIST && f->type != FT_RACI &&
	    f->type != FT_ANSWERS)
		field_set_null(f, rec);
	return parse_field(f, rec, in, errs, path);
}

int
form_parse(const struct kind *k, void *rec, const struct form_input *in, form_errors *errs)
{
	return parse_at(k, rec, in, errs, "");
}

/* ---------------------------------------------------------------- reading */

int
form_field_is_column(const struct field *f)
{
	switch (f->type) {
	case FT_OBJECT:
	case FT_RACI:
	case FT_ANSWERS:
		return 0;
	case FT_STR:
		return !(f->flags & FL_LONG);
	default:
		return 1;
	}
}

/* The built-in instrument whose item is rec, or NULL (a program's own item). */
static const struct instrument *
builtin_of_item(const struct form_ctx *c, const void *rec)
{
	for (size_t i = 0; c->p && i < c->p->instruments.n; i++) {
		const struct instrument *ins = &c->p->instruments.v[i];

		for (size_t j = 0; ins->builtin && j < ins->items.n; j++)
			if (&ins->items.v[j] == rec)
				return ins;
	}
	return NULL;
}

const char *
form_text_shown(const struct form_ctx *c, const struct field *f, const void *rec)
{
	const char *t = *(char *const *)FIELD_PTR(rec, f);
	const char *lang = lang_code(i18n_current());
	const struct instrument *ins;

	assert(f->type == FT_STR);
	if (f == kind_field(&kind_instrument, "title"))
		return instrument_title(rec, lang);
	if (f == kind_field(&kind_instrument_item, "text") && (ins = builtin_of_item(c, rec)))
		return instrument_item_text(ins, rec, lang);
	return t;
}

void
form_value_text(const struct form_ctx *c, const struct field *f, const void *rec,
    struct strbuf *out)
{
	const void *p = FIELD_PTR(rec, f);
	char buf[NUM_BUFSZ];

	if (f->type == FT_STR) {
		const char *t = form_text_shown(c, f, rec);

		if (t)
			strbuf_addstr(out, t);
		return;
	}
	switch (f->type) {
	case FT_DATE:
		if (*(const tdate *)p != DATE_NONE)
			figure_date(*(const tdate *)p, out);
		break;
	case FT_MONEY:
		if (*(const int64_t *)p != INT_NONE)
			strbuf_addstr(out, money_display(*(const int64_t *)p, buf));
		break;
	case FT_BOOL:
		strbuf_addstr(out, *(const int *)p ? _("yes") : _("no"));
		break;
	case FT_SMALL:
		if (*(const int *)p || !(f->flags & FL_OPTIONAL))
			strbuf_addf(out, "%d", *(const int *)p);
		break;
	case FT_ENUM: {
		int v = *(const int *)p;

		if (v >= 0 && v < f->nnames)
			enum_text(f->names[v], out);
		break;
	}
	case FT_ENUMS: {
		const struct anyvec *v = p;

		for (size_t i = 0; i < v->n; i++) {
			int e = ((const int *)v->v)[i];

			if (i)
				strbuf_addstr(out, ", ");
			if (e >= 0 && e < f->nnames)
				enum_text(f->names[e], out);
		}
		break;
	}
	case FT_REF: {
		const char *name = ref_display(c, f->ref, ((const struct ref *)p)->slug);

		if (name)
			strbuf_addstr(out, name);
		else if (f == kind_field(&kind_ledger_entry, "recipient"))
			/* money with no recipient paid an outside vendor (DESIGN §3) */
			strbuf_addstr(out, _("Outside vendor"));
		break;
	}
	case FT_REFS: {
		const struct refs *r = p;

		for (size_t i = 0; i < r->n; i++) {
			if (i)
				strbuf_addstr(out, ", ");
			strbuf_addstr(out, ref_display(c, f->ref, r->v[i].slug));
		}
		break;
	}
	case FT_LIST: {
		size_t n = ((const struct anyvec *)p)->n;

		strbuf_addf(out, "%zu", n);
		break;
	}
	case FT_RACI: {
		const VEC(struct assignment) *v = p;

		for (size_t i = 0; i < v->n; i++) {
			if (i)
				strbuf_addstr(out, ", ");
			strbuf_addf(out, "%s %s", ref_display(c, RT_ORG, v->v[i].org.slug),
			    v->v[i].letter >= 0 && v->v[i].letter < RACI__MAX ?
			    raci_names[v->v[i].letter] : "?");
		}
		break;
	}
	case FT_ANSWERS:
		strbuf_addf(out, P_("%zu answer", "%zu answers", ((const struct anyvec *)p)->n),
		    ((const struct anyvec *)p)->n);
		break;
	case FT_OBJECT:
		break;
	default:
		field_to_text(f, rec, out);
		break;
	}
}

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b))

int
form_field_cmp(const struct field *f, const void *a, const void *b)
{
	const void *pa = FIELD_PTR(a, f), *pb = FIELD_PTR(b, f);

	switch (f->type) {
	case FT_STR:
		/* names and titles as people sort them: "Álvarez" with the A's (util/fold.h) */
		return text_collate(*(char *const *)pa, *(char *const *)pb);
	case FT_SLUG:
	case FT_ID: {
		const char *sa = *(char *const *)pa, *sb = *(char *const *)pb;

		return strcmp(sa ? sa : "", sb ? sb : "");
	}
	case FT_DATE:
		return CMP(*(const tdate *)pa, *(const tdate *)pb);
	case FT_MONEY:
	case FT_INT:
		return CMP(*(const int64_t *)pa, *(const int64_t *)pb);
	case FT_SMALL:
	case FT_BOOL:
	case FT_ENUM:
		return CMP(*(const int *)pa, *(const int *)pb);
	case FT_REAL:
		return CMP(*(const double *)pa, *(const double *)pb);
	case FT_REF: {
		const char *sa = ((const struct ref *)pa)->slug, *sb = ((const struct ref *)pb)->slug;

		return strcmp(sa ? sa : "", sb ? sb : "");
	}
	case FT_REFS:
	case FT_ENUMS:
	case FT_LIST:
	case FT_RACI:
	case FT_ANSWERS:
		return CMP(((const struct anyvec *)pa)->n, ((const struct anyvec *)pb)->n);
	default:
		return 0;
	}
}

static int
numeric(const struct field *f)
{
	return f->type == FT_MONEY || f->type == FT_INT || f->type == FT_SMALL ||
	    f->type == FT_REAL || f->type == FT_LIST;
}

/* Whether f is a column of a list (a slug is a code: the name beside it says it). */
static int
list_column(const struct field *f)
{
	return form_field_is_column(f) && f->type != FT_SLUG;
}

/* The column that links to the record: its title or name, else its first column. */
static const struct field *
link_field(const struct kind *k)
{
	const struct field *f = kind_field(k, "title");

	if (f == NULL)
		f = kind_field(k, "name");
	if (f && list_column(f))
		return f;
	for (int i = 0; i < k->nfields; i++)
		if (list_column(&k->fields[i]))
			return &k->fields[i];
	return NULL;
}

void
form_list(struct html *h, const struct form_ctx *c, const struct kind *k,
    const void *const *recs, const char *const *hrefs, size_t n,
    const char *sort_base, const char *sort, int desc)
{
	form_list_cols(h, c, k, recs, hrefs, n, sort_base, sort, desc, NULL, 0);
}

void
form_list_cols(struct html *h, const struct form_ctx *c, const struct kind *k,
    const void *const *recs, const char *const *hrefs, size_t n,
    const char *sort_base, const char *sort, int desc,
    const struct form_column *extra, size_t nextra)
{
	struct strbuf sb = STRBUF_INIT, label = STRBUF_INIT;
	const struct field *lf = link_field(k);

	/* on a phone each row is a card of "label value" lines (style.c, table.stack) */
	html_open(h, "div", "class", "scroll", NULL);
	html_open(h, "table", "class", "records stack", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		int cur = sort && strcmp(sort, f->name) == 0;

		if (!list_column(f))
			continue;
		html_open(h, "th", "scope", "col", "class", numeric(f) ? "num" : NULL,
		    "aria-sort", cur ? (desc ? "descending" : "ascending") : NULL, NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%ssort=%s&dir=%s", sort_base, f->name, cur && !desc ? "desc" : "asc");
		html_open(h, "a", "href", sb.buf, NULL);
		strbuf_reset(&sb);
		form_label(f, &sb);
		html_text(h, sb.buf);
		if (cur)
			html_text(h, desc ? " ▼" : " ▲");
		html_close(h);
		html_close(h);
	}
	for (size_t x = 0; x < nextra; x++) {
		html_open(h, "th", "scope", "col", NULL);
		html_text(h, _(extra[x].label));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t r = 0; r < n; r++) {
		html_open(h, "tr", NULL);
		for (int i = 0; i < k->nfields; i++) {
			const struct field *f = &k->fields[i];

			if (!list_column(f))
				continue;
			strbuf_reset(&sb);
			form_value_text(c, f, recs[r], &sb);
			strbuf_reset(&label);
			form_label(f, &label);
			html_open(h, "td", "class", numeric(f) ? "num" : f == lf && f->type == FT_STR ? "title" : NULL,
			    "data-label", label.buf, NULL);
			if (f == lf) {
				html_open(h, "a", "href", hrefs[r], NULL);
				html_text(h, sb.len ? sb.buf : _("(open)"));
				html_close(h);
			} else
				html_text(h, sb.len ? sb.buf : "—");
			html_close(h);
		}
		for (size_t x = 0; x < nextra; x++) {
			strbuf_reset(&sb);
			extra[x].cell(c, recs[r], &sb);
			html_open(h, "td", "data-label", _(extra[x].label), NULL);
			html_text(h, sb.len ? sb.buf : "—");
			html_close(h);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	strbuf_release(&sb);
	strbuf_release(&label);
}

static void
record_at(struct html *h, const struct form_ctx *c, const struct kind *k, const void *rec)
{
	struct strbuf sb = STRBUF_INIT;

	html_open(h, "dl", "class", "record", NULL);
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		/* a slug is the record's address, not something people read */
		if (f->type == FT_SLUG && (f->flags & FL_KEY))
			continue;
		strbuf_reset(&sb);
		form_label(f, &sb);
		html_elem(h, "dt", sb.buf);
		strbuf_reset(&sb);
		html_open(h, "dd", "class", numeric(f) && f->type != FT_LIST ? "num" : NULL, NULL);
		if (f->type == FT_OBJECT) {
			record_at(h, c, f->sub, rec);
		} else if (flat_list(f) && FIELD_VEC(rec, f)->n) {
			const struct anyvec *v = FIELD_VEC(rec, f);

			/* a child's table, without sorting links or record links; on a
			 * phone each row a card of "label value" lines (table.cards) */
			strbuf_reset(&sb);
			form_label(f, &sb);
			html_open(h, "div", "class", "scroll", "tabindex", "0", "role", "region",
			    "aria-label", sb.buf, NULL);
			html_open(h, "table", "class", "cards", NULL);
			html_open(h, "thead", NULL);
			html_open(h, "tr", NULL);
			for (int j = 0; j < f->sub->nfields; j++) {
				strbuf_reset(&sb);
				form_label(&f->sub->fields[j], &sb);
				html_open(h, "th", "scope", "col", "class", numeric(&f->sub->fields[j]) ? "num" : NULL, NULL);
				html_text(h, sb.buf);
				html_close(h);
			}
			html_close(h);
			html_close(h);
			html_open(h, "tbody", NULL);
			for (size_t r = 0; r < v->n; r++) {
				const void *row = (const char *)v->v + r * f->sub->size;

				html_open(h, "tr", NULL);
				for (int j = 0; j < f->sub->nfields; j++) {
					struct strbuf label = STRBUF_INIT;

					form_label(&f->sub->fields[j], &label);
					strbuf_reset(&sb);
					form_value_text(c, &f->sub->fields[j], row, &sb);
					html_open(h, "td", "class", numeric(&f->sub->fields[j]) ? "num" : NULL,
					    "data-label", label.buf, NULL);
					html_text(h, sb.len ? sb.buf : "—");
					html_close(h);
					strbuf_release(&label);
				}
				html_close(h);
			}
			html_close(h);
			html_close(h);
			html_close(h);
		} else if ((f->flags & FL_MARKDOWN) && *(char *const *)FIELD_PTR(rec, f)) {
			html_markdown(h, *(char *const *)FIELD_PTR(rec, f));
		} else {
			if (f->type == FT_LIST) {
				size_t nl = ((const struct anyvec *)FIELD_PTR(rec, f))->n;

				strbuf_addf(&sb, P_("%zu entry", "%zu entries", nl), nl);
			} else
				form_value_text(c, f, rec, &sb);
			html_text(h, sb.len ? sb.buf : "—");
		}
		html_close(h);
	}
	html_close(h);
	strbuf_release(&sb);
}

void
form_record(struct html *h, const struct form_ctx *c, const struct kind *k, const void *rec)
{
	record_at(h, c, k, rec);
}
