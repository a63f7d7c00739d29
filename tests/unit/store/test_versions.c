/*
 * The data's versions (store_versions; schema.c, migration 4): a change of
 * one initiative's records moves that initiative's version and no other's,
 * a change beyond one initiative moves the catalog's, accounts move
 * neither, a survey answer moves its initiative's, and a write that
 * changes no row moves nothing. The web server's caches stand on this.
 * On PostgreSQL each such move is also told to listeners (LISTEN/NOTIFY).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../fixture_db.h"
#include "app/edit.h"
#include "app/write.h"
#include "model/demo.h"
#include "model/fields.h"
#include "model/validate.h"
#include "store/accounts.h"
#include "store/store.h"
#include "util/strbuf.h"
#include "util/banned.h"

static struct store_versions
versions(struct store *s, const char *initiative)
{
	struct store_versions v;
	struct strbuf err = STRBUF_INIT;

	memset(&v, 0, sizeof(v));
	assert_int_equal(store_versions(s, initiative, &v, &err), 0);
	strbuf_release(&err);
	return v;
}

static void
test_versions(void **state)
{
	struct program p;
	struct model_error e;
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;
	struct app_write w;
	struct app_change c = APP_CHANGE_INIT;
	struct store_versions a0, b0, a1, b1, v;
	struct store_user u;
	const char *a, *b;

	(void)state;
	program_init(&p);
	demo_build(&p, 1);
	assert_int_equal(model_validate(&p, &e), 0);
	assert_int_equal(fixture_db_create(&p, &s), 0);
	a = p.initiatives.v[0].slug;
	b = p.initiatives.v[1].slug;
	a0 = versions(s, a);
	b0 = versions(s, b);
	/* the program's first save is beyond any one initiative */
	assert_true(a0.data > 0);
	assert_int_equal(a0.catalog, a0.data);

	/* a decision of a deleted through the write path: a's version moves, b's and the catalog's do not */
	assert_int_equal(app_write_begin(&w, s, p.slug, a, &err), 0);
	memset(&e, 0, sizeof(e));
	assert_int_equal(app_delete(s, &w.p, w.in, &kind_decision, 0, "test", &c, &e, &err), APP_OK);
	assert_int_equal(app_write_commit(&w, &err), 0);
	app_write_end(&w);
	a1 = versions(s, a);
	b1 = versions(s, b);
	assert_int_equal(a1.data, a0.data + 1);
	assert_int_equal(a1.initiative, a1.data);
	assert_int_equal(a1.catalog, a0.catalog);
	assert_int_equal(b1.initiative, b0.initiative);

	/* a write given up moves nothing */
	assert_int_equal(app_write_begin(&w, s, p.slug, b, &err), 0);
	app_write_end(&w);
	v = versions(s, b);
	assert_int_equal(v.data, a1.data);
	assert_int_equal(v.initiative, b0.initiative);

	/* a setting is beyond any one initiative: the catalog moves */
	assert_int_equal(store_setting_set(s, p.slug, "dominance.backbone_alone_share", "0.6", NULL,
	    &err), 0);
	v = versions(s, a);
	assert_int_equal(v.data, a1.data + 1);
	assert_int_equal(v.catalog, v.data);
	assert_int_equal(v.initiative, a1.initiative);

	/* an account is no program data: the data moves, the catalog does not */
	store_user_init(&u);
	u.email = "someone@example.org";
	u.role = STORE_ROLE_ADMIN;
	u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
	u.created = 1;
	assert_int_equal(store_user_add(s, &u, NULL, &err), 0);
	b1 = versions(s, a);
	assert_int_equal(b1.data, v.data + 1);
	assert_int_equal(b1.catalog, v.catalog);

	app_change_release(&c);
	strbuf_release(&err);
	store_close(s);
	program_release(&p);
	assert_int_equal(fixture_db_remove(), 0);
}

/* The changes told to a listener (store_changes_wait), one line each. */
static void
heard(void *arg, const char *what)
{
	strbuf_addf(arg, "%s\n", what);
}

/* Waits (at most 5 s) for the notifications in flight; the lines heard in out. */
static void
listen_all(struct store *l, struct strbuf *out)
{
	struct strbuf err = STRBUF_INIT;
	int n;

	/* a quiet wait after news ends it; with no news, 0.4 s of quiet does */
	for (int i = 0; i < 50; i++) {
		n = store_changes_wait(l, 100, heard, out, &err);
		assert_int_not_equal(n, -1);
		if (n == 0 && (out->len || i >= 3))
			break;
	}
	strbuf_release(&err);
}

/*
 * Several servers (docs/postgresql.md): a write that moves an
 * initiative's version tells "initiative N PROGRAM SLUG" at its commit, a
 * change beyond one initiative "catalog N", N the data version it set; a
 * write given up, and an account, tell nothing. SQLite: nothing to listen to.
 */
static void
test_notifications(void **state)
{
	struct program p;
	struct model_error e;
	struct store *s = NULL, *l = NULL;
	struct strbuf err = STRBUF_INIT, got = STRBUF_INIT, want = STRBUF_INIT;
	struct app_write w;
	struct app_change c = APP_CHANGE_INIT;
	struct store_versions v;
	struct store_user u;
	const char *a;
	int rc;

	(void)state;
	program_init(&p);
	demo_build(&p, 1);
	assert_int_equal(model_validate(&p, &e), 0);
	assert_int_equal(fixture_db_create(&p, &s), 0);
	a = p.initiatives.v[0].slug;
	assert_int_equal(store_open(fixture_db, 0, &l, &err), 0);
	rc = store_listen(l, &err);
	if (getenv("TRELLIS_TEST_PG") == NULL) {
		assert_int_equal(rc, 1);	/* SQLite tells nothing */
		goto out;
	}
	assert_int_equal(rc, 0);

	/* one initiative's record deleted: that initiative, at the new data version */
	assert_int_equal(app_write_begin(&w, s, p.slug, a, &err), 0);
	assert_int_equal(app_delete(s, &w.p, w.in, &kind_decision, 0, "test", &c, &e, &err), APP_OK);
	assert_int_equal(app_write_commit(&w, &err), 0);
	app_write_end(&w);
	v = versions(s, a);
	listen_all(l, &got);
	strbuf_addf(&want, "initiative %lld %s %s\n", (long long)v.data, p.slug, a);
	assert_string_equal(got.buf, want.buf);

	/* given up: nothing; an account: nothing (no copy depends on it) */
	assert_int_equal(app_write_begin(&w, s, p.slug, a, &err), 0);
	assert_int_equal(app_delete(s, &w.p, w.in, &kind_decision, 0, "test", &c, &e, &err), APP_OK);
	app_write_end(&w);
	store_user_init(&u);
	u.email = "someone@example.org";
	u.role = STORE_ROLE_ADMIN;
	u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
	u.created = 1;
	assert_int_equal(store_user_add(s, &u, NULL, &err), 0);
	strbuf_reset(&got);
	listen_all(l, &got);
	assert_string_equal(got.buf, "");

	/* a setting: the catalog */
	assert_int_equal(store_setting_set(s, p.slug, "dominance.backbone_alone_share", "0.6", NULL,
	    &err), 0);
	v = versions(s, a);
	strbuf_reset(&got);
	strbuf_reset(&want);
	listen_all(l, &got);
	strbuf_addf(&want, "catalog %lld\n", (long long)v.data);
	assert_string_equal(got.buf, want.buf);
out:
	app_change_release(&c);
	strbuf_release(&err);
	strbuf_release(&got);
	strbuf_release(&want);
	store_close(l);
	store_close(s);
	program_release(&p);
	assert_int_equal(fixture_db_remove(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_notifications),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
