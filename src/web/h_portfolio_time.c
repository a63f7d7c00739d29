/*
 * The portfolio over time (issue 13, item 2; view/portfolio_time.c):
 * GET /program/portfolio (the page), /program/portfolio.csv (the same
 * table, one line per initiative and quarter) and /api/v1/program/portfolio
 * (JSON). Each takes the portfolio's ?as_of=&months= (page_period) and the
 * page ?sort=COL&dir=asc|desc. Fetch: each initiative's snapshot, one at a
 * time; compute: its series of quarterly reports (metrics/series.c);
 * render: the view.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "router.h"
#include "../metrics/series.h"
#include "../view/portfolio_time.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

enum ptime_format { PT_HTML, PT_CSV, PT_JSON };

/* Every initiative's series into pg->rows (names from the catalog). Returns 0, or -1 (logged). */
static int
ptime_fetch(struct web_request *req, const struct program *cat, tdate as_of, int months,
    struct ptime_page *pg)
{
	pg->n = cat->initiatives.n;
	pg->rows = xcalloc(pg->n ? pg->n : 1, sizeof(*pg->rows));
	for (size_t i = 0; i < pg->n; i++) {
		const struct initiative *ci = &cat->initiatives.v[i];
		const struct web_program *wp = web_initiative_get(req, ci->slug);
		const struct initiative *in;
		int rc;

		pg->rows[i].slug = ci->slug;
		pg->rows[i].name = ci->name;
		pg->rows[i].city = ci->city;
		metrics_series_init(&pg->rows[i].series);
		if (wp == NULL)
			return -1;
		in = program_initiative(&wp->program, ci->slug);
		rc = in == NULL || metrics_series(&wp->program, in, as_of, months, &wp->settings,
		    &pg->rows[i].series);
		pg->rows[i].series.initiative = NULL;	/* the snapshot goes: keep no pointer into it */
		web_program_put(wp);
		if (rc) {
			fprintf(stderr, "trellis serve: cannot compute the series of '%s'\n", ci->slug);
			return -1;
		}
	}
	return 0;
}

static void
ptime_release(struct ptime_page *pg)
{
	for (size_t i = 0; pg->rows && i < pg->n; i++)
		metrics_series_release(&pg->rows[i].series);
	free(pg->rows);
	pg->rows = NULL;
}

static int
ptime(struct web_request *req, struct web_response *res, enum ptime_format fmt)
{
	const struct web_program *wp;
	const struct program *p;
	struct ptime_page pg = { NULL, 0, -1, 0, 12, NULL };
	struct strbuf query = STRBUF_INIT, msg = STRBUF_INIT, disp = STRBUF_INIT;
	const char *perr, *col = web_query(req, "sort"), *dir = web_query(req, "dir");
	char d[DATE_BUFSZ];
	tdate as_of;
	int ret = -1;

	if ((wp = web_program(req)) == NULL)
		return -1;
	p = &wp->program;
	if (page_period(req, p, &as_of, &pg.months, &perr)) {
		if (fmt == PT_HTML)
			return page_period_refused(res, p, "Portfolio over time", NULL, TAB_NONE,
			    "/program/portfolio") ? 0 : -1;
		return web_error(res, 400, perr);
	}
	if (col && *col && (pg.sort = ptime_col_parse(col)) < 0) {
		strbuf_addf(&msg, "sort: there is no column '%s'; the columns are", col);
		for (int c = 0; c < PTCOL__MAX; c++)
			strbuf_addf(&msg, "%s %s", c ? "," : "", ptime_col_names[c]);
		strbuf_addch(&msg, '.');
		ret = web_error(res, 400, msg.buf);
		goto out;
	}
	if (dir && *dir && strcmp(dir, "asc") != 0 && strcmp(dir, "desc") != 0) {
		strbuf_addf(&msg, "dir: '%s' is neither asc nor desc.", dir);
		ret = web_error(res, 400, msg.buf);
		goto out;
	}
	pg.desc = dir && strcmp(dir, "desc") == 0;
	if (ptime_fetch(req, p, as_of, pg.months, &pg))
		goto out;
	strbuf_addf(&query, "as_of=%s&months=%d", date_format(as_of, d), pg.months);
	pg.period_query = query.buf;
	if (pg.sort >= 0)
		ptime_sort(pg.rows, pg.n, pg.sort, pg.desc);
	if (fmt == PT_HTML) {
		struct page page;

		page_begin(&page, res, p, "Portfolio over time", NULL, TAB_NONE);
		page_period_form(&page.h, "/program/portfolio", as_of, pg.months);
		html_open(&page.h, "nav", "class", "actions", "aria-label", "This table elsewhere", NULL);
		strbuf_reset(&msg);
		strbuf_addf(&msg, "/program/portfolio.csv?%s", query.buf);
		html_open(&page.h, "a", "href", msg.buf, NULL);
		html_text(&page.h, "Download as CSV");
		html_close(&page.h);
		html_open(&page.h, "a", "href", "/", NULL);
		html_text(&page.h, "The portfolio today");
		html_close(&page.h);
		html_close(&page.h);
		pg.sort = pg.sort >= 0 ? pg.sort : -1;
		ptime_render(&page.h, &pg);
		page_end(&page);
	} else if (fmt == PT_CSV) {
		strbuf_reset(&res->body);
		res->status = 200;
		res->content_type = "text/csv; charset=utf-8";
		ptime_csv(&pg, &res->body);
		strbuf_addf(&disp, "attachment; filename=\"%s-portfolio-%s.csv\"", p->slug, d);
		web_header_add(res, "Content-Disposition", disp.buf);
	} else {
		strbuf_reset(&res->body);
		res->status = 200;
		res->content_type = "application/json";
		ptime_json(&pg, &res->body);
		strbuf_addch(&res->body, '\n');
	}
	ret = 0;
out:
	ptime_release(&pg);
	strbuf_release(&query);
	strbuf_release(&msg);
	strbuf_release(&disp);
	return ret;
}

int
h_portfolio_time(struct web_request *req, struct web_response *res)
{
	return ptime(req, res, PT_HTML);
}

int
h_portfolio_time_csv(struct web_request *req, struct web_response *res)
{
	return ptime(req, res, PT_CSV);
}

int
h_api_portfolio(struct web_request *req, struct web_response *res)
{
	return ptime(req, res, PT_JSON);
}
