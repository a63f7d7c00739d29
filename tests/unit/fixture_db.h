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

#include <sqlite3.h>

#include "model/model.h"
#include "store/db.h"
#include "store/store.h"
#include "util/strbuf.h"

static char fixture_dir[64];	/* the test's directory */
static char fixture_db[512];	/* its database file, or TRELLIS_TEST_PG's URL */

/*
 * With TRELLIS_TEST_PG (a postgresql:// URL, see tests/cli/t0162-pg-unit.sh)
 * the database is that one, emptied first, instead of a file: copies the
 * URL into db. Returns 0, or -1 with the reason printed.
 */
static inline int
fixture_pg(char *db, size_t size)
{
	const char *url = getenv("TRELLIS_TEST_PG");
	struct strbuf err = STRBUF_INIT;
	struct db *d = NULL;
	int ret = -1;

	if (url == NULL || *url == '\0')
		return 0;
	snprintf(db, size, "%s", url);
	if (db_open(url, 0, &d, &err) != 0 ||
	    db_exec(d, "DROP SCHEMA public CASCADE; CREATE SCHEMA public", "empty", &err) != 0)
		fprintf(stderr, "fixture: %s\n", err.buf);
	else
		ret = 0;
	db_close(d);
	strbuf_release(&err);
	return ret;
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

/* Runs sql on the test's database through a connection of its own. Returns 0 or -1. */
static inline int
fixture_db_exec(const char *sql)
{
	sqlite3 *db;
	int rc;

	if (sqlite3_open(fixture_db, &db) != SQLITE_OK) {
		sqlite3_close(db);
		return -1;
	}
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
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
