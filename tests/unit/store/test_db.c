/*
 * The store's driver (store/db.h) on both backends: parameters bound (a
 * text that looks like SQL stays text), NULL, the largest and smallest
 * 64-bit integers, doubles, blobs, new ids, changed rows, transactions
 * (a rollback leaves nothing; a failed statement dooms the commit), a bad
 * statement's error text, a serialization failure reported as
 * retryable, the schema's migrations and every statement of store_sql[].
 *
 * SQLite always runs (a file under /tmp). PostgreSQL runs when
 * TRELLIS_TEST_PG names an empty database (postgresql://...): the script
 * tests/cli/t0160-pg-driver.sh starts a throwaway server and sets it.
 * Without it the PostgreSQL cases print why they did not run and pass; the
 * translation's cases (db_sql_to_pg) need no server.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/db.h"
#include "store/store_impl.h"
#include "util/strbuf.h"
#include "util/banned.h"

static char sqlite_dir[64];
static char sqlite_path[128];

/* The database of the backend under test: a new SQLite file, or the PostgreSQL one. */
static struct db *
open_backend(enum db_backend b)
{
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;
	const char *url = getenv("TRELLIS_TEST_PG");

	if (b == DB_POSTGRESQL) {
		if (url == NULL || *url == '\0')
			return NULL;
		if (db_open(url, 0, &db, &err) != 0)
			fail_msg("%s", err.buf);
		/* each case starts from an empty database, set up again by db_open */
		assert_int_equal(db_exec(db, "DROP SCHEMA public CASCADE; CREATE SCHEMA public;",
		    "reset", &err), 0);
		db_close(db);
		if (db_open(url, 0, &db, &err) != 0)
			fail_msg("%s", err.buf);
	} else {
		snprintf(sqlite_dir, sizeof(sqlite_dir), "/tmp/trellis-test_db.XXXXXX");
		assert_non_null(mkdtemp(sqlite_dir));
		snprintf(sqlite_path, sizeof(sqlite_path), "%s/t.db", sqlite_dir);
		if (db_open(sqlite_path, 1, &db, &err) != 0)
			fail_msg("%s", err.buf);
	}
	assert_int_equal(db_backend(db), b);
	strbuf_release(&err);
	return db;
}

static void
close_backend(struct db *db)
{
	enum db_backend b = db_backend(db);

	db_close(db);
	if (b == DB_SQLITE) {
		char p[160];

		unlink(sqlite_path);
		snprintf(p, sizeof(p), "%s-wal", sqlite_path);
		unlink(p);
		snprintf(p, sizeof(p), "%s-shm", sqlite_path);
		unlink(p);
		rmdir(sqlite_dir);
	}
}

#define EACH_BACKEND(db, b) \
	for (int b##_i = 0; b##_i < 2; b##_i++) \
		if (((db) = open_backend((enum db_backend)b##_i)) == NULL) \
			printf("# skipped on PostgreSQL: TRELLIS_TEST_PG is not set " \
			    "(tests/cli/t0160-pg-driver.sh sets it)\n"); \
		else

static const char table[] =
	"CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, x REAL, s TEXT, b BLOB,"
	" u TEXT UNIQUE)";

static void
exec_ok(struct db *db, const char *sql)
{
	struct strbuf err = STRBUF_INIT;

	if (db_exec(db, sql, "exec", &err) != 0)
		fail_msg("%s", err.buf);
	strbuf_release(&err);
}

static struct db_stmt *
prepare_ok(struct db *db, const char *sql)
{
	struct strbuf err = STRBUF_INIT;
	struct db_stmt *st = db_prepare(db, sql, &err);

	if (st == NULL)
		fail_msg("%s: %s", sql, err.buf);
	strbuf_release(&err);
	return st;
}

static void
test_bind_and_read(void **state)
{
	static const char sneaky[] = "O'Brien \"x\"; DROP TABLE t; -- $1 ?2";
	static const unsigned char blob[] = { 0, 1, 0xff, '\\', 'x', 0 };
	struct strbuf err = STRBUF_INIT;
	struct db *db;
	struct db_stmt *ins, *sel;
	int64_t id1, id2;
	size_t len;
	const void *b;

	(void)state;
	EACH_BACKEND(db, be) {
		exec_ok(db, table);
		ins = prepare_ok(db, "INSERT INTO t (n, x, s, b) VALUES (?1, ?2, ?3, ?4)");
		assert_int_equal(db_param_count(ins), 4);
		db_bind_int64(ins, 1, INT64_MAX);
		db_bind_double(ins, 2, 0.1);
		db_bind_text(ins, 3, sneaky);
		db_bind_blob(ins, 4, blob, sizeof(blob));
		assert_int_equal(db_step(ins), DB_DONE);
		assert_int_equal(db_changes(db), 1);
		assert_int_equal(db_last_id(db, &id1, &err), 0);
		db_reset(ins);
		/* after a reset every parameter is NULL until bound again */
		db_bind_int64(ins, 1, INT64_MIN);
		assert_int_equal(db_step(ins), DB_DONE);
		assert_int_equal(db_last_id(db, &id2, &err), 0);
		assert_true(id2 > id1);
		db_reset(ins);

		sel = prepare_ok(db, "SELECT n, x, s, b, s IS NULL FROM t WHERE id = ?");
		db_bind_int64(sel, 1, id1);
		assert_int_equal(db_step(sel), DB_ROW);
		assert_int_equal(db_column_count(sel), 5);
		assert_true(db_column_int64(sel, 0) == INT64_MAX);
		assert_true(db_column_double(sel, 1) == 0.1);
		assert_string_equal(db_column_text(sel, 2), sneaky);
		b = db_column_blob(sel, 3, &len);
		assert_int_equal(len, sizeof(blob));
		assert_memory_equal(b, blob, sizeof(blob));
		assert_int_equal(db_column_int64(sel, 4), 0);	/* a comparison reads as 0 or 1 */
		assert_false(db_column_null(sel, 2));
		assert_int_equal(db_step(sel), DB_DONE);
		db_reset(sel);

		db_bind_int64(sel, 1, id2);
		assert_int_equal(db_step(sel), DB_ROW);
		assert_true(db_column_int64(sel, 0) == INT64_MIN);
		assert_true(db_column_null(sel, 1));
		assert_true(db_column_null(sel, 2));
		assert_null(db_column_text(sel, 2));
		assert_int_equal(db_column_int64(sel, 4), 1);
		db_reset(sel);

		/* the table survived the text that looked like SQL */
		db_bind_int64(sel, 1, id1);
		assert_int_equal(db_step(sel), DB_ROW);
		db_finalize(sel);
		db_finalize(ins);

		ins = prepare_ok(db, "UPDATE t SET s = ? WHERE n IS NOT NULL");
		db_bind_text(ins, 1, NULL);
		assert_int_equal(db_step(ins), DB_DONE);
		assert_int_equal(db_changes(db), 2);
		db_finalize(ins);
		close_backend(db);
	}
	strbuf_release(&err);
}

static void
test_errors(void **state)
{
	struct strbuf err = STRBUF_INIT;
	struct db *db;
	struct db_stmt *st;

	(void)state;
	EACH_BACKEND(db, be) {
		exec_ok(db, table);
		assert_null(db_prepare(db, "SELEC n FROM t", &err));
		assert_non_null(strstr(err.buf, "cannot prepare statement: "));
		assert_non_null(strstr(err.buf, "syntax error"));
		assert_null(strchr(err.buf, '\n'));

		assert_int_equal(db_exec(db, "INSERT INTO nowhere VALUES (1)", "cannot add", &err), -1);
		assert_non_null(strstr(err.buf, "cannot add: "));
		assert_non_null(strstr(err.buf, "nowhere"));

		/* a constraint refused: an error, the transaction doomed, nothing written */
		assert_int_equal(db_begin(db, DB_TXN_WRITE, &err), 0);
		assert_true(db_in_txn(db));
		st = prepare_ok(db, "INSERT INTO t (u) VALUES (?1)");
		db_bind_text(st, 1, "same");
		assert_int_equal(db_step(st), DB_DONE);
		db_reset(st);
		db_bind_text(st, 1, "same");
		assert_int_equal(db_step(st), DB_ERROR);
		assert_true(strlen(db_errmsg(db)) > 0);
		assert_false(db_retryable(db));
		db_reset(st);
		if (db_backend(db) == DB_POSTGRESQL) {
			assert_int_equal(db_commit(db, &err), -1);
			assert_non_null(strstr(err.buf, "rolled back"));
		} else
			db_rollback(db);
		assert_false(db_in_txn(db));
		db_finalize(st);

		st = prepare_ok(db, "SELECT count(*) FROM t");
		assert_int_equal(db_step(st), DB_ROW);
		assert_int_equal(db_column_int64(st, 0), 0);
		db_reset(st);

		/* a rollback leaves nothing, a commit keeps */
		assert_int_equal(db_begin(db, DB_TXN_WRITE, &err), 0);
		exec_ok(db, "INSERT INTO t (n) VALUES (1)");
		db_rollback(db);
		assert_int_equal(db_step(st), DB_ROW);
		assert_int_equal(db_column_int64(st, 0), 0);
		db_reset(st);
		assert_int_equal(db_begin(db, DB_TXN_WRITE, &err), 0);
		exec_ok(db, "INSERT INTO t (n) VALUES (1)");
		assert_int_equal(db_commit(db, &err), 0);
		assert_int_equal(db_step(st), DB_ROW);
		assert_int_equal(db_column_int64(st, 0), 1);
		db_finalize(st);
		close_backend(db);
	}
	strbuf_release(&err);
}

/*
 * Two SERIALIZABLE writers that each read what the other writes (write
 * skew): PostgreSQL refuses one with SQLSTATE 40001, which the driver
 * calls retryable, and the same transaction run again succeeds. The
 * store's own writers take turns (test_writers_take_turns), so the other
 * one here is a SERIALIZABLE transaction begun by hand, as another
 * program on the same database could.
 */
static void
test_serialization_failure(void **state)
{
	const char *url = getenv("TRELLIS_TEST_PG");
	struct strbuf err = STRBUF_INIT;
	struct db *a, *b;
	int rc;

	(void)state;
	if (url == NULL || *url == '\0') {
		printf("# skipped on PostgreSQL: TRELLIS_TEST_PG is not set\n");
		return;
	}
	a = open_backend(DB_POSTGRESQL);
	exec_ok(a, table);
	assert_int_equal(db_open(url, 0, &b, &err), 0);
	assert_int_equal(db_begin(a, DB_TXN_WRITE, &err), 0);
	exec_ok(b, "BEGIN ISOLATION LEVEL SERIALIZABLE");
	exec_ok(a, "SELECT count(*) FROM t WHERE n = 2");
	exec_ok(b, "SELECT count(*) FROM t WHERE n = 1");
	exec_ok(a, "INSERT INTO t (n) VALUES (1)");
	rc = db_exec(b, "INSERT INTO t (n) VALUES (2)", "insert", &err);
	assert_int_equal(db_commit(a, &err), 0);
	if (rc == 0)
		rc = db_commit(b, &err);
	assert_int_equal(rc, -1);
	assert_true(db_retryable(b));
	assert_non_null(strstr(err.buf, "serializ"));
	db_rollback(b);
	assert_false(db_in_txn(b));
	assert_int_equal(db_begin(b, DB_TXN_WRITE, &err), 0);
	exec_ok(b, "SELECT count(*) FROM t WHERE n = 1");
	exec_ok(b, "INSERT INTO t (n) VALUES (2)");
	assert_int_equal(db_commit(b, &err), 0);
	db_close(b);
	close_backend(a);
	strbuf_release(&err);
}

/* The number of rows of t whose n is at least min. */
static int64_t
rows_from(struct db *db, int64_t min)
{
	struct db_stmt *st = prepare_ok(db, "SELECT count(*) FROM t WHERE n >= ?1");
	int64_t n;

	db_bind_int64(st, 1, min);
	assert_int_equal(db_step(st), DB_ROW);
	n = db_column_int64(st, 0);
	db_finalize(st);
	return n;
}

/*
 * Statements sent without waiting for their answers (db_step_later, a
 * pipeline on PostgreSQL): 600 inserts, more than the answers left
 * unread at once (256), all stored; one refused in the middle of 600:
 * db_settle names that failure, nothing after it ran, and the commit
 * fails with the same message. Ids drawn first (db_new_ids): ascending,
 * distinct, from each table's sequence, and rows inserted with them keep
 * them; SQLite numbers its rows itself and refuses. A statement prepared
 * in the pipeline after a failure there is prepared again by its next run.
 */
static void
test_later(void **state)
{
	struct strbuf err = STRBUF_INIT;
	struct db *db;
	struct db_stmt *st;

	(void)state;
	EACH_BACKEND(db, be) {
		const char *names[2] = { "t", "grant" };
		size_t n[2] = { 70, 3 };
		int64_t a[70], g[3], *ids[2] = { a, g };

		exec_ok(db, table);
		exec_ok(db, "CREATE TABLE grant (id INTEGER PRIMARY KEY, x INTEGER)");
		assert_int_equal(db_begin(db, DB_TXN_WRITE, &err), 0);
		st = prepare_ok(db, "INSERT INTO t (n) VALUES (?)");
		for (int i = 0; i < 600; i++) {
			db_bind_int64(st, 1, i);
			assert_int_equal(db_step_later(st), 0);
			db_reset(st);
		}
		assert_int_equal(db_settle(db, &err), 0);
		assert_int_equal(db_settle(db, &err), 0);
		assert_int_equal(db_commit(db, &err), 0);
		assert_int_equal(rows_from(db, 0), 600);
		db_finalize(st);

		assert_int_equal(db_begin(db, DB_TXN_WRITE, &err), 0);
		st = prepare_ok(db, "INSERT INTO t (n, u) VALUES (?, ?)");
		for (int i = 0; i < 600; i++) {
			db_bind_int64(st, 1, 1000 + i);
			db_bind_text(st, 2, i == 300 ? "twice" : i == 301 ? "twice" : NULL);
			if (db_step_later(st) == -1) {
				/* SQLite: at once; PostgreSQL: once an answer read says so */
				assert_true(db_backend(db) == DB_SQLITE || i > 301);
				break;
			}
			db_reset(st);
		}
		db_reset(st);
		if (db_backend(db) == DB_POSTGRESQL) {
			assert_int_equal(db_settle(db, &err), -1);
			assert_non_null(strstr(err.buf, "cannot store: "));
			assert_non_null(strstr(err.buf, "duplicate key"));
			assert_int_equal(db_error_kind(db), DB_ERR_UNIQUE);
			assert_false(db_txn_retryable(db));
			assert_int_equal(db_settle(db, &err), 0);	/* told once */
			assert_int_equal(db_commit(db, &err), -1);
		} else {
			assert_int_equal(db_error_kind(db), DB_ERR_UNIQUE);
			db_rollback(db);
		}
		assert_false(db_in_txn(db));
		assert_int_equal(rows_from(db, 1000), 0);
		db_finalize(st);

		/*
		 * statements prepared in the pipeline (db_prepare_later) after a
		 * failure there are not prepared: their next runs, sent or
		 * stepped, prepare them again
		 */
		if (db_backend(db) == DB_POSTGRESQL) {
			struct db_stmt *later[2];

			assert_int_equal(db_begin(db, DB_TXN_WRITE, &err), 0);
			st = prepare_ok(db, "INSERT INTO t (u) VALUES (?)");
			for (int i = 0; i < 2; i++) {
				db_bind_text(st, 1, "again");
				assert_int_equal(db_step_later(st), 0);
				db_reset(st);
			}
			for (int i = 0; i < 2; i++) {
				later[i] = db_prepare_later(db, "INSERT INTO t (n) VALUES (?)", &err);
				assert_non_null(later[i]);
			}
			assert_int_equal(db_settle(db, &err), -1);
			assert_int_equal(db_error_kind(db), DB_ERR_UNIQUE);
			db_rollback(db);
			db_finalize(st);
			assert_int_equal(db_begin(db, DB_TXN_WRITE, &err), 0);
			db_bind_int64(later[0], 1, 70000);
			assert_int_equal(db_step_later(later[0]), 0);
			db_reset(later[0]);
			assert_int_equal(db_settle(db, &err), 0);
			db_bind_int64(later[1], 1, 70001);
			assert_int_equal(db_step(later[1]), DB_DONE);
			db_reset(later[1]);
			assert_int_equal(db_commit(db, &err), 0);
			assert_int_equal(rows_from(db, 70000), 2);
			db_finalize(later[0]);
			db_finalize(later[1]);
		}

		if (db_backend(db) == DB_SQLITE) {
			assert_int_equal(db_new_ids(db, names, n, 2, ids, &err), -1);
			close_backend(db);
			continue;
		}
		assert_int_equal(db_begin(db, DB_TXN_WRITE, &err), 0);
		assert_int_equal(db_new_ids(db, names, n, 2, ids, &err), 0);
		for (int i = 1; i < 70; i++)
			assert_true(a[i] > a[i - 1]);
		assert_true(a[0] > 600);	/* after the rows numbered by the sequence */
		assert_true(g[0] >= 1 && g[1] > g[0] && g[2] > g[1]);
		st = prepare_ok(db, "INSERT INTO t (n, id) VALUES (?, ?)");
		for (int i = 0; i < 70; i++) {
			db_bind_int64(st, 1, 5000 + i);
			db_bind_int64(st, 2, a[i]);
			assert_int_equal(db_step_later(st), 0);
			db_reset(st);
		}
		db_finalize(st);	/* reads the answers first */
		assert_int_equal(db_settle(db, &err), 0);
		st = prepare_ok(db, "INSERT INTO t (n) VALUES (?)");
		db_bind_int64(st, 1, 9000);
		assert_int_equal(db_step(st), DB_DONE);
		db_finalize(st);
		assert_int_equal(db_commit(db, &err), 0);
		st = prepare_ok(db, "SELECT min(id), max(id), count(*) FROM t WHERE n BETWEEN 5000 AND 9000");
		assert_int_equal(db_step(st), DB_ROW);
		assert_int_equal(db_column_int64(st, 0), a[0]);
		assert_int_equal(db_column_int64(st, 1), a[69] + 1);	/* the next after them */
		assert_int_equal(db_column_int64(st, 2), 71);
		db_finalize(st);
		close_backend(db);
	}
	strbuf_release(&err);
}

/* The second writer: begins (waiting for the first), then counts the rows. */
struct writer {
	const char *target;
	int64_t seen;
	int began;
};

static void *
second_writer(void *arg)
{
	struct writer *wr = arg;
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;
	struct db_stmt *st;

	wr->seen = -1;
	if (db_open(wr->target, 0, &db, &err) != 0)
		goto out;
	wr->began = db_begin(db, DB_TXN_WRITE, &err) == 0;
	if (wr->began && (st = db_prepare(db, "SELECT count(*) FROM t", &err)) != NULL) {
		if (db_step(st) == DB_ROW)
			wr->seen = db_column_int64(st, 0);
		db_finalize(st);
	}
	if (wr->began)
		db_commit(db, &err);
out:
	db_close(db);
	strbuf_release(&err);
	return NULL;
}

/*
 * Writers take turns: a write begun while another is open waits for it,
 * and then reads what it committed (SQLite's BEGIN IMMEDIATE; on
 * PostgreSQL the writers' lock taken before the snapshot).
 */
static void
test_writers_take_turns(void **state)
{
	struct strbuf err = STRBUF_INIT;
	struct timespec pause = { 0, 300 * 1000 * 1000 };
	struct db *db;
	struct writer wr;
	pthread_t t;

	(void)state;
	EACH_BACKEND(db, be) {
		exec_ok(db, table);
		memset(&wr, 0, sizeof(wr));
		wr.target = db_backend(db) == DB_SQLITE ? sqlite_path : getenv("TRELLIS_TEST_PG");
		assert_int_equal(db_begin(db, DB_TXN_WRITE, &err), 0);
		assert_int_equal(pthread_create(&t, NULL, second_writer, &wr), 0);
		nanosleep(&pause, NULL);
		exec_ok(db, "INSERT INTO t (n) VALUES (1)");
		assert_int_equal(db_commit(db, &err), 0);
		assert_int_equal(pthread_join(t, NULL), 0);
		assert_true(wr.began);
		assert_int_equal(wr.seen, 1);
		close_backend(db);
	}
	strbuf_release(&err);
}

/* Whether statement i is one only SQLite runs (see docs/postgresql.md). */
static int
sqlite_only(int i)
{
	return i == ST_BEGIN || i == ST_BEGIN_READ || i == ST_WAL || i == ST_INTEGRITY ||
	    i == ST_FK_CHECK;
}

/*
 * Every migration applies in one transaction and sets the schema's version;
 * then every statement of store_sql[] prepares against the schema.
 */
static void
test_schema(void **state)
{
	struct strbuf err = STRBUF_INIT;
	struct db *db;
	struct db_stmt *st;

	(void)state;
	EACH_BACKEND(db, be) {
		int failed = 0;

		assert_int_equal(db_begin(db, DB_TXN_WRITE, &err), 0);
		for (int v = 0; v < store_migrations_count; v++)
			if (db_exec(db, store_migrations[v], "migrate", &err) != 0)
				fail_msg("migration %d: %s", v + 1, err.buf);
		assert_int_equal(db_commit(db, &err), 0);
		st = prepare_ok(db, store_sql[ST_USER_VERSION]);
		assert_int_equal(db_step(st), DB_ROW);
		assert_int_equal(db_column_int64(st, 0), store_migrations_count);
		db_finalize(st);
		/* slugs sort by their bytes, whatever the database's locale ('-' before 'b') */
		exec_ok(db, "INSERT INTO program (slug, name, funder, start_date, end_date) VALUES"
		    " ('ab', 'n', 'f', '2014-01-01', '2014-12-31'),"
		    " ('a-c', 'n', 'f', '2014-01-01', '2014-12-31'),"
		    " ('B', 'n', 'f', '2014-01-01', '2014-12-31')");
		st = prepare_ok(db, store_sql[ST_PROGRAM_SLUGS]);
		assert_int_equal(db_step(st), DB_ROW);
		assert_string_equal(db_column_text(st, 0), "B");
		assert_int_equal(db_step(st), DB_ROW);
		assert_string_equal(db_column_text(st, 0), "a-c");
		assert_int_equal(db_step(st), DB_ROW);
		assert_string_equal(db_column_text(st, 0), "ab");
		db_finalize(st);
		/* the opt-out list's addresses are case-blind (COLLATE NOCASE) */
		exec_ok(db, "INSERT INTO mail_optout (address, since) VALUES ('A@x.org', 1)");
		st = prepare_ok(db, "SELECT count(*) FROM mail_optout WHERE address = 'a@X.ORG'");
		assert_int_equal(db_step(st), DB_ROW);
		assert_int_equal(db_column_int64(st, 0), 1);
		db_finalize(st);
		for (int i = 0; i < ST__MAX; i++) {
			if (db_backend(db) == DB_POSTGRESQL && sqlite_only(i))
				continue;
			if ((st = db_prepare(db, store_sql[i], &err)) == NULL) {
				printf("statement %d: %s\n  %s\n", i, err.buf, store_sql[i]);
				failed++;
			}
			db_finalize(st);
		}
		assert_int_equal(failed, 0);
		close_backend(db);
	}
	strbuf_release(&err);
}

static void
expect_pg(const char *sql, const char *want, int nparams)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	int n = -1;

	assert_int_equal(db_sql_to_pg(sql, &out, &n, NULL, &err), 0);
	assert_string_equal(out.buf, want);
	assert_int_equal(n, nparams);
	strbuf_release(&out);
	strbuf_release(&err);
}

static void
test_translation(void **state)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT, used = STRBUF_INIT;
	int n;

	(void)state;
	expect_pg("SELECT a FROM x WHERE b = ?1 AND c = ?2 OR d = ?1",
	    "SELECT a FROM x WHERE b = $1 AND c = $2 OR d = $1", 2);
	/* a bare ? is one past the largest before it, as in SQLite */
	expect_pg("INSERT INTO x (a, b, c) VALUES (?, ?, ?)",
	    "INSERT INTO x (a, b, c) VALUES ($1, $2, $3)", 3);
	expect_pg("UPDATE x SET a = ?3 WHERE id = ?", "UPDATE x SET a = $3 WHERE id = $4", 4);
	/* literals, quoted names and comments are left as they are */
	expect_pg("SELECT '?1 INTEGER grant', \"REAL\" -- ? BLOB\nFROM x",
	    "SELECT '?1 INTEGER grant', \"REAL\" -- ? BLOB\nFROM x", 0);
	expect_pg("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL,"
	    " x REAL, b BLOB, g INTEGER REFERENCES grant(id)) WITHOUT ROWID;",
	    "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
	    " n BIGINT NOT NULL, x DOUBLE PRECISION, b BYTEA,"
	    " g BIGINT REFERENCES \"grant\"(id));", 0);
	/* text sorts by its bytes, as in SQLite, unless the column says otherwise */
	expect_pg("CREATE TABLE t (text TEXT NOT NULL, a TEXT PRIMARY KEY COLLATE NOCASE,"
	    " c TEXT CHECK (c IN ('x', 'y')), d TEXT);\nALTER TABLE t ADD COLUMN e TEXT;\n"
	    "SELECT CAST(?1 AS TEXT)",
	    "CREATE TABLE t (text TEXT COLLATE \"C\" NOT NULL, a TEXT PRIMARY KEY COLLATE NOCASE,"
	    " c TEXT COLLATE \"C\" CHECK (c IN ('x', 'y')), d TEXT COLLATE \"C\");\n"
	    "ALTER TABLE t ADD COLUMN e TEXT COLLATE \"C\";\nSELECT CAST($1 AS TEXT)", 1);
	/* a key that is not the rowid alias keeps its values */
	expect_pg("CREATE TABLE v (initiative_id INTEGER PRIMARY KEY REFERENCES i(id))",
	    "CREATE TABLE v (initiative_id BIGINT PRIMARY KEY REFERENCES i(id))", 0);
	/* SQLite's CROSS JOIN ... ON is an inner join */
	expect_pg("SELECT 1 FROM a t CROSS JOIN b i ON i.id = t.b_id",
	    "SELECT 1 FROM a t JOIN b i ON i.id = t.b_id", 0);
	/* which parameters the text names: ?2 is skipped */
	assert_int_equal(db_sql_to_pg("VALUES (?1, ?3)", &out, &n, &used, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(used.len, 3);
	assert_memory_equal(used.buf, "\1\0\1", 3);
	strbuf_reset(&out);
	expect_pg("PRAGMA user_version = 7;\n", "UPDATE trellis_schema SET version = 7;\n", 0);
	expect_pg("PRAGMA user_version", "SELECT version FROM trellis_schema", 0);
	assert_int_equal(db_sql_to_pg("PRAGMA journal_mode = WAL", &out, &n, NULL, &err), -1);
	assert_string_equal(err.buf, "PRAGMA journal_mode has no PostgreSQL translation");
	strbuf_release(&used);
	strbuf_release(&out);
	strbuf_release(&err);
}

/*
 * db_unchanged: on SQLite in WAL mode, "nothing committed since" until a
 * commit by another connection (or by this one), never across one; a
 * rollback is not a commit. PostgreSQL (and no WAL) always says "changed".
 */
static void
test_unchanged(void **state)
{
	struct strbuf err = STRBUF_INIT;
	unsigned char token[DB_TOKEN_SIZE];
	struct db *db, *other = NULL;

	(void)state;
	EACH_BACKEND(db, b) {
		memset(token, 0, sizeof(token));
		exec_ok(db, table);
		if (db_backend(db) == DB_POSTGRESQL) {
			assert_int_equal(db_unchanged(db, token), 0);
			assert_int_equal(db_unchanged(db, token), 0);
			close_backend(db);
			continue;
		}
		/* a rollback journal: no WAL-index to look at */
		assert_int_equal(db_unchanged(db, token), 0);
		assert_int_equal(db_unchanged(db, token), 0);
		exec_ok(db, "PRAGMA journal_mode = WAL");
		exec_ok(db, "INSERT INTO t (n) VALUES (1)");
		assert_int_equal(db_unchanged(db, token), 0);	/* the first look */
		assert_int_equal(db_unchanged(db, token), 1);
		assert_int_equal(db_unchanged(db, token), 1);
		if (db_open(sqlite_path, 0, &other, &err) != 0)
			fail_msg("%s", err.buf);
		exec_ok(other, "INSERT INTO t (n) VALUES (2)");
		assert_int_equal(db_unchanged(db, token), 0);
		assert_int_equal(db_unchanged(db, token), 1);
		/* a transaction rolled back commits nothing */
		exec_ok(other, "BEGIN; INSERT INTO t (n) VALUES (3); ROLLBACK;");
		assert_int_equal(db_unchanged(db, token), 1);
		/* its own commit too */
		exec_ok(db, "UPDATE t SET n = 10 WHERE n = 1");
		assert_int_equal(db_unchanged(db, token), 0);
		assert_int_equal(db_unchanged(db, token), 1);
		/* a checkpoint that starts the WAL over, then a commit */
		exec_ok(other, "PRAGMA wal_checkpoint(TRUNCATE)");
		exec_ok(other, "INSERT INTO t (n) VALUES (4)");
		assert_int_equal(db_unchanged(db, token), 0);
		/* a zeroed token is never unchanged */
		memset(token, 0, sizeof(token));
		assert_int_equal(db_unchanged(db, token), 0);
		db_close(other);
		close_backend(db);
	}
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_translation),
		cmocka_unit_test(test_bind_and_read),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_serialization_failure),
		cmocka_unit_test(test_writers_take_turns),
		cmocka_unit_test(test_schema),
		cmocka_unit_test(test_unchanged),
		cmocka_unit_test(test_later),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
