/*
 * model_validate: resolving every reference of a program and checking what
 * needs the whole program (DESIGN §2). Records are visited in document
 * order by walking the field tables, so the error reported is the first
 * bad record, with its file and line.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "model.h"
#include "validate.h"
#include "../util/strbuf.h"
#include "../util/i18n.h"
#include "../util/banned.h"

void
model_error_set(struct model_error *e, const struct srcloc *loc,
    const char *field, const char *fmt, ...)
{
	va_list ap;

	snprintf(e->file, sizeof(e->file), "%s", loc && loc->file ? loc->file : "");
	e->line = loc ? loc->line : 0;
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	snprintf(e->path, sizeof(e->path), "%s", e->field);
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
}

void
model_error_format(const struct model_error *e, struct strbuf *out)
{
	if (e->file[0]) {
		strbuf_addstr(out, e->file);
		if (e->line)
			strbuf_addf(out, ":%u", e->line);
		strbuf_addstr(out, ": ");
	}
	if (e->field[0])
		strbuf_addf(out, "%s: ", e->field);
	strbuf_addstr(out, e->msg);
}

/* ---------------------------------------------------------------- the walk */

struct vctx {
	struct program *p;
	struct initiative *in;		/* the initiative being walked, or NULL */
	struct strmap grant_index;	/* grant id → index in in->grants */
	struct model_error *e;
	model_errors *all;		/* model_check_record: every problem, not the first */
};

/*
 * After a problem is set in c->e: stop (-1), or when every problem is
 * collected keep it and go on (0).
 */
static int
fail(struct vctx *c)
{
	if (c->all == NULL)
		return -1;
	*VEC_PUSH(c->all) = *c->e;
	return 0;
}

static const char *
path_of(char buf[128], const char *prefix, const char *name)
{
	snprintf(buf, 128, "%s%s", prefix, name);
	return buf;
}

static int
index_of(const struct strmap *m, const char *key)
{
	return strmap_get(m, key, -1);
}

/*
 * Whether r's index already names the record whose own string r's slug
 * is (the same pointer, not only the same text): a program loaded into an
 * arena shares its slugs so (store/program.c, index_in), and such an
 * index is what the lookup would give, slugs being unique.
 */
static int
same_record(const struct vctx *c, enum reftype rt, const struct ref *r)
{
	size_t i = (size_t)r->idx;

	if (r->idx < 0)
		return 0;
	switch (rt) {
	case RT_DECIDER:
	case RT_ORG:
		return i < c->p->orgs.n && c->p->orgs.v[i].slug == r->slug;
	case RT_PERSON:
		return i < c->p->people.n && c->p->people.v[i].slug == r->slug;
	case RT_GRANT:
		return c->in && i < c->in->grants.n && c->in->grants.v[i].id == r->slug;
	default:
		return 0;
	}
}

/* Resolves one reference by its type. Returns 0 or -1 with the error set. */
static int
resolve_ref(struct vctx *c, const struct field *f, struct ref *r,
    const char *prefix, const char *name, const struct srcloc *loc)
{
	char path[128];

	const char *what = "organization", *where = "";
	int idx = -1;

	if (r->slug == NULL)
		return 0;
	if (same_record(c, f->ref, r))
		return 0;
	switch (f->ref) {
	case RT_DECIDER:
		if (strcmp(r->slug, "committee") == 0) {
			r->idx = REF_COMMITTEE;
			return 0;
		}
		if (strcmp(r->slug, "team") == 0) {
			r->idx = REF_TEAM;
			return 0;
		}
		/* FALLTHROUGH */
	case RT_ORG:
		idx = index_of(&c->p->org_index, r->slug);
		break;
	case RT_PERSON:
		what = "person";
		idx = index_of(&c->p->person_index, r->slug);
		break;
	case RT_INSTRUMENT:
		what = "instrument";
		idx = index_of(&c->p->instrument_index, r->slug);
		break;
	case RT_GRANT:
		what = "grant";
		where = " in this initiative";
		idx = index_of(&c->grant_index, r->slug);
		break;
	case RT_INITIATIVE:
		what = "initiative";
		idx = index_of(&c->p->initiative_index, r->slug);
		break;
	}
	if (idx < 0) {
		/* the path only now: building it for every reference cost a sixth of a load */
		model_error_set(c->e, loc, path_of(path, prefix, name), "no %s '%s'%s", what,
		    r->slug, where);
		return fail(c);
	}
	r->idx = idx;
	return 0;
}

static int walk_record(struct vctx *c, const struct kind *k, void *rec,
    const char *prefix, const struct srcloc *loc);
static int check_record(struct vctx *c, const struct kind *k, void *rec);
static int check_initiative(struct vctx *c, struct initiative *in);

/* The text of a list element's key field, for uniqueness; NULL when it has none. */
static const char *
key_of(const struct kind *k, const void *rec, const char **keyname)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const void *p = (const char *)rec + f->off;

		if (!(f->flags & FL_KEY))
			continue;
		*keyname = f->name;
		if (f->type == FT_REF)
			return ((const struct ref *)p)->slug;
		return *(char *const *)p;
	}
	return NULL;
}

/* Puts "LIST.ROW." before e's path: the problem is in row i of child list f. */
static void
path_in_row(struct model_error *e, const struct field *f, size_t i)
{
	char buf[sizeof(e->path)];

	snprintf(buf, sizeof(buf), "%s.%zu.%s", f->name, i, e->path);
	memcpy(e->path, buf, sizeof(buf));
}

static int
walk_list(struct vctx *c, const struct field *f, void *rec)
{
	struct anyvec *v = FIELD_VEC(rec, f);
	struct strmap seen = STRMAP_INIT;
	size_t i;
	int ret = -1;

	if (v->n > 1)
		strmap_reserve(&seen, v->n);
	for (i = 0; i < v->n; i++) {
		struct rec_head *child = (void *)((char *)v->v + i * f->sub->size);
		const char *keyname = NULL;
		const char *key = key_of(f->sub, child, &keyname);

		if (key) {
			int first = strmap_get(&seen, key, -1);

			if (first >= 0) {
				struct rec_head *prev = (void *)((char *)v->v + (size_t)first * f->sub->size);

				if (prev->loc.line && prev->loc.file == child->loc.file)
					model_error_set(c->e, &child->loc, keyname,
					    "'%s' is used twice (first on line %u)", key, prev->loc.line);
				else
					model_error_set(c->e, &child->loc, keyname, "'%s' is used twice", key);
				goto bad;
			}
			strmap_put(&seen, key, (int)i);
		}
		if (f->sub == &kind_initiative) {
			struct initiative *in = (struct initiative *)child;

			c->in = in;
			strmap_release(&c->grant_index);
			for (size_t g = 0; g < in->grants.n; g++)
				if (in->grants.v[g].id)
					strmap_put(&c->grant_index, in->grants.v[g].id, (int)g);
		}
		if (walk_record(c, f->sub, child, "", &child->loc))
			goto bad;
		if (f->sub == &kind_initiative) {
			/* a catalog holds no initiative's records: its members are not there to check */
			if (c->p->partial != PROGRAM_CATALOG && check_initiative(c, (struct initiative *)child))
				goto out;
			c->in = NULL;
		}
	}
	ret = 0;
	goto out;
bad:
	/* a record's child list (an instrument's items): name the row; record arrays are not rows */
	if (!(f->flags & FL_LINES))
		path_in_row(c->e, f, i);
	if (c->all)
		ret = fail(c);
out:
	strmap_release(&seen);
	return ret;
}

static int
walk_record(struct vctx *c, const struct kind *k, void *rec,
    const char *prefix, const struct srcloc *loc)
{
	char sub[128];

	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		void *p = FIELD_PTR(rec, f);

		switch (f->type) {
		case FT_REF:
			if (resolve_ref(c, f, p, prefix, f->name, loc))
				return -1;
			break;
		case FT_REFS: {
			struct refs *r = p;

			for (size_t j = 0; j < r->n; j++)
				if (resolve_ref(c, f, &r->v[j], prefix, f->name, loc))
					return -1;
			break;
		}
		case FT_RACI: {
			VEC(struct assignment) *a = p;
			const struct field orgf = { .name = "org", .type = FT_REF, .ref = RT_ORG };

			for (size_t j = 0; j < a->n; j++) {
				struct ref *o = &a->v[j].org;
				int twice = 0;

				/* the path made only when it may be needed (resolve_ref) */
				if (o->slug && !same_record(c, RT_ORG, o)) {
					snprintf(sub, sizeof(sub), "%s%s.%s", prefix, f->name, o->slug);
					if (resolve_ref(c, &orgf, o, sub, "", loc))
						return -1;
				}
				for (size_t q = 0; q < j && !twice; q++)
					twice = a->v[q].org.idx == o->idx;
				if (twice) {
					snprintf(sub, sizeof(sub), "%s%s.%s", prefix, f->name, o->slug);
					model_error_set(c->e, loc, sub, "organization assigned twice");
					return -1;
				}
			}
			break;
		}
		case FT_OBJECT:
			if ((f->flags & FL_OPTIONAL) && f->has_off && !*(int *)((char *)rec + f->has_off))
				break;
			snprintf(sub, sizeof(sub), "%s%s.", prefix, f->name);
			if (walk_record(c, f->sub, rec, sub, loc))
				return -1;
			break;
		case FT_LIST:
			if (walk_list(c, f, rec))
				return -1;
			break;
		default:
			break;
		}
	}
	return check_record(c, k, rec);
}

/* ---------------------------------------------------------------- record checks */

static int
order_check(struct vctx *c, const struct srcloc *loc, const char *later, tdate a,
    const char *earlier, tdate b, int strict)
{
	char da[DATE_BUFSZ], db[DATE_WORDS_BUFSZ];
	char label[32];

	if (a == DATE_NONE || b == DATE_NONE)
		return 0;
	if (a > b || (!strict && a == b))
		return 0;
	if (c->all) {
		/* for a form: beside the later date, in words ("1 May 2016") */
		/* the earlier field's label, as the form shows it ("Start": form_label) */
		snprintf(label, sizeof(label), "%c%s", earlier[0] - 'a' + 'A', earlier + 1);
		model_error_set(c->e, loc, later, strict && a == b ?
		    _("must not be the same day as %s (%s)") : _("must not be before %s (%s)"),
		    _(label), date_format_words_lang(b, lang_code(i18n_current()), db));
		return fail(c);
	}
	model_error_set(c->e, loc, later, "%s is %s %s %s", date_format(a, da),
	    strict && a == b ? "the same day as" : "before", earlier, date_format(b, db));
	return -1;
}

/*
 * The item code of instrument in, looked for first at *hint and then from
 * the start; *hint is left past the item found (the next answer's, when a
 * response answers in the instrument's order).
 */
static const struct instrument_item *
instrument_item(const struct instrument *in, const char *code, size_t *hint)
{
	size_t n = in->items.n;

	for (size_t k = 0; k < n; k++) {
		size_t i = (*hint + k) % n;

		if (strcmp(in->items.v[i].code, code) == 0) {
			*hint = i + 1;
			return &in->items.v[i];
		}
	}
	return NULL;
}

/* The path of a response's answer to item, for its message. */
static const char *
answer_path(char path[128], const char *item)
{
	snprintf(path, 128, "answers.%s", item);
	return path;
}

/*
 * A learning note's evidence: an alert by its code and a figure as of a
 * date; a decision or check-in that its initiative has, when the
 * initiative's records are here (a whole program: not an import's
 * catalog, which the store's checks stand behind).
 */
static int
check_evidence(struct vctx *c, const struct evidence *ev)
{
	const int nalerts = ANSWER__MAX - ANSWER_FIRST_ALERT;
	const struct initiative *in;
	int found = 0;

	if (ev->kind == EVK_ALERT && ev->ref &&
	    enum_lookup(assist_answer_names + ANSWER_FIRST_ALERT, nalerts, ev->ref) < 0) {
		model_error_set(c->e, &ev->loc, "ref", "'%s' is not an alert's code (dominance, "
		    "director_as_employee, blurred_boundaries, out_of_the_loop, no_contrary_views)",
		    ev->ref);
		return fail(c);
	}
	if ((ev->kind == EVK_ALERT || ev->kind == EVK_FIGURE) && ev->as_of == DATE_NONE) {
		model_error_set(c->e, &ev->loc, "as_of", "is required for %s: the date of the "
		    "report it is from", ev->kind == EVK_ALERT ? "an alert" : "a figure");
		return fail(c);
	}
	if ((ev->kind != EVK_DECISION && ev->kind != EVK_CHECKIN) || c->p->partial != PROGRAM_WHOLE ||
	    ev->initiative.idx < 0 || ev->ref == NULL)
		return 0;
	in = &c->p->initiatives.v[ev->initiative.idx];
	if (ev->kind == EVK_DECISION)
		for (size_t i = 0; i < in->decisions.n && !found; i++)
			found = strcmp(in->decisions.v[i].id, ev->ref) == 0;
	else
		for (size_t i = 0; i < in->checkins.n && !found; i++)
			found = strcmp(in->checkins.v[i].id, ev->ref) == 0;
	if (!found) {
		model_error_set(c->e, &ev->loc, "ref", "initiative '%s' has no %s '%s'", in->slug,
		    ev->kind == EVK_DECISION ? "decision" : "check-in", ev->ref);
		return fail(c);
	}
	return 0;
}

static int
check_record(struct vctx *c, const struct kind *k, void *rec)
{
	const struct srcloc *loc = &((struct rec_head *)rec)->loc;

	if (k == &kind_organization) {
		const struct organization *o = rec;

		if (o->slug && (strcmp(o->slug, "team") == 0 || strcmp(o->slug, "committee") == 0)) {
			model_error_set(c->e, loc, "slug", _("'%s' is reserved"), o->slug);
			return fail(c);
		}
	} else if (k == &kind_instrument) {
		const struct instrument *in = rec;

		if (in->items.n == 0) {
			model_error_set(c->e, loc, "items", _("an instrument needs at least one item"));
			return fail(c);
		}
		if (in->items.n > INSTRUMENT_ITEMS_MAX) {
			model_error_set(c->e, loc, "items", _("%zu items: an instrument has at most %d "
			    "(one answer form must stay short enough to finish)"), in->items.n,
			    INSTRUMENT_ITEMS_MAX);
			return fail(c);
		}
	} else if (k == &kind_member) {
		const struct member *m = rec;

		return order_check(c, loc, "left", m->left, "joined", m->joined, 0);
	} else if (k == &kind_decision) {
		const struct decision *d = rec;

		if (d->decider.idx == REF_COMMITTEE && c->in->committee.n == 0) {
			model_error_set(c->e, loc, "decider",
			    _("'committee', but the initiative has no committee"));
			if (fail(c))
				return -1;
		}
		return order_check(c, loc, "decided", d->decided, "proposed", d->proposed, 0);
	} else if (k == &kind_proposal) {
		const struct proposal *pr = rec;

		if (pr->decider.idx == REF_COMMITTEE && c->in->committee.n == 0) {
			model_error_set(c->e, loc, "decider",
			    _("'committee', but the initiative has no committee"));
			if (fail(c))
				return -1;
		}
		if (pr->asked.n == 0) {
			model_error_set(c->e, loc, "asked", _("a proposal asks at least one organization"));
			if (fail(c))
				return -1;
		}
		if (order_check(c, loc, "closes", pr->closes, "opened", pr->opened, 0))
			return -1;
		if ((pr->decided != DATE_NONE) != (pr->outcome != NULL)) {
			model_error_set(c->e, loc, pr->outcome ? "decided" : "outcome",
			    _("a closed proposal has both an outcome and a decided date"));
			if (fail(c))
				return -1;
		}
		if (pr->decided != DATE_NONE &&
		    order_check(c, loc, "decided", pr->decided, "opened", pr->opened, 0))
			return -1;
		for (size_t i = 0; i < pr->answers.n; i++) {
			const struct proposal_answer *a = &pr->answers.v[i];
			const struct srcloc *aloc = a->loc.line ? &a->loc : loc;
			char path[64];
			size_t j;

			snprintf(path, sizeof(path), "answers.%zu.org", i + 1);
			for (j = 0; a->org.slug && j < pr->asked.n; j++)
				if (strcmp(pr->asked.v[j].slug, a->org.slug) == 0)
					break;
			if (a->org.slug && j == pr->asked.n) {
				model_error_set(c->e, aloc, path,
				    _("'%s' was not asked: only the asked organizations answer"), a->org.slug);
				return fail(c);
			}
			snprintf(path, sizeof(path), "answers.%zu.reason", i + 1);
			if (a->answer != STANCE_AGREE && a->reason == NULL) {
				model_error_set(c->e, aloc, path, "a reason is required for %s",
				    stance_names[a->answer]);
				return fail(c);
			}
			snprintf(path, sizeof(path), "answers.%zu.date", i + 1);
			if (order_check(c, aloc, path, a->date, "opened", pr->opened, 0))
				return -1;
		}
	} else if (k == &kind_grant) {
		const struct grant *g = rec;

		return order_check(c, loc, "end", g->end, "start", g->start, 0);
	} else if (k == &kind_ledger_entry) {
		const struct ledger_entry *l = rec;
		const struct grant *g;
		size_t i;

		/* its approvals (docs/approvals.md): a rejection says why, once per organization */
		for (i = 0; i < l->approvals.n; i++) {
			const struct approval *a = &l->approvals.v[i];
			const struct srcloc *aloc = a->loc.line ? &a->loc : loc;
			char path[64];

			snprintf(path, sizeof(path), "approvals.%zu.reason", i + 1);
			if (a->verdict == VERDICT_REJECT && a->reason == NULL) {
				model_error_set(c->e, aloc, path, "a reason is required to reject");
				return fail(c);
			}
			snprintf(path, sizeof(path), "approvals.%zu.org", i + 1);
			for (size_t j = 0; j < i; j++)
				if (a->org.slug && l->approvals.v[j].org.slug &&
				    strcmp(a->org.slug, l->approvals.v[j].org.slug) == 0) {
					model_error_set(c->e, aloc, path, "'%s' has already acted on "
					    "this entry: each organization approves or rejects once",
					    a->org.slug);
					return fail(c);
				}
		}
		if (l->line == NULL || l->grant.slug == NULL || l->grant.idx < 0)
			return 0;
		g = &c->in->grants.v[l->grant.idx];
		if (grant_line(g, l->line) < 0) {
			model_error_set(c->e, loc, "line", _("grant '%s' has no budget line '%s'"),
			    g->id, l->line);
			return fail(c);
		}
	} else if (k == &kind_survey) {
		const struct survey *s = rec;
		const struct instrument *in;

		if (s->instrument.slug == NULL || s->instrument.idx < 0)
			return 0;
		in = &c->p->instruments.v[s->instrument.idx];
		if (order_check(c, loc, "closed", s->closed, "opened", s->opened, 0))
			return -1;
		for (size_t i = 0; i < s->responses.n; i++) {
			const struct response *r = &s->responses.v[i];
			const struct srcloc *rloc = r->loc.line ? &r->loc : loc;

			if (r->answers.n == 0) {
				model_error_set(c->e, rloc, "answers", "a response with no answers");
				return fail(c);
			}
			/* the items answered, in the instrument's order as a form gives them: hint */
			size_t hint = 0;

			for (size_t j = 0; j < r->answers.n; j++) {
				const char *item = r->answers.v[j].item;
				char path[128];	/* made for a message only: a load checks 500,000 answers */
				int twice = 0;

				if (!instrument_item(in, item, &hint)) {
					model_error_set(c->e, rloc, answer_path(path, item),
					    "instrument '%s' has no item '%s'", in->code, item);
					return fail(c);
				}
				if (r->answers.v[j].value < 1 || r->answers.v[j].value > 5) {
					model_error_set(c->e, rloc, answer_path(path, item),
					    "%d is out of range 1 to 5", r->answers.v[j].value);
					return fail(c);
				}
				for (size_t q = 0; q < j && !twice; q++)
					twice = strcmp(r->answers.v[q].item, item) == 0;
				if (twice) {
					model_error_set(c->e, rloc, answer_path(path, item), "answered twice");
					return fail(c);
				}
			}
		}
	} else if (k == &kind_tie) {
		const struct tie *t = rec;

		if (t->from.slug && t->to.slug && t->from.idx >= 0 && t->from.idx == t->to.idx) {
			model_error_set(c->e, loc, "to", _("an organization cannot rate itself"));
			return fail(c);
		}
	} else if (k == &kind_alert_response || k == &kind_action) {
		tdate period = k == &kind_action ? ((const struct action *)rec)->period :
		    ((const struct alert_response *)rec)->period;

		if (period != DATE_NONE && period != date_month_end(period)) {
			char want[DATE_BUFSZ];

			model_error_set(c->e, loc, "period", _("a period is a month, written as its "
			    "last day (%s)"), date_format(date_month_end(period), want));
			return fail(c);
		}
		if (k == &kind_action) {
			const struct action *a = rec;

			if ((a->owner_org.slug == NULL) == (a->owner_person.slug == NULL)) {
				model_error_set(c->e, loc, "owner_org", "an action has one owner: "
				    "give owner_org or owner_person, not %s",
				    a->owner_org.slug ? "both" : "neither");
				return fail(c);
			}
		}
	} else if (k == &kind_evidence) {
		return check_evidence(c, rec);
	} else if (k == &kind_program) {
		const struct program *p = rec;

		return order_check(c, loc, "end", p->end, "start", p->start, 0);
	}
	return 0;
}

static const struct member *
member_of(const struct initiative *in, int org)
{
	for (size_t i = 0; i < in->members.n; i++)
		if (in->members.v[i].org.idx == org)
			return &in->members.v[i];
	return NULL;
}

/* Checks that need the whole initiative: run after its records are resolved. */
static int
check_initiative(struct vctx *c, struct initiative *in)
{
	const struct srcloc *loc = &in->loc;
	const struct member *m;

	if (order_check(c, loc, "end", in->end, "start", in->start, 0))
		return -1;
	m = member_of(in, in->backbone.idx);
	if (m == NULL || m->role != ROLE_BACKBONE) {
		model_error_set(c->e, loc, "backbone", _("'%s' must be a member with role backbone"),
		    in->backbone.slug);
		return -1;
	}
	for (size_t i = 0; i < in->members.n; i++)
		if (in->members.v[i].role == ROLE_BACKBONE && in->members.v[i].org.idx != in->backbone.idx) {
			model_error_set(c->e, &in->members.v[i].loc, "role",
			    _("only the backbone ('%s') can have role backbone"), in->backbone.slug);
			return -1;
		}
	for (size_t i = 0; i < in->committee.n; i++)
		if (!member_of(in, in->committee.v[i].idx)) {
			model_error_set(c->e, loc, "committee", _("'%s' is not a member of the initiative"),
			    in->committee.v[i].slug);
			return -1;
		}
	for (size_t i = 0; i < in->responses.n; i++)
		for (size_t j = 0; j < i; j++)
			if (in->responses.v[j].signal == in->responses.v[i].signal &&
			    in->responses.v[j].period == in->responses.v[i].period) {
				char d[DATE_BUFSZ];

				model_error_set(c->e, &in->responses.v[i].loc, "period",
				    "the team has already answered '%s' for the period %s (response '%s')",
				    signal_names[in->responses.v[i].signal],
				    date_format(in->responses.v[i].period, d), in->responses.v[j].id);
				return -1;
			}
	if (in->has_result &&
	    order_check(c, loc, "shared_result.target.date", in->result.target_date,
	    "shared_result.baseline.date", in->result.baseline_date, 1))
		return -1;
	return 0;
}

/* ---------------------------------------------------------------- entry points */

static int
build_index(struct strmap *m, struct anyvec *v, const struct kind *k,
    const char *what, struct model_error *e)
{
	strmap_release(m);
	strmap_reserve(m, v->n);
	for (size_t i = 0; i < v->n; i++) {
		struct rec_head *rec = (void *)((char *)v->v + i * k->size);
		const char *keyname = NULL;
		const char *key = key_of(k, rec, &keyname);

		if (key == NULL)
			continue;
		if (!strmap_put(m, key, (int)i)) {
			model_error_set(e, &rec->loc, keyname, "%s '%s' is used twice", what, key);
			return -1;
		}
	}
	return 0;
}

static int
build_indexes(struct program *p, struct model_error *e)
{
	program_add_builtin_instruments(p);
	if (build_index(&p->org_index, (struct anyvec *)&p->orgs, &kind_organization, "organization", e) ||
	    build_index(&p->person_index, (struct anyvec *)&p->people, &kind_person, "person", e) ||
	    build_index(&p->instrument_index, (struct anyvec *)&p->instruments, &kind_instrument, "instrument", e) ||
	    build_index(&p->initiative_index, (struct anyvec *)&p->initiatives, &kind_initiative, "initiative", e))
		return -1;
	return 0;
}

int
model_validate(struct program *p, struct model_error *e)
{
	struct vctx c = { p, NULL, STRMAP_INIT, e, NULL };
	int ret;

	if (p->slug == NULL) {
		model_error_set(e, NULL, "program", "the input holds no program");
		return -1;
	}
	if (build_indexes(p, e))
		return -1;
	ret = walk_record(&c, &kind_document, p, "", &p->loc);
	strmap_release(&c.grant_index);
	return ret;
}

int
model_resolve(struct program *p, struct model_error *e)
{
	return model_validate(p, e);
}

int
model_resolve_initiative(const struct program *p, struct initiative *in, struct model_error *e)
{
	/* p is only read: its indexes are looked up, never rebuilt */
	struct vctx c = { (struct program *)p, in, STRMAP_INIT, e, NULL };
	int ret;

	for (size_t g = 0; g < in->grants.n; g++)
		if (in->grants.v[g].id)
			strmap_put(&c.grant_index, in->grants.v[g].id, (int)g);
	ret = walk_record(&c, &kind_initiative, in, "", &in->loc) || check_initiative(&c, in) ? -1 : 0;
	strmap_release(&c.grant_index);
	return ret;
}

int
model_check_record(const struct program *p, const struct initiative *in, const struct kind *k,
    void *rec, model_errors *errs)
{
	struct model_error e;
	/* p and in are only read: their indexes are looked up, never rebuilt */
	struct vctx c = { (struct program *)p, (struct initiative *)in, STRMAP_INIT, &e, errs };
	size_t before = errs->n;

	assert(k != &kind_initiative && k != &kind_program && k != &kind_document);
	memset(&e, 0, sizeof(e));
	for (size_t g = 0; in && g < in->grants.n; g++)
		if (in->grants.v[g].id)
			strmap_put(&c.grant_index, in->grants.v[g].id, (int)g);
	walk_record(&c, k, rec, "", &((struct rec_head *)rec)->loc);
	strmap_release(&c.grant_index);
	return (int)(errs->n - before);
}
