/*
 * Proposals (docs/proposals.md): the pages under /i/{slug}/proposals and
 * the API under /api/v1/initiatives/{slug}/proposals. Each handler is
 * fetch (the initiative's snapshot, or the write's own load) → compute →
 * render (src/view/proposals.c, or JSON). A change goes through the one
 * write path: app_proposal_open / _answer / _close (src/app/proposals.c)
 * inside records_write_begin, the event's mail queued (mail/proposals.c)
 * in the same transaction, then committed.
 *
 * Access is the route table's: readers read, editors (admins and the
 * initiative's members) open, answer and close; another initiative's
 * member gets 404.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <jansson.h>

#include "records.h"
#include "router.h"
#include "../app/proposals.h"
#include "../io/json.h"
#include "../mail/mail.h"
#include "../model/fields.h"
#include "../view/proposals.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* ---------------------------------------------------------------- the change */

enum pw_op { PW_OPEN, PW_ANSWER, PW_CLOSE };

/* One change of a proposal, as the form or the API asks for it. */
struct pw {
	enum pw_op op;
	struct proposal *open;		/* PW_OPEN: the new proposal's fields (copied for each run), or */
	const char *open_json;		/* them as a trellis/1 proposal (the API), read in the write */
	const char *id;			/* PW_ANSWER, PW_CLOSE: the proposal */
	const char *org, *reason;	/* PW_ANSWER */
	int stance;
	const char *outcome;		/* PW_CLOSE */
	tdate decided;
	/* what it did */
	struct strbuf done_id;		/* the proposal's id */
	struct strbuf decision;		/* PW_CLOSE: the decision's id */
	struct strbuf json;		/* the proposal as it is now, as the API shows it */
	struct model_error e;
};

static void proposal_json(struct strbuf *out, const struct proposal *pr);

/* The mail of the event pr (in in) had, queued in the open write of w. */
static int
pw_mail(struct app_write *w, const struct initiative *in, const struct proposal *pr,
    enum mail_proposal_event ev, struct strbuf *err)
{
	struct mail_proposal mp = {
		.event = ev, .rowid = pr->rowid, .program = w->p.slug, .slug = in->slug,
		.initiative = in->name,
		.id = pr->id, .title = pr->title, .body = pr->body, .closes = pr->closes,
		.decided = pr->decided, .outcome = pr->outcome, .decision = pr->decision,
	};
	size_t n;

	return mail_proposal_queue(w->s, web_db_path(), web_mail_base_url(), &mp, time(NULL),
	    &n, err);
}

/* pw_run's change (app_write_fn), run again from the start after a conflict. */
struct pw_write {
	struct web_request *req;
	struct pw *pw;
	int r;			/* pw_run's return */
	size_t i;		/* the proposal's index in w->in */
	struct app_change c;
};

static int
pw_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct pw_write *a = arg;
	struct pw *pw = a->pw;
	const char *actor = web_actor(a->req);
	tdate today = date_today();
	struct proposal *open = NULL;
	struct initiative *in = w->in;
	long found;

	memset(&pw->e, 0, sizeof(pw->e));
	strbuf_reset(&pw->decision);
	a->i = 0;
	a->r = APP_ERROR;
	if (pw->op != PW_OPEN) {
		if ((found = app_proposal_find(in, pw->id)) < 0) {
			a->r = -2;
			return 1;
		}
		a->i = (size_t)found;
	}
	switch (pw->op) {
	case PW_OPEN:
		/* a copy for each run: app_proposal_open takes it */
		open = xcalloc(1, sizeof(*open));
		if (pw->open_json) {
			/* checked as an import checks a proposal, its file named in w's program */
			if (json_read_record("request", pw->open_json, strlen(pw->open_json),
			    &kind_proposal, open, &w->p, &pw->e)) {
				a->r = APP_INVALID;
				break;
			}
		} else
			kind_copy(&kind_proposal, open, pw->open);
		a->r = app_proposal_open(w, open, today, actor, &a->i, &a->c, &pw->e, err);
		break;
	case PW_ANSWER:
		a->r = app_proposal_answer(w, a->i, pw->org, pw->stance, pw->reason, today, actor,
		    a->req->user.organization, &a->c, &pw->e, err);
		break;
	case PW_CLOSE:
		a->r = app_proposal_close(w, a->i, pw->outcome, pw->decided, actor, &pw->decision,
		    &pw->e, err);
		break;
	}
	if (open) {
		kind_release(&kind_proposal, open);
		free(open);
	}
	if (a->r != APP_OK)
		return a->r == APP_ERROR ? -1 : 1;
	in = w->in;
	if (pw->op != PW_ANSWER && pw_mail(w, in, &in->proposals.v[a->i],
	    pw->op == PW_OPEN ? MAIL_PROPOSAL_OPENED : MAIL_PROPOSAL_CLOSED, err)) {
		a->r = APP_ERROR;
		return -1;
	}
	app_write_changed(w);
	return 0;
}

/*
 * Makes the change pw asks for in the request's initiative and commits it
 * with its mail (pw_change, run again on a conflict). Returns an enum
 * app_result, -2 when the initiative or the proposal does not exist (404),
 * or -3 when the database gave up (web_busy); pw->e says what is wrong.
 */
static int
pw_run(struct web_request *req, struct pw *pw)
{
	struct records_write w;
	struct pw_write a = { .req = req, .pw = pw, .r = APP_ERROR, .c = APP_CHANGE_INIT };
	struct strbuf err = STRBUF_INIT;
	struct initiative *in;
	int run, r;

	memset(&pw->e, 0, sizeof(pw->e));
	run = records_write_run(req, &w, pw_change, &a, &err);
	if (run == 1 && w.aw.in == NULL)
		r = -2;
	else if (run == -1 && w.aw.gave_up)
		r = -3;
	else if (run == -1)
		r = APP_ERROR;
	else
		r = a.r;
	if (run == 0) {
		in = w.aw.in;
		strbuf_addstr(&pw->done_id, in->proposals.v[a.i].id);
		proposal_json(&pw->json, &in->proposals.v[a.i]);
	}
	if (run == -1)
		fprintf(stderr, "trellis serve: proposal: %s\n", err.buf);
	app_change_release(&a.c);
	strbuf_release(&err);
	records_write_end(&w);
	return r;
}

static void
pw_release(struct pw *pw)
{
	if (pw->open) {
		kind_release(&kind_proposal, pw->open);
		free(pw->open);
	}
	strbuf_release(&pw->done_id);
	strbuf_release(&pw->decision);
	strbuf_release(&pw->json);
}

#define PW_INIT { .done_id = STRBUF_INIT, .decision = STRBUF_INIT, .json = STRBUF_INIT, \
	.decided = DATE_NONE }

/* ---------------------------------------------------------------- the pages */

/* The request's initiative in its snapshot, or NULL with 404 (or 500) answered. */
static const struct initiative *
page_initiative(struct web_request *req, struct web_response *res, const struct program **p)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;

	if (wp == NULL)
		return NULL;
	*p = &wp->program;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL)
		web_error(res, 404, "There is no initiative at this address.");
	return in;
}

/* GET /i/{slug}/proposals */
int
h_proposals(struct web_request *req, struct web_response *res)
{
	const struct program *p = NULL;
	const struct initiative *in = page_initiative(req, res, &p);
	struct proposals_page pp;
	struct frame fr;
	struct html h;

	if (in == NULL)
		return p ? 0 : -1;
	page_frame(&fr, req, p, _("Proposals"), in, TAB_DECISIONS);
	pp = (struct proposals_page){ .frame = &fr, .p = p, .in = in,
	    .can_edit = records_may_edit(req) };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	proposals_list_write(&h, &pp);
	page_send(res, 200);
	return 0;
}

static int
new_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const form_errors *errs, const struct form_input *typed)
{
	struct proposal_new_page pp;
	struct frame fr;
	struct html h;

	page_frame(&fr, req, p, _("Open a proposal"), in, TAB_DECISIONS);
	pp = (struct proposal_new_page){ .frame = &fr, .p = p, .in = in, .errs = errs,
	    .typed = typed };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	proposal_new_write(&h, &pp);
	page_send(res, errs && errs->n ? 422 : 200);
	return 0;
}

/* GET /i/{slug}/proposals/new */
int
h_proposal_new(struct web_request *req, struct web_response *res)
{
	const struct program *p = NULL;
	const struct initiative *in = page_initiative(req, res, &p);

	if (in == NULL)
		return p ? 0 : -1;
	return new_page(req, res, p, in, NULL, NULL);
}

static int
proposal_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const struct proposal *pr, enum proposal_form which,
    const form_errors *errs, const struct form_input *typed, int status)
{
	struct proposal_page pp;
	struct frame fr;
	struct html h;

	page_frame(&fr, req, p, pr->title, in, TAB_DECISIONS);
	if (web_query(req, "saved") && (errs == NULL || errs->n == 0))
		fr.flash = pr->decided != DATE_NONE ? _("The proposal is closed and its decision "
		    "recorded.") : _("Saved.");
	pp = (struct proposal_page){ .frame = &fr, .p = p, .in = in, .pr = pr,
	    .can_edit = records_may_edit(req), .own_org = req->user.organization,
	    .today = date_today(), .which = which, .errs = errs, .typed = typed };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	proposal_page_write(&h, &pp);
	page_send(res, status);
	return 0;
}

/*
 * The proposal the request names (its {id}) in the request's initiative,
 * with that initiative and its program; NULL when there is none, the
 * answer then made and *ret what the handler returns.
 */
static const struct proposal *
request_proposal(struct web_request *req, struct web_response *res, const struct program **p,
    const struct initiative **in, int *ret)
{
	long i;

	*p = NULL;
	if ((*in = page_initiative(req, res, p)) == NULL) {
		*ret = *p ? 0 : -1;
		return NULL;
	}
	if ((i = app_proposal_find(*in, req->id)) < 0) {
		*ret = web_error(res, 404, N_("There is no such proposal."));
		return NULL;
	}
	return &(*in)->proposals.v[i];
}

/* GET /i/{slug}/proposals/{id} */
int
h_proposal(struct web_request *req, struct web_response *res)
{
	const struct program *p;
	const struct initiative *in;
	const struct proposal *pr;
	int ret;

	if ((pr = request_proposal(req, res, &p, &in, &ret)) == NULL)
		return ret;
	return proposal_page(req, res, p, in, pr, PROPOSAL_FORM_NONE, NULL, NULL, 200);
}

/* The page after a change: the proposal, ?saved=1. */
static void
redirect_to(struct web_response *res, const char *slug, const char *id)
{
	struct strbuf url = STRBUF_INIT;

	strbuf_addf(&url, "/i/%s/proposals/%s?saved=1", slug, id);
	web_redirect(res, url.buf);
	strbuf_release(&url);
}

/* POST /i/{slug}/proposals: the open form */
int
h_proposal_create(struct web_request *req, struct web_response *res)
{
	const struct program *p = NULL;
	const struct initiative *in = page_initiative(req, res, &p);
	struct pw pw = PW_INIT;
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct field f[PROPOSAL_OPEN_FIELDS];
	struct kind k;
	int r, ret = 0;

	if (in == NULL)
		return p ? 0 : -1;
	proposal_open_kind(&k, f);
	records_input(req, &typed);
	pw.op = PW_OPEN;
	pw.open = xcalloc(1, sizeof(*pw.open));
	if (form_parse(&k, pw.open, &typed, &errs)) {
		ret = new_page(req, res, p, in, &errs, &typed);
		goto out;
	}
	r = pw_run(req, &pw);
	if (r == APP_OK)
		redirect_to(res, in->slug, pw.done_id.buf);
	else if (r == APP_INVALID) {
		records_model_error(&errs, &pw.e);
		ret = new_page(req, res, p, in, &errs, &typed);
	} else if (r == -2)
		ret = web_error(res, 404, "There is no initiative at this address.");
	else if (r == -3)
		ret = web_busy(res);
	else
		ret = -1;
out:
	VEC_FREE(&errs);
	pw_release(&pw);
	return ret;
}

/* The page of the proposal a form posted to, after a refused change (422, 409). */
static int
form_refused(struct web_request *req, struct web_response *res, struct pw *pw,
    enum proposal_form which, struct form_input *typed, form_errors *errs, int status)
{
	const struct program *p;
	const struct initiative *in;
	const struct proposal *pr;
	int ret;

	if ((pr = request_proposal(req, res, &p, &in, &ret)) == NULL)
		return ret;
	if (pw)
		records_model_error(errs, &pw->e);
	return proposal_page(req, res, p, in, pr, which, errs, typed, status);
}

/* What a form's change came to: the redirect, or the page again with the problem. */
static int
form_result(struct web_request *req, struct web_response *res, struct pw *pw, int r,
    enum proposal_form which, struct form_input *typed)
{
	form_errors errs = { NULL, 0, 0 };
	int ret;

	switch (r) {
	case APP_OK:
		redirect_to(res, req->slug, pw->done_id.buf);
		ret = 0;
		break;
	case APP_INVALID:
		ret = form_refused(req, res, pw, which, typed, &errs, 422);
		break;
	case APP_CONFLICT:
		ret = form_refused(req, res, pw, which, typed, &errs, 409);
		break;
	case -2:
		ret = web_error(res, 404, N_("There is no such proposal."));
		break;
	case -3:
		ret = web_busy(res);
		break;
	default:
		ret = -1;
		break;
	}
	VEC_FREE(&errs);
	return ret;
}

/* POST /i/{slug}/proposals/{id}/answers: the answer form */
int
h_proposal_answer_post(struct web_request *req, struct web_response *res)
{
	struct pw pw = PW_INIT;
	struct form_input typed;
	const char *ans = web_form(req, "answer");
	int r;

	records_input(req, &typed);
	pw.op = PW_ANSWER;
	pw.id = req->id;
	pw.org = web_form(req, "org");
	pw.reason = web_form(req, "reason");
	pw.stance = ans ? enum_lookup(stance_names, STANCE__MAX, ans) : -1;
	r = pw_run(req, &pw);
	r = form_result(req, res, &pw, r, PROPOSAL_FORM_ANSWER, &typed);
	pw_release(&pw);
	return r;
}

/* POST /i/{slug}/proposals/{id}/close: the close form */
int
h_proposal_close_post(struct web_request *req, struct web_response *res)
{
	struct pw pw = PW_INIT;
	struct form_input typed;
	const char *decided = web_form(req, "decided");
	form_errors errs = { NULL, 0, 0 };
	int r;

	records_input(req, &typed);
	pw.op = PW_CLOSE;
	pw.id = req->id;
	pw.outcome = web_form(req, "outcome");
	if (decided && *decided && date_parse(decided, &pw.decided)) {
		form_error_add(&errs, "decided", _("is not a date: give it as YYYY-MM-DD"));
		r = form_refused(req, res, NULL, PROPOSAL_FORM_CLOSE, &typed, &errs, 422);
		goto out;
	}
	r = pw_run(req, &pw);
	r = form_result(req, res, &pw, r, PROPOSAL_FORM_CLOSE, &typed);
out:
	VEC_FREE(&errs);
	pw_release(&pw);
	return r;
}

/* ---------------------------------------------------------------- the API */

/* One proposal as trellis/1 writes it, with its tally of the standing answers. */
static void
proposal_json(struct strbuf *out, const struct proposal *pr)
{
	struct proposal_tally t;

	json_write_record(out, &kind_proposal, pr);
	assert(out->len > 0 && out->buf[out->len - 1] == '}');
	strbuf_setlen(out, out->len - 1);
	proposal_tally(pr, &t);
	strbuf_addf(out, ", \"tally\": {\"agree\": %zu, \"concerns\": %zu, \"object\": %zu,"
	    " \"not_answered\": %zu}}", t.n[STANCE_AGREE], t.n[STANCE_CONCERNS],
	    t.n[STANCE_OBJECT], t.waiting);
}

/* GET /api/v1/initiatives/{slug}/proposals */
int
h_api_proposals(struct web_request *req, struct web_response *res)
{
	const struct program *p = NULL;
	const struct initiative *in = page_initiative(req, res, &p);
	struct strbuf *out;

	if (in == NULL)
		return p ? 0 : -1;
	out = api_begin(res, 200);
	strbuf_addstr(out, "{\"initiative\": ");
	json_write_string(out, in->slug);
	strbuf_addstr(out, ", \"kind\": \"proposals\",\n \"records\": [");
	for (size_t i = 0; i < in->proposals.n; i++) {
		strbuf_addstr(out, i ? ",\n  " : "\n  ");
		proposal_json(out, &in->proposals.v[i]);
	}
	strbuf_addstr(out, "]}\n");
	return 0;
}

/* GET /api/v1/initiatives/{slug}/proposals/{id} */
int
h_api_proposal(struct web_request *req, struct web_response *res)
{
	const struct program *p;
	const struct initiative *in;
	const struct proposal *pr;
	int ret;

	if ((pr = request_proposal(req, res, &p, &in, &ret)) == NULL)
		return ret;
	proposal_json(api_begin(res, 200), pr);
	strbuf_addch(&res->body, '\n');
	return 0;
}

/* What an API change came to: the proposal (201 or 200), or the problem. */
static int
api_result(struct web_request *req, struct web_response *res, struct pw *pw, int r, int ok)
{
	struct strbuf loc = STRBUF_INIT;

	switch (r) {
	case APP_OK:
		break;
	case APP_INVALID:
		return api_refused(res, 422, &pw->e);
	case APP_CONFLICT:
		return api_refused(res, 409, &pw->e);
	case -2:
		return web_error(res, 404, req->id ? N_("There is no such proposal.") :
		    N_("There is no initiative at this address."));
	case -3:
		return web_busy(res);
	default:
		return web_error(res, 500, "The change could not be saved; nothing was written.");
	}
	strbuf_add(api_begin(res, ok), pw->json.buf, pw->json.len);
	strbuf_addch(&res->body, '\n');
	if (pw->op == PW_OPEN) {
		strbuf_addf(&loc, "/api/v1/initiatives/%s/proposals/%s", req->slug, pw->done_id.buf);
		web_header_add(res, "Location", web_url(req, loc.buf));
	}
	strbuf_release(&loc);
	return 0;
}

/* POST /api/v1/initiatives/{slug}/proposals {title, body, category, closes, asked, decider} */
int
h_api_proposal_open(struct web_request *req, struct web_response *res)
{
	static const char *const names[] = {
		"title", "body", "category", "closes", "asked", "decider", NULL,
	};
	struct pw pw = PW_INIT;
	struct model_error e;
	char *text = NULL;
	char today[DATE_BUFSZ];
	json_t *o;
	int r;

	if ((o = api_body(req, res)) == NULL)
		return 0;
	if (api_known(o, names, &e)) {
		r = api_refused(res, 422, &e);
		goto out;
	}
	/* read as a trellis/1 proposal, so every field is checked as an import checks it */
	date_format(date_today(), today);
	json_object_set_new(o, "id", json_string("new"));
	json_object_set_new(o, "opened", json_string(today));
	text = json_dumps(o, JSON_COMPACT);
	pw.op = PW_OPEN;
	pw.open_json = text;
	r = api_result(req, res, &pw, pw_run(req, &pw), 201);
out:
	free(text);
	json_decref(o);
	pw_release(&pw);
	return r;
}

/* POST /api/v1/initiatives/{slug}/proposals/{id}/answers {org, answer, reason} */
int
h_api_proposal_answer(struct web_request *req, struct web_response *res)
{
	static const char *const names[] = { "org", "answer", "reason", NULL };
	struct pw pw = PW_INIT;
	struct model_error e;
	const char *ans;
	json_t *o;
	int r;

	if ((o = api_body(req, res)) == NULL)
		return 0;
	if (api_known(o, names, &e) || api_string(o, "org", &pw.org, &e) ||
	    api_string(o, "answer", &ans, &e) || api_string(o, "reason", &pw.reason, &e)) {
		r = api_refused(res, 422, &e);
		goto out;
	}
	pw.op = PW_ANSWER;
	pw.id = req->id;
	pw.stance = ans ? enum_lookup(stance_names, STANCE__MAX, ans) : -1;
	r = api_result(req, res, &pw, pw_run(req, &pw), 201);
out:
	json_decref(o);
	pw_release(&pw);
	return r;
}

/* POST /api/v1/initiatives/{slug}/proposals/{id}/close {outcome, decided} */
int
h_api_proposal_close(struct web_request *req, struct web_response *res)
{
	static const char *const names[] = { "outcome", "decided", NULL };
	struct pw pw = PW_INIT;
	struct model_error e;
	const char *decided;
	json_t *o;
	int r;

	if ((o = api_body(req, res)) == NULL)
		return 0;
	if (api_known(o, names, &e) || api_string(o, "outcome", &pw.outcome, &e) ||
	    api_string(o, "decided", &decided, &e)) {
		r = api_refused(res, 422, &e);
		goto out;
	}
	if (decided && date_parse(decided, &pw.decided)) {
		model_error_set(&e, NULL, "decided", "'%.100s' is not a date (YYYY-MM-DD)", decided);
		r = api_refused(res, 422, &e);
		goto out;
	}
	pw.op = PW_CLOSE;
	pw.id = req->id;
	r = api_result(req, res, &pw, pw_run(req, &pw), 200);
out:
	json_decref(o);
	pw_release(&pw);
	return r;
}
