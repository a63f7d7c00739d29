/*
 * The one write path: see write.h.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "write.h"
#include "../model/validate.h"
#include "../store/store.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

/*
 * The write's program: copied from initiative ini of from when that copy is
 * current (from non-NULL), else read inside the transaction.
 */
static int
write_begin(struct app_write *w, struct store *s, const char *program,
    const char *initiative, const struct program *from, size_t ini, int64_t at,
    struct strbuf *err)
{
	struct model_error e;
	int r = 0;

	memset(w, 0, sizeof(*w));
	w->s = s;
	program_init(&w->p);
	if (store_write_begin(s, err) == -1)
		return -1;
	w->open = 1;
	if (from && (r = store_write_current(s, initiative, from->initiatives.v[ini].rowid, at,
	    err)) == -1)
		return -1;
	if (r == 1)
		program_slice_copy(from, ini, &w->p);
	else if ((r = initiative ? store_initiative_load(s, program, initiative, &w->p, err) :
	    store_program_load(s, program, &w->p, err)) != 0)
		return r;
	if (model_resolve(&w->p, &e)) {
		strbuf_reset(err);
		model_error_format(&e, err);
		return -1;
	}
	if (initiative)
		w->in = &w->p.initiatives.v[0];
	return 0;
}

int
app_write_begin(struct app_write *w, struct store *s, const char *program,
    const char *initiative, struct strbuf *err)
{
	return write_begin(w, s, program, initiative, NULL, 0, 0, err);
}

int
app_write_begin_from(struct app_write *w, struct store *s, const char *program,
    const char *initiative, const struct program *from, size_t ini, int64_t at,
    struct strbuf *err)
{
	assert(initiative != NULL && from != NULL && ini < from->initiatives.n);
	assert(strcmp(from->initiatives.v[ini].slug, initiative) == 0);
	return write_begin(w, s, program, initiative, from, ini, at, err);
}

void
app_write_changed(struct app_write *w)
{
	w->changes++;
}

int
app_write_commit(struct app_write *w, struct strbuf *err)
{
	if (!w->open)
		return -1;
	w->open = 0;
	if (store_write_commit(w->s, NULL, err) == -1)
		return -1;
	w->version = store_committed_version(w->s, &w->catalog);
	return 0;
}

void
app_write_end(struct app_write *w)
{
	if (w->open)
		store_write_rollback(w->s);
	w->open = 0;
	program_release(&w->p);
}

/* err after the last conflict: what happened, then the database's own message */
static void
write_busy(struct strbuf *err)
{
	char *cause = strbuf_detach(err, NULL);

	strbuf_addf(err, "the database is busy with other changes (tried %d times); "
	    "nothing was written: %s", APP_WRITE_TRIES, cause ? cause : "");
	free(cause);
}

/*
 * The one decision to run a write again: it failed (r == -1), runs are
 * left, and the database says a new run may succeed. On the last
 * retryable failure *gave_up is set and err says so.
 */
static int
write_again(struct store *s, int r, int tries, int *gave_up, struct strbuf *err)
{
	if (r != -1 || !store_write_retryable(s))
		return 0;
	if (tries < APP_WRITE_TRIES)
		return 1;
	*gave_up = 1;
	write_busy(err);
	return 0;
}


int
app_write_run_from(struct app_write *w, struct store *s, const char *program,
    const char *initiative, const struct program *from, size_t ini, int64_t at,
    app_write_fn *change, void *arg, struct strbuf *err)
{
	int r, gave_up = 0;

	for (int tries = 1;; tries++) {
		/* a run after a conflict reads afresh: the copy is likely what conflicted */
		r = from && tries == 1 ?
		    app_write_begin_from(w, s, program, initiative, from, ini, at, err) :
		    app_write_begin(w, s, program, initiative, err);
		if (r == 0 && (r = change(w, arg, err)) == 0 && app_write_commit(w, err) == -1)
			r = -1;
		if (!write_again(s, r, tries, &gave_up, err)) {
			w->gave_up = gave_up;
			return r;
		}
		/* nothing of this run stays: rolled back, w->p released */
		app_write_end(w);
	}
}

int
app_write_run(struct app_write *w, struct store *s, const char *program,
    const char *initiative, app_write_fn *change, void *arg, struct strbuf *err)
{
	return app_write_run_from(w, s, program, initiative, NULL, 0, 0, change, arg, err);
}

int
app_txn_run(struct store *s, app_txn_fn *change, void *arg, int *gave_up,
    struct strbuf *err)
{
	int r, busy = 0;

	for (int tries = 1;; tries++) {
		if ((r = store_write_begin(s, err)) == 0) {
			if ((r = change(s, arg, err)) == 0)
				r = store_write_commit(s, NULL, err) == -1 ? -1 : 0;
			else
				store_write_rollback(s);
		}
		if (!write_again(s, r, tries, &busy, err)) {
			if (gave_up)
				*gave_up = busy;
			return r;
		}
	}
}

int
app_program_read(struct store *s, const char *slug, struct program *p, struct strbuf *err)
{
	struct model_error e;
	int r;

	if ((r = store_program_load(s, slug, p, err)) != 0)
		return r;
	if (model_resolve(p, &e)) {
		strbuf_reset(err);
		model_error_format(&e, err);
		return -1;
	}
	return 0;
}
