#ifndef TRELLIS_RECORDS_H
#define TRELLIS_RECORDS_H
/*
 * What the record pages (h_records.c) share with the team page (h_team.c):
 * the form input of a request, the write path (a private copy of the
 * program, changed through app/edit.h under one lock, then the cache
 * reloaded), and field moves between two records of a kind.
 */
#include "../app/edit.h"
#include "../app/write.h"
#include "../view/form.h"
#include "../view/team_page.h"
#include "page.h"
#include "web.h"

struct store;

/* The request's form fields as a form_input (in the request's arena). */
void records_input(struct web_request *req, struct form_input *in);

/* Whether the signed-in person may change this initiative's records. */
int records_may_edit(const struct web_request *req);

/*
 * A write through the one write path (app/write.h): the request's
 * initiative (its catalog and records; the whole program for a
 * program-level kind) loaded inside the write's own transaction, private
 * to this request, changed by change (an app_write_fn: app/edit.h on
 * aw.p, returning 0 to commit) and committed, the whole run again on a
 * conflict the database reports (app_write_run). The handler answers only
 * after records_write_run returns, from what change left in its arg and
 * from aw.p, then calls records_write_end, which keeps what was written
 * for the next request (web_publish) and releases aw.p.
 */
struct records_write {
	struct app_write aw;		/* aw.p, aw.in (the request's initiative), aw.s */
	int locked;
	struct web_request *req;	/* whose cache keeps what was written (web_publish) */
};
/*
 * Returns app_write_run's 0 (committed), 1 (no such initiative: change
 * never ran; or change's 1), or -1 with err set and nothing written
 * (aw.gave_up: answer web_busy).
 */
int records_write_run(struct web_request *req, struct records_write *w,
    app_write_fn *change, void *arg, struct strbuf *err);
void records_write_end(struct records_write *w);
/* An app/edit.h result as an app_write_fn returns it: 0 commit, 1 refused, -1 failed. */
int records_change_result(enum app_result r);
/*
 * What a handler answers by: APP_OK once records_write_run (returned run)
 * committed, the change's own refusal (changed) when it returned 1, else
 * APP_ERROR.
 */
enum app_result records_run_result(int run, enum app_result changed);
/*
 * The one answer to a write records_write_run (returned run) gave up on
 * (run -1, aw.gave_up: the database kept reporting conflicts): logs err
 * with the request's method and path, answers web_busy's 503 and returns
 * 1; else 0, nothing answered.
 */
int records_write_busy(const struct web_request *req, const struct records_write *w, int run,
    const struct strbuf *err, struct web_response *res);

/* Turns a model_error into a form problem. */
void records_model_error(form_errors *errs, const struct model_error *e);

/*
 * The Team & roles page (h_team.c) for GET /i/{slug}/members, with the
 * problems of a form that came back (errs may be NULL; in what was typed
 * for the committee and director form or the matrix, status 422 then).
 */
int team_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in, const form_errors *errs, const struct form_input *typed,
    int which);

/* The Shared result tab (h_result.c) for GET /i/{slug}/observations. */
int result_page(struct web_request *req, struct web_response *res, const struct program *p,
    const struct initiative *in);

/*
 * In the open write of s, the mail of ledger entry id of in
 * (of p) when it is pending, to the organizations that may approve it now
 * (docs/approvals.md); nothing otherwise. 0, or -1 with err set.
 */
struct store;
struct program;
struct initiative;
struct strbuf;
int approvals_mail(struct store *s, const struct program *p, const struct initiative *in,
    const char *id, struct strbuf *err);

#endif
