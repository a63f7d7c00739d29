/*
 * Unit tests for migration 15 (schema.c, db_sqlite_schema_rewrite): the IN
 * lists of CHECK constraints rewritten as comparisons, every check exactly
 * as strict as before, and a database of schema version 14 with data
 * migrating with its rows kept.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "store/store_impl.h"
#include "util/strbuf.h"

static char tmpdir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/trellis-schema-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
rewrite_is(const char *in, const char *want, int changes)
{
	struct strbuf out = STRBUF_INIT;

	assert_int_equal(store_check_in_lists(in, &out), changes);
	assert_string_equal(out.buf ? out.buf : "", want);
	strbuf_release(&out);
}

static void
test_rewrite_text(void **state)
{
	(void)state;
	rewrite_is("x TEXT CHECK (x IN ('a','b','c')), y INT",
	    "x TEXT CHECK (x = 'a' OR x = 'b' OR x = 'c'), y INT", 1);
	/* two constants: SQLite compares in place already */
	rewrite_is("CHECK (x IN (0, 1))", "CHECK (x IN (0, 1))", 0);
	/* part of a larger expression: parenthesized */
	rewrite_is("CHECK (y IS NULL OR y IN ( 'a' , 'b''s', -3 ))",
	    "CHECK (y IS NULL OR (y = 'a' OR y = 'b''s' OR y = -3))", 1);
	rewrite_is("CHECK ((r IN ('a','b','c')) = (i IS NOT NULL))",
	    "CHECK (((r = 'a' OR r = 'b' OR r = 'c')) = (i IS NOT NULL))", 1);
	/* not a list of constants, NOT IN, inside a literal: as they are */
	rewrite_is("CHECK (x IN (a, b, c))", "CHECK (x IN (a, b, c))", 0);
	rewrite_is("CHECK (x NOT IN ('a','b','c'))", "CHECK (x NOT IN ('a','b','c'))", 0);
	rewrite_is("d TEXT DEFAULT 'v IN (''a'',''b'',''c'')'",
	    "d TEXT DEFAULT 'v IN (''a'',''b'',''c'')'", 0);
	rewrite_is("CHECK (a IN (1,2,3)), CHECK (b in (4, 5, 6))",
	    "CHECK (a = 1 OR a = 2 OR a = 3), CHECK (b = 4 OR b = 5 OR b = 6)", 2);
	rewrite_is("", "", 0);
}

/* ---------------------------------------------------------------- schemas */

static void
exec_ok(sqlite3 *h, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* Whether sql runs without error. */
static int
exec_runs(sqlite3 *h, const char *sql)
{
	return sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK;
}

/* The text of table name's CREATE statement in h, or NULL; sqlite3_free it. */
static char *
table_sql(sqlite3 *h, const char *name)
{
	sqlite3_stmt *st;
	char *sql = NULL;

	assert_int_equal(sqlite3_prepare_v2(h, "SELECT sql FROM sqlite_schema"
	    " WHERE type = 'table' AND name = ?1", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		sql = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return sql;
}

/* A database of schema version 14 at path: the shipped migrations 1 to 14. */
static sqlite3 *
open_v14(const char *path)
{
	sqlite3 *h;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	exec_ok(h, "BEGIN");
	for (int v = 0; v < 14; v++)
		exec_ok(h, store_migrations[v]);
	exec_ok(h, "COMMIT");
	return h;
}

/* The store at path (created when new), migrated to the newest version. */
static struct store *
open_store(const char *path)
{
	struct strbuf err = STRBUF_INIT;
	struct store *s;

	if (store_open(path, 1, &s, &err) != 0)
		fail_msg("store_open: %s", err.buf);
	strbuf_release(&err);
	return s;
}

/*
 * The end of the CHECK constraint whose expression opens at p ('('):
 * after its closing parenthesis, literals skipped.
 */
static const char *
paren_end(const char *p)
{
	int depth = 0;

	for (; *p; p++) {
		if (*p == '\'') {	/* to its closing quote ('' inside) */
			for (p++; *p && !(*p == '\'' && p[1] != '\''); p += *p == '\'' ? 2 : 1)
				;
			continue;
		}
		if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p + 1;
	}
	fail_msg("unbalanced: %s", p);
	return p;
}

/*
 * The constants of the first "IN (" list of expr (a CHECK's expression as
 * migrations 1-14 wrote it) into vals (each one SQL literal, ", " between),
 * its column's name into col; returns how many.
 */
static int
in_list(const char *expr, char *col, size_t colsz, struct strbuf *vals)
{
	const char *in = strstr(expr, " IN (");
	const char *w = in;
	int n = 0;

	assert_non_null(in);
	while (w > expr && (w[-1] == '_' || (w[-1] >= 'a' && w[-1] <= 'z')))
		w--;
	snprintf(col, colsz, "%.*s", (int)(in - w), w);
	for (const char *p = in + 5; *p != ')';) {
		const char *q = p;

		if (*p == ' ' || *p == ',') {
			p++;
			continue;
		}
		if (*q == '\'')
			for (q++; *q != '\''; q++)
				;
		else
			while (*q >= '0' && *q <= '9')
				q++;
		q++;
		strbuf_addf(vals, "%s%.*s", n ? "\n" : "", (int)(q - p), p);
		n++;
		p = q;
	}
	return n;
}

/*
 * Every CHECK of every table, as migrations 1-14 wrote it and as the
 * store's schema has it now, each put on a table of one column of the
 * same type: for the constants of the old list and for values it must
 * refuse (another word, the empty string, a constant in capitals or with
 * a space, numbers), old and new accept and refuse the same, the list's
 * own constants accepted. The lists of more than two constants are the
 * ones rewritten, and no such list is left.
 */
static void
test_checks_equivalent(void **state)
{
	char path[128], path14[128];
	struct store *s;
	sqlite3 *old, *now;
	sqlite3_stmt *tables;
	int rewritten = 0, probes = 0;

	(void)state;
	snprintf(path14, sizeof(path14), "%s/v14.db", tmpdir);
	snprintf(path, sizeof(path), "%s/new.db", tmpdir);
	old = open_v14(path14);
	s = open_store(path);
	now = db_sqlite_handle(s->db);
	assert_int_equal(sqlite3_prepare_v2(old, "SELECT name FROM sqlite_schema"
	    " WHERE type = 'table' ORDER BY rowid", -1, &tables, NULL), SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		char *a = table_sql(old, name), *b = table_sql(now, name);
		const char *pa = a, *pb = b;
		struct strbuf left = STRBUF_INIT;

		assert_non_null(b);
		assert_int_equal(store_check_in_lists(b, &left), 0);
		strbuf_release(&left);
		while ((pa = strstr(pa, "CHECK (")) != NULL) {
			const char *ea, *eb;
			struct strbuf vals = STRBUF_INIT, extra = STRBUF_INIT;
			char col[64], type[32], *sql, *v, *next;
			sqlite3_stmt *ti;
			int n;

			pb = strstr(pb, "CHECK (");
			assert_non_null(pb);
			ea = paren_end(pa + 6);
			eb = paren_end(pb + 6);
			if ((size_t)(ea - pa) == (size_t)(eb - pb) && memcmp(pa, pb, (size_t)(ea - pa)) == 0) {
				pa = ea;
				pb = eb;
				continue;	/* the same text */
			}
			rewritten++;
			n = in_list(pa, col, sizeof(col), &vals);
			assert_true(n > 2);
			/* the column's declared type, for its affinity */
			sql = sqlite3_mprintf("SELECT type FROM pragma_table_info(%Q) WHERE name = %Q",
			    name, col);
			assert_int_equal(sqlite3_prepare_v2(now, sql, -1, &ti, NULL), SQLITE_OK);
			sqlite3_free(sql);
			assert_int_equal(sqlite3_step(ti), SQLITE_ROW);
			snprintf(type, sizeof(type), "%s", (const char *)sqlite3_column_text(ti, 0));
			sqlite3_finalize(ti);
			sql = sqlite3_mprintf("DROP TABLE IF EXISTS temp.p_old; DROP TABLE IF EXISTS temp.p_new;"
			    "CREATE TEMP TABLE p_old (%s %s %.*s);"
			    "CREATE TEMP TABLE p_new (%s %s %.*s);",
			    col, type, (int)(ea - pa), pa, col, type, (int)(eb - pb), pb);
			exec_ok(now, sql);
			sqlite3_free(sql);
			strbuf_addstr(&vals, "\n'bogus'\n''\nNULL\n0\n1\n5\n-1\n2.5");
			/* each constant accepted; and in capitals, and with a space after it */
			for (v = vals.buf; n > 0; v = next + 1, n--) {
				next = strchr(v, '\n');
				if (*v == '\'')
					strbuf_addf(&extra, "\nupper(%.*s)\n%.*s || ' '", (int)(next - v), v,
					    (int)(next - v), v);
				sql = sqlite3_mprintf("INSERT INTO p_new VALUES (%.*s)", (int)(next - v), v);
				if (!exec_runs(now, sql))
					fail_msg("%s.%s refuses %.*s, its own constant: %s", name, col,
					    (int)(next - v), v, sqlite3_errmsg(now));
				sqlite3_free(sql);
			}
			strbuf_addstr(&vals, extra.buf ? extra.buf : "");
			strbuf_release(&extra);
			for (v = vals.buf; v && *v; v = next ? next + 1 : NULL) {
				int ok_old, ok_new;

				next = strchr(v, '\n');
				sql = sqlite3_mprintf("INSERT INTO p_old VALUES (%.*s)",
				    next ? (int)(next - v) : (int)strlen(v), v);
				ok_old = exec_runs(now, sql);
				sqlite3_free(sql);
				sql = sqlite3_mprintf("INSERT INTO p_new VALUES (%.*s)",
				    next ? (int)(next - v) : (int)strlen(v), v);
				ok_new = exec_runs(now, sql);
				sqlite3_free(sql);
				if (ok_old != ok_new)
					fail_msg("%s.%s: %.*s %s before, %s now", name, col,
					    next ? (int)(next - v) : (int)strlen(v), v,
					    ok_old ? "accepted" : "refused", ok_new ? "accepted" : "refused");
				probes++;
			}
			/* a word of no list is refused */
			sql = sqlite3_mprintf("INSERT INTO p_new VALUES ('bogus')");
			assert_false(exec_runs(now, sql));
			sqlite3_free(sql);
			strbuf_release(&vals);
			pa = ea;
			pb = eb;
		}
		assert_null(strstr(pb, "CHECK ("));
		sqlite3_free(a);
		sqlite3_free(b);
	}
	sqlite3_finalize(tables);
	exec_ok(now, "DROP TABLE temp.p_old; DROP TABLE temp.p_new");
	/* every list of more than two constants of migrations 1-14 */
	assert_int_equal(rewritten, 25);
	assert_true(probes > 25 * 10);
	store_close(s);
	sqlite3_close(old);
}

/*
 * A database of version 14 with rows migrates: its rows kept, the file
 * whole (integrity_check, foreign_key_check), the rewritten CHECKs in force
 * on the real tables, another connection reading the new schema.
 */
static void
test_migrate_from_14(void **state)
{
	char path[128];
	struct store *s;
	sqlite3 *h, *other;
	sqlite3_stmt *st;
	char *sql;

	(void)state;
	snprintf(path, sizeof(path), "%s/old.db", tmpdir);
	h = open_v14(path);
	exec_ok(h, "PRAGMA foreign_keys = ON;"
	    "INSERT INTO program (id, slug, name, funder, start_date, end_date)"
	    " VALUES (1, 'p', 'P', 'F', '2024-01-01', '2025-12-31');"
	    "INSERT INTO organization (id, program_id, slug, name, sector, flexible_grants,"
	    " in_kind_staffing, experiment, convener) VALUES"
	    " (1, 1, 'a', 'A', 'health', 0, 1, 0, 1), (2, 1, 'b', 'B', 'faith', 1, 0, 0, 0);"
	    "INSERT INTO org_expertise VALUES (1, 0, 'fundraising');");
	/* a reader that knows the old schema, open across the migration */
	assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
	exec_ok(other, "SELECT count(*) FROM organization");
	sqlite3_close(h);

	s = open_store(path);
	h = db_sqlite_handle(s->db);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT (SELECT user_version FROM pragma_user_version),"
	    " (SELECT group_concat(slug || ':' || sector, ' ') FROM organization),"
	    " (SELECT area FROM org_expertise), (SELECT integrity_check FROM pragma_integrity_check),"
	    " (SELECT count(*) FROM pragma_foreign_key_check)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 15);
	assert_string_equal(sqlite3_column_text(st, 1), "a:health b:faith");
	assert_string_equal(sqlite3_column_text(st, 2), "fundraising");
	assert_string_equal(sqlite3_column_text(st, 3), "ok");
	assert_int_equal(sqlite3_column_int(st, 4), 0);
	sqlite3_finalize(st);
	sql = table_sql(h, "organization");
	assert_non_null(strstr(sql, "CHECK (sector = 'nonprofit' OR sector = 'public' OR "));
	sqlite3_free(sql);
	/* the real table: a good value taken, a bad one refused by the new text */
	exec_ok(h, "UPDATE organization SET sector = 'other' WHERE id = 1");
	assert_false(exec_runs(h, "UPDATE organization SET sector = 'Other' WHERE id = 1"));
	assert_non_null(strstr(sqlite3_errmsg(h), "CHECK constraint failed: sector = 'nonprofit'"));
	assert_false(exec_runs(h, "INSERT INTO org_expertise VALUES (2, 0, 'policy')"));
	exec_ok(h, "INSERT INTO org_expertise VALUES (2, 0, 'policy-advocacy')");
	/* the connection opened before sees the new schema too */
	assert_false(exec_runs(other, "UPDATE organization SET sector = 'Other' WHERE id = 2"));
	assert_non_null(strstr(sqlite3_errmsg(other), "CHECK constraint failed: sector = 'nonprofit'"));
	sqlite3_close(other);
	store_close(s);
	/* opened again: nothing left to migrate, the schema as it was left */
	s = open_store(path);
	sql = table_sql(db_sqlite_handle(s->db), "organization");
	assert_non_null(strstr(sql, "CHECK (sector = 'nonprofit' OR "));
	sqlite3_free(sql);
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rewrite_text),
		cmocka_unit_test(test_checks_equivalent),
		cmocka_unit_test(test_migrate_from_14),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
