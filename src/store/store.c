/*
 * The SQLite store: opening a connection with the settings of
 * RELIABILITY.md, schema migrations, statements, transactions, and the
 * whole-database operations (check, backup, settings). Programs are saved
 * and loaded in program.c.
 */
#include <assert.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_impl.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/* Largest string or blob a row may hold; far above any trellis/1 field. */
#define STORE_LIMIT_LENGTH	(64 * 1024 * 1024)
#define STORE_BUSY_TIMEOUT_MS	5000

/* Connection settings that are not persistent in the file: set every time. */
static const char connection_pragmas[] =
	"PRAGMA foreign_keys = ON;"
	"PRAGMA trusted_schema = OFF;"
	"PRAGMA synchronous = FULL;";

void
store_sqlerr(struct store *s, struct strbuf *err, const char *what)
{
	strbuf_reset(err);
	strbuf_addf(err, "%s: %s", what, s && s->db ? sqlite3_errmsg(s->db) : "no database");
}

sqlite3_stmt *
store_stmt(struct store *s, enum stmt id, struct strbuf *err)
{
	if (s->st[id] == NULL &&
	    sqlite3_prepare_v3(s->db, store_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
	    &s->st[id], NULL) != SQLITE_OK) {
		strbuf_reset(err);
		strbuf_addf(err, "internal error: cannot prepare statement %d: %s",
		    (int)id, sqlite3_errmsg(s->db));
		s->st[id] = NULL;
		return NULL;
	}
	return s->st[id];
}

void
store_stmt_done(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

/* Runs a statement that returns no rows. */
static int
run(struct store *s, enum stmt id, struct strbuf *err, const char *what)
{
	sqlite3_stmt *st = store_stmt(s, id, err);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	store_stmt_done(st);
	if (rc != SQLITE_DONE) {
		store_sqlerr(s, err, what);
		return -1;
	}
	return 0;
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
	sqlite3_stmt *st = store_stmt(s, ST_SURVEY_INITIATIVE, err);
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, survey);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		store_touch(s, sqlite3_column_int64(st, 0));
	store_stmt_done(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_sqlerr(s, err, "cannot read a survey's initiative");
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
	sqlite3_stmt *st = store_stmt(s, ST_DATA_VERSION_BUMP, err);
	int64_t n;

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, catalog);
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_sqlerr(s, err, "cannot write the data's version");
		store_stmt_done(st);
		return -1;
	}
	n = sqlite3_column_int64(st, 0);
	store_stmt_done(st);
	s->bumped = n;
	s->bumped_catalog = catalog;
	for (size_t i = 0; !catalog && i < s->touched.n; i++) {
		if ((st = store_stmt(s, ST_INITIATIVE_VERSION_SET, err)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, s->touched.v[i]);
		sqlite3_bind_int64(st, 2, n);
		if (sqlite3_step(st) != SQLITE_DONE) {
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
	sqlite3_stmt *st = store_stmt(s, ST_VERSIONS, err);
	int rc;

	if (st == NULL)
		return -1;
	if (initiative)
		sqlite3_bind_text(st, 1, initiative, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v->data = sqlite3_column_int64(st, 0);
		v->catalog = sqlite3_column_int64(st, 1);
		v->initiative = sqlite3_column_int64(st, 2);
	}
	store_stmt_done(st);
	if (rc != SQLITE_ROW) {
		store_sqlerr(s, err, "cannot read the data's versions");
		return -1;
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
	if (run(s, ST_BEGIN, err, "cannot begin a transaction") == -1)
		return -1;
	s->writing = 1;
	s->depth = 1;
	s->changes_at_begin = sqlite3_total_changes64(s->db);
	return 0;
}

int
store_begin_read(struct store *s, struct strbuf *err)
{
	if (s->depth > 0) {
		s->depth++;
		return 0;
	}
	if (run(s, ST_BEGIN_READ, err, "cannot begin a transaction") == -1)
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
	/* After some errors SQLite has already rolled back by itself. */
	if (!sqlite3_get_autocommit(s->db))
		(void)sqlite3_exec(s->db, store_sql[ST_ROLLBACK], NULL, NULL, NULL);
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
		strbuf_addstr(err, "a part of the change failed: nothing was written");
		return -1;
	}
	/* every write that changed a row moves the data's versions, in its own transaction */
	s->bumped = 0;
	if (s->writing && sqlite3_total_changes64(s->db) != s->changes_at_begin &&
	    versions_bump(s, err) == -1) {
		store_rollback(s);
		return -1;
	}
	if (run(s, ST_COMMIT, err, "cannot commit") == -1) {
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
store_data_version(struct store *s, int64_t *v, struct strbuf *err)
{
	return store_int64(s, ST_DATA_VERSION, v, "cannot read the data's version", err);
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
store_int64(struct store *s, enum stmt id, int64_t *v, const char *what, struct strbuf *err)
{
	sqlite3_stmt *st = store_stmt(s, id, err);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int64(st, 0);
	store_stmt_done(st);
	if (rc != SQLITE_ROW) {
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
	if (v == store_migrations_count)
		return 0;
	if (store_begin(s, err) == -1)
		return -1;
	if (user_version(s, &v, err) == -1)
		goto fail;
	if (v > store_migrations_count) {
		strbuf_reset(err);
		strbuf_addf(err, "database %s has schema version %d, newer than this "
		    "trellis knows (%d)", s->path, v, store_migrations_count);
		goto fail;
	}
	for (; v < store_migrations_count; v++)
		if (sqlite3_exec(s->db, store_migrations[v], NULL, NULL, NULL) != SQLITE_OK) {
			store_sqlerr(s, err, "cannot migrate the schema");
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
	sqlite3_stmt *st = store_stmt(s, ST_WAL, err);
	int ret = -1;

	if (st == NULL)
		return -1;
	if (sqlite3_step(st) != SQLITE_ROW) {
		store_sqlerr(s, err, "cannot set WAL mode");
		goto out;
	}
	if (sqlite3_stricmp((const char *)sqlite3_column_text(st, 0), "wal") != 0) {
		strbuf_reset(err);
		strbuf_addf(err, "cannot open database %s: WAL mode refused (journal mode %s)",
		    s->path, (const char *)sqlite3_column_text(st, 0));
		goto out;
	}
	ret = 0;
out:
	store_stmt_done(st);
	return ret;
}

int
store_open(const char *path, int create, struct store **out, struct strbuf *err)
{
	struct store *s = xcalloc(1, sizeof(*s));
	/*
	 * A struct store is never shared between threads (the server opens one
	 * per worker thread, store.h), so its connection needs no mutex of its
	 * own: SQLite's serialized mode cost 6% of loading a program.
	 */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	int rc;

	*out = NULL;
	s->path = xstrdup(path);
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(path, &s->db, flags, NULL);
	if (rc != SQLITE_OK) {
		strbuf_reset(err);
		strbuf_addf(err, "cannot open database %s: %s", path,
		    s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		goto fail;
	}
	/* A file we may not write is opened read-only without a word: refuse it. */
	if (sqlite3_db_readonly(s->db, "main") == 1) {
		strbuf_reset(err);
		strbuf_addf(err, "cannot open database %s: the file is read-only", path);
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if (sqlite3_db_config(s->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL) != SQLITE_OK ||
	    sqlite3_db_config(s->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL) != SQLITE_OK ||
	    sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0,
	    (int *)NULL) != SQLITE_OK) {
		store_sqlerr(s, err, "cannot configure the database connection");
		goto fail;
	}
	sqlite3_limit(s->db, SQLITE_LIMIT_LENGTH, STORE_LIMIT_LENGTH);
	sqlite3_busy_timeout(s->db, STORE_BUSY_TIMEOUT_MS);
	if (sqlite3_exec(s->db, connection_pragmas, NULL, NULL, NULL) != SQLITE_OK) {
		/* the first read of the file: "file is not a database" lands here */
		strbuf_reset(err);
		strbuf_addf(err, "cannot open database %s: %s", path, sqlite3_errmsg(s->db));
		goto fail;
	}
	if (set_wal(s, err) == -1 || migrate(s, err) == -1)
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
	for (int i = 0; i < ST__MAX; i++)
		sqlite3_finalize(s->st[i]);
	/* close_v2 so that a leaked statement cannot keep the file open forever */
	sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

int
store_program_slugs(struct store *s, struct store_slugs *slugs, struct strbuf *err)
{
	sqlite3_stmt *st = store_stmt(s, ST_PROGRAM_SLUGS, err);
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*VEC_PUSH(slugs) = xstrdup((const char *)sqlite3_column_text(st, 0));
	store_stmt_done(st);
	if (rc != SQLITE_DONE) {
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
	sqlite3_stmt *st = store_stmt(s, ST_SETTING_GET, err);
	int rc, ret = -1;

	*value = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, program, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*value = xstrdup((const char *)sqlite3_column_text(st, 0));
		ret = 0;
	} else if (rc == SQLITE_DONE)
		ret = 1;
	else
		store_sqlerr(s, err, "cannot read a setting");
	store_stmt_done(st);
	return ret;
}

int
store_setting_set(struct store *s, const char *program, const char *name,
    const char *value, const struct store_audit_entry *audit, struct strbuf *err)
{
	sqlite3_stmt *st;
	int rc, changed;

	if (store_begin(s, err) == -1)
		return -1;
	st = store_stmt(s, value ? ST_SETTING_SET : ST_SETTING_DEL, err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, program, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (value)
		sqlite3_bind_text(st, 3, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	changed = sqlite3_changes(s->db);
	store_stmt_done(st);
	if (rc != SQLITE_DONE) {
		store_sqlerr(s, err, "cannot store a setting");
		goto fail;
	}
	if (value && changed == 0) {
		strbuf_reset(err);
		strbuf_addf(err, "no program '%s'", program);
		goto fail;
	}
	return store_write_commit(s, audit, err);
fail:
	store_rollback(s);
	return -1;
}

int
store_check(struct store *s, struct strbuf *report, struct strbuf *err)
{
	sqlite3_stmt *st;
	int rc, findings = 0;

	if ((st = store_stmt(s, ST_INTEGRITY, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *msg = (const char *)sqlite3_column_text(st, 0);

		if (msg && strcmp(msg, "ok") == 0)
			continue;
		strbuf_addf(report, "integrity: %s\n", msg ? msg : "(no message)");
		findings++;
	}
	store_stmt_done(st);
	if (rc != SQLITE_DONE) {
		store_sqlerr(s, err, "integrity check failed to run");
		return -1;
	}
	if ((st = store_stmt(s, ST_FK_CHECK, err)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *row = (const char *)sqlite3_column_text(st, 1);

		strbuf_addf(report, "foreign key: %s row %s refers to a missing %s row\n",
		    (const char *)sqlite3_column_text(st, 0), row ? row : "?",
		    (const char *)sqlite3_column_text(st, 2));
		findings++;
	}
	store_stmt_done(st);
	if (rc != SQLITE_DONE) {
		store_sqlerr(s, err, "foreign key check failed to run");
		return -1;
	}
	if (findings == 0)
		return 0;
	strbuf_reset(err);
	strbuf_addf(err, "the check found %d problem%s", findings, findings == 1 ? "" : "s");
	return -1;
}

int
store_backup(struct store *s, const char *dest, struct strbuf *err)
{
	sqlite3 *db = NULL;
	sqlite3_backup *b;
	int fd, rc, ret = -1;

	/* Created here, exclusively: a backup never overwrites a file. */
	if ((fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) == -1) {
		strbuf_reset(err);
		strbuf_addf(err, "cannot create backup %s: %s", dest,
		    errno == EEXIST ? "it already exists" : strerror(errno));
		return -1;
	}
	close(fd);
	rc = sqlite3_open_v2(dest, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		strbuf_reset(err);
		strbuf_addf(err, "cannot open backup %s: %s", dest,
		    db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		goto out;
	}
	sqlite3_busy_timeout(db, STORE_BUSY_TIMEOUT_MS);
	(void)sqlite3_exec(db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	if ((b = sqlite3_backup_init(db, "main", s->db, "main")) == NULL) {
		strbuf_reset(err);
		strbuf_addf(err, "cannot back up to %s: %s", dest, sqlite3_errmsg(db));
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
		strbuf_addf(err, "cannot back up to %s: %s", dest, sqlite3_errstr(rc));
		goto out;
	}
	ret = 0;
out:
	if (db && sqlite3_close(db) != SQLITE_OK && ret == 0) {
		strbuf_reset(err);
		strbuf_addf(err, "cannot close backup %s", dest);
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

void
store_bind_text(sqlite3_stmt *st, int col, const char *v)
{
	if (v)
		sqlite3_bind_text(st, col, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, col);
}

/* Returns 0 when action is one the audit log takes, else 1 with err set. */
static int
audit_action_check(const char *action, struct strbuf *err)
{
	static const char *const actions[] = { "create", "update", "delete", "import" };

	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (action && strcmp(action, actions[i]) == 0)
			return 0;
	strbuf_reset(err);
	strbuf_addf(err, "audit: unknown action '%s'", action ? action : "");
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
	return store_audit_add(s, entry->actor ? entry->actor : "", entry->action,
	    entry->kind ? entry->kind : "", entry->initiative, record, entry->before,
	    entry->after, entry->at, err) == 0 ? 0 : -1;
}

int
store_audit_add(struct store *s, const char *actor, const char *action,
    const char *kind, const char *initiative, const char *record,
    const char *before, const char *after, int64_t at, struct strbuf *err)
{
	sqlite3_stmt *st;
	int rc;

	if (audit_action_check(action, err))
		return 1;
	if ((st = store_stmt(s, ST_AUDIT_INS, err)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, at);
	sqlite3_bind_text(st, 2, actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
	store_bind_text(st, 5, initiative);
	store_bind_text(st, 6, record);
	store_bind_text(st, 7, before);
	store_bind_text(st, 8, after);
	rc = sqlite3_step(st);
	store_stmt_done(st);
	if (rc != SQLITE_DONE) {
		store_sqlerr(s, err, "cannot write the audit log");
		return -1;
	}
	return 0;
}

