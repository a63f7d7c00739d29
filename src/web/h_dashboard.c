/*
 * GET /i/{slug}: an initiative's overview (PAGES.md): its name, city and
 * backbone, the period form, then the balance section the printed report
 * uses (quadrant, both scores with their parts, what to discuss with links
 * to the records behind it, what goes well, the shared result, backbone
 * capacity and every figure with its N).
 */
#include <stdio.h>
#include <string.h>

#include "page.h"
#include "router.h"
#include "../view/figures.h"
#include "../view/report_html.h"
#include "../util/banned.h"

int
h_dashboard(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp;
	const struct program *p;
	const struct initiative *in;
	struct report r;
	struct capacity cap;
	struct page pg;
	struct html *h;
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	const char *msg;
	tdate as_of, today = date_today();
	int months, ret = -1;

	if ((wp = web_program(req)) == NULL)
		return -1;
	p = &wp->program;
	if ((in = program_initiative(p, req->slug)) == NULL)
		return web_error(res, 404, "There is no initiative at this address.");
	if (page_period(req, p, &as_of, &months, &msg))
		return web_error(res, 400, msg);
	metrics_report_init(&r);
	metrics_capacity_init(&cap);
	if (metrics_report(p, in, as_of, months, &wp->settings, &r) ||
	    metrics_capacity(p, in->backbone.idx, in, as_of, &wp->settings, &cap)) {
		fprintf(stderr, "trellis serve: cannot compute the report of '%s'\n", in->slug);
		goto out;
	}

	page_begin(&pg, res, p, in->name, in, TAB_OVERVIEW);
	h = &pg.h;
	html_open(h, "p", "class", "meta", NULL);
	html_textf(h, "%s · backbone %s · %s", in->city, p->orgs.v[in->backbone.idx].name, p->name);
	html_close(h);
	strbuf_addf(&base, "/i/%s", in->slug);
	page_period_form(h, base.buf, as_of, months);
	html_open(h, "p", "class", "printed", NULL);
	figure_date(r.start, &sb);
	strbuf_addstr(&sb, " – ");
	figure_date(r.end, &sb);
	strbuf_addstr(&sb, ", printed ");
	figure_date(today, &sb);
	html_textf(h, "Period %s.", sb.buf);
	html_close(h);
	report_html_section(h, &r, &cap, base.buf);
	page_end(&pg);
	ret = 0;
out:
	metrics_report_release(&r);
	metrics_capacity_release(&cap);
	strbuf_release(&sb);
	strbuf_release(&base);
	return ret;
}
