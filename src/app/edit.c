/*
 * Adding, updating and deleting one record of a program in memory and in
 * the store together (see edit.h). The pattern of each: make the change in
 * memory, keeping what it replaced; validate the whole program; write it;
 * undo in memory on either failure. Records move by value (memcpy) and
 * fields by swapping, both driven by the field tables, so every kind is
 * handled by the same few lines.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edit.h"
#include "../io/json.h"
#include "../model/fieldtext.h"
#include "../model/model.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/xalloc.h"
#include "settings.h"
#include "../metrics/metrics.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define PROG(m) 0, offsetof(struct program, m)
#define INI(m) 1, offsetof(struct initiative, m)

static const struct app_kind kinds[] = {
	{ "organizations", &kind_organization, PROG(orgs) },
	{ "people", &kind_person, PROG(people) },
	{ "instruments", &kind_instrument, PROG(instruments) },
	{ "learning", &kind_learning, PROG(learning) },
	{ "candidates", &kind_candidate, PROG(candidates) },
	{ "initiatives", &kind_initiative, PROG(initiatives) },
	{ "observations", &kind_observation, INI(observations) },
	{ "members", &kind_member, INI(members) },
	{ "responsibilities", &kind_responsibility, INI(responsibilities) },
	{ "decisions", &kind_decision, INI(decisions) },
	{ "grants", &kind_grant, INI(grants) },
	{ "ledger", &kind_ledger_entry, INI(ledger) },
	{ "applications", &kind_application, INI(applications) },
	{ "credits", &kind_credit, INI(credits) },
	{ "contributions", &kind_contribution, INI(contributions) },
	{ "checkins", &kind_checkin, INI(checkins) },
	{ "events", &kind_event, INI(events) },
	{ "surveys", &kind_survey, INI(surveys) },
	{ "ties", &kind_tie, INI(ties) },
	{ "proposals", &kind_proposal, INI(proposals) },
	{ "responses", &kind_alert_response, INI(responses) },
	{ "actions", &kind_action, INI(actions) },
	{ "assistance", &kind_assistance, INI(assistance) },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

void
app_change_release(struct app_change *c)
{
	strbuf_release(&c->before);
	strbuf_release(&c->after);
	strbuf_release(&c->key);
}

const struct app_kind *
app_kinds(size_t *n)
{
	*n = NKINDS;
	return kinds;
}

const struct app_kind *
app_kind_find(const char *name)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

static const struct app_kind *
kind_entry(const struct kind *k)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (kinds[i].k == k)
			return &kinds[i];
	return NULL;
}

/* The array holding records of kind k: in's, or p's; NULL when there is none. */
static struct anyvec *
array_of(const struct program *p, const struct initiative *in, const struct kind *k)
{
	const struct app_kind *ak = kind_entry(k);

	if (ak == NULL || (ak->in_initiative && in == NULL))
		return NULL;
	return (struct anyvec *)((char *)(ak->in_initiative ? (const void *)in :
	    (const void *)p) + ak->off);
}

static const struct field *
key_field(const struct kind *k)
{
	for (int i = 0; i < k->nfields; i++)
		if (k->fields[i].flags & FL_KEY)
			return &k->fields[i];
	return NULL;
}

/* Appends rec's key as text (see app_record_find) to out. */
static void
key_text(const struct kind *k, const void *rec, struct strbuf *out)
{
	const struct field *kf = key_field(k);

	if (kf)
		field_to_text(kf, rec, out);
	else
		strbuf_addf(out, "%lld", (long long)((const struct rec_head *)rec)->rowid);
}

void
app_record_key(const struct kind *k, const void *rec, struct strbuf *out)
{
	key_text(k, rec, out);
}

long
app_record_find(const struct program *p, const struct initiative *in,
    const struct kind *k, const char *id)
{
	const struct anyvec *arr = array_of(p, in, k);
	struct strbuf key = STRBUF_INIT;
	long found = -1;

	if (arr == NULL || id == NULL)
		return -1;
	for (size_t i = 0; i < arr->n && found < 0; i++) {
		strbuf_reset(&key);
		key_text(k, (const char *)arr->v + i * k->size, &key);
		if (strcmp(key.buf, id) == 0)
			found = (long)i;
	}
	strbuf_release(&key);
	return found;
}

/* ---------------------------------------------------------------- moving fields */

/*
 * Swaps the trellis/1 fields of records a and b of kind k, except record
 * arrays (FL_LINES: an initiative's decisions, ...), which stay where they
 * are, as do the rowid and whatever a struct holds beside its fields.
 * Swapping twice restores both.
 */
static void
swap_fields(const struct kind *k, void *a, void *b)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->type == FT_LIST && (f->flags & FL_LINES))
			continue;
		field_swap(f, a, b);
	}
}

/* ---------------------------------------------------------------- references by key */

/* The reference type that names records of kind k by their key, or -1. */
static int
named_as(const struct kind *k)
{
	if (k == &kind_organization)
		return RT_ORG;
	if (k == &kind_person)
		return RT_PERSON;
	if (k == &kind_initiative)
		return RT_INITIATIVE;
	if (k == &kind_instrument)
		return RT_INSTRUMENT;
	if (k == &kind_grant)
		return RT_GRANT;
	return -1;
}

static int
ref_names(const struct field *f, int rt, const struct ref *r, const char *key)
{
	return (f->ref == (enum reftype)rt || (rt == RT_ORG && f->ref == RT_DECIDER)) &&
	    r->slug && strcmp(r->slug, key) == 0;
}

/* Returns 1 when a reference of type rt in rec (of kind k) or beneath it names key. */
static int
names_key(const struct kind *k, const void *rec, int rt, const char *key)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const struct anyvec *v = FIELD_VEC(rec, f);

		switch (f->type) {
		case FT_REF:
			if (ref_names(f, rt, FIELD_PTR(rec, f), key))
				return 1;
			break;
		case FT_REFS:
			for (size_t j = 0; j < v->n; j++)
				if (ref_names(f, rt, &((const struct ref *)v->v)[j], key))
					return 1;
			break;
		case FT_RACI:
			for (size_t j = 0; rt == RT_ORG && j < v->n; j++)
				if (strcmp(((const struct assignment *)v->v)[j].org.slug, key) == 0)
					return 1;
			break;
		case FT_OBJECT:
			if ((!f->has_off || *(const int *)((const char *)rec + f->has_off)) &&
			    names_key(f->sub, rec, rt, key))
				return 1;
			break;
		case FT_LIST:
			for (size_t j = 0; j < v->n; j++)
				if (names_key(f->sub, (const char *)v->v + j * f->sub->size, rt, key))
					return 1;
			break;
		default:
			break;
		}
	}
	return 0;
}

/*
 * Refuses a change of old's key to new's when other records name old by
 * that key: they hold the key as text, which would no longer resolve.
 */
static int
key_change_refused(const struct program *p, const struct initiative *in,
    const struct kind *k, const void *old, const void *new, struct model_error *e)
{
	const struct field *kf = key_field(k);
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	int rt = named_as(k), refused = 0;

	if (kf == NULL || rt < 0)
		return 0;
	field_to_text(kf, old, &a);
	field_to_text(kf, new, &b);
	if (strcmp(a.buf, b.buf) != 0 &&
	    (rt == RT_GRANT ? names_key(&kind_initiative, in, rt, a.buf) :
	    names_key(&kind_document, p, rt, a.buf))) {
		model_error_set(e, NULL, kf->name, _("cannot change '%s' to '%s': other "
		    "records name it by '%s'"), a.buf, b.buf, a.buf);
		refused = 1;
	}
	strbuf_release(&a);
	strbuf_release(&b);
	return refused;
}

/*
 * Refuses (1, e set) to delete (new NULL) or to change the id of (new
 * given) a record that other records name by that id as text, outside the
 * field tables' references: the decision a proposal's closing made
 * (proposal.decision), and a decision or check-in a learning note names
 * as evidence (read from the store: the notes are the program's, not in
 * an initiative's slice). docs/formats.md: refused, never left dangling.
 * -1 with err set when the store cannot be read.
 */
static int
text_named_refused(struct store *s, const struct initiative *in, const struct kind *k,
    const void *old, const void *new, struct model_error *e, struct strbuf *err)
{
	const char *id;
	struct strbuf what = STRBUF_INIT;
	int rc = 0;

	if (k != &kind_decision && k != &kind_checkin)
		return 0;
	id = k == &kind_decision ? ((const struct decision *)old)->id :
	    ((const struct checkin *)old)->id;
	if (new && strcmp(id, k == &kind_decision ? ((const struct decision *)new)->id :
	    ((const struct checkin *)new)->id) == 0)
		return 0;
	for (size_t i = 0; k == &kind_decision && in && i < in->proposals.n; i++)
		if (in->proposals.v[i].decision && strcmp(in->proposals.v[i].decision, id) == 0) {
			strbuf_addf(&what, _("proposal %s names it as the decision its closing made"),
			    in->proposals.v[i].id);
			rc = 1;
			break;
		}
	if (rc == 0 && ((const struct rec_head *)old)->rowid != 0)
		rc = store_record_named(s, k, ((const struct rec_head *)old)->rowid, &what, err);
	if (rc == 1)
		/* TRANSLATORS: the record's id, then why (a record that names it) */
		model_error_set(e, NULL, "id", k == &kind_decision ?
		    (new ? _("decision %s cannot be given another id: %s") :
		    _("decision %s cannot be deleted: %s")) :
		    (new ? _("check-in %s cannot be given another id: %s") :
		    _("check-in %s cannot be deleted: %s")), id, what.buf);
	strbuf_release(&what);
	return rc;
}

/* ---------------------------------------------------------------- the audit log entry */

/* The audit log's name of kind k: its trellis/1 array ("decisions"), or "program". */
static const char *
audit_kind(const struct kind *k)
{
	const struct app_kind *ak = kind_entry(k);

	if (ak)
		return ak->name;
	return k == &kind_program ? "program" : k->name;
}

/*
 * Fills *a with the audit entry of a change of rec (of kind k, in in):
 * c->before and c->after as they are, c->key set from rec. A new record
 * without a key field has no rowid yet: the entry then takes it from rec
 * when it is written, and the caller sets c->key after.
 */
static void
audit_entry(const struct initiative *in, const struct kind *k, const char *action,
    const void *rec, const char *actor, struct app_change *c, struct store_audit_entry *a)
{
	const struct rec_head *h = rec;

	memset(a, 0, sizeof(*a));
	strbuf_reset(&c->key);
	if (key_field(k) || h->rowid != 0) {
		key_text(k, rec, &c->key);
		a->record = c->key.buf;
	} else
		a->rowid = &h->rowid;
	a->actor = actor;
	a->action = action;
	a->kind = audit_kind(k);
	/* an initiative's own record is logged under the initiative itself */
	a->initiative = in ? in->slug : k == &kind_initiative ?
	    ((const struct initiative *)rec)->slug : NULL;
	a->before = c->before.len ? c->before.buf : NULL;
	a->after = c->after.len ? c->after.buf : NULL;
	a->at = (int64_t)time(NULL);
}

/*
 * Writes the change of rec (of kind k, in in; action "create": p's new
 * records, "update": rec's fields, "delete": the record rec was) and its
 * audit entry in one store write, which joins the caller's transaction
 * when one is open (app_write_begin). Returns 0, or -1 with err set and
 * nothing written.
 */
static int
write_audited(struct store *s, struct program *p, const struct initiative *in,
    const struct kind *k, const char *action, void *rec, const char *actor,
    struct app_change *c, struct strbuf *err)
{
	struct store_audit_entry a;

	audit_entry(in, k, action, rec, actor, c, &a);
	a.program = p->slug;	/* the audit log's program (migration 14) */
	if (strcmp(action, "create") == 0)
		return store_program_save(s, p, &a, err);
	if (strcmp(action, "update") == 0)
		return store_record_update(s, p, k, rec, &a, err);
	return store_record_delete(s, k, ((struct rec_head *)rec)->rowid, &a, err);
}

/* ---------------------------------------------------------------- the changes */

/* Rebuilds p's indexes after an undo; p was valid before, so this succeeds. */
static void
reresolve(struct program *p)
{
	struct model_error ignored;

	model_resolve(p, &ignored);
}

static void
internal(struct strbuf *err, const char *what, const struct kind *k)
{
	strbuf_reset(err);
	strbuf_addf(err, "internal error: %s %s", what, k->name);
}

int
app_record_readonly(const struct kind *k, const void *rec)
{
	return k == &kind_instrument && ((const struct instrument *)rec)->builtin;
}

static int
builtin_refused(const struct kind *k, const void *rec, struct model_error *e)
{
	if (!app_record_readonly(k, rec))
		return 0;
	model_error_set(e, NULL, "code", _("the built-in instrument '%s' cannot be changed"),
	    ((const struct instrument *)rec)->code);
	return 1;
}

size_t
app_item_answers(const struct program *p, const char *instrument, const char *item)
{
	size_t n = 0;

	for (size_t i = 0; i < p->initiatives.n; i++) {
		const struct initiative *in = &p->initiatives.v[i];

		for (size_t s = 0; s < in->surveys.n; s++) {
			const struct survey *sv = &in->surveys.v[s];

			if (sv->instrument.slug == NULL || strcmp(sv->instrument.slug, instrument) != 0)
				continue;
			for (size_t r = 0; r < sv->responses.n; r++)
				for (size_t a = 0; a < sv->responses.v[r].answers.n; a++)
					n += strcmp(sv->responses.v[r].answers.v[a].item, item) == 0;
		}
	}
	return n;
}

/*
 * Refuses to delete an instrument a survey uses, naming the survey (the
 * model would only say that the survey's instrument is missing).
 */
static int
used_instrument_refused(const struct program *p, const struct kind *k, const void *rec,
    struct model_error *e)
{
	const struct instrument *ins = rec;

	if (k != &kind_instrument)
		return 0;
	for (size_t i = 0; i < p->initiatives.n; i++) {
		const struct initiative *in = &p->initiatives.v[i];

		for (size_t s = 0; s < in->surveys.n; s++)
			if (in->surveys.v[s].instrument.slug &&
			    strcmp(in->surveys.v[s].instrument.slug, ins->code) == 0) {
				/* TRANSLATORS: the instrument's code, a survey's id, the initiative */
				model_error_set(e, NULL, "code", _("'%s' cannot be deleted: survey '%s' "
				    "of %s uses it"), ins->code, in->surveys.v[s].id, in->name);
				return 1;
			}
	}
	return 0;
}

static int
same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/*
 * Refuses a change of an instrument that would change what stored answers
 * mean: an item that survey responses answer stays, with its code, text
 * and category as they were when it was answered. New items may be added
 * and unanswered ones changed or removed.
 */
static int
answered_item_refused(const struct program *p, const struct kind *k, const void *oldrec,
    const void *newrec, struct model_error *e)
{
	const struct instrument *old = oldrec, *new = newrec;

	if (k != &kind_instrument)
		return 0;
	for (size_t i = 0; i < old->items.n; i++) {
		const struct instrument_item *it = &old->items.v[i];
		size_t n = app_item_answers(p, old->code, it->code), j;
		const char *what = NULL, *why = NULL;

		if (n == 0)
			continue;
		for (j = 0; j < new->items.n; j++)
			if (new->items.v[j].code && strcmp(new->items.v[j].code, it->code) == 0)
				break;
		if (j == new->items.n) {
			model_error_set(e, NULL, "items", P_("item '%s' cannot be removed or renamed: "
			    "%zu survey answer uses it", "item '%s' cannot be removed or renamed: "
			    "%zu survey answers use it", n), it->code, n);
			return 1;
		}
		if (!same_text(new->items.v[j].text, it->text)) {
			what = "text";
			why = P_("item '%s' has %zu survey answer: its text cannot change (add a new "
			    "item instead)", "item '%s' has %zu survey answers: its text cannot change "
			    "(add a new item instead)", n);
		} else if (!same_text(new->items.v[j].category, it->category)) {
			what = "category";
			why = P_("item '%s' has %zu survey answer: its category cannot change (add a "
			    "new item instead)", "item '%s' has %zu survey answers: its category cannot "
			    "change (add a new item instead)", n);
		}
		if (what) {
			model_error_set(e, NULL, what, why, it->code, n);
			snprintf(e->path, sizeof(e->path), "items.%zu.%s", j, what);
			return 1;
		}
	}
	return 0;
}

/*
 * A ledger entry's approval (docs/approvals.md): the status an entry gets
 * when entered (app_add) — pending when the program's approval_threshold
 * is set and its amount at or above it, else approved — and what an
 * update (app_update) to amount makes of it: an entry with approvals, or
 * rejected, keeps its amount (APP_CONFLICT); otherwise a changed amount
 * is entered anew, an unchanged one keeps its status.
 */
static int
ledger_entering_status(struct store *s, const struct program *p, int64_t amount,
    int *status, struct strbuf *err)
{
	struct metrics_settings set;

	if (app_settings_load(s, p->slug, &set, err))
		return -1;
	*status = set.approval_threshold != INT_NONE && amount >= set.approval_threshold ?
	    LSTATUS_PENDING : LSTATUS_APPROVED;
	return 0;
}

static enum app_result
ledger_updating_status(struct store *s, const struct program *p,
    const struct ledger_entry *old, int64_t amount, int *status, struct model_error *e,
    struct strbuf *err)
{
	*status = old->status;
	if (amount == old->amount)
		return APP_OK;
	if (old->approvals.n > 0 || old->status == LSTATUS_REJECTED) {
		model_error_set(e, NULL, "amount", old->approvals.n ?
		    _("ledger entry %s has approvals: its amount stays as it was approved or "
		    "rejected; enter a correcting entry instead") :
		    _("ledger entry %s has been rejected: its amount stays as it was approved or "
		    "rejected; enter a correcting entry instead"), old->id);
		return APP_CONFLICT;
	}
	return ledger_entering_status(s, p, amount, status, err) ? APP_ERROR : APP_OK;
}

/*
 * Sets rec's FL_WORKFLOW fields (of kind k) back to nothing: only their
 * workflow gives them (src/app/approvals.c).
 */
static void
workflow_clear(const struct kind *k, void *rec)
{
	for (int j = 0; j < k->nfields; j++) {
		const struct field *f = &k->fields[j];

		if (!(f->flags & FL_WORKFLOW))
			continue;
		if (f->type == FT_LIST) {
			struct anyvec *v = FIELD_VEC(rec, f);

			for (size_t n = 0; n < v->n; n++)
				kind_release(f->sub, (char *)v->v + n * f->sub->size);
			v->n = 0;
		} else
			field_set_null(f, rec);
	}
}

/* Swaps the FL_WORKFLOW fields of a and b (of kind k); twice restores both. */
static void
workflow_swap(const struct kind *k, void *a, void *b)
{
	for (int j = 0; j < k->nfields; j++)
		if (k->fields[j].flags & FL_WORKFLOW)
			field_swap(&k->fields[j], a, b);
}

enum app_result
app_add(struct store *s, struct program *p, struct initiative *in,
    const struct kind *k, void *rec, const char *actor, struct app_change *c,
    struct model_error *e, struct strbuf *err)
{
	int saved;

	struct anyvec *arr = array_of(p, in, k);
	void *slot;

	if (arr == NULL) {
		kind_release(k, rec);
		internal(err, "no array holds", k);
		return APP_ERROR;
	}
	/* what a workflow sets is not given with a new record: a ledger entry's approval */
	workflow_clear(k, rec);
	if (k == &kind_ledger_entry) {
		struct ledger_entry *le = rec;

		if (ledger_entering_status(s, p, le->amount, &le->status, err)) {
			kind_release(k, rec);
			return APP_ERROR;
		}
	}
	slot = anyvec_push(arr, k);
	memcpy(slot, rec, k->size);
	memset(rec, 0, k->size);
	((struct rec_head *)slot)->rowid = 0;
	if (k == &kind_initiative) {
		/* a new initiative: the 12 responsibilities, its backbone a member (issue 13) */
		initiative_default_responsibilities(slot);
		initiative_backbone_member(slot);
	}
	/* a slice of the program (a per-initiative load) reads what the record names */
	if (store_catalog_complete(s, p, k, slot, err) == -1) {
		kind_release(k, slot);
		arr->n--;
		return APP_ERROR;
	}
	if (model_validate(p, e) == -1) {
		kind_release(k, slot);
		arr->n--;
		reresolve(p);
		return APP_INVALID;
	}
	strbuf_reset(&c->before);
	strbuf_reset(&c->after);
	json_write_record_own(&c->after, k, slot);
	saved = write_audited(s, p, in, k, "create", slot, actor, c, err) == 0;
	if (!saved) {
		kind_release(k, (char *)arr->v + (arr->n - 1) * k->size);
		arr->n--;
		reresolve(p);
		strbuf_reset(&c->after);
		strbuf_reset(&c->key);
		return APP_ERROR;
	}
	/* a record without a key is known by the rowid it has now */
	slot = (char *)arr->v + (arr->n - 1) * k->size;
	strbuf_reset(&c->key);
	key_text(k, slot, &c->key);
	return APP_OK;
}

/* Undoes update_record's swaps of target and rec (kept: the workflow's fields too). */
static void
undo_update(const struct kind *k, void *target, void *rec, int kept, int was_status)
{
	if (kept && k == &kind_ledger_entry)
		((struct ledger_entry *)target)->status = was_status;
	swap_fields(k, target, rec);
	if (kept)
		workflow_swap(k, target, rec);
}

static enum app_result update_record(struct store *s, struct program *p,
    struct initiative *in, const struct kind *k, size_t i, void *rec, const char *actor,
    struct app_change *c, struct model_error *e, struct strbuf *err, int workflow);

enum app_result
app_update(struct store *s, struct program *p, struct initiative *in,
    const struct kind *k, size_t i, void *rec, const char *actor, struct app_change *c,
    struct model_error *e, struct strbuf *err)
{
	return update_record(s, p, in, k, i, rec, actor, c, e, err, 0);
}

enum app_result
app_update_workflow(struct store *s, struct program *p, struct initiative *in,
    const struct kind *k, size_t i, void *rec, const char *actor, struct app_change *c,
    struct model_error *e, struct strbuf *err)
{
	return update_record(s, p, in, k, i, rec, actor, c, e, err, 1);
}

static enum app_result
update_record(struct store *s, struct program *p, struct initiative *in,
    const struct kind *k, size_t i, void *rec, const char *actor, struct app_change *c,
    struct model_error *e, struct strbuf *err, int workflow)
{
	int saved, kept = 0, was_status = 0, status = 0;

	struct anyvec *arr = k == &kind_program ? NULL : array_of(p, in, k);
	void *target;
	enum app_result ret = APP_ERROR;

	if (k == &kind_program && i == 0)
		target = p;
	else if (arr && i < arr->n)
		target = (char *)arr->v + i * k->size;
	else {
		internal(err, "no such record of", k);
		goto out;
	}
	ret = APP_INVALID;
	if (builtin_refused(k, target, e) || key_change_refused(p, in, k, target, rec, e) ||
	    answered_item_refused(p, k, target, rec, e))
		goto out;
	switch (text_named_refused(s, in, k, target, rec, e, err)) {
	case 1:
		ret = APP_CONFLICT;
		goto out;
	case -1:
		ret = APP_ERROR;
		goto out;
	}
	/* a slice holds initiative-level records only: its catalog may grow under them */
	assert(!p->partial || (k != &kind_organization && k != &kind_person));
	if (store_catalog_complete(s, p, k, rec, err) == -1) {
		ret = APP_ERROR;
		goto out;
	}
	if (!workflow && k == &kind_ledger_entry) {
		/* the entry's approval stays the workflow's; a new amount may need it anew */
		ret = ledger_updating_status(s, p, target, ((struct ledger_entry *)rec)->amount,
		    &status, e, err);
		if (ret != APP_OK)
			goto out;
		ret = APP_INVALID;
	}
	/* the catalog may have grown: target stays, it is not an organization or person */
	json_write_record_own(&c->before, k, target);
	if (!workflow) {
		/* what a workflow sets stays as stored (rec gets it, its own given ones go) */
		workflow_swap(k, target, rec);
		kept = 1;
	}
	swap_fields(k, target, rec);
	if (kept && k == &kind_ledger_entry) {
		was_status = ((struct ledger_entry *)target)->status;
		((struct ledger_entry *)target)->status = status;
	}
	if (model_validate(p, e) == -1) {
		undo_update(k, target, rec, kept, was_status);
		reresolve(p);
		goto out;
	}
	json_write_record_own(&c->after, k, target);
	saved = write_audited(s, p, in, k, "update", target, actor, c, err) == 0;
	if (!saved) {
		undo_update(k, target, rec, kept, was_status);
		reresolve(p);
		ret = APP_ERROR;
		goto out;
	}
	ret = APP_OK;
out:
	if (ret != APP_OK) {
		strbuf_reset(&c->before);
		strbuf_reset(&c->after);
		strbuf_reset(&c->key);
	}
	/* rec now holds the replaced fields (or, on failure, the refused ones) */
	kind_release(k, rec);
	return ret;
}

enum app_result
app_delete(struct store *s, struct program *p, struct initiative *in,
    const struct kind *k, size_t i, const char *actor, struct app_change *c,
    struct model_error *e, struct strbuf *err)
{
	struct anyvec *arr = array_of(p, in, k);
	char *at, *held;
	size_t tail;
	enum app_result ret;

	if (arr == NULL || i >= arr->n) {
		internal(err, "no such record of", k);
		return APP_ERROR;
	}
	at = (char *)arr->v + i * k->size;
	if (builtin_refused(k, at, e) || used_instrument_refused(p, k, at, e))
		return APP_INVALID;
	switch (text_named_refused(s, in, k, at, NULL, e, err)) {
	case 1:
		return APP_CONFLICT;
	case -1:
		return APP_ERROR;
	}
	if (k == &kind_ledger_entry && ((struct ledger_entry *)at)->approvals.n > 0) {
		/* the approvals are append-only: the entry they approve stays */
		model_error_set(e, NULL, "approvals", _("ledger entry %s has approvals, which stay "
		    "on record: enter a correcting entry instead of deleting it"),
		    ((struct ledger_entry *)at)->id);
		return APP_CONFLICT;
	}
	/* take it out, keeping it aside to put back */
	held = xmalloc(k->size);
	memcpy(held, at, k->size);
	tail = (arr->n - i - 1) * k->size;
	memmove(at, at + k->size, tail);
	arr->n--;
	if (model_validate(p, e) == -1)
		ret = APP_INVALID;
	else {
		json_write_record_own(&c->before, k, held);
		ret = write_audited(s, p, in, k, "delete", held, actor, c, err) == 0 ? APP_OK :
		    APP_ERROR;
	}
	if (ret != APP_OK) {
		memmove(at + k->size, at, tail);
		memcpy(at, held, k->size);
		arr->n++;
		reresolve(p);
		strbuf_reset(&c->before);
		strbuf_reset(&c->key);
	} else
		kind_release(k, held);
	free(held);
	return ret;
}
