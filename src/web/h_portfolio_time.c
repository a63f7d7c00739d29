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
#include "../util/i18n.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

enum ptime_format { PT_HTML, PT_CSV, PT_JSON };

/*
 * One initiative's series into s: kept with its snapshot as a line of
 * ptime_series_format per period (as_of, months), so a request for the
 * same period, or after a write in another initiative, computes nothing
 * again. Returns 0, or -1 (logged).
 */
static int
series_of(struct web_request *req, const char *slug, tdate as_of, int months, struct series *s)
{
	const struct web_program *wp = web_initiative_get(req, slug);
	const struct initiative *in;
	struct strbuf key = STRBUF_INIT, line = STRBUF_INIT;
	int ret = -1;

	if (wp == NULL)
		return -1;
	strbuf_addf(&key, "series %d %d", (int)as_of, months);
	if (web_fragment_get_in(wp, key.buf, &line) && ptime_series_parse(s, line.buf) == 0) {
		ret = 0;
		goto out;
	}
	in = program_initiative(&wp->program, slug);
	if (in == NULL || metrics_series(&wp->program, in, as_of, months, &wp->settings, s)) {
		fprintf(stderr, "trellis serve: cannot compute the series of '%s'\n", slug);
		goto out;
	}
	s->initiative = NULL;	/* the snapshot goes: keep no pointer into it */
	strbuf_reset(&line);
	ptime_series_format(s, &line);
	web_fragment_put_in(wp, key.buf, line.buf, line.len);
	ret = 0;
out:
	web_program_put(wp);
	strbuf_release(&key);
	strbuf_release(&line);
	return ret;
}

/* Every initiative's series into pg->rows (names from the catalog), one snapshot at a time. */
static int
ptime_fetch(struct web_request *req, const struct program *cat, tdate as_of, int months,
    struct ptime_page *pg)
{
	pg->n = cat->initiatives.n;
	pg->rows = xcalloc(pg->n ? pg->n : 1, sizeof(*pg->rows));
	for (size_t i = 0; i < pg->n; i++) {
		const struct initiative *ci = &cat->initiatives.v[i];

		pg->rows[i].slug = ci->slug;
		pg->rows[i].name = ci->name;
		pg->rows[i].city = ci->city;
		metrics_series_init(&pg->rows[i].series);
		if (series_of(req, ci->slug, as_of, months, &pg->rows[i].series))
			return -1;
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
	struct strbuf key = STRBUF_INIT, body = STRBUF_INIT;
	const char *perr, *col = web_query(req, "sort"), *dir = web_query(req, "dir");
	char d[DATE_BUFSZ];
	tdate as_of;
	int ret = -1;

	if ((wp = web_program(req)) == NULL)
		return -1;
	p = &wp->program;
	if (page_period(req, p, &as_of, &pg.months, &perr)) {
		if (fmt == PT_HTML)
			return page_period_refused(res, p, _("Portfolio over time"), NULL, TAB_NONE,
			    "/program/portfolio") ? 0 : -1;
		return web_error(res, 400, perr);
	}
	if (col && *col && (pg.sort = ptime_col_parse(col)) < 0) {
		strbuf_addf(&msg, _("sort: there is no column '%s'; the columns are"), col);
		for (int c = 0; c < PTCOL__MAX; c++)
			strbuf_addf(&msg, "%s %s", c ? "," : "", ptime_col_names[c]);
		strbuf_addch(&msg, '.');
		ret = web_error(res, 400, msg.buf);
		goto out;
	}
	if (dir && *dir && strcmp(dir, "asc") != 0 && strcmp(dir, "desc") != 0) {
		strbuf_addf(&msg, _("dir: '%s' is neither asc nor desc."), dir);
		ret = web_error(res, 400, msg.buf);
		goto out;
	}
	pg.desc = dir && strcmp(dir, "desc") == 0;
	strbuf_addf(&query, "as_of=%s&months=%d", date_format(as_of, d), pg.months);
	pg.period_query = query.buf;
	/*
	 * The whole answer but the page's frame (which is the user's) is kept
	 * with the catalog for the data's version, like the portfolio's; a
	 * write in one initiative then recomputes its own series alone.
	 */
	strbuf_addf(&key, "portfolio-time %d %d %lld %d %d %d %s", (int)as_of, pg.months,
	    (long long)req->data_version, pg.sort, pg.desc, (int)fmt,
	    fmt == PT_HTML ? lang_code(req->lang) : "");	/* a page holds words of its language */
	if (!web_fragment_get(req, key.buf, &body)) {
		if (ptime_fetch(req, p, as_of, pg.months, &pg))
			goto out;
		if (pg.sort >= 0)
			ptime_sort(pg.rows, pg.n, pg.sort, pg.desc);
		if (fmt == PT_HTML) {
			struct html h;

			html_init(&h, &body);
			page_period_form(&h, "/program/portfolio", as_of, pg.months);
			html_open(&h, "nav", "class", "actions", "aria-label", _("This table elsewhere"), NULL);
			strbuf_reset(&msg);
			strbuf_addf(&msg, "/program/portfolio.csv?%s", query.buf);
			html_open(&h, "a", "href", msg.buf, NULL);
			html_text(&h, _("Download as CSV"));
			html_close(&h);
			html_open(&h, "a", "href", "/", NULL);
			html_text(&h, _("The portfolio today"));
			html_close(&h);
			html_close(&h);
			ptime_render(&h, &pg);
		} else if (fmt == PT_CSV)
			ptime_csv(&pg, &body);
		else {
			ptime_json(&pg, &body);
			strbuf_addch(&body, '\n');
		}
		web_fragment_put(req, key.buf, body.buf, body.len);
	}
	if (fmt == PT_HTML) {
		struct page page;

		page_begin(&page, res, p, _("Portfolio over time"), NULL, TAB_NONE);
		html_raw(&page.h, body.buf);
		page_end(&page);
	} else {
		strbuf_reset(&res->body);
		strbuf_add(&res->body, body.buf, body.len);
		res->status = 200;
		if (fmt == PT_CSV) {
			res->content_type = "text/csv; charset=utf-8";
			strbuf_addf(&disp, "attachment; filename=\"%s-portfolio-%s.csv\"", p->slug, d);
			web_header_add(res, "Content-Disposition", disp.buf);
		} else
			res->content_type = "application/json";
	}
	ret = 0;
out:
	ptime_release(&pg);
	strbuf_release(&query);
	strbuf_release(&msg);
	strbuf_release(&disp);
	strbuf_release(&key);
	strbuf_release(&body);
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
