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
#include "store/store.h"
#include "util/strbuf.h"

static char fixture_dir[64];	/* the test's directory */
static char fixture_db[128];	/* its database file */

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
	if (store_open(fixture_db, 1, s, &err) != 0 || store_program_save(*s, p, NULL, &err) != 0)
		fprintf(stderr, "fixture: %s\n", err.buf);
	else
		ret = 0;
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

/* Removes the directory and everything in it. Returns 0 or -1. */
static inline int
fixture_db_remove(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fixture_dir);
	return system(cmd) == 0 ? 0 : -1;
}

#endif
