/*
 * The page frame (PAGES.md "Navigation"): landmarks, skip link, top bar,
 * initiative tabs, one <h1>.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "../io/json.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

const char *const page_tab_labels[TAB__MAX] = {
	"Overview", "Team & roles", "Decisions", "Money", "Credit & help",
	"Check-ins", "Engagement", "Surveys", "Network", "Shared result",
	"Import & export",
};

const char *const page_tab_paths[TAB__MAX] = {
	"", "/members", "/decisions", "/grants", "/credits",
	"/checkins", "/events", "/surveys", "/network", "/observations",
	"/import",
};

/* Whether the user may see initiative slug (admin and evaluator: all). */
static int
may_see(const struct web_request *req, const char *slug)
{
	if (!req->authenticated)
		return 0;
	if (req->user.role == WEB_ADMIN || req->user.role == WEB_EVALUATOR)
		return 1;
	return req->user.initiative && strcmp(req->user.initiative, slug) == 0;
}

void
page_csrf_field(struct html *h, const struct web_request *req)
{
	if (req && req->csrf_token)
		html_void(h, "input", "type", "hidden", "name", "csrf", "value", req->csrf_token, NULL);
}

/*
 * The top bar names each initiative the user may see while there are at
 * most PAGE_PLACES of them; a program with more (a national funder's
 * hundreds) names only the current one and leads to the portfolio for the
 * rest, so a page's size and cost do not grow with the other initiatives.
 */
#define PAGE_PLACES 12

static void
top_bar(struct page *pg, const struct program *p, const struct initiative *cur)
{
	struct html *h = &pg->h;
	const struct web_request *req = pg->res->req;
	struct strbuf href = STRBUF_INIT;
	size_t seen = 0;
	int all;

	html_open(h, "div", "class", "bar", NULL);
	html_open(h, "a", "class", "brand", "href", "/", NULL);
	html_text(h, p ? p->name : "Trellis");
	html_close(h);
	if (p && req && req->authenticated) {
		all = req->user.role == WEB_ADMIN || req->user.role == WEB_EVALUATOR;
		if (all)
			seen = p->initiatives.n;
		else
			for (size_t i = 0; i < p->initiatives.n; i++)
				seen += may_see(req, p->initiatives.v[i].slug);
		html_open(h, "nav", "class", "places", "aria-label", "Initiatives", NULL);
		html_open(h, "ul", NULL);
		for (size_t i = 0; i < p->initiatives.n; i++) {
			const struct initiative *in = &p->initiatives.v[i];

			if (seen > PAGE_PLACES && in != cur)
				continue;
			if (!may_see(req, in->slug))
				continue;
			strbuf_reset(&href);
			strbuf_addf(&href, "/i/%s", in->slug);
			html_open(h, "li", NULL);
			html_open(h, "a", "href", href.buf, "title", in->name,
			    "aria-current", in == cur ? "true" : NULL, NULL);
			html_text(h, in->city);
			html_close(h);
			html_close(h);
		}
		if (all) {
			html_open(h, "li", "class", "program", NULL);
			html_open(h, "a", "href", "/", NULL);
			if (seen > PAGE_PLACES)
				html_textf(h, "All %zu initiatives", seen);
			else
				html_text(h, "Program");
			html_close(h);
			html_close(h);
		}
		/* accounts (h_admin.c): the way to the users and the audit log */
		if (req->user.role == WEB_ADMIN) {
			html_open(h, "li", "class", "program", NULL);
			html_open(h, "a", "href", "/admin/users", NULL);
			html_text(h, "Users & audit");
			html_close(h);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	if (req && req->authenticated) {
		html_open(h, "div", "class", "account", NULL);
		html_open(h, "span", NULL);
		html_text(h, req->user.email ? req->user.email : "");
		html_textf(h, " (%s)", web_role_name(req->user.role) ? web_role_name(req->user.role) : "?");
		html_close(h);
		html_open(h, "form", "method", "post", "action", "/logout", NULL);
		page_csrf_field(h, req);
		html_open(h, "button", "type", "submit", NULL);
		html_text(h, "Sign out");
		html_close(h);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	strbuf_release(&href);
}

static void
tabs(struct page *pg, const struct initiative *in, int tab)
{
	struct html *h = &pg->h;
	struct strbuf href = STRBUF_INIT;

	html_open(h, "nav", "class", "tabs", "aria-label", in->name, NULL);
	html_open(h, "ul", NULL);
	for (int t = 0; t < TAB__MAX; t++) {
		strbuf_reset(&href);
		strbuf_addf(&href, "/i/%s%s", in->slug, page_tab_paths[t]);
		html_open(h, "li", NULL);
		html_open(h, "a", "href", href.buf, "aria-current", t == tab ? "page" : NULL, NULL);
		html_text(h, page_tab_labels[t]);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	strbuf_release(&href);
}

void
page_begin(struct page *pg, struct web_response *res, const struct program *p,
    const char *title, const struct initiative *in, int tab)
{
	struct html *h = &pg->h;

	pg->res = res;
	res->content_type = "text/html; charset=utf-8";
	strbuf_reset(&res->body);
	html_init(h, &res->body);
	html_raw(h, "<!DOCTYPE html>\n");
	html_open(h, "html", "lang", "en", NULL);
	html_open(h, "head", NULL);
	html_void(h, "meta", "charset", "utf-8", NULL);
	html_void(h, "meta", "name", "viewport", "content", "width=device-width, initial-scale=1", NULL);
	html_open(h, "title", NULL);
	html_textf(h, "%s · Trellis", title);
	html_close(h);
	html_void(h, "link", "rel", "stylesheet", "href", "/static/trellis.css", NULL);
	html_close(h);
	html_open(h, "body", NULL);
	html_open(h, "a", "class", "skip", "href", "#main", NULL);
	html_text(h, "Skip to content");
	html_close(h);
	html_open(h, "header", "class", "top", NULL);
	top_bar(pg, p, in);
	if (in)
		tabs(pg, in, tab);
	html_close(h);
	html_open(h, "main", "id", "main", NULL);
	html_open(h, "h1", NULL);
	html_text(h, title);
	html_close(h);
}

void
page_end(struct page *pg)
{
	html_close_to(&pg->h, 0);
	strbuf_addch(pg->h.out, '\n');
}

/*
 * An error page keeps the frame of a signed-in person (issue 11, point 14):
 * the top bar, and the tabs of the initiative asked for when they may see it
 * (another initiative's 404 says nothing of it). Someone not signed in, or a
 * program that cannot be loaded, gets the bare frame.
 */
void
page_error(struct web_response *res, int status, const char *title, const char *message)
{
	struct web_request *req = res->req;
	const struct web_program *wp = NULL;
	const struct initiative *in = NULL;
	struct page pg;

	(void)status;
	if (req && req->authenticated && (wp = web_program(req)) != NULL && req->slug &&
	    may_see(req, req->slug))
		in = program_initiative(&wp->program, req->slug);
	page_begin(&pg, res, wp ? &wp->program : NULL, title, in, TAB_NONE);
	html_elem(&pg.h, "p", message);
	html_open(&pg.h, "p", NULL);
	html_open(&pg.h, "a", "href", "/", NULL);
	html_text(&pg.h, "Back to the start page");
	html_close(&pg.h);
	html_close(&pg.h);
	page_end(&pg);
}

/* page_period's check; *field is the form field at fault ("as_of", "months"). */
static int
period_check(const struct web_request *req, const struct program *p,
    tdate *as_of, int *months, const char **msg, const char **field)
{
	const char *a = web_query(req, "as_of"), *m = web_query(req, "months");
	tdate today = date_today();

	*as_of = p->end != DATE_NONE && p->end < today ? p->end : today;
	*months = 12;
	if (a && *a && date_parse(a, as_of)) {
		*msg = "The as-of date is not a real date (YYYY-MM-DD).";
		*field = "as_of";
		return -1;
	}
	if (m && *m) {
		char *end;
		long v = strtol(m, &end, 10);

		if (*end || v < 1 || v > 240) {
			*msg = "The number of months must be a whole number from 1 to 240.";
			*field = "months";
			return -1;
		}
		*months = (int)v;
	}
	return 0;
}

int
page_period(const struct web_request *req, const struct program *p,
    tdate *as_of, int *months, const char **msg)
{
	const char *field;

	return period_check(req, p, as_of, months, msg, &field);
}

/*
 * One field of the period form: its label, the message beside it when it
 * is the one at fault (with aria-invalid and aria-describedby), the input.
 */
static void
period_field(struct html *h, const char *name, const char *label, const char *type,
    const char *value, const char *bad, const char *msg)
{
	struct strbuf eid = STRBUF_INIT;
	int wrong = bad && strcmp(bad, name) == 0;

	strbuf_addf(&eid, "%s-error", name);
	html_open(h, "div", "class", wrong ? "invalid" : NULL, NULL);
	html_open(h, "label", "for", name, NULL);
	html_text(h, label);
	html_close(h);
	if (wrong) {
		html_open(h, "p", "class", "field-error", "id", eid.buf, NULL);
		html_text(h, msg);
		html_close(h);
	}
	if (strcmp(type, "number") == 0)
		html_void(h, "input", "type", type, "id", name, "name", name, "min", "1", "max", "240",
		    "value", value, "required", "", "aria-invalid", wrong ? "true" : NULL,
		    "aria-describedby", wrong ? eid.buf : NULL, NULL);
	else
		html_void(h, "input", "type", type, "id", name, "name", name, "value", value,
		    "required", "", "aria-invalid", wrong ? "true" : NULL,
		    "aria-describedby", wrong ? eid.buf : NULL, NULL);
	html_close(h);
	strbuf_release(&eid);
}

/* The period form; bad (may be NULL) names the field msg is about, typed its values. */
static void
period_form(struct html *h, const char *action, const char *as_of, const char *months,
    const char *bad, const char *msg)
{
	html_open(h, "form", "class", "period", "method", "get", "action", action, NULL);
	period_field(h, "as_of", "Period ending", "date", as_of, bad, msg);
	period_field(h, "months", "Months", "number", months, bad, msg);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Show");
	html_close(h);
	html_close(h);
}

void
page_period_form(struct html *h, const char *action, tdate as_of, int months)
{
	char date[DATE_BUFSZ], num[16];

	snprintf(num, sizeof(num), "%d", months);
	period_form(h, action, date_format(as_of, date), num, NULL, NULL);
}

int
page_period_refused(struct web_response *res, const struct program *p, const char *title,
    const struct initiative *in, int tab, const char *action)
{
	const struct web_request *req = res->req;
	const char *msg = NULL, *field = NULL, *a, *m;
	struct strbuf href = STRBUF_INIT;
	struct page pg;
	struct html *h;
	char date[DATE_BUFSZ], num[16];
	tdate as_of;
	int months;

	if (period_check(req, p, &as_of, &months, &msg, &field) == 0)
		return 0;
	/* each field as typed, or its default when nothing was */
	snprintf(num, sizeof(num), "%d", months);
	if ((a = web_query(req, "as_of")) == NULL || *a == '\0')
		a = date_format(as_of, date);
	if ((m = web_query(req, "months")) == NULL || *m == '\0')
		m = num;
	page_begin(&pg, res, p, title, in, tab);
	res->status = 400;
	h = &pg.h;
	/* the summary of PAGES.md "Forms", linking to the field */
	html_open(h, "div", "class", "error-summary", "role", "alert", "tabindex", "-1", NULL);
	html_elem(h, "h2", "There is a problem with the period");
	html_open(h, "ul", NULL);
	html_open(h, "li", NULL);
	strbuf_addf(&href, "#%s", field);
	html_open(h, "a", "href", href.buf, NULL);
	html_textf(h, "%s: %s", strcmp(field, "as_of") == 0 ? "Period ending" : "Months", msg);
	html_close(h);
	html_close(h);
	html_close(h);
	html_close(h);
	period_form(h, action, a ? a : "", m ? m : "", field, msg);
	html_open(h, "p", NULL);
	html_open(h, "a", "href", action, NULL);
	html_text(h, "Show the default period (the last 12 months) instead");
	html_close(h);
	html_close(h);
	page_end(&pg);
	strbuf_release(&href);
	return 1;
}

/*
 * web_error (web.h) lives here, beside the page frame it draws: an API
 * request gets the JSON {"status", "message"} instead.
 */
int
web_error(struct web_response *res, int status, const char *message)
{
	res->status = status;
	res->location = NULL;
	strbuf_reset(&res->body);
	if (res->req && res->req->api) {
		res->content_type = "application/json";
		strbuf_addf(&res->body, "{\"status\": %d, \"message\": ", status);
		json_write_string(&res->body, message);
		strbuf_addstr(&res->body, "}\n");
		return 0;
	}
	page_error(res, status, web_status_text(status), message);
	return 0;
}
