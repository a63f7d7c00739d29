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

void
page_error(struct web_response *res, int status, const char *title, const char *message)
{
	struct page pg;

	(void)status;
	page_begin(&pg, res, NULL, title, NULL, TAB_NONE);
	html_elem(&pg.h, "p", message);
	html_open(&pg.h, "p", NULL);
	html_open(&pg.h, "a", "href", "/", NULL);
	html_text(&pg.h, "Back to the start page");
	html_close(&pg.h);
	html_close(&pg.h);
	page_end(&pg);
}

int
page_period(const struct web_request *req, const struct program *p,
    tdate *as_of, int *months, const char **msg)
{
	const char *a = web_query(req, "as_of"), *m = web_query(req, "months");
	tdate today = date_today();

	*as_of = p->end != DATE_NONE && p->end < today ? p->end : today;
	*months = 12;
	if (a && *a && date_parse(a, as_of)) {
		*msg = "The as-of date is not a real date (YYYY-MM-DD).";
		return -1;
	}
	if (m && *m) {
		char *end;
		long v = strtol(m, &end, 10);

		if (*end || v < 1 || v > 240) {
			*msg = "The number of months must be a whole number from 1 to 240.";
			return -1;
		}
		*months = (int)v;
	}
	return 0;
}

void
page_period_form(struct html *h, const char *action, tdate as_of, int months)
{
	char date[DATE_BUFSZ], num[16];

	snprintf(num, sizeof(num), "%d", months);
	html_open(h, "form", "class", "period", "method", "get", "action", action, NULL);
	html_open(h, "div", NULL);
	html_open(h, "label", "for", "as_of", NULL);
	html_text(h, "Period ending");
	html_close(h);
	html_void(h, "input", "type", "date", "id", "as_of", "name", "as_of", "value",
	    date_format(as_of, date), "required", "", NULL);
	html_close(h);
	html_open(h, "div", NULL);
	html_open(h, "label", "for", "months", NULL);
	html_text(h, "Months");
	html_close(h);
	html_void(h, "input", "type", "number", "id", "months", "name", "months", "min", "1",
	    "max", "240", "value", num, "required", "", NULL);
	html_close(h);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Show");
	html_close(h);
	html_close(h);
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
