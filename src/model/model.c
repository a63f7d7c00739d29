#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "model.h"
#include "../util/arena.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

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
/* the first is the default, left out of trellis/1 (FL_SPARSE) */
const char *const ledger_status_names[LSTATUS__MAX] = {
	[LSTATUS_APPROVED] = "approved", [LSTATUS_PENDING] = "pending",
	[LSTATUS_REJECTED] = "rejected",
};
const char *const verdict_names[VERDICT__MAX] = {
	[VERDICT_APPROVE] = "approve", [VERDICT_REJECT] = "reject",
};
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
const char *const stance_names[STANCE__MAX] = {
	[STANCE_AGREE] = "agree", [STANCE_CONCERNS] = "concerns", [STANCE_OBJECT] = "object",
};
const char *const signal_names[SIGNAL__MAX] = {
	[SIGNAL_DOMINANCE] = "dominance",
	[SIGNAL_DIRECTOR_AS_EMPLOYEE] = "director_as_employee",
	[SIGNAL_BLURRED_BOUNDARIES] = "blurred_boundaries",
	[SIGNAL_OUT_OF_THE_LOOP] = "out_of_the_loop",
	[SIGNAL_NO_CONTRARY_VIEWS] = "no_contrary_views",
	[SIGNAL_SHARED_LEADERSHIP] = "shared_leadership",
	[SIGNAL_CREDIT_GIVEN] = "credit_given",
	[SIGNAL_CAPACITY_SHARED] = "capacity_shared",
	[SIGNAL_DIRECTOR_SUPPORTED] = "director_supported",
	[SIGNAL_JOINT_GRANT_SEEKING] = "joint_grant_seeking",
	[SIGNAL_PARTNERS_COMPENSATED] = "partners_compensated",
};
const char *const action_status_names[ACTION__MAX] = {
	[ACTION_OPEN] = "open", [ACTION_DONE] = "done", [ACTION_DROPPED] = "dropped",
};
const char *const evidence_kind_names[EVK__MAX] = {
	[EVK_ALERT] = "alert", [EVK_FIGURE] = "figure", [EVK_DECISION] = "decision",
	[EVK_CHECKIN] = "checkin",
};
/* the capacity traits of DESIGN §5, then the pitfall alerts' codes of DESIGN §3 */
const char *const assist_answer_names[ANSWER__MAX] = {
	[ANSWER_FLEXIBLE_GRANTS] = "flexible_grants", [ANSWER_EXPERTISE] = "expertise",
	[ANSWER_IN_KIND_STAFFING] = "in_kind_staffing", [ANSWER_EXPERIMENT] = "experiment",
	[ANSWER_CONVENER] = "convener", [ANSWER_DOMINANCE] = "dominance",
	[ANSWER_DIRECTOR_AS_EMPLOYEE] = "director_as_employee",
	[ANSWER_BLURRED_BOUNDARIES] = "blurred_boundaries",
	[ANSWER_OUT_OF_THE_LOOP] = "out_of_the_loop",
	[ANSWER_NO_CONTRARY_VIEWS] = "no_contrary_views",
};

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
initiative_backbone_member(struct initiative *in)
{
	struct member *m;

	if (in->backbone.slug == NULL)
		return 0;
	for (size_t i = 0; i < in->members.n; i++)
		if (in->members.v[i].org.slug && strcmp(in->members.v[i].org.slug, in->backbone.slug) == 0)
			return 0;
	m = VEC_PUSH(&in->members);
	m->loc = in->loc;
	ref_set(&m->org, in->backbone.slug);
	m->role = ROLE_BACKBONE;
	m->joined = in->start;
	m->left = DATE_NONE;
	return 1;
}

int
enum_lookup(const char *const *names, int n, const char *name)
{
	/* the first byte before the whole name: most names differ in it */
	for (int i = 0; i < n; i++)
		if (names[i][0] == name[0] && strcmp(names[i], name) == 0)
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
program_use_arena(struct program *p)
{
	assert(p->strings == NULL && p->initiatives.n == 0 && p->orgs.n == 0);
	p->strings = xcalloc(1, sizeof(*p->strings));
}

void
program_release(struct program *p)
{
	if (p->strings) {
		kind_release_lists(&kind_document, p);
		arena_release(p->strings);
		free(p->strings);
	} else
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

/* Notes in orgs and people the slugs that rec, of kind k, refers to. */
static void
names_of(const struct kind *k, const void *rec, struct strmap *orgs, struct strmap *people)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const void *p = FIELD_PTR(rec, f);
		struct strmap *to = f->ref == RT_PERSON ? people :
		    f->ref == RT_ORG || f->ref == RT_DECIDER ? orgs : NULL;

		switch (f->type) {
		case FT_REF:
			if (to && ((const struct ref *)p)->slug)
				strmap_put(to, ((const struct ref *)p)->slug, 1);
			break;
		case FT_REFS:
			for (size_t j = 0; to && j < ((const struct refs *)p)->n; j++)
				strmap_put(to, ((const struct refs *)p)->v[j].slug, 1);
			break;
		case FT_RACI: {
			const VEC(struct assignment) *v = p;

			for (size_t j = 0; j < v->n; j++)
				strmap_put(orgs, v->v[j].org.slug, 1);
			break;
		}
		case FT_OBJECT:
			names_of(f->sub, rec, orgs, people);
			break;
		case FT_LIST: {
			const struct anyvec *v = p;

			for (size_t j = 0; j < v->n; j++)
				names_of(f->sub, (const char *)v->v + j * f->sub->size, orgs, people);
			break;
		}
		default:
			break;
		}
	}
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/*
 * Appends to vector v copies of the records of from (n of kind k, indexed
 * by slug in index) whose slugs are the keys of names, in from's order.
 * Slugs that name none of them are left out, as the store's read leaves
 * them.
 */
static void
copy_named(struct anyvec *v, const struct kind *k, const void *from, const struct strmap *index,
    const struct strmap *names)
{
	VEC(int) at = { NULL, 0, 0 };

	for (size_t i = 0; i < names->cap; i++) {
		int j = names->slots[i].key ? strmap_get(index, names->slots[i].key, -1) : -1;

		if (j >= 0)
			*VEC_PUSH(&at) = j;
	}
	if (at.n)
		qsort(at.v, at.n, sizeof(*at.v), cmp_int);
	for (size_t i = 0; i < at.n; i++)
		kind_copy(k, anyvec_push(v, k), (const char *)from + (size_t)at.v[i] * k->size);
	VEC_FREE(&at);
}

void
program_slice_copy(const struct program *from, size_t ini, struct program *out)
{
	const struct initiative *in;
	struct strmap orgs = STRMAP_INIT, people = STRMAP_INIT;

	assert(ini < from->initiatives.n);
	/* from is resolved: its indexes find what the initiative names */
	assert(from->org_index.n == from->orgs.n && from->person_index.n == from->people.n);
	in = &from->initiatives.v[ini];
	/* the program's own fields (a copy of them); nothing else yet */
	program_init(out);
	{
		struct program own;

		kind_copy(&kind_program, &own, from);
		for (int i = 0; i < kind_program.nfields; i++) {
			const struct field *f = &kind_program.fields[i];

			assert(field_size(f) > 0);
			memcpy(FIELD_PTR(out, f), FIELD_PTR(&own, f), field_size(f));
		}
		out->rowid = own.rowid;
	}
	/* what a slice holds (store_initiative_load): the instruments, the one initiative, */
	for (size_t j = 0; j < from->instruments.n; j++)
		kind_copy(&kind_instrument, anyvec_push((struct anyvec *)&out->instruments,
		    &kind_instrument), &from->instruments.v[j]);
	kind_copy(&kind_initiative, anyvec_push((struct anyvec *)&out->initiatives,
	    &kind_initiative), in);
	/* and the people it names, and the organizations it and they name, in the program's order */
	names_of(&kind_initiative, in, &orgs, &people);
	copy_named((struct anyvec *)&out->people, &kind_person, from->people.v,
	    &from->person_index, &people);
	for (size_t j = 0; j < out->people.n; j++)
		names_of(&kind_person, &out->people.v[j], &orgs, NULL);
	copy_named((struct anyvec *)&out->orgs, &kind_organization, from->orgs.v,
	    &from->org_index, &orgs);
	out->partial = PROGRAM_SLICE;
	strmap_release(&orgs);
	strmap_release(&people);
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

/*
 * The six activities the collective-impact field judges a backbone's value
 * by, each asked in our own words of everyone on the team (partners and
 * the backbone's own people alike), so that the answers stay anonymous
 * (DESIGN §4) and the backbone's view can be set against its partners'.
 */
static const struct builtin_item backbone_activities_items[] = {
	{ "guide_vision", "backbone activity",
	  N_("The backbone helps the team agree on where it is going and how, and keeps that plan in view.") },
	{ "support_aligned", "backbone activity",
	  N_("The backbone helps each partner line up its own work with the plan we share.") },
	{ "shared_measurement", "backbone activity",
	  N_("The backbone keeps a common way of measuring progress, and helps partners collect and use the data.") },
	{ "public_will", "backbone activity",
	  N_("The backbone helps the community understand our goal and rally behind it.") },
	{ "advance_policy", "backbone activity",
	  N_("The backbone helps move the public policies that our goal depends on.") },
	{ "mobilize_funding", "backbone activity",
	  N_("The backbone helps bring in money for the work — for the partners, not only for itself.") },
};

/* A copy of s that p owns: in p's arena when it has one (program_use_arena). */
static char *
own_str(struct program *p, const char *s)
{
	return p->strings ? arena_strdup(p->strings, s) : xstrdup(s);
}

static void
add_builtin(struct program *p, const char *code, const char *title,
    const struct builtin_item *items, size_t n)
{
	struct instrument *in;

	if (program_instrument(p, code))
		return;
	in = VEC_PUSH(&p->instruments);
	in->code = own_str(p, code);
	in->title = own_str(p, title);
	in->builtin = 1;
	for (size_t i = 0; i < n; i++) {
		struct instrument_item *it = VEC_PUSH(&in->items);

		it->code = own_str(p, items[i].code);
		it->text = own_str(p, items[i].text);
		it->category = own_str(p, items[i].category);
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
	add_builtin(p, BACKBONE_ACTIVITIES_CODE, N_("The backbone's own activities"),
	    backbone_activities_items,
	    sizeof(backbone_activities_items) / sizeof(backbone_activities_items[0]));
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

void
proposal_standing(const struct proposal *pr, long *standing)
{
	for (size_t k = 0; k < pr->asked.n; k++) {
		standing[k] = -1;
		for (size_t i = 0; i < pr->answers.n; i++)
			if (pr->answers.v[i].org.slug && pr->asked.v[k].slug &&
			    strcmp(pr->answers.v[i].org.slug, pr->asked.v[k].slug) == 0)
				standing[k] = (long)i;
	}
}

void
proposal_tally(const struct proposal *pr, struct proposal_tally *t)
{
	long *standing = xcalloc(pr->asked.n + 1, sizeof(long));

	memset(t, 0, sizeof(*t));
	proposal_standing(pr, standing);
	for (size_t k = 0; k < pr->asked.n; k++) {
		if (standing[k] < 0)
			t->waiting++;
		else
			t->n[pr->answers.v[standing[k]].answer]++;
	}
	free(standing);
}

int
ledger_counts(const struct ledger_entry *e)
{
	return e->status == LSTATUS_APPROVED;
}

int
grant_line(const struct grant *g, const char *name)
{
	if (name == NULL)
		return -1;
	for (size_t i = 0; i < g->lines.n; i++)
		if (g->lines.v[i].name && strcmp(g->lines.v[i].name, name) == 0)
			return (int)i;
	return -1;
}
