/* The set-up forms of an initiative and of the program (setup_page.h). */
#include <assert.h>
#include <string.h>

#include "setup_page.h"
#include "../model/fields.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

void
setup_form_kind(enum setup_form form, struct kind *k, struct field *fields)
{
	const struct kind *from = form == SETUP_PROGRAM ? &kind_program : &kind_initiative;
	int n = 0;

	for (int i = 0; i < from->nfields && from->fields[i].type != FT_LIST; i++) {
		const char *name = from->fields[i].name;

		if ((form != SETUP_NEW && strcmp(name, "slug") == 0) ||
		    (form == SETUP_NEW && strcmp(name, "committee") == 0))
			continue;
		assert(n < SETUP_MAX_FIELDS);
		fields[n++] = from->fields[i];
	}
	*k = (struct kind){ .name = from->name, .size = from->size, .fields = fields, .nfields = n };
}

static void
link_to(struct html *h, const char *href, const char *text)
{
	html_open(h, "a", "href", href, NULL);
	html_text(h, text);
	html_close(h);
}

/* Where the organizations and people the pickers offer are added. */
static void
missing_note(struct html *h)
{
	html_open(h, "p", "class", "hint", NULL);
	/* TRANSLATORS: "… yet? [Add an organization] or [add a person] first, then come back …": cut at the two links */
	html_text(h, _("An organization or person not in the lists yet? "));
	link_to(h, "/program/organizations/new", _("Add an organization"));
	/* TRANSLATORS: between the links "Add an organization" and "add a person" */
	html_text(h, _(" or "));
	link_to(h, "/program/people/new", _("add a person"));
	/* TRANSLATORS: after the link "add a person" */
	html_text(h, _(" first, then come back to this form."));
	html_close(h);
}

/* After the initiative's own fields: what comes next, with the links to do it. */
static void
next_steps(struct html *h, const char *slug)
{
	struct strbuf sb = STRBUF_INIT;

	html_open(h, "section", "class", "next", "aria-labelledby", "next", NULL);
	html_open(h, "h2", "id", "next", NULL);
	html_text(h, _("Next steps"));
	html_close(h);
	html_open(h, "ol", NULL);
	html_open(h, "li", NULL);
	strbuf_addf(&sb, "/i/%s/members", slug);
	link_to(h, sb.buf, _("Add the team's members and set who is accountable for what"));
	/* TRANSLATORS: after the link "Add the team's members …"; "Team & roles" is the tab's name */
	html_text(h, _(" (Team & roles). The backbone is already a member."));
	html_close(h);
	html_open(h, "li", NULL);
	html_text(h, _("Then choose the committee below, from the members."));
	html_close(h);
	html_open(h, "li", NULL);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s", slug);
	link_to(h, sb.buf, _("See the initiative's dashboard"));
	html_close(h);
	html_close(h);
	html_close(h);
	strbuf_release(&sb);
}

void
setup_page_write(struct html *h, const struct setup_page *pg)
{
	static const struct initiative none;
	struct form_ctx c;
	struct field fields[SETUP_MAX_FIELDS];
	struct kind k;

	setup_form_kind(pg->form, &k, fields);
	frame_begin(h, pg->frame);
	if (pg->flash) {
		html_open(h, "p", "class", "flash", "role", "status", NULL);
		html_text(h, pg->flash);
		html_close(h);
	}
	html_open(h, "p", "class", "meta", NULL);
	switch (pg->form) {
	case SETUP_NEW:
		html_text(h, _("A new initiative of the program: its name, city and dates, its backbone "
		    "and fiscal agent, and, if they are known, its director and shared result. The "
		    "backbone becomes its first member by itself, and the initiative starts with the "
		    "twelve usual responsibilities. Its other members and its committee come next."));
		break;
	case SETUP_INITIATIVE:
		html_text(h, _("The initiative's own details. The committee is chosen from its members; "
		    "the director's employer, and whom the director reports to and is evaluated by, "
		    "may be any organization of the program."));
		break;
	case SETUP_PROGRAM:
		html_text(h, _("The program's name, funder and dates."));
		break;
	}
	html_close(h);
	if (pg->form == SETUP_INITIATIVE && pg->slug)
		next_steps(h, pg->slug);
	if (pg->form != SETUP_PROGRAM)
		missing_note(h);
	form_error_summary(h, pg->errs);
	html_open(h, "form", "class", "record", "method", "post", "action", pg->action, "novalidate", "",
	    NULL);
	frame_csrf_field(h, pg->csrf);
	/*
	 * The pickers as an initiative's forms draw them: its members first,
	 * the program's other organizations folded away (a new one has none
	 * yet, so all of them fold) unless one is picked.
	 */
	c = pg->c;
	if (pg->form != SETUP_PROGRAM && c.in == NULL)
		c.in = &none;
	form_fields(h, &c, &k, pg->rec, pg->typed, pg->errs);
	html_open(h, "div", "class", "actions", NULL);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, pg->form == SETUP_NEW ? _("Create the initiative") : _("Save changes"));
	html_close(h);
	html_close(h);
	html_close(h);
	frame_end(h);
}
