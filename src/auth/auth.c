/*
 * Accounts and their security rules (auth.h): argon2id password hashes
 * limited to one per core at once, sign-in with throttling, sessions,
 * CSRF tokens, bearer tokens and the session cookie.
 */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "auth.h"
#include "../app/write.h"
#include "../io/json.h"
#include "../store/accounts.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

_Static_assert(AUTH_HASH_MAX >= crypto_pwhash_STRBYTES, "argon2id strings fit");
_Static_assert(STORE_TOKEN_HASH_LEN == crypto_hash_sha256_BYTES, "token hashes are SHA-256");
_Static_assert(AUTH_TOKEN_CHARS + 1 ==
    sodium_base64_ENCODED_LEN(AUTH_TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
    "a token is 43 base64url characters");

/* ---------------------------------------------------------------- initialization */

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_status = -1;

/*
 * The hashing slots: a counting semaphore kept as a mutex and a count, so
 * that the peak can be measured (tests) and a full house answers at once.
 */
static pthread_mutex_t slot_lock = PTHREAD_MUTEX_INITIALIZER;
static int slot_max, slot_used, slot_peak;

/* The argon2id limits new hashes are made with. */
static unsigned long long pw_ops;
static size_t pw_mem;

/* The session limits auth_session_check applies (auth_set_session_limits). */
static int64_t session_idle = AUTH_SESSION_IDLE, session_absolute = AUTH_SESSION_ABSOLUTE;

/* A hash of a random password, for verifying sign-ins to unknown emails. */
static pthread_mutex_t dummy_lock = PTHREAD_MUTEX_INITIALIZER;
static char dummy_hash[AUTH_HASH_MAX];
static volatile int dummy_matches;

static int
cores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

static void
init_once_fn(void)
{
	if (sodium_init() < 0)
		return;
	pw_ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
	pw_mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	slot_max = cores();
	init_status = 0;
}

int
auth_init(void)
{
	pthread_once(&init_once, init_once_fn);
	return init_status;
}

/* auth_init, with the message every entry point gives when it fails. */
static int
ready(struct strbuf *err)
{
	if (auth_init() == 0)
		return 0;
	strbuf_reset(err);
	strbuf_addstr(err, _("cannot initialize libsodium"));
	return -1;
}

/* ---------------------------------------------------------------- hashing slots */

void
auth_set_hash_slots(int n)
{
	auth_init();
	pthread_mutex_lock(&slot_lock);
	slot_max = n > 0 ? n : cores();
	slot_peak = slot_used;
	pthread_mutex_unlock(&slot_lock);
}

int
auth_hash_slots(void)
{
	int n;

	auth_init();
	pthread_mutex_lock(&slot_lock);
	n = slot_max;
	pthread_mutex_unlock(&slot_lock);
	return n;
}

int
auth_hash_peak(void)
{
	int n;

	pthread_mutex_lock(&slot_lock);
	n = slot_peak;
	pthread_mutex_unlock(&slot_lock);
	return n;
}

/* Takes a slot: 0, or -1 when all are busy (the caller answers 429, never waits). */
static int
slot_acquire(void)
{
	int ret = -1;

	pthread_mutex_lock(&slot_lock);
	if (slot_used < slot_max) {
		slot_used++;
		if (slot_used > slot_peak)
			slot_peak = slot_used;
		ret = 0;
	}
	pthread_mutex_unlock(&slot_lock);
	return ret;
}

static void
slot_release(void)
{
	pthread_mutex_lock(&slot_lock);
	slot_used--;
	pthread_mutex_unlock(&slot_lock);
}

/* ---------------------------------------------------------------- passwords */

void
auth_set_pwhash_limits(unsigned long long opslimit, size_t memlimit)
{
	auth_init();
	pw_ops = opslimit ? opslimit : crypto_pwhash_OPSLIMIT_INTERACTIVE;
	pw_mem = memlimit ? memlimit : crypto_pwhash_MEMLIMIT_INTERACTIVE;
	pthread_mutex_lock(&dummy_lock);
	dummy_hash[0] = '\0';	/* made again with the new limits */
	pthread_mutex_unlock(&dummy_lock);
}

int
auth_password_policy(const char *password, struct strbuf *err)
{
	size_t len = strlen(password);

	strbuf_reset(err);
	if (len < AUTH_PASSWORD_MIN)
		strbuf_addf(err, _("the password is too short: %zu characters, at least %d are needed"),
		    len, AUTH_PASSWORD_MIN);
	else if (len > AUTH_PASSWORD_MAX)
		strbuf_addf(err, _("the password is too long: %zu characters, at most %d are allowed "
		    "(it is never cut short)"), len, AUTH_PASSWORD_MAX);
	else
		return 0;
	return -1;
}

/* Hashes with the current limits; the caller holds a slot. */
static int
hash_in_slot(const char *password, char out[AUTH_HASH_MAX], struct strbuf *err)
{
	if (crypto_pwhash_str(out, password, strlen(password), pw_ops, pw_mem) != 0) {
		strbuf_reset(err);
		strbuf_addstr(err, _("cannot hash the password (out of memory)"));
		return -1;
	}
	return 0;
}

enum auth_result
auth_password_hash(const char *password, char out[AUTH_HASH_MAX], struct strbuf *err)
{
	int rc;

	if (ready(err))
		return AUTH_ERROR;
	if (slot_acquire() == -1) {
		strbuf_reset(err);
		strbuf_addstr(err, _("too many password checks at once; try again shortly"));
		return AUTH_BUSY;
	}
	rc = hash_in_slot(password, out, err);
	slot_release();
	return rc ? AUTH_ERROR : AUTH_OK;
}

/*
 * Verifies password against the dummy hash, made on first use: the work of
 * a real check, for an email that has no account. The caller holds a slot.
 */
static void
verify_dummy(const char *password)
{
	char h[AUTH_HASH_MAX];

	pthread_mutex_lock(&dummy_lock);
	if (dummy_hash[0] == '\0') {
		unsigned char pw[24];
		char pwtext[sizeof(pw) * 2 + 1];

		randombytes_buf(pw, sizeof(pw));
		sodium_bin2hex(pwtext, sizeof(pwtext), pw, sizeof(pw));
		if (crypto_pwhash_str(dummy_hash, pwtext, strlen(pwtext), pw_ops, pw_mem) != 0)
			dummy_hash[0] = '\0';
	}
	memcpy(h, dummy_hash, sizeof(h));
	pthread_mutex_unlock(&dummy_lock);
	/* The answer does not matter (it is "no"); the work does. */
	if (h[0] && crypto_pwhash_str_verify(h, password, strlen(password)) == 0)
		dummy_matches++;
}

/* ---------------------------------------------------------------- tokens */

/* Writes a new random token (43 base64url characters and a NUL) to out. */
static void
token_new(char out[AUTH_TOKEN_CHARS + 1])
{
	unsigned char raw[AUTH_TOKEN_BYTES];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(out, AUTH_TOKEN_CHARS + 1, raw, sizeof(raw),
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
}

/* Returns 1 when token has the form of one of ours (43 base64url characters). */
static int
token_wellformed(const char *token)
{
	size_t i;

	if (token == NULL)
		return 0;
	for (i = 0; token[i] && i <= AUTH_TOKEN_CHARS; i++) {
		char c = token[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return 0;
	}
	return i == AUTH_TOKEN_CHARS;
}

static void
token_hash(const char *token, unsigned char out[STORE_TOKEN_HASH_LEN])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

/* ---------------------------------------------------------------- users */

int
auth_email_normalize(const char *email, struct strbuf *out, struct strbuf *err)
{
	const char *at = strchr(email, '@');
	size_t len = strlen(email);

	strbuf_reset(out);
	strbuf_reset(err);
	if (len == 0 || len > 254) {
		strbuf_addstr(err, len ? "the email is too long" : "the email is empty");
		return -1;
	}
	if (at == NULL || at == email || at[1] == '\0' || strchr(at + 1, '@')) {
		strbuf_addf(err, _("'%s' is not an email address (name@domain)"), email);
		return -1;
	}
	for (const char *p = email; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c <= ' ' || c == 0x7f) {
			strbuf_addstr(err, _("an email address has no spaces or control characters"));
			return -1;
		}
		strbuf_addch(out, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	return 0;
}

/* Checks that the role's scope is given, and only the one it needs. */
static int
scope_check(enum store_role role, const char *initiative, const char *program,
    struct strbuf *err)
{
	strbuf_reset(err);
	switch (role) {
	case STORE_ROLE_ADMIN:
		if (initiative)
			strbuf_addstr(err, _("an admin has no initiative (admins see every one)"));
		else if (program)
			strbuf_addstr(err, _("an admin has no program (admins see every one)"));
		break;
	case STORE_ROLE_MEMBER:
	case STORE_ROLE_VIEWER:
		if (initiative == NULL)
			strbuf_addf(err, _("a %s needs an initiative"), store_role_names[role]);
		break;
	case STORE_ROLE_EVALUATOR:
		if (initiative)
			strbuf_addstr(err, _("an evaluator reads a program, not one initiative"));
		else if (program == NULL)
			strbuf_addstr(err, _("an evaluator needs a program"));
		break;
	default:
		strbuf_addstr(err, _("unknown role"));
		break;
	}
	return err->len ? -1 : 0;
}

/* The result for a store call's return: 0 OK, 1 refused, -1 error. */
static enum auth_result
from_store(int rc)
{
	return rc == 0 ? AUTH_OK : rc == 1 ? AUTH_REFUSED : AUTH_ERROR;
}

enum auth_result
auth_user_add(struct store *s, const char *email, enum store_role role,
    const char *initiative, const char *program, const char *password, int64_t now,
    const struct store_audit_entry *audit, int64_t *id, struct strbuf *err)
{
	struct strbuf norm = STRBUF_INIT;
	struct store_user u;
	char hash[AUTH_HASH_MAX];
	enum auth_result ret = AUTH_REFUSED;

	store_user_init(&u);
	if (ready(err)) {
		ret = AUTH_ERROR;
		goto out;
	}
	if (auth_email_normalize(email, &norm, err) || scope_check(role, initiative, program, err) ||
	    auth_password_policy(password, err))
		goto out;
	if ((ret = auth_password_hash(password, hash, err)) != AUTH_OK)
		goto out;
	u.email = strbuf_detach(&norm, NULL);
	u.role = role;
	u.initiative = initiative ? xstrdup(initiative) : NULL;
	u.program = program ? xstrdup(program) : NULL;
	u.password_hash = xstrdup(hash);
	u.created = now;
	ret = from_store(store_user_add(s, &u, audit, err));
	if (ret == AUTH_OK && id)
		*id = u.id;
out:
	sodium_memzero(hash, sizeof(hash));
	store_user_release(&u);
	strbuf_release(&norm);
	return ret;
}

/* Loads the user of email (normalized here) into u: AUTH_OK, AUTH_REFUSED (none), AUTH_ERROR. */
static enum auth_result
find_user(struct store *s, const char *email, struct store_user *u, struct strbuf *err)
{
	struct strbuf norm = STRBUF_INIT;
	enum auth_result ret = AUTH_REFUSED;
	int rc;

	if (auth_email_normalize(email, &norm, err))
		goto out;
	rc = store_user_get(s, norm.buf, u, err);
	if (rc == 1) {
		strbuf_reset(err);
		strbuf_addf(err, _("no user '%s'"), norm.buf);
	}
	ret = from_store(rc);
out:
	strbuf_release(&norm);
	return ret;
}

enum auth_result
auth_user_set_password(struct store *s, const char *email, const char *password,
    struct strbuf *err)
{
	struct store_user u;
	char hash[AUTH_HASH_MAX];
	enum auth_result ret;

	store_user_init(&u);
	hash[0] = '\0';
	if (ready(err)) {
		ret = AUTH_ERROR;
		goto out;
	}
	if ((ret = find_user(s, email, &u, err)) != AUTH_OK)
		goto out;
	if (auth_password_policy(password, err)) {
		ret = AUTH_REFUSED;
		goto out;
	}
	if ((ret = auth_password_hash(password, hash, err)) != AUTH_OK)
		goto out;
	ret = from_store(store_user_set_hash(s, u.id, hash, 1, err));
out:
	sodium_memzero(hash, sizeof(hash));
	store_user_release(&u);
	return ret;
}

enum auth_result
auth_user_set_role(struct store *s, const char *email, enum store_role role,
    const char *initiative, const char *program, const struct store_audit_entry *audit,
    struct strbuf *err)
{
	struct store_user u;
	enum auth_result ret;

	store_user_init(&u);
	if ((ret = find_user(s, email, &u, err)) != AUTH_OK)
		goto out;
	if (scope_check(role, initiative, program, err)) {
		ret = AUTH_REFUSED;
		goto out;
	}
	ret = from_store(store_user_set_role(s, u.id, role, initiative, program, audit, err));
out:
	store_user_release(&u);
	return ret;
}

enum auth_result
auth_user_remove(struct store *s, const char *email, const struct store_audit_entry *audit,
    struct strbuf *err)
{
	struct strbuf norm = STRBUF_INIT;
	enum auth_result ret = AUTH_REFUSED;

	if (auth_email_normalize(email, &norm, err) == 0)
		ret = from_store(store_user_remove(s, norm.buf, audit, err));
	strbuf_release(&norm);
	return ret;
}

void
auth_user_json(const struct store_user *u, struct strbuf *out)
{
	strbuf_addstr(out, "{\"email\": ");
	json_write_string(out, u->email ? u->email : "");
	strbuf_addstr(out, ", \"role\": ");
	json_write_string(out, (unsigned)u->role < STORE_ROLE__MAX ? store_role_names[u->role] : "?");
	strbuf_addstr(out, ", \"initiative\": ");
	if (u->initiative)
		json_write_string(out, u->initiative);
	else
		strbuf_addstr(out, "null");
	if (u->organization) {
		strbuf_addstr(out, ", \"organization\": ");
		json_write_string(out, u->organization);
	}
	strbuf_addf(out, ", \"disabled\": %s}", u->disabled ? "true" : "false");
}

/* ---------------------------------------------------------------- the small writes */

/*
 * The small writes of sign-in, sessions and tokens, each one write of the
 * one loop (app_txn_run; docs/postgresql.md): a serialization failure,
 * deadlock or lock timeout on PostgreSQL runs it again, and after the last
 * it is AUTH_CONFLICT. One kind of write a case, each a single store call.
 */
enum auth_write_kind {
	AW_SESSION_ADD, AW_SESSION_TOUCH, AW_SESSION_DELETE, AW_SESSION_DELETE_HASH,
	AW_TOKEN_ADD, AW_TOKEN_REMOVE, AW_THROTTLE_FAIL, AW_THROTTLE_CLEAR, AW_SET_HASH,
};

struct auth_write {
	enum auth_write_kind kind;
	int64_t id, now;			/* a user's, session's or token's id; the time */
	const unsigned char *hash;		/* a session's or token's hash */
	const char *text;			/* a CSRF token, a token's name, a key, a password hash */
	const struct store_throttle_policy *pol;
	int64_t *out;				/* a new row's id, a lockout's end */
};

static int
auth_write_change(struct store *s, void *arg, struct strbuf *err)
{
	const struct auth_write *w = arg;

	switch (w->kind) {
	case AW_SESSION_ADD:
		return store_session_add(s, w->id, w->hash, w->text, w->now, w->out, err);
	case AW_SESSION_TOUCH:
		return store_session_touch(s, w->id, w->now, err);
	case AW_SESSION_DELETE:
		return store_session_delete(s, w->id, err);
	case AW_SESSION_DELETE_HASH:
		return store_session_delete_hash(s, w->hash, err);
	case AW_TOKEN_ADD:
		return store_token_add(s, w->id, w->hash, w->text, w->now, w->out, err);
	case AW_TOKEN_REMOVE:
		return store_token_remove(s, w->id, err);
	case AW_THROTTLE_FAIL:
		return store_throttle_fail(s, w->text, w->now, w->pol, w->out, err);
	case AW_THROTTLE_CLEAR:
		return store_throttle_clear(s, w->text, err);
	case AW_SET_HASH:
		return store_user_set_hash(s, w->id, w->text, 0, err);
	}
	assert(!"an auth write of no known kind");
	return -1;
}

/*
 * Runs w through the one write loop. The store call's 0, 1 or -1 (err
 * set); *conflict (may be NULL) set when -1 came after the last conflict.
 */
static int
auth_write(struct store *s, const struct auth_write *w, int *conflict, struct strbuf *err)
{
	int gave_up = 0, r;

	r = app_txn_run(s, auth_write_change, (void *)w, &gave_up, err);
	if (conflict)
		*conflict = gave_up;
	return r;
}

/* AUTH_ERROR, or AUTH_CONFLICT when the write gave up on conflicts. */
static enum auth_result
write_failed(int conflict)
{
	return conflict ? AUTH_CONFLICT : AUTH_ERROR;
}

/* ---------------------------------------------------------------- sign-in */

static const struct store_throttle_policy account_policy = {
	AUTH_THROTTLE_ACCOUNT_LIMIT, AUTH_THROTTLE_WINDOW, AUTH_THROTTLE_BASE_DELAY,
	AUTH_THROTTLE_MAX_DELAY, AUTH_THROTTLE_FORGET,
};
static const struct store_throttle_policy address_policy = {
	AUTH_THROTTLE_ADDRESS_LIMIT, AUTH_THROTTLE_WINDOW, AUTH_THROTTLE_BASE_DELAY,
	AUTH_THROTTLE_MAX_DELAY, AUTH_THROTTLE_FORGET,
};

/* Counts a failure for the account key and the address key (NULL: none); *conflict as auth_write's. */
static int
count_failure(struct store *s, const char *account_key, const char *address_key,
    int64_t now, int *conflict, struct strbuf *err)
{
	int64_t until;
	struct auth_write a = { .kind = AW_THROTTLE_FAIL, .now = now, .text = account_key,
		.pol = &account_policy, .out = &until };
	struct auth_write c = { .kind = AW_THROTTLE_FAIL, .now = now, .text = address_key,
		.pol = &address_policy, .out = &until };

	if (account_key && auth_write(s, &a, conflict, err))
		return -1;
	if (address_key && auth_write(s, &c, conflict, err))
		return -1;
	return 0;
}

enum auth_result
auth_login(struct store *s, const char *email, const char *password,
    const char *address, int64_t now, struct store_user *u, int64_t *retry_after,
    struct strbuf *err)
{
	struct strbuf norm = STRBUF_INIT, akey = STRBUF_INIT, ckey = STRBUF_INIT;
	struct strbuf ignored = STRBUF_INIT;
	char hash[AUTH_HASH_MAX];
	enum auth_result ret = AUTH_ERROR;
	int64_t until, wait = 0;
	int found = 0, ok = 0, rc, conflict = 0;

	*retry_after = 0;
	hash[0] = '\0';
	if (ready(err))
		goto out;
	if (address)
		strbuf_addf(&ckey, "addr:%s", address);
	if (auth_email_normalize(email, &norm, &ignored) == 0) {
		strbuf_addf(&akey, "email:%s", norm.buf);
		if (store_throttle_check(s, akey.buf, &until, err))
			goto out;
		if (until > now)
			wait = until - now;
	}
	if (address) {
		if (store_throttle_check(s, ckey.buf, &until, err))
			goto out;
		if (until > now && until - now > wait)
			wait = until - now;
	}
	if (wait) {
		*retry_after = wait;
		strbuf_reset(err);
		strbuf_addf(err, _("too many failed sign-ins; try again in %lld seconds"),
		    (long long)wait);
		ret = AUTH_THROTTLED;
		goto out;
	}
	if (akey.len) {
		if ((rc = store_user_get(s, norm.buf, u, err)) == -1)
			goto out;
		found = rc == 0 && u->disabled == 0;
	}
	/* Longer than any password we accept: wrong, and not worth a hash. */
	if (akey.len && strlen(password) <= AUTH_PASSWORD_MAX) {
		if (slot_acquire() == -1) {
			strbuf_reset(err);
			strbuf_addstr(err, _("too many sign-ins at once; try again shortly"));
			ret = AUTH_BUSY;
			goto out;
		}
		if (found)
			ok = crypto_pwhash_str_verify(u->password_hash, password,
			    strlen(password)) == 0;
		else
			verify_dummy(password);
		if (ok && crypto_pwhash_str_needs_rehash(u->password_hash, pw_ops, pw_mem) != 0 &&
		    hash_in_slot(password, hash, err) == 0) {
			struct auth_write w = { .kind = AW_SET_HASH, .id = u->id, .text = hash };

			if (auth_write(s, &w, &conflict, err) == -1) {
				slot_release();
				goto out;
			}
			free(u->password_hash);
			u->password_hash = xstrdup(hash);
		}
		slot_release();
	}
	if (ok) {
		struct auth_write w = { .kind = AW_THROTTLE_CLEAR, .text = akey.buf };

		if (auth_write(s, &w, &conflict, err))
			goto out;
		ret = AUTH_OK;
		goto out;
	}
	if (count_failure(s, akey.len ? akey.buf : NULL, address ? ckey.buf : NULL, now,
	    &conflict, err))
		goto out;
	strbuf_reset(err);
	strbuf_addstr(err, _("wrong email or password"));
	ret = AUTH_DENIED;
out:
	if (ret == AUTH_ERROR && conflict)
		ret = AUTH_CONFLICT;
	if (ret != AUTH_OK)
		store_user_release(u);
	sodium_memzero(hash, sizeof(hash));
	strbuf_release(&norm);
	strbuf_release(&akey);
	strbuf_release(&ckey);
	strbuf_release(&ignored);
	return ret;
}

/* ---------------------------------------------------------------- sessions */

enum auth_result
auth_session_create(struct store *s, int64_t user_id, int64_t now,
    char token[AUTH_TOKEN_CHARS + 1], struct auth_session *sess, struct strbuf *err)
{
	unsigned char h[STORE_TOKEN_HASH_LEN];
	char csrf[AUTH_TOKEN_CHARS + 1];
	int64_t id;
	struct auth_write w = { .kind = AW_SESSION_ADD, .id = user_id, .now = now, .hash = h,
		.text = csrf, .out = &id };
	int conflict;

	token[0] = '\0';
	if (ready(err))
		return AUTH_ERROR;
	token_new(token);
	token_new(csrf);
	token_hash(token, h);
	if (auth_write(s, &w, &conflict, err)) {
		sodium_memzero(token, AUTH_TOKEN_CHARS + 1);
		return write_failed(conflict);
	}
	if (sess) {
		sess->id = id;
		sess->user_id = user_id;
		memcpy(sess->csrf, csrf, sizeof(csrf));
		sess->created = sess->last_seen = now;
	}
	return AUTH_OK;
}

/* How often last_seen is written: AUTH_SESSION_TOUCH, or half a shorter idle limit. */
static int64_t
touch_interval(void)
{
	int64_t half = session_idle / 2;

	return half >= AUTH_SESSION_TOUCH ? AUTH_SESSION_TOUCH : half > 1 ? half : 1;
}

void
auth_set_session_limits(int64_t idle, int64_t absolute)
{
	session_idle = idle > 0 ? idle : AUTH_SESSION_IDLE;
	session_absolute = absolute > 0 ? absolute : AUTH_SESSION_ABSOLUTE;
}

enum auth_result
auth_session_check(struct store *s, const char *token, int64_t now,
    struct auth_session *sess, struct store_user *u, struct strbuf *err)
{
	unsigned char h[STORE_TOKEN_HASH_LEN];
	struct store_session ss;
	struct auth_write w = { .now = now };
	enum auth_result ret = AUTH_DENIED;
	int rc, conflict;

	store_session_init(&ss);
	if (ready(err))
		return AUTH_ERROR;
	if (!token_wellformed(token))
		goto out;
	token_hash(token, h);
	if ((rc = store_session_get(s, h, &ss, u, err)) != 0) {
		ret = rc == 1 ? AUTH_DENIED : AUTH_ERROR;
		goto out;
	}
	if (now - ss.last_seen >= session_idle || now - ss.created >= session_absolute ||
	    u->disabled) {
		w.kind = AW_SESSION_DELETE;
		w.id = ss.id;
		ret = auth_write(s, &w, &conflict, err) ? write_failed(conflict) :
		    u->disabled ? AUTH_DENIED : AUTH_EXPIRED;
		goto out;
	}
	/*
	 * last_seen lags by under the touch interval: idle expiry errs early,
	 * never late. A short idle limit (tests) needs a shorter interval, or
	 * a session in use would look idle.
	 */
	if (now - ss.last_seen >= touch_interval()) {
		w.kind = AW_SESSION_TOUCH;
		w.id = ss.id;
		if (auth_write(s, &w, &conflict, err)) {
			ret = write_failed(conflict);
			goto out;
		}
		ss.last_seen = now;
	}
	sess->id = ss.id;
	sess->user_id = ss.user_id;
	sess->created = ss.created;
	sess->last_seen = ss.last_seen;
	strbuf_reset(err);
	if (ss.csrf == NULL || strlen(ss.csrf) != AUTH_TOKEN_CHARS) {
		strbuf_addstr(err, _("a session without a CSRF token"));
		ret = AUTH_ERROR;
		goto out;
	}
	memcpy(sess->csrf, ss.csrf, AUTH_TOKEN_CHARS + 1);
	ret = AUTH_OK;
out:
	if (ret != AUTH_OK)
		store_user_release(u);
	store_session_release(&ss);
	return ret;
}

/* ---------------------------------------------------------------- sessions in memory */

/*
 * The sessions auth_session_check_at answered from the database, each with
 * the data's version read before it: while that version stands, nothing
 * that could end the session or change its user has been written (every
 * such write moves it: the user's rows are changed in transactions, a
 * sign-out by store_session_delete_hash too). Found by the token's hash,
 * one entry a slot; the password hash is not kept.
 */
#define SESSION_MEMO 256

struct memo {
	unsigned char hash[STORE_TOKEN_HASH_LEN];
	int64_t version;
	struct auth_session sess;
	struct store_user u;
	int used;
};

static pthread_mutex_t memo_lock = PTHREAD_MUTEX_INITIALIZER;
static struct memo memo[SESSION_MEMO];

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void
user_copy(struct store_user *to, const struct store_user *from)
{
	to->id = from->id;
	to->email = dup_or_null(from->email);
	to->role = from->role;
	to->initiative = dup_or_null(from->initiative);
	to->program = dup_or_null(from->program);
	to->password_hash = NULL;
	to->created = from->created;
	to->disabled = from->disabled;
	to->organization = dup_or_null(from->organization);
	to->lang = dup_or_null(from->lang);
}

static struct memo *
memo_slot(const unsigned char h[STORE_TOKEN_HASH_LEN])
{
	return &memo[((size_t)h[0] | (size_t)h[1] << 8) % SESSION_MEMO];
}

/* Empties m; under memo_lock. */
static void
memo_drop(struct memo *m)
{
	store_user_release(&m->u);
	sodium_memzero(&m->sess, sizeof(m->sess));
	m->used = 0;
}

/*
 * 1 when m holds the session of h, read at version, and at now it needs
 * neither a touch nor the ending auth_session_check would give it (the
 * same limits; a touch goes to the database, which then keeps last_seen).
 */
static int
memo_fresh(const struct memo *m, const unsigned char h[STORE_TOKEN_HASH_LEN],
    int64_t version, int64_t now)
{
	return m->used && m->version == version &&
	    sodium_memcmp(m->hash, h, STORE_TOKEN_HASH_LEN) == 0 &&
	    now - m->sess.last_seen < touch_interval() &&
	    now - m->sess.last_seen < session_idle && now - m->sess.created < session_absolute &&
	    !m->u.disabled;
}

enum auth_result
auth_session_check_at(struct store *s, const char *token, int64_t now, int64_t version,
    struct auth_session *sess, struct store_user *u, struct strbuf *err)
{
	unsigned char h[STORE_TOKEN_HASH_LEN];
	struct memo *m;
	enum auth_result r;

	if (version < 0 || ready(err) || !token_wellformed(token))
		return auth_session_check(s, token, now, sess, u, err);
	token_hash(token, h);
	m = memo_slot(h);
	pthread_mutex_lock(&memo_lock);
	if (memo_fresh(m, h, version, now)) {
		*sess = m->sess;
		store_user_release(u);
		user_copy(u, &m->u);
		pthread_mutex_unlock(&memo_lock);
		return AUTH_OK;
	}
	pthread_mutex_unlock(&memo_lock);
	r = auth_session_check(s, token, now, sess, u, err);
	if (r == AUTH_OK) {
		/* the same answer from the database as from memory */
		free(u->password_hash);
		u->password_hash = NULL;
	}
	pthread_mutex_lock(&memo_lock);
	if (r == AUTH_OK) {
		memo_drop(m);
		memcpy(m->hash, h, sizeof(h));
		m->version = version;
		m->sess = *sess;
		user_copy(&m->u, u);
		m->used = 1;
	} else if (m->used && sodium_memcmp(m->hash, h, STORE_TOKEN_HASH_LEN) == 0)
		memo_drop(m);
	pthread_mutex_unlock(&memo_lock);
	return r;
}

/* Forgets the session of h, if kept (a sign-out in this process). */
static void
memo_forget(const unsigned char h[STORE_TOKEN_HASH_LEN])
{
	struct memo *m = memo_slot(h);

	pthread_mutex_lock(&memo_lock);
	if (m->used && sodium_memcmp(m->hash, h, STORE_TOKEN_HASH_LEN) == 0)
		memo_drop(m);
	pthread_mutex_unlock(&memo_lock);
}

enum auth_result
auth_session_destroy(struct store *s, const char *token, struct strbuf *err)
{
	unsigned char h[STORE_TOKEN_HASH_LEN];
	struct auth_write w = { .kind = AW_SESSION_DELETE_HASH, .hash = h };
	int conflict;

	if (ready(err))
		return AUTH_ERROR;
	if (!token_wellformed(token))
		return AUTH_OK;
	token_hash(token, h);
	memo_forget(h);
	return auth_write(s, &w, &conflict, err) ? write_failed(conflict) : AUTH_OK;
}

int
auth_csrf_check(const struct auth_session *sess, const char *presented)
{
	/* The lengths are public (always 43); only the bytes must not leak. */
	if (sess == NULL || presented == NULL || strlen(presented) != AUTH_TOKEN_CHARS ||
	    strlen(sess->csrf) != AUTH_TOKEN_CHARS)
		return 0;
	return sodium_memcmp(sess->csrf, presented, AUTH_TOKEN_CHARS) == 0;
}

void
auth_cookie_set(struct strbuf *out, const char *token, int dev)
{
	if (dev)
		strbuf_addf(out, AUTH_COOKIE_NAME_DEV "=%s; Path=/; HttpOnly; SameSite=Lax", token);
	else
		strbuf_addf(out, AUTH_COOKIE_NAME "=%s; Path=/; Secure; HttpOnly; SameSite=Lax",
		    token);
}

void
auth_cookie_clear(struct strbuf *out, int dev)
{
	if (dev)
		strbuf_addstr(out, AUTH_COOKIE_NAME_DEV "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
	else
		strbuf_addstr(out, AUTH_COOKIE_NAME
		    "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
}

/* ---------------------------------------------------------------- the sign-in form */

void
auth_login_token_new(char token[AUTH_TOKEN_CHARS + 1])
{
	token_new(token);
}

int
auth_login_token_check(const char *cookie, const char *presented)
{
	if (!token_wellformed(cookie) || presented == NULL ||
	    strlen(presented) != AUTH_TOKEN_CHARS)
		return 0;
	return sodium_memcmp(cookie, presented, AUTH_TOKEN_CHARS) == 0;
}

void
auth_login_cookie_set(struct strbuf *out, const char *token, int dev)
{
	if (dev)
		strbuf_addf(out, AUTH_LOGIN_COOKIE_DEV "=%s; Path=/; HttpOnly; SameSite=Lax", token);
	else
		strbuf_addf(out, AUTH_LOGIN_COOKIE "=%s; Path=/; Secure; HttpOnly; SameSite=Lax",
		    token);
}

/* ---------------------------------------------------------------- API tokens */

enum auth_result
auth_token_create(struct store *s, const char *email, const char *name, int64_t now,
    char token[AUTH_TOKEN_CHARS + 1], int64_t *id, struct strbuf *err)
{
	unsigned char h[STORE_TOKEN_HASH_LEN];
	struct store_user u;
	struct auth_write w = { .kind = AW_TOKEN_ADD, .now = now, .hash = h, .text = name,
		.out = id };
	enum auth_result ret;
	int conflict;

	token[0] = '\0';
	store_user_init(&u);
	if (ready(err)) {
		ret = AUTH_ERROR;
		goto out;
	}
	if ((ret = find_user(s, email, &u, err)) != AUTH_OK)
		goto out;
	token_new(token);
	token_hash(token, h);
	w.id = u.id;
	if (auth_write(s, &w, &conflict, err)) {
		sodium_memzero(token, AUTH_TOKEN_CHARS + 1);
		ret = write_failed(conflict);
	}
out:
	store_user_release(&u);
	return ret;
}

int
auth_token_remove(struct store *s, int64_t id, struct strbuf *err)
{
	struct auth_write w = { .kind = AW_TOKEN_REMOVE, .id = id };

	return auth_write(s, &w, NULL, err);
}

enum auth_result
auth_token_check(struct store *s, const char *token, int64_t now, struct store_user *u,
    struct strbuf *err)
{
	unsigned char h[STORE_TOKEN_HASH_LEN];
	int rc;

	if (ready(err))
		return AUTH_ERROR;
	if (!token_wellformed(token))
		return AUTH_DENIED;
	token_hash(token, h);
	if ((rc = store_token_use(s, h, now, u, err)) != 0)
		return rc == 1 ? AUTH_DENIED : AUTH_ERROR;
	if (u->disabled) {
		store_user_release(u);
		return AUTH_DENIED;
	}
	return AUTH_OK;
}
