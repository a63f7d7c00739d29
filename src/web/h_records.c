/*
 * The record pages behind the initiative tabs, for every initiative-level
 * record array of trellis/1 at once (decisions, ledger, grants, ...):
 *
 *	GET  /i/{slug}/{kind}		the list: filters, sorting, paging, downloads
 *	GET  /i/{slug}/{kind}/new	the add form
 *	POST /i/{slug}/{kind}		add (303 to the record ?saved=KEY, or 422 with the form)
 *	GET  /i/{slug}/{kind}/{id}	the record, with its edit form for editors
 *	POST /i/{slug}/{kind}/{id}	update; action=delete: the page that asks first;
 *					action=delete&confirm=yes: delete (303 to the list ?deleted=1)
 *
 * The same pages serve the program-level arrays (organizations, people,
 * instruments, learning notes) at /program/{kind}[/{id}]: the request has
 * no slug, the initiative is NULL and only admins change them.
 *
 * The pages are rendered by view/records.c from plain structs that the
 * handlers here fill (fetch → compute → render); lists and forms come from
 * the field tables (view/form.c). A form's problems are all shown at once:
 * form_parse's and model_check_record's, before the write. Writes go
 * through the one write path (records.c, app/write.h): the initiative read
 * inside the write's transaction, changed through app/edit.h, committed;
 * later requests find the new data by its version.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records.h"
#include "router.h"
#include "../io/json.h"
#include "../model/fieldtext.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../store/survey_rounds.h"
#include "../view/records.h"
#include "../util/date.h"
#include "../util/xalloc.h"
#include "../util/fold.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define PAGE_SIZE 50

/* What each record array is called on its page, and which tab it sits under. */
static const struct kind_page {
	struct records_kind rk;	/* its name, heading, one record, what belongs in it */
	int tab;
} kind_pages[] = {
	{ { "members", N_("Members"), N_("member"),
	    N_("The organizations on the team: their role (backbone, co-lead, partner) and when they joined and left.") }, TAB_TEAM },
	{ { "responsibilities", N_("Responsibilities"), N_("responsibility"),
	    N_("The initiative's responsibilities and who is Responsible, Accountable, Consulted and Informed.") }, TAB_TEAM },
	{ { "decisions", N_("Decisions"), N_("decision"),
	    N_("Decisions taken for the initiative: who decided, who was consulted and informed, and any contrary views.") }, TAB_DECISIONS },
	{ { "grants", N_("Grants"), N_("grant"),
	    N_("Grants received for the initiative, with their budget lines.") }, TAB_MONEY },
	{ { "ledger", N_("Ledger"), N_("ledger entry"),
	    N_("Money paid out of the initiative's grants: disbursements to partners and expenses.") }, TAB_MONEY },
	{ { "applications", N_("Applications"), N_("application"),
	    N_("Funding applications made together: the lead, the co-applicants and the outcome.") }, TAB_MONEY },
	{ { "credits", N_("Credits"), N_("credit"),
	    N_("Public credit for the initiative's work: press, reports, presentations, awards, and who was named.") }, TAB_CREDIT },
	{ { "contributions", N_("Contributions"), N_("contribution"),
	    N_("Help one organization gave another: data, fundraising, staffing, facilitation, in hours.") }, TAB_CREDIT },
	{ { "checkins", N_("Check-ins"), N_("check-in"),
	    N_("The regular check-ins of the initiative's director with the program: who came, progress, challenges and the follow-ups agreed.") }, TAB_CHECKINS },
	{ { "assistance", N_("Technical assistance"), N_("assistance record"),
	    N_("Technical assistance the program arranged for the initiative: who gave it, on what, for how many hours, and which capacity gap or alert it answers.") }, TAB_CHECKINS },
	{ { "events", N_("Events"), N_("event"),
	    N_("Convenings, trainings and meetings: which organizations were expected and which came.") }, TAB_ENGAGEMENT },
	{ { "surveys", N_("Surveys"), N_("survey"),
	    N_("Survey rounds of the team (their answers are imported, and shown only as totals).") }, TAB_SURVEYS },
	{ { "ties", N_("Network ties"), N_("tie"),
	    N_("How often partners work together and how they rate each other (the network survey).") }, TAB_NETWORK },
	{ { "observations", N_("Shared result"), N_("observation"),
	    N_("Measurements of the shared result's indicator: a date and a value.") }, TAB_RESULT },
	{ { "responses", N_("Answers to alerts"), N_("answer"),
	    N_("The team's answer to an alert or strength of its dashboard, for the month it was raised.") }, TAB_OVERVIEW },
	{ { "actions", N_("Actions"), N_("action"),
	    N_("What the team agreed to do about an alert or strength: who owns it, by when, and whether it was done.") }, TAB_OVERVIEW },
	/* program-level: /program/{kind} */
	{ { "organizations", N_("Organizations"), N_("organization"),
	    N_("The organizations of the program: their sector, size and founding year.") }, TAB_NONE },
	{ { "people", N_("People"), N_("person"),
	    N_("The people of the program and the organizations they work for.") }, TAB_NONE },
	{ { "instruments", N_("Instruments"), N_("instrument"),
	    N_("The survey questionnaires: statements that people answer from 1 (strongly disagree) "
	    "to 5 (strongly agree). The two built-in ones cannot be changed; add your own.") }, TAB_NONE },
	{ { "learning", N_("Learning notes"), N_("learning note"),
	    N_("What the program has learned: a question, what was found and what it means.") }, TAB_NONE },
	{ { "candidates", N_("Candidate backbones"), N_("candidate"),
	    N_("Organizations considered as the backbone of a new round. Their staff, revenue and "
	    "traits are the organization's own (edit them on its page); here, the round and a "
	    "note of the evidence for each trait.") }, TAB_NONE },
};

static const struct kind_page *
kind_page(const char *name)
{
	for (size_t i = 0; i < sizeof(kind_pages) / sizeof(kind_pages[0]); i++)
		if (strcmp(kind_pages[i].rk.name, name) == 0)
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
		web_error(res, 404, req->slug ? N_("There is no such page in this initiative.") :
		    N_("There is no such page in the program."));
		return NULL;
	}
	return ak;
}

/* Pages of a tab that are no record list: the proposals under Decisions (h_proposals.c). */
static const struct {
	int tab;
	const char *path, *title;
} tab_pages[] = {
	{ TAB_DECISIONS, "proposals", N_("Proposals") },
};

/*
 * The sub-navigation of a tab holding several kinds (Money: grants, ledger,
 * applications) or pages into pg, its addresses in the request's arena.
 */
static void
tab_links(struct web_request *req, const struct initiative *in, const struct kind_page *kp,
    struct records_list_page *pg, struct records_link *links, size_t max)
{
	struct strbuf href = STRBUF_INIT;
	size_t n = 0;

	for (size_t i = 0; i < sizeof(kind_pages) / sizeof(kind_pages[0]); i++)
		n += kind_pages[i].tab == kp->tab;
	for (size_t i = 0; i < sizeof(tab_pages) / sizeof(tab_pages[0]); i++)
		n += tab_pages[i].tab == kp->tab;
	if (n < 2 || in == NULL)
		return;
	n = 0;
	for (size_t i = 0; i < sizeof(kind_pages) / sizeof(kind_pages[0]) && n < max; i++) {
		const struct kind_page *o = &kind_pages[i];

		if (o->tab != kp->tab)
			continue;
		strbuf_reset(&href);
		strbuf_addf(&href, "/i/%s/%s", in->slug, o->rk.name);
		links[n++] = (struct records_link){ web_strdup(req, href.buf), _(o->rk.title), o == kp };
	}
	for (size_t i = 0; i < sizeof(tab_pages) / sizeof(tab_pages[0]) && n < max; i++) {
		if (tab_pages[i].tab != kp->tab)
			continue;
		strbuf_reset(&href);
		strbuf_addf(&href, "/i/%s/%s", in->slug, tab_pages[i].path);
		links[n++] = (struct records_link){ web_strdup(req, href.buf), _(tab_pages[i].title), 0 };
	}
	pg->tabs = links;
	pg->ntabs = n;
	pg->tabs_label = _(page_tab_labels[kp->tab]);
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

/*
 * What a page says after a change it was sent to (?saved=KEY, ?deleted=1):
 * built from the record found by its key, never from the URL's text.
 */
static const char *
flash_of(struct web_request *req, const struct program *p, const struct initiative *in,
    const struct app_kind *ak, const struct kind_page *kp)
{
	const char *key = web_query(req, "saved");
	struct strbuf sb = STRBUF_INIT, name = STRBUF_INIT;
	struct form_ctx c = { p, in };
	const char *out = NULL;
	long i;

	if (web_query(req, "deleted")) {
		records_deleted_text(&kp->rk, &sb);
		out = web_strdup(req, sb.buf);
	} else if (key && (i = app_record_find(p, in, ak->k, key)) >= 0) {
		records_label(&c, ak->k, record_at(records_of(p, in, ak), ak, (size_t)i), &name);
		records_saved_text(&kp->rk, name.buf, &sb);
		out = web_strdup(req, sb.buf);
	}
	strbuf_release(&sb);
	strbuf_release(&name);
	return out;
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
	struct records_list_page lp;
	struct records_link links[8];
	struct page pg;
	struct strbuf base = STRBUF_INIT, tmp = STRBUF_INIT, query = STRBUF_INIT, exp = STRBUF_INIT,
	    rounds = STRBUF_INIT;
	const void **recs = NULL, **all = NULL;
	const char **hrefs = NULL, **filter = NULL;
	const char *sort = web_query(req, "sort"), *dir = web_query(req, "dir");
	const char *pagep = web_query(req, "page"), *search = web_query(req, "q");
	size_t n = 0, first, last, npending = 0;
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
	/* the filters: an enum or a reference equal to the query's value */
	filter = xcalloc((size_t)ak->k->nfields + 1, sizeof(*filter));
	kind_href(in, ak, &base);
	strbuf_addf(&query, "%s?", base.buf);
	for (int i = 0; i < ak->k->nfields; i++) {
		const struct field *f = &ak->k->fields[i];
		const char *want = web_query(req, f->name);

		if ((f->type == FT_ENUM || f->type == FT_REF) && want && *want) {
			filter[i] = want;
			strbuf_addf(&query, "%s=", f->name);
			url_add(&query, want);
			strbuf_addch(&query, '&');
		}
	}
	/* the program's own lists (organizations, people ...) search their names, accents folded */
	if (in == NULL && search && *search) {
		strbuf_addstr(&query, "q=");
		url_add(&query, search);
		strbuf_addch(&query, '&');
	} else
		search = NULL;
	recs = xcalloc(v->n + 1, sizeof(*recs));
	all = xcalloc(v->n + 1, sizeof(*all));
	for (size_t i = 0; i < v->n; i++) {
		const void *rec = record_at(v, ak, i);
		int pass = search == NULL;

		for (int f = 0; f < ak->k->nfields && !pass; f++)
			if (ak->k->fields[f].type == FT_STR)
				pass = text_contains(*(char *const *)FIELD_PTR(rec, &ak->k->fields[f]), search);
		all[i] = rec;
		for (int f = 0; f < ak->k->nfields && pass; f++) {
			if (filter[f] == NULL)
				continue;
			strbuf_reset(&tmp);
			field_to_text(&ak->k->fields[f], rec, &tmp);
			pass = strcmp(tmp.buf, filter[f]) == 0;
		}
		if (pass)
			recs[n++] = rec;
	}
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
	if (in)
		strbuf_addf(&exp, "/i/%s", in->slug);
	strbuf_addstr(&exp, "/export");
	if (in && strcmp(ak->name, "surveys") == 0)
		strbuf_addf(&rounds, "/i/%s/surveys/rounds", in->slug);
	if (in && strcmp(ak->name, "ledger") == 0)
		for (size_t i = 0; i < in->ledger.n; i++)
			npending += in->ledger.v[i].status == LSTATUS_PENDING;

	lp = (struct records_list_page){
		.c = { &wp->program, in }, .k = ak->k, .rk = &kp->rk,
		.all = all, .nall = v->n, .recs = recs, .hrefs = hrefs,
		.n = n, .first = first, .last = last, .page_size = PAGE_SIZE, .pageno = pageno,
		.base = base.buf, .query = query.buf, .filter = filter, .sort = sort, .desc = desc,
		.searchable = in == NULL, .search = search,
		.can_edit = may_edit(req, in), .export_base = exp.buf,
		.rounds_href = rounds.len ? rounds.buf : NULL,
		.approvals_href = npending ? "/program/approvals" : NULL, .npending = npending,
		.flash = flash_of(req, &wp->program, in, ak, kp), .today = date_today(),
	};
	/* the heading starts with the words of the tab it is under: "Money: Ledger" */
	strbuf_reset(&tmp);
	if (in && kp->tab != TAB_NONE && strcmp(kp->rk.title, page_tab_labels[kp->tab]) != 0)
		/* TRANSLATORS: a list's heading: the tab, then the list ("Money: Ledger") */
		strbuf_addf(&tmp, C_("tab and list", "%s: %s"), _(page_tab_labels[kp->tab]), _(kp->rk.title));
	else
		strbuf_addstr(&tmp, _(kp->rk.title));
	tab_links(req, in, kp, &lp, links, sizeof(links) / sizeof(links[0]));
	page_begin(&pg, res, &wp->program, tmp.buf, in, kp->tab);
	records_list(&pg.h, &lp);
	page_end(&pg);
	free(recs);
	free(all);
	free(hrefs);
	free(filter);
	strbuf_release(&base);
	strbuf_release(&tmp);
	strbuf_release(&query);
	strbuf_release(&exp);
	strbuf_release(&rounds);
	return 0;
}

/* ---------------------------------------------------------------- forms */

/* The add page, empty (typed NULL) or with what was typed and its problems (422). */
static int
new_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const struct app_kind *ak, const struct form_input *typed,
    const form_errors *errs)
{
	const struct kind_page *kp = kind_page(ak->name);
	struct page pg;
	struct strbuf title = STRBUF_INIT, action = STRBUF_INIT, id = STRBUF_INIT;
	struct form_pair pair;
	struct form_input sugg = { &pair, 0 };

	records_add_title(&kp->rk, &title);
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
	records_new(&pg.h, &(struct records_form_page){
		.c = { p, in }, .k = ak->k, .rk = &kp->rk, .action = action.buf,
		.csrf = req->csrf_token, .typed = typed, .errs = errs,
	});
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
	struct records_record_page rp;
	struct store_instrument_uses uses = { NULL, 0, 0 };
	struct store_slugs answered = { NULL, 0, 0 };
	struct records_use *ru = NULL;
	struct page pg;
	struct strbuf title = STRBUF_INIT, action = STRBUF_INIT, back = STRBUF_INIT,
	    label = STRBUF_INIT, tmp = STRBUF_INIT;

	rp = (struct records_record_page){
		.c = { p, in }, .k = ak->k, .rk = &kp->rk, .rec = rec,
		.csrf = req->csrf_token, .can_edit = may_edit(req, in),
		.readonly = app_record_readonly(ak->k, rec), .typed = typed, .errs = errs,
	};
	/* a saved message only for this record: its key is the one the redirect named */
	app_record_key(ak->k, rec, &tmp);
	if (web_query(req, "saved") && strcmp(web_query(req, "saved"), tmp.buf) == 0)
		rp.flash = flash_of(req, p, in, ak, kp);
	strbuf_reset(&tmp);
	/* the page is the record's name: "Hire a coordinator", "Ansgar Hill Outreach" */
	records_name(&rp.c, ak->k, &kp->rk, rec, &title);
	record_href(in, ak, rec, &action);
	kind_href(in, ak, &back);
	if (strcmp(ak->name, "members") == 0)
		strbuf_addstr(&label, _("All of Team & roles"));
	else
		strbuf_addf(&label, _("All %s"), _(kp->rk.title));
	rp.action = action.buf;
	rp.back = back.buf;
	rp.back_label = label.buf;
	if (strcmp(ak->name, "instruments") == 0) {
		/* every initiative's surveys, which no one snapshot holds: read from the store */
		struct strbuf err = STRBUF_INIT;
		struct store *st = web_store(req, &err);

		if (st == NULL || store_instrument_usage(st, p->slug,
		    ((const struct instrument *)rec)->code, &uses, &answered, &err)) {
			fprintf(stderr, "trellis serve: instrument usage: %s\n", err.buf);
			rp.uses_unknown = 1;
		} else {
			ru = xcalloc(uses.n + 1, sizeof(*ru));
			for (size_t u = 0; u < uses.n; u++) {
				strbuf_reset(&tmp);
				strbuf_addf(&tmp, "/i/%s/surveys/", uses.v[u].initiative);
				url_add(&tmp, uses.v[u].survey);
				ru[u] = (struct records_use){ uses.v[u].initiative_name, uses.v[u].survey,
				    web_strdup(req, tmp.buf), uses.v[u].opened, (long long)uses.v[u].responses };
			}
			rp.uses = ru;
			rp.nuses = uses.n;
			rp.answered = (const char *const *)answered.v;
			rp.nanswered = answered.n;
		}
		strbuf_release(&err);
	}
	page_begin(&pg, res, p, title.buf, in, kp->tab);
	if (errs && errs->n)
		res->status = 422;
	records_record(&pg.h, &rp);
	page_end(&pg);
	free(ru);
	store_instrument_uses_release(&uses);
	store_slugs_release(&answered);
	strbuf_release(&title);
	strbuf_release(&action);
	strbuf_release(&back);
	strbuf_release(&label);
	strbuf_release(&tmp);
	return 0;
}

/* The page that asks before a delete; nothing is deleted by showing it. */
static int
delete_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const struct app_kind *ak, size_t i)
{
	const struct kind_page *kp = kind_page(ak->name);
	const void *rec = record_at(records_of(p, in, ak), ak, i);
	struct form_ctx c = { p, in };
	struct page pg;
	struct strbuf title = STRBUF_INIT, name = STRBUF_INIT, action = STRBUF_INIT;

	records_label(&c, ak->k, rec, &name);
	records_delete_title(&kp->rk, &title);
	record_href(in, ak, rec, &action);
	page_begin(&pg, res, p, title.buf, in, kp->tab);
	records_confirm_delete(&pg.h, &(struct records_delete_page){
		.rk = &kp->rk, .name = name.buf, .action = action.buf, .csrf = req->csrf_token,
	});
	page_end(&pg);
	strbuf_release(&title);
	strbuf_release(&name);
	strbuf_release(&action);
	return 0;
}

/* The record the request names, in the snapshot: its index, or -1 with a 404 written. */
static long
request_record(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const struct app_kind *ak)
{
	long i = app_record_find(p, in, ak->k, req->id);

	if (i < 0)
		web_error(res, 404, in ? N_("There is no such record in this initiative.") :
		    N_("There is no such record in the program."));
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
		return web_error(res, 403,
		    N_("Your role may read this initiative's records, not change them."));
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

/*
 * Where to go after a change: the record (?saved=KEY: its page says it was
 * saved), the list after a delete (?deleted=1), or for a member the Team &
 * roles page.
 */
static void
after_url(const struct initiative *in, const struct app_kind *ak, const char *key, struct strbuf *out)
{
	kind_href(in, ak, out);
	if (key == NULL)
		strbuf_addstr(out, "?deleted=1");
	else if (strcmp(ak->name, "members") != 0) {
		strbuf_addch(out, '/');
		url_add(out, key);
		strbuf_addstr(out, "?saved=");
		url_add(out, key);
	} else {
		/* Team & roles says which member was saved (h_team.c) */
		strbuf_addstr(out, "?saved=");
		url_add(out, key);
	}
}

/*
 * Every problem of a form at once: what could not be read (form_parse,
 * already in errs), then what the record says wrong as it stands
 * (model_check_record: dates in order, references that exist), each
 * beside its field; a field with a problem already gets no second one.
 */
static int
form_problems(const struct program *p, const struct initiative *in, const struct app_kind *ak,
    void *rec, const struct form_input *typed, form_errors *errs)
{
	model_errors me = { NULL, 0, 0 };

	model_check_record(p, in, ak->k, rec, &me);
	for (size_t i = 0; i < me.n; i++) {
		const char *path = me.v[i].path[0] ? me.v[i].path : me.v[i].field;
		int dup = 0;

		for (size_t j = 0; j < errs->n && !dup; j++)
			dup = strcmp(errs->v[j].path, path) == 0;
		if (!dup)
			form_error_model(errs, ak->k, typed, &me.v[i]);
	}
	VEC_FREE(&me);
	return (int)errs->n;
}

/*
 * One record's change from a form, as a write's change (records_write_run):
 * what the form parsed is copied for each run (app/edit.h takes the record
 * it is given), and the result and the audit's change are overwritten by
 * each run, so a run again after a conflict starts from nothing of the last.
 */
struct form_write {
	const struct app_kind *ak;
	const void *rec;		/* what the form parsed (NULL: a delete) */
	const char *id;			/* the record changed (NULL: an add) */
	const char *actor;
	int ran, found;			/* the change ran; it found record id */
	enum app_result r;
	struct app_change *c;
	struct model_error *e;
};

/* app_write_fn: the form's add, update or delete on w. */
static int
form_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct form_write *f = arg;
	const struct kind *k = f->ak->k;
	void *rec = NULL;
	long wi = -1;

	f->ran = 1;
	f->r = APP_ERROR;
	memset(f->e, 0, sizeof(*f->e));
	if (f->id && (wi = app_record_find(&w->p, w->in, k, f->id)) < 0) {
		f->found = 0;	/* deleted meanwhile */
		return 1;
	}
	f->found = 1;
	if (f->rec) {
		rec = xcalloc(1, k->size);
		kind_copy(k, rec, f->rec);
	}
	if (f->id == NULL)
		f->r = app_add(w->s, &w->p, w->in, k, rec, f->actor, f->c, f->e, err);
	else if (rec == NULL)
		f->r = app_delete(w->s, &w->p, w->in, k, (size_t)wi, f->actor, f->c, f->e, err);
	else {
		void *old = (char *)records_of(&w->p, w->in, f->ak)->v + (size_t)wi * k->size;

		/* what the form does not edit (a survey's responses) stays as it was */
		for (int i = 0; i < k->nfields; i++)
			if (!form_field_editable(&k->fields[i]) &&
			    !(k->fields[i].flags & FL_WORKFLOW))	/* app_update keeps those */
				field_swap(&k->fields[i], rec, old);
		f->r = app_update(w->s, &w->p, w->in, k, (size_t)wi, rec, f->actor, f->c, f->e,
		    err);
	}
	free(rec);	/* left empty by app/edit.h */
	/* a ledger entry entered pending: the mail to who may approve it, in the same write */
	if (f->r == APP_OK && f->id == NULL && k == &kind_ledger_entry &&
	    approvals_mail(w->s, &w->p, w->in, f->c->key.buf, err))
		f->r = APP_ERROR;
	return f->r == APP_OK ? 0 : f->r == APP_ERROR ? -1 : 1;
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
	struct form_write f;
	int r;
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
	form_parse(ak->k, rec, &typed, &errs);
	if (form_problems(&wp->program, in, ak, rec, &typed, &errs)) {
		ret = new_page(req, res, &wp->program, in, ak, &typed, &errs);
		goto out;
	}
	f = (struct form_write){ .ak = ak, .rec = rec, .actor = web_actor(req), .c = &c, .e = &e };
	if ((r = records_write_run(req, &w, form_change, &f, &err)) == 1 && !f.ran) {
		ret = -1;	/* the initiative is gone */
		goto out;
	}
	if (records_write_busy(req, &w, r, &err, res)) {
		ret = 0;
		goto out;
	}
	r = r == 0 ? APP_OK : r == 1 ? f.r : APP_ERROR;
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
		form_error_add(&errs, NULL, err.len ? err.buf : _("The record could not be saved."));
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
	const char *action = web_form(req, "action"), *confirm = web_form(req, "confirm");
	int del = action && strcmp(action, "delete") == 0;
	struct form_write f;
	int r;
	void *rec = NULL;
	long i;
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
		web_error(res, 403, N_("The built-in instruments cannot be changed or deleted."));
		goto out;
	}
	if (del && (confirm == NULL || strcmp(confirm, RECORDS_CONFIRM) != 0)) {
		/* the delete button asks first: the page with Delete and Cancel */
		ret = delete_page(req, res, &wp->program, in, ak, (size_t)i);
		goto out;
	}
	records_input(req, &typed);
	if (!del && web_form(req, FORM_MORE)) {
		ret = record_page(req, res, &wp->program, in, ak, (size_t)i, &typed, NULL);
		goto out;
	}
	if (!del) {
		rec = xcalloc(1, ak->k->size);
		form_parse(ak->k, rec, &typed, &errs);
		if (form_problems(&wp->program, in, ak, rec, &typed, &errs)) {
			ret = record_page(req, res, &wp->program, in, ak, (size_t)i, &typed, &errs);
			goto out;
		}
	}
	f = (struct form_write){ .ak = ak, .rec = rec, .id = req->id, .actor = web_actor(req),
	    .c = &c, .e = &e };
	if ((r = records_write_run(req, &w, form_change, &f, &err)) == 1 && !f.ran) {
		ret = -1;	/* the initiative is gone */
		goto out;
	}
	if (r == 1 && !f.found) {
		/* deleted meanwhile */
		web_error(res, 404, N_("There is no such record."));
		goto out;
	}
	if (records_write_busy(req, &w, r, &err, res)) {
		ret = 0;
		goto out;
	}
	r = r == 0 ? APP_OK : r == 1 ? f.r : APP_ERROR;
	switch (r) {
	case APP_OK:
		after_url(in, ak, del ? NULL : c.key.buf, &url);
		web_redirect(res, url.buf);
		break;
	case APP_INVALID:
		form_error_model(&errs, ak->k, del ? NULL : &typed, &e);
		ret = record_page(req, res, &wp->program, in, ak, (size_t)i, del ? NULL : &typed, &errs);
		break;
	case APP_CONFLICT:
		/* the record's state refuses it (a ledger entry's approvals): said on its page */
		form_error_add(&errs, NULL, e.msg);
		ret = record_page(req, res, &wp->program, in, ak, (size_t)i, del ? NULL : &typed, &errs);
		break;
	default:
		fprintf(stderr, "trellis serve: %s %s: %s\n", del ? "delete" : "update", ak->name, err.buf);
		form_error_add(&errs, NULL, err.len ? err.buf : _("The change could not be saved."));
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
