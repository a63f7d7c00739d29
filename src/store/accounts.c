/*
 * Accounts in the store: users, sessions, API tokens, the audit log and the
 * sign-in failure counters (accounts.h). Storage only; the rules are in
 * src/auth/.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "store_impl.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"
#include "../util/i18n.h"
#include "../util/banned.h"

const char *const store_role_names[STORE_ROLE__MAX] = {
	/* STORE_ROLE_ADMIN */ "admin",
	/* STORE_ROLE_MEMBER */ "member",
	/* STORE_ROLE_VIEWER */ "viewer",
	/* STORE_ROLE_EVALUATOR */ "evaluator",
};

int
store_role_parse(const char *name)
{
	for (int i = 0; i < STORE_ROLE__MAX; i++)
		if (strcmp(name, store_role_names[i]) == 0)
			return i;
	return -1;
}

/* A copy of column i's text, or NULL when it is NULL. */
static char *
col_str(struct db_stmt *st, int i)
{
	const char *t = db_column_text(st, i);

	return t ? xstrdup(t) : NULL;
}

/* Runs st (bound), which returns no rows; sets *changes. */
static int
exec_stmt(struct store *s, struct db_stmt *st, int *changes, struct strbuf *err,
    const char *what)
{
	int rc = db_step(st);

	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, what);
		return -1;
	}
	if (changes)
		*changes = db_changes(s->db);
	return 0;
}

/* ---------------------------------------------------------------- users */

void
store_user_init(struct store_user *u)
{
	memset(u, 0, sizeof(*u));
}

void
store_user_release(struct store_user *u)
{
	free(u->email);
	free(u->initiative);
	free(u->program);
	free(u->password_hash);
	free(u->organization);
	free(u->lang);
	store_user_init(u);
}

void
store_users_release(struct store_users *users)
{
	for (size_t i = 0; i < users->n; i++)
		store_user_release(&users->v[i]);
	VEC_FREE(users);
}

/* Reads the user columns (sql.c's USER_COLS) starting at column c into u. */
static void
read_user(struct db_stmt *st, int c, struct store_user *u)
{
	int role;

	store_user_release(u);
	u->id = db_column_int64(st, c);
	u->email = col_str(st, c + 1);
	role = store_role_parse(db_column_text(st, c + 2));
	u->role = role < 0 ? STORE_ROLE_VIEWER : (enum store_role)role;	/* CHECKed */
	u->initiative = col_str(st, c + 3);
	u->program = col_str(st, c + 4);
	u->password_hash = col_str(st, c + 5);
	u->created = db_column_int64(st, c + 6);
	u->disabled = db_column_int64(st, c + 7);
	u->organization = col_str(st, c + 8);
	u->lang = col_str(st, c + 9);
}

/* Runs a one-row user query: 0 with u loaded, 1 none, -1 error. */
static int
user_query(struct store *s, struct db_stmt *st, struct store_user *u, struct strbuf *err)
{
	int rc = db_step(st), ret = -1;

	if (rc == DB_ROW) {
		read_user(st, 0, u);
		ret = 0;
	} else if (rc == DB_DONE)
		ret = 1;
	else
		store_sqlerr(s, err, "cannot read a user");
	store_stmt_done(st);
	return ret;
}

int
store_user_get(struct store *s, const char *email, struct store_user *u, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_USER_BY_EMAIL, err);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, email);
	return user_query(s, st, u, err);
}

int
store_user_get_id(struct store *s, int64_t id, struct store_user *u, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_USER_BY_ID, err);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	return user_query(s, st, u, err);
}

int
store_user_list(struct store *s, struct store_users *users, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_USER_LIST, err);
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = db_step(st)) == DB_ROW) {
		struct store_user *u = VEC_PUSH(users);

		store_user_init(u);
		read_user(st, 0, u);
	}
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot list users");
		return -1;
	}
	return 0;
}

/*
 * Looks up the rowid of the initiative or program (what) named slug with
 * statement id. 0 found, 1 missing (err says so), -1 on a store error.
 */
static int
find_id(struct store *s, enum stmt id, const char *what, const char *slug,
    int64_t *out, struct strbuf *err)
{
	struct db_stmt *st;
	int rc;

	if ((st = store_stmt(s, id, err)) == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	rc = db_step(st);
	if (rc == DB_ROW)
		*out = db_column_int64(st, 0);
	store_stmt_done(st);
	if (rc == DB_ROW)
		return 0;
	if (rc != DB_DONE) {
		strbuf_reset(err);
		store_sqlerr(s, err, what[0] == 'i' ? "cannot find an initiative" : "cannot find a program");
		return -1;
	}
	strbuf_reset(err);
	strbuf_addf(err, "no %s '%s'", what, slug);
	return 1;
}

/*
 * Finds the rowids an account refers to: the initiative (member, viewer)
 * or the program (evaluator). 0 found (ids 0 when not needed), 1 missing.
 */
static int
resolve_scope(struct store *s, enum store_role role, const char *initiative,
    const char *program, int64_t *ini_id, int64_t *prog_id, struct strbuf *err)
{
	*ini_id = *prog_id = 0;
	if (role == STORE_ROLE_MEMBER || role == STORE_ROLE_VIEWER) {
		if (initiative == NULL) {
			strbuf_reset(err);
			strbuf_addf(err, _("a %s needs an initiative"), store_role_names[role]);
			return 1;
		}
		return find_id(s, ST_INITIATIVE_ID, "initiative", initiative, ini_id, err);
	}
	if (role == STORE_ROLE_EVALUATOR) {
		if (program == NULL) {
			strbuf_reset(err);
			strbuf_addstr(err, _("an evaluator needs a program"));
			return 1;
		}
		return find_id(s, ST_PROGRAM_ID, "program", program, prog_id, err);
	}
	return 0;
}

static void
bind_id_or_null(struct db_stmt *st, int i, int64_t id)
{
	if (id)
		db_bind_int64(st, i, id);
	else
		db_bind_null(st, i);
}

int
store_user_add(struct store *s, struct store_user *u, const struct store_audit_entry *audit,
    struct strbuf *err)
{
	struct db_stmt *st;
	int64_t ini_id, prog_id;
	int rc;

	if (store_begin(s, err) == -1)
		return -1;
	store_touch_none(s);	/* accounts are not program data */
	if ((rc = resolve_scope(s, u->role, u->initiative, u->program, &ini_id, &prog_id, err)) != 0)
		goto fail;
	rc = -1;
	if ((st = store_stmt(s, ST_USER_INS, err)) == NULL)
		goto fail;
	db_bind_text(st, 1, u->email);
	db_bind_text(st, 2, store_role_names[u->role]);
	bind_id_or_null(st, 3, ini_id);
	bind_id_or_null(st, 4, prog_id);
	db_bind_text(st, 5, u->password_hash);
	db_bind_int64(st, 6, u->created);
	if (db_step(st) != DB_DONE) {
		if (db_error_kind(s->db) == DB_ERR_UNIQUE) {
			strbuf_reset(err);
			strbuf_addf(err, _("a user with email '%s' exists already"), u->email);
			rc = 1;
		} else
			store_sqlerr(s, err, "cannot add a user");
		store_stmt_done(st);
		goto fail;
	}
	store_stmt_done(st);
	if (db_last_id(s->db, &u->id, err) == -1)
		goto fail;
	return store_write_commit(s, audit, err);
fail:
	store_rollback(s);
	return rc;
}

int
store_user_remove(struct store *s, const char *email, const struct store_audit_entry *audit,
    struct strbuf *err)
{
	struct db_stmt *st;
	int changes, rc = -1;

	/* a transaction of its own so that its audit entry goes with it */
	if (store_begin(s, err) == -1)
		return -1;
	store_touch_none(s);	/* accounts are not program data */
	if ((st = store_stmt(s, ST_USER_DEL, err)) == NULL)
		goto fail;
	db_bind_text(st, 1, email);
	if (exec_stmt(s, st, &changes, err, "cannot remove a user") == -1)
		goto fail;
	if (changes == 0) {
		strbuf_reset(err);
		strbuf_addf(err, _("no user '%s'"), email);
		rc = 1;
		goto fail;
	}
	return store_write_commit(s, audit, err);
fail:
	store_rollback(s);
	return rc;
}

/* Ends the user's sessions: part of an open transaction. */
static int
end_sessions(struct store *s, int64_t user_id, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_SESSION_DEL_USER, err);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, user_id);
	return exec_stmt(s, st, NULL, err, "cannot end sessions");
}

/* Revokes every API token of the user: part of an open transaction. */
static int
revoke_tokens(struct store *s, int64_t user_id, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_TOKEN_DEL_USER, err);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, user_id);
	return exec_stmt(s, st, NULL, err, "cannot revoke API tokens");
}

static int
no_user(struct strbuf *err, int64_t id)
{
	strbuf_reset(err);
	strbuf_addf(err, _("no user with id %lld"), (long long)id);
	return 1;
}

/*
 * Runs st, a change of user id's row: 0; 1 with err set when there is no
 * such user; -1 with err set (what failed) on an error.
 */
static int
exec_user(struct store *s, struct db_stmt *st, int64_t id, struct strbuf *err, const char *what)
{
	int changes;

	if (exec_stmt(s, st, &changes, err, what) == -1)
		return -1;
	return changes == 0 ? no_user(err, id) : 0;
}

int
store_user_set_hash(struct store *s, int64_t id, const char *hash, int end,
    struct strbuf *err)
{
	struct db_stmt *st;
	int rc = -1;

	if (store_begin(s, err) == -1)
		return -1;
	store_touch_none(s);	/* accounts are not program data */
	if ((st = store_stmt(s, ST_USER_SET_HASH, err)) == NULL)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, hash);
	if ((rc = exec_user(s, st, id, err, "cannot change a password")) != 0)
		goto fail;
	rc = -1;	/* what fails next is an error */
	if (end && (end_sessions(s, id, err) == -1 || revoke_tokens(s, id, err) == -1))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return rc;
}

int
store_user_set_role(struct store *s, int64_t id, enum store_role role,
    const char *initiative, const char *program, const struct store_audit_entry *audit,
    struct strbuf *err)
{
	struct db_stmt *st;
	int64_t ini_id, prog_id;
	int rc;

	if (store_begin(s, err) == -1)
		return -1;
	store_touch_none(s);	/* accounts are not program data */
	if ((rc = resolve_scope(s, role, initiative, program, &ini_id, &prog_id, err)) != 0)
		goto fail;
	rc = -1;
	if ((st = store_stmt(s, ST_USER_SET_ROLE, err)) == NULL)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, store_role_names[role]);
	bind_id_or_null(st, 3, ini_id);
	bind_id_or_null(st, 4, prog_id);
	if ((rc = exec_user(s, st, id, err, "cannot change a role")) != 0)
		goto fail;
	rc = -1;	/* what fails next is an error */
	if (end_sessions(s, id, err) == -1)
		goto fail;
	return store_write_commit(s, audit, err);
fail:
	store_rollback(s);
	return rc;
}

int
store_user_role_in(struct store *s, int64_t id, const char *program, enum store_role *role,
    char **initiative, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_ROLE_GET, err);
	int rc, r, ret = -1;

	*initiative = NULL;
	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, program);
	rc = db_step(st);
	if (rc == DB_ROW) {
		r = store_role_parse(db_column_text(st, 0));
		*role = r < 0 ? STORE_ROLE_VIEWER : (enum store_role)r;	/* CHECKed */
		*initiative = col_str(st, 1);
		ret = 0;
	} else if (rc == DB_DONE)
		ret = 1;
	else
		store_sqlerr(s, err, "cannot read an account's role");
	store_stmt_done(st);
	return ret;
}

int
store_user_role_set(struct store *s, int64_t id, const char *program, enum store_role role,
    const char *initiative, const struct store_audit_entry *audit, struct strbuf *err)
{
	int member = role == STORE_ROLE_MEMBER || role == STORE_ROLE_VIEWER;
	struct db_stmt *st;
	int changes, rc = 1;

	assert((unsigned)role < STORE_ROLE__MAX);
	if (member != (initiative != NULL)) {
		strbuf_reset(err);
		strbuf_addf(err, member ? "a %s needs an initiative" : "a %s has no initiative",
		    store_role_names[role]);
		return 1;
	}
	if (store_begin(s, err) == -1)
		return -1;
	store_touch_none(s);	/* accounts are not program data */
	if (member) {
		struct store_slugs in = { NULL, 0, 0 };
		int found = 0;

		if (store_initiative_slugs(s, program, &in, err)) {
			rc = -1;
			goto fail;
		}
		for (size_t i = 0; i < in.n; i++)
			found |= strcmp(in.v[i], initiative) == 0;
		store_slugs_release(&in);
		if (!found) {
			strbuf_reset(err);
			strbuf_addf(err, "program '%s' has no initiative '%s'", program, initiative);
			goto fail;
		}
	}
	rc = -1;
	if ((st = store_stmt(s, ST_ROLE_SET, err)) == NULL)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, program);
	db_bind_text(st, 3, store_role_names[role]);
	db_bind_text(st, 4, initiative);
	if (exec_stmt(s, st, &changes, err, "cannot give an account a role") == -1)
		goto fail;
	if (changes == 0) {
		strbuf_reset(err);
		strbuf_addf(err, "no program '%s'", program);
		rc = 1;
		goto fail;
	}
	if (end_sessions(s, id, err) == -1)
		goto fail;
	return store_write_commit(s, audit, err);
fail:
	store_rollback(s);
	return rc;
}

int
store_user_roles(struct store *s, struct store_slugs *out, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_ROLE_LIST, err);
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = db_step(st)) == DB_ROW)
		for (int i = 0; i < 4; i++)
			*VEC_PUSH(out) = col_str(st, i);
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot list the accounts' roles");
		return -1;
	}
	return 0;
}

int
store_user_programs(struct store *s, int64_t id, struct store_slugs *out, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_USER_PROGRAMS, err);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	while ((rc = db_step(st)) == DB_ROW)
		for (int i = 0; i < 2; i++)
			*VEC_PUSH(out) = col_str(st, i);
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot read an account's programs");
		return -1;
	}
	return 0;
}

int
store_user_set_org(struct store *s, int64_t id, const char *org,
    const struct store_audit_entry *audit, struct strbuf *err)
{
	struct db_stmt *st;
	int rc = -1;

	if (store_begin(s, err) == -1)
		return -1;
	store_touch_none(s);	/* accounts are not program data */
	if ((st = store_stmt(s, ST_USER_SET_ORG, err)) == NULL)
		goto fail;
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, org);
	if ((rc = exec_user(s, st, id, err, "cannot set a user's organization")) != 0)
		goto fail;
	return store_write_commit(s, audit, err);
fail:
	store_rollback(s);
	return rc;
}

int
store_user_set_disabled(struct store *s, int64_t id, int64_t when,
    const struct store_audit_entry *audit, struct strbuf *err)
{
	struct db_stmt *st;
	int rc = -1;

	if (store_begin(s, err) == -1)
		return -1;
	store_touch_none(s);	/* accounts are not program data */
	if ((st = store_stmt(s, ST_USER_SET_DISABLED, err)) == NULL)
		goto fail;
	db_bind_int64(st, 1, id);
	bind_id_or_null(st, 2, when);
	if ((rc = exec_user(s, st, id, err, "cannot disable a user")) != 0)
		goto fail;
	rc = -1;	/* what fails next is an error */
	if (when && end_sessions(s, id, err) == -1)
		goto fail;
	return store_write_commit(s, audit, err);
fail:
	store_rollback(s);
	return rc;
}

/* ---------------------------------------------------------------- sessions */

void
store_session_init(struct store_session *ss)
{
	memset(ss, 0, sizeof(*ss));
}

void
store_session_release(struct store_session *ss)
{
	free(ss->csrf);
	store_session_init(ss);
}

int
store_session_add(struct store *s, int64_t user_id,
    const unsigned char hash[STORE_TOKEN_HASH_LEN], const char *csrf, int64_t now,
    int64_t *id, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_SESSION_INS, err);

	if (st == NULL)
		return -1;
	db_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN);
	db_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, csrf);
	db_bind_int64(st, 5, now);
	if (exec_stmt(s, st, NULL, err, "cannot store a session") == -1)
		return -1;
	return db_last_id(s->db, id, err);
}

int
store_session_get(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
    struct store_session *ss, struct store_user *u, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_SESSION_GET, err);
	int rc, ret = -1;

	if (st == NULL)
		return -1;
	db_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN);
	rc = db_step(st);
	if (rc == DB_ROW) {
		store_session_release(ss);
		ss->id = db_column_int64(st, 0);
		ss->csrf = col_str(st, 1);
		ss->created = db_column_int64(st, 2);
		ss->last_seen = db_column_int64(st, 3);
		read_user(st, 4, u);
		ss->user_id = u->id;
		ret = 0;
	} else if (rc == DB_DONE)
		ret = 1;
	else
		store_sqlerr(s, err, "cannot read a session");
	store_stmt_done(st);
	return ret;
}

/* Runs a statement binding one id (and an optional time at ?2). */
static int
by_id(struct store *s, enum stmt id_stmt, int64_t id, const int64_t *t, int *changes,
    struct strbuf *err, const char *what)
{
	struct db_stmt *st = store_stmt(s, id_stmt, err);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, id);
	if (t)
		db_bind_int64(st, 2, *t);
	return exec_stmt(s, st, changes, err, what);
}

int
store_session_touch(struct store *s, int64_t id, int64_t now, struct strbuf *err)
{
	return by_id(s, ST_SESSION_TOUCH, id, &now, NULL, err, "cannot update a session");
}

int
store_session_delete(struct store *s, int64_t id, struct strbuf *err)
{
	return by_id(s, ST_SESSION_DEL, id, NULL, NULL, err, "cannot end a session");
}

/*
 * In a write of its own, so that the data's version moves: a server that
 * answers sessions from memory while the version stands
 * (auth_session_check_at) reads this one again, in any process.
 */
int
store_session_delete_hash(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
    struct strbuf *err)
{
	struct db_stmt *st;

	if (store_begin(s, err) == -1)
		return -1;
	store_touch_none(s);	/* accounts are not program data */
	if ((st = store_stmt(s, ST_SESSION_DEL_HASH, err)) == NULL)
		goto fail;
	db_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN);
	if (exec_stmt(s, st, NULL, err, "cannot end a session") == -1)
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int
store_session_delete_user(struct store *s, int64_t user_id, struct strbuf *err)
{
	return end_sessions(s, user_id, err);
}

int
store_session_purge(struct store *s, int64_t idle_before, int64_t created_before,
    struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_SESSION_PURGE, err);

	if (st == NULL)
		return -1;
	db_bind_int64(st, 1, idle_before);
	db_bind_int64(st, 2, created_before);
	return exec_stmt(s, st, NULL, err, "cannot purge sessions");
}

/* ---------------------------------------------------------------- API tokens */

void
store_tokens_release(struct store_tokens *tokens)
{
	for (size_t i = 0; i < tokens->n; i++) {
		free(tokens->v[i].email);
		free(tokens->v[i].name);
	}
	VEC_FREE(tokens);
}

int
store_token_add(struct store *s, int64_t user_id,
    const unsigned char hash[STORE_TOKEN_HASH_LEN], const char *name, int64_t now,
    int64_t *id, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_TOKEN_INS, err);

	if (st == NULL)
		return -1;
	db_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN);
	db_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, name);
	db_bind_int64(st, 4, now);
	if (exec_stmt(s, st, NULL, err, "cannot store a token") == -1)
		return -1;
	return db_last_id(s->db, id, err);
}

int
store_token_use(struct store *s, const unsigned char hash[STORE_TOKEN_HASH_LEN],
    int64_t now, struct store_user *u, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_TOKEN_GET, err);
	int64_t id = 0;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_blob(st, 1, hash, STORE_TOKEN_HASH_LEN);
	rc = db_step(st);
	if (rc == DB_ROW) {
		id = db_column_int64(st, 0);
		read_user(st, 1, u);
	}
	store_stmt_done(st);
	if (rc == DB_DONE)
		return 1;
	if (rc != DB_ROW) {
		store_sqlerr(s, err, "cannot read a token");
		return -1;
	}
	return by_id(s, ST_TOKEN_TOUCH, id, &now, NULL, err, "cannot update a token");
}

int
store_token_list(struct store *s, const char *email, struct store_tokens *tokens,
    struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_TOKEN_LIST, err);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, email);
	while ((rc = db_step(st)) == DB_ROW) {
		struct store_token *t = VEC_PUSH(tokens);

		t->id = db_column_int64(st, 0);
		t->email = col_str(st, 1);
		t->name = col_str(st, 2);
		t->created = db_column_int64(st, 3);
		t->last_used = db_column_int64(st, 4);
	}
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot list tokens");
		return -1;
	}
	return 0;
}

int
store_token_remove(struct store *s, int64_t id, struct strbuf *err)
{
	int changes;

	if (by_id(s, ST_TOKEN_DEL, id, NULL, &changes, err, "cannot remove a token") == -1)
		return -1;
	if (changes == 0) {
		strbuf_reset(err);
		strbuf_addf(err, _("no token %lld"), (long long)id);
		return 1;
	}
	return 0;
}

/* ---------------------------------------------------------------- audit log */

void
store_audits_release(struct store_audits *audits)
{
	for (size_t i = 0; i < audits->n; i++) {
		struct store_audit *a = &audits->v[i];

		free(a->actor);
		free(a->action);
		free(a->kind);
		free(a->initiative);
		free(a->record);
		free(a->before);
		free(a->after);
	}
	VEC_FREE(audits);
}

int
store_audit_last(struct store *s, int64_t *id, struct strbuf *err)
{
	return store_int64(s, ST_AUDIT_LAST, id, "cannot read the audit log", err);
}

int
store_audit_creator(struct store *s, const char *initiative, const char *kind,
    const char *record, char **actor, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_AUDIT_CREATOR, err);
	int rc, ret = -1;

	*actor = NULL;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, initiative);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, record);
	if ((rc = db_step(st)) == DB_ROW) {
		*actor = xstrdup(db_column_text(st, 0));
		ret = 0;
	} else if (rc == DB_DONE)
		ret = 0;
	else
		store_sqlerr(s, err, "cannot read the audit log");
	store_stmt_done(st);
	return ret;
}

int
store_audit_list(struct store *s, const char *initiative, int64_t offset,
    int64_t limit, struct store_audits *out, int *more, struct strbuf *err)
{
	return store_audit_list_in(s, NULL, initiative, offset, limit, out, more, err);
}

int
store_audit_list_in(struct store *s, const char *program, const char *initiative,
    int64_t offset, int64_t limit, struct store_audits *out, int *more, struct strbuf *err)
{
	enum stmt id = program ? (initiative ? ST_AUDIT_LIST_PROG_INI : ST_AUDIT_LIST_PROG) :
	    initiative ? ST_AUDIT_LIST_INI : ST_AUDIT_LIST;
	struct db_stmt *st = store_stmt(s, id, err);
	int64_t got = 0;
	int rc;

	*more = 0;
	if (st == NULL)
		return -1;
	if (offset < 0)
		offset = 0;
	if (limit < 0)
		limit = 0;
	/* One row more than asked tells whether another page follows. */
	db_bind_int64(st, 1, limit + 1);
	db_bind_int64(st, 2, offset);
	if (program)
		db_bind_text(st, 3, program);
	if (initiative)
		db_bind_text(st, program ? 4 : 3, initiative);
	while ((rc = db_step(st)) == DB_ROW) {
		struct store_audit *a;

		if (got++ == limit) {
			*more = 1;
			continue;
		}
		a = VEC_PUSH(out);
		a->id = db_column_int64(st, 0);
		a->at = db_column_int64(st, 1);
		a->actor = col_str(st, 2);
		a->action = col_str(st, 3);
		a->kind = col_str(st, 4);
		a->initiative = col_str(st, 5);
		a->record = col_str(st, 6);
		a->before = col_str(st, 7);
		a->after = col_str(st, 8);
	}
	store_stmt_done(st);
	if (rc != DB_DONE) {
		store_sqlerr(s, err, "cannot read the audit log");
		return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- sign-in throttling */

/* Reads key's counters into *t (zeros when none). */
static int
throttle_get(struct store *s, const char *key,
    int64_t t[4], struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_THROTTLE_GET, err);
	int rc;

	t[0] = t[1] = t[2] = t[3] = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key);
	rc = db_step(st);
	if (rc == DB_ROW)
		for (int i = 0; i < 4; i++)
			t[i] = db_column_int64(st, i);
	store_stmt_done(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		store_sqlerr(s, err, "cannot read sign-in failures");
		return -1;
	}
	return 0;
}

int
store_throttle_check(struct store *s, const char *key, int64_t *locked_until,
    struct strbuf *err)
{
	int64_t t[4];

	*locked_until = 0;
	if (throttle_get(s, key, t, err) == -1)
		return -1;
	*locked_until = t[2];
	return 0;
}

int
store_throttle_fail(struct store *s, const char *key, int64_t now,
    const struct store_throttle_policy *pol, int64_t *locked_until, struct strbuf *err)
{
	/* failures, window_start, locked_until, lockouts */
	int64_t t[4];
	struct db_stmt *st;

	*locked_until = 0;
	if (store_begin(s, err) == -1)
		return -1;
	store_touch_none(s);	/* accounts are not program data */
	/*
	 * Expiry: a row whose window began before now - forget - max_delay
	 * (its lockout ended by then too: a lockout begins a window) counts as
	 * no row at all, below and in store_throttle_check; so it goes, by
	 * migration 13's index, and the table holds only what still counts.
	 */
	if ((st = store_stmt(s, ST_THROTTLE_EXPIRE, err)) == NULL)
		goto fail;
	db_bind_int64(st, 1, now - pol->forget - pol->max_delay);
	if (exec_stmt(s, st, NULL, err, "cannot forget old sign-in failures") == -1)
		goto fail;
	if (throttle_get(s, key, t, err) == -1)
		goto fail;
	if (now - t[1] >= pol->window) {
		/* a new window; a long quiet spell forgets the lockouts too */
		if (now - t[1] >= pol->forget && now >= t[2] + pol->forget)
			t[3] = 0;
		t[0] = 0;
		t[1] = now;
	}
	t[0]++;
	if (t[0] >= pol->limit) {
		int64_t delay = pol->base_delay;

		for (int64_t i = 0; i < t[3] && delay < pol->max_delay; i++)
			delay *= 2;
		if (delay > pol->max_delay)
			delay = pol->max_delay;
		t[3]++;
		t[2] = now + delay;
		t[0] = 0;
		t[1] = now;
		*locked_until = t[2];
	}
	if ((st = store_stmt(s, ST_THROTTLE_PUT, err)) == NULL)
		goto fail;
	db_bind_text(st, 1, key);
	for (int i = 0; i < 4; i++)
		db_bind_int64(st, i + 2, t[i]);
	if (exec_stmt(s, st, NULL, err, "cannot count a sign-in failure") == -1)
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return -1;
}

int
store_throttle_clear(struct store *s, const char *key, struct strbuf *err)
{
	struct db_stmt *st = store_stmt(s, ST_THROTTLE_DEL, err);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, key);
	return exec_stmt(s, st, NULL, err, "cannot clear sign-in failures");
}
