/*
 * The team's answer to an alert or strength (issue 12):
 * GET /i/{slug}/alerts/{code} shows the alert as raised for the period
 * (?as_of=&months=, as the dashboard), the answer and its actions, and the
 * other periods'; POST the same address (editors) with op=answer (the
 * answer's Markdown), op=action (a new action: title, one owner, due) or
 * op=status (id, status-ID: open, done, dropped). Every write goes the one
 * way (records_write_*: app_add / app_update, audited), and only for an
 * alert or strength raised in the period. Fetch → compute → render: the
 * report says what is raised and the answer (metrics), the view draws it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "records.h"
#include "router.h"
#include "../app/edit.h"
#include "../model/fields.h"
#include "../view/actions.h"
#include "../view/answer_page.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* The raised alert or strength of signal in r, as its observation, question and answer. */
static const struct metrics_answer *
raised(const struct report *r, int signal, const char **obs, const char **question)
{
	*obs = *question = NULL;
	for (size_t i = 0; i < r->alerts.n; i++)
		if (metrics_signal_of_pitfall(r->alerts.v[i].pitfall) == signal) {
			*obs = r->alerts.v[i].observation;
			*question = r->alerts.v[i].question;
			return &r->alerts.v[i].answer;
		}
	for (size_t i = 0; i < r->strengths.n; i++)
		if (metrics_signal_of_practice(r->strengths.v[i].practice) == signal) {
			*obs = r->strengths.v[i].text;
			return &r->strengths.v[i].answer;
		}
	return NULL;
}

static int
cmp_response_period(const void *a, const void *b)
{
	const struct alert_response *x = *(const struct alert_response *const *)a;
	const struct alert_response *y = *(const struct alert_response *const *)b;

	return x->period < y->period ? -1 : x->period > y->period;
}

static int
cmp_action_period(const void *a, const void *b)
{
	const struct action *x = *(const struct action *const *)a;
	const struct action *y = *(const struct action *const *)b;

	if (x->period != y->period)
		return x->period < y->period ? -1 : 1;
	return x < y ? -1 : x > y;	/* document order */
}

/* "/i/SLUG/alerts/CODE?as_of=…&months=…" and the dashboard's address with the same period. */
static void
addresses(const struct initiative *in, int signal, tdate as_of, int months,
    struct strbuf *self, struct strbuf *back)
{
	char d[DATE_BUFSZ];

	date_format(as_of, d);
	strbuf_addf(self, "/i/%s/alerts/%s?as_of=%s&months=%d", in->slug, signal_names[signal], d,
	    months);
	strbuf_addf(back, "/i/%s?as_of=%s&months=%d", in->slug, d, months);
}

/* The page, for p and in as they are (the snapshot, or what a failed write left). */
static int
answer_page(struct web_request *req, struct web_response *res, const struct web_program *wp,
    const struct initiative *in, int signal, tdate as_of, int months,
    const form_errors *errs, const struct form_input *typed, int which)
{
	const struct program *p = &wp->program;
	static const struct metrics_answer none;
	const struct metrics_answer *now;
	const struct alert_response **resp;
	const struct action **acts;
	struct strbuf title = STRBUF_INIT, self = STRBUF_INIT, back = STRBUF_INIT;
	struct answer_page ap;
	struct report r;
	struct frame fr;
	struct html h;
	size_t nr = 0, na = 0;
	const char *obs, *question, *saved = web_query(req, "saved");
	int ret = -1;

	metrics_report_init(&r);
	if (metrics_report(p, in, as_of, months, &wp->settings, &r)) {
		fprintf(stderr, "trellis serve: cannot compute the report of '%s'\n", in->slug);
		goto out;
	}
	if ((now = raised(&r, signal, &obs, &question)) == NULL)
		now = &none;
	resp = xcalloc(in->responses.n + 1, sizeof(*resp));
	acts = xcalloc(in->actions.n + 1, sizeof(*acts));
	for (size_t i = 0; i < in->responses.n; i++)
		if (in->responses.v[i].signal == signal && in->responses.v[i].period != r.period)
			resp[nr++] = &in->responses.v[i];
	for (size_t i = 0; i < in->actions.n; i++)
		if (in->actions.v[i].signal == signal && (in->actions.v[i].period != r.period ||
		    now == &none))
			acts[na++] = &in->actions.v[i];
	qsort(resp, nr, sizeof(*resp), cmp_response_period);
	qsort(acts, na, sizeof(*acts), cmp_action_period);
	addresses(in, signal, as_of, months, &self, &back);
	strbuf_addf(&title, _("%s: the team's answer"), action_signal_title(signal));
	page_frame(&fr, req, p, title.buf, in, TAB_OVERVIEW);
	if ((errs == NULL || errs->n == 0) && saved)
		fr.flash = strcmp(saved, "answer") == 0 ? _("The answer is saved.") :
		    strcmp(saved, "action") == 0 ? _("The action is added.") :
		    strcmp(saved, "status") == 0 ? _("The action's status is changed.") : NULL;
	ap = (struct answer_page){ .frame = &fr, .p = p, .in = in, .signal = signal,
	    .as_of = as_of, .period = r.period, .months = months, .observation = obs,
	    .question = question, .answer = now, .responses = resp, .nresponses = nr,
	    .actions = acts, .nactions = na, .self = self.buf, .back = back.buf,
	    .can_edit = records_may_edit(req), .errs = errs, .typed = typed, .which = which };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	answer_page_write(&h, &ap);
	page_send(res, errs && errs->n ? 422 : 200);
	free(resp);
	free(acts);
	ret = 0;
out:
	metrics_report_release(&r);
	strbuf_release(&title);
	strbuf_release(&self);
	strbuf_release(&back);
	return ret;
}

/* The signal the address names, or -1 with a 404 written. */
static int
request_signal(struct web_request *req, struct web_response *res)
{
	int s = req->id ? enum_lookup(signal_names, SIGNAL__MAX, req->id) : -1;

	if (s < 0)
		web_error(res, 404, N_("There is no such alert or strength."));
	return s;
}

int
h_answer(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;
	struct strbuf base = STRBUF_INIT;
	const char *msg;
	tdate as_of;
	int months, signal, ret;

	if (wp == NULL)
		return -1;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL)
		return web_error(res, 404, "There is no initiative at this address.");
	if ((signal = request_signal(req, res)) < 0)
		return 0;
	if (page_period(req, &wp->program, &as_of, &months, &msg)) {
		strbuf_addf(&base, "/i/%s/alerts/%s", in->slug, signal_names[signal]);
		page_period_refused(res, &wp->program, action_signal_title(signal), in, TAB_OVERVIEW, base.buf);
		strbuf_release(&base);
		return 0;
	}
	ret = answer_page(req, res, wp, in, signal, as_of, months, NULL, NULL, 0);
	strbuf_release(&base);
	return ret;
}

/* A free id "PREFIX-N" for a new record of kind k in in. */
static char *
new_id(const struct program *p, const struct initiative *in, const struct kind *k,
    const char *prefix, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = n + 1;; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s-%zu", prefix, i);
		if (app_record_find(p, in, k, sb.buf) < 0)
			return strbuf_detach(&sb, NULL);
	}
}

/* Moves every field of k from old into rec but the one named keep (what the form changes). */
static void
take_fields(const struct kind *k, void *rec, void *old, const char *keep)
{
	for (int i = 0; i < k->nfields; i++)
		if (strcmp(k->fields[i].name, keep) != 0)
			field_swap(&k->fields[i], rec, old);
}

/* The outcome of one app_add / app_update as form problems. */
static void
result_errors(enum app_result r, const struct model_error *e, const struct strbuf *err,
    form_errors *errs)
{
	if (r == APP_INVALID)
		records_model_error(errs, e);
	else if (r != APP_OK)
		form_error_add(errs, NULL, err->len ? err->buf : _("The change could not be saved."));
}

/*
 * An alert's answer, action or action status, as a write's change
 * (records_write_run): checked against what is stored, then added or
 * updated. Run again from the start after a conflict: the report and the
 * form's problems are made anew each run. 0 to commit, 1 with problems in
 * errs, -1 when the store failed (err).
 */
struct answer_write {
	struct form_input *typed;
	const struct metrics_settings *settings;
	const char *actor;
	int signal, months, which;
	tdate as_of;
	struct report report;
	form_errors *errs;
	struct app_change *c;
	struct model_error *e;
	struct strbuf *scratch;
	enum app_result ar;
};

static int
answer_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct answer_write *a = arg;
	const char *obs, *question;
	const struct metrics_answer *now;

	a->errs->n = 0;
	a->ar = APP_OK;
	memset(a->e, 0, sizeof(*a->e));
	metrics_report_release(&a->report);
	metrics_report_init(&a->report);
	/* the answer belongs to the alert as raised for the period: checked on what is stored now */
	if (metrics_report(&w->p, w->in, a->as_of, a->months, a->settings, &a->report) ||
	    (now = raised(&a->report, a->signal, &obs, &question)) == NULL) {
		form_error_add(a->errs, NULL, _("This alert is not raised for this period: there is "
		    "nothing to answer."));
	} else if (a->which == ANSWER_FORM_TEXT) {
		struct alert_response rec = { 0 };
		const struct field *ft = kind_field(&kind_alert_response, "answer");

		if (form_parse_field(ft, &rec, a->typed, a->errs, "answer") == 0) {
			rec.signal = a->signal;
			rec.period = a->report.period;
			if (now->response) {
				size_t i = (size_t)(now->response - w->in->responses.v);

				take_fields(&kind_alert_response, &rec, &w->in->responses.v[i], "answer");
				a->ar = app_update(w->s, &w->p, w->in, &kind_alert_response, i, &rec,
				    a->actor, a->c, a->e, err);
			} else {
				rec.id = new_id(&w->p, w->in, &kind_alert_response, "r",
				    w->in->responses.n);
				a->ar = app_add(w->s, &w->p, w->in, &kind_alert_response, &rec,
				    a->actor, a->c, a->e, err);
			}
			result_errors(a->ar, a->e, err, a->errs);
		}
		kind_release(&kind_alert_response, &rec);
	} else if (a->which == ANSWER_FORM_ACTION) {
		static const char *const fields[] = { "title", "owner_org", "owner_person", "due" };
		struct action rec = { 0 };
		int bad = 0;

		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			bad += form_parse_field(kind_field(&kind_action, fields[i]), &rec, a->typed,
			    a->errs, fields[i]);
		if (!bad) {
			rec.signal = a->signal;
			rec.period = a->report.period;
			rec.status = ACTION_OPEN;
			rec.id = new_id(&w->p, w->in, &kind_action, "a", w->in->actions.n);
			a->ar = app_add(w->s, &w->p, w->in, &kind_action, &rec, a->actor, a->c,
			    a->e, err);
			result_errors(a->ar, a->e, err, a->errs);
		}
		kind_release(&kind_action, &rec);
	} else {
		const char *id = form_get(a->typed, "id");
		struct action rec = { 0 };
		long i = id ? app_record_find(&w->p, w->in, &kind_action, id) : -1;

		if (i < 0 || w->in->actions.v[i].signal != a->signal) {
			form_error_add(a->errs, NULL, _("There is no such action of this alert."));
		} else {
			strbuf_addf(a->scratch, "status-%s", id);
			if (form_parse_field(kind_field(&kind_action, "status"), &rec, a->typed, a->errs,
			    a->scratch->buf) == 0) {
				take_fields(&kind_action, &rec, &w->in->actions.v[i], "status");
				a->ar = app_update(w->s, &w->p, w->in, &kind_action, (size_t)i, &rec,
				    a->actor, a->c, a->e, err);
				result_errors(a->ar, a->e, err, a->errs);
			}
			strbuf_reset(a->scratch);
		}
		kind_release(&kind_action, &rec);
	}
	if (a->ar == APP_ERROR)
		return -1;
	return a->errs->n ? 1 : 0;
}

int
h_answer_post(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;
	struct records_write w = { 0 };
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct app_change c = APP_CHANGE_INIT;
	struct model_error e;
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT, back = STRBUF_INIT;
	struct answer_write aw;
	const char *op, *msg;
	tdate as_of;
	int months, signal, which = 0, run, ret = -1;

	program_init(&w.aw.p);
	memset(&e, 0, sizeof(e));
	if (wp == NULL)
		goto out;
	ret = 0;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL) {
		web_error(res, 404, "There is no initiative at this address.");
		goto out;
	}
	if ((signal = request_signal(req, res)) < 0)
		goto out;
	if (page_period(req, &wp->program, &as_of, &months, &msg)) {
		web_error(res, 400, msg);
		goto out;
	}
	records_input(req, &typed);
	op = form_get(&typed, "op");
	if (op == NULL || (strcmp(op, "answer") != 0 && strcmp(op, "action") != 0 &&
	    strcmp(op, "status") != 0)) {
		web_error(res, 400, N_("The form says neither op=answer, op=action nor op=status."));
		goto out;
	}
	which = strcmp(op, "answer") == 0 ? ANSWER_FORM_TEXT : strcmp(op, "action") == 0 ?
	    ANSWER_FORM_ACTION : ANSWER_FORM_STATUS;
	aw = (struct answer_write){ .typed = &typed, .settings = &wp->settings,
	    .actor = web_actor(req), .signal = signal, .months = months, .which = which,
	    .as_of = as_of, .errs = &errs, .c = &c, .e = &e, .scratch = &url };
	metrics_report_init(&aw.report);
	run = records_write_run(req, &w, answer_change, &aw, &err);
	metrics_report_release(&aw.report);
	if (run == 1 && w.aw.in == NULL) {
		ret = -1;	/* the initiative is gone */
		goto out;
	}
	if (records_write_busy(req, &w, run, &err, res)) {
		ret = 0;
		goto out;
	}
	if (run == -1 && errs.n == 0)
		form_error_add(&errs, NULL, _("The change could not be saved."));
	if (errs.n)
		ret = answer_page(req, res, wp, in, signal, as_of, months, &errs, &typed, which);
	else {
		addresses(in, signal, as_of, months, &url, &back);
		strbuf_addf(&url, "&saved=%s", op);
		web_redirect(res, url.buf);
	}
out:
	records_write_end(&w);
	app_change_release(&c);
	VEC_FREE(&errs);
	strbuf_release(&err);
	strbuf_release(&url);
	strbuf_release(&back);
	return ret;
}
