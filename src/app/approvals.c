/*
 * Disbursement approval (approvals.h, docs/approvals.md): who may approve
 * a ledger entry, and the approval itself (the status an entry gets when
 * entered or changed is edit.c's, which owns the workflow's fields) — an update of the entry made on a copy of it
 * (kind_copy keeps the stored approvals' rowids, so only the new one is
 * inserted: the approvals are append-only).
 */
#include <stdlib.h>
#include <string.h>

#include "approvals.h"
#include "write.h"
#include "../model/fields.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/vec.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

long
app_ledger_find(const struct initiative *in, const char *id)
{
	for (size_t i = 0; id && i < in->ledger.n; i++)
		if (in->ledger.v[i].id && strcmp(in->ledger.v[i].id, id) == 0)
			return (long)i;
	return -1;
}

int
app_approval_holds_a(const struct initiative *in, const char *org)
{
	for (size_t r = 0; org && r < in->responsibilities.n; r++) {
		const struct responsibility *rs = &in->responsibilities.v[r];

		if (rs->name == NULL || strcmp(rs->name, APPROVAL_RESPONSIBILITY) != 0)
			continue;
		for (size_t k = 0; k < rs->assignments.n; k++)
			if (rs->assignments.v[k].letter == RACI_A &&
			    strcmp(rs->assignments.v[k].org.slug, org) == 0)
				return 1;
	}
	return 0;
}

/* Whether org is a member of in today (joined, not left). */
static int
current_member(const struct initiative *in, const char *org)
{
	for (size_t m = 0; m < in->members.n; m++)
		if (strcmp(in->members.v[m].org.slug, org) == 0 &&
		    in->members.v[m].left == DATE_NONE)
			return 1;
	return 0;
}

static const char *
org_name(const struct program *p, const char *slug)
{
	const struct organization *o = program_org(p, slug);

	return o && o->name ? o->name : slug;
}

int
app_approval_may(const struct program *p, const struct initiative *in,
    const struct ledger_entry *e, const char *org, struct strbuf *why)
{
	const char *first = NULL;
	struct strbuf sink = STRBUF_INIT;
	int ok = 0;

	if (why == NULL)
		why = &sink;
	if (e->status != LSTATUS_PENDING) {
		strbuf_addf(why, e->status == LSTATUS_APPROVED ?
		    _("ledger entry %s is approved: it takes no more approvals") :
		    _("ledger entry %s is rejected: it takes no more approvals"), e->id);
		goto out;
	}
	for (size_t k = 0; k < e->approvals.n; k++) {
		const struct approval *a = &e->approvals.v[k];

		if (strcmp(a->org.slug, org) == 0) {
			/* TRANSLATORS: an organization's name, a ledger entry's id */
			strbuf_addf(why, a->verdict == VERDICT_APPROVE ?
			    _("%s has already approved ledger entry %s: the second approval must come "
			    "from another organization") :
			    _("%s has already rejected ledger entry %s: the second approval must come "
			    "from another organization"), org_name(p, org), e->id);
			goto out;
		}
		if (a->verdict == VERDICT_APPROVE && first == NULL)
			first = a->org.slug;
	}
	if (app_approval_holds_a(in, org) || (first && current_member(in, org))) {
		ok = 1;
		goto out;
	}
	if (first)
		/* TRANSLATORS: an organization's name, the initiative's */
		strbuf_addf(why, _("%s is not a member of %s: the second approval comes from "
		    "another member organization"), org_name(p, org), in->name);
	else
		/* TRANSLATORS: an organization's name, a responsibility ("approve budget"), the initiative's */
		strbuf_addf(why, _("%s does not hold A for \"%s\" in the RACI of %s: the first "
		    "approval comes from an organization that does"), org_name(p, org),
		    APPROVAL_RESPONSIBILITY, in->name);
out:
	strbuf_release(&sink);
	return ok;
}

/* Appends org to out unless it is there or may not act on e now. */
static void
next_add(const struct program *p, const struct initiative *in, const struct ledger_entry *e,
    const char *org, struct app_slugs *out)
{
	for (size_t j = 0; j < out->n; j++)
		if (strcmp(out->v[j], org) == 0)
			return;
	if (app_approval_may(p, in, e, org, NULL))
		*VEC_PUSH(out) = org;
}

void
app_approval_next(const struct program *p, const struct initiative *in,
    const struct ledger_entry *e, struct app_slugs *out)
{
	if (e->status != LSTATUS_PENDING)
		return;
	for (size_t r = 0; r < in->responsibilities.n; r++)
		for (size_t k = 0; k < in->responsibilities.v[r].assignments.n; k++) {
			const char *o = in->responsibilities.v[r].assignments.v[k].org.slug;

			if (app_approval_holds_a(in, o))
				next_add(p, in, e, o, out);
		}
	for (size_t m = 0; m < in->members.n; m++)
		next_add(p, in, e, in->members.v[m].org.slug, out);
}

enum app_result
app_ledger_approve(struct app_write *w, size_t i, const char *org, int verdict,
    const char *reason, tdate today, const char *actor, const char *own_org,
    struct app_change *c, struct model_error *e, struct strbuf *err)
{
	const struct ledger_entry *le = &w->in->ledger.v[i];
	struct strbuf why = STRBUF_INIT;
	struct ledger_entry rec;
	struct approval *a;
	size_t approvals = 0;
	enum app_result r;

	if (le->status != LSTATUS_PENDING) {
		model_error_set(e, NULL, "status", le->status == LSTATUS_APPROVED ?
		    _("ledger entry %s is approved: it takes no more approvals") :
		    _("ledger entry %s is rejected: it takes no more approvals"), le->id);
		return APP_CONFLICT;
	}
	if (org == NULL || *org == '\0') {
		model_error_set(e, NULL, "org", _("is required: the organization that approves"));
		return APP_INVALID;
	}
	if (program_org(&w->p, org) == NULL) {
		model_error_set(e, NULL, "org", _("'%s' is not an organization of the program"), org);
		return APP_INVALID;
	}
	if (verdict < 0 || verdict >= VERDICT__MAX) {
		/* TRANSLATORS: the codes stay as they are */
		model_error_set(e, NULL, "verdict", _("must be one of: approve, reject"));
		return APP_INVALID;
	}
	if (verdict == VERDICT_REJECT && (reason == NULL || *reason == '\0')) {
		model_error_set(e, NULL, "reason", _("is required to reject: say why the entry "
		    "should not be paid"));
		return APP_INVALID;
	}
	if (!app_approval_may(&w->p, w->in, le, org, &why)) {
		int twice = 0;

		for (size_t k = 0; k < le->approvals.n; k++)
			twice |= strcmp(le->approvals.v[k].org.slug, org) == 0;
		model_error_set(e, NULL, "org", "%s", why.buf);
		strbuf_release(&why);
		return twice ? APP_CONFLICT : APP_INVALID;
	}
	strbuf_release(&why);
	kind_copy(&kind_ledger_entry, &rec, le);
	a = VEC_PUSH(&rec.approvals);
	memset(a, 0, sizeof(*a));
	ref_set(&a->org, org);
	a->by = xstrdup(actor);
	a->on_behalf = own_org == NULL || strcmp(own_org, org) != 0;
	a->date = today;
	a->verdict = verdict;
	a->reason = reason && *reason ? xstrdup(reason) : NULL;
	for (size_t k = 0; k < rec.approvals.n; k++)
		approvals += rec.approvals.v[k].verdict == VERDICT_APPROVE;
	if (verdict == VERDICT_REJECT)
		rec.status = LSTATUS_REJECTED;
	else if (approvals >= 2)
		rec.status = LSTATUS_APPROVED;
	r = app_update_workflow(w->s, &w->p, w->in, &kind_ledger_entry, i, &rec, actor, c, e,
	    err);
	if (r == APP_OK)
		app_write_changed(w);
	return r;
}
