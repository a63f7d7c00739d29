/*
 * Team & roles (team_page.h): members, committee and director, the
 * responsibilities matrix. The handler (src/web/h_team.c) decides who may
 * edit and what came back from a form.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "team_page.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* The initiative's fields this page edits, as a kind of their own for the generic form. */
void
team_page_kind(struct kind *k, struct field f[2])
{
	f[0] = *kind_field(&kind_initiative, "committee");
	f[1] = *kind_field(&kind_initiative, "director");
	k->name = "team";
	k->size = sizeof(struct initiative);
	k->fields = f;
	k->nfields = 2;
}

/* Whether org (an index of p->orgs) is a current member, or has a letter somewhere. */
static int
in_matrix(const struct program *p, const struct initiative *in, size_t o)
{
	const char *slug = p->orgs.v[o].slug;

	for (size_t i = 0; i < in->members.n; i++)
		if (strcmp(in->members.v[i].org.slug, slug) == 0 && in->members.v[i].left == DATE_NONE)
			return 1;
	for (size_t r = 0; r < in->responsibilities.n; r++)
		for (size_t a = 0; a < in->responsibilities.v[r].assignments.n; a++)
			if (strcmp(in->responsibilities.v[r].assignments.v[a].org.slug, slug) == 0)
				return 1;
	return 0;
}

const char *
team_letter_of(const struct responsibility *r, const char *org)
{
	for (size_t a = 0; a < r->assignments.n; a++)
		if (strcmp(r->assignments.v[a].org.slug, org) == 0 &&
		    r->assignments.v[a].letter >= 0 && r->assignments.v[a].letter < RACI__MAX)
			return raci_names[r->assignments.v[a].letter];
	return "";
}

static void
raci_matrix(struct html *h, const struct team_page *tp, const struct form_input *typed)
{
	const struct program *p = tp->p;
	const struct initiative *in = tp->in;
	int edit = tp->can_edit;
	struct strbuf sb = STRBUF_INIT, name = STRBUF_INIT;

	if (in->responsibilities.n == 0) {
		html_open(h, "p", "class", "empty", NULL);
		html_text(h, _("No responsibilities recorded yet. "));
		if (edit) {
			strbuf_addf(&sb, "/i/%s/responsibilities/new", in->slug);
			html_open(h, "a", "href", sb.buf, NULL);
			html_text(h, _("Add the first responsibility"));
			html_close(h);
			html_text(h, ".");
		}
		html_close(h);
		goto out;
	}
	if (edit) {
		strbuf_addf(&sb, "/i/%s/team/raci", in->slug);
		html_open(h, "form", "class", "matrix-form", "method", "post", "action", sb.buf, NULL);
		frame_csrf_field(h, tp->frame->csrf);
	}
	html_open(h, "div", "class", "scroll", NULL);
	html_open(h, "table", "class", "matrix", NULL);
	html_open(h, "caption", NULL);
	html_text(h, _("R responsible · A accountable · C consulted · I informed"));
	html_close(h);
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, _("Responsibility"));
	html_close(h);
	for (size_t o = 0; o < p->orgs.n; o++)
		if (in_matrix(p, in, o)) {
			html_open(h, "th", "scope", "col", NULL);
			html_text(h, p->orgs.v[o].name);
			html_close(h);
		}
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, _("Gap"));
	html_close(h);
	html_close(h);
	for (size_t r = 0; r < in->responsibilities.n; r++) {
		const struct responsibility *rs = &in->responsibilities.v[r];
		int as = 0;

		for (size_t a = 0; a < rs->assignments.n; a++)
			as += rs->assignments.v[a].letter == RACI_A;
		html_open(h, "tr", "class", as == 1 ? NULL : "gap", NULL);
		html_open(h, "th", "scope", "row", NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/responsibilities/", in->slug);
		for (const char *s = rs->name; *s; s++) {
			if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-')
				strbuf_addch(&sb, *s);
			else
				strbuf_addf(&sb, "%%%02X", (unsigned char)*s);
		}
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, rs->name);
		html_close(h);
		if (edit) {
			strbuf_reset(&name);
			strbuf_addf(&name, "r%zu", r);
			html_void(h, "input", "type", "hidden", "name", name.buf, "value", rs->name, NULL);
		}
		html_close(h);
		for (size_t o = 0; o < p->orgs.n; o++) {
			const char *slug = p->orgs.v[o].slug, *cur;

			if (!in_matrix(p, in, o))
				continue;
			strbuf_reset(&name);
			strbuf_addf(&name, "r%zu.assignments.%s", r, slug);
			cur = typed ? form_get(typed, name.buf) : NULL;
			if (cur == NULL)
				cur = team_letter_of(rs, slug);
			html_open(h, "td", "class", "letter", NULL);
			if (edit) {
				strbuf_reset(&sb);
				strbuf_addf(&sb, "%s: %s", rs->name, p->orgs.v[o].name);
				html_open(h, "select", "name", name.buf, "aria-label", sb.buf, NULL);
				html_open(h, "option", "value", "", "selected", *cur ? NULL : "", NULL);
				html_text(h, "—");
				html_close(h);
				for (int l = 0; l < RACI__MAX; l++) {
					html_open(h, "option", "value", raci_names[l],
					    "selected", strcmp(cur, raci_names[l]) == 0 ? "" : NULL, NULL);
					html_text(h, raci_names[l]);
					html_close(h);
				}
				html_close(h);
			} else
				html_text(h, *cur ? cur : "·");
			html_close(h);
		}
		html_open(h, "td", "class", as == 1 ? NULL : "gap", NULL);
		if (as == 0)
			html_text(h, _("⚠ No one accountable"));
		else if (as > 1)
			html_textf(h, _("⚠ %d accountable"), as);
		else
			html_text(h, "—");
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	if (edit) {
		html_open(h, "button", "type", "submit", NULL);
		html_text(h, _("Save the matrix"));
		html_close(h);
		html_close(h);
	}
out:
	strbuf_release(&sb);
	strbuf_release(&name);
}

void
team_page_write(struct html *h, const struct team_page *tp)
{
	const struct program *p = tp->p;
	const struct initiative *in = tp->in;
	const form_errors *errs = tp->errs;
	const struct form_input *typed = tp->typed;
	int which = tp->which;
	struct form_ctx c = { p, in };
	struct kind tk;
	struct field tf[2];
	struct strbuf sb = STRBUF_INIT;
	const void **recs = xcalloc(in->members.n + 1, sizeof(*recs));
	char **hrefs = xcalloc(in->members.n + 1, sizeof(*hrefs));
	int edit = tp->can_edit;

	assert(tp->frame && p && in);
	team_page_kind(&tk, tf);
	frame_begin(h, tp->frame);

	html_elem(h, "h2", _("Members"));
	html_open(h, "p", "class", "meta", NULL);
	html_text(h, _("The organizations on the team."));
	if (edit)	/* instructions only for those who can follow them (issue 11, point 14) */
		html_text(h, _(" To mark that one has left, open it and give the date it left."));
	html_close(h);
	if (edit) {
		strbuf_addf(&sb, "/i/%s/members/new", in->slug);
		html_open(h, "p", "class", "actions", NULL);
		html_open(h, "a", "class", "button", "href", sb.buf, NULL);
		html_text(h, _("Add a member"));
		html_close(h);
		html_close(h);
	}
	for (size_t i = 0; i < in->members.n; i++) {
		recs[i] = &in->members.v[i];
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/members/%s", in->slug, in->members.v[i].org.slug);
		hrefs[i] = xstrdup(sb.buf);
	}
	if (in->members.n) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/members?", in->slug);
		form_list(h, &c, &kind_member, recs, (const char **)hrefs, in->members.n, sb.buf, NULL, 0);
	} else
		html_elem(h, "p", _("No members recorded yet."));

	html_open(h, "h2", "id", "oversight", NULL);
	html_text(h, _("Committee and director"));
	html_close(h);
	form_record(h, &c, &tk, in);
	if (edit) {
		html_open(h, "details", "open", which == TEAM_FORM_INITIATIVE ? "" : NULL, NULL);
		html_elem(h, "summary", _("Change the committee or the director"));
		if (which == TEAM_FORM_INITIATIVE)
			form_error_summary(h, errs);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/team/initiative", in->slug);
		html_open(h, "form", "class", "record", "method", "post", "action", sb.buf, "novalidate", "", NULL);
		frame_csrf_field(h, tp->frame->csrf);
		form_fields(h, &c, &tk, in, which == TEAM_FORM_INITIATIVE ? typed : NULL,
		    which == TEAM_FORM_INITIATIVE ? errs : NULL);
		html_open(h, "button", "type", "submit", NULL);
		html_text(h, _("Save"));
		html_close(h);
		html_close(h);
		html_close(h);
	}

	html_open(h, "h2", "id", "raci", NULL);
	html_text(h, _("Responsibilities"));
	html_close(h);
	if (which == TEAM_FORM_RACI)
		form_error_summary(h, errs);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s/responsibilities", in->slug);
	html_open(h, "p", "class", "meta", NULL);
	html_text(h, _("Each responsibility needs exactly one organization Accountable. "));
	html_open(h, "a", "href", sb.buf, NULL);
	html_text(h, _("The list of responsibilities"));
	html_close(h);
	html_close(h);
	raci_matrix(h, tp, which == TEAM_FORM_RACI ? typed : NULL);
	frame_end(h);
	for (size_t i = 0; i < in->members.n; i++)
		free(hrefs[i]);
	free(recs);
	free(hrefs);
	strbuf_release(&sb);
}

