/*
 * Unit tests for src/store/accounts.c: the audit log (newest first, paged,
 * by initiative, in the caller's transaction), one record as JSON for its
 * before and after, the sign-in failure counters' lockouts and expiry, the
 * schema's own checks on users, and roles per program (migration 14).
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

#include <jansson.h>

#include "store/store_impl.h"
#include "store/accounts.h"
#include "model/fields.h"
#include "model/validate.h"
#include "io/json.h"
#include "util/strbuf.h"

#include "../io/fixture_small.h"
#include "../fixture_db.h"

static char tmpdir[64];

static int
setup(void **state)
{
	struct strbuf err = STRBUF_INIT;
	struct store *s = NULL;
	char path[128];

	snprintf(tmpdir, sizeof(tmpdir), "/tmp/trellis-accounts-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	/* the file t.db, or TRELLIS_TEST_PG's database emptied */
	if (fixture_db_target(tmpdir, "t.db", path, sizeof(path)) == NULL)
		return -1;
	if (store_open(path, 1, &s, &err) != 0)
		fail_msg("store_open: %s", err.buf);
	strbuf_release(&err);
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	store_close(*state);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
test_audit_log(void **state)
{
	struct store *s = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_audits page = { NULL, 0, 0 };
	int more;

	assert_int_equal(store_audit_add(s, "cli", "import", "program", NULL, NULL, NULL,
	    "{\"slug\": \"p1\"}", 100, &err), 0);
	assert_int_equal(store_audit_add(s, "a@x.org", "create", "decisions", "i1", "D-1",
	    NULL, "{\"id\": \"D-1\"}", 200, &err), 0);
	assert_int_equal(store_audit_add(s, "a@x.org", "update", "decisions", "i1", "D-1",
	    "{\"id\": \"D-1\"}", "{\"id\": \"D-1\", \"title\": \"t\"}", 300, &err), 0);
	assert_int_equal(store_audit_add(s, "b@x.org", "delete", "grants", "i2", "G-1",
	    "{\"id\": \"G-1\"}", NULL, 400, &err), 0);
	assert_int_equal(store_audit_add(s, "b@x.org", "erase", "grants", "i2", "G-1",
	    NULL, NULL, 500, &err), 1);

	/* newest first, two at a time */
	assert_int_equal(store_audit_list(s, NULL, 0, 2, &page, &more, &err), 0);
	assert_int_equal(page.n, 2);
	assert_true(more);
	assert_string_equal(page.v[0].action, "delete");
	assert_int_equal(page.v[0].at, 400);
	assert_null(page.v[0].after);
	assert_string_equal(page.v[1].before, "{\"id\": \"D-1\"}");
	store_audits_release(&page);
	assert_int_equal(store_audit_list(s, NULL, 2, 2, &page, &more, &err), 0);
	assert_int_equal(page.n, 2);
	assert_false(more);
	assert_string_equal(page.v[1].actor, "cli");
	assert_null(page.v[1].initiative);
	assert_null(page.v[1].record);
	store_audits_release(&page);

	/* one initiative's */
	assert_int_equal(store_audit_list(s, "i1", 0, 10, &page, &more, &err), 0);
	assert_int_equal(page.n, 2);
	assert_false(more);
	assert_string_equal(page.v[0].action, "update");
	assert_string_equal(page.v[1].action, "create");
	assert_string_equal(page.v[1].kind, "decisions");
	assert_string_equal(page.v[1].record, "D-1");
	store_audits_release(&page);

	/* a rolled-back change takes its audit entry with it */
	assert_int_equal(store_begin(s, &err), 0);
	assert_int_equal(store_audit_add(s, "a@x.org", "create", "decisions", "i1", "D-2",
	    NULL, "{}", 600, &err), 0);
	store_rollback(s);
	assert_int_equal(store_audit_list(s, "i1", 0, 10, &page, &more, &err), 0);
	assert_int_equal(page.n, 2);
	store_audits_release(&page);
	strbuf_release(&err);
}

static void
test_record_json(void **state)
{
	struct strbuf out = STRBUF_INIT;
	struct model_error e;
	struct program p;
	json_error_t jerr;
	json_t *j;

	(void)state;
	program_init(&p);
	assert_int_equal(json_read_program("f", fixture_small, sizeof(fixture_small) - 1, &p, &e), 0);
	json_write_record(&out, &kind_decision, &p.initiatives.v[0].decisions.v[0]);
	j = json_loads(out.buf, 0, &jerr);
	if (j == NULL)
		fail_msg("not JSON: %s: %s", jerr.text, out.buf);
	assert_string_equal(json_string_value(json_object_get(j, "id")), "d1");
	assert_string_equal(json_string_value(json_object_get(j, "decider")), "committee");
	assert_string_equal(json_string_value(json_array_get(json_object_get(j, "consulted"), 0)), "pa");
	assert_string_equal(json_string_value(json_object_get(j, "contrary_views")), "some");
	assert_int_equal(json_object_size(j), (size_t)kind_decision.nfields);
	json_decref(j);
	/* a kind with a nested list: the initiative, whole */
	strbuf_reset(&out);
	json_write_record(&out, &kind_initiative, &p.initiatives.v[0]);
	j = json_loads(out.buf, 0, &jerr);
	if (j == NULL)
		fail_msg("not JSON: %s", jerr.text);
	assert_string_equal(json_string_value(json_object_get(j, "slug")), "i1");
	assert_true(json_array_size(json_object_get(j, "decisions")) >= 1);
	json_decref(j);
	strbuf_release(&out);
	program_release(&p);
}

static void
test_throttle(void **state)
{
	static const struct store_throttle_policy pol = { 3, 600, 60, 300, 86400 };
	struct store *s = *state;
	struct strbuf err = STRBUF_INIT;
	int64_t until;

	assert_int_equal(store_throttle_check(s, "email:a", &until, &err), 0);
	assert_int_equal(until, 0);
	assert_int_equal(store_throttle_fail(s, "email:a", 1000, &pol, &until, &err), 0);
	assert_int_equal(until, 0);
	assert_int_equal(store_throttle_fail(s, "email:a", 1001, &pol, &until, &err), 0);
	assert_int_equal(store_throttle_fail(s, "email:a", 1002, &pol, &until, &err), 0);
	assert_int_equal(until, 1062);
	assert_int_equal(store_throttle_check(s, "email:a", &until, &err), 0);
	assert_int_equal(until, 1062);
	assert_int_equal(store_throttle_check(s, "email:b", &until, &err), 0);
	assert_int_equal(until, 0);
	/* growing: 60, 120, 240, then the cap of 300 */
	for (int64_t want = 120, t = 2000; want <= 480; want *= 2, t += 1000) {
		for (int i = 0; i < 3; i++)
			assert_int_equal(store_throttle_fail(s, "email:a", t + i, &pol, &until, &err), 0);
		assert_int_equal(until, t + 2 + (want > 300 ? 300 : want));
	}
	/* failures spread wider than the window never lock */
	for (int i = 0; i < 10; i++) {
		assert_int_equal(store_throttle_fail(s, "email:c", 10000 + i * 601, &pol, &until, &err), 0);
		assert_int_equal(until, 0);
	}
	/* a day's quiet forgets the lockouts */
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_throttle_fail(s, "email:a", 200000 + i, &pol, &until, &err), 0);
	assert_int_equal(until, 200002 + 60);
	assert_int_equal(store_throttle_clear(s, "email:a", &err), 0);
	assert_int_equal(store_throttle_check(s, "email:a", &until, &err), 0);
	assert_int_equal(until, 0);
	strbuf_release(&err);
}

/* Runs sql on the store's connection: 0, or -1 (db_error_kind, db_errmsg tell why). */
static int
run_sql(struct store *s, const char *sql)
{
	struct strbuf err = STRBUF_INIT;
	int r = db_exec(s->db, sql, "test", &err);

	strbuf_release(&err);
	return r;
}

/* The integer sql gives, on the store's connection. */
static int64_t
sql_int(struct store *s, const char *sql)
{
	struct strbuf err = STRBUF_INIT;
	struct db_stmt *st;
	int64_t n = -1;

	if ((st = db_prepare(s->db, sql, &err)) == NULL)
		fail_msg("%s: %s", sql, err.buf);
	if (db_step(st) == DB_ROW)
		n = db_column_int64(st, 0);
	db_finalize(st);
	strbuf_release(&err);
	return n;
}

/* The number of rows of login_attempts. */
static int
attempt_rows(struct store *s)
{
	return (int)sql_int(s, "SELECT count(*) FROM login_attempts");
}

/*
 * Counting a failure deletes the rows that count for nothing any more: a
 * window begun more than forget + max_delay ago (its lockout over too);
 * the others stay, and what is left answers as before.
 */
static void
test_throttle_expiry(void **state)
{
	static const struct store_throttle_policy pol = { 3, 600, 60, 300, 86400 };
	struct store *s = *state;
	struct strbuf err = STRBUF_INIT;
	int64_t until, now = 100000 + 86400 + 300;

	/* a locked-out key, its window begun at 100000 */
	for (int i = 0; i < 3; i++)
		assert_int_equal(store_throttle_fail(s, "addr:old", 99998 + i, &pol, &until, &err), 0);
	assert_int_equal(until, 100000 + 60);
	assert_int_equal(store_throttle_fail(s, "addr:edge", 100000, &pol, &until, &err), 0);
	assert_int_equal(store_throttle_fail(s, "addr:newer", 150000, &pol, &until, &err), 0);
	assert_int_equal(attempt_rows(s), 3);
	/* at now, a window begun at 100000 is at the edge: kept */
	assert_int_equal(store_throttle_fail(s, "email:x", now, &pol, &until, &err), 0);
	assert_int_equal(attempt_rows(s), 4);
	/* a second later both rows of 100000 go; the newer one and email:x stay */
	assert_int_equal(store_throttle_fail(s, "email:x", now + 1, &pol, &until, &err), 0);
	assert_int_equal(attempt_rows(s), 2);
	assert_int_equal(store_throttle_check(s, "addr:old", &until, &err), 0);
	assert_int_equal(until, 0);
	assert_int_equal(store_throttle_check(s, "addr:newer", &until, &err), 0);
	assert_int_equal(until, 0);
	/* a key gone starts afresh: its first failure locks nothing */
	assert_int_equal(store_throttle_fail(s, "addr:old", now + 2, &pol, &until, &err), 0);
	assert_int_equal(until, 0);
	strbuf_release(&err);
}

/* Reads one text column of one row (NULL: none, or a NULL value); free it. */
static char *
one_text(struct store *s, const char *sql)
{
	struct strbuf err = STRBUF_INIT;
	struct db_stmt *st;
	char *v = NULL;

	if ((st = db_prepare(s->db, sql, &err)) == NULL)
		fail_msg("%s: %s", sql, err.buf);
	if (db_step(st) == DB_ROW && !db_column_null(st, 0))
		v = strdup(db_column_text(st, 0));
	db_finalize(st);
	strbuf_release(&err);
	return v;
}

/*
 * Accounts per program (migration 14): a role in a program, replaced by
 * another there; one role per program; refusals; the audit log's program
 * (the only program's when the entry names none, none with several).
 */
static void
test_roles_per_program(void **state)
{
	struct store *s = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_slugs rows = { NULL, 0, 0 };
	struct store_audits log = { NULL, 0, 0 };
	enum store_role role;
	char *ini, *v;
	int more;

	assert_int_equal(run_sql(s,
	    "INSERT INTO program (slug, name, funder, start_date, end_date)"
	    " VALUES ('pa', 'A', 'F', '2020-01-01', '2020-12-31');"
	    "INSERT INTO users (email, role, password_hash, created) VALUES ('u@x.org', 'admin', 'h', 1)"),
	    0);
	/* one program: an entry that names none is of it */
	assert_int_equal(store_audit_add(s, "cli", "create", "users", NULL, "u@x.org", NULL, NULL, 5,
	    &err), 0);
	v = one_text(s, "SELECT program FROM audit_log ORDER BY id DESC LIMIT 1");
	assert_non_null(v);
	assert_string_equal(v, "pa");
	free(v);
	assert_int_equal(run_sql(s,
	    "INSERT INTO program (slug, name, funder, start_date, end_date)"
	    " VALUES ('pb', 'B', 'F', '2020-01-01', '2020-12-31')"), 0);
	/* several: none, unless named */
	assert_int_equal(store_audit_add(s, "cli", "create", "users", NULL, "x", NULL, NULL, 6, &err), 0);
	assert_null(one_text(s, "SELECT program FROM audit_log ORDER BY id DESC LIMIT 1"));
	assert_int_equal(store_audit_add_in(s, "pb", "cli", "create", "users", NULL, "y", NULL, NULL, 7,
	    &err), 0);
	assert_int_equal(store_audit_list_in(s, "pb", NULL, 0, 10, &log, &more, &err), 0);
	assert_int_equal(log.n, 1);
	assert_string_equal(log.v[0].record, "y");
	store_audits_release(&log);
	assert_int_equal(store_audit_list_in(s, "pa", NULL, 0, 10, &log, &more, &err), 0);
	assert_int_equal(log.n, 1);
	assert_string_equal(log.v[0].record, "u@x.org");
	store_audits_release(&log);
	assert_int_equal(store_audit_list(s, NULL, 0, 10, &log, &more, &err), 0);
	assert_int_equal(log.n, 3);
	store_audits_release(&log);

	/* none yet; then an evaluator of pb, replaced by the admin of pb */
	assert_int_equal(store_user_role_in(s, 1, "pb", &role, &ini, &err), 1);
	assert_int_equal(store_user_role_set(s, 1, "pb", STORE_ROLE_EVALUATOR, NULL, NULL, &err), 0);
	assert_int_equal(store_user_role_in(s, 1, "pb", &role, &ini, &err), 0);
	assert_int_equal(role, STORE_ROLE_EVALUATOR);
	assert_null(ini);
	assert_int_equal(store_user_role_set(s, 1, "pb", STORE_ROLE_ADMIN, NULL, NULL, &err), 0);
	assert_int_equal(store_user_role_in(s, 1, "pb", &role, &ini, &err), 0);
	assert_int_equal(role, STORE_ROLE_ADMIN);
	assert_int_equal(store_user_role_in(s, 1, "pa", &role, &ini, &err), 1);
	/* refused: no program, a member without an initiative, an initiative not there */
	assert_int_equal(store_user_role_set(s, 1, "nope", STORE_ROLE_EVALUATOR, NULL, NULL, &err), 1);
	assert_string_equal(err.buf, "no program 'nope'");
	assert_int_equal(store_user_role_set(s, 1, "pa", STORE_ROLE_MEMBER, NULL, NULL, &err), 1);
	assert_string_equal(err.buf, "a member needs an initiative");
	assert_int_equal(store_user_role_set(s, 1, "pa", STORE_ROLE_VIEWER, "i-x", NULL, &err), 1);
	assert_string_equal(err.buf, "program 'pa' has no initiative 'i-x'");
	assert_int_equal(store_user_roles(s, &rows, &err), 0);
	assert_int_equal(rows.n, 4);
	assert_string_equal(rows.v[0], "u@x.org");
	assert_string_equal(rows.v[1], "pb");
	assert_string_equal(rows.v[2], "admin");
	assert_null(rows.v[3]);
	store_slugs_release(&rows);
	strbuf_release(&err);
}

/* The schema refuses what the rules refuse, whoever writes. */
static void
test_user_checks(void **state)
{
	struct store *s = *state;

	static const unsigned char short_hash[1] = { 0 };
	struct strbuf err = STRBUF_INIT;
	struct db_stmt *st;

	assert_int_equal(run_sql(s, "INSERT INTO users (email, role, password_hash, created)"
	    " VALUES ('a@x.org', 'admin', 'h', 1)"), 0);
	/* an address in lower case only (a CHECK), and once: the unique key, as each backend words it */
	assert_int_equal(run_sql(s, "INSERT INTO users (email, role, password_hash, created)"
	    " VALUES ('A@x.org', 'admin', 'h', 1)"), -1);
	assert_int_equal(db_error_kind(s->db), DB_ERR_CONSTRAINT);
	assert_int_equal(run_sql(s, "INSERT INTO users (email, role, password_hash, created)"
	    " VALUES ('a@x.org', 'admin', 'h2', 2)"), -1);
	assert_int_equal(db_error_kind(s->db), DB_ERR_UNIQUE);
	assert_non_null(strstr(db_errmsg(s->db), fixture_on_pg() ?
	    "duplicate key value violates unique constraint \"users_email_key\"" :
	    "UNIQUE constraint failed: users.email"));
	/* roles the schema's CHECK refuses */
	assert_int_equal(run_sql(s, "INSERT INTO users (email, role, password_hash, created)"
	    " VALUES ('m@x.org', 'member', 'h', 1)"), -1);
	assert_int_equal(db_error_kind(s->db), DB_ERR_CONSTRAINT);
	assert_int_equal(run_sql(s, "INSERT INTO users (email, role, password_hash, created)"
	    " VALUES ('e@x.org', 'evaluator', 'h', 1)"), -1);
	assert_int_equal(db_error_kind(s->db), DB_ERR_CONSTRAINT);
	assert_int_equal(run_sql(s, "INSERT INTO users (email, role, password_hash, created)"
	    " VALUES ('r@x.org', 'root', 'h', 1)"), -1);
	assert_int_equal(db_error_kind(s->db), DB_ERR_CONSTRAINT);
	/* a session's token hash is 32 bytes (bound: a blob literal is not portable) */
	st = db_prepare(s->db, "INSERT INTO sessions (token_hash, user_id, csrf, created, last_seen)"
	    " VALUES (?1, 1, 'c', 1, 1)", &err);
	assert_non_null(st);
	db_bind_blob(st, 1, short_hash, sizeof(short_hash));
	assert_int_equal(db_step(st), DB_ERROR);
	assert_int_equal(db_error_kind(s->db), DB_ERR_CONSTRAINT);
	db_finalize(st);
	assert_int_equal(sql_int(s, "SELECT count(*) FROM users"), 1);
	assert_int_equal(sql_int(s, "SELECT count(*) FROM sessions"), 0);
	strbuf_release(&err);
	assert_int_equal(store_role_parse("viewer"), STORE_ROLE_VIEWER);
	assert_int_equal(store_role_parse("Viewer"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_audit_log, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_throttle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_throttle_expiry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_user_checks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roles_per_program, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
