#ifndef TRELLIS_STORE_IMPL_H
#define TRELLIS_STORE_IMPL_H
/*
 * Inside the store: the connection, the statement table and the helpers the
 * store's files share. Only src/store/ (and its unit tests) include this.
 */
#include <sqlite3.h>

#include "store.h"

struct strbuf;

/*
 * Every SQL statement the store runs (except the schema migrations and the
 * connection pragmas of store_open), as constant text in store_sql[],
 * indexed by this enum. Parameters are `?` binds only.
 */
enum stmt {
	ST_BEGIN,		/* BEGIN IMMEDIATE */
	ST_BEGIN_READ,		/* BEGIN (deferred: a read snapshot) */
	ST_WAL,			/* PRAGMA journal_mode = WAL */
	ST_COMMIT,
	ST_ROLLBACK,
	ST_USER_VERSION,	/* PRAGMA user_version */
	ST_INTEGRITY,		/* PRAGMA integrity_check */
	ST_FK_CHECK,		/* PRAGMA foreign_key_check */
	ST_PROGRAM_SLUGS,
	ST_PROGRAM_FIND,	/* by slug */
	ST_PROGRAM_INS,
	ST_SETTING_GET,
	ST_SETTING_SET,
	ST_SETTING_DEL,
	/* record tables: insert one row; select a program's rows in rowid order */
	ST_ORG_INS, ST_ORG_SEL,
	ST_ORG_EXPERTISE_INS, ST_ORG_EXPERTISE_SEL,
	ST_PERSON_INS, ST_PERSON_SEL,
	ST_INSTRUMENT_INS, ST_INSTRUMENT_SEL,
	ST_ITEM_INS, ST_ITEM_SEL,
	ST_INITIATIVE_INS, ST_INITIATIVE_SEL,
	ST_COMMITTEE_INS, ST_COMMITTEE_SEL,
	ST_REPORTS_TO_INS, ST_REPORTS_TO_SEL,
	ST_EVALUATED_BY_INS, ST_EVALUATED_BY_SEL,
	ST_OBSERVATION_INS, ST_OBSERVATION_SEL,
	ST_MEMBER_INS, ST_MEMBER_SEL,
	ST_RESPONSIBILITY_INS, ST_RESPONSIBILITY_SEL,
	ST_ASSIGNMENT_INS, ST_ASSIGNMENT_SEL,
	ST_DECISION_INS, ST_DECISION_SEL,
	ST_CONSULTED_INS, ST_CONSULTED_SEL,
	ST_INFORMED_INS, ST_INFORMED_SEL,
	ST_GRANT_INS, ST_GRANT_SEL,
	ST_LINE_INS, ST_LINE_SEL,
	ST_LEDGER_INS, ST_LEDGER_SEL,
	ST_APPLICATION_INS, ST_APPLICATION_SEL,
	ST_CO_APPLICANT_INS, ST_CO_APPLICANT_SEL,
	ST_CREDIT_INS, ST_CREDIT_SEL,
	ST_CREDITED_INS, ST_CREDITED_SEL,
	ST_CONTRIBUTION_INS, ST_CONTRIBUTION_SEL,
	ST_CHECKIN_INS, ST_CHECKIN_SEL,
	ST_ATTENDEE_INS, ST_ATTENDEE_SEL,
	ST_EVENT_INS, ST_EVENT_SEL,
	ST_EXPECTED_INS, ST_EXPECTED_SEL,
	ST_ATTENDED_INS, ST_ATTENDED_SEL,
	ST_SURVEY_INS, ST_SURVEY_SEL,
	ST_RESPONSE_INS, ST_RESPONSE_SEL,
	ST_ANSWER_INS, ST_ANSWER_SEL,
	ST_TIE_INS, ST_TIE_SEL,
	ST_LEARNING_INS, ST_LEARNING_SEL,
	ST_NOTE_INS, ST_NOTE_SEL,
	ST_NOTE_INITIATIVE_INS, ST_NOTE_INITIATIVE_SEL,
	/* accounts (accounts.c) */
	ST_USER_INS,
	ST_USER_BY_EMAIL,
	ST_USER_BY_ID,
	ST_USER_LIST,
	ST_USER_DEL,
	ST_USER_SET_HASH,
	ST_USER_SET_ROLE,
	ST_USER_SET_DISABLED,
	ST_INITIATIVE_ID,	/* by slug: id, program's slug */
	ST_PROGRAM_ID,		/* by slug */
	ST_SESSION_INS,
	ST_SESSION_GET,		/* by token hash, with its user */
	ST_SESSION_TOUCH,
	ST_SESSION_DEL,
	ST_SESSION_DEL_HASH,
	ST_SESSION_DEL_USER,
	ST_SESSION_PURGE,
	ST_TOKEN_INS,
	ST_TOKEN_GET,		/* by token hash, with its user */
	ST_TOKEN_TOUCH,
	ST_TOKEN_LIST,
	ST_TOKEN_DEL,
	ST_AUDIT_INS,
	ST_AUDIT_LIST,		/* every initiative */
	ST_AUDIT_LIST_INI,	/* one initiative */
	ST_THROTTLE_GET,
	ST_THROTTLE_PUT,
	ST_THROTTLE_DEL,
	ST__MAX
};

extern const char *const store_sql[ST__MAX];

/* The schema migrations (schema.c); migration i sets user_version to i + 1. */
extern const char *const store_migrations[];
extern const int store_migrations_count;

struct store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *st[ST__MAX];	/* prepared on first use, kept until close */
};

/*
 * Returns the prepared statement id, reset and with no bindings, or NULL
 * with a message in err. The statement belongs to s; hand it back with
 * store_stmt_done.
 */
sqlite3_stmt *store_stmt(struct store *s, enum stmt id, struct strbuf *err);
/* Resets st so it can be used again (NULL is fine). */
void store_stmt_done(sqlite3_stmt *st);

/* Begins an immediate write transaction. */
int store_begin(struct store *s, struct strbuf *err);
/* Begins a read transaction: later reads see one snapshot. End it with store_commit. */
int store_begin_read(struct store *s, struct strbuf *err);
/* Commits; on failure rolls back. */
int store_commit(struct store *s, struct strbuf *err);
/* Rolls back the open transaction, if any. */
void store_rollback(struct store *s);

/* Replaces err with "what: <sqlite's message>". */
void store_sqlerr(struct store *s, struct strbuf *err, const char *what);

#endif
