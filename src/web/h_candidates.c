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
 *
 * With &initiative=SLUG the comparison also names, for each trait a
 * candidate lacks, the partners of that initiative's team that offer it:
 * as `trellis capacity --compare --initiative`, the initiative's records
 * (a copy of its snapshot) with the candidates' organizations read into
 * it (store_catalog_org), each assessed by metrics_capacity against it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "router.h"
#include "../model/validate.h"
#include "../store/store.h"
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

/*
 * Fills team (program_init'd) with initiative slug's records, copied from
 * its snapshot, and the organizations of the n candidates pick of p read
 * in, resolved. Returns 0, or -1 (logged).
 */
static int
team_load(struct web_request *req, const struct program *p, const char *slug, const int *pick,
    size_t n, struct program *team)
{
	const struct web_program *wp = web_initiative_get(req, slug);
	const struct initiative *in;
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	struct store *st;
	int ret = -1;

	if (wp == NULL || (in = program_initiative(&wp->program, slug)) == NULL)
		goto out;
	program_slice_copy(&wp->program, (size_t)(in - wp->program.initiatives.v), team);
	if ((st = web_store(req, &err)) == NULL)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (store_catalog_org(st, team, p->candidates.v[pick[i]].org.slug, &err) == -1)
			goto out;
	if (model_resolve(team, &e)) {
		strbuf_addstr(&err, e.msg);
		goto out;
	}
	ret = 0;
out:
	if (ret)
		fprintf(stderr, "trellis serve: candidates against %s: %s\n", slug, err.buf);
	if (wp)
		web_program_put(wp);
	strbuf_release(&err);
	return ret;
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
	struct program team;
	struct candidates_team the_team, *teams = NULL;
	const struct initiative *team_ci = NULL;
	const char *ini;
	size_t n = 0;
	int ret = -1, have_team = 0;

	program_init(&team);
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
	/* fetch: the team to look in, its records with the candidates' organizations */
	if (view != CV_LIST && (ini = web_query(req, "initiative")) != NULL && *ini != '\0') {
		if ((team_ci = program_initiative(p, ini)) == NULL) {
			strbuf_addf(&msg, "initiative: '%.64s' is not an initiative of the program.", ini);
			ret = web_error(res, 400, msg.buf);
			goto out;
		}
		if (team_load(req, p, ini, pick, n, &team) == -1)
			goto out;
		have_team = 1;
	}
	/* compute: each candidate's assessment (against the team when one is chosen) */
	rows = xcalloc(n + 1, sizeof(*rows));
	caps = xcalloc(n + 1, sizeof(*caps));
	for (size_t i = 0; i < n; i++) {
		const struct candidate *c = &p->candidates.v[pick[i]];
		const struct organization *o = program_org(p, c->org.slug);
		const struct program *ap = have_team ? &team : p;
		const struct organization *ao = program_org(ap, c->org.slug);

		metrics_capacity_init(&caps[i]);
		if (o == NULL || ao == NULL || metrics_capacity(ap, (int)(ao - ap->orgs.v),
		    have_team ? &team.initiatives.v[0] : NULL, date_today(), &wp->settings, &caps[i])) {
			fprintf(stderr, "trellis serve: cannot assess the candidate '%s'\n", c->org.slug);
			goto out;
		}
		rows[i] = (struct candidate_row){ c, o, &caps[i] };
	}
	teams = xcalloc(p->initiatives.n + 1, sizeof(*teams));
	for (size_t i = 0; i < p->initiatives.n; i++)
		teams[i] = (struct candidates_team){ p->initiatives.v[i].slug, p->initiatives.v[i].name };
	if (have_team)
		the_team = (struct candidates_team){ team_ci->slug, team_ci->name };
	pg.rows = rows;
	pg.n = n;
	pg.st = &wp->settings;
	pg.can_edit = req->authenticated && req->user.role == WEB_ADMIN;
	pg.team = have_team ? &the_team : NULL;
	pg.teams = teams;
	pg.nteams = p->initiatives.n;
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
	free(teams);
	program_release(&team);
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
