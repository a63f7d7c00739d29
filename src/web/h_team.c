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

/*
 * The committee and director form as a write's change (records_write_run):
 * a copy of what the form parsed for each run, every other field of the
 * initiative as stored.
 */
struct oversight_write {
	const struct initiative *rec;
	const char *actor;
	enum app_result r;
	struct app_change *c;
	struct model_error *e;
};

static int
oversight_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct oversight_write *a = arg;
	struct initiative *rec = xcalloc(1, sizeof(*rec));

	kind_copy(&kind_initiative, rec, a->rec);
	/* every other field of the initiative stays as it is */
	for (int f = 0; f < kind_initiative.nfields; f++) {
		const struct field *fl = &kind_initiative.fields[f];

		if (fl->type != FT_LIST && strcmp(fl->name, "committee") != 0 &&
		    strcmp(fl->name, "director") != 0)
			field_swap(fl, rec, w->in);
	}
	memset(a->e, 0, sizeof(*a->e));
	a->r = app_update(w->s, &w->p, NULL, &kind_initiative,
	    (size_t)(w->in - w->p.initiatives.v), rec, a->actor, a->c, a->e, err);
	kind_release(&kind_initiative, rec);
	free(rec);
	return records_change_result(a->r);
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
	struct oversight_write ow;
	enum app_result r;
	int run, ret = -1;

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
	ow = (struct oversight_write){ .rec = rec, .actor = web_actor(req), .c = &c, .e = &e };
	run = records_write_run(req, &w, oversight_change, &ow, &err);
	if (run == 1 && w.aw.in == NULL) {
		ret = -1;	/* the initiative is gone */
		goto out;
	}
	if (records_write_busy(req, &w, run, &err, res)) {
		ret = 0;
		goto out;
	}
	r = records_run_result(run, ow.r);
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

/*
 * The RACI matrix as a write's change (records_write_run): each row that
 * changed updated, all the rows or none. Each run starts with no problems
 * and its own copies. 0 to commit, 1 with problems in errs or nothing
 * changed, -1 when the store failed.
 */
struct raci_write {
	struct form_input *typed;
	const char *actor;
	form_errors *errs;
	struct strbuf *path;
};

static int
raci_change(struct app_write *w, void *arg, struct strbuf *err)
{
	struct raci_write *a = arg;
	const struct field *af = kind_field(&kind_responsibility, "assignments");
	int failed = 0;

	a->errs->n = 0;
	for (size_t r = 0; r < w->in->responsibilities.n && a->errs->n == 0; r++) {
		struct responsibility *old = &w->in->responsibilities.v[r];
		struct responsibility rec;
		struct app_change c = APP_CHANGE_INIT;
		struct model_error e;
		const char *name;

		strbuf_reset(a->path);
		strbuf_addf(a->path, "r%zu", r);
		/* a row drawn before the list changed is not applied to another responsibility */
		if ((name = form_get(a->typed, a->path->buf)) == NULL || strcmp(name, old->name) != 0)
			continue;
		memset(&rec, 0, sizeof(rec));
		strbuf_addstr(a->path, ".assignments");
		if (form_parse_field(af, &rec, a->typed, a->errs, a->path->buf) == 0 &&
		    !same_letters(&rec, old)) {
			field_swap(kind_field(&kind_responsibility, "name"), &rec, old);
			memset(&e, 0, sizeof(e));
			strbuf_reset(err);
			switch (app_update(w->s, &w->p, w->in, &kind_responsibility, r, &rec,
			    a->actor, &c, &e, err)) {
			case APP_OK:
				app_write_changed(w);
				break;
			case APP_INVALID:
				records_model_error(a->errs, &e);
				break;
			default:
				failed = 1;
				form_error_add(a->errs, NULL, err->len ? err->buf :
				    _("The change could not be saved."));
				break;
			}
		}
		kind_release(&kind_responsibility, &rec);
		app_change_release(&c);
	}
	if (failed)
		return -1;
	return a->errs->n || w->changes == 0 ? 1 : 0;
}

/* POST /i/{slug}/team/raci: the whole matrix; each responsibility that changed is updated. */
int
h_team_raci(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;
	struct records_write w = { 0 };
	struct form_input typed;
	form_errors errs = { NULL, 0, 0 };
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT, path = STRBUF_INIT;
	struct raci_write rw;
	int run, ret = -1;

	program_init(&w.aw.p);
	if (wp == NULL)
		goto out;
	ret = 0;
	if ((in = program_initiative(&wp->program, req->slug)) == NULL) {
		web_error(res, 404, "There is no initiative at this address.");
		goto out;
	}
	records_input(req, &typed);
	rw = (struct raci_write){ .typed = &typed, .actor = web_actor(req), .errs = &errs,
	    .path = &path };
	run = records_write_run(req, &w, raci_change, &rw, &err);
	if (run == 1 && w.aw.in == NULL) {
		ret = -1;	/* the initiative is gone */
		goto out;
	}
	if (records_write_busy(req, &w, run, &err, res)) {
		ret = 0;
		goto out;
	}
	if (run == -1 && errs.n == 0)
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
