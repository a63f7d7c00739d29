/*
 * The store: opening a connection (SQLite, with the settings of
 * RELIABILITY.md, or PostgreSQL: db.h), schema migrations, statements,
 * transactions, and the whole-database operations (check, backup,
 * settings). Programs are saved and loaded in program.c.
 */
#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store_impl.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

#define STORE_BUSY_TIMEOUT_MS	5000

void
store_sqlerr(struct store *s, struct strbuf *err, const char *what)
{
	strbuf_reset(err);
	strbuf_addf(err, "%s: %s", what, s ? db_errmsg(s->db) : "no database");
}

struct db_stmt *
store_stmt(struct store *s, enum stmt id, struct strbuf *err)
{
	if (s->st[id] == NULL &&
	    (s->st[id] = db_prepare(s->db, store_sql[id], err)) == NULL) {
		strbuf_reset(err);
		strbuf_addf(err, "internal error: cannot prepare statement %d: %s",
		    (int)id, db_errmsg(s->db));
		return NULL;
	}
	return s->st[id];
}

/*
 * store_stmt_rows (ids 0) and store_stmt_rows_id (ids 1): statement id's
 * one row repeated rows times, with each row's id after its other values
 * when ids is set; prepared once, with its first run (db_prepare_later).
 */
static struct db_stmt *
stmt_rows(struct store *s, enum stmt id, int rows, int ids, struct strbuf *err)
{
	const char *sql = store_sql[id];
	const char *row = strstr(sql, ") VALUES (");
	size_t len = strlen(sql);
	struct db_stmt **slot;
	struct strbuf text = STRBUF_INIT;
	int log2 = 0;

	while ((1 << log2) < rows)
		log2++;
	assert(rows >= 1 && rows <= STORE_ROWS_MAX && rows == 1 << log2);
	assert(row != NULL && sql[len - 1] == ')');
	if (rows == 1 && !ids)
		return store_stmt(s, id, err);
	if (s->rows == NULL)
		s->rows = xcalloc(ST__MAX, sizeof(*s->rows));
	slot = &s->rows[id][ids][log2];
	if (*slot != NULL)
		return *slot;
	/*
	 * "INSERT INTO t (a, b) VALUES (?, ?)" -> "INSERT INTO t (a, b) VALUES
	 * (?, ?), (?, ?), ..." or, ids set, "INSERT INTO t (a, b, id) VALUES
	 * (?, ?, ?), ..."
	 */
	strbuf_add(&text, sql, (size_t)(row - sql));
	strbuf_addstr(&text, ids ? ", id) VALUES " : ") VALUES ");
	for (int r = 0; r < rows; r++) {
		strbuf_addstr(&text, r ? ", " : "");
		strbuf_add(&text, row + 9, (size_t)(sql + len - 1 - (row + 9)));
		strbuf_addstr(&text, ids ? ", ?)" : ")");
	}
	/* an INSERT: no rows to describe, its preparation sent with its first run */
	if ((*slot = db_prepare_later(s->db, text.buf, err)) == NULL) {
		strbuf_reset(err);
		strbuf_addf(err, "internal error: cannot prepare statement %d of %d rows%s: %s",
		    (int)id, rows, ids ? " with ids" : "", db_errmsg(s->db));
	}
	strbuf_release(&text);
	return *slot;
}

struct db_stmt *
store_stmt_rows(struct store *s, enum stmt id, int rows, struct strbuf *err)
{
	return stmt_rows(s, id, rows, 0, err);
}

struct db_stmt *
store_stmt_rows_id(struct store *s, enum stmt id, int rows, struct strbuf *err)
{
	return stmt_rows(s, id, rows, 1, err);
}

int
store_rows_chunk(size_t n)
{
	int rows = STORE_ROWS_MAX;

	assert(n > 0);
	while ((size_t)rows > n)
		rows /= 2;
	return rows;
}

void
store_stmt_done(struct db_stmt *st)
{
	db_reset(st);
}

/*
 * Transactions nest: a begin inside an open transaction joins it (depth),
 * and only the outermost commit commits. An inner rollback dooms the
 * whole: the outermost commit then rolls back and fails. So a caller can
 * hold one BEGIN IMMEDIATE around a load, a check and several writes
 * (store_write_begin), each of which begins and commits as it would alone.
 */
static void
touched_reset(struct store *s)
{
	s->touched.n = 0;
	s->touch_all = s->touch_none = 0;
}

void
store_touch(struct store *s, int64_t initiative)
{
	for (size_t i = 0; i < s->touched.n; i++)
		if (s->touched.v[i] == initiative)
			return;
	*VEC_PUSH(&s->touched) = initiative;
}

void
store_touch_all(struct store *s)
{
	s->touch_all = 1;
}

void
store_touch_none(struct store *s)
{
	s->touch_none = 1;
}

int
store_touch_survey(struct store *s, int64_t survey, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_SURVEY_INITIATIVE, err);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, survey);
	if ((rc = db_step(st)) == DB_ROW)
		store_touch(s, db_column_int64(st, 0));
	store_stmt_done(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		store_sqlerr(s, err, "cannot read a survey's initiative");
		return -1;
	}
	return 0;
}

/*
 * Several servers on one PostgreSQL database (docs/postgresql.md): a write
 * that moves the catalog's or an initiative's version also sends, in its
 * transaction (so at its commit, and only if it commits), a notification
 * on STORE_CHANNEL: "catalog N", or "initiative N PROGRAM SLUG" for each
 * initiative it changed, N the new data version. Statements of PostgreSQL
 * only, and so not in store_sql[]; prepared on first use, kept until close.
 */
static const char notify_catalog_sql[] =
	"SELECT pg_notify('" STORE_CHANNEL "', 'catalog ' || CAST(?1 AS TEXT))";
static const char notify_initiative_sql[] =
	"SELECT pg_notify('" STORE_CHANNEL "', 'initiative ' || CAST(?1 AS TEXT) || ' '"
	" || p.slug || ' ' || i.slug)"
	" FROM initiative i JOIN program p ON p.id = i.program_id WHERE i.id = ?2";

/* Runs one of the notifications above (rowid 0: the catalog's) at version n. */
static int
notify_change(struct store *s, int64_t n, int64_t rowid, struct strbuf *err)
{
	struct db_stmt **st = rowid ? &s->notify_initiative : &s->notify_catalog;
	int rc;

	if (*st == NULL &&
	    (*st = db_prepare(s->db, rowid ? notify_initiative_sql : notify_catalog_sql, err)) == NULL)
		return -1;
	db_bind_int64(*st, 1, n);
	if (rowid)
		db_bind_int64(*st, 2, rowid);
	while ((rc = db_step(*st)) == DB_ROW)
		;
	db_reset(*st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot tell other servers of the change");
		return -1;
	}
	return 0;
}

/*
 * Moves the data's version for the open write, and the catalog's or its
 * initiatives' (see touched in store_impl.h): a write that says nothing
 * of what it changed moves the catalog's, which makes every copy old.
 */
static int
versions_bump(struct store *s, struct strbuf *err)
{
	int catalog = s->touch_all || (!s->touch_none && s->touched.n == 0);
	struct db_stmt *st = store_stmt(s, ST_DATA_VERSION_BUMP, err);
	int64_t n;

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, catalog);
	if (db_step(st) != DB_ROW) {
		store_sqlerr(s, err, "cannot write the data's version");
		store_stmt_done(st);
		return -1;
	}
	n = db_column_int64(st, 0);
	store_stmt_done(st);
	s->bumped = n;
	s->bumped_catalog = catalog;
	if (catalog && db_backend(s->db) == DB_POSTGRESQL && notify_change(s, n, 0, err) == -1)
		return -1;
	for (size_t i = 0; !catalog && i < s->touched.n; i++) {
		if (db_backend(s->db) == DB_POSTGRESQL &&
		    notify_change(s, n, s->touched.v[i], err) == -1)
			return -1;
		if ((st = store_stmt(s, ST_INITIATIVE_VERSION_SET, err)) == NULL)
			return -1;
		db_bind_int64(st, 1, s->touched.v[i]);
		db_bind_int64(st, 2, n);
		if (db_step(st) != DB_DONE) {
			store_sqlerr(s, err, "cannot write an initiative's version");
			store_stmt_done(st);
			return -1;
		}
		store_stmt_done(st);
	}
	return 0;
}

int
store_versions(struct store *s, const char *initiative, struct store_versions *v,
    struct strbuf *err)
{
	struct db_stmt *st;
	int rc, memo = 0;

	/*
	 * Every request of the server asks this first (web/cache.c), and most
	 * find nothing committed since the last: outside a transaction, when
	 * the database says so without a query (db_unchanged: SQLite's
	 * WAL-index header), the last answer for the same initiative stands.
	 */
	if (s->depth == 0 && !db_in_txn(s->db) &&
	    (initiative == NULL || strlen(initiative) < sizeof(s->vslug))) {
		memo = 1;
		if (db_unchanged(s->db, s->vtoken) && s->vslug_set &&
		    strcmp(s->vslug, initiative ? initiative : "") == 0) {
			*v = s->vmemo;
			return 0;
		}
		s->vslug_set = 0;
	}
	if ((st = store_stmt(s, ST_VERSIONS, err)) == NULL)
		return -1;
	if (initiative)
		db_bind_text(st, 1, initiative);
	if ((rc = db_step(st)) == DB_ROW) {
		v->data = db_column_int64(st, 0);
		v->catalog = db_column_int64(st, 1);
		v->initiative = db_column_int64(st, 2);
	}
	store_stmt_done(st);
	if (rc != DB_ROW) {
		store_sqlerr(s, err, "cannot read the data's versions");
		return -1;
	}
	if (memo) {
		snprintf(s->vslug, sizeof(s->vslug), "%s", initiative ? initiative : "");
		s->vmemo = *v;
		s->vslug_set = 1;
	}
	return 0;
}

int
store_write_current(struct store *s, const char *slug, int64_t rowid, int64_t at,
    struct strbuf *err)
{
	struct store_versions v;

	assert(s->writing && slug != NULL && rowid > 0);
	if (store_versions(s, slug, &v, err) == -1)
		return -1;
	if (v.catalog > at || v.initiative > at)
		return 0;
	store_touch(s, rowid);
	return 1;
}

int
store_begin(struct store *s, struct strbuf *err)
{
	if (s->depth > 0) {
		if (!s->writing) {
			strbuf_reset(err);
			strbuf_addstr(err, "internal error: a write inside a read transaction");
			return -1;
		}
		s->depth++;
		return 0;
	}
	if (db_begin(s->db, DB_TXN_WRITE, err) == -1)
		return -1;
	s->writing = 1;
	s->depth = 1;
	s->changes_at_begin = db_total_changes(s->db);
	return 0;
}

int
store_begin_read(struct store *s, struct strbuf *err)
{
	if (s->depth > 0) {
		s->depth++;
		return 0;
	}
	if (db_begin(s->db, DB_TXN_READ, err) == -1)
		return -1;
	s->depth = 1;
	return 0;
}

void
store_rollback(struct store *s)
{
	if (s->depth > 1) {
		s->depth--;
		s->doomed = 1;
		return;
	}
	s->depth = 0;
	s->doomed = 0;
	db_rollback(s->db);
	if (s->writing) {
		s->writing = 0;
		touched_reset(s);
	}
}

int
store_commit(struct store *s, struct strbuf *err)
{
	if (s->depth > 1) {
		s->depth--;
		return 0;
	}
	if (s->doomed) {
		store_rollback(s);
		strbuf_reset(err);
		strbuf_addstr(err, _("a part of the change failed: nothing was written"));
		return -1;
	}
	/* every write that changed a row moves the data's versions, in its own transaction */
	s->bumped = 0;
	if (s->writing && db_total_changes(s->db) != s->changes_at_begin &&
	    versions_bump(s, err) == -1) {
		store_rollback(s);
		return -1;
	}
	if (db_commit(s->db, err) == -1) {
		store_rollback(s);
		return -1;
	}
	s->depth = 0;
	if (s->writing) {
		s->writing = 0;
		touched_reset(s);
		s->committed = s->bumped;
		s->committed_catalog = s->bumped_catalog;
	}
	return 0;
}

int64_t
store_committed_version(const struct store *s, int *catalog)
{
	if (catalog)
		*catalog = s->committed_catalog;
	return s->committed;
}

int
store_listen(struct store *s, struct strbuf *err)
{
	return db_listen(s->db, STORE_CHANNEL, err);
}

int
store_changes_wait(struct store *s, int timeout_ms, void (*fn)(void *arg, const char *what),
    void *arg, struct strbuf *err)
{
	return db_wait_notify(s->db, timeout_ms, fn, arg, err);
}

int
store_changes_ping(struct store *s, struct strbuf *err)
{
	return db_ping(s->db, err);
}

int
store_data_version(struct store *s, int64_t *v, struct strbuf *err)
{
	return store_int64(s, ST_DATA_VERSION, v, "cannot read the data's version", err);
}

void
store_bulk(struct store *s, int on)
{
	struct strbuf sql = STRBUF_INIT, err = STRBUF_INIT;
	struct db_stmt *st;

	if (db_backend(s->db) != DB_SQLITE || (on != 0) == (s->bulk_was != 0))
		return;
	if (on) {
		if ((st = db_prepare(s->db, "PRAGMA cache_size", &err)) == NULL)
			goto out;
		if (db_step(st) == DB_ROW)
			s->bulk_was = db_column_int64(st, 0);
		db_finalize(st);
		if (s->bulk_was == 0)
			goto out;
		strbuf_addf(&sql, "PRAGMA cache_size = %d; PRAGMA temp_store = MEMORY",
		    -STORE_BULK_CACHE_KIB);
	} else {
		strbuf_addf(&sql, "PRAGMA cache_size = %lld; PRAGMA temp_store = DEFAULT",
		    (long long)s->bulk_was);
		s->bulk_was = 0;
	}
	(void)db_exec(s->db, sql.buf, "cache size", &err);
out:
	strbuf_release(&sql);
	strbuf_release(&err);
}

int
store_write_begin(struct store *s, struct strbuf *err)
{
	return store_begin(s, err);
}

int
store_write_commit(struct store *s, const struct store_audit_entry *audit,
    struct strbuf *err)
{
	assert(s->depth > 0 && s->writing);
	/* the change's audit entry, in the change's transaction: both or neither */
	if (audit && store_audit_write(s, audit, err) != 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, err);
}

void
store_write_rollback(struct store *s)
{
	store_rollback(s);
}

int
store_write_retryable(const struct store *s)
{
	return db_txn_retryable(s->db);
}

int
store_int64(struct store *s, enum stmt id, int64_t *v, const char *what, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, id, err);
	int rc;

	if (st == NULL)
		return -1;
	rc = db_step(st);
	if (rc == DB_ROW)
		*v = db_column_int64(st, 0);
	store_stmt_done(st);
	if (rc != DB_ROW) {
		store_sqlerr(s, err, what);
		return -1;
	}
	return 0;
}

/* Reads PRAGMA user_version into *v. */
static int
user_version(struct store *s, int *v, struct strbuf *err)
{
	int64_t n;

	if (store_int64(s, ST_USER_VERSION, &n, "cannot read the schema version", err))
		return -1;
	*v = (int)n;
	return 0;
}

/*
 * Applies the migrations the database has not seen yet, all in one
 * immediate transaction, so two processes opening a new database at once
 * cannot both migrate it.
 */
static int
migrate(struct store *s, struct strbuf *err)
{
	int v;

	if (user_version(s, &v, err) == -1)
		return -1;
	s->schema_was_empty = v == 0;
	if (v == store_migrations_count)
		return 0;
	if (store_begin(s, err) == -1)
		return -1;
	if (user_version(s, &v, err) == -1)
		goto fail;
	if (v > store_migrations_count) {
		strbuf_reset(err);
		strbuf_addf(err, _("database %s has schema version %d, newer than this "
		    "trellis knows (%d)"), s->path, v, store_migrations_count);
		goto fail;
	}
	for (; v < store_migrations_count; v++) {
		if (v + 1 == STORE_MIGRATION_CHECK_LISTS && db_backend(s->db) == DB_SQLITE &&
		    db_sqlite_schema_rewrite(s->db, store_check_in_lists, err) == -1)
			goto fail;
		if (db_exec(s->db, store_migrations[v], "cannot migrate the schema", err) == -1)
			goto fail;
	}
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

/* Sets journal_mode=WAL and checks that it took (it is persistent in the file). */
static int
set_wal(struct store *s, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_WAL, err);
	int ret = -1;

	if (st == NULL)
		return -1;
	if (db_step(st) != DB_ROW) {
		store_sqlerr(s, err, "cannot set WAL mode");
		goto out;
	}
	if (sqlite3_stricmp(db_column_text(st, 0), "wal") != 0) {
		strbuf_reset(err);
		strbuf_addf(err, _("cannot open database %s: WAL mode refused (journal mode %s)"),
		    s->path, db_column_text(st, 0));
		goto out;
	}
	ret = 0;
out:
	store_stmt_done(st);
	return ret;
}

int
store_new_file(struct store *s, int on, struct strbuf *err)
{
	struct db_stmt *st;

	if (db_backend(s->db) != DB_SQLITE || !s->schema_was_empty ||
	    (on != 0) == (s->new_file != 0))
		return 0;
	if (!on) {
		s->new_file = 0;
		return set_wal(s, err);
	}
	/*
	 * SQLite checkpoints the WAL and removes it; it refuses (SQLITE_BUSY)
	 * when another connection has the file open, and the journal mode
	 * it answers says which mode is on.
	 */
	if ((st = db_prepare(s->db, "PRAGMA journal_mode = DELETE", err)) == NULL) {
		strbuf_reset(err);
		return 0;
	}
	if (db_step(st) == DB_ROW && sqlite3_stricmp(db_column_text(st, 0), "delete") == 0)
		s->new_file = 1;
	db_finalize(st);
	strbuf_reset(err);
	return 0;
}

int
store_schema_was_empty(const struct store *s)
{
	return s->schema_was_empty;
}

int
store_is_url(const char *path)
{
	return db_is_url(path);
}

int
store_open(const char *path, int create, struct store **out, struct strbuf *err)
{
	struct store *s = xcalloc(1, sizeof(*s));

	*out = NULL;
	s->path = xstrdup(path);
	/* a postgresql:// URL or a SQLite file (db_open) */
	if (db_open(path, create, &s->db, err) == -1)
		goto fail;
	/* WAL is SQLite's; PostgreSQL's log is always there */
	if (db_backend(s->db) == DB_SQLITE && set_wal(s, err) == -1)
		goto fail;
	if (migrate(s, err) == -1)
		goto fail;
	*out = s;
	return 0;
fail:
	store_close(s);
	return -1;
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	VEC_FREE(&s->touched);
	db_closing(s->db);
	for (int i = 0; i < ST__MAX; i++) {
		db_finalize(s->st[i]);
		for (int k = 0; s->rows && k < 2; k++)
			for (int r = 0; r <= STORE_ROWS_LOG2; r++)
				db_finalize(s->rows[i][k][r]);
	}
	free(s->rows);
	db_finalize(s->notify_catalog);
	db_finalize(s->notify_initiative);
	db_close(s->db);
	free(s->path);
	free(s);
}

int
store_program_slugs(struct store *s, struct store_slugs *slugs, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_PROGRAM_SLUGS, err);
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = db_step(st)) == DB_ROW)
		*VEC_PUSH(slugs) = xstrdup(db_column_text(st, 0));
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot list programs");
		return -1;
	}
	return 0;
}

void
store_slugs_release(struct store_slugs *slugs)
{
	for (size_t i = 0; i < slugs->n; i++)
		free(slugs->v[i]);
	VEC_FREE(slugs);
}

int
store_setting_get(struct store *s, const char *program, const char *name,
    char **value, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_SETTING_GET, err);
	int rc, ret = -1;

	*value = NULL;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, program);
	db_bind_text(st, 2, name);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*value = xstrdup(db_column_text(st, 0));
		ret = 0;
	} else if (rc == DB_DONE)
		ret = 1;
	else
		store_sqlerr(s, err, "cannot read a setting");
	store_stmt_done(st);
	return ret;
}

int
store_settings_get(struct store *s, const char *program, struct store_slugs *pairs,
    struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_SETTING_ALL, err);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, program);
	while ((rc = db_step(st)) == DB_ROW) {
		*VEC_PUSH(pairs) = xstrdup(db_column_text(st, 0));
		*VEC_PUSH(pairs) = xstrdup(db_column_text(st, 1));
	}
	store_stmt_done(st);
	if (rc == DB_DONE)
		return 0;
	store_sqlerr(s, err, "cannot read the settings");
	return -1;
}

int
store_setting_set(struct store *s, const char *program, const char *name,
    const char *value, const struct store_audit_entry *audit, struct strbuf *err)
{
	struct db_stmt *st;
	int rc, changed;

	if (store_begin(s, err) == -1)
		return -1;
	st = store_stmt(s, value ? ST_SETTING_SET : ST_SETTING_DEL, err);
	if (st == NULL)
		goto fail;
	db_bind_text(st, 1, program);
	db_bind_text(st, 2, name);
	if (value)
		db_bind_text(st, 3, value);
	rc = db_step(st);
	changed = db_changes(s->db);
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot store a setting");
		goto fail;
	}
	if (value && changed == 0) {
		strbuf_reset(err);
		strbuf_addf(err, _("no program '%s'"), program);
		goto fail;
	}
	return store_write_commit(s, audit, err);
fail:
	store_rollback(s);
	return -1;
}

/*
 * trellis check on PostgreSQL (docs/postgresql.md), which has no
 * integrity_check of its own to run without a superuser's extension: in
 * the schema the store uses, every table read whole (its rows counted),
 * every foreign key checked row by row against the row it names (as
 * SQLite's foreign_key_check; MATCH SIMPLE: a row with a NULL in the key
 * refers to nothing), and no constraint left unvalidated nor index left
 * invalid. Statements of PostgreSQL only (query_to_xml runs the query made
 * for each table), so not in store_sql[].
 */
static const char *const pg_check_sql[] = {
	/* 0: each table's rows, read whole */
	"SELECT c.relname, CAST(CAST((xpath('/row/n/text()', query_to_xml(format("
	"'SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]"
	" AS TEXT) AS BIGINT)"
	" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
	" WHERE c.relkind = 'r' AND n.nspname = current_schema() ORDER BY c.relname",
	/* 1: each foreign key: its table, name, the table it names, rows naming a missing row */
	"SELECT c.relname, k.conname, f.relname, CAST(CAST((xpath('/row/n/text()',"
	" query_to_xml(format('SELECT count(*) AS n FROM %I.%I t WHERE %s AND NOT EXISTS"
	" (SELECT 1 FROM %I.%I p WHERE %s)', n.nspname, c.relname,"
	" (SELECT string_agg(format('t.%I IS NOT NULL', a.attname), ' AND ')"
	" FROM unnest(k.conkey) AS u(c1)"
	" JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.c1),"
	" fn.nspname, f.relname,"
	" (SELECT string_agg(format('p.%I = t.%I', pa.attname, ca.attname), ' AND ')"
	" FROM unnest(k.conkey, k.confkey) AS u(c1, p1)"
	" JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = u.c1"
	" JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = u.p1)),"
	" false, true, '')))[1] AS TEXT) AS BIGINT)"
	" FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
	" JOIN pg_class f ON f.oid = k.confrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" JOIN pg_namespace fn ON fn.oid = f.relnamespace"
	" WHERE k.contype = 'f' AND n.nspname = current_schema() ORDER BY c.relname, k.conname",
	/* 2: constraints not validated, indexes not valid */
	"SELECT c.relname, k.conname, 'constraint not validated' FROM pg_constraint k"
	" JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
	" WHERE n.nspname = current_schema() AND NOT k.convalidated"
	" UNION ALL SELECT t.relname, c.relname, 'index not valid' FROM pg_index x"
	" JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
	" JOIN pg_namespace n ON n.oid = c.relnamespace"
	" WHERE n.nspname = current_schema() AND NOT (x.indisvalid AND x.indisready)",
};

/* Runs pg_check_sql[]; returns the findings (appended to report), or -1 with err set. */
static int
pg_check(struct store *s, struct strbuf *report, struct strbuf *err)
{
	int findings = 0, tables = 0, rc = DB_DONE;

	/* one snapshot: a writer committing meanwhile cannot make a key look dangling */
	if (store_begin_read(s, err) == -1)
		return -1;
	for (size_t q = 0; q < sizeof(pg_check_sql) / sizeof(pg_check_sql[0]) && rc == DB_DONE; q++) {
		struct db_stmt *st = db_prepare(s->db, pg_check_sql[q], err);

		if (st == NULL)
			goto fail;
		while ((rc = db_step(st)) == DB_ROW) {
			if (q == 0)
				tables++;
			else if (q == 1 && db_column_int64(st, 3) != 0) {
				strbuf_addf(report, "foreign key: %" PRId64 " %s row%s refer%s to a"
				    " missing %s row (%s)\n", db_column_int64(st, 3),
				    db_column_text(st, 0), db_column_int64(st, 3) == 1 ? "" : "s",
				    db_column_int64(st, 3) == 1 ? "s" : "", db_column_text(st, 2),
				    db_column_text(st, 1));
				findings++;
			} else if (q == 2) {
				strbuf_addf(report, "integrity: %s of %s: %s\n", db_column_text(st, 1),
				    db_column_text(st, 0), db_column_text(st, 2));
				findings++;
			}
		}
		if (rc != DB_DONE)
			store_sqlerr(s, err, "the check failed to run");
		db_finalize(st);
	}
	if (rc != DB_DONE)
		goto fail;
	store_rollback(s);	/* read only */
	if (tables == 0) {
		strbuf_reset(err);
		strbuf_addstr(err, "the check found no tables in the database's schema");
		return -1;
	}
	return findings;
fail:
	store_rollback(s);
	return -1;
}

int
store_check(struct store *s, struct strbuf *report, struct strbuf *err)
{
	struct db_stmt *st;
	int rc, findings = 0;

	if (db_backend(s->db) == DB_POSTGRESQL) {
		if ((findings = pg_check(s, report, err)) == -1)
			return -1;
		goto out;
	}
	if ((st = store_stmt(s, ST_INTEGRITY, err)) == NULL)
		return -1;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *msg = db_column_text(st, 0);

		if (msg && strcmp(msg, "ok") == 0)
			continue;
		strbuf_addf(report, "integrity: %s\n", msg ? msg : "(no message)");
		findings++;
	}
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "integrity check failed to run");
		return -1;
	}
	if ((st = store_stmt(s, ST_FK_CHECK, err)) == NULL)
		return -1;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *row = db_column_text(st, 1);

		strbuf_addf(report, "foreign key: %s row %s refers to a missing %s row\n",
		    db_column_text(st, 0), row ? row : "?",
		    db_column_text(st, 2));
		findings++;
	}
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "foreign key check failed to run");
		return -1;
	}
out:
	if (findings == 0)
		return 0;
	strbuf_reset(err);
	strbuf_addf(err, P_("the check found %d problem", "the check found %d problems", findings), findings);
	return -1;
}

int
store_backup(struct store *s, const char *dest, struct strbuf *err)
{
	sqlite3 *db = NULL, *from = db_sqlite_handle(s->db);
	sqlite3_backup *b;
	int fd, rc, ret = -1;

	if (from == NULL) {
		strbuf_reset(err);
		strbuf_addstr(err, _("cannot back up: trellis backup copies a SQLite database;"
		    " back up PostgreSQL with pg_dump (docs/postgresql.md)"));
		return -1;
	}
	/* Created here, exclusively: a backup never overwrites a file. */
	if ((fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) == -1) {
		strbuf_reset(err);
		strbuf_addf(err, _("cannot create backup %s: %s"), dest,
		    errno == EEXIST ? "it already exists" : strerror(errno));
		return -1;
	}
	close(fd);
	rc = sqlite3_open_v2(dest, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		strbuf_reset(err);
		strbuf_addf(err, _("cannot open backup %s: %s"), dest,
		    db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		goto out;
	}
	sqlite3_busy_timeout(db, STORE_BUSY_TIMEOUT_MS);
	(void)sqlite3_exec(db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	if ((b = sqlite3_backup_init(db, "main", from, "main")) == NULL) {
		strbuf_reset(err);
		strbuf_addf(err, _("cannot back up to %s: %s"), dest, sqlite3_errmsg(db));
		goto out;
	}
	/*
	 * One step copies everything under one read transaction, so the copy
	 * is a consistent snapshot; in WAL mode writers go on meanwhile.
	 */
	for (int tries = 0; tries < 100; tries++) {
		rc = sqlite3_backup_step(b, -1);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		sqlite3_sleep(50);
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		strbuf_reset(err);
		strbuf_addf(err, _("cannot back up to %s: %s"), dest, sqlite3_errstr(rc));
		goto out;
	}
	ret = 0;
out:
	if (db && sqlite3_close(db) != SQLITE_OK && ret == 0) {
		strbuf_reset(err);
		strbuf_addf(err, _("cannot close backup %s"), dest);
		ret = -1;
	}
	if (ret == -1)
		(void)unlink(dest);	/* ours, and not a backup */
	return ret;
}

/* ---------------------------------------------------------------- the audit log's writing */

/*
 * Here beside the transactions, since a write's commit writes its attached
 * entries (store.h); the audit log's reading is in accounts.c.
 */

/* Returns 0 when action is one the audit log takes, else 1 with err set. */
static int
audit_action_check(const char *action, struct strbuf *err)
{
	static const char *const actions[] = { "create", "update", "delete", "import" };

	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (action && strcmp(action, actions[i]) == 0)
			return 0;
	strbuf_reset(err);
	strbuf_addf(err, _("audit: unknown action '%s'"), action ? action : "");
	return 1;
}

/* Inserts entry into the audit log, in the open transaction. */
int
store_audit_write(struct store *s, const struct store_audit_entry *entry, struct strbuf *err)
{
	const char *record = entry->record;
	char num[24];

	if (record == NULL && entry->rowid) {
		snprintf(num, sizeof(num), "%lld", (long long)*entry->rowid);
		record = num;
	}
	return store_audit_add_in(s, entry->program, entry->actor ? entry->actor : "",
	    entry->action, entry->kind ? entry->kind : "", entry->initiative, record,
	    entry->before, entry->after, entry->at, err) == 0 ? 0 : -1;
}

int
store_audit_add(struct store *s, const char *actor, const char *action,
    const char *kind, const char *initiative, const char *record,
    const char *before, const char *after, int64_t at, struct strbuf *err)
{
	return store_audit_add_in(s, NULL, actor, action, kind, initiative, record, before,
	    after, at, err);
}

int
store_audit_add_in(struct store *s, const char *program, const char *actor,
    const char *action, const char *kind, const char *initiative, const char *record,
    const char *before, const char *after, int64_t at, struct strbuf *err)
{
	struct db_stmt *st;
	int rc;

	if (audit_action_check(action, err))
		return 1;
	if ((st = store_stmt(s, ST_AUDIT_INS, err)) == NULL)
		return -1;
	db_bind_int64(st, 1, at);
	db_bind_text(st, 2, actor);
	db_bind_text(st, 3, action);
	db_bind_text(st, 4, kind);
	db_bind_text(st, 5, initiative);
	db_bind_text(st, 6, record);
	db_bind_text(st, 7, before);
	db_bind_text(st, 8, after);
	db_bind_text(st, 9, program);
	rc = db_step(st);
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot write the audit log");
		return -1;
	}
	return 0;
}

