/*
 * GET /program/actions: the open actions across the portfolio (issue 12;
 * view/open_actions.c), for the funder and evaluators. Fetch: each
 * initiative's snapshot in turn (one held at a time, as the portfolio),
 * its open actions copied as plain rows into the request's arena;
 * compute: soonest due first; render.
 */
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "router.h"
#include "../view/actions.h"
#include "../view/open_actions.h"
#include "../util/vec.h"
#include "../util/i18n.h"
#include "../util/banned.h"

static int
cmp_due(const void *a, const void *b)
{
	const struct open_action_row *x = a, *y = b;
	int c;

	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if ((c = strcmp(x->initiative_name, y->initiative_name)) != 0)
		return c;
	return strcmp(x->id, y->id);
}

int
h_program_actions(struct web_request *req, struct web_response *res)
{
	const struct web_program *cat = web_program(req);
	VEC(struct open_action_row) rows = { NULL, 0, 0 };
	struct open_actions_page pg;
	struct frame fr;
	struct html h;

	if (cat == NULL)
		return -1;
	for (size_t i = 0; i < cat->program.initiatives.n; i++) {
		const char *slug = cat->program.initiatives.v[i].slug;
		const struct web_program *wp = web_initiative_get(req, slug);
		const struct initiative *in;

		if (wp == NULL) {
			VEC_FREE(&rows);
			return -1;
		}
		if ((in = program_initiative(&wp->program, slug)) != NULL)
			for (size_t j = 0; j < in->actions.n; j++) {
				const struct action *a = &in->actions.v[j];
				struct open_action_row *r;

				if (a->status != ACTION_OPEN)
					continue;
				r = VEC_PUSH(&rows);
				*r = (struct open_action_row){
					.initiative = web_strdup(req, in->slug),
					.initiative_name = web_strdup(req, in->name),
					.id = web_strdup(req, a->id), .title = web_strdup(req, a->title),
					.owner = web_strdup(req, action_owner_name(&wp->program, a)),
					.signal = a->signal, .period = a->period, .due = a->due,
				};
			}
		web_program_put(wp);
	}
	if (rows.n > 1)
		qsort(rows.v, rows.n, sizeof(rows.v[0]), cmp_due);
	page_frame(&fr, req, &cat->program, _("Open actions"), NULL, TAB_NONE);
	pg = (struct open_actions_page){ .frame = &fr, .rows = rows.v, .n = rows.n,
	    .today = date_today() };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	open_actions_write(&h, &pg);
	page_send(res, 200);
	VEC_FREE(&rows);
	return 0;
}
