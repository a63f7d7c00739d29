#ifndef TRELLIS_AUTH_H
#define TRELLIS_AUTH_H
/*
 * Accounts and their security rules (DESIGN §7, RELIABILITY.md): password
 * hashing with argon2id, sign-in with throttling, sessions with CSRF
 * tokens, bearer API tokens, and the session cookie. The web server and the
 * CLI call this; it calls the store (store/accounts.h) and libsodium.
 * docs/security.md says what is stored and the numbers.
 *
 * Times are Unix seconds passed in by the caller, so tests can use a fake
 * clock. Every function is safe to call from several threads, each with its
 * own struct store. Errors go to *err (a strbuf the caller owns), one line.
 */
#include <stddef.h>
#include <stdint.h>

#include "../store/accounts.h"

struct store;
struct store_audit_entry;
struct strbuf;

/* What an auth function answers; the web's status in brackets. */
enum auth_result {
	AUTH_OK,		/* done [200] */
	AUTH_REFUSED,		/* input not acceptable, err says why [400/422]; CLI exit 1 */
	AUTH_DENIED,		/* wrong email or password, unknown or disabled account, bad token [401] */
	AUTH_EXPIRED,		/* a session past its idle or absolute limit (now ended) [401] */
	AUTH_THROTTLED,		/* too many failed sign-ins; try after *retry_after seconds [429] */
	AUTH_BUSY,		/* every password-hashing slot is taken [429 / 503] */
	AUTH_ERROR,		/* store or library failure, err says what [500] */
	AUTH_CONFLICT		/* a write the database kept refusing as a conflict: nothing written [503] */
};

/* Passwords: lengths in bytes, never truncated. */
#define AUTH_PASSWORD_MIN	12
#define AUTH_PASSWORD_MAX	128
/* A session or API token: 32 random bytes in base64url without padding. */
#define AUTH_TOKEN_BYTES	32
#define AUTH_TOKEN_CHARS	43
/* Room for an argon2id string (crypto_pwhash_STRBYTES). */
#define AUTH_HASH_MAX		128

/* Session lifetimes (seconds): the defaults; auth_set_session_limits changes them. */
#define AUTH_SESSION_IDLE	1800	/* 30 minutes (a plain number: `serve --help` prints it) */
#define AUTH_SESSION_ABSOLUTE	43200	/* 12 hours */
/* last_seen is written at most this often, so a busy session is not a write per request. */
#define AUTH_SESSION_TOUCH	60

/* Sign-in throttling (see docs/security.md). */
#define AUTH_THROTTLE_ACCOUNT_LIMIT	5	/* failures per account in the window */
#define AUTH_THROTTLE_ADDRESS_LIMIT	50	/* failures per client address in the window */
#define AUTH_THROTTLE_WINDOW		(15 * 60)
#define AUTH_THROTTLE_BASE_DELAY	60	/* first lockout; doubles each next */
#define AUTH_THROTTLE_MAX_DELAY		(60 * 60)
#define AUTH_THROTTLE_FORGET		(24 * 60 * 60)

/* The session cookie's name: production, and the development variant. */
#define AUTH_COOKIE_NAME	"__Host-sid"
#define AUTH_COOKIE_NAME_DEV	"sid"

/*
 * Initializes libsodium and the hashing slots. Called by every function
 * here on first use; the server may call it once at start to fail early.
 * Returns 0, or -1 when libsodium cannot start.
 */
int auth_init(void);

/* ---------------------------------------------------------------- passwords */

/* Checks the length rules; returns 0, or -1 with a message for the user in err. */
int auth_password_policy(const char *password, struct strbuf *err);

/*
 * Hashes password (argon2id, current limits) into out (AUTH_HASH_MAX bytes,
 * NUL-terminated) using one hashing slot. AUTH_OK, AUTH_BUSY when every
 * slot is taken, AUTH_ERROR (out of memory in libsodium).
 */
enum auth_result auth_password_hash(const char *password, char out[AUTH_HASH_MAX],
    struct strbuf *err);

/*
 * The argon2id limits hashes are made with; 0, 0 restores the default,
 * INTERACTIVE (t=2, 64 MiB). Meant for tests (which use the minimum to run
 * fast, and change them to see a rehash). Not thread-safe against hashing.
 */
void auth_set_pwhash_limits(unsigned long long opslimit, size_t memlimit);

/*
 * The hashing slots: at most this many hashes run at once (default: the
 * number of online cores). auth_set_hash_slots(0) restores the default;
 * call it only while no hash runs (tests). auth_hash_peak returns the most
 * hashes seen running at once since the last auth_set_hash_slots.
 */
void auth_set_hash_slots(int n);
int auth_hash_slots(void);
int auth_hash_peak(void);

/* ---------------------------------------------------------------- users */

/*
 * Lowercases email into out (a strbuf) and checks its form (one '@', no
 * spaces or control characters, at most 254 bytes). 0, or -1 with err set.
 */
int auth_email_normalize(const char *email, struct strbuf *out, struct strbuf *err);

/*
 * Adds a user: email (normalized here), role, its initiative (member,
 * viewer: required; admin: refused), its program (evaluator: required),
 * password (checked against the policy, then hashed), with audit, its
 * audit log entry (store.h; NULL: none), in its transaction. Sets *id when not
 * NULL. AUTH_REFUSED with the reason (bad email, password, scope, email
 * taken, no such initiative or program), AUTH_BUSY, AUTH_ERROR.
 */
enum auth_result auth_user_add(struct store *s, const char *email, enum store_role role,
    const char *initiative, const char *program, const char *password, int64_t now,
    const struct store_audit_entry *audit, int64_t *id, struct strbuf *err);

/*
 * Sets a new password, ends every session of the user and revokes its API
 * tokens (someone who learned the old password may have made either).
 * AUTH_REFUSED: policy, no user.
 */
enum auth_result auth_user_set_password(struct store *s, const char *email,
    const char *password, struct strbuf *err);

/*
 * Changes the role (and scope, as for auth_user_add) and ends every session
 * of the user, so the next request signs in again with a new session token.
 */
enum auth_result auth_user_set_role(struct store *s, const char *email, enum store_role role,
    const char *initiative, const char *program, const struct store_audit_entry *audit,
    struct strbuf *err);

/* Removes the user, its sessions and API tokens. AUTH_REFUSED: no such user. */
enum auth_result auth_user_remove(struct store *s, const char *email,
    const struct store_audit_entry *audit, struct strbuf *err);

/*
 * Appends account u as its audit log entries record it (the admin pages,
 * `trellis user`): {"email": …, "role": …, "initiative": … or null,
 * "disabled": true|false}. Never a password or its hash.
 */
void auth_user_json(const struct store_user *u, struct strbuf *out);

/* ---------------------------------------------------------------- sign-in */

/*
 * Checks email and password, sent from the client at address (its IP as
 * text; NULL counts nothing per address). On AUTH_OK, u (store_user_init'd)
 * holds the user: then create a session with auth_session_create (and end
 * the one the client had, if any). Rehashes and stores the password when
 * its hash was made with other limits.
 *
 * AUTH_THROTTLED without hashing when the account or the address is locked
 * out (*retry_after: seconds until it ends); AUTH_DENIED for a wrong
 * password, an unknown or disabled account (an unknown email is hashed
 * against a dummy hash, so the time taken does not tell which emails
 * exist); AUTH_BUSY when every hashing slot is taken; AUTH_ERROR.
 */
enum auth_result auth_login(struct store *s, const char *email, const char *password,
    const char *address, int64_t now, struct store_user *u, int64_t *retry_after,
    struct strbuf *err);

/* ---------------------------------------------------------------- sessions */

struct auth_session {
	int64_t id;
	int64_t user_id;
	char csrf[AUTH_TOKEN_CHARS + 1];	/* put in every form and X-CSRF-Token */
	int64_t created;
	int64_t last_seen;
};

/*
 * Starts a session for user_id: writes its token (for the cookie, NUL
 * terminated) to token — the only time it exists; the store keeps its
 * SHA-256 — and fills *sess (NULL allowed).
 */
enum auth_result auth_session_create(struct store *s, int64_t user_id, int64_t now,
    char token[AUTH_TOKEN_CHARS + 1], struct auth_session *sess, struct strbuf *err);

/*
 * Looks up the session of token (the cookie's value) at time now. AUTH_OK
 * with *sess and u (store_user_init'd) filled and last_seen updated;
 * AUTH_EXPIRED (idle 30 min or older than 12 h by default, see
 * auth_set_session_limits: the session is ended);
 * AUTH_DENIED for an unknown or malformed token or a disabled user;
 * AUTH_ERROR.
 */
enum auth_result auth_session_check(struct store *s, const char *token, int64_t now,
    struct auth_session *sess, struct store_user *u, struct strbuf *err);

/*
 * auth_session_check for a server that reads the data's version
 * (store_versions' n) before it: the answer for the same token at the same
 * version comes from memory, without reading the session, while the
 * session needs no touch (AUTH_SESSION_TOUCH) and has not run out. Every
 * write that could end a session or change its user moves the version, in
 * whichever process (store_session_delete_hash, the user setters);
 * auth_session_destroy also forgets it here. u gets no password_hash.
 * version < 0: auth_session_check itself.
 */
enum auth_result auth_session_check_at(struct store *s, const char *token, int64_t now,
    int64_t version, struct auth_session *sess, struct store_user *u, struct strbuf *err);

/*
 * The idle and absolute session limits (seconds) auth_session_check
 * applies; 0 for either restores its default (AUTH_SESSION_IDLE,
 * AUTH_SESSION_ABSOLUTE). For `trellis serve --session-idle/--session-max`
 * and tests; call it before serving, not while sessions are checked.
 * last_seen is then written at most every AUTH_SESSION_TOUCH seconds or
 * half the idle limit, whichever is less (at least every second).
 */
void auth_set_session_limits(int64_t idle, int64_t absolute);

/* Ends the session of token (sign-out); an unknown token is not an error. */
enum auth_result auth_session_destroy(struct store *s, const char *token, struct strbuf *err);

/* Returns 1 when presented (may be NULL) is the session's CSRF token, in constant time; else 0. */
int auth_csrf_check(const struct auth_session *sess, const char *presented);

/*
 * Appends the Set-Cookie value for token to out:
 * "__Host-sid=TOKEN; Path=/; Secure; HttpOnly; SameSite=Lax", or with dev
 * set (plain HTTP on loopback, asked for explicitly) "sid=TOKEN; Path=/;
 * HttpOnly; SameSite=Lax". auth_cookie_clear appends the value that deletes
 * the cookie (sign-out).
 */
void auth_cookie_set(struct strbuf *out, const char *token, int dev);
void auth_cookie_clear(struct strbuf *out, int dev);

/*
 * The sign-in form's pre-session token (login CSRF, docs/security.md): a
 * random token set as the cookie AUTH_LOGIN_COOKIE when the form is drawn
 * and repeated in the form (double submit); a sign-in is accepted only when
 * the form's copy equals the cookie's (auth_login_token_check, constant
 * time). Another site can neither read the cookie nor set a __Host- one.
 */
#define AUTH_LOGIN_COOKIE	"__Host-login"
#define AUTH_LOGIN_COOKIE_DEV	"login"
void auth_login_token_new(char token[AUTH_TOKEN_CHARS + 1]);
int auth_login_token_check(const char *cookie, const char *presented);
void auth_login_cookie_set(struct strbuf *out, const char *token, int dev);

/* ---------------------------------------------------------------- API tokens */

/*
 * Creates a bearer token for the user email named name (or NULL): writes
 * it to token (shown once; the store keeps its SHA-256) and sets *id.
 * AUTH_REFUSED when there is no such user.
 */
enum auth_result auth_token_create(struct store *s, const char *email, const char *name,
    int64_t now, char token[AUTH_TOKEN_CHARS + 1], int64_t *id, struct strbuf *err);
/* Removes token id, run again on a conflict as every write: 0, 1 none, -1 (err set). */
int auth_token_remove(struct store *s, int64_t id, struct strbuf *err);

/*
 * Finds the user of a bearer token (the header's value after "Bearer ") and
 * records its use at now. AUTH_OK with u filled; AUTH_DENIED for an
 * unknown or malformed token or a disabled user; AUTH_ERROR.
 */
enum auth_result auth_token_check(struct store *s, const char *token, int64_t now,
    struct store_user *u, struct strbuf *err);

#endif
