/*
 * Team & roles (GET /i/{slug}/members): the members (added, edited and
 * marked as left through the generic member form), the committee and the
 * director (the initiative's own fields, changed through app_update on
 * kind_initiative: POST /i/{slug}/team/initiative), and the
 * responsibilities matrix, organizations × responsibilities with one RACI
 * select per cell (POST /i/{slug}/team/raci), gaps marked in words: a
 * responsibility nobody is Accountable for, or two organizations are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "records.h"
#include "router.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

/*
 * What Team & roles says after a change it was sent to: ?saved=oversight,
 * ?saved=raci, ?saved=ORG (a member added or changed: named from the
 * record, never from the URL's text), ?deleted=1. NULL for nothing.
 */
static const char *
team_notice(struct web_request *req, const struct program *p, const struct initiative *in)
{
	const char *key = web_query(req, "saved");
	struct strbuf sb = STRBUF_INIT;
	const char *out = NULL;

	if (web_query(req, "deleted"))
		return _("The member was removed from the team.");
	if (key == NULL)
		return NULL;
	if (strcmp(key, "oversight") == 0)
		return _("The committee and the director are saved.");
	if (strcmp(key, "raci") == 0)
		return _("The responsibilities are saved.");
	for (size_t i = 0; i < in->members.n; i++) {
		const struct member *m = &in->members.v[i];
		const struct organization *o;

		if (m->org.slug == NULL || strcmp(m->org.slug, key) != 0)
			continue;
		o = program_org(p, m->org.slug);
		strbuf_addf(&sb, _("Member ‘%s’ saved."), o ? o->name : m->org.slug);
		out = web_strdup(req, sb.buf);
		break;
	}
	strbuf_release(&sb);
	return out;
}

int
team_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const form_errors *errs, const struct form_input *typed,
    int which)
{
	struct frame fr;
	struct html h;
	struct team_page tp;

	page_frame(&fr, req, p, _("Team & roles"), in, TAB_TEAM);
	if (errs == NULL || errs->n == 0)
		fr.flash = team_notice(req, p, in);
	tp = (struct team_page){ .frame = &fr, .p = p, .in = in, .can_edit = records_may_edit(req),
	    .errs = errs, .typed = typed, .which = which };
	strbuf_reset(&res->body);
	html_init(&h, &res->body);
	team_page_write(&h, &tp);
	page_send(res, errs && errs->n ? 422 : 200);
	return 0;
}

/* POST /i/{slug}/team/initiative: the committee and the director. */
int
h_team_initiative(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;
	struct records_write w = { 0 };
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct app_change c = APP_CHANGE_INIT;
	struct model_error e;
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT;
	struct kind tk;
	struct field tf[2];
	struct initiative *rec = xcalloc(1, sizeof(*rec));
	enum app_result r;
	int ret = -1;

	program_init(&w.aw.p);
	team_page_kind(&tk, tf);
	if (wp == NULL)
		goto out;
	ret = 0;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL) {
		web_error(res, 404, "There is no initiative at this address.");
		goto out;
	}
	records_input(req, &typed);
	if (form_parse(&tk, rec, &typed, &errs)) {
		ret = team_page(req, res, &wp->program, in, &errs, &typed, TEAM_FORM_INITIATIVE);
		goto out;
	}
	if (records_write_begin(req, &w) || w.aw.in == NULL) {
		ret = -1;
		goto out;
	}
	/* every other field of the initiative stays as it is */
	for (int f = 0; f < kind_initiative.nfields; f++) {
		const struct field *fl = &kind_initiative.fields[f];

		if (fl->type != FT_LIST && strcmp(fl->name, "committee") != 0 &&
		    strcmp(fl->name, "director") != 0)
			field_swap(fl, rec, w.aw.in);
	}
	memset(&e, 0, sizeof(e));
	r = app_update(w.aw.s, &w.aw.p, NULL, &kind_initiative,
	    (size_t)(w.aw.in - w.aw.p.initiatives.v), rec, web_actor(req), &c, &e, &err);
	if (r == APP_OK && records_write_commit(&w))
		r = APP_ERROR;
	switch (r) {
	case APP_OK:
		strbuf_addf(&url, "/i/%s/members?saved=oversight#oversight", in->slug);
		web_redirect(res, url.buf);
		break;
	case APP_INVALID:
		records_model_error(&errs, &e);
		ret = team_page(req, res, &wp->program, in, &errs, &typed, TEAM_FORM_INITIATIVE);
		break;
	default:
		fprintf(stderr, "trellis serve: update initiative: %s\n", err.buf);
		form_error_add(&errs, NULL, err.len ? err.buf : _("The change could not be saved."));
		ret = team_page(req, res, &wp->program, in, &errs, &typed, TEAM_FORM_INITIATIVE);
		break;
	}
out:
	records_write_end(&w);
	kind_release(&kind_initiative, rec);
	free(rec);
	VEC_FREE(&errs);
	app_change_release(&c);
	strbuf_release(&err);
	strbuf_release(&url);
	return ret;
}

/* Whether two responsibilities have the same letters for the same organizations. */
static int
same_letters(const struct responsibility *a, const struct responsibility *b)
{
	if (a->assignments.n != b->assignments.n)
		return 0;
	for (size_t i = 0; i < a->assignments.n; i++)
		if (strcmp(team_letter_of(b, a->assignments.v[i].org.slug),
		    raci_names[a->assignments.v[i].letter]) != 0)
			return 0;
	return 1;
}

/* POST /i/{slug}/team/raci: the whole matrix; each responsibility that changed is updated. */
int
h_team_raci(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;
	const struct field *af = kind_field(&kind_responsibility, "assignments");
	struct records_write w = { 0 };
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT, path = STRBUF_INIT;
	int ret = -1;

	program_init(&w.aw.p);
	if (wp == NULL)
		goto out;
	ret = 0;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL) {
		web_error(res, 404, "There is no initiative at this address.");
		goto out;
	}
	records_input(req, &typed);
	if (records_write_begin(req, &w) || w.aw.in == NULL) {
		ret = -1;
		goto out;
	}
	for (size_t r = 0; r < w.aw.in->responsibilities.n && errs.n == 0; r++) {
		struct responsibility *old = &w.aw.in->responsibilities.v[r];
		struct responsibility rec;
		struct app_change c = APP_CHANGE_INIT;
		struct model_error e;
		const char *name;

		strbuf_reset(&path);
		strbuf_addf(&path, "r%zu", r);
		/* a row drawn before the list changed is not applied to another responsibility */
		if ((name = form_get(&typed, path.buf)) == NULL || strcmp(name, old->name) != 0)
			continue;
		memset(&rec, 0, sizeof(rec));
		strbuf_addstr(&path, ".assignments");
		if (form_parse_field(af, &rec, &typed, &errs, path.buf) == 0 && !same_letters(&rec, old)) {
			field_swap(kind_field(&kind_responsibility, "name"), &rec, old);
			memset(&e, 0, sizeof(e));
			strbuf_reset(&err);
			switch (app_update(w.aw.s, &w.aw.p, w.aw.in, &kind_responsibility, r, &rec,
			    web_actor(req), &c, &e, &err)) {
			case APP_OK:
				records_write_done(&w);
				break;
			case APP_INVALID:
				records_model_error(&errs, &e);
				break;
			default:
				form_error_add(&errs, NULL, err.len ? err.buf : _("The change could not be saved."));
				break;
			}
		}
		kind_release(&kind_responsibility, &rec);
		app_change_release(&c);
	}
	/* all the rows or none */
	if (errs.n == 0 && w.aw.changes && records_write_commit(&w))
		form_error_add(&errs, NULL, _("The change could not be saved."));
	if (errs.n)
		ret = team_page(req, res, &wp->program, in, &errs, &typed, TEAM_FORM_RACI);
	else {
		strbuf_addf(&url, "/i/%s/members?saved=raci#raci", in->slug);
		web_redirect(res, url.buf);
	}
out:
	records_write_end(&w);
	VEC_FREE(&errs);
	strbuf_release(&err);
	strbuf_release(&url);
	strbuf_release(&path);
	return ret;
}
