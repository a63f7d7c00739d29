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
#include "../view/figures.h"
#include "../view/network_svg.h"
#include "../view/report_html.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/* The six 1–4 ratings of a tie, in the order of DESIGN §4, with their plain labels. */
static const struct rating {
	const char *field;
	const char *label;
} ratings[] = {
	{ "reliability", "Reliability" },
	{ "mission", "Shared mission" },
	{ "openness", "Openness to discussion" },
	{ "influence", "Power and influence" },
	{ "involvement", "Level of involvement" },
	{ "resources", "Resource contribution" },
};
#define NRATINGS (sizeof(ratings) / sizeof(ratings[0]))

/* Whether member m of in is on the team now (it has not left). */
static int
member_current(const struct member *m)
{
	return m->left == DATE_NONE;
}

/* Whether org is a current member of in. */
static int
is_current_member(const struct initiative *in, const char *org)
{
	for (size_t i = 0; i < in->members.n; i++)
		if (member_current(&in->members.v[i]) && strcmp(in->members.v[i].org.slug, org) == 0)
			return 1;
	return 0;
}

static const char *
org_name(const struct program *p, const char *slug)
{
	const struct organization *o = program_org(p, slug);

	return o ? o->name : slug;
}

/* The message of errs for path, or NULL. */
static const char *
error_at(const form_errors *errs, const char *path)
{
	for (size_t i = 0; errs && i < errs->n; i++)
		if (strcmp(errs->v[i].path, path) == 0)
			return errs->v[i].msg;
	return NULL;
}

/*
 * One cell of the rating table: a select at path, "" (not rated) then
 * lo..hi (the frequencies with their names), labelled aria for screen
 * readers (the column and row headers say it to the eye). Keeps what was
 * typed; the message of errs beside it.
 */
static void
rating_cell(struct html *h, const char *path, const char *aria, int lo, int hi,
    const struct form_input *typed, const form_errors *errs)
{
	const char *msg = error_at(errs, path), *cur = typed ? form_get(typed, path) : NULL;
	struct strbuf eid = STRBUF_INIT, v = STRBUF_INIT;

	if (cur == NULL)
		cur = "";
	strbuf_addf(&eid, "%s-error", path);
	html_open(h, "td", "class", msg ? "invalid" : NULL, NULL);
	if (msg) {
		html_open(h, "p", "class", "error", "id", eid.buf, NULL);
		html_elem(h, "span", "Error: ");
		html_text(h, msg);
		html_close(h);
	}
	html_open(h, "select", "id", path, "name", path, "aria-label", aria,
	    "aria-invalid", msg ? "true" : NULL, "aria-describedby", msg ? eid.buf : NULL, NULL);
	html_open(h, "option", "value", "", "selected", *cur ? NULL : "", NULL);
	html_text(h, "—");
	html_close(h);
	for (int i = lo; i <= hi; i++) {
		strbuf_reset(&v);
		strbuf_addf(&v, "%d", i);
		html_open(h, "option", "value", v.buf, "selected", strcmp(cur, v.buf) == 0 ? "" : NULL, NULL);
		if (lo == 0)
			html_textf(h, "%d %s", i, network_frequency_name(i));
		else
			html_text(h, v.buf);
		html_close(h);
	}
	/* a value that is none of the choices (sent by hand) stays visible with its error */
	if (*cur && (strlen(cur) != 1 || cur[0] < '0' + lo || cur[0] > '0' + hi)) {
		html_open(h, "option", "value", cur, "selected", "", NULL);
		html_text(h, cur);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	strbuf_release(&eid);
	strbuf_release(&v);
}

/* The picker of the organization that rates (a GET form: it only changes the page). */
static void
rater_picker(struct html *h, const struct program *p, const struct initiative *in,
    const char *action, const char *rater)
{
	html_open(h, "form", "class", "period", "method", "get", "action", action, NULL);
	html_open(h, "div", "class", "field", NULL);
	html_open(h, "label", "for", "rater", NULL);
	html_text(h, "Organization giving the ratings");
	html_close(h);
	html_open(h, "select", "id", "rater", "name", "rater", NULL);
	for (size_t i = 0; i < in->members.n; i++) {
		const char *slug = in->members.v[i].org.slug;

		if (!member_current(&in->members.v[i]))
			continue;
		html_open(h, "option", "value", slug,
		    "selected", rater && strcmp(rater, slug) == 0 ? "" : NULL, NULL);
		html_text(h, org_name(p, slug));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Rate the others");
	html_close(h);
	html_close(h);
}

/* The rating form of rater: one row per other current member. */
static void
rating_form(struct html *h, struct web_request *req, const struct program *p,
    const struct initiative *in, const char *rater, tdate date,
    const struct form_input *typed, const form_errors *errs)
{
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
	const char *d = typed ? form_get(typed, "date") : NULL, *msg = error_at(errs, "date");
	char dbuf[DATE_BUFSZ];

	form_error_summary(h, errs);
	strbuf_addf(&sb, "/i/%s/network", in->slug);
	html_open(h, "form", "class", "record ratings-form", "method", "post", "action", sb.buf,
	    "novalidate", "", NULL);
	page_csrf_field(h, req);
	html_void(h, "input", "type", "hidden", "name", "from", "value", rater, NULL);
	html_open(h, "p", NULL);
	html_textf(h, "%s rates how it works with each other organization on the team. "
	    "Leave an organization's first column at — to skip it; the six 1–4 ratings "
	    "are optional.", org_name(p, rater));
	html_close(h);
	if (d == NULL)
		d = date_format(date, dbuf);
	html_open(h, "div", "class", msg ? "field invalid" : "field", NULL);
	html_open(h, "label", "for", "date", NULL);
	html_text(h, "Date of the ratings");
	html_close(h);
	if (msg) {
		html_open(h, "p", "class", "error", "id", "date-error", NULL);
		html_elem(h, "span", "Error: ");
		html_text(h, msg);
		html_close(h);
	}
	html_void(h, "input", "type", "date", "id", "date", "name", "date", "value", d,
	    "aria-invalid", msg ? "true" : NULL, "aria-describedby", msg ? "date-error" : NULL, NULL);
	html_close(h);
	html_open(h, "div", "class", "scroll", "tabindex", "0", "role", "region",
	    "aria-label", "Ratings", NULL);
	html_open(h, "table", "class", "matrix ratings", NULL);
	html_open(h, "caption", NULL);
	html_text(h, "How closely: 0 none, 1 aware, 2 cooperate, 3 coordinate, 4 integrate. "
	    "Ratings: 1 not at all to 4 very much; — not rated.");
	html_close(h);
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, "Organization rated");
	html_close(h);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, "How closely you work together");
	html_close(h);
	for (size_t r = 0; r < NRATINGS; r++) {
		html_open(h, "th", "scope", "col", NULL);
		html_text(h, ratings[r].label);
		html_close(h);
	}
	html_close(h);
	for (size_t i = 0; i < in->members.n; i++) {
		const char *to = in->members.v[i].org.slug;

		if (!member_current(&in->members.v[i]) || strcmp(to, rater) == 0)
			continue;
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_text(h, org_name(p, to));
		html_close(h);
		strbuf_reset(&path);
		strbuf_addf(&path, "%s.frequency", to);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s: how closely you work together", org_name(p, to));
		rating_cell(h, path.buf, sb.buf, 0, 4, typed, errs);
		for (size_t r = 0; r < NRATINGS; r++) {
			strbuf_reset(&path);
			strbuf_addf(&path, "%s.%s", to, ratings[r].field);
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s: %s", org_name(p, to), ratings[r].label);
			rating_cell(h, path.buf, sb.buf, 1, 4, typed, errs);
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Save the ratings");
	html_close(h);
	html_close(h);
	strbuf_release(&sb);
	strbuf_release(&path);
}

/* The figures of the network with their N, and the readings in words. */
static void
network_figures(struct html *h, const struct report *r)
{
	const struct metrics_figure *res = &r->fig[FIG_NET_RESILIENCE];
	struct strbuf sb = STRBUF_INIT;
	int others = r->network.n - 1;

	html_elem(h, "h2", "What the figures say");
	html_open(h, "p", "class", "reading", NULL);
	if (res->type == MV_NULL)
		html_textf(h, "Resilience cannot be read yet: %s.",
		    figure_null_note(FIG_NET_RESILIENCE));
	else
		html_textf(h, "If the backbone stepped away, the largest group still working together "
		    "would be %d of the %d other organizations.",
		    (int)lround(res->value * others), others);
	html_close(h);
	for (int f = FIG_NET_TRUST; f <= FIG_NET_VALUE; f++) {
		if (r->fig[f].type == MV_NULL)
			continue;
		html_open(h, "p", "class", "reading", NULL);
		html_textf(h, "%s: %.2f of 4, that is %.0f%% of the highest rating.",
		    figure_labels[f], r->fig[f].value, r->fig[f].value / 4 * 100);
		html_close(h);
	}
	html_open(h, "table", "class", "figures", NULL);
	report_html_figure_head(h, "Figure", "col");
	for (int f = FIG_NET_DENSITY; f <= FIG_NET_RESILIENCE; f++)
		report_html_figure_row(h, r, f, &sb);
	html_close(h);
	strbuf_release(&sb);
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
		page_period_refused(res, &wp->program, "Network", in, TAB_NETWORK, action.buf);
		strbuf_release(&action);
		return 0;
	}
	if (metrics_report(&wp->program, in, as_of, months, &wp->settings, r)) {
		fprintf(stderr, "trellis serve: cannot compute the report of '%s'\n", in->slug);
		return -1;
	}
	return 0;
}

/* The page, with the rating form of rater (NULL: only the picker) and a form that came back. */
static int
network_page(struct web_request *req, struct web_response *res, const struct web_program *wp,
    const struct initiative *in, const char *rater, const struct form_input *typed,
    const form_errors *errs)
{
	const struct program *p = &wp->program;
	struct report r;
	struct page pg;
	struct html *h;
	struct strbuf base = STRBUF_INIT, sb = STRBUF_INIT, id = STRBUF_INIT;
	char dbuf[DATE_BUFSZ];
	int answered, ret = -1;

	metrics_report_init(&r);
	if (period_report(req, res, wp, in, &r, &answered) || answered) {
		ret = answered ? 0 : -1;
		goto out;
	}
	page_begin(&pg, res, p, "Network", in, TAB_NETWORK);
	h = &pg.h;
	if (errs && errs->n)
		res->status = 422;
	html_open(h, "p", "class", "meta", NULL);
	html_text(h, "Who works with whom, from the organizations' own ratings of each other "
	    "(the network survey). A tie joins two organizations when either says they at least cooperate.");
	html_close(h);
	strbuf_addf(&base, "/i/%s/network", in->slug);
	page_period_form(h, base.buf, r.as_of, r.months);
	html_open(h, "p", "class", "printed", NULL);
	figure_date(r.start, &sb);
	strbuf_addstr(&sb, " – ");
	figure_date(r.end, &sb);
	html_textf(h, "Period %s: %lld ratings among %d organizations.", sb.buf,
	    (long long)r.network.ratings, r.network.n);
	html_close(h);

	html_elem(h, "h2", "The map");
	strbuf_addf(&id, "net-%s", in->slug);
	network_svg(h, p, &r.network, id.buf);
	/*
	 * The download is a GET form's button rather than a link: the same
	 * request, and crawlers that open every link as a page (tests/e2e)
	 * do not start a download.
	 */
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s/map", base.buf);
	html_open(h, "div", "class", "actions", NULL);
	html_open(h, "form", "class", "download", "method", "get", "action", sb.buf, NULL);
	html_void(h, "input", "type", "hidden", "name", "as_of", "value", date_format(r.as_of, dbuf), NULL);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%d", r.months);
	html_void(h, "input", "type", "hidden", "name", "months", "value", sb.buf, NULL);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Download the map (SVG)");
	html_close(h);
	html_close(h);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s/ties", in->slug);
	html_open(h, "p", NULL);
	html_open(h, "a", "href", sb.buf, NULL);
	html_text(h, "Every rating, one by one");
	html_close(h);
	html_close(h);
	html_close(h);

	network_figures(h, &r);

	if (records_may_edit(req)) {
		html_open(h, "h2", "id", "rate", NULL);
		html_text(h, "Rate the other organizations");
		html_close(h);
		rater_picker(h, p, in, base.buf, rater);
		if (rater)
			rating_form(h, req, p, in, rater, r.as_of, typed, errs);
	}
	page_end(&pg);
	ret = 0;
out:
	metrics_report_release(&r);
	strbuf_release(&base);
	strbuf_release(&sb);
	strbuf_release(&id);
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
		return web_error(res, 404, "There is no initiative at this address.");
	rater = web_query(req, "rater");
	if (rater && !is_current_member(in, rater))
		return web_error(res, 404, "That organization is not on the team.");
	return network_page(req, res, wp, in, rater, NULL, NULL);
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
		return web_error(res, 404, "There is no initiative at this address.");
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

		if (!member_current(&in->members.v[i]) || strcmp(to, rater) == 0)
			continue;
		memset(t, 0, sizeof(*t));
		for (size_t r = 0; r < NRATINGS; r++) {
			strbuf_reset(&path);
			strbuf_addf(&path, "%s.%s", to, ratings[r].field);
			if ((v = form_get(typed, path.buf)) != NULL && *v)
				given = 1;
			form_parse_field(kind_field(&kind_tie, ratings[r].field), t, typed, errs, path.buf);
		}
		strbuf_reset(&path);
		strbuf_addf(&path, "%s.frequency", to);
		if ((v = form_get(typed, path.buf)) == NULL || *v == '\0') {
			if (given)
				form_error_add(errs, path.buf,
				    "Say how closely you work together, or set the ratings back to \"not rated\".");
			continue;
		}
		form_parse_field(ffreq, t, typed, errs, path.buf);
		t->date = proto.date;
		t->from.slug = xstrdup(rater);
		t->to.slug = xstrdup(to);
		(*nout)++;
	}
	if (errs->n == before && *nout == 0)
		form_error_add(errs, NULL, "No organization was rated: choose how closely you work with at least one.");
	strbuf_release(&path);
	return errs->n - before;
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
	int ret = -1;

	program_init(&w.aw.p);
	if (wp == NULL)
		goto out;
	ret = 0;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL) {
		web_error(res, 404, "There is no initiative at this address.");
		goto out;
	}
	records_input(req, &typed);
	rater = form_get(&typed, "from");
	if (rater == NULL || !is_current_member(in, rater)) {
		web_error(res, 400, "Choose the organization giving the ratings: it must be on the team.");
		goto out;
	}
	if (parse_ratings(in, rater, &typed, &ties, &nties, &errs)) {
		ret = network_page(req, res, wp, in, rater, &typed, &errs);
		goto out;
	}
	if (records_write_begin(req, &w) || w.aw.in == NULL) {
		ret = -1;
		goto out;
	}
	/*
	 * Each new tie through the one write path, all in the write's one
	 * transaction: kept together by the commit, or none of them.
	 */
	for (size_t i = 0; i < nties && errs.n == 0; i++) {
		struct app_change c = APP_CHANGE_INIT;
		struct model_error e;
		enum app_result r;

		memset(&e, 0, sizeof(e));
		strbuf_reset(&err);
		r = app_add(w.aw.s, &w.aw.p, w.aw.in, &kind_tie, &ties[i], web_actor(req), &c,
		    &e, &err);
		app_change_release(&c);
		switch (r) {
		case APP_OK:
			records_write_done(&w);
			break;
		case APP_INVALID:
			form_error_add(&errs, NULL, e.msg);
			break;
		default:
			fprintf(stderr, "trellis serve: save ratings: %s\n", err.buf);
			form_error_add(&errs, NULL,
			    "The ratings could not be saved; none was kept. Please try again.");
			break;
		}
	}
	if (errs.n == 0 && records_write_commit(&w))
		form_error_add(&errs, NULL,
		    "The ratings could not be saved; none was kept. Please try again.");
	if (errs.n) {
		ret = network_page(req, res, wp, in, rater, &typed, &errs);
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
