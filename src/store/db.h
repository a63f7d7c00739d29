#ifndef TRELLIS_STORE_DB_H
#define TRELLIS_STORE_DB_H
/*
 * The store's database driver: one small interface to a SQL connection,
 * with two implementations, SQLite (db_sqlite.c, the embedded default) and
 * PostgreSQL through libpq (db_pg.c). Only src/store/ includes this.
 * docs/postgresql.md tells how the SQL is kept portable.
 *
 * Statements are the store's constant texts (store_sql[], the migrations),
 * written in SQLite's dialect restricted to what both backends share; the
 * PostgreSQL driver translates each text once, when it is prepared or
 * executed (db_sql_to_pg): parameters `?NNN` and `?` become `$N` (always
 * bound, never spliced), and the few differences of the schema's dialect
 * are rewritten word by word.
 *
 * Errors: a function that fails returns -1 (or DB_ERROR, or NULL) and the
 * connection keeps the backend's message (db_errmsg), one line.
 */
#include <stddef.h>
#include <stdint.h>

struct strbuf;

enum db_backend {
	DB_SQLITE,
	DB_POSTGRESQL,
};

enum db_step {
	DB_ERROR = -1,
	DB_DONE = 0,		/* no (more) rows: the statement ran */
	DB_ROW = 1,		/* a row is ready to read */
};

enum db_txn {
	DB_TXN_WRITE,		/* SQLite BEGIN IMMEDIATE; PostgreSQL SERIALIZABLE */
	DB_TXN_READ,		/* one snapshot: SQLite BEGIN; PostgreSQL REPEATABLE READ, READ ONLY */
};

struct db;
struct db_stmt;

/* Whether target names a PostgreSQL database (postgresql:// or postgres://) rather than a file. */
int db_is_url(const char *target);

/*
 * Opens target: a postgresql:// URL (libpq's connection URI) or the path of
 * a SQLite file, created when create is set (a PostgreSQL database must
 * exist). Returns 0 and the connection in *out (db_close frees it), or -1
 * with "cannot open database TARGET: why" in err. A URL's password is never
 * repeated in a message.
 */
int db_open(const char *target, int create, struct db **out, struct strbuf *err);
void db_close(struct db *db);
/*
 * Says db is about to be closed: the statements finalized from now on go
 * with the connection (PostgreSQL: no DEALLOCATE for each, a round trip).
 */
void db_closing(struct db *db);
enum db_backend db_backend(const struct db *db);
/* The last error's message, one line ("" when none); valid until the next call on db. */
const char *db_errmsg(const struct db *db);
/* What the last error was, where the store words its messages by it. */
enum db_errkind {
	DB_ERR_OTHER,
	DB_ERR_UNIQUE,		/* a UNIQUE or PRIMARY KEY constraint (SQLSTATE 23505) */
	DB_ERR_FOREIGN_KEY,	/* 23503 */
	DB_ERR_CONSTRAINT,	/* another constraint: CHECK, NOT NULL (23514, 23502) */
	DB_ERR_BUSY,		/* see db_retryable */
};
enum db_errkind db_error_kind(const struct db *db);
/*
 * Whether the last error may succeed when its whole transaction is run
 * again: PostgreSQL's serialization failure or deadlock (SQLSTATE 40001,
 * 40P01), SQLite's busy database. (DB_ERR_BUSY)
 */
int db_retryable(const struct db *db);
/*
 * Whether an error of the last transaction begun on db (at its BEGIN, a
 * statement, or its COMMIT) was one db_retryable says may succeed when the
 * whole transaction runs again, even when a later statement's error (the
 * transaction aborted) is the one db_errmsg keeps. PostgreSQL only: a busy
 * SQLite has waited its busy timeout already, and is never retried.
 */
int db_txn_retryable(const struct db *db);

/*
 * Runs sql, one or more statements without parameters (a migration).
 * Returns 0, or -1 with "what: message" in err.
 */
int db_exec(struct db *db, const char *sql, const char *what, struct strbuf *err);

/*
 * Prepares one statement. Returns it (db_finalize frees it; it must be
 * finalized before db is closed), or NULL with "cannot prepare
 * statement: message" in err.
 */
struct db_stmt *db_prepare(struct db *db, const char *sql, struct strbuf *err);
void db_finalize(struct db_stmt *st);
/*
 * The same for a statement that returns no rows (an INSERT): on
 * PostgreSQL its preparation goes into the pipeline with the statements
 * sent after it (db_step_later), or with its first db_step, without a
 * round trip of its own; a preparation that fails shows as the error of
 * db_settle or of that step, and is sent again by its next run. Elsewhere
 * it is db_prepare.
 */
struct db_stmt *db_prepare_later(struct db *db, const char *sql, struct strbuf *err);
/* Ends st's run and clears its bindings, so that it can run again (NULL is fine). */
void db_reset(struct db_stmt *st);
/* The number of parameters st takes. */
int db_param_count(const struct db_stmt *st);

/*
 * Binds parameter i (from 1) of st. Text and blobs are not copied: they
 * must outlive the step that runs st. A NULL text binds NULL.
 */
void db_bind_int64(struct db_stmt *st, int i, int64_t v);
void db_bind_double(struct db_stmt *st, int i, double v);
void db_bind_text(struct db_stmt *st, int i, const char *v);
/* The same, copied: v may go before the step. */
void db_bind_text_copy(struct db_stmt *st, int i, const char *v);
void db_bind_blob(struct db_stmt *st, int i, const void *v, size_t len);
void db_bind_null(struct db_stmt *st, int i);

/* Runs st (on its first step) and moves to its next row: DB_ROW, DB_DONE or DB_ERROR. */
int db_step(struct db_stmt *st);

/*
 * Runs st, a statement that returns no rows, without waiting for its
 * answer where the backend can (PostgreSQL's pipeline mode): it is sent,
 * and its bindings may change at once; db_settle reads the answers. So a
 * batch of inserts costs one round trip, not one each. Any other call on
 * db reads them first too, and its own error may then be the aborted
 * transaction's: only db_settle says what failed. On SQLite it is db_step.
 * Returns 0, or -1 with the error kept (an earlier statement's, once one
 * has failed: nothing more is sent).
 */
int db_step_later(struct db_stmt *st);
/*
 * Waits for the answers of every statement db_step_later sent: 0 when each
 * ran, else -1 with the first failure's error kept (db_errmsg,
 * db_error_kind, db_txn_retryable); the transaction is then aborted, as
 * after a failed db_step. 0 at once when none is pending.
 */
int db_settle(struct db *db, struct strbuf *err);

/*
 * The columns of the current row (from 0). A NULL reads as 0, 0.0 and
 * NULL. A PostgreSQL boolean ('t', 'f') reads as 1 or 0, as SQLite gives a
 * comparison. Text and blobs stay valid until the next step or reset.
 */
int db_column_count(const struct db_stmt *st);
int db_column_null(const struct db_stmt *st, int i);
int64_t db_column_int64(const struct db_stmt *st, int i);
double db_column_double(const struct db_stmt *st, int i);
const char *db_column_text(const struct db_stmt *st, int i);
const void *db_column_blob(struct db_stmt *st, int i, size_t *len);

/* Rows changed by the last INSERT, UPDATE or DELETE stepped on db. */
int64_t db_changes(const struct db *db);
/* Rows changed by every INSERT, UPDATE and DELETE on db since it was opened. */
int64_t db_total_changes(const struct db *db);
/*
 * The id the last INSERT on db gave its row (SQLite's rowid; on
 * PostgreSQL lastval() of the identity's sequence, so only for rows whose
 * id was not given). Returns 0, or -1 with err set.
 */
int db_last_id(struct db *db, int64_t *id, struct strbuf *err);
/*
 * Draws ids for rows inserted with their id given, n[i] of them for table
 * tables[i] (a plain lower-case name), into ids[i][0 .. n[i]), ascending:
 * on PostgreSQL from each table's identity sequence, all in one round
 * trip, so that no other session can get them and the rows of one INSERT
 * need not wait for their ids one by one. SQLite numbers rows itself: -1.
 * Returns 0, or -1 with err set.
 */
int db_new_ids(struct db *db, const char *const *tables, const size_t *n, size_t ntables,
    int64_t *const *ids, struct strbuf *err);

/* Transactions: begin (as kind), commit, roll back. 0, or -1 with "what: message" in err. */
int db_begin(struct db *db, enum db_txn kind, struct strbuf *err);
/* Commits; a PostgreSQL transaction that had failed is rolled back and reported as failed. */
int db_commit(struct db *db, struct strbuf *err);
/* Rolls back the open transaction, if any. */
void db_rollback(struct db *db);
/* Whether a transaction is open on db. */
int db_in_txn(const struct db *db);

/*
 * Whether anything has committed to the database, by any connection or
 * process, since token was taken: 1 when nothing has (token is as it was),
 * else 0 with token taken afresh. Call it before the read whose result the
 * caller keeps beside the token, outside a transaction. 0 whenever the
 * backend cannot tell without a query (PostgreSQL; SQLite outside WAL
 * mode, or a header caught mid-write): the caller reads then. A zeroed
 * token is never "unchanged".
 */
#define DB_TOKEN_SIZE	48
int db_unchanged(struct db *db, unsigned char token[DB_TOKEN_SIZE]);

/*
 * Notifications from other connections' commits (PostgreSQL's LISTEN and
 * NOTIFY; docs/postgresql.md, "Several servers"). db_listen subscribes db
 * to channel (a plain lower-case name): 0, 1 when the backend has no
 * notifications (SQLite: nothing to do), or -1 with err set.
 * db_wait_notify waits at most timeout_ms for what arrives on a listening
 * db, and calls fn with each payload, in the order committed. Returns how
 * many it handed over (0 when none came), or -1 with err set when the
 * connection is lost or broken: then db is good only for db_close.
 */
int db_listen(struct db *db, const char *channel, struct strbuf *err);
int db_wait_notify(struct db *db, int timeout_ms, void (*fn)(void *arg, const char *payload),
    void *arg, struct strbuf *err);
/*
 * Asks the server of a listening db for an answer, without waiting for
 * it (db_wait_notify reads it), so that a link gone silent is noticed:
 * 0 asked, 1 when the last one asked is still unanswered (the link is
 * taken as lost), -1 with err set.
 */
int db_ping(struct db *db, struct strbuf *err);

/*
 * The SQLite connection under db, for what only SQLite does (the online
 * backup, its integrity check); NULL on another backend.
 */
struct sqlite3 *db_sqlite_handle(struct db *db);

/*
 * SQLite only, inside the open write transaction: gives the CREATE text of
 * every table of the schema to fn, which appends a new text to out and
 * returns how many changes it made (0: keep the table as it is), and stores
 * each changed text by the procedure of sqlite.org/lang_altertable.html
 * ("writable_schema": the schema's text edited in place, its version
 * moved on, the schema read again). Only for changes that leave every
 * stored row valid and the file's format as it is (a CHECK for an
 * equivalent one). Returns the number of tables changed, or -1 with err
 * set.
 */
int db_sqlite_schema_rewrite(struct db *db, int (*fn)(const char *sql, struct strbuf *out),
    struct strbuf *err);

/*
 * The translation of one text of SQLite's dialect into PostgreSQL's
 * (docs/postgresql.md): appends it to out, the number of parameters to
 * *nparams and, when used is not NULL, one byte per parameter to used (1:
 * the text names it; 0: it skips it). Returns 0, or -1 with err set for
 * what has no translation (a PRAGMA other than user_version).
 */
int db_sql_to_pg(const char *sql, struct strbuf *out, int *nparams, struct strbuf *used,
    struct strbuf *err);

#endif
