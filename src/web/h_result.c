/*
 * The Shared result tab, GET /i/{slug}/observations (issue 11 point 7):
 * h_records dispatches the initiative's observations list here. Fetch
 * (the initiative from the request's program), compute (where the result
 * stands: metrics_result_progress), render (view/shared_result.c). Adding,
 * editing and deleting a measurement stay on the record pages
 * (/i/{slug}/observations/new, /i/{slug}/observations/{id}).
 */
#include <stdio.h>
#include <stdlib.h>

#include "records.h"
#include "../view/shared_result.h"
#include "../util/date.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

int
result_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in)
{
	struct metrics_result_progress progress;
	struct shared_result_page pg = { 0 };
	struct strbuf sb = STRBUF_INIT;
	const char **hrefs;
	struct page frame;
	tdate as_of = date_today();

	/* the tab shows every measurement recorded, also one dated after today */
	for (size_t i = 0; i < in->observations.n; i++)
		if (in->observations.v[i].date != DATE_NONE && in->observations.v[i].date > as_of)
			as_of = in->observations.v[i].date;
	hrefs = xcalloc(in->observations.n + 1, sizeof(*hrefs));
	for (size_t i = 0; i < in->observations.n; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/observations/", in->slug);
		app_record_key(&kind_observation, &in->observations.v[i], &sb);
		hrefs[i] = web_strdup(req, sb.buf);
	}
	pg.in = in;
	pg.has_progress = metrics_result_progress(in, as_of, &progress) == 0;
	pg.progress = &progress;
	pg.as_of = as_of;
	pg.obs_href = hrefs;
	if (records_may_edit(req)) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/observations/new", in->slug);
		pg.add_href = web_strdup(req, sb.buf);
	}
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s/export?kind=observations&format=csv", in->slug);
	pg.csv_href = web_strdup(req, sb.buf);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s/export?kind=observations&format=xlsx", in->slug);
	pg.xlsx_href = web_strdup(req, sb.buf);

	page_begin(&frame, res, p, _("Shared result"), in, TAB_RESULT);
	shared_result_page(&frame.h, &pg);
	page_end(&frame);
	free(hrefs);
	strbuf_release(&sb);
	return 0;
}
