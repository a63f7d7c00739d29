/*
 * The program team's pages of issue 13 (items 3–5): /program/checkins,
 * the check-in calendar, and its JSON under /api/v1/program/checkins; the
 * open follow-ups on the program page and their Mark done.
 * Fetch (each initiative's snapshot in turn, held only while used) →
 * compute (metrics/checkins.h) → render (view/checkins_page.h); writes
 * through app/funder.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "funder.h"
#include "page.h"
#include "records.h"
#include "router.h"
#include "../app/funder.h"
#include "../metrics/checkins.h"
#include "../metrics/metrics.h"
#include "../util/vec.h"
#include "../util/xalloc.h"
#include "../io/json.h"
#include "../model/fields.h"
#include "../view/assistance_page.h"
#include "../view/checkins_page.h"
#include "../view/learning_page.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/* The calendar's months and rows, each initiative's check-in ids copied out of its snapshot. */
struct calendar {
	struct checkins_row *rows;
	struct checkin_month *cells;	/* nrows × nmonths */
	char **ids;			/* the copies, one per cell (NULL when none) */
	size_t nrows, nmonths;
};

static void
calendar_release(struct calendar *c)
{
	for (size_t i = 0; c->ids && i < c->nrows * c->nmonths; i++)
		free(c->ids[i]);
	free(c->ids);
	free(c->cells);
	free(c->rows);
	memset(c, 0, sizeof(*c));
}

/*
 * The months of the period ending as_of (page_period's), one row per
 * initiative of the catalog p. Returns 0, or -1 when an initiative cannot
 * be read (logged).
 */
static int
calendar_fill(struct web_request *req, const struct program *p, tdate as_of, int months,
    struct calendar *c)
{
	tdate first = month_start(date_add_months(as_of, -months) + 1), last = month_start(as_of);
	size_t nm = 0;

	for (tdate m = first; m <= last; m = date_add_months(m, 1))
		nm++;
	c->nrows = p->initiatives.n;
	c->nmonths = nm;
	c->rows = xcalloc(c->nrows ? c->nrows : 1, sizeof(*c->rows));
	c->cells = xcalloc(c->nrows * nm + 1, sizeof(*c->cells));
	c->ids = xcalloc(c->nrows * nm + 1, sizeof(*c->ids));
	for (size_t r = 0; r < c->nrows; r++) {
		const struct initiative *ci = &p->initiatives.v[r];
		const struct web_program *wp = web_initiative_get(req, ci->slug);
		const struct initiative *in;
		struct checkin_month *cells = &c->cells[r * nm];

		if (wp == NULL)
			return -1;
		in = program_initiative(&wp->program, ci->slug);
		if (in == NULL) {
			web_program_put(wp);
			fprintf(stderr, "trellis serve: initiative '%s' is not in its snapshot\n", ci->slug);
			return -1;
		}
		metrics_checkin_calendar(in, first, nm, date_today(), cells);
		for (size_t m = 0; m < nm; m++)
			if (cells[m].first_id) {
				c->ids[r * nm + m] = xstrdup(cells[m].first_id);
				cells[m].first_id = c->ids[r * nm + m];
			}
		web_program_put(wp);
		c->rows[r] = (struct checkins_row){ .slug = ci->slug, .name = ci->name,
		    .city = ci->city, .months = cells };
	}
	return 0;
}

int
h_program_checkins(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct calendar cal = { 0 };
	struct strbuf form = STRBUF_INIT;
	struct checkins_page pg;
	struct frame fr;
	struct html h;
	const char *msg;
	tdate as_of;
	int months, ret = -1;

	if (wp == NULL)
		return -1;
	if (page_period(req, &wp->program, &as_of, &months, &msg))
		return page_period_refused(res, &wp->program, _("Check-ins"), NULL, TAB_NONE,
		    "/program/checkins") ? 0 : -1;
	if (calendar_fill(req, &wp->program, as_of, months, &cal))
		goto out;
	html_init(&h, &form);
	page_period_form(&h, "/program/checkins", as_of, months);
	page_frame(&fr, req, &wp->program, _("Check-ins"), NULL, TAB_NONE);
	pg = (struct checkins_page){ .frame = &fr, .period_form = form.buf, .nmonths = cal.nmonths,
	    .rows = cal.rows, .nrows = cal.nrows, .can_add = req->user.role == WEB_ADMIN };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	checkins_page_write(&h, &pg);
	page_send(res, 200);
	ret = 0;
out:
	calendar_release(&cal);
	strbuf_release(&form);
	return ret;
}

int
h_api_program_checkins(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct calendar cal = { 0 };
	struct checkins_page pg;
	const char *msg;
	tdate as_of;
	int months, ret = -1;

	if (wp == NULL)
		return -1;
	if (page_period(req, &wp->program, &as_of, &months, &msg))
		return web_error(res, 400, msg);
	if (calendar_fill(req, &wp->program, as_of, months, &cal))
		goto out;
	pg = (struct checkins_page){ .nmonths = cal.nmonths, .rows = cal.rows, .nrows = cal.nrows };
	res->status = 200;
	res->content_type = "application/json";
	strbuf_reset(&res->body);
	checkins_calendar_json(&res->body, &pg);
	ret = 0;
out:
	calendar_release(&cal);
	return ret;
}

/* ---------------------------------------------------------------- follow-ups */

/* The open follow-ups, their texts copied out of the snapshots they came from. */
struct followups {
	VEC(struct followup_item) v;
	VEC(char *) copies;
};

static const char *
keep(struct followups *f, const char *s)
{
	char *c = xstrdup(s ? s : "");

	*VEC_PUSH(&f->copies) = c;
	return c;
}

static void
followups_release(struct followups *f)
{
	for (size_t i = 0; i < f->copies.n; i++)
		free(f->copies.v[i]);
	VEC_FREE(&f->copies);
	VEC_FREE(&f->v);
}

static int
due_cmp(const void *a, const void *b)
{
	const struct followup_item *x = a, *y = b;

	return x->due < y->due ? -1 : x->due > y->due;
}

/* Every initiative's open follow-ups into f, soonest due first. Returns 0 or -1 (logged). */
static int
followups_collect(struct web_request *req, const struct program *p, struct followups *f)
{
	for (size_t r = 0; r < p->initiatives.n; r++) {
		const struct initiative *ci = &p->initiatives.v[r];
		const struct web_program *wp = web_initiative_get(req, ci->slug);
		const struct initiative *in;

		if (wp == NULL)
			return -1;
		in = program_initiative(&wp->program, ci->slug);
		for (size_t k = 0; in && k < in->checkins.n; k++) {
			const struct checkin *ck = &in->checkins.v[k];

			for (size_t j = 0; j < ck->follow_ups.n; j++) {
				const struct followup *fu = &ck->follow_ups.v[j];
				const struct person *owner = program_person(&wp->program, fu->owner.slug);
				struct followup_item *it;

				if (fu->done)
					continue;
				it = VEC_PUSH(&f->v);
				*it = (struct followup_item){ .slug = ci->slug, .initiative = ci->name,
				    .checkin_id = keep(f, ck->id), .checkin_date = ck->date, .n = j + 1,
				    .text = keep(f, fu->text),
				    .owner = keep(f, owner ? owner->name : fu->owner.slug), .due = fu->due };
			}
		}
		web_program_put(wp);
	}
	if (f->v.n > 1)
		qsort(f->v.v, f->v.n, sizeof(f->v.v[0]), due_cmp);
	return 0;
}

int
funder_followups(struct web_request *req, const struct program *p, struct html *h)
{
	struct followups f = { 0 };
	struct followups_list l;
	int ret = -1;

	if (followups_collect(req, p, &f))
		goto out;
	l = (struct followups_list){ .items = f.v.v, .nitems = f.v.n, .today = date_today(),
	    .can_mark = req->user.role == WEB_ADMIN, .csrf = req->csrf_token, .back = "/" };
	followups_list_write(h, &l);
	ret = 0;
out:
	followups_release(&f);
	return ret;
}

/* A follow-up marked done, as a write's change (records_write_run). */
struct followup_write {
	const char *checkin, *actor;
	size_t n;
	enum app_result r;
	struct app_change *c;
	struct model_error *e;
};

static int
followup_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct followup_write *f = arg;

	memset(f->e, 0, sizeof(*f->e));
	f->r = app_followup_done(w, f->checkin, f->n, f->actor, f->c, f->e, err);
	return records_change_result(f->r);
}

/*
 * POST /i/{slug}/checkins/{id}/done: n, the follow-up's number; back, where
 * to go after (the program page, or the check-in's own page). A follow-up
 * done already, or none such, is 422 with what is wrong.
 */
int
h_followup_done(struct web_request *req, struct web_response *res)
{
	struct records_write w;
	struct app_change c = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	struct model_error e;
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT;
	const char *ns = web_form(req, "n"), *back = web_form(req, "back");
	char *end = NULL;
	unsigned long n = ns ? strtoul(ns, &end, 10) : 0;
	struct followup_write f = { .checkin = req->id, .actor = web_actor(req), .n = (size_t)n,
	    .r = APP_ERROR, .c = &c, .e = &e };
	enum app_result r;
	int run, ret = 0;

	if (ns == NULL || *ns == '\0' || *end != '\0' || n == 0 || n > 10000)
		return web_error(res, 400, N_("n: the follow-up's number (1, 2, …) is missing or not a number."));
	memset(&e, 0, sizeof(e));
	run = records_write_run(req, &w, followup_change, &f, &err);
	if (run == 1 && w.aw.in == NULL) {
		ret = web_error(res, 404, N_("There is no such initiative."));
		goto out;
	}
	if (records_write_busy(req, &w, run, &err, res)) {
		ret = 0;
		goto out;
	}
	switch ((r = records_run_result(run, f.r))) {
	case APP_OK:
		/* back only to this server's pages that list follow-ups */
		if (back && strcmp(back, "/") == 0)
			strbuf_addstr(&url, "/");
		else
			strbuf_addf(&url, "/i/%s/checkins/%s", req->slug, req->id);
		web_redirect(res, url.buf);
		break;
	case APP_INVALID:
		ret = web_error(res, 422, e.msg);
		break;
	default:
		fprintf(stderr, "trellis serve: follow-up done: %s\n", err.buf);
		ret = -1;
		break;
	}
out:
	records_write_end(&w);
	app_change_release(&c);
	strbuf_release(&err);
	strbuf_release(&url);
	return ret;
}

/* ---------------------------------------------------------------- assistance */

/* The program's assistance: per initiative, and every record copied out of its snapshot. */
struct assist {
	struct assistance_total *totals;
	VEC(struct assistance_item) items;
	struct program copies;		/* the records' copies (their initiatives' arrays) */
	VEC(char *) names;
};

static void
assist_release(struct assist *a)
{
	for (size_t i = 0; i < a->names.n; i++)
		free(a->names.v[i]);
	VEC_FREE(&a->names);
	VEC_FREE(&a->items);
	free(a->totals);
	program_release(&a->copies);
}

static int
newest_first(const void *x, const void *y)
{
	const struct assistance_item *a = x, *b = y;

	if (a->a->date != b->a->date)
		return a->a->date > b->a->date ? -1 : 1;
	return strcmp(a->slug, b->slug);
}

/* Returns 0, or -1 (logged). */
static int
assist_collect(struct web_request *req, const struct program *p, struct assist *a)
{
	struct model_error e;

	program_init(&a->copies);
	a->totals = xcalloc(p->initiatives.n + 1, sizeof(*a->totals));
	/* one copy per initiative, so that the records keep their places */
	for (size_t r = 0; r < p->initiatives.n; r++)
		VEC_PUSH(&a->copies.initiatives);
	memset(a->copies.initiatives.v, 0, p->initiatives.n * sizeof(struct initiative));
	for (size_t r = 0; r < p->initiatives.n; r++) {
		const struct initiative *ci = &p->initiatives.v[r];
		const struct web_program *wp = web_initiative_get(req, ci->slug);
		const struct initiative *in;
		struct initiative *cp = &a->copies.initiatives.v[r];

		if (wp == NULL)
			return -1;
		a->totals[r] = (struct assistance_total){ .slug = ci->slug, .name = ci->name,
		    .city = ci->city };
		in = program_initiative(&wp->program, ci->slug);
		for (size_t k = 0; in && k < in->assistance.n; k++) {
			const struct assistance *src = &in->assistance.v[k];
			const struct organization *o = program_org(&wp->program, src->provider.slug);
			struct assistance *dst = VEC_PUSH(&cp->assistance);
			struct strbuf sb = STRBUF_INIT;
			char *name = xstrdup(o ? o->name : src->provider.slug);

			memset(dst, 0, sizeof(*dst));
			json_write_record(&sb, &kind_assistance, src);
			memset(&e, 0, sizeof(e));
			if (json_read_record("assistance", sb.buf, sb.len, &kind_assistance, dst,
			    &a->copies, &e) == -1) {
				fprintf(stderr, "trellis serve: assistance of '%s': %s\n", ci->slug, e.msg);
				strbuf_release(&sb);
				free(name);
				web_program_put(wp);
				return -1;
			}
			strbuf_release(&sb);
			*VEC_PUSH(&a->names) = name;
			a->totals[r].n++;
			a->totals[r].hours += src->hours;
		}
		web_program_put(wp);
	}
	/* the items point into the copies, which no longer grow */
	for (size_t r = 0; r < p->initiatives.n; r++) {
		const struct initiative *cp = &a->copies.initiatives.v[r];

		for (size_t k = 0; k < cp->assistance.n; k++)
			*VEC_PUSH(&a->items) = (struct assistance_item){ .slug = p->initiatives.v[r].slug,
			    .initiative = p->initiatives.v[r].name, .a = &cp->assistance.v[k] };
	}
	for (size_t i = 0; i < a->items.n; i++)
		a->items.v[i].provider = a->names.v[i];
	if (a->items.n > 1)
		qsort(a->items.v, a->items.n, sizeof(a->items.v[0]), newest_first);
	return 0;
}

int
h_program_assistance(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct assist a = { 0 };
	struct assistance_page pg;
	struct frame fr;
	struct html h;
	int ret = -1;

	if (wp == NULL)
		return -1;
	if (assist_collect(req, &wp->program, &a))
		goto out;
	page_frame(&fr, req, &wp->program, _("Technical assistance"), NULL, TAB_NONE);
	pg = (struct assistance_page){ .frame = &fr, .totals = a.totals,
	    .ntotals = wp->program.initiatives.n, .items = a.items.v, .nitems = a.items.n,
	    .can_add = req->user.role == WEB_ADMIN };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	assistance_page_write(&h, &pg);
	page_send(res, 200);
	ret = 0;
out:
	assist_release(&a);
	return ret;
}

int
h_api_program_assistance(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct assist a = { 0 };
	struct assistance_page pg;
	int ret = -1;

	if (wp == NULL)
		return -1;
	if (assist_collect(req, &wp->program, &a))
		goto out;
	pg = (struct assistance_page){ .totals = a.totals, .ntotals = wp->program.initiatives.n,
	    .items = a.items.v, .nitems = a.items.n };
	res->status = 200;
	res->content_type = "application/json";
	strbuf_reset(&res->body);
	assistance_json(&res->body, &pg);
	ret = 0;
out:
	assist_release(&a);
	return ret;
}

/* ---------------------------------------------------------------- learning */

/*
 * The agenda page with the add form as typed (typed, errs may be NULL),
 * status 200 or 422. A member or viewer reads their own initiative's notes
 * only; the others filter with ?initiative=SLUG.
 */
static int
learning_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct form_input *typed, const form_errors *errs)
{
	int team = req->user.role == WEB_MEMBER || req->user.role == WEB_VIEWER;
	const char *filter = team ? req->user.initiative : web_query(req, "initiative");
	struct learning_page pg;
	struct frame fr;
	struct html h;

	if (filter && *filter == '\0')
		filter = NULL;
	if (team && filter == NULL)
		return web_error(res, 404, N_("Your account has no initiative."));
	if (filter && program_initiative(p, filter) == NULL)
		return web_error(res, 400, N_("initiative: there is no initiative of that name to filter by."));
	page_frame(&fr, req, p, _("Learning agenda"), NULL, TAB_NONE);
	pg = (struct learning_page){ .frame = &fr, .p = p, .filter = filter, .own = team,
	    .can_add = req->user.role == WEB_ADMIN || req->user.role == WEB_MEMBER,
	    .can_edit = req->user.role == WEB_ADMIN, .typed = typed, .errs = errs };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	learning_page_write(&h, &pg);
	page_send(res, errs && errs->n ? 422 : 200);
	return 0;
}

int
h_program_learning(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);

	if (wp == NULL)
		return -1;
	return learning_page(req, res, &wp->program, NULL, NULL);
}

/*
 * Checks a team member's note: it is on their initiative alone (set here),
 * and its evidence is of that initiative. Returns the number of problems
 * added to errs.
 */
static int
note_own(struct learning_note *n, const char *own, form_errors *errs)
{
	char path[64];
	int bad = 0;

	for (size_t i = 0; i < n->initiatives.n; i++)
		free(n->initiatives.v[i].slug);
	n->initiatives.n = 0;
	ref_set(VEC_PUSH(&n->initiatives), own);
	for (size_t i = 0; i < n->evidence.n; i++)
		if (n->evidence.v[i].initiative.slug &&
		    strcmp(n->evidence.v[i].initiative.slug, own) != 0) {
			snprintf(path, sizeof(path), "evidence.%zu.initiative", i);
			form_error_add(errs, path, _("A team links evidence of its own initiative only."));
			bad++;
		}
	return bad;
}

/* A figure named by a note's evidence is one of the report's. Returns the problems added. */
static int
note_figures(const struct learning_note *n, form_errors *errs)
{
	char path[64];
	int bad = 0;

	for (size_t i = 0; i < n->evidence.n; i++) {
		const struct evidence *ev = &n->evidence.v[i];
		int f;

		if (ev->kind != EVK_FIGURE || ev->ref == NULL)
			continue;
		for (f = 0; f < FIG__MAX && strcmp(metrics_fig_names[f], ev->ref) != 0; f++)
			;
		if (f == FIG__MAX) {
			snprintf(path, sizeof(path), "evidence.%zu.ref", i);
			form_error_add(errs, path, _("Name a figure of the report, as in its JSON "
			    "(decisions.loop_closure, checkins.coverage, …)."));
			bad++;
		}
	}
	return bad;
}

/* A learning note added, as a write's change: the note copied for each run (it is moved in). */
struct note_write {
	size_t q;
	const struct learning_note *note;
	const char *actor;
	enum app_result r;
	struct app_change *c;
	struct model_error *e;
};

static int
note_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct note_write *n = arg;
	struct learning_note copy;

	memset(n->e, 0, sizeof(*n->e));
	memset(&copy, 0, sizeof(copy));
	kind_copy(&kind_learning_note, &copy, n->note);
	n->r = app_learning_note_add(w, n->q, &copy, n->actor, n->c, n->e, err);
	return records_change_result(n->r);
}

/* POST /program/learning/notes: a note under a question of the agenda. */
int
h_program_learning_post(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct records_write w;
	struct app_change c = { STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	struct learning_note note;
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct model_error e;
	struct strbuf err = STRBUF_INIT;
	const char *qs;
	char *end = NULL;
	unsigned long q;
	struct note_write nw;
	enum app_result r;
	int run, ret = 0;

	memset(&w, 0, sizeof(w));
	program_init(&w.aw.p);
	memset(&note, 0, sizeof(note));
	if (wp == NULL)
		return -1;
	records_input(req, &typed);
	qs = form_get(&typed, "question");
	q = qs ? strtoul(qs, &end, 10) : 0;
	if (qs == NULL || *qs == '\0' || *end != '\0' || q < 1 || q > wp->program.learning.n)
		form_error_add(&errs, "question", _("Choose a question of the agenda."));
	form_parse(&kind_learning_note, &note, &typed, &errs);
	if (req->user.role == WEB_MEMBER)
		note_own(&note, req->user.initiative, &errs);
	note_figures(&note, &errs);
	if (errs.n) {
		ret = learning_page(req, res, &wp->program, &typed, &errs);
		goto out;
	}
	nw = (struct note_write){ .q = (size_t)q - 1, .note = &note, .actor = web_actor(req),
	    .r = APP_ERROR, .c = &c, .e = &e };
	run = records_write_run(req, &w, note_change, &nw, &err);
	if (records_write_busy(req, &w, run, &err, res)) {
		ret = 0;
		goto out;
	}
	switch ((r = records_run_result(run, nw.r))) {
	case APP_OK:
		web_redirect(res, "/program/learning");
		break;
	case APP_INVALID:
		records_model_error(&errs, &e);
		ret = learning_page(req, res, &wp->program, &typed, &errs);
		break;
	default:
		fprintf(stderr, "trellis serve: learning note: %s\n", err.buf);
		form_error_add(&errs, NULL, _("The note could not be saved."));
		ret = learning_page(req, res, &wp->program, &typed, &errs);
		break;
	}
out:
	records_write_end(&w);
	kind_release(&kind_learning_note, &note);
	VEC_FREE(&errs);
	app_change_release(&c);
	strbuf_release(&err);
	return ret;
}
