#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evidence.h"
#include "figures.h"
#include "../util/num.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

void
evidence_strings_release(evidence_strings *own)
{
	for (size_t i = 0; i < own->n; i++)
		free(own->v[i]);
	VEC_FREE(own);
}

static const char *
keep(evidence_strings *own, const struct strbuf *sb)
{
	return *VEC_PUSH(own) = xstrdup(sb->buf);
}

static const char *
org_name(const struct program *p, int idx)
{
	return idx >= 0 && (size_t)idx < p->orgs.n && p->orgs.v[idx].name ? p->orgs.v[idx].name :
	    _("an organization");
}

/* "decided by the committee, 3 days after it was proposed" */
static void
decided_by(const struct program *p, const struct initiative *in, const struct decision *d,
    struct strbuf *out)
{
	int idx = d->decider.idx;
	long days = (long)(d->decided - d->proposed);

	if (idx == REF_COMMITTEE)
		strbuf_addstr(out, _("decided by the committee"));
	else if (idx == REF_TEAM)
		strbuf_addstr(out, _("decided by the whole team"));
	else if (idx == in->backbone.idx)
		strbuf_addstr(out, _("decided by the backbone alone"));
	else if (idx >= 0 && (size_t)idx < p->orgs.n)
		strbuf_addf(out, _("decided by %s alone"), p->orgs.v[idx].name);
	else if (d->decider.slug)
		strbuf_addf(out, _("decided by %s"), d->decider.slug);
	else
		strbuf_addstr(out, _("decided by someone"));
	if (d->proposed == DATE_NONE || d->decided == DATE_NONE)
		return;
	/* TRANSLATORS: after "decided by the committee" */
	if (days == 0)
		strbuf_addstr(out, _(", the day it was proposed"));
	else
		strbuf_addf(out, P_(", %ld day after it was proposed", ", %ld days after it was proposed",
		    days), days);
}

/* The names of the organizations of refs that are not the backbone, "A, B and C". */
static void
partner_names(const struct program *p, const struct initiative *in, const struct refs *refs,
    struct strbuf *out)
{
	size_t k = 0, total = 0;

	for (size_t j = 0; j < refs->n; j++)
		total += refs->v[j].idx != in->backbone.idx;
	for (size_t j = 0; j < refs->n; j++) {
		if (refs->v[j].idx == in->backbone.idx)
			continue;
		if (k)
			strbuf_addstr(out, k + 1 == total ? _(" and ") : ", ");
		strbuf_addstr(out, org_name(p, refs->v[j].idx));
		k++;
	}
}

/*
 * Fills e for record id, behind pitfall or practice (one of them 0): the
 * record's list on the web (e->kind), title, date and the fact that put it
 * there. Leaves e as it is when no record has that id.
 */
static void
record_line(const struct report *r, int pitfall, int practice, const char *id,
    struct report_evidence *e, struct strbuf *sb, evidence_strings *own)
{
	const struct program *p = r->program;
	const struct initiative *in = r->initiative;
	char money[NUM_BUFSZ];

	if (pitfall == PITFALL_BLURRED_BOUNDARIES || practice == PRACTICE_PARTNERS_COMPENSATED) {
		for (size_t i = 0; i < in->ledger.n; i++) {
			const struct ledger_entry *le = &in->ledger.v[i];

			if (strcmp(le->id, id) != 0)
				continue;
			e->kind = "ledger";
			strbuf_reset(sb);
			if (le->purpose && *le->purpose)
				strbuf_addstr(sb, le->purpose);
			else
				strbuf_addf(sb, "%s %s", _(ledger_kind_names[le->kind]), id);
			e->title = keep(own, sb);
			strbuf_reset(sb);
			figure_date(le->date, sb);
			e->date = keep(own, sb);
			strbuf_reset(sb);
			if (pitfall)
				strbuf_addf(sb, _("%s, counted as the backbone's own programs or overhead"),
				    money_display(le->amount, money));
			else
				strbuf_addf(sb, _("%s paid to %s"), money_display(le->amount, money),
				    org_name(p, le->recipient.idx));
			e->fact = keep(own, sb);
			return;
		}
		return;
	}
	if (practice == PRACTICE_CREDIT_GIVEN) {
		for (size_t i = 0; i < in->credits.n; i++) {
			const struct credit *k = &in->credits.v[i];

			if (strcmp(k->id, id) != 0)
				continue;
			e->kind = "credits";
			e->title = k->title;
			strbuf_reset(sb);
			figure_date(k->date, sb);
			e->date = keep(own, sb);
			strbuf_reset(sb);
			{
				struct strbuf names = STRBUF_INIT;

				partner_names(p, in, &k->credited, &names);
				strbuf_addf(sb, _("crediting %s"), names.buf);
				strbuf_release(&names);
			}
			e->fact = keep(own, sb);
			return;
		}
		return;
	}
	if (practice == PRACTICE_CAPACITY_SHARED) {
		for (size_t i = 0; i < in->contributions.n; i++) {
			const struct contribution *k = &in->contributions.v[i];

			if (strcmp(k->id, id) != 0)
				continue;
			e->kind = "contributions";
			strbuf_reset(sb);
			strbuf_addf(sb, C_("contribution", "%s for %s"), _(contrib_type_names[k->type]),
			    org_name(p, k->to.idx));
			/* the type's name starts the sentence */
			if (sb->buf[0] >= 'a' && sb->buf[0] <= 'z')
				sb->buf[0] = (char)(sb->buf[0] - 'a' + 'A');
			e->title = keep(own, sb);
			strbuf_reset(sb);
			figure_date(k->date, sb);
			e->date = keep(own, sb);
			strbuf_reset(sb);
			strbuf_addf(sb, _("%g hours from the backbone"), k->hours);
			e->fact = keep(own, sb);
			return;
		}
		return;
	}
	if (practice == PRACTICE_JOINT_GRANT_SEEKING) {
		for (size_t i = 0; i < in->applications.n; i++) {
			const struct application *k = &in->applications.v[i];

			if (strcmp(k->id, id) != 0)
				continue;
			e->kind = "applications";
			strbuf_reset(sb);
			strbuf_addf(sb, C_("application", "%s to %s"), money_display(k->amount, money), k->funder);
			e->title = keep(own, sb);
			strbuf_reset(sb);
			figure_date(k->date, sb);
			e->date = keep(own, sb);
			strbuf_reset(sb);
			{
				struct strbuf names = STRBUF_INIT;

				partner_names(p, in, &k->co_applicants, &names);
				strbuf_addf(sb, _("led by %s with %s"), org_name(p, k->lead.idx), names.buf);
				strbuf_release(&names);
			}
			e->fact = keep(own, sb);
			return;
		}
		return;
	}
	for (size_t i = 0; i < in->decisions.n; i++) {
		const struct decision *d = &in->decisions.v[i];

		if (strcmp(d->id, id) != 0)
			continue;
		e->kind = "decisions";
		e->title = d->title;
		strbuf_reset(sb);
		figure_date(d->decided, sb);
		e->date = keep(own, sb);
		strbuf_reset(sb);
		if (pitfall == PITFALL_DOMINANCE || practice == PRACTICE_SHARED_LEADERSHIP)
			decided_by(p, in, d, sb);
		else if (pitfall == PITFALL_OUT_OF_THE_LOOP)
			strbuf_addf(sb, _("a %s decision that left some of the team neither "
			    "consulted nor informed"), _(category_names[d->category]));
		else if (pitfall == PITFALL_NO_CONTRARY_VIEWS)
			strbuf_addf(sb, _("a %s decision with no contrary views or alternatives "
			    "recorded"), _(category_names[d->category]));
		e->fact = sb->len ? keep(own, sb) : NULL;
		return;
	}
}

struct report_evidence *
evidence_lines_of(const struct report *r, const struct metrics_alert *a,
    const struct metrics_strength *s, const char *base, evidence_strings *own)
{
	const struct program *p = r->program;
	const struct initiative *in = r->initiative;
	size_t n = a ? a->evidence.n : s->evidence.n;
	struct report_evidence *ev = xcalloc(n ? n : 1, sizeof(*ev));
	struct strbuf sb = STRBUF_INIT;
	int pitfall = a ? a->pitfall : 0, practice = a ? 0 : s->practice;

	for (size_t j = 0; j < n; j++) {
		const char *id = a ? a->evidence.v[j] : s->evidence.v[j];
		struct report_evidence *e = &ev[j];

		e->id = id;
		e->title = id;
		if (pitfall == PITFALL_DIRECTOR_AS_EMPLOYEE ||
		    practice == PRACTICE_DIRECTOR_SUPPORTED) {
			const struct director *dr = &in->director;
			int emp = dr->employer.idx;

			if (base) {
				strbuf_reset(&sb);
				strbuf_addf(&sb, "%s/members#oversight", base);
				e->href = keep(own, &sb);
			}
			if (dr->person.idx >= 0 && (size_t)dr->person.idx < p->people.n &&
			    p->people.v[dr->person.idx].name)
				e->title = p->people.v[dr->person.idx].name;
			strbuf_reset(&sb);
			if (pitfall)
				strbuf_addf(&sb, _("the initiative's director, employed by %s; the "
				    "committee and director are on Team & roles"), org_name(p, emp));
			else
				strbuf_addf(&sb, _("the initiative's director, employed by %s, guided and "
				    "reviewed by more of the team (Team & roles)"), org_name(p, emp));
			e->fact = keep(own, &sb);
			continue;
		}
		record_line(r, pitfall, practice, id, e, &sb, own);
		if (base && e->kind) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s/%s/%s", base, e->kind, id);
			e->href = keep(own, &sb);
		}
	}
	strbuf_release(&sb);
	return ev;
}
