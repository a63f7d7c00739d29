/*
 * The driver's front (db.h): picks the backend by the target's form and
 * hands each call to it; the errors' wording is here, once for both.
 */
#include <assert.h>
#include <string.h>

#include "db_impl.h"
#include "../util/strbuf.h"
#include "../util/banned.h"

int
db_is_url(const char *target)
{
	return target != NULL && (strncmp(target, "postgresql://", 13) == 0 ||
	    strncmp(target, "postgres://", 11) == 0);
}

int
db_open(const char *target, int create, struct db **out, struct strbuf *err)
{
	const struct db_ops *ops = db_is_url(target) ? &db_pg_ops : &db_sqlite_ops;

	*out = NULL;
	return ops->open(target, create, out, err);
}

void
db_close(struct db *db)
{
	if (db)
		db->ops->close(db);
}

void
db_closing(struct db *db)
{
	if (db && db->ops->closing)
		db->ops->closing(db);
}

enum db_backend
db_backend(const struct db *db)
{
	return db->ops->backend;
}

const char *
db_errmsg(const struct db *db)
{
	return db ? db->ops->errmsg(db) : "no database";
}

enum db_errkind
db_error_kind(const struct db *db)
{
	return db->ops->error_kind(db);
}

int
db_retryable(const struct db *db)
{
	return db_error_kind(db) == DB_ERR_BUSY;
}

int
db_txn_retryable(const struct db *db)
{
	return db->txn_retryable;
}

/* Replaces err with "what: the backend's message". */
static void
fail(const struct db *db, struct strbuf *err, const char *what)
{
	strbuf_reset(err);
	strbuf_addf(err, "%s: %s", what, db_errmsg(db));
}

int
db_exec(struct db *db, const char *sql, const char *what, struct strbuf *err)
{
	if (db->ops->exec(db, sql) == 0)
		return 0;
	fail(db, err, what);
	return -1;
}

struct db_stmt *
db_prepare(struct db *db, const char *sql, struct strbuf *err)
{
	struct db_stmt *st = db->ops->prepare(db, sql);

	if (st == NULL)
		fail(db, err, "cannot prepare statement");
	return st;
}

struct db_stmt *
db_prepare_later(struct db *db, const char *sql, struct strbuf *err)
{
	struct db_stmt *st;

	if (db->ops->prepare_later == NULL)
		return db_prepare(db, sql, err);
	if ((st = db->ops->prepare_later(db, sql)) == NULL)
		fail(db, err, "cannot prepare statement");
	return st;
}

void
db_finalize(struct db_stmt *st)
{
	if (st)
		st->db->ops->finalize(st);
}

void
db_reset(struct db_stmt *st)
{
	if (st)
		st->db->ops->reset(st);
}

int
db_param_count(const struct db_stmt *st)
{
	return st->db->ops->param_count(st);
}

void
db_bind_int64(struct db_stmt *st, int i, int64_t v)
{
	assert(i >= 1 && i <= db_param_count(st));
	st->db->ops->bind_int64(st, i, v);
}

void
db_bind_double(struct db_stmt *st, int i, double v)
{
	assert(i >= 1 && i <= db_param_count(st));
	st->db->ops->bind_double(st, i, v);
}

void
db_bind_text(struct db_stmt *st, int i, const char *v)
{
	assert(i >= 1 && i <= db_param_count(st));
	if (v == NULL)
		st->db->ops->bind_null(st, i);
	else
		st->db->ops->bind_text(st, i, v);
}

void
db_bind_text_copy(struct db_stmt *st, int i, const char *v)
{
	assert(i >= 1 && i <= db_param_count(st));
	if (v == NULL)
		st->db->ops->bind_null(st, i);
	else
		st->db->ops->bind_text_copy(st, i, v);
}

void
db_bind_blob(struct db_stmt *st, int i, const void *v, size_t len)
{
	assert(i >= 1 && i <= db_param_count(st));
	st->db->ops->bind_blob(st, i, v, len);
}

void
db_bind_null(struct db_stmt *st, int i)
{
	assert(i >= 1 && i <= db_param_count(st));
	st->db->ops->bind_null(st, i);
}

int
db_step(struct db_stmt *st)
{
	return st->db->ops->step(st);
}

int
db_column_count(const struct db_stmt *st)
{
	return st->db->ops->column_count(st);
}

int
db_column_null(const struct db_stmt *st, int i)
{
	return st->db->ops->column_null(st, i);
}

int64_t
db_column_int64(const struct db_stmt *st, int i)
{
	return st->db->ops->column_int64(st, i);
}

double
db_column_double(const struct db_stmt *st, int i)
{
	return st->db->ops->column_double(st, i);
}

const char *
db_column_text(const struct db_stmt *st, int i)
{
	return st->db->ops->column_text(st, i);
}

const void *
db_column_blob(struct db_stmt *st, int i, size_t *len)
{
	return st->db->ops->column_blob(st, i, len);
}

int
db_step_later(struct db_stmt *st)
{
	if (st->db->ops->step_later)
		return st->db->ops->step_later(st);
	return db_step(st) == DB_DONE ? 0 : -1;
}

int
db_settle(struct db *db, struct strbuf *err)
{
	if (db->ops->settle == NULL || db->ops->settle(db) == 0)
		return 0;
	fail(db, err, "cannot store");
	return -1;
}

int64_t
db_changes(const struct db *db)
{
	return db->ops->changes(db);
}

int64_t
db_total_changes(const struct db *db)
{
	return db->ops->total_changes(db);
}

int
db_last_id(struct db *db, int64_t *id, struct strbuf *err)
{
	if (db->ops->last_id(db, id) == 0)
		return 0;
	fail(db, err, "cannot read the new row's id");
	return -1;
}

int
db_new_ids(struct db *db, const char *const *tables, const size_t *n, size_t ntables,
    int64_t *const *ids, struct strbuf *err)
{
	for (size_t i = 0; i < ntables; i++)
		for (const char *c = tables[i]; *c; c++)
			assert((*c >= 'a' && *c <= 'z') || *c == '_');
	if (db->ops->new_ids == NULL) {
		strbuf_reset(err);
		strbuf_addstr(err, "internal error: this database numbers its rows itself");
		return -1;
	}
	if (db->ops->new_ids(db, tables, n, ntables, ids) == 0)
		return 0;
	fail(db, err, "cannot draw ids for new rows");
	return -1;
}

int
db_begin(struct db *db, enum db_txn kind, struct strbuf *err)
{
	db->txn_retryable = 0;
	if (db->ops->begin(db, kind) == 0)
		return 0;
	fail(db, err, "cannot begin a transaction");
	return -1;
}

int
db_commit(struct db *db, struct strbuf *err)
{
	if (db->ops->commit(db) == 0)
		return 0;
	fail(db, err, "cannot commit");
	return -1;
}

void
db_rollback(struct db *db)
{
	db->ops->rollback(db);
}

int
db_in_txn(const struct db *db)
{
	return db->ops->in_txn(db);
}

int
db_unchanged(struct db *db, unsigned char token[DB_TOKEN_SIZE])
{
	if (db->ops->unchanged == NULL)
		return 0;
	return db->ops->unchanged(db, token);
}

int
db_listen(struct db *db, const char *channel, struct strbuf *err)
{
	for (const char *c = channel; *c; c++)
		assert((*c >= 'a' && *c <= 'z') || *c == '_');
	if (db->ops->listen == NULL)
		return 1;
	if (db->ops->listen(db, channel) == 0)
		return 0;
	fail(db, err, "cannot listen for changes");
	return -1;
}

int
db_wait_notify(struct db *db, int timeout_ms, void (*fn)(void *arg, const char *payload),
    void *arg, struct strbuf *err)
{
	int n;

	assert(db->ops->wait_notify != NULL);
	if ((n = db->ops->wait_notify(db, timeout_ms, fn, arg)) >= 0)
		return n;
	fail(db, err, "lost the connection that listens for changes");
	return -1;
}

int
db_ping(struct db *db, struct strbuf *err)
{
	int rc;

	assert(db->ops->ping != NULL);
	if ((rc = db->ops->ping(db)) == -1)
		fail(db, err, "lost the connection that listens for changes");
	else if (rc == 1) {
		strbuf_reset(err);
		strbuf_addstr(err, "lost the connection that listens for changes:"
		    " the database did not answer");
	}
	return rc;
}
