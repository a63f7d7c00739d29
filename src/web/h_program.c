/*
 * GET /: the program portfolio (PAGES.md, DESIGN §6; view/portfolio.c):
 * every initiative side by side, ?sort=COL&dir=asc|desc ordering the
 * table. A member or viewer, who sees one initiative only, is sent to it.
 * On a server of several programs, / without a program lists them
 * (view/programs_page.c) or sends its person to the one they have.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "funder.h"
#include "page.h"
#include "router.h"
#include "../view/figures.h"
#include "../view/portfolio.h"
#include "../view/programs_page.h"
#include "../util/i18n.h"
#include "../util/url.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/* The program-level records (h_records.c), for the roles that may read them. */
static void
program_record_links(const struct web_request *req, struct html *h)
{
	static const char *const links[][2] = {
		{ "/program/organizations", N_("Organizations") },
		{ "/program/people", N_("People") },
		{ "/program/instruments", N_("Instruments") },
		{ "/program/learning", N_("Learning agenda") },
		{ "/program/checkins", N_("Check-ins") },
		{ "/program/assistance", N_("Technical assistance") },
		{ "/program/actions", N_("Open actions") },
		{ "/program/portfolio", N_("Portfolio over time") },
		{ "/program/candidates", N_("Candidate backbones") },
		{ "/program/approvals", N_("Approvals") },
		{ "/program/settings", N_("Settings") },
		/* setting up (h_setup.c): admins only */
		{ "/program/initiatives/new", N_("New initiative") },
		{ "/program/edit", N_("Program details") },
	};
	size_t n = sizeof(links) / sizeof(links[0]);

	if (!req->authenticated || !(req->user.role & (WEB_ADMIN | WEB_EVALUATOR)))
		return;
	if (req->user.role != WEB_ADMIN)
		n -= 2;
	html_open(h, "nav", "class", "actions", "aria-label", _("Program records"), NULL);
	for (size_t i = 0; i < n; i++) {
		html_open(h, "a", "href", links[i][0], NULL);
		html_text(h, _(links[i][1]));
		html_close(h);
	}
	html_close(h);
}

/*
 * One initiative's row of the portfolio into row: its computed part (the
 * reports of the period and of the same period a year earlier) is kept
 * with the initiative's snapshot as a fragment, one line of
 * portfolio_row_format, so a write in another initiative leaves it in
 * place; the names come from the catalog. Returns 0, or -1 (logged).
 */
static int
portfolio_row(struct web_request *req, const struct program *cat, const struct initiative *ci,
    tdate as_of, int months, struct portfolio_row *row)
{
	const struct web_program *wp = web_initiative_get(req, ci->slug);
	const struct program *p;
	const struct initiative *in;
	struct strbuf key = STRBUF_INIT, line = STRBUF_INIT;
	struct report r, before;
	int ret = -1;

	row->slug = ci->slug;
	row->name = ci->name;
	row->city = ci->city;
	row->backbone = cat->orgs.v[ci->backbone.idx].name;
	if (wp == NULL)
		return -1;
	strbuf_addf(&key, "portfolio-row %d %d", (int)as_of, months);
	if (web_fragment_get_in(wp, key.buf, &line)) {
		if (portfolio_row_parse(row, line.buf) == 0)
			ret = 0;
		else
			fprintf(stderr, "trellis serve: the kept portfolio row of '%s' does not read\n",
			    ci->slug);
		goto done;
	}
	p = &wp->program;
	in = program_initiative(p, ci->slug);
	metrics_report_init(&r);
	metrics_report_init(&before);
	/* the trail: where it stood at the same point a year earlier */
	if (in == NULL || metrics_report(p, in, as_of, months, &wp->settings, &r) ||
	    metrics_report(p, in, date_add_months(as_of, -12), months, &wp->settings, &before)) {
		fprintf(stderr, "trellis serve: cannot compute the report of '%s'\n", ci->slug);
		goto out;
	}
	portfolio_row_from_reports(row, &r, &before);
	portfolio_row_format(row, &line);
	web_fragment_put_in(wp, key.buf, line.buf, line.len);
	ret = 0;
out:
	metrics_report_release(&r);
	metrics_report_release(&before);
done:
	web_program_put(wp);
	strbuf_release(&key);
	strbuf_release(&line);
	return ret;
}

/*
 * The portfolio's costly part, kept with the catalog (web_fragment_put)
 * for the data's version and the order asked for: head gets the line
 * under the title and the period form, body the quadrant and the table
 * (view/portfolio.c). Neither depends on the user; the links to the
 * program's records, which do, go between them. It is made of each
 * initiative's row (portfolio_row), one initiative snapshot held at a
 * time, so memory stays that of the largest initiative and a write
 * recomputes only its own initiative's row.
 */
static int
portfolio(struct web_request *req, struct html *head, struct html *h,
    const struct web_program *wp, tdate as_of, int months, int sort, int desc)
{
	const struct program *p = &wp->program;
	struct portfolio_row *rows;
	struct portfolio_page pg;
	struct strbuf query = STRBUF_INIT;
	size_t n = p->initiatives.n;
	char d[DATE_BUFSZ], w1[DATE_WORDS_BUFSZ], w2[DATE_WORDS_BUFSZ];
	const char *lang = lang_code(i18n_current());
	int ret = -1;

	rows = xcalloc(n ? n : 1, sizeof(*rows));
	for (size_t i = 0; i < n; i++)
		if (portfolio_row(req, p, &p->initiatives.v[i], as_of, months, &rows[i]))
			goto out;

	html_open(head, "p", "class", "meta", NULL);
	if (n)
		/* TRANSLATORS: the funder, the number of initiatives, the period's first and last day */
		html_textf(head, P_("Funded by %s · %zu initiative · period %s – %s",
		    "Funded by %s · %zu initiatives · period %s – %s", n), p->funder, n,
		    date_format_words_lang(rows[0].start, lang, w1),
		    date_format_words_lang(rows[0].end, lang, w2));
	else
		/* TRANSLATORS: the funder, then the period's last day (there is no initiative yet) */
		html_textf(head, _("Funded by %s · 0 initiatives · period ending %s"), p->funder,
		    date_format_words_lang(as_of, lang, w1));
	html_close(head);
	page_period_form(head, "/", as_of, months);

	if (n == 0) {
		html_elem(h, "p", _("This program has no initiatives yet. Import a trellis/1 document "
		    "or run `trellis demo` to see how Trellis reads."));
		ret = 0;
		goto out;
	}
	strbuf_addf(&query, "as_of=%s&months=%d", date_format(as_of, d), months);
	pg.rows = rows;
	pg.n = n;
	pg.sort = sort;
	pg.desc = desc;
	pg.period_query = query.buf;
	portfolio_render(h, &pg);
	ret = 0;
out:
	free(rows);
	strbuf_release(&query);
	return ret;
}

/*
 * The table's order from ?sort=COL&dir=asc|desc into *sort (-1: none
 * asked, the program's order) and *desc. Returns 0, or -1 with the
 * message for a 400 in msg.
 */
static int
sort_param(const struct web_request *req, int *sort, int *desc, struct strbuf *msg)
{
	const char *col = web_query(req, "sort"), *dir = web_query(req, "dir");

	*sort = -1;
	*desc = 0;
	if (col && *col && (*sort = portfolio_col_parse(col)) < 0) {
		strbuf_addf(msg, _("sort: there is no column '%s'; the columns are"), col);
		for (int c = 0; c < PCOL__MAX; c++)
			strbuf_addf(msg, "%s %s", c ? "," : "", portfolio_col_names[c]);
		strbuf_addch(msg, '.');
		return -1;
	}
	if (dir && *dir && strcmp(dir, "asc") != 0 && strcmp(dir, "desc") != 0) {
		strbuf_addf(msg, _("dir: '%s' is neither asc nor desc."), dir);
		return -1;
	}
	*desc = dir && strcmp(dir, "desc") == 0;
	return 0;
}

/*
 * / of a server of several programs (docs/web.md): an admin gets the list
 * of programs; anyone else, whose account is in one program, is sent to
 * its start (a member or viewer to their initiative).
 */
static int
programs_start(struct web_request *req, struct web_response *res)
{
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
	const char **slugs, **names;
	struct programs_page_item *items;
	struct programs_page pp = { NULL, 0 };
	struct page pg;
	size_t n;

	if (req->user.program) {
		if (req->user.initiative)
			strbuf_addf(&path, "/i/%s", req->user.initiative);
		else
			strbuf_addch(&path, '/');
		url_in_program(&sb, req->user.program, path.buf);
		web_redirect(res, sb.buf);
		strbuf_release(&sb);
		strbuf_release(&path);
		return 0;
	}
	/* fetch → render: an admin's account is of every program */
	n = web_program_list(req, &slugs, &names);
	items = web_alloc(req, (n + 1) * sizeof(*items));
	for (size_t i = 0; i < n; i++)
		items[i] = (struct programs_page_item){ .slug = slugs[i], .name = names[i] };
	pp = (struct programs_page){ .items = items, .n = n };
	page_begin(&pg, res, NULL, _("Programs"), NULL, TAB_NONE);
	programs_page(&pg.h, &pp);
	page_end(&pg);
	return 0;
}

int
h_program(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp;
	const struct program *p;
	struct page pg;
	struct strbuf sb = STRBUF_INIT, key = STRBUF_INIT, headkey = STRBUF_INIT;
	struct strbuf head = STRBUF_INIT, body = STRBUF_INIT;
	const char *msg;
	tdate as_of;
	int months, sort, desc, ret = -1;

	if (req->program == NULL)
		return programs_start(req, res);
	if (req->user.role == WEB_MEMBER || req->user.role == WEB_VIEWER) {
		strbuf_addf(&sb, "/i/%s", req->user.initiative);
		web_redirect(res, sb.buf);
		strbuf_release(&sb);
		return 0;
	}
	if ((wp = web_program(req)) == NULL)
		return -1;
	p = &wp->program;
	if (page_period(req, p, &as_of, &months, &msg))
		return page_period_refused(res, p, p->name, NULL, TAB_NONE, "/") ? 0 : -1;
	if (sort_param(req, &sort, &desc, &sb)) {
		ret = web_error(res, 400, sb.buf);
		goto out;
	}
	/* the catalog outlives writes to one initiative: the data's version names the state */
	/* and the page's language, whose words it holds */
	strbuf_addf(&key, "portfolio %d %d %lld %d %d %s", (int)as_of, months,
	    (long long)req->data_version, sort, desc, lang_code(req->lang));
	strbuf_addf(&headkey, "portfolio-head %d %d %lld %s", (int)as_of, months,
	    (long long)req->data_version, lang_code(req->lang));
	if (!web_fragment_get(req, headkey.buf, &head) || !web_fragment_get(req, key.buf, &body)) {
		struct html hh, hb;

		strbuf_reset(&head);
		strbuf_reset(&body);
		html_init(&hh, &head);
		html_init(&hb, &body);
		if (portfolio(req, &hh, &hb, wp, as_of, months, sort, desc))
			goto out;
		web_fragment_put(req, headkey.buf, head.buf, head.len);
		web_fragment_put(req, key.buf, body.buf, body.len);
	}
	page_begin(&pg, res, p, p->name, NULL, TAB_NONE);
	html_raw(&pg.h, head.buf);
	program_record_links(req, &pg.h);
	html_raw(&pg.h, body.buf);
	if (p->initiatives.n && funder_followups(req, p, &pg.h))
		goto out;
	page_end(&pg);
	ret = 0;
out:
	strbuf_release(&sb);
	strbuf_release(&key);
	strbuf_release(&headkey);
	strbuf_release(&head);
	strbuf_release(&body);
	return ret;
}
