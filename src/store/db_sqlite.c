/*
 * The driver (db.h) on SQLite: a thin layer, since the store's SQL is
 * SQLite's dialect. The connection gets the settings of RELIABILITY.md
 * here, at open.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db_impl.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/banned.h"

/* Largest string or blob a row may hold; far above any trellis/1 field. */
#define DB_SQLITE_LIMIT_LENGTH	(64 * 1024 * 1024)
#define DB_SQLITE_BUSY_TIMEOUT_MS	5000

/* Connection settings that are not persistent in the file: set every time. */
static const char connection_pragmas[] =
	"PRAGMA foreign_keys = ON;"
	"PRAGMA trusted_schema = OFF;"
	"PRAGMA synchronous = FULL;";

struct sqlite_db {
	struct db head;
	sqlite3 *h;
	/* the -shm file's first page, mapped read-only (sl_unchanged); NULL: none */
	const unsigned char *shm;
	int shm_tried;
};

/*
 * The WAL-index header (https://www.sqlite.org/walformat.html, "The
 * WAL-Index Header"): the -shm file begins with two copies of it, which
 * every commit, by any connection of any process, rewrites — the second
 * copy, a memory barrier, then the first — with iChange (bytes 8–11)
 * counting the commits, mxFrame the WAL's last frame and the salts that
 * change when the WAL starts over. Equal copies (SQLite's own test of a
 * torn read, walIndexTryHdr) that are byte for byte what they were at the
 * last look mean no transaction has committed since.
 */
#define WAL_HDR_SIZE	48
#define WAL_HDR_ISINIT	12	/* offset of isInit, 1 once the header is valid */
#define WAL_SHM_MAP	4096

struct sqlite_stmt {
	struct db_stmt head;
	sqlite3_stmt *h;
};

#define DB(d) (((struct sqlite_db *)(d))->h)
#define ST(s) (((struct sqlite_stmt *)(s))->h)

static void sl_close(struct db *db);

static int
sl_open(const char *target, int create, struct db **out, struct strbuf *err)
{
	struct sqlite_db *d = xcalloc(1, sizeof(*d));
	/*
	 * A connection is never shared between threads (the server opens one
	 * per worker thread, store.h), so it needs no mutex of its own:
	 * SQLite's serialized mode cost 6% of loading a program.
	 */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	int rc;

	d->head.ops = &db_sqlite_ops;
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(target, &d->h, flags, NULL);
	strbuf_reset(err);
	if (rc != SQLITE_OK) {
		strbuf_addf(err, "cannot open database %s: %s", target,
		    d->h ? sqlite3_errmsg(d->h) : sqlite3_errstr(rc));
		goto fail;
	}
	/* A file we may not write is opened read-only without a word: refuse it. */
	if (sqlite3_db_readonly(d->h, "main") == 1) {
		strbuf_addf(err, "cannot open database %s: the file is read-only", target);
		goto fail;
	}
	sqlite3_extended_result_codes(d->h, 1);
	if (sqlite3_db_config(d->h, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL) != SQLITE_OK ||
	    sqlite3_db_config(d->h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL) != SQLITE_OK ||
	    sqlite3_db_config(d->h, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0,
	    (int *)NULL) != SQLITE_OK) {
		strbuf_addf(err, "cannot configure the database connection: %s",
		    sqlite3_errmsg(d->h));
		goto fail;
	}
	sqlite3_limit(d->h, SQLITE_LIMIT_LENGTH, DB_SQLITE_LIMIT_LENGTH);
	sqlite3_busy_timeout(d->h, DB_SQLITE_BUSY_TIMEOUT_MS);
	if (sqlite3_exec(d->h, connection_pragmas, NULL, NULL, NULL) != SQLITE_OK) {
		/* the first read of the file: "file is not a database" lands here */
		strbuf_addf(err, "cannot open database %s: %s", target, sqlite3_errmsg(d->h));
		goto fail;
	}
	*out = &d->head;
	return 0;
fail:
	sl_close(&d->head);
	return -1;
}

static void
sl_close(struct db *db)
{
	struct sqlite_db *d = (struct sqlite_db *)db;

	if (d->shm)
		munmap((void *)d->shm, WAL_SHM_MAP);
	/* close_v2 so that a leaked statement cannot keep the file open forever */
	sqlite3_close_v2(d->h);
	free(db);
}

/*
 * Maps the first page of the database's -shm file, once it is there
 * (SQLite makes it at the first read in WAL mode). Every
 * failure leaves d->shm NULL, and sl_unchanged then always says "changed".
 * The file stays while this connection is open: SQLite removes it only
 * when the last connection to the database closes.
 */
static void
shm_map(struct sqlite_db *d)
{
	struct strbuf path = STRBUF_INIT;
	const char *file = sqlite3_db_filename(d->h, "main");
	struct stat sb;
	void *m;
	int fd;

	if (file == NULL || *file == '\0') {
		d->shm_tried = 1;	/* a temporary or in-memory database */
		return;
	}
	strbuf_addf(&path, "%s-shm", file);
	fd = open(path.buf, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	strbuf_release(&path);
	/* not there yet: tried again next time (no WAL mode: each time, one failed open) */
	if (fd == -1) {
		d->shm_tried = errno != ENOENT;
		return;
	}
	d->shm_tried = 1;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size >= WAL_SHM_MAP &&
	    (m = mmap(NULL, WAL_SHM_MAP, PROT_READ, MAP_SHARED, fd, 0)) != MAP_FAILED)
		d->shm = m;
	close(fd);
}

static int
sl_unchanged(struct db *db, unsigned char token[DB_TOKEN_SIZE])
{
	struct sqlite_db *d = (struct sqlite_db *)db;
	unsigned char h1[WAL_HDR_SIZE], h2[WAL_HDR_SIZE];

	if (!d->shm_tried)
		shm_map(d);
	if (d->shm == NULL)
		return 0;
	memcpy(h1, d->shm, WAL_HDR_SIZE);
	atomic_thread_fence(memory_order_seq_cst);
	memcpy(h2, d->shm + WAL_HDR_SIZE, WAL_HDR_SIZE);
	if (memcmp(h1, h2, WAL_HDR_SIZE) != 0 || h1[WAL_HDR_ISINIT] != 1) {
		memset(token, 0, DB_TOKEN_SIZE);
		return 0;
	}
	if (memcmp(token, h1, WAL_HDR_SIZE) == 0)
		return 1;
	memcpy(token, h1, WAL_HDR_SIZE);
	return 0;
}

static const char *
sl_errmsg(const struct db *db)
{
	return sqlite3_errmsg(DB(db));
}

static enum db_errkind
sl_error_kind(const struct db *db)
{
	int xrc = sqlite3_extended_errcode(DB(db));

	switch (xrc) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return DB_ERR_UNIQUE;
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return DB_ERR_FOREIGN_KEY;
	}
	switch (xrc & 0xff) {
	case SQLITE_CONSTRAINT:
		return DB_ERR_CONSTRAINT;
	case SQLITE_BUSY:
		return DB_ERR_BUSY;
	}
	return DB_ERR_OTHER;
}

static int
sl_exec(struct db *db, const char *sql)
{
	return sqlite3_exec(DB(db), sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static struct db_stmt *
sl_prepare(struct db *db, const char *sql)
{
	struct sqlite_stmt *st;
	sqlite3_stmt *h;

	if (sqlite3_prepare_v3(DB(db), sql, -1, SQLITE_PREPARE_PERSISTENT, &h, NULL) != SQLITE_OK)
		return NULL;
	st = xcalloc(1, sizeof(*st));
	st->head.db = db;
	st->h = h;
	return &st->head;
}

static void
sl_finalize(struct db_stmt *st)
{
	sqlite3_finalize(ST(st));
	free(st);
}

static void
sl_reset(struct db_stmt *st)
{
	sqlite3_reset(ST(st));
	sqlite3_clear_bindings(ST(st));
}

static int
sl_param_count(const struct db_stmt *st)
{
	return sqlite3_bind_parameter_count(ST(st));
}

static void
sl_bind_int64(struct db_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(ST(st), i, v);
}

static void
sl_bind_double(struct db_stmt *st, int i, double v)
{
	sqlite3_bind_double(ST(st), i, v);
}

static void
sl_bind_text(struct db_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(ST(st), i, v, -1, SQLITE_STATIC);
}

static void
sl_bind_text_copy(struct db_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(ST(st), i, v, -1, SQLITE_TRANSIENT);
}

static void
sl_bind_blob(struct db_stmt *st, int i, const void *v, size_t len)
{
	sqlite3_bind_blob64(ST(st), i, v, len, SQLITE_STATIC);
}

static void
sl_bind_null(struct db_stmt *st, int i)
{
	sqlite3_bind_null(ST(st), i);
}

static int
sl_step(struct db_stmt *st)
{
	switch (sqlite3_step(ST(st))) {
	case SQLITE_ROW:
		return DB_ROW;
	case SQLITE_DONE:
		return DB_DONE;
	default:
		return DB_ERROR;
	}
}

static int
sl_column_count(const struct db_stmt *st)
{
	return sqlite3_column_count(ST(st));
}

static int
sl_column_null(const struct db_stmt *st, int i)
{
	return sqlite3_column_type(ST(st), i) == SQLITE_NULL;
}

static int64_t
sl_column_int64(const struct db_stmt *st, int i)
{
	return sqlite3_column_int64(ST(st), i);
}

static double
sl_column_double(const struct db_stmt *st, int i)
{
	return sqlite3_column_double(ST(st), i);
}

static const char *
sl_column_text(const struct db_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(ST(st), i);
}

static const void *
sl_column_blob(struct db_stmt *st, int i, size_t *len)
{
	const void *v = sqlite3_column_blob(ST(st), i);

	*len = (size_t)sqlite3_column_bytes(ST(st), i);
	return v;
}

static int64_t
sl_changes(const struct db *db)
{
	return sqlite3_changes64(DB(db));
}

static int64_t
sl_total_changes(const struct db *db)
{
	return sqlite3_total_changes64(DB(db));
}

static int
sl_last_id(struct db *db, int64_t *id)
{
	*id = sqlite3_last_insert_rowid(DB(db));
	return 0;
}

static int
sl_begin(struct db *db, enum db_txn kind)
{
	return sl_exec(db, kind == DB_TXN_WRITE ? "BEGIN IMMEDIATE" : "BEGIN");
}

static int
sl_commit(struct db *db)
{
	return sl_exec(db, "COMMIT");
}

static void
sl_rollback(struct db *db)
{
	/* After some errors SQLite has already rolled back by itself. */
	if (!sqlite3_get_autocommit(DB(db)))
		(void)sqlite3_exec(DB(db), "ROLLBACK", NULL, NULL, NULL);
}

static int
sl_in_txn(const struct db *db)
{
	return !sqlite3_get_autocommit(DB(db));
}

const struct db_ops db_sqlite_ops = {
	.backend = DB_SQLITE,
	.open = sl_open,
	.close = sl_close,
	.errmsg = sl_errmsg,
	.error_kind = sl_error_kind,
	.exec = sl_exec,
	.prepare = sl_prepare,
	.finalize = sl_finalize,
	.reset = sl_reset,
	.param_count = sl_param_count,
	.bind_int64 = sl_bind_int64,
	.bind_double = sl_bind_double,
	.bind_text = sl_bind_text,
	.bind_text_copy = sl_bind_text_copy,
	.bind_blob = sl_bind_blob,
	.bind_null = sl_bind_null,
	.step = sl_step,
	.column_count = sl_column_count,
	.column_null = sl_column_null,
	.column_int64 = sl_column_int64,
	.column_double = sl_column_double,
	.column_text = sl_column_text,
	.column_blob = sl_column_blob,
	.changes = sl_changes,
	.total_changes = sl_total_changes,
	.last_id = sl_last_id,
	.begin = sl_begin,
	.commit = sl_commit,
	.rollback = sl_rollback,
	.in_txn = sl_in_txn,
	.unchanged = sl_unchanged,
};

struct sqlite3 *
db_sqlite_handle(struct db *db)
{
	return db->ops == &db_sqlite_ops ? DB(db) : NULL;
}

/* Runs sql on h; 0, or -1 with "cannot rewrite the schema: why" in err. */
static int
rewrite_exec(sqlite3 *h, const char *sql, struct strbuf *err)
{
	if (sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	strbuf_reset(err);
	strbuf_addf(err, "cannot rewrite the schema: %s", sqlite3_errmsg(h));
	return -1;
}

/*
 * The tables' changed texts are read first and written after, so that the
 * read of sqlite_schema never sees its own writes. Defensive mode (set at
 * open, sl_open) refuses writable_schema and a new schema_version: it is
 * off only for this call.
 */
int
db_sqlite_schema_rewrite(struct db *db, int (*fn)(const char *sql, struct strbuf *out),
    struct strbuf *err)
{
	sqlite3 *h = db_sqlite_handle(db);
	sqlite3_stmt *st = NULL;
	struct strbuf names = STRBUF_INIT, texts = STRBUF_INIT, out = STRBUF_INIT;
	char sql[64];
	int n = 0, version, rc, ret = -1;

	assert(h != NULL && !sqlite3_get_autocommit(h));
	if (sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 0, (int *)NULL) != SQLITE_OK)
		goto sqlerr;
	if (sqlite3_prepare_v2(h, "PRAGMA schema_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		goto sqlerr;
	version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(h, "SELECT name, sql FROM sqlite_schema"
	    " WHERE type = 'table' AND sql IS NOT NULL ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
		goto sqlerr;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		strbuf_reset(&out);
		if (fn((const char *)sqlite3_column_text(st, 1), &out) == 0)
			continue;
		strbuf_addstr(&names, (const char *)sqlite3_column_text(st, 0));
		strbuf_addch(&names, '\0');
		strbuf_add(&texts, out.buf, out.len + 1);
		n++;
	}
	if (rc != SQLITE_DONE)
		goto sqlerr;
	sqlite3_finalize(st);
	st = NULL;
	if (n == 0) {
		ret = 0;
		goto out;
	}
	if (rewrite_exec(h, "PRAGMA writable_schema = ON", err) == -1)
		goto out;
	if (sqlite3_prepare_v2(h, "UPDATE sqlite_schema SET sql = ?1"
	    " WHERE type = 'table' AND name = ?2", -1, &st, NULL) != SQLITE_OK)
		goto sqlerr;
	for (size_t i = 0, a = 0, b = 0; i < (size_t)n; i++) {
		sqlite3_bind_text(st, 1, texts.buf + b, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, names.buf + a, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE || sqlite3_changes(h) != 1)
			goto sqlerr;
		sqlite3_reset(st);
		a += strlen(names.buf + a) + 1;
		b += strlen(texts.buf + b) + 1;
	}
	sqlite3_finalize(st);
	st = NULL;
	/* other connections read the schema again when its version moves */
	snprintf(sql, sizeof(sql), "PRAGMA schema_version = %d", version + 1);
	if (rewrite_exec(h, sql, err) == -1)
		goto out;
	/* off, and this connection's copy of the schema read again from the new texts */
	if (rewrite_exec(h, "PRAGMA writable_schema = RESET", err) == -1)
		goto out;
	/* a text SQLite cannot read fails here, and the caller rolls back */
	if (rewrite_exec(h, "SELECT count(*) FROM sqlite_schema", err) == -1)
		goto out;
	ret = n;
	goto out;
sqlerr:
	strbuf_reset(err);
	strbuf_addf(err, "cannot rewrite the schema: %s", sqlite3_errmsg(h));
out:
	sqlite3_finalize(st);
	sqlite3_exec(h, "PRAGMA writable_schema = OFF", NULL, NULL, NULL);
	if (sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL) != SQLITE_OK && ret >= 0) {
		strbuf_reset(err);
		strbuf_addf(err, "cannot configure the database connection: %s", sqlite3_errmsg(h));
		ret = -1;
	}
	strbuf_release(&names);
	strbuf_release(&texts);
	strbuf_release(&out);
	return ret;
}
