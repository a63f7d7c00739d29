/*
 * The page frame (PAGES.md "Navigation"): landmarks, skip link, top bar,
 * initiative tabs, one <h1>.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "../io/json.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

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
	frame_csrf_field(h, req ? req->csrf_token : NULL);
}

/*
 * The top bar names each initiative the user may see while there are at
 * most PAGE_PLACES of them; a program with more (a national funder's
 * hundreds) names only the current one and leads to the portfolio for the
 * rest, so a page's size and cost do not grow with the other initiatives.
 */
#define PAGE_PLACES 12

/* The top bar's links for req's user into f->places (allocated in req's arena). */
static void
places(struct frame *f, struct web_request *req, const struct program *p,
    const struct initiative *cur)
{
	struct frame_place *v;
	struct strbuf sb = STRBUF_INIT;
	size_t seen = 0, n = 0;
	int all;

	if (p == NULL || req == NULL || !req->authenticated)
		return;
	all = req->user.role == WEB_ADMIN || req->user.role == WEB_EVALUATOR;
	if (all)
		seen = p->initiatives.n;
	else
		for (size_t i = 0; i < p->initiatives.n; i++)
			seen += may_see(req, p->initiatives.v[i].slug);
	v = web_alloc(req,
	    ((seen > PAGE_PLACES ? 1 : seen) + 2) * sizeof(*v));
	for (size_t i = 0; i < p->initiatives.n; i++) {
		const struct initiative *in = &p->initiatives.v[i];

		if ((seen > PAGE_PLACES && in != cur) || !may_see(req, in->slug))
			continue;
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "/i/");
		strbuf_addstr(&sb, in->slug);
		v[n++] = (struct frame_place){ .href = web_strdup(req,
		    sb.buf), .label = in->city, .title = in->name, .current = in == cur };
	}
	if (all) {
		strbuf_reset(&sb);
		if (seen > PAGE_PLACES)
			strbuf_addf(&sb, P_("All %zu initiatives", "All %zu initiatives", seen), seen);
		else
			strbuf_addstr(&sb, _("Program"));
		v[n++] = (struct frame_place){ .href = "/", .cls = "program",
		    .label = web_strdup(req, sb.buf) };
	}
	/* accounts (h_admin.c): the way to the users and the audit log */
	if (req->user.role == WEB_ADMIN)
		v[n++] = (struct frame_place){ .href = "/admin/users", .cls = "program",
		    .label = _("Users & audit") };
	f->places = v;
	f->nplaces = n;
	strbuf_release(&sb);
}

/* A role in words, in the page's language. */
static const char *
role_words(int role)
{
	switch (role) {
	case WEB_ADMIN:
		return _("admin");
	case WEB_EVALUATOR:
		return _("evaluator");
	case WEB_MEMBER:
		return _("member");
	case WEB_VIEWER:
		return _("viewer");
	default:
		return "?";
	}
}

/* Whether the query's pair q (len bytes, "name=value") is called name. */
static int
query_is(const char *q, size_t len, const char *name)
{
	size_t n = strlen(name);

	return len >= n && strncmp(q, name, n) == 0 && (len == n || q[n] == '=');
}

/* This page's address for the switch: its query less lang= and notices, in req's arena. */
static const char *
self_href(struct web_request *req)
{
	struct strbuf sb = STRBUF_INIT;
	const char *q = req->raw_query, *out;
	size_t n = 0;

	strbuf_addstr(&sb, req->raw_path ? req->raw_path : "/");
	while (q && *q) {
		size_t len = strcspn(q, "&");

		/* never lang (the switch's own), nor a one-time notice (?saved=, ?deleted=) */
		if (len && !query_is(q, len, "lang") && !query_is(q, len, "saved") &&
		    !query_is(q, len, "deleted")) {
			strbuf_addch(&sb, n++ ? '&' : '?');
			strbuf_add(&sb, q, len);
		}
		q += len + (q[len] == '&');
	}
	out = web_strdup(req, sb.buf);
	strbuf_release(&sb);
	return out;
}

void
page_frame(struct frame *f, struct web_request *req, const struct program *p,
    const char *title, const struct initiative *in, int tab)
{
	memset(f, 0, sizeof(*f));
	f->title = title;
	f->lang = lang_code(i18n_current());
	f->brand = p ? p->name : NULL;
	f->tab = tab;
	if (req && req->authenticated) {
		f->user = req->user.email ? req->user.email : "";
		f->role = role_words(req->user.role);
		f->csrf = req->csrf_token;
	}
	/* the switch on every page; an API error never reaches here */
	if (req && req->method == WEB_GET)
		f->self = self_href(req);
	else if (req)
		f->self = req->raw_path ? req->raw_path : "/";
	places(f, req, p, in);
	if (in) {
		f->slug = in->slug;
		f->tabs_label = in->name;
	}
}

/* Starts the page of frame f in res. */
static void
page_start(struct page *pg, struct web_response *res, const struct frame *f)
{
	pg->res = res;
	res->content_type = "text/html; charset=utf-8";
	strbuf_reset(&res->body);
	html_init(&pg->h, &res->body);
	frame_begin(&pg->h, f);
}

void
page_begin(struct page *pg, struct web_response *res, const struct program *p,
    const char *title, const struct initiative *in, int tab)
{
	struct frame f;

	page_frame(&f, res->req, p, title, in, tab);
	page_start(pg, res, &f);
}

void
page_send(struct web_response *res, int status)
{
	res->content_type = "text/html; charset=utf-8";
	res->status = status;
}

void
page_end(struct page *pg)
{
	frame_end(&pg->h);
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
	struct frame f;
	struct page pg;

	(void)status;
	if (req && req->authenticated && (wp = web_program(req)) != NULL && req->slug &&
	    may_see(req, req->slug))
		in = program_initiative(&wp->program, req->slug);
	/*
	 * the switch leads to the start page: an error page never repeats the
	 * address asked for, so another initiative's 404 is the same bytes as
	 * no initiative's (R5)
	 */
	/*
	 * the title (web_status_text) and the message are English msgids
	 * (N_() where they are written): translated here, on the page only,
	 * so an API's JSON error keeps the English message
	 */
	/* (an empty msgid would be the catalog's header) */
	page_frame(&f, req, wp ? &wp->program : NULL, title && *title ? _(title) : title, in,
	    TAB_NONE);
	if (f.self)
		f.self = "/";
	page_start(&pg, res, &f);
	html_elem(&pg.h, "p", message && *message ? _(message) : message);
	html_open(&pg.h, "p", NULL);
	html_open(&pg.h, "a", "href", "/", NULL);
	html_text(&pg.h, _("Back to the start page"));
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
		*msg = N_("The as-of date is not a real date (YYYY-MM-DD).");
		*field = "as_of";
		return -1;
	}
	if (m && *m) {
		char *end;
		long v = strtol(m, &end, 10);

		if (*end || v < 1 || v > 240) {
			*msg = N_("The number of months must be a whole number from 1 to 240.");
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
		html_text(h, _(msg));
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
	period_field(h, "as_of", _("Period ending"), "date", as_of, bad, msg);
	period_field(h, "months", _("Months"), "number", months, bad, msg);
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, _("Show"));
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
	html_elem(h, "h2", _("There is a problem with the period"));
	html_open(h, "ul", NULL);
	html_open(h, "li", NULL);
	strbuf_addf(&href, "#%s", field);
	html_open(h, "a", "href", href.buf, NULL);
	html_textf(h, "%s: %s", strcmp(field, "as_of") == 0 ? _("Period ending") : _("Months"), _(msg));
	html_close(h);
	html_close(h);
	html_close(h);
	html_close(h);
	period_form(h, action, a ? a : "", m ? m : "", field, msg);
	html_open(h, "p", NULL);
	html_open(h, "a", "href", action, NULL);
	html_text(h, _("Show the default period (the last 12 months) instead"));
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

int
web_busy(struct web_response *res)
{
	web_error(res, 503, _("The database is busy with other changes, and this one could not be "
	    "saved: nothing was written. Try again in a moment."));
	web_header_add(res, "Retry-After", "1");
	return 0;
}
