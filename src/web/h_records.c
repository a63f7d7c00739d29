/*
 * The record pages behind the initiative tabs, for every initiative-level
 * record array of trellis/1 at once (decisions, ledger, grants, ...):
 *
 *	GET  /i/{slug}/{kind}		the list: filters, sorting, paging, downloads
 *	GET  /i/{slug}/{kind}/new	the add form
 *	POST /i/{slug}/{kind}		add (303 to the record, or 422 with the form)
 *	GET  /i/{slug}/{kind}/{id}	the record, with its edit form for editors
 *	POST /i/{slug}/{kind}/{id}	update, or delete with action=delete
 *
 * The same pages serve the program-level arrays (organizations, people,
 * instruments, learning notes) at /program/{kind}[/{id}]: the request has
 * no slug, the initiative is NULL and only admins change them.
 *
 * Lists and forms come from the field tables (view/form.c); writes go
 * through the one write path (records.c, app/write.h): the initiative read
 * inside the write's transaction, changed through app/edit.h, committed;
 * later requests find the new data by its version. A few kinds
 * get a section of their own above the list: the check-in month grid, event
 * attendance, budget against actual, survey response counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records.h"
#include "router.h"
#include "../io/json.h"
#include "../model/fieldtext.h"
#include "../metrics/survey.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../store/survey_rounds.h"
#include "../view/figures.h"
#include "../util/date.h"
#include "../util/num.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

#define PAGE_SIZE 50

/* What each record array is called on its page, and which tab it sits under. */
static const struct kind_page {
	const char *name;	/* the trellis/1 array */
	const char *title;	/* the list's heading */
	const char *one;	/* one record, for "Add a ..." */
	int tab;
	const char *empty;	/* what belongs in the list */
} kind_pages[] = {
	{ "members", "Members", "member", TAB_TEAM,
	    "The organizations on the team: their role (backbone, co-lead, partner) and when they joined and left." },
	{ "responsibilities", "Responsibilities", "responsibility", TAB_TEAM,
	    "The initiative's responsibilities and who is Responsible, Accountable, Consulted and Informed." },
	{ "decisions", "Decisions", "decision", TAB_DECISIONS,
	    "Decisions taken for the initiative: who decided, who was consulted and informed, and any contrary views." },
	{ "grants", "Grants", "grant", TAB_MONEY,
	    "Grants received for the initiative, with their budget lines." },
	{ "ledger", "Ledger", "ledger entry", TAB_MONEY,
	    "Money paid out of the initiative's grants: disbursements to partners and expenses." },
	{ "applications", "Applications", "application", TAB_MONEY,
	    "Funding applications made together: the lead, the co-applicants and the outcome." },
	{ "credits", "Credits", "credit", TAB_CREDIT,
	    "Public credit for the initiative's work: press, reports, presentations, awards, and who was named." },
	{ "contributions", "Contributions", "contribution", TAB_CREDIT,
	    "Help one organization gave another: data, fundraising, staffing, facilitation, in hours." },
	{ "checkins", "Check-ins", "check-in", TAB_CHECKINS,
	    "The regular check-ins of the initiative's director with the program: who came, progress and challenges." },
	{ "events", "Events", "event", TAB_ENGAGEMENT,
	    "Convenings, trainings and meetings: which organizations were expected and which came." },
	{ "surveys", "Surveys", "survey", TAB_SURVEYS,
	    "Survey rounds of the team (their answers are imported, and shown only as totals)." },
	{ "ties", "Network ties", "tie", TAB_NETWORK,
	    "How often partners work together and how they rate each other (the network survey)." },
	{ "observations", "Shared result", "observation", TAB_RESULT,
	    "Measurements of the shared result's indicator: a date and a value." },
	/* program-level: /program/{kind} */
	{ "organizations", "Organizations", "organization", TAB_NONE,
	    "The organizations of the program: their sector, size and founding year. Initiatives name them by their slug." },
	{ "people", "People", "person", TAB_NONE,
	    "The people of the program and the organizations they work for." },
	{ "instruments", "Instruments", "instrument", TAB_NONE,
	    "The survey questionnaires: statements that people answer from 1 (strongly disagree) "
	    "to 5 (strongly agree). The two built-in ones cannot be changed; add your own." },
	{ "learning", "Learning notes", "learning note", TAB_NONE,
	    "What the program has learned: a question, what was found and what it means." },
};

/* "an organization", "a person". */
static const char *
one_article(const struct kind_page *kp)
{
	return strchr("aeiou", kp->one[0]) ? "an" : "a";
}

static const struct kind_page *
kind_page(const char *name)
{
	for (size_t i = 0; i < sizeof(kind_pages) / sizeof(kind_pages[0]); i++)
		if (strcmp(kind_pages[i].name, name) == 0)
			return &kind_pages[i];
	return NULL;
}

/* ---------------------------------------------------------------- helpers */

/* Appends s percent-encoded for one path segment or query value. */
static void
url_add(struct strbuf *sb, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~')
			strbuf_addch(sb, *p);
		else {
			strbuf_addch(sb, '%');
			strbuf_addch(sb, hex[*p >> 4]);
			strbuf_addch(sb, hex[*p & 15]);
		}
	}
}

/* "/i/SLUG/KIND" of an initiative's kind, "/program/KIND" of the program's (in NULL). */
static void
kind_href(const struct initiative *in, const struct app_kind *ak, struct strbuf *out)
{
	if (in)
		strbuf_addf(out, "/i/%s/%s", in->slug, ak->name);
	else
		strbuf_addf(out, "/program/%s", ak->name);
}

/* "/i/SLUG/KIND/KEY" (or "/program/KIND/KEY") of record rec. */
static void
record_href(const struct initiative *in, const struct app_kind *ak, const void *rec, struct strbuf *out)
{
	struct strbuf key = STRBUF_INIT;

	app_record_key(ak->k, rec, &key);
	kind_href(in, ak, out);
	strbuf_addch(out, '/');
	url_add(out, key.buf);
	strbuf_release(&key);
}

/* The array of ak in in, or in p for a program-level kind (in NULL). */
static const struct anyvec *
records_of(const struct program *p, const struct initiative *in, const struct app_kind *ak)
{
	return (const struct anyvec *)((const char *)(in ? (const void *)in : (const void *)p) + ak->off);
}

/* Who may change the records: editors of an initiative; admins only for the program's. */
static int
may_edit(const struct web_request *req, const struct initiative *in)
{
	if (in == NULL)
		return req->authenticated && req->user.role == WEB_ADMIN;
	return records_may_edit(req);
}

/* The request's initiative, or NULL for a /program/{kind} page; -1 with a 404 written. */
static int
request_initiative(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative **in)
{
	*in = NULL;
	if (req->slug == NULL)
		return 0;
	if ((*in = program_initiative(p, req->slug)) == NULL) {
		web_error(res, 404, "There is no initiative at this address.");
		return -1;
	}
	return 0;
}

static const void *
record_at(const struct anyvec *v, const struct app_kind *ak, size_t i)
{
	return (const char *)v->v + i * ak->k->size;
}

/* The kind named by the request (initiative-level under /i/, else program-level), or NULL (a 404 written). */
static const struct app_kind *
request_kind(struct web_request *req, struct web_response *res)
{
	const struct app_kind *ak = req->kind ? app_kind_find(req->kind) : NULL;

	if (ak == NULL || ak->in_initiative != (req->slug != NULL) || kind_page(ak->name) == NULL) {
		web_error(res, 404, req->slug ? "There is no such page in this initiative." :
		    "There is no such page in the program.");
		return NULL;
	}
	return ak;
}

/* The sub-navigation of a tab holding several kinds (Money: grants, ledger, applications). */
static void
tab_links(struct html *h, const struct initiative *in, const struct kind_page *kp)
{
	struct strbuf href = STRBUF_INIT;
	int n = 0;

	for (size_t i = 0; i < sizeof(kind_pages) / sizeof(kind_pages[0]); i++)
		n += kind_pages[i].tab == kp->tab;
	if (n < 2 || in == NULL)
		return;
	html_open(h, "nav", "class", "subtabs", "aria-label", page_tab_labels[kp->tab], NULL);
	html_open(h, "ul", NULL);
	for (size_t i = 0; i < sizeof(kind_pages) / sizeof(kind_pages[0]); i++) {
		const struct kind_page *o = &kind_pages[i];

		if (o->tab != kp->tab)
			continue;
		strbuf_reset(&href);
		strbuf_addf(&href, "/i/%s/%s", in->slug, o->name);
		html_open(h, "li", NULL);
		html_open(h, "a", "href", href.buf, "aria-current", o == kp ? "page" : NULL, NULL);
		html_text(h, o->title);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	strbuf_release(&href);
}

/* A suggested id for a new record: the last id's prefix with the next number ("d-13"). */
static void
suggest_id(const struct program *p, const struct initiative *in, const struct app_kind *ak,
    struct strbuf *out)
{
	const struct anyvec *v = records_of(p, in, ak);
	const struct field *kf = ak->k->nfields ? &ak->k->fields[0] : NULL;
	char prefix[LIMIT_ID + 1] = "";
	long next = 1;

	if (kf == NULL || kf->type != FT_ID || !(kf->flags & FL_KEY))
		return;
	snprintf(prefix, sizeof(prefix), "%c", ak->name[0]);
	for (size_t i = 0; i < v->n; i++) {
		const char *id = *(char *const *)FIELD_PTR(record_at(v, ak, i), kf);
		size_t d = 0;

		if (id == NULL)
			continue;
		while (id[d] && !(id[d] >= '0' && id[d] <= '9'))
			d++;
		if (id[d] && d < sizeof(prefix)) {
			long num = strtol(id + d, NULL, 10);

			memcpy(prefix, id, d);
			prefix[d] = '\0';
			if (num >= next)
				next = num + 1;
		}
	}
	for (;;) {
		strbuf_reset(out);
		strbuf_addf(out, "%s%ld", prefix, next);
		if (app_record_find(p, in, ak->k, out->buf) < 0)
			break;
		next++;
	}
}

/* ---------------------------------------------------------------- special sections */

/* Months from the initiative's start to its end (or today), with and without a check-in. */
static void
checkin_grid(struct html *h, const struct initiative *in)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	tdate end = in->end != DATE_NONE && in->end < date_today() ? in->end : date_today();
	int y, m, d, ey, em, missing = 0, row = -1;

	if (in->start == DATE_NONE || end < in->start)
		return;
	date_to_ymd(in->start, &y, &m, &d);
	date_to_ymd(end, &ey, &em, &d);
	html_elem(h, "h2", "Months with a check-in");
	/* scrolls in its own box on a phone: focusable, so a keyboard can scroll it */
	html_open(h, "div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label",
	    "Months with a check-in", NULL);
	html_open(h, "table", "class", "months", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Year");
	for (int i = 0; i < 12; i++)
		html_elem(h, "th", mon[i]);
	html_close(h);
	for (; y < ey || (y == ey && m <= em); m = m == 12 ? 1 : m + 1, y += m == 1) {
		int found = 0;

		if (row != y) {
			if (row != -1)
				html_close(h);
			row = y;
			html_open(h, "tr", NULL);
			html_open(h, "th", "scope", "row", NULL);
			html_textf(h, "%d", y);
			html_close(h);
			for (int i = 1; i < m; i++)
				html_elem(h, "td", "");
		}
		for (size_t i = 0; i < in->checkins.n; i++) {
			int cy, cm, cd;

			date_to_ymd(in->checkins.v[i].date, &cy, &cm, &cd);
			found += cy == y && cm == m;
		}
		missing += !found;
		html_open(h, "td", "class", found ? "month-yes" : "month-no", NULL);
		html_text(h, found ? "✓ held" : "✗ missing");
		html_close(h);
	}
	if (row != -1)
		html_close(h);
	html_close(h);
	html_close(h);
	html_open(h, "p", "class", "note", NULL);
	if (missing)
		html_textf(h, "%d month%s without a check-in, marked “missing”.", missing, missing == 1 ? "" : "s");
	else
		html_text(h, "A check-in every month.");
	html_close(h);
}

static void
event_attendance(struct html *h, const struct form_ctx *c, const struct initiative *in)
{
	struct strbuf sb = STRBUF_INIT;

	if (in->events.n == 0)
		return;
	html_elem(h, "h2", "Attendance");
	html_open(h, "div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label",
	    "Attendance", NULL);
	html_open(h, "table", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Event");
	html_elem(h, "th", "Date");
	html_open(h, "th", "class", "num", NULL); html_text(h, "Expected"); html_close(h);
	html_open(h, "th", "class", "num", NULL); html_text(h, "Attended"); html_close(h);
	html_open(h, "th", "class", "num", NULL); html_text(h, "Share"); html_close(h);
	html_elem(h, "th", "Expected but absent");
	html_close(h);
	for (size_t i = 0; i < in->events.n; i++) {
		const struct event *ev = &in->events.v[i];
		size_t came = 0;

		strbuf_reset(&sb);
		for (size_t j = 0; j < ev->expected.n; j++) {
			int there = 0;

			for (size_t k = 0; k < ev->attended.n; k++)
				there |= strcmp(ev->expected.v[j].slug, ev->attended.v[k].slug) == 0;
			came += there;
			if (!there) {
				const struct organization *o = program_org(c->p, ev->expected.v[j].slug);

				if (sb.len)
					strbuf_addstr(&sb, ", ");
				strbuf_addstr(&sb, o ? o->name : ev->expected.v[j].slug);
			}
		}
		html_open(h, "tr", NULL);
		html_elem(h, "td", ev->title);
		html_open(h, "td", NULL);
		{
			struct strbuf dt = STRBUF_INIT;

			figure_date(ev->date, &dt);
			html_text(h, dt.buf);
			strbuf_release(&dt);
		}
		html_close(h);
		html_open(h, "td", "class", "num", NULL); html_textf(h, "%zu", ev->expected.n); html_close(h);
		html_open(h, "td", "class", "num", NULL); html_textf(h, "%zu", ev->attended.n); html_close(h);
		html_open(h, "td", "class", "num", NULL);
		if (ev->expected.n)
			html_textf(h, "%.0f%%", 100.0 * (double)came / (double)ev->expected.n);
		else
			html_text(h, "—");
		html_close(h);
		html_elem(h, "td", sb.len ? sb.buf : "—");
		html_close(h);
	}
	html_close(h);
	html_close(h);
	strbuf_release(&sb);
}

static void
money_cell(struct html *h, int64_t cents)
{
	char buf[NUM_BUFSZ];

	html_open(h, "td", "class", "num", NULL);
	html_text(h, money_display(cents, buf));
	html_close(h);
}

/* A grant's budget lines with what the ledger spent on each. */
static void
grant_budget(struct html *h, const struct initiative *in, const struct grant *g)
{
	int64_t total = 0, unlined = 0;

	html_elem(h, "h2", "Budget against actual");
	/* four columns of money: on a phone the table scrolls in its own box */
	html_open(h, "div", "class", "scroll", "tabindex", "0", "role", "region", "aria-label",
	    "Budget against actual", NULL);
	html_open(h, "table", "class", "budget", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Budget line");
	html_open(h, "th", "class", "num", NULL); html_text(h, "Budget"); html_close(h);
	html_open(h, "th", "class", "num", NULL); html_text(h, "Actual"); html_close(h);
	html_open(h, "th", "class", "num", NULL); html_text(h, "Left"); html_close(h);
	html_close(h);
	for (size_t i = 0; i < in->ledger.n; i++) {
		const struct ledger_entry *le = &in->ledger.v[i];

		if (le->grant.slug && strcmp(le->grant.slug, g->id) == 0) {
			total += le->amount;
			if (le->line == NULL)
				unlined += le->amount;
		}
	}
	for (size_t l = 0; l < g->lines.n; l++) {
		const struct budget_line *bl = &g->lines.v[l];
		int64_t spent = 0;

		for (size_t i = 0; i < in->ledger.n; i++) {
			const struct ledger_entry *le = &in->ledger.v[i];

			if (le->grant.slug && strcmp(le->grant.slug, g->id) == 0 && le->line &&
			    strcmp(le->line, bl->name) == 0)
				spent += le->amount;
		}
		html_open(h, "tr", "class", spent > bl->amount ? "over" : NULL, NULL);
		html_open(h, "td", NULL);
		html_text(h, bl->name);
		if (spent > bl->amount)
			html_elem(h, "strong", " — over budget");
		html_close(h);
		money_cell(h, bl->amount);
		money_cell(h, spent);
		money_cell(h, bl->amount - spent);
		html_close(h);
	}
	if (unlined) {
		html_open(h, "tr", NULL);
		html_elem(h, "td", "Not on a budget line");
		html_elem(h, "td", "");
		money_cell(h, unlined);
		html_elem(h, "td", "");
		html_close(h);
	}
	html_open(h, "tr", "class", "total", NULL);
	html_elem(h, "th", "The grant");
	money_cell(h, g->amount);
	money_cell(h, total);
	money_cell(h, g->amount - total);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* Responses per group; fewer than SURVEY_MIN_GROUP are not counted out (anonymity). */
static void
survey_counts(struct html *h, const struct survey *s)
{
	int64_t n[GROUP__MAX] = { 0 };

	if (s->closed == DATE_NONE) {
		/* open: no count per group, nor a live total (DESIGN §4) */
		html_elem(h, "h2", "Responses");
		html_elem(h, "p", "The round is open: its results and the answers per group appear "
		    "when it closes. The rounds page counts the answers given before today.");
		return;
	}
	for (size_t i = 0; i < s->responses.n; i++)
		if (s->responses.v[i].group >= 0 && s->responses.v[i].group < GROUP__MAX)
			n[s->responses.v[i].group]++;
	html_elem(h, "h2", "Responses");
	html_open(h, "table", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Group");
	html_open(h, "th", "class", "num", NULL); html_text(h, "Responses"); html_close(h);
	html_close(h);
	for (int g = 0; g < GROUP__MAX; g++) {
		html_open(h, "tr", NULL);
		html_elem(h, "td", group_names[g]);
		html_open(h, "td", "class", "num", NULL);
		if (g == GROUP_DIRECTOR)
			html_text(h, "counted only with everyone");	/* one person */
		else if (n[g] == 0 || n[g] >= SURVEY_MIN_GROUP)
			html_textf(h, "%lld", (long long)n[g]);
		else
			html_textf(h, "fewer than %d", SURVEY_MIN_GROUP);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_elem(h, "p", "Single answers are never shown; the survey's results, with groups of "
	    "fewer than three left out, are in the report on the Overview tab.");
}

/*
 * What the instrument forms say about the answers' scale and what cannot
 * change; the way to add one only to those who may (editor).
 */
static void
instrument_note(struct html *h, const struct instrument *ins, int editor)
{
	html_open(h, "p", "class", "note", NULL);
	if (ins && ins->builtin) {
		html_text(h, "This is one of the two built-in instruments (the practices-and-pitfalls "
		    "self-assessment and director support): every program has them, and they cannot "
		    "be changed or deleted.");
		if (editor)
			html_text(h, " To ask other questions, add an instrument of your own.");
	} else {
		html_text(h, "Each item is one statement that people answer from 1 (strongly "
		    "disagree) to 5 (strongly agree). Its code names it in answers and exports "
		    "(lowercase letters, digits and '-'); its category groups items in the results.");
		html_close(h);
		html_open(h, "p", "class", "note", NULL);
		html_text(h, "Once survey answers use an item, it stays as it was answered: it cannot "
		    "be removed, and its code, text and category cannot change. Add a new item instead.");
	}
	html_close(h);
}

/*
 * The surveys that use an instrument, and its items that answers use
 * (locked): uses and answered, read from the store by the handler (every
 * initiative's surveys, which no one snapshot holds).
 */
static void
instrument_usage(struct html *h, const struct instrument *ins,
    const struct store_instrument_uses *uses, const struct store_slugs *answered)
{
	struct strbuf sb = STRBUF_INIT;

	html_elem(h, "h2", "Surveys that use it");
	for (size_t i = 0; i < uses->n; i++) {
		const struct store_instrument_use *u = &uses->v[i];

		if (i == 0) {
			html_open(h, "table", NULL);
			html_open(h, "tr", NULL);
			html_elem(h, "th", "Initiative");
			html_elem(h, "th", "Survey");
			html_elem(h, "th", "Opened");
			html_open(h, "th", "class", "num", NULL);
			html_text(h, "Responses");
			html_close(h);
			html_close(h);
		}
		html_open(h, "tr", NULL);
		html_elem(h, "td", u->initiative_name);
		html_open(h, "td", NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/surveys/", u->initiative);
		url_add(&sb, u->survey);
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, u->survey);
		html_close(h);
		html_close(h);
		strbuf_reset(&sb);
		figure_date(u->opened, &sb);
		html_elem(h, "td", sb.buf);
		html_open(h, "td", "class", "num", NULL);
		html_textf(h, "%lld", (long long)u->responses);
		html_close(h);
		html_close(h);
	}
	if (uses->n)
		html_close(h);
	else
		html_elem(h, "p", "No survey uses it yet.");
	strbuf_reset(&sb);
	for (size_t i = 0; !ins->builtin && i < answered->n; i++)
		strbuf_addf(&sb, "%s%s", i ? ", " : "", answered->v[i]);
	if (sb.len) {
		html_open(h, "p", NULL);
		html_textf(h, "Items that survey answers use, which stay as they are: %s.", sb.buf);
		html_close(h);
	}
	strbuf_release(&sb);
}

/* ---------------------------------------------------------------- the list */

struct sort_ctx {
	const struct field *f;
	int desc;
};
static _Thread_local struct sort_ctx sorting;

static int
cmp_recs(const void *a, const void *b)
{
	const void *ra = *(const void *const *)a, *rb = *(const void *const *)b;
	int c = form_field_cmp(sorting.f, ra, rb);

	if (c == 0)	/* stable by position in the document */
		c = ra < rb ? -1 : ra > rb;
	else if (sorting.desc)
		c = -c;
	return c;
}

/* Whether rec passes the filters of the query (an enum or a reference equal to the value). */
static int
passes(const struct web_request *req, const struct kind *k, const void *rec, struct strbuf *tmp)
{
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		const char *want;

		if (f->type != FT_ENUM && f->type != FT_REF)
			continue;
		if ((want = web_query(req, f->name)) == NULL || *want == '\0')
			continue;
		strbuf_reset(tmp);
		field_to_text(f, rec, tmp);
		if (strcmp(tmp->buf, want) != 0)
			return 0;
	}
	return 1;
}

static void
filter_form(struct html *h, const struct web_request *req, const struct form_ctx *c,
    const struct kind *k, const char *action)
{
	int any = 0;

	for (int i = 0; i < k->nfields; i++)
		any += k->fields[i].type == FT_ENUM || k->fields[i].type == FT_REF;
	if (!any)
		return;
	html_open(h, "form", "class", "filters", "method", "get", "action", action, NULL);
	for (int i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];

		if (f->type == FT_ENUM || f->type == FT_REF)
			form_filter(h, c, f, web_query(req, f->name));
	}
	html_open(h, "button", "type", "submit", NULL);
	html_text(h, "Filter");
	html_close(h);
	html_close(h);
}

int
h_records(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct app_kind *ak;
	const struct kind_page *kp;
	const struct initiative *in;
	const struct anyvec *v;
	const struct field *sortf = NULL;
	struct form_ctx c;
	struct page pg;
	struct html *h;
	struct strbuf base = STRBUF_INIT, tmp = STRBUF_INIT, sb = STRBUF_INIT;
	const void **recs = NULL;
	const char **hrefs = NULL;
	const char *sort = web_query(req, "sort"), *dir = web_query(req, "dir");
	const char *pagep = web_query(req, "page");
	size_t n = 0, first, last;
	long pageno = 1;
	int desc = dir && strcmp(dir, "desc") == 0;

	if (wp == NULL)
		return -1;
	if (request_initiative(req, res, &wp->program, &in))
		return 0;
	if ((ak = request_kind(req, res)) == NULL)
		return 0;
	if (strcmp(ak->name, "members") == 0)
		return team_page(req, res, &wp->program, in, NULL, NULL, 0);
	if (in && strcmp(ak->name, "observations") == 0)
		return result_page(req, res, &wp->program, in);
	kp = kind_page(ak->name);
	c.p = &wp->program;
	c.in = in;
	v = records_of(&wp->program, in, ak);
	if (pagep && (pageno = strtol(pagep, NULL, 10)) < 1)
		pageno = 1;
	if (sort && (sortf = kind_field(ak->k, sort)) != NULL && !form_field_is_column(sortf))
		sortf = NULL;
	if (sortf == NULL) {
		/* newest first when the kind has a date */
		for (int i = 0; i < ak->k->nfields && sortf == NULL; i++)
			if (ak->k->fields[i].type == FT_DATE)
				sortf = &ak->k->fields[i], desc = !(sort && kind_field(ak->k, sort)) ? 1 : desc;
		sort = sortf ? sortf->name : NULL;
	}
	recs = xcalloc(v->n + 1, sizeof(*recs));
	for (size_t i = 0; i < v->n; i++)
		if (passes(req, ak->k, record_at(v, ak, i), &tmp))
			recs[n++] = record_at(v, ak, i);
	if (sortf) {
		sorting.f = sortf;
		sorting.desc = desc;
		qsort(recs, n, sizeof(*recs), cmp_recs);
	}
	first = (size_t)(pageno - 1) * PAGE_SIZE;
	if (first > n)
		first = n;
	last = first + PAGE_SIZE < n ? first + PAGE_SIZE : n;
	hrefs = xcalloc(n + 1, sizeof(*hrefs));
	for (size_t i = first; i < last; i++) {
		strbuf_reset(&tmp);
		record_href(in, ak, recs[i], &tmp);
		hrefs[i] = web_strdup(req, tmp.buf);
	}

	kind_href(in, ak, &base);
	/* the heading starts with the words of the tab it is under: "Money: Ledger" */
	strbuf_reset(&tmp);
	if (in && kp->tab != TAB_NONE && strcmp(kp->title, page_tab_labels[kp->tab]) != 0)
		strbuf_addf(&tmp, "%s: ", page_tab_labels[kp->tab]);
	strbuf_addstr(&tmp, kp->title);
	page_begin(&pg, res, &wp->program, tmp.buf, in, kp->tab);
	h = &pg.h;
	tab_links(h, in, kp);
	html_open(h, "p", "class", "meta", NULL);
	html_text(h, kp->empty);
	html_close(h);

	html_open(h, "div", "class", "actions", NULL);
	if (may_edit(req, in)) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s/new", base.buf);
		html_open(h, "a", "class", "button", "href", sb.buf, NULL);
		html_textf(h, "Add %s %s", one_article(kp), kp->one);
		html_close(h);
	}
	if (strcmp(ak->name, "surveys") == 0) {
		/* rounds: invitation links, the anonymous answer form, results (h_survey.c) */
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/surveys/rounds", in->slug);
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, "Survey rounds, answer links and results");
		html_close(h);
	}
	for (int f = 0; f < 2; f++) {
		strbuf_reset(&sb);
		if (in)
			strbuf_addf(&sb, "/i/%s", in->slug);
		strbuf_addf(&sb, "/export?kind=%s&format=%s", ak->name, f ? "xlsx" : "csv");
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, f ? "Download Excel" : "Download CSV");
		html_close(h);
	}
	html_close(h);

	if (strcmp(ak->name, "checkins") == 0)
		checkin_grid(h, in);
	else if (strcmp(ak->name, "events") == 0)
		event_attendance(h, &c, in);

	if (v->n == 0) {
		html_open(h, "p", "class", "empty", NULL);
		html_textf(h, "No %s recorded yet. ", kp->title);
		if (may_edit(req, in)) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s/new", base.buf);
			html_open(h, "a", "href", sb.buf, NULL);
			html_textf(h, "Add the first %s", kp->one);
			html_close(h);
			html_text(h, ".");
		}
		html_close(h);
		goto done;
	}
	if (strcmp(ak->name, "checkins") == 0 || strcmp(ak->name, "events") == 0)
		html_elem(h, "h2", "All records");
	filter_form(h, req, &c, ak->k, base.buf);

	/* the sort links keep the filters */
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s?", base.buf);
	for (int i = 0; i < ak->k->nfields; i++) {
		const struct field *f = &ak->k->fields[i];
		const char *want = web_query(req, f->name);

		if ((f->type == FT_ENUM || f->type == FT_REF) && want && *want) {
			strbuf_addf(&sb, "%s=", f->name);
			url_add(&sb, want);
			strbuf_addch(&sb, '&');
		}
	}
	html_open(h, "p", "class", "count", NULL);
	if (n == 0)
		html_text(h, "Nothing matches these filters.");
	else
		html_textf(h, "%zu–%zu of %zu", first + 1, last, n);
	html_close(h);
	if (n)
		form_list(h, &c, ak->k, recs + first, hrefs + first, last - first, sb.buf, sort, desc);
	if (first > 0 || last < n) {
		html_open(h, "nav", "class", "pages", "aria-label", "Pages", NULL);
		if (first > 0) {
			strbuf_reset(&tmp);
			strbuf_addf(&tmp, "%ssort=%s&dir=%s&page=%ld", sb.buf, sort ? sort : "",
			    desc ? "desc" : "asc", pageno - 1);
			html_open(h, "a", "href", tmp.buf, "rel", "prev", NULL);
			html_text(h, "← Previous");
			html_close(h);
		}
		html_open(h, "span", NULL);
		html_textf(h, " Page %ld of %zu ", pageno, (n + PAGE_SIZE - 1) / PAGE_SIZE);
		html_close(h);
		if (last < n) {
			strbuf_reset(&tmp);
			strbuf_addf(&tmp, "%ssort=%s&dir=%s&page=%ld", sb.buf, sort ? sort : "",
			    desc ? "desc" : "asc", pageno + 1);
			html_open(h, "a", "href", tmp.buf, "rel", "next", NULL);
			html_text(h, "Next →");
			html_close(h);
		}
		html_close(h);
	}
done:
	page_end(&pg);
	free(recs);
	free(hrefs);
	strbuf_release(&base);
	strbuf_release(&tmp);
	strbuf_release(&sb);
	return 0;
}

/* ---------------------------------------------------------------- forms */


/*
 * Writes the add form (editing 0) or the edit form of a record: values
 * from typed where it has them, else from rec.
 */
static void
record_form(struct html *h, struct web_request *req, const struct form_ctx *c,
    const struct app_kind *ak, const struct kind_page *kp, const char *action,
    const void *rec, const struct form_input *typed, const form_errors *errs, int editing)
{
	form_error_summary(h, errs);
	html_open(h, "form", "class", "record", "method", "post", "action", action, "novalidate", "", NULL);
	page_csrf_field(h, req);
	if (strcmp(ak->name, "instruments") == 0)
		instrument_note(h, rec, 1);
	form_fields(h, c, ak->k, rec, typed, errs);
	/* the save button first: Enter in a field submits with it, not with "more rows" */
	html_open(h, "div", "class", "actions", NULL);
	html_open(h, "button", "type", "submit", NULL);
	if (editing)
		html_text(h, "Save changes");
	else
		html_textf(h, "Add the %s", kp->one);
	html_close(h);
	form_more_buttons(h, ak->k, action);
	html_close(h);
	html_close(h);
}

/* "Decision" from "decision": a title for a record's page. */
static void
one_title(const struct kind_page *kp, struct strbuf *out)
{
	strbuf_addch(out, kp->one[0] - 'a' + 'A');
	strbuf_addstr(out, kp->one + 1);
}

/* The add page, empty (typed NULL) or with what was typed and its problems (422). */
static int
new_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const struct app_kind *ak, const struct form_input *typed,
    const form_errors *errs)
{
	const struct kind_page *kp = kind_page(ak->name);
	struct form_ctx c = { p, in };
	struct page pg;
	struct strbuf title = STRBUF_INIT, action = STRBUF_INIT, id = STRBUF_INIT;
	struct form_pair pair;
	struct form_input sugg = { &pair, 0 };

	strbuf_addf(&title, "Add %s %s", one_article(kp), kp->one);
	kind_href(in, ak, &action);
	if (typed == NULL) {
		/* a new record: a suggested id, every other field empty (dates today) */
		suggest_id(p, in, ak, &id);
		if (id.len) {
			pair.name = ak->k->fields[0].name;
			pair.value = id.buf;
			sugg.n = 1;
		}
		typed = &sugg;
	}
	page_begin(&pg, res, p, title.buf, in, kp->tab);
	if (errs && errs->n)
		res->status = 422;
	record_form(&pg.h, req, &c, ak, kp, action.buf, NULL, typed, errs, 0);
	page_end(&pg);
	strbuf_release(&title);
	strbuf_release(&action);
	strbuf_release(&id);
	return 0;
}

/* A record's page; with typed and errs, its edit form came back (422). */
static int
record_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const struct app_kind *ak, size_t i,
    const struct form_input *typed, const form_errors *errs)
{
	const struct kind_page *kp = kind_page(ak->name);
	const void *rec = record_at(records_of(p, in, ak), ak, i);
	/* a program-level record is known by its name (an organization, a person) */
	const struct field *tf = kind_field(ak->k, in || kind_field(ak->k, "title") ? "title" : "name");
	struct form_ctx c = { p, in };
	struct page pg;
	struct html *h;
	struct strbuf title = STRBUF_INIT, key = STRBUF_INIT, action = STRBUF_INIT, back = STRBUF_INIT;

	app_record_key(ak->k, rec, &key);
	one_title(kp, &title);
	strbuf_addf(&title, " %s", key.buf);
	if (tf && *(char *const *)FIELD_PTR(rec, tf))
		strbuf_addf(&title, ": %s", *(char *const *)FIELD_PTR(rec, tf));
	else if (kind_field(ak->k, "org") || !(ak->k->fields[0].flags & FL_KEY)) {
		/* a member is its organization; a tie or an observation its fields */
		strbuf_reset(&title);
		one_title(kp, &title);
		strbuf_addstr(&title, ": ");
		form_value_text(&c, &ak->k->fields[0], rec, &title);
	}
	record_href(in, ak, rec, &action);
	kind_href(in, ak, &back);

	page_begin(&pg, res, p, title.buf, in, kp->tab);
	h = &pg.h;
	if (errs && errs->n)
		res->status = 422;
	html_open(h, "p", "class", "meta", NULL);
	html_open(h, "a", "href", back.buf, NULL);
	html_textf(h, "← All %s", strcmp(ak->name, "members") == 0 ? "of Team & roles" : kp->title);
	html_close(h);
	html_close(h);
	/* a built-in instrument is read only, for admins too: say so first */
	if (app_record_readonly(ak->k, rec) && strcmp(ak->name, "instruments") == 0)
		instrument_note(h, rec, may_edit(req, in));
	form_record(h, &c, ak->k, rec);
	if (strcmp(ak->name, "grants") == 0)
		grant_budget(h, in, rec);
	else if (strcmp(ak->name, "surveys") == 0)
		survey_counts(h, rec);
	else if (strcmp(ak->name, "instruments") == 0) {
		struct store_instrument_uses uses = { NULL, 0, 0 };
		struct store_slugs answered = { NULL, 0, 0 };
		struct strbuf err = STRBUF_INIT;
		struct store *st = web_store(req, &err);

		if (st == NULL || store_instrument_usage(st, p->slug,
		    ((const struct instrument *)rec)->code, &uses, &answered, &err)) {
			fprintf(stderr, "trellis serve: instrument usage: %s\n", err.buf);
			html_elem(h, "p", "Where this instrument is used could not be read just now.");
		} else
			instrument_usage(h, rec, &uses, &answered);
		store_instrument_uses_release(&uses);
		store_slugs_release(&answered);
		strbuf_release(&err);
	}
	if (!app_record_readonly(ak->k, rec) && may_edit(req, in)) {
		html_open(h, "section", "class", "edit", "aria-labelledby", "edit", NULL);
		html_open(h, "h2", "id", "edit", NULL);
		html_textf(h, "Change this %s", kp->one);
		html_close(h);
		record_form(h, req, &c, ak, kp, action.buf, rec, typed, errs, 1);
		html_open(h, "form", "class", "delete", "method", "post", "action", action.buf, NULL);
		page_csrf_field(h, req);
		html_void(h, "input", "type", "hidden", "name", "action", "value", "delete", NULL);
		html_open(h, "button", "type", "submit", "class", "danger", NULL);
		html_textf(h, "Delete this %s", kp->one);
		html_close(h);
		html_close(h);
		html_close(h);
	}
	page_end(&pg);
	strbuf_release(&title);
	strbuf_release(&key);
	strbuf_release(&action);
	strbuf_release(&back);
	return 0;
}

/* The record the request names, in the snapshot: its index, or -1 with a 404 written. */
static long
request_record(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const struct app_kind *ak)
{
	long i = app_record_find(p, in, ak->k, req->id);

	if (i < 0)
		web_error(res, 404, in ? "There is no such record in this initiative." :
		    "There is no such record in the program.");
	return i;
}

int
h_record_new(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct app_kind *ak;
	const struct initiative *in;

	if (wp == NULL)
		return -1;
	if (request_initiative(req, res, &wp->program, &in))
		return 0;
	if ((ak = request_kind(req, res)) == NULL)
		return 0;
	if (!may_edit(req, in))
		return web_error(res, 403, "Your role may read this initiative's records, not change them.");
	return new_page(req, res, &wp->program, in, ak, NULL, NULL);
}

int
h_record(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct app_kind *ak;
	const struct initiative *in;
	long i;

	if (wp == NULL)
		return -1;
	if (request_initiative(req, res, &wp->program, &in))
		return 0;
	if ((ak = request_kind(req, res)) == NULL)
		return 0;
	if ((i = request_record(req, res, &wp->program, in, ak)) < 0)
		return 0;
	return record_page(req, res, &wp->program, in, ak, (size_t)i, NULL, NULL);
}

/* Where to go after a change: the record, or for a member the Team & roles page. */
static void
after_url(const struct initiative *in, const struct app_kind *ak, const char *key, struct strbuf *out)
{
	kind_href(in, ak, out);
	if (key && strcmp(ak->name, "members") != 0) {
		strbuf_addch(out, '/');
		url_add(out, key);
	}
}

int
h_record_create(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct app_kind *ak;
	const struct initiative *in;
	struct records_write w = { 0 };
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct app_change c = APP_CHANGE_INIT;
	struct model_error e;
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT;
	enum app_result r;
	void *rec = NULL;
	int ret = -1;

	program_init(&w.aw.p);
	if (wp == NULL)
		goto out;
	ret = 0;
	if (request_initiative(req, res, &wp->program, &in))
		goto out;
	if ((ak = request_kind(req, res)) == NULL)
		goto out;
	records_input(req, &typed);
	if (web_form(req, FORM_MORE)) {
		/* "Add more rows": the form again with what was typed, nothing saved */
		ret = new_page(req, res, &wp->program, in, ak, &typed, NULL);
		goto out;
	}
	rec = xcalloc(1, ak->k->size);
	if (form_parse(ak->k, rec, &typed, &errs)) {
		ret = new_page(req, res, &wp->program, in, ak, &typed, &errs);
		goto out;
	}
	if (records_write_begin(req, &w) || (in != NULL && w.aw.in == NULL)) {
		ret = -1;
		goto out;
	}
	memset(&e, 0, sizeof(e));
	r = app_add(w.aw.s, &w.aw.p, w.aw.in, ak->k, rec, web_actor(req), &c, &e, &err);
	if (r == APP_OK && records_write_commit(&w))
		r = APP_ERROR;
	switch (r) {
	case APP_OK:
		after_url(in, ak, c.key.buf, &url);
		web_redirect(res, url.buf);
		break;
	case APP_INVALID:
		form_error_model(&errs, ak->k, &typed, &e);
		ret = new_page(req, res, &wp->program, in, ak, &typed, &errs);
		break;
	default:
		fprintf(stderr, "trellis serve: add %s: %s\n", ak->name, err.buf);
		form_error_add(&errs, NULL, err.len ? err.buf : "The record could not be saved.");
		ret = new_page(req, res, &wp->program, in, ak, &typed, &errs);
		break;
	}
out:
	records_write_end(&w);
	if (rec) {
		kind_release(ak->k, rec);
		free(rec);
	}
	VEC_FREE(&errs);
	app_change_release(&c);
	strbuf_release(&err);
	strbuf_release(&url);
	return ret;
}

int
h_record_update(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct app_kind *ak = NULL;
	const struct initiative *in;
	struct records_write w = { 0 };
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct app_change c = APP_CHANGE_INIT;
	struct model_error e;
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT;
	const char *action = web_form(req, "action");
	int del = action && strcmp(action, "delete") == 0;
	enum app_result r;
	void *rec = NULL;
	long i, wi;
	int ret = -1;

	program_init(&w.aw.p);
	if (wp == NULL)
		goto out;
	ret = 0;
	if (request_initiative(req, res, &wp->program, &in))
		goto out;
	if ((ak = request_kind(req, res)) == NULL ||
	    (i = request_record(req, res, &wp->program, in, ak)) < 0)
		goto out;
	if (app_record_readonly(ak->k, record_at(records_of(&wp->program, in, ak), ak, (size_t)i))) {
		web_error(res, 403, "The built-in instruments cannot be changed or deleted.");
		goto out;
	}
	records_input(req, &typed);
	if (!del && web_form(req, FORM_MORE)) {
		ret = record_page(req, res, &wp->program, in, ak, (size_t)i, &typed, NULL);
		goto out;
	}
	if (!del) {
		rec = xcalloc(1, ak->k->size);
		if (form_parse(ak->k, rec, &typed, &errs)) {
			ret = record_page(req, res, &wp->program, in, ak, (size_t)i, &typed, &errs);
			goto out;
		}
	}
	if (records_write_begin(req, &w) || (in != NULL && w.aw.in == NULL)) {
		ret = -1;
		goto out;
	}
	if ((wi = app_record_find(&w.aw.p, w.aw.in, ak->k, req->id)) < 0) {
		/* deleted meanwhile */
		web_error(res, 404, "There is no such record.");
		goto out;
	}
	memset(&e, 0, sizeof(e));
	if (del)
		r = app_delete(w.aw.s, &w.aw.p, w.aw.in, ak->k, (size_t)wi, web_actor(req), &c, &e, &err);
	else {
		void *old = (char *)records_of(&w.aw.p, w.aw.in, ak)->v + (size_t)wi * ak->k->size;

		/* what the form does not edit (a survey's responses) stays as it was */
		for (int f = 0; f < ak->k->nfields; f++)
			if (!form_field_editable(&ak->k->fields[f]))
				records_field_swap(&ak->k->fields[f], rec, old);
		r = app_update(w.aw.s, &w.aw.p, w.aw.in, ak->k, (size_t)wi, rec, web_actor(req), &c,
		    &e, &err);
	}
	if (r == APP_OK && records_write_commit(&w))
		r = APP_ERROR;
	switch (r) {
	case APP_OK:
		after_url(in, ak, del ? NULL : c.key.buf, &url);
		web_redirect(res, url.buf);
		break;
	case APP_INVALID:
		form_error_model(&errs, ak->k, del ? NULL : &typed, &e);
		ret = record_page(req, res, &wp->program, in, ak, (size_t)i, del ? NULL : &typed, &errs);
		break;
	default:
		fprintf(stderr, "trellis serve: %s %s: %s\n", del ? "delete" : "update", ak->name, err.buf);
		form_error_add(&errs, NULL, err.len ? err.buf : "The change could not be saved.");
		ret = record_page(req, res, &wp->program, in, ak, (size_t)i, del ? NULL : &typed, &errs);
		break;
	}
out:
	records_write_end(&w);
	if (rec) {
		kind_release(ak->k, rec);
		free(rec);
	}
	VEC_FREE(&errs);
	app_change_release(&c);
	strbuf_release(&err);
	strbuf_release(&url);
	return ret;
}
