/*
 * Proposals: open, answer, close (proposals.h). Each change is one record
 * change through app_add / app_update, so it is validated, written and
 * audited as every other; an answer or a close is an update of the
 * proposal made on a copy of it (written and read back as trellis/1 JSON,
 * the one way records are copied).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proposals.h"
#include "write.h"
#include "../io/json.h"
#include "../model/fields.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

long
app_proposal_find(const struct initiative *in, const char *id)
{
	for (size_t i = 0; id && i < in->proposals.n; i++)
		if (in->proposals.v[i].id && strcmp(in->proposals.v[i].id, id) == 0)
			return (long)i;
	return -1;
}

static long
decision_find(const struct initiative *in, const char *id)
{
	for (size_t i = 0; i < in->decisions.n; i++)
		if (in->decisions.v[i].id && strcmp(in->decisions.v[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Fills rec (zeroed) with a copy of proposal pr; 0, or -1 with err set. */
static int
proposal_copy(struct app_write *w, const struct proposal *pr, struct proposal *rec,
    struct strbuf *err)
{
	struct strbuf json = STRBUF_INIT;
	struct model_error e;
	int ret = 0;

	memset(rec, 0, sizeof(*rec));
	json_write_record(&json, &kind_proposal, pr);
	if (json_read_record("proposal", json.buf, json.len, &kind_proposal, rec, &w->p, &e)) {
		strbuf_addf(err, "internal error: proposal %s does not read back: %s", pr->id, e.msg);
		ret = -1;
	}
	strbuf_release(&json);
	return ret;
}

/*
 * Refuses (APP_CONFLICT) a change of a closed proposal, saying why in the
 * sentence fmt (translated: the proposal's id, the day it closed, written
 * in the language in use).
 */
static int
closed_refused(const struct proposal *pr, const char *fmt, struct model_error *e)
{
	char day[DATE_WORDS_BUFSZ];

	if (pr->decided == DATE_NONE)
		return 0;
	model_error_set(e, NULL, "decided", fmt, pr->id,
	    date_format_words_lang(pr->decided, lang_code(i18n_current()), day));
	return 1;
}

enum app_result
app_proposal_open(struct app_write *w, struct proposal *pr, tdate today, const char *actor,
    size_t *index, struct app_change *c, struct model_error *e, struct strbuf *err)
{
	char id[32];
	enum app_result r;

	for (size_t n = w->in->proposals.n + 1;; n++) {
		snprintf(id, sizeof(id), "P-%zu", n);
		if (app_proposal_find(w->in, id) < 0)
			break;
	}
	free(pr->id);
	pr->id = xstrdup(id);
	pr->opened = today;
	free(pr->outcome);
	pr->outcome = NULL;
	pr->decided = DATE_NONE;
	free(pr->decision);
	pr->decision = NULL;
	for (size_t i = 0; i < pr->answers.n; i++)
		kind_release(&kind_proposal_answer, &pr->answers.v[i]);
	pr->answers.n = 0;
	r = app_add(w->s, &w->p, w->in, &kind_proposal, pr, actor, c, e, err);
	if (r == APP_OK) {
		app_write_changed(w);
		*index = w->in->proposals.n - 1;
	}
	return r;
}

enum app_result
app_proposal_answer(struct app_write *w, size_t i, const char *org, int stance,
    const char *reason, tdate today, const char *actor, const char *own_org,
    struct app_change *c, struct model_error *e, struct strbuf *err)
{
	const struct proposal *pr = &w->in->proposals.v[i];
	struct proposal rec;
	struct proposal_answer *a;
	size_t k;
	enum app_result r;

	/* TRANSLATORS: the proposal's id, the day it was closed */
	if (closed_refused(pr, _("proposal %s was closed on %s: it takes no more answers"), e))
		return APP_CONFLICT;
	if (org == NULL || *org == '\0') {
		model_error_set(e, NULL, "org", _("is required: the organization that answers"));
		return APP_INVALID;
	}
	for (k = 0; k < pr->asked.n; k++)
		if (strcmp(pr->asked.v[k].slug, org) == 0)
			break;
	if (k == pr->asked.n) {
		model_error_set(e, NULL, "org", _("'%s' was not asked: only the asked organizations "
		    "answer"), org);
		return APP_INVALID;
	}
	if (stance < 0 || stance >= STANCE__MAX) {
		/* TRANSLATORS: the codes stay as they are */
		model_error_set(e, NULL, "answer", _("must be one of: agree, concerns, object"));
		return APP_INVALID;
	}
	if (stance != STANCE_AGREE && (reason == NULL || *reason == '\0')) {
		model_error_set(e, NULL, "reason", "%s", stance == STANCE_OBJECT ?
		    _("is required for an objection: say what would change your answer") :
		    _("is required for concerns: say what would change your answer"));
		return APP_INVALID;
	}
	if (proposal_copy(w, pr, &rec, err))
		return APP_ERROR;
	a = VEC_PUSH(&rec.answers);
	memset(a, 0, sizeof(*a));
	ref_set(&a->org, org);
	a->answer = stance;
	a->reason = reason && *reason ? xstrdup(reason) : NULL;
	a->date = today;
	/* for another organization than the account's own: marked so */
	a->recorded_by = own_org && strcmp(own_org, org) == 0 ? NULL : xstrdup(actor);
	r = app_update(w->s, &w->p, w->in, &kind_proposal, i, &rec, actor, c, e, err);
	if (r == APP_OK)
		app_write_changed(w);
	return r;
}

/* The standing concerns and objections of pr, each with its organization's name and reason. */
static void
contrary_views(const struct program *p, const struct proposal *pr, const long *standing,
    struct strbuf *out)
{
	for (size_t k = 0; k < pr->asked.n; k++) {
		const struct proposal_answer *a;
		const struct organization *o;

		if (standing[k] < 0)
			continue;
		a = &pr->answers.v[standing[k]];
		if (a->answer == STANCE_AGREE)
			continue;
		o = program_org(p, a->org.slug);
		if (out->len)
			strbuf_addch(out, '\n');
		strbuf_addf(out, "%s (%s): %s", o ? o->name : a->org.slug,
		    a->answer == STANCE_OBJECT ? "objects" : "concerns",
		    a->reason ? a->reason : "");
	}
}

enum app_result
app_proposal_close(struct app_write *w, size_t i, const char *outcome, tdate decided,
    const char *actor, struct strbuf *decision_id, struct model_error *e, struct strbuf *err)
{
	struct initiative *in = w->in;
	const struct proposal *pr = &in->proposals.v[i];
	struct app_change c = APP_CHANGE_INIT;
	struct decision d;
	struct proposal rec;
	struct strbuf id = STRBUF_INIT, contrary = STRBUF_INIT;
	long *standing = NULL;
	enum app_result r = APP_INVALID;

	memset(&d, 0, sizeof(d));
	/* TRANSLATORS: the proposal's id, the day it was closed */
	if (closed_refused(pr, _("proposal %s was closed on %s: it cannot be closed again"), e)) {
		r = APP_CONFLICT;
		goto out;
	}
	if (outcome == NULL || *outcome == '\0') {
		model_error_set(e, NULL, "outcome", _("is required: what was decided"));
		goto out;
	}
	if (decided == DATE_NONE) {
		model_error_set(e, NULL, "decided",
		    _("is required: the date of the decision (YYYY-MM-DD)"));
		goto out;
	}
	/* the decision's id: the proposal's, or with -2, -3 ... when a decision has it */
	strbuf_addstr(&id, pr->id);
	for (int n = 2; decision_find(in, id.buf) >= 0; n++) {
		strbuf_reset(&id);
		strbuf_addf(&id, "%s-%d", pr->id, n);
	}
	standing = xcalloc(pr->asked.n + 1, sizeof(long));
	proposal_standing(pr, standing);
	d.id = xstrdup(id.buf);
	d.title = xstrdup(pr->title);
	d.category = pr->category;
	d.proposed = pr->opened;
	d.decided = decided;
	ref_set(&d.decider, pr->decider.slug);
	for (size_t k = 0; k < pr->asked.n; k++)
		if (standing[k] >= 0)
			ref_set(VEC_PUSH(&d.consulted), pr->asked.v[k].slug);
	/* informed: the team, its members on the day of the decision */
	for (size_t m = 0; m < in->members.n; m++) {
		const struct member *mb = &in->members.v[m];

		if (mb->joined <= decided && (mb->left == DATE_NONE || mb->left >= decided))
			ref_set(VEC_PUSH(&d.informed), mb->org.slug);
	}
	contrary_views(&w->p, pr, standing, &contrary);
	d.contrary_views = contrary.len ? xstrdup(contrary.buf) : NULL;
	if (proposal_copy(w, pr, &rec, err)) {
		r = APP_ERROR;
		goto out;
	}
	free(rec.outcome);
	rec.outcome = xstrdup(outcome);
	rec.decided = decided;
	free(rec.decision);
	rec.decision = xstrdup(id.buf);
	/* the proposal first: its checks (decided not before opened) speak of its fields */
	if ((r = app_update(w->s, &w->p, in, &kind_proposal, i, &rec, actor, &c, e, err)) != APP_OK)
		goto out;
	app_change_release(&c);
	c = (struct app_change)APP_CHANGE_INIT;
	if ((r = app_add(w->s, &w->p, in, &kind_decision, &d, actor, &c, e, err)) != APP_OK)
		goto out;
	app_write_changed(w);
	strbuf_addstr(decision_id, id.buf);
out:
	kind_release(&kind_decision, &d);
	app_change_release(&c);
	strbuf_release(&id);
	strbuf_release(&contrary);
	free(standing);
	return r;
}
