/*
 * Backbone selection (issue 13, item 6; view/candidates_page.c):
 * GET /program/candidates, the candidate backbones of a new round;
 * GET /program/candidates/compare?c=SLUG&c=SLUG, the ones chosen side by
 * side; GET /api/v1/program/candidates/compare, the same as JSON. Each
 * candidate is assessed by metrics_capacity with the program's thresholds,
 * the computation of `trellis capacity --compare`. Candidates are added,
 * changed and deleted through the program records' pages and API
 * (/program/candidates/new, /program/candidates/{org}: h_records.c, the
 * one write path).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "router.h"
#include "../view/candidates_page.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/* The most candidates compared at once. */
#define COMPARE_MAX 8

enum cand_view { CV_LIST, CV_COMPARE, CV_JSON };

/* The index in p->candidates of the candidate whose organization is slug, or -1. */
static int
candidate_of(const struct program *p, const char *slug)
{
	for (size_t i = 0; i < p->candidates.n; i++)
		if (strcmp(p->candidates.v[i].org.slug, slug) == 0)
			return (int)i;
	return -1;
}

static int
candidates(struct web_request *req, struct web_response *res, enum cand_view view)
{
	const struct web_program *wp;
	const struct program *p;
	struct candidates_page pg = { NULL, 0, NULL, 0 };
	struct candidate_row *rows = NULL;
	struct capacity *caps = NULL;
	int *pick = NULL;
	struct strbuf msg = STRBUF_INIT;
	size_t n = 0;
	int ret = -1;

	if ((wp = web_program(req)) == NULL)
		return -1;
	p = &wp->program;
	pick = xcalloc(p->candidates.n + 1, sizeof(*pick));
	if (view == CV_LIST) {
		for (size_t i = 0; i < p->candidates.n; i++)
			pick[n++] = (int)i;
	} else {
		/* fetch: the candidates asked for, in the order asked, each once */
		for (size_t i = 0; i < req->query.n; i++) {
			const struct web_pair *q = &req->query.v[i];
			int k, dup = 0;

			if (strcmp(q->name, "c") != 0)
				continue;
			if ((k = candidate_of(p, q->value)) < 0) {
				const char *f = N_("c: '%s' is not a candidate; the candidates are "
				    "listed at /program/candidates.");

				/* the API's message stays English; a page's is translated */
				strbuf_addf(&msg, req->api ? f : _(f), q->value);
				ret = web_error(res, 400, msg.buf);
				goto out;
			}
			for (size_t j = 0; j < n; j++)
				dup |= pick[j] == k;
			if (dup)
				continue;
			if (n == COMPARE_MAX) {
				const char *f = N_("c: at most %d candidates are compared at once.");

				strbuf_addf(&msg, req->api ? f : _(f), COMPARE_MAX);
				ret = web_error(res, 400, msg.buf);
				goto out;
			}
			pick[n++] = k;
		}
		if (n == 0) {
			ret = web_error(res, 400, N_("c: choose at least one candidate to compare "
			    "(/program/candidates/compare?c=SLUG&c=SLUG)."));
			goto out;
		}
	}
	/* compute: each candidate's assessment */
	rows = xcalloc(n + 1, sizeof(*rows));
	caps = xcalloc(n + 1, sizeof(*caps));
	for (size_t i = 0; i < n; i++) {
		const struct candidate *c = &p->candidates.v[pick[i]];
		const struct organization *o = program_org(p, c->org.slug);

		metrics_capacity_init(&caps[i]);
		if (o == NULL || metrics_capacity(p, (int)(o - p->orgs.v), NULL, date_today(),
		    &wp->settings, &caps[i])) {
			fprintf(stderr, "trellis serve: cannot assess the candidate '%s'\n", c->org.slug);
			goto out;
		}
		rows[i] = (struct candidate_row){ c, o, &caps[i] };
	}
	pg.rows = rows;
	pg.n = n;
	pg.st = &wp->settings;
	pg.can_edit = req->authenticated && req->user.role == WEB_ADMIN;
	/* render */
	if (view == CV_JSON) {
		strbuf_reset(&res->body);
		res->status = 200;
		res->content_type = "application/json";
		candidates_json(&pg, &res->body);
		strbuf_addch(&res->body, '\n');
	} else {
		struct page page;

		page_begin(&page, res, p, view == CV_LIST ? _("Candidate backbones") :
		    _("Candidate backbones side by side"), NULL, TAB_NONE);
		if (view == CV_LIST)
			candidates_render(&page.h, &pg);
		else
			candidates_compare_render(&page.h, &pg);
		page_end(&page);
	}
	ret = 0;
out:
	for (size_t i = 0; caps && i < n; i++)
		metrics_capacity_release(&caps[i]);
	free(caps);
	free(rows);
	free(pick);
	strbuf_release(&msg);
	return ret;
}

int
h_candidates(struct web_request *req, struct web_response *res)
{
	return candidates(req, res, CV_LIST);
}

int
h_candidates_compare(struct web_request *req, struct web_response *res)
{
	return candidates(req, res, CV_COMPARE);
}

int
h_api_candidates_compare(struct web_request *req, struct web_response *res)
{
	return candidates(req, res, CV_JSON);
}
