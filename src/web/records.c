/*
 * What the record pages (h_records.c) share with the team page (h_team.c):
 * the form input of a request, who may edit, the write (records.h), field
 * moves between two records of a kind, a model error as a form problem,
 * and the mail a ledger write leaves awaiting approval (also the API's).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "records.h"
#include "../app/approvals.h"
#include "../mail/mail.h"
#include "../util/num.h"
#include "../util/vec.h"
#include "../util/banned.h"

void
records_input(struct web_request *req, struct form_input *in)
{
	struct form_pair *v = web_alloc(req, (req->form.n + 1) * sizeof(*v));

	for (size_t i = 0; i < req->form.n; i++) {
		v[i].name = req->form.v[i].name;
		v[i].value = req->form.v[i].value;
	}
	in->v = v;
	in->n = req->form.n;
}

int
records_may_edit(const struct web_request *req)
{
	return req->authenticated && (req->user.role & WEB_EDITORS) != 0;
}

/*
 * One form write at a time in this process (BEGIN IMMEDIATE orders writers
 * across processes; the lock spares this one's threads the busy wait).
 */
static pthread_mutex_t write_lock = PTHREAD_MUTEX_INITIALIZER;

int
records_write_run(struct web_request *req, struct records_write *w,
    app_write_fn *change, void *arg, struct strbuf *err)
{
	memset(w, 0, sizeof(*w));
	program_init(&w->aw.p);
	w->req = req;
	pthread_mutex_lock(&write_lock);
	w->locked = 1;
	return web_write_run(req, &w->aw, req->slug, change, arg, err);
}

int
records_change_result(enum app_result r)
{
	return r == APP_OK ? 0 : r == APP_ERROR ? -1 : 1;
}

enum app_result
records_run_result(int run, enum app_result changed)
{
	return run == 0 ? APP_OK : run == 1 ? changed : APP_ERROR;
}

int
records_write_busy(const struct web_request *req, const struct records_write *w, int run,
    const struct strbuf *err, struct web_response *res)
{
	if (run != -1 || !w->aw.gave_up)
		return 0;
	fprintf(stderr, "trellis serve: %s %s: %s\n", req->method_name, req->path, err->buf);
	web_busy(res);
	return 1;
}

void
records_write_end(struct records_write *w)
{
	if (w->req)
		web_publish(w->req, &w->aw);
	app_write_end(&w->aw);
	if (w->locked)
		pthread_mutex_unlock(&write_lock);
	w->locked = 0;
}

void
records_model_error(form_errors *errs, const struct model_error *e)
{
	form_error_add(errs, e->field, e->msg);
}

int
approvals_mail(struct store *s, const struct program *p, const struct initiative *in,
    const char *id, struct strbuf *err)
{
	long i = app_ledger_find(in, id);
	const struct ledger_entry *e;
	struct app_slugs next = { NULL, 0, 0 };
	char amount[NUM_BUFSZ];
	size_t queued = 0;
	int ret;

	if (i < 0 || (e = &in->ledger.v[i])->status != LSTATUS_PENDING)
		return 0;
	app_approval_next(p, in, e, &next);
	ret = mail_approval_queue(s, web_db_path(), web_mail_base_url(),
	    &(struct mail_approval){ .initiative = in->rowid, .program = p->slug, .slug = in->slug,
	    .initiative_name = in->name, .id = e->id, .amount = money_display(e->amount, amount),
	    .purpose = e->purpose, .second = e->approvals.n > 0, .orgs = next.v, .norgs = next.n },
	    time(NULL), &queued, err);
	VEC_FREE(&next);
	return ret;
}
