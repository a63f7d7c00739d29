/*
 * The Network tab (DESIGN §4, issue 5 points 4 and 5):
 *
 *	GET  /i/{slug}/network		the map of the period, the network.*
 *					figures in words, and for editors the
 *					rating form of one organization
 *	GET  /i/{slug}/network/map	the same map as an SVG file (a download)
 *	POST /i/{slug}/network		one organization's ratings of the others:
 *					one tie record per organization rated
 *
 * The ratings of one form are kept all together or not at all: each new
 * tie goes through app_add inside the one write of the request
 * (records_write, app/write.h), with its own audit log entry, and the
 * write commits only when every one of them was valid; on any failure it
 * is rolled back and nothing was written.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records.h"
#include "router.h"
#include "../io/json.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../view/network_page.h"
#include "../view/network_svg.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/* Whether org is a current member of in. */
static int
is_current_member(const struct initiative *in, const char *org)
{
	for (size_t i = 0; i < in->members.n; i++)
		if (network_member_current(&in->members.v[i]) &&
		    strcmp(in->members.v[i].org.slug, org) == 0)
			return 1;
	return 0;
}

/* Computes the report of the request's period into r; answers res itself on a bad period. */
static int
period_report(struct web_request *req, struct web_response *res, const struct web_program *wp,
    const struct initiative *in, struct report *r, int *answered)
{
	const char *msg;
	tdate as_of;
	int months;

	*answered = 0;
	if (page_period(req, &wp->program, &as_of, &months, &msg)) {
		struct strbuf action = STRBUF_INIT;

		/* the message beside the field, in the frame (page.h) */
		*answered = 1;
		strbuf_addf(&action, "/i/%s/network", in->slug);
		page_period_refused(res, &wp->program, _("Network"), in, TAB_NETWORK, action.buf);
		strbuf_release(&action);
		return 0;
	}
	if (metrics_report(&wp->program, in, as_of, months, &wp->settings, r)) {
		fprintf(stderr, "trellis serve: cannot compute the report of '%s'\n", in->slug);
		return -1;
	}
	return 0;
}

/*
 * The page, with the rating form of rater (NULL: only the picker) and a
 * form that came back: fetch (the period's report), compute (the groups
 * without the backbone), render (view/network_page.c) in the frame.
 */
static int
network_page_answer(struct web_request *req, struct web_response *res,
    const struct web_program *wp, const struct initiative *in, const char *rater,
    const struct form_input *typed, const form_errors *errs)
{
	const struct program *p = &wp->program;
	struct network_page np = { 0 };
	struct report r;
	struct page pg;
	struct strbuf base = STRBUF_INIT;
	int *groups = NULL;
	int answered, ret = -1;

	metrics_report_init(&r);
	if (period_report(req, res, wp, in, &r, &answered) || answered) {
		ret = answered ? 0 : -1;
		goto out;
	}
	groups = xcalloc((size_t)r.network.n + 1, sizeof(*groups));
	np.largest = metrics_network_groups(&r.network, groups);
	np.p = p;
	np.in = in;
	np.r = &r;
	np.groups = groups;
	np.can_rate = records_may_edit(req);
	np.rater = rater;
	np.csrf = req->csrf_token;
	np.typed = typed;
	np.errs = errs;

	page_begin(&pg, res, p, _("Network"), in, TAB_NETWORK);
	if (errs && errs->n)
		res->status = 422;
	network_page_intro(&pg.h);
	strbuf_addf(&base, "/i/%s/network", in->slug);
	page_period_form(&pg.h, base.buf, r.as_of, r.months);
	network_page(&pg.h, &np);
	page_end(&pg);
	ret = 0;
out:
	metrics_report_release(&r);
	free(groups);
	strbuf_release(&base);
	return ret;
}

/* GET /i/{slug}/network */
int
h_network(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;
	const char *rater;

	if (wp == NULL)
		return -1;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL)
		return web_error(res, 404, N_("There is no initiative at this address."));
	rater = web_query(req, "rater");
	if (rater && !is_current_member(in, rater))
		return web_error(res, 404, N_("That organization is not on the team."));
	return network_page_answer(req, res, wp, in, rater, NULL, NULL);
}

/* GET /i/{slug}/network/map: the map as a file; the same bytes for the same data. */
int
h_network_map(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;
	struct report r;
	struct html h;
	struct strbuf id = STRBUF_INIT, cd = STRBUF_INIT;
	char dbuf[DATE_BUFSZ];
	int answered, ret;

	if (wp == NULL)
		return -1;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL)
		return web_error(res, 404, N_("There is no initiative at this address."));
	metrics_report_init(&r);
	if ((ret = period_report(req, res, wp, in, &r, &answered)) != 0 || answered)
		goto out;
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	html_raw(&h, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	strbuf_addf(&id, "net-%s", in->slug);
	network_svg(&h, &wp->program, &r.network, id.buf);
	html_raw(&h, "\n");
	res->status = 200;
	res->content_type = "image/svg+xml";
	strbuf_addf(&cd, "attachment; filename=\"%s-network-%s.svg\"", in->slug,
	    date_format(r.as_of, dbuf));
	web_header_add(res, "Content-Disposition", cd.buf);
out:
	metrics_report_release(&r);
	strbuf_release(&id);
	strbuf_release(&cd);
	return ret;
}

/*
 * Reads the ratings of the form into ties (from rater, dated date) for every
 * organization with a frequency. Returns the number of problems added to errs.
 */
static size_t
parse_ratings(const struct initiative *in, const char *rater, const struct form_input *typed,
    struct tie **out, size_t *nout, form_errors *errs)
{
	const struct field *fdate = kind_field(&kind_tie, "date");
	const struct field *ffreq = kind_field(&kind_tie, "frequency");
	struct strbuf path = STRBUF_INIT;
	struct tie proto;
	size_t before = errs->n;

	memset(&proto, 0, sizeof(proto));
	form_parse_field(fdate, &proto, typed, errs, "date");
	*out = xcalloc(in->members.n + 1, sizeof(**out));
	*nout = 0;
	for (size_t i = 0; i < in->members.n; i++) {
		const char *to = in->members.v[i].org.slug, *v;
		struct tie *t = &(*out)[*nout];
		int given = 0;

		if (!network_member_current(&in->members.v[i]) || strcmp(to, rater) == 0)
			continue;
		memset(t, 0, sizeof(*t));
		for (size_t r = 0; r < NETWORK_NRATINGS; r++) {
			strbuf_reset(&path);
			strbuf_addf(&path, "%s.%s", to, network_ratings[r].field);
			if ((v = form_get(typed, path.buf)) != NULL && *v)
				given = 1;
			form_parse_field(kind_field(&kind_tie, network_ratings[r].field), t, typed, errs, path.buf);
		}
		strbuf_reset(&path);
		strbuf_addf(&path, "%s.frequency", to);
		if ((v = form_get(typed, path.buf)) == NULL || *v == '\0') {
			if (given)
				form_error_add(errs, path.buf,
				    _("Say how closely you work together, or set the ratings back to \"not rated\"."));
			continue;
		}
		form_parse_field(ffreq, t, typed, errs, path.buf);
		t->date = proto.date;
		t->from.slug = xstrdup(rater);
		t->to.slug = xstrdup(to);
		(*nout)++;
	}
	if (errs->n == before && *nout == 0)
		form_error_add(errs, NULL,
		    _("No organization was rated: choose how closely you work with at least one."));
	strbuf_release(&path);
	return errs->n - before;
}

/*
 * The new ties of a rating form as a write's change (records_write_run):
 * each through the one write path, all in the write's one transaction,
 * kept together by the commit or none of them. Each run adds copies (app_add
 * takes what it is given), and starts with no problems: 0 to commit, 1
 * with a problem in errs, -1 when the store failed.
 */
struct ties_write {
	const struct tie *ties;
	size_t n;
	const char *actor;
	form_errors *errs;
};

static int
ties_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct ties_write *t = arg;

	t->errs->n = 0;
	for (size_t i = 0; i < t->n; i++) {
		struct app_change c = APP_CHANGE_INIT;
		struct model_error e;
		struct tie tie;
		enum app_result r;

		memset(&e, 0, sizeof(e));
		memset(&tie, 0, sizeof(tie));
		kind_copy(&kind_tie, &tie, &t->ties[i]);
		r = app_add(w->s, &w->p, w->in, &kind_tie, &tie, t->actor, &c, &e, err);
		app_change_release(&c);
		if (r == APP_ERROR)
			return -1;
		if (r != APP_OK) {
			form_error_add(t->errs, NULL, e.msg);
			return 1;
		}
		app_write_changed(w);
	}
	return 0;
}

/* POST /i/{slug}/network: the ratings of one organization, all kept or none. */
int
h_network_rate(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;
	struct records_write w = { 0 };
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT;
	struct tie *ties = NULL;
	size_t nties = 0;
	const char *rater;
	struct ties_write tw;
	int run, ret = -1;

	program_init(&w.aw.p);
	if (wp == NULL)
		goto out;
	ret = 0;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL) {
		web_error(res, 404, N_("There is no initiative at this address."));
		goto out;
	}
	records_input(req, &typed);
	rater = form_get(&typed, "from");
	if (rater == NULL || !is_current_member(in, rater)) {
		web_error(res, 400, N_("Choose the organization giving the ratings: it must be on the team."));
		goto out;
	}
	if (parse_ratings(in, rater, &typed, &ties, &nties, &errs)) {
		ret = network_page_answer(req, res, wp, in, rater, &typed, &errs);
		goto out;
	}
	tw = (struct ties_write){ .ties = ties, .n = nties, .actor = web_actor(req), .errs = &errs };
	if ((run = records_write_run(req, &w, ties_change, &tw, &err)) == 1 && w.aw.in == NULL) {
		ret = -1;	/* the initiative is gone */
		goto out;
	}
	if (records_write_busy(req, &w, run, &err, res)) {
		ret = 0;
		goto out;
	}
	if (run == -1) {
		fprintf(stderr, "trellis serve: save ratings: %s\n", err.buf);
		errs.n = 0;
		form_error_add(&errs, NULL,
		    _("The ratings could not be saved; none was kept. Please try again."));
	}
	if (errs.n) {
		ret = network_page_answer(req, res, wp, in, rater, &typed, &errs);
		goto out;
	}
	strbuf_addf(&url, "/i/%s/network", in->slug);
	web_redirect(res, url.buf);
out:
	records_write_end(&w);
	for (size_t i = 0; ties && i < nties; i++)
		kind_release(&kind_tie, &ties[i]);
	free(ties);
	VEC_FREE(&errs);
	strbuf_release(&err);
	strbuf_release(&url);
	return ret;
}
