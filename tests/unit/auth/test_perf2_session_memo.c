/*
 * auth_session_check_at: sessions answered from memory while the data's
 * version stands, and read again — so ended at once — when anything that
 * could end them is written, by this connection or another (another
 * process, another server).
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
#include <sqlite3.h>

#include "auth/auth.h"
#include "store/accounts.h"
#include "store/store.h"
#include "util/strbuf.h"

#define T0	1700000000
#define PW	"correct horse battery"

static char tmpdir[64];
static char dbpath[128];

struct two {
	struct store *a, *b;	/* two connections: b stands for another process */
	int64_t uid;
};

static struct store *
open_db(void)
{
	struct store *s = NULL;
	struct strbuf err = STRBUF_INIT;

	if (store_open(dbpath, 1, &s, &err) != 0)
		fail_msg("store_open: %s", err.buf);
	strbuf_release(&err);
	return s;
}

static int
setup(void **state)
{
	static struct two t;
	struct strbuf err = STRBUF_INIT;
	struct store_user u;

	snprintf(tmpdir, sizeof(tmpdir), "/tmp/trellis-memo-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(dbpath, sizeof(dbpath), "%s/t.db", tmpdir);
	auth_set_pwhash_limits(crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
	auth_set_hash_slots(0);
	t.a = open_db();
	t.b = open_db();
	if (auth_user_add(t.a, "a@x.org", STORE_ROLE_ADMIN, NULL, NULL, PW, T0, NULL, NULL, &err) != AUTH_OK)
		fail_msg("auth_user_add: %s", err.buf);
	store_user_init(&u);
	assert_int_equal(store_user_get(t.a, "a@x.org", &u, &err), 0);
	t.uid = u.id;
	store_user_release(&u);
	strbuf_release(&err);
	*state = &t;
	return 0;
}

static int
teardown(void **state)
{
	struct two *t = *state;
	char cmd[128];

	store_close(t->a);
	store_close(t->b);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static int64_t
version(struct store *s)
{
	struct strbuf err = STRBUF_INIT;
	struct store_versions v;

	if (store_versions(s, NULL, &v, &err))
		fail_msg("store_versions: %s", err.buf);
	strbuf_release(&err);
	return v.data;
}

static enum auth_result
check_at(struct store *s, const char *token, int64_t now, int64_t v)
{
	struct strbuf err = STRBUF_INIT;
	struct auth_session sess;
	struct store_user u;
	enum auth_result rc;

	store_user_init(&u);
	rc = auth_session_check_at(s, token, now, v, &sess, &u, &err);
	if (rc == AUTH_OK) {
		assert_int_equal(sess.user_id, u.id);
		assert_string_equal(u.email, "a@x.org");
		assert_null(u.password_hash);
	}
	store_user_release(&u);
	strbuf_release(&err);
	return rc;
}

static void
new_session(struct store *s, int64_t uid, int64_t now, char token[AUTH_TOKEN_CHARS + 1])
{
	struct strbuf err = STRBUF_INIT;
	struct auth_session sess;

	if (auth_session_create(s, uid, now, token, &sess, &err) != AUTH_OK)
		fail_msg("auth_session_create: %s", err.buf);
	strbuf_release(&err);
}

/* Deletes every session row behind the store's back: no version moves. */
static void
raw_delete_sessions(void)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM sessions", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* At the same version, the second answer comes from memory, not the row. */
static void
test_same_version_from_memory(void **state)
{
	struct two *t = *state;
	char tok[AUTH_TOKEN_CHARS + 1];
	int64_t v;

	new_session(t->a, t->uid, T0, tok);
	v = version(t->a);
	assert_int_equal(check_at(t->a, tok, T0 + 1, v), AUTH_OK);
	raw_delete_sessions();
	assert_int_equal(version(t->a), v);
	assert_int_equal(check_at(t->a, tok, T0 + 2, v), AUTH_OK);
	/* without a version, and once a touch is due, the row is read: gone */
	assert_int_equal(check_at(t->a, tok, T0 + 2, -1), AUTH_DENIED);
	assert_int_equal(check_at(t->a, tok, T0 + AUTH_SESSION_TOUCH + 1, v), AUTH_DENIED);
}

/* Signed out by another process: its write moves the version; denied at once. */
static void
test_signout_elsewhere(void **state)
{
	struct two *t = *state;
	char tok[AUTH_TOKEN_CHARS + 1];
	unsigned char h[STORE_TOKEN_HASH_LEN];
	struct strbuf err = STRBUF_INIT;
	int64_t v;

	new_session(t->a, t->uid, T0, tok);
	v = version(t->a);
	assert_int_equal(check_at(t->a, tok, T0 + 1, v), AUTH_OK);
	assert_int_equal(check_at(t->a, tok, T0 + 2, v), AUTH_OK);
	crypto_hash_sha256(h, (const unsigned char *)tok, strlen(tok));
	assert_int_equal(store_session_delete_hash(t->b, h, &err), 0);
	assert_true(version(t->a) > v);
	assert_int_equal(check_at(t->a, tok, T0 + 3, version(t->a)), AUTH_DENIED);
	strbuf_release(&err);
}

/* Signed out in this process: forgotten here even at the same version. */
static void
test_signout_here(void **state)
{
	struct two *t = *state;
	char tok[AUTH_TOKEN_CHARS + 1];
	struct strbuf err = STRBUF_INIT;
	int64_t v;

	new_session(t->a, t->uid, T0, tok);
	v = version(t->a);
	assert_int_equal(check_at(t->a, tok, T0 + 1, v), AUTH_OK);
	assert_int_equal(auth_session_destroy(t->a, tok, &err), AUTH_OK);
	assert_int_equal(check_at(t->a, tok, T0 + 2, v), AUTH_DENIED);
	strbuf_release(&err);
}

/* The user disabled by another process: denied at once. */
static void
test_disabled_elsewhere(void **state)
{
	struct two *t = *state;
	char tok[AUTH_TOKEN_CHARS + 1];
	struct strbuf err = STRBUF_INIT;
	int64_t v;

	new_session(t->a, t->uid, T0, tok);
	v = version(t->a);
	assert_int_equal(check_at(t->a, tok, T0 + 1, v), AUTH_OK);
	assert_int_equal(store_user_set_disabled(t->b, t->uid, T0 + 2, NULL, &err), 0);
	assert_true(version(t->a) > v);
	assert_int_equal(check_at(t->a, tok, T0 + 3, version(t->a)), AUTH_DENIED);
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_same_version_from_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_signout_elsewhere, setup, teardown),
		cmocka_unit_test_setup_teardown(test_signout_here, setup, teardown),
		cmocka_unit_test_setup_teardown(test_disabled_elsewhere, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
