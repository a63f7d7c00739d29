#ifndef TRELLIS_STORE_ACCOUNTS_H
#define TRELLIS_STORE_ACCOUNTS_H
/*
 * Accounts in the store: users, sessions, API tokens, the audit log and the
 * counters of failed sign-ins (DESIGN §7, RELIABILITY.md). This is storage
 * only: the rules (password hashing, token generation, expiry, throttling
 * policy) live in src/auth/, which is what the web server and the CLI call.
 *
 * Unless said otherwise a function returns 0 on success, -1 on a store
 * failure with a one-line message in *err, and 1 when the thing asked for
 * does not exist or the change is refused (err then says why, for messages
 * a user may read). Times are Unix seconds passed in by the caller.
 */
#include <stddef.h>
#include <stdint.h>

struct store;
struct store_audit_entry;
struct store_slugs;
struct strbuf;

enum store_role {
	STORE_ROLE_ADMIN,	/* the program team: everything */
	STORE_ROLE_MEMBER,	/* everything of one initiative, edits */
	STORE_ROLE_VIEWER,	/* reads one initiative */
	STORE_ROLE_EVALUATOR,	/* reads a program, never single survey answers */
	STORE_ROLE__MAX
};
/* "admin", "member", "viewer", "evaluator", indexed by enum store_role. */
extern const char *const store_role_names[STORE_ROLE__MAX];
/* Returns the role named name, or -1. */
int store_role_parse(const char *name);

/* The length of the hashes the store keeps of session and API tokens (SHA-256). */
#define STORE_TOKEN_HASH_LEN	32

/* ---------------------------------------------------------------- users */

struct store_user {
	int64_t id;
	char *email;		/* lowercase, unique */
	enum store_role role;
	char *initiative;	/* member, viewer: the initiative's slug; else NULL */
	char *program;		/* evaluator: its program; member, viewer: the initiative's; admin: NULL */
	char *password_hash;	/* argon2id string (crypto_pwhash_str) */
	int64_t created;
	int64_t disabled;	/* when disabled, 0 while active */
	char *organization;	/* optional: the slug of the organization its holder answers for */
	char *lang;		/* the account's own language ("es"), or NULL: none chosen */
};
/* Sets every field to empty/0 (no allocation). */
void store_user_init(struct store_user *u);
/* Frees the strings u holds and re-inits it. */
void store_user_release(struct store_user *u);

struct store_users {
	struct store_user *v;
	size_t n, alloc;
};
void store_users_release(struct store_users *users);

/*
 * Adds the user u (email already lowercased; initiative set for member and
 * viewer only; program for evaluator only; password_hash; created) and sets
 * u->id. Returns 1 (with the reason in err) when the email is taken or the
 * initiative or program does not exist. The account changes (add, remove,
 * role, disabled) write audit, the change's audit log entry (store.h;
 * NULL: none), in their transaction.
 */
int store_user_add(struct store *s, struct store_user *u, const struct store_audit_entry *audit,
    struct strbuf *err);

/* Loads the user with this email (lowercase) or id into u (store_user_init'd). 1: none. */
int store_user_get(struct store *s, const char *email, struct store_user *u, struct strbuf *err);
int store_user_get_id(struct store *s, int64_t id, struct store_user *u, struct strbuf *err);

/* Appends every user, by email, to users. */
int store_user_list(struct store *s, struct store_users *users, struct strbuf *err);

/* Removes the user with this email, with its sessions and API tokens. 1: none. */
int store_user_remove(struct store *s, const char *email, const struct store_audit_entry *audit,
    struct strbuf *err);

/*
 * Replaces the user's password hash; with end_sessions set (a password
 * change), also ends every session of the user and revokes every API token,
 * in the same transaction. 1: none.
 */
int store_user_set_hash(struct store *s, int64_t id, const char *hash, int end_sessions,
    struct strbuf *err);

/*
 * Gives the user a new role (initiative and program as for store_user_add)
 * and ends every session of the user, in one transaction. 1: no such user,
 * initiative or program.
 */
int store_user_set_role(struct store *s, int64_t id, enum store_role role,
    const char *initiative, const char *program, const struct store_audit_entry *audit,
    struct strbuf *err);

/*
 * Accounts per program (migration 14; docs/web.md, "Accounts per
 * program"). An account's own role (store_user: role, initiative,
 * program) is its role in its own program, an admin's in every program;
 * a role in another program, or one that replaces its own there, is a row
 * of its own. store_user_role_in loads the account's row for program
 * (its slug) into *role and *initiative (the slug for a member or viewer,
 * else NULL; free it): 1 when it has none there.
 */
int store_user_role_in(struct store *s, int64_t id, const char *program, enum store_role *role,
    char **initiative, struct strbuf *err);
/*
 * Gives account id role in program (initiative: the slug of one of that
 * program's initiatives, for a member or viewer only), replacing its row
 * there, and ends its sessions. 1: no such program or initiative there.
 */
int store_user_role_set(struct store *s, int64_t id, const char *program, enum store_role role,
    const char *initiative, const struct store_audit_entry *audit, struct strbuf *err);
/* Appends every such row, by email then program: email, program, role, initiative (or NULL). */
int store_user_roles(struct store *s, struct store_slugs *out, struct strbuf *err);
/*
 * Appends the programs where account id holds a role (a row of its own, or
 * its own role's program), by slug: program, role. A site admin's own role
 * names no program: it has none of these but its rows (it is refused any).
 */
int store_user_programs(struct store *s, int64_t id, struct store_slugs *out,
    struct strbuf *err);

/*
 * Sets the organization the user answers proposals for (an organization's
 * slug, not checked here), or none (NULL). 1: no such user.
 */
int store_user_set_org(struct store *s, int64_t id, const char *org,
    const struct store_audit_entry *audit, struct strbuf *err);

/* Disables the user at time when (ending its sessions), or enables it (when 0). 1: none. */
int store_user_set_disabled(struct store *s, int64_t id, int64_t when,
    const struct store_audit_entry *audit, struct strbuf *err);

/* ---------------------------------------------------------------- sessions */

struct store_session {
	int64_t id;
	int64_t user_id;
	char *csrf;		/* the session's CSRF token */
	int64_t created;
	int64_t last_seen;
};
void store_session_init(struct store_session *ss);
void store_session_release(struct store_session *ss);

/* Stores a session of user_id whose token hashes to hash; sets *id. */
int store_session_add(struct store *s, int64_t user_id,
    const unsigned char hash[STORE_TOKEN_HASH_LEN], const char *csrf, int64_t now,
    int64_t *id, struct strbuf *err);
/* Loads the session whose token hashes to hash, and its user. 1: none. */
int store_session_get(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
    struct store_session *ss, struct store_user *u, struct strbuf *err);
/* Sets the session's last_seen. */
int store_session_touch(struct store *s, int64_t id, int64_t now, struct strbuf *err);
/* Ends one session (by id or by its token's hash), or every session of a user. */
int store_session_delete(struct store *s, int64_t id, struct strbuf *err);
int store_session_delete_hash(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
    struct strbuf *err);
int store_session_delete_user(struct store *s, int64_t user_id, struct strbuf *err);
/* Deletes the sessions last seen before idle_before or created before created_before. */
int store_session_purge(struct store *s, int64_t idle_before, int64_t created_before,
    struct strbuf *err);

/* ---------------------------------------------------------------- API tokens */

struct store_token {
	int64_t id;
	char *email;		/* its user's */
	char *name;		/* or NULL */
	int64_t created;
	int64_t last_used;	/* 0 when never used */
};
struct store_tokens {
	struct store_token *v;
	size_t n, alloc;
};
void store_tokens_release(struct store_tokens *tokens);

/* Stores an API token of user_id (only its hash) named name (or NULL); sets *id. */
int store_token_add(struct store *s, int64_t user_id,
    const unsigned char hash[STORE_TOKEN_HASH_LEN], const char *name, int64_t now,
    int64_t *id, struct strbuf *err);
/*
 * Loads the user of the token whose hash is hash into u and sets the
 * token's last_used to now. 1: no such token.
 */
int store_token_use(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
    int64_t now, struct store_user *u, struct strbuf *err);
/* Appends the tokens of the user email (every user's when NULL), oldest first. */
int store_token_list(struct store *s, const char *email, struct store_tokens *tokens,
    struct strbuf *err);
/* Removes a token. 1: none. */
int store_token_remove(struct store *s, int64_t id, struct strbuf *err);

/* ---------------------------------------------------------------- audit log */

struct store_audit {
	int64_t id;
	int64_t at;
	char *actor;		/* a user's email, or "cli" */
	char *action;		/* "create", "update", "delete", "import" */
	char *kind;		/* the record kind ("decisions", "grants", ...) */
	char *initiative;	/* its initiative's slug, or NULL */
	char *record;		/* the record's id, or NULL */
	char *before;		/* JSON text of the record before, or NULL */
	char *after;		/* JSON text after, or NULL */
};
struct store_audits {
	struct store_audit *v;
	size_t n, alloc;
};
void store_audits_release(struct store_audits *audits);

/*
 * Appends up to limit entries, newest first, after skipping offset, of one
 * initiative (or of all when initiative is NULL) to out; *more is set when
 * further entries follow.
 */
/*
 * The id of the newest audit log entry (0 for none) in *id. Every change of
 * the data writes one in its own transaction, from any process, so the
 * server reads it as the data's version: a larger id than the one its
 * program was loaded at means another process (the CLI) changed something.
 */
int store_audit_last(struct store *s, int64_t *id, struct strbuf *err);

int store_audit_list(struct store *s, const char *initiative, int64_t offset,
    int64_t limit, struct store_audits *out, int *more, struct strbuf *err);
/*
 * The same, of program's entries only (its slug: audit_log.program,
 * migration 14); program NULL: every entry, of any program and of none.
 */
int store_audit_list_in(struct store *s, const char *program, const char *initiative,
    int64_t offset, int64_t limit, struct store_audits *out, int *more, struct strbuf *err);

/*
 * Who created record (its key) of kind (the audit log's, "ledger") in
 * initiative, by the newest such entry: *actor set (free it), or NULL
 * when the log has none (an imported record). Returns 0, or -1 with err set.
 */
int store_audit_creator(struct store *s, const char *initiative, const char *kind,
    const char *record, char **actor, struct strbuf *err);

/* ---------------------------------------------------------------- sign-in throttling */

/* How failures turn into lockouts (see auth.h for the numbers used). */
struct store_throttle_policy {
	int limit;		/* failures within window that cause a lockout */
	int64_t window;		/* seconds */
	int64_t base_delay;	/* the first lockout's length, doubled by each next */
	int64_t max_delay;	/* the longest lockout */
	int64_t forget;		/* seconds without failure after which lockouts are forgotten */
};

/* Sets *locked_until (0 when the key has no lockout on record). */
int store_throttle_check(struct store *s, const char *key, int64_t *locked_until,
    struct strbuf *err);
/*
 * Counts one failure for key at now, in one write transaction, and sets
 * *locked_until to the end of the lockout it caused (0 when none).
 */
int store_throttle_fail(struct store *s, const char *key, int64_t now,
    const struct store_throttle_policy *pol, int64_t *locked_until, struct strbuf *err);
/* Forgets key's failures and lockouts (after a successful sign-in). */
int store_throttle_clear(struct store *s, const char *key, struct strbuf *err);

#endif
