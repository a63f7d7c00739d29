/*
 * Unit tests for src/auth/: password rules and hashing, sign-in with
 * throttling, the hashing slots under threads, rehash on new limits,
 * sessions against a fake clock, CSRF, cookies, bearer tokens, and that
 * only hashes of tokens reach the database file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>
#include <cmocka.h>

#include <sodium.h>
#include <sqlite3.h>

#include "auth/auth.h"
#include "store/store.h"
#include "io/json.h"
#include "model/validate.h"
#include "util/strbuf.h"

#include "../io/fixture_small.h"

#define T0	1700000000	/* the fake clock's start */
#define PW	"correct horse battery"
#define PW2	"another long password"

static char tmpdir[64];
static char dbpath[128];

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

/* A fresh database holding fixture_small (program p1, initiative i1). */
static int
setup(void **state)
{
	struct strbuf err = STRBUF_INIT;
	struct model_error e;
	struct program p;
	struct store *s;

	snprintf(tmpdir, sizeof(tmpdir), "/tmp/trellis-auth-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(dbpath, sizeof(dbpath), "%s/t.db", tmpdir);
	s = open_db();
	program_init(&p);
	if (json_read_program("fixture", fixture_small, sizeof(fixture_small) - 1, &p, &e) ||
	    model_validate(&p, &e) || store_program_save(s, &p, NULL, &err))
		fail_msg("cannot load the fixture: %s", err.buf);
	program_release(&p);
	store_close(s);
	strbuf_release(&err);
	/* fast hashes for the tests; one test checks the real limits */
	auth_set_pwhash_limits(crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
	auth_set_hash_slots(0);
	*state = open_db();
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
add_ok(struct store *s, const char *email, enum store_role role, const char *ini,
    const char *prog, const char *pw)
{
	struct strbuf err = STRBUF_INIT;

	if (auth_user_add(s, email, role, ini, prog, pw, T0, NULL, NULL, &err) != AUTH_OK)
		fail_msg("auth_user_add %s: %s", email, err.buf);
	strbuf_release(&err);
}

static enum auth_result
login(struct store *s, const char *email, const char *pw, const char *addr, int64_t now,
    int64_t *retry)
{
	struct strbuf err = STRBUF_INIT;
	struct store_user u;
	int64_t r;
	enum auth_result rc;

	store_user_init(&u);
	rc = auth_login(s, email, pw, addr, now, &u, retry ? retry : &r, &err);
	if (rc == AUTH_OK)
		assert_non_null(u.email);
	else
		assert_null(u.email);
	store_user_release(&u);
	strbuf_release(&err);
	return rc;
}

/* ---------------------------------------------------------------- passwords and users */

static void
test_password_lengths(void **state)
{
	struct store *s = *state;
	struct strbuf err = STRBUF_INIT;
	char pw[200];

	memset(pw, 'x', sizeof(pw));
	pw[11] = '\0';
	assert_int_equal(auth_password_policy(pw, &err), -1);
	assert_non_null(strstr(err.buf, "at least 12"));
	pw[11] = 'x', pw[12] = '\0';
	assert_int_equal(auth_password_policy(pw, &err), 0);
	pw[12] = 'x', pw[128] = '\0';
	assert_int_equal(auth_password_policy(pw, &err), 0);
	pw[128] = 'x', pw[129] = '\0';
	assert_int_equal(auth_password_policy(pw, &err), -1);
	assert_non_null(strstr(err.buf, "at most 128"));

	/* refused, not cut short: no user is stored */
	assert_int_equal(auth_user_add(s, "long@x.org", STORE_ROLE_ADMIN, NULL, NULL, pw, T0, NULL,
	    NULL, &err), AUTH_REFUSED);
	assert_int_equal(auth_user_add(s, "short@x.org", STORE_ROLE_ADMIN, NULL, NULL, "short",
	    T0, NULL, NULL, &err), AUTH_REFUSED);
	{
		struct store_user u;

		store_user_init(&u);
		assert_int_equal(store_user_get(s, "long@x.org", &u, &err), 1);
		assert_int_equal(store_user_get(s, "short@x.org", &u, &err), 1);
	}
	/* a 128-character password works, and its 127-character prefix does not */
	pw[128] = '\0';
	add_ok(s, "max@x.org", STORE_ROLE_ADMIN, NULL, NULL, pw);
	assert_int_equal(login(s, "max@x.org", pw, NULL, T0, NULL), AUTH_OK);
	pw[127] = '\0';
	assert_int_equal(login(s, "max@x.org", pw, NULL, T0, NULL), AUTH_DENIED);
	strbuf_release(&err);
}

static void
test_user_rules(void **state)
{
	struct store *s = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_users all = { NULL, 0, 0 };
	struct store_user u;

	store_user_init(&u);
	add_ok(s, "Ann@Example.ORG", STORE_ROLE_MEMBER, "i1", NULL, PW);
	assert_int_equal(store_user_get(s, "ann@example.org", &u, &err), 0);
	assert_string_equal(u.email, "ann@example.org");
	assert_int_equal(u.role, STORE_ROLE_MEMBER);
	assert_string_equal(u.initiative, "i1");
	assert_string_equal(u.program, "p1");
	assert_int_equal(u.created, T0);
	assert_int_equal(strncmp(u.password_hash, "$argon2id$", 10), 0);
	store_user_release(&u);

	assert_int_equal(auth_user_add(s, "ANN@example.org", STORE_ROLE_ADMIN, NULL, NULL, PW,
	    T0, NULL, NULL, &err), AUTH_REFUSED);
	assert_non_null(strstr(err.buf, "exists"));
	assert_int_equal(auth_user_add(s, "m@x.org", STORE_ROLE_MEMBER, NULL, NULL, PW, T0, NULL,
	    NULL, &err), AUTH_REFUSED);
	assert_int_equal(auth_user_add(s, "m@x.org", STORE_ROLE_VIEWER, "nope", NULL, PW, T0, NULL,
	    NULL, &err), AUTH_REFUSED);
	assert_non_null(strstr(err.buf, "no initiative 'nope'"));
	assert_int_equal(auth_user_add(s, "m@x.org", STORE_ROLE_ADMIN, "i1", NULL, PW, T0, NULL,
	    NULL, &err), AUTH_REFUSED);
	assert_int_equal(auth_user_add(s, "m@x.org", STORE_ROLE_EVALUATOR, NULL, "p9", PW, T0, NULL,
	    NULL, &err), AUTH_REFUSED);
	assert_int_equal(auth_user_add(s, "not-an-email", STORE_ROLE_ADMIN, NULL, NULL, PW, T0, NULL,
	    NULL, &err), AUTH_REFUSED);
	add_ok(s, "eve@x.org", STORE_ROLE_EVALUATOR, NULL, "p1", PW);
	add_ok(s, "adm@x.org", STORE_ROLE_ADMIN, NULL, NULL, PW);

	assert_int_equal(store_user_list(s, &all, &err), 0);
	assert_int_equal(all.n, 3);
	assert_string_equal(all.v[0].email, "adm@x.org");
	assert_null(all.v[0].program);
	assert_string_equal(all.v[1].email, "ann@example.org");
	assert_string_equal(all.v[2].program, "p1");
	store_users_release(&all);

	assert_int_equal(auth_user_remove(s, "ADM@x.org", NULL, &err), AUTH_OK);
	assert_int_equal(auth_user_remove(s, "adm@x.org", NULL, &err), AUTH_REFUSED);
	strbuf_release(&err);
}

/* ---------------------------------------------------------------- sign-in */

static void
test_login(void **state)
{
	struct store *s = *state;

	add_ok(s, "a@x.org", STORE_ROLE_ADMIN, NULL, NULL, PW);
	assert_int_equal(login(s, "A@X.org", PW, "10.0.0.1", T0, NULL), AUTH_OK);
	assert_int_equal(login(s, "a@x.org", PW2, "10.0.0.1", T0, NULL), AUTH_DENIED);
	assert_int_equal(login(s, "nobody@x.org", PW, "10.0.0.1", T0, NULL), AUTH_DENIED);
	assert_int_equal(login(s, "garbage", PW, "10.0.0.1", T0, NULL), AUTH_DENIED);
}

static void
test_throttle_account(void **state)
{
	struct store *s = *state;
	int64_t retry = 0;
	int i;

	add_ok(s, "a@x.org", STORE_ROLE_ADMIN, NULL, NULL, PW);
	add_ok(s, "b@x.org", STORE_ROLE_ADMIN, NULL, NULL, PW);
	for (i = 0; i < AUTH_THROTTLE_ACCOUNT_LIMIT; i++)
		assert_int_equal(login(s, "a@x.org", PW2, "10.0.0.1", T0 + i, NULL), AUTH_DENIED);
	/* locked: even the right password is refused, without a hash */
	auth_set_hash_slots(1);
	assert_int_equal(login(s, "a@x.org", PW, "10.0.0.1", T0 + 10, &retry), AUTH_THROTTLED);
	assert_int_equal(auth_hash_peak(), 0);
	assert_true(retry > 0 && retry <= AUTH_THROTTLE_BASE_DELAY);
	/* another account, from the same address, still signs in */
	assert_int_equal(login(s, "b@x.org", PW, "10.0.0.1", T0 + 11, NULL), AUTH_OK);
	/* an unknown email is throttled the same way (no hint that it does not exist) */
	for (i = 0; i < AUTH_THROTTLE_ACCOUNT_LIMIT; i++)
		login(s, "ghost@x.org", PW2, "10.0.0.2", T0 + i, NULL);
	assert_int_equal(login(s, "ghost@x.org", PW, "10.0.0.2", T0 + 10, NULL), AUTH_THROTTLED);

	/* after the delay, the next failures lock it for twice as long */
	int64_t t = T0 + 4 + AUTH_THROTTLE_BASE_DELAY;
	for (i = 0; i < AUTH_THROTTLE_ACCOUNT_LIMIT; i++)
		assert_int_equal(login(s, "a@x.org", PW2, "10.0.0.1", t + i, NULL), AUTH_DENIED);
	assert_int_equal(login(s, "a@x.org", PW, "10.0.0.1", t + 10, &retry), AUTH_THROTTLED);
	assert_true(retry > AUTH_THROTTLE_BASE_DELAY && retry <= 2 * AUTH_THROTTLE_BASE_DELAY);
	/* a success after the lockout clears the count */
	t += 4 + 2 * AUTH_THROTTLE_BASE_DELAY;
	assert_int_equal(login(s, "a@x.org", PW, "10.0.0.1", t, NULL), AUTH_OK);
	for (i = 0; i < AUTH_THROTTLE_ACCOUNT_LIMIT - 1; i++)
		assert_int_equal(login(s, "a@x.org", PW2, "10.0.0.1", t + i, NULL), AUTH_DENIED);
	assert_int_equal(login(s, "a@x.org", PW, "10.0.0.1", t + 10, NULL), AUTH_OK);
	auth_set_hash_slots(0);
}

static void
test_throttle_address(void **state)
{
	struct store *s = *state;
	char email[64];

	add_ok(s, "a@x.org", STORE_ROLE_ADMIN, NULL, NULL, PW);
	/* one address trying many accounts, a few times each */
	for (int i = 0; i < AUTH_THROTTLE_ADDRESS_LIMIT; i++) {
		snprintf(email, sizeof(email), "u%d@x.org", i / 2);
		assert_int_equal(login(s, email, PW2, "192.0.2.9", T0 + i, NULL), AUTH_DENIED);
	}
	assert_int_equal(login(s, "a@x.org", PW, "192.0.2.9", T0 + 100, NULL), AUTH_THROTTLED);
	assert_int_equal(login(s, "a@x.org", PW, "192.0.2.10", T0 + 100, NULL), AUTH_OK);
}

/* ---------------------------------------------------------------- hashing slots */

struct hasher {
	pthread_barrier_t *start;
	enum auth_result rc;
};

static void *
hash_thread(void *arg)
{
	struct hasher *h = arg;
	struct strbuf err = STRBUF_INIT;
	char out[AUTH_HASH_MAX];

	pthread_barrier_wait(h->start);
	h->rc = auth_password_hash(PW, out, &err);
	strbuf_release(&err);
	return NULL;
}

static void
test_slots_under_threads(void **state)
{
	enum { NTHREADS = 16 };
	pthread_t th[NTHREADS];
	struct hasher h[NTHREADS];
	pthread_barrier_t start;
	int ok = 0, busy = 0, slots;

	(void)state;
	auth_set_hash_slots(0);
	slots = auth_hash_slots();
	assert_int_equal(slots, (int)sysconf(_SC_NPROCESSORS_ONLN));
	/* hashes long enough (4 MiB) to overlap */
	auth_set_pwhash_limits(1, 4u << 20);
	auth_set_hash_slots(2);
	pthread_barrier_init(&start, NULL, NTHREADS);
	for (int i = 0; i < NTHREADS; i++) {
		h[i].start = &start;
		assert_int_equal(pthread_create(&th[i], NULL, hash_thread, &h[i]), 0);
	}
	for (int i = 0; i < NTHREADS; i++) {
		pthread_join(th[i], NULL);
		ok += h[i].rc == AUTH_OK;
		busy += h[i].rc == AUTH_BUSY;
	}
	pthread_barrier_destroy(&start);
	assert_int_equal(ok + busy, NTHREADS);
	assert_true(ok >= 1);
	assert_true(auth_hash_peak() >= 1);
	assert_true(auth_hash_peak() <= 2);
	auth_set_hash_slots(0);
}

struct slow_login {
	struct store *s;
	enum auth_result rc;
};

static void *
slow_hash_thread(void *arg)
{
	struct slow_login *sl = arg;
	struct strbuf err = STRBUF_INIT;
	char out[AUTH_HASH_MAX];

	sl->rc = auth_password_hash(PW, out, &err);
	strbuf_release(&err);
	return NULL;
}

/* A sign-in while the only slot is taken answers busy at once. */
static void
test_login_busy(void **state)
{
	struct store *s = *state;
	struct slow_login sl = { s, AUTH_ERROR };
	pthread_t th;
	enum auth_result rc;

	add_ok(s, "a@x.org", STORE_ROLE_ADMIN, NULL, NULL, PW);
	auth_set_hash_slots(1);
	auth_set_pwhash_limits(4, 64u << 20);	/* a slow hash: ~0.2 s */
	assert_int_equal(pthread_create(&th, NULL, slow_hash_thread, &sl), 0);
	while (auth_hash_peak() == 0)
		usleep(100);
	rc = login(s, "a@x.org", PW, NULL, T0, NULL);
	pthread_join(th, NULL);
	assert_int_equal(sl.rc, AUTH_OK);
	assert_int_equal(rc, AUTH_BUSY);
	auth_set_hash_slots(0);
	auth_set_pwhash_limits(crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
	/* a busy answer is no failure: no throttling counted */
	assert_int_equal(login(s, "a@x.org", PW, NULL, T0, NULL), AUTH_OK);
}

/* ---------------------------------------------------------------- rehash */

static void
test_rehash(void **state)
{
	struct store *s = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_user u;
	char *before;

	store_user_init(&u);
	add_ok(s, "a@x.org", STORE_ROLE_ADMIN, NULL, NULL, PW);
	assert_int_equal(store_user_get(s, "a@x.org", &u, &err), 0);
	before = strdup(u.password_hash);
	store_user_release(&u);

	/* same limits: the hash stays */
	assert_int_equal(login(s, "a@x.org", PW, NULL, T0, NULL), AUTH_OK);
	assert_int_equal(store_user_get(s, "a@x.org", &u, &err), 0);
	assert_string_equal(u.password_hash, before);
	store_user_release(&u);

	/* the default limits (INTERACTIVE): rehashed at the next sign-in */
	auth_set_pwhash_limits(0, 0);
	assert_int_equal(login(s, "a@x.org", PW, NULL, T0, NULL), AUTH_OK);
	assert_int_equal(store_user_get(s, "a@x.org", &u, &err), 0);
	assert_string_not_equal(u.password_hash, before);
	assert_non_null(strstr(u.password_hash, "$m=65536,t=2,"));
	assert_int_equal(crypto_pwhash_str_needs_rehash(u.password_hash,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE), 0);
	assert_int_equal(crypto_pwhash_str_verify(u.password_hash, PW, strlen(PW)), 0);
	store_user_release(&u);
	/* and a wrong password does not rehash */
	assert_int_equal(login(s, "a@x.org", PW2, NULL, T0, NULL), AUTH_DENIED);
	auth_set_pwhash_limits(crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN);
	free(before);
	strbuf_release(&err);
}

/* ---------------------------------------------------------------- sessions */

static int64_t
user_id(struct store *s, const char *email)
{
	struct strbuf err = STRBUF_INIT;
	struct store_user u;
	int64_t id;

	store_user_init(&u);
	assert_int_equal(store_user_get(s, email, &u, &err), 0);
	id = u.id;
	store_user_release(&u);
	strbuf_release(&err);
	return id;
}

static enum auth_result
check(struct store *s, const char *token, int64_t now, struct auth_session *out)
{
	struct strbuf err = STRBUF_INIT;
	struct auth_session sess;
	struct store_user u;
	enum auth_result rc;

	store_user_init(&u);
	rc = auth_session_check(s, token, now, &sess, &u, &err);
	if (rc == AUTH_OK) {
		assert_int_equal(sess.user_id, u.id);
		if (out)
			*out = sess;
	}
	store_user_release(&u);
	strbuf_release(&err);
	return rc;
}

static void
new_session(struct store *s, int64_t uid, int64_t now, char token[AUTH_TOKEN_CHARS + 1],
    struct auth_session *sess)
{
	struct strbuf err = STRBUF_INIT;

	if (auth_session_create(s, uid, now, token, sess, &err) != AUTH_OK)
		fail_msg("auth_session_create: %s", err.buf);
	strbuf_release(&err);
}

static void
test_session_expiry(void **state)
{
	struct store *s = *state;
	char tok[AUTH_TOKEN_CHARS + 1], tok2[AUTH_TOKEN_CHARS + 1];
	struct auth_session sess, got;
	int64_t uid, t;

	add_ok(s, "a@x.org", STORE_ROLE_ADMIN, NULL, NULL, PW);
	uid = user_id(s, "a@x.org");
	new_session(s, uid, T0, tok, &sess);
	assert_int_equal(strlen(tok), AUTH_TOKEN_CHARS);
	assert_int_equal(strlen(sess.csrf), AUTH_TOKEN_CHARS);
	assert_string_not_equal(tok, sess.csrf);

	assert_int_equal(check(s, tok, T0 + 1, &got), AUTH_OK);
	assert_int_equal(got.id, sess.id);
	assert_string_equal(got.csrf, sess.csrf);
	/* idle: 30 minutes after the last request */
	assert_int_equal(check(s, tok, T0 + AUTH_SESSION_IDLE - 1, NULL), AUTH_OK);
	t = T0 + AUTH_SESSION_IDLE - 1;
	assert_int_equal(check(s, tok, t + AUTH_SESSION_IDLE - 1, NULL), AUTH_OK);
	t += AUTH_SESSION_IDLE - 1;
	assert_int_equal(check(s, tok, t + AUTH_SESSION_IDLE, NULL), AUTH_EXPIRED);
	/* and it is gone */
	assert_int_equal(check(s, tok, t + 1, NULL), AUTH_DENIED);

	/* absolute: 12 hours after creation, however active */
	new_session(s, uid, T0, tok2, NULL);
	for (t = T0; t < T0 + AUTH_SESSION_ABSOLUTE; t += 20 * 60)
		assert_int_equal(check(s, tok2, t, NULL), AUTH_OK);
	assert_int_equal(check(s, tok2, T0 + AUTH_SESSION_ABSOLUTE, NULL), AUTH_EXPIRED);

	/* malformed tokens */
	assert_int_equal(check(s, "", T0, NULL), AUTH_DENIED);
	assert_int_equal(check(s, NULL, T0, NULL), AUTH_DENIED);
	assert_int_equal(check(s, "short", T0, NULL), AUTH_DENIED);
}

/* auth_set_session_limits: short limits apply, a session in use every second stays alive, 0 restores. */
static void
test_session_limits(void **state)
{
	struct store *s = *state;
	char tok[AUTH_TOKEN_CHARS + 1], tok2[AUTH_TOKEN_CHARS + 1], tok3[AUTH_TOKEN_CHARS + 1];
	int64_t uid, t;

	add_ok(s, "a@x.org", STORE_ROLE_ADMIN, NULL, NULL, PW);
	uid = user_id(s, "a@x.org");
	auth_set_session_limits(3, 10);
	/* used every second: last_seen follows (a 60 s touch interval would let it lapse) */
	new_session(s, uid, T0, tok, NULL);
	for (t = T0 + 1; t < T0 + 10; t++)
		assert_int_equal(check(s, tok, t, NULL), AUTH_OK);
	/* absolute: 10 s after creation, however active */
	assert_int_equal(check(s, tok, T0 + 10, NULL), AUTH_EXPIRED);
	/* idle: 3 s unused */
	new_session(s, uid, T0, tok2, NULL);
	assert_int_equal(check(s, tok2, T0 + 2, NULL), AUTH_OK);
	assert_int_equal(check(s, tok2, T0 + 4, NULL), AUTH_OK);
	assert_int_equal(check(s, tok2, T0 + 7, NULL), AUTH_EXPIRED);
	assert_int_equal(check(s, tok2, T0 + 7, NULL), AUTH_DENIED);
	/* 0 restores the defaults */
	auth_set_session_limits(0, 0);
	new_session(s, uid, T0, tok3, NULL);
	assert_int_equal(check(s, tok3, T0 + AUTH_SESSION_IDLE - 1, NULL), AUTH_OK);
	assert_int_equal(check(s, tok3, T0 + AUTH_SESSION_IDLE - 1 + AUTH_SESSION_IDLE, NULL), AUTH_EXPIRED);
}

static void
test_session_destroy_and_rotation(void **state)
{
	struct store *s = *state;
	struct strbuf err = STRBUF_INIT;
	char a[AUTH_TOKEN_CHARS + 1], b[AUTH_TOKEN_CHARS + 1], c[AUTH_TOKEN_CHARS + 1];
	int64_t uid;

	add_ok(s, "m@x.org", STORE_ROLE_MEMBER, "i1", NULL, PW);
	uid = user_id(s, "m@x.org");
	new_session(s, uid, T0, a, NULL);
	new_session(s, uid, T0, b, NULL);
	assert_string_not_equal(a, b);
	assert_int_equal(auth_session_destroy(s, a, &err), AUTH_OK);
	assert_int_equal(check(s, a, T0 + 1, NULL), AUTH_DENIED);
	assert_int_equal(check(s, b, T0 + 1, NULL), AUTH_OK);

	/* a role change ends every session of the user */
	assert_int_equal(auth_user_set_role(s, "m@x.org", STORE_ROLE_VIEWER, "i1", NULL, NULL, &err),
	    AUTH_OK);
	assert_int_equal(check(s, b, T0 + 2, NULL), AUTH_DENIED);
	assert_int_equal(auth_user_set_role(s, "m@x.org", STORE_ROLE_ADMIN, "i1", NULL, NULL, &err),
	    AUTH_REFUSED);
	/* so does a password change */
	new_session(s, uid, T0, c, NULL);
	assert_int_equal(auth_user_set_password(s, "m@x.org", PW2, &err), AUTH_OK);
	assert_int_equal(check(s, c, T0 + 3, NULL), AUTH_DENIED);
	assert_int_equal(login(s, "m@x.org", PW, NULL, T0, NULL), AUTH_DENIED);
	assert_int_equal(login(s, "m@x.org", PW2, NULL, T0, NULL), AUTH_OK);
	/* a disabled user's sessions end */
	new_session(s, uid, T0, c, NULL);
	assert_int_equal(store_user_set_disabled(s, uid, T0, NULL, &err), 0);
	assert_int_equal(check(s, c, T0 + 4, NULL), AUTH_DENIED);
	assert_int_equal(login(s, "m@x.org", PW2, NULL, T0, NULL), AUTH_DENIED);
	assert_int_equal(store_user_set_disabled(s, uid, 0, NULL, &err), 0);
	/* and removal */
	new_session(s, uid, T0, c, NULL);
	assert_int_equal(auth_user_remove(s, "m@x.org", NULL, &err), AUTH_OK);
	assert_int_equal(check(s, c, T0 + 5, NULL), AUTH_DENIED);
	strbuf_release(&err);
}

static void
test_csrf_and_cookie(void **state)
{
	struct auth_session sess;
	struct strbuf sb = STRBUF_INIT;
	char other[AUTH_TOKEN_CHARS + 1];

	(void)state;
	memset(&sess, 0, sizeof(sess));
	memset(sess.csrf, 'a', AUTH_TOKEN_CHARS);
	memcpy(other, sess.csrf, sizeof(other));
	assert_int_equal(auth_csrf_check(&sess, other), 1);
	other[AUTH_TOKEN_CHARS - 1] = 'b';
	assert_int_equal(auth_csrf_check(&sess, other), 0);
	other[0] = 'b', other[AUTH_TOKEN_CHARS - 1] = 'a';
	assert_int_equal(auth_csrf_check(&sess, other), 0);
	assert_int_equal(auth_csrf_check(&sess, NULL), 0);
	assert_int_equal(auth_csrf_check(&sess, ""), 0);
	assert_int_equal(auth_csrf_check(&sess, "aaaa"), 0);
	other[0] = 'a';
	assert_int_equal(auth_csrf_check(NULL, other), 0);

	auth_cookie_set(&sb, "TOKEN", 0);
	assert_string_equal(sb.buf, "__Host-sid=TOKEN; Path=/; Secure; HttpOnly; SameSite=Lax");
	strbuf_reset(&sb);
	auth_cookie_set(&sb, "TOKEN", 1);
	assert_string_equal(sb.buf, "sid=TOKEN; Path=/; HttpOnly; SameSite=Lax");
	strbuf_reset(&sb);
	auth_cookie_clear(&sb, 0);
	assert_string_equal(sb.buf, "__Host-sid=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
	strbuf_release(&sb);
}

/* ---------------------------------------------------------------- bearer tokens */

static void
test_api_token(void **state)
{
	struct store *s = *state;
	struct strbuf err = STRBUF_INIT;
	struct store_tokens list = { NULL, 0, 0 };
	struct store_user u;
	char tok[AUTH_TOKEN_CHARS + 1];
	int64_t id;

	store_user_init(&u);
	add_ok(s, "v@x.org", STORE_ROLE_VIEWER, "i1", NULL, PW);
	assert_int_equal(auth_token_create(s, "nobody@x.org", NULL, T0, tok, &id, &err),
	    AUTH_REFUSED);
	assert_int_equal(auth_token_create(s, "V@x.org", "ci", T0, tok, &id, &err), AUTH_OK);
	assert_int_equal(strlen(tok), AUTH_TOKEN_CHARS);
	assert_int_equal(store_token_list(s, NULL, &list, &err), 0);
	assert_int_equal(list.n, 1);
	assert_int_equal(list.v[0].last_used, 0);
	store_tokens_release(&list);

	assert_int_equal(auth_token_check(s, tok, T0 + 50, &u, &err), AUTH_OK);
	assert_string_equal(u.email, "v@x.org");
	assert_string_equal(u.initiative, "i1");
	store_user_release(&u);
	assert_int_equal(store_token_list(s, "v@x.org", &list, &err), 0);
	assert_int_equal(list.v[0].last_used, T0 + 50);
	assert_string_equal(list.v[0].name, "ci");
	store_tokens_release(&list);

	tok[0] = tok[0] == 'A' ? 'B' : 'A';
	assert_int_equal(auth_token_check(s, tok, T0, &u, &err), AUTH_DENIED);
	assert_int_equal(auth_token_check(s, "x", T0, &u, &err), AUTH_DENIED);
	assert_int_equal(store_token_remove(s, id, &err), 0);
	assert_int_equal(store_token_remove(s, id, &err), 1);
	strbuf_release(&err);
}

/* Returns 1 when needle occurs in the file at path (absent files hold nothing). */
static int
file_contains(const char *path, const char *needle)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long n;
	int found;

	if (f == NULL)
		return 0;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc((size_t)n + 1);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	found = 0;
	for (long i = 0; !found && i + (long)strlen(needle) <= n; i++)
		found = memcmp(data + i, needle, strlen(needle)) == 0;
	free(data);
	return found;
}

static void
test_only_hashes_stored(void **state)
{
	struct store *s = *state;
	struct strbuf err = STRBUF_INIT;
	char sess_tok[AUTH_TOKEN_CHARS + 1], api_tok[AUTH_TOKEN_CHARS + 1];
	unsigned char want[crypto_hash_sha256_BYTES];
	char path[160];
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t id;

	add_ok(s, "a@x.org", STORE_ROLE_ADMIN, NULL, NULL, PW);
	new_session(s, user_id(s, "a@x.org"), T0, sess_tok, NULL);
	assert_int_equal(auth_token_create(s, "a@x.org", NULL, T0, api_tok, &id, &err), AUTH_OK);

	/* read the database with plain SQLite */
	assert_int_equal(sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT token_hash FROM sessions", -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	crypto_hash_sha256(want, (const unsigned char *)sess_tok, strlen(sess_tok));
	assert_int_equal(sqlite3_column_bytes(st, 0), sizeof(want));
	assert_memory_equal(sqlite3_column_blob(st, 0), want, sizeof(want));
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT token_hash FROM api_tokens", -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	crypto_hash_sha256(want, (const unsigned char *)api_tok, strlen(api_tok));
	assert_memory_equal(sqlite3_column_blob(st, 0), want, sizeof(want));
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT password_hash FROM users", -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(strncmp((const char *)sqlite3_column_text(st, 0), "$argon2id$", 10), 0);
	sqlite3_finalize(st);
	sqlite3_close(db);

	/* nowhere in the file or its WAL: not the tokens, not the password */
	assert_false(file_contains(dbpath, sess_tok));
	assert_false(file_contains(dbpath, api_tok));
	assert_false(file_contains(dbpath, PW));
	snprintf(path, sizeof(path), "%s-wal", dbpath);
	assert_false(file_contains(path, sess_tok));
	assert_false(file_contains(path, api_tok));
	assert_false(file_contains(path, PW));
	strbuf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_password_lengths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_user_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_login, setup, teardown),
		cmocka_unit_test_setup_teardown(test_throttle_account, setup, teardown),
		cmocka_unit_test_setup_teardown(test_throttle_address, setup, teardown),
		cmocka_unit_test_setup_teardown(test_slots_under_threads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_login_busy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rehash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_expiry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_destroy_and_rotation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_csrf_and_cookie, setup, teardown),
		cmocka_unit_test_setup_teardown(test_api_token, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_hashes_stored, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
