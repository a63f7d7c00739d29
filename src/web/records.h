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
 * program-level kind) loaded inside the write's own BEGIN IMMEDIATE
 * transaction, private to this request, from records_write_begin to
 * records_write_end. Changes are made with app/edit.h on aw.p and kept by
 * records_write_commit; records_write_end rolls back whatever was not
 * committed. Pages learn of a commit by the store's data version.
 */
struct records_write {
	struct app_write aw;		/* aw.p, aw.in (the request's initiative), aw.s */
	int locked;
	struct web_request *req;	/* whose cache keeps what was written (web_publish) */
};
/* Returns 0, or -1 (logged: answer 500). aw.in is NULL when the slug names nothing. */
int records_write_begin(struct web_request *req, struct records_write *w);
/* Counts a change made through w, for records_write_commit. */
void records_write_done(struct records_write *w);
/* Commits the changes made through w. Returns 0, or -1 (logged; nothing was written). */
int records_write_commit(struct records_write *w);
void records_write_end(struct records_write *w);


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
