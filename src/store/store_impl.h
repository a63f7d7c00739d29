#ifndef TRELLIS_STORE_IMPL_H
#define TRELLIS_STORE_IMPL_H
/*
 * Inside the store: the connection, the statement table and the helpers the
 * store's files share. Only src/store/ (and its unit tests) include this.
 */
#include "db.h"
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
	ST_SETTING_ALL,		/* a program's settings, by name */
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
	ST_PROPOSAL_INS, ST_PROPOSAL_SEL,
	ST_ASKED_INS, ST_ASKED_SEL,
	ST_PANSWER_INS, ST_PANSWER_SEL,
	ST_ARESPONSE_INS, ST_ARESPONSE_SEL,
	ST_ACTION_INS, ST_ACTION_SEL,
	ST_CANDIDATE_INS, ST_CANDIDATE_SEL,
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
	ST_ROLE_GET,		/* an account's role in one program (migration 14) */
	ST_ROLE_SET,
	ST_ROLE_LIST,
	ST_USER_PROGRAMS,	/* the programs where an account has a role, and the role */
	ST_USER_SET_DISABLED,
	ST_USER_SET_ORG,
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
	ST_TOKEN_DEL_USER,	/* every token of a user (a password change) */
	ST_AUDIT_INS,
	ST_AUDIT_LIST,		/* every initiative */
	ST_AUDIT_LIST_INI,	/* one initiative */
	ST_AUDIT_LIST_PROG,	/* one program */
	ST_AUDIT_LIST_PROG_INI,	/* one initiative of one program */
	ST_AUDIT_LAST,
	ST_THROTTLE_GET,
	ST_THROTTLE_PUT,
	ST_THROTTLE_DEL,
	ST_THROTTLE_EXPIRE,
	/*
	 * editing one record (edit.c): _UPD sets a row's fields (the insert's
	 * columns, then its id), _DEL deletes a row (its link rows and children
	 * cascade), a link's _DEL deletes an owner's link rows, _DEL_OF deletes
	 * a parent's children of a list that is replaced wholesale
	 */
	ST_PROGRAM_UPD,
	ST_ORG_UPD, ST_ORG_DEL, ST_ORG_EXPERTISE_DEL,
	ST_PERSON_UPD, ST_PERSON_DEL,
	ST_INSTRUMENT_UPD, ST_INSTRUMENT_DEL,
	ST_INSTRUMENT_USED,	/* surveys of the program that use instrument ?1 */
	ST_ITEM_UPD, ST_ITEM_DEL, ST_ITEM_DEL_OF,
	ST_INITIATIVE_UPD, ST_INITIATIVE_DEL,
	ST_INITIATIVE_NOTED,	/* learning notes that name initiative ?1 */
	ST_COMMITTEE_DEL, ST_REPORTS_TO_DEL, ST_EVALUATED_BY_DEL,
	ST_OBSERVATION_UPD, ST_OBSERVATION_DEL,
	ST_MEMBER_UPD, ST_MEMBER_DEL,
	ST_RESPONSIBILITY_UPD, ST_RESPONSIBILITY_DEL, ST_ASSIGNMENT_DEL,
	ST_DECISION_UPD, ST_DECISION_DEL, ST_CONSULTED_DEL, ST_INFORMED_DEL,
	ST_GRANT_UPD, ST_GRANT_DEL,
	ST_LINE_UPD, ST_LINE_DEL, ST_LINE_DEL_OF,
	ST_LEDGER_UPD, ST_LEDGER_DEL,
	ST_APPLICATION_UPD, ST_APPLICATION_DEL, ST_CO_APPLICANT_DEL,
	ST_CREDIT_UPD, ST_CREDIT_DEL, ST_CREDITED_DEL,
	ST_CONTRIBUTION_UPD, ST_CONTRIBUTION_DEL,
	ST_CHECKIN_UPD, ST_CHECKIN_DEL, ST_ATTENDEE_DEL,
	ST_EVENT_UPD, ST_EVENT_DEL, ST_EXPECTED_DEL, ST_ATTENDED_DEL,
	ST_SURVEY_UPD, ST_SURVEY_DEL,
	ST_RESPONSE_UPD, ST_RESPONSE_DEL, ST_RESPONSE_DEL_OF, ST_ANSWER_DEL,
	ST_TIE_UPD, ST_TIE_DEL,
	ST_PROPOSAL_UPD, ST_PROPOSAL_DEL, ST_ASKED_DEL,
	ST_PANSWER_UPD, ST_PANSWER_DEL, ST_PANSWER_DEL_OF,
	ST_ARESPONSE_UPD, ST_ARESPONSE_DEL,
	ST_ACTION_UPD, ST_ACTION_DEL,
	ST_CANDIDATE_UPD, ST_CANDIDATE_DEL,
	ST_LEARNING_UPD, ST_LEARNING_DEL,
	ST_NOTE_UPD, ST_NOTE_DEL, ST_NOTE_DEL_OF, ST_NOTE_INITIATIVE_DEL,
	/* survey rounds (survey_rounds.c) */
	ST_ROUND_FIND,		/* a survey by initiative slug and ident: id, closed */
	ST_ROUND_CLOSE,		/* sets closed ?2 of survey ?1 while open */
	ST_INVITATION_INS,
	ST_INVITATION_GET,	/* by token hash, with its survey and initiative */
	ST_INVITATION_USE,	/* marks invitation ?1 used, if it was not */
	ST_INVITATION_COUNTS,	/* per group: issued, of survey ?1 */
	ST_ROUND_TEAM,		/* the people of initiative ?1's team, and their link of survey ?2 */
	ST_TALLY_MARK,		/* survey ?1's responses as of the start of day ?2, kept */
	ST_TALLY_GET,		/* survey ?1's responses as of the start of day ?2 */
	ST_RESPONSE_INS_ID,	/* a response with its (random) id */
	/* mail (outbox.c) */
	ST_MAIL_INS,
	ST_MAIL_DUE,		/* unsent, due at ?1 and not leased, the first ?2 */
	ST_MAIL_LEASE,		/* mail ?1 leased until ?2 */
	ST_MAIL_SENT,		/* mail ?1 sent at ?2 */
	ST_MAIL_RETRY,		/* mail ?1 failed: next try at ?2, error ?3 */
	ST_MAIL_LIST,		/* every mail, oldest first */
	ST_MAIL_SILENT,		/* initiatives running on ?1: last check-in, director, last reminder */
	ST_MAIL_ADMINS,		/* the admins' addresses */
	ST_USER_LANG_SET,	/* account ?3's language becomes ?4 */
	ST_DIGEST_GET,		/* account ?1's digest */
	ST_DIGEST_SET,		/* account ?3's digest becomes ?4 */
	ST_DIGEST_DUE,		/* accounts whose digest is due at ?1 */
	ST_DIGEST_SENT,		/* account ?3's digest made at ?2, if its last was ?1 */
	ST_DIGEST_SCOPE,	/* the initiatives account ?1 may read */
	ST_AUDIT_COUNTS,	/* initiative ?1's changes since ?2, by kind and action */
	ST_OPTOUT_INS,		/* address ?3 asks for no mail since ?2 */
	ST_OPTOUT_GET,		/* 1 when address ?1 asked for no mail */
	ST_PROPOSAL_RECIPIENTS,	/* the accounts of proposal ?1's asked organizations that read it */
	ST_PROPOSALS_CLOSING,	/* open proposals closing from day ?1 to ?2, not yet mailed so */
	ST_PROPOSALS_AWAITING,	/* open proposals account ?1's organization has not answered */
	ST_ACTIONS_DUE_ANY,	/* initiative ?1's open actions due by ?2: how many */
	ST_PERSON_BY_EMAIL,	/* program ?1's people with address ?2: slug, org slug */
	/* one initiative's rows (?1 = its rowid): store_initiative_load */
	ST_OBSERVATION_SEL_ONE, ST_MEMBER_SEL_ONE, ST_RESPONSIBILITY_SEL_ONE,
	ST_DECISION_SEL_ONE, ST_GRANT_SEL_ONE, ST_LEDGER_SEL_ONE,
	ST_APPLICATION_SEL_ONE, ST_CREDIT_SEL_ONE, ST_CONTRIBUTION_SEL_ONE,
	ST_CHECKIN_SEL_ONE, ST_EVENT_SEL_ONE, ST_SURVEY_SEL_ONE, ST_TIE_SEL_ONE,
	ST_ARESPONSE_SEL_ONE, ST_ACTION_SEL_ONE,
	ST_INITIATIVE_SEL_ONE, ST_LINE_SEL_ONE, ST_RESPONSE_SEL_ONE,
	ST_PROPOSAL_SEL_ONE, ST_PANSWER_SEL_ONE,
	ST_ORG_SEL_ONE,		/* the organizations the initiative names */
	ST_ORG_SEL_ID,		/* one organization by rowid ?1 (program.c, fetch_org) */
	ST_PERSON_SEL_ONE,	/* the people it names */
	ST_INITIATIVE_SLUGS,	/* of program slug ?1, in stored order */
	ST_INITIATIVE_FIND,	/* program and initiative rowids by slugs ?1, ?2 */
	ST_ORG_BY_SLUG,		/* of program ?1: store_catalog_complete */
	ST_PERSON_BY_SLUG,
	ST_DATA_VERSION,	/* the data's version (migration 4) */
	ST_DATA_VERSION_BUMP,	/* moved by every write transaction; ?1: the catalog too */
	ST_INITIATIVE_VERSION_SET,	/* initiative ?1 changed at version ?2 */
	ST_VERSIONS,		/* n, catalog, and initiative slug ?1's version */
	ST_SURVEY_INITIATIVE,	/* the initiative of survey ?1 */
	ST_INSTRUMENT_SURVEYS,	/* surveys of program ?1 using instrument ?2, with counts */
	ST_INSTRUMENT_ANSWERED,	/* item codes answered there */
	/* one initiative's link rows (?1 = its rowid), by their owners' initiative */
	ST_ASSIGNMENT_SEL_ONE, ST_CONSULTED_SEL_ONE, ST_INFORMED_SEL_ONE,
	ST_CO_APPLICANT_SEL_ONE, ST_CREDITED_SEL_ONE, ST_ATTENDEE_SEL_ONE,
	ST_EXPECTED_SEL_ONE, ST_ATTENDED_SEL_ONE, ST_ANSWER_SEL_ONE,
	ST_ASKED_SEL_ONE,
	/* migration 9 (issue 13): insert, select, update, delete, as above */
	ST_CHECKIN_ORG_INS, ST_CHECKIN_ORG_SEL, ST_CHECKIN_ORG_DEL, ST_CHECKIN_ORG_SEL_ONE,
	ST_FOLLOWUP_INS, ST_FOLLOWUP_SEL, ST_FOLLOWUP_UPD, ST_FOLLOWUP_DEL, ST_FOLLOWUP_DEL_OF,
	ST_FOLLOWUP_SEL_ONE,
	ST_EVIDENCE_INS, ST_EVIDENCE_SEL, ST_EVIDENCE_UPD, ST_EVIDENCE_DEL, ST_EVIDENCE_DEL_OF,
	ST_ASSIST_INS, ST_ASSIST_SEL, ST_ASSIST_UPD, ST_ASSIST_DEL, ST_ASSIST_SEL_ONE,
	ST_ASSIST_ANSWER_INS, ST_ASSIST_ANSWER_SEL, ST_ASSIST_ANSWER_DEL, ST_ASSIST_ANSWER_SEL_ONE,
	ST_DECISION_EVIDENCED,	/* learning evidence that names decision ?1 (by its initiative and id): count, a question */
	ST_CHECKIN_EVIDENCED,	/* the same for check-in ?1 */
	ST_EVIDENCE_DANGLING,	/* of program slug ?1: evidence naming a decision or check-in that is not there */
	/* migration 12 (issue 13, item 7): a ledger entry's approvals */
	ST_APPROVAL_INS, ST_APPROVAL_SEL, ST_APPROVAL_UPD, ST_APPROVAL_DEL, ST_APPROVAL_SEL_ONE,
	ST_AUDIT_CREATOR,	/* who created record ?3 of kind ?2 in initiative ?1 (the latest) */
	ST_APPROVAL_RECIPIENTS,	/* the accounts acting for organization ?2 that may approve in initiative ?1 */
	/*
	 * a report's load (store_report_load): initiative ?1's rows dated from
	 * ?2 to ?3, and their link rows, of the tables a report reads only in
	 * its window
	 */
	ST_DECISION_SEL_WIN, ST_APPLICATION_SEL_WIN, ST_CREDIT_SEL_WIN, ST_EVENT_SEL_WIN,
	ST_CONSULTED_SEL_WIN, ST_INFORMED_SEL_WIN, ST_CO_APPLICANT_SEL_WIN,
	ST_CREDITED_SEL_WIN, ST_EXPECTED_SEL_WIN, ST_ATTENDED_SEL_WIN,
	ST_LEDGER_SEL_WIN, ST_TIE_SEL_WIN,
	ST_CHECKIN_SEL_WIN, ST_ATTENDEE_SEL_WIN, ST_CHECKIN_ORG_SEL_WIN,
	ST_LEDGER_CARRY,	/* initiative ?1's counting entries dated before ?2: grant, line, amount */
	ST__MAX
};

extern const char *const store_sql[ST__MAX];

/* The schema migrations (schema.c); migration i sets user_version to i + 1. */
extern const char *const store_migrations[];
extern const int store_migrations_count;
/*
 * The migration (from 1) before whose text, on SQLite, every table's
 * CREATE text goes through store_check_in_lists (db_sqlite_schema_rewrite).
 */
#define STORE_MIGRATION_CHECK_LISTS 15
/*
 * Appends sql (a table's CREATE text) to out with each `x IN (c1, c2, c3,
 * ...)` of more than two constants written `x = c1 OR x = c2 OR ...`
 * (in parentheses unless it is a CHECK's whole expression; `NOT IN` as it
 * is). Returns how many lists it rewrote.
 */
int store_check_in_lists(const char *sql, struct strbuf *out);

/* the most rows of one INSERT (a power of two); store_stmt_rows */
#define STORE_ROWS_LOG2	6
#define STORE_ROWS_MAX	(1 << STORE_ROWS_LOG2)

struct store {
	int schema_was_empty;	/* no migration had run before store_open */
	struct db *db;			/* SQLite or PostgreSQL (db.h) */
	char *path;
	struct db_stmt *st[ST__MAX];	/* prepared on first use, kept until close */
	/*
	 * an INSERT of 1, 2, 4, ... STORE_ROWS_MAX rows at once, by statement,
	 * [0] as written (store_stmt_rows; its 1 row is st[]) and [1] each
	 * row's id given (store_stmt_rows_id), by log2 of the rows
	 */
	struct db_stmt *(*rows)[2][STORE_ROWS_LOG2 + 1];
	int writing;			/* a store_begin transaction is open */
	int new_file;		/* store_new_file: the rollback journal is on */
	int64_t bulk_was;		/* store_bulk: the cache_size it put back, or 0 */
	int depth;			/* transactions begun and not yet ended (they nest) */
	int doomed;			/* an inner one rolled back: the outermost cannot commit */
	int64_t changes_at_begin;	/* db_total_changes when the write began */
	/*
	 * What the open write changes, for the data's versions (schema.c,
	 * migration 4): the initiatives whose records it touched, or
	 * touch_all (the catalog: anything else, and the default when a
	 * write names nothing), or touch_none (no program data: accounts,
	 * sessions, sign-in throttling).
	 */
	VEC(int64_t) touched;
	int touch_all, touch_none;
	/* the data version the open write set (0: none yet), and whether it moved the catalog's */
	int64_t bumped;
	int bumped_catalog;
	/* the same for the last write committed (store_committed_version) */
	int64_t committed;
	int committed_catalog;
	/* PostgreSQL: the NOTIFY of a write's change to other servers (store.c, STORE_CHANNEL) */
	struct db_stmt *notify_catalog, *notify_initiative;
	/*
	 * store_versions' last answer read outside a transaction, for the
	 * initiative vslug ("" with vslug_set: none asked), and the database's
	 * state of commits just before it (db_unchanged). vslug_set 0: none.
	 */
	unsigned char vtoken[DB_TOKEN_SIZE];
	struct store_versions vmemo;
	char vslug[64];
	int vslug_set;
};

/*
 * Returns the prepared statement id, reset and with no bindings, or NULL
 * with a message in err. The statement belongs to s; hand it back with
 * store_stmt_done.
 */
struct db_stmt *store_stmt(struct store *s, enum stmt id, struct strbuf *err);
/*
 * The same for an INSERT statement id whose text ends with its one row's
 * "VALUES (?, ...)": that row repeated rows times (a power of two, 1 to
 * STORE_ROWS_MAX), so row r's parameter c is r * (parameters of one row) +
 * c. One statement of several rows costs SQLite about what one row does
 * (P1, docs/benchmarks.md). store_rows_chunk(n) is the most rows of the n
 * left that one such statement takes.
 */
struct db_stmt *store_stmt_rows(struct store *s, enum stmt id, int rows, struct strbuf *err);
/*
 * The same with one more column, the row's id, after the others: row r's
 * id is parameter (r + 1) * (parameters of one row, id included). For
 * PostgreSQL, whose ids are drawn first (db_new_ids); run it with
 * db_step_later only (db_prepare_later).
 */
struct db_stmt *store_stmt_rows_id(struct store *s, enum stmt id, int rows, struct strbuf *err);
int store_rows_chunk(size_t n);
/* Resets st so it can be used again (NULL is fine). */
void store_stmt_done(struct db_stmt *st);

/* Begins an immediate write transaction. */
int store_begin(struct store *s, struct strbuf *err);
/* Begins a read transaction: later reads see one snapshot. End it with store_commit. */
int store_begin_read(struct store *s, struct strbuf *err);
/*
 * Commits; on failure rolls back. A write that is audited ends with
 * store_write_commit instead, which writes its entry first.
 */
int store_commit(struct store *s, struct strbuf *err);
/*
 * Runs statement id (no parameters), which gives one row of one integer,
 * into *v. Returns 0, or -1 with "what: the database's message" in err.
 */
int store_int64(struct store *s, enum stmt id, int64_t *v, const char *what,
    struct strbuf *err);
/* Marks the open write as changing initiative rowid's records (or, see above, everything or no data). */
void store_touch(struct store *s, int64_t initiative);
void store_touch_all(struct store *s);
void store_touch_none(struct store *s);
/* store_touch of survey rowid's initiative; -1 with err set when it cannot be read. */
int store_touch_survey(struct store *s, int64_t survey, struct strbuf *err);

/* Rolls back the open transaction, if any. */
void store_rollback(struct store *s);
/* Inserts entry into the audit log in the open transaction; part of store_write_commit. */
int store_audit_write(struct store *s, const struct store_audit_entry *entry,
    struct strbuf *err);

/* Replaces err with "what: <the database's message>". */
void store_sqlerr(struct store *s, struct strbuf *err, const char *what);

/*
 * The generic record writer of program.c, shared with edit.c: each stored
 * record kind is a row of store_tables[], its columns its fields in
 * field-table order (see program.c and sql.c).
 */
#define STORE_LINKS_MAX 3

/* The record tables, in saving order: a parent before its children. */
enum store_table_id {
	T_ORG, T_PERSON, T_INSTRUMENT, T_ITEM, T_INITIATIVE, T_OBSERVATION,
	T_MEMBER, T_RESPONSIBILITY, T_DECISION, T_GRANT, T_LINE, T_LEDGER,
	T_APPLICATION, T_CREDIT, T_CONTRIBUTION, T_CHECKIN, T_EVENT, T_SURVEY,
	T_RESPONSE, T_TIE, T_PROPOSAL, T_PANSWER, T_ARESPONSE, T_ACTION, T_CANDIDATE, T_LEARNING,
	T_NOTE, T_FOLLOWUP, T_EVIDENCE, T_ASSISTANCE,	/* migration 9 (issue 13) */
	T_APPROVAL,					/* migration 12 (issue 13) */
	T__MAX
};

/* The program row, parent of the program-level tables. */
#define T_PROGRAM (-1)

struct store_table {
	const struct kind *k;
	int parent;			/* enum store_table_id, or T_PROGRAM */
	enum stmt ins, sel;
	enum stmt upd, del;		/* one row by id (edit.c) */
	/*
	 * Deletes every row under parent ?1. Only for the lists that an
	 * update of their parent replaces wholesale: those whose parent is
	 * neither the program nor an initiative (budget lines, instrument
	 * items, survey responses, learning notes, proposal answers), which
	 * no row references. A list under such a parent without one (a
	 * ledger entry's approvals) is append-only: an update of the parent
	 * inserts its new rows and leaves the stored ones.
	 */
	enum stmt del_of;
	int nlinks;			/* link fields, in field-table order */
	enum stmt link_ins[STORE_LINKS_MAX], link_sel[STORE_LINKS_MAX];
	enum stmt link_del[STORE_LINKS_MAX];
};

extern const struct store_table store_tables[T__MAX];

/* Whether table t holds an initiative's records (beneath it, not the initiative itself). */
int store_table_in_initiative(int t);
/* Returns the table of record kind k, T_PROGRAM for kind_program, or -2 when k is not stored. */
int store_table_of(const struct kind *k);

/* State of one write: the rowids it set, reset if it fails. */
struct store_save {
	struct store *s;
	struct program *p;		/* the program references are looked up in */
	struct initiative *ini;		/* the initiative whose grants a ledger entry names */
	VEC(int64_t *) assigned;	/* rowids set so far, reset on failure */
	struct strbuf *err;
	/*
	 * PostgreSQL (save_tree): the new records go in up to STORE_ROWS_MAX
	 * to a statement with the ids drawn for them, by table, before the
	 * first (ids[t].v[ids[t].next] is the next), and without waiting for
	 * each statement's answer (db_step_later).
	 */
	int given_ids;
	struct { int64_t *v; size_t n, next; } ids[T__MAX];
};

/*
 * Writes rec, a record of table t (or T_PROGRAM) and its link rows: inserts
 * it under the row parent (0: none) and sets its rowid when its rowid is 0,
 * else updates its row and replaces its link rows. Children are not
 * touched. Returns 0, or -1 with sv->err set. Runs inside the caller's
 * transaction.
 */
int store_record_write(struct store_save *sv, int t, void *rec, int64_t parent);
/* Inserts the records beneath parent (of table t) whose rowid is 0, recursively. */
int store_children_save(struct store_save *sv, int t, void *parent);
/* The value of k's key field in rec, for messages; NULL when it has none. */
const char *store_rec_key(const struct kind *k, const void *rec);

#endif
