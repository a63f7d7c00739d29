/*
 * A unit test's database: a new directory under /tmp holding t.db, with a
 * program saved in it, and its removal afterwards. Static inline functions
 * in a header, like io/fixture_small.h, because each test binary is built
 * from its one .c file.
 */
#ifndef TRELLIS_TEST_FIXTURE_DB_H
#define TRELLIS_TEST_FIXTURE_DB_H
#include <stdio.h>
#include <stdlib.h>

#include "model/model.h"
#include "store/db.h"
#include "store/store.h"
#include "util/strbuf.h"

static char fixture_dir[64];	/* the test's directory */
static char fixture_db[512];	/* its database file, or TRELLIS_TEST_PG's URL */

/* Nonzero when the tests run on TRELLIS_TEST_PG's database (PostgreSQL). */
static inline int
fixture_on_pg(void)
{
	const char *url = getenv("TRELLIS_TEST_PG");

	return url != NULL && *url != '\0';
}

/*
 * For a case about SQLite itself (its file, VFS, PRAGMAs, backup, WAL):
 * on PostgreSQL prints "# skipped on PostgreSQL: WHY" and skips the case
 * (cmocka's skip(); include cmocka.h first). A macro: skip() returns from
 * the case.
 */
#define fixture_sqlite_only(why) do { \
	if (fixture_on_pg()) { \
		printf("# skipped on PostgreSQL: %s\n", (why)); \
		skip(); \
	} \
} while (0)

/*
 * Runs sql on the database db (a file or a postgresql:// URL) through a
 * connection of its own. Returns 0, or -1 with the reason printed.
 */
static inline int
fixture_exec_at(const char *db, const char *sql)
{
	struct strbuf err = STRBUF_INIT;
	struct db *d = NULL;
	int ret = -1;

	if (db_open(db, 0, &d, &err) != 0 || db_exec(d, sql, "fixture", &err) != 0)
		fprintf(stderr, "fixture: %s\n", err.buf);
	else
		ret = 0;
	db_close(d);
	strbuf_release(&err);
	return ret;
}

/*
 * With TRELLIS_TEST_PG (a postgresql:// URL, see tests/cli/t0162-pg-unit.sh)
 * the database is that one, emptied first, instead of a file: copies the
 * URL into db. Returns 0, or -1 with the reason printed.
 */
static inline int
fixture_pg(char *db, size_t size)
{
	const char *url = getenv("TRELLIS_TEST_PG");

	if (url == NULL || *url == '\0')
		return 0;
	snprintf(db, size, "%s", url);
	return fixture_exec_at(url, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
}

/*
 * Makes the directory and, in *s, the database holding p (validated by the
 * caller). Returns 0, or -1 with the reason printed.
 */
static inline int
fixture_db_create(struct program *p, struct store **s)
{
	struct strbuf err = STRBUF_INIT;
	int ret = -1;

	/* mkdtemp(3) fills in the six X: a template, not text left to finish */
	snprintf(fixture_dir, sizeof(fixture_dir), "/tmp/trellis-unit-XXXXXX");
	if (mkdtemp(fixture_dir) == NULL) {
		perror("fixture: mkdtemp");
		return -1;
	}
	snprintf(fixture_db, sizeof(fixture_db), "%s/t.db", fixture_dir);
	if (fixture_pg(fixture_db, sizeof(fixture_db)) != 0)
		goto out;
	if (store_open(fixture_db, 1, s, &err) != 0 || store_program_save(*s, p, NULL, &err) != 0)
		fprintf(stderr, "fixture: %s\n", err.buf);
	else
		ret = 0;
out:
	strbuf_release(&err);
	return ret;
}

/*
 * Runs sql on the test's database (a file or TRELLIS_TEST_PG's) through a
 * connection of its own, in the store's SQL (store/db.h translates it for
 * PostgreSQL). Returns 0, or -1 with the reason printed.
 */
static inline int
fixture_db_exec(const char *sql)
{
	return fixture_exec_at(fixture_db, sql);
}

/*
 * Makes every insert into table (a name of the schema, not input) fail
 * with "the TABLE refuses (the test's trigger)" (on = 1), or drops that
 * trigger again (on = 0): a BEFORE INSERT trigger, SQLite's RAISE(ABORT) or
 * a PL/pgSQL function. Returns 0, or -1 with the reason printed.
 */
static inline int
fixture_refuse_inserts(const char *table, int on)
{
	char sql[512];

	if (fixture_on_pg() && on)
		snprintf(sql, sizeof(sql), "CREATE FUNCTION refuse_%s() RETURNS trigger"
		    " LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION"
		    " 'the %s refuses (the test''s trigger)'; END $$;"
		    " CREATE TRIGGER refuse_%s BEFORE INSERT ON %s"
		    " FOR EACH ROW EXECUTE FUNCTION refuse_%s()", table, table, table, table, table);
	else if (fixture_on_pg())
		snprintf(sql, sizeof(sql), "DROP TRIGGER refuse_%s ON %s; DROP FUNCTION refuse_%s()",
		    table, table, table);
	else if (on)
		snprintf(sql, sizeof(sql), "CREATE TRIGGER refuse_%s BEFORE INSERT ON %s BEGIN"
		    " SELECT RAISE(ABORT, 'the %s refuses (the test''s trigger)'); END",
		    table, table, table);
	else
		snprintf(sql, sizeof(sql), "DROP TRIGGER refuse_%s", table);
	return fixture_db_exec(sql);
}

/*
 * Names the database of a test that opens several: on PostgreSQL
 * TRELLIS_TEST_PG's, emptied (the name is not used), otherwise the file
 * NAME in dir. Returns buf (size bytes), or NULL with the reason printed.
 */
static inline const char *
fixture_db_target(const char *dir, const char *name, char *buf, size_t size)
{
	if (fixture_on_pg()) {
		if (fixture_pg(buf, size) != 0)
			return NULL;
		return buf;
	}
	snprintf(buf, size, "%s/%s", dir, name);
	return buf;
}

/*
 * Reads the one number sql gives into *n, through a connection of its own
 * (store/db.h: a file or TRELLIS_TEST_PG's database). Returns 0, or -1 with
 * the reason printed.
 */
static inline int
fixture_db_int64(const char *sql, int64_t *n)
{
	struct strbuf err = STRBUF_INIT;
	struct db *d = NULL;
	struct db_stmt *st = NULL;
	int ret = -1;

	if (db_open(fixture_db, 0, &d, &err) != 0 || (st = db_prepare(d, sql, &err)) == NULL)
		fprintf(stderr, "fixture: %s\n", err.buf);
	else if (db_step(st) != DB_ROW)
		fprintf(stderr, "fixture: %s: %s\n", sql, db_errmsg(d));
	else {
		*n = db_column_int64(st, 0);
		ret = 0;
	}
	db_finalize(st);
	db_close(d);
	strbuf_release(&err);
	return ret;
}

/* Removes the directory and everything in it. Returns 0 or -1. */
static inline int
fixture_db_remove(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fixture_dir);
	return system(cmd) == 0 ? 0 : -1;
}

#endif
