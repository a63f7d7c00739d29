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
#include "../util/banned.h"

/* The initiative's fields this page edits, as a kind of their own for the generic form. */
static void
team_kind(struct kind *k, struct field f[2])
{
	f[0] = *kind_field(&kind_initiative, "committee");
	f[1] = *kind_field(&kind_initiative, "director");
	k->name = "team";
	k->size = sizeof(struct initiative);
	k->fields = f;
	k->nfields = 2;
}

/* Whether org (an index of p->orgs) is a current member, or has a letter somewhere. */
static int
in_matrix(const struct program *p, const struct initiative *in, size_t o)
{
	const char *slug = p->orgs.v[o].slug;

	for (size_t i = 0; i < in->members.n; i++)
		if (strcmp(in->members.v[i].org.slug, slug) == 0 && in->members.v[i].left == DATE_NONE)
			return 1;
	for (size_t r = 0; r < in->responsibilities.n; r++)
		for (size_t a = 0; a < in->responsibilities.v[r].assignments.n; a++)
			if (strcmp(in->responsibilities.v[r].assignments.v[a].org.slug, slug) == 0)
				return 1;
	return 0;
}

static const char *
letter_of(const struct responsibility *r, const char *org)
{
	for (size_t a = 0; a < r->assignments.n; a++)
		if (strcmp(r->assignments.v[a].org.slug, org) == 0 &&
		    r->assignments.v[a].letter >= 0 && r->assignments.v[a].letter < RACI__MAX)
			return raci_names[r->assignments.v[a].letter];
	return "";
}

static void
raci_matrix(struct html *h, struct web_request *req, const struct program *p,
    const struct initiative *in, const struct form_input *typed)
{
	int edit = records_may_edit(req);
	struct strbuf sb = STRBUF_INIT, name = STRBUF_INIT;

	if (in->responsibilities.n == 0) {
		html_open(h, "p", "class", "empty", NULL);
		html_text(h, "No responsibilities recorded yet. ");
		if (edit) {
			strbuf_addf(&sb, "/i/%s/responsibilities/new", in->slug);
			html_open(h, "a", "href", sb.buf, NULL);
			html_text(h, "Add the first responsibility");
			html_close(h);
			html_text(h, ".");
		}
		html_close(h);
		goto out;
	}
	if (edit) {
		strbuf_addf(&sb, "/i/%s/team/raci", in->slug);
		html_open(h, "form", "class", "matrix-form", "method", "post", "action", sb.buf, NULL);
		page_csrf_field(h, req);
	}
	html_open(h, "div", "class", "scroll", NULL);
	html_open(h, "table", "class", "matrix", NULL);
	html_open(h, "caption", NULL);
	html_text(h, "R responsible · A accountable · C consulted · I informed");
	html_close(h);
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, "Responsibility");
	html_close(h);
	for (size_t o = 0; o < p->orgs.n; o++)
		if (in_matrix(p, in, o)) {
			html_open(h, "th", "scope", "col", NULL);
			html_text(h, p->orgs.v[o].name);
			html_close(h);
		}
	html_open(h, "th", "scope", "col", NULL);
	html_text(h, "Gap");
	html_close(h);
	html_close(h);
	for (size_t r = 0; r < in->responsibilities.n; r++) {
		const struct responsibility *rs = &in->responsibilities.v[r];
		int as = 0;

		for (size_t a = 0; a < rs->assignments.n; a++)
			as += rs->assignments.v[a].letter == RACI_A;
		html_open(h, "tr", "class", as == 1 ? NULL : "gap", NULL);
		html_open(h, "th", "scope", "row", NULL);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/responsibilities/", in->slug);
		for (const char *s = rs->name; *s; s++) {
			if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-')
				strbuf_addch(&sb, *s);
			else
				strbuf_addf(&sb, "%%%02X", (unsigned char)*s);
		}
		html_open(h, "a", "href", sb.buf, NULL);
		html_text(h, rs->name);
		html_close(h);
		if (edit) {
			strbuf_reset(&name);
			strbuf_addf(&name, "r%zu", r);
			html_void(h, "input", "type", "hidden", "name", name.buf, "value", rs->name, NULL);
		}
		html_close(h);
		for (size_t o = 0; o < p->orgs.n; o++) {
			const char *slug = p->orgs.v[o].slug, *cur;

			if (!in_matrix(p, in, o))
				continue;
			strbuf_reset(&name);
			strbuf_addf(&name, "r%zu.assignments.%s", r, slug);
			cur = typed ? form_get(typed, name.buf) : NULL;
			if (cur == NULL)
				cur = letter_of(rs, slug);
			html_open(h, "td", "class", "letter", NULL);
			if (edit) {
				strbuf_reset(&sb);
				strbuf_addf(&sb, "%s: %s", rs->name, p->orgs.v[o].name);
				html_open(h, "select", "name", name.buf, "aria-label", sb.buf, NULL);
				html_open(h, "option", "value", "", "selected", *cur ? NULL : "", NULL);
				html_text(h, "—");
				html_close(h);
				for (int l = 0; l < RACI__MAX; l++) {
					html_open(h, "option", "value", raci_names[l],
					    "selected", strcmp(cur, raci_names[l]) == 0 ? "" : NULL, NULL);
					html_text(h, raci_names[l]);
					html_close(h);
				}
				html_close(h);
			} else
				html_text(h, *cur ? cur : "·");
			html_close(h);
		}
		html_open(h, "td", "class", as == 1 ? NULL : "gap", NULL);
		if (as == 0)
			html_text(h, "⚠ No one accountable");
		else if (as > 1)
			html_textf(h, "⚠ %d accountable", as);
		else
			html_text(h, "—");
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	if (edit) {
		html_open(h, "button", "type", "submit", NULL);
		html_text(h, "Save the matrix");
		html_close(h);
		html_close(h);
	}
out:
	strbuf_release(&sb);
	strbuf_release(&name);
}

int
team_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const form_errors *errs, const struct form_input *typed,
    int which)
{
	const struct app_kind *ak = app_kind_find("members");
	struct form_ctx c = { p, in };
	struct kind tk;
	struct field tf[2];
	struct page pg;
	struct html *h;
	struct strbuf sb = STRBUF_INIT;
	const void **recs = xcalloc(in->members.n + 1, sizeof(*recs));
	const char **hrefs = xcalloc(in->members.n + 1, sizeof(*hrefs));
	int edit = records_may_edit(req);

	team_kind(&tk, tf);
	page_begin(&pg, res, p, "Team & roles", in, TAB_TEAM);
	h = &pg.h;
	if (errs && errs->n)
		res->status = 422;

	html_elem(h, "h2", "Members");
	html_open(h, "p", "class", "meta", NULL);
	html_text(h, "The organizations on the team.");
	if (edit)	/* instructions only for those who can follow them (issue 11, point 14) */
		html_text(h, " To mark that one has left, open it and give the date it left.");
	html_close(h);
	if (edit) {
		strbuf_addf(&sb, "/i/%s/members/new", in->slug);
		html_open(h, "p", "class", "actions", NULL);
		html_open(h, "a", "class", "button", "href", sb.buf, NULL);
		html_text(h, "Add a member");
		html_close(h);
		html_close(h);
	}
	for (size_t i = 0; i < in->members.n; i++) {
		recs[i] = &in->members.v[i];
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/members/%s", in->slug, in->members.v[i].org.slug);
		hrefs[i] = web_strdup(req, sb.buf);
	}
	if (in->members.n) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/%s?", in->slug, ak->name);
		form_list(h, &c, ak->k, recs, hrefs, in->members.n, sb.buf, NULL, 0);
	} else
		html_elem(h, "p", "No members recorded yet.");

	html_open(h, "h2", "id", "oversight", NULL);
	html_text(h, "Committee and director");
	html_close(h);
	form_record(h, &c, &tk, in);
	if (edit) {
		html_open(h, "details", "open", which == TEAM_FORM_INITIATIVE ? "" : NULL, NULL);
		html_elem(h, "summary", "Change the committee or the director");
		if (which == TEAM_FORM_INITIATIVE)
			form_error_summary(h, errs);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "/i/%s/team/initiative", in->slug);
		html_open(h, "form", "class", "record", "method", "post", "action", sb.buf, "novalidate", "", NULL);
		page_csrf_field(h, req);
		form_fields(h, &c, &tk, in, which == TEAM_FORM_INITIATIVE ? typed : NULL,
		    which == TEAM_FORM_INITIATIVE ? errs : NULL);
		html_open(h, "button", "type", "submit", NULL);
		html_text(h, "Save");
		html_close(h);
		html_close(h);
		html_close(h);
	}

	html_open(h, "h2", "id", "raci", NULL);
	html_text(h, "Responsibilities");
	html_close(h);
	if (which == TEAM_FORM_RACI)
		form_error_summary(h, errs);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "/i/%s/responsibilities", in->slug);
	html_open(h, "p", "class", "meta", NULL);
	html_text(h, "Each responsibility needs exactly one organization Accountable. ");
	html_open(h, "a", "href", sb.buf, NULL);
	html_text(h, "The list of responsibilities");
	html_close(h);
	html_close(h);
	raci_matrix(h, req, p, in, which == TEAM_FORM_RACI ? typed : NULL);
	page_end(&pg);
	free(recs);
	free(hrefs);
	strbuf_release(&sb);
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
	team_kind(&tk, tf);
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
			records_field_swap(fl, rec, w.aw.in);
	}
	memset(&e, 0, sizeof(e));
	r = app_update(w.aw.s, &w.aw.p, NULL, &kind_initiative,
	    (size_t)(w.aw.in - w.aw.p.initiatives.v), rec, web_actor(req), &c, &e, &err);
	if (r == APP_OK && records_write_commit(&w))
		r = APP_ERROR;
	switch (r) {
	case APP_OK:
		strbuf_addf(&url, "/i/%s/members#oversight", in->slug);
		web_redirect(res, url.buf);
		break;
	case APP_INVALID:
		records_model_error(&errs, &e);
		ret = team_page(req, res, &wp->program, in, &errs, &typed, TEAM_FORM_INITIATIVE);
		break;
	default:
		fprintf(stderr, "trellis serve: update initiative: %s\n", err.buf);
		form_error_add(&errs, NULL, err.len ? err.buf : "The change could not be saved.");
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
		if (strcmp(letter_of(b, a->assignments.v[i].org.slug),
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
			records_field_swap(kind_field(&kind_responsibility, "name"), &rec, old);
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
				form_error_add(&errs, NULL, err.len ? err.buf : "The change could not be saved.");
				break;
			}
		}
		kind_release(&kind_responsibility, &rec);
		app_change_release(&c);
	}
	/* all the rows or none */
	if (errs.n == 0 && w.aw.changes && records_write_commit(&w))
		form_error_add(&errs, NULL, "The change could not be saved.");
	if (errs.n)
		ret = team_page(req, res, &wp->program, in, &errs, &typed, TEAM_FORM_RACI);
	else {
		strbuf_addf(&url, "/i/%s/members#raci", in->slug);
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
