/*
 * Builders for hand-made programs in the metrics tests: every reference's
 * idx is set here by a linear search, the way model_resolve would, so the
 * tests do not depend on the readers. Strings are heap copies so that
 * program_release frees them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FX static __attribute__((unused))

#include "model/model.h"
#include "util/date.h"
#include "util/xalloc.h"

FX tdate
D(const char *s)
{
	tdate t = DATE_NONE;

	if (s != NULL)
		date_parse(s, &t);
	return t;
}

FX int
fx_org_idx(const struct program *p, const char *slug)
{
	for (size_t i = 0; i < p->orgs.n; i++)
		if (strcmp(p->orgs.v[i].slug, slug) == 0)
			return (int)i;
	return REF_UNRESOLVED;
}

FX struct ref
fx_ref(const struct program *p, const char *slug)
{
	struct ref r = { NULL, REF_UNRESOLVED };

	if (slug == NULL)
		return r;
	r.slug = xstrdup(slug);
	if (strcmp(slug, "committee") == 0)
		r.idx = REF_COMMITTEE;
	else if (strcmp(slug, "team") == 0)
		r.idx = REF_TEAM;
	else
		r.idx = fx_org_idx(p, slug);
	return r;
}

/* Adds the comma-separated org slugs of list (may be NULL or "") to rs. */
FX void
fx_refs(const struct program *p, struct refs *rs, const char *list)
{
	char buf[256];
	char *s, *comma;

	if (list == NULL || *list == '\0')
		return;
	snprintf(buf, sizeof(buf), "%s", list);
	for (s = buf; s; s = comma) {
		comma = strchr(s, ',');
		if (comma)
			*comma++ = '\0';
		*VEC_PUSH(rs) = fx_ref(p, s);
	}
}

FX int
fx_org(struct program *p, const char *slug, int sector)
{
	struct organization *o = VEC_PUSH(&p->orgs);

	o->slug = xstrdup(slug);
	o->name = xstrdup(slug);
	o->sector = sector;
	o->staff = INT_NONE;
	o->revenue = INT_NONE;
	return (int)p->orgs.n - 1;
}

FX struct initiative *
fx_initiative(struct program *p, const char *slug, const char *start,
    const char *end, const char *backbone, const char *fiscal)
{
	struct initiative *in = VEC_PUSH(&p->initiatives);

	in->slug = xstrdup(slug);
	in->name = xstrdup(slug);
	in->start = D(start);
	in->end = D(end);
	in->backbone = fx_ref(p, backbone);
	in->fiscal_agent = fx_ref(p, fiscal);
	return in;
}

FX void
fx_member(const struct program *p, struct initiative *in, const char *org,
    int role, const char *joined, const char *left)
{
	struct member *m = VEC_PUSH(&in->members);

	m->org = fx_ref(p, org);
	m->role = role;
	m->joined = D(joined);
	m->left = D(left);
}

FX void
fx_decision(const struct program *p, struct initiative *in, const char *id,
    int cat, const char *proposed, const char *decided, const char *decider,
    const char *consulted, const char *informed, const char *contrary)
{
	struct decision *d = VEC_PUSH(&in->decisions);

	d->id = xstrdup(id);
	d->title = xstrdup(id);
	d->category = cat;
	d->proposed = D(proposed);
	d->decided = D(decided);
	d->decider = fx_ref(p, decider);
	fx_refs(p, &d->consulted, consulted);
	fx_refs(p, &d->informed, informed);
	d->contrary_views = contrary ? xstrdup(contrary) : NULL;
}

FX struct grant *
fx_grant(struct initiative *in, const char *id, int64_t dollars,
    const char *start, const char *end, int catalytic)
{
	struct grant *g = VEC_PUSH(&in->grants);

	g->id = xstrdup(id);
	g->funder = xstrdup("funder");
	g->amount = dollars * 100;
	g->start = D(start);
	g->end = D(end);
	g->catalytic = catalytic;
	return g;
}

FX void
fx_line(struct grant *g, const char *name, int64_t dollars)
{
	struct budget_line *l = VEC_PUSH(&g->lines);

	l->name = xstrdup(name);
	l->amount = dollars * 100;
}

FX void
fx_ledger(const struct program *p, struct initiative *in, const char *id,
    const char *date, const char *grant, int64_t dollars, const char *recipient,
    const char *line, int own)
{
	struct ledger_entry *e = VEC_PUSH(&in->ledger);

	e->id = xstrdup(id);
	e->date = D(date);
	e->grant.slug = xstrdup(grant);
	e->grant.idx = -1;
	for (size_t i = 0; i < in->grants.n; i++)
		if (strcmp(in->grants.v[i].id, grant) == 0)
			e->grant.idx = (int)i;
	e->amount = dollars * 100;
	e->kind = LEDGER_DISBURSEMENT;
	e->recipient = fx_ref(p, recipient);
	e->line = line ? xstrdup(line) : NULL;
	e->backbone_own = own;
}

FX void
fx_application(const struct program *p, struct initiative *in, const char *id,
    const char *date, const char *lead, const char *co)
{
	struct application *a = VEC_PUSH(&in->applications);

	a->id = xstrdup(id);
	a->date = D(date);
	a->funder = xstrdup("funder");
	a->amount = 100000;
	a->lead = fx_ref(p, lead);
	fx_refs(p, &a->co_applicants, co);
	a->status = APP_SUBMITTED;
}

FX void
fx_credit(const struct program *p, struct initiative *in, const char *id,
    const char *date, const char *credited)
{
	struct credit *k = VEC_PUSH(&in->credits);

	k->id = xstrdup(id);
	k->date = D(date);
	k->channel = CHANNEL_PRESS;
	k->title = xstrdup(id);
	fx_refs(p, &k->credited, credited);
}

FX void
fx_contribution(const struct program *p, struct initiative *in,
    const char *id, const char *date, const char *from, const char *to,
    int type, double hours)
{
	struct contribution *k = VEC_PUSH(&in->contributions);

	k->id = xstrdup(id);
	k->date = D(date);
	k->from = fx_ref(p, from);
	k->to = fx_ref(p, to);
	k->type = type;
	k->hours = hours;
}

FX void
fx_checkin(struct initiative *in, const char *id, const char *date)
{
	struct checkin *k = VEC_PUSH(&in->checkins);

	k->id = xstrdup(id);
	k->date = D(date);
}

FX void
fx_event(const struct program *p, struct initiative *in, const char *id,
    const char *date, const char *expected, const char *attended)
{
	struct event *e = VEC_PUSH(&in->events);

	e->id = xstrdup(id);
	e->date = D(date);
	e->kind = EVENT_CONVENING;
	e->title = xstrdup(id);
	fx_refs(p, &e->expected, expected);
	fx_refs(p, &e->attended, attended);
}

/* assignments: "bb=A,co=R" */
FX void
fx_responsibility(const struct program *p, struct initiative *in,
    const char *name, const char *assignments)
{
	struct responsibility *r = VEC_PUSH(&in->responsibilities);
	char buf[256];
	char *s, *comma;

	r->name = xstrdup(name);
	if (assignments == NULL || *assignments == '\0')
		return;
	snprintf(buf, sizeof(buf), "%s", assignments);
	for (s = buf; s; s = comma) {
		struct assignment *a = VEC_PUSH(&r->assignments);
		char *eq;

		comma = strchr(s, ',');
		if (comma)
			*comma++ = '\0';
		eq = strchr(s, '=');
		*eq++ = '\0';
		a->org = fx_ref(p, s);
		a->letter = enum_lookup(raci_names, RACI__MAX, eq);
	}
}

FX void
fx_observation(struct initiative *in, const char *date, double v)
{
	struct observation *o = VEC_PUSH(&in->observations);

	o->date = D(date);
	o->value = v;
}

FX int
fx_instrument_idx(const struct program *p, const char *code)
{
	for (size_t i = 0; i < p->instruments.n; i++)
		if (strcmp(p->instruments.v[i].code, code) == 0)
			return (int)i;
	return -1;
}

FX struct survey *
fx_survey(const struct program *p, struct initiative *in, const char *id,
    const char *instrument, const char *opened, const char *closed)
{
	struct survey *s = VEC_PUSH(&in->surveys);

	s->id = xstrdup(id);
	s->instrument.slug = xstrdup(instrument);
	s->instrument.idx = fx_instrument_idx(p, instrument);
	s->opened = D(opened);
	s->closed = D(closed);
	return s;
}

/* answers: "trusted=5,supported=4" */
FX void
fx_response(struct survey *s, int group, const char *answers)
{
	struct response *r = VEC_PUSH(&s->responses);
	char buf[256];
	char *t, *comma;

	r->group = group;
	snprintf(buf, sizeof(buf), "%s", answers);
	for (t = buf; t && *t; t = comma) {
		struct answer *a = VEC_PUSH(&r->answers);
		char *eq;

		comma = strchr(t, ',');
		if (comma)
			*comma++ = '\0';
		eq = strchr(t, '=');
		*eq++ = '\0';
		a->item = xstrdup(t);
		a->value = atoi(eq);
	}
}
