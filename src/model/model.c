#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "model.h"
#include "../util/i18n.h"

const char *const sector_names[SECTOR__MAX] = {
	"nonprofit", "public", "private", "philanthropy", "education",
	"health", "faith", "resident", "other",
};
const char *const expertise_names[EXPERTISE__MAX] = {
	"community-engagement", "fundraising", "learning-evaluation", "policy-advocacy",
};
const char *const role_names[ROLE__MAX] = { "backbone", "co-lead", "partner" };
const char *const category_names[CAT__MAX] = {
	"strategy", "financial", "personnel", "program", "communications",
	"evaluation", "other",
};
const char *const ledger_kind_names[LEDGER__MAX] = { "disbursement", "expense" };
const char *const app_status_names[APP__MAX] = { "draft", "submitted", "awarded", "declined" };
const char *const channel_names[CHANNEL__MAX] = {
	"press", "report", "presentation", "award", "social", "other",
};
const char *const contrib_type_names[CONTRIB__MAX] = {
	"data", "fundraising", "communications", "staffing", "facilitation", "other",
};
const char *const event_kind_names[EVENT__MAX] = {
	"convening", "training", "peer-exchange", "evaluation", "team-meeting",
};
const char *const group_names[GROUP__MAX] = { "backbone", "director", "partner" };
const char *const raci_names[RACI__MAX] = { "R", "A", "C", "I" };
const char *const direction_names[DIR__MAX] = { "up", "down" };

const char *const default_responsibilities[] = {
	"approve budget", "review budget", "evaluate initiative director",
	"supervise initiative director", "manage grant funds", "funder check-in",
	"data analysis", "grant writing", "communications", "community engagement",
	"evaluation liaison", "convene team meetings",
};
const size_t default_responsibilities_count =
    sizeof(default_responsibilities) / sizeof(default_responsibilities[0]);

void
initiative_default_responsibilities(struct initiative *in)
{
	if (in->responsibilities.n > 0 || in->responsibilities_given)
		return;
	for (size_t i = 0; i < default_responsibilities_count; i++)
		VEC_PUSH(&in->responsibilities)->name = xstrdup(default_responsibilities[i]);
}

void
program_default_responsibilities(struct program *p)
{
	for (size_t i = 0; i < p->initiatives.n; i++)
		if (p->initiatives.v[i].rowid == 0)
			initiative_default_responsibilities(&p->initiatives.v[i]);
}

int
enum_lookup(const char *const *names, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

void
program_init(struct program *p)
{
	memset(p, 0, sizeof(*p));
	p->start = p->end = DATE_NONE;
}

void
ref_set(struct ref *r, const char *slug)
{
	r->slug = xstrdup(slug);
	r->idx = REF_UNRESOLVED;
}

void
program_release(struct program *p)
{
	kind_release(&kind_document, p);
	strmap_release(&p->org_index);
	strmap_release(&p->person_index);
	strmap_release(&p->instrument_index);
	strmap_release(&p->initiative_index);
	for (size_t i = 0; i < p->files.n; i++)
		free(p->files.v[i]);
	VEC_FREE(&p->files);
	program_init(p);
}

const char *
program_intern_file(struct program *p, const char *name)
{
	for (size_t i = 0; i < p->files.n; i++)
		if (strcmp(p->files.v[i], name) == 0)
			return p->files.v[i];
	*VEC_PUSH(&p->files) = xstrdup(name);
	return p->files.v[p->files.n - 1];
}

/*
 * The built-in instruments (DESIGN §4). Item codes are part of trellis/1:
 * documents answer them by these codes.
 */
struct builtin_item {
	const char *code, *category, *text;
};

static const struct builtin_item balance_items[] = {
	{ "shared_leadership", "practice",
	  N_("A co-lead or an executive committee really shares the key decisions with the backbone.") },
	{ "credit_given", "practice",
	  N_("The backbone gives credit to other organizations on the team, even when it could take the credit itself.") },
	{ "capacity_shared", "practice",
	  N_("The backbone uses its own staff and skills (data, fundraising, communications) to help other team members.") },
	{ "director_supported", "practice",
	  N_("The initiative director is trusted and supported by the whole team.") },
	{ "joint_grant_seeking", "practice",
	  N_("We look for new funding together, as a team, not one organization alone.") },
	{ "partners_compensated", "practice",
	  N_("Partners are paid fairly for the key roles they play in the initiative.") },
	{ "dominance", "pitfall",
	  N_("Decisions are shared: the backbone does not set the direction alone or move too fast for others to take part.") },
	{ "director_as_employee", "pitfall",
	  N_("The initiative director works for the initiative, not only for the backbone that employs them.") },
	{ "blurred_boundaries", "pitfall",
	  N_("The line between the backbone's own work and the initiative's work is clear.") },
	{ "out_of_the_loop", "pitfall",
	  N_("Team members hear about personnel and money matters that affect the initiative before they are settled.") },
	{ "no_contrary_views", "pitfall",
	  N_("Different views and approaches are invited and taken seriously, even when they stretch the team.") },
};

static const struct builtin_item director_support_items[] = {
	{ "trusted", "director",
	  N_("The team trusts the initiative director to lead the work.") },
	{ "supported", "director",
	  N_("The initiative director gets the support they need from the team, not only from the backbone.") },
	{ "works_for_initiative", "director",
	  N_("The initiative director works for the whole initiative, not just for the organization that employs them.") },
	{ "shared_oversight", "director",
	  N_("More than one organization takes part in guiding and reviewing the director's work.") },
};

static void
add_builtin(struct program *p, const char *code, const char *title,
    const struct builtin_item *items, size_t n)
{
	struct instrument *in;

	if (program_instrument(p, code))
		return;
	in = VEC_PUSH(&p->instruments);
	in->code = xstrdup(code);
	in->title = xstrdup(title);
	in->builtin = 1;
	for (size_t i = 0; i < n; i++) {
		struct instrument_item *it = VEC_PUSH(&in->items);

		it->code = xstrdup(items[i].code);
		it->text = xstrdup(items[i].text);
		it->category = xstrdup(items[i].category);
	}
	strmap_release(&p->instrument_index);	/* stale: rebuilt by model_resolve */
}

void
program_add_builtin_instruments(struct program *p)
{
	add_builtin(p, "balance", N_("Stepping up and stepping back: practices and pitfalls"),
	    balance_items, sizeof(balance_items) / sizeof(balance_items[0]));
	add_builtin(p, "director-support", N_("Support for the initiative director"),
	    director_support_items,
	    sizeof(director_support_items) / sizeof(director_support_items[0]));
}

/*
 * The built-in instruments are translated with the program's other words
 * (po/, their English text the msgid); a program's own are shown as
 * written. lang is the page's ("es"); English needs no catalog.
 */
const char *
instrument_item_text(const struct instrument *ins, const struct instrument_item *it,
    const char *lang)
{
	if (lang && strcmp(lang, "es") == 0 && it->text_es && *it->text_es)
		return it->text_es;
	if (ins->builtin && lang && strcmp(lang, "en") != 0)
		return _(it->text);
	return it->text;
}

const char *
instrument_title(const struct instrument *ins, const char *lang)
{
	const char *t = ins->title ? ins->title : ins->code;

	if (lang && strcmp(lang, "es") == 0 && ins->title_es && *ins->title_es)
		return ins->title_es;
	if (ins->builtin && ins->title && lang && strcmp(lang, "en") != 0)
		return _(t);
	return t;
}

/* Linear lookups: used where no index has been built (small programs, tests). */
struct organization *
program_org(const struct program *p, const char *slug)
{
	int i = strmap_get(&p->org_index, slug, -1);

	if (i >= 0 && (size_t)i < p->orgs.n && strcmp(p->orgs.v[i].slug, slug) == 0)
		return &p->orgs.v[i];
	for (size_t j = 0; j < p->orgs.n; j++)
		if (strcmp(p->orgs.v[j].slug, slug) == 0)
			return &p->orgs.v[j];
	return NULL;
}

struct person *
program_person(const struct program *p, const char *slug)
{
	for (size_t j = 0; j < p->people.n; j++)
		if (strcmp(p->people.v[j].slug, slug) == 0)
			return &p->people.v[j];
	return NULL;
}

struct initiative *
program_initiative(const struct program *p, const char *slug)
{
	for (size_t j = 0; j < p->initiatives.n; j++)
		if (strcmp(p->initiatives.v[j].slug, slug) == 0)
			return &p->initiatives.v[j];
	return NULL;
}

struct instrument *
program_instrument(const struct program *p, const char *code)
{
	for (size_t j = 0; j < p->instruments.n; j++)
		if (strcmp(p->instruments.v[j].code, code) == 0)
			return &p->instruments.v[j];
	return NULL;
}
