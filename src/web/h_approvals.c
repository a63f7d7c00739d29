/*
 * Disbursement approval (issue 13, item 7; docs/approvals.md): the page
 * /program/approvals, the approve / reject form's POST under
 * /i/{slug}/ledger/{id}/approvals, and the same under /api/v1.
 * Fetch (the settings, each readable initiative's snapshot in turn, held
 * until the page is written; who entered each entry from the audit log)
 * → compute (who may act, app/approvals.h) → render
 * (view/approvals_page.h). The approval goes through the one write path:
 * app_ledger_approve inside records_write_begin, then committed.
 *
 * Access: readers read (a member or viewer their own initiative's
 * entries); admins act for any organization, members only for their
 * account's own organization (403 otherwise); another initiative's member
 * gets 404 from the route's {slug}.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "page.h"
#include "records.h"
#include "router.h"
#include "../app/approvals.h"
#include "../app/settings.h"
#include "../io/json.h"
#include "../mail/mail.h"
#include "../metrics/metrics.h"
#include "../model/fields.h"
#include "../store/accounts.h"
#include "../util/num.h"
#include "../util/vec.h"
#include "../util/xalloc.h"
#include "../view/approvals_page.h"
#include "../view/form.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* The page's entries, and what they borrow: the snapshots held, the names and copies. */
struct pending {
	VEC(struct approval_item) items;
	VEC(const struct web_program *) held;
	VEC(struct approval_org *) orgs;	/* each item's acted and may arrays */
	VEC(char *) copies;
	char threshold[NUM_BUFSZ];
	int has_threshold;
};

static void
pending_release(struct pending *pd)
{
	for (size_t i = 0; i < pd->held.n; i++)
		web_program_put(pd->held.v[i]);
	for (size_t i = 0; i < pd->orgs.n; i++)
		free(pd->orgs.v[i]);
	for (size_t i = 0; i < pd->copies.n; i++)
		free(pd->copies.v[i]);
	VEC_FREE(&pd->items);
	VEC_FREE(&pd->held);
	VEC_FREE(&pd->orgs);
	VEC_FREE(&pd->copies);
}

static const char *
org_name(const struct program *p, const char *slug)
{
	const struct organization *o = program_org(p, slug);

	return o && o->name ? o->name : slug;
}

/*
 * The organizations the request's account may act for on e now: an
 * admin, each organization of the initiative that may (app_approval_next);
 * a member, its own organization when that may; nobody else.
 */
static struct approval_org *
may_act(struct web_request *req, const struct program *p, const struct initiative *in,
    const struct ledger_entry *e, size_t *n)
{
	const char *own = req->user.organization;
	struct app_slugs next = { NULL, 0, 0 };
	struct approval_org *v;

	if (req->user.role == WEB_ADMIN)
		app_approval_next(p, in, e, &next);
	else if (req->user.role == WEB_MEMBER && own && app_approval_may(p, in, e, own, NULL))
		*VEC_PUSH(&next) = own;
	v = xcalloc(next.n + 1, sizeof(*v));
	for (size_t i = 0; i < next.n; i++)
		v[i] = (struct approval_org){ next.v[i], org_name(p, next.v[i]) };
	*n = next.n;
	VEC_FREE(&next);
	return v;
}

/*
 * Every pending entry the request may read into pd, oldest first; the
 * error of a refused approval (of initiative slug, entry id) beside its
 * entry. Returns 0, or -1 (logged).
 */
static int
pending_collect(struct web_request *req, const struct program *cat, struct pending *pd,
    const char *err_slug, const char *err_id, const char *error)
{
	int team = req->user.role == WEB_MEMBER || req->user.role == WEB_VIEWER;
	struct metrics_settings set;
	struct strbuf err = STRBUF_INIT;
	struct store *st;
	int ret = -1;

	if ((st = web_store(req, &err)) == NULL || app_settings_load(st, cat->slug, &set, &err))
		goto out;
	if ((pd->has_threshold = set.approval_threshold != INT_NONE))
		money_display(set.approval_threshold, pd->threshold);
	for (size_t r = 0; r < cat->initiatives.n; r++) {
		const struct initiative *ci = &cat->initiatives.v[r];
		const struct web_program *wp;
		const struct initiative *in;

		if (team && (req->user.initiative == NULL ||
		    strcmp(req->user.initiative, ci->slug) != 0))
			continue;
		if ((wp = web_initiative_get(req, ci->slug)) == NULL)
			goto out;
		*VEC_PUSH(&pd->held) = wp;
		in = program_initiative(&wp->program, ci->slug);
		for (size_t k = 0; in && k < in->ledger.n; k++) {
			const struct ledger_entry *e = &in->ledger.v[k];
			struct approval_item *it;
			struct approval_org *acted;
			char *by = NULL;

			if (e->status != LSTATUS_PENDING)
				continue;
			if (store_audit_creator(st, in->slug, "ledger", e->id, &by, &err))
				goto out;
			if (by)
				*VEC_PUSH(&pd->copies) = by;
			acted = xcalloc(e->approvals.n + 1, sizeof(*acted));
			*VEC_PUSH(&pd->orgs) = acted;
			for (size_t a = 0; a < e->approvals.n; a++)
				acted[a] = (struct approval_org){ e->approvals.v[a].org.slug,
				    org_name(&wp->program, e->approvals.v[a].org.slug) };
			it = VEC_PUSH(&pd->items);
			*it = (struct approval_item){ .slug = in->slug, .initiative = in->name, .e = e,
			    .funder = e->grant.idx >= 0 && (size_t)e->grant.idx < in->grants.n ?
			    in->grants.v[e->grant.idx].funder : NULL,
			    .recipient = e->recipient.slug ? org_name(&wp->program, e->recipient.slug) :
			    NULL, .entered_by = by, .acted = acted };
			it->may = may_act(req, &wp->program, in, e, &it->nmay);
			*VEC_PUSH(&pd->orgs) = (struct approval_org *)it->may;
			if (err_slug && strcmp(err_slug, in->slug) == 0 && err_id &&
			    strcmp(err_id, e->id) == 0)
				it->error = error;
		}
	}
	ret = 0;
out:
	if (ret)
		fprintf(stderr, "trellis serve: approvals: %s\n", err.buf);
	strbuf_release(&err);
	return ret;
}

/* The page, status 200 (or 422 / 409 with error beside entry slug/id). */
static int
approvals_page(struct web_request *req, struct web_response *res, int status,
    const char *err_slug, const char *err_id, const char *error)
{
	const struct web_program *wp = web_program(req);
	struct pending pd = { 0 };
	struct approvals_page pg;
	struct frame fr;
	struct html h;
	int ret = -1;

	if (wp == NULL)
		return -1;
	if (pending_collect(req, &wp->program, &pd, err_slug, err_id, error))
		goto out;
	page_frame(&fr, req, &wp->program, _("Approvals"), NULL, TAB_NONE);
	pg = (struct approvals_page){ .frame = &fr, .items = pd.items.v, .nitems = pd.items.n,
	    .threshold = pd.has_threshold ? pd.threshold : NULL,
	    .can_act = req->user.role == WEB_ADMIN || req->user.role == WEB_MEMBER,
	    .csrf = req->csrf_token, .error = error };
	/* beside its entry when listed; else (an entry decided already) at the top */
	for (size_t i = 0; i < pd.items.n; i++)
		if (pd.items.v[i].error)
			pg.error = NULL;
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	approvals_page_write(&h, &pg);
	page_send(res, status);
	ret = 0;
out:
	pending_release(&pd);
	return ret;
}

int
h_program_approvals(struct web_request *req, struct web_response *res)
{
	return approvals_page(req, res, 200, NULL, NULL, NULL);
}

int
h_api_program_approvals(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct pending pd = { 0 };
	struct approvals_page pg;
	int ret = -1;

	if (wp == NULL)
		return -1;
	if (pending_collect(req, &wp->program, &pd, NULL, NULL, NULL))
		goto out;
	pg = (struct approvals_page){ .items = pd.items.v, .nitems = pd.items.n };
	if (pd.has_threshold) {
		/* the threshold as a JSON number of dollars */
		struct metrics_settings set;
		struct strbuf err = STRBUF_INIT;
		struct store *st = web_store(req, &err);

		if (st == NULL || app_settings_load(st, wp->program.slug, &set, &err)) {
			strbuf_release(&err);
			goto out;
		}
		money_format(set.approval_threshold, pd.threshold);
		pg.threshold = pd.threshold;
		strbuf_release(&err);
	}
	approvals_json(api_begin(res, 200), &pg);
	ret = 0;
out:
	pending_release(&pd);
	return ret;
}

/* An approval as asked: by the form or the API. */
struct approve {
	const char *org, *verdict, *reason;
	struct model_error e;
	struct strbuf json;		/* the entry after, as the API shows it */
};

/* approve_run's change (app_write_fn), run again from the start after a conflict. */
struct approve_write {
	struct web_request *req;
	struct approve *ap;
	int verdict;
	int r;			/* approve_run's return */
	long i;			/* the entry's index in w->in */
	struct app_change c;
};

static int
approve_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct approve_write *a = arg;
	struct approve *ap = a->ap;

	memset(&ap->e, 0, sizeof(ap->e));
	if ((a->i = app_ledger_find(w->in, a->req->id)) < 0) {
		a->r = -2;
		return 1;
	}
	a->r = app_ledger_approve(w, (size_t)a->i, ap->org, a->verdict, ap->reason, date_today(),
	    web_actor(a->req), a->req->user.organization, &a->c, &ap->e, err);
	if (a->r != APP_OK)
		return records_change_result(a->r);
	/* still pending after the first: the mail to the organizations that may give the second */
	if (approvals_mail(w->s, &w->p, w->in, a->req->id, err)) {
		a->r = APP_ERROR;
		return -1;
	}
	app_write_changed(w);
	return 0;
}

/*
 * Makes the approval in the request's initiative and commits it
 * (approve_change, run again on a conflict). Returns an enum app_result;
 * -2 when the initiative or entry does not exist (404); -3 when a member
 * asks for another organization than its own (403, e says why); -4 when
 * the database gave up (web_busy).
 */
static int
approve_run(struct web_request *req, struct approve *ap)
{
	struct records_write w;
	struct approve_write a = { .req = req, .ap = ap, .r = APP_ERROR, .c = APP_CHANGE_INIT };
	struct strbuf err = STRBUF_INIT;
	const char *own = req->user.organization;
	int run, r;

	memset(&ap->e, 0, sizeof(ap->e));
	a.verdict = ap->verdict ? enum_lookup(verdict_names, VERDICT__MAX, ap->verdict) : -1;
	if (req->user.role == WEB_MEMBER && ap->org && (own == NULL || strcmp(own, ap->org) != 0)) {
		model_error_set(&ap->e, NULL, "org", own ? "you approve for your own organization "
		    "(%s) only" : "your account acts for no organization: an admin sets it "
		    "(Answers proposals for)", own);
		return -3;
	}
	run = records_write_run(req, &w, approve_change, &a, &err);
	if (run == 1 && w.aw.in == NULL)
		r = -2;
	else if (run == -1 && w.aw.gave_up)
		r = -4;
	else
		r = run == -1 ? APP_ERROR : a.r;
	if (run == 0)
		json_write_record(&ap->json, &kind_ledger_entry, &w.aw.in->ledger.v[a.i]);
	if (run == -1 && err.len)
		fprintf(stderr, "trellis serve: approval: %s\n", err.buf);
	app_change_release(&a.c);
	strbuf_release(&err);
	records_write_end(&w);
	return r;
}

/* POST /i/{slug}/ledger/{id}/approvals: org, verdict (approve | reject), reason */
int
h_approval_post(struct web_request *req, struct web_response *res)
{
	struct approve ap = { .json = STRBUF_INIT };
	struct strbuf msg = STRBUF_INIT;
	int r, ret;

	ap.org = web_form(req, "org");
	ap.verdict = web_form(req, "verdict");
	ap.reason = web_form(req, "reason");
	switch ((r = approve_run(req, &ap))) {
	case APP_OK:
		web_redirect(res, "/program/approvals");
		ret = 0;
		break;
	case APP_INVALID:
	case APP_CONFLICT:
		/* beside its entry, the field by its label: "Reason: is required to reject …" */
		if (*ap.e.field) {
			const struct field *f = kind_field(&kind_approval, ap.e.field);

			if (f == NULL)
				f = kind_field(&kind_ledger_entry, ap.e.field);
			if (f)
				form_label(f, &msg);
			else
				strbuf_addstr(&msg, ap.e.field);
			strbuf_addstr(&msg, ": ");
		}
		strbuf_addstr(&msg, ap.e.msg);
		ret = approvals_page(req, res, r == APP_INVALID ? 422 : 409, req->slug, req->id,
		    msg.buf);
		break;
	case -2:
		ret = web_error(res, 404, N_("There is no such ledger entry."));
		break;
	case -3:
		ret = web_error(res, 403, ap.e.msg);
		break;
	case -4:
		ret = web_busy(res);
		break;
	default:
		ret = -1;
		break;
	}
	strbuf_release(&ap.json);
	strbuf_release(&msg);
	return ret;
}

/* POST /api/v1/initiatives/{slug}/ledger/{id}/approvals {org, verdict, reason} */
int
h_api_approval(struct web_request *req, struct web_response *res)
{
	static const char *const names[] = { "org", "verdict", "reason", NULL };
	struct approve ap = { .json = STRBUF_INIT };
	json_t *o;
	int ret;

	if ((o = api_body(req, res)) == NULL)
		return 0;
	memset(&ap.e, 0, sizeof(ap.e));
	if (api_known(o, names, &ap.e) || api_string(o, "org", &ap.org, &ap.e) ||
	    api_string(o, "verdict", &ap.verdict, &ap.e) ||
	    api_string(o, "reason", &ap.reason, &ap.e)) {
		ret = api_refused(res, 422, &ap.e);
		goto out;
	}
	switch (approve_run(req, &ap)) {
	case APP_OK:
		strbuf_add(api_begin(res, 201), ap.json.buf, ap.json.len);
		strbuf_addch(&res->body, '\n');
		ret = 0;
		break;
	case APP_INVALID:
		ret = api_refused(res, 422, &ap.e);
		break;
	case APP_CONFLICT:
		ret = api_refused(res, 409, &ap.e);
		break;
	case -2:
		ret = web_error(res, 404, N_("There is no such ledger entry."));
		break;
	case -3:
		ret = api_refused(res, 403, &ap.e);
		break;
	case -4:
		ret = web_busy(res);
		break;
	default:
		ret = web_error(res, 500, "The approval could not be saved; nothing was written.");
		break;
	}
out:
	json_decref(o);
	strbuf_release(&ap.json);
	return ret;
}
