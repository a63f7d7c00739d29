/*
 * The JSON API under /api/v1 (DESIGN §6, docs/api.md): the program, its
 * initiatives, every initiative-level record kind, the balance report and
 * the whole trellis/1 export; creating, replacing, patching and deleting
 * one record through the same write path as the forms (app/edit.h).
 *
 * Records are written exactly as in trellis/1 (json_write_record), with one
 * exception that DESIGN §7 demands: a survey never carries its individual
 * responses here; it carries "results" instead, the aggregates of
 * metrics/survey.h, where a group under 3 answers is null.
 *
 * Access is the route table's (router.h): readers read, editors write, a
 * member or viewer sees their own initiative only (another is 404). Errors
 * are {"status": N, "message": "..."} (web_error under /api/), and a record
 * that does not validate is 422 with "field" naming what is wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "page.h"
#include "records.h"
#include "router.h"
#include "../app/edit.h"
#include "../app/write.h"
#include "../io/json.h"
#include "../metrics/survey.h"
#include "../model/fields.h"
#include "../store/accounts.h"
#include "../store/store.h"
#include "../util/num.h"
#include "../util/url.h"
#include "../util/xalloc.h"
#include "../view/report_json.h"
#include "../util/banned.h"

static const char api_json_type[] = "application/json";

enum api_op { OP_CREATE, OP_PUT, OP_PATCH, OP_DELETE };
static const char *const op_actions[] = { "create", "update", "update", "delete" };

/* ---------------------------------------------------------------- helpers */

struct strbuf *
api_begin(struct web_response *res, int status)
{
	res->status = status;
	res->content_type = api_json_type;
	strbuf_reset(&res->body);
	return &res->body;
}

/* The request's JSON object, or NULL with 415 / 400 answered. */
json_t *
api_body(struct web_request *req, struct web_response *res)
{
	json_error_t je;
	json_t *o;

	if (req->content_type && strncasecmp(req->content_type, api_json_type, strlen(api_json_type)) != 0) {
		web_error(res, 415, "The body must be application/json.");
		return NULL;
	}
	o = json_loadb(req->body.buf ? req->body.buf : "", req->body.len, JSON_REJECT_DUPLICATES,
	    &je);
	if (o == NULL || !json_is_object(o)) {
		char msg[256];

		snprintf(msg, sizeof(msg), "The body is not a JSON object%s%s.", o ? "" : ": ",
		    o ? "" : je.text);
		json_decref(o);
		web_error(res, 400, msg);
		return NULL;
	}
	return o;
}

/* A string member of o: *v set (NULL when absent or null); 0, or -1 with e set. */
int
api_string(json_t *o, const char *name, const char **v, struct model_error *e)
{
	json_t *j = json_object_get(o, name);

	*v = NULL;
	if (j == NULL || json_is_null(j))
		return 0;
	if (!json_is_string(j)) {
		model_error_set(e, NULL, name, "must be a string");
		return -1;
	}
	*v = json_string_value(j);
	return 0;
}

/* Refuses a member of o not in names (422 "unknown field"). */
int
api_known(json_t *o, const char *const *names, struct model_error *e)
{
	const char *key;
	json_t *v;

	json_object_foreach(o, key, v) {
		size_t i;

		(void)v;
		for (i = 0; names[i] && strcmp(names[i], key) != 0; i++)
			;
		if (names[i] == NULL) {
			model_error_set(e, NULL, key, "unknown field");
			return -1;
		}
	}
	return 0;
}

/* 422: the record does not validate; e names the field. */
static int
api_invalid(struct web_response *res, const struct model_error *e)
{
	return api_refused(res, 422, e);
}

int
api_refused(struct web_response *res, int status, const struct model_error *e)
{
	struct strbuf *out = api_begin(res, status);

	strbuf_addf(out, "{\"status\": %d, \"message\": ", status);
	json_write_string(out, e->msg);
	strbuf_addstr(out, ", \"field\": ");
	/* the path names the row of a child list ("items.2.code"), as the forms show it */
	json_write_string(out, e->path[0] ? e->path : e->field);
	strbuf_addstr(out, "}\n");
	return 0;
}

/* Whether user may read initiative slug (admins and evaluators read them all). */
static int
may_read(const struct web_user *u, const char *slug)
{
	if (u->role != WEB_MEMBER && u->role != WEB_VIEWER)
		return 1;
	return u->initiative && strcmp(u->initiative, slug) == 0;
}

/*
 * The kind named by the route's {kind}, or NULL (answered 404): an
 * initiative-level kind under /initiatives/{slug}, a program-level one
 * (organizations, people, instruments, learning, candidates) under /program.
 */
static const struct app_kind *
api_kind(struct web_request *req, struct web_response *res)
{
	const struct app_kind *ak = app_kind_find(req->kind);

	if (ak == NULL || ak->in_initiative != (req->slug != NULL) ||
	    (!ak->in_initiative && ak->k == &kind_initiative)) {
		web_error(res, 404, req->slug ?
		    "There is no record kind of that name (decisions, grants, ledger, ...)." :
		    "There is no program record kind of that name (organizations, people, instruments, learning, candidates).");
		return NULL;
	}
	/* a proposal changes by its answers and its closing only (h_proposals.c) */
	if (ak->k == &kind_proposal) {
		web_header_add(res, "Allow", "GET");
		web_error(res, 405, "A proposal is not replaced, patched or deleted: answer it with "
		    "POST …/proposals/{id}/answers and close it with POST …/proposals/{id}/close.");
		return NULL;
	}
	return ak;
}

/* The records of ak: in's, or the program's when in is NULL. */
static const struct anyvec *
api_records(const struct program *p, const struct initiative *in, const struct app_kind *ak)
{
	return (const struct anyvec *)((const char *)(in ? (const void *)in : (const void *)p) + ak->off);
}

static void
agg_write(struct strbuf *out, const struct survey_agg *a)
{
	char buf[NUM_BUFSZ];

	if (!a->shown) {
		strbuf_addstr(out, "null");
		return;
	}
	strbuf_addf(out, "{\"n\": %lld, \"mean\": %s, \"distribution\": [%lld, %lld, %lld, %lld, %lld]}",
	    (long long)a->n, real_format(a->mean, buf), (long long)a->dist[0],
	    (long long)a->dist[1], (long long)a->dist[2], (long long)a->dist[3],
	    (long long)a->dist[4]);
}

/* The aggregates of one closed survey (n >= 3 per group, else null): never single answers. */
static void
survey_results_write(struct strbuf *out, const struct program *p, const struct initiative *in,
    const struct survey *s)
{
	struct survey_results r;

	metrics_survey_results_init(&r);
	/* null while the round is open: results appear when it closes (DESIGN §4) */
	if (metrics_survey_results(p, in, s->instrument.idx, s->id, DATE_NONE, DATE_NONE, &r) ||
	    r.open) {
		strbuf_addstr(out, "null");
		goto out;
	}
	strbuf_addstr(out, "{\"responses\": {");
	for (int c = 0; c < SURVEY_COL__MAX; c++) {
		strbuf_addf(out, "%s\"%s\": ", c ? ", " : "", survey_col_names[c]);
		if (r.shown[c])
			strbuf_addf(out, "%lld", (long long)r.responses[c]);
		else
			strbuf_addstr(out, "null");
	}
	strbuf_addstr(out, "}, \"items\": [");
	for (size_t i = 0; i < r.items.n; i++) {
		const struct survey_row *row = &r.items.v[i];

		strbuf_addstr(out, i ? ",\n  {\"code\": " : "\n  {\"code\": ");
		json_write_string(out, row->code);
		strbuf_addstr(out, ", \"category\": ");
		json_write_string(out, row->category);
		for (int c = 0; c < SURVEY_COL__MAX; c++) {
			strbuf_addf(out, ", \"%s\": ", survey_col_names[c]);
			agg_write(out, &row->col[c]);
		}
		strbuf_addch(out, '}');
	}
	strbuf_addstr(out, "]}");
out:
	metrics_survey_results_release(&r);
}

/* One record as trellis/1 JSON; a survey with its results instead of its responses. */
static void
record_write(struct strbuf *out, const struct program *p, const struct initiative *in,
    const struct kind *k, const void *rec)
{
	struct survey bare;

	if (k != &kind_survey) {
		json_write_record(out, k, rec);
		return;
	}
	bare = *(const struct survey *)rec;
	bare.responses.n = 0;
	json_write_record(out, k, &bare);
	strbuf_setlen(out, out->len - 1);	/* the closing brace */
	strbuf_addstr(out, ",\n \"results\": ");
	survey_results_write(out, p, in, rec);
	strbuf_addch(out, '}');
}

/* The snapshot and the route's initiative in it; NULL after answering (404) or failing (-1 in *rc). */
static const struct initiative *
api_initiative(struct web_request *req, struct web_response *res, const struct program **pp,
    int *rc)
{
	const struct web_program *wp = web_program(req);
	const struct initiative *in;

	*rc = 0;
	if (wp == NULL) {
		*rc = -1;
		return NULL;
	}
	*pp = &wp->program;
	if (req->slug == NULL)	/* /api/v1/program/{kind}: the program's own records */
		return NULL;
	if ((in = program_initiative(*pp, req->slug)) == NULL)
		web_error(res, 404, "There is no initiative at this address.");
	return in;
}

/* ---------------------------------------------------------------- reading */

int
h_api_program(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct strbuf *out;
	int first = 1;

	if (wp == NULL)
		return -1;
	out = api_begin(res, 200);
	strbuf_addstr(out, "{\"program\": ");
	json_write_record_own(out, &kind_program, &wp->program);
	strbuf_addstr(out, ",\n \"initiatives\": [");
	for (size_t i = 0; i < wp->program.initiatives.n; i++) {
		const char *slug = wp->program.initiatives.v[i].slug;

		if (!may_read(&req->user, slug))
			continue;
		strbuf_addstr(out, first ? "" : ", ");
		json_write_string(out, slug);
		first = 0;
	}
	strbuf_addstr(out, "]}\n");
	return 0;
}

/*
 * GET /api/v1/programs (docs/api.md): the programs served that the caller
 * may see, by slug: a site admin's (an admin of no one program) every one,
 * anyone else's those where its account holds a role (store_user_programs),
 * each with its name, that role and its addresses.
 */
int
h_api_programs(struct web_request *req, struct web_response *res)
{
	struct strbuf err = STRBUF_INIT, url = STRBUF_INIT;
	struct store_slugs mine = { NULL, 0, 0 };
	const char **slugs, **names, *role;
	struct strbuf *out;
	struct store *st;
	int site_admin = req->user.role == WEB_ADMIN && req->user.program == NULL;
	int first = 1, ret = -1;
	size_t n;

	/* fetch: the programs served, and the caller's own */
	n = web_program_list(req, &slugs, &names);
	if (!site_admin && ((st = web_store(req, &err)) == NULL ||
	    store_user_programs(st, req->user.id, &mine, &err) == -1)) {
		fprintf(stderr, "trellis serve: %s\n", err.buf);
		goto out;
	}
	/* render */
	out = api_begin(res, 200);
	strbuf_addch(out, '[');
	for (size_t i = 0; i < n; i++) {
		role = site_admin ? "admin" : NULL;
		for (size_t j = 0; j + 1 < mine.n && role == NULL; j += 2)
			if (strcmp(mine.v[j], slugs[i]) == 0)
				role = mine.v[j + 1];
		if (role == NULL)
			continue;
		strbuf_addstr(out, first ? "\n {\"slug\": " : ",\n {\"slug\": ");
		json_write_string(out, slugs[i]);
		strbuf_addstr(out, ", \"name\": ");
		json_write_string(out, names[i]);
		strbuf_addstr(out, ", \"role\": ");
		json_write_string(out, role);
		strbuf_addstr(out, ", \"api\": ");
		strbuf_reset(&url);
		/* the base its paths follow: /api/v1/programs/P (itself the program, /api/v1/program) */
		url_in_program(&url, slugs[i], "/api/v1/");
		strbuf_setlen(&url, url.len - 1);
		json_write_string(out, url.buf);
		strbuf_addstr(out, ", \"pages\": ");
		strbuf_reset(&url);
		url_in_program(&url, slugs[i], "/");
		json_write_string(out, url.buf);
		strbuf_addch(out, '}');
		first = 0;
	}
	strbuf_addstr(out, "]\n");
	ret = 0;
out:
	store_slugs_release(&mine);
	strbuf_release(&err);
	strbuf_release(&url);
	return ret;
}

int
h_api_export(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program_whole(req);

	if (wp == NULL)
		return -1;
	json_write_program(&wp->program, api_begin(res, 200));
	return 0;
}

int
h_api_initiatives(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp = web_program(req);
	struct strbuf *out;
	int first = 1;

	if (wp == NULL)
		return -1;
	out = api_begin(res, 200);
	strbuf_addch(out, '[');
	for (size_t i = 0; i < wp->program.initiatives.n; i++) {
		const struct initiative *in = &wp->program.initiatives.v[i];

		if (!may_read(&req->user, in->slug))
			continue;
		strbuf_addstr(out, first ? "\n " : ",\n ");
		json_write_record_own(out, &kind_initiative, in);
		first = 0;
	}
	strbuf_addstr(out, "]\n");
	return 0;
}

int
h_api_initiative(struct web_request *req, struct web_response *res)
{
	const struct program *p;
	const struct initiative *in;
	struct strbuf *out;
	int rc;

	if ((in = api_initiative(req, res, &p, &rc)) == NULL)
		return rc;
	out = api_begin(res, 200);
	json_write_record_own(out, &kind_initiative, in);
	strbuf_addch(out, '\n');
	return 0;
}

int
h_api_report(struct web_request *req, struct web_response *res)
{
	const struct web_program *wp;
	const struct program *p;
	const struct initiative *in;
	struct report r;
	const char *msg;
	tdate as_of;
	int months, rc;

	if ((in = api_initiative(req, res, &p, &rc)) == NULL)
		return rc;
	wp = web_program(req);
	/* the dashboard's period rules: the CLI's checks, and a finished program's end as default */
	if (page_period(req, p, &as_of, &months, &msg))
		return web_error(res, 400, msg);
	metrics_report_init(&r);
	if (metrics_report(p, in, as_of, months, &wp->settings, &r)) {
		fprintf(stderr, "trellis serve: cannot compute the report of '%s'\n", in->slug);
		metrics_report_release(&r);
		return -1;
	}
	report_json_write(&r, api_begin(res, 200));
	strbuf_addch(&res->body, '\n');
	metrics_report_release(&r);
	return 0;
}

int
h_api_list(struct web_request *req, struct web_response *res)
{
	const struct program *p;
	const struct initiative *in;
	const struct app_kind *ak;
	const struct anyvec *v;
	struct strbuf *out, ids = STRBUF_INIT;
	int rc;

	if ((in = api_initiative(req, res, &p, &rc)) == NULL && (rc || req->slug))
		return rc;
	if ((ak = api_kind(req, res)) == NULL)
		return 0;
	v = api_records(p, in, ak);
	out = api_begin(res, 200);
	strbuf_addstr(out, in ? "{\"initiative\": " : "{\"program\": ");
	json_write_string(out, in ? in->slug : p->slug);
	strbuf_addstr(out, ", \"kind\": ");
	json_write_string(out, ak->name);
	strbuf_addstr(out, ",\n \"records\": [");
	strbuf_addch(&ids, '[');
	for (size_t i = 0; i < v->n; i++) {
		const void *rec = (const char *)v->v + i * ak->k->size;
		struct strbuf key = STRBUF_INIT;

		strbuf_addstr(out, i ? ",\n  " : "\n  ");
		record_write(out, p, in, ak->k, rec);
		app_record_key(ak->k, rec, &key);
		strbuf_addstr(&ids, i ? ", " : "");
		json_write_string(&ids, key.buf);
		strbuf_release(&key);
	}
	strbuf_addstr(out, "],\n \"ids\": ");
	strbuf_add(out, ids.buf, ids.len);
	strbuf_addstr(out, "]}\n");
	strbuf_release(&ids);
	return 0;
}

int
h_api_record(struct web_request *req, struct web_response *res)
{
	const struct program *p;
	const struct initiative *in;
	const struct app_kind *ak;
	const struct anyvec *v;
	long i;
	int rc;

	if ((in = api_initiative(req, res, &p, &rc)) == NULL && (rc || req->slug))
		return rc;
	if ((ak = api_kind(req, res)) == NULL)
		return 0;
	if ((i = app_record_find(p, in, ak->k, req->id)) < 0)
		return web_error(res, 404, "There is no such record.");
	v = api_records(p, in, ak);
	record_write(api_begin(res, 200), p, in, ak->k, (const char *)v->v + (size_t)i * ak->k->size);
	strbuf_addch(&res->body, '\n');
	return 0;
}

/* ---------------------------------------------------------------- writing */

/*
 * PATCH: the record as it is, with the body's fields put over it, as JSON
 * text in out for json_read_record (which then checks every field). Money
 * goes through jansson's doubles: 15 significant digits give back the
 * dollars and cents that were written.
 */
static int
patch_merge(const struct kind *k, const void *cur, const char *body, size_t len,
    struct strbuf *out, struct model_error *e)
{
	struct strbuf now = STRBUF_INIT;
	json_error_t jerr;
	json_t *a = NULL, *b = NULL;
	char *text = NULL;
	int ret = -1;

	json_write_record(&now, k, cur);
	if ((b = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr)) == NULL) {
		model_error_set(e, NULL, "json", "malformed JSON: %s", jerr.text);
		goto out;
	}
	if (!json_is_object(b)) {
		model_error_set(e, NULL, "json", "expected an object (the fields to change)");
		goto out;
	}
	if ((a = json_loadb(now.buf, now.len, 0, &jerr)) == NULL ||
	    json_object_update(a, b) ||
	    (text = json_dumps(a, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))) == NULL) {
		model_error_set(e, NULL, "json", "cannot merge the change");
		goto out;
	}
	strbuf_addstr(out, text);
	ret = 0;
out:
	free(text);
	json_decref(a);
	json_decref(b);
	strbuf_release(&now);
	return ret;
}

/*
 * One API change as a write's change (web_write_run): read the body into
 * a record of w's program, make the change through app/edit.h, queue a
 * pending ledger entry's mail. Run again from the start after a conflict:
 * everything it hands back is overwritten, nothing answered before the
 * commit. Returns 0 to commit; 1 refused (status and e say why); -1 with
 * err set (fail: the status to answer unless the database gave up).
 */
struct api_write {
	struct web_request *req;
	enum api_op op;
	int own;
	const struct app_kind *ak;
	int ran, status, fail;
	struct initiative *in;		/* in w->p: the initiative of the records changed */
	struct app_change c;
	struct model_error e;
	struct strbuf patched;
};

static int
api_apply(struct app_write *w, void *arg, struct strbuf *err)
{
	struct api_write *a = arg;
	const struct kind *k = a->ak->k;
	const char *data = a->req->body.buf;
	size_t len = a->req->body.len;
	void *rec = NULL;
	long i = -1;
	enum app_result r = APP_ERROR;

	a->ran = 1;
	a->status = a->fail = 0;
	memset(&a->e, 0, sizeof(a->e));
	strbuf_reset(&a->patched);
	a->in = w->in;
	if (a->own && a->in) {
		/* the initiative is a record of the program: its own fields change */
		i = a->in - w->p.initiatives.v;
		a->in = NULL;
	} else if (a->op != OP_CREATE && (i = app_record_find(&w->p, a->in, k, a->req->id)) < 0) {
		a->status = 404;
		return 1;
	}
	if (a->op == OP_PATCH) {
		const struct anyvec *v = api_records(&w->p, a->in, a->ak);

		if (patch_merge(k, (const char *)v->v + (size_t)i * k->size, data, len,
		    &a->patched, &a->e)) {
			a->status = 400;
			return 1;
		}
		data = a->patched.buf;
		len = a->patched.len;
	}
	if (a->op != OP_DELETE) {
		rec = xcalloc(1, k->size);
		if (json_read_record("request", data, len, k, rec, &w->p, &a->e)) {
			kind_release(k, rec);
			free(rec);
			a->status = 400;
			return 1;
		}
	}
	switch (a->op) {
	case OP_CREATE:
		r = app_add(w->s, &w->p, a->in, k, rec, web_actor(a->req), &a->c, &a->e, err);
		break;
	case OP_PUT:
	case OP_PATCH:
		r = app_update(w->s, &w->p, a->in, k, (size_t)i, rec, web_actor(a->req), &a->c,
		    &a->e, err);
		break;
	case OP_DELETE:
		r = app_delete(w->s, &w->p, a->in, k, (size_t)i, web_actor(a->req), &a->c, &a->e,
		    err);
		break;
	}
	free(rec);	/* left empty by app/edit.h */
	if (r == APP_INVALID || r == APP_CONFLICT) {
		a->status = r == APP_INVALID ? 400 : 409;
		return 1;
	}
	if (r == APP_ERROR) {
		a->fail = 409;
		return -1;
	}
	/* a ledger entry entered pending: the mail to who may approve it, in the same write */
	if (a->op == OP_CREATE && k == &kind_ledger_entry &&
	    approvals_mail(w->s, &w->p, a->in, a->c.key.buf, err)) {
		a->fail = 500;
		return -1;
	}
	/* audited by app/edit.h, in the write's transaction */
	app_write_changed(w);
	return 0;
}

/*
 * One change through the one write path (app/write.h): the request's
 * initiative (or, for a program-level kind, the program) loaded inside the
 * write's transaction, changed and audited through app/edit.h, committed,
 * run again on a conflict (api_apply); answered once it is committed.
 * Later requests see it by the store's data version.
 */
static int
api_change(struct web_request *req, struct web_response *res, enum api_op op, int own)
{
	const struct web_program *wp = web_program(req);
	struct api_write a = { .req = req, .op = op, .own = own, .c = APP_CHANGE_INIT,
	    .patched = STRBUF_INIT };
	struct strbuf err = STRBUF_INIT;
	struct app_write w;
	struct initiative *in;
	long i;
	int r, ret = -1;

	memset(&w, 0, sizeof(w));
	program_init(&w.p);
	if (wp == NULL)
		goto out;
	/* own: an initiative itself (POST /api/v1/initiatives, PUT/PATCH …/{slug}) */
	if ((a.ak = own ? app_kind_find("initiatives") : api_kind(req, res)) == NULL) {
		ret = 0;
		goto out;
	}
	if (op != OP_DELETE && req->content_type &&
	    strncasecmp(req->content_type, api_json_type, strlen(api_json_type)) != 0) {
		ret = web_error(res, 415, "The body must be application/json: one trellis/1 record.");
		goto out;
	}
	if (op != OP_DELETE && req->body.len == 0) {
		ret = web_error(res, 400, "The body is empty; send one trellis/1 record as JSON.");
		goto out;
	}
	r = web_write_run(req, &w, req->slug, api_apply, &a, &err);
	ret = 0;
	if (r == 1 && !a.ran) {
		/* no such initiative (or, gone, no program: 500) */
		ret = req->slug ? web_error(res, 404, "There is no initiative at this address.") : -1;
		goto out;
	}
	if (r == 1) {
		if (a.status == 404)
			ret = web_error(res, 404, "There is no such record.");
		else if (a.status == 409)
			/* the record's state refuses it (a ledger entry's approvals) */
			ret = api_refused(res, 409, &a.e);
		else
			ret = api_invalid(res, &a.e);
		goto out;
	}
	if (r == -1) {
		fprintf(stderr, "trellis serve: api: %s %s: %s\n", op_actions[op], a.ak->name,
		    err.buf);
		if (w.gave_up)
			ret = web_busy(res);
		else if (a.fail == 409)
			ret = web_error(res, 409, err.len ? err.buf : "The change could not be saved.");
		else if (a.ran)
			ret = web_error(res, a.fail ? a.fail : 409,
			    "The change could not be saved; nothing was written.");
		else
			ret = -1;
		goto out;
	}
	if (op == OP_DELETE) {
		api_begin(res, 204);
		goto out;
	}
	in = a.in;
	if ((i = app_record_find(&w.p, in, a.ak->k, a.c.key.buf)) < 0) {
		api_begin(res, op == OP_CREATE ? 201 : 200);
		goto out;
	}
	{
		const struct anyvec *v = api_records(&w.p, in, a.ak);
		struct strbuf loc = STRBUF_INIT;

		if (own)
			json_write_record_own(api_begin(res, op == OP_CREATE ? 201 : 200), a.ak->k,
			    (const char *)v->v + (size_t)i * a.ak->k->size);
		else
			record_write(api_begin(res, op == OP_CREATE ? 201 : 200), &w.p, in, a.ak->k,
			    (const char *)v->v + (size_t)i * a.ak->k->size);
		strbuf_addch(&res->body, '\n');
		if (op == OP_CREATE) {
			if (own)
				strbuf_addf(&loc, "/api/v1/initiatives/%s", a.c.key.buf);
			else if (in)
				strbuf_addf(&loc, "/api/v1/initiatives/%s/%s/%s", in->slug, a.ak->name,
				    a.c.key.buf);
			else
				strbuf_addf(&loc, "/api/v1/program/%s/%s", a.ak->name, a.c.key.buf);
			web_header_add(res, "Location", web_url(req, loc.buf));
		}
		strbuf_release(&loc);
	}
out:
	app_change_release(&a.c);
	strbuf_release(&a.patched);
	strbuf_release(&err);
	web_publish(req, &w);
	app_write_end(&w);
	return ret;
}

int
h_api_create(struct web_request *req, struct web_response *res)
{
	return api_change(req, res, OP_CREATE, 0);
}

int
h_api_update(struct web_request *req, struct web_response *res)
{
	return api_change(req, res, req->method == WEB_PATCH ? OP_PATCH : OP_PUT, 0);
}

int
h_api_delete(struct web_request *req, struct web_response *res)
{
	return api_change(req, res, OP_DELETE, 0);
}

/* POST /api/v1/initiatives: a new initiative, its backbone a member, the 12 responsibilities (app_add). */
int
h_api_initiative_create(struct web_request *req, struct web_response *res)
{
	return api_change(req, res, OP_CREATE, 1);
}

/* PUT and PATCH /api/v1/initiatives/{slug}: its own fields; its records stay. */
int
h_api_initiative_update(struct web_request *req, struct web_response *res)
{
	return api_change(req, res, req->method == WEB_PATCH ? OP_PATCH : OP_PUT, 1);
}
