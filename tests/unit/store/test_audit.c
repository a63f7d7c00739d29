/*
 * Unit tests for the audit log entry passed to a write (store.h,
 * store_write_commit and the writes that take one): the entry is written
 * in the write's own transaction, so the change and its entry are kept
 * together or neither is; a write refused or rolled back leaves none, a
 * write given none writes none, and an anonymous survey answer never
 * leaves one.
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

#include <sodium.h>

#include "io/json.h"
#include "model/fields.h"
#include "model/validate.h"
#include "store/accounts.h"
#include "store/store_impl.h"
#include "store/survey_rounds.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#include "../io/fixture_small.h"
#include "../fixture_db.h"

struct fx {
	struct store *s;
	struct program p;
};

/* The small fixture, with an open round "open1" of director-support in i1. */
static int
setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof(*fx));
	struct model_error e;
	struct survey *sv;

	if (sodium_init() < 0)
		return -1;
	program_init(&fx->p);
	if (json_read_program("small.json", fixture_small, sizeof(fixture_small) - 1,
	    &fx->p, &e) != 0)
		return -1;
	sv = VEC_PUSH(&fx->p.initiatives.v[0].surveys);
	sv->id = xstrdup("open1");
	sv->instrument.slug = xstrdup("director-support");
	sv->instrument.idx = REF_UNRESOLVED;
	if (date_parse("2016-01-04", &sv->opened) != 0)
		return -1;
	sv->closed = DATE_NONE;
	if (model_validate(&fx->p, &e) != 0) {
		fprintf(stderr, "fixture: %s\n", e.msg);
		return -1;
	}
	if (fixture_db_create(&fx->p, &fx->s) != 0)
		return -1;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *fx = *state;

	store_close(fx->s);
	program_release(&fx->p);
	free(fx);
	return fixture_db_remove();
}

/* Rows of the audit log. */
static int64_t
audit_rows(struct store *s)
{
	struct strbuf err = STRBUF_INIT;
	struct db_stmt *st = db_prepare(s->db, "SELECT count(*) FROM audit_log", &err);
	int64_t n;

	assert_non_null(st);
	assert_int_equal(db_step(st), DB_ROW);
	n = db_column_int64(st, 0);
	db_finalize(st);
	strbuf_release(&err);
	return n;
}

static void
exec_sql(struct store *s, const char *sql)
{
	struct strbuf err = STRBUF_INIT;

	if (db_exec(s->db, sql, "exec_sql", &err) != 0)
		fail_msg("%s: %s", sql, err.buf);
	strbuf_release(&err);
}

/* An entry as a form's change of an organization would make it. */
static void
entry(struct store_audit_entry *a, const char *action, const char *record)
{
	memset(a, 0, sizeof(*a));
	a->actor = "a@x.org";
	a->action = action;
	a->kind = "organizations";
	a->record = record;
	a->after = "{\"slug\": \"pz\"}";
	a->at = 1750000000;
}

/* Adds an organization pz to p in memory (rowid 0: the next save inserts it). */
static struct organization *
add_org(struct fx *fx)
{
	struct organization *o = VEC_PUSH(&fx->p.orgs);
	struct model_error e;

	o->slug = xstrdup("pz");
	o->name = xstrdup("Pz");
	assert_int_equal(model_validate(&fx->p, &e), 0);
	return o;
}

/* The entry is written with the change it is passed with, and only with it. */
static void
test_written_with_the_change(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_audits log = { NULL, 0, 0 };
	struct store_audit_entry a;
	struct organization *o;
	char rowid[24];
	int64_t last = -1;
	int more;

	/* no entry yet: the data's version is 0 (store_audit_last) */
	assert_int_equal(store_audit_last(fx->s, &last, &err), 0);
	assert_int_equal(last, 0);
	o = add_org(fx);
	entry(&a, "create", NULL);
	a.rowid = &o->rowid;		/* no key: the rowid the insert gives it */
	assert_int_equal(store_write_begin(fx->s, &err), 0);
	assert_int_equal(store_program_save(fx->s, &fx->p, NULL, &err), 0);
	assert_int_equal(audit_rows(fx->s), 0);		/* not before the commit */
	assert_int_equal(store_write_commit(fx->s, &a, &err), 0);
	assert_true(fx->p.orgs.v[fx->p.orgs.n - 1].rowid > 0);
	assert_int_equal(store_audit_list(fx->s, NULL, 0, 10, &log, &more, &err), 0);
	assert_int_equal(log.n, 1);
	assert_string_equal(log.v[0].actor, "a@x.org");
	assert_string_equal(log.v[0].action, "create");
	assert_string_equal(log.v[0].kind, "organizations");
	snprintf(rowid, sizeof(rowid), "%lld", (long long)fx->p.orgs.v[fx->p.orgs.n - 1].rowid);
	assert_string_equal(log.v[0].record, rowid);
	assert_null(log.v[0].before);
	assert_string_equal(log.v[0].after, "{\"slug\": \"pz\"}");
	assert_int_equal(log.v[0].at, 1750000000);
	assert_int_equal(store_audit_last(fx->s, &last, &err), 0);
	assert_int_equal(last, log.v[0].id);
	assert_true(last > 0);

	/* a write given no entry writes none; one given an entry writes it */
	assert_int_equal(store_setting_set(fx->s, "p1", "dominance.share", "0.6", NULL, &err), 0);
	assert_int_equal(audit_rows(fx->s), 1);
	entry(&a, "update", "dominance.share");
	a.kind = "settings";
	assert_int_equal(store_setting_set(fx->s, "p1", "dominance.share", "0.7", &a, &err), 0);
	assert_int_equal(audit_rows(fx->s), 2);
	store_audits_release(&log);
	strbuf_release(&err);
}

/* When the entry cannot be written, the change is rolled back with it. */
static void
test_refused_entry_undoes_the_change(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_audit_entry a;
	struct program q;
	char *value = NULL;

	if (db_backend(fx->s->db) == DB_SQLITE)
		exec_sql(fx->s, "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
		    "BEGIN SELECT RAISE(ABORT, 'the audit log refuses'); END;");
	else
		exec_sql(fx->s, "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql "
		    "AS $$BEGIN RAISE EXCEPTION 'the audit log refuses'; END$$; "
		    "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
		    "FOR EACH ROW EXECUTE FUNCTION refuse_audit();");
	add_org(fx);
	entry(&a, "create", "pz");
	assert_int_equal(store_write_begin(fx->s, &err), 0);
	assert_int_equal(store_program_save(fx->s, &fx->p, NULL, &err), 0);
	assert_int_equal(store_write_commit(fx->s, &a, &err), -1);
	assert_non_null(strstr(err.buf, "the audit log refuses"));
	program_init(&q);
	assert_int_equal(store_program_load(fx->s, "p1", &q, &err), 0);
	assert_int_equal(q.orgs.n, fx->p.orgs.n - 1);			/* not stored */
	program_release(&q);

	/* a setting too */
	entry(&a, "update", "dominance.share");
	assert_int_equal(store_setting_set(fx->s, "p1", "dominance.share", "0.6", &a, &err), -1);
	assert_int_equal(store_setting_get(fx->s, "p1", "dominance.share", &value, &err), 1);
	assert_null(value);

	exec_sql(fx->s, db_backend(fx->s->db) == DB_SQLITE ? "DROP TRIGGER refuse_audit;" :
	    "DROP TRIGGER refuse_audit ON audit_log; DROP FUNCTION refuse_audit();");
	assert_int_equal(audit_rows(fx->s), 0);
	strbuf_release(&err);
}

/*
 * A write that fails leaves no entry, and so does an audited write inside
 * an outer one that rolls back; an unknown action fails the write; several
 * audited writes inside one outer write keep their entries in order.
 */
static void
test_nothing_outlives_its_write(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_audit_entry a, b;
	char *value = NULL;

	entry(&a, "update", "x");
	/* no program */
	assert_int_equal(store_setting_set(fx->s, "nope", "x", "1", &a, &err), -1);
	assert_int_equal(audit_rows(fx->s), 0);

	/* inside an outer write the entry waits for its end, and goes with it */
	assert_int_equal(store_write_begin(fx->s, &err), 0);
	assert_int_equal(store_setting_set(fx->s, "p1", "dominance.share", "0.6", &a, &err), 0);
	store_write_rollback(fx->s);
	assert_int_equal(audit_rows(fx->s), 0);
	assert_int_equal(store_setting_get(fx->s, "p1", "dominance.share", &value, &err), 1);

	entry(&a, "erase", "x");
	assert_int_equal(store_setting_set(fx->s, "p1", "dominance.share", "0.6", &a, &err), -1);
	assert_non_null(strstr(err.buf, "erase"));
	assert_int_equal(store_setting_get(fx->s, "p1", "dominance.share", &value, &err), 1);
	assert_int_equal(audit_rows(fx->s), 0);

	/* several entries for one write, in order */
	entry(&a, "update", "first");
	entry(&b, "update", "second");
	assert_int_equal(store_write_begin(fx->s, &err), 0);
	assert_int_equal(store_setting_set(fx->s, "p1", "dominance.share", "0.7", &a, &err), 0);
	assert_int_equal(store_setting_set(fx->s, "p1", "dominance.share", "0.8", &b, &err), 0);
	assert_int_equal(store_write_commit(fx->s, NULL, &err), 0);
	{
		struct store_audits log = { NULL, 0, 0 };
		int more;

		assert_int_equal(store_audit_list(fx->s, NULL, 0, 10, &log, &more, &err), 0);
		assert_int_equal(log.n, 2);
		assert_string_equal(log.v[0].record, "second");		/* newest first */
		assert_string_equal(log.v[1].record, "first");
		store_audits_release(&log);
	}
	strbuf_release(&err);
}

/* R12: an anonymous answer never writes an audit entry; making its link does. */
static void
test_anonymous_answer_leaves_none(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_audit_entry a;
	survey_token tok[1];
	struct answer ans[2] = { { "trusted", 4 }, { "supported", 5 } };
	const char *dir[1] = { "dir" };
	struct survey_links links = { NULL, 0, 0 };

	entry(&a, "create", "open1");
	a.kind = "survey-invitations";
	assert_int_equal(store_survey_invite(fx->s, "i1", "open1", dir, 1, NULL, &links, &a, &err), 0);
	assert_int_equal(audit_rows(fx->s), 1);
	memcpy(tok[0], links.v[0].token, sizeof(tok[0]));
	survey_links_release(&links);
	assert_int_equal(store_invitation_answer(fx->s, tok[0], ans, 2, &err), STORE_ANSWER_OK);
	assert_int_equal(audit_rows(fx->s), 1);
	strbuf_release(&err);
}

/* Removing a user is one transaction, so its entry goes with it or not at all. */
static void
test_user_remove_audited(void **state)
{
	struct fx *fx = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_audit_entry a;
	struct store_user u;

	store_user_init(&u);
	u.email = xstrdup("m@x.org");
	u.role = STORE_ROLE_ADMIN;
	u.password_hash = xstrdup("$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
	u.created = 1;
	assert_int_equal(store_user_add(fx->s, &u, NULL, &err), 0);
	entry(&a, "delete", "m@x.org");
	a.kind = "users";
	assert_int_equal(store_user_remove(fx->s, "nobody@x.org", &a, &err), 1);
	assert_int_equal(audit_rows(fx->s), 0);
	assert_int_equal(store_user_remove(fx->s, "m@x.org", &a, &err), 0);
	assert_int_equal(audit_rows(fx->s), 1);
	store_user_release(&u);
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_written_with_the_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_entry_undoes_the_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nothing_outlives_its_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_anonymous_answer_leaves_none, setup, teardown),
		cmocka_unit_test_setup_teardown(test_user_remove_audited, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
