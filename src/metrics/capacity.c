/*
 * Backbone capacity (DESIGN §5): an organization's staff, revenue and five
 * traits, whether it is high capacity, and — against an initiative — which
 * team members offer the traits it lacks ("how can partners supply the
 * capacity a backbone is lacking?"). The mapping from contributions and
 * responsibilities to traits is documented in docs/metrics.md.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "metrics.h"
#include "../util/i18n.h"
#include "../util/banned.h"

const char *const metrics_trait_names[TRAIT__MAX] = {
	"flexible_grants",	/* TRAIT_FLEXIBLE_GRANTS */
	"expertise",		/* TRAIT_EXPERTISE */
	"in_kind_staffing",	/* TRAIT_IN_KIND_STAFFING */
	"experiment",		/* TRAIT_EXPERIMENT */
	"convener",		/* TRAIT_CONVENER */
};

const char *const metrics_trait_labels[TRAIT__MAX] = {
	[TRAIT_FLEXIBLE_GRANTS] = N_("Flexible grants"),
	[TRAIT_EXPERTISE] = N_("Expertise"),
	[TRAIT_IN_KIND_STAFFING] = N_("In-kind staffing"),
	[TRAIT_EXPERIMENT] = N_("Willing to experiment"),
	[TRAIT_CONVENER] = N_("Convener"),
};

#define T(x) (1u << (x))

/* Traits a contribution of each type shows its giver can offer. */
static const unsigned contrib_traits[CONTRIB__MAX] = {
	T(TRAIT_EXPERTISE) | T(TRAIT_EXPERIMENT),		/* data */
	T(TRAIT_EXPERTISE) | T(TRAIT_FLEXIBLE_GRANTS),		/* fundraising */
	T(TRAIT_EXPERTISE),					/* communications */
	T(TRAIT_IN_KIND_STAFFING),				/* staffing */
	T(TRAIT_CONVENER),					/* facilitation */
	0,							/* other */
};

/*
 * Words in a responsibility's name (case-insensitive) and the traits an
 * organization holding it as R or A shows. Covers the twelve default
 * responsibilities and the obvious variants of custom ones.
 */
static const struct {
	const char *word;
	unsigned traits;
} resp_words[] = {
	{ "budget", T(TRAIT_FLEXIBLE_GRANTS) },
	{ "grant fund", T(TRAIT_FLEXIBLE_GRANTS) },
	{ "grant writing", T(TRAIT_EXPERTISE) | T(TRAIT_FLEXIBLE_GRANTS) },
	{ "fundrais", T(TRAIT_EXPERTISE) | T(TRAIT_FLEXIBLE_GRANTS) },
	{ "data", T(TRAIT_EXPERTISE) | T(TRAIT_EXPERIMENT) },
	{ "evaluation", T(TRAIT_EXPERTISE) | T(TRAIT_EXPERIMENT) },
	{ "learning", T(TRAIT_EXPERTISE) | T(TRAIT_EXPERIMENT) },
	{ "pilot", T(TRAIT_EXPERIMENT) },
	{ "experiment", T(TRAIT_EXPERIMENT) },
	{ "communication", T(TRAIT_EXPERTISE) },
	{ "community engagement", T(TRAIT_EXPERTISE) | T(TRAIT_CONVENER) },
	{ "policy", T(TRAIT_EXPERTISE) },
	{ "advoca", T(TRAIT_EXPERTISE) },
	{ "staff", T(TRAIT_IN_KIND_STAFFING) },
	{ "supervis", T(TRAIT_IN_KIND_STAFFING) },
	{ "convene", T(TRAIT_CONVENER) },
	{ "convening", T(TRAIT_CONVENER) },
	{ "meeting", T(TRAIT_CONVENER) },
	{ "facilitat", T(TRAIT_CONVENER) },
};

/* Case-insensitive: does hay contain needle (lower case)? */
static int
contains_word(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; hay && *hay; hay++) {
		size_t i = 0;

		while (i < n && hay[i] &&
		    tolower((unsigned char)hay[i]) == (unsigned char)needle[i])
			i++;
		if (i == n)
			return 1;
	}
	return 0;
}

static unsigned
responsibility_traits(const char *name)
{
	unsigned t = 0;

	for (size_t i = 0; i < sizeof(resp_words) / sizeof(resp_words[0]); i++)
		if (contains_word(name, resp_words[i].word))
			t |= resp_words[i].traits;
	return t;
}

void
metrics_capacity_init(struct capacity *c)
{
	memset(c, 0, sizeof(*c));
	c->org = -1;
	c->staff = c->revenue = INT_NONE;
}

void
metrics_capacity_release(struct capacity *c)
{
	for (size_t i = 0; i < c->gaps.n; i++)
		VEC_FREE(&c->gaps.v[i].offered_by);
	VEC_FREE(&c->gaps);
	metrics_capacity_init(c);
}

/* Is org on in's team on day as_of (DATE_NONE: ever)? */
static int
on_team(const struct initiative *in, int org, tdate as_of)
{
	for (size_t i = 0; i < in->members.n; i++) {
		const struct member *m = &in->members.v[i];

		if (m->org.idx != org)
			continue;
		if (as_of == DATE_NONE)
			return 1;
		if (m->joined != DATE_NONE && m->joined > as_of)
			continue;
		if (m->left != DATE_NONE && m->left < as_of)
			continue;
		return 1;
	}
	return 0;
}

static void
gaps(const struct program *p, const struct initiative *in, tdate as_of,
    struct capacity *out)
{
	size_t norgs = p->orgs.n;
	unsigned *offers = xcalloc(norgs + 1, sizeof(unsigned));
	unsigned char *team = xcalloc(norgs + 1, 1);

	for (size_t i = 0; i < in->members.n; i++) {
		int org = in->members.v[i].org.idx;

		if (org >= 0 && (size_t)org < norgs && org != out->org &&
		    on_team(in, org, as_of))
			team[org] = 1;
	}
	for (size_t i = 0; i < in->contributions.n; i++) {
		const struct contribution *k = &in->contributions.v[i];
		int org = k->from.idx;

		if (org < 0 || (size_t)org >= norgs || !team[org])
			continue;
		if (as_of != DATE_NONE && k->date != DATE_NONE && k->date > as_of)
			continue;
		if (k->type >= 0 && k->type < CONTRIB__MAX)
			offers[org] |= contrib_traits[k->type];
	}
	for (size_t i = 0; i < in->responsibilities.n; i++) {
		const struct responsibility *res = &in->responsibilities.v[i];
		unsigned t = responsibility_traits(res->name);

		for (size_t j = 0; t && j < res->assignments.n; j++) {
			const struct assignment *a = &res->assignments.v[j];
			int org = a->org.idx;

			if ((a->letter == RACI_R || a->letter == RACI_A) &&
			    org >= 0 && (size_t)org < norgs && team[org])
				offers[org] |= t;
		}
	}
	out->has_gaps = 1;
	for (int t = 0; t < TRAIT__MAX; t++) {
		struct metrics_gap *g;

		if (out->traits[t])
			continue;
		g = VEC_PUSH(&out->gaps);
		g->trait = t;
		for (size_t org = 0; org < norgs; org++)
			if (offers[org] & T(t))
				*VEC_PUSH(&g->offered_by) = (int)org;
	}
	free(offers);
	free(team);
}

int
metrics_capacity(const struct program *p, int org,
    const struct initiative *in, tdate as_of,
    const struct metrics_settings *s, struct capacity *out)
{
	struct metrics_settings dflt;
	const struct organization *o;

	metrics_capacity_release(out);
	if (p == NULL || org < 0 || (size_t)org >= p->orgs.n)
		return -1;
	if (s == NULL) {
		metrics_settings_default(&dflt);
		s = &dflt;
	}
	o = &p->orgs.v[org];
	out->program = p;
	out->org = org;
	out->staff = o->staff;
	out->revenue = o->revenue;
	out->traits[TRAIT_FLEXIBLE_GRANTS] = o->flexible_grants != 0;
	out->traits[TRAIT_EXPERTISE] = (int64_t)o->expertise.n >= s->capacity_expertise_areas;
	out->traits[TRAIT_IN_KIND_STAFFING] = o->in_kind_staffing != 0;
	out->traits[TRAIT_EXPERIMENT] = o->experiment != 0;
	out->traits[TRAIT_CONVENER] = o->convener != 0;
	for (int t = 0; t < TRAIT__MAX; t++)
		out->traits_met += out->traits[t];
	out->high_capacity = o->staff != INT_NONE && o->staff >= s->capacity_staff &&
	    o->revenue != INT_NONE && o->revenue >= s->capacity_revenue &&
	    out->traits_met >= s->capacity_traits;
	if (in != NULL)
		gaps(p, in, as_of, out);
	return 0;
}
