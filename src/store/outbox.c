/*
 * The mail outbox (outbox.h, migration 6, docs/mail.md).
 */
#include <assert.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "outbox.h"
#include "store_impl.h"
#include "../util/banned.h"

/* Text column col of st, copied, or NULL. */
static char *
col_dup(struct db_stmt *st, int col)
{
	const char *v = db_column_text(st, col);

	return v ? xstrdup(v) : NULL;
}

/* Runs a statement that changes one row or none; -1 with err on failure. */
static int
step_done(struct store *s, struct db_stmt *st, const char *what, struct strbuf *err)
{
	int r = db_step(st);

	store_stmt_done(st);
	if (r != DB_DONE) {
		store_sqlerr(s, err, what);
		return -1;
	}
	return 0;
}

/*
 * Steps st (bound by the caller) to its end, calling row for each row with
 * out; -1 with "what: the database's message" in err when a step fails.
 */
static int
select_rows(struct store *s, struct db_stmt *st, void (*row)(struct db_stmt *, void *), void *out,
    const char *what, struct strbuf *err)
{
	int r;

	while ((r = db_step(st)) == DB_ROW)
		row(st, out);
	store_stmt_done(st);
	if (r != DB_DONE) {
		store_sqlerr(s, err, what);
		return -1;
	}
	return 0;
}

int
store_mail_add(struct store *s, const struct store_mail *m, struct strbuf *err)
{
	struct db_stmt *st;

	assert(m->message_id && m->kind && m->to_addr && m->subject);
	assert(m->text_body && m->html_body);
	if (store_begin(s, err))
		return -1;
	if ((st = store_stmt(s, ST_MAIL_INS, err)) == NULL)
		goto fail;
	db_bind_text(st, 1, m->message_id);
	db_bind_text(st, 2, m->kind);
	db_bind_int64(st, 3, m->queued);
	db_bind_text(st, 4, m->to_addr);
	db_bind_text(st, 5, m->to_name);
	db_bind_text(st, 6, m->subject);
	db_bind_text(st, 7, m->text_body);
	db_bind_text(st, 8, m->html_body);
	db_bind_text(st, 9, m->unsubscribe);
	if (m->sealed)
		db_bind_blob(st, 10, m->sealed, (int)m->sealed_len);
	db_bind_int64(st, 11, m->next_try);
	db_bind_text(st, 12, m->topic);
	if (step_done(s, st, "cannot queue a mail", err))
		goto fail;
	store_touch_none(s);
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

/* Reads the row of ST_MAIL_DUE into a new element of out. */
static void
due_row(struct db_stmt *st, void *out)
{
	struct store_mail *m = VEC_PUSH((struct store_mails *)out);
	size_t blen;
	const void *b = db_column_blob(st, 9, &blen);

	m->id = db_column_int64(st, 0);
	m->message_id = col_dup(st, 1);
	m->kind = col_dup(st, 2);
	m->to_addr = col_dup(st, 3);
	m->to_name = col_dup(st, 4);
	m->subject = col_dup(st, 5);
	m->text_body = col_dup(st, 6);
	m->html_body = col_dup(st, 7);
	m->unsubscribe = col_dup(st, 8);
	if (b) {
		m->sealed_len = blen;
		m->sealed = xmalloc(m->sealed_len);
		memcpy(m->sealed, b, m->sealed_len);
	}
	m->attempts = (int)db_column_int64(st, 10);
}

int
store_mail_claim(struct store *s, int64_t now, int64_t lease, size_t max,
    struct store_mails *out, struct strbuf *err)
{
	size_t first = out->n;
	struct db_stmt *st;

	if (store_begin(s, err))
		return -1;
	if ((st = store_stmt(s, ST_MAIL_DUE, err)) == NULL)
		goto fail;
	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, (int64_t)max);
	if (select_rows(s, st, due_row, out, "cannot read the mail due", err))
		goto fail;
	for (size_t i = first; i < out->n; i++) {
		if ((st = store_stmt(s, ST_MAIL_LEASE, err)) == NULL)
			goto fail;
		db_bind_int64(st, 1, out->v[i].id);
		db_bind_int64(st, 2, now + lease);
		if (step_done(s, st, "cannot lease a mail", err))
			goto fail;
	}
	store_touch_none(s);
	if (store_commit(s, err) == 0)
		return 0;
	goto drop;
fail:
	store_rollback(s);
drop:
	while (out->n > first)
		store_mails_release_one(&out->v[--out->n]);
	return -1;
}

/* The binds of one_write: ?1 a, ?2 b, ?3 t1 and ?4 t2 (a NULL text stays NULL). */
struct binds {
	int64_t a, b;
	const char *t1, *t2;
};

/*
 * Runs statement id with its binds in a write of its own (or the caller's)
 * that changes nothing a page shows. Returns 0, 1 when it changed no row
 * (nothing is written then), or -1 with "what: the database's message" in err.
 */
static int
one_write(struct store *s, enum stmt id, struct binds v, const char *what, struct strbuf *err)
{
	struct db_stmt *st;

	if (store_begin(s, err))
		return -1;
	if ((st = store_stmt(s, id, err)) == NULL)
		goto fail;
	db_bind_int64(st, 1, v.a);
	db_bind_int64(st, 2, v.b);
	if (db_param_count(st) >= 3)
		db_bind_text(st, 3, v.t1);
	if (db_param_count(st) >= 4)
		db_bind_text(st, 4, v.t2);
	if (step_done(s, st, what, err))
		goto fail;
	if (db_changes(s->db) == 0) {
		store_rollback(s);
		return 1;
	}
	store_touch_none(s);
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int
store_mail_sent(struct store *s, int64_t id, int64_t now, struct strbuf *err)
{
	/* no row: it was marked sent already */
	return one_write(s, ST_MAIL_SENT, (struct binds){ id, now, NULL, NULL },
	    "cannot mark a mail sent", err) < 0 ? -1 : 0;
}

int
store_mail_retry(struct store *s, int64_t id, int64_t next_try, const char *error,
    struct strbuf *err)
{
	return one_write(s, ST_MAIL_RETRY, (struct binds){ id, next_try, error ? error : "", NULL },
	    "cannot count a failed mail", err) < 0 ? -1 : 0;
}

static void
list_row(struct db_stmt *st, void *out)
{
	struct store_mail *m = VEC_PUSH((struct store_mails *)out);

	m->id = db_column_int64(st, 0);
	m->kind = col_dup(st, 1);
	m->to_addr = col_dup(st, 2);
	m->queued = db_column_int64(st, 3);
	m->attempts = (int)db_column_int64(st, 4);
	m->next_try = db_column_int64(st, 5);
	m->sent = db_column_int64(st, 6);
	m->last_error = col_dup(st, 7);
}

int
store_mail_list(struct store *s, struct store_mails *out, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_MAIL_LIST, err);

	return st ? select_rows(s, st, list_row, out, "cannot list the mail", err) : -1;
}

int
store_mail_optout(struct store *s, const char *address, int64_t now, struct strbuf *err)
{
	/* no row: the address had asked already */
	return one_write(s, ST_OPTOUT_INS, (struct binds){ 0, now, address, NULL },
	    "cannot record an unsubscription", err) < 0 ? -1 : 0;
}

int
store_actions_due_count(struct store *s, const char *slug, const char *by, int64_t *n,
    struct strbuf *err)
{
	struct db_stmt *st;
	int r;

	if ((st = store_stmt(s, ST_ACTIONS_DUE_ANY, err)) == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	db_bind_text(st, 2, by);
	r = db_step(st);
	*n = r == DB_ROW ? db_column_int64(st, 0) : 0;
	store_stmt_done(st);
	if (r != DB_ROW) {
		store_sqlerr(s, err, "cannot count the actions due");
		return -1;
	}
	return 0;
}

int
store_mail_opted_out(struct store *s, const char *address, int *yes, struct strbuf *err)
{
	struct db_stmt *st;
	int r;

	if ((st = store_stmt(s, ST_OPTOUT_GET, err)) == NULL)
		return -1;
	db_bind_text(st, 1, address);
	r = db_step(st);
	*yes = r == DB_ROW && (int)db_column_int64(st, 0) > 0;
	store_stmt_done(st);
	if (r != DB_ROW) {
		store_sqlerr(s, err, "cannot read the unsubscriptions");
		return -1;
	}
	return 0;
}

/* An integer column, or -1 for NULL. */
static int64_t
col_time(struct db_stmt *st, int col)
{
	return db_column_null(st, col) ? -1 : db_column_int64(st, col);
}

static void
silent_row(struct db_stmt *st, void *out)
{
	struct store_silence *x = VEC_PUSH((struct store_silences *)out);

	x->slug = col_dup(st, 0);
	x->name = col_dup(st, 1);
	x->start = col_dup(st, 2);
	x->last_checkin = col_dup(st, 3);
	x->director = col_dup(st, 4);
	x->director_email = col_dup(st, 5);
	x->last_reminder = col_time(st, 6);
	x->program = col_dup(st, 7);
}

int
store_mail_silent(struct store *s, const char *day, struct store_silences *out,
    struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_MAIL_SILENT, err);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, day);
	return select_rows(s, st, silent_row, out, "cannot read the initiatives' check-ins", err);
}

/* Each column of the row, copied, appended to out (a struct store_slugs). */
static void
texts_row(struct db_stmt *st, void *out)
{
	for (int i = 0; i < db_column_count(st); i++)
		*VEC_PUSH((struct store_slugs *)out) = col_dup(st, i);
}

int
store_mail_admins(struct store *s, const char *initiative, struct store_slugs *out,
    struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_MAIL_ADMINS, err);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, initiative);
	return select_rows(s, st, texts_row, out, "cannot read the admins", err);
}

int
store_proposal_recipients(struct store *s, int64_t rowid, struct store_slugs *out,
    struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_PROPOSAL_RECIPIENTS, err);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, rowid);
	return select_rows(s, st, texts_row, out, "cannot read who a proposal asks", err);
}

int
store_approval_recipients(struct store *s, int64_t initiative, const char *org,
    struct store_slugs *out, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_APPROVAL_RECIPIENTS, err);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, initiative);
	db_bind_text(st, 2, org);
	return select_rows(s, st, texts_row, out, "cannot read who approves for an organization",
	    err);
}

int
store_proposals_closing(struct store *s, const char *from, const char *to,
    struct store_slugs *out, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_PROPOSALS_CLOSING, err);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	return select_rows(s, st, texts_row, out, "cannot read the proposals closing", err);
}

int
store_proposals_awaiting(struct store *s, const char *email, struct store_slugs *out,
    struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_PROPOSALS_AWAITING, err);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, email);
	return select_rows(s, st, texts_row, out, "cannot read the proposals awaiting", err);
}

static const char *const digest_names[] = { "none", "daily", "weekly" };

int
store_digest_get(struct store *s, const char *email, const char **digest, struct strbuf *err)
{
	struct db_stmt *st;
	const char *v;
	int r;

	*digest = digest_names[0];
	if ((st = store_stmt(s, ST_DIGEST_GET, err)) == NULL)
		return -1;
	db_bind_text(st, 1, email);
	r = db_step(st);
	if (r == DB_ROW && (v = db_column_text(st, 0)) != NULL)
		for (size_t i = 0; i < sizeof(digest_names) / sizeof(digest_names[0]); i++)
			if (strcmp(v, digest_names[i]) == 0)
				*digest = digest_names[i];
	store_stmt_done(st);
	if (r != DB_ROW && r != DB_DONE) {
		store_sqlerr(s, err, "cannot read the account's digest");
		return -1;
	}
	return r == DB_ROW ? 0 : 1;
}

int
store_digest_set(struct store *s, const char *email, const char *digest, struct strbuf *err)
{
	return one_write(s, ST_DIGEST_SET, (struct binds){ 0, 0, email, digest },
	    "cannot change the account's digest", err);
}

int
store_user_lang_set(struct store *s, const char *email, const char *lang, struct strbuf *err)
{
	return one_write(s, ST_USER_LANG_SET, (struct binds){ 0, 0, email, lang },
	    "cannot change the account's language", err);
}

static void
digest_row(struct db_stmt *st, void *out)
{
	struct store_digest *d = VEC_PUSH((struct store_digests *)out);

	d->email = col_dup(st, 0);
	d->role = col_dup(st, 1);
	d->digest = col_dup(st, 2);
	d->sent = col_time(st, 3);
}

int
store_digest_due(struct store *s, int64_t now, struct store_digests *out, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_DIGEST_DUE, err);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, now);
	return select_rows(s, st, digest_row, out, "cannot read the digests due", err);
}

void
store_digests_release(struct store_digests *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].email);
		free(v->v[i].role);
		free(v->v[i].digest);
	}
	VEC_FREE(v);
}

int
store_digest_mark(struct store *s, const char *email, int64_t prev, int64_t now,
    struct strbuf *err)
{
	return one_write(s, ST_DIGEST_SENT, (struct binds){ prev, now, email, NULL },
	    "cannot mark a digest made", err);
}

int
store_digest_scope(struct store *s, const char *email, struct store_slugs *out,
    struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_DIGEST_SCOPE, err);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, email);
	return select_rows(s, st, texts_row, out, "cannot read the account's initiatives", err);
}

int
store_people_by_email(struct store *s, const char *program, const char *email,
    struct store_slugs *out, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_PERSON_BY_EMAIL, err);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, program);
	db_bind_text(st, 2, email);
	return select_rows(s, st, texts_row, out, "cannot read the account's person", err);
}

static void
change_row(struct db_stmt *st, void *out)
{
	struct store_change *c = VEC_PUSH((struct store_changes *)out);

	c->kind = col_dup(st, 0);
	c->action = col_dup(st, 1);
	c->n = db_column_int64(st, 2);
}

int
store_audit_counts(struct store *s, const char *initiative, int64_t since,
    struct store_changes *out, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_AUDIT_COUNTS, err);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, initiative);
	db_bind_int64(st, 2, since);
	return select_rows(s, st, change_row, out, "cannot read the changes", err);
}

void
store_changes_release(struct store_changes *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].kind);
		free(v->v[i].action);
	}
	VEC_FREE(v);
}

void
store_silences_release(struct store_silences *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].slug);
		free(v->v[i].name);
		free(v->v[i].start);
		free(v->v[i].last_checkin);
		free(v->v[i].director);
		free(v->v[i].director_email);
		free(v->v[i].program);
	}
	VEC_FREE(v);
}

void
store_mails_release_one(struct store_mail *m)
{
	free(m->message_id);
	free(m->kind);
	free(m->topic);
	free(m->to_addr);
	free(m->to_name);
	free(m->subject);
	free(m->text_body);
	free(m->html_body);
	free(m->unsubscribe);
	if (m->sealed)
		sodium_memzero(m->sealed, m->sealed_len);
	free(m->sealed);
	free(m->last_error);
	memset(m, 0, sizeof(*m));
}

void
store_mails_release(struct store_mails *v)
{
	for (size_t i = 0; i < v->n; i++)
		store_mails_release_one(&v->v[i]);
	VEC_FREE(v);
}
