#ifndef TRELLIS_STORE_DB_IMPL_H
#define TRELLIS_STORE_DB_IMPL_H
/*
 * Inside the driver (db.h): each backend is a table of operations, and its
 * connection and statement structs begin with these heads, so db.c
 * dispatches on db->ops. Only db.c, db_sqlite.c and db_pg.c include this.
 */
#include "db.h"

struct db_ops {
	enum db_backend backend;
	int (*open)(const char *target, int create, struct db **out, struct strbuf *err);
	void (*close)(struct db *db);
	const char *(*errmsg)(const struct db *db);
	enum db_errkind (*error_kind)(const struct db *db);
	int (*exec)(struct db *db, const char *sql);
	struct db_stmt *(*prepare)(struct db *db, const char *sql);
	/* db_prepare_later; NULL: db_prepare */
	struct db_stmt *(*prepare_later)(struct db *db, const char *sql);
	void (*finalize)(struct db_stmt *st);
	void (*reset)(struct db_stmt *st);
	int (*param_count)(const struct db_stmt *st);
	void (*bind_int64)(struct db_stmt *st, int i, int64_t v);
	void (*bind_double)(struct db_stmt *st, int i, double v);
	void (*bind_text)(struct db_stmt *st, int i, const char *v);
	void (*bind_text_copy)(struct db_stmt *st, int i, const char *v);
	void (*bind_blob)(struct db_stmt *st, int i, const void *v, size_t len);
	void (*bind_null)(struct db_stmt *st, int i);
	int (*step)(struct db_stmt *st);
	/* db_step_later and db_settle; NULL where every step waits (SQLite) */
	int (*step_later)(struct db_stmt *st);
	int (*settle)(struct db *db);
	void (*closing)(struct db *db);	/* db_closing; NULL: nothing to do */
	int (*column_count)(const struct db_stmt *st);
	int (*column_null)(const struct db_stmt *st, int i);
	int64_t (*column_int64)(const struct db_stmt *st, int i);
	double (*column_double)(const struct db_stmt *st, int i);
	const char *(*column_text)(const struct db_stmt *st, int i);
	const void *(*column_blob)(struct db_stmt *st, int i, size_t *len);
	int64_t (*changes)(const struct db *db);
	int64_t (*total_changes)(const struct db *db);
	int (*last_id)(struct db *db, int64_t *id);
	/* db_new_ids; NULL where rows are numbered by the backend alone (SQLite) */
	int (*new_ids)(struct db *db, const char *const *tables, const size_t *n, size_t ntables,
	    int64_t *const *ids);
	int (*begin)(struct db *db, enum db_txn kind);
	int (*commit)(struct db *db);
	void (*rollback)(struct db *db);
	int (*in_txn)(const struct db *db);
	/* db_unchanged; NULL where the backend cannot tell cheaply (PostgreSQL) */
	int (*unchanged)(struct db *db, unsigned char token[DB_TOKEN_SIZE]);
	/* notifications (db_listen); NULL where the backend has none (SQLite) */
	int (*listen)(struct db *db, const char *channel);
	int (*wait_notify)(struct db *db, int timeout_ms, void (*fn)(void *arg, const char *payload),
	    void *arg);
	int (*ping)(struct db *db);
};

struct db {
	const struct db_ops *ops;
	int txn_retryable;	/* db_txn_retryable: set by a backend, cleared by db_begin */
};

struct db_stmt {
	struct db *db;
};

extern const struct db_ops db_sqlite_ops;
extern const struct db_ops db_pg_ops;

#endif
